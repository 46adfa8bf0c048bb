"""Deviner la langue d'un premier message, seulement quand c'est clair (issue 13, point 2).

La réponse est toujours confirmée d'un appui (« Voulez-vous que je parle en anglais ? ») : une erreur coûte
un appui, jamais un fait. Les messages sont courts (SMS, « moi afghanistan pas papier ») : un détecteur
statistique se trompe souvent sur 3 mots ; ici, l'écriture, puis des lettres propres à une langue
(ښ ړ ټ : pachto ; پ چ ژ گ : persan), puis des mots outils fréquents. ``candidates`` rend les langues
possibles, la plus probable d'abord ; ``detecter`` en rend une seule, ou None si ce n'est pas clair
(le français l'emporte à égalité : c'est la langue par défaut).
"""
from __future__ import annotations

import re
import unicodedata

_ARABE = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN = re.compile(r"[A-Za-zÀ-ÿĂăÂâÎîȘșŞşȚțŢţ]")
_PACHTO = set("ټډړښږګڼېۍځڅ")
_PERSAN = set("پچژگکی")        # aussi en pachto ; jamais en arabe (ك et ي y sont d'autres lettres)
_ARABE_SEUL = set("ةىكيأإؤ")     # lettres de l'arabe qu'un texte dari ou pachto n'emploie presque pas

_MOTS = {
    "ps": {"زه", "یم", "لرم", "نه", "غواړم", "څه", "ده", "دی", "مننه", "ستاسو", "زما", "کوم", "شم", "ولې"},
    "prs": {"من", "هستم", "دارم", "ندارم", "است", "میخواهم", "می‌خواهم", "چی", "تشکر", "کمک", "کجا", "نیست",
            "ما", "شما", "خانه", "پول", "ندارد", "میکنم", "چطور", "اسناد", "کاغذ"},
    "ar": {"أنا", "انا", "لا", "ليس", "لدي", "عندي", "أريد", "اريد", "مرحبا", "شكرا", "السلام", "عليكم", "في",
           "من", "هل", "أوراق", "اوراق", "مساعدة", "بدون", "ما", "كيف", "أين", "وين", "بدي"},
    "en": {"i", "i'm", "im", "am", "my", "the", "have", "don't", "dont", "need", "help", "hello", "hi", "please",
           "papers", "money", "is", "do", "want", "what", "where", "how", "with", "and", "you", "thanks", "thank",
           "no", "not", "any", "live", "street", "rent", "get", "can", "child", "children", "wife", "job",
           "years", "old", "month", "doctor", "sick", "house", "home", "english"},
    "ro": {"sunt", "nu", "și", "si", "eu", "vreau", "ajutor", "bună", "buna", "salut", "mulțumesc", "multumesc",
           "unde", "cum", "acte", "bani", "copii", "casă", "casa", "pentru", "este", "nevoie", "avem", "suntem",
           "locuiesc", "strada", "stradă", "română", "romana", "ani", "lună", "luna", "doctor", "copil", "soția",
           "sotia", "muncă", "munca", "vă", "rog", "am", "din", "la", "cu"},
    "fr": {"je", "suis", "j'ai", "jai", "pas", "les", "des", "est", "bonjour", "merci", "mon", "ma", "mes",
           "avec", "pour", "et", "une", "un", "que", "ai", "moi", "vous", "ans", "papiers", "papier", "sans",
           "droit", "droits", "rsa", "ame", "caf", "oui", "non", "le", "la", "de", "du", "au", "il", "elle",
           "on", "chez", "dans", "mois", "enfants", "salut", "bjr", "slt", "svp", "chui", "jsuis", "francais",
           "français", "aide", "rue", "logement", "rendez-vous", "rdv", "combien", "quoi", "comment"},
}
# arabe écrit en lettres latines (arabizi), mots fréquents au Maghreb, en Égypte, au Soudan, au Levant
_ARABIZI = {"salam", "slm", "salamou", "alaykoum", "alikoum", "3alaykoum", "ana", "3andi", "andi", "ma3andich",
            "makaynch", "bghit", "bgheet", "baghi", "na3ref", "kifach", "kifeh", "chokran", "choukran", "shukran",
            "khouya", "wallah", "wlh", "inchallah", "hamdoulah", "wra9", "awra9", "lwra9", "awrak",
            "mafich", "mafish", "3ayech", "nekhdem", "flous", "mzyan", "bezaf", "barcha", "ya3ni"}
# mots partagés : ils ne comptent pour aucune langue latine
_PARTAGES = {"am", "la", "cu", "doctor", "no", "casa", "salut", "un"}


def _mots(texte: str) -> list[str]:
    t = unicodedata.normalize("NFC", texte.lower())
    return re.findall(r"[\w'’‌-]+", t.replace("’", "'"))


def candidates(texte: str) -> list[str]:
    """Langues possibles du texte, la plus probable d'abord ; vide si rien ne ressort (emoji, chiffres)."""
    if not isinstance(texte, str):
        return []
    arabe = len(_ARABE.findall(texte))
    latin = len(_LATIN.findall(texte))
    if arabe == 0 and latin == 0:
        return []
    if arabe > latin:
        lettres = set(texte)
        mots = set(_mots(texte))
        if lettres & _PACHTO:
            return ["ps"]
        scores = {code: len(mots & _MOTS[code]) for code in ("ar", "prs", "ps")}
        if lettres & _PERSAN and not lettres & _ARABE_SEUL:
            scores["ar"] = -1
        elif lettres & _ARABE_SEUL and not lettres & _PERSAN:
            scores["prs"] = scores["ps"] = -1
        tries = sorted(scores, key=lambda c: -scores[c])
        return [c for c in tries if scores[c] >= 0]
    mots = [m for m in _mots(texte) if m not in _PARTAGES]
    # l'arabe écrit en lettres latines et chiffres (« ma 3andi wra9 », « bghit na3ref 7o9o9i ») : l'arabe
    arabizi = sum(1 for m in mots if m in _ARABIZI or re.fullmatch(r"[a-z]*[23579][a-z]+[a-z0-9]*", m))
    if arabizi >= 2 and arabizi >= len(mots) / 3:
        return ["ar"]
    scores = {code: sum(m in _MOTS[code] for m in mots) for code in ("fr", "en", "ro")}
    if not any(scores.values()):
        return []
    return [c for c in sorted(scores, key=lambda c: (-scores[c], c != "fr")) if scores[c] > 0]


def detecter(texte: str) -> str | None:
    """La langue du texte si elle est claire (une seule candidate, ou nettement devant), sinon None."""
    cands = candidates(texte)
    if not cands:
        return None
    if len(cands) == 1:
        return cands[0]
    if cands[0] in ("ar", "prs", "ps"):
        # écriture arabe sans lettre propre : clair seulement si les mots outils désignent une langue
        mots = set(_mots(texte))
        scores = [len(mots & _MOTS[c]) for c in cands]
        return cands[0] if scores[0] >= 1 and scores[0] > scores[1] else None
    return _latin_clair(texte, cands)


def _latin_clair(texte: str, cands: list[str]) -> str | None:
    mots = [m for m in _mots(texte) if m not in _PARTAGES]
    scores = {c: sum(m in _MOTS[c] for m in mots) for c in cands}
    premier, second = cands[0], cands[1]
    if premier == "fr":
        return "fr"
    return premier if scores[premier] >= 2 * max(1, scores[second]) else None

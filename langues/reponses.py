"""Lire une réponse courte dans une autre langue que le français (issue 13, point 3).

Précision d'abord, comme en français : une réponse n'est lue que si **tout** le message est un mot de
``langues/<code>/comprendre.yaml`` (oui, non, « je ne sais pas »), un nombre (chiffres, ou nombre écrit en
mots), ou le libellé d'un bouton de la question posée dans cette langue. Sinon : rien, et la question
revient avec ses boutons. Jamais un fait deviné.

    lire(question, "yes", "en")        -> Lu(valeur=True, ne_sait_pas=False)
    lire(question, "خمسة وعشرين", "ar") -> Lu(valeur=25, ...)
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from . import DOSSIER

_CHIFFRES = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_PONCTUATION = re.compile(r"[\s.,;:!?¿؟،؛«»\"'“”„()\-–—…]+")


@dataclass(frozen=True)
class Lu:
    valeur: Any = None
    ne_sait_pas: bool = False


def normaliser(texte: str) -> str:
    """Minuscules, chiffres occidentaux, sans tatouil ni voyelles arabes, espaces simples, sans ponctuation."""
    t = unicodedata.normalize("NFC", texte or "").translate(_CHIFFRES).lower()
    t = t.replace("\u0640", "")  # tatouil
    t = "".join(c for c in t if not ("\u064b" <= c <= "\u065f"))  # harakat
    t = t.replace("\u200c", " ")  # demi-espace (ZWNJ) : « نمی‌دانم » = « نمی دانم »
    return _PONCTUATION.sub(" ", t).strip()


def _sans_diacritiques(t: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))


@cache
def vocabulaire(langue: str) -> dict[str, Any]:
    f = DOSSIER / langue / "comprendre.yaml"
    brut = (yaml.safe_load(f.read_text(encoding="utf-8")) or {}) if f.exists() else {}
    def ensemble(cle: str) -> frozenset[str]:
        return frozenset(normaliser(str(m)) for m in brut.get(cle) or () if normaliser(str(m)))
    oui, non = ensemble("oui"), ensemble("non")
    nombres = {normaliser(str(k)): int(v) for k, v in (brut.get("nombres") or {}).items()
               if isinstance(v, int) and not isinstance(v, bool) and normaliser(str(k))}
    # un mot qui voudrait dire deux choses n'est lu nulle part
    ambigus = (oui & non) | (set(nombres) & (oui | non))
    return {"oui": oui - ambigus, "non": non - ambigus, "ne_sait_pas": ensemble("ne_sait_pas"),
            "liaisons": ensemble("liaisons"), "nombres": {k: v for k, v in nombres.items() if k not in ambigus}}


def nombre(texte: str, langue: str) -> int | None:
    """« 34 », « thirty four », « خمسة وعشرين », « două mii » → l'entier ; None si un mot n'est pas un nombre."""
    t = normaliser(texte)
    if re.fullmatch(r"\d{1,9}", t):
        return int(t)
    m = re.fullmatch(r"(\d{1,3}(?:[ .]\d{3})+)", t)
    if m:
        return int(re.sub(r"\D", "", t))
    voc = vocabulaire(langue)
    mots = t.split()
    if not mots:
        return None
    total, courant, vu = 0, 0, False
    for mot in mots:
        if mot in voc["liaisons"]:
            continue
        valeur = voc["nombres"].get(mot)
        if valeur is None and langue == "ar" and mot.startswith("و") and len(mot) > 1:
            valeur = voc["nombres"].get(mot[1:])  # « وعشرين » : « et vingt »
        if valeur is None and langue in ("prs", "ps") and mot.startswith("و") and len(mot) > 1:
            valeur = voc["nombres"].get(mot[1:])
        if valeur is None:
            return None
        vu = True
        if valeur == 1000:
            total += max(courant, 1) * 1000
            courant = 0
        elif valeur == 100:
            courant = max(courant, 1) * 100
        else:
            courant += valeur
    return total + courant if vu else None


def _libelle(texte: str) -> str:
    return _sans_diacritiques(normaliser(texte))


def lire(question: dict | None, texte: str, langue: str) -> Lu:
    """La réponse à ``question`` (format de ``droits.prochaine_question`` dans cette langue), ou ``Lu()``."""
    if not question or not isinstance(texte, str):
        return Lu()
    voc = vocabulaire(langue)
    t = normaliser(texte)
    if not t:
        return Lu()
    if t in voc["ne_sait_pas"]:
        return Lu(ne_sait_pas=True)
    type_ = question.get("type")
    # le libellé d'un bouton de la question, tapé tel quel (« Autre pays », « Rien », « خارج أوروبا »)
    cible = _libelle(texte)
    for c in question.get("choix") or ():
        if _libelle(str(c.get("libelle", ""))) == cible:
            return Lu(valeur=c["valeur"])
    for b in question.get("boutons") or ():
        if _libelle(str(b.get("libelle", ""))) == cible:
            if b.get("ne_sait_pas"):
                return Lu(ne_sait_pas=True)
            if "valeur" in b and "faits" not in b:
                return Lu(valeur=b["valeur"])
            return Lu()  # une fourchette ou une question groupée : le bouton lui-même, pas le texte
    if type_ == "booleen" and question.get("oui_non", True):
        if t in voc["oui"]:
            return Lu(valeur=True)
        if t in voc["non"]:
            return Lu(valeur=False)
    if type_ in ("entier", "nombre"):
        n = nombre(texte, langue)
        if n is not None and str(question.get("champ", "")).startswith("ressources") and 1 <= n <= 9:
            return Lu()  # « 2 » à une question d'argent : 2 € ou le 2e choix ? On redemande, comme en français.
        if n is not None:
            return Lu(valeur=n)
    return Lu()

"""Normalisation du texte : minuscules sans accents, orthographe SMS, nombres en chiffres.

Le résultat est une suite de mots séparés par une espace ; la ponctuation forte (. , ; : ! ? /)
devient un mot à part, sauf entre deux chiffres (« 2,5 », « 12/03/1990 »). Les nombres écrits
en lettres passent en chiffres avec ``text2num.alpha2digit`` (« trente-quatre » -> 34,
« mille deux cents » -> 1200, « deux ans et demi » -> « 2 ans et demi »).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from text_to_num import alpha2digit

from .lexique import EXPRESSIONS, MOTS, ORDINAUX
from .rapide import motif as motif_rapide

# Au-delà, le texte est coupé : un message utile tient en quelques phrases, et le temps de
# traitement reste borné (un message de 10 ko est traité en quelques millisecondes).
LIMITE_CARACTERES = 3000

_INITIALE = re.compile(r"\b(M|Mme|Mr|Mlle|Mmes|Dr|[A-Z])\.(?=\s*[,:;(]|\s+[A-Za-z0-9])")
# « mille deux » (à l'oral : 1 200) ; « mille deux cents » reste tel quel
_MILLE_FAMILIER = re.compile(r"\b(mille) (deux|trois|quatre|cinq|six|sept|huit|neuf)\b(?!\s*(?:cents?|mille|et\b|-|vingt|trente|quarante|cinquante|soixante|dix|onze|douze|treize|quatorze|quinze|seize))",
                             re.IGNORECASE)
_APOSTROPHES = re.compile(r"[’'`´‘ʼ′]")
_TIRET_MOTS = re.compile(r"(?<=[a-z])[-_](?=[a-z])")
_TIRET_CHIFFRE = re.compile(r"(?<=\d)-(?=[a-z])|(?<=[a-z])-(?=\d)")
_AUTRES = re.compile(r"[^a-z0-9.,;:!?/+\n ]+")
_REPETITIONS = re.compile(r"([a-z])\1{2,}")
_MILLIERS_K = motif_rapide(r"\b(\d+)(?:[.,](\d+))? ?k(\d{1,3})?\b")
_COLLE_CHIFFRE_LETTRE = re.compile(r"(\d)([a-z])")
_COLLE_LETTRE_CHIFFRE = re.compile(r"([a-z])(\d)")
_PONCT_POINT = re.compile(r"(?<!\d)[.,]|[.,](?!\d)")
_PONCT_FORTE = re.compile(r"[;:!?\n+]")
_BARRE = re.compile(r"(?<!\d)/|/(?!\d)")
_ESPACES = re.compile(r"\s+")
_MOT = re.compile(r"[a-z]+")
# Arabe maghrébin écrit avec des chiffres (3 = ع, 7 = ح), à lire avant de séparer lettres et chiffres.
_AVANT_CHIFFRES = [(re.compile(r"\bma3r\w*|\bma3ref\w*"), " je sais pas "), (re.compile(r"\b3andi\b"), " j ai "),
                   (re.compile(r"\bs7ab\w*"), " mon pote "), (re.compile(r"\bri1\b"), " rien "),
                   (re.compile(r"\bbi1\b"), " bien "), (re.compile(r"\b2m1\b"), " demain ")]
_AVANT_CHIFFRES_TOUS = re.compile("|".join(m.pattern for m, _ in _AVANT_CHIFFRES))
# text2num écrit aussi l'article « un » / « une » en « 1 » : on le protège quand il n'annonce pas
# une quantité (« un pote », « une domiciliation ») ;
# « un an », « un enfant », « vingt et un » restent des nombres.
_UNITES_UN = (r"ans?|mois|semaines?|jours?|h|heures?|euros|e|k|et demi|enfants|fils|filles?|gosses|bebes?|garcons?|"
              r"personnes?|pers|fois|annees?|nuits?|seule?|kids|ados?|mille|cent|cents|million|millions")
_UN_ARTICLE = motif_rapide(r"(?<!vingt et )(?<!trente et )(?<!quarante et )(?<!cinquante et )(?<!soixante et )"
                         r"(?<!\bdix et )\b(un|une) (?!(?:" + _UNITES_UN + r")\b)(?=[a-z])")
# Fourchettes : « de 300 à 400 », « 300-400 », « 30 ou 35 ans » -> « entre 300 et 400 » (forme unique,
# lue par ``analyse`` : les nombres d'une fourchette ne sont jamais pris pour une valeur exacte).
_N = r"\d+(?:[.,]\d+)?"
_FOURCHETTES = [
    motif_rapide(r"\bentre (" + _N + r") (?:euros |e )?(?:e|a) (" + _N + r")\b"),
    motif_rapide(r"\bde (" + _N + r") (?:euros |e )?(?:a|au) (" + _N + r")\b"),
    motif_rapide(r"\b(" + _N + r") (?:a|ou) (" + _N + r")\b(?= ?(?:euros|e|ans|an|mois|par|/|net|"
               r"enfants|heures|h|$|[,.;!?]))"),
    motif_rapide(r"\b(" + _N + r") (?:euros|e) (?:a|ou) (" + _N + r") (?=euros|e\b)"),
    motif_rapide(r"\b(" + _N + r") (?:euros |e )?(?:et|a) (" + _N + r") (?=euros|e\b)"),
]
_TIRET_NOMBRES = motif_rapide(r"(?<![\d/.-])(\d+)\s*-\s*(\d+)(?![\d/.-])")
_EXPRESSIONS = [(motif_rapide(motif), remplacement) for motif, remplacement in EXPRESSIONS]


def _alternatives(motif: str) -> list[str]:
    """Les branches de premier niveau d'une expression (« a|b(c|d) » -> « a », « b(c|d) »)."""
    branches, profondeur, debut = [], 0, 0
    for i, c in enumerate(motif):
        if c == "\\":
            continue
        if c == "(" and (i == 0 or motif[i - 1] != "\\"):
            profondeur += 1
        elif c == ")" and motif[i - 1] != "\\":
            profondeur -= 1
        elif c == "|" and profondeur == 0 and motif[i - 1] != "\\":
            branches.append(motif[debut:i])
            debut = i + 1
    return branches + [motif[debut:]]


def _indices(motif: str) -> tuple[str, ...] | None:
    """Mots qu'un texte doit contenir pour que l'expression puisse s'y trouver (None : on ne sait pas)."""
    indices = []
    for branche in _alternatives(motif):
        m = re.match(r"(?:\\b)?([a-z0-9 ]+)", branche)
        if not m:
            return None
        litteral = m.group(1)
        if branche[m.end():m.end() + 1] in ("?", "*", "{"):
            litteral = litteral[:-1]  # le dernier caractère est facultatif
        litteral = litteral.strip()
        if not litteral:
            return None
        indices.append(litteral)
    return tuple(indices)


# Chaque expression n'est essayée que si un de ses mots est dans le texte : une grande alternative
# lue à chaque position coûtait ~0,7 ms par long message.
_EXPRESSIONS_INDICES = [(motif, remplacement, _indices(source))
                        for (motif, remplacement), (source, _) in zip(_EXPRESSIONS, EXPRESSIONS)]



_ORDINAL = motif_rapide(
    r"\b(paris|dans le|le)\s+(" + "|".join(sorted(ORDINAUX, key=len, reverse=True)) + r")\b"
    r"|\b(" + "|".join(sorted(ORDINAUX, key=len, reverse=True)) + r")(?=\s+arrondissement)"
)
_UNITE_APRES = (r"(?=\s*(?:euros?\b|e\b|net|brut|par\b|/|mensuel|de\s+(?:revenu|salaire|rsa|apl|loyer|dette)"
                r"|$|[,.;:!?]))")
# « 1 200 », « 12 500 », « 100 000 » ; pas « 200 300 » (deux montants, ou une fourchette)
_GROUPES = motif_rapide(r"\b(\d{1,2}|\d{3}(?= 000))((?: \d{3})+)\b" + _UNITE_APRES)
_POINT_MILLIERS = motif_rapide(r"\b(\d{1,3})[.,](\d{3})\b" + _UNITE_APRES)
_MULTIPLIE = motif_rapide(r"\b(\d+(?:[.,]\d+)?) (1000000|1000)\b")


def _sans_accents(texte: str) -> str:
    texte = texte.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
    texte = texte.replace("ß", "ss")
    # les lettres hors alphabet latin (arabe, emoji...) disparaissent : elles ne portent aucun fait ici
    return unicodedata.normalize("NFKD", texte).encode("ascii", "ignore").decode("ascii")


def _k(m: re.Match) -> str:
    """« 1,2k » -> 1200, « 1k2 » -> 1200, « 10k » -> 10000."""
    entier, decimales, suite = m.group(1), m.group(2), m.group(3)
    if decimales is None and suite is not None:
        decimales = suite
    valeur = float(f"{entier}.{decimales}") if decimales else float(entier)
    return f"{round(valeur * 1000):d} "


def _ordinal(m: re.Match) -> str:
    if m.group(3):
        return f"{ORDINAUX[m.group(3)]} e"
    return f"{m.group(1)} {ORDINAUX[m.group(2)]} e"


def _multiplie(m: re.Match) -> str:
    valeur = float(m.group(1).replace(",", ".")) * int(m.group(2))
    return f"{round(valeur):d}"


def _mots(texte: str) -> str:
    return _MOT.sub(lambda m: MOTS.get(m.group(), m.group()), texte)


def _nombres(texte: str) -> str:
    texte = _ORDINAL.sub(_ordinal, texte)
    texte = _UN_ARTICLE.sub(lambda m: f"zq{m.group(1)}zq ", texte)  # protégé de text2num
    try:
        texte = alpha2digit(texte, "fr", threshold=0)
    except Exception:  # text2num ne doit jamais faire échouer l'extraction
        pass
    texte = texte.replace("zqunezq", "une").replace("zqunzq", "un")
    texte = _MULTIPLIE.sub(_multiplie, texte)
    texte = _GROUPES.sub(lambda m: m.group(1) + m.group(2).replace(" ", ""), texte)
    texte = _POINT_MILLIERS.sub(lambda m: m.group(1) + m.group(2), texte)
    for motif in _FOURCHETTES:
        texte = motif.sub(_fourchette, texte)
    for motif, remplacement in _CORRECTIONS_NOMBRES:
        texte = motif.sub(remplacement, texte)
    return texte


# Corrections dans le texte (SPEC R7) : « 2 pas 3 » -> 2 ; « pas 3 mais 2 » -> 2 ;
# « 35 ans, non pardon, 36 » -> 36 ans ; « j'ai 2 enfants, non 3 » -> 3 enfants.
_MOT_CORRECTION = (r"(?:non|pardon|non pardon|enfin|plutot|ou plutot|je veux dire|je voulais dire|oups|attends|attendez|"
                   r"erreur|non non|correction|je corrige|je me suis trompee?)")
_CORRECTIONS_NOMBRES = [
    (motif_rapide(r"\b(\d+)((?: [a-z]+){0,3}?)(?: [,.!?:;])* (?:" + _MOT_CORRECTION + r"(?: [,.!?:;])* )+(\d+)\b"
                r"(?P<u> (?:ans?|mois|euros|e|enfants|heures|semaines|jours)\b)?"),
     lambda m: f"{m.group(3)}{m.group('u') or m.group(2) or ''}"),
    (motif_rapide(r"\bpas (\d+)(?: ,)? mais (\d+)\b"), r"\2"),
    (motif_rapide(r"\b(\d+) pas (\d+)\b"), r"\1"),
]


def _fourchette(m: re.Match) -> str:
    avant = m.string[max(0, m.start() - 7):m.start()]
    if avant.endswith("entre "):
        return m.group()
    bas, haut = (float(x.replace(",", ".")) for x in m.groups())
    if bas >= haut:
        return m.group()  # « 3 ou 2 », « 1990 a 2000 » inversé : pas une fourchette
    return f"entre {m.group(1)} et {m.group(2)} "


def normaliser(texte: object) -> str:
    """Texte brut -> texte normalisé (voir le module). Ne lève jamais d'exception."""
    if texte is None:
        return ""
    if not isinstance(texte, str):
        texte = str(texte)
    return _normaliser(texte)


@lru_cache(maxsize=512)
def _normaliser(texte: str) -> str:
    """Une réponse est lue deux fois (les faits, puis la réponse courte) : le résultat est gardé."""
    texte = texte[:LIMITE_CARACTERES].replace("€", " euros ").replace("$", " dollars ")
    texte = _INITIALE.sub(lambda m: "Monsieur" if m.group(1) == "M" else m.group(1), texte)  # « M. T. », « Mme K. » : pas une fin de phrase
    texte = _MILLE_FAMILIER.sub(lambda m: f"{m.group(1)} {m.group(2)} cents", texte)
    texte = _sans_accents(texte).casefold()
    texte = _APOSTROPHES.sub(" ", texte)
    texte = _TIRET_NOMBRES.sub(r" entre \1 et \2 ", texte)
    texte = _TIRET_MOTS.sub(" ", texte)
    texte = _TIRET_CHIFFRE.sub(" ", texte)
    texte = _AUTRES.sub(" ", texte)
    texte = _REPETITIONS.sub(r"\1", texte)
    if _AVANT_CHIFFRES_TOUS.search(texte):
        for motif, remplacement in _AVANT_CHIFFRES:
            texte = motif.sub(remplacement, texte)
    texte = _MILLIERS_K.sub(_k, texte)
    texte = _COLLE_CHIFFRE_LETTRE.sub(r"\1 \2", texte)
    texte = _COLLE_LETTRE_CHIFFRE.sub(r"\1 \2", texte)
    texte = _PONCT_POINT.sub(lambda m: f" {m.group()} ", texte)
    texte = _PONCT_FORTE.sub(lambda m: " . " if m.group() == "\n" else f" {m.group()} ", texte)
    texte = _BARRE.sub(" / ", texte)
    texte = _ESPACES.sub(" ", texte).strip()
    texte = _mots(texte)
    texte = _ESPACES.sub(" ", texte).strip()
    for motif, remplacement, indices in _EXPRESSIONS_INDICES:
        if indices is None or any(i in texte for i in indices):
            texte = motif.sub(remplacement, texte)
    texte = _nombres(texte)
    return _ESPACES.sub(" ", texte).strip()

"""Alphabet GSM 03.38 (GSM-7) : test, conversion et nombre de segments.

Un SMS fait 160 caractères en GSM-7, 70 seulement s'il contient un seul caractère hors de cet
alphabet (UCS-2). L'alphabet a é è ù à ì ò É Ç, mais pas ê â î ô û ë ï ç : on les remplace par
leur lettre de base (« etre », « hopital »), comme le demande ../shared/docs/falc.md.
"""
from __future__ import annotations

import math
import unicodedata

BASE = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
EXTENSION = "\f^{}\\[~]|€"  # chacun compte pour 2 (échappement + caractère)
_BASE = frozenset(BASE) - {"\x1b"}
_EXT = frozenset(EXTENSION)

REMPLACEMENTS = {
    # lettres françaises absentes de GSM-7
    "ê": "e", "ë": "e", "â": "a", "î": "i", "ï": "i", "ô": "o", "û": "u", "ç": "c", "ÿ": "y",
    "á": "a", "í": "i", "ó": "o", "ú": "u", "ã": "a", "õ": "o",
    "À": "A", "Â": "A", "È": "E", "Ê": "E", "Ë": "E", "Î": "I", "Ï": "I", "Ô": "O",
    "Û": "U", "Ù": "U", "Ÿ": "Y", "Á": "A", "Í": "I", "Ó": "O", "Ú": "U",
    "œ": "oe", "Œ": "OE",
    # typographie
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\t": " ",
    "’": "'", "‘": "'", "‚": "'", "ʼ": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
    "–": "-", "—": "-", "‑": "-", "‐": "-", "−": "-", "…": "...", "•": "-", "·": ".",
    "°": "o", "`": "'",
}


def is_gsm7(texte: str) -> bool:
    """Vrai si tout le texte s'écrit avec l'alphabet GSM-7 (base ou extension)."""
    return all(c in _BASE or c in _EXT for c in texte)


def to_gsm7(texte: str) -> str:
    """Convertit en GSM-7 : lettres accentuées absentes → lettre de base, guillemets et tirets
    typographiques → équivalents simples, le reste sans équivalent → « ? »."""
    sortie = []
    for c in texte:
        if c in _BASE or c in _EXT:
            sortie.append(c)
        elif c in REMPLACEMENTS:
            sortie.append(REMPLACEMENTS[c])
        else:
            decompose = unicodedata.normalize("NFKD", c)
            simple = "".join(x for x in decompose if not unicodedata.combining(x))
            if simple and all(x in _BASE for x in simple):
                sortie.append(simple)
            else:
                sortie.append("?")
    return "".join(sortie)


def longueur_gsm7(texte: str) -> int:
    """Nombre de septets (un caractère d'extension en compte 2)."""
    return sum(2 if c in _EXT else 1 for c in texte)


def segments(texte: str) -> int:
    """Nombre de SMS facturés : 160/153 en GSM-7, 70/67 en UCS-2."""
    if is_gsm7(texte):
        n = longueur_gsm7(texte)
        return 1 if n <= 160 else math.ceil(n / 153)
    n = len(texte.encode("utf-16-le")) // 2
    return 1 if n <= 70 else math.ceil(n / 67)


def tient_en_un_sms(texte: str) -> bool:
    return is_gsm7(texte) and longueur_gsm7(texte) <= 160

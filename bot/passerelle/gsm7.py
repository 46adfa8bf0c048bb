"""GSM-7 : l'alphabet des SMS à 160 caractères (repli si ``rdv.sms.gsm7`` est absent).

L'alphabet de base a é è ù à ì ò É Ç mais pas ê â î ô û ë ï ç : on les remplace par la
lettre simple (voir shared/docs/falc.md). Les caractères de la table d'extension
(€ [ ] { } ^ ~ | \\) comptent double.
"""

from __future__ import annotations

import math
import unicodedata

BASE = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
EXTENSION = set("^{}\\[~]|€\f")

_REMPLACEMENTS = {
    "ç": "c", "œ": "oe", "Œ": "OE", "æ": "ae",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"',
    "‘": "'", "’": "'", "‚": "'", "`": "'",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
    "…": "...", "•": "-", "·": ".",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\t": " ",
    "À": "A", "Â": "A", "È": "E", "Ê": "E", "Ë": "E", "Î": "I", "Ï": "I", "Ô": "O",
    "Ù": "U", "Û": "U", "Ÿ": "Y",
}


def caractere_gsm7(c: str) -> str:
    if c in BASE or c in EXTENSION:
        return c
    if c in _REMPLACEMENTS:
        return _REMPLACEMENTS[c]
    decompose = unicodedata.normalize("NFD", c)
    simple = "".join(x for x in decompose if not unicodedata.combining(x))
    if simple and all(x in BASE for x in simple):
        return simple
    return ""


def vers_gsm7(texte: str) -> str:
    """Texte sûr en GSM-7 (sans lettre hors alphabet ; emoji et symboles inconnus retirés)."""
    sortie = "".join(caractere_gsm7(c) for c in unicodedata.normalize("NFC", texte))
    while "  " in sortie:
        sortie = sortie.replace("  ", " ")
    return sortie.strip()


def septets(texte: str) -> int:
    return sum(2 if c in EXTENSION else 1 for c in texte)


def est_gsm7(texte: str) -> bool:
    return all(c in BASE or c in EXTENSION for c in texte)


def segments(texte: str) -> int:
    """Nombre de SMS pour ce texte GSM-7 (160 septets seul, 153 par segment concaténé)."""
    n = septets(texte)
    if n <= 160:
        return 1
    return math.ceil(n / 153)


def capacite(nombre_segments: int) -> int:
    return 160 if nombre_segments <= 1 else 153 * nombre_segments

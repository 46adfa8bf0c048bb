"""Codes de rendez-vous courts, lisibles et sans ambiguïté : « K7P-4QX ».

Alphabet de 25 signes sans 0/O, 1/I/L, 2/Z, 5/S, 8/B : 25⁶ ≈ 244 millions de codes.
"""
from __future__ import annotations

import re
import secrets

ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
_FORME = re.compile(rf"^[{ALPHABET}]{{3}}-[{ALPHABET}]{{3}}$")


def nouveau_code() -> str:
    signes = "".join(secrets.choice(ALPHABET) for _ in range(6))
    return f"{signes[:3]}-{signes[3:]}"


def normaliser_code(saisie: str) -> str | None:
    """« k7p 4qx », « K7P4QX », « k7p-4qx » → « K7P-4QX » ; None si ce n'est pas un code."""
    if not isinstance(saisie, str) or len(saisie) > 20:
        return None
    brut = re.sub(r"[\s\-_.]", "", saisie).upper()
    if len(brut) != 6:
        return None
    code = f"{brut[:3]}-{brut[3:]}"
    return code if _FORME.match(code) else None


# Recherche avec chevauchement (lookahead) : « est K7P-4QX » ne doit pas avaler le code.
_CANDIDAT = re.compile(r"(?=(?<![A-Za-z0-9])([A-Za-z0-9]{3})([\s\-_.]?)([A-Za-z0-9]{3})(?![A-Za-z0-9]))")


def chercher_codes(texte: str) -> list[str]:
    """Les codes possibles d'un message, les plus sûrs d'abord (« K7P-4QX » ou « K7P4QX » d'un seul
    tenant, puis « k7p 4qx »). « changer mon rdv K7P 4QX » donne aussi « RDV-K7P » : l'appelant
    essaie chaque code dans la base.

    Dans une phrase, un mot ordinaire de 6 lettres (« cheque ») n'est pas pris pour un code : il faut
    un chiffre, un séparateur (« K7P-4QX ») ou des majuscules. Un message qui n'est que le code
    (« kmrtcx ») est pris tel quel.
    """
    if not isinstance(texte, str):
        return []
    seul = normaliser_code(texte.strip())  # le message n'est que le code (« kmrtcx ») : on le prend
    if seul:
        return [seul]
    trouves: list[tuple[int, int, str]] = []
    for m in _CANDIDAT.finditer(texte[:500]):
        brut = m.group(1) + m.group(3)
        if not (m.group(2) or any(c.isdigit() for c in brut) or brut.isupper()):
            continue
        code = normaliser_code(brut)
        if code and code not in [t[2] for t in trouves]:
            trouves.append((1 if m.group(2).isspace() else 0, m.start(), code))
    return [code for _, _, code in sorted(trouves)]


def chercher_code(texte: str) -> str | None:
    """Le code le plus sûr d'un message (« annuler k7p 4qx stp » → « K7P-4QX »), ou None."""
    codes = chercher_codes(texte)
    return codes[0] if codes else None

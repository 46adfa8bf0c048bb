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

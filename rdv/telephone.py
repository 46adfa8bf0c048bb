"""Numéros de portable français : validation et forme E.164. Ne jamais journaliser un numéro."""
from __future__ import annotations

import re

import phonenumbers
from phonenumbers import PhoneNumberType

from rdv.erreurs import TelephoneInvalide

__all__ = ["TelephoneInvalide", "masquer", "valider_portable"]


def valider_portable(numero: str) -> str:
    """Rend le numéro au format E.164 (« +33612345678 ») ou lève TelephoneInvalide.

    Accepte « 06 12 34 56 78 », « 06.12.34.56.78 », « +33 6 12 34 56 78 », « 0033612345678 ».
    """
    if not isinstance(numero, str) or not numero.strip() or len(numero) > 40:
        raise TelephoneInvalide()
    brut = numero.strip()
    if brut.startswith("00"):
        brut = "+" + brut[2:]
    try:
        n = phonenumbers.parse(brut, "FR")
    except phonenumbers.NumberParseException:
        raise TelephoneInvalide() from None
    if n.country_code != 33 or not phonenumbers.is_valid_number(n):
        raise TelephoneInvalide()
    national = str(n.national_number)
    if len(national) != 9 or national[0] not in "67":
        raise TelephoneInvalide()
    if phonenumbers.number_type(n) not in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE):
        raise TelephoneInvalide()
    return phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164)


_CANDIDAT = re.compile(r"(?:\+|00)?[\d][\d\s.\-()]{7,18}\d")
_PORTABLE_FR = re.compile(r"(?<![\d+])(?:\+33\s*\(?0?\)?\s*|0033\s*|0)[67](?:[\s.\-]?\d{2}){4}(?!\d)")


def chercher_portable(texte: str) -> str | None:
    """Le premier numéro de portable français valide d'un message, au format E.164, ou None.

    ``phonenumbers.PhoneNumberMatcher`` lit « 06 12 34 56 78 2 fois » ou « le 0612345678 svp »."""
    if not isinstance(texte, str):
        return None
    for m in _PORTABLE_FR.finditer(texte[:500]):  # forme française : « 06 12 34 56 78 », « +33 6 … »
        try:
            return valider_portable(m.group(0))
        except TelephoneInvalide:
            continue
    for trouve in phonenumbers.PhoneNumberMatcher(texte[:500], "FR"):
        try:
            return valider_portable(trouve.raw_string)
        except TelephoneInvalide:
            continue
    return None


def contient_un_numero(texte: str) -> bool:
    """Le message ressemble-t-il à un numéro (même faux) ? Pour dire « ce numéro ne marche pas »."""
    return isinstance(texte, str) and bool(_CANDIDAT.search(texte[:500]))


def masquer(numero: str | None) -> str:
    """« +33612345678 » → « +33 6** ** ** 78 » : assez pour reconnaître, pas pour appeler."""
    if not numero:
        return ""
    chiffres = numero.lstrip("+")
    if len(chiffres) < 4:
        return "***"
    return f"+{chiffres[:2]} {chiffres[2]}** ** ** {chiffres[-2:]}"

"""Pseudonymes des expéditeurs : HMAC-SHA256 avec une clé secrète (PSEUDONYME_CLE).

Rasa ne voit jamais un numéro de téléphone, un identifiant Telegram ni l'identifiant
choisi par le navigateur : seulement ``HMAC(clé, "canal:identifiant")``. Sans la clé, on ne
peut pas retrouver la personne ; avec la même clé, une personne garde le même pseudonyme.
"""

from __future__ import annotations

import hashlib
import hmac


class Pseudonymiseur:
    def __init__(self, cle: bytes):
        if not cle:
            raise ValueError("clé de pseudonymisation vide")
        self._cle = cle

    def pseudonyme(self, canal: str, identifiant: str) -> str:
        message = f"{canal}:{identifiant}".encode("utf-8")
        empreinte = hmac.new(self._cle, message, hashlib.sha256).hexdigest()[:32]
        return f"{canal[:2]}-{empreinte}"

    def __repr__(self) -> str:  # ne jamais afficher la clé
        return "Pseudonymiseur(<clé masquée>)"

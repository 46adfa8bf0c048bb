"""Jetons signés (HMAC-SHA256) qu'un serveur sans état sait vérifier : le droit de réserver d'une
conversation qui a reçu un verdict.

La passerelle voit passer le verdict (``custom.resultats``) d'une conversation : elle remet au client
``custom.jeton_rdv`` = ``c1.<pseudonyme>.<expiration>.<signature>``. L'API publique de réservation
n'accepte une réservation sans compte professionnel qu'avec ce jeton : le rendez-vous est alors lié
au pseudonyme (un seul rendez-vous à venir par conversation, effacé avec elle).
Le pseudonyme n'est pas secret pour le client (c'est le sien) ; la clé, si.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import time

_FORME = re.compile(r"^c1\.([a-z]{2}-[0-9a-f]{32})\.(\d{1,12})\.([0-9a-f]{32})$")


def _signature(cle: bytes, pseudonyme: str, expiration: int) -> str:
    return hmac.new(cle, f"c1|{pseudonyme}|{expiration}".encode(), hashlib.sha256).hexdigest()[:32]


def jeton_conversation(cle: bytes, pseudonyme: str, duree: float = 3600.0, maintenant: float | None = None) -> str:
    expiration = int((time.time() if maintenant is None else maintenant) + duree)
    return f"c1.{pseudonyme}.{expiration}.{_signature(cle, pseudonyme, expiration)}"


def lire_jeton_conversation(cle: bytes | None, jeton: str | None, maintenant: float | None = None) -> str | None:
    """Le pseudonyme si le jeton est signé par ``cle`` et pas expiré ; sinon None."""
    if not cle or not isinstance(jeton, str) or len(jeton) > 120:
        return None
    m = _FORME.match(jeton)
    if not m:
        return None
    pseudonyme, expiration, signature = m.group(1), int(m.group(2)), m.group(3)
    if not hmac.compare_digest(signature, _signature(cle, pseudonyme, expiration)):
        return None
    if expiration < (time.time() if maintenant is None else maintenant):
        return None
    return pseudonyme

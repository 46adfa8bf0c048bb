"""Client HTTP du canal REST de Rasa (localhost) et sondes de santé."""

from __future__ import annotations

import logging

import httpx

log = logging.getLogger("passerelle.rasa")


class RasaIndisponible(RuntimeError):
    """Rasa ne répond pas, ou répond mal."""


class ClientRasa:
    def __init__(self, rasa_url: str, actions_url: str, delai: float = 30.0,
                 transport: httpx.AsyncBaseTransport | None = None):
        self.rasa_url = rasa_url.rstrip("/")
        self.actions_url = actions_url.rstrip("/")
        self._client = httpx.AsyncClient(timeout=httpx.Timeout(delai, connect=3.0), transport=transport,
                                         trust_env=False)

    async def fermer(self) -> None:
        await self._client.aclose()

    async def envoyer(self, pseudonyme: str, texte: str) -> list[dict]:
        """Envoie un message au canal REST ; rend la liste des messages du bot."""
        url = f"{self.rasa_url}/webhooks/rest/webhook"
        try:
            reponse = await self._client.post(url, json={"sender": pseudonyme, "message": texte})
        except httpx.HTTPError as exc:
            log.warning("Rasa injoignable (%s) pour %s", type(exc).__name__, pseudonyme)
            raise RasaIndisponible(type(exc).__name__) from exc
        if reponse.status_code != 200:
            log.warning("Rasa a répondu %s pour %s", reponse.status_code, pseudonyme)
            raise RasaIndisponible(f"HTTP {reponse.status_code}")
        try:
            messages = reponse.json()
        except ValueError as exc:
            raise RasaIndisponible("réponse non JSON") from exc
        if not isinstance(messages, list):
            raise RasaIndisponible("réponse inattendue")
        return [m for m in messages if isinstance(m, dict)]

    async def redemarrer(self, pseudonyme: str) -> bool:
        """Efface la conversation dans Rasa (intention par défaut /restart → action_restart)."""
        try:
            await self.envoyer(pseudonyme, "/restart")
            return True
        except RasaIndisponible:
            return False

    async def sonder_rasa(self) -> dict:
        """``GET /`` répond « Hello from Rasa: 3.6.21 » (présent même sans ``--enable-api``)."""
        try:
            r = await self._client.get(f"{self.rasa_url}/", timeout=3.0)
            if r.status_code == 200 and r.text.startswith("Hello from Rasa"):
                return {"statut": "ok", "version": r.text.rsplit(":", 1)[-1].strip()}
            return {"statut": "erreur", "detail": f"HTTP {r.status_code}"}
        except httpx.HTTPError as exc:
            return {"statut": "erreur", "detail": type(exc).__name__}

    async def sonder_actions(self) -> dict:
        try:
            r = await self._client.get(f"{self.actions_url}/health", timeout=3.0)
            if r.status_code == 200:
                return {"statut": "ok"}
            return {"statut": "erreur", "detail": f"HTTP {r.status_code}"}
        except httpx.HTTPError as exc:
            return {"statut": "erreur", "detail": type(exc).__name__}

"""Client HTTP de Rasa (localhost) : canal REST, effacement par l'API HTTP, sondes de santé.

L'API HTTP de Rasa (``rasa run --enable-api --auth-token $RASA_JETON``) attend son jeton dans
l'adresse (``?token=...``) : aucune URL de l'API n'est journalisée (``httpx`` est réduit au silence
par ``journal.configurer``, et les erreurs ne donnent que le type d'exception ou le code HTTP).
"""

from __future__ import annotations

import logging
from urllib.parse import quote

import httpx

log = logging.getLogger("passerelle.rasa")


class RasaIndisponible(RuntimeError):
    """Rasa ne répond pas, ou répond mal."""


class ClientRasa:
    def __init__(self, rasa_url: str, actions_url: str, delai: float = 30.0,
                 transport: httpx.AsyncBaseTransport | None = None, jeton: str = ""):
        self.rasa_url = rasa_url.rstrip("/")
        self.actions_url = actions_url.rstrip("/")
        self._jeton = jeton
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
        """Remet la conversation à zéro (intention par défaut /restart → action_restart).

        N'efface RIEN : le suivi (tracker) de Rasa garde tous les événements, textes compris, et y
        ajoute le « /restart ». Seulement un repli quand ``vider`` échoue (la conversation repart
        au moins de zéro) ; l'effacement est réessayé par la tâche de rétention.
        """
        try:
            await self.envoyer(pseudonyme, "/restart")
            return True
        except RasaIndisponible:
            return False

    def _params(self) -> dict[str, str]:
        return {"token": self._jeton} if self._jeton else {}

    async def vider(self, pseudonyme: str) -> bool:
        """Efface la conversation dans Rasa : son suivi est remplacé par un suivi sans événement.

        ``PUT /conversations/{id}/tracker/events?token=...`` avec le corps ``[]`` (Rasa 3.6,
        ``replace_events``) : Rasa construit un suivi vide et l'enregistre à la place de l'ancien.
        Avec le magasin par défaut (``InMemoryTrackerStore`` : aucun ``tracker_store`` dans
        endpoints.yml), l'ancien suivi est remplacé : plus aucun texte ni fait. Les magasins SQL,
        Mongo et Redis, eux, n'ajoutent que les nouveaux événements : ce PUT n'y effacerait rien.
        Rend True si Rasa a répondu 200.
        """
        url = f"{self.rasa_url}/conversations/{quote(pseudonyme, safe='')}/tracker/events"
        try:
            reponse = await self._client.put(url, params=self._params(), json=[])
        except httpx.HTTPError as exc:
            log.warning("effacement impossible, Rasa injoignable (%s) pour %s", type(exc).__name__, pseudonyme)
            return False
        if reponse.status_code != 200:
            indice = {401: " : RASA_JETON faux ou absent ?", 403: " : RASA_JETON faux ou absent ?",
                      404: " : Rasa lancé sans --enable-api ?"}.get(reponse.status_code, "")
            log.warning("effacement refusé par Rasa (HTTP %s) pour %s%s", reponse.status_code, pseudonyme, indice)
            return False
        return True

    async def sonder_rasa(self) -> dict:
        """``GET /`` répond « Hello from Rasa: 3.6.21 » (présent même sans ``--enable-api``) ;
        puis ``GET /status?token=...`` vérifie que l'API d'effacement accepte le jeton."""
        try:
            r = await self._client.get(f"{self.rasa_url}/", timeout=3.0)
            if not (r.status_code == 200 and r.text.startswith("Hello from Rasa")):
                return {"statut": "erreur", "detail": f"HTTP {r.status_code}"}
            version = r.text.rsplit(":", 1)[-1].strip()
            api = await self._client.get(f"{self.rasa_url}/status", params=self._params(), timeout=3.0)
        except httpx.HTTPError as exc:
            return {"statut": "erreur", "detail": type(exc).__name__}
        if api.status_code == 200:
            return {"statut": "ok", "version": version, "api": "ok"}
        detail = {401: "API : jeton refusé (RASA_JETON)", 403: "API : jeton refusé (RASA_JETON)",
                  404: "API fermée (--enable-api)"}.get(api.status_code, f"API : HTTP {api.status_code}")
        return {"statut": "erreur", "version": version, "detail": f"{detail}, effacement impossible"}

    async def sonder_actions(self) -> dict:
        try:
            r = await self._client.get(f"{self.actions_url}/health", timeout=3.0)
            if r.status_code == 200:
                return {"statut": "ok"}
            return {"statut": "erreur", "detail": f"HTTP {r.status_code}"}
        except httpx.HTTPError as exc:
            return {"statut": "erreur", "detail": type(exc).__name__}

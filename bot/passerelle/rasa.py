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
    """Rasa ne répond pas, ou répond mal. ``statut`` : le code HTTP quand Rasa a répondu (500 : sa base
    des suivis ou le serveur d'actions est en panne), 0 quand aucune instance n'est joignable."""

    def __init__(self, message: str = "", statut: int = 0):
        super().__init__(message)
        self.statut = statut


def ordre_instances(pseudonyme: str, instances: list[str]) -> list[str]:
    """Hachage cohérent (rendez-vous, « highest random weight ») : chaque conversation a son instance
    préférée, puis une seconde, etc. Quand une instance tombe, seules ses conversations changent de
    place ; elles reviennent quand elle repart (les suivis sont partagés : rien n'est perdu)."""
    import hashlib

    def poids(url: str) -> int:
        return int.from_bytes(hashlib.blake2b(f"{pseudonyme}|{url}".encode(), digest_size=8).digest(), "big")

    return sorted(instances, key=poids, reverse=True)


# Erreurs où le message n'a pas pu arriver à Rasa : on peut l'envoyer à une autre instance sans doublon.
ERREURS_CONNEXION = (httpx.ConnectError, httpx.ConnectTimeout)


class ClientRasa:
    def __init__(self, rasa_url: str, actions_url: str, delai: float = 30.0,
                 transport: httpx.AsyncBaseTransport | None = None, jeton: str = "",
                 instances: tuple[str, ...] | list[str] | None = None, suivis_url: str = "",
                 actions_urls: tuple[str, ...] | list[str] | None = None):
        self.rasa_url = rasa_url.rstrip("/")
        self.instances = [u.rstrip("/") for u in (instances or [self.rasa_url])]
        self.actions_url = actions_url.rstrip("/")
        self.actions_urls = [u.rstrip("/") for u in (actions_urls or [self.actions_url])]
        self._jeton = jeton
        self.suivis_url = suivis_url  # magasin SQL des suivis : effacer = DELETE (rdv.suivis)
        self._cache: dict[str, tuple[float, bool]] = {}
        self._client = httpx.AsyncClient(timeout=httpx.Timeout(delai, connect=2.0), transport=transport,
                                         trust_env=False)

    async def fermer(self) -> None:
        await self._client.aclose()

    async def envoyer(self, pseudonyme: str, texte: str, langue: str = "fr") -> list[dict]:
        """Envoie un message au canal REST de l'instance de cette conversation ; si elle est injoignable,
        à la suivante (bascule). Rend la liste des messages du bot. La langue de la conversation part dans
        les métadonnées du message (``{"langue": "en"}``) : les actions et les réponses fixes la lisent."""
        derniere: Exception | None = None
        for base in ordre_instances(pseudonyme, self.instances):
            try:
                reponse = await self._client.post(f"{base}/webhooks/rest/webhook",
                                                  json={"sender": pseudonyme, "message": texte,
                                                        "metadata": {"langue": langue}})
            except ERREURS_CONNEXION as exc:
                log.warning("instance Rasa injoignable (%s) pour %s : bascule", type(exc).__name__, pseudonyme)
                derniere = exc
                continue
            except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
                # Connexion gardée ouverte vers une instance qui vient de mourir (kill -9) : si elle ne
                # répond même plus à une nouvelle connexion, elle est morte et le message passe à la
                # suivante ; sinon on ne sait pas si elle l'a traité : pas de second envoi.
                if await self._morte(base):
                    log.warning("instance Rasa morte (%s) pour %s : bascule", type(exc).__name__, pseudonyme)
                    derniere = exc
                    continue
                log.warning("Rasa injoignable (%s) pour %s", type(exc).__name__, pseudonyme)
                raise RasaIndisponible(type(exc).__name__) from exc
            except httpx.HTTPError as exc:
                log.warning("Rasa injoignable (%s) pour %s", type(exc).__name__, pseudonyme)
                raise RasaIndisponible(type(exc).__name__) from exc
            break
        else:
            raise RasaIndisponible(type(derniere).__name__ if derniere else "aucune instance")
        if reponse.status_code != 200:
            log.warning("Rasa a répondu %s pour %s", reponse.status_code, pseudonyme)
            raise RasaIndisponible(f"HTTP {reponse.status_code}", statut=reponse.status_code)
        try:
            messages = reponse.json()
        except ValueError as exc:
            raise RasaIndisponible("réponse non JSON") from exc
        if not isinstance(messages, list):
            raise RasaIndisponible("réponse inattendue")
        return [m for m in messages if isinstance(m, dict)]

    async def _morte(self, base: str) -> bool:
        """Vrai si l'instance refuse une connexion neuve (processus mort)."""
        try:
            async with httpx.AsyncClient(timeout=httpx.Timeout(2.0, connect=1.0), trust_env=False) as neuf:
                await neuf.get(f"{base}/")
            return False
        except ERREURS_CONNEXION:
            return True
        except httpx.HTTPError:
            return False

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
        if self.suivis_url:
            # Magasin SQL (make run-prod) : le PUT n'effacerait rien ; on supprime les lignes.
            import asyncio

            from rdv.suivis import effacer_suivi

            try:
                n = await asyncio.to_thread(effacer_suivi, self.suivis_url, pseudonyme)
            except Exception as exc:
                log.warning("effacement impossible, base des suivis injoignable (%s) pour %s",
                            type(exc).__name__, pseudonyme)
                return False
            log.info("suivi %s effacé de la base (%d lignes)", pseudonyme, n)
            return True
        reponse = None
        for base in ordre_instances(pseudonyme, self.instances):
            url = f"{base}/conversations/{quote(pseudonyme, safe='')}/tracker/events"
            try:
                reponse = await self._client.put(url, params=self._params(), json=[])
                break
            except httpx.HTTPError as exc:
                log.warning("effacement impossible, Rasa injoignable (%s) pour %s", type(exc).__name__, pseudonyme)
        if reponse is None:
            return False
        if reponse.status_code != 200:
            indice = {401: " : RASA_JETON faux ou absent ?", 403: " : RASA_JETON faux ou absent ?",
                      404: " : Rasa lancé sans --enable-api ?"}.get(reponse.status_code, "")
            log.warning("effacement refusé par Rasa (HTTP %s) pour %s%s", reponse.status_code, pseudonyme, indice)
            return False
        return True

    async def sonder_rasa(self) -> dict:
        """Chaque instance : ``GET /`` répond « Hello from Rasa: 3.6.21 » ; ``GET /status?token=...``
        vérifie que l'API d'effacement accepte le jeton. « ok » si au moins une instance va bien
        (``instances`` détaille chacune)."""
        if len(self.instances) == 1:
            return await self._sonder(self.instances[0])
        import asyncio

        etats = await asyncio.gather(*(self._sonder(u) for u in self.instances))
        bonnes = sum(1 for e in etats if e["statut"] == "ok")
        return {"statut": "ok" if bonnes else "erreur", "instances": etats, "en_service": bonnes}

    async def _sonder(self, base: str) -> dict:
        try:
            r = await self._client.get(f"{base}/", timeout=3.0)
            if not (r.status_code == 200 and r.text.startswith("Hello from Rasa")):
                return {"statut": "erreur", "detail": f"HTTP {r.status_code}"}
            version = r.text.rsplit(":", 1)[-1].strip()
            api = await self._client.get(f"{base}/status", params=self._params(), timeout=3.0)
        except httpx.HTTPError as exc:
            return {"statut": "erreur", "detail": type(exc).__name__}
        if api.status_code == 200:
            return {"statut": "ok", "version": version, "api": "ok"}
        detail = {401: "API : jeton refusé (RASA_JETON)", 403: "API : jeton refusé (RASA_JETON)",
                  404: "API fermée (--enable-api)"}.get(api.status_code, f"API : HTTP {api.status_code}")
        return {"statut": "erreur", "version": version, "detail": f"{detail}, effacement impossible"}

    async def pret(self, pseudonyme: str) -> str | None:
        """Avant d'envoyer un message : None si la base des suivis répond (ou s'il n'y en a pas) ;
        « suivis » sinon : Rasa continuerait en mémoire (``FailSafeTrackerStore``) et perdrait la
        conversation."""
        import asyncio

        if self.suivis_url:
            from rdv.suivis import disponible

            # À chaque message (SELECT 1 sur une connexion du pool, moins d'une milliseconde en local) :
            # une sonde gardée en cache laisserait passer le premier message après l'arrêt de la base.
            if not await asyncio.to_thread(disponible, self.suivis_url):
                return "suivis"
        return None

    async def actions_en_panne(self, pseudonyme: str) -> bool:
        """Le serveur d'actions de l'instance de cette conversation ne répond pas (sonde gardée 1 s) :
        Rasa répond alors sans lui (« Je n'ai pas compris »), ce qui égarerait la personne."""
        import time as _time

        maintenant = _time.monotonic()
        if len(self.actions_urls) == len(self.instances):
            rasa = ordre_instances(pseudonyme, self.instances)[0]
            cibles = [self.actions_urls[self.instances.index(rasa)]]
        else:
            cibles = self.actions_urls
        for base in cibles:
            etat = self._cache.get(base)
            if etat is None or maintenant - etat[0] > 1.0 or not etat[1]:
                etat = (maintenant, (await self._sonder_actions(base))["statut"] == "ok")
                self._cache[base] = etat
            if not etat[1]:
                return True
        return False

    async def sonder_actions(self) -> dict:
        """Chaque serveur d'actions (``actions_urls``) : « ok » seulement si tous répondent."""
        if len(self.actions_urls) > 1:
            import asyncio

            etats = await asyncio.gather(*(self._sonder_actions(u) for u in self.actions_urls))
            return {"statut": "ok" if all(e["statut"] == "ok" for e in etats) else "erreur", "instances": etats}
        return await self._sonder_actions(self.actions_url)

    async def _sonder_actions(self, base: str) -> dict:
        try:
            r = await self._client.get(f"{base}/health", timeout=3.0)
            if r.status_code == 200:
                return {"statut": "ok"}
            return {"statut": "erreur", "detail": f"HTTP {r.status_code}"}
        except httpx.HTTPError as exc:
            return {"statut": "erreur", "detail": type(exc).__name__}

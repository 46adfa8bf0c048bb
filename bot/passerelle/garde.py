"""La garde de la passerelle : un intergiciel ASGI devant toutes les routes (issue 14).

Dans l'ordre, pour chaque requête HTTP :

1. **Adresse réelle du client** : ``X-Forwarded-For`` n'est lu que si la requête vient d'un
   mandataire de confiance (``PROXIES_DE_CONFIANCE``) ; on prend alors, de droite à gauche, la
   première adresse qui n'est pas un mandataire de confiance. ``scope["client"]`` est réécrit : toute
   l'application (et ``rdv.api``) voit l'adresse réelle.
2. **Hôte permis** : un en-tête ``Host`` inconnu reçoit 400 (il finirait dans des adresses de pages).
3. **Débit par adresse** sur toutes les routes (IPv6 comptée par /64) : 429 et ``Retry-After``.
4. **Taille du corps comptée à l'arrivée** : au-delà de 256 Ko, 413, quel que soit
   ``Content-Length`` (un envoi « chunked » n'en a pas).
5. **Identifiant de requête** (``X-Request-Id``) pour les journaux JSON, en-têtes de sécurité, et
   ``Cache-Control: no-store`` sur tout ce qui n'est pas un fichier statique.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import secrets
import time
from typing import Callable

from bot.passerelle import journal, textes
from bot.passerelle.memoire import LimiteurDebit

log = logging.getLogger("passerelle.garde")

TAILLE_CORPS_MAX = 256 * 1024

SECURITE = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}


def cle_ip(hote: str | None) -> str:
    """IPv4 entière, IPv6 par /64 (un abonné reçoit souvent tout un /64)."""
    from rdv.frein import cle_ip as _cle

    return _cle(hote)


class Garde:
    def __init__(self, app, reglages, limiteur: LimiteurDebit | None = None, metriques=None,
                 horloge: Callable[[], float] = time.monotonic):
        self.app = app
        self.reglages = reglages
        self.confiance = [ipaddress.ip_network(r, strict=False) for r in reglages.proxies_de_confiance]
        self.hotes = set(reglages.hotes)
        if limiteur is None and reglages.redis_url:
            from bot.passerelle import etat_partage as E

            limiteur = E.LimiteurRedis(E.client(reglages.redis_url), "ip", reglages.debit_ip_max, reglages.debit_fenetre)
        self.limiteur = limiteur or LimiteurDebit(reglages.debit_ip_max, reglages.debit_fenetre, horloge=horloge)
        self.metriques = metriques

    # -- adresse réelle ---------------------------------------------------------------------
    def _de_confiance(self, hote: str) -> bool:
        try:
            ip = ipaddress.ip_address(hote)
        except ValueError:
            return False
        return any(ip in reseau for reseau in self.confiance)

    def adresse_reelle(self, scope) -> str:
        client = scope.get("client") or ("", 0)
        hote = client[0] or ""
        if not self.confiance or not self._de_confiance(hote):
            return hote
        transmis = []
        for nom, valeur in scope.get("headers") or []:
            if nom == b"x-forwarded-for":
                transmis.extend(v.strip() for v in valeur.decode("latin-1").split(","))
        for candidat in reversed(transmis):
            try:
                ipaddress.ip_address(candidat)
            except ValueError:
                return hote  # en-tête trafiqué : on garde l'adresse du mandataire
            if not self._de_confiance(candidat):
                return candidat
        return hote

    @staticmethod
    def _entete(scope, nom: bytes) -> str | None:
        for n, v in scope.get("headers") or []:
            if n == nom:
                return v.decode("latin-1")
        return None

    # -- ASGI -------------------------------------------------------------------------------
    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        ip = self.adresse_reelle(scope)
        scope["client"] = (ip, (scope.get("client") or ("", 0))[1])
        chemin = scope.get("path", "")
        id_requete = secrets.token_hex(8)
        jeton_contexte = journal.ID_REQUETE.set(id_requete)
        try:
            hote = (self._entete(scope, b"host") or "").strip().lower()
            if hote.startswith("["):
                hote = hote[1:].split("]")[0]
            else:
                hote = hote.rsplit(":", 1)[0] if hote.count(":") == 1 else hote
            if hote not in self.hotes:
                log.warning("hôte refusé")
                return await self._json(send, 400, {"detail": "Hôte inconnu."}, id_requete)

            cle = cle_ip(ip)
            try:
                permis = self.limiteur.autoriser(cle)
            except Exception as exc:  # Redis redémarre : on laisse passer (journalisé) plutôt que tout bloquer
                log.warning("débit par adresse non vérifié (%s)", type(exc).__name__)
                permis = True
            if not permis:
                attente = max(1, int(self.limiteur.attente(cle) + 0.999))
                if self.metriques is not None:
                    self.metriques.refus_debit.labels("ip").inc()
                log.info("débit par adresse dépassé")
                return await self._json(send, 429, {"detail": textes.TROP_RAPIDE,
                                                    "messages": [{"text": textes.TROP_RAPIDE}]},
                                        id_requete, {"retry-after": str(attente)})

            if scope.get("method") in ("POST", "PUT", "PATCH", "DELETE"):
                corps, trop = await self._lire_corps(receive)
                if trop:
                    return await self._json(send, 413, {"detail": "Requête trop grande."}, id_requete)
                receive = self._rejouer(corps)

            statique = chemin.startswith("/static/")

            async def envoyer(message):
                if message["type"] == "http.response.start":
                    entetes = [(n, v) for n, v in message.get("headers", [])]
                    noms = {n.lower() for n, _ in entetes}
                    for n, v in SECURITE.items():
                        if n.encode() not in noms:
                            entetes.append((n.encode(), v.encode()))
                    if not statique and b"cache-control" not in noms:
                        entetes.append((b"cache-control", b"no-store"))
                    entetes.append((b"x-request-id", id_requete.encode()))
                    message = {**message, "headers": entetes}
                await send(message)

            return await self.app(scope, receive, envoyer)
        finally:
            journal.ID_REQUETE.reset(jeton_contexte)

    @staticmethod
    async def _lire_corps(receive) -> tuple[bytes, bool]:
        """Lit le corps morceau par morceau ; s'arrête dès que la limite est dépassée."""
        morceaux, total = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            corps = message.get("body", b"")
            total += len(corps)
            if total > TAILLE_CORPS_MAX:
                return b"", True
            morceaux.append(corps)
            if not message.get("more_body", False):
                break
        return b"".join(morceaux), False

    @staticmethod
    def _rejouer(corps: bytes):
        envoye = False

        async def recevoir():
            nonlocal envoye
            if not envoye:
                envoye = True
                return {"type": "http.request", "body": corps, "more_body": False}
            return {"type": "http.disconnect"}

        return recevoir

    @staticmethod
    async def _json(send, statut: int, corps: dict, id_requete: str, extra: dict | None = None) -> None:
        donnees = json.dumps(corps, ensure_ascii=False).encode("utf-8")
        entetes = [(b"content-type", b"application/json"), (b"content-length", str(len(donnees)).encode()),
                   (b"cache-control", b"no-store"), (b"x-request-id", id_requete.encode())]
        entetes += [(n.encode(), v.encode()) for n, v in SECURITE.items()]
        entetes += [(n.encode(), v.encode()) for n, v in (extra or {}).items()]
        await send({"type": "http.response.start", "status": statut, "headers": entetes})
        await send({"type": "http.response.body", "body": donnees})

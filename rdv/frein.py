"""Frein des essais ratés (codes de rendez-vous devinés) : par clé (adresse IP, expéditeur) et global.

- par clé : après ``seuil`` échecs sur ``fenetre`` secondes, chaque nouvel échec double l'attente
  imposée (1 s, 2 s, 4 s… jusqu'à ``attente_max``) ; un succès ne remet rien à zéro ;
- global : plus de ``global_max`` échecs par minute pour tout le service, et seuls les essais qui
  ne se devinent pas (le jeton de 128 bits du lien) passent encore : un attaquant ne bloque pas
  ceux qui ont leur lien, et ne peut plus deviner.

Les compteurs vivent en mémoire (un processus) ou dans Redis (``redis_url`` : plusieurs workers et
instances partagent le même frein). Les clés sont des adresses IP ou des pseudonymes : jamais un
code, un numéro ni un texte. Une panne de Redis ne bloque personne (le frein s'ouvre, journalisé).
"""
from __future__ import annotations

import logging
import threading
import time
from typing import Callable

log = logging.getLogger("rdv.frein")


class Frein:
    def __init__(self, seuil: int = 5, fenetre: float = 900.0, attente_max: float = 3600.0,
                 global_max: int = 60, redis_url: str | None = None, prefixe: str = "frein",
                 horloge: Callable[[], float] = time.time):
        self.seuil, self.fenetre, self.attente_max = seuil, fenetre, attente_max
        self.global_max = global_max
        self.prefixe = prefixe
        self.horloge = horloge
        self._verrou = threading.Lock()
        self._echecs: dict[str, tuple[int, float, float]] = {}  # clé -> (nombre, dernier, début)
        self._global: list[float] = []
        self._redis = None
        if redis_url:
            import redis

            self._redis = redis.Redis.from_url(redis_url, socket_timeout=1.0, socket_connect_timeout=1.0)

    # -- stockage -------------------------------------------------------------------------
    def _lire(self, cle: str) -> tuple[int, float]:
        if self._redis is not None:
            try:
                n, dernier = self._redis.hmget(f"{self.prefixe}:{cle}", "n", "dernier")
                return int(n or 0), float(dernier or 0.0)
            except Exception as exc:  # Redis arrêté : on laisse passer plutôt que bloquer tout le monde
                log.warning("frein : Redis indisponible (%s)", type(exc).__name__)
                return 0, 0.0
        with self._verrou:
            n, dernier, debut = self._echecs.get(cle, (0, 0.0, 0.0))
            if n and self.horloge() - debut > self.fenetre:
                self._echecs.pop(cle, None)
                return 0, 0.0
            return n, dernier

    def _noter(self, cle: str) -> None:
        maintenant = self.horloge()
        if self._redis is not None:
            try:
                p = self._redis.pipeline()
                nom = f"{self.prefixe}:{cle}"
                p.hincrby(nom, "n", 1)
                p.hset(nom, "dernier", maintenant)
                p.expire(nom, int(self.fenetre), nx=True)
                seconde = int(maintenant)
                p.incr(f"{self.prefixe}:global:{seconde // 60}")
                p.expire(f"{self.prefixe}:global:{seconde // 60}", 120)
                p.execute()
            except Exception as exc:
                log.warning("frein : Redis indisponible (%s)", type(exc).__name__)
            return
        with self._verrou:
            n, _, debut = self._echecs.get(cle, (0, 0.0, maintenant))
            if n and maintenant - debut > self.fenetre:
                n, debut = 0, maintenant
            self._echecs[cle] = (n + 1, maintenant, debut)
            if len(self._echecs) > 200_000:  # mémoire bornée : les plus anciennes d'abord
                for vieille in sorted(self._echecs, key=lambda c: self._echecs[c][1])[:50_000]:
                    self._echecs.pop(vieille, None)
            self._global = [t for t in self._global if maintenant - t < 60.0] + [maintenant]

    # -- règles ---------------------------------------------------------------------------
    def attente(self, cle: str) -> float:
        """Secondes à attendre avant un nouvel essai pour ``cle`` (0 : permis)."""
        n, dernier = self._lire(cle)
        if n < self.seuil:
            return 0.0
        duree = min(self.attente_max, 2.0 ** (n - self.seuil))
        return max(0.0, dernier + duree - self.horloge())

    def echec(self, *cles: str) -> None:
        for cle in cles:
            self._noter(cle)

    def global_sature(self) -> bool:
        """Trop d'échecs par minute pour tout le service : seuls les jetons de lien passent."""
        if self.global_max <= 0:
            return False
        if self._redis is not None:
            try:
                minute = int(self.horloge()) // 60
                valeurs = self._redis.mget(f"{self.prefixe}:global:{minute}", f"{self.prefixe}:global:{minute - 1}")
                # chaque clé est comptée une fois par échec : divisé par le nombre de clés notées (IP + global)
                return int(valeurs[0] or 0) >= self.global_max
            except Exception:
                return False
        with self._verrou:
            maintenant = self.horloge()
            return sum(1 for t in self._global if maintenant - t < 60.0) >= self.global_max


def cle_ip(hote: str | None) -> str:
    """Clé d'une adresse : l'IPv4 entière, l'IPv6 par /64 (un abonné reçoit souvent tout un /64)."""
    import ipaddress

    try:
        ip = ipaddress.ip_address((hote or "").strip())
    except ValueError:
        return "ip:?"
    if ip.version == 6:
        if ip.ipv4_mapped:
            return f"ip:{ip.ipv4_mapped}"
        return "ip:" + str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return f"ip:{ip}"

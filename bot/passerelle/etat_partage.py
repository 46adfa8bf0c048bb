"""L'état de la passerelle dans Redis (``REDIS_URL``) : plusieurs workers et plusieurs machines le
partagent, et un redémarrage de la passerelle ne perd rien (issue 14).

Chaque structure a la même interface que sa version en mémoire (``memoire.py``) :

- ``RedisExpirante`` ≈ ``MemoireExpirante`` : clé → valeur JSON avec une durée (``SET … PX``) ;
- ``LimiteurRedis`` ≈ ``LimiteurDebit`` : fenêtre glissante dans un ensemble trié par clé ;
- ``ActiviteRedis`` ≈ le ``dict`` pseudonyme → date du dernier message (ensemble trié) ;
- ``EnsembleEcheances`` : les conversations détachées de la borne, avec l'échéance de leur code.

Les clés ne contiennent que des pseudonymes, des codes de reprise, des adresses IP (compteurs) ou des
identifiants de SMS Twilio : jamais un texte ni un numéro. Les horloges sont en temps réel
(``time.time``) : plusieurs processus, une même échelle.
"""

from __future__ import annotations

import json
import time
from typing import Any, Callable, Generic, Hashable, Iterator, TypeVar

import redis

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

PREFIXE = "passerelle"


def client(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, socket_timeout=2.0, socket_connect_timeout=1.0,
                                health_check_interval=15, retry_on_timeout=True, decode_responses=True)


class RedisExpirante(Generic[K, V]):
    def __init__(self, r: redis.Redis, nom: str, duree: float,
                 encoder: Callable[[Any], Any] = lambda v: v, decoder: Callable[[Any], Any] = lambda v: v):
        self.r, self.nom, self.duree = r, f"{PREFIXE}:{nom}", duree
        self.encoder, self.decoder = encoder, decoder

    def _cle(self, cle) -> str:
        return f"{self.nom}:{cle}"

    def mettre(self, cle: K, valeur: V, duree: float | None = None) -> None:
        self.r.set(self._cle(cle), json.dumps(self.encoder(valeur)),
                   px=max(1, int(1000 * (self.duree if duree is None else duree))))

    def lire(self, cle: K, defaut: V | None = None) -> V | None:
        brut = self.r.get(self._cle(cle))
        return defaut if brut is None else self.decoder(json.loads(brut))

    def retirer(self, cle: K) -> V | None:
        brut = self.r.getdel(self._cle(cle))
        return None if brut is None else self.decoder(json.loads(brut))

    def expirees(self) -> list[tuple[K, V]]:
        return []  # Redis efface seul ce qui expire ; voir EnsembleEcheances pour agir à l'échéance

    def __contains__(self, cle: object) -> bool:
        return bool(self.r.exists(self._cle(cle)))

    def _cles(self) -> Iterator[str]:
        return self.r.scan_iter(match=f"{self.nom}:*", count=1000)

    def __len__(self) -> int:
        return sum(1 for _ in self._cles())

    def items(self) -> Iterator[tuple[K, V]]:
        sortie = []
        for cle in self._cles():
            brut = self.r.get(cle)
            if brut is not None:
                sortie.append((cle[len(self.nom) + 1:], self.decoder(json.loads(brut))))
        return iter(sortie)


class LimiteurRedis:
    """Au plus ``maximum`` événements par clé sur ``fenetre`` secondes, partagé par tous les processus."""

    def __init__(self, r: redis.Redis, nom: str, maximum: int, fenetre: float,
                 horloge: Callable[[], float] = time.time):
        self.r, self.nom, self.maximum, self.fenetre, self.horloge = r, f"{PREFIXE}:{nom}", maximum, fenetre, horloge

    def autoriser(self, cle: Hashable) -> bool:
        if self.maximum <= 0:
            return True
        maintenant = self.horloge()
        nom = f"{self.nom}:{cle}"
        p = self.r.pipeline()
        p.zremrangebyscore(nom, "-inf", maintenant - self.fenetre)
        p.zcard(nom)
        _, n = p.execute()
        if n >= self.maximum:
            return False
        p = self.r.pipeline()
        p.zadd(nom, {f"{maintenant:.6f}-{time.perf_counter_ns()}": maintenant})
        p.expire(nom, int(self.fenetre) + 1)
        p.execute()
        return True

    def attente(self, cle: Hashable) -> float:
        nom = f"{self.nom}:{cle}"
        if self.r.zcard(nom) < self.maximum:
            return 0.0
        premier = self.r.zrange(nom, 0, 0, withscores=True)
        return max(0.0, premier[0][1] + self.fenetre - self.horloge()) if premier else 0.0

    def oublier(self, cle: Hashable) -> None:
        self.r.delete(f"{self.nom}:{cle}")


class ActiviteRedis:
    """Pseudonyme → instant du dernier message (``-inf`` : effacement dû). Interface d'un ``dict``."""

    def __init__(self, r: redis.Redis, nom: str = "activite"):
        self.r, self.nom = r, f"{PREFIXE}:{nom}"

    def __setitem__(self, pseudo: str, instant: float) -> None:
        self.r.zadd(self.nom, {pseudo: instant})

    def get(self, pseudo: str, defaut: float | None = None) -> float | None:
        score = self.r.zscore(self.nom, pseudo)
        return defaut if score is None else float(score)

    def __getitem__(self, pseudo: str) -> float:
        score = self.get(pseudo)
        if score is None:
            raise KeyError(pseudo)
        return score

    def __contains__(self, pseudo: object) -> bool:
        return self.r.zscore(self.nom, pseudo) is not None

    def pop(self, pseudo: str, defaut=None):
        score = self.get(pseudo)
        self.r.zrem(self.nom, pseudo)
        return defaut if score is None else score

    def items(self):
        return [(p, float(s)) for p, s in self.r.zrange(self.nom, 0, -1, withscores=True)]

    def __len__(self) -> int:
        return int(self.r.zcard(self.nom))

    def __bool__(self) -> bool:
        return len(self) > 0


class EnsembleEcheances:
    """Des membres avec une échéance (ensemble trié) : ``ajouter``, ``retirer``, ``echus`` (retirés)."""

    def __init__(self, r: redis.Redis, nom: str):
        self.r, self.nom = r, f"{PREFIXE}:{nom}"

    def ajouter(self, membre: str, echeance: float) -> None:
        self.r.zadd(self.nom, {membre: echeance})

    def retirer(self, membre: str) -> None:
        self.r.zrem(self.nom, membre)

    def __contains__(self, membre: object) -> bool:
        return self.r.zscore(self.nom, membre) is not None

    def echus(self, maintenant: float) -> list[str]:
        membres = self.r.zrangebyscore(self.nom, "-inf", maintenant)
        sortie = []
        for m in membres:
            if self.r.zrem(self.nom, m):  # un seul processus le prend
                sortie.append(m)
        return sortie

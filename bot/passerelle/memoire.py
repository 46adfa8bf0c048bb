"""Petites mémoires en RAM, avec expiration et taille bornée (un seul processus).

La passerelle tourne en un seul processus (un worker uvicorn) : ces états vivent en mémoire
et disparaissent au redémarrage, ce qui est voulu (boutons proposés, codes de reprise, anti-rejeu).
"""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from typing import Callable, Generic, Hashable, Iterator, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class MemoireExpirante(Generic[K, V]):
    """Dictionnaire dont chaque entrée expire après ``duree`` secondes (ou sa propre durée).

    ``taille_max`` borne la mémoire : les entrées les plus anciennes partent d'abord.
    ``horloge`` est injectable pour les tests.
    """

    def __init__(self, duree: float, taille_max: int = 100_000, horloge: Callable[[], float] = time.monotonic):
        self.duree = duree
        self.taille_max = taille_max
        self.horloge = horloge
        self._donnees: OrderedDict[K, tuple[float, V]] = OrderedDict()

    def _purger(self) -> None:
        maintenant = self.horloge()
        expirees = [cle for cle, (fin, _) in self._donnees.items() if fin <= maintenant]
        for cle in expirees:
            del self._donnees[cle]

    def mettre(self, cle: K, valeur: V, duree: float | None = None) -> None:
        fin = self.horloge() + (self.duree if duree is None else duree)
        if cle in self._donnees:
            del self._donnees[cle]
        self._donnees[cle] = (fin, valeur)
        if len(self._donnees) > self.taille_max:
            self._purger()
            while len(self._donnees) > self.taille_max:
                self._donnees.popitem(last=False)

    def lire(self, cle: K, defaut: V | None = None) -> V | None:
        entree = self._donnees.get(cle)
        if entree is None:
            return defaut
        fin, valeur = entree
        if fin <= self.horloge():
            del self._donnees[cle]
            return defaut
        return valeur

    def retirer(self, cle: K) -> V | None:
        entree = self._donnees.pop(cle, None)
        if entree is None or entree[0] <= self.horloge():
            return None
        return entree[1]

    def expirees(self) -> list[tuple[K, V]]:
        """Retire et rend les entrées expirées (pour agir à l'expiration, par exemple effacer Rasa)."""
        maintenant = self.horloge()
        sorties = [(cle, val) for cle, (fin, val) in self._donnees.items() if fin <= maintenant]
        for cle, _ in sorties:
            del self._donnees[cle]
        return sorties

    def __contains__(self, cle: object) -> bool:
        return self.lire(cle) is not None  # type: ignore[arg-type]

    def __len__(self) -> int:
        self._purger()
        return len(self._donnees)

    def items(self) -> Iterator[tuple[K, V]]:
        self._purger()
        return iter([(cle, val) for cle, (_, val) in self._donnees.items()])


class LimiteurDebit:
    """Fenêtre glissante : au plus ``maximum`` événements par clé sur ``fenetre`` secondes."""

    def __init__(self, maximum: int, fenetre: float, taille_max: int = 100_000,
                 horloge: Callable[[], float] = time.monotonic):
        self.maximum = maximum
        self.fenetre = fenetre
        self.horloge = horloge
        self._traces: MemoireExpirante[Hashable, deque] = MemoireExpirante(fenetre, taille_max, horloge)

    def autoriser(self, cle: Hashable) -> bool:
        """Compte l'événement et dit s'il est permis."""
        if self.maximum <= 0:
            return True
        maintenant = self.horloge()
        traces = self._traces.lire(cle)
        if traces is None:
            traces = deque()
        while traces and traces[0] <= maintenant - self.fenetre:
            traces.popleft()
        permis = len(traces) < self.maximum
        if permis:
            traces.append(maintenant)
        self._traces.mettre(cle, traces)
        return permis

    def attente(self, cle: Hashable) -> float:
        """Secondes avant le prochain événement permis (pour l'en-tête Retry-After)."""
        traces = self._traces.lire(cle)
        if not traces or len(traces) < self.maximum:
            return 0.0
        return max(0.0, traces[0] + self.fenetre - self.horloge())

    def oublier(self, cle: Hashable) -> None:
        self._traces.retirer(cle)

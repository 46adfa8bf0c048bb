"""Les suivis (trackers) de Rasa dans sa base SQL (``SQLTrackerStore``, table ``events``).

Rasa n'y fait qu'ajouter des événements : vider un suivi par son API (``PUT .../tracker/events`` avec
``[]``) n'efface rien des lignes déjà écrites. Ici, on efface vraiment :

- ``effacer_suivi(url, pseudonyme)`` : toutes les lignes d'une conversation (« effacer », STOP,
  ``/supprimer``, inactivité) ; appelé par la passerelle ;
- ``purger_suivis(url, minutes)`` : les conversations sans événement depuis ``minutes`` ; appelé
  chaque heure par le relanceur (``python -m rdv rappels``), au cas où la passerelle n'a pas pu.

Les lignes contiennent les textes des personnes : jamais journalisés ici (seulement des nombres).
"""
from __future__ import annotations

import logging
import time

from sqlalchemy import text

from rdv.db import creer_moteur

log = logging.getLogger("rdv.suivis")

_MOTEURS: dict[str, object] = {}


def _moteur(url: str):
    moteur = _MOTEURS.get(url)
    if moteur is None:
        moteur = _MOTEURS[url] = creer_moteur(url, pool_size=2, max_overflow=4,
                                              connect_args={"connect_timeout": 2}) \
            if not url.startswith("sqlite") else creer_moteur(url)
    return moteur


def _table_existe(connexion) -> bool:
    from sqlalchemy import inspect

    return inspect(connexion).has_table("events")


def effacer_suivi(url: str, pseudonyme: str) -> int:
    """Efface toutes les lignes du suivi de ``pseudonyme``. Rend le nombre de lignes effacées."""
    with _moteur(url).begin() as c:
        if not _table_existe(c):
            return 0
        return c.execute(text("DELETE FROM events WHERE sender_id = :s"), {"s": pseudonyme}).rowcount


def nombre_evenements(url: str, pseudonyme: str) -> int:
    with _moteur(url).connect() as c:
        if not _table_existe(c):
            return 0
        return int(c.execute(text("SELECT COUNT(*) FROM events WHERE sender_id = :s"), {"s": pseudonyme}).scalar())


def purger_suivis(url: str, minutes: float, maintenant: float | None = None) -> int:
    """Efface les conversations dont le dernier événement a plus de ``minutes`` minutes."""
    limite = (time.time() if maintenant is None else maintenant) - minutes * 60.0
    with _moteur(url).begin() as c:
        if not _table_existe(c):
            return 0
        n = c.execute(text(
            "DELETE FROM events WHERE sender_id IN ("
            " SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < :limite)"),
            {"limite": limite}).rowcount
    if n:
        log.info("purge des suivis : %d événement(s) effacé(s)", n)
    return n


def disponible(url: str) -> bool:
    """La base des suivis répond-elle (``SELECT 1``) ? Rasa, lui, ne le dit pas : son
    ``FailSafeTrackerStore`` continue en mémoire quand la base tombe, et perdrait la conversation."""
    try:
        with _moteur(url).connect() as c:
            c.execute(text("SELECT 1"))
        return True
    except Exception as exc:  # noqa: BLE001 - base arrêtée, redémarrage en cours
        log.warning("base des suivis injoignable (%s)", type(exc).__name__)
        return False

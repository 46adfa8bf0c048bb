"""Fixtures des tests de rdv/ : chaque test qui prend ``service`` tourne sur SQLite ET PostgreSQL.

PostgreSQL : ``TEST_DATABASE_URL`` s'il est défini (une base dédiée y est créée si possible),
sinon une grappe jetable (initdb + pg_ctl, sous l'utilisateur postgres quand on est root) sur un
port libre de 127.0.0.1. Les tests PostgreSQL ne sont sautés que si aucun binaire n'existe.
"""
from __future__ import annotations

import os
import shutil
from datetime import datetime

import pytest
from sqlalchemy import text

from rdv.db import creer_moteur, migrer
from rdv.pg_jetable import PostgresIndisponible, PostgresJetable, trouver_binaires
from rdv.service import ServiceRdv
from rdv.temps import PARIS, HorlogeFixe

# Lundi 7 décembre 2026, 10 h à Paris : point de départ de l'horloge des tests.
MAINTENANT = datetime(2026, 12, 7, 10, 0, tzinfo=PARIS)

TABLES = ("sms_sortant", "resume", "rendez_vous", "place_creneau", "creneau", "agent", "lieu")


@pytest.fixture(scope="session")
def url_postgres():
    """URL d'une base PostgreSQL migrée, pour toute la session."""
    externe = os.environ.get("TEST_DATABASE_URL")
    if externe:
        url = externe
        try:
            import psycopg
            from sqlalchemy.engine import make_url

            u = make_url(creer_moteur(externe).url)
            nom = f"rdv_test_{os.getpid()}"
            with psycopg.connect(host=u.host or "127.0.0.1", port=u.port or 5432, user=u.username,
                                 password=u.password, dbname=u.database, autocommit=True) as c:
                c.execute(f'DROP DATABASE IF EXISTS "{nom}"')
                c.execute(f'CREATE DATABASE "{nom}"')
            url = u.set(database=nom).render_as_string(hide_password=False)
        except Exception:
            url = externe  # pas le droit de créer une base : on utilise celle donnée
        migrer(url)
        yield url
        return
    if trouver_binaires() is None:
        pytest.skip("PostgreSQL absent : aucun binaire initdb (apt-get install postgresql)")
    try:
        pg = PostgresJetable().demarrer()
    except PostgresIndisponible as e:  # binaires présents mais démarrage impossible : échec net
        pytest.fail(f"Grappe PostgreSQL jetable impossible à démarrer : {e}")
    try:
        url = pg.creer_base("rdv_test")
        migrer(url)
        yield url
    finally:
        pg.arreter()


@pytest.fixture(scope="session")
def modele_sqlite(tmp_path_factory):
    chemin = tmp_path_factory.mktemp("modele") / "modele.db"
    migrer(f"sqlite:///{chemin}")
    return chemin


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def moteur(request, tmp_path, modele_sqlite):
    if request.param == "sqlite":
        chemin = tmp_path / "rdv.db"
        shutil.copy(modele_sqlite, chemin)
        m = creer_moteur(f"sqlite:///{chemin}")
    else:
        url = request.getfixturevalue("url_postgres")
        m = creer_moteur(url, pool_size=10, max_overflow=60)
        with m.begin() as c:
            c.execute(text(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE"))
    yield m
    m.dispose()


@pytest.fixture
def horloge():
    return HorlogeFixe(MAINTENANT)


@pytest.fixture
def service(moteur, horloge):
    # Les tests des rappels partent d'un numéro déjà confirmé ; la confirmation par code SMS a ses
    # propres tests (test_rdv_production.py, avec telephone_a_confirmer=True, le défaut).
    s = ServiceRdv(moteur, horloge=horloge, telephone_a_confirmer=False)
    s.charger_lieux()
    return s


@pytest.fixture
def lieux(service) -> dict[str, int]:
    """{cle: id} des lieux chargés depuis rdv/donnees/lieux.yaml."""
    return {l.cle: l.id for l in service.lieux()}


@pytest.fixture
def creneau(service, lieux):
    """Fabrique de créneaux : creneau(jours=2, heure=9, minute=45, lieu="caf-nationale", capacite=1)."""
    from datetime import timedelta

    def fabriquer(jours: int = 2, heure: int = 9, minute: int = 45, lieu: str = "caf-nationale",
                  capacite: int = 1, duree: int = 45):
        jour = (MAINTENANT + timedelta(days=jours)).date()
        debut = datetime(jour.year, jour.month, jour.day, heure, minute, tzinfo=PARIS)
        return service.ajouter_creneau(lieux[lieu], debut, duree, capacite)

    return fabriquer


@pytest.fixture(autouse=True)
def frein_neuf():
    """Le frein des essais ratés de l'API est global au processus : neuf pour chaque test."""
    import rdv.api
    from rdv.frein import Frein

    ancien = rdv.api._frein
    rdv.api._frein = Frein()
    yield rdv.api._frein
    rdv.api._frein = ancien


@pytest.fixture
def pro(service):
    """En-tête d'un agent sans lieu : les réservations de l'API sont faites par un professionnel
    connecté (ou par une conversation qui a son verdict)."""
    _, jeton = service.creer_agent("Agent de test")
    return {"Authorization": f"Bearer {jeton}"}


@pytest.fixture(scope="session")
def redis_serveur():
    """Un vrai Redis (paquet Debian redis-server) sur un port libre, pour toute la session."""
    import shutil

    from rdv.redis_jetable import RedisJetable

    if not shutil.which("redis-server"):
        pytest.skip("redis-server absent (apt-get install redis-server ; scripts/paquets-systeme.sh)")
    with RedisJetable() as r:
        yield r


@pytest.fixture
def redis_jetable(redis_serveur):
    """L'URL du Redis de la session, vidé avant chaque test."""
    import redis

    client = redis.Redis.from_url(redis_serveur.url)
    client.flushall()
    client.close()
    return redis_serveur.url

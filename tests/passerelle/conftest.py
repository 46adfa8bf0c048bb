"""Fixtures de la passerelle : faux Rasa sur un port libre, réglages de test, client FastAPI."""

from __future__ import annotations

import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

RACINE = Path(__file__).resolve().parents[2]
if str(RACINE) not in sys.path:
    sys.path.insert(0, str(RACINE))

from bot.passerelle.app import creer_app  # noqa: E402
from bot.passerelle.reglages import Reglages  # noqa: E402
from tests.passerelle.outils import FauxRasa, ServeurFil  # noqa: E402

ARTEFACTS = RACINE / "tests" / "artefacts"


@pytest.fixture(scope="session")
def faux_rasa():
    faux = FauxRasa()
    with ServeurFil(faux.app) as serveur:
        faux.url = serveur.url
        yield faux


@pytest.fixture(scope="session")
def vrais_serveurs(tmp_path_factory):
    """Les vrais Rasa et serveur d'actions (tests/serveurs.py), API Rasa protégée par un jeton
    comme dans le Procfile (``--enable-api --auth-token``) ; une fois pour toute la session."""
    from tests.serveurs import MODELE, serveurs

    if not MODELE.exists():
        subprocess.run([str(RACINE / "scripts" / "entrainer.sh")], cwd=RACINE, check=True, timeout=1500)
    with serveurs(journaux=tmp_path_factory.mktemp("serveurs-passerelle"),
                  jeton=f"jeton-e2e-{secrets.token_hex(16)}") as s:
        yield s


@pytest.fixture
def fabrique_reglages(faux_rasa):
    def fabriquer(**changements) -> Reglages:
        base = Reglages(
            pseudonyme_cle=secrets.token_hex(24).encode(),
            rasa_url=faux_rasa.url,
            actions_url=faux_rasa.url,
            rasa_jeton=faux_rasa.jeton,
            rasa_delai=10.0,
            database_url="sqlite:///:memory:",
            debit_ip_max=0,
        )
        return base.avec(**changements)

    return fabriquer


@pytest.fixture
def reglages(fabrique_reglages) -> Reglages:
    return fabrique_reglages()


@pytest.fixture
def client(reglages):
    with TestClient(creer_app(reglages)) as c:
        yield c


@pytest.fixture
def artefacts() -> Path:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    return ARTEFACTS


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

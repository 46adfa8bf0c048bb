"""Serveurs réels pour les conversations de bout en bout : démarrés une fois par session.

Le modèle est entraîné seulement s'il manque (la CI lance ``make train`` avant les tests).
"""

from __future__ import annotations

import subprocess

import pytest

from tests.serveurs import MODELE, RACINE, Conversation, serveurs


@pytest.fixture(scope="session")
def serveurs_reels(tmp_path_factory):
    if not MODELE.exists():
        subprocess.run([str(RACINE / "scripts" / "entrainer.sh")], cwd=RACINE, check=True, timeout=1200)
    with serveurs(journaux=tmp_path_factory.mktemp("serveurs")) as s:
        yield s


@pytest.fixture
def conversation(serveurs_reels):
    """Une nouvelle conversation (identifiant unique) par le canal REST."""
    def _nouvelle() -> Conversation:
        return Conversation(serveurs_reels.webhook)
    return _nouvelle

"""Lancer un script Python dans le vrai Rasa de .venv-rasa (Python 3.10) depuis les tests (.venv, 3.12).

Le script imprime un JSON sur sa dernière ligne : ``executer`` le rend. ``avec_rasa`` marque un module de
tests qui en a besoin (sauté sans .venv-rasa).
"""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

RACINE = Path(__file__).resolve().parent.parent
PY_RASA = RACINE / ".venv-rasa" / "bin" / "python"

avec_rasa = [
    pytest.mark.rasa,
    pytest.mark.skipif(not PY_RASA.exists(), reason=".venv-rasa absent : make venv-rasa"),
]


def executer(script: str, *arguments: str, env: dict[str, str] | None = None, timeout: float = 240) -> dict:
    """Le JSON de la dernière ligne imprimée par ``script`` ; ``env`` : l'environnement de base (celui des
    tests par défaut), complété par le chemin du projet et le silence de TensorFlow et de la télémétrie."""
    env = {**(os.environ if env is None else env), "PYTHONPATH": str(RACINE), "TF_CPP_MIN_LOG_LEVEL": "3",
           "RASA_TELEMETRY_ENABLED": "false"}
    fini = subprocess.run([str(PY_RASA), "-c", script, *arguments], cwd=RACINE, env=env,
                          capture_output=True, text=True, timeout=timeout)
    assert fini.returncode == 0, fini.stderr[-3000:]
    return json.loads(fini.stdout.strip().splitlines()[-1])

"""L'assistant vu par Rasa : données valides, histoires de test, textes FALC, emplacements.

Les appels au CLI Rasa passent par .venv-rasa (Python 3.10) ; marqués ``rasa``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

RACINE = Path(__file__).resolve().parents[2]
RASA = RACINE / ".venv-rasa" / "bin" / "rasa"
MODELE = RACINE / "models" / "assistant.tar.gz"
FALC = RACINE.parent / "shared" / "tools" / "falc_check.py"
ENV = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3"}


def _domaine_fichiers():
    return {f.name: yaml.safe_load(f.read_text(encoding="utf-8")) for f in (RACINE / "domain").glob("*.yml")}


def test_emplacements_remplis_par_les_actions_seulement():
    slots = {}
    for contenu in _domaine_fichiers().values():
        slots.update(contenu.get("slots") or {})
    assert slots, "aucun emplacement"
    for nom, slot in slots.items():
        assert slot["mappings"] == [{"type": "custom"}], nom


def test_un_emplacement_par_champ_du_vocabulaire():
    import droits

    slots = {}
    for contenu in _domaine_fichiers().values():
        slots.update(contenu.get("slots") or {})
    assert set(droits.CHAMPS) <= set(slots)


def test_textes_faciles_a_lire():
    """../shared/tools/falc_check.py : km_p10 >= 60, <= 12 mots par phrase, aucune phrase > 20 mots."""
    if not FALC.exists():
        pytest.skip(f"{FALC} absent")
    sortie = subprocess.run(
        # RDV et SUITE ne sont pas des sigles : ce sont les mots à écrire par SMS (« écrivez RDV »), dans les
        # textes de la passerelle (bot/passerelle/textes.yml, catalogue depuis l'issue 13)
        [sys.executable, str(FALC), str(RACINE), "--json", "--allow-acronym", "RDV", "--allow-acronym", "SUITE"],
        capture_output=True, text=True, timeout=120
    )
    rapport = json.loads(sortie.stdout)
    print(rapport["falc_line"])
    totaux = rapport["summary"]
    assert totaux["texts"] >= 20
    assert totaux["km_p10"] >= 60
    assert totaux["words_per_sentence_mean"] <= 12
    assert totaux["sentences_over_20"] == 0
    assert totaux["unexplained_acronyms"] == 0, totaux["unexplained_acronyms_distinct"]
    assert sortie.returncode == 0, sortie.stderr[-2000:]


def _rasa(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(RASA), *args], cwd=RACINE, env=ENV, capture_output=True, text=True, timeout=timeout
    )


@pytest.mark.rasa
def test_rasa_data_validate():
    resultat = _rasa("data", "validate", "--domain", "domain", "--data", "data", "--config", "config.yml")
    assert resultat.returncode == 0, (resultat.stdout + resultat.stderr)[-4000:]


@pytest.mark.rasa
def test_histoires_de_test_sans_erreur_de_prediction(tmp_path):
    if not MODELE.exists():
        pytest.skip("modèle absent : make train")
    resultat = _rasa(
        "test", "core", "--model", str(MODELE), "--stories", "tests/test_stories.yml",
        "--fail-on-prediction-errors", "--out", str(tmp_path),
    )
    assert resultat.returncode == 0, (resultat.stdout + resultat.stderr)[-4000:]

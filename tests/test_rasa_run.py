"""scripts/rasa_run.py : les réglages appliqués à Rasa avant son lancement, dans le vrai .venv-rasa.

- OpenMP sur un fil par défaut (encodeur multilingue : le second fil tournait à vide), sans écraser le
  choix d'un exploitant ;
- ``jsonschema.validate`` (réponses du serveur d'actions et du point NLG) : même verdict qu'avant, le
  schéma vérifié une fois ; une réponse invalide est toujours refusée par Rasa ;
- le magasin SQL des suivis vérifie ses connexions (pool_pre_ping).
"""
from __future__ import annotations

import os

from tests.script_rasa import RACINE, avec_rasa, executer

pytestmark = avec_rasa

SCRIPT = r'''
import json, os, sys, runpy, warnings, logging
warnings.filterwarnings("ignore"); logging.disable(logging.WARNING)
reglages = runpy.run_path(sys.argv[1], run_name="reglages")
import jsonschema
from rasa.core.actions.action import RemoteAction
from rasa.core.nlg.callback import nlg_response_format_spec
from rasa.core import tracker_store
action = RemoteAction("action_essai", None)
bonne = {"events": [{"event": "slot", "name": "x", "value": 1}], "responses": [{"text": "bonjour"}]}
mauvaises = [{"events": "pas une liste"}, {"events": [{"event": 3}]}, {"responses": "non"}]
# même verdict et même message que la fonction d'origine, pour des réponses bonnes et mauvaises
def verdict(f, instance, schema):
    try:
        f(instance, schema)
        return None
    except jsonschema.ValidationError as e:
        return e.message
instances = [bonne, *mauvaises, {}, {"events": [], "responses": [{"text": 1}]}]
schemas = [action.action_response_format_spec(), nlg_response_format_spec()]
pareil = all(verdict(reglages["_valider_d_origine"], i, s) == verdict(jsonschema.validate, i, s)
             for i in instances for s in schemas)
refus = []
for m in mauvaises:
    try:
        action._validate_action_result(m)
        refus.append(None)
    except jsonschema.ValidationError as e:
        refus.append("Failed to validate Action server response" in e.message)
# le point NLG : même fonction de jsonschema
nlg_ok = True
try:
    jsonschema.validate({"text": 3}, nlg_response_format_spec())
    nlg_ok = False
except jsonschema.ValidationError:
    pass
jsonschema.validate({"text": "salut", "buttons": []}, nlg_response_format_spec())
print(json.dumps({
    "omp": os.environ.get("OMP_NUM_THREADS"),
    "valide": action._validate_action_result(bonne),
    "pareil": pareil,
    "refus": refus,
    "nlg_refuse": nlg_ok,
    "validateurs": len(sys.modules["jsonschema"].validate.__globals__["_validateurs"]),
    "pre_ping": tracker_store.create_engine_kwargs("postgresql://x@y/z").get("pool_pre_ping"),
}))
'''


def _lancer(env_en_plus: dict) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "OMP_NUM_THREADS"}
    return executer(SCRIPT, str(RACINE / "scripts" / "rasa_run.py"), env={**env, **env_en_plus})


def test_reglages_de_rasa():
    r = _lancer({})
    assert r["omp"] == "1"
    assert r["valide"] is True
    assert r["refus"] == [True, True, True], r["refus"]
    assert r["nlg_refuse"] is True
    assert r["pareil"] is True
    assert r["validateurs"] == 2  # un par schéma (actions, NLG), pas un par appel
    assert r["pre_ping"] is True


def test_choix_de_l_exploitant_garde():
    assert _lancer({"OMP_NUM_THREADS": "2"})["omp"] == "2"

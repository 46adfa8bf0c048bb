"""Recoupement du montant du RSA avec OpenFisca-France (environnement séparé .venv-openfisca).

Installation : $(scripts/python.sh 3.12) -m venv .venv-openfisca
               .venv-openfisca/bin/pip install --no-deps -r requirements/openfisca.lock

Divergences connues, neutralisées ici :
- OpenFisca calcule lui-même les prestations familiales (allocations familiales, ASF...) et les ajoute aux
  ressources du RSA ; notre `ressources_mensuelles` les contient déjà : le script les met à 0 dans OpenFisca.
- OpenFisca neutralise les revenus d'une activité arrêtée (art. R262-13) : le script donne le même salaire
  le mois du calcul et les 3 mois d'avant.
- Parent isolé : OpenFisca applique le RSA majoré si le benjamin a moins de 3 ans ou si l'isolement date de moins
  de 18 mois (`rsa_isolement_recent`) ; quand `age_plus_jeune_enfant` n'est pas donné, nous donnons une fourchette
  dont le montant retenu (`montant_mensuel`) est le non majoré, et les enfants du script ont 8 ans.
- Conjoint sans titre de séjour (issue 12) : OpenFisca n'applique pas L262-5 ; le script lui donne le foyer du RSA
  que la loi compose (le demandeur seul, toutes les ressources du ménage). Voir openfisca_rsa.py.
- Centre d'hébergement : envoyé comme « sans_domicile » (OpenFisca n'a pas de statut « centre »).
"""
import json
import subprocess
from pathlib import Path

import pytest

from droits import evaluer

from openfisca_rsa import FOYERS

RACINE = Path(__file__).resolve().parents[2]
PYTHON_OPENFISCA = RACINE / ".venv-openfisca" / "bin" / "python"
SCRIPT = Path(__file__).with_name("openfisca_rsa.py")
TOLERANCE = 0.05  # euros : OpenFisca calcule en float32



def montant_moteur(foyer: dict) -> float:
    situation = {k: v for k, v in foyer.items() if k != "date"}
    situation.update(age=40, nationalite="francaise", etudiant=False)
    if situation.get("en_couple"):
        situation.setdefault("conjoint_nationalite", "francaise")
        situation.setdefault("conjoint_etudiant", False)
    r = evaluer(situation, date=foyer["date"])["droits"]["rsa"]
    return r["montant_mensuel"] or 0.0


def openfisca(foyers: list[dict]) -> dict:
    r = subprocess.run([str(PYTHON_OPENFISCA), str(SCRIPT)], input=json.dumps(foyers), capture_output=True,
                       text=True, timeout=600, cwd=RACINE)
    assert r.returncode == 0, r.stderr[-2000:]
    return json.loads(r.stdout)


@pytest.mark.openfisca
@pytest.mark.skipif(not PYTHON_OPENFISCA.exists(),
                    reason=".venv-openfisca absent : pip install --no-deps -r requirements/openfisca.lock dans un venv séparé")
def test_rsa_comme_openfisca():
    assert len(FOYERS) >= 25
    resultats = openfisca(FOYERS)["resultats"]
    ecarts = []
    for foyer, attendu in zip(FOYERS, resultats):
        nous = montant_moteur(foyer)
        if abs(nous - attendu["rsa"]) > TOLERANCE:
            ecarts.append((foyer, nous, attendu["rsa"]))
    assert not ecarts, ecarts

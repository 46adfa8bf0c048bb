"""Lisibilité (../shared/tools/falc_check.py) des textes de droits/textes.yaml tels qu'ils sont rendus dans de vrais
résultats : chaque message d'un droit (résumé, étape, raisons, pièces) des personnes fictives et de situations
tirées, dans les trois formes. Mêmes cibles que le domaine Rasa (Kandel-Moles p10 ≥ 60, ≤ 12 mots par phrase)."""
import importlib.util
import random
from pathlib import Path

import pytest

from droits import CHAMPS, SituationInvalide, evaluer, valider_situation
from personas import PERSONAS

FALC = Path(__file__).resolve().parents[3] / "shared" / "tools" / "falc_check.py"
KM_P10_MIN = 60
MOTS_PAR_PHRASE_MAX = 12


@pytest.fixture(scope="module")
def falc():
    if not FALC.exists():
        pytest.skip(f"{FALC} absent")
    spec = importlib.util.spec_from_file_location("falc_check", FALC)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def situations():
    yield from PERSONAS.values()
    tirage = random.Random(15)
    choix = {c: list(spec["choix"]) for c, spec in CHAMPS.items() if spec["type"] == "choix"}
    nombres = {"age": [17, 22, 40], "mois_en_france": [2, 24, 80], "mois_sans_titre": [1, 12], "enfants": [0, 1, 3],
               "ressources_mensuelles": [0, 400, 900], "ressources_annuelles": [0, 9000, 16000],
               "annees_titre_sejour": [2, 6], "age_plus_jeune_enfant": [1, 6], "mois_depuis_separation": [4, 30],
               "aide_logement": [0, 150], "conjoint_age": [22, 40]}
    booleens = [c for c, spec in CHAMPS.items() if spec["type"] == "booleen"]
    n = 0
    while n < 150:
        brut = {c: tirage.choice(v) for c, v in {**choix, **nombres}.items() if tirage.random() < 0.5}
        brut.update({c: tirage.random() < 0.5 for c in booleens if tirage.random() < 0.5})
        try:
            yield valider_situation(brut)
            n += 1
        except SituationInvalide:
            continue


def test_messages_des_resultats_faciles_a_lire(falc):
    km, mots, phrases, messages = [], 0, 0, 0
    for s in situations():
        for forme in ("vous", "il", "elle"):
            for droit, r in evaluer(s, date="2026-06-01", forme=forme)["droits"].items():
                assert r["etape"], (droit, s)  # toujours une prochaine chose à faire
                mesure = falc.analyze_text(" ".join([r["resume"], r["etape"], *r["raisons"], *r["pieces"]]))
                km.append(mesure["km"])
                mots += mesure["words"]
                phrases += mesure["sentences"]
                messages += 1
                assert mesure["sentences_over_20"] == 0, (droit, r)
    p10 = falc.percentile(km, 0.10)
    print(f"\n{messages} messages : Kandel-Moles p10 {p10:.1f}, moyenne {sum(km) / len(km):.1f} ; "
          f"{mots / phrases:.1f} mots par phrase")
    assert p10 >= KM_P10_MIN
    assert mots / phrases <= MOTS_PAR_PHRASE_MAX

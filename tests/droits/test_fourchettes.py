"""Réponses en fourchette (boutons « 300 à 650 € ») : évaluées aux bornes, une valeur exacte l'emporte, le
nombre exact n'est demandé que si la fourchette ne décide pas ; boutons définis une fois (droits/fourchettes.yaml)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from droits import CHAMPS, evaluer, prochaine_question, valider_situation
from droits.fourchettes import BOUTONS, boutons, libelle
from personas import PERSONAS

RACINE = Path(__file__).resolve().parents[2]
DATE = "2026-06-01"
SEUL = {"age": 40, "nationalite": "francaise", "etudiant": False, "en_couple": False, "enfants": 0, "enceinte": False,
        "logement": "rue"}


def test_boutons_des_questions_a_nombre():
    attendus = {"ressources_mensuelles", "ressources_annuelles", "age", "mois_en_france", "mois_sans_titre",
                "annees_titre_sejour", "heures_travail_3_ans", "aide_logement", "enfants", "age_plus_jeune_enfant",
                "mois_depuis_separation", "conjoint_age", "conjoint_annees_titre_sejour"}
    assert attendus <= set(BOUTONS)
    assert [b["libelle"] for b in boutons("ressources_mensuelles")] == [
        "Rien", "Moins de 300 €", "300 à 650 €", "650 à 1 000 €", "Plus de 1 000 €", "Je ne sais pas"]
    assert [b["libelle"] for b in boutons("age")] == ["Moins de 18 ans", "18 à 24 ans", "25 ans ou plus"]
    for champ, liste in BOUTONS.items():
        assert CHAMPS[champ]["type"] in ("entier", "nombre")
        fourchettes = [b["fourchette"] for b in liste if "fourchette" in b]
        # chaque fourchette est acceptée par la validation de la situation
        for bornes in fourchettes:
            valider_situation({"fourchettes": {champ: list(bornes)}})
        # sans trou entre deux fourchettes voisines
        for (a, b_), (c, d) in zip(fourchettes, fourchettes[1:]):
            assert c - b_ <= 1, (champ, b_, c)
    assert json.dumps(boutons("age"))  # JSON pour le dialogue


def test_une_valeur_exacte_l_emporte_sur_la_fourchette():
    r = evaluer({**SEUL, "ressources_mensuelles": 0, "fourchettes": {"ressources_mensuelles": [300, 650]}}, date=DATE)
    assert r["droits"]["rsa"]["montant_mensuel"] == 651.69
    assert r["droits"]["rsa"]["montant_estime_fourchette"] is False


def test_fourchette_qui_decide_le_statut_montant_en_fourchette():
    r = evaluer({**SEUL, "fourchettes": {"ressources_mensuelles": [0, 300]}}, date=DATE)["droits"]["rsa"]
    assert r["statut"] == "eligible" and r["manquants"] == []
    assert (r["montant_min"], r["montant_max"], r["montant_mensuel"]) == (351.69, 651.69, 351.69)
    assert r["montant_estime_fourchette"] is True
    assert "entre 351 et 651 €" in r["resume"]
    assert any("« Moins de 300 € »" in p for p in r["raisons"])


def test_fourchette_qui_ne_decide_pas_le_nombre_exact_est_demande_une_fois():
    s = {**SEUL, "fourchettes": {"ressources_mensuelles": [300, 650]}}
    r = evaluer(s, date=DATE)["droits"]["rsa"]
    assert r["statut"] == "a_verifier"
    assert r["manquants"] == ["ressources_mensuelles"]
    assert "« 300 à 650 € »" in r["raisons"][0]
    q = prochaine_question(s, droits=["rsa"], date=DATE)
    assert q["champ"] == "ressources_mensuelles" and q["fourchette"] == [300, 650] and q["precision"]
    assert prochaine_question(s, droits=["rsa"], ignorer=["ressources_mensuelles"], date=DATE) is None


def test_fourchette_au_dessus_du_rsa_decide_non():
    r = evaluer({**SEUL, "fourchettes": {"ressources_mensuelles": [650, 1000]}}, date=DATE)["droits"]["rsa"]
    assert r["statut"] == "non_eligible" and r["manquants"] == []


def test_plusieurs_fourchettes_aux_coins():
    s = {**SEUL, "logement": "locataire", "fourchettes": {"ressources_mensuelles": [0, 300], "aide_logement": [80, 200]}}
    r = evaluer(s, date=DATE)["droits"]["rsa"]
    # l'aide au logement dépasse le forfait d'une personne (78,20 €) aux deux bornes : seul l'argent change le montant
    assert r["statut"] == "eligible"
    assert (r["montant_min"], r["montant_max"]) == (273.49, 573.49)


def test_age_en_fourchette():
    r = evaluer({k: v for k, v in SEUL.items() if k != "age"} | {"ressources_mensuelles": 0,
                                                                "fourchettes": {"age": [18, 24]}}, date=DATE)
    assert r["droits"]["rsa"]["statut"] == "a_verifier"
    assert "heures_travail_3_ans" in r["droits"]["rsa"]["manquants"]


def test_libelle_d_une_fourchette_sans_bouton():
    assert libelle("ressources_mensuelles", [300, 650]) == "300 à 650 €"
    assert libelle("ressources_mensuelles", [120, 1500]) == "entre 120 et 1 500"


# --- dialogue par boutons -----------------------------------------------------------------------------

def repondre_par_bouton(champ, valeur, connue):
    """Le bouton qui contient la vraie valeur (le premier) ; rend False s'il n'y a que « je ne sais pas »."""
    for b in boutons(champ):
        if "valeur" in b and b["valeur"] == valeur:
            connue[champ] = valeur
            return True
        if "fourchette" in b and b["fourchette"][0] <= valeur <= b["fourchette"][1]:
            connue.setdefault("fourchettes", {})[champ] = b["fourchette"]
            return True
    return False


def simuler_boutons(cachee: dict, exact_si_redemande: bool):
    connue, ignorer, posees = {}, [], []
    while True:
        q = prochaine_question(connue, ignorer=ignorer, date=DATE)
        if q is None:
            return connue, posees
        champ = q["champ"]
        posees.append(champ)
        assert posees.count(champ) <= 2, f"{champ} demandé plus de deux fois"
        if champ not in cachee:
            ignorer.append(champ)
        elif q.get("fourchette") is not None:
            if exact_si_redemande:
                connue[champ] = cachee[champ]
            else:
                ignorer.append(champ)
        elif q["boutons"] and not isinstance(cachee[champ], bool):
            if not repondre_par_bouton(champ, cachee[champ], connue):
                ignorer.append(champ)
        else:
            connue[champ] = cachee[champ]
        assert len(posees) <= 30


@pytest.mark.parametrize("nom", sorted(n for n, p in PERSONAS.items() if p.get("ressources_mensuelles") == 0))
def test_sans_revenu_un_verdict_du_rsa_par_les_boutons_seuls(nom):
    """Une personne sans revenu arrive à un verdict définitif du RSA en touchant des boutons seulement."""
    cachee = PERSONAS[nom]
    connue, _ = simuler_boutons(cachee, exact_si_redemande=False)
    complet = evaluer(cachee, date=DATE)["droits"]["rsa"]
    partiel = evaluer(connue, date=DATE)["droits"]["rsa"]
    assert partiel["statut"] == complet["statut"], (nom, partiel["raisons"])
    if complet["statut"] != "a_verifier":
        assert partiel["statut"] != "a_verifier"


@pytest.mark.parametrize("nom", sorted(PERSONAS))
def test_boutons_puis_nombre_exact_meme_verdict_que_la_situation_complete(nom):
    cachee = PERSONAS[nom]
    connue, posees = simuler_boutons(cachee, exact_si_redemande=True)
    partiel, complet = evaluer(connue, date=DATE)["droits"], evaluer(cachee, date=DATE)["droits"]
    for droit in complet:
        assert partiel[droit]["statut"] == complet[droit]["statut"], (nom, droit, partiel[droit]["raisons"])
        if partiel[droit]["montant_estime_fourchette"]:
            assert partiel[droit]["montant_min"] <= complet[droit]["montant_mensuel"] <= partiel[droit]["montant_max"]
        else:
            assert partiel[droit]["montant_mensuel"] == complet[droit]["montant_mensuel"], (nom, droit)


def test_cli_accepte_les_fourchettes():
    entree = json.dumps({**SEUL, "fourchettes": {"ressources_mensuelles": [0, 300]}})
    r = subprocess.run([sys.executable, "-m", "droits", "evaluer", "-", "--date", DATE], input=entree,
                       capture_output=True, text=True, cwd=RACINE, timeout=60)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["droits"]["rsa"]["montant_max"] == 651.69
    r = subprocess.run([sys.executable, "-m", "droits", "evaluer", "-"], input='{"fourchettes": {"age": [30, 20]}}',
                       capture_output=True, text=True, cwd=RACINE, timeout=60)
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and "fourchettes" in r.stderr

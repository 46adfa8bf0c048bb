"""Contrat public de droits (docs/architecture.md) : exports, formes du résultat, validation."""
import datetime as dt

import re

import pytest

import droits
from droits import CHAMPS, DROITS, SituationInvalide, evaluer, prochaine_question, valider_situation

COMPLETE = {
    "age": 40, "nationalite": "francaise", "en_couple": False, "enfants": 0, "etudiant": False,
    "ressources_mensuelles": 0, "logement": "rue", "vit_a_paris": True, "adresse_courrier": False,
}


def test_exports():
    assert set(droits.__all__) == {"evaluer", "prochaine_question", "valider_situation", "SituationInvalide", "DROITS", "CHAMPS"}
    assert DROITS[:4] == ("ame", "rsa", "fsl", "domiciliation")  # le registre peut en ajouter après
    assert issubclass(SituationInvalide, ValueError)
    assert set(CHAMPS) == {
        "age", "nationalite", "titre_sejour", "annees_titre_sejour", "mois_en_france", "en_couple", "enfants",
        "enceinte", "etudiant", "heures_travail_3_ans", "ressources_mensuelles", "ressources_annuelles", "logement",
        "aide_logement", "vit_a_paris", "adresse_courrier", "domiciliation", "lien_paris", "difficultes_logement",
        # issue 12 : le conjoint, le travail déclaré, le parent isolé, la fin du visa
        "conjoint_age", "conjoint_nationalite", "conjoint_titre_sejour", "conjoint_annees_titre_sejour",
        "conjoint_etudiant", "travail_declare", "age_plus_jeune_enfant", "mois_depuis_separation", "mois_sans_titre",
        # issue 11 et 15 : RSA déjà touché, genre dit, arrondissement, fourchettes des boutons
        "percoit_rsa", "genre", "arrondissement", "fourchettes"}
    assert CHAMPS["logement"]["type"] == "choix" and "rue" in CHAMPS["logement"]["choix"]
    assert CHAMPS["difficultes_logement"]["type"] == "liste"


@pytest.mark.parametrize("situation", [{}, COMPLETE, {"nationalite": "hors_ue", "titre_sejour": "aucun"}])
@pytest.mark.parametrize("forme", ["vous", "il", "elle"])
def test_forme_du_resultat(situation, forme, schema_resultat):
    r = evaluer(situation, date="2026-11-26", forme=forme)
    schema_resultat.validate(r)
    assert r["date"] == "2026-11-26"
    assert list(r["droits"]) == list(DROITS)


def test_date_objet_et_aujourdhui():
    assert evaluer({}, date=dt.date(2025, 6, 1))["date"] == "2025-06-01"
    aujourdhui = evaluer({})["date"]
    assert dt.date.fromisoformat(aujourdhui)


def test_le_resume_du_rsa_donne_le_montant():
    r = evaluer(COMPLETE, date="2026-11-26")["droits"]["rsa"]
    assert r["statut"] == "eligible" and r["montant_mensuel"] == 651.69
    assert r["resume"] == "Vous avez sans doute droit au RSA (revenu de solidarité active) : environ 651 € par mois."


@pytest.mark.parametrize("situation, champ", [
    ({"age": True}, "age"),
    ({"age": 300}, "age"),
    ({"age": -1}, "age"),
    ({"age": 30.5}, "age"),
    ({"age": "30"}, "age"),
    ({"enfants": False}, "enfants"),
    ({"ressources_mensuelles": -5}, "ressources_mensuelles"),
    ({"ressources_mensuelles": True}, "ressources_mensuelles"),
    ({"ressources_annuelles": float("nan")}, "ressources_annuelles"),
    ({"aide_logement": -1}, "aide_logement"),
    ({"en_couple": 1}, "en_couple"),
    ({"en_couple": "oui"}, "en_couple"),
    ({"logement": "maison"}, "logement"),
    ({"nationalite": "francais"}, "nationalite"),
    ({"difficultes_logement": "impayes_loyer"}, "difficultes_logement"),
    ({"difficultes_logement": ["impayes_loyer", "impayes_loyer"]}, "difficultes_logement"),
    ({"difficultes_logement": ["fuite"]}, "difficultes_logement"),
    ({"agee": 30}, "agee"),
    ({"age": 20, "mois_en_france": 400}, "mois_en_france"),
    ({"age": 20, "annees_titre_sejour": 30}, "annees_titre_sejour"),
])
def test_erreurs_claires_qui_nomment_le_champ(situation, champ):
    with pytest.raises(SituationInvalide) as e:
        valider_situation(situation)
    assert e.value.champ == champ
    assert champ in e.value.message
    assert "\n" not in e.value.message
    with pytest.raises(SituationInvalide):
        evaluer(situation)
    with pytest.raises(SituationInvalide):
        prochaine_question(situation)


def test_situation_pas_un_objet():
    with pytest.raises(SituationInvalide) as e:
        valider_situation([1, 2])
    assert e.value.champ is None


def test_normalisation():
    assert valider_situation({"age": 30.0, "enceinte": None}) == {"age": 30}
    # titre de séjour d'une personne française ou de l'UE : accepté puis ignoré
    assert valider_situation({"nationalite": "francaise", "titre_sejour": "aucun", "annees_titre_sejour": 2}) == {"nationalite": "francaise"}
    assert valider_situation({"nationalite": "ue", "titre_sejour": "recepisse"}) == {"nationalite": "ue"}
    # un titre de séjour sans nationalité implique hors UE
    assert valider_situation({"titre_sejour": "aucun"}) == {"nationalite": "hors_ue", "titre_sejour": "aucun"}
    # l'entrée n'est pas modifiée
    entree = {"titre_sejour": "aucun"}
    valider_situation(entree)
    assert entree == {"titre_sejour": "aucun"}


@pytest.mark.parametrize("date", ["2026-13-01", "26/11/2026", "hier", 20261126, "2020-01-01"])
def test_date_invalide(date):
    with pytest.raises(SituationInvalide) as e:
        evaluer({}, date=date)
    assert e.value.champ == "date"


def test_forme_invalide():
    with pytest.raises(SituationInvalide) as e:
        evaluer({}, forme="tu")
    assert e.value.champ == "forme"


def test_question_forme_du_contrat():
    q = prochaine_question({}, date="2026-11-26")
    # issue 15 : `boutons` (questions à nombre ; null sinon) ; `fourchette` et `precision` quand on redemande
    assert set(q) == {"champ", "type", "question", "question_tiers", "reformulation", "reformulation_tiers", "choix",
                      "boutons"}
    assert q["type"] in ("entier", "nombre", "booleen", "choix", "liste")
    assert q["question"] != q["reformulation"]
    if q["type"] in ("entier", "nombre"):
        assert q["choix"] is None
    else:
        for c in q["choix"]:
            assert set(c) == {"valeur", "libelle"} and len(c["libelle"]) <= 25


def test_question_none_quand_tout_est_decide():
    assert prochaine_question(COMPLETE, date="2026-11-26") is None


def test_question_parametres_invalides():
    with pytest.raises(SituationInvalide) as e:
        prochaine_question({}, droits=["cmu"])
    assert e.value.champ == "droits"
    with pytest.raises(SituationInvalide) as e:
        prochaine_question({}, ignorer=["taille"])
    assert e.value.champ == "ignorer"


@pytest.mark.parametrize("situation", [{}, COMPLETE, {"nationalite": "hors_ue", "titre_sejour": "aucun"}])
def test_forme_personne_pour_les_professionnels(situation):
    """« personne » (page /pro) : le résultat parle de « la personne », jamais « vous » ni « Elle … »."""
    r = evaluer(situation, date="2026-11-26", forme="personne")
    for droit in r["droits"].values():
        for phrase in [droit["resume"], droit["etape"] or "", *droit["raisons"], *droit["pieces"]]:
            assert not re.search(r"\b[Vv]ous\b|\bvotre\b|\bvos\b", phrase), phrase
            assert not re.match(r"Elle |Il (?:a|n'a|est|n'est|peut|vit|dort|touche)\b", phrase), phrase

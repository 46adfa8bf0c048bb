"""Réponses courtes à une question connue : ``interpreter_reponse`` et ``analyser_reponse``."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.extraction import analyser_reponse, interpreter_reponse

JOUR = dt.date(2026, 11, 26)
CHOIX_LOGEMENT = [
    {"valeur": "rue", "libelle": "À la rue"},
    {"valeur": "centre_hebergement", "libelle": "Dans un centre ou un hôtel (115)"},
    {"valeur": "heberge_gratuitement", "libelle": "Chez quelqu'un, sans payer"},
    {"valeur": "locataire", "libelle": "Locataire"},
    {"valeur": "proprietaire", "libelle": "Propriétaire"},
]
CHOIX_DIFFICULTES = [
    {"valeur": "impayes_loyer", "libelle": "Loyers impayés"},
    {"valeur": "factures_energie", "libelle": "Factures d'énergie"},
    {"valeur": "factures_eau", "libelle": "Factures d'eau"},
    {"valeur": "entree_logement", "libelle": "Entrée dans un logement"},
]

REPONSES = [
    # entiers
    ("age", "34", 34),
    ("age", "trente-quatre", 34),
    ("age", "34 ans", 34),
    ("age", "jai 34a", 34),
    ("age", "1990", None),  # né en 1990 : 35 ou 36 ans, on ne devine pas
    ("age", "mars 1990", 36),
    ("age", "née le 12/03/1990", 36),
    ("age", "je sais pas", None),
    ("age", "150", None),
    ("age", "6 mois", None),
    ("enfants", "2", 2),
    ("enfants", "deux", 2),
    ("enfants", "aucun", 0),
    ("enfants", "non", 0),
    ("enfants", "nan", 0),
    ("enfants", "un seul", 1),
    ("enfants", "oui", None),
    ("enfants", "j'ai 3 gosses", 3),
    ("mois_en_france", "6", 6),
    ("mois_en_france", "2 ans", 24),
    ("mois_en_france", "2 ans et demi", 30),
    ("mois_en_france", "depuis 2019", None),  # année seule : nombre de mois incertain
    ("mois_en_france", "depuis mars 2019", 92),
    ("mois_en_france", "hier", 0),
    ("mois_en_france", "3 semaines", 0),
    ("heures_travail_3_ans", "jamais", 0),
    ("heures_travail_3_ans", "aucune", 0),
    ("heures_travail_3_ans", "1500", 1500),
    ("heures_travail_3_ans", "1500 heures", 1500),
    ("heures_travail_3_ans", "2 ans à plein temps", 3214),
    ("heures_travail_3_ans", "1 an à mi-temps", 804),
    # nombres
    ("annees_titre_sejour", "6", 6),
    ("annees_titre_sejour", "6 ans", 6),
    ("annees_titre_sejour", "1 an et demi", 1.5),
    ("annees_titre_sejour", "depuis 2020", None),
    ("annees_titre_sejour", "depuis juin 2020", 6.4),
    ("annees_titre_sejour", "6 mois", 0.5),
    ("ressources_mensuelles", "900", 900.0),
    ("ressources_mensuelles", "900 balles", 900.0),
    ("ressources_mensuelles", "1 200 €", 1200.0),
    ("ressources_mensuelles", "mille deux cents", 1200.0),
    ("ressources_mensuelles", "1,2k", 1200.0),
    ("ressources_mensuelles", "rien", 0.0),
    ("ressources_mensuelles", "0", 0.0),
    ("ressources_mensuelles", "walou", 0.0),
    ("ressources_mensuelles", "12000 par an", 1000.0),
    ("ressources_mensuelles", "je touche le RSA 607 euros", 607.0),
    ("ressources_annuelles", "10 000", 10000.0),
    ("ressources_annuelles", "800 par mois", 9600.0),
    ("aide_logement", "200", 200.0),
    ("aide_logement", "200 euros", 200.0),
    ("aide_logement", "non", 0.0),
    ("aide_logement", "pas d'APL", 0.0),
    # booléens
    ("enceinte", "oui", True),
    ("enceinte", "ouais", True),
    ("enceinte", "ouiii", True),
    ("enceinte", "nan", False),
    ("enceinte", "non", False),
    ("enceinte", "nn", False),
    ("enceinte", "pas du tout", False),
    ("enceinte", "je suis enceinte de 4 mois", True),
    ("enceinte", "👍", True),
    ("etudiant", "non je travaille", False),
    ("etudiant", "yes", True),
    ("en_couple", "non je suis seul", False),
    ("en_couple", "marié", True),
    ("domiciliation", "oui à la mie de pain", True),
    ("domiciliation", "non", False),
    ("adresse_courrier", "non j'ai pas d'adresse", False),
    ("adresse_courrier", "oui chez ma soeur", True),
    ("vit_a_paris", "oui", True),
    ("vit_a_paris", "non à Montreuil", False),
    ("lien_paris", "oui je travaille à Paris", True),
    ("etudiant", "je sais pas", None),
    ("etudiant", "bof", None),
    # choix
    ("logement", "dehors", "rue"),
    ("logement", "rue", "rue"),
    ("logement", "au 115", "centre_hebergement"),
    ("logement", "chez un pote", "heberge_gratuitement"),
    ("logement", "locataire", "locataire"),
    ("logement", "2", "centre_hebergement"),
    ("logement", "À la rue", "rue"),
    ("nationalite", "malien", "hors_ue"),
    ("nationalite", "Mali", "hors_ue"),
    ("nationalite", "France", "francaise"),
    ("nationalite", "Union européenne", "ue"),
    ("nationalite", "hors UE", "hors_ue"),
    ("nationalite", "roumaine", "ue"),
    ("titre_sejour", "aucun", "aucun"),
    ("titre_sejour", "rien", "aucun"),
    ("titre_sejour", "j'ai pas de papiers", "aucun"),
    ("titre_sejour", "demande d'asile", "demande_asile"),
    ("titre_sejour", "récépissé", "recepisse"),
    ("titre_sejour", "carte de résident", "carte_resident"),
    ("titre_sejour", "réfugié", "protection_internationale"),
    # liste
    ("difficultes_logement", "loyers impayés", ["impayes_loyer"]),
    ("difficultes_logement", "aucune", []),
    ("difficultes_logement", "non", []),
    ("difficultes_logement", "1 et 3", ["impayes_loyer", "factures_eau"]),
    ("difficultes_logement", "facture EDF et la caution", ["factures_energie", "entree_logement"]),
    # bizarre
    ("age", "/informer{\"age\": 99}", None),
    ("age", "", None),
    ("age", "🙂", None),
    ("champ_inconnu", "34", None),
]


@pytest.mark.parametrize("champ, texte, attendu", REPONSES, ids=[f"{c}:{t}" for c, t, _ in REPONSES])
def test_interpreter_reponse(champ, texte, attendu):
    choix = CHOIX_LOGEMENT if champ == "logement" else CHOIX_DIFFICULTES if champ == "difficultes_logement" \
        else None
    valeur = interpreter_reponse(champ, texte, choix=choix, aujourd_hui=JOUR)
    assert valeur == attendu
    assert type(valeur) is type(attendu)


@pytest.mark.parametrize("texte", ["je sais pas", "jsp", "aucune idée", "chais pas", "je ne sais pas", "sais pas",
                                   "idk", "ma3rftch", "je me souviens plus", "?"])
def test_ne_sait_pas(texte):
    reponse = analyser_reponse("mois_en_france", texte, aujourd_hui=JOUR)
    assert reponse.valeur is None
    assert reponse.ne_sait_pas is True


def test_reponse_garde_les_autres_faits():
    reponse = analyser_reponse("age", "34 et je dors dehors", aujourd_hui=JOUR)
    assert reponse.valeur == 34
    assert reponse.extraction.faits["logement"] == "rue"


def test_interpreter_sans_choix_ni_date():
    assert interpreter_reponse("age", "34") == 34
    assert interpreter_reponse("logement", "2") is None  # sans la liste des choix, « 2 » ne dit rien


def test_assez_de_reponses():
    assert len(REPONSES) >= 80

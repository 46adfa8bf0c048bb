"""Faux ``droits`` et faux ``bot.extraction``, petits et fixes, pour tester les actions seules.

Les tests de mécanique du dialogue comparent des événements EXACTS : ils ne doivent pas
changer quand les règles de droits ou l'extraction évoluent. Les tests « intégration »
(test_actions_integration.py) utilisent les vrais modules.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from droits.situation import CHAMPS  # le vrai vocabulaire (le schéma JSON) : seules les règles sont fausses
DROITS = ("ame", "rsa", "fsl", "domiciliation")

QUESTIONS = {
    "nationalite": {
        "champ": "nationalite", "type": "choix",
        "question": "Quelle est votre nationalité ?",
        "question_tiers": "Quelle est la nationalité de la personne ?",
        "reformulation": "Vous venez de quel pays ?",
        "choix": [
            {"valeur": "francaise", "libelle": "Française"},
            {"valeur": "ue", "libelle": "Un pays d'Europe"},
            {"valeur": "hors_ue", "libelle": "Un autre pays"},
        ],
    },
    "age": {
        "champ": "age", "type": "entier",
        "question": "Quel âge avez-vous ?",
        "question_tiers": "Quel âge a la personne ?",
        "reformulation": "Vous êtes né en quelle année ?",
        "choix": None,
    },
    "en_couple": {
        "champ": "en_couple", "type": "booleen",
        "question": "Vivez-vous en couple ?",
        "question_tiers": "La personne vit-elle en couple ?",
        "reformulation": "Avez-vous un mari, une femme ou un compagnon ?",
        "choix": None,
    },
}
ORDRE = ("nationalite", "age", "en_couple")


class SituationInvalide(ValueError):
    def __init__(self, champ: str, message: str):
        super().__init__(message)
        self.champ = champ
        self.message = message


def valider_situation(situation):
    age = situation.get("age")
    if age is not None and not 0 <= age <= 120:
        raise SituationInvalide("age", "L'âge doit être entre 0 et 120 ans.")
    return dict(situation)


def prochaine_question(situation, droits=DROITS, ignorer=(), date=None, montants=True, groupees=False, langue="fr"):
    for champ in ORDRE:
        if champ not in situation and champ not in ignorer:
            return json.loads(json.dumps(QUESTIONS[champ]))
    return None


def resultat_droit(nom: str) -> dict:
    return {
        "statut": "eligible" if nom == "ame" else "a_verifier",
        "montant_mensuel": None,
        "resume": f"Résumé {nom}.",
        "raisons": [f"Raison {nom}."],
        "manquants": [],
        "pieces": [f"Pièce {nom}."],
        "ou_aller": [{
            "nom": f"Lieu {nom}", "adresse": "1 rue de Paris", "horaires": "9h-12h",
            "telephone": "01 02 03 04 05", "verifie": False, "source": "test",
            "date_source": "2026-01-01",
        }],
        "references": [],
    }


def evaluer(situation, date=None, forme="vous", langue="fr"):
    return {
        "date": "2026-11-27",
        "droits": {nom: resultat_droit(nom) for nom in DROITS},
        "rendez_vous_des_droits": {"recommande": True, "raisons": []},
    }


@dataclass
class Extraction:
    faits: dict = field(default_factory=dict)
    inconnus: list = field(default_factory=list)
    ne_sait_pas: bool = False
    forme: str | None = None
    correction: bool = False


PHRASES = {
    "bjr jsui san papié": Extraction(faits={"nationalite": "hors_ue", "titre_sejour": "aucun"}),
    "non en fait j'ai 35 ans": Extraction(faits={"age": 35}, correction=True),
    "j'ai 35 ans": Extraction(faits={"age": 35}),
    "je sais pas": Extraction(ne_sait_pas=True),
    "je dors dehors": Extraction(faits={"logement": "rue"}),
    "non, je dors dehors ce soir": Extraction(faits={"logement": "rue"}),
    "il a 50 ans, il est malien": Extraction(faits={"age": 50, "nationalite": "hors_ue"}, forme="il"),
}


def extraire_faits(texte: str) -> Extraction:
    return PHRASES.get(texte, Extraction())


@dataclass
class Reponse:
    valeur: object = None
    ne_sait_pas: bool = False
    extraction: Extraction = field(default_factory=Extraction)


def analyser_reponse(champ: str, texte: str, choix=None, aujourd_hui=None) -> Reponse:
    ext = extraire_faits(texte)
    valeur = ext.faits.get(champ)
    for c in choix or []:  # un bouton : son libellé
        if texte == c["libelle"]:
            valeur = c["valeur"]
    if valeur is None and champ == "age" and texte.strip().isdigit():
        valeur = int(texte)
    if valeur is None and champ == "en_couple" and texte.lower().startswith("non"):
        valeur = False  # comme la vraie extraction : « non en fait… » donne aussi False
    return Reponse(valeur, ext.ne_sait_pas, ext)

"""Le vocabulaire de la situation (issue 2 §2, ``droits/schema/situation.json``) et la validation.

Copie volontaire des types et bornes du schéma : l'extraction ne dépend pas de ``droits`` à
l'exécution (les deux avancent en parallèle) ; un test vérifie que les deux disent la même chose.
Une valeur hors vocabulaire n'est jamais rendue : elle est retirée, sans exception.
"""
from __future__ import annotations

import math
from typing import Any

ENTIER, NOMBRE, BOOLEEN, CHOIX, LISTE = "entier", "nombre", "booleen", "choix", "liste"

CHAMPS: dict[str, dict[str, Any]] = {
    "age": {"type": ENTIER, "min": 0, "max": 120},
    "nationalite": {"type": CHOIX, "choix": ("francaise", "ue", "hors_ue")},
    "titre_sejour": {"type": CHOIX, "choix": ("aucun", "demande_asile", "recepisse", "titre_travail",
                                              "carte_resident", "protection_internationale")},
    "annees_titre_sejour": {"type": NOMBRE, "min": 0, "max": 100},
    "mois_en_france": {"type": ENTIER, "min": 0, "max": 1440},
    "en_couple": {"type": BOOLEEN},
    "enfants": {"type": ENTIER, "min": 0, "max": 20},
    "enceinte": {"type": BOOLEEN},
    "etudiant": {"type": BOOLEEN},
    "heures_travail_3_ans": {"type": ENTIER, "min": 0, "max": 26304},
    "ressources_mensuelles": {"type": NOMBRE, "min": 0, "max": 1_000_000},
    "ressources_annuelles": {"type": NOMBRE, "min": 0, "max": 12_000_000},
    "logement": {"type": CHOIX, "choix": ("rue", "centre_hebergement", "heberge_gratuitement", "locataire",
                                          "proprietaire")},
    "aide_logement": {"type": NOMBRE, "min": 0, "max": 10_000},
    "vit_a_paris": {"type": BOOLEEN},
    "adresse_courrier": {"type": BOOLEEN},
    "domiciliation": {"type": BOOLEEN},
    "lien_paris": {"type": BOOLEEN},
    "difficultes_logement": {"type": LISTE, "choix": ("impayes_loyer", "factures_energie", "factures_eau",
                                                      "entree_logement")},
}
ARGENT = ("ressources_mensuelles", "ressources_annuelles", "aide_logement")


def valeur_valide(champ: str, valeur: Any) -> Any:
    """La valeur normalisée si elle est dans le vocabulaire, sinon None."""
    spec = CHAMPS.get(champ)
    if spec is None or valeur is None:
        return None
    genre = spec["type"]
    if genre in (ENTIER, NOMBRE):
        if isinstance(valeur, bool) or not isinstance(valeur, (int, float)):
            return None
        if isinstance(valeur, float) and not math.isfinite(valeur):
            return None
        if not spec["min"] <= valeur <= spec["max"]:
            return None
        if genre == ENTIER:
            if isinstance(valeur, float) and not valeur.is_integer():
                return None
            return int(valeur)
        if champ in ARGENT:
            return round(float(valeur), 2)
        return int(valeur) if float(valeur).is_integer() else round(float(valeur), 2)
    if genre == BOOLEEN:
        return valeur if isinstance(valeur, bool) else None
    if genre == CHOIX:
        return valeur if isinstance(valeur, str) and valeur in spec["choix"] else None
    if not isinstance(valeur, (list, tuple)):
        return None
    propre = [v for v in spec["choix"] if v in valeur]  # ordre du vocabulaire, sans doublon
    return propre if all(isinstance(v, str) and v in spec["choix"] for v in valeur) else None


def valider(faits: dict[str, Any]) -> dict[str, Any]:
    """Garde les faits valides, dans l'ordre du vocabulaire, et retire les incohérences."""
    propre = {}
    for champ in CHAMPS:
        if champ in faits:
            valeur = valeur_valide(champ, faits[champ])
            if valeur is not None:
                propre[champ] = valeur
    if propre.get("nationalite") in ("francaise", "ue"):
        propre.pop("titre_sejour", None)
        propre.pop("annees_titre_sejour", None)
    age = propre.get("age")
    if age is not None:
        if propre.get("mois_en_france", 0) > (age + 1) * 12:
            propre.pop("mois_en_france")
        if propre.get("annees_titre_sejour", 0) > age + 1:
            propre.pop("annees_titre_sejour")
    return propre

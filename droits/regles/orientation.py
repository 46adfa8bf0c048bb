"""Orientation des personnes sans domicile vers une permanence sociale d'accueil (PSA) de la Ville de Paris.

Publics selon droits/donnees/lieux_paris.yaml (sources de 2015 à 2026, non vérifiées) : Bastille, hommes
seuls de 25 ans et plus ; Belleville, hommes de 18 à 25 ans ; Gauthey, femmes seules et familles.
La forme `elle` dit une femme, `il` un homme ; avec `vous`, on ne sait pas : on donne les deux.
"""
from __future__ import annotations


def sans_domicile(s: dict) -> bool:
    return s.get("logement") in ("rue", "centre_hebergement") or s.get("adresse_courrier") is False


def permanences_sociales(s: dict, forme: str, age_jeune: int) -> list[str]:
    if (s.get("enfants") or 0) > 0 or forme == "elle":
        return ["psa_gauthey"]
    age = s.get("age")
    homme = ["psa_belleville"] if age is not None and age < age_jeune else ["psa_bastille"]
    return homme if forme == "il" else homme + ["psa_gauthey"]

"""Orientation : qui est sans domicile (la PSA, l'attestation de domiciliation).

Le choix des lieux eux-mêmes (PSA selon le public, EPS de l'arrondissement, le plus proche) est dans
droits/lieux.py ; les règles demandent des natures de lieux (« psa », « eps », « cpam »…).
"""
from __future__ import annotations


def sans_domicile(s: dict) -> bool:
    return s.get("logement") in ("rue", "centre_hebergement") or s.get("adresse_courrier") is False

"""Le vocabulaire de la situation et la validation des valeurs extraites.

La source de vérité est ``droits/schema/situation.json`` : ``CHAMPS`` en est dérivé (par
``droits.CHAMPS``), il n'y en a pas de copie ici. Seule ``fourchettes`` n'est pas un fait que
l'extraction rend (une fourchette vient d'un bouton, pas d'un texte).
Une valeur hors vocabulaire n'est jamais rendue : elle est retirée, sans exception.
"""
from __future__ import annotations

import math
from typing import Any

from droits.situation import CHAMPS as _CHAMPS_DROITS, FOURCHETTES

ENTIER, NOMBRE, BOOLEEN, CHOIX, LISTE = "entier", "nombre", "booleen", "choix", "liste"

CHAMPS: dict[str, dict[str, Any]] = {
    nom: {"type": spec["type"], "min": spec["min"], "max": spec["max"], "choix": spec["choix"]}
    for nom, spec in _CHAMPS_DROITS.items() if nom != FOURCHETTES
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


CHAMPS_FOURCHETTES: tuple[str, ...] = _CHAMPS_DROITS[FOURCHETTES]["choix"]


def fourchettes_valides(valeur: Any, faits: dict[str, Any]) -> dict[str, list[float]] | None:
    """``{champ: [min, max]}`` gardé pour les champs numériques prévus, bornes valides, min < max,
    et seulement quand la valeur exacte n'est pas connue."""
    if not isinstance(valeur, dict):
        return None
    propre = {}
    for champ, bornes in valeur.items():
        if champ not in CHAMPS_FOURCHETTES or champ in faits or not isinstance(bornes, (list, tuple)) \
                or len(bornes) != 2:
            continue
        bas, haut = (valeur_valide(champ, float(b)) if CHAMPS[champ]["type"] != ENTIER or float(b).is_integer()
                     else None for b in bornes)
        if bas is not None and haut is not None and bas < haut:
            propre[champ] = [bas, haut]
    return propre or None


def valider(faits: dict[str, Any]) -> dict[str, Any]:
    """Garde les faits valides, dans l'ordre du vocabulaire, et retire les incohérences."""
    propre = {}
    for champ in CHAMPS:
        if champ in faits:
            valeur = valeur_valide(champ, faits[champ])
            if valeur is not None:
                propre[champ] = valeur
    if FOURCHETTES in faits:
        bornes = fourchettes_valides(faits[FOURCHETTES], propre)
        if bornes:
            propre[FOURCHETTES] = bornes
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

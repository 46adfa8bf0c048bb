"""Le vocabulaire de la situation (contrat commun du bot, des API et des tests) et sa validation.

La source de vérité est le schéma JSON `droits/schema/situation.json` : `CHAMPS` en est dérivé.
La validation est écrite à la main pour donner une erreur claire, en français, sur une ligne,
qui nomme le champ (le schéma JSON sert aux autres modules et aux tests).

Choix documentés :
- un champ absent ou `null` veut dire « on ne sait pas » ; il est retiré de la copie normalisée ;
- `titre_sejour` et `annees_titre_sejour` ne concernent que `nationalite = hors_ue` : pour une
  personne française ou de l'UE, ils sont acceptés puis ignorés (retirés de la copie) ;
- un `titre_sejour` donné sans `nationalite` implique `nationalite = hors_ue` ;
- un booléen n'est jamais un nombre (`true` pour `age` est refusé) ; un nombre entier écrit
  `30.0` est accepté pour un champ entier ;
- `difficultes_logement` : liste sans doublon ; une liste vide veut dire « aucune difficulté » ;
- `conjoint_*` : ignorés (retirés) pour une personne qui ne vit pas en couple ; `conjoint_titre_sejour`
  suit la même règle que `titre_sejour` (il implique `conjoint_nationalite = hors_ue`) ;
- `fourchettes` : `{champ numérique: [min, max]}` pour une valeur connue seulement par une fourchette
  (bouton « 300 à 650 € ») ; retirée pour un champ dont la valeur exacte est donnée, et absente
  de la copie quand elle est vide.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

_SCHEMA_SITUATION = Path(__file__).parent / "schema" / "situation.json"

_TYPES = {"integer": "entier", "number": "nombre", "boolean": "booleen", "array": "liste"}

CHAMPS_HORS_UE = ("titre_sejour", "annees_titre_sejour")
CHAMPS_CONJOINT_HORS_UE = ("conjoint_titre_sejour", "conjoint_annees_titre_sejour")
FOURCHETTES = "fourchettes"


class SituationInvalide(ValueError):
    """Situation refusée. `champ` nomme le champ fautif (ou None), `message` est une ligne en français."""

    def __init__(self, champ: str | None, message: str):
        self.champ = champ
        self.message = " ".join(str(message).split())
        super().__init__(self.message)


def _charger_champs() -> Mapping[str, Mapping[str, Any]]:
    schema = json.loads(_SCHEMA_SITUATION.read_text(encoding="utf-8"))
    champs = {}
    for nom, spec in schema["properties"].items():
        if "enum" in spec:
            champ = {"type": "choix", "choix": tuple(v for v in spec["enum"] if v is not None)}
        elif nom == FOURCHETTES:
            champ = {"type": "fourchettes", "choix": tuple(spec["propertyNames"]["enum"])}
        else:
            types = [t for t in spec["type"] if t != "null"]
            champ = {"type": _TYPES[types[0]], "choix": None}
            if types[0] == "array":
                champ["choix"] = tuple(v for v in spec["items"]["enum"])
        champ["min"] = spec.get("minimum")
        champ["max"] = spec.get("maximum")
        champ["description"] = spec.get("description", "")
        champs[nom] = MappingProxyType(champ)
    return MappingProxyType(champs)


CHAMPS: Mapping[str, Mapping[str, Any]] = _charger_champs()


def _montrer(valeur: Any) -> str:
    try:
        texte = json.dumps(valeur, ensure_ascii=False)
    except (TypeError, ValueError):
        texte = repr(valeur)
    return texte if len(texte) <= 40 else texte[:37] + "..."


def _nombre(nom: str, valeur: Any, entier: bool) -> int | float:
    attendu = "un nombre entier" if entier else "un nombre"
    if isinstance(valeur, bool) or not isinstance(valeur, (int, float)):
        raise SituationInvalide(nom, f"{nom} : {attendu} est attendu, pas {_montrer(valeur)}.")
    if isinstance(valeur, float) and not math.isfinite(valeur):
        raise SituationInvalide(nom, f"{nom} : {attendu} fini est attendu, pas {_montrer(valeur)}.")
    if entier:
        if isinstance(valeur, float):
            if not valeur.is_integer():
                raise SituationInvalide(nom, f"{nom} : {attendu} est attendu, pas {_montrer(valeur)}.")
            valeur = int(valeur)
    return valeur


def _borner(nom: str, valeur: int | float, spec: Mapping[str, Any]) -> None:
    bas, haut = spec["min"], spec["max"]
    if bas is not None and valeur < bas:
        if bas == 0:
            raise SituationInvalide(nom, f"{nom} : une valeur négative est impossible ({_montrer(valeur)}).")
        raise SituationInvalide(nom, f"{nom} : {_montrer(valeur)} est impossible (minimum {bas}).")
    if haut is not None and valeur > haut:
        raise SituationInvalide(nom, f"{nom} : {_montrer(valeur)} est impossible (maximum {haut}).")


def _valider_champ(nom: str, valeur: Any) -> Any:
    spec = CHAMPS[nom]
    genre = spec["type"]
    if genre in ("entier", "nombre"):
        valeur = _nombre(nom, valeur, entier=genre == "entier")
        _borner(nom, valeur, spec)
        return valeur
    if genre == "booleen":
        if not isinstance(valeur, bool):
            raise SituationInvalide(nom, f"{nom} : true ou false est attendu, pas {_montrer(valeur)}.")
        return valeur
    if genre == "fourchettes":
        return _fourchettes(nom, valeur, spec)
    if genre == "choix":
        if not isinstance(valeur, str) or valeur not in spec["choix"]:
            possibles = ", ".join(spec["choix"])
            raise SituationInvalide(nom, f"{nom} : valeur inconnue {_montrer(valeur)} (possibles : {possibles}).")
        return valeur
    # liste
    if not isinstance(valeur, (list, tuple)):
        raise SituationInvalide(nom, f"{nom} : une liste est attendue, pas {_montrer(valeur)}.")
    vus = []
    for element in valeur:
        if not isinstance(element, str) or element not in spec["choix"]:
            possibles = ", ".join(spec["choix"])
            raise SituationInvalide(nom, f"{nom} : valeur inconnue {_montrer(element)} (possibles : {possibles}).")
        if element in vus:
            raise SituationInvalide(nom, f"{nom} : la valeur {_montrer(element)} est en double.")
        vus.append(element)
    return vus


def _fourchettes(nom: str, valeur: Any, spec: Mapping[str, Any]) -> dict:
    """``{champ: [min, max]}`` : chaque champ numérique une fois, deux bornes dans ses limites, min ≤ max."""
    if not isinstance(valeur, Mapping):
        raise SituationInvalide(nom, f"{nom} : un objet {{champ: [min, max]}} est attendu, pas {_montrer(valeur)}.")
    propre = {}
    for champ, bornes in valeur.items():
        if champ not in spec["choix"]:
            possibles = ", ".join(spec["choix"])
            raise SituationInvalide(nom, f"{nom} : pas de fourchette pour {_montrer(champ)} (possibles : {possibles}).")
        if not isinstance(bornes, (list, tuple)) or len(bornes) != 2:
            raise SituationInvalide(nom, f"{nom} : {champ} attend [min, max], pas {_montrer(bornes)}.")
        bas, haut = (_nombre(champ, b, entier=False) for b in bornes)
        for borne in (bas, haut):
            _borner(champ, borne, CHAMPS[champ])
        if bas > haut:
            raise SituationInvalide(nom, f"{nom} : pour {champ}, le minimum {_montrer(bas)} dépasse le maximum {_montrer(haut)}.")
        propre[champ] = [bas, haut]
    return propre


def _verifier_coherence(s: dict) -> None:
    """Valeurs impossibles ensemble (une personne ne vit pas en France plus longtemps que son âge)."""
    age = s.get("age")
    if age is not None:
        if s.get("mois_en_france") is not None and s["mois_en_france"] > (age + 1) * 12:
            raise SituationInvalide("mois_en_france", f"mois_en_france : {s['mois_en_france']} mois est impossible à {age} ans.")
        if s.get("annees_titre_sejour") is not None and s["annees_titre_sejour"] > age + 1:
            raise SituationInvalide("annees_titre_sejour", f"annees_titre_sejour : {_montrer(s['annees_titre_sejour'])} ans est impossible à {age} ans.")


def valider_situation(situation: Mapping) -> dict:
    """Copie normalisée de la situation ; lève SituationInvalide (champ nommé, message d'une ligne)."""
    if not isinstance(situation, Mapping):
        raise SituationInvalide(None, f"la situation doit être un objet JSON, pas {_montrer(situation)}.")
    propre: dict[str, Any] = {}
    for nom, valeur in situation.items():
        if not isinstance(nom, str) or nom not in CHAMPS:
            raise SituationInvalide(str(nom), f"champ inconnu : {_montrer(nom)} (champs possibles : {', '.join(CHAMPS)}).")
        if valeur is None:
            continue
        propre[nom] = _valider_champ(nom, valeur)
    if "titre_sejour" in propre and "nationalite" not in propre:
        propre["nationalite"] = "hors_ue"
    if propre.get("nationalite") in ("francaise", "ue"):
        for nom in CHAMPS_HORS_UE:
            propre.pop(nom, None)
    if propre.get("en_couple") is False:
        for nom in [n for n in propre if n.startswith("conjoint_")]:
            propre.pop(nom)
    if "conjoint_titre_sejour" in propre and "conjoint_nationalite" not in propre:
        propre["conjoint_nationalite"] = "hors_ue"
    if propre.get("conjoint_nationalite") in ("francaise", "ue"):
        for nom in CHAMPS_CONJOINT_HORS_UE:
            propre.pop(nom, None)
    if FOURCHETTES in propre:
        propre[FOURCHETTES] = {c: b for c, b in propre[FOURCHETTES].items() if c not in propre}
        if not propre[FOURCHETTES]:
            del propre[FOURCHETTES]
    _verifier_coherence(propre)
    return {nom: propre[nom] for nom in CHAMPS if nom in propre}

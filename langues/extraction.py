"""Faits tirés du texte libre dans une autre langue que le français (issue 13, point 3).

``extraire(texte, langue)`` : les faits de la situation que le message dit à coup sûr, en anglais
(``langues/extraction_en.py``) ou en arabe (``langues/extraction_ar.py``) ; ``{}`` pour les autres langues
(dari, pachto, roumain : seulement les réponses courtes de ``langues/reponses.py``). Précision d'abord, comme
``bot/extraction`` en français : dans le doute, rien, et la question revient avec ses boutons. Jamais
d'exception : une erreur d'un module donne ``{}`` (journalisée sans le texte).
"""
from __future__ import annotations

import importlib
import logging
from typing import Any

log = logging.getLogger(__name__)

MODULES = {"en": "langues.extraction_en", "ar": "langues.extraction_ar"}


def langues_avec_extraction() -> tuple[str, ...]:
    disponibles = []
    for langue, nom in MODULES.items():
        try:
            importlib.import_module(nom)
        except ImportError:
            continue
        disponibles.append(langue)
    return tuple(disponibles)


def extraire(texte: str, langue: str) -> dict[str, Any]:
    nom = MODULES.get(langue)
    if nom is None or not isinstance(texte, str) or not texte.strip() or texte.lstrip().startswith("/"):
        return {}
    try:
        module = importlib.import_module(nom)
    except ImportError:
        return {}
    try:
        faits = module.extraire(texte)
    except Exception:  # noqa: BLE001 - un défaut d'extraction ne doit jamais couper la conversation
        log.exception("extraction %s impossible", langue)
        return {}
    if not isinstance(faits, dict):
        return {}
    import droits

    try:
        return droits.valider_situation({k: v for k, v in faits.items() if k in droits.CHAMPS})
    except droits.SituationInvalide:
        return {}

"""Phrases du catalogue ``textes.yml`` (lues une fois)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from bot.actions.langue import courante
from langues import DEFAUT, catalogues

_FICHIER = Path(__file__).with_name("textes.yml")


@cache
def catalogue() -> dict[str, Any]:
    """Le catalogue français (la source ; les traductions sont dans langues/<code>/actions.yaml)."""
    return catalogues.source("actions")


def catalogue_en(langue: str | None = None) -> dict[str, Any]:
    """Le catalogue dans ``langue`` (par défaut, celle de la conversation en cours : ``bot.actions.langue``)."""
    langue = langue or courante()
    return catalogue() if langue == DEFAUT else catalogues.arbre("actions", langue)


def texte(cle: str, langue: str | None = None, **valeurs: Any) -> str:
    """Le texte ``cle`` (chemin pointé, par ex. ``statuts.eligible``), mis en forme, dans ``langue`` (par défaut
    celle de la conversation ; un texte non traduit reste en français, journalisé par ``langues``)."""
    noeud: Any = catalogue_en(langue)
    for partie in cle.split("."):
        noeud = noeud[partie]
    return noeud.format(**valeurs) if valeurs else noeud


def deux_points() -> str:
    """« : » : une espace avant en français, pas dans les autres langues (« Health care (AME): yes »)."""
    return " : " if courante() == DEFAUT else ": "

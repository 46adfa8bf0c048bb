"""Phrases du catalogue ``textes.yml`` (lues une fois)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

_FICHIER = Path(__file__).with_name("textes.yml")


@cache
def catalogue() -> dict[str, Any]:
    with _FICHIER.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def texte(cle: str, **valeurs: Any) -> str:
    """Le texte ``cle`` (chemin pointé, par ex. ``statuts.eligible``), mis en forme."""
    noeud: Any = catalogue()
    for partie in cle.split("."):
        noeud = noeud[partie]
    return noeud.format(**valeurs) if valeurs else noeud

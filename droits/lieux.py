"""Lieux où aller (droits/donnees/lieux_paris.yaml, copiés du fichier de recherche partagé).

Chaque lieu garde `verifie`, `source` et `date_source`. Les horaires d'un lieu non vérifié sont
présentés comme indicatifs. Aucune adresse ni aucun téléphone n'est inventé : un champ vide reste vide.
"""
from __future__ import annotations

from pathlib import Path
from types import MappingProxyType
from typing import Mapping

import yaml

_FICHIER = Path(__file__).parent / "donnees" / "lieux_paris.yaml"
CHAMPS_SORTIE = ("nom", "type", "adresse", "arrondissement", "horaires", "telephone", "public",
                 "verifie", "source", "date_source", "remarque")


def _horaires(lieu: dict) -> str:
    horaires = str(lieu.get("horaires") or "")
    if horaires and not lieu.get("verifie") and "indicatif" not in horaires.lower():
        horaires += " (horaires indicatifs, à vérifier)"
    return horaires


def _charger() -> Mapping[str, Mapping]:
    brut = yaml.safe_load(_FICHIER.read_text(encoding="utf-8"))
    lieux = {}
    for ident, lieu in brut.items():
        sortie = {champ: lieu.get(champ, "") for champ in CHAMPS_SORTIE if champ in lieu or champ != "remarque"}
        sortie["horaires"] = _horaires(lieu)
        sortie["verifie"] = bool(lieu.get("verifie"))
        sortie["date_source"] = str(lieu.get("date_source", ""))
        sortie["id"] = ident
        lieux[ident] = MappingProxyType(sortie)
    return MappingProxyType(lieux)


LIEUX: Mapping[str, Mapping] = _charger()


def ou_aller(identifiants: list[str]) -> list[dict]:
    return [dict(LIEUX[i]) for i in identifiants]

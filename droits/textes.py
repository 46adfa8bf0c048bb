"""Catalogue des phrases lues par les personnes (droits/textes.yaml), en trois formes.

- `vous` : la personne parle ; `il` / `elle` : une personne aidante parle de quelqu'un ;
  `personne` : un professionnel lit le résultat sans genre dit (page /pro) : la forme `elle`, où le
  sujet « Elle » d'une phrase devient « La personne » (« la personne » est féminin : les accords suivent).
- Une entrée a les clés `vous`, `il`, `elle` (ou `tous` pour une phrase sans personne).
- Les nombres sont écrits en chiffres ; un montant en euros est arrondi à l'euro inférieur
  et les milliers sont séparés par une espace (« 10 339 € »).
- Chaque sigle est expliqué à sa première apparition dans un message (`expliquer_sigles`), avec le
  glossaire : sigles des droits du registre (droits/registre.yaml) et autres sigles du catalogue
  (« le RSA (revenu de solidarité active) »).
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

from langues import DEFAUT, catalogues

from . import registre

FORMES = ("vous", "il", "elle", "personne")
_ELLE_SUJET = re.compile(r"(^|(?<=[.!?] ))Elle\b")
_FICHIER = Path(__file__).parent / "textes.yaml"
_CATALOGUE = yaml.safe_load(_FICHIER.read_text(encoding="utf-8"))

# les sigles des droits viennent du registre ; les autres (CAF, CPAM...) du catalogue
GLOSSAIRE: Mapping[str, str] = {**registre.sigles(), **_CATALOGUE["glossaire"]}
TEXTES: Mapping[str, Mapping[str, str]] = _CATALOGUE["textes"]
QUESTIONS: Mapping[str, Mapping[str, Any]] = _CATALOGUE["questions"]
QUESTIONS_COMMUNES: Mapping[str, Mapping[str, Any]] = _CATALOGUE["questions_communes"]
_SIGLES = re.compile(r"(?<!\w)(" + "|".join(sorted(map(re.escape, GLOSSAIRE), key=len, reverse=True)) + r")(?![\w])")


# --- langues (issue 13) : le même catalogue, textes traduits dans langues/<code>/droits.yaml -------------

@lru_cache(maxsize=None)
def catalogue(langue: str = DEFAUT) -> Mapping[str, Any]:
    """Le catalogue dans ``langue`` : un texte non traduit reste en français (journalisé par ``langues``)."""
    return _CATALOGUE if langue == DEFAUT else catalogues.arbre("droits", langue)


@lru_cache(maxsize=None)
def glossaire(langue: str = DEFAUT) -> Mapping[str, str]:
    if langue == DEFAUT:
        return GLOSSAIRE
    return {**registre.sigles(langue), **catalogue(langue)["glossaire"]}


def textes_de(langue: str = DEFAUT) -> Mapping[str, Mapping[str, str]]:
    return catalogue(langue)["textes"]


def questions(langue: str = DEFAUT) -> Mapping[str, Mapping[str, Any]]:
    return catalogue(langue)["questions"]


def questions_communes(langue: str = DEFAUT) -> Mapping[str, Mapping[str, Any]]:
    return catalogue(langue)["questions_communes"]


def format_nombre(x: Any) -> Any:
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return x
    if isinstance(x, float):
        x = math.floor(x + 1e-9)
    return f"{x:,}".replace(",", " ")


def gabarit(cle: str, forme: str, langue: str = DEFAUT) -> str:
    entree = textes_de(langue)[cle]
    if forme == "personne":
        if langue == DEFAUT:
            return _ELLE_SUJET.sub("La personne", entree.get("elle") or entree["tous"])
        return entree.get("personne") or entree.get("elle") or entree["tous"]
    return entree.get(forme) or entree["tous"]


class Variable:
    """Une variable d'une phrase qui se dit dans la langue du message (par ex. les libellés des boutons
    choisis) : ``texte(langue)``. Elle doit être hachable (les messages sont mis en cache)."""

    def texte(self, langue: str) -> str:  # pragma: no cover - interface
        raise NotImplementedError


def _valeur(v: Any, langue: str) -> Any:
    return v.texte(langue) if isinstance(v, Variable) else format_nombre(v)


def phrase(cle: str, forme: str, variables: Mapping[str, Any] | None = None, langue: str = DEFAUT) -> str:
    texte = gabarit(cle, forme, langue)
    if variables:
        texte = texte.format(**{k: _valeur(v, langue) for k, v in variables.items()})
    return texte


def expliquer_sigles(phrases: Iterable[str], langue: str = DEFAUT) -> list[str]:
    """Ajoute l'explication du glossaire à la première apparition de chaque sigle du message."""
    sens = glossaire(langue)
    vus: set[str] = set()
    sortie = []
    for texte in phrases:
        def remplacer(m: re.Match) -> str:
            sigle = m.group(1)
            if sigle in vus or sigle not in sens:
                return sigle
            vus.add(sigle)
            return f"{sigle} ({sens[sigle]})"
        sortie.append(_SIGLES.sub(remplacer, texte))
    return sortie


def message(phrases: Iterable[tuple[str, Mapping[str, Any]]], forme: str, langue: str = DEFAUT) -> list[str]:
    """Met en mots une suite de (clé, variables) et explique les sigles du message (mis en cache)."""
    # les variables d'une phrase sont toujours données dans le même ordre par le code : pas besoin de les trier
    cle = tuple((c, tuple(v.items()) if v else ()) for c, v in phrases)
    return list(_message(cle, forme, langue))


@lru_cache(maxsize=8192)
def _message(phrases: tuple, forme: str, langue: str = DEFAUT) -> tuple[str, ...]:
    return tuple(expliquer_sigles((phrase(cle, forme, dict(variables), langue) for cle, variables in phrases), langue))

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


def format_nombre(x: Any) -> Any:
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return x
    if isinstance(x, float):
        x = math.floor(x + 1e-9)
    return f"{x:,}".replace(",", " ")


def gabarit(cle: str, forme: str) -> str:
    entree = TEXTES[cle]
    if forme == "personne":
        return _ELLE_SUJET.sub("La personne", entree.get("elle") or entree["tous"])
    return entree.get(forme) or entree["tous"]


def phrase(cle: str, forme: str, variables: Mapping[str, Any] | None = None) -> str:
    texte = gabarit(cle, forme)
    if variables:
        texte = texte.format(**{k: format_nombre(v) for k, v in variables.items()})
    return texte


def expliquer_sigles(phrases: Iterable[str]) -> list[str]:
    """Ajoute l'explication du glossaire à la première apparition de chaque sigle du message."""
    vus: set[str] = set()
    sortie = []
    for texte in phrases:
        def remplacer(m: re.Match) -> str:
            sigle = m.group(1)
            if sigle in vus:
                return sigle
            vus.add(sigle)
            return f"{sigle} ({GLOSSAIRE[sigle]})"
        sortie.append(_SIGLES.sub(remplacer, texte))
    return sortie


def message(phrases: Iterable[tuple[str, Mapping[str, Any]]], forme: str) -> list[str]:
    """Met en mots une suite de (clé, variables) et explique les sigles du message (mis en cache)."""
    # les variables d'une phrase sont toujours données dans le même ordre par le code : pas besoin de les trier
    cle = tuple((c, tuple(v.items()) if v else ()) for c, v in phrases)
    return list(_message(cle, forme))


@lru_cache(maxsize=8192)
def _message(phrases: tuple, forme: str) -> tuple[str, ...]:
    return tuple(expliquer_sigles(phrase(cle, forme, dict(variables)) for cle, variables in phrases))

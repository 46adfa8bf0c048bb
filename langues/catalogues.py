"""Catalogues de textes par langue (issue 13, point 1).

Un **catalogue** est un fichier français (la source) et la liste des clés qui portent un texte lu par la
personne. Sa traduction dans la langue ``xx`` est ``langues/xx/<catalogue>.yaml`` : la même structure,
avec seulement les textes (les listes sont gardées dans le même ordre ; une liste d'objets qui ont un
``id`` devient un dictionnaire par ``id``). En tête de fichier, ``relu: false`` dit qu'aucun texte du
fichier n'a été relu par une personne qui traduit (``relus:`` liste les clés déjà relues).

- ``arbre(nom, langue)`` : l'arbre français, ses textes remplacés par ceux de la langue ; un texte
  absent reste en français et est journalisé une fois (la clé, jamais un message de personne).
- ``textes(nom)`` / ``traductions(nom, langue)`` : les textes à plat, par chemin.
- ``python -m langues`` : vérifier les traductions, écrire le gabarit d'une langue, la liste à relire.
"""

from __future__ import annotations

import copy
import logging
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Iterator

import yaml

from . import CODES, DEFAUT, DOSSIER

log = logging.getLogger("langues")
RACINE = DOSSIER.parent
Chemin = tuple  # tuple de clés (str) et de positions (int)


@dataclass(frozen=True)
class Catalogue:
    nom: str
    sources: tuple[str, ...]          # fichiers français, relatifs à la racine du dépôt (fusionnés dans l'ordre)
    sous_arbre: str | None = None     # clé de premier niveau à prendre (``responses`` du domaine Rasa)
    cles_texte: frozenset[str] | None = None   # seules ces clés portent un texte (None : toutes les chaînes)
    cles_techniques: frozenset[str] = frozenset()  # jamais traduites (valeurs, charges utiles…)


# La seule liste des catalogues. L'ordre est celui du document de relecture.
CATALOGUES: dict[str, Catalogue] = {c.nom: c for c in (
    Catalogue("droits", ("droits/textes.yaml",), cles_techniques=frozenset({"faits"})),
    Catalogue("registre", ("droits/registre.yaml",), sous_arbre="droits",
              cles_texte=frozenset({"nom", "titre", "bouton", "nom_sms", "description", "pictogramme_alt"}),
              cles_techniques=frozenset({"references"})),
    Catalogue("fourchettes", ("droits/fourchettes.yaml",), cles_texte=frozenset({"libelle"})),
    Catalogue("actions", ("bot/actions/textes.yml",), cles_techniques=frozenset({"ordre"})),
    Catalogue("domaine", tuple(f"domain/{p.name}" for p in sorted((RACINE / "domain").glob("*.yml"))),
              sous_arbre="responses", cles_texte=frozenset({"text", "title"})),
    Catalogue("passerelle", ("bot/passerelle/textes.yml",)),
    Catalogue("rdv", ("rdv/textes.yml",)),
    Catalogue("pages", ("bot/passerelle/pages.yml",)),
)}

_MARQUES = re.compile(r"\{([a-z_]*)\}")


def _charger(chemin: Path) -> Any:
    with chemin.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


@cache
def source(nom: str) -> Any:
    """L'arbre français du catalogue ``nom`` (lu une fois)."""
    cat = CATALOGUES[nom]
    arbre: Any = None
    for fichier in cat.sources:
        contenu = _charger(RACINE / fichier) or {}
        if cat.sous_arbre is not None:
            contenu = contenu.get(cat.sous_arbre) or {}
        if arbre is None:
            arbre = contenu
        else:
            arbre = {**arbre, **contenu}
    return arbre


def _cle_liste(element: Any, position: int) -> Any:
    return element["id"] if isinstance(element, dict) and "id" in element else position


def _feuilles(noeud: Any, cat: Catalogue, chemin: Chemin = (), cle: str | None = None) -> Iterator[tuple[Chemin, str]]:
    if isinstance(noeud, dict):
        for k, v in noeud.items():
            k = str(k)
            if k in cat.cles_techniques:
                continue
            yield from _feuilles(v, cat, chemin + (k,), k)
    elif isinstance(noeud, list):
        for i, v in enumerate(noeud):
            yield from _feuilles(v, cat, chemin + (_cle_liste(v, i),), cle)
    elif isinstance(noeud, str):
        if cat.cles_texte is None or cle in cat.cles_texte:
            yield chemin, noeud


@cache
def textes(nom: str) -> dict[Chemin, str]:
    """Les textes français du catalogue, à plat : {chemin: texte}."""
    return dict(_feuilles(source(nom), CATALOGUES[nom]))


def fichier_traduction(nom: str, langue: str) -> Path:
    return DOSSIER / langue / f"{nom}.yaml"


def _aplatir_traduction(noeud: Any, chemin: Chemin = ()) -> Iterator[tuple[Chemin, Any]]:
    if isinstance(noeud, dict):
        for k, v in noeud.items():
            yield from _aplatir_traduction(v, chemin + (str(k),))  # comme le français (« true: » → "True")
    elif isinstance(noeud, list):
        for i, v in enumerate(noeud):
            yield from _aplatir_traduction(v, chemin + (i,))
    else:
        yield chemin, noeud


@cache
def _fichier(nom: str, langue: str) -> dict:
    f = fichier_traduction(nom, langue)
    return (_charger(f) or {}) if f.exists() else {}


@cache
def traductions(nom: str, langue: str) -> dict[Chemin, str]:
    """Les textes traduits du catalogue dans ``langue``, à plat (seulement les chemins du français)."""
    if langue == DEFAUT:
        return textes(nom)
    contenu = {k: v for k, v in _fichier(nom, langue).items() if k not in ("relu", "relus")}
    francais = textes(nom)
    return {c: v for c, v in _aplatir_traduction(contenu) if c in francais and isinstance(v, str) and v.strip()}


def relu(nom: str, langue: str, chemin: Chemin) -> bool:
    """Le texte a-t-il été relu par une personne qui traduit ? (toujours vrai en français)"""
    if langue == DEFAUT:
        return True
    contenu = _fichier(nom, langue)
    if contenu.get("relu") is True:
        return True
    return ".".join(map(str, chemin)) in set(contenu.get("relus") or ())


_absents_journalises: set[tuple[str, str, Chemin]] = set()


def _absent(nom: str, langue: str, chemin: Chemin) -> None:
    if (nom, langue, chemin) not in _absents_journalises:
        _absents_journalises.add((nom, langue, chemin))
        log.warning("texte absent en %s, dit en français : %s/%s", langue, nom, ".".join(map(str, chemin)))


def texte(nom: str, chemin: Chemin, langue: str) -> str:
    """Le texte ``chemin`` du catalogue dans ``langue`` ; en français (journalisé) s'il manque."""
    if langue != DEFAUT:
        trad = traductions(nom, langue).get(chemin)
        if trad is not None:
            return trad
        _absent(nom, langue, chemin)
    return textes(nom)[chemin]


def _remplacer(noeud: Any, cat: Catalogue, trad: dict[Chemin, str], absents: list[Chemin],
               chemin: Chemin = (), cle: str | None = None) -> Any:
    if isinstance(noeud, dict):
        return {k: (v if str(k) in cat.cles_techniques
                    else _remplacer(v, cat, trad, absents, chemin + (str(k),), str(k)))
                for k, v in noeud.items()}
    if isinstance(noeud, list):
        return [_remplacer(v, cat, trad, absents, chemin + (_cle_liste(v, i),), cle)
                for i, v in enumerate(noeud)]
    if isinstance(noeud, str) and (cat.cles_texte is None or cle in cat.cles_texte):
        if chemin in trad:
            return trad[chemin]
        absents.append(chemin)
    return noeud


@cache
def arbre(nom: str, langue: str = DEFAUT) -> Any:
    """L'arbre du catalogue avec les textes de ``langue`` (le français pour un texte absent, journalisé en
    une ligne : le nombre et les premières clés). Ne pas modifier l'arbre rendu (partagé)."""
    if langue == DEFAUT:
        return source(nom)
    absents: list[Chemin] = []
    rendu = _remplacer(copy.deepcopy(source(nom)), CATALOGUES[nom], traductions(nom, langue), absents)
    if absents:
        _absents_journalises.update((nom, langue, c) for c in absents)
        log.warning("%d textes absents en %s, dits en français : %s/%s%s", len(absents), langue, nom,
                    ", ".join(".".join(map(str, c)) for c in absents[:3]), "…" if len(absents) > 3 else "")
    return rendu


def marques(texte_: str) -> set[str]:
    """Les variables {nom} d'un texte : une traduction garde exactement les mêmes."""
    return set(_MARQUES.findall(texte_))


def verifier(langue: str) -> dict[str, dict[str, list[str]]]:
    """Par catalogue : textes absents, chemins inconnus du français, variables différentes."""
    rapport: dict[str, dict[str, list[str]]] = {}
    for nom in CATALOGUES:
        francais = textes(nom)
        contenu = {k: v for k, v in _fichier(nom, langue).items() if k not in ("relu", "relus")}
        plat = dict(_aplatir_traduction(contenu))
        traduits = traductions(nom, langue)
        rapport[nom] = {
            "absents": [".".join(map(str, c)) for c in francais if c not in traduits],
            "inconnus": [".".join(map(str, c)) for c in plat if c not in francais],
            "variables": [".".join(map(str, c)) for c, t in traduits.items() if marques(t) != marques(francais[c])],
        }
    return rapport


def gabarit(nom: str) -> Any:
    """La structure à traduire : l'arbre français réduit à ses textes (listes d'objets à ``id`` : par id)."""
    def reduire(noeud: Any, cat: Catalogue, cle: str | None = None) -> Any:
        if isinstance(noeud, dict):
            sortie = {}
            for k, v in noeud.items():
                if str(k) in cat.cles_techniques:
                    continue
                r = reduire(v, cat, str(k))
                if r is not None:
                    sortie[k] = r
            return sortie or None
        if isinstance(noeud, list):
            elements = [reduire(v, cat, cle) for v in noeud]
            if noeud and all(isinstance(v, dict) and "id" in v for v in noeud):
                return {v["id"]: e for v, e in zip(noeud, elements) if e is not None} or None
            return elements if any(e is not None for e in elements) else None
        if isinstance(noeud, str) and (cat.cles_texte is None or cle in cat.cles_texte):
            return noeud
        return None
    return reduire(source(nom), CATALOGUES[nom])


def langues_traduites() -> tuple[str, ...]:
    return tuple(c for c in CODES if c != DEFAUT)

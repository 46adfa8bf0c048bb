"""Motifs plus rapides : un filtre large, essayé d'abord, évite de parcourir un texte qui ne peut pas contenir le motif.

Le moteur ``re`` de Python cherche très vite un motif qui commence par des lettres connues, mais lentement un
motif qui commence par ``\\b``, un « regard en arrière » ``(?<!...)`` ou un groupe facultatif ``(?:je |j )?`` :
il essaie alors chaque position du texte. ``motif(source)`` compile le motif tel quel, et un filtre tiré de lui :
chaque alternative de premier niveau sans ces débuts. Le filtre trouve tout ce que le motif trouve (et plus) ;
s'il ne trouve rien, le motif ne trouverait rien non plus : le résultat est toujours le même, en moins de temps
quand le texte ne contient pas le motif (le cas le plus courant).
"""
from __future__ import annotations

import re
from typing import Iterator


def _hors_classes(source: str, i: int = 0):
    """(indice, caractère) des caractères qui comptent pour les groupes : ni échappés, ni dans une classe [...]."""
    classe = False
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if classe:
            classe = c != "]"
        elif c == "[":
            classe = True
        else:
            yield i, c
        i += 1


def _branches(source: str) -> list[str]:
    """Les alternatives de premier niveau (« a|b(c|d)|e » -> « a », « b(c|d) », « e »)."""
    branches, profondeur, debut = [], 0, 0
    for i, c in _hors_classes(source):
        if c == "(":
            profondeur += 1
        elif c == ")":
            profondeur -= 1
        elif c == "|" and profondeur == 0:
            branches.append(source[debut:i])
            debut = i + 1
    return branches + [source[debut:]]


def _fin_groupe(source: str, i: int) -> int:
    """Indice juste après le groupe qui s'ouvre en ``source[i] == "("``."""
    profondeur = 0
    for j, c in _hors_classes(source, i):
        if c == "(":
            profondeur += 1
        elif c == ")":
            profondeur -= 1
            if profondeur == 0:
                return j + 1
    return len(source)


def _sans_debut_lent(branche: str) -> str:
    """Retire d'une alternative ses débuts lents : ``\\b``, ``^``, ``(?<!...)``, ``(?<=...)``, ``(?:...)?``,
    ``(?:...)*`` ; ce qui reste trouve au moins tout ce que l'alternative trouve."""
    while True:
        if branche.startswith("\\b") or branche.startswith("^"):
            branche = branche[2:] if branche.startswith("\\b") else branche[1:]
            continue
        if branche.startswith("(?<!") or branche.startswith("(?<="):
            branche = branche[_fin_groupe(branche, 0):]
            continue
        if branche.startswith("(") and not branche.startswith("(?P") and not branche.startswith("(?="):
            fin = _fin_groupe(branche, 0)
            if branche[fin:fin + 1] in ("?", "*"):
                suite = branche[fin + 1:]
                if suite.startswith("?"):
                    suite = suite[1:]  # quantificateur paresseux
                branche = suite
                continue
        return branche


def _deplier(source: str) -> list[str]:
    """Les alternatives de premier niveau, en ouvrant un groupe ``(?:...)`` qui fait toute une alternative
    (« (?:a|\\bb)|c » -> « a », « \\bb », « c ») : chacune peut alors perdre son début lent."""
    sortie = []
    for branche in _branches(source):
        if branche.startswith("(?:") and _fin_groupe(branche, 0) == len(branche):
            sortie += _deplier(branche[3:-1])
        else:
            sortie.append(branche)
    return sortie


class Motif:
    """Un motif compilé et son filtre large ; mêmes méthodes que ``re.Pattern`` (``finditer``, ``search``,
    ``match``, ``sub``...), mêmes résultats."""

    __slots__ = ("motif", "filtre")

    def __init__(self, source: str, drapeaux: int = 0):
        self.motif = re.compile(source, drapeaux)
        branches = [_sans_debut_lent(b) for b in _deplier(source)]
        self.filtre = None if any(not b for b in branches) else re.compile("|".join(branches), drapeaux)

    def _peut(self, texte: str, *bornes: int) -> bool:
        return self.filtre is None or self.filtre.search(texte, *bornes) is not None

    def finditer(self, texte: str, *bornes: int) -> Iterator[re.Match]:
        return self.motif.finditer(texte, *bornes) if self._peut(texte, *bornes) else iter(())

    def search(self, texte: str, *bornes: int) -> re.Match | None:
        return self.motif.search(texte, *bornes) if self._peut(texte, *bornes) else None

    def findall(self, texte: str, *bornes: int) -> list:
        return self.motif.findall(texte, *bornes) if self._peut(texte, *bornes) else []

    def sub(self, remplacement, texte: str, count: int = 0) -> str:
        return self.motif.sub(remplacement, texte, count) if self._peut(texte) else texte

    def __getattr__(self, nom: str):
        return getattr(self.motif, nom)  # match, fullmatch, sub, split, pattern, groupindex...


def motif(source: str, drapeaux: int = 0) -> Motif:
    return Motif(source, drapeaux)

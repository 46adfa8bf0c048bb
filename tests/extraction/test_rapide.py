"""Les motifs « rapides » (bot/extraction/rapide.py) trouvent exactement ce que trouvent les motifs d'origine."""
from __future__ import annotations

import re

import pytest

from bot.extraction import analyse, argent, foyer, genre, identite, incertitude, logement, nombres, normalisation, normaliser
from bot.extraction.rapide import Motif, _branches, _sans_debut_lent
from tests.extraction.rapport import CAS_REGLES, DOSSIER_CORPUS, charger

TEXTES = [normaliser(c["texte"]) for c in charger([DOSSIER_CORPUS, CAS_REGLES])] + [
    "", "?", "je ne sais pas", "ben je sais pas trop", "moi afghanistan pas papier", "sans papiers depuis 2019",
]


def _motifs():
    for module in (analyse, argent, foyer, genre, identite, incertitude, logement, nombres, normalisation):
        for nom, valeur in vars(module).items():
            if isinstance(valeur, Motif):
                yield f"{module.__name__}.{nom}", valeur
            elif isinstance(valeur, list):
                for i, element in enumerate(valeur):
                    for x in (element if isinstance(element, tuple) else (element,)):
                        if isinstance(x, Motif):
                            yield f"{module.__name__}.{nom}[{i}]", x


MOTIFS = list(_motifs())


def test_des_motifs_rapides_sont_utilises():
    assert len(MOTIFS) >= 15
    assert all(m.filtre is not None for _, m in MOTIFS), "un motif rapide sans filtre ne sert à rien"


@pytest.mark.parametrize("nom,rapide", MOTIFS, ids=[n for n, _ in MOTIFS])
def test_memes_resultats(nom, rapide):
    for texte in TEXTES:
        assert [m.span() for m in rapide.finditer(texte)] == [m.span() for m in rapide.motif.finditer(texte)], texte
        attendu = rapide.motif.search(texte)
        trouve = rapide.search(texte)
        assert (trouve and trouve.span()) == (attendu and attendu.span()), texte


def test_debuts_lents_retires():
    assert _branches(r"\ba|b(c|d)|[|]e") == [r"\ba", "b(c|d)", "[|]e"]
    assert _sans_debut_lent(r"\b(?:je |j )?(?:ne )?sais pas\b") == r"sais pas\b"
    assert _sans_debut_lent(r"(?<!\bchez )\bmoi\b") == r"moi\b"
    assert _sans_debut_lent(r"^(?:(?:et|mais)\s+)*je\b") == r"je\b"
    assert Motif(r"(?:a)?").filtre is None  # tout peut être facultatif : pas de filtre
    m = Motif(r"\bsais pas\b")
    assert m.search("je sais pas").span() == (3, 11) and m.search("rien") is None
    assert m.sub("X", "je sais pas") == "je X" and m.pattern == r"\bsais pas\b"
    assert re.compile(m.filtre.pattern).search("sais pas")

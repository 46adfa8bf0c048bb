"""Nombres, durées, dates et normalisation (briques de l'extraction)."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.extraction import nombres
from bot.extraction.normalisation import normaliser

JOUR = dt.date(2026, 11, 26)


@pytest.mark.parametrize("texte, attendu", [
    ("J'ai trente-quatre ans", "j ai 34 ans"),
    ("jai 34a", "j ai 34 a"),
    ("900 balles par mois", "900 euros par mois"),
    ("1 200 €", "1200 euros"),
    ("1.200 €", "1200 euros"),
    ("mille deux cents euros", "1200 euros"),
    ("deux mille", "2000"),
    ("2 mille euros", "2000 euros"),
    ("1,2k", "1200"),
    ("1k5", "1500"),
    ("10 000 par an", "10000 par an"),
    ("deux ans et demi", "2 ans et demi"),
    ("un an et demi", "1 an et demi"),
    ("jsui san papié", "je suis sans papiers"),
    ("chui fransé", "je suis franse"),
    ("je dors à Paris 18e", "je dors a paris 18 e"),
    ("dans le dix-huitième arrondissement", "dans le 18 e arrondissement"),
    ("un pote", "un pote"),
    ("une domiciliation", "une domiciliation"),
    ("un enfant", "1 enfants"),
    ("vingt et un ans", "21 ans"),
    ("entre 800 et 900 euros", "entre 800 et 900 euros"),  # une fourchette, jamais une valeur devinée
    ("de 800 à 900 euros", "entre 800 et 900 euros"),
    ("800-900 euros", "entre 800 et 900 euros"),
    ("ouiiii", "oui"),
    ("ma3rftch", "je sais pas"),
    ("Né le 12/03/1990.", "ne le 12/03/1990 ."),
    ("2,5 ans", "2,5 ans"),
    ("🙂 ok 🙂", "ok"),
])
def test_normaliser(texte, attendu):
    assert normaliser(texte) == attendu


@pytest.mark.parametrize("texte, mois", [
    ("2 ans et demi", 30), ("1 an et demi", 18), ("6 mois", 6), ("1 an et 3 mois", 15), ("plus de 3 mois", 4),
    ("moins de 3 mois", 2), ("presque 3 mois", 2), ("6 semaines", 1), ("10 jours", 0), ("2,5 ans", 30),
    ("environ 4 ans", 48),
])
def test_durees(texte, mois):
    m = nombres.DUREE.search(texte)
    assert m and nombres.mois_entiers(m) == mois


@pytest.mark.parametrize("texte, mois", [
    # année seule : on ne devine pas (entre 12 et 95 mois) ; mois dit : différence des mois du calendrier
    ("2019", None), ("mars 2024", 32), ("12/03/2024", 32), ("3 mars 2024", 32), ("03/2024", 32), ("2026", None),
    ("novembre", 0), ("decembre", 11), ("2030", None), ("31/02/2020", None),
])
def test_mois_ecoules(texte, mois):
    m = nombres.DATE.search(texte)
    date = nombres.lire_date(m, JOUR)
    assert (nombres.mois_ecoules(date, JOUR) if date else None) == mois


@pytest.mark.parametrize("date, age", [
    ((1990, 3, 12), 36), ((1990, 12, 3), 35), ((1990, None, None), None), ((2001, 12, None), 24),
    ((2001, 11, None), 24), ((1800, None, None), None), ((2030, None, None), None),
])
def test_age_depuis_naissance(date, age):
    assert nombres.age_depuis_naissance(date, JOUR) == age


def test_en_annees_borne_basse():
    assert nombres.en_annees(71) == 5.9
    assert nombres.en_annees(72) == 6
    assert isinstance(nombres.en_annees(72), int)

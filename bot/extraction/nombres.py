"""Nombres, durées et dates dans un texte déjà normalisé (voir ``normalisation.py``).

Les nombres en lettres sont déjà en chiffres (text2num). Ici : « 2 ans et demi » -> 30 mois,
« plus de 3 mois » -> 4 mois, « depuis 2019 » -> mois écoulés depuis, « né le 12/03/1990 » -> âge.

Choix pour les dates incomplètes : on garde la borne basse (jamais plus que ce qui est sûr).
« En France depuis 2019 » un 26 novembre 2026 : au plus tard arrivé le 31 décembre 2019,
donc 83 mois au moins. « Depuis 2026 » la même année : on ne sait pas (aucune valeur).
"""
from __future__ import annotations

import datetime as dt
import math
import re

from .lexique import MOIS_ANNEE
from .rapide import motif

NOMBRE = r"\d+(?:[.,]\d+)?"

# Durée : « 2 ans et demi », « 1 an et 3 mois », « plus de 3 mois », « 6 semaines ».
QUALIFICATIF = (r"(?:(?P<qual>plus de|plus d|au moins|moins de|moins d|presque|bientot|pres de|pas loin de|"
                r"quasiment|environ|a peu pres|quasi)\s+)?")
DUREE = re.compile(
    QUALIFICATIF
    + r"(?P<n>" + NOMBRE + r")\s+(?P<u>ans|an|annees|annee|mois|semaines|semaine|jours|jour|a)\b"
    + r"(?:\s+(?:et\s+)?(?:(?P<demi>demi|demie|1/2)\b"
    + r"|(?P<n2>" + NOMBRE + r")\s+(?P<u2>mois|semaines|semaine|jours|jour)\b))?"
)

_NOMS_MOIS = "|".join(sorted(MOIS_ANNEE, key=len, reverse=True))
# Date : « 12/03/1990 », « 03/2023 », « 3 mars 2023 », « 1 er mars 2020 », « mars 2023 », « 2019 ».
DATE = motif(
    r"(?:(?P<j>\d{1,2})(?:\s+er)?\s+(?=(?:" + _NOMS_MOIS + r")\b))?"
    r"(?:(?P<mn>" + _NOMS_MOIS + r")\s+)?"
    r"(?P<a>(?:19|20)\d{2})\b"
    r"|(?P<j2>\d{1,2})/(?P<m2>\d{1,2})/(?P<a2>(?:19|20)?\d{2})\b"
    r"|(?P<m3>\d{1,2})/(?P<a3>(?:19|20)\d{2})\b"
    r"|(?:(?P<j4>\d{1,2})(?:\s+er)?\s+)?(?P<mn4>" + _NOMS_MOIS + r")\b(?!\s+(?:19|20)\d{2})"
)

JOURS_PAR_MOIS = 365.25 / 12


def nombre(texte: str) -> float | None:
    """« 2,5 » -> 2.5 ; None si ce n'est pas un nombre."""
    try:
        valeur = float(texte.replace(",", "."))
    except (ValueError, AttributeError):
        return None
    return valeur if math.isfinite(valeur) else None


def _en_mois(n: float, unite: str) -> float:
    if unite in ("ans", "an", "annees", "annee", "a"):
        return n * 12
    if unite == "mois":
        return n
    if unite.startswith("semaine"):
        return n * 7 / JOURS_PAR_MOIS
    return n / JOURS_PAR_MOIS  # jours


def duree_en_mois(m: re.Match) -> float | None:
    """Durée trouvée par ``DUREE`` -> mois (décimaux, qualificatif non appliqué)."""
    n = nombre(m.group("n"))
    if n is None:
        return None
    mois = _en_mois(n, m.group("u"))
    if m.group("demi"):
        mois += _en_mois(0.5, m.group("u"))
    elif m.group("n2"):
        n2 = nombre(m.group("n2"))
        if n2 is not None:
            mois += _en_mois(n2, m.group("u2"))
    return mois


def mois_entiers(m: re.Match) -> int | None:
    """Durée -> mois entiers, avec le qualificatif : « plus de 3 mois » -> 4, « presque 3 mois » -> 2."""
    mois = duree_en_mois(m)
    if mois is None:
        return None
    entier = math.floor(mois + 1e-9)
    qual = m.group("qual") or ""
    if qual.startswith("plus"):
        entier += 1
    elif qual in ("moins de", "moins d", "presque", "bientot", "pas loin de", "quasiment", "quasi", "pres de"):
        entier = max(0, math.ceil(mois - 1e-9) - 1)
    return entier


def en_annees(mois: float) -> int | float:
    """Mois -> années, arrondies au dixième inférieur (borne basse) ; entier si rond : 71 mois -> 5.9."""
    annees = math.floor(mois / 12 * 10 + 1e-9) / 10
    return int(annees) if float(annees).is_integer() else annees


def _annee_complete(texte: str, aujourd_hui: dt.date) -> int:
    annee = int(texte)
    if annee < 100:
        siecle = 2000 if annee <= aujourd_hui.year % 100 else 1900
        annee += siecle
    return annee


def lire_date(m: re.Match, aujourd_hui: dt.date) -> tuple[int, int | None, int | None] | None:
    """Date trouvée par ``DATE`` -> (année, mois ou None, jour ou None). Mois seul : le dernier passé."""
    try:
        if m.group("a"):
            mois = MOIS_ANNEE[m.group("mn")] if m.group("mn") else None
            jour = int(m.group("j")) if m.group("j") and mois else None
            return int(m.group("a")), mois, jour
        if m.group("a2"):
            return _annee_complete(m.group("a2"), aujourd_hui), int(m.group("m2")), int(m.group("j2"))
        if m.group("a3"):
            return int(m.group("a3")), int(m.group("m3")), None
        if m.group("mn4"):
            mois = MOIS_ANNEE[m.group("mn4")]
            annee = aujourd_hui.year if mois <= aujourd_hui.month else aujourd_hui.year - 1
            jour = int(m.group("j4")) if m.group("j4") else None
            return annee, mois, jour
    except (ValueError, KeyError):
        return None
    return None


def _valide(annee: int, mois: int | None, jour: int | None) -> bool:
    try:
        dt.date(annee, mois or 1, jour or 1)
    except ValueError:
        return False
    return True


def mois_ecoules(date: tuple[int, int | None, int | None], aujourd_hui: dt.date) -> int | None:
    """Mois entiers écoulés depuis la date (borne basse si la date est incomplète) ; None si inconnu."""
    annee, mois, jour = date
    if not _valide(annee, mois, jour):
        return None
    t = aujourd_hui
    if mois is None:
        return None  # « depuis 2019 » : entre 12 et 95 mois, on ne devine pas (corpus : « nombre de mois incertain »)
    if jour is None:
        # « depuis mars 2024 » au 2 décembre 2026 : 33 mois (différence des mois du calendrier, comme on compte
        # à l'oral et comme le corpus de la SPEC)
        ecoules = (t.year - annee) * 12 + (t.month - mois)
        return ecoules if ecoules >= 0 else None
    ecoules = (t.year - annee) * 12 + (t.month - mois) - (1 if t.day < jour else 0)
    return ecoules if ecoules >= 0 else None


def age_depuis_naissance(date: tuple[int, int | None, int | None], aujourd_hui: dt.date) -> int | None:
    """Âge à partir de la date de naissance (borne basse si la date est incomplète)."""
    annee, mois, jour = date
    if not _valide(annee, mois, jour):
        return None
    t = aujourd_hui
    if mois is None:
        return None  # « né en 1990 » : 35 ou 36 ans, on ne devine pas
    elif jour is None:
        age = t.year - annee - (1 if t.month <= mois else 0)
    else:
        age = t.year - annee - (1 if (t.month, t.day) < (mois, jour) else 0)
    return age if 0 <= age <= 120 else None

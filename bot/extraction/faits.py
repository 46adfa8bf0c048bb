"""``extraire_faits`` : du texte libre aux faits de la situation.

Étapes : normaliser (``normalisation``) -> découper et trouver les sujets (``analyse``) ->
repérer les faits (``identite``, ``foyer``, ``argent``, ``logement``) -> garder ceux qui
concernent la personne (ou son foyer) -> fusionner (le plus précis, puis le dernier dit) ->
déduire (taille du foyer, Paris...) -> valider (``vocabulaire``).
"""
from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from typing import Any

from . import argent, foyer, identite, incertitude, logement
from .analyse import Analyse
from .modele import Constat, Extraction
from .normalisation import normaliser
from .vocabulaire import CHAMPS, valider

log = logging.getLogger(__name__)

# Qui peut porter un fait : la personne seule, ou aussi son foyer.
_SUJETS_FOYER = {"personne", "conjoint"}
_SUJETS: dict[str, set[str]] = {
    **{c: {"personne"} for c in CHAMPS},
    "en_couple": _SUJETS_FOYER,
    "enceinte": _SUJETS_FOYER,
    "ressources_mensuelles": _SUJETS_FOYER,
    "ressources_annuelles": _SUJETS_FOYER,
    "aide_logement": _SUJETS_FOYER,
    "difficultes_logement": _SUJETS_FOYER,
    "percoit_rsa": _SUJETS_FOYER,
    "fourchettes": _SUJETS_FOYER,
    "enfants": _SUJETS_FOYER | {"enfant"},
    "lien_paris": _SUJETS_FOYER | {"enfant", "famille"},
}
_TITRES_AVEC_ANNEES = {"titre_travail", "carte_resident", "protection_internationale", "recepisse"}


def _aujourd_hui(aujourd_hui: Any) -> dt.date:
    if isinstance(aujourd_hui, dt.datetime):
        return aujourd_hui.date()
    if isinstance(aujourd_hui, dt.date):
        return aujourd_hui
    if isinstance(aujourd_hui, str):
        try:
            return dt.date.fromisoformat(aujourd_hui[:10])
        except ValueError:
            pass
    try:
        from zoneinfo import ZoneInfo

        return dt.datetime.now(ZoneInfo("Europe/Paris")).date()
    except Exception:  # base de fuseaux absente
        return dt.date.today()


def _constats(a: Analyse, jour: dt.date) -> tuple[list[Constat], int | None]:
    constats: list[Constat] = identite.age(a, jour)
    liste_durees = identite.durees(a, jour, exclus={c.pos for c in constats})
    for detecteur in (identite.nationalite, identite.titre_sejour, identite.etudiant,
                      foyer.couple, foyer.enfants, foyer.enceinte, argent.montants, argent.fourchettes,
                      argent.percoit_rsa, logement.logement,
                      logement.courrier, logement.domiciliation, logement.difficultes):
        constats += detecteur(a, jour)
    constats += identite.mois_en_france(a, jour, liste_durees)
    constats += identite.annees_titre(a, liste_durees)
    constats += identite.mois_sans_titre(a, liste_durees)
    constats += identite.mois_depuis_separation(a, liste_durees)
    constats += identite.heures_travail(a, jour, liste_durees)
    constats_paris, arrondissement = logement.paris(a, jour)
    constats += constats_paris
    return constats, arrondissement


def _accepte(c: Constat, a: Analyse) -> bool:
    if a.segment(c.pos).question:
        return False  # une question générale (« le RSA c'est 646 euros ? ») ne dit rien de la personne
    if c.force:
        return True
    return a.sujet(c.pos) in _SUJETS.get(c.champ, {"personne"})


def _fusionner(constats: list[Constat]) -> tuple[dict[str, Any], dict[str, list[Any]]]:
    par_champ: dict[str, list[Constat]] = defaultdict(list)
    for c in constats:
        par_champ[c.champ].append(c)
    faits: dict[str, Any] = {}
    negations: dict[str, list[Any]] = {}
    for champ, liste in par_champ.items():
        nies = [c.valeur for c in liste if c.nie and c.valeur is not None]
        positifs = [c for c in liste if not c.nie]
        if champ == "fourchettes":
            bornes: dict[str, list[float]] = {}
            for c in positifs:
                bornes.update(c.valeur)
            if bornes:
                faits[champ] = bornes
        elif champ == "difficultes_logement":
            valeurs = [c.valeur for c in positifs if c.valeur is not None]
            if valeurs:
                faits[champ] = valeurs
            elif any(c.valeur is None for c in positifs):
                faits[champ] = []
        elif positifs:
            meilleur = max(positifs, key=lambda c: (c.poids, c.pos))
            faits[champ] = meilleur.valeur
        nies = [v for v in dict.fromkeys(nies) if v != faits.get(champ)]
        if nies:
            negations[champ] = nies
    return faits, negations


def _deduire(faits: dict[str, Any], a: Analyse) -> None:
    """Faits qui découlent d'autres faits du même message."""
    if "enfants" not in faits:
        taille = foyer.taille_foyer(a)
        if taille:
            n, seul_avec = taille
            if faits.get("en_couple") is True and n >= 2:
                faits["enfants"] = n - 2
            elif (faits.get("en_couple") is False or seul_avec) and n >= 1:
                faits["enfants"] = n - 1
    if faits.get("titre_sejour") and "nationalite" not in faits:
        faits["nationalite"] = "hors_ue"
    if "annees_titre_sejour" in faits and faits.get("titre_sejour") not in _TITRES_AVEC_ANNEES:
        faits.pop("annees_titre_sejour")  # des années sans titre qui permet de travailler : rien à compter
    if faits.get("vit_a_paris") is True:
        faits["lien_paris"] = True
    if "mois_en_france" not in faits and "age" in faits and identite.ne_en_france(a):
        faits["mois_en_france"] = faits["age"] * 12


def _extraire(texte: Any, aujourd_hui: Any = None) -> Extraction:
    if texte is None:
        return Extraction()
    if not isinstance(texte, str):
        texte = str(texte)
    if texte.lstrip().startswith("/"):
        return Extraction()  # une commande (« /informer{...} ») n'est jamais un fait
    normal = normaliser(texte)
    if not normal:
        return Extraction()
    jour = _aujourd_hui(aujourd_hui)
    a = Analyse(normal)
    constats, arrondissement = _constats(a, jour)
    ne_sait_pas, inconnus, zones = incertitude.ne_sait_pas(a)
    zones = zones + incertitude.hesitations(a)
    constats = [c for c in constats
                if _accepte(c, a) and not any(d <= c.pos < f for d, f in zones)
                and (c.champ == "fourchettes" or not a.dans_fourchette(c.pos))]
    faits, negations = _fusionner(constats)
    _deduire(faits, a)
    faits = valider(faits)
    inconnus = [c for c in inconnus if c not in faits]
    if not faits.get("vit_a_paris"):
        arrondissement = None
    return Extraction(
        faits=faits,
        inconnus=inconnus,
        ne_sait_pas=ne_sait_pas,
        forme=a.forme,
        negation_de=negations,
        correction=incertitude.est_correction(a),
        arrondissement=arrondissement,
    )


def extraire_faits(texte: str, aujourd_hui: dt.date | str | None = None) -> Extraction:
    """Les faits de la situation dits dans ``texte`` (voir ``Extraction``). Ne lève jamais d'exception.

    ``aujourd_hui`` (date ou « AAAA-MM-JJ ») sert aux dates (« en France depuis 2019 »,
    « né en 1990 ») ; par défaut, la date du jour à Paris.
    """
    try:
        return _extraire(texte, aujourd_hui)
    except Exception:  # pragma: no cover - filet de sécurité : un message ne doit jamais casser le bot
        log.exception("extraction impossible")
        return Extraction()

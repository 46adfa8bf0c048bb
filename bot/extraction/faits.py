"""``extraire_faits`` : du texte libre aux faits de la situation.

Étapes : normaliser (``normalisation``) -> découper et trouver les sujets (``analyse``) ->
repérer les faits (``identite``, ``foyer``, ``argent``, ``logement``) -> garder ceux qui
concernent la personne (ou son foyer) -> fusionner (le plus précis, puis le dernier dit) ->
déduire (taille du foyer, Paris...) -> valider (``vocabulaire``).
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from collections import defaultdict
from typing import Any

from . import alertes, argent, foyer, genre, identite, incertitude, logement
from .analyse import Analyse
from .modele import Constat, Extraction
from .normalisation import normaliser
from .lexique import GENTILES
from .vocabulaire import BOOLEEN, CHAMPS, valider

_GENTILES_SIMPLES = frozenset(g for g in GENTILES if " " not in g) | {"nationalite"}
_GENTILES_COMPOSES = [g for g in GENTILES if " " in g]
_ASILE_DIT = re.compile(r"\b(?:asile|refugies|demandeurs|sans papiers)\b")
# La phrase dit-elle une nationalité / un statut ? (recherche par mot : une alternative de 500 gentilés coûtait 1 ms)
_DIT_LE_CHAMP = {
    "nationalite": lambda p: not _GENTILES_SIMPLES.isdisjoint(p.split()) or any(g in p for g in _GENTILES_COMPOSES),
    "titre_sejour": lambda p: bool(_ASILE_DIT.search(p)),
}

log = logging.getLogger(__name__)

# Qui peut porter un fait : la personne seule, ou aussi son foyer.
_SUJETS_FOYER = {"personne", "conjoint", "foyer"}
# « ils / elles » quand le message vient de dire la personne avec son conjoint ou ses enfants (sujet « foyer ») :
# les faits que la personne partage avec ce groupe (pas l'âge, le genre, les études, le travail...).
# Pas la nationalité ni le titre : « Mme D. vit avec ses enfants. Ils n'ont pas de papiers » parle des enfants.
_FAITS_DU_GROUPE = {"logement", "vit_a_paris", "arrondissement", "lien_paris", "domiciliation", "adresse_courrier",
                    "age_plus_jeune_enfant"}
_SUJETS: dict[str, set[str]] = {
    **{c: ({"personne", "foyer"} if c in _FAITS_DU_GROUPE else {"personne"}) for c in CHAMPS},
    "en_couple": _SUJETS_FOYER,
    "enceinte": _SUJETS_FOYER,
    "ressources_mensuelles": _SUJETS_FOYER,
    "ressources_annuelles": _SUJETS_FOYER,
    "aide_logement": _SUJETS_FOYER,
    "difficultes_logement": _SUJETS_FOYER,
    "percoit_rsa": _SUJETS_FOYER,
    "mois_depuis_separation": _SUJETS_FOYER,
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
    for detecteur in (identite.nationalite, identite.titre_sejour, identite.etudiant, identite.travail_declare,
                      genre.genre,
                      foyer.couple, foyer.age_conjoint, foyer.enfants, foyer.age_plus_jeune_enfant, foyer.enceinte, argent.montants, argent.fourchettes,
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


# Faits personnels qui ont un pendant pour le conjoint (« ma femme a 30 ans » -> conjoint_age).
_CONJOINT = {"age": "conjoint_age", "nationalite": "conjoint_nationalite", "titre_sejour": "conjoint_titre_sejour",
             "annees_titre_sejour": "conjoint_annees_titre_sejour", "etudiant": "conjoint_etudiant"}


def _accepte(c: Constat, a: Analyse) -> bool:
    if c.pos < len(a.texte) and a.segment(c.pos).question:
        return False  # une question générale (« le RSA c'est 646 euros ? ») ne dit rien de la personne
    sujet = a.sujet(c.pos)
    if c.champ in _CONJOINT and sujet == "conjoint" and not c.force:
        if re.search(r"\b(?:mon|ma|mes)\s*$", a.texte[max(0, c.pos - 5):c.pos]):
            return True  # « mon conjoint gardait mon titre de séjour » : le titre de la personne
        c.champ = _CONJOINT[c.champ]
        return True
    if c.champ == "age" and sujet == "enfant" and a.question == "age_plus_jeune_enfant" and not c.force:
        c.champ = "age_plus_jeune_enfant"  # « il aura 3 ans en février », « né le 10 octobre 2025 »
        return True
    if c.force:
        return True
    if c.champ in ("logement", "vit_a_paris", "arrondissement") and sujet == "conjoint" and re.search(
            r"\b(?:nous|on)\b", a.segment(c.pos).texte):
        return True  # « nous sommes locataires » écrit par le conjoint : le logement du foyer
    if c.champ == "mois_depuis_separation" and re.match(r"(?:\w+ )?(?:le|leur|la) (?:pere|papa|mere|maman)\b",
                                                       a.segment(c.pos).texte):
        return True  # « le papa est parti il y a 3 ans » : la séparation de la personne
    return sujet in _SUJETS.get(c.champ, {"personne"})


def _apres_correction(constats: list[Constat], a: Analyse) -> list[Constat]:
    """« Oui, je suis en BTS. Ah non, j'ai arrêté » : après une correction dans le message, une valeur
    dite avant elle ne compte plus (R7). Redite après : la nouvelle l'emporte ; sinon on s'abstient
    (si la correction est dans la même phrase ou la suivante)."""
    marques = [m.end() for m in _MARQUE_CORRECTION.finditer(a.texte) if m.start() > 0]
    if not marques:
        return constats
    garder = []
    for c in constats:
        suivante = next((p for p in marques if p > c.pos), None)
        if suivante is None or c.champ in ("fourchettes", "genre"):
            garder.append(c)
            continue
        if any(d.champ == c.champ and d.pos >= suivante for d in constats):
            continue  # redit après la correction
        if a.segment(suivante - 1).phrase - a.segment(c.pos).phrase <= 1:
            continue  # corrigé sans nouvelle valeur : incertain
        garder.append(c)
    return garder


_COMME_MOI = re.compile(r"\b(?:comme moi|pareil que moi|pareil pour moi|meme chose que moi|moi aussi)\b")
_PAS_COMME_MOI = re.compile(r"\b(?:pas|non|contrairement a moi|sauf) (?:\w+ )?(?:comme moi|pareil)\b|\bmoi (?:non|pas)\b")
_NEGATION_MOT = re.compile(r"\b(?:non|pas|jamais|aucune?|rien|ni|sans|nulle part|ne|n|"
                           r"(?<!la )(?<!une )(?<!cette )(?<!1 )(?<!chaque )personne)\b")


def _oui_nie(constats: list[Constat], a: Analyse) -> list[Constat]:
    """Garde-fou : en réponse à une question oui / non, un « oui » (True) pour le champ demandé n'est pas posé
    si la proposition qui le dit contient une négation (« chez nous personne a un boulot déclaré ») :
    la portée de la négation est incertaine, on s'abstient."""
    if a.question not in CHAMPS or CHAMPS[a.question]["type"] != BOOLEEN:
        return constats
    return [c for c in constats if not (c.champ == a.question and c.valeur is True and not c.nie
                                        and _NEGATION_MOT.search(a.segment(c.pos).texte))]


_TOUS_LES_DEUX = re.compile(r"\b(?:tous les deux|toutes les deux|tous deux|tous les 2|toutes les 2|comme moi|pareil que moi|"
                            r"nous deux|on est|nous sommes|on a demande|nous avons demande|tous)\b")
_UN_SEUL_DES_DEUX = re.compile(r"\b(?:moi|lui|elle) (?:non|nn|pas)\b|\bmais (?:moi|lui|elle)\b|\ba nous deux\b")
_MARQUE_CORRECTION = re.compile(
    r"\b(?:ah non|a non|oh non|non pardon|pardon|non non|je me suis trompee?|je me trompe|je voulais dire|"
    r"correction|je rectifie|je corrige|en fait non|enfin non|euh non|enfin si|non enfin|ou plutot|plutot|a nn)\b"
    r"|\benfin(?: ,)?(?= (?:c est|a |au |j ai|je |j |pas|plus|non|si|il|elle|\d))"
)


# Faits qui ne changent pas au fil d'un récit (à la différence du logement : « avant la rue, maintenant un
# CHRS ») : deux valeurs différentes de même force dans un message = un doute, on s'abstient.
_STABLES = {"age", "conjoint_age", "nationalite", "conjoint_nationalite", "titre_sejour", "conjoint_titre_sejour",
            "enfants", "age_plus_jeune_enfant", "genre", "etudiant", "conjoint_etudiant", "enceinte", "en_couple",
            "travail_declare", "adresse_courrier", "domiciliation", "vit_a_paris", "lien_paris", "arrondissement",
            "percoit_rsa", "annees_titre_sejour", "conjoint_annees_titre_sejour", "mois_en_france", "mois_sans_titre",
            "mois_depuis_separation", "heures_travail_3_ans"}


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
            if champ in _STABLES and any(c.poids == meilleur.poids and c.valeur != meilleur.valeur for c in positifs):
                continue  # « Mme H., 35 ans, ... avec M. H., 40 ans » : deux indices de même force se contredisent
            faits[champ] = meilleur.valeur
        nies = [v for v in dict.fromkeys(nies) if v != faits.get(champ)]
        if nies:
            negations[champ] = nies
    return faits, negations


def _deduire(faits: dict[str, Any], a: Analyse) -> None:
    """Faits qui découlent d'autres faits du même message."""
    # « on est 5 » ne dit pas combien d'enfants à charge (d'autres adultes peuvent vivre là) : pas de déduction.
    if faits.get("titre_sejour") and "nationalite" not in faits:
        faits["nationalite"] = "hors_ue"
    if "annees_titre_sejour" in faits and faits.get("titre_sejour") not in _TITRES_AVEC_ANNEES:
        faits.pop("annees_titre_sejour")  # des années sans titre qui permet de travailler : rien à compter
    if "mois_en_france" not in faits and "age" in faits and identite.ne_en_france(a):
        faits["mois_en_france"] = faits["age"] * 12
    if "mois_depuis_separation" in faits and not (
            faits.get("enfants") or faits.get("enceinte") or a.question == "mois_depuis_separation"
            or re.search(r"\bseule? avec (?:mes|mon|ma|lui|elle|eux|le|la|les)\b|\beleve\w* seule?\b|\bmes (?:enfants|"
                         r"fils|filles|gosses)\b(?!.{0,40}\b(?:grands|vivent plus|ne vivent))", a.texte)):
        faits.pop("mois_depuis_separation")  # une séparation sans enfant : le champ ne s'applique pas
    if "mois_sans_titre" in faits and faits.get("titre_sejour") not in (None, "aucun"):
        faits.pop("mois_sans_titre")
    # « on est demandeurs d'asile tous les deux », « algérienne comme moi » : le conjoint aussi
    if faits.get("en_couple"):
        phrases = re.split(r" [.;!?] ", a.texte)
        for perso, conj in (("nationalite", "conjoint_nationalite"), ("titre_sejour", "conjoint_titre_sejour")):
            if perso in faits and conj not in faits and any(
                    _TOUS_LES_DEUX.search(p) and _DIT_LE_CHAMP[perso](p) and not _UN_SEUL_DES_DEUX.search(p)
                    for p in phrases):
                faits[conj] = faits[perso]  # la phrase dit les deux
        memes = re.search(r"\b(?:on a|nous avons) (\d{2}) ans tous les deux\b", a.texte)
        if memes and faits.get("age") == int(memes.group(1)):
            faits.setdefault("conjoint_age", faits["age"])  # « on a 23 ans tous les deux »
    # « hébergée par ma fille à Paris 16e » ne pose pas lien_paris : les deux corpus se contredisent sur ce cas
    # (tests/extraction/corpus/CHANGEMENTS.md) ; dans le doute, la question du lien est posée avec ses boutons.
    ecart = re.search(r"\b(?:il|elle) a (\d{1,2}) ans? de (plus|moins) que moi\b", a.texte)
    if ecart and "age" in faits and "conjoint_age" not in faits:
        n = int(ecart.group(1))
        faits["conjoint_age"] = faits["age"] + (n if ecart.group(2) == "plus" else -n)
    if _COMME_MOI.search(a.texte) and not _PAS_COMME_MOI.search(a.texte):
        # « il est roumain, comme moi », « demandeuse d'asile comme moi » : la personne aussi
        for perso, conj in (("nationalite", "conjoint_nationalite"), ("titre_sejour", "conjoint_titre_sejour")):
            if conj in faits and perso not in faits:
                faits[perso] = faits[conj]
                if perso == "titre_sejour":
                    faits.setdefault("nationalite", "hors_ue")
    if faits.get("conjoint_titre_sejour") and "conjoint_nationalite" not in faits:
        faits["conjoint_nationalite"] = "hors_ue"
    if any(c.startswith("conjoint_") for c in faits) and faits.get("en_couple") is False:
        for c in [c for c in faits if c.startswith("conjoint_")]:
            faits.pop(c)


def _extraire(texte: Any, aujourd_hui: Any = None, question: str | None = None) -> Extraction:
    if texte is None:
        return Extraction()
    if not isinstance(texte, str):
        texte = str(texte)
    if texte.lstrip().startswith("/"):
        return Extraction()  # une commande (« /informer{...} ») n'est jamais un fait
    dangers = alertes.alertes(texte)
    normal = normaliser(texte)
    if not normal:
        return Extraction(alertes=dangers)
    jour = _aujourd_hui(aujourd_hui)
    if question and question.startswith("conjoint_"):
        # « femme 28 », « mari Algérie » en réponse à une question sur le conjoint : « ma femme », « mon mari »
        normal = re.sub(r"^(femme|epouse|mari|epoux)\b",
                        lambda m: ("ma " if m.group(1) in ("femme", "epouse") else "mon ") + m.group(1), normal)
    a = Analyse(normal, question=question)
    constats, arrondissement = _constats(a, jour)
    ne_sait_pas, inconnus, zones = incertitude.ne_sait_pas(a)
    zones = zones + incertitude.hesitations(a)
    constats = [c for c in constats
                if _accepte(c, a) and not any(d <= c.pos < f for d, f in zones)
                and (c.champ == "fourchettes" or not a.dans_fourchette(c.pos))]
    constats = _apres_correction(constats, a)
    constats = _oui_nie(constats, a)
    faits, negations = _fusionner(constats)
    _deduire(faits, a)
    faits = valider(faits)
    inconnus = [c for c in inconnus if c not in faits]
    arrondissement = faits.get("arrondissement")  # le fait (validé), même sans « vit à Paris »
    return Extraction(
        faits=faits,
        inconnus=inconnus,
        ne_sait_pas=ne_sait_pas,
        forme=a.forme,
        negation_de=negations,
        correction=incertitude.est_correction(a),
        arrondissement=arrondissement,
        alertes=dangers,
        interroge=any(s.question for s in a.segments),
    )


def extraire_faits(texte: str, aujourd_hui: dt.date | str | None = None, *, question: str | None = None) -> Extraction:
    """Les faits de la situation dits dans ``texte`` (voir ``Extraction``). Ne lève jamais d'exception.

    ``aujourd_hui`` (date ou « AAAA-MM-JJ ») sert aux dates (« en France depuis 2019 »,
    « né en 1990 ») ; par défaut, la date du jour à Paris. ``question`` : le champ demandé juste
    avant (« elle a 30 ans » répond alors sur le conjoint, « 800 » sur l'argent).
    """
    try:
        return _extraire(texte, aujourd_hui, question if question in CHAMPS else None)
    except Exception:  # pragma: no cover - filet de sécurité : un message ne doit jamais casser le bot
        log.exception("extraction impossible")
        return Extraction()

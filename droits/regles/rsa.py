"""RSA, revenu de solidarité active (articles L262-1 et suivants du CASF).

Une fonction par notion du droit, nommée comme le texte ; les nombres sont dans droits/parametres/rsa/.
Montant = montant forfaitaire du foyer (majoré pour un parent isolé, R262-2) − ressources mensuelles
moyennes − forfait logement ; pas versé sous le montant minimum.

En couple, l'un ou l'autre peut demander le RSA pour le foyer (L262-4 s'applique au demandeur) ; l'autre ne
compte dans le foyer que s'il remplit les conditions de séjour (2°) et n'est pas étudiant (4°) (L262-5 ;
CE, 9 novembre 2016, n° 392482). Ses ressources comptent quand même (service-public F24615, 2018 ; question
écrite n° 39612) : `ressources_mensuelles` est l'argent de tout le foyer.

Quand un fait qui ne change que le montant manque (le conjoint compte-t-il ? la majoration « parent isolé »
s'applique-t-elle ?), le moteur calcule les deux cas : même verdict, il le donne avec une fourchette de montant
et demande le fait (`a_preciser`) ; verdicts différents, il dit « à vérifier » et le fait est un `manquant`.
"""
from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import Mapping

from ..parametres import Bareme
from .logique import Critere, Decision, et, faux, inconnu, ou, vrai
from .orientation import sans_domicile
from .references import refs

TITRES_EXEMPTES = ("protection_internationale", "carte_resident")
TITRES_REGULIERS = ("titre_travail", "carte_resident", "protection_internationale")


@dataclass(frozen=True, slots=True)
class Membre:
    """Un membre du couple vu par les conditions du RSA : la personne, ou son conjoint (champs conjoint_*)."""

    qui: str  # "personne" ou "conjoint"
    age: int | None
    nationalite: str | None
    titre_sejour: str | None
    annees_titre_sejour: float | None
    etudiant: bool | None
    champ_age: str
    champ_nationalite: str
    champ_titre: str
    champ_annees: str
    champ_etudiant: str


def la_personne(s: dict) -> Membre:
    return Membre("personne", s.get("age"), s.get("nationalite"), s.get("titre_sejour"), s.get("annees_titre_sejour"),
                  s.get("etudiant"), "age", "nationalite", "titre_sejour", "annees_titre_sejour", "etudiant")


def son_conjoint(s: dict) -> Membre:
    return Membre("conjoint", s.get("conjoint_age"), s.get("conjoint_nationalite"), s.get("conjoint_titre_sejour"),
                  s.get("conjoint_annees_titre_sejour"), s.get("conjoint_etudiant"), "conjoint_age",
                  "conjoint_nationalite", "conjoint_titre_sejour", "conjoint_annees_titre_sejour", "conjoint_etudiant")


# --- composition du foyer -------------------------------------------------------------------------

def coefficient_foyer_R262_1(b: Bareme, en_couple: bool, enfants: int) -> float:
    """Art. R262-1 CASF (D843-1 CSS) : +50 % pour la 2e personne, +30 % pour chaque personne
    suivante, +40 % par enfant à partir du 3e."""
    coef = 1.0
    membres = (1 if en_couple else 0) + enfants
    for rang in range(1, membres + 1):
        if rang == 1:
            coef += b["rsa.majoration_deuxieme_personne"]
            continue
        numero_enfant = rang - (1 if en_couple else 0)
        if numero_enfant >= 3:
            coef += b["rsa.majoration_troisieme_enfant_et_plus"]
        else:
            coef += b["rsa.majoration_personne_supplementaire"]
    return coef


def montant_forfaitaire_L262_2(b: Bareme, en_couple: bool, enfants: int) -> float:
    """Art. L262-2 CASF : montant forfaitaire du foyer."""
    return b["rsa.montant_forfaitaire"] * coefficient_foyer_R262_1(b, en_couple, enfants)


def montant_majore_L262_9(b: Bareme, enfants: int) -> float:
    """Art. L262-9 CASF (D843-1 CSS) : montant majoré d'une personne isolée enceinte ou parent isolé."""
    return b["rsa.montant_forfaitaire"] * (b["rsa.isolement.femme_enceinte"] + b["rsa.isolement.par_enfant"] * enfants)


def forfait_logement_R262_9(b: Bareme, en_couple: bool, enfants: int) -> float:
    """Art. R262-9 CASF : forfait logement plein, selon le nombre de personnes (1, 2, 3 ou plus)."""
    personnes = 1 + (1 if en_couple else 0) + enfants
    if personnes == 1:
        taux, coef = b["rsa.forfait_logement.taux_1_personne"], 1.0
    elif personnes == 2:
        taux, coef = b["rsa.forfait_logement.taux_2_personnes"], 1 + b["rsa.majoration_deuxieme_personne"]
    else:
        taux = b["rsa.forfait_logement.taux_3_personnes_ou_plus"]
        coef = 1 + b["rsa.majoration_deuxieme_personne"] + b["rsa.majoration_personne_supplementaire"]
    return b["rsa.montant_forfaitaire"] * coef * taux


def forfait_logement_retenu_R262_10(b: Bareme, s: dict, en_couple: bool, enfants: int) -> tuple[float | None, float]:
    """Art. R262-9 et R262-10 CASF : forfait retenu (None si inconnu) et forfait plein.

    Plein si logé à titre gratuit ou propriétaire ; le plus petit de l'aide au logement et du forfait pour
    qui touche une aide au logement ; rien à la rue. Hébergé en payant une part du loyer ou des charges :
    le logement n'est pas gratuit (R262-9 : « à titre gratuit »), pas de forfait (comme OpenFisca,
    `participation_frais`). En centre d'hébergement : rien, comme OpenFisca (`rsa_forfait_logement`), mais
    c'est incertain : la phrase le dit.
    """
    plein = forfait_logement_R262_9(b, en_couple, enfants)
    logement = s.get("logement")
    if logement in ("rue", "centre_hebergement", "heberge_avec_participation"):
        return 0.0, plein
    if logement in ("heberge_gratuitement", "proprietaire"):
        return plein, plein
    if logement == "locataire":
        aide = s.get("aide_logement")
        return (None if aide is None else min(aide, plein)), plein
    return None, plein


# --- isolement et majoration --------------------------------------------------------------------

def isole(s: dict) -> bool | None:
    return None if s.get("en_couple") is None else not s["en_couple"]


def parent_isole(s: dict) -> bool | None:
    """Personne isolée qui a un enfant à charge ou attend un enfant (art. L262-9) ; None si on ne sait pas."""
    seul = isole(s)
    enfants, enceinte = s.get("enfants"), s.get("enceinte")
    if (enfants or 0) > 0 or enceinte is True:
        charge = True
    elif enfants == 0 and enceinte is False:
        charge = False
    else:
        charge = None
    if seul is False or charge is False:
        return False
    if seul is True and charge is True:
        return True
    return None


def _faits_isolement(s: dict) -> tuple[str, ...]:
    faits = [c for c in ("en_couple", "enfants") if s.get(c) is None]
    if s.get("enfants") == 0 and s.get("enceinte") is None:
        faits.append("enceinte")
    return tuple(faits)


def majoration_isolement_R262_2(b: Bareme, s: dict) -> tuple[bool | None, tuple[str, ...]]:
    """Art. L262-9 et R262-2 : la majoration « parent isolé » s'applique-t-elle à une demande faite maintenant ?

    Femme isolée enceinte : oui. Parent isolé : oui si le plus jeune enfant a moins de 3 ans ; sinon pendant
    12 mois au plus, pour une demande faite dans les 6 mois de l'événement (séparation, décès, naissance),
    réduits d'autant au-delà : possible tant que l'événement date de moins de 12 + 6 mois.
    Rend (valeur, faits qui décideraient).
    """
    seul = isole(s)
    if seul is False:
        return False, ()
    enfants, enceinte = s.get("enfants"), s.get("enceinte")
    if seul is None:
        return None, ("en_couple",)
    if enceinte is True:
        return True, ()
    if enfants is None:
        return None, ("enfants",)
    if enfants == 0:
        return (False, ()) if enceinte is False else (None, ("enceinte",))
    age_benjamin, mois = s.get("age_plus_jeune_enfant"), s.get("mois_depuis_separation")
    limite = b["rsa.isolement.duree_mois"] + b["rsa.isolement.delai_demande_mois"]
    if age_benjamin is not None and age_benjamin < b["rsa.isolement.age_limite_benjamin"]:
        return True, ()
    if mois is not None and mois < limite:
        return True, ()
    if age_benjamin is not None and mois is not None:
        return False, ()
    return None, tuple(c for c, v in (("age_plus_jeune_enfant", age_benjamin), ("mois_depuis_separation", mois)) if v is None)


# --- conditions d'un membre qui demande -----------------------------------------------------------

def condition_age_L262_4_1(b: Bareme, s: dict, m: Membre | None = None) -> Critere:
    """Art. L262-4 1° : 25 ans ou plus, ou un enfant né ou à naître ; art. L262-7-1 : jeune actif."""
    m = m or la_personne(s)
    minimum = b["rsa.conditions.age_minimum"]
    parent = (s.get("enfants") or 0) > 0 or s.get("enceinte") is True
    conjoint = m.qui == "conjoint"
    if m.age is None:
        if parent:
            return vrai("rsa.age.parent", age_min=minimum)
        return inconnu("rsa.conjoint.age_inconnu" if conjoint else "rsa.age.inconnu", m.champ_age, age_min=minimum)
    if m.age >= minimum:
        return vrai("rsa.conjoint.age_ok" if conjoint else "rsa.age.ok", age_min=minimum)
    if parent:
        return vrai("rsa.age.jeune_parent", age_min=minimum)
    enfants, enceinte = s.get("enfants"), s.get("enceinte")
    if enfants is None:
        return inconnu("rsa.age.jeune_enfant_inconnu", "enfants", age_min=minimum)
    if enceinte is None:
        return inconnu("rsa.age.jeune_enceinte_inconnu", "enceinte", age_min=minimum)
    if conjoint:
        # les heures de travail du conjoint ne sont pas dans le vocabulaire
        if m.age < b["rsa.conditions.jeune_actif_age_minimum"]:
            return faux("rsa.conjoint.trop_jeune", age_min=minimum)
        return inconnu("rsa.conjoint.jeune_actif", age_min=minimum, annees=b["rsa.conditions.jeune_actif_annees_temps_plein"])
    return condition_jeune_actif_D262_25_1(b, s)


def condition_jeune_actif_D262_25_1(b: Bareme, s: dict) -> Critere:
    """Art. L262-7-1 et D262-25-1 : de 18 à 24 ans, 2 ans de travail à temps plein sur 3 ans (en heures)."""
    heures_min = b["rsa.conditions.jeune_actif_heures"]
    age_min = b["rsa.conditions.age_minimum"]
    annees = b["rsa.conditions.jeune_actif_annees_temps_plein"]
    if s["age"] < b["rsa.conditions.jeune_actif_age_minimum"]:
        return faux("rsa.age.trop_jeune", age_min=age_min)
    heures = s.get("heures_travail_3_ans")
    if heures is None:
        return inconnu("rsa.jeune_actif.inconnu", "heures_travail_3_ans", annees=annees, age_min=age_min)
    if heures >= heures_min:
        return vrai("rsa.jeune_actif.ok", annees=annees)
    return faux("rsa.jeune_actif.non", annees=annees, age_min=age_min)


def condition_titre_sejour_L262_4_2(b: Bareme, s: dict, m: Membre | None = None) -> Critere:
    """Art. L262-4 2° : hors UE, titre autorisant à travailler depuis 5 ans ; a) réfugiés, protection
    subsidiaire et carte de résident exemptés ; b) personne qui a droit à la majoration « parent isolé »
    (L262-9) : un séjour régulier suffit (CSS L512-2)."""
    m = m or la_personne(s)
    conjoint = m.qui == "conjoint"
    annees_min = b["rsa.conditions.annees_titre_sejour_hors_ue"]
    if m.titre_sejour is None:
        return inconnu("rsa.conjoint.titre_inconnu" if conjoint else "rsa.titre.inconnu", m.champ_titre)
    if m.titre_sejour == "aucun":
        return faux("rsa.conjoint.sans_titre" if conjoint else "rsa.titre.aucun")
    if m.titre_sejour == "demande_asile":
        return faux("rsa.conjoint.asile" if conjoint else "rsa.titre.asile")
    if m.titre_sejour in TITRES_EXEMPTES:
        return vrai("rsa.conjoint.titre_ok" if conjoint else "rsa.titre.exempte")
    if m.annees_titre_sejour is None:
        return inconnu("rsa.titre.annees_inconnu", m.champ_annees, annees=annees_min)
    if m.annees_titre_sejour >= annees_min:
        if m.titre_sejour == "recepisse":
            return inconnu("rsa.titre.recepisse")
        return vrai("rsa.conjoint.titre_ok" if conjoint else "rsa.titre.ok", annees=annees_min)
    if conjoint:
        return faux("rsa.conjoint.titre_recent", annees=annees_min)
    return exception_parent_isole_L262_4_2_b(b, s, annees_min)


def exception_parent_isole_L262_4_2_b(b: Bareme, s: dict, annees_min: int) -> Critere:
    """Titre de moins de 5 ans : possible seulement pendant la majoration « parent isolé » (L262-4 2° b)."""
    exception = parent_isole(s)
    if exception is None:
        return inconnu("rsa.titre.trop_recent_isole_inconnu", *_faits_isolement(s), annees=annees_min)
    if exception is False:
        return faux("rsa.titre.trop_recent", annees=annees_min)
    majoration, faits = majoration_isolement_R262_2(b, s)
    age = b["rsa.isolement.age_limite_benjamin"]
    if majoration is None:
        return inconnu("rsa.titre.parent_isole_inconnu", *faits, annees=annees_min, age=age)
    if majoration is False:
        return faux("rsa.titre.parent_isole_fini", annees=annees_min, age=age)
    if s.get("titre_sejour") == "recepisse":
        return inconnu("rsa.titre.recepisse")
    return vrai("rsa.titre.parent_isole")


def condition_residence_ue_L262_6(b: Bareme, s: dict) -> Critere:
    """Art. L262-6 : ressortissant UE, EEE ou Suisse : droit au séjour et 3 mois de résidence, sauf
    travail déclaré (1°). Sans travail, pas de droit au séjour au-delà de 3 mois sans ressources suffisantes
    (CESEDA L233-1), donc pas de RSA, sauf droit au séjour permanent après 5 ans de séjour légal (L234-1)."""
    mois_min = b["rsa.conditions.mois_residence_ue"]
    annees_permanent = b["rsa.conditions.annees_sejour_permanent_ue"]
    if s.get("travail_declare") is True:
        return vrai("rsa.ue.travail")
    mois = s.get("mois_en_france")
    if mois is not None and mois >= 12 * annees_permanent:
        return inconnu("rsa.ue.sejour_permanent", annees=annees_permanent)
    if s.get("travail_declare") is None:
        return inconnu("rsa.ue.travail_inconnu", "travail_declare", *(("mois_en_france",) if mois is None else ()),
                       mois=mois_min, annees=annees_permanent)
    if mois is None:
        return inconnu("rsa.ue.inconnu", "mois_en_france", annees=annees_permanent)
    if mois < mois_min:
        return faux("rsa.ue.trop_recent", mois=mois_min)
    return faux("rsa.ue.sans_travail", annees=annees_permanent)


def condition_nationalite(b: Bareme, s: dict, m: Membre | None = None) -> Critere:
    """Art. L262-4 2°, L262-5 et L262-6 : conditions de séjour selon la nationalité."""
    m = m or la_personne(s)
    if m.nationalite is None:
        return inconnu("rsa.conjoint.nationalite_inconnu" if m.qui == "conjoint" else "rsa.nationalite.inconnu",
                       m.champ_nationalite)
    if m.nationalite == "francaise":
        return vrai("rsa.conjoint.francais" if m.qui == "conjoint" else "rsa.nationalite.francaise")
    if m.nationalite == "ue":
        if m.qui == "conjoint":
            # travail et durée de séjour du conjoint : pas dans le vocabulaire ; la CAF vérifie
            return inconnu("rsa.conjoint.ue")
        return condition_residence_ue_L262_6(b, s)
    return condition_titre_sejour_L262_4_2(b, s, m)


def condition_pas_etudiant_L262_4_4(b: Bareme, s: dict, m: Membre | None = None) -> Critere:
    """Art. L262-4 4° : ni élève, ni étudiant, ni stagiaire, sauf pendant la majoration « parent isolé »."""
    m = m or la_personne(s)
    if m.qui == "conjoint":
        if m.etudiant is None:
            return inconnu("rsa.conjoint.etudiant_inconnu", m.champ_etudiant)
        return faux("rsa.conjoint.etudiant") if m.etudiant else vrai("rsa.conjoint.pas_etudiant")
    if m.etudiant is None:
        return inconnu("rsa.etudiant.inconnu", "etudiant")
    if not m.etudiant:
        return vrai("rsa.etudiant.ok")
    exception = parent_isole(s)
    if exception is None:
        return inconnu("rsa.etudiant.isole_inconnu", *_faits_isolement(s))
    if exception is False:
        return faux("rsa.etudiant.non")
    majoration, faits = majoration_isolement_R262_2(b, s)
    age = b["rsa.isolement.age_limite_benjamin"]
    if majoration is None:
        return inconnu("rsa.etudiant.parent_isole_inconnu", *faits, age=age, mois=b["rsa.isolement.duree_mois"])
    if majoration is False:
        return faux("rsa.etudiant.parent_isole_fini", age=age)
    return vrai("rsa.etudiant.parent_isole")


def compte_dans_le_foyer_L262_5(b: Bareme, s: dict, m: Membre) -> tuple[bool | None, Critere]:
    """Art. L262-5 : l'autre membre du couple compte dans le foyer s'il remplit le 2° (séjour) et le 4° (études).

    Rend (compte, critère montré). Compter ou non ne change pas l'éligibilité, seulement le montant : une
    réponse connue est montrée comme une information (critère vrai) ; un fait inconnu est un critère inconnu."""
    sejour, etudes = condition_nationalite(b, s, m), condition_pas_etudiant_L262_4_4(b, s, m)
    cle = "rsa.foyer.conjoint" if m.qui == "conjoint" else "rsa.foyer.personne"
    if sejour.valeur is False:
        return False, vrai(f"{cle}_sans_sejour")
    if etudes.valeur is False:
        return False, vrai(f"{cle}_etudiant")
    if sejour.valeur is True and etudes.valeur is True:
        return True, vrai(f"{cle}_compte")
    faits = tuple(dict.fromkeys(sejour.manquants + etudes.manquants))
    return None, Critere(None, f"{cle}_inconnu" if faits else f"{cle}_a_verifier", {}, faits)


# --- montant -------------------------------------------------------------------------------------

def _faits_du_montant(s: dict) -> tuple[str, ...]:
    faits = [c for c in ("en_couple", "enfants", "ressources_mensuelles", "logement") if s.get(c) is None]
    if s.get("logement") == "locataire" and s.get("aide_logement") is None:
        faits.append("aide_logement")
    return tuple(faits)


def calcul_montant(b: Bareme, s: dict, conjoint_compte: bool = True, majoration: bool = False) -> dict | None:
    """Montant estimé (art. L262-2, L262-9, R262-9, R262-10) pour un foyer donné ; None si un fait manque.

    conjoint_compte : le conjoint compte dans le foyer (L262-5) ; majoration : la majoration « parent isolé »
    s'applique (R262-2) ; le montant forfaitaire est alors le plus grand des deux (comme OpenFisca).
    """
    if _faits_du_montant(s):
        return None
    deux_adultes = s["en_couple"] and conjoint_compte
    enfants = s["enfants"]
    forfait, plein = forfait_logement_retenu_R262_10(b, s, deux_adultes, enfants)
    base = montant_forfaitaire_L262_2(b, deux_adultes, enfants)
    forfaitaire = max(base, montant_majore_L262_9(b, enfants)) if majoration else base
    return {
        "montant": forfaitaire - s["ressources_mensuelles"] - forfait,
        "forfaitaire": forfaitaire,
        "forfait": forfait,
        "forfait_plein": plein,
        "majoration": majoration,
        "sans_forfait_incertain": s["logement"] == "centre_hebergement",
    }


def _scenarios(b: Bareme, s: dict, compte: bool | None, faits_compte: tuple[str, ...]) -> tuple[list[dict], tuple[str, ...], str | None]:
    """Calculs pour chaque valeur possible des faits qui ne changent que le montant (le conjoint compte-t-il ?
    la majoration s'applique-t-elle ?). Rend (calculs, faits inconnus qui les séparent, cause)."""
    comptes = [True, False] if compte is None else [compte]
    majoration, faits_majoration = majoration_isolement_R262_2(b, s)
    if majoration is None and faits_majoration == ("enceinte",):
        # grossesse non dite : montant non majoré (on ne la suppose pas), la phrase invite à la dire
        majorations, faits_majoration = [False], ()
    elif majoration is None and "en_couple" in faits_majoration:
        majorations, faits_majoration = [False], ()
    else:
        majorations = [True, False] if majoration is None else [majoration]
    calculs = [calcul_montant(b, s, c, m) for c, m in itertools.product(comptes, majorations)]
    if any(c is None for c in calculs):
        return [], (), None
    faits, cause = (), None
    if len(comptes) > 1:
        faits, cause = faits_compte, "conjoint"
    if len(majorations) > 1:
        faits, cause = faits + faits_majoration, cause or "majoration"
    return calculs, faits, cause


def grossesse_non_dite_majorerait(s: dict) -> bool:
    """Personne isolée, sans enfant, grossesse non dite : une grossesse donnerait le montant majoré (L262-9)."""
    return parent_isole(s) is None and isole(s) is True and s.get("enfants") == 0 and s.get("enceinte") is None


def condition_ressources_L262_2(b: Bareme, s: dict, calculs: list[dict], faits: tuple[str, ...], cause: str | None) -> Critere:
    """Art. L262-2 et R262-39 : ressources sous le montant forfaitaire ; pas versé sous 6 €."""
    minimum = b["rsa.montant_minimum_verse"]
    if not calculs:
        return inconnu("rsa.ressources.inconnu", *_faits_du_montant(s))
    verses = [c["montant"] >= minimum for c in calculs]
    if all(verses):
        plus_petit = min(calculs, key=lambda c: c["montant"])
        if plus_petit["sans_forfait_incertain"] and plus_petit["montant"] - plus_petit["forfait_plein"] < minimum:
            return inconnu("rsa.ressources.centre_limite", minimum=minimum)
        return vrai("rsa.ressources.ok", forfaitaire=min(c["forfaitaire"] for c in calculs))
    if any(verses):
        if cause == "conjoint":
            return inconnu("rsa.ressources.conjoint_limite", *faits)
        return inconnu("rsa.ressources.majoration_limite", *faits, age=b["rsa.isolement.age_limite_benjamin"])
    calcul = max(calculs, key=lambda c: c["montant"])
    # grossesse non dite : le montant majoré changerait-il le verdict ?
    if grossesse_non_dite_majorerait(s):
        majore = montant_majore_L262_9(b, 0) - s["ressources_mensuelles"] - calcul["forfait"]
        if majore >= minimum:
            return inconnu("rsa.ressources.enceinte_limite", "enceinte")
    if calcul["montant"] > 0:
        return faux("rsa.ressources.sous_minimum", minimum=minimum)
    return faux("rsa.ressources.trop", forfaitaire=calcul["forfaitaire"])


def trop_meme_sans_forfait_R262_10(b: Bareme, s: dict, compte: bool | None, affiche: Critere | None) -> Critere | None:
    """Locataire dont l'aide au logement n'est pas dite : le forfait logement (R262-10) ne peut que baisser le
    RSA. Si, même sans forfait (aide au logement nulle), aucun cas ne laisse au moins le minimum versé, les
    ressources sont trop hautes quelle que soit l'aide : le refus est sûr, sans demander l'aide au logement
    (ni les faits du conjoint). Sinon None (la règle reste « à vérifier »)."""
    if _faits_du_montant(s) != ("aide_logement",):
        return None
    if grossesse_non_dite_majorerait(s):
        return None  # une grossesse non dite majorerait le montant : on ne conclut pas
    sans_forfait = {**s, "aide_logement": 0}
    calculs, _, _ = _scenarios(b, sans_forfait, compte, affiche.manquants if affiche else ())
    minimum = b["rsa.montant_minimum_verse"]
    if not calculs or any(c["montant"] >= minimum for c in calculs):
        return None
    calcul = max(calculs, key=lambda c: c["montant"])
    if calcul["montant"] > 0:
        return faux("rsa.ressources.sous_minimum", minimum=minimum)
    return faux("rsa.ressources.trop", forfaitaire=calcul["forfaitaire"])


def _notes_montant(b: Bareme, s: dict, calculs: list[dict], cause: str | None, forme: str) -> list:
    notes = []
    if not calculs:
        return notes
    calcul = min(calculs, key=lambda c: c["montant"])
    if calcul["forfait"]:
        notes.append(("rsa.note.forfait_logement", {"forfait": calcul["forfait"]}))
    if calcul["sans_forfait_incertain"]:
        notes.append(("rsa.note.centre_hebergement", {"forfait": calcul["forfait_plein"]}))
    if s.get("logement") == "heberge_avec_participation":
        notes.append(("rsa.note.heberge_avec_participation", {}))
    majores = [c for c in calculs if c["majoration"]]
    if majores and len(majores) == len(calculs):
        if s.get("enceinte") is True and not (s.get("enfants") or 0):
            notes.append(("rsa.note.majoration_enceinte", {}))
        else:
            notes.append(_duree_majoration(b, s))
    elif cause == "majoration":
        haut = max(c["montant"] for c in calculs)
        limite = b["rsa.isolement.age_limite_benjamin"]
        if (s.get("age_plus_jeune_enfant") or -1) >= limite:
            # l'âge du plus jeune est dit : c'est la date de la séparation qui décide (R262-2, 12 mois au plus)
            notes.append(("rsa.note.majoration_possible_separation",
                          {"mois": b["rsa.isolement.duree_mois"], "majore": haut}))
        else:
            notes.append(("rsa.note.majoration_possible", {"age": limite, "majore": haut}))
    if not s["en_couple"] and s["enfants"] == 0 and s.get("enceinte") is None and forme != "il":
        notes.append(("rsa.note.enceinte_inconnu", {}))
    return notes


def _duree_majoration(b: Bareme, s: dict) -> tuple[str, dict]:
    """R262-2 : jusqu'aux 3 ans du plus jeune enfant, sinon 12 mois au plus."""
    age, limite = s.get("age_plus_jeune_enfant"), b["rsa.isolement.age_limite_benjamin"]
    if age is not None and age < limite:
        return ("rsa.note.majoration_benjamin", {"age": limite})
    return ("rsa.note.majoration_duree", {"mois": b["rsa.isolement.duree_mois"], "age": limite})


# --- pièces, lieux --------------------------------------------------------------------------------

def piece_identite(s: dict) -> tuple[str, dict]:
    """Titre de séjour s'il y en a un, sinon pièce d'identité ou passeport."""
    if s.get("titre_sejour") not in (None, "aucun", "demande_asile"):
        return ("pieces.titre_sejour", {})
    return ("pieces.identite", {})


def _pieces(s: dict) -> list:
    pieces = [piece_identite(s)]
    if s.get("adresse_courrier") is False or s.get("logement") in ("rue", "centre_hebergement"):
        pieces.append(("pieces.attestation_domiciliation", {}))
    pieces += [("pieces.rib", {}), ("pieces.ressources_3_mois", {})]
    if s.get("logement") == "locataire":
        pieces.append(("pieces.bail", {}))
    if s.get("logement") in ("heberge_gratuitement", "heberge_avec_participation"):
        pieces.append(("pieces.attestation_hebergement", {}))
    if (s.get("enfants") or 0) > 0:
        pieces.append(("pieces.livret_famille", {}))
    if s.get("enceinte") is True:
        pieces.append(("pieces.declaration_grossesse", {}))
    if s.get("en_couple") and s.get("conjoint_nationalite") == "hors_ue" and s.get("conjoint_titre_sejour") not in (None, "aucun"):
        pieces.append(("pieces.titre_sejour_conjoint", {}))
    return pieces


def _lieux(b: Bareme, s: dict, forme: str) -> list[str]:
    """CAF (3230) ; sans domicile, la PSA qui instruit le RSA (Conseil de Paris 2016, 2018)."""
    if not sans_domicile(s):
        return ["caf_3230"]
    return ["caf_3230", "psa"]


# --- le droit -------------------------------------------------------------------------------------

def deja_au_rsa(b: Bareme, s: dict) -> Decision:
    """Le foyer touche déjà le RSA (issue 11) : pas de question ; garder le droit (déclaration trimestrielle)."""
    critere = vrai("rsa.deja.ok")
    return Decision(
        valeur=True, criteres=[critere], resume=("rsa.resume.deja", {}),
        notes=[("rsa.note.changement", {})],
        lieux=["caf_3230"], references=refs(b, "rsa"), etape=("rsa.etape.deja", {}),
    )


def _conditions(b: Bareme, s: dict, m: Membre) -> list[Critere]:
    return [condition_age_L262_4_1(b, s, m), condition_nationalite(b, s, m), condition_pas_etudiant_L262_4_4(b, s, m)]


def sans_grossesse_possible(s: dict) -> dict:
    """Un homme (dit : « monsieur », « je suis père… ») qui ne vit pas en couple n'attend pas d'enfant dans son
    foyer (L262-4 1°, L262-9 : l'enfant « à naître » du foyer) : la grossesse ne se demande pas."""
    if s.get("enceinte") is None and s.get("genre") == "homme" and s.get("en_couple") is False:
        return {**s, "enceinte": False}
    return s


def rsa(b: Bareme, s: dict, forme: str, avant: Mapping[str, Decision] | None = None) -> Decision:
    if s.get("percoit_rsa") is True:
        return deja_au_rsa(b, s)
    s = sans_grossesse_possible(s)
    personne = la_personne(s)
    conditions_personne = _conditions(b, s, personne)
    par_la_personne = et(conditions_personne)
    criteres = list(conditions_personne)
    compte, affiche = True, None
    if s.get("en_couple") is True:
        conjoint = son_conjoint(s)
        conditions_conjoint = _conditions(b, s, conjoint)
        par_le_conjoint = et(conditions_conjoint)
        if par_la_personne is True:
            compte, affiche = compte_dans_le_foyer_L262_5(b, s, conjoint)
        elif par_le_conjoint is True:
            # le conjoint demande pour le foyer ; la personne compte si elle remplit le 2° et le 4°
            criteres = [vrai("rsa.demandeur.conjoint")] + [c for c in conditions_personne if c.valeur is True]
            compte, affiche = compte_dans_le_foyer_L262_5(b, s, personne)
        elif par_le_conjoint is None:
            faits = tuple(dict.fromkeys(m for c in conditions_conjoint if c.valeur is None for m in c.manquants))
            criteres.append(inconnu("rsa.demandeur.conjoint_inconnu", *faits))
            compte, affiche = compte_dans_le_foyer_L262_5(b, s, conjoint)
        else:
            criteres.append(faux("rsa.demandeur.conjoint_non"))
            compte, affiche = compte_dans_le_foyer_L262_5(b, s, conjoint)
        eligible_foyer = ou(par_la_personne, par_le_conjoint)
        criteres.append(affiche)
    else:
        eligible_foyer = par_la_personne
    calculs, faits_montant, cause = _scenarios(b, s, compte, affiche.manquants if affiche else ())
    ressources = condition_ressources_L262_2(b, s, calculs, faits_montant, cause)
    if not calculs:
        ressources = trop_meme_sans_forfait_R262_10(b, s, compte, affiche) or ressources
    criteres.append(ressources)
    valeur = et([Critere(eligible_foyer, ""), ressources])
    minimum = b["rsa.montant_minimum_verse"]
    verses = [round(c["montant"], 2) for c in calculs if c["montant"] >= minimum]
    montant = montant_min = montant_max = None
    if verses and valeur is not False:
        montant_min, montant_max = min(verses), max(verses)
        montant = montant_min
    a_preciser = faits_montant if valeur is True and montant_min != montant_max else ()
    if valeur is True:
        resume = ("rsa.resume.eligible", {"montant": montant}) if montant_min == montant_max else \
            ("rsa.resume.eligible_fourchette", {"min": montant_min, "max": montant_max})
        etape = ("rsa.etape.demander_psa" if sans_domicile(s) else "rsa.etape.demander", {})
    elif valeur is False:
        resume, etape = ("rsa.resume.non_eligible", {}), ("rsa.etape.non_eligible", {})
    elif montant is not None:
        resume, etape = ("rsa.resume.a_verifier_montant", {"montant": montant}), ("rsa.etape.a_verifier", {})
    else:
        resume, etape = ("rsa.resume.a_verifier", {}), ("rsa.etape.a_verifier", {})
    notes = _notes_montant(b, s, calculs, cause, forme) if valeur is not False else []
    lieux = _lieux(b, s, forme) if valeur is not False else ["caf_3230"]
    references = refs(b, "rsa")
    if valeur is False:
        notes += _notes_refus(s, criteres)
        if personne.titre_sejour == "demande_asile":
            # CESEDA L553-1 : l'ADA, versée par l'OFII, remplace le RSA pendant la demande d'asile
            resume, etape, lieux = ("rsa.resume.asile", {}), ("rsa.etape.ada", {}), ["spada"]
            notes += [("rsa.note.ada", {}), ("rsa.note.ada_conditions", {})]
            references = references + refs(b, "ada")
    return Decision(
        valeur=valeur, criteres=criteres, resume=resume, montant=montant, notes=notes,
        pieces=_pieces(s) if valeur is not False else [], lieux=lieux, references=references,
        montant_min=montant_min, montant_max=montant_max, a_preciser=a_preciser, etape=etape,
    )


def _notes_refus(s: dict, criteres: list[Critere]) -> list:
    """Après un refus, ce qui peut encore aider (sans répéter la raison)."""
    notes = []
    textes = {c.texte for c in criteres if c.valeur is False}
    if "rsa.ue.sans_travail" in textes:
        notes.append(("rsa.note.ue_ancien_travailleur", {}))
    if s.get("en_couple") is None and not textes & {"rsa.ressources.trop", "rsa.ressources.sous_minimum"}:
        # refus pour des conditions de la personne : en couple, l'autre pourrait demander (L262-4 au demandeur) ;
        # on ne le demande pas pour autant, on le dit
        notes.append(("rsa.note.conjoint_peut_demander", {}))
    return notes


def montant_plancher(x: float) -> int:
    """Euros entiers affichés (« environ 651 € ») : on arrondit vers le bas."""
    return math.floor(x + 1e-9)

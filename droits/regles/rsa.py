"""RSA, revenu de solidarité active (articles L262-1 et suivants du CASF).

Une fonction par notion du droit, nommée comme le texte ; les nombres sont dans droits/parametres/rsa/.
Montant = montant forfaitaire du foyer (majoré pour une personne isolée enceinte) − ressources
mensuelles moyennes − forfait logement ; pas versé sous le montant minimum.
"""
from __future__ import annotations

from typing import Mapping

import math

from ..parametres import Bareme
from .logique import Critere, Decision, et, faux, inconnu, vrai
from .orientation import permanences_sociales, sans_domicile
from .references import refs

TITRES_EXEMPTES = ("protection_internationale", "carte_resident")


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

    Plein si logé gratuitement ou propriétaire ; le plus petit de l'aide au logement et du forfait
    pour qui touche une aide au logement ; rien à la rue. En centre d'hébergement : rien, comme
    OpenFisca (`rsa_forfait_logement`), mais c'est incertain : la phrase le dit.
    """
    plein = forfait_logement_R262_9(b, en_couple, enfants)
    logement = s.get("logement")
    if logement in ("rue", "centre_hebergement", "heberge_avec_participation"):
        # hébergé en payant une part : ce n'est pas un logement gratuit, pas de forfait (à affiner, issue 12)
        return 0.0, plein
    if logement in ("heberge_gratuitement", "proprietaire"):
        return plein, plein
    if logement == "locataire":
        aide = s.get("aide_logement")
        return (None if aide is None else min(aide, plein)), plein
    return None, plein


# --- conditions -----------------------------------------------------------------------------------

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


def condition_age_L262_4_1(b: Bareme, s: dict) -> Critere:
    """Art. L262-4 1° : 25 ans ou plus, ou un enfant né ou à naître ; art. L262-7-1 : jeune actif."""
    age, minimum = s.get("age"), b["rsa.conditions.age_minimum"]
    if age is None:
        if (s.get("enfants") or 0) > 0 or s.get("enceinte") is True:
            return vrai("rsa.age.parent", age_min=minimum)
        return inconnu("rsa.age.inconnu", "age")
    if age >= minimum:
        return vrai("rsa.age.ok", age_min=minimum)
    enfants, enceinte = s.get("enfants"), s.get("enceinte")
    if (enfants or 0) > 0 or enceinte is True:
        return vrai("rsa.age.jeune_parent", age_min=minimum)
    if enfants is None:
        return inconnu("rsa.age.jeune_enfant_inconnu", "enfants", age_min=minimum)
    if enceinte is None:
        return inconnu("rsa.age.jeune_enceinte_inconnu", "enceinte", age_min=minimum)
    return condition_jeune_actif_D262_25_1(b, s)


def condition_jeune_actif_D262_25_1(b: Bareme, s: dict) -> Critere:
    """Art. L262-7-1 et D262-25-1 : de 18 à 24 ans, 2 ans de travail à temps plein sur 3 ans (en heures)."""
    heures_min = b["rsa.conditions.jeune_actif_heures"]
    age_min = b["rsa.conditions.age_minimum"]
    if s["age"] < b["rsa.conditions.jeune_actif_age_minimum"]:
        return faux("rsa.age.trop_jeune", age_min=age_min)
    heures = s.get("heures_travail_3_ans")
    if heures is None:
        return inconnu("rsa.jeune_actif.inconnu", "heures_travail_3_ans", heures=heures_min, age_min=age_min)
    if heures >= heures_min:
        return vrai("rsa.jeune_actif.ok", heures=heures_min)
    return faux("rsa.jeune_actif.non", heures=heures_min, age_min=age_min)


def condition_titre_sejour_L262_4_2(b: Bareme, s: dict) -> Critere:
    """Art. L262-4 2° : hors UE, titre autorisant à travailler depuis 5 ans ; réfugiés, protection
    subsidiaire et carte de résident exemptés. Parent isolé : séjour régulier suffisant (non vérifié)."""
    annees_min = b["rsa.conditions.annees_titre_sejour_hors_ue"]
    titre = s.get("titre_sejour")
    if titre is None:
        return inconnu("rsa.titre.inconnu", "titre_sejour")
    if titre == "aucun":
        return faux("rsa.titre.aucun")
    if titre == "demande_asile":
        return faux("rsa.titre.asile")
    if titre in TITRES_EXEMPTES:
        return vrai("rsa.titre.exempte")
    annees = s.get("annees_titre_sejour")
    if annees is None:
        return inconnu("rsa.titre.annees_inconnu", "annees_titre_sejour", annees=annees_min)
    if annees >= annees_min:
        if titre == "recepisse":
            return inconnu("rsa.titre.recepisse", annees=annees_min)
        return vrai("rsa.titre.ok", annees=annees_min)
    exception = parent_isole(s)
    if exception is True:
        return inconnu("rsa.titre.parent_isole", annees=annees_min)
    if exception is None:
        return inconnu("rsa.titre.trop_recent_isole_inconnu", *_faits_isolement(s), annees=annees_min)
    return faux("rsa.titre.trop_recent", annees=annees_min)


def _faits_isolement(s: dict) -> tuple[str, ...]:
    faits = [c for c in ("en_couple", "enfants") if s.get(c) is None]
    if s.get("enfants") == 0 and s.get("enceinte") is None:
        faits.append("enceinte")
    return tuple(faits)


def condition_residence_ue_L262_6(b: Bareme, s: dict) -> Critere:
    """Art. L262-6 : ressortissant UE, EEE ou Suisse : droit au séjour et 3 mois de résidence."""
    mois_min = b["rsa.conditions.mois_residence_ue"]
    mois = s.get("mois_en_france")
    if mois is None:
        return inconnu("rsa.ue.inconnu", "mois_en_france", mois=mois_min)
    if mois < mois_min:
        return faux("rsa.ue.trop_recent", mois=mois_min)
    return inconnu("rsa.ue.droit_au_sejour", mois=mois_min)


def condition_nationalite(b: Bareme, s: dict) -> Critere:
    """Art. L262-4 2° et L262-6 : conditions de séjour selon la nationalité."""
    nationalite = s.get("nationalite")
    if nationalite is None:
        return inconnu("rsa.nationalite.inconnu", "nationalite")
    if nationalite == "francaise":
        return vrai("rsa.nationalite.francaise")
    if nationalite == "ue":
        return condition_residence_ue_L262_6(b, s)
    return condition_titre_sejour_L262_4_2(b, s)


def condition_pas_etudiant_L262_4_4(s: dict) -> Critere:
    """Art. L262-4 4° : ni élève, ni étudiant, ni stagiaire, sauf droit à la majoration (parent isolé)."""
    etudiant = s.get("etudiant")
    if etudiant is None:
        return inconnu("rsa.etudiant.inconnu", "etudiant")
    if not etudiant:
        return vrai("rsa.etudiant.ok")
    exception = parent_isole(s)
    if exception is True:
        return vrai("rsa.etudiant.parent_isole")
    if exception is None:
        return inconnu("rsa.etudiant.isole_inconnu", *_faits_isolement(s))
    return faux("rsa.etudiant.non")


def _faits_du_montant(s: dict) -> tuple[str, ...]:
    faits = [c for c in ("en_couple", "enfants", "ressources_mensuelles", "logement") if s.get(c) is None]
    if s.get("logement") == "locataire" and s.get("aide_logement") is None:
        faits.append("aide_logement")
    return tuple(faits)


def calcul_montant(b: Bareme, s: dict) -> dict | None:
    """Montant estimé (art. L262-2, L262-9, R262-9, R262-10) ; None si un fait manque."""
    if _faits_du_montant(s):
        return None
    en_couple, enfants = s["en_couple"], s["enfants"]
    forfait, plein = forfait_logement_retenu_R262_10(b, s, en_couple, enfants)
    base = montant_forfaitaire_L262_2(b, en_couple, enfants)
    majore = montant_majore_L262_9(b, enfants) if not en_couple else None
    enceinte_isolee = not en_couple and s.get("enceinte") is True
    forfaitaire = majore if enceinte_isolee else base
    montant = forfaitaire - s["ressources_mensuelles"] - forfait
    return {
        "montant": montant,
        "forfaitaire": forfaitaire,
        "forfait": forfait,
        "forfait_plein": plein,
        "majore": majore,
        "majoration_appliquee": enceinte_isolee,
        # parent isolé avec enfant : majoration possible selon l'âge du benjamin (art. R262-2), non demandé
        "majoration_possible": (not en_couple) and enfants > 0 and not enceinte_isolee,
        "sans_forfait_incertain": s["logement"] == "centre_hebergement",
    }


def condition_ressources_L262_2(b: Bareme, s: dict, calcul: dict | None) -> Critere:
    """Art. L262-2 et R262-39 : ressources sous le montant forfaitaire ; pas versé sous 6 €."""
    minimum = b["rsa.montant_minimum_verse"]
    if calcul is None:
        return inconnu("rsa.ressources.inconnu", *_faits_du_montant(s))
    montant = calcul["montant"]
    if montant >= minimum:
        if calcul["sans_forfait_incertain"] and montant - calcul["forfait_plein"] < minimum:
            return inconnu("rsa.ressources.centre_limite", minimum=minimum)
        return vrai("rsa.ressources.ok", forfaitaire=calcul["forfaitaire"])
    majore_suffit = calcul["majore"] is not None and calcul["majore"] - s["ressources_mensuelles"] - calcul["forfait"] >= minimum
    if calcul["majoration_possible"] and majore_suffit:
        return inconnu("rsa.ressources.majoration_limite", age=b["rsa.isolement.age_limite_benjamin"])
    if majore_suffit and not calcul["majoration_appliquee"] and s.get("enceinte") is None:
        return inconnu("rsa.ressources.enceinte_limite", "enceinte")
    if montant > 0:
        return faux("rsa.ressources.sous_minimum", minimum=minimum)
    return faux("rsa.ressources.trop", forfaitaire=calcul["forfaitaire"])


def _notes_montant(b: Bareme, s: dict, calcul: dict | None, forme: str) -> list:
    notes = []
    if calcul is None:
        return notes
    if calcul["forfait"]:
        notes.append(("rsa.note.forfait_logement", {"forfait": calcul["forfait"]}))
    if calcul["sans_forfait_incertain"]:
        notes.append(("rsa.note.centre_hebergement", {"forfait": calcul["forfait_plein"]}))
    if calcul["majoration_appliquee"]:
        notes.append(("rsa.note.majoration_enceinte", {}))
    if calcul["majoration_possible"]:
        majore = calcul["majore"] - s["ressources_mensuelles"] - calcul["forfait"]
        notes.append(("rsa.note.majoration_possible", {"age": b["rsa.isolement.age_limite_benjamin"], "majore": majore}))
    if not s["en_couple"] and s["enfants"] == 0 and s.get("enceinte") is None and forme != "il":
        notes.append(("rsa.note.enceinte_inconnu", {}))
    return notes


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
    if s.get("logement") == "heberge_gratuitement":
        pieces.append(("pieces.attestation_hebergement", {}))
    if (s.get("enfants") or 0) > 0:
        pieces.append(("pieces.livret_famille", {}))
    if s.get("enceinte") is True:
        pieces.append(("pieces.declaration_grossesse", {}))
    return pieces


def _lieux(b: Bareme, s: dict, forme: str) -> list[str]:
    """CAF (3230) ; sans domicile, la PSA qui instruit le RSA (Conseil de Paris 2016, 2018)."""
    if not sans_domicile(s):
        return ["caf_3230"]
    return ["caf_3230", *permanences_sociales(s, forme, b["rsa.conditions.age_minimum"])]


def rsa(b: Bareme, s: dict, forme: str, avant: Mapping[str, Decision] | None = None) -> Decision:
    calcul = calcul_montant(b, s)
    criteres = [
        condition_age_L262_4_1(b, s),
        condition_nationalite(b, s),
        condition_pas_etudiant_L262_4_4(s),
        condition_ressources_L262_2(b, s, calcul),
    ]
    valeur = et(criteres)
    montant = None
    if calcul is not None and calcul["montant"] >= b["rsa.montant_minimum_verse"] and valeur is not False:
        montant = round(calcul["montant"], 2)
    if valeur is True:
        resume = ("rsa.resume.eligible", {"montant": montant})
    elif valeur is False:
        resume = ("rsa.resume.non_eligible", {})
    elif montant is not None:
        resume = ("rsa.resume.a_verifier_montant", {"montant": montant})
    else:
        resume = ("rsa.resume.a_verifier", {})
    notes = _notes_montant(b, s, calcul, forme) if valeur is not False else []
    if valeur is not False:
        notes.append(("rsa.note.demarche", {}))
    return Decision(
        valeur=valeur, criteres=criteres, resume=resume, montant=montant, notes=notes,
        pieces=_pieces(s) if valeur is not False else [],
        lieux=_lieux(b, s, forme) if valeur is not False else ["caf_3230"],
        references=refs(b, "rsa"),
    )


def montant_plancher(x: float) -> int:
    """Euros entiers affichés (« environ 651 € ») : on arrondit vers le bas."""
    return math.floor(x + 1e-9)

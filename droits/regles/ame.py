"""AME, aide médicale de l'État (articles L251-1 et suivants du CASF).

Conditions : étranger sans titre de séjour ni récépissé, en France depuis plus de 3 mois en situation
irrégulière (depuis la fin du visa ou du titre : décret 2020-1325), ressources des 12 derniers mois sous le
plafond de la complémentaire santé solidaire sans participation (art. L861-1 1° CSS, plafonds publiés,
droits/regles/plafonds_css.py). Mineurs : AME sans condition. Demandeurs d'asile : assurance maladie
(PUMa) après 3 mois (D160-2 CSS, décret 2019-1531), soins urgents avant (L254-1 CASF). Personnes avec un
titre : assurance maladie et C2S. Moins de 3 mois : soins urgents.
En couple : le conjoint et ses ressources comptent seulement s'il est aussi sans titre (circ. DSS 2011-351).
"""
from __future__ import annotations

from typing import Mapping

from ..parametres import PARAMETRES, Bareme
from .logique import Critere, Decision, et, faux, inconnu, ou, vrai
from .plafonds_css import (PLAFOND_UNE_PERSONNE, forfait_logement_R861_5, plafond_officiel,
                           plafond_sans_participation_R861_3, ressources_annuelles)
from .references import refs

def condition_etranger_sans_titre_L251_1(s: dict) -> Critere:
    """Art. L251-1 CASF : étranger en situation irrégulière (ni titre de séjour, ni récépissé)."""
    nationalite = s.get("nationalite")
    if nationalite is None:
        return inconnu("ame.nationalite.inconnu", "nationalite")
    if nationalite == "francaise":
        return faux("ame.nationalite.francaise")
    if nationalite == "ue":
        return inconnu("ame.nationalite.ue")
    titre = s.get("titre_sejour")
    if titre is None:
        return inconnu("ame.titre.inconnu", "titre_sejour")
    if titre == "aucun":
        return vrai("ame.titre.aucun")
    if titre == "demande_asile":
        return faux("ame.titre.asile")
    return faux("ame.titre.regulier")


def condition_residence_L251_1(b: Bareme, s: dict) -> Critere:
    """Art. L251-1 CASF : en France depuis plus de 3 mois, en situation irrégulière pendant ces 3 mois : pour
    une personne entrée avec un visa ou dont le titre a pris fin, les 3 mois courent depuis cette fin
    (décret 2020-1325 du 30 octobre 2020, article 4 du décret 2005-860)."""
    mois_min = b["ame.mois_residence_minimum"]
    mois, sans_titre = s.get("mois_en_france"), s.get("mois_sans_titre")
    if mois is not None and mois < mois_min:
        return faux("ame.residence.non", mois=mois_min)
    if s.get("nationalite") == "ue":
        # pas de visa pour un Européen : la durée en France compte
        if mois is None:
            return inconnu("ame.residence.inconnu_ue", "mois_en_france", mois=mois_min)
        return vrai("ame.residence.ok_ue", mois=mois_min)
    if sans_titre is not None:
        if sans_titre >= mois_min:
            return vrai("ame.residence.ok", mois=mois_min)
        return faux("ame.residence.visa", mois=mois_min)
    if s.get("titre_sejour") == "aucun":
        # la fin du visa ou du titre décide ; sans visa, c'est la date d'arrivée
        return inconnu("ame.residence.sans_titre_inconnu", "mois_sans_titre", mois=mois_min)
    # papiers pas encore connus : cette question viendra après (elle ne compte que sans titre de séjour)
    return inconnu("ame.residence.inconnu", mois=mois_min)


def conjoint_sans_titre(s: dict) -> bool | None:
    """Le conjoint est-il aussi sans titre (il compte alors dans le foyer de l'AME) ? None si on ne sait pas."""
    if not s.get("en_couple"):
        return False
    nationalite, titre = s.get("conjoint_nationalite"), s.get("conjoint_titre_sejour")
    if nationalite in ("francaise", "ue") or titre not in (None, "aucun"):
        return False
    if titre == "aucun":
        return True
    return None


def condition_ressources_L861_1(b: Bareme, s: dict) -> Critere:
    """Art. L251-1 CASF et L861-1 1° CSS : ressources sous le plafond de la CSS sans participation.

    En couple, le conjoint compte seulement s'il est aussi sans titre (circ. DSS 2011-351) : sous le plafond
    sans lui, c'est bon dans tous les cas ; au-dessus, il faut savoir ses papiers ; s'il a des papiers, seules
    les ressources de la personne comptent, que le vocabulaire ne sépare pas de celles du foyer."""
    ressources, estimees = ressources_annuelles(s)
    if ressources is None:
        return inconnu("ame.ressources.inconnu", "ressources_mensuelles")
    marge = b["ame.marge_a_verifier"]
    personnes_connues = s.get("en_couple") is not None and s.get("enfants") is not None
    seul = plafond_sans_participation_R861_3(b, 1)
    if not personnes_connues:
        if ressources <= seul * (1 - marge):
            return _sous_plafond(b, s, ressources, estimees, seul, 1)
        faits = tuple(c for c in ("en_couple", "enfants") if s.get(c) is None)
        return inconnu("ame.ressources.foyer_inconnu", *faits)
    personnes = 1 + s["enfants"]
    plafond = plafond_sans_participation_R861_3(b, personnes)
    if s["en_couple"] and ressources > plafond:
        conjoint = conjoint_sans_titre(s)
        if conjoint is None:
            faits = tuple(c for c in ("conjoint_nationalite", "conjoint_titre_sejour") if s.get(c) is None)
            return inconnu("ame.ressources.conjoint", *faits, plafond=plafond, personnes=personnes)
        if conjoint is False:
            return inconnu("ame.ressources.conjoint_regulier", plafond=plafond, personnes=personnes)
        personnes += 1
        plafond = plafond_sans_participation_R861_3(b, personnes)
    ecart = abs(ressources - plafond)
    if not plafond_officiel(b, personnes) and ecart <= marge * plafond:
        return inconnu("ame.ressources.plafond_non_publie_limite", plafond=plafond, personnes=personnes)
    if estimees and ecart <= marge * plafond:
        return inconnu("ame.ressources.estimation_limite", "ressources_annuelles", plafond=plafond, personnes=personnes)
    if ressources > plafond:
        return faux("ame.ressources.trop", plafond=plafond, personnes=personnes)
    return _sous_plafond(b, s, ressources, estimees, plafond, personnes)


def _sous_plafond(b: Bareme, s: dict, ressources: float, estimees: bool, plafond: int, personnes: int) -> Critere:
    if ressources + forfait_logement_R861_5(b, personnes) > plafond:
        if s.get("logement") == "heberge_gratuitement":
            return inconnu("ame.ressources.forfait_logement_limite", plafond=plafond, personnes=personnes)
        if s.get("logement") is None:
            return inconnu("ame.ressources.logement_inconnu", "logement", plafond=plafond, personnes=personnes)
    if estimees:
        return vrai("ame.ressources.ok_estimation", plafond=plafond, personnes=personnes)
    return vrai("ame.ressources.ok", plafond=plafond, personnes=personnes)


def condition_mineur(b: Bareme, s: dict) -> Critere:
    """ameli.fr : un mineur étranger a l'AME sans condition de résidence ni de ressources."""
    majorite = b["ame.age_majorite"]
    nationalite, titre, age = s.get("nationalite"), s.get("titre_sejour"), s.get("age")
    if nationalite in ("francaise", "ue") or titre not in (None, "aucun"):
        return faux("ame.mineur.non_concerne", age=majorite)
    if age is None:
        return inconnu("ame.mineur.inconnu", "age", age=majorite)
    if age < majorite:
        if nationalite is None:
            return inconnu("ame.mineur.nationalite_inconnue", "nationalite", age=majorite)
        if titre is None:
            # demande d'asile ou titre : PUMa plutôt que l'AME
            return inconnu("ame.mineur.titre_inconnu", "titre_sejour", age=majorite)
        return vrai("ame.mineur.ok", age=majorite)
    return faux("ame.mineur.non_concerne", age=majorite)


def _notes(b: Bareme, s: dict, adultes: list[Critere], valeur: bool | None) -> list:
    notes = []
    ressources, _ = ressources_annuelles(s)
    if b.non_publiee(PLAFOND_UNE_PERSONNE) and ressources is not None and adultes[0].valeur is not False:
        parametre = PARAMETRES[PLAFOND_UNE_PERSONNE]
        notes.append(("ame.note.plafond_a_confirmer", {"annee": str(parametre.debut(b.date).year)}))
    residence = adultes[1]
    if residence.valeur is False:
        notes.append(("ame.note.soins_urgents", {}))
        if s.get("enceinte") is True:
            notes.append(("ame.note.grossesse_soins_urgents", {}))  # CASF L254-1 : « enfant à naître »
    titre = s.get("titre_sejour")
    if titre == "demande_asile":
        notes.append(("ame.note.asile_soins_urgents", {"mois": b["ame.mois_residence_minimum"]}))
    elif s.get("nationalite") == "francaise" or titre in ("recepisse", "titre_travail", "carte_resident", "protection_internationale"):
        notes.append(("ame.note.puma_css", {}))
    if valeur is False and (s.get("enfants") or 0) > 0 and adultes[2].valeur is False:
        notes.append(("ame.note.enfants_sans_condition", {}))
    if valeur is not False:
        notes.append(("ame.note.adresse", {}))
        notes.append(("ame.note.demarche", {}))
    return notes


def _pieces(b: Bareme, s: dict) -> list:
    pieces = [("pieces.ame.formulaire", {}), ("pieces.ame.identite", {}),
              ("pieces.ame.presence_3_mois", {"mois": b["ame.mois_residence_minimum"]})]
    logement = s.get("logement")
    if logement in ("heberge_gratuitement", "heberge_avec_participation"):
        pieces.append(("pieces.attestation_hebergement_honneur", {}))
    elif logement == "locataire":
        pieces.append(("pieces.bail", {}))
    elif logement == "centre_hebergement":
        pieces.append(("pieces.attestation_centre", {}))
    if s.get("domiciliation") is True or s.get("adresse_courrier") is False or logement == "rue":
        pieces.append(("pieces.attestation_domiciliation", {}))
    pieces.append(("pieces.ame.ressources_12_mois", {}))
    if (s.get("enfants") or 0) > 0:
        pieces.append(("pieces.livret_famille", {}))
    return pieces


def ame(b: Bareme, s: dict, forme: str, avant: Mapping[str, Decision] | None = None) -> Decision:
    adultes = [condition_etranger_sans_titre_L251_1(s), condition_residence_L251_1(b, s), condition_ressources_L861_1(b, s)]
    mineur = condition_mineur(b, s)
    valeur_adulte = et(adultes)
    valeur = ou(mineur.valeur, valeur_adulte)
    if valeur is True and mineur.valeur is True:
        criteres = [mineur]
    elif adultes[0].valeur is False:
        # pas concerné (français, titre de séjour, asile) : le reste ne compte pas
        criteres = [adultes[0]]
    elif valeur_adulte is False:
        # la branche adulte est tranchée : ses inconnues ne comptent plus
        criteres = [c for c in adultes if c.valeur is not None] + ([mineur] if mineur.valeur is None else [])
    else:
        # branche adulte vraie ou encore inconnue : l'âge ne compte que si elle devient fausse
        criteres = adultes
    if valeur is True:
        resume = ("ame.resume.eligible", {})
    elif valeur is False:
        resume = ("ame.resume.non_eligible", {})
    else:
        resume = ("ame.resume.a_verifier", {})
    titre = s.get("titre_sejour")
    etape_utile = False
    references = refs(b, "ame")
    if adultes[1].valeur is False and mineur.valeur is not True:
        lieux = ["pass", "numero_15"]
        etape = ("ame.etape.pass", {})
        etape_utile = True  # pas encore d'AME, mais des soins à chercher maintenant : dit dans le verdict court
        references = references + refs(b, "soins_urgents")
    elif valeur is False:
        lieux = ["cpam"]
        if titre == "demande_asile":
            etape = ("ame.etape.asile", {"mois": b["ame.mois_residence_minimum"]})
        elif s.get("nationalite") == "francaise" or titre not in (None, "aucun"):
            etape = ("ame.etape.assurance_maladie", {})
        else:
            etape = ("ame.etape.non_eligible", {})
    else:
        lieux = ["cpam", "pass"]
        etape = ("ame.etape.demander" if valeur else "ame.etape.a_verifier", {"mois": b["ame.mois_residence_minimum"]})
    return Decision(
        valeur=valeur, criteres=criteres, resume=resume, notes=_notes(b, s, adultes, valeur),
        pieces=_pieces(b, s) if valeur is not False else [], lieux=lieux, references=references, etape=etape,
        etape_utile=etape_utile,
    )

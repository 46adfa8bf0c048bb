"""AME, aide médicale de l'État (articles L251-1 et suivants du CASF).

Conditions : étranger sans titre de séjour ni récépissé, résidence ininterrompue de plus de 3 mois,
ressources des 12 derniers mois sous le plafond de la complémentaire santé solidaire sans
participation (art. L861-1 1° CSS, coefficients R861-3). Mineurs : AME sans condition.
Demandeurs d'asile et personnes avec un titre : PUMa et CSS. Moins de 3 mois : soins urgents
(art. L254-1 CASF).
"""
from __future__ import annotations

from typing import Mapping

import math

from ..parametres import PARAMETRES, Bareme
from .logique import Critere, Decision, et, faux, inconnu, ou, vrai
from .references import refs

PLAFOND = "css.plafond_base"


def plafond_ressources_R861_3(b: Bareme, personnes: int) -> int:
    """Art. R861-3 CSS : plafond × 1 ; +50 % (2e personne) ; +30 % (3e et 4e) ; +40 % par personne ensuite.
    Arrondi à l'euro inférieur ; au-delà de 4 personnes, on ajoute le supplément arrondi (comme l'arrêté)."""
    base = b[PLAFOND]
    coefs = [1.0, b["css.coefficient_deuxieme_personne"], b["css.coefficient_troisieme_quatrieme_personne"],
             b["css.coefficient_troisieme_quatrieme_personne"]]
    coef = sum(coefs[: min(personnes, 4)])
    plafond = math.floor(base * coef + 1e-9)
    if personnes > 4:
        plafond += (personnes - 4) * math.floor(base * b["css.coefficient_cinquieme_personne_et_plus"] + 1e-9)
    return plafond


def forfait_logement_R861_5(b: Bareme, personnes: int) -> float:
    """Art. R861-5 CSS : forfait logement annuel ajouté aux ressources d'un foyer logé gratuitement
    (application à l'AME non vérifiée)."""
    socle = b["rsa.montant_forfaitaire"]
    if personnes == 1:
        return 12 * socle * b["css.forfait_logement.taux_1_personne"]
    coef = 1 + b["rsa.majoration_deuxieme_personne"]
    if personnes == 2:
        return 12 * socle * coef * b["css.forfait_logement.taux_2_personnes"]
    coef += b["rsa.majoration_personne_supplementaire"]
    return 12 * socle * coef * b["css.forfait_logement.taux_3_personnes_ou_plus"]


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
    """Art. L251-1 CASF : résidence ininterrompue en France depuis plus de 3 mois (mois révolus)."""
    mois_min = b["ame.mois_residence_minimum"]
    mois = s.get("mois_en_france")
    if mois is None:
        return inconnu("ame.residence.inconnu", "mois_en_france", mois=mois_min)
    if mois >= mois_min:
        return vrai("ame.residence.ok", mois=mois_min)
    return faux("ame.residence.non", mois=mois_min)


def ressources_annuelles(s: dict) -> tuple[float | None, bool]:
    """Ressources des 12 derniers mois ; à défaut 12 × ressources mensuelles (estimation)."""
    if s.get("ressources_annuelles") is not None:
        return s["ressources_annuelles"], False
    if s.get("ressources_mensuelles") is not None:
        return 12 * s["ressources_mensuelles"], True
    return None, False


def condition_ressources_L861_1(b: Bareme, s: dict) -> Critere:
    """Art. L251-1 CASF et L861-1 1° CSS : ressources sous le plafond de la CSS sans participation."""
    ressources, estimees = ressources_annuelles(s)
    if ressources is None:
        return inconnu("ame.ressources.inconnu", "ressources_mensuelles")
    marge = b["ame.marge_a_verifier"]
    personnes_connues = s.get("en_couple") is not None and s.get("enfants") is not None
    if not personnes_connues:
        if ressources <= plafond_ressources_R861_3(b, 1) * (1 - marge):
            return _sous_plafond(b, s, ressources, estimees, plafond_ressources_R861_3(b, 1), 1)
        faits = tuple(c for c in ("en_couple", "enfants") if s.get(c) is None)
        return inconnu("ame.ressources.foyer_inconnu", *faits)
    personnes = 1 + s["enfants"]
    plafond = plafond_ressources_R861_3(b, personnes)
    if s["en_couple"]:
        # circ. DSS 2011-351 : le conjoint (et ses ressources) compte seulement s'il est aussi sans titre.
        # Sous le plafond sans lui, c'est bon dans les deux cas ; au-dessus, cela dépend de lui.
        if ressources > plafond:
            return inconnu("ame.ressources.conjoint", plafond=plafond, personnes=personnes)
    ecart = abs(ressources - plafond)
    if b.non_publiee(PLAFOND) and ecart <= marge * plafond:
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
    if b.non_publiee(PLAFOND) and ressources is not None and adultes[0].valeur is not False:
        parametre = PARAMETRES[PLAFOND]
        notes.append(("ame.note.plafond_non_publie", {"annee": str(parametre.revalorisation_attendue.year),
                                                      "annee_connue": str(parametre.debut(b.date).year)}))
    residence = adultes[1]
    if residence.valeur is False:
        notes.append(("ame.note.soins_urgents", {}))
    titre = s.get("titre_sejour")
    if s.get("nationalite") == "francaise" or titre in ("demande_asile", "recepisse", "titre_travail", "carte_resident", "protection_internationale"):
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
    if logement == "heberge_gratuitement":
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
    if adultes[1].valeur is False and mineur.valeur is not True:
        lieux = ["pass_hotel_dieu", "pass_saint_louis", "pass_pitie_salpetriere", "pass_saint_antoine"]
    elif valeur is False:
        lieux = ["cpam_paris"]
    else:
        lieux = ["cpam_paris", "cpam_ame_hauts_de_belleville", "esi_maison_dans_le_jardin", "pass_hotel_dieu"]
    return Decision(
        valeur=valeur, criteres=criteres, resume=resume, notes=_notes(b, s, adultes, valeur),
        pieces=_pieces(b, s) if valeur is not False else [], lieux=lieux, references=refs(b, "ame"),
    )

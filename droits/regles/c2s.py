"""C2S, complémentaire santé solidaire (articles L861-1 et suivants du Code de la sécurité sociale).

Pour les personnes couvertes par l'assurance maladie (protection universelle maladie, L160-1 : séjour régulier,
ou nationalité française ou européenne avec un droit au séjour ; demandeur d'asile après 3 mois, D160-2) :
- sans participation si les ressources des 12 derniers mois sont sous le plafond (L861-1 1°, le même que l'AME) ;
- avec une participation de quelques euros par mois, selon l'âge, sous ce plafond majoré de 35 % (L861-1 2°,
  L861-11, arrêté du 29 décembre 2023) ;
- gratuite et donnée avec le RSA (L861-2 : les bénéficiaires du RSA y ont droit sans participation ; attribution
  automatique depuis 2022).
Le RSA et la prime d'activité ne comptent pas dans les ressources (L861-2) ; un logement gratuit ou une aide au
logement ajoutent un forfait (R861-5, R861-7). Sans titre de séjour, c'est l'AME, jamais les deux.
"""
from __future__ import annotations

from typing import Mapping

from ..parametres import Bareme
from .logique import Critere, Decision, et, faux, inconnu, vrai
from .plafonds_css import (forfait_logement_R861_5, plafond_officiel, plafond_sans_participation_R861_3,
                           ressources_annuelles)
from .references import refs
from .rsa import piece_identite

TITRES_REGULIERS = ("recepisse", "titre_travail", "carte_resident", "protection_internationale")
PLAFONDS_AVEC = {1: "css.plafond_avec_participation.une_personne", 2: "css.plafond_avec_participation.deux_personnes",
                 3: "css.plafond_avec_participation.trois_personnes", 4: "css.plafond_avec_participation.quatre_personnes"}
SUPPLEMENT_AVEC = "css.plafond_avec_participation.par_personne_supplementaire"


def plafond_avec_participation_L861_1_2(b: Bareme, personnes: int) -> int:
    """Art. L861-1 2° : plafond sans participation majoré de 35 %, tel que publié ; calculé s'il n'est pas publié."""
    noms = [PLAFONDS_AVEC[min(personnes, 4)]] + ([SUPPLEMENT_AVEC] if personnes > 4 else [])
    if plafond_officiel(b, personnes) and not any(b.non_publiee(n) for n in noms):
        return b[noms[0]] + max(personnes - 4, 0) * (b[SUPPLEMENT_AVEC] if personnes > 4 else 0)
    sans = plafond_sans_participation_R861_3(b, personnes)
    return round(sans * (1 + b["css.majoration_plafond_avec_participation"]))


def forfait_aide_logement_R861_7(b: Bareme, personnes: int, aide_mensuelle: float) -> float:
    """Art. R861-7 CSS : les aides au logement comptent pour un forfait annuel, au plus l'aide reçue."""
    taux = {1: "css.forfait_logement_avec_aide.taux_1_personne",
            2: "css.forfait_logement_avec_aide.taux_2_personnes"}.get(personnes, "css.forfait_logement_avec_aide.taux_3_personnes_ou_plus")
    coef = 1 + (b["rsa.majoration_deuxieme_personne"] if personnes >= 2 else 0) + \
        (b["rsa.majoration_personne_supplementaire"] if personnes >= 3 else 0)
    return min(12 * aide_mensuelle, 12 * b["rsa.montant_forfaitaire"] * coef * b[taux])


def participation_mensuelle_L861_11(b: Bareme, age: int | None) -> int | None:
    """Arrêté du 29 décembre 2023 : participation mensuelle d'une personne selon son âge (None si âge inconnu)."""
    if age is None:
        return None
    montant = None
    for age_min, euros in b["css.participation_mensuelle_par_age"]:
        if age >= age_min:
            montant = euros
    return montant


def condition_assurance_maladie_L160_1(b: Bareme, s: dict) -> Critere:
    """Art. L160-1 CSS : être couvert par l'assurance maladie (résidence stable et régulière) ; demandeur
    d'asile : après 3 mois (D160-2, décret 2019-1531). Sans titre de séjour : l'AME à la place (L251-1 CASF)."""
    if s.get("percoit_rsa") is True:
        # le RSA demande déjà un séjour régulier (L262-4 2°) : le foyer est couvert par l'assurance maladie
        return vrai("c2s.assurance.ok")
    nationalite = s.get("nationalite")
    if nationalite is None:
        return inconnu("c2s.assurance.nationalite_inconnue", "nationalite")
    if nationalite == "francaise":
        return vrai("c2s.assurance.ok")
    if nationalite == "ue":
        if s.get("travail_declare") is True:
            return vrai("c2s.assurance.ok")
        if s.get("travail_declare") is None:
            return inconnu("c2s.assurance.ue_travail_inconnu", "travail_declare")
        return inconnu("c2s.assurance.ue")
    titre = s.get("titre_sejour")
    if titre is None:
        return inconnu("c2s.assurance.titre_inconnu", "titre_sejour")
    if titre == "aucun":
        return faux("c2s.assurance.sans_titre")
    if titre == "demande_asile":
        mois, mois_min = s.get("mois_en_france"), b["ame.mois_residence_minimum"]
        if mois is None:
            return inconnu("c2s.assurance.asile_inconnu", "mois_en_france", mois=mois_min)
        if mois < mois_min:
            return faux("c2s.assurance.asile_3_mois", mois=mois_min)
        return vrai("c2s.assurance.ok")
    return vrai("c2s.assurance.ok")


def _personnes(s: dict) -> int | None:
    if s.get("en_couple") is None or s.get("enfants") is None:
        return None
    return 1 + (1 if s["en_couple"] else 0) + s["enfants"]


def _forfait_logement(b: Bareme, s: dict, personnes: int) -> float | None:
    """Forfait ajouté aux ressources : logé à titre gratuit ou propriétaire (R861-5), aide au logement (R861-7)."""
    logement = s.get("logement")
    if logement in ("heberge_gratuitement", "proprietaire"):
        return forfait_logement_R861_5(b, personnes)
    if logement == "locataire":
        aide = s.get("aide_logement")
        return None if aide is None else (forfait_aide_logement_R861_7(b, personnes, aide) if aide else 0.0)
    if logement is None:
        return None
    return 0.0


def condition_ressources_L861_1(b: Bareme, s: dict, avant: Mapping[str, Decision]) -> tuple[Critere, str | None]:
    """Art. L861-1 et L861-2 CSS : ressources des 12 derniers mois sous le plafond (gratuite) ou sous le plafond
    majoré (avec participation) ; avec le RSA, gratuite. Rend (critère, formule : "gratuite", "participation", None)."""
    if s.get("percoit_rsa") is True:
        return vrai("c2s.ressources.rsa_deja"), "gratuite"
    rsa = avant.get("rsa")
    if rsa is not None and rsa.valeur is True:
        return vrai("c2s.ressources.avec_rsa"), "gratuite"
    ressources, estimees = ressources_annuelles(s)
    if ressources is None:
        return inconnu("c2s.ressources.inconnu", "ressources_mensuelles"), None
    personnes = _personnes(s)
    marge = b["ame.marge_a_verifier"]
    if personnes is None:
        # foyer inconnu : sous le plafond d'une personne (forfait logement compris), c'est gratuit pour tout foyer
        seul, forfait_seul = plafond_sans_participation_R861_3(b, 1), _forfait_logement(b, s, 1)
        if forfait_seul is not None and ressources + forfait_seul <= seul * (1 - marge):
            return vrai("c2s.ressources.gratuite", plafond=seul), "gratuite"
        return inconnu("c2s.ressources.foyer_inconnu", *(c for c in ("en_couple", "enfants") if s.get(c) is None)), None
    forfait = _forfait_logement(b, s, personnes)
    if forfait is None:
        faits = ("logement",) if s.get("logement") is None else ("aide_logement",)
        plafond_haut = plafond_avec_participation_L861_1_2(b, personnes)
        if ressources > plafond_haut:
            return faux("c2s.ressources.trop", plafond=plafond_haut, personnes=personnes), None
        return inconnu("c2s.ressources.logement_inconnu", *faits), None
    total = ressources + forfait
    sans = plafond_sans_participation_R861_3(b, personnes)
    avec = plafond_avec_participation_L861_1_2(b, personnes)
    officiel = plafond_officiel(b, personnes)
    if abs(total - avec) <= marge * avec and (estimees or not officiel):
        faits = ("ressources_annuelles",) if estimees else ()
        return inconnu("c2s.ressources.limite", *faits, plafond=avec), None
    if total > avec:
        return faux("c2s.ressources.trop", plafond=avec, personnes=personnes), None
    if total <= sans:
        return vrai("c2s.ressources.gratuite", plafond=sans), "gratuite"
    return vrai("c2s.ressources.participation", plafond=sans, plafond_haut=avec), "participation"


def _pieces(s: dict, formule: str | None) -> list:
    pieces = [piece_identite(s), ("pieces.c2s.ressources_12_mois", {})]
    if s.get("adresse_courrier") is False or s.get("logement") in ("rue", "centre_hebergement"):
        pieces.append(("pieces.attestation_domiciliation", {}))
    if formule == "participation":
        pieces.append(("pieces.rib", {}))
    return pieces


def c2s(b: Bareme, s: dict, forme: str, avant: Mapping[str, Decision] | None = None) -> Decision:
    avant = avant or {}
    assurance = condition_assurance_maladie_L160_1(b, s)
    if assurance.valeur is False:
        asile = s.get("titre_sejour") == "demande_asile"
        return Decision(
            valeur=False, criteres=[assurance],
            resume=("c2s.resume.non_eligible_asile" if asile else "c2s.resume.non_eligible_ame", {"mois": b["ame.mois_residence_minimum"]}),
            notes=[], lieux=["cpam"] if asile else ["cpam", "pass"],
            references=refs(b, "c2s"),
            etape=("c2s.etape.asile" if asile else "c2s.etape.ame", {"mois": b["ame.mois_residence_minimum"]}),
        )
    ressources, formule = condition_ressources_L861_1(b, s, avant)
    criteres = [assurance, ressources]
    valeur = et(criteres)
    notes = []
    participation = participation_mensuelle_L861_11(b, s.get("age"))
    if valeur is True and formule == "participation":
        if participation is None:
            resume = ("c2s.resume.eligible_participation_age_inconnu", {})
        else:
            resume = ("c2s.resume.eligible_participation", {"montant": participation})
        notes.append(("c2s.note.participation_foyer", {}))
        etape = ("c2s.etape.demander", {})
    elif valeur is True:
        automatique = ressources.texte in ("c2s.ressources.rsa_deja", "c2s.ressources.avec_rsa")
        resume = ("c2s.resume.eligible_gratuite", {})
        etape = ("c2s.etape.deja_rsa" if ressources.texte == "c2s.ressources.rsa_deja"
                 else "c2s.etape.avec_rsa" if automatique else "c2s.etape.demander", {})
    elif valeur is False:
        resume, etape = ("c2s.resume.non_eligible", {}), ("c2s.etape.non_eligible", {})
    else:
        resume, etape = ("c2s.resume.a_verifier", {}), ("c2s.etape.a_verifier", {})
    if valeur is not False:
        notes.append(("c2s.note.ce_qu_elle_paie", {}))
    if s.get("nationalite") == "ue" and valeur is None:
        notes.append(("c2s.note.ue_ame", {}))
    return Decision(
        valeur=valeur, criteres=criteres, resume=resume, notes=notes,
        pieces=_pieces(s, formule) if valeur is not False else [], lieux=["cpam"],
        references=refs(b, "c2s"), etape=etape,
    )

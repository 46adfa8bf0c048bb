"""FSL de Paris, fonds de solidarité pour le logement (loi Besson du 31/05/1990, art. 6 ; règlement
intérieur du FSL de Paris, 2017).

Un FSL par département ; à Paris il est géré par la Ville. Aides : entrée dans un logement (dépôt de
garantie, 1er loyer, assurance), dettes de loyer, factures d'énergie et d'eau. Ce n'est pas un droit
automatique, et les plafonds de ressources de Paris ne sont pas publiés dans nos sources : le moteur
ne dit jamais `eligible`, il dit `a_verifier` et oriente vers l'EPS de l'arrondissement.
"""
from __future__ import annotations

from typing import Mapping

from ..parametres import Bareme
from .logique import Critere, Decision, et, faux, inconnu, vrai
from .references import refs
from .rsa import piece_identite

SANS_PAPIERS = ("aucun", "demande_asile")


def condition_departement(s: dict) -> Critere:
    """Loi du 31/05/1990, art. 6 : le FSL est celui du département où l'on vit."""
    paris = s.get("vit_a_paris")
    if paris is None:
        return inconnu("fsl.paris.inconnu", "vit_a_paris")
    if paris:
        return vrai("fsl.paris.ok")
    return faux("fsl.paris.non")


def condition_besoin(s: dict) -> Critere:
    """Service-public F1334 : entrée dans un logement, dettes de loyer, factures d'énergie ou d'eau."""
    logement = s.get("logement")
    if logement is None:
        return inconnu("fsl.logement.inconnu", "logement")
    if logement in ("rue", "centre_hebergement"):
        return inconnu("fsl.besoin.acces_sans_logement")
    difficultes = s.get("difficultes_logement")
    if difficultes is None:
        return inconnu("fsl.besoin.inconnu", "difficultes_logement")
    if not difficultes:
        return faux("fsl.besoin.aucun")
    return vrai("fsl.besoin.ok", nombre=len(difficultes))


def condition_ressources_reglement_paris() -> Critere:
    """Règlement intérieur du FSL de Paris : plafonds de ressources non publiés dans nos sources."""
    return inconnu("fsl.ressources.plafond_inconnu")


def _pieces(s: dict) -> list:
    pieces = [piece_identite(s)]
    difficultes = s.get("difficultes_logement") or []
    if s.get("logement") == "locataire":
        pieces.append(("pieces.bail", {}))
    pieces.append(("pieces.ressources_3_mois", {}))
    if "impayes_loyer" in difficultes:
        pieces.append(("pieces.fsl.decompte_dette", {}))
    if "factures_energie" in difficultes or "factures_eau" in difficultes:
        pieces.append(("pieces.fsl.factures", {}))
    if "entree_logement" in difficultes or s.get("logement") in ("rue", "centre_hebergement"):
        pieces.append(("pieces.fsl.proposition_logement", {}))
    pieces.append(("pieces.fsl.coordonnees_creancier", {}))
    return pieces


def fsl(b: Bareme, s: dict, forme: str, avant: Mapping[str, Decision] | None = None) -> Decision:
    departement, besoin = condition_departement(s), condition_besoin(s)
    criteres = [departement, besoin]
    valeur = et(criteres)
    notes = []
    if departement.valeur is False:
        # hors de Paris : le FSL du département, s'il y a un besoin (son règlement n'est pas connu ici)
        valeur = False if besoin.valeur is False else None
        if besoin.valeur is not False:
            notes.append(("fsl.note.autre_departement", {}))
    if valeur is not False and departement.valeur is not False:
        criteres.append(condition_ressources_reglement_paris())
        valeur = et(criteres)
    sans_logement = s.get("logement") in ("rue", "centre_hebergement")
    if valeur is not False:
        notes.append(("fsl.note.pas_automatique", {}))
        notes.append(("fsl.note.travailleur_social_non_verifie" if sans_logement else "fsl.note.eps", {}))
        if s.get("nationalite") == "hors_ue" and s.get("titre_sejour") in SANS_PAPIERS:
            # beaucoup de règlements de FSL demandent un séjour régulier ; celui de Paris n'a pas été lu
            notes.append(("fsl.note.sejour_non_verifie", {}))
    difficultes = s.get("difficultes_logement") or []
    lieux = []
    if valeur is not False and departement.valeur is not False:
        if sans_logement:
            lieux = ["psa", "esi"]
        else:
            lieux = ["eps"]
        if "impayes_loyer" in difficultes:
            lieux.append("sos_loyers_impayes")
    resume = {True: "fsl.resume.eligible", False: "fsl.resume.non_eligible", None: "fsl.resume.a_verifier"}[valeur]
    if valeur is False:
        etape = "fsl.etape.non_eligible"
    elif departement.valeur is False:
        etape = "fsl.etape.autre_departement"
    elif sans_logement:
        etape = "fsl.etape.travailleur_social"
    elif departement.valeur is True:
        etape = "fsl.etape.eps"
    else:
        etape = "fsl.etape.a_verifier"
    if departement.valeur is False and valeur is None:
        resume = "fsl.resume.autre_departement"
    return Decision(
        valeur=valeur, criteres=criteres, resume=(resume, {}), notes=notes,
        pieces=_pieces(s) if valeur is not False else [], lieux=lieux, references=refs(b, "fsl"),
        etape=(etape, {}),
    )

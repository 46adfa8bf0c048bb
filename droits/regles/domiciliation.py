"""Domiciliation, élection de domicile (articles L264-1 à L264-10 et R264-4 du CASF).

Droit pour toute personne sans domicile stable, dans la commune où elle a un lien (un seul suffit) :
CCAS (à Paris : Ville de Paris, « Paris Adresse ») ou organisme agréé. Sans lien avec Paris, le droit existe
dans la commune du lien ; un CCAS ne refuse que par une décision motivée et doit orienter vers un organisme
qui peut domicilier (art. L264-4). Étranger sans titre : domiciliation pour l'AME, l'aide juridictionnelle et les droits civils
(art. L264-2). Demandeur d'asile : dispositif propre (SPADA, rendez-vous par l'OFII). Validité 1 an.
"""
from __future__ import annotations

from typing import Mapping

from ..parametres import Bareme
from .logique import Critere, Decision, et, faux, inconnu, vrai
from .references import refs


def condition_sans_domicile_stable_L264_1(s: dict) -> Critere:
    """Art. L264-1 : pas de domicile stable, donc pas d'adresse où recevoir son courrier de façon
    constante et confidentielle. Un locataire ou un propriétaire a un domicile stable."""
    logement = s.get("logement")
    if logement in ("locataire", "proprietaire"):
        return faux("domiciliation.adresse.logement")
    logement_inconnu = ("logement",) if logement is None else ()
    adresse = s.get("adresse_courrier")
    if adresse is None:
        return inconnu("domiciliation.adresse.inconnu", "adresse_courrier", *logement_inconnu)
    if adresse:
        if logement in (None, "rue", "centre_hebergement") and s.get("domiciliation") is None:
            # sans logement, une adresse sûre est souvent déjà une domiciliation : à renouveler
            return inconnu("domiciliation.adresse.deja_inconnu", "domiciliation", *logement_inconnu)
        return faux("domiciliation.adresse.oui")
    if logement_inconnu:
        return inconnu("domiciliation.adresse.logement_inconnu", "logement")
    return vrai("domiciliation.adresse.non")


def condition_lien_commune_R264_4(s: dict) -> Critere:
    """Art. R264-4 : séjourner à Paris, y travailler, y être suivi, y avoir de la famille ou un enfant scolarisé."""
    if s.get("vit_a_paris") is True:
        return vrai("domiciliation.lien.sejour")
    lien = s.get("lien_paris")
    if lien is True:
        return vrai("domiciliation.lien.ok")
    if lien is False and s.get("vit_a_paris") is False:
        return faux("domiciliation.lien.non")
    faits = tuple(c for c in ("vit_a_paris", "lien_paris") if s.get(c) is None)
    return inconnu("domiciliation.lien.inconnu", *faits)


def dispositif_L264_2(s: dict) -> Critere | None:
    """Art. L264-2 et L264-10 : étrangers hors UE sans titre (domiciliation limitée) ; demandeurs d'asile (SPADA)."""
    if s.get("nationalite") is None:
        return inconnu("domiciliation.nationalite.inconnu", "nationalite")
    if s.get("nationalite") != "hors_ue":
        return None
    titre = s.get("titre_sejour")
    if titre is None:
        return inconnu("domiciliation.titre.inconnu", "titre_sejour")
    if titre == "aucun":
        return vrai("domiciliation.titre.limitee")
    if titre == "demande_asile":
        return vrai("domiciliation.titre.asile")
    return None


def deja_domicilie(b: Bareme, s: dict) -> Decision | None:
    """Déjà domicilié : l'attestation vaut 1 an ; la renouveler avant la fin (F17317)."""
    if s.get("domiciliation") is not True:
        return None
    duree = b["domiciliation.duree_validite_mois"]
    critere = vrai("domiciliation.deja.ok", mois=duree)
    return Decision(
        valeur=True, criteres=[critere], resume=("domiciliation.resume.deja", {}),
        notes=[("domiciliation.note.renouveler", {"mois": duree})],
        pieces=[("pieces.attestation_domiciliation", {})], lieux=[], references=refs(b, "domiciliation"),
        etape=("domiciliation.etape.renouveler", {}),
    )


def _lieux(s: dict, asile: bool, forme: str) -> list[str]:
    if asile:
        return ["spada"] + (["cafda"] if (s.get("enfants") or 0) > 0 else [])
    return ["domiciliation"]


def domiciliation(b: Bareme, s: dict, forme: str, avant: Mapping[str, Decision] | None = None) -> Decision:
    deja = deja_domicilie(b, s)
    if deja is not None:
        return deja
    adresse = condition_sans_domicile_stable_L264_1(s)
    if adresse.texte == "domiciliation.adresse.deja_inconnu":
        # oui : renouveler (éligible) ; non : l'adresse suffit (pas besoin) ; le reste ne compte pas
        return Decision(valeur=None, criteres=[adresse], resume=("domiciliation.resume.a_verifier", {}),
                        references=refs(b, "domiciliation"), etape=("domiciliation.etape.deja_inconnu", {}))
    criteres = [adresse]
    dispositif = dispositif_L264_2(s)
    asile = dispositif is not None and dispositif.texte == "domiciliation.titre.asile"
    if not asile:
        lien = condition_lien_commune_R264_4(s)
        if lien.valeur is False and dispositif is not None and dispositif.valeur is None:
            # pas de lien, mais peut-être une demande d'asile (pas de condition de lien à la SPADA)
            lien = inconnu("domiciliation.lien.non_sauf_asile", *dispositif.manquants)
        criteres.append(lien)
    autre_commune = lien.valeur is False if not asile else False
    if autre_commune:
        # L264-4 : pas de lien avec Paris, mais un lien ailleurs (la personne vit hors de Paris) : le droit existe
        # là-bas ; un refus à Paris doit être motivé et orienter ailleurs
        criteres[-1] = vrai("domiciliation.lien.autre_commune")
    if dispositif is not None:
        criteres.append(dispositif)
    valeur = et(criteres)
    notes = []
    if valeur is not False:
        notes.append(("domiciliation.note.asile" if asile else "domiciliation.note.ouvre", {}))
        if autre_commune:
            notes.append(("domiciliation.note.refus_oriente", {}))
        elif not asile:
            notes.append(("domiciliation.note.refus_ecrit", {}))
        if not asile:
            notes.append(("domiciliation.note.duree", {"mois": b["domiciliation.duree_validite_mois"]}))
    if valeur is False:
        criteres = [c for c in criteres if c.valeur is False]
    resume = {True: "domiciliation.resume.eligible", False: "domiciliation.resume.non_eligible",
              None: "domiciliation.resume.a_verifier"}[valeur]
    etape = {True: "domiciliation.etape.paris", False: "domiciliation.etape.non_eligible",
             None: "domiciliation.etape.a_verifier"}[valeur]
    if autre_commune and valeur is not False:
        resume = "domiciliation.resume.autre_commune" if valeur else "domiciliation.resume.autre_commune_a_verifier"
        etape = "domiciliation.etape.autre_commune"
    if asile and valeur is not False:
        resume = "domiciliation.resume.asile" if valeur else "domiciliation.resume.asile_a_verifier"
        etape = "domiciliation.etape.asile"
    pieces = []
    if valeur is not False:
        pieces = [("pieces.identite_si_possible", {})]
        if not asile:
            pieces.append(("pieces.domiciliation.lien", {}))
    lieux = _lieux(s, asile, forme) if valeur is not False and not autre_commune else []
    return Decision(
        valeur=valeur, criteres=criteres, resume=(resume, {}), notes=notes, pieces=pieces,
        lieux=lieux, references=refs(b, "domiciliation"), etape=(etape, {}),
    )

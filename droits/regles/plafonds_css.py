"""Plafond de ressources de la complémentaire santé solidaire sans participation (art. L861-1 1° et R861-3 du
CSS), qui est aussi le plafond de l'AME (art. L251-1 du CASF) ; ressources des 12 derniers mois ; forfaits logement.

Les plafonds par taille de foyer sont ceux publiés par l'arrêté (droits/parametres/css/plafond_sans_participation/),
pas recalculés : 18 609 € pour 3 personnes au 1er avril 2025, pas 18 610 €. Quand la valeur officielle n'est pas
connue (pas encore publiée, ou tirée d'une source secondaire), le plafond est calculé depuis celui d'une personne
avec les coefficients de R861-3, arrondi à l'euro le plus proche, et `plafond_officiel` le dit.
"""
from __future__ import annotations

import math

from ..parametres import Bareme

PLAFOND_UNE_PERSONNE = "css.plafond_base"
PLAFONDS_PUBLIES = {2: "css.plafond_sans_participation.deux_personnes",
                    3: "css.plafond_sans_participation.trois_personnes",
                    4: "css.plafond_sans_participation.quatre_personnes"}
SUPPLEMENT_PUBLIE = "css.plafond_sans_participation.par_personne_supplementaire"


def coefficient_R861_3(b: Bareme, personnes: int) -> float:
    """Art. R861-3 CSS : × 1 ; +50 % (2e personne) ; +30 % (3e et 4e) ; +40 % par personne à partir de la 5e."""
    coefs = [1.0, b["css.coefficient_deuxieme_personne"], b["css.coefficient_troisieme_quatrieme_personne"],
             b["css.coefficient_troisieme_quatrieme_personne"]]
    coef = sum(coefs[: min(personnes, 4)])
    return coef + max(personnes - 4, 0) * b["css.coefficient_cinquieme_personne_et_plus"]


def _arrondi(x: float) -> int:
    """À l'euro le plus proche, 0,50 compté pour 1 (arrêtés des plafonds)."""
    return math.floor((2 * x + 1) / 2 + 1e-9)


def plafond_officiel(b: Bareme, personnes: int) -> bool:
    """Vrai quand le plafond de ce foyer est une valeur publiée (arrêté) à cette date."""
    if b.non_publiee(PLAFOND_UNE_PERSONNE):
        return False
    if personnes == 1:
        return True
    noms = [PLAFONDS_PUBLIES[min(personnes, 4)]] + ([SUPPLEMENT_PUBLIE] if personnes > 4 else [])
    return not any(b.non_publiee(n) for n in noms)


def plafond_sans_participation_R861_3(b: Bareme, personnes: int) -> int:
    """Plafond annuel de la CSS sans participation (et de l'AME) pour un foyer de `personnes` personnes."""
    base = b[PLAFOND_UNE_PERSONNE]
    if personnes == 1:
        return base
    if plafond_officiel(b, personnes):
        plafond = b[PLAFONDS_PUBLIES[min(personnes, 4)]]
        return plafond + max(personnes - 4, 0) * (b[SUPPLEMENT_PUBLIE] if personnes > 4 else 0)
    # valeur officielle inconnue : calcul depuis le plafond d'une personne (R861-3)
    plafond = _arrondi(base * coefficient_R861_3(b, min(personnes, 4)))
    supplement = _arrondi(base * b["css.coefficient_cinquieme_personne_et_plus"])
    return plafond + max(personnes - 4, 0) * supplement


def ressources_annuelles(s: dict) -> tuple[float | None, bool]:
    """Ressources des 12 derniers mois ; à défaut 12 × ressources mensuelles (estimation)."""
    if s.get("ressources_annuelles") is not None:
        return s["ressources_annuelles"], False
    if s.get("ressources_mensuelles") is not None:
        return 12 * s["ressources_mensuelles"], True
    return None, False


def _socle_rsa(b: Bareme, personnes: int) -> float:
    coef = 1.0
    if personnes >= 2:
        coef += b["rsa.majoration_deuxieme_personne"]
    if personnes >= 3:
        coef += b["rsa.majoration_personne_supplementaire"]
    return b["rsa.montant_forfaitaire"] * coef


def forfait_logement_R861_5(b: Bareme, personnes: int) -> float:
    """Art. R861-5 CSS : forfait logement annuel ajouté aux ressources d'un foyer logé à titre gratuit ou
    propriétaire (12 %, 14 %, 14 % du RSA du foyer ; application à l'AME non vérifiée)."""
    taux = {1: "css.forfait_logement.taux_1_personne", 2: "css.forfait_logement.taux_2_personnes"}.get(
        personnes, "css.forfait_logement.taux_3_personnes_ou_plus")
    return 12 * _socle_rsa(b, min(personnes, 3)) * b[taux]

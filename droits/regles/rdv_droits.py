"""Rendez-vous des droits de la CAF (depuis 2014 ; DREES, dossier n° 47, 2020).

Recommandé quand la personne a peut-être droit au RSA (il est proposé lors d'une demande de RSA),
quand elle a plusieurs besoins, ou quand beaucoup de faits restent inconnus (dossier complexe).
"""
from __future__ import annotations

from ..parametres import Bareme
from .logique import Decision


def rendez_vous_des_droits(b: Bareme, decisions: dict[str, Decision]) -> tuple[bool, list]:
    raisons = []
    if decisions["rsa"].valeur is not False:
        raisons.append(("rdv.raison.rsa", {}))
    possibles = sum(1 for d in decisions.values() if d.valeur is not False)
    if possibles >= b["rdv_droits.nombre_besoins"]:
        raisons.append(("rdv.raison.plusieurs_besoins", {"nombre": possibles}))
    inconnues = {m for d in decisions.values() for m in d.manquants}
    if len(inconnues) >= b["rdv_droits.nombre_inconnues"]:
        raisons.append(("rdv.raison.inconnues", {}))
    if raisons:
        return True, [("rdv.definition", {}), *raisons, ("rdv.comment", {})]
    return False, [("rdv.pas_necessaire", {})]

"""Le résultat : pour chaque droit demandé, le résumé de droits, pourquoi, les papiers, où aller.

Le message d'introduction porte ``custom.resultats`` : le JSON de ``droits.evaluer``.
En mode aidant (forme il / elle), un dernier message donne un résumé à copier.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

import droits
from bot.actions import etat
from bot.actions.textes import texte

MAX_LIEUX = 2


def _montant(valeur: float) -> str:
    return f"{valeur:,.0f}".replace(",", " ")


def _lieu(lieu: dict) -> list[str]:
    lignes = [f"- {', '.join(p for p in (lieu.get('nom'), lieu.get('adresse')) if p)}."]
    if lieu.get("horaires"):
        lignes.append(texte("horaires", horaires=lieu["horaires"].rstrip(".")) + ".")
        if not lieu.get("verifie") and "indicatif" not in lieu["horaires"]:
            lignes.append(texte("horaires_indicatifs"))
    if lieu.get("telephone"):
        lignes.append(texte("telephone", telephone=lieu["telephone"]) + ".")
    return lignes


def message_droit(nom: str, resultat: dict) -> str:
    """Le texte d'un droit : le plus important d'abord (FALC)."""
    lignes = [f"{texte('noms_droits.' + nom)} :", resultat["resume"]]
    if resultat.get("raisons"):
        lignes += ["", texte("pourquoi"), *(f"- {r}" for r in resultat["raisons"])]
    if resultat.get("pieces"):
        lignes += ["", texte("a_apporter"), *(f"- {p}" for p in resultat["pieces"])]
    if resultat.get("ou_aller"):
        lignes += ["", texte("ou_aller")]
        for lieu in resultat["ou_aller"][:MAX_LIEUX]:
            lignes += _lieu(lieu)
    return "\n".join(lignes)


def _fait(champ: str, valeur: Any) -> str:
    modele = texte("faits." + champ)
    if isinstance(modele, dict):
        if isinstance(valeur, list):
            return ", ".join(modele.get(v, str(v)) for v in valeur) if valeur else ""
        return modele.get(valeur, str(valeur))
    if isinstance(valeur, float) and valeur.is_integer():
        valeur = int(valeur)
    return modele.format(valeur)


def resume_a_copier(situation: dict, resultats: dict, demandes: list[str], inconnus: list[str]) -> str:
    """Texte simple pour l'aidant : la situation, puis une ligne par droit."""
    faits = [f for c in droits.CHAMPS if c in situation and (f := _fait(c, situation[c]))]
    lignes = [texte("resume_titre")]
    if faits:
        lignes.append(texte("resume_situation", faits=", ".join(faits)))
    for nom in demandes:
        r = resultats["droits"][nom]
        ligne = f"{texte('sigles_droits.' + nom)} : {texte('statuts.' + r['statut'])}"
        if r.get("montant_mensuel"):
            ligne += ", " + texte("montant", montant=_montant(r["montant_mensuel"]))
        lignes.append(ligne + ".")
    if inconnus:
        lignes.append(texte("resume_inconnus", champs=", ".join(inconnus)))
    return "\n".join(lignes)


def donner(
    dispatcher: CollectingDispatcher,
    situation: dict,
    demandes: list[str],
    inconnus: list[str],
    forme: str,
) -> list[EventType]:
    resultats = droits.evaluer(situation, forme=forme)
    tiers = forme in etat.FORMES_TIERS
    dispatcher.utter_message(
        text=texte("verdict_intro.tiers" if tiers else "verdict_intro.vous"),
        json_message={"resultats": resultats},
    )
    for nom in demandes:
        dispatcher.utter_message(text=message_droit(nom, resultats["droits"][nom]))
    if tiers:
        dispatcher.utter_message(text=resume_a_copier(situation, resultats, demandes, inconnus))
    dispatcher.utter_message(response="utter_proposer_rdv_tiers" if tiers else "utter_proposer_rdv")
    return [
        SlotSet("question_en_cours", None),
        SlotSet("echecs", 0.0),
        SlotSet("verdict_donne", True),
        SlotSet("attente", "rdv"),
    ]

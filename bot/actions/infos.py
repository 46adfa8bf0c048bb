"""« Quels papiers ? », « Où aller ? » : tirés du résultat de droits, une fois la situation connue."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

import droits
from bot.actions.base import ActionSure
from bot.actions import dialogue, etat, questions, rendez_vous, verdict
from bot.actions.textes import texte


def message_infos(nom: str, resultat: dict, lieux: bool) -> str | None:
    if lieux:
        if not resultat.get("ou_aller"):
            return None
        lignes = [f"{texte('noms_droits.' + nom)} :", texte("ou_aller")]
        for lieu in resultat["ou_aller"][: verdict.MAX_LIEUX]:
            lignes += verdict._lieu(lieu)
    else:
        if not resultat.get("pieces"):
            return None
        lignes = [f"{texte('noms_droits.' + nom)} :", texte("a_apporter")]
        lignes += [f"- {p}" for p in resultat["pieces"]]
    return "\n".join(lignes)


class ActionInfos(ActionSure):
    def name(self) -> str:
        return "action_infos"

    async def executer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        suite = rendez_vous.lire_si_reponse(dispatcher, tracker)  # un code attendu, classé « papiers » ou « lieu »
        if suite is not None:
            return suite
        lieux = etat.intention(tracker) == "demander_lieu"
        demandes = etat.droits_demandes(tracker)
        situation = etat.situation(tracker)
        pret = bool(demandes) and questions.prochaine(situation, demandes, etat.inconnus(tracker)) is None
        if not pret:
            dispatcher.utter_message(
                response="utter_lieux_plus_tard" if lieux else "utter_documents_plus_tard"
            )
            if not demandes:
                dispatcher.utter_message(response="utter_menu")
            return dialogue.reprendre(dispatcher, tracker, domain)
        resultats = droits.evaluer(situation, forme=etat.forme(tracker))
        for nom in demandes:
            message = message_infos(nom, resultats["droits"][nom], lieux)
            if message:
                dispatcher.utter_message(text=message)
        return []

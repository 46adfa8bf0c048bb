"""Effacer les réponses (avec confirmation) et recommencer à zéro."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset, EventType, Restarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions import menu, rendez_vous


def effacer(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Tous les faits et l'état sont remis à zéro ; Restarted ouvre une nouvelle conversation.

    Les rendez-vous pris dans cette conversation (avec leur résumé et leurs SMS) sont effacés
    d'abord : si la base ne répond pas, l'action échoue (« problème ») et rien n'est dit effacé.

    Rasa lance ensuite action_session_start, qui redonne l'information sur les données.
    `custom.donnees_supprimees` demande à la passerelle d'effacer aussi les événements
    gardés par Rasa (PUT /conversations/{id}/tracker/events avec une liste vide).
    """
    rendez_vous.effacer_rendez_vous(tracker)
    dispatcher.utter_message(response="utter_donnees_supprimees", json_message={"donnees_supprimees": True},
                             buttons=menu.boutons())  # recommencer d'un toucher
    return [AllSlotsReset(), Restarted()]


class ActionDemanderSuppression(Action):
    def name(self) -> str:
        return "action_demander_suppression"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        # Un code de rendez-vous attendu, ou la réponse à la question posée, classé « effacer » par le
        # NLU : c'est la réponse, pas une demande.
        from bot.actions import dialogue

        suite = await dialogue.lire_si_reponse(dispatcher, tracker, domain)
        if suite is not None:
            return suite
        dispatcher.utter_message(response="utter_confirmer_suppression")
        return [SlotSet("attente", "suppression")]


class ActionRecommencer(Action):
    def name(self) -> str:
        return "action_recommencer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        from bot.actions import dialogue  # un code attendu, ou une réponse (« Autre pays »), classé « recommencer »

        suite = await dialogue.lire_si_reponse(dispatcher, tracker, domain)
        if suite is not None:
            return suite
        # « J'ai effacé vos réponses » doit être vrai (issue 14) : les faits sont remis à zéro ici, et
        # ``custom.donnees_supprimees`` demande à la passerelle d'effacer le suivi gardé par Rasa
        # (textes compris). Les rendez-vous, eux, restent : recommencer n'est pas les annuler.
        dispatcher.utter_message(response="utter_recommencer", json_message={"donnees_supprimees": True})
        from bot.actions import menu

        menu.envoyer(dispatcher)
        return [AllSlotsReset()]

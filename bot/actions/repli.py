"""Message non compris, hors d'une question : repli en deux temps.

1er essai : « Vous voulez parler de… ? » avec un bouton par intention probable ;
2e essai : « Pouvez-vous le dire avec d'autres mots ? » ; ensuite : les numéros de vraies personnes.
"""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from droits import registre
from bot.actions import etat
from bot.actions.langue import courante
from bot.actions.textes import catalogue_en, texte

MAX_PROPOSITIONS = 3


def propositions(tracker: Tracker) -> list[dict[str, str]]:
    """Boutons des intentions les plus probables (classement du NLU), dans l'ordre."""
    titres = {**catalogue_en()["titres_intentions"], **{d.intention: d.bouton for d in registre.droits_en(courante())}}
    boutons = []
    for candidat in tracker.latest_message.get("intent_ranking") or []:
        nom = candidat.get("name")
        if nom in titres and len(boutons) < MAX_PROPOSITIONS:
            boutons.append({"title": titres[nom], "payload": f"/{nom}"})
    return boutons


def repli(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    essai = etat.echecs(tracker)
    boutons = propositions(tracker)
    if essai == 0 and boutons:
        boutons.append({"title": texte("repli_autre"), "payload": "/aide"})
        dispatcher.utter_message(response="utter_repli_choix", buttons=boutons)
    elif essai <= 1:
        dispatcher.utter_message(response="utter_repli_autrement")
    else:
        dispatcher.utter_message(response="utter_parler_humain")
        return [SlotSet("echecs", 0.0)]
    return [SlotSet("echecs", float(essai + 1))]

"""Le menu des droits : « Tous mes droits », puis un bouton par droit du registre (droits/registre.yaml).

Les réponses d'accueil du domaine (utter_accueil, utter_menu, utter_hors_sujet) n'ont que leur texte :
les actions y ajoutent ces boutons, pour que la liste des droits ne soit écrite qu'une fois.
"""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from droits import registre
from bot.actions.langue import courante
from bot.actions.textes import texte


def boutons() -> list[dict[str, str]]:
    return [{"title": texte("menu.tous"), "payload": "/verifier_droits"}] + [
        {"title": d.bouton, "payload": f"/{d.intention}"} for d in registre.droits_en(courante())]


def envoyer(dispatcher: CollectingDispatcher, reponse: str = "utter_menu") -> None:
    dispatcher.utter_message(response=reponse, buttons=boutons())

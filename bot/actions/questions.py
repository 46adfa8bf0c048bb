"""Poser UNE question : le texte vient de droits.prochaine_question, jamais d'ici."""

from __future__ import annotations

from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

import droits
from bot.actions import etat
from bot.actions.textes import texte

REFORMULER_APRES = 2  # réponses non comprises avant de dire la question autrement
ABANDONNER_APRES = 3  # réponses non comprises avant de passer à la suite (le fait reste inconnu)


def prochaine(situation: dict, demandes: list[str], inconnus: list[str]) -> dict | None:
    return droits.prochaine_question(situation, droits=tuple(demandes), ignorer=tuple(inconnus))


def libelle(question: dict, forme: str, reformuler: bool = False) -> str:
    tiers = forme in etat.FORMES_TIERS
    if reformuler:
        cles = ("reformulation_tiers", "reformulation") if tiers else ("reformulation",)
    else:
        cles = ()
    cles += ("question_tiers", "question") if tiers else ("question",)
    for cle in cles:
        if question.get(cle):
            return question[cle]
    return question["question"]


def boutons(question: dict) -> list[dict[str, str]]:
    """Oui / Non pour un booléen, un bouton par choix, et toujours « Je ne sais pas »."""
    if question.get("type") == "booleen":
        liste = [
            {"title": texte("oui"), "payload": "/affirmer"},
            {"title": texte("non"), "payload": "/nier"},
        ]
    else:
        liste = [
            {"title": choix["libelle"], "payload": choix["libelle"]}
            for choix in question.get("choix") or []
        ]
    liste.append({"title": texte("je_ne_sais_pas"), "payload": texte("je_ne_sais_pas")})
    return liste


def poser(
    dispatcher: CollectingDispatcher,
    question: dict,
    forme: str,
    echecs: int = 0,
    avant: list[str] | None = None,
) -> list[EventType]:
    """Un message, une question ; ``avant`` : phrases courtes dites juste avant (même message)."""
    phrase = libelle(question, forme, reformuler=echecs >= REFORMULER_APRES)
    dispatcher.utter_message(
        text=" ".join([*(avant or []), phrase]),
        buttons=boutons(question),
        json_message={"question": question["champ"]},
    )
    return [SlotSet("question_en_cours", question["champ"]), SlotSet("echecs", float(echecs))]

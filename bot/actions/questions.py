"""Poser UNE question : le texte vient de droits.prochaine_question, jamais d'ici."""

from __future__ import annotations

from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

import droits
from bot.actions import boutons, etat
from bot.actions.langue import courante
from bot.actions.textes import texte

REFORMULER_APRES = 2  # réponses non comprises avant de dire la question autrement
ABANDONNER_APRES = 3  # réponses non comprises avant de passer à la suite (le fait reste inconnu)


def prochaine(situation: dict, demandes: list[str], inconnus: list[str]) -> dict | None:
    """Seulement les faits qui changent un verdict : un fait qui ne change qu'un montant (l'âge du plus jeune
    enfant, la date d'une séparation) n'allonge pas la conversation ; le verdict dit alors la fourchette."""
    return droits.prochaine_question(situation, droits=tuple(demandes), ignorer=tuple(inconnus), montants=False,
                                     groupees=True, langue=courante())


def question_du_champ(champ: str) -> dict:
    """La question d'un champ précis (pour redemander un fait à corriger)."""
    from droits.questions import question

    return question(champ, courante())


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


def poser(
    dispatcher: CollectingDispatcher,
    question: dict,
    forme: str,
    echecs: int = 0,
    avant: list[str] | None = None,
    situation: dict | None = None,
) -> list[EventType]:
    """Un message, une question ; ``avant`` : phrases courtes dites juste avant (même message).

    Une question déjà répondue par une fourchette qui ne suffit pas (le verdict change dans la
    fourchette) est reposée pour le nombre exact (``precision`` de droits), avec le seul bouton
    « Je ne sais pas »."""
    phrase = libelle(question, forme, reformuler=echecs >= REFORMULER_APRES)
    liste = boutons.pour_question(question)
    if question.get("precision"):  # une fourchette ne suffit pas : le nombre exact, une fois
        tiers = forme in etat.FORMES_TIERS
        precision = question.get("precision_tiers") if tiers and question.get("precision_tiers") else question["precision"]
        phrase = f"{precision} {phrase}"
        liste = liste[-1:]
    dispatcher.utter_message(
        text=" ".join([*(avant or []), phrase]),
        buttons=liste,
        json_message={"question": question["champ"], **({"groupe": question["groupe"]} if question.get("groupe") else {})},
    )
    return [SlotSet("question_en_cours", question["champ"]), SlotSet("echecs", float(echecs))]

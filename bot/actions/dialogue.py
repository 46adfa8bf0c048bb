"""Enchaîner : lire le message, puis poser la question suivante ou donner le résultat.

``action_avancer`` répond aux messages sur les droits et aux réponses (toutes les intentions
qui peuvent porter un fait). Pendant un rendez-vous (``rendez_vous.en_cours``), elle passe d'abord
la réponse au parcours du rendez-vous. ``action_reprendre`` suit un parcours annexe (urgence, aide,
parler à une personne…) : elle garde les faits du message et repose la question en cours.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

import droits
from bot.actions.base import ActionSure
from bot.actions import donnees, etat, questions, rendez_vous, verdict
from bot.actions.comprendre import Comprehension, comprendre
from bot.actions.repli import repli
from bot.actions.textes import texte

# Intentions qu'un message non compris reçoit souvent : elles comptent comme un échec.
INTENTIONS_ECHEC = {"informer", "affirmer", "nier", "hors_sujet", "nlu_fallback", None}
# Parcours annexes où une réponse courte reste lue (« jsp », je ne sais pas, est souvent classé
# « remercier ») ; après une urgence ou une demande d'aide, seuls les faits en toutes lettres comptent.
INTENTIONS_REPONSE_COURTE = {"remercier"}


def question_posee(tracker: Tracker) -> dict | None:
    """La question du dernier message du bot (recalculée : droits est déterministe)."""
    champ = tracker.get_slot("question_en_cours")
    if not champ:
        return None
    demandes = etat.droits_demandes(tracker)
    question = None
    if demandes:
        question = questions.prochaine(etat.situation(tracker), demandes, etat.inconnus(tracker))
    if question and question.get("champ") == champ:
        return question
    return {"champ": champ}


def suivre(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    domain: dict[str, Any],
    c: Comprehension,
    demandes: list[str],
    nouveau: bool,
    reprise: bool,
    avant: list[str],
) -> list[EventType] | None:
    """Question suivante ou résultat. None : rien de neuf à dire (résultat déjà donné)."""
    champ_avant = tracker.get_slot("question_en_cours")
    echecs = 0
    events: list[EventType] = []
    question = questions.prochaine(c.situation, demandes, c.inconnus)
    if question is not None and question["champ"] == champ_avant and not c.reponse:
        echecs = etat.echecs(tracker)
        if reprise or c.compris or etat.intention(tracker) not in INTENTIONS_ECHEC:
            if reprise:
                avant = [*avant, etat.phrase_du_domaine(domain, "utter_on_reprend")]
            return questions.poser(dispatcher, question, c.forme, echecs, avant)
        echecs += 1
        if echecs < questions.ABANDONNER_APRES:
            avant = [etat.phrase_du_domaine(domain, "utter_pas_compris"), *avant]
            return questions.poser(dispatcher, question, c.forme, echecs, avant)
        # Trop d'essais : le fait reste inconnu, on passe à la suite.
        inconnus = [*c.inconnus, question["champ"]]
        events.append(SlotSet("inconnus", inconnus))
        c.inconnus = inconnus
        avant = [*avant, etat.phrase_du_domaine(domain, "utter_on_passe")]
        question = questions.prochaine(c.situation, demandes, inconnus)
    if question is None:
        if tracker.get_slot("verdict_donne") and not (c.faits or nouveau or champ_avant):
            return None
        if avant:
            dispatcher.utter_message(text=" ".join(avant))
        return events + verdict.donner(dispatcher, c.situation, demandes, c.inconnus, c.forme)
    return events + questions.poser(dispatcher, question, c.forme, 0, avant)


def phrases_avant(c: Comprehension) -> list[str]:
    if c.erreur:
        return [c.erreur]
    if c.corriges:
        return [texte("corrige")]
    return []


class ActionAvancer(ActionSure):
    """Le fil principal : droits demandés, faits, question suivante, résultat."""

    def name(self) -> str:
        return "action_avancer"

    async def executer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        intention = etat.intention(tracker)
        attente = tracker.get_slot("attente")
        events: list[EventType] = []
        if rendez_vous.en_cours(tracker):
            suite = rendez_vous.continuer(dispatcher, tracker)
            if suite is not None:
                return suite
            events.append(SlotSet("attente", None))  # la personne parle d'autre chose
        elif attente:
            events.append(SlotSet("attente", None))
            if attente == "suppression" and intention == "affirmer":
                return donnees.effacer(dispatcher, tracker)
            if attente == "suppression" and intention == "nier":
                dispatcher.utter_message(response="utter_suppression_annulee")
                return events + reprendre(dispatcher, tracker, domain)

        demandes = etat.droits_demandes(tracker)
        c = comprendre(tracker, question_posee(tracker))
        events += c.events
        nouvelles = list(demandes)
        if intention == "verifier_droits":
            nouvelles = list(droits.DROITS)
        else:
            # « Loyers pas payés » (bouton d'une question) est souvent classé demander_fsl :
            # une réponse à la question posée n'ajoute pas de droit par son intention.
            nommes = []
            if intention in etat.INTENTION_DROIT and not c.reponse:
                nommes.append(etat.INTENTION_DROIT[intention])
            if not etat.texte_utilisateur(tracker).startswith("/"):
                nommes += etat.droits_nommes(etat.texte_utilisateur(tracker)[: etat.LIMITE_TEXTE])
            nouvelles += [d for d in dict.fromkeys(nommes) if d not in nouvelles]
        if not nouvelles and c.dits:
            nouvelles = list(droits.DROITS)  # des faits sans droit nommé : on regarde tout
        if nouvelles != demandes:
            events.append(SlotSet("droits_demandes", nouvelles))

        suite = None
        if nouvelles:
            suite = suivre(
                dispatcher, tracker, domain, c, nouvelles, nouvelles != demandes,
                reprise=False, avant=phrases_avant(c),
            )
        if suite is not None:
            return events + suite
        # Rien à demander ni de neuf : redonner le résultat d'un droit, accueil, hors sujet ou repli.
        if nouvelles and (intention == "verifier_droits" or intention in etat.INTENTION_DROIT):
            redits = nouvelles if intention == "verifier_droits" else [etat.INTENTION_DROIT[intention]]
            events += verdict.donner(dispatcher, c.situation, redits, c.inconnus, c.forme)
        elif intention == "saluer":
            dispatcher.utter_message(response="utter_accueil")
        elif intention == "hors_sujet":
            dispatcher.utter_message(response="utter_hors_sujet")
        else:
            events += repli(dispatcher, tracker)
        return events


def reprendre(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
) -> list[EventType]:
    """Garder les faits du message ; reposer la question en cours s'il y en a une."""
    demandes = etat.droits_demandes(tracker)
    courte = etat.intention(tracker) in INTENTIONS_REPONSE_COURTE
    c = comprendre(tracker, question_posee(tracker), reponse_courte=courte)
    if not demandes:
        return c.events
    suite = suivre(dispatcher, tracker, domain, c, demandes, False, reprise=True, avant=phrases_avant(c))
    return c.events + (suite or [])


class ActionReprendre(ActionSure):
    """Après un parcours annexe (urgence, aide, parler à une personne…)."""

    def name(self) -> str:
        return "action_reprendre"

    async def executer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        events: list[EventType] = []
        attente = tracker.get_slot("attente")
        if rendez_vous.en_cours(tracker) and attente != "rdv":
            return rendez_vous.reposer(dispatcher, tracker)  # on reprend l'étape du rendez-vous
        if attente:
            events.append(SlotSet("attente", None))
        return events + reprendre(dispatcher, tracker, domain)

"""Enchaîner : lire le message, puis poser la question suivante, le récapitulatif ou le verdict.

``action_avancer`` répond aux messages sur les droits et aux réponses (toutes les intentions
qui peuvent porter un fait). Pendant un rendez-vous (``rendez_vous.en_cours``), elle passe d'abord
la réponse au parcours du rendez-vous ; pendant le récapitulatif, elle lit « C'est juste » /
« Corriger ». ``action_reprendre`` suit un parcours annexe (aide, parler à une personne…) et
``action_urgence`` une urgence : elles gardent les faits du message et reposent la question en cours.

Les faits sont demandés dans l'ordre de ``droits.prochaine_question`` (le moins de questions
possible) plutôt que par un formulaire Rasa : la question suivante dépend des réponses et des
règles, et un message peut donner plusieurs faits à la fois, dans n'importe quel ordre.

Dans chaque message, les alertes (violence, idées suicidaires…) passent avant tout : les numéros
utiles d'abord, puis la conversation continue où elle en était.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.langue import courante
from langues import DEFAUT, reponses
from bot import extraction
from bot.actions.base import ActionSure
from bot.actions import boutons, donnees, etat, menu, perimetre, questions, recap, rendez_vous, securite, verdict
from bot.actions.comprendre import Comprehension, comprendre
from bot.actions.repli import repli
from bot.actions.textes import texte

# Intentions qu'un message non compris reçoit souvent : elles comptent comme un échec.
INTENTIONS_ECHEC = {"informer", "affirmer", "nier", "hors_sujet", "nlu_fallback", None}
# Parcours annexes où une réponse courte reste lue (« jsp », je ne sais pas, est souvent classé
# « remercier ») ; après une urgence ou une demande d'aide, seuls les faits en toutes lettres comptent.
INTENTIONS_REPONSE_COURTE = {"remercier"}
_CORRIGER = re.compile(r"\b(?:corrig\w*|modifi\w*|changer|pas juste|c est faux|faux|erreur|trompe)\b")


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
    return questions.question_du_champ(champ)


def repond_a_la_question(tracker: Tracker) -> bool:
    """Le texte est une réponse valable à la question posée (« Autre pays » classé « recommencer »)."""
    question = question_posee(tracker)
    texte_brut = etat.texte_utilisateur(tracker)
    if not question or not texte_brut or texte_brut.startswith("/"):
        return False
    if courante() != DEFAUT:
        lu = reponses.lire(question, texte_brut[: etat.LIMITE_TEXTE], courante())
        return lu.valeur is not None or lu.ne_sait_pas
    lu = extraction.analyser_reponse(question["champ"], texte_brut[: etat.LIMITE_TEXTE],
                                     choix=question.get("choix") or None)
    # « je ne sais pas » répond aussi : il compte (le fait reste inconnu), jamais une boucle
    return lu.valeur is not None or bool(lu.ne_sait_pas)


async def lire_si_reponse(dispatcher: CollectingDispatcher, tracker: Tracker,
                          domain: dict[str, Any]) -> list[EventType] | None:
    """Pour les actions des autres intentions (effacer, recommencer…) : si le message répond en fait à
    l'étape du rendez-vous ou à la question posée, le lire comme tel. None : sinon."""
    suite = rendez_vous.lire_si_reponse(dispatcher, tracker)
    if suite is None and repond_a_la_question(tracker):
        suite = await ActionAvancer().executer(dispatcher, tracker, domain)
    return suite


def _verdict(dispatcher: CollectingDispatcher, tracker: Tracker, c: Comprehension,
             demandes: list[str], prerequis: list[str]) -> list[EventType]:
    return verdict.donner(dispatcher, c.situation, demandes, c.inconnus, c.forme, prerequis, etat.canal(tracker))


def suivre(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    domain: dict[str, Any],
    c: Comprehension,
    demandes: list[str],
    nouveau: bool,
    reprise: bool,
    avant: list[str],
    prerequis: list[str] | None = None,
) -> list[EventType] | None:
    """Question suivante, récapitulatif ou résultat. None : rien de neuf à dire (résultat déjà donné)."""
    prerequis = etat.prerequis(tracker) if prerequis is None else prerequis
    champ_avant = tracker.get_slot("question_en_cours")
    echecs = 0
    events: list[EventType] = []
    question = questions.prochaine(c.situation, demandes, c.inconnus)
    if question is not None and question["champ"] == champ_avant and not c.reponse:
        echecs = etat.echecs(tracker)
        if reprise or c.faits:
            # un parcours annexe, ou des faits nouveaux (une réponse à une autre question) : on repose
            # la question sans compter d'échec
            if reprise:
                avant = [*avant, etat.phrase_du_domaine(domain, "utter_on_reprend")]
            return questions.poser(dispatcher, question, c.forme, echecs, avant, c.situation)
        # Rien de neuf pour cette question (même si le message redit des faits déjà connus) : c'est un
        # échec ; au 3e, le fait reste inconnu et on passe à la suite (jamais de boucle sans fin).
        echecs += 1
        if echecs < questions.ABANDONNER_APRES:
            if etat.intention(tracker) in INTENTIONS_ECHEC or c.dits:
                avant = [etat.phrase_du_domaine(domain, "utter_pas_compris"), *avant]
            return questions.poser(dispatcher, question, c.forme, echecs, avant, c.situation)
        # Trop d'essais : le fait reste inconnu, on passe à la suite.
        inconnus = [*c.inconnus, question["champ"]]
        events.append(SlotSet("inconnus", inconnus))
        c.inconnus = inconnus
        avant = [*avant, etat.phrase_du_domaine(domain, "utter_on_passe")]
        question = questions.prochaine(c.situation, demandes, inconnus)
    if question is None:
        if tracker.get_slot("verdict_donne") and not (c.faits or nouveau or champ_avant):
            return None
        if recap.necessaire(tracker, c.situation):
            return events + recap.proposer(dispatcher, c.situation, c.inconnus, c.forme, avant)
        if avant:
            dispatcher.utter_message(text=" ".join(avant))
        return events + _verdict(dispatcher, tracker, c, demandes, prerequis)
    return events + questions.poser(dispatcher, question, c.forme, 0, avant, c.situation)


def phrases_avant(c: Comprehension) -> list[str]:
    if c.erreur:
        return [c.erreur]
    if c.corriges:
        return [texte("corrige")]
    return []


def _oui_non_du_recap(tracker: Tracker) -> bool | None:
    """« C'est juste » (oui) ou « Corriger » (non) ; None si le message n'est ni l'un ni l'autre."""
    texte_brut = etat.texte_utilisateur(tracker)
    intention = etat.intention(tracker)
    if texte_brut.startswith("/"):
        return {"affirmer": True, "nier": False}.get(intention)
    simple = extraction.normaliser(texte_brut[:200])
    if _CORRIGER.search(simple):
        return False
    lu = extraction.oui_non(texte_brut)
    if lu is not None:
        return lu
    return {"affirmer": True, "nier": False}.get(intention)


def _pendant_le_recap(dispatcher: CollectingDispatcher, tracker: Tracker, c: Comprehension,
                      attente: str) -> list[EventType] | None:
    """Réponse au récapitulatif ; None : le message dit de nouveaux faits, la suite normale les prend."""
    if c.faits:
        return None
    if attente == recap.ATTENTE_CORRIGER:
        champ = boutons.fait_a_corriger(tracker.latest_message)
        if champ is not None:
            return recap.redemander(dispatcher, c.situation, champ, c.forme)
    decision = _oui_non_du_recap(tracker)
    demandes = etat.droits_demandes(tracker)
    if decision is True and demandes:
        return recap.confirmer(c.situation) + [SlotSet("attente", None)] + _verdict(
            dispatcher, tracker, c, demandes, etat.prerequis(tracker))
    if decision is False:
        return recap.lister(dispatcher, c.situation, c.forme)
    if c.alertes:
        return recap.proposer(dispatcher, c.situation, c.inconnus, c.forme)
    return recap.pas_compris(dispatcher)


class ActionAvancer(ActionSure):
    """Le fil principal : droits demandés, faits, question suivante, récapitulatif, résultat."""

    def name(self) -> str:
        return "action_avancer"

    async def executer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        intention = etat.intention(tracker)
        attente = tracker.get_slot("attente")
        events: list[EventType] = []
        if attente in (None, "rdv") and tracker.get_slot("verdict_donne"):
            from bot.actions import infos  # infos reprend le dialogue : import tardif

            if infos.demande_pourquoi(etat.texte_utilisateur(tracker)):
                return infos.donner_details(dispatcher, tracker, infos.POURQUOI)
        if rendez_vous.en_cours(tracker):
            suite = rendez_vous.continuer(dispatcher, tracker)
            if suite is not None:
                return suite
            events.append(SlotSet("attente", None))  # la personne parle d'autre chose
        elif attente == "suppression":
            events.append(SlotSet("attente", None))
            if intention == "affirmer":
                return donnees.effacer(dispatcher, tracker)
            if intention == "nier":
                dispatcher.utter_message(response="utter_suppression_annulee")
                return events + reprendre(dispatcher, tracker, domain)

        c = comprendre(tracker, question_posee(tracker))
        events += c.events
        securite.prevenir(dispatcher, c.alertes, c.forme)
        if attente in (recap.ATTENTE_RECAP, recap.ATTENTE_CORRIGER):
            suite = _pendant_le_recap(dispatcher, tracker, c, attente)
            if suite is not None:
                return events + suite
            events.append(SlotSet("attente", None))

        demandes = etat.droits_demandes(tracker)
        prerequis_avant = etat.prerequis(tracker)
        nouvelles, prerequis = perimetre.choisir(tracker, demandes, prerequis_avant, c.reponse, c.dits,
                                                 c.faits)
        if nouvelles != demandes:
            events.append(SlotSet("droits_demandes", nouvelles))
        if prerequis != prerequis_avant:
            events.append(SlotSet("droits_prerequis", prerequis))

        suite = None
        if nouvelles:
            suite = suivre(
                dispatcher, tracker, domain, c, nouvelles, nouvelles != demandes,
                reprise=False, avant=phrases_avant(c), prerequis=prerequis,
            )
        if suite is not None:
            return events + suite
        # Rien à demander ni de neuf : redonner le résultat d'un droit, accueil, hors sujet ou repli.
        if nouvelles and (intention == "verifier_droits" or intention in etat.INTENTION_DROIT):
            redits = nouvelles if intention == "verifier_droits" else [etat.INTENTION_DROIT[intention]]
            events += verdict.donner(dispatcher, c.situation, redits, c.inconnus, c.forme, [], etat.canal(tracker))
        elif c.alertes:
            pass  # les numéros sont donnés ; rien d'autre à dire
        elif intention == "saluer":
            menu.envoyer(dispatcher, "utter_accueil")
        elif intention == "hors_sujet":
            menu.envoyer(dispatcher, "utter_hors_sujet")
        else:
            events += repli(dispatcher, tracker)
        return events


def reprendre(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any],
    c: Comprehension | None = None,
) -> list[EventType]:
    """Garder les faits du message ; reposer la question en cours (ou le récapitulatif) s'il y en a une."""
    demandes = etat.droits_demandes(tracker)
    if c is None:
        courte = etat.intention(tracker) in INTENTIONS_REPONSE_COURTE
        c = comprendre(tracker, question_posee(tracker), reponse_courte=courte)
        securite.prevenir(dispatcher, c.alertes, c.forme)
    if not demandes:
        return c.events
    if tracker.get_slot("attente") in (recap.ATTENTE_RECAP, recap.ATTENTE_CORRIGER) and not c.faits:
        return c.events + recap.proposer(dispatcher, c.situation, c.inconnus, c.forme)
    suite = suivre(dispatcher, tracker, domain, c, demandes, False, reprise=True, avant=phrases_avant(c))
    return c.events + (suite or [])


class ActionReprendre(ActionSure):
    """Après un parcours annexe (aide, parler à une personne, merci…)."""

    def name(self) -> str:
        return "action_reprendre"

    async def executer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        events: list[EventType] = []
        attente = tracker.get_slot("attente")
        if rendez_vous.en_cours(tracker) and attente != "rdv":
            return rendez_vous.reposer(dispatcher, tracker)  # on reprend l'étape du rendez-vous
        if etat.intention(tracker) == "aide" and repond_a_la_question(tracker):
            # « je sais pas » classé « aide » : c'est la réponse à la question posée (sinon elle reviendrait
            # sans fin)
            return await ActionAvancer().executer(dispatcher, tracker, domain)
        if attente and attente not in (recap.ATTENTE_RECAP, recap.ATTENTE_CORRIGER):
            events.append(SlotSet("attente", None))
        return events + reprendre(dispatcher, tracker, domain)


class ActionUrgence(ActionSure):
    """Une urgence : les numéros qui vont avec ce qui est dit (ou tous), puis on reprend."""

    def name(self) -> str:
        return "action_urgence"

    async def executer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        c = comprendre(tracker, question_posee(tracker), reponse_courte=False)
        if not securite.prevenir(dispatcher, c.alertes, c.forme):
            dispatcher.utter_message(response="utter_urgence")
        attente = tracker.get_slot("attente")
        if rendez_vous.en_cours(tracker) and attente != "rdv":
            return c.events + rendez_vous.reposer(dispatcher, tracker)
        if not etat.droits_demandes(tracker) and (c.dits or etat.droits_nommes(etat.texte_utilisateur(tracker))):
            # Premier message, long, avec un danger ET des faits ou des droits (« il me frappe… je voudrais
            # le RSA ») : après les numéros, la conversation commence comme pour tout message.
            return await ActionAvancer().executer(dispatcher, tracker, domain)
        return reprendre(dispatcher, tracker, domain, c)

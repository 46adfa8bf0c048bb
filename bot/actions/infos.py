"""Les détails à la demande, après le verdict court : « Pourquoi ? », « Quoi apporter ? », « Où aller ? ».

Boutons du verdict (``verdict.boutons_suite``) ou texte tapé (« quels papiers ? », « c'est où ? »,
« pourquoi ? »). Avant le verdict, on dit que ça viendra à la fin, et on reprend la question.
Les détails sont tirés du résultat de droits ; un droit précis peut être demandé par l'entité
``droit`` (la borne l'envoie depuis la carte d'un droit).
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

import droits
from droits import registre
from bot import extraction
from bot.actions.base import ActionSure
from bot.actions import boutons, dialogue, etat, menu, perimetre, questions, verdict
from bot.actions.langue import courante
from bot.actions.textes import deux_points, texte

POURQUOI, PIECES, LIEUX = "pourquoi", "pieces", "lieux"
MAX_RAISONS = 3
_POURQUOI = re.compile(r"^\s*(?:mais\s+)?(?:pourquoi|pk|pq|pkoi|pourquoi pas|comment ca se fait)\b")


def demande_pourquoi(texte_brut: str) -> bool:
    return bool(_POURQUOI.search(extraction.normaliser(texte_brut[:200])))


def detail_demande(tracker: Tracker) -> str:
    entite = boutons.entites_nommees(tracker.latest_message).get("detail")
    if entite in (POURQUOI, PIECES, LIEUX):
        return entite
    if etat.intention(tracker) == "demander_lieu":
        return LIEUX
    if demande_pourquoi(etat.texte_utilisateur(tracker)):
        return POURQUOI
    return PIECES


def message_detail(nom: str, resultat: dict, detail: str) -> str | None:
    titre = f"{registre.droit(nom, courante()).bouton}{deux_points()}{verdict.reponse_courte(resultat)}."
    if detail == LIEUX:
        if not resultat.get("ou_aller"):
            return None
        lignes = [titre, texte("ou_aller")]
        for lieu in resultat["ou_aller"][: verdict.MAX_LIEUX]:
            lignes += verdict.lieu(lieu)
    elif detail == POURQUOI:
        if not resultat.get("raisons"):
            return None
        lignes = [titre, texte("pourquoi"), *(f"- {r}" for r in resultat["raisons"][:MAX_RAISONS])]
    else:
        if not resultat.get("pieces"):
            return None
        lignes = [titre, texte("a_apporter"), *(f"- {p}" for p in resultat["pieces"])]
    return verdict.une_explication_par_sigle("\n".join(lignes))


class ActionInfos(ActionSure):
    def name(self) -> str:
        return "action_infos"

    async def executer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        suite = await dialogue.lire_si_reponse(dispatcher, tracker, domain)  # une réponse classée « papiers »
        if suite is not None:
            return suite
        detail = detail_demande(tracker)
        demandes = etat.droits_demandes(tracker)
        situation = etat.situation(tracker)
        pret = bool(demandes) and questions.prochaine(situation, demandes, etat.inconnus(tracker)) is None \
            and tracker.get_slot("verdict_donne")
        if not pret:
            dispatcher.utter_message(
                response="utter_lieux_plus_tard" if detail == LIEUX else "utter_documents_plus_tard"
            )
            if not demandes:
                menu.envoyer(dispatcher)
            return dialogue.reprendre(dispatcher, tracker, domain)
        return donner_details(dispatcher, tracker, detail)


def donner_details(dispatcher: CollectingDispatcher, tracker: Tracker, detail: str) -> list[EventType]:
    """Le détail demandé pour chaque droit du verdict (ou pour le seul droit demandé), puis l'offre."""
    demandes = etat.droits_demandes(tracker)
    situation = etat.situation(tracker)
    resultats = droits.evaluer(situation, forme=etat.forme(tracker), langue=courante())
    montres = perimetre.a_montrer(demandes, etat.prerequis(tracker), resultats)
    voulu = boutons.entites_nommees(tracker.latest_message).get("droit")
    if voulu in montres:
        montres = [voulu]
    messages = [m for nom in montres if (m := message_detail(nom, resultats["droits"][nom], detail))]
    if not messages:
        messages = [texte("rien_a_detailler")]
    dispatcher.utter_message(text="\n\n".join(messages) + "\n" + verdict.offre(etat.forme(tracker)),
                             buttons=verdict.boutons_suite(demandes))
    return []

"""Lire la situation et l'état de la conversation dans le tracker."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

import droits
from droits import registre
from bot import extraction

# Intentions « je veux savoir pour ce droit » (registre des droits, droits/registre.yaml).
INTENTION_DROIT = registre.INTENTIONS
FORMES_TIERS = ("il", "elle")
# Le canal se lit au préfixe du pseudonyme que la passerelle donne à chaque expéditeur.
CANAUX = {"te": "telegram", "sm": "sms", "we": "web"}
LIMITE_TEXTE = 2000  # caractères lus au plus dans un message (un message de 10 ko reste rapide)


def droits_nommes(texte: str) -> list[str]:
    """Droits nommés dans un message qui donne aussi des faits (« je suis roumaine… je voudrais le rsa ») :
    le NLU ne rend qu'une intention (souvent « informer »), on garde aussi le droit nommé."""
    return registre.droits_nommes(extraction.normaliser(texte))


def canal(tracker: Tracker) -> str:
    """« sms », « telegram », « web » (borne, chat) ou « conversation » (canal REST sans passerelle)."""
    return CANAUX.get((tracker.sender_id or "")[:2], "conversation")


def situation(tracker: Tracker) -> dict[str, Any]:
    """Les faits connus (emplacements du vocabulaire de droits), sans les valeurs vides."""
    faits = {}
    for champ in droits.CHAMPS:
        valeur = tracker.get_slot(champ)
        if valeur is not None:
            faits[champ] = valeur
    return faits


def intention(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def texte_utilisateur(tracker: Tracker) -> str:
    return (tracker.latest_message.get("text") or "").strip()


def droits_demandes(tracker: Tracker) -> list[str]:
    return [d for d in (tracker.get_slot("droits_demandes") or []) if d in droits.DROITS]


def prerequis(tracker: Tracker) -> list[str]:
    """Droits regardés seulement parce qu'un droit demandé en a besoin (voir ``perimetre``)."""
    return [d for d in (tracker.get_slot("droits_prerequis") or []) if d in droits.DROITS]


def inconnus(tracker: Tracker) -> list[str]:
    return [c for c in (tracker.get_slot("inconnus") or []) if c in droits.CHAMPS]


def forme(tracker: Tracker) -> str:
    valeur = tracker.get_slot("forme")
    return valeur if valeur in FORMES_TIERS else "vous"


def echecs(tracker: Tracker) -> int:
    try:
        return int(tracker.get_slot("echecs") or 0)
    except (TypeError, ValueError):
        return 0


def phrase_du_domaine(domain: dict, reponse: str) -> str:
    """Le texte (première variante) d'une réponse du domaine, pour le composer avec d'autres, dans la langue
    de la conversation (catalogue ``domaine`` ; le domaine reçu de Rasa est en français)."""
    from bot.actions.langue import courante
    from langues import DEFAUT, catalogues

    if courante() != DEFAUT:
        variantes = catalogues.arbre("domaine", courante()).get(reponse) or [{}]
    else:
        variantes = (domain.get("responses") or {}).get(reponse) or [{}]
    return variantes[0].get("text", "")

"""Les numéros de sécurité d'abord, où que le danger soit dit (issue 15 §5).

Violence, idées suicidaires, enfant en danger, urgence médicale, nuit dehors : ``bot.extraction``
les lit dans tout message (``Extraction.alertes``), même long, même quand le message donne aussi
des faits ou répond à une question. Le bot donne d'abord les bons numéros, dans un message à part,
puis la conversation reprend où elle en était (question suivante, récapitulatif ou verdict).
"""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from bot.actions import etat
from bot.actions.textes import texte


def message(alertes: list[str], forme: str) -> str | None:
    """Les numéros utiles pour ces alertes, du plus grave au moins grave ; None sans alerte."""
    if not alertes:
        return None
    f = "tiers" if forme in etat.FORMES_TIERS else "vous"
    phrases = [texte(f"securite.{a}.{f}") for a in texte("securite.ordre") if a in alertes]
    return " ".join(phrases) if phrases else None


def deja_prevenu(dispatcher: CollectingDispatcher) -> bool:
    return any((m.get("custom") or {}).get("alertes") for m in dispatcher.messages)


def prevenir(dispatcher: CollectingDispatcher, alertes: list[str], forme: str) -> bool:
    """Envoie les numéros (un message, avant tout le reste, une fois par tour) ; vrai s'il y en avait."""
    texte_securite = message(alertes, forme)
    if texte_securite is None:
        return False
    if deja_prevenu(dispatcher):
        return True
    dispatcher.utter_message(text=texte_securite, json_message={"alertes": list(alertes)})
    return True

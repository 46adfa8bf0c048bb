"""Une action qui ne fait jamais tomber la conversation.

Si droits, l'extraction ou un bug lève une exception, la personne reçoit un message simple
(utter_probleme) et la conversation continue ; l'erreur est dans le journal du serveur d'actions.
"""

from __future__ import annotations

import abc
import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from bot.actions import langue

log = logging.getLogger(__name__)


class ActionSure(Action, abc.ABC):
    """Abstraite : rasa-sdk ne l'enregistre pas ; les sous-classes écrivent ``executer``."""

    @abc.abstractmethod
    async def executer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Le travail de l'action (comme ``run``)."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        langue.poser(tracker)
        try:
            return await self.executer(dispatcher, tracker, domain)
        except Exception:  # noqa: BLE001 - la personne doit toujours avoir une réponse
            log.exception("%s a échoué", self.name())
            dispatcher.messages.clear()
            dispatcher.utter_message(response="utter_probleme")
            return []

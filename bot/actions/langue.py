"""La langue de la conversation (issue 13), pour les actions et les réponses fixes (NLG).

La passerelle connaît la langue choisie et l'envoie avec chaque message, dans ses métadonnées
(``{"langue": "en"}``) : c'est la seule source. Une action la lit sur le dernier message de la personne ;
``ActionSure.run`` la pose dans ``LANGUE`` (variable de contexte, propre à chaque appel) : ``texte()``,
``evaluer`` et ``prochaine_question`` parlent alors cette langue. Sans métadonnée : le français.
"""
from __future__ import annotations

from contextvars import ContextVar
from typing import Any, Mapping

from langues import DEFAUT, normaliser

LANGUE: ContextVar[str] = ContextVar("langue", default=DEFAUT)


def langue_du_message(message: Mapping[str, Any] | None) -> str:
    metadonnees = (message or {}).get("metadata") or {}
    return normaliser(metadonnees.get("langue") if isinstance(metadonnees, Mapping) else None) or DEFAUT


def langue_du_suivi(tracker: Any) -> str:
    """La langue du dernier message : ``Tracker`` de rasa-sdk ou suivi JSON (requête NLG de Rasa). Au début
    d'une session (consentement), le message n'est pas encore dans le suivi : Rasa met ses métadonnées dans
    l'emplacement ``session_started_metadata``."""
    if isinstance(tracker, Mapping):
        dernier = tracker.get("latest_message")
        debut = (tracker.get("slots") or {}).get("session_started_metadata")
    else:
        dernier = getattr(tracker, "latest_message", None)
        debut = tracker.get_slot("session_started_metadata") if hasattr(tracker, "get_slot") else None
    if normaliser(((dernier or {}).get("metadata") or {}).get("langue") if isinstance(dernier, Mapping) else None):
        return langue_du_message(dernier)
    return langue_du_message({"metadata": debut if isinstance(debut, Mapping) else None})


def poser(tracker: Any) -> str:
    langue = langue_du_suivi(tracker)
    LANGUE.set(langue)
    return langue


def courante() -> str:
    return LANGUE.get()

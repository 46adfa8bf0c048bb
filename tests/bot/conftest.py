"""Fixtures des tests d'actions : domaine, faux moteur, fabrique de trackers."""

from __future__ import annotations

import importlib
import sys
import types
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from tests.bot import faux

RACINE = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def domaine() -> dict[str, Any]:
    """Le domaine fusionné (domain/*.yml), comme Rasa l'envoie au serveur d'actions."""
    fusion: dict[str, Any] = {"responses": {}, "slots": {}, "intents": [], "actions": []}
    for fichier in sorted((RACINE / "domain").glob("*.yml")):
        contenu = yaml.safe_load(fichier.read_text(encoding="utf-8")) or {}
        for cle, valeur in contenu.items():
            if isinstance(valeur, dict):
                fusion.setdefault(cle, {}).update(valeur)
            elif isinstance(valeur, list):
                fusion.setdefault(cle, []).extend(valeur)
            else:
                fusion[cle] = valeur
    return fusion


def _module(monkeypatch, nom: str) -> types.ModuleType:
    """Le vrai module s'il existe déjà, sinon un module vide (avant que droits/ n'arrive)."""
    try:
        return importlib.import_module(nom)
    except ImportError:
        module = types.ModuleType(nom)
        monkeypatch.setitem(sys.modules, nom, module)
        if "." in nom:
            parent, _, enfant = nom.rpartition(".")
            monkeypatch.setattr(importlib.import_module(parent), enfant, module, raising=False)
        return module


@pytest.fixture
def faux_moteur(monkeypatch):
    """Remplace droits et bot.extraction par les faux de faux.py (événements exacts stables)."""
    droits = _module(monkeypatch, "droits")
    for nom in ("CHAMPS", "DROITS", "SituationInvalide", "valider_situation",
                "prochaine_question", "evaluer"):
        monkeypatch.setattr(droits, nom, getattr(faux, nom), raising=False)
    extraction = _module(monkeypatch, "bot.extraction")
    for nom in ("extraire_faits", "analyser_reponse"):
        monkeypatch.setattr(extraction, nom, getattr(faux, nom), raising=False)
    return faux


def suivi(
    texte: str = "",
    intention: str | None = "informer",
    slots: dict[str, Any] | None = None,
    classement: list[dict[str, Any]] | None = None,
    entites: list[dict[str, Any]] | None = None,
) -> Tracker:
    """Un tracker rasa-sdk juste après un message de la personne."""
    valeurs = {"forme": "vous", "echecs": 0.0, "verdict_donne": False}
    valeurs.update(slots or {})
    message = {
        "text": texte,
        "intent": {"name": intention, "confidence": 0.9} if intention else {},
        "intent_ranking": classement or [],
        "entities": entites or [],
    }
    return Tracker(
        sender_id="test",
        slots=valeurs,
        latest_message=message,
        events=[{"event": "user", "text": texte, "parse_data": message}],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


@pytest.fixture
def lancer(domaine):
    """Lance une action ; rend (événements, messages du bot)."""
    import asyncio

    def _lancer(action, tracker: Tracker):
        dispatcher = CollectingDispatcher()
        events = asyncio.run(action.run(dispatcher, tracker, domaine))
        return events, dispatcher.messages

    return _lancer


# Mardi 1er décembre 2026, 8 h à Paris : les créneaux de démonstration (rdv/donnees/ouvertures.yaml)
# commencent le jour même à 9 h.
MAINTENANT = "2026-12-01T08:00:00+01:00"


@pytest.fixture(scope="session")
def _base_rdv_modele(tmp_path_factory):
    """Une base SQLite migrée avec ses créneaux, faite une fois puis copiée pour chaque test."""
    from datetime import datetime

    from rdv.db import migrer
    from rdv.service import ServiceRdv

    chemin = tmp_path_factory.mktemp("rdv") / "modele.db"
    url = f"sqlite:///{chemin}"
    migrer(url)
    service = ServiceRdv(url, horloge=lambda: datetime.fromisoformat(MAINTENANT))
    service.generer_creneaux()
    service.sessions.kw["bind"].dispose()
    return chemin


@pytest.fixture
def service_rdv(_base_rdv_modele, tmp_path):
    """Le VRAI service de réservation sur une base jetable, branché dans les actions."""
    import shutil
    from datetime import datetime

    from bot.actions import rendez_vous
    from rdv.service import ServiceRdv

    chemin = tmp_path / "rdv.db"
    shutil.copy(_base_rdv_modele, chemin)
    service = ServiceRdv(f"sqlite:///{chemin}", horloge=lambda: datetime.fromisoformat(MAINTENANT))
    rendez_vous.utiliser_service(service)
    frein = rendez_vous.frein_codes
    rendez_vous.frein_codes = rendez_vous._FreinCodes(rendez_vous.ECHECS_CODE_PAR_MINUTE)  # compteur à zéro
    yield service
    rendez_vous.frein_codes = frein
    rendez_vous.utiliser_service(None)
    service.sessions.kw["bind"].dispose()

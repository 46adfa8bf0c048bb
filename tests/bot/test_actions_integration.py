"""Les actions avec le VRAI droits et la VRAIE extraction, sans Rasa : chaque persona de
tests/e2e/personas.py va jusqu'au résultat attendu. L'intention est devinée grossièrement
(oui / non / informer) : ce test vérifie les actions, pas le NLU (voir tests/e2e)."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from tests.bot.conftest import suivi
from tests.e2e.personas import PERSONAS

extraction = pytest.importorskip("bot.extraction")
if not hasattr(extraction, "extraire_faits"):
    pytest.skip("bot.extraction n'est pas encore là", allow_module_level=True)

from bot.actions.dialogue import ActionAvancer  # noqa: E402

INITIAUX = {"forme": "vous", "echecs": 0.0, "verdict_donne": False}


def intention(texte: str) -> str:
    mot = texte.lower().split(",")[0].strip()
    return {"oui": "affirmer", "non": "nier"}.get(mot, "informer")


class Simulateur:
    def __init__(self, domaine):
        self.domaine = domaine
        self.slots = dict(INITIAUX)
        self.questions: list[str] = []
        self.resultats = None
        self.recaps = 0

    def envoyer(self, texte: str, nom_intention: str | None = None) -> list[dict]:
        dispatcher = CollectingDispatcher()
        tracker = suivi(texte, nom_intention or intention(texte), dict(self.slots))
        events = asyncio.run(ActionAvancer().run(dispatcher, tracker, self.domaine))
        for e in events:
            if e["event"] == "slot":
                self.slots[e["name"]] = e["value"]
            elif e["event"] in ("reset_slots", "restart"):
                self.slots = dict(INITIAUX)
        for m in dispatcher.messages:
            custom = m.get("custom") or {}
            if "question" in custom:
                self.questions.append(custom["question"])
            if "resultats" in custom:
                self.resultats = custom["resultats"]
            if "recap" in custom:
                self.recaps += 1
        return dispatcher.messages


@pytest.mark.parametrize("persona", PERSONAS, ids=lambda p: p.nom)
def test_persona_sans_rasa(domaine, persona):
    sim = Simulateur(domaine)
    messages = sim.envoyer(persona.premier, persona.intention)
    for _ in range(25):
        if sim.resultats:
            break
        custom = messages[-1].get("custom") or {}
        if "recap" in custom:  # « Voici ce que j'ai compris » : la persona confirme
            messages = sim.envoyer("oui c'est juste", "affirmer")
            continue
        champ = custom.get("question")
        assert champ in persona.reponses, (champ, sim.questions, messages)
        messages = sim.envoyer(persona.reponses[champ])
    assert sim.resultats, sim.questions
    assert sim.recaps == 1, "le récapitulatif vient une fois, avant le verdict"
    assert len(sim.questions) == len(set(sim.questions)), sim.questions
    statuts = {d: sim.resultats["droits"][d]["statut"] for d in persona.attendus}
    assert statuts == persona.attendus, (sim.questions, sim.slots)
    assert sim.slots.get("forme") == persona.forme

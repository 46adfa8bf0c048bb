"""Le français facile sur ce que la personne lit vraiment (issue 15 §3) : les verdicts rendus.

Chaque persona de tests/e2e/personas.py va jusqu'au verdict par les actions (vrais droits, vraie
extraction, sans Rasa) ; puis elle demande « Pourquoi ? », « Quoi apporter ? » et « Où aller ? ».
Les textes lus (verdict court, étapes, raisons, pièces, lieux : textes des règles et données des
lieux compris) passent par ../shared/tools/falc_check.py --texts, avec ses seuils
(../shared/docs/falc.md) : 10e centile Kandel-Moles ≥ 60, ≤ 12 mots par phrase en moyenne, aucune
phrase de plus de 20 mots, aucun sigle sans explication. Le verdict court fait au plus 120 mots.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest
from rasa_sdk.executor import CollectingDispatcher

from tests.bot.conftest import suivi
from tests.bot.test_actions_integration import Simulateur
from tests.e2e.personas import PERSONAS

FALC = Path(__file__).resolve().parents[3] / "shared" / "tools" / "falc_check.py"
DETAILS = [
    ('/demander_documents{"detail":"pourquoi"}', "demander_documents", [{"entity": "detail", "value": "pourquoi"}]),
    ("/demander_documents", "demander_documents", []),
    ("/demander_lieu", "demander_lieu", []),
]


def mots(texte: str) -> int:
    """Les mots lus (pas les pictogrammes ni les flèches)."""
    return sum(1 for m in texte.split() if any(c.isalnum() for c in m))


def textes_lus(domaine) -> tuple[list[str], list[str]]:
    """(verdicts courts, tous les textes lus après le récapitulatif) des personas."""
    from bot.actions.infos import ActionInfos

    verdicts, lus = [], []
    for persona in PERSONAS:
        sim = Simulateur(domaine)
        messages = sim.envoyer(persona.premier, persona.intention)
        for _ in range(30):
            if sim.resultats:
                break
            custom = messages[-1].get("custom") or {}
            if "recap" in custom:
                messages = sim.envoyer("oui c'est juste", "affirmer")
                continue
            messages = sim.envoyer(persona.reponse(custom.get("question"), custom.get("groupe"), "je ne sais pas"))
        verdict = next(m["text"] for m in messages if m.get("buttons") and m.get("text"))
        verdicts.append(verdict)
        lus += [m["text"] for m in messages if m.get("text")]
        for payload, intention, entites in DETAILS:
            dispatcher = CollectingDispatcher()
            tracker = suivi(payload, intention, dict(sim.slots), entites=entites)
            asyncio.run(ActionInfos().run(dispatcher, tracker, domaine))
            lus += [m["text"] for m in dispatcher.messages if m.get("text")]
    return verdicts, lus


@pytest.mark.skipif(not FALC.exists(), reason="falc_check.py absent")
def test_verdicts_rendus_faciles_a_lire(domaine):
    verdicts, lus = textes_lus(domaine)
    for verdict in verdicts:
        assert mots(verdict) <= 120, verdict
    # Une entrée par texte lu ; les lignes « - … » d'une liste sont des phrases à part.
    textes = sorted({t for t in lus})
    sortie = subprocess.run([sys.executable, str(FALC), "--texts", "-", "--json"], input=json.dumps(textes),
                            capture_output=True, text=True, timeout=120)
    rapport = json.loads(sortie.stdout.splitlines()[0])  # puis la ligne « FALC … » (mode --texts)
    resume = rapport["summary"]
    pires = sorted((t for t in rapport["texts"] if t.get("km") is not None and t["words"] >= 5),
                   key=lambda t: t["km"])[:8]
    print(json.dumps(resume, ensure_ascii=False))
    assert resume["km_p10"] >= 60, [(round(t["km"]), t["clean"][:160]) for t in pires]
    assert resume["words_per_sentence_mean"] <= 12, resume
    assert resume["sentences_over_20"] == 0, [t["clean"][:300] for t in rapport["texts"]
                                              if t.get("sentences_over_20")]
    sigles = {(a, t["clean"][:80]) for t in rapport["texts"] for a in t["acronyms_unexplained"]}
    assert not sigles, sorted(sigles)

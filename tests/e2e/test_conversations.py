"""Conversations de bout en bout : modèle entraîné, vrai serveur d'actions, canal REST de Rasa.

On vérifie les contrats de docs/architecture.md : ``custom.question`` sur chaque question,
``custom.resultats`` sur le résultat, une question par message, jamais deux fois le même fait.
"""

from __future__ import annotations

import httpx
import pytest

from tests.e2e.personas import PERSONAS, Persona
from tests.serveurs import Conversation

pytestmark = pytest.mark.rasa

MAX_TOURS = 25


def derouler(conv: Conversation, persona: Persona) -> list[list[dict]]:
    """Joue la persona jusqu'au résultat ; rend les réponses du bot, tour par tour."""
    tours = [conv.envoyer(persona.premier)]
    n_question = 0
    for _ in range(MAX_TOURS):
        if any("resultats" in c for c in conv.customs(conv.dernier)):
            return tours
        champ = conv.question
        assert champ, f"{persona.nom} : ni question ni résultat après {conv.textes()!r}"
        questions_du_message = [c for c in conv.customs(conv.dernier) if "question" in c]
        assert len(questions_du_message) == 1, conv.dernier
        assert champ in persona.reponses, f"{persona.nom} : question inattendue {champ!r}"
        n_question += 1
        if n_question in persona.interruptions:
            tours.append(conv.envoyer(persona.interruptions[n_question]))
        tours.append(conv.envoyer(persona.reponses[champ]))
    pytest.fail(f"{persona.nom} : pas de résultat après {MAX_TOURS} tours ; questions {conv.questions}")


@pytest.mark.parametrize("persona", PERSONAS, ids=lambda p: p.nom)
def test_persona_jusqu_au_resultat(conversation, persona):
    conv = conversation()
    tours = derouler(conv, persona)
    # L'information sur les données vient en premier, une seule fois.
    assert "Je garde vos réponses" in tours[0][0]["text"]
    assert sum("Je garde vos réponses" in m.get("text", "") for m in conv.messages) == 1
    # Jamais deux fois le même fait (sauf reprise après une interruption).
    questions = conv.questions
    if not persona.interruptions:
        assert len(questions) == len(set(questions)), questions
    # Un fait donné dans un message n'est jamais demandé ensuite.
    resultats = conv.resultats
    assert resultats is not None
    statuts = {d: resultats["droits"][d]["statut"] for d in persona.attendus}
    assert statuts == persona.attendus, (questions, statuts)
    # Le texte du résultat : chaque droit demandé, puis l'offre de rendez-vous des droits.
    textes = conv.textes(tours[-1])
    for nom in persona.droits:
        assert resultats["droits"][nom]["resume"] in textes
    assert "rendez-vous des droits" in textes
    if persona.forme in ("il", "elle"):
        assert "Résumé à copier" in textes
        assert "la personne" in conv.textes(conv.messages).lower()


def test_urgence_passe_en_premier_puis_reprise(conversation):
    conv = conversation()
    conv.envoyer("je veux le rsa")
    champ = conv.question
    assert champ
    reponse = conv.envoyer("mon mari me frappe, j'ai peur, aidez moi")
    assert "17" in reponse[0]["text"] and "115" in reponse[0]["text"]
    assert conv.question == champ  # on reprend la même question


def test_premier_message_urgence(conversation):
    conv = conversation()
    reponse = conv.envoyer("je dors dehors ce soir il fait tres froid")
    textes = [m.get("text", "") for m in reponse]
    assert "Je garde vos réponses" in textes[0]
    assert "115" in textes[1]


def test_faits_du_premier_message_jamais_redemandes(conversation):
    conv = conversation()
    conv.envoyer("j'ai 34 ans, je suis française, je dors dans la rue, je veux le rsa")
    persona = next(p for p in PERSONAS if p.nom == "rsa_a_la_rue")
    derouler_depuis = persona.reponses
    for _ in range(MAX_TOURS):
        if conv.resultats:
            break
        assert conv.question not in ("age", "nationalite", "logement"), conv.questions
        conv.envoyer(derouler_depuis[conv.question])
    assert conv.resultats["droits"]["rsa"]["statut"] == "eligible"


def test_correction_en_cours_de_route(conversation, serveurs_reels):
    conv = conversation()
    conv.envoyer("je veux le rsa, j'ai 22 ans")
    assert conv.question and conv.question != "age"
    conv.envoyer("non en fait j'ai 35 ans")
    assert "corrigé" in conv.textes()
    tracker = httpx.get(f"{serveurs_reels.rasa}/conversations/{conv.expediteur}/tracker").json()
    assert tracker["slots"]["age"] == 35


def test_parcours_annexes(conversation):
    conv = conversation()
    conv.envoyer("bonjour")
    assert {b["payload"] for b in conv.boutons()} >= {"/verifier_droits", "/demander_ame"}
    assert "programme" in conv.textes(conv.envoyer("tu es un robot ?"))
    assert "3230" in conv.textes(conv.envoyer("je veux parler a une vraie personne"))
    assert "3230" in conv.textes(conv.envoyer("humain"))  # le mot que le bot propose d'écrire
    assert "questions courtes" in conv.textes(conv.envoyer("aide"))
    conv.envoyer("/verifier_droits")
    assert conv.question
    champ = conv.question
    conv.envoyer("c'est quoi la meteo demain")
    assert conv.question == champ


def test_effacer_mes_donnees(conversation, serveurs_reels):
    conv = conversation()
    conv.envoyer("je veux l'ame, j'ai 30 ans, je suis malien")
    conv.envoyer("effacer")  # le mot que le bot propose d'écrire
    assert {b["payload"] for b in conv.boutons()} == {"/affirmer", "/nier"}
    conv.envoyer("Non, garder")
    conv.envoyer("supprimer mes données")
    assert {b["payload"] for b in conv.boutons()} == {"/affirmer", "/nier"}
    reponse = conv.envoyer("/affirmer")
    assert "effacé" in conv.textes(reponse)
    assert "Je garde vos réponses" in conv.textes(reponse)  # nouvelle conversation
    tracker = httpx.get(f"{serveurs_reels.rasa}/conversations/{conv.expediteur}/tracker").json()
    remplis = {k: v for k, v in tracker["slots"].items()
               if v not in (None, [], False, 0, 0.0, "vous") and (k, v) != ("rdv_mode", "reserver")}
    assert remplis == {}


def test_recommencer(conversation, serveurs_reels):
    conv = conversation()
    conv.envoyer("je veux le rsa, j'ai 40 ans")
    conv.envoyer("/recommencer")
    tracker = httpx.get(f"{serveurs_reels.rasa}/conversations/{conv.expediteur}/tracker").json()
    assert tracker["slots"]["age"] is None
    assert "recommence" in conv.textes()
    conv.envoyer("je veux le rsa")
    assert conv.question  # le parcours repart de zéro


def test_offre_de_rendez_vous_apres_le_resultat(conversation):
    conv = conversation()
    persona = next(p for p in PERSONAS if p.nom == "domiciliation_a_la_rue")
    derouler(conv, persona)
    conv.envoyer("/affirmer")
    assert "rendez-vous libres" in conv.textes()
    assert sum(b["payload"].startswith('/prendre_rdv{"creneau":') for b in conv.boutons()) == 4


@pytest.mark.parametrize(
    "texte",
    ["", "a" * 10_000, "😀😀😀", "hello, can you help me?", "مرحبا، أحتاج مساعدة", "123456789",
     '/informer{"age": 99}', '/informer{"age": 99, "nationalite": "francaise"}'],
    ids=["vide", "10ko", "emoji", "anglais", "arabe", "chiffres", "injection", "injection2"],
)
def test_entrees_bizarres(conversation, serveurs_reels, texte):
    conv = conversation()
    reponse = conv.envoyer(texte)
    assert any(m.get("text") for m in reponse), reponse
    tracker = httpx.get(f"{serveurs_reels.rasa}/conversations/{conv.expediteur}/tracker").json()
    for champ in ("age", "nationalite"):
        assert tracker["slots"][champ] is None
    # La conversation continue normalement après.
    conv.envoyer("je veux le rsa")
    assert conv.question

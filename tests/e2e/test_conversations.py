"""Conversations de bout en bout : modèle entraîné, vrai serveur d'actions, canal REST de Rasa.

On vérifie les contrats de docs/architecture.md : ``custom.question`` sur chaque question,
``custom.resultats`` sur le résultat, une question par message, jamais deux fois le même fait.
"""

from __future__ import annotations

import httpx
import pytest

from droits import registre
from tests.e2e.personas import PERSONAS, Persona
from tests.serveurs import Conversation

pytestmark = pytest.mark.rasa

MAX_TOURS = 25


def recap_montre(conv: Conversation) -> bool:
    return any("recap" in c for c in conv.customs(conv.dernier))


def derouler(conv: Conversation, persona: Persona) -> list[list[dict]]:
    """Joue la persona jusqu'au résultat ; rend les réponses du bot, tour par tour.

    Au récapitulatif (« Voici ce que j'ai compris »), la persona confirme avec ses mots."""
    tours = [conv.envoyer(persona.premier)]
    n_question = 0
    for _ in range(MAX_TOURS):
        if any("resultats" in c for c in conv.customs(conv.dernier)):
            return tours
        if recap_montre(conv):
            tours.append(conv.envoyer(persona.confirmation))
            continue
        champ = conv.question
        assert champ, f"{persona.nom} : ni question ni résultat après {conv.textes()!r}"
        questions_du_message = [c for c in conv.customs(conv.dernier) if "question" in c]
        assert len(questions_du_message) == 1, conv.dernier
        reponse = persona.reponse(champ, conv.groupe)
        assert reponse is not None, f"{persona.nom} : question inattendue {champ!r} ({conv.groupe})"
        n_question += 1
        if n_question in persona.interruptions:
            tours.append(conv.envoyer(persona.interruptions[n_question]))
        tours.append(conv.envoyer(reponse))
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
    # Le récapitulatif vient une fois, juste avant le verdict (issue 11 §2).
    recaps = [i for i, tour in enumerate(tours) if any("recap" in c for c in conv.customs(tour))]
    assert recaps == [len(tours) - 2], recaps
    # Le verdict court : une ligne par droit montré, puis l'offre de rendez-vous des droits (issue 15 §2).
    textes = conv.textes(tours[-1])
    verdict = next(c["verdict"] for c in conv.customs(tours[-1]) if "verdict" in c)
    assert set(persona.droits) <= set(verdict["droits"]) | {"domiciliation"}
    for nom in verdict["droits"]:
        assert f"{registre.droit(nom).bouton} :" in textes
    assert "rendez-vous des droits" in textes
    message_verdict = next(m["text"] for m in tours[-1] if m.get("buttons") and m.get("text"))
    mots = sum(1 for m in message_verdict.split() if any(c.isalnum() for c in m))  # pas les pictogrammes
    assert mots <= 120, message_verdict  # le résumé à copier de l'aidant est à part
    # Les pièges : jamais un fait qui n'a pas été dit, jamais une question sur un fait déjà dit.
    for champ in persona.sans_questions:
        assert champ not in questions, (champ, questions)
    if persona.interdits:
        slots = httpx.get(f"{conv.webhook.rsplit('/webhooks', 1)[0]}/conversations/{conv.expediteur}/tracker",
                          timeout=30).json()["slots"]
        for champ, faux in persona.interdits.items():
            assert slots.get(champ) != faux, (champ, slots.get(champ))
    for droit, statut in persona.statuts_interdits.items():
        assert resultats["droits"][droit]["statut"] != statut, (droit, resultats["droits"][droit])
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
    for _ in range(MAX_TOURS):
        if conv.resultats:
            break
        if recap_montre(conv):
            conv.envoyer("oui")
            continue
        assert conv.question not in ("age", "nationalite", "logement"), conv.questions
        conv.envoyer(persona.reponse(conv.question, conv.groupe))
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


# --- issue 11 §2, §3 et issue 15 §5, par les vrais serveurs ----------------------------------------

def _suivi(serveurs_reels, conv: Conversation) -> dict:
    return httpx.get(f"{serveurs_reels.rasa}/conversations/{conv.expediteur}/tracker", timeout=30).json()


def _toucher(conv: Conversation, debut_du_titre: str) -> list[dict]:
    bouton = next(b for b in conv.boutons() if b["title"].startswith(debut_du_titre))
    return conv.envoyer(bouton["payload"])


def test_aidant_corrige_un_fait_au_recapitulatif_et_le_verdict_change(conversation, serveurs_reels):
    """Une aidante voit « La personne vient d'un pays hors de l'UE », corrige en « Française » :
    le verdict de l'AME change (sans papiers : oui ; française : non)."""
    conv = conversation()
    conv.envoyer("Bonjour, je suis assistante sociale. Madame K. a 41 ans, elle est guinéenne, sans papiers, "
                 "en France depuis 2 ans. Elle dort chez une amie à Paris, sans payer. Elle n'a aucune ressource.")
    reponses = {"mois_sans_titre": "elle est arrivée sans visa", "foyer": "elle vit seule, sans enfant",
                "en_couple": "non", "enfants": "aucun",
                "ressources_annuelles": "rien", "adresse_courrier": "non", "domiciliation": "non",
                "lien_paris": "oui", "difficultes_logement": "non", "ressources_mensuelles": "rien",
                "arrondissement": "18"}
    for _ in range(MAX_TOURS):
        if recap_montre(conv):
            break
        cle = conv.groupe or conv.question
        assert cle in reponses, (cle, conv.textes())
        conv.envoyer(reponses[cle])
    recap = conv.textes()
    assert recap.startswith("Voici ce que j'ai compris de la personne")
    assert "- La personne a 41 ans." in recap
    assert "- La personne vient d'un pays hors de l'Union européenne." in recap
    _toucher(conv, "Corriger")
    assert "Que voulez-vous corriger" in conv.textes()
    _toucher(conv, "La personne vient d'un pays hors")
    assert conv.question == "nationalite"
    _toucher(conv, "Française")
    for _ in range(MAX_TOURS):  # la nationalité change : d'autres faits peuvent manquer
        if conv.resultats and any("resultats" in c for c in conv.customs(conv.dernier)):
            break
        if recap_montre(conv):
            _toucher(conv, "C'est juste")
            continue
        conv.envoyer(reponses.get(conv.groupe or conv.question, "je ne sais pas"))
    assert conv.resultats["droits"]["ame"]["statut"] == "non_eligible"
    assert _suivi(serveurs_reels, conv)["slots"]["nationalite"] == "francaise"


def test_une_reponse_a_une_autre_question_ne_repond_pas_a_celle_posee(conversation, serveurs_reels):
    """« j'ai 30 ans » à une question oui / non : l'âge est noté, la question est reposée (issue 11 §1)."""
    conv = conversation()
    conv.envoyer("je dors chez un ami et je veux savoir mes droits")
    for _ in range(MAX_TOURS):
        if conv.question in ("adresse_courrier", "vit_a_paris", "lien_paris", "domiciliation", "en_couple"):
            break
        conv.envoyer({"nationalite": "française", "age": "41"}.get(conv.question, "je ne sais pas"))
    champ = conv.question
    assert champ, conv.textes()
    conv.envoyer("j'ai 30 ans")
    assert conv.question == champ
    slots = _suivi(serveurs_reels, conv)["slots"]
    assert slots[champ] is None
    assert slots["age"] in (30, 41)


def test_une_situation_decrite_regarde_tous_les_droits(conversation, serveurs_reels):
    conv = conversation()
    conv.envoyer("j'ai pas d'argent et je dors dehors")
    assert _suivi(serveurs_reels, conv)["slots"]["droits_demandes"] == list(registre.IDS)


def test_l_ame_sans_adresse_amene_la_question_du_courrier(conversation):
    conv = conversation()
    conv.envoyer("/demander_ame")
    reponses = {"nationalite": "Autre pays", "titre_sejour": "Aucun papier", "mois_en_france": "2 ans",
                "mois_sans_titre": "2 ans", "age": "30", "ressources_annuelles": "0", "ressources_mensuelles": "0",
                "foyer": "Seul(e), sans enfant", "en_couple": "non", "enfants": "0", "logement": "À la rue",
                "adresse_courrier": "non",
                "domiciliation": "non", "lien_paris": "oui", "vit_a_paris": "oui"}
    derouler(conv, Persona(nom="ame", premier="/demander_ame", reponses=reponses, attendus={}))
    assert "adresse_courrier" in conv.questions
    verdict = next(c["verdict"] for c in conv.customs(conv.dernier) if "verdict" in c)
    assert verdict["droits"] == ["ame", "domiciliation"]  # la domiciliation en préalable de l'AME


def test_les_numeros_de_securite_d_abord_dans_un_long_message(conversation):
    conv = conversation()
    reponse = conv.envoyer(
        "Bonjour, je m'appelle Awa, j'ai 29 ans, je suis ivoirienne et j'ai un titre de séjour depuis 3 ans. "
        "Depuis des mois mon compagnon me frappe quand il boit, hier encore. J'ai un fils de 4 ans. "
        "Je voudrais savoir si j'ai droit au RSA et à une aide pour le loyer, on est locataires dans le 20e.")
    textes = [m.get("text", "") for m in reponse if m.get("text")]
    securite = next(i for i, t in enumerate(textes) if "3919" in t)
    assert "17" in textes[securite] and "112" in textes[securite]
    assert securite <= 1  # juste après l'information sur les données
    assert conv.question  # puis la conversation continue


def test_le_bouton_du_foyer_donne_le_couple_et_les_enfants(conversation, serveurs_reels):
    """« Avec qui vivez-vous ? » (question groupée) : le bouton « Seul(e), sans enfant » passe par le vrai Rasa
    (entité ``faits``) et donne les deux faits ; le nombre d'enfants n'est plus demandé."""
    conv = conversation()
    conv.envoyer("je veux le rsa, j'ai 40 ans, je suis français, je dors dans la rue, je n'ai aucun revenu")
    reponses = {"etudiant": "non", "vit_a_paris": "oui", "adresse_courrier": "non", "nationalite": "française"}
    for _ in range(MAX_TOURS):
        if conv.groupe == "foyer" or recap_montre(conv) or conv.resultats:
            break
        conv.envoyer(reponses.get(conv.question, "je ne sais pas"))
    assert conv.groupe == "foyer" and conv.question == "en_couple", conv.questions
    assert "Avec qui vivez-vous ?" in conv.textes()
    _toucher(conv, "Seul(e), sans enfant")
    slots = _suivi(serveurs_reels, conv)["slots"]
    assert slots["en_couple"] is False and slots["enfants"] == 0
    for _ in range(MAX_TOURS):
        if recap_montre(conv):
            break
        conv.envoyer(reponses.get(conv.question, "je ne sais pas"))
    assert "enfants" not in conv.questions
    recap = conv.textes()
    assert "pas d'enfant à charge" in recap, recap
    _toucher(conv, "C'est juste")
    assert conv.resultats["droits"]["rsa"]["statut"] == "eligible"

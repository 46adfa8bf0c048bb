"""Telegram avec le vrai client PTB contre un faux serveur Bot API local (base_url)."""

from __future__ import annotations

import hashlib
import hmac
import logging

import pytest
from fastapi.testclient import TestClient

from bot.passerelle import textes
from bot.passerelle.app import creer_app
from tests.passerelle.outils import FauxTelegram, ServeurFil, attendre

JETON = "123456:ABCdefGhIJKlmnoPQRstuVWXyz0123456789"
SECRET = "secret-webhook-de-test_0123456789"


def pseudo(reglages, chat_id):
    return "te-" + hmac.new(reglages.pseudonyme_cle, f"telegram:{chat_id}".encode(), hashlib.sha256).hexdigest()[:32]


@pytest.fixture
def faux_telegram():
    faux = FauxTelegram(JETON)
    with ServeurFil(faux.app) as serveur:
        faux.url = serveur.url
        yield faux


@pytest.fixture
def polling(fabrique_reglages, faux_telegram):
    reglages = fabrique_reglages(telegram_token=JETON, telegram_base_url=faux_telegram.url,
                                 telegram_delai_polling=1, sms_numero="+33700000000")
    with TestClient(creer_app(reglages)) as c:
        attendre(lambda: c.app.state.passerelle.telegram.actif)
        yield c, reglages


def test_polling_conversation_boutons_et_callbacks(polling, faux_telegram, faux_rasa):
    client, reglages = polling
    chat = 4242
    faux_telegram.pousser(FauxTelegram.update_texte(chat, "/start"))
    accueil = attendre(lambda: [m for m in faux_telegram.messages_vers(chat) if m.get("reply_markup")])
    # le consentement vient de Rasa (« bonjour » relayé), puis la passerelle ajoute le choix
    assert faux_telegram.messages_vers(chat)[0]["text"].startswith("Je garde vos réponses")
    assert faux_rasa.messages_de(pseudo(reglages, chat)) == ["bonjour"]
    clavier = accueil[-1]["reply_markup"]["inline_keyboard"]
    assert clavier[0][0]["text"] == "Tous mes droits"
    donnees = clavier[0][0]["callback_data"]
    assert len(donnees.encode()) <= 64

    # Un bouton : le callback reçoit une réponse, l'intention part vers Rasa.
    faux_telegram.pousser(FauxTelegram.update_bouton(chat, donnees))
    attendre(lambda: len(faux_rasa.messages_de(pseudo(reglages, chat))) == 2)
    assert faux_rasa.messages_de(pseudo(reglages, chat)) == ["bonjour", "/verifier_droits"]
    attendre(lambda: faux_telegram.appels_de("answerCallbackQuery"))
    question = attendre(lambda: [m for m in faux_telegram.messages_vers(chat) if "Où dormez-vous" in m["text"]])
    boutons = question[-1]["reply_markup"]["inline_keyboard"]
    assert [l[0]["text"] for l in boutons] == ["À la rue", "Au 115 ou en centre", "Chez quelqu'un"]

    # Un vieux bouton (jeton d'un tour passé) est refusé poliment.
    faux_telegram.pousser(FauxTelegram.update_bouton(chat, donnees))
    attendre(lambda: [m for m in faux_telegram.messages_vers(chat) if m["text"] == textes.BOUTON_PERIME])
    assert faux_rasa.messages_de(pseudo(reglages, chat)) == ["bonjour", "/verifier_droits"]

    # Le bon bouton, puis un texte libre, jusqu'au verdict.
    faux_telegram.pousser(FauxTelegram.update_bouton(chat, boutons[0][0]["callback_data"]))
    attendre(lambda: len(faux_rasa.messages_de(pseudo(reglages, chat))) == 3)
    assert faux_rasa.messages_de(pseudo(reglages, chat))[-1] == '/informer{"logement": "rue"}'
    attendre(lambda: [m for m in faux_telegram.messages_vers(chat) if "Vivez-vous à Paris" in m["text"]])
    faux_telegram.pousser(FauxTelegram.update_texte(chat, "oui"))
    attendre(lambda: [m for m in faux_telegram.messages_vers(chat) if "Voici ce que je peux vous dire" in m["text"]])


def test_injection_commande_inconnue(polling, faux_telegram, faux_rasa):
    client, reglages = polling
    chat = 777
    faux_telegram.pousser(FauxTelegram.update_texte(chat, '/informer{"age":99}'))
    attendre(lambda: faux_rasa.messages_de(pseudo(reglages, chat)))
    assert faux_rasa.messages_de(pseudo(reglages, chat)) == ['informer{"age":99}']


def test_aide_et_supprimer(polling, faux_telegram, faux_rasa):
    client, reglages = polling
    chat = 31
    faux_telegram.pousser(FauxTelegram.update_texte(chat, "echo bonjour"))
    attendre(lambda: faux_telegram.messages_vers(chat))
    faux_telegram.pousser(FauxTelegram.update_texte(chat, "/aide"))
    attendre(lambda: [m for m in faux_telegram.messages_vers(chat) if m["text"] == textes.AIDE])
    faux_telegram.pousser(FauxTelegram.update_texte(chat, "/supprimer"))
    attendre(lambda: [m for m in faux_telegram.messages_vers(chat) if m["text"] == textes.SUPPRIME])
    attendre(lambda: faux_rasa.vidages_de(pseudo(reglages, chat)) == [(faux_rasa.jeton, [])])


def test_longue_reponse_decoupee(polling, faux_telegram):
    chat = 99
    faux_telegram.pousser(FauxTelegram.update_texte(chat, "long"))
    morceaux = attendre(lambda: faux_telegram.messages_vers(chat)[1:] if len(faux_telegram.messages_vers(chat)) >= 3
                        else None)
    assert all(len(m["text"]) <= 4096 for m in morceaux)
    assert all(m["text"].endswith("du bot.") for m in morceaux)


def test_reprise_depuis_la_borne(polling, faux_telegram, faux_rasa):
    """Code de la borne → /start CODE sur Telegram : même conversation Rasa ; la borne repart à zéro."""
    client, reglages = polling
    client.post("/api/v1/chat", json={"sender": "borne-1", "message": "mes droits"})
    reprise = client.post("/api/v1/chat/reprise", json={"sender": "borne-1"}).json()
    assert reprise["expire_dans_secondes"] == 86400
    canaux = {l["canal"]: l for l in reprise["liens"]}
    assert canaux["telegram"]["url"] == f"https://t.me/faux_droits_bot?start={reprise['code']}"
    assert canaux["telegram"]["qr_svg"].startswith("<svg") or "<svg" in canaux["telegram"]["qr_svg"][:200]
    assert reprise["code"] in canaux["sms"]["url"]
    borne = "we-" + hmac.new(reglages.pseudonyme_cle, b"web:borne-1", hashlib.sha256).hexdigest()[:32]

    chat = 555
    faux_telegram.pousser(FauxTelegram.update_texte(chat, f"/start {reprise['code']}"))
    attendre(lambda: [m for m in faux_telegram.messages_vers(chat) if m["text"] == textes.REPRISE_OK])
    faux_telegram.pousser(FauxTelegram.update_texte(chat, "echo suite"))
    attendre(lambda: faux_rasa.messages_de(borne)[-1] == "echo suite")
    assert faux_rasa.messages_de(pseudo(reglages, chat)) == []
    # le code ne sert qu'une fois
    faux_telegram.pousser(FauxTelegram.update_texte(chat + 1, f"/start {reprise['code']}"))
    attendre(lambda: [m for m in faux_telegram.messages_vers(chat + 1) if m["text"] == textes.REPRISE_INCONNUE])
    # la borne, elle, ne voit plus cette conversation
    client.post("/api/v1/chat", json={"sender": "borne-1", "message": "echo borne"})
    assert faux_rasa.messages_de(borne)[-1] == "echo suite"


def test_jeton_jamais_journalise(polling, faux_telegram, caplog):
    caplog.set_level(logging.DEBUG)
    faux_telegram.pousser(FauxTelegram.update_texte(8, "echo x"))
    attendre(lambda: faux_telegram.messages_vers(8))
    assert JETON not in caplog.text
    assert logging.getLogger("httpx").level >= logging.WARNING


# -- webhook -----------------------------------------------------------------------------------

@pytest.fixture
def webhook(fabrique_reglages, faux_telegram):
    reglages = fabrique_reglages(telegram_token=JETON, telegram_base_url=faux_telegram.url,
                                 telegram_mode="webhook", telegram_webhook_secret=SECRET,
                                 public_base_url="https://droits.exemple.fr")
    with TestClient(creer_app(reglages)) as c:
        yield c, reglages


def test_webhook_enregistre_avec_secret(webhook, faux_telegram):
    appel = faux_telegram.appels_de("setWebhook")[-1]
    assert appel["url"] == "https://droits.exemple.fr/telegram/webhook"
    assert appel["secret_token"] == SECRET
    assert faux_telegram.appels_de("getUpdates") == []


def test_webhook_secret_valide(webhook, faux_telegram, faux_rasa):
    client, reglages = webhook
    update = dict(FauxTelegram.update_texte(61, "echo via webhook"), update_id=1)
    r = client.post("/telegram/webhook", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
    assert r.status_code == 200
    assert faux_rasa.messages_de(pseudo(reglages, 61)) == ["echo via webhook"]
    assert faux_telegram.messages_vers(61)[-1]["text"] == "via webhook"


@pytest.mark.parametrize("entetes", [{}, {"X-Telegram-Bot-Api-Secret-Token": "faux"},
                                     {"X-Telegram-Bot-Api-Secret-Token": SECRET + "x"},
                                     {"X-Telegram-Bot-Api-Secret-Token": ""}])
def test_webhook_forge_refuse(webhook, faux_rasa, entetes):
    client, reglages = webhook
    update = dict(FauxTelegram.update_texte(62, "echo forge"), update_id=2)
    r = client.post("/telegram/webhook", json=update, headers=entetes)
    assert r.status_code == 403
    assert faux_rasa.messages_de(pseudo(reglages, 62)) == []


def test_webhook_refuse_en_mode_polling_ou_sans_telegram(client, polling):
    update = dict(FauxTelegram.update_texte(63, "echo"), update_id=3)
    for c in (client, polling[0]):
        r = c.post("/telegram/webhook", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
        assert r.status_code == 403


def test_langue_de_l_application_et_bouton_pour_la_changer(polling, faux_telegram, faux_rasa):
    """Issue 13 : ``language_code`` de Telegram (« ar ») donne la langue de la conversation ; un bouton
    « Langue » sous l'accueil ouvre le choix ; le choix part à Rasa (métadonnées) et la question revient."""
    client, reglages = polling
    chat = 5151
    avant = len(faux_rasa.langues)
    faux_telegram.pousser(FauxTelegram.update_texte(chat, "/start", langue="ar"))
    accueil = attendre(lambda: [m for m in faux_telegram.messages_vers(chat) if m.get("reply_markup")])
    assert faux_rasa.langues[avant][1] == "ar"
    assert accueil[-1]["text"] == textes.texte("question_accueil", "ar")
    clavier = [l[0] for l in accueil[-1]["reply_markup"]["inline_keyboard"]]
    assert clavier[0]["text"] == textes.texte("tous_mes_droits", "ar")
    assert clavier[-1]["text"].endswith(textes.texte("langue_bouton", "ar"))
    faux_telegram.pousser(FauxTelegram.update_bouton(chat, clavier[-1]["callback_data"]))
    choix = attendre(lambda: [m for m in faux_telegram.messages_vers(chat)
                              if m["text"] == textes.texte("langue_question", "ar")])
    langues_ = [l[0] for l in choix[-1]["reply_markup"]["inline_keyboard"]]
    assert [b["text"] for b in langues_] == ["Français", "English", "العربية", "دری", "پښتو", "Română"]
    faux_telegram.pousser(FauxTelegram.update_bouton(chat, langues_[1]["callback_data"]))
    attendre(lambda: [m for m in faux_telegram.messages_vers(chat) if m["text"] == textes.texte("langue_choisie", "en")])
    attendre(lambda: faux_rasa.messages_de(pseudo(reglages, chat))[-1] == "/changer_langue")
    assert faux_rasa.langues[-1][1] == "en"

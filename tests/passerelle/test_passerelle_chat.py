"""API de discussion : relais vers Rasa, filtre « / », limites, pseudonymes, Rasa indisponible."""

from __future__ import annotations

import hashlib
import hmac
import logging

import pytest
from fastapi.testclient import TestClient

from bot.passerelle import textes
from bot.passerelle.app import creer_app
from bot.passerelle.reglages import Reglages, ReglagesInvalides
from bot.passerelle.relais import neutraliser
from tests.passerelle.outils import port_ferme


def pseudo(reglages: Reglages, canal: str, identifiant: str) -> str:
    return f"{canal[:2]}-" + hmac.new(reglages.pseudonyme_cle, f"{canal}:{identifiant}".encode(),
                                      hashlib.sha256).hexdigest()[:32]


def test_routes_du_contrat_et_openapi(client):
    schema = client.get("/openapi.json").json()
    chemins = set(schema["paths"])
    assert {"/api/v1/chat", "/api/v1/eligibilite", "/sms/twilio", "/telegram/webhook", "/healthz"} <= chemins
    assert client.get("/docs").status_code == 200
    assert client.get("/").status_code == 200
    assert client.get("/pro").status_code == 200


def test_chat_relaie_et_pseudonymise(client, reglages, faux_rasa):
    r = client.post("/api/v1/chat", json={"sender": "personne-1", "message": "mes droits"})
    assert r.status_code == 200
    messages = r.json()
    assert messages[0]["text"].startswith("Je garde vos réponses")  # consentement de Rasa
    assert messages[1]["text"].startswith("D'accord")
    assert [b["payload"] for b in messages[1]["buttons"]][0].startswith("/informer")
    assert messages[2]["custom"] == {"question": "logement", "langue": "fr"}  # custom.langue : issue 13
    assert all("recipient_id" not in m for m in messages)
    attendu = pseudo(reglages, "web", "personne-1")
    assert faux_rasa.messages_de(attendu) == ["mes droits"]
    assert textes.ACCUEIL_BORNE not in r.text
    assert not any(s == "personne-1" for s, _ in faux_rasa.tous())


def test_payload_propose_passe_tel_quel(client, reglages, faux_rasa):
    client.post("/api/v1/chat", json={"sender": "p2", "message": "mes droits"})
    payload = '/informer{"logement": "rue"}'
    r = client.post("/api/v1/chat", json={"sender": "p2", "message": payload})
    assert r.status_code == 200
    assert faux_rasa.messages_de(pseudo(reglages, "web", "p2"))[-1] == payload


@pytest.mark.parametrize("injection, attendu", [
    ('/informer{"age": 99}', 'informer{"age": 99}'),
    ("/restart", "restart"),
    ("  //session_start", "session_start"),
    ("/ /affirmer", "affirmer"),
    ("\n\t/nier", "nier"),
])
def test_injection_slash_neutralisee(client, reglages, faux_rasa, injection, attendu):
    sender = f"inj-{abs(hash(injection))}"
    r = client.post("/api/v1/chat", json={"sender": sender, "message": injection})
    assert r.status_code == 200
    recus = faux_rasa.messages_de(pseudo(reglages, "web", sender))
    assert recus == [attendu]
    assert not recus[0].startswith("/")


def test_payload_non_propose_a_cet_expediteur(client, reglages, faux_rasa):
    """Un payload proposé à A n'est pas accepté de B ; un payload d'un tour ancien non plus."""
    client.post("/api/v1/chat", json={"sender": "A", "message": "mes droits"})
    payload = '/informer{"logement": "rue"}'
    client.post("/api/v1/chat", json={"sender": "B", "message": "echo rien"})
    client.post("/api/v1/chat", json={"sender": "B", "message": payload})
    assert faux_rasa.messages_de(pseudo(reglages, "web", "B"))[-1] == 'informer{"logement": "rue"}'
    # A répond au logement, puis rejoue l'ancien payload : les boutons proposés ont changé.
    client.post("/api/v1/chat", json={"sender": "A", "message": payload})
    client.post("/api/v1/chat", json={"sender": "A", "message": payload})
    assert faux_rasa.messages_de(pseudo(reglages, "web", "A"))[-1] == 'informer{"logement": "rue"}'
    # Un payload modifié (même intention, autre entité) n'est pas accepté.
    client.post("/api/v1/chat", json={"sender": "C", "message": "mes droits"})
    client.post("/api/v1/chat", json={"sender": "C", "message": '/informer{"logement": "proprietaire"}'})
    assert faux_rasa.messages_de(pseudo(reglages, "web", "C"))[-1] == 'informer{"logement": "proprietaire"}'


def test_accueil_propose_les_intentions(client, reglages, faux_rasa):
    messages = client.post("/api/v1/chat/accueil", json={"sender": "acc"}).json()
    payloads = [b["payload"] for m in messages for b in m.get("buttons", [])]
    assert "/verifier_droits" in payloads
    client.post("/api/v1/chat", json={"sender": "acc", "message": "/demander_ame"})
    assert faux_rasa.messages_de(pseudo(reglages, "web", "acc")) == ["/demander_ame"]


def test_taille_limite(client, faux_rasa, reglages):
    r = client.post("/api/v1/chat", json={"sender": "long", "message": "a" * 2001})
    assert r.status_code == 413
    assert "trop long" in r.json()["detail"]
    assert "2 000" in r.json()["messages"][0]["text"]
    assert faux_rasa.messages_de(pseudo(reglages, "web", "long")) == []
    r = client.post("/api/v1/chat", json={"sender": "long", "message": "é" * 2000})
    assert r.status_code == 200
    r = client.post("/api/v1/chat", json={"sender": "long", "message": "x" * 10_000})
    assert r.status_code == 413


@pytest.mark.parametrize("vide", ["", "   ", "\n\t", "/", "///  "])
def test_message_vide(client, vide):
    r = client.post("/api/v1/chat", json={"sender": "vide", "message": vide})
    assert r.status_code == 400
    assert r.json()["detail"] == textes.MESSAGE_VIDE


def test_debit_par_expediteur(fabrique_reglages, faux_rasa):
    reglages = fabrique_reglages(debit_max=3, debit_fenetre=60)
    with TestClient(creer_app(reglages)) as c:
        codes = [c.post("/api/v1/chat", json={"sender": "vite", "message": "echo x"}).status_code for _ in range(5)]
        assert codes == [200, 200, 200, 429, 429]
        r = c.post("/api/v1/chat", json={"sender": "vite", "message": "echo x"})
        assert r.json()["detail"] == textes.TROP_RAPIDE
        assert int(r.headers["Retry-After"]) >= 1
        # un autre expéditeur n'est pas touché
        assert c.post("/api/v1/chat", json={"sender": "lent", "message": "echo x"}).status_code == 200


def test_rasa_indisponible_503_en_francais(fabrique_reglages):
    reglages = fabrique_reglages(rasa_url=f"http://127.0.0.1:{port_ferme()}",
                                 actions_url=f"http://127.0.0.1:{port_ferme()}")
    with TestClient(creer_app(reglages)) as c:
        r = c.post("/api/v1/chat", json={"sender": "x", "message": "mes droits"})
        assert r.status_code == 503
        assert "ne répond pas" in r.json()["detail"]
        sante = c.get("/healthz")
        assert sante.status_code == 503
        assert sante.json()["rasa"]["statut"] == "erreur"
        assert sante.json()["actions"]["statut"] == "erreur"


def test_healthz_ok(client):
    r = client.get("/healthz")
    corps = r.json()
    assert r.status_code == 200, corps
    assert corps["statut"] == "ok"
    assert corps["rasa"] == {"statut": "ok", "version": "3.6.21", "api": "ok"}
    assert corps["actions"]["statut"] == "ok"
    assert corps["base"]["statut"] == "ok"


def test_effacer_vide_la_conversation_dans_rasa(client, reglages, faux_rasa):
    client.post("/api/v1/chat", json={"sender": "eff", "message": "mes droits"})
    r = client.post("/api/v1/chat/effacer", json={"sender": "eff"})
    assert r.json() == {"efface": True}
    # PUT /conversations/{id}/tracker/events?token=... avec [] ; pas de « /restart » (il n'efface rien)
    assert faux_rasa.vidages_de(pseudo(reglages, "web", "eff")) == [(faux_rasa.jeton, [])]
    assert faux_rasa.messages_de(pseudo(reglages, "web", "eff")) == ["mes droits"]
    # plus aucun bouton n'est proposé : l'ancien payload est neutralisé
    client.post("/api/v1/chat", json={"sender": "eff", "message": '/informer{"logement": "rue"}'})
    assert faux_rasa.messages_de(pseudo(reglages, "web", "eff"))[-1] == 'informer{"logement": "rue"}'


def test_journal_sans_texte_ni_identifiant(client, reglages, caplog):
    caplog.set_level(logging.DEBUG)
    secret = "mon-texte-tres-prive-0612345678"
    client.post("/api/v1/chat", json={"sender": "id-en-clair-xyz", "message": secret})
    client.post("/api/v1/chat", json={"sender": "id-en-clair-xyz", "message": "/" + secret})
    assert secret not in caplog.text
    assert "id-en-clair-xyz" not in caplog.text
    assert pseudo(reglages, "web", "id-en-clair-xyz") in caplog.text


def test_production_exige_la_cle():
    with pytest.raises(ReglagesInvalides):
        Reglages(environnement="production").verifier()
    with pytest.raises(ReglagesInvalides):
        Reglages(environnement="production", pseudonyme_cle=b"courte").verifier()
    with pytest.raises(ReglagesInvalides, match="RASA_JETON"):
        Reglages(environnement="production", pseudonyme_cle=b"x" * 32).verifier()
    ok = Reglages(environnement="production", pseudonyme_cle=b"x" * 32, rasa_jeton="j" * 32).verifier()
    assert ok.pseudonyme_cle == b"x" * 32 and not ok.cle_ephemere


def test_developpement_cle_ephemere(caplog):
    caplog.set_level(logging.WARNING)
    r = Reglages().verifier()
    assert len(r.pseudonyme_cle) == 32 and r.cle_ephemere
    assert "PSEUDONYME_CLE" in caplog.text


def test_reglages_depuis_env():
    r = Reglages.depuis_env({"PSEUDONYME_CLE": "k" * 40, "RASA_URL": "http://127.0.0.1:6000/",
                             "KIOSQUE_INACTIVITE": "5", "TELEGRAM_MODE": "webhook"}, charger_dotenv=False)
    assert r.rasa_url == "http://127.0.0.1:6000" and r.kiosque_inactivite == 5.0
    assert r.port == 8000 and r.telegram_mode == "webhook"
    assert r.rasa_jeton == "" and r.conservation_minutes == 60.0
    r = Reglages.depuis_env({"RASA_JETON": " jeton-rasa ", "CONSERVATION_MINUTES": "15"}, charger_dotenv=False)
    assert r.rasa_jeton == "jeton-rasa" and r.conservation_minutes == 15.0


def test_neutraliser():
    assert neutraliser("/x") == "x"
    assert neutraliser("texte / normal") == "texte / normal"
    assert neutraliser(" \\/restart") == "restart"


def test_entetes_de_securite(client):
    r = client.get("/")
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-frame-options"] == "DENY"
    assert '<html lang="fr">' in r.text
    assert "cdn" not in r.text.lower() and "https://" not in r.text


def test_filtre_de_secrets_sur_les_journaux(caplog):
    from bot.passerelle import journal

    caplog.set_level(logging.INFO)
    journal.configurer("INFO", ["jeton-tres-secret-123"])
    logging.getLogger("telegram.ext.Updater").error("échec https://api/botjeton-tres-secret-123/getMe")
    logging.getLogger("passerelle").info("clé %s", "jeton-tres-secret-123")
    assert "jeton-tres-secret-123" not in caplog.text
    assert "***" in caplog.text

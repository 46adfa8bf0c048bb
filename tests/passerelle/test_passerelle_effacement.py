"""Effacement et rétention : la passerelle vide le suivi Rasa (PUT .../tracker/events avec [], jeton
RASA_JETON en ?token=) et oublie ce qu'elle garde (boutons, codes de reprise, liens).

Tests unitaires contre le faux Rasa (tests/passerelle/outils.py), puis (@pytest.mark.rasa) contre les
vrais serveurs : après l'effacement, ``GET /conversations/{id}/tracker`` ne contient plus le texte.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import logging
import time

import httpx
import pytest
from fastapi.testclient import TestClient
from twilio.request_validator import RequestValidator

from bot.passerelle.app import creer_app
from tests.passerelle.outils import (CONFIRMATION_EFFACEMENT, MESSAGE_EFFACEMENT, FauxTelegram, ServeurFil,
                                     attendre)

JETON_TWILIO = "jeton-twilio-effacement-0123456789"
JETON_TELEGRAM = "765432:EffacementTokenForTheFakeBotApi0000"
BASE = "https://droits.exemple.fr"
_sid = itertools.count(1)


class Horloge:
    """Horloge injectée (secondes) : les tests la font avancer."""

    def __init__(self, t: float = 10_000.0):
        self.t = t

    def __call__(self) -> float:
        return self.t

    def avancer(self, minutes: float) -> None:
        self.t += 60.0 * minutes


def pseudo(reglages, canal: str, identifiant: str) -> str:
    return f"{canal[:2]}-" + hmac.new(reglages.pseudonyme_cle, f"{canal}:{identifiant}".encode(),
                                      hashlib.sha256).hexdigest()[:32]


def chat(c, sender: str, message: str):
    return c.post("/api/v1/chat", json={"sender": sender, "message": message})


def sms(c, texte: str, de: str):
    p = {"MessageSid": f"SMeff{next(_sid):029d}", "From": de, "To": "+33700000000", "Body": texte}
    sig = RequestValidator(JETON_TWILIO).compute_signature(BASE + "/sms/twilio", p)
    return c.post("/sms/twilio", data=p, headers={"X-Twilio-Signature": sig})


# -- effacement à la demande ---------------------------------------------------------------------

def test_bouton_effacer_vide_rasa_avec_le_jeton_et_oublie_tout(fabrique_reglages, faux_rasa):
    reglages = fabrique_reglages(sms_numero="+33700000000").verifier()
    with TestClient(creer_app(reglages)) as c:
        relais = c.app.state.passerelle.relais
        p = pseudo(reglages, "web", "borne-1")
        assert chat(c, "borne-1", "mes droits").status_code == 200  # boutons proposés
        code = c.post("/api/v1/chat/reprise", json={"sender": "borne-1"}).json()["code"]
        assert relais.offres.lire(p) is not None and relais.reprises.code_de(p) == code
        assert p in relais.activite

        assert c.post("/api/v1/chat/effacer", json={"sender": "borne-1", "raison": "bouton"}).json() == \
            {"efface": True}
        assert faux_rasa.vidages_de(p) == [(faux_rasa.jeton, [])]
        assert "/restart" not in faux_rasa.messages_de(p)
        assert relais.offres.lire(p) is None           # boutons oubliés
        assert relais.reprises.code_de(p) is None      # code annulé
        assert p not in relais.activite               # plus rien à retenir
        r = chat(c, "borne-1", '/informer{"logement": "rue"}')  # l'ancien bouton ne passe plus
        assert faux_rasa.messages_de(p)[-1] == 'informer{"logement": "rue"}'
        assert r.status_code == 200


def test_inactivite_de_la_borne_vide_rasa(fabrique_reglages, faux_rasa):
    reglages = fabrique_reglages()
    with TestClient(creer_app(reglages)) as c:
        chat(c, "borne-2", "mes droits")
        c.post("/api/v1/chat/effacer", json={"sender": "borne-2", "raison": "inactivite"})
        assert faux_rasa.vidages_de(pseudo(reglages, "web", "borne-2")) == [(faux_rasa.jeton, [])]


def test_inactivite_avec_code_en_attente_puis_retention(fabrique_reglages, faux_rasa):
    """Un code attend : la conversation est détachée de la borne, gardée au plus CONSERVATION_MINUTES
    sans message, puis vidée ; le code ne sert plus."""
    horloge = Horloge()
    reglages = fabrique_reglages(sms_numero="+33700000000", twilio_auth_token=JETON_TWILIO,
                                 public_base_url=BASE, conservation_minutes=60).verifier()
    with TestClient(creer_app(reglages, horloge=horloge)) as c:
        relais = c.app.state.passerelle.relais
        p = pseudo(reglages, "web", "borne-3")
        chat(c, "borne-3", "mes droits")
        code = c.post("/api/v1/chat/reprise", json={"sender": "borne-3"}).json()["code"]
        c.post("/api/v1/chat/effacer", json={"sender": "borne-3", "raison": "inactivite"})
        assert faux_rasa.vidages_de(p) == []  # détachée, pas encore vidée
        horloge.avancer(59)
        assert c.portal.call(relais.entretien) == 0
        horloge.avancer(2)
        assert c.portal.call(relais.entretien) == 1
        assert faux_rasa.vidages_de(p) == [(faux_rasa.jeton, [])]
        assert relais.reprises.code_de(p) is None
        # le code ne mène plus à la conversation effacée
        assert sms(c, f"REPRENDRE {code}", "+33655555555").status_code == 200
        assert relais.pseudonyme("sms", "+33655555555") != p
        assert faux_rasa.messages_de(p) == ["mes droits"]


def test_sms_stop_et_telegram_supprimer_vident_rasa(fabrique_reglages, faux_rasa):
    faux = FauxTelegram(JETON_TELEGRAM)
    with ServeurFil(faux.app) as serveur:
        reglages = fabrique_reglages(twilio_auth_token=JETON_TWILIO, public_base_url=BASE,
                                     telegram_token=JETON_TELEGRAM, telegram_base_url=serveur.url,
                                     telegram_delai_polling=1).verifier()
        with TestClient(creer_app(reglages)) as c:
            tel = "+33644400011"
            sms(c, "mes droits", tel)
            r = sms(c, "STOP", tel)
            assert "ne recevrez plus" in r.text
            assert faux_rasa.vidages_de(pseudo(reglages, "sms", tel)) == [(faux_rasa.jeton, [])]

            attendre(lambda: c.app.state.passerelle.telegram.actif)
            faux.pousser(FauxTelegram.update_texte(4242, "echo bonjour"))
            attendre(lambda: faux.messages_vers(4242))
            faux.pousser(FauxTelegram.update_texte(4242, "/supprimer"))
            attendre(lambda: faux_rasa.vidages_de(pseudo(reglages, "telegram", "4242")))
            assert faux_rasa.vidages_de(pseudo(reglages, "telegram", "4242")) == [(faux_rasa.jeton, [])]


def test_message_du_bot_donnees_supprimees(fabrique_reglages, faux_rasa):
    """custom.donnees_supprimees (action supprimer_donnees confirmée) : suivi vidé, mémoires oubliées,
    le message de confirmation passe et ses boutons restent utilisables."""
    reglages = fabrique_reglages(sms_numero="+33700000000").verifier()
    with TestClient(creer_app(reglages)) as c:
        relais = c.app.state.passerelle.relais
        p = pseudo(reglages, "web", "borne-4")
        chat(c, "borne-4", "mes droits")
        c.post("/api/v1/chat/reprise", json={"sender": "borne-4"})
        r = chat(c, "borne-4", MESSAGE_EFFACEMENT)
        assert r.status_code == 200
        corps = r.json()
        assert corps[0]["text"] == CONFIRMATION_EFFACEMENT
        assert {"donnees_supprimees": True, "langue": "fr"} in [m.get("custom") for m in corps]  # pour l'écran de la borne
        assert faux_rasa.vidages_de(p) == [(faux_rasa.jeton, [])]
        assert relais.reprises.code_de(p) is None and p not in relais.activite
        assert relais.offre("web", "borne-4").payloads == ["/verifier_droits"]
        chat(c, "borne-4", "/verifier_droits")
        assert faux_rasa.messages_de(p)[-1] == "/verifier_droits"
        assert p in relais.activite  # nouvelle conversation, de nouveau suivie


def test_donnees_supprimees_apres_reprise_oublie_le_lien(fabrique_reglages, faux_rasa):
    """Le téléphone a repris la conversation de la borne puis demande l'effacement au bot : la
    conversation est vidée, le lien oublié ; ni le téléphone ni la borne n'y reviennent."""
    reglages = fabrique_reglages(twilio_auth_token=JETON_TWILIO, public_base_url=BASE,
                                 sms_numero="+33700000000").verifier()
    with TestClient(creer_app(reglages)) as c:
        relais = c.app.state.passerelle.relais
        borne = pseudo(reglages, "web", "borne-5")
        tel = "+33633300055"
        chat(c, "borne-5", "mes droits")
        code = c.post("/api/v1/chat/reprise", json={"sender": "borne-5"}).json()["code"]
        sms(c, f"REPRENDRE {code}", tel)
        assert relais.pseudonyme("sms", tel) == borne
        sms(c, MESSAGE_EFFACEMENT, tel)
        assert faux_rasa.vidages_de(borne) == [(faux_rasa.jeton, [])]
        assert relais.pseudonyme("sms", tel) == pseudo(reglages, "sms", tel)  # lien oublié
        assert relais.pseudonyme("web", "borne-5") != borne  # la borne ne retrouve jamais cette conversation
        # Le téléphone, lui, efface avec STOP : c'est sa propre conversation qui est vidée.
        sms(c, "STOP", tel)
        assert faux_rasa.vidages_de(pseudo(reglages, "sms", tel)) == [(faux_rasa.jeton, [])]


def test_effacement_refuse_restart_de_repli_puis_nouvel_essai(fabrique_reglages, faux_rasa, caplog):
    """Rasa refuse le PUT : /restart de repli (la conversation repart de zéro) et la conversation reste
    « due » ; la tâche de rétention réessaie jusqu'à ce que Rasa accepte. Jamais de jeton au journal."""
    caplog.set_level(logging.DEBUG)
    reglages = fabrique_reglages().verifier()
    with TestClient(creer_app(reglages)) as c:
        relais = c.app.state.passerelle.relais
        p = pseudo(reglages, "web", "borne-6")
        chat(c, "borne-6", "mes droits")
        faux_rasa.refuser_vidages = True
        try:
            c.post("/api/v1/chat/effacer", json={"sender": "borne-6"})
            assert faux_rasa.messages_de(p)[-1] == "/restart"
            assert relais.activite[p] == float("-inf")
            assert c.portal.call(relais.entretien) == 0  # toujours refusé
        finally:
            faux_rasa.refuser_vidages = False
        assert c.portal.call(relais.entretien) == 1
        assert len(faux_rasa.vidages_de(p)) == 3 and p not in relais.activite
    assert "effacement refusé par Rasa (HTTP 503)" in caplog.text
    assert faux_rasa.jeton not in caplog.text and "token=" not in caplog.text


def test_mauvais_jeton_healthz_degrade_sans_fuite(fabrique_reglages, faux_rasa, caplog):
    caplog.set_level(logging.DEBUG)
    mauvais = "mauvais-jeton-rasa-0123456789"
    with TestClient(creer_app(fabrique_reglages(rasa_jeton=mauvais))) as c:
        r = c.get("/healthz")
        assert r.status_code == 503
        assert "jeton refusé" in r.json()["rasa"]["detail"]
        chat(c, "borne-7", "mes droits")
        c.post("/api/v1/chat/effacer", json={"sender": "borne-7"})
        assert c.app.state.passerelle.relais.activite  # à réessayer
    assert "RASA_JETON faux ou absent" in caplog.text
    assert mauvais not in caplog.text and faux_rasa.jeton not in caplog.text and "token=" not in caplog.text
    assert mauvais not in r.text


# -- rétention --------------------------------------------------------------------------------------

def test_retention_horloge_injectee(fabrique_reglages, faux_rasa):
    horloge = Horloge()
    reglages = fabrique_reglages(conservation_minutes=60).verifier()
    with TestClient(creer_app(reglages, horloge=horloge)) as c:
        relais = c.app.state.passerelle.relais
        a, b = pseudo(reglages, "web", "ret-a"), pseudo(reglages, "web", "ret-b")
        chat(c, "ret-a", "mes droits")
        chat(c, "ret-b", "mes droits")
        horloge.avancer(40)
        chat(c, "ret-b", "au 115")  # b reste actif (et reçoit des boutons)
        horloge.avancer(20)  # a : 60 min pile sans message
        assert c.portal.call(relais.retention) == 1
        assert faux_rasa.vidages_de(a) == [(faux_rasa.jeton, [])] and faux_rasa.vidages_de(b) == []
        assert relais.offres.lire(a) is None and relais.offres.lire(b) is not None
        assert c.portal.call(relais.retention) == 0  # rien deux fois
        horloge.avancer(41)
        assert c.portal.call(relais.retention) == 1
        assert faux_rasa.vidages_de(b) == [(faux_rasa.jeton, [])]
        assert relais.activite == {}


def test_tache_de_retention_demarree_avec_l_application(fabrique_reglages, faux_rasa):
    """La tâche asyncio du cycle de vie passe toutes les ``retention_periode`` secondes."""
    horloge = Horloge()
    reglages = fabrique_reglages(conservation_minutes=60, retention_periode=0.05).verifier()
    with TestClient(creer_app(reglages, horloge=horloge)) as c:
        p = pseudo(reglages, "web", "ret-tache")
        chat(c, "ret-tache", "mes droits")
        time.sleep(0.3)
        assert faux_rasa.vidages_de(p) == []
        horloge.avancer(61)
        attendre(lambda: faux_rasa.vidages_de(p), delai=5)
        assert faux_rasa.vidages_de(p) == [(faux_rasa.jeton, [])]


# -- de bout en bout : le vrai Rasa -------------------------------------------------------------------

TEXTE_PRIVE = "je dors dans la rue près de la gare d'Austerlitz"


def suivi(serveurs, pseudonyme: str) -> dict:
    r = httpx.get(f"{serveurs.rasa}/conversations/{pseudonyme}/tracker",
                  params={"token": serveurs.jeton, "include_events": "ALL"}, timeout=30)
    r.raise_for_status()
    return r.json()


def textes_personne(t: dict) -> list[str]:
    return [e.get("text") or "" for e in t["events"] if e["event"] == "user"]


def verifier_vide(serveurs, pseudonyme: str) -> None:
    t = suivi(serveurs, pseudonyme)
    assert textes_personne(t) == []
    assert TEXTE_PRIVE not in json.dumps(t, ensure_ascii=False)
    assert t["slots"].get("logement") is None


@pytest.fixture
def passerelle_reelle(fabrique_reglages, vrais_serveurs):
    def fabriquer(horloge=time.monotonic, **changements):
        reglages = fabrique_reglages(rasa_url=vrais_serveurs.rasa, actions_url=vrais_serveurs.actions,
                                     rasa_jeton=vrais_serveurs.jeton, rasa_delai=60.0, debit_max=200,
                                     **changements)
        return TestClient(creer_app(reglages, horloge=horloge))
    return fabriquer


@pytest.mark.rasa
def test_e2e_api_rasa_protegee(vrais_serveurs):
    assert httpx.get(f"{vrais_serveurs.rasa}/status", timeout=30).status_code == 401
    assert httpx.put(f"{vrais_serveurs.rasa}/conversations/x/tracker/events", json=[], timeout=30).status_code == 401
    assert httpx.get(f"{vrais_serveurs.rasa}/status", params={"token": vrais_serveurs.jeton},
                     timeout=30).status_code == 200


@pytest.mark.rasa
def test_e2e_effacer_vide_le_suivi_rasa(passerelle_reelle, vrais_serveurs):
    with passerelle_reelle() as c:
        assert c.get("/healthz").json()["rasa"]["api"] == "ok"
        p = c.app.state.passerelle.relais.pseudonyme("web", "e2e-effacer")
        assert chat(c, "e2e-effacer", "bonjour").status_code == 200
        assert chat(c, "e2e-effacer", TEXTE_PRIVE).status_code == 200
        assert TEXTE_PRIVE in textes_personne(suivi(vrais_serveurs, p))  # le test voit bien le texte
        c.post("/api/v1/chat/effacer", json={"sender": "e2e-effacer", "raison": "bouton"})
        verifier_vide(vrais_serveurs, p)
        # la borne repart : une conversation neuve sous le même pseudonyme, sans l'ancien texte
        assert chat(c, "e2e-effacer", "bonjour").status_code == 200
        assert textes_personne(suivi(vrais_serveurs, p)) == ["bonjour"]


@pytest.mark.rasa
def test_e2e_sms_stop_vide_le_suivi_rasa(passerelle_reelle, vrais_serveurs):
    with passerelle_reelle(twilio_auth_token=JETON_TWILIO, public_base_url=BASE) as c:
        tel = "+33677788899"
        p = c.app.state.passerelle.relais.pseudonyme("sms", tel)
        sms(c, "bonjour", tel)
        sms(c, TEXTE_PRIVE, tel)
        assert TEXTE_PRIVE in textes_personne(suivi(vrais_serveurs, p))
        assert "ne recevrez plus" in sms(c, "STOP", tel).text
        verifier_vide(vrais_serveurs, p)


@pytest.mark.rasa
def test_e2e_retention_vide_le_suivi_rasa(passerelle_reelle, vrais_serveurs):
    """La vraie tâche de rétention (cycle de vie de l'application), horloge injectée."""
    horloge = Horloge()
    with passerelle_reelle(horloge=horloge, conservation_minutes=60, retention_periode=0.1) as c:
        p = c.app.state.passerelle.relais.pseudonyme("web", "e2e-retention")
        chat(c, "e2e-retention", "bonjour")
        chat(c, "e2e-retention", TEXTE_PRIVE)
        time.sleep(0.5)
        assert TEXTE_PRIVE in textes_personne(suivi(vrais_serveurs, p))  # 0 min : gardé
        horloge.avancer(61)
        attendre(lambda: p not in c.app.state.passerelle.relais.activite, delai=30)
        verifier_vide(vrais_serveurs, p)
    # Rasa ne journalise pas les URL de son API (journal d'accès de Sanic sous le niveau ERROR)
    journal_rasa = (vrais_serveurs.journaux / "rasa.log").read_text(errors="replace")
    assert vrais_serveurs.jeton not in journal_rasa and TEXTE_PRIVE not in journal_rasa


@pytest.mark.rasa
def test_e2e_supprimer_donnees_par_le_bot(passerelle_reelle, vrais_serveurs):
    """« effacer » puis « oui » : le bot envoie custom.donnees_supprimees, le suivi est vidé."""
    with passerelle_reelle() as c:
        p = c.app.state.passerelle.relais.pseudonyme("web", "e2e-bot-efface")
        chat(c, "e2e-bot-efface", "bonjour")
        chat(c, "e2e-bot-efface", TEXTE_PRIVE)
        chat(c, "e2e-bot-efface", "effacer")
        r = chat(c, "e2e-bot-efface", "oui")
        customs = [m.get("custom") or {} for m in r.json()]
        assert any(cu.get("donnees_supprimees") is True for cu in customs), customs
        verifier_vide(vrais_serveurs, p)

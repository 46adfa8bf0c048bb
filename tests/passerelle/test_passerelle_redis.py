"""Issue 14 : l'état de la passerelle dans un vrai Redis (``REDIS_URL``). Deux applications sur le même
Redis jouent deux workers (ou deux machines) ; une application neuve joue un redémarrage."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from bot.passerelle import textes
from bot.passerelle.app import creer_app


@pytest.fixture
def reglages_redis(fabrique_reglages, redis_jetable):
    return fabrique_reglages(redis_url=redis_jetable)


@pytest.fixture
def deux(reglages_redis):
    with TestClient(creer_app(reglages_redis)) as a, TestClient(creer_app(reglages_redis)) as b:
        yield a, b


def test_boutons_proposes_partages_et_gardes_au_redemarrage(deux, reglages_redis, faux_rasa):
    a, b = deux
    a.post("/api/v1/chat", json={"sender": "partage", "message": "mes droits"})
    payload = '/informer{"logement": "rue"}'
    r = b.post("/api/v1/chat", json={"sender": "partage", "message": payload})  # l'autre worker
    assert r.status_code == 200
    pseudo = a.app.state.passerelle.relais.pseudonyme("web", "partage")
    assert faux_rasa.messages_de(pseudo)[-1] == payload
    # Redémarrage : une application neuve retrouve l'offre (boutons Oui / Non) et la rétention.
    with TestClient(creer_app(reglages_redis)) as neuve:
        assert pseudo in neuve.app.state.passerelle.relais.activite
        assert neuve.post("/api/v1/chat", json={"sender": "partage", "message": "/affirmer"}).status_code == 200
        assert faux_rasa.messages_de(pseudo)[-1] == "/affirmer"


def test_debit_par_expediteur_partage(fabrique_reglages, redis_jetable, faux_rasa):
    reglages = fabrique_reglages(redis_url=redis_jetable, debit_max=3)
    with TestClient(creer_app(reglages)) as a, TestClient(creer_app(reglages)) as b:
        codes = [(a if i % 2 else b).post("/api/v1/chat", json={"sender": "vite", "message": "echo x"}).status_code
                 for i in range(4)]
        assert codes == [200, 200, 200, 429]


def test_debit_par_adresse_partage(fabrique_reglages, redis_jetable):
    reglages = fabrique_reglages(redis_url=redis_jetable, debit_ip_max=3)
    with TestClient(creer_app(reglages)) as a, TestClient(creer_app(reglages)) as b:
        codes = [(a if i % 2 else b).get("/api/v1/lieux").status_code for i in range(4)]
        assert codes[:3] != [429] * 3 and codes[3] == 429


def test_code_de_reprise_cree_sur_un_worker_utilise_sur_l_autre(deux, faux_rasa):
    a, b = deux
    a.post("/api/v1/chat", json={"sender": "borne-r", "message": "mes droits"})
    code = a.post("/api/v1/chat/reprise", json={"sender": "borne-r"}).json()["code"]
    relais_b = b.app.state.passerelle.relais
    reponse = b.portal.call(relais_b.envoyer, "telegram", "4242", f"reprendre {code}")
    assert reponse.statut == "reprise"
    assert reponse.pseudonyme == a.app.state.passerelle.relais.pseudos.pseudonyme("web", "borne-r")
    # Le code ne sert qu'une fois, sur n'importe quel worker.
    relais_a = a.app.state.passerelle.relais
    assert a.portal.call(relais_a.envoyer, "telegram", "4343", f"reprendre {code}").messages[0]["text"] == \
        textes.REPRISE_INCONNUE


def test_anti_rejeu_sms_partage(fabrique_reglages, redis_jetable):
    from twilio.request_validator import RequestValidator

    jeton, base = "jeton-twilio-test", "https://droits.exemple.fr"
    reglages = fabrique_reglages(redis_url=redis_jetable, twilio_auth_token=jeton, public_base_url=base)
    parametres = {"From": "+33612345678", "Body": "echo bonjour", "MessageSid": "SMrejeu1"}
    signature = RequestValidator(jeton).compute_signature(f"{base}/sms/twilio", parametres)
    with TestClient(creer_app(reglages)) as a, TestClient(creer_app(reglages)) as b:
        assert a.post("/sms/twilio", data=parametres, headers={"x-twilio-signature": signature}).status_code == 200
        assert b.post("/sms/twilio", data=parametres, headers={"x-twilio-signature": signature}).status_code == 409


def test_retention_partagee_et_rien_avant_le_premier_message(fabrique_reglages, redis_jetable, faux_rasa):
    import time

    instant = [time.time()]
    reglages = fabrique_reglages(redis_url=redis_jetable, conservation_minutes=1)
    with TestClient(creer_app(reglages, horloge=lambda: instant[0])) as a, \
            TestClient(creer_app(reglages, horloge=lambda: instant[0])) as b:
        for i in range(20):
            a.post("/api/v1/chat/accueil", json={"sender": f"flot-{i}"})
        assert len(a.app.state.passerelle.relais.activite) == 0 and len(a.app.state.passerelle.relais.offres) == 0
        a.post("/api/v1/chat", json={"sender": "oubli", "message": "mes droits"})
        pseudo = a.app.state.passerelle.relais.pseudonyme("web", "oubli")
        instant[0] += 61
        assert b.portal.call(b.app.state.passerelle.relais.entretien) == 1  # l'autre worker efface
        assert faux_rasa.vidages_de(pseudo)
        assert pseudo not in a.app.state.passerelle.relais.activite


def test_redis_redemarre_reessayez_puis_rien_perdu(fabrique_reglages, faux_rasa):
    from rdv.redis_jetable import RedisJetable

    with RedisJetable() as r:
        reglages = fabrique_reglages(redis_url=r.url)
        with TestClient(creer_app(reglages)) as c:
            c.post("/api/v1/chat", json={"sender": "panne", "message": "mes droits"})
            r.stopper()
            reponse = c.post("/api/v1/chat", json={"sender": "panne", "message": '/informer{"logement": "rue"}'})
            assert reponse.status_code == 503 and reponse.json()["detail"] == textes.REESSAYER
            assert reponse.headers["retry-after"]
            r.relancer()
            # L'offre d'avant la panne est toujours là (journal d'écriture de Redis) : le bouton passe.
            reponse = c.post("/api/v1/chat", json={"sender": "panne", "message": '/informer{"logement": "rue"}'})
            assert reponse.status_code == 200
            pseudo = c.app.state.passerelle.relais.pseudonyme("web", "panne")
            assert faux_rasa.messages_de(pseudo)[-1] == '/informer{"logement": "rue"}'

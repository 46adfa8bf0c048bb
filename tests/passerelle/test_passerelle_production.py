"""Issue 14, durcissement de la passerelle : chaque constat a son test (faux Rasa ; les tests marqués
``rasa`` passent par les vrais serveurs de ``tests/serveurs.py``)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from bot.passerelle import textes
from bot.passerelle.app import creer_app
from bot.passerelle.garde import TAILLE_CORPS_MAX


@pytest.fixture
def base_rdv(tmp_path):
    from rdv.db import migrer
    from rdv.service import ServiceRdv

    url = f"sqlite:///{tmp_path}/rdv.db"
    migrer(url)
    service = ServiceRdv(url)
    service.generer_creneaux()
    return url, service


def _client(reglages, ip="203.0.113.9") -> TestClient:
    return TestClient(creer_app(reglages), client=(ip, 40000))


def test_corps_compte_a_l_arrivee_meme_sans_content_length(reglages):
    with _client(reglages) as c:
        def morceaux():
            for _ in range(33):  # 33 × 1 Mo envoyés « chunked », sans Content-Length
                yield b"x" * (1024 * 1024)

        r = c.post("/api/v1/chat", content=morceaux(), headers={"content-type": "application/json"})
        assert r.status_code == 413
        assert c.post("/api/v1/eligibilite", content=b"{" + b" " * TAILLE_CORPS_MAX + b"}",
                      headers={"content-type": "application/json", "content-length": "2"}).status_code == 413


def test_texte_non_encodable_rend_400(reglages, faux_rasa):
    with _client(reglages) as c:
        for corps in ('{"sender": "\\ud800", "message": "bonjour"}',
                      '{"sender": "personne-ok", "message": "bon\\ud800jour"}'):
            r = c.post("/api/v1/chat", content=corps, headers={"content-type": "application/json"})
            assert r.status_code == 400, r.text
        r = c.post("/api/v1/chat/accueil", content='{"sender": "\\udfff"}', headers={"content-type": "application/json"})
        assert r.status_code == 400
        r = c.post("/api/v1/eligibilite", content='{"logement": "\\ud800"}', headers={"content-type": "application/json"})
        assert r.status_code in (400, 422)


def test_dates_bornees(reglages):
    with _client(reglages) as c:
        r = c.post("/api/v1/eligibilite", params={"date": "9999-12-31"}, json={"age": 30})
        assert r.status_code == 422 and r.json()["champ"] == "date"


def test_expediteur_emis_par_le_serveur_et_trop_court_refuse(fabrique_reglages, faux_rasa):
    with _client(fabrique_reglages(environnement="production", rasa_jeton="j" * 32)) as c:
        r = c.post("/api/v1/chat", json={"sender": "A", "message": "mes droits"})
        assert r.status_code == 400 and "session" in r.json()["detail"]
        assert c.post("/api/v1/chat/accueil", json={"sender": "B"}).status_code == 400
        emis = c.post("/api/v1/chat/session").json()["sender"]
        assert len(emis) >= 40 and emis.startswith("s1-")
        assert c.post("/api/v1/chat", json={"sender": emis, "message": "mes droits"}).status_code == 200
        # Compatibilité : la borne actuelle tire elle-même « borne- » + 32 hexadécimaux (128 bits).
        assert c.post("/api/v1/chat", json={"sender": "borne-" + "ab" * 16, "message": "echo x"}).status_code == 200
        faux = emis[:-1] + ("0" if emis[-1] != "0" else "1")
    with _client(fabrique_reglages(environnement="production", rasa_jeton="j" * 32, expediteurs="emis")) as c:
        assert c.post("/api/v1/chat", json={"sender": faux, "message": "x"}).status_code == 400
        assert c.post("/api/v1/chat", json={"sender": "borne-" + "ab" * 16, "message": "x"}).status_code == 400
        emis = c.post("/api/v1/chat/session").json()["sender"]
        assert c.post("/api/v1/chat", json={"sender": emis, "message": "echo x"}).status_code == 200


def test_accueil_ne_garde_rien(client, faux_rasa):
    relais = client.app.state.passerelle.relais
    avant = len(relais.offres)
    for i in range(50):
        assert client.post("/api/v1/chat/accueil", json={"sender": f"flot-{i}"}).status_code == 200
    assert len(relais.offres) == avant and not relais.activite
    # Les boutons d'accueil passent toujours, comme avant.
    client.post("/api/v1/chat/accueil", json={"sender": "vrai"})
    r = client.post("/api/v1/chat", json={"sender": "vrai", "message": "/demander_ame"})
    assert r.status_code == 200
    pseudo = relais.pseudonyme("web", "vrai")
    assert faux_rasa.messages_de(pseudo) == ["/demander_ame"]
    # Un code de reprise ne se crée pas pour un expéditeur qui n'a rien dit.
    assert client.post("/api/v1/chat/reprise", json={"sender": "muet"}).status_code == 409


def test_debit_par_adresse_sur_toutes_les_routes(fabrique_reglages):
    with _client(fabrique_reglages(debit_ip_max=5), ip="198.51.100.3") as c:
        codes = [c.post("/api/v1/eligibilite", json={"age": 30}).status_code for _ in range(5)]
        assert codes == [200] * 5
        r = c.get("/healthz")
        assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
        assert r.json()["detail"] == textes.TROP_RAPIDE
        assert c.get("/api/v1/creneaux").status_code == 429


def test_adresse_reelle_derriere_un_mandataire_de_confiance(fabrique_reglages):
    reglages = fabrique_reglages(debit_ip_max=3, proxies_de_confiance=("10.0.0.0/8",))
    with _client(reglages, ip="10.1.2.3") as c:
        for i in range(3):  # trois personnes derrière le même mandataire : chacune son compte
            assert c.get("/healthz", headers={"x-forwarded-for": f"192.0.2.{i}"}).status_code in (200, 503)
        for _ in range(3):
            c.get("/healthz", headers={"x-forwarded-for": "192.0.2.50, 10.9.9.9"})
        assert c.get("/healthz", headers={"x-forwarded-for": "192.0.2.50"}).status_code == 429
        assert c.get("/healthz", headers={"x-forwarded-for": "192.0.2.51"}).status_code != 429
    # Un client qui n'est pas un mandataire de confiance ne choisit pas son adresse.
    with _client(reglages, ip="198.51.100.7") as c:
        for i in range(3):
            c.get("/healthz", headers={"x-forwarded-for": f"192.0.2.{100 + i}"})
        assert c.get("/healthz", headers={"x-forwarded-for": "192.0.2.200"}).status_code == 429
    # IPv6 : tout le /64 compte ensemble.
    with _client(fabrique_reglages(debit_ip_max=2), ip="2001:db8:0:1::1") as c:
        c.get("/healthz"), c.get("/healthz")
    with _client(fabrique_reglages(debit_ip_max=2), ip="2001:db8:0:1::2") as c:
        assert c.get("/healthz").status_code != 429  # autre application : son propre limiteur


def test_hote_inconnu_refuse_et_docs_fermees_en_production(fabrique_reglages):
    with _client(fabrique_reglages()) as c:
        assert c.get("/", headers={"host": "evil.example"}).status_code == 400
        assert c.get("/docs").status_code == 200  # développement : ouvertes
    prod = fabrique_reglages(environnement="production", rasa_jeton="j" * 32,
                             public_base_url="https://droits.exemple.fr")
    with _client(prod) as c:
        assert c.get("/docs").status_code == 404 and c.get("/redoc").status_code == 404
        assert c.get("/openapi.json").status_code == 200
        assert c.get("/healthz", headers={"host": "droits.exemple.fr"}).status_code in (200, 503)
        assert c.get("/healthz", headers={"host": "droits.exemple.fr.evil.example"}).status_code == 400


def test_pas_de_cache_pour_les_donnees_personnelles(client):
    r = client.post("/api/v1/chat", json={"sender": "cache", "message": "mes droits"})
    assert r.headers["cache-control"] == "no-store" and r.headers["x-request-id"]
    assert client.post("/api/v1/eligibilite", json={"age": 30}).headers["cache-control"] == "no-store"
    assert "no-store" not in client.get("/static/kiosque.js").headers.get("cache-control", "")


def test_verdict_donne_le_droit_de_reserver_une_fois(fabrique_reglages, base_rdv):
    url, service = base_rdv
    with _client(fabrique_reglages(database_url=url)) as c:
        for m in ("mes droits", "à la rue", "oui"):
            r = c.post("/api/v1/chat", json={"sender": "verdict", "message": m})
        jeton = next(m["custom"]["jeton_rdv"] for m in r.json() if "resultats" in (m.get("custom") or {}))
        creneaux = c.get("/api/v1/creneaux", params={"limite": 2}).json()
        assert c.post("/api/v1/rendez-vous", json={"creneau_id": creneaux[0]["id"]}).status_code == 401
        r = c.post("/api/v1/rendez-vous", json={"creneau_id": creneaux[0]["id"], "jeton_conversation": jeton})
        assert r.status_code == 201 and r.json()["canal"] == "web"
        pseudo = c.app.state.passerelle.relais.pseudonyme("web", "verdict")
        assert service.consulter(r.json()["code"]).code in [x.code for x in service.a_venir(pseudo)]
        r = c.post("/api/v1/rendez-vous", json={"creneau_id": creneaux[1]["id"], "jeton_conversation": jeton})
        assert r.status_code == 409


def test_pro_derriere_une_connexion(fabrique_reglages, base_rdv):
    url, service = base_rdv
    agent, jeton = service.creer_agent("Camille", identifiant="camille", mot_de_passe="mot de passe très long")
    with _client(fabrique_reglages(database_url=url, pro_connexion=True)) as c:
        r = c.get("/pro", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/pro/connexion"
        assert "Connexion" in c.get("/pro/connexion").text
        r = c.post("/pro/connexion", data={"identifiant": "camille", "mot_de_passe": "faux"}, follow_redirects=False)
        assert r.status_code == 401
        r = c.post("/pro/connexion", data={"identifiant": "camille", "mot_de_passe": "mot de passe très long"},
                   follow_redirects=False)
        assert r.status_code == 303 and "httponly" in r.headers["set-cookie"].lower()
        assert "samesite=strict" in r.headers["set-cookie"].lower()
        assert c.get("/pro").status_code == 200
        creneau = c.get("/api/v1/creneaux", params={"limite": 1}).json()[0]
        r = c.post("/api/v1/rendez-vous", json={"creneau_id": creneau["id"], "canal": "pro"})
        assert r.status_code == 201
        assert service.journal_pro(agent)[0]["code"] == r.json()["code"]
        c.post("/pro/deconnexion")
        assert c.get("/pro", follow_redirects=False).status_code == 303


def test_sms_renvoie_le_code_et_confirme_le_numero(fabrique_reglages, base_rdv):
    import re

    from twilio.request_validator import RequestValidator

    from rdv.rappels import Relanceur
    from rdv.sms.expediteurs import MemoireSender

    url, service = base_rdv
    creneau = service.creneaux_libres(limite=5)[-1]
    rdv = service.reserver(creneau.id, telephone="06 12 34 56 78")
    memoire = MemoireSender()
    from rdv.service import plage_silencieuse

    relanceur = Relanceur(service, memoire)
    if plage_silencieuse(service.horloge()):
        pytest.skip("plage silencieuse (21 h - 8 h) : aucun SMS ne part")
    relanceur.tour()
    code = re.search(r"\b(\d{6})\b", memoire.envoyes[0]["texte"]).group(1)
    jeton, base = "twilio-jeton-de-test", "https://droits.exemple.fr"
    with _client(fabrique_reglages(database_url=url, twilio_auth_token=jeton, public_base_url=base)) as c:
        parametres = {"From": "+33612345678", "Body": code, "MessageSid": "SMconf1"}
        signature = RequestValidator(jeton).compute_signature(f"{base}/sms/twilio", parametres)
        r = c.post("/sms/twilio", data=parametres, headers={"x-twilio-signature": signature})
        assert "confirme" in r.text
    assert service.consulter(rdv.code).telephone_confirme


# ------------------------------------------------------------------------------ vrais serveurs
@pytest.mark.rasa
def test_jeton_rasa_absent_de_la_ligne_de_commande(vrais_serveurs):
    for nom, proc in vrais_serveurs.processus.items():
        ligne = Path(f"/proc/{proc.pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        assert vrais_serveurs.jeton not in ligne, nom
        assert vrais_serveurs.jeton_actions not in ligne, nom
        # (L'environnement du processus, lui, n'est lisible que par son propre utilisateur : make run-prod
        # lance chaque service sous un utilisateur à lui.)
    # L'API marche bien avec ce jeton.
    assert httpx.get(f"{vrais_serveurs.rasa}/status", params={"token": vrais_serveurs.jeton}).status_code == 200


@pytest.mark.rasa
def test_serveur_d_actions_n_accepte_que_rasa(vrais_serveurs):
    appel = {"next_action": "action_session_start", "sender_id": "intrus",
             "tracker": {"sender_id": "intrus", "slots": {}, "latest_message": {}, "events": [],
                         "paused": False, "followup_action": None, "active_loop": {},
                         "latest_action_name": None}, "domain": {}, "version": "3.6.21"}
    url = f"{vrais_serveurs.actions}/webhook"
    assert httpx.post(url, json=appel).status_code == 403
    assert httpx.post(url, params={"token": "faux"}, json=appel).status_code == 403
    assert httpx.post(url, params={"token": vrais_serveurs.jeton_actions}, json=appel).status_code == 200
    assert httpx.get(f"{vrais_serveurs.actions}/health").status_code == 200


def test_hachage_coherent_et_bascule(fabrique_reglages, faux_rasa):
    from bot.passerelle.rasa import ordre_instances
    from tests.passerelle.outils import port_ferme

    a, b, c = "http://127.0.0.1:1", "http://127.0.0.1:2", "http://127.0.0.1:3"
    pseudos = [f"we-{i:032x}" for i in range(300)]
    premiers = [ordre_instances(p, [a, b])[0] for p in pseudos]
    assert 100 < premiers.count(a) < 200  # réparti
    assert all(ordre_instances(p, [a, b]) == ordre_instances(p, [b, a]) for p in pseudos[:20])  # stable
    # Une instance de plus : seules les conversations qui vont vers elle changent de place.
    bougees = sum(1 for p, avant in zip(pseudos, premiers) if ordre_instances(p, [a, b, c])[0] not in (avant, c))
    assert bougees == 0
    mort = f"http://127.0.0.1:{port_ferme()}"
    reglages = fabrique_reglages(rasa_urls=(mort, faux_rasa.url))
    with TestClient(creer_app(reglages)) as client:
        for i in range(6):  # quelle que soit l'instance préférée, la réponse arrive
            assert client.post("/api/v1/chat", json={"sender": f"bascule-{i}", "message": "echo ok"}).status_code == 200
        sante = client.get("/healthz").json()
        assert sante["rasa"]["statut"] == "ok" and sante["rasa"]["en_service"] == 1


def test_metriques_prometheus(fabrique_reglages, base_rdv, faux_rasa):
    from prometheus_client.parser import text_string_to_metric_families

    url, service = base_rdv
    with _client(fabrique_reglages(database_url=url, debit_max=3), ip="127.0.0.1") as c:
        for m in ("mes droits", "à la rue", "oui", "encore"):
            c.post("/api/v1/chat", json={"sender": "mesure", "message": m})
        service.reserver(service.creneaux_libres(limite=1)[0].id)
        texte = c.get("/metrics").text
    valeurs = {(f.name, s.name, tuple(sorted(s.labels.items()))): s.value
               for f in text_string_to_metric_families(texte) for s in f.samples}
    assert valeurs[("passerelle_verdicts", "passerelle_verdicts_total", (("droit", "ame"), ("statut", "eligible")))] >= 1
    assert valeurs[("passerelle_refus_debit", "passerelle_refus_debit_total", (("limite", "expediteur"),))] >= 1
    assert valeurs[("passerelle_tours", "passerelle_tours_total", (("canal", "web"), ("statut", "ok")))] >= 2
    assert any(k[0] == "passerelle_tour_secondes" for k in valeurs)
    assert valeurs[("rdv_rendez_vous", "rdv_rendez_vous", (("statut", "reserve"),))] == 1
    assert "mesure" not in texte and "à la rue" not in texte
    with _client(fabrique_reglages(database_url=url), ip="198.51.100.77") as dehors:
        assert dehors.get("/metrics").status_code == 403


def test_journal_json_avec_identifiant_de_requete(fabrique_reglages, faux_rasa, capsys):
    import logging

    from bot.passerelle import journal

    gestionnaire = logging.StreamHandler()
    logging.getLogger().addHandler(gestionnaire)
    try:
        with _client(fabrique_reglages(journal_format="json")) as c:
            r = c.post("/api/v1/chat", json={"sender": "json-secret-id", "message": "mes droits 0612345678"})
        sortie = capsys.readouterr().err
    finally:
        logging.getLogger().removeHandler(gestionnaire)
    lignes = [json.loads(l) for l in sortie.splitlines() if l.startswith("{")]
    assert lignes and all({"t", "niveau", "module", "message"} <= set(l) for l in lignes)
    assert any(l.get("requete") == r.headers["x-request-id"] for l in lignes)
    assert "0612345678" not in sortie and "json-secret-id" not in sortie and "mes droits" not in sortie
    assert journal.ID_REQUETE.get() == ""


def test_json_non_standard_rend_422_pas_500(client):
    """Trouvé par bench/fuzz_openapi.py : « -Infinity » est lu par Python mais ne s'écrit pas en JSON."""
    for route in ("/api/v1/chat", "/api/v1/chat/accueil", "/api/v1/chat/reprise", "/api/v1/eligibilite"):
        r = client.post(route, content=b"[-Infinity, null]", headers={"content-type": "application/json"})
        assert r.status_code in (400, 422), (route, r.status_code)
        assert "Infinity" not in r.text


@pytest.mark.rasa
def test_recommencer_efface_vraiment(fabrique_reglages, vrais_serveurs):
    """« J'ai effacé vos réponses » est vrai : après « recommencer », Rasa ne garde plus aucun texte."""
    reglages = fabrique_reglages(rasa_url=vrais_serveurs.rasa, actions_url=vrais_serveurs.actions,
                                 rasa_jeton=vrais_serveurs.jeton, rasa_delai=60.0, database_url=vrais_serveurs.base)
    with _client(reglages) as c:
        c.post("/api/v1/chat", json={"sender": "recommence", "message": "bonjour"})
        c.post("/api/v1/chat", json={"sender": "recommence", "message": "je dors dans la rue depuis 2 ans"})
        r = c.post("/api/v1/chat", json={"sender": "recommence", "message": "on recommence à zéro"})
        assert r.status_code == 200
        assert any((m.get("custom") or {}).get("donnees_supprimees") for m in r.json()), r.json()
        pseudo = c.app.state.passerelle.relais.pseudonyme("web", "recommence")
    suivi = httpx.get(f"{vrais_serveurs.rasa}/conversations/{pseudo}/tracker",
                      params={"token": vrais_serveurs.jeton}, timeout=30).json()
    assert not [e for e in suivi["events"] if e.get("event") == "user"]
    assert "rue" not in json.dumps(suivi)


def test_bascule_meme_sur_une_connexion_gardee_ouverte(fabrique_reglages, faux_rasa):
    """Une connexion HTTP gardée ouverte vers une instance tuée casse en lecture (pas en connexion) :
    si l'instance refuse toute connexion neuve, le message passe quand même à l'autre."""
    import socket
    import threading

    from bot.passerelle.rasa import ordre_instances

    prise = socket.socket()
    prise.bind(("127.0.0.1", 0))
    prise.listen(8)
    mourante = f"http://127.0.0.1:{prise.getsockname()[1]}"

    def couper():  # accepte une connexion, la coupe sans répondre, puis ferme la prise (« kill -9 »)
        conn, _ = prise.accept()
        conn.recv(65536)
        conn.close()
        prise.close()

    threading.Thread(target=couper, daemon=True).start()
    reglages = fabrique_reglages(rasa_urls=(mourante, faux_rasa.url))
    with TestClient(creer_app(reglages)) as client:
        relais = client.app.state.passerelle.relais
        sender = next(f"garde-{i}" for i in range(500)
                      if ordre_instances(relais.pseudonyme("web", f"garde-{i}"), [mourante, faux_rasa.url])[0] == mourante)
        r = client.post("/api/v1/chat", json={"sender": sender, "message": "echo ok"})
        assert r.status_code == 200 and r.json()[-1]["text"] == "ok"

"""Issue 14 : l'API de rendez-vous fermée aux inconnus (second facteur, frein des essais, réservation
réservée aux conversations qui ont un verdict ou aux professionnels connectés), un rendez-vous par
numéro, numéro confirmé par un code SMS avant tout autre SMS, données effacées à l'annulation,
export CSV sans formules, bornes sur les entiers et les dates.

Chaque test qui prend ``service`` tourne sur SQLite et sur PostgreSQL (conftest.py)."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from rdv import api as rdv_api
from rdv.api import obtenir_service, router
from rdv.erreurs import CodeInconnu, CodeSmsFaux, TelephoneDejaUtilise
from rdv.frein import Frein, cle_ip
from rdv.jetons import jeton_conversation, lire_jeton_conversation
from rdv.modeles import RendezVous, Resume, SmsSortant
from rdv.rappels import Relanceur
from rdv.service import ServiceRdv, verifier_mot_de_passe
from rdv.sms.expediteurs import MemoireSender
from rdv.textes import PIECES_GENERALES

CLE = b"cle-de-test-des-jetons-de-conversation"
PSEUDO = "we-" + "a" * 32


@pytest.fixture
def strict(moteur, horloge):
    """Le service tel qu'en production : numéro confirmé par un code SMS (le défaut)."""
    s = ServiceRdv(moteur, horloge=horloge)
    s.charger_lieux()
    return s


def _app(service, ip="203.0.113.7"):
    app = FastAPI()
    app.include_router(router, prefix="/api/v1")
    app.dependency_overrides[obtenir_service] = lambda: service
    rdv_api.configurer(None, cle_conversation=CLE)
    return TestClient(app, client=(ip, 40000))


def _code_sms(memoire: MemoireSender) -> str:
    return re.search(r"\b(\d{6})\b", memoire.envoyes[-1]["texte"]).group(1)


def test_le_code_seul_ne_montre_ni_ne_change_rien(service, creneau):
    rdv_api._frein = Frein(seuil=100)  # ici, on compte les refus, pas le frein
    c, autre = creneau(jours=2), creneau(jours=3)
    rdv = service.reserver(c.id, pieces=["Le formulaire de demande d'AME"])
    with _app(service) as client:
        for methode, chemin, corps in (("GET", "", None), ("GET", "/ics", None), ("DELETE", "", None),
                                       ("POST", "/deplacement", {"creneau_id": autre.id})):
            r = client.request(methode, f"/api/v1/rendez-vous/{rdv.code}{chemin}", json=corps)
            assert r.status_code == 404 and r.json()["detail"]["erreur"] == "code_inconnu", (methode, chemin)
            r = client.request(methode, f"/api/v1/rendez-vous/{rdv.code}{chemin}", json=corps,
                               params={"jeton": "faux" + rdv.jeton[4:]})
            assert r.status_code == 404, (methode, chemin)
        assert service.consulter(rdv.code).statut == "reserve"
        r = client.get(f"/api/v1/rendez-vous/{rdv.code}", headers={"X-Jeton-Rdv": rdv.jeton})
        assert r.status_code == 200
        vue = r.json()
        # Vue publique : date, lieu, papiers généraux (pas d'accord pour le résumé) ; ni numéro ni AME.
        assert vue["pieces"] == PIECES_GENERALES and "AME" not in r.text
        assert "telephone_masque" not in vue and "canal" not in vue and "langue" not in vue
    assert len(rdv.jeton) >= 22  # 128 bits en base64url
    with service.sessions() as s:
        assert rdv.jeton not in str(s.scalar(select(RendezVous.jeton_hash)))


def test_quatre_derniers_chiffres_d_un_numero_confirme(strict, creneau):
    memoire = MemoireSender()
    rdv = strict.reserver(creneau(jours=2).id, telephone="06 12 34 56 78")
    with _app(strict) as client:
        # Numéro pas encore confirmé : ses chiffres ne servent pas de second facteur.
        assert client.get(f"/api/v1/rendez-vous/{rdv.code}", params={"telephone_fin": "5678"}).status_code == 404
        Relanceur(strict, memoire).tour()
        strict.confirmer_telephone(rdv.code, _code_sms(memoire))
        assert client.get(f"/api/v1/rendez-vous/{rdv.code}", params={"telephone_fin": "5678"}).status_code == 200
        assert client.get(f"/api/v1/rendez-vous/{rdv.code}", params={"telephone_fin": "5679"}).status_code == 404


def test_essais_rates_freines_par_ip_avec_une_attente_qui_grandit(service, creneau):
    rdv = service.reserver(creneau(jours=2).id)
    with _app(service, ip="198.51.100.1") as attaquant, _app(service, ip="198.51.100.2") as voisin:
        statuts = [attaquant.get(f"/api/v1/rendez-vous/AAA-AA{c}", params={"telephone_fin": "0000"}).status_code
                   for c in "ACDEFG"]
        assert statuts[:5] == [404] * 5 and statuts[5] == 429
        r = attaquant.get(f"/api/v1/rendez-vous/{rdv.code}", params={"jeton": rdv.jeton})
        assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1  # même le bon jeton attend
        assert voisin.get(f"/api/v1/rendez-vous/{rdv.code}", params={"jeton": rdv.jeton}).status_code == 200


def test_frein_double_l_attente_et_plafond_global():
    t = [1000.0]
    f = Frein(seuil=2, global_max=5, horloge=lambda: t[0])
    f.echec("ip:1"), f.echec("ip:1")
    assert f.attente("ip:1") == pytest.approx(1.0)
    f.echec("ip:1")
    assert f.attente("ip:1") == pytest.approx(2.0)
    f.echec("ip:1")
    assert f.attente("ip:1") == pytest.approx(4.0) and f.attente("ip:2") == 0
    assert not f.global_sature()
    f.echec("ip:3")
    assert f.global_sature()  # 5 échecs en une minute : seuls les jetons passent
    t[0] += 61
    assert not f.global_sature()
    # IPv6 : tout le /64 partage un compteur ; IPv4 : l'adresse.
    assert cle_ip("2001:db8:1:2::1") == cle_ip("2001:db8:1:2:ffff::9") != cle_ip("2001:db8:1:3::1")
    assert cle_ip("::ffff:192.0.2.1") == cle_ip("192.0.2.1") == "ip:192.0.2.1"


def test_plafond_global_laisse_passer_les_jetons(service, creneau, frein_neuf):
    rdv = service.reserver(creneau(jours=2).id)
    rdv_api._frein = Frein(global_max=3)
    for i in range(3):
        with _app(service, ip=f"192.0.2.{i + 10}") as c:
            c.get("/api/v1/rendez-vous/AAA-AAA", params={"telephone_fin": "1234"})
    with _app(service, ip="192.0.2.99") as c:
        assert c.get(f"/api/v1/rendez-vous/{rdv.code}", params={"telephone_fin": "1234"}).status_code == 429
        assert c.get(f"/api/v1/rendez-vous/{rdv.code}", params={"jeton": rdv.jeton}).status_code == 200


def test_reserver_demande_une_conversation_avec_verdict_ou_un_professionnel(service, creneau):
    c1, c2, c3 = creneau(jours=2), creneau(jours=3), creneau(jours=4)
    with _app(service) as client:
        r = client.post("/api/v1/rendez-vous", json={"creneau_id": c1.id, "telephone": "0612345678"})
        assert r.status_code == 401 and r.json()["detail"]["erreur"] == "reservation_refusee"
        faux = jeton_conversation(b"une autre cle que celle du serveur", PSEUDO)
        assert client.post("/api/v1/rendez-vous", json={"creneau_id": c1.id,
                                                        "jeton_conversation": faux}).status_code == 401
        perime = jeton_conversation(CLE, PSEUDO, duree=-10)
        assert client.post("/api/v1/rendez-vous", json={"creneau_id": c1.id,
                                                        "jeton_conversation": perime}).status_code == 401
        bon = jeton_conversation(CLE, PSEUDO)
        r = client.post("/api/v1/rendez-vous", json={"creneau_id": c1.id, "jeton_conversation": bon})
        assert r.status_code == 201, r.text
        assert r.json()["canal"] == "web" and service.a_venir(PSEUDO)[0].code == r.json()["code"]
        # Un seul rendez-vous à venir par conversation : pas de quoi vider l'agenda.
        r = client.post("/api/v1/rendez-vous", json={"creneau_id": c2.id, "jeton_conversation": bon})
        assert r.status_code == 409 and r.json()["detail"]["erreur"] == "deja_un_rendez_vous"
        # Un professionnel connecté : réservé, et noté au journal (qui, pour quel code).
        agent, jeton = service.creer_agent("Camille", identifiant="camille", mot_de_passe="un mot de passe long")
        r = client.post("/api/v1/rendez-vous", json={"creneau_id": c3.id, "canal": "pro"},
                        headers={"Authorization": f"Bearer {jeton}"})
        assert r.status_code == 201
        journal = client.get("/api/v1/agent/journal", headers={"Authorization": f"Bearer {jeton}"}).json()
        assert {"agent_id": agent.id, "action": "reserver", "code": r.json()["code"]}.items() <= journal[0].items()
    assert lire_jeton_conversation(CLE, bon) == PSEUDO and lire_jeton_conversation(CLE, bon + "0") is None


def test_session_pro_par_mot_de_passe_hache(service, creneau):
    agent, _ = service.creer_agent("Camille", identifiant="Camille", mot_de_passe="un mot de passe long")
    with service.sessions() as s:
        from rdv.modeles import Agent
        stocke = s.scalar(select(Agent.mot_de_passe_hash).where(Agent.id == agent.id))
    assert stocke.startswith("scrypt$") and "mot de passe" not in stocke
    assert verifier_mot_de_passe("un mot de passe long", stocke)
    assert service.connecter("camille", "mauvais mot de passe") is None
    assert service.connecter("personne", "un mot de passe long") is None
    connecte, session = service.connecter("camille", "un mot de passe long")
    assert connecte.id == agent.id and service.agent_de_session(session).id == agent.id
    with _app(service) as client:
        client.cookies.set("pro_session", session)
        r = client.post("/api/v1/rendez-vous", json={"creneau_id": creneau(jours=2).id, "canal": "pro"})
        assert r.status_code == 201
        assert client.get("/api/v1/agent/moi").json()["nom"] == "Camille"
    service.deconnecter(session)
    assert service.agent_de_session(session) is None


def test_un_seul_rendez_vous_a_venir_par_numero(service, creneau):
    service.reserver(creneau(jours=2).id, telephone="06 12 34 56 78")
    with pytest.raises(TelephoneDejaUtilise):
        service.reserver(creneau(jours=3).id, telephone="+33 6 12 34 56 78")
    autre = service.reserver(creneau(jours=4).id)
    with pytest.raises(TelephoneDejaUtilise):
        service.definir_telephone(autre.code, "0612345678")


def test_numero_confirme_par_code_sms_avant_tout_autre_sms(strict, creneau, horloge):
    memoire = MemoireSender()
    rdv = strict.reserver(creneau(jours=3).id, telephone="06 12 34 56 78")
    relanceur = Relanceur(strict, memoire)
    relanceur.tour()
    relanceur.tour()
    assert len(memoire.envoyes) == 1
    premier = memoire.envoyes[0]["texte"]
    assert re.search(r"\b\d{6}\b", premier) and rdv.code not in premier and "CAF" in premier
    assert len(premier) <= 160
    code_sms = _code_sms(memoire)
    faux = "000000" if code_sms != "000000" else "111111"
    with pytest.raises(CodeSmsFaux):
        strict.confirmer_telephone(rdv.code, faux)
    relanceur.tour()
    assert len(memoire.envoyes) == 1  # toujours rien d'autre
    assert strict.confirmer_telephone(rdv.code, code_sms).telephone_confirme
    relanceur.tour()
    assert len(memoire.envoyes) == 2 and rdv.code in memoire.envoyes[1]["texte"]  # la confirmation


def test_cinq_codes_faux_oublient_le_numero(strict, creneau):
    memoire = MemoireSender()
    rdv = strict.reserver(creneau(jours=3).id, telephone="06 12 34 56 78")
    Relanceur(strict, memoire).tour()
    bon = _code_sms(memoire)
    faux = [f"{(int(bon) + i) % 10**6:06d}" for i in range(1, 6)]
    for code in faux:
        with pytest.raises(CodeSmsFaux):
            strict.confirmer_telephone(rdv.code, code)
    assert strict.consulter(rdv.code).telephone is None
    Relanceur(strict, memoire).tour()
    assert len(memoire.envoyes) == 1


def test_reponse_par_sms_confirme_le_numero(strict, creneau):
    memoire = MemoireSender()
    rdv = strict.reserver(creneau(jours=3).id, telephone="06 12 34 56 78")
    Relanceur(strict, memoire).tour()
    code = _code_sms(memoire)
    assert strict.confirmer_par_sms("+33612345678", "bonjour") is None
    assert strict.confirmer_par_sms("+33700000000", code) is None  # pas ce numéro
    assert strict.confirmer_par_sms("+33612345678", f" {code[:3]} {code[3:]} ").code == rdv.code
    assert strict.consulter(rdv.code).telephone_confirme


def test_annuler_efface_le_numero_et_le_resume(service, creneau, horloge):
    rdv = service.reserver(creneau(jours=3).id, telephone="06 12 34 56 78",
                           resume={"situation": {"logement": "rue"}, "droits": {}})
    memoire = MemoireSender()
    service.annuler(rdv.code)
    apres = service.consulter(rdv.code)
    assert apres.telephone is None and not apres.resume_consenti
    with service.sessions() as s:
        assert s.scalar(select(Resume.id)) is None
    Relanceur(service, memoire).tour()
    assert [m["texte"].split()[0] for m in memoire.envoyes] == ["Votre"]  # l'annulation part quand même
    horloge.avancer(hours=1)
    service.purger()
    with service.sessions() as s:
        assert set(s.scalars(select(SmsSortant.destinataire))) == {""}


def test_export_csv_sans_formule(service, creneau, horloge, lieux):
    c = creneau(jours=0, heure=14, minute=0)
    service.reserver(c.id, canal="=HYPERLINK(\"http://x\")", langue="@SUM(A1)")
    agent, _ = service.creer_agent("Agent", lieux["caf-nationale"])
    texte = service.export_csv(agent, c.debut.date(), c.debut.date())
    cellules = [cel for ligne in texte.splitlines()[1:] for cel in ligne.split(";")]
    assert "'=HYPERLINK(\"\"http://x\"\")" in texte or "'=HYPERLINK" in texte
    assert not any(cel.lstrip('"').startswith(("=", "+", "@")) for cel in cellules)


def test_entiers_et_dates_bornes(service, pro):
    with _app(service) as client:
        for corps in ({"creneau_id": 2**63}, {"creneau_id": -1}, {"creneau_id": 0}):
            assert client.post("/api/v1/rendez-vous", json=corps, headers=pro).status_code == 422
        assert client.get("/api/v1/creneaux", params={"du": "9999-12-31"}).status_code == 422
        assert client.get("/api/v1/creneaux", params={"au": "9999-12-31"}).status_code == 422
        assert client.get("/api/v1/creneaux", params={"lieu_id": 2**63}).status_code == 422
        assert client.post(f"/api/v1/agent/creneaux/{2**63}/bloquer", headers=pro).status_code == 422
        assert client.post("/api/v1/rendez-vous", headers=pro,
                           json={"creneau_id": 1, "canal": "=1+1"}).status_code == 422
    with pytest.raises(CodeInconnu.__mro__[1]):
        service.creneau(2**63)
    assert service.creneaux_libres(jusqua=None, limite=1) is not None


def test_numero_jamais_confirme_puis_annule_rien_ne_part_et_tout_s_efface(strict, creneau, horloge):
    memoire = MemoireSender()
    rdv = strict.reserver(creneau(jours=3).id, telephone="06 12 34 56 78")
    strict.annuler(rdv.code)
    relanceur = Relanceur(strict, memoire)
    relanceur.tour()
    assert [m["texte"] for m in memoire.envoyes if rdv.code in m["texte"]] == []  # ni annulation ni rappel
    horloge.avancer(hours=1)
    strict.purger()
    with strict.sessions() as s:
        assert set(s.scalars(select(SmsSortant.destinataire))) == {""}
        assert "en_attente" not in set(s.scalars(select(SmsSortant.statut)))

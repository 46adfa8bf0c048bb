"""API HTTP (TestClient de FastAPI) : codes, corps d'erreur bilingues, rien d'écrit sur erreur."""
from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from rdv.api import obtenir_service, router
from rdv.modeles import RendezVous, SmsSortant


@pytest.fixture
def client(service, pro):
    app = FastAPI()
    app.include_router(router, prefix="/api/v1")
    app.dependency_overrides[obtenir_service] = lambda: service
    with TestClient(app) as c:
        c.pro = pro  # un professionnel connecté réserve
        yield c


def nb(service, modele=RendezVous):
    with service.sessions() as s:
        return s.scalar(select(func.count()).select_from(modele))


def erreur(r, statut, cle):
    assert r.status_code == statut, r.text
    d = r.json()["detail"]
    assert d["erreur"] == cle and d["fr"] and d["en"]
    return d


def test_parcours_complet(client, service, creneau):
    c1, c2 = creneau(jours=2), creneau(jours=3, lieu="caf-finlay")
    r = client.get("/api/v1/creneaux")
    assert r.status_code == 200
    liste = r.json()
    assert [x["id"] for x in liste] == [c1.id, c2.id]
    assert set(liste[0]) >= {"id", "debut", "fin", "lieu", "libelle"}
    assert liste[0]["lieu"]["adresse"] == "101 rue Nationale, 75013 Paris"
    assert liste[0]["lieu"]["verifie"] is False and liste[0]["lieu"]["source"]
    assert [x["id"] for x in client.get("/api/v1/creneaux", params={"arrondissement": "15e"}).json()] == [c2.id]
    assert [x["id"] for x in client.get("/api/v1/creneaux", params={"du": "2026-12-10"}).json()] == [c2.id]
    assert [x["id"] for x in client.get("/api/v1/creneaux", params={"au": "2026-12-09"}).json()] == [c1.id]

    r = client.post("/api/v1/rendez-vous", headers=client.pro, json={"creneau_id": c1.id, "telephone": "06 12 34 56 78"})
    assert r.status_code == 201, r.text
    corps = r.json()
    code = corps["code"]
    assert corps["statut"] == "reserve" and corps["rappel_sms"] is True
    assert "+33612345678" not in r.text and corps["telephone_masque"].endswith("78")
    assert "Votre code : " + code in corps["confirmation"]
    assert len(corps["sms"]) <= 160

    j = {"jeton": corps["jeton"]}
    r = client.get(f"/api/v1/rendez-vous/{code.lower()}", params=j)
    assert r.status_code == 200 and r.json()["code"] == code
    ics = client.get(f"/api/v1/rendez-vous/{code}/ics", params=j)
    assert ics.status_code == 200 and ics.headers["content-type"].startswith("text/calendar")
    assert "BEGIN:VEVENT" in ics.text and "\r\n" in ics.text

    r = client.post(f"/api/v1/rendez-vous/{code}/deplacement", json={"creneau_id": c2.id}, params=j)
    assert r.status_code == 200 and "finlay" in r.json()["lieu"]["nom"].lower()

    r = client.delete(f"/api/v1/rendez-vous/{code}", params=j)
    assert r.status_code == 200 and r.json()["statut"] == "annule"
    erreur(client.delete(f"/api/v1/rendez-vous/{code}", params=j), 409, "deja_annule")


def test_erreurs_sans_ecriture(client, service, creneau, horloge):
    c = creneau(jours=2)
    passe = creneau(jours=-1)
    avant = nb(service)
    erreur(client.post("/api/v1/rendez-vous", headers=client.pro, json={"creneau_id": c.id, "telephone": "01 42 00 00 00"}),
           422, "telephone_invalide")
    erreur(client.post("/api/v1/rendez-vous", headers=client.pro, json={"creneau_id": passe.id}), 409, "creneau_passe")
    erreur(client.post("/api/v1/rendez-vous", headers=client.pro, json={"creneau_id": 999999}), 404, "creneau_inconnu")
    d = erreur(client.post("/api/v1/rendez-vous", headers=client.pro, json={"telephone": "0612345678"}), 422, "donnees_invalides")
    assert "creneau_id" in d["fr"]
    erreur(client.post("/api/v1/rendez-vous", headers=client.pro, json={"creneau_id": "abc"}), 422, "donnees_invalides")
    erreur(client.post("/api/v1/rendez-vous", headers=client.pro, json={"creneau_id": c.id, "inconnu": 1}), 422, "donnees_invalides")
    assert nb(service) == avant == 0 and nb(service, SmsSortant) == 0

    assert client.post("/api/v1/rendez-vous", headers=client.pro, json={"creneau_id": c.id}).status_code == 201
    d = erreur(client.post("/api/v1/rendez-vous", headers=client.pro, json={"creneau_id": c.id}), 409, "creneau_pris")
    assert d["fr"] == "Ce créneau vient d'être pris." and d["en"]
    assert nb(service) == 1

    erreur(client.get("/api/v1/rendez-vous/AAA-AAA"), 404, "code_inconnu")
    erreur(client.get("/api/v1/rendez-vous/n'importe"), 404, "code_inconnu")
    erreur(client.delete("/api/v1/rendez-vous/AAA-AAA"), 404, "code_inconnu")
    erreur(client.get("/api/v1/creneaux", params={"arrondissement": "42"}), 422, "donnees_invalides")


def test_annulation_trop_tardive(client, service, creneau, horloge):
    c = creneau(jours=1, heure=14, minute=0)
    corps = client.post("/api/v1/rendez-vous", headers=client.pro, json={"creneau_id": c.id}).json()
    code, j = corps["code"], {"jeton": corps["jeton"]}
    horloge.regler(c.debut - timedelta(hours=2))
    erreur(client.delete(f"/api/v1/rendez-vous/{code}", params=j), 409, "trop_tard")
    assert client.get(f"/api/v1/rendez-vous/{code}", params=j).json()["statut"] == "reserve"


def test_agent(client, service, creneau, horloge, lieux):
    c = creneau(jours=1, heure=9, minute=0)
    ailleurs = creneau(jours=1, lieu="caf-finlay")
    r0 = service.reserver(c.id, resume={"situation": {"logement": "rue"}, "droits": {"ame": {}}})
    code = r0.code
    code_ailleurs = service.reserver(ailleurs.id).code
    agent, jeton = service.creer_agent("Agent Nationale", lieux["caf-nationale"])
    h = {"Authorization": f"Bearer {jeton}"}

    # Le jeton n'est pas stocké en clair.
    from rdv.modeles import Agent
    with service.sessions() as s:
        stocke = s.scalar(select(Agent.jeton_hash))
    assert stocke != jeton and len(stocke) == 64 and jeton not in stocke

    for mauvais in ({}, {"Authorization": "Bearer faux"}, {"Authorization": f"Basic {jeton}"},
                    {"Authorization": f"Bearer {jeton}x"}):
        r = client.get("/api/v1/agent/rendez-vous", headers=mauvais)
        erreur(r, 401, "non_authentifie")
        assert r.headers.get("www-authenticate") == "Bearer"

    assert client.get("/api/v1/agent/moi", headers=h).json()["nom"] == "Agent Nationale"
    liste = client.get("/api/v1/agent/rendez-vous", headers=h, params={"jour": "2026-12-08"}).json()
    assert [l["code"] for l in liste] == [code] and liste[0]["resume_disponible"] is True
    erreur(client.get("/api/v1/agent/rendez-vous", headers=h, params={"lieu_id": lieux["caf-finlay"]}),
           403, "acces_refuse")

    r = client.get(f"/api/v1/agent/rendez-vous/{code}/resume", headers=h)
    assert r.status_code == 200 and r.json()["situation"] == {"logement": "rue"}
    erreur(client.get(f"/api/v1/agent/rendez-vous/{code}/resume"), 401, "non_authentifie")
    erreur(client.get(f"/api/v1/agent/rendez-vous/{code_ailleurs}/resume", headers=h), 404, "code_inconnu")
    # Le résumé n'apparaît nulle part dans l'API publique.
    assert "logement" not in client.get(f"/api/v1/rendez-vous/{code}", params={"jeton": r0.jeton}).text

    erreur(client.post(f"/api/v1/agent/rendez-vous/{code}/statut", headers=h, json={"statut": "honore"}),
           409, "statut_invalide")
    horloge.regler(c.debut + timedelta(minutes=10))
    erreur(client.post(f"/api/v1/agent/rendez-vous/{code}/statut", headers=h, json={"statut": "parti"}),
           422, "donnees_invalides")
    r = client.post(f"/api/v1/agent/rendez-vous/{code}/statut", headers=h, json={"statut": "honore"})
    assert r.status_code == 200 and r.json()["statut"] == "honore"

    r = client.get("/api/v1/agent/export.csv", headers=h, params={"du": "2026-12-01", "au": "2026-12-31"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert code in r.text and code_ailleurs not in r.text

    libre = creneau(jours=5)
    assert client.post(f"/api/v1/agent/creneaux/{libre.id}/bloquer", headers=h).json()["bloque"] is True
    assert libre.id not in [x["id"] for x in client.get("/api/v1/creneaux").json()]
    erreur(client.post(f"/api/v1/agent/creneaux/{ailleurs.id}/bloquer", headers=h), 404, "creneau_inconnu")
    client.post(f"/api/v1/agent/creneaux/{libre.id}/debloquer", headers=h)
    assert libre.id in [x["id"] for x in client.get("/api/v1/creneaux").json()]

    service.desactiver_agent(agent.id)
    erreur(client.get("/api/v1/agent/moi", headers=h), 401, "non_authentifie")


def test_openapi(client):
    schema = client.get("/openapi.json").json()
    assert "/api/v1/rendez-vous" in schema["paths"] and "/api/v1/agent/export.csv" in schema["paths"]

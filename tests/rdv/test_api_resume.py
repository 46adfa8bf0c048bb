"""API : résumé pour l'agent de la CAF seulement avec l'accord de la personne, droits calculés par
le serveur, rien de la situation gardé sans accord ; fichier .ics en UTC exact (hiver et été).

Chaque test qui prend ``service`` tourne sur SQLite et sur PostgreSQL (fixtures de conftest.py).
"""
from __future__ import annotations

import logging
import re
from datetime import UTC, date, datetime

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

import droits
from rdv.api import obtenir_service, router
from rdv.modeles import Base, RendezVous, Resume, SmsSortant
from rdv.temps import PARIS

# 437 mois en France : une valeur qu'aucun autre texte ne contient, pour la chercher partout.
SITUATION = {"age": 41, "nationalite": "hors_ue", "titre_sejour": "aucun", "mois_en_france": 437,
             "logement": "rue", "vit_a_paris": True, "adresse_courrier": False}
JOUR = date(2026, 12, 7)  # horloge des tests (conftest.MAINTENANT)


@pytest.fixture
def client(service, pro):
    app = FastAPI()
    app.include_router(router, prefix="/api/v1")
    app.dependency_overrides[obtenir_service] = lambda: service
    with TestClient(app) as c:
        c.pro = pro  # un professionnel connecté réserve
        yield c


@pytest.fixture
def agent(service, lieux):
    """En-tête d'un agent de la CAF Nationale (là où ``creneau()`` crée les créneaux)."""
    _, jeton = service.creer_agent("Agent Nationale", lieux["caf-nationale"])
    return {"Authorization": f"Bearer {jeton}"}


def nb(service, modele):
    with service.sessions() as s:
        return s.scalar(select(func.count()).select_from(modele))


def toute_la_base(service) -> str:
    """Le texte de toutes les lignes de toutes les tables (pour y chercher une trace)."""
    morceaux = []
    with service.sessions() as s:
        for table in Base.metadata.sorted_tables:
            # Sans les empreintes (SHA-256 en hexadécimal : « 437 » peut y paraître par hasard).
            colonnes = [c for c in table.columns if not c.name.endswith("_hash")]
            morceaux.extend(repr(tuple(ligne)) for ligne in s.execute(select(*colonnes)))
    return "\n".join(morceaux)


def erreur(r, statut, cle):
    assert r.status_code == statut, r.text
    d = r.json()["detail"]
    assert d["erreur"] == cle and d["fr"] and d["en"], d
    return d


def test_accord_garde_un_resume_calcule_par_le_serveur(client, service, creneau, agent, lieux):
    c = creneau(jours=2)
    r = client.post("/api/v1/rendez-vous", headers=client.pro, json={"creneau_id": c.id, "canal": "pro",
                                                  "consentement_resume": True, "situation": SITUATION})
    assert r.status_code == 201, r.text
    corps = r.json()
    assert corps["resume_partage"] is True and corps["resume_consenti"] is True
    code, jeton = corps["code"], corps["jeton"]
    assert nb(service, Resume) == 1

    # Le résumé ne sort que par l'API des agents, authentifiée.
    erreur(client.get(f"/api/v1/agent/rendez-vous/{code}/resume"), 401, "non_authentifie")
    erreur(client.get(f"/api/v1/agent/rendez-vous/{code}/resume",
                      headers={"Authorization": "Bearer faux"}), 401, "non_authentifie")
    r = client.get(f"/api/v1/agent/rendez-vous/{code}/resume", headers=agent)
    assert r.status_code == 200, r.text
    resume = r.json()
    assert resume["code"] == code
    assert resume["situation"] == droits.valider_situation(SITUATION)
    assert resume["droits"] == droits.evaluer(SITUATION, date=JOUR, forme="vous")
    assert resume["droits"]["date"] == JOUR.isoformat()
    assert set(resume["droits"]["droits"]) == set(droits.DROITS)

    # Un agent d'un autre lieu ne le voit pas ; l'API publique ne montre pas la situation.
    _, autre = service.creer_agent("Agent Finlay", lieux["caf-finlay"])
    erreur(client.get(f"/api/v1/agent/rendez-vous/{code}/resume",
                      headers={"Authorization": f"Bearer {autre}"}), 404, "code_inconnu")
    public = client.get(f"/api/v1/rendez-vous/{code}", params={"jeton": jeton}).text
    assert "437" not in public and "mois_en_france" not in public and "titre_sejour" not in public
    liste = client.get("/api/v1/agent/rendez-vous", headers=agent, params={"jour": "2026-12-09"}).json()
    assert [(l["code"], l["resume_disponible"]) for l in liste] == [(code, True)]


def test_resultats_du_client_refuses(client, service, creneau):
    """Le client ne peut pas fournir les droits : seul le serveur les calcule."""
    c = creneau(jours=2)
    faux = {"ame": {"statut": "eligible"}}
    for corps in ({"resume": {"situation": SITUATION, "droits": faux}},
                  {"droits": faux}, {"resultats": faux}):
        d = erreur(client.post("/api/v1/rendez-vous", headers=client.pro, json={"creneau_id": c.id, "consentement_resume": True,
                                                            "situation": SITUATION, **corps}),
                   422, "donnees_invalides")
        assert set(corps) <= set(d["champs"])
    # Glissés dans la situation, ils sont un champ inconnu.
    d = erreur(client.post("/api/v1/rendez-vous", headers=client.pro, json={"creneau_id": c.id, "consentement_resume": True,
                                                        "situation": {**SITUATION, "droits": faux}}),
               422, "situation_invalide")
    assert d["champ"] == "situation.droits"
    assert nb(service, RendezVous) == nb(service, Resume) == 0


@pytest.mark.parametrize("accord", [False, None], ids=["accord-faux", "accord-absent"])
def test_sans_accord_rien_de_la_situation_n_est_garde(client, service, creneau, agent, accord):
    c1, c2 = creneau(jours=2), creneau(jours=3)
    demande = {"creneau_id": c1.id, "situation": SITUATION}
    if accord is not None:
        demande["consentement_resume"] = accord
    r = client.post("/api/v1/rendez-vous", headers=client.pro, json=demande)
    assert r.status_code == 201, r.text
    assert r.json()["resume_partage"] is False and r.json()["resume_consenti"] is False
    code = r.json()["code"]

    # Sans accord, la situation n'est même pas lue : une situation fausse ne bloque rien.
    r = client.post("/api/v1/rendez-vous", headers=client.pro, json={"creneau_id": c2.id, "consentement_resume": False,
                                                  "situation": {"age": 150, "inconnu": "x"}})
    assert r.status_code == 201, r.text
    assert r.json()["resume_partage"] is False

    assert nb(service, Resume) == 0
    base = toute_la_base(service)
    assert "437" not in base and "mois_en_france" not in base and "hors_ue" not in base
    d = erreur(client.get(f"/api/v1/agent/rendez-vous/{code}/resume", headers=agent), 404, "code_inconnu")
    assert "accord" in d["fr"]
    liste = client.get("/api/v1/agent/rendez-vous", headers=agent, params={"jour": "2026-12-09"}).json()
    assert [l["resume_disponible"] for l in liste] == [False]


def test_accord_sans_situation_pas_de_resume(client, service, creneau):
    c = creneau(jours=2)
    r = client.post("/api/v1/rendez-vous", headers=client.pro, json={"creneau_id": c.id, "consentement_resume": True})
    assert r.status_code == 201 and r.json()["resume_partage"] is False
    assert nb(service, Resume) == 0


@pytest.mark.parametrize("situation, champ", [
    ({**SITUATION, "age": 150}, "situation.age"),
    ({**SITUATION, "logement": "chateau"}, "situation.logement"),
    ({**SITUATION, "pointure": 42}, "situation.pointure"),
    ({**SITUATION, "mois_en_france": "beaucoup"}, "situation.mois_en_france"),
])
def test_situation_invalide_422_champ_nomme_rien_ecrit(client, service, creneau, situation, champ):
    c = creneau(jours=2)
    r = client.post("/api/v1/rendez-vous", headers=client.pro, json={"creneau_id": c.id, "telephone": "06 12 34 56 78",
                                                  "consentement_resume": True, "situation": situation})
    d = erreur(r, 422, "situation_invalide")
    assert d["champ"] == champ and d["champs"] == [champ]
    assert champ in d["fr"] and champ in d["en"]
    assert nb(service, RendezVous) == nb(service, Resume) == nb(service, SmsSortant) == 0
    # Le créneau reste libre.
    assert c.id in [x["id"] for x in client.get("/api/v1/creneaux").json()]


def test_situation_mal_typee_422(client, service, creneau):
    c = creneau(jours=2)
    for mauvaise in (["logement", "rue"], "rue", 3):
        d = erreur(client.post("/api/v1/rendez-vous", headers=client.pro, json={"creneau_id": c.id, "consentement_resume": True,
                                                            "situation": mauvaise}),
                   422, "donnees_invalides")
        assert d["champs"] == ["situation"]
    d = erreur(client.post("/api/v1/rendez-vous", headers=client.pro, json={"creneau_id": c.id, "consentement_resume": "peut-être",
                                                        "situation": SITUATION}), 422, "donnees_invalides")
    assert d["champs"] == ["consentement_resume"]
    assert nb(service, RendezVous) == nb(service, Resume) == 0


def test_creneau_pris_avec_accord_rien_de_plus(client, service, creneau):
    c = creneau(jours=2)
    assert client.post("/api/v1/rendez-vous", headers=client.pro, json={"creneau_id": c.id}).status_code == 201
    erreur(client.post("/api/v1/rendez-vous", headers=client.pro, json={"creneau_id": c.id, "consentement_resume": True,
                                                    "situation": SITUATION}), 409, "creneau_pris")
    assert nb(service, RendezVous) == 1 and nb(service, Resume) == 0


def test_situation_jamais_journalisee(client, service, creneau, agent, caplog):
    c1, c2 = creneau(jours=2), creneau(jours=3)
    with caplog.at_level(logging.DEBUG):
        code = client.post("/api/v1/rendez-vous", headers=client.pro, json={"creneau_id": c1.id, "consentement_resume": True,
                                                         "situation": SITUATION}).json()["code"]
        client.get(f"/api/v1/agent/rendez-vous/{code}/resume", headers=agent)
        client.post("/api/v1/rendez-vous", headers=client.pro, json={"creneau_id": c2.id, "consentement_resume": True,
                                                 "situation": {**SITUATION, "age": 987}})
        client.post("/api/v1/rendez-vous", headers=client.pro, json={"creneau_id": c2.id, "situation": SITUATION})
    texte = caplog.text + " ".join(str(r.args) for r in caplog.records)
    for trace in ("437", "987", "mois_en_france", "hors_ue", "titre_sejour"):
        assert trace not in texte, trace


def test_openapi(client):
    schema = client.get("/openapi.json").json()
    post = schema["paths"]["/api/v1/rendez-vous"]["post"]
    assert {"201", "404", "409", "422"} <= set(post["responses"])
    nom = post["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    modele = schema["components"]["schemas"][nom]
    assert modele["additionalProperties"] is False and modele["required"] == ["creneau_id"]
    assert modele["properties"]["consentement_resume"]["default"] is False
    assert "situation" in modele["properties"]
    assert "accord" in schema["paths"]["/api/v1/agent/rendez-vous/{code}/resume"]["get"]["summary"]


# ------------------------------------------------------------------ fichier .ics


def _deplier(texte: str) -> list[str]:
    return texte.replace("\r\n ", "").split("\r\n")


def _instant(valeur: str) -> datetime:
    return datetime.strptime(valeur, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


@pytest.mark.parametrize("jours, attendu_debut, attendu_fin, heure_de_paris", [
    (2, "20261209T084500Z", "20261209T093000Z", "9 h 45"),     # hiver : UTC+1
    (211, "20270706T074500Z", "20270706T083000Z", "9 h 45"),   # été : UTC+2
], ids=["hiver", "ete"])
def test_ics_heures_utc_exactes_hiver_et_ete(client, creneau, jours, attendu_debut, attendu_fin,
                                            heure_de_paris):
    c = creneau(jours=jours, heure=9, minute=45)
    corps = client.post("/api/v1/rendez-vous", headers=client.pro, json={"creneau_id": c.id}).json()
    code = corps["code"]
    r = client.get(f"/api/v1/rendez-vous/{code}/ics", params={"jeton": corps["jeton"]})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/calendar")
    assert all(len(l.encode()) <= 75 for l in r.text.split("\r\n"))
    lignes = _deplier(r.text)
    proprietes = dict(l.split(":", 1) for l in lignes if ":" in l)
    assert proprietes["DTSTART"] == attendu_debut and proprietes["DTEND"] == attendu_fin
    # L'instant écrit est celui du créneau, et c'est bien 9 h 45 à Paris.
    assert _instant(proprietes["DTSTART"]) == c.debut
    assert _instant(proprietes["DTSTART"]).astimezone(PARIS).strftime("%H:%M") == "09:45"
    assert _instant(proprietes["DTEND"]) == c.fin
    # Forme UTC (RFC 5545, 3.3.5) : pas de TZID, donc pas de VTIMEZONE à fournir.
    assert "TZID" not in r.text and "VTIMEZONE" not in r.text
    for cle in ("DTSTART", "DTEND", "DTSTAMP"):
        assert re.fullmatch(r"\d{8}T\d{6}Z", proprietes[cle]), cle
    # L'heure de Paris est aussi écrite en toutes lettres.
    assert heure_de_paris in proprietes["DESCRIPTION"]
    assert code in proprietes["SUMMARY"] and proprietes["UID"].startswith(f"rdv-{code}@")

"""Une VRAIE base PostgreSQL arrêtée puis redémarrée pendant le service : rien n'est perdu, rien
n'est écrit à moitié, la personne reçoit un message clair, et tout remarche au redémarrage.

Le service, l'API HTTP et l'action de conversation partagent le même moteur SQLAlchemy
(``pool_pre_ping`` : une connexion morte du pool est remplacée sans erreur).
"""
from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from rdv.api import obtenir_service, router
from rdv.db import migrer
from rdv.modeles import RendezVous
from rdv.pg_jetable import PostgresIndisponible, PostgresJetable, trouver_binaires
from rdv.service import ServiceRdv
from rdv.temps import PARIS, HorlogeFixe

pytestmark = pytest.mark.postgres

MAINTENANT = datetime(2026, 12, 7, 10, 0, tzinfo=PARIS)


@pytest.fixture(scope="module")
def pg():
    if trouver_binaires() is None:
        pytest.skip("PostgreSQL absent : aucun binaire initdb (apt-get install postgresql)")
    try:
        with PostgresJetable(rapide=False) as grappe:
            yield grappe
    except PostgresIndisponible as e:
        pytest.fail(f"Grappe PostgreSQL jetable impossible à démarrer : {e}")


@pytest.fixture
def service(pg):
    url = pg.creer_base("rdv_redemarrage")
    migrer(url)
    s = ServiceRdv(url, horloge=HorlogeFixe(MAINTENANT))
    s.generer_creneaux()
    yield s
    if not pg._lance:
        pg.relancer()
    s.sessions.kw["bind"].dispose()


def _nb(service) -> int:
    with service.sessions() as s:
        return s.scalar(select(func.count()).select_from(RendezVous))


def test_service_et_api_pendant_et_apres_un_redemarrage(pg, service):
    c1, c2, c3 = service.creneaux_libres(depuis=MAINTENANT + timedelta(days=1), limite=3)
    avant = service.reserver(c1.id, telephone="06 12 34 56 78")
    _, jeton_agent = service.creer_agent("Agent de test")
    pro = {"Authorization": f"Bearer {jeton_agent}"}

    app = FastAPI()
    app.include_router(router, prefix="/api/v1")
    app.dependency_overrides[obtenir_service] = lambda: service
    with TestClient(app) as client:
        pg.stopper()
        try:
            with pytest.raises(DBAPIError):
                service.reserver(c2.id)
            r = client.post("/api/v1/rendez-vous", headers=pro, json={"creneau_id": c2.id})
            assert r.status_code == 503, r.text
            assert r.headers["retry-after"] == "60"
            detail = r.json()["detail"]
            assert detail["erreur"] == "base_indisponible" and detail["fr"] and detail["en"]
            assert client.get(f"/api/v1/rendez-vous/{avant.code}", params={"jeton": avant.jeton}).status_code == 503
        finally:
            pg.relancer()

        # Les connexions du pool sont mortes : pool_pre_ping les remplace, sans erreur visible.
        r = client.post("/api/v1/rendez-vous", headers=pro, json={"creneau_id": c2.id})
        assert r.status_code == 201, r.text
    apres = service.reserver(c3.id)
    assert service.consulter(avant.code).telephone == "+33612345678"
    assert {service.consulter(c).statut for c in (avant.code, apres.code, r.json()["code"])} == {"reserve"}
    assert _nb(service) == 3  # la tentative pendant la panne n'a rien écrit


def test_conversation_base_arretee_puis_la_meme_reponse_reserve(pg, service):
    """« Oui, je réserve » pendant la panne : message clair, l'étape est gardée ; le même « oui »
    après le redémarrage réserve."""
    from bot.actions import rendez_vous
    from tests.bot.conftest import suivi

    rendez_vous.utiliser_service(service)
    try:
        creneau = service.creneaux_libres(depuis=MAINTENANT + timedelta(days=1), limite=1)[0]
        slots = {"forme": "vous", "attente": "rdv_confirmer", "rdv_choisi": creneau.id,
                 "rdv_proposes": [{"id": creneau.id, "libelle": creneau.libelle, "jour": "2026-12-08"}],
                 "rdv_mode": "reserver", "rdv_essais": 0.0}

        def dire_oui():
            dispatcher = CollectingDispatcher()
            tracker = suivi("oui", "affirmer", dict(slots))
            tracker.sender_id = "we-redemarrage"
            from bot.actions.dialogue import ActionAvancer
            events = asyncio.run(ActionAvancer().run(dispatcher, tracker, {"responses": {}}))
            return events, dispatcher.messages

        pg.stopper()
        try:
            events, messages = dire_oui()
        finally:
            pg.relancer()
        assert events == []  # rien ne change : la même réponse pourra réessayer
        assert [m["text"] for m in messages] == [
            "La réservation ne répond pas pour le moment. Rien n'a changé. Réessayez dans une minute."]
        assert _nb(service) == 0

        events, messages = dire_oui()
        code = next(e["value"] for e in events if e.get("name") == "rdv_code")
        assert service.consulter(code).statut == "reserve"
    finally:
        rendez_vous.utiliser_service(None)

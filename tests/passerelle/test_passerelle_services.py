"""Éligibilité, santé, reprise (expiration), mémoires, et liens avec rdv (ANNULER, STOP, /supprimer)."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import xml.etree.ElementTree as ET

import pytest
from fastapi.testclient import TestClient
from twilio.request_validator import RequestValidator

from droits import registre
from bot.passerelle import textes
from bot.passerelle.app import creer_app
from bot.passerelle.memoire import LimiteurDebit, MemoireExpirante
from bot.passerelle.relais import Relais
from bot.passerelle.reprise import extraire_code

SITUATION = {"age": 34, "nationalite": "hors_ue", "titre_sejour": "aucun", "mois_en_france": 24,
             "logement": "rue", "vit_a_paris": True}


# -- éligibilité ---------------------------------------------------------------------------------

def test_eligibilite(client):
    import droits

    r = client.post("/api/v1/eligibilite?date=2026-01-15", json=SITUATION)
    assert r.status_code == 200
    corps = r.json()
    assert corps == droits.evaluer(SITUATION, date="2026-01-15")
    assert set(corps["droits"]) == set(registre.IDS)
    il = client.post("/api/v1/eligibilite?forme=il", json=SITUATION).json()
    assert il["droits"]["ame"]["resume"].startswith("Il")


@pytest.mark.parametrize("situation, champ", [
    ({"age": -3}, "age"), ({"age": "trente"}, "age"), ({"logement": "chateau"}, "logement"),
    ({"champ_inconnu": 1}, "champ_inconnu"),
])
def test_eligibilite_422_nomme_le_champ(client, situation, champ):
    r = client.post("/api/v1/eligibilite", json=situation)
    assert r.status_code == 422
    corps = r.json()
    assert corps["champ"] == champ
    assert corps["detail"][0]["loc"] == ["body", champ]
    assert corps["message"]


def test_eligibilite_mauvaise_date_et_mauvais_corps(client):
    r = client.post("/api/v1/eligibilite?date=03/12/2025", json=SITUATION)
    assert r.status_code == 422 and r.json()["champ"] == "date"
    r = client.post("/api/v1/eligibilite", json=[1, 2])
    assert r.status_code == 422
    r = client.post("/api/v1/eligibilite?forme=tu", json=SITUATION)
    assert r.status_code == 422


def test_openapi_documente_eligibilite_et_rdv(client):
    chemins = client.get("/openapi.json").json()["paths"]
    assert "post" in chemins["/api/v1/eligibilite"]
    assert "/api/v1/creneaux" in chemins and "/api/v1/rendez-vous" in chemins


# -- santé -------------------------------------------------------------------------------------

def test_healthz_base_absente(fabrique_reglages, tmp_path):
    with TestClient(creer_app(fabrique_reglages(database_url=f"sqlite:///{tmp_path}/absente/x.db"))) as c:
        r = c.get("/healthz")
        corps = r.json()
        assert corps["rasa"]["statut"] == "ok"
        assert corps["base"]["statut"] in {"ok", "erreur"}  # rdv crée le dossier ; la table manque peut-être


# -- reprise ----------------------------------------------------------------------------------

class Horloge:
    def __init__(self):
        self.t = 1000.0

    def __call__(self):
        return self.t


def test_extraire_code():
    assert extraire_code("KMR47P") == ("KMR47P", False)
    assert extraire_code("kmr 47p") == ("KMR47P", False)
    assert extraire_code("REPRENDRE kmr-47p") == ("KMR47P", True)
    assert extraire_code("bonjour") == (None, False)
    assert extraire_code("oui oui") == (None, False)  # O et I hors alphabet
    assert extraire_code("reprendre mon rdv") == (None, False)
    # « Code : K7P-4MX » (réponse à « Quel est le code de votre rendez-vous ? ») va au bot.
    assert extraire_code("Code : K7P-4MX") == ("K7P4MX", False)


def test_reprise_par_sms_et_expiration(fabrique_reglages, faux_rasa):
    horloge = Horloge()
    reglages = fabrique_reglages(reprise_duree=60).verifier()

    class Rasa:
        def __init__(self):
            self.envois = []

        async def envoyer(self, pseudo, texte, langue="fr"):
            self.envois.append((pseudo, texte))
            return [{"text": "ok"}]

        async def redemarrer(self, pseudo):
            self.envois.append((pseudo, "/restart"))
            return True

        async def vider(self, pseudo):
            self.envois.append((pseudo, "PUT []"))
            return True

    rasa = Rasa()
    relais = Relais(reglages, rasa, horloge=horloge)

    async def scenario():
        # 1) code utilisé par SMS : même conversation
        await relais.envoyer("web", "borne-a", "mes droits")
        borne_a = relais.pseudonyme("web", "borne-a")
        code = relais.creer_reprise("web", "borne-a")
        r = await relais.envoyer("sms", "+33611111111", f"reprendre {code.lower()}")
        assert r.messages[0]["text"] == textes.REPRISE_OK
        await relais.envoyer("sms", "+33611111111", "la suite")
        assert rasa.envois[-1] == (borne_a, "la suite")
        assert relais.pseudonyme("web", "borne-a") != borne_a  # la borne repart à zéro
        # 2) code en attente, borne effacée par inactivité : détachée, pas effacée tout de suite
        await relais.envoyer("web", "borne-b", "mes droits")
        borne_b = relais.pseudonyme("web", "borne-b")
        relais.creer_reprise("web", "borne-b")
        await relais.effacer("web", "borne-b", garder_reprise=True)
        assert (borne_b, "PUT []") not in rasa.envois
        horloge.t += 61
        assert await relais.entretien() == 1
        assert rasa.envois[-1] == (borne_b, "PUT []")
        # 3) « Effacer et recommencer » : code annulé, effacement immédiat
        await relais.envoyer("web", "borne-c", "mes droits")
        borne_c = relais.pseudonyme("web", "borne-c")
        code_c = relais.creer_reprise("web", "borne-c")
        await relais.effacer("web", "borne-c")
        assert rasa.envois[-1] == (borne_c, "PUT []")
        r = await relais.envoyer("telegram", "9", f"REPRENDRE {code_c}")
        assert r.messages[0]["text"] == textes.REPRISE_INCONNUE
        # 4) la borne elle-même ne peut pas utiliser un code
        code_d = relais.creer_reprise("web", "borne-d")
        await relais.envoyer("web", "borne-e", code_d)
        assert rasa.envois[-1][1] == code_d

    asyncio.run(scenario())


# -- mémoires -----------------------------------------------------------------------------------

def test_memoire_expirante_et_limiteur():
    h = Horloge()
    m = MemoireExpirante(10, taille_max=3, horloge=h)
    for i in range(5):
        m.mettre(i, i)
    assert len(m) == 3 and m.lire(0) is None and m.lire(4) == 4
    h.t += 11
    assert m.lire(4) is None and len(m) == 0
    lim = LimiteurDebit(2, 60, horloge=h)
    assert [lim.autoriser("a") for _ in range(3)] == [True, True, False]
    assert 0 < lim.attente("a") <= 60
    h.t += 61
    assert lim.autoriser("a")


# -- rdv : ANNULER par SMS, STOP, /supprimer ---------------------------------------------------------

JETON = "jeton-twilio-services-0123456789"
BASE = "https://droits.exemple.fr"


@pytest.fixture
def base_rdv(tmp_path):
    from rdv.db import migrer
    from rdv.service import ServiceRdv

    url = f"sqlite:///{tmp_path}/rdv.db"
    migrer(url)
    service = ServiceRdv(url)
    service.charger_lieux()
    service.generer_creneaux()
    return url, service


def sms(client, texte, de, sid):
    p = {"MessageSid": sid, "From": de, "To": "+33700000000", "Body": texte}
    sig = RequestValidator(JETON).compute_signature(BASE + "/sms/twilio", p)
    r = client.post("/sms/twilio", data=p, headers={"X-Twilio-Signature": sig})
    assert r.status_code == 200
    return "".join(m.text or "" for m in ET.fromstring(r.text).findall("Message"))


def creneau_lointain(service):
    from datetime import datetime, timedelta, timezone

    limite = datetime.now(timezone.utc) + timedelta(days=1)
    return next(c for c in service.creneaux_libres(limite=100) if c.debut > limite)


def test_sms_annuler_par_code(fabrique_reglages, base_rdv):
    url, service = base_rdv
    creneau = creneau_lointain(service)
    rdv = service.reserver(creneau.id, telephone="06 12 34 56 78", canal="sms")
    with TestClient(creer_app(fabrique_reglages(database_url=url, twilio_auth_token=JETON,
                                                public_base_url=BASE))) as c:
        # un autre numéro n'annule pas d'un coup : la conversation prend le relais (elle montre le
        # rendez-vous et demande de confirmer) ; ici le faux Rasa répond, rien n'est annulé
        texte = sms(c, f"ANNULER {rdv.code}", "+33699999999", "SMa1")
        assert "est annule" not in texte
        assert service.consulter(rdv.code).statut == "reserve"
        texte = sms(c, f"annuler {rdv.code.lower()}", "+33612345678", "SMa2")
        assert "est annule" in texte
        assert service.consulter(rdv.code).statut == "annule"
        # Annulé : le numéro est effacé (issue 14). Le même SMS ne retrouve donc plus le rendez-vous
        # par ce numéro : la conversation prend le relais, et rien ne change.
        texte = sms(c, f"ANNULER {rdv.code}", "+33612345678", "SMa3")
        assert "est annule" not in texte
        assert service.consulter(rdv.code).statut == "annule" and service.consulter(rdv.code).telephone is None


def test_sms_stop_efface_les_rendez_vous(fabrique_reglages, base_rdv):
    url, service = base_rdv
    creneau = service.creneaux_libres(limite=1)[0]
    rdv = service.reserver(creneau.id, telephone="+33612345670", canal="sms")
    with TestClient(creer_app(fabrique_reglages(database_url=url, twilio_auth_token=JETON,
                                                public_base_url=BASE))) as c:
        assert "ne recevrez plus" in sms(c, "STOP", "+33612345670", "SMs1")
    from rdv.erreurs import CodeInconnu

    with pytest.raises(CodeInconnu):
        service.consulter(rdv.code)


def test_telegram_supprimer_efface_les_rendez_vous_du_pseudonyme(fabrique_reglages, base_rdv):
    """La suppression passe par le pseudonyme, celui que le serveur d'actions donne à rdv."""
    url, service = base_rdv
    reglages = fabrique_reglages(database_url=url).verifier()
    pseudo = "te-" + hmac.new(reglages.pseudonyme_cle, b"telegram:77", hashlib.sha256).hexdigest()[:32]
    creneau = service.creneaux_libres(limite=1)[0]
    rdv = service.reserver(creneau.id, canal="telegram", expediteur=pseudo)
    from bot.passerelle import rdv_lien

    resultat = asyncio.run(rdv_lien.supprimer(service, pseudonyme=pseudo))
    assert resultat["rendez_vous"] == 1
    from rdv.erreurs import CodeInconnu

    with pytest.raises(CodeInconnu):
        service.consulter(rdv.code)


# -- français facile ---------------------------------------------------------------------------

def test_textes_falc():
    """Chaque phrase des textes de la passerelle : 15 mots au plus ; sigles expliqués dans l'aide."""
    import re

    for nom in dir(textes):
        valeur = getattr(textes, nom)
        if nom.startswith("_") or not isinstance(valeur, str):
            continue
        for phrase in re.split(r"(?<=[.!?])\s+", valeur):
            mots = re.findall(r"[\wÀ-ÿ'’-]+", phrase)
            assert len(mots) <= 15, (nom, phrase)
    for sigle, explication in [("AME", "aide médicale"), ("RSA", "revenu de solidarité"),
                               ("FSL", "fonds de solidarité"), ("CAF", "3230")]:
        assert sigle in textes.AIDE and explication in textes.AIDE
    for bouton in textes.BOUTONS_ACCUEIL[1:]:
        assert ":" in bouton["title"]  # « AME : l'aide médicale de l'État »


def test_api_des_droits_et_boutons_d_accueil_du_registre(client):
    """GET /api/v1/droits rend le registre ; l'accueil propose un bouton par droit du registre."""
    corps = client.get("/api/v1/droits").json()
    assert [d["id"] for d in corps] == list(registre.IDS)
    assert all({"sigle", "titre", "intention", "pictogramme", "payload"} <= set(d) for d in corps)
    accueil = client.post("/api/v1/chat/accueil", json={"sender": "registre"}).json()
    payloads = [b["payload"] for m in accueil for b in m.get("buttons") or []]
    assert payloads == ["/verifier_droits"] + [f"/{d.intention}" for d in registre.DROITS]
    page = client.get("/").text
    assert '"id": "c2s"' in page and 'id="registre-droits"' in page

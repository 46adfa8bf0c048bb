"""Téléphone, codes, planning (génération idempotente, fériés, heure d'été), Twilio, CLI."""
from __future__ import annotations

import json
import logging
from datetime import date, datetime, timedelta
from urllib.parse import parse_qs

import pytest
import yaml
from sqlalchemy import func, select

from rdv.codes import ALPHABET, normaliser_code, nouveau_code
from rdv.erreurs import TelephoneInvalide
from rdv.modeles import Creneau
from rdv.planning import DONNEES, Regle, charger_regles, jours_feries, paques
from rdv.sms.expediteurs import EnvoiIncertain, EnvoiRefuse, EnvoiTemporaire, TwilioSender
from rdv.telephone import masquer, valider_portable
from rdv.temps import PARIS


@pytest.mark.parametrize("saisie", ["06 12 34 56 78", "0612345678", "06.12.34.56.78", "+33 6 12 34 56 78",
                                    "+33612345678", "0033 6 12 34 56 78", " 06-12-34-56-78 "])
def test_portable_valide(saisie):
    assert valider_portable(saisie) == "+33612345678"


@pytest.mark.parametrize("saisie", ["01 42 34 56 78", "09 69 39 00 00", "+44 7700 900123", "+32 470 12 34 56",
                                    "06 12 34", "06 12 34 56 78 90", "bonjour", "", "3230", "0" * 50])
def test_portable_invalide(saisie):
    with pytest.raises(TelephoneInvalide):
        valider_portable(saisie)


def test_masquer():
    assert masquer("+33612345678") == "+33 6** ** ** 78"
    assert "345" not in masquer("+33612345678")


def test_codes():
    codes = {nouveau_code() for _ in range(2000)}
    assert len(codes) >= 1990  # 25⁶ codes : une collision reste possible (≈ 1 %), d'où la reprise
    for c in codes:
        assert normaliser_code(c) == c and all(x in ALPHABET for x in c.replace("-", ""))
    assert normaliser_code("k7p 4qx") == "K7P-4QX" and normaliser_code("K7P4QX") == "K7P-4QX"
    assert normaliser_code("K0P-4QX") is None and normaliser_code("ABC") is None
    assert not set("01258BILOSZ") & set(ALPHABET)


def test_jours_feries():
    assert paques(2026) == date(2026, 4, 5) and paques(2027) == date(2027, 3, 28)
    f = jours_feries(2026)
    assert date(2026, 4, 6) in f and date(2026, 5, 14) in f and date(2026, 5, 25) in f
    assert date(2026, 12, 25) in f and len(f) == 11


def test_regle_creneaux_et_heure_d_ete():
    r = Regle.depuis({"lieu": "x", "jours": ["mardi", "jeudi"], "debut": "09:00", "fin": "12:00",
                      "duree_minutes": 45, "fermetures": ["2027-03-30"]})
    creneaux = r.creneaux(date(2027, 3, 22), date(2027, 4, 2))
    # Mardi 23, jeudi 25 (hiver), [mardi 30 fermé], jeudi 1er avril (été) : 4 créneaux par jour.
    jours = sorted({d.date() for d, _ in creneaux})
    assert jours == [date(2027, 3, 23), date(2027, 3, 25), date(2027, 4, 1)]
    assert [d.strftime("%H:%M") for d, _ in creneaux[:4]] == ["09:00", "09:45", "10:30", "11:15"]
    assert creneaux[0][0].utcoffset() == timedelta(hours=1)
    assert creneaux[-1][0].utcoffset() == timedelta(hours=2) and creneaux[-1][0].hour == 11
    # Le 25 décembre (vendredi férié) n'a pas de créneau.
    ferie = Regle.depuis({"lieu": "x", "jours": ["vendredi"], "debut": 540, "fin": 600, "duree_minutes": 30})
    assert ferie.creneaux(date(2026, 12, 25), date(2026, 12, 25)) == []
    with pytest.raises(ValueError):
        Regle.depuis({"lieu": "x", "jours": ["lundi"], "debut": "12:00", "fin": "09:00", "duree_minutes": 45})


def test_donnees_planning_de_demonstration_et_lieux_reels():
    ouvertures = yaml.safe_load(open(DONNEES / "ouvertures.yaml", encoding="utf-8"))
    assert ouvertures["demonstration"] is True
    assert "DÉMONSTRATION" in (DONNEES / "ouvertures.yaml").read_text(encoding="utf-8")
    lieux = yaml.safe_load(open(DONNEES / "lieux.yaml", encoding="utf-8"))
    recherche = {}
    import pathlib
    chemin = pathlib.Path(__file__).resolve().parents[3] / "shared" / "data" / "lieux-paris-recherche.yaml"
    if chemin.exists():
        recherche = {e["nom"]: e for e in yaml.safe_load(chemin.read_text(encoding="utf-8"))}
    par_cle = {l["cle"]: l for l in lieux}
    for l in lieux:
        for champ in ("verifie", "source", "date_source", "adresse", "telephone"):
            assert champ in l
        if recherche:  # aucune adresse ni aucun téléphone inventés
            source = recherche[l["nom"]]
            assert l["adresse"] == source["adresse"] and l["telephone"] == source["telephone"]
            assert l["verifie"] == source["verifie"] and l["source"] == source["source"]
    regles, semaines = charger_regles()
    assert semaines == 4
    for r in regles:
        assert par_cle[r.lieu]["adresse"], f"créneaux dans un lieu sans adresse : {r.lieu}"


def test_generer_creneaux_idempotent(service, horloge):
    n = service.generer_creneaux()
    assert n > 50
    assert service.generer_creneaux() == 0
    with service.sessions() as s:
        total = s.scalar(select(func.count()).select_from(Creneau))
        premier = s.scalar(select(func.min(Creneau.debut)))
        dernier = s.scalar(select(func.max(Creneau.debut)))
    assert total == n and premier > horloge() and dernier < horloge() + timedelta(weeks=4, days=1)
    horloge.avancer(days=7)
    assert 0 < service.generer_creneaux() < n  # une semaine de plus seulement
    libres = service.creneaux_libres(limite=3, un_par_jour=True)
    assert len(libres) == 3 and libres[0].debut < libres[1].debut


# --------------------------------------------------------------------------- Twilio


class FauxHttp:
    """Client HTTP factice pour le paquet twilio : rejoue des réponses, garde les requêtes."""

    def __init__(self, reponses):
        from twilio.http import HttpClient

        self.reponses = list(reponses)
        self.requetes = []
        self.is_async = False
        self.logger = logging.getLogger("twilio.http_client")
        HttpClient.__init__(self, self.logger, False)

    def request(self, method, uri, params=None, data=None, headers=None, auth=None, timeout=None,
                allow_redirects=False):
        from twilio.http.response import Response

        self.requetes.append({"method": method, "uri": uri, "params": params, "data": data})
        statut, corps = self.reponses.pop(0)
        if isinstance(corps, Exception):
            raise corps
        return Response(statut, json.dumps(corps))


def message(sid="SM123", statut="queued", body="x", to="+33612345678"):
    return {"sid": sid, "status": statut, "body": body, "to": to, "account_sid": "AC1",
            "date_created": "Mon, 07 Dec 2026 09:00:00 +0000"}


def twilio(reponses):
    from twilio.rest import Client

    http = FauxHttp(reponses)
    client = Client("AC" + "0" * 32, "jeton", http_client=http)
    return TwilioSender("AC" + "0" * 32, "jeton", "+33700000000", client=client, attente_min=0,
                        attente_max=0), http


def test_twilio_envoi_et_nouvel_essai_sur_429():
    exp, http = twilio([(429, {"code": 20429, "message": "Too Many Requests", "status": 429}),
                        (503, {"code": 20503, "message": "Unavailable", "status": 503}),
                        (201, message())])
    r = exp.envoyer("+33612345678", "Bonjour", "sms-1")
    assert r.id_fournisseur == "SM123" and r.statut == "queued"
    assert len(http.requetes) == 3
    dernier = http.requetes[-1]
    assert dernier["method"] == "POST" and dernier["uri"].endswith("/Messages.json")
    assert dernier["data"]["To"] == "+33612345678" and dernier["data"]["Body"] == "Bonjour"
    assert dernier["data"]["From"] == "+33700000000"


def test_twilio_refus_et_incertain():
    exp, http = twilio([(400, {"code": 21211, "message": "Invalid 'To'", "status": 400})])
    with pytest.raises(EnvoiRefuse):
        exp.envoyer("+33612345678", "x", "sms-1")
    exp, http = twilio([(500, {"code": 20500, "message": "Internal", "status": 500})])
    with pytest.raises(EnvoiIncertain):
        exp.envoyer("+33612345678", "x", "sms-1")
    assert len(http.requetes) == 1  # pas de nouvel essai : le message est peut-être parti
    exp, http = twilio([(429, {"code": 1, "message": "x", "status": 429})] * 4)
    with pytest.raises(EnvoiTemporaire):
        exp.envoyer("+33612345678", "x", "sms-1")
    assert len(http.requetes) == 4


def test_twilio_retrouver_et_statut(caplog):
    liste = {"messages": [message("SM1", body="autre"), message("SM2", body="Rappel")],
             "meta": {"page": 0, "page_size": 50, "next_page_url": None, "key": "messages"}}
    exp, http = twilio([(200, liste), (200, message("SM2", "delivered"))])
    with caplog.at_level(logging.DEBUG):
        assert exp.retrouver("+33612345678", "Rappel", datetime(2026, 12, 7, 9, 0, tzinfo=PARIS)) == "SM2"
        assert exp.statut("SM2") == "delivered"
    assert http.requetes[0]["params"]["To"] == "+33612345678"
    assert "612345678" not in caplog.text  # le client Twilio ne journalise pas le numéro


def test_expediteur_depuis_env(monkeypatch):
    from rdv.sms.expediteurs import ConsoleSender, expediteur_depuis_env

    for v in ("SMS_EXPEDITEUR", "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM"):
        monkeypatch.delenv(v, raising=False)
    assert isinstance(expediteur_depuis_env(), ConsoleSender)
    monkeypatch.setenv("TWILIO_ACCOUNT_SID", "AC" + "1" * 32)
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", "t")
    monkeypatch.setenv("TWILIO_FROM", "+33700000000")
    assert isinstance(expediteur_depuis_env(), TwilioSender)
    monkeypatch.setenv("SMS_EXPEDITEUR", "console")
    assert isinstance(expediteur_depuis_env(), ConsoleSender)


def test_console_ne_journalise_ni_numero_ni_texte(caplog):
    from rdv.sms.expediteurs import ConsoleSender

    with caplog.at_level(logging.DEBUG):
        r = ConsoleSender().envoyer("+33612345678", "Texte secret K7P-4QX", "sms-9")
    assert r.id_fournisseur in caplog.text and "+33 6** ** ** 78" in caplog.text
    assert "612345678" not in caplog.text and "secret" not in caplog.text


# --------------------------------------------------------------------------- CLI


def test_cli(tmp_path, monkeypatch, capsys, caplog):
    from rdv.__main__ import main

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    assert main(["migrer"]) == 0
    assert main(["generer-creneaux"]) == 0
    assert "créneaux créés" in capsys.readouterr().out
    assert main(["agent-creer", "Camille", "--lieu", "caf-nationale"]) == 0
    sortie = capsys.readouterr().out
    jeton = sortie.strip().splitlines()[-1]
    from rdv.service import ServiceRdv

    service = ServiceRdv(url)
    agent = service.authentifier(jeton)
    assert agent is not None and agent.nom == "Camille"
    assert main(["agent-creer", "X", "--lieu", "nulle-part"]) == 2
    c = service.creneaux_libres(limite=1)[0]
    service.reserver(c.id, telephone="0612345678")
    with caplog.at_level(logging.INFO):
        assert main(["rappels", "--une-fois"]) == 0
    assert "612345678" not in caplog.text
    assert main(["purger", "--jours", "30"]) == 0

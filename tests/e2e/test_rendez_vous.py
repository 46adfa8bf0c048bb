"""Réserver puis annuler un rendez-vous des droits de bout en bout : modèle entraîné, vrai serveur
d'actions, canal REST de Rasa, et la base SQLite que le serveur d'actions utilise (``Serveurs.base``).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
import time

import httpx
import pytest
from sqlalchemy import select

from rdv.modeles import SmsSortant
from rdv.service import ServiceRdv
from tests.e2e.personas import PERSONAS
from tests.e2e.test_conversations import derouler
from tests.serveurs import Conversation

pytestmark = pytest.mark.rasa


def _custom_rdv(conv: Conversation) -> dict:
    rdv = [c["rdv"] for c in conv.customs(conv.dernier) if "rdv" in c]
    assert rdv, conv.dernier
    return rdv[-1]


def _creneaux(conv: Conversation) -> list[dict]:
    return [b for b in conv.boutons() if b["payload"].startswith('/prendre_rdv{"creneau":"')
            and '"autre"' not in b["payload"]]


@pytest.fixture
def service(serveurs_reels):
    s = ServiceRdv(serveurs_reels.base)
    yield s
    s.sessions.kw["bind"].dispose()


def test_du_resultat_a_un_rendez_vous_confirme_puis_annule(conversation, serveurs_reels, service):
    conv = conversation()
    persona = next(p for p in PERSONAS if p.nom == "domiciliation_a_la_rue")
    derouler(conv, persona)
    debut = time.monotonic()

    conv.envoyer("/affirmer")  # « Voulez-vous prendre ce rendez-vous ? »
    creneaux = _creneaux(conv)
    assert len(creneaux) == 3
    assert [b["title"] for b in conv.boutons()][3:] == ["Un autre jour", "Non, pas maintenant"]
    assert " à " in creneaux[0]["title"] and "," in creneaux[0]["title"]  # « mardi 3 décembre à 9 h, CAF … »
    choisi = json.loads(creneaux[1]["payload"][len("/prendre_rdv"):])["creneau"]

    conv.envoyer(creneaux[1]["payload"])
    assert conv.textes().startswith(f"Vous choisissez le {creneaux[1]['title']}.")
    conv.envoyer("oui")
    code = _custom_rdv(conv)["code"]
    assert f"Votre code : {code}." in conv.textes()
    assert "SMS" in conv.textes()
    conv.envoyer("oui")
    conv.envoyer("06 12 34 56 78")
    assert "C'est noté." in conv.textes()
    conv.envoyer("/affirmer")  # l'agent peut lire le résumé
    fin = _custom_rdv(conv)
    duree = time.monotonic() - debut
    assert fin == {**fin, "etape": "confirme", "code": code, "rappel_sms": True, "resume": True}
    assert "Votre rendez-vous est réservé." in conv.textes()
    for piece in conv.resultats["droits"]["domiciliation"]["pieces"]:  # les papiers du résultat
        assert piece.rstrip(".") in conv.textes()
    print(conv.textes())
    assert duree < 60, f"réservation en {duree:.1f} s"
    print(f"réservation : {duree:.1f} s pour 6 messages")

    rdv = service.consulter(code)
    assert rdv.statut == "reserve" and str(rdv.creneau.id) == choisi
    assert rdv.telephone == "+33612345678" and rdv.resume_consenti
    with service.sessions() as s:
        types = sorted(s.scalars(select(SmsSortant.type).where(SmsSortant.destinataire == "+33612345678")))
    assert "confirmation" in types
    # Le rappel du matin (8 h) n'est pas créé pour un rendez-vous du lendemain pris le soir, après l'heure
    # d'envoi permise (rdv/service.py) : exigé seulement quand le rendez-vous est à plus de 36 h.
    if rdv.creneau.debut - datetime.now(timezone.utc) > timedelta(hours=36):
        assert "rappel_matin" in types, types

    # Le numéro n'est dans aucun emplacement de la conversation.
    tracker = httpx.get(f"{serveurs_reels.rasa}/conversations/{conv.expediteur}/tracker").json()
    assert "612345678" not in json.dumps(tracker["slots"])

    # Annuler par le code, depuis une autre conversation.
    autre = conversation()
    autre.envoyer("je voudrais annuler mon rendez-vous")
    assert "code" in autre.textes()
    autre.envoyer(code.lower().replace("-", " "))
    assert [b["title"] for b in autre.boutons()] == ["L'annuler", "Changer de jour", "Le garder"]
    autre.envoyer("/affirmer")
    assert "C'est annulé." in autre.textes()
    assert "autre rendez-vous" in autre.textes()
    assert service.consulter(code).statut == "annule"
    with service.sessions() as s:
        annulation = s.scalars(select(SmsSortant.type).where(SmsSortant.destinataire == "+33612345678",
                                                             SmsSortant.type == "annulation")).all()
    assert annulation == ["annulation"]


def test_changer_de_jour_par_le_code(conversation, service):
    conv = conversation()
    conv.envoyer("je veux un rendez-vous a la caf")
    creneaux = _creneaux(conv)
    assert creneaux, conv.dernier
    conv.envoyer(creneaux[-1]["payload"])
    conv.envoyer("/affirmer")
    code = _custom_rdv(conv)["code"]
    conv.envoyer("/nier")  # pas de SMS ; sans faits, pas de question sur le résumé
    assert "Votre rendez-vous est réservé." in conv.textes()
    avant = service.consulter(code).creneau.id

    conv.envoyer(f"je dois changer mon rdv {code}")
    conv.envoyer("/prendre_rdv")  # « Changer de jour »
    conv.envoyer('/prendre_rdv{"creneau":"autre"}')
    nouveaux = _creneaux(conv)
    conv.envoyer(nouveaux[0]["payload"])
    conv.envoyer("/affirmer")
    assert "changé de jour" in conv.textes()
    apres = service.consulter(code)
    assert apres.statut == "reserve" and apres.creneau.id != avant


def test_effacer_mes_donnees_efface_le_rendez_vous(conversation, service):
    conv = conversation()
    conv.envoyer("prendre rendez-vous")
    conv.envoyer(_creneaux(conv)[0]["payload"])
    conv.envoyer("/affirmer")
    code = _custom_rdv(conv)["code"]
    conv.envoyer("supprimer mes données")
    conv.envoyer("/affirmer")
    assert "effacé" in conv.textes()
    from rdv.erreurs import CodeInconnu
    with pytest.raises(CodeInconnu):
        service.consulter(code)


def test_injection_d_un_creneau_non_propose(conversation, service):
    """Un créneau jamais proposé à cette conversation, tapé à la main, ne réserve rien."""
    conv = conversation()
    conv.envoyer("je veux un rdv")
    libre = service.creneaux_libres(limite=20)[-1]
    conv.envoyer(f'/prendre_rdv{{"creneau":"{libre.id}"}}')
    assert "Je n'ai pas compris" in conv.textes()
    assert libre.id in [c.id for c in service.creneaux_libres(limite=20)]

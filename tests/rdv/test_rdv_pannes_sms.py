"""Issue 14, pannes : le fournisseur de SMS ne répond pas → la file réessaie plus tard, et le SMS ne
part qu'une fois. Le vrai client Twilio (paquet ``twilio``) parle à un faux transport HTTP qui refuse
les connexions, puis accepte."""
from __future__ import annotations

from datetime import timedelta

import requests
from sqlalchemy import select

from rdv.modeles import SmsSortant
from rdv.rappels import Relanceur
from test_rdv_divers import message, twilio  # même dossier, import « prepend » de pytest


def test_fournisseur_en_panne_la_file_reessaie_sans_doublon(service, creneau, horloge):
    refus = requests.exceptions.ConnectionError("NewConnectionError: Connection refused")
    exp, http = twilio([(0, refus)] * 4 + [(201, message("SMok"))])
    service.reserver(creneau(jours=3).id, telephone="06 12 34 56 78")
    relanceur = Relanceur(service, exp)
    bilan = relanceur.tour()
    assert bilan["reportes"] == 1 and bilan["envoyes"] == 0
    with service.sessions() as s:
        m = s.scalars(select(SmsSortant).where(SmsSortant.type == "confirmation")).one()
        assert m.statut == "en_attente" and m.du_le > horloge()  # réessayé plus tard, pas tout de suite
    assert relanceur.tour()["envoyes"] == 0  # pas avant l'échéance
    horloge.avancer(minutes=5)
    assert relanceur.tour()["envoyes"] == 1
    horloge.avancer(minutes=10)
    relanceur.tour()
    envois = [r for r in http.requetes if r["method"] == "POST" and r["data"]["Body"].startswith("Rendez-vous")]
    assert len(envois) == 5 and len(http.reponses) == 0  # 4 refus + 1 accepté : un seul SMS parti
    with service.sessions() as s:
        assert s.scalars(select(SmsSortant.statut).where(SmsSortant.type == "confirmation")).one() == "envoye"

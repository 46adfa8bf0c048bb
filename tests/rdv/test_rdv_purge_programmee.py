"""Issue 14 : la purge promise tourne seule, dans le relanceur (``python -m rdv rappels``)."""
from __future__ import annotations

import threading
import time
from datetime import timedelta

from sqlalchemy import create_engine, text

from rdv.rappels import Relanceur
from rdv.sms.expediteurs import MemoireSender
from rdv.suivis import effacer_suivi, nombre_evenements, purger_suivis


def _suivis(chemin) -> str:
    """Une table ``events`` comme celle du SQLTrackerStore de Rasa (sender_id, timestamp, data)."""
    url = f"sqlite:///{chemin}"
    moteur = create_engine(url)
    with moteur.begin() as c:
        c.execute(text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255), "
                       "type_name VARCHAR(255), timestamp FLOAT, data TEXT)"))
        maintenant = time.time()
        for pseudo, age in (("we-vieux", 3 * 3600), ("we-recent", 60)):
            for i in range(3):
                c.execute(text("INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (:s, 'user', :t, :d)"),
                          {"s": pseudo, "t": maintenant - age + i, "d": '{"text": "je dors dehors"}'})
    moteur.dispose()
    return url


def test_purge_des_suivis_et_effacement(tmp_path):
    url = _suivis(tmp_path / "suivis.db")
    assert purger_suivis(url, minutes=60) == 3
    assert nombre_evenements(url, "we-vieux") == 0 and nombre_evenements(url, "we-recent") == 3
    assert effacer_suivi(url, "we-recent") == 3 and nombre_evenements(url, "we-recent") == 0


def test_le_relanceur_purge_seul(service, creneau, horloge, tmp_path):
    url = _suivis(tmp_path / "suivis.db")
    vieux = service.reserver(creneau(jours=1).id, telephone="06 12 34 56 78")
    horloge.regler(horloge() + timedelta(days=32))
    relanceur = Relanceur(service, MemoireSender(), periode_purge=3600, suivis_url=url, conservation_minutes=60)
    fil = threading.Thread(target=relanceur.boucle, kwargs={"intervalle": 0.05}, daemon=True)
    fil.start()
    try:
        limite = time.monotonic() + 20
        while nombre_evenements(url, "we-vieux") and time.monotonic() < limite:
            time.sleep(0.05)
    finally:
        relanceur.arreter()
        fil.join(timeout=10)
    assert nombre_evenements(url, "we-vieux") == 0 and nombre_evenements(url, "we-recent") == 3
    import pytest
    from rdv.erreurs import CodeInconnu

    with pytest.raises(CodeInconnu):
        service.consulter(vieux.code)
    assert not relanceur.purge_due(time.monotonic())  # une fois par heure, pas à chaque tour

"""La course : 50 réservations simultanées du même créneau, chacune sur sa propre connexion.
Exactement une réussit ; les 49 autres reçoivent CreneauPris (« Ce créneau vient d'être pris. »).
La base tranche (index unique partiel + clé étrangère vers les places), pas un test en Python."""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from rdv.erreurs import CreneauPris
from rdv.modeles import RendezVous
from rdv.service import ServiceRdv

N = 50


def course(service: ServiceRdv, creneau_id: int, n: int = N):
    depart = threading.Barrier(n)

    def un(i: int):
        depart.wait()
        try:
            return service.reserver(creneau_id, canal=f"course-{i}")
        except CreneauPris as e:
            return e

    with ThreadPoolExecutor(max_workers=n) as ex:
        return list(ex.map(un, range(n)))


def _verifier(service, resultats, capacite):
    reussis = [r for r in resultats if not isinstance(r, Exception)]
    pris = [r for r in resultats if isinstance(r, CreneauPris)]
    autres = [r for r in resultats if isinstance(r, Exception) and not isinstance(r, CreneauPris)]
    assert not autres, autres[:3]
    assert len(reussis) == capacite and len(pris) == N - capacite
    assert all(str(e) == "Ce créneau vient d'être pris." for e in pris)
    with service.sessions() as s:
        assert s.scalar(select(func.count()).select_from(RendezVous)) == capacite


@pytest.mark.timeout(120)
def test_50_reservations_simultanees_une_seule_reussit(service, creneau, moteur):
    # Un moteur dont le pool ouvre 50 connexions distinctes.
    assert moteur.pool.size() >= 10 or moteur.dialect.name == "sqlite"
    c = creneau()
    _verifier(service, course(service, c.id), 1)


@pytest.mark.timeout(120)
def test_course_capacite_trois(service, creneau):
    c = creneau(capacite=3)
    _verifier(service, course(service, c.id), 3)

"""Migrations (montée, descente, conformité au modèle) et contraintes tenues par la base."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from rdv.db import TABLE_VERSION, creer_moteur, migrer, revenir
from rdv.modeles import Base, PlaceCreneau, RendezVous, SmsSortant
from rdv.temps import PARIS, DateHeure

MAINTENANT = datetime(2026, 12, 7, 10, 0, tzinfo=PARIS)


def test_schema_conforme_au_modele(moteur):
    with moteur.connect() as c:
        ctx = MigrationContext.configure(c, opts={"version_table": TABLE_VERSION, "compare_type": False})
        diffs = [d for d in compare_metadata(ctx, Base.metadata)]
    assert diffs == []


def test_migrer_revenir_migrer(tmp_path):
    url = f"sqlite:///{tmp_path / 'm.db'}"
    migrer(url)
    migrer(url)  # idempotent
    m = creer_moteur(url)
    assert "rendez_vous" in inspect(m).get_table_names()
    revenir(url)
    assert inspect(m).get_table_names() == [TABLE_VERSION]
    migrer(m)
    assert "sms_sortant" in inspect(m).get_table_names()
    m.dispose()


@pytest.mark.postgres
def test_migrer_revenir_postgres(url_postgres):
    m = creer_moteur(url_postgres)
    with m.begin() as c:
        c.execute(text("CREATE SCHEMA IF NOT EXISTS essai_migration"))
    m.dispose()
    url = url_postgres + ("&" if "?" in url_postgres else "?") + "options=-csearch_path%3Dessai_migration"
    migrer(url)
    m = creer_moteur(url)
    assert "rendez_vous" in inspect(m).get_table_names(schema="essai_migration")
    revenir(m)
    assert inspect(m).get_table_names(schema="essai_migration") == [TABLE_VERSION]
    with m.begin() as c:
        c.execute(text("DROP SCHEMA essai_migration CASCADE"))
    m.dispose()


def _rdv(code, creneau_id, place, statut="reserve"):
    return RendezVous(code=code, creneau_id=creneau_id, place=place, statut=statut, canal="web",
                      langue="fr", cree_le=MAINTENANT, modifie_le=MAINTENANT)


def test_la_base_refuse_la_double_reservation(service, creneau):
    """Sans passer par le service : c'est la base qui refuse."""
    c = creneau(capacite=1)
    with service.sessions.begin() as s:
        s.add(_rdv("AAA-AAA", c.id, 0))
    with pytest.raises(IntegrityError):  # même place, deux rendez-vous actifs
        with service.sessions.begin() as s:
            s.add(_rdv("CCC-CCC", c.id, 0))
    with pytest.raises(IntegrityError):  # une place qui n'existe pas (capacité 1)
        with service.sessions.begin() as s:
            s.add(_rdv("DDD-DDD", c.id, 1))
    with pytest.raises(IntegrityError):  # statut hors liste
        with service.sessions.begin() as s:
            s.add(_rdv("EEE-EEE", c.id, 0, statut="perdu"))
    with service.sessions.begin() as s:  # un rendez-vous annulé ne garde pas la place
        s.add(_rdv("FFF-FFF", c.id, 0, statut="annule"))
    with pytest.raises(IntegrityError):  # code unique
        with service.sessions.begin() as s:
            s.add(_rdv("AAA-AAA", c.id, 0, statut="annule"))


def test_sms_unique_par_rdv_type_creneau(service, creneau):
    c = creneau()
    r = service.reserver(c.id, telephone="0612345678")
    with pytest.raises(IntegrityError):
        with service.sessions.begin() as s:
            s.add(SmsSortant(rendez_vous_id=s.scalar(text("SELECT id FROM rendez_vous")),
                             creneau_id=c.id, type="confirmation", destinataire="+33612345678",
                             texte="x", du_le=MAINTENANT, statut="en_attente", tentatives=0,
                             cree_le=MAINTENANT))
    assert r.code


def test_dates_stockees_en_utc_relues_a_paris(service, creneau, moteur):
    c = creneau(jours=2, heure=9, minute=45)
    with moteur.connect() as conn:
        brut = conn.execute(text("SELECT debut FROM creneau WHERE id = :i"), {"i": c.id}).scalar()
    if moteur.dialect.name == "sqlite":
        assert str(brut).startswith("2026-12-09 08:45:00")  # UTC, sans décalage
    else:
        assert brut.utcoffset() is not None and brut.astimezone().hour is not None
    relu = service.creneau(c.id).debut
    assert relu.tzinfo is not None and relu.hour == 9 and relu.minute == 45
    assert relu.utcoffset() == timedelta(hours=1)  # heure d'hiver


def test_date_sans_fuseau_refusee():
    with pytest.raises(ValueError):
        DateHeure().process_bind_param(datetime(2026, 1, 1), None)


def test_places_creees_selon_capacite(service, creneau):
    c = creneau(capacite=3)
    with service.sessions() as s:
        assert sorted(p.numero for p in s.query(PlaceCreneau).filter_by(creneau_id=c.id)) == [0, 1, 2]

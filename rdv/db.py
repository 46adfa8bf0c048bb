"""Connexion à la base et migrations.

``DATABASE_URL`` choisit la base (par défaut ``sqlite:///var/rdv.db``, relatif au dossier courant).
Sous SQLite : clés étrangères activées, journal WAL, et chaque transaction commence par
``BEGIN IMMEDIATE`` (un seul écrivain à la fois, sans blocage mutuel lecture puis écriture).
"""
from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

URL_PAR_DEFAUT = "sqlite:///var/rdv.db"
TABLE_VERSION = "alembic_version_rdv"
DOSSIER_MIGRATIONS = Path(__file__).with_name("migrations")


def url_base(url: str | None = None) -> str:
    return url or os.environ.get("DATABASE_URL") or URL_PAR_DEFAUT


def _normaliser(url: str) -> str:
    # « postgresql:// » ou « postgres:// » : on utilise psycopg 3, seul pilote installé.
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def creer_moteur(url: str | None = None, **options) -> Engine:
    """Crée le moteur SQLAlchemy pour ``url`` (ou ``DATABASE_URL``)."""
    url = _normaliser(url_base(url))
    u = make_url(url)
    # Les valeurs (dont les numéros de téléphone) n'apparaissent ni dans les journaux SQL ni
    # dans le texte des exceptions.
    options.setdefault("hide_parameters", True)
    if u.get_backend_name() == "sqlite":
        base = u.database
        if base and base != ":memory:" and not base.startswith("file:"):
            Path(base).parent.mkdir(parents=True, exist_ok=True)
        options.setdefault("connect_args", {}).setdefault("timeout", 30)
        moteur = create_engine(url, **options)
        _configurer_sqlite(moteur, memoire=not base or base == ":memory:")
        return moteur
    options.setdefault("pool_pre_ping", True)
    return create_engine(url, **options)


def _configurer_sqlite(moteur: Engine, memoire: bool) -> None:
    @event.listens_for(moteur, "connect")
    def _connexion(dbapi_connection, _record):
        # Le pilote ne doit pas ouvrir ses transactions lui-même : on le fait ci-dessous.
        dbapi_connection.isolation_level = None
        curseur = dbapi_connection.cursor()
        curseur.execute("PRAGMA foreign_keys=ON")
        if not memoire:
            curseur.execute("PRAGMA journal_mode=WAL")
            curseur.execute("PRAGMA synchronous=NORMAL")
        curseur.close()

    @event.listens_for(moteur, "begin")
    def _debut(connexion):
        connexion.exec_driver_sql("BEGIN IMMEDIATE")


def fabrique_sessions(moteur: Engine) -> sessionmaker[Session]:
    return sessionmaker(moteur, expire_on_commit=False)


def _config_alembic(url: str):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(DOSSIER_MIGRATIONS))
    config.set_main_option("sqlalchemy.url", _normaliser(url).replace("%", "%%"))
    return config


def migrer(url: str | Engine | None = None, revision: str = "head") -> None:
    """Applique les migrations Alembic (``rdv/migrations``) jusqu'à ``revision``."""
    from alembic import command

    if isinstance(url, Engine):
        config = _config_alembic(url.url.render_as_string(hide_password=False))
        with url.connect() as connexion:
            config.attributes["connection"] = connexion
            command.upgrade(config, revision)
            connexion.commit()
        return
    config = _config_alembic(url_base(url))
    command.upgrade(config, revision)


def revenir(url: str | Engine | None, revision: str = "base") -> None:
    """Annule les migrations jusqu'à ``revision`` (tests des migrations)."""
    from alembic import command

    if isinstance(url, Engine):
        config = _config_alembic(url.url.render_as_string(hide_password=False))
        with url.connect() as connexion:
            config.attributes["connection"] = connexion
            command.downgrade(config, revision)
            connexion.commit()
        return
    command.downgrade(_config_alembic(url_base(url)), revision)

"""Environnement Alembic de rdv/ : mêmes migrations pour SQLite et PostgreSQL."""
from alembic import context
from sqlalchemy import pool

from rdv.db import TABLE_VERSION, creer_moteur
from rdv.modeles import Base

config = context.config
cible = Base.metadata


def _configurer(connexion) -> None:
    context.configure(
        connection=connexion,
        target_metadata=cible,
        version_table=TABLE_VERSION,
        render_as_batch=True,  # SQLite ne sait pas modifier une table : Alembic la recopie
        compare_type=True,
    )


def hors_ligne() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=cible,
        version_table=TABLE_VERSION,
        render_as_batch=True,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def en_ligne() -> None:
    connexion = config.attributes.get("connection")
    if connexion is not None:
        _configurer(connexion)
        with context.begin_transaction():
            context.run_migrations()
        return
    moteur = creer_moteur(config.get_main_option("sqlalchemy.url"), poolclass=pool.NullPool)
    with moteur.connect() as connexion:
        _configurer(connexion)
        with context.begin_transaction():
            context.run_migrations()
    moteur.dispose()


if context.is_offline_mode():
    hors_ligne()
else:
    en_ligne()

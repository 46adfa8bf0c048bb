"""Modèles SQLAlchemy 2 (ORM typé) du service de rendez-vous.

Règles que la base rend impossibles à violer :
- deux rendez-vous actifs sur la même place d'un créneau (index unique partiel) ;
- plus de rendez-vous que de places (clé étrangère vers ``place_creneau``, une ligne par place) ;
- deux SMS du même type pour le même rendez-vous et le même créneau (contrainte unique).
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from rdv.temps import DateHeure

CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

JSONType = JSON().with_variant(JSONB(), "postgresql")

STATUTS_RDV = ("reserve", "annule", "honore", "absent")
STATUTS_SMS = ("en_attente", "en_cours", "envoye", "echec", "annule")
TYPES_SMS = ("confirmation", "deplacement", "annulation", "rappel_48h", "rappel_matin", "verification")


def _dans(colonne: str, valeurs: tuple[str, ...]) -> str:
    return f"{colonne} IN ({', '.join(repr(v) for v in valeurs)})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=CONVENTION)
    type_annotation_map = {datetime: DateHeure(), dict[str, Any]: JSONType}


class Lieu(Base):
    __tablename__ = "lieu"

    id: Mapped[int] = mapped_column(primary_key=True)
    cle: Mapped[str] = mapped_column(String(64), unique=True)
    nom: Mapped[str] = mapped_column(String(300))
    nom_court: Mapped[str] = mapped_column(String(80))
    categorie: Mapped[str] = mapped_column(String(10))
    type: Mapped[str] = mapped_column(String(200), default="")
    adresse: Mapped[str] = mapped_column(String(300), default="")
    arrondissement: Mapped[int | None] = mapped_column(Integer, index=True)
    arrondissement_libelle: Mapped[str] = mapped_column(String(100), default="")
    horaires: Mapped[str] = mapped_column(Text, default="")
    telephone: Mapped[str] = mapped_column(String(200), default="")
    accessibilite: Mapped[str] = mapped_column(Text, default="")
    public: Mapped[str] = mapped_column(Text, default="")
    verifie: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(Text, default="")
    date_source: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    actif: Mapped[bool] = mapped_column(Boolean, default=True)

    creneaux: Mapped[list[Creneau]] = relationship(back_populates="lieu")


class Creneau(Base):
    __tablename__ = "creneau"
    __table_args__ = (
        UniqueConstraint("lieu_id", "debut"),
        CheckConstraint("fin > debut", name="fin_apres_debut"),
        CheckConstraint("capacite >= 1", name="capacite_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    lieu_id: Mapped[int] = mapped_column(ForeignKey("lieu.id", ondelete="RESTRICT"))
    debut: Mapped[datetime] = mapped_column(index=True)
    fin: Mapped[datetime]
    capacite: Mapped[int] = mapped_column(Integer, default=1)
    bloque: Mapped[bool] = mapped_column(Boolean, default=False)
    cree_le: Mapped[datetime]

    lieu: Mapped[Lieu] = relationship(back_populates="creneaux")
    places: Mapped[list[PlaceCreneau]] = relationship(
        back_populates="creneau", cascade="all, delete-orphan", passive_deletes=True
    )


class PlaceCreneau(Base):
    """Une ligne par place d'un créneau : un rendez-vous actif occupe une place et une seule."""

    __tablename__ = "place_creneau"
    __table_args__ = (CheckConstraint("numero >= 0", name="numero_positif"),)

    creneau_id: Mapped[int] = mapped_column(
        ForeignKey("creneau.id", ondelete="CASCADE"), primary_key=True
    )
    numero: Mapped[int] = mapped_column(Integer, primary_key=True)

    creneau: Mapped[Creneau] = relationship(back_populates="places")


class RendezVous(Base):
    __tablename__ = "rendez_vous"
    __table_args__ = (
        ForeignKeyConstraint(
            ["creneau_id", "place"],
            ["place_creneau.creneau_id", "place_creneau.numero"],
            ondelete="RESTRICT",
        ),
        CheckConstraint(_dans("statut", STATUTS_RDV), name="statut_valide"),
        # Le cœur de « pas de double réservation » : une place d'un créneau porte au plus
        # un rendez-vous non annulé. C'est la base qui refuse, pas un test en Python.
        Index(
            "uq_rendez_vous_place_active",
            "creneau_id",
            "place",
            unique=True,
            sqlite_where=text("statut <> 'annule'"),
            postgresql_where=text("statut <> 'annule'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(7), unique=True)
    creneau_id: Mapped[int] = mapped_column(
        ForeignKey("creneau.id", ondelete="RESTRICT"), index=True
    )
    place: Mapped[int] = mapped_column(Integer)
    telephone: Mapped[str | None] = mapped_column(String(16))
    canal: Mapped[str] = mapped_column(String(20), default="web")
    langue: Mapped[str] = mapped_column(String(8), default="fr")
    statut: Mapped[str] = mapped_column(String(10), default="reserve")
    expediteur: Mapped[str | None] = mapped_column(String(128), index=True)
    pieces: Mapped[list[Any] | None] = mapped_column(JSONType)
    cree_le: Mapped[datetime]
    modifie_le: Mapped[datetime]
    annule_le: Mapped[datetime | None]
    # Second facteur (issue 14) : SHA-256 du jeton de 128 bits remis à la réservation (lien du SMS).
    jeton_hash: Mapped[str | None] = mapped_column(String(64))
    # Le numéro n'est confirmé qu'avec le code à usage unique envoyé par SMS : avant, aucun autre SMS.
    telephone_confirme_le: Mapped[datetime | None]
    verification_hash: Mapped[str | None] = mapped_column(String(64))
    verification_essais: Mapped[int] = mapped_column(Integer, default=0)

    creneau: Mapped[Creneau] = relationship(foreign_keys=[creneau_id])
    resume: Mapped[Resume | None] = relationship(
        back_populates="rendez_vous", cascade="all, delete-orphan", passive_deletes=True
    )
    sms: Mapped[list[SmsSortant]] = relationship(
        back_populates="rendez_vous", cascade="all, delete-orphan", passive_deletes=True
    )


class Resume(Base):
    """Résumé de la situation pour l'agent de la CAF. N'existe qu'avec l'accord de la personne."""

    __tablename__ = "resume"

    id: Mapped[int] = mapped_column(primary_key=True)
    rendez_vous_id: Mapped[int] = mapped_column(
        ForeignKey("rendez_vous.id", ondelete="CASCADE"), unique=True
    )
    situation: Mapped[dict[str, Any]] = mapped_column(JSONType)
    droits: Mapped[dict[str, Any]] = mapped_column(JSONType)
    consenti_le: Mapped[datetime]

    rendez_vous: Mapped[RendezVous] = relationship(back_populates="resume")


class SmsSortant(Base):
    """File d'envoi des SMS (outbox). Le statut est écrit avant et après l'appel au fournisseur."""

    __tablename__ = "sms_sortant"
    __table_args__ = (
        UniqueConstraint("rendez_vous_id", "type", "creneau_id"),
        CheckConstraint(_dans("statut", STATUTS_SMS), name="statut_valide"),
        CheckConstraint(_dans("type", TYPES_SMS), name="type_valide"),
        Index("ix_sms_sortant_statut_du_le", "statut", "du_le"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    rendez_vous_id: Mapped[int | None] = mapped_column(
        ForeignKey("rendez_vous.id", ondelete="CASCADE")
    )
    creneau_id: Mapped[int | None] = mapped_column(
        ForeignKey("creneau.id", ondelete="CASCADE")
    )
    type: Mapped[str] = mapped_column(String(20))
    destinataire: Mapped[str] = mapped_column(String(16))
    texte: Mapped[str] = mapped_column(String(480))
    du_le: Mapped[datetime]
    statut: Mapped[str] = mapped_column(String(12), default="en_attente")
    tentatives: Mapped[int] = mapped_column(Integer, default=0)
    id_fournisseur: Mapped[str | None] = mapped_column(String(64), index=True)
    statut_fournisseur: Mapped[str | None] = mapped_column(String(20))
    erreur: Mapped[str | None] = mapped_column(String(300))
    envoi_debut_le: Mapped[datetime | None]
    envoye_le: Mapped[datetime | None]
    cree_le: Mapped[datetime]

    rendez_vous: Mapped[RendezVous | None] = relationship(back_populates="sms")


class Agent(Base):
    """Agent de la CAF ou du lieu d'accueil. Le jeton n'est jamais stocké : seulement son SHA-256."""

    __tablename__ = "agent"

    id: Mapped[int] = mapped_column(primary_key=True)
    nom: Mapped[str] = mapped_column(String(200))
    jeton_hash: Mapped[str] = mapped_column(String(64), unique=True)
    lieu_id: Mapped[int | None] = mapped_column(ForeignKey("lieu.id", ondelete="SET NULL"))
    actif: Mapped[bool] = mapped_column(Boolean, default=True)
    cree_le: Mapped[datetime]

    # Connexion à /pro par identifiant et mot de passe (scrypt) ; le jeton d'agent marche aussi.
    identifiant: Mapped[str | None] = mapped_column(String(80), unique=True)
    mot_de_passe_hash: Mapped[str | None] = mapped_column(String(200))

    lieu: Mapped[Lieu | None] = relationship()


class SessionPro(Base):
    """Session de la page /pro (cookie) : seul le SHA-256 du jeton est gardé."""

    __tablename__ = "session_pro"

    id: Mapped[int] = mapped_column(primary_key=True)
    jeton_hash: Mapped[str] = mapped_column(String(64), unique=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("agent.id", ondelete="CASCADE"), index=True)
    cree_le: Mapped[datetime]
    expire_le: Mapped[datetime]


class JournalPro(Base):
    """Qui a réservé, déplacé ou annulé pour qui (le code du rendez-vous), et quand."""

    __tablename__ = "journal_pro"

    id: Mapped[int] = mapped_column(primary_key=True)
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agent.id", ondelete="SET NULL"), index=True)
    action: Mapped[str] = mapped_column(String(30))
    code: Mapped[str | None] = mapped_column(String(7))
    creneau_id: Mapped[int | None] = mapped_column(Integer)
    le: Mapped[datetime] = mapped_column(index=True)

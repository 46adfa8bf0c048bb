"""Heure de Paris, horloge injectable et type SQLAlchemy pour des dates avec fuseau.

Toutes les dates manipulées par ``rdv`` sont « aware ». En base, elles sont stockées en UTC :
``timestamptz`` sous PostgreSQL, texte UTC sans décalage sous SQLite (qui n'a pas de type date).
À la lecture, elles reviennent en heure de Paris.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import DateTime
from sqlalchemy.types import TypeDecorator

PARIS = ZoneInfo("Europe/Paris")

Horloge = Callable[[], datetime]


def maintenant() -> datetime:
    """Horloge par défaut : l'instant présent, en heure de Paris."""
    return datetime.now(PARIS)


def en_paris(d: datetime) -> datetime:
    if d.tzinfo is None:
        raise ValueError("date sans fuseau horaire")
    return d.astimezone(PARIS)


class HorlogeFixe:
    """Horloge de test : renvoie une date fixée, que l'on avance à la main."""

    def __init__(self, depart: datetime):
        self.instant = en_paris(depart)

    def __call__(self) -> datetime:
        return self.instant

    def avancer(self, **delta: float) -> datetime:
        self.instant = self.instant + timedelta(**delta)
        return self.instant

    def regler(self, instant: datetime) -> datetime:
        self.instant = en_paris(instant)
        return self.instant


class DateHeure(TypeDecorator):
    """Date et heure avec fuseau, stockée en UTC, relue en heure de Paris."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise ValueError("rdv n'accepte que des dates avec fuseau horaire")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(PARIS)

"""Lieux (depuis ``donnees/lieux.yaml``) et créneaux (depuis ``donnees/ouvertures.yaml``).

La génération est idempotente : un créneau est identifié par (lieu, début) ; relancer ne crée
aucun doublon et ne touche pas aux créneaux existants (ni à leurs réservations, ni au blocage).
Les jours fériés français sont exclus.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from rdv.modeles import Creneau, Lieu, PlaceCreneau
from rdv.temps import PARIS, en_paris

DONNEES = Path(__file__).with_name("donnees")
JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
CHAMPS_LIEU = (
    "nom", "nom_court", "categorie", "type", "adresse", "arrondissement", "arrondissement_libelle",
    "horaires", "telephone", "accessibilite", "public", "verifie", "source", "date_source", "note",
)


def paques(annee: int) -> date:
    """Dimanche de Pâques (algorithme de Meeus/Jones/Butcher, calendrier grégorien)."""
    a, b, c = annee % 19, annee // 100, annee % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    mois = (h + ll - 7 * m + 114) // 31
    jour = (h + ll - 7 * m + 114) % 31 + 1
    return date(annee, mois, jour)


def jours_feries(annee: int) -> set[date]:
    """Les 11 jours fériés de métropole (Code du travail, art. L3133-1)."""
    p = paques(annee)
    return {
        date(annee, 1, 1), p + timedelta(days=1), date(annee, 5, 1), date(annee, 5, 8),
        p + timedelta(days=39), p + timedelta(days=50), date(annee, 7, 14), date(annee, 8, 15),
        date(annee, 11, 1), date(annee, 11, 11), date(annee, 12, 25),
    }


def charger_yaml(nom: str) -> Any:
    with open(DONNEES / nom, encoding="utf-8") as f:
        return yaml.safe_load(f)


def charger_lieux(session: Session, lieux: list[dict] | None = None) -> dict[str, int]:
    """Crée ou met à jour les lieux (clé ``cle``). Rend {cle: id}."""
    lieux = charger_yaml("lieux.yaml") if lieux is None else lieux
    existants = {l.cle: l for l in session.scalars(select(Lieu))}
    for donnees in lieux:
        lieu = existants.get(donnees["cle"])
        if lieu is None:
            lieu = Lieu(cle=donnees["cle"])
            session.add(lieu)
            existants[lieu.cle] = lieu
        for champ in CHAMPS_LIEU:
            valeur = donnees.get(champ)
            if champ == "arrondissement":
                setattr(lieu, champ, valeur)
            elif champ == "verifie":
                setattr(lieu, champ, bool(valeur))
            else:
                setattr(lieu, champ, "" if valeur is None else str(valeur))
        lieu.actif = bool(donnees.get("actif", True))
    session.flush()
    return {cle: l.id for cle, l in existants.items()}


@dataclass(frozen=True)
class Regle:
    lieu: str
    jours: tuple[int, ...]
    debut: time
    fin: time
    duree: timedelta
    capacite: int = 1
    du: date | None = None
    au: date | None = None
    fermetures: frozenset[date] = frozenset()

    @classmethod
    def depuis(cls, d: dict) -> Regle:
        def heure(t) -> time:
            if isinstance(t, int):  # YAML lit 09:00 non cité comme un nombre sexagésimal
                return time(t // 60, t % 60)
            h, m = str(t).split(":")
            return time(int(h), int(m))

        def jour(x) -> date | None:
            return None if x in (None, "") else (x if isinstance(x, date) else date.fromisoformat(str(x)))

        jours = tuple(JOURS.index(j.strip().lower()) for j in d["jours"])
        regle = cls(
            lieu=d["lieu"], jours=jours, debut=heure(d["debut"]), fin=heure(d["fin"]),
            duree=timedelta(minutes=int(d["duree_minutes"])), capacite=int(d.get("capacite", 1)),
            du=jour(d.get("du")), au=jour(d.get("au")),
            fermetures=frozenset(jour(x) for x in d.get("fermetures") or []),
        )
        if regle.duree <= timedelta(0) or regle.capacite < 1 or regle.fin <= regle.debut:
            raise ValueError(f"règle d'ouverture invalide pour {regle.lieu}")
        return regle

    def creneaux(self, du: date, au: date) -> list[tuple[datetime, datetime]]:
        """Créneaux (début, fin) en heure de Paris des jours ``du`` à ``au`` inclus."""
        sortie = []
        jour = du
        feries: dict[int, set[date]] = {}
        while jour <= au:
            if (
                jour.weekday() in self.jours
                and (self.du is None or jour >= self.du)
                and (self.au is None or jour <= self.au)
                and jour not in self.fermetures
                and jour not in feries.setdefault(jour.year, jours_feries(jour.year))
            ):
                debut = datetime.combine(jour, self.debut, tzinfo=PARIS)
                limite = datetime.combine(jour, self.fin, tzinfo=PARIS)
                while debut + self.duree <= limite:
                    sortie.append((debut, debut + self.duree))
                    debut = debut + self.duree
            jour += timedelta(days=1)
        return sortie


def charger_regles(donnees: dict | None = None) -> tuple[list[Regle], int]:
    donnees = charger_yaml("ouvertures.yaml") if donnees is None else donnees
    return [Regle.depuis(r) for r in donnees.get("regles") or []], int(donnees.get("semaines", 4))


def creer_creneau(session: Session, lieu_id: int, debut: datetime, fin: datetime,
                  capacite: int, maintenant: datetime) -> Creneau:
    c = Creneau(lieu_id=lieu_id, debut=debut, fin=fin, capacite=capacite, bloque=False,
                cree_le=maintenant)
    c.places = [PlaceCreneau(numero=i) for i in range(capacite)]
    session.add(c)
    return c


def generer_creneaux(session: Session, maintenant: datetime, semaines: int | None = None,
                     regles: list[Regle] | None = None) -> int:
    """Crée les créneaux manquants d'aujourd'hui à ``semaines`` semaines. Rend le nombre créé."""
    if regles is None:
        regles, semaines_yaml = charger_regles()
        semaines = semaines or semaines_yaml
    semaines = semaines or 4
    ids = {l.cle: l.id for l in session.scalars(select(Lieu))}
    du = en_paris(maintenant).date()
    au = du + timedelta(weeks=semaines)
    crees = 0
    for regle in regles:
        if regle.lieu not in ids:
            raise ValueError(f"lieu inconnu dans ouvertures.yaml : {regle.lieu}")
        lieu_id = ids[regle.lieu]
        existants = {
            d for d in session.scalars(
                select(Creneau.debut).where(
                    Creneau.lieu_id == lieu_id,
                    Creneau.debut >= datetime.combine(du, time(0), tzinfo=PARIS),
                )
            )
        }
        for debut, fin in regle.creneaux(du, au):
            if debut <= maintenant or debut in existants:
                continue
            creer_creneau(session, lieu_id, debut, fin, regle.capacite, maintenant)
            existants.add(debut)
            crees += 1
    session.flush()
    return crees

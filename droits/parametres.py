"""Paramètres datés, au format des paramètres d'OpenFisca-France.

Chaque fichier `droits/parametres/**/*.yaml` est un paramètre nommé par son chemin
(`rsa/montant_forfaitaire.yaml` → `rsa.montant_forfaitaire`) :

    description: ...
    values:
      2025-04-01: {value: ...}     # une date de début ; une date plus récente remplace la précédente
      2026-04-01: {value: ...}
    metadata:
      unit: currency-EUR | /1 | year | month | hour
      reference: {2026-04-01: [{title: ..., href: ...}]}
      last_value_still_valid_on: "2026-11-26"   # date du dernier contrôle de la valeur en vigueur
      revalorisation_attendue: "2026-04-01"       # facultatif : nouvelle valeur attendue, pas encore publiée
      a_confirmer: ["2026-04-01"]                  # facultatif : valeurs tirées d'une source secondaire, sans texte officiel

Les fichiers sont lus une fois, à l'import ; `au(date)` rend un instantané (mis en cache) de toutes
les valeurs en vigueur à cette date. Aucun nombre du droit n'est écrit dans le code.
"""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

import yaml

RACINE = Path(__file__).parent / "parametres"


def _date(cle: Any) -> dt.date:
    if isinstance(cle, dt.date):
        return cle
    return dt.date.fromisoformat(str(cle))


@dataclass(frozen=True, slots=True)
class Parametre:
    nom: str
    description: str
    debuts: tuple[dt.date, ...]
    valeurs: tuple[Any, ...]
    unite: str
    references: Mapping[dt.date, tuple[Mapping[str, str], ...]]
    dernier_controle: dt.date
    revalorisation_attendue: dt.date | None
    fichier: Path
    a_confirmer: frozenset = frozenset()

    def index(self, date: dt.date) -> int:
        i = bisect.bisect_right(self.debuts, date) - 1
        if i < 0:
            raise KeyError(f"{self.nom} : aucune valeur avant le {self.debuts[0].isoformat()}")
        return i

    def valeur(self, date: dt.date) -> Any:
        return self.valeurs[self.index(date)]

    def debut(self, date: dt.date) -> dt.date:
        return self.debuts[self.index(date)]

    def references_au(self, date: dt.date) -> tuple[Mapping[str, str], ...]:
        return self.references.get(self.debut(date), ())

    def non_publiee(self, date: dt.date) -> bool:
        """Vrai quand la valeur officielle en vigueur n'est pas connue : une nouvelle valeur était attendue à
        cette date mais n'a pas été trouvée, ou la valeur en vigueur vient d'une source secondaire (`a_confirmer`)."""
        i = self.index(date)
        if self.debuts[i] in self.a_confirmer:
            return True
        attendue = self.revalorisation_attendue
        return attendue is not None and i == len(self.debuts) - 1 and date >= attendue

    def a_confirmer_au(self, date: dt.date) -> bool:
        """Vrai quand la valeur en vigueur vient d'une source secondaire (pas encore d'arrêté trouvé)."""
        return self.debuts[self.index(date)] in self.a_confirmer


def _lire(fichier: Path) -> Parametre:
    doc = yaml.safe_load(fichier.read_text(encoding="utf-8"))
    nom = ".".join(fichier.relative_to(RACINE).with_suffix("").parts)
    paires = sorted((_date(d), v["value"]) for d, v in doc["values"].items())
    meta = doc.get("metadata", {})
    refs = {}
    for d, liste in (meta.get("reference") or {}).items():
        liste = liste if isinstance(liste, list) else [liste]
        refs[_date(d)] = tuple(MappingProxyType({"title": r["title"], "href": r["href"]}) for r in liste)
    attendue = meta.get("revalorisation_attendue")
    return Parametre(
        nom=nom,
        description=doc["description"],
        debuts=tuple(p[0] for p in paires),
        valeurs=tuple(p[1] for p in paires),
        unite=meta.get("unit", ""),
        references=MappingProxyType(refs),
        dernier_controle=_date(meta["last_value_still_valid_on"]),
        revalorisation_attendue=_date(attendue) if attendue else None,
        fichier=fichier,
        a_confirmer=frozenset(_date(d) for d in meta.get("a_confirmer") or ()),
    )


def _charger() -> Mapping[str, Parametre]:
    params = {}
    for fichier in sorted(RACINE.rglob("*.yaml")):
        p = _lire(fichier)
        params[p.nom] = p
    return MappingProxyType(params)


PARAMETRES: Mapping[str, Parametre] = _charger()
PREMIERE_DATE: dt.date = max(p.debuts[0] for p in PARAMETRES.values())


class Bareme:
    """Valeurs en vigueur à une date : `b["rsa.montant_forfaitaire"]` ou `b.v("rsa.montant_forfaitaire")`."""

    __slots__ = ("date", "_valeurs")

    def __init__(self, date: dt.date):
        self.date = date
        self._valeurs = {nom: p.valeur(date) for nom, p in PARAMETRES.items()}

    def __getitem__(self, nom: str) -> Any:
        return self._valeurs[nom]

    def non_publiee(self, nom: str) -> bool:
        return PARAMETRES[nom].non_publiee(self.date)

    def a_confirmer(self, nom: str) -> bool:
        return PARAMETRES[nom].a_confirmer_au(self.date)

    def references(self, nom: str) -> tuple[Mapping[str, str], ...]:
        return PARAMETRES[nom].references_au(self.date)


@lru_cache(maxsize=128)
def au(date: dt.date) -> Bareme:
    if date < PREMIERE_DATE:
        raise KeyError(f"pas de paramètres avant le {PREMIERE_DATE.isoformat()}")
    return Bareme(date)

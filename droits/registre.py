"""Registre des droits (droits/registre.yaml) : la seule liste des droits du projet.

    from droits import registre
    registre.DROITS                     # tuple de Droit, dans l'ordre d'affichage
    registre.IDS                        # ("ame", "rsa", ...) : c'est droits.DROITS
    registre.droit("rsa").sigle         # "RSA"
    registre.par_intention("demander_rsa")   # Droit ou None
    registre.INTENTIONS                 # {"demander_ame": "ame", ...}
    registre.en_json()                  # liste JSON des droits (pour GET /api/v1/droits)

Côté Rasa, les intentions des droits et leurs règles de dialogue en sont générées par
`python -m droits.rasa_registre` (voir ce module).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

import yaml

_FICHIER = Path(__file__).parent / "registre.yaml"


@dataclass(frozen=True, slots=True)
class Droit:
    id: str
    ordre: int
    sigle: str | None
    nom: str
    titre: str
    bouton: str
    nom_sms: str
    description: str
    intention: str
    motif: re.Pattern
    pictogramme: str
    pictogramme_alt: str
    emoji: str
    depend_de: tuple[str, ...]
    champs: tuple[str, ...]
    references: Mapping[str, Any]

    def en_json(self) -> dict:
        return {
            "id": self.id, "ordre": self.ordre, "sigle": self.sigle, "nom": self.nom, "titre": self.titre,
            "bouton": self.bouton, "nom_sms": self.nom_sms, "description": self.description,
            "intention": self.intention, "payload": f"/{self.intention}", "motif": self.motif.pattern,
            "pictogramme": self.pictogramme, "pictogramme_alt": self.pictogramme_alt, "emoji": self.emoji,
            "depend_de": list(self.depend_de), "champs": list(self.champs),
        }


class RegistreInvalide(ValueError):
    pass


def _lire() -> tuple[tuple[Droit, ...], Mapping[str, Any]]:
    doc = yaml.safe_load(_FICHIER.read_text(encoding="utf-8"))
    droits: list[Droit] = []
    for ordre, e in enumerate(doc["droits"], start=1):
        droits.append(Droit(
            id=e["id"], ordre=ordre, sigle=e.get("sigle"), nom=e["nom"], titre=e["titre"], bouton=e["bouton"],
            nom_sms=e["nom_sms"], description=e["description"], intention=e["intention"],
            motif=re.compile(e["motif"]), pictogramme=e["pictogramme"], pictogramme_alt=e["pictogramme_alt"],
            emoji=e["emoji"],
            depend_de=tuple(e.get("depend_de") or ()), champs=tuple(e.get("champs") or ()),
            references=MappingProxyType(dict(e.get("references") or {})),
        ))
    _verifier(droits)
    return tuple(droits), MappingProxyType(doc.get("autres_references") or {})


def _verifier(droits: list[Droit]) -> None:
    """Ids, intentions uniques ; dépendances connues et déclarées avant (ordre d'évaluation)."""
    vus: set[str] = set()
    intentions: set[str] = set()
    for d in droits:
        if not re.fullmatch(r"[a-z][a-z0-9_]*", d.id) or d.id in vus:
            raise RegistreInvalide(f"registre : id {d.id!r} invalide ou en double")
        if d.intention in intentions:
            raise RegistreInvalide(f"registre : intention {d.intention!r} en double")
        if len(d.bouton) > 25:
            raise RegistreInvalide(f"registre : bouton de {d.id} trop long ({len(d.bouton)} caractères)")
        for dep in d.depend_de:
            if dep not in vus:
                raise RegistreInvalide(f"registre : {d.id} dépend de {dep!r}, qui doit être déclaré avant")
        vus.add(d.id)
        intentions.add(d.intention)


DROITS, AUTRES_REFERENCES = _lire()
IDS: tuple[str, ...] = tuple(d.id for d in DROITS)
_PAR_ID: Mapping[str, Droit] = MappingProxyType({d.id: d for d in DROITS})
INTENTIONS: Mapping[str, str] = MappingProxyType({d.intention: d.id for d in DROITS})


def droit(ident: str, langue: str = "fr") -> Droit:
    if langue == "fr":
        return _PAR_ID[ident]
    return next(d for d in droits_en(langue) if d.id == ident)


def par_intention(intention: str | None) -> Droit | None:
    ident = INTENTIONS.get(intention or "")
    return None if ident is None else _PAR_ID[ident]


def droits_nommes(texte_normalise: str) -> list[str]:
    """Ids des droits nommés dans un texte déjà en minuscules et sans accents (« je veux le rsa »)."""
    return [d.id for d in DROITS if d.motif.search(texte_normalise)]


def references(ident: str) -> Mapping[str, Any]:
    """Références d'un droit du registre, ou d'une autre entrée (rendez_vous_des_droits)."""
    if ident in _PAR_ID:
        return _PAR_ID[ident].references
    return AUTRES_REFERENCES[ident]


_TEXTES = ("nom", "titre", "bouton", "nom_sms", "description", "pictogramme_alt")


@lru_cache(maxsize=None)
def droits_en(langue: str = "fr") -> tuple[Droit, ...]:
    """Les droits, leurs textes (nom, titre, bouton…) dans ``langue`` (langues/<code>/registre.yaml) ;
    un texte non traduit reste en français. Les sigles, intentions et motifs ne changent pas."""
    if langue == "fr":
        return DROITS
    from langues import catalogues
    traduits = catalogues.arbre("registre", langue)
    par_id = {e["id"]: e for e in traduits}
    return tuple(replace(d, **{k: par_id[d.id][k] for k in _TEXTES}) for d in DROITS)


def sigles(langue: str = "fr") -> dict[str, str]:
    """Glossaire des sigles des droits : {"AME": "aide médicale de l'État", ...}."""
    return {d.sigle: d.nom for d in droits_en(langue) if d.sigle}


def en_json(langue: str = "fr") -> list[dict]:
    """Le registre en JSON (ordre d'affichage), pour l'API (GET /api/v1/droits), la borne et la page /pro."""
    return [d.en_json() for d in droits_en(langue)]

"""Lieux où aller à Paris : données sourcées (donnees/lieux_paris.yaml) et choix selon la situation.

- Un lieu n'est montré que s'il a une adresse (un numéro, pour un service par téléphone) confirmée par une
  source fiable : une page officielle ou la page de l'organisme (`sources_fiables` du fichier). Les autres
  restent dans les données, avec leurs pistes, et n'arrivent jamais dans une réponse.
- Les horaires ne sont montrés que si leur source a moins de 12 mois à la date du calcul. Sinon la fiche
  n'a pas d'horaires et son `conseil` dit « Appelez avant d'y aller. ».
- `choisir(demandes, situation)` : les demandes sont des natures (eps, psa, cpam, pass, domiciliation, esi,
  spada, caf, numero) ou des identifiants. EPS : celui de l'arrondissement de la personne. PSA : selon le
  public (homme seul de 25 ans et plus, jeune homme de 18 à 25 ans, femme ou famille) ; si le public n'est
  pas connu, toutes celles qui peuvent convenir, chacune avec son `public`. Autres natures : les plus proches
  de l'arrondissement d'abord, ou une courte liste s'il n'est pas connu.
- `arrondissement_utile(demandes, situation)` : True seulement si connaître l'arrondissement changerait les
  lieux montrés (le dialogue ne demande l'arrondissement que dans ce cas).
- `ou_aller(identifiants, date, situation)` : les fiches des lieux montrables parmi ces identifiants (et, avec
  la situation, qui conviennent à la personne), forme de `schema/resultat.json` (`$defs/lieu`).

Tout est pur (aucune entrée-sortie après le chargement du fichier) ; seule la date par défaut est celle du jour.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Mapping
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import yaml

_FICHIER = Path(__file__).parent / "donnees" / "lieux_paris.yaml"
_PARIS = ZoneInfo("Europe/Paris")

DELAI_HORAIRES_JOURS = 365  # des horaires plus vieux qu'un an ne sont pas montrés
DELAI_VERIFICATION_JOURS = 365  # `verifie` : une source fiable de moins d'un an confirme l'adresse ou le numéro
LIMITE = 3  # lieux au plus par nature demandée (le bot en montre 2 par droit)
CONFIRMATIONS = frozenset({"adresse", "telephone", "arrondissement", "public", "horaires", "existence"})
CONSEIL_APPELER = "Appelez avant d'y aller."
CONSEIL_SANS_TELEPHONE = "Les horaires ne sont pas connus. Renseignez-vous avant d'y aller."

# nature : (libellé lu par la personne, choix selon l'arrondissement : "exact", "proche" ou "")
NATURES: Mapping[str, tuple[str, str]] = MappingProxyType({
    "eps": ("EPS, espace parisien des solidarités", "exact"),
    "psa": ("PSA, permanence sociale d'accueil", ""),
    "cpam": ("Assurance Maladie", "proche"),
    "pass": ("PASS, permanence d'accès aux soins de santé", "proche"),
    "domiciliation": ("Domiciliation, une adresse pour le courrier", "proche"),
    "esi": ("Accueil de jour", "proche"),
    "spada": ("Demande d'asile", ""),
    "caf": ("CAF, caisse d'allocations familiales", ""),
    "numero": ("Numéro d'urgence ou d'aide", ""),
    "liste": ("Liste de lieux", ""),
})

# Arrondissements qui se touchent (frontière commune, Seine comprise ; un simple point de contact ne compte pas).
# Sert seulement à l'ordre « le plus proche d'abord » ; aucun fait n'en est tiré pour la personne.
VOISINS: Mapping[int, frozenset[int]] = MappingProxyType({a: frozenset(v) for a, v in {
    1: {2, 3, 4, 6, 7, 8}, 2: {1, 3, 9, 10}, 3: {1, 2, 4, 10, 11}, 4: {1, 3, 5, 11, 12},
    5: {4, 6, 12, 13, 14}, 6: {1, 5, 7, 14, 15}, 7: {1, 6, 8, 15, 16}, 8: {1, 7, 9, 16, 17},
    9: {2, 8, 10, 18}, 10: {2, 3, 9, 11, 18, 19}, 11: {3, 4, 10, 12, 20}, 12: {4, 5, 11, 13, 20},
    13: {5, 12, 14}, 14: {5, 6, 13, 15}, 15: {6, 7, 14, 16}, 16: {7, 8, 15, 17},
    17: {8, 16, 18}, 18: {9, 10, 17, 19}, 19: {10, 18, 20}, 20: {11, 12, 19},
}.items()})

_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def lire_date_source(valeur: Any) -> dt.date | None:
    """Date d'une source : « AAAA-MM-JJ », « AAAA-MM » (le 1er du mois) ou « AAAA » (le 1er janvier) ; None si non datée."""
    if valeur is None or valeur == "":
        return None
    if isinstance(valeur, dt.datetime):
        return valeur.date()
    if isinstance(valeur, dt.date):
        return valeur
    m = _DATE.fullmatch(str(valeur))
    if not m:
        raise ValueError(f"date de source illisible : {valeur!r}")
    return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))


def _jour(date: Any) -> dt.date:
    if date is None:
        return dt.datetime.now(_PARIS).date()
    if isinstance(date, dt.datetime):
        return date.date()
    if isinstance(date, dt.date):
        return date
    try:
        return dt.date.fromisoformat(str(date))
    except ValueError:
        raise ValueError(f"date : {date!r} est invalide (format AAAA-MM-JJ attendu).") from None


def _figer(valeur: Any) -> Any:
    if isinstance(valeur, dict):
        return MappingProxyType({k: _figer(v) for k, v in valeur.items()})
    if isinstance(valeur, list):
        return tuple(_figer(v) for v in valeur)
    return valeur


def _charger() -> tuple[Mapping[str, str], Mapping[str, Mapping]]:
    brut = yaml.safe_load(_FICHIER.read_text(encoding="utf-8"))
    lieux = {}
    for ident, lieu in brut["lieux"].items():
        lieu = dict(lieu)
        lieu.setdefault("acces", "lieu")
        lieu.setdefault("publics", [{}])
        lieu.setdefault("sources", [])
        if lieu["nature"] not in NATURES:
            raise ValueError(f"{ident} : nature inconnue {lieu['nature']!r}")
        lieux[ident] = _figer(lieu)
    return MappingProxyType(dict(brut["sources_fiables"])), MappingProxyType(lieux)


SOURCES_FIABLES, LIEUX = _charger()


def source_fiable(url: str) -> bool:
    """Une page officielle ou celle de l'organisme : le domaine (ou un sous-domaine) est dans `sources_fiables`."""
    parties = urlsplit(str(url))
    hote = (parties.hostname or "").lower()
    return parties.scheme in ("http", "https") and any(hote == d or hote.endswith("." + d) for d in SOURCES_FIABLES)


def _cle_acces(lieu: Mapping) -> str:
    return "telephone" if lieu.get("acces") == "telephone" else "adresse"


def montrable(lieu: Mapping) -> bool:
    """Une adresse (un numéro pour un service par téléphone) confirmée par au moins une source fiable."""
    cle = _cle_acces(lieu)
    if lieu.get("ferme") or not str(lieu.get(cle) or "").strip():
        return False
    return any(source_fiable(s.get("url", "")) and cle in s.get("confirme", ()) for s in lieu.get("sources", ()))


MONTRABLES: frozenset[str] = frozenset(i for i, lieu in LIEUX.items() if montrable(lieu))  # les données ne changent pas


def horaires_a_jour(lieu: Mapping, jour: dt.date) -> str:
    """Les horaires si leur source a moins de DELAI_HORAIRES_JOURS jours à `jour`, sinon ""."""
    horaires = str(lieu.get("horaires") or "").strip()
    date = lire_date_source(lieu.get("date_horaires"))
    if horaires and date is not None and 0 <= (jour - date).days <= DELAI_HORAIRES_JOURS:
        return horaires
    return ""


def _nom_arrondissement(n: Any) -> str:
    if not isinstance(n, int):
        return ""
    return "1er" if n == 1 else f"{n}e"


def fiche(ident: str, date: Any = None) -> dict:
    """La fiche d'un lieu des données, forme de resultat.json (`$defs/lieu`), à la date donnée (aujourd'hui par défaut)."""
    return composer_fiche(ident, LIEUX[ident], date)


def composer_fiche(ident: str, lieu: Mapping, date: Any = None) -> dict:
    """La fiche d'un lieu (mêmes champs que le fichier) : horaires seulement s'ils ont moins d'un an, sinon un conseil."""
    jour = _jour(date)
    lieu = {"acces": "lieu", "sources": (), **lieu}
    sources = [s for s in lieu["sources"] if source_fiable(s.get("url", ""))]
    # la date montrée est celle de la source de l'adresse (du numéro) : pas celle d'une page plus récente sur autre chose
    cle = _cle_acces(lieu)
    datees = [(lire_date_source(s.get("date")), str(s.get("date"))) for s in sources
              if s.get("date") and cle in s.get("confirme", ())]
    horaires = horaires_a_jour(lieu, jour)
    conseil = ""
    if lieu["acces"] == "lieu" and not horaires:
        conseil = CONSEIL_APPELER if lieu.get("telephone") else CONSEIL_SANS_TELEPHONE
    sortie = {
        "id": ident,
        "nom": lieu["nom"],
        "type": NATURES[lieu["nature"]][0],
        "nature": lieu["nature"],
        "acces": lieu["acces"],
        "adresse": str(lieu.get("adresse") or ""),
        "arrondissement": _nom_arrondissement(lieu.get("arrondissement")),
        "horaires": horaires,
        "telephone": str(lieu.get("telephone") or ""),
        "public": str(lieu.get("public") or ""),
        "verifie": bool(lieu.get("verifie")),
        "source": " ; ".join(s["url"] for s in sources),
        "date_source": max(datees)[1] if datees else "non datée",
        "date_verification": str(lieu.get("date_verification") or ""),
        "conseil": conseil,
    }
    if lieu.get("remarque"):
        sortie["remarque"] = lieu["remarque"]
    return sortie


# ------------------------------------------------------------------------------------------------ choix

def _faits(situation: Mapping) -> dict:
    """Les faits utiles au choix (None = inconnu). Une grossesse au foyer fait une famille, sauf pour un
    homme (la grossesse de sa compagne fait un couple, pas une femme ni une famille avec enfants) ; le genre
    n'est jamais déduit de la grossesse (elle peut être celle de la compagne)."""
    arrondissement = situation.get("arrondissement")
    if arrondissement is not None and (isinstance(arrondissement, bool) or arrondissement not in VOISINS):
        raise ValueError(f"arrondissement : {arrondissement!r} n'est pas un arrondissement de Paris (1 à 20).")
    enceinte = situation.get("enceinte")
    genre = situation.get("genre")
    nombre = situation.get("enfants")
    if (nombre or 0) > 0 or (enceinte is True and genre == "femme"):
        enfants = True
    elif nombre == 0 and (enceinte is False or genre == "homme"):
        enfants = False
    else:
        enfants = None
    return {"arrondissement": arrondissement, "genre": genre, "age": situation.get("age"),
            "enfants": enfants, "couple": situation.get("en_couple")}


def _condition_possible(condition: Mapping, faits: Mapping) -> bool:
    """Faux seulement si un fait connu contredit la condition (un fait inconnu laisse tout possible)."""
    age = faits["age"]
    for cle, attendu in condition.items():
        if cle == "age_min":
            if age is not None and age < attendu:
                return False
        elif cle == "age_max":
            if age is not None and age > attendu:
                return False
        elif faits[cle] is not None and faits[cle] != attendu:
            return False
    return True


def pour_ce_public(lieu: Mapping, situation: Mapping) -> bool:
    """Le lieu peut-il accueillir cette personne ? Une condition de `publics` possible suffit."""
    faits = _faits(situation)
    return any(_condition_possible(c, faits) for c in lieu["publics"])


def _rang(lieu: Mapping, arrondissement: int | None) -> int:
    """Ordre « le plus proche d'abord » : même arrondissement, voisin, par téléphone, les autres."""
    if arrondissement is None:
        return 0 if lieu["acces"] == "telephone" else 1
    if lieu.get("arrondissement") == arrondissement:
        return 0
    if lieu.get("arrondissement") in VOISINS[arrondissement]:
        return 1
    return 2 if lieu["acces"] == "telephone" else 3


def _convient(lieu: Mapping, faits: Mapping) -> bool:
    """Ouvert, pour ce public, et (EPS) pour l'arrondissement de la personne s'il est connu… et seulement s'il l'est."""
    if lieu.get("ferme") or not any(_condition_possible(c, faits) for c in lieu["publics"]):
        return False
    if NATURES[lieu["nature"]][1] == "exact":
        return faits["arrondissement"] in lieu.get("arrondissements_servis", ())
    return True


def _candidats(demande: str, situation: Mapping) -> list[str]:
    """Identifiants possibles pour une demande (nature ou identifiant), dans l'ordre, avant le filtre « montrable ».

    Un identifiant demandé passe les mêmes filtres qu'une nature : la Halte Femmes n'est pas donnée à un homme,
    et l'EPS du 10e n'est donné qu'à une personne dont on sait qu'elle est du 10e.
    """
    faits = _faits(situation)
    if demande in LIEUX:
        return [demande] if _convient(LIEUX[demande], faits) else []
    if demande not in NATURES:
        raise KeyError(f"lieu ou nature inconnu : {demande!r}")
    arrondissement = faits["arrondissement"]
    mode = NATURES[demande][1]
    ids = [i for i, lieu in LIEUX.items() if lieu["nature"] == demande and _convient(lieu, faits)]
    if mode == "proche":
        return sorted(ids, key=lambda i: _rang(LIEUX[i], arrondissement))  # tri stable : l'ordre du fichier départage
    return ids


def selection(demandes: Iterable[str], situation: Mapping | None = None) -> list[str]:
    """Tous les lieux qui conviennent, montrables ou non, sans limite (pour comprendre et tester le choix)."""
    s = situation or {}
    vus: dict[str, None] = {}
    for demande in _demandes(demandes):
        for i in _candidats(demande, s):
            vus.setdefault(i, None)
    return list(vus)


def _demandes(demandes: Iterable[str]) -> list[str]:
    if isinstance(demandes, str):
        return [demandes]
    return list(demandes)


def _montres(demandes: Iterable[str], situation: Mapping, limite: int) -> list[str]:
    vus: dict[str, None] = {}
    for demande in _demandes(demandes):
        ids = [i for i in _candidats(demande, situation) if i in MONTRABLES]
        if demande not in LIEUX:
            ids = ids[:limite]
        for i in ids:
            vus.setdefault(i, None)
    return list(vus)


def choisir(demandes: Iterable[str], situation: Mapping | None = None, date: Any = None,
            limite: int = LIMITE) -> list[dict]:
    """Les fiches des lieux à montrer pour ces demandes (natures ou identifiants) et cette situation.

    Au plus `limite` lieux par nature ; un identifiant demandé est rendu s'il est montrable.
    Situation : champs `arrondissement`, `genre`, `age`, `enfants`, `en_couple`, `enceinte` (absent = inconnu).
    """
    jour = _jour(date)
    return [fiche(i, jour) for i in _montres(demandes, situation or {}, limite)]


# Une question de plus pour une personne sur vingt ne vaut pas la peine : on demande l'arrondissement
# seulement s'il change les lieux montrés dans au moins ce nombre d'arrondissements (sur 20).
ARRONDISSEMENTS_UTILES_MIN = 5


def arrondissement_utile(demandes: Iterable[str], situation: Mapping | None = None, limite: int = LIMITE) -> bool:
    """True si l'arrondissement n'est pas connu et que le connaître changerait les lieux montrés (leur
    liste, pas seulement leur ordre) dans assez d'arrondissements (aujourd'hui, seul l'EPS du 10e a une
    adresse sourcée : la question viendra quand d'autres lieux seront vérifiés)."""
    s = dict(situation or {})
    if s.get("arrondissement") is not None:
        return False
    s["arrondissement"] = None
    sans = set(_montres(demandes, s, limite))
    utiles = sum(1 for a in VOISINS if set(_montres(demandes, {**s, "arrondissement": a}, limite)) != sans)
    return utiles >= ARRONDISSEMENTS_UTILES_MIN


def ou_aller(identifiants: Iterable[str], date: Any = None, situation: Mapping | None = None) -> list[dict]:
    """Les fiches des lieux montrables parmi ces identifiants, dans l'ordre, sans doublon.

    Un lieu sans adresse (ou sans numéro) confirmée par une source fiable n'est jamais rendu. Avec la
    situation, un lieu qui ne convient pas à la personne (public, arrondissement de l'EPS) non plus ; sans
    elle, l'arrondissement est inconnu : aucun EPS n'est rendu (on ne sait pas si c'est le sien).
    """
    jour = _jour(date)
    s = situation or {}
    vus: dict[str, None] = {}
    for i in _demandes(identifiants):
        if i not in LIEUX:
            raise KeyError(f"lieu inconnu : {i!r}")
        if i in MONTRABLES and _candidats(i, s):
            vus.setdefault(i, None)
    return [fiche(i, jour) for i in vus]

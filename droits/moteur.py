"""`evaluer` : les droits du registre (droits/registre.yaml) pour une situation, mis en mots (FALC) dans la forme demandée."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any, Mapping
from zoneinfo import ZoneInfo

from . import registre, textes
from .fourchettes import decider_aux_coins
from .lieux import choisir
from .parametres import PREMIERE_DATE, Bareme, au
from .regles import REGLES, rendez_vous_des_droits
from .regles.logique import Decision
from .situation import SituationInvalide, valider_situation

DROITS = registre.IDS
FORMES = textes.FORMES
_PARIS = ZoneInfo("Europe/Paris")
_DATE_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def lire_date(date: Any) -> dt.date:
    """date : datetime.date, « AAAA-MM-JJ » ou None (aujourd'hui à Paris)."""
    if date is None:
        jour = dt.datetime.now(_PARIS).date()
    elif isinstance(date, dt.datetime):
        jour = date.date()
    elif isinstance(date, dt.date):
        jour = date
    elif isinstance(date, str) and _DATE_ISO.fullmatch(date):
        try:
            jour = dt.date.fromisoformat(date)
        except ValueError:
            raise SituationInvalide("date", f"date : {date!r} n'existe pas (format AAAA-MM-JJ).") from None
    else:
        raise SituationInvalide("date", f"date : {date!r} est invalide (format AAAA-MM-JJ attendu).")
    if jour < PREMIERE_DATE:
        raise SituationInvalide("date", f"date : pas de règles avant le {PREMIERE_DATE.isoformat()}.")
    return jour


def lire_langue(langue: Any) -> str:
    from langues import CODES
    if langue not in CODES:
        raise SituationInvalide("langue", f"langue : {langue!r} est inconnue (possibles : {', '.join(CODES)}).")
    return langue


def lire_forme(forme: Any) -> str:
    if forme not in FORMES:
        raise SituationInvalide("forme", f"forme : {forme!r} est inconnue (possibles : {', '.join(FORMES)}).")
    return forme


def a_evaluer(droits) -> tuple[str, ...]:
    """Les droits demandés et ceux dont ils dépendent (`depend_de`), dans l'ordre du registre."""
    return _a_evaluer(tuple(droits))


@lru_cache(maxsize=64)
def _a_evaluer(droits: tuple[str, ...]) -> tuple[str, ...]:
    voulus = set(droits)
    for d in reversed(registre.DROITS):
        if d.id in voulus:
            voulus.update(d.depend_de)
    return tuple(i for i in DROITS if i in voulus)


def decisions_brutes(b: Bareme, s: dict, forme: str, droits=DROITS) -> dict[str, Decision]:
    """Chaque droit voit les décisions déjà prises (`avant`) ; le registre déclare les dépendances avant.
    Une réponse en fourchette est évaluée à ses bornes (droits/fourchettes.py)."""
    ordre = a_evaluer(droits)

    def decider_situation(situation: dict) -> dict[str, Decision]:
        decisions: dict[str, Decision] = {}
        for droit in ordre:
            decisions[droit] = REGLES[droit](b, situation, forme, decisions)
        return decisions

    return decider_aux_coins(s, decider_situation)


def decider(situation: Mapping, date: Any = None, forme: str = "vous", droits=DROITS) -> tuple[Bareme, dict, dict[str, Decision]]:
    """Décisions brutes (sans mise en mots), pour `evaluer` et `prochaine_question`."""
    s = valider_situation(situation)
    b = au(lire_date(date))
    forme = lire_forme(forme)
    return b, s, decisions_brutes(b, s, forme, droits)


def _public(s: dict, forme: str) -> dict:
    """Les faits qui choisissent un lieu (arrondissement, public) ; le genre dit, sinon celui des mots de
    l'aidant (« il » / « elle ») : jamais deviné."""
    genre = s.get("genre") or {"il": "homme", "elle": "femme"}.get(forme)
    return {**s, "genre": genre} if genre else s


def _rendre(decision: Decision, forme: str, b: Bareme, s: dict, langue: str = "fr") -> dict:
    raisons, pieces = decision.raisons, decision.pieces
    # l'étape suit le résumé dans le même message : un sigle expliqué dans le résumé ne l'est pas deux fois
    etape = [decision.etape] if decision.etape else []
    phrases = textes.message([decision.resume, *etape, *raisons, *pieces], forme, langue)
    debut = 1 + len(etape)
    manquants = decision.manquants
    return {
        "statut": decision.statut,
        "montant_mensuel": decision.montant,
        "montant_min": decision.montant_min,
        "montant_max": decision.montant_max,
        "montant_estime_fourchette": decision.fourchette,
        "resume": phrases[0],
        "etape": phrases[1] if etape else None,
        "etape_utile": decision.etape_utile,
        "raisons": phrases[debut: debut + len(raisons)],
        "manquants": manquants,
        "a_preciser": [m for m in decision.a_preciser if m not in manquants],
        "pieces": phrases[debut + len(raisons):],
        "ou_aller": choisir(decision.lieux, _public(s, forme), date=b.date),
        "references": decision.references,
    }


def evaluer(situation: Mapping, date: Any = None, forme: str = "vous", langue: str = "fr") -> dict:
    """Les droits du registre pour la situation, à la date donnée (JSON de l'issue 2, schéma resultat.json).
    ``langue`` : la langue des phrases (langues/langues.yaml ; un texte non traduit reste en français)."""
    langue = lire_langue(langue)
    b, s, decisions = decider(situation, date, forme)
    recommande, raisons = rendez_vous_des_droits(b, decisions)
    return {
        "date": b.date.isoformat(),
        "droits": {droit: _rendre(decisions[droit], forme, b, s, langue) for droit in DROITS},
        "rendez_vous_des_droits": {"recommande": recommande, "raisons": textes.message(raisons, forme, langue)},
    }

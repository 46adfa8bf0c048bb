"""`prochaine_question` : le fait à demander pour arriver au verdict avec le moins de questions.

- Candidats : les faits encore manquants (`manquants`) des droits demandés. Un fait rendu inutile
  par une réponse (titre de séjour d'une personne française, aide au logement à la rue, heures de
  travail après 25 ans...) n'est jamais manquant, donc jamais demandé ; un fait partagé par
  plusieurs droits est demandé une seule fois.
- Choix : pour chaque candidat, on essaie des réponses typiques (droits/questions.yaml) et on
  compte les faits qui resteraient à demander ; on garde le candidat qui en laisse le moins en
  moyenne (le plus discriminant), puis le moins coûteux à répondre.
- `ignorer` : faits que la personne ne sait pas ; jamais redemandés.
- None : aucun fait ne peut plus changer un verdict.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

from .moteur import DROITS, decider
from .regles import REGLES
from .situation import CHAMPS, SituationInvalide
from .textes import QUESTIONS, expliquer_sigles

_DONNEES = yaml.safe_load((Path(__file__).parent / "questions.yaml").read_text(encoding="utf-8"))
_BOOLEENS = {"true": True, "false": False}


def _droits(droits: Any) -> tuple[str, ...]:
    if isinstance(droits, str):
        droits = [d for d in droits.split(",") if d]
    droits = tuple(droits)
    inconnus = [d for d in droits if d not in DROITS]
    if inconnus or not droits:
        raise SituationInvalide("droits", f"droits : {', '.join(inconnus) or 'liste vide'} inconnu (possibles : {', '.join(DROITS)}).")
    return droits


def _ignorer(ignorer: Iterable[str]) -> frozenset[str]:
    ignorer = frozenset(ignorer or ())
    inconnus = sorted(c for c in ignorer if c not in CHAMPS)
    if inconnus:
        raise SituationInvalide("ignorer", f"ignorer : champ inconnu {', '.join(inconnus)}.")
    return ignorer


def _manquants(decisions: Mapping) -> list[str]:
    vus: dict[str, None] = {}
    for d in decisions.values():
        for m in d.manquants:
            vus.setdefault(m, None)
    return list(vus)


def _restants(b, s: dict, champ: str, valeur: Any, droits: tuple[str, ...], ignorer: frozenset) -> int:
    essai = dict(s)
    essai[champ] = valeur
    decisions = {d: REGLES[d](b, essai, "vous") for d in droits}
    return sum(1 for m in _manquants(decisions) if m not in ignorer)


def _score(b, s: dict, champ: str, droits, ignorer) -> tuple[float, int]:
    valeurs = _DONNEES[champ]["valeurs"]
    moyenne = sum(_restants(b, s, champ, v, droits, ignorer) for v in valeurs) / len(valeurs)
    return moyenne, _DONNEES[champ]["cout"]


def question(champ: str) -> dict:
    """La question d'un champ, au format du contrat (docs/architecture.md)."""
    texte = QUESTIONS[champ]
    spec = CHAMPS[champ]
    choix = None
    if texte.get("choix"):
        choix = []
        for valeur, libelle in texte["choix"].items():
            if spec["type"] == "booleen":
                valeur = _BOOLEENS[valeur]
            elif spec["type"] == "liste" and valeur == "aucune":
                valeur = []
            choix.append({"valeur": valeur, "libelle": libelle})
    phrases = [texte["question"], texte["question_tiers"], texte["reformulation"]]
    q, tiers, reformulation = (expliquer_sigles([p])[0] for p in phrases)
    return {"champ": champ, "type": spec["type"], "question": q, "question_tiers": tiers,
            "reformulation": reformulation, "choix": choix}


def prochaine_question(situation: Mapping, droits: Iterable[str] = DROITS, ignorer: Iterable[str] = (), date: Any = None) -> dict | None:
    droits, ignorer = _droits(droits), _ignorer(ignorer)
    b, s, decisions = decider(situation, date, "vous", droits)
    candidats = [c for c in _manquants(decisions) if c not in ignorer and c not in s]
    if not candidats:
        return None
    if len(candidats) == 1:
        return question(candidats[0])
    meilleur = min(candidats, key=lambda c: _score(b, s, c, droits, ignorer))
    return question(meilleur)

"""`prochaine_question` : le fait à demander pour arriver au verdict avec le moins de questions.

- Candidats : les faits encore manquants (`manquants`) des droits demandés. Un fait rendu inutile
  par une réponse (titre de séjour d'une personne française, aide au logement à la rue, heures de
  travail après 25 ans...) n'est jamais manquant, donc jamais demandé ; un fait partagé par
  plusieurs droits est demandé une seule fois.
- Choix : pour chaque candidat, on essaie des réponses typiques (droits/questions.yaml) et on
  compte les faits qui resteraient à demander ; parmi les candidats qui en laissent le moins en
  moyenne (à TOLERANCE près), on suit l'ordre d'un entretien (celui de questions.yaml), puis le moins
  coûteux à répondre. Sans cet ordre, compter les faits manquants pénalise les questions qui en ouvrent
  d'autres (la nationalité ouvre les papiers) alors qu'elles ferment vite un droit.
- `ignorer` : faits que la personne ne sait pas ; jamais redemandés.
- `groupees=True` (la conversation) : quand le couple et les enfants manquent tous les deux et que l'un
  d'eux est choisi, une seule question les demande ensemble (« Avec qui vivez-vous ? », `question_groupee`).
- None : aucun fait ne peut plus changer un verdict.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

from .fourchettes import boutons, fourchettes_actives
from .lieux import arrondissement_utile
from .moteur import DROITS, decider, decisions_brutes, lire_langue
from .situation import CHAMPS, SituationInvalide
from .textes import expliquer_sigles, questions, questions_communes

_DONNEES = yaml.safe_load((Path(__file__).parent / "questions.yaml").read_text(encoding="utf-8"))
_BOOLEENS = {"true": True, "false": False}
_ORDRE = {champ: i for i, champ in enumerate(_DONNEES)}
PROFONDEUR = 2  # coups d'avance (mesuré le 2/12/2026 : 2 coups et 5 candidats, 9,64 questions en moyenne)
LARGEUR = 5  # candidats examinés à chaque coup (les meilleurs à 1 coup)
TOLERANCE = 1.0  # écart de questions restantes estimées sous lequel deux candidats sont à égalité : l'ordre d'un
# entretien (questions.yaml) les départage (mesuré : 0 → 10,36 questions en moyenne ; 0,5 → 10,64 ; 1 → 9,64 ; 3 → 9,71)


# Questions groupées (droits/textes.yaml, questions_communes) : le champ porté par la question, puis les autres
# faits que ses boutons donnent aussi. Demandées seulement quand tous ces faits manquent.
GROUPEES = {"foyer": ("en_couple", "enfants")}


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


def _manquants(decisions: Mapping, montants: bool = True) -> list[str]:
    """Faits qui changent un statut (manquants), puis ceux qui ne changent qu'un montant (a_preciser),
    sauf si `montants` est faux : le verdict dit alors le montant en fourchette (« entre 679 et 901 € »)."""
    vus: dict[str, None] = {}
    for d in decisions.values():
        for m in d.manquants:
            vus.setdefault(m, None)
    if montants:
        for d in decisions.values():
            for m in d.a_preciser:
                vus.setdefault(m, None)
    return list(vus)


class _Recherche:
    """Estime le nombre de questions qui restent, en essayant des réponses typiques (2 coups d'avance)."""

    def __init__(self, b, droits: tuple[str, ...], ignorer: frozenset, profondeur: int, largeur: int,
                 montants: bool = True):
        self.b, self.droits, self.ignorer, self.montants = b, droits, ignorer, montants
        self.profondeur, self.largeur = profondeur, largeur
        self._cache: dict = {}

    def manquants(self, s: dict) -> list[str]:
        cle = tuple(sorted((k, repr(v)) for k, v in s.items()))
        if cle not in self._cache:
            decisions = decisions_brutes(self.b, s, "vous", self.droits)
            self._cache[cle] = [m for m in _manquants({d: decisions[d] for d in self.droits}, self.montants)
                                if m not in self.ignorer and m not in s]
        return self._cache[cle]

    def apres(self, s: dict, champ: str) -> list[dict]:
        return [{**s, champ: v} for v in _DONNEES[champ]["valeurs"]]

    def h0(self, s: dict) -> float:
        """Heuristique : une question par fait manquant."""
        return len(self.manquants(s))

    def coup(self, s: dict, champ: str, h) -> float:
        """Moyenne de h après chaque réponse typique au champ."""
        essais = self.apres(s, champ)
        return sum(h(e) for e in essais) / len(essais)

    def h(self, s: dict, profondeur: int) -> float:
        """Questions restantes estimées : 1 + le meilleur coup suivant, `profondeur` coups d'avance."""
        if profondeur == 0:
            return self.h0(s)
        candidats = self.manquants(s)
        if not candidats:
            return 0.0
        return 1 + min(self.coup(s, c, lambda e: self.h(e, profondeur - 1)) for c in self.premiers(s, candidats))

    def premiers(self, s: dict, candidats: list[str]) -> list[str]:
        return sorted(candidats, key=lambda c: (self.coup(s, c, self.h0), _DONNEES[c]["cout"]))[:self.largeur]

    def meilleur(self, s: dict, candidats: list[str]) -> str:
        notes = {c: self.coup(s, c, lambda e: self.h(e, self.profondeur - 1)) for c in self.premiers(s, candidats)}
        meilleure = min(notes.values())
        # à quasi-égalité, l'ordre d'un entretien (questions.yaml), puis le moins coûteux
        proches = [c for c, n in notes.items() if n <= meilleure + TOLERANCE]
        return min(proches, key=lambda c: (_ORDRE[c], _DONNEES[c]["cout"]))


def question(champ: str, langue: str = "fr") -> dict:
    """La question d'un champ, au format du contrat (docs/architecture.md), plus `reformulation_tiers` et, pour
    une question à nombre, `boutons` (droits/fourchettes.yaml : valeur exacte, fourchette ou « je ne sais pas »)."""
    texte = questions(langue)[champ]
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
    cles = ("question", "question_tiers", "reformulation", "reformulation_tiers")
    sortie = {"champ": champ, "type": spec["type"]}
    sortie.update({cle: expliquer_sigles([texte[cle]], langue)[0] for cle in cles})
    sortie["choix"] = choix
    sortie["boutons"] = boutons(champ, langue)
    return sortie


def question_groupee(nom: str, langue: str = "fr") -> dict:
    """Une question qui demande plusieurs faits en un appui : le champ est le premier fait (contrat de
    `question`), `aussi` nomme les autres ; chaque bouton porte `valeur` (du champ) et `faits` (les autres,
    seulement ceux qu'il dit : « En couple avec enfants » ne dit pas combien). `oui_non` faux : un « oui » ou
    un « non » tapé ne répond pas à « Avec qui vivez-vous ? »."""
    champ, *autres = GROUPEES[nom]
    texte = questions_communes(langue)[nom]
    sortie = question(champ, langue)
    cles = ("question", "question_tiers", "reformulation", "reformulation_tiers")
    sortie.update({cle: expliquer_sigles([texte[cle]], langue)[0] for cle in cles})
    sortie["choix"] = None
    sortie["boutons"] = [{"libelle": b["libelle"], "valeur": b["faits"][champ],
                          "faits": {c: v for c, v in b["faits"].items() if c != champ}} for b in texte["boutons"]]
    sortie["aussi"] = list(autres)
    sortie["groupe"] = nom
    sortie["oui_non"] = False
    return sortie


def _groupee(champ: str, candidats: list[str], langue: str = "fr") -> dict | None:
    for nom, champs in GROUPEES.items():
        if champ in champs and set(champs) <= set(candidats):
            return question_groupee(nom, langue)
    return None


def _avec_fourchette(q: dict, s: dict, langue: str = "fr") -> dict:
    """Le champ a déjà une réponse en fourchette qui ne suffit pas : on demande le nombre exact, une fois."""
    bornes = fourchettes_actives(s).get(q["champ"])
    if bornes is not None:
        q["fourchette"] = list(bornes)
        precision = questions_communes(langue)["precision"]
        q["precision"], q["precision_tiers"] = expliquer_sigles([precision["question"], precision["question_tiers"]],
                                                                langue)
    return q


def _question_du_lieu(decisions: Mapping, droits: tuple[str, ...], ignorer: frozenset, s: dict,
                      langue: str = "fr") -> dict | None:
    """Les verdicts sont décidés : l'arrondissement est demandé seulement s'il change le lieu à montrer
    (l'EPS de l'arrondissement, le lieu le plus proche) et que la personne vit à Paris."""
    if "arrondissement" in ignorer or s.get("vit_a_paris") is False:
        return None
    natures = [lieu for d in droits if decisions[d].valeur is not False for lieu in decisions[d].lieux]
    if natures and arrondissement_utile(natures, s):
        return question("arrondissement", langue)
    return None


def prochaine_question(situation: Mapping, droits: Iterable[str] = DROITS, ignorer: Iterable[str] = (), date: Any = None,
                       montants: bool = True, groupees: bool = False, langue: str = "fr") -> dict | None:
    """La question qui mène au verdict en le moins de questions. `montants=False` : seulement les faits qui
    changent un statut ; ceux qui ne changent qu'un montant ne sont pas demandés (la conversation : le verdict
    dit la fourchette, la CAF calcule le montant exact). `groupees=True` : le couple et les enfants, s'ils
    manquent tous les deux, sont demandés par une seule question (`question_groupee`)."""
    droits, ignorer = _droits(droits), _ignorer(ignorer)
    langue = lire_langue(langue)
    b, s, decisions = decider(situation, date, "vous", droits)
    candidats = [c for c in _manquants({d: decisions[d] for d in droits}, montants) if c not in ignorer and c not in s]
    if not candidats:
        return _question_du_lieu(decisions, droits, ignorer, s, langue)
    if len(candidats) == 1:
        return _avec_fourchette(question(candidats[0], langue), s, langue)
    recherche = _Recherche(b, droits, ignorer, PROFONDEUR, LARGEUR, montants)
    champ = recherche.meilleur(s, candidats)
    groupee = _groupee(champ, candidats, langue) if groupees and not fourchettes_actives(s).get(champ) else None
    return groupee or _avec_fourchette(question(champ, langue), s, langue)

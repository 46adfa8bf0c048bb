"""Boutons de réponse des questions à nombre (droits/fourchettes.yaml) et évaluation d'une réponse en fourchette.

    from droits.fourchettes import BOUTONS, boutons, libelle
    boutons("ressources_mensuelles")   # [{"libelle": "Rien", "valeur": 0}, {"libelle": "Moins de 300 €", "fourchette": [0, 300]}, ...]

Une fourchette est donnée par `fourchettes: {champ: [min, max]}` dans la situation (bouton « 300 à 650 € »).
Les règles sont monotones dans chaque champ numérique : `evaluer` les applique aux coins (chaque combinaison des
bornes). Tous les coins donnent le même statut : c'est le statut, le montant est une fourchette. Sinon :
« à vérifier », la raison nomme la fourchette, et le champ reste un `manquant` pour demander le nombre exact.
"""
from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Iterable, Mapping

import yaml

from .regles.logique import Critere, Decision, inconnu
from .situation import CHAMPS, FOURCHETTES
from .textes import Variable

_FICHIER = Path(__file__).parent / "fourchettes.yaml"


class BoutonsInvalides(ValueError):
    pass


def _charger() -> Mapping[str, tuple]:
    brut = yaml.safe_load(_FICHIER.read_text(encoding="utf-8"))
    sortie = {}
    for champ, liste in brut.items():
        spec = CHAMPS.get(champ)
        if spec is None or spec["type"] not in ("entier", "nombre"):
            raise BoutonsInvalides(f"fourchettes.yaml : {champ} n'est pas un champ numérique de la situation")
        boutons = []
        for b in liste:
            if len(b["libelle"]) > 25:
                raise BoutonsInvalides(f"fourchettes.yaml : libellé trop long pour {champ} : {b['libelle']!r}")
            if b.get("ne_sait_pas"):
                boutons.append(MappingProxyType({"libelle": b["libelle"], "ne_sait_pas": True}))
                continue
            if "valeur" in b:
                valeurs = [b["valeur"]]
                bouton = {"libelle": b["libelle"], "valeur": b["valeur"]}
            else:
                if champ not in CHAMPS[FOURCHETTES]["choix"]:
                    raise BoutonsInvalides(f"fourchettes.yaml : le schéma n'accepte pas de fourchette pour {champ}")
                valeurs = [b["min"], b["max"]]
                if b["min"] > b["max"]:
                    raise BoutonsInvalides(f"fourchettes.yaml : {champ} {b['libelle']!r} : min > max")
                bouton = {"libelle": b["libelle"], "fourchette": [b["min"], b["max"]]}
            for v in valeurs:
                if (spec["min"] is not None and v < spec["min"]) or (spec["max"] is not None and v > spec["max"]):
                    raise BoutonsInvalides(f"fourchettes.yaml : {champ} {b['libelle']!r} sort des limites du schéma")
            boutons.append(MappingProxyType(bouton))
        sortie[champ] = tuple(boutons)
    return MappingProxyType(sortie)


BOUTONS: Mapping[str, tuple] = _charger()


def _libelles_en(champ: str, langue: str) -> list[str]:
    """Les libellés des boutons de ``champ`` dans ``langue`` (langues/<code>/fourchettes.yaml), dans l'ordre."""
    if langue == "fr":
        return [b["libelle"] for b in BOUTONS[champ]]
    from langues import catalogues
    return [b["libelle"] for b in catalogues.arbre("fourchettes", langue)[champ]]


def boutons(champ: str, langue: str = "fr") -> list[dict] | None:
    """Les boutons d'une question à nombre (copie JSON), ou None si le champ n'en a pas."""
    if champ not in BOUTONS:
        return None
    libelles = _libelles_en(champ, langue)
    return [{k: (list(v) if isinstance(v, tuple) else v) for k, v in b.items()} | {"libelle": lib}
            for b, lib in zip(BOUTONS[champ], libelles)]


def _nombre(x: float) -> str:
    x = int(x) if float(x).is_integer() else x
    return f"{x:,}".replace(",", " ")


def libelle(champ: str, bornes, langue: str = "fr") -> str:
    """Le libellé du bouton de cette fourchette, ou « entre X et Y » s'il n'y en a pas."""
    for b, lib in zip(BOUTONS.get(champ, ()), _libelles_en(champ, langue) if champ in BOUTONS else ()):
        if list(b.get("fourchette", ())) == list(bornes):
            return lib
    if langue == "fr":
        return f"entre {_nombre(bornes[0])} et {_nombre(bornes[1])}"
    return f"{_nombre(bornes[0])} – {_nombre(bornes[1])}"


_GUILLEMETS = {"en": ("“", "”"), "ro": ("„", "”")}


@dataclasses.dataclass(frozen=True)
class LibellesFourchettes(Variable):
    """Les réponses en fourchette de champs (« « 300 à 650 € », « Moins de 3 mois » »), dites dans la langue
    du message (variable ``{libelles}`` des phrases ``commun.fourchette.*``)."""
    fourchettes: tuple[tuple[str, tuple], ...]

    def texte(self, langue: str) -> str:
        ouvre, ferme = _GUILLEMETS.get(langue, ("« ", " »"))
        return ", ".join(f"{ouvre}{libelle(c, b, langue)}{ferme}" for c, b in self.fourchettes)

    def __str__(self) -> str:
        return self.texte("fr")


# --- évaluation aux coins -------------------------------------------------------------------------

def fourchettes_actives(s: dict) -> dict[str, list]:
    """Fourchettes des champs sans valeur exacte (une valeur exacte l'emporte toujours)."""
    return {c: b for c, b in (s.get(FOURCHETTES) or {}).items() if s.get(c) is None}


def coins(s: dict, actives: Mapping[str, list]) -> list[tuple[dict, dict]]:
    """(valeurs des bornes, situation) pour chaque combinaison des bornes des fourchettes actives."""
    base = {k: v for k, v in s.items() if k != FOURCHETTES}
    champs = list(actives)
    bornes = [sorted(set(actives[c])) for c in champs]
    sortie = []
    for valeurs in itertools.product(*bornes):
        coin = dict(zip(champs, valeurs))
        sortie.append((coin, {**base, **coin}))
    return sortie


def decider_aux_coins(s: dict, decider: Callable[[dict], dict[str, Decision]]) -> dict[str, Decision]:
    """Décisions d'une situation qui a des fourchettes : une décision par droit, fusion des coins."""
    actives = fourchettes_actives(s)
    if not actives:
        return decider({k: v for k, v in s.items() if k != FOURCHETTES})
    par_coin = [(coin, decider(situation)) for coin, situation in coins(s, actives)]
    return {droit: fusionner(droit, par_coin, actives) for droit in par_coin[0][1]}


def _cle(c: Critere) -> tuple:
    return (c.texte, c.valeur, tuple(sorted((k, repr(v)) for k, v in c.vars.items())))


def _champs_decisifs(droit: str, par_coin: list, actives: Mapping[str, list],
                     mesure: Callable[[Decision], Any] = lambda d: d.valeur) -> list[str]:
    """Champs dont les deux bornes donnent des statuts (ou, avec `mesure`, des montants) différents, les autres
    bornes étant égales."""
    decisifs = []
    for champ in actives:
        for (c1, d1), (c2, d2) in itertools.combinations(par_coin, 2):
            autres_egaux = all(c1[k] == c2[k] for k in c1 if k != champ)
            if autres_egaux and c1[champ] != c2[champ] and mesure(d1[droit]) != mesure(d2[droit]):
                decisifs.append(champ)
                break
    return decisifs


def _libelles(actives: Mapping[str, list], champs: Iterable[str]) -> LibellesFourchettes:
    """Les réponses en fourchette de ces champs (« « 300 à 650 € », « Moins de 3 mois » ») ; toutes si aucun."""
    choisis = [c for c in champs if c in actives] or list(actives)
    return LibellesFourchettes(tuple((c, tuple(actives[c])) for c in choisis))


def fusionner(droit: str, par_coin: list[tuple[dict, dict[str, Decision]]], actives: Mapping[str, list]) -> Decision:
    decisions = [d[droit] for _, d in par_coin]
    valeurs = {d.valeur for d in decisions}
    if len(valeurs) == 1:
        montants = [m for d in decisions for m in (d.montant_min, d.montant_max) if m is not None]
        rep = min(decisions, key=lambda d: d.montant if d.montant is not None else 0.0)
        if not montants:
            return rep
        bas, haut = min(montants), max(montants)
        par_la_fourchette = len({(d.montant_min, d.montant_max) for d in decisions}) > 1
        resume = rep.resume
        if bas != haut:
            resume = (_cle_fourchette(rep.resume[0]), {"min": bas, "max": haut})
        notes = list(rep.notes)
        if par_la_fourchette:
            # seulement les réponses qui font varier le montant (une phrase courte, FALC)
            utiles = _champs_decisifs(droit, par_coin, actives, lambda d: (d.montant_min, d.montant_max))
            notes.insert(0, ("commun.fourchette.montant", {"libelles": _libelles(actives, utiles)}))
        return dataclasses.replace(rep, resume=resume, notes=notes, montant=bas, montant_min=bas, montant_max=haut,
                                   fourchette=par_la_fourchette)
    # les coins ne donnent pas le même statut : à vérifier, le nombre exact est demandé
    decisifs = _champs_decisifs(droit, par_coin, actives) or list(actives)
    communs = [c for c in decisions[0].criteres
               if all(_cle(c) in {_cle(x) for x in d.criteres} for d in decisions[1:])]
    manquants = tuple(dict.fromkeys(m for d in decisions for m in d.manquants))
    rep = next((d for d in decisions if d.valeur is None), None) or next(d for d in decisions if d.valeur)
    etape = (f"{droit}.etape.a_verifier", {}) if _existe(f"{droit}.etape.a_verifier") else rep.etape
    # seulement les réponses qui empêchent de décider (une phrase courte, FALC)
    critere = inconnu("commun.fourchette.indecise", *decisifs, libelles=_libelles(actives, decisifs))
    return dataclasses.replace(
        rep, valeur=None, criteres=[critere, *communs], resume=(f"{droit}.resume.a_verifier", {}), notes=[],
        montant=None, montant_min=None, montant_max=None, a_preciser=(), manquants_en_plus=manquants,
        etape=etape, fourchette=False)


def _existe(cle: str) -> bool:
    from .textes import TEXTES
    return cle in TEXTES


def _cle_fourchette(cle: str) -> str:
    """« rsa.resume.eligible » → « rsa.resume.eligible_fourchette » si ce texte existe."""
    for candidate in (f"{cle}_fourchette", cle.rsplit("_", 1)[0] + "_fourchette"):
        if _existe(candidate):
            return candidate
    return cle

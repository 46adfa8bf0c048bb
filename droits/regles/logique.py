"""Logique à trois valeurs (vrai, faux, inconnu) pour les critères d'un droit.

Un critère vaut True (rempli), False (pas rempli) ou None (on ne peut pas décider : fait manquant,
règle contestée, plafond non publié). Un droit est `eligible` seulement si tous ses critères sont
vrais : un fait manquant ne donne jamais `eligible`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

Phrase = tuple[str, dict]  # (clé du catalogue droits/textes.yaml, variables)


@dataclass(slots=True)
class Critere:
    valeur: bool | None
    texte: str
    vars: dict = field(default_factory=dict)
    manquants: tuple[str, ...] = ()

    @property
    def phrase(self) -> Phrase:
        return (self.texte, self.vars)


def vrai(texte: str, **vars: Any) -> Critere:
    return Critere(True, texte, vars)


def faux(texte: str, **vars: Any) -> Critere:
    return Critere(False, texte, vars)


def inconnu(texte: str, *manquants: str, **vars: Any) -> Critere:
    return Critere(None, texte, vars, tuple(manquants))


def et(criteres: Iterable[Critere]) -> bool | None:
    """ET de Kleene : faux l'emporte, puis inconnu."""
    valeurs = [c.valeur for c in criteres]
    if False in valeurs:
        return False
    if None in valeurs:
        return None
    return True


def ou(*valeurs: bool | None) -> bool | None:
    """OU de Kleene : vrai l'emporte, puis inconnu."""
    if True in valeurs:
        return True
    if None in valeurs:
        return None
    return False


STATUTS = {True: "eligible", False: "non_eligible", None: "a_verifier"}


@dataclass(slots=True)
class Decision:
    """Décision d'un droit, avant la mise en mots (les textes sont des clés du catalogue).

    `valeur` est donnée par la règle (elle peut combiner plusieurs voies, comme le RSA demandé par l'un ou
    l'autre membre du couple) ; `criteres` sont les critères montrés, dont les inconnus donnent `manquants`.
    `montant_min` / `montant_max` : fourchette du montant quand un fait qui ne change que le montant manque
    (`a_preciser`) ; `montant` en est la plus petite valeur. `etape` : la prochaine chose à faire.
    """

    valeur: bool | None
    criteres: list[Critere]
    resume: Phrase
    montant: float | None = None
    notes: list[Phrase] = field(default_factory=list)
    pieces: list[Phrase] = field(default_factory=list)
    lieux: list[str] = field(default_factory=list)
    references: list[dict] = field(default_factory=list)
    manquants_en_plus: tuple[str, ...] = ()
    montant_min: float | None = None
    montant_max: float | None = None
    a_preciser: tuple[str, ...] = ()
    etape: Phrase | None = None
    fourchette: bool = False  # le montant vient d'une réponse donnée par une fourchette (bouton)
    etape_utile: bool = False  # l'étape d'un « non » qui dit quoi faire maintenant (se soigner à la PASS)

    @property
    def statut(self) -> str:
        return STATUTS[self.valeur]

    @property
    def manquants(self) -> list[str]:
        """Faits qui peuvent encore changer le verdict (aucun quand un critère est déjà faux)."""
        if self.valeur is not None:
            return []
        vus: dict[str, None] = {}
        for c in self.criteres:
            if c.valeur is None:
                for m in c.manquants:
                    vus.setdefault(m, None)
        for m in self.manquants_en_plus:
            vus.setdefault(m, None)
        return list(vus)

    @property
    def raisons(self) -> list[Phrase]:
        """Une phrase par critère, la raison qui décide d'abord : ce qui échoue, puis ce qui reste à vérifier,
        puis ce qui est rempli ; les inconnus sont tus quand un critère échoue ; les notes à la fin."""
        garder = [c for c in self.criteres if self.valeur is not False or c.valeur is not None]
        rang = {False: 0, None: 1, True: 2}
        garder.sort(key=lambda c: rang[c.valeur])
        return [c.phrase for c in garder] + self.notes

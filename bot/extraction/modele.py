"""Les objets échangés : ``Extraction`` (le résultat public) et ``Constat`` (un fait repéré)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Extraction:
    """Ce qu'un message dit de la situation.

    - ``faits`` : champs du vocabulaire de la situation (issue 2 §2), valeurs validées ;
    - ``inconnus`` : champs que la personne dit ne pas connaître (« je sais pas combien je touche ») ;
    - ``ne_sait_pas`` : le message dit « je ne sais pas » (sans forcément nommer le champ) ;
    - ``forme`` : ``"vous"`` (la personne parle d'elle), ``"il"`` / ``"elle"`` (un aidant parle
      d'une autre personne), ``None`` (aucun indice) ;
    - ``negation_de`` : valeurs niées sans valeur de remplacement (« je suis pas français » ->
      ``{"nationalite": ["francaise"]}``) ; utile pour ne pas reposer une question à l'identique ;
    - ``correction`` : le message corrige une réponse précédente (« non en fait j'ai 35 ans ») ;
    - ``arrondissement`` : l'arrondissement de Paris où la personne vit ou dort, s'il est dit ;
    - ``alertes`` : catégories de sécurité dites n'importe où dans le message (``violence``, ``suicide``,
      ``enfant_danger``, ``urgence_medicale``, ``froid_dehors``), voir ``alertes_motifs.py`` ;
    - ``interroge`` : le message pose une question (« le RSA c'est combien ? », « est-ce que j'ai droit... ») ;
      aucun fait n'est tiré d'une phrase interrogative, ni une réponse courte d'un message qui en contient une.
    """

    faits: dict[str, Any] = field(default_factory=dict)
    inconnus: list[str] = field(default_factory=list)
    ne_sait_pas: bool = False
    forme: str | None = None
    negation_de: dict[str, list[Any]] = field(default_factory=dict)
    correction: bool = False
    arrondissement: int | None = None
    alertes: list[str] = field(default_factory=list)
    interroge: bool = False

    def __bool__(self) -> bool:
        return bool(self.faits or self.inconnus or self.ne_sait_pas)


@dataclass
class Constat:
    """Un fait repéré à une position du texte normalisé, avant le tri par sujet et la fusion."""

    champ: str
    valeur: Any
    pos: int
    poids: int = 1          # à poids égal, la dernière mention gagne ; sinon le plus fort
    nie: bool = False        # valeur niée (« pas français ») : va dans ``negation_de``
    force: bool = False      # le motif désigne lui-même la personne (« un homme de 50 ans »)

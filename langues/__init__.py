"""Les langues de l'assistant (issue 13) : la liste (langues.yaml) et les catalogues de textes.

Le français est la langue source : ses textes restent où ils sont écrits (droits/textes.yaml,
bot/actions/textes.yml, domain/, bot/passerelle/textes.yml, rdv/textes.yml...). Chaque autre langue a
un fichier par catalogue, ``langues/<code>/<catalogue>.yaml``, qui reprend la même structure avec
seulement les textes traduits. Un texte absent d'une traduction est dit en français, et journalisé
(la clé seulement, jamais un message de personne). Voir ``langues/catalogues.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

DOSSIER = Path(__file__).parent
RACINE_DOCS = DOSSIER.parent / "docs"
DEFAUT = "fr"


@dataclass(frozen=True)
class Langue:
    code: str
    nom: str
    nom_fr: str
    sens: str
    codes: tuple[str, ...]
    voix: str | None
    langue_bcp47: str

    @property
    def rtl(self) -> bool:
        return self.sens == "rtl"


@cache
def _langues() -> tuple[Langue, ...]:
    brut = yaml.safe_load((DOSSIER / "langues.yaml").read_text(encoding="utf-8"))["langues"]
    return tuple(Langue(**{**e, "codes": tuple(e["codes"])}) for e in brut)


LANGUES: tuple[Langue, ...] = _langues()
CODES: tuple[str, ...] = tuple(l.code for l in LANGUES)
PAR_CODE: dict[str, Langue] = {l.code: l for l in LANGUES}


def normaliser(code: object) -> str | None:
    """Le code d'une langue de l'assistant pour ``code`` (« en-GB » → en, « fa » → prs), sinon None."""
    if not isinstance(code, str) or not code.strip():
        return None
    c = code.strip().lower().replace("_", "-")
    for langue in LANGUES:
        if c == langue.code or c in langue.codes:
            return langue.code
    base = c.split("-")[0]
    for langue in LANGUES:
        if base == langue.code or base in langue.codes:
            return langue.code
    return None


def ou_defaut(code: object) -> str:
    """``normaliser(code)``, ou le français."""
    return normaliser(code) or DEFAUT


def est_rtl(code: str) -> bool:
    langue = PAR_CODE.get(code)
    return bool(langue and langue.rtl)

"""Références juridiques d'un droit : textes fixes (registre des droits, droits/registre.yaml) et références
datées des paramètres utilisés (celles de la valeur en vigueur à la date d'évaluation)."""
from __future__ import annotations

from functools import lru_cache

from .. import registre
from ..parametres import Bareme


@lru_cache(maxsize=512)
def _refs(date, droit: str) -> tuple:
    from ..parametres import au

    b = au(date)
    spec = registre.references(droit)
    vus, sortie = set(), []
    for ref in spec.get("textes", []):
        if ref["url"] not in vus:
            vus.add(ref["url"])
            sortie.append({"titre": ref["titre"], "url": ref["url"]})
    for nom in spec.get("parametres", []):
        for ref in b.references(nom):
            if ref["href"] not in vus:
                vus.add(ref["href"])
                sortie.append({"titre": ref["title"], "url": ref["href"]})
    return tuple(sortie)


def refs(b: Bareme, droit: str) -> list[dict]:
    return [dict(r) for r in _refs(b.date, droit)]

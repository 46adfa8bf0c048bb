"""Les règles des droits du registre (droits/registre.yaml) : une fonction par notion du droit, qui cite son article.

Chaque droit `<id>` du registre a son module `droits/regles/<id>.py`, qui définit la fonction
`<id>(b, s, forme, avant)` : `b` le barème à la date, `s` la situation normalisée, `forme` vous / il / elle,
`avant` les décisions déjà prises des droits dont il dépend (`depend_de` dans le registre).
"""
from importlib import import_module
from types import MappingProxyType

from .. import registre
from .rdv_droits import rendez_vous_des_droits

REGLES = MappingProxyType({d.id: getattr(import_module(f".{d.id}", __name__), d.id) for d in registre.DROITS})

__all__ = ["REGLES", "rendez_vous_des_droits"]

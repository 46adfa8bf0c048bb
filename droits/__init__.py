"""Moteur de règles des droits du registre (droits/registre.yaml ; issues 2 et 12, docs/architecture.md).

    from droits import evaluer, prochaine_question, valider_situation, SituationInvalide, DROITS, CHAMPS
    from droits import registre   # la liste des droits : sigles, noms, intentions, pictogrammes (en_json())
"""
from .moteur import DROITS, evaluer
from .questions import prochaine_question
from .situation import CHAMPS, SituationInvalide, valider_situation

__all__ = ["evaluer", "prochaine_question", "valider_situation", "SituationInvalide", "DROITS", "CHAMPS"]

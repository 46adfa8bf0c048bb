"""Moteur de règles : AME, RSA, FSL de Paris et domiciliation (issue 2, docs/architecture.md).

    from droits import evaluer, prochaine_question, valider_situation, SituationInvalide, DROITS, CHAMPS
"""
from .moteur import DROITS, evaluer
from .questions import prochaine_question
from .situation import CHAMPS, SituationInvalide, valider_situation

__all__ = ["evaluer", "prochaine_question", "valider_situation", "SituationInvalide", "DROITS", "CHAMPS"]

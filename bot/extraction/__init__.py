"""Faits de la situation tirés du français libre (SMS, oral, aidants) : ``extraire_faits``.

API (contrat, voir ``docs/architecture.md``) :

    from bot.extraction import extraire_faits, interpreter_reponse
    ext = extraire_faits("jsui malien g 34 ans je dors chez un pote")
    ext.faits      # {"age": 34, "nationalite": "hors_ue", "logement": "heberge_gratuitement"}
    ext.inconnus   # champs que la personne dit ne pas connaître
    ext.ne_sait_pas, ext.forme ("vous" | "il" | "elle" | None), ext.negation_de, ext.correction
    interpreter_reponse("age", "34")          # 34
    interpreter_reponse("enceinte", "nan")    # False
    analyser_reponse("age", "je sais pas")    # Reponse(valeur=None, ne_sait_pas=True, ...)

Modules : ``normalisation`` (accents, SMS, nombres avec text2num), ``lexique`` (mots, pays,
nationalités, lieux), ``nombres`` (durées, dates), ``analyse`` (propositions, sujets, forme),
``identite`` / ``foyer`` / ``argent`` / ``logement`` (les faits), ``incertitude`` (« je ne sais
pas », corrections), ``vocabulaire`` (validation), ``faits`` (assemblage), ``reponses``.
"""
from .faits import extraire_faits
from .modele import Extraction
from .normalisation import normaliser
from .reponses import Reponse, analyser_reponse, interpreter_reponse, oui_non
from .vocabulaire import CHAMPS

__all__ = ["CHAMPS", "Extraction", "Reponse", "analyser_reponse", "extraire_faits", "interpreter_reponse",
           "normaliser", "oui_non"]

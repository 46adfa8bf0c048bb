"""Les règles des quatre droits : une fonction par notion du droit, qui cite son article."""
from .ame import ame
from .domiciliation import domiciliation
from .fsl import fsl
from .rdv_droits import rendez_vous_des_droits
from .rsa import rsa

REGLES = {"ame": ame, "rsa": rsa, "fsl": fsl, "domiciliation": domiciliation}

__all__ = ["REGLES", "rendez_vous_des_droits"]

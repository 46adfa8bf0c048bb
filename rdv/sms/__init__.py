"""SMS : alphabet GSM-7 et expéditeurs (console par défaut, Twilio REST, mémoire pour les tests)."""
from rdv.sms.expediteurs import (
    ConsoleSender,
    EnvoiIncertain,
    EnvoiRefuse,
    EnvoiTemporaire,
    Expediteur,
    MemoireSender,
    ResultatEnvoi,
    TwilioSender,
    expediteur_depuis_env,
)
from rdv.sms.gsm7 import is_gsm7, longueur_gsm7, segments, tient_en_un_sms, to_gsm7

__all__ = [
    "ConsoleSender", "EnvoiIncertain", "EnvoiRefuse", "EnvoiTemporaire", "Expediteur",
    "MemoireSender", "ResultatEnvoi", "TwilioSender", "expediteur_depuis_env", "is_gsm7",
    "longueur_gsm7", "segments", "tient_en_un_sms", "to_gsm7",
]

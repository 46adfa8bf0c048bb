"""Journalisation sans secrets : ni jeton Telegram, ni texte, ni numéro (seulement des pseudonymes)."""

from __future__ import annotations

import contextvars
import json
import logging
import time

# Identifiant de la requête HTTP en cours (posé par la garde), écrit dans chaque ligne du journal JSON.
ID_REQUETE: contextvars.ContextVar[str] = contextvars.ContextVar("id_requete", default="")


class FiltreSecrets(logging.Filter):
    """Remplace les secrets connus par « *** » dans tout message journalisé."""

    def __init__(self, secrets: list[str]):
        super().__init__()
        self.secrets = [s for s in secrets if s and len(s) >= 8]

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        try:
            message = record.getMessage()
        except Exception:
            return True
        if any(s in message for s in self.secrets):
            for s in self.secrets:
                message = message.replace(s, "***")
            record.msg, record.args = message, None
        return True


_FILTRE = FiltreSecrets([])


class FormatJson(logging.Formatter):
    """Une ligne JSON par événement : heure, niveau, module, message, identifiant de requête.
    Le message passe d'abord par le filtre des secrets ; il ne contient ni texte ni numéro (règle du
    projet : seulement des pseudonymes et des nombres)."""

    def format(self, record: logging.LogRecord) -> str:
        ligne = {
            "t": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "niveau": record.levelname,
            "module": record.name,
            "message": record.getMessage(),
        }
        requete = ID_REQUETE.get()
        if requete:
            ligne["requete"] = requete
        if record.exc_info:
            ligne["exception"] = record.exc_info[0].__name__ if record.exc_info[0] else ""
        return json.dumps(ligne, ensure_ascii=False)


def configurer(niveau: str, secrets: list[str], format_: str = "texte") -> FiltreSecrets:
    """Réduit au silence les loggers bavards et pose un filtre unique (secrets ajoutés) sur les
    loggers et gestionnaires existants."""
    # httpx (et urllib3) journalisent chaque URL en INFO ; l'URL de l'API Telegram contient le jeton
    # du bot, celle de l'API de Rasa le jeton RASA_JETON (?token=...).
    for nom in ("httpx", "httpcore", "urllib3", "telegram.request", "hpack"):
        logging.getLogger(nom).setLevel(logging.WARNING)
    logging.getLogger("passerelle").setLevel(getattr(logging, niveau, logging.INFO))
    for secret in secrets:
        if secret and len(secret) >= 8 and secret not in _FILTRE.secrets:
            _FILTRE.secrets.append(secret)
    for nom in ("", "uvicorn", "uvicorn.error", "uvicorn.access", "telegram", "telegram.ext", "passerelle"):
        lg = logging.getLogger(nom)
        if _FILTRE not in lg.filters:
            lg.addFilter(_FILTRE)
        for gestionnaire in lg.handlers:
            if _FILTRE not in gestionnaire.filters:
                gestionnaire.addFilter(_FILTRE)
            if format_ == "json" and not isinstance(gestionnaire.formatter, FormatJson):
                gestionnaire.setFormatter(FormatJson())
    return _FILTRE

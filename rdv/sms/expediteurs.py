"""Expéditeurs de SMS interchangeables.

Contrat d'un expéditeur :
- ``envoyer(destinataire, texte, reference)`` → ``ResultatEnvoi`` ; lève ``EnvoiRefuse`` (refus
  définitif : numéro invalide…), ``EnvoiTemporaire`` (rien n'est parti, on peut réessayer) ou
  ``EnvoiIncertain`` (le message est peut-être parti : ne pas renvoyer sans vérifier) ;
- ``retrouver(destinataire, texte, depuis)`` → identifiant du message s'il a bien été accepté,
  None s'il ne l'a pas été ; ``NotImplementedError`` si l'expéditeur ne sait pas le dire ;
- ``statut(id_fournisseur)`` → état de remise (queued, sent, delivered, failed…) ou None.

Aucun expéditeur ne journalise un numéro en clair ni le texte d'un SMS.
"""
from __future__ import annotations

import logging
import os
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential

from rdv.telephone import masquer

log = logging.getLogger("rdv.sms")


@dataclass(frozen=True)
class ResultatEnvoi:
    id_fournisseur: str
    statut: str = "accepted"


class EnvoiRefuse(Exception):
    """Refus définitif : ne pas réessayer."""


class EnvoiTemporaire(Exception):
    """Le message n'est pas parti ; un nouvel essai plus tard est sans risque."""


class EnvoiIncertain(Exception):
    """Le message est peut-être parti : ne pas renvoyer avant d'avoir vérifié."""


class Expediteur(Protocol):
    nom: str

    def envoyer(self, destinataire: str, texte: str, reference: str) -> ResultatEnvoi: ...

    def retrouver(self, destinataire: str, texte: str, depuis: datetime) -> str | None: ...

    def statut(self, id_fournisseur: str) -> str | None: ...


class ConsoleSender:
    """Expéditeur par défaut (développement) : n'envoie rien, journalise le numéro masqué et
    l'identifiant du message, jamais le texte."""

    nom = "console"

    def envoyer(self, destinataire: str, texte: str, reference: str) -> ResultatEnvoi:
        ident = f"console-{uuid.uuid4().hex[:16]}"
        log.info("SMS %s (%s) vers %s, %d caractères", ident, reference, masquer(destinataire), len(texte))
        return ResultatEnvoi(ident, "sent")

    def retrouver(self, destinataire: str, texte: str, depuis: datetime) -> str | None:
        raise NotImplementedError("la console ne garde pas trace des envois")

    def statut(self, id_fournisseur: str) -> str | None:
        return None


@dataclass
class MemoireSender:
    """Expéditeur de test : garde les messages en mémoire, sait les retrouver, et peut simuler
    des pannes (``pannes`` : liste d'exceptions à lever, une par appel, avant de réussir)."""

    nom: str = "memoire"
    envoyes: list[dict] = field(default_factory=list)
    pannes: list[Exception] = field(default_factory=list)
    horloge: object = None

    def envoyer(self, destinataire: str, texte: str, reference: str) -> ResultatEnvoi:
        if self.pannes:
            raise self.pannes.pop(0)
        ident = f"mem-{len(self.envoyes) + 1}"
        quand = self.horloge() if callable(self.horloge) else None
        self.envoyes.append({"id": ident, "a": destinataire, "texte": texte,
                             "reference": reference, "le": quand})
        return ResultatEnvoi(ident, "sent")

    def retrouver(self, destinataire: str, texte: str, depuis: datetime) -> str | None:
        for m in reversed(self.envoyes):
            if m["a"] == destinataire and m["texte"] == texte:
                return m["id"]
        return None

    def statut(self, id_fournisseur: str) -> str | None:
        return "delivered" if any(m["id"] == id_fournisseur for m in self.envoyes) else None


def _erreur_connexion_sans_envoi(e: BaseException) -> bool:
    """Vrai si la requête n'a sûrement pas atteint Twilio (connexion refusée, DNS, délai de
    connexion). Une coupure après l'envoi de la requête reste « incertaine »."""
    import requests

    if isinstance(e, requests.exceptions.ConnectTimeout):
        return True
    if isinstance(e, requests.exceptions.ConnectionError):
        texte = repr(e)
        return any(m in texte for m in ("NewConnectionError", "NameResolutionError",
                                        "Failed to resolve", "Connection refused"))
    return False


class TwilioSender:
    """Envoi réel par l'API REST de Twilio (paquet ``twilio``).

    Configuration : ``TWILIO_ACCOUNT_SID``, ``TWILIO_AUTH_TOKEN``, ``TWILIO_FROM`` (numéro E.164
    ou identifiant de Messaging Service « MG… »), et en option ``TWILIO_STATUS_CALLBACK`` (URL
    de la passerelle qui reçoit les accusés de remise).

    Nouvel essai avec attente exponentielle (tenacity) seulement quand l'envoi n'a sûrement pas
    eu lieu : HTTP 429, HTTP 503, connexion impossible. Une erreur 5xx ou une coupure pendant la
    réponse lève ``EnvoiIncertain`` : le relanceur vérifie avant de renvoyer.
    """

    nom = "twilio"
    ETATS_FINAUX = frozenset({"delivered", "undelivered", "failed", "canceled", "read"})

    def __init__(self, account_sid: str, auth_token: str, expediteur: str, *,
                 status_callback: str | None = None, client=None, essais: int = 4,
                 attente_max: float = 20.0, attente_min: float = 1.0):
        from twilio.rest import Client

        # Le client HTTP de Twilio journalise les paramètres des requêtes (dont « To ») au
        # niveau INFO : on le fait taire pour ne jamais écrire un numéro dans les journaux.
        logging.getLogger("twilio.http_client").setLevel(logging.WARNING)
        self.client = client or Client(account_sid, auth_token)
        self.expediteur = expediteur
        self.status_callback = status_callback
        self._essais = Retrying(
            stop=stop_after_attempt(essais),
            wait=wait_exponential(multiplier=attente_min, min=attente_min, max=attente_max),
            retry=retry_if_exception_type(EnvoiTemporaire),
            reraise=True,
        )

    @classmethod
    def depuis_env(cls, **options) -> TwilioSender:
        manquants = [v for v in ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM")
                     if not os.environ.get(v)]
        if manquants:
            raise RuntimeError(f"Variables manquantes pour Twilio : {', '.join(manquants)}")
        return cls(os.environ["TWILIO_ACCOUNT_SID"], os.environ["TWILIO_AUTH_TOKEN"],
                   os.environ["TWILIO_FROM"],
                   status_callback=os.environ.get("TWILIO_STATUS_CALLBACK") or None, **options)

    def _un_envoi(self, destinataire: str, texte: str) -> ResultatEnvoi:
        from twilio.base.exceptions import TwilioRestException

        options = {"to": destinataire, "body": texte}
        if self.expediteur.startswith("MG"):
            options["messaging_service_sid"] = self.expediteur
        else:
            options["from_"] = self.expediteur
        if self.status_callback:
            options["status_callback"] = self.status_callback
        try:
            message = self.client.messages.create(**options)
        except TwilioRestException as e:
            if e.status in (429, 503):
                raise EnvoiTemporaire(f"twilio HTTP {e.status}") from None
            if 400 <= e.status < 500:
                raise EnvoiRefuse(f"twilio HTTP {e.status} code {e.code}") from None
            raise EnvoiIncertain(f"twilio HTTP {e.status}") from None
        except Exception as e:  # réseau (requests)
            if _erreur_connexion_sans_envoi(e):
                raise EnvoiTemporaire(type(e).__name__) from None
            raise EnvoiIncertain(type(e).__name__) from None
        return ResultatEnvoi(message.sid, message.status or "queued")

    def envoyer(self, destinataire: str, texte: str, reference: str) -> ResultatEnvoi:
        resultat = self._essais(self._un_envoi, destinataire, texte)
        log.info("SMS %s (%s) accepté par Twilio vers %s", resultat.id_fournisseur, reference,
                 masquer(destinataire))
        return resultat

    def retrouver(self, destinataire: str, texte: str, depuis: datetime) -> str | None:
        """Cherche parmi les derniers messages vers ce numéro celui qui a ce texte."""
        limite = depuis - timedelta(minutes=5)
        for m in self.client.messages.list(to=destinataire, limit=50):
            cree = m.date_created
            if m.body == texte and (cree is None or cree >= limite):
                return m.sid
        return None

    def statut(self, id_fournisseur: str) -> str | None:
        return self.client.messages(id_fournisseur).fetch().status


def expediteur_depuis_env() -> Expediteur:
    """``SMS_EXPEDITEUR`` = console (défaut) ou twilio. Sans ``SMS_EXPEDITEUR``, Twilio est
    choisi si ses trois variables sont définies."""
    choix = (os.environ.get("SMS_EXPEDITEUR") or "").strip().lower()
    if not choix:
        complet = all(os.environ.get(v) for v in ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM"))
        choix = "twilio" if complet else "console"
    if choix == "twilio":
        return TwilioSender.depuis_env()
    if choix == "console":
        return ConsoleSender()
    raise RuntimeError(f"SMS_EXPEDITEUR inconnu : {choix} (console ou twilio)")

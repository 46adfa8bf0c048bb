"""Lien avec le service de rendez-vous (``rdv/``, module d'une autre équipe), toujours gardé :
si ``rdv`` manque ou échoue, les canaux répondent un message clair au lieu de planter."""

from __future__ import annotations

import asyncio
import logging

from bot.passerelle import textes

log = logging.getLogger("passerelle.rdv")


def charger_service(database_url: str, **options):
    """Construit ``rdv.service.ServiceRdv`` sur ``database_url`` et le donne au routeur ``rdv.api``
    (``options`` : ``frein``, ``cle_conversation``, voir ``rdv.api.configurer``)."""
    try:
        from rdv.service import ServiceRdv  # type: ignore
    except Exception as exc:  # ImportError tant que rdv/ n'a pas atterri
        log.info("service rdv absent (%s)", type(exc).__name__)
        return None
    try:
        service = ServiceRdv(database_url)
    except Exception as exc:
        log.warning("service rdv non construit (%s)", type(exc).__name__)
        return None
    try:
        from rdv import api as rdv_api  # type: ignore

        rdv_api.configurer(service, **options)
    except Exception as exc:  # pragma: no cover
        log.info("routeur rdv non configuré (%s)", type(exc).__name__)
    return service


def moteur(service):
    """Le moteur SQLAlchemy du service (pour /healthz), ou None."""
    sessions = getattr(service, "sessions", None)
    return getattr(sessions, "kw", {}).get("bind") if sessions is not None else None


def _message_erreur(exc: Exception) -> str:
    return getattr(exc, "fr", "") or ""


async def annuler_par_sms(service, code: str, telephone: str) -> str | None:
    """« ANNULER K7P-4QX » par SMS : annule tout de suite si le rendez-vous a ce numéro (réponse à un
    rappel). None si le code ne va pas avec ce numéro : la conversation prend le relais (elle
    cherche le code et demande de confirmer)."""
    texte = await annuler(service, code, telephone=telephone)
    return None if texte == textes.SMS_ANNULER_INCONNU.format(code=code) else texte


async def annuler(service, code: str, telephone: str | None = None) -> str:
    """Annule par code (le numéro doit être celui du rendez-vous) ; rend le texte à envoyer."""
    if service is None or not callable(getattr(service, "annuler", None)):
        return textes.RDV_INDISPONIBLE
    try:
        await asyncio.to_thread(service.annuler, code, telephone=telephone)
    except Exception as exc:
        nom = type(exc).__name__
        log.info("annulation refusée (%s)", nom)
        if nom == "CodeInconnu":
            return textes.SMS_ANNULER_INCONNU.format(code=code)
        message = _message_erreur(exc)
        if message:
            return textes.SMS_ANNULER_REFUS.format(raison=message)
        return textes.RDV_INDISPONIBLE
    return textes.SMS_ANNULER_OK.format(code=code)


async def supprimer(service, *, telephone: str | None = None, pseudonyme: str | None = None) -> dict | None:
    """Efface les rendez-vous, résumés et SMS de cette personne (pseudonyme et/ou numéro)."""
    f = getattr(service, "supprimer_donnees", None) if service is not None else None
    if not callable(f) or not (telephone or pseudonyme):
        return None
    try:
        return await asyncio.to_thread(f, expediteur=pseudonyme, telephone=telephone)
    except Exception as exc:
        if telephone and type(exc).__name__ == "TelephoneInvalide" and pseudonyme:
            try:
                return await asyncio.to_thread(f, expediteur=pseudonyme)
            except Exception as exc2:
                exc = exc2
        log.warning("effacement rdv impossible (%s)", type(exc).__name__)
        return None


async def confirmer_par_sms(service, telephone: str, texte: str) -> bool:
    """Le SMS renvoie le code à 6 chiffres qui confirme le numéro d'un rendez-vous (issue 14)."""
    f = getattr(service, "confirmer_par_sms", None) if service is not None else None
    if not callable(f) or len(texte or "") > 20:
        return False
    try:
        return await asyncio.to_thread(f, telephone, texte) is not None
    except Exception as exc:
        log.warning("confirmation du numéro impossible (%s)", type(exc).__name__)
        return False

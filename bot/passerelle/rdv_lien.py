"""Lien avec le service de rendez-vous (``rdv/``, module d'une autre équipe), toujours gardé :
si ``rdv`` manque ou échoue, les canaux répondent un message clair au lieu de planter."""

from __future__ import annotations

import asyncio
import inspect
import logging

from bot.passerelle import textes

log = logging.getLogger("passerelle.rdv")


def charger_service(database_url: str):
    """Construit ``rdv.service.ServiceRdv`` si le module est là ; sinon None."""
    try:
        from rdv.service import ServiceRdv  # type: ignore
    except Exception as exc:  # ImportError tant que rdv/ n'a pas atterri
        log.info("service rdv absent (%s)", type(exc).__name__)
        return None
    for fabrique in ("depuis_url", "depuis_env", "creer"):
        f = getattr(ServiceRdv, fabrique, None)
        if callable(f):
            try:
                return f(database_url) if fabrique == "depuis_url" else f()
            except Exception as exc:
                log.warning("service rdv non construit (%s)", type(exc).__name__)
                return None
    try:
        from sqlalchemy import create_engine

        return ServiceRdv(create_engine(database_url))
    except Exception as exc:
        log.warning("service rdv non construit (%s)", type(exc).__name__)
        return None


async def _appeler(f, *args, **kwargs):
    if inspect.iscoroutinefunction(f):
        return await f(*args, **kwargs)
    return await asyncio.to_thread(f, *args, **kwargs)


async def annuler(service, code: str) -> str:
    """Annule par code ; rend le texte à envoyer (FALC, avant GSM-7)."""
    if service is None or not callable(getattr(service, "annuler", None)):
        return textes.RDV_INDISPONIBLE
    try:
        await _appeler(service.annuler, code)
    except LookupError:
        return textes.SMS_ANNULER_INCONNU.format(code=code)
    except Exception as exc:
        nom = type(exc).__name__
        message = str(exc) if isinstance(exc, ValueError) else ""
        if "Introuvable" in nom or "Inconnu" in nom:
            return textes.SMS_ANNULER_INCONNU.format(code=code)
        log.info("annulation refusée (%s)", nom)
        if message:
            return textes.SMS_ANNULER_REFUS.format(raison=message)
        return textes.RDV_INDISPONIBLE
    return textes.SMS_ANNULER_OK.format(code=code)


async def supprimer(service, *, telephone: str | None = None, pseudonyme: str | None = None) -> bool:
    """Efface les rendez-vous et SMS en attente de cette personne, si le service le permet."""
    f = getattr(service, "supprimer_par_expediteur", None) if service is not None else None
    if not callable(f):
        return False
    try:
        parametres = inspect.signature(f).parameters
        kwargs = {}
        if "telephone" in parametres and telephone:
            kwargs["telephone"] = telephone
        if "expediteur" in parametres and pseudonyme:
            kwargs["expediteur"] = pseudonyme
        if "pseudonyme" in parametres and pseudonyme:
            kwargs["pseudonyme"] = pseudonyme
        if not kwargs:
            return False
        await _appeler(f, **kwargs)
        return True
    except Exception as exc:
        log.warning("effacement rdv impossible (%s)", type(exc).__name__)
        return False

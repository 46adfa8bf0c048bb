"""L'application web de la passerelle (FastAPI) : ``creer_app(config)`` et ``app`` pour uvicorn.

Routes (un contrat, issue 5) :
``GET /`` borne · ``GET /pro`` page des travailleurs sociaux · ``POST /api/v1/chat`` ·
``POST /api/v1/eligibilite`` · ``POST /sms/twilio`` · ``POST /telegram/webhook`` · ``GET /healthz`` ·
l'API de rendez-vous sous ``/api/v1`` (``rdv.api.router``, si présent) · ``/openapi.json``, ``/docs``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from bot.passerelle import journal, rdv_lien
from bot.passerelle.garde import TAILLE_CORPS_MAX, Garde  # noqa: F401 (TAILLE_CORPS_MAX : compatibilité)
from bot.passerelle.rasa import ClientRasa
from bot.passerelle.reglages import Reglages
from bot.passerelle.relais import Relais
from bot.passerelle.sms import CanalSms

log = logging.getLogger("passerelle")

ICI = Path(__file__).resolve().parent

SECURITE_PAGES = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    ),
}


@dataclass
class Services:
    reglages: Reglages
    rasa: ClientRasa
    relais: Relais
    sms: CanalSms
    telegram: object | None
    rdv: object | None
    rdv_monte: bool


def _monter_rdv(app: FastAPI) -> bool:
    """Monte ``rdv.api.router`` sous /api/v1 s'il existe (module d'une autre équipe)."""
    try:
        from rdv.api import router  # type: ignore
    except Exception as exc:
        log.info("API de rendez-vous absente (%s) : routes /api/v1/creneaux non montées", type(exc).__name__)
        return False
    app.include_router(router, prefix="/api/v1")
    return True


def creer_app(config: Reglages | None = None, *, transport_rasa=None,
              horloge: Callable[[], float] = time.monotonic) -> FastAPI:
    """Construit l'application. ``config`` : ``Reglages`` (par défaut lus dans l'environnement).

    ``horloge`` (secondes, monotone) : injectable pour les tests (rétention, expirations).
    """
    reglages = (config or Reglages.depuis_env()).verifier()
    journal.configurer(reglages.journal_niveau,
                       [reglages.telegram_token, reglages.twilio_auth_token, reglages.telegram_webhook_secret,
                        reglages.rasa_jeton, reglages.pseudonyme_cle.decode("utf-8", "ignore")],
                       reglages.journal_format)
    rasa = ClientRasa(reglages.rasa_url, reglages.actions_url, reglages.rasa_delai, transport=transport_rasa,
                      jeton=reglages.rasa_jeton, instances=reglages.instances_rasa,
                      suivis_url=reglages.tracker_database_url, actions_urls=reglages.instances_actions)
    relais = Relais(reglages, rasa, horloge=horloge)
    from rdv.frein import Frein

    rdv = rdv_lien.charger_service(reglages.database_url, frein=Frein(redis_url=reglages.redis_url or None),
                                   cle_conversation=relais.cle_rdv)
    sms = CanalSms(relais, reglages.twilio_auth_token, reglages.public_base_url, reglages.sms_segments_max, rdv)
    telegram = None
    if reglages.telegram_actif:
        from bot.passerelle.canal_telegram import CanalTelegram

        telegram = CanalTelegram(reglages, relais, rdv)

    @contextlib.asynccontextmanager
    async def cycle(app: FastAPI):
        journal.configurer(reglages.journal_niveau,
                           [reglages.telegram_token, reglages.twilio_auth_token, reglages.telegram_webhook_secret,
                            reglages.rasa_jeton], reglages.journal_format)
        if telegram is not None:
            await telegram.demarrer()
        tache = asyncio.create_task(_entretien(relais, reglages.retention_periode))
        log.info("passerelle prête : borne http://%s:%s/ (Rasa : %s)", reglages.hote, reglages.port,
                 reglages.rasa_url)
        try:
            yield
        finally:
            tache.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await tache
            if telegram is not None:
                await telegram.arreter()
            await rasa.fermer()

    app = FastAPI(
        title="Passerelle de l'assistant d'accès aux droits",
        version="1.0",
        description=(
            "La seule entrée publique : borne, page des professionnels, API de discussion, "
            "éligibilité (AME, RSA, FSL de Paris, domiciliation), SMS (Twilio) et Telegram."
        ),
        lifespan=cycle,
        # /docs et /redoc chargent des scripts d'un CDN : fermés en production (DOCS=1 pour les ouvrir).
        docs_url="/docs" if reglages.docs_actives else None,
        redoc_url="/redoc" if reglages.docs_actives else None,
    )
    rdv_monte = _monter_rdv(app)
    app.state.passerelle = Services(reglages, rasa, relais, sms, telegram, rdv, rdv_monte)

    @app.middleware("http")
    async def entetes(request: Request, appel_suivant):
        if request.url.path == "/pro" and reglages.pro_connexion_obligatoire:
            from bot.passerelle import pro_connexion

            if not await pro_connexion.session_valide(request):
                return RedirectResponse("/pro/connexion", status_code=303)
        reponse = await appel_suivant(request)
        if request.url.path in ("/", "/pro", "/pro/connexion"):
            for cle, valeur in SECURITE_PAGES.items():
                reponse.headers.setdefault(cle, valeur)
        return reponse

    from fastapi.exceptions import RequestValidationError

    @app.exception_handler(RequestValidationError)
    async def requete_invalide(request: Request, exc: RequestValidationError):
        """422 comme FastAPI, sans recopier la valeur reçue : elle peut être illisible en JSON (« -Infinity »
        accepté par le lecteur Python, refusé à l'écriture : c'était une erreur 500) ou personnelle."""
        erreurs = [{k: v for k, v in e.items() if k in ("type", "loc", "msg")} for e in exc.errors()]
        for e in erreurs:
            e["loc"] = [str(x) for x in e.get("loc", ())]
        if any(e.get("type") == "string_unicode" for e in erreurs):  # « \ud800 » seul : texte illisible
            return JSONResponse({"detail": "Le texte contient des caractères illisibles. "
                                           "Réécrivez-le, s'il vous plaît."}, status_code=400)
        return JSONResponse({"detail": erreurs}, status_code=422)

    @app.exception_handler(UnicodeError)
    async def texte_illisible(request: Request, exc: UnicodeError):
        """Un texte qui ne s'encode pas (« \\ud800 » seul, dans le JSON) : 400, pas 500."""
        return JSONResponse({"detail": "Le texte contient des caractères illisibles. Réécrivez-le, s'il vous plaît."},
                            status_code=400)

    try:
        import redis as _redis

        @app.exception_handler(_redis.RedisError)
        async def redis_indisponible(request: Request, exc: Exception):
            """Redis redémarre : rien n'est perdu (journal d'écriture), la personne renvoie son message."""
            from bot.passerelle import textes

            log.warning("état partagé indisponible (%s)", type(exc).__name__)
            return JSONResponse({"detail": textes.REESSAYER, "messages": [{"text": textes.REESSAYER}]},
                                status_code=503, headers={"Retry-After": "2"})
    except ImportError:  # pragma: no cover
        pass

    from bot.passerelle import api, canal_telegram, pages, pro_connexion, sms as module_sms

    app.include_router(api.routeur())
    app.include_router(pro_connexion.routeur())
    from bot.passerelle import metriques

    app.include_router(metriques.routeur())
    app.include_router(module_sms.routeur())
    app.include_router(canal_telegram.routeur())
    app.include_router(pages.routeur())
    app.include_router(pages.routeur_api())
    from bot.passerelle import audio

    app.include_router(audio.routeur())
    app.mount("/static", StaticFiles(directory=ICI / "static"), name="static")
    # La garde (adresse réelle, hôte permis, débit par adresse, taille du corps, en-têtes) : autour de tout.
    app.add_middleware(Garde, reglages=reglages, horloge=horloge, metriques=relais.metriques)
    return app


async def _entretien(relais: Relais, periode: float = 60.0) -> None:
    """Toutes les minutes (``retention_periode``) : la rétention (conversations sans message depuis
    ``CONSERVATION_MINUTES`` effacées dans Rasa) et les conversations détachées dont le code a expiré."""
    while True:
        await asyncio.sleep(periode)
        try:
            n = await relais.entretien()
            if n:
                log.info("entretien : %d conversation(s) effacée(s) dans Rasa", n)
        except Exception as exc:  # pragma: no cover
            log.warning("entretien : %s", type(exc).__name__)


def __getattr__(nom: str):
    """``app`` pour uvicorn (``uvicorn bot.passerelle.app:app``), construite à la première demande."""
    if nom == "app":
        global app
        app = creer_app()
        return app
    raise AttributeError(nom)

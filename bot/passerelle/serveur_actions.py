"""Le serveur d'actions (rasa-sdk) qui n'accepte que le serveur Rasa (issue 14).

``python -m bot.passerelle.serveur_actions --actions bot.actions -p 5055`` : les mêmes options que
``python -m rasa_sdk``. Il sert aussi ``POST /nlg`` : les réponses fixes de Rasa (domain/) dans la langue de la
conversation (issue 13, ``bot.actions.nlg`` ; ``nlg:`` de endpoints.yml), avec le même secret. Avec ``ACTIONS_JETON`` dans l'environnement, ``POST /webhook`` (exécuter
une action) exige ce secret partagé, que Rasa envoie en ``?token=`` (``action_endpoint.token`` de
endpoints.yml) : comparé en temps constant, 403 sinon. ``GET /health`` reste ouvert (sondes).
Le jeton est retiré de l'environnement du processus après lecture, et n'est jamais journalisé.
"""

from __future__ import annotations

import hmac
import logging
import os
from functools import partial

from rasa_sdk import endpoint as ep

log = logging.getLogger("passerelle.actions")


def garder(app, jeton: str) -> None:
    from sanic import response

    @app.on_request
    async def verifier(request):
        if request.path == "/health" or not jeton:
            return None
        recu = request.args.get("token") or request.headers.get("x-actions-jeton") or ""
        if not hmac.compare_digest(recu.encode(), jeton.encode()):
            log.warning("appel du serveur d'actions refusé : secret absent ou faux")
            return response.json({"error": "interdit"}, status=403)
        return None


def servir_nlg(app) -> None:
    """``POST /nlg`` : les réponses fixes de Rasa dans la langue de la conversation (``bot.actions.nlg``)."""
    from sanic import response

    from bot.actions.nlg import rendre

    @app.post("/nlg")
    async def nlg(request):
        corps = request.json if isinstance(request.json, dict) else {}
        return response.json(rendre(corps))


def creer_app(action_executor, jeton: str, **options):
    """Fabrique de l'application (au niveau du module : Sanic la recrée dans chaque worker)."""
    app = ep.create_app_for_serve(action_executor, **options)
    servir_nlg(app)
    garder(app, jeton)
    return app


def main() -> None:
    from sanic import Sanic
    from sanic.worker.loader import AppLoader

    from rasa_sdk import utils
    from rasa_sdk.constants import APPLICATION_ROOT_LOGGER_NAME
    from rasa_sdk.executor import ActionExecutor

    args = ep.create_argument_parser().parse_args()
    jeton = os.environ.pop("ACTIONS_JETON", "")
    utils.configure_colored_logging(args.loglevel)
    utils.configure_file_logging(logging.getLogger(APPLICATION_ROOT_LOGGER_NAME), args.log_file, args.loglevel,
                                 args.logging_config_file)
    utils.update_sanic_log_level()
    executeur = ActionExecutor()
    executeur.register_package(args.actions_module or args.actions)
    if not jeton:
        log.warning("ACTIONS_JETON absent : le serveur d'actions accepte tout appel local")
    chargeur = AppLoader(factory=partial(creer_app, executeur, jeton, cors_origins=None,
                                         auto_reload=False, endpoints=args.endpoints))
    app = chargeur.load()
    app.prepare(host=os.environ.get("SANIC_HOST", "127.0.0.1"), port=args.port,
                workers=utils.number_of_sanic_workers())
    Sanic.serve(primary=app, app_loader=chargeur)


if __name__ == "__main__":
    main()

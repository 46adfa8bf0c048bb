"""``python -m bot.passerelle`` : lance la passerelle avec uvicorn.

Un worker sans ``REDIS_URL`` (l'état vit en mémoire) ; ``PASSERELLE_WORKERS`` (2 par défaut avec
Redis) quand l'état est partagé.
"""

from __future__ import annotations

import logging

import uvicorn

from bot.passerelle.app import creer_app
from bot.passerelle.reglages import Reglages


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s : %(message)s")
    reglages = Reglages.depuis_env()
    app = creer_app(reglages)
    print(f"Borne : http://{reglages.hote}:{reglages.port}/   Page pro : http://{reglages.hote}:{reglages.port}/pro",
          flush=True)
    import os

    workers = int(os.environ.get("PASSERELLE_WORKERS") or (2 if reglages.redis_url else 1))
    if workers > 1 and not reglages.redis_url:
        raise SystemExit("PASSERELLE_WORKERS > 1 demande REDIS_URL (sinon chaque worker aurait son propre état).")
    if workers > 1:
        # Chaque worker construit sa propre application (même configuration, état dans Redis).
        uvicorn.run("bot.passerelle.app:creer_app", factory=True, host=reglages.hote, port=reglages.port,
                    workers=workers, proxy_headers=False, log_level=reglages.journal_niveau.lower(),
                    access_log=False)
        return
    uvicorn.run(app, host=reglages.hote, port=reglages.port, workers=1, proxy_headers=False,
                log_level=reglages.journal_niveau.lower(), access_log=False)


if __name__ == "__main__":
    main()

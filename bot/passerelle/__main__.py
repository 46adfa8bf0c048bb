"""``python -m bot.passerelle`` : lance la passerelle avec uvicorn (un seul worker : état en mémoire)."""

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
    uvicorn.run(app, host=reglages.hote, port=reglages.port, workers=1, proxy_headers=False,
                log_level=reglages.journal_niveau.lower(), access_log=False)


if __name__ == "__main__":
    main()

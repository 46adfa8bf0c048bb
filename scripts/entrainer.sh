#!/usr/bin/env bash
# Train the Rasa model into models/assistant.tar.gz (small, CPU, 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p models
export TF_CPP_MIN_LOG_LEVEL=3 SQLALCHEMY_SILENCE_UBER_WARNING=1
# intentions et règles des droits, tirées du registre (droits/registre.yaml)
.venv/bin/python -m droits.rasa_registre
.venv-rasa/bin/rasa train --config config.yml --domain domain --data data \
  --out models --fixed-model-name assistant --quiet

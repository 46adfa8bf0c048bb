#!/usr/bin/env bash
# Every test: the Rasa data checks, then pytest (rules, extraction, actions, booking on SQLite and
# PostgreSQL, gateway and channels, browser, end-to-end conversations through the real servers).
set -euo pipefail
cd "$(dirname "$0")/.."
export TF_CPP_MIN_LOG_LEVEL=3 SQLALCHEMY_SILENCE_UBER_WARNING=1 PYTHONDONTWRITEBYTECODE=1
# le domaine et les règles lus par les tests contiennent les droits du registre (droits/registre.yaml)
.venv/bin/python -m droits.rasa_registre
.venv/bin/python -m pytest "$@"

#!/usr/bin/env bash
# Benchmarks (not timed tests): figures printed and written under bench/resultats/.
set -euo pipefail
cd "$(dirname "$0")/.."
export TF_CPP_MIN_LOG_LEVEL=3 SQLALCHEMY_SILENCE_UBER_WARNING=1
mkdir -p bench/resultats
echo "== droits : évaluations par seconde, comparées à OpenFisca-France =="
.venv/bin/python bench/bench_droits.py
echo "== rdv : réservations par seconde (SQLite, PostgreSQL) et course de 50 =="
.venv/bin/python bench/bench_rdv.py --json bench/resultats/rdv.json
echo "== rdv dans la conversation : durée d'une réservation par le vrai Rasa, seule et 8 à la fois =="
.venv/bin/python bench/bench_rdv_conversation.py --json bench/resultats/rdv_conversation.json
echo "== extraction : temps CPU par message sur le corpus, contre main ==" && .venv/bin/python bench/bench_extraction.py --json bench/resultats/extraction.json
echo "== NLU : validation croisée et messages brouillons =="
.venv/bin/python bench/bench_nlu.py
echo "== conversation : entraînement, chargement, questions, latence (contre un modèle rasa init) =="
.venv/bin/python bench/bench_conversation.py
echo "== production : fuzz de l'OpenAPI (5 000 entrées par route, 0 erreur serveur attendue) =="
.venv/bin/python bench/fuzz_openapi.py --json bench/resultats/fuzz.json
echo "== production : charge par la passerelle, 1 et 2 Rasa sur PostgreSQL et Redis, contre rasa init ; bascule =="
.venv/bin/python bench/bench_charge.py --json bench/resultats/charge.json

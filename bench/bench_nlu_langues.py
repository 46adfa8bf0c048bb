#!/usr/bin/env python3
"""Banc NLU multilingue (issue 13) : le vrai pipeline Rasa (config.yml), en français et dans les autres langues.

Lance Rasa depuis ``.venv-rasa`` par des sous-processus (comme bench/bench_nlu.py, dont il reprend la lecture
des données, les plis et le calcul des scores) ; n'importe quel Python 3.10+ peut le démarrer.

    .venv/bin/python bench/bench_nlu_langues.py                         # tout : CV, tenus à l'écart, latence
    .venv/bin/python bench/bench_nlu_langues.py --sans-cv --modele models/assistant.tar.gz   # test seul
    .venv/bin/python bench/bench_nlu_langues.py --config /tmp/c.yml --sans-langues-apprises  # « avant »

Étapes :
1. validation croisée FRANÇAISE (``--folds``, 3 par défaut) : les plis sont ceux de bench/bench_nlu.py sur les
   seuls exemples français (``data/nlu/*.yml``), donc les mêmes qu'avant l'issue 13 ; les exemples des autres
   langues (``data/nlu/langues/*.yml``) sont ajoutés à l'apprentissage de chaque pli, jamais testés
   (``--sans-langues-apprises`` : sans eux, la mesure « avant ») ;
2. un modèle NLU appris sur tout ``data/nlu`` (chronométré), ou ``--modele`` déjà entraîné (``make train``) ;
3. messages tenus à l'écart, jamais appris : ``tests/nlu/messages_brouillons.yml`` (fr) et
   ``tests/nlu/langues/<code>.yml`` (en, ar, prs, ps, ro) : macro-F1 par langue, sur les intentions présentes
   dans le fichier ; plus la sonde ``tests/nlu/sonde_langues.yaml`` (exactitude) ;
4. latence d'analyse d'un message seul par ``Agent.parse_message`` (ce que fait ``POST /model/parse``), p50/p95,
   sur les messages tenus à l'écart, après 10 messages d'échauffement.

Comme ``rasa test nlu``, une prédiction changée en ``nlu_fallback`` compte avec l'intention du dessous ; le
nombre de replis est donné à part. Résultat : ``--sortie`` (par défaut bench/resultats/nlu_langues_<date>.json).
``--classements DOSSIER`` garde aussi, pour chaque message testé, le classement de DIET seul et le classement
final (pour comparer hors ligne d'autres mélanges sur les mêmes plis).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RACINE / "bench"))
import bench_nlu as bn  # noqa: E402

LANGUES = ("en", "ar", "prs", "ps", "ro")
DONNEES = RACINE / "data" / "nlu"
DONNEES_LANGUES = DONNEES / "langues"
TESTS_LANGUES = RACINE / "tests" / "nlu" / "langues"
BROUILLONS = RACINE / "tests" / "nlu" / "messages_brouillons.yml"
SONDE = RACINE / "tests" / "nlu" / "sonde_langues.yaml"

# Exécuté par .venv-rasa/bin/python : argv = config, données (dossier) ou modèle .tar.gz, fichier json des
# jeux de test {nom: [[texte, intention], ...]}, sortie json, dossier des modèles, latence (0/1).
AIDE = r'''
import asyncio, json, sys, time, logging, warnings
warnings.filterwarnings("ignore"); logging.disable(logging.WARNING)
from rasa.model_training import train_nlu
from rasa.core.agent import Agent
from rasa.core.channels import UserMessage
from rasa.shared.core.trackers import DialogueStateTracker
config, donnees, jeux, sortie, modeles, latence = sys.argv[1:7]
jeux = json.load(open(jeux))
debut = time.perf_counter()
if donnees.endswith(".tar.gz"):
    chemin, duree = donnees, None
else:
    chemin = train_nlu(config=config, nlu_data=donnees, output=modeles, fixed_model_name="nlu",
                       domain=modeles + "/domaine.yml")
    duree = time.perf_counter() - debut
agent = Agent.load(chemin)
graphe = agent.processor.graph_runner
cible = agent.processor.model_metadata.nlu_target
noeuds = list(agent.processor.model_metadata.predict_schema.nodes)
diet = next((n for n in noeuds if "DIETClassifier" in n), None)

def classer(textes, noeud):
    res = graphe.run(inputs={"__message__": [UserMessage(t) for t in textes],
                             "__tracker__": DialogueStateTracker("bench", [])}, targets=[noeud])[noeud]
    return [[(x["name"], round(float(x["confidence"]), 5)) for x in (r.get("intent_ranking") or [])]
            for r in res]

sorties = {"duree_s": duree, "jeux": {}}
for nom, exemples in jeux.items():
    textes = [t for t, _ in exemples]
    final = graphe.run(inputs={"__message__": [UserMessage(t) for t in textes],
                               "__tracker__": DialogueStateTracker("bench", [])}, targets=[cible])[cible]
    lignes = []
    for (texte, attendu), r in zip(exemples, final):
        intent = r.get("intent") or {}
        classement = [x for x in (r.get("intent_ranking") or []) if x["name"] != "nlu_fallback"]
        repli = intent.get("name") == "nlu_fallback"
        meilleur = classement[0] if (repli and classement) else intent
        lignes.append({"texte": texte, "attendu": attendu, "predit": meilleur.get("name"),
                       "confiance": meilleur.get("confidence"), "repli": repli,
                       "classement": [(x["name"], round(float(x["confidence"]), 5)) for x in classement]})
    if diet:  # DIET seul (un 2e passage : le composant suivant modifie les mêmes messages)
        for ligne, c in zip(lignes, classer(textes, diet)):
            ligne["classement_diet"] = c
    sorties["jeux"][nom] = lignes
if latence == "1":
    textes = [t for exemples in jeux.values() for t, _ in exemples][:400]
    async def mesurer():
        for t in textes[:10]:
            await agent.parse_message(t)
        temps = []
        for t in textes:
            d = time.perf_counter(); await agent.parse_message(t); temps.append(time.perf_counter() - d)
        return temps
    temps = sorted(asyncio.run(mesurer()))
    q = lambda p: round(1000 * temps[min(len(temps) - 1, int(p * len(temps)))], 1)
    sorties["latence_ms"] = {"p50": q(0.5), "p95": q(0.95), "moyenne": round(1000 * sum(temps) / len(temps), 1),
                             "messages": len(temps), "mode": "Agent.parse_message, un message à la fois"}
json.dump(sorties, open(sortie, "w"), ensure_ascii=False)
'''


def lire_sonde() -> list[tuple[str, str, str]]:
    code = ("import sys, json, yaml\n"
            "d = yaml.safe_load(open(sys.argv[1]))\n"
            "print(json.dumps([[l, m, i] for l, ints in d.items() for i, ms in ints.items() for m in ms]))\n")
    import subprocess
    sortie = subprocess.run([str(bn.PY_RASA), "-c", code, str(SONDE)], check=True, capture_output=True,
                            text=True).stdout
    return [tuple(x) for x in json.loads(sortie)]


def domaine(dossier: Path) -> None:
    (dossier / "domaine.yml").write_text('version: "3.1"\nintents:\n' + "".join(f"  - {i}\n" for i in bn.INTENTS))


def lancer_aide(tmp: Path, nom: str, config: Path, donnees: Path, jeux: dict, latence: bool) -> dict:
    dossier = tmp / nom
    dossier.mkdir(parents=True, exist_ok=True)
    domaine(dossier)
    (dossier / "jeux.json").write_text(json.dumps(jeux, ensure_ascii=False))
    aide = tmp / "aide.py"
    aide.write_text(AIDE)
    bn.lancer([str(bn.PY_RASA), str(aide), str(config), str(donnees), str(dossier / "jeux.json"),
               str(dossier / "sortie.json"), str(dossier), "1" if latence else "0"], tmp / f"{nom}.log")
    return json.loads((dossier / "sortie.json").read_text())


def sans_classements(lignes: list[dict]) -> list[dict]:
    return [{k: v for k, v in l.items() if not k.startswith("classement")} for l in lignes]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--config", default=str(RACINE / "config.yml"))
    p.add_argument("--folds", type=int, default=3)
    p.add_argument("--sans-cv", action="store_true")
    p.add_argument("--sans-latence", action="store_true")
    p.add_argument("--sans-langues-apprises", action="store_true",
                   help="n'apprendre que data/nlu/*.yml (la mesure d'avant l'issue 13)")
    p.add_argument("--modele", default=None, help="modèle déjà entraîné (.tar.gz) pour les tests tenus à l'écart")
    p.add_argument("--etiquette", default="")
    p.add_argument("--sortie", default=None)
    p.add_argument("--classements", default=None, help="dossier où garder les classements (DIET seul et final)")
    a = p.parse_args()
    config = Path(a.config).resolve()
    tmp = Path(tempfile.mkdtemp(prefix="bench_nlu_langues_"))

    francais = bn.lire_exemples(sorted(DONNEES.glob("*.yml")))
    fichiers_langues = sorted(DONNEES_LANGUES.glob("*.yml")) if not a.sans_langues_apprises else []
    langues_apprises = bn.lire_exemples(fichiers_langues) if fichiers_langues else []
    jeux = {"fr": bn.lire_exemples([BROUILLONS])}
    for code in LANGUES:
        chemin = TESTS_LANGUES / f"{code}.yml"
        if chemin.exists():
            jeux[code] = bn.lire_exemples([chemin])
    sonde = lire_sonde()
    jeux["sonde"] = [(m, i) for _, m, i in sonde]
    appris = {t.casefold() for t, _ in francais + langues_apprises}
    communs = sorted({t for nom, ex in jeux.items() if nom != "sonde" for t, _ in ex if t.casefold() in appris})

    resultat: dict = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "etiquette": a.etiquette,
        "machine": {"cpus": os.cpu_count(), "systeme": platform.platform()},
        "config": str(config.relative_to(RACINE)) if RACINE in config.parents else str(config),
        "config_texte": config.read_text(),
        "exemples_francais": len(francais),
        "exemples_autres_langues": bn.compter([(t, l) for t, l in
                                               ((t, f.stem) for f in fichiers_langues
                                                for t, _ in bn.lire_exemples([f]))]),
        "messages_tenus_a_l_ecart": {k: len(v) for k, v in jeux.items()},
        "tenus_a_l_ecart_presents_dans_l_apprentissage": communs,
    }
    classements: dict = {}
    debut = time.perf_counter()
    if not a.sans_cv:
        lignes, duree = [], 0.0
        for k, pli in enumerate(bn.plis_stratifies(francais, a.folds)):
            dossier = tmp / f"pli{k}" / "train"
            dossier.mkdir(parents=True)
            dans_pli = set(pli)
            bn.ecrire_nlu(dossier / "nlu.yml", [e for i, e in enumerate(francais) if i not in dans_pli])
            if langues_apprises:
                bn.ecrire_nlu(dossier / "langues.yml", langues_apprises)
            test = [francais[i] for i in pli]
            sortie = lancer_aide(tmp, f"pli{k}", config, dossier, {"pli": test}, False)
            duree += sortie["duree_s"]
            lignes += sortie["jeux"]["pli"]
            classements[f"pli{k}"] = {"apprentissage": [e for i, e in enumerate(francais) if i not in dans_pli]
                                      + langues_apprises, "test": sortie["jeux"]["pli"]}
            print(f"  pli {k + 1}/{a.folds} : entraînement {sortie['duree_s']:.0f} s", flush=True)
        cv = bn.resumer(sans_classements(lignes))
        cv.update(plis=a.folds, entrainement_plis_s=round(duree, 1))
        resultat["validation_croisee_fr"] = cv
    if a.modele:
        donnees = Path(a.modele).resolve()
    elif a.sans_langues_apprises:
        donnees = tmp / "francais"
        donnees.mkdir()
        for f in sorted(DONNEES.glob("*.yml")):
            shutil.copy(f, donnees / f.name)
    else:
        donnees = DONNEES
    sortie = lancer_aide(tmp, "complet", config, donnees, jeux, not a.sans_latence)
    if sortie["duree_s"] is not None:
        resultat["entrainement_nlu_s"] = round(sortie["duree_s"], 1)
    resultat["modele"] = str(a.modele) if a.modele else "entraîné par ce banc"
    resultat["tenu_a_l_ecart"] = {}
    for nom, lignes in sortie["jeux"].items():
        if nom == "sonde":
            par_langue: dict = {}
            for (langue, _, _), l in zip(sonde, lignes):
                par_langue.setdefault(langue, []).append(l["predit"] == l["attendu"])
            resultat["sonde_exactitude"] = {k: round(sum(v) / len(v), 3) for k, v in par_langue.items()}
        else:
            resultat["tenu_a_l_ecart"][nom] = bn.resumer(sans_classements(lignes))
    classements["complet"] = sortie["jeux"]
    if "latence_ms" in sortie:
        resultat["latence_ms"] = sortie["latence_ms"]
    resultat["duree_totale_s"] = round(time.perf_counter() - debut, 1)

    if "validation_croisee_fr" in resultat:
        cv = resultat["validation_croisee_fr"]
        print(f"validation croisée française ({a.folds} plis) : macro-F1 {cv['macro_f1']}, "
              f"exactitude {cv['exactitude']} ({cv['messages']} messages)")
    for nom, r in resultat["tenu_a_l_ecart"].items():
        pires = sorted(r["par_intent"].items(), key=lambda kv: kv[1]["f1"])[:4]
        print(f"tenus à l'écart {nom} : macro-F1 {r['macro_f1']}, exactitude {r['exactitude']} "
              f"({r['messages']}) ; plus faibles : " + ", ".join(f"{k} {v['f1']:.2f}" for k, v in pires))
    if "sonde_exactitude" in resultat:
        print("sonde (exactitude) :", resultat["sonde_exactitude"])
    if "entrainement_nlu_s" in resultat:
        print(f"entraînement NLU complet : {resultat['entrainement_nlu_s']:.0f} s")
    if "latence_ms" in resultat:
        print("latence :", resultat["latence_ms"])
    if communs:
        print(f"attention : {len(communs)} message(s) tenus à l'écart aussi dans l'apprentissage : {communs[:5]}")

    date = dt.date.today().isoformat()
    sortie_json = Path(a.sortie) if a.sortie else RACINE / "bench" / "resultats" / f"nlu_langues_{date}.json"
    sortie_json.parent.mkdir(parents=True, exist_ok=True)
    sortie_json.write_text(json.dumps(resultat, ensure_ascii=False, indent=2) + "\n")
    print(f"écrit : {sortie_json}")
    if a.classements:
        Path(a.classements).mkdir(parents=True, exist_ok=True)
        (Path(a.classements) / "classements.json").write_text(json.dumps(classements, ensure_ascii=False))
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

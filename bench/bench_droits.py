"""Banc d'essai de droits/ : évaluations de tous les droits du registre par seconde (cinq depuis l'issue 12),
et le RSA des mêmes foyers avec OpenFisca-France (environnement séparé .venv-openfisca), côte à côte.

    .venv/bin/python bench/bench_droits.py [--iterations 2000] [--json FICHIER] [--sans-openfisca]

Objectifs (issues 2 et 12) : moins de 1 ms par évaluation de tous les droits ; au moins 1000 fois plus rapide
qu'OpenFisca par foyer. Sans .venv-openfisca, la colonne OpenFisca est vide et le rapport le dit. Les réponses en
fourchette (issue 15) sont mesurées à part : elles évaluent la situation à chaque borne.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RACINE))
sys.path.insert(0, str(RACINE / "tests" / "droits"))

from droits import DROITS, evaluer, prochaine_question  # noqa: E402
from openfisca_rsa import FOYERS  # noqa: E402
from personas import PERSONAS  # noqa: E402

PYTHON_OPENFISCA = RACINE / ".venv-openfisca" / "bin" / "python"
SCRIPT_OPENFISCA = RACINE / "tests" / "droits" / "openfisca_rsa.py"
DATE = "2026-06-01"


def situation_du_foyer(foyer: dict) -> dict:
    s = {k: v for k, v in foyer.items() if k != "date"}
    s.update(age=40, nationalite="francaise", etudiant=False)
    if s.get("en_couple"):
        s.setdefault("conjoint_nationalite", "francaise")
        s.setdefault("conjoint_etudiant", False)
    return s


def melange() -> list[tuple[dict, str]]:
    """Personnes complètes, foyers du recoupement, situations partielles (début de dialogue)."""
    cas = [(p, DATE) for p in PERSONAS.values()]
    cas += [(situation_du_foyer(f), f["date"]) for f in FOYERS]
    cas += [({}, DATE), ({"nationalite": "hors_ue"}, DATE), ({"logement": "rue", "age": 30}, "2025-06-01")]
    return cas


def avec_fourchettes() -> list[tuple[dict, str]]:
    """Personnes dont l'argent et l'âge sont donnés par des boutons (fourchettes, 2 ou 4 coins)."""
    cas = []
    for p in PERSONAS.values():
        s = {k: v for k, v in p.items() if k not in ("ressources_mensuelles", "age")}
        s["fourchettes"] = {"ressources_mensuelles": [300, 650], "age": [25, 120]}
        cas.append((s, DATE))
    return cas


def chronometrer(cas: list[tuple[dict, str]], iterations: int) -> list[float]:
    """Durée (s) de chaque évaluation de tous les droits, sur `iterations` passages du mélange."""
    for s, d in cas:  # échauffement (caches de dates et de références)
        evaluer(s, date=d)
    durees = []
    for _ in range(iterations):
        for s, d in cas:
            debut = time.perf_counter()
            evaluer(s, date=d)
            durees.append(time.perf_counter() - debut)
    return durees


def temps_cpu(cas: list[tuple[dict, str]], iterations: int) -> float:
    """Temps CPU (s) moyen d'une évaluation : insensible aux autres processus d'une machine chargée."""
    debut = time.process_time()
    for _ in range(iterations):
        for s, d in cas:
            evaluer(s, date=d)
    return (time.process_time() - debut) / (iterations * len(cas))


def openfisca() -> dict | None:
    if not PYTHON_OPENFISCA.exists():
        return None
    r = subprocess.run([str(PYTHON_OPENFISCA), str(SCRIPT_OPENFISCA)], input=json.dumps(FOYERS),
                       capture_output=True, text=True, timeout=1800, cwd=RACINE)
    if r.returncode != 0:
        return {"erreur": r.stderr.strip().splitlines()[-1] if r.stderr.strip() else "échec"}
    return json.loads(r.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--iterations", type=int, default=2000)
    ap.add_argument("--json", help="écrire aussi les chiffres dans ce fichier JSON")
    ap.add_argument("--sans-openfisca", action="store_true", help="ne pas lancer OpenFisca (quelques minutes)")
    args = ap.parse_args()

    cas = melange()
    durees = chronometrer(cas, args.iterations)
    cpu = temps_cpu(cas, args.iterations)
    moyenne = statistics.fmean(durees)
    mediane = statistics.median(durees)
    p99 = statistics.quantiles(durees, n=100)[98]

    foyers = [(situation_du_foyer(f), f["date"]) for f in FOYERS]
    durees_foyers = chronometrer(foyers, args.iterations)
    nous_par_foyer = statistics.fmean(durees_foyers)

    durees_fourchettes = chronometrer(avec_fourchettes(), max(args.iterations // 4, 1))
    fourchettes = statistics.fmean(durees_fourchettes)

    debut = time.perf_counter()
    nombre_q = 0
    for p in PERSONAS.values():
        connue = {}
        while (q := prochaine_question(connue, date=DATE)) is not None:
            connue[q["champ"]] = p.get(q["champ"])
            if connue[q["champ"]] is None:
                del connue[q["champ"]]
                break
            nombre_q += 1
    par_question = (time.perf_counter() - debut) / max(nombre_q, 1)

    of = None if args.sans_openfisca else openfisca()
    ecarts = None
    if of and "resultats" in of:
        nous = [evaluer(s, date=d)["droits"]["rsa"]["montant_mensuel"] or 0.0 for s, d in foyers]
        ecarts = max(abs(a - b["rsa"]) for a, b in zip(nous, of["resultats"]))

    lignes = [
        ("machine", f"{platform.node()} — {platform.processor() or platform.machine()}, {os.cpu_count()} CPU, Python {platform.python_version()}, charge {os.getloadavg()[0]:.2f}"),
        ("date", dt.datetime.now().astimezone().isoformat(timespec="seconds")),
        ("situations du mélange", f"{len(cas)} × {args.iterations} passages"),
        (f"évaluation des {len(DROITS)} droits", f"moyenne {moyenne * 1e6:.1f} µs, médiane {mediane * 1e6:.1f} µs, p99 {p99 * 1e6:.1f} µs  (objectif < 1000 µs)"),
        ("temps CPU par évaluation", f"{cpu * 1e6:.1f} µs  (machine partagée : le temps mur compte les autres processus)"),
        ("avec 2 fourchettes (4 coins)", f"moyenne {fourchettes * 1e6:.1f} µs"),
        ("évaluations par seconde", f"{1 / moyenne:,.0f}".replace(",", " ")),
        ("prochaine_question (moyenne)", f"{par_question * 1e3:.2f} ms"),
        ("foyers du recoupement RSA", f"{len(FOYERS)}"),
        (f"droits/, par foyer ({len(DROITS)} droits)", f"{nous_par_foyer * 1e6:.1f} µs"),
    ]
    sortie = {"moyenne_us": moyenne * 1e6, "mediane_us": mediane * 1e6, "p99_us": p99 * 1e6, "evaluations_par_seconde": 1 / moyenne,
              "droits": len(DROITS), "fourchettes_us": fourchettes * 1e6, "cpu_us": cpu * 1e6,
              "prochaine_question_ms": par_question * 1e3, "droits_par_foyer_us": nous_par_foyer * 1e6}
    if of is None and args.sans_openfisca:
        lignes.append(("OpenFisca-France", "non lancé (--sans-openfisca)"))
    elif of is None:
        lignes.append(("OpenFisca-France", "absent (.venv-openfisca) : voir requirements/openfisca.lock"))
    elif "erreur" in of:
        lignes.append(("OpenFisca-France", f"erreur : {of['erreur']}"))
    else:
        ratio = of["secondes_par_foyer"] / nous_par_foyer
        lignes += [
            ("OpenFisca-France, par foyer (RSA seul)", f"{of['secondes_par_foyer'] * 1e3:.1f} ms  (chargement {of['secondes_chargement']:.1f} s, non compté)"),
            ("rapport OpenFisca / droits", f"{ratio:,.0f} ×  (objectif ≥ 1000 ×)".replace(",", " ")),
            ("écart maximal de montant RSA", f"{ecarts:.3f} €"),
        ]
        sortie.update(openfisca_par_foyer_ms=of["secondes_par_foyer"] * 1e3, rapport=ratio, ecart_max_euros=ecarts)
    largeur = max(len(a) for a, _ in lignes)
    print("Banc d'essai droits/")
    for a, b in lignes:
        print(f"  {a:<{largeur}}  {b}")
    if args.json:
        Path(args.json).write_text(json.dumps(sortie, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Banc de l'extraction : temps CPU par message sur les textes du corpus, code actuel contre celui de main.

    .venv/bin/python bench/bench_extraction.py [--passes 3] [--ref main] [--json bench/resultats/extraction.json]

Chaque cas du corpus (tests/extraction/corpus et cas_regles.yaml) est lu comme dans le test :
``analyser_reponse(question, texte)`` si une question est posée, sinon ``extraire_faits(texte)``.
Temps CPU (``time.process_time_ns``) de chaque appel, plusieurs passes, après une passe
d'échauffement ; on donne p50, p95, moyenne et maximum en microsecondes. Le code de ``--ref``
(main par défaut) est tiré du même dépôt (``git archive``) et mesuré dans le même lancement, sur
les mêmes textes, dans un sous-processus (les deux paquets s'appellent ``bot``).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import io
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]

MESURE = r'''
import json, sys, time
from bot.extraction import analyser_reponse, extraire_faits
cas = json.load(sys.stdin)
passes = int(sys.argv[1])
for c in cas[:50]:
    (analyser_reponse(c["question"], c["texte"], aujourd_hui="2026-12-02") if c["question"]
     else extraire_faits(c["texte"], aujourd_hui="2026-12-02"))
try:  # chaque message est nouveau : pas de résultat gardé d'une passe à l'autre
    from bot.extraction.normalisation import _normaliser
    vider = _normaliser.cache_clear
except ImportError:
    vider = lambda: None  # noqa: E731
durees = []
for _ in range(passes):
    for c in cas:
        vider()
        debut = time.process_time_ns()
        if c["question"]:
            analyser_reponse(c["question"], c["texte"], aujourd_hui="2026-12-02")
        else:
            extraire_faits(c["texte"], aujourd_hui="2026-12-02")
        durees.append(time.process_time_ns() - debut)
print(json.dumps(durees))
'''


def _cas() -> list[dict]:
    sys.path.insert(0, str(RACINE))
    from tests.extraction.rapport import CAS_REGLES, DOSSIER_CORPUS, charger

    return [{"question": c.get("question"), "texte": c["texte"]} for c in charger([DOSSIER_CORPUS, CAS_REGLES])]


def _mesurer(dossier: Path, cas: list[dict], passes: int) -> list[int]:
    env = {**os.environ, "PYTHONPATH": str(dossier)}
    fini = subprocess.run([sys.executable, "-c", MESURE, str(passes)], cwd=dossier, env=env, input=json.dumps(cas),
                          capture_output=True, text=True, timeout=1800)
    if fini.returncode != 0:
        raise SystemExit(f"mesure impossible dans {dossier} : {fini.stderr[-2000:]}")
    return json.loads(fini.stdout.strip().splitlines()[-1])


def _resume(durees: list[int]) -> dict:
    triees = sorted(durees)
    rang = lambda q: triees[min(len(triees) - 1, int(q * len(triees)))]  # noqa: E731
    return {"mesures": len(triees), "p50_us": round(rang(0.50) / 1000), "p95_us": round(rang(0.95) / 1000),
            "moyenne_us": round(statistics.mean(triees) / 1000), "max_us": round(triees[-1] / 1000)}


def _extraire_ref(ref: str, cible: Path) -> None:
    archive = subprocess.run(["git", "-C", str(RACINE), "archive", "--format=tar", ref, "bot", "droits"],
                             capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(cible, filter="data")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--ref", default="main", help="branche ou commit de comparaison (défaut : main)")
    parser.add_argument("--json", help="écrire les chiffres dans ce fichier")
    args = parser.parse_args(argv)
    cas = _cas()
    sortie = {"cas": len(cas), "passes": args.passes, "cpu": os.cpu_count()}
    sortie["actuel"] = _resume(_mesurer(RACINE, cas, args.passes))
    with tempfile.TemporaryDirectory() as dossier:
        _extraire_ref(args.ref, Path(dossier))
        sortie[args.ref] = _resume(_mesurer(Path(dossier), cas, args.passes))
    print(json.dumps(sortie, ensure_ascii=False, indent=1))
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(sortie, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

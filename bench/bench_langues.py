"""Banc de l'issue 13 : la latence par tour avec les langues (NLG, métadonnées, encodeur multilingue), côte à
côte avec le code et le modèle d'avant, dans le même lancement, sur cette machine.

- « avant » : le commit ``--ref`` (par défaut le début du travail sur les langues), extrait dans un dossier
  temporaire (git worktree), son modèle entraîné avec sa configuration, son serveur d'actions ;
- « après » : le dépôt tel qu'il est (models/assistant.tar.gz, ``make train``).

Les mêmes conversations françaises (les 20 personas de tests/e2e/personas.py, jusqu'au verdict) sont jouées
contre chacun, 5 en même temps, par le canal REST de Rasa ; puis, pour « après », les mêmes conversations
en touchant les boutons dans chacune des 5 autres langues (métadonnée ``langue``). Résultat :
bench/resultats/langues.json et un tableau.

Usage : .venv/bin/python bench/bench_langues.py [--ref 6fd2cf9] [--paralleles 5] [--repetitions 2]
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

RACINE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RACINE))

from bench.bench_conversation import charge, machine, script_persona  # noqa: E402
from tests.e2e.personas import PERSONAS  # noqa: E402
from tests.serveurs import MODELE, serveurs  # noqa: E402

SORTIE = RACINE / "bench" / "resultats" / "langues.json"
MAX_TOURS = 30
LANGUES = ("en", "ar", "prs", "ps", "ro")


def preparer_avant(ref: str, dossier: Path) -> Path:
    """Le commit ``ref`` dans ``dossier`` (git worktree), ses environnements liés, son modèle entraîné."""
    if not (dossier / ".git").exists():
        subprocess.run(["git", "worktree", "add", "--detach", str(dossier), ref], cwd=RACINE, check=True,
                       capture_output=True)
    for venv in (".venv", ".venv-rasa"):
        lien = dossier / venv
        if not lien.exists():
            lien.symlink_to(RACINE / venv)
    modele = dossier / "models" / "assistant.tar.gz"
    if not modele.exists():
        debut = time.perf_counter()
        subprocess.run(["scripts/entrainer.sh"], cwd=dossier, check=True, capture_output=True)
        print(f"modèle « avant » entraîné en {time.perf_counter() - debut:.0f} s", flush=True)
    return modele


def scripts_francais(webhook: str) -> list[list[str]]:
    """Les messages de chaque persona jusqu'au verdict (récapitulatif confirmé)."""
    return [script_persona(webhook, persona, confirmer_recap=True) for persona in PERSONAS]


async def jouer(webhook: str, scripts: list[list[str]], paralleles: int, langue: str | None = None) -> list[float]:
    return await charge(webhook, scripts, paralleles, {"langue": langue} if langue else None)


def scripts_boutons(webhook: str, langue: str, n: int) -> list[list[str]]:
    """Des conversations jouées en touchant les boutons (le premier bouton de réponse de chaque question),
    dans ``langue``, jusqu'au verdict : le chemin d'une personne qui ne lit pas le français."""
    scripts = []
    for i in range(n):
        expediteur = f"prep-{uuid.uuid4().hex[:8]}"
        messages = ["/verifier_droits"]
        reponse = httpx.post(webhook, json={"sender": expediteur, "message": messages[0],
                                            "metadata": {"langue": langue}}, timeout=120).json()
        for _ in range(MAX_TOURS):
            customs = [m.get("custom") or {} for m in reponse]
            if any("resultats" in c for c in customs):
                break
            boutons = [b for m in reponse for b in m.get("buttons") or []]
            if not boutons:
                break
            # un bouton qui dit une valeur (pas « je ne sais pas »), différent selon la conversation
            choix = [b for b in boutons if '"nsp"' not in b["payload"]] or boutons
            payload = choix[i % len(choix)]["payload"] if not any("recap" in c for c in customs) else "/affirmer"
            messages.append(payload)
            reponse = httpx.post(webhook, json={"sender": expediteur, "message": payload,
                                                "metadata": {"langue": langue}}, timeout=120).json()
        scripts.append(messages)
    return scripts


def resume(latences: list[float]) -> dict:
    ordre = sorted(latences)
    return {"tours": len(ordre), "p50_ms": round(1000 * statistics.median(ordre), 1),
            "p95_ms": round(1000 * ordre[int(0.95 * (len(ordre) - 1))], 1),
            "moyenne_ms": round(1000 * statistics.fmean(ordre), 1)}


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--ref", default="6fd2cf9", help="le commit « avant »")
    p.add_argument("--paralleles", type=int, default=5)
    p.add_argument("--repetitions", type=int, default=2, help="fois que chaque persona est jouée")
    args = p.parse_args()
    dossier = Path(tempfile.gettempdir()) / f"banc-langues-{args.ref}"
    modele_avant = preparer_avant(args.ref, dossier)
    resultats: dict = {"date": dt.datetime.now().isoformat(timespec="seconds"), "machine": machine(),
                       "ref_avant": args.ref, "paralleles": args.paralleles, "mesures": {}}

    variantes = [("avant", modele_avant, dossier), ("apres", MODELE, RACINE)]
    for nom, modele, code in variantes:
        with serveurs(modele=modele, projet=code, code_actions=code, nlg=nom == "apres") as s:
            webhook = f"{s.rasa}/webhooks/rest/webhook"
            scripts = scripts_francais(webhook) * args.repetitions
            asyncio.run(jouer(webhook, scripts[:5], args.paralleles))  # chauffe
            latences = asyncio.run(jouer(webhook, scripts, args.paralleles))
            resultats["mesures"][f"{nom}_fr"] = resume(latences)
            print(nom, "fr", resultats["mesures"][f"{nom}_fr"], flush=True)
            if nom == "apres":
                for langue in LANGUES:
                    sc = scripts_boutons(webhook, langue, 6) * args.repetitions
                    lat = asyncio.run(jouer(webhook, sc, args.paralleles, langue))
                    resultats["mesures"][f"apres_{langue}_boutons"] = resume(lat)
                    print(nom, langue, resultats["mesures"][f"apres_{langue}_boutons"], flush=True)
    SORTIE.write_text(json.dumps(resultats, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\n| mesure | tours | p50 | p95 |\n|---|---|---|---|")
    for cle, m in resultats["mesures"].items():
        print(f"| {cle} | {m['tours']} | {m['p50_ms']} ms | {m['p95_ms']} ms |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

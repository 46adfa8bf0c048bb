"""Banc d'essai de la conversation (issue 3, §8), sur cette machine, en un seul lancement.

Mesure, côte à côte avec un modèle nu ``rasa init`` entraîné et servi dans la même exécution :
- le temps d'entraînement ;
- le temps de chargement du modèle (démarrage du serveur, et ``PUT /model`` seul) ;
- le nombre de questions et de tours (réponses et récapitulatif) avant le verdict, par persona
  (tests/e2e/personas.py), pour les droits demandés et pour tous les droits ;
- la latence par tour (p50 / p95) avec 20 conversations en même temps, canal REST.

Résultats : bench/resultats/conversation.json, et un tableau (machine, date).
Usage : .venv/bin/python bench/bench_conversation.py [--sans-entrainement] [--conversations 20]\n        .venv/bin/python bench/bench_conversation.py --tours-seulement   (questions et tours, modèle actuel)
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import os
import platform
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

from tests.e2e.personas import PERSONAS, TOUS, Persona  # noqa: E402
from tests.serveurs import MODELE, RASA, Conversation, serveurs  # noqa: E402

SORTIE = RACINE / "bench" / "resultats" / "conversation.json"
ENV = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3"}
MESSAGES_NU = ["hello", "I am sad", "yes", "no", "I am great", "are you a bot?", "goodbye"]
MAX_TOURS = 30


def machine() -> dict:
    modele_cpu = ""
    with contextlib.suppress(OSError):
        for ligne in Path("/proc/cpuinfo").read_text().splitlines():
            if ligne.startswith("model name"):
                modele_cpu = ligne.split(":", 1)[1].strip()
                break
    return {
        "systeme": platform.platform(),
        "processeur": modele_cpu or platform.processor(),
        "coeurs": os.cpu_count(),
        "python": platform.python_version(),
    }


def chrono(commande: list[str], cwd: Path) -> float:
    """Durée d'un entraînement, avec un cache Rasa vide (sinon les composants déjà vus sont réutilisés)."""
    with tempfile.TemporaryDirectory(prefix="cache-rasa-") as cache:
        debut = time.perf_counter()
        subprocess.run(commande, cwd=cwd, env={**ENV, "RASA_CACHE_DIRECTORY": cache}, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter() - debut


def entrainer_assistant(dossier: Path) -> tuple[Path, float]:
    duree = chrono(
        [str(RASA), "train", "--config", "config.yml", "--domain", "domain", "--data", "data",
         "--out", str(dossier), "--fixed-model-name", "assistant", "--quiet"],
        RACINE,
    )
    return dossier / "assistant.tar.gz", duree


def entrainer_nu(dossier: Path) -> tuple[Path, float]:
    """rasa init --no-prompt crée le projet exemple et l'entraîne : on chronomètre l'entraînement seul."""
    subprocess.run([str(RASA), "init", "--no-prompt", "--init-dir", str(dossier)], cwd=dossier,
                   env={**ENV, "RASA_CACHE_DIRECTORY": str(dossier / ".cache-init")}, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.rmtree(dossier / "models", ignore_errors=True)
    duree = chrono([str(RASA), "train", "--fixed-model-name", "nu", "--quiet"], dossier)
    return dossier / "models" / "nu.tar.gz", duree


def demarrer(modele: Path, actions: bool, projet: Path):
    debut = time.perf_counter()
    gestionnaire = serveurs(modele=modele, actions=actions, projet=projet)
    s = gestionnaire.__enter__()
    return gestionnaire, s, time.perf_counter() - debut


def recharger(url_rasa: str, modele: Path) -> float:
    debut = time.perf_counter()
    httpx.put(f"{url_rasa}/model", json={"model_file": str(modele)}, timeout=600).raise_for_status()
    return time.perf_counter() - debut


def jouer(webhook: str, persona: Persona, tous: bool) -> dict:
    """Une persona jusqu'au résultat ; tous=True : elle touche d'abord « Tous mes droits ».

    Les tours comptés sont les messages de la personne après son premier message : ses réponses
    et sa confirmation du récapitulatif (« C'est juste », issue 11 §2), jusqu'au verdict."""
    conv = Conversation(webhook)
    avant = 0
    if tous:  # « Tous mes droits », puis la persona parle : on compte les questions après son message
        conv.envoyer("/verifier_droits")
        avant = len(conv.questions)
    conv.envoyer(persona.premier)
    tours = recaps = 0
    for _ in range(MAX_TOURS):
        if any("resultats" in c for c in conv.customs(conv.dernier)):
            break
        if any("recap" in c for c in conv.customs(conv.dernier)):
            conv.envoyer(persona.confirmation)
            tours += 1
            recaps += 1
            continue
        champ = conv.question
        if champ is None:
            break
        conv.envoyer(persona.reponse(champ, conv.groupe, "je ne sais pas"))
        tours += 1
    resultats = conv.resultats or {}
    return {
        "questions": len(conv.questions) - avant,
        "tours": tours,
        "recapitulatifs": recaps,
        "champs": conv.questions[avant:],
        "resultat": bool(resultats),
        "statuts": {d: v["statut"] for d, v in (resultats.get("droits") or {}).items()},
    }


def tours_par_persona(webhook: str) -> dict:
    """Questions et tours jusqu'au verdict, pour chaque persona, droits demandés et tous les droits."""
    par_persona = {}
    for persona in PERSONAS:
        par_persona[persona.nom] = {
            "droits_demandes": list(persona.droits),
            "demandes": jouer(webhook, persona, tous=False),
            "tous": jouer(webhook, persona, tous=True),
        }
    q_dem = [p["demandes"]["questions"] for p in par_persona.values()]
    q_tous = [p["tous"]["questions"] for p in par_persona.values()]
    t_dem = [p["demandes"]["tours"] for p in par_persona.values()]
    t_tous = [p["tous"]["tours"] for p in par_persona.values()]
    return {
        "par_persona": par_persona,
        "personas": len(par_persona),
        "sans_verdict": sorted(n for n, p in par_persona.items()
                               if not (p["demandes"]["resultat"] and p["tous"]["resultat"])),
        "moyenne_droits_demandes": round(statistics.fmean(q_dem), 2),
        "moyenne_4_droits": round(statistics.fmean(q_tous), 2),
        "maximum_4_droits": max(q_tous),
        "tours_moyenne_droits_demandes": round(statistics.fmean(t_dem), 2),
        "tours_moyenne_tous_les_droits": round(statistics.fmean(t_tous), 2),
        "tours_maximum_tous_les_droits": max(t_tous),
        "objectif_moyenne_4_droits": 8,
    }


async def charge(webhook: str, scenarios: list[list[str]], paralleles: int,
                 metadonnees: dict | None = None) -> list[float]:
    """``paralleles`` conversations en même temps ; rend la latence de chaque tour (secondes).
    ``metadonnees`` : envoyées avec chaque message (la langue de la conversation, issue 13)."""
    latences: list[float] = []
    file: asyncio.Queue = asyncio.Queue()
    for s in scenarios:
        file.put_nowait(s)
    async with httpx.AsyncClient(timeout=120) as client:
        async def ouvrier():
            while not file.empty():
                messages = file.get_nowait()
                expediteur = f"bench-{uuid.uuid4().hex[:10]}"
                for texte in messages:
                    debut = time.perf_counter()
                    corps = {"sender": expediteur, "message": texte}
                    if metadonnees:
                        corps["metadata"] = metadonnees
                    r = await client.post(webhook, json=corps)
                    r.raise_for_status()
                    latences.append(time.perf_counter() - debut)
        await asyncio.gather(*(ouvrier() for _ in range(paralleles)))
    return latences


def script_persona(webhook: str, persona: Persona, confirmer_recap: bool = False) -> list[str]:
    """Les messages d'une persona (rejoués une fois pour connaître les questions) ; ``confirmer_recap`` :
    elle confirme le récapitulatif et va jusqu'au verdict (sinon le script s'arrête au récapitulatif)."""
    conv = Conversation(webhook)
    messages = [persona.premier]
    conv.envoyer(persona.premier)
    for _ in range(MAX_TOURS):
        if any("resultats" in c for c in conv.customs(conv.dernier)):
            break
        if confirmer_recap and any("recap" in c for c in conv.customs(conv.dernier)):
            texte = persona.confirmation
        elif conv.question is None:
            break
        else:
            texte = persona.reponse(conv.question, conv.groupe, "je ne sais pas")
        messages.append(texte)
        conv.envoyer(texte)
    return messages


def scenarios_assistant(webhook: str, n: int) -> list[list[str]]:
    """Les messages de chaque persona (rejoués d'abord une fois pour connaître les questions)."""
    scripts = [script_persona(webhook, persona) for persona in PERSONAS]
    return [scripts[i % len(scripts)] for i in range(n)]


def centile(valeurs: list[float], q: float) -> float:
    return statistics.quantiles(valeurs, n=100, method="inclusive")[int(q) - 1]


def resume_latences(latences: list[float]) -> dict:
    return {
        "tours": len(latences),
        "p50_ms": round(centile(latences, 50) * 1000, 1),
        "p95_ms": round(centile(latences, 95) * 1000, 1),
        "moyenne_ms": round(statistics.fmean(latences) * 1000, 1),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sans-entrainement", action="store_true",
                    help="réutiliser models/assistant.tar.gz (temps d'entraînement non mesuré)")
    ap.add_argument("--conversations", type=int, default=20, help="conversations en même temps")
    # 10 et non 3 : les 20 clients partent ensemble, et cette première vague pèse lourd sur le p95
    # d'une mesure courte. 27 nov. 2026, deux lancements, même configuration : rapport p95 2.3
    # sur 345 tours, 1.52 sur 1 146.
    ap.add_argument("--tours-par-conversation", type=int, default=10,
                    help="conversations jouées par chaque client parallèle")
    ap.add_argument("--tours-seulement", action="store_true",
                    help="seulement les questions et les tours jusqu'au verdict, avec models/assistant.tar.gz")
    args = ap.parse_args()
    if args.tours_seulement:
        return tours_seulement()

    resultats: dict = {"date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                       "machine": machine(), "conversations_paralleles": args.conversations}
    with tempfile.TemporaryDirectory(prefix="bench-conv-") as tmp:
        tmp = Path(tmp)
        # 1. Entraînement
        if args.sans_entrainement:
            modele, duree = MODELE, None
        else:
            modele, duree = entrainer_assistant(tmp / "assistant")
        (tmp / "nu").mkdir()
        modele_nu, duree_nu = entrainer_nu(tmp / "nu")
        resultats["entrainement_s"] = {"assistant": duree and round(duree, 1), "rasa_init": round(duree_nu, 1)}

        n_scenarios = args.conversations * args.tours_par_conversation
        # 2. L'assistant : chargement, questions, charge
        gestionnaire, s, demarrage = demarrer(modele, True, RACINE)
        try:
            chargement = recharger(s.rasa, modele)
            questions = tours_par_persona(s.webhook)
            scripts = scenarios_assistant(s.webhook, n_scenarios)
            latences = asyncio.run(charge(s.webhook, scripts, args.conversations))
        finally:
            gestionnaire.__exit__(None, None, None)
        resultats["assistant"] = {
            "demarrage_serveur_s": round(demarrage, 1),
            "chargement_modele_s": round(chargement, 1),
            "latence": resume_latences(latences),
        }
        resultats["questions"] = questions

        # 3. Le modèle nu, mêmes mesures de charge
        gestionnaire, s, demarrage_nu = demarrer(modele_nu, False, tmp / "nu")
        try:
            chargement_nu = recharger(s.rasa, modele_nu)
            latences_nu = asyncio.run(
                charge(s.webhook, [MESSAGES_NU] * n_scenarios, args.conversations)
            )
        finally:
            gestionnaire.__exit__(None, None, None)
        resultats["rasa_init"] = {
            "demarrage_serveur_s": round(demarrage_nu, 1),
            "chargement_modele_s": round(chargement_nu, 1),
            "latence": resume_latences(latences_nu),
        }
    p95, p95_nu = resultats["assistant"]["latence"]["p95_ms"], resultats["rasa_init"]["latence"]["p95_ms"]
    resultats["rapport_p95"] = round(p95 / p95_nu, 2)
    resultats["objectif_rapport_p95"] = 2.0

    SORTIE.parent.mkdir(parents=True, exist_ok=True)
    SORTIE.write_text(json.dumps(resultats, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    afficher(resultats)
    return 0


def tours_seulement() -> int:
    resultats: dict = {"date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                       "machine": machine()}
    gestionnaire, s, _ = demarrer(MODELE, True, RACINE)
    try:
        resultats["questions"] = tours_par_persona(s.webhook)
    finally:
        gestionnaire.__exit__(None, None, None)
    sortie = SORTIE.with_name("tours.json")
    sortie.write_text(json.dumps(resultats, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    afficher_tours(resultats["questions"])
    print(f"\nRésultats : {sortie.relative_to(RACINE)}")
    return 0


def afficher_tours(q: dict) -> None:
    print("\nJusqu'au verdict : questions (droits demandés | tous) ; tours, récapitulatif compris (droits demandés | tous) :")
    for nom, p in q["par_persona"].items():
        print(f"  {nom:<28}{p['demandes']['questions']:>4} | {p['tous']['questions']:>3}"
              f"   {p['demandes']['tours']:>4} | {p['tous']['tours']:>3}"
              f"   {'/'.join(p['droits_demandes']) if len(p['droits_demandes']) < 4 else 'tous'}")
    print(f"  moyenne questions : {q['moyenne_droits_demandes']} | {q['moyenne_4_droits']}")
    print(f"  moyenne tours : {q['tours_moyenne_droits_demandes']} | {q['tours_moyenne_tous_les_droits']}"
          f" (objectif tous les droits ≤ {q['objectif_moyenne_4_droits']}, récapitulatif compris)")
    if q["sans_verdict"]:
        print(f"  SANS VERDICT : {', '.join(q['sans_verdict'])}")


def afficher(r: dict) -> None:
    m = r["machine"]
    print(f"\nBanc d'essai de la conversation — {r['date']}")
    print(f"Machine : {m['processeur']}, {m['coeurs']} cœurs, {m['systeme']}")
    a, n = r["assistant"], r["rasa_init"]
    lignes = [
        ("", "assistant", "rasa init"),
        ("entraînement (s)", r["entrainement_s"]["assistant"], r["entrainement_s"]["rasa_init"]),
        ("démarrage du serveur (s)", a["demarrage_serveur_s"], n["demarrage_serveur_s"]),
        ("chargement du modèle (s)", a["chargement_modele_s"], n["chargement_modele_s"]),
        (f"latence p50 ({r['conversations_paralleles']} conv.) ms", a["latence"]["p50_ms"], n["latence"]["p50_ms"]),
        (f"latence p95 ({r['conversations_paralleles']} conv.) ms", a["latence"]["p95_ms"], n["latence"]["p95_ms"]),
        ("tours mesurés", a["latence"]["tours"], n["latence"]["tours"]),
    ]
    for l in lignes:
        print(f"  {str(l[0]):<32}{str(l[1]):>12}{str(l[2]):>12}")
    print(f"  rapport p95 assistant / nu : {r['rapport_p95']} (objectif ≤ {r['objectif_rapport_p95']})")
    afficher_tours(r["questions"])
    print(f"\nRésultats : {SORTIE.relative_to(RACINE)}")


if __name__ == "__main__":
    sys.exit(main())

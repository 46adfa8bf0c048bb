"""Banc de charge de la production (issue 14), par la passerelle, sur 127.0.0.1, en un lancement :

1. un modèle nu ``rasa init`` (entraîné ici), 1 instance, suivis en mémoire : la référence ;
2. l'assistant, 1 instance de Rasa, suivis dans PostgreSQL, verrous et état dans Redis ;
3. l'assistant, 2 instances (hachage cohérent), même PostgreSQL et Redis ;
4. bascule : pendant la charge à 2 instances, kill -9 de l'une ; temps jusqu'à la première réponse
   de l'autre pour une conversation de l'instance tuée.

Pour chacun : ``--conversations`` (20) conversations en même temps, chacune rejoue le script d'une
persona (tests/e2e/personas.py) ; latence par tour vue du client de la passerelle (p50, p95, p99),
débit (tours par seconde), erreurs. Objectif : p95 ≤ 1,2 × le modèle nu, aucune erreur, bascule < 2 s.

    .venv/bin/python bench/bench_charge.py [--conversations 20] [--json bench/resultats/charge.json]

Boucles bornées (chaque conversation joue un script fini), 127.0.0.1 seulement.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

RACINE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RACINE))
sys.path.insert(0, str(RACINE / "bench"))

from bench_conversation import MESSAGES_NU, entrainer_nu, scenarios_assistant  # noqa: E402
from fuzz_openapi import machine  # noqa: E402

from bot.passerelle.app import creer_app  # noqa: E402
from bot.passerelle.rasa import ordre_instances  # noqa: E402
from bot.passerelle.reglages import Reglages  # noqa: E402
from tests.passerelle.outils import ServeurFil  # noqa: E402
from tests.serveurs import grappe, serveurs  # noqa: E402


def centile(valeurs: list[float], q: float) -> float:
    if not valeurs:
        return float("nan")
    return statistics.quantiles(valeurs, n=100, method="inclusive")[int(q) - 1] if len(valeurs) > 1 else valeurs[0]


def resume(latences: list[float], erreurs: int, duree: float) -> dict:
    return {"tours": len(latences), "erreurs": erreurs, "duree_s": round(duree, 1),
            "debit_tours_par_s": round(len(latences) / duree, 2) if duree else None,
            "p50_ms": _ms(centile(latences, 50)), "p95_ms": _ms(centile(latences, 95)),
            "p99_ms": _ms(centile(latences, 99))}


def _ms(secondes: float) -> int | None:
    return None if secondes != secondes else round(secondes * 1000)


async def charge(url: str, scripts: list[list[str]], paralleles: int, pendant=None) -> dict:
    latences: list[float] = []
    erreurs = 0
    file: asyncio.Queue = asyncio.Queue()
    for s in scripts:
        file.put_nowait(s)
    debut = time.perf_counter()
    async with httpx.AsyncClient(timeout=120) as client:
        async def ouvrier():
            nonlocal erreurs
            while not file.empty():
                messages = file.get_nowait()
                sender = f"charge-{uuid.uuid4().hex}"
                for texte in messages:
                    t = time.perf_counter()
                    try:
                        r = await client.post(f"{url}/api/v1/chat", json={"sender": sender, "message": texte})
                        if r.status_code != 200:
                            erreurs += 1
                            continue
                    except httpx.HTTPError:
                        erreurs += 1
                        continue
                    latences.append(time.perf_counter() - t)
        taches = [ouvrier() for _ in range(paralleles)]
        if pendant is not None:
            taches.append(pendant(client))
        await asyncio.gather(*taches)
    return resume(latences, erreurs, time.perf_counter() - debut)


def passerelle(rasa_urls, actions_urls, jeton, **extra) -> tuple[ServeurFil, object]:
    reglages = Reglages(pseudonyme_cle=b"cle-du-banc-de-charge-0123456789", rasa_url=rasa_urls[0],
                        rasa_urls=tuple(rasa_urls), actions_url=actions_urls[0], actions_urls=tuple(actions_urls),
                        rasa_jeton=jeton or "", rasa_delai=120.0, debit_ip_max=0, debit_max=0, **extra)
    app = creer_app(reglages)
    return ServeurFil(app, lifespan="on"), app


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--conversations", type=int, default=20)
    p.add_argument("--json", type=Path, default=RACINE / "bench" / "resultats" / "charge.json")
    args = p.parse_args()
    n = args.conversations
    bilan: dict = {"machine": machine(), "conversations_en_meme_temps": n}

    # 1. Référence : rasa init, suivis en mémoire, par la passerelle (modèle gardé d'un lancement à l'autre).
    deja = sorted(Path(tempfile.gettempdir()).glob("charge-nu-*/models/nu.tar.gz"))
    if deja:
        modele_nu, dossier = deja[-1], deja[-1].parent.parent
    else:
        dossier = Path(tempfile.mkdtemp(prefix="charge-nu-"))
        modele_nu, _ = entrainer_nu(dossier)
    from tests.passerelle.outils import FauxRasa

    sante = FauxRasa()  # le modèle nu n'a pas de serveur d'actions : une sonde /health qui répond « ok »
    with serveurs(modele=modele_nu, actions=False, projet=dossier, jeton="jeton-banc-nu-0123456789") as s, \
            ServeurFil(sante.app) as faux_actions:
        serveur, _ = passerelle([s.rasa], [faux_actions.url], s.jeton, database_url="sqlite:///:memory:")
        with serveur:
            scripts = [MESSAGES_NU for _ in range(n)]
            asyncio.run(charge(serveur.url, scripts[:2], 2))  # chauffe
            bilan["rasa_init_memoire"] = asyncio.run(charge(serveur.url, scripts, n))
    print("rasa init :", bilan["rasa_init_memoire"], flush=True)

    # 2-4. L'assistant sur PostgreSQL et Redis.
    with grappe(2) as g:
        communs = dict(database_url=g.base_rdv, redis_url=g.redis.url, tracker_database_url=g.suivis)
        serveur, _ = passerelle(g.rasa_urls[:1], g.actions_urls[:1], g.jeton, **communs)
        with serveur:
            base_scripts = scenarios_assistant(f"{g.rasa_urls[0]}/webhooks/rest/webhook", n)
            asyncio.run(charge(serveur.url, base_scripts[:2], 2))
            bilan["assistant_1_instance_postgres"] = asyncio.run(charge(serveur.url, base_scripts, n))
        print("1 instance :", bilan["assistant_1_instance_postgres"], flush=True)
        serveur, app = passerelle(g.rasa_urls, g.actions_urls, g.jeton, **communs)
        with serveur:
            bilan["assistant_2_instances_postgres"] = asyncio.run(charge(serveur.url, base_scripts, n))
            print("2 instances :", bilan["assistant_2_instances_postgres"], flush=True)

            # Bascule : une conversation dont l'instance préférée est la première ; kill -9 pendant la charge.
            relais = app.state.passerelle.relais
            sender = next(f"bascule-{i}" for i in range(1000)
                          if ordre_instances(relais.pseudonyme("web", f"bascule-{i}"), g.rasa_urls)[0] == g.rasa_urls[0])
            mesure: dict = {}

            async def tuer_puis_mesurer(client):
                await client.post(f"{serveur.url}/api/v1/chat", json={"sender": sender, "message": "bonjour"})
                await asyncio.sleep(2)
                proc = g.instances[0].processus["rasa"]
                os.kill(proc.pid, signal.SIGKILL)
                t = time.perf_counter()
                r = await client.post(f"{serveur.url}/api/v1/chat", json={"sender": sender, "message": "je dors dans la rue"})
                mesure["premiere_reponse_apres_kill_s"] = round(time.perf_counter() - t, 3)
                mesure["statut"] = r.status_code

            bilan["bascule_pendant_la_charge"] = asyncio.run(charge(serveur.url, base_scripts, n, tuer_puis_mesurer))
            bilan["bascule_pendant_la_charge"].update(mesure)
            print("bascule :", bilan["bascule_pendant_la_charge"], flush=True)
    ref = bilan["rasa_init_memoire"]["p95_ms"]
    for cle in ("assistant_1_instance_postgres", "assistant_2_instances_postgres"):
        bilan[cle]["p95_sur_rasa_init"] = round(bilan[cle]["p95_ms"] / ref, 2) if ref else None
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(bilan, ensure_ascii=False, indent=1))
    print(json.dumps(bilan, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

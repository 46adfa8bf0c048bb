"""Banc d'essai du service de rendez-vous : réservations par seconde sur SQLite et PostgreSQL,
et la course (50 réservations simultanées d'un même créneau : une seule doit réussir).

    .venv/bin/python bench/bench_rdv.py [--n 1000] [--fils 8] [--json FICHIER]

PostgreSQL : ``BENCH_DATABASE_URL`` s'il est défini (base vidée puis migrée), sinon une grappe
jetable (initdb + pg_ctl) avec les réglages par défaut de durabilité (fsync activé).
Chaque réservation est une vraie transaction validée (commit), avec file de SMS si numéro.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text  # noqa: E402

from rdv.db import creer_moteur, migrer  # noqa: E402
from rdv.erreurs import CreneauPris  # noqa: E402
from rdv.planning import charger_lieux, creer_creneau  # noqa: E402
from rdv.service import ServiceRdv  # noqa: E402
from rdv.temps import PARIS, HorlogeFixe  # noqa: E402

MAINTENANT = datetime(2026, 12, 7, 10, 0, tzinfo=PARIS)


def machine() -> dict[str, str]:
    cpu = platform.processor() or ""
    try:
        for ligne in open("/proc/cpuinfo", encoding="utf-8"):
            if ligne.startswith("model name"):
                cpu = ligne.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memoire = ""
    try:
        for ligne in open("/proc/meminfo", encoding="utf-8"):
            if ligne.startswith("MemTotal"):
                memoire = f"{int(ligne.split()[1]) / 1024 / 1024:.1f} Gio"
                break
    except OSError:
        pass
    return {
        "date": datetime.now(PARIS).strftime("%Y-%m-%d %H:%M %Z"),
        "machine": f"{platform.system()} {platform.release()} {platform.machine()}",
        "cpu": f"{cpu} ({os.cpu_count()} cœurs)",
        "memoire": memoire,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
    }


def preparer(moteur, n: int) -> tuple[ServiceRdv, list[int]]:
    horloge = HorlogeFixe(MAINTENANT)
    service = ServiceRdv(moteur, horloge=horloge)
    with service.sessions.begin() as s:
        ids = charger_lieux(s)
        lieu = ids["caf-nationale"]
        creneaux = [
            creer_creneau(s, lieu, MAINTENANT + timedelta(days=2, minutes=5 * i),
                          MAINTENANT + timedelta(days=2, minutes=5 * i + 5), 1, MAINTENANT)
            for i in range(n + 1)
        ]
        s.flush()
        return service, [c.id for c in creneaux]


def debit(service: ServiceRdv, ids: list[int], fils: int) -> float:
    """Réservations validées par seconde, ``fils`` clients en parallèle, créneaux distincts,
    une sur deux avec un numéro (donc 3 SMS mis en file)."""
    def reserver(i: int):
        tel = "06 12 34 56 78" if i % 2 else None
        service.reserver(ids[i], telephone=tel, canal="bench")

    debut = time.perf_counter()
    if fils == 1:
        for i in range(len(ids)):
            reserver(i)
    else:
        with ThreadPoolExecutor(max_workers=fils) as ex:
            list(ex.map(reserver, range(len(ids))))
    return len(ids) / (time.perf_counter() - debut)


def course(service: ServiceRdv, creneau_id: int, n: int = 50) -> dict[str, float | int]:
    depart = threading.Barrier(n)

    def un(_):
        depart.wait()
        try:
            service.reserver(creneau_id, canal="course")
            return "ok"
        except CreneauPris:
            return "pris"
        except Exception as e:  # ne devrait jamais arriver
            return type(e).__name__

    t = time.perf_counter()
    with ThreadPoolExecutor(max_workers=n) as ex:
        resultats = list(ex.map(un, range(n)))
    duree = time.perf_counter() - t
    return {"reussies": resultats.count("ok"), "creneau_pris": resultats.count("pris"),
            "autres_erreurs": n - resultats.count("ok") - resultats.count("pris"),
            "duree_ms": round(duree * 1000, 1)}


def mesurer(nom: str, url: str, n: int, fils: int, vider=None) -> dict:
    migrer(url)
    moteur = creer_moteur(url, pool_size=10, max_overflow=60) if "postgresql" in url else creer_moteur(url)
    if vider:
        vider(moteur)
    try:
        service, ids = preparer(moteur, 2 * n + 1)
        seq = debit(service, ids[:n], 1)
        par = debit(service, ids[n:2 * n], fils)
        c = course(service, ids[-1])
        version = ""
        with moteur.connect() as conn:
            if moteur.dialect.name == "postgresql":
                version = conn.execute(text("SHOW server_version")).scalar()
            else:
                version = sqlite3.sqlite_version
        return {"base": nom, "version": version, "sequentiel": seq, "parallele": par, "fils": fils, **c}
    finally:
        moteur.dispose()


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--n", type=int, default=1000, help="réservations par mesure")
    p.add_argument("--fils", type=int, default=8)
    p.add_argument("--json", help="écrire aussi les résultats dans ce fichier")
    args = p.parse_args()

    infos = machine()
    resultats = []
    with tempfile.TemporaryDirectory(prefix="bench-rdv-") as dossier:
        resultats.append(mesurer("SQLite (fichier, WAL)", f"sqlite:///{dossier}/bench.db", args.n, args.fils))

    externe = os.environ.get("BENCH_DATABASE_URL")
    if externe:
        def vider(m):
            with m.begin() as c:
                c.execute(text("TRUNCATE sms_sortant, resume, rendez_vous, place_creneau, creneau, agent, lieu "
                               "RESTART IDENTITY CASCADE"))
        resultats.append(mesurer("PostgreSQL", externe, args.n, args.fils, vider))
    else:
        from rdv.pg_jetable import PostgresIndisponible, PostgresJetable, trouver_binaires

        if trouver_binaires() is None:
            print("PostgreSQL absent : mesure sautée (apt-get install postgresql).", file=sys.stderr)
        else:
            try:
                with PostgresJetable(rapide=False) as pg:
                    resultats.append(mesurer("PostgreSQL (jetable, fsync)", pg.creer_base("bench"),
                                             args.n, args.fils))
            except PostgresIndisponible as e:
                print(f"PostgreSQL : {e}", file=sys.stderr)

    print(f"Banc rdv — {infos['date']}")
    print(f"Machine : {infos['machine']} ; {infos['cpu']} ; {infos['memoire']} ; Python {infos['python']}")
    print()
    print(f"| base | version | réservations/s (1 client) | réservations/s ({args.fils} clients) "
          f"| course 50 : réussies | CreneauPris | autres erreurs | durée course |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for r in resultats:
        print(f"| {r['base']} | {r['version']} | {r['sequentiel']:.0f} | {r['parallele']:.0f} | "
              f"{r['reussies']} | {r['creneau_pris']} | {r['autres_erreurs']} | {r['duree_ms']} ms |")
    print()
    print(f"{args.n} réservations par mesure, chacune une transaction validée ; une sur deux avec "
          "un numéro (3 SMS mis en file).")
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": infos, "n": args.n, "resultats": resultats},
                                              ensure_ascii=False, indent=2), encoding="utf-8")
    ok = all(r["reussies"] == 1 and r["creneau_pris"] == 49 and r["autres_erreurs"] == 0 for r in resultats)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

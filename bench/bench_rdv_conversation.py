"""Banc d'essai : prendre un rendez-vous des droits dans la conversation, par le vrai Rasa et le
vrai serveur d'actions (modèle déjà entraîné : ``make train``), sur une base SQLite neuve.

Chaque conversation : « je veux un rendez-vous » → un des 3 créneaux → « oui » → « oui » (SMS) →
numéro → code donné (si le créneau vient d'être pris par une autre, un autre créneau proposé). On mesure la durée de chaque tour et de la réservation entière, d'abord une
conversation à la fois, puis ``--simultanees`` conversations en même temps.

    .venv/bin/python bench/bench_rdv_conversation.py [--n 20] [--simultanees 8] [--json FICHIER]
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_rdv import machine  # noqa: E402
from tests.serveurs import Conversation, serveurs  # noqa: E402

TOURS = 5  # demande, créneau, « oui », « oui » au SMS, numéro


def _a_un_code(conv: Conversation) -> bool:
    return any("code" in (c.get("rdv") or {}) for c in conv.customs(conv.dernier))


def reserver(webhook: str, hasard: random.Random) -> tuple[list[float], float, bool, int]:
    """Une réservation ; si le créneau vient d'être pris par une autre conversation, on en
    choisit un autre parmi ceux que le bot propose alors (comme une personne le ferait)."""
    conv = Conversation(webhook)
    durees: list[float] = []
    reprises = 0

    def dire(texte: str) -> None:
        t = time.perf_counter()
        conv.envoyer(texte)
        durees.append(time.perf_counter() - t)

    debut = time.perf_counter()
    dire("je veux un rendez-vous")
    for _ in range(6):
        creneaux = [b["payload"] for b in conv.boutons() if '"creneau":"' in b["payload"] and "autre" not in b["payload"]]
        dire(hasard.choice(creneaux))
        dire("oui")
        if _a_un_code(conv):
            break
        reprises += 1  # « Ce créneau vient d'être pris » : de nouveaux boutons
    ok = _a_un_code(conv)
    if ok:
        dire("oui")
        dire("06 12 34 56 78")
    return durees, time.perf_counter() - debut, ok, reprises


def resume(valeurs: list[float]) -> dict[str, float]:
    v = sorted(valeurs)
    return {"p50_ms": round(1000 * statistics.median(v), 1),
            "p95_ms": round(1000 * v[min(len(v) - 1, int(0.95 * len(v)))], 1),
            "max_ms": round(1000 * v[-1], 1)}


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--n", type=int, default=20)
    p.add_argument("--simultanees", type=int, default=8)
    p.add_argument("--json")
    args = p.parse_args()
    hasard = random.Random(42)
    with serveurs() as s:
        reserver(s.webhook, hasard)  # chauffe
        seq = [reserver(s.webhook, hasard) for _ in range(args.n)]
        with ThreadPoolExecutor(args.simultanees) as pool:
            par = list(pool.map(lambda i: reserver(s.webhook, random.Random(i)), range(args.n)))

    def bilan(liste):
        return {"tour": resume([d for ds, *_ in liste for d in ds]),
                "reservation": resume([t for _, t, *_ in liste]),
                "codes_donnes": sum(ok for _, _, ok, _ in liste),
                "creneau_deja_pris_puis_un_autre": sum(r for *_, r in liste)}

    sortie = {
        **machine(),
        "conversations": args.n,
        "tours_par_reservation": TOURS,
        "une_a_la_fois": bilan(seq),
        f"{args.simultanees}_simultanees": bilan(par),
    }
    print(json.dumps(sortie, ensure_ascii=False, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(sortie, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Essai en ligne de commande.

    python -m bot.extraction "jsui malien g 34 ans je dors dehors"   # faits en JSON
    python -m bot.extraction --reponse age "trente-quatre"           # réponse courte à une question
    python -m bot.extraction --vitesse                               # temps moyen par message
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import random
import statistics
import sys
import time

from . import analyser_reponse, extraire_faits

EXEMPLES = [
    "bjr jsui malien g 34 ans jdor dehor depuis 3 mois jai pa de papié",
    "Bonjour, je suis éducatrice dans un CHRS. Madame K., 41 ans, de nationalité guinéenne, titulaire d'un titre "
    "de séjour vie privée et familiale depuis 2019, mère isolée de 2 enfants, perçoit 560 € de RSA et 320 € d'APL.",
    "je touche 450 de rsa et ma femme gagne 800",
    "on est 3 avec ma femme et le petit",
    "je sais pas",
    "oui",
    "j'ai travaillé 2 ans à plein temps",
    "en France depuis 2019, je dors chez un pote à Paris 18e",
    "je suis pas étudiant et pas enceinte",
    "Monsieur X, 58 ans, sans domicile, sans ressources",
]


def vitesse(n: int = 1000) -> dict:
    random.seed(0)
    lot = [random.choice(EXEMPLES) for _ in range(n)]
    extraire_faits("échauffement")
    durees = []
    for texte in lot:
        debut = time.perf_counter()
        extraire_faits(texte)
        durees.append(time.perf_counter() - debut)
    durees.sort()
    return {"messages": n, "moyenne_us": round(statistics.mean(durees) * 1e6),
            "p50_us": round(durees[n // 2] * 1e6), "p95_us": round(durees[int(n * 0.95)] * 1e6)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.extraction", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("texte", nargs="?", help="message à lire (sinon l'entrée standard)")
    parser.add_argument("--reponse", metavar="CHAMP", help="lire le texte comme la réponse à ce champ")
    parser.add_argument("--date", help="date du jour AAAA-MM-JJ (par défaut : aujourd'hui à Paris)")
    parser.add_argument("--vitesse", action="store_true", help="mesurer le temps par message")
    args = parser.parse_args(argv)
    if args.vitesse:
        print(json.dumps(vitesse(), ensure_ascii=False))
        return 0
    texte = args.texte if args.texte is not None else sys.stdin.read()
    if args.reponse:
        reponse = analyser_reponse(args.reponse, texte, aujourd_hui=args.date)
        sortie = {"valeur": reponse.valeur, "ne_sait_pas": reponse.ne_sait_pas,
                  "extraction": dataclasses.asdict(reponse.extraction)}
    else:
        sortie = dataclasses.asdict(extraire_faits(texte, aujourd_hui=args.date))
    print(json.dumps(sortie, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

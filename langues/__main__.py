"""``python -m langues verifier`` | ``gabarit NOM`` | ``relecture [--ecrire]``.

- ``verifier`` : pour chaque langue et chaque catalogue, le nombre de textes absents (dits en français),
  de chemins inconnus et de variables différentes ; code de sortie 1 s'il y a un chemin inconnu ou une
  variable différente.
- ``gabarit NOM`` : la structure à traduire du catalogue NOM (YAML), textes français en place.
- ``relecture`` : le document des traductions à relire (docs/traductions-a-relire.md) ; ``--ecrire`` l'écrit.
"""
from __future__ import annotations

import argparse
import sys

import yaml

from . import PAR_CODE
from . import catalogues as c
from .relecture import DOCUMENT, document


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m langues")
    sous = p.add_subparsers(dest="commande", required=True)
    sous.add_parser("verifier")
    g = sous.add_parser("gabarit")
    g.add_argument("nom", choices=sorted(c.CATALOGUES))
    r = sous.add_parser("relecture")
    r.add_argument("--ecrire", action="store_true")
    args = p.parse_args(argv)
    if args.commande == "gabarit":
        yaml.safe_dump(c.gabarit(args.nom), sys.stdout, allow_unicode=True, sort_keys=False, width=120)
        return 0
    if args.commande == "relecture":
        texte = document()
        if args.ecrire:
            DOCUMENT.write_text(texte, encoding="utf-8")
        else:
            sys.stdout.write(texte)
        return 0
    erreur = 0
    for langue in c.langues_traduites():
        for nom, r_ in c.verifier(langue).items():
            total = len(c.textes(nom))
            print(f"{langue:4} {nom:12} traduits {total - len(r_['absents']):4}/{total:<4} "
                  f"inconnus {len(r_['inconnus'])}  variables {len(r_['variables'])}  ({PAR_CODE[langue].nom_fr})")
            for cle in r_["inconnus"] + r_["variables"]:
                print("     ", cle)
            erreur |= bool(r_["inconnus"] or r_["variables"])
    return 1 if erreur else 0


if __name__ == "__main__":
    sys.exit(main())

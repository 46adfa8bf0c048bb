"""CLI : python -m droits evaluer FICHIER|- [--date AAAA-MM-JJ] [--forme vous|il|elle|personne]
        python -m droits question FICHIER|- [--droits ame,rsa] [--ignorer champ,champ] [--date AAAA-MM-JJ]

JSON sur la sortie standard. Entrée invalide (JSON, fichier, date, champ) : code 2 et une seule ligne
sur la sortie d'erreur, jamais de trace.
"""
from __future__ import annotations

import argparse
import json
import sys

from . import DROITS, evaluer, prochaine_question
from .situation import SituationInvalide


class _Erreur(Exception):
    pass


class _Parseur(argparse.ArgumentParser):
    def error(self, message: str):  # une ligne, code 2
        raise _Erreur(f"usage : {message}")


def _parseur() -> argparse.ArgumentParser:
    p = _Parseur(prog="python -m droits", description=f"Droits du registre : {', '.join(DROITS)}.")
    sous = p.add_subparsers(dest="commande", required=True, parser_class=_Parseur)
    e = sous.add_parser("evaluer", help="évaluer les droits d'une situation JSON")
    e.add_argument("fichier", help="fichier JSON de la situation, ou - pour l'entrée standard")
    e.add_argument("--date", default=None, help="date d'évaluation AAAA-MM-JJ (défaut : aujourd'hui à Paris)")
    e.add_argument("--forme", default="vous", help="vous, il, elle ou personne (« la personne », pour un professionnel)")
    e.add_argument("--langue", default="fr", help="langue des phrases : fr, en, ar, prs, ps, ro (langues/langues.yaml)")
    q = sous.add_parser("question", help="prochaine question à poser")
    q.add_argument("fichier", help="fichier JSON de la situation, ou - pour l'entrée standard")
    q.add_argument("--droits", default=",".join(DROITS), help="droits visés, séparés par des virgules (défaut : tous)")
    q.add_argument("--ignorer", default="", help="champs que la personne ne sait pas, séparés par des virgules")
    q.add_argument("--date", default=None, help="date AAAA-MM-JJ")
    q.add_argument("--langue", default="fr", help="langue de la question : fr, en, ar, prs, ps, ro")
    return p


def _lire(fichier: str):
    try:
        texte = sys.stdin.read() if fichier == "-" else open(fichier, encoding="utf-8").read()
    except FileNotFoundError:
        raise _Erreur(f"fichier introuvable : {fichier}") from None
    except (OSError, UnicodeDecodeError) as e:
        raise _Erreur(f"lecture impossible de {fichier} : {e.__class__.__name__}") from None
    try:
        return json.loads(texte)
    except json.JSONDecodeError as e:
        raise _Erreur(f"JSON invalide ({fichier}, ligne {e.lineno}, colonne {e.colno}) : {e.msg}") from None


def main(argv=None) -> int:
    try:
        args = _parseur().parse_args(argv)
        situation = _lire(args.fichier)
        if args.commande == "evaluer":
            sortie = evaluer(situation, date=args.date, forme=args.forme, langue=args.langue)
        else:
            ignorer = [c for c in args.ignorer.split(",") if c]
            sortie = prochaine_question(situation, droits=args.droits, ignorer=ignorer, date=args.date,
                                        langue=args.langue)
    except SituationInvalide as e:
        print(f"erreur : {e.message}", file=sys.stderr)
        return 2
    except _Erreur as e:
        print(f"erreur : {' '.join(str(e).split())}", file=sys.stderr)
        return 2
    json.dump(sortie, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Intentions et règles de dialogue des droits, générées pour Rasa depuis le registre (droits/registre.yaml).

    python -m droits.rasa_registre [--verifier] [--racine DOSSIER]

écrit `domain/droits_registre.yml` (une intention `demander_<droit>` par droit) et
`data/rules/droits_registre.yml` (une règle : cette intention → action_avancer). Ces fichiers sont ignorés
par git et refaits par `make train`, `scripts/entrainer.sh` et `scripts/tester.sh` : ajouter un droit au
registre suffit côté domaine et règles (ses exemples NLU restent à écrire dans data/nlu/<droit>.yml).
`--verifier` n'écrit rien : code 1 et une ligne par fichier à refaire.

Ce module n'est pas importé par `droits` : il ne sert qu'à cette génération (et aux tests).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from . import registre

RACINE_PROJET = Path(__file__).resolve().parent.parent
ACTION_DES_DROITS = "action_avancer"  # l'action qui lit les faits et pose la question suivante (bot/actions)
FICHIER_DOMAINE = Path("domain") / "droits_registre.yml"
FICHIER_REGLES = Path("data") / "rules" / "droits_registre.yml"
_ENTETE = ("# Fichier généré par `python -m droits.rasa_registre` depuis droits/registre.yaml.\n"
           "# Ne pas le modifier : changer le registre, puis relancer la commande (ou make registre).\n")


def _yaml(contenu: dict) -> str:
    return _ENTETE + yaml.safe_dump(contenu, allow_unicode=True, sort_keys=False, width=120)


def fichiers_rasa() -> dict[Path, str]:
    """Chemin relatif (racine du projet) → contenu des fichiers Rasa tirés du registre."""
    domaine = {"version": "3.1", "intents": [d.intention for d in registre.DROITS]}
    regles = {"version": "3.1", "rules": [
        {"rule": f"droit {d.id} ({d.intention})", "steps": [{"intent": d.intention}, {"action": ACTION_DES_DROITS}]}
        for d in registre.DROITS
    ]}
    return {FICHIER_DOMAINE: _yaml(domaine), FICHIER_REGLES: _yaml(regles)}


def fichiers_a_refaire(racine: Path = RACINE_PROJET) -> list[Path]:
    """Fichiers Rasa absents ou différents de ce que donne le registre."""
    return [chemin for chemin, texte in fichiers_rasa().items()
            if not (racine / chemin).exists() or (racine / chemin).read_text(encoding="utf-8") != texte]


def ecrire_rasa(racine: Path = RACINE_PROJET) -> list[Path]:
    """Écrit les fichiers qui ont changé ; rend leur liste."""
    ecrits = []
    for chemin, texte in fichiers_rasa().items():
        cible = racine / chemin
        if not cible.exists() or cible.read_text(encoding="utf-8") != texte:
            cible.parent.mkdir(parents=True, exist_ok=True)
            cible.write_text(texte, encoding="utf-8")
            ecrits.append(chemin)
    return ecrits


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m droits.rasa_registre",
                                 description="Fichiers Rasa tirés du registre des droits.")
    ap.add_argument("--verifier", action="store_true", help="ne rien écrire ; code 1 si un fichier est à refaire")
    ap.add_argument("--racine", type=Path, default=RACINE_PROJET, help="racine du projet (défaut : ce dépôt)")
    args = ap.parse_args(argv)
    if args.verifier:
        a_refaire = fichiers_a_refaire(args.racine)
        for chemin in a_refaire:
            print(f"à refaire : {chemin} (python -m droits.rasa_registre)", file=sys.stderr)
        return 1 if a_refaire else 0
    for chemin in ecrire_rasa(args.racine):
        print(f"écrit : {chemin}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

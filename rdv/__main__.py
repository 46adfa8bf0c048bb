"""Commandes du service de rendez-vous.

    python -m rdv migrer                      # crée ou met à jour le schéma (DATABASE_URL)
    python -m rdv generer-creneaux [--semaines 4]
    python -m rdv agent-creer NOM [--lieu CLE]
    python -m rdv purger [--jours 30]
    python -m rdv rappels [--une-fois] [--intervalle 30]
"""
from __future__ import annotations

import argparse
import logging
import sys

from sqlalchemy import select

from rdv.service import JOURS_CONSERVATION


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m rdv", description="Rendez-vous des droits (CAF de Paris)")
    p.add_argument("--base", help="URL de la base (sinon DATABASE_URL, sinon sqlite:///var/rdv.db)")
    sous = p.add_subparsers(dest="commande", required=True)
    sous.add_parser("migrer", help="appliquer les migrations")
    g = sous.add_parser("generer-creneaux", help="charger les lieux et créer les créneaux à venir")
    g.add_argument("--semaines", type=int, default=None)
    a = sous.add_parser("agent-creer", help="créer un agent et afficher son jeton (une seule fois)")
    a.add_argument("nom")
    a.add_argument("--lieu", help="clé du lieu (ex. caf-nationale) ; sans : tous les lieux")
    a.add_argument("--identifiant", help="identifiant de connexion à /pro (le mot de passe est demandé)")
    u = sous.add_parser("purger", help="effacer les rendez-vous finis depuis N jours")
    u.add_argument("--jours", type=int, default=JOURS_CONSERVATION)
    r = sous.add_parser("rappels", help="envoyer les SMS dus (boucle)")
    r.add_argument("--une-fois", action="store_true", help="un seul tour puis sortie")
    r.add_argument("--intervalle", type=float, default=30.0)
    args = p.parse_args(argv)

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    from rdv.db import migrer, url_base

    if args.commande == "migrer":
        migrer(url_base(args.base))
        print("Schéma à jour.")
        return 0

    from rdv.service import ServiceRdv

    service = ServiceRdv(url_base(args.base))
    if args.commande == "generer-creneaux":
        n = service.generer_creneaux(semaines=args.semaines)
        print(f"{n} créneaux créés (planning de démonstration : à fixer par la CAF).")
        return 0
    if args.commande == "agent-creer":
        lieu_id = None
        if args.lieu:
            from rdv.modeles import Lieu

            with service.sessions() as s:
                lieu_id = s.scalar(select(Lieu.id).where(Lieu.cle == args.lieu))
            if lieu_id is None:
                print(f"Lieu inconnu : {args.lieu}", file=sys.stderr)
                return 2
        mot_de_passe = None
        if args.identifiant:
            import getpass

            mot_de_passe = getpass.getpass("Mot de passe (12 caractères au moins) : ") if sys.stdin.isatty() \
                else sys.stdin.readline().rstrip("\n")
        agent, jeton = service.creer_agent(args.nom, lieu_id, identifiant=args.identifiant, mot_de_passe=mot_de_passe)
        print(f"Agent {agent.id} créé : {agent.nom}" + (f" (lieu {args.lieu})" if args.lieu else " (tous les lieux)"))
        print("Jeton (affiché une seule fois, gardez-le en lieu sûr) :")
        print(jeton)
        return 0
    if args.commande == "purger":
        compte = service.purger(args.jours)
        print(f"Purge ({args.jours} jours) : {compte}")
        return 0
    if args.commande == "rappels":
        from rdv.rappels import Relanceur
        from rdv.sms.expediteurs import expediteur_depuis_env

        import os

        relanceur = Relanceur(service, expediteur_depuis_env(),
                              suivis_url=os.environ.get("TRACKER_DATABASE_URL") or None,
                              conservation_minutes=float(os.environ.get("CONSERVATION_MINUTES") or 60))
        if args.une_fois:
            print(relanceur.tour())
            return 0
        relanceur.boucle(args.intervalle)
        return 0
    return 1


if __name__ == "__main__":
    sys.exit(main())

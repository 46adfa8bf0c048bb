"""Quels droits regarder (issue 11 §3) : tous ceux que la situation appelle.

- Un message qui décrit une situation ou un besoin sans nommer de droit (« je dors dehors »,
  « mon proprio veut me mettre dehors », « j'ai pas d'argent », « je veux voir un médecin ») : tous
  les droits. Le NLU le classe souvent ``demander_fsl`` ou ``demander_rsa`` : c'est un besoin, pas
  un nom, donc on ne s'arrête pas à ce droit.
- Un droit nommé (bouton d'accueil, ou son nom dans le texte : « je veux l'AME ») : ce droit, ses
  préalables (la domiciliation quand l'AME ou le RSA demande une adresse), puis, après le verdict,
  « Voir mes autres droits » en un toucher.
- En cours de conversation, un droit nommé ou demandé s'ajoute à ceux déjà regardés.

Un droit « préalable » n'est montré au verdict que s'il sert (pas quand la personne a déjà une
adresse) : l'emplacement ``droits_prerequis`` les retient.
"""

from __future__ import annotations

from rasa_sdk import Tracker

import droits
from bot.actions import etat

# Droits dont la démarche demande une adresse (le verdict le dit : « il faut une adresse ou une
# domiciliation ») : la domiciliation est alors regardée aussi.
PREALABLES = {"ame": ("domiciliation",), "rsa": ("domiciliation",)}


# Un droit nommé parce que la personne l'a déjà (« jsui o rsa », « j'ai une domiciliation ») n'est pas
# une demande : c'est un fait de sa situation.
DEJA = {"rsa": "percoit_rsa", "domiciliation": "domiciliation"}


def nommes(tracker: Tracker, reponse: bool, faits: dict | None = None) -> list[str]:
    """Les droits que le message nomme : bouton ``/demander_x``, ou nom dans le texte.

    Une réponse à une question (« Loyers pas payés ») ne nomme pas de droit par son intention ; un droit
    que le message dit déjà touché (``faits`` : les faits de ce message) non plus."""
    texte = etat.texte_utilisateur(tracker)
    intention = etat.intention(tracker)
    if texte.startswith("/"):
        return [etat.INTENTION_DROIT[intention]] if intention in etat.INTENTION_DROIT and not reponse else []
    faits = faits or {}
    return [d for d in etat.droits_nommes(texte[: etat.LIMITE_TEXTE]) if faits.get(DEJA.get(d, "")) is not True]


def choisir(tracker: Tracker, demandes: list[str], prerequis: list[str], reponse: bool,
            dits: bool, faits: dict | None = None) -> tuple[list[str], list[str]]:
    """(droits à regarder, droits regardés seulement comme préalables) après ce message."""
    intention = etat.intention(tracker)
    tous = list(droits.DROITS)
    if intention == "verifier_droits":
        return tous, []
    explicites = nommes(tracker, reponse, faits)
    deja = [d for d, champ in DEJA.items() if (faits or {}).get(champ) is True]
    # « jsui o rsa » (classé demander_rsa) : un droit déjà touché n'est pas le besoin dit
    besoin = intention in etat.INTENTION_DROIT and not reponse and etat.INTENTION_DROIT[intention] not in deja
    if not demandes:
        if explicites:
            ajout = [p for d in explicites for p in PREALABLES.get(d, ()) if p not in explicites]
            ajout = list(dict.fromkeys(ajout))
            ordre = [d for d in tous if d in explicites or d in ajout]
            return ordre, ajout
        if besoin or dits:
            return tous, []
        return [], []
    nouvelles = list(demandes)
    if besoin and etat.INTENTION_DROIT[intention] not in explicites:
        explicites = [*explicites, etat.INTENTION_DROIT[intention]]
    for d in explicites:
        if d in nouvelles:
            continue
        nouvelles.append(d)
        for p in PREALABLES.get(d, ()):
            if p not in nouvelles:
                nouvelles.append(p)
                prerequis = [*prerequis, p]
    prerequis = [p for p in prerequis if p not in explicites]
    return [d for d in tous if d in nouvelles], prerequis


def a_montrer(demandes: list[str], prerequis: list[str], resultats: dict) -> list[str]:
    """Les droits du verdict : un préalable sans objet (la personne a une adresse) n'est pas montré."""
    return [d for d in demandes
            if d not in prerequis or resultats["droits"][d]["statut"] != "non_eligible"]


def tous_regardes(demandes: list[str]) -> bool:
    return set(droits.DROITS) <= set(demandes)

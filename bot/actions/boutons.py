"""Boutons de réponse : chaque bouton porte exactement le fait qu'il dit (issue 15 §1).

Un bouton n'envoie jamais son libellé au NLU (« Autre pays » était lu « recommencer ») : son
payload est une intention ``informer`` avec des entités que seule l'action lit ::

    /informer{"champ":"nationalite","valeur":"hors_ue"}      un choix, un oui / non, un nombre
    /informer{"champ":"ressources_mensuelles","min":300,"max":650}   une fourchette
    /informer{"champ":"ressources_mensuelles","nsp":true}     « Je ne sais pas »
    /informer{"corriger":"age"}                                le fait à corriger (récapitulatif)
    /informer{"champ":"en_couple","valeur":false,"faits":{"enfants":0}}   une question groupée : les
                                                               autres faits que le bouton dit (``aussi``)

La passerelle ne laisse passer un texte en « / » que s'il est un payload proposé à cet expéditeur ;
l'action vérifie en plus que le champ est celui de la question posée (ou du fait à corriger) et
que la valeur est dans le vocabulaire : un payload tapé à la main ne remplit rien d'autre.
Les valeurs d'une liste (``difficultes_logement``) voyagent en texte : Rasa ferait d'une liste
plusieurs entités. ``"aucune"`` veut dire la liste vide.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import droits
from droits.situation import SituationInvalide, valider_situation  # le vocabulaire, pas les règles
from bot.actions.textes import texte

INTENTION = "informer"
AUCUNE = "aucune"
ENTITES = ("champ", "valeur", "min", "max", "nsp", "corriger", "faits")


def payload(**entites: Any) -> str:
    return f"/{INTENTION}" + json.dumps(entites, ensure_ascii=False, separators=(",", ":"))


def _valeur_du_choix(champ: str, valeur: Any) -> Any:
    if droits.CHAMPS[champ]["type"] == "liste":
        return AUCUNE if valeur == [] else valeur
    return valeur


def pour_question(question: dict) -> list[dict[str, str]]:
    """Les boutons d'une question : Oui / Non, un par choix, ceux d'une question à nombre (valeurs exactes
    et fourchettes de droits/fourchettes.yaml), puis « Je ne sais pas »."""
    champ = question["champ"]
    liste: list[dict[str, str]] = []
    nsp = {"title": texte("je_ne_sais_pas"), "payload": payload(champ=champ, nsp=True)}
    if question.get("boutons"):
        for b in question["boutons"]:
            if b.get("ne_sait_pas"):
                liste.append({"title": b["libelle"], "payload": nsp["payload"]})
            elif "fourchette" in b:
                bas, haut = b["fourchette"]
                liste.append({"title": b["libelle"], "payload": payload(champ=champ, min=bas, max=haut)})
            else:  # une question groupée : le bouton dit aussi d'autres faits (« faits »)
                autres = {"faits": b["faits"]} if b.get("faits") else {}
                liste.append({"title": b["libelle"], "payload": payload(champ=champ, valeur=b["valeur"], **autres)})
        if nsp["payload"] not in {b["payload"] for b in liste}:
            liste.append(nsp)
        return liste
    if question.get("type") == "booleen":
        liste = [
            {"title": texte("oui"), "payload": payload(champ=champ, valeur=True)},
            {"title": texte("non"), "payload": payload(champ=champ, valeur=False)},
        ]
    else:
        for choix in question.get("choix") or []:
            if "min" in choix or "max" in choix:
                entites = {"champ": champ, "min": choix.get("min"), "max": choix.get("max")}
                if choix.get("min") == choix.get("max"):
                    entites = {"champ": champ, "valeur": choix["min"]}
            else:
                entites = {"champ": champ, "valeur": _valeur_du_choix(champ, choix["valeur"])}
            liste.append({"title": choix["libelle"], "payload": payload(**entites)})
    liste.append(nsp)
    return liste


@dataclass
class Choix:
    """Ce qu'un bouton de réponse dit, vérifié : une valeur, une fourchette ou « je ne sais pas »."""

    champ: str
    valeur: Any = None
    fourchette: list[float] | None = None
    ne_sait_pas: bool = False
    autres: dict[str, Any] = field(default_factory=dict)  # question groupée : les autres faits du bouton


def entites_nommees(message: dict) -> dict[str, Any]:
    """Les entités d'un message, par nom (la dernière l'emporte)."""
    sortie: dict[str, Any] = {}
    for e in message.get("entities") or []:
        if isinstance(e, dict) and isinstance(e.get("entity"), str):
            sortie[e["entity"]] = e.get("value")
    return sortie


def entites(message: dict) -> dict[str, Any]:
    """Les entités d'un payload de bouton de réponse (les nôtres seulement), par nom."""
    return {k: v for k, v in entites_nommees(message).items() if k in ENTITES}


def lire(message: dict, champ_attendu: str | None, aussi: tuple[str, ...] | list[str] = ()) -> Choix | None:
    """Le choix porté par un bouton de réponse pour ``champ_attendu`` ; None si ce n'en est pas un
    (ou s'il ne répond pas à la question posée, ou si sa valeur est hors vocabulaire). ``aussi`` : les
    autres faits qu'un bouton de la question groupée posée peut dire ; tout autre fait est refusé."""
    texte_brut = (message.get("text") or "").strip()
    if not texte_brut.startswith("/") or not champ_attendu:
        return None
    e = entites(message)
    champ = e.get("champ")
    if champ != champ_attendu or champ not in droits.CHAMPS:
        return None
    if e.get("nsp") is True:
        return Choix(champ, ne_sait_pas=True)
    if "min" in e or "max" in e:
        bas = e.get("min")
        haut = e.get("max")
        if haut is None:
            haut = droits.CHAMPS[champ]["max"]
        try:
            propre = valider_situation({"fourchettes": {champ: [bas, haut]}})
        except SituationInvalide:
            return None
        return Choix(champ, fourchette=propre["fourchettes"][champ])
    if "valeur" not in e:
        return None
    valeur = e["valeur"]
    if droits.CHAMPS[champ]["type"] == "liste":
        valeur = [] if valeur == AUCUNE else [valeur]
    autres = e.get("faits") or {}
    if not isinstance(autres, dict) or not set(autres) <= set(aussi):
        return None
    try:
        propre = valider_situation({**autres, champ: valeur})
    except SituationInvalide:
        return None
    if champ not in propre or not set(autres) <= set(propre):
        return None
    return Choix(champ, valeur=propre[champ], autres={c: propre[c] for c in autres})


def fait_a_corriger(message: dict) -> str | None:
    """Le champ choisi dans la liste « Corriger » du récapitulatif (payload ``{"corriger": champ}``)."""
    if not (message.get("text") or "").strip().startswith("/"):
        return None
    champ = entites(message).get("corriger")
    return champ if champ in droits.CHAMPS else None

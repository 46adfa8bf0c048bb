"""Le récapitulatif avant chaque verdict : « Voici ce que j'ai compris », puis Corriger (issue 11 §2).

Un fait compris de travers (« j'ai 30 ans » lu comme un « oui ») ne doit jamais devenir un verdict sans
que la personne l'ait vu. Avant le verdict, le bot montre chaque fait en mots simples, puis
« C'est juste » / « Corriger ». « Corriger » donne la liste des faits en boutons (des numéros par
SMS) ; le fait choisi est redemandé, puis le verdict suit.

L'emplacement ``recap_confirme`` garde la situation que la personne a vue et confirmée
(``{"situation": {...}, "corrige": champ | None}``) : le récapitulatif revient seulement si un fait a
changé depuis, sauf le fait qu'elle vient de corriger elle-même.
"""

from __future__ import annotations

import math

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

import droits
from bot.actions import boutons, etat
from bot.actions.langue import courante
from bot.actions.textes import texte

ATTENTE_RECAP = "recap"
ATTENTE_CORRIGER = "corriger"
NON_MONTRES = ("genre", "fourchettes")  # le genre n'est jamais dit à la personne ; les fourchettes vont avec leur champ


def _forme(forme: str) -> str:
    return "tiers" if forme in etat.FORMES_TIERS else "vous"


def _nombre(valeur: float) -> str:
    if isinstance(valeur, float) and valeur.is_integer():
        valeur = int(valeur)
    if isinstance(valeur, int):
        return f"{valeur:,}".replace(",", " ")
    return f"{valeur:,.2f}".replace(",", " ").replace(".", ",")


def _duree(mois: int) -> str:
    if mois == 1:
        return texte("unites.un_mois")
    if mois < 24:
        return texte("unites.mois", n=mois)
    ans, reste = divmod(mois, 12)
    if reste == 1:
        return texte("unites.ans_et_un_mois", ans=ans)
    return texte("unites.ans_et_mois", ans=ans, mois=reste) if reste else texte("unites.ans", n=ans)


def _fourchette(champ: str, bornes: list[float]) -> str:
    bas, haut = bornes
    if bas <= 0:
        return texte("recap.fourchette.moins", max=_nombre(haut))
    if haut >= droits.CHAMPS[champ]["max"]:
        return texte("recap.fourchette.plus", min=_nombre(bas))
    return texte("recap.fourchette.entre", min=_nombre(bas), max=_nombre(haut))


def _duree_fourchette(champ: str, bornes: list[float]) -> str:
    """Une durée en fourchette dite comme ses boutons : « moins de 3 mois » ([0, 2] : des mois entiers),
    « au moins 3 mois et moins de 5 ans » ([3, 59]), « au moins 5 ans » ; jamais « entre 3 et 59 mois »."""
    bas, haut = bornes
    if champ.startswith("mois"):
        debut, fin = _duree(int(bas)), _duree(int(haut) + 1)
    else:  # années de titre : [0, 4.99] veut dire moins de 5 ans
        debut, fin = _duree(round(bas * 12)), _duree(round(math.ceil(haut) * 12))
    if bas <= 0:
        return texte("recap.fourchette.moins", max=fin)
    if haut >= droits.CHAMPS[champ]["max"]:
        return texte("recap.fourchette.plus", min=debut)
    return texte("recap.fourchette.entre_durees", min=debut, max=fin)


def _heures_en_temps(bornes: list[float]) -> str | None:
    """Les boutons des heures de travail disent un temps (« Moins de 2 ans ») : le récapitulatif aussi."""
    bas, haut = bornes
    if bas <= 0 and haut == 3213:
        return texte("recap.heures_moins_de_2_ans")
    if bas == 3214:
        return texte("recap.heures_2_ans_ou_plus")
    return None


def _ordinal(n: int) -> str:
    return texte("unites.premier") if n == 1 else texte("unites.rang", n=n)


def phrase(champ: str, valeur: Any, forme: str, fourchette: list[float] | None = None) -> str | None:
    """Le fait en une phrase simple (« Vous avez 30 ans. »), ou None s'il ne se montre pas."""
    modeles = texte(f"recap.faits.{champ}") if champ in texte("recap.faits") else None
    if modeles is None:
        return None
    f = _forme(forme)
    if fourchette is not None:
        modele = modeles["_"] if "_" in modeles else modeles
        if f not in modele:
            return None
        if champ.startswith("mois") or champ.endswith("annees_titre_sejour"):
            return modele[f].format(duree=_duree_fourchette(champ, fourchette))
        bornes = _fourchette(champ, fourchette)
        if champ == "heures_travail_3_ans":
            bornes = _heures_en_temps(fourchette) or texte("recap.heures", v=bornes)
        unite = "ans" if champ.endswith("annees_titre_sejour") else "mois"
        return modele[f].format(v=bornes, duree=f"{bornes} {unite}")
    if isinstance(valeur, list):
        if not valeur:
            return modeles["aucune"][f]
        noms = [texte(f"recap.difficultes.{v}") for v in valeur]
        liste = noms[0] if len(noms) == 1 else ", ".join(noms[:-1]) + f" {texte('unites.et')} " + noms[-1]
        return modeles["_"][f].format(v=liste)
    if valeur in modeles and isinstance(modeles[valeur], dict):  # une valeur nommée (choix, booléen, 0, 1)
        return modeles[valeur][f]
    modele = modeles["_"] if "_" in modeles else modeles
    if f not in modele:
        return None
    if champ == "arrondissement":
        return modele[f].format(v=_ordinal(int(valeur)))
    duree = ""
    if isinstance(valeur, (int, float)) and champ.startswith("mois"):
        duree = _duree(int(valeur))
    elif isinstance(valeur, (int, float)) and champ.endswith("annees_titre_sejour"):
        duree = _duree(round(valeur * 12))  # 0,5 an : « 6 mois », pas « 0,50 ans »
    if champ == "heures_travail_3_ans":
        return modele[f].format(v=texte("recap.heures", v=_nombre(valeur)))
    return modele[f].format(v=_nombre(valeur) if isinstance(valeur, (int, float)) else valeur, duree=duree)


def phrases(situation: dict, forme: str) -> list[tuple[str, str]]:
    """(champ, phrase) pour chaque fait connu, dans l'ordre du vocabulaire ; une fourchette prend
    la place de son champ quand la valeur exacte manque. Les faits que d'autres rendent sans objet ne se
    montrent pas : ceux que droits.valider_situation retire (le conjoint d'une personne qui ne vit pas en
    couple, le titre de séjour d'une personne française) et le lien avec Paris de qui vit à Paris (joué à la
    main : après « je dors à Paris » au récapitulatif, il restait « Vous n'avez pas de lien avec Paris »)."""
    try:
        situation = droits.valider_situation(situation)
    except droits.SituationInvalide:
        pass
    fourchettes = situation.get("fourchettes") or {}
    sortie = []
    for champ in droits.CHAMPS:
        if champ in NON_MONTRES or (champ == "lien_paris" and situation.get("vit_a_paris") is True):
            continue
        if champ in situation:
            p = phrase(champ, situation[champ], forme)
        elif champ in fourchettes:
            p = phrase(champ, None, forme, fourchettes[champ])
        else:
            continue
        if p:
            sortie.append((champ, p))
    return sortie


def texte_recap(situation: dict, inconnus: list[str], forme: str) -> str:
    f = _forme(forme)
    lignes = [texte(f"recap.intro.{f}")]
    lignes += [f"- {p}" for _, p in phrases(situation, forme)]
    if inconnus:
        noms = [texte(f"recap.noms.{c}") for c in inconnus if c in texte("recap.noms")]
        if noms:
            lignes.append(texte(f"recap.ne_sait_pas.{f}", champs=", ".join(noms)))
    lignes.append(texte(f"recap.question.{f}"))
    return "\n".join(lignes)


def _boutons_recap() -> list[dict[str, str]]:
    return [
        {"title": texte("recap.c_est_juste"), "payload": "/affirmer"},
        {"title": texte("recap.corriger"), "payload": "/nier"},
    ]


def confirme(tracker: Tracker) -> dict | None:
    valeur = tracker.get_slot("recap_confirme")
    return valeur if isinstance(valeur, dict) else None


def necessaire(tracker: Tracker, situation: dict) -> bool:
    """Vrai si la personne n'a pas encore vu (et confirmé) ces faits-là."""
    vu = confirme(tracker)
    if vu is None:
        return True
    corrige = vu.get("corrige")
    avant = {c: v for c, v in (vu.get("situation") or {}).items() if c != corrige}
    maintenant = {c: v for c, v in situation.items() if c != corrige}
    return avant != maintenant


def proposer(dispatcher: CollectingDispatcher, situation: dict, inconnus: list[str], forme: str,
             avant: list[str] | None = None) -> list[EventType]:
    """Le récapitulatif, un seul message, avec « C'est juste » et « Corriger »."""
    corps = texte_recap(situation, inconnus, forme)
    dispatcher.utter_message(
        text="\n".join([*(avant or []), corps]) if avant else corps,
        buttons=_boutons_recap(),
        json_message={"recap": [c for c, _ in phrases(situation, forme)]},
    )
    return [SlotSet("attente", ATTENTE_RECAP), SlotSet("question_en_cours", None), SlotSet("echecs", 0.0)]


def confirmer(situation: dict) -> list[EventType]:
    return [SlotSet("recap_confirme", {"situation": situation, "corrige": None})]


def lister(dispatcher: CollectingDispatcher, situation: dict, forme: str) -> list[EventType]:
    """« Que voulez-vous corriger ? » : un bouton par fait (son numéro, par SMS)."""
    liste = [{"title": p, "payload": boutons.payload(corriger=champ)} for champ, p in phrases(situation, forme)]
    dispatcher.utter_message(text=texte(f"recap.quoi_corriger.{_forme(forme)}"), buttons=liste)
    return [SlotSet("attente", ATTENTE_CORRIGER)]


def redemander(dispatcher: CollectingDispatcher, situation: dict, champ: str, forme: str) -> list[EventType]:
    """Le fait choisi est redemandé ; sa valeur actuelle est oubliée jusqu'à la nouvelle réponse."""
    from droits.questions import question
    from bot.actions import questions

    events: list[EventType] = [SlotSet("attente", None)]
    if champ in situation:
        events.append(SlotSet(champ, None))
    fourchettes = dict(situation.get("fourchettes") or {})
    if fourchettes.pop(champ, None) is not None:
        events.append(SlotSet("fourchettes", fourchettes or None))
    reste = {c: v for c, v in situation.items() if c != champ}
    events.append(SlotSet("recap_confirme", {"situation": reste, "corrige": champ}))
    return events + questions.poser(dispatcher, question(champ, courante()), forme)


def pas_compris(dispatcher: CollectingDispatcher) -> list[EventType]:
    dispatcher.utter_message(text=texte("recap.pas_compris"), buttons=_boutons_recap())
    return [SlotSet("attente", ATTENTE_RECAP)]

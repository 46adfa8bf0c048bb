"""Ce que dit un message : nouveaux faits, corrections, « je ne sais pas », forme (vous / il / elle).

Tous les messages passent ici, quelle que soit l'intention, le premier compris.
Un message qui commence par « / » (bouton, ou texte tapé) ne donne jamais de fait par lui-même :
seule son intention compte (Oui / Non à une question fermée).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

import droits
from bot import extraction
from bot.actions import etat


@dataclass
class Comprehension:
    faits: dict[str, Any] = field(default_factory=dict)   # faits nouveaux ou changés
    corriges: list[str] = field(default_factory=list)     # champs qui avaient une autre valeur
    inconnus: list[str] = field(default_factory=list)     # liste complète après ce message
    forme: str = "vous"
    reponse: bool = False     # la question posée a une réponse (valeur ou « je ne sais pas »)
    dits: bool = False        # le message donne au moins un fait (même déjà connu)
    erreur: str | None = None  # fait impossible (message de droits.SituationInvalide)
    situation: dict[str, Any] = field(default_factory=dict)  # situation complète après ce message
    events: list[EventType] = field(default_factory=list)

    @property
    def compris(self) -> bool:
        return self.dits or self.reponse


def _simple(texte: str) -> str:
    """Minuscules sans accents ni ponctuation autour, pour comparer à un libellé de bouton."""
    sans = unicodedata.normalize("NFKD", texte).encode("ascii", "ignore").decode()
    return " ".join(sans.lower().strip(" .!?").split())


def valeur_de_bouton(question: dict | None, texte: str) -> Any:
    """La valeur d'un choix proposé, si le texte est exactement son libellé ou sa valeur."""
    if not question:
        return None
    cible = _simple(texte)
    for choix in question.get("choix") or []:
        if cible in (_simple(str(choix.get("libelle", ""))), _simple(str(choix.get("valeur", "")))):
            valeur = choix.get("valeur")
            return [valeur] if question.get("type") == "liste" else valeur
    return None


def _valider(avant: dict, nouveaux: dict) -> str | None:
    """Retire des nouveaux faits ceux qui rendent la situation impossible ; rend le message."""
    erreur = None
    for _ in range(len(nouveaux) + 1):
        try:
            droits.valider_situation({**avant, **nouveaux})
            return erreur
        except droits.SituationInvalide as exc:
            erreur = exc.message
            if exc.champ in nouveaux:
                del nouveaux[exc.champ]
            elif nouveaux:  # le champ fautif est ancien : on garde l'ancienne situation
                nouveaux.clear()
            else:
                return erreur
    return erreur


def comprendre(tracker: Tracker, question: dict | None) -> Comprehension:
    """Lit le dernier message ; ``question`` est la question posée juste avant (ou None)."""
    texte = etat.texte_utilisateur(tracker)[: etat.LIMITE_TEXTE]
    intention = etat.intention(tracker)
    avant = etat.situation(tracker)
    inconnus_avant = etat.inconnus(tracker)
    inconnus = list(inconnus_avant)
    forme_avant = etat.forme(tracker)
    forme = forme_avant
    champ = question.get("champ") if question else None
    nouveaux: dict[str, Any] = {}
    reponse = False

    if texte and not texte.startswith("/"):
        ext = extraction.extraire_faits(texte)
        nouveaux.update({c: v for c, v in (ext.faits or {}).items() if c in droits.CHAMPS})
        inconnus += [c for c in (ext.inconnus or []) if c in droits.CHAMPS]
        if ext.forme in etat.FORMES_TIERS:
            forme = ext.forme
        if champ and champ not in nouveaux and champ not in inconnus:
            valeur = valeur_de_bouton(question, texte)
            if valeur is None and not nouveaux:
                valeur = extraction.interpreter_reponse(champ, texte)
            if valeur is not None:
                nouveaux[champ] = valeur
            elif ext.ne_sait_pas:
                inconnus.append(champ)
    if (
        champ
        and champ not in nouveaux
        and champ not in inconnus
        and question.get("type") == "booleen"
        and intention in ("affirmer", "nier")
        and not nouveaux
    ):
        nouveaux[champ] = intention == "affirmer"

    erreur = _valider(avant, nouveaux)
    faits = {c: v for c, v in nouveaux.items() if avant.get(c) != v}
    corriges = [c for c in faits if avant.get(c) is not None]
    inconnus = [c for c in dict.fromkeys(inconnus) if c not in nouveaux]
    reponse = bool(champ) and (champ in nouveaux or (champ in inconnus and champ not in inconnus_avant))

    events: list[EventType] = [SlotSet(c, v) for c, v in faits.items()]
    if inconnus != inconnus_avant:
        events.append(SlotSet("inconnus", inconnus))
    if forme != forme_avant:
        events.append(SlotSet("forme", forme))
    return Comprehension(
        faits=faits,
        corriges=corriges,
        inconnus=inconnus,
        forme=forme,
        reponse=reponse,
        dits=bool(nouveaux),
        erreur=erreur,
        situation={**avant, **faits},
        events=events,
    )

"""Mise en forme des messages du bot pour les canaux texte (Telegram, SMS)."""

from __future__ import annotations

import re

from bot.passerelle import textes

_FIN_PHRASE = re.compile(r"(?<=[.!?…:])\s+|\n+")


def resume_resultats(resultats: dict) -> str:
    """Une ligne par droit : le résumé FALC que ``droits.evaluer`` écrit déjà."""
    lignes = []
    droits = resultats.get("droits") if isinstance(resultats, dict) else None
    for cle, nom in textes.NOMS_DROITS.items():
        droit = (droits or {}).get(cle)
        if isinstance(droit, dict) and droit.get("resume"):
            lignes.append(f"{nom} : {droit['resume']}")
    return "\n".join(lignes)


def textes_des_messages(messages: list[dict]) -> list[str]:
    """Les textes à montrer ; un verdict sans texte devient un résumé par droit."""
    sorties: list[str] = []
    a_du_texte = any(isinstance(m.get("text"), str) and m["text"].strip() for m in messages)
    for m in messages:
        texte = m.get("text")
        if isinstance(texte, str) and texte.strip():
            sorties.append(texte.strip())
        custom = m.get("custom")
        if isinstance(custom, dict) and isinstance(custom.get("resultats"), dict) and not a_du_texte:
            resume = resume_resultats(custom["resultats"])
            if resume:
                sorties.append(resume)
        elif isinstance(custom, dict) and isinstance(custom.get("text"), str) and custom["text"].strip():
            sorties.append(custom["text"].strip())
    return sorties


def phrases(texte: str) -> list[str]:
    return [p for p in _FIN_PHRASE.split(texte) if p.strip()]


def decouper(texte: str, limite: int) -> list[str]:
    """Coupe aux fins de phrase pour que chaque morceau fasse au plus ``limite`` caractères.

    Une phrase plus longue que la limite est coupée aux espaces (ou, en dernier recours, net).
    Les retours à la ligne entre phrases sont gardés.
    """
    morceaux: list[str] = []
    courant = ""
    for bloc in re.split(r"(\n+)", texte):
        if not bloc:
            continue
        if bloc.startswith("\n"):
            if courant and len(courant) + len(bloc) <= limite:
                courant += bloc
            continue
        for phrase in re.split(r"(?<=[.!?…])\s+", bloc):
            phrase = phrase.strip()
            if not phrase:
                continue
            sep = "" if not courant or courant.endswith("\n") else " "
            if len(courant) + len(sep) + len(phrase) <= limite:
                courant += sep + phrase
                continue
            if courant.strip():
                morceaux.append(courant.strip())
            courant = ""
            while len(phrase) > limite:
                coupe = phrase.rfind(" ", 0, limite + 1)
                if coupe <= 0:
                    coupe = limite
                morceaux.append(phrase[:coupe].strip())
                phrase = phrase[coupe:].strip()
            courant = phrase
    if courant.strip():
        morceaux.append(courant.strip())
    return morceaux

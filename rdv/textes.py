"""Textes lus par la personne : en FALC (phrases courtes, vouvoiement, dates en toutes lettres).

- ``date_heure(d)`` → « mardi 3 décembre à 9 h 45 » ;
- ``texte_confirmation(rdv)`` → message de conversation ;
- ``sms(type, rdv)`` → SMS d'un seul segment GSM-7 (160 caractères), avec date, lieu, code et
  la façon d'annuler (« Repondez ANNULER K7P-4QX »).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime

from rdv.sms.gsm7 import longueur_gsm7, to_gsm7
from rdv.temps import en_paris
from rdv.vues import LieuInfo, RendezVousInfo

JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre")

NUMERO_CAF = "3230"  # numéro unique des Caf (source vérifiée dans lieux-paris-recherche.yaml)


def jour(d: datetime) -> str:
    """« mardi 3 décembre », « lundi 1er juin »."""
    d = en_paris(d)
    quantieme = "1er" if d.day == 1 else str(d.day)
    return f"{JOURS[d.weekday()]} {quantieme} {MOIS[d.month - 1]}"


def heure(d: datetime) -> str:
    """« 9 h 45 », « 14 h »."""
    d = en_paris(d)
    return f"{d.hour} h" if d.minute == 0 else f"{d.hour} h {d.minute:02d}"


def date_heure(d: datetime) -> str:
    return f"{jour(d)} à {heure(d)}"


def _heure_sms(d: datetime) -> str:
    d = en_paris(d)
    return f"{d.hour}h" if d.minute == 0 else f"{d.hour}h{d.minute:02d}"


def adresse_courte(lieu: LieuInfo) -> str:
    """« 101 rue Nationale, 75013 Paris » → « 101 rue Nationale, Paris 13e »."""
    a = (lieu.adresse or "").strip()
    m = re.search(r",?\s*750(\d\d)\s+Paris\s*$", a)
    if m:
        n = int(m.group(1))
        a = a[: m.start()].strip() + f", Paris {n}{'er' if n == 1 else 'e'}"
    return a


def _pieces(pieces: Iterable) -> list[str]:
    sortie = []
    for p in pieces or []:
        if isinstance(p, str):
            texte = p
        elif isinstance(p, dict):
            texte = p.get("libelle") or p.get("nom") or p.get("texte") or ""
        else:
            texte = str(p)
        texte = texte.strip().rstrip(".")
        if texte and texte not in sortie:
            sortie.append(texte)
    return sortie


def phrase_rappels(rappels: Iterable[str]) -> str:
    """Ce que la personne recevra vraiment (les SMS en file d'envoi), pas une promesse générale."""
    rappels = set(rappels)
    quand = []
    if "rappel_48h" in rappels:
        quand.append("2 jours avant")
    if "rappel_matin" in rappels:
        quand.append("le matin du rendez-vous")
    if not quand:
        return "Vous recevrez un SMS de confirmation."
    return "Vous recevrez un SMS " + ", et ".join(quand) + "."


def texte_confirmation(rdv: RendezVousInfo, delai_annulation_heures: int = 4,
                       rappels: Iterable[str] | None = None) -> str:
    """Message de confirmation pour la conversation (FALC, au plus 15 mots par phrase).

    ``rappels`` : types des SMS en attente d'envoi (``ServiceRdv.rappels_prevus``) ; None : les deux
    rappels habituels."""
    lieu = rdv.lieu
    lignes = [
        "Votre rendez-vous est réservé.",
        "C'est un rendez-vous des droits avec la CAF.",
        "La CAF, c'est la Caisse d'allocations familiales.",
        f"Date : {date_heure(rdv.debut)}.",
        f"Lieu : {lieu.nom}.",
    ]
    if lieu.adresse:
        lignes.append(f"Adresse : {lieu.adresse}.")
        if not lieu.verifie:
            lignes.append("Cette adresse vient d'une source ancienne.")
            lignes.append(f"Avant de partir, vérifiez-la au {NUMERO_CAF}. C'est le numéro de la CAF.")
    else:
        lignes.append(f"Je n'ai pas l'adresse exacte. Appelez le {NUMERO_CAF} pour la demander.")
    lignes.append(f"Votre code : {rdv.code}. Gardez bien ce code.")
    pieces = _pieces(rdv.pieces)
    if pieces:
        lignes.append("Apportez si possible :")
        lignes.extend(f"- {p}" for p in pieces)
    if rdv.telephone:
        lignes.append(phrase_rappels(("rappel_48h", "rappel_matin") if rappels is None else rappels))
    lignes.append("Pour annuler, écrivez « annuler » et votre code.")
    lignes.append(f"C'est possible jusqu'à {delai_annulation_heures} heures avant.")
    return "\n".join(lignes)


def texte_confirmation_courte(rdv: RendezVousInfo) -> str:
    """Confirmation pour une conversation par SMS : l'essentiel tient en 3 SMS."""
    lieu = rdv.lieu
    lignes = [f"C'est réservé : {date_heure(rdv.debut)}.", f"Lieu : {lieu.nom}."]
    if lieu.adresse:
        lignes.append(f"Adresse : {adresse_courte(lieu)}.")
    lignes.append(f"Votre code : {rdv.code}.")
    pieces = _pieces(rdv.pieces)
    if pieces:
        lignes.append("Apportez : " + " ; ".join(p[0].lower() + p[1:] for p in pieces) + ".")
    lignes.append(f"Pour annuler, écrivez ANNULER {rdv.code}.")
    return "\n".join(lignes)


# --- SMS ---------------------------------------------------------------------------------------

_MODELES_SMS = {
    "confirmation": (
        "Rendez-vous CAF réservé le {jour} à {heure}, {lieu}. Code {code}. "
        "Pour annuler, répondez ANNULER {code}",
        "RDV CAF le {jour} à {heure}, {lieu}. Code {code}. Pour annuler, répondez ANNULER {code}",
    ),
    "deplacement": (
        "Rendez-vous CAF déplacé au {jour} à {heure}, {lieu}. Code {code}. "
        "Pour annuler, répondez ANNULER {code}",
        "RDV CAF déplacé au {jour} à {heure}, {lieu}. Code {code}. Pour annuler, répondez ANNULER {code}",
    ),
    "rappel_48h": (
        "Rappel : rendez-vous CAF le {jour} à {heure}, {lieu}. Code {code}. "
        "Pour annuler, répondez ANNULER {code}",
        "Rappel RDV CAF le {jour} à {heure}, {lieu}. Code {code}. Pour annuler, répondez ANNULER {code}",
    ),
    "rappel_matin": (
        "Rappel : rendez-vous CAF aujourd'hui, {jour} à {heure}, {lieu}. Code {code}. "
        "Pour annuler, répondez ANNULER {code}",
        "Rappel RDV CAF aujourd'hui {heure}, {lieu}. Code {code}. Pour annuler, répondez ANNULER {code}",
    ),
    "annulation": (
        "Votre rendez-vous CAF du {jour} à {heure} est annulé. Code {code}. "
        "Pour un autre rendez-vous, écrivez-nous.",
        "RDV CAF du {jour} à {heure} annulé. Code {code}.",
    ),
}


def _lieux_sms(lieu: LieuInfo) -> list[str]:
    """Formes du lieu, de la plus complète à la plus courte."""
    court = lieu.nom_court or lieu.nom
    adresse = adresse_courte(lieu)
    sans_ville = re.sub(r",\s*Paris \d+(er|e)$", "", adresse)
    if not adresse:
        return [court]
    return [f"{court}, {adresse}", f"{court}, {sans_ville}", sans_ville, court]


def sms(type_sms: str, rdv: RendezVousInfo) -> str:
    """SMS de ``type_sms`` pour ``rdv`` : toujours GSM-7 et 160 caractères au plus.

    On garde d'abord le nom et l'adresse du lieu, quitte à prendre le modèle court (« RDV »),
    puis l'adresse seule, puis le nom seul, puis le nom tronqué."""
    modeles = _MODELES_SMS[type_sms]
    valeurs = {"jour": jour(rdv.debut), "heure": _heure_sms(rdv.debut), "code": rdv.code}
    for lieu in _lieux_sms(rdv.lieu):
        for modele in modeles:
            texte = to_gsm7(modele.format(lieu=lieu, **valeurs))
            if longueur_gsm7(texte) <= 160:
                return texte
    # Dernier recours : nom de lieu tronqué (le code et « ANNULER » restent entiers).
    modele = modeles[-1]
    vide = to_gsm7(modele.format(lieu="", **valeurs))
    place = max(0, 160 - longueur_gsm7(vide))
    lieu = to_gsm7(rdv.lieu.nom_court or rdv.lieu.nom)
    while longueur_gsm7(lieu) > place:
        lieu = lieu[:-1]
    return to_gsm7(modele.format(lieu=lieu.rstrip(" ,-"), **valeurs))


CONFIRMER_NUMERO = ("Je vous envoie d'abord un code par SMS. "
                    "Répondez à ce SMS avec le code. Ensuite, les rappels partiront.")

# Papiers à apporter quand la personne n'a pas accepté de partager ses droits (vue publique) :
# les papiers précis diraient quels droits sont demandés (l'AME, par exemple).
PIECES_GENERALES = ["Une pièce d'identité, si vous en avez", "Les papiers sur votre argent et votre logement"]


def sms_verification(code: str) -> str:
    """Le code qui confirme un numéro. Rien sur le rendez-vous : le numéro n'est peut-être pas le bon."""
    return to_gsm7(f"Votre code : {code}. Pour recevoir les rappels de votre rendez-vous CAF, "
                   f"repondez {code} a ce SMS, ou ecrivez-le a l'assistant. Pas vous ? Ignorez ce SMS.")

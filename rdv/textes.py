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

from typing import Any

from langues import DEFAUT, catalogues
from rdv.sms.gsm7 import longueur_gsm7, to_gsm7
from rdv.temps import en_paris
from rdv.vues import LieuInfo, RendezVousInfo

NUMERO_CAF = "3230"  # numéro unique des Caf (source vérifiée dans lieux-paris-recherche.yaml)


def t(cle: str, langue: str = DEFAUT, **valeurs) -> Any:
    """Le texte ``cle`` (chemin pointé) du catalogue ``rdv`` dans ``langue`` (le français s'il manque)."""
    noeud: Any = catalogues.arbre("rdv", langue)
    for partie in cle.split("."):
        noeud = noeud[partie]
    return noeud.format(**valeurs) if valeurs else noeud


JOURS = tuple(t("jours"))
MOIS = tuple(t("mois"))


def jour(d: datetime, langue: str = DEFAUT) -> str:
    """« mardi 3 décembre », « lundi 1er juin »."""
    d = en_paris(d)
    quantieme = t("quantieme_premier", langue) if d.day == 1 else str(d.day)
    return t("jour", langue, nom_jour=t("jours", langue)[d.weekday()], quantieme=quantieme,
             mois=t("mois", langue)[d.month - 1])


def heure(d: datetime, langue: str = DEFAUT) -> str:
    """« 9 h 45 », « 14 h »."""
    d = en_paris(d)
    return t("heure_pile", langue, h=d.hour) if d.minute == 0 else t("heure_minutes", langue, h=d.hour,
                                                                       m=f"{d.minute:02d}")


def date_heure(d: datetime, langue: str = DEFAUT) -> str:
    return t("date_heure", langue, jour=jour(d, langue), heure=heure(d, langue))


def arrondissement(n: int, langue: str = DEFAUT) -> str:
    """« Paris 13e », « Paris 1er »."""
    return t("arrondissement_premier", langue) if n == 1 else t("arrondissement", langue, n=n)


def _heure_sms(d: datetime) -> str:
    d = en_paris(d)
    return f"{d.hour}h" if d.minute == 0 else f"{d.hour}h{d.minute:02d}"


def adresse_courte(lieu: LieuInfo) -> str:
    """« 101 rue Nationale, 75013 Paris » → « 101 rue Nationale, Paris 13e » (une adresse reste en français)."""
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


def phrase_rappels(rappels: Iterable[str], langue: str = DEFAUT) -> str:
    """Ce que la personne recevra vraiment (les SMS en file d'envoi), pas une promesse générale."""
    rappels = set(rappels)
    quand = []
    if "rappel_48h" in rappels:
        quand.append(t("rappels.deux_jours", langue))
    if "rappel_matin" in rappels:
        quand.append(t("rappels.matin", langue))
    if not quand:
        return t("rappels.aucun", langue)
    return t("rappels.phrase", langue, quand=t("rappels.liaison", langue).join(quand))


def texte_confirmation(rdv: RendezVousInfo, delai_annulation_heures: int = 4,
                       rappels: Iterable[str] | None = None, langue: str | None = None) -> str:
    """Message de confirmation pour la conversation (FALC, au plus 15 mots par phrase).

    ``rappels`` : types des SMS en attente d'envoi (``ServiceRdv.rappels_prevus``) ; None : les deux
    rappels habituels. ``langue`` : celle du rendez-vous par défaut."""
    langue = langue or _langue(rdv)
    lieu = rdv.lieu
    c = "confirmation."
    lignes = [
        t(c + "reserve", langue),
        t(c + "quoi", langue),
        t(c + "caf", langue),
        t(c + "date", langue, date=date_heure(rdv.debut, langue)),
        t(c + "lieu", langue, lieu=lieu.nom),
    ]
    if lieu.adresse:
        lignes.append(t(c + "adresse", langue, adresse=lieu.adresse))
        if not lieu.verifie:
            lignes.append(t(c + "source_ancienne", langue))
            lignes.append(t(c + "verifier", langue, numero=NUMERO_CAF))
    else:
        lignes.append(t(c + "sans_adresse", langue, numero=NUMERO_CAF))
    lignes.append(t(c + "code", langue, code=rdv.code))
    pieces = _pieces(rdv.pieces)
    if pieces:
        lignes.append(t(c + "apporter", langue))
        lignes.extend(f"- {p}" for p in pieces)
    if rdv.telephone:
        lignes.append(phrase_rappels(("rappel_48h", "rappel_matin") if rappels is None else rappels, langue))
    lignes.append(t(c + "annuler", langue))
    lignes.append(t(c + "delai", langue, heures=delai_annulation_heures))
    return "\n".join(lignes)


def texte_confirmation_courte(rdv: RendezVousInfo, langue: str | None = None) -> str:
    """Confirmation pour une conversation par SMS : l'essentiel tient en 3 SMS."""
    langue = langue or _langue(rdv)
    lieu = rdv.lieu
    c = "confirmation_courte."
    lignes = [t(c + "reserve", langue, date=date_heure(rdv.debut, langue)), t("confirmation.lieu", langue, lieu=lieu.nom)]
    if lieu.adresse:
        lignes.append(t("confirmation.adresse", langue, adresse=adresse_courte(lieu)))
    lignes.append(t(c + "code", langue, code=rdv.code))
    pieces = _pieces(rdv.pieces)
    if pieces:
        lignes.append(t(c + "apporter", langue, pieces=" ; ".join(p[0].lower() + p[1:] for p in pieces)))
    lignes.append(t(c + "annuler", langue, code=rdv.code))
    return "\n".join(lignes)


def _langue(rdv: Any) -> str:
    from langues import normaliser

    return normaliser(getattr(rdv, "langue", None)) or DEFAUT


# --- SMS ---------------------------------------------------------------------------------------

def _lieux_sms(lieu: LieuInfo) -> list[str]:
    """Formes du lieu, de la plus complète à la plus courte."""
    court = lieu.nom_court or lieu.nom
    adresse = adresse_courte(lieu)
    sans_ville = re.sub(r",\s*Paris \d+(er|e)$", "", adresse)
    if not adresse:
        return [court]
    return [f"{court}, {adresse}", f"{court}, {sans_ville}", sans_ville, court]


# Les types de SMS et leurs modèles français (complet, puis court) ; les autres langues : langues/<code>/rdv.yaml.
_MODELES_SMS = {type_: tuple(modeles) for type_, modeles in t("sms").items()}


def sms(type_sms: str, rdv: RendezVousInfo, langue: str | None = None) -> str:
    """SMS de ``type_sms`` pour ``rdv``, dans sa langue : en français, anglais ou roumain, toujours GSM-7 et 160
    caractères au plus ; dans une écriture arabe (UCS-2), 3 segments de 67 caractères au plus.

    On garde d'abord le nom et l'adresse du lieu, quitte à prendre le modèle court (« RDV »),
    puis l'adresse seule, puis le nom seul, puis le nom tronqué."""
    from langues import est_rtl

    langue = langue or _langue(rdv)
    ucs2 = est_rtl(langue)
    ecrire = (lambda x: x) if ucs2 else to_gsm7
    longueur = (lambda x: len(x)) if ucs2 else longueur_gsm7
    limite = 201 if ucs2 else 160
    modeles = t(f"sms.{type_sms}", langue)
    valeurs = {"jour": jour(rdv.debut, langue), "heure": _heure_sms(rdv.debut), "code": rdv.code}
    for lieu in _lieux_sms(rdv.lieu):
        for modele in modeles:
            texte = ecrire(modele.format(lieu=lieu, **valeurs))
            if longueur(texte) <= limite:
                return texte
    # Dernier recours : nom de lieu tronqué (le code et « ANNULER » restent entiers).
    modele = modeles[-1]
    vide = ecrire(modele.format(lieu="", **valeurs))
    place = max(0, limite - longueur(vide))
    lieu = ecrire(rdv.lieu.nom_court or rdv.lieu.nom)
    while longueur(lieu) > place:
        lieu = lieu[:-1]
    return ecrire(modele.format(lieu=lieu.rstrip(" ,-"), **valeurs))


CONFIRMER_NUMERO = t("confirmer_numero")

# Papiers à apporter quand la personne n'a pas accepté de partager ses droits (vue publique) :
# les papiers précis diraient quels droits sont demandés (l'AME, par exemple).
PIECES_GENERALES = list(t("pieces_generales"))


def sms_verification(code: str, langue: str = DEFAUT) -> str:
    """Le code qui confirme un numéro. Rien sur le rendez-vous : le numéro n'est peut-être pas le bon."""
    from langues import est_rtl

    texte = t("sms_verification", langue, code=code)
    return texte if est_rtl(langue) else to_gsm7(texte)

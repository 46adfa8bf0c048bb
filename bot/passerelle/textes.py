"""Textes que la passerelle écrit elle-même : le catalogue ``passerelle`` (bot/passerelle/textes.yml en
français ; langues/<code>/passerelle.yaml pour les autres langues). FALC : voir shared/docs/falc.md.

Au plus 15 mots par phrase, vouvoiement, sigles expliqués. Les textes SMS en français passent ensuite
par la conversion GSM-7 (lettres sans accent circonflexe, etc.).

``texte(cle, langue, **valeurs)`` donne un texte dans une langue ; les constantes en MAJUSCULES sont
les textes français (le défaut, et les tests).
"""
from __future__ import annotations

from typing import Any

from droits import registre
from langues import DEFAUT, LANGUES, catalogues


def texte(cle: str, langue: str = DEFAUT, **valeurs: Any) -> str:
    """Le texte ``cle`` dans ``langue`` (le français si la traduction manque : journalisé)."""
    brut = catalogues.arbre("passerelle", langue)[cle]
    return brut.format(**valeurs) if valeurs else brut


def boutons_accueil(langue: str = DEFAUT, court: bool = False) -> list[dict]:
    """« Tous mes droits », puis un bouton par droit du registre (droits/registre.yaml) : son titre, ou son
    libellé court (``court``, 25 caractères au plus : par SMS, le menu tient alors dans un message)."""
    return [{"title": texte("tous_mes_droits", langue), "payload": "/verifier_droits"}] + [
        {"title": d.bouton if court else d.titre, "payload": f"/{d.intention}"} for d in registre.droits_en(langue)]


def aide(langue: str = DEFAUT) -> str:
    droits_ = registre.droits_en(langue)
    return (texte("aide_debut", langue, nombre=len(droits_)) + " "
            + "".join(f"{d.nom_sms}. {d.description} " for d in droits_) + texte("aide_fin", langue))


def noms_droits(langue: str = DEFAUT) -> dict[str, str]:
    """Noms des droits pour les canaux texte (quand Rasa n'envoie pas de texte avec le verdict)."""
    return {d.id: d.nom_sms for d in registre.droits_en(langue)}


# --- choix de la langue (issue 13) -------------------------------------------------------------------
PAYLOAD_LANGUE = '/langue{{"code":"{code}"}}'


def boutons_langues() -> list[dict]:
    """Un bouton par langue, chacune dans son nom et son écriture (« العربية », « English »)."""
    return [{"title": l.nom, "payload": PAYLOAD_LANGUE.format(code=l.code)} for l in LANGUES]


MESSAGE_VIDE = texte("message_vide")
MESSAGE_TROP_LONG = texte("message_trop_long")
TROP_RAPIDE = texte("trop_rapide")
RASA_INDISPONIBLE = texte("rasa_indisponible")
BOUTON_PERIME = texte("bouton_perime")
EFFACE = texte("efface")
ACCUEIL_BORNE = texte("accueil_borne")
QUESTION_ACCUEIL = texte("question_accueil")
BOUTONS_ACCUEIL = boutons_accueil()
AIDE = aide()
SUPPRIME = texte("supprime")
NON_TEXTE = texte("non_texte")
REPRISE_OK = texte("reprise_ok")
REPRISE_INCONNUE = texte("reprise_inconnue")
SMS_CHOIX_INTRO = texte("sms_choix_intro")
SMS_CHOIX_NUMEROS = texte("sms_choix_numeros")
SMS_CHOIX_NOMBRE = texte("sms_choix_nombre")
SMS_SUITE = texte("sms_suite")
SMS_PAS_DE_SUITE = texte("sms_pas_de_suite")
SMS_STOP = texte("sms_stop")
SMS_ANNULER_OK = texte("sms_annuler_ok")
SMS_ANNULER_INCONNU = texte("sms_annuler_inconnu")
SMS_ANNULER_REFUS = texte("sms_annuler_refus")
RDV_INDISPONIBLE = texte("rdv_indisponible")
NOMS_DROITS = noms_droits()
SMS_NUMERO_CONFIRME = texte("sms_numero_confirme")
REESSAYER = texte("reessayer")
ACTIONS_INDISPONIBLES = texte("actions_indisponibles")

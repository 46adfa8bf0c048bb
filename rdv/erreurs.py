"""Erreurs du service, chacune avec un message clair en français (FALC) et en anglais.

``statut_http`` sert à l'API ; ``erreur`` est une clé stable pour les programmes.
"""
from __future__ import annotations


class ErreurRdv(Exception):
    statut_http = 400
    erreur = "erreur"
    fr = "La demande n'a pas pu aboutir."
    en = "The request could not be completed."

    def __init__(self, fr: str | None = None, en: str | None = None):
        if fr:
            self.fr = fr
        if en:
            self.en = en
        super().__init__(self.fr)

    def detail(self) -> dict[str, str]:
        return {"fr": self.fr, "en": self.en, "erreur": self.erreur}


class CreneauPris(ErreurRdv):
    statut_http = 409
    erreur = "creneau_pris"
    fr = "Ce créneau vient d'être pris."
    en = "This slot has just been taken."


class CreneauIndisponible(ErreurRdv):
    statut_http = 409
    erreur = "creneau_indisponible"
    fr = "Ce créneau n'est plus proposé. Choisissez un autre créneau."
    en = "This slot is no longer offered. Please choose another slot."


class CreneauPasse(ErreurRdv):
    statut_http = 409
    erreur = "creneau_passe"
    fr = "Ce créneau est déjà passé. Choisissez un autre créneau."
    en = "This slot is in the past. Please choose another slot."


class CreneauInconnu(ErreurRdv):
    statut_http = 404
    erreur = "creneau_inconnu"
    fr = "Je ne trouve pas ce créneau."
    en = "This slot does not exist."


class CodeInconnu(ErreurRdv):
    statut_http = 404
    erreur = "code_inconnu"
    fr = "Je ne trouve pas de rendez-vous avec ce code. Vérifiez le code."
    en = "No appointment has this code. Please check the code."


class DejaAnnule(ErreurRdv):
    statut_http = 409
    erreur = "deja_annule"
    fr = "Ce rendez-vous est déjà annulé."
    en = "This appointment is already cancelled."


class TropTard(ErreurRdv):
    statut_http = 409
    erreur = "trop_tard"
    fr = "Il est trop tard pour annuler ou déplacer ce rendez-vous en ligne."
    en = "It is too late to cancel or move this appointment online."


class StatutInvalide(ErreurRdv):
    statut_http = 409
    erreur = "statut_invalide"
    fr = "Ce changement n'est pas possible pour ce rendez-vous."
    en = "This change is not possible for this appointment."


class AccesRefuse(ErreurRdv):
    statut_http = 403
    erreur = "acces_refuse"
    fr = "Vous n'avez pas accès à ce lieu."
    en = "You do not have access to this place."


class DonneesInvalides(ErreurRdv):
    statut_http = 422
    erreur = "donnees_invalides"
    fr = "La demande est mal formée."
    en = "The request is malformed."


class TelephoneInvalide(ErreurRdv, ValueError):
    """Le message ne contient jamais le numéro."""

    statut_http = 422
    erreur = "telephone_invalide"
    fr = "Ce numéro n'est pas un portable français. Il doit commencer par 06 ou 07."
    en = "This is not a French mobile number. It must start with 06 or 07."


class BaseIndisponible(ErreurRdv):
    statut_http = 503
    erreur = "base_indisponible"
    fr = "La prise de rendez-vous ne répond pas pour le moment. Rien n'a été changé. Réessayez dans une minute."
    en = "Booking is not responding right now. Nothing was changed. Please try again in a minute."


class TelephoneDejaUtilise(ErreurRdv):
    statut_http = 409
    erreur = "telephone_deja_utilise"
    fr = "Ce numéro a déjà un rendez-vous à venir. Annulez-le d'abord, ou réservez sans SMS."
    en = "This number already has an upcoming appointment. Cancel it first, or book without SMS."


class CodeSmsFaux(ErreurRdv):
    statut_http = 422
    erreur = "code_sms_faux"
    fr = "Ce code ne va pas. Regardez le SMS reçu et recopiez les 6 chiffres."
    en = "This code is wrong. Copy the 6 digits of the text message."


class TropDEssais(ErreurRdv):
    statut_http = 429
    erreur = "trop_d_essais"
    fr = "Trop d'essais. Attendez un peu, puis réessayez."
    en = "Too many attempts. Please wait, then try again."

    def __init__(self, attente: float = 60.0):
        super().__init__()
        self.attente = attente

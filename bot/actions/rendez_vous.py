"""Réserver, annuler ou changer de jour un rendez-vous des droits, dans la conversation.

Le service de réservation (``rdv.ServiceRdv``, base ``DATABASE_URL``) fait le travail ; ici, seulement
le dialogue. L'emplacement ``attente`` dit quelle réponse on attend :

- ``rdv`` : « Voulez-vous un rendez-vous ? » (après un résultat, ou après une annulation) ;
- ``rdv_creneau`` : 3 boutons de créneaux et « Un autre jour » ;
- ``rdv_confirmer`` : « Vous choisissez le … C'est bien ça ? » ; oui → réservé (ou déplacé) ;
- ``rdv_sms`` puis ``rdv_telephone`` : rappel par SMS, numéro de portable français ;
- ``rdv_resume`` : l'agent de la CAF peut-il lire le résumé ? (seulement avec l'accord) ;
- ``annuler_code`` puis ``annuler_choix`` : le code, puis l'annuler, changer de jour ou le garder.

Un bouton de créneau envoie ``/prendre_rdv{"creneau":"<id>"}`` (l'identifiant n'est accepté que s'il
fait partie des créneaux proposés à cette conversation) ; « Un autre jour » envoie ``"autre"``.
Un texte tapé marche aussi : « 2 », « le deuxième », « mardi », « le 3 ».
Le numéro de téléphone n'est jamais gardé dans un emplacement : il va directement dans la base,
et seulement si la personne veut des SMS.
"""

from __future__ import annotations

import logging
import re
from datetime import date, timedelta
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

import droits
from bot import extraction
from bot.actions import etat
from bot.actions.base import ActionSure
from bot.actions.textes import texte
from rdv import textes as textes_rdv
from rdv.codes import chercher_codes
from rdv.erreurs import CodeInconnu, CreneauIndisponible, CreneauPasse, CreneauPris, DejaAnnule, ErreurRdv, \
    TropTard
from rdv.service import JOURS_CONSERVATION, ServiceRdv
from rdv.telephone import chercher_portable, contient_un_numero
from rdv.temps import en_paris

log = logging.getLogger(__name__)

ETATS = ("rdv", "rdv_creneau", "rdv_confirmer", "rdv_sms", "rdv_telephone", "rdv_resume",
         "annuler_code", "annuler_choix")
NB_CRENEAUX = 3
ESSAIS = 2  # réponses non comprises avant d'abandonner une étape
JOURS_PROPOSES = 14
# Préfixe du pseudonyme de la passerelle (bot/passerelle/pseudonymes.py) → canal du rendez-vous.
CANAUX = {"te": "telegram", "sm": "sms", "we": "web"}
ORDINAUX = {
    0: ("1", "un", "premier", "premiere", "1er", "1ere"),
    1: ("2", "deux", "deuxieme", "second", "seconde", "2eme", "2e"),
    2: ("3", "trois", "troisieme", "3eme", "3e", "dernier", "derniere"),
}
MOTS_AUTRE_JOUR = re.compile(r"\b(?:autre|autres|plus tard|apres|suivant|suivants|pas ces jours|aucun)\b")

_service: ServiceRdv | None = None


def service() -> ServiceRdv:
    """Le service de réservation du processus (créé au premier appel, base ``DATABASE_URL``)."""
    global _service
    if _service is None:
        _service = ServiceRdv()
    return _service


def utiliser_service(nouveau: ServiceRdv | None) -> None:
    """Pour les tests : un service sur une base jetable (None : revenir à ``DATABASE_URL``)."""
    global _service
    _service = nouveau


# ------------------------------------------------------------------------------ outils
def _boutons(*paires: tuple[str, str]) -> list[dict[str, str]]:
    return [{"title": titre, "payload": payload} for titre, payload in paires]


def _oui_non(tracker: Tracker) -> bool | None:
    intention = etat.intention(tracker)
    if intention == "affirmer":
        return True
    if intention == "nier":
        return False
    return extraction.oui_non(etat.texte_utilisateur(tracker))


def _entite(tracker: Tracker, nom: str) -> str | None:
    for e in tracker.latest_message.get("entities") or []:
        if e.get("entity") == nom and e.get("value") is not None:
            return str(e["value"])
    return None


def _essais(tracker: Tracker) -> int:
    try:
        return int(tracker.get_slot("rdv_essais") or 0)
    except (TypeError, ValueError):
        return 0


def canal(tracker: Tracker) -> str:
    return CANAUX.get((tracker.sender_id or "")[:2], "conversation")


def _libelle(creneau) -> str:
    return creneau.libelle


def _adresse(lieu) -> list[str]:
    lignes = []
    if lieu.adresse:
        lignes.append(texte("rdv.adresse", adresse=lieu.adresse))
    return lignes


def pieces(tracker: Tracker) -> list[str]:
    """Les papiers des droits demandés (hors « pas de droit »), sans doublon ; sinon une liste générale."""
    situation = etat.situation(tracker)
    demandes = etat.droits_demandes(tracker)
    if not situation or not demandes:
        return [texte("rdv.pieces_generales")]
    try:
        resultats = droits.evaluer(situation, forme=etat.forme(tracker))
    except Exception:  # noqa: BLE001 - une situation invalide ne doit pas empêcher de réserver
        log.exception("évaluation impossible pour les papiers du rendez-vous")
        return [texte("rdv.pieces_generales")]
    liste: list[str] = []
    for nom in demandes:
        r = resultats["droits"].get(nom) or {}
        if r.get("statut") == "non_eligible":
            continue
        for p in r.get("pieces") or []:
            if p not in liste:
                liste.append(p)
    return liste or [texte("rdv.pieces_generales")]


def _fin(events: list[EventType]) -> list[EventType]:
    """Sortir du parcours de rendez-vous (le code du rendez-vous reste connu de la conversation)."""
    return events + [SlotSet("attente", None), SlotSet("rdv_proposes", None), SlotSet("rdv_choisi", None),
                     SlotSet("rdv_essais", 0.0)]


# ------------------------------------------------------------------------------ réserver
def proposer(dispatcher: CollectingDispatcher, tracker: Tracker, *, apres: date | None = None,
             mode: str | None = None, avant: list[str] | None = None) -> list[EventType]:
    """Trois créneaux (un par jour et par lieu, le plus tôt d'abord) et « Un autre jour »."""
    mode = mode or tracker.get_slot("rdv_mode") or "reserver"
    s = service()
    aujourd_hui = en_paris(s.horloge()).date()
    limite = aujourd_hui + timedelta(days=JOURS_PROPOSES)
    phrases = list(avant or [])
    autres = apres is not None
    try:
        creneaux = s.creneaux_libres(depuis=apres, jusqua=limite, limite=NB_CRENEAUX, un_par_jour=True)
        if not creneaux and autres:
            phrases.append(texte("rdv.plus_d_autre_jour"))
            autres = False
            creneaux = s.creneaux_libres(jusqua=limite, limite=NB_CRENEAUX, un_par_jour=True)
    except ErreurRdv:
        log.exception("créneaux indisponibles")
        creneaux = []
    if not creneaux:
        dispatcher.utter_message(text=texte("rdv.aucun_creneau"))
        return _fin([])
    phrases.append(texte("rdv.choisir_autres" if autres else "rdv.choisir"))
    boutons = [{"title": _libelle(c), "payload": f'/prendre_rdv{{"creneau":"{c.id}"}}'} for c in creneaux]
    boutons += _boutons((texte("rdv.autre_jour"), '/prendre_rdv{"creneau":"autre"}'),
                        (texte("rdv.pas_maintenant"), "/nier"))
    dispatcher.utter_message(text=" ".join(phrases), buttons=boutons,
                             json_message={"rdv": {"etape": "creneau", "creneaux": [c.to_dict() for c in creneaux]}})
    proposes = [{"id": c.id, "libelle": _libelle(c), "jour": en_paris(c.debut).date().isoformat()} for c in creneaux]
    return [SlotSet("attente", "rdv_creneau"), SlotSet("rdv_proposes", proposes), SlotSet("rdv_choisi", None),
            SlotSet("rdv_mode", mode), SlotSet("rdv_essais", 0.0)]


def _creneau_tape(texte_brut: str, proposes: list[dict]) -> dict | None | str:
    """Le créneau choisi dans un texte tapé : « mardi », « le 3 décembre », « 2 », « le deuxième »."""
    simple = extraction.normaliser(texte_brut)  # « le deuxième » → « le 2 e »
    mots = simple.replace(",", " ").replace(".", " ").split()
    if not mots:
        return None
    # 1. Un jour de la semaine, ou un quantième suivi du mois.
    candidats = []
    for p in proposes:
        jour = date.fromisoformat(p["jour"])
        nom_jour = textes_rdv.JOURS[jour.weekday()]
        mois = extraction.normaliser(textes_rdv.MOIS[jour.month - 1])
        if nom_jour in mots or re.search(rf"\b{jour.day}\s*(?:er\s*|e\s*)?{mois}\b", simple):
            candidats.append(p)
    if len(candidats) == 1:
        return candidats[0]
    # 2. Le numéro du bouton (« 2 », « deux », « le deuxième »).
    for i, formes in ORDINAUX.items():
        if i < len(proposes) and any(m in formes and m != "un" for m in mots) and len(mots) <= 4:
            return proposes[i]
    if MOTS_AUTRE_JOUR.search(simple):
        return "autre"
    return None


def _apres(proposes: list[dict]) -> date | None:
    jours = [date.fromisoformat(p["jour"]) for p in proposes if p.get("jour")]
    return max(jours) + timedelta(days=1) if jours else None


def choisir_creneau(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    proposes = tracker.get_slot("rdv_proposes") or []
    valeur = _entite(tracker, "creneau")
    choix: dict | str | None = None
    if valeur == "autre":
        choix = "autre"
    elif valeur is not None:
        choix = next((p for p in proposes if str(p.get("id")) == valeur), None)
    elif etat.intention(tracker) == "nier" or extraction.oui_non(etat.texte_utilisateur(tracker)) is False:
        dispatcher.utter_message(text=texte("rdv.non_merci"))
        return _fin([])
    else:
        choix = _creneau_tape(etat.texte_utilisateur(tracker)[: etat.LIMITE_TEXTE], proposes)
    if choix == "autre":
        return proposer(dispatcher, tracker, apres=_apres(proposes))
    if not isinstance(choix, dict):
        essais = _essais(tracker) + 1
        if essais > ESSAIS or not proposes:
            dispatcher.utter_message(text=texte("rdv.en_panne"))
            return _fin([])
        dispatcher.utter_message(
            text=texte("rdv.pas_compris_creneau"),
            buttons=[{"title": p["libelle"], "payload": f'/prendre_rdv{{"creneau":"{p["id"]}"}}'} for p in proposes]
            + _boutons((texte("rdv.autre_jour"), '/prendre_rdv{"creneau":"autre"}'),
                       (texte("rdv.pas_maintenant"), "/nier")),
        )
        return [SlotSet("rdv_essais", float(essais))]
    creneau = service().creneau(int(choix["id"]))
    lignes = [texte("rdv.confirmer", libelle=creneau.libelle), *_adresse(creneau.lieu)]
    dispatcher.utter_message(
        text=" ".join(lignes),
        buttons=_boutons((texte("rdv.oui_reserver"), "/affirmer"), (texte("rdv.non_autre"), "/nier")),
    )
    return [SlotSet("attente", "rdv_confirmer"), SlotSet("rdv_choisi", int(choix["id"])),
            SlotSet("rdv_essais", 0.0)]


def confirmer(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    reponse = _oui_non(tracker)
    if reponse is False or _entite(tracker, "creneau") == "autre":
        return proposer(dispatcher, tracker)
    if reponse is None:
        return _pas_compris_oui_non(dispatcher, tracker, (texte("rdv.oui_reserver"), texte("rdv.non_autre")))
    choisi = tracker.get_slot("rdv_choisi")
    mode = tracker.get_slot("rdv_mode") or "reserver"
    code = tracker.get_slot("rdv_code")
    try:
        if mode == "deplacer" and code:
            rdv = service().deplacer(code, int(choisi))
            dispatcher.utter_message(text=texte("rdv.deplace"))
            return _conclure(dispatcher, rdv, [SlotSet("rdv_mode", "reserver")])
        rdv = service().reserver(int(choisi), canal=canal(tracker), pieces=pieces(tracker),
                                 expediteur=tracker.sender_id)
    except (CreneauPris, CreneauIndisponible, CreneauPasse):
        return proposer(dispatcher, tracker, avant=[texte("rdv.pris")])
    except TropTard:
        dispatcher.utter_message(text=texte("rdv.trop_tard"))
        return _fin([])
    dispatcher.utter_message(text=texte("rdv.reserve", code=rdv.code), json_message={"rdv": {
        "etape": "reserve", "code": rdv.code, "debut": rdv.debut.isoformat(), "lieu": rdv.lieu.nom}})
    dispatcher.utter_message(text=texte("rdv.demander_sms"),
                             buttons=_boutons((texte("rdv.oui_sms"), "/affirmer"), (texte("rdv.non_sms"), "/nier")))
    return [SlotSet("rdv_code", rdv.code), SlotSet("attente", "rdv_sms"), SlotSet("rdv_essais", 0.0)]


def _pas_compris_oui_non(dispatcher: CollectingDispatcher, tracker: Tracker, titres: tuple[str, str],
                         suite=None) -> list[EventType]:
    essais = _essais(tracker) + 1
    if essais > ESSAIS and suite is not None:
        return suite()
    dispatcher.utter_message(text=texte("rdv.pas_compris_oui_non"),
                             buttons=_boutons((titres[0], "/affirmer"), (titres[1], "/nier")))
    return [SlotSet("rdv_essais", float(essais))]


def demander_resume_ou_conclure(dispatcher: CollectingDispatcher, tracker: Tracker,
                                avant: list[str] | None = None) -> list[EventType]:
    if avant:
        dispatcher.utter_message(text=" ".join(avant))
    if not etat.situation(tracker):  # rien à montrer à l'agent : pas de question
        return _conclure(dispatcher, service().consulter(tracker.get_slot("rdv_code")), [])
    dispatcher.utter_message(
        text=texte("rdv.demander_resume"),
        buttons=_boutons((texte("rdv.oui_resume"), "/affirmer"), (texte("rdv.non_resume"), "/nier")))
    return [SlotSet("attente", "rdv_resume"), SlotSet("rdv_essais", 0.0)]


def sms(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    numero = chercher_portable(etat.texte_utilisateur(tracker))
    if numero:
        return telephone(dispatcher, tracker)
    reponse = _oui_non(tracker)
    if reponse is True:
        dispatcher.utter_message(text=texte("rdv.demander_numero"),
                                 buttons=_boutons((texte("rdv.non_sms"), "/nier")))
        return [SlotSet("attente", "rdv_telephone"), SlotSet("rdv_essais", 0.0)]
    if reponse is False:
        return demander_resume_ou_conclure(dispatcher, tracker)
    return _pas_compris_oui_non(dispatcher, tracker, (texte("rdv.oui_sms"), texte("rdv.non_sms")),
                                suite=lambda: demander_resume_ou_conclure(dispatcher, tracker))


def telephone(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    brut = etat.texte_utilisateur(tracker)
    numero = chercher_portable(brut)
    if numero:
        service().definir_telephone(tracker.get_slot("rdv_code"), numero)
        return demander_resume_ou_conclure(dispatcher, tracker, [texte("rdv.numero_note")])
    if not contient_un_numero(brut) and _oui_non(tracker) is False:
        return demander_resume_ou_conclure(dispatcher, tracker)
    essais = _essais(tracker) + 1
    if essais > ESSAIS:
        return demander_resume_ou_conclure(dispatcher, tracker, [texte("rdv.numero_abandon")])
    dispatcher.utter_message(text=texte("rdv.numero_faux"), buttons=_boutons((texte("rdv.non_sms"), "/nier")))
    return [SlotSet("rdv_essais", float(essais))]


def resume(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    reponse = _oui_non(tracker)
    code = tracker.get_slot("rdv_code")
    if reponse is None:
        return _pas_compris_oui_non(
            dispatcher, tracker, (texte("rdv.oui_resume"), texte("rdv.non_resume")),
            suite=lambda: _conclure(dispatcher, service().consulter(code), [], [texte("rdv.resume_refuse")]))
    if reponse:
        situation = etat.situation(tracker)
        resultats = droits.evaluer(situation, forme=etat.forme(tracker))
        rdv = service().ajouter_resume(code, {"situation": situation, "resultats": resultats})
        return _conclure(dispatcher, rdv, [], [texte("rdv.resume_donne")])
    return _conclure(dispatcher, service().consulter(code), [], [texte("rdv.resume_refuse")])


def _conclure(dispatcher: CollectingDispatcher, rdv, events: list[EventType],
              avant: list[str] | None = None) -> list[EventType]:
    """La confirmation complète : date, lieu, adresse, code, papiers, SMS, comment annuler."""
    s = service()
    lignes = [*(avant or []), s.texte_confirmation(rdv), texte("rdv.conservation", jours=JOURS_CONSERVATION),
              texte("rdv.fin")]
    dispatcher.utter_message(text="\n".join(lignes), json_message={"rdv": {
        "etape": "confirme", "code": rdv.code, "debut": rdv.debut.isoformat(), "lieu": rdv.lieu.nom,
        "rappel_sms": rdv.rappel_sms, "resume": rdv.resume_consenti}})
    return _fin(events + [SlotSet("rdv_code", rdv.code)])


# ------------------------------------------------------------------------------ annuler
def demander_code(dispatcher: CollectingDispatcher) -> list[EventType]:
    dispatcher.utter_message(text=texte("rdv.demander_code"))
    return [SlotSet("attente", "annuler_code"), SlotSet("rdv_essais", 0.0)]


def montrer(dispatcher: CollectingDispatcher, tracker: Tracker, code: str) -> list[EventType]:
    """Le rendez-vous de ce code, et les choix : l'annuler, changer de jour, le garder."""
    try:
        rdv = service().consulter(code)
    except CodeInconnu:
        return code_inconnu(dispatcher, tracker)
    if rdv.statut == "annule":
        dispatcher.utter_message(text=" ".join([texte("rdv.deja_annule"), texte("rdv.autre_rdv")]),
                                 buttons=_boutons((texte("oui"), "/affirmer"), (texte("non"), "/nier")))
        return [SlotSet("attente", "rdv"), SlotSet("rdv_code", None), SlotSet("rdv_essais", 0.0)]
    maintenant = service().horloge()
    if rdv.statut != "reserve" or rdv.debut <= maintenant:
        dispatcher.utter_message(text=texte("rdv.passe"))
        return _fin([])
    if rdv.debut - service().delai_annulation < maintenant:
        dispatcher.utter_message(text=texte("rdv.trop_tard"))
        return _fin([])
    dispatcher.utter_message(
        text=texte("rdv.votre_rdv", libelle=rdv.creneau.libelle),
        buttons=_boutons((texte("rdv.annuler_bouton"), "/affirmer"), (texte("rdv.changer_bouton"), "/prendre_rdv"),
                         (texte("rdv.garder_bouton"), "/nier")),
        json_message={"rdv": {"etape": "annuler", "code": rdv.code}},
    )
    return [SlotSet("attente", "annuler_choix"), SlotSet("rdv_code", rdv.code), SlotSet("rdv_essais", 0.0)]


def code_inconnu(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    essais = _essais(tracker) + 1
    if essais > ESSAIS:
        dispatcher.utter_message(text=texte("rdv.code_abandon"))
        return _fin([])
    dispatcher.utter_message(text=texte("rdv.code_inconnu"))
    return [SlotSet("attente", "annuler_code"), SlotSet("rdv_essais", float(essais))]


def code_du_message(tracker: Tracker) -> str | None:
    """Le code d'un rendez-vous qui existe, parmi ceux que le message peut contenir."""
    for code in chercher_codes(etat.texte_utilisateur(tracker))[:5]:
        try:
            service().consulter(code)
            return code
        except CodeInconnu:
            continue
    return None


def lire_code(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    code = code_du_message(tracker)
    if code:
        return montrer(dispatcher, tracker, code)
    if _oui_non(tracker) is False:
        dispatcher.utter_message(text=texte("rdv.garde"))
        return _fin([])
    return code_inconnu(dispatcher, tracker)


def choix_annulation(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    code = tracker.get_slot("rdv_code")
    if etat.intention(tracker) == "prendre_rdv":
        return proposer(dispatcher, tracker, mode="deplacer")
    reponse = _oui_non(tracker)
    if reponse is None:
        simple = extraction.normaliser(etat.texte_utilisateur(tracker))
        if re.search(r"\b(?:changer|changez|deplacer|autre jour|autre date|decaler|reporter)\b", simple):
            return proposer(dispatcher, tracker, mode="deplacer")
        if re.search(r"\bannul", simple):
            reponse = True
    if reponse is False:
        dispatcher.utter_message(text=texte("rdv.garde"))
        return _fin([])
    if reponse is None:
        return _pas_compris_oui_non(dispatcher, tracker, (texte("rdv.annuler_bouton"), texte("rdv.garder_bouton")),
                                    suite=lambda: _fin([]))
    try:
        rdv = service().annuler(code)
    except TropTard:
        dispatcher.utter_message(text=texte("rdv.trop_tard"))
        return _fin([])
    except DejaAnnule:
        rdv = None
    lignes = [texte("rdv.annule")]
    if rdv is not None and rdv.rappel_sms:
        lignes.append(texte("rdv.annule_sms"))
    lignes.append(texte("rdv.autre_rdv"))
    dispatcher.utter_message(text=" ".join(lignes),
                             buttons=_boutons((texte("oui"), "/affirmer"), (texte("non"), "/nier")),
                             json_message={"rdv": {"etape": "annule", "code": code}})
    return _fin([SlotSet("rdv_code", None)]) + [SlotSet("attente", "rdv"), SlotSet("rdv_mode", "reserver")]


# ------------------------------------------------------------------------------ aiguillage
def en_cours(tracker: Tracker) -> bool:
    return tracker.get_slot("attente") in ETATS


def continuer(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """La réponse à l'étape en cours du rendez-vous. None : la personne parle d'autre chose."""
    attente = tracker.get_slot("attente")
    intention = etat.intention(tracker)
    if attente not in ETATS:
        return None
    # Demander un droit, c'est changer de sujet : on quitte le rendez-vous.
    if intention == "verifier_droits" or intention in etat.INTENTION_DROIT:
        return None
    etapes = {
        "rdv_creneau": choisir_creneau,
        "rdv_confirmer": confirmer,
        "rdv_sms": sms,
        "rdv_telephone": telephone,
        "rdv_resume": resume,
        "annuler_code": lire_code,
        "annuler_choix": choix_annulation,
    }
    try:
        if attente == "rdv":
            reponse = _oui_non(tracker)
            if reponse is True:
                return proposer(dispatcher, tracker, mode="reserver")
            if reponse is False:
                dispatcher.utter_message(response="utter_rdv_non")
                return _fin([])
            return None
        return etapes[attente](dispatcher, tracker)
    except ErreurRdv as erreur:  # code disparu (effacé, purgé), statut changé entre deux messages
        log.info("rendez-vous : %s", type(erreur).__name__)
        dispatcher.messages.clear()
        dispatcher.utter_message(text=texte("rdv.code_abandon"))
        return _fin([])


def reposer(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Après un parcours annexe (aide, urgence…) : redemander l'étape en cours du rendez-vous."""
    attente = tracker.get_slot("attente")
    if attente == "rdv_creneau":
        proposes = tracker.get_slot("rdv_proposes") or []
        dispatcher.utter_message(
            text=texte("rdv.choisir"),
            buttons=[{"title": p["libelle"], "payload": f'/prendre_rdv{{"creneau":"{p["id"]}"}}'} for p in proposes]
            + _boutons((texte("rdv.autre_jour"), '/prendre_rdv{"creneau":"autre"}'),
                       (texte("rdv.pas_maintenant"), "/nier")))
    elif attente == "rdv_confirmer":
        creneau = service().creneau(int(tracker.get_slot("rdv_choisi")))
        dispatcher.utter_message(text=texte("rdv.confirmer", libelle=creneau.libelle),
                                 buttons=_boutons((texte("rdv.oui_reserver"), "/affirmer"),
                                                  (texte("rdv.non_autre"), "/nier")))
    elif attente == "rdv_sms":
        dispatcher.utter_message(text=texte("rdv.demander_sms"),
                                 buttons=_boutons((texte("rdv.oui_sms"), "/affirmer"), (texte("rdv.non_sms"), "/nier")))
    elif attente == "rdv_telephone":
        dispatcher.utter_message(text=texte("rdv.demander_numero"), buttons=_boutons((texte("rdv.non_sms"), "/nier")))
    elif attente == "rdv_resume":
        dispatcher.utter_message(text=texte("rdv.demander_resume"),
                                 buttons=_boutons((texte("rdv.oui_resume"), "/affirmer"),
                                                  (texte("rdv.non_resume"), "/nier")))
    elif attente == "annuler_code":
        dispatcher.utter_message(text=texte("rdv.demander_code"))
    elif attente == "annuler_choix":
        return montrer(dispatcher, tracker, tracker.get_slot("rdv_code"))
    return []


def effacer_rendez_vous(tracker: Tracker) -> None:
    """« Effacer mes données » : les rendez-vous, résumés et SMS de cette conversation aussi."""
    try:
        compte = service().supprimer_donnees(expediteur=tracker.sender_id)
        log.info("données de rendez-vous effacées : %s rendez-vous", compte.get("rendez_vous", 0))
    except Exception:  # noqa: BLE001 - la conversation est effacée quand même ; l'erreur est journalisée
        log.exception("effacement des rendez-vous impossible")
        raise


# ------------------------------------------------------------------------------ actions
class ActionRdv(ActionSure):
    """« Je veux un rendez-vous », un bouton de créneau, « Un autre jour », « Changer de jour »."""

    def name(self) -> str:
        return "action_rdv"

    async def executer(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                       domain: dict[str, Any]) -> list[EventType]:
        attente = tracker.get_slot("attente")
        try:
            if attente == "rdv_creneau":
                return choisir_creneau(dispatcher, tracker)
            if attente == "annuler_choix":
                return choix_annulation(dispatcher, tracker)
            if attente == "rdv_confirmer" and _entite(tracker, "creneau") == "autre":
                return confirmer(dispatcher, tracker)
            return proposer(dispatcher, tracker, mode="reserver")
        except ErreurRdv:
            dispatcher.messages.clear()
            dispatcher.utter_message(text=texte("rdv.en_panne"))
            return _fin([])


class ActionAnnulerRdv(ActionSure):
    """« Annuler mon rendez-vous » (ou le changer) : par son code."""

    def name(self) -> str:
        return "action_annuler_rdv"

    async def executer(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                       domain: dict[str, Any]) -> list[EventType]:
        if tracker.get_slot("attente") == "annuler_choix":
            return choix_annulation(dispatcher, tracker)
        if chercher_codes(etat.texte_utilisateur(tracker)):
            return lire_code(dispatcher, tracker)
        if tracker.get_slot("rdv_code"):  # le rendez-vous pris dans cette conversation
            return montrer(dispatcher, tracker, tracker.get_slot("rdv_code"))
        return demander_code(dispatcher)

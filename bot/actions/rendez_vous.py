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
import os
import re
import threading
import time
from datetime import date, datetime, timedelta
from typing import Any

from rasa_sdk import Tracker
from sqlalchemy.exc import DBAPIError
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

import droits
from bot import extraction
from bot.actions import etat
from bot.actions.base import ActionSure
from bot.actions.langue import courante
from bot.actions.textes import texte
from rdv import textes as textes_rdv
from rdv.codes import chercher_codes
from rdv.erreurs import CodeInconnu, CreneauIndisponible, CreneauPasse, CreneauPris, DejaAnnule, ErreurRdv, \
    StatutInvalide, TropTard
from rdv.service import JOURS_CONSERVATION, ServiceRdv
from rdv.telephone import chercher_portable, contient_un_numero
from rdv.temps import PARIS, en_paris

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
MOTS_DATE = re.compile(r"\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|janvier|fevrier|mars|avril|mai|"
                       r"juin|juillet|aout|septembre|octobre|novembre|decembre)\b")
MOTS_LIEU_COMMUNS = {"caf", "esi", "psa", "eps", "de", "du", "la", "le", "les", "des", "paris", "ville", "d", "l"}
# Codes essayés : au plus 2 par message ; au plus 6 codes introuvables par minute et par conversation
# (issue 14 : un compteur par expéditeur, pas un seul pour tout le serveur, qu'un seul aurait bloqué pour
# tous), et un plafond global de 120 par minute. Avec REDIS_URL, les compteurs sont partagés par toutes
# les instances du serveur d'actions.
CODES_PAR_MESSAGE = 2
ECHECS_CODE_PAR_MINUTE = 6
ECHECS_CODE_GLOBAL_PAR_MINUTE = 120

_service: ServiceRdv | None = None


class _FreinCodes:
    """Compte les codes introuvables de la dernière minute : par expéditeur, et pour tout le service."""

    def __init__(self, limite: int, fenetre: float = 60.0, limite_globale: int | None = None,
                 redis_url: str | None = None):
        self.limite, self.fenetre = limite, fenetre
        self.limite_globale = limite_globale if limite_globale is not None else max(limite * 20, ECHECS_CODE_GLOBAL_PAR_MINUTE)
        self._echecs: dict[str, list[float]] = {}
        self._verrou = threading.Lock()
        self._redis = None
        if redis_url:
            import redis

            self._redis = redis.Redis.from_url(redis_url, socket_timeout=1.0, socket_connect_timeout=1.0)

    def _compte(self, cle: str) -> int:
        if self._redis is not None:
            try:
                return int(self._redis.get(f"codes:{cle}:{int(time.time() // self.fenetre)}") or 0)
            except Exception:  # Redis arrêté : pas de blocage, journalisé
                log.warning("frein des codes : Redis indisponible")
                return 0
        maintenant = time.monotonic()
        with self._verrou:
            traces = [t for t in self._echecs.get(cle, []) if maintenant - t < self.fenetre]
            if traces:
                self._echecs[cle] = traces
            else:
                self._echecs.pop(cle, None)
            return len(traces)

    def bloque(self, expediteur: str | None = None) -> bool:
        return (self._compte(f"exp:{expediteur or '?'}") >= self.limite
                or self._compte("global") >= self.limite_globale)

    def noter_echec(self, expediteur: str | None = None) -> None:
        for cle in (f"exp:{expediteur or '?'}", "global"):
            if self._redis is not None:
                try:
                    nom = f"codes:{cle}:{int(time.time() // self.fenetre)}"
                    self._redis.incr(nom)
                    self._redis.expire(nom, int(self.fenetre) * 2)
                except Exception:
                    log.warning("frein des codes : Redis indisponible")
                continue
            with self._verrou:
                if len(self._echecs) > 100_000:
                    self._echecs.clear()
                self._echecs.setdefault(cle, []).append(time.monotonic())


frein_codes = _FreinCodes(ECHECS_CODE_PAR_MINUTE, redis_url=os.environ.get("REDIS_URL") or None)


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


def _tiers(tracker: Tracker) -> bool:
    """Un aidant parle d'une autre personne : les questions parlent de « la personne »."""
    return etat.forme(tracker) in etat.FORMES_TIERS


def _t(tracker: Tracker, cle: str, **valeurs) -> str:
    """Le texte ``cle``, ou sa variante ``cle_tiers`` en mode aidant si elle existe."""
    if _tiers(tracker):
        try:
            return texte(cle + "_tiers", **valeurs)
        except KeyError:
            pass
    return texte(cle, **valeurs)


def _boutons_creneaux(proposes: list[dict]) -> list[dict[str, str]]:
    """Un bouton par créneau proposé, puis « Un autre jour » et « Non, pas maintenant »."""
    return ([{"title": p["libelle"], "payload": f'/prendre_rdv{{"creneau":"{p["id"]}"}}'} for p in proposes]
            + _boutons((texte("rdv.autre_jour"), '/prendre_rdv{"creneau":"autre"}'),
                       (texte("rdv.pas_maintenant"), "/nier")))


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
        resultats = droits.evaluer(situation, forme=etat.forme(tracker), langue=courante())
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


# Les droits que la CAF instruit (son « rendez-vous des droits ») ; AME et C2S : la CPAM ; FSL : l'EPS ;
# domiciliation : CCAS ou association. Sans l'un d'eux à voir, pas de créneau à la CAF (joué à la main :
# une personne sans papiers, pour l'AME seule, se voyait proposer la CAF).
DROITS_DE_LA_CAF = ("rsa",)


def sans_categories(tracker: Tracker) -> tuple[str, ...]:
    situation = etat.situation(tracker)
    demandes = etat.droits_demandes(tracker)
    if not situation or not demandes:
        return ()
    try:
        resultats = droits.evaluer(situation, forme=etat.forme(tracker), langue=courante())
    except Exception:  # noqa: BLE001 - une situation invalide ne doit pas empêcher de réserver
        return ()
    a_voir = [n for n in demandes if (resultats["droits"].get(n) or {}).get("statut") != "non_eligible"]
    return () if not a_voir or any(n in DROITS_DE_LA_CAF for n in a_voir) else ("caf",)


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
    if mode == "reserver":
        deja = s.a_venir(tracker.sender_id)
        if deja:  # un rendez-vous à la fois : le montrer (l'annuler, changer de jour, le garder)
            return montrer(dispatcher, tracker, deja[0].code, avant=[texte("rdv.deja_un_rdv")])
    maintenant = en_paris(s.horloge())
    aujourd_hui = maintenant.date()
    limite = aujourd_hui + timedelta(days=JOURS_PROPOSES)
    # Pas de créneau qu'on ne pourrait plus annuler (moins de 4 heures avant) : ni surprise, ni place perdue.
    plus_tot = maintenant + s.delai_annulation
    debut = max(plus_tot, datetime.combine(apres, datetime.min.time(), tzinfo=PARIS)) if apres else plus_tot
    phrases = list(avant or [])
    autres = apres is not None
    ecartees = sans_categories(tracker) if mode == "reserver" else ()
    try:
        creneaux = s.creneaux_libres(depuis=debut, jusqua=limite, limite=NB_CRENEAUX, un_par_jour=True,
                                     sans_categories=ecartees)
        if not creneaux and autres:
            phrases.append(texte("rdv.plus_d_autre_jour"))
            autres = False
            creneaux = s.creneaux_libres(depuis=plus_tot, jusqua=limite, limite=NB_CRENEAUX, un_par_jour=True,
                                         sans_categories=ecartees)
    except ErreurRdv:
        log.exception("créneaux indisponibles")
        creneaux = []
    if not creneaux:
        dispatcher.utter_message(text=texte("rdv.aucun_creneau"))
        return _fin([])
    phrases.append(texte("rdv.choisir_autres" if autres else "rdv.choisir"))
    proposes = [{"id": c.id, "libelle": c.libelle_en(courante()), "jour": en_paris(c.debut).date().isoformat(),
                 "lieu": c.lieu.nom_court, "arrondissement": c.lieu.arrondissement} for c in creneaux]
    dispatcher.utter_message(text=" ".join(phrases), buttons=_boutons_creneaux(proposes),
                             json_message={"rdv": {"etape": "creneau", "creneaux": [c.to_dict() for c in creneaux]}})
    return [SlotSet("attente", "rdv_creneau"), SlotSet("rdv_proposes", proposes), SlotSet("rdv_choisi", None),
            SlotSet("rdv_mode", mode), SlotSet("rdv_essais", 0.0)]


def _mots_du_lieu(nom: str) -> set[str]:
    return {m for m in extraction.normaliser(nom).replace("'", " ").split() if m not in MOTS_LIEU_COMMUNS and len(m) > 2}


def _creneau_tape(texte_brut: str, proposes: list[dict]) -> dict | None | str:
    """Le créneau choisi dans un texte tapé : « 2 », « le deuxième », « jeudi », « le 4 décembre »,
    « la chapelle », « le 18e ». Un seul créneau doit correspondre ; sinon None (on redemande)."""
    simple = extraction.normaliser(texte_brut)  # « le deuxième » → « le 2 e »
    mots = simple.replace(",", " ").replace(".", " ").split()
    if not mots:
        return None
    # 1. Un jour, une date, un lieu ou un arrondissement : le créneau qui a tout ce qui est dit.
    candidats = []
    parle_de_date = bool(MOTS_DATE.search(simple))
    for p in proposes:
        jour = date.fromisoformat(p["jour"])
        criteres = []
        nom_jour = textes_rdv.JOURS[jour.weekday()]
        if MOTS_DATE.search(simple):
            mois = extraction.normaliser(textes_rdv.MOIS[jour.month - 1])
            jours_dits = set(re.findall(r"\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b", simple))
            quantiemes = re.findall(r"\b(\d{1,2})\s*(?:er\s*|e\s*)?(?:janvier|fevrier|mars|avril|mai|juin|juillet|"
                                    r"aout|septembre|octobre|novembre|decembre)\b", simple)
            criteres.append((not jours_dits or nom_jour in jours_dits)
                            and (not quantiemes or str(jour.day) in quantiemes)
                            and (mois in simple or not re.search(r"janvier|fevrier|mars|avril|mai|juin|juillet|aout|"
                                                                 r"septembre|octobre|novembre|decembre", simple)))
        lieu = _mots_du_lieu(p.get("lieu") or "")
        if lieu & set(mots):
            criteres.append(True)
        arr = p.get("arrondissement")
        if arr and re.search(rf"\b(?:{arr}\s*(?:e|eme|er)\b|750{arr:02d})", simple):
            criteres.append(True)
        elif re.search(r"\b\d{1,2}\s*(?:e|eme|er)\b(?!\s*(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|"
                       r"septembre|octobre|novembre|decembre))", simple) and not parle_de_date:
            criteres.append(False)  # un autre arrondissement est nommé
        if criteres and all(criteres):
            candidats.append(p)
    if len(candidats) == 1:
        return candidats[0]
    if candidats or parle_de_date:
        return None
    # 2. Le numéro du bouton : « 2 », « deux », « le deuxième », « numéro 3 » (message court seulement).
    courts = [m for m in mots if m not in ("le", "la", "numero", "no", "n", "e", "choix", "bouton", "celui")]
    if len(courts) == 1:
        for i, formes in ORDINAUX.items():
            if i < len(proposes) and courts[0] in formes:
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
            dispatcher.utter_message(text=texte("rdv.abandon_creneau"))
            return _fin([])
        dispatcher.utter_message(
            text=texte("rdv.pas_compris_creneau"),
            buttons=_boutons_creneaux(proposes),
        )
        return [SlotSet("rdv_essais", float(essais))]
    creneau = service().creneau(int(choix["id"]))
    lignes = [texte("rdv.confirmer", libelle=creneau.libelle_en(courante())), *_adresse(creneau.lieu)]
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
        return _pas_compris_oui_non(dispatcher, tracker, (texte("rdv.oui_reserver"), texte("rdv.non_autre")),
                                    suite=lambda: proposer(dispatcher, tracker))
    choisi = tracker.get_slot("rdv_choisi")
    mode = tracker.get_slot("rdv_mode") or "reserver"
    code = tracker.get_slot("rdv_code")
    try:
        if mode == "deplacer" and code:
            rdv = service().deplacer(code, int(choisi))
            dispatcher.utter_message(text=texte("rdv.deplace"))
            return _conclure(dispatcher, tracker, rdv, [SlotSet("rdv_mode", "reserver")])
        rdv = service().reserver(int(choisi), canal=canal(tracker), pieces=pieces(tracker),
                                 expediteur=tracker.sender_id, langue=courante())
    except (CreneauPris, CreneauIndisponible, CreneauPasse):
        return proposer(dispatcher, tracker, avant=[texte("rdv.pris")])
    except TropTard:
        dispatcher.utter_message(text=texte("rdv.trop_tard"))
        return _fin([])
    dispatcher.utter_message(text=texte("rdv.reserve", code=rdv.code), json_message={"rdv": {
        "etape": "reserve", "code": rdv.code, "debut": rdv.debut.isoformat(), "lieu": rdv.lieu.nom}})
    dispatcher.utter_message(text=_t(tracker, "rdv.demander_sms"),
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
        return _conclure(dispatcher, tracker, service().consulter(tracker.get_slot("rdv_code")), [])
    dispatcher.utter_message(
        text=_t(tracker, "rdv.demander_resume"),
        buttons=_boutons((texte("rdv.oui_resume"), "/affirmer"), (texte("rdv.non_resume"), "/nier")))
    return [SlotSet("attente", "rdv_resume"), SlotSet("rdv_essais", 0.0)]


def sms(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    numero = chercher_portable(etat.texte_utilisateur(tracker))
    if numero:
        return telephone(dispatcher, tracker)
    reponse = _oui_non(tracker)
    if reponse is True:
        dispatcher.utter_message(text=_t(tracker, "rdv.demander_numero"),
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
            suite=lambda: _conclure(dispatcher, tracker, service().consulter(code), [], [texte("rdv.resume_refuse")]))
    if reponse:
        situation = etat.situation(tracker)
        try:
            resultats = droits.evaluer(situation, forme=etat.forme(tracker), langue=courante())
            rdv = service().ajouter_resume(code, {"situation": situation, "resultats": resultats})
        except ErreurRdv:
            raise
        except Exception:  # noqa: BLE001 - sans résumé, le rendez-vous reste bon
            log.exception("résumé impossible à préparer")
            return _conclure(dispatcher, tracker, service().consulter(code), [], [texte("rdv.resume_impossible")])
        return _conclure(dispatcher, tracker, rdv, [], [texte("rdv.resume_donne")])
    return _conclure(dispatcher, tracker, service().consulter(code), [], [texte("rdv.resume_refuse")])


def _conclure(dispatcher: CollectingDispatcher, tracker: Tracker, rdv, events: list[EventType],
              avant: list[str] | None = None) -> list[EventType]:
    """La confirmation complète : date, lieu, adresse, code, papiers, SMS, comment annuler.
    Par SMS, une version courte (3 SMS au plus) : date, lieu, code, papiers, comment annuler."""
    s = service()
    if canal(tracker) == "sms":
        corps = textes_rdv.texte_confirmation_courte(rdv)
    else:
        corps = s.texte_confirmation(rdv)
    lignes = [*(avant or []), corps, texte("rdv.conservation", jours=JOURS_CONSERVATION), texte("rdv.fin")]
    dispatcher.utter_message(text="\n".join(lignes), json_message={"rdv": {
        "etape": "confirme", "code": rdv.code, "debut": rdv.debut.isoformat(), "lieu": rdv.lieu.nom,
        "rappel_sms": rdv.rappel_sms, "resume": rdv.resume_consenti}})
    return _fin(events + [SlotSet("rdv_code", rdv.code)])


# ------------------------------------------------------------------------------ annuler
def demander_code(dispatcher: CollectingDispatcher) -> list[EventType]:
    dispatcher.utter_message(text=texte("rdv.demander_code"))
    return [SlotSet("attente", "annuler_code"), SlotSet("rdv_essais", 0.0)]


def _boutons_choix() -> list[dict[str, str]]:
    return _boutons((texte("rdv.annuler_bouton"), "/affirmer"), (texte("rdv.changer_bouton"), "/prendre_rdv"),
                    (texte("rdv.garder_bouton"), "/nier"))


def montrer(dispatcher: CollectingDispatcher, tracker: Tracker, code: str,
            avant: list[str] | None = None) -> list[EventType]:
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
        text=" ".join([*(avant or []), texte("rdv.votre_rdv", libelle=rdv.creneau.libelle_en(courante()))]),
        buttons=_boutons_choix(),
        json_message={"rdv": {"etape": "annuler", "code": rdv.code}},
    )
    return [SlotSet("attente", "annuler_choix"), SlotSet("rdv_code", rdv.code), SlotSet("rdv_essais", 0.0)]


def code_inconnu(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    essais = _essais(tracker) + 1
    if frein_codes.bloque(tracker.sender_id):
        dispatcher.utter_message(text=texte("rdv.trop_d_essais"))
        return _fin([])
    if essais > ESSAIS:
        dispatcher.utter_message(text=texte("rdv.code_abandon"))
        return _fin([])
    dispatcher.utter_message(text=texte("rdv.code_inconnu"))
    return [SlotSet("attente", "annuler_code"), SlotSet("rdv_essais", float(essais))]


def code_du_message(tracker: Tracker) -> str | None:
    """Le code d'un rendez-vous qui existe, parmi ceux que le message peut contenir (2 au plus)."""
    for code in chercher_codes(etat.texte_utilisateur(tracker))[:CODES_PAR_MESSAGE]:
        if frein_codes.bloque(tracker.sender_id):
            return None
        try:
            service().consulter(code)
            return code
        except CodeInconnu:
            frein_codes.noter_echec(tracker.sender_id)
    return None


def lire_code(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    code = code_du_message(tracker)
    if code:
        return montrer(dispatcher, tracker, code)
    if _oui_non(tracker) is False:
        dispatcher.utter_message(text=texte("rdv.garde"))
        return _fin([])
    return code_inconnu(dispatcher, tracker)


MOTS_ANNULER = re.compile(r"\bannul|\bsupprim|\bpeux pas venir|\bpourrai pas venir|\bviendrai pas|\bn en veux plus\b")
MOTS_CHANGER = re.compile(r"\b(?:changer|changez|change|deplacer|deplacez|decaler|reporter|autre jour|autre date|"
                          r"autre heure|autre creneau)\b")
MOTS_GARDER = re.compile(r"\b(?:garder|garde|gardez|je viens|je viendrai|rien|laisse|laissez)\b")


def choix_annulation(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """« L'annuler » (/affirmer), « Changer de jour » (/prendre_rdv), « Le garder » (/nier), ou tapé.

    La question n'est pas « oui ou non » : un « ok » tapé ne suffit pas pour annuler."""
    code = tracker.get_slot("rdv_code")
    brut = etat.texte_utilisateur(tracker)
    simple = extraction.normaliser(brut)
    intention = etat.intention(tracker)
    if brut == "/prendre_rdv" or (not brut.startswith("/") and MOTS_CHANGER.search(simple)):
        return proposer(dispatcher, tracker, mode="deplacer")
    if brut == "/affirmer" or (not brut.startswith("/") and (MOTS_ANNULER.search(simple)
                                                           or intention == "annuler_rdv")):
        choix = "annuler"
    elif brut == "/nier" or MOTS_GARDER.search(simple) or (intention == "nier" and not MOTS_ANNULER.search(simple)):
        choix = "garder"
    elif intention == "prendre_rdv":
        return proposer(dispatcher, tracker, mode="deplacer")
    else:
        choix = None
    if choix == "garder":
        dispatcher.utter_message(text=texte("rdv.garde"))
        return _fin([])
    if choix is None:
        essais = _essais(tracker) + 1
        if essais > ESSAIS:
            dispatcher.utter_message(text=texte("rdv.garde"))
            return _fin([])
        dispatcher.utter_message(text=texte("rdv.pas_compris_choix"), buttons=_boutons_choix())
        return [SlotSet("rdv_essais", float(essais))]
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


def repond_a_l_etape(tracker: Tracker) -> bool:
    """Le message répond sans doute possible à l'étape en cours : un code quand on attend un code,
    un numéro de portable quand on attend un numéro, un bouton de créneau. Le NLU peut alors y voir
    n'importe quelle intention (« r69 t49 » classé au_revoir) : on le lit quand même."""
    attente = tracker.get_slot("attente")
    brut = etat.texte_utilisateur(tracker)
    return ((attente in ("annuler_code", "annuler_choix") and bool(chercher_codes(brut)))
            or (attente in ("rdv_sms", "rdv_telephone") and chercher_portable(brut) is not None)
            or (attente == "rdv_creneau" and _entite(tracker, "creneau") is not None))


def lire_si_reponse(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Pour les actions des autres intentions (effacer, recommencer, papiers…) : si le message est
    en fait la réponse attendue par le rendez-vous (un code, un numéro), la lire. None : sinon."""
    if en_cours(tracker) and repond_a_l_etape(tracker):
        return continuer(dispatcher, tracker)
    return None


def continuer(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """La réponse à l'étape en cours du rendez-vous. None : la personne parle d'autre chose."""
    attente = tracker.get_slot("attente")
    intention = etat.intention(tracker)
    if attente not in ETATS:
        return None
    # Demander un droit, c'est changer de sujet : on quitte le rendez-vous. Sauf si le message répond
    # clairement à l'étape (un code, un numéro, un bouton de créneau), quelle que soit son intention.
    if not repond_a_l_etape(tracker) and (intention == "verifier_droits" or intention in etat.INTENTION_DROIT):
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
                from bot.actions import verdict  # les détails restent à un toucher après « non »

                dispatcher.utter_message(response="utter_rdv_non", buttons=verdict.boutons_details())
                return _fin([])
            return None
        return etapes[attente](dispatcher, tracker)
    except (CodeInconnu, StatutInvalide, DejaAnnule) as erreur:  # effacé, purgé, changé entre deux messages
        log.info("rendez-vous : %s", type(erreur).__name__)
        dispatcher.messages.clear()
        dispatcher.utter_message(text=texte("rdv.code_abandon"))
        return _fin([])
    except ErreurRdv as erreur:
        log.info("rendez-vous : %s", type(erreur).__name__)
        dispatcher.messages.clear()
        dispatcher.utter_message(text=texte("rdv.en_panne"))
        return _fin([])
    except DBAPIError:
        return base_en_panne(dispatcher)


def base_en_panne(dispatcher: CollectingDispatcher) -> list[EventType]:
    """La base ne répond pas (redémarrage, panne) : rien n'a été écrit ; on garde l'étape pour
    que la même réponse, envoyée de nouveau, réessaie."""
    log.warning("base des rendez-vous injoignable")
    dispatcher.messages.clear()
    dispatcher.utter_message(text=texte("rdv.base_en_panne"))
    return []


def reposer(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Après un parcours annexe (aide, urgence…) : redemander l'étape en cours du rendez-vous ; ou,
    si le message y répondait en fait (un code classé « merci »…), le lire."""
    if repond_a_l_etape(tracker):
        suite = continuer(dispatcher, tracker)
        if suite is not None:
            return suite
    attente = tracker.get_slot("attente")
    if attente == "rdv_creneau":
        proposes = tracker.get_slot("rdv_proposes") or []
        dispatcher.utter_message(
            text=texte("rdv.choisir"),
            buttons=_boutons_creneaux(proposes))
    elif attente == "rdv_confirmer":
        creneau = service().creneau(int(tracker.get_slot("rdv_choisi")))
        dispatcher.utter_message(text=texte("rdv.confirmer", libelle=creneau.libelle_en(courante())),
                                 buttons=_boutons((texte("rdv.oui_reserver"), "/affirmer"),
                                                  (texte("rdv.non_autre"), "/nier")))
    elif attente == "rdv_sms":
        dispatcher.utter_message(text=_t(tracker, "rdv.demander_sms"),
                                 buttons=_boutons((texte("rdv.oui_sms"), "/affirmer"), (texte("rdv.non_sms"), "/nier")))
    elif attente == "rdv_telephone":
        dispatcher.utter_message(text=_t(tracker, "rdv.demander_numero"), buttons=_boutons((texte("rdv.non_sms"), "/nier")))
    elif attente == "rdv_resume":
        dispatcher.utter_message(text=_t(tracker, "rdv.demander_resume"),
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
class ActionAuRevoir(ActionSure):
    """« Au revoir » ; mais un code ou un numéro attendu, ou une réponse à la question posée (« le visa est
    fini » était lu « au revoir »), classé au_revoir par le NLU, est lu. L'au revoir garde les boutons du menu :
    jamais une fin sans bouton."""

    def name(self) -> str:
        return "action_au_revoir"

    async def executer(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                       domain: dict[str, Any]) -> list[EventType]:
        from bot.actions import dialogue, menu  # dialogue importe ce module

        suite = await dialogue.lire_si_reponse(dispatcher, tracker, domain)
        if suite is not None:
            return suite
        menu.envoyer(dispatcher, "utter_au_revoir")
        return []


# Étapes où une phrase classée prendre_rdv ou annuler_rdv répond en fait à la question posée
# (« oui je prends ce rdv », « non merci »…) : elle passe par ``continuer``.
ETAPES_REPONSE = ("rdv_confirmer", "rdv_sms", "rdv_telephone", "rdv_resume", "annuler_code")


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
            if attente == "rdv_confirmer" and _entite(tracker, "creneau") is not None:
                if _entite(tracker, "creneau") == "autre":
                    return confirmer(dispatcher, tracker)
                return proposer(dispatcher, tracker)  # un ancien bouton de créneau
            if attente in ETAPES_REPONSE:
                suite = continuer(dispatcher, tracker)
                if suite is not None:
                    return suite
            if courante() != "fr" and not attente and not etat.texte_utilisateur(tracker).startswith("/"):
                from bot.actions import dialogue

                if dialogue.repond_a_la_question(tracker):  # une réponse classée « rendez-vous » par erreur
                    return await dialogue.ActionAvancer().executer(dispatcher, tracker, domain)
            return proposer(dispatcher, tracker, mode="reserver")
        except ErreurRdv:
            dispatcher.messages.clear()
            dispatcher.utter_message(text=texte("rdv.en_panne"))
            return _fin([])
        except DBAPIError:
            return base_en_panne(dispatcher)


class ActionAnnulerRdv(ActionSure):
    """« Annuler mon rendez-vous » (ou le changer) : par son code."""

    def name(self) -> str:
        return "action_annuler_rdv"

    async def executer(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                       domain: dict[str, Any]) -> list[EventType]:
        if courante() != "fr" and not (tracker.get_slot("attente") or "").startswith(("annuler", "rdv")) \
                and not chercher_codes(etat.texte_utilisateur(tracker)):
            # « thirty-five », « ٣٤ » à la question posée, classé « annuler » par erreur (surtout dans une autre
            # langue que le français) : la réponse l'emporte
            from bot.actions import dialogue

            if dialogue.repond_a_la_question(tracker):
                return await dialogue.ActionAvancer().executer(dispatcher, tracker, domain)
        try:
            return self._suite(dispatcher, tracker)
        except DBAPIError:
            return base_en_panne(dispatcher)

    @staticmethod
    def _suite(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        attente = tracker.get_slot("attente")
        if attente == "annuler_choix":
            return choix_annulation(dispatcher, tracker)
        if attente == "rdv_creneau":  # « un autre créneau svp », « aucun ne va »
            return choisir_creneau(dispatcher, tracker)
        if chercher_codes(etat.texte_utilisateur(tracker)):
            return lire_code(dispatcher, tracker)
        if attente == "annuler_code":
            return lire_code(dispatcher, tracker)
        # Le rendez-vous pris dans cette conversation ; pas sur la borne, écran partagé : là, le code.
        if tracker.get_slot("rdv_code") and canal(tracker) != "web":
            return montrer(dispatcher, tracker, tracker.get_slot("rdv_code"))
        return demander_code(dispatcher)

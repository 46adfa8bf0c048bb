"""Couche de service du rendez-vous des droits : ce que les actions Rasa et l'API appellent.

Chaque méthode ouvre sa propre transaction et rend des objets simples (``rdv.vues``).
La règle « pas de double réservation » est tenue par la base (voir ``rdv.modeles``) :
une violation de contrainte devient ``CreneauPris("Ce créneau vient d'être pris.")``.

Exemple ::

    service = ServiceRdv("sqlite:///var/rdv.db")
    creneaux = service.creneaux_libres(arrondissement=13, limite=3)
    rdv = service.reserver(creneaux[0].id, telephone="06 12 34 56 78")
    print(service.texte_confirmation(rdv))
    service.annuler(rdv.code)
"""
from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import logging
import random
import re
import secrets
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Engine, delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload, selectinload, sessionmaker

from rdv import textes
from rdv.codes import normaliser_code, nouveau_code
from rdv.db import creer_moteur, fabrique_sessions
from rdv.erreurs import (
    AccesRefuse,
    CodeInconnu,
    CreneauIndisponible,
    CreneauInconnu,
    CreneauPasse,
    CreneauPris,
    DejaAnnule,
    DonneesInvalides,
    ErreurRdv,
    StatutInvalide,
    CodeSmsFaux,
    TelephoneDejaUtilise,
    TelephoneInvalide,
    TropTard,
)
from rdv.ics import fichier_ics
from rdv.modeles import Agent, Creneau, JournalPro, Lieu, PlaceCreneau, RendezVous, Resume, SessionPro, SmsSortant
from rdv.planning import charger_lieux, creer_creneau, generer_creneaux
from rdv.telephone import valider_portable
from rdv.temps import PARIS, Horloge, en_paris, maintenant
from rdv.vues import CreneauInfo, LieuInfo, RendezVousInfo

__all__ = [
    "AccesRefuse", "AgentInfo", "CodeInconnu", "CreneauIndisponible", "CreneauInconnu",
    "CreneauPasse", "CreneauPris", "DejaAnnule", "DonneesInvalides", "ErreurRdv", "ServiceRdv",
    "StatutInvalide", "TelephoneInvalide", "TropTard", "heure_envoi_autorisee",
]

log = logging.getLogger("rdv")

DEBUT_ENVOIS = time(8, 0)  # aucun SMS entre 21 h et 8 h (heure de Paris)
FIN_ENVOIS = time(21, 0)
HEURE_RAPPEL_MATIN = time(8, 0)
TAILLE_MAX_RESUME = 64_000  # octets de JSON
JOURS_CONSERVATION = 30  # tout ce qui concerne un rendez-vous est effacé 30 jours après (purger)
ESSAIS_CODE_SMS = 5  # essais du code de confirmation du numéro ; ensuite le numéro est oublié
DUREE_SESSION_PRO = timedelta(hours=10)
ID_MAX = 2**31 - 1  # identifiants SQL bornés : au-delà, « inconnu » (pas d'erreur 500)


def heure_envoi_autorisee(instant: datetime) -> datetime:
    """Premier instant ≥ ``instant`` hors de la plage silencieuse 21 h – 8 h (heure de Paris)."""
    local = en_paris(instant)
    if local.time() >= FIN_ENVOIS:
        return datetime.combine(local.date() + timedelta(days=1), DEBUT_ENVOIS, tzinfo=PARIS)
    if local.time() < DEBUT_ENVOIS:
        return datetime.combine(local.date(), DEBUT_ENVOIS, tzinfo=PARIS)
    return local


def plage_silencieuse(instant: datetime) -> bool:
    t = en_paris(instant).time()
    return t >= FIN_ENVOIS or t < DEBUT_ENVOIS


def hacher_jeton(jeton: str) -> str:
    return hashlib.sha256(jeton.encode("utf-8")).hexdigest()


def hacher_mot_de_passe(mot_de_passe: str, sel: bytes | None = None) -> str:
    """scrypt (n=2^14, r=8, p=1), sel de 16 octets : « scrypt$<sel hex>$<empreinte hex> »."""
    sel = sel or secrets.token_bytes(16)
    empreinte = hashlib.scrypt(mot_de_passe.encode("utf-8"), salt=sel, n=2**14, r=8, p=1, dklen=32)
    return f"scrypt${sel.hex()}${empreinte.hex()}"


def verifier_mot_de_passe(mot_de_passe: str, stocke: str | None) -> bool:
    try:
        algo, sel, attendu = (stocke or "").split("$")
        if algo != "scrypt":
            return False
        return hmac.compare_digest(hacher_mot_de_passe(mot_de_passe, bytes.fromhex(sel)), stocke)
    except (ValueError, TypeError):
        return False


def _code_sms(rdv_id: int, code: str) -> str:
    return hashlib.sha256(f"{rdv_id}:{code}".encode()).hexdigest()


CELLULE_DANGEREUSE = ("=", "+", "-", "@", "\t", "\r")


def cellule_csv(valeur: Any) -> str:
    """Neutralise l'injection de formules dans un tableur : une cellule qui commence par = + - @
    (ou une tabulation, un retour) est précédée d'une apostrophe."""
    texte = "" if valeur is None else str(valeur)
    return "'" + texte if texte.startswith(CELLULE_DANGEREUSE) else texte


@dataclass(frozen=True)
class AgentInfo:
    id: int
    nom: str
    lieu_id: int | None


def _arrondissement(valeur: Any) -> int | None:
    """13, "13", "13e", "75013", "1er" → numéro 1 à 20."""
    if valeur in (None, ""):
        return None
    texte = str(valeur).strip().lower()
    for suffixe in ("er", "e", "ème", "eme"):
        if texte.endswith(suffixe):
            texte = texte[: -len(suffixe)]
            break
    if not texte.isdigit():
        raise DonneesInvalides("Cet arrondissement n'existe pas.", "This district does not exist.")
    n = int(texte)
    if 75001 <= n <= 75020:
        n -= 75000
    if n == 75116:
        n = 16
    if not 1 <= n <= 20:
        raise DonneesInvalides("Cet arrondissement n'existe pas.", "This district does not exist.")
    return n


class ServiceRdv:
    """Service de réservation. ``source`` : URL, Engine, sessionmaker, ou None (``DATABASE_URL``)."""

    def __init__(
        self,
        source: str | Engine | sessionmaker | None = None,
        *,
        horloge: Horloge = maintenant,
        delai_annulation: timedelta = timedelta(hours=4),
        jours_proposes: int = 14,
        telephone_a_confirmer: bool | None = None,
    ):
        if isinstance(source, sessionmaker):
            self.sessions = source
        else:
            moteur = source if isinstance(source, Engine) else creer_moteur(source)
            self.sessions = fabrique_sessions(moteur)
        self.horloge = horloge
        self.delai_annulation = delai_annulation
        self.jours_proposes = jours_proposes
        # Vrai : un numéro reçoit d'abord un code à usage unique, et rien d'autre avant d'être confirmé.
        if telephone_a_confirmer is None:
            import os

            telephone_a_confirmer = (os.environ.get("TELEPHONE_A_CONFIRMER") or "1").strip() not in ("0", "non", "false")
        self.telephone_a_confirmer = telephone_a_confirmer

    # ------------------------------------------------------------------ outils internes
    def _maintenant(self) -> datetime:
        return en_paris(self.horloge())

    def _charger_rdv(self, s: Session, code: str, verrou: bool = False) -> RendezVous:
        propre = normaliser_code(code)
        if propre is None:
            raise CodeInconnu()
        requete = (
            select(RendezVous)
            .where(RendezVous.code == propre)
            .options(joinedload(RendezVous.creneau).joinedload(Creneau.lieu),
                     selectinload(RendezVous.resume))
        )
        if verrou:
            requete = requete.with_for_update(of=RendezVous)
        r = s.scalars(requete).unique().one_or_none()
        if r is None:
            raise CodeInconnu()
        return r

    def _charger_creneau(self, s: Session, creneau_id: Any) -> Creneau:
        try:
            cid = int(creneau_id)
        except (TypeError, ValueError, OverflowError):
            raise CreneauInconnu() from None
        if not 1 <= cid <= ID_MAX:
            raise CreneauInconnu()
        c = s.scalars(
            select(Creneau).where(Creneau.id == cid).options(joinedload(Creneau.lieu))
        ).one_or_none()
        if c is None:
            raise CreneauInconnu()
        return c

    def _verifier_reservable(self, c: Creneau, now: datetime) -> None:
        if c.debut <= now:
            raise CreneauPasse()
        if c.bloque or not c.lieu.actif:
            raise CreneauIndisponible()

    @staticmethod
    def _places_occupees(s: Session, creneau_id: int) -> set[int]:
        return set(
            s.scalars(
                select(RendezVous.place).where(
                    RendezVous.creneau_id == creneau_id, RendezVous.statut != "annule"
                )
            )
        )

    def _occuper_place(self, s: Session, c: Creneau, r: RendezVous, nouveau: bool) -> None:
        """Met ``r`` sur une place libre de ``c``. La base arbitre les courses : une violation
        de l'index unique (quelqu'un a pris la place entre-temps) fait essayer une autre place,
        puis lever CreneauPris quand il n'en reste aucune."""
        for _ in range(c.capacite + 2):
            libres = [i for i in range(c.capacite) if i not in self._places_occupees(s, c.id)]
            if not libres:
                raise CreneauPris()
            place = random.choice(libres)
            try:
                with s.begin_nested():
                    r.creneau_id, r.place = c.id, place
                    if nouveau:
                        s.add(r)
                    s.flush()
                return
            except IntegrityError as e:
                if nouveau and "code" in str(e.orig).lower() and "place" not in str(e.orig).lower():
                    raise _CodeEnDouble() from e
                log.debug("place %s du créneau %s prise entre-temps", place, c.id)
        raise CreneauPris()

    def _resume(self, resume: dict[str, Any]) -> tuple[dict, dict]:
        if not isinstance(resume, dict):
            raise DonneesInvalides("Le résumé est mal formé.", "The summary is malformed.")
        situation = resume.get("situation") or {}
        droits = resume.get("resultats", resume.get("droits")) or {}
        if not isinstance(situation, dict) or not isinstance(droits, dict):
            raise DonneesInvalides("Le résumé est mal formé.", "The summary is malformed.")
        taille = len(json.dumps([situation, droits], ensure_ascii=False, default=str).encode())
        if taille > TAILLE_MAX_RESUME:
            raise DonneesInvalides("Le résumé est trop long.", "The summary is too long.")
        return json.loads(json.dumps(situation, default=str)), json.loads(json.dumps(droits, default=str))

    # ------------------------------------------------------------------ SMS (file d'envoi)
    def _ajouter_sms(self, s: Session, r: RendezVous, type_sms: str, du_le: datetime,
                     now: datetime) -> None:
        """Ajoute un SMS à la file, une seule fois par (rendez-vous, type, créneau)."""
        existant = s.scalars(
            select(SmsSortant).where(
                SmsSortant.rendez_vous_id == r.id, SmsSortant.type == type_sms,
                SmsSortant.creneau_id == r.creneau_id,
            )
        ).one_or_none()
        texte = textes.sms(type_sms, RendezVousInfo.depuis(r))
        du_le = heure_envoi_autorisee(du_le)
        if existant is not None:
            if existant.statut == "annule":  # retour sur un créneau déjà quitté
                existant.statut, existant.du_le, existant.texte = "en_attente", du_le, texte
                existant.destinataire, existant.erreur = r.telephone, None
            return
        s.add(SmsSortant(
            rendez_vous_id=r.id, creneau_id=r.creneau_id, type=type_sms, destinataire=r.telephone,
            texte=texte, du_le=du_le, statut="en_attente", tentatives=0, cree_le=now,
        ))

    def _planifier_sms(self, s: Session, r: RendezVous, now: datetime, premier: str | None) -> None:
        """File d'envoi d'un rendez-vous actif : ``premier`` (confirmation, déplacement) tout de
        suite, rappel 48 h avant, rappel le matin à 8 h. Un rappel dont l'heure est passée, ou
        qui tomberait en même temps qu'un autre message, n'est pas créé. Un numéro pas encore
        confirmé reçoit d'abord son code (``_demander_confirmation``) ; le relanceur n'envoie les
        autres messages de la file qu'une fois le numéro confirmé."""
        if not r.telephone:
            return
        if self.telephone_a_confirmer and r.telephone_confirme_le is None and r.verification_hash is None:
            self._demander_confirmation(s, r, now)
        s.flush()
        debut = r.creneau.debut
        matin = datetime.combine(en_paris(debut).date(), HEURE_RAPPEL_MATIN, tzinfo=PARIS)
        if premier:
            self._ajouter_sms(s, r, premier, now, now)
        premier_envoi = heure_envoi_autorisee(now)
        h48 = heure_envoi_autorisee(debut - timedelta(hours=48))
        if h48 > now and h48 >= premier_envoi + timedelta(hours=12) and h48 < matin - timedelta(hours=12):
            self._ajouter_sms(s, r, "rappel_48h", h48, now)
        if matin > now and matin < debut and matin >= premier_envoi + timedelta(hours=1):
            self._ajouter_sms(s, r, "rappel_matin", matin, now)

    def _demander_confirmation(self, s: Session, r: RendezVous, now: datetime) -> None:
        """Un code à 6 chiffres, envoyé tout de suite (même la nuit : la personne l'attend)."""
        code = f"{secrets.randbelow(10**6):06d}"
        s.flush()
        r.verification_hash, r.verification_essais = _code_sms(r.id, code), 0
        texte = textes.sms_verification(code, r.langue or "fr")
        existant = s.scalars(select(SmsSortant).where(
            SmsSortant.rendez_vous_id == r.id, SmsSortant.type == "verification",
            SmsSortant.creneau_id == r.creneau_id)).one_or_none()
        if existant is not None:
            s.delete(existant)
            s.flush()
        s.add(SmsSortant(rendez_vous_id=r.id, creneau_id=r.creneau_id, type="verification",
                         destinataire=r.telephone, texte=texte, du_le=now, statut="en_attente",
                         tentatives=0, cree_le=now))

    def _telephone_libre(self, s: Session, tel: str, sauf: int | None, now: datetime) -> None:
        """Un seul rendez-vous à venir par numéro (sinon, n'importe qui ferait écrire à n'importe qui)."""
        autre = s.scalar(
            select(RendezVous.id).join(Creneau, RendezVous.creneau_id == Creneau.id)
            .where(RendezVous.telephone == tel, RendezVous.statut == "reserve", Creneau.debut > now,
                   RendezVous.id != (sauf or 0)).limit(1))
        if autre is not None:
            raise TelephoneDejaUtilise()

    @staticmethod
    def _annuler_sms_en_attente(s: Session, r: RendezVous) -> None:
        s.execute(
            update(SmsSortant)
            .where(SmsSortant.rendez_vous_id == r.id, SmsSortant.statut == "en_attente")
            .values(statut="annule", erreur="rendez-vous annulé ou déplacé")
        )

    # ------------------------------------------------------------------ lieux et créneaux
    def lieux(self, avec_creneaux: bool = False) -> list[LieuInfo]:
        with self.sessions() as s:
            requete = select(Lieu).where(Lieu.actif.is_(True)).order_by(Lieu.arrondissement, Lieu.nom)
            if avec_creneaux:
                requete = requete.where(Lieu.id.in_(select(Creneau.lieu_id)))
            return [LieuInfo.depuis(l) for l in s.scalars(requete)]

    def creneaux_libres(
        self,
        depuis: datetime | date | None = None,
        jours: int | None = None,
        lieu_id: int | None = None,
        arrondissement: int | str | None = None,
        limite: int | None = None,
        jusqua: datetime | date | None = None,
        un_par_jour: bool = False,
        sans_categories: tuple[str, ...] = (),
    ) -> list[CreneauInfo]:
        """Créneaux libres des ``jours`` (14) prochains jours, le plus tôt d'abord.

        « Le plus proche » = celui qui commence le plus tôt. ``arrondissement`` filtre les lieux
        de cet arrondissement. ``un_par_jour`` garde au plus un créneau par jour et par lieu
        (pour proposer 3 boutons variés). ``sans_categories`` écarte des lieux (``("caf",)`` : pas
        la CAF pour qui n'a aucun droit de la CAF à voir).
        """
        now = self._maintenant()
        if isinstance(depuis, date) and not isinstance(depuis, datetime):
            depuis = datetime.combine(depuis, time(0), tzinfo=PARIS)
        if isinstance(jusqua, date) and not isinstance(jusqua, datetime):
            jusqua = datetime.combine(jusqua + timedelta(days=1), time(0), tzinfo=PARIS)
        debut = max(en_paris(depuis), now) if depuis else now
        fin = jusqua if jusqua else debut + timedelta(days=jours or self.jours_proposes)
        arr = _arrondissement(arrondissement)
        occupees = (
            select(RendezVous.creneau_id, func.count().label("n"))
            .where(RendezVous.statut != "annule")
            .group_by(RendezVous.creneau_id)
            .subquery()
        )
        pris = func.coalesce(occupees.c.n, 0)
        requete = (
            select(Creneau, pris)
            .join(Lieu, Creneau.lieu_id == Lieu.id)
            .outerjoin(occupees, occupees.c.creneau_id == Creneau.id)
            .where(
                Creneau.debut > debut, Creneau.debut < fin, Creneau.bloque.is_(False),
                Lieu.actif.is_(True), pris < Creneau.capacite,
            )
            .options(joinedload(Creneau.lieu))
            .order_by(Creneau.debut, Lieu.nom, Creneau.id)
        )
        if lieu_id is not None:
            requete = requete.where(Creneau.lieu_id == int(lieu_id))
        if arr is not None:
            requete = requete.where(Lieu.arrondissement == arr)
        if sans_categories:
            requete = requete.where(Lieu.categorie.not_in(list(sans_categories)))
        if limite and not un_par_jour:
            requete = requete.limit(int(limite))
        sortie: list[CreneauInfo] = []
        vus: set[tuple[int, date]] = set()
        with self.sessions() as s:
            for c, n in s.execute(requete).unique():
                if un_par_jour:
                    cle = (c.lieu_id, en_paris(c.debut).date())
                    if cle in vus:
                        continue
                    vus.add(cle)
                sortie.append(CreneauInfo.depuis(c, places_libres=c.capacite - n))
                if limite and len(sortie) >= limite:
                    break
        return sortie

    def creneau(self, creneau_id: int) -> CreneauInfo:
        with self.sessions() as s:
            c = self._charger_creneau(s, creneau_id)
            return CreneauInfo.depuis(c, c.capacite - len(self._places_occupees(s, c.id)))

    def charger_lieux(self) -> int:
        with self.sessions.begin() as s:
            return len(charger_lieux(s))

    def generer_creneaux(self, semaines: int | None = None, regles=None) -> int:
        """Charge les lieux puis crée les créneaux manquants (idempotent)."""
        with self.sessions.begin() as s:
            charger_lieux(s)
            return generer_creneaux(s, self._maintenant(), semaines=semaines, regles=regles)

    def ajouter_creneau(self, lieu_id: int, debut: datetime, duree_minutes: int = 45,
                        capacite: int = 1) -> CreneauInfo:
        """Crée un créneau à la main (tests, ouverture exceptionnelle)."""
        with self.sessions.begin() as s:
            c = creer_creneau(s, lieu_id, en_paris(debut), en_paris(debut) + timedelta(minutes=duree_minutes),
                              capacite, self._maintenant())
            s.flush()
            c = self._charger_creneau(s, c.id)
            return CreneauInfo.depuis(c)

    # ------------------------------------------------------------------ réserver
    def reserver(
        self,
        creneau_id: int,
        telephone: str | None = None,
        canal: str = "web",
        langue: str = "fr",
        pieces: list | None = None,
        resume: dict | None = None,
        expediteur: str | None = None,
        agent: AgentInfo | None = None,
    ) -> RendezVousInfo:
        """Réserve une place du créneau. Lève CreneauPris si plus aucune place n'est libre.

        ``telephone`` : seulement si la personne veut des rappels SMS (portable français).
        ``resume`` : seulement si la personne a accepté que l'agent de la CAF le voie ;
        ``{"situation": {...}, "droits": {...}}`` (ou ``"resultats"``: le JSON de ``evaluer``).
        ``expediteur`` : pseudonyme de l'expéditeur (passerelle), pour ``supprimer_donnees``.
        ``agent`` : le professionnel qui réserve pour la personne (noté au journal ``journal_pro``).
        Le résultat porte ``jeton`` (128 bits, le second facteur du lien envoyé par SMS) : il n'est
        rendu qu'ici et seul son SHA-256 est gardé.
        """
        tel = valider_portable(telephone) if telephone else None
        contenu_resume = self._resume(resume) if resume is not None else None
        pieces = list(pieces or [])
        canal = str(canal or "web")[:20]
        langue = str(langue or "fr")[:8]
        for _ in range(5):
            try:
                with self.sessions.begin() as s:
                    now = self._maintenant()
                    c = self._charger_creneau(s, creneau_id)
                    self._verifier_reservable(c, now)
                    if tel:
                        self._telephone_libre(s, tel, None, now)
                    jeton = secrets.token_urlsafe(16)
                    r = RendezVous(
                        code=nouveau_code(), telephone=tel, canal=canal, langue=langue,
                        statut="reserve", expediteur=expediteur, pieces=pieces,
                        cree_le=now, modifie_le=now, jeton_hash=hacher_jeton(jeton),
                        verification_essais=0,
                        telephone_confirme_le=None if self.telephone_a_confirmer else (now if tel else None),
                    )
                    self._occuper_place(s, c, r, nouveau=True)
                    if contenu_resume is not None:
                        situation, droits = contenu_resume
                        s.add(Resume(rendez_vous_id=r.id, situation=situation, droits=droits,
                                     consenti_le=now))
                    s.flush()
                    s.refresh(r)
                    self._planifier_sms(s, r, now, "confirmation")
                    if agent is not None:
                        s.add(JournalPro(agent_id=agent.id, action="reserver", code=r.code,
                                         creneau_id=c.id, le=now))
                    log.info("rendez-vous réservé (créneau %s, canal %s)", c.id, canal)
                    return replace(RendezVousInfo.depuis(r), jeton=jeton)
            except _CodeEnDouble:
                continue
        raise CreneauPris()

    def consulter(self, code: str) -> RendezVousInfo:
        with self.sessions() as s:
            return RendezVousInfo.depuis(self._charger_rdv(s, code))

    def _verifier_delai(self, r: RendezVous, now: datetime) -> None:
        if now > r.creneau.debut - self.delai_annulation:
            raise TropTard()

    def annuler(self, code: str, telephone: str | None = None) -> RendezVousInfo:
        """Annule par code, jusqu'à ``delai_annulation`` (4 h) avant. Avec ``telephone`` (SMS
        « ANNULER K7P-4QX »), le numéro doit être celui du rendez-vous."""
        with self.sessions.begin() as s:
            now = self._maintenant()
            r = self._charger_rdv(s, code, verrou=True)
            if telephone is not None:
                try:
                    tel = valider_portable(telephone)
                except TelephoneInvalide:
                    raise CodeInconnu() from None
                if not r.telephone or not hmac.compare_digest(r.telephone, tel):
                    raise CodeInconnu()
            if r.statut == "annule":
                raise DejaAnnule()
            if r.statut != "reserve":
                raise StatutInvalide()
            self._verifier_delai(r, now)
            r.statut, r.annule_le, r.modifie_le = "annule", now, now
            self._annuler_sms_en_attente(s, r)
            if r.telephone:  # mis en file ; le relanceur ne l'envoie que si le numéro a été confirmé
                self._ajouter_sms(s, r, "annulation", now, now)
            info = RendezVousInfo.depuis(r)
            # Annulé : le numéro et le résumé ne servent plus. Le SMS d'annulation garde sa copie du
            # numéro jusqu'à son envoi ; la purge l'efface ensuite.
            r.telephone, r.verification_hash = None, None
            s.execute(delete(Resume).where(Resume.rendez_vous_id == r.id))
            log.info("rendez-vous annulé (créneau %s)", r.creneau_id)
            return info

    def deplacer(self, code: str, nouveau_creneau_id: int) -> RendezVousInfo:
        """Change de créneau en une seule transaction : le rendez-vous passe d'une place à
        l'autre par une seule mise à jour. Jamais deux réservations, jamais aucune : si le
        nouveau créneau est pris, l'ancien reste réservé."""
        with self.sessions.begin() as s:
            now = self._maintenant()
            r = self._charger_rdv(s, code, verrou=True)
            if r.statut == "annule":
                raise DejaAnnule()
            if r.statut != "reserve":
                raise StatutInvalide()
            self._verifier_delai(r, now)
            c = self._charger_creneau(s, nouveau_creneau_id)
            if c.id == r.creneau_id:
                return RendezVousInfo.depuis(r)
            self._verifier_reservable(c, now)
            self._annuler_sms_en_attente(s, r)
            self._occuper_place(s, c, r, nouveau=False)
            r.modifie_le = now
            s.flush()
            s.refresh(r)
            self._planifier_sms(s, r, now, "deplacement")
            log.info("rendez-vous déplacé vers le créneau %s", c.id)
            return RendezVousInfo.depuis(r)

    def definir_telephone(self, code: str, telephone: str | None) -> RendezVousInfo:
        """Ajoute (rappels SMS) ou retire (plus aucun SMS, numéro effacé) le numéro."""
        tel = valider_portable(telephone) if telephone else None
        with self.sessions.begin() as s:
            now = self._maintenant()
            r = self._charger_rdv(s, code, verrou=True)
            if r.statut != "reserve":
                raise StatutInvalide()
            if tel:
                self._telephone_libre(s, tel, r.id, now)
            s.execute(delete(SmsSortant).where(
                SmsSortant.rendez_vous_id == r.id, SmsSortant.statut == "en_attente"))
            if tel != r.telephone:
                r.telephone_confirme_le = None if self.telephone_a_confirmer or not tel else now
                r.verification_hash, r.verification_essais = None, 0
            r.telephone, r.modifie_le = tel, now
            self._planifier_sms(s, r, now, "confirmation")
            return RendezVousInfo.depuis(r)

    def ajouter_resume(self, code: str, resume: dict) -> RendezVousInfo:
        """Enregistre le résumé pour l'agent : à n'appeler qu'après l'accord de la personne."""
        situation, droits = self._resume(resume)
        with self.sessions.begin() as s:
            now = self._maintenant()
            r = self._charger_rdv(s, code, verrou=True)
            if r.statut != "reserve":
                raise StatutInvalide()
            if r.resume is None:
                r.resume = Resume(situation=situation, droits=droits, consenti_le=now)
            else:
                r.resume.situation, r.resume.droits, r.resume.consenti_le = situation, droits, now
            s.flush()
            return RendezVousInfo.depuis(r)

    def retirer_resume(self, code: str) -> None:
        """La personne retire son accord : le résumé est effacé."""
        with self.sessions.begin() as s:
            r = self._charger_rdv(s, code)
            s.execute(delete(Resume).where(Resume.rendez_vous_id == r.id))

    # ------------------------------------------------------------------ second facteur et numéro
    def verifier_acces(self, code: str, jeton: str | None = None,
                       fin_telephone: str | None = None) -> RendezVousInfo:
        """Le rendez-vous si le second facteur va avec le code : le jeton de 128 bits du lien, ou
        les 4 derniers chiffres du numéro (confirmé). Sinon ``CodeInconnu``, comme un code faux :
        la réponse ne dit pas si le code existe."""
        jeton = jeton if isinstance(jeton, str) and 0 < len(jeton) <= 64 else None
        fin = fin_telephone if isinstance(fin_telephone, str) and re.fullmatch(r"\d{4}", fin_telephone or "") else None
        if jeton is None and fin is None:
            raise CodeInconnu()
        with self.sessions() as s:
            r = self._charger_rdv(s, code)
            ok = False
            if jeton is not None and r.jeton_hash:
                ok = hmac.compare_digest(r.jeton_hash, hacher_jeton(jeton))
            if not ok and fin is not None and r.telephone and r.telephone_confirme_le is not None:
                ok = hmac.compare_digest(r.telephone[-4:], fin)
            if not ok:
                raise CodeInconnu()
            return RendezVousInfo.depuis(r)

    def confirmer_telephone(self, code: str, code_sms: str) -> RendezVousInfo:
        """Le code à 6 chiffres reçu par SMS confirme le numéro ; alors seulement la confirmation et
        les rappels partent. 5 essais faux : le numéro est oublié (``TelephoneInvalide``)."""
        propre = re.sub(r"\D", "", code_sms or "")[:12]
        with self.sessions.begin() as s:
            now = self._maintenant()
            r = self._charger_rdv(s, code, verrou=True)
            if r.statut != "reserve" or not r.telephone:
                raise StatutInvalide()
            if r.telephone_confirme_le is not None:
                return RendezVousInfo.depuis(r)
            if r.verification_hash and len(propre) == 6 and hmac.compare_digest(
                    r.verification_hash, _code_sms(r.id, propre)):
                # La file (confirmation, rappels) est déjà prête : le relanceur l'envoie désormais.
                r.telephone_confirme_le, r.verification_hash, r.modifie_le = now, None, now
                log.info("numéro confirmé (créneau %s)", r.creneau_id)
                return RendezVousInfo.depuis(r)
            r.verification_essais = (r.verification_essais or 0) + 1
            if r.verification_essais >= ESSAIS_CODE_SMS:
                r.telephone, r.verification_hash = None, None
                s.execute(delete(SmsSortant).where(
                    SmsSortant.rendez_vous_id == r.id, SmsSortant.statut == "en_attente"))
                log.info("numéro oublié après %s codes faux", r.verification_essais)
        raise CodeSmsFaux()

    def confirmer_par_sms(self, telephone: str, texte: str) -> RendezVousInfo | None:
        """Réponse par SMS au code (« 482913 ») depuis le numéro à confirmer. None : ce n'était pas
        une réponse à un code en attente pour ce numéro."""
        m = re.fullmatch(r"\s*(?:code\s*:?\s*)?(\d{3})\s?(\d{3})\s*", texte or "", re.IGNORECASE)
        if not m:
            return None
        try:
            tel = valider_portable(telephone)
        except TelephoneInvalide:
            return None
        with self.sessions() as s:
            codes = list(s.scalars(select(RendezVous.code).where(
                RendezVous.telephone == tel, RendezVous.statut == "reserve",
                RendezVous.telephone_confirme_le.is_(None), RendezVous.verification_hash.is_not(None))))
        for code in codes:
            try:
                return self.confirmer_telephone(code, m.group(1) + m.group(2))
            except (CodeSmsFaux, StatutInvalide):
                continue
        return None

    # ------------------------------------------------------------------ professionnels (/pro)
    def definir_mot_de_passe(self, agent_id: int, identifiant: str, mot_de_passe: str) -> None:
        if not identifiant or len(identifiant) > 80 or len(mot_de_passe or "") < 12:
            raise DonneesInvalides("Le mot de passe doit avoir 12 caractères au moins.",
                                   "The password must have at least 12 characters.")
        with self.sessions.begin() as s:
            a = s.get(Agent, agent_id)
            if a is None:
                raise DonneesInvalides("Cet agent n'existe pas.", "This agent does not exist.")
            a.identifiant, a.mot_de_passe_hash = identifiant.strip().lower(), hacher_mot_de_passe(mot_de_passe)

    def connecter(self, identifiant: str | None = None, mot_de_passe: str | None = None,
                  jeton_agent: str | None = None) -> tuple[AgentInfo, str] | None:
        """Identifiant et mot de passe, ou jeton d'agent : ouvre une session /pro (10 h). Rend
        (agent, jeton de session) ; seul le SHA-256 du jeton de session est gardé."""
        agent = None
        if jeton_agent:
            agent = self.authentifier(jeton_agent)
        elif identifiant and mot_de_passe and len(identifiant) <= 80 and len(mot_de_passe) <= 200:
            with self.sessions() as s:
                a = s.scalars(select(Agent).where(Agent.identifiant == identifiant.strip().lower())).one_or_none()
                stocke = a.mot_de_passe_hash if a is not None else None
                if stocke is None:  # même travail qu'un mot de passe faux : le temps ne dit rien
                    verifier_mot_de_passe(mot_de_passe, hacher_mot_de_passe("x"))
                elif a.actif and verifier_mot_de_passe(mot_de_passe, stocke):
                    agent = AgentInfo(a.id, a.nom, a.lieu_id)
        if agent is None:
            return None
        jeton = secrets.token_urlsafe(32)
        with self.sessions.begin() as s:
            now = self._maintenant()
            s.add(SessionPro(jeton_hash=hacher_jeton(jeton), agent_id=agent.id, cree_le=now,
                             expire_le=now + DUREE_SESSION_PRO))
            s.add(JournalPro(agent_id=agent.id, action="connexion", le=now))
        return agent, jeton

    def agent_de_session(self, jeton: str | None) -> AgentInfo | None:
        if not jeton or len(jeton) > 100:
            return None
        with self.sessions() as s:
            row = s.execute(
                select(Agent, SessionPro.expire_le).join(SessionPro, SessionPro.agent_id == Agent.id)
                .where(SessionPro.jeton_hash == hacher_jeton(jeton))).first()
            if row is None or not row[0].actif or row[1] <= self._maintenant():
                return None
            return AgentInfo(row[0].id, row[0].nom, row[0].lieu_id)

    def deconnecter(self, jeton: str | None) -> None:
        if jeton and len(jeton) <= 100:
            with self.sessions.begin() as s:
                s.execute(delete(SessionPro).where(SessionPro.jeton_hash == hacher_jeton(jeton)))

    def noter_pro(self, agent: AgentInfo, action: str, code: str | None = None,
                  creneau_id: int | None = None) -> None:
        with self.sessions.begin() as s:
            s.add(JournalPro(agent_id=agent.id, action=action[:30], code=code, creneau_id=creneau_id,
                             le=self._maintenant()))

    def journal_pro(self, agent: AgentInfo | None = None, limite: int = 200) -> list[dict[str, Any]]:
        requete = select(JournalPro).order_by(JournalPro.le.desc(), JournalPro.id.desc()).limit(limite)
        if agent is not None:
            requete = requete.where(JournalPro.agent_id == agent.id)
        with self.sessions() as s:
            return [{"agent_id": j.agent_id, "action": j.action, "code": j.code, "creneau_id": j.creneau_id,
                     "le": j.le.isoformat()} for j in s.scalars(requete)]

    # ------------------------------------------------------------------ textes
    def rappels_prevus(self, code: str) -> list[str]:
        """Types des SMS de ce rendez-vous encore à envoyer (``rappel_48h``, ``rappel_matin``…)."""
        with self.sessions() as s:
            r = self._charger_rdv(s, code)
            return list(s.scalars(select(SmsSortant.type).where(
                SmsSortant.rendez_vous_id == r.id, SmsSortant.statut == "en_attente")))

    def texte_confirmation(self, rdv: RendezVousInfo | str) -> str:
        info = self.consulter(rdv) if isinstance(rdv, str) else rdv
        rappels = [t for t in self.rappels_prevus(info.code) if t != "verification"] if info.telephone else []
        texte = textes.texte_confirmation(info, int(self.delai_annulation.total_seconds() // 3600), rappels)
        if info.telephone and self.telephone_a_confirmer and not info.telephone_confirme:
            texte += "\n" + textes.t("confirmer_numero", info.langue or "fr")
        return texte

    def a_venir(self, expediteur: str) -> list[RendezVousInfo]:
        """Les rendez-vous encore réservés et pas encore passés de cet expéditeur (pseudonyme)."""
        if not expediteur:
            return []
        with self.sessions() as s:
            requete = (
                select(RendezVous).join(Creneau, RendezVous.creneau_id == Creneau.id)
                .where(RendezVous.expediteur == expediteur, RendezVous.statut == "reserve",
                       Creneau.debut > self._maintenant())
                .options(joinedload(RendezVous.creneau).joinedload(Creneau.lieu), selectinload(RendezVous.resume))
                .order_by(Creneau.debut)
            )
            return [RendezVousInfo.depuis(r) for r in s.scalars(requete).unique()]

    def sms_confirmation(self, rdv: RendezVousInfo | str) -> str:
        info = self.consulter(rdv) if isinstance(rdv, str) else rdv
        return textes.sms("confirmation", info)

    def ics(self, rdv: RendezVousInfo | str) -> str:
        info = self.consulter(rdv) if isinstance(rdv, str) else rdv
        return fichier_ics(info, self._maintenant())

    # ------------------------------------------------------------------ vie privée
    def supprimer_donnees(self, expediteur: str | None = None, telephone: str | None = None,
                          code: str | None = None) -> dict[str, int]:
        """Efface tout ce qui concerne une personne : rendez-vous (les places sont libérées),
        résumés, SMS en file ou envoyés. Critères : pseudonyme d'expéditeur, numéro ou code."""
        criteres = []
        if expediteur:
            criteres.append(RendezVous.expediteur == expediteur)
        tel = None
        if telephone:
            tel = valider_portable(telephone)
            criteres.append(RendezVous.telephone == tel)
        if code:
            propre = normaliser_code(code)
            if propre:
                criteres.append(RendezVous.code == propre)
        if not criteres:
            return {"rendez_vous": 0, "resumes": 0, "sms": 0}
        with self.sessions.begin() as s:
            ids = list(s.scalars(select(RendezVous.id).where(or_(*criteres))))
            return self._effacer(s, ids, tel)

    def supprimer_par_expediteur(self, expediteur: str) -> dict[str, int]:
        return self.supprimer_donnees(expediteur=expediteur)

    @staticmethod
    def _effacer(s: Session, ids: list[int], telephone: str | None = None) -> dict[str, int]:
        n_resumes = n_sms = n_rdv = 0
        for i in range(0, len(ids), 500):
            lot = ids[i:i + 500]
            n_resumes += s.execute(delete(Resume).where(Resume.rendez_vous_id.in_(lot))).rowcount
            n_sms += s.execute(delete(SmsSortant).where(SmsSortant.rendez_vous_id.in_(lot))).rowcount
            n_rdv += s.execute(delete(RendezVous).where(RendezVous.id.in_(lot))).rowcount
        if telephone:
            n_sms += s.execute(delete(SmsSortant).where(SmsSortant.destinataire == telephone)).rowcount
        return {"rendez_vous": n_rdv, "resumes": n_resumes, "sms": n_sms}

    def purger(self, jours: int = JOURS_CONSERVATION) -> dict[str, int]:
        """Efface tout ce qui concerne les rendez-vous finis depuis plus de ``jours`` jours
        (quel que soit leur statut), puis les créneaux passés devenus vides."""
        with self.sessions.begin() as s:
            limite = self._maintenant() - timedelta(days=jours)
            ids = list(s.scalars(
                select(RendezVous.id).join(Creneau, RendezVous.creneau_id == Creneau.id)
                .where(Creneau.fin < limite)
            ))
            compte = self._effacer(s, ids)
            compte["sms"] += s.execute(delete(SmsSortant).where(
                SmsSortant.rendez_vous_id.is_(None), SmsSortant.cree_le < limite)).rowcount
            vides = select(Creneau.id).where(
                Creneau.fin < limite, ~Creneau.id.in_(select(RendezVous.creneau_id)))
            anciens = list(s.scalars(vides))
            for i in range(0, len(anciens), 500):
                lot = anciens[i:i + 500]
                s.execute(delete(SmsSortant).where(SmsSortant.creneau_id.in_(lot)))
                s.execute(delete(PlaceCreneau).where(PlaceCreneau.creneau_id.in_(lot)))
                s.execute(delete(Creneau).where(Creneau.id.in_(lot)))
            compte["creneaux"] = len(anciens)
            # Numéros : un rendez-vous annulé n'en garde pas (voir annuler) ; les SMS finis d'un
            # rendez-vous annulé, ou sans rendez-vous, perdent leur copie du numéro.
            annules = select(RendezVous.id).where(RendezVous.statut == "annule")
            # Un SMS qui attend un numéro jamais confirmé d'un rendez-vous annulé ne partira jamais.
            s.execute(update(SmsSortant).where(
                SmsSortant.statut == "en_attente", SmsSortant.rendez_vous_id.in_(
                    select(RendezVous.id).where(RendezVous.statut == "annule",
                                                RendezVous.telephone_confirme_le.is_(None))),
            ).values(statut="annule", erreur="numéro jamais confirmé"))
            compte["numeros_effaces"] = s.execute(update(SmsSortant).where(
                SmsSortant.statut.in_(("envoye", "echec", "annule")), SmsSortant.destinataire != "",
                or_(SmsSortant.rendez_vous_id.is_(None), SmsSortant.rendez_vous_id.in_(annules)),
            ).values(destinataire="")).rowcount
            s.execute(update(RendezVous).where(RendezVous.statut == "annule", or_(
                RendezVous.telephone.is_not(None), RendezVous.verification_hash.is_not(None))).values(
                telephone=None, verification_hash=None))
            s.execute(delete(Resume).where(Resume.rendez_vous_id.in_(annules)))
            compte["sessions_pro"] = s.execute(delete(SessionPro).where(
                SessionPro.expire_le < self._maintenant())).rowcount
            s.execute(delete(JournalPro).where(JournalPro.le < self._maintenant() - timedelta(days=365)))
            log.info("purge : %s rendez-vous, %s créneaux", compte["rendez_vous"], len(anciens))
            return compte

    # ------------------------------------------------------------------ agents
    def creer_agent(self, nom: str, lieu_id: int | None = None, identifiant: str | None = None,
                    mot_de_passe: str | None = None) -> tuple[AgentInfo, str]:
        """Crée un agent. Rend (agent, jeton) : le jeton n'est montré qu'une fois, seul son
        SHA-256 est gardé."""
        jeton = secrets.token_urlsafe(32)
        with self.sessions.begin() as s:
            if lieu_id is not None and s.get(Lieu, lieu_id) is None:
                raise DonneesInvalides("Ce lieu n'existe pas.", "This place does not exist.")
            a = Agent(nom=nom, jeton_hash=hacher_jeton(jeton), lieu_id=lieu_id, actif=True,
                      cree_le=self._maintenant())
            s.add(a)
            s.flush()
            info = AgentInfo(a.id, a.nom, a.lieu_id)
        if identifiant and mot_de_passe:
            self.definir_mot_de_passe(info.id, identifiant, mot_de_passe)
        return info, jeton

    def desactiver_agent(self, agent_id: int) -> None:
        with self.sessions.begin() as s:
            s.execute(update(Agent).where(Agent.id == agent_id).values(actif=False))

    def authentifier(self, jeton: str | None) -> AgentInfo | None:
        if not jeton or len(jeton) > 200:
            return None
        h = hacher_jeton(jeton)
        with self.sessions() as s:
            a = s.scalars(select(Agent).where(Agent.jeton_hash == h)).one_or_none()
            if a is None or not a.actif or not hmac.compare_digest(a.jeton_hash, h):
                return None
            return AgentInfo(a.id, a.nom, a.lieu_id)

    @staticmethod
    def _lieu_agent(agent: AgentInfo, lieu_id: int | None) -> int | None:
        if agent.lieu_id is not None:
            if lieu_id is not None and int(lieu_id) != agent.lieu_id:
                raise AccesRefuse()
            return agent.lieu_id
        return None if lieu_id is None else int(lieu_id)

    def _rdv_agent(self, s: Session, agent: AgentInfo, code: str, verrou: bool = False) -> RendezVous:
        r = self._charger_rdv(s, code, verrou=verrou)
        if agent.lieu_id is not None and r.creneau.lieu_id != agent.lieu_id:
            raise CodeInconnu()  # ne pas révéler l'existence d'un rendez-vous ailleurs
        return r

    def rendez_vous_du_jour(self, agent: AgentInfo, jour: date | None = None,
                            lieu_id: int | None = None, inclure_annules: bool = False
                            ) -> list[dict[str, Any]]:
        jour = jour or self._maintenant().date()
        return self.rendez_vous_periode(agent, jour, jour, lieu_id, inclure_annules)

    def rendez_vous_periode(self, agent: AgentInfo, du: date, au: date,
                            lieu_id: int | None = None, inclure_annules: bool = True
                            ) -> list[dict[str, Any]]:
        lieu = self._lieu_agent(agent, lieu_id)
        debut = datetime.combine(du, time(0), tzinfo=PARIS)
        fin = datetime.combine(au + timedelta(days=1), time(0), tzinfo=PARIS)
        requete = (
            select(RendezVous)
            .join(Creneau, RendezVous.creneau_id == Creneau.id)
            .where(Creneau.debut >= debut, Creneau.debut < fin)
            .options(joinedload(RendezVous.creneau).joinedload(Creneau.lieu),
                     selectinload(RendezVous.resume))
            .order_by(Creneau.debut, Creneau.lieu_id, RendezVous.place)
        )
        if lieu is not None:
            requete = requete.where(Creneau.lieu_id == lieu)
        if not inclure_annules:
            requete = requete.where(RendezVous.statut != "annule")
        with self.sessions() as s:
            return [self._ligne_agent(r) for r in s.scalars(requete).unique()]

    @staticmethod
    def _ligne_agent(r: RendezVous) -> dict[str, Any]:
        """Ce que l'agent voit dans une liste : pas de numéro de téléphone."""
        return {
            "code": r.code,
            "debut": r.creneau.debut.isoformat(),
            "fin": r.creneau.fin.isoformat(),
            "heure": textes.heure(r.creneau.debut),
            "lieu_id": r.creneau.lieu_id,
            "lieu": r.creneau.lieu.nom,
            "statut": r.statut,
            "canal": r.canal,
            "langue": r.langue,
            "pieces": list(r.pieces or []),
            "resume_disponible": r.resume is not None,
            "rappel_sms": bool(r.telephone),
        }

    def marquer(self, agent: AgentInfo, code: str, statut: str) -> dict[str, Any]:
        """L'agent note « honore » (venu) ou « absent », à partir du jour du rendez-vous."""
        if statut not in ("honore", "absent"):
            raise DonneesInvalides("Le statut doit être honore ou absent.",
                                   "Status must be honore or absent.")
        with self.sessions.begin() as s:
            now = self._maintenant()
            r = self._rdv_agent(s, agent, code, verrou=True)
            if r.statut == "annule":
                raise DejaAnnule()
            if en_paris(r.creneau.debut).date() > now.date():
                raise StatutInvalide("Ce rendez-vous n'a pas encore eu lieu.",
                                     "This appointment has not taken place yet.")
            r.statut, r.modifie_le = statut, now
            s.execute(update(SmsSortant).where(
                SmsSortant.rendez_vous_id == r.id, SmsSortant.statut == "en_attente"
            ).values(statut="annule", erreur="rendez-vous passé"))
            return self._ligne_agent(r)

    def export_csv(self, agent: AgentInfo, du: date, au: date, lieu_id: int | None = None) -> str:
        """Export CSV (séparateur « ; », UTF-8 avec BOM pour les tableurs), sans téléphone."""
        lignes = self.rendez_vous_periode(agent, du, au, lieu_id, inclure_annules=True)
        sortie = io.StringIO()
        sortie.write("\ufeff")
        w = csv.writer(sortie, delimiter=";", lineterminator="\r\n")
        w.writerow(["date", "heure", "lieu", "code", "statut", "canal", "langue",
                    "resume_disponible", "rappel_sms"])
        for l in lignes:
            d = datetime.fromisoformat(l["debut"]).astimezone(PARIS)
            w.writerow([cellule_csv(v) for v in (
                d.date().isoformat(), d.strftime("%H:%M"), l["lieu"], l["code"], l["statut"],
                l["canal"], l["langue"], "oui" if l["resume_disponible"] else "non",
                "oui" if l["rappel_sms"] else "non")])
        return sortie.getvalue()

    def resume_pour_agent(self, agent: AgentInfo, code: str) -> dict[str, Any]:
        """Le résumé de la situation, seulement par ce chemin authentifié."""
        with self.sessions() as s:
            r = self._rdv_agent(s, agent, code)
            if r.resume is None:
                raise CodeInconnu("Aucun résumé pour ce rendez-vous. La personne n'a pas donné son accord.",
                                  "No summary for this appointment: the person did not consent.")
            log.info("résumé consulté par l'agent %s", agent.id)
            return {
                "code": r.code,
                "debut": r.creneau.debut.isoformat(),
                "situation": r.resume.situation,
                "droits": r.resume.droits,
                "consenti_le": r.resume.consenti_le.isoformat(),
            }

    def bloquer_creneau(self, agent: AgentInfo, creneau_id: int, bloque: bool = True) -> dict[str, Any]:
        """Bloque (ou rouvre) un créneau : il n'est plus proposé. Les rendez-vous déjà pris
        restent ; le nombre est rendu pour que l'agent prévienne les personnes."""
        with self.sessions.begin() as s:
            c = self._charger_creneau(s, creneau_id)
            if agent.lieu_id is not None and c.lieu_id != agent.lieu_id:
                raise CreneauInconnu()
            c.bloque = bloque
            pris = len(self._places_occupees(s, c.id))
            return {"id": c.id, "debut": c.debut.isoformat(), "bloque": bloque, "rendez_vous": pris}

    def maj_statut_sms(self, id_fournisseur: str, statut: str) -> bool:
        """Accusé de réception du fournisseur (rappel d'état Twilio relayé par la passerelle)."""
        with self.sessions.begin() as s:
            n = s.execute(update(SmsSortant).where(SmsSortant.id_fournisseur == id_fournisseur)
                          .values(statut_fournisseur=str(statut)[:20])).rowcount
            return bool(n)


class _CodeEnDouble(Exception):
    """Deux rendez-vous ont tiré le même code (très rare) : on recommence avec un autre."""

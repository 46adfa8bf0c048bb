"""Relanceur : envoie les SMS dus de la file ``sms_sortant``.

Chaque message suit : ``en_attente`` → ``en_cours`` (écrit et validé AVANT l'appel au
fournisseur) → ``envoye`` / ``echec`` (écrit après). Si le processus meurt entre l'acceptation
par le fournisseur et l'écriture, le message reste ``en_cours`` : au tour suivant, la
réconciliation demande au fournisseur s'il l'a reçu. Oui : ``envoye``. Non : retour en
``en_attente``. Ne sait pas (console) : ``echec`` marqué « incertain », sans renvoi.
Ainsi un redémarrage n'envoie jamais deux fois le même SMS.

Aucun envoi entre 21 h et 8 h (heure de Paris) : les messages attendent 8 h.
"""
from __future__ import annotations

import logging
import signal
import threading
import time
from datetime import datetime, timedelta

from sqlalchemy import or_, select

from rdv.modeles import RendezVous, SmsSortant
from rdv.service import ServiceRdv, plage_silencieuse
from rdv.sms.expediteurs import EnvoiIncertain, EnvoiRefuse, EnvoiTemporaire, Expediteur
from rdv.temps import Horloge

log = logging.getLogger("rdv.rappels")

TYPES_RAPPEL = ("rappel_48h", "rappel_matin", "confirmation", "deplacement", "verification")


class Relanceur:
    def __init__(self, service: ServiceRdv, expediteur: Expediteur, *,
                 horloge: Horloge | None = None, tentatives_max: int = 5,
                 delai_reconciliation: timedelta = timedelta(minutes=2), lot: int = 100,
                 periode_purge: float = 3600.0, suivis_url: str | None = None,
                 conservation_minutes: float = 60.0):
        self.service = service
        self.sessions = service.sessions
        self.expediteur = expediteur
        self.horloge = horloge or service.horloge
        self.tentatives_max = tentatives_max
        self.delai_reconciliation = delai_reconciliation
        self.lot = lot
        # Purge programmée (issue 14) : rendez-vous 30 jours après, numéros et résumés des annulés,
        # sessions /pro expirées ; suivis de Rasa (SQL) sans message depuis ``conservation_minutes``.
        self.periode_purge = periode_purge
        self.suivis_url = suivis_url
        self.conservation_minutes = conservation_minutes
        self._derniere_purge: float | None = None
        self._arret = threading.Event()

    # -------------------------------------------------------------- un tour complet
    def tour(self) -> dict[str, int]:
        bilan = {"reconcilies": self.reconcilier(), "envoyes": 0, "echecs": 0, "reportes": 0,
                 "annules": 0}
        for cle, n in self.envoyer_dus().items():
            bilan[cle] += n
        return bilan

    # -------------------------------------------------------------- réconciliation
    def reconcilier(self) -> int:
        """Traite les messages restés ``en_cours`` (processus mort pendant un envoi)."""
        limite = self.horloge() - self.delai_reconciliation
        with self.sessions() as s:
            bloques = list(s.scalars(select(SmsSortant.id).where(
                SmsSortant.statut == "en_cours", SmsSortant.envoi_debut_le <= limite)))
        for sms_id in bloques:
            with self.sessions.begin() as s:
                m = s.get(SmsSortant, sms_id, with_for_update=True)
                if m is None or m.statut != "en_cours":
                    continue
                try:
                    ident = self.expediteur.retrouver(m.destinataire, m.texte, m.envoi_debut_le)
                except NotImplementedError:
                    m.statut, m.erreur = "echec", "envoi incertain : non renvoyé"
                    log.warning("SMS %s : envoi incertain, pas de renvoi", m.id)
                    continue
                except Exception as e:  # fournisseur injoignable : on réessaiera au tour suivant
                    log.warning("SMS %s : réconciliation impossible (%s)", m.id, type(e).__name__)
                    continue
                if ident:
                    m.statut, m.id_fournisseur, m.envoye_le = "envoye", ident, self.horloge()
                    m.erreur = None
                    log.info("SMS %s retrouvé chez le fournisseur (%s)", m.id, ident)
                else:
                    m.statut, m.erreur = "en_attente", "non reçu par le fournisseur : renvoi"
        return len(bloques)

    # -------------------------------------------------------------- envois
    def _reserver_suivant(self) -> tuple[int, str, str] | None | bool:
        """Passe le prochain message dû en ``en_cours`` et valide. Rend (id, numéro, texte),
        True si un message a été écarté (périmé), None s'il n'y a rien à faire."""
        now = self.horloge()
        with self.sessions.begin() as s:
            # Un numéro pas encore confirmé ne reçoit que son code (type « verification »).
            confirme = select(RendezVous.id).where(RendezVous.telephone_confirme_le.is_not(None))
            m = s.scalars(
                select(SmsSortant)
                .where(SmsSortant.statut == "en_attente", SmsSortant.du_le <= now,
                       or_(SmsSortant.type == "verification", SmsSortant.rendez_vous_id.is_(None),
                           SmsSortant.rendez_vous_id.in_(confirme)))
                .order_by(SmsSortant.du_le, SmsSortant.id)
                .limit(1)
                .with_for_update(skip_locked=True)
            ).first()
            if m is None:
                return None
            if m.rendez_vous_id is not None and m.type in TYPES_RAPPEL:
                r = s.get(RendezVous, m.rendez_vous_id)
                if r is None or r.statut != "reserve" or r.creneau.debut <= now or (
                        m.type != "verification" and not r.telephone):
                    m.statut, m.erreur = "annule", "rendez-vous annulé, déplacé ou passé"
                    return True
            m.statut, m.envoi_debut_le = "en_cours", now
            m.tentatives += 1
            return m.id, m.destinataire, m.texte

    def _terminer(self, sms_id: int, **valeurs) -> None:
        with self.sessions.begin() as s:
            m = s.get(SmsSortant, sms_id, with_for_update=True)
            if m is not None:
                for k, v in valeurs.items():
                    setattr(m, k, v)

    def envoyer_dus(self) -> dict[str, int]:
        bilan = {"envoyes": 0, "echecs": 0, "reportes": 0, "annules": 0}
        if plage_silencieuse(self.horloge()):
            return bilan
        for _ in range(self.lot):
            if self._arret.is_set():
                break
            pris = self._reserver_suivant()
            if pris is None:
                break
            if pris is True:
                bilan["annules"] += 1
                continue
            sms_id, destinataire, texte = pris
            try:
                resultat = self.expediteur.envoyer(destinataire, texte, f"sms-{sms_id}")
            except EnvoiRefuse as e:
                self._terminer(sms_id, statut="echec", erreur=str(e)[:300])
                bilan["echecs"] += 1
            except EnvoiTemporaire as e:
                self._reporter(sms_id, str(e))
                bilan["reportes"] += 1
            except EnvoiIncertain as e:
                # Reste « en_cours » : la réconciliation décidera, sans double envoi.
                log.warning("SMS %s : envoi incertain (%s)", sms_id, e)
                bilan["reportes"] += 1
            except Exception as e:
                log.exception("SMS %s : erreur inattendue de l'expéditeur", sms_id)
                self._terminer(sms_id, erreur=f"incertain : {type(e).__name__}"[:300])
                bilan["reportes"] += 1
            else:
                self._terminer(sms_id, statut="envoye", id_fournisseur=resultat.id_fournisseur,
                               statut_fournisseur=resultat.statut, envoye_le=self.horloge(),
                               erreur=None)
                bilan["envoyes"] += 1
        return bilan

    def _reporter(self, sms_id: int, erreur: str) -> None:
        with self.sessions.begin() as s:
            m = s.get(SmsSortant, sms_id, with_for_update=True)
            if m is None:
                return
            if m.tentatives >= self.tentatives_max:
                m.statut, m.erreur = "echec", f"abandon après {m.tentatives} essais : {erreur}"[:300]
                return
            attente = timedelta(minutes=2 ** m.tentatives)
            m.statut, m.du_le, m.erreur = "en_attente", self.horloge() + attente, erreur[:300]

    # -------------------------------------------------------------- accusés de remise
    def actualiser_statuts(self, depuis: timedelta = timedelta(days=2), lot: int = 50) -> int:
        """Demande au fournisseur l'état des messages récents non encore remis."""
        limite = self.horloge() - depuis
        with self.sessions() as s:
            a_voir = list(s.execute(
                select(SmsSortant.id, SmsSortant.id_fournisseur).where(
                    SmsSortant.statut == "envoye", SmsSortant.envoye_le >= limite,
                    SmsSortant.id_fournisseur.is_not(None),
                    or_(SmsSortant.statut_fournisseur.is_(None),
                        SmsSortant.statut_fournisseur.not_in(
                            ("delivered", "undelivered", "failed", "canceled", "read"))),
                ).limit(lot)
            ))
        n = 0
        for sms_id, ident in a_voir:
            try:
                etat = self.expediteur.statut(ident)
            except Exception:
                continue
            if etat:
                self._terminer(sms_id, statut_fournisseur=str(etat)[:20])
                n += 1
        return n

    # -------------------------------------------------------------- purge programmée
    def purger(self) -> dict[str, int]:
        """Une purge complète : la base des rendez-vous, puis les suivis de Rasa (si configurés)."""
        from rdv.service import JOURS_CONSERVATION

        bilan = dict(self.service.purger(JOURS_CONSERVATION))
        if self.suivis_url:
            from rdv.suivis import purger_suivis

            bilan["suivis"] = purger_suivis(self.suivis_url, self.conservation_minutes)
        return bilan

    def purge_due(self, maintenant: float) -> bool:
        return self._derniere_purge is None or maintenant - self._derniere_purge >= self.periode_purge

    # -------------------------------------------------------------- boucle
    def arreter(self, *_args) -> None:
        self._arret.set()

    def boucle(self, intervalle: float = 30.0) -> None:
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, self.arreter)
            signal.signal(signal.SIGINT, self.arreter)
        log.info("relanceur démarré (expéditeur %s)", self.expediteur.nom)
        while not self._arret.is_set():
            try:
                bilan = self.tour()
                if any(bilan.values()):
                    log.info("tour : %s", bilan)
                self.actualiser_statuts()
                instant = time.monotonic()
                if self.purge_due(instant):
                    self._derniere_purge = instant
                    log.info("purge : %s", self.purger())
            except Exception:
                log.exception("tour du relanceur en erreur ; nouvel essai")
            self._arret.wait(intervalle)
        log.info("relanceur arrêté")

"""Le relais commun à tous les canaux : du texte d'une personne à Rasa, et retour.

Règles (issue 5) :
- l'expéditeur est pseudonymisé (HMAC) avant Rasa ;
- un texte qui commence par « / » ne part comme intention que s'il est **exactement** un
  payload de bouton proposé à ce même expéditeur dans la dernière réponse du bot ; sinon les
  « / » du début sont retirés et Rasa le lit comme du texte ordinaire ;
- 2 000 caractères au plus, un débit limité par expéditeur, un message vide refusé :
  chaque refus donne un message clair ;
- rien n'est journalisé du texte ni des numéros : seulement des pseudonymes ;
- effacer, c'est vider le suivi Rasa (``PUT .../tracker/events`` avec ``[]``, voir ``rasa.py``) et
  oublier ce que la passerelle garde de la conversation (boutons, code de reprise, liens) : à la
  demande (borne, /supprimer, STOP, ``custom.donnees_supprimees`` du bot) et, pour la rétention,
  après ``CONSERVATION_MINUTES`` sans message (``retention``, appelée chaque minute).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import re
import secrets
import time
import unicodedata
from dataclasses import dataclass, field
from typing import Callable

import langues
from bot.passerelle import textes
from langues import detection
from bot.passerelle.memoire import LimiteurDebit, MemoireExpirante
from bot.passerelle.pseudonymes import Pseudonymiseur
from bot.passerelle.rasa import ClientRasa, RasaIndisponible
from bot.passerelle.reglages import Reglages
from bot.passerelle.reprise import Reprises, extraire_code

log = logging.getLogger("passerelle.relais")

_DEBUT_BARRES = re.compile(r"^[\s/\\]+")
_CONTROLES = {c for c in map(chr, range(32)) if c not in "\n\t"} | {"\x7f"}

OK = "ok"
VIDE = "vide"
TROP_LONG = "trop_long"
TROP_RAPIDE = "trop_rapide"
INDISPONIBLE = "rasa_indisponible"
BOUTON_PERIME = "bouton_perime"
REPRISE = "reprise"

ATTENTE_LANGUE = 600.0  # secondes : le premier message attend la confirmation de la langue devinée

# Clé du ``custom`` d'un message du bot qui confirme l'effacement (action ``supprimer_donnees``).
DONNEES_SUPPRIMEES = "donnees_supprimees"


@dataclass
class Offre:
    """Les boutons de la dernière réponse du bot à un expéditeur."""

    jeton: str
    boutons: list[dict]

    @property
    def payloads(self) -> list[str]:
        return [b["payload"] for b in self.boutons]


@dataclass
class Reponse:
    statut: str
    messages: list[dict] = field(default_factory=list)
    pseudonyme: str = ""
    offre: Offre | None = None
    attente: float = 0.0
    langue: str = langues.DEFAUT

    @property
    def ok(self) -> bool:
        return self.statut in (OK, REPRISE)

    @property
    def resultats(self) -> dict | None:
        for m in self.messages:
            custom = m.get("custom")
            if isinstance(custom, dict) and isinstance(custom.get("resultats"), dict):
                return custom["resultats"]
        return None


def nettoyer(texte: str) -> str:
    """Normalise (NFC), retire les caractères de contrôle et les espaces aux bords."""
    texte = unicodedata.normalize("NFC", texte)
    texte = "".join(c for c in texte if c not in _CONTROLES)
    return texte.strip()


def neutraliser(texte: str) -> str:
    """Retire les « / » (et les espaces) du début : Rasa lira ce texte comme du texte."""
    return _DEBUT_BARRES.sub("", texte).strip()


def donnees_supprimees(messages: list[dict]) -> bool:
    """Vrai si un message du bot porte ``custom.donnees_supprimees = true``."""
    return any(isinstance(m.get("custom"), dict) and m["custom"].get(DONNEES_SUPPRIMEES) is True for m in messages)


# Choix de la langue (issue 13) : « langue » ou « language » seul, dans chaque langue, ouvre le menu des langues ;
# le bouton d'une langue envoie ``/langue{"code":"en"}``, que la passerelle traite elle-même (rien ne va à Rasa).
MOTS_LANGUE = {"langue", "language", "lang", "langues", "languages", "لغة", "اللغة", "زبان", "ژبه", "limba", "limbă"}
CHANGER_LANGUE = "/changer_langue"  # intention que seule la passerelle envoie (data/rules/annexes.yml)
_PAYLOAD_LANGUE = re.compile(r'/langue\{"code":\s*"([a-z]{2,3})"\}')


def demande_de_langue(texte: str) -> bool:
    return texte.strip(" .!?¿؟").lower() in MOTS_LANGUE


def langue_du_payload(texte: str) -> str | None:
    m = _PAYLOAD_LANGUE.fullmatch(texte.strip())
    return langues.normaliser(m.group(1)) if m else None


def marquer_langue(messages: list[dict], langue: str) -> list[dict]:
    """Chaque message du bot porte ``custom.langue`` (contrat de l'issue 13)."""
    for m in messages:
        custom = m.get("custom") if isinstance(m.get("custom"), dict) else {}
        m["custom"] = {**custom, "langue": langue}
    return messages


def boutons_de(messages: list[dict]) -> list[dict]:
    """Tous les boutons de la réponse (Rasa sépare texte+boutons et ``custom`` en deux messages)."""
    boutons: list[dict] = []
    for m in messages:
        for b in m.get("buttons") or []:
            if isinstance(b, dict) and isinstance(b.get("payload"), str) and b["payload"].strip():
                boutons.append({"title": str(b.get("title") or b["payload"]), "payload": b["payload"].strip()})
    return boutons


class Relais:
    def __init__(self, reglages: Reglages, rasa: ClientRasa, horloge: Callable[[], float] = time.monotonic):
        self.reglages = reglages
        self.rasa = rasa
        self.horloge = horloge
        self.pseudos = Pseudonymiseur(reglages.pseudonyme_cle)
        from bot.passerelle.metriques import Metriques

        self.metriques = Metriques()
        # Clés dérivées : jetons de réservation d'une conversation (rdv.jetons) et identifiants émis.
        self.cle_rdv = hmac.new(reglages.pseudonyme_cle, b"jeton-rdv", hashlib.sha256).digest()
        self._cle_expediteurs = hmac.new(reglages.pseudonyme_cle, b"expediteurs", hashlib.sha256).digest()
        self._verrous: MemoireExpirante[str, asyncio.Lock] = MemoireExpirante(600.0)
        self.redis = None
        if reglages.redis_url:
            # État partagé (issue 14) : plusieurs workers, plusieurs machines, rien de perdu au redémarrage.
            from bot.passerelle import etat_partage as E

            if horloge is time.monotonic:
                self.horloge = horloge = time.time  # une même échelle pour tous les processus
            self.redis = E.client(reglages.redis_url)
            self.offres = E.RedisExpirante(self.redis, "offres", reglages.payloads_duree,
                                           encoder=lambda o: {"jeton": o.jeton, "boutons": o.boutons},
                                           decoder=lambda d: Offre(**d))
            self.alias = E.RedisExpirante(self.redis, "alias", reglages.lien_duree)
            self.debit = E.LimiteurRedis(self.redis, "debit", reglages.debit_max, reglages.debit_fenetre)
            self.reprises = Reprises(reglages.reprise_duree, horloge=horloge, redis=self.redis)
            self.activite = E.ActiviteRedis(self.redis)
            self.langues = E.RedisExpirante(self.redis, "langues", reglages.payloads_duree)
            self.en_attente = E.RedisExpirante(self.redis, "attente_langue", ATTENTE_LANGUE)
            return
        self.offres: MemoireExpirante[str, Offre] = MemoireExpirante(reglages.payloads_duree, horloge=horloge)
        self.alias: MemoireExpirante[str, str] = MemoireExpirante(reglages.lien_duree, horloge=horloge)
        self.debit = LimiteurDebit(reglages.debit_max, reglages.debit_fenetre, horloge=horloge)
        self.reprises = Reprises(reglages.reprise_duree, horloge=horloge)
        # Rétention : dernier message (horloge) par pseudonyme de conversation Rasa. En mémoire (sans
        # REDIS_URL) : un redémarrage de la passerelle perd cette liste (et un redémarrage de Rasa
        # vide son InMemoryTrackerStore : rien ne survit ni à l'un ni à l'autre au-delà du délai).
        # Une conversation dont l'effacement a échoué y reste, « due » : réessayée à chaque passage.
        self.activite: dict[str, float] = {}
        # La langue de chaque conversation (aussi longtemps que ses boutons), et le premier message qui attend
        # que la personne confirme la langue devinée (10 minutes au plus, jamais journalisé).
        self.langues: MemoireExpirante[str, str] = MemoireExpirante(reglages.payloads_duree, horloge=horloge)
        self.en_attente: MemoireExpirante[str, str] = MemoireExpirante(ATTENTE_LANGUE, horloge=horloge)

    # -- identités ------------------------------------------------------------------
    def pseudonyme(self, canal: str, identifiant: str) -> str:
        """Pseudonyme de la conversation Rasa de cet expéditeur (après un éventuel lien de reprise)."""
        brut = self.pseudos.pseudonyme(canal, identifiant)
        return self.alias.lire(brut) or brut

    def _verrou(self, pseudo: str) -> asyncio.Lock:
        verrou = self._verrous.lire(pseudo)
        if verrou is None:
            verrou = asyncio.Lock()
        self._verrous.mettre(pseudo, verrou)
        return verrou

    def offre(self, canal: str, identifiant: str) -> Offre | None:
        return self.offres.lire(self.pseudonyme(canal, identifiant))

    def proposer(self, pseudo: str, boutons: list[dict]) -> Offre | None:
        """Retient les boutons proposés (par Rasa, ou par la passerelle elle-même à l'accueil)."""
        if not boutons:
            self.offres.retirer(pseudo)
            return None
        offre = Offre(jeton=secrets.token_hex(3), boutons=boutons)
        self.offres.mettre(pseudo, offre)
        return offre

    def _menu(self, pseudo: str, langue: str = langues.DEFAUT, canal: str = "web") -> tuple[list[dict], Offre | None]:
        boutons = textes.boutons_accueil(langue, court=canal == "sms")
        return boutons, self.proposer(pseudo, boutons)

    # -- langue (issue 13) ------------------------------------------------------------------
    def langue(self, pseudo: str) -> str | None:
        """La langue choisie (ou devinée puis confirmée) pour cette conversation, ou None."""
        return self.langues.lire(pseudo)

    def fixer_langue(self, pseudo: str, langue: str) -> None:
        self.langues.mettre(pseudo, langue)

    def _menu_langues(self, pseudo: str, langue: str, intro: str | None = None) -> Reponse:
        boutons = textes.boutons_langues()
        texte = intro or textes.texte("langue_question", langue)
        return Reponse(OK, [{"text": texte, "buttons": boutons}], pseudo, self.proposer(pseudo, boutons), langue=langue)

    def _proposer_langue(self, pseudo: str, devinee: str, texte: str) -> Reponse:
        """Premier message dans une autre langue : « Voulez-vous que je parle en … ? » (dans cette langue), deux
        boutons (cette langue, le français) ; le message attend la réponse, puis part à Rasa (rien n'est perdu)."""
        self.en_attente.mettre(pseudo, texte)
        nom = langues.PAR_CODE[devinee].nom
        boutons = [{"title": nom, "payload": textes.PAYLOAD_LANGUE.format(code=devinee)},
                   {"title": langues.PAR_CODE[langues.DEFAUT].nom,
                    "payload": textes.PAYLOAD_LANGUE.format(code=langues.DEFAUT)}]
        return Reponse(OK, [{"text": textes.texte("langue_detectee", devinee), "buttons": boutons}], pseudo,
                       self.proposer(pseudo, boutons), langue=devinee)

    def accueil(self, canal: str, identifiant: str, langue: str | None = None) -> Reponse:
        """Accueil de la borne, sans appeler Rasa : une phrase, la question, les boutons d'intention.

        Rien n'est gardé pour cet expéditeur (issue 14 : pas d'état avant un vrai message, sinon un
        flot d'accueils chasserait de la mémoire les boutons des vrais utilisateurs). Les payloads
        d'accueil (``/verifier_droits``…) passent tant que la conversation n'a pas d'autre offre.
        """
        pseudo = self.pseudonyme(canal, identifiant)
        if langues.normaliser(langue):
            # seule la langue choisie est gardée (sa propre mémoire : un flot d'accueils ne chasse aucun bouton)
            self.fixer_langue(pseudo, langues.normaliser(langue))
        langue = langues.normaliser(langue) or self.langue(pseudo) or langues.DEFAUT
        boutons = textes.boutons_accueil(langue)
        offre = Offre(jeton=secrets.token_hex(3), boutons=boutons)
        messages = [{"text": textes.texte("accueil_borne", langue)},
                    {"text": textes.texte("question_accueil", langue), "buttons": boutons}]
        return Reponse(OK, marquer_langue(messages, langue), pseudo, offre, langue=langue)

    # -- identifiants émis par le serveur (clients web) --------------------------------------
    def emettre_expediteur(self) -> str:
        """Un identifiant de 128 bits au hasard, signé : ``s1-<aléa>-<signature>``. Rien n'est gardé."""
        alea = secrets.token_urlsafe(16)
        signature = hmac.new(self._cle_expediteurs, alea.encode(), hashlib.sha256).hexdigest()[:16]
        return f"s1-{alea}-{signature}"

    def expediteur_emis(self, sender: str) -> bool:
        m = re.fullmatch(r"s1-([A-Za-z0-9_-]{22})-([0-9a-f]{16})", sender or "")
        if not m:
            return False
        attendu = hmac.new(self._cle_expediteurs, m.group(1).encode(), hashlib.sha256).hexdigest()[:16]
        return hmac.compare_digest(attendu, m.group(2))

    def expediteur_permis(self, sender: str) -> bool:
        """Selon ``EXPEDITEURS`` : « libre » (tout), « long » (≥ 32 signes sûrs, ou émis), « emis »."""
        mode = self.reglages.mode_expediteurs
        if mode == "libre":
            return True
        if self.expediteur_emis(sender):
            return True
        return mode == "long" and re.fullmatch(r"[A-Za-z0-9_.-]{32,128}", sender or "") is not None

    async def demarrer(self, canal: str, identifiant: str, langue: str | None = None) -> Reponse:
        """Premier contact (Telegram /start) : « bonjour » à Rasa, qui répond par son consentement ;
        si Rasa ne propose aucun bouton, la passerelle ajoute la question et les boutons d'accueil.
        ``langue`` : celle de l'appareil (Telegram ``language_code``), prise si la conversation n'en a pas."""
        reponse = await self.envoyer(canal, identifiant, "bonjour", accepter_code=False, langue_suggeree=langue)
        if reponse.ok and not boutons_de(reponse.messages):
            boutons, offre = self._menu(reponse.pseudonyme, reponse.langue)
            reponse.messages.append(marquer_langue(
                [{"text": textes.texte("question_accueil", reponse.langue), "buttons": boutons}], reponse.langue)[0])
            reponse.offre = offre
        return reponse

    # -- envoi --------------------------------------------------------------------------
    async def envoyer(self, canal: str, identifiant: str, texte: str | None = None, *,
                      choix: int | None = None, jeton: str | None = None,
                      accepter_code: bool = True, langue: str | None = None,
                      langue_suggeree: str | None = None) -> Reponse:
        """Relaie un texte (ou le choix n° ``choix`` des boutons proposés) et rend la réponse du bot.

        ``langue`` : choisie par le client (borne, API) ; elle devient celle de la conversation.
        ``langue_suggeree`` : celle de l'appareil (Telegram), prise si la conversation n'en a pas encore.
        Sans l'une ni l'autre, le premier message d'une conversation peut faire deviner la langue, confirmée
        d'un appui. Chaque message rendu porte ``custom.langue``."""
        pseudo = self.pseudonyme(canal, identifiant)
        if langue := langues.normaliser(langue):
            self.fixer_langue(pseudo, langue)
        elif (suggeree := langues.normaliser(langue_suggeree)) and self.langue(pseudo) is None:
            self.fixer_langue(pseudo, suggeree)
        reponse = await self._envoyer(canal, identifiant, pseudo, texte, choix, jeton, accepter_code)
        langue_finale = reponse.langue if reponse.langue != langues.DEFAUT else (
            self.langue(reponse.pseudonyme or pseudo) or langues.DEFAUT)
        reponse.langue = langue_finale
        marquer_langue(reponse.messages, langue_finale)
        return reponse

    async def _envoyer(self, canal: str, identifiant: str, pseudo: str, texte: str | None, choix: int | None,
                       jeton: str | None, accepter_code: bool) -> Reponse:
        langue = self.langue(pseudo) or langues.DEFAUT
        if not self.debit.autoriser(pseudo):
            log.info("débit dépassé pour %s", pseudo)
            self.metriques.refus_debit.labels("expediteur").inc()
            return Reponse(TROP_RAPIDE, [{"text": textes.texte("trop_rapide", langue)}], pseudo,
                           attente=self.debit.attente(pseudo))

        if choix is not None:
            offre = self.offres.lire(pseudo)
            if offre is None or (jeton is not None and jeton != offre.jeton) or not 0 <= choix < len(offre.boutons):
                return Reponse(BOUTON_PERIME, [{"text": textes.texte("bouton_perime", langue)}], pseudo, offre)
            a_envoyer = offre.payloads[choix]
            if demande_de_langue(a_envoyer):
                return self._menu_langues(pseudo, langue)
        else:
            texte = texte if isinstance(texte, str) else ""
            if len(texte) > self.reglages.taille_max:
                return Reponse(TROP_LONG, [{"text": textes.texte(
                    "message_trop_long", langue, limite=f"{self.reglages.taille_max:,}".replace(",", " "))}], pseudo)
            propre = nettoyer(texte)
            if accepter_code:
                code, explicite = extraire_code(propre)
                if code or explicite:
                    reponse = await self._reprendre(canal, identifiant, code, explicite)
                    if reponse is not None:
                        return reponse
            offre = self.offres.lire(pseudo)
            permis = offre.payloads if offre else [b["payload"] for b in textes.BOUTONS_ACCUEIL]
            if demande_de_langue(propre):
                return self._menu_langues(pseudo, langue)
            if langue_du_payload(propre) is None and propre.startswith("/") and propre not in permis:
                propre = neutraliser(propre)
                log.info("texte « / » neutralisé pour %s", pseudo)
            if not propre:
                return Reponse(VIDE, [{"text": textes.texte("message_vide", langue)}], pseudo, offre)
            a_envoyer = propre
            if self.langue(pseudo) is None and not propre.startswith("/"):
                devinee = detection.detecter(propre)
                if devinee is not None and devinee != langues.DEFAUT:
                    return self._proposer_langue(pseudo, devinee, propre)
                if devinee is None and (detection.candidates(propre) or [None])[0] in ("ar", "prs", "ps"):
                    # écriture arabe sans langue claire : la personne choisit (arabe, dari, pachto…)
                    self.en_attente.mettre(pseudo, propre)
                    return self._menu_langues(pseudo, langue)
        choisie = langue_du_payload(a_envoyer)
        if choisie is not None:
            self.fixer_langue(pseudo, choisie)
            langue = choisie
            attente = self.en_attente.retirer(pseudo)
            confirmation = {"text": textes.texte("langue_choisie", langue)}
            if attente:
                a_envoyer = attente  # le premier message attendait la langue : il part maintenant
            elif pseudo in self.activite:
                a_envoyer = CHANGER_LANGUE  # conversation en cours : Rasa repose la question dans la langue
            else:
                boutons, offre = self._menu(pseudo, langue, canal)
                return Reponse(OK, [confirmation, {"text": textes.texte("question_accueil", langue),
                                                   "buttons": boutons}], pseudo, offre, langue=langue)
        else:
            confirmation = None
        if self.langue(pseudo) is None:
            self.fixer_langue(pseudo, langue)  # la langue de la conversation est fixée dès son premier message

        async with self._verrou(pseudo):
            self.activite[pseudo] = self.horloge()
            debut = time.perf_counter()
            pret = getattr(self.rasa, "pret", None)
            if pret is not None and await pret(pseudo) is not None:
                # La base des suivis redémarre : rien n'est envoyé à Rasa (qui continuerait en mémoire et
                # perdrait la conversation) ; la personne renvoie son message dans un instant.
                self.metriques.tour(canal, "indisponible")
                log.warning("message de %s non relayé : base des suivis indisponible", pseudo)
                return Reponse(INDISPONIBLE, [{"text": textes.texte("reessayer", langue)}], pseudo, self.offres.lire(pseudo))
            try:
                messages = await self.rasa.envoyer(pseudo, a_envoyer, langue=langue)
                log.info("tour %s : %d message(s) en %.0f ms", pseudo, len(messages),
                         1000 * (time.perf_counter() - debut))
            except RasaIndisponible as exc:
                self.metriques.tour(canal, "indisponible", time.perf_counter() - debut)
                # Rasa a répondu 5xx (sa base des suivis redémarre…) : rien n'est perdu, on renvoie.
                texte_refus = textes.texte("reessayer", langue) if exc.statut >= 500 else textes.texte("rasa_indisponible", langue)
                if exc.statut >= 500 and (await self.rasa.sonder_actions())["statut"] != "ok":
                    texte_refus = textes.texte("actions_indisponibles", langue)
                return Reponse(INDISPONIBLE, [{"text": texte_refus}], pseudo, self.offres.lire(pseudo))
            self.metriques.tour(canal, "ok", time.perf_counter() - debut, messages)
            en_panne = getattr(self.rasa, "actions_en_panne", None)
            if en_panne is not None and await en_panne(pseudo):
                # Rasa répond, mais sans le serveur d'actions il ne peut rien dire : le dire clairement.
                log.warning("serveur d'actions injoignable pour %s", pseudo)
                return Reponse(INDISPONIBLE, [{"text": textes.texte("actions_indisponibles", langue)}], pseudo,
                               self.offres.lire(pseudo))
            if donnees_supprimees(messages):
                # Le bot confirme l'effacement (supprimer_donnees) : Rasa a remis les slots à zéro
                # mais garde les événements ; on vide le suivi et on oublie tout de cette conversation.
                await self._effacer_conversation(pseudo)
                log.info("conversation %s effacée (demande de la personne au bot)", pseudo)
                pseudo = self.pseudonyme(canal, identifiant)
            offre = self.proposer(pseudo, boutons_de(messages))
        messages = [{k: v for k, v in m.items() if k != "recipient_id"} for m in messages]
        self._jeton_de_reservation(pseudo, messages)
        if confirmation is not None:
            messages.insert(0, confirmation)
        self.fixer_langue(pseudo, langue)  # la langue vit aussi longtemps que la conversation est active
        return Reponse(OK, messages, pseudo, offre, langue=langue)

    def _jeton_de_reservation(self, pseudo: str, messages: list[dict]) -> None:
        """Au verdict (``custom.resultats``), la conversation reçoit ``custom.jeton_rdv`` : le droit
        de réserver par l'API publique (``POST /api/v1/rendez-vous``, ``jeton_conversation``)."""
        from rdv.jetons import jeton_conversation

        for m in messages:
            custom = m.get("custom")
            if isinstance(custom, dict) and isinstance(custom.get("resultats"), dict):
                m["custom"] = {**custom, "jeton_rdv": jeton_conversation(self.cle_rdv, pseudo)}
                return

    async def _reprendre(self, canal: str, identifiant: str, code: str | None, explicite: bool) -> Reponse | None:
        """Relie cet expéditeur à une conversation de la borne. None : ce n'était pas un code."""
        if canal == "web":
            return None
        cible = self.reprises.utiliser(code) if code else None
        brut = self.pseudos.pseudonyme(canal, identifiant)
        if cible is None:
            if explicite:
                return Reponse(REPRISE, [{"text": textes.REPRISE_INCONNUE}], self.alias.lire(brut) or brut)
            return None
        # La borne repart sur une conversation neuve ; ce téléphone reprend l'ancienne. Tout ce qui
        # menait à ``cible`` (la borne, même après une première reprise) va vers la conversation neuve.
        neuve = f"re-{secrets.token_hex(16)}"
        for cle in [c for c, v in self.alias.items() if v == cible] + [cible]:
            self.alias.mettre(cle, neuve)
        self.alias.mettre(brut, cible)
        self.activite[cible] = self.horloge()
        log.info("reprise : %s continue la conversation %s", brut, cible)
        return Reponse(REPRISE, [{"text": textes.REPRISE_OK}], cible, self.offres.lire(cible))

    # -- effacement -------------------------------------------------------------------
    async def effacer(self, canal: str, identifiant: str, *, garder_reprise: bool = False) -> str:
        """Efface la conversation de cet expéditeur dans Rasa et dans la passerelle.

        ``garder_reprise`` (effacement de la borne par inactivité) : si un code de reprise attend,
        la conversation est seulement détachée de la borne ; elle sera effacée à l'expiration du code.
        Rend le pseudonyme de la conversation concernée.
        """
        brut = self.pseudos.pseudonyme(canal, identifiant)
        pseudo = self.alias.lire(brut) or brut
        if garder_reprise and self.reprises.code_de(pseudo):
            self.offres.retirer(pseudo)
            self._delier(brut)
            self.reprises.detacher(pseudo)
            log.info("conversation %s détachée de la borne (code de reprise en attente)", pseudo)
            return pseudo
        async with self._verrou(pseudo):
            ok = await self._effacer_conversation(pseudo, repli_restart=True)
        self._delier(brut)
        log.info("conversation %s %s", pseudo, "effacée" if ok else "remise à zéro, effacement à réessayer")
        return pseudo

    def _delier(self, cle: str) -> None:
        """Oublie le lien de reprise de ``cle``. Si ``cle`` est la conversation qu'un autre (le
        téléphone d'une reprise) poursuit, ``cle`` reçoit une conversation neuve : jamais la sienne."""
        self.alias.retirer(cle)
        if any(v == cle for _, v in self.alias.items()):
            self.alias.mettre(cle, f"re-{secrets.token_hex(16)}")

    def _oublier(self, pseudo: str) -> None:
        """Oublie ce que la passerelle garde d'une conversation : boutons proposés, code de reprise
        (et état « détachée »), liens des expéditeurs qui y menaient, date du dernier message."""
        self.offres.retirer(pseudo)
        self.reprises.revoquer(pseudo)
        self.activite.pop(pseudo, None)
        for cle in [c for c, v in self.alias.items() if v == pseudo]:
            self._delier(cle)

    async def _effacer_conversation(self, pseudo: str, *, repli_restart: bool = False) -> bool:
        """Vide le suivi Rasa de ``pseudo`` et oublie la conversation (appelant : verrou tenu).

        Si Rasa refuse ou ne répond pas, la conversation reste « due » dans ``activite`` : la tâche
        de rétention réessaie à chaque passage. ``repli_restart`` : envoie alors ``/restart`` pour
        qu'au moins la conversation reparte de zéro (cela n'efface rien dans Rasa).
        """
        ok = await self.rasa.vider(pseudo)
        self._oublier(pseudo)
        if not ok:
            self.activite[pseudo] = float("-inf")
            if repli_restart:
                await self.rasa.redemarrer(pseudo)
        return ok

    async def retention(self) -> int:
        """Efface les conversations sans message depuis ``CONSERVATION_MINUTES`` (et celles dont
        l'effacement a échoué). Rend le nombre de conversations effacées."""
        limite = self.horloge() - self.reglages.conservation_minutes * 60.0
        effacees = 0
        for pseudo in [p for p, t in self.activite.items() if t <= limite]:
            async with self._verrou(pseudo):
                if self.activite.get(pseudo, limite + 1) > limite:
                    continue  # un message est arrivé entre-temps
                if await self._effacer_conversation(pseudo):
                    effacees += 1
                    log.info("rétention : conversation %s effacée", pseudo)
        return effacees

    async def entretien(self) -> int:
        """Chaque minute : conversations détachées dont le code a expiré, puis rétention.
        Rend le nombre de conversations effacées dans Rasa."""
        effacees = 0
        for pseudo in self.reprises.expirees():
            async with self._verrou(pseudo):
                if await self._effacer_conversation(pseudo):
                    effacees += 1
        return effacees + await self.retention()

    def creer_reprise(self, canal: str, identifiant: str) -> str:
        return self.reprises.creer(self.pseudonyme(canal, identifiant))

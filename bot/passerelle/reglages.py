"""Réglages de la passerelle, lus dans l'environnement (et ``.env`` s'il existe).

Chaque variable est documentée dans ``.env.example`` à la racine du dépôt.
"""

from __future__ import annotations

import logging
import os
import secrets
from dataclasses import dataclass, field, replace

log = logging.getLogger("passerelle")


class ReglagesInvalides(RuntimeError):
    """Configuration refusée au démarrage (par exemple : pas de clé de pseudonymes en production)."""


def _bool(valeur: str | None, defaut: bool = False) -> bool:
    if valeur is None or valeur.strip() == "":
        return defaut
    return valeur.strip().lower() in {"1", "true", "vrai", "oui", "yes", "on"}


def _int(env, nom: str, defaut: int) -> int:
    brut = env.get(nom)
    if brut is None or brut.strip() == "":
        return defaut
    try:
        return int(brut)
    except ValueError as exc:
        raise ReglagesInvalides(f"{nom} doit être un nombre entier (reçu : {brut!r}).") from exc


def _float(env, nom: str, defaut: float) -> float:
    brut = env.get(nom)
    if brut is None or brut.strip() == "":
        return defaut
    try:
        return float(brut)
    except ValueError as exc:
        raise ReglagesInvalides(f"{nom} doit être un nombre (reçu : {brut!r}).") from exc


def _liste(valeur: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (valeur or "").replace(";", ",").split(",") if v.strip())


@dataclass(frozen=True)
class Reglages:
    """Toute la configuration de la passerelle. ``Reglages.depuis_env()`` la lit dans l'environnement."""

    environnement: str = "developpement"  # "production" impose PSEUDONYME_CLE
    hote: str = "127.0.0.1"
    port: int = 8000
    rasa_url: str = "http://127.0.0.1:5005"
    actions_url: str = "http://127.0.0.1:5055"
    rasa_delai: float = 30.0  # secondes d'attente d'une réponse de Rasa
    rasa_jeton: str = ""  # --auth-token de l'API HTTP de Rasa (effacer les conversations) ; jamais journalisé
    database_url: str = "sqlite:///var/rdv.db"
    pseudonyme_cle: bytes = b""
    cle_ephemere: bool = False  # vrai quand la clé a été tirée au hasard (développement)
    # Limites du relais
    taille_max: int = 2000
    debit_max: int = 20  # messages par expéditeur ...
    debit_fenetre: float = 60.0  # ... sur cette fenêtre (secondes)
    debit_ip_max: int = 300  # requêtes /api/v1/chat par adresse IP et par fenêtre
    payloads_duree: float = 3600.0  # durée de validité des boutons proposés (secondes)
    # Borne (kiosque)
    kiosque_inactivite: float = 180.0  # secondes sans toucher l'écran avant l'effacement
    conservation_jours: int = 30  # annoncé dans le consentement ; doit suivre la purge
    conservation_minutes: float = 60.0  # conversations Rasa effacées après ce temps sans message
    retention_periode: float = 60.0  # secondes entre deux passages de la tâche de rétention
    reprise_duree: float = 24 * 3600.0  # validité d'un code de reprise (secondes)
    lien_duree: float = 30 * 24 * 3600.0  # durée du lien Telegram/SMS -> conversation reprise
    # Adresse publique (webhooks Twilio et Telegram derrière un mandataire)
    public_base_url: str = ""
    # Telegram
    telegram_token: str = ""
    telegram_mode: str = "polling"  # "polling" ou "webhook"
    telegram_webhook_secret: str = ""
    telegram_bot_nom: str = ""  # nom public du bot, sans @, pour le lien t.me et le QR code
    telegram_base_url: str = ""  # pour les tests : faux serveur Bot API local
    telegram_delai_polling: float = 10.0
    # SMS (Twilio)
    twilio_auth_token: str = ""
    sms_numero: str = ""  # numéro public à qui écrire (affiché sur la borne)
    sms_segments_max: int = 3
    # Production (issue 14)
    # Mandataires (nginx, Caddy) dont on croit l'en-tête X-Forwarded-For : réseaux CIDR.
    proxies_de_confiance: tuple[str, ...] = ()
    # Valeurs permises de l'en-tête Host (le reste : 400). Vide : locales + celle de PUBLIC_BASE_URL.
    hotes_permis: tuple[str, ...] = ()
    # Qui choisit l'identifiant (sender) d'un client web : « libre » (tests, développement), « long »
    # (≥ 32 signes [A-Za-z0-9_-.], ou émis par le serveur), « emis » (seulement POST /api/v1/chat/session).
    expediteurs: str = ""
    docs: bool | None = None  # /docs et /redoc (scripts tiers) : None = seulement hors production
    pro_connexion: bool | None = None  # /pro derrière une connexion : None = seulement en production
    redis_url: str = ""  # état partagé entre workers et instances (vide : mémoire d'un processus)
    tracker_database_url: str = ""  # magasin SQL des suivis de Rasa (effacement par DELETE)
    rasa_urls: tuple[str, ...] = ()  # plusieurs instances de Rasa (hachage cohérent, bascule)
    actions_urls: tuple[str, ...] = ()  # leurs serveurs d'actions (sondes de santé)
    # Divers
    journal_niveau: str = "INFO"
    journal_format: str = "texte"  # « json » : une ligne JSON par événement, avec l'identifiant de requête
    extra: dict = field(default_factory=dict)

    @property
    def production(self) -> bool:
        return self.environnement.lower() in {"production", "prod"}

    @property
    def mode_expediteurs(self) -> str:
        return self.expediteurs or ("long" if self.production else "libre")

    @property
    def pro_connexion_obligatoire(self) -> bool:
        return self.production if self.pro_connexion is None else self.pro_connexion

    @property
    def docs_actives(self) -> bool:
        return (not self.production) if self.docs is None else self.docs

    @property
    def hotes(self) -> tuple[str, ...]:
        """Les valeurs permises de Host (sans port)."""
        from urllib.parse import urlsplit

        hotes = {"127.0.0.1", "localhost", "::1", "testserver", *self.hotes_permis}
        if self.public_base_url:
            hotes.add((urlsplit(self.public_base_url).hostname or "").lower())
        if self.hote not in ("0.0.0.0", "::"):
            hotes.add(self.hote)
        return tuple(sorted(h.lower() for h in hotes if h))

    @property
    def instances_rasa(self) -> tuple[str, ...]:
        return self.rasa_urls or (self.rasa_url,)

    @property
    def instances_actions(self) -> tuple[str, ...]:
        return self.actions_urls or (self.actions_url,)

    @property
    def telegram_actif(self) -> bool:
        return bool(self.telegram_token)

    @property
    def sms_actif(self) -> bool:
        return bool(self.twilio_auth_token)

    def avec(self, **changements) -> "Reglages":
        """Copie modifiée (pratique pour les tests)."""
        return replace(self, **changements)

    def verifier(self) -> "Reglages":
        """Refuse une configuration dangereuse ; tire une clé éphémère en développement."""
        cle = self.pseudonyme_cle
        if not cle:
            if self.production:
                raise ReglagesInvalides(
                    "PSEUDONYME_CLE est obligatoire en production "
                    "(par exemple : python -c 'import secrets; print(secrets.token_hex(32))')."
                )
            log.warning(
                "PSEUDONYME_CLE absente : clé éphémère tirée au hasard (développement seulement). "
                "Les pseudonymes changeront au prochain démarrage."
            )
            return replace(self, pseudonyme_cle=secrets.token_bytes(32), cle_ephemere=True).verifier()
        if len(cle) < 16:
            raise ReglagesInvalides("PSEUDONYME_CLE est trop courte : 16 caractères au moins (32 conseillés).")
        if self.conservation_minutes <= 0 or self.retention_periode <= 0:
            raise ReglagesInvalides("CONSERVATION_MINUTES doit être un nombre positif.")
        if not self.rasa_jeton:
            if self.production:
                raise ReglagesInvalides(
                    "RASA_JETON est obligatoire en production : sans lui, la passerelle ne peut pas "
                    "effacer les conversations dans Rasa (rasa run --enable-api --auth-token ...)."
                )
            log.warning("RASA_JETON absent : la passerelle ne pourra pas effacer les conversations dans Rasa "
                        "(make run en tire un au hasard).")
        if self.expediteurs and self.expediteurs not in {"libre", "long", "emis"}:
            raise ReglagesInvalides("EXPEDITEURS vaut « libre », « long » ou « emis ».")
        for reseau in self.proxies_de_confiance:
            import ipaddress

            try:
                ipaddress.ip_network(reseau, strict=False)
            except ValueError as exc:
                raise ReglagesInvalides(f"PROXIES_DE_CONFIANCE : réseau illisible ({reseau!r}).") from exc
        if self.telegram_mode not in {"polling", "webhook"}:
            raise ReglagesInvalides("TELEGRAM_MODE vaut « polling » ou « webhook ».")
        if self.telegram_actif and self.telegram_mode == "webhook":
            if not self.telegram_webhook_secret:
                raise ReglagesInvalides("TELEGRAM_MODE=webhook demande TELEGRAM_WEBHOOK_SECRET.")
            if not self.public_base_url:
                raise ReglagesInvalides("TELEGRAM_MODE=webhook demande PUBLIC_BASE_URL.")
        return self

    @classmethod
    def depuis_env(cls, env: dict | None = None, charger_dotenv: bool = True) -> "Reglages":
        """Lit les variables d'environnement (et le fichier ``.env`` du dossier courant)."""
        if env is None:
            if charger_dotenv:
                try:
                    from dotenv import load_dotenv

                    load_dotenv(override=False)
                except ImportError:  # pragma: no cover
                    pass
            env = dict(os.environ)
        return cls(
            environnement=env.get("ENVIRONNEMENT", "developpement") or "developpement",
            hote=env.get("PASSERELLE_HOTE", "127.0.0.1") or "127.0.0.1",
            port=_int(env, "PASSERELLE_PORT", 8000),
            rasa_url=(env.get("RASA_URL") or "http://127.0.0.1:5005").rstrip("/"),
            actions_url=(env.get("ACTIONS_URL") or "http://127.0.0.1:5055").rstrip("/"),
            rasa_delai=_float(env, "RASA_DELAI", 30.0),
            rasa_jeton=(env.get("RASA_JETON") or "").strip(),
            database_url=env.get("DATABASE_URL") or "sqlite:///var/rdv.db",
            pseudonyme_cle=(env.get("PSEUDONYME_CLE") or "").encode(),
            taille_max=_int(env, "MESSAGE_TAILLE_MAX", 2000),
            debit_max=_int(env, "DEBIT_MAX", 20),
            debit_fenetre=_float(env, "DEBIT_FENETRE", 60.0),
            debit_ip_max=_int(env, "DEBIT_IP_MAX", 300),
            kiosque_inactivite=_float(env, "KIOSQUE_INACTIVITE", 180.0),
            conservation_jours=_int(env, "CONSERVATION_JOURS", 30),
            conservation_minutes=_float(env, "CONSERVATION_MINUTES", 60.0),
            reprise_duree=_float(env, "REPRISE_DUREE", 24 * 3600.0),
            lien_duree=_float(env, "LIEN_DUREE", 30 * 24 * 3600.0),
            public_base_url=(env.get("PUBLIC_BASE_URL") or "").rstrip("/"),
            telegram_token=env.get("TELEGRAM_TOKEN", "") or "",
            telegram_mode=(env.get("TELEGRAM_MODE") or "polling").strip().lower(),
            telegram_webhook_secret=env.get("TELEGRAM_WEBHOOK_SECRET", "") or "",
            telegram_bot_nom=(env.get("TELEGRAM_BOT_NOM") or "").lstrip("@"),
            telegram_base_url=env.get("TELEGRAM_BASE_URL", "") or "",
            twilio_auth_token=env.get("TWILIO_AUTH_TOKEN", "") or "",
            sms_numero=env.get("SMS_NUMERO", "") or "",
            journal_niveau=(env.get("JOURNAL_NIVEAU") or "INFO").upper(),
            journal_format=(env.get("JOURNAL_FORMAT") or "texte").strip().lower(),
            proxies_de_confiance=_liste(env.get("PROXIES_DE_CONFIANCE")),
            hotes_permis=_liste(env.get("HOTES_PERMIS")),
            expediteurs=(env.get("EXPEDITEURS") or "").strip().lower(),
            docs=None if not (env.get("DOCS") or "").strip() else _bool(env.get("DOCS")),
            pro_connexion=None if not (env.get("PRO_CONNEXION") or "").strip() else _bool(env.get("PRO_CONNEXION")),
            redis_url=(env.get("REDIS_URL") or "").strip(),
            tracker_database_url=(env.get("TRACKER_DATABASE_URL") or "").strip(),
            rasa_urls=tuple(u.rstrip("/") for u in _liste(env.get("RASA_URLS"))),
            actions_urls=tuple(u.rstrip("/") for u in _liste(env.get("ACTIONS_URLS"))),
        )

"""Canal Telegram (python-telegram-bot 22).

- « long polling » par défaut quand ``TELEGRAM_TOKEN`` est là (aucune adresse publique nécessaire) ;
- ``TELEGRAM_MODE=webhook`` : ``setWebhook`` avec ``secret_token`` ; ``POST /telegram/webhook``
  compare l'en-tête ``X-Telegram-Bot-Api-Secret-Token`` en temps constant (403 sinon) ;
- boutons en clavier « inline » (on répond toujours au callback), ``/start`` (consentement,
  ou reprise avec un code), ``/supprimer``, ``/aide`` ;
- réponses longues coupées aux fins de phrase, sous la limite de 4 096 caractères ;
- le jeton n'est jamais journalisé (logger httpx réduit au silence, filtre de secrets).
"""

from __future__ import annotations

import hmac
import logging

from fastapi import APIRouter, Request, Response
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatAction
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.passerelle import formatage, rdv_lien, textes
from bot.passerelle.relais import Relais, Reponse
from bot.passerelle.reglages import Reglages

log = logging.getLogger("passerelle.telegram")

LIMITE = 4000  # sous les 4 096 caractères de Telegram, avec une marge
CANAL = "telegram"


class CanalTelegram:
    def __init__(self, reglages: Reglages, relais: Relais, rdv=None):
        self.reglages = reglages
        self.relais = relais
        self.rdv = rdv
        self.webhook = reglages.telegram_mode == "webhook"
        self.nom = reglages.telegram_bot_nom
        self.actif = False
        constructeur = Application.builder().token(reglages.telegram_token).concurrent_updates(32)
        if reglages.telegram_base_url:
            base = reglages.telegram_base_url.rstrip("/")
            constructeur = constructeur.base_url(f"{base}/bot").base_file_url(f"{base}/file/bot")
        if self.webhook:
            constructeur = constructeur.updater(None)
        self.application: Application = constructeur.build()
        prive = filters.ChatType.PRIVATE
        a = self.application
        a.add_handler(CommandHandler("start", self.cmd_start, filters=prive))
        a.add_handler(CommandHandler(["aide", "help"], self.cmd_aide, filters=prive))
        a.add_handler(CommandHandler("supprimer", self.cmd_supprimer, filters=prive))
        a.add_handler(CallbackQueryHandler(self.bouton))
        a.add_handler(MessageHandler(prive & filters.TEXT, self.texte))
        a.add_handler(MessageHandler(prive & ~filters.TEXT, self.non_texte))
        a.add_error_handler(self.erreur)

    # -- cycle de vie ---------------------------------------------------------------------
    async def demarrer(self) -> None:
        try:
            await self.application.initialize()
            self.nom = self.nom or (self.application.bot.username or "")
            if self.webhook:
                await self.application.bot.set_webhook(
                    url=f"{self.reglages.public_base_url}/telegram/webhook",
                    secret_token=self.reglages.telegram_webhook_secret,
                    allowed_updates=["message", "callback_query"],
                )
            await self.application.start()
            if not self.webhook and self.application.updater is not None:
                await self.application.updater.start_polling(
                    timeout=int(self.reglages.telegram_delai_polling),
                    allowed_updates=["message", "callback_query"],
                )
            self.actif = True
            log.info("Telegram démarré (%s)", "webhook" if self.webhook else "long polling")
        except Exception as exc:  # réseau absent, jeton refusé… : la passerelle continue sans Telegram
            log.error("Telegram n'a pas démarré (%s)", type(exc).__name__)
            self.actif = False

    async def arreter(self) -> None:
        if not self.actif:
            return
        try:
            if self.application.updater is not None and self.application.updater.running:
                await self.application.updater.stop()
            if self.application.running:
                await self.application.stop()
            await self.application.shutdown()
        except Exception as exc:  # pragma: no cover
            log.warning("arrêt Telegram incomplet (%s)", type(exc).__name__)
        self.actif = False

    # -- envoi ----------------------------------------------------------------------------
    @staticmethod
    def clavier(reponse: Reponse) -> InlineKeyboardMarkup | None:
        offre = reponse.offre
        if not reponse.ok or offre is None or not offre.boutons:
            return None
        lignes = [[InlineKeyboardButton(b["title"][:120], callback_data=f"b:{offre.jeton}:{i}")]
                  for i, b in enumerate(offre.boutons)]
        return InlineKeyboardMarkup(lignes)

    async def repondre(self, chat_id: int, reponse: Reponse) -> None:
        morceaux: list[str] = []
        for texte in formatage.textes_des_messages(reponse.messages):
            morceaux.extend(formatage.decouper(texte, LIMITE))
        clavier = self.clavier(reponse)
        if clavier is not None and not morceaux:
            morceaux = [textes.texte("choisissez", reponse.langue)]
        bot = self.application.bot
        for i, morceau in enumerate(morceaux):
            dernier = i == len(morceaux) - 1
            await bot.send_message(chat_id=chat_id, text=morceau, reply_markup=clavier if dernier else None)

    # -- gestionnaires ----------------------------------------------------------------------
    async def cmd_start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/start : le consentement (celui de Rasa) et le choix ; /start CODE : reprise depuis la borne."""
        chat_id = update.effective_chat.id
        if context.args:
            reponse = await self.relais.envoyer(CANAL, str(chat_id), "reprendre " + " ".join(context.args)[:20])
            await self.repondre(chat_id, reponse)
            return
        reponse = await self.relais.demarrer(CANAL, str(chat_id), langue=_langue_appareil(update))
        # la langue se change d'un appui (issue 13) : un bouton « Langue » sous le menu d'accueil
        if reponse.ok and reponse.offre is not None:
            bouton = {"title": "🌐 " + textes.texte("langue_bouton", reponse.langue), "payload": "langue"}
            if bouton["payload"] not in reponse.offre.payloads:
                reponse.offre = self.relais.proposer(reponse.pseudonyme, reponse.offre.boutons + [bouton])
        await self.repondre(chat_id, reponse)

    def _langue(self, update: Update) -> str:
        return self.relais.langue(self.relais.pseudonyme(CANAL, str(update.effective_chat.id))) or "fr"

    async def cmd_aide(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/aide : ce que fait l'assistant et les numéros utiles."""
        await update.effective_chat.send_message(textes.aide(self._langue(update)))

    async def cmd_supprimer(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/supprimer : efface la conversation (Rasa) et les rendez-vous de la personne."""
        chat_id = update.effective_chat.id
        langue = self._langue(update)
        pseudo = await self.relais.effacer(CANAL, str(chat_id))
        await rdv_lien.supprimer(self.rdv, pseudonyme=pseudo)
        await update.effective_chat.send_message(textes.texte("supprime", langue))

    async def bouton(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Un bouton du clavier : on répond au callback, puis on envoie le payload proposé."""
        requete = update.callback_query
        await requete.answer()
        chat = update.effective_chat
        if chat is None or chat.type != "private":
            return
        try:
            _, jeton, indice = (requete.data or "").split(":")
            choix = int(indice)
        except ValueError:
            choix, jeton = -1, ""
        try:  # le clavier déjà utilisé disparaît
            await requete.edit_message_reply_markup(reply_markup=None)
        except Exception:
            pass
        await chat.send_action(ChatAction.TYPING)
        reponse = await self.relais.envoyer(CANAL, str(chat.id), choix=choix, jeton=jeton)
        await self.repondre(chat.id, reponse)

    async def texte(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Un texte libre (une commande inconnue comme « /informer{…} » arrive ici aussi)."""
        chat_id = update.effective_chat.id
        await update.effective_chat.send_action(ChatAction.TYPING)
        reponse = await self.relais.envoyer(CANAL, str(chat_id), update.effective_message.text or "",
                                            langue_suggeree=_langue_appareil(update))
        await self.repondre(chat_id, reponse)

    async def non_texte(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Photo, autocollant, note vocale… : on demande du texte."""
        await update.effective_chat.send_message(textes.texte("non_texte", self._langue(update)))

    async def erreur(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        log.warning("erreur dans un gestionnaire Telegram (%s)", type(context.error).__name__)

    # -- webhook ----------------------------------------------------------------------------
    def secret_valide(self, recu: str | None) -> bool:
        attendu = self.reglages.telegram_webhook_secret
        if not self.webhook or not attendu or recu is None:
            return False
        return hmac.compare_digest(recu.encode("utf-8"), attendu.encode("utf-8"))


def routeur() -> APIRouter:
    r = APIRouter()

    @r.post("/telegram/webhook", tags=["canaux"], summary="Webhook Telegram (jeton secret obligatoire)",
            responses={403: {"description": "Jeton secret absent ou faux"}})
    async def telegram_webhook(request: Request) -> Response:
        canal: CanalTelegram | None = request.app.state.passerelle.telegram
        recu = request.headers.get("x-telegram-bot-api-secret-token")
        if canal is None or not canal.secret_valide(recu):
            log.warning("webhook Telegram refusé : jeton secret absent ou faux")
            return Response("Interdit.", status_code=403)
        if not canal.actif:
            return Response("Telegram indisponible.", status_code=503)
        try:
            donnees = await request.json()
            update = Update.de_json(donnees, canal.application.bot)
        except Exception:
            return Response("Requête illisible.", status_code=400)
        if update is None:
            return Response(status_code=200)
        await canal.application.process_update(update)
        return Response(status_code=200)

    return r


def _langue_appareil(update: Update) -> str | None:
    """La langue de l'application Telegram de la personne (``language_code``), si l'assistant la parle."""
    import langues

    utilisateur = getattr(update, "effective_user", None)
    return langues.normaliser(getattr(utilisateur, "language_code", None))

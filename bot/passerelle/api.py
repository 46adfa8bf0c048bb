"""API JSON : discussion (borne, tests), éligibilité (page pro), reprise, santé."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from pathlib import Path
from typing import Any, Literal

import qrcode
import qrcode.image.svg
from fastapi import APIRouter, Body, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

import langues
from bot.passerelle import relais as R

log = logging.getLogger("passerelle.api")

CANAL_WEB = "web"


class Bouton(BaseModel):
    title: str
    payload: str


class MessageBot(BaseModel):
    """Un message du bot, tel que le canal REST de Rasa le rend (sans ``recipient_id``)."""

    model_config = ConfigDict(extra="allow")
    text: str | None = None
    buttons: list[Bouton] | None = None
    custom: dict[str, Any] | None = None
    image: str | None = None


class Refus(BaseModel):
    detail: str
    messages: list[MessageBot]


# Les langues de l'assistant (langues/langues.yaml) : un code inconnu est refusé (422), avec la liste.
CodeLangue = Literal[tuple(langues.CODES)]  # type: ignore[valid-type]
DESCRIPTION_LANGUE = ("Langue de la conversation (" + ", ".join(langues.CODES) + ") ; elle reste celle de la "
                      "conversation jusqu'au prochain choix. Sans elle : la langue déjà choisie, sinon devinée au "
                      "premier message et confirmée d'un appui, sinon le français. Chaque message rendu porte "
                      "custom.langue.")


class ChatRequete(BaseModel):
    sender: str = Field(min_length=1, max_length=128,
                        description="Identifiant de la conversation : celui émis par POST /api/v1/chat/session "
                                    "(pseudonymisé avant Rasa). En production, un identifiant choisi par le "
                                    "client doit avoir 32 signes au moins (EXPEDITEURS=long) ou est refusé "
                                    "(EXPEDITEURS=emis).")
    message: str = Field(max_length=100_000, description="Texte de la personne, ou payload d'un bouton proposé.")
    langue: CodeLangue | None = Field(default=None, description=DESCRIPTION_LANGUE)


class ExpediteurRequete(BaseModel):
    sender: str = Field(min_length=1, max_length=128)


class AccueilRequete(ExpediteurRequete):
    langue: CodeLangue | None = Field(default=None, description=DESCRIPTION_LANGUE)


class SessionReponse(BaseModel):
    sender: str = Field(description="Identifiant de 128 bits émis par le serveur, à renvoyer dans chaque requête")


class EffacerRequete(ExpediteurRequete):
    raison: Literal["bouton", "inactivite"] = "bouton"


class Lien(BaseModel):
    canal: Literal["telegram", "sms"]
    url: str
    consigne: str
    qr_svg: str


class RepriseReponse(BaseModel):
    code: str
    expire_dans_secondes: int
    liens: list[Lien]


STATUTS_HTTP = {
    R.VIDE: 400,
    R.TROP_LONG: 413,
    R.TROP_RAPIDE: 429,
    R.INDISPONIBLE: 503,
    R.BOUTON_PERIME: 409,
}


def _refus(reponse: R.Reponse) -> JSONResponse:
    texte = reponse.messages[0]["text"] if reponse.messages else ""
    entetes = {}
    if reponse.statut == R.TROP_RAPIDE:
        entetes["Retry-After"] = str(max(1, int(reponse.attente + 0.999)))
    return JSONResponse({"detail": texte, "messages": reponse.messages},
                        status_code=STATUTS_HTTP.get(reponse.statut, 400), headers=entetes)


def qr_svg(donnees: str) -> str:
    image = qrcode.make(donnees, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    return image.to_string(encoding="unicode")


EXPEDITEUR_REFUSE = ("Cet identifiant de conversation n'est pas valable. "
                     "Demandez-en un avec POST /api/v1/chat/session.")


def _verifier(request: Request, *textes_recus: str) -> JSONResponse | None:
    """Texte encodable (sinon ``UnicodeError`` → 400) et identifiant permis (sinon 400)."""
    for t in textes_recus:
        t.encode("utf-8")
    relais: R.Relais = request.app.state.passerelle.relais
    if textes_recus and not relais.expediteur_permis(textes_recus[0]):
        return JSONResponse({"detail": EXPEDITEUR_REFUSE, "messages": [{"text": EXPEDITEUR_REFUSE}]},
                            status_code=400)
    return None


def routeur() -> APIRouter:
    r = APIRouter()

    @r.post("/api/v1/chat/session", tags=["discussion"], response_model=SessionReponse,
            summary="Un identifiant de conversation (128 bits) émis par le serveur ; rien n'est gardé avant le "
                    "premier message")
    async def session(request: Request):
        return {"sender": request.app.state.passerelle.relais.emettre_expediteur()}

    @r.post("/api/v1/chat", tags=["discussion"], response_model=list[MessageBot], response_model_exclude_none=True,
            summary="Envoyer un message au bot ; rend ses messages (texte, boutons, custom)",
            responses={400: {"model": Refus, "description": "Message vide"},
                       409: {"model": Refus, "description": "Bouton plus valable"},
                       413: {"model": Refus, "description": "Message de plus de 2 000 caractères"},
                       429: {"model": Refus, "description": "Trop de messages (par expéditeur)"},
                       503: {"model": Refus, "description": "Rasa indisponible"}})
    async def chat(requete: ChatRequete, request: Request):
        relais: R.Relais = request.app.state.passerelle.relais
        refus = _verifier(request, requete.sender, requete.message)
        if refus is not None:
            return refus
        reponse = await relais.envoyer(CANAL_WEB, requete.sender, requete.message, langue=requete.langue)
        if not reponse.ok:
            return _refus(reponse)
        return reponse.messages

    @r.post("/api/v1/chat/accueil", tags=["discussion"], response_model=list[MessageBot], response_model_exclude_none=True,
            summary="Message d'accueil (consentement et boutons de départ, proposés à cet expéditeur)")
    async def accueil(requete: AccueilRequete, request: Request):
        relais: R.Relais = request.app.state.passerelle.relais
        refus = _verifier(request, requete.sender)
        if refus is not None:
            return refus
        return relais.accueil(CANAL_WEB, requete.sender, langue=requete.langue).messages

    @r.post("/api/v1/chat/effacer", tags=["discussion"],
            summary="Effacer la conversation (bouton « Effacer et recommencer » ou inactivité de la borne)")
    async def effacer(requete: EffacerRequete, request: Request):
        relais: R.Relais = request.app.state.passerelle.relais
        refus = _verifier(request, requete.sender)
        if refus is not None:
            return refus
        await relais.effacer(CANAL_WEB, requete.sender, garder_reprise=requete.raison == "inactivite")
        return {"efface": True}

    @r.post("/api/v1/chat/reprise", tags=["discussion"], response_model=RepriseReponse,
            summary="Code court et QR code pour continuer la conversation sur Telegram ou par SMS")
    async def reprise(requete: ExpediteurRequete, request: Request):
        services = request.app.state.passerelle
        relais: R.Relais = services.relais
        refus = _verifier(request, requete.sender)
        if refus is not None:
            return refus
        if relais.pseudonyme(CANAL_WEB, requete.sender) not in relais.activite:
            # Pas d'état pour un expéditeur qui n'a encore rien dit : pas de code de reprise non plus.
            return JSONResponse({"detail": "Commencez d'abord la conversation."}, status_code=409)
        code = relais.creer_reprise(CANAL_WEB, requete.sender)
        liens = []
        nom = getattr(services.telegram, "nom", "") or services.reglages.telegram_bot_nom
        if services.reglages.telegram_actif and nom:
            url = f"https://t.me/{nom}?start={code}"
            liens.append({"canal": "telegram", "url": url, "qr_svg": qr_svg(url),
                          "consigne": f"Sur Telegram, ouvrez @{nom} et envoyez le code."})
        if services.reglages.sms_numero:
            numero = services.reglages.sms_numero
            url = f"SMSTO:{numero}:REPRENDRE {code}"
            liens.append({"canal": "sms", "url": url, "qr_svg": qr_svg(url),
                          "consigne": f"Par SMS, envoyez REPRENDRE {code} au {numero}."})
        return {"code": code, "expire_dans_secondes": int(services.reglages.reprise_duree), "liens": liens}

    @r.post("/api/v1/eligibilite", tags=["éligibilité"],
            summary="Situation (vocabulaire de droits/schema/situation.json) → droits (AME, RSA, FSL, domiciliation)",
            responses={422: {"description": "Champ invalide : le corps nomme le champ (`champ`) et dit pourquoi"},
                       503: {"description": "Moteur de règles absent"}})
    def eligibilite(
        situation: dict[str, Any] = Body(..., examples=[{"age": 34, "nationalite": "hors_ue",
                                                         "titre_sejour": "aucun", "mois_en_france": 24,
                                                         "logement": "rue", "vit_a_paris": True}]),
        date: str | None = Query(None, max_length=10, description="Date d'évaluation AAAA-MM-JJ (par défaut : aujourd'hui)"),
        forme: Literal["vous", "il", "elle", "personne"] = Query(
            "vous", description="À qui parle le résultat : la personne (vous), un tiers (il, elle) ou un "
                                "professionnel sans genre dit (personne : « la personne »)"),
        langue: CodeLangue = Query("fr", description="Langue des phrases du résultat (issue 13)"),
    ):
        try:
            import droits  # module de l'équipe « droits »
        except ImportError:
            droits = None
        if droits is None or not hasattr(droits, "evaluer") or not hasattr(droits, "SituationInvalide"):
            return JSONResponse({"detail": "Le moteur de règles n'est pas disponible."}, status_code=503)
        if date is not None:
            try:
                jour = dt.date.fromisoformat(date)
                if not dt.date(2000, 1, 1) <= jour <= dt.date(2100, 12, 31):
                    raise ValueError(date)
            except ValueError:
                return _champ_invalide("date", "La date doit avoir la forme AAAA-MM-JJ, par exemple 2025-12-03.",
                                       lieu="query")
        else:
            jour = None
        try:
            normalisee = droits.valider_situation(situation)
            return droits.evaluer(normalisee, date=jour, forme=forme, langue=langue)
        except droits.SituationInvalide as exc:
            return _champ_invalide(getattr(exc, "champ", None) or "situation",
                                   getattr(exc, "message", None) or str(exc))

    @r.get("/healthz", tags=["santé"], summary="État de Rasa, du serveur d'actions et de la base de données")
    async def healthz(request: Request):
        services = request.app.state.passerelle
        rasa, actions, base = await asyncio.gather(
            services.rasa.sonder_rasa(), services.rasa.sonder_actions(),
            asyncio.to_thread(_sonder_base, services))
        telegram = services.telegram
        corps = {
            "rasa": rasa,
            "actions": actions,
            "base": base,
            "telegram": {"statut": "ok" if telegram and telegram.actif else ("erreur" if telegram else "desactive")},
            "sms": {"statut": "ok" if services.reglages.sms_actif else "desactive"},
            "rendez_vous": {"statut": "ok" if services.rdv_monte else "absent"},
        }
        essentiels = (rasa, actions, base)
        corps["statut"] = "ok" if all(e["statut"] == "ok" for e in essentiels) else "degrade"
        return JSONResponse(corps, status_code=200 if corps["statut"] == "ok" else 503)

    return r


def _champ_invalide(champ: str, message: str, lieu: str = "body") -> JSONResponse:
    return JSONResponse(
        {"detail": [{"loc": [lieu, champ], "msg": message, "type": "situation_invalide"}],
         "champ": champ, "message": message},
        status_code=422)


def _sonder_base(services) -> dict:
    """SELECT 1 sur la base de rendez-vous (sans créer de fichier SQLite s'il n'existe pas)."""
    url = services.reglages.database_url
    from bot.passerelle.rdv_lien import moteur as moteur_rdv

    moteur = moteur_rdv(services.rdv)
    try:
        from sqlalchemy import create_engine, text

        if moteur is None:
            if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
                chemin = Path(url.removeprefix("sqlite:///").split("?")[0])
                if not chemin.exists():
                    return {"statut": "erreur", "detail": "fichier SQLite absent (lancez les migrations)"}
            moteur = create_engine(url, pool_pre_ping=True)
            jetable = True
        else:
            jetable = False
        try:
            with moteur.connect() as connexion:
                connexion.execute(text("SELECT 1"))
        finally:
            if jetable:
                moteur.dispose()
        return {"statut": "ok", "type": moteur.dialect.name}
    except Exception as exc:
        return {"statut": "erreur", "detail": type(exc).__name__}

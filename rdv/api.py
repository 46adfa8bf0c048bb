"""API HTTP du rendez-vous des droits : un ``APIRouter`` que la passerelle monte sous ``/api/v1``.

    from rdv.api import router
    app.include_router(router, prefix="/api/v1")

Le service utilisé vient de la dépendance ``obtenir_service`` (``DATABASE_URL`` par défaut) ;
les tests la remplacent : ``app.dependency_overrides[obtenir_service] = lambda: ServiceRdv(...)``,
ou appellent ``configurer(service)``.

Toute erreur rend un code 4xx (503 si le résumé ne peut pas être préparé) et
``{"detail": {"fr": "...", "en": "...", "erreur": "<clé>"}}`` ; rien n'est écrit en base quand une
erreur survient.

Résumé pour l'agent de la CAF (``POST /rendez-vous``) : seulement si ``consentement_resume`` est
vrai. La situation envoyée est alors validée (``droits.valider_situation``) et les droits sont
calculés ici (``droits.evaluer``) : un résultat calculé par le client n'est jamais accepté. Sans
accord, la situation envoyée est ignorée : ni validée, ni gardée. La situation n'est jamais
écrite dans le journal.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Body, Cookie, Depends, Header, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.exc import DBAPIError

from rdv.erreurs import BaseIndisponible, CodeInconnu, DonneesInvalides, ErreurRdv, TropDEssais
from rdv.frein import Frein, cle_ip
from rdv.jetons import lire_jeton_conversation
from rdv.service import ID_MAX, AgentInfo, ServiceRdv
from rdv.temps import en_paris
from rdv.textes import PIECES_GENERALES

log = logging.getLogger("rdv.api")


class NonAuthentifie(ErreurRdv):
    statut_http = 401
    erreur = "non_authentifie"
    fr = "Jeton d'agent absent ou invalide."
    en = "Missing or invalid agent token."


class SituationRefusee(ErreurRdv):
    """La situation jointe au rendez-vous est refusée par ``droits.valider_situation``.
    ``champ`` nomme le champ fautif (« situation.age ») ; le message vient de ``droits``."""

    statut_http = 422
    erreur = "situation_invalide"

    def __init__(self, champ: str, message: str):
        self.champ = champ
        super().__init__(
            f"La situation est mal remplie. Vérifiez : {champ}. {message}".strip(),
            f"The situation is invalid. Check: {champ}.",
        )

    def detail(self) -> dict[str, Any]:
        return {**super().detail(), "champ": self.champ, "champs": [self.champ]}


class ResumeIndisponible(ErreurRdv):
    statut_http = 503
    erreur = "resume_indisponible"
    fr = ("Le résumé pour l'agent ne peut pas être préparé pour le moment. Rien n'a été réservé. "
          "Réessayez, ou réservez sans partager le résumé.")
    en = ("The summary for the agent cannot be prepared right now. Nothing was booked. "
          "Try again, or book without sharing the summary.")


class RouteRdv(APIRoute):
    """Transforme les erreurs du service et les erreurs de validation en réponses bilingues."""

    def get_route_handler(self) -> Callable:
        original = super().get_route_handler()

        async def gestionnaire(request: Request) -> Response:
            try:
                return await original(request)
            except ErreurRdv as e:
                entetes = {"WWW-Authenticate": "Bearer"} if e.statut_http == 401 else {}
                if isinstance(e, TropDEssais):
                    entetes["Retry-After"] = str(max(1, int(e.attente + 0.999)))
                return JSONResponse({"detail": e.detail()}, status_code=e.statut_http, headers=entetes or None)
            except DBAPIError:  # base arrêtée ou redémarrée : la transaction n'a rien écrit
                log.warning("base des rendez-vous injoignable")
                return JSONResponse({"detail": BaseIndisponible().detail()}, status_code=503,
                                    headers={"Retry-After": "60"})
            except RequestValidationError as e:
                champs = sorted({".".join(str(x) for x in err.get("loc", ())[1:]) or "corps"
                                 for err in e.errors()})
                return JSONResponse(
                    {"detail": {
                        "fr": f"La demande est mal formée. Vérifiez : {', '.join(champs)}.",
                        "en": f"The request is malformed. Check: {', '.join(champs)}.",
                        "erreur": "donnees_invalides",
                        "champs": champs,
                    }},
                    status_code=422,
                )

        return gestionnaire


router = APIRouter(route_class=RouteRdv, tags=["rendez-vous"])

# ------------------------------------------------------------------ service

_service: ServiceRdv | None = None
_verrou = threading.Lock()
# Frein des codes devinés (par IP et global) ; clé des jetons de conversation (passerelle).
_frein = Frein()
_cle_conversation: bytes | None = None
COOKIE_PRO = "pro_session"


def configurer(service: ServiceRdv | None, *, frein: Frein | None = None,
               cle_conversation: bytes | None = None) -> None:
    """Fixe le service utilisé par le routeur (None : revenir à ``DATABASE_URL``), le frein des
    essais ratés (partagé par Redis en production) et la clé qui signe les jetons de conversation."""
    global _service, _frein, _cle_conversation
    _service = service
    if frein is not None:
        _frein = frein
    if cle_conversation is not None:
        _cle_conversation = cle_conversation


def frein() -> Frein:
    return _frein


def obtenir_service() -> ServiceRdv:
    global _service
    if _service is None:
        with _verrou:
            if _service is None:
                _service = ServiceRdv()
    return _service


Service = Annotated[ServiceRdv, Depends(obtenir_service)]
_bearer = HTTPBearer(auto_error=False, description="Jeton d'agent (python -m rdv agent-creer)")


def _agent(service: ServiceRdv, identifiants: HTTPAuthorizationCredentials | None,
           session: str | None) -> AgentInfo | None:
    if identifiants is not None and identifiants.scheme.lower() == "bearer":
        return service.authentifier(identifiants.credentials)
    if session:
        return service.agent_de_session(session)
    return None


def agent_connecte(
    service: Service,
    request: Request,
    identifiants: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    pro_session: Annotated[str | None, Cookie(include_in_schema=False)] = None,
) -> AgentInfo:
    """Un agent : jeton Bearer, ou cookie de session de /pro. Les échecs freinent l'adresse IP."""
    ip = cle_ip(request.client.host if request.client else None)
    attente = _frein.attente(ip)
    if attente > 0:
        raise TropDEssais(attente)
    agent = _agent(service, identifiants, pro_session)
    if agent is None:
        if identifiants is not None or pro_session:
            _frein.echec(ip)
        raise NonAuthentifie()
    return agent


Agent = Annotated[AgentInfo, Depends(agent_connecte)]

# ------------------------------------------------------------------ schémas


class Erreur(BaseModel):
    detail: dict[str, Any] = Field(examples=[{"fr": "Ce créneau vient d'être pris.",
                                              "en": "This slot has just been taken.",
                                              "erreur": "creneau_pris"}])


CANAUX = ("web", "pro", "telegram", "sms", "conversation")
LANGUES = ("fr", "en")
Identifiant = Annotated[int, Field(ge=1, le=ID_MAX)]


class DemandeReservation(BaseModel):
    model_config = ConfigDict(extra="forbid")
    creneau_id: Identifiant
    telephone: str | None = Field(None, max_length=40,
                                  description="Portable français, seulement pour les rappels SMS")
    canal: Literal[CANAUX] = "web"  # type: ignore[valid-type]
    langue: Literal[LANGUES] = "fr"  # type: ignore[valid-type]
    jeton_conversation: str | None = Field(
        None, max_length=120,
        description="Sans compte professionnel : le `custom.jeton_rdv` remis par la passerelle quand la "
                    "conversation a reçu son verdict (un seul rendez-vous à venir par conversation).")
    consentement_resume: bool = Field(
        False,
        description="La personne est d'accord : l'agent de la CAF pourra voir le résumé de sa "
                    "situation et de ses droits probables (seulement par l'API des agents). "
                    "Faux par défaut : alors rien de la situation n'est gardé, même si elle est envoyée.")
    situation: dict[str, Any] | None = Field(
        None,
        description="Situation (vocabulaire de droits/schema/situation.json). Lue seulement si "
                    "consentement_resume est vrai ; les droits sont calculés par le serveur.",
        examples=[{"age": 34, "nationalite": "hors_ue", "titre_sejour": "aucun",
                   "mois_en_france": 24, "logement": "rue", "vit_a_paris": True}])


class DemandeDeplacement(BaseModel):
    model_config = ConfigDict(extra="forbid")
    creneau_id: Identifiant


class DemandeCodeSms(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code_sms: str = Field(min_length=6, max_length=12, description="Les 6 chiffres reçus par SMS")


class DemandeStatut(BaseModel):
    model_config = ConfigDict(extra="forbid")
    statut: str = Field(description="honore ou absent")


ERREURS = {c: {"model": Erreur} for c in (404, 409, 422, 429)}
ERREURS_RESERVATION = {**ERREURS, 503: {"model": Erreur,
                                        "description": "Résumé impossible à préparer ; rien n'est réservé"}}
ERREURS_AGENT = {c: {"model": Erreur} for c in (401, 403, 404, 409, 422)}

# ------------------------------------------------------------------ public


@router.get("/lieux", summary="Lieux qui ont des créneaux de rendez-vous")
def lister_lieux(service: Service) -> list[dict[str, Any]]:
    return [l.to_dict() for l in service.lieux(avec_creneaux=True)]


@router.get("/creneaux", summary="Créneaux libres, le plus tôt d'abord", responses=ERREURS)
def lister_creneaux(
    service: Service,
    lieu_id: int | None = Query(None, ge=1, le=ID_MAX),
    arrondissement: str | None = Query(None, max_length=10, description="13, 13e ou 75013"),
    du: date | None = None,
    au: date | None = None,
    limite: int = Query(50, ge=1, le=500),
) -> list[dict[str, Any]]:
    _dates_bornees(du, au)
    creneaux = service.creneaux_libres(depuis=du, jusqua=au, lieu_id=lieu_id,
                                       arrondissement=arrondissement, limite=limite)
    return [c.to_dict() for c in creneaux]


def _dates_bornees(*jours: date | None) -> None:
    """Une date de 2000 à 2100 : au-delà, c'est une erreur de saisie (et 9999-12-31 + 1 jour plante)."""
    for j in jours:
        if j is not None and not date(2000, 1, 1) <= j <= date(2100, 12, 31):
            raise DonneesInvalides("La date doit être entre 2000 et 2100.", "The date must be between 2000 and 2100.")


def _reponse_rdv(service: ServiceRdv, rdv) -> dict[str, Any]:
    """Réponse à celui qui vient de réserver (le professionnel, ou la conversation) : tout, et le
    jeton de 128 bits (second facteur), rendu une seule fois."""
    corps = rdv.to_dict()
    corps["confirmation"] = service.texte_confirmation(rdv)
    corps["sms"] = service.sms_confirmation(rdv)
    corps["ics"] = f"rendez-vous/{rdv.code}/ics"
    if rdv.jeton:
        corps["jeton"] = rdv.jeton
        corps["ics"] += f"?jeton={rdv.jeton}"
    return corps


def _vue_publique(rdv) -> dict[str, Any]:
    corps = rdv.vue_publique(PIECES_GENERALES)
    corps["ics"] = f"rendez-vous/{rdv.code}/ics"
    return corps


def acces_rdv(
    code: Annotated[str, Path(max_length=20, description="Code du rendez-vous, ex. K7P-4QX")],
    request: Request,
    service: Service,
    jeton: Annotated[str | None, Query(max_length=64, description="Jeton du lien reçu à la réservation")] = None,
    telephone_fin: Annotated[str | None, Query(max_length=4, pattern=r"^\d{4}$",
                                               description="Ou : les 4 derniers chiffres du numéro")] = None,
    x_jeton_rdv: Annotated[str | None, Header(max_length=64, include_in_schema=False)] = None,
):
    """Le code ET un second facteur : le jeton du lien (en-tête ``X-Jeton-Rdv`` ou ``?jeton=``), ou
    les 4 derniers chiffres du numéro confirmé. Les échecs freinent l'adresse IP (attente qui double) ;
    au-delà d'un plafond global, seuls les jetons passent encore."""
    jeton = x_jeton_rdv or jeton
    ip = cle_ip(request.client.host if request.client else None)
    attente = _frein.attente(ip)
    if attente > 0:
        raise TropDEssais(attente)
    if not jeton and _frein.global_sature():
        raise TropDEssais(60.0)
    try:
        return service.verifier_acces(code, jeton=jeton, fin_telephone=telephone_fin)
    except CodeInconnu:
        _frein.echec(ip)
        raise


Acces = Annotated[Any, Depends(acces_rdv)]


def _resume_consenti(situation: dict[str, Any], service: ServiceRdv) -> dict[str, Any]:
    """Situation validée et droits calculés ici, à la date du jour (heure de Paris, horloge du
    service). Forme « vous » : l'agent revoit ces droits avec la personne elle-même, et l'on ne
    devine pas son genre. Aucun journal ne contient la situation ni le message d'erreur de
    ``droits`` (qui cite la valeur refusée)."""
    try:
        import droits
    except ImportError:
        log.warning("résumé impossible : module droits absent")
        raise ResumeIndisponible() from None
    try:
        propre = droits.valider_situation(situation)
    except droits.SituationInvalide as e:
        champ = f"situation.{e.champ}" if getattr(e, "champ", None) else "situation"
        raise SituationRefusee(champ, getattr(e, "message", "") or "") from None
    try:
        resultats = droits.evaluer(propre, date=en_paris(service.horloge()).date(), forme="vous")
    except Exception as e:  # jamais le message : il pourrait citer la situation
        log.warning("résumé impossible : évaluation en échec (%s)", type(e).__name__)
        raise ResumeIndisponible() from None
    return {"situation": propre, "droits": resultats}


class DejaUnRendezVous(ErreurRdv):
    statut_http = 409
    erreur = "deja_un_rendez_vous"
    fr = "Cette conversation a déjà un rendez-vous à venir. Annulez-le d'abord pour en prendre un autre."
    en = "This conversation already has an upcoming appointment. Cancel it first."


class ReservationRefusee(ErreurRdv):
    statut_http = 401
    erreur = "reservation_refusee"
    fr = ("Pour réserver, finissez d'abord la conversation jusqu'au résultat, "
          "ou connectez-vous à la page des professionnels.")
    en = "To book, first finish the conversation up to the result, or log in to the professionals' page."


@router.post("/rendez-vous", status_code=201, summary="Réserver un créneau", responses=ERREURS_RESERVATION,
             description="Réservé à un professionnel connecté (jeton Bearer ou session de /pro, noté au "
                         "journal), ou à une conversation qui a reçu son verdict (`jeton_conversation`, le "
                         "`custom.jeton_rdv` de la passerelle). "
                         "Avec `consentement_resume: true` et `situation`, l'agent de la CAF pourra "
                         "voir la situation et les droits calculés par le serveur "
                         "(`GET /agent/rendez-vous/{code}/resume`). Sans accord, rien de la situation "
                         "n'est gardé. La réponse dit si un résumé est gardé (`resume_partage`) et donne "
                         "le `jeton` (second facteur) : il n'est montré qu'une fois.")
def reserver(
    demande: DemandeReservation, service: Service, request: Request,
    identifiants: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    pro_session: Annotated[str | None, Cookie(include_in_schema=False)] = None,
) -> dict[str, Any]:
    agent = _agent(service, identifiants, pro_session)
    expediteur = None
    canal = demande.canal
    if agent is None:
        expediteur = lire_jeton_conversation(_cle_conversation, demande.jeton_conversation)
        if expediteur is None:
            if identifiants is not None or pro_session or demande.jeton_conversation:
                _frein.echec(cle_ip(request.client.host if request.client else None))
            raise ReservationRefusee()
        if service.a_venir(expediteur):
            raise DejaUnRendezVous()
        canal = {"te": "telegram", "sm": "sms", "we": "web"}.get(expediteur[:2], "conversation")
    resume = None
    if demande.consentement_resume and demande.situation is not None:
        resume = _resume_consenti(demande.situation, service)
    rdv = service.reserver(demande.creneau_id, telephone=demande.telephone or None,
                           canal=canal, langue=demande.langue, resume=resume,
                           expediteur=expediteur, agent=agent)
    corps = _reponse_rdv(service, rdv)
    corps["resume_partage"] = rdv.resume_consenti
    return corps


CodeChemin = Annotated[str, Path(max_length=20, description="Code du rendez-vous, ex. K7P-4QX")]
@router.get("/rendez-vous/{code}", summary="Voir un rendez-vous (code et second facteur)", responses=ERREURS)
def consulter(rdv: Acces) -> dict[str, Any]:
    return _vue_publique(rdv)


@router.get("/rendez-vous/{code}/ics", summary="Fichier agenda (.ics)", responses=ERREURS,
            response_class=Response)
def agenda(rdv: Acces, service: Service) -> Response:
    return Response(service.ics(rdv), media_type="text/calendar; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="rendez-vous-{rdv.code}.ics"'})


@router.delete("/rendez-vous/{code}", summary="Annuler (jusqu'à 4 h avant)", responses=ERREURS)
def annuler(rdv: Acces, service: Service) -> dict[str, Any]:
    annule = service.annuler(rdv.code)
    return {"code": annule.code, "statut": annule.statut,
            "message": {"fr": "Votre rendez-vous est annulé.", "en": "Your appointment is cancelled."}}


@router.post("/rendez-vous/{code}/deplacement", summary="Changer de créneau", responses=ERREURS)
def deplacer(rdv: Acces, demande: DemandeDeplacement, service: Service) -> dict[str, Any]:
    return _vue_publique(service.deplacer(rdv.code, demande.creneau_id))


@router.post("/rendez-vous/{code}/telephone/confirmation", summary="Confirmer le numéro par le code SMS",
             responses=ERREURS)
def confirmer_telephone(rdv: Acces, demande: DemandeCodeSms, service: Service, request: Request) -> dict[str, Any]:
    try:
        confirme = service.confirmer_telephone(rdv.code, demande.code_sms)
    except ErreurRdv as e:
        if e.erreur == "code_sms_faux":
            _frein.echec(cle_ip(request.client.host if request.client else None))
        raise
    return {"code": confirme.code, "telephone_confirme": confirme.telephone_confirme}


# ------------------------------------------------------------------ agents


@router.get("/agent/moi", tags=["agent"], responses=ERREURS_AGENT)
def moi(agent: Agent) -> dict[str, Any]:
    return {"id": agent.id, "nom": agent.nom, "lieu_id": agent.lieu_id}


@router.get("/agent/rendez-vous", tags=["agent"], summary="Rendez-vous du jour", responses=ERREURS_AGENT)
def du_jour(agent: Agent, service: Service, jour: date | None = None,
            lieu_id: int | None = Query(None, ge=1, le=ID_MAX),
            inclure_annules: bool = False) -> list[dict[str, Any]]:
    _dates_bornees(jour)
    return service.rendez_vous_du_jour(agent, jour, lieu_id, inclure_annules)


@router.post("/agent/rendez-vous/{code}/statut", tags=["agent"], summary="Noter honore ou absent",
             responses=ERREURS_AGENT)
def marquer(code: CodeChemin, demande: DemandeStatut, agent: Agent, service: Service) -> dict[str, Any]:
    return service.marquer(agent, code, demande.statut)


@router.get("/agent/rendez-vous/{code}/resume", tags=["agent"],
            summary="Résumé de la situation (seulement avec l'accord de la personne)",
            responses=ERREURS_AGENT)
def resume(code: CodeChemin, agent: Agent, service: Service) -> dict[str, Any]:
    return service.resume_pour_agent(agent, code)


@router.get("/agent/export.csv", tags=["agent"], summary="Export CSV", responses=ERREURS_AGENT,
            response_class=Response)
def export(agent: Agent, service: Service, du: date, au: date,
           lieu_id: int | None = Query(None, ge=1, le=ID_MAX)) -> Response:
    _dates_bornees(du, au)
    if (au - du).days > 366 or au < du:
        raise ErreurRdv("La période doit aller de 1 jour à 1 an.", "The period must be 1 day to 1 year.")
    texte = service.export_csv(agent, du, au, lieu_id)
    return Response(texte, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="rendez-vous-{du}-{au}.csv"'})


@router.post("/agent/creneaux/{creneau_id}/bloquer", tags=["agent"], responses=ERREURS_AGENT)
def bloquer(creneau_id: Annotated[int, Path(ge=1, le=ID_MAX)], agent: Agent, service: Service) -> dict[str, Any]:
    return service.bloquer_creneau(agent, creneau_id, True)


@router.post("/agent/creneaux/{creneau_id}/debloquer", tags=["agent"], responses=ERREURS_AGENT)
def debloquer(creneau_id: Annotated[int, Path(ge=1, le=ID_MAX)], agent: Agent, service: Service) -> dict[str, Any]:
    return service.bloquer_creneau(agent, creneau_id, False)


@router.get("/agent/journal", tags=["agent"], summary="Journal des réservations faites par les professionnels",
            responses=ERREURS_AGENT)
def journal(agent: Agent, service: Service, tous: bool = False) -> list[dict[str, Any]]:
    """Ses propres actions ; ``tous=true`` : celles de tous, pour un agent sans lieu (responsable)."""
    return service.journal_pro(None if tous and agent.lieu_id is None else agent)

"""Métriques Prometheus de la passerelle (issue 14) : ``GET /metrics``, en local seulement (127.0.0.1,
::1) ou avec ``Authorization: Bearer $METRIQUES_JETON``.

- ``passerelle_tours_total{canal, statut}`` et ``passerelle_tour_secondes{canal}`` (latence d'un tour) ;
- ``passerelle_verdicts_total{droit, statut}`` (chaque ``custom.resultats``) ;
- ``passerelle_rendez_vous_conversation_total{etape}`` (``custom.rdv`` : reserve, confirme, annule) ;
- ``passerelle_refus_debit_total{limite}`` (``ip``, ``expediteur``) ;
- lus dans la base à chaque lecture (justes quel que soit le processus qui a agi) :
  ``rdv_rendez_vous{statut}`` et ``rdv_sms{type, statut}`` (SMS envoyés, en échec, en attente).

Plusieurs workers : ``PROMETHEUS_MULTIPROC_DIR`` (posé par ``make run-prod``) fait additionner les
compteurs de tous les processus. Aucune étiquette ne contient un texte, un numéro ni un pseudonyme.
"""

from __future__ import annotations

import ipaddress
import logging
import os

from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily

log = logging.getLogger("passerelle.metriques")

TOURS = Counter("passerelle_tours_total", "Messages relayés à Rasa, par canal et par issue", ["canal", "statut"])
LATENCE = Histogram("passerelle_tour_secondes", "Durée d'un tour (Rasa et actions compris)", ["canal"],
                    buckets=(0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0, 1.5, 2.5, 5.0, 10.0, 30.0))
VERDICTS = Counter("passerelle_verdicts_total", "Verdicts rendus, par droit et par statut", ["droit", "statut"])
RDV = Counter("passerelle_rendez_vous_conversation_total", "Étapes de rendez-vous dans les conversations", ["etape"])
REFUS = Counter("passerelle_refus_debit_total", "Requêtes refusées par une limite de débit", ["limite"])


class Metriques:
    """Les compteurs, vus depuis la garde et le relais (un objet : facile à passer, à remplacer)."""

    refus_debit = REFUS

    def tour(self, canal: str, statut: str, duree: float | None = None, messages: list[dict] | None = None) -> None:
        TOURS.labels(canal, statut).inc()
        if duree is not None:
            LATENCE.labels(canal).observe(duree)
        for m in messages or []:
            custom = m.get("custom")
            if not isinstance(custom, dict):
                continue
            resultats = custom.get("resultats")
            if isinstance(resultats, dict) and isinstance(resultats.get("droits"), dict):
                for droit, r in resultats["droits"].items():
                    if isinstance(r, dict):
                        VERDICTS.labels(str(droit)[:20], str(r.get("statut"))[:20]).inc()
            rdv = custom.get("rdv")
            if isinstance(rdv, dict) and rdv.get("etape") in ("reserve", "confirme", "annule"):
                RDV.labels(rdv["etape"]).inc()


class _Base:
    """Jauges lues dans la base des rendez-vous au moment de la lecture."""

    def __init__(self, service):
        self.service = service

    def collect(self):
        if self.service is None:
            return
        from sqlalchemy import func, select

        from rdv.modeles import RendezVous, SmsSortant

        rdv = GaugeMetricFamily("rdv_rendez_vous", "Rendez-vous en base, par statut", labels=["statut"])
        sms = GaugeMetricFamily("rdv_sms", "SMS de la file d'envoi, par type et statut", labels=["type", "statut"])
        try:
            with self.service.sessions() as s:
                for statut, n in s.execute(select(RendezVous.statut, func.count()).group_by(RendezVous.statut)):
                    rdv.add_metric([statut], n)
                for t, statut, n in s.execute(select(SmsSortant.type, SmsSortant.statut, func.count())
                                              .group_by(SmsSortant.type, SmsSortant.statut)):
                    sms.add_metric([t, statut], n)
        except Exception as exc:  # base arrêtée : les compteurs du processus restent lisibles
            log.warning("métriques de la base illisibles (%s)", type(exc).__name__)
            return
        yield rdv
        yield sms


def exposer(service) -> bytes:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        registre = CollectorRegistry()
        multiprocess.MultiProcessCollector(registre)
    else:
        registre = REGISTRY
    base = CollectorRegistry()
    base.register(_Base(service))
    return generate_latest(registre) + generate_latest(base)


def autorise(hote: str | None, entete: str | None) -> bool:
    jeton = os.environ.get("METRIQUES_JETON") or ""
    if jeton and entete:
        import hmac

        return hmac.compare_digest(entete.encode(), f"Bearer {jeton}".encode())
    try:
        return ipaddress.ip_address(hote or "").is_loopback
    except ValueError:
        return hote == "testclient"


def routeur() -> APIRouter:
    r = APIRouter()

    @r.get("/metrics", tags=["santé"], summary="Métriques Prometheus (local, ou Bearer METRIQUES_JETON)")
    async def metriques(request: Request) -> Response:
        import asyncio

        if not autorise(request.client.host if request.client else None, request.headers.get("authorization")):
            return Response("Interdit.", status_code=403)
        corps = await asyncio.to_thread(exposer, request.app.state.passerelle.rdv)
        return Response(corps, media_type=CONTENT_TYPE_LATEST)

    return r

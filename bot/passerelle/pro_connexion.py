"""Connexion des professionnels à ``/pro`` (issue 14) : comptes personnels, mots de passe hachés
(scrypt, ``rdv.service``) ou jetons d'agent existants (``python -m rdv agent-creer``).

- ``GET /pro/connexion`` : le formulaire (HTML sans script ni ressource externe) ;
- ``POST /pro/connexion`` : identifiant et mot de passe, ou jeton d'agent → cookie ``pro_session``
  (HttpOnly, SameSite=Strict, Secure derrière HTTPS), 10 heures ; les échecs freinent l'adresse IP ;
- ``POST /pro/deconnexion`` : la session est effacée de la base.

La session est gardée dans la base des rendez-vous (table ``session_pro``) : toutes les instances de
la passerelle la voient. ``rdv.api`` accepte ce cookie pour réserver (noté au journal ``journal_pro``).
``/pro`` elle-même n'est fermée qu'avec ``PRO_CONNEXION=1`` (le défaut en production).
"""

from __future__ import annotations

import asyncio
import html
import logging

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

log = logging.getLogger("passerelle.pro")

COOKIE = "pro_session"
DUREE = 10 * 3600

PAGE = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Connexion des professionnels</title><link rel="stylesheet" href="/static/pro.css"></head>
<body><main>
<h1>Connexion des professionnels</h1>
<p>Cette page sert aux travailleurs sociaux. Connectez-vous pour réserver un rendez-vous pour une personne.</p>
{erreur}
<form method="post" action="/pro/connexion">
<p><label for="identifiant">Identifiant</label><br><input id="identifiant" name="identifiant" autocomplete="username" maxlength="80"></p>
<p><label for="mot_de_passe">Mot de passe</label><br><input id="mot_de_passe" name="mot_de_passe" type="password" autocomplete="current-password" maxlength="200"></p>
<p>Ou bien, votre jeton d'agent :<br><label for="jeton">Jeton</label><br><input id="jeton" name="jeton" type="password" maxlength="200"></p>
<p><button type="submit">Me connecter</button></p>
</form>
</main></body></html>"""

ERREUR = "<p role=\"alert\">L'identifiant, le mot de passe ou le jeton ne va pas. Réessayez.</p>"
TROP = "<p role=\"alert\">Trop d'essais. Attendez quelques minutes, puis réessayez.</p>"


def _service(request: Request):
    return request.app.state.passerelle.rdv


async def session_valide(request: Request) -> bool:
    service = _service(request)
    jeton = request.cookies.get(COOKIE)
    if service is None or not jeton:
        return False
    try:
        return await asyncio.to_thread(service.agent_de_session, jeton) is not None
    except Exception as exc:  # base arrêtée : pas de session (on redemande la connexion)
        log.warning("session /pro illisible (%s)", type(exc).__name__)
        return False


def routeur() -> APIRouter:
    r = APIRouter(tags=["professionnels"])

    @r.get("/pro/connexion", response_class=HTMLResponse, summary="Formulaire de connexion des professionnels")
    async def formulaire() -> HTMLResponse:
        return HTMLResponse(PAGE.format(erreur=""))

    @r.post("/pro/connexion", summary="Connexion : identifiant et mot de passe, ou jeton d'agent")
    async def connexion(request: Request) -> Response:
        from rdv.api import frein
        from rdv.frein import cle_ip

        service = _service(request)
        ip = cle_ip(request.client.host if request.client else None)
        if frein().attente(ip) > 0:
            return HTMLResponse(PAGE.format(erreur=TROP), status_code=429)
        formulaire = await request.form()
        champ = {k: (formulaire.get(k) or "") for k in ("identifiant", "mot_de_passe", "jeton")}
        champ = {k: v if isinstance(v, str) else "" for k, v in champ.items()}
        resultat = None
        if service is not None:
            resultat = await asyncio.to_thread(
                service.connecter, champ["identifiant"][:80] or None, champ["mot_de_passe"][:200] or None,
                champ["jeton"][:200] or None)
        if resultat is None:
            frein().echec(ip)
            log.info("connexion /pro refusée")
            return HTMLResponse(PAGE.format(erreur=ERREUR), status_code=401)
        agent, jeton = resultat
        log.info("connexion /pro de l'agent %s", agent.id)
        reponse = RedirectResponse("/pro", status_code=303)
        securise = request.url.scheme == "https" or request.app.state.passerelle.reglages.production
        reponse.set_cookie(COOKIE, jeton, max_age=DUREE, httponly=True, samesite="strict", secure=securise,
                           path="/")
        return reponse

    @r.post("/pro/deconnexion", summary="Déconnexion (la session est effacée)")
    async def deconnexion(request: Request) -> Response:
        service = _service(request)
        jeton = request.cookies.get(COOKIE)
        if service is not None and jeton:
            await asyncio.to_thread(service.deconnecter, jeton)
        reponse = RedirectResponse("/pro/connexion", status_code=303)
        reponse.delete_cookie(COOKIE, path="/")
        return reponse

    return r


__all__ = ["routeur", "session_valide", "html"]

"""Outils de test : serveurs locaux dans un fil (uvicorn), faux Rasa, faux serveur Bot API Telegram."""

from __future__ import annotations

import json
import secrets
import socket
import threading
import time
from typing import Any, Callable

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route


def prise_libre() -> socket.socket:
    """Une prise déjà liée à un port libre de 127.0.0.1 (pas de course entre choix et écoute)."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 0))
    return s


def port_ferme() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class ServeurFil:
    """Lance une application ASGI avec uvicorn dans un fil, sur un port libre."""

    def __init__(self, app, lifespan: str = "off"):
        self.prise = prise_libre()
        self.port = self.prise.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, log_level="warning", lifespan=lifespan, access_log=False)
        self.serveur = uvicorn.Server(config)
        self.fil = threading.Thread(target=self.serveur.run, kwargs={"sockets": [self.prise]}, daemon=True)

    def __enter__(self) -> "ServeurFil":
        self.fil.start()
        limite = time.monotonic() + 20
        while not self.serveur.started:
            if time.monotonic() > limite or not self.fil.is_alive():
                raise RuntimeError("le serveur de test n'a pas démarré")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.serveur.should_exit = True
        self.fil.join(timeout=15)
        self.prise.close()


def attendre(condition: Callable[[], Any], delai: float = 10.0, pas: float = 0.02):
    limite = time.monotonic() + delai
    while time.monotonic() < limite:
        valeur = condition()
        if valeur:
            return valeur
        time.sleep(pas)
    raise AssertionError("condition jamais remplie")


# --------------------------------------------------------------------------------------------
# Faux Rasa : canal REST scénarisé, conforme au contrat (custom.question, custom.resultats).
# --------------------------------------------------------------------------------------------

LOGEMENTS = [("À la rue", "/informer{\"logement\": \"rue\"}"),
             ("Au 115 ou en centre", "/informer{\"logement\": \"centre_hebergement\"}"),
             ("Chez quelqu'un", "/informer{\"logement\": \"heberge_gratuitement\"}")]
OUI_NON = [("Oui", "/affirmer"), ("Non", "/nier")]

RESULTATS = {
    "date": "2025-12-03",
    "droits": {
        "ame": {"statut": "eligible", "montant_mensuel": None, "etape": "Allez à la CPAM avec votre passeport.",
                "resume": "Vous avez sans doute droit à l'AME. L'AME, c'est l'aide médicale de l'État.",
                "raisons": ["Vous êtes en France depuis plus de 3 mois."], "manquants": [],
                "pieces": ["Une preuve de présence en France depuis 3 mois"],
                "ou_aller": [{"nom": "CPAM de Paris", "adresse": "Paris", "horaires": "9 h - 17 h",
                              "telephone": "3646", "verifie": True, "source": "test", "date_source": "2025-01-01"}],
                "references": []},
        "rsa": {"statut": "non_eligible", "montant_mensuel": None,
                "resume": "Vous n'avez sans doute pas droit au RSA pour le moment.",
                "raisons": ["Il faut un titre de séjour depuis 5 ans."], "manquants": [], "pieces": [],
                "ou_aller": [], "references": []},
        "fsl": {"statut": "non_eligible", "montant_mensuel": None, "resume": "Le FSL ne vous concerne pas.",
                "raisons": [], "manquants": [], "pieces": [], "ou_aller": [], "references": []},
        "domiciliation": {"statut": "eligible", "montant_mensuel": None,
                          "resume": "Vous pouvez demander une domiciliation.", "raisons": [], "manquants": [],
                          "pieces": [], "ou_aller": [], "references": []},
    },
    "rendez_vous_des_droits": None,
}

OFFRE_RDV = "Un rendez-vous des droits peut vous aider. Le voulez-vous ?"
TEXTE_VERDICT = ("Voici ce que je peux vous dire.\nAME : oui, sans doute.\n→ Allez à la CPAM.\n"
                 "RSA : non, sans doute.\nFSL : non, sans doute.\nDomiciliation : oui, sans doute.\n" + OFFRE_RDV)

TEXTE_LONG = " ".join(f"Voici la phrase numéro {i} de cette très longue réponse du bot." for i in range(120))


def _boutons(paires):
    return [{"title": t, "payload": p} for t, p in paires]


CONSENTEMENT = "Je garde vos réponses 1 heure. Je vous informe mais je ne décide pas."


MESSAGE_EFFACEMENT = "oui, effacez tout"  # la confirmation de supprimer_donnees, dans le faux Rasa
CONFIRMATION_EFFACEMENT = "C'est fait. J'ai effacé vos réponses et cette conversation."


class FauxRasa:
    """Canal REST de Rasa, scénarisé : logement (choix) → Paris (oui/non) → verdict.

    Comme le vrai : le premier message d'un expéditeur reçoit d'abord le consentement ;
    « bonjour » ne reçoit que lui. « oui, effacez tout » reçoit la confirmation d'effacement avec
    ``custom.donnees_supprimees`` (comme l'action supprimer_donnees).

    L'API HTTP (``--enable-api --auth-token``) : ``GET /status`` et ``PUT
    /conversations/{id}/tracker/events`` exigent ``?token=<jeton>`` (401 sinon) ; chaque PUT est
    noté dans ``vidages`` (pseudonyme, jeton reçu, corps) et oublie l'expéditeur.
    """

    def __init__(self, jeton: str | None = None):
        self.jeton = jeton or f"jeton-faux-rasa-{secrets.token_hex(8)}"
        self.recus: list[tuple[str, str]] = []
        self.langues: list[tuple[str, str | None]] = []  # (pseudonyme, langue des métadonnées) de chaque message
        self.etats: dict[str, int] = {}
        self.vus: set[str] = set()
        self.vidages: list[tuple[str, str | None, Any]] = []
        self.refuser_vidages = False  # pour simuler une API en panne (503)
        self.verrou = threading.Lock()
        self.app = Starlette(routes=[
            Route("/", self.bonjour),
            Route("/health", self.sante),
            Route("/status", self.statut),
            Route("/webhooks/rest/webhook", self.webhook, methods=["POST"]),
            Route("/conversations/{conversation_id:path}/tracker/events", self.remplacer, methods=["PUT"]),
        ])

    async def bonjour(self, request: Request):
        return PlainTextResponse("Hello from Rasa: 3.6.21")

    async def statut(self, request: Request):
        if request.query_params.get("token") != self.jeton:
            return JSONResponse({"status": "failure", "reason": "NotAuthenticated"}, status_code=401)
        return JSONResponse({"model_file": "faux.tar.gz", "model_id": "faux", "num_active_training_jobs": 0})

    async def remplacer(self, request: Request):
        pseudo = request.path_params["conversation_id"]
        jeton = request.query_params.get("token")
        corps = await request.json()
        with self.verrou:
            self.vidages.append((pseudo, jeton, corps))
            if jeton != self.jeton:
                return JSONResponse({"status": "failure", "reason": "NotAuthenticated"}, status_code=401)
            if self.refuser_vidages:
                return JSONResponse({"status": "failure"}, status_code=503)
            self.etats.pop(pseudo, None)
            self.vus.discard(pseudo)
        return JSONResponse({"sender_id": pseudo, "slots": {}, "events": []})

    def vidages_de(self, pseudo: str) -> list[tuple[str | None, Any]]:
        with self.verrou:
            return [(j, c) for p, j, c in self.vidages if p == pseudo]

    async def sante(self, request: Request):
        return JSONResponse({"status": "ok"})

    def messages_de(self, pseudo: str) -> list[str]:
        with self.verrou:
            return [m for s, m in self.recus if s == pseudo]

    def tous(self) -> list[tuple[str, str]]:
        with self.verrou:
            return list(self.recus)

    def repondre(self, sender: str, message: str) -> list[dict]:
        if message == "/restart":
            self.etats.pop(sender, None)
            self.vus.discard(sender)
            return []
        premier = sender not in self.vus
        self.vus.add(sender)
        reponse = self.scenario(sender, message)
        if premier:
            reponse = [{"recipient_id": sender, "text": CONSENTEMENT}] + reponse
        return reponse

    def scenario(self, sender: str, message: str) -> list[dict]:
        if message == "bonjour":
            return []
        if message == "long":
            return [{"recipient_id": sender, "text": TEXTE_LONG}]
        if message == "longue question":  # un long texte, puis une question à boutons (SMS : SUITE)
            return [{"recipient_id": sender, "text": TEXTE_LONG},
                    {"recipient_id": sender, "text": "Vivez-vous à Paris ?", "buttons": _boutons(OUI_NON)}]
        if message == MESSAGE_EFFACEMENT:
            self.etats.pop(sender, None)
            return [
                {"recipient_id": sender, "text": CONFIRMATION_EFFACEMENT},
                {"recipient_id": sender, "custom": {"donnees_supprimees": True}},
                {"recipient_id": sender, "text": "Que voulez-vous savoir ?",
                 "buttons": _boutons([("Tous mes droits", "/verifier_droits")])},
            ]
        if message.startswith("echo "):
            return [{"recipient_id": sender, "text": message[5:]}]
        etat = self.etats.get(sender, 0)
        if etat == 0:
            self.etats[sender] = 1
            return [
                {"recipient_id": sender, "text": "D'accord. Où dormez-vous en ce moment ?",
                 "buttons": _boutons(LOGEMENTS)},
                {"recipient_id": sender, "custom": {"question": "logement"}},
            ]
        if etat == 1:
            self.etats[sender] = 2
            return [
                {"recipient_id": sender, "text": "Vivez-vous à Paris ?", "buttons": _boutons(OUI_NON)},
                {"recipient_id": sender, "custom": {"question": "vit_a_paris"}},
            ]
        self.etats[sender] = 3
        # Comme le vrai (bot/actions/verdict.py) : un texte court, l'offre et ses boutons, puis le custom.
        return [
            {"recipient_id": sender, "text": TEXTE_VERDICT,
             "buttons": _boutons([("Oui, un rendez-vous", "/affirmer"),
                                  ("Pourquoi ?", '/demander_documents{"detail":"pourquoi"}'),
                                  ("Quoi apporter ?", "/demander_documents"), ("Où aller ?", "/demander_lieu"),
                                  ("Non merci", "/nier")])},
            {"recipient_id": sender, "custom": {"resultats": RESULTATS, "verdict": {
                "droits": ["ame", "rsa", "fsl", "domiciliation"], "offre": OFFRE_RDV}}},
        ]

    async def webhook(self, request: Request):
        donnees = await request.json()
        sender, message = donnees["sender"], donnees["message"]
        with self.verrou:
            self.recus.append((sender, message))
            self.langues.append((sender, (donnees.get("metadata") or {}).get("langue")))
            reponse = self.repondre(sender, message)
        return JSONResponse(reponse)


# --------------------------------------------------------------------------------------------
# Faux serveur Bot API Telegram (PTB : base_url=http://127.0.0.1:PORT/bot)
# --------------------------------------------------------------------------------------------

class FauxTelegram:
    def __init__(self, token: str, nom: str = "faux_droits_bot"):
        self.token = token
        self.nom = nom
        self.verrou = threading.Lock()
        self.updates: list[dict] = []
        self.prochain_update = 1
        self.appels: list[tuple[str, dict]] = []
        self.message_id = 100
        self.app = Starlette(routes=[
            Route("/bot{token}/{methode}", self.api, methods=["GET", "POST"]),
        ])

    # côté test
    def pousser(self, update: dict) -> int:
        with self.verrou:
            update = dict(update, update_id=self.prochain_update)
            self.prochain_update += 1
            self.updates.append(update)
            return update["update_id"]

    def appels_de(self, methode: str) -> list[dict]:
        with self.verrou:
            return [p for m, p in self.appels if m == methode]

    def messages_vers(self, chat_id: int) -> list[dict]:
        return [p for p in self.appels_de("sendMessage") if int(p.get("chat_id")) == chat_id]

    @staticmethod
    def update_texte(chat_id: int, texte: str, langue: str | None = None) -> dict:
        message = {"message_id": int(time.time() * 1000) % 10**9, "date": int(time.time()),
                   "chat": {"id": chat_id, "type": "private", "first_name": "Test"},
                   "from": {"id": chat_id, "is_bot": False, "first_name": "Test"}, "text": texte}
        if langue:
            message["from"]["language_code"] = langue  # la langue de l'application Telegram
        if texte.startswith("/"):
            commande = texte.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(commande)}]
        return {"message": message}

    @staticmethod
    def update_bouton(chat_id: int, donnees: str) -> dict:
        return {"callback_query": {
            "id": f"cb{time.monotonic_ns()}", "chat_instance": "ci", "data": donnees,
            "from": {"id": chat_id, "is_bot": False, "first_name": "Test"},
            "message": {"message_id": 7, "date": int(time.time()),
                        "chat": {"id": chat_id, "type": "private", "first_name": "Test"}, "text": "question"}}}

    # côté serveur
    async def api(self, request: Request):
        if request.path_params["token"] != self.token:
            return JSONResponse({"ok": False, "error_code": 401, "description": "Unauthorized"}, status_code=401)
        methode = request.path_params["methode"]
        parametres: dict[str, Any] = dict(request.query_params)
        type_contenu = request.headers.get("content-type", "")
        if "json" in type_contenu:
            parametres.update(await request.json())
        elif type_contenu:
            formulaire = await request.form()
            for cle, valeur in formulaire.items():
                if isinstance(valeur, str):
                    try:
                        parametres[cle] = json.loads(valeur)
                    except ValueError:
                        parametres[cle] = valeur
        if methode != "getUpdates":
            with self.verrou:
                self.appels.append((methode, parametres))
        gestion = getattr(self, "m_" + methode, None)
        if gestion is None:
            return JSONResponse({"ok": True, "result": True})
        resultat = await gestion(parametres)
        return JSONResponse({"ok": True, "result": resultat})

    async def m_getMe(self, p):
        return {"id": 999, "is_bot": True, "first_name": "Faux bot", "username": self.nom,
                "can_join_groups": False, "can_read_all_group_messages": False, "supports_inline_queries": False}

    async def m_getUpdates(self, p):
        import asyncio

        decalage = int(p.get("offset") or 0)
        delai = min(float(p.get("timeout") or 0), 1.0)
        limite = time.monotonic() + delai
        while True:
            with self.verrou:
                self.updates = [u for u in self.updates if u["update_id"] >= decalage]
                prets = list(self.updates)
            if prets or time.monotonic() >= limite:
                return prets
            await asyncio.sleep(0.02)

    async def m_sendMessage(self, p):
        with self.verrou:
            self.message_id += 1
            mid = self.message_id
        return {"message_id": mid, "date": int(time.time()),
                "chat": {"id": int(p["chat_id"]), "type": "private"}, "text": p.get("text", "")}

    async def m_editMessageReplyMarkup(self, p):
        return {"message_id": int(p.get("message_id") or 1), "date": int(time.time()),
                "chat": {"id": int(p.get("chat_id") or 0), "type": "private"}, "text": "question"}

    async def m_getWebhookInfo(self, p):
        return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}

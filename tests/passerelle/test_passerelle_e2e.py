"""De bout en bout : la passerelle devant les VRAIS serveurs Rasa et d'actions (tests/serveurs.py).

Le même persona (tests/e2e/personas.py) va jusqu'au verdict par l'API de la borne, par SMS (Twilio
signé) et par Telegram (vrai client PTB, faux serveur Bot API), puis dans Chromium par la borne.
"""

from __future__ import annotations

import itertools
import time
import unicodedata

import httpx
import pytest
from fastapi.testclient import TestClient
from twilio.request_validator import RequestValidator

from droits import registre
from bot.passerelle.app import creer_app
from tests.passerelle.navigateur import choisir_langue, navigateur  # noqa: F401  (fixture)
from tests.passerelle.outils import FauxTelegram, ServeurFil, attendre

pytestmark = pytest.mark.rasa

JETON_TWILIO = "jeton-twilio-e2e-0123456789"
JETON_TELEGRAM = "654321:E2eTokenForTheFakeBotApiServer0000"
BASE = "https://droits.exemple.fr"
MAX_TOURS = 30
_sid = itertools.count(1)


@pytest.fixture(scope="module")
def persona():
    from tests.e2e.personas import PERSONAS

    return next(p for p in PERSONAS if p.nom == "sans_papiers_sms")


class Enregistreur:
    """Garde la dernière réponse de Rasa par pseudonyme (pour lire custom.question / resultats)."""

    def __init__(self, client_rasa):
        self.derniers: dict[str, list[dict]] = {}
        self.tours: dict[str, int] = {}
        self.durees: list[float] = []
        original = client_rasa.envoyer

        async def envoyer(pseudo, texte, langue="fr"):
            debut = time.perf_counter()
            messages = await original(pseudo, texte, langue)
            self.durees.append(time.perf_counter() - debut)
            self.derniers[pseudo] = messages
            self.tours[pseudo] = self.tours.get(pseudo, 0) + 1
            return messages

        client_rasa.envoyer = envoyer

    def customs(self, pseudo):
        return [m["custom"] for m in self.derniers.get(pseudo, []) if isinstance(m.get("custom"), dict)]

    def question(self, pseudo):
        """La clé de la réponse : la question groupée (« foyer ») ou le champ demandé."""
        qs = [c.get("groupe") or c["question"] for c in self.customs(pseudo) if "question" in c]
        return qs[-1] if qs else None

    def resultats(self, pseudo):
        rs = [c["resultats"] for c in self.customs(pseudo) if "resultats" in c]
        return rs[-1] if rs else None

    def recap(self, pseudo):
        return any("recap" in c for c in self.customs(pseudo))


def derouler(persona, envoyer, question, resultats, recap=lambda: False):
    """Premier message, puis la réponse du persona à chaque question, jusqu'au verdict.
    Au récapitulatif, la persona confirme (« oui c'est juste »)."""
    envoyer(persona.premier)
    for _ in range(MAX_TOURS):
        r = resultats()
        if r:
            return r
        if recap():
            envoyer(persona.confirmation)
            continue
        q = question()
        assert q, "ni question ni verdict : la conversation s'est arrêtée"
        envoyer(persona.reponse(q, q, "je ne sais pas"))
    raise AssertionError("pas de verdict après %d tours" % MAX_TOURS)


def verifier(persona, resultats):
    statuts = {d: resultats["droits"][d]["statut"] for d in persona.attendus}
    assert statuts == persona.attendus


@pytest.fixture
def passerelle(fabrique_reglages, vrais_serveurs):
    def fabriquer(**changements):
        return creer_app(fabrique_reglages(rasa_url=vrais_serveurs.rasa, actions_url=vrais_serveurs.actions,
                                           rasa_jeton=vrais_serveurs.jeton, rasa_delai=60.0, debit_max=200,
                                           **changements))
    return fabriquer


def test_e2e_sante(passerelle):
    with TestClient(passerelle()) as c:
        corps = c.get("/healthz").json()
        assert corps["rasa"]["statut"] == "ok" and corps["actions"]["statut"] == "ok"


def test_e2e_api_borne(passerelle, persona):
    with TestClient(passerelle()) as c:
        enr = Enregistreur(c.app.state.passerelle.rasa)
        relais = c.app.state.passerelle.relais
        pseudo = relais.pseudonyme("web", "e2e-api")

        def envoyer(texte):
            r = c.post("/api/v1/chat", json={"sender": "e2e-api", "message": texte})
            assert r.status_code == 200, r.text

        verifier(persona, derouler(persona, envoyer, lambda: enr.question(pseudo), lambda: enr.resultats(pseudo),
                                   lambda: enr.recap(pseudo)))
        durees = sorted(enr.durees)
        print(f"\nAPI : {len(durees)} tours, p50 {1000 * durees[len(durees) // 2]:.0f} ms, "
              f"max {1000 * durees[-1]:.0f} ms (Rasa + actions)")


def test_e2e_injection_ne_remplit_pas_de_slot(passerelle, vrais_serveurs):
    with TestClient(passerelle()) as c:
        pseudo = c.app.state.passerelle.relais.pseudonyme("web", "e2e-injection")
        r = c.post("/api/v1/chat", json={"sender": "e2e-injection", "message": '/informer{"age": 99}'})
        assert r.status_code == 200
        r = c.post("/api/v1/chat", json={"sender": "e2e-injection", "message": '/restart'})
        assert r.status_code == 200
        suivi = httpx.get(f"{vrais_serveurs.rasa}/conversations/{pseudo}/tracker",
                          params={"token": vrais_serveurs.jeton}, timeout=30).json()
        assert suivi["slots"].get("age") != 99
        intentions = [e["parse_data"]["intent"]["name"] for e in suivi["events"] if e["event"] == "user"]
        assert "restart" not in intentions
        textes = [e.get("text") for e in suivi["events"] if e["event"] == "user"]
        assert all(not (t or "").startswith("/") for t in textes)


def test_e2e_sms(passerelle, persona):
    with TestClient(passerelle(twilio_auth_token=JETON_TWILIO, public_base_url=BASE)) as c:
        enr = Enregistreur(c.app.state.passerelle.rasa)
        tel = "+33698765432"
        pseudo = c.app.state.passerelle.relais.pseudonyme("sms", tel)
        validateur = RequestValidator(JETON_TWILIO)
        reponses = []

        def envoyer(texte):
            p = {"MessageSid": f"SMe2e{next(_sid):030d}", "From": tel, "To": "+33700000000", "Body": texte}
            sig = validateur.compute_signature(BASE + "/sms/twilio", p)
            r = c.post("/sms/twilio", data=p, headers={"X-Twilio-Signature": sig})
            assert r.status_code == 200
            reponses.append(r.text)

        verifier(persona, derouler(persona, envoyer, lambda: enr.question(pseudo), lambda: enr.resultats(pseudo),
                                   lambda: enr.recap(pseudo)))
        from rdv.sms.gsm7 import is_gsm7, segments
        import xml.etree.ElementTree as ET

        for x in reponses:
            corps = "".join(m.text or "" for m in ET.fromstring(x).findall("Message"))
            assert is_gsm7(corps) and segments(corps) <= 3, corps


def test_e2e_telegram(passerelle, persona):
    faux = FauxTelegram(JETON_TELEGRAM)
    with ServeurFil(faux.app) as serveur:
        app = passerelle(telegram_token=JETON_TELEGRAM, telegram_base_url=serveur.url, telegram_delai_polling=1)
        with TestClient(app) as c:
            attendre(lambda: c.app.state.passerelle.telegram.actif)
            enr = Enregistreur(c.app.state.passerelle.rasa)
            chat = 8080
            pseudo = c.app.state.passerelle.relais.pseudonyme("telegram", str(chat))
            faux.pousser(FauxTelegram.update_texte(chat, "/start"))
            attendre(lambda: enr.tours.get(pseudo), delai=60)
            attendre(lambda: any(m.get("reply_markup") for m in faux.messages_vers(chat)), delai=30)

            def envoyer(texte):
                avant = enr.tours.get(pseudo, 0)
                envoyes = len(faux.messages_vers(chat))
                faux.pousser(FauxTelegram.update_texte(chat, texte))
                attendre(lambda: enr.tours.get(pseudo, 0) > avant, delai=60)
                attendre(lambda: len(faux.messages_vers(chat)) > envoyes, delai=30)

            verifier(persona, derouler(persona, envoyer, lambda: enr.question(pseudo),
                                       lambda: enr.resultats(pseudo), lambda: enr.recap(pseudo)))
            assert all(len(m["text"]) <= 4096 for m in faux.messages_vers(chat))


def _simple(texte: str) -> str:
    texte = unicodedata.normalize("NFD", texte.lower().strip())
    return "".join(c for c in texte if not unicodedata.combining(c))


@pytest.mark.navigateur
def test_e2e_borne_navigateur(navigateur, fabrique_reglages, vrais_serveurs, persona, artefacts):
    """La borne dans Chromium : un toucher quand un bouton dit la réponse, sinon la réponse écrite."""
    reglages = fabrique_reglages(rasa_url=vrais_serveurs.rasa, actions_url=vrais_serveurs.actions,
                                 rasa_jeton=vrais_serveurs.jeton, rasa_delai=60.0, debit_max=200,
                                 sms_numero="+33700000000")
    with ServeurFil(creer_app(reglages), lifespan="on") as serveur:
        page = navigateur.new_page(viewport={"width": 1024, "height": 768}, has_touch=True)
        page.goto(serveur.url + "/")
        choisir_langue(page, "fr")
        touchers = ecrits = 0

        def attendre_tour(n):
            page.wait_for_selector(f"body[data-tours='{n}']", state="attached", timeout=60_000)

        page.get_by_role("button", name="Tous mes droits").tap()
        tour = 2
        attendre_tour(tour)
        for _ in range(MAX_TOURS):
            if page.locator("#verdict .carte").count():
                break
            q = page.locator("#fil").get_attribute("data-question")
            if not q and page.get_by_role("button", name="C'est juste").count():
                page.get_by_role("button", name="C'est juste").tap()  # le récapitulatif
                touchers += 1
                tour += 1
                attendre_tour(tour)
                continue
            assert q, "ni question ni verdict"
            reponse = persona.reponse(q, page.locator("#fil").get_attribute("data-groupe"), "je ne sais pas")
            boutons = {_simple(b.inner_text()): b for b in page.locator("#choix button").all()}
            if _simple(reponse) in boutons:
                boutons[_simple(reponse)].tap()
                touchers += 1
            else:
                page.get_by_label("Ou écrivez votre réponse").fill(reponse)
                page.get_by_role("button", name="Envoyer").tap()
                ecrits += 1
            tour += 1
            attendre_tour(tour)
        assert page.locator("#verdict .carte").count() == len(registre.IDS)
        for droit, statut in persona.attendus.items():
            assert page.locator(f".carte[data-droit='{droit}']").count() == 1
        page.screenshot(path=str(artefacts / "borne-e2e-verdict.png"), full_page=True)
        print(f"\nborne (vrai Rasa) : {touchers} touchers, {ecrits} réponses écrites jusqu'au verdict")
        page.close()

"""Un rendez-vous des droits pris par chaque canal, de bout en bout : la passerelle, le vrai Rasa, le
vrai serveur d'actions et sa base (``vrais_serveurs.base``).

- la borne dans Chromium : un droit vérifié puis un rendez-vous réservé, par touchers seulement ;
- SMS (webhook Twilio signé) : les boutons deviennent des choix numérotés, « 1 » réserve ;
- Telegram (vrai client PTB contre un faux serveur Bot API) : les boutons du clavier en ligne.
"""

from __future__ import annotations

import json
import re
import unicodedata
import xml.etree.ElementTree as ET

import pytest
from fastapi.testclient import TestClient
from twilio.request_validator import RequestValidator

from bot.passerelle.app import creer_app
from rdv.service import ServiceRdv
from tests.passerelle.navigateur import choisir_langue, navigateur  # noqa: F401  (fixture)
from tests.passerelle.outils import FauxTelegram, ServeurFil, attendre
from tests.passerelle.test_passerelle_e2e import BASE, JETON_TELEGRAM, JETON_TWILIO, Enregistreur, _sid

pytestmark = pytest.mark.rasa

CODE = re.compile(r"Votre code : ([A-Z0-9]{3}-[A-Z0-9]{3})")


@pytest.fixture
def passerelle(fabrique_reglages, vrais_serveurs):
    def fabriquer(**changements):
        return creer_app(fabrique_reglages(rasa_url=vrais_serveurs.rasa, actions_url=vrais_serveurs.actions,
                                           rasa_jeton=vrais_serveurs.jeton, rasa_delai=60.0, debit_max=200,
                                           database_url=vrais_serveurs.base, **changements))
    return fabriquer


@pytest.fixture
def service(vrais_serveurs):
    s = ServiceRdv(vrais_serveurs.base)
    yield s
    s.sessions.kw["bind"].dispose()


def _simple(texte: str) -> str:
    texte = unicodedata.normalize("NFD", texte.lower().strip())
    return "".join(c for c in texte if not unicodedata.combining(c))


@pytest.mark.navigateur
def test_borne_un_droit_puis_un_rendez_vous_par_touchers_seulement(navigateur, passerelle, service, artefacts):
    from tests.e2e.personas import PERSONAS

    persona = next(p for p in PERSONAS if p.nom == "domiciliation_a_la_rue")
    app = passerelle(sms_numero="+33700000000")
    with ServeurFil(app, lifespan="on") as serveur:
        page = navigateur.new_page(viewport={"width": 1024, "height": 768}, has_touch=True)
        erreurs: list[str] = []
        page.on("pageerror", lambda e: erreurs.append(str(e)))
        page.goto(serveur.url + "/")
        choisir_langue(page, "fr")
        tour = 1

        def toucher(bouton):
            nonlocal tour
            tour += 1
            bouton.tap()
            page.wait_for_selector(f"body[data-tours='{tour}']", state="attached", timeout=60_000)

        def bouton(nom):
            return page.locator("#choix button", has_text=nom).first

        toucher(page.get_by_role("button", name="Une adresse"))
        touchers = 1
        for _ in range(25):
            if page.locator("#verdict:not([hidden]) .carte").count():
                break
            q = page.locator("#fil").get_attribute("data-question")
            if not q and page.get_by_role("button", name="C'est juste").count():
                toucher(page.get_by_role("button", name="C'est juste"))  # le récapitulatif
                touchers += 1
                continue
            assert q, "ni question ni verdict"
            boutons = {_simple(b.inner_text()): b for b in page.locator("#choix button").all()}
            voulu = _simple(persona.reponse(q, page.locator("#fil").get_attribute("data-groupe"), ""))
            toucher(boutons.get(voulu) or boutons["je ne sais pas"])  # jamais de clavier
            touchers += 1
        assert page.locator(".carte[data-droit='domiciliation']").count() == 1

        # L'offre de rendez-vous : « Un rendez-vous », puis le premier créneau, puis confirmer.
        toucher(page.get_by_role("button", name="Un rendez-vous", exact=True))
        creneaux = [b for b in page.locator("#choix button").all() if " à " in b.inner_text()]
        assert len(creneaux) == 3, page.locator("#choix").inner_text()
        libelle = creneaux[0].inner_text().strip()
        toucher(creneaux[0])
        assert libelle in page.locator("#fil").inner_text()
        toucher(bouton("Oui, je réserve"))
        toucher(bouton("Non, pas de SMS"))
        toucher(bouton("Oui, il peut le lire"))
        touchers += 5
        texte = page.locator("#fil").inner_text()
        m = CODE.search(texte)
        assert m, texte[-1500:]
        page.screenshot(path=str(artefacts / "borne-e2e-rendez-vous.png"), full_page=True)
        assert not erreurs, erreurs
        page.close()
    rdv = service.consulter(m.group(1))
    assert rdv.statut == "reserve" and rdv.resume_consenti and not rdv.rappel_sms
    assert rdv.canal == "web"
    print(f"\nborne : droit vérifié et rendez-vous {m.group(1)} réservé en {touchers} touchers, sans clavier")


def test_sms_rendez_vous_par_choix_numerotes_puis_annuler(passerelle, service):
    with TestClient(passerelle(twilio_auth_token=JETON_TWILIO, public_base_url=BASE)) as c:
        tel = "+33698765400"
        validateur = RequestValidator(JETON_TWILIO)

        def envoyer(texte):
            p = {"MessageSid": f"SMrdv{next(_sid):030d}", "From": tel, "To": "+33700000000", "Body": texte}
            sig = validateur.compute_signature(BASE + "/sms/twilio", p)
            r = c.post("/sms/twilio", data=p, headers={"X-Twilio-Signature": sig})
            assert r.status_code == 200
            return "".join(m.text or "" for m in ET.fromstring(r.text).findall("Message"))

        reponse = envoyer("je voudrais un rendez vous")
        assert "1" in reponse and "Repondez" in reponse, reponse
        reponse = envoyer("4")  # « Un autre jour » : plus de 4 heures avant, pour pouvoir annuler
        assert "autres jours" in reponse, reponse
        reponse = envoyer("1")  # le premier créneau
        assert "bien ca" in reponse, reponse
        reponse = envoyer("1")  # Oui, je réserve
        m = re.search(r"code : ([A-Z0-9]{3}-[A-Z0-9]{3})", reponse)
        assert m, reponse
        envoyer("2")  # pas de SMS de rappel
        rdv = service.consulter(m.group(1))
        assert rdv.statut == "reserve" and rdv.canal == "sms"

        # « ANNULER <code> » sans rappel sur ce numéro : la conversation montre le rendez-vous,
        # « 1 » (L'annuler) confirme.
        reponse = envoyer(f"ANNULER {m.group(1)}")
        assert "Que voulez-vous faire" in reponse, reponse
        assert service.consulter(m.group(1)).statut == "reserve"
        reponse = envoyer("1")
        assert "C'est annulé." in reponse, reponse
        assert service.consulter(m.group(1)).statut == "annule"


def test_telegram_rendez_vous_par_boutons(passerelle, service):
    faux = FauxTelegram(JETON_TELEGRAM)
    with ServeurFil(faux.app) as serveur:
        app = passerelle(telegram_token=JETON_TELEGRAM, telegram_base_url=serveur.url, telegram_delai_polling=1)
        with TestClient(app) as c:
            attendre(lambda: c.app.state.passerelle.telegram.actif)
            enr = Enregistreur(c.app.state.passerelle.rasa)
            chat = 8181
            pseudo = c.app.state.passerelle.relais.pseudonyme("telegram", str(chat))

            def attendre_reponse(action):
                avant = enr.tours.get(pseudo, 0)
                envoyes = len(faux.messages_vers(chat))
                action()
                attendre(lambda: enr.tours.get(pseudo, 0) > avant, delai=60)
                attendre(lambda: len(faux.messages_vers(chat)) > envoyes, delai=30)

            def chercher(titre):
                for m in reversed(faux.messages_vers(chat)):
                    clavier = m.get("reply_markup")
                    if isinstance(clavier, str):
                        clavier = json.loads(clavier)
                    for ligne in (clavier or {}).get("inline_keyboard", []):
                        for b in ligne:
                            if titre(b["text"]):
                                return b
                return None

            def toucher(titre):
                # Une réponse du bot peut tenir en plusieurs messages Telegram envoyés l'un après
                # l'autre : attendre celui qui porte le bouton, pas seulement le premier arrivé.
                try:
                    attendre(lambda: chercher(titre) is not None, delai=30)
                except AssertionError:
                    raise AssertionError(f"bouton introuvable dans {faux.messages_vers(chat)[-2:]}")
                b = chercher(titre)
                attendre_reponse(lambda: faux.pousser(FauxTelegram.update_bouton(chat, b["callback_data"])))
                return b["text"]

            attendre_reponse(lambda: faux.pousser(FauxTelegram.update_texte(chat, "je veux un rendez-vous des droits")))
            libelle = toucher(lambda t: " à " in t)
            toucher(lambda t: t == "Oui, je réserve")
            toucher(lambda t: t == "Non, pas de SMS")
            textes = "\n".join(m["text"] for m in faux.messages_vers(chat))
            m = CODE.search(textes)
            assert m, textes[-1000:]
            rdv = service.consulter(m.group(1))
            assert rdv.statut == "reserve" and rdv.canal == "telegram"
            assert rdv.creneau.libelle == libelle

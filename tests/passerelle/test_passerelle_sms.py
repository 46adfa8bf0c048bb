"""SMS (Twilio) : signature, rejeu, choix numérotés, GSM-7 et 3 SMS, STOP, ANNULER, SUITE."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import xml.etree.ElementTree as ET

import pytest
from fastapi.testclient import TestClient
from twilio.request_validator import RequestValidator

from bot.passerelle import formatage
from bot.passerelle.app import creer_app
from bot.passerelle.gsm7 import est_gsm7, segments, vers_gsm7

JETON = "jeton-twilio-de-test-0123456789"
BASE = "https://droits.exemple.fr"
_sid = itertools.count(1)


def pseudo(reglages, identifiant):
    return "sm-" + hmac.new(reglages.pseudonyme_cle, f"sms:{identifiant}".encode(), hashlib.sha256).hexdigest()[:32]


@pytest.fixture
def reglages_sms(fabrique_reglages):
    return fabrique_reglages(twilio_auth_token=JETON, public_base_url=BASE)


@pytest.fixture
def client_sms(reglages_sms):
    with TestClient(creer_app(reglages_sms)) as c:
        yield c


def parametres(texte: str, de: str = "+33612345678", sid: str | None = None) -> dict:
    return {"MessageSid": sid or f"SM{next(_sid):032d}", "AccountSid": "AC" + "0" * 32,
            "From": de, "To": "+33700000000", "Body": texte, "NumMedia": "0"}


def signer(url: str, params: dict, jeton: str = JETON) -> str:
    return RequestValidator(jeton).compute_signature(url, params)


def envoyer(client, texte, de="+33612345678", sid=None, url=BASE + "/sms/twilio", signature=None, entetes=None):
    p = parametres(texte, de, sid)
    h = {"X-Twilio-Signature": signature if signature is not None else signer(url, p)}
    h.update(entetes or {})
    return client.post("/sms/twilio", data=p, headers=h), p


def corps(reponse) -> str:
    racine = ET.fromstring(reponse.text)
    messages = racine.findall("Message")
    return messages[0].text if messages else ""


def test_signature_valide_twiml(client_sms, reglages_sms, faux_rasa):
    r, _ = envoyer(client_sms, "mes droits")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/xml")
    texte = corps(r)
    assert "Ou dormez-vous" in texte or "Où dormez-vous" in texte
    assert "Repondez 1 pour A la rue, 2 pour Au 115 ou en centre ou 3 pour Chez quelqu'un." in texte
    assert est_gsm7(texte) and segments(texte) <= 3
    assert faux_rasa.messages_de(pseudo(reglages_sms, "+33612345678"))[-1] == "mes droits"


def test_signature_absente_fausse_ou_autre_jeton(client_sms, faux_rasa):
    avant = len(faux_rasa.tous())
    r, _ = envoyer(client_sms, "mes droits", signature="")
    assert r.status_code == 403
    r, _ = envoyer(client_sms, "mes droits", signature="AAAAAAAAAAAAAAAAAAAAAAAAAAA=")
    assert r.status_code == 403
    p = parametres("mes droits")
    r = client_sms.post("/sms/twilio", data=p, headers={"X-Twilio-Signature": signer(BASE + "/sms/twilio", p, "autre")})
    assert r.status_code == 403
    # corps modifié après signature
    p = parametres("mes droits")
    sig = signer(BASE + "/sms/twilio", p)
    p["Body"] = "/restart"
    r = client_sms.post("/sms/twilio", data=p, headers={"X-Twilio-Signature": sig})
    assert r.status_code == 403
    assert len(faux_rasa.tous()) == avant


def test_rejeu_refuse(client_sms, faux_rasa):
    r, p = envoyer(client_sms, "echo un")
    assert r.status_code == 200
    avant = len(faux_rasa.tous())
    r2 = client_sms.post("/sms/twilio", data=p, headers={"X-Twilio-Signature": signer(BASE + "/sms/twilio", p)})
    assert r2.status_code == 409
    assert len(faux_rasa.tous()) == avant


def test_sans_jeton_twilio_tout_est_refuse(client):
    p = parametres("mes droits")
    r = client.post("/sms/twilio", data=p, headers={"X-Twilio-Signature": signer("http://testserver/sms/twilio", p)})
    assert r.status_code == 403


def test_url_derriere_mandataire(fabrique_reglages, faux_rasa):
    """Sans PUBLIC_BASE_URL : l'URL signée se reconstruit depuis X-Forwarded-Proto / X-Forwarded-Host."""
    with TestClient(creer_app(fabrique_reglages(twilio_auth_token=JETON))) as c:
        url = "https://public.exemple.org/sms/twilio"
        entetes = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "public.exemple.org"}
        r, _ = envoyer(c, "echo ok", url=url, entetes=entetes)
        assert r.status_code == 200, r.text
        # la même signature sans les en-têtes du mandataire ne correspond pas à l'URL vue
        r, _ = envoyer(c, "echo ok", url=url)
        assert r.status_code == 403


def test_choix_numerotes_renvoient_le_payload(client_sms, reglages_sms, faux_rasa):
    tel = "+33611111111"
    envoyer(client_sms, "mes droits", de=tel)
    r, _ = envoyer(client_sms, "2", de=tel)
    assert faux_rasa.messages_de(pseudo(reglages_sms, tel))[-1] == '/informer{"logement": "centre_hebergement"}'
    assert "Repondez 1 pour Oui ou 2 pour Non." in corps(r)
    r, _ = envoyer(client_sms, " 1. ", de=tel)
    assert faux_rasa.messages_de(pseudo(reglages_sms, tel))[-1] == "/affirmer"
    texte = corps(r)
    assert "AME" in texte and est_gsm7(texte) and segments(texte) <= 3
    # un chiffre hors des choix part comme texte
    r, _ = envoyer(client_sms, "7", de=tel)
    assert faux_rasa.messages_de(pseudo(reglages_sms, tel))[-1] == "7"


def test_injection_slash_par_sms(client_sms, reglages_sms, faux_rasa):
    tel = "+33622222222"
    envoyer(client_sms, '/informer{"age": 99}', de=tel)
    assert faux_rasa.messages_de(pseudo(reglages_sms, tel)) == ['informer{"age": 99}']


def test_longue_reponse_trois_sms_et_suite(client_sms, reglages_sms):
    tel = "+33633333333"
    r, _ = envoyer(client_sms, "long", de=tel)
    premier = corps(r)
    assert est_gsm7(premier) and segments(premier) <= 3
    assert premier.endswith("Envoyez SUITE pour lire la suite.")
    lus = [premier]
    for _ in range(30):
        r, _ = envoyer(client_sms, "suite", de=tel)
        texte = corps(r)
        assert est_gsm7(texte) and segments(texte) <= 3
        lus.append(texte)
        if not texte.endswith("la suite."):
            break
    assert "numéro 119" in lus[-1]
    assert "phrase numéro 60 " in " ".join(lus)


def test_chiffre_avant_d_avoir_lu_la_question_donne_la_suite(client_sms, reglages_sms, faux_rasa):
    """La question et ses choix attendent « SUITE » : « 1 », « ١ » ou « 34 » n'y répondent pas (la personne ne
    l'a pas lue) ; elle reçoit la partie suivante et rien ne part vers Rasa. Une fois les choix lus, « 1 »
    choisit le bouton."""
    tel = "+33644444444"
    r, _ = envoyer(client_sms, "longue question", de=tel)
    assert "Vivez-vous" not in corps(r) and corps(r).endswith("Envoyez SUITE pour lire la suite.")
    recus = len(faux_rasa.messages_de(pseudo(reglages_sms, tel)))
    lus = []
    for tape in ["1", "١", "34", "suite"] * 10:
        r, _ = envoyer(client_sms, tape, de=tel)
        lus.append(corps(r))
        if "Repondez 1 pour Oui" in lus[-1]:
            break
    assert "Vivez-vous à Paris" in lus[-1] and "phrase numéro 119" in " ".join(lus)
    assert len(faux_rasa.messages_de(pseudo(reglages_sms, tel))) == recus  # rien n'est parti vers Rasa
    envoyer(client_sms, "1", de=tel)
    assert faux_rasa.messages_de(pseudo(reglages_sms, tel))[-1] == "/affirmer"


def test_stop_efface(client_sms, reglages_sms, faux_rasa):
    tel = "+33644444444"
    envoyer(client_sms, "mes droits", de=tel)
    r, _ = envoyer(client_sms, "ARRÊT", de=tel)
    assert "ne recevrez plus" in corps(r)
    assert est_gsm7(corps(r))
    assert faux_rasa.vidages_de(pseudo(reglages_sms, tel)) == [(faux_rasa.jeton, [])]
    r, _ = envoyer(client_sms, "Stop", de=tel)
    assert r.status_code == 200


def test_annuler_sans_code_et_code_inconnu(client_sms, reglages_sms, faux_rasa):
    # « ANNULER » seul : la conversation demande le code (ou connaît déjà le rendez-vous).
    r, _ = envoyer(client_sms, "ANNULER", de="+33655555556")
    assert faux_rasa.messages_de(pseudo(reglages_sms, "+33655555556")) == ["ANNULER"]
    # Un code que ce numéro n'a pas, ou « annuler mon rdv » : la conversation prend le relais
    # (elle cherche le code sans le numéro et demande de confirmer).
    tel = "+33655555555"
    r, _ = envoyer(client_sms, "annuler ZZZ-999", de=tel)
    assert est_gsm7(corps(r)) and corps(r)
    r, _ = envoyer(client_sms, "annuler mon rendez-vous", de=tel)
    assert faux_rasa.messages_de(pseudo(reglages_sms, tel))[-2:] == ["annuler ZZZ-999", "annuler mon rendez-vous"]


def test_gsm7_repli():
    assert vers_gsm7("Être à l'hôpital, ça coûte « cher » — 10 €") == 'Etre à l\'hopital, ca coute " cher " - 10 €'
    assert segments("a" * 160) == 1 and segments("a" * 161) == 2 and segments("€" * 80) == 1
    assert est_gsm7(vers_gsm7("Ünïcödé 👋 ŒUVRE ç"))


def test_decouper_aux_fins_de_phrase():
    texte = "Une phrase courte. " * 50 + "Fin."
    morceaux = formatage.decouper(texte, 100)
    assert all(len(m) <= 100 for m in morceaux)
    assert all(m.endswith(".") for m in morceaux)
    assert " ".join(morceaux).replace("  ", " ") == texte.strip()


def test_question_a_nombre_par_sms_des_lettres_et_le_nombre_tape_reste_le_nombre():
    """Par SMS, « 2 » à « combien d'enfants ? » veut dire 2 enfants, pas le 2e bouton (« 1 ») : les boutons
    d'une question à nombre se choisissent par une lettre."""
    from bot.actions import boutons
    from bot.passerelle.relais import Offre
    from bot.passerelle.sms import choix_lu, ligne_choix, offre_de_nombres
    from droits.questions import question
    from rdv.sms.gsm7 import to_gsm7

    enfants = Offre("j", boutons.pour_question(question("enfants")))
    assert offre_de_nombres(enfants)
    assert ligne_choix(enfants, to_gsm7).startswith("Ecrivez le nombre, ou repondez par une lettre : A Aucun, B 1, C 2")
    assert choix_lu(enfants, "2") is None  # le texte « 2 » part tel quel : 2 enfants
    assert enfants.boutons[choix_lu(enfants, "c")]["title"] == "2"
    assert choix_lu(enfants, "Z") is None
    couple = Offre("j", boutons.pour_question(question("en_couple")))
    assert not offre_de_nombres(couple) and choix_lu(couple, "2") == 1 and choix_lu(couple, "b") is None


def test_choix_trop_longs_pour_tenir_seuls_coupes_sans_erreur(reglages_sms):
    """Les créneaux d'un rendez-vous en arabe (UCS-2, 67 caractères par SMS) ne tiennent pas seuls en 3 SMS :
    ils sont coupés entre deux lignes, « SUITE » donne le reste, chaque partie tient en 3 SMS, aucun choix ne
    manque ni ne revient deux fois (avant : IndexError, une erreur 500 à la personne)."""
    from bot.passerelle.relais import Offre

    with TestClient(creer_app(reglages_sms)) as c:
        canal = c.app.state.passerelle.sms
        titres = [f"الجمعة {j} ديسمبر الساعة 9:00، ESI Arche d'Avenirs, Paris 13" for j in range(4, 9)]
        offre = Offre("j", [{"title": t, "payload": f'/choisir{{"creneau":"{i}"}}'} for i, t in enumerate(titres)])
        parties = [canal.composer("p", "هذه المواعيد الحرة القادمة. اختاروا الموعد الذي يناسبكم.", offre, "ar")]
        while canal.suites.lire("p") is not None and len(parties) < 10:
            parties.append(canal.suite("p", offre, "ar"))
        assert len(parties) >= 2 and all(p and segments(p) <= 3 for p in parties), parties
        tout = "\n".join(parties)
        for t in titres:
            assert tout.count(t) == 1, t
        assert canal.suites.lire("p") is None
        # et le texte seul, sans choix : « SUITE » sans rien en attente ne casse rien
        assert canal.suite("p", None, "ar")

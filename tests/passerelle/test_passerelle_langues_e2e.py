"""Dans chaque langue, de bout en bout par la passerelle, le vrai Rasa et le vrai serveur d'actions (issue 13,
point 7) : une personne va jusqu'au verdict en touchant seulement des boutons ; une autre répond en écrivant
dans sa langue (oui, non, des nombres en chiffres ou en mots, le libellé d'un bouton) puis prend un rendez-vous.
Chaque message porte ``custom.langue`` ; les questions, le récapitulatif, le verdict et la confirmation du
rendez-vous sont dans la langue (textes des catalogues), jamais un fait que la personne n'a pas dit."""
from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

import droits
from bot.passerelle import textes
from bot.passerelle.app import creer_app
from langues import catalogues
from langues.reponses import vocabulaire
from tests.passerelle.navigateur import choisir_langue, navigateur  # noqa: F401  (fixture)

pytestmark = pytest.mark.rasa

LANGUES = ["en", "ar", "prs", "ps", "ro"]
MAX_TOURS = 30

# Une personne sans papiers, seule, sans enfant, à la rue à Paris depuis près de 3 ans, sans argent.
FAITS = {
    "vit_a_paris": True, "logement": "rue", "adresse_courrier": False, "domiciliation": False,
    "lien_paris": True, "nationalite": "hors_ue", "titre_sejour": "aucun", "mois_sans_titre": 34,
    "mois_en_france": 34, "ressources_mensuelles": 0, "ressources_annuelles": 0, "age": 34,
    "en_couple": False, "enfants": 0, "enceinte": False, "etudiant": False, "difficultes_logement": [],
    "arrondissement": 13, "travail_declare": False, "percoit_rsa": False, "aide_logement": False,
}
ATTENDUS = {"ame": "eligible", "rsa": "non_eligible", "domiciliation": "eligible"}

OUI_NON = {"en": ("yes", "no"), "ar": ("نعم", "لا"), "prs": ("بلی", "نخیر"), "ps": ("هو", "نه"), "ro": ("da", "nu")}
# l'âge écrit en mots dans la langue (34), les autres nombres en chiffres (arabes orientaux pour ar, prs, ps)
AGE_EN_MOTS = {"en": "thirty four", "ar": "أربعة وثلاثين", "prs": "سی و چهار", "ps": "څلور دېرش", "ro": "treizeci și patru"}
CHIFFRES = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@pytest.fixture
def client(fabrique_reglages, vrais_serveurs):
    app = creer_app(fabrique_reglages(rasa_url=vrais_serveurs.rasa, actions_url=vrais_serveurs.actions,
                                      rasa_jeton=vrais_serveurs.jeton, rasa_delai=60.0, debit_max=500))
    with TestClient(app) as c:
        yield c


class Personne:
    def __init__(self, client, sender: str, langue: str):
        self.c, self.sender, self.langue = client, sender, langue
        self.tous: list[dict] = []
        self.dernier: list[dict] = []

    def accueil(self):
        r = self.c.post("/api/v1/chat/accueil", json={"sender": self.sender, "langue": self.langue})
        assert r.status_code == 200, r.text
        self._garder(r.json())

    def envoyer(self, message: str):
        r = self.c.post("/api/v1/chat", json={"sender": self.sender, "message": message})
        assert r.status_code == 200, r.text
        self._garder(r.json())

    def _garder(self, messages):
        assert messages, "aucune réponse"
        for m in messages:
            assert m["custom"]["langue"] == self.langue, m
        self.dernier = messages
        self.tous += messages

    def customs(self):
        return [m["custom"] for m in self.dernier]

    def boutons(self):
        return [b for m in self.dernier for b in m.get("buttons") or []]

    def toucher(self, predicat):
        bouton = next((b for b in self.boutons() if predicat(b)), None)
        assert bouton is not None, (self.langue, [b["title"] for b in self.boutons()], self.textes())
        self.envoyer(bouton["payload"])
        return bouton

    def textes(self):
        return "\n".join(m.get("text") or "" for m in self.dernier)

    def question(self):
        qs = [c for c in self.customs() if "question" in c]
        return qs[-1] if qs else None

    def resultats(self):
        rs = [c["resultats"] for c in self.customs() if "resultats" in c]
        return rs[-1] if rs else None


def _charge(bouton) -> dict:
    m = re.fullmatch(r"/\w+(\{.*\})?", bouton["payload"])
    return json.loads(m.group(1)) if m and m.group(1) else {}


def _bouton_du_fait(champ: str, groupe: str | None):
    """Le bouton qui dit exactement le fait de la personne (valeur, fourchette qui le contient, groupe)."""
    def predicat(b):
        d = _charge(b)
        if groupe == "foyer":
            return d.get("valeur") == FAITS["en_couple"] and d.get("faits") == {"enfants": FAITS["enfants"]}
        if d.get("champ") != champ:
            return False
        if "valeur" in d:
            return d["valeur"] == FAITS[champ]
        if "min" in d and "max" in d and isinstance(FAITS[champ], (int, float)):
            return d["min"] <= FAITS[champ] <= d["max"]
        return False
    return predicat


def _verifier_verdict(p: Personne, resultats: dict):
    statuts = {d: resultats["droits"][d]["statut"] for d in ATTENDUS}
    assert statuts == ATTENDUS, statuts
    # le verdict est dans la langue : les phrases de droits.evaluer dans cette langue, le nom du droit traduit
    attendu = droits.evaluer({k: v for k, v in FAITS.items() if k in p.faits_dits}, langue=p.langue)
    assert resultats["droits"]["ame"]["resume"] == attendu["droits"]["ame"]["resume"]
    assert resultats["droits"]["ame"]["resume"] != droits.evaluer(
        {k: v for k, v in FAITS.items() if k in p.faits_dits})["droits"]["ame"]["resume"]
    assert droits.registre.droit("ame", p.langue).bouton in p.textes()


def _jusqu_au_verdict(p: Personne, repondre) -> dict:
    p.faits_dits = set()
    for _ in range(MAX_TOURS):
        r = p.resultats()
        if r:
            return r
        if any("recap" in c for c in p.customs()):
            # le récapitulatif dans la langue, puis « C'est juste » (/affirmer)
            assert catalogues.arbre("actions", p.langue)["recap"]["intro"]["vous"] in p.textes()
            p.toucher(lambda b: b["payload"] == "/affirmer")
            continue
        q = p.question()
        assert q, (p.langue, p.textes())
        champ, groupe = q["question"], q.get("groupe")
        # la question est celle de droits dans la langue
        question_langue = (droits.questions.question_groupee(groupe, p.langue) if groupe
                           else droits.questions.question(champ, p.langue))
        assert question_langue["question"] in p.textes() or question_langue["reformulation"] in p.textes() \
            or (question_langue.get("precision") or "§") in p.textes(), (p.langue, champ, p.textes())
        p.faits_dits |= {champ, "enfants"} if groupe else {champ}
        repondre(p, champ, groupe)
    raise AssertionError(f"{p.langue} : pas de verdict après {MAX_TOURS} tours")


@pytest.mark.parametrize("langue", LANGUES)
def test_verdict_par_boutons_seulement(client, langue):
    p = Personne(client, f"e2e-langue-boutons-{langue}", langue)
    p.accueil()
    assert p.dernier[0]["text"] == textes.texte("accueil_borne", langue)
    p.toucher(lambda b: b["payload"] == "/verifier_droits")
    consentement = catalogues.arbre("domaine", langue)["utter_consentement"][0]["text"]
    assert consentement in "\n".join(m.get("text") or "" for m in p.tous)  # réponse fixe de Rasa, par NLG

    def repondre(p, champ, groupe):
        p.toucher(_bouton_du_fait(champ, groupe))

    _verifier_verdict(p, _jusqu_au_verdict(p, repondre))


@pytest.mark.parametrize("langue", LANGUES)
def test_reponses_ecrites_puis_rendez_vous(client, langue):
    p = Personne(client, f"e2e-langue-ecrit-{langue}", langue)
    p.accueil()
    p.toucher(lambda b: b["payload"] == "/verifier_droits")
    oui, non = OUI_NON[langue]
    assert oui in vocabulaire(langue)["oui"] and non in vocabulaire(langue)["non"]

    def repondre(p, champ, groupe):
        valeur = FAITS[champ]
        q = droits.questions.question(champ, langue)
        if groupe:  # une question groupée se répond d'un appui (un « oui » tapé ne dit pas les deux faits)
            p.toucher(_bouton_du_fait(champ, groupe))
        elif isinstance(valeur, bool):
            p.envoyer(oui if valeur else non)
        elif champ == "age":
            p.envoyer(AGE_EN_MOTS[langue])
        elif isinstance(valeur, (int, float)):
            chiffres = str(valeur)
            p.envoyer(chiffres.translate(CHIFFRES) if langue in ("ar", "prs", "ps") else chiffres)
        elif q.get("choix"):
            libelle = next(c["libelle"] for c in q["choix"] if c["valeur"] == valeur)
            p.envoyer(libelle)  # le libellé du bouton, tapé
        else:
            p.toucher(_bouton_du_fait(champ, groupe))

    _verifier_verdict(p, _jusqu_au_verdict(p, repondre))
    # le rendez-vous : « Un rendez-vous » (/affirmer), le premier créneau, « Oui », sans SMS, sans résumé
    p.toucher(lambda b: b["payload"] == "/affirmer")
    creneau = p.toucher(lambda b: '"creneau"' in b["payload"] and '"autre"' not in b["payload"])
    mois = catalogues.arbre("rdv", langue)["mois"]
    assert any(m in creneau["title"] for m in mois), creneau["title"]  # la date dans la langue
    p.toucher(lambda b: b["payload"] == "/affirmer")
    for _ in range(3):
        if any("rdv" in c and c["rdv"].get("etape") == "confirme" for c in p.customs()):
            break
        p.toucher(lambda b: b["payload"] == "/nier")
    rdv = next(c["rdv"] for c in p.customs() if "rdv" in c)
    assert rdv["etape"] == "confirme"
    confirmation = catalogues.arbre("rdv", langue)["confirmation"]["reserve"]
    assert confirmation in p.textes() and rdv["code"] in p.textes()


@pytest.fixture
def client_sms(fabrique_reglages, vrais_serveurs):
    from tests.passerelle.test_passerelle_sms import BASE, JETON

    app = creer_app(fabrique_reglages(rasa_url=vrais_serveurs.rasa, actions_url=vrais_serveurs.actions,
                                      rasa_jeton=vrais_serveurs.jeton, rasa_delai=60.0, debit_max=500,
                                      twilio_auth_token=JETON, public_base_url=BASE))
    with TestClient(app) as c:
        yield c


@pytest.mark.parametrize("langue", LANGUES)
def test_sms_dans_la_langue_jusqu_au_rendez_vous(client_sms, langue):
    """Par SMS : « LANGUE », le numéro de la langue, puis seulement des numéros et des lettres, comme sur un
    téléphone simple, jusqu'au rendez-vous. Chaque réponse tient en 3 SMS (UCS-2 en écriture arabe)."""
    from langues import est_rtl
    from rdv.sms.gsm7 import is_gsm7, segments
    from tests.passerelle.test_passerelle_sms import corps, envoyer

    tel = f"+336{abs(hash(langue)) % 10**8:08d}"
    relais = client_sms.app.state.passerelle.relais
    pseudo = relais.pseudonyme("sms", tel)
    reponses: list[str] = []

    def sms(texte):
        r, _ = envoyer(client_sms, texte, de=tel)
        assert r.status_code == 200
        t = corps(r)
        assert segments(t) <= 3, t
        # GSM-7 en anglais et en roumain, sauf le menu des langues (leurs noms en écriture arabe : UCS-2)
        assert est_rtl(langue) or is_gsm7(t) or "العربية" in t
        reponses.append(t)
        return t

    def choisir(predicat):
        # comme une personne : elle lit la question (SUITE) avant de répondre par un numéro
        for _ in range(10):
            if client_sms.app.state.passerelle.sms.suites.lire(pseudo) is None:
                break
            sms("SUITE")
        offre = relais.offres.lire(pseudo)
        i = next(i for i, b in enumerate(offre.boutons) if predicat(b))
        nombres = any(re.search(r'"(min|max)"|"valeur":\s*-?\d', b["payload"]) for b in offre.boutons)
        return sms(chr(ord("A") + i) if nombres else str(i + 1))

    sms("LANGUE")
    choisir(lambda b: b["payload"] == f'/langue{{"code":"{langue}"}}')
    from rdv.sms.gsm7 import to_gsm7

    choisie = textes.texte("langue_choisie", langue)
    assert (choisie if est_rtl(langue) else to_gsm7(choisie)) in reponses[-1]
    choisir(lambda b: b["payload"] == "/verifier_droits")
    for _ in range(MAX_TOURS):
        offre = relais.offres.lire(pseudo)
        payloads = [b["payload"] for b in offre.boutons]
        if any(p.startswith("/demander_documents") for p in payloads):
            break  # le verdict et ses boutons
        if "/affirmer" in payloads and "/nier" in payloads and not any("champ" in p for p in payloads):
            choisir(lambda b: b["payload"] == "/affirmer")  # « C'est juste »
            continue
        champs = {(_charge(b).get("champ")) for b in offre.boutons} - {None}
        groupe = "foyer" if any("faits" in _charge(b) for b in offre.boutons) else None
        champ = "en_couple" if groupe else champs.pop()
        choisir(_bouton_du_fait(champ, groupe))
    else:
        raise AssertionError(f"{langue} : pas de verdict par SMS")
    verdict = "\n".join(reponses[-2:])
    assert droits.registre.droit("ame", langue).bouton.split(" (")[0][:6] in verdict or "AME" in verdict
    choisir(lambda b: b["payload"] == "/affirmer")  # un rendez-vous
    choisir(lambda b: '"creneau"' in b["payload"] and '"autre"' not in b["payload"])
    choisir(lambda b: b["payload"] == "/affirmer")  # oui, je le réserve
    for _ in range(3):
        code = catalogues.arbre("rdv", langue)["confirmation_courte"]["code"].split("{")[0].strip()
        if (code if est_rtl(langue) else to_gsm7(code)) in reponses[-1]:
            break
        choisir(lambda b: b["payload"] == "/nier")
    assert re.search(r"[A-Z0-9]{3}-[A-Z0-9]{3}", "\n".join(reponses[-2:])), reponses[-2:]


def _libelle_du_fait(champ: str, groupe: str | None, langue: str) -> str:
    """Le libellé, dans la langue, du bouton qui dit le fait de la personne (pour toucher l'écran)."""
    if groupe:
        q = droits.questions.question_groupee(groupe, langue)
        return next(b["libelle"] for b in q["boutons"]
                    if b["valeur"] == FAITS["en_couple"] and b["faits"] == {"enfants": FAITS["enfants"]})
    q = droits.questions.question(champ, langue)
    for c in q.get("choix") or ():
        if c["valeur"] == FAITS[champ]:
            return c["libelle"]
    for b in q.get("boutons") or ():
        if "valeur" in b and b["valeur"] == FAITS[champ]:
            return b["libelle"]
        if "fourchette" in b and b["fourchette"][0] <= FAITS[champ] <= b["fourchette"][1]:
            return b["libelle"]
    raise AssertionError((champ, langue))


@pytest.mark.navigateur
@pytest.mark.parametrize("langue", ["ar", "prs"])
def test_borne_de_droite_a_gauche_jusqu_au_rendez_vous(navigateur, fabrique_reglages, vrais_serveurs, artefacts,
                                                       langue):
    """La borne dans Chromium, en arabe puis en dari, seulement en touchant l'écran : la langue, « Tous mes
    droits », chaque réponse, « C'est juste », le verdict (cartes), puis un rendez-vous."""
    from tests.passerelle.outils import ServeurFil

    reglages = fabrique_reglages(rasa_url=vrais_serveurs.rasa, actions_url=vrais_serveurs.actions,
                                 rasa_jeton=vrais_serveurs.jeton, rasa_delai=60.0, debit_max=500)
    actions_tr = catalogues.arbre("actions", langue)
    with ServeurFil(creer_app(reglages), lifespan="on") as serveur:
        page = navigateur.new_page(viewport={"width": 1024, "height": 768}, has_touch=True)
        erreurs: list[str] = []
        page.on("pageerror", lambda e: erreurs.append(str(e)))
        page.goto(serveur.url + "/")
        choisir_langue(page, langue)
        assert page.locator("html").get_attribute("dir") == "rtl"
        tour = 1

        def toucher(libelle):
            nonlocal tour
            bouton = page.locator("#choix").get_by_role("button", name=libelle, exact=True).first
            bouton.wait_for(timeout=30_000)
            bouton.tap()
            tour += 1
            page.wait_for_selector(f"body[data-tours='{tour}']", state="attached", timeout=60_000)

        toucher(textes.texte("tous_mes_droits", langue))
        for _ in range(MAX_TOURS):
            if page.locator("#verdict .carte").count():
                break
            q = page.locator("#fil").get_attribute("data-question")
            if not q:
                toucher(actions_tr["recap"]["c_est_juste"])
                continue
            toucher(_libelle_du_fait(q, page.locator("#fil").get_attribute("data-groupe"), langue))
        assert page.locator("#verdict .carte").count() == len(droits.registre.IDS)
        carte = page.locator(".carte[data-droit='ame']")
        assert droits.registre.droit("ame", langue).titre in carte.inner_text()
        assert catalogues.arbre("pages", langue)["borne"]["statuts"]["eligible"] in carte.inner_text()
        page.screenshot(path=str(artefacts / f"borne-e2e-{langue}-verdict.png"), full_page=True)
        # le rendez-vous, aux boutons : « Un rendez-vous », le premier créneau, « Oui », pas de SMS, pas de résumé
        toucher(actions_tr["verdict"]["oui_rdv"])
        premier = page.locator("#choix button").first
        premier.tap()
        tour += 1
        page.wait_for_selector(f"body[data-tours='{tour}']", state="attached", timeout=60_000)
        toucher(actions_tr["rdv"]["oui_reserver"])
        toucher(actions_tr["rdv"]["non_sms"])
        toucher(actions_tr["rdv"]["non_resume"])
        fil = page.locator("#fil").inner_text()
        assert catalogues.arbre("rdv", langue)["confirmation"]["reserve"] in fil
        assert re.search(r"[A-Z0-9]{3}-[A-Z0-9]{3}", fil)
        assert not erreurs, erreurs
        page.close()


def test_telegram_en_dari_jusqu_au_verdict(fabrique_reglages, vrais_serveurs):
    """Telegram (vrai client python-telegram-bot, faux serveur Bot API) : l'application est réglée en persan
    d'Afghanistan (« fa-AF ») ; la conversation est en dari dès /start, jusqu'au verdict, aux boutons."""
    from tests.passerelle.outils import FauxTelegram, ServeurFil, attendre
    from tests.passerelle.test_passerelle_e2e import JETON_TELEGRAM

    faux = FauxTelegram(JETON_TELEGRAM)
    with ServeurFil(faux.app) as serveur:
        app = creer_app(fabrique_reglages(rasa_url=vrais_serveurs.rasa, actions_url=vrais_serveurs.actions,
                                          rasa_jeton=vrais_serveurs.jeton, rasa_delai=60.0, debit_max=500,
                                          telegram_token=JETON_TELEGRAM, telegram_base_url=serveur.url,
                                          telegram_delai_polling=1))
        with TestClient(app) as c:
            attendre(lambda: c.app.state.passerelle.telegram.actif)
            relais = c.app.state.passerelle.relais
            chat = 9191
            pseudo = relais.pseudonyme("telegram", str(chat))
            faux.pousser(FauxTelegram.update_texte(chat, "/start", langue="fa-AF"))
            attendre(lambda: any(m.get("reply_markup") for m in faux.messages_vers(chat)), delai=60)
            assert relais.langue(pseudo) == "prs"
            consentement = catalogues.arbre("domaine", "prs")["utter_consentement"][0]["text"]
            assert faux.messages_vers(chat)[0]["text"] == consentement

            def toucher(predicat):
                envoyes = len(faux.messages_vers(chat))
                offre = relais.offres.lire(pseudo)
                i = next(i for i, b in enumerate(offre.boutons) if predicat(b))
                faux.pousser(FauxTelegram.update_bouton(chat, f"b:{offre.jeton}:{i}"))
                attendre(lambda: len(faux.messages_vers(chat)) > envoyes
                         and relais.offres.lire(pseudo) is not offre, delai=60)
                attendre(lambda: faux.messages_vers(chat)[-1].get("reply_markup"), delai=60)

            toucher(lambda b: b["payload"] == "/verifier_droits")
            for _ in range(MAX_TOURS):
                payloads = [b["payload"] for b in relais.offres.lire(pseudo).boutons]
                if any(p.startswith("/demander_documents") for p in payloads):
                    break
                offre = relais.offres.lire(pseudo)
                if "/affirmer" in payloads and not any("champ" in p for p in payloads):
                    toucher(lambda b: b["payload"] == "/affirmer")
                    continue
                groupe = "foyer" if any("faits" in _charge(b) for b in offre.boutons) else None
                champ = "en_couple" if groupe else ({_charge(b).get("champ") for b in offre.boutons} - {None}).pop()
                toucher(_bouton_du_fait(champ, groupe))
            else:
                raise AssertionError("pas de verdict par Telegram")
            textes_recus = "\n".join(m["text"] for m in faux.messages_vers(chat))
            assert droits.registre.droit("ame", "prs").bouton in textes_recus
            assert all(len(m["text"]) <= 4096 for m in faux.messages_vers(chat))

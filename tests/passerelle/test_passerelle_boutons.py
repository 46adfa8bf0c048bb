"""Chaque bouton fait ce que dit son libellé (issue 15 §1), par les VRAIS serveurs Rasa et d'actions.

Exploration : depuis « Tous mes droits » (et chaque droit de l'accueil), on touche chaque bouton de
chaque question rencontrée ; une réponse qui mène à une question jamais vue est explorée à son tour
(les questions qui n'existent que pour certaines réponses : papiers, années de titre…). Chaque
toucher est rejoué dans une conversation neuve (le chemin depuis l'accueil). Échoue sur :

- un redémarrage (« on recommence ») ou un effacement ;
- une impasse : ni question, ni récapitulatif, ni verdict, ni bouton ;
- une question reposée après un toucher qui y répond (sauf la précision d'une fourchette, une fois) ;
- « Je ne sais pas » suivi de la même question.

Puis le récapitulatif (C'est juste, Corriger et chaque fait de sa liste) et les boutons du verdict.
Par la borne (API JSON), par SMS (numéros) et par Telegram (boutons « inline »).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import httpx
import pytest
from fastapi.testclient import TestClient
from twilio.request_validator import RequestValidator

from droits.textes import QUESTIONS_COMMUNES
from tests.passerelle.outils import FauxTelegram, ServeurFil, attendre
from tests.passerelle.test_passerelle_e2e import Enregistreur, passerelle  # noqa: F401  (fixture)

pytestmark = pytest.mark.rasa

MOTS_REDEMARRAGE = ("on recommence", "j'ai oublié vos réponses", "on recommence a zero")
_ids = itertools.count(1)


@dataclass
class Etat:
    """Ce que la dernière réponse du bot demande."""

    question: str | None
    recap: bool
    verdict: bool
    boutons: list[dict]
    textes: str
    precision: bool = False  # « Pour être sûr, il me faut le nombre exact » : une fourchette qui ne suffit pas

    @property
    def impasse(self) -> bool:
        return not (self.question or self.recap or self.verdict or self.boutons)


PRECISION = QUESTIONS_COMMUNES["precision"]["question"].split(", ", 1)[1].rstrip(".").lower()  # « il me faut le nombre exact »


def etat(messages: list[dict]) -> Etat:
    customs = [m["custom"] for m in messages if isinstance(m.get("custom"), dict)]
    questions = [c["question"] for c in customs if "question" in c]
    textes = "\n".join(m.get("text") or "" for m in messages)
    return Etat(
        question=questions[-1] if questions else None,
        recap=any("recap" in c for c in customs),
        verdict=any("resultats" in c for c in customs),
        boutons=[b for m in messages for b in m.get("buttons") or []],
        textes=textes,
        # la phrase de droits (questions_communes.precision), sans ses accents (SMS en GSM-7) ; l'ancien test
        # cherchait « dépend du montant exact », une phrase qui n'existe plus
        precision=PRECISION in textes.lower(),
    )


@dataclass
class Rapport:
    touches: int = 0
    questions: set[str] = field(default_factory=set)
    fautes: list[str] = field(default_factory=list)

    def verifier(self, chemin: list[str], bouton: dict, avant: Etat, apres: Etat) -> None:
        self.touches += 1
        ou = f"{' > '.join(chemin + [bouton['title']])}"
        bas = apres.textes.lower()
        if any(m in bas for m in MOTS_REDEMARRAGE):
            self.fautes.append(f"redémarrage : {ou}")
        if apres.impasse:
            self.fautes.append(f"impasse : {ou}")
        if avant.question and apres.question == avant.question and not apres.precision:
            self.fautes.append(f"question reposée ({avant.question}) : {ou} -> {apres.textes[:120]!r}")


class ConversationApi:
    """Une conversation de borne par l'API JSON (accueil, puis payloads des boutons proposés).

    ``bifurquer`` copie la conversation dans une neuve (les événements du suivi Rasa, par son API,
    et les boutons proposés par la passerelle) : chaque bouton d'une question est touché dans sa
    propre copie, sans rejouer tout le chemin."""

    def __init__(self, client: TestClient, serveurs, accueil: bool = True):
        self.client = client
        self.serveurs = serveurs
        self.sender = f"boutons-{next(_ids)}"
        self.dernier = Etat(None, False, False, [], "")
        if accueil:
            r = client.post("/api/v1/chat/accueil", json={"sender": self.sender})
            assert r.status_code == 200, r.text
            self.dernier = etat(r.json())

    @property
    def pseudo(self) -> str:
        return self.client.app.state.passerelle.relais.pseudonyme("web", self.sender)

    def bifurquer(self) -> "ConversationApi":
        copie = ConversationApi(self.client, self.serveurs, accueil=False)
        jeton = {"token": self.serveurs.jeton}
        suivi = httpx.get(f"{self.serveurs.rasa}/conversations/{self.pseudo}/tracker", params=jeton, timeout=60)
        suivi.raise_for_status()
        r = httpx.put(f"{self.serveurs.rasa}/conversations/{copie.pseudo}/tracker/events", params=jeton,
                      json=suivi.json()["events"], timeout=60)
        r.raise_for_status()
        self.client.app.state.passerelle.relais.proposer(copie.pseudo, list(self.dernier.boutons))
        copie.dernier = self.dernier
        return copie

    def toucher(self, bouton: dict) -> Etat:
        assert bouton in self.dernier.boutons, (bouton, self.dernier.boutons)
        r = self.client.post("/api/v1/chat", json={"sender": self.sender, "message": bouton["payload"]})
        assert r.status_code == 200, r.text
        self.dernier = etat(r.json())
        return self.dernier


def _bouton(e: Etat, titre: str) -> dict:
    return next(b for b in e.boutons if b["title"] == titre)


def explorer(nouvelle, depart: str, rapport: Rapport, vues: set[str], limite: int = 400) -> None:
    """Chaque bouton de chaque question jamais vue, depuis le bouton d'accueil ``depart``."""
    conv = nouvelle()
    conv.toucher(_bouton(conv.dernier, depart))
    a_voir: list[tuple[list[str], ConversationApi]] = [([depart], conv)]
    while a_voir and rapport.touches < limite:
        chemin, conv = a_voir.pop(0)
        e = conv.dernier
        if not e.question or e.question in vues:
            continue
        vues.add(e.question)
        rapport.questions.add(e.question)
        for bouton in e.boutons:
            essai = conv.bifurquer()
            apres = essai.toucher(bouton)
            rapport.verifier(chemin, bouton, e, apres)
            if apres.question and apres.question not in vues:
                a_voir.append((chemin + [bouton["title"]], essai))


def jusquau_recap(conv, depart: str) -> Etat:
    """Premier bouton de chaque question (en évitant « Je ne sais pas »), jusqu'au récapitulatif."""
    e = conv.toucher(_bouton(conv.dernier, depart))
    for _ in range(30):
        if e.recap or e.verdict:
            return e
        assert e.question, e.textes
        e = conv.toucher(e.boutons[0])
    raise AssertionError("pas de récapitulatif après 30 touchers")


@pytest.mark.timeout(1800)
def test_tous_les_boutons_par_la_borne(passerelle, vrais_serveurs):  # noqa: F811
    with TestClient(passerelle()) as c:
        nouvelle = lambda: ConversationApi(c, vrais_serveurs)  # noqa: E731
        rapport = Rapport()
        vues: set[str] = set()
        accueil = nouvelle().dernier.boutons
        for bouton in accueil:
            explorer(nouvelle, bouton["title"], rapport, vues)
        # Le récapitulatif : C'est juste, puis Corriger et chaque fait de la liste.
        conv = nouvelle()
        e = jusquau_recap(conv, "Tous mes droits")
        assert e.recap, e.textes
        liste = conv.bifurquer()
        faits = liste.toucher(_bouton(liste.dernier, "Corriger"))
        assert faits.boutons and "corriger" in faits.textes.lower()
        for fait in faits.boutons:
            essai = liste.bifurquer()
            redemande = essai.toucher(fait)
            rapport.touches += 1
            assert redemande.question, (fait, redemande.textes)  # le fait choisi est redemandé
            suite = essai.toucher(redemande.boutons[0])
            for _ in range(10):  # d'autres faits peuvent manquer après une correction
                if suite.verdict or suite.recap:
                    break
                suite = essai.toucher(suite.boutons[0])
            if suite.recap:
                suite = essai.toucher(_bouton(suite, "C'est juste"))
            assert suite.verdict, (fait["title"], suite.textes)
        # Le verdict : chaque bouton garde la conversation en vie.
        verdict = conv.toucher(_bouton(conv.dernier, "C'est juste"))
        assert verdict.verdict
        for bouton in verdict.boutons:
            essai = conv.bifurquer()
            apres = essai.toucher(bouton)
            rapport.verifier(["verdict"], bouton, verdict, apres)
        print(f"\nborne : {rapport.touches} touchers, {len(rapport.questions)} questions : "
              f"{sorted(rapport.questions)}")
        assert not rapport.fautes, "\n".join(rapport.fautes)
        assert len(rapport.questions) >= 15, rapport.questions


# --- par SMS (numéros, ou lettres pour une question à nombre) et par Telegram (boutons « inline ») --------

JETON_TWILIO = "jeton-twilio-boutons-0123456789"
JETON_TELEGRAM = "424242:BoutonsTokenForTheFakeBotApi0000"
BASE = "https://droits.exemple.fr"
_sid = itertools.count(1)
_numeros = itertools.count(10_000_001)


class _Copiable:
    """Copier une conversation : le suivi Rasa (par son API) et les boutons proposés par la passerelle."""

    canal = ""

    def _copier_vers(self, copie) -> None:
        relais = self.client.app.state.passerelle.relais
        jeton = {"token": self.serveurs.jeton}
        suivi = httpx.get(f"{self.serveurs.rasa}/conversations/{self.pseudo}/tracker", params=jeton, timeout=60)
        suivi.raise_for_status()
        httpx.put(f"{self.serveurs.rasa}/conversations/{copie.pseudo}/tracker/events", params=jeton,
                  json=suivi.json()["events"], timeout=60).raise_for_status()
        relais.proposer(copie.pseudo, list(self.dernier.boutons))
        copie.dernier = self.dernier

    @property
    def pseudo(self) -> str:
        return self.client.app.state.passerelle.relais.pseudonyme(self.canal, self.ident)


class ConversationSms(_Copiable):
    canal = "sms"

    def __init__(self, client, serveurs, enregistreur, demarrer: bool = True):
        from rdv.sms.gsm7 import is_gsm7, segments

        self.client, self.serveurs, self.enr = client, serveurs, enregistreur
        self.ident = f"+336{next(_numeros):08d}"
        self.validateur = RequestValidator(JETON_TWILIO)
        self.is_gsm7, self.segments = is_gsm7, segments
        self.dernier = Etat(None, False, False, [], "")
        if demarrer:
            self._envoyer("bonjour")
            self.dernier = etat(self.enr.derniers.get(self.pseudo, []))
            self.dernier.boutons = list(self.client.app.state.passerelle.relais.offres.lire(self.pseudo).boutons) \
                if self.client.app.state.passerelle.relais.offres.lire(self.pseudo) else []

    def _envoyer(self, corps: str) -> str:
        import xml.etree.ElementTree as ET

        p = {"MessageSid": f"SMbt{next(_sid):030d}", "From": self.ident, "To": "+33700000000", "Body": corps}
        sig = self.validateur.compute_signature(BASE + "/sms/twilio", p)
        r = self.client.post("/sms/twilio", data=p, headers={"X-Twilio-Signature": sig})
        assert r.status_code == 200, r.text
        texte = "".join(m.text or "" for m in ET.fromstring(r.text).findall("Message"))
        assert self.is_gsm7(texte) and self.segments(texte) <= 3, texte  # au plus 3 SMS, en GSM-7
        return texte

    def toucher(self, bouton: dict) -> Etat:
        from bot.passerelle.sms import offre_de_nombres

        # comme une personne : elle lit la question (SUITE) avant de répondre par un numéro
        for _ in range(10):
            if self.client.app.state.passerelle.sms.suites.lire(self.pseudo) is None:
                break
            self._envoyer("SUITE")
        offre = self.client.app.state.passerelle.relais.offres.lire(self.pseudo)
        n = [b["payload"] for b in offre.boutons].index(bouton["payload"])
        self._envoyer(chr(ord("A") + n) if offre_de_nombres(offre) else str(n + 1))
        self.dernier = etat(self.enr.derniers.get(self.pseudo, []))
        return self.dernier

    def bifurquer(self) -> "ConversationSms":
        copie = ConversationSms(self.client, self.serveurs, self.enr, demarrer=False)
        self._copier_vers(copie)
        return copie


@pytest.mark.timeout(1800)
def test_tous_les_boutons_par_sms(passerelle, vrais_serveurs):  # noqa: F811
    with TestClient(passerelle(twilio_auth_token=JETON_TWILIO, public_base_url=BASE)) as c:
        enr = Enregistreur(c.app.state.passerelle.rasa)
        rapport = Rapport()
        nouvelle = lambda: ConversationSms(c, vrais_serveurs, enr)  # noqa: E731
        explorer(nouvelle, "Tous mes droits", rapport, set())
        conv = nouvelle()
        e = jusquau_recap(conv, "Tous mes droits")
        verdict = conv.toucher(_bouton(e, "C'est juste"))
        assert verdict.verdict
        for bouton in verdict.boutons:
            essai = conv.bifurquer()
            rapport.verifier(["verdict"], bouton, verdict, essai.toucher(bouton))
        print(f"\nSMS : {rapport.touches} touchers, {len(rapport.questions)} questions")
        assert not rapport.fautes, "\n".join(rapport.fautes)
        assert len(rapport.questions) >= 12, rapport.questions


class ConversationTelegram(_Copiable):
    canal = "telegram"

    def __init__(self, client, serveurs, enregistreur, faux, demarrer: bool = True):
        self.client, self.serveurs, self.enr, self.faux = client, serveurs, enregistreur, faux
        self.ident = str(next(_numeros))
        self.dernier = Etat(None, False, False, [], "")
        if demarrer:
            self._attendre_apres(lambda: self.faux.pousser(FauxTelegram.update_texte(int(self.ident), "/start")))

    def _attendre_apres(self, action) -> None:
        avant = self.enr.tours.get(self.pseudo, 0)
        envoyes = len(self.faux.messages_vers(int(self.ident)))
        action()
        attendre(lambda: self.enr.tours.get(self.pseudo, 0) > avant, delai=60)
        attendre(lambda: len(self.faux.messages_vers(int(self.ident))) > envoyes, delai=30)
        offre = self.client.app.state.passerelle.relais.offres.lire(self.pseudo)
        self.dernier = etat(self.enr.derniers.get(self.pseudo, []))
        self.dernier.boutons = list(offre.boutons) if offre else []
        assert all(len(m["text"]) <= 4096 for m in self.faux.messages_vers(int(self.ident)))

    def toucher(self, bouton: dict) -> Etat:
        offre = self.client.app.state.passerelle.relais.offres.lire(self.pseudo)
        n = [b["payload"] for b in offre.boutons].index(bouton["payload"])
        donnees = f"b:{offre.jeton}:{n}"  # ce que porte le bouton « inline » montré (canal_telegram)
        claviers = [m.get("reply_markup", {}).get("inline_keyboard", []) for m in self.faux.messages_vers(int(self.ident))]
        if claviers and claviers[-1]:
            montres = [b["callback_data"] for ligne in claviers[-1] for b in ligne]
            assert donnees in montres or not self.faux.messages_vers(int(self.ident)), (donnees, montres)
        self._attendre_apres(lambda: self.faux.pousser(FauxTelegram.update_bouton(int(self.ident), donnees)))
        return self.dernier

    def bifurquer(self) -> "ConversationTelegram":
        copie = ConversationTelegram(self.client, self.serveurs, self.enr, self.faux, demarrer=False)
        self._copier_vers(copie)
        return copie


@pytest.mark.timeout(2400)
def test_tous_les_boutons_par_telegram(passerelle, vrais_serveurs):  # noqa: F811
    faux = FauxTelegram(JETON_TELEGRAM)
    with ServeurFil(faux.app) as serveur:
        app = passerelle(telegram_token=JETON_TELEGRAM, telegram_base_url=serveur.url, telegram_delai_polling=1)
        with TestClient(app) as c:
            attendre(lambda: c.app.state.passerelle.telegram.actif)
            enr = Enregistreur(c.app.state.passerelle.rasa)
            rapport = Rapport()
            nouvelle = lambda: ConversationTelegram(c, vrais_serveurs, enr, faux)  # noqa: E731
            explorer(nouvelle, "Tous mes droits", rapport, set())
            print(f"\nTelegram : {rapport.touches} touchers, {len(rapport.questions)} questions")
            assert not rapport.fautes, "\n".join(rapport.fautes)
            assert len(rapport.questions) >= 12, rapport.questions

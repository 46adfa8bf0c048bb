"""Les actions avec le VRAI droits et la VRAIE extraction, sans Rasa : chaque persona de
tests/e2e/personas.py va jusqu'au résultat attendu. L'intention est devinée grossièrement
(oui / non / informer) : ce test vérifie les actions, pas le NLU (voir tests/e2e)."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from tests.bot.conftest import suivi
from tests.e2e.personas import PERSONAS

extraction = pytest.importorskip("bot.extraction")
if not hasattr(extraction, "extraire_faits"):
    pytest.skip("bot.extraction n'est pas encore là", allow_module_level=True)

from bot.actions.dialogue import ActionAvancer  # noqa: E402

INITIAUX = {"forme": "vous", "echecs": 0.0, "verdict_donne": False}


def intention(texte: str) -> str:
    mot = texte.lower().split(",")[0].strip()
    return {"oui": "affirmer", "non": "nier"}.get(mot, "informer")


class Simulateur:
    def __init__(self, domaine):
        self.domaine = domaine
        self.slots = dict(INITIAUX)
        self.questions: list[str] = []
        self.resultats = None
        self.recaps = 0

    def envoyer(self, texte: str, nom_intention: str | None = None) -> list[dict]:
        dispatcher = CollectingDispatcher()
        tracker = suivi(texte, nom_intention or intention(texte), dict(self.slots))
        events = asyncio.run(ActionAvancer().run(dispatcher, tracker, self.domaine))
        for e in events:
            if e["event"] == "slot":
                self.slots[e["name"]] = e["value"]
            elif e["event"] in ("reset_slots", "restart"):
                self.slots = dict(INITIAUX)
        for m in dispatcher.messages:
            custom = m.get("custom") or {}
            if "question" in custom:
                self.questions.append(custom["question"])
            if "resultats" in custom:
                self.resultats = custom["resultats"]
            if "recap" in custom:
                self.recaps += 1
        return dispatcher.messages


@pytest.mark.parametrize("persona", PERSONAS, ids=lambda p: p.nom)
def test_persona_sans_rasa(domaine, persona):
    sim = Simulateur(domaine)
    messages = sim.envoyer(persona.premier, persona.intention)
    for _ in range(25):
        if sim.resultats:
            break
        custom = messages[-1].get("custom") or {}
        if "recap" in custom:  # « Voici ce que j'ai compris » : la persona confirme
            messages = sim.envoyer("oui c'est juste", "affirmer")
            continue
        champ = custom.get("question")
        reponse = persona.reponse(champ, custom.get("groupe"))
        assert reponse is not None, (champ, sim.questions, messages)
        messages = sim.envoyer(reponse)
    assert sim.resultats, sim.questions
    assert sim.recaps == 1, "le récapitulatif vient une fois, avant le verdict"
    assert len(sim.questions) == len(set(sim.questions)), sim.questions
    statuts = {d: sim.resultats["droits"][d]["statut"] for d in persona.attendus}
    assert statuts == persona.attendus, (sim.questions, sim.slots)
    assert sim.slots.get("forme") == persona.forme


def test_elle_a_31_ans_d_un_homme_en_couple_ne_donne_ni_son_age_ni_la_forme_elle(domaine):
    """Joué à la main (2/12/2026) : un homme en couple (« avec ma femme »), à « Êtes-vous étudiant ? »,
    écrit « elle a 31 ans » ; le récapitulatif disait « La personne a 31 ans » et le bot parlait de lui
    au féminin. « elle » peut être sa femme : aucun fait, pas de changement de forme, la question revient."""
    sim = Simulateur(domaine)
    sim.slots.update({"en_couple": True, "nationalite": "francaise", "question_en_cours": "etudiant",
                      "droits_demandes": ["rsa"]})
    messages = sim.envoyer("elle a 31 ans")
    assert "age" not in sim.slots and sim.slots["forme"] == "vous"
    assert (messages[-1].get("custom") or {}).get("question")  # une question revient, avec ses boutons
    assert messages[-1].get("buttons")
    # « elle » en réponse à une question sur le conjoint reste le conjoint
    sim.slots["question_en_cours"] = "conjoint_age"
    sim.envoyer("elle a 31 ans")
    assert sim.slots.get("conjoint_age") == 31 and "age" not in sim.slots and sim.slots["forme"] == "vous"


def test_a_la_rue_donne_le_115_tout_de_suite(domaine):
    """Joué à la main : « jsui a la rue avec mon fils de 3 ans » ou le bouton « À la rue » ne donnaient le 115
    qu'après le verdict (ou jamais). Le numéro vient d'abord, puis la question suivante."""
    from bot.actions import boutons

    payload = boutons.payload(champ="logement", valeur="rue")
    entites = [{"entity": "champ", "value": "logement"}, {"entity": "valeur", "value": "rue"}]
    for message, ents in (("jsui a la rue avec mon fils de 3 ans", None), (payload, entites)):
        slots = {**INITIAUX, "question_en_cours": "logement", "droits_demandes": ["domiciliation"]}
        dispatcher = CollectingDispatcher()
        events = asyncio.run(ActionAvancer().run(dispatcher, suivi(message, "informer", slots, entites=ents),
                                                 domaine))
        messages = dispatcher.messages
        assert "115" in messages[0]["text"] and messages[0]["custom"] == {"alertes": ["froid_dehors"]}
        assert {"event": "slot", "timestamp": None, "name": "logement", "value": "rue"} in events
        assert any((m.get("custom") or {}).get("question") for m in messages[1:])


def test_pas_de_creneau_a_la_caf_pour_l_ame_seule():
    """Joué à la main : une personne sans papiers, pour l'AME seule, se voyait proposer la CAF."""
    from bot.actions import rendez_vous

    sans_papiers = {**INITIAUX, "droits_demandes": ["ame"], "nationalite": "hors_ue", "titre_sejour": "aucun",
                    "mois_sans_titre": 24, "ressources_mensuelles": 0, "vit_a_paris": True}
    assert rendez_vous.sans_categories(suivi("oui", "affirmer", sans_papiers)) == ("caf",)
    rsa = {**INITIAUX, "droits_demandes": ["rsa"], "nationalite": "francaise", "age": 40, "etudiant": False,
           "en_couple": False, "enfants": 0, "ressources_mensuelles": 0, "logement": "rue"}
    assert rendez_vous.sans_categories(suivi("oui", "affirmer", rsa)) == ()
    assert rendez_vous.sans_categories(suivi("oui", "affirmer", dict(INITIAUX))) == ()


def _entites_du_payload(payload: str) -> list[dict]:
    """Les entités que Rasa tire d'un payload « /informer{...} » (une par clé ; un dict reste un dict)."""
    import json

    return [{"entity": k, "value": v} for k, v in json.loads(payload[payload.index("{"):]).items()]


def _avancer(domaine, message: str, slots: dict, intention: str = "informer"):
    dispatcher = CollectingDispatcher()
    entites = _entites_du_payload(message) if message.startswith("/") and "{" in message else None
    events = asyncio.run(ActionAvancer().run(dispatcher, suivi(message, intention, slots, entites=entites), domaine))
    poses = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    return poses, dispatcher.messages


# Une personne française de 40 ans, à la rue, sans revenus, qui demande le RSA : le couple et les enfants manquent.
_AVANT_FOYER = {**INITIAUX, "droits_demandes": ["rsa"], "nationalite": "francaise", "age": 40, "etudiant": False,
                "ressources_mensuelles": 0, "logement": "rue", "question_en_cours": "en_couple"}


def test_la_question_du_foyer_demande_le_couple_et_les_enfants_en_un_appui(domaine):
    """Tours (issue 11 §2) : « Avec qui vivez-vous ? » remplace « Vivez-vous en couple ? » puis « Combien
    d'enfants ? » ; « Seul(e), sans enfant » donne les deux faits, et le nombre d'enfants n'est plus demandé."""
    from bot.actions import boutons

    slots = {k: v for k, v in _AVANT_FOYER.items() if k != "question_en_cours"}
    _, messages = _avancer(domaine, "je veux le rsa", slots)
    question = next(m for m in messages if (m.get("custom") or {}).get("question"))
    assert question["custom"] == {"question": "en_couple", "groupe": "foyer"}
    assert question["text"].endswith("Avec qui vivez-vous ?")
    titres = [b["title"] for b in question["buttons"]]
    assert titres[:4] == ["Seul(e), sans enfant", "En couple, sans enfant", "Seul(e) avec enfants",
                          "En couple avec enfants"]
    seul = question["buttons"][0]["payload"]
    poses, messages = _avancer(domaine, seul, _AVANT_FOYER)
    assert poses["en_couple"] is False and poses["enfants"] == 0
    assert any("recap" in (m.get("custom") or {}) for m in messages)  # plus rien à demander pour le RSA
    # « Seul(e) avec enfants » ne dit pas combien : le nombre est demandé ensuite
    avec = next(b["payload"] for b in question["buttons"] if b["title"] == "Seul(e) avec enfants")
    poses, messages = _avancer(domaine, avec, _AVANT_FOYER)
    assert poses["en_couple"] is False and "enfants" not in poses
    assert messages[-1]["custom"]["question"] == "enfants"
    assert boutons.payload(champ="en_couple", valeur=False, faits={"enfants": 0}) == seul


def test_question_du_foyer_ni_oui_ni_non_ni_fait_force(domaine):
    """« oui » tapé à « Avec qui vivez-vous ? » ne dit rien : la question revient, avec ses boutons. Un payload
    forgé qui ajoute un autre fait (l'âge) ou une valeur hors vocabulaire ne remplit rien."""
    from bot.actions import boutons

    for message, intention in (("oui", "affirmer"), ("non", "nier"),
                               (boutons.payload(champ="en_couple", valeur=False, faits={"age": 12}), "informer"),
                               (boutons.payload(champ="en_couple", valeur=False, faits={"enfants": -3}), "informer"),
                               (boutons.payload(champ="en_couple", valeur=False, faits="enfants"), "informer")):
        poses, messages = _avancer(domaine, message, _AVANT_FOYER, intention)
        assert "en_couple" not in poses and "enfants" not in poses and "age" not in poses, (message, poses)
        assert messages[-1]["custom"] == {"question": "en_couple", "groupe": "foyer"}, message
        assert messages[-1]["buttons"]
    # des mots qui le disent vraiment, même en SMS
    for message, attendu in (("chui tt seul pa d'enfan", {"en_couple": False, "enfants": 0}),
                             ("avec ma femme et nos 3 enfants", {"en_couple": True, "enfants": 3}),
                             ("seule avec mes 2 gosses", {"en_couple": False, "enfants": 2})):
        poses, _ = _avancer(domaine, message, _AVANT_FOYER)
        assert {k: poses.get(k) for k in attendu} == attendu, (message, poses)


def test_recapitulatif_des_durees_en_fourchette():
    """Joué à la main : « Vous vivez en France depuis entre 3 et 59 mois » (bouton « 3 mois à 5 ans »), et
    « moins de 2 mois » pour le bouton « Moins de 3 mois » ([0, 2] : des mois entiers). Dit comme les boutons."""
    from bot.actions.recap import phrase

    assert phrase("mois_en_france", None, "vous", [3, 59]) == \
        "Vous vivez en France depuis au moins 3 mois et moins de 5 ans."
    assert phrase("mois_en_france", None, "vous", [0, 2]) == "Vous vivez en France depuis moins de 3 mois."
    assert phrase("mois_sans_titre", None, "il", [3, 1440]) == "La personne est sans papiers depuis au moins 3 mois."
    assert phrase("annees_titre_sejour", None, "vous", [0, 4.99]).endswith("depuis moins de 5 ans.")
    assert phrase("age", None, "vous", [18, 24]) == "Vous avez entre 18 et 24 ans."


def test_un_fait_dit_pour_les_deux_membres_du_couple(domaine):
    """Persona couple_aucun_etudiant : « français tous les deux » à la nationalité, « aucun de nous n'est
    étudiant » aux études : le fait vaut pour la personne et son ou sa partenaire, qui n'est plus questionné.
    Sans couple (« je vis seul »), ou « tous les 2 mois », rien pour le conjoint."""
    couple = {**INITIAUX, "droits_demandes": ["rsa"], "en_couple": True}
    poses, _ = _avancer(domaine, "français tous les deux", {**couple, "question_en_cours": "nationalite"})
    assert poses["nationalite"] == "francaise" and poses["conjoint_nationalite"] == "francaise"
    for texte in ("aucun de nous n'est étudiant", "non, ni l'un ni l'autre", "ni moi ni ma femme"):
        poses, _ = _avancer(domaine, texte, {**couple, "question_en_cours": "etudiant"})
        assert poses.get("etudiant") is False and poses.get("conjoint_etudiant") is False, (texte, poses)
    poses, _ = _avancer(domaine, "je suis français", {**couple, "question_en_cours": "nationalite"})
    assert "conjoint_nationalite" not in poses
    seul = {**INITIAUX, "droits_demandes": ["rsa"], "question_en_cours": "nationalite", "en_couple": False}
    poses, _ = _avancer(domaine, "français tous les deux", seul)
    assert poses["nationalite"] == "francaise" and "conjoint_nationalite" not in poses
    # le couple pas encore dit (« on voudrait savoir pour le rsa avec ma femme ») : le fait vaut pour les deux
    inconnu = {**INITIAUX, "droits_demandes": ["rsa"], "question_en_cours": "nationalite"}
    poses, _ = _avancer(domaine, "français tous les deux", inconnu)
    assert poses["conjoint_nationalite"] == "francaise"
    poses, _ = _avancer(domaine, "on est français tous les deux, moi et mon fils", inconnu)
    assert poses["nationalite"] == "francaise" and "conjoint_nationalite" not in poses
    poses, _ = _avancer(domaine, "je suis français, je touche 300 € tous les 2 mois",
                        {**couple, "question_en_cours": "nationalite"})
    assert "conjoint_nationalite" not in poses
    # déjà dit du conjoint : jamais remplacé
    poses, _ = _avancer(domaine, "français tous les deux",
                        {**couple, "question_en_cours": "nationalite", "conjoint_nationalite": "hors_ue"})
    assert "conjoint_nationalite" not in poses


def test_tous_les_deux_avec_ma_copine_parle_du_couple(domaine):
    """« ma copine » est la partenaire : « moi et ma copine on est français tous les deux » vaut pour les deux."""
    slots = {**INITIAUX, "droits_demandes": ["rsa"], "question_en_cours": "nationalite"}
    poses, _ = _avancer(domaine, "moi et ma copine on est français tous les deux", slots)
    assert poses["nationalite"] == "francaise" and poses["conjoint_nationalite"] == "francaise"


def test_le_recapitulatif_ne_montre_pas_les_faits_sans_objet():
    """Joué à la main : après la correction « je dors à Paris », le récapitulatif disait encore « Vous n'avez pas
    de lien avec Paris » ; le conjoint d'une personne qui ne vit plus en couple ne se montre pas non plus."""
    from bot.actions.recap import phrases

    champs = [c for c, _ in phrases({"vit_a_paris": True, "lien_paris": False, "en_couple": False,
                                     "conjoint_age": 30, "nationalite": "francaise", "titre_sejour": "aucun"}, "vous")]
    assert champs == ["nationalite", "en_couple", "vit_a_paris"], champs
    champs = [c for c, _ in phrases({"vit_a_paris": False, "lien_paris": False}, "vous")]
    assert champs == ["vit_a_paris", "lien_paris"]

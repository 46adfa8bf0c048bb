"""Actions du dialogue, avec le faux moteur : événements EXACTS et messages."""

from __future__ import annotations

from rasa_sdk.events import ActionExecuted, AllSlotsReset, Restarted, SessionStarted, SlotSet

from tests.bot.conftest import suivi

TOUS = ["ame", "rsa", "fsl", "domiciliation"]
NSP = {"title": "Je ne sais pas", "payload": "Je ne sais pas"}
OUI_NON = [{"title": "Oui", "payload": "/affirmer"}, {"title": "Non", "payload": "/nier"}, NSP]


def actions():
    from bot.actions import dialogue, donnees, infos, session
    return dialogue, donnees, infos, session


def test_debut_de_session_donne_l_information_sur_les_donnees(faux_moteur, lancer):
    _, _, _, session = actions()
    events, messages = lancer(session.ActionSessionStart(), suivi(intention=None))
    assert events == [SessionStarted(), ActionExecuted("action_listen")]
    assert [m["response"] for m in messages] == ["utter_consentement"]


def test_bonjour_sans_fait_donne_l_accueil(faux_moteur, lancer):
    dialogue, *_ = actions()
    events, messages = lancer(dialogue.ActionAvancer(), suivi("bonjour", "saluer"))
    assert events == []
    assert [m["response"] for m in messages] == ["utter_accueil"]


def test_premier_message_avec_des_faits_qui_ne_sont_pas_redemandes(faux_moteur, lancer):
    dialogue, *_ = actions()
    events, messages = lancer(dialogue.ActionAvancer(), suivi("bjr jsui san papié", "saluer"))
    assert events == [
        SlotSet("nationalite", "hors_ue"),
        SlotSet("titre_sejour", "aucun"),
        SlotSet("droits_demandes", TOUS),
        SlotSet("question_en_cours", "age"),
        SlotSet("echecs", 0.0),
    ]
    assert len(messages) == 1
    assert messages[0]["text"] == "Quel âge avez-vous ?"
    assert messages[0]["custom"] == {"question": "age"}
    assert messages[0]["buttons"] == [NSP]


def test_demander_un_droit_pose_la_premiere_question_avec_des_boutons(faux_moteur, lancer):
    dialogue, *_ = actions()
    events, messages = lancer(dialogue.ActionAvancer(), suivi("je veux voir un medecin", "demander_ame"))
    assert events == [
        SlotSet("droits_demandes", ["ame"]),
        SlotSet("question_en_cours", "nationalite"),
        SlotSet("echecs", 0.0),
    ]
    assert messages[0]["custom"] == {"question": "nationalite"}
    assert messages[0]["buttons"] == [
        {"title": "Française", "payload": "Française"},
        {"title": "Un pays d'Europe", "payload": "Un pays d'Europe"},
        {"title": "Un autre pays", "payload": "Un autre pays"},
        NSP,
    ]


def test_un_bouton_de_choix_donne_sa_valeur(faux_moteur, lancer):
    dialogue, *_ = actions()
    slots = {"droits_demandes": ["ame"], "question_en_cours": "nationalite"}
    events, messages = lancer(dialogue.ActionAvancer(), suivi("Un autre pays", "informer", slots))
    assert events == [
        SlotSet("nationalite", "hors_ue"),
        SlotSet("question_en_cours", "age"),
        SlotSet("echecs", 0.0),
    ]
    assert messages[0]["custom"] == {"question": "age"}


def test_reponse_courte_interpretee_pour_la_question_posee(faux_moteur, lancer):
    dialogue, *_ = actions()
    slots = {"droits_demandes": TOUS, "question_en_cours": "age", "nationalite": "hors_ue"}
    events, messages = lancer(dialogue.ActionAvancer(), suivi("35", "nlu_fallback", slots))
    assert events == [
        SlotSet("age", 35),
        SlotSet("question_en_cours", "en_couple"),
        SlotSet("echecs", 0.0),
    ]
    assert messages[0]["text"] == "Vivez-vous en couple ?"
    assert messages[0]["buttons"] == OUI_NON
    assert messages[0]["custom"] == {"question": "en_couple"}


def test_bouton_oui_puis_resultat_avec_custom_resultats(faux_moteur, lancer):
    dialogue, *_ = actions()
    slots = {"droits_demandes": ["ame", "rsa"], "question_en_cours": "en_couple",
             "nationalite": "hors_ue", "age": 35}
    events, messages = lancer(dialogue.ActionAvancer(), suivi("/affirmer", "affirmer", slots))
    assert events == [
        SlotSet("en_couple", True),
        SlotSet("question_en_cours", None),
        SlotSet("echecs", 0.0),
        SlotSet("verdict_donne", True),
        SlotSet("attente", "rdv"),
    ]
    assert messages[0]["custom"]["resultats"] == faux_moteur.evaluer({})
    assert messages[1]["text"].startswith("L'AME, l'aide médicale de l'État :\nRésumé ame.")
    assert "Pièce ame." in messages[1]["text"] and "Lieu ame, 1 rue de Paris." in messages[1]["text"]
    assert "Ces horaires sont indicatifs." in messages[1]["text"]
    assert messages[2]["text"].startswith("Le RSA, le revenu de solidarité active :")
    assert messages[3]["response"] == "utter_proposer_rdv"
    assert len(messages) == 4


def test_oui_a_l_offre_de_rendez_vous_propose_des_creneaux(faux_moteur, lancer, service_rdv):
    dialogue, *_ = actions()
    slots = {"droits_demandes": ["ame"], "attente": "rdv", "verdict_donne": True}
    events, messages = lancer(dialogue.ActionAvancer(), suivi("/affirmer", "affirmer", slots))
    assert SlotSet("attente", "rdv_creneau") in events
    assert len(messages) == 1 and len(messages[0]["buttons"]) == 5


def test_non_a_l_offre_de_rendez_vous(faux_moteur, lancer, service_rdv):
    dialogue, *_ = actions()
    slots = {"droits_demandes": ["ame"], "attente": "rdv", "verdict_donne": True}
    events, messages = lancer(dialogue.ActionAvancer(), suivi("/nier", "nier", slots))
    assert SlotSet("attente", None) in events
    assert [m["response"] for m in messages] == ["utter_rdv_non"]


def test_correction_remplace_l_ancienne_valeur_sans_repondre_non(faux_moteur, lancer):
    dialogue, *_ = actions()
    slots = {"droits_demandes": TOUS, "question_en_cours": "en_couple",
             "nationalite": "hors_ue", "age": 30}
    events, messages = lancer(dialogue.ActionAvancer(), suivi("non en fait j'ai 35 ans", "nier", slots))
    assert events == [
        SlotSet("age", 35),
        SlotSet("question_en_cours", "en_couple"),
        SlotSet("echecs", 0.0),
    ]
    assert messages[0]["text"] == "C'est corrigé. Vivez-vous en couple ?"


def test_je_ne_sais_pas_ne_redemande_pas_le_fait(faux_moteur, lancer):
    dialogue, *_ = actions()
    slots = {"droits_demandes": TOUS, "question_en_cours": "age", "nationalite": "hors_ue"}
    events, messages = lancer(dialogue.ActionAvancer(), suivi("je sais pas", "nier", slots))
    assert events == [
        SlotSet("inconnus", ["age"]),
        SlotSet("question_en_cours", "en_couple"),
        SlotSet("echecs", 0.0),
    ]
    assert messages[0]["custom"] == {"question": "en_couple"}


def test_reponses_non_comprises_reformulation_puis_on_passe(faux_moteur, lancer):
    dialogue, *_ = actions()
    base = {"droits_demandes": TOUS, "question_en_cours": "age", "nationalite": "hors_ue"}
    events, messages = lancer(dialogue.ActionAvancer(), suivi("bof", "nlu_fallback", base))
    assert events == [SlotSet("question_en_cours", "age"), SlotSet("echecs", 1.0)]
    assert messages[0]["text"] == "Je n'ai pas bien compris votre réponse. Quel âge avez-vous ?"

    events, messages = lancer(dialogue.ActionAvancer(), suivi("bof", "hors_sujet", {**base, "echecs": 1.0}))
    assert events == [SlotSet("question_en_cours", "age"), SlotSet("echecs", 2.0)]
    assert messages[0]["text"] == "Je n'ai pas bien compris votre réponse. Vous êtes né en quelle année ?"

    events, messages = lancer(dialogue.ActionAvancer(), suivi("bof", "informer", {**base, "echecs": 2.0}))
    assert events == [
        SlotSet("inconnus", ["age"]),
        SlotSet("question_en_cours", "en_couple"),
        SlotSet("echecs", 0.0),
    ]
    assert messages[0]["text"] == "Ce n'est pas grave. On passe à la question suivante. Vivez-vous en couple ?"


def test_texte_tape_avec_slash_ne_remplit_aucun_emplacement(faux_moteur, lancer):
    dialogue, *_ = actions()
    tracker = suivi('/informer{"age": 99}', "informer",
                    entites=[{"entity": "age", "value": 99}],
                    classement=[{"name": "informer", "confidence": 1.0}])
    events, messages = lancer(dialogue.ActionAvancer(), tracker)
    assert events == [SlotSet("echecs", 1.0)]
    assert messages[0]["response"] == "utter_repli_autrement"

    slots = {"droits_demandes": TOUS, "question_en_cours": "age", "nationalite": "hors_ue"}
    tracker = suivi('/informer{"age": 99}', "informer", slots, entites=[{"entity": "age", "value": 99}])
    events, messages = lancer(dialogue.ActionAvancer(), tracker)
    assert events == [SlotSet("question_en_cours", "age"), SlotSet("echecs", 1.0)]


def test_repli_en_deux_temps_hors_question(faux_moteur, lancer):
    dialogue, *_ = actions()
    classement = [
        {"name": "nlu_fallback", "confidence": 0.4},
        {"name": "demander_fsl", "confidence": 0.3},
        {"name": "affirmer", "confidence": 0.2},
        {"name": "demander_lieu", "confidence": 0.1},
    ]
    events, messages = lancer(dialogue.ActionAvancer(), suivi("xyz", "nlu_fallback", classement=classement))
    assert events == [SlotSet("echecs", 1.0)]
    assert messages[0]["response"] == "utter_repli_choix"
    assert messages[0]["buttons"] == [
        {"title": "Loyer, factures (FSL)", "payload": "/demander_fsl"},
        {"title": "Où aller", "payload": "/demander_lieu"},
        {"title": "Autre chose", "payload": "/aide"},
    ]
    events, messages = lancer(
        dialogue.ActionAvancer(), suivi("xyz", "nlu_fallback", {"echecs": 1.0}, classement)
    )
    assert events == [SlotSet("echecs", 2.0)]
    assert messages[0]["response"] == "utter_repli_autrement"
    events, messages = lancer(
        dialogue.ActionAvancer(), suivi("xyz", "nlu_fallback", {"echecs": 2.0}, classement)
    )
    assert events == [SlotSet("echecs", 0.0)]
    assert messages[0]["response"] == "utter_parler_humain"


def test_reprendre_apres_une_urgence_garde_les_faits_et_repose_la_question(faux_moteur, lancer):
    dialogue, *_ = actions()
    slots = {"droits_demandes": TOUS, "question_en_cours": "age", "nationalite": "hors_ue"}
    events, messages = lancer(dialogue.ActionReprendre(), suivi("je dors dehors", "urgence", slots))
    assert events == [
        SlotSet("logement", "rue"),
        SlotSet("question_en_cours", "age"),
        SlotSet("echecs", 0.0),
    ]
    assert messages[0]["text"] == "On reprend là où on en était. Quel âge avez-vous ?"
    assert messages[0]["custom"] == {"question": "age"}


def test_reprendre_sans_parcours_garde_les_faits_en_silence(faux_moteur, lancer):
    dialogue, *_ = actions()
    events, messages = lancer(dialogue.ActionReprendre(), suivi("je dors dehors", "urgence"))
    assert events == [SlotSet("logement", "rue")]
    assert messages == []


def test_mode_aidant_questions_a_la_troisieme_personne_et_resume(faux_moteur, lancer):
    dialogue, *_ = actions()
    events, messages = lancer(
        dialogue.ActionAvancer(), suivi("il a 50 ans, il est malien", "informer")
    )
    assert events == [
        SlotSet("age", 50),
        SlotSet("nationalite", "hors_ue"),
        SlotSet("forme", "il"),
        SlotSet("droits_demandes", TOUS),
        SlotSet("question_en_cours", "en_couple"),
        SlotSet("echecs", 0.0),
    ]
    assert messages[0]["text"] == "La personne vit-elle en couple ?"

    slots = {"droits_demandes": ["ame"], "question_en_cours": "en_couple", "forme": "il",
             "age": 50, "nationalite": "hors_ue"}
    events, messages = lancer(dialogue.ActionAvancer(), suivi("/nier", "nier", slots))
    assert events[0] == SlotSet("en_couple", False)
    textes = [m.get("text") or m.get("response") for m in messages]
    assert textes[0].startswith("Voici ce que je peux dire pour cette personne.")
    assert textes[2] == (
        "Résumé à copier :\n"
        "Situation : 50 ans, nationalité hors UE, seul.\n"
        "AME : droit probable."
    )
    assert textes[3] == "utter_proposer_rdv_tiers"


def test_effacer_demande_confirmation_puis_efface_tout(faux_moteur, lancer, service_rdv):
    dialogue, donnees, _, _ = actions()
    events, messages = lancer(donnees.ActionDemanderSuppression(), suivi("efface tout", "supprimer_donnees"))
    assert events == [SlotSet("attente", "suppression")]
    assert [m["response"] for m in messages] == ["utter_confirmer_suppression"]

    slots = {"attente": "suppression", "age": 35, "droits_demandes": TOUS}
    events, messages = lancer(dialogue.ActionAvancer(), suivi("/affirmer", "affirmer", slots))
    assert events == [AllSlotsReset(), Restarted()]
    assert [m["response"] for m in messages] == ["utter_donnees_supprimees"]


def test_effacer_puis_non_garde_tout_et_reprend(faux_moteur, lancer):
    dialogue, *_ = actions()
    slots = {"attente": "suppression", "droits_demandes": TOUS, "question_en_cours": "age",
             "nationalite": "hors_ue"}
    events, messages = lancer(dialogue.ActionAvancer(), suivi("/nier", "nier", slots))
    assert events == [
        SlotSet("attente", None),
        SlotSet("question_en_cours", "age"),
        SlotSet("echecs", 0.0),
    ]
    assert messages[0]["response"] == "utter_suppression_annulee"
    assert messages[1]["custom"] == {"question": "age"}


def test_recommencer_oublie_les_faits(faux_moteur, lancer):
    _, donnees, _, _ = actions()
    events, messages = lancer(donnees.ActionRecommencer(), suivi("on recommence", "recommencer", {"age": 3}))
    assert events == [AllSlotsReset()]
    assert [m["response"] for m in messages] == ["utter_recommencer", "utter_menu"]


def test_papiers_avant_le_resultat_puis_apres(faux_moteur, lancer):
    _, _, infos, _ = actions()
    events, messages = lancer(infos.ActionInfos(), suivi("quels papiers ?", "demander_documents"))
    assert events == []
    assert [m["response"] for m in messages] == ["utter_documents_plus_tard", "utter_menu"]

    slots = {"droits_demandes": ["ame"], "nationalite": "hors_ue", "age": 35, "en_couple": False,
             "verdict_donne": True}
    events, messages = lancer(infos.ActionInfos(), suivi("c'est ou ?", "demander_lieu", slots))
    assert events == []
    assert messages[0]["text"].startswith("L'AME, l'aide médicale de l'État :\nOù aller :\n- Lieu ame")


def test_entrees_bizarres_sans_plantage(faux_moteur, lancer):
    dialogue, *_ = actions()
    for texte in ["", "   ", "a" * 10_000, "😀😀😀", "hello how are you", "مرحبا", "123456789"]:
        for intention in ["nlu_fallback", "hors_sujet", None]:
            events, messages = lancer(dialogue.ActionAvancer(), suivi(texte, intention))
            assert messages, (texte, intention)
            assert all(e["event"] == "slot" and e["name"] == "echecs" for e in events)


def test_redemander_un_droit_apres_le_resultat_le_redonne(faux_moteur, lancer):
    dialogue, *_ = actions()
    slots = {"droits_demandes": ["ame", "rsa"], "nationalite": "hors_ue", "age": 35,
             "en_couple": False, "verdict_donne": True}
    events, messages = lancer(dialogue.ActionAvancer(), suivi("et le rsa ?", "demander_rsa", slots))
    assert events == [
        SlotSet("question_en_cours", None),
        SlotSet("echecs", 0.0),
        SlotSet("verdict_donne", True),
        SlotSet("attente", "rdv"),
    ]
    assert "resultats" in messages[0]["custom"]
    assert messages[1]["text"].startswith("Le RSA")
    assert len(messages) == 3


def test_une_panne_du_moteur_donne_un_message_simple(faux_moteur, lancer, monkeypatch):
    dialogue, *_ = actions()
    import droits

    def panne(*args, **kwargs):
        raise RuntimeError("panne")

    monkeypatch.setattr(droits, "prochaine_question", panne)
    events, messages = lancer(dialogue.ActionAvancer(), suivi("je veux le rsa", "demander_rsa"))
    assert events == []
    assert [m["response"] for m in messages] == ["utter_probleme"]


def test_une_panne_de_l_extraction_n_empeche_pas_de_continuer(faux_moteur, lancer, monkeypatch):
    dialogue, *_ = actions()
    from bot import extraction

    def panne(texte):
        raise ValueError("panne")

    monkeypatch.setattr(extraction, "extraire_faits", panne)
    events, messages = lancer(dialogue.ActionAvancer(), suivi("je veux l'ame", "demander_ame"))
    assert messages[0]["custom"] == {"question": "nationalite"}


def test_droit_nomme_dans_un_message_de_faits(faux_moteur, lancer):
    dialogue, *_ = actions()
    events, _ = lancer(dialogue.ActionAvancer(), suivi("j'ai 35 ans, je voudrais le RSA et l'AME", "informer"))
    assert SlotSet("droits_demandes", ["ame", "rsa"]) in events


def test_apres_une_urgence_le_message_n_est_pas_une_reponse_courte(faux_moteur, lancer):
    """« non, je dors dehors ce soir » (urgence) ne répond pas « non » à la question posée."""
    dialogue, *_ = actions()
    slots = {"droits_demandes": TOUS, "question_en_cours": "en_couple", "nationalite": "hors_ue",
             "age": 30}
    events, messages = lancer(
        dialogue.ActionReprendre(), suivi("non, je dors dehors ce soir", "urgence", slots)
    )
    assert events == [
        SlotSet("logement", "rue"),
        SlotSet("question_en_cours", "en_couple"),
        SlotSet("echecs", 0.0),
    ]
    assert messages[0]["custom"] == {"question": "en_couple"}


def test_un_texte_hesitant_classe_oui_ne_repond_pas_oui(faux_moteur, lancer):
    dialogue, *_ = actions()
    slots = {"droits_demandes": TOUS, "question_en_cours": "en_couple", "nationalite": "hors_ue",
             "age": 30}
    events, messages = lancer(dialogue.ActionAvancer(), suivi("euh", "affirmer", slots))
    assert events == [SlotSet("question_en_cours", "en_couple"), SlotSet("echecs", 1.0)]


def test_un_bouton_de_reponse_classe_demander_un_droit_n_ajoute_pas_ce_droit(faux_moteur, lancer):
    dialogue, *_ = actions()
    slots = {"droits_demandes": ["rsa"], "question_en_cours": "nationalite"}
    events, messages = lancer(dialogue.ActionAvancer(), suivi("Un autre pays", "demander_ame", slots))
    assert events == [
        SlotSet("nationalite", "hors_ue"),
        SlotSet("question_en_cours", "age"),
        SlotSet("echecs", 0.0),
    ]


def test_je_sais_pas_classe_merci_reste_une_reponse(faux_moteur, lancer):
    dialogue, *_ = actions()
    slots = {"droits_demandes": TOUS, "question_en_cours": "age", "nationalite": "hors_ue"}
    events, messages = lancer(dialogue.ActionReprendre(), suivi("je sais pas", "remercier", slots))
    assert events == [
        SlotSet("inconnus", ["age"]),
        SlotSet("question_en_cours", "en_couple"),
        SlotSet("echecs", 0.0),
    ]

"""Actions du dialogue, avec le faux moteur : événements EXACTS et messages."""

from __future__ import annotations

from rasa_sdk.events import ActionExecuted, AllSlotsReset, Restarted, SessionStarted, SlotSet

from tests.bot.conftest import suivi

TOUS = ["ame", "rsa", "fsl", "domiciliation"]


def nsp(champ):
    return {"title": "Je ne sais pas", "payload": f'/informer{{"champ":"{champ}","nsp":true}}'}


def oui_non(champ):
    return [{"title": "Oui", "payload": f'/informer{{"champ":"{champ}","valeur":true}}'},
            {"title": "Non", "payload": f'/informer{{"champ":"{champ}","valeur":false}}'}, nsp(champ)]


def bouton(champ, valeur):
    """Le tracker après un toucher sur un bouton de réponse (entités comme Rasa les lit)."""
    import json
    payload = "/informer" + json.dumps({"champ": champ, "valeur": valeur}, separators=(",", ":"))
    return payload, [{"entity": "champ", "value": champ}, {"entity": "valeur", "value": valeur}]


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
    assert messages[0]["buttons"] == [nsp("age")]


def test_un_besoin_sans_droit_nomme_regarde_tous_les_droits(faux_moteur, lancer):
    """« je veux voir un médecin » (classé demander_ame) décrit un besoin : tous les droits (issue 11 §3)."""
    dialogue, *_ = actions()
    events, messages = lancer(dialogue.ActionAvancer(), suivi("je veux voir un medecin", "demander_ame"))
    assert events == [
        SlotSet("droits_demandes", TOUS),
        SlotSet("question_en_cours", "nationalite"),
        SlotSet("echecs", 0.0),
    ]


def test_demander_un_droit_pose_la_premiere_question_avec_des_boutons(faux_moteur, lancer):
    """Le bouton « AME » nomme le droit : l'AME, et la domiciliation comme préalable (une adresse)."""
    dialogue, *_ = actions()
    events, messages = lancer(dialogue.ActionAvancer(), suivi("/demander_ame", "demander_ame"))
    assert events == [
        SlotSet("droits_demandes", ["ame", "domiciliation"]),
        SlotSet("droits_prerequis", ["domiciliation"]),
        SlotSet("question_en_cours", "nationalite"),
        SlotSet("echecs", 0.0),
    ]
    assert messages[0]["custom"] == {"question": "nationalite"}
    assert messages[0]["buttons"] == [
        {"title": "Française", "payload": '/informer{"champ":"nationalite","valeur":"francaise"}'},
        {"title": "Un pays d'Europe", "payload": '/informer{"champ":"nationalite","valeur":"ue"}'},
        {"title": "Un autre pays", "payload": '/informer{"champ":"nationalite","valeur":"hors_ue"}'},
        nsp("nationalite"),
    ]


def test_un_bouton_structure_donne_exactement_sa_valeur(faux_moteur, lancer):
    """Le bouton porte son fait : « Autre pays » ne passe jamais par le NLU (issue 15 §1)."""
    dialogue, *_ = actions()
    slots = {"droits_demandes": ["ame"], "question_en_cours": "nationalite"}
    payload, entites = bouton("nationalite", "hors_ue")
    events, messages = lancer(dialogue.ActionAvancer(), suivi(payload, "recommencer", slots, entites=entites))
    assert events[0] == SlotSet("nationalite", "hors_ue")
    assert messages[0]["custom"] == {"question": "age"}


def test_un_bouton_pour_une_autre_question_ou_hors_vocabulaire_ne_remplit_rien(faux_moteur, lancer):
    dialogue, *_ = actions()
    slots = {"droits_demandes": ["ame"], "question_en_cours": "nationalite"}
    for champ, valeur in [("age", 99), ("nationalite", "martienne"), ("nationalite", 3)]:
        payload, entites = bouton(champ, valeur)
        events, messages = lancer(dialogue.ActionAvancer(), suivi(payload, "informer", slots, entites=entites))
        assert not any(e.get("name") in ("age", "nationalite") for e in events), (champ, valeur, events)
        assert messages[0]["custom"] == {"question": "nationalite"}


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
    assert messages[0]["buttons"] == oui_non("en_couple")
    assert messages[0]["custom"] == {"question": "en_couple"}


def test_dernier_bouton_puis_recapitulatif_puis_verdict(faux_moteur, lancer):
    """Avant le verdict : « Voici ce que j'ai compris », puis « C'est juste » (issue 11 §2)."""
    dialogue, *_ = actions()
    slots = {"droits_demandes": ["ame", "rsa"], "question_en_cours": "en_couple",
             "nationalite": "hors_ue", "age": 35}
    payload, entites = bouton("en_couple", True)
    events, messages = lancer(dialogue.ActionAvancer(), suivi(payload, "informer", slots, entites=entites))
    assert events == [
        SlotSet("en_couple", True),
        SlotSet("attente", "recap"),
        SlotSet("question_en_cours", None),
        SlotSet("echecs", 0.0),
    ]
    assert messages[0]["text"] == (
        "Voici ce que j'ai compris :\n"
        "- Vous avez 35 ans.\n"
        "- Vous venez d'un pays hors de l'Union européenne.\n"
        "- Vous vivez en couple.\n"
        "Est-ce juste ?"
    )
    assert messages[0]["buttons"] == [{"title": "C'est juste", "payload": "/affirmer"},
                                      {"title": "Corriger", "payload": "/nier"}]
    assert messages[0]["custom"] == {"recap": ["age", "nationalite", "en_couple"]}

    slots = {**slots, "en_couple": True, "attente": "recap", "question_en_cours": None}
    events, messages = lancer(dialogue.ActionAvancer(), suivi("/affirmer", "affirmer", slots))
    situation = {"age": 35, "nationalite": "hors_ue", "en_couple": True}
    assert events == [
        SlotSet("recap_confirme", {"situation": situation, "corrige": None}),
        SlotSet("attente", None),
        SlotSet("question_en_cours", None),
        SlotSet("echecs", 0.0),
        SlotSet("verdict_donne", True),
        SlotSet("attente", "rdv"),
    ]
    assert len(messages) == 1
    assert messages[0]["custom"]["resultats"] == faux_moteur.evaluer({})
    assert messages[0]["custom"]["verdict"]["droits"] == ["ame", "rsa"]
    assert messages[0]["text"] == (
        "Voici mes réponses. Je vous informe, je ne décide pas.\n"
        "🩺 Soins (AME) : oui, sans doute.\n"
        "💶 Argent (RSA) : peut-être, à vérifier.\n"
        "Un rendez-vous des droits peut vous aider : une personne regarde vos papiers avec vous. Le voulez-vous ?"
    )
    assert [b["title"] for b in messages[0]["buttons"]] == [
        "Un rendez-vous", "Pourquoi ?", "Papiers ?", "Où aller ?", "Mes autres droits", "Non merci"]


def test_corriger_un_fait_au_recapitulatif_le_redemande_puis_verdict(faux_moteur, lancer):
    dialogue, *_ = actions()
    base = {"droits_demandes": ["ame"], "nationalite": "hors_ue", "age": 35, "en_couple": True}
    events, messages = lancer(dialogue.ActionAvancer(), suivi("/nier", "nier", {**base, "attente": "recap"}))
    assert events == [SlotSet("attente", "corriger")]
    assert messages[0]["text"] == "Que voulez-vous corriger ? Choisissez la ligne fausse."
    assert messages[0]["buttons"][0] == {"title": "Vous avez 35 ans.", "payload": '/informer{"corriger":"age"}'}

    tracker = suivi('/informer{"corriger":"age"}', "informer", {**base, "attente": "corriger"},
                    entites=[{"entity": "corriger", "value": "age"}])
    events, messages = lancer(dialogue.ActionAvancer(), tracker)
    assert events == [
        SlotSet("attente", None),
        SlotSet("age", None),
        SlotSet("recap_confirme", {"situation": {"nationalite": "hors_ue", "en_couple": True}, "corrige": "age"}),
        SlotSet("question_en_cours", "age"),
        SlotSet("echecs", 0.0),
    ]
    assert messages[0]["text"] == "Quel âge avez-vous ?"

    slots = {"droits_demandes": ["ame"], "nationalite": "hors_ue", "en_couple": True, "question_en_cours": "age",
             "recap_confirme": {"situation": {"nationalite": "hors_ue", "en_couple": True}, "corrige": "age"}}
    events, messages = lancer(dialogue.ActionAvancer(), suivi("36", "informer", slots))
    assert events[0] == SlotSet("age", 36)
    assert "resultats" in messages[-1]["custom"]  # pas de second récapitulatif : le verdict suit


def test_corriger_en_tapant_pendant_le_recapitulatif(faux_moteur, lancer):
    """« non en fait j'ai 35 ans » au récapitulatif : le fait change, le récapitulatif revient."""
    dialogue, *_ = actions()
    slots = {"droits_demandes": ["ame"], "nationalite": "hors_ue", "age": 30, "en_couple": True,
             "attente": "recap"}
    events, messages = lancer(dialogue.ActionAvancer(), suivi("non en fait j'ai 35 ans", "nier", slots))
    assert events[0] == SlotSet("age", 35)
    assert messages[0]["text"].startswith("C'est corrigé.\nVoici ce que j'ai compris :\n- Vous avez 35 ans.")


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
    payload, entites = bouton("en_couple", False)
    events, messages = lancer(dialogue.ActionAvancer(), suivi(payload, "informer", slots, entites=entites))
    assert events[0] == SlotSet("en_couple", False)
    assert messages[0]["text"].startswith("Voici ce que j'ai compris de la personne :\n- La personne a 50 ans.")

    slots = {**slots, "en_couple": False, "attente": "recap", "question_en_cours": None}
    events, messages = lancer(dialogue.ActionAvancer(), suivi("/affirmer", "affirmer", slots))
    assert messages[0]["text"].startswith("Voici mes réponses pour cette personne.")
    assert messages[0]["text"].endswith("peut aider la personne : quelqu'un regarde ses papiers avec elle. Le voulez-vous ?")
    assert messages[1]["text"] == (
        "Résumé à copier :\n"
        "La personne a 50 ans.\n"
        "La personne vient d'un pays hors de l'Union européenne.\n"
        "La personne ne vit pas en couple.\n"
        "AME : oui, sans doute."
    )


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
    assert messages[0]["text"].startswith("Soins (AME) : oui, sans doute.\nOù aller :\n- Lieu ame, 1 rue de Paris.\n")
    assert "Pourquoi ?" in [b["title"] for b in messages[0]["buttons"]]

    tracker = suivi('/demander_documents{"detail":"pourquoi"}', "demander_documents", slots,
                    entites=[{"entity": "detail", "value": "pourquoi"}])
    events, messages = lancer(infos.ActionInfos(), tracker)
    assert messages[0]["text"].startswith("Soins (AME) : oui, sans doute.\nPourquoi :\n- Raison ame.")


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
    assert "💶 Argent (RSA)" in messages[0]["text"] and "AME" not in messages[0]["text"]
    assert len(messages) == 1


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
    assert SlotSet("droits_demandes", ["ame", "rsa", "domiciliation"]) in events
    assert SlotSet("droits_prerequis", ["domiciliation"]) in events


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


def test_un_libelle_tape_classe_demander_un_droit_n_ajoute_pas_ce_droit(faux_moteur, lancer):
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


def test_une_reponse_tapee_classee_recommencer_ou_effacer_reste_une_reponse(faux_moteur, lancer):
    """« Un autre pays » tapé (ou lu par SMS) classé « recommencer » : c'est la réponse, rien n'est effacé."""
    _, donnees, _, _ = actions()
    slots = {"droits_demandes": ["ame"], "question_en_cours": "nationalite"}
    for action in (donnees.ActionRecommencer(), donnees.ActionDemanderSuppression()):
        events, messages = lancer(action, suivi("Un autre pays", "recommencer", slots))
        assert events[0] == SlotSet("nationalite", "hors_ue"), events
        assert messages[0]["custom"] == {"question": "age"}
    events, messages = lancer(donnees.ActionRecommencer(), suivi("on recommence tout", "recommencer", slots))
    assert events == [AllSlotsReset()]


def test_redire_des_faits_deja_connus_ne_fait_pas_tourner_la_question_en_rond(faux_moteur, lancer):
    """« toujours sans papiers » (déjà connu) à la question de l'âge, trois fois : au 3e, on passe."""
    dialogue, *_ = actions()
    base = {"droits_demandes": TOUS, "question_en_cours": "age", "nationalite": "hors_ue", "titre_sejour": "aucun"}
    events, messages = lancer(dialogue.ActionAvancer(), suivi("bjr jsui san papié", "informer", base))
    assert events == [SlotSet("question_en_cours", "age"), SlotSet("echecs", 1.0)]
    assert messages[0]["text"].startswith("Je n'ai pas bien compris votre réponse.")
    events, _ = lancer(dialogue.ActionAvancer(), suivi("bjr jsui san papié", "demander_ame", {**base, "echecs": 1.0}))
    assert events == [SlotSet("question_en_cours", "age"), SlotSet("echecs", 2.0)]
    events, messages = lancer(dialogue.ActionAvancer(), suivi("bjr jsui san papié", "informer", {**base, "echecs": 2.0}))
    assert SlotSet("inconnus", ["age"]) in events
    assert messages[0]["custom"] == {"question": "en_couple"}

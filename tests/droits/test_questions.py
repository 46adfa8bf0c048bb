"""prochaine_question : peu de questions, jamais de question inutile, None quand tout est décidé."""
import statistics

import pytest

from droits import evaluer, prochaine_question
from personas import PERSONAS, simuler

DATE = "2026-06-01"
CIBLE_MOYENNE = 8  # objectif de l'issue 2
# Faits de l'issue 12 : demandés seulement quand ils peuvent changer un verdict (couple, Européen, parent isolé...).
FAITS_ISSUE_12 = {"conjoint_age", "conjoint_nationalite", "conjoint_titre_sejour", "conjoint_annees_titre_sejour",
                  "conjoint_etudiant", "travail_declare", "age_plus_jeune_enfant", "mois_depuis_separation",
                  "mois_sans_titre"}


def test_nombre_moyen_de_questions():
    posees = {nom: simuler(cachee, DATE)[1] for nom, cachee in PERSONAS.items()}
    nombres = {nom: len(p) for nom, p in posees.items()}
    moyenne = statistics.mean(nombres.values())
    sans_issue_12 = statistics.mean(len(set(p) - FAITS_ISSUE_12) for p in posees.values())
    print(f"\nquestions par personne : {nombres}\nmoyenne : {moyenne:.2f}, "
          f"hors faits de l'issue 12 : {sans_issue_12:.2f} (objectif {CIBLE_MOYENNE})")
    # plancher des personnes qui demandent un montant de RSA : nationalité, âge, études, couple, enfants,
    # ressources, logement (+ aide au logement), et pour les autres droits Paris et courrier ; voir le rapport.
    # Issue 12 : le conjoint (L262-5), le travail d'un Européen (L262-6), l'âge du plus jeune enfant (R262-2),
    # la fin du visa (AME) ajoutent des questions à ceux qu'ils concernent ; la C2S demande l'argent de 12 mois
    # à qui n'a pas droit au RSA. Mesuré le 2/12/2026 avec les 5 droits : 9,64 en moyenne, 8,79 sans les faits
    # de l'issue 12 (8,36 avant l'issue 12, avec 4 droits).
    assert sans_issue_12 <= CIBLE_MOYENNE + 1
    assert moyenne <= CIBLE_MOYENNE + 2


def test_pas_de_question_de_l_issue_12_pour_une_situation_simple():
    """Une personne seule, française, sans enfant : aucun des nouveaux faits n'est demandé."""
    for nom in ("homme français à la rue", "propriétaire de 60 ans sans difficulté", "jeune de 21 ans à la rue",
                "homme déjà domicilié à la rue"):
        assert not set(simuler(PERSONAS[nom], DATE)[1]) & FAITS_ISSUE_12, nom


@pytest.mark.parametrize("nom", sorted(PERSONAS))
def test_le_verdict_partiel_est_celui_de_la_situation_complete(nom):
    cachee = PERSONAS[nom]
    connue, posees = simuler(cachee, DATE)
    partiel, complet = evaluer(connue, date=DATE)["droits"], evaluer(cachee, date=DATE)["droits"]
    for droit in partiel:
        assert partiel[droit]["statut"] == complet[droit]["statut"], droit
        assert partiel[droit]["montant_mensuel"] == complet[droit]["montant_mensuel"], droit


def test_pas_de_titre_de_sejour_pour_une_personne_francaise():
    cachee = {**PERSONAS["homme français à la rue"]}
    _, posees = simuler(cachee, DATE)
    assert "titre_sejour" not in posees and "annees_titre_sejour" not in posees and "mois_en_france" not in posees


def test_pas_d_aide_au_logement_a_la_rue():
    for nom, cachee in PERSONAS.items():
        if cachee["logement"] in ("rue", "centre_hebergement"):
            assert "aide_logement" not in simuler(cachee, DATE)[1], nom


def test_heures_de_travail_seulement_pour_les_18_24_ans_sans_enfant():
    for nom, cachee in PERSONAS.items():
        posees = simuler(cachee, DATE)[1]
        if "heures_travail_3_ans" in posees:
            assert 18 <= cachee["age"] < 25 and cachee["enfants"] == 0 and not cachee.get("enceinte"), nom


def test_ignorer_n_est_jamais_redemande():
    q = prochaine_question({}, date=DATE)
    suivante = prochaine_question({}, ignorer=[q["champ"]], date=DATE)
    assert suivante["champ"] != q["champ"]


def test_droits_demandes_seulement():
    # pour la domiciliation seule, ni âge, ni ressources, ni études
    cachee = PERSONAS["homme français à la rue"]
    posees = simuler(cachee, DATE, droits=["domiciliation"])[1]
    assert set(posees) <= {"adresse_courrier", "vit_a_paris", "lien_paris", "nationalite", "logement", "domiciliation", "titre_sejour"}
    assert len(posees) <= 4


def test_none_pour_un_seul_droit_decide():
    assert prochaine_question({"nationalite": "francaise"}, droits=["ame"], date=DATE) is None
    assert prochaine_question({"logement": "locataire"}, droits=["domiciliation"], date=DATE) is None


def test_sans_les_montants_les_faits_qui_ne_changent_qu_un_montant_ne_sont_pas_demandes():
    """La conversation (montants=False) ne demande pas l'âge du plus jeune enfant ni la date de la séparation
    quand le RSA est déjà décidé : le verdict dit la fourchette ; avec montants=True ils sont demandés."""
    s = {"vit_a_paris": True, "logement": "locataire", "nationalite": "francaise", "en_couple": False,
         "enfants": 2, "etudiant": False, "ressources_mensuelles": 300, "age": 35,
         "difficultes_logement": ["impayes_loyer"], "aide_logement": 250}
    rsa = evaluer(s, DATE)["droits"]["rsa"]
    assert rsa["statut"] == "eligible" and rsa["montant_min"] < rsa["montant_max"]
    assert set(rsa["a_preciser"]) == {"age_plus_jeune_enfant", "mois_depuis_separation"}
    assert prochaine_question(s, date=DATE)["champ"] in rsa["a_preciser"]
    q = prochaine_question(s, date=DATE, montants=False)
    assert q is None or q["champ"] not in rsa["a_preciser"]
    # un fait qui change le statut reste demandé sans les montants
    sans_ressources = {k: v for k, v in s.items() if k != "ressources_mensuelles"}
    assert prochaine_question(sans_ressources, date=DATE, montants=False)["champ"] == "ressources_mensuelles"


def test_la_fourchette_dit_ce_qui_la_decide():
    """L'âge du plus jeune enfant est dit (4 ans) : la note parle de la séparation, pas de l'âge de l'enfant."""
    s = {"vit_a_paris": True, "logement": "locataire", "nationalite": "francaise", "en_couple": False,
         "enfants": 2, "etudiant": False, "ressources_mensuelles": 800, "age_plus_jeune_enfant": 4,
         "difficultes_logement": ["impayes_loyer"], "aide_logement": 150}
    rsa = evaluer(s, DATE)["droits"]["rsa"]
    assert rsa["a_preciser"] == ["mois_depuis_separation"]
    assert "séparation" in rsa["raisons"][-1] and "plus jeune enfant" not in rsa["raisons"][-1]


def test_question_groupee_du_foyer():
    """`groupees=True` : le couple et les enfants, s'ils manquent tous les deux, en une question ; jamais sinon,
    et jamais sans `groupees` (le contrat de prochaine_question ne change pas)."""
    s = {"nationalite": "francaise", "age": 40, "etudiant": False, "ressources_mensuelles": 0, "logement": "rue"}
    q = prochaine_question(s, droits=["rsa"], date=DATE, montants=False, groupees=True)
    assert q["champ"] == "en_couple" and q["groupe"] == "foyer" and q["aussi"] == ["enfants"]
    assert q["oui_non"] is False and q["choix"] is None
    assert [b["faits"] for b in q["boutons"]] == [{"enfants": 0}, {"enfants": 0}, {}, {}]
    assert [b["valeur"] for b in q["boutons"]] == [False, True, False, True]
    assert all(len(b["libelle"]) <= 25 for b in q["boutons"])
    simple = prochaine_question(s, droits=["rsa"], date=DATE, montants=False)
    assert simple["champ"] in ("en_couple", "enfants") and "groupe" not in simple
    # un des deux faits est connu : la question simple
    for connu in ({"enfants": 0}, {"en_couple": False}):
        q = prochaine_question({**s, **connu}, droits=["rsa"], date=DATE, montants=False, groupees=True)
        assert q is not None and "groupe" not in q
    # « je ne sais pas » au couple : les enfants sont demandés seuls
    q = prochaine_question(s, droits=["rsa"], ignorer=["en_couple"], date=DATE, montants=False, groupees=True)
    assert q["champ"] == "enfants" and "groupe" not in q


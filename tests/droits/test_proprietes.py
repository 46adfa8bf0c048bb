"""Propriétés (hypothesis) : monotonie du RSA, prudence des faits manquants, schéma, limites FALC."""
import datetime as dt
import importlib.util
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from droits import CHAMPS, DROITS, SituationInvalide, evaluer, valider_situation
from droits.questions import question
from droits.textes import QUESTIONS

RACINE = Path(__file__).resolve().parents[2]
FALC = RACINE.parent / "shared" / "tools" / "falc_check.py"
MOTS_MAX = 15
GRANDS_NOMBRES = {"montant", "forfaitaire", "forfait", "majore", "plafond", "heures", "min", "max"}


def _falc():
    spec = importlib.util.spec_from_file_location("falc_check", FALC)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _valeurs(champ):
    spec = CHAMPS[champ]
    if spec["type"] == "booleen":
        return st.booleans()
    if spec["type"] == "choix":
        return st.sampled_from(spec["choix"])
    if spec["type"] == "liste":
        return st.lists(st.sampled_from(spec["choix"]), unique=True)
    if spec["type"] == "fourchettes":
        bornes = st.tuples(st.integers(0, 3000), st.integers(0, 3000)).map(sorted)
        return st.dictionaries(st.sampled_from(["ressources_mensuelles", "ressources_annuelles"]), bornes)
    haut = {"age": 90, "mois_en_france": 600, "enfants": 6, "heures_travail_3_ans": 6000, "annees_titre_sejour": 20,
            "ressources_mensuelles": 4000, "ressources_annuelles": 40000, "aide_logement": 800,
            "mois_sans_titre": 240, "conjoint_age": 90, "conjoint_annees_titre_sejour": 20,
            "age_plus_jeune_enfant": 25, "mois_depuis_separation": 240, "arrondissement": 20}[champ]
    if champ == "arrondissement":
        return st.integers(min_value=1, max_value=20)
    if spec["type"] == "entier":
        return st.integers(min_value=0, max_value=haut)
    return st.one_of(st.integers(min_value=0, max_value=haut),
                     st.floats(min_value=0, max_value=haut, allow_nan=False, allow_infinity=False))


@st.composite
def situations(draw):
    brut = {}
    for champ in CHAMPS:
        if draw(st.booleans()):
            brut[champ] = draw(_valeurs(champ))
    try:
        return valider_situation(brut)
    except SituationInvalide:
        assume(False)


dates = st.dates(min_value=dt.date(2024, 4, 1), max_value=dt.date(2027, 12, 31))
formes = st.sampled_from(["vous", "il", "elle"])
REGLAGES = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def montant(situation, date):
    return evaluer(situation, date=date)["droits"]["rsa"]["montant_mensuel"] or 0.0


@REGLAGES
@given(situations(), st.floats(min_value=0, max_value=3000), st.floats(min_value=0, max_value=3000), dates)
def test_plus_de_ressources_jamais_plus_de_rsa(s, r1, r2, date):
    bas, haut = sorted((r1, r2))
    assert montant({**s, "ressources_mensuelles": haut}, date) <= montant({**s, "ressources_mensuelles": bas}, date) + 1e-9


@REGLAGES
@given(situations(), dates, st.data())
def test_retirer_un_fait_ne_rend_jamais_eligible(s, date, data):
    assume(s)
    champ = data.draw(st.sampled_from(sorted(s)))
    # ressources_annuelles retirées alors que ressources_mensuelles sont là : l'estimation 12 × mensuelles
    # remplace le fait (règle de l'issue), ce n'est pas un fait en moins
    assume(not (champ == "ressources_annuelles" and "ressources_mensuelles" in s))
    avant = evaluer(s, date=date)["droits"]
    sans = {k: v for k, v in s.items() if k != champ}
    apres = evaluer(sans, date=date)["droits"]
    for droit in DROITS:
        if avant[droit]["statut"] != "eligible":
            assert apres[droit]["statut"] != "eligible", (droit, champ, avant[droit]["statut"])


@REGLAGES
@given(situations(), dates)
def test_un_fait_manquant_ne_donne_jamais_eligible(s, date):
    """Tout droit éligible le reste quel que soit le fait ajouté parmi ses manquants : il n'en a aucun."""
    for droit, r in evaluer(s, date=date)["droits"].items():
        if r["statut"] == "eligible":
            assert r["manquants"] == []
        if r["statut"] == "a_verifier":
            assert r["resume"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                                                  HealthCheck.function_scoped_fixture])
@given(s=situations(), date=dates, forme=formes)
def test_sortie_conforme_au_schema(schema_resultat, s, date, forme):
    resultat = evaluer(s, date=date, forme=forme)
    schema_resultat.validate(resultat)
    for droit, phrases in _messages(resultat):
        for p in phrases:
            assert "{" not in p and "}" not in p, (droit, p)  # toute variable du gabarit est remplie


def _messages(resultat):
    """Le message d'un droit, dans l'ordre où il est mis en mots : résumé, étape, raisons, pièces."""
    for droit, r in resultat["droits"].items():
        yield droit, [r["resume"], *([r["etape"]] if r["etape"] else []), *r["raisons"], *r["pieces"]]
    yield "rendez_vous_des_droits", resultat["rendez_vous_des_droits"]["raisons"]


@pytest.fixture(scope="module")
def falc():
    if not FALC.exists():
        pytest.skip(f"{FALC} absent")
    return _falc()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                                                  HealthCheck.function_scoped_fixture])
@given(s=situations(), date=dates, forme=formes)
def test_phrases_falc(falc, s, date, forme):
    resultat = evaluer(s, date=date, forme=forme)
    for droit, phrases in _messages(resultat):
        for p in phrases:
            mesure = falc.analyze_text(p)
            assert mesure["words_per_sentence_max"] <= MOTS_MAX, (droit, p, mesure["sentence_lengths"])
        # chaque sigle est expliqué la première fois dans le message
        assert falc.analyze_text(" ".join(phrases))["acronyms_unexplained"] == [], (droit, phrases)
        assert phrases[0].count(".") + phrases[0].count("!") <= 1, "le résumé est une seule phrase"


def test_questions_falc(falc):
    for champ in QUESTIONS:
        q = question(champ)
        for cle in ("question", "question_tiers", "reformulation", "reformulation_tiers"):
            mesure = falc.analyze_text(q[cle])
            assert mesure["words_per_sentence_max"] <= MOTS_MAX, (champ, cle, q[cle])
            assert mesure["acronyms_unexplained"] == [], (champ, cle, q[cle])
        assert q["question"] != q["reformulation"] and q["question_tiers"] != q["reformulation_tiers"]
        for choix in q["choix"] or []:
            assert len(choix["libelle"]) <= 25, choix


def test_toutes_les_phrases_du_catalogue_falc(falc):
    """Chaque gabarit, avec des nombres à la place des variables et ses sigles expliqués, respecte la limite de mots."""
    import string

    from droits import registre
    from droits.textes import TEXTES, expliquer_sigles

    SIGLES_DES_DROITS = {d.id: d.sigle for d in registre.DROITS if d.sigle}

    for cle, formes_ in TEXTES.items():
        assert set(formes_) in ({"vous", "il", "elle"}, {"tous"}), cle
        for texte in formes_.values():
            champs = {n for _, n, _, _ in string.Formatter().parse(texte) if n}
            # les montants et les heures s'écrivent avec une espace des milliers (2 mots)
            rendu = texte.format(**{n: "10 339" if n in GRANDS_NOMBRES else "10" for n in champs})
            # pire cas : chaque sigle y est expliqué (sa première apparition dans le message), sauf le sigle du
            # droit hors de son résumé : le résumé, toujours en tête du message, l'a déjà expliqué
            deja = [SIGLES_DES_DROITS[cle.split(".")[0]]] if cle.split(".")[0] in SIGLES_DES_DROITS \
                and not cle.split(".")[1] == "resume" else []
            rendu = expliquer_sigles([*deja, rendu])[-1]
            assert falc.analyze_text(rendu)["words_per_sentence_max"] <= MOTS_MAX, (cle, rendu)


BORDS = {
    "age": [0, 16, 17, 18, 22, 24, 25, 40], "nationalite": ["francaise", "ue", "hors_ue"],
    "titre_sejour": list(CHAMPS["titre_sejour"]["choix"]), "annees_titre_sejour": [1, 4.9, 5, 6],
    "mois_en_france": [0, 2, 3, 24], "en_couple": [True, False], "enfants": [0, 1, 2, 3, 5],
    "enceinte": [True, False], "etudiant": [True, False], "heures_travail_3_ans": [0, 3213, 3214],
    "ressources_mensuelles": [0, 500, 640, 647, 700, 850, 980, 3000],
    "ressources_annuelles": [0, 9800, 10000, 10300, 10340, 10640, 10700, 30000],
    "logement": list(CHAMPS["logement"]["choix"]), "aide_logement": [0, 80, 250],
    "vit_a_paris": [True, False], "adresse_courrier": [True, False], "domiciliation": [True, False],
    "lien_paris": [True, False], "difficultes_logement": [[], ["impayes_loyer"], ["entree_logement"]],
}


def test_retirer_un_fait_valeurs_aux_bords():
    """Même propriété, sur 5000 situations tirées (graine fixe) parmi les valeurs aux bords des seuils."""
    import random

    tirage = random.Random(2026)
    verifies = 0
    for _ in range(5000):
        brut = {k: tirage.choice(v) for k, v in BORDS.items() if tirage.random() < 0.45}
        try:
            s = valider_situation(brut)
        except SituationInvalide:
            continue
        champ = tirage.choice(sorted(s)) if s else None
        if champ is None or (champ == "ressources_annuelles" and "ressources_mensuelles" in s):
            continue
        date = tirage.choice(["2024-06-01", "2025-06-01", "2026-03-31", "2026-06-01"])
        avant = evaluer(s, date=date)["droits"]
        apres = evaluer({k: v for k, v in s.items() if k != champ}, date=date)["droits"]
        for droit in DROITS:
            assert not (avant[droit]["statut"] != "eligible" and apres[droit]["statut"] == "eligible"), (droit, champ, s, date)
            assert not set(avant[droit]["manquants"]) & set(s), (droit, s)
        verifies += 1
    assert verifies > 3000


def test_forme_il_elle_sans_vouvoiement():
    """Quand une personne aidante parle de quelqu'un (il, elle), aucune phrase ne dit « vous »."""
    import random
    import re

    vous = re.compile(r"\b(vous|votre|vos)\b", re.IGNORECASE)
    tirage = random.Random(11)
    for _ in range(1500):
        brut = {k: tirage.choice(v) for k, v in BORDS.items() if tirage.random() < 0.45}
        try:
            s = valider_situation(brut)
        except SituationInvalide:
            continue
        for forme in ("il", "elle"):
            for droit, phrases in _messages(evaluer(s, date="2026-06-01", forme=forme)):
                for p in phrases:
                    assert not vous.search(p.replace("rendez-vous", "")), (forme, droit, p)


def test_question_groupee_falc(falc):
    from droits.questions import GROUPEES, question_groupee

    for nom in GROUPEES:
        q = question_groupee(nom)
        for cle in ("question", "question_tiers", "reformulation", "reformulation_tiers"):
            assert falc.analyze_text(q[cle])["words_per_sentence_max"] <= MOTS_MAX, (nom, cle)
        assert q["question"] != q["reformulation"]

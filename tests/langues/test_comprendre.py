"""Deviner la langue d'un premier message, et lire une réponse courte dans chaque langue (issue 13, points 2–3).
Précision d'abord : dans le doute, rien (la question revient avec ses boutons)."""
from __future__ import annotations

import pytest

import droits
from langues import CODES
from langues.detection import candidates, detecter
from langues.reponses import lire, nombre, vocabulaire

AUTRES = [code for code in CODES if code != "fr"]


@pytest.mark.parametrize("texte, attendu", [
    ("I have no papers", "en"),
    ("hello I need help", "en"),
    ("ليس لدي أوراق", "ar"),
    ("السلام عليكم", "ar"),
    ("من اسناد ندارم", "prs"),
    ("من پول ندارم", "prs"),
    ("زه اسناد نه لرم", "ps"),
    ("Nu am acte, am nevoie de ajutor", "ro"),
    ("Buna ziua", "ro"),
    ("salam, ma 3andi wra9, bghit na3ref 7o9o9i", "ar"),  # arabe en lettres latines (arabizi)
    ("ana 3andi 2 wlad", "ar"),
    ("moi afghanistan pas papier", "fr"),
    ("je suis là-bas à la fin du mois", "fr"),
    ("jai 22 ans est ce que jai droit au rsa", "fr"),
    ("je suis sans papiers I need help", "fr"),  # à égalité ou presque : le français l'emporte
])
def test_langue_claire(texte, attendu):
    assert detecter(texte) == attendu


@pytest.mark.parametrize("texte", ["👍", "12", "ok", "", "   ", "salam", "سلام", "?", "/informer{}"])
def test_pas_clair_rien_n_est_devine(texte):
    assert detecter(texte) is None


def test_ecriture_arabe_pas_claire_donne_les_trois_langues():
    assert set(candidates("سلام")) == {"ar", "prs", "ps"}


def _question(champ, langue):
    return droits.questions.question(champ, langue)


@pytest.mark.parametrize("langue", AUTRES)
def test_vocabulaire_sans_ambiguite(langue):
    voc = vocabulaire(langue)
    assert voc["oui"] and voc["non"] and voc["ne_sait_pas"] and voc["nombres"]
    assert not voc["oui"] & voc["non"]
    assert not set(voc["nombres"]) & (voc["oui"] | voc["non"])


@pytest.mark.parametrize("langue, oui, non, nsp", [
    ("en", "yes", "no", "I don't know"),
    ("ar", "نعم", "لا", "لا أعرف"),
    ("prs", "بلی", "نخیر", "نمی‌دانم"),
    ("ps", "هو", "نه", "نه پوهېږم"),
    ("ro", "da", "nu", "nu știu"),
])
def test_oui_non_je_ne_sais_pas(langue, oui, non, nsp):
    q = _question("enceinte", langue)
    assert lire(q, oui, langue).valeur is True
    assert lire(q, f" {oui.upper()} !", langue).valeur is True
    assert lire(q, non, langue).valeur is False
    assert lire(q, nsp, langue).ne_sait_pas is True
    # une phrase qui n'est pas qu'un oui : rien (jamais un fait deviné)
    assert lire(q, f"{oui} {non}", langue).valeur is None
    assert lire(q, "blabla", langue).valeur is None


@pytest.mark.parametrize("langue, texte, attendu", [
    ("en", "34", 34), ("en", "thirty four", 34), ("en", "twenty-five", 25), ("en", "a hundred and twenty", 120),
    ("ar", "٣٤", 34), ("ar", "خمسة وعشرين", 25), ("ar", "ألف و خمسمية", 1500),
    ("prs", "۳۴", 34), ("prs", "بیست و پنج", 25),
    ("ro", "douăzeci și cinci", 25), ("ro", "două mii cinci sute", 2500),
])
def test_nombres_en_mots_et_en_chiffres(langue, texte, attendu):
    assert nombre(texte, langue) == attendu


@pytest.mark.parametrize("langue", AUTRES)
def test_nombres_non_compris(langue):
    assert nombre("34 ans ?? zzz", langue) is None
    assert nombre("", langue) is None


@pytest.mark.parametrize("langue", AUTRES)
def test_libelle_d_un_bouton_tape(langue):
    q = _question("nationalite", langue)
    for choix in q["choix"]:
        assert lire(q, choix["libelle"], langue).valeur == choix["valeur"]
        assert lire(q, choix["libelle"].lower() + " ", langue).valeur == choix["valeur"]


@pytest.mark.parametrize("langue", AUTRES)
def test_argent_un_chiffre_seul_est_redemande(langue):
    """« 2 » à une question d'argent : 2 € ou le 2e bouton ? On redemande, comme en français."""
    q = _question("ressources_mensuelles", langue)
    assert lire(q, "2", langue).valeur is None
    assert lire(q, "0", langue).valeur == 0
    assert lire(q, "850", langue).valeur == 850
    rien = q["boutons"][0]
    assert lire(q, rien["libelle"], langue).valeur == 0
    fourchette = q["boutons"][2]
    assert lire(q, fourchette["libelle"], langue).valeur is None  # une fourchette : le bouton, pas le texte


@pytest.mark.parametrize("langue", AUTRES)
def test_question_groupee_oui_non_ne_repond_pas(langue):
    q = droits.questions.question_groupee("foyer", langue)
    assert q["groupe"] == "foyer" and q["oui_non"] is False
    for oui in vocabulaire(langue)["oui"]:
        assert lire(q, oui, langue).valeur is None
    for b in q["boutons"]:  # le libellé tapé d'un bouton groupé ne donne pas la moitié de ses faits
        assert lire(q, b["libelle"], langue).valeur is None

"""Alertes de sécurité (``Extraction.alertes``) : n'importe où dans un message, sans alerter sur une
phrase sans danger ; une seule liste de motifs (``bot/extraction/alertes_motifs.py``) lue aussi par le
composant NLU de Rasa."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from bot.extraction import alertes as module_alertes
from bot.extraction import analyser_reponse, extraire_faits

RACINE = Path(__file__).resolve().parents[2]

POSITIFS = [
    ("j'ai quitté mon mari il me frappait", "violence"),
    ("mon pere a fait un avc ce matin", "urgence_medicale"),
    ("mon copain me bat quand il boit", "violence"),
    ("jsui battue", "violence"),
    ("il m'a menacée de mort hier soir", "violence"),
    ("j'ai peur de rentrer chez moi, il est violent", "violence"),
    ("Je suis partie à cause des coups", "violence"),
    ("victime de violences conjugales", "violence"),
    ("je veux mourir", "suicide"),
    ("j'ai envie d'en finir", "suicide"),
    ("je pense à me tuer", "suicide"),
    ("i want to die", "suicide"),
    ("mon fils est maltraité par son père", "enfant_danger"),
    ("il frappe mes enfants", "enfant_danger"),
    ("ma fille a disparu depuis hier", "enfant_danger"),
    ("mon bébé ne respire plus", "urgence_medicale"),
    ("elle a perdu les eaux", "urgence_medicale"),
    ("j'ai mal à la poitrine depuis ce matin", "urgence_medicale"),
    ("je saigne beaucoup", "urgence_medicale"),
    ("je dors dehors ce soir", "froid_dehors"),
    ("j'ai nulle part où dormir", "froid_dehors"),
    ("jsui a la rue cette nuit avec mes enfants", "froid_dehors"),
    ("j'ai trop froid", "froid_dehors"),
    ("je dors sous un pont", "froid_dehors"),
]

NEGATIFS = [
    "frappé par la lenteur de la CAF",
    "jsui en france depui 8 mois avc ma copine",  # « avc » : « avec » en SMS (joué à la main)
    "le 115 ne répond pas",
    "je suis menacée d'expulsion",
    "mon proprio menace de me mettre dehors",
    "mon mari travaille dans le bâtiment",
    "j'ai 34 ans et je suis malien",
    "je touche 600 de RSA",
    "un coup de fil à la CAF",
    "c'est mon premier enfant, il n'est pas encore né",
    "je suis au 115 depuis hier",
    "j'ai peur de rater le rendez-vous",
    "je suis mort de rire",
    "",
]


@pytest.mark.parametrize("texte,categorie", POSITIFS)
def test_alerte_trouvee(texte, categorie):
    assert categorie in extraire_faits(texte).alertes


@pytest.mark.parametrize("texte", NEGATIFS)
def test_pas_d_alerte_sur_une_phrase_sans_danger(texte):
    assert extraire_faits(texte).alertes == []


def test_alerte_au_milieu_d_un_long_message():
    long = ("Bonjour, je vous écris pour savoir si j'ai droit au RSA. " * 40
            + "Mon mari me frappe depuis des mois. " + "J'ai 2 enfants et je suis locataire. " * 60)
    assert len(long) > 3000  # plus que ce que l'extraction des faits lit
    ext = extraire_faits(long)
    assert ext.alertes == ["violence"]


def test_plusieurs_categories_dans_l_ordre():
    ext = extraire_faits("il me frappe, je dors dehors ce soir et je veux mourir")
    assert ext.alertes == ["violence", "suicide", "froid_dehors"]


def test_entrees_bizarres_sans_alerte():
    for texte in (None, 42, "/urgence", "/informer{\"age\": 3}", "🙂" * 2000, "x" * 50_000):
        assert module_alertes.alertes(texte) == []


def test_alertes_aussi_dans_une_reponse_a_une_question():
    rep = analyser_reponse("age", "34 ans, et mon mari me frappe")
    assert rep.valeur == 34
    assert rep.extraction.alertes == ["violence"]


def test_fichier_unique_bien_forme():
    """Le fichier ne contient qu'une affectation d'un dictionnaire littéral (lu par Rasa sans l'exécuter)."""
    arbre = ast.parse((RACINE / "bot/extraction/alertes_motifs.py").read_text(encoding="utf-8"))
    affectations = [n for n in arbre.body if isinstance(n, ast.Assign)]
    assert len(affectations) == 1 and affectations[0].targets[0].id == "ALERTES"
    assert all(isinstance(n, (ast.Assign, ast.Expr)) for n in arbre.body)  # docstring + ALERTES, pas de code
    donnees = ast.literal_eval(affectations[0].value)
    assert set(donnees["categories"]) == set(module_alertes.CATEGORIES)
    for nom, cat in donnees["categories"].items():
        assert cat["surs"] or cat["autres"], nom
        for motif in (cat.get("surs") or []) + (cat.get("autres") or []) + (cat.get("exclure") or []):
            re.compile(motif)
    assert donnees["intention"] == "urgence"


def test_config_rasa_lit_ce_fichier():
    config = yaml.safe_load((RACINE / "config.yml").read_text(encoding="utf-8"))
    composant = next(c for c in config["pipeline"] if c["name"].endswith("EnsembleLineaire"))
    assert composant["motifs_fichier"] == "bot/extraction/alertes_motifs.py"
    assert not composant.get("motifs"), "une seconde liste de motifs d'urgence dans config.yml"


def test_meme_forme_de_texte_que_le_composant_nlu():
    """Les motifs sont lus sur la même forme de texte des deux côtés (le composant ne peut pas
    importer bot : on compare sa fonction ``normaliser``, lue dans sa source, à ``forme``)."""
    source = (RACINE / "composants_nlu/ensemble_lineaire.py").read_text(encoding="utf-8")
    arbre = ast.parse(source)
    fonction = next(n for n in arbre.body if isinstance(n, ast.FunctionDef) and n.name == "normaliser")
    espace: dict = {}
    exec("import unicodedata\n" + ast.get_source_segment(source, fonction), espace)
    for texte in ["Je veux MOURIR, c’est trop dur", "J'AI FROID À L'ÉTÉ", "Ça dépend ; élève", "ÇA 𝒳 œ"]:
        assert espace["normaliser"](texte) == module_alertes.forme(texte)

"""CLI `python -m droits` : JSON sur stdout ; entrée invalide → code 2 et une seule ligne sur stderr."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

RACINE = Path(__file__).resolve().parents[2]


def lancer(*args, entree=None):
    return subprocess.run([sys.executable, "-m", "droits", *args], input=entree, capture_output=True,
                          text=True, cwd=RACINE, timeout=60)


def test_evaluer_fichier(tmp_path, schema_resultat):
    f = tmp_path / "s.json"
    f.write_text(json.dumps({"age": 40, "nationalite": "francaise"}), encoding="utf-8")
    r = lancer("evaluer", str(f), "--date", "2026-11-26", "--forme", "elle")
    assert r.returncode == 0, r.stderr
    sortie = json.loads(r.stdout)
    schema_resultat.validate(sortie)
    assert sortie["date"] == "2026-11-26"
    assert sortie["droits"]["rsa"]["resume"].startswith("Elle ")


def test_evaluer_stdin():
    r = lancer("evaluer", "-", "--date", "2025-06-01", entree='{"nationalite": "hors_ue", "titre_sejour": "aucun"}')
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["droits"]["rsa"]["statut"] == "non_eligible"


def test_evaluer_nouveaux_champs_et_c2s(schema_resultat):
    """Issue 12 : le vocabulaire du conjoint, du travail, du parent isolé et de la fin du visa ; la C2S en plus."""
    situation = {"age": 22, "nationalite": "francaise", "etudiant": False, "en_couple": True, "conjoint_age": 30,
                 "conjoint_nationalite": "francaise", "conjoint_etudiant": False, "enfants": 0, "enceinte": False,
                 "travail_declare": False, "ressources_mensuelles": 0, "logement": "heberge_avec_participation"}
    r = lancer("evaluer", "-", "--date", "2026-06-01", entree=json.dumps(situation))
    assert r.returncode == 0, r.stderr
    sortie = json.loads(r.stdout)
    schema_resultat.validate(sortie)
    assert list(sortie["droits"]) == ["ame", "rsa", "fsl", "domiciliation", "c2s"]
    assert sortie["droits"]["rsa"]["montant_mensuel"] == 977.54
    assert sortie["droits"]["c2s"]["statut"] == "eligible" and sortie["droits"]["c2s"]["etape"]


def test_question_pour_la_c2s():
    r = lancer("question", "-", "--droits", "c2s", entree='{"nationalite": "hors_ue"}')
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["champ"] == "titre_sejour"


def test_question_stdin_et_droits():
    r = lancer("question", "-", "--droits", "rsa", entree='{"nationalite": "francaise", "age": 40}')
    assert r.returncode == 0, r.stderr
    q = json.loads(r.stdout)
    assert q["champ"] in ("etudiant", "en_couple", "enfants", "ressources_mensuelles", "logement")


def test_question_none():
    situation = {"age": 40, "nationalite": "francaise", "en_couple": False, "enfants": 0, "etudiant": False,
                 "ressources_mensuelles": 0, "logement": "rue"}
    r = lancer("question", "-", "--droits", "rsa", entree=json.dumps(situation))
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) is None


@pytest.mark.parametrize("args, entree, attendu", [
    (["evaluer", "-"], "{pas du json", "JSON invalide"),
    (["evaluer", "-"], "", "JSON invalide"),
    (["evaluer", "/nexiste/pas.json"], None, "introuvable"),
    (["evaluer", "-", "--date", "2026-02-30"], "{}", "date"),
    (["evaluer", "-", "--date", "demain"], "{}", "date"),
    (["evaluer", "-", "--forme", "tu"], "{}", "forme"),
    (["evaluer", "-"], '{"age": 300}', "age"),
    (["evaluer", "-"], '{"age": true}', "age"),
    (["evaluer", "-"], '{"ressources_mensuelles": -3}', "ressources_mensuelles"),
    (["evaluer", "-"], '{"couleur": "bleu"}', "couleur"),
    (["evaluer", "-"], "[1, 2]", "objet"),
    (["question", "-", "--droits", "ame,cmu"], "{}", "droits"),
    (["evaluer", "-"], '{"en_couple": true, "conjoint_nationalite": "martienne"}', "conjoint_nationalite"),
    (["evaluer", "-"], '{"travail_declare": "oui"}', "travail_declare"),
    (["evaluer", "-"], '{"age_plus_jeune_enfant": -1}', "age_plus_jeune_enfant"),
    (["evaluer", "-"], '{"mois_sans_titre": 2.5}', "mois_sans_titre"),
    (["evaluer", "-"], '{"logement": "chez_un_ami"}', "logement"),
    (["evaluer", "-"], '{"fourchettes": {"ressources_mensuelles": [650, 300]}}', "fourchettes"),
    (["evaluer", "-"], '{"fourchettes": {"enfants": [1, 2]}}', "fourchettes"),
    (["question", "-", "--ignorer", "taille"], "{}", "ignorer"),
    (["inconnue", "-"], "{}", "usage"),
    ([], None, "usage"),
])
def test_erreurs_une_ligne_code_2(args, entree, attendu):
    r = lancer(*args, entree=entree)
    assert r.returncode == 2
    assert r.stdout == ""
    lignes = r.stderr.strip().splitlines()
    assert len(lignes) == 1, r.stderr
    assert "Traceback" not in r.stderr
    assert attendu in lignes[0]

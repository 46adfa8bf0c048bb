"""Registre des droits (droits/registre.yaml) : une seule liste, et rien ne manque pour un droit du registre.

Échoue quand un droit du registre n'a pas sa règle, ses textes, ses cas YAML, ou quand le domaine, les règles
de dialogue ou les exemples NLU de Rasa n'ont pas son intention.
"""
import json
import random
import shutil
from pathlib import Path

import pytest
import yaml

import droits
from droits import CHAMPS, SituationInvalide, evaluer, registre, valider_situation
from droits import rasa_registre
from droits.regles import REGLES
from droits.textes import GLOSSAIRE, TEXTES

RACINE = Path(__file__).resolve().parents[2]
CAS = Path(__file__).with_name("cas")
MIN_EXEMPLES_NLU = 30


def test_le_moteur_vient_du_registre():
    assert droits.DROITS == registre.IDS
    assert tuple(REGLES) == registre.IDS
    assert list(evaluer({}, date="2026-06-01")["droits"]) == list(registre.IDS)
    # les quatre droits de l'issue 2 restent les premiers (contrat : on étend, on ne casse pas)
    assert registre.IDS[:4] == ("ame", "rsa", "fsl", "domiciliation")


def test_chaque_droit_a_ses_textes_ses_cas_et_son_sigle_explique():
    for d in registre.DROITS:
        for statut in ("eligible", "non_eligible", "a_verifier"):
            assert any(cle.startswith(f"{d.id}.resume.{statut}") for cle in TEXTES), (d.id, statut)
        assert f"{d.id}.etape.a_verifier" in TEXTES or any(c.startswith(f"{d.id}.etape.") for c in TEXTES), d.id
        fichier = CAS / f"{d.id}.yaml"
        assert fichier.exists(), f"{fichier} : les cas YAML du droit {d.id} manquent"
        assert len(yaml.safe_load(fichier.read_text(encoding="utf-8"))["cas"]) >= 10, d.id
        if d.sigle:
            assert GLOSSAIRE[d.sigle] == d.nom


def test_en_json():
    sortie = json.loads(json.dumps(registre.en_json()))
    assert [d["id"] for d in sortie] == list(registre.IDS)
    for d in sortie:
        assert d["payload"] == "/" + d["intention"]
        assert d["pictogramme"].endswith(".svg") and d["pictogramme_alt"]
        assert len(d["bouton"]) <= 25
        assert set(d["champs"]) <= set(CHAMPS)
    assert registre.par_intention("demander_rsa").id == "rsa"
    assert registre.par_intention("saluer") is None
    assert registre.droits_nommes("je voudrais le rsa et l ame") == ["ame", "rsa"]


def test_les_champs_du_registre_couvrent_les_questions_de_chaque_regle():
    """Tout fait qu'une règle peut demander (manquants) est dans `champs` de son droit (2000 situations tirées)."""
    tirage = random.Random(12)
    valeurs = {
        "age": [16, 22, 40], "nationalite": ["francaise", "ue", "hors_ue"],
        "titre_sejour": list(CHAMPS["titre_sejour"]["choix"]), "annees_titre_sejour": [2, 6],
        "mois_en_france": [1, 24, 80], "mois_sans_titre": [1, 6], "en_couple": [True, False],
        "conjoint_nationalite": ["francaise", "ue", "hors_ue"], "conjoint_titre_sejour": ["aucun", "titre_travail"],
        "conjoint_age": [22, 40], "conjoint_etudiant": [True, False], "enfants": [0, 1, 3],
        "age_plus_jeune_enfant": [1, 8], "mois_depuis_separation": [4, 30], "enceinte": [True, False],
        "etudiant": [True, False], "travail_declare": [True, False], "heures_travail_3_ans": [0, 4000],
        "ressources_mensuelles": [0, 500, 900], "ressources_annuelles": [0, 10000, 20000],
        "logement": list(CHAMPS["logement"]["choix"]), "aide_logement": [0, 200], "vit_a_paris": [True, False],
        "adresse_courrier": [True, False], "domiciliation": [True, False], "lien_paris": [True, False],
        "difficultes_logement": [[], ["impayes_loyer"]], "percoit_rsa": [True, False],
    }
    vus = 0
    for _ in range(2000):
        brut = {k: tirage.choice(v) for k, v in valeurs.items() if tirage.random() < 0.4}
        try:
            s = valider_situation(brut)
        except SituationInvalide:
            continue
        for ident, r in evaluer(s, date="2026-06-01")["droits"].items():
            demandes = set(r["manquants"]) | set(r.get("a_preciser", []))
            assert demandes <= set(registre.droit(ident).champs), (ident, demandes - set(registre.droit(ident).champs))
        vus += 1
    assert vus > 1500


# --- Rasa -------------------------------------------------------------------------------------------

def _yaml_dossier(dossier: Path):
    for fichier in sorted(dossier.rglob("*.yml")):
        yield fichier, (yaml.safe_load(fichier.read_text(encoding="utf-8")) or {})


def manques_rasa(racine: Path) -> list[str]:
    """Ce qui manque côté Rasa pour les droits du registre (liste vide si tout y est)."""
    manques = [f"{chemin} n'est pas à jour : lancez python -m droits.rasa_registre (ou make registre)"
               for chemin in rasa_registre.fichiers_a_refaire(racine)]
    intentions, regles, exemples = set(), set(), {}
    for _, doc in _yaml_dossier(racine / "domain"):
        intentions.update(i if isinstance(i, str) else next(iter(i)) for i in doc.get("intents") or [])
    for _, doc in _yaml_dossier(racine / "data" / "rules"):
        for regle in doc.get("rules") or []:
            etapes = regle.get("steps") or []
            if len(etapes) == 2 and "intent" in etapes[0] and etapes[1].get("action") == rasa_registre.ACTION_DES_DROITS:
                regles.add(etapes[0]["intent"])
    for _, doc in _yaml_dossier(racine / "data" / "nlu"):
        for bloc in doc.get("nlu") or []:
            if "intent" in bloc:
                lignes = [ligne for ligne in str(bloc.get("examples", "")).splitlines() if ligne.strip().startswith("- ")]
                exemples[bloc["intent"]] = exemples.get(bloc["intent"], 0) + len(lignes)
    for d in registre.DROITS:
        if d.intention not in intentions:
            manques.append(f"domaine : intention {d.intention} du droit {d.id} absente")
        if d.intention not in regles:
            manques.append(f"règles : pas de règle {d.intention} -> {rasa_registre.ACTION_DES_DROITS}")
        if exemples.get(d.intention, 0) < MIN_EXEMPLES_NLU:
            manques.append(f"NLU : {exemples.get(d.intention, 0)} exemples pour {d.intention} "
                           f"(au moins {MIN_EXEMPLES_NLU}, dans data/nlu/{d.id}.yml)")
    return manques


def test_rasa_connait_chaque_droit_du_registre():
    assert manques_rasa(RACINE) == []


def test_les_intentions_des_droits_ne_sont_ecrites_qu_une_fois():
    """Le domaine écrit à la main ne recopie pas les intentions des droits (elles viennent du registre)."""
    for fichier, doc in _yaml_dossier(RACINE / "domain"):
        if fichier.name == rasa_registre.FICHIER_DOMAINE.name:
            continue
        for i in doc.get("intents") or []:
            assert i not in registre.INTENTIONS, f"{fichier.name} recopie l'intention {i} du registre"


@pytest.fixture
def copie_rasa(tmp_path):
    for dossier in ("domain", "data"):
        shutil.copytree(RACINE / dossier, tmp_path / dossier)
    return tmp_path


def test_le_test_echoue_si_un_droit_manque_cote_rasa(copie_rasa, monkeypatch):
    """Un droit ajouté au registre sans ses exemples NLU, ou un fichier généré effacé : le test le dit."""
    assert manques_rasa(copie_rasa) == []
    nouveau = registre.Droit(
        id="exemple", ordre=99, sigle=None, nom="un droit d'exemple", titre="Exemple", bouton="Exemple",
        nom_sms="Exemple", description="Exemple.", intention="demander_exemple",
        motif=registre.DROITS[0].motif, pictogramme="exemple.svg", pictogramme_alt="Exemple", emoji="❔",
        depend_de=(), champs=(), references={})
    monkeypatch.setattr(registre, "DROITS", registre.DROITS + (nouveau,))
    manques = manques_rasa(copie_rasa)
    assert any("demander_exemple" in m and "NLU" in m for m in manques), manques
    assert any("n'est pas à jour" in m for m in manques), manques
    rasa_registre.ecrire_rasa(copie_rasa)
    manques = manques_rasa(copie_rasa)
    assert manques == [m for m in manques if "NLU" in m] and manques, manques
    monkeypatch.undo()
    (copie_rasa / rasa_registre.FICHIER_REGLES).unlink()
    assert any("règles" in m for m in manques_rasa(copie_rasa))

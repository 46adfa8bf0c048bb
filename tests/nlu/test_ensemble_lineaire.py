"""Le composant composants_nlu.ensemble_lineaire, avec le vrai Rasa de .venv-rasa.

Un petit entraînement réel (scikit-learn, stockage de modèle de Rasa), puis :
- la moyenne pondérée exacte du classement de DIET et de la régression logistique ;
- un message sans texte ou sans classement de DIET n'est pas touché ;
- le modèle enregistré puis rechargé donne les mêmes probabilités ;
- un fichier modifié qui contient un type inattendu (une fonction) n'est pas chargé :
  DIET décide seul, rien n'est exécuté ;
- les motifs « surs » de bot/extraction/alertes_motifs.py (motifs_fichier de config.yml) imposent
  « urgence » (confiance 1.0) et ne se déclenchent sur aucun exemple d'une autre intention
  (data/nlu) ni des messages tenus à l'écart ; les passages « exclure » n'alertent pas.
"""

from __future__ import annotations

import pytest

from tests.script_rasa import avec_rasa, executer

pytestmark = avec_rasa

SCRIPT = r'''
import json, sys, tempfile, warnings, logging
warnings.filterwarnings("ignore"); logging.disable(logging.WARNING)
from pathlib import Path
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from composants_nlu.ensemble_lineaire import FICHIER, EnsembleLineaire

dossier = Path(tempfile.mkdtemp())
stockage = LocalModelStorage(dossier)
ressource = Resource("ensemble")
contexte = ExecutionContext(GraphSchema({}), "essai")
config = {"poids_diet": 0.3, "C": 20}
composant = EnsembleLineaire.create(config, stockage, ressource, contexte)
exemples = [("bonjour", "saluer"), ("salut", "saluer"), ("bjr", "saluer"), ("coucou", "saluer"),
            ("au revoir", "au_revoir"), ("a plus", "au_revoir"), ("bye", "au_revoir"),
            ("bonne soiree", "au_revoir"), ("j'ai froid dehors", "urgence"),
            ("je dors dehors ce soir", "urgence"), ("au secours", "urgence"), ("j'ai faim", "urgence")]
composant.train(TrainingData([Message(data={"text": t, "intent": i}) for t, i in exemples]))

diet = [{"name": "au_revoir", "confidence": 0.9}, {"name": "saluer", "confidence": 0.1}]
message = Message(data={"text": "bonjour a vous", "intent": dict(diet[0]),
                        "intent_ranking": [dict(d) for d in diet]})
vide = Message(data={"text": "", "intent": dict(diet[0]), "intent_ranking": [dict(d) for d in diet]})
sans_classement = Message(data={"text": "bonjour"})
composant.process([message, vide, sans_classement])
lr = dict(zip(composant.modele.classes_, composant.modele.predict_proba(["bonjour a vous"])[0]))

recharge = EnsembleLineaire.load(config, stockage, ressource, contexte)
lr_recharge = dict(zip(recharge.modele.classes_, recharge.modele.predict_proba(["bonjour a vous"])[0]))

# Fichier modifié : un type qui n'est pas attendu (une fonction du système).
import os, skops.io as sio
from sklearn.preprocessing import FunctionTransformer
with stockage.write_to(ressource) as d:
    sio.dump(FunctionTransformer(func=os.system), d / FICHIER)
piege = EnsembleLineaire.load(config, stockage, ressource, contexte)
autre = Message(data={"text": "bonjour", "intent": dict(diet[0]), "intent_ranking": [dict(d) for d in diet]})
piege.process([autre])

# Les motifs d'urgence de config.yml, sur toutes les données d'entraînement et tenues à l'écart.
import yaml
from rasa.shared.importers.rasa import RasaFileImporter
conf = next(c for c in yaml.safe_load(open("config.yml"))["pipeline"]
            if c["name"].endswith("EnsembleLineaire"))
EnsembleLineaire.validate_config(conf)
reel = EnsembleLineaire.create({k: v for k, v in conf.items() if k != "name"}, stockage,
                               Resource("reel"), contexte)
declenches, urgences, urgences_vues = [], 0, 0
for chemin in ["data/nlu", "tests/nlu/messages_brouillons.yml"]:
    for ex in RasaFileImporter(training_data_paths=[chemin]).get_nlu_data().intent_examples:
        impose = reel.intention_imposee(ex.get("text"))
        if ex.get("intent") == "urgence":
            urgences += 1
            urgences_vues += impose == "urgence"
        elif impose:
            declenches.append([ex.get("text"), ex.get("intent")])
reel.modele = composant.modele
reel.config["plongements"] = None  # modèle d'essai appris sur les n-grammes seuls
alerte = Message(data={"text": "Je veux MOURIR, c’est trop dur", "intent": dict(diet[0]),
                       "intent_ranking": [dict(d) for d in diet]})
reel.process([alerte])
piege.motifs = reel.motifs
alerte_piege = Message(data={"text": "il me frappe", "intent": dict(diet[0]),
                             "intent_ranking": [dict(d) for d in diet]})
piege.process([alerte_piege])

# Passages sans danger (« exclure » du fichier) : pas d'urgence imposée.
benins = {t: reel.intention_imposee(t) for t in ["frappé par la lenteur de la CAF", "je suis menacée d'expulsion",
                                                  "le 115 ne répond pas", "mon proprio menace de me mettre dehors"]}
nb_surs = len(reel.motifs.get("urgence", []))

# 10 ko de texte : les motifs répondent vite (pas de retour arrière catastrophique).
import time
debut = time.perf_counter()
for long_texte in ["a " * 5000, "au secours " + "x" * 10000, "urgent " * 1400, "dehors " * 1400]:
    reel.intention_imposee(long_texte)
duree_long = time.perf_counter() - debut

print(json.dumps({
    "declenches": declenches, "urgences": urgences, "urgences_vues": urgences_vues,
    "alerte": alerte.get("intent"), "alerte_piege": alerte_piege.get("intent"),
    "duree_long": duree_long, "benins": benins, "nb_surs": nb_surs,
    "lr": lr, "lr_recharge": lr_recharge,
    "intent": message.get("intent"), "classement": message.get("intent_ranking"),
    "vide": vide.get("intent_ranking"), "sans_classement": sans_classement.get("intent"),
    "piege_modele": piege.modele is None, "piege_classement": autre.get("intent_ranking"),
}))
'''


@pytest.fixture(scope="module")
def resultat() -> dict:
    return executer(SCRIPT)


def test_moyenne_ponderee_exacte(resultat):
    lr = resultat["lr"]
    attendu = {n: 0.7 * p for n, p in lr.items()}
    attendu["au_revoir"] += 0.3 * 0.9
    attendu["saluer"] += 0.3 * 0.1
    classement = {c["name"]: c["confidence"] for c in resultat["classement"]}
    assert classement == pytest.approx(attendu)
    confiances = [c["confidence"] for c in resultat["classement"]]
    assert confiances == sorted(confiances, reverse=True)
    assert sum(confiances) == pytest.approx(1.0)
    assert resultat["intent"] == resultat["classement"][0]
    # « bonjour a vous » : la régression lit « bonjour » et corrige DIET (au_revoir à 0.9).
    assert resultat["intent"]["name"] == "saluer"


def test_message_vide_ou_sans_classement_pas_touche(resultat):
    assert resultat["vide"] == [{"name": "au_revoir", "confidence": 0.9},
                                {"name": "saluer", "confidence": 0.1}]
    assert resultat["sans_classement"] is None


def test_modele_recharge_identique(resultat):
    assert resultat["lr_recharge"] == pytest.approx(resultat["lr"])


def test_fichier_avec_type_inattendu_refuse(resultat):
    assert resultat["piege_modele"] is True
    assert resultat["piege_classement"] == [{"name": "au_revoir", "confidence": 0.9},
                                            {"name": "saluer", "confidence": 0.1}]


def test_motifs_urgence_imposent_urgence(resultat):
    assert resultat["alerte"] == {"name": "urgence", "confidence": 1.0}
    # même quand la régression n'a pas pu être chargée
    assert resultat["alerte_piege"] == {"name": "urgence", "confidence": 1.0}


def test_motifs_rapides_sur_un_message_enorme(resultat):
    assert resultat["duree_long"] < 1.0


def test_motifs_urgence_jamais_sur_une_autre_intention(resultat):
    assert resultat["declenches"] == []
    # Filet, pas classifieur : il couvre une bonne part des urgences écrites, pas toutes.
    assert resultat["urgences_vues"] >= 0.6 * resultat["urgences"]


def test_motifs_lus_dans_le_fichier_des_alertes(resultat):
    # les 21 motifs sûrs d'avant (config.yml) sont maintenant dans bot/extraction/alertes_motifs.py
    assert resultat["nb_surs"] >= 21


def test_passages_sans_danger_pas_urgence(resultat):
    assert resultat["benins"] == {t: None for t in resultat["benins"]}

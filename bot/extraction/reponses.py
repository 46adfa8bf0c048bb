"""Réponse courte à une question connue : « 34 », « ouais », « nan », « 2 », « je sais pas ».

Le bot sait quel champ il a demandé (``custom.question``) : ``interpreter_reponse(champ, texte)``
lit la réponse selon le type du champ. Un nombre seul prend l'unité du champ (mois pour
``mois_en_france``, années pour ``annees_titre_sejour``, heures, euros). Une phrase complète
passe d'abord par ``extraire_faits`` (« non en fait j'ai 35 ans »).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Sequence

from . import foyer, incertitude, nombres
from .faits import _aujourd_hui, extraire_faits
from .lexique import MOIS_ANNEE, ORDINAUX, PAYS
from .modele import Extraction
from .normalisation import normaliser
from .vocabulaire import ARGENT, BOOLEEN, CHAMPS, CHAMPS_FOURCHETTES, CHOIX, ENTIER, LISTE, NOMBRE, valeur_valide

MOIS_NOMS = set(MOIS_ANNEE)

_OUI = re.compile(
    r"^(?:oui|ok|okay|d accord|dac|bien sur|evidemment|exact|exactement|c est ca|c est exact|voila|absolument|"
    r"affirmatif|si(?! (?:je|j|il|elle|on|tu|vous|nous|jamais)\b)|tout a fait|carrement|grave|wah|iyeh|ih|eyh|"
    r"ah oui|correct|vrai|c est vrai|yup|oki|bien sur que oui)\b(?! (?:crois|pense)\b)"
)
_NON = re.compile(
    r"^(?:moi )?(?:non|no|pas du tout|jamais|aucun|aucune|negatif|du tout|la la|non merci|absolument pas|"
    r"bien sur que non|rien|pas(?= ?$| ,| de | d | du tout)|nada|nul|nulle part|personne|0)\b|^la\s*[.!]?$"
)
_ZERO = re.compile(r"^(?:0|rien|aucun|aucune|non|pas|jamais|zero|nada|que dalle|nul|sans|personne|pas un)\b")
_NOMBRE = re.compile(r"(?<![\d/])(\d+(?:[.,]\d+)?)(?![\d/])")
_SYNONYMES: dict[str, list[tuple[re.Pattern, str]]] = {
    "nationalite": [
        (re.compile(r"(?<!en )(?<!de )(?<!a )\bfrance\b|\bfr\b|\bfrancaise?\b"), "francaise"),
        (re.compile(r"\bhors (?:ue|europe|union europeenne)\b|\bnon europeen(?:ne)?\b|\bpas europeen(?:ne)?\b"
                    r"|\bautres?\b|\bafrique\b|\basie\b|\bamerique\b|\bmaghreb\b|\bmoyen orient\b"), "hors_ue"),
        (re.compile(r"\bue\b|\beu\b|\beurope\b|\bunion europeenne\b|\beuropeen(?:ne)?\b|\beee\b"), "ue"),
    ],
    "titre_sejour": [
        (re.compile(r"\bcarte de resident\b|\bresident\b|\b10 ans\b"), "carte_resident"),
        (re.compile(r"\brefugie\b|\bprotection\b"), "protection_internationale"),
        (re.compile(r"\basile\b"), "demande_asile"),
        (re.compile(r"\brecepisse\b"), "recepisse"),
        (re.compile(r"\btitre\b|\bcarte de sejour\b|\bcarte\b|\bpapiers\b|\boui\b"), "titre_travail"),
        (re.compile(r"^(?:aucun|aucune|rien|non|pas|sans|0|nada)\b"), "aucun"),
    ],
    "logement": [
        (re.compile(r"\brue\b|\bdehors\b|\btente\b|\bmetro\b|\bvoiture\b|\bsquat\b|\bgare\b|\bsous (?:un|le) pont\b"), "rue"),
        (re.compile(r"\b115\b|\bfoyer\b|\bcentre\b|\bhotel\b|\bhebergement\b|\bsamu\b"), "centre_hebergement"),
        (re.compile(r"\bamis?\b|\bfamille\b|\bheberge\b|\bchez\b|\bpote\b|\bpotes\b|\bgratuit"),
         "heberge_gratuitement"),
        (re.compile(r"\blocataire\b|\blocation\b|\bloue\b|\bloyer\b"), "locataire"),
        (re.compile(r"\bproprietaire\b"), "proprietaire"),
    ],
}


# Mots d'un seul champ booléen qui valent « oui » ou « non » en réponse à sa question.
_BOOLEENS: dict[str, list[tuple[re.Pattern, bool]]] = {
    "en_couple": [(re.compile(r"^(?:on est |nous sommes |je suis |jsui |chui )?"
                              r"(?:marie|mariee|maries|pacse|pacsee|en couple|concubinage|ensemble)\b"), True),
                  # « Avec qui vivez-vous ? » (question groupée) : « tout seul », « chui tt seul »
                  (re.compile(r"^(?:je vis |j habite |je suis |jsui |chui |moi )?(?:tout |toute |tt |tte )?"
                              r"(?:celibataire|seule?|divorcee?|separee?|veuf|veuve)\b"), False)],
    "etudiant": [(re.compile(r"^(?:etudiant|eleve|stagiaire|lyceen|lyceenne|a la fac)\b"), True)],
    "enceinte": [(re.compile(r"^(?:enceinte|grossesse)\b"), True)],
    "vit_a_paris": [(re.compile(r"^(?:moi )?(?:a )?paris\b|^750\d\d\b"), True),
                    (re.compile(r"^(?:banlieue|en banlieue|province|hors de paris)\b"), False)],
}


# « Paris bientôt. maintenant Évry » : un mot-réponse suivi d'un autre temps n'est pas la réponse d'aujourd'hui
_AUTRE_TEMPS = re.compile(r"\b(?:bientot|prochain\w*|plus tard|demain|avant|autrefois|maintenant|mtn|futur|"
                          r"l an dernier|l annee derniere|mais)\b")


_PAPIERS_NIES = re.compile(r"^(?:moi )?papiers? (?:non|rien|aucun|pas|0|nada)\b(?!.{0,40}\b(?:mais|sauf|recepisse|asile|"
                           r"titre|carte|refugie)\b)")
_NEGATION_TITRE = re.compile(r"\b(?:non|pas|aucun|aucune|rien|sans|plus|jamais|nada)\b")


@dataclass
class Reponse:
    """Lecture d'une réponse : la valeur du champ demandé (ou None), « je ne sais pas », et tout le reste."""

    valeur: Any = None
    ne_sait_pas: bool = False
    extraction: Extraction = field(default_factory=Extraction)


def _simple(texte: Any) -> str:
    return " ".join(normaliser(texte).replace(".", " ").replace("!", " ").split())


def _choix(champ: str, texte: str, choix: Sequence[Any] | None) -> Any:
    """Un choix proposé, par son numéro (« 2 »), son libellé ou sa valeur."""
    if not choix:
        return None
    valeurs = []
    for c in choix:
        if isinstance(c, dict):
            valeurs.append((c.get("valeur"), _simple(str(c.get("libelle", ""))), _simple(str(c.get("valeur", "")))))
        else:
            valeurs.append((c, _simple(str(c)), _simple(str(c))))
    if re.fullmatch(r"\d{1,2}", texte) and 1 <= int(texte) <= len(valeurs):
        return valeurs[int(texte) - 1][0]
    for valeur, libelle, brut in valeurs:
        if texte and texte in (libelle, brut, brut.replace("_", " ")):
            return valeur
    return None


def _nombre_seul(texte: str) -> float | None:
    m = _NOMBRE.search(texte)
    return nombres.nombre(m.group(1)) if m else None


def _entier(champ: str, texte: str, ext: Extraction, jour: dt.date) -> Any:
    if champ == "enfants":
        if re.match(r"^(?:moi )?(?:un seul|1 seul|une seule|juste 1|1 enfants?)\b", texte):
            return 1
        if _ZERO.match(texte) and not _NOMBRE.search(texte):
            return 0
    if champ == "heures_travail_3_ans":
        if _ZERO.match(texte) and not _NOMBRE.search(texte):
            return 0
        parties = re.split(r" (?:plus|\+|et en plus|et) ", texte)
        if len(parties) == 2:  # « deux ans à plein temps, plus 500 heures d'intérim »
            valeurs = [_entier(champ, p.strip(" ,."), ext, jour) for p in parties]
            if all(isinstance(v, int) for v in valeurs):
                return sum(valeurs)
        if nombres.DUREE.search(texte):
            essai = extraire_faits("j ai travaille " + texte, jour)
            if "heures_travail_3_ans" in essai.faits:
                return essai.faits["heures_travail_3_ans"]
            return None
    if champ == "enfants":
        m = re.match(r"^(\d{1,2})(?: enfants)?(?: ,)? (?:dont|avec|:)\b", texte)
        if m:
            return int(m.group(1))  # « trois, dont un bébé de 6 mois » (R11)
        sans_ages = re.sub(r"\b(?:de |a )?\d+(?: (?:ans?|mois))?(?: (?:et|a|,) \d+)* (?:ans?|mois)\b", " ", texte)
        nombres_dits = re.findall(r"\d+(?:[.,]\d+)?", sans_ages)
        comptes = re.findall(r"\b(\d{1,2}) (?:enfants|gosses|garcons?|filles?|fils|bebes?|petits?)\b", texte)
        if len(nombres_dits) > 1:
            # « un garçon et deux filles » : 3 ; « enfant 1, 2, 3, 4 » : on ne devine pas
            return sum(map(int, comptes)) if len(comptes) == len(nombres_dits) else None
        if foyer._ENFANTS_LOIN.search(texte) or foyer._ENFANTS_EXCLUS.search(texte):
            # « deux mais ils sont placés, à l'ASE » : aucun ne vit avec la personne (R9) ; une partie
            # seulement (« deux, un au pays ») ou un doute : on ne devine pas
            if re.search(r"\b(?:ils|elles|tous|toutes|les deux)\b", texte) and not re.search(
                    r"\b(?:avec moi|avec nous|chez moi|ici|a (?:ma|notre) charge|un|une|1|dont|sauf|autres?|l autre|"
                    r"le petit|la petite|mais (?:pas|un|une|le|la))\b", texte.split(" mais ", 1)[-1]):
                return 0
            return None
        seuls = re.findall(r"\b(?:ma|mon) (?:fille|fils|garcon|bebe|petit|petite)\b", texte)
        if seuls and comptes and len(comptes) == len(nombres_dits):
            return sum(map(int, comptes)) + len(seuls)  # « j'ai ma fille et mes deux fils » : 3
    if champ == "age_plus_jeune_enfant":
        d = nombres.DUREE.search(texte)
        if d:
            mois = nombres.mois_entiers(d)
            return None if mois is None else mois // 12
    if champ in ("mois_en_france", "mois_sans_titre", "mois_depuis_separation"):
        if re.search(r"\bque j ai \d", texte):
            return None  # « depuis que j'ai 15 ans » : un âge, pas une durée dite
        d = nombres.DUREE.search(texte)
        if d:
            return nombres.mois_entiers(d)
        date = nombres.DATE.search(texte)
        if date:
            lue = nombres.lire_date(date, jour)
            return nombres.mois_ecoules(lue, jour) if lue else None
        if re.search(r"\b(?:hier|aujourd hui|ce matin|viens d arriver|juste arrive)\b", texte):
            return 0
    if champ == "arrondissement":
        fin = re.search(r"\bc est (?:le |dans le )?(\d{1,2}) ?(?:e|eme)?$", texte)
        if fin:
            return int(fin.group(1))  # « je dors à la gare de l'Est, c'est le 10 »
        if texte in ORDINAUX:
            return ORDINAUX[texte]  # « vingtième »
        m = re.fullmatch(r"(?:oui )?(?:c est )?(?:le |dans le |paris |a paris )?(\d{1,2}|[ivx]{1,5}) ?(?:e|eme|ieme|er|em)?"
                         r"(?: arrondissement)?", texte)
        if not m:
            return None
        n = m.group(1)
        return int(n) if n.isdigit() else _ROMAINS.get(n)
    if champ in ("age", "conjoint_age"):
        date = nombres.DATE.search(texte)
        if date and (date.group("a") or date.group("a2")) and not re.search(r"\bans?\b", texte):
            lue = nombres.lire_date(date, jour)
            return nombres.age_depuis_naissance(lue, jour) if lue else None
        if re.search(r"\b\d+ (?:mois|semaines|jours)\b", texte):
            return None
    n = _nombre_seul(texte)
    return int(n) if n is not None and float(n).is_integer() else None


def _argent(champ: str, texte: str, ext: Extraction) -> Any:
    if champ == "ressources_mensuelles" and "ressources_annuelles" in ext.faits:
        return ext.faits["ressources_annuelles"] / 12
    if champ == "ressources_annuelles" and "ressources_mensuelles" in ext.faits and re.search(
            r"\bpar mois\b|/ mois|\bmensuel|\btous les mois\b|\bchaque mois\b|\ble mois\b", texte):
        return ext.faits["ressources_mensuelles"] * 12
    if (_ZERO.match(texte) and not _NOMBRE.search(texte)) or re.match(
            r"(?:rien|0|zero|nada|walou|que dalle)\b(?! (?:\d|de |d |sur))", texte):
        return 0.0  # « Rien. Je suis enceinte aussi, de 4 mois. »
    n = _nombre_seul(texte)
    if n is None:
        return None
    if re.search(r"\bpar semaine\b|/ semaine", texte):
        n = n * 52 / 12
    return float(n)


def _annees(texte: str, jour: dt.date) -> Any:
    d = nombres.DUREE.search(texte)
    if d:
        if (d.group("qual") or "").startswith(("moins", "plus", "au moins")):
            return None  # « moins d'un an » : une borne, pas une durée
        mois = nombres.duree_en_mois(d)
        return None if mois is None else nombres.en_annees(mois)
    date = nombres.DATE.search(texte)
    if date:
        lue = nombres.lire_date(date, jour)
        mois = nombres.mois_ecoules(lue, jour) if lue else None
        return None if mois is None else nombres.en_annees(mois)
    # « non », « pas », « rien » à « depuis combien d'années… ? » ne disent pas une durée de 0 (joué à la
    # main : « non » devenait « titre pour travailler depuis 0 mois ») : seul un « 0 » écrit compte
    return _nombre_seul(texte)


def _booleen(texte: str, brut: str) -> bool | None:
    if "👍" in brut or "✅" in brut:
        return True
    if "👎" in brut or "❌" in brut:
        return False
    if _NON.match(texte):
        return False
    if _OUI.match(texte):
        return True
    return None


# Pour un fait, « oui » doit être dit : « ok », « d'accord », « j'ai », « je crois » ne suffisent pas,
# et « si » n'est un oui que seul (« si je perds mon travail » est une hypothèse).
_OUI_FAIT = re.compile(
    r"^(?:oui|bien sur|evidemment|exact|exactement|c est ca|c est exact|absolument|affirmatif|tout a fait|"
    r"carrement|iyeh|ih|eyh|ah oui|c est vrai|yup|bien sur que oui|(?:ben |bah |mais )?si(?: si)*(?= ?$| ,))\b"
)


def _booleen_fait(texte: str, brut: str) -> bool | None:
    if "👍" in brut or "✅" in brut:
        return True
    if "👎" in brut or "❌" in brut:
        return False
    if _CORRIGE.search(texte):
        return None  # « oui chez la croix rouge… ah non c'est fini » : la réponse est reprise
    if re.search(r"\bmoi (?:non|nn|pas)\b(?! plus\b)|\bpas moi\b|\b(?:donc|alors) non$", texte) and not _OUI_FAIT.match(texte):
        return False  # « mon conjoint travaille, moi non », « je dors dans ma voiture, donc non »
    if _NON.match(texte):
        if re.match(r"^non ?,? (?:\d|pardon|attend|en fait|plutot)", texte):
            return None  # « non 36 », « non pardon... » : une correction, pas une réponse
        return False
    if _OUI_FAIT.match(texte):
        return True
    return None


_CORRIGE = re.compile(r".\b(?:ah non|a non|a nn|oh non|non pardon|pardon|je me suis trompee?|enfin non|enfin si|"
                      r"en fait non|enfin a|enfin au|enfin c est|ou plutot|plutot)\b")


def oui_non(texte: Any) -> bool | None:
    """« oui », « ok 👍 », « non merci », « nan » → True / False ; None si ce n'est ni l'un ni l'autre."""
    if not isinstance(texte, str) or not texte.strip():
        return None
    return _booleen(_simple(texte[:200]), texte[:200])


_DIFFICULTES_MOTS = [
    ("impayes_loyer", re.compile(r"\bloyers?\b|\b\d+ mois de loyer")),
    ("factures_energie", re.compile(r"\b(?:edf|engie|electricite|elec|gaz|lumiere|courant|chauffage|energie)\b")),
    ("factures_eau", re.compile(r"\beau\b")),
    ("entree_logement", re.compile(r"\bcaution\b|\bdepot de garantie\b|\bpremier loyer\b")),
]


def _liste(texte: str, choix: Sequence[Any] | None) -> list | None:
    if _ZERO.match(texte) or re.search(r"\b(?:aucune|aucun|rien de tout ca|pas de souci|pas de probleme)\b", texte):
        return []
    if re.search(r"\b(?:tout est paye|est paye|sont payes|a jour|rembourse|regle)\b", texte) and not re.search(
            r"\b(?:pas|plus|non|impaye\w*)\b", texte):
        return []
    if len(texte.split()) <= 12 and not re.search(r"\b(?:voisin|voisine|frere|soeur|ami|amie|mere|pere|si|peur)\b", texte):
        trouvees = [v for v, motif in _DIFFICULTES_MOTS if motif.search(texte)]
        if trouvees:
            return trouvees  # « loyer + Engie », « l'eau », « moi problème lumière, facture »
    if choix:
        numeros = re.findall(r"\b\d{1,2}\b", texte)
        if numeros and re.fullmatch(r"[\d\s,et.]+", texte):
            valeurs = []
            for n in numeros:
                v = _choix("difficultes_logement", n, choix)
                if v is not None and v not in valeurs:
                    valeurs.append(v)
            return valeurs or None
        v = _choix("difficultes_logement", texte, choix)
        if v is not None:
            return [v]
    return None


def analyser_reponse(champ: str, texte: str, choix: Sequence[Any] | None = None,
                     aujourd_hui: dt.date | str | None = None) -> Reponse:
    """Lit ``texte`` comme la réponse à la question sur ``champ``. Ne lève jamais d'exception.

    ``choix`` : les choix proposés (liste de ``{"valeur", "libelle"}`` comme dans
    ``prochaine_question``, ou de valeurs) ; « 2 » désigne alors le deuxième.
    """
    try:
        return _analyser(champ, texte, choix, aujourd_hui)
    except Exception:  # pragma: no cover - filet de sécurité
        return Reponse()


def _analyser(champ: str, texte: Any, choix: Sequence[Any] | None, aujourd_hui: Any) -> Reponse:
    if champ not in CHAMPS or texte is None:
        return Reponse()
    brut = texte if isinstance(texte, str) else str(texte)
    if brut.lstrip().startswith("/"):
        return Reponse()
    jour = _aujourd_hui(aujourd_hui)
    ext = extraire_faits(brut, jour, question=champ)
    simple = _simple(brut)
    courte = champ not in ext.faits
    reponse = _lire(champ, brut, simple, ext, choix, jour)
    if champ in ARGENT and _CHIFFRE_SEUL.fullmatch(simple) and reponse.valeur not in (None, 0):
        # « 2 » seul à « Combien d'argent… par mois ? » : 2 € par mois, ou le 2e bouton (SMS) ? On redemande.
        reponse.valeur = None
    if reponse.valeur is not None:
        reponse.valeur = valeur_valide(champ, reponse.valeur)  # « ¾ » (« 34 ») enfants : hors des bornes, rien
    _deduire_de_la_reponse(champ, reponse)
    if CHAMPS[champ]["type"] == BOOLEEN and reponse.valeur is not None \
            and not _oui_non_sur(champ, simple, brut, reponse.valeur, courte):
        reponse.valeur = None
        reponse.extraction.faits.pop(champ, None)
    return reponse


def _deduire_de_la_reponse(champ: str, reponse: Reponse) -> None:
    """Ce que la valeur lue pour le champ demandé dit aussi : un titre de séjour (même « aucun ») n'existe que
    pour une personne hors UE (R4, R16) ; un montant par an, à la question du mois, se divise par 12."""
    faits = reponse.extraction.faits
    if reponse.valeur is None and champ == "ressources_mensuelles" and "ressources_annuelles" in faits:
        reponse.valeur = valeur_valide(champ, round(faits["ressources_annuelles"] / 12, 2))  # « 13 200 € par an »
    if reponse.valeur is None:
        return
    if champ == "titre_sejour" and "nationalite" not in faits:
        faits["nationalite"] = "hors_ue"
    if champ == "conjoint_titre_sejour" and "conjoint_nationalite" not in faits:
        faits["conjoint_nationalite"] = "hors_ue"


# Mots de négation : une réponse à une question oui / non qui en contient un n'est jamais lue comme un oui
# (« non célibataire », « chez nous personne a un travail déclaré », « je reçois mon courrier nulle part »).
_NEGATION_MOT = re.compile(r"\b(?:non|pas|jamais|aucune?|rien|ni|sans|nulle part|ne|n|nn|nan|nada|walou|"
                           r"(?<!la )(?<!une )(?<!cette )(?<!1 )personne)\b")
_OUI_TETE = re.compile(r"^(?:euh |ben |bah |ah |oh )*(?:oui|ouais|si|bien sur|exact|exactement|tout a fait)\b")
_NON_TETE = re.compile(r"^(?:euh |ben |bah |ah |oh )*(?:non|nn|nan|pas du tout|jamais|aucun|aucune|rien)\b")


# « oui mais il vit au pays » : le « oui » est aussitôt restreint par une absence ; on ne le garde pas.
_OUI_MAIS_ABSENT = re.compile(r"\bmais\b.*\b(?:pays|bled|ailleurs|loin|parti|partie|separee?s?|prison|hopital|"
                              r"pas encore|au noir|a l etranger)\b")
# Un conjoint nommé dans une réponse courte : le « non » peut ne parler que de la personne (« non mais ma femme
# oui » à « Êtes-vous enceinte ? », question qui vaut pour le foyer).
_CONJOINT_NOMME = re.compile(r"\b(?:ma|mon) (?:femme|epouse|copine|compagne|conjointe?|mari|epoux|copain|compagnon)\b")
_CHAMPS_DU_FOYER = {"enceinte"}
_CHIFFRE_SEUL = re.compile(r"[1-9]")
_SANS_ENFANT = re.compile(r",? ?\b(?:sans|pas d|pas de|pa d|aucun) (?:enfants?|enfan|gosses?|bebes?|petits?)\b")


def _oui_non_sur(champ: str, simple: str, brut: str, valeur: bool, courte: bool) -> bool:
    """Garde-fous d'une réponse à une question oui / non (issue 11) :
    - le mot de tête (« oui » / « non ») et la valeur lue ne se contredisent pas (« non célibataire » à
      « Vivez-vous en couple ? » : la réponse est « non », jamais « oui »), sauf quand la réponse se corrige
      elle-même (« oui… ah non, on s'est séparés ») ;
    - une réponse courte (lue par son premier mot) qui contient une négation n'est jamais un oui ; une
      phrase complète est lue proposition par proposition (``faits._oui_nie``)."""
    if "👍" in brut or "✅" in brut or "👎" in brut or "❌" in brut:
        return True
    if _CORRIGE.search(simple) or re.search(r"\b(?:en fait|enfin|finalement)\b", simple):
        return True
    if courte and valeur is False and champ in _CHAMPS_DU_FOYER and _CONJOINT_NOMME.search(simple):
        return False
    if champ == "en_couple":
        simple = _SANS_ENFANT.sub(" ", simple).strip()  # « en couple sans enfants » : la négation parle des enfants
    if valeur is True:
        return not _NON_TETE.match(simple) and not (courte and (_NEGATION_MOT.search(simple)
                                                                 or _OUI_MAIS_ABSENT.search(simple)))
    return not _OUI_TETE.match(simple)


def _lire(champ: str, brut: str, simple: str, ext: Extraction, choix: Sequence[Any] | None, jour: dt.date) -> Reponse:
    if champ in ext.faits:
        if incertitude.hesite(simple) and champ not in ("genre", "enceinte"):
            # « moi 40… peut-être 42. pas sûr » : la réponse hésite, on la laisse inconnue (R3)
            ext.faits.pop(champ)
            return Reponse(None, incertitude.seulement_hesitation(simple), ext)
        return Reponse(ext.faits[champ], False, ext)
    if ext.ne_sait_pas and (not ext.inconnus or champ in ext.inconnus):
        return Reponse(None, True, ext)
    if incertitude.hesite(simple):
        # « je crois pas, non », « peut-être », « ça dépend » : pas de valeur, la question est reposée.
        return Reponse(None, incertitude.seulement_hesitation(simple), ext)
    if ext.interroge:
        # « 3 mois c'est suffisant pour l'AME ? », « récépissé c'est bon ? » : une question n'est pas une réponse (R14)
        return Reponse(None, False, ext)
    if champ == "enfants":
        compte = _enfants_compte(simple, ext)
        if compte is not None:
            return Reponse(compte, False, ext)
    if champ == "arrondissement":
        arr = _ARRONDISSEMENT_DIT.fullmatch(simple)
        if arr and not hesite_ou_passe(simple):
            n = int(arr.group("n2") or arr.group("n"))
            if 1 <= n <= 20:
                return Reponse(n, False, ext)  # « moi 19ème », « le 19e, ah non pardon le 20e », « le 20e, vers Belleville »
    if champ == "vit_a_paris" and "arrondissement" not in ext.faits:
        arr = re.fullmatch(r"oui ,? (?:le |dans le )?(\d{1,2}) ?(?:e|eme|ieme|er)(?: arrondissement)? ?[.!]?", simple)
        if arr and 1 <= int(arr.group(1)) <= 20:
            ext.faits["arrondissement"] = int(arr.group(1))  # « oui, 10ème »
    if champ == "nationalite" and "nationalite" not in ext.faits:
        drapeau = _nationalite_drapeau(brut)
        if drapeau:
            return Reponse(drapeau, False, ext)  # « 🇲🇱 »
    if champ == "age" and "age" not in ext.faits:
        futur = re.match(r"^(\d{1,3}) ,? (?:mais )?j aurai (\d{1,3})(?: ans?)? (?:dans|le|la|en|a|bientot)\b", simple)
        if futur and int(futur.group(2)) == int(futur.group(1)) + 1:
            return Reponse(valeur_valide(champ, int(futur.group(1))), False, ext)  # « 29, j'aurai 30 dans deux semaines »
    if champ == "mois_depuis_separation" and champ not in ext.faits:
        mois = _separation_dite(simple, jour)
        if mois is not None:
            return Reponse(valeur_valide(champ, mois), False, ext)
    genre = CHAMPS[champ]["type"]
    valeur: Any = None
    if genre in (ENTIER, NOMBRE) or champ in ARGENT:
        bornes = _fourchette_seule(champ, simple)
        morceaux = re.split(r" ?[,.;!?] ?", normaliser(brut), maxsplit=1)
        if bornes is None and len(morceaux) == 2 and not re.search(r"\d", morceaux[1]):
            bornes = _fourchette_seule(champ, morceaux[0].strip())  # « entre 30 et 35. pas papier de naissance »
        if bornes:
            ext.faits.setdefault("fourchettes", {})[champ] = bornes
            return Reponse(None, False, ext)
    if not _reponse_courte(champ, genre, normaliser(brut), ext):
        # Une phrase qui parle d'autre chose (« j'ai 30 ans » à une question oui / non, « ma mère a
        # 70 ans » à l'âge) : seuls les faits qu'elle dit vraiment comptent (ext.faits).
        return Reponse(None, False, ext)
    if genre == CHOIX:
        valeur = _choix(champ, simple, choix)
        if valeur is None:
            if champ == "nationalite" and simple in PAYS:
                valeur = PAYS[simple]
            if champ == "titre_sejour" and _PAPIERS_NIES.search(simple):
                valeur = "aucun"  # « papier non. rien. » : la négation porte sur les papiers
            for motif, v in _SYNONYMES.get(champ, []):
                if valeur is None and motif.search(simple):
                    if champ == "titre_sejour" and v != "aucun" and _NEGATION_TITRE.search(simple):
                        break  # « pas de titre », « carte non » : le mot d'un titre sous une négation, on ne devine pas
                    valeur = v
    elif genre == LISTE:
        valeur = _liste(simple, choix)
    elif genre == BOOLEEN:
        valeur = _booleen_fait(simple, brut)
        if valeur is None and champ in _THEMES and not _AUTRE_TEMPS.search(simple) and not incertitude.hesite(simple):
            theme = re.match(r"^(?:moi |ma |mon |la |le |l )?(?:" + _THEMES[champ] + r")(?: [a-z]+){0,2}? "
                             r"(?P<r>oui|non|nn|nan|pas)(?= ?[,.!]|$)", simple)
            if theme:
                valeur = theme.group("r") == "oui"  # « domiciliation oui, CCAS », « étudier non »

        for motif, v in _BOOLEENS.get(champ, []):
            if valeur is None and motif.search(simple) and not _AUTRE_TEMPS.search(simple):
                valeur = v
    elif champ in ARGENT:
        valeur = _argent(champ, simple, ext)
    elif genre == ENTIER:
        valeur = _entier(champ, simple, ext, jour)
    elif genre == NOMBRE:
        valeur = _annees(simple, jour)
    return Reponse(valeur_valide(champ, valeur), False, ext)


# --- enfants : un nombre dit en tête, ou des enfants tous loin ---------------------------------------
_CORRIGE_COMPTE = re.compile(r"\b(?:non|pardon|plutot|enfin|attendez|attends|oublie\w*|oups|erreur|si on compte|sans compter|"
                      r"avec (?:celui|celle|le fils|la fille|le bebe))\b")
_PERSONNE_ICI = re.compile(r"\b(?:pas|plus|jamais) (?:ici|avec moi|avec nous|chez moi)\b|\bvivent pas avec (?:moi|nous)\b"
                           r"|\bici (?:personne|aucun|0|rien)\b|\b(?:personne|aucun|0) ici\b")
_PAYS_SEUL = re.compile(r"\b(?:" + foyer._PAYS_ETRANGERS + r"|bled|pays)\b")
_ICI = re.compile(r"\b(?:ici|avec moi|avec nous|chez moi|a (?:ma|notre) charge)\b")
_TOUS = re.compile(r"\b(?:ils|elles|tous|toutes|les 2|mes enfants|les enfants)\b|^(?:mes |les )?enfants?\b")
_AUTRE_COMPTE = re.compile(r"\b(?:un|une|1|dont|sauf|autres?|l autre|aine|ainee|grand|grande|petit|petite|\d+)\b")
_EN_TETE = re.compile(r"^(?:(?:euh|ben|bah|alors|bon|oui|moi|j en ai|on en a|y en a|il y en a|en tout|enfants?)\s+)*"
                      r"(?P<n>\d{1,2})(?: (?:enfants?|gosses|petits))?\s*(?:[,.:;!]|et\b|$)")
_COMPTE_NOMME = re.compile(r"\b(?P<n>\d{1,2}) (?:\w+ )?(?:enfants?|fils|filles?|garcons?|gosses|petits?|petites?|bebes?|"
                           r"jumeaux|jumelles|grands?)\b")


_TOTAL_DIT = re.compile(r"[,.] (?:donc|ca fait|en tout|soit|total) (?P<n>\d{1,2}) ?[.!]?$")
_ENUM_DEBUT = re.compile(r"^(?:(?:euh|ben|bah|alors|bon|oui|j ai|on a|y a|il y a|j en ai)\s+)+")
_ENUM_SEP = re.compile(r" ?(?:,|\+|\bet\b|\bpuis\b)+ ?")
_ENUM_ITEM = re.compile(
    r"(?:(?P<n>\d{1,2}) (?:paires de )?|(?:un|une|1|le|la|l|mon|ma|mes|les|des|leur|leurs|notre|nos) (?:(?P<n2>\d) )?)?"
    r"(?P<nom>jumeaux|jumelles|fils|filles?|garcons?|grands?|grandes?|petits?|petites?|bebes?|aine|ainee|"
    r"enfants?|(?:grande? |petite? )?(?:soeur|frere))(?: (?:de|a) (?P<age>\d{1,2})(?: (?P<u>ans?|mois))?"
    r"(?: (?:et|a) \d{1,2} (?:ans?|mois))?)? ?\.?")


def _enumeration(simple: str, ages: list[int] | None = None) -> int | None:
    """« 2 grands + 1 petit » -> 3, « des jumeaux » -> 2, « ma fille, mon fils et les 2 jumelles » -> 4 :
    seulement quand toute la réponse est une liste d'enfants. ``ages`` reçoit l'âge de chaque élément
    (None quand un âge manque)."""
    parties = [p for p in _ENUM_SEP.split(_ENUM_DEBUT.sub("", simple).strip(" .")) if p]
    total = 0
    for partie in parties:
        m = _ENUM_ITEM.fullmatch(partie)
        if not m:
            return None
        if ages is not None:
            ages.append(None if not m.group("age") else int(m.group("age")) // 12 if (m.group("u") or "").startswith(
                "mois") else int(m.group("age")))
        n = int(m.group("n") or m.group("n2") or 0)
        nom = m.group("nom")
        if nom in ("jumeaux", "jumelles"):
            total += 2 * (n or 1) if "paires" in partie else (n or 2)
        elif n:
            total += n
        elif nom.endswith("s") and nom != "fils" or partie.startswith(("mes ", "les ", "des ", "leurs ", "nos ")):
            return None  # « mes filles » : combien ?
        else:
            total += 1
    if len(parties) < 2 and not re.search(r"\bjum", simple):
        return None
    return total or None


_SEPARATION_MOTS = re.compile(r"\b(?:quitte\w*|seule?|divorce\w*|separe\w*|mort\w*|deces|decede\w*|parti\w*|"
                              r"prison|fui|enfuie?|laisse\w*|naissance)\b")


_ARR_NOMBRE = r"(?:le |dans le |au |paris |a paris )?(?P<{}>\d{{1,2}}) ?(?:e|eme|ieme|er|em)?(?: arrondissement)?"
_ARRONDISSEMENT_DIT = re.compile(
    r"(?:oui |moi |je suis |j habite |je dors |je vis )?(?:c est )?" + _ARR_NOMBRE.format("n")
    + r"(?: , (?:ah |a |oh )?(?:non|pardon)(?: pardon| non)?(?: ,)? " + _ARR_NOMBRE.format("n2") + r")?"
    + r"(?: , (?:vers|pres de|a cote de|du cote de|cote) [a-z ]+)? ?[.!]?")


def hesite_ou_passe(simple: str) -> bool:
    return bool(incertitude.hesite(simple) or re.search(r"\b(?:avant|bientot|prochain\w*|etais|habitais|dormais)\b", simple))


# Le mot du sujet de la question, puis oui / non (« travail oui, contrat », « domiciliation oui, CCAS »)
_THEMES = {
    "domiciliation": r"domiciliation|domicilie\w*|adresse(?: \w+)?|ccas",
    "travail_declare": r"travail|taf|boulot|contrat|declare",
    "etudiant": r"etudier|etudes|etudiante?|ecole|fac|stage",
    "adresse_courrier": r"courrier|adresse|lettres",
    "lien_paris": r"lien",
    "enceinte": r"enceinte|grossesse",
}


# Un drapeau (deux lettres « indicateur régional ») : le code ISO du pays
_UE_EEE_SUISSE = set("AT BE BG HR CY CZ DK EE FI DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO CH".split())
_DRAPEAU = re.compile("([\U0001F1E6-\U0001F1FF])([\U0001F1E6-\U0001F1FF])")


def _nationalite_drapeau(brut: Any) -> str | None:
    codes = {"".join(chr(ord(c) - 0x1F1E6 + ord("A")) for c in m.groups()) for m in _DRAPEAU.finditer(str(brut or ""))}
    if len(codes) != 1 or re.sub(r"[\U0001F1E6-\U0001F1FF\s.!]", "", str(brut)):
        return None  # un seul drapeau, rien d'autre
    code = codes.pop()
    return "francaise" if code == "FR" else "ue" if code in _UE_EEE_SUISSE else "hors_ue"


def _separation_dite(simple: str, jour: dt.date) -> int | None:
    """À « Depuis combien de mois élevez-vous seul(e) vos enfants ? » : une seule durée ou date, dite avec
    la séparation (« moi seule 1 an », « il m'a quittée il y a 5 mois », « mon mari est mort en mars »)."""
    if not _SEPARATION_MOTS.search(simple) or re.search(r"\b(?:si|quand je|va|vais|avant|pendant|ont|age|agee?s?|"
                                                          r"ensemble|en couple|toujours avec|encore avec)\b|(?<!y )\ba \d|\bont \d", simple):
        return None
    durees = list(nombres.DUREE.finditer(simple))
    dates = list(nombres.DATE.finditer(simple))
    if len(durees) + len(dates) != 1 or len(re.findall(r"\d+", simple)) > 1:
        return None
    if durees:
        if durees[0].group("u") == "a":
            return None
        return nombres.mois_entiers(durees[0])
    lue = nombres.lire_date(dates[0], jour)
    return nombres.mois_ecoules(lue, jour) if lue else None


def _enfants_compte(simple: str, ext: Extraction | None = None) -> int | None:
    """« 3, mais ils sont restés au Mali » -> 0 (R9) ; « deux, un garçon de 4 ans et une fille de 2 ans » -> 2.
    None dès qu'un doute reste (une correction, une partie au loin, un autre nombre d'enfants)."""
    if _CORRIGE_COMPTE.search(simple):
        return None
    loin = foyer._ENFANTS_LOIN.search(simple) or foyer._ENFANTS_EXCLUS.search(simple) or _PERSONNE_ICI.search(simple) \
        or _PAYS_SEUL.search(simple)
    if loin:
        sans_negation = _PERSONNE_ICI.sub(" ", simple)
        if _ICI.search(sans_negation):
            avec = [m for m in foyer._AVEC_MOI.finditer(simple)]
            seul = re.search(r"\b1 seule? (?:avec moi|ici)\b", simple)
            if len(avec) == 1 and not seul:
                return int(avec[0].group("n") or avec[0].group("n2"))  # « 2 ici avec moi et 1 au Mali »
            return 1 if seul and not avec else None  # « un seul avec moi, les deux grands en Roumanie »
        reste = re.sub(r"\b\d+ (?:ans?|mois)\b|\bgrand (?:mere|pere)\b|\bgrands parents\b", " ", simple)
        reste = re.sub(r"\b\d{1,2}\b", " ", reste, count=1)  # le nombre d'enfants dit, une fois
        tous = _TOUS.search(simple) or _PERSONNE_ICI.search(simple) or re.match(r"(?:1|1 seul|mon fils|ma fille)\b", simple)
        if tous and not _AUTRE_COMPTE.search(reste):
            return 0
        return None
    total = _TOTAL_DIT.search(simple)
    if total:
        return int(total.group("n"))  # « Moussa, Awa, Fatou et le bébé, donc quatre »
    ages: list[int | None] = []
    enumeres = _enumeration(simple, ages)
    if enumeres is not None:
        if ext is not None and ages and None not in ages:
            ext.faits.setdefault("age_plus_jeune_enfant", min(ages))  # chaque enfant dit avec son âge
        return enumeres
    m = _EN_TETE.match(simple)
    if not m:
        return None
    n = int(m.group("n"))
    reste = simple[m.end():]
    if re.search(r"\b(?:mais|sauf|dont|pas|plus|ne|n|week end|weekend|semaine sur|vacances|garde|chez (?:leur|sa|son|ses)|"
                 r"partis?|foyer|hopital|internat)\b", reste):
        return None  # « deux, mais le grand a 20 ans », « 2, ils sont chez moi le week-end » : combien à charge ?
    ages = []
    if ext is not None and _enumeration(reste, ages) == n and ages and None not in ages:
        ext.faits.setdefault("age_plus_jeune_enfant", min(ages))  # « trois : des jumeaux de 2 ans et leur grande sœur de 7 ans »
    comptes = [int(c.group("n")) for c in _COMPTE_NOMME.finditer(reste)]
    if comptes and sum(comptes) != n and comptes != [n]:
        return None  # « deux, et trois filles » : on ne devine pas
    nombres_nus = [x for x in re.finditer(r"\b\d+\b", reste) if not re.match(
        r"\d+ (?:ans?|mois|semaines|jours|e|eme|ieme|er|enfants?|fils|filles?|garcons?|gosses|petits?|bebes?|jumeaux|"
        r"jumelles|\w+ (?:garcons?|filles?|fils|enfants?))\b", reste[x.start():])]
    if nombres_nus:
        return None  # « deux… trois avec le fils de ma femme » : un autre nombre
    return n


# --- réponse courte : le texte ne dit rien d'autre que la réponse ----------------------------------
# Mots permis autour d'une réponse courte (politesse, hésitations de l'oral, « j'ai », « environ »).
_REMPLISSAGE = {
    "euh", "ben", "bah", "alors", "bon", "voila", "merci", "madame", "monsieur", "bonjour", "bonsoir", "salut",
    "je", "j", "ai", "suis", "c", "est", "ca", "fait", "il", "y", "a", "en", "tout", "environ", "pres", "peu",
    "autour", "de", "d", "du", "le", "la", "l", "les", "juste", "seulement", "que", "qu", "depuis", "presque",
    "plus", "moins", "au", "pile", "exactement", ",", ".", "!", "?", "on", "nous", "avons", "sommes", "et", "demi",
    "demie", "quasiment", "bientot", "oui", "non", "moi", "dans", "des", "mais", "donc", "aussi", "vers", "un", "une",
}
_UNITES: dict[str, set[str]] = {
    "age": {"ans", "an", "age", "agee", "ne", "nee", "annees", "annee"},
    "conjoint_age": {"ans", "an", "age", "agee", "ne", "nee", "lui", "elle", "ma", "mon", "femme", "mari", "epouse", "epoux",
                     "conjoint", "conjointe", "copain", "copine", "compagnon", "compagne", "semaine", "derniere",
                     "dernier", "hier", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"},
    "enfants": {"enfants", "gosses", "fils", "filles", "fille", "garcons", "garcon", "bebe", "bebes", "petits",
                "seul", "seule", "charge", "avec", "mes", "mon", "ma", "ans", "an", "mois"},
    "age_plus_jeune_enfant": {"ans", "an", "mois", "semaines", "jours", "il", "elle", "bebe", "plus", "petit",
                              "jeune", "mon", "ma", "fils", "fille", "le", "la"},
    "heures_travail_3_ans": {"heures", "h", "ans", "an", "mois", "temps", "plein", "mi", "par", "semaine",
                             "travaille", "bosse", "annees", "jamais", "aucune", "aucun", "rien", "0", "pendant",
                             "interim", "travail", "moi", "a"},
    "arrondissement": {"e", "eme", "ieme", "er", "em", "arrondissement", "paris", "c", "est"},
}
_DUREES = {"ans", "an", "annees", "annee", "mois", "semaines", "semaine", "jours", "jour", "france", "ici", "mon", "ma",
           "maintenant", "arrivee", "arrive", "mes",
           "arrive", "arrivee", "hier", "aujourd", "hui", "ce", "matin", "viens", "arriver", "titre", "carte",
           "environ", "fin", "debut", "courant", "mi"}
for _c in ("mois_en_france", "mois_sans_titre", "mois_depuis_separation", "annees_titre_sejour",
           "conjoint_annees_titre_sejour"):
    _UNITES[_c] = _DUREES
_ARGENT_MOTS = {"euros", "e", "par", "mois", "an", "semaine", "jour", "net", "nets", "brut", "mensuel", "mensuels",
                "mensuellement", "/", "rien", "0", "zero", "sur", "12", "derniers", "annee", "l"}
_ROMAINS = {r: i for i, r in enumerate(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii",
                                        "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"], start=1)}
_NOMBRE_MOT = re.compile(r"\d+(?:[.,]\d+)?$")


def _reponse_courte(champ: str, genre: str, simple: str, ext: Extraction) -> bool:
    """Le texte n'est qu'une réponse à la question posée (R12, R15 de la SPEC).

    Nombres : le nombre, son unité et des mots de remplissage seulement (« 34 », « j'ai 34 ans »,
    « environ 800 € par mois ») ; « j'ai 2 enfants » ne répond pas à l'âge. Choix : quelques mots,
    sans souhait, crainte, passé ni hypothèse. Oui / non : le premier mot (« oui », « non merci »).
    """
    if genre == BOOLEEN:
        return True  # _booleen_fait ne lit que le premier mot ; les faits d'une phrase viennent de ext
    mots = simple.split()
    if not mots:
        return False
    if genre in (CHOIX, LISTE):
        mots = [m for m in mots if m not in (",", ".", "!", "?", ";", ":")]
        return len(mots) <= (4 if champ == "nationalite" else 7) and not any(m in _RISQUES for m in mots)
    if champ == "arrondissement" and re.search(r"\bc est (?:le |dans le )?\d{1,2} ?(?:e|eme)?$", simple):
        return True
    if champ == "arrondissement" and (simple in ORDINAUX or re.fullmatch(r"(?:oui )?(?:c est )?(?:le |dans le |paris )?[ivx]{1,5} ?e",
                                                                        simple)):
        return True
    permis = _REMPLISSAGE | _UNITES.get(champ, set()) | MOIS_NOMS
    if champ in ARGENT:
        permis = _REMPLISSAGE | _ARGENT_MOTS
    # La réponse est la première proposition qui porte un nombre (« 34 et je dors dehors » -> 34) ;
    # ce qui la précède n'est que remplissage (« non attendez, 2 »).
    propositions = _PROPOSITIONS.split(simple)
    for i, proposition in enumerate(propositions):
        mots = proposition.split()
        reste = [m for m in mots if m not in permis and not _NOMBRE_MOT.match(m)
                 and not re.fullmatch(r"\d+/\d+(?:/\d+)?", m)]
        if reste and champ == "age" and not any(_NOMBRE_MOT.match(m) for m in mots) and _PAYS_MOTS.fullmatch(
                " ".join(reste)):
            continue  # « Afghanistan. 22. » : le pays (lu par ailleurs), puis l'âge
        if reste:
            return False
        if any(_NOMBRE_MOT.match(m) for m in mots) or any(m in _ZEROS for m in mots):
            # la suite ne doit pas reprendre la réponse (« 3, mais ils sont restés au Mali »)
            suite = " ".join(propositions[i + 1:])
            if any(m in _ZEROS or m == "0" for m in mots) and not re.search(
                    r"\b(?:mais|sauf|si|sinon|avant|euros?|touche|gagne|salaire|rsa|ada|enfants?|papiers?)\b", suite):
                return True  # « Rien. Je suis enceinte et je ne peux pas travailler. »
            risques = _RISQUES_APRES - ({"plus"} if champ == "heures_travail_3_ans" else set())
            return not (set(suite.split()) & risques or _PAYS_MOTS.search(suite))
    return True  # que des mots permis (« non », « hier ») : le lecteur du champ décide


_RISQUES_APRES = {"mais", "sauf", "non", "pas", "plus", "enfin", "pardon", "attendez", "attends", "pays", "bled",
                  "reste", "restes", "restee", "restees", "rester", "vivent", "habitent", "leur", "leurs", "chez",
                  "ailleurs", "loin", "parti", "partis", "partie", "majeurs", "majeur", "grands", "autonome",
                  "autonomes", "plutot", "correction", "erreur", "trompe", "oublie", "oublier", "aura", "aurai",
                  "fera", "bientot", "prochain", "prochaine", "ou", "peut"}
_PAYS_MOTS = re.compile(r"\b(?:" + "|".join(sorted((re.escape(p) for p in PAYS), key=len, reverse=True)) + r")\b")
_PROPOSITIONS = re.compile(r" ?[,.;!?] ?| et (?=je |j |ma |mon |mes |il |elle |on )| mais ")
_ZEROS = {"aucun", "aucune", "rien", "zero", "nada", "jamais", "walou", "personne"}
_REMPLISSAGE |= _ZEROS | {"attendez", "attends", "pardon", "enfin", "plutot", "sais", "dire", "veux", "hein"}


_RISQUES = {"vais", "va", "veux", "voudrais", "cherche", "peur", "risque", "avant", "etais", "etait", "si", "pas",
            "plus", "jamais", "bientot", "demain", "futur", "menace", "expulse", "expulsion", "mettre", "ancien", "ni", "frere", "soeur", "mere", "pere", "ami", "amie", "pote", "cousin",
            "cousine", "fils", "fille", "mari", "femme", "copain", "copine", "parents"}
_FOURCHETTE_SEULE = re.compile(r"^(?:je |j )?(?:(?:touche|gagne|ai|suis|dirais|a|recois|percois|ca|fait|depuis|il|y|"
                               r"le|la|petit|petite|plus|jeune|elle|on) )*(?:environ )?"
                               r"entre (\d+(?:[.,]\d+)?) et (\d+(?:[.,]\d+)?)(?: (?P<u>[a-z/ ]+))?$")


def _fourchette_seule(champ: str, simple: str) -> list[float] | None:
    """« entre 300 et 400 » (ou « de 300 à 400 ») en réponse : les bornes, dans l'unité du champ."""
    if champ not in CHAMPS_FOURCHETTES:
        return None
    m = _FOURCHETTE_SEULE.match(simple)
    if not m:
        return None
    bas, haut = nombres.nombre(m.group(1)), nombres.nombre(m.group(2))
    unite = (m.group("u") or "").strip()
    facteur = 1.0
    if champ in ARGENT:
        if re.search(r"\b(?:par|/) semaine\b", unite):
            facteur = 52 / 12
        elif re.search(r"\b(?:par|/) jour\b", unite):
            facteur = 365 / 12
        elif re.search(r"\b(?:par|/) an\b", unite) and champ == "ressources_mensuelles":
            facteur = 1 / 12
        elif unite and not re.fullmatch(r"(?:euros|e)?(?: ?(?:net|nets|brut))?(?: ?(?:par|/) mois)?", unite):
            return None
    elif champ.startswith("mois_"):
        if re.match(r"ans?\b|annees?\b", unite):
            facteur = 12
        elif unite and not unite.startswith("mois"):
            return None
    elif unite and not re.match(r"(?:ans?|annees?|heures|h)\b", unite):
        return None
    if bas is None or haut is None or bas >= haut:
        return None
    if CHAMPS[champ]["type"] == ENTIER:
        return [int(bas * facteur), int(haut * facteur)] if (bas * facteur).is_integer() and (
            haut * facteur).is_integer() else None
    return [round(bas * facteur, 2), round(haut * facteur, 2)]


def interpreter_reponse(champ: str, texte: str, choix: Sequence[Any] | None = None,
                        aujourd_hui: dt.date | str | None = None) -> Any:
    """La valeur du champ demandé dans une réponse courte, ou None (incompris ou « je ne sais pas »).

    Pour distinguer « je ne sais pas » d'une réponse incomprise : ``analyser_reponse``
    (ou ``extraire_faits(texte).ne_sait_pas``).
    """
    return analyser_reponse(champ, texte, choix, aujourd_hui).valeur

"""« Je ne sais pas » (et quel champ), et les corrections (« non en fait j'ai 35 ans »)."""
from __future__ import annotations

import re

from .analyse import Analyse
from .rapide import motif

_NE_SAIT_PAS = motif(
    r"\b(?:je |j |on |il |elle |ils )?(?:ne |n )?(?:sais|sait|savons|savais|savait) (?:pas|plus|rien)\b"
    r"|\bj en sais rien\b|\bj en sais pas\b|\bje n en sais rien\b|\ben sais rien\b|\baucune idee\b|\bpas d idee\b"
    r"|\bpas la moindre idee\b|\b(?:ne )?(?:me|se) (?:souviens|souvient|rappelle) (?:pas|plus)\b"
    r"|\bje (?:ne )?connais pas\b|\b(?:je )?(?:ne )?suis pas (?:sur|sure|certain|certaine)\b|\bpas sur\b"
    r"|\bpas sure\b|\bj ignore\b|\bignore\b|\bconnais pas\b|\bconnait pas\b|\bdifficile a dire\b"
    r"|\bje vois pas\b|\bje sais pas trop\b|\bsais pas\b|\bno se\b|\bnose\b|\bje ne sais\b"
    r"|\b(?:moi )?pas (?:savoir|connaitre|connais|sais)\b|\bmoi (?:savoir|sais) pas\b"
    r"|^\s*\?+\s*$|^\s*(?:aucune idee|inconnu|inconnue|je sais pas|sais pas|bof|euh+|hmm+)\s*[.!?]*\s*$"
)
_INDICES = re.compile(r"sai|sav|idee|souvien|rappel|conna|sur|ignor|dire|vois|no ?se|\?|inconnu|bof|euh|hmm")
# « je sais pas où dormir » n'est pas une ignorance sur un fait : c'est une demande d'aide.
_PAS_UNE_IGNORANCE = re.compile(
    r"^\s*(?:pas |plus |rien )?(?:ou (?:aller|dormir|je vais|je peux|on va|il va|elle va|manger)|quoi faire|"
    r"comment faire|comment (?:on|il faut|je dois)|a qui|lire|ecrire|parler|utiliser|remplir|si (?:j ai|je peux) "
    r"droit|quoi dire|par ou)"
)
_CHAMPS_NOMMES: list[tuple[str, re.Pattern]] = [
    ("annees_titre_sejour", re.compile(r"\bdepuis (?:quand|combien de temps) (?:j ai|il a|elle a|on a)"
                                       r" (?:mon|mes|son|ses|le|les|ce) (?:titre|papiers|carte)\b")),
    ("mois_en_france", re.compile(r"\bdepuis quand\b|\bquand (?:je suis|il est|elle est|on est) (?:arrive|venu)"
                                  r"|\bdate d arrivee\b|\bcombien de temps (?:en france|ici)\b|\barrive quand\b"
                                  r"|\bdepuis combien de temps\b")),
    ("age", re.compile(r"\b(?:mon|son|quel|leur) age\b|\bdate de naissance\b|\bannee de naissance\b"
                       r"|\bne quand\b|\bquand (?:je suis|il est|elle est) nee?\b|\bage\b")),
    ("nationalite", re.compile(r"\bnationalite\b|\bpays d origine\b")),
    ("titre_sejour", re.compile(r"\btitre\b|\bpapiers\b|\bcarte de sejour\b|\bstatut\b|\brecepisse\b|\basile\b")),
    ("heures_travail_3_ans", re.compile(r"\bcombien heures\b|\bheures\b|\bcombien de temps (?:j ai|il a|elle a) "
                                        r"(?:travaille|bosse)\b")),
    ("aide_logement", re.compile(r"\bapl\b|\bals\b|\baide au logement\b")),
    ("ressources_annuelles", re.compile(r"\bpar an\b|\bsur l annee\b|\b12 (?:derniers )?mois\b|\bannuel")),
    ("ressources_mensuelles", re.compile(r"\bcombien (?:je|il|elle|on) (?:touche|gagne|recoit|percoit)\b"
                                         r"|\brevenus?\b|\bressources?\b|\bsalaire\b|\bcombien (?:j ai|il a|elle a) "
                                         r"(?:par mois|d argent)\b|\bmontant\b")),
    ("enceinte", re.compile(r"\benceinte\b|\bgrossesse\b")),
    ("etudiant", re.compile(r"\betudiant\b|\betudes\b")),
    ("enfants", re.compile(r"\benfants\b")),
    ("en_couple", re.compile(r"\ben couple\b|\bmarie\b")),
    ("domiciliation", re.compile(r"\bdomiciliation\b|\bdomicilie\b")),
    ("adresse_courrier", re.compile(r"\bcourrier\b|\badresse\b")),
    ("lien_paris", re.compile(r"\blien avec paris\b")),
    ("vit_a_paris", re.compile(r"\bparis\b")),
    ("logement", re.compile(r"\bou (?:je dors|il dort|elle dort|dormir ce soir)\b|\blogement\b")),
    ("difficultes_logement", re.compile(r"\bdettes?\b|\bimpayes?\b|\bfactures?\b")),
]
_CORRECTION = re.compile(
    r"^\s*(?:pardon|oups|erreur|en fait|enfaite|enfait|plutot|correction|je me suis trompee?|je voulais dire|"
    r"je rectifie|je corrige)\b|^\s*(?:non|nan|ah non|non non|attends|excuse moi|excusez moi|desolee?)\s*,?\s*"
    r"(?:en fait|pardon|plutot|je me suis trompee?|c est|c etait|j ai \d|\d|je voulais)"
    r"|\bje me suis trompee?\b|\bje voulais dire\b|\bje rectifie\b|\ben fait (?:non|c est|j ai|je suis)\b"
    r"|\bpas \d+ mais \d+\b|\bnon pardon\b|\bpardon (?:je|j)\b|\bje corrige\b"
)


# Hésitations (SPEC R3) : « je crois (pas) », « peut-être », « pas sûr », « ça dépend »... Le fait de la
# proposition n'est pas sûr : on ne le pose pas (la question est reposée avec ses boutons).
_HESITATION = re.compile(
    r"\b(?:je |j )?(?:ne |n )?(?:crois|pense|suppose|imagine)(?! (?:a|au|aux|en|souvent|beaucoup|trop|toujours)\b)\b"
    r"|\bpeut etre\b|\bpe\b(?= ?$| ,)|\bpas (?:tres |trop |vraiment )?(?:sur|sure|certaine?)\b|\bca depend\b"
    r"|\bcela depend\b|\bdepend (?:des|du|de)\b|\bprobablement\b|\bprobable\b|\bil me semble\b|\bsans doute\b"
    r"|\bpossiblement\b|\bpossible\b|\bplus ou moins\b|\bj hesite\b|\bje doute\b|\bsurement\b"
    r"|\bje (?:ne )?(?:me )?(?:souviens|rappelle) (?:plus|pas)\b|\bje sais (?:plus|pas trop|pas vraiment)\b"
    r"|\bbof\b|\bje (?:ne )?sais pas si\b|\bnormalement\b|\ba priori\b|\bdes fois\b|\bparfois\b|\bpas vraiment\b"
)
_HESITATION_INDICES = re.compile(r"crois|pense|suppos|imagin|peut|pe\b|sur|certain|depend|probab|semble|doute|possib"
                                 r"|moins|hesit|souvien|rappel|sais|bof|normalement|priori|fois|vraiment")
# Ce qui reste d'une réponse qui n'est qu'une hésitation (« je crois pas, non », « peut-être oui »).
_MOTS_VIDES = {"je", "j", "crois", "pense", "suppose", "imagine", "pas", "non", "oui", "que", "qu", "ne", "n",
               "peut", "etre", "sur", "sure", "ca", "cela", "depend", "probablement", "probable", "il", "me",
               "semble", "sans", "doute", "possible", "possiblement", "plus", "ou", "moins", "hesite", "doute",
               "surement", "trop", "vraiment", "tres", "certain", "certaine", ",", ".", "!", "?", "bof", "moyen",
               "si", "bien", "normalement", "a", "priori", "mais", "enfin", "souviens", "rappelle", "sais", "en",
               "fait", "le", "la", "vite", "pe"}


def hesitations(a: Analyse) -> list[tuple[int, int]]:
    """Zones du texte où une hésitation rend les faits incertains (la proposition de l'hésitation).

    Une hésitation seule dans sa proposition (« 34 ans, je crois ») porte sur la proposition d'avant.
    """
    zones: list[tuple[int, int]] = []
    if not _HESITATION_INDICES.search(a.texte):
        return zones
    for m in _HESITATION.finditer(a.texte):
        seg = a.segment(m.start())
        debut, fin = seg.debut, seg.fin
        reste = [w for w in seg.texte.split() if w not in _MOTS_VIDES]
        i = a.indice(seg)
        if not reste and i > 0:
            debut = a.segments[i - 1].debut
        elif not reste and i + 1 < len(a.segments):
            fin = a.segments[i + 1].fin  # « peut-être, je suis inscrit à la fac »
        zones.append((debut, fin))
    return zones


def hesite(texte: str) -> bool:
    """Le texte contient une hésitation."""
    return bool(_HESITATION_INDICES.search(texte) and _HESITATION.search(texte))


def seulement_hesitation(texte: str) -> bool:
    """Le texte n'est qu'une hésitation (« je crois pas, non », « peut-être », « ça dépend »)."""
    mots = texte.split()
    return bool(_HESITATION.search(texte)) and all(w in _MOTS_VIDES for w in mots)


def ne_sait_pas(a: Analyse) -> tuple[bool, list[str], list[tuple[int, int]]]:
    """(« je ne sais pas » dit, champs nommés, zones du texte où les faits sont incertains)."""
    dit = False
    champs: list[str] = []
    zones: list[tuple[int, int]] = []
    if not _INDICES.search(a.texte):
        return dit, champs, zones
    for m in _NE_SAIT_PAS.finditer(a.texte):
        suite = a.texte[m.end():]
        if _PAS_UNE_IGNORANCE.match(suite):
            continue
        seg = a.segment(m.start())
        fin = seg.fin
        # « je sais pas si je suis étudiant » : la proposition qui suit est incertaine
        dit = True
        portee = a.texte[m.end():fin]
        if not portee.strip():
            portee = a.texte[seg.debut:m.start()]
        for champ, motif in _CHAMPS_NOMMES:
            if motif.search(portee):
                if champ not in champs:
                    champs.append(champ)
                break
        if re.fullmatch(r"\s*(?:c est quoi|c koi|c quoi|ce que c est|quoi|exactement|trop|vraiment)?\s*", a.texte[m.end():fin]):
            i = a.indice(seg)
            if i + 1 < len(a.segments) and a.segments[i + 1].phrase == seg.phrase:
                fin = a.segments[i + 1].fin  # « je sais pas c'est quoi, j'ai un papier de l'OFPRA »
        zones.append((m.start(), fin))
    return dit, champs, zones


def est_correction(a: Analyse) -> bool:
    return bool(_CORRECTION.search(a.texte))

"""Genre de la personne, seulement quand il est dit (SPEC : jamais deviné d'un prénom ni d'un accord seul).

- la personne le dit : « je suis une femme », « je suis un homme », « je suis enceinte », « j'ai accouché »,
  « je suis papa / maman de... », « je suis Madame X » ;
- un aidant la désigne : « Mme K. », « Monsieur a 63 ans », « ma mère », « mon frère » (quand il écrit pour lui) ;
- « mon mari me frappait » (R13) : la personne parle de violences d'un homme (femme).
« La personne... elle » (accord grammatical), « je suis née », « séparée » : rien.
"""
from __future__ import annotations

import datetime as dt
import re

from .analyse import Analyse
from .modele import Constat
from .rapide import motif

_FEMME_DIT = motif(
    r"\b(?:je suis|moi|jsui|chui) (?:une )?(?:femme|maman|mere)\b(?! de (?:mon|ma|son|sa))"
    r"|\b(?:je suis|moi|suis|jsui) (?:enceinte|madame|mme|mademoiselle)\b|\bj ai accouche\b|\bmoi (?:bebe|bb) dans\b"
    r"|^(?:enceinte|moi enceinte)\b|\b(?:je suis|suis) (?:maman|mere) (?:de|d|seule|isolee|solo|celibataire)\b"
    r"|\ben tant que femme\b"
)
_HOMME_DIT = re.compile(
    r"\b(?:je suis|moi|jsui|chui) (?:un )?(?:homme|papa|pere)\b(?! de (?:mon|ma|son|sa))"
    r"|\b(?:je suis|moi) monsieur\b|\ben tant qu homme\b|\b(?:je suis|suis) (?:papa|pere) (?:de|d|seul|isole|solo)\b"
)
_VIOLENCE_HOMME = re.compile(
    r"\b(?:mon mari|mon epoux|mari|homme|mon copain|mon compagnon|mon conjoint|mon ex)\b[^.]{0,60}\b(?:me frapp\w*|"
    r"m a frappee|me bat\w*|m a battue|violent|battre|me tap\w*|tap(?:e|er|ait)|frapp\w*|coups|m a violee|pas gentil)\b"
    r"|\b(?:frapp\w*|battue|violences?)\b[^.]{0,30}\b(?:mon mari|mon epoux|mon copain|mon compagnon|mon conjoint)\b"
    r"|\bsuis partie\b[^.]{0,40}\b(?:coups|violent|frapp\w*)|\b(?:coups|violent|frapp\w*)\b.{0,60}\bsuis partie\b"
    r"|\bm a frappee\b|\bmoi partie\b.{0,30}\b(?:frapp\w*|tap\w*)|\b(?:frapp\w*|tap\w*)\b.{0,30}\bmoi partie\b"
)
# Les coups viennent d'un homme du couple (R13) ; « mon père me frappait » ne dit pas le genre par ce chemin.
_AUTEUR_PARENT = re.compile(r"\b(?:mon|ma) (?:pere|mere|frere|soeur|oncle|tante|cousin|cousine|fils|beau pere|patron)\b")
# Personne aidée désignée par un aidant
_AIDEE_F = motif(
    r"(?<!je suis )(?<!suis )\b(?:madame|mme|mademoiselle|mlle|la dame|une dame|cette dame|une femme|une jeune femme|"
    r"la jeune femme|une patiente|la patiente|une mere|pour ma (?:mere|soeur|tante|cousine|fille|grand mere|voisine|"
    r"maman|amie)|ma (?:mere|grand mere|soeur|tante|cousine|voisine|maman) (?=\w+ a \d|a \d|qui|elle|est|vit|touche|n)"
    r"|une usagere|une beneficiaire)\b"
)
_AIDEE_H = re.compile(
    r"(?<!je suis )(?<!suis )\b(?:monsieur|mr|le monsieur|un monsieur|ce monsieur|un homme|un jeune homme|"
    r"le jeune homme|un gars|un patient|le patient|un pere|pour mon (?:pere|frere|oncle|cousin|fils|grand pere|voisin|"
    r"mari|ami|pote|compagnon)|mon (?:pere|grand pere|frere|oncle|cousin|voisin) (?=\w+ a \d|a \d|qui|il|est|vit|touche|n)"
    r"|un usager|un beneficiaire)\b"
)
_PROCHES_HOMMES = {"pere", "frere", "oncle", "cousin", "fils", "grand pere", "neveu", "voisin", "ami", "pote", "mari",
                   "epoux", "compagnon", "conjoint", "papa"}
_PROCHES_FEMMES = {"mere", "soeur", "tante", "cousine", "fille", "grand mere", "niece", "voisine", "amie", "femme",
                   "epouse", "compagne", "conjointe", "maman"}
_MOI_PRONOMS = re.compile(r"\b(?:je|j|moi)\b")
# enceinte dite de la personne (« je suis enceinte », « moi enceinte », « la personne est enceinte »)
_ENCEINTE_DITE = re.compile(r"\benceinte\b")
_ACCORD_FEMININ = re.compile(r"\b(?:suis|moi) (?:partie|seule|battue|frappee|mariee|enfuie|sauvee|fatiguee)\b"
                             r"|\bm a (?:frappee|battue|violee)\b")
_CENTRE_FEMMES = re.compile(r"\b(?:centre|foyer|hebergement|halte|maison|hotel)\b(?: \w+){0,4} pour (?:les )?femmes\b")


def genre(a: Analyse, jour: dt.date) -> list[Constat]:
    texte = a.texte
    constats: list[Constat] = []
    if any(s.question for s in a.segments):
        return constats  # une question générale (« je pose la question pour ma sœur ») ne décrit personne
    for m in _ENCEINTE_DITE.finditer(texte):
        avant = texte[max(0, m.start() - 40):m.start()]
        if a.sujet(m.start()) == "personne" and not a.nie(m.start()) and not a.hypothese(m.start()) \
                and not a.futur(m.start(), 3) and not a.passe(m.start()) and not re.search(
                    r"\b(?:ma|sa|mon|son|notre|la) (?:femme|copine|compagne|conjointe|epouse|amie|soeur|fille|mere|"
                    r"belle fille)\b|\bune femme\b", avant) and not re.search(r"\b(?:si|quand) \w+ (?:est|suis)\s*$", avant):
            return [Constat("genre", "femme", m.start(), force=True)]  # « la personne est enceinte »
    if _CENTRE_FEMMES.search(texte) and _MOI_PRONOMS.search(texte) and not a.tiers:
        return [Constat("genre", "femme", 0, force=True)]
    if a.tiers:
        choix = re.search(r"\bc est (madame|monsieur) qui\b", texte)
        if choix:  # « M. et Mme Da Silva... C'est Madame qui veut connaître ses droits »
            return [Constat("genre", "femme" if choix.group(1) == "madame" else "homme", choix.start(), force=True)]
        if re.search(r"\ble couple\b|\btous les deux\b|\btoutes les deux\b|\bmonsieur et madame\b", texte):
            return constats  # le foyer est un couple : de qui parle-t-on ?
        f = [m for m in _AIDEE_F.finditer(texte) if not re.search(r"\b(?:chez|avec|par)\s*$",
                                                                  texte[max(0, m.start() - 6):m.start()])]
        h = [m for m in _AIDEE_H.finditer(texte) if not re.search(r"\b(?:chez|avec|par)\s*$",
                                                                  texte[max(0, m.start() - 6):m.start()])]
        f = [m for m in f if not re.search(r"\b(?:je suis|je m appelle)\s*$", texte[max(0, m.start() - 15):m.start()])]
        h = [m for m in h if not re.search(r"\b(?:je suis|je m appelle)\s*$", texte[max(0, m.start() - 15):m.start()])]
        if not f and not h and a.proche_aide in _PROCHES_HOMMES | _PROCHES_FEMMES:
            # « Mon fils, celui pour qui je vous écris », « mon mari ... j'écris pour lui »
            return [Constat("genre", "homme" if a.proche_aide in _PROCHES_HOMMES else "femme", 0, force=True)]
        if f and not h:
            constats.append(Constat("genre", "femme", f[0].start(), force=True))
        elif h and not f:
            constats.append(Constat("genre", "homme", h[0].start(), force=True))
        elif f and h:
            choix = re.search(r"\bc est (madame|monsieur) qui\b", texte)
            if choix:
                constats.append(Constat("genre", "femme" if choix.group(1) == "madame" else "homme", choix.start(),
                                        force=True))
        return constats
    for m in _FEMME_DIT.finditer(texte):
        if a.sujet(m.start()) == "personne" and not a.nie(m.start()) and not a.futur(m.start()):
            constats.append(Constat("genre", "femme", m.start(), force=True))
    for m in _HOMME_DIT.finditer(texte):
        if a.sujet(m.start()) == "personne" and not a.nie(m.start()):
            constats.append(Constat("genre", "homme", m.start(), force=True))
    if not constats:
        m = _VIOLENCE_HOMME.search(texte)
        if m and _AUTEUR_PARENT.search(texte) and not re.search(r"\b(?:mari|epoux|copain|compagnon|conjoint|homme|ex)\b",
                                                                  texte):
            m = None
        if m and _MOI_PRONOMS.search(texte) and re.search(
                r"\b(?:quitte|partie|partir|seule|fatiguee|battue|frappee|mariee|enfuie|sauvee|fui)\b", texte) and not re.search(r"\b(?:ma (?:femme|copine|compagne|conjointe|epouse))\b",
                                                              texte) and (
                re.search(r"\b(?:mari|epoux|copain|compagnon)\b", texte) or _ACCORD_FEMININ.search(texte)):
            # « mon conjoint », « mon ex » ne disent pas le genre de la personne : il faut alors qu'elle
            # se dise au féminin (« je suis partie », « battue ») ; « j'ai fui mon ex » : rien
            constats.append(Constat("genre", "femme", m.start(), force=True))
    if len({c.valeur for c in constats}) > 1:
        return []
    return constats

"""Faits sur le foyer : couple, enfants à charge, grossesse.

Enfants : un nombre dit (« 2 enfants », « mère de 3 ») l'emporte ; sinon on compte les enfants
nommés (« mon fils et ma fille » -> 2, « le petit » -> 1) ; sinon la taille du foyer
(« on est 3 avec ma femme » -> 3 - 2 = 1). Des enfants restés au pays ne sont pas à charge
dans le foyer : « mes enfants sont au pays » -> 0.
"""
from __future__ import annotations

import datetime as dt
import re

from .analyse import Analyse
from .lexique import PAYS
from .modele import Constat

# --- couple --------------------------------------------------------------------------------------
_PARTENAIRE = re.compile(
    r"\b(?P<poss>ma|mon|sa|son|notre|avec ma|avec mon|avec sa|avec son)\s+"
    r"(?P<nom>femme|epouse|conjointe|compagne|copine|mari|epoux|conjoint|compagnon|copain|concubin|concubine|"
    r"partenaire|fiance|fiancee)\b"
)
_PARTENAIRE_ABSENT = re.compile(
    r"\b(?:au pays|restee? au pays|est restee?|vit ailleurs|pas avec moi|pas avec lui|pas avec elle|pas ici|"
    r"decedee?|morte?|m a quitte|l a quitte|est partie?|en prison|separes?|separees?|divorces?|divorcees?|"
    r"plus ensemble|nous a quitte|nous a abandonne|m a abandonnee?|est decede|"
    r"ne vit pas avec|ne vivons pas|on vit pas ensemble|pas en france|est en (?!france)\w+|est au (?!115)\w+)\b"
)
_COUPLE_OUI = re.compile(
    r"\ben couple\b|\b(?:suis|est|sommes|sont|etes|deja|bien|je suis|on est)\s+marie(?:e|s|es)?\b"
    r"|\bmarie(?:e|s|es)? (?:avec|religieusement|civilement|depuis)\b|\bpacse(?:e|s|es)?\b|\bconcubinage\b"
    r"|\b(?:sommes|est|on est|etes|sont) (?:un|1) couple\b|\bvie maritale\b"
    r"|\b(?:on|nous) (?:vit|vivons|habitons|habite) ensemble\b"
)
_COUPLE_NON = re.compile(
    r"\bcelibataire\b|\b(?:tout |toute )?seule?\b(?! (?:chose|fois|solution|moyen|personne|endroit|aide|truc|"
    r"probleme|adresse|piece|nuit|question|enfant|fils|fille|bebe|a|qui)\b)"
    r"|\bdivorcee?s?\b|\bseparee?s?\b|\bveu(?:f|ve)\b|\b(?:mere|pere|parent|maman|papa) (?:isolee?|solo|seule?|"
    r"celibataire)\b|\bpas en couple\b|\bplus en couple\b|\bplus avec (?:mon|ma) (?:mari|femme|copain|copine)\b"
)
_NON_SEUL = {"le", "la", "un", "une", "les", "des", "mon", "ma", "ses", "sa", "son", "mes", "1"}


# « j'ai quitté mon mari », « séparée de mon mari », « mon mari est parti » : plus en couple (R13).
_SEPARATION_AVANT = re.compile(
    r"\b(?:quitte|quittee|laisse|fui|fuir|fuyais|enfuie?|partie? de chez|sortie? de chez|separee?s? (?:de|d avec)|"
    r"divorcee?s? (?:de|d avec)|divorce avec|veuve? de|plus avec|quitter|separer de|echappee? de|loin de|"
    r"porte plainte contre|plainte contre|mis a la porte par|mise a la porte par|chassee? par|virer? par)\s*$"
)


def couple(a: Analyse, jour: dt.date) -> list[Constat]:
    constats = []
    for m in _PARTENAIRE.finditer(a.texte):
        if m.group("nom") in ("copine", "copain") and a.mots_avant(m.start(), 1) == ["chez"]:
            continue
        avant = a.texte[max(0, m.start() - 40):m.start()]
        if _SEPARATION_AVANT.search(avant):
            constats.append(Constat("en_couple", False, m.start(), force=True, poids=3))
            continue
        if m.group("poss").endswith(("sa", "son")) and not a.tiers:
            continue  # « sa femme » dans un message à la première personne : quelqu'un d'autre
        if a.passe(m.start()) or a.futur(m.start()):
            continue
        seg = a.segment(m.start())
        absent = _PARTENAIRE_ABSENT.search(a.texte, m.end(), seg.fin)
        if not absent:
            suivant = a.segments.index(seg) + 1
            if suivant < len(a.segments) and a.segments[suivant].sujet == "conjoint":
                pass
            elif suivant < len(a.segments) and a.segments[suivant].phrase == seg.phrase:
                absent = _PARTENAIRE_ABSENT.search(a.segments[suivant].texte)
        constats.append(Constat("en_couple", not absent, m.start(), force=True, poids=2))
    for m in _COUPLE_OUI.finditer(a.texte):
        if a.futur(m.start()):
            continue
        constats.append(Constat("en_couple", not a.nie(m.start()), m.start(), poids=2))
    for m in _COUPLE_NON.finditer(a.texte):
        mot = m.group()
        if mot.startswith(("seul", "tout", "toute")):
            avant = a.mots_avant(m.start(), 2)
            if avant and avant[-1] in _NON_SEUL:
                continue
            if a.nie(m.start()):
                continue  # « je suis pas seul » : on ne sait pas avec qui
        if a.passe(m.start()):
            continue
        if a.nie(m.start()):
            if mot == "celibataire":
                constats.append(Constat("en_couple", True, m.start(), poids=2))
            continue
        constats.append(Constat("en_couple", False, m.start(), poids=2))
    return constats


# --- enfants -------------------------------------------------------------------------------------
_NOMS_ENFANTS = r"enfants|gosses|bebes|bebe|kids|petits|petites|mome"
_ENFANTS_AUCUN = re.compile(
    r"\b(?:pas|plus|aucun|aucune|sans|0|ni|jamais eu)\s+(?:d |de |des |mes |les )?(?:" + _NOMS_ENFANTS + r")\b"
    r"|\bpas (?:de |d )?(?:" + _NOMS_ENFANTS + r") a charge\b"
)
_ENFANTS_NOMBRE = re.compile(
    r"\b(?P<n>\d{1,2}) (?:petits? |jeunes |grands )?(?P<nom>enfants|gosses|bebes|bebe|kids|petits|petites|fils|"
    r"filles|fille|garcons|garcon|ados)\b(?! (?:boulots|boulot|travail|jobs|studios|appartements|hotels|"
    r"jours|mois|ans)\b)"
    r"|\b(?:mere|pere|maman|papa|parent|parents) (?:isolee? |seule? |solo |celibataire )?de (?P<n2>\d{1,2})\b"
    r"|\b(?P<jumeaux>jumeaux|jumelles)\b"
)
_ENFANT_NOMME = re.compile(
    r"\b(?P<poss>mon|ma|notre|son|sa|le|la)\s+(?:petit |petite |grand |grande |plus jeune |aine |)"
    r"(?P<nom>fils|fille|bebe|petit|petite|nourrisson|garcon|nouveau ne|ado)\b"
    r"(?! (?:peu|boulot|travail|dejeuner|dej|studio|appartement|hotel|foyer|chambre|logement|salaire|revenu|"
    r"truc|chose|souci|probleme|moment|temps|matin|copain|copine|ami|amie|frere|soeur|cousin|coin|job|mot)\b)"
    r"|\b(?:un|1|une) (?P<nom2>bebe|nourrisson|nouveau ne)\b"
)
_PAYS_ETRANGERS = "|".join(sorted((re.escape(p) for p, v in PAYS.items() if v != "francaise"), key=len, reverse=True))
_ENFANTS_LOIN = re.compile(
    r"\b(?:(?:vivent|vit|sont|est|restes?|restees?|habitent|habite|grandissent|resident|scolarises?) (?:encore )?"
    r"(?:au|en|a|aux|dans le|chez leur|chez leurs|avec leur|avec leurs) (?:(?:" + _PAYS_ETRANGERS + r")\b|"
    r"pays\b|grand mere|grand pere|grands parents|pere|mere|famille|tante|oncle|bled)"
    r"|au pays|restes? au pays|restees? au pays|en afrique|chez (?:leur|leurs|ma|mon) (?:mere|pere|grand|"
    r"grands|famille|ex)|places?|placees?|a l ase|en foyer|ne vivent pas avec|pas avec moi|pas avec lui|pas avec "
    r"elle|vivent (?:avec|chez) (?:leur|leurs))\b"
)
_FOYER_TAILLE = re.compile(
    r"\b(?:on est|on et|nous sommes|nous etions|on vit a|on vit|famille de|foyer de|ils sont|on habite a)\s+"
    r"(?P<n>\d{1,2})\b(?! (?:ans|mois|euros|e|h|heures|jours|semaines|fois|etoiles|ieme)\b)"
    r"|\b(?P<n2>\d{1,2}) (?:personnes|pers) (?:dans le foyer|au foyer|a la maison|dans la famille|en tout)\b"
)
_ENFANTS_SANS_NOMBRE = re.compile(r"\b(?:mes|nos|ses|leurs|les) (?:enfants|gosses|petits|fils|filles)\b")
_SEUL_AVEC = re.compile(r"\bseule? avec\b|\b(?:mere|pere|maman|papa|parent) (?:isolee?|solo|seule?|celibataire)\b")


# Un enfant pas encore né n'est pas compté (R8) : « il n'est pas encore né », « enceinte de mon premier ».
_A_NAITRE = re.compile(
    r"\bpas encore nee?s?\b|\ba naitre\b|\b(?:va|doit|vont) naitre\b|\bnaitra\b|\bnaissance (?:prevue|est prevue|en)\b"
    r"|\bpour (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|le mois prochain|"
    r"bientot|dans \d+ mois)\b(?=.{0,20}$)|\bterme (?:en|le|prevu|dans)\b|\baccouche\w* (?:en|dans|bientot|le)\b"
)
_PREMIER = re.compile(r"\b(?:1er|1 er|premier|1ere|premiere) (?:enfants?|bebe|grossesse)\b")
# « trois, dont un bébé de 6 mois » (R11) : le nombre dit avant « dont » compte tous les enfants.
_COMPTE_DONT = re.compile(r"(?:^|\b(?:j ai|on a|nous avons|j en ai|on en a|elle a|il a|a) )(?P<n>\d{1,2})"
                          r"(?: (?:enfants|gosses|petits))?(?: ,)? dont (?:un|une|1|2|3|deux|le|la|les|mon|ma)\b")


def a_naitre(a: Analyse) -> bool:
    return bool(_A_NAITRE.search(a.texte)) or bool(
        _PREMIER.search(a.texte) and re.search(r"\benceinte\b|\bgrossesse\b|\battend", a.texte))


def enfants(a: Analyse, jour: dt.date) -> list[Constat]:
    constats = []
    for m in _COMPTE_DONT.finditer(a.texte):
        if not a.nie(m.start("n")) and not a.futur(m.start("n")):
            constats.append(Constat("enfants", int(m.group("n")), m.start("n"), poids=4))
    if a_naitre(a):
        # Seuls des enfants déjà nés, dits par un nombre, comptent ; « mon premier enfant » à naître : 0.
        if _PREMIER.search(a.texte):
            constats.append(Constat("enfants", 0, _PREMIER.search(a.texte).start(), poids=4))
        nes = [m for m in _ENFANTS_NOMBRE.finditer(a.texte) if not _A_NAITRE.search(a.segment(m.start()).texte)]
        for m in nes:
            if m.group("n") and m.group("nom") in ("enfants", "gosses", "kids", "petits"):
                constats.append(Constat("enfants", int(m.group("n")), m.start(), poids=3))
        return constats
    for m in _ENFANTS_AUCUN.finditer(a.texte):
        if a.futur(m.start()):
            continue
        constats.append(Constat("enfants", 0, m.start(), poids=2))
    nombres_dits = []
    for m in _ENFANTS_NOMBRE.finditer(a.texte):
        if m.group("jumeaux"):
            n = 2
        else:
            n = int(m.group("n") or m.group("n2"))
        if a.nie(m.start()) or a.futur(m.start()):
            continue
        avant = a.mots_avant(m.start(), 3)
        if m.group("nom") in ("fils", "filles", "fille", "garcons", "garcon") and avant and avant[-1] == "de":
            continue
        seg = a.segment(m.start())
        if _ENFANTS_LOIN.search(a.texte, m.end(), seg.fin) or _ENFANTS_LOIN.search(" ".join(
                a.mots_apres(m.end(), 8, phrase=True))):
            n = 0
        generique = (m.group("nom") or "enfants") in ("enfants", "gosses", "kids", "petits", "petites", "bebes") \
            or m.group("n2") is not None
        nombres_dits.append((m.start(), n, generique))
    for m in _ENFANTS_SANS_NOMBRE.finditer(a.texte):
        seg = a.segment(m.start())
        if _ENFANTS_LOIN.search(a.texte, m.end(), seg.fin):
            constats.append(Constat("enfants", 0, m.start(), poids=2))
    generiques = [(p, n) for p, n, g in nombres_dits if g]
    if generiques:
        for p, n in generiques:
            constats.append(Constat("enfants", n, p, poids=2))
        return constats
    total, premier, vus = 0, None, set()
    for p, n, _ in nombres_dits:
        total += n
        premier = p if premier is None else premier
    for m in _ENFANT_NOMME.finditer(a.texte):
        nom = m.group("nom") or m.group("nom2")
        poss = m.group("poss") or "un"
        if poss in ("son", "sa") and not a.tiers:
            continue
        if a.sujet(m.start()) in ("famille", "ami") or a.nie(m.start()):
            continue
        if a.mots_avant(m.start(), 1) in (["chez"], ["par"], ["suis"], ["est"]) or (
                poss in ("le", "la") and a.mots_apres(m.end(), 1) in (["de"], ["d"])):
            continue  # « hébergé par son fils », « je suis le fils de Mme D. » : pas un enfant à charge
        cle = (poss if poss in ("mon", "ma", "son", "sa", "le", "la", "notre") else m.start(), nom.replace("petite",
                                                                                                         "fille"))
        if cle in vus:
            continue
        vus.add(cle)
        total += 1
        premier = m.start() if premier is None else premier
    if premier is not None:
        seg = a.segment(premier)
        if _ENFANTS_LOIN.search(seg.texte):
            total = 0
        constats.append(Constat("enfants", total, premier, poids=1))
    return constats


def taille_foyer(a: Analyse) -> tuple[int, bool] | None:
    """(nombre de personnes dit, « seul(e) avec ») : « on est 3 avec ma femme et le petit »."""
    m = None
    for m in _FOYER_TAILLE.finditer(a.texte):
        pass
    if not m:
        return None
    n = int(m.group("n") or m.group("n2"))
    return (n, bool(_SEUL_AVEC.search(a.texte))) if 1 <= n <= 20 else None


# --- grossesse -----------------------------------------------------------------------------------
_ENCEINTE = re.compile(
    r"\benceinte\b|\bgrossesse\b|\bfuture maman\b"
    r"|\bj attends (?:un|1) (?:bebe|enfants)\b|\battend (?:un|1) (?:bebe|enfants)\b|\bva accoucher\b"
    r"|\b(?:mon|notre|son) bebe (?:va naitre|arrive|est pour)\b"
)


def enceinte(a: Analyse, jour: dt.date) -> list[Constat]:
    constats = []
    m = _A_NAITRE.search(a.texte)
    if m and not a.futur(m.start()) and not a.nie(m.start(), 2):
        constats.append(Constat("enceinte", True, m.start(), force=True))
    for m in _ENCEINTE.finditer(a.texte):
        avant = a.mots_avant(m.start(), 3)
        if "test" in avant or "peur" in avant or "veux" in avant or "voudrais" in avant:
            continue
        if a.passe(m.start()):
            continue
        constats.append(Constat("enceinte", not a.nie(m.start()), m.start()))
    return constats

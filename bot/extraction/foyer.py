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
from .rapide import motif

# --- couple --------------------------------------------------------------------------------------
_PARTENAIRE = re.compile(
    r"\b(?P<poss>ma|mon|sa|son|notre|avec ma|avec mon|avec sa|avec son)\s+"
    r"(?P<nom>femme|epouse|conjointe|compagne|copine|mari|epoux|conjoint|compagnon|copain|concubin|concubine|"
    r"partenaire|fiance|fiancee)\b"
)
_VIOLENCE = re.compile(r"\b(?:frapp\w*|tap(?:e|er|ait|aient|ee)|bat(?:tu|tue|ait|tre)?|violen\w*|coups)\b")
_AUTEUR_CONJOINT = re.compile(r"\b(?:mari|epoux|conjoint|compagnon|copain|homme|ex)\b")
_DEPART_VIOLENCE = re.compile(r"\bmoi (?:partie?|partir|enfuie?|fui|fuir)\b|\bj ai fui\b|\bje (?:suis|me suis) (?:partie|enfuie|sauvee)\b")
_PARTENAIRE_DE = re.compile(r"\b(?:le|la) (?:mari|femme|epoux|epouse|conjoint|conjointe|compagnon|compagne|concubin|"
                            r"concubine) de (?:madame|monsieur|mademoiselle)\b")
# Le partenaire ne vit pas avec la personne, dit en toutes lettres : plus en couple.
_PARTENAIRE_SEPARE = re.compile(
    r"\b(?:pas avec moi|pas avec lui|pas avec elle|vit ailleurs|decedee?|morte?|m a quittee?|l a quittee?|"
    r"est partie?|separes?|separees?|divorces?|divorcees?|plus ensemble|pas ensemble|nous a quitte|nous a abandonne|"
    r"m a abandonnee?|m a laissee?|ne vit pas avec|ne vivons pas|on vit pas ensemble|vivons pas ensemble|"
    r"suis partie?|je l ai quittee?|l ai quittee?|quitte le domicile|partie? de chez nous|porte plainte|"
    r"parti de la maison|partie de la maison|je suis plus avec)\b"
)
_PARTENAIRE_ABSENT = re.compile(
    r"\b(?:au pays|restee? au pays|est restee?|vit ailleurs|pas avec moi|pas avec lui|pas avec elle|pas ici|"
    r"decedee?|morte?|m a quitte|l a quitte|est partie?|en prison|separes?|separees?|divorces?|divorcees?|"
    r"plus ensemble|nous a quitte|nous a abandonne|m a abandonnee?|est decede|"
    r"ne vit pas avec|ne vivons pas|on vit pas ensemble|pas en france)\b"
    r"|^(?: et (?:les |mes |nos )?(?:\d+ )?(?:enfants?|fils|filles?|bebe|gosses))? (?:au|en|aux) (?:" + "|".join(
        sorted((p for p, v in PAYS.items() if v != "francaise"), key=len, reverse=True)) + r")\b"
    r"|\b(?:est|sont|vit|vivent|reste\w*) (?:encore |toujours )?(?:en|au|aux|a) (?:pays|bled|prison|" + "|".join(
        sorted((p for p, v in PAYS.items() if v != "francaise"), key=len, reverse=True)) + r")\b"
)
_COUPLE_OUI = motif(
    r"\ben couple\b|\b(?:suis|est|sommes|sont|etes|deja|bien|je suis|on est)\s+marie(?:e|s|es)?\b"
    r"|\bmarie(?:e|s|es)? (?:avec|religieusement|civilement|depuis)\b|\bpacse(?:e|s|es)?\b|\bconcubinage\b"
    r"|\b(?:sommes|est|on est|etes|sont) (?:un|1) couple\b|\bvie maritale\b"
    r"|\b(?:on|nous) (?:vit|vivons|habitons|habite) (?:deja |toujours |encore )?ensemble\b"
    r"|\bj ai (?:un|1|une) (?:mari|epoux|epouse|conjoint|conjointe|compagnon|compagne)\b"
    r"|(?:^|[.,;] )(?:mari|femme|epoux|epouse)(?= ?[.,;]| ?$)"
)
_COUPLE_NON = re.compile(
    r"\b(?:on|nous) (?:ne |n )?(?:vit|vivons|habite|habitons) (?:pas|plus) (?:encore )?ensemble\b|\bchacun chez (?:soi|lui|moi)\b|"
    r"\bcelibataire\b|\b(?:vis|vit|vivons|habite|habites|habitons|vivre|suis|est|reste|elle|elever|eleve|je l eleve)"
    r" (?:toute |tout )?seule?\b(?! (?:chose|fois|solution|moyen|personne|endroit|aide|truc|probleme|adresse|piece|"
    r"nuit|question|en france|ici|a paris|dehors|a la rue)\b)(?= ?$| [,.;!?]| (?:avec|et|depuis|maintenant|"
    r"dans|ma|mon|mes|ses|sa|son|leurs|les)\b)|\b(?:vis|vit|habite|vivons) (?:toute |tout )?seule?\b|\bseule? avec (?:mes|mon|ma|"
    r"ses|son|sa|les|le|la|eux|lui|elle|\d+)\b|\bseule? avec mes enfants\b"
    r"|\bdivorcee?s?\b|\bseparee?s?\b|\bveu(?:f|ve)\b|\b(?:mere|pere|parent|maman|papa) (?:isolee?|solo|seule?|"
    r"celibataire)\b|\bpas en couple\b|\bplus en couple\b|\bplus avec (?:mon|ma) (?:mari|femme|copain|copine)\b"
    r"|\b(?:vit|vivons|vivez|habitons|vis) (?:pas|plus) ensemble\b|\bne vivons (?:pas|plus) ensemble\b|\bplus avec (?:lui|elle)\b"
    r"|\bje l ai quittee?\b|\b(?:depuis )?qu il est parti\b|\bil est parti (?:y a|il y a|depuis)\b"
    r"|\b(?:maintenant|mtn|now) (?:toute |tout )?seule?\b|\bmoi (?:tout |toute )?seule?(?= ?$| [,.;!?])"
    r"|\b(?:pas|sans|ni|plus|aucun|aucune) (?:de |d )?(?:mari|femme|epoux|epouse|conjoint|conjointe|compagnon|compagne|"
    r"copain|copine)\b(?! de\b| d\b)"
    r"|\b(?:je suis|suis) (?:une |un )?(?:femme|homme|mere|pere|maman|papa) (?:toute |tout )?seule?\b"
    r"|\b(?:le pere|le papa|leur pere|leur mere|mon mari|mon copain|mon conjoint|mon compagnon|ma femme|ma compagne|"
    r"mon ex) (?:il |elle )?(?:est|s est|n est) (?:parti|partie|decede|decedee|mort|morte|plus la)\b"
    r"|\bpartie? de chez (?:lui|elle|mon|ma)\b|\bquitte (?:mon|ma|le|la) (?:mari|femme|conjoint|conjointe|"
    r"copain|copine|compagnon|compagne|domicile conjugal|pere|mere)\b|\bveuve?\b|\bveuf\b"
)
_NON_SEUL = {"le", "la", "un", "une", "les", "des", "mon", "ma", "ses", "sa", "son", "mes", "1"}


# « j'ai quitté mon mari », « séparée de mon mari », « mon mari est parti » : plus en couple (R13).
_SEPARATION_AVANT = re.compile(
    r"\b(?:quitte|quittee|laisse|fui|fuir|fuyais|enfuie?|(?:partie?s?|sortie?s?|enfuie?s?|fuie?|echappee?s?|sauvee?s?) de chez|separee?s? (?:de|d avec)|"
    r"divorcee?s? (?:de|d avec)|divorce avec|veuve? de|plus avec|quitter|separer de|echappee? de|loin de|"
    r"porte plainte contre|plainte contre|mis a la porte par|mise a la porte par|chassee? par|virer? par|(?:deces|mort|disparition) (?:de|d)|ai perdu|a perdu|avons perdu)\s*$"
)


_AGE_CONJOINT = re.compile(
    r"\b(?P<poss>mon|ma|son|sa) (?:" + r"mari|femme|epoux|epouse|conjoint|conjointe|compagnon|compagne|copain|copine" + r")"
    r"(?: (?:a|il a|elle a|qui a|il en a|elle en a|aura))? \(?(?P<n>\d{1,3})(?: ans?)?\)?(?= ?$| [,.;!?)]| ans| et\b)"
)


def age_conjoint(a: Analyse, jour: dt.date) -> list[Constat]:
    """« ma femme a 29 ans », « mon compagnon il en a 60 », « et ma femme 48 », « son mari (39 ans) »."""
    constats = []
    for m in _AGE_CONJOINT.finditer(a.texte):
        n = int(m.group("n"))
        if (m.group("poss") in ("son", "sa") and not a.tiers) or re.search(r"\bpour (?:lui|elle)\b", a.texte):
            continue  # « mon mari 60 ans. moi j'écris pour lui » : le mari est la personne
        if 15 <= n <= 110 and not a.nie(m.start()) and not a.dans_fourchette(m.start("n")) and not a.passe(m.start()):
            futur = re.search(r"\baura\b", m.group())
            if not futur:
                constats.append(Constat("conjoint_age", n, m.start(), force=True, poids=2))
    return constats


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
        if re.search(r"\b(?:est|etait|sont) (?:pas|plus|jamais) $", a.texte[max(0, m.start() - 25):m.start()]):
            # « c'est pas mon conjoint, on est juste amis » : pas en couple avec lui (s'il est dit aussi « mon
            # copain », les deux indices se contredisent et le couple reste inconnu)
            constats.append(Constat("en_couple", False, m.start(), force=True, poids=2))
            continue
        seg = a.segment(m.start())
        suite = a.texte[m.end():seg.fin]
        suivant = a.indice(seg) + 1
        if suivant < len(a.segments) and a.segments[suivant].phrase == seg.phrase:
            suite += " " + a.segments[suivant].texte
        if _PARTENAIRE_SEPARE.search(suite) or re.search(
                r"\b(?:je l ai quittee?|l ai quittee?|je suis partie?|suis partie? de chez|quitte le domicile|"
                r"porte plainte)\b", a.texte[m.end():m.end() + 200]):
            constats.append(Constat("en_couple", False, m.start(), force=True, poids=3))
            continue
        if _PARTENAIRE_ABSENT.search(suite) or re.search(r"\b(?:va|vont|doit|doivent) (?:me |nous )?(?:rejoindre|venir)\b"
                                                         r"|\b(?:viendra|arrivera|reste au|restee au|rester au)\b", suite):
            continue  # au pays, en prison, va venir : on ne sait pas s'ils vivent en couple
        constats.append(Constat("en_couple", True, m.start(), force=True, poids=2))
    if _VIOLENCE.search(a.texte) and not a.tiers and _AUTEUR_CONJOINT.search(a.texte):
        # R13 : la personne est partie loin d'un conjoint violent (« mari taper moi. moi partie »), ou parle de
        # son « ex » qui la frappe : plus en couple (avec lui), sauf si un autre partenaire est dit.
        depart = _DEPART_VIOLENCE.search(a.texte)
        ex = None if _PARTENAIRE.search(a.texte) else re.search(r"\bmon ex\b", a.texte)
        if depart and (a.futur(depart.start()) or a.hypothese(depart.start())):
            depart = None
        if depart or ex:
            constats.append(Constat("en_couple", False, (depart or ex).start(), force=True, poids=3))
    for m in _PARTENAIRE_DE.finditer(a.texte):  # « le mari de Madame est portugais » (aidant)
        suite = a.texte[m.end():a.segment(m.start()).fin]
        if a.tiers and not _PARTENAIRE_SEPARE.search(suite) and not _PARTENAIRE_ABSENT.search(suite) \
                and not a.passe(m.start()) and not a.nie(m.start()):
            constats.append(Constat("en_couple", True, m.start(), force=True, poids=2))
    absent = any(_PARTENAIRE_ABSENT.search(a.texte, p.end(), min(len(a.texte), p.end() + 80))
                 for p in _PARTENAIRE.finditer(a.texte))
    for m in _COUPLE_OUI.finditer(a.texte):
        if a.futur(m.start()):
            continue
        if absent and not a.nie(m.start()):
            continue  # « je suis marié mais ma femme est restée au pays » : vivent-ils ensemble ?
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
        force = bool(re.match(r"(?:le pere|le papa|leur pere|leur mere)\b", mot))  # l'autre parent est parti
        # « marié mais on vit pas ensemble » : ne pas vivre ensemble l'emporte sur l'état civil
        poids = 3 if re.search(r"\bensemble\b", mot) else 2
        constats.append(Constat("en_couple", False, m.start(), poids=poids, force=force))
    return constats


# --- enfants -------------------------------------------------------------------------------------
_NOMS_ENFANTS = r"enfants|gosses|bebes|bebe|kids|petits|petites|mome"
_ENFANTS_AUCUN = re.compile(
    r"\b(?:pas|plus|aucun|aucune|sans|0|ni|jamais eu)\s+(?:encore )?(?:d |de |des |mes |les |de mes |de nos )?(?:\d+ )?"
    r"(?:" + _NOMS_ENFANTS + r")\b"
    r"|\baucun ne (?:vit|vivent|habite|est) (?:avec moi|ici|a ma charge)\b|\bsans famille (?:en france|ici)\b"
    r"|\bpas (?:de |d )?(?:" + _NOMS_ENFANTS + r") a charge\b"
)
_ENFANTS_NOMBRE = re.compile(
    r"\b(?P<n>\d{1,2}) (?:petits? |jeunes |grands )?(?P<nom>enfants|gosses|bebes|bebe|kids|petits(?! (?:freres|soeurs|"
    r"cousins|cousines|neveux))|petites(?! (?:soeurs|cousines|nieces))|fils|"
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
    r"\b(?:(?:vivent|vit|sont|est|restes?|restees?|habitent|habite|grandissent|resident|scolarises?) (?:encore |tous |"
    r"toutes |aussi |deja )?"
    r"(?:au|en|a|aux|dans le|chez leur|chez leurs|avec leur|avec leurs) (?:(?:" + _PAYS_ETRANGERS + r")\b|"
    r"pays\b|grand mere|grand pere|grands parents|pere|mere|famille|tante|oncle|bled)"
    r"|\b(?:au|en|aux) (?:" + _PAYS_ETRANGERS + r")\b"
    r"|\b(?:vit|vivent|est|sont|reste|restent|habite|habitent) (?:avec|chez) (?:sa|son|ses|leur|leurs) (?:mere|pere|"
    r"maman|papa|grand|grands|famille|ex)\b"
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
    r"\b(?:bebe|enfant|troisieme|deuxieme|second|seconde|quatrieme|cinquieme|[2-9] e|petit frere|petite soeur|autre) (?:qui )?"
    r"(?:arrive|va arriver|doit arriver|arrivera|est prevue?|est attendue?|en route)\b"
    r"|\b(?:j attends|attend|on attend|nous attendons|attendons) (?:un|1|notre|mon|son|un autre|un troisieme|un 3e|des) "
    r"(?:bebe|enfants?|bb|jumeaux|jumelles|premier|premiere|1er|1ere|1 er|2 e|3 e|4 e)\b|\b(?:bebe|bb) dans (?:le |mon |son )?ventre\b"
    r"|\b(?:celui|celle) qui va naitre\b"
    r"|\bpas encore nee?s?\b|\ba naitre\b|\b(?:va|doit|vont) naitre\b|\bnaitra\b|\bnaissance (?:prevue|est prevue|en)\b"
    r"|\b(?:prevue?|terme|accouche\w*|naissance|bebe|bb|premier|deuxieme|enceinte|naitre)\b.{0,20}\bpour (?:janvier|fevrier|mars|avril|"
    r"mai|juin|juillet|aout|septembre|octobre|novembre|decembre|le mois prochain|bientot|dans \d+ mois)\b"
    r"|\bterme (?:en|le|prevu|dans)\b|\baccouche\w* (?:en|dans|bientot|le)\b"
)
_PREMIER = re.compile(r"\b(?:1er|1 er|premier|1ere|premiere) (?:enfants?|bebe|grossesse)\b"
                      r"|\b(?:mon|notre|son) (?:1er|premier|1ere|premiere)\b(?= ?$| [,.;!?]| pour)")
# « trois, dont un bébé de 6 mois » (R11) : le nombre dit avant « dont » compte tous les enfants.
_COMPTE_TOTAL = re.compile(r"^(?P<n>\d{1,2}) (?:en tout|au total|en tt)\b")
_COMPTE_DONT = re.compile(r"(?:^|\b(?:j ai|on a|nous avons|j en ai|on en a|elle a|il a|a) )(?P<n>\d{1,2})"
                          r"(?: (?:enfants|gosses|petits))?(?: ,)? dont (?:un|une|1|2|3|deux|le|la|les|mon|ma|des)\b")
_UN_SEUL = motif(r"\bn ai qu (?:un|une|1) (?:enfants?|fils|fille|garcon|bebe)\b|\b(?:mon|ma) (?:seul|seule|unique) "
                      r"(?:enfants?|fils|fille)\b|\b(?:enfant|fille|fils) unique\b|^(?:moi )?(?:un|une|1) seule? (?:enfants?)?\b"
                      r"|\b(?:seule?|vis|vit|habite|vivons|j y vis) avec (?:ma|mon|son|sa) (?:fille|fils|bebe|enfant|petit|"
                      r"petite|garcon)\b(?!.{0,80}\b(?:autres?|aussi|et (?:mon|ma|mes|son|sa|ses)|mes enfants|enfants)\b)"
                      r"|\bhabite avec (?:fille|fils|enfant|bebe)\b")


def _bebe_nie(a: Analyse, m: re.Match) -> bool:
    """« pas de bébé » dit d'abord qu'il n'y a pas de grossesse : ce n'est un nombre d'enfants (0) qu'en
    réponse à la question des enfants, et jamais suivi de « en route », « prévu »..."""
    return bool(re.search(r"\bbebes?\b", m.group())) and (a.question != "enfants" or bool(re.match(
        r" (?:en route|prevu|qui arrive|a naitre|pour (?:le moment|l instant|maintenant))", a.texte[m.end():])))


def a_naitre(a: Analyse) -> bool:
    """Le message parle d'un enfant pas encore né (lu une fois par message)."""
    deja = getattr(a, "_a_naitre", None)
    if deja is None:
        deja = bool(_A_NAITRE.search(a.texte)) or bool(
            _PREMIER.search(a.texte) and re.search(r"\benceinte\b|\bgrossesse\b|\battend", a.texte))
        a._a_naitre = deja
    return deja


# Des enfants qui ne vivent pas (tous) avec la personne : on ne devine pas qui reste à charge.
_ENFANTS_EXCLUS = re.compile(
    r"\bmajeurs?\b|\bmajeures?\b|\bautonomes?\b|\bne vivent (?:plus|pas)\b|\bvivent (?:pas|plus)\b"
    r"|\b(?:est|sont) partis? (?:a|au|en|de la maison|vivre|faire)\b"
    r"|\bailleurs\b|\bleurs? (?:propres? )?(?:logements?|apparts?|appartements?|maisons?|studios?)\b"
    r"|\bson (?:propre )?(?:logement|appart|appartement|studio)\b|\bchez (?:son|sa|leur|leurs) (?:pere|mere|papa|maman|"
    r"grand|grands|tante|oncle|ex)\b|\bplaces?\b|\bplacees?\b|\ba l ase\b|\ben foyer\b|\barmee\b"
    r"|\bne sont (?:plus|pas) a (?:ma|notre) charge\b|\bpas a (?:ma|notre) charge\b|\bgrands maintenant\b"
    r"|\btravaillent\b|\bdecede\w*\b|\bmort\w*\b"
    r"|\b(?:fils|filles?|enfants?|aine|ainee|grand|grande|ans|ados?|petits?|petites?) (?:\w+ ){0,3}?qui "
    r"(?:vit|vivent|habite|habitent|dort|dorment|loge|logent) (?:chez|en|au|aux|dans|a)\b(?! (?:moi|nous)\b)"
)
_TOUS_LOIN = re.compile(r"\b(?:ils|elles|tous|toutes|mes enfants|les enfants|mes gosses|nos enfants) (?:sont |vivent |"
                        r"habitent |restent |ont )?(?:tous |toutes |encore |deja )?")
_AVEC_MOI = re.compile(r"\b(?P<n>\d{1,2}) (?:enfants |gosses )?(?:qui )?(?:vivent |vit |sont |est |habitent )?(?:avec moi|"
                       r"ici|a charge|chez moi|avec nous)\b|\b(?:ici|avec moi) (?P<n2>\d{1,2})\b")
_ENFANTS_TOUS_AVEC = re.compile(r"\b(?:tous|toutes) (?:avec moi|avec nous|a charge|chez moi)\b")


def parle_d_enfants(a: Analyse) -> bool:
    return bool(re.search(r"\b(?:enfants|gosses|fils|fille|filles|bebe|petit|petite|petits|jumeaux)\b", a.texte))


_SEUL_LOIN = re.compile(r"^ ?(?:de \d+ ans? )?(?:en france )?(?:qui|il|elle|ils|elles) (?:vit|est|reste|habite|vivent|sont|restent|"
                        r"habitent) (?:tous |toutes |encore )?(?:avec|chez) (?:sa|son|leur|leurs) (?:mere|pere|maman|papa|"
                        r"grand mere|grand pere|grands parents)\b")
_AVEC_MOI_APRES = re.compile(r"^ ?(?:[,:;.] )?(?:\w+ ){0,4}?(?:qui )?(?:vit|vivent|sont|est|habite|habitent) (?:tous |toutes )?"
                             r"(?:avec moi|avec nous|chez moi|ici)\b")


def _compte_loin(a: Analyse, debut: int) -> str | None:
    """Après un nombre d'enfants : « tous » loin (-> 0), une partie loin (-> None, sauf « N avec moi »)."""
    if _AVEC_MOI_APRES.match(a.texte[debut:debut + 60]):
        return None  # « un garçon de 4 ans qui vit avec moi »
    if _SEUL_LOIN.match(a.texte[debut:debut + 80]):
        return "tous"  # « un fils de 10 ans qui vit avec sa mère »
    suite = a.texte[debut:]
    phrase = a.segment(debut).phrase
    fin = next((s.fin for s in reversed(a.segments) if s.phrase <= phrase + 2), len(a.texte))
    suite = a.texte[debut:fin]
    if _ENFANTS_LOIN.search(suite) or _ENFANTS_EXCLUS.search(suite):
        return "loin"
    return None


def enfants(a: Analyse, jour: dt.date) -> list[Constat]:
    """Enfants à charge : seulement un nombre dit (« 2 enfants », « trois, dont un bébé ») ou « aucun » ;
    jamais un compte deviné d'après les enfants nommés (« mon fils est étudiant » ne dit pas s'il vit là)."""
    constats = []
    compte = re.match(r"(?P<n>\d{1,2}) si (?:on|je) compte (?:celui|celle|le bebe|l enfant) qui (?:va naitre|arrive)", a.texte)
    if compte:  # « 3 si on compte celui qui va naître » : 2 nés
        constats.append(Constat("enfants", int(compte.group("n")) - 1, 0, poids=5))
    for m in _UN_SEUL.finditer(a.texte):
        if not a.nie(m.start()) and not _ENFANTS_LOIN.search(a.texte) and not a_naitre(a):
            constats.append(Constat("enfants", 1, m.start(), poids=3))
    if a.question == "enfants":
        zero = re.match(r"(?:moi )?(?:enfants? )?(?:aucun|0|personne)\b(?! (?:au|en|ici)\b)|(?:moi )?enfants? (?:non|pas)\b"
                        r"|pas encore\b(?!.{0,20}\b(?:ne|nee)\b)",
                        a.texte) or re.search(r"\bmoi (?:aucun|0|non|pas|personne)\b(?!.{0,30}\b(?:mais|enceinte|attend))",
                                               a.texte)
        if zero and not re.search(r"\b(?:mais|enceinte|attends?|en route|naitre|bientot)\b", a.texte):
            constats.append(Constat("enfants", 0, zero.start(), poids=3))
    for m in _COMPTE_TOTAL.finditer(a.texte):
        if a.question == "enfants":
            constats.append(Constat("enfants", int(m.group("n")), m.start("n"), poids=5))
    for m in _COMPTE_DONT.finditer(a.texte):
        if not a.nie(m.start("n")) and not a.futur(m.start("n")) and not _compte_loin(a, m.end()):
            constats.append(Constat("enfants", int(m.group("n")), m.start("n"), poids=4))
    if a_naitre(a):
        # Seuls des enfants déjà nés, dits par un nombre, comptent ; « mon premier enfant » à naître : 0.
        for m in _ENFANTS_AUCUN.finditer(a.texte):  # « j'attends des jumeaux, je n'ai pas d'enfant »
            if not a.hypothese(m.start()) and not _bebe_nie(a, m):
                constats.append(Constat("enfants", 0, m.start(), poids=3))
        premier = _PREMIER.search(a.texte)
        if premier and not re.search(r"\b(?:deja|autres?|aine|grand|grande)\b", a.texte):
            constats.append(Constat("enfants", 0, premier.start(), poids=4))
        for m in _ENFANTS_NOMBRE.finditer(a.texte):
            if m.group("n") and m.group("nom") in ("enfants", "gosses", "kids", "petits", "garcons", "filles") \
                    and not _A_NAITRE.search(a.segment(m.start()).texte) and not a.nie(m.start()) \
                    and not _compte_loin(a, m.end()):
                constats.append(Constat("enfants", int(m.group("n")), m.start(), poids=3))
        return constats
    for m in _ENFANTS_AUCUN.finditer(a.texte):
        if a.futur(m.start()) or a.hypothese(m.start()) or a.passe(m.start()):
            continue
        if _bebe_nie(a, m):
            continue  # « non, pas de bébé en route » (à « Êtes-vous enceinte ? ») : une grossesse, pas les enfants
        constats.append(Constat("enfants", 0, m.start(), poids=2))
    for m in _ENFANTS_NOMBRE.finditer(a.texte):
        if m.group("jumeaux"):
            continue  # « des jumeaux, et un grand » : on ne compte pas les mots
        n = int(m.group("n") or m.group("n2"))
        nom = m.group("nom") or "enfants"
        avant = a.mots_avant(m.start(), 3)
        garde_nom = any(x in ("garde", "eleve", "eleves", "elever") for x in a.mots_avant(m.start(), 5))
        cohab = bool(re.match(r".{0,40}\b(?:(?:qui )?(?:vit|vivent|habite|habitent|est|sont) avec (?:moi|nous)|avec moi|"
                              r"a (?:ma|notre) charge|seule? avec (?:elle|lui|eux))\b", a.texte[m.end():]))
        possede = garde_nom or (avant[-2:] in (["j", "ai"], ["on", "a"], ["nous", "avons"], ["il", "a"], ["elle", "a"],
                                               ["ai", "deja"], ["mes"], ["nos"]) or (
            a.question == "enfants" and not avant)) and cohab
        if nom not in ("enfants", "gosses", "kids", "petits", "petites", "bebes") and m.group("n2") is None:
            autre = re.match(r" (?:\w+ ){0,4}?(?:et|,) (?:\d+|un|une) (?:fils|filles?|garcons?|bebes?|enfants?)\b",
                             a.texte[m.end():m.end() + 50])
            if not possede or autre or re.search(r"\bd autres?\b|\baussi\b|\bdont\b", a.texte):
                continue  # « 2 fils », « 1 fille de 2 ans » : souvent une partie des enfants
        if a.nie(m.start()) or a.futur(m.start()) or a.hypothese(m.start()) or a.passe(m.start()):
            continue
        if a.mots_avant(m.start(), 1) in (["eu"], ["sur"], ["de"]) or a.dans_fourchette(m.start()):
            continue  # « j'ai eu trois enfants », « sur mes quatre enfants »
        if re.match(r".{0,30}?\b(?:vivent|sont|restes?|restees?|restent|habitent) (?:tous |toutes |encore )?(?:au|en|aux|a) "
                    r"(?:pays|bled|" + _PAYS_ETRANGERS + r")\b(?!.{0,60}\b(?:avec moi|ici \d|et \d|sauf|mais))",
                    a.texte[m.end():m.end() + 120]) or re.match(r" (?:" + _PAYS_ETRANGERS + r")\b(?! ?,? ?\d)",
                                                                a.texte[m.end():m.end() + 40]):
            constats.append(Constat("enfants", 0, m.start(), poids=3))  # « mes trois enfants vivent à Madagascar »
            continue
        avant = a.mots_avant(m.start(), 2)
        avant4 = a.mots_avant(m.start(), 5)
        garde = any(x in ("garde", "eleve", "eleves", "elever", "eleve", "charge") for x in avant4) or re.match(
            r" (?:\w+ ){0,7}?(?:avec moi|avec nous|a (?:ma|notre) charge)\b", a.texte[m.end():m.end() + 60])
        if avant[-1:] in (["mes"], ["nos"], ["ses"], ["les"], ["leurs"]) and avant[-2:-1] not in (["avec"], ["et"]) \
                and not garde \
                and a.question != "enfants" and not re.match(
                    r" ?(?:\w+ )?(?:a (?:ma|notre|sa) charge|(?:qui )?(?:vivent|sont|habitent) (?:avec|chez) (?:moi|nous|elle|lui))",
                    a.texte[m.end():m.end() + 40]):
            continue  # « mes 2 enfants vont à l'école » ne dit pas qu'ils vivent avec la personne
        if re.match(r" ?(?:\w+ ){0,2}(?:pays|bled|" + _PAYS_ETRANGERS + r")\b", a.texte[m.end():m.end() + 40]):
            loin = "loin"  # « moi 4 enfants Afghanistan »
            if re.match(r" (?:qui )?(?:vivent |sont |restent |habitent )?(?:tous |toutes |encore )?(?:au|en|aux|a) "
                        r"(?:pays|bled|" + _PAYS_ETRANGERS + r")\b(?!.{0,60}\b(?:avec moi|ici \d|et \d|sauf|mais))",
                        a.texte[m.end():m.end() + 120]):
                constats.append(Constat("enfants", 0, m.start(), poids=3))  # « 3 enfants au pays »
                continue
        else:
            loin = _compte_loin(a, m.end())
            if re.match(r" (?:sont |ont ete )?(?:tous |toutes )?(?:places|placees|a l ase)\b", a.texte[m.end():m.end() + 30]):
                loin = "tous"  # « mes 3 enfants sont placés à l'ASE »
        if loin == "tous":
            constats.append(Constat("enfants", 0, m.start(), poids=3))
            continue
        if loin:
            suite = a.texte[m.end():]
            avec = _AVEC_MOI.search(suite)
            if avec and not re.match(r"\s*(?:,|:)?\s*(?:\d+ )?(?:au|en)\b", suite[avec.end():avec.end() + 6]):
                constats.append(Constat("enfants", int(avec.group("n") or avec.group("n2")), m.start(), poids=3))
            elif _TOUS_LOIN.search(suite) and not _AVEC_MOI.search(suite) and not re.search(
                    r"\b(?:un|une|1|2|3|le|la|l|mon|ma|son|sa) (?:au|en|est|vit|reste|qui)\b|\bdont\b|\bautres?\b",
                    suite[:120]):
                constats.append(Constat("enfants", 0, m.start(), poids=3))
            continue
        autre_compte = _AVEC_MOI.search(a.texte, m.end(), min(len(a.texte), m.end() + 40))
        if autre_compte and int(autre_compte.group("n") or autre_compte.group("n2")) != n:
            continue  # « 4 enfants, 2 ici » : combien vivent avec la personne ? pas tous
        constats.append(Constat("enfants", n, m.start(), poids=2))
    for m in _ENFANTS_SANS_NOMBRE.finditer(a.texte):
        suite = a.texte[m.end():a.segment(m.start()).fin]
        if _ENFANTS_LOIN.search(suite) and not _AVEC_MOI.search(a.texte) and not a.passe(m.start()):
            constats.append(Constat("enfants", 0, m.start(), poids=2))
    return constats


# --- âge du plus jeune enfant ----------------------------------------------------------------------
_AGE_ENFANT = re.compile(
    r"\b(?:fils|fille|filles|garcon|garcons|enfants?|petit|petite|petits|bebe|ado|grand|grande|jumeaux|jumelles|"
    r"gosses|dernier|derniere|cadet|cadette|aine|ainee|plus jeune|plus petit|plus petite|eux|ils|elles|il|elle)"
    r"(?: ,)?(?: (?:qui )?(?:a|ont|de|age de|agee de|ages de|agees de))?(?: ,)? (?P<n>\d{1,2})(?: ans?| mois| semaines| jours)?"
    r"(?:(?: ,)? (?P<n2>\d{1,2})(?: ans?| mois)?)?(?:(?: ,)? (?:et|a) (?P<n3>\d{1,2}) (?P<u3>ans?|mois|semaines))?"
)
_PLUS_JEUNE = re.compile(
    r"\b(?:le|la|mon|ma|son|sa) (?:plus (?:jeune|petit|petite)|petit dernier|petite derniere|dernier|derniere|cadet|"
    r"cadette|benjamin|benjamine)(?: (?:a|de|qui a|aura))? (?P<n>\d{1,2}) (?P<u>ans?|mois|semaines|jours)\b"
)
_BEBE = re.compile(r"\b(?:bebe|nourrisson|nouveau ne)(?: (?:de|qui a|a))? (?P<n>\d{1,2}) (?P<u>mois|semaines|jours)\b"
                   r"|\b(?:un|1|mon|notre|le|dont 1|dont un) (?:nourrisson|nouveau ne)\b"  # « le bébé » seul : âge non dit
                   r"|\b(?:bebe|enfant|fils|fille|petit|petite|jumeaux|jumelles) (?:de|a) \d{1,2} (?:mois|semaines|jours)\b"
                   r"|\bne (?:il y a|y a) \d{1,2} (?:mois|semaines|jours)\b|\baccouche\w* il y a \d+ (?:mois|semaines)\b"
                   r"|\b(?:vient|viens) de naitre\b|\bnaissance (?:du petit |de la petite |du bebe )?(?:,\s)?il y a \d{1,2} "
                   r"(?:mois|semaines|jours)\b|\b(?:dernier|derniere|bebe|petit|petite) est nee? (?:en|le \d+|au mois d) ?"
                   r"(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\b")


_LISTE_AGES = re.compile(r"\b(?:ils|elles|enfants|petits|gosses|fils|filles|garcons) (?:ont |de |ages de |agees de )?"
                         r"(?P<liste>\d{1,2}(?: ,? \d{1,2})*(?: ,)? (?:et|e) \d{1,2}) (?:ans|an)\b")


def _en_annees(n: str, unite: str | None) -> int:
    """« 18 mois » -> 1 an ; « 6 mois » -> 0 ; « 4 ans » -> 4."""
    if unite and unite.startswith("mois"):
        return int(n) // 12
    return 0 if unite and not unite.startswith("an") else int(n)


def age_plus_jeune_enfant(a: Analyse, jour: dt.date) -> list[Constat]:
    """« un bébé de 6 mois » -> 0 ; « le plus petit a 6 ans » -> 6 ; « mes enfants de 3 et 7 ans » -> 3.

    Seulement pour des enfants qui vivent avec la personne : rien si un enfant est dit au loin.
    """
    texte_enfants = re.sub(r"\b(?:on est|je suis|je vis|je dors|j habite|on vit|on dort|nous sommes|je loge|on habite) "
                           r"chez \w+ \w+", " ", a.texte)  # « on est chez ma mère » : le logement de la personne
    if _ENFANTS_LOIN.search(texte_enfants) or _ENFANTS_EXCLUS.search(texte_enfants) or (a_naitre(a) and not re.search(
            r"\bdeja\b|\bautres?\b|\bavec moi\b", a.texte)):
        return []
    constats = []
    for m in _PLUS_JEUNE.finditer(a.texte):
        if a.sujet(m.start()) in ("personne", "enfant", "conjoint") and not a.futur(m.start()):
            constats.append(Constat("age_plus_jeune_enfant", _en_annees(m.group("n"), m.group("u")), m.start(),
                                    poids=3, force=True))
    if constats:
        return constats
    for m in _BEBE.finditer(a.texte):
        if a.sujet(m.start()) in ("personne", "enfant", "conjoint") and not a.nie(m.start()) \
                and not a.futur(m.start()) and not a.hypothese(m.start()):
            duree = re.search(r"(\d{1,2}) (mois|semaines|jours)", m.group())
            constats.append(Constat("age_plus_jeune_enfant", _en_annees(duree.group(1), duree.group(2)) if duree else 0,
                                    m.start(), poids=2, force=True))
    if constats:
        return constats[:1]
    ages = []
    listes = []
    for m in _LISTE_AGES.finditer(a.texte):  # « ils ont 3, 5, 8 et 12 ans », « 2 enfants de 4 et 7 ans »
        if a.segment(m.start()).question:
            continue
        ages += [int(x) for x in re.findall(r"\d{1,2}", m.group("liste"))]
        listes.append((m.start(), m.end()))
    for m in _AGE_ENFANT.finditer(a.texte):
        if a.segment(m.start()).question:
            continue  # « une famille avec des enfants de 3 et 5 ans a-t-elle droit... ? »
        if any(d < m.end() and m.start() < f for d, f in listes):
            continue  # déjà lue comme une liste
        avant = a.mots_avant(m.start(), 3)
        if any(x in ("soeur", "frere", "cousin", "cousine", "tante", "oncle", "voisin", "voisine", "ami", "amie")
               for x in avant) or a.sujet(m.start()) in ("famille", "ami", "aidant"):
            continue
        if m.group().split()[0] in ("il", "elle", "ils", "elles", "eux") and a.question not in (
                "age_plus_jeune_enfant", "enfants") and not re.search(r"\b(?:enfants|fils|fille|petit|petite|bebe)\b",
                                                                      a.texte[max(0, m.start() - 60):m.start()]):
            continue
        if not re.search(r"\b(?:ans?|mois|semaines|jours)\b", m.group()):
            continue
        valeurs = [m.group("n"), m.group("n2"), m.group("n3")]
        unite = m.group("u3") or ("mois" if re.search(r"\d (?:mois|semaines|jours)", m.group()) else "ans")
        ages += [_en_annees(v, unite) for v in valeurs if v]
    dits = [int(m.group("n")) for m in _ENFANTS_NOMBRE.finditer(a.texte) if m.group("n")]
    if dits and len(ages) < max(dits):
        return constats  # tous les âges ne sont pas dits : le plus jeune n'est pas sûr
    tranche = re.search(r"\b(?:enfants|gosses|petits) (?:de |ages de |agees de )?entre (\d{1,2}) et \d{1,2} ans\b", a.texte)
    if tranche and not constats and not a.segment(tranche.start()).question:  # « leurs 4 enfants de 1 à 10 ans »
        return [Constat("age_plus_jeune_enfant", int(tranche.group(1)), len(a.texte), force=True)]
    if ages and (a.question == "age_plus_jeune_enfant" or len(ages) >= 2 or (dits == [1] and len(ages) == 1)
                 or (len(ages) == 1 and _UN_SEUL.search(a.texte))):
        constats.append(Constat("age_plus_jeune_enfant", min(ages), 0, force=True, poids=1))
        constats[-1].pos = len(a.texte)  # hors de toute zone ; valeur de tout le message
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
    if m and not a.hypothese(m.start()) and not a.nie(m.start(), 2) and not re.search(
            r"\b(?:essaie|essayons|voudrais|voudrait|veux|voulons|aimerais|espere)\b", a.texte[max(0, m.start() - 40):m.start()]):
        constats.append(Constat("enceinte", True, m.start(), force=True))
    for m in _ENCEINTE.finditer(a.texte):
        avant = a.mots_avant(m.start(), 3)
        if "test" in avant or "peur" in avant or "veux" in avant or "voudrais" in avant:
            continue
        if a.passe(m.start()):
            continue
        constats.append(Constat("enceinte", not a.nie(m.start()), m.start()))
    return constats

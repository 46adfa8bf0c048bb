"""Faits sur la personne : âge, nationalité, titre de séjour, durée en France, études, heures travaillées.

Chaque fonction reçoit l'``Analyse`` du texte normalisé et rend des ``Constat`` ; le tri par
sujet (la personne, son conjoint, un ami...) et la fusion sont faits dans ``faits.py``.
"""
from __future__ import annotations

import datetime as dt
import re

from . import nombres
from .analyse import AMI, CONJOINT, ENFANT, FAMILLE, Analyse
from .lexique import GENTILES, PAYS
from .modele import Constat
from .rapide import motif

# --- âge -----------------------------------------------------------------------------------------
_AGE = re.compile(r"\b(?P<n>\d{1,3}) (?P<u>ans|an|a)\b")
_AGE_EXPLICITE = re.compile(r"\bage\s*(?::|de|est de|est|c est|=)?\s*(?P<n>\d{1,3})\b(?! (?:mois|semaines|jours)\b)")
_NAISSANCE = re.compile(r"\b(?:nee?s?\s+(?:en|le|a|au|aux|dans|du|l)\b|date de naissance\b|naissance\s*:?"
                        r"|nee?\s+(?=\d))")
_NAISSANCE_2_CHIFFRES = re.compile(r"\bnee?s? en (?P<a>\d{2})\b")
_NOMS_PROCHES = re.compile(r"^(?:" + "|".join((CONJOINT, ENFANT, FAMILLE, AMI)) + r")$")
_PERSONNE_DECRITE = {"homme", "femme", "monsieur", "madame", "mademoiselle", "personne", "dame", "jeune", "solo",
                     "maman", "papa", "isolee", "isole", "seule", "seul",
                     "mineur", "mineure", "majeur", "majeure", "patient", "patiente", "usager",
                     "usagere", "beneficiaire", "mec", "gars", "type", "demandeur", "demandeuse",
                     "refugie", "celibataire", "pere", "mere"}
_POSSESSIFS = {"ma", "mon", "mes", "sa", "son", "ses", "notre", "nos", "leur", "leurs"}
_AVANT_DUREE = {"depuis", "pendant", "durant", "dans", "pour", "sur", "tous", "apres", "avant", "voila", "que",
                "en", "fait", "les", "des", "derniers", "dernieres", "ces", "cela"}


_DUREE_FORTE = {"de", "d", "en", "que", "qu", "ici", "depuis", "dans", "passes", "derniers", "dernieres", "pour"}
_APRES_AGE_NU = {"sans", "avec", "chez", "dehors", "a", "et", "je", "j", "il", "elle", "celibataire", "marie",
                 "mariee", "seul", "seule", "enceinte", "sdf", "refugie", "etudiant", "ne", "nee", "originaire"}
_AVANT_AGE_NU = {",", "et", "moi", "lui", "il", "elle", "age", "celibataire", "marie", "mariee", "sdf", "refugie",
                 "etudiant", "enceinte", "seul", "seule", "homme", "femme", "monsieur", "madame", "papiers", "mr",
                 "jeune", "majeur", "majeure", "divorce", "divorcee", "veuf", "veuve", "separe", "separee"}


_DETERMINANTS = {"mon", "ma", "mes", "son", "sa", "ses", "le", "la", "les", "l", "notre", "nos", "leur", "leurs", "du"}


def _age_plausible(a: Analyse, m: re.Match) -> tuple[int, bool] | None:
    """(âge, motif qui désigne lui-même la personne) ou None si « N ans » est une durée."""
    n = int(m.group("n"))
    avant = a.mots_avant(m.start(), 5)
    apres = a.mots_apres(m.end(), 2)
    if len(avant) >= 2 and re.fullmatch(r"\d+", avant[-2]) and avant[-1] in ("et", "ou", "a"):
        return None  # « nous avons 68 et 70 ans » : deux âges, lequel est celui de la personne ?
    if avant[-3:] == ["que", "j", "ai"] or avant[-2:] == ["quand", "j"] or avant[-3:-1] == ["quand", "j"]:
        return None  # « depuis que j'ai 15 ans » : un moment passé
    if apres[:2] in (["de", "plus"], ["de", "moins"]):
        return None  # « il a 2 ans de plus que moi »
    if any(x.startswith(("arriv", "venu", "debarqu")) for x in avant[-4:]) and (
            avant[-1:] == ["a"] or avant[-1:] == ["france"]):
        return None  # « arrivée en France à 16 ans » : l'âge à l'arrivée, pas aujourd'hui
    if m.group("u") == "a" and apres and apres[0] not in (",", ".", "et", "sans", "je", "j"):
        return None
    if avant[-2:] == ["en", "fait"] or (avant and avant[-1] in ("non", "pardon", "plutot", "enfin", "oups")):
        avant = []  # « non pardon 35 ans » : une correction
    futur = avant[-1:] in (["aurai"], ["aura"], ["auras"], ["aurons"]) or avant[-2:] in (
        ["vais", "avoir"], ["va", "avoir"], ["vas", "avoir"])
    if futur:
        # « j'aurai 25 ans le mois prochain » : 24 ans aujourd'hui (R5) ; sans date proche, on ne sait pas.
        suite = " ".join(a.mots_apres(m.end(), 4, phrase=True))
        dans = re.match(r"dans (\d+) ans?\b", suite)
        if dans:
            return (n - int(dans.group(1)), False) if n - int(dans.group(1)) >= 0 else None
        if re.match(r"(?:le mois prochain|le mois pro|la semaine prochaine|la semaine pro|bientot|demain|dans (?:\d+|quelques) (?:mois|semaines|"
                    r"jours)|cette annee|ce mois|en (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|"
                    r"octobre|novembre|decembre)|le \d+|a noel|l annee prochaine|l an prochain)\b", suite) \
                or any(x in ("bientot",) for x in avant[-4:]):
            return n - 1, False
        return None
    if avant and avant[-1] in ("presque", "bientot", "quasiment"):
        n, avant = n - 1, avant[:-1]
    elif avant and avant[-1] in ("environ", "genre"):
        avant = avant[:-1]
    elif avant[-2:] in (["plus", "de"], ["au", "moins"], ["moins", "de"]):
        if avant[-2] == "moins":
            n -= 1
        avant = avant[:-2]
    if avant and avant[-1] in _AVANT_DUREE:
        return None
    if avant[-2:] in (["y", "a"], ["ca", "fait"], ["cela", "fait"]):
        return None
    if avant and (avant[-1] in GENTILES or avant[-1] == "moi") and n >= 15 and not (
            apres and apres[0] in ("que", "qu", "depuis", "ici")):
        return n, False  # « algérien 45 ans en France depuis 2 ans » : l'âge, puis la durée
    if avant and avant[-1] in ("a", "ai", "aurai", "aura", "fete", "agee", "age", "ages", "agees", "aie", "avoir",
                               "suis", "eu"):
        if apres and apres[0] in _DUREE_FORTE:
            return None
        if avant[-1] == "a" and len(avant) >= 2:
            sujet = avant[-2]
            if sujet in ("y", "qui") or (_NOMS_PROCHES.match(sujet) and sujet != a.proche_aide):
                return None
            proche_dit = a.proche_aide and a.proche_aide in avant[-4:-1]
            if not proche_dit and sujet not in ("il", "elle") and (any(x in _POSSESSIFS for x in avant[-4:-1]) or (
                    any(x in _DETERMINANTS for x in avant[-4:-1]) and not any(
                        x in _PERSONNE_DECRITE or x in ("personne", "monsieur", "madame") for x in avant[-3:-1]))):
                return None  # « mon plus jeune a 9 ans », « le petit de ma sœur a 2 ans »
            if sujet in ("il", "elle") and not a.tiers:
                return None  # « j'ai un fils il a 5 ans » : quelqu'un d'autre
        return n, False
    if avant and avant[-1] == "de" and len(avant) >= 2:
        nom = avant[-2]
        if nom in ("agee", "age", "ages", "agees"):
            return n, False
        if (nom in _PERSONNE_DECRITE or nom in GENTILES) and not (len(avant) >= 3 and avant[-3] in _POSSESSIFS):
            return n, True  # « un homme de 50 ans », « une dame algérienne de 70 ans »
        return None
    # « N ans » sans verbe : « malien, 34 ans, sans papiers »
    if n < 15 or (apres and apres[0] not in _APRES_AGE_NU and apres[0] not in (",", ".")):
        return None
    if not avant or avant[-1] in _AVANT_AGE_NU or avant[-1] in GENTILES:
        return n, False
    if a.proche_aide and avant[-1] == a.proche_aide and avant[-2:-1] in (["mon"], ["ma"]):
        return n, True  # « mon mari 60 ans. moi j'écris pour lui » : le proche pour qui on écrit
    if avant[-1] == "je" and len(avant) == 1:
        return n, False  # « Je 23 ans. Afghan. »
    return None


_AGE_PARTENAIRE_NU = re.compile(r"\b(?:ma|mon) (?:femme|mari|copine|copain|compagne|compagnon|epoux|epouse|conjointe?)"
                                r" \d{2}\b(?! (?:euros|e|ans?|mois)\b)")  # « ma copine 24 et moi 25 »
_MOI_AGE = re.compile(r"\bmoi (?:j ai |j en ai )?(?P<n>\d{1,3})(?: ans?)?(?= ?$| [,.;!?]| et\b| (?:ma|mon) (?:femme|mari|"
                      r"copine|copain|compagne|compagnon|epoux|epouse|conjointe?)\b)")
_AGE_RECENT = re.compile(r"\bfete mes (?P<n>\d{1,3}) ans\b|^(?:j ai )?(?P<n2>\d{1,3}) ans depuis (?:la semaine derniere|hier|"
                         r"avant hier|ce mois ci|le mois dernier|ce matin|aujourd hui)\b")


# Fin d'une proposition qui nomme une autre personne : « ... avec M. H. », « et son mari », « avec sa sœur Awa ».
_AUTRE_NOMME = re.compile(
    r"\b(?:avec|et)\s+(?:(?:monsieur|madame|mademoiselle)(?: [a-z]{1,12})?|(?:son|sa|ses|leur|mon|ma) (?:\w+ )?"
    r"(?P<nom>" + "|".join((CONJOINT, FAMILLE, AMI, ENFANT)) + r")(?: [a-z]{1,12})?)\s*$"
    r"|\b(?:mon|ma|mes|son|sa|ses|leur) (?:\w+ )?(?P<nom2>" + "|".join((CONJOINT, FAMILLE, AMI, ENFANT)) + r")\s*$")
_COUPLE_DIT = re.compile(r"\b(?:en couple|marie\w*|pacse\w*|concubin\w*|mari|epoux|epouse|femme|conjointe?|compagnon|"
                         r"compagne|ensemble)\b")
_AGE_SEUL = re.compile(r"^\s*(?:age de |agee de )?\d{1,3} ans?\s*$")


def _age_appose(a: Analyse, m: re.Match) -> str | None:
    """Un âge dit seul dans sa proposition (« , 40 ans , ») se rapporte à la personne nommée juste avant.
    Si la proposition d'avant finit par une autre personne (« ... en couple avec M. H. ») : « conjoint » quand
    un couple est dit, sinon « autre » ; None si c'est bien la personne."""
    seg = a.segment(m.start())
    if not _AGE_SEUL.match(seg.texte):
        return None
    i = a.indice(seg)
    if i == 0:
        return None
    avant = a.segments[i - 1]
    autre = _AUTRE_NOMME.search(avant.texte) if avant.phrase == seg.phrase else None
    if not autre:
        return None
    nom = autre.group("nom") or autre.group("nom2")
    if nom and nom == a.proche_aide:
        return None  # « je vous écris pour ma mère, 68 ans » : le proche pour qui on écrit est la personne
    if autre.group("nom2") and not re.fullmatch(r"mari|femme|epoux|epouse|conjointe?|compagnon|compagne|copain|copine",
                                                nom or ""):
        return "autre"  # « je m'occupe de mon père, 82 ans »
    return "conjoint" if _COUPLE_DIT.search(avant.texte) else "autre"


def age(a: Analyse, jour: dt.date) -> list[Constat]:
    constats = []
    if (re.search(r"\b\d{1,3} ans\b", a.texte) or a.question in ("age", "conjoint_age") or _AGE_PARTENAIRE_NU.search(
            a.texte)) and not a.tiers:
        for m in _MOI_AGE.finditer(a.texte):  # « ma femme a 29 ans, et moi 33 »
            n = int(m.group("n"))
            if 15 <= n <= 110 and not a.nie(m.start()):
                constats.append(Constat("age", n, m.start(), force=True, poids=2))
    for m in _AGE_RECENT.finditer(a.texte):
        constats.append(Constat("age", int(m.group("n") or m.group("n2")), m.start(), poids=2))
    majeur = re.search(r"\b(?:suis|est) (?:majeure?|devenue? majeure?) depuis (\d{1,2}) mois\b", a.texte)
    if majeur and int(majeur.group(1)) < 12:
        constats.append(Constat("age", 18, majeur.start(), poids=2))
    for m in _AGE.finditer(a.texte):
        trouve = _age_plausible(a, m)
        if trouve and 0 <= trouve[0] <= 120:
            autre = _age_appose(a, m)
            if autre == "autre":
                continue  # « ... avec son frère, 40 ans » : l'âge d'une autre personne
            if autre == "conjoint":
                constats.append(Constat("conjoint_age", trouve[0], m.start(), force=True, poids=2))
                continue  # « Mme H., 35 ans, qui vit en couple avec M. H., 40 ans »
            constats.append(Constat("age", trouve[0], m.start(), force=trouve[1]))
    for m in _AGE_EXPLICITE.finditer(a.texte):
        n = int(m.group("n"))
        if n <= 120 and not a.mots_avant(m.start(), 1) == ["l"]:
            constats.append(Constat("age", n, m.start()))
    for m in _NAISSANCE.finditer(a.texte):
        suite = a.texte[m.end():m.end() + 40]
        d = nombres.DATE.search(suite)
        if d and d.start() <= 25 and (d.group("a") or d.group("a2")):
            date = nombres.lire_date(d, jour)
            if date:
                valeur = nombres.age_depuis_naissance(date, jour)
                if valeur is not None:
                    constats.append(Constat("age", valeur, m.start(), poids=2))
    for m in _NAISSANCE_2_CHIFFRES.finditer(a.texte):
        annee = 1900 + int(m.group("a")) if int(m.group("a")) > jour.year % 100 else 2000 + int(m.group("a"))
        valeur = nombres.age_depuis_naissance((annee, None, None), jour)
        if valeur is not None:
            constats.append(Constat("age", valeur, m.start(), poids=2))
    return constats


# --- nationalité ---------------------------------------------------------------------------------
_GENTILES_COMPOSES = re.compile(r"\b(?:" + "|".join(re.escape(g) for g in GENTILES if " " in g) + r")\b")
_MOT = re.compile(r"[a-z]+")


def _gentiles(texte: str):
    """Les gentilés du texte (recherche par mot dans un dictionnaire : plus rapide qu'une grande regex)."""
    composes = [(m.start(), m.end(), m.group()) for m in _GENTILES_COMPOSES.finditer(texte)]
    for m in _MOT.finditer(texte):
        if m.group() in GENTILES and not any(d <= m.start() < f for d, f, _ in composes):
            yield m.start(), m.end(), m.group()
    yield from composes
_PAYS = re.compile(
    r"\b(?P<verbe>viens|vient|venu|venue|venus|originaire|suis|est|sommes|nationalite|pays)"
    r"(?: d origine)?\s*:?\s+(?P<art>de la|de l|du|des|de|d|en|au|aux|a|l)?\s*"
    r"(?P<pays>" + "|".join(sorted((re.escape(p) for p in PAYS), key=len, reverse=True)) + r")\b"
)
# « moi Soudan », « moi du Bangladesh », « je suis sri lanka » (peu de français), « Afghanistan. 22. »
_PAYS_SEUL = re.compile(r"(?:^|[,.;] )(?P<pays>" + "|".join(sorted((re.escape(p) for p in PAYS), key=len, reverse=True))
                        + r")(?= ?[,.;]| ?$)")
_MOI_PAYS = re.compile(
    r"(?:\bmoi (?:du |de |d )?|\bje suis |^|(?<=^moi \d\d ans , )|(?<=^moi \d\d ans \. )"
    r"|\b(?:mon|ma) (?:mari|femme|epoux|epouse|conjoint|conjointe|compagnon|"
    r"compagne|copain|copine) )(?P<pays>" + "|".join(sorted((re.escape(p) for p in PAYS), key=len, reverse=True))
    + r")(?= ?$| [,.;!?]| \d)"
)
_LANGUE = {"parle", "parler", "parles", "parlez", "parlons", "langue", "langues", "comprend", "comprends",
           "comprendre", "ecris", "ecrire", "lis", "lire", "en", "cours", "traducteur", "traductrice",
           "interprete", "traduction", "apprends", "apprendre", "restaurant", "resto", "quartier", "consulat",
           "ambassade", "epicerie", "magasin", "marche", "cuisine", "communaute", "association", "plat",
           "drapeau", "equipe", "parlant", "formation", "classe", "atelier", "prof", "professeur", "niveau", "accent", "mot", "bac", "diplome", "permis", "nourriture",
           "ecole", "journal", "television", "tele", "film", "chanson", "musique", "radio", "clavier"}
_PROCHE_QUI = re.compile(r"\b(?:mari|femme|epoux|epouse|conjointe?|compagnon|compagne|fils|fille|pere|mere|frere|soeur|"
                         r"enfants?|parents|copain|copine)\s*,?\s*(?:qui (?:est|sont|etait)|lui|elle)\s*(?:de nationalite\s*)?$")
_RANG_NATIONALITE = {"francaise": 3, "ue": 2, "hors_ue": 1}


def nationalite(a: Analyse, jour: dt.date) -> list[Constat]:
    constats = []
    for debut, fin, mot in _gentiles(a.texte):
        valeur = GENTILES[mot]
        avant = a.mots_avant(debut, 3)
        if any(x in _LANGUE for x in avant) or a.futur(debut) or a.hypothese(debut) or a.passe(debut):
            continue
        if avant[-1:] in (["un"], ["une"], ["des"], ["1"]) or _PROCHE_QUI.search(a.texte[max(0, debut - 45):debut]):
            continue  # « mariée avec un Français », « son mari, qui est français »
        if avant:
            nom = avant[-1]
            if nom not in ("suis", "est", "sommes", "etes", "nationalite", "je", "il", "elle", "origine") and (
                _NOMS_PROCHES.match(nom) or nom in ("homme", "monsieur", "dame", "madame", "personne")
            ):
                article = avant[-2] if len(avant) >= 2 else ""
                description = a.tiers and nom in ("homme", "femme", "monsieur", "dame", "madame", "personne",
                                                  "jeune") and article not in _POSSESSIFS
                if not description:
                    continue
        constat = Constat("nationalite", valeur, debut, poids=_RANG_NATIONALITE[valeur])
        constat.nie = a.nie(debut)
        constats.append(constat)
    if re.search(r"\bmoi\b", a.texte) and not a.tiers:  # « moi Ahmad, afghanistan. 27 ans »
        for m in _PAYS_SEUL.finditer(a.texte):
            valeur = PAYS[m.group("pays")]
            constats.append(Constat("nationalite", valeur, m.start("pays"), poids=_RANG_NATIONALITE[valeur]))
    for m in _MOI_PAYS.finditer(a.texte):
        valeur = PAYS[m.group("pays")]
        if not a.nie(m.start()) and a.sujet(m.start()) in ("personne", "conjoint"):
            constats.append(Constat("nationalite", valeur, m.start(), poids=_RANG_NATIONALITE[valeur]))
    for m in _PAYS.finditer(a.texte):
        verbe, art = m.group("verbe"), m.group("art") or ""
        if verbe in ("suis", "est", "sommes") and art in ("en", "au", "aux", "a", ""):
            continue  # « je suis au Mali » : un lieu, pas une origine
        valeur = PAYS[m.group("pays")]
        constat = Constat("nationalite", valeur, m.start(), poids=_RANG_NATIONALITE[valeur])
        constat.nie = a.nie(m.start())
        constats.append(constat)
    return constats


# --- titre de séjour -----------------------------------------------------------------------------
_TITRES: list[tuple[str, int, re.Pattern, bool]] = [
    # (valeur, poids, motif, le motif contient déjà sa négation)
    ("aucun", 6, re.compile(
        r"\bdeboute(?:e|s|es)?\b|\boqtf\b|\bobligation de quitter\b|\bexpulse\w* du territoire\b"
        r"|\b(?:demande d asile|asile|demande)\s+(?:a ete |est |a |m a ete )?(?:refuse|refusee|rejete|rejetee)\b"
        r"|\brefus (?:de|d) (?:l |mon |ma )?(?:asile|ofpra|cnda|demande d asile|titre|statut)\b"
        r"|\b(?:ofpra|cnda|prefecture)\s+(?:m a |a |m ont |ont )?(?:refuse|rejete)\b"
        r"|\b(?:titre de sejour|carte de sejour|titre|carte|papiers|recepisse|visa)(?: \w+){0,2}\s+(?:est |sont |a |"
        r"ont |m a |il a |n a pas ete |n ont pas ete |a pas ete |pas ete )?(?:expire|expires|expiree|expirees|perime|"
        r"perimes|perimee|perimees|plus valables?|fini|finie|termine|terminee|plus bon|renouvelee?s?)\b"
        r"(?! (?:le (?!mois dernier)|dans|bientot|en|a|ce (?!mois ci)|cette|demain|au|fin)\b)"
        # « mon titre a expiré en août » (passé composé) ; « mon titre expire en mars » reste un futur
        r"|\b(?:titre de sejour|carte de sejour|titre|carte|papiers|recepisse|visa)(?: \w+){0,2}\s+(?:est|sont|a|ont|m a|"
        r"il a|elle a) (?:expire|expiree|expires|perime|perimee|fini|finie|termine|terminee)\b(?= en\b)"
        r"|\b(?:depuis|maintenant|aujourd hui|actuellement|desormais|now) (?:je suis |il est |elle est |on est )?"
        r"sans (?:papiers|titre)\b|\bpapiers? (?:aucun|rien|non|0)\b"), True),
    ("protection_internationale", 5, re.compile(
        r"\brefugie\b|\bprotection subsidiaire\b|\bprotection internationale\b|\bapatride\b|\bbpi\b"
        r"|\b(?:eu|obtenu|accorde|accordee|recu|donne)\s+(?:l |le |la |mon |ma )?(?:asile|statut|protection)\b"
        r"|\bconvention de geneve\b"), False),
    ("carte_resident", 5, re.compile(
        r"\bcarte de resident\b|\bcarte resident\b|\bcarte de 10 ans?\b|\bcarte 10 ans?\b|\btitre de 10 ans?\b"
        r"|\b(?:titre|carte)(?: de)? sejour (?:de )?10 ans?\b"
        r"|\bresident (?:longue duree|permanent)\b|\bcarte de residence\b"), False),
    ("demande_asile", 4, motif(
        r"\bdemande(?:ur|use|urs|uses)? d asile\b|\bdemande (?:de )?l asile\b|\bdemander l asile\b"
        r"|\basile en cours\b|\bprocedure (?:d )?asile\b|\bdubline(?:e|s)?\b|\bprocedure dublin\b|\bdublin\b"
        r"|\bspada\b|\bofpra\b|\bcnda\b|\bada\b"
        r"|\brecours (?:a la |devant la )?cnda\b|\bdemande (?:d )?asile\b|(?:^|[.,;] )asile(?= ?[.,;]| ?$)"), False),
    ("recepisse", 4, re.compile(r"\brecepisse\b"), False),
    ("titre_travail", 3, re.compile(
        r"\btitre de sejour\b|\bcarte de sejour\b|\btds\b|\bvie privee et familiale\b|\bvpf\b"
        r"|\bcarte (?:temporaire|pluriannuelle|salarie|travailleur temporaire|talent|passeport talent|"
        r"de travail|de travailleur)\b|\btitre (?:salarie|travail|de travail|pluriannuel|temporaire)\b"
        r"|\bautorisation de travail\b|\bj ai (?:des|mes|les|1|mon) (?:papiers|titre)\b|\bpapiers en regle\b"
        r"|\ben regle\b|\bregularise(?:e|s|es)?\b"), False),
    ("aucun", 2, motif(
        r"\bsans papiers\b|\b(?:pas|plus|aucun|aucune|ni|0)\s+(?:encore\s+)?(?:de |d |des |mes |les |1 )?"
        r"(?:papiers|titre de sejour|carte de sejour|titres?|statut|papier)\b(?! (?:d |de |du |des |pour (?:la |le |l |les )?|sur )?"
        r"(?:identite|naissance|etat civil|age|caf|banque|logement|domiciliation|mariage|voiture|maison|appartement|"
        r"travail|ecole|enfants?|bebe))"
        r"|\bsans (?:titre|statut)\b"
        r"|\bsituation irreguliere\b|\birreguliere?\b|\bclandestin(?:e|s|es)?\b|\bsans pap\b"
        r"|\bjamais eu (?:de |d )?(?:papiers|titre|titre de sejour|carte de sejour)\b"), True),
]
_DEMANDE_DE_STATUT = {"demande", "demandeur", "demandeuse", "demander", "demandes", "attends", "attente", "cherche",
                      "veux", "voudrais", "espere"}


_DEMARCHE = re.compile(r"\b(?:dossier|demande|demander|rendez vous|rdv|renouvellement|renouveler|deposer|attends|attente|"
                       r"obtenir|avoir|voudrais|veux|cherche|faire)\s+(?:de |d |pour |ma |mon |une |un |le |la |l )*$")


def titre_sejour(a: Analyse, jour: dt.date) -> list[Constat]:
    constats = []
    pris: list[tuple[int, int]] = []
    for valeur, poids, motif, negatif in _TITRES:
        for m in motif.finditer(a.texte):
            if any(d <= m.start() < f for d, f in pris):
                continue
            if (a.passe(m.start()) and not (negatif and re.search(r"expire|perime|fini|termine|renouvele|plus valable",
                                                                  m.group()))) or a.hypothese(m.start()):
                continue
            if valeur == "titre_travail" and re.match(r"(?:titre|carte)(?: de sejour)? etudiant", a.texte[m.start():m.end() + 10]):
                continue  # titre « étudiant » : le travail y est limité, on ne tranche pas
            if valeur in ("titre_travail", "carte_resident", "recepisse") and _DEMARCHE.search(
                    a.texte[max(0, m.start() - 40):m.start()]):
                continue  # « son dossier de carte de séjour sera déposé » : une démarche, pas un titre
            v = valeur
            avant = a.mots_avant(m.start(), 4)
            converti = valeur == "protection_internationale" and any(x in _DEMANDE_DE_STATUT for x in avant)
            if converti:
                v, poids_v = "demande_asile", 4  # « je demande le statut de réfugié »
            else:
                poids_v = poids
            if valeur == "recepisse" and re.search(r"\basile\b", a.segment(m.start()).texte):
                v = "demande_asile"
            if not negatif and not converti and a.futur(m.start()):
                continue
            nie = not negatif and a.nie(m.start())
            if negatif and a.nie(m.start()):
                continue  # « je ne suis pas sans papiers »
            pris.append((m.start(), m.end()))
            constats.append(Constat("titre_sejour", v, m.start(), poids=poids_v, nie=nie))
            if v == "aucun" and not nie:
                constats.append(Constat("nationalite", "hors_ue", m.start(), poids=0))
    # « ma femme a une carte de séjour mais moi rien », « moi papier non »
    for m in re.finditer(r"\bmoi (?:papiers? )?(?:rien|non|nn|aucun|pas)\b(?= ?$| [,.;!?]| (?:de |d )?(?:papiers?|titre|"
                         r"carte)\b)", a.texte):
        if re.search(r"\b(?:papiers?|titre|carte|sejour)\b", a.texte[max(0, m.start() - 50):m.end() + 30]) and not any(
                d <= m.start() < f for d, f in pris) and a.sujet(m.start()) == "personne":
            if re.match(r"moi (?:non|nn|pas)\b", m.group()) and re.search(
                    r"\b(?:resident|recepisse|refugie\w*|10 ans|etudiant\w*|protection|asile|pluriannuel\w*|"
                    r"naturalis\w*|nationalite|passeport)\b", a.texte[max(0, m.start() - 50):m.start()]):
                continue  # « ma mère a une carte de résident, moi non » : pas ce titre-là, peut-être un autre
            constats.append(Constat("titre_sejour", "aucun", m.start(), poids=2))
            constats.append(Constat("nationalite", "hors_ue", m.start(), poids=0))
    valeurs = {c.valeur for c in constats if not c.nie}
    if "aucun" in valeurs and re.search(r"\brecours\b", a.texte):
        return []  # « asile refusé, maintenant recours CNDA » : la situation n'est pas tranchée
    return constats


# --- durées : à quoi se rapporte « depuis 2 ans » ? ------------------------------------------------
_CATEGORIES = {
    "france": re.compile(r"\b(?:france|ici|arrive|arrivee|arrives|arrivees|arriver|venu|venue|venus|debarque|"
                         r"revenu|revenue|revenus|rentre|rentree|europe|territoire)\b|\b(?:suis|est|sommes) la\b"),
    "titre": re.compile(r"\b(?:(?:titre|carte)(?: de sejour| de resident)?(?: (?:salarie|etudiant|travail|"
                        r"vie privee et familiale|pluriannuel|temporaire|de travail))?|papiers|recepisse|refugie|"
                        r"protection|resident|regularise|statut|tds|vpf|asile)\b"),
    "travail": re.compile(r"\b(?:travail|travaille|bosse|cdi|cdd|interim|emploi|salarie|contrat|temps plein|"
                          r"mi temps|heures|employe|usine|chantier|menage)\b"),
    "separation": re.compile(r"\b(?:separee?s?|divorcee?s?|quitte|veu(?:f|ve)|seule? avec|elever? seule?|eleve seule?|"
                             r"mere isolee|pere isole|parent isole|est parti|est partie|decede|decedee|mort|morte)\b"),
    "sans_titre": re.compile(r"\b(?:(?:il|elle) (?:a |est )?(?:expire\w*|perime\w*|fini)|(?:visa|titre|carte|recepisse|papiers)(?: \w+){0,2}(?: de sejour)? (?:a |est |sont |"
                             r"ont |n a pas ete |a pas ete )?(?:expire\w*|perime\w*|fini\w*|termine\w*|renouvele\w*)"
                             r"|deboute\w*|oqtf)\b"),
    "autre": re.compile(r"\b(?:rue|dehors|sdf|foyer|115|hotel|chez|heberge|loue|locataire|loyer|squat|tente|"
                        r"dors|dort|dormir|domicili\w*|centre|couple|marie|mariee|ensemble|enceinte|etudi\w*|"
                        r"fac|chomage|rsa|malade|hopital|attends|attente|cherche|demande|dossier|rdv|rendez|apl|"
                        r"impaye\w*|dette|expulse|celibataire|divorce|separe|veuf|veuve|seul|seule|touche|gagne|"
                        r"connais|connait|suivi|suivie|grossesse|"
                        r"prison|malade|metro|gare|squatte|appartement|studio|bail)\b"),
}
_ANCRES_DUREE = {"depuis": "depuis", "fait": "depuis", "voila": "depuis", "pendant": "pendant",
                 "durant": "pendant", "a": "il y a"}
_ARRIVEE_IMMEDIATE = re.compile(
    r"\b(?:viens|vient|venons|venez) (?:juste |tout juste |a peine )?d arriver (?:en france|ici)\b"
    r"|\b(?:arrive|arrivee|arrives|debarque) (?:en france |a paris |ici )?(?:hier|avant hier|ce matin|cette nuit|"
    r"aujourd hui|cette semaine|la semaine derniere|il y a (?:\d+|quelques|qq) jours|ce mois ci)\b"
    r"|\b(?:tout juste|juste) arrivee?s?\b"
)
_NE_EN_FRANCE = re.compile(r"\bnee?s? (?:en france|ici|a paris)\b")


_FIN_DE_TITRE = {"fini", "finie", "expire", "expiree", "perime", "perimee", "termine", "terminee"}
_MOTS_ANCRE = {"depuis", "il", "y", "a", "ca", "fait", "pendant", "durant", "voila", "cela"}


class Duree:
    """Une durée ancrée (« depuis 2 ans », « il y a 4 mois », « depuis 2019 ») et son rattachement."""

    __slots__ = ("pos", "fin", "mois", "ancre", "categorie")

    def __init__(self, pos: int, fin: int, mois: int, ancre: str, categorie: str):
        self.pos, self.fin, self.mois, self.ancre, self.categorie = pos, fin, mois, ancre, categorie


def _categorie(a: Analyse, debut: int, fin: int) -> str | None:
    """La catégorie du mot-clé le plus proche de la durée dans sa proposition."""
    seg = a.segment(debut)
    meilleure, distance = None, 10 ** 9
    for nom, motif in _CATEGORIES.items():
        for m in motif.finditer(seg.texte):
            p = seg.debut + m.start()
            if debut <= p < fin:
                continue
            entre = a.texte[seg.debut + m.end():debut] if p < debut else a.texte[fin:p]
            d = len([w for w in entre.split() if w not in _MOTS_ANCRE]) * 2
            if nom == "france":
                d -= 1  # à égalité, la France l'emporte
            if nom == "titre" and re.search(r"\b(?:sans|pas de|pas d|pas|aucun|aucune|plus de|plus)\s*$", seg.texte[:m.start()]):
                nom_effectif = "sans_titre"  # « sans papiers depuis 2 ans » : 24 mois sans titre
            else:
                nom_effectif = nom
            if d < distance:
                meilleure, distance = nom_effectif, d
    return meilleure


def durees(a: Analyse, jour: dt.date, exclus: set[int] = frozenset()) -> list[Duree]:
    """Toutes les durées ancrées du texte, avec leur catégorie (france, titre, travail, autre, None).

    ``exclus`` : positions déjà lues comme un âge (« 45 ans en France... »).
    """
    trouvees: list[Duree] = []
    for m in nombres.DUREE.finditer(a.texte):
        if m.start() in exclus or (m.group("qual") and m.start("n") in exclus):
            continue
        avant = [x for x in a.mots_avant(m.start(), 5, phrase=True) if x not in (",",)][-3:]
        ancre = None
        if avant:
            if avant[-1] == "france" and any(x.startswith(("arriv", "venu", "debarqu", "entre")) for x in avant[:-1]):
                continue  # « arrivé France 17 ans » : l'âge à l'arrivée, pas une durée
            if avant[-1] == "france":
                ancre = "depuis"  # « moi France 2 ans », « je suis en France 3 mois »
            elif avant[-1] in ("depuis", "pendant", "durant", "voila"):
                ancre = _ANCRES_DUREE[avant[-1]]
            elif avant[-1] == "fait" and len(avant) >= 2 and avant[-2] in ("ca", "cela", "va"):
                ancre = "depuis"
            elif avant[-2:] == ["y", "a"]:
                ancre = "il y a"
            elif avant[-1] in ("de", "d") and len(avant) >= 2 and avant[-2] in ("plus", "moins"):
                ancre = None
            elif avant[-1] in _FIN_DE_TITRE or (avant[-1] in ("papiers", "papier", "titre", "visa") and any(
                    x in ("pas", "sans", "aucun", "plus", "fini", "finie", "expire", "expiree") for x in avant[:-1])):
                ancre = "depuis"  # « visa fini 3 mois », « moi pas papier 5 ans » (peu de mots)
        if ancre is None:
            # « 2 ans en France », « 3 mois que je suis là »
            apres = a.mots_apres(m.end(), 2)
            if apres[:2] in (["en", "france"], ["ici", ","], ["que", "je"], ["que", "j"], ["que", "il"],
                             ["que", "elle"], ["que", "mon"], ["que", "ma"]) or apres[:1] in (["ici"], ["france"]):
                ancre = "depuis"
            else:
                continue
        mois = nombres.mois_entiers(m)
        if mois is None:
            continue
        categorie = _categorie(a, m.start(), m.end())
        if ancre == "il y a" and any(x.startswith(("arriv", "venu", "debarqu")) for x in a.mots_avant(m.start(), 9)):
            categorie = "france"  # « arrivée en France il y a 8 mois »
        trouvees.append(Duree(m.start(), m.end(), mois, ancre, categorie))
    for m in nombres.DATE.finditer(a.texte):
        avant = a.mots_avant(m.start(), 4)
        if not avant or any(x in ("ne", "nee", "naissance", "nes", "nees") for x in avant[-3:]):
            continue
        if avant[-1] in ("depuis", "debut", "fin", "courant") or avant[-2:] in (["depuis", "le"], ["depuis", "fin"],
                                                                                  ["depuis", "debut"]):
            ancre = "depuis"
        elif avant[-1] in ("en", "le", "de") and any(
                x in ("arrive", "arrivee", "arrives", "arrivees", "venu", "venue", "venus", "debarque", "entre", "entree")
                and (i == 0 or avant[i - 1] in ("suis", "est", "sommes", "sont", "etais", "etait", "je", "j", "on",
                                                 "moi", "il", "elle", "france", "la"))
                for i, x in enumerate(avant[:-1])):
            ancre = "date"
        elif avant[-1] in ("en", "le", "de") and any(x in ("eu", "obtenu", "recu") for x in avant[:-1]):
            ancre = "titre"
        elif avant[-1] in ("en", "le", "depuis") and avant[-2:-1] and avant[-2] in _FIN_DE_TITRE:
            ancre = "depuis"  # « titre expiré en juin » : mois écoulés depuis la fin du titre
        elif avant[-2:] == ["mois", "de"] or avant[-3:] == ["au", "mois", "de"]:
            ancre = "date" if any(x.startswith("arriv") for x in avant) else None
            if ancre is None:
                continue
        else:
            continue
        date = nombres.lire_date(m, jour)
        if not date:
            continue
        mois = nombres.mois_ecoules(date, jour)
        if mois is None:
            continue
        categorie = _categorie(a, m.start(), m.end())
        if ancre == "date" and categorie in (None, "autre"):
            categorie = "france"
        if ancre == "titre":
            if categorie != "titre":
                continue
            ancre = "date"
        trouvees.append(Duree(m.start(), m.end(), mois, ancre, categorie))
    return trouvees


def mois_en_france(a: Analyse, jour: dt.date, liste: list[Duree]) -> list[Constat]:
    constats = []
    reparti = re.search(r"(?<!sans etre )(?<!jamais )(?<!pas )(?<!sans )\b(?:reparti|repartie|repartis|retourne|retournee|"
                        r"rentre au pays|rentree au pays)\b", a.texte)
    for d in liste:
        if reparti and d.pos < reparti.start():
            continue  # « arrivée en 2019, repartie un an, revenue il y a 8 mois » : 8
        if d.ancre == "pendant":
            continue  # « j'ai habité Paris pendant 10 ans » : une période finie
        if d.categorie == "france":
            constats.append(Constat("mois_en_france", d.mois, d.pos, poids=2 if d.categorie == "france" else 1))
    for m in _ARRIVEE_IMMEDIATE.finditer(a.texte):
        constats.append(Constat("mois_en_france", 0, m.start(), poids=2))
    return constats


def mois_sans_titre(a: Analyse, liste: list[Duree]) -> list[Constat]:
    """« mon visa a expiré il y a 5 mois », « sans papiers depuis 2 ans » (personne sans titre),
    « mon récépissé a expiré le mois dernier » (1 mois)."""
    constats = [Constat("mois_sans_titre", d.mois, d.pos) for d in liste if d.categorie == "sans_titre"
                and _document_de_sejour(a, d.pos)]
    for m in _EXPIRE_LE_MOIS_DERNIER.finditer(a.texte):
        if not a.nie(m.start()) and not a.hypothese(m.start()):
            constats.append(Constat("mois_sans_titre", 1, m.start()))
    return constats


_DOCUMENTS = re.compile(r"\b(?:(?P<titre>visa|titre|carte de sejour|carte de resident|recepisse|papiers?|sejour|statut|asile)"
                        r"|domicil\w*|contrat|bail|assurance|ame|css|c 2 s|mutuelle|passeport|carte vitale|abonnement|"
                        r"navigo|rsa|apl|allocation|aide|droits?)\b")


def _document_de_sejour(a: Analyse, pos: int) -> bool:
    """« elle a expiré en septembre » parle-t-il d'un titre de séjour ? Oui si le dernier document nommé avant
    (dans les 150 caractères) est un visa, un titre, des papiers ; non pour une domiciliation, un contrat..."""
    derniers = list(_DOCUMENTS.finditer(a.texte, max(0, pos - 150), pos + 40))
    avant = [m for m in derniers if m.start() < pos] or derniers
    return bool(avant) and avant[-1].group("titre") is not None


_EXPIRE_LE_MOIS_DERNIER = re.compile(r"\b(?:visa|titre|carte|recepisse|papiers?)(?: \w+){0,3} (?:a |est |sont |ont )?"
                                     r"(?:expire\w*|perime\w*|fini\w*|termine\w*) le mois dernier\b")


def mois_depuis_separation(a: Analyse, liste: list[Duree]) -> list[Constat]:
    """« séparée depuis 8 mois », « seule avec mes enfants depuis 2 ans »."""
    return [Constat("mois_depuis_separation", d.mois, d.pos) for d in liste if d.categorie == "separation"]


def annees_titre(a: Analyse, liste: list[Duree]) -> list[Constat]:
    constats = []
    for d in liste:
        if d.categorie == "titre" and d.ancre == "depuis":
            constats.append(Constat("annees_titre_sejour", nombres.en_annees(d.mois), d.pos))
    return constats


def ne_en_france(a: Analyse) -> bool:
    return bool(_NE_EN_FRANCE.search(a.texte))


# --- études --------------------------------------------------------------------------------------
_ETUDES_OUI = re.compile(
    r"\betudiant\b|\betudie\b|\bj etudie\b|\blyceen(?:ne)?s?\b|\bcollegien(?:ne)?s?\b|\bstagiaire\b"
    r"|\ben stage\b|\ba la fac\b|\ba l universite\b|\ba l univ\b|\b(?:je fais|fais|suis en) (?:une )?formation\b(?! (?:de|d|en) (?:francais|langue|fle|alphabetisation))|\bcned\b"
    r"|\ben (?:licence|master|bts|but|dut|these|"
    r"doctorat|prepa|classe prepa|seconde|premiere|terminale)\b|\bdoctorante?\b"
    r"|\b(?:je fais|fait|faisons) (?:des|mes|ses) etudes\b|\ben etudes\b|\binscrite? (?:a la fac|a l universite|"
    r"en (?:licence|master|bts|fac))\b|\b(?:suis|est|etre) eleve\b|\beleve (?:au|en|de) (?:lycee|college|"
    r"terminale|seconde|premiere)\b"
)
_ETUDES_NON = re.compile(
    r"\b(?:fini|termine|arrete|abandonne|lache|stoppe|quitte)\s+(?:mes|ses|les)? ?(?:etudes|la fac|l ecole|"
    r"le lycee)\b|\betudes (?:finies|terminees|arretees)\b|\bancien etudiant\b|\bplus a la fac\b"
    r"|\bpas (?:d |des )?etudes\b"
)
_PAS_ETUDES_VISA = {"titre", "visa", "carte", "sejour"}


def etudiant(a: Analyse, jour: dt.date) -> list[Constat]:
    constats = []
    for m in _ETUDES_OUI.finditer(a.texte):
        avant = a.mots_avant(m.start(), 3)
        if avant and avant[-1] in _PAS_ETUDES_VISA | {"de"} and "etudiant" in m.group():
            continue  # « titre de séjour étudiant » : un titre, pas un statut
        if a.passe(m.start()):
            constats.append(Constat("etudiant", False, m.start(), poids=1))
            continue
        if a.futur(m.start()):
            continue
        constats.append(Constat("etudiant", not a.nie(m.start()), m.start()))
    for m in _ETUDES_NON.finditer(a.texte):
        constats.append(Constat("etudiant", False, m.start()))
    if a.question == "etudiant":
        m = re.search(r"\bj ai (?:arrete|fini|termine|abandonne|lache)\b(?! de (?:travaill|bosser|fumer|boire))", a.texte)
        if m and not a.nie(m.start()):
            constats.append(Constat("etudiant", False, m.start()))  # « j'ai arrêté l'an dernier »
    return constats


# --- heures travaillées ces 3 dernières années ---------------------------------------------------
# Temps plein = durée légale annuelle : 1 607 heures par an (35 h x 52 semaines, moins 5 semaines
# de congés et les jours fériés, soit environ 45,9 semaines travaillées). 2 ans à temps plein
# = 3 214 heures : c'est exactement le seuil du RSA « jeune actif ».
HEURES_AN_TEMPS_PLEIN = 1607
_TRAVAIL = re.compile(
    r"\b(?:fini|fait) (?:\d+ (?:ans?|mois) d |un |une |1 )?(?:apprentissage|alternance)\b|"
    r"\b(?:j ai|il a|elle a|a|ai|on a)?\s*(?:travaille|bosse|fait (?:du |de l )?(?:interim|menage|cdd|cdi|"
    r"chantier)|ete (?:salarie|salariee|employe|employee|embauche|embauchee)|eu (?:un|1|des) (?:cdd|cdi|"
    r"contrat|contrats|travail|emploi))\b|\b(?:en|un|1) (?:cdi|cdd|interim)\b"
    r"|\b(?:suis|est|etais|etait) (?:interimaire|salariee?|employee?|ouvriere?|agent|vendeuse?|cuisiniere?)\b"
)
_JAMAIS_TRAVAILLE = re.compile(
    r"\bjamais (?:travaille|bosse|eu (?:de |d )?(?:travail|emploi|contrat))\b"
    r"|\b(?:pas|plus) (?:travaille|bosse)\b(?=.{0,30}\b(?:depuis (?:plus de )?(?:[3-9]|\d\d) ans|ces 3|"
    r"en france|jamais|3 dernieres))"
    r"|\bpas (?:eu de|de) (?:travail|emploi) (?:depuis (?:plus de )?(?:[3-9]|\d\d) ans|en france)\b"
    r"|\baucune? (?:heures?|emploi|travail) (?:en france|depuis)\b"
)
_FRACTION = [
    (re.compile(r"\btemps plein\b|\b35 ?h(?:eures)?\b|\ba 100\b|\bcdi temps plein\b"), 1.0),
    (re.compile(r"\bmi temps\b|\ba 50\b|\bmoitie\b"), 0.5),
]
_HEURES_SEMAINE = re.compile(r"\b(?P<n>\d{1,2}(?:[.,]\d+)?) ?(?:h|heures)\s*(?:par|/|la|chaque) ?semaine\b"
                             r"|\b(?P<n2>\d{1,2}) ?(?:h|heures) hebdo\w*\b")
_HEURES_MOIS = re.compile(r"\b(?P<n>\d{2,3}) ?(?:h|heures)\s*(?:par|/|le|chaque) ?mois\b")
_HEURES_TOTAL = motif(r"(?<!\ba )(?<!\bde )(?<!\bvers )\b(?P<n>\d{3,5}) ?(?:h|heures)\b(?!\s*(?:par|/|la|le|chaque|hebdo|du matin|du soir|de "
                           r"route|de marche|de bus|de train|d attente))")
_A_L_ETRANGER = re.compile(r"\bau pays\b|\ben (?:" + "|".join(sorted((p for p, v in PAYS.items() if v != "francaise"),
                                                                      key=len, reverse=True)) + r")\b")


def heures_travail(a: Analyse, jour: dt.date, liste: list[Duree]) -> list[Constat]:
    constats = []
    for m in _JAMAIS_TRAVAILLE.finditer(a.texte):
        constats.append(Constat("heures_travail_3_ans", 0, m.start(), poids=1))
    for m in _TRAVAIL.finditer(a.texte):
        if not m.group().strip():
            continue
        seg = a.segment(m.start())
        if a.nie(m.start()) or _A_L_ETRANGER.search(seg.texte) or a.futur(m.start()):
            continue
        phrase = seg.texte
        total = _HEURES_TOTAL.search(phrase)
        if total and not _HEURES_SEMAINE.search(phrase) and not _HEURES_MOIS.search(phrase):
            valeur = int(total.group("n"))
            constats.append(Constat("heures_travail_3_ans", valeur, m.start(), poids=2))
            continue
        fraction = None
        for motif, f in _FRACTION:
            if motif.search(phrase):
                fraction = f
                break
        hs = _HEURES_SEMAINE.search(phrase)
        if hs:
            n = nombres.nombre(hs.group("n") or hs.group("n2"))
            fraction = min(1.5, n / 35) if n else fraction
        hm = _HEURES_MOIS.search(phrase)
        if hm and fraction is None:
            n = nombres.nombre(hm.group("n"))
            fraction = min(1.5, n / (35 * 52 / 12)) if n else None
        if fraction is None:
            continue  # durée sans temps de travail : on ne devine pas
        duree = nombres.DUREE.search(seg.texte)
        mois = nombres.mois_entiers(duree) if duree else None
        if mois is None:
            continue
        mois = min(36, mois)
        heures = round(mois * fraction * HEURES_AN_TEMPS_PLEIN / 12)
        constats.append(Constat("heures_travail_3_ans", heures, m.start(), poids=2))
    return constats


# --- travail déclaré en ce moment -----------------------------------------------------------------
_AU_NOIR = re.compile(r"\bau noir\b|\bau black\b|\bnon declare\w*|\bpas declare\w*|\bpas le droit de travaill\w*|\bsans (?:contrat|fiche de paie|"
                      r"fiches de paie|declaration)\b|\bjamais ete declare\w*|\bjms eu de contrat\b|\bjamais eu de contrat\b"
                      r"|\baucun contrat\b|\bpas le droit de travailler\b|\bsans autorisation de travail\b")
_TRAVAIL_OUI = re.compile(
    r"\b(?:en|un|1|mon|sous) (?:cdi|cdd|interim|contrat de travail)\b|\b(?:cdi|cdd)\b"
    r"|\bauto entrepreneu\w+|\bautoentrepreneu\w+|\bmicro entrepreneu\w+|\bindependante?\b"
    r"|\b(?:je suis|moi|il est|elle est|suis) (?:salariee?|interimaire|aide soignante?|aide a domicile|"
    r"agente? d entretien|femme de menage|auxiliaire de vie|chauffeur|livreur|cuisiniere?|caissiere?|vendeuse?|"
    r"serveuse?|magasinier|gardienne?|ouvriere?|infirmiere?|employee? de)\b"
    r"|\bj ai (?:des|mes) fiches? de paie\b|\bbulletins? de salaire\b"
    r"|\b(?:c est|travail(?: \w+)?|menages?|boulot|emploi|job|taf|interim)(?: \w+)? declare(?:e|s|es)?\b"
    r"|\bdeclaree?s? par\b|\bje suis declaree?\b"
    r"|\b(?:mon|ma) (?:employeur|patron|patronne|contrat de travail)\b|\bmon contrat (?:se termine|finit|se finit|"
    r"s arrete|prend fin)\b"
)
_TRAVAIL_NON = motif(
    r"\b(?:travaille|bosse|taffe|travail) (?:pas|plus|jamais|non)\b|\b(?:ne|n) (?:travaille|bosse) (?:pas|plus|jamais)\b"
    r"|\b(?:pas|plus|aucun|sans|0|ni|jamais eu de|pas encore de) (?:de |d )?(?:travail|emploi|boulot|job|taf|activite)\b"
    r"|\bsans emploi\b|\bau chomage\b|\bchomeu(?:r|se)\b|\bdemandeu(?:r|se) d emploi\b|\bperdu (?:mon|son|le) "
    r"(?:travail|emploi|boulot|job|taf|poste)\b|\blicencie\w*\b|\bjamais (?:travaille|bosse)\b"
    r"|\b(?:pas|plus) (?:travaille|bosse)\b(?! (?:hier|ce matin|aujourd))|\bno job\b|\bunemployed\b|\bjobless\b"
    r"|\bni (?:etudiant|etudiante) ni salarie\w*\b|\bni salarie\w*\b|\bne peux pas travailler\b|\bpeux pas travailler\b"
    r"|\bpersonne ne travaille\b|\bpersonne travail\b"
    r"|(?<!la )(?<!une )(?<!cette )(?<!1 )\b(?:personne|aucun|aucune)(?: de nous| d entre nous| des 2| des deux)?(?: 2| deux)? "
    r"(?:ne |n )?(?:travaill\w*|bosse\w*|taffe\w*|a (?:un |de |d )?(?:travail|boulot|emploi|contrat|cdi|cdd|fiches? de paie))\b|\bni moi ni (?:ma|mon) \w+ (?:ne )?(?:travaill\w+|bosse\w*)\b"
    r"|\bni (?:moi|lui|elle) ni (?:moi|lui|elle|(?:ma|mon) \w+) (?:on |nous )?(?:ne |n )?(?:a|avons|avez|ont) (?:un |une |de |d )?"
    r"(?:travail|taf|boulot|emploi|contrat|cdi|cdd)\b"
    r"|\bpas encore\b(?=.{0,30}\b(?:cdi|cdd|contrat|travail|"
    r"commence)\b)"
)


def travail_declare(a: Analyse, jour: dt.date) -> list[Constat]:
    """La personne a en ce moment un travail déclaré : « je suis en CDI » -> oui ; « au noir », « au chômage »,
    « je travaille pas » -> non. Le travail de l'aidant qui écrit ne compte pas ; passé, futur : rien."""
    constats = []
    for m in _AU_NOIR.finditer(a.texte):
        if not a.passe(m.start()) and not a.hypothese(m.start()):
            constats.append(Constat("travail_declare", False, m.start(), poids=4))
    for m in _TRAVAIL_NON.finditer(a.texte):
        if a.hypothese(m.start()) or (a.passe(m.start()) and "perdu" not in m.group() and "licenci" not in m.group()):
            continue
        if a.question in ("lien_paris", "heures_travail_3_ans") or re.match(r" ?(?:a )?paris\b", a.texte[m.end():m.end() + 9]):
            continue  # « pas travail à Paris » : pas de lien avec Paris, pas un fait sur l'emploi
        if re.match(r"pas encore", m.group()) and not re.search(r"\bcommence|\bdebute", a.texte):
            continue
        constats.append(Constat("travail_declare", False, m.start(), poids=3))
    for m in _TRAVAIL_OUI.finditer(a.texte):
        debut = m.start()
        if any(c.pos <= debut < c.pos + 25 for c in constats) or a.nie(debut) or a.passe(debut) \
                or a.futur(debut, 3) or a.hypothese(debut):
            continue
        if re.search(r"\b(?:travaillais|travaillait|bossais|etais|etait|avant|ancien|ancienne|ai travaille|a travaille|"
                     r"ai bosse|a bosse|jusqu|selon|ai fait|a fait|avais|avait|ai eu|a eu)\b", " ".join(a.mots_avant(debut, 5))) or re.match(
                     r".{0,25}\bjusqu", a.texte[debut:debut + 40]) or re.match(
                     r"[^.]{0,50}\b(?:l annee derniere|l an dernier|l an passe|c est fini|c etait|est termine|s est termine|"
                     r"s est arrete|est fini|fini depuis)\b", a.texte[debut:debut + 70]):
            continue
        if m.group().startswith(("cdi", "cdd")) and re.search(r"\b(?:commence|chercher?|trouver|signer)\b",
                                                               " ".join(a.mots_avant(debut, 5))):
            continue
        constats.append(Constat("travail_declare", True, debut, poids=2))
    return constats

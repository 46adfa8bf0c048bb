"""Argent : ressources du foyer (par mois ou par an) et aide au logement.

Un montant est classé par le mot-clé le plus proche dans sa phrase :
- aide au logement (« 200 d'APL », « ALS 180 ») -> ``aide_logement`` ;
- dépense ou dette (« loyer de 600 », « dette de 2000 », « caution ») -> ignoré ici ;
- revenu (« je touche 450 », « RSA 600 », « salaire ») -> ressources ;
- sans mot-clé : retenu seulement avec une période (« 900 balles par mois ») ou si le message
  n'est qu'un montant (« 1 200 € »).
Période : « par an » -> ``ressources_annuelles`` ; « par semaine » -> x 52 / 12 ; sinon par mois.
Plusieurs revenus reliés par « et », « plus », « + » s'additionnent (« 450 de RSA et ma femme
800 » -> 1250) ; sinon le dernier dit l'emporte (correction). « Entre 800 et 900 » -> 900.
"""
from __future__ import annotations

import datetime as dt
import re

from . import nombres
from .analyse import Analyse
from .modele import Constat
from .rapide import motif

_SUJETS_FOYER = ("personne", "conjoint", "foyer")
_QUESTIONS_ARGENT = ("ressources_mensuelles", "ressources_annuelles", "aide_logement")
_TOTAL = re.compile(r"\b(?:en tout|au total|total|tout|soit|ca fait en tout|tout compris|ensemble) :? ?(?P<n>\d+(?:[.,]\d+)?)"
                    r"(?: euros| e)?\b")
_MONTANT = re.compile(r"\b(?P<n>\d+(?:[.,]\d+)?)(?:\s+(?P<u>euros|e|dollars)\b)?")
_NON_MONTANT_APRES = {"ans", "an", "a", "mois", "semaines", "semaine", "jours", "jour", "h", "heures", "heure",
                      "enfants", "personnes", "pers", "fois", "er", "eme", "ieme", "em", "min", "minutes", "km",
                      "metres", "m2", "m", "etage", "fils", "filles", "fille", "bebe", "gosses", "petits", "kg",
                      "arrondissement", "arr", "annees", "annee", "nuits", "nuit", "ou", "places"}
_MOTS_AIDE = {"apl", "als", "alf", "apls"}
_MOTS_DEPENSE = {"loyer", "loyers", "facture", "factures", "dette", "dettes", "dois", "doit", "devons", "impaye",
                 "impayes", "impayee", "impayees", "retard", "retards", "caution", "garantie", "frais", "amende",
                 "amendes", "coute", "coutent", "charges", "credit", "edf", "electricite", "gaz", "eau", "huissier",
                 "rembourser", "manque", "depense", "depenses", "prix", "cher", "paie", "paies", "verse",
                 "economies", "epargne", "poche", "agence", "depot", "arrieres", "arriere", "redevance",
                 "participation", "coutait", "vaut", "payer", "donne", "donnant", "donnons", "verse", "versons",
                 "participer", "participe", "contribue", "envoie", "envoye", "envoyer", "dette", "doit", "devons",
                 "file", "files", "filer", "paye", "payons", "demande", "demandent"}
_VIVRE = {"vis", "vit", "vivons", "vivent"}
_PERSONNES_NOMS = set((
    "moi lui elle eux femme epouse conjointe compagne copine mari epoux conjoint compagnon copain concubin concubine "
    "fils fille enfant enfants bebe petit petite grand grande aine ainee cadet cadette frere soeur mere pere maman papa "
    "oncle tante cousin cousine ami amie pote voisin voisine monsieur madame mademoiselle").split())
_MOTS_REVENU = {"touche", "touchons", "touchez", "gagne", "gagnons", "percois", "percoit", "percevons", "recois",
                "recoit", "salaire", "salaires", "revenu", "revenus", "ressources", "ressource", "rsa", "are", "ada",
                "aah", "asf", "paje", "smic", "pension", "retraite", "chomage", "allocation", "allocations",
                "alloc", "allocs", "bourse", "vis", "vit", "vivons", "net", "brut", "interim", "prime", "caf",
                "indemnites", "ij", "rente", "aspa", "minimum", "argent", "rentre", "rentrent", "emploi", "france",
                "travail", "travaille", "bosse", "cdi", "cdd"}
_PERIODE_MOIS = re.compile(r"^(?:par mois|/ mois|mensuel\w*|le mois|chaque mois|tous les mois|pm|/ m|net par mois|"
                           r"brut par mois|net / mois|net mensuel|de revenus? par mois|mois)\b")
_PERIODE_AN = re.compile(r"^(?:par an|/ an|l an|annuel\w*|par annee|a l annee|sur l annee|l annee|sur 12 mois|"
                         r"sur 1 an|dans l annee|cette annee|l annee derniere|net par an|par ans|an)\b")
_PERIODE_SEMAINE = re.compile(r"^(?:par semaine|/ semaine|la semaine|hebdo\w*|chaque semaine|toutes les semaines)\b")
_PERIODE_HEURE = re.compile(r"^(?:de l heure|par heure|/ h|de l h|l heure|brut de l heure|net de l heure)\b")
# « des fois », « parfois », « 2 ou 3 jours par semaine » : un montant par jour ou par semaine qui ne tombe pas
# chaque jour, ou chaque semaine ; le convertir en mois inventerait un revenu (joué à la main : 608 € par mois)
_IRREGULIER = re.compile(r"\b(?:des fois|parfois|de temps en temps|de temps a autre|pas tous les jours|"
                         r"quand (?:il y a|ya|y a) du travail|quand je trouve|certains jours|"
                         r"(?:\d|un|deux|trois|quatre) (?:ou \d+ )?jours? par semaine)\b")
_AIDE_ARRETEE = re.compile(r"\b(?:suspendue?s?|coupee?s?|bloquee?s?|arretee?s?|supprimee?s?|plus versee?s?)\b")
_PERIODE_JOUR = re.compile(r"^(?:par jour|/ jour|la journee|le jour|jour|chaque jour|par nuit|la nuit|de l heure|par heure|/ h|"
                           r"de l h)\b")
_ANNUEL_PHRASE = re.compile(r"\bl an dernier\b|\bl annee derniere\b|\bsur l annee\b|\bcette annee\b"
                            r"|\bsur (?:les )?12 (?:derniers )?mois\b|\bdans l annee\b|\ben (?:1|un) an\b")
_RIEN = re.compile(
    r"\b(?:aucun|aucune|pas de|pas d|sans|0|zero|ni)\s+(?:revenus?|ressources?|argent|salaire|rentree d argent)\b"
    r"|\b(?:touche|touchons|gagne|gagnons|percois|recois|ai) (?:plus |jamais )?(?:rien|0|zero|pas un (?:sou|rond|"
    r"centime|euro))\b(?! (?:mange|a manger|bu|dormi|fait|compris|dit|vu|entendu|recu de|de (?:la|le|l)))"
    r"|\bmaintenant (?:plus )?rien\b(?! (?:mange|a manger))"
    r"|\bpas (?:un|1) (?:sou|rond|centime|euro)\b|\b(?:j ai|on a|il a|elle a) (?:rien|0)(?: du tout)?(?= ?$| [,.;!?])"
    r"|\b(?:pas|rien|0|zero) argent\b|\bargent (?:0|zero|rien)\b"
    r"|\bsans (?:aucun )?(?:revenu|ressource)s?\b|\bpas de (?:sous|thunes)\b|\b0 (?:euros|revenus?)\b"
    r"|\bque dalle\b|\bvivre de rien\b|\bfauche\b|\bje touche rien\b"
)
# « rien » sans mot d'argent (« j'ai plus rien », « maintenant rien ») : l'argent seulement hors d'un propos sur les papiers
_RIEN_NU = re.compile(r"(?:(?:j ai|on a|il a|elle a|ai) (?:plus |jamais )?(?:rien|0)|maintenant (?:plus )?rien)\b")
_PAPIERS_AUTOUR = re.compile(r"\b(?:papiers?|titres?|visas?|recepisses?|cartes? de sejour|sejour|asile|expire\w*|"
                             r"perime\w*|prefecture|regularis\w*|oqtf|sans papiers?)\b")
_VERBES_DEMANDE = {"prend", "prends", "prennent", "demande", "demandent", "paie", "paye", "payer", "donne", "donnent",
                   "coute", "coutent", "veut", "veulent", "reclame", "reclament", "envoie", "envoyer", "prete", "emprunte"}
_PERSONNEL_ARGENT = re.compile(r"\b(?:je|j|moi|on|nous|mon|ma|mes|notre|nos|il|elle|ils|elles|touche|gagne|recois|"
                               r"percois|ai|avons)\b")
_AIDE_ZERO = re.compile(
    r"\b(?:aucune|pas d|pas de|plus d|plus de|sans) aides?(?: (?:pour|pr|au|du) (?:le )?logement)?\b(?! (?:sociale|du 115))"
    r"|\b(?:apl|als|alf) (?:a ete |est )?(?:coupee?s?|supprimee?s?|arretee?s?)\b"
    r"|\b(?:apl|als|alf)\b.{0,30}\bplus maintenant\b"
    r"|\b(?:pas|plus|aucune?|sans|0|ni)\s+(?:d |de |des |les |l )?(?:apl|als|alf)\b"
    r"|\b(?:touche|touchons|recois|percois|ai) (?:pas|plus|jamais) (?:d |de |des |les |l )?(?:apl|als|alf)\b"
    r"|\b(?:apl|als|alf)\s*:?\s*(?:rien|non|0|aucune?)\b"
)
_APPROXIMATION = re.compile(r"\bet (?:quelques|quelque|des poussieres|des brouettes|des bananes|des miettes)\b"
                            r"|\bplus ou moins\b|\ba peu pres\b|\benviron\b|\bpas loin\b")
_ADDITION = re.compile(r"\b(?:et|plus|\+|avec|ajoute|en plus|aussi)\b|\+")
_CORRECTION = re.compile(r"\bnon\b(?! (?:declare\w*|salarie\w*|imposable\w*|paye\w*|verse\w*|officiel\w*))|\b(?:pardon|plutot|enfin|en fait|je veux dire|je voulais dire|oups|erreur|disons|"
                         r"exactement|precisement|pour etre precise?|ou plus exactement)\b")
_SEUL_MONTANT = re.compile(
    r"^(?:environ |a peu pres |genre |pres de |dans les |autour de |je dirais )?\d+(?:[.,]\d+)?"
    r"(?: euros| e)(?: net| nets)?(?: (?:par mois|/ mois|mensuel\w*|le mois|par an|/ an|l an|par semaine))?"
    r"(?: ?[.!]?)$"
)


_REMPLISSAGE = {"euros", "e", "de", "d", "du", "des", "net", "nets", "brut", "en", "le", "la", "les", "l", "mon", "ma",
               "mes", "son", "sa", "ses", "est", "sont", "a", "environ", "pres", "genre", "dans", "autour", "qui",
               "que",
               "fait", "font", "par", "mois", "an", "/", "plus", "moins"}


def _mots_proches(a: Analyse, m: re.Match) -> tuple[str | None, float]:
    """(type du mot-clé le plus proche : aide / depense / revenu, distance en mots pleins).

    Les petits mots (« de », « euros », « est »...) ne comptent pas dans la distance :
    « 200 d'APL » et « loyer est de 600 » sont à distance 0. À égalité, le mot d'après
    l'emporte (« 450 de RSA », « je touche 450 de RSA et 200 d'APL »).
    """
    avant = a.mots_avant(m.start(), 6, phrase=True)
    if not avant and a.texte[max(0, m.start() - 3):m.start()].strip() == ":":
        avant = a.texte[max(0, m.start() - 60):m.start()].split()[:-1][-4:]  # « Revenus du foyer : 1650 € »
    apres = a.mots_apres(m.end(), 6, phrase=True)
    meilleur, distance = None, 99.0
    for sens, mots in (("apres", apres), ("avant", list(reversed(avant)))):
        pleins = 0
        for i, mot in enumerate(mots):
            if re.fullmatch(r"\d+(?:[.,]\d+)?", mot) or mot in (".", ";", "!", "?") or (sens == "apres" and mot == ","):
                break  # on ne passe pas par-dessus un autre nombre ni une fin de phrase (ni, après, une virgule)
            genre = ("aide" if mot in _MOTS_AIDE else "depense" if mot in _MOTS_DEPENSE else
                     "revenu" if mot in _MOTS_REVENU else None)
            if mot in _VIVRE:
                suivant = mots[i + 1] if sens == "apres" and i + 1 < len(mots) else mots[i - 1] if i > 0 else ""
                if suivant not in ("avec", "de", "grace", "d", "sur"):
                    genre = None  # « on vit ensemble » n'est pas un revenu ; « je vis avec 500 € » oui
            if mot == "paye":
                precedent = mots[i + 1] if sens == "avant" and i + 1 < len(mots) else ""
                genre = "revenu" if precedent in ("ma", "la", "sa", "une") else "depense"
            if genre is not None:
                if sens == "avant" and _mot_d_un_autre_montant(mots, i):
                    break  # « 600 de rsa et 180 dapls » : « rsa » dit ce qu'est 600, pas 180
                d = pleins + (0.5 if sens == "avant" else 0)
                if d < distance:
                    meilleur, distance = genre, d
                break
            if mot not in _REMPLISSAGE:
                pleins += 1
    return meilleur, distance


def _mot_d_un_autre_montant(mots_a_rebours: list[str], i: int) -> bool:
    """Le mot-clé lu avant un montant suit de près un autre montant (« 600 de RSA et 180 ... ») : il le décrit."""
    for mot in mots_a_rebours[i + 1:i + 4]:
        if re.fullmatch(r"\d+(?:[.,]\d+)?", mot):
            return True
        if mot not in ("de", "d", "du", "euros", "e", "par", "mois"):
            return False
    return False


def _periode(a: Analyse, m: re.Match) -> str | None:
    suite = a.texte[m.end():m.end() + 40].strip()
    suite = re.sub(r"^(?:euros|e|net|nets|brut|de (?:rsa|salaire|revenus?|chomage|are|apl|als|ada|aah|pension)|"
                   r"d (?:apl|als|are|aah|ada|allocations?))\s*", "", suite)
    suite = re.sub(r"^(?:euros|e|net|nets|brut)\s*", "", suite)
    suite = re.sub(r"^(?:de|d) (?!(?:l heure|l h)\b)\w+ ", "", suite)  # « 100 euros de ménages par mois »
    if _PERIODE_MOIS.match(suite):
        return "mois"
    if _PERIODE_AN.match(suite):
        return "an"
    if _PERIODE_SEMAINE.match(suite):
        return "semaine"
    if _PERIODE_HEURE.match(suite):
        return "heure"
    if _PERIODE_JOUR.match(suite):
        return "jour"
    if _ANNUEL_PHRASE.search(a.segment(m.start()).texte):
        return "an"
    avant = " ".join(a.mots_avant(m.start(), 5, phrase=True))
    if re.search(r"\b(?:par an|annuel\w*|l annee|sur l annee|par mois|mensuel\w*|chaque mois|tous les mois)\b", avant):
        return "an" if re.search(r"\b(?:par an|annuel\w*|l annee)\b", avant) else "mois"
    return None


_AVANT_ANNEE = {"en", "depuis", "le", "ne", "nee", "fin", "debut", "janvier", "fevrier", "mars", "avril", "mai", "juin",
                "juillet", "aout", "septembre", "octobre", "novembre", "decembre"}


def _pas_un_montant(a: Analyse, m: re.Match, valeur: float) -> bool:
    """Un nombre qui n'est pas de l'argent : « Paris 18e », « 3 enfants », « en 2019 », « au 115 », une date,
    un nombre nu collé à une personne (« ma copine 26 », « Awa 4 », « moi 33 ») : un âge, pas un montant."""
    unite = m.group("u")
    apres = a.mots_apres(m.end(), 1)
    avant = a.mots_avant(m.start(), 2)
    precedent = avant[-1] if avant else ""
    if not unite and valeur <= 120 and (precedent in _PERSONNES_NOMS or (
            len(avant) == 2 and avant[0] in ("monsieur", "madame", "mademoiselle"))):
        return True
    if unite == "e" and valeur <= 20 and precedent in ("le", "paris", "du", "au", "dans"):
        return True
    if not unite:
        if apres and apres[0] in _NON_MONTANT_APRES and not re.match(r" a (?:peu pres|2|deux|nous|eux)\b",
                                                                      a.texte[m.end():m.end() + 12]):
            return True
        if re.fullmatch(r"(?:19|20)\d\d", m.group("n")) and precedent in _AVANT_ANNEE:
            return True
        if m.group("n") == "115" and precedent in ("au", "le", "du", "par", "via"):
            return True
    if "/" in a.texte[max(0, m.start() - 1):m.start()] or re.match(r"/\d", a.texte[m.end():m.end() + 2]):
        return True
    return precedent in ("depuis", "il", "y")


_AIDE_DITE = re.compile(r"\b(?:apl|als|alf|aides? (?:au|pour le|pr le) (?:logement|loyer)|caf pour le (?:loyer|logement))\b")


def _douteux_dans_une_liste(a: Analyse, m: re.Match) -> bool:
    """Un montant sans mot-clé (lu comme revenu parce que la question porte sur l'argent) est douteux dans
    une liste si le message parle aussi d'aide au logement : il peut être l'APL, qui n'est jamais un revenu."""
    return bool(_AIDE_DITE.search(a.texte))


def montants(a: Analyse, jour: dt.date) -> list[Constat]:
    revenus_mois: list[tuple[int, float]] = []
    revenus_an: list[tuple[int, float]] = []
    douteux = False
    irregulier = False
    constats: list[Constat] = []
    for m in _MONTANT.finditer(a.texte):
        valeur = nombres.nombre(m.group("n"))
        if valeur is None or a.sujet(m.start()) not in _SUJETS_FOYER or _pas_un_montant(a, m, valeur):
            continue
        if a.passe(m.start()):
            continue  # « avant je touchais 900 »
        if any(x in ("mettons", "imaginons", "admettons", "supposons", "exemple") for x in a.mots_avant(m.start(), 2)):
            continue  # « mettons 200 d'APL » : un exemple, pas un fait
        if any(s.question and s.fin <= m.start() for s in a.segments) and not _PERSONNEL_ARGENT.search(
                a.segment(m.start()).texte):
            continue  # « l'APL compte pour le RSA ? genre 200 d'APL » : la suite d'une question, sans « je »
        genre, _ = _mots_proches(a, m)
        periode = _periode(a, m)
        if genre == "depense" or a.hypothese(m.start()) or a.futur(m.start(), 3):
            continue
        if (not m.group("u") or m.group("u") == "e") and valeur <= 20 and periode not in ("jour", "semaine"):
            continue  # « à nous 2 », « 1 taf », « on vit à 5 », « 13e » : pas de l'argent
        if re.search(r"\b(?:mois|semaines?|jours?) (?:a|pour)\s*$", a.texte[max(0, m.start() - 15):m.start()]):
            continue  # « 3 mois à 1500 » : un salaire d'un moment, pas le revenu du foyer
        if periode is None and a.question == "ressources_annuelles" and genre != "aide":
            periode = "an"
        devine = False
        if genre is None and periode is None and a.question in _QUESTIONS_ARGENT:
            genre = "aide" if a.question == "aide_logement" else "revenu"
            devine = True  # aucun mot ne dit ce qu'est ce montant : seule la question le suggère
        if genre is None and periode is None and not _SEUL_MONTANT.match(a.texte.strip()):
            # « ma femme gagne 1300, moi 700 » : le montant suit un revenu du foyer, même phrase
            avant = a.mots_avant(m.start(), 2)
            if not (revenus_mois and avant and avant[-1] in ("moi", "lui", "elle", "eux", "nous")
                    and a.segment(revenus_mois[-1][0]).phrase == a.segment(m.start()).phrase):
                continue
        if periode == "heure":
            continue  # un salaire horaire ne dit pas le revenu du mois
        if periode in ("jour", "semaine") and _IRREGULIER.search(a.texte):
            # « 20 euros par jour des fois, 2 ou 3 jours par semaine » : pas chaque jour ; le mois n'est pas dit
            irregulier = True
            continue
        if periode == "jour":
            # « l'ADA, 14 euros par jour » : 14 x 365 / 12 par mois (R16)
            if genre == "aide":
                continue
            revenus_mois.append((m.start(), valeur * 365 / 12))
            continue
        if genre == "aide":
            if _AIDE_ARRETEE.search(a.texte):
                continue  # « l'apl c'est 250 mais elle est suspendue » : ni 250 ni 0, on redemande
            constats.append(Constat("aide_logement", round(valeur, 2), m.start()))
            continue
        if devine and _douteux_dans_une_liste(a, m):
            douteux = True
        if periode == "an":
            revenus_an.append((m.start(), valeur))
        elif periode == "semaine":
            revenus_mois.append((m.start(), valeur * 52 / 12))
        else:
            revenus_mois.append((m.start(), valeur))
    if irregulier:
        revenus_mois, revenus_an = [], []  # un revenu d'un jour de temps en temps : on s'abstient, on redemande
    if douteux and len(revenus_mois) + len(revenus_an) >= 2:
        # « 600 de rsa et 180 dapl » : un montant sans mot de revenu, dans une liste où l'aide au logement
        # est dite (ou suivi d'un mot inconnu) : il peut être l'APL, qui n'est jamais un revenu. On s'abstient.
        revenus_mois, revenus_an = [], []
    total_dit = _TOTAL.search(a.texte)
    if total_dit and len(revenus_mois) >= 2 and not revenus_an:
        # « salaire 900. femme 300. tout 1200 » : le total dit l'emporte
        revenus_mois = [(p, v) for p, v in revenus_mois if p == total_dit.start("n")] or revenus_mois
        if len(revenus_mois) == 1:
            constats.append(Constat("ressources_mensuelles", round(float(revenus_mois[0][1]), 2), revenus_mois[0][0],
                                    poids=3))
            revenus_mois = []
    for champ, liste in (("ressources_mensuelles", revenus_mois), ("ressources_annuelles", revenus_an)):
        if not liste:
            continue
        total, debut = liste[0][1], liste[0][0]
        for (p0, _), (p1, v1) in zip(liste, liste[1:]):
            entre = a.texte[p0:p1]
            autre_membre = a.sujet(p0) != a.sujet(p1)  # « ma femme gagne 1300, moi 700 » : le foyer
            if _CORRECTION.search(entre):
                total = v1
            elif _APPROXIMATION.search(entre) and not autre_membre:
                # « 600 et quelques, genre 620 » : le montant redit, plus précis ; loin du premier, on ne devine pas
                if abs(v1 - total) > 0.2 * max(v1, total):
                    total = None
                    break
                total = v1
            elif _ADDITION.search(entre) or autre_membre:
                total += v1
            else:
                total = None  # deux montants sans lien dit (« 200 300 euros ») : on ne devine pas
                break
            debut = p1
        if total is not None:
            constats.append(Constat(champ, round(float(total), 2), debut, poids=2))
    for m in _RIEN.finditer(a.texte):
        if a.nie(m.start()) and not m.group().startswith(("pas", "aucun", "sans", "ni")):
            continue
        if a.sujet(m.start()) not in _SUJETS_FOYER or a.passe(m.start()) or a.futur(m.start(), 3):
            continue
        if any(x in _VERBES_DEMANDE for x in a.mots_avant(m.start(), 3)):
            continue  # « un pote qui me prend pas d'argent » : ce qu'on lui demande, pas ce qu'il touche
        if _RIEN_NU.match(m.group()):
            if a.question not in (None, *_QUESTIONS_ARGENT):
                continue  # « j'ai rien » à une autre question (les papiers...) : pas l'argent
            if a.question is None and _PAPIERS_AUTOUR.search(a.texte, max(0, m.start() - 90), m.end() + 60):
                continue  # « mon visa est fini, depuis j'ai plus rien » : les papiers, pas l'argent
        champ_rien = "ressources_annuelles" if a.question == "ressources_annuelles" else "ressources_mensuelles"
        constats.append(Constat(champ_rien, 0.0, m.start(), poids=2))
    for m in _AIDE_ZERO.finditer(a.texte):
        if re.match(r"(?:aucune|pas d|pas de|plus d|plus de|sans) aide", m.group()) and "logement" not in m.group() \
                and a.question != "aide_logement":
            continue  # « aucune aide » sans dire laquelle
        constats.append(Constat("aide_logement", 0.0, m.start(), poids=1))
    return constats


class _Zone:
    """Une fourchette vue comme un montant : ``start()`` / ``end()`` pour les mêmes aides."""

    def __init__(self, debut: int, fin: int):
        self._debut, self._fin = debut, fin

    def start(self) -> int:
        return self._debut

    def end(self) -> int:
        return self._fin


_APRES_FOURCHETTE_AGE = re.compile(r"^ ?(?:ans|an)\b")


def fourchettes(a: Analyse, jour: dt.date) -> list[Constat]:
    """« entre 300 et 400 par mois » -> fourchettes {ressources_mensuelles: [300, 400]} (jamais une valeur).

    Argent (mot-clé de revenu ou d'aide, « euros », une période) et âge (« j'ai entre 30 et 35 ans »).
    """
    constats = []
    for debut, fin, bas, haut in a.fourchettes:
        suite = a.texte[fin:fin + 12]
        avant = a.mots_avant(debut, 3)
        sujet = a.sujet(debut)
        if a.passe(debut) or a.hypothese(debut) or a.futur(debut, 3):
            continue
        if _APRES_FOURCHETTE_AGE.match(suite):
            # « j'ai entre 30 et 35 ans », « Monsieur a entre 60 et 65 ans », « Entre 40 et 45 ans, je ne sais pas »,
            # « ma femme a entre 30 et 35 ans » (conjoint), « le petit a entre 3 et 4 ans » (à la question du plus jeune)
            verbe = avant[-2:] in (["j", "ai"], ["a"], ["il", "a"], ["elle", "a"]) or (avant and avant[-1] in (
                "age", "agee", "ai")) or (avant[-1:] == ["a"] and avant[-2:-1] in (["monsieur"], ["madame"], ["personne"]))
            if sujet == "personne" and (verbe or (not avant and a.segment(debut).debut == 0 and bas >= 15
                                                  and a.question in (None, "age"))):
                constats.append(Constat("fourchettes", {"age": [bas, haut]}, debut, force=True))
            elif sujet == "conjoint" and (avant[-1:] == ["a"] or avant[-2:] in (["elle", "a"], ["il", "a"])):
                constats.append(Constat("fourchettes", {"conjoint_age": [bas, haut]}, debut, force=True))
            elif sujet == "enfant" and a.question == "age_plus_jeune_enfant" and avant[-1:] == ["a"]:
                constats.append(Constat("fourchettes", {"age_plus_jeune_enfant": [bas, haut]}, debut, force=True))
            continue
        if sujet not in _SUJETS_FOYER:
            continue
        zone = _Zone(debut, fin)
        genre, _ = _mots_proches(a, zone)
        periode = _periode(a, zone)
        euros = bool(re.match(r"^ ?(?:euros|e)\b", suite))
        if re.match(r"^ ?(?:mois|semaines?|jours?|heures|h|ans?|annees?|enfants)\b", suite) or (
                1900 <= bas <= 2100 and 1900 <= haut <= 2100):
            continue  # « 6 à 8 mois », « de 2015 à 2020 » : pas de l'argent
        if genre == "depense" or periode == "heure" or (genre is None and not euros and a.question not in
                                                        _QUESTIONS_ARGENT):
            continue
        champ = "aide_logement" if genre == "aide" else "ressources_mensuelles"
        if genre is None and a.question in _QUESTIONS_ARGENT:
            champ = a.question
        facteur = {"semaine": 52 / 12, "jour": 365 / 12}.get(periode or "", 1.0)
        if periode == "an" and champ == "ressources_mensuelles":
            champ = "ressources_annuelles"
        constats.append(Constat("fourchettes", {champ: [round(bas * facteur, 2), round(haut * facteur, 2)]},
                                debut))
    return constats


# R1 : le foyer touche déjà le RSA (« je suis au RSA », « jsui o rsa », « je touche 600 de RSA »).
_RSA_OUI = motif(
    r"\b(?:suis|sommes|est|etes|sont|on est|moi) (?:deja |toujours |encore )?(?:au|a|o) rsa\b"
    r"|(?:^|[,.;:] )au rsa(?= ?[,.;]| ?$)|\b(?:moi|et moi) rsa\b(?! (?:non|pas)\b)"
    r"|\b(?:touche|touchons|touchez|touchent|percois|percoit|percevons|recois|recoit|recevons|ai|a|avons|"
    r"beneficie|beneficiaire|beneficiaires|allocataire|allocataires) (?:du |le |la |de |d )?(?:rsa)\b"
    r"|\b\d+(?:[.,]\d+)? (?:euros |e )?(?:de |du |d )?rsa\b|\brsa (?:de |a |: |, )?\d+|\brsa (?:socle|activite|majore)\b"
    r"|\bmon rsa\b|\bnotre rsa\b|\ble rsa (?:que je touche|que je percois|tombe|arrive|est verse|m est verse)\b"
    r"|\b(?:je|j|on|il|elle) (?:vis|vit|vivons) (?:du|avec le) rsa\b"
)
_RSA_NON = re.compile(
    r"\b(?:touche|touchons|percois|percoit|recois|recoit|ai|a|avons) (?:pas|plus|jamais|pas encore) (?:le |de |du |d )?rsa\b"
    r"|\b(?:pas|plus|jamais) (?:au|de|le|du) rsa\b|\bsans (?:le )?rsa\b|\bpas encore (?:le |de )?rsa\b"
    r"|\brsa (?:a ete )?(?:coupe|suspendu|supprime|arrete)\b|\brsa\b.{0,25}\b(?:a ete|est) (?:coupe|supprime|arrete)\b"
    r"|\b(?:coupe|suspendu|supprime|arrete) (?:mon |le |notre |son )?rsa\b"
)
_RSA_PAS_UN_FAIT = re.compile(r"\b(?:droit|droits|demande|demander|demande de|obtenir|avoir|toucher|percevoir|"
                              r"faire|dossier|calcul|montant|combien|comment|quoi|ouvrir|ouverture)\s+(?:au |le |du |"
                              r"de |d |la |pour le |a )?(?:rsa)\b|\brsa\s+(?:c est|cest|ca fait|fait combien)\b")


_RSA_PAS_MOI = re.compile(r"\brsa\b[^.]{0,25}\b(?:pas moi|moi non|moi pas|mais pas moi)\b")


def percoit_rsa(a: Analyse, jour: dt.date) -> list[Constat]:
    constats = []
    if a.question in _QUESTIONS_ARGENT:
        # « Le RSA, c'est tout. », « RSA oui. argent 550 » : en réponse à « combien recevez-vous ? »
        m = re.search(r"(?:^|\b(?:le|du|au) )rsa\b", a.texte)
        if m and not _RSA_PAS_UN_FAIT.search(a.texte) and not a.nie(m.start()) and not a.futur(m.start()) \
                and not a.passe(m.start()) and not _RSA_NON.search(a.texte) \
                and not re.search(r"\b(?:s est|c est|a ete|est) (?:arrete|fini|termine|coupe|stoppe)\b", a.texte) \
                and not re.search(r"\b(?:demande|attends|attente|droit|voudrais)\b", a.texte):
            constats.append(Constat("percoit_rsa", True, m.start()))
    for m in _RSA_PAS_MOI.finditer(a.texte):
        constats.append(Constat("percoit_rsa", False, m.end() - 1, poids=3, force=True))
    for m in _RSA_NON.finditer(a.texte):
        # « il touchait le RSA mais ça a été coupé » : la coupure est dite au présent (lue à sa fin)
        fin = m.end() - 1 if re.search(r"(?:coupe|suspendu|supprime|arrete)$", m.group()) else m.start()
        if not a.passe(fin) and a.sujet(fin) in _SUJETS_FOYER:
            constats.append(Constat("percoit_rsa", False, fin, poids=2))
    for m in _RSA_OUI.finditer(a.texte):
        debut = m.start()
        if any(c.pos <= debut < c.pos + 40 for c in constats):
            continue
        if a.sujet(debut) not in _SUJETS_FOYER or a.passe(debut) or a.futur(debut) or a.hypothese(debut):
            continue
        if _RSA_PAS_UN_FAIT.search(a.texte[max(0, debut - 25):m.end()]):
            continue
        if a.nie(debut):
            constats.append(Constat("percoit_rsa", False, debut, poids=2))
            continue
        constats.append(Constat("percoit_rsa", True, debut))
    return constats

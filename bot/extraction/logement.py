"""Logement : où la personne dort, Paris, adresse pour le courrier, domiciliation, difficultés (FSL).

Logement : « sans domicile », « SDF » sont des mots généraux (poids 1) ; un lieu précis
(« je dors au 115 », « chez un pote », « dehors ») l'emporte (poids 2). Un souhait ou une crainte
(« je cherche un logement », « je vais être à la rue ») et le passé (« avant j'étais au 115 »)
ne comptent pas.
"""
from __future__ import annotations

import datetime as dt
import re

from .analyse import Analyse
from .lexique import HORS_PARIS, LIEUX_PARIS
from .modele import Constat
from .rapide import motif

_PROCHES = (r"pote|potes|ami|amie|amis|amies|copain|copine|copains|copines|frere|freres|soeur|soeurs|cousin|"
            r"cousine|cousins|cousines|oncle|tante|tonton|tata|parents|mere|pere|fils|fille|famille|connaissance|"
            r"connaissances|compatriote|compatriotes|gens|personnes?|monsieur|dame|voisin|voisine|voisins|collegue|"
            r"collegues|mari|femme|beau frere|belle soeur|grand mere|grand pere|grands parents|neveu|niece|"
            r"maman|papa|proches?|particulier|compagnon|compagne|ex|frangin|frangine|copain du pays|bled")
_LOGEMENTS: list[tuple[str, int, re.Pattern]] = [
    ("rue", 1, re.compile(r"\bsdf\b|\bsans domicile\b|\bsans logement\b|\bsans logis\b|\bsans abris?\b|\bsans toit\b")),
    ("rue", 2, motif(
        r"(?:^|[.,;] )rue(?= ?[.,;]| ?$)|"
        r"\b(?:dormir|dors|dort|dodo|sleep|dormi|moi|maintenant) (?:a la |dans la |dans le |dans les |la |le |sous (?:la |le )?)?"
        r"(?:rue|gare|metro|tente|parc|voiture|squat|pont|canal|parking)\b|\btente (?:sous|au bord|pres|dans|sur)\b"
        r"|\bdans (?:sa|son|leur|notre) (?:voiture|tente|camion|caravane)\b"
        r"|\ba la rue\b|\bdans la rue\b|\ben pleine rue\b|\bdans les rues\b|\bdehors\b|\bdans la street\b"
        r"|\ba la gare\b|\bdans (?:le|les|la) (?:metro|gare|parking|parc(?! (?:social|prive|hlm|locatif))|jardin|"
        r"cage d escalier|hall|bois|square|"
        r"stations?)\b|\bsous (?:un|le|les) (?:pont|ponts|porche|tente)\b|\bdans (?:une|ma|la|1) (?:tente|voiture|"
        r"caravane|cabane)\b|\bsous (?:une|1|la|ma) tente\b|\bcampement\b|\bsquat\b|\bsquatte\b|\bbidonville\b"
        r"|\b(?:dors|dort|dormir|dormi|dormons|vis|vit|couche|passe la nuit) nulle part\b|\bnulle part (?:ou|pour) dormir\b"
        r"|\bsur un banc\b|\bsur un carton\b|\bdans un hall\b")),
    ("centre_hebergement", 2, re.compile(
        r"\bon est (?:au|a l) (?:115|hotel|foyer|chrs|centre)\b|"
        r"\b(?:au|par le|via le|du|grace au|avec le|dors au|dort au) 115\b(?! euros)|\ble 115 m a (?:trouve|donne|"
        r"place|mis)\b|\b(?:au|un|en|le|dans un|dans le|d un) foyer\b(?! (?:fiscal|familial|de mes|de ma|de mon)\b)|\bcentre d (?:hebergement|accueil|urgence)\b"
        r"|\bchu\b|\bchrs\b|\bchum\b|\bcada\b|\bhuda\b|\bprahda\b|\bcaes\b|\bhotel social\b|\bhotel du (?:115|samu)\b"
        r"|\bsamu social\b|\b(?:a l|dans un|en|dans 1|a 1|1) hotel\b(?! de ville)|\bresidence sociale\b"
        r"|\bpension de famille\b|\bmaison relais\b|\bhalte de nuit\b|\bhalte femmes\b|\bgymnase\b"
        r"|\b(?:moi|sleep|dormir|dors|dort) (?:au |le )?(?:115|foyer|hotel|chrs|centre)\b|\b115 (?:hotel|foyer)\b"
        r"|\b(?:dans|au) (?:un |le )?centre (?:pour (?:les )?femmes|maternel|parental)\b"
        r"|\bhotel (?:du )?115\b|\bmise a l abri\b|\bhebergement d urgence\b|\bcentre d hebergement\b|\bheberge par (?:une|l|1) "
        r"(?:association|asso)\b|\bemmaus\b|\barmee du salut\b|\badoma\b|\bcoallia\b|\bftm\b"
        r"|\b(?:dors|dort|dormir|heberge) (?:a|au) (?:la )?mie de pain\b|\bheberge par le 115\b")),
    ("heberge_gratuitement", 2, re.compile(
        r"\bchez (?:un|une|des|mon|ma|mes|1|le|la|son|sa|ses|d|de|l|les|notre|nos|leur|leurs|cette|ce)?\s*"
        r"(?:(?:\w+ )?(?:" + _PROCHES + r"))\b|\bchez quelquun\b|\bchez l habitant\b|\bchez des gens\b"
        r"|\bheberge (?:chez|par (?:un|une|des|mon|ma|mes|son|sa|ses|leur|leurs|1|quelquun|la famille|"
        r"ma famille|sa famille|la))\b"
        r"|\bheberge gratuitement\b|\bon m heberge\b|\bm heberge\b|\bmon hebergeu(?:r|se)\b"
        r"|\b(?:on me prete|on m a prete|m a prete|me prete) (?:une|un|sa|son|1) (?:chambre|appartement|studio|canape|"
        r"logement|piece)\b|\bdans (?:leur|son|sa) (?:appartement|appart|logement|maison|studio)\b"
        r"|\bje l heberge\b|\b(?:il|elle) (?:dort|vit|habite|loge) chez moi\b|\bloge (?:chez|gratuitement)\b"
        r"|\b(?:dors|dort|dormons|vis|vit|vivons|habite|habitons|loge|reste|restons|heberge) "
        r"chez (?:lui|eux|elles?)\b")),
    ("heberge_gratuitement", 1, re.compile(r"\b(?:suis|est|sommes) heberge\b")),
    ("locataire", 2, re.compile(
        r"\b(?:je|il|elle|on) loue\b|\blouons\b|\bloue (?:un|une|1|mon|ma)\b|\blocataires?\b|\ben location\b"
        r"|\bsous location\b"
        r"|\bsous locataire\b|\bcolocation\b|\bmon loyer\b|\bmon bail\b|\bj ai (?:un|1) bail\b|\bbail a mon nom\b"
        r"|\b(?:moi|maison|appartement|appart|chambre|studio|logement) (?:en |de )?location\b|\ben bail\b|\bbail glissant\b"
        r"|\bchambre (?:au |du |en )?crous\b"
        r"|\bexpulse\w* de (?:mon|notre) (?:appartement|appart|logement|studio|hlm|maison)\b"
        r"|\b(?:(?:le|mon|ma|notre) )?(?:proprietaire|bailleur) (?:veut|va|menace|m a|dit|il veut|me)\b"
        r"|\bmon proprietaire\b|\bma proprietaire\b|\bnotre proprietaire\b|\bmon bailleur\b|\bhlm\b"
        r"|\blogement social\b|\b(?:paie|paye|payons) (?:\d+(?:[.,]\d+)? (?:euros |e )?(?:de |d )?)?"
        r"(?:un |mon |le |notre )?loyer\b")),
    ("proprietaire", 2, re.compile(
        r"\b(?:suis|est|sommes|etre) proprietaire\b(?! (?:de (?:mon|ma) (?:fonds|commerce|voiture)))"
        r"|\bproprietaire de (?:mon|ma|notre|son|sa|mes) (?:logement|appartement|maison|studio|domicile)\b"
        r"|\bj ai achete (?:mon|ma|un|une|1) (?:appartement|maison|logement|studio)\b"
        r"|\b(?:ma|mon|notre) (?:maison|appartement) (?:m appartient|est a moi)\b")),
]
_EXPULSION_FAITE = re.compile(r"\s*(?:il |elle )?(?:(?:m a|m ont|nous a|nous ont|a|ont) )?(?:expulse\w*|mis\w* (?:a la porte|dehors)|"
                              r"vire\w*|jete\w*|fait expulser)")
# Ce que dit un propriétaire à son locataire (menace, loyer) : « le proprio veut me mettre dehors ».
_BAIL_DIT = re.compile(r"\b(?:dehors|partir|quitter|expuls\w*|vir\w*|sortir|rue|recuper\w*|vend\w*|reprendre|loyers?|"
                       r"augment\w*|bail|impaye\w*|relance\w*|huissier|menace\w*|porte|retard|dette|doi[st]|payer)\b")
_LOUE_PAYANT = re.compile(r"\b(?:paie|paye|payons|donne|verse)\b.{0,25}\b(?:loyer|euros|participation|par mois)\b"
                          r"|\bloyer\b")


# « mon proprio veut me mettre dehors » : une menace d'expulsion, pas la rue (R10).
_MENACE = re.compile(r"\b(?:mettre|mis|mise|foutre|jeter|virer|vire|retrouver|finir|etre|me retrouver|nous retrouver|"
                     r"risque d etre|risque de me retrouver)\s*$")
_DORMIR = re.compile(r"\b(?:dors|dort|dormons|dorment|dormir|dormi|couche|couchons|vis|vit|vivons|habite|habitons|"
                     r"loge|logeons|heberge|hebergee|suis|sommes|reste|restons|nuit|nuits)\b")
_PARTICIPE = re.compile(r"\b(?:paie|paye|payons|donne|donnons|donnant|verse|versant|payant|participe|participons|"
                        r"participant|contribue|partage|partageons)\b.{0,40}\b(?:loyer|euros|participation|par mois|charges|factures?|courses|"
                        r"electricite|moitie|part|frais|edf)\b|\bparticip\w* aux (?:charges|frais|factures|courses)\b"
                        r"|\b(?:je|j) (?:lui|leur) (?:donne|verse|paie|paye|file)\b|\bloyer\b"
                        # « une dame qui me demande 200 euros », « payer 250 », « je lui file 100 balles par mois »
                        r"|\b(?:paie|paye|payer|payons|donne|file|verse|demande|demandent|prend|prennent)"
                        r"(?: (?:lui|leur|me|nous|m|moi))? (?:environ |genre |a peu pres )?\d+"
                        r"(?= ?(?:euros?\b|e\b|balles\b|par mois\b|chaque mois\b|/ ?mois\b|le mois\b|[,.;!?]|$))")
_LOUE = re.compile(r"\b(?:je|j|il|elle|on) (?:loue|sous loue)\b|\bsous location\b|\bbail\b|\blocataire\b")


_VERBES_LOGE = {"dors", "dort", "dormons", "dorment", "dormir", "vis", "vit", "vivons", "vivent", "vivre", "habite",
                "habitons", "habitent", "habiter", "loge", "logeons", "heberge", "hebergee", "heberges", "hebergees",
                "suis", "est", "sommes", "sont", "reste", "restons", "installe", "installee", "squatte", "accueilli",
                "accueillie", "moi", "nous", "on", "je", "j"}
_AUTRE_PERSONNE = re.compile(r"\b(?:\d+|un|une|mon|ma|mes|son|sa|ses|nos|leurs?|les|le|la) (?:\w+ )?"
                             r"(?:fille|filles|fils|enfants?|bebes?|bb|gosses|petits?|petites?|garcons?|mari|femme|"
                             r"frere|soeur|mere|pere|parents)\b")


_DEPART = re.compile(r"\b(?:parti|partie|partis|parties|sorti|sortie|sortis|fui|enfui|enfuie|enfuis|echappe\w*|sauve\w*|"
                     r"chasse\w*|vire\w*|jete\w*|mise? dehors|partir|fuir|sortir|quitter) de\s*$")
_QUI_AUTRE = re.compile(r"\b(?:\d+|un|une|mon|ma|mes|son|sa|ses|nos|leurs?|les|le|la) (?:\w+ ){0,4}?"
                        r"(?:fille|filles|fils|enfants?|bebes?|gosses|petits?|petites?|garcons?|aine|ainee|"
                        r"frere|soeur|mere|pere|parents)\b[^.,]{0,30}\bqui\b(?:(?!\b(?:je|j|moi|on|nous)\b).)*$")


_MONTANT_NU = re.compile(r"(?<!paris )(?<!dans le )(?<!le )(?<!en )(?<!depuis )(?<!du )\b(?:[2-9]\d|[1-9]\d{2,3})\b"
                         r"(?! ?(?:ans?|mois|jours?|semaines?|nuits?|enfants?|personnes?|h|heures|e|eme|er|ieme|em|m2|km|"
                         r"arrondissement|fois)\b)")
_REVENU_DIT = re.compile(r"\b(?:touche|gagne|rsa|salaire|are|aah|ada|chomage|retraite|pension|apl|als|caf|bourse|"
                         r"revenus?|ressources?)\b")


def _chez_d_un_autre(a: Analyse, pos: int) -> bool:
    """« chez X » qui suit une autre personne sans verbe de logement entre les deux : son logement à elle."""
    seg = a.segment(pos)
    avant = a.texte[seg.debut:pos].split()
    morceau = []
    for mot in reversed(avant):
        if mot in _VERBES_LOGE:
            break
        morceau.insert(0, mot)
    if "avec" in morceau:
        return False  # « (je vis) avec mes deux enfants chez ma sœur » : la personne y est aussi
    return bool(_AUTRE_PERSONNE.search(" ".join(morceau)))


def logement(a: Analyse, jour: dt.date) -> list[Constat]:
    constats = []
    courrier = a.question in ("adresse_courrier", "domiciliation")
    for valeur, poids, motif in _LOGEMENTS:
        for m in motif.finditer(a.texte):
            if (a.futur(m.start()) and not re.match(r"expulse|(?:(?:le|mon|ma) )?(?:proprietaire|bailleur)", m.group())) \
                    or a.passe(m.start()) or a.hypothese(m.start()):
                continue
            if valeur == "rue" and _MENACE.search(a.texte[max(0, m.start() - 30):m.start()]):
                continue
            if valeur == "centre_hebergement" and m.group().endswith("foyer") and a.mots_avant(m.start(), 1) in (
                    ["femme"], ["mere"], ["homme"], ["pere"], ["maman"], ["papa"], ["reste"], ["restee"]):
                continue  # « femme au foyer » : à la maison, pas un foyer d'hébergement
            if courrier and not _DORMIR.search(a.segment(m.start()).texte):
                continue  # « oui chez ma sœur » à la question du courrier : une adresse, pas un toit
            if m.group().startswith("chez") and _DEPART.search(a.texte, max(0, m.start() - 40), m.start()):
                continue  # « je suis partie de chez mon ex » : d'où elle vient, pas où elle dort
            if not m.group().startswith("chez") and _QUI_AUTRE.search(a.texte, a.segment(m.start()).debut, m.start()):
                continue  # « une fille de 20 ans qui travaille et vit chez elle » : le logement de la fille
            if m.group().startswith("chez") and _chez_d_un_autre(a, m.start()):
                continue  # « j'ai 1 fille en Roumanie chez ma mère » : chez qui vit la fille, pas la personne
            if m.group().startswith("chez") and re.match(r"chez (?:nous|moi|lui|elle|eux)\b", m.group()) and not (
                    a.tiers and re.match(r"chez (?:nous|moi)\b", m.group()) and a.sujet(m.start()) == "personne"):
                continue  # « je dors chez lui » ; mais un aidant : « Mme T. vit chez moi »
            if re.match(r"chez (?:son|sa|ses|leur|leurs)\b", m.group()) and not a.tiers and not re.search(
                    r"\b(?:on|nous|je|j) (?:habite|habitons|vit|vis|vivons|dort|dors|dormons|loge|logeons|est|sommes|suis)\s*$",
                    a.texte[max(0, m.start() - 20):m.start()]):
                continue  # « 1 chez son père » : l'enfant, pas la personne ; mais « on habite chez ses parents »
            if re.search(r"\bqui (?:vit|vivent|dort|dorment|habite|habitent|est|sont)\s*(?:en|au|dans|a)?\s*$",
                         a.texte[max(0, m.start() - 25):m.start()]) and not re.search(
                    r"\b(?:personne|monsieur|madame|dame|patient|patiente|jeune)\s+(?:, )?qui", a.texte[max(0, m.start() - 40):m.start()]):
                continue  # « l'aîné, qui vit en foyer » : quelqu'un d'autre
            if re.search(r"\bheberge\w* chez nous\b", a.texte[m.start():m.end() + 15]) and re.search(
                    r"\b(?:centre|chrs|chu|foyer|educat\w+|intervenant\w*|association)\b", a.texte):
                if re.search(r"\b(?:centre d hebergement|chrs|chu|foyer)\b", a.texte):
                    constats.append(Constat("logement", "centre_hebergement", m.start(), poids=poids))
                continue  # « il est hébergé chez nous » écrit par l'éducateur d'un centre
            if valeur == "locataire" and m.group().startswith("logement social") and a.futur(m.start(), 8):
                continue
            if valeur == "locataire" and re.search(
                    r"\b(?:trouve|trouvee|obtenu|obtenue|propose|proposee|attribue|attribuee|accorde|accordee|eu|visite)"
                    r"(?: \w+)?(?: un| une| 1| le| la)?\s*$", a.texte[max(0, m.start() - 30):m.start()]):
                continue  # « a trouvé un logement social mais ne peut pas payer la caution » : pas encore locataire
            if valeur == "locataire" and re.match(r"(?:(?:le|la|mon|ma|notre) )?(?:proprietaire|bailleur)", m.group()) \
                    and _EXPULSION_FAITE.match(a.texte, m.end()):
                continue  # « depuis que mon proprio m'a expulsé » : l'expulsion est faite, plus locataire (R6)
            if valeur == "locataire" and re.match(r"(?:le |la )?(?:proprietaire|bailleur)", m.group()) and not \
                    _BAIL_DIT.search(a.texte, m.end(), min(len(a.texte), m.end() + 70)):
                continue  # « j'ai visité un studio, le propriétaire veut 2 mois de caution » : pas (encore) son bailleur
            if valeur == "heberge_gratuitement":
                seg = a.segment(m.start())
                phrase = a.texte[seg.debut:m.start()] + " " + a.texte[m.start():m.start() + 160]
                if _LOUE.search(phrase):
                    valeur_m = "locataire"
                elif _PARTICIPE.search(phrase) and not re.search(
                        r"\bsans (?:payer|participer|rien payer)\b|\bgratuit|\b(?:paie|paye|payons|donne) (?:rien|pas|jamais)\b"
                        r"|\bme demande rien\b|\bnous demande rien\b", phrase):
                    valeur_m = "heberge_avec_participation"
                else:
                    valeur_m = valeur
                    suite = re.split(r" [.;!?] ", a.texte[m.start():m.start() + 120], maxsplit=1)[0]
                    if _MONTANT_NU.search(suite) and not _REVENU_DIT.search(suite) and not re.search(
                            r"\bsans (?:payer|participer|rien payer)\b|\bgratuit|\brien\b", suite):
                        continue  # « chez un pote, 150 » : un montant sans dire s'il est payé, on ne devine pas
            else:
                valeur_m = valeur
            nie = a.nie(m.start())
            # « mon propriétaire... » : le bailleur de la personne, même en tête de phrase (sujet « proche »)
            force = (valeur_m == "locataire" and bool(re.match(r"(?:(?:mon|ma|notre|le) )?(?:proprietaire|bailleur)",
                                                               m.group()))) or bool(re.match(r"(?:mon hebergeu|m heberge)",
                                                                                             m.group()))
            constats.append(Constat("logement", valeur_m, m.start(), poids=poids, nie=nie, force=force))
    return constats


# --- Paris ---------------------------------------------------------------------------------------
_ARR = r"(?P<arr>\d{1,2}) ?(?:e|eme|ieme|em|er|ere)?"
_PARIS = re.compile(
    r"\bparis(?:\s+(?:" + _ARR.replace("?P<arr>", "?P<arr1>") + r"))?\b(?! (?:saclay))"
    r"|\b750(?P<cp>[0-2]\d)\b|\b75116\b"
    r"|\bdans le (?P<arr2>\d{1,2}) ?(?:e|eme|ieme|em|er|ere)?\b(?! (?:mois|etage|semaine|annee|jour)\b)"
    r"|\b(?P<arr3>\d{1,2}) ?(?:e|eme|ieme|em|er|ere)? arrondissement\b"
    r"|\b(?:mairie|casvp|ccas|psa|ess|sociale?|commissariat|foyer|chrs|chu|hotel|centre|cada) du "
    r"(?P<arr4>\d{1,2}) ?(?:e|eme|ieme|em|er|ere)?\b(?! (?:etage|mois|siecle|jour)\b)"
    r"|\bparisien(?:ne)?s?\b"
    r"|\b(?P<lieu>" + "|".join(sorted((re.escape(l) for l in LIEUX_PARIS), key=len, reverse=True)) + r")\b"
)
_HORS_PARIS = re.compile(
    r"\b(?:" + "|".join(sorted((re.escape(v) for v in HORS_PARIS), key=len, reverse=True)) + r")\b"
    r"|\bdans le (?:9[1-5]|7[78]|9 3)\b|\ben banlieue\b|\bhors de paris\b|\ben dehors de paris\b"
)
_VIVRE = {"locataire", "locataires", "loue", "louons", "hlm", "studio", "appartement", "chambre", "logement",
          "chrs", "chu", "cada", "squat", "tente", "voiture", "hebergee", "heberges",
          "habite", "habites", "habitons", "habitent", "vis", "vit", "vivons", "vivent", "dors", "dort", "dormons",
          "dorment", "dormir", "reside", "residons", "loge", "heberge", "suis", "est", "sommes", "reste", "restons",
          "squatte", "sdf", "rue", "dehors", "115", "foyer", "hotel", "chez", "installe", "installee",
          "domicile", "vivre", "habiter"}
_TRAVAIL = {"travaille", "bosse", "travail", "emploi", "stage", "formation", "suivi", "suivie", "ecole", "scolarise",
            "menages", "menage", "nettoyage", "chantier", "chantiers", "boulot", "taf", "job", "particuliers",
            "scolarisee", "scolarises", "scolarisees"}
_LIEN = re.compile(
    r"\b(?:travaille|bosse|travail|job|emploi|stage|formation)\b"
    r"|\bsuivie? (?:par|a|au|chez)\b|\b(?:assistante? sociale?|as|eps|psa|casvp|ccas|ssp|referent|referente|"
    r"educatrice|educateur|association|ecole|college|lycee|creche|hopital|medecin|scolarise|scolarisee|"
    r"scolarises|inscrite?|famille|frere|soeur|mere|pere|parents|oncle|tante|cousin|cousine|enfants|fils|"
    r"fille)\b"
)


_SUIVI = re.compile(r"\bsuivie?\b|\bassistante? sociale?\b|\bcasvp\b|\bccas\b|\bpsa\b|\bess\b|\bespace solidarite\b")


# Un lieu dit après des études (« en master à Nanterre », « inscrit en licence à Paris 8 », « au lycée à
# Montreuil ») est le lieu des études : ni un lieu de vie, ni un arrondissement (« Paris 8 » est une université).
_ETUDES = {"master", "licence", "fac", "faculte", "universite", "univ", "ecole", "lycee", "college", "bts", "cap", "dut",
           "but", "inscrit", "inscrite", "inscrits", "etudes", "etudiant", "etudiante", "etudie", "cours", "these",
           "doctorat", "prepa", "iut", "sorbonne", "campus", "classe", "formation", "stage", "alternance", "apprentissage"}


_ADRESSE = {"domicilie", "domiciliee", "domicilies", "domiciliation", "courrier", "courriers", "adresse", "boite"}


def _lieu_d_etudes(a: Analyse, pos: int) -> bool:
    """Le lieu est celui des études (« en master à Nanterre ») ou d'une adresse de courrier (« domicilié au CCAS
    de Montreuil ») : pas un lieu de vie."""
    avant = a.mots_avant(pos, 6)
    if re.search(r"\b(?:en|de|mon|ma) (?:l|m) ?[1-3]\b", " ".join(avant)):
        return True  # « je suis en L2 à Paris 8 » : une université
    for i in range(len(avant) - 1, -1, -1):
        if avant[i] in _ETUDES or avant[i] in _ADRESSE:
            return True
        if avant[i] in ("dors", "dort", "dormons", "vis", "vit", "vivons", "habite", "habitons", "loge", "heberge",
                        "hebergee", "loue", "louons", "chez"):
            return False  # « j'étudie et j'habite à Paris 18e » : le verbe de vie est le plus proche
    return False


_STRUCTURE_PARIS = re.compile(
    r"\b(?:assistante? sociale?|as|travailleu(?:r|se) social\w*|educat(?:eur|rice)\w*|casvp|pmi|ccas|ess|"
    r"espace solidarite\w*|psa|accueil de jour|ase|spip|service social|chu|chrs|centre d hebergement(?: d urgence)?)\b"
    r"[^.?!]{0,40}?(?:\bparis\b|\b(?:du|de la|dans le) \d{1,2} ?(?:e|eme|er)?\b(?! (?:mois|ans?|etage)\b)|\b750\d\d\b)")


_LOGE_DANS = {"heberge", "hebergee", "heberges", "dort", "dors", "dorment", "vit", "vis", "loge", "logee", "reside",
              "est", "sont", "dormir", "orientee", "oriente", "place", "placee"}


def paris(a: Analyse, jour: dt.date) -> tuple[list[Constat], int | None]:
    """Constats ``vit_a_paris`` / ``lien_paris`` et l'arrondissement (ou None)."""
    constats: list[Constat] = []
    arrondissement = None
    zones_paris = []
    for m in _PARIS.finditer(a.texte):
        arr = m.group("arr1") or m.group("arr2") or m.group("arr3") or m.group("arr4")
        n = int(arr) if arr else None
        if m.group("cp"):
            n = int(m.group("cp")) or None
        if m.group("lieu"):
            n = LIEUX_PARIS[m.group("lieu")] or None
        if (m.group("arr2") or m.group("arr3") or m.group("arr4")) and not (n and 1 <= n <= 20):
            continue
        if n is not None and not 1 <= n <= 20:
            n = None
        zones_paris.append((m.start(), m.end()))
        if _lieu_d_etudes(a, m.start()) and a.sujet(m.start()) == "personne" and not re.search(
                r"\b(?:enfants?|fils|filles?|petits?|petites?|gosses|tous|toutes|ils|elles)\b", a.segment(m.start()).texte):
            continue  # « inscrit en licence à Paris 8 » : une université, pas un lieu de vie ni un arrondissement
        seg = a.segment(m.start())
        avant = a.mots_avant(m.start(), 6)
        if m.group("arr2") or m.group("arr4") or m.group("arr1") or m.group("cp"):
            avant = a.mots_avant(m.start(), 9, phrase=True)  # « je dors dans ma voiture, dans le 15e »
        if a.futur(m.start(), 6) and not any(v in avant for v in ("dors", "vis", "habite", "dort", "vit")) and not re.search(
                r"\b(?:va|vont) (?:a l ecole|au college|au lycee|a la creche)\b", seg.texte):
            continue
        # « ni à Paris ni ailleurs » ; mais « il vit à Paris 13e sans payer » : « sans » ne nie que ce qu'il précède
        nie = a.nie(m.start(), 6) or bool(re.search(r"\b(?:ni|aucun|aucune)\b", seg.texte)) \
            or a.mots_avant(m.start(), 2)[-2:-1] == ["sans"] or a.mots_avant(m.start(), 1) == ["sans"]
        if _SUIVI.search(" ".join(avant)):
            if not nie and a.sujet(m.start()) == "personne" and not a.passe(m.start()):
                constats.append(Constat("lien_paris", True, m.start()))
                if n and not m.group("lieu"):
                    constats.append(Constat("arrondissement", n, m.start()))
        elif any(v in _TRAVAIL for v in a.mots_avant(m.start(), 9)):
            if not nie and a.sujet(m.start()) == "personne" and not a.passe(m.start()):
                constats.append(Constat("lien_paris", True, m.start()))
            elif not nie and a.sujet(m.start()) in ("famille", "enfant", "conjoint", "foyer") and re.search(
                    r"\b(?:ecole|college|lycee|creche|scolaris\w*|travaille|bosse)\b", seg.texte):
                constats.append(Constat("lien_paris", True, m.start(), force=True))  # « ma fille est à l'école à Paris »
        elif any(v in _VIVRE for v in avant) and a.sujet(m.start()) in ("famille", "enfant") and not nie \
                and not a.tiers and re.match(r"(?:\w+ )?(?:ma|mon|mes) ", seg.texte):
            constats.append(Constat("lien_paris", True, m.start(), force=True))  # « ma fille habite à Paris »
        elif (any(v in _VIVRE for v in avant) or "parisien" in m.group()) and not (
                m.group("lieu") and re.search(r"\b(?:vers|pres de|pres d|a cote de|du cote de|autour de|c est)\s*(?:la |le |l )?$",
                                              a.texte[max(0, m.start() - 16):m.start()])):
            if a.sujet(m.start()) in ("personne", "foyer", "conjoint") and not a.passe(m.start()):
                constats.append(Constat("vit_a_paris", not nie, m.start(), nie=False))
                if not nie and n and not m.group("lieu"):
                    arrondissement = n
                    constats.append(Constat("arrondissement", n, m.start()))
        elif a.sujet(m.start()) in ("famille", "enfant", "conjoint") and not nie and (
                any(v in _VIVRE for v in avant) or re.search(r"\b(?:ecole|college|lycee|creche|scolaris\w*)\b", seg.texte)):
            constats.append(Constat("lien_paris", True, m.start(), force=True))  # « ma fille est à l'école à Paris »
        elif (m.group("arr2") or m.group("arr1") or m.group("arr3") or m.group("cp")) and n \
                and a.question in ("arrondissement", "vit_a_paris") and not nie and a.sujet(m.start()) == "personne" \
                and not a.passe(m.start(), 9) and not a.futur(m.start()):
            arrondissement = n
            constats.append(Constat("arrondissement", n, m.start()))
    if a.tiers:
        m = _STRUCTURE_PARIS.search(a.texte)
        if m and not a.nie(m.start()) and not any(
                v in _LOGE_DANS for v in a.mots_avant(m.start(), 4)):  # « hébergé au CHU (Paris 13e) » : un toit
            # « assistante sociale à la PMI du 10e », « SPIP de Paris » : la personne est suivie à Paris
            constats.append(Constat("lien_paris", True, m.start(), force=True))
    for m in _HORS_PARIS.finditer(a.texte):
        if any(d < m.end() and m.start() < f for d, f in zones_paris):
            continue  # « gare de Lyon », « porte Saint-Denis » : c'est Paris
        avant = a.mots_avant(m.start(), 6)
        if any(v in ("ne", "nee", "nes", "nees", "naissance") for v in avant):
            continue  # « né à Bobigny » : pas où la personne vit
        if _lieu_d_etudes(a, m.start()):
            continue  # « je suis en master à Nanterre » : le lieu des études
        if any(v in _VIVRE for v in avant) and not a.futur(m.start()) and not a.nie(m.start(), 6) \
                and not a.passe(m.start()) and a.sujet(m.start()) in ("personne", "foyer"):
            if "travaille" in avant or "bosse" in avant:
                continue
            constats.append(Constat("vit_a_paris", False, m.start()))
    return constats, arrondissement


# --- courrier et domiciliation -------------------------------------------------------------------
_COURRIER_OUI = re.compile(
    r"\b(?:peux|peut|pouvons|pourrais|puis) recevoir (?:du|le|mon|mes|des|son|ses|mon|de) (?:courriers?|lettres?)\b"
    r"|\b(?:je |il |elle |on )?(?:recois|recoit|recevons|recupere) (?:mon|mes|le|du|son|ses|les) (?:courriers?|"
    r"lettres?)\b|\bj ai (?:une|1) (?:adresse|boite aux lettres)\b(?! (?:mail|email|e mail|electronique|gmail)\b)"
    r"|\badresse (?:stable|fixe|postale)\b|\b(?:mon|son) courrier (?:arrive|va|est envoye) (?:chez|a|au)\b"
    r"|\bboite aux lettres\b"
)
_COURRIER_NON = re.compile(
    r"\b(?:pas|plus|aucune?|sans)\s+(?:d |de |des )?(?:adresse|boite aux lettres|courrier)\b"
    r"(?! (?:mail|email|e mail|electronique|gmail)\b)"
    r"|\b(?:recois|recoit|recevons) (?:pas|rien|jamais|plus)\b|\bpeux pas recevoir\b|\bpeut pas recevoir\b"
    r"|\b(?:recevoir|recois|recoit|recevons|arrive|arrivent)(?: \w+){0,3} nulle part\b"
    r"|\b(?:aucune?|pas de|sans) (?:lettres?|courriers?)\b"
    r"|\bcourriers? (?:se perd|perdus?|ne m arrive|n arrive|arrive pas|arrivent pas|se perdent)\b"
    r"|\bpas de domicile\b|\bnulle part pour (?:le|mon) courrier\b"
)
_DOMICILIATION_OUI = re.compile(
    r"\b(?:j ai|il a|elle a|on a|avons|ai|a) (?:une|1|ma|sa|la|deja une|deja 1) domiciliation\b"
    r"|\bdomicilie\b|\belection de domicile\b|\battestation de (?:domiciliation|domicile)\b"
    r"|\badresse administrative\b|\b(?:ma|sa|notre) domiciliation\b|\brenouveler (?:ma|sa|la) domiciliation\b"
    r"|\b(?:est|sont|suis|sommes) domicilie\w* (?:au|a la|a l|chez|dans)\b"
)
_DOMICILIATION_NON = re.compile(
    r"\b(?:pas|plus|aucune|sans|jamais)\s+(?:encore |eu |jamais eu |encore eu )?(?:de |d )?(?:domiciliation|domicilie)\b"
    r"|\b(?:domiciliation|domicilie)\s+(?:a |est )?(?:expire|expiree|perimee|finie|terminee|plus valable|"
    r"fini|termine)\b|\b(?:elle|j en avais une\b.{0,40}\belle) (?:a |est )?(?:expire|expiree|perimee|finie|terminee|fini)\b"
    r"|\b(?:cherche|veux|voudrais|besoin d|besoin de|faire|demander|obtenir|avoir|trouver|comment)\s+(?:une |1 )?"
    r"(?:domiciliation)\b"
)


def courrier(a: Analyse, jour: dt.date) -> list[Constat]:
    constats = []
    for m in _COURRIER_OUI.finditer(a.texte):
        if a.futur(m.start()) and "peux" not in m.group():
            continue
        constats.append(Constat("adresse_courrier", not a.nie(m.start()), m.start()))
    for m in _COURRIER_NON.finditer(a.texte):
        constats.append(Constat("adresse_courrier", False, m.start(), poids=2))
    return constats


def domiciliation(a: Analyse, jour: dt.date) -> list[Constat]:
    constats = []
    pris = []
    if a.question == "domiciliation" and re.match(r"(?:non )?pas encore\b", a.texte):
        constats.append(Constat("domiciliation", False, 0, poids=2))
    for m in _DOMICILIATION_NON.finditer(a.texte):
        if m.group().startswith(("elle", "j en avais")) and a.question != "domiciliation" and "domicil" not in a.texte:
            continue
        if a.hypothese(m.start()):
            continue  # « si je n'ai pas de domiciliation, est-ce que... » : une hypothèse
        pris.append((m.start(), m.end()))
        if m.group().startswith(("comment", "avoir")) and re.search(r"\brenouvel", a.texte):
            continue
        constats.append(Constat("domiciliation", False, m.start(), poids=2))
    for m in _DOMICILIATION_OUI.finditer(a.texte):
        if any(d <= m.start() < f for d, f in pris):
            continue
        if a.futur(m.start()) and "renouvel" not in m.group() and "ma " not in m.group():
            continue
        if a.passe(m.start()):
            continue
        constats.append(Constat("domiciliation", not a.nie(m.start()), m.start()))
    return constats


# --- difficultés de logement (FSL) ---------------------------------------------------------------
# Entre le mot de la dette et celui du loyer (ou de l'énergie) : quelques mots, sans passer un « mais »
# (« pas de dettes mais le loyer est en retard » : c'est le loyer qui est en retard).
_DETTE = (r"(?:factures?|dettes?|impayes?|impayees?|retards?|coupure|coupe|coupee|relances?|payer|payes?|payees?|"
          r"regler|regle|dois|doit|devons|huissier|arrieres?|rappel|mise en demeure|pas pu|peux plus|peut plus)")
_DIFFICULTES: list[tuple[str, re.Pattern]] = [
    ("impayes_loyer", re.compile(
        r"\bloyers? (?:impayes?|impayees?|en retard|pas payes?|non payes?)\b|\bimpayes? (?:de|d) loyers?\b"
        r"|\bretards? (?:de|d|dans le|dans les|pour le) (?:paiement (?:du |des )?)?loyers?\b"
        r"|\b(?:dettes?|retards?|impayes?|arrieres?)\b(?:\s+(?!mais\b|sauf\b|par contre\b)\S+){0,4}?\s+(?:de |d |du |des |mon |le )?loyers?\b"
        r"|\bloyers?\b(?:\s+(?!mais\b|sauf\b|par contre\b)\S+){0,3}?\s+(?:de |en )?(?:retard|impayes?|pas payes?)\b"
        r"|\bdettes? (?:de|d) loyers?\b|\bdette locative\b|\barrieres? (?:de )?loyers?\b"
        r"|\b(?:dois|doit|devons) (?:\d+ mois de |\d+ euros de |des |du |mon |le )?loyers?\b"
        r"|\b(?:peux|peut|pouvons|arrive|arrivons) (?:plus|pas) (?:a )?payer (?:mon|le|notre|son) loyer\b"
        r"|\bpas pu payer (?:mon|le|notre|son|les) loyers?\b"
        r"|\b(?:paie|paye|payons|payer|regle) (?:plus|pas|jamais) (?:le|mon|notre|son|les|mes) loyers?\b"
        r"|\b(?:pas|plus|jamais) (?:pu )?(?:paye|payee|payer|regle) (?:\d+ mois (?:de |d ))?(?:le |mon |les |mes |notre |de )?"
        r"loyers?\b|\b\d+ mois de loyers? (?:en )?retard\b"
        r"|\bcommandement de payer\b")),
    ("factures_energie", re.compile(
        r"\b" + _DETTE + r"\b(?:\s+(?!mais\b|sauf\b|par contre\b)\S+){0,4}?\s+(?:edf|engie|electricite|elec|electrique|gaz|energie|courant|"
        r"chauffage|totalenergies|total energies)\b"
        r"|\b(?:edf|engie|electricite|elec|gaz|energie|courant|chauffage|totalenergies)\b(?:\s+(?!mais\b|sauf\b|par contre\b)\S+){0,4}?\s+"
        + _DETTE + r"\b|\bfactures? (?:d |de l |de )?(?:edf|engie|electricite|gaz|energie)\b")),
    ("factures_eau", re.compile(
        r"\b" + _DETTE + r"\b(?:\s+(?!mais\b|sauf\b|par contre\b)\S+){0,4}?\s+(?:d |de l |l )?(?:eau|veolia|suez|eau de paris)\b"
        r"|\b(?:eau|veolia|suez)\b(?:\s+(?!mais\b|sauf\b|par contre\b)\S+){0,4}?\s+" + _DETTE + r"\b|\bfactures? (?:d |de l )?eau\b")),
    ("entree_logement", re.compile(
        r"\bcaution\b|\bdepot de garantie\b|\bpremier loyer\b|\b1 er loyer\b|\bassurance habitation\b"
        r"|\bfrais d (?:agence|installation|entree)\b|\bemmenager\b|\bemmenagement\b|\bdemenagement\b"
        r"|\bentree dans (?:un|le|mon|1) (?:logement|appartement|studio)\b"
        r"|\bentrer dans (?:un|le|mon|1) (?:logement|appartement|studio)\b"
        r"|\b(?:ai|a|avons|viens de|vient de|venons de) (?:trouve|trouver|eu|obtenu|signe|signer) (?:un|1) "
        r"(?:appartement|logement|studio|bail)\b"
        r"|\bnouveau logement\b|\bnouvel appartement\b|\bsigner (?:le|un|mon) bail\b|\bmeubler\b")),
]
_AUCUNE_DIFFICULTE = re.compile(
    r"\b(?:aucune|pas de|pas d|sans) (?:difficulte|dette|dettes|impaye|impayes|probleme de (?:loyer|logement|"
    r"factures?))s?\b"
)
# « rien de tout ça », « aucune de ces » : seulement en réponse à la liste des difficultés (joué à la main le
# 3/12/2026 : « non rien de tout ça » à la nationalité donnait « aucune difficulté de logement »).
_AUCUNE_DE_CES = re.compile(r"\brien de tout ca\b|\baucune de ces\b")


def difficultes(a: Analyse, jour: dt.date) -> list[Constat]:
    constats = []
    for valeur, motif in _DIFFICULTES:
        for m in motif.finditer(a.texte):
            if a.passe(m.start()):
                continue
            if valeur == "entree_logement" and a.futur(m.start()) and not re.search(
                    r"caution|garantie|premier loyer|assurance|frais|emmenag|demenag|meubler", m.group()):
                continue
            if valeur in ("factures_energie", "factures_eau") and re.search(r"\bpayee?s?\b|\bregle\b", m.group()) \
                    and not re.search(r"\bpas\b|\bplus\b|\bnon\b|\bfacture|\bdette|\bimpaye|\bretard|\bdois|\bcoup",
                                      a.texte[max(0, m.start() - 30):m.end() + 15]):
                continue
            nie = a.nie(m.start()) and not re.match(r"(?:paye|payee|payes|payer|regle|pas pu|peux plus|peut plus)\b",
                                                     m.group()) and not re.search(
                r"\b(?:payer|regler|paye)\b", " ".join(a.mots_avant(m.start(), 3)))  # « je ne peux pas payer la caution »
            constats.append(Constat("difficultes_logement", valeur, m.start(), nie=nie))
    aucune = [_AUCUNE_DIFFICULTE, _AUCUNE_DE_CES] if a.question == "difficultes_logement" else [_AUCUNE_DIFFICULTE]
    for motif in aucune:
        for m in motif.finditer(a.texte):
            constats.append(Constat("difficultes_logement", None, m.start()))
    return constats

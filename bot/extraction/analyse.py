"""Découpage d'un texte normalisé en propositions, sujet de chaque proposition, forme (vous / il / elle).

Une proposition s'arrête à la ponctuation, à « mais », « car », « parce que »..., et à « et »
suivi d'un pronom sujet (« je touche 450 et il touche 800 »).

Le sujet d'une proposition dit à qui appartient un fait :

- ``personne`` : la personne dont on évalue les droits (« je... », ou « il / elle / Monsieur X »
  quand un aidant parle) ;
- ``conjoint`` : son ou sa partenaire (« ma femme est enceinte ») : faits du foyer seulement ;
- ``enfant``, ``famille``, ``ami`` : d'autres personnes (« mon frère est locataire » ne dit rien
  du logement de la personne) ;
- ``aidant`` : la ou le professionnel qui écrit (« je suis assistante sociale »).

Une proposition sans sujet (« 34 ans, sans papiers ») garde le sujet de la précédente.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .vocabulaire import BOOLEEN, CHAMPS
from .rapide import motif

_CONJONCTIONS = re.compile(
    r"\s(?:mais|car|parce que|puisque|donc|alors que|sauf que|par contre|cependant|pourtant|sinon|"
    r"(?:et|ou|puis) (?=(?:je|j|il|elle|on|nous|moi)\b)|(?:et|puis) (?=(?:ma|mon|mes) (?:femme|mari|copain|copine|"
    r"compagnon|compagne|conjoint|conjointe|epoux|epouse)\b))\b\s?"  # \b : « carte », « maison » ne sont pas coupés
)
_FIN_PHRASE = re.compile(r"\s?[.;!?:]\s?")

CONJOINT = (r"femme|epouse|conjointe|compagne|copine|mari|epoux|conjoint|compagnon|copain|concubin|concubine|"
            r"partenaire|fiance|fiancee")
ENFANT = (r"fils|fille|filles|enfants|bebe|bebes|petit(?! (?:travail|boulot|job|salaire|studio|appartement|logement|peu|"
          r"dej|dejeuner|revenu|truc|chose|hotel|foyer))|petite(?! (?:retraite|pension|somme|chambre|aide))|petits|petites|gosses|ado|nourrisson|jumeaux|"
          r"jumelles|garcon|garcons|aine|ainee|cadet|cadette|dernier|derniere|plus jeune|plus petit|plus petite|"
          r"grand(?! (?:mere|pere|parents|frere|soeur))|grande(?! soeur)|premier|premiere|troisieme|deuxieme")
FAMILLE = (r"frere|freres|soeur|soeurs|mere|pere|parents|cousin|cousine|cousins|oncle|tante|tonton|tata|famille|"
           r"grand mere|grand pere|grands parents|beau frere|belle soeur|beau pere|belle mere|neveu|niece|maman|papa|"
           r"belle fille|beau fils|bru|gendre|petite fille|petit fils|petits enfants|fratrie")
AMI = (r"pote|potes|ami|amie|amis|amies|copains|copines|voisin|voisine|voisins|colocataire|collegue|collegues|"
       r"compatriote|connaissance|gars|mec|type|coloc|colocation|proprietaire|bailleur|hebergeur|hebergeuse|"
       r"ex(?! (?:mari|femme|epoux|epouse|copain|copine|conjointe?|compagnon|compagne)\b)")  # « mon ex » : hors du foyer

_DEBUT_SUJET = re.compile(
    r"^(?:(?:et|mais|puis|alors|aussi|sinon|en plus|oui|non|pour|quant a|moi non|moi oui|c est|c etait|c|"
    r"sur|parmi)\s+)*"
    r"(?:(?:ma|mon|mes|sa|son|ses|notre|nos|leur|leurs|le|la|les|l)\s+)(?:\d+\s+)?"
    r"(?:(?P<conjoint>" + CONJOINT + r")|(?P<famille>" + FAMILLE + r")|(?P<enfant>" + ENFANT + r")|"
    r"(?P<ami>" + AMI + r"))\b"
    r"|^(?:(?:et|mais|puis|alors|oui|non|c est|c)\s+)*(?P<autres>ils|elles|eux)\b"
)
_MENTION_PROCHE = re.compile(
    r"\b(?:ma|mon|mes|sa|son|ses|notre|nos|le|la|les|l)\s+(?:\d+\s+)?"
    r"(?:(?P<conjoint>" + CONJOINT + r")|(?P<famille>" + FAMILLE + r")|(?P<enfant>" + ENFANT + r")|"
    r"(?P<ami>" + AMI + r"))\b"
)
_PREMIERE = re.compile(r"\b(?:je|j|on|nous)\b|(?<!\bchez )(?<!\bavec )(?<!\bpour )(?<!\bde )(?<!\bsans )"
                       r"(?<!\bque )(?<!\ba )\bmoi\b")
_PERSONNEL = re.compile(r"\b(?:je|j|il|elle|on|nous|moi|mon|ma|mes|son|sa|ses|notre|nos)\b")
_POSSESSIF_1 = re.compile(r"\b(?:mon|ma|mes)\b")
_IMPERSONNEL = (r"(?!\s+(?:y a|y avait|(?:me |m |nous |vous |te |t |lui |leur )?(?:faut|fallait|reste|restait|"
                r"manque|manquait)|fait (?:froid|chaud|beau|nuit|jour)|s agit|parait|pleut|semble|suffit|"
                r"est (?:possible|difficile|temps|tard|urgent|important|"
                r"necessaire|vrai|clair|normal|interdit|impossible|dur|complique|facile)"
                r"|(?:a |est |n est |n a |a ete |est plus |n est plus )?(?:pas )?(?:expire\w*|perime\w*|fini|finie|termine\w*|"
                r"renouvele\w*|valable|valide|coupe\w*|suspendu\w*))\b)")  # « elle a expiré » : le titre, pas une personne
_TROISIEME = motif(r"(?<!\bs )(?<!\bchez )(?<!\bavec )(?<!\bpour )(?<!\bde )(?<!\bsans )(?<!\ba )"
                        r"(?<!\bque )(?<!\bqu )\b(?P<p>il|elle)\b" + _IMPERSONNEL)

# La personne aidée, nommée par un aidant.
_PERSONNE_AIDEE = re.compile(
    r"\b(?:la personne|cette personne|une personne|le monsieur|ce monsieur|un monsieur|la dame|cette dame|"
    r"une dame|l usager|un usager|une usagere|l usagere|le beneficiaire|la beneficiaire|un beneficiaire|"
    r"une beneficiaire|mon patient|ma patiente|le patient|la patiente|j accompagne|que j accompagne|"
    r"nous accompagnons|que nous accompagnons|j oriente)\b"
)
# Indices d'un aidant qui parle d'une autre personne (la personne aidée, ou l'aidant qui se présente).
_AIDANT = re.compile(
    r"\b(?:la personne|cette personne|une personne|le monsieur|ce monsieur|un monsieur|la dame|cette dame|"
    r"une dame|l usager|un usager|une usagere|l usagere|le beneficiaire|la beneficiaire|un beneficiaire|"
    r"une beneficiaire|mon patient|ma patiente|le patient|la patiente|j accompagne|que j accompagne|"
    r"nous accompagnons|que nous accompagnons|j oriente|je suis (?:assistante?|assistant|travailleu(?:r|se)|"
    r"educat(?:eur|rice)|benevole|intervenante?|referente?|conseill(?:er|ere)|mediat(?:eur|rice)|"
    r"infirmi(?:er|ere)|medecin|juriste|ecrivain public)|je (?:vous |te )?(?:demande|viens|"
    r"ecris|appelle|contacte|ecrit|ecri) (?:pour|au nom de) (?:un|une|mon|ma|quelquun|madame|monsieur|mme)"
    r"|je suis (?:son|sa|le|la) (?:fils|fille|frere|soeur|voisin|voisine|mari|femme|neveu|niece|cousin|cousine|ami|"
    r"amie|hebergeur|hebergeuse|conseill\w+|referente?|assistante?)|j ecris pour|pour qui je (?:vous )?ecris|pour (?:un|une) (?:ami|amie|proche|personne|"
    r"monsieur|dame|jeune)|c est pour (?:un|une|mon|ma) \w+|je me renseigne pour)\b"
    r"|^(?:bonjour |bonsoir |salut )?(?:c est )?pour (?:mon|ma) (?:frere|soeur|mere|pere|fils|fille|oncle|tante|cousin|"
    r"cousine|ami|amie|pote|voisin|voisine|mari|femme|grand mere|grand pere|maman|papa)\b"
)
# « un homme de 50 ans », « une femme seule » : une description, à la 3e personne sans « je ».
_DESCRIPTION = re.compile(r"^(?:bonjour |bonsoir )?(?:un|une|1) (?:homme|femme|jeune|monsieur|dame|garcon|fille|"
                          r"mineur|mineure|personne)\b")
_CIVILITE = motif(r"(?<!bonjour )(?<!bonsoir )(?<!merci )(?<!salut )(?<!pardon )(?<!revoir )(?<!je suis )"
                       r"(?<!appelle )(?<!c est )(?<!moi )"
                       r"\b(?P<civ>monsieur|madame|mademoiselle)\b"
                       r"(?! le robot| la robot| ?[,.!?:]| je\b| j\b| svp\b| s il\b| merci\b| bonjour\b| ?$)")

# Indices de genre (quand un aidant parle).
_FEMININ = re.compile(
    r"\b(?:elle|madame|mademoiselle|la dame|une dame|cette dame|une femme|la femme|cette femme|"
    r"jeune femme|la patiente|ma patiente|l usagere|une usagere|la beneficiaire|une beneficiaire|"
    r"son mari|son epoux|son compagnon|son copain|pour ma (?:mere|soeur|tante|cousine|fille|amie|voisine|"
    r"grand mere|maman)|une amie|la jeune fille|une jeune fille|la mere|une mere|mere de|maman de)\b"
)
_MASCULIN = re.compile(
    r"\b(?:il|monsieur|le monsieur|ce monsieur|un monsieur|un homme|l homme|cet homme|jeune homme|"
    r"le patient|mon patient|un usager|le beneficiaire|un beneficiaire|sa femme|son epouse|sa compagne|"
    r"sa copine|pour mon (?:pere|frere|oncle|cousin|fils|ami|voisin|pote|grand pere)|un ami|le pere|"
    r"un pere|pere de|papa de)\b"
)
_PERSONNE_NOMMEE = re.compile(r"\b(?:la personne|cette personne|une personne)\b")

# négation -> distance maximale (en mots) jusqu'au fait nié : « sans » et « aucun » ne portent que sur
# le mot qui suit (« sans papiers j'ai un titre » ne nie pas « titre »).
_NEGATIONS = {"pas": 4, "plus": 4, "jamais": 4, "nullement": 4, "guere": 4, "non": 2, "ni": 1, "sans": 1,
              "aucun": 1, "aucune": 1, "rien": 1}
_ARRETS = {"mais", "et", "que", "qui", "si", "ou", "car", "donc", "quand", "lorsque", "puis", ",", ".", "je", "j",
           "il", "elle", "on", "nous", "vous", "ils", "elles", "moi"}
_PRONOM_SUJET = re.compile(r"(?:je|j|il|elle|on|nous)\b")
_PASSE = {"avant", "etais", "etait", "etions", "etiez", "etaient", "avais", "avait", "avions", "aviez",
          "avaient", "ancien", "ancienne", "anciennement", "autrefois", "auparavant", "precedemment",
          "jadis", "fus", "fut", "touchais", "touchait", "gagnais", "gagnait", "percevais", "percevait",
          "habitais", "habitait", "dormais", "dormait", "vivais", "vivait", "louais", "louait"}
_FUTUR = {"vais", "va", "vont", "allons", "risque", "risquer", "peur", "bientot", "demain", "menace",
          "menacee", "pourrais", "pourrait", "veux", "voudrais", "voudrait", "souhaite", "souhaiterais",
          "cherche", "chercher", "recherche", "besoin", "demande", "demander", "aimerais", "aimerait",
          "attends", "attend", "attente", "trouver", "obtenir", "avoir", "faire", "comment", "quoi", "faut",
          "serai", "sera", "seras", "seront", "devenir", "dois", "doit", "espere"}

_FUTUR |= {"veut", "veulent", "voulait", "menacent", "menace", "aurai", "aura", "aurons", "serais", "serait",
           "aurais", "aurait", "pourrai", "pourra", "ira", "irai", "prochain", "prochaine", "futur", "future",
           "envisage", "prevu", "prevois", "essaie", "essaye", "essayer", "espere", "esperons",
           "propose", "proposee", "proposes", "proposition"}  # « on m'a proposé un logement dans le 19e » : pas encore
_TEMPS_APRES = re.compile(r"\b(?:bientot|prochainement|prochaine?|demain|pro)\b")
_FUTUR_APRES = {"bientot", "prochainement", "prochain", "prochaine", "demain"}
MOIS_NOMS = {"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
             "novembre", "decembre", "semaine", "mois", "annee", "rentree"}
_FOURCHETTE = re.compile(r"\bentre (\d+(?:[.,]\d+)?) et (\d+(?:[.,]\d+)?)\b")
# futur simple : « toucherai », « serai », « aurai », « dormirai » (pas « vrai »)
_VERBE_FUTUR = re.compile(r"(?!vrai$)\w{2,}(?:erai|irai|rai|eras|iras|erons|eront)")
# « une personne de 25 ans sans enfant a-t-elle droit au RSA ? » : une question sur les règles
_QUESTION_GENERALE = re.compile(r"\b(?:une|un) (?:personne|homme|femme|famille|jeune|etudiant|etudiante|etranger|"
                                r"etrangere|mere|pere|couple|retraite)\b|\b(?:a t elle|a t il|ont ils|peut on|doit on)\b")
# Marques d'une question (R14), lues sur le texte normalisé (sans traits d'union ni accents) :
# « est-ce que », « qu'est-ce », « c'est quoi / combien », un mot interrogatif en tête de proposition,
# un sujet inversé (« peut-elle », « a-t-il », « faut-il », « ai-je ») et « je voudrais savoir si ».
_INTERROGATIF = motif(
    r"\best ce (?:que|qu|k|kon)\b|\bqu est ce\b|\bc est (?:quoi|combien|comment|ou|qui)\b|\bc (?:quoi|koi|combien)\b"
    r"|^(?:(?:et|mais|alors|donc|bonjour|oui|non|moi|euh)\s+)*(?:combien|comment|pourquoi|quel|quelle|quels|quelles|"
    r"quand est|ou est|ou sont|ou (?:faire|aller|trouver|demander))\b"
    r"|\b(?:peut|peuvent|doit|doivent|faut|puis|dois|pourrait|pourrais|faudrait|devrait|devrais) (?:t )?"
    r"(?:il|elle|on|je|ils|elles)\b|\b(?:a|va|y a) t (?:il|elle|on)\b|\b(?:ai|suis) je\b|\bont ils\b|\bsont ils\b"
    r"|\b(?:je )?(?:voudrais|veux|voulais|aimerais|souhaite|souhaiterais|cherche a) (?:savoir|comprendre|connaitre)\b"
    r"|\bje me (?:demande|demandais)\b|\bje (?:pose|vous pose) (?:la|une) question\b|\bma question\b"
    r"|\bdroits? a quoi\b|\ba quoi (?:j |je |il |elle |on )?(?:ai|a|aurai|aura|aurais|aurait) droit\b"
)
# Une phrase sur les règles, même sans « ? » : un sujet général (« les étudiants », « une femme enceinte »,
# « quand on est... ») avec un mot de droit (« ont droit », « peut avoir », « il faut »), sans « je » ni « mon ».
_SUJET_GENERAL = re.compile(
    r"(?:^|[,.;:!?] )(?:(?:et|mais|alors|bonjour|donc|oui|non)\s+)*(?:les|des|une|un|1)\s+(?:personnes?|femmes?|hommes?|familles?|"
    r"etrangers?|etrangeres?|sans papiers|demandeu(?:r|se|rs|ses)|etudiante?s?|meres?|peres?|jeunes?|couples?|retraitee?s?|"
    r"salariee?s?|refugiee?s?|parents?|gens|mineure?s?|majeure?s?|locataires?|beneficiaires?)\b"
    r"|\b(?:quand|si|lorsque|lorsqu) on\b|\bpour (?:avoir|toucher|obtenir|beneficier)\b"
)
_MOT_DE_DROIT = re.compile(r"\b(?:droit|droits|peut|peuvent|faut|fallait|doit|doivent|suffit|plafond|conditions?|"
                           r"eligibles?|ouvre|ouvrent)\b")
_PREMIERE_OU_AIDANT = re.compile(r"\b(?:je|j|moi|mon|ma|mes|nous|notre|nos|madame|monsieur|accompagne)\b")
# Après une question, une proposition qui commence par « je / j' / moi / on » redit la situation de la personne
# (« Je voudrais savoir si j'ai droit au RSA, j'ai 26 ans ») : elle n'est pas dans la question.
_DECLARATION = re.compile(r"\s*(?:(?:et|mais|donc|alors|sinon|car)\s+)?(?:je|j|moi|on|nous)\b(?! (?:peux|peut|pourrais|"
                          r"pourrait|dois|doit|devrais|aurais|aurait|ai droit|a droit)\b)")
# « jai 22 ans est ce que jai droit au rsa » (SMS, sans virgule) : « est-ce que » au milieu d'une proposition
# ouvre une nouvelle proposition ; ce qui précède reste une déclaration.
_QUESTION_APRES_DECLARATION = re.compile(r"(?<=\w) (?=est ce (?:que|qu|k|kon)\b)")
_ANNONCE_QUESTION = re.compile(r"\bquestion\b|\bje (?:voudrais|veux|aimerais) savoir\b|\bje me demande\b")
_NOMS_AIDES = (r"frere|soeur|mere|pere|oncle|tante|cousin|cousine|grand mere|grand pere|maman|papa|fils|fille|neveu|"
               r"niece|voisin|voisine|ami|amie|pote")
_PROCHE_AIDE = re.compile(
    r"\b(?:pour|au nom de|pr) (?:mon|ma) (?P<nom>" + _NOMS_AIDES + r")\b(?! (?:et|qui a|qui est) (?:moi|je))"
    r"|^(?:(?:bonjour|bonsoir|salut|slt|bjr|allo|oui)\s*,?\s*)*(?:c est pour |je vous ecris pour |j ecris pour )?"
    r"(?:mon|ma) (?P<nom2>" + _NOMS_AIDES + r")(?: \w+)? (?:a \d+ ans|qui a \d+ ans|\d+ ans)\b"
)
_ECRIT_POUR_LUI = motif(r"\b(?P<qui>celui|celle) pour qui (?:je|j)\b"
                             r"|\b(?:j |je )?(?:vous |te )?(?:ecris|ecrit|ecri|demande|remplis|appelle) pour (?:lui|elle)\b")
_PROCHE_NOMME = re.compile(r"\b(?:mon|ma) (?P<nom>" + _NOMS_AIDES + r"|mari|femme|epoux|epouse|compagnon|compagne|conjoint|"
                           r"conjointe)\b")
_ECRIT_POUR = re.compile(r"\bje (?:vous |te )?(?:ecris|ecri|contacte|demande|appelle) (?:pour|a sa place|en son nom)\b"
                         r"|\bj ecris pour\b|\bje vous ecris\b|\bje l (?:heberge|aide|accompagne)\b"
                         r"|\bje suis (?:son|sa|le|la) \w+\b")
_AIDANT_CONJOINT = re.compile(r"\bpour (?:mon|ma) (?:" + CONJOINT + r")\b")
_NULLE_PART = re.compile(r"\bnulle part\b")
_ETRE = {"suis", "es", "est", "sommes", "etes", "sont", "etre", "etais", "etait", "ete", "nee", "nes", "nees"}
# mots qui, après « ne », confirment une négation (« ne ... pas / plus / jamais / rien / personne / aucun »)
_NEGATIONS_APRES = {"pas", "plus", "jamais", "rien", "personne", "aucun", "aucune", "nulle", "guere", "point", "ni"}
# ce qui peut précéder le « non » qui répond (« euh non », « bah non », « oh non ») : rien d'autre
_OUVERTURES = {"euh", "ah", "oh", "bah", "ben", "alors", "bonjour", "bonsoir", "non", ",", ".", "!", "madame",
               "monsieur", "hmm", "heu"}
# La personne dite avec d'autres (conjoint, enfants) : un « ils / elles » qui suit peut être le foyer.
_GROUPE_AVEC_PERSONNE = motif(
    r"\b(?:en couple avec|mariee? (?:avec|a)|(?:vit|vivent|habite|habitent|heberge\w*|dort|dorment|est|sont|seule?|loge\w*)"
    r" avec (?:son|sa|ses|leur|leurs|mon|ma|mes|nos|notre) (?:\d+ |deux |trois |quatre )?(?:\w+ )?(?:" + CONJOINT +
    r"|enfants?|fils|filles?|bebes?|petits?|petites?|jumeaux|jumelles))\b"
    r"|\b(?:monsieur|m) et (?:madame|mme)\b|\ble couple\b|(?<!ma )(?<!sa )(?<!ta )(?<!de )\bla famille\b"
    r"|\btou(?:te)?s (?:les )?(?:deux|2)\b|\bles parents\b")
# Une phrase qui commence par un verbe sans sujet (peu de français, SMS) : la personne parle d'elle.
_VERBE_SANS_SUJET = re.compile(r"\s*(?:habite|habiter|dors|dormir|vis|vivre|loue|louer|loge|touche|gagne|suis|ai|"
                               r"travaille|cherche|paye|paie|heberge)\b")
# L'aidant présente la personne (« j'accompagne une dame », « je suis avec un jeune homme de 22 ans »).
_PRESENTE_LA_PERSONNE = re.compile(
    r"\b(?:avec|accompagne|suis|recois|rencontre|aide|oriente|ecris pour|pour) (?:un|une|1|ce|cette) (?:jeune )?"
    r"(?:homme|femme|dame|monsieur|personne|garcon|fille|mere|pere|patient|patiente|usager|usagere)\b")
_QUANTIFIEURS_SUJETS = {"personne", "aucun", "aucune", "nul", "nulle"}
_DETERMINANTS_PERSONNE = {"la", "une", "1", "cette", "chaque", "de", "d", "toute", "seule", "autre", "en", "par", "pour",
                          "ma", "sa", "ta", "votre", "notre", "leur", "une", "quelle", "cet", "telle", "meme", "bonne"}
_PREPOSITIONS = {"chez", "de", "d", "entre", "parmi", "avec", "pour", "a", "sans"}
_SUJETS_PRONOMS = {"je", "j", "il", "elle", "on", "nous", "vous", "ils", "elles", "moi"}
# après le sujet négatif : un verbe (« personne a », « personne travaille ») ou « de nous » (« aucun de nous »)
_APRES_QUANTIFIEUR = {"n", "ne", "a", "ai", "est", "sont", "travaille", "travail", "bosse", "touche", "gagne", "etudie",
                      "fait", "va", "vit", "dort", "peut", "de", "d", "du", "dans", "ici", "chez", "parmi", "entre"}
_AVANT_QUANTIFIEUR = ("chez nous", "ici", "a la maison", "dans la famille", "dans le foyer", "dans notre famille",
                      "non", "et")
_QUESTIONS_OUI_NON = {c for c, spec in CHAMPS.items() if spec["type"] == BOOLEEN}
_QUANTIFIEURS_NEGATIFS = {"aucun", "aucune", "personne", "rien", "nul", "nulle", "ni", "jamais"}
_HYPOTHESE = motif(r"(?:^|\s)(?:si|s)\s(?:je|j|il|elle|on|nous|vous|ils|elles|jamais|un jour|demain|ma|mon|"
                        r"mes|le|la|les)\b|\bau cas ou\b|\bquand (?:j aurai|je serai|j aurais|il aura|elle aura)\b"
                        r"|\bdes que (?:j aurai|je serai)\b|\ben cas de\b|\bimagine(?:z|ons)? que\b")


@dataclass
class Segment:
    debut: int
    fin: int
    texte: str
    sujet: str
    phrase: int
    question: bool = False  # question sans « je / il / mon... » : « le RSA c'est 646 euros ? »


class Analyse:
    """Le texte normalisé avec ses propositions, leurs sujets et la forme du message."""

    def __init__(self, texte: str, question: str | None = None):
        self.texte = texte
        self.question = question
        # « j'écris pour mon frère », « mon oncle a 57 ans, il... » : ce proche est la personne aidée
        proche = _PROCHE_AIDE.search(texte)
        if proche and proche.group("nom2") and (question or len(re.findall(r"\b(?:il|elle)\b", texte)) < 2 or re.search(
                r"\b(?:je|j|moi)\b", _ECRIT_POUR.sub(" ", re.sub(r"\b(?:chez|avec) (?:moi|nous)\b|\bpour (?:lui|elle)\b",
                                                                    " ", texte)))):
            proche = None  # « ma mère a 70 ans et moi 45 » : la personne parle d'elle
        self.proche_aide = (proche.group("nom") or proche.group("nom2")) if proche else None
        if not self.proche_aide:
            # « Mon fils, celui pour qui je vous écris, ... », « mon mari 60 ans. moi j'écris pour lui »
            pour = _ECRIT_POUR_LUI.search(texte)
            if pour:
                avant = [m for m in _PROCHE_NOMME.finditer(texte, 0, pour.start())]
                if avant and (pour.group("qui") or len(avant) == 1):
                    self.proche_aide = avant[-1].group("nom")
        enfant_de = re.search(r"\bje suis (?:le |la )?(?:fils|fille) de (madame|monsieur)\b", texte)
        if enfant_de and not self.proche_aide:
            self.proche_aide = "mere" if enfant_de.group(1) == "madame" else "pere"  # « je suis la fille de M. N. »
            self.tiers = True
        self.tiers = bool(_AIDANT.search(texte) or _CIVILITE.search(texte) or self.proche_aide)
        premiere = bool(_PREMIERE.search(texte) or _POSSESSIF_1.search(texte))
        troisieme = bool(_TROISIEME.search(texte) or _DESCRIPTION.search(texte))
        if not self.tiers and troisieme and not premiere:
            self.tiers = True
        if self.tiers:
            self.forme = self._genre()
        elif premiere:
            self.forme = "vous"
        else:
            self.forme = None
        self.segments = self._decouper()
        self._debuts = [s.debut for s in self.segments]
        # fourchettes « entre 300 et 400 » (forme unique après normalisation) : (début, fin, bas, haut)
        # débuts des marques d'hypothèse (« si je », « au cas où ») : lues une fois
        self._hypotheses = [m.start() + (m.group()[:1].isspace()) for m in _HYPOTHESE.finditer(texte)]
        self._temps_apres = bool(_TEMPS_APRES.search(texte))  # « bientôt », « prochain », « pro » : lu après le fait
        self.fourchettes = [(m.start(), m.end(), float(m.group(1).replace(",", ".")),
                             float(m.group(2).replace(",", "."))) for m in _FOURCHETTE.finditer(texte)]

    def dans_fourchette(self, pos: int) -> bool:
        return any(d <= pos < f for d, f, _, _ in self.fourchettes)

    # --- découpage ---------------------------------------------------------------------------
    def _decouper(self) -> list[Segment]:
        texte = self.texte
        coupes: list[tuple[int, int, bool]] = []  # (début de coupe, fin de coupe, fin de phrase)
        for m in _FIN_PHRASE.finditer(texte):
            coupes.append((m.start(), m.end(), True))
        for m in re.finditer(r"\s?,\s?", texte):
            if not (m.start() > 0 and texte[m.start() - 1].isdigit() and m.end() < len(texte)
                    and texte[m.end()].isdigit() and "," == texte[m.start():m.end()]):
                coupes.append((m.start(), m.end(), False))
        for m in _CONJONCTIONS.finditer(texte):
            coupes.append((m.start(), m.end(), False))
        for m in _QUESTION_APRES_DECLARATION.finditer(texte):
            coupes.append((m.start(), m.end(), False))  # « jai 22 ans est ce que jai droit au rsa » : deux propositions
        coupes.sort()
        segments: list[Segment] = []
        debut = 0
        phrase = 0
        sujet = "personne"
        dernier_proche = "famille"
        bornes = []
        for c_debut, c_fin, forte in coupes:
            if c_debut < debut:
                continue
            bornes.append((debut, c_debut, phrase))
            debut = c_fin
            if forte:
                phrase += 1
        bornes.append((debut, len(texte), phrase))
        phrase_avant = 0
        self._faits_jusqu_ici = segments  # lu par _sujet : le groupe dit avec la personne (« ... avec ses enfants »)
        for s_debut, s_fin, s_phrase in bornes:
            morceau = texte[s_debut:s_fin]
            if not morceau.strip():
                continue
            avant = sujet
            if s_phrase != phrase_avant and not self.tiers and sujet in ("conjoint", "famille", "ami", "enfant") \
                    and _VERBE_SANS_SUJET.match(morceau):
                avant = "personne"  # « ... mari aussi travail. habite Paris 13, location » : la personne parle d'elle
            phrase_avant = s_phrase
            sujet, dernier_proche = self._sujet(morceau, avant, dernier_proche, s_debut)
            question = texte[s_fin:s_fin + 3].strip().startswith("?") and not _PERSONNEL.search(morceau)
            segments.append(Segment(s_debut, s_fin, morceau, sujet, s_phrase, question))
            if sujet == "aidant" and (_PRESENTE_LA_PERSONNE.search(morceau) or (
                    self.proche_aide and re.search(r"\b(?:mon|ma) " + self.proche_aide + r"$", morceau.strip()))):
                # « je suis avec un jeune homme de 22 ans, français, sans emploi », « je vous écris pour ma mère,
                # 68 ans, ... » : la suite décrit la personne
                sujet = "personne"
        if not segments:
            segments.append(Segment(0, len(texte), texte, "personne", 0))
        # « Pour une famille qui touche 1 200 € par mois, le FSL est-il possible ? » : toute la phrase
        # est une question générale quand aucun de ses morceaux ne parle de la personne.
        for seg in segments:
            fin_question = texte[seg.fin:seg.fin + 3].strip().startswith("?")
            if fin_question and not seg.question:
                phrase = " ".join(s.texte for s in segments if s.phrase == seg.phrase)
                if _QUESTION_GENERALE.search(phrase):
                    seg.question = True
            if seg.question:
                for autre in segments:
                    if autre.phrase == seg.phrase and (not _PERSONNEL.search(autre.texte)
                                                       or _QUESTION_GENERALE.search(autre.texte)):
                        autre.question = True
        self._interrogations(segments)
        return segments

    def _interrogations(self, segments: list[Segment]) -> None:
        """Garde-fou : une phrase interrogative ne pose aucun fait (R14).

        - la dernière proposition d'une phrase qui finit par « ? » (« je suis sans papiers, je peux avoir
          l'AME ? » : seule la première proposition dit un fait) ;
        - depuis une marque d'interrogation (« est-ce que », « peut-elle », « a-t-il », « c'est quoi »,
          « je voudrais savoir si », « question : »...) jusqu'à la fin de la phrase, même sans « ? » ;
        - la phrase qui suit « question : » / « ma question ».
        """
        texte = self.texte
        par_phrase: dict[int, list[Segment]] = {}
        for seg in segments:
            par_phrase.setdefault(seg.phrase, []).append(seg)
        annonce = False
        for numero in sorted(par_phrase):
            liste = par_phrase[numero]
            if annonce:
                for seg in liste:
                    seg.question = True
            dernier = liste[-1]
            fin = texte[dernier.fin:dernier.fin + 3].strip()
            annonce = bool(_ANNONCE_QUESTION.search(dernier.texte)) and fin.startswith(":")
            if fin.startswith("?"):
                dernier.question = True
            phrase = " ".join(seg.texte for seg in liste)
            if _SUJET_GENERAL.search(phrase) and _MOT_DE_DROIT.search(phrase) \
                    and not _PREMIERE_OU_AIDANT.search(_SUJET_GENERAL.sub(" ", phrase)):
                for seg in liste:
                    seg.question = True  # « les étudiants ont droit au RSA », « quand on est sans papiers on a droit... »
            marque = False
            for seg in liste:
                if _INTERROGATIF.search(seg.texte):
                    marque = True
                    seg.question = True
                elif marque and not _DECLARATION.match(seg.texte):
                    seg.question = True  # « est-ce qu'une personne de 25 ans, sans enfant, ... » : la question continue

        return segments

    def _sujet(self, morceau: str, precedent: str, dernier_proche: str, position: int = 0) -> tuple[str, str]:
        debut = _DEBUT_SUJET.search(morceau)
        proche = _MENTION_PROCHE.search(morceau)
        if proche:
            dernier_proche = next(k for k, v in proche.groupdict().items() if v)
        categorie = next(k for k, v in debut.groupdict().items() if v) if debut else None
        if categorie == "conjoint" and re.match(r" (?:de|d) (?:mon|ma|mes|son|sa|ses|notre|nos|leur|leurs) ",
                                                morceau[debut.end():]):
            categorie = "famille"  # « la copine de mon frère » : le couple d'un autre
        if categorie == "autres":
            # « ils / elles » : jamais la personne seule (ses enfants, ses proches) ; mais le foyer quand le
            # message vient de dire la personne avec son conjoint ou ses enfants (« Mme H. vit en couple avec
            # M. H. ... Ils sont locataires ») : seuls les faits du foyer (logement, argent...) en sont tirés.
            if position and any(seg.sujet == "personne" and seg.fin > position - 400
                                and _GROUPE_AVEC_PERSONNE.search(seg.texte) for seg in self._faits_jusqu_ici):
                return "foyer", dernier_proche
            return ("enfant" if dernier_proche == "enfant" else "famille"), dernier_proche
        if self.question and self.question.startswith("conjoint_"):
            # réponse à une question sur le conjoint : « elle a 30 ans », « française » parlent du conjoint
            if categorie:
                return categorie, dernier_proche
            if _PREMIERE.search(re.sub(r"\b(?:comme|que|pareil que) moi\b", " ", morceau)) and not _TROISIEME.search(morceau):
                return "personne", dernier_proche
            return "conjoint", dernier_proche
        if self.question == "age_plus_jeune_enfant" and not categorie and not _PREMIERE.search(morceau) \
                and not _CIVILITE.search(morceau) and not _PERSONNE_AIDEE.search(morceau):
            return "enfant", dernier_proche  # « il aura 3 ans en février », « né le 10 octobre 2025 »
        if self.proche_aide and categorie and re.match(r"(?:\w+ ){0,3}?(?:mon|ma|son|sa) " + self.proche_aide + r"\b", morceau):
            return "personne", dernier_proche  # le proche pour qui l'aidant écrit
        if categorie and not self.tiers and debut.start() == 0 and not re.search(
                r"\b(?:et moi|moi et|moi aussi|moi je|moi j)\b", morceau):
            return categorie, dernier_proche  # « mon fils est étudiant », « le gars avec qui je vis touche... »
        if self.tiers:
            if categorie:
                return categorie, dernier_proche
            if _PERSONNE_AIDEE.search(morceau) or _CIVILITE.search(morceau) or _TROISIEME.search(morceau):
                return "personne", dernier_proche
            if _PREMIERE.search(morceau):
                # « j'écris pour mon compagnon ... moi je gagne 1400 » : l'aidant est son conjoint
                return ("conjoint" if _AIDANT_CONJOINT.search(self.texte) else "aidant"), dernier_proche
            return precedent, dernier_proche
        if _PREMIERE.search(morceau):
            return "personne", dernier_proche
        if categorie:
            return categorie, dernier_proche
        if _TROISIEME.search(morceau):
            return dernier_proche, dernier_proche
        return precedent, dernier_proche

    def _genre(self) -> str:
        texte = self.texte
        pronoms_f = len(re.findall(r"\belle\b", texte))
        pronoms_m = len([m for m in _TROISIEME.finditer(texte) if m.group("p") == "il"])
        if pronoms_f != pronoms_m:
            return "elle" if pronoms_f > pronoms_m else "il"
        f = len(_FEMININ.findall(texte))
        m = len(_MASCULIN.findall(texte))
        if f != m:
            return "elle" if f > m else "il"
        from .lexique import GENTILES_FEMININS  # indices faibles : accords au féminin
        mots = set(texte.split())
        feminins = mots & (GENTILES_FEMININS | {"enceinte", "seule", "etudiante", "inscrite", "sortie",
                                                 "enceinte", "salariee", "mariee", "nee", "arrivee",
                                                 "divorcee", "separee", "veuve", "isolee", "agee"})
        if feminins:
            return "elle"
        if _PERSONNE_NOMMEE.search(texte):
            return "elle"  # « la personne… elle » : accord grammatical
        return "il"

    # --- accès par position ------------------------------------------------------------------
    def segment(self, pos: int) -> Segment:
        i = bisect.bisect_right(self._debuts, pos) - 1
        return self.segments[max(0, i)]

    def sujet(self, pos: int) -> str:
        return self.segment(pos).sujet

    def mots_avant(self, pos: int, n: int = 4, phrase: bool = False) -> list[str]:
        """Les ``n`` mots avant ``pos`` dans la même proposition (ou phrase)."""
        seg = self.segment(pos)
        debut = seg.debut
        if phrase:
            i = bisect.bisect_right(self._debuts, pos) - 1
            while i > 0 and self.segments[i - 1].phrase == seg.phrase:
                i -= 1
            debut = self.segments[max(0, i)].debut
        coupe = pos - 30 * n  # fenêtre bornée : un long message sans ponctuation reste rapide
        if coupe > debut:
            return self.texte[coupe:pos].split()[1:][-n:] if n else []  # le premier mot peut être coupé
        return self.texte[debut:pos].split()[-n:] if n else []

    def mots_apres(self, pos: int, n: int = 4, phrase: bool = False) -> list[str]:
        """Les ``n`` mots après ``pos`` dans la même proposition (ou phrase)."""
        seg = self.segment(max(0, pos - 1))
        fin = seg.fin
        if phrase:
            i = bisect.bisect_right(self._debuts, max(0, pos - 1)) - 1
            while i + 1 < len(self.segments) and self.segments[i + 1].phrase == seg.phrase:
                i += 1
            fin = self.segments[i].fin
        if fin > pos + 30 * n:
            return self.texte[pos:pos + 30 * n].split()[:-1][:n]  # le dernier mot peut être coupé
        return self.texte[pos:fin].split()[:n]

    def nie(self, pos: int, fenetre: int = 4) -> bool:
        """Une négation porte sur le fait à ``pos`` (« je suis pas étudiant », « je ne peux recevoir mon courrier
        nulle part », « chez nous personne a un travail »)."""
        seg = self.segment(pos)
        suite = self.texte[pos:min(seg.fin, pos + 80)]
        if _NULLE_PART.search(suite):
            return True  # « je ne peux recevoir mon courrier nulle part », « je reçois mon courrier nulle part »
        if _PRONOM_SUJET.match(self.texte, pos):
            return False  # le fait commence une nouvelle proposition (« ... j'ai un titre »)
        if self.quantifieur_negatif(pos):
            return True
        apres = self.texte[pos:].split()[1:3]
        if apres and apres[0] in ("non", "pas", "plus") and (len(apres) == 1 or apres[1] in (",", ".", "!")):
            return True  # « moi étudiant non », « il étudie pas »
        mots = self.mots_avant(pos, fenetre)
        for i in range(len(mots) - 1, -1, -1):
            mot = mots[i]
            if mot in ("ne", "n") and len(mots) - i <= 2 and self._ne_negatif(mots, i, suite):
                return True  # « je ne peux recevoir », « il n'étudie » (sans « pas » écrit)
            if mot in _ARRETS:
                return False
            if mot in _NEGATIONS:
                if len(mots) - i > _NEGATIONS[mot]:
                    continue
                precedent = mots[i - 1] if i > 0 else ""
                if mot == "plus" and precedent in ("en", "de", "le", "au", "non", "ni"):
                    continue
                if mot == "non" and self._non_reponse(pos, mots, i):
                    continue
                return True
        apres = self.texte[pos:].split()[1:3]
        return bool(apres) and apres[0] in ("non", "pas") and (len(apres) == 1 or apres[1] in (",", "."))

    def _ne_negatif(self, mots: list[str], i: int, suite: str) -> bool:
        """« ne / n' » devant le verbe est une négation, sauf « né » (« je suis né en France ») et la restriction
        « ne ... que » (« je ne touche que 350 euros »)."""
        precedent = mots[i - 1] if i > 0 else ""
        if mots[i] == "ne" and precedent in _ETRE:
            return False  # « je suis ne en Algérie » : né
        if precedent in ("madame", "monsieur", "mademoiselle"):
            return False  # « Mme N. a 2 enfants » : une initiale
        # « ne » seul (« je ne peux recevoir ») : négation ; « ne ... pas / rien » après le fait : le motif du fait
        # la porte déjà (« je ne touche rien ») ; « ne ... que » : une restriction (« je ne touche que 350 »).
        return not any(m in _NEGATIONS_APRES or m in ("que", "qu") for m in suite.split()[:8])

    def _non_reponse(self, pos: int, mots: list[str], i: int) -> bool:
        """« non » en tête d'une réponse à une question oui / non est la réponse, pas la négation du mot qui
        suit : « non célibataire » à « Vivez-vous en couple ? » veut dire « non, célibataire »."""
        if self.question not in _QUESTIONS_OUI_NON:
            return False
        avant = self.texte[:pos].split()
        debut = len(avant) - (len(mots) - i)
        return all(m in _OUVERTURES for m in avant[:debut])

    def quantifieur_negatif(self, pos: int) -> bool:
        """« aucun de nous n'est étudiant », « personne ne travaille », « ni moi ni ma femme ne travaillons »,
        et sans « ne » (SMS, oral) : « chez nous personne a un boulot déclaré ».

        Le sujet est un mot négatif (pas « la personne », pas « aucun » suivi d'un autre sujet : « aucun, je suis
        sans papiers » répond « aucun ») ; le verbe porte « ne / n' » ou suit directement le sujet.
        """
        seg = self.segment(pos)
        mots = self.texte[seg.debut:pos].split()
        if mots.count("ni") >= 2 and mots.index("ni") <= 2:
            return True  # « ni moi ni ma femme (on) a un travail »
        for j, m in enumerate(mots):
            if m not in _QUANTIFIEURS_SUJETS:
                continue
            if j > 0 and mots[j - 1] in _DETERMINANTS_PERSONNE:
                continue  # « la personne a un titre », « une personne âgée »
            if any(x in _SUJETS_PRONOMS and mots[j + k - 1] not in _PREPOSITIONS
                   for k, x in enumerate(mots[j + 1:], start=1)):
                continue  # « aucun, je suis sans papiers » : « aucun » répond, « je » est le sujet
            suivant = mots[j + 1] if j + 1 < len(mots) else ""
            if j == 0:
                return True  # « aucun n'a de papiers », « aucune ne travaille »
            if suivant in _APRES_QUANTIFIEUR or (j > 0 and " ".join(mots[max(0, j - 3):j]).endswith(_AVANT_QUANTIFIEUR)):
                return True
        if not any(m in ("n", "ne") for m in mots[-3:]):
            return False
        i = max(j for j, m in enumerate(mots) if m in ("n", "ne"))
        return any(m in _QUANTIFIEURS_NEGATIFS for m in mots[:i])

    def indice(self, seg: Segment) -> int:
        """Rang de la proposition ``seg`` (sans parcourir la liste)."""
        return bisect.bisect_right(self._debuts, seg.debut) - 1

    def hypothese(self, pos: int) -> bool:
        """Le fait est dans une hypothèse (« si je perds mon travail », « au cas où », « quand j'aurai »)."""
        if not self._hypotheses:
            return False
        seg = self.segment(pos)
        i = self.indice(seg)
        debut = seg.debut
        while i > 0 and self.segments[i - 1].phrase == seg.phrase and len(self.texte[debut:pos].split()) < 12:
            i -= 1
            debut = self.segments[i].debut
        return any(debut <= d < pos for d in self._hypotheses)

    def passe(self, pos: int, fenetre: int = 5) -> bool:
        """Le fait est au passé (« avant j'étais au 115 », « j'ai été étudiant »)."""
        mots = self.mots_avant(pos, fenetre)
        if any(m in _PASSE for m in mots):
            return True
        seg = self.segment(pos)
        i = bisect.bisect_right(self._debuts, pos) - 1
        while i > 0 and self.segments[i - 1].phrase == seg.phrase and pos - self.segments[i - 1].debut < 300:
            i -= 1
        if self.segments[max(0, i)].texte[:10].split()[:1] in (["avant"], ["autrefois"], ["jadis"]) and not re.search(
                r"\b(?:maintenant|aujourd hui|actuellement|mtn|desormais|depuis)\b", self.texte[self.segments[i].debut:pos]):
            return True
        texte = " ".join(mots)
        return bool(re.search(r"\b(?:ai|a|avons|avez|ont) ete\b|\bj ai fini\b|\bj ai arrete\b|\b(?:ai|a|avons|avez|ont) (?:habite|vecu)\b", texte))

    def futur(self, pos: int, fenetre: int = 5) -> bool:
        """Le fait est un souhait ou une crainte (« je vais être à la rue », « je cherche un logement »)."""
        mots = self.mots_avant(pos, fenetre)
        if any(m in _FUTUR or _VERBE_FUTUR.fullmatch(m) for m in mots) or self.hypothese(pos):
            return True
        # « Paris bientôt », « la fac en septembre pro » : le temps est dit juste après le fait
        if not self._temps_apres:
            return False
        apres = self.mots_apres(pos, 6)
        return any(m in _FUTUR_APRES for m in apres[1:]) or (
            "pro" in apres[2:] and apres[apres.index("pro") - 1] in MOIS_NOMS)

"""Le lexique : orthographes SMS, fautes phonétiques, mots anglais ou arabes, pays et nationalités.

Tout est écrit en minuscules sans accents : le texte est normalisé avant d'être comparé
(voir ``normalisation.py``). Les listes sont des données ; la logique est ailleurs.
"""
from __future__ import annotations

# --- mot -> remplacement (un mot entier du texte normalisé) --------------------------------------
# Orthographe SMS ou phonétique vers le français standard sans accents. La valeur peut contenir
# plusieurs mots. Ne mettre ici que des mots sans ambiguïté dans ce contexte.
MOTS: dict[str, str] = {
    # je suis / j'ai
    **dict.fromkeys(
        ["jsuis", "jsui", "jsu", "jsuiis", "jss", "jsus", "jesuis", "jesui", "chui", "chuis", "chuii",
         "shui", "shuis", "jui", "juis", "jsuit"],
        "je suis",
    ),
    **dict.fromkeys(["sui", "suit", "suiis", "suiss"], "suis"),
    **dict.fromkeys(["jai", "jaii", "jaie", "jay", "gai"], "j ai"),
    "g": "j ai",
    "jsp": "je sais pas",
    "jsais": "je sais",
    "jss": "je suis",
    "chais": "je sais",
    "chai": "je sais",
    "jconnais": "je connais",
    "jdors": "je dors",
    "jdor": "je dors",
    "jtouche": "je touche",
    "jtravaille": "je travaille",
    "jbosse": "je bosse",
    "jvis": "je vis",
    "jhabite": "j habite",
    "jloue": "je loue",
    "jte": "je te",
    "jveux": "je veux",
    "jvoudrais": "je voudrais",
    "jgagne": "je gagne",
    "jaurai": "j aurai",
    "jserai": "je serai",
    "nsp": "je sais pas",
    # négations et mots courants
    **dict.fromkeys(["pa", "po", "paas"], "pas"),
    **dict.fromkeys(["ya", "yaa", "ilya", "iya"], "il y a"),
    "cest": "c est",
    "ke": "que",
    "koi": "quoi",
    "kan": "quand",
    "kom": "comme",
    "komme": "comme",
    "bcp": "beaucoup",
    "tt": "tout",
    "pr": "pour",
    "ds": "dans",
    "dc": "donc",
    "av": "avec",
    "avc": "avec",
    "ac": "avec",
    "vs": "vous",
    "ns": "nous",
    "mwa": "moi",
    "moa": "moi",
    "twa": "toi",
    "nn": "non",
    "nan": "non",
    "naan": "non",
    "nope": "non",
    "bah": "",
    "ben": "",
    "euh": "",
    "heu": "",
    "bein": "",
    "bon": "",
    "genre": "",
    "svp": "",
    "stp": "",
    "slt": "salut",
    "bjr": "bonjour",
    "bsr": "bonsoir",
    "qqn": "quelqu un",
    "qq1": "quelqu un",
    "kelkun": "quelqu un",
    "mr": "monsieur",
    "mme": "madame",
    "mlle": "mademoiselle",
    "mde": "madame",
    "msieur": "monsieur",
    "mdm": "madame",
    "pk": "pourquoi",
    "pcq": "parce que",
    "psk": "parce que",
    "dpuis": "depuis",
    "depui": "depuis",
    "dpui": "depuis",
    "depuit": "depuis",
    "depuiss": "depuis",
    "depus": "depuis",
    "dp": "depuis",
    "depiu": "depuis",
    "mtn": "maintenant",
    "mnt": "maintenant",
    "auj": "aujourd hui",
    "ajd": "aujourd hui",
    "aujourdhui": "aujourd hui",
    # papiers, titres
    **dict.fromkeys(["papie", "papier", "papies", "papiee", "papye", "papyer", "papi", "papers", "papiers"], "papiers"),
    **dict.fromkeys(["san", "sen", "ssans"], "sans"),
    "sanspapiers": "sans papiers",
    "sanpapie": "sans papiers",
    "sanpapier": "sans papiers",
    "sanspapier": "sans papiers",
    "sanspap": "sans papiers",
    "sanpap": "sans papiers",
    "undocumented": "sans papiers",
    **dict.fromkeys(["sejours", "sejoure", "sejourn", "sejoor"], "sejour"),
    **dict.fromkeys(["recepice", "recipisse", "recepise", "resepisse", "recepisses", "recepisee", "recipice",
                     "recepissee"], "recepisse"),
    **dict.fromkeys(["refugier", "refujie", "refugiee", "refugies", "refugiees", "refugee", "rifugie"], "refugie"),
    "asyle": "asile",
    "azile": "asile",
    "asil": "asile",
    "asylum": "asile",
    **dict.fromkeys(["domicilation", "domiciliasion", "domicialisation", "domicialiation", "domiciliations",
                     "domicilliation", "domisiliation", "domiciliaton"], "domiciliation"),
    **dict.fromkeys(["domicilier", "domicilie", "domiciliee", "domicilies", "domisilie"], "domicilie"),
    # logement
    **dict.fromkeys(["dor", "dore", "dorts"], "dors"),
    **dict.fromkeys(["dehor", "deor", "dehore", "deors", "dehoors"], "dehors"),
    **dict.fromkeys(["foye", "foyers", "foiyer", "foyee"], "foyer"),
    **dict.fromkeys(["loye", "loyers", "loiyer", "loyes", "loyee", "loyez"], "loyer"),
    "appart": "appartement",
    "apart": "appartement",
    "appartment": "appartement",
    "apartement": "appartement",
    "hotele": "hotel",
    "otel": "hotel",
    "hotels": "hotel",
    "homeless": "sdf",
    "proprio": "proprietaire",
    "proprios": "proprietaire",
    "coloc": "colocation",
    "locatair": "locataire",
    "locatere": "locataire",
    "heberger": "heberge",
    "hebergee": "heberge",
    "hebergees": "heberge",
    "heberges": "heberge",
    "hebrege": "heberge",
    "ebergé": "heberge",
    "eberge": "heberge",
    "hebergez": "heberge",
    "hebergé": "heberge",
    # famille
    **dict.fromkeys(["enfan", "anfan", "enfent", "enfans", "anfant", "anfants", "enfnt", "enfts", "enfs", "enft",
                     "enfants", "enfant", "enfents", "anfent", "efants", "enfannt", "kids", "children", "child",
                     "kid", "enfnts", "enfantss"], "enfants"),
    **dict.fromkeys(["ptit", "pti", "ptits", "ptite", "p tit"], "petit"),
    **dict.fromkeys(["gamin", "gamins", "gamine", "gamines", "gosse", "gosses", "mome", "momes", "marmot",
                     "marmots", "mioche", "mioches"], "gosses"),
    "bebe": "bebe",
    "bb": "bebe",
    "baby": "bebe",
    **dict.fromkeys(["ensseinte", "enceinte", "ancinte", "enceint", "ensainte", "enseinte", "ansinte", "encinte",
                     "enceintes", "anceinte", "ansainte", "enssinte", "enceite", "enciente", "pregnant"],
                    "enceinte"),
    "frere": "frere",
    "frer": "frere",
    "frero": "frere",
    "reuf": "frere",
    "khouya": "mon frere",
    "khoya": "mon frere",
    "seur": "soeur",
    "sahbi": "mon pote",
    "sahby": "mon pote",
    "s7abi": "mon pote",
    "poto": "pote",
    "potes": "potes",
    "mrati": "ma femme",
    "wife": "femme",
    "husband": "mari",
    "epouse": "epouse",
    "celibatair": "celibataire",
    "selibataire": "celibataire",
    "celib": "celibataire",
    "single": "celibataire",
    "marier": "marie",
    # études, travail
    **dict.fromkeys(["etudian", "etudiente", "etudient", "etudients", "etudiants", "etudiantes", "etudiante",
                     "student", "etudent"], "etudiant"),
    "taf": "travail",
    "taff": "travail",
    "boulot": "travail",
    "khedma": "travail",
    "job": "travail",
    "travaye": "travaille",
    "travaiye": "travaille",
    "travailler": "travaille",
    "travailles": "travaille",
    "travaillé": "travaille",
    "bosser": "bosse",
    "bossé": "bosse",
    "boss": "bosse",
    "bose": "bosse",
    "taffe": "travaille",
    "taffer": "travaille",
    "taffé": "travaille",
    # argent
    **dict.fromkeys(["euro", "eur", "euros", "balles", "balle", "boules", "boule", "euross", "eurs",
                     "roros", "balls"], "euros"),
    **dict.fromkeys(["walou", "wallou", "walo", "wallo", "nada", "nothing"], "rien"),
    **dict.fromkeys(["flouss", "flous", "thune", "tune", "thunes", "fric", "oseille", "money", "argen"],
                    "argent"),
    "touch": "touche",
    "touches": "touche",
    "toucher": "touche",
    "tooche": "touche",
    "gagn": "gagne",
    "gagner": "gagne",
    "gagnes": "gagne",
    "moiis": "mois",
    "mios": "mois",
    "annee": "annee",
    "anee": "annee",
    "annees": "annees",
    "years": "ans",
    "year": "an",
    "months": "mois",
    "month": "mois",
    "old": "",
    # nombres mal écrits (avant text2num)
    "vint": "vingt",
    "ving": "vingt",
    "vins": "vingt",
    "katre": "quatre",
    "katr": "quatre",
    "quatr": "quatre",
    "sinq": "cinq",
    "cinque": "cinq",
    "trante": "trente",
    "karante": "quarante",
    "quarente": "quarante",
    "cinquente": "cinquante",
    "sinquante": "cinquante",
    "soixente": "soixante",
    "swasante": "soixante",
    "deu": "deux",
    "troi": "trois",
    "milles": "mille",
    "mil": "mille",
    "zero": "0",
    "zéro": "0",
    # oui / non / ne sais pas (mots seuls)
    **dict.fromkeys(["ouai", "ouais", "ouaii", "ouep", "oue", "ouii", "ouiii", "wi", "ui", "wii", "yes", "yep",
                     "yeah", "yea", "ouaip", "oui"], "oui"),
    **dict.fromkeys(["ma3rftch", "ma3reftch", "ma3raftch", "ma3rfch", "ma3rfsh", "manarf", "ma3ref", "ma3rf",
                     "ma3rafch", "idk"], "je sais pas"),
    # bruit
    **dict.fromkeys(["hamdoulah", "hamdoullah", "hamdullah", "hamdoulillah", "inchallah", "inshallah",
                     "wallah", "wallahi", "starfoullah", "mdr", "lol", "ptdr"], ""),
    # villes, lieux
    "dan": "dans",
    "avan": "avant",
    "cops": "copine",
    "we": "oui",
    "jvous": "je vous",
    "jecri": "j ecris",
    "jecris": "j ecris",
    "encor": "encore",
    "el": "elle",
    "tps": "temps",
    "retar": "retard",
    "jpay": "je paie",
    "fe": "fait",
    "jatten": "j attends",
    "jattend": "j attends",
    "jattends": "j attends",
    "jetais": "j etais",
    "jetai": "j etais",
    "ru": "rue",
    "o": "au",
    "jtouch": "je touche",
    "ri1": "rien",
    "pari": "paris",
    "parie": "paris",
    "pariss": "paris",
    "parisse": "paris",
}

# --- expressions (regex sur texte normalisé) -> remplacement, appliquées dans l'ordre -------------
EXPRESSIONS: list[tuple[str, str]] = [
    (r"\bquelqu un\b", "quelquun"),
    (r"\bquelqu une\b", "quelquun"),
    (r"\bj sais\b", "je sais"),
    (r"\bche pas\b|\bche pa\b|\bchai pas\b", "je sais pas"),
    (r"\bche\b", "chez"),
    (r"\bjpai\b|\bjpaye\b", "je paie"),
    (r"\bca depen\b", "ca depend"),
    (r"\bj suis\b", "je suis"),
    (r"\bje sui\b", "je suis"),
    (r"\bi don ?t know\b|\bi dont know\b|\bno idea\b|\bdon ?t know\b", "je sais pas"),
    (r"\bch sais\b|\bche sais\b", "je sais"),
    (r"\bin the street\b|\bon the street\b|\bdans la street\b", "dans la rue"),
    (r"\bno papiers\b|\bwithout papiers\b", "sans papiers"),
    (r"\basile seeker\b|\basylum seeker\b|\basile seekers\b", "demandeur d asile"),
    (r"\b(?:la )?(femme|epouse|copine|compagne) (?:de|a) moi\b", r"ma \1"),  # « femme de moi réfugiée »
    (r"\b(?:le )?(mari|epoux|copain|compagnon) (?:de|a) moi\b", r"mon \1"),
    (r"\bd(apl|als|alf|ada|are|aah|aide|aides|allocs?|allocations?|asile)\b", r"d \1"),  # « 180 dapl » (apostrophe oubliée)
    (r"\b(?:l |les )?aides? (?:au |pour le |pr le |du |de |sur le )?logement\b", "apl"),
    (r"\bl(apl|als|alf|ada|are|aah)\b", r"l \1"),
    (r"\b(?:l |les )?aides? (?:de la caf |caf )?(?:pour|pr|au|du) (?:le |mon |notre )?(?:loyer|logement)\b", "apl"),
    (r"\b(?:la )?caf (?:pour|pr) (?:le |mon |notre )?(?:loyer|logement)\b", "d apl"),
    (r"\bla caf (?:me |nous |lui )?(?:donne|verse|paie|paye|rembourse) (\d+(?:[.,]\d+)? (?:euros |e )?)"
     r"(?:pour|pr|sur) (?:le |mon |notre |son )?(?:loyer|logement)\b", r"\1 d apl"),
    (r"\bnul(?:le)? par(?:t|s)?\b", "nulle part"),
    # « salaire 900. femme 300 », « moi 40, femme 35 », « non. femme pas école » : en peu de mots, « femme » /
    # « mari » seul en tête de proposition est le conjoint (pas « moi femme », « femme de ménage », « une femme »).
    (r"(?<=[.,;:!?] )(femme|epouse|mari|epoux)(?= (?:\d|aussi|pas |non\b|oui\b|travail|bosse|refugie|carte|titre|papier|"
     r"rsa\b|asile|demande|chomage|salaire|cdi|cdd|etudiant|ecole|fac\b))",
     lambda m: ("ma " if m.group(1) in ("femme", "epouse") else "mon ") + m.group(1)),
    (r"\b(?:me|i am|im|i m) (\d{1,3}) (?:years?|yo|ans)(?: old)?\b", r"moi \1 ans"),  # « me 38 years »
    (r"\bmy (wife|femme)\b", "ma femme"),
    (r"\bmy (husband|mari)\b", "mon mari"),
    (r"\bi am\b|\bi m\b|\bim\b", "je suis"),
    (r"\bi have\b|\bi ve got\b|\bi got\b", "j ai"),
    (r"\bper month\b|\ba month\b|\bmonthly\b", "par mois"),
    (r"\bper year\b|\ba year\b|\bper annum\b", "par an"),
    (r"\bsans domicile fixe\b", "sdf"),
    (r"\bs d f\b", "sdf"),
    (r"\bma meuf\b", "ma copine"),
    (r"\bmon mec\b", "mon copain"),
    (r"\bmon keum\b", "mon copain"),
    (r"\bau bled\b|\bo bled\b|\ben bled\b|\bau bl(e|è)d\b", "au pays"),
    (r"\bt(i|e)tre de sejour\b", "titre de sejour"),
    (r"\btitre sejour\b", "titre de sejour"),
    (r"\bcarte sejour\b", "carte de sejour"),
    (r"\bcarte de residant\b|\bcarte residant\b|\bcarte de residante?\b", "carte de resident"),
    (r"\bpar moi\b", "par mois"),
    (r"\ble moi\b(?= ?$| [,.;!?])", "le mois"),
    (r"\b(\d+) moi\b", r"\1 mois"),
    (r"\bmi temps\b|\bmitemps\b|\bhalf time\b|\bpart time\b", "mi temps"),
    (r"\bplein temps\b|\btemps plein\b|\bfull time\b|\bfulltime\b|\bplain temps\b|\btemps plain\b",
     "temps plein"),
    (r"\baide au logement\b|\baides au logement\b|\baide logement\b|\ballocation logement\b|"
     r"\ballocations logement\b|\balloc logement\b|\baide personnalisee au logement\b|"
     r"\ballocation de logement\b|\baides? caf logement\b", "apl"),
    (r"\bdroit d asile\b", "asile"),
    (r"\bcombien d heures\b", "combien heures"),
]

# --- nationalités ---------------------------------------------------------------------------------
# (forme masculine, forme féminine ou None) -> valeur. Le pluriel « s » est accepté.
_UE = ["italien", "roumain", "espagnol", "portugais", "polonais", "bulgare", "allemand", "belge", "grec:grecque",
       "hongrois", "tcheque", "slovaque", "croate", "slovene", "autrichien", "neerlandais", "hollandais",
       "luxembourgeois", "irlandais", "danois", "suedois", "finlandais", "estonien", "letton", "lituanien",
       "maltais", "chypriote", "norvegien", "islandais", "suisse", "liechtensteinois", "europeen",
       "roumin", "portuguais", "italian", "spanish"]
_HORS_UE = ["malien", "senegalais", "ivoirien", "guineen", "camerounais", "congolais", "algerien", "marocain",
            "tunisien", "egyptien", "libyen", "soudanais", "erythreen", "ethiopien", "somalien", "somali",
            "tchadien", "nigerian:nigeriane", "nigeriane", "ghaneen", "gambien", "mauritanien", "burkinabe",
            "nigerien", "togolais", "beninois", "comorien", "malgache", "afghan", "pakistanais", "bangladais",
            "bengali", "indien", "sri lankais", "srilankais", "tamoul", "chinois", "vietnamien", "syrien",
            "irakien", "iranien", "kurde", "turc:turque", "georgien", "armenien", "russe", "ukrainien", "moldave",
            "albanais", "serbe", "kosovar", "bosniaque", "bosnien", "tchetchene", "haitien", "bresilien",
            "colombien", "venezuelien", "peruvien", "americain", "britannique", "anglais", "libanais",
            "palestinien", "yemenite", "jordanien", "saoudien", "philippin", "mongol", "tibetain", "nepalais",
            "cap verdien", "capverdien", "angolais", "rwandais", "burundais", "ougandais", "kenyan", "gabonais",
            "centrafricain", "mexicain", "argentin", "chilien", "bolivien", "equatorien", "cubain",
            "dominicain", "canadien", "japonais", "coreen", "thailandais", "cambodgien", "laotien",
            "sierra leonais", "sierraleonais", "liberien", "bissau guineen", "djiboutien", "zimbabween",
            "sud africain", "ouzbek", "kazakh", "tadjik", "kirghize", "azerbaidjanais", "bielorusse",
            "macedonien", "montenegrin", "africain", "maghrebin", "dz:dz"]
_FRANCAIS = ["francais", "fransais", "francai", "fransai", "franssais", "francait", "francaise", "fransaise",
             "franssaise", "francaiz", "francey", "fransay", "fransé", "franse", "francay", "frances", "french"]


def _formes(mot: str) -> tuple[str, str]:
    """Forme masculine et féminine d'un gentilé : « malien » -> (malien, malienne)."""
    if ":" in mot:
        masc, fem = mot.split(":")
    elif mot.endswith("e"):
        masc = fem = mot
    elif mot.endswith("en"):
        masc, fem = mot, mot + "ne"
    else:
        masc, fem = mot, mot + "e"
    return masc, fem


def _gentiles() -> tuple[dict[str, str], frozenset[str]]:
    table: dict[str, str] = {}
    feminins: set[str] = set()
    for valeur, mots in (("ue", _UE), ("hors_ue", _HORS_UE), ("francaise", _FRANCAIS)):
        for mot in mots:
            masc, fem = _formes(mot)
            for forme in (masc, fem, masc + "s", fem + "s"):
                table.setdefault(forme, valeur)
            if fem != masc:
                feminins.update((fem, fem + "s"))
    return table, frozenset(feminins)


# gentilé normalisé -> valeur ; formes féminines (indice pour « elle »)
GENTILES, GENTILES_FEMININS = _gentiles()

# Pays : nom normalisé -> valeur. « France » n'est pas ici (« je viens de France » ne dit rien).
PAYS: dict[str, str] = {
    **dict.fromkeys(
        ["italie", "roumanie", "espagne", "portugal", "pologne", "bulgarie", "allemagne", "belgique", "grece",
         "hongrie", "republique tcheque", "tchequie", "slovaquie", "croatie", "slovenie", "autriche", "pays bas",
         "hollande", "luxembourg", "irlande", "danemark", "suede", "finlande", "estonie", "lettonie", "lituanie",
         "malte", "chypre", "norvege", "islande", "liechtenstein", "suisse"],
        "ue",
    ),
    **dict.fromkeys(
        ["mali", "senegal", "cote d ivoire", "cote divoire", "guinee", "guinee conakry", "cameroun", "congo",
         "rdc", "algerie", "maroc", "tunisie", "egypte", "libye", "soudan", "erythree", "ethiopie", "somalie",
         "tchad", "nigeria", "ghana", "gambie", "mauritanie", "burkina", "burkina faso", "niger", "togo",
         "benin", "comores", "madagascar", "afghanistan", "pakistan", "bangladesh", "inde", "sri lanka",
         "chine", "vietnam", "syrie", "irak", "iran", "kurdistan", "turquie", "georgie", "armenie", "russie",
         "ukraine", "moldavie", "albanie", "serbie", "kosovo", "bosnie", "tchetchenie", "haiti", "bresil",
         "colombie", "venezuela", "perou", "etats unis", "usa", "royaume uni", "angleterre", "liban",
         "palestine", "yemen", "jordanie", "arabie saoudite", "philippines", "mongolie", "tibet", "nepal",
         "cap vert", "angola", "rwanda", "burundi", "ouganda", "kenya", "gabon", "centrafrique", "mexique",
         "argentine", "chili", "bolivie", "equateur", "cuba", "republique dominicaine", "canada", "japon",
         "coree", "thailande", "cambodge", "laos", "sierra leone", "liberia", "guinee bissau", "djibouti",
         "zimbabwe", "afrique du sud", "ouzbekistan", "kazakhstan", "tadjikistan", "kirghizistan",
         "azerbaidjan", "bielorussie", "macedoine", "montenegro"],
        "hors_ue",
    ),
    **dict.fromkeys(["guadeloupe", "martinique", "la reunion", "reunion", "mayotte", "guyane", "nouvelle caledonie",
                     "polynesie", "tahiti"], "francaise"),
}

# --- Paris ---------------------------------------------------------------------------------------
# Lieux de Paris qu'on cite pour dire où l'on dort -> arrondissement (0 = plusieurs / inconnu).
LIEUX_PARIS: dict[str, int] = {
    "barbes": 18, "chateau rouge": 18, "la chapelle": 18, "porte de la chapelle": 18, "marx dormoy": 18,
    "la goutte d or": 18, "goutte d or": 18, "porte de clignancourt": 18, "pigalle": 18, "montmartre": 18,
    "stalingrad": 19, "jaures": 19, "porte d aubervilliers": 19, "la villette": 19, "porte de la villette": 19,
    "belleville": 20, "menilmontant": 20, "couronnes": 20, "porte de bagnolet": 20, "gambetta": 20,
    "gare du nord": 10, "gare de l est": 10, "strasbourg saint denis": 10, "porte saint denis": 10,
    "faubourg saint denis": 10, "republique": 10, "goncourt": 11, "bastille": 11, "nation": 12,
    "gare de lyon": 12, "bercy": 12, "austerlitz": 13, "place d italie": 13, "montparnasse": 14,
    "denfert": 14, "chatelet": 1, "les halles": 1, "saint lazare": 8, "porte de saint ouen": 17,
    "porte de clichy": 17, "porte de pantin": 19, "porte d ivry": 13,
    "porte de vanves": 14, "porte de versailles": 15, "porte maillot": 17, "hotel de ville": 4,
    "la mie de pain": 13,
}

# Communes et départements hors de Paris (Île-de-France surtout).
HORS_PARIS: tuple[str, ...] = (
    "saint denis", "montreuil", "aubervilliers", "bobigny", "nanterre", "creteil", "ivry", "ivry sur seine",
    "vitry", "vitry sur seine", "pantin", "bondy", "noisy le sec", "noisy le grand", "argenteuil",
    "sarcelles", "clichy", "clichy sous bois", "boulogne", "boulogne billancourt", "colombes", "versailles",
    "evry", "massy", "saint ouen", "la courneuve", "aulnay", "aulnay sous bois", "drancy", "bagnolet",
    "les lilas", "romainville", "villejuif", "kremlin bicetre", "le kremlin bicetre", "gennevilliers",
    "asnieres", "levallois", "issy", "issy les moulineaux", "vincennes", "saint mande", "champigny",
    "cergy", "pontoise", "meaux", "melun", "marne la vallee", "torcy", "villepinte", "sevran", "stains",
    "epinay", "pierrefitte", "rosny", "rosny sous bois", "fontenay", "choisy", "choisy le roi", "orly",
    "massy palaiseau", "lyon", "marseille", "lille", "toulouse", "bordeaux", "nantes", "strasbourg",
    "nice", "rennes", "grenoble", "montpellier", "rouen", "reims", "calais", "banlieue", "province",
    "seine saint denis", "val de marne", "hauts de seine", "val d oise", "essonne", "yvelines",
    "seine et marne",
)

# Mois de l'année (normalisés) -> numéro.
MOIS_ANNEE: dict[str, int] = {
    "janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "fevier": 2, "fev": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "out": 8, "septembre": 9, "sept": 9,
    "septambre": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "decembre": 12, "dec": 12,
    "desembre": 12,
}

ORDINAUX: dict[str, int] = {
    "premier": 1, "deuxieme": 2, "second": 2, "troisieme": 3, "quatrieme": 4, "cinquieme": 5,
    "sixieme": 6, "septieme": 7, "huitieme": 8, "neuvieme": 9, "dixieme": 10, "onzieme": 11,
    "douzieme": 12, "treizieme": 13, "quatorzieme": 14, "quinzieme": 15, "seizieme": 16,
    "dix septieme": 17, "dix huitieme": 18, "dix neuvieme": 19, "vingtieme": 20,
}

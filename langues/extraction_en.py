"""English free-text fact extraction (issue 13) — precision first.

``extraire(texte) -> dict`` returns only the facts of the situation vocabulary (``droits/schema/situation.json``)
that the message says for sure about the person writing (first person: "I", "me", "my", or a subjectless
fragment such as "34, no papers, homeless" that no other person precedes). In doubt, nothing: the fact stays
unknown and the dialogue asks the question again with its buttons. Same rules as ``bot/extraction`` (French):

- questions (``?``, "can I…", "what is…", "I want to know if…") give no facts; nor do hypotheticals and plans
  ("if I had papers", "when I get papers", "I want to apply for asylum", "I will…") nor hedges ("I think",
  "maybe", "about 800", "between 300 and 400");
- third person ("my friend is 30", "he has no papers") gives nothing; a helper writing for someone
  ("I'm writing for my brother") gives nothing at all;
- negation is read ("I'm not married" -> en_couple false; "no kids" -> enfants 0); denying a negative word never
  gives the opposite ("not homeless" -> nothing); past states ("I was homeless") give nothing;
- two different values for one fact -> nothing (unless one reading is stronger, e.g. "not married but I live
  with my girlfriend" -> en_couple true);
- a residence status comes with ``nationalite: hors_ue`` (as in French); every value is checked with
  ``droits.valider_situation``.

Never raises: ``None``, "", 10 kB, emoji, or a text starting with "/" -> ``{}``. Facts are read in the first
3,000 characters.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any

__all__ = ["extraire"]

_MAX = 3000

# --------------------------------------------------------------------------------------------- lexicon

_EU_ADJ = {
    "romanian": "ue", "bulgarian": "ue", "polish": "ue", "italian": "ue", "spanish": "ue", "portuguese": "ue",
    "german": "ue", "belgian": "ue", "greek": "ue", "hungarian": "ue", "czech": "ue", "slovak": "ue",
    "slovakian": "ue", "croatian": "ue", "slovenian": "ue", "austrian": "ue", "dutch": "ue", "swedish": "ue",
    "danish": "ue", "finnish": "ue", "irish": "ue", "lithuanian": "ue", "latvian": "ue", "estonian": "ue",
    "luxembourgish": "ue", "maltese": "ue", "cypriot": "ue", "swiss": "ue", "norwegian": "ue",
    "icelandic": "ue", "european": "ue",
}
_HORS_UE_ADJ = [
    "afghan", "afghani", "sudanese", "eritrean", "ethiopian", "somali", "somalian", "malian", "senegalese",
    "ivorian", "guinean", "cameroonian", "congolese", "algerian", "moroccan", "tunisian", "egyptian", "libyan",
    "chadian", "nigerian", "ghanaian", "syrian", "iraqi", "iranian", "pakistani", "bangladeshi", "indian",
    "sri lankan", "chinese", "vietnamese", "georgian", "armenian", "russian", "ukrainian", "moldovan",
    "albanian", "serbian", "kosovar", "bosnian", "turkish", "kurdish", "haitian", "brazilian", "colombian",
    "venezuelan", "peruvian", "american", "british", "english", "lebanese", "palestinian", "yemeni",
    "mauritanian", "gambian", "burkinabe", "beninese", "togolese", "comorian", "tibetan", "chechen",
    "nepalese", "filipino", "mongolian", "kenyan", "ugandan", "rwandan", "burundian", "angolan", "cape verdean",
    "gabonese", "jordanian", "kuwaiti", "saudi", "tajik", "uzbek", "kazakh", "kyrgyz", "azerbaijani",
    "belarusian", "macedonian", "montenegrin", "cuban", "dominican", "mexican", "argentinian", "chilean",
    "bolivian", "ecuadorian", "south sudanese", "central african", "sierra leonean", "liberian",
]
_ADJ = {**_EU_ADJ, **{a: "hors_ue" for a in _HORS_UE_ADJ}, "french": "francaise"}

_EU_PAYS = [
    "romania", "bulgaria", "poland", "italy", "spain", "portugal", "germany", "belgium", "greece", "hungary",
    "czech republic", "czechia", "slovakia", "croatia", "slovenia", "austria", "netherlands", "holland",
    "sweden", "denmark", "finland", "ireland", "lithuania", "latvia", "estonia", "luxembourg", "malta",
    "cyprus", "switzerland", "norway", "iceland", "liechtenstein",
]
_HORS_UE_PAYS = [
    "afghanistan", "sudan", "south sudan", "eritrea", "ethiopia", "somalia", "mali", "senegal", "ivory coast",
    "cote d ivoire", "guinea", "guinea conakry", "cameroon", "congo", "drc", "algeria", "morocco", "tunisia",
    "egypt", "libya", "chad", "niger", "nigeria", "ghana", "syria", "iraq", "iran", "pakistan", "bangladesh",
    "india", "sri lanka", "china", "vietnam", "georgia", "armenia", "russia", "ukraine", "moldova", "albania",
    "serbia", "kosovo", "bosnia", "turkey", "haiti", "brazil", "colombia", "venezuela", "peru", "usa",
    "united states", "the uk", "uk", "united kingdom", "england", "lebanon", "palestine", "gaza", "yemen",
    "mauritania", "gambia", "burkina faso", "burkina", "benin", "togo", "comoros", "tibet", "chechnya", "nepal",
    "philippines", "mongolia", "kenya", "uganda", "rwanda", "burundi", "angola", "cape verde", "gabon",
    "jordan", "tajikistan", "uzbekistan", "kazakhstan", "kyrgyzstan", "azerbaijan", "belarus",
    "north macedonia", "macedonia", "montenegro", "cuba", "dominican republic", "mexico", "argentina",
    "chile", "bolivia", "ecuador", "central african republic", "sierra leone", "liberia", "bangladesh",
]
_PAYS = {**{p: "ue" for p in _EU_PAYS}, **{p: "hors_ue" for p in _HORS_UE_PAYS}, "france": "francaise"}


def _alt(mots) -> str:
    return "|".join(sorted((re.escape(m) for m in mots), key=len, reverse=True))


_ADJ_RE = _alt(_ADJ)
_PAYS_RE = _alt(_PAYS)

_BANLIEUE = [
    "saint denis", "st denis", "montreuil", "aubervilliers", "bobigny", "creteil", "nanterre", "argenteuil",
    "vitry", "ivry", "pantin", "bondy", "sevran", "aulnay", "aulnay sous bois", "clichy", "boulogne",
    "vincennes", "villejuif", "colombes", "courbevoie", "noisy le grand", "noisy le sec", "champigny", "drancy",
    "la courneuve", "stains", "gennevilliers", "cergy", "evry", "massy", "versailles", "saint ouen", "st ouen",
    "bagnolet", "rosny", "villepinte", "epinay", "sarcelles", "garges", "meaux", "melun", "lyon", "marseille",
    "lille", "toulouse", "nice", "bordeaux", "nantes", "strasbourg", "rennes", "calais", "grenoble",
    "montpellier", "the suburbs", "suburbs", "the banlieue", "banlieue", "seine saint denis", "val de marne",
    "essonne", "hauts de seine", "val d oise", "the 93", "93", "the 94", "94", "the 92", "92",
]
_BANLIEUE_RE = _alt(_BANLIEUE)

# words that put another person in a clause (the fact may be theirs)
_AUTRUI = (r"\b(?:he|she|they|him|her|his|hers|their|them|you|your|someone|somebody|anyone|everyone|people|"
           r"persons?|person|man|woman|guy|girl|boy|lady|friends?|brothers?|sisters?|mother|mom|mum|father|dad|"
           r"parents?|sons?|daughters?|cousins?|uncle|aunt|nephew|niece|neighbou?r|grandmother|grandfather|"
           r"students|refugees|migrants|foreigners|families|family|kids?|children|child|baby|wife|husband|"
           r"partner|girlfriend|boyfriend|spouse|fiancee?|ex|colleague|boss|roommate|flatmate|host|"
           r"asylum seekers|a lot of|many|most|some of|all of)\b")
_AUTRUI = re.compile(_AUTRUI)
_PARTENAIRE = r"(?:wife|husband|partner|girlfriend|boyfriend|spouse|fiancee?|companion)"

_NEGATION = re.compile(r"\b(?:not|never|no|nor|neither|without|no longer|hardly)\b")

_HESITATION = re.compile(
    r"\b(?:maybe|perhaps|probably|possibly|i think|i guess|i believe|i suppose|not sure|unsure|seems|"
    r"about|around|approximately|approx|roughly|almost|nearly|more or less|or so|something like|"
    r"kind of|sort of|i do not know|i do not remember|idk|dunno|no idea|not really|i forgot|or less|or more|"
    r"range|at least|at most|less than|more than|over|under|up to|max|min|like \d)\b")
_FUTUR = re.compile(
    r"\b(?:will|going to|gonna|soon|next (?:week|month|year)|tomorrow|plan|planning|want to|wanna|hope|"
    r"hoping|would like|wish|about to|trying to|try to|intend|expect to|once i|when i (?:get|have|find|am|will)|"
    r"after i (?:get|have|find)|in the future|one day|someday|might|may|should|could|would)\b")
_PASSE = re.compile(
    r"\b(?:was|were|used to|before|previously|formerly|back then|(?<!since )last (?:year|month|week|winter|summer)|"
    r"until|had|in the past|at the time|when i arrived|at first|in \d{4})\b")
_HYPOTHESE = re.compile(
    r"\b(?:if|unless|in case|suppose|supposing|imagine|what if|assuming|let s say|lets say|would|could|"
    r"wish|hypothetically|i d)\b")
_AIDANT = re.compile(
    r"\b(?:writing|write|asking|ask|contacting you|contact you|here|message|messaging|calling|call|texting)"
    r" (?:for|on behalf of) (?:my|a|an|his|her|the|someone|somebody|this|one of)\b|\bon behalf of\b"
    r"|\bi am (?:a |an )?(?:social worker|volunteer|helper|caseworker|case worker|educator|nurse|teacher|"
    r"lawyer|interpreter|translator)\b|\bi (?:help|am helping|accompany|support) (?:a|an|my|someone|somebody|"
    r"people|this|refugees|migrants)\b|\bfor my (?:friend|brother|sister|mother|mom|mum|father|dad|cousin|"
    r"neighbou?r|uncle|aunt|son|daughter|client|colleague|wife|husband)\b|\bmy (?:client|beneficiary)\b")
_QUESTION_DANS = re.compile(
    r"\b(?:i want to know|i would like to know|i d like to know|i wonder|wondering|tell me|question|"
    r"i am asking (?:you|if|whether|about|for information)|do you know|please explain|explain|how much|"
    r"whether|is it true|am i eligible|am i entitled|i need to know|i need information|let me know)\b")
_INVERSION = re.compile(r"\b(?:can|could|may|should|shall|do|does|did|am|will|would|is|are) (?:i|we|you|it|there|"
                        r"people|they|he|she|someone|a person|students|refugees)\b(?! (?:am|are|is|can|will|do)\b)")
_AUX = r"(?:can|could|may|might|should|shall|will|would|do|does|did|is|are|am|have|has|was|were|must)"
_SUJET_Q = (r"(?:i|you|we|he|she|they|it|there|people|someone|somebody|anyone|a|an|the|my|his|her|their|one|"
            r"students|refugees|asylum|undocumented|foreigners|homeless|this|that|these|those|everyone)")
_QUESTION_DEBUT = re.compile(
    r"^(?:(?:hi|hello|hey|ok|okay|so|and|but|please|sorry|also|excuse me|good morning|salam|yes|no)\s+)*"
    r"(?:(?:what|whats|how|who|whom|whose|where|why|which)\b|" + _AUX + r"\s+" + _SUJET_Q + r"\b)")

_DISCOURS = re.compile(
    r"^(?:(?:hi|hello|hey|salam|salaam|good morning|good evening|ok|okay|yes|yeah|well|so|and|but|also|plus|"
    r"now|currently|today|actually|honestly|please|sir|madam|because|then|right now|at the moment|"
    r"at present|for now|still|already|anyway|i mean|you know|thanks|thank you|hmm|um|uh|dear)\s+)+")

_NOMBRES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_ORDRE = {"hundred": 100, "thousand": 1000}

_SMS = [
    (r"\bi m\b|\bim\b|\biam\b|\bi am\b|\bi'm\b", "i am"),
    (r"\bive\b|\bi ve\b", "i have"),
    (r"\bi ll\b", "i will"), (r"\bi d\b", "i would"),
    (r"\b(?:dont|dnt|don t)\b", "do not"), (r"\b(?:doesnt|doesn t)\b", "does not"),
    (r"\b(?:didnt|didn t)\b", "did not"), (r"\b(?:cant|can t|cannot|cnt)\b", "can not"),
    (r"\b(?:wont|won t)\b", "will not"), (r"\b(?:isnt|isn t)\b", "is not"), (r"\b(?:arent|aren t)\b", "are not"),
    (r"\b(?:wasnt|wasn t)\b", "was not"), (r"\b(?:werent|weren t)\b", "were not"),
    (r"\b(?:havent|haven t|hvnt)\b", "have not"), (r"\b(?:hasnt|hasn t)\b", "has not"),
    (r"\b(?:hadnt|hadn t)\b", "had not"), (r"\b(?:aint|ain t)\b", "am not"),
    (r"\b(?:couldnt|couldn t)\b", "could not"), (r"\b(?:wouldnt|wouldn t)\b", "would not"),
    (r"\b(?:shouldnt|shouldn t)\b", "should not"),
    (r"\bu\b", "you"), (r"\bur\b", "your"), (r"\br\b", "are"), (r"\bn\b", "and"), (r"\bnd\b", "and"),
    (r"\b(?:wit|wiv|wid)\b", "with"), (r"\bgonna\b", "going to"), (r"\bwanna\b", "want to"),
    (r"\b(?:hv|hav|hve)\b", "have"), (r"\b(?:wrk|werk)\b", "work"), (r"\bjb\b", "job"),
    (r"\b(?:kidz|kiddos?|childs|childrens|chidren|childern|chldren|childen|chilren)\b", "children"),
    (r"\b(?:wif|wifey|wyf)\b", "wife"), (r"\bhubby\b", "husband"), (r"\bbf\b", "boyfriend"),
    (r"\bgf\b", "girlfriend"), (r"\b(?:frnd|frend|freind|fren)\b", "friend"), (r"\b(?:frnds|frends)\b", "friends"),
    (r"\bppl\b", "people"), (r"\b(?:pls|plz|plse)\b", "please"), (r"\b(?:coz|cuz|bcoz|bcz|bc|cause)\b", "because"),
    (r"\bb4\b", "before"), (r"\babt\b", "about"), (r"\bsm1\b", "someone"), (r"\btho\b", "though"),
    (r"\b(?:papiers|papier|paper|papres|paperz)\b", "papers"), (r"\b(?:docs|doc)\b", "documents"),
    (r"\b(?:homless|homeles|hommeless|homelss)\b", "homeless"),
    (r"\b(?:pregnent|pregant|pregnat|prégnant|preggo|preggers)\b", "pregnant"),
    (r"\b(?:marred|marrid|maried|marriedd)\b", "married"), (r"\b(?:studant|studen|stdnt)\b", "student"),
    (r"\b(?:yrs|yr|years|year)\b", lambda m: "years" if m.group() != "year" else "year"),
    (r"\b(?:mnths|mths|mos|mons|monts|mounths|munths)\b", "months"), (r"\bwks\b", "weeks"),
    (r"\b(?:sinse|sins)\b", "since"),
    (r"\b(stay|liv|sleep|work|gett|try|look|wait|liv|rent)in\b", lambda m: {"liv": "liv"}.get(m.group(1), m.group(1)) + "ing"), (r"\b(?:adress|addres|adres)\b", "address"),
    (r"\b(?:apartement|appartment|appartement|appart|apt)\b", "apartment"),
    (r"\b(?:euro|eur|eu?ros|€)\b", "euros"), (r"\bthe streets\b", "the street"),
    (r"\b(?:ex wife|ex husband|ex partner|ex girlfriend|ex boyfriend)\b",
     lambda m: "ex " + m.group().split()[1] + "x"),
]
_SMS = [(re.compile(a), b) for a, b in _SMS]


# --------------------------------------------------------------------------------------------- normalisation

def _nombres_en_chiffres(t: str) -> str:
    mots = t.split(" ")
    sortie: list[str] = []
    i = 0
    while i < len(mots):
        m = mots[i]
        if m in _NOMBRES or (m in _ORDRE and sortie and sortie[-1] in ("a", "one")):
            if m == "one":
                avant = sortie[-1] if sortie else ""
                apres = mots[i + 1] if i + 1 < len(mots) else ""
                if avant in ("no", "any", "some", "every", "this", "that", "the", "which", "each", "little",
                             "another", "other", "only", "last", "first") or apres in ("of", "another", "day",
                                                                                        "who", "is", "by"):
                    sortie.append(m)
                    i += 1
                    continue
            total, courant, j = 0, 0, i
            if m in _ORDRE:  # « a hundred »
                sortie.pop()
                courant = 1
            while j < len(mots):
                w = mots[j]
                if w in _NOMBRES:
                    v = _NOMBRES[w]
                    if courant and courant % 10 == 0 and courant % 100 != 0 and v >= 10:
                        break  # « twenty thirty » : deux nombres
                    if courant and v < 10 and courant % 10 != 0:
                        break
                    courant += v
                elif w in _ORDRE:
                    if w == "thousand":
                        total += max(courant, 1) * 1000
                        courant = 0
                    else:
                        courant = max(courant, 1) * 100
                elif w == "and" and j + 1 < len(mots) and mots[j + 1] in _NOMBRES and j > i \
                        and mots[j - 1] in _ORDRE:
                    pass
                else:
                    break
                j += 1
            sortie.append(str(total + courant))
            i = j
            continue
        sortie.append(m)
        i += 1
    return " ".join(sortie)


def _normaliser(texte: str) -> str:
    t = unicodedata.normalize("NFKC", texte).lower()
    t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))
    t = re.sub(r"[’‘`´]", "'", t)
    t = t.replace("€", " euros ").replace("&", " and ").replace("w/", " with ")
    t = re.sub(r"\by ?/ ?o\b|\by\.o\.?|\byo\b(?=\s|$|[,.;!])", " yearsold ", t)
    t = re.sub(r"(\d)\s*(?:yrs?|years?)\s*old\b", r"\1 yearsold", t)
    t = re.sub(r"(\d)(?=[a-z])", r"\1 ", t)  # « 34yo », « 800euros », « 2kids »
    t = re.sub(r"(\d+(?:[.,]\d+)?) ?k\b", lambda m: str(int(float(m.group(1).replace(",", ".")) * 1000)), t)
    t = re.sub(r"\b(\d{1,3})[,.](\d{3})\b", r"\1\2", t)
    t = re.sub(r"(\d),(\d)", r"\1.\2", t)
    # contractions
    t = re.sub(r"\bcan'?t\b", "can not", t)
    t = re.sub(r"\bwon'?t\b", "will not", t)
    t = re.sub(r"\bain'?t\b", "am not", t)
    t = re.sub(r"n't\b", " not", t)
    t = re.sub(r"'m\b", " am", t)
    t = re.sub(r"'ve\b", " have", t)
    t = re.sub(r"'re\b", " are", t)
    t = re.sub(r"'ll\b", " will", t)
    t = re.sub(r"'d\b", " would", t)
    t = re.sub(r"\b(he|she|it|that|there|what|who|where|how|here)'s\b", r"\1 is", t)
    t = re.sub(r"'s\b", "", t)
    t = t.replace("'", " ")
    t = re.sub(r"\b(\d+) ?(?:eur|e|euro)\b", r"\1 euros", t)
    t = t.replace("/", " / ")
    # keep letters, digits, sentence punctuation
    t = re.sub(r"[^a-z0-9.,;:!?\n ]+", " ", t)
    t = re.sub(r"(?<!\d)\.|\.(?!\d)", " . ", t)
    t = re.sub(r"([,;:!?\n])", r" \1 ", t)
    t = re.sub(r"[ \t]+", " ", t).strip()
    for motif, remplacement in _SMS:
        t = motif.sub(remplacement, t)
    t = _nombres_en_chiffres(t)
    t = re.sub(r"\b(came|come|go|went|want|need|have|going|moved|back|welcome|able|how|used|trying|try|hard|easy|"
               r"difficult|way|arrived|got|impossible|possible) 2 (?=(?:france|paris|the|work|go|get|pay|sleep|live|stay|"
               r"find|eat|see|apply|ask|do|be|receive|know|help|me)\b)", r"\1 to ", t)
    # durations and periods
    t = re.sub(r"\b(\d+|a|an) (years?|months?) and a half\b",
               lambda m: ("1" if m.group(1) in ("a", "an") else m.group(1)) + ".5 " + m.group(2), t)
    t = re.sub(r"\b(\d+) and a half (years?|months?)\b", r"\1.5 \2", t)
    t = re.sub(r"\bhalf a year\b", "6 months", t)
    t = re.sub(r"\b(?:a|per|each|every|by|/) ?(month|week|day|year)\b|\b(month|week|dai|year)ly\b",
               lambda m: " per" + (m.group(1) or m.group(2)).replace("dai", "day") + " ", t)
    t = re.sub(r"\bannually\b", " peryear ", t)
    t = re.sub(r"\b(?:a|an|one) (years?|months?|weeks?)\b", r"1 \1", t)
    t = re.sub(r"\b(\d+) (?:-|to|or) (\d+)\b", " range ", t)
    t = re.sub(r"\bbetween \d+ and \d+\b", " range ", t)
    t = re.sub(r"\b(\d+)-(\d+)\b", " range ", t)
    t = re.sub(r"\b(\d+) (years|yearsold) old\b", r"\1 yearsold", t)
    t = re.sub(r"\b(\d+) years old\b", r"\1 yearsold", t)
    t = re.sub(r"\bage ?: ?", "age ", t)
    t = re.sub(r"\b(?:(\d+)|a|an) (sons?|daughters?|boys?|girls?) and (?:(\d+)|a|an) (sons?|daughters?|boys?|girls?)\b"
               r"(?! (?:on the way|coming|due|expected))",
               lambda m: str(int(m.group(1) or 1) + int(m.group(3) or 1)) + " children", t)
    # « me and my wife », « my husband and I » : we (a couple)
    t = re.sub(r"\b(?:me|i) and my (" + _PARTENAIRE + r")\b", r"we couple", t)
    t = re.sub(r"\bmy (" + _PARTENAIRE + r") and (?:i|me)\b", r"we couple", t)
    return re.sub(r"[ \t]+", " ", t).strip()


# --------------------------------------------------------------------------------------------- patterns
# kinds: "ancre" = carries its own first-person subject ("i am 34", "my salary is"); "frag" = subjectless,
# valid only if the clause is about the writer; "foyer" = frag also valid for "we" and after a partner.

_AM = r"(?:i am|me|am i)(?: (?:now|currently|still|also|really|actually|already|just|only|officially))?"
_HAVE = r"i (?:have|got|have got|do have)(?: (?:now|currently|still|also|really|already|just|only))?"
_D = r"(?P<n>\d+(?:\.\d+)?) (?P<u>years?|months?|weeks?|days?)(?: and (?P<n2>\d+) (?P<u2>months?))?"
_ENFANTS = r"(?:(?:little|young|small|minor|beautiful|lovely) )?(?:children|child|kids?|sons?|daughters?|boys?|girls?|babies|baby)"
_ARGENT = r"(?P<m>\d+(?:\.\d+)?) ?(?P<e>euros)?(?: (?P<p>permonth|perweek|perday|peryear))?"

P: list[tuple[str, Any, str, str, int, bool]] = []  # (field, value, regex, kind, strength, past_ok)


def _p(champ, valeur, motif, genre="ancre", force=2, passe=False):
    P.append((champ, valeur, re.compile(motif), genre, force, passe))


# age
_p("age", "n", r"\b" + _AM + r" (?P<n>\d{1,3})(?P<suite>(?: yearsold| years)?)(?: |$)")
_p("age", "n", r"\b(?:i am|me) (?:a |an )?[a-z]+ (?P<n>\d{1,3}) (?:yearsold|years)\b(?! (?:in|here|ago|since|of|that|for)\b)")
_p("age", "n", r"\b(?:i am|me) (?:a |an )?(?P<n>\d{1,3}) yearsold (?:man|woman|guy|girl|boy|lady|mother|father|student|refugee)\b")
_p("age", "n", r"\bi (?:have|got) (?P<n>\d{1,3}) (?:yearsold|years)(?! (?:in|here|ago|since|of|that|without|with|for|at|on|now)\b)")
_p("age", "n", r"\bmy age (?:is )?(?P<n>\d{1,3})\b")
_p("age", "n", r"(?:^|\b(?:aged?|age is) )(?P<n>\d{1,3}) yearsold\b", "frag")
_p("age", "n", r"^(?:aged?|age) (?P<n>\d{1,3})$", "frag")
_p("age", "n", r"^(?P<n>\d{1,3})$", "frag_age_seul")

# nationality
_p("nationalite", "adj", r"\b" + _AM + r" (?:a |an )?(?:(?:originally|born) )?(?P<adj>" + _ADJ_RE + r")\b"
   r"(?! (?:speaker|speaking|speakers|class|course|lessons?|teacher|language|food|restaurant|school|company|"
   r"visa|residence|permit|card)\b)")
_p("nationalite", "adj", r"\bi (?:have|got|hold) (?:the |a |an )?(?P<adj>" + _ADJ_RE + r") "
   r"(?:nationality|citizenship|passport)\b")
_p("nationalite", "adj", r"\bmy (?:nationality|citizenship) is (?P<adj>" + _ADJ_RE + r")\b")
_p("nationalite", "pays", r"\bmy (?:nationality|citizenship|country) is (?P<pays>" + _PAYS_RE + r")\b")
_p("nationalite", "pays", r"\b(?:i am|i come|me|i m)(?: (?!with|to|of|for|in|at|living|staying|married|here|friends?|"
   r"who|that|and|but|came|arrived|travel\w*|fled|escaped|moved|sent|back|not|never)[a-z0-9]+){0,4} (?:and )?(?:originally )?from "
   r"(?:the )?(?P<pays>" + _PAYS_RE + r")\b")
_p("nationalite", "pays", r"^(?:originally )?from (?:the )?(?P<pays>" + _PAYS_RE + r")$", "frag")
_p("nationalite", "adj", r"^(?P<adj>" + _ADJ_RE + r")(?: (?:man|woman|guy|girl|national|citizen|nationality))?$", "frag")
_p("nationalite", "adj", r"\b(?:i am|me) (?:a |an )?(?P<adj>" + _ADJ_RE + r") (?:citizen|national)\b")
_p("nationalite", "ue", r"\b(?:i am|me) (?:a |an )?(?:eu|european union|eea) (?:citizen|national)\b")
_p("nationalite", "francaise", r"\bi (?:have|got) (?:the )?french (?:nationality|citizenship|passport|id card)\b")

# residence status
_AUCUN = (r"\b(?:no|without|zero|0) (?:legal |valid |residence |residency |work )?(?:papers|documents|residence permit|"
          r"residency|permit|titre de sejour|titre|legal status|status|carte de sejour|residence card)\b"
          r"(?! (?:for|to|of|from) )|\bundocumented\b|\bsans papiers\b|\bsans papers\b|\billegal(?:ly)?(?: here| in france)?$"
          r"|\bi am (?:here )?illegal(?:ly)?\b|\bi am (?:in an )?irregular(?: situation| status)?\b|\bin an irregular situation\b")
_p("titre_sejour", "aucun", _AUCUN, "frag")
_p("titre_sejour", "aucun", r"\bi (?:do not|did not|still do not|never) (?:have|had|get|got) (?:any |a |my |the )?"
   r"(?:legal |valid |residence )?(?:papers|documents|residence permit|permit|titre de sejour|legal status|"
   r"status|carte de sejour|residence card)\b(?! (?:for|to|of|from|with me) )")
_p("titre_sejour", "aucun", r"\bmy (?:visa|residence permit|permit|papers|titre de sejour|titre|residence card|carte de sejour)"
   r" (?:has |have |is |are )?(?:expired|ran out|run out|finished|ended|is over|are over|no longer valid|not valid)\b",
   passe=True)
_p("titre_sejour", "aucun", r"\bmy asylum (?:application |request |claim |case )?(?:was |got |has been |is )?"
   r"(?:rejected|refused|denied)\b|\bi (?:was|got|have been) (?:rejected|refused|denied)(?: by (?:the )?(?:ofpra|cnda))?\b"
   r"|\brejected asylum seeker\b|\bdebout[ée]\b", passe=True)
_p("titre_sejour", "demande_asile",
   r"\basylum seeker\b|\bi (?:have )?(?:applied|asked|claimed|filed|registered) (?:for )?(?:asylum|refugee status)\b"
   r"|\bi am (?:seeking|asking for|requesting|claiming) asylum\b|\bi (?:have|got) (?:an |my |the )?asylum "
   r"(?:application|claim|request|procedure|case|certificate|attestation|paper)\b"
   r"|\bmy asylum (?:application|claim|request|procedure|case) is (?:pending|in progress|ongoing|being processed|still)\b"
   r"|\basylum (?:application|claim|request) (?:pending|in progress|ongoing)\b"
   r"|\b(?:waiting|wait) for (?:my |the )?(?:ofpra|cnda|asylum)\b|\bofpra (?:interview|appointment|convocation)\b"
   r"|\bi (?:have|got) (?:an |my )?(?:interview|appointment|convocation) (?:at|with) (?:the )?ofpra\b"
   r"|\bi am in (?:the )?(?:asylum|dublin) procedure\b|\bi am (?:a )?dublin(?:ed)?\b", "frag", passe=True)
_p("titre_sejour", "protection_internationale",
   r"\bi am (?:a )?(?:recognized |recognised |political )?refugee\b(?! (?:camp|cent(?:er|re)|association|organi[sz]ation|"
   r"status application))|\bi (?:have|got|obtained|received|was granted|have been granted|was given) (?:the |my |a )?"
   r"(?:refugee (?:status|card|papers|residence permit)|subsidiary protection|international protection|"
   r"asylum|protection)\b|\bsubsidiary protection\b|\bi am (?:a )?(?:recogni[sz]ed|statutory) refugee\b"
   r"|^(?:a )?refugee$|\bi am stateless\b", "frag", passe=True)
_p("titre_sejour", "recepisse", r"\b(?:recepisse|receipt (?:for|of) my (?:residence permit|permit|renewal|"
   r"application|titre|residence card))\b", "frag")
_p("titre_sejour", "carte_resident", r"\b(?:10|ten) years? (?:residence |resident )?(?:card|permit)\b"
   r"|\bresident card\b|\bcarte de resident\b|\blong term resident\b|\bpermanent resident\b", "frag")
_p("titre_sejour", "titre_travail",
   r"\b" + _HAVE + r" (?:a |an |my |valid |legal |the )*(?:(?:\d+ years? |temporary |multi years? |"
   r"pluriannual )?(?:residence permit|residence card|titre de sejour|carte de sejour|work permit|"
   r"permit to work|papers|legal papers|valid papers|documents|valid documents|residency))\b"
   r"(?! (?:for|to|from|in my|of|application|request|appointment|renewal|expired|expire|will))"
   r"|\bmy papers are (?:in order|valid|ok|okay|good)\b|\bi am (?:legal|regulari[sz]ed|documented)\b"
   r"|\bvie privee et familiale\b|\bprivate and family life (?:permit|card)\b")

# duration in France
_p("mois_en_france", "duree", r"\b(?:i am|i have been|i have lived|i have stayed|i live|i am living|i have been living|"
   r"i stay|i am staying|i am here|i have been here) (?:here )?in france (?:for |since )?" + _D + r"(?! ago)")
_p("mois_en_france", "duree", r"(?:^|\bi am |\bi have been |\band )in france (?:for |since )" + _D + r"(?! ago)", "frag")
_p("mois_en_france", "duree", r"(?:^|\bi have been |\bi am |\bsince )" + _D + r" in france\b", "frag")
_p("mois_en_france", "duree", r"\bi (?:came|arrived|entered|moved|got) (?:to |in |into )?(?:france )?" + _D + r" ago\b",
   passe=True)
_p("mois_en_france", "duree", r"^(?:arrived|came) (?:to |in )?(?:france )?" + _D + r" ago$", "frag", passe=True)

_PARIS_NON = r"(?! (?:suburbs?|region|area|outskirts|surroundings|banlieue|metropolitan|for (?:a|\d+|a few|few|some|several) (?:days?|weeks?|nights?)|on holiday|to visit|visiting))"
_SANS_RELATIVE = r"(?: (?!who|which|that|where|but|and|to|when|if|before|after|my|his|her|their|friend)[a-z0-9]+){0,5}"
# Paris
_p("vit_a_paris", True, r"\bi (?:live|am living|sleep|am sleeping|stay|am staying|reside|have been living|have lived|"
   r"have been sleeping|have been staying|have been|am|am based)(?: now| currently| still)? in paris\b" + _PARIS_NON)
_p("vit_a_paris", True, r"\b(?:i|we|we couple) (?:live|sleep|stay|rent|am renting|are renting|am living|am sleeping|am staying|are living|"
   r"are sleeping|are staying)\b" + _SANS_RELATIVE + r" in paris\b" + _PARIS_NON)
_p("vit_a_paris", True, r"\b(?:homeless|on the street|in a tent|living|based|staying|sleeping|sleep|live)"
   r"(?: outside| rough| on the street| in the street| in a tent)? in paris\b"
   r"(?! (?:suburbs?|region|area|outskirts|surroundings|banlieue|metropolitan))", "foyer")
_p("vit_a_paris", True, r"\bwe (?:live|sleep|stay|are living|are staying|are sleeping) in paris\b"
   r"(?! (?:suburbs?|region|area|outskirts|surroundings|banlieue|metropolitan))")
_p("vit_a_paris", False, r"\bi (?:live|am living|sleep|stay|am staying|reside|am|rent)\b" + _SANS_RELATIVE + r" (?:in|at) (?P<b>" + _BANLIEUE_RE + r")\b"
   r"|\bi (?:live|sleep|stay|am living) (?:outside|out of|far from) paris\b|\bi do not (?:live|sleep|stay) in paris\b")
_p("arrondissement", "arr", r"\b(?:i|we|we couple) (?:live|sleep|stay|rent|am renting|am living|am sleeping|am staying)\b"
   + _SANS_RELATIVE + r" in paris (?P<a>\d{1,2})(?:th|st|nd|rd|e|eme)?\b(?! (?:euros|years|months|minutes|kids|children))")
_p("arrondissement", "arr", r"\b(?:i (?:live|sleep|stay|am living|am sleeping|am staying|am)|we (?:live|sleep|stay)) "
   r"(?:in )?(?:paris (?P<a>\d{1,2})(?:th|st|nd|rd|e|eme)?|(?:in )?the (?P<a2>\d{1,2}) ?(?:th|st|nd|rd|e|eme)"
   r"(?: arrondissement| district)?|paris 750(?P<a3>\d\d))\b")

# mail
_p("adresse_courrier", False, r"\bno (?:fixed |postal |mailing |stable |permanent |home )?address\b"
   r"(?! (?:in|of|for (?:my )?(?:wife|husband|kids|children)))"
   r"|\bi (?:do not|did not|still do not) have (?:an |any |a )?(?:fixed |postal |mailing |stable |permanent |home )?address\b"
   r"|\bi (?:can not|can not even|am not able to|cannot) (?:receive|get) (?:my |any )?(?:mail|letters|post|courier)\b"
   r"|\bnowhere to (?:receive|get) (?:my |any )?(?:mail|letters|post)\b"
   r"|\bno (?:address |place |where )?(?:for|to receive) (?:my )?(?:mail|letters|post)\b", "frag")
_p("adresse_courrier", True, r"\bi (?:can )?(?:receive|get) (?:my )?(?:mail|letters|post) (?:at|in) (?:my|a|the|home)\b"
   r"|\bi have an? (?:postal |mailing |fixed |stable )?address\b(?! (?:in my country|back home|of))")
_p("domiciliation", True, r"\bi (?:have|got) (?:a |my )?domiciliation\b|\bi am domiciled (?:at|with|in)\b")
_p("domiciliation", False, r"\bno domiciliation\b|\bi do not have (?:a |any )?domiciliation\b", "frag")

# RSA
_RSA_APRES = r"(?! (?:application|request|file|claim|appointment|refused|stopped|cut|suspended|form|yet))"
_p("percoit_rsa", True, r"\bi (?:already |currently |still |now |do )?(?:get|receive|have|touch|collect|am on|"
   r"am getting|am receiving) (?:the )?(?:\d+ (?:euros )?(?:of |from )?(?:the )?)?rsa\b" + _RSA_APRES
   + r"|\bi am (?:an )?rsa (?:recipient|beneficiary)\b|\bwe (?:get|receive|have|are on) (?:the )?rsa\b" + _RSA_APRES)
_p("percoit_rsa", True, r"^on (?:the )?rsa$|^rsa (?:recipient|beneficiary)$", "foyer")
_p("percoit_rsa", False, r"\bi (?:do not|still do not) (?:get|receive|have|touch) (?:the |any )?rsa\b|\bno rsa\b"
   r"|\bi am not (?:on|getting|receiving) (?:the )?rsa\b|\bno (?:social )?benefits\b"
   r"|\bi (?:do not|still do not) (?:get|receive|have) any (?:social )?(?:benefits|allowances?|aid|aids)\b", "foyer")

# work
_p("travail_declare", True, r"\b" + _HAVE + r" (?:a |an )?(?:(?:full time|part time|permanent|steady|stable|real|"
   r"declared|official|legal|small|new|little|fixed term|good) )?(?:job|work contract|employment contract|"
   r"contract|cdi|cdd|interim contract|temp contract|payslips?|pay slips?)\b"
   r"(?! (?:interview|offer|search|hunting|application|training|fair|proposal|promise|in my country|back home))"
   r"|\bi am (?:employed|salaried|an employee|a salaried worker|self employed|an? auto entrepreneur|a freelancer)\b"
   r"|\bi work (?:full time|part time|with a contract|with a cdi|with a cdd|declared|officially|legally)\b")
_p("travail_declare", False, r"\bno (?:declared )?(?:job|work|employment)\b(?! (?:permit|authori[sz]ation|visa|"
   r"papers|rights?|contract))|\bi (?:do not|still do not) have (?:a |any )?(?:declared )?(?:job|work|employment)\b"
   r"(?! (?:permit|authori[sz]ation|visa|papers|rights?|contract))|\bi have no (?:job|work|employment)\b"
   r"(?! (?:permit|authori[sz]ation|visa|papers|rights?))|\bi do not work\b|\bi am not working\b"
   r"|\bi am (?:unemployed|jobless|out of work|without (?:a )?job|without work)\b|^(?:unemployed|jobless)$"
   r"|\bi (?:lost|quit) my job\b|\bi (?:have )?never worked\b|\bi work (?:off the books|undeclared|on the black market|"
   r"in black|without (?:a )?contract|informally|illegally|for cash|cash in hand|under the table)\b"
   r"|^working (?:off the books|undeclared|without (?:a )?contract|informally|for cash|cash in hand|under the table)$",
   "frag", passe=True)

# student
_ETU_APRES = r"(?! (?:visa|permit|card|residence|housing|job|loan|accommodation|status|residence permit|titre))"
_p("etudiant", True, r"\b" + _AM + r" (?:a |an )?(?:(?:university|college|phd|master|masters|bachelor|high school|"
   r"international|full time|foreign|young) )?(?:student|pupil)\b" + _ETU_APRES
   + r"|\bi (?:study|am studying) (?:at (?:the |a )?(?:university|college|school|fac|uni)|in (?:the |a )?(?:university|college|"
   r"school|fac|uni)|law|medicine|economics|computer|engineering|biology|nursing)\b"
   r"|\bi go to (?:the )?(?:university|college|school|uni|fac|high school|lycee)\b"
   r"|\bi am (?:in|at) (?:the )?(?:university|college|high school|uni|fac|lycee)\b")
_p("etudiant", True, r"^(?:a )?(?:university |college |master |phd )?student$", "frag")
_p("etudiant", False, r"\bi am not (?:a |an )?student\b|^not (?:a )?student$|\bi do not study\b|\bi am not studying\b"
   r"|\bi (?:stopped|finished|quit|dropped out of|left) (?:my |the )?(?:studies|school|university|college|uni)\b",
   "frag", passe=True)

# pregnancy
_p("enceinte", True, r"\b(?:i am|me) (?:\d+(?:\.\d+)? (?:months?|weeks?) )?pregnant\b|\bi am expecting (?:a baby|a child|twins)\b")
_p("enceinte", True, r"^(?:\d+(?:\.\d+)? (?:months?|weeks?) )?pregnant(?: (?:since|for) .*| \d+ months?| with .*)?$", "frag")
_p("enceinte", False, r"\bi am not pregnant\b|^not pregnant$", "frag")

# children
_p("enfants", "n", r"\b(?:" + _HAVE + r"|we have|we got|with my|mother of|father of|mum of|mom of|dad of|parent of|"
   r"(?:single )?(?:mother|father|mum|mom|dad|parent) (?:of|with))" r" (?P<n>\d{1,2}) " + _ENFANTS + r"\b")
_p("enfants", "n", r"^(?:and |with |plus )?(?:our |my )?(?P<n>\d{1,2}) " + _ENFANTS + r"\b(?! (?:of|from) )", "foyer")
_p("enfants", "n", r"\bwith (?:my |our )?(?P<n>\d{1,2}) " + _ENFANTS + r"\b", "foyer")
_p("enfants", "n", r"^(?:i am )?(?:a )?(?:single )?(?:mother|father|mum|mom|dad|parent) of (?P<n>\d{1,2})(?: " + _ENFANTS + r")?$", "debut")
_p("enfants", "un", r"\b" + _HAVE + r" (?:a|an|1|one) (?:little |young |small |baby )?(?:son|daughter|boy|girl|baby|child|kid)\b")
_p("enfants", 0, r"\bno (?:kids|children|child|kid|babies)\b(?! (?:allowed|accepted))|\bi (?:do not|still do not|never) "
   r"(?:have|had) (?:any )?(?:kids|children|child|kid)\b|\bi have no (?:kids|children)\b|\bwithout (?:kids|children)\b"
   r"|\bchildless\b|\b0 (?:kids|children)\b|\bwe (?:do not have|have no) (?:any )?(?:kids|children)\b", "foyer")
_p("enfants", 0, r"\bi live (?:all )?alone\b(?! with)|\bi am living (?:all )?alone\b(?! with)")
_p("enfants", 0, r"^(?:living|i live|live) (?:all )?alone$", "frag")
_p("en_couple", False, r"^(?:living|i live|live) (?:all )?alone(?: with .*)?$", "frag")

# couple
_COUPLE_LOIN = r"(?! (?:but|who is|who lives|is in|lives in|in|back|abroad|stayed))"
_p("en_couple", True, r"\b" + _AM + r" married\b(?! (?:but|in|back))|\bi live with my " + _PARTENAIRE + r"\b"
   r"|\bwe (?:are )?couple\b|\bwe are (?:married|a couple|together|in a couple|pacsed)\b"
   r"|\bi am in a (?:couple|civil partnership|pacs)\b|\bi am pacsed\b"
   r"|\bi (?:have|got) a (?:wife|husband)\b" + _COUPLE_LOIN)
_p("en_couple", True, r"(?:^|\b(?:i|i am|i live|i sleep|i stay|i came|we live|living|live|sleep|stay|i am here)) "
   r"with my " + _PARTENAIRE + r"\b" + _COUPLE_LOIN, "foyer")
_p("en_couple", True, r"^with my " + _PARTENAIRE + r"\b" + _COUPLE_LOIN, "foyer")
_p("en_couple", True, r"\bi (?:live|sleep|stay|am|came|am staying|am living|am sleeping)\b" + _SANS_RELATIVE
   + r" with my " + _PARTENAIRE + r"\b" + _COUPLE_LOIN + r"|\bi am (?:his|your) wife\b|\bi am (?:her|your) husband\b")
_p("en_couple", True, r"^married(?: with .*)?$", "frag")
_p("en_couple", False, r"^(?:a )?single (?:mother|mum|mom|dad|father|parent)\b", "debut")
_p("en_couple", False, r"\bmy (?:wife|husband|partner) (?:left me|left|died|passed away)\b", passe=True)
_p("en_couple", False, r"\b(?:i am|me) (?:single|divorced|separated|widowed|a widow|a widower)\b", passe=True)
_p("en_couple", True, r"\bwe (?:live|are living|sleep|stay) together\b")
_p("en_couple", False, r"\b(?:i am|me) (?:a )?single (?:mother|mum|mom|dad|father|parent)\b|\bi (?:live|am living) (?:all )?alone\b"
   r"|\bi am (?:all )?alone\b(?! in (?:france|paris))")
_p("en_couple", False, r"^(?:single|divorced|separated|widowed|widow|widower)$|\bsingle (?:mother|mum|mom|dad|father|parent)\b"
   r"|\bi live (?:all )?alone\b|\bi am living (?:all )?alone\b|\bi am alone\b|\bi do not have a (?:wife|husband|partner|"
   r"girlfriend|boyfriend)\b|\bno (?:wife|husband|partner)\b|\bmy (?:wife|husband|partner) (?:left me|died|passed away)\b"
   r"|\bi (?:left|divorced) my (?:husband|wife|partner)\b|\bi am not in a (?:couple|relationship)\b", "frag", passe=True)
_p("en_couple", False, r"\bi am not married\b|^not married$", "frag", force=1)
_p("conjoint_age", "n", r"\bmy " + _PARTENAIRE + r" is (?P<n>\d{1,3})(?: yearsold)?$")

# gender
_p("genre", "femme", r"^(?:a )?single (?:mother|mum|mom)\b", "debut")
_p("genre", "homme", r"^(?:a )?single (?:father|dad)\b", "debut")
_p("genre", "femme", r"\b(?:i am|me) (?:a |an )?(?:\d+ yearsold )?(?:woman|lady|girl|mother|mom|mum|single mother|single mom|single mum|"
   r"young woman|female)\b|^(?:a )?woman$")
_p("genre", "homme", r"\b(?:i am|me) (?:a |an )?(?:\d+ yearsold )?(?:man|guy|boy|father|dad|single father|single dad|young man|male)\b|^(?:a )?man$")

# housing
_p("logement", "rue", r"\b(?:i|we|we couple) (?:sleep|am sleeping|are sleeping|live|am living|are living|stay|"
   r"have been sleeping|spend the nights?) (?:on|in) the (?:street|road|metro|subway|station|park|streets)\b"
   r"|\b(?:i|we|we couple) (?:sleep|am sleeping|are sleeping|live|am living|have been sleeping|stay) (?:(?:outside|outdoors)"
   r"(?! (?:paris|of|the|france|in the|my))|rough|in a tent|in the metro|in a park|in a station|under a bridge|"
   r"in my car|in a car|in the car|in our car)\b|\bsleeping rough\b|\bi am (?:on|in) the street\b|\bi am living rough\b", passe=False)
_p("logement", "rue", r"^(?:i sleep |sleeping |sleep |living |live )?(?:on|in) the street(?: (?:since|for) .*)?$"
   r"|^(?:sleeping |i sleep |sleep )?(?:outside|in a tent|in the metro|rough)(?: in [a-z]+(?: \d+)?)?$|\bnowhere to sleep\b|\bno place to sleep\b"
   r"|\b(?:sleeping|living) (?:on|in) the street\b",
   "foyer")
_p("logement", "rue", r"\b(?:i am |me )?homeless\b(?! (?:shelter|people|person|centre|center|services|association|"
   r"hostel|accommodation|camp))", "frag", force=1)
_p("logement", "centre_hebergement",
   r"\b(?:i|we|we couple) (?:am |are )?(?:sleep|sleeping|live|living|stay|staying|housed|accommodated|placed|put|hosted)? ?"
   r"(?:in|at) (?:a |an |the )?(?:115 )?(?:emergency )?(?:shelter|hostel for homeless|homeless shelter|"
   r"social hotel|115 hotel|hotel of the 115|hotel from the 115|hotel paid by the 115|emergency accommodation|"
   r"emergency housing|reception cent(?:er|re)|cada|huda|chu|chrs|accommodation cent(?:er|re)|hotel by the 115|"
   r"hotel of samu social|samu social hotel|prahda|hebergement d urgence)\b"
   r"|\bhoused by (?:the )?(?:115|samu social)\b|\bthe 115 (?:gave|gives|found|put|housed|placed) "
   r"(?:me|us)\b|\bi (?:sleep|live|stay) (?:in|at) (?:the )?115\b")
_p("logement", "centre_hebergement", r"\b115 shelter\b|\b(?:in|at) (?:a |an |the )?(?:115 hotel|115 shelter|hotel (?:of|from|paid by|by) "
   r"(?:the )?(?:115|samu social)|social hotel|homeless shelter|emergency shelter|cada|huda|chrs|chu)\b", "foyer")
_p("logement", "centre_hebergement", r"^(?:in )?(?:a |the )?(?:115 )?(?:shelter|social hotel|115 hotel|cada|chu|chrs)$",
   "foyer")
_HEBERGE = (r"(?:friend|friends|cousin|cousins|uncle|aunt|brother|sister|family|relatives?|parents|mother|mom|mum|"
            r"father|dad|compatriot|someone|somebody|a lady|a man|a woman|people|acquaintance|neighbou?r|grandmother)")
_p("logement", "heberge", r"\bi (?:stay|am staying|live|am living|sleep|am sleeping|am hosted|am housed|have been staying|"
   r"have been sleeping) (?:at|with|by|in) (?:a |my |some |an? |the )?(?:\w+ )?" + _HEBERGE + r"\b(?! who)"
   r"|\bi am (?:hosted|housed|accommodated|put up) by\b|\bi sleep on (?:a |my )?(?:\w+ )?" + _HEBERGE + r" (?:couch|sofa|floor)\b"
   r"|\bi (?:stay|sleep|live) on (?:a |the )?(?:couch|sofa) (?:at|of|in)\b|\b(?:a |my )?(?:\w+ )?" + _HEBERGE
   + r" (?:hosts|is hosting|lets me (?:stay|sleep)|gives me a (?:room|bed|place))\b", "ancre")
_p("logement", "heberge", r"^(?:staying|sleeping|hosted|living) (?:at|with|by) (?:a |my )?(?:\w+ )?" + _HEBERGE + r"\b(?! who)",
   "foyer")
_p("logement", "locataire", r"\bi (?:rent|am renting) (?:a |an |my |the )?(?:small |little )?(?:apartment|flat|room|"
   r"studio|place|house|home)\b(?! (?:from|with) (?:a |my )?" + _HEBERGE + r")|\bi am (?:a )?tenant\b"
   r"|\bmy (?:landlord|landlady)\b|\bmy (?:lease|rental contract|tenancy)\b|\bi (?:have|got) a (?:lease|rental contract)\b"
   r"|\b(?:flat|apartment|room|studio|house) (?:that )?i (?:rent|am renting)\b"
   r"|\bi live in (?:a |an )?(?:social housing|hlm|council flat)\b|\bwe (?:rent|are renting) (?:a |an )?(?:apartment|"
   r"flat|room|studio|house)\b|\bmy (?:apartment|flat) (?:is )?(?:rented|social housing)\b", "ancre")
_p("logement", "proprietaire", r"\bi own (?:my |a |an |the )?(?:apartment|flat|house|home)\b|\bi am (?:a |the )?"
   r"(?:owner|homeowner|home owner) of (?:my|the) (?:apartment|flat|house)\b|\bi am (?:a )?homeowner\b")

# money
_p("ressources_mensuelles", "argent", r"\b(?:i|we) (?:\w+ )?(?:earn|make|get|receive|touch|have|live on|live with|"
   r"survive on|am paid|get paid|gain|win) (?:only |just )?" + _ARGENT + r"\b")
_p("ressources_mensuelles", "argent", r"\bmy (?:salary|income|pay|wage|wages|resources|revenue|pension|earnings) "
   r"(?:is|are|=|of)? ?(?:only |just )?" + _ARGENT + r"\b")
_p("ressources_mensuelles", "argent", r"^(?:salary|income|resources|revenue)(?: of)? " + _ARGENT + r"$", "foyer")
_p("ressources_mensuelles", 0, r"\bno (?:money|income|incomes|resources|revenue|revenues|earnings)\b(?! (?:for|to|left|at the end|"
   r"in my|except|apart|other than|but|besides|because|yet))|\bi (?:do not|still do not) have (?:any )?(?:money|income|"
   r"resources|revenue)\b(?! (?:for|to|left|at the end|in my|except|apart|other than|but|besides|yet))"
   r"|\bi have no (?:money|income|resources|revenue)\b(?! (?:for|to|left|at the end|in my|except|apart|other than|but|besides))"
   r"|\bi (?:earn|make|get|receive) nothing\b|\bzero (?:income|euros|money)\b|\bwithout (?:any )?(?:income|resources)\b",
   "foyer")
_p("aide_logement", "argent", r"\b(?:i|we) (?:\w+ )?(?:get|receive|have|touch) " + _ARGENT
   + r" (?:of |from |in )?(?:the )?(?:apl|als|housing (?:benefit|allowance|aid|assistance))\b")
_p("aide_logement", 0, r"\bno (?:apl|als|housing (?:benefit|allowance|aid))\b|\bi (?:do not|still do not) (?:get|receive|have) "
   r"(?:the |any )?(?:apl|als|housing (?:benefit|allowance|aid))\b", "foyer")

# link with Paris
_p("lien_paris", True, r"\bi work in paris\b(?! (?:suburbs?|region|area|outskirts|banlieue))")


# --------------------------------------------------------------------------------------------- reading

_SOI_DECRIT = re.compile(
    r"^(?:a )?single (?:mother|mum|mom|father|dad|parent)\b|\b(?:i am|me) (?:a |an )?(?:\d+ yearsold )?"
    r"(?:single |young |old )?(?:man|woman|guy|girl|boy|lady|mother|father|mum|mom|dad|parent|widow|widower)\b"
    r"|^(?:i am )?(?:a )?(?:single )?(?:mother|father|mum|mom|dad|parent) of \d+(?: \w+)?")
_QUI_MOI = re.compile(r"^(?:i|me|myself|my (?:name|age|salary|income|situation|status|papers|nationality|"
                      r"landlord|landlady|lease|visa|permit|domiciliation|asylum|address|job|rsa|resources|pay|"
                      r"rent|apartment|flat|mail|documents|residence))\b")
_QUI_NOUS = re.compile(r"^(?:we|us|our)\b")
_QUI_AUTRE = re.compile(r"^(?:he|she|they|it|his|her|their|my \w+|our \w+|the \w+|a (?:friend|man|woman|guy|girl|lady|"
                        r"person|family)|someone|somebody|people|\w+ (?:is|has|lives|sleeps|works|gets|earns|does|was))\b")
_VERBE_3 = re.compile(r"^(?:is|has|was|lives|sleeps|works|gets|earns|does|doesn|stays|receives|makes|studies|goes|"
                      r"came|arrived|says|said|wants)\b")
_MOI_MOTS = re.compile(r"\b(?:i|me|myself|my|mine)\b")
_SCISSION = re.compile(r" (?:but|and|because|though|although|however|plus|then|now|while|whereas|except|apart from|"
                       r"besides|so|also) ")


def _phrases(t: str) -> list[tuple[str, bool]]:
    sortie = []
    for bout in re.split(r"((?<!\d)\.|\.(?!\d)|[!?\n;])", t):
        bout = bout.strip()
        if not bout:
            continue
        if bout in ".!\n;":
            continue
        if bout == "?":
            if sortie:
                sortie[-1] = (sortie[-1][0], True)
            continue
        sortie.append((bout, False))
    return sortie


def _duree(m: re.Match) -> int | None:
    n = float(m.group("n"))
    u = m.group("u")
    if u.startswith("year"):
        mois = n * 12
    elif u.startswith("month"):
        mois = n
    elif u.startswith("week"):
        mois = n * 7 / 30.44
    else:
        mois = n / 30.44
    if m.groupdict().get("n2"):
        if not u.startswith("year"):
            return None
        mois += float(m.group("n2"))
    if not float(mois).is_integer() and u.startswith(("year", "month")):
        return None
    return int(mois)


def _argent(m: re.Match, clause: str, verbe_salaire: bool) -> float | None:
    montant = float(m.group("m"))
    periode = m.group("p")
    euros = m.group("e")
    if not periode:
        suite = clause[m.end():]
        pm = re.match(r" ?(?:euros )?(permonth|perweek|perday|peryear)\b", suite)
        periode = pm.group(1) if pm else None
    if not euros and not periode and not verbe_salaire:
        return None
    if not euros and montant <= 20:
        return None
    if not periode:
        if not verbe_salaire and not re.search(r"\b(?:earn|make|salary|income|pay|wage|wages|pension|rsa|ada|aah)\b",
                                               clause):
            return None
        periode = "permonth"
    facteur = {"permonth": 1, "perweek": 52 / 12, "perday": 365 / 12, "peryear": 1 / 12}[periode]
    return round(montant * facteur, 2)


def _nie_avant(clause: str, debut: int) -> bool:
    avant = clause[:debut].split()[-3:]
    if avant and avant[-1] in ("no", "without"):
        return True
    return bool(re.search(r"\b(?:not|never|nor|neither|no longer|hardly)\b", " ".join(avant)))


def _nie_apres(clause: str, fin: int) -> bool:
    return bool(re.match(r" ?(?:no|not|nope)$", clause[fin:]))


def _valeur(champ, valeur, m: re.Match, clause: str, message: str = ""):
    if valeur == "n":
        n = int(m.group("n"))
        if champ == "age":
            suite = (m.groupdict().get("suite") or "").strip()
            reste = clause[m.end():].strip()
            if suite == "" and "yearsold" not in m.group():
                # « i am 34 » : un âge seulement si rien d'autre n'en fait une durée, un montant, un compte
                if re.match(r"(?:euros|months?|weeks?|days?|minutes?|hours?|kids?|children|child|sons?|daughters?|"
                            r"people|persons|of|times|km|percent|per\w*|in|on|at|to|for|out|since|from|ago|range|"
                            r"years? (?:in|here|ago|since|of|that|without|with|for|at|on))\b", reste):
                    return None
                if suite == "" and not 14 <= n <= 99:
                    return None
            if suite == "years" and re.match(r"(?:in|here|ago|since|of|that|without|with|for|at|on)\b", reste):
                return None
            if not 10 <= n <= 110:
                return None
        if champ == "conjoint_age" and not 14 <= n <= 110:
            return None
        if champ == "enfants" and n > 15:
            return None
        return n
    if valeur == "un":
        return 1
    if valeur == "adj":
        return _ADJ.get(m.group("adj"))
    if valeur == "pays":
        return _PAYS.get(m.group("pays"))
    if valeur == "duree":
        return _duree(m)
    if valeur == "arr":
        a = m.group("a") or m.group("a2") or m.group("a3")
        return int(a) if a and 1 <= int(a) <= 20 else None
    if valeur == "argent":
        if champ == "ressources_mensuelles" and re.search(
                r"\b(?:rent|owe|debt|loan|deposit|bills?|fine|cost|costs|pay|paying|spend|send|need|apl|als|caf|"
                r"housing benefit|housing allowance|left|savings|saved|in my (?:account|pocket))\b", clause):
            return None
        salaire = bool(re.search(r"\b(?:earn|make|salary|income|pay|wage|wages|earnings|pension)\b", m.group())) \
            or champ == "aide_logement"
        return _argent(m, clause, salaire)
    if valeur == "heberge":
        paye = re.search(r"\b(?:i|we) (?:pay|give|contribute|share)\b|\bpaying\b|\brent\b|\b\d+ euros\b", message)
        gratuit = re.search(r"\b(?:for free|free of charge|without paying|for nothing|do not pay|pay nothing|"
                            r"does not (?:charge|ask)|do not have to pay|free)\b", message)
        if paye and gratuit:
            return None
        return "heberge_avec_participation" if paye else "heberge_gratuitement"
    return valeur


_ENFANTS_LOIN = re.compile(
    r"\b(?:back home|abroad|in my country|in the village|in africa|in the bled|not with me|far from me|"
    r"placed|foster|in care|social services took|custody|adults?|grown ?ups?|grown up|over 18|of age|"
    r"(?:live|lives|living|stay|stays|stayed|are|is|remained|remain|left) (?:still )?(?:with|in|at|back|over) "
    r"(?:their|his|her|my (?:mother|mom|mum|father|dad|parents|ex|family|sister|brother|grandmother)|the|"
    + _PAYS_RE + r")|with their (?:mother|father|mum|mom|dad|grandparents|grandmother)|on the way|expecting|"
    r"pregnant with|due in|one of them|only \d+ (?:lives?|is|are|stays?) with me|from (?:my |a )?(?:first|previous)"
    r"|in (?:" + _PAYS_RE + r")|(?:\d+|only|just|both|all|none) (?:of them )?(?:lives?|stays?|is|are|living) with me)\b")
_COUPLE_LOIN_MSG = re.compile(
    r"\b(?:wife|husband|spouse|partner) (?:is |are |lives |stayed |remained |still )+(?:still )?(?:in|back|at home|abroad|"
    r"over there)\b|\bseparated\b|\bdivorc|\bnot living together\b|\bwe do not live together\b|\b(?:she|he) "
    r"(?:left|is in|lives in|stayed)\b|\bleft me\b|\bdied\b|\bpassed away\b|\bwidow|\bex (?:wife|husband|partner)\b|\bstayed in\b")
_INFORMEL = re.compile(r"\b(?:no contract|without (?:a )?contract|undeclared|off the books|under the table|cash|"
                       r"black market|in black|not declared|illegal(?:ly)?|informal(?:ly)?|no payslips?|moonlight)\b")
_ARGENT_AUTRUI = re.compile(r"\b(?:" + _PARTENAIRE + r"|she|he|they|my (?:son|daughter|mother|father|parents|brother|sister)) "
                            r"(?:\w+ )?(?:earns|makes|gets|receives|works|has a (?:job|salary)|is working|has an income)\b"
                            r"|\bour (?:income|resources)\b|\bhousehold\b|\bwe (?:earn|make|get|receive|have)\b")
_LOGEMENT_BLOQUE = re.compile(r"\b(?:looking for|search(?:ing)? for|find|need|want|apply(?:ing)? for|waiting for) "
                              r"(?:a |an )?(?:apartment|flat|room|place|house|housing|accommodation|shelter)\b")


def _extraire(texte: Any) -> dict[str, Any]:
    if not isinstance(texte, str):
        return {}
    brut = texte.strip()
    if not brut or brut.startswith("/"):
        return {}
    t = _normaliser(brut[:_MAX])
    if not t or _AIDANT.search(t):
        return {}
    candidats: dict[str, list[tuple[Any, int]]] = {}
    dernier = None  # last person referred to before the clause: "moi", "nous", "partenaire", "autre"
    for phrase, interrogative in _phrases(t):
        question = interrogative or bool(_QUESTION_DEBUT.match(phrase)) or bool(_QUESTION_DANS.search(phrase)) \
            or bool(_INVERSION.search(phrase))
        hypothese = bool(_HYPOTHESE.search(phrase)) or bool(
            re.search(r"\b(?:when|once|after) i (?:get|have|find|will|am|receive|obtain)\b", phrase))
        morceaux = [c.strip() for c in re.split(r"[,:()]", phrase)]
        clauses = []
        for c in morceaux:
            clauses.extend(x.strip() for x in _SCISSION.split(" " + c + " ") if x.strip())
        for clause in clauses:
            propre = _DISCOURS.sub("", clause).strip()
            if question and (not interrogative or _QUESTION_DEBUT.match(propre) or _QUESTION_DANS.search(propre)
                             or _INVERSION.search(propre) or clause is clauses[-1]
                             or not re.match(r"(?:i|me|my|we|our)\b", propre)):
                question_clause = True
            else:
                question_clause = question and interrogative and clause is clauses[-1]
            # who is the clause about?
            if _QUI_MOI.match(propre) and not re.match(r"^my (?!name|age)\w+ (?:is|has|was|lives)\b", propre):
                qui = "moi"
            elif _QUI_NOUS.match(propre):
                qui = "nous"
            elif _VERBE_3.match(propre):
                qui = dernier if dernier in ("autre", "partenaire") else "autre"
            elif re.match(r"^(?:my|our) \d+ (?:kids?|children|sons|daughters)\b", propre):
                qui = dernier if dernier in ("moi", "nous", "partenaire") else ("moi" if dernier is None else "autre")
            elif re.match(r"^(?:my |our )" + _PARTENAIRE + r"\b", propre):
                qui = "partenaire"
            elif _QUI_AUTRE.match(propre):
                qui = "autre"
            else:
                qui = dernier if dernier is not None else "moi"
            # the last person named in the clause becomes the reference for the next subjectless clause
            decrit = _SOI_DECRIT.sub(lambda mm: "i" + " " * (len(mm.group()) - 1), propre)
            refs = [(mm.start(), "moi") for mm in _MOI_MOTS.finditer(decrit)]
            refs += [(mm.start(), "nous") for mm in re.finditer(r"\b(?:we|us|our)\b", decrit)]
            refs += [(mm.start(), "partenaire") for mm in re.finditer(r"\b(?:(?:my|our) " + _PARTENAIRE + r"|couple)\b", decrit)]
            refs += [(mm.start(), "autre") for mm in _AUTRUI.finditer(decrit)
                     if not (re.match(_PARTENAIRE, mm.group()) and re.search(r"\b(?:my|our) $", decrit[:mm.start()]))
                     and not (mm.group() in ("kids", "children", "kid", "child")
                              and re.search(r"\b(?:\d+|no|any) $", decrit[:mm.start()]))]
            if _SOI_DECRIT.match(propre) and qui == "autre":
                qui = dernier if dernier in (None, "moi") else qui
                qui = qui or "moi"
            nouveau = max(refs)[1] if refs else None
            if question_clause or hypothese or _FUTUR.search(propre) or _HESITATION.search(propre):
                dernier = nouveau or (qui if qui != "moi" or dernier is None else dernier)
                continue
            passe = bool(_PASSE.search(propre))
            for champ, valeur, motif, genre, force, passe_ok in P:
                if passe and not passe_ok:
                    continue
                if genre == "debut":
                    if qui != "moi":
                        continue
                elif genre == "frag" or genre == "frag_age_seul":
                    if qui != "moi" and not (qui == "nous" and champ not in ("age", "etudiant", "travail_declare",
                                                                            "enceinte", "genre")):
                        continue
                    if _AUTRUI.search(decrit):
                        continue
                    if genre == "frag_age_seul" and not (len(clauses) > 1 or len(_phrases(t)) > 1):
                        continue
                elif genre == "foyer":
                    if qui not in ("moi", "nous", "partenaire"):
                        continue
                    if any(not (re.match(_PARTENAIRE, mm.group()) and re.search(r"\b(?:my|our) $", decrit[:mm.start()]))
                           and mm.group() not in ("kids", "children", "child", "kid", "baby")
                           for mm in _AUTRUI.finditer(decrit)):
                        continue
                for m in motif.finditer(propre):
                    if _nie_avant(propre, m.start()) and not re.match(r"(?:no|without|zero|0|i do not|i did not|"
                                                                       r"i am not|not|i have no|i can not|nowhere|"
                                                                       r"i still do not|i never)\b",
                                                                       m.group()):
                        continue
                    if _nie_avant(propre, m.start()) and re.match(r"(?:no|without|not)\b", m.group()) and \
                            re.search(r"\b(?:not|never)\s*$", propre[:m.start()]):
                        continue  # « not without papers »
                    if _nie_apres(propre, m.end()):
                        continue
                    v = _valeur(champ, valeur, m, propre, t)
                    if v is None:
                        continue
                    if genre == "frag_age_seul":
                        # « 34 » alone in a list of short facts ("34, no papers, homeless")
                        if not re.search(r"\b(?:papers|homeless|single|married|kids|children|pregnant|student|street|"
                                         r"from|refugee|asylum|undocumented|alone|divorced|citizen|outside|"
                                         + _ADJ_RE + r")\b", t) or not 16 <= v <= 99 \
                                or re.search(r"\b(?:euros|per(?:month|week|day|year)|rsa|salary|income|apl|115)\b", t):
                            continue
                    candidats.setdefault(champ, []).append((v, force))
            dernier = nouveau or (qui if qui != "moi" else (dernier if nouveau is None and dernier else "moi"))

    faits: dict[str, Any] = {}
    for champ, vals in candidats.items():
        meilleure = max(f for _, f in vals)
        valeurs = {v for v, f in vals if f == meilleure}
        if len(valeurs) == 1:
            faits[champ] = valeurs.pop()
    return _coherence(faits, t)


def _coherence(faits: dict[str, Any], t: str) -> dict[str, Any]:
    if "enfants" in faits and faits["enfants"] > 0 and _ENFANTS_LOIN.search(t):
        faits.pop("enfants")
    if faits.get("enfants") == 1 and len(re.findall(r"\b(?:son|daughter|boy|girl|baby|child|kid|twins|kids|children|"
                                                    r"sons|daughters|another|youngest|oldest|eldest)\b", t)) > 1:
        faits.pop("enfants")
    if faits.get("en_couple") is True and _COUPLE_LOIN_MSG.search(t):
        faits.pop("en_couple")
    if faits.get("travail_declare") is True and (_INFORMEL.search(t) or faits.get("titre_sejour") == "aucun"):
        faits.pop("travail_declare")
    if "ressources_mensuelles" in faits and (_ARGENT_AUTRUI.search(t) or re.search(
            r"\b(?:apl|als|housing benefit|housing allowance|caf)\b", t) and faits["ressources_mensuelles"] != 0):
        faits.pop("ressources_mensuelles")
    if faits.get("ressources_mensuelles") == 0 and _ARGENT_AUTRUI.search(t):
        faits.pop("ressources_mensuelles")
    if faits.get("ressources_mensuelles") == 0 and re.search(r"\b\d+ euros\b|\bper(?:month|week|day|year)\b", t):
        faits.pop("ressources_mensuelles")
    if "logement" in faits and _LOGEMENT_BLOQUE.search(t) and faits["logement"] in ("locataire", "proprietaire"):
        faits.pop("logement")
    if faits.get("logement") == "rue" and re.search(r"\b(?:shelter|115|hotel|friend|friends|cousin|family|rent|tenant|"
                                                    r"hosted|housed|squat|camp|cada)\b", t):
        faits.pop("logement")
    if faits.get("titre_sejour") == "aucun" and re.search(r"\b(?:appeal|appealed|cnda|recourse|recours)\b", t):
        faits.pop("titre_sejour")
    if faits.get("titre_sejour") == "demande_asile" and re.search(r"\b(?:rejected|refused|denied|granted|got refugee|"
                                                                  r"obtained)\b", t):
        faits.pop("titre_sejour")
    if faits.get("titre_sejour") == "protection_internationale" and re.search(
            r"\b(?:waiting|pending|in progress|ofpra interview|applied|application|asylum seeker|cnda|rejected|refused)\b", t):
        faits.pop("titre_sejour")
    if faits.get("titre_sejour") in ("titre_travail", "carte_resident") and re.search(
            r"\b(?:student|expired|tourist|visitor|renewal|renew|applied|application|appointment|waiting|expire)\b", t):
        faits.pop("titre_sejour")
    if faits.get("titre_sejour") == "recepisse" and re.search(r"\basylum\b", t):
        faits.pop("titre_sejour")
    if faits.get("adresse_courrier") is False and faits.get("domiciliation") is True:
        faits.pop("adresse_courrier")
    if faits.get("nationalite") in ("francaise", "ue"):
        faits.pop("titre_sejour", None)
        if faits["nationalite"] == "ue" and re.search(r"\beuropean\b", t) and re.search(r"\bi am (?:a |an )?european\b", t) \
                and re.search(r"\b(?:" + _alt(_HORS_UE_PAYS) + r")\b", t):
            faits.pop("nationalite")
    if "titre_sejour" in faits and "nationalite" not in faits:
        faits["nationalite"] = "hors_ue"
    if faits.get("enceinte") is True:
        if faits.get("genre") == "homme":
            faits.pop("genre")
            faits.pop("enceinte")
        else:
            faits["genre"] = "femme"
    if faits.get("en_couple") is False:
        faits.pop("conjoint_age", None)
    return _valider(faits)


def _valider(faits: dict[str, Any]) -> dict[str, Any]:
    import droits

    propre = dict(faits)
    for _ in range(4):
        try:
            return droits.valider_situation(propre)
        except droits.SituationInvalide as e:
            champ = getattr(e, "champ", None)
            if champ in propre:
                propre.pop(champ)
            elif propre:
                for cle in ("mois_en_france", "annees_titre_sejour"):
                    propre.pop(cle, None)
            else:
                return {}
    return {}


def extraire(texte: str) -> dict[str, Any]:
    """The facts the message says for sure about the writer (vocabulary of ``droits/schema/situation.json``)."""
    try:
        return _extraire(texte)
    except Exception:  # noqa: BLE001 - never break the conversation
        return {}

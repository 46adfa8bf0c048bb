"""Faits de la situation tirés de l'arabe libre (issue 13) — la précision d'abord.

    from langues.extraction_ar import extraire
    extraire("ما عنديش ورق، انا بنام في الشارع، عمري 34 سنة")
    # {"age": 34, "nationalite": "hors_ue", "titre_sejour": "aucun", "logement": "rue"}

Arabe standard et formes dialectales courantes (maghrébin, égyptien, levantin, soudanais). Un fait n'est
rendu que si le texte le dit pour sûr, **de la personne qui écrit** ; dans le doute, pas de clé (le dialogue
repose la question avec ses boutons). Mêmes conventions que l'extraction française (`bot/extraction`) :
un titre de séjour dit vient avec ``nationalite: hors_ue`` ; « je travaille » ne dit pas un travail
*déclaré* ; « chez un ami » sans paiement dit = hébergé gratuitement ; une année seule (« من 2019 ») ne
dit pas de durée ; « 2 filles » ne dit pas le nombre d'enfants.

Étapes : normalisation (hamza, alef, ta marbuta, ya, voyelles, tatouil, chiffres arabes orientaux, nombres
en lettres) ; phrases (« . ! ? ؟ » et retours à la ligne), puis propositions (« ، , ؛ », « و » devant un
début de proposition, « بس », « لكن ») ; une phrase interrogative, une hypothèse (« لو », « اذا »), une
correction ne donnent rien ; une proposition au passé (« كنت »), au futur ou au souhait (« بدي », « رح »),
une hésitation (« يمكن », « تقريبا ») ou un ouï-dire (« قالولي ») non plus. Qui : une proposition dont le
sujet est un autre (« صاحبي », « هو », « عمره », « عنده »...) ne donne rien, et les propositions sans
sujet dit qui la suivent non plus, jusqu'à un « انا » / « عندي ». Une valeur dite deux fois différemment :
abstention. Les valeurs sont validées par ``droits.valider_situation`` (vocabulaire de
``droits/schema/situation.json``).

Jamais d'exception : ``None``, vide, 10 ko, emoji, « /informer{...} » → ``{}`` ou les seuls faits sûrs.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

__all__ = ["extraire", "normaliser"]

LIMITE = 4000  # caractères lus pour les faits

# --------------------------------------------------------------------------------------------------
# normalisation
# --------------------------------------------------------------------------------------------------
_LETTRES = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي", "ء": None,
    "گ": "ق", "ڨ": "ق", "ڤ": "ف", "پ": "ب", "چ": "ج", "ک": "ك", "ی": "ي", "ے": "ي", "ۃ": "ه", "ھ": "ه",
    "\u0640": None, "\u0670": None, "\u200c": " ", "\u200d": None, "\u200f": None, "\u200e": None,
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
    "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4", "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
    "،": "،", "٫": ".", "٬": "",
})
_HARAKAT = re.compile(r"[\u064b-\u065f\u06d6-\u06ed]")
_ARABE = r"\u0600-\u06ff"
_REPETE = re.compile(r"([" + _ARABE + r"a-z])\1{2,}")


def _lettres(texte: str) -> str:
    """Lettres seules : minuscules, sans voyelles ni tatouil, hamza et alef unifiés, ة → ه, ى → ي."""
    t = unicodedata.normalize("NFKC", texte).lower()
    t = _HARAKAT.sub("", t).translate(_LETTRES)
    t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))
    return t


def normaliser(texte: str) -> str:
    """Texte comparable aux motifs : lettres normalisées, espaces entre écritures et autour des chiffres,
    ponctuation de fin de phrase et de proposition gardée comme séparateur (« . ؟ ، »)."""
    t = _lettres(texte)
    t = _REPETE.sub(r"\1", t)  # « شاااارع » -> « شارع »
    t = re.sub(r"[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f]", " ", t)  # emoji
    t = re.sub(r"(?<=\d)[ .](?=\d{3}(?!\d))", "", t)  # « 1 200 » -> « 1200 »
    t = re.sub(r"(?<=[" + _ARABE + r"])(?=[a-z0-9€])|(?<=[a-z0-9€])(?=[" + _ARABE + r"])", " ", t)
    t = re.sub(r"(?<=\d)(?=[a-z€])|(?<=[a-z€])(?=\d)", " ", t)
    t = re.sub(r"[\"'“”«»()\[\]{}*_~`#|<>]", " ", t)
    t = re.sub(r"[-–—/]", " ", t)
    t = re.sub(r"\?+|؟+", " ؟ ", t)
    t = re.sub(r"!+", " . ", t)
    t = re.sub(r"(?<!\d)\.|\.(?!\d)", " . ", t)
    t = re.sub(r"[,،]+", " ، ", t)
    t = re.sub(r"[;؛:]+", " ، ", t)
    return re.sub(r"[ \t\r\f\v]+", " ", t).strip()


def _n(motif: str) -> str:
    """Un motif écrit avec l'orthographe usuelle, mis dans l'alphabet de ``normaliser``."""
    return _HARAKAT.sub("", motif).translate(_LETTRES)


# --------------------------------------------------------------------------------------------------
# nombres en lettres
# --------------------------------------------------------------------------------------------------
_AMBIGUS = {_n(m) for m in ("واحد", "واحده", "ست", "احد", "احدى", "زوج", "مية", "ميه", "مائه", "مئه", "الف")}
_UNITES_NOMBRE = _n("سنه سنين سنوات سنة عام اعوام سنا شهر شهور اشهر ايام اسابيع اولاد ولاد اطفال عيال "
                    "ابناء بنات دراري صغار يورو اورو ساعه ساعات الف").split()


@lru_cache(maxsize=1)
def _mots_nombres() -> dict[str, int]:
    try:
        from langues.reponses import vocabulaire
        brut = dict(vocabulaire("ar")["nombres"])
    except Exception:  # le fichier manque : les chiffres suffisent
        brut = {}
    propre = {_n(k): v for k, v in brut.items() if isinstance(v, int)}
    propre.update({"زوج": 2, "جوج": 2})
    return propre


def _nombres_en_chiffres(t: str) -> str:
    """« اربعة وثلاثين سنة » -> « 34 سنه » ; « لثلاثه اطفال » -> « ل 3 اطفال ». Un mot ambigu seul
    (« واحد », « ست », « زوج ») n'est un nombre que devant une unité (« ست شهور », « زوج ولاد »)."""
    mots = _mots_nombres()
    jetons = t.split(" ")
    sortie: list[str] = []
    i = 0
    while i < len(jetons):
        j, total, courant, vus, prefixe = i, 0, 0, [], ""
        while j < len(jetons):
            mot = jetons[j]
            brut = mot
            if vus and mot in ("و",):
                if j + 1 < len(jetons) and (jetons[j + 1] in mots):
                    j += 1
                    continue
                break
            if vus and mot.startswith("و") and mot[1:] in mots:
                mot = mot[1:]
            elif not vus and mot not in mots and mot[:1] in ("ل", "ب") and mot[1:] in mots and len(mot) > 3:
                prefixe, mot = mot[0], mot[1:]
            valeur = mots.get(mot)
            if valeur is None:
                break
            vus.append(brut)
            if valeur == 1000:
                total += max(courant, 1) * 1000
                courant = 0
            elif valeur == 100:
                courant = max(courant, 1) * 100
            elif valeur in (200, 300, 400, 500, 600, 700, 800, 900, 2000) and courant == 0:
                courant = valeur if valeur != 2000 else 0
                if valeur == 2000:
                    total += 2000
            else:
                courant += valeur
            j += 1
        if vus:
            suivant = jetons[j] if j < len(jetons) else ""
            seul_ambigu = len(vus) == 1 and (vus[0] in _AMBIGUS or vus[0][1:] in _AMBIGUS)
            if seul_ambigu and suivant not in _UNITES_NOMBRE:
                sortie.append(jetons[i])
                i += 1
                continue
            if prefixe:
                sortie.append(prefixe)
            sortie.append(str(total + courant))
            i = j
        else:
            sortie.append(jetons[i])
            i += 1
    return " ".join(sortie)


# --------------------------------------------------------------------------------------------------
# lexique (orthographe normalisée par _n)
# --------------------------------------------------------------------------------------------------
def _alt(mots: str) -> str:
    """« a b c » -> « (?:a|b|c) », les plus longs d'abord, chaque mot normalisé."""
    liste = sorted({_n(m) for m in mots.split()}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(m) for m in liste) + ")"


def _ens(mots: str) -> frozenset[str]:
    return frozenset(_n(m) for m in mots.split())


D = r"(?<![\w])(?:و(?=\w))?"   # début de mot (« و » collé permis : « ونرقد »)
F = r"(?![\w])"    # fin de mot

ANA = _alt("انا أنا اني راني راه راهي")
NOUS = _alt("احنا إحنا نحن حنا رانا")
ANNEES = _alt("سنه سنة سنين سنوات سنوت سنا عام اعوام أعوام ans an")
MOIS = _alt("شهر شهور اشهر أشهر شهورات mois")
ANNEES_DUEL = _alt("سنتين سنتان عامين عامان")
MOIS_DUEL = _alt("شهرين شهران")
EUROS = _alt("يورو يوروهات اورو أورو اوروات euro euros eur €")

# mots qui ouvrent une proposition quand « و » les précède
_DEBUTS = _ens(
    "انا أنا احنا نحن حنا راني عندي عندنا ما مش مو ماشي مانيش ماني ليس لست لم معنديش ماعنديش ماعندي "
    "منديش عمري بدي ساكن ساكنه عايش عايشه بنام انام ننعس نرقد نبات هو هي هم هما هوما زوجتي مرتي مراتي "
    "زوجي جوزي راجلي اولادي ولادي صاحبي صديقي اخي اخوي خويا اختي امي ابي ابوي بابا ماما ابني بنتي "
    "حاليا الان دابا هلق توا كنت كان حامل متزوج متزوجه عازب طالب قدمت نخدم بشتغل نشتغل بخدم حتى "
    "لكن بس اما لان لاني لانه اليوم دلوقتي نسكن اسكن بسكن نعيش اعيش بعيش نبات ننعس نرقد كنرقد "
    "نخدم كنخدم مستاجر مكتري مقيم قاعد عايشين ساكنين")

# sujet qui n'est pas la personne
_AUTRUI = _ens(
    "هو هي هوا هيا هما هم هوما هن هيه انت انتي انتم انتو نتا نتي نتوما "
    "صاحبي صديقي صديقتي صاحبتي صحابي اصحابي اصدقائي خويا اخويا اخوي خوي اخي اختي خيتي ختي اخوتي خوتي "
    "امي يما ماما ابي ابوي بابا بوي والدي والدتي الوالد الوالده زوجتي مرتي مراتي زوجي جوزي راجلي المدام "
    "ابني بنتي ولدي اولادي ولادي ابنائي بناتي عيالي طفلي طفلتي دراري ذراري عمي خالي عمتي خالتي جاري جارتي "
    "خطيبي خطيبتي شريكي شريكتي حبيبي حبيبتي طليقي طليقتي نسيبي نسيبتي جدي جدتي "
    "شخص الشخص واحد واحده الناس الطلاب الطالب اللاجئين المهاجرين حد الواحد اللي الي فلان رجل راجل امراه "
    "الست السيده السيد مدام الولد البنت الطفل ابنه ابنها ناس صاحب صديق صديقه "
    "عمره عمرها عمرهم عنده عندو عندها عندهم عندهوم عندهن معندوش ماعندوش معندهاش ماعندهاش معندهمش لديه "
    "لديها لديهم عندك عندكم عمرك لديك ليس_لديه يسكن تسكن ينام تنام يشتغل تشتغل يخدم تخدم بيسكن بتسكن "
    "بينام بتنام بيشتغل بتشتغل كيسكن كتسكن كينعس كتنعس كيخدم كتخدم يقرا تقرا يدرس تدرس بيدرس بتدرس "
    "يعيش تعيش بيعيش بتعيش كيعيش كتعيش يقبض تقبض ياخذ تاخذ ياخد تاخد جا جات ساكنو ساكنه_عندو "
    "عايشين_معاه حامله_منو")
_PREPOSITIONS = _ens("عند مع ل عن لدى دار بيت شقه عنده ديال تاع متاع حق لصاحبي في ف ب من على")
_TETES_NOM = _ens("ابن بنت ولد واحد واحده اولاد ولاد بيت دار عايله عائله ناس")
_PREMIERE = _ens("انا أنا اني راني احنا نحن حنا رانا عندي عندنا لدي لدينا عمري ماعندي معنديش ماعنديش "
                 "منديش ليس_لدي")

# marqueurs qui suspendent les faits
_QUESTION = _ens(
    "؟ هل واش وش شو ايش اش شنو شنهو اشنو اشنوا ماذا لماذا ليش علاش كيف كيفاش كيفش ازاي إزاي متى امتى "
    "وقتاش اين فين وين قديش شحال قداش بكم بقديش يحق يحقلي يحق_لي حقي الحق حقوق حق نقدر بقدر اقدر يقدر "
    "تقدر يقدرو يمكنني يمكنلي ممكن امكانيه مسموح شروط الشروط شرط سؤال استفسار اسال نسول نسال بسال "
    "تعرف تعرفو تعرفي عرفني قلي قولي قلولي فهمني اشرح اشرحلي وضحلي")
_HYPOTHESE = _ens("لو لوكان لوكا اذا إذا ان إن ايلا الا إلا حال حاله افرض افترض لنفترض فرضا مثلا كانني كأن "
                  "كاني عساك يمكن_لو")
_CORRECTION = _ens("قصدي اقصد عفوا سامحني سمحلي غلطت غلط بالعكس pardon اسف آسف")
_SOUHAIT_FUTUR = _ens(
    "بدي بدنا ابغى ابغي نبغي بغيت بغينا نحب حاب حابب حابه اريد اود عايز عاوز عايزه عاوزه ناوي ناويه "
    "نويت رح راح ح سوف غادي غاديه غا باش عشان علشان لكي كي لما عندما حين لمن وقت قريب قريبا الجاي "
    "الجايه القادم القادمه المقبل المقبله بعدين مستقبلا نتمنى اتمنى انشالله انشاء نحاول بحاول احاول "
    "نقلب بدور ندور كنقلب نلقى نحتاج احتاج محتاج محتاجه بحاجه خاصني خصني لازمني يلزمني لازم نطلب اطلب "
    "بطلب سنه_الجايه ساقدم سانام ساعمل ساكون سيكون ستكون هيكون هكون حكون نستنى نستنا كنستنى انتظر ننتظر "
    "بستنى مستني مستنيه خايف خايفه خائف خائفه نخاف بخاف اخاف خوف خوفي مهدد مهدده مهددين خطر يهددني "
    "يطردني يطردوني يخرجوني يخرجني")
_PASSE = _ens("كنت كان كانت كانوا كانو كنا سابقا زمان بكري قبلا مضى الماضي الماضيه فات فاتت لول البارح "
              "امس البارحه ماكانش ماكنتش مكنتش")
_HESITATION = _ens(
    "يمكن ربما ممكن احتمال تقريبا حوالي حوالى اظن أظن اعتقد نظن بظن بعتقد نعتقد نضن كنضن كانظن يبدو "
    "متاكد متاكده متأكد متاكدش معرفش مادري مدري ادري اعرف نعرفش بعرف عارف عارفه شي شيء بالتقريب قرابه "
    "ازيد اكثر اقل فوق كثر اكتر بين ولا_ندري")
_OUI_DIRE = _ens("قال قالو قالوا قالولي قالي قاللي قالتلي قالت يقولو يقولون بيقولو كيقولو سمعت يقال "
                 "قالوا_لي")
_SANS = _ens("بدون بلا دون غير")
_NEGATIONS = _ens("ما مش مو موش ماشي مشي مب ليس لست لسنا لا لم لن مانيش ماني مانيش منيش مهوش مهيش غير بلا "
                  "بدون دون عمري_ما ابدا أبدا")

# pays et nationalités
_PAYS_HORS_UE = _alt(
    "الجزاير الجزائر دزاير الدزاير المغرب تونس مصر السودان سوريا سوريه سورية ليبيا العراق اليمن فلسطين غزه "
    "لبنان الاردن موريتانيا تشاد التشاد الصومال اريتريا ارتيريا إريتريا اثيوبيا إثيوبيا افغانستان أفغانستان "
    "السنغال الكوت_ديفوار غينيا الكاميرون الكونغو نيجيريا النيجر باكستان بنغلاديش بنغلادش ايران تركيا "
    "القمر جزر_القمر جيبوتي السعوديه الكويت الامارات قطر البحرين روسيا اوكرانيا الشيشان جنوب_السودان "
    "دارفور كردستان بوركينا توغو بنين غامبيا الهند").replace("_", r"\s+")
_NISBA_HORS_UE = _alt(
    "جزايري جزائري دزيري مغربي تونسي مصري سوداني سوري ليبي عراقي يمني فلسطيني لبناني اردني موريتاني "
    "تشادي صومالي اريتري ارتيري اثيوبي افغاني سنغالي ايفواري غيني كاميروني كونغولي نيجيري باكستاني "
    "بنغالي ايراني تركي قمري جيبوتي سعودي كويتي اماراتي قطري بحريني روسي اوكراني شيشاني كردي دارفوري")
_NISBA_UE = _alt("اسباني ايطالي روماني برتغالي بلغاري بولندي بولوني الماني بلجيكي هولندي يوناني سويسري "
                 "نمساوي سويدي")
_NISBA_FR = _alt("فرنسي فرنساوي فرانساوي")
_ETRANGER = (r"(?<!\w)(?:" + _PAYS_HORS_UE + r"|" + _alt("البلاد بلادي البلد بلدي هناك لهيه لهيك تما غادي لتما "
             "بالبلاد فالبلاد بلادنا الوطن") + r")(?!\w)")

# papiers, travail, argent...
PAPIERS = _alt("اوراق أوراق وراق ورق الاوراق الوراق لوراق الورق لورق كواغط الكواغط كواغت كواغد papiers papier "
               "بابيي بابييه البابيي اقامه إقامه الاقامه لاقامه وثايق الوثايق كارت_سيجور كارط_سيجور لاكارط "
               "الكارط الكارطه كارطه بطاقه_اقامه بطاقه_الاقامه تيتر_سيجور titre_de_sejour carte_de_sejour "
               "sejour سيجور").replace("_", r"\s+")
_SUITE_PAPIERS = _alt("اقامه الاقامه قانونيه رسميه هنا هون هنايا حاليا الان دابا توا هلق هلا ابدا أبدا خالص "
                      "نهائيا اصلا أصلا للاقامه بفرنسا فرنسا ففرنسا لفرنسا ديال_الاقامه تاع_الاقامه "
                      "في_فرنسا ف_فرنسا").replace("_", r"\s+")
TRAVAIL = _alt("شغل الشغل شغله خدمه الخدمه لخدمه عمل العمل وظيفه الوظيفه جوب job travail boulot تراباي بولو")
_SUITE_TRAVAIL = _alt("حاليا الان دابا توا هلق هلا هنا هون ابدا أبدا خالص نهائيا اصلا أصلا مصرح مصرحه "
                      "رسمي رسميه قانوني declare لان لاني لانه بسبب")
ARGENT = _alt("فلوس الفلوس لفلوس مصاري المصاري مصريات دراهم الدراهم ليدرا مال المال نقود النقود دخل الدخل "
              "مدخول المدخول revenu revenus")
_SUITE_ARGENT = _alt("حاليا الان دابا توا هلق هلا ابدا أبدا خالص نهائيا اصلا أصلا بالمره شهري لان لاني لانه "
                     "بسبب")
ENFANTS_GEN = _alt("شفع الشفع اولاد أولاد ولاد الاولاد لولاد الولاد اطفال أطفال الاطفال عيال العيال ابناء أبناء دراري "
                   "الدراري ذراري ذريه بزاز صغار وليدات")
_SUITE_ENFANTS = _alt("هنا هون هنايا معي معايا معيا ابدا أبدا خالص نهائيا اصلا أصلا حاليا بفرنسا فرنسا "
                      "في_فرنسا").replace("_", r"\s+")
RSA = r"(?:rsa|ار\s*اس\s*اي|ارسا|الارسا|ار\s*سا)"
_FIN = r"\s*(?:$|،|\.|؟)"

RES = _alt("ساكن ساكنه ساكنين نسكن اسكن بسكن كنسكن بنسكن نسكنو عايش عايشه عايشين نعيش اعيش بعيش كنعيش "
           "مقيم مقيمه قاعد قاعده قاعدين نقعد بقعد كنقعد")
DORS = _alt("انام بنام ننام بننام نرقد كنرقد ننعس كننعس نبات كنبات بايت بايته نايم نايمه راقد راقده نرقدو "
            "ننعسو نباتو بنبات")
RES_PREMIERE = _ens("نسكن اسكن بسكن كنسكن نعيش اعيش بعيش كنعيش انام بنام نرقد كنرقد ننعس كننعس نبات كنبات "
                    "نقعد بقعد كنقعد نخدم كنخدم بخدم نشتغل بشتغل اشتغل ندفع بدفع ادفع نخلص بخلص نقبض بقبض "
                    "اقبض ناخذ ناخد باخد باخذ ندرس بدرس ادرس نقرا")


# --------------------------------------------------------------------------------------------------
# découpage
# --------------------------------------------------------------------------------------------------
def _phrases(t: str) -> list[str]:
    morceaux = re.split(r"(\.|؟|\n)", t)
    phrases, courant = [], ""
    for m in morceaux:
        if m in (".", "\n"):
            phrases.append(courant)
            courant = ""
        elif m == "؟":
            phrases.append(courant + " ؟")
            courant = ""
        else:
            courant += m
    phrases.append(courant)
    return [" ".join(p.split()) for p in phrases if p.strip()]


def _propositions(phrase: str) -> list[str]:
    props: list[list[str]] = [[]]
    for mot in phrase.split():
        if mot == "،":
            props.append([])
            continue
        coupe = mot in ("بس", "لكن", "ولكن", "لاكن", "واما", "اما", "بينما", "و")
        if not coupe and mot.startswith("و") and len(mot) > 1 and mot[1:] in _DEBUTS:
            coupe = True
        if coupe and props[-1] and mot.startswith("و") and props[-1][-1] in _ens("انا احنا نحن حنا"):
            coupe = False  # « انا وزوجتي » : nous
        if coupe and props[-1]:
            props.append([])
        if mot in ("بس", "لكن", "ولكن", "لاكن", "و", "واما", "اما", "بينما"):
            continue
        props[-1].append(mot[1:] if coupe and mot.startswith("و") and len(mot) > 1 else mot)
    return [" ".join(p) for p in props if p]


def _jetons_nus(prop: str) -> list[str]:
    return [m for m in prop.split() if m not in ("،",)]


def _a(ens: frozenset[str], jetons: list[str]) -> bool:
    for j in jetons:
        if j in ens or (j.startswith("و") and j[1:] in ens):
            return True
    return False


def _autrui(jetons: list[str]) -> bool:
    """Un sujet (ou un possesseur) autre que la personne, qui n'est pas complément (« عند صاحبي »)."""
    for i, j in enumerate(jetons):
        mot = j[1:] if j.startswith("و") and j[1:] in _AUTRUI else j
        if mot not in _AUTRUI:
            continue
        k = i - 1
        while k >= 0 and jetons[k] in _TETES_NOM:
            k -= 1  # « عند ابن عمي », « عند واحد صاحبي »
        avant = jetons[k] if k >= 0 else ""
        if avant in _ens("انا اني راني"):
            continue  # « انا امراه » : attribut, pas sujet
        if avant in _PREPOSITIONS or avant.startswith("عند") and avant not in ("عندي", "عندنا"):
            continue
        if j.startswith("و") and i and jetons[i - 1] in _PREMIERE | {"انا", "احنا"}:
            continue  # « انا وصاحبي » : nous
        if avant in ("انا", "احنا") and j.startswith("و"):
            continue
        if mot in ("واحد", "واحده", "ناس", "صاحب", "صديق", "صديقه", "شخص") and i > 0 and avant not in _ens("عندي كاين فيه"):
            continue  # « طفل واحد », « عند واحد » : pas un sujet
        if mot in ("الي", "اللي") and i + 1 < len(jetons) and jetons[i + 1] in ("عندي", "انا"):
            continue
        if j == "ولدي" and i + 1 < len(jetons) and re.match(_n(r"\d|طفل|اطفال|اولاد|بنت|ابن|عقد|اقامه|اوراق|عمل"),
                                                            jetons[i + 1]):
            continue  # « ولدي طفل » : « و لدي », et j'ai
        return True
    return False


def _premiere(jetons: list[str]) -> bool:
    for j in jetons:
        mot = j[1:] if j.startswith("و") and len(j) > 1 else j
        if mot in _PREMIERE or j in _PREMIERE or mot in RES_PREMIERE:
            return True
        if re.fullmatch(r"ما\s*عندي\w*|معندي\w*", mot):
            return True
    return False


def _nie_avant(prop: str, debut: int) -> bool:
    """Une négation dans les deux mots qui précèdent ``debut``."""
    avant = prop[:debut].split()[-2:]
    for n, mot in enumerate(avant):
        if mot in _SANS and n < len(avant) - 1:
            continue  # « بدون فلوس وبدون اوراق » : « sans » ne porte que sur le mot qui le suit
        if mot in _NEGATIONS or (mot.startswith("و") and mot[1:] in _NEGATIONS):
            return True
        if mot.startswith("ما") and mot.endswith("ش") and len(mot) > 3:
            return True
    return False


# --------------------------------------------------------------------------------------------------
# motifs
# --------------------------------------------------------------------------------------------------
def _c(motif: str) -> re.Pattern[str]:
    return re.compile(_n(motif))


NEG_AVOIR = _c(
    D + r"(?:ما\s*عندي(?:ش)?|معندي(?:ش)?|منديش|مش\s+عندي|مو\s+عندي|ماشي\s+عندي|ليس\s+(?:لدي|عندي|معي)|"
    r"لا\s+(?:يوجد|توجد)\s+(?:لدي|عندي)|لا\s+(?:املك|امتلك|عندي)|ما\s+(?:املك|امتلك)|"
    r"ما\s*(?:عاد|عادش|بقا|بقى|بقاش|بقيش|ظل|ضل)\s*(?:عندي|ليا|لي)(?:ش)?|مابقاش\s+(?:عندي|ليا)|"
    r"لم\s+(?:يعد|تعد)\s+(?:لدي|عندي)|ما\s*معي(?:ش)?|معيش|ما\s*معايا(?:ش)?|معاييش|"
    r"ما\s*عندنا(?:ش)?|معندناش|ما\s*عنا|ما\s*لدي(?:ش)?)" + F)

_BOUCHE = _n(r"(?:\s+(?:ولا\s+حتى|ولا|حتى|لا|اي|أي|اية|ايه|شي)(?=\s))?")

# un élément de liste après « ما عندي » : (catégorie, motif, suite permise)
_ELEMENTS = [
    ("papiers", _n(PAPIERS), _n(_SUITE_PAPIERS)),
    ("travail", _n(TRAVAIL), _n(_SUITE_TRAVAIL)),
    ("argent", _n(r"(?:" + ARGENT + r"|(?:يورو|اورو|سنتيم|فلس|قرش|درهم|ريال|فرنك|دورو|جنيه|ليره|مليم)(?=\s*(?:$|،|\.)))"),
     _n(_SUITE_ARGENT)),
    ("enfants", _n(r"(?:" + ENFANTS_GEN + r"|طفل|ولد|عيل)"), _n(_SUITE_ENFANTS)),
    ("rsa", _n(r"(?:ال\s*)?" + RSA), _n(r"(?:حاليا|الان|دابا|ابدا|خالص|اصلا)")),
    ("domiciliation", _n(r"(?:ال)?(?:دوميسيلياسيون|دومسيلياسيون|دوميسيليسيون|دوميسيل|domiciliation)"),
     _n(r"(?:حاليا|الان|دابا|ابدا|خالص|اصلا)")),
    ("adresse", _n(r"(?:ال)?(?:عنوان|ادريسه|adresse|ادراس)"), _n(r"(?:ثابت|بريدي|حاليا|ابدا|خالص|اصلا)")),
    ("neutre", _n(r"(?:ال)?(?:مرا|زوجه|زوج|راجل|سكن|بيت|دار|مسكن|ماوى|ماوي|مكان|بلاصه|اكل|ماكله|حد|احد|عائله|عيله|فاميليا|"
                  r"تامين|ضمان|سيكو|حقوق|تغطيه|كارت_فيتال|carte_vitale|حساب|بنك|تلفون|هاتف)").replace("_", r"\s+"),
     _n(r"(?:حاليا|ابدا|خالص|اصلا|هنا)")),
]
_LIAISON = re.compile(_n(r"\s*(?:،\s*)?(?:ولا\s+حتى|ولا|و\s*لا|لا|و|او|حتى|ولا\s+اي)\s*"))


def _liste_niee(prop: str, fin: int) -> list[str] | None:
    """Les catégories niées par « ما عندي » à partir de ``fin`` : « ما عندي ورق ولا خدمة ولا فلوس »."""
    reste = prop[fin:]
    m = re.match(_BOUCHE, reste)
    pos = m.end() if m else 0
    if re.match(_n(r"\s*(?:غير|الا|سوى|بس|فقط|الي|اللي|الي|ما|من)") + F, reste[pos:]):
        return None  # « ما عندي غير الـ RSA » : restriction, pas négation
    cats: list[str] = []
    premier = True
    while True:
        morceau = reste[pos:]
        if not premier:
            lien = _LIAISON.match(morceau)
            if not lien or lien.end() == 0:
                break
            morceau = morceau[lien.end():]
            pos += lien.end()
        trouve = False
        for cat, motif, suite in _ELEMENTS:
            m = re.match(r"\s*" + motif + F, morceau)
            if not m:
                continue
            apres = morceau[m.end():]
            # mots permis après l'élément, puis fin, liaison ou autre élément
            s = re.match(r"(?:\s+" + suite + F + r")*", apres)
            bout = apres[s.end():] if s else apres
            if not re.match(_n(r"\s*(?:$|،|\.|؟|و|ولا|لا|او|حتى)") + r"(?:\s|$|\w)", bout) and bout.strip():
                if not _LIAISON.match(bout) or _LIAISON.match(bout).end() == 0:
                    return cats or None if cat == "neutre" else (cats or None)
            cats.append(cat)
            pos += m.end() + (s.end() if s else 0)
            trouve = True
            break
        if not trouve:
            break
        premier = False
    return cats or None


class _Lecteur:
    """Les faits candidats d'un texte : ``candidats[champ] = [valeurs]``."""

    def __init__(self, texte: str):
        self.texte = texte
        self.candidats: dict[str, list[Any]] = {}
        self.annule: set[str] = set()

    def pose(self, champ: str, valeur: Any) -> None:
        self.candidats.setdefault(champ, []).append(valeur)


# --- âge -------------------------------------------------------------------------------------------
_AGE = [
    _c(D + r"(?:عمري|سني|عمرى)\s+(?:هو\s+|حاليا\s+|الان\s+|دابا\s+)?(\d{1,3})(?:\s+" + ANNEES + r")?" + F),
    _c(D + r"(?:ابلغ|بلغت|عندي|لدي)\s+(?:من\s+العمر\s+)?(\d{1,3})\s+" + ANNEES + r"(?=\s*(?:$|،|\.|و|عمري|من\s+العمر))"),
    _c(D + ANA + r"\s+(?:عمري\s+)?(\d{1,3})\s+" + ANNEES + r"(?=\s*(?:$|،|\.|و|عمري|من\s+العمر))"),
    _c(D + r"(?:ابلغ|بلغت)\s+(?:من\s+العمر\s+)?(\d{1,3})" + F),
]
_APRES_AGE_INTERDIT = _c(r"^\s*(?:و\s*)?(?:نص|نصف|شهر|شهور|" + EUROS + r"|في|ف|فى|ب|هنا|هون|هنايا|من|منذ|"
                         r"بفرنسا|فرنسا|بفرانسا|فالغربه|في_الغربه|وانا|و\s+انا|عليا|على|ل|كامله|كاملين|"
                         r"خدمه|شغل|فالخدمه|بالخدمه|ساكن|عايش|نخدم|نعيش|مقيم)".replace("_", r"\s+") + F)


_AGE_ALORS = _c(D + r"(?:جيت|اجيت|وصلت|دخلت|هاجرت|حرقت|خرجت|تزوجت|اتجوزت|جينا|وصلنا|جابوني|ولدت|تولدت|قطعت|هربت)\s+"
                r"(?:\S+\s+){0,5}?(?:و\s*)?(?:انا\s+)?عمري")


def _age(l: _Lecteur, prop: str, phrase: str = "") -> None:
    if _AGE_ALORS.search(phrase):
        return  # « جيت لفرنسا وعمري 16 سنة » : l'âge d'alors
    for i, motif in enumerate(_AGE):
        for m in motif.finditer(prop):
            n = int(m.group(1))
            if _nie_avant(prop, m.start()):
                continue
            if _APRES_AGE_INTERDIT.match(prop[m.end():]):
                continue
            if re.match(r"\s*" + _n(EUROS), prop[m.end():]):
                continue
            if i in (1, 2) and not 15 <= n <= 99:
                continue
            if i == 0 and not 10 <= n <= 110:
                continue
            if i == 0 and m.group(0).endswith(m.group(1)) and re.match(r"\s*(?:" + _n(MOIS) + r")", prop[m.end():]):
                continue
            l.pose("age", n)


# --- durées : mois en France ---------------------------------------------------------------------------
DUREE = (r"(?:(?P<n>\d{1,3})\s*(?P<u>" + ANNEES + r"|" + MOIS + r")|(?P<da>" + ANNEES_DUEL + r")|(?P<dm>"
         + MOIS_DUEL + r")|(?P<s>سنه|عام|شهر|العام|عاما))(?P<demi>\s*(?:و\s*)?نص(?:ف)?)?"
         r"(?:\s+(?:و\s*)?(?P<n2>\d{1,2})\s*(?P<u2>" + MOIS + r")|\s+(?:و\s*)?(?P<dm2>" + MOIS_DUEL + r"))?")
LIEU_FR = r"(?:(?:في|ف|فى|ب|ل|الى|على)\s*)?(?:فرنسا|فرانسا|فرانس|france)|هنا|هون|هنايا|هنيا|هاهنا"
_ANNEE_MOTS = _ens("سنه عام سنين سنوات سنوت سنا اعوام ans an العام عاما")


def _mois(m: re.Match) -> int | None:
    g = m.groupdict()
    if g.get("n"):
        n = int(g["n"])
        mois = n * 12 if g["u"] in _ANNEE_MOTS else n
        if g["u"] not in _ANNEE_MOTS and g.get("demi"):
            return None
    elif g.get("da"):
        mois = 24
    elif g.get("dm"):
        mois = 2
    elif g.get("s"):
        mois = 12 if g["s"] != "شهر" else 1
    else:
        return None
    if g.get("demi"):
        if mois < 12 or (g.get("n") and g["u"] not in _ANNEE_MOTS):
            return None
        mois += 6
    if g.get("n2"):
        mois += int(g["n2"])
    elif g.get("dm2"):
        mois += 2
    return mois


_DEPUIS = r"(?:من|منذ|مند|صار\s*لي|صارلي|صرلي|صرلي|صارلى|لي|الي|ليا|عندي|هادي|هاذي|هذي|هاي|ها|قبل)"
_MOIS_FR = [
    _c(D + r"(?:" + LIEU_FR + r")\s+" + _DEPUIS + r"\s+" + DUREE + F),
    _c(D + _DEPUIS + r"\s+" + DUREE + r"\s+(?:و\s*انا\s+|وانا\s+)?(?:" + RES + r"\s+)?(?:" + LIEU_FR + r")" + F),
    _c(D + r"(?:جيت|اجيت|جيتي|وصلت|دخلت|حطيت\s+رجلي|اتيت|قدمت|طحت|جينا|وصلنا|دخلنا)\s+(?:" + LIEU_FR
       + r")\s+(?:من|قبل|منذ|هادي|هاذي|هذي|صار\s*لي|صارلي|صرلي)\s+" + DUREE + F),
    _c(D + r"(?:" + LIEU_FR + r")\s+" + DUREE + F),  # « ف فرنسا 3 سنين »
]
_HEDGE_DUREE = _c(r"(?:تقريبا|حوالي|اكثر|اقل|فوق|ازيد|كثر|شي|بزاف|قرابه)")


def _mois_en_france(l: _Lecteur, prop: str) -> None:
    for i, motif in enumerate(_MOIS_FR):
        for m in motif.finditer(prop):
            if _nie_avant(prop, m.start()):
                continue
            if i == 3 and not re.search(_n(r"(?:فرنسا|فرانسا|فرانس|france)"), m.group(0)):
                continue
            if i == 3 and not re.match(r"\s*(?:$|،|و)", prop[m.end():]):
                continue
            if re.match(r"\s*\d{4}", prop[m.end():]) or re.match(r"\s*(?:" + _n(ANNEES) + r")?\s*\d", prop[m.end():]):
                continue
            mois = _mois(m)
            if mois is not None:
                l.pose("mois_en_france", mois)


# --- nationalité ---------------------------------------------------------------------------------------
_NAT_PAYS = _c(r"^(?:" + ANA + r"\s+|" + NOUS + r"\s+)?(?:(?:جاي|جايه|جيت|اجيت|جيتي|قادم|قادمه|اتيت|هارب|"
               r"هاربه|هربت|وصلت)\s+)?(?:من|مول|مولا)\s+(?:بلاد\s+|دوله\s+)?" + _PAYS_HORS_UE + F)
_NAT_NISBA = _c(r"^(?:" + ANA + r"\s+|" + NOUS + r"\s+)?(?:(?:من\s+)?(?:الجنسيه|جنسيه|جنسيتي)\s+)?(?:ال)?(?:(?P<h>"
                + _NISBA_HORS_UE + r")|(?P<u>" + _NISBA_UE + r")|(?P<f>" + _NISBA_FR + r"))(?:ه|يه|ين|يين)?"
                r"(?:\s+(?:الجنسيه|جنسيه|الجنسيه))?" + F)
_NAT_JENSIA = _c(D + r"(?:جنسيتي|عندي\s+(?:ال)?جنسيه|احمل\s+(?:ال)?جنسيه|معايا\s+(?:ال)?جنسيه|"
                 r"عندي\s+(?:ال)?(?:باسبور|جواز\s+(?:ال)?سفر|بسبور|passeport)|بلادي|بلدي|اصلي\s+من)\s+(?:هي\s+|هو\s+)?"
                 r"(?:ال)?(?:(?P<h>" + _NISBA_HORS_UE + r")|(?P<u>" + _NISBA_UE + r")|(?P<f>" + _NISBA_FR
                 + r")|(?P<hp>" + _PAYS_HORS_UE + r"))(?:ه|يه)?" + F)
_NAT_SUITE_OK = _c(r"^\s*(?:$|،|\.|؟|و|عمري|عندي|ما|معنديش|ساكن|ساكنه|عايش|عايشه|بنام|انام|من|في|ف|ب|"
                   r"متزوج|متزوجه|عازب|حامل|طالب|طالبه|الجنسيه|جنسيه|مقيم|لاجي|لاجيه|بدون|بلا|نخدم|وانا|"
                   r"بالجنسيه|\d)")
_DOUBLE_NAT = _c(r"(?:جنسيتين|مزدوج|مزدوجه|الجنسيتين|جوج\s+جنسيات|2\s+جنسيات|اصل|الاصل|اصول|الاصول|مولود|"
                 r"مولوده|تولدت|ولدت|مزيود|مزيوده|نصي|نص)")


def _nationalite(l: _Lecteur, prop: str) -> None:
    if _DOUBLE_NAT.search(prop):
        l.annule.add("nationalite")
        return
    m = _NAT_PAYS.search(prop)
    if m and _NAT_SUITE_OK.match(prop[m.end():]):
        l.pose("nationalite", "hors_ue")
    for motif in (_NAT_NISBA, _NAT_JENSIA):
        m = motif.search(prop)
        if not m or _nie_avant(prop, m.start()):
            continue
        if motif is _NAT_NISBA and not _NAT_SUITE_OK.match(prop[m.end():]):
            continue
        if m.group("h") or m.groupdict().get("hp"):
            l.pose("nationalite", "hors_ue")
        elif m.group("u"):
            l.pose("nationalite", "ue")
        elif m.group("f"):
            l.pose("nationalite", "francaise")


# --- titre de séjour --------------------------------------------------------------------------------
_SANS_PAPIERS = _c(D + r"(?:(?:بدون|بلا|من\s+غير|دون|بغير)\s+(?:ال)?" + PAPIERS + r"|sans\s+papiers?|سان\s*بابيي?ه?|"
                   r"سانس\s+بابيي?ه?|سانبابيي?ه?|sanspapiers?)" + F)
_IRREGULIER = _c(D + r"(?:(?:" + ANA + r"|مقيم|مقيمه|وضعيتي|وضعي|وضعيه|حالتي|اقامتي|مهاجر|مهاجره|موجود|موجوده|"
                 r"عايش|عايشه|ساكن|ساكنه)\s+(?:\S+\s+){0,2}?(?:غير|مش|ماشي|مو)\s+(?:شرعي|شرعيه|قانوني|قانونيه|"
                 r"نظامي|نظاميه)|(?:ANA\s+)?(?:في\s+)?(?:وضعيه|وضع|حاله)\s+غير\s+(?:قانونيه|شرعيه|نظاميه)|"
                 r"clandestin|كلاندستان)" + F)
_VISA_FINI = _c(D + r"(?:(?:الفيزا|فيزتي|فيزايا|التاشيره|تاشيرتي|الفيزا\s+(?:ديالي|تاعي|متاعي)|اقامتي|"
                r"الاقامه\s+(?:ديالي|تاعي|متاعي)|الكارت\s+(?:ديالي|تاعي)|الكارط\s+(?:ديالي|تاعي)|لاكارط\s+(?:ديالي|تاعي)|"
                r"بطاقه\s+اقامتي)\s+(?:\S+\s+)?(?:سالات|انتهت|خلصت|كملت|فاتت|طاحت|مشات|ماتت|انتهى|خلص|سالا|"
                r"صالات|expire|تنتهى)|(?:انتهت|خلصت|سالات|فاتت|انتهى|كملت)\s+(?:صلاحيه\s+)?(?:الفيزا|فيزتي|"
                r"التاشيره|تاشيرتي|اقامتي|الاقامه|بطاقه\s+اقامتي))" + F)
_DEBOUTE = _c(D + r"(?:(?:رفضوا|رفضو|رفضوني|رفضولي|رفضت|رفض|تم\s+رفض|ترفض|ترفضت|مرفوض|مرفوضه|رفضوه|رفضوها|"
              r"جاني\s+(?:ال)?رفض|عطاوني\s+(?:ال)?رفض|تم_رفضي)\s+(?:\S+\s+){0,3}?(?:(?:ال)?لجو|(?:ال|ل)?ازيل|"
              r"asile|(?:ال)?ملف|ملفي|طلبي)|ديبوتي|debout[eé]|(?:(?:ال)?لجو|ملفي|طلبي|(?:ال|ل)?ازيل)\s+(?:ديالي\s+|"
              r"تاعي\s+|متاعي\s+)?(?:ترفض|مرفوض|تم\s+رفضه|رفضوه|رفضو))".replace("_", r"\s+") + F)
_RECOURS = _c(r"(?:استيناف|استئناف|طعن|recours|cnda|الكندا|كندا|تجديد|جددت|نجدد|رونوفلمون|renouvellement|"
              r"ريسيبيسي|رسيبيسي|recepisse|وصل|وصل|rdv|رونديفو|موعد)")
_ASILE_DEMANDE = _c(D + r"(?:(?:طالب|طالبه|طالبين)\s+(?:ال)?لجو(?:\s+(?:سياسي|انساني))?|(?:قدمت|دفعت|درت|عملت|حطيت|"
                    r"سجلت|اودعت|طلبت|قدمنا|دفعنا|درنا|حطينا|سجلنا|دايز|داير|مقدم|مقدمه)\s+(?:على\s+|علي\s+)?"
                    r"(?:(?:ال)?طلب\s+|(?:ال)?ملف\s+|(?:ال)?دوسي\s+|دوسيه\s+|ديمون\s+)?(?:(?:ديال|تاع|متاع|حق)\s+)?(?:(?:ال)?لجو|(?:ال|ل)?ازيل|asile|"
                    r"demande\s+d\s*asile)|عندي\s+(?:(?:ال)?طلب|(?:ال)?ملف|دوسي|دوسيه|ديمون)\s+(?:(?:ال)?لجو|(?:ال|ل)?ازيل|"
                    r"asile|d\s*asile)|ملفي\s+(?:في|ف|عند)\s+(?:ال)?(?:اوفبرا|ofpra)|(?:نقبض|ناخذ|ناخد|باخد|عندي|كنقبض|"
                    r"كنشد|نشد|بقبض|اقبض)\s+(?:ال\s*)?ada|demandeur\s+d\s*asile|دومونداور\s+دازيل)" + F)
_REFUGIE = _c(r"(?:(?:^|" + ANA + r"\s+)(?:لاجي|لاجيه|لاجئ|لاجئه)(?:\s+(?:سياسي|سياسيه|معترف\s+بي|"
              r"رسمي|رسميا))?(?=\s*(?:$|،|\.|و|في|ف|عندي|عمري|من|ب|" + _NISBA_HORS_UE + r"))|عندي\s+(?:(?:ال)?صفه|(?:ال)?وضع|وضعيه|(?:ال)?بطاقه|"
              r"كارت|كارطه|(?:ال)?حق|statut)\s+(?:ال)?(?:لاجي|لجو|refugie)|(?:اخذت|خذيت|حصلت\s+على|حصلت|عطاوني|عطوني|"
              r"اعطوني|تحصلت\s+على|جاني|جاتني|قبلوا|قبلولي|تقبل|تقبلت|قبلو|قبلوني|داوني)\s+(?:\S+\s+){0,2}?"
              r"(?:ال)?(?:لجو|(?:ال|ل)?ازيل|asile|الحمايه)(?:\s+(?:ديالي|تاعي|متاعي|الدوليه|الفرعيه))?|"
              r"عندي\s+(?:ال)?حمايه\s+(?:ال)?(?:دوليه|فرعيه|ثانويه|subsidiaire)|refugie|ريفيجيي)" + F)
_RECEPISSE = _c(D + r"(?:عندي|لدي|معايا|معي|خذيت|اخذت|عطاوني|عطوني)\s+(?:ال)?(?:ريسيبيسي|رسيبيسي|ريسبيسي|ريسيبيسه|"
                r"recepisse|وصل\s+(?:ال)?(?:اقامه|ايداع|تجديد|طلب|بريفكتور|prefecture|البريفكتور|المحافظه)|وصل\s+"
                r"(?:ديال|تاع|من)\s+(?:ال)?(?:بريفكتور|prefecture|محافظه|المحافظه|لابريفكتور))" + F)
_CARTE_RESIDENT = _c(D + r"(?:عندي|لدي|معايا|معي)\s+(?:(?:ال)?(?:بطاقه|كارت|كارط|كارطه|اقامه|carte|titre)\s+)?(?:ال)?"
                     r"(?:(?:اقامه\s+)?(?:مقيم|ريزيدون|rezidon|resident|residant|residence)(?:\s+de\s+10\s+ans)?|"
                     r"(?:(?:ديال|تاع|مال|ل|لمده|مده)\s+)?10\s+" + ANNEES + r")" + F)
_TITRE = _c(D + r"(?:عندي|لدي|معايا|معي)\s+(?:ال)?(?:اقامه|اوراق|وراق|ورق|الورق|لوراق|كواغط|papiers|بابيي|"
            r"كارت\s+سيجور|كارط\s+سيجور|بطاقه\s+(?:ال)?اقامه|تيتر\s+(?:دو\s+)?سيجور|titre\s+de\s+sejour|"
            r"carte\s+de\s+sejour|لاكارط|الكارط|كارطه\s+(?:ديال\s+)?(?:ال)?(?:اقامه|سيجور))"
            r"(?:\s+(?:(?:ال)?قانونيه|نظاميه|رسميه|(?:في\s+|ف\s+|ب)فرنسا|هنا|هون|(?:ديال|تاع)\s+(?:ال)?(?:اقامه|خدمه)|"
            r"(?:ديال|تاع|مال|ل|لمده|مده)?\s*(?:عام|سنه|1\s+" + ANNEES + r"|2\s+" + ANNEES + r"|4\s+" + ANNEES + r"|"
            + ANNEES_DUEL + r")|(?:ال)?عمل|(?:ال)?شغل|خدمه|(?:ال)?سليمه|مسويه|كاملين|كامله|متاعي|ديالي))*" + r"(?=\s*(?:$|،|\.|و\s|و|عمري))")
_TITRE_DOUTE = _c(r"(?:طالب|etudiant|ايتوديان|اسبان|ايطال|اوروب|بلجيك|الماني|المانيا|اسبانيا|ايطاليا|"
                  r"هولندا|سويسرا|البرتغال|مزوره|مزور|ماشي\s+ديالي|الطبيب|الدكتور|الهويه|السفر|الباسبور|"
                  r"باسبور|جواز|مؤقت|موقت|مؤقته|موقته|aps|انتهت|خلصت|سالات|منتهيه|expire)")


_AILLEURS_UE = _c(D + r"(?:في|ف|ب)\s*(?:ايطاليا|المانيا|اسبانيا|بلجيكا|هولندا|سويسرا|النمسا|السويد|مالطا|بلغاريا|"
                  r"كرواتيا|اليونان|البرتغال|بولندا|رومانيا|المجر|هنغاريا|بريطانيا|انجلترا|انكلترا|لندن|اوروبا|تركيا|ليبيا)" + F)


def _titre(l: _Lecteur, prop: str, phrase: str) -> None:
    if _DEBOUTE.search(prop):
        if _RECOURS.search(l.texte):
            l.annule.add("titre_sejour")
        else:
            l.pose("titre_sejour", "aucun")
            l.annule.add("demande_asile")
        return
    if _VISA_FINI.search(prop):
        if not _RECOURS.search(l.texte):
            l.pose("titre_sejour", "aucun")
    for m in _SANS_PAPIERS.finditer(prop):
        suite = prop[m.end():]
        if re.match(r"\s*(?:$|،|\.|و|" + _n(_SUITE_PAPIERS) + r"|عمري|عندي|ساكن|بنام|في\s+فرنسا|ف\s+فرنسا|هنا)", suite) \
                and not _nie_avant(prop, m.start()):
            l.pose("titre_sejour", "aucun")
    m = _IRREGULIER.search(prop)
    if m and not _nie_avant(prop, m.start()):
        l.pose("titre_sejour", "aucun")
    if _AILLEURS_UE.search(prop):
        l.annule.add("titre_sejour")  # « طلبت اللجوء في ايطاليا » : un statut d'un autre pays
        return
    m = _ASILE_DEMANDE.search(prop)
    if m and not _nie_avant(prop, m.start()):
        l.pose("titre_sejour", "demande_asile")
    m = _REFUGIE.search(prop)
    if m and not _nie_avant(prop, m.start()):
        l.pose("titre_sejour", "protection_internationale")
    m = _RECEPISSE.search(prop)
    if m and not _nie_avant(prop, m.start()):
        l.pose("titre_sejour", "recepisse")
    m = _CARTE_RESIDENT.search(prop)
    if m and not _nie_avant(prop, m.start()) and not _TITRE_DOUTE.search(prop):
        l.pose("titre_sejour", "carte_resident")
    elif (m := _TITRE.search(prop)) and not _nie_avant(prop, m.start()) and not _TITRE_DOUTE.search(prop):
        l.pose("titre_sejour", "titre_travail")


# --- enfants, grossesse, couple, genre ---------------------------------------------------------------
AVOIR = r"(?:عندي|لدي|عندنا|لدينا)"
_ENFANTS_N = _c(D + AVOIR + r"\s+(\d{1,2})\s+(?:من\s+)?(?:ال)?" + ENFANTS_GEN + F)
_ENFANTS_DUEL = _c(D + AVOIR + r"\s+(?:(?P<deux>طفلين|طفلان|عيلين|ابنين|زوج\s+(?:ولاد|اطفال|دراري)|جوج\s+(?:ولاد|اطفال|"
                   r"دراري))|(?P<un>طفل|طفله|عيل)(?:\s+واحد|\s+واحده)?)" + F)
_ENFANTS_PARENT = _c(D + ANA + r"\s+(?P<g>ام|اب|ابو|والد|والده|ماما|بابا)\s+(?:ل\s*|لـ\s*)?(\d{1,2})\s+(?:ال)?"
                     + ENFANTS_GEN + F)
_AILLEURS = r"(?<!\w)(?:(?:مع|عند|عن)\s+(?:امهم|امهوم|ابوهم|باباهم|مامتهم|طليقتي|طليقي|جدتهم|جدهم|جدتهوم|باباهوم|ماماهم)|ase|" \
            r"الاس|placés|places|دار\s+الايتام|دار\s+الرعايه|ماتوا|توفوا)(?!\w)"
_ENFANTS_LOIN = _c(D + r"(?:اولادي|ولادي|اطفالي|عيالي|ابنائي|دراري|ذراري)\s+(?:كلهم\s+|الكل\s+|جميعا\s+|كاملين\s+)?"
                   r"(?:(?:عايشين|ساكنين|قاعدين|باقين|بقاو|مازالو|مازالوا)\s+)?(?:(?:في|ف|ب|فال|بال)\s*" + _ETRANGER + r"|"
                   + _AILLEURS + r")" + F)
_ENUM_APRES = _c(r"^\s*(?:و|،)\s*(?:\d+\s+)?(?:ال)?(?:بنت|بنات|ولد|ولدين|بنتين|طفل|طفله|ابن|اولاد|ولاد|اطفال|" +
                 r"بيبي|رضيع)")
_ENFANT_AGE = _c(D + r"(?:الصغير|الصغيره|اصغرهم|اصغرهن|الاصغر|اصغر\s+واحد|الصغيرين|اخر\s+واحد|اخرهم)\s+(?:\S+\s+)?"
                 r"(?:عمره|عمرها|عندو|عنده|عندها|فيه|فيها)?\s*(?:(\d{1,2})\s*(?P<u>" + ANNEES + r"|" + MOIS + r")?|(?P<da>"
                 + ANNEES_DUEL + r")|(?P<dm>" + MOIS_DUEL + r"))" + F)
_MES_ENFANTS = _c(D + r"(?:اولادي|ولادي|اطفالي|عيالي|ابنائي|بناتي|دراري|ذراري|شفعي|عندي\s+\d+\s+(?:ال)?" + ENFANTS_GEN
                  + r"|عندي\s+(?:طفلين|طفل|طفله))" + F)
_BEBE = _c(D + AVOIR + r"\s+(?:بيبي|رضيع|رضيعه|بيبي\s+صغير|طفل\s+رضيع|bebe|نونو)" + F)


def _age_enfant(l: _Lecteur, prop: str) -> None:
    """« الصغير عمره 3 سنين » : l'âge du plus jeune, quand la personne a parlé de ses enfants."""
    m = _ENFANT_AGE.search(prop)
    if not m or not _MES_ENFANTS.search(l.texte):
        return
    if m.group("da"):
        n = 2
    elif m.group("dm"):
        n = 0
    else:
        n = int(m.group(1))
        u = m.group("u")
        if u and re.fullmatch(_n(MOIS), u):
            n = 0 if n < 12 else n // 12
    l.pose("age_plus_jeune_enfant", n)


def _enfants(l: _Lecteur, prop: str, phrase: str) -> None:
    loin = re.search(_n(_ETRANGER), phrase) or re.search(_n(_AILLEURS), phrase) or \
        re.search(_n(r"(?<!\w)(?:منهم|منهن|كبار|مستقلين|متزوجين|مزوجين|راشدين|بالغين|ماتو|ماتوا)(?!\w)"), phrase)
    for motif in (_ENFANTS_N, _ENFANTS_PARENT):
        for m in motif.finditer(prop):
            if _nie_avant(prop, m.start()):
                continue
            n = int(m.group(m.lastindex if motif is _ENFANTS_N else 2))
            suite = prop[m.end():]
            if _ENUM_APRES.match(suite):
                l.annule.add("enfants")
                continue
            if re.match(r"\s*(?:(?:في|ف|ب|فال|بال)\s*" + _n(_ETRANGER) + r"|" + _n(_AILLEURS) + r")" + F, suite):
                l.pose("enfants", 0)
                continue
            if loin or re.match(r"\s*(?:كبار|متزوجين|مزوجين|راشدين|مستقلين)", suite):
                l.annule.add("enfants")
                continue
            l.pose("enfants", n)
            if motif is _ENFANTS_PARENT:
                l.pose("genre", "femme" if m.group("g") in ("ام", "والده", "ماما") else "homme")
    for m in _ENFANTS_DUEL.finditer(prop):
        if _nie_avant(prop, m.start()):
            continue
        suite = prop[m.end():]
        if _ENUM_APRES.match(suite) or loin or re.match(r"\s*(?:في|ف|ب|فال|بال|كبار)", suite):
            l.annule.add("enfants")
            continue
        l.pose("enfants", 2 if m.group("deux") else 1)
    if _ENFANTS_LOIN.search(prop):
        l.pose("enfants", 0)
    m = _BEBE.search(prop)
    if m and not _nie_avant(prop, m.start()):
        l.pose("age_plus_jeune_enfant", 0)


_TETE = r"^(?:(?:" + ANA + r"|و|نعم|ايوه|اه|ايه|حاليا|الان|دابا|توا|هلق|هلا|الحمد\s+لله|الحمدلله|بصراحه|راني|" \
        r"انا\s+راني)\s+)*"
_ENCEINTE = _c(_TETE + r"(?:حامل|حبلى|حبلا|حامله|enceinte|بالحمل)(?=\s*(?:$|،|\.|و|في|ف|ب|من|عندي|عمري|\d|"
               r"شهر|الشهر|بشهر|بالشهر))")
_ENCEINTE_ANA = _c(D + ANA + r"\s+(?:حامل|حبلى|حامله)" + F)
_PAS_ENCEINTE = _c(D + r"(?:(?:مش|ماشي|مو|موش|لست|مانيش|منيش|ماني|ما\s+ني|مني|ما)\s+(?:حامل|حبلى|حامله)(?:ش)?|"
                   r"ما\s*(?:حاملش|حاملاش|حبلاش)|لست\s+حاملا)" + F)
_PARTENAIRE = _c(r"(?:عندي\s+(?:صاحبي|صديقي|صاحب|صديق|راجل)|مع\s+(?:صاحبي|صديقي)|صاحبتي|صديقتي|حبيبتي|حبيبي|شريكي|شريكتي|عشيري|عشيرتي|كوبل|couple|pacs|باكس|خطيبتي|خطيبي|"
                 r"مع\s+بعض|سوا|عرفي|بدون\s+زواج|بلا\s+زواج|من\s+غير\s+زواج|(?:عايش|ساكن|نعيش|اعيش|بعيش)\s+مع\s+"
                 r"(?:واحده|واحد|راجل|امراه|مرا))")
_CONJOINT = r"(?:زوجتي|مرتي|مراتي|زوجي|جوزي|راجلي|المدام|مدامتي|شريكي|شريكتي|عيالي_مرتي)".replace("_", r"\s+")
_EN_COUPLE = _c(_TETE + r"(?:متزوج|متزوجه|متجوز|متجوزه|مجوز|مجوزه|مزوج|مزوجه|متاهل|متاهله|mari[eé]e?|مارييه)"
                r"(?=\s*(?:$|،|\.|و|من|ب|عندي|عمري|مع|في|ف|\d))")
_EN_COUPLE_VIE = _c(D + r"(?:(?:" + RES + r"|" + DORS + r")\s+(?:انا\s+)?(?:مع|وي|ويا|معا|عند)\s+" + _CONJOINT + r"|"
                    + ANA + r"\s+(?:و)\s*" + _CONJOINT + r"|^" + ANA + r"\s+و" + _CONJOINT + r"|عندي\s+(?:زوجه|مرا|"
                    r"زوجتي|مرتي)(?=\s*(?:$|،|و)))" + F)
_PAS_COUPLE_NEG = _c(D + r"(?:(?:مش|ماشي|مو|موش|لست|مانيش|منيش|ماني|مني|ما|غير|مب)\s+(?:متزوج|متزوجه|متجوز|متجوزه|مجوز|"
                     r"مجوزه|مزوج|مزوجه|متاهل|متاهله)(?:ش|اش)?|ما\s*(?:متزوجش|مزوجش|مجوزش|متجوزش|زوجتش|تزوجتش|"
                     r"اتجوزتش|تجوزتش)|لست\s+متزوجا|لم\s+اتزوج|ما\s+تزوجت|ما\s+اتجوزت)" + F)
_CELIBATAIRE = _c(_TETE + r"(?:عازب|عازبه|عزباء|عزبا|اعزب|سنجل|single|celibataire|سيليباتير|مطلق|مطلقه|متطلق|"
                  r"متطلقه|مطلّق|ارمل|ارمله|منفصل|منفصله|مفارق|مفارقه|ام\s+عزباء|ام\s+وحيده|ام\s+عازبه)"
                  r"(?=\s*(?:$|،|\.|و|من|عندي|عمري|مع|في|ف|\d))")
_SEUL = _c(r"(?:^(?:" + ANA + r"\s+)?(?:وحدي|وحداني|بوحدي)(?:\s+(?:مع|في|ف|هنا)\s+(?:اولادي|ولادي|بنتي|ابني|"
           r"فرنسا|باريس))?(?=\s*$)|(?:" + RES + r"|نربي|بربي|اربي|كنربي)\s+(?:\S+\s+)?(?:وحدي|بوحدي|لوحدي|وحداني)"
           r"(?=\s*(?:$|مع|في|ف|و)))")
_VEUF = _c(D + r"(?:(?:مات|توفى|توفي|توفا|توفت|ماتت)\s+" + _CONJOINT + r"|" + _CONJOINT + r"\s+(?:مات|توفى|توفي|"
           r"توفا|توفت|ماتت|الله\s+يرحمه|الله\s+يرحمها|رحمه\s+الله))" + F)
_CONJOINT_LOIN = _c(_CONJOINT + r"\s+(?:\S+\s+){0,2}?(?:في|ف|ب|فال|بال)\s*" + _ETRANGER)


def _couple(l: _Lecteur, prop: str, phrase: str) -> None:
    partenaire = bool(_PARTENAIRE.search(l.texte))
    loin = bool(_CONJOINT_LOIN.search(l.texte)) or bool(re.search(_n(r"(?:منفصلين|مش\s+عايشين\s+مع\s+بعض|"
                                                                      r"ما\s+عايشينش|طلقني|طلقتها|طلقتو)"), l.texte))
    if (m := _EN_COUPLE.search(prop)) and not _nie_avant(prop, m.start() + len(m.group(0)) - 6):
        if not loin and not _PAS_COUPLE_NEG.search(prop):
            l.pose("en_couple", True)
        else:
            l.annule.add("en_couple")
    if _EN_COUPLE_VIE.search(prop) and not loin:
        m = _EN_COUPLE_VIE.search(prop)
        if not _nie_avant(prop, m.start()):
            l.pose("en_couple", True)
    for motif in (_PAS_COUPLE_NEG, _CELIBATAIRE, _SEUL, _VEUF):
        m = motif.search(prop)
        if not m:
            continue
        if motif is not _PAS_COUPLE_NEG and _nie_avant(prop, m.end() - 1 if motif is _CELIBATAIRE else m.start()):
            if motif is _CELIBATAIRE and re.search(_n(r"(?:مش|ماشي|مو|لست|مانيش|ما)\s+(?:عازب|عازبه|مطلق|ارمل)"), prop):
                continue
            if motif is not _CELIBATAIRE:
                continue
        if partenaire:
            l.annule.add("en_couple")
            continue
        l.pose("en_couple", False)
        if motif is _CELIBATAIRE and re.search(_n(r"ام\s+(?:عزباء|وحيده|عازبه)"), m.group(0)):
            l.pose("genre", "femme")


def _grossesse(l: _Lecteur, prop: str, autrui: bool) -> None:
    if (m := _PAS_ENCEINTE.search(prop)):
        l.pose("enceinte", False)
        return
    m = _ENCEINTE_ANA.search(prop) or (None if autrui else _ENCEINTE.search(prop))
    if m and not _nie_avant(prop, m.start()) and not re.search(_n(r"(?:بطاقه|شهاده|جواز|للجنسيه|الجنسيه|"
                                                                     r"لشهاده|اوراق|ديبلوم|دبلوم|لقب)"), prop):
        l.pose("enceinte", True)
        l.pose("genre", "femme")


_GENRE = _c(r"^(?:" + ANA + r")\s+(?:(?P<f>امراه|امرأه|مرا|سيده|بنت|شابه|ست|فتاه|ام)|(?P<h>رجل|راجل|شاب|اب|ابو|"
            r"رجال))(?=\s*(?:$|،|و|عمري|من|عندي|عازب|متزوج|مطلق|وحيد|وحدي|ل|في|ب|" + _NISBA_HORS_UE + "))")


def _genre(l: _Lecteur, prop: str) -> None:
    m = _GENRE.search(prop)
    if m:
        if m.group("f") == "ست" and not re.match(r"\s*$", prop[m.end():]):
            return
        l.pose("genre", "femme" if m.group("f") else "homme")


# --- études, travail, argent, RSA ----------------------------------------------------------------------
_LIEU_ETUDES = r"(?:(?:في|ف|ب|فال|بال|في\s+ال)\s*)?(?:ال)?(?:جامعه|كليه|فاك|fac|la\s+fac|universite|مدرسه|معهد|ليسيه|" \
               r"ثانويه|ماستر|master|ليسانس|licence|دكتوراه|السوربون|بي\s*تي\s*اس|bts|formation|فورماسيون|تكوين)"
_ETUDIANT = _c(_TETE + r"(?:طالب|طالبه|تلميذ|تلميذه|etudiant|etudiante|ايتوديان|ايتودييون|ستيودنت|student)"
               r"(?:\s+(?:جامعي|جامعيه|" + _LIEU_ETUDES + r"|هنا|في\s+فرنسا|ف\s+فرنسا|في\s+باريس|ف\s+باريس|حاليا|"
               r"دابا|الان|" + r"\S*(?:جامعه|كليه)))*(?=\s*(?:$|،|\.|و|عندي|عمري|\d))")
_ETUDIE = _c(D + r"(?:بدرس|ادرس|ندرس|كندرس|نقرا|كنقرا|بقرا|نقرى|اتعلم|بتعلم|كنتعلم|مسجل|مسجله|نتكون|كنتكون)\s+"
             + _LIEU_ETUDES + F)
_PAS_ETUDIANT = _c(D + r"(?:(?:مش|ماشي|مو|موش|لست|مانيش|منيش|ماني|مني|غير)\s+(?:طالب|طالبه|تلميذ|تلميذه)(?:ش)?|"
                   r"لست\s+طالبا|ما\s*(?:نقراش|كنقراش|ندرسش|كندرسش|بدرسش|نقراش)|ما\s+(?:بدرس|ادرس|بقرا)|لا\s+ادرس|"
                   r"مانقراش|ماكنقراش)" + F)
_TRAVAIL_VERBES = r"(?:بشتغل|نشتغل|اشتغل|نخدم|بخدم|كنخدم|اخدم|خدام|خدامه|شغال|شغاله|اعمل|بعمل|نعمل|كنعمل)"
_PAS_TRAVAIL = _c(D + r"(?:(?:ما|مش|ماشي|مو|موش|لا|مانيش|منيش|ماني|مني|راني\s+ما)\s*" + _TRAVAIL_VERBES + r"(?:ش)?|"
                  r"ما\s*(?:نخدمش|كنخدمش|بشتغلش|نشتغلش|خدامش|شغالش|خدماش|بخدمش|نعملش|اشتغلش)|ماخدامش|مانخدمش|"
                  r"ماكنخدمش|مابشتغلش|مانشتغلش|ما\s+لقيت(?:ش)?\s+(?:" + TRAVAIL + r")|"
                  r"(?:عاطل|عاطله|بطال|بطاله|شومور|chomeur|chomeuse|شوماج|في\s+البطاله|ف\s+الشوماج|عاطل\s+عن\s+العمل|"
                  r"(?:بلا|بدون|من\s+غير)\s+(?:" + TRAVAIL + r")))" + F)
_NOIR = _c(D + _TRAVAIL_VERBES + r"\s+(?:\S+\s+){0,3}?(?:في\s+النوار|بالنوار|فالنوار|نوار|au\s+noir|noir|بالاسود|بالسواد|"
           r"في\s+الاسود|في\s+السواد|بلا\s+كونطرا|بدون\s+عقد|بلا\s+عقد|بلا\s+contrat|sans\s+contrat|بالكاش|كاش|غير\s+مصرح|"
           r"مش\s+مصرح|بدون\s+تصريح|بلا\s+تصريح|بلا\s+اوراق|بدون\s+اوراق|بلا\s+وراق|بلا\s+فيش|بلا\s+فيشات)" + F)
_TRAVAIL_DECLARE = _c(D + r"(?:(?:عندي|لدي|معايا|خدام\s+ب|نخدم\s+ب|بشتغل\s+ب|شغال\s+ب|نخدم\s+في|خدام\s+في)\s*"
                      r"(?:ال)?(?:cdi|cdd|سي\s*دي\s*اي|سي\s*دي\s*دي|عقد\s+(?:عمل|خدمه|شغل)|كونطرا\s+(?:ديال\s+)?"
                      r"(?:الخدمه|خدمه|عمل|travail)|contrat\s+de\s+travail|interim|انتيريم|انتريم|fiche\s+de\s+paie|"
                      r"فيش\s+(?:دو|دي)\s+(?:باي|بي|pay)|فيشات\s+(?:دو|دي)\s+(?:باي|بي)|عمل\s+مصرح|خدمه\s+مصرحه|"
                      r"شغل\s+(?:قانوني|مصرح|رسمي))|" + _TRAVAIL_VERBES + r"\s+(?:\S+\s+){0,3}?(?:ب|في|ف)\s*(?:ال)?(?:cdi|cdd|عقد|كونطرا|"
                      r"interim|انتيريم|انتريم)|" + _TRAVAIL_VERBES + r"\s+(?:بشكل\s+)?(?:قانوني|مصرح|declare|رسمي|"
                      r"بالاوراق|بالفيشات|بالفيش))" + F)
_PAS_CONTRAT = _c(D + r"(?:ما\s*عندي(?:ش)?|معنديش|ليس\s+لدي|ما\s+عنديش)\s+(?:اي\s+)?(?:عقد\s+(?:عمل|خدمه|شغل)|كونطرا\s+"
                  r"(?:ديال\s+)?(?:الخدمه|خدمه|عمل)|contrat\s+de\s+travail|فيش\s+(?:دو|دي)\s+(?:باي|بي)|fiche\s+de\s+paie)"
                  r"(?=\s*(?:$|،|\.|و))")
_MOIS_MOT = r"(?:(?:في|ف|بال|فال|كل|ب|على|لل)\s*(?:ال)?شهر|شهريا|شهري|par\s+mois|الشهر|ف\s+الشهر|بالشهر|mensuel)"
_REVENU = _c(D + r"(?:دخلي|مدخولي|راتبي|معاشي|اجرتي|اجري|شهريتي|خلصتي|صالير\s+ديالي|ادخل|بدخل|ندخل|نربح|بربح|"
             r"كنربح|اربح|نقبض|بقبض|اقبض|كنقبض|ناخذ|ناخد|باخد|باخذ|كناخد|كنشد|نشد|اتقاضى|اتلقى|نتقاضى|يجيني|بيجيني|"
             r"كيجيني|تجيني|كتجيني|بتجيني|عندي\s+دخل|عندي\s+مدخول|كيخلصوني|بيدفعولي|يعطوني|كيعطيوني)"
             r"(?:\s+(?:هو|هي|من|ال|(?:ال\s*)?(?:rsa|ada|aah|ass|caf|الكاف|شوماج|الشوماج|chomage|pole\s+emploi|france\s+travail)|"
             r"الراتب|غير|بس|فقط))*\s+(\d{2,6}(?:[.,]\d{1,2})?)\s*(?:" + EUROS + r")?\s*" + _MOIS_MOT + F)
_REVENU_MOIS = _c(D + r"(?:دخلي|مدخولي|راتبي|اجري|اجرتي)\s+(?:ال)?شهري\s+(?:هو\s+)?(\d{2,6})\s*(?:" + EUROS + r")?(?=\s*(?:$|،|\.|و))")
_APL = _c(r"(?:apl|als|alf|ابل|لابل|الابل|مساعده\s+(?:ال)?(?:سكن|كراء|كرا|ايجار)|(?:ال)?كاف\s+(?:ديال|تاع|حق)\s+"
          r"(?:ال)?(?:كرا|كراء))")
_SANS_REVENU = _c(D + r"(?:(?:بدون|بلا|من\s+غير)\s+(?:اي\s+)?(?:دخل|مدخول|فلوس|مصاري|دراهم|revenu|revenus)|"
                  r"(?:" + ANA + r"\s+)?(?:مفلس|مفلسه)(?=\s*(?:$|،|و)))" + F)
_RSA_OUI = _c(D + r"(?:نقبض|بقبض|اقبض|كنقبض|ناخذ|ناخد|باخد|باخذ|اخذ|اخد|كناخد|كنشد|نشد|اتقاضى|نتقاضى|استفيد|نستافد|"
              r"كنستافد|بستفيد|نستفيد|عندي|لدي|يجيني|بيجيني|تجيني|كتجيني|كيجيني|بتجيني|عايش\s+(?:على|ب|من|بال)|"
              r"نعيش\s+(?:على|ب|من|بال)|اعيش\s+(?:على|من|ب)|مستفيد\s+من|مستفيده\s+من|عايشه\s+(?:على|ب|من))"
              r"\s*(?:من\s+)?(?:ال\s*)?" + RSA + F)
_RSA_NON = _c(D + r"(?:(?:ما|مش|لا|مو|ماشي)\s*(?:نقبض|بقبض|اقبض|كنقبض|ناخذ|ناخد|باخد|باخذ|كناخد|كنشد|نشد|اتقاضى|"
              r"نتقاضى|استفيد|بستفيد|نستفيد)(?:ش)?|ماناخدش|ماناخذش|ماكنقبضش|ماكنشدش|مانقبضش|ماكناخدش)\s+"
              r"(?:من\s+)?(?:ال\s*)?" + RSA + F)


def _etudes(l: _Lecteur, prop: str, autrui: bool) -> None:
    if _PAS_ETUDIANT.search(prop):
        l.pose("etudiant", False)
        return
    m = _ETUDIANT.search(prop)
    if m and not autrui and not re.search(_n(r"(?:طالب|طالبه)\s+(?:ال)?لجو"), prop):
        l.pose("etudiant", True)
    m = _ETUDIE.search(prop)
    if m and not _nie_avant(prop, m.start()):
        l.pose("etudiant", True)


def _travail(l: _Lecteur, prop: str) -> None:
    m = _PAS_TRAVAIL.search(prop)
    if m and re.match(r"\s*(?:\S+\s+){0,2}?" + _n(r"(?:في\s+النوار|بالنوار|فالنوار|نوار|بالاسود|بالسواد|au\s+noir|noir|بلا|"
                                                  r"بدون|غير\s+مصرح|كاش|بالكاش)"), prop[m.end():]):
        m = None
    if m or (_NOIR.search(prop) and not _nie_avant(prop, _NOIR.search(prop).start())) or _PAS_CONTRAT.search(prop):
        l.pose("travail_declare", False)
    m = _TRAVAIL_DECLARE.search(prop)
    if m and not _nie_avant(prop, m.start()) and not re.search(_n(r"(?:غير|مش|ماشي|بلا|بدون)\s+(?:مصرح|قانوني|رسمي)"), prop):
        l.pose("travail_declare", True)


def _argent(l: _Lecteur, prop: str) -> None:
    m = _SANS_REVENU.search(prop)
    if m and not _nie_avant(prop, m.start()) and re.match(r"\s*(?:$|،|\.|و|" + _n(_SUITE_ARGENT) + ")",
                                                            prop[m.end():]):
        l.pose("ressources_mensuelles", 0.0)
    m = _REVENU.search(prop) or _REVENU_MOIS.search(prop)
    if m and not _nie_avant(prop, m.start()) and not _APL.search(prop):
        try:
            l.pose("ressources_mensuelles", float(m.group(1).replace(",", ".")))
        except ValueError:
            pass
    if (m := _RSA_NON.search(prop)):
        l.pose("percoit_rsa", False)
    elif (m := _RSA_OUI.search(prop)) and not _nie_avant(prop, m.start()):
        l.pose("percoit_rsa", True)


# --- logement, Paris ---------------------------------------------------------------------------------
_RUE = _c(D + r"(?:(?:" + RES + r"|" + DORS + r"|" + ANA + r"|" + NOUS + r"|راني|رانا|قاعد|قاعده)\s+(?:\S+\s+)?"
          r"(?:(?:في|ف|فى|ب|بال|فال|على|عل|تحت|فوق)\s*)?(?:ال)?(?:شارع|زنقه|رصيف|شوارع|خيمه|طوموبيل|طونوبيل|سياره|"
          r"كرهبه|tente|rue|جسر|قنطره|البون|محطه|مترو|ميترو|جار|gare|متروات|الطريق\s+العام)|(?:" + RES + r"|" + DORS
          + r")\s+(?:برا|بره|لبرا|برى|فالخلا|في\s+الخلا|دهور|dehors))" + F)
_RUE_DIRECT = _c(r"^(?:" + ANA + r"\s+|" + NOUS + r"\s+)?(?:مشرد|مشرده|مشردين|sdf|اس\s*دي\s*اف|(?:بلا|بدون|من\s+غير)\s+"
                 r"(?:ماوى|ماوي|مأوى|سكن|مسكن)|في\s+الشارع|ف\s+الشارع|فالشارع|بالشارع)(?=\s*(?:$|،|\.|و|من|في|ف|مع|عندي))")
_CENTRE_MOT = r"(?:115|سامو|samu|مركز\s+(?:ال)?(?:ايواء|استقبال|اجتماعي|طوارئ|طواري|لاجئين|اللاجئين)|centre|سنتر|سونتر|" \
              r"فواي|فوايي|فواييه|foyer|cada|كادا|huda|هودا|chu|chrs|اوتيل|هوتيل|فندق|hotel|ملجا|ماوى\s+اجتماعي|" \
              r"مركز\s+(?:ال)?(?:هيبرجمو|hebergement|ايبرجمو|ايواء))"
_CENTRE = _c(D + r"(?:(?:" + RES + r"|" + DORS + r"|" + ANA + r"|" + NOUS + r"|مستضاف|مستضافه|محطوط|حاطيني)\s+(?:\S+\s+)?"
             r"(?:في|ف|فى|ب|بال|فال|عند|مع|تحت)\s*(?:ال)?" + _CENTRE_MOT + r"|(?:ال)?115\s+(?:عطاني|عطاوني|عطوني|اعطاني|"
             r"حطني|حطوني|دارني|داروني|لقالي|لقاولي|جابلي|لقاني|لقاوني|عطاني|لاقالي|وفرلي|وفرولي|اعطوني)\s+"
             r"(?:\S+\s+)?(?:ال)?(?:اوتيل|هوتيل|فندق|بلاصه|مكان|سرير|hotel|مركز|سنتر))" + F)
_HOTE = r"(?:صاحبي|صديقي|صديق|صاحب|رفقاتي|رفيقي|رفيقتي|رفقاني|صحابي|اصحابي|اصدقاي|خويا|اخويا|اخي|اخوي|خوي|اختي|خيتي|ختي|اخوتي|خوتي|عمي|خالي|" \
        r"عمتي|خالتي|ولد\s+عمي|ولد\s+خالي|ولد\s+خالتي|ولد\s+عمتي|بنت\s+عمي|بنت\s+خالي|بنت\s+خالتي|ابن\s+عمي|ابن\s+خالي|" \
        r"ابن\s+عمتي|ابن\s+خالتي|قرايبي|اقاربي|قريبي|قريبتي|عايلتي|عائلتي|عيلتي|العايله|العائله|فاميلتي|فاميليتي|فاميلي|" \
        r"الفاميليا|فاميليا|ناس|الناس|واحد|واحده|حد|شخص|عايله|جماعه|اهلي|امي|يما|ماما|ابوي|بابا|والدي|الوالدين|جاري|" \
        r"جارتي|معارفي|صاحبتي|صديقتي|مدام|سيده|عجوز|شيباني|واحد\s+صاحبي|واحد\s+الصاحب|واحد\s+صديقي|صديق\s+لي|" \
        r"صاحب\s+لي|بنت\s+عمتي|خواتي|اخواتي|حبابي|اولاد\s+عمي|ولاد\s+عمي|ولاد\s+بلادي|اولاد\s+بلادي|ابن\s+بلدي|" \
        r"واحد\s+من\s+بلادي|عيله|اسره|عائله)"
_HEBERGE = _c(D + r"(?:(?:" + RES + r"|" + DORS + r"|مستضاف|مستضافه|ضيف|ضيفه|هيبيرجي|ايبيرجي|heberge|hebergee|ساكن\s+مؤقتا|"
              r"قاعد\s+مؤقتا)\s+(?:حاليا\s+|دابا\s+|الان\s+|هلق\s+|مؤقتا\s+)?(?:عند|لدى|في\s+دار|في\s+بيت|ف\s+دار|فدار|"
              r"في\s+شقه|عند\s+دار|في\s+دار\s+واحد|في\s+بيت\s+واحد|chez)\s+" + _HOTE + r"|(?:" + _HOTE + r")\s+"
              r"(?:مستضيفني|مستضيفيني|ضايفني|ضيفني|مستقبلني|مسكنني|مبيتني|مخليني\s+(?:نسكن|نبات|انام|ننعس|نرقد)\s+عنده|"
              r"مخليني\s+(?:نسكن|نبات|انام|ننعس|نرقد)\s+عندها|مستضيفتني|ضايفتني|هيبيرجيني|حاطني\s+عنده|داير\s+لي\s+بلاصه))" + F)
_GRATUIT = _c(r"(?:ببلاش|بلاش|بالمجان|مجانا|مجاني|مجانيه|فابور|بالفابور|gratuit|gratuitement|بدون\s+مقابل|بلا\s+مقابل|"
              r"بلا\s+ما\s+(?:نخلص|ندفع|نعطي)|بدون\s+ما\s+(?:ادفع|دفع|اخلص)|من\s+غير\s+ما\s+(?:ادفع|ادفع)|"
              r"(?:ما|مش|ماني|مانيش|لا)\s*(?:ندفع|بدفع|ادفع|كندفع|نخلص|بخلص|كنخلص|اخلص|نعطيه|بعطيه|اعطيه)(?:ش)?|"
              r"ماندفعش|مانخلصش|ماكنخلصش|ماكندفعش|(?:بلا|بدون|من\s+غير)\s+(?:فلوس|كرا|كراء|ايجار)|"
              r"ما\s+(?:يطلب|كيطلب|بيطلب|تطلب)\s+مني\s+(?:والو|شي|شيء|حاجه|فلوس))")
_PAYE = _c(D + r"(?:ندفع|بدفع|ادفع|كندفع|نخلص|بخلص|كنخلص|اخلص|نعطيه|نعطيها|بعطيه|بعطيها|اعطيه|اعطيها|نعطيهم|كنعطيه|"
           r"كنعطيها|ندفعله|اساهم|نساهم|بساهم|ندفعلو|ندفعلها|ادفعله|ادفعلها|بدفعله|بدفعلها|(?:يطلب|تطلب|كيطلب|كتطلب|بيطلب|"
           r"بتطلب|ياخذ|ياخد|تاخذ|تاخد|كياخد|كتاخد|بياخد|بتاخد)\s+مني|نخلصو|نخلصلو|نخلصلها|ندفعلهم)" + F)
_PARTICIPATION_FLOUE = _c(r"(?:نعاون|بعاون|نعاونو|اساعد|نساعد|بساعد|نشري|بشتري|نشارك|بشارك|المصروف|مصروف|الماكله|"
                          r"الاكل|courses|الكورس|الفواتير|فاتوره|factures|الضو|charges|شارج|الخدمه\s+في\s+الدار|"
                          r"نخدم\s+عندهم|نخدم\s+عنده|نخدم\s+عندها|مقابل|طردني|يطردني|يخرجني|خرجني|بغا\s+يخرجني)")
_LOCATAIRE = _c(D + r"(?:(?:مستاجر|مستاجره|مكتري|مكتريه|locataire|لوكاتير)|(?:" + RES + r")\s+"
                r"(?:في\s+)?(?:(?:ال)?(?:شقه|بيت|دار|استوديو|ستوديو|غرفه|studio|appartement)\s+)?(?:بالكرا|بالكراء|بالايجار|"
                r"بالاجار|ب\s*الكرا|فالكرا|ف\s+الكرا|بالكري|بالكرى|بالكريه)|عندي\s+(?:عقد|كونطرا|contrat)\s+(?:(?:ال)?ايجار|"
                r"(?:ال)?كراء|(?:ال)?كرا|(?:ديال\s+)?(?:ال)?كرا|bail|de\s+bail|de\s+location)|عندي\s+(?:ال)?(?:شقه|بيت|دار|"
                r"استوديو|ستوديو|غرفه|studio)\s+(?:بالكرا|بالايجار|بالكراء|ب?الاجار|مكتريها|مستاجرها|بالكريه))" + F)


_LOCATAIRE_LIEU = _c(D + r"(?:في|ف|ب)\s*(?:ال)?(?:شقه|شقتي|بيت|بيتي|دار|داري|استوديو|ستوديو|غرفه|studio|appartement)\s+"
                     r"(?:\S+\s+)?(?:بالكرا|بالكراء|بالايجار|بالاجار|فالكرا|بالكريه|مكتريها|مستاجرها|مكتريه)" + F)
_RES_SEUL = _c(D + r"(?:" + RES + r")" + F)


def _logement(l: _Lecteur, prop: str, phrase: str, autrui: bool) -> None:
    m = _RUE.search(prop)
    if m and not autrui and not _nie_avant(prop, m.start()):
        l.pose("logement", "rue")
    m = _RUE_DIRECT.search(prop)
    if m and not autrui:
        l.pose("logement", "rue")
    m = _CENTRE.search(prop)
    if m and not _nie_avant(prop, m.start()) and (not autrui or m.group(0).startswith("115")) \
            and not re.search(_n(r"(?:خدام|نخدم|بشتغل|شغال|نشتغل|اشتغل|نخدم)"), prop):
        l.pose("logement", "centre_hebergement")
    m = _HEBERGE.search(prop)
    if m and not _nie_avant(prop, m.start()):
        if _PARTICIPATION_FLOUE.search(phrase):
            l.annule.add("logement")
        elif _GRATUIT.search(phrase):
            l.pose("logement", "heberge_gratuitement")
        elif _PAYE.search(phrase) or re.search(r"\d+\s*" + _n(EUROS), phrase):
            l.pose("logement", "heberge_avec_participation")
        elif re.search(_n(r"(?:ندفع|بدفع|ادفع|نخلص|بخلص|كرا|كراء|ايجار|فلوس)"), phrase):
            l.annule.add("logement")
        else:
            l.pose("logement", "heberge_gratuitement")
    m = _LOCATAIRE.search(prop)
    if m and not autrui and not _nie_avant(prop, m.start()):
        l.pose("logement", "locataire")
    m = _LOCATAIRE_LIEU.search(prop)
    if m and not autrui and _RES_SEUL.search(prop) and not _HEBERGE.search(prop) and not _nie_avant(prop, m.start()):
        l.pose("logement", "locataire")


_PARIS = r"(?:باريس|باري|paris|بارис)"
_BANLIEUE = r"(?:ضواحي\s+باريس|ضاحيه\s+باريس|سان\s+دوني|سانت\s+دوني|سان\s+ديني|saint\s+denis|بوبيني|bobigny|كريتاي|creteil|مونتروي|montreuil|" \
            r"نانتير|nanterre|ارجنتاي|argenteuil|اوبرفيليي|اوبرفيلييه|اوبيرفيلييه|aubervilliers|فيتري|vitry|ايفري|ivry|" \
            r"سارسيل|sarcelles|الضواحي|الضاحيه|ضاحيه|البانليو|بانليو|banlieue|مارسيليا|مرسيليا|مارساي|ليون|lyon|" \
            r"تولوز|toulouse|نيس|بوردو|ستراسبورغ|نانت|مونبلييه|كليشي|clichy|بانتان|pantin|بوندي|bondy|اولناي|aulnay|" \
            r"ايفري|evry|مو|كرتيل|سيرجي|cergy|ماسي|massy|خارج\s+باريس|برا\s+باريس|برا\s+من\s+باريس|بعيد\s+على\s+باريس)"
_SUJET_LIEU = r"(?:" + RES + r"|" + DORS + r"|" + ANA + r"|" + NOUS + r"|راني|رانا)"
_VIT_PARIS = _c(D + r"(?:" + _SUJET_LIEU + r"\s+(?:حاليا\s+|دابا\s+|الان\s+|هلق\s+|توا\s+|برك\s+)?|(?:" + RES + r"|"
                + DORS + r")\s+(?:(?!في|ف|ب)\S+\s+){1,4}?)(?:في|ف|فى|ب|بـ)\s*(?:مدينه\s+)?"
                + _PARIS + r"(?:\s+(?:ال)?(?:دائره\s+|الدائره\s+|arrondissement\s+)?(?P<arr>\d{1,2})(?:\s*(?:e|eme|ème))?)?" + F)
_ARRONDISSEMENT = _c(D + _SUJET_LIEU + r"\s+(?:في|ف|ب)\s*(?:ال)?(?:دائره|arrondissement|ارونديسمان)\s+(?P<arr>\d{1,2})" + F)
_PAS_PARIS = _c(D + _SUJET_LIEU + r"\s+(?:حاليا\s+|دابا\s+|الان\s+)?(?:في|ف|فى|ب)\s*" + _BANLIEUE + F)
_TRAVAILLE_PARIS = _c(D + _TRAVAIL_VERBES + r"\s+(?:في|ف|ب)\s*" + _PARIS + F)


def _paris(l: _Lecteur, prop: str, autrui: bool) -> None:
    if autrui:
        return
    m = _VIT_PARIS.search(prop)
    if m and not _nie_avant(prop, m.start()) and not re.match(r"\s*(?:ضواحي|قرب|جنب|حدا|قريب|برا|خارج)", prop[m.end():]):
        l.pose("vit_a_paris", True)
        if m.group("arr") and 1 <= int(m.group("arr")) <= 20:
            l.pose("arrondissement", int(m.group("arr")))
    m = _ARRONDISSEMENT.search(prop)
    if m and not _nie_avant(prop, m.start()) and 1 <= int(m.group("arr")) <= 20:
        l.pose("vit_a_paris", True)
        l.pose("arrondissement", int(m.group("arr")))
    m = _PAS_PARIS.search(prop)
    if m and not _nie_avant(prop, m.start()):
        l.pose("vit_a_paris", False)
    m = _TRAVAILLE_PARIS.search(prop)
    if m and not _nie_avant(prop, m.start()):
        l.pose("lien_paris", True)


_DOMICILIATION = _c(D + r"(?:عندي|لدي|معايا)\s+(?:ال)?(?:دوميسيلياسيون|دومسيلياسيون|دوميسيليسيون|دوميسيل|domiciliation)" + F)


# --------------------------------------------------------------------------------------------------
# assemblage
# --------------------------------------------------------------------------------------------------
_CATEGORIES_NIEES = {
    "papiers": ("titre_sejour", "aucun"), "travail": ("travail_declare", False),
    "argent": ("ressources_mensuelles", 0.0), "enfants": ("enfants", 0), "rsa": ("percoit_rsa", False),
    "domiciliation": ("domiciliation", False), "adresse": ("adresse_courrier", False),
}


def _negations_listes(l: _Lecteur, prop: str) -> None:
    for m in NEG_AVOIR.finditer(prop):
        cats = _liste_niee(prop, m.end())
        for cat in cats or ():
            if cat in _CATEGORIES_NIEES:
                l.pose(*_CATEGORIES_NIEES[cat])


def _phrase_suspendue(phrase: str, jetons: list[str]) -> bool:
    if "؟" in phrase:
        return True
    for i, j in enumerate(jetons):
        mot = j[1:] if j.startswith("و") and len(j) > 1 and j[1:] in (_QUESTION | _HYPOTHESE | _CORRECTION) else j
        if mot in ("فين", "وين", "اين") and i and jetons[i - 1] in _ens("عندي عنديش معنديش ماعنديش ما لدي ماعندي"):
            continue
        if mot in ("الحق", "حق") and i and jetons[i - 1] in _ens("عندي"):
            return True
        if mot in _QUESTION or mot in _HYPOTHESE or mot in _CORRECTION:
            return True
    if re.search(_n(r"(?:^|\s)(?:ما\s+(?:هو|هي|هم)|لا\s+لا|في\s+حال|في\s+حاله|ان\s+كان|اعرف\s+اذا|نعرف\s+واش|"
                    r"الا\s+كان|بغيت\s+نعرف|بدي\s+اعرف|اريد\s+ان\s+اعرف|حابب\s+اعرف|ولا\s+لا|ولا\s+لأ)(?:\s|$)"), phrase):
        return True
    return False


def _prop_suspendue(jetons: list[str], prop: str) -> bool:
    if _a(_SOUHAIT_FUTUR, jetons) or _a(_PASSE, jetons) or _a(_HESITATION, jetons) or _a(_OUI_DIRE, jetons):
        return True
    if re.search(_n(r"(?:^|\s)(?:ما\s+(?:نعرف|اعرف|بعرف|ادري|بدري)|مش\s+(?:عارف|متاكد)|مو\s+متاكد|من\s+قبل|"
                    r"على\s+ما\s+اظن|الله\s+اعلم)(?:\s|$)"), prop):
        return True
    # futur égyptien / levantin / MSA : « هاشتغل », « حقدم », « سأقدم », « راح اقدم »
    for j in jetons:
        if re.fullmatch(_n(r"(?:ها|هـ|ح|سا|سن|غاد|غا)(?:اشتغل|اقدم|اخد|اخذ|انام|اسكن|نسكن|نقدم|ناخد|ندير|ادير|"
                           r"اعمل|نعمل|يكون|تكون|اكون|نكون|نخدم|اخدم|ادفع|ندفع|اجيب|نجيب)"), j):
            return True
    return False


def _extraire(texte: Any) -> dict:
    if not isinstance(texte, str):
        return {}
    brut = texte.strip()
    if not brut or brut.startswith("/"):
        return {}
    t = normaliser(brut[:LIMITE])
    if not re.search(r"[" + _ARABE + r"]", t):
        return {}
    t = _nombres_en_chiffres(t)
    l = _Lecteur(t)
    sujet_autre = False
    for phrase in _phrases(t):
        jetons_phrase = _jetons_nus(phrase)
        if _phrase_suspendue(phrase, jetons_phrase):
            if _autrui(jetons_phrase) and not _premiere(jetons_phrase):
                sujet_autre = True
            continue
        if not _autrui(jetons_phrase) and not sujet_autre and not _prop_suspendue(jetons_phrase, phrase):
            _mois_en_france(l, phrase.replace(" ، ", " "))
        for prop in _propositions(phrase):
            jetons = _jetons_nus(prop)
            autrui = _autrui(jetons)
            premiere = _premiere(jetons)
            if autrui:
                sujet_autre = True
            elif premiere:
                sujet_autre = False
            if _prop_suspendue(jetons, prop):
                continue
            _age_enfant(l, prop)
            # faits dits à la première personne (« عندي », « عمري », « ما عندي », verbes en « ن »/« ا »)
            if not autrui or premiere:
                _negations_listes(l, prop)
                _age(l, prop, phrase)
                _titre(l, prop, phrase) if not autrui else None
                _enfants(l, prop, phrase) if not autrui else None
                _argent(l, prop) if not autrui else None
                _travail(l, prop) if not autrui else None
                if _DOMICILIATION.search(prop) and not _nie_avant(prop, _DOMICILIATION.search(prop).start()):
                    l.pose("domiciliation", True)
            neutre_ok = not autrui and not sujet_autre
            explicite = premiere and not autrui
            if neutre_ok or explicite:
                _nationalite(l, prop)
                _mois_en_france(l, prop)
                _couple(l, prop, phrase)
                _grossesse(l, prop, autrui)
                _genre(l, prop)
                _etudes(l, prop, autrui)
                _paris(l, prop, autrui)
                _logement(l, prop, phrase, autrui)
            else:
                # « صاحبي مستضيفني » : l'hôte est sujet, le fait est le mien
                m = _HEBERGE.search(prop)
                if m and re.search(_n(r"(?:ني|يني)" + F), m.group(0)):
                    _logement(l, prop, phrase, False)
                m = _VEUF.search(prop)
                if m and not _PARTENAIRE.search(l.texte):
                    l.pose("en_couple", False)
                if _ENFANTS_LOIN.search(prop) and not _nie_avant(prop, _ENFANTS_LOIN.search(prop).start()):
                    l.pose("enfants", 0)  # « اولادي في البلاد » : mes enfants, sujets de la phrase
    return _resoudre(l)


def _resoudre(l: _Lecteur) -> dict:
    faits: dict[str, Any] = {}
    for champ, valeurs in l.candidats.items():
        if champ in l.annule:
            continue
        distinctes = []
        for v in valeurs:
            if v not in distinctes:
                distinctes.append(v)
        if champ == "titre_sejour":
            if "demande_asile" in l.annule:
                distinctes = [v for v in distinctes if v != "demande_asile"]
            if len(distinctes) == 2 and "aucun" in distinctes:
                autre = [v for v in distinctes if v != "aucun"][0]
                if autre in ("demande_asile", "recepisse"):
                    distinctes = [autre]
        if len(distinctes) == 1:
            faits[champ] = distinctes[0]
    if "titre_sejour" in faits:
        if faits.get("nationalite", "hors_ue") != "hors_ue":
            faits.pop("titre_sejour")
        else:
            faits["nationalite"] = "hors_ue"
    if faits.get("enfants") == 0:
        faits.pop("age_plus_jeune_enfant", None)
    if faits.get("enceinte") is False:
        faits.pop("genre", None) if faits.get("genre") == "femme" and "genre" not in l.candidats else None
    return _valider(faits)


def _valider(faits: dict) -> dict:
    """Garde ce que ``droits.valider_situation`` accepte ; un champ refusé est retiré (jamais d'exception)."""
    try:
        from droits import SituationInvalide, valider_situation
    except Exception:  # pragma: no cover - droits manque : rien plutôt qu'un fait non vérifié
        return {}
    propre = dict(faits)
    for _ in range(len(propre) + 1):
        try:
            return valider_situation(propre)
        except SituationInvalide as e:
            if e.champ in propre:
                propre.pop(e.champ)
            else:
                return {}
        except Exception:
            return {}
    return {}


def extraire(texte: str) -> dict:
    """Les faits sûrs de la situation dits par la personne qui écrit, en arabe ; ``{}`` dans le doute."""
    try:
        return _extraire(texte)
    except Exception:  # jamais d'exception, quelle que soit l'entrée
        return {}

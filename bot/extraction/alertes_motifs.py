"""Alertes de sécurité : UNE seule liste de motifs, lue par deux composants.

- ``bot/extraction/alertes.py`` : ``Extraction.alertes`` = les catégories trouvées n'importe où dans un
  message (long message compris) ; motifs « surs » ET « autres » (rappel élevé : une violence manquée est grave).
- ``composants_nlu/ensemble_lineaire.py`` (Rasa, qui ne peut pas importer ``bot``) : seuls les motifs « surs »
  de toutes les catégories et de « nlu_seulement » imposent l'intention « urgence » (``config.yml`` :
  ``motifs_fichier``). Le composant lit ce fichier comme une donnée (``ast.literal_eval`` de ``ALERTES``),
  sans l'exécuter. Les motifs surs doivent rester très sûrs : ``tests/nlu/test_ensemble_lineaire.py`` vérifie
  qu'aucun exemple d'une autre intention (data/nlu, messages brouillons) ne les déclenche.

Pourquoi un fichier Python et pas YAML : l'outil de lisibilité (``shared/tools/falc_check.py``) lit tout
YAML sous ``bot/`` comme des textes montrés aux personnes, et ces expressions n'en sont pas.

Forme du texte lu par les motifs : minuscules, sans accents, apostrophe droite ('), le reste tel quel
(``normaliser`` de composants_nlu/ensemble_lineaire.py et ``forme`` de bot/extraction/alertes.py, identiques :
un test le vérifie). « exclure » : passages effacés avant la recherche, pour ne pas alerter sur une phrase
sans danger (« frappé par la lenteur », « menacé d'expulsion »).
Ce fichier ne contient qu'un dictionnaire littéral : pas de code.
"""

ALERTES = {
    "intention": 'urgence',
    "categories": {
        "violence": {
            "surs": [
                r"\b(il|elle|on|ils|mon mari|mon copain|mon conjoint|mon ex|mon pere|quelqu'un) (me|m'|m) ?(frappe|bat|tape|menace|a frappe|a tape|a agresse|a viole)\w*",
                r"\b(violences? conjugales?|battue|violee|agressee?|victime de violences?|en danger|peur pour ma vie|beats me|hits me)\b",
                r"\bfrapp\w*|\bbattue?s?\b|\betrangl\w*|\btabass\w*|\bmenace\w* de mort\b|\bmis des coups\b|\bhurt me\b|\bhitting me\b",
                # autres langues (issue 13 ; texte sans accents ni voyelles arabes) : anglais, roumain, arabe,
                # dari, pachto
                r"\b(is )?(beating|hitting|abusing) me\b|\bbeat me\b|\b(ma|m-a) (loveste|bate|batea|a batut|a lovit)\b",
                r"(يضربني|بيضربني|ضربني|يعنفني|هددني بالقتل|لت ?و ?کوب|مرا می ?\u200c?زند|ما وهي|وهلی یم|وهلې یم)",
            ],
            "autres": [
                r"\b(me|m'|m) ?(frapp\w*|bat|battait|battu\w*|tap\w*|cogn\w*|insult\w*|menac\w*|viol\w*|etrangl\w*|brutalis\w*|enferm\w*|pousse\w*|gifl\w*|tue)\b",
                r"\b(violent\w*|violences?|des coups|coups de|maltrait\w*|agress\w*|harcel\w*|viole\b|viol\b|emprise|gifle\w*|cogne\w*)",
                r"\b(peur de (lui|mon mari|mon ex|mon conjoint|mon copain|rentrer|mon pere)|il va me tuer|me tuer|porte plainte|porter plainte|main courante|ordonnance de protection|3919)\b",
                r"\b(fui|fuir|enfuie?|sauvee?) (de chez|le domicile|la maison|mon mari|mon conjoint)\b",
            ],
            "exclure": [
                r"\bfrapp\w* (par (la|le|les|l') (lenteur|complexite|difficulte|nombre|quantite|beaute|gentillesse|prix|cout)\w*|a (la|ma|ta|votre|leur|sa) (porte|fenetre)|d'(une|un) (amende|interdiction|oqtf|obligation))",
                r"\b(ca|cela) m'a frappee?\b",
                r"\bmenac\w* d'(expulsion|etre expulse\w*|une expulsion|coupure)\b|\bmenac\w* de (me )?(mettre|jeter) (dehors|a la porte|a la rue)\b|\bmenac\w* de coupure\b",
                r"\b(bat|battre|battu) (le record|des records|la campagne)\b|\bcoups? de (fil|telephone|main|pouce|coeur)\b",
            ],
        },
        "suicide": {
            "surs": [
                r"\b(suicid\w*|me tuer|me suicider|en finir|mettre fin a mes jours|idees noires|3114)\b",
                r"\b(veux|vais|envie de|envie d'|ai envie de) mourir\b|\bjveu mourir\b|\bveux (plus|pas) vivre\b|\bplus envie de vivre\b",
                r"\b(kill myself|want to die|end(ing)? my (own )?life|take my (own )?life|suicide)\b",
                r"\bnu (mai )?vreau sa (mai )?traiesc\b|\bvreau sa mor\b|\bsinucid\w*",
                r"(اريد ان اموت|بدي موت|ابغى اموت|بدي انتحر|انتحار|انتحر|لا اريد ان اعيش|ما بدي عيش|خودکشی|"
                r"می ?\u200c?خواهم بمیرم|نمی ?\u200c?خواهم زنده|ځان وژن|غواړم مړ شم|نه غواړم ژوندی)",
                r"\bme (jeter|pendre|foutre en l'air|faire du mal|scarifi\w*)\b|\bscarifie\w*|\bmettre fin a ma vie\b|\bfatigue de vivre\b|\bplus la force de (continuer a )?vivre\b|\bn'a plus de sens\b|\bdon'?t want to live\b|\bpris tous mes medicaments\b|\bavaler des cachets\b",
            ],
            "autres": [
                r"\b(pense|penser|pensees?) (a|de) (mourir|en finir|me tuer|disparaitre)\b|\bveux disparaitre\b|\bplus envie de rien\b|\ba quoi bon vivre\b|\bje (vais|veux) tout arreter\b|\bmourir\b",
            ],
            "exclure": [
                r"\bmourir de (rire|faim|froid|chaud)\b|\bmeurs de (rire|faim|froid)\b",
            ],
        },
        "enfant_danger": {
            "surs": [
                r"\benfants? (est |sont )?maltrait\w*|\bappeler? le 119\b",
            ],
            "autres": [
                r"\b(frapp\w*|bat|battu\w*|tap\w*|maltrait\w*|viol\w*|touche) (mon|ma|mes|le|la|les|son|sa|ses) (enfants?|fils|filles?|bebes?|petits?|petites?)\b",
                r"\b(mon|ma|mes|le|la|les) (enfants?|fils|fille|bebe|petit|petite) (a disparu|ont disparu|dort dehors|dorment dehors|est a la rue|sont a la rue|est en danger|sont en danger|ne mange pas|n'a pas mange|est seul\w* dehors)\b",
                r"\b(mon|ma|mes|le|la|les) (enfants?|fils|filles?|bebes?|petits?|petites?) (est|sont|a ete|ont ete) (maltrait|frapp|battu|viol|abus|en danger|menace)\w*",
                r"\b119\b|\b(attouchement|abus sexuel|inceste)\w*|\bmineur\w* (seul|isole|a la rue|dehors)\w*\b|\bbebe (seul|a la rue|dehors)\b",
            ],
            "exclure": [
            ],
        },
        "urgence_medicale": {
            "surs": [
                r"\b(inconscient\w*|convuls\w*|overdose|ne respire plus|respire plus|n'arrive plus a respirer|j'etouffe|perdu les eaux|perds du sang|saigne beaucoup|fait un malaise|evanoui\w*|crise cardiaque|ambulance|pompiers|samu(?! social))\b",
                r"\b(crache|perds|perd) (beaucoup )?(du |de )?sang\b|\b(ne )?se reveille pas\b|\bbouge plus\b|\bavale (un|des) produits?\b|\bs'est effondre\w*|\bmal a la poitrine\b|\bdouleur\w* .{0,20}poitrine\b|\bappeler le 15\b|\bnot breathing\b",
            ],
            "autres": [
                r"\b(saign\w*|hemorragi\w*|malaise|blesse\w*|brule\w*|fracture\w*|tres forte fievre|forte fievre|fievre|contractions?|accouch\w* (maintenant|la|ce soir)|crise d'(asthme|epilepsie)|(?:un|d'un|d') avc|infarctus|intoxi\w*|urgences? (medicale|vitale)|aux urgences|hopital d'urgence)\b",
                r"\b(tres|trop|gravement|super) malade\b|\bmal (au ventre|a la tete|au coeur) (tres|trop|depuis)\b|\bsans (mes )?medicaments?\b|\bplus de (traitement|medicaments?|insuline)\b|\bdiabet\w*.{0,30}insuline\b",
            ],
            "exclure": [
                r"\bbrule\w* (les etapes|d'envie)\b|\bblesse\w* (dans mon|par (ses|vos|tes) (mots|paroles))\b",
            ],
        },
        "froid_dehors": {
            "surs": [
                r"\b(frigorifie\w*|gele dehors|meurs de froid|mourir de froid|tremble de froid|freezing)\b",
                r"\b(dehors|a la rue|dans la rue|nulle part|nul part|pas d'endroit|aucun endroit|pas de place|ou dormir)\b.{0,40}\b(ce soir|cette nuit|se soir|tonight)\b",
                r"\b(ce soir|cette nuit|se soir|tonight)\b.{0,40}\b(dehors|a la rue|dans la rue|nulle part|nul part|pas de place|sleep outside|nowhere)\b",
                r"\bnowhere to (sleep|go)\b",
                r"\bj'?ai (tres |trop |tellement |si )?froid\b|\bje caille\b|\bje suis gelee?\b",
                r"\b(sans abri|pas de toit|besoin d'un toit|sans solution d'hebergement|passer la nuit)\b.{0,40}\b(ce soir|cette nuit|dehors)\b|\b(ce soir|cette nuit)\b.{0,20}\b(sans abri|pas de toit|je dors ou)\b",
            ],
            "autres": [
                r"\b(dors|dort|dormir|dormi|dormons|dorment|nuit|nuits|passe la nuit|passer la nuit|coucher|couche) (dehors|a la rue|dans la rue|sous (un|le|les) ponts?|dans (le|un) (metro|parc|hall|parking|tente)|sur un banc|dans une tente|dans ma voiture|dans la voiture)\b",
                r"\b(nulle part|nul part|pas d'endroit|aucun endroit) (ou|pour) dormir\b|\b(pas|plus) (de place|d'hebergement|de toit) (ce soir|pour ce soir|cette nuit)\b|\bje sais pas ou dormir\b|\bou dormir ce soir\b|\bnuit (dehors|a la rue|dans la rue)\b",
                r"\b(il fait|fait) (tres |trop |super )?froid\b.{0,40}\b(dehors|rue|tente|dormir|nuit)\b|\bgrand froid\b|\bplan (grand )?froid\b|\bhypothermie\b",
            ],
            "exclure": [
            ],
        },
    },
    # motifs sûrs de l'intention « urgence » qui ne sont pas une catégorie d'alerte (faim, feu, « c'est urgent »)
    "nlu_seulement": {
        "surs": [
            r"\b(au secours(?! (populaire|catholique))|sos)\b(?!.*\bcompren)",
            r"\b(incendie|au feu|un feu dans|le feu a)\b",
            r"\b(j'?ai|jai|on a|ont) (tres |trop |tellement )?faim\b|\baffame\w*|\b(rien|pas) mange depuis\b|\bcreve de faim\b|\bmeurs de faim\b|\bhungry\b",
            r"^(?!.*\b(rdv|rendez|dossier|papiers?|courrier|domiciliation|ame|rsa|fsl|loyer)\b).*\b(c'?est (tres |une )?urgen(t|ce)|urgent)\b",
            r"\b(rien|plus rien|pas de quoi) a? ?manger\b|\bbesoin de manger\b|\bhaven'?t eaten\b",
        ],
    },
}

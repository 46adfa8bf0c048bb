"""NLU multilingue (issue 13) : anglais, arabe, dari, pachto, roumain, à côté du français.

Deux parties :

1. Les données (sans Rasa, rapide) : ``data/nlu/langues/<code>.yml`` (appris) et ``tests/nlu/langues/<code>.yml``
   (tenus à l'écart, jamais appris) couvrent les intentions qui comptent pour quelqu'un qui ne parle pas
   français (``IMPORTANTES``), au moins 3 messages tenus à l'écart par intention et par langue, aucun message
   tenu à l'écart n'est dans l'apprentissage (toutes langues), et chaque fichier dit en tête que ses
   traductions ne sont pas relues.

2. Le modèle (``bench/bench_nlu_langues.py --sans-cv``, le banc de l'issue 13 : un seul code pour le banc et
   le test) : sur ``models/assistant.tar.gz`` quand ``make train`` l'a produit à partir des données actuelles
   (sinon le banc entraîne un modèle NLU, ~5 min sur 2 cœurs), macro-F1 des messages tenus à l'écart par
   langue au-dessus des planchers, et toutes les urgences tenues à l'écart reconnues dans chaque langue.
   La validation croisée française reste dans test_nlu_validation_croisee.py.

Planchers : la mesure du 2026-12-03 (voir MESURE) moins une petite marge : une langue n'a que ~58 messages
tenus à l'écart, un message de plus ou de moins bouge son macro-F1 d'environ 0.02. Si vous enrichissez les
données, remontez les planchers avec la nouvelle mesure et sa date ; ne les baissez pas sans comprendre
les erreurs (rapport : tests/artefacts/nlu_langues.json).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

RACINE = Path(__file__).resolve().parents[2]
BANC = RACINE / "bench" / "bench_nlu_langues.py"
RASA = RACINE / ".venv-rasa" / "bin" / "rasa"
MODELE = RACINE / "models" / "assistant.tar.gz"
RAPPORT = RACINE / "tests" / "artefacts" / "nlu_langues.json"
LANGUES = ("en", "ar", "prs", "ps", "ro")

# Intentions qui comptent le plus pour qui ne parle pas français (l'assistant pose des questions courtes
# à boutons) : chacune a des exemples appris et au moins 3 messages tenus à l'écart dans chaque langue.
IMPORTANTES = (
    "saluer", "au_revoir", "remercier", "affirmer", "nier", "verifier_droits",
    "demander_ame", "demander_rsa", "demander_fsl", "demander_domiciliation", "demander_c2s",
    "prendre_rdv", "annuler_rdv", "demander_documents", "demander_lieu", "aide", "parler_humain",
    "urgence", "informer",
)

# MESURE du 2026-12-03 (config.yml et données de ce commit, 2 cœurs, bench/bench_nlu_langues.py ; détail dans
# bench/resultats/nlu_langues.json) : macro-F1 tenus à l'écart en 1.000, ar 0.964, prs 0.948, ps 0.897,
# ro 0.908, fr 0.956 (avant l'issue 13 : 0.81, 0.21, 0.14, 0.14, 0.31 et 0.926) ; urgences : rappel 1.0
# partout. Objectif de l'issue : ≥ 0.90 (en, ar, prs, ro), ≥ 0.85 (ps). Planchers : mesure moins ~0.035
# (un message sur ~58), donc sous l'objectif pour ps et ro : ils arrêtent une régression, ils ne
# prouvent pas l'objectif (le banc le mesure).
PLANCHERS_LANGUE = {"en": 0.96, "ar": 0.93, "prs": 0.91, "ps": 0.86, "ro": 0.87}
PLANCHER_FRANCAIS = 0.92  # mesure 0.956 (0.926 avant l'issue 13) ; aussi PLANCHER_TENU_A_L_ECART ailleurs


def exemples(chemin: Path) -> list[tuple[str, str]]:
    paires = []
    for bloc in (yaml.safe_load(chemin.read_text(encoding="utf-8")) or {}).get("nlu") or []:
        if "intent" in bloc:
            for ligne in bloc["examples"].splitlines():
                ligne = ligne.strip()
                if ligne.startswith("- "):
                    paires.append((ligne[2:].strip(), bloc["intent"]))
    return paires


@pytest.mark.parametrize("code", LANGUES)
def test_donnees_de_la_langue(code):
    appris_fichier = RACINE / "data" / "nlu" / "langues" / f"{code}.yml"
    tenu_fichier = RACINE / "tests" / "nlu" / "langues" / f"{code}.yml"
    appris, tenus = exemples(appris_fichier), exemples(tenu_fichier)
    for fichier in (appris_fichier, tenu_fichier):
        assert "NON RELUES" in fichier.read_text(encoding="utf-8")[:600], f"{fichier} : en-tête « non relues »"
    manquantes = set(IMPORTANTES) - {i for _, i in appris}
    assert not manquantes, f"{code} : intentions sans exemple appris : {sorted(manquantes)}"
    par_intention = Counter(i for _, i in tenus)
    trop_peu = {i: par_intention[i] for i in IMPORTANTES if par_intention[i] < 3}
    assert not trop_peu, f"{code} : moins de 3 messages tenus à l'écart : {trop_peu}"


def test_aucun_message_tenu_a_l_ecart_appris():
    """Ni ceux des langues ni les brouillons français (qui contiennent aussi de l'anglais)."""
    appris = {t.casefold(): (i, str(p.relative_to(RACINE)))
              for p in (RACINE / "data" / "nlu").rglob("*.yml") for t, i in exemples(p)}
    tenus = {code: RACINE / "tests" / "nlu" / "langues" / f"{code}.yml" for code in LANGUES}
    tenus["fr"] = RACINE / "tests" / "nlu" / "messages_brouillons.yml"
    communs = [(code, t, appris[t.casefold()]) for code, chemin in tenus.items()
               for t, _ in exemples(chemin) if t.casefold() in appris]
    assert not communs, f"messages tenus à l'écart aussi appris : {communs}"


def _modele_a_jour() -> bool:
    if not MODELE.exists():
        return False
    sources = [RACINE / "config.yml", *(RACINE / "data" / "nlu").rglob("*.yml"),
               *(RACINE / "composants_nlu").glob("*.py")]
    return MODELE.stat().st_mtime >= max(s.stat().st_mtime for s in sources)


@pytest.fixture(scope="module")
def mesure(tmp_path_factory) -> dict:
    sortie = tmp_path_factory.mktemp("nlu_langues") / "nlu_langues.json"
    commande = [sys.executable, str(BANC), "--sans-cv", "--sans-latence", "--sortie", str(sortie)]
    if _modele_a_jour():
        commande += ["--modele", str(MODELE)]
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3"}
    fini = subprocess.run(commande, cwd=RACINE, env=env, capture_output=True, text=True, timeout=1150)
    assert fini.returncode == 0, (fini.stdout + fini.stderr)[-4000:]
    print(fini.stdout)
    resultat = json.loads(sortie.read_text())
    RAPPORT.parent.mkdir(parents=True, exist_ok=True)
    RAPPORT.write_text(json.dumps(resultat, ensure_ascii=False, indent=2) + "\n")
    return resultat


def _erreurs(r: dict) -> str:
    return "; ".join(f"{e['texte']!r} {e['attendu']}→{e['predit']}" for e in r["erreurs"][:12])




@pytest.mark.parametrize("code", LANGUES)
@pytest.mark.rasa
@pytest.mark.timeout(1200)
@pytest.mark.skipif(not RASA.exists(), reason=".venv-rasa absent : make venv-rasa")
def test_macro_f1_tenu_a_l_ecart_par_langue(mesure, code):
    r = mesure["tenu_a_l_ecart"][code]
    assert r["messages"] == len(exemples(RACINE / "tests" / "nlu" / "langues" / f"{code}.yml"))
    plancher = PLANCHERS_LANGUE[code]
    assert r["macro_f1"] >= plancher, f"{code} : macro-F1 {r['macro_f1']} < {plancher} ; {_erreurs(r)}"


@pytest.mark.parametrize("code", LANGUES)
@pytest.mark.rasa
@pytest.mark.timeout(1200)
@pytest.mark.skipif(not RASA.exists(), reason=".venv-rasa absent : make venv-rasa")
def test_urgences_reconnues_dans_chaque_langue(mesure, code):
    manquees = [e["texte"] for e in mesure["tenu_a_l_ecart"][code]["erreurs"] if e["attendu"] == "urgence"]
    assert not manquees, f"{code} : urgences manquées : {manquees}"


@pytest.mark.rasa
@pytest.mark.timeout(1200)
@pytest.mark.skipif(not RASA.exists(), reason=".venv-rasa absent : make venv-rasa")
def test_francais_tenu_a_l_ecart_toujours_compris(mesure):
    r = mesure["tenu_a_l_ecart"]["fr"]
    assert r["macro_f1"] >= PLANCHER_FRANCAIS, f"macro-F1 {r['macro_f1']} < {PLANCHER_FRANCAIS} ; {_erreurs(r)}"

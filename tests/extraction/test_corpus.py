"""Le corpus de réponses libres (tests/extraction/corpus, SPEC : /work/corpus/SPEC.md) et les cas de l'issue 11.

Chaque cas est lancé comme la SPEC le dit (« Scoring ») : faits posés = extraction.faits, plus
{question: valeur}. Un fait faux (valeur différente, posé sans être dans ``attendus``, ou dans
``interdits``) fait échouer le cas. Les faits manquants ne font pas échouer un cas (l'abstention est
permise) mais comptent dans le rappel, vérifié en bas avec la précision (cibles de l'issue 11).
Le rapport complet (par piège, par voix) : ``python -m tests.extraction.rapport``.
"""
from __future__ import annotations

import json

import pytest

from tests.extraction.rapport import CAS_REGLES, DOSSIER_CORPUS, charger, noter, rapport

CAS = charger([DOSSIER_CORPUS, CAS_REGLES])
RESULTATS: dict[str, object] = {}


def test_corpus_present():
    assert len(charger([DOSSIER_CORPUS])) >= 800
    ids = [c["id"] for c in CAS]
    assert len(ids) == len(set(ids)), "identifiants de cas en double"


@pytest.mark.parametrize("cas", CAS, ids=[str(c["id"]) for c in CAS])
def test_cas(cas):
    r = noter(cas)
    RESULTATS[r.id] = r
    assert not r.faux, (
        f"{r.id} ({cas['_fichier']}) question={cas.get('question')!r} texte={cas['texte']!r}\n"
        f"faits faux : {r.faux}\nfaits posés : {r.poses}\nattendus : {cas.get('attendus')}"
    )


def test_chiffres_du_corpus():
    """Cibles de l'issue 11 : 0 fait faux dans les pièges, précision ≥ 99,5 %, rappel ≥ 90 %."""
    resultats = [RESULTATS.get(str(c["id"])) or noter(c) for c in CAS]
    chiffres = rapport(resultats)
    print(json.dumps({k: chiffres[k] for k in ("total", "pieges", "ne_sait_pas_reconnus")}, ensure_ascii=False))
    assert chiffres["pieges"]["faits_faux"] == 0
    assert chiffres["total"]["faits_faux"] == 0
    assert chiffres["total"]["precision"] >= 0.995
    travail = rapport([r for r in resultats if r.cas["_fichier"] != CAS_REGLES.name])
    assert travail["total"]["rappel"] >= RAPPEL_PLANCHER, travail["total"]  # le corpus de travail seul
    # Rappel mesuré le jour de la livraison (voir bot/extraction/README.md, 90,8 %) : plancher juste dessous,
    # pour qu'une régression se voie ; c'est aussi la cible de l'issue 11 (0.90).
    assert chiffres["total"]["rappel"] >= RAPPEL_PLANCHER


RAPPEL_PLANCHER = 0.90

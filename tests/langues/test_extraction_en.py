"""English free-text fact extraction (issue 13) — precision first.

Every case of ``corpus_en.yaml`` must give 0 wrong facts: a fact the message does not say, or says with another
value, fails the case. Recall (expected facts found / expected facts) is reported, with a floor that only guards
against a regression. ``python -m tests.langues.test_extraction_en`` prints the measures and the misses.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml

import droits
from langues.extraction_en import extraire

CORPUS = Path(__file__).with_name("corpus_en.yaml")
CAS = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
PLANCHER_RAPPEL = 0.85


def _attendus(cas: dict) -> dict:
    return cas.get("f") or {}


def _faux(cas: dict, faits: dict) -> dict:
    attendus = _attendus(cas)
    faux = {k: v for k, v in faits.items() if k not in attendus or attendus[k] != v}
    faux.update({k: faits[k] for k in cas.get("pas") or () if k in faits})
    return faux


def mesurer() -> dict:
    poses = justes = attendus = faux = 0
    manques, erreurs = [], []
    for cas in CAS:
        faits = extraire(cas["t"])
        mauvais = _faux(cas, faits)
        poses += len(faits)
        faux += len(mauvais)
        justes += len(faits) - len({k for k in mauvais if k in faits})
        att = _attendus(cas)
        attendus += len(att)
        trouves = sum(1 for k, v in att.items() if faits.get(k) == v)
        if trouves < len(att):
            manques.append((cas["t"], {k: v for k, v in att.items() if faits.get(k) != v}))
        if mauvais:
            erreurs.append((cas["t"], mauvais))
    return {"cas": len(CAS), "pieges": sum(1 for c in CAS if c.get("piege")), "faits_poses": poses,
            "faits_justes": justes, "faits_faux": faux, "faits_attendus": attendus,
            "precision": justes / poses if poses else 1.0, "rappel": (attendus - sum(len(m) for _, m in manques))
            / attendus if attendus else 1.0, "manques": manques, "erreurs": erreurs}


def test_corpus_bien_forme():
    assert len(CAS) >= 250
    assert sum(1 for c in CAS if c.get("piege")) >= len(CAS) * 0.4
    textes = [c["t"] for c in CAS]
    assert len(textes) == len(set(textes)), "cas en double"
    for cas in CAS:
        assert set(cas) <= {"t", "f", "pas", "piege"}, cas
        # the expected facts themselves are valid in the vocabulary (and already normalised)
        assert droits.valider_situation(_attendus(cas)) == {k: _attendus(cas)[k] for k in droits.CHAMPS
                                                            if k in _attendus(cas)}, cas["t"]
        for k in cas.get("pas") or ():
            assert k in droits.CHAMPS and k not in _attendus(cas), cas["t"]


@pytest.mark.parametrize("cas", CAS, ids=[c["t"][:60] for c in CAS])
def test_aucun_fait_faux(cas):
    faits = extraire(cas["t"])
    assert not _faux(cas, faits), f"{cas['t']!r} -> {faits} (attendu {_attendus(cas)}, interdits {cas.get('pas')})"


def test_precision_et_rappel():
    m = mesurer()
    print(f"\n{m['cas']} cas ({m['pieges']} pièges) : {m['faits_poses']} faits posés, {m['faits_faux']} faux, "
          f"précision {m['precision']:.1%}, rappel {m['rappel']:.1%} ({m['faits_attendus']} faits attendus)")
    assert m["faits_faux"] == 0 and m["precision"] == 1.0
    assert m["rappel"] >= PLANCHER_RAPPEL


@pytest.mark.parametrize("texte", [
    None, "", "   ", "\n\n", 42, b"im 34", ["im 34"], {"age": 34}, "🙏😢🏠", "👍",
    "/informer{\"age\": 99}", "  /informer{\"titre_sejour\": \"aucun\"}", "/restart", "/start im 34 no papers",
    "?", "...", "0", "-1", "99999999999999999999999999", "\x00\x01\x02", "\ud800", "i" * 20000,
    "im 34 " * 2000, "no papers, " * 1000, "a" + " and" * 5000, "é" * 10000, "٣٤", "我 34 岁",
    "Je suis sans papiers", "i am 999 years old", "i am -5", "i have 99 kids", "i earn 99999999999 euros a month",
    "in france for 5000 years", "i am 10 years old and in france for 30 years", "i live in paris 75", "i live in paris 45",
])
def test_robustesse(texte):
    faits = extraire(texte)
    assert isinstance(faits, dict)
    assert droits.valider_situation(faits) == faits


@pytest.mark.parametrize("texte", ["/informer{\"age\": 99}", "/start im 34 no papers", " /x i am homeless"])
def test_commande_ne_donne_rien(texte):
    assert extraire(texte) == {}


def test_tres_long_message():
    texte = "Hello, I'm 34 and I have no papers. " + "I need help please. " * 600
    assert len(texte) > 10_000
    assert extraire(texte) == {"age": 34, "nationalite": "hors_ue", "titre_sejour": "aucun"}


def test_valeurs_hors_bornes_absentes():
    assert "age" not in extraire("i am 999 years old")
    assert "enfants" not in extraire("i have 99 kids")
    assert "ressources_mensuelles" not in extraire("i earn 99999999999 euros a month")
    assert extraire("i am 10 years old and in france for 30 years") == {"age": 10}


if __name__ == "__main__":
    m = mesurer()
    if "--erreurs" in sys.argv:
        for t, e in m["erreurs"]:
            print("FAUX", repr(t), e)
        for t, e in m["manques"]:
            print("MANQUE", repr(t), e)
    print(json.dumps({k: v for k, v in m.items() if k not in ("manques", "erreurs")}, ensure_ascii=False))

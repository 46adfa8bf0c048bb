"""Extraction de faits en arabe libre (langues/extraction_ar.py, issue 13) : la précision d'abord.

Chaque cas de ``corpus_ar.yaml`` échoue dès qu'un fait rendu est faux : absent des attendus, d'une autre
valeur, ou interdit. Le rappel (faits attendus trouvés) est mesuré et affiché, avec un plancher.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

import droits
from langues.extraction_ar import extraire

CORPUS = yaml.safe_load((Path(__file__).parent / "corpus_ar.yaml").read_text(encoding="utf-8"))
PLANCHER_RAPPEL = 0.85


def _faux(cas: dict, faits: dict) -> list[str]:
    attendus = cas.get("attendus") or {}
    erreurs = []
    for champ, valeur in faits.items():
        if champ in (cas.get("interdits") or ()):
            erreurs.append(f"{champ}={valeur!r} interdit")
        elif champ not in attendus:
            erreurs.append(f"{champ}={valeur!r} non attendu")
        elif attendus[champ] != valeur:
            erreurs.append(f"{champ}={valeur!r} au lieu de {attendus[champ]!r}")
    return erreurs


def test_corpus_bien_forme():
    ids = [c["id"] for c in CORPUS]
    assert len(ids) == len(set(ids)), "identifiants en double"
    assert len(CORPUS) >= 200
    pieges = [c for c in CORPUS if c.get("piege")]
    assert len(pieges) * 2 >= len(CORPUS), "au moins la moitié des cas sont des pièges"
    for c in CORPUS:
        assert set(c) <= {"id", "texte", "attendus", "interdits", "piege", "voix"}, c["id"]
        assert isinstance(c["texte"], str) and c["texte"].strip(), c["id"]
        droits.valider_situation(c.get("attendus") or {})  # les attendus sont dans le vocabulaire
        assert not set(c.get("interdits") or ()) & set(c.get("attendus") or {}), c["id"]
        assert set(c.get("interdits") or ()) <= set(droits.CHAMPS), c["id"]


@pytest.mark.parametrize("cas", CORPUS, ids=[c["id"] for c in CORPUS])
def test_aucun_fait_faux(cas):
    faits = extraire(cas["texte"])
    assert not _faux(cas, faits), f"{cas['texte']!r} -> {faits}"
    assert faits == droits.valider_situation(faits), "valeurs hors vocabulaire"


def test_precision_et_rappel(capsys):
    poses = justes = attendus = trouves = 0
    par_piege: dict[str, list[int]] = {}
    for cas in CORPUS:
        faits = extraire(cas["texte"])
        attendu = cas.get("attendus") or {}
        faux = len(_faux(cas, faits))
        poses += len(faits)
        justes += len(faits) - faux
        attendus += len(attendu)
        ok = sum(1 for k, v in attendu.items() if faits.get(k) == v)
        trouves += ok
        p = par_piege.setdefault(cas.get("piege") or "direct", [0, 0, 0])
        p[0] += 1
        p[1] += ok
        p[2] += len(attendu)
    precision = justes / poses if poses else 1.0
    rappel = trouves / attendus if attendus else 1.0
    with capsys.disabled():
        print(f"\n[extraction arabe] {len(CORPUS)} cas, {poses} faits posés, {justes} justes : "
              f"précision {precision:.1%}, rappel {trouves}/{attendus} = {rappel:.1%}")
        print("  par piège (cas, trouvés/attendus) : " + json.dumps(
            {k: f"{v[0]} cas, {v[1]}/{v[2]}" for k, v in sorted(par_piege.items())}, ensure_ascii=False))
    assert precision == 1.0
    assert rappel >= PLANCHER_RAPPEL


# ---------------------------------------------------------------------------------------- robustesse
@pytest.mark.parametrize("entree", [
    None, "", "   ", "\n\n", 42, 3.5, b"\xd8\xa7", ["عمري 30"], {"age": 30}, "👍", "🙏🙏🙏", "😭 😭",
    "؟؟؟", "...", "،،،", "ـــــ", "\u200f\u200e", "\x00\x01", "٠١٢٣٤٥٦٧٨٩", "hello", "bonjour j'ai 30 ans",
    "/informer{\"age\": 99}", "/informer{\"titre_sejour\": \"aucun\"}", "/start", " /restart عمري 30",
    "/ عمري 34 سنة وما عندي ورق",
])
def test_jamais_d_exception_ni_fait_invente(entree):
    assert extraire(entree) == {}


def test_commande_slash_ne_donne_rien_meme_avec_des_faits():
    assert extraire("/informer عمري 34 سنة ما عندي ورق") == {}


def test_texte_de_10_ko():
    texte = ("انا من السودان عمري 24 سنة ما عندي اوراق وبنام في الشارع. " * 200)[:10_000]
    assert len(texte) >= 9_000
    faits = extraire(texte)
    assert faits == {"age": 24, "nationalite": "hors_ue", "titre_sejour": "aucun", "logement": "rue"}
    bruit = "🙂 ؟ " * 2500 + "x" * 5000
    assert extraire(bruit) == {}


def test_voyelles_tatouil_hamza_et_chiffres_orientaux():
    assert extraire("عُمْرِي ٣٤ سَنَة") == {"age": 34}
    assert extraire("عمـــري ٣٤ سنـــة") == {"age": 34}
    assert extraire("ليس لديّ أوراق إقامة") == {"nationalite": "hors_ue", "titre_sejour": "aucun"}
    assert extraire("ليس لدى اوراق اقامه") == {"nationalite": "hors_ue", "titre_sejour": "aucun"}  # ى pour ي
    assert extraire("انا في فرنسا من ۴ سنين") == {"mois_en_france": 48}


def test_emoji_autour_des_faits():
    assert extraire("🙏 عمري 34 سنة 🙏 ما عندي ورق 😭") == {"age": 34, "nationalite": "hors_ue",
                                                          "titre_sejour": "aucun"}


def test_valeurs_hors_bornes_ecartees():
    assert "age" not in extraire("عمري 150 سنة")
    assert "enfants" not in extraire("عندي 45 اولاد")
    assert "arrondissement" not in extraire("ساكن في باريس 25")

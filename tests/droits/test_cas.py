"""Cas nommés en YAML (tests/droits/cas/*.yaml), à la manière des tests d'OpenFisca-France."""
from pathlib import Path

import pytest
import yaml

from droits import DROITS, evaluer

DOSSIER = Path(__file__).with_name("cas")


def charger():
    for fichier in sorted(DOSSIER.glob("*.yaml")):
        doc = yaml.safe_load(fichier.read_text(encoding="utf-8"))
        for cas in doc["cas"]:
            yield pytest.param(doc["droit"], doc.get("base", {}), cas, id=f"{fichier.stem}: {cas['name']}")


def test_au_moins_10_cas_par_droit():
    par_droit = {}
    for p in charger():
        par_droit[p.values[0]] = par_droit.get(p.values[0], 0) + 1
    for droit in DROITS:
        assert par_droit.get(droit, 0) >= 10, (droit, par_droit)


@pytest.mark.parametrize("droit, base, cas", list(charger()))
def test_cas(droit, base, cas, schema_resultat):
    situation = dict(cas["input"]) if cas.get("sans_base") else {**base, **cas["input"]}
    resultat = evaluer(situation, date=str(cas["date"]), forme=cas.get("forme", "vous"))
    schema_resultat.validate(resultat)
    r = resultat[droit] if droit == "rendez_vous_des_droits" else resultat["droits"][droit]
    attendu = cas["output"]
    for cle in ("statut", "recommande"):
        if cle in attendu:
            assert r[cle] == attendu[cle], r
    if "montant_mensuel" in attendu:
        if attendu["montant_mensuel"] is None:
            assert r["montant_mensuel"] is None
        else:
            assert r["montant_mensuel"] == pytest.approx(attendu["montant_mensuel"], abs=0.01)
    if "manquants" in attendu:
        assert sorted(r["manquants"]) == sorted(attendu["manquants"])
    for m in attendu.get("manquants_contient", []):
        assert m in r["manquants"]
    for texte in attendu.get("raisons_contiennent", []):
        assert any(texte in phrase for phrase in r["raisons"]), (texte, r["raisons"])
    for texte in attendu.get("pieces_contiennent", []):
        assert any(texte in phrase for phrase in r["pieces"]), (texte, r["pieces"])
    if "resume_contient" in attendu:
        assert attendu["resume_contient"] in r["resume"]
    if "etape_contient" in attendu:
        assert attendu["etape_contient"] in (r["etape"] or ""), r["etape"]
    ids = [lieu["id"] for lieu in r.get("ou_aller", [])]
    for lieu in attendu.get("ou_aller", []):
        assert lieu in ids, (lieu, ids)

"""Données : paramètres datés et référencés, fraîcheur des valeurs (les lieux : test_lieux.py)."""
import datetime as dt
from pathlib import Path

from droits.parametres import PARAMETRES

RACINE = Path(__file__).resolve().parents[2]


def test_chaque_parametre_est_date_et_reference():
    assert len(PARAMETRES) >= 20
    for nom, p in PARAMETRES.items():
        assert p.description and p.unite, nom
        assert list(p.debuts) == sorted(p.debuts), nom
        for debut in p.debuts:
            refs = p.references.get(debut)
            assert refs, f"{nom} : pas de référence pour la valeur du {debut}"
            for r in refs:
                assert r["title"] and r["href"].startswith("http"), nom


def test_aucun_parametre_perime_de_plus_de_12_mois():
    aujourdhui = dt.date.today()
    perimes = {nom: p.dernier_controle.isoformat() for nom, p in PARAMETRES.items()
               if (aujourdhui - p.dernier_controle).days > 365}
    assert not perimes, f"paramètres à revérifier (last_value_still_valid_on de plus de 12 mois) : {perimes}"


def test_rsa_bascule_2025_2026():
    p = PARAMETRES["rsa.montant_forfaitaire"]
    assert p.valeur(dt.date(2026, 3, 31)) == 646.52
    assert p.valeur(dt.date(2026, 4, 1)) == 651.69
    assert "2026-220" in p.references_au(dt.date(2026, 4, 1))[0]["title"]


def test_plafond_ame_2026_non_publie():
    p = PARAMETRES["css.plafond_base"]
    assert p.valeur(dt.date(2026, 6, 1)) == 10339
    assert not p.non_publiee(dt.date(2026, 3, 31))
    assert p.non_publiee(dt.date(2026, 4, 1))


def test_aucun_nombre_du_droit_dans_le_code():
    """Les montants et seuils du droit vivent dans droits/parametres/ ; le code n'en écrit aucun."""
    # montants, taux et seuils caractéristiques (les petits entiers comme 3 ou 12 sont trop communs pour ce test)
    valeurs = {str(v) for p in PARAMETRES.values() for v in p.valeurs
               if isinstance(v, float) and not v.is_integer() or isinstance(v, int) and v >= 100}
    assert {"646.52", "651.69", "10339", "3214", "0.165"} <= valeurs
    for fichier in (RACINE / "droits").rglob("*.py"):
        texte = fichier.read_text(encoding="utf-8")
        for v in valeurs:
            assert f" {v}" not in texte and f"({v}" not in texte, (fichier.name, v)

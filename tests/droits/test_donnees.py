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


def test_plafond_ame_2026_a_confirmer():
    """10 421 € au 1er avril 2026 d'après une source secondaire seulement : utilisé, mais « à confirmer »."""
    p = PARAMETRES["css.plafond_base"]
    assert p.valeur(dt.date(2026, 3, 31)) == 10339
    assert p.valeur(dt.date(2026, 6, 1)) == 10421
    assert not p.non_publiee(dt.date(2026, 3, 31))
    assert p.non_publiee(dt.date(2026, 4, 1)) and p.a_confirmer_au(dt.date(2026, 4, 1))


def test_plafonds_css_publies_par_taille_de_foyer():
    """Les plafonds publiés (arrêté) sont pris tels quels ; après le 1er avril 2026, calculés (R861-3) et pas officiels."""
    from droits.parametres import au
    from droits.regles.plafonds_css import plafond_officiel, plafond_sans_participation_R861_3 as plafond

    b = au(dt.date(2025, 6, 1))
    assert [plafond(b, n) for n in (1, 2, 3, 4, 5, 6)] == [10339, 15508, 18609, 21711, 25846, 29981]
    b = au(dt.date(2024, 6, 1))
    assert [plafond(b, n) for n in (1, 2, 3, 4, 5)] == [10166, 15249, 18298, 21348, 25414]
    b = au(dt.date(2026, 6, 1))
    assert [plafond(b, n) for n in (1, 2, 3, 4, 5)] == [10421, 15632, 18758, 21884, 26052]
    assert not plafond_officiel(b, 1) and not plafond_officiel(b, 3)
    assert plafond_officiel(au(dt.date(2025, 6, 1)), 3)


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

"""Catalogues de textes par langue (issue 13, point 1) : chaque clé française existe dans chaque langue, avec
les mêmes variables ; le français n'est dit que pour une clé absente, et c'est journalisé ; le document des
traductions à relire est à jour."""
from __future__ import annotations

import logging
import re

import pytest
import yaml

import langues
from langues import catalogues as c
from langues import relecture

AUTRES = [code for code in langues.CODES if code != "fr"]


def test_la_liste_des_langues():
    assert langues.CODES == ("fr", "en", "ar", "prs", "ps", "ro")
    assert [code for code in langues.CODES if langues.est_rtl(code)] == ["ar", "prs", "ps"]
    assert langues.normaliser("en-GB") == "en" and langues.normaliser("fa-AF") == "prs"
    assert langues.normaliser("fa") == "prs" and langues.normaliser("de") is None
    assert langues.normaliser(None) is None and langues.normaliser("") is None


@pytest.mark.parametrize("langue", AUTRES)
@pytest.mark.parametrize("nom", list(c.CATALOGUES))
def test_chaque_cle_existe_dans_chaque_langue(nom, langue):
    rapport = c.verifier(langue)[nom]
    assert rapport["absents"] == [], f"{langue}/{nom} : textes absents (dits en français) {rapport['absents'][:5]}"
    assert rapport["inconnus"] == [], f"{langue}/{nom} : clés inconnues du français {rapport['inconnus'][:5]}"
    assert rapport["variables"] == [], f"{langue}/{nom} : variables différentes {rapport['variables'][:5]}"


@pytest.mark.parametrize("langue", AUTRES)
def test_chaque_fichier_dit_s_il_est_relu(langue):
    for nom in c.CATALOGUES:
        contenu = yaml.safe_load(c.fichier_traduction(nom, langue).read_text(encoding="utf-8"))
        assert contenu.get("relu") in (True, False), f"{langue}/{nom} : « relu: » manque en tête"


@pytest.mark.parametrize("langue", AUTRES)
def test_les_sigles_restent_en_lettres_latines(langue):
    """Ce que la personne entendra au guichet : AME, RSA, CAF… jamais traduits ni translittérés."""
    for sigle in ("AME", "RSA", "FSL", "C2S", "CAF"):
        francais = [t for t in c.textes("droits").values() if re.search(rf"\b{sigle}\b", t)]
        traduits = [t for t in c.traductions("droits", langue).values() if re.search(rf"\b{sigle}\b", t)]
        assert len(traduits) >= 0.8 * len(francais), (langue, sigle, len(traduits), len(francais))


@pytest.mark.parametrize("langue", AUTRES)
def test_libelles_de_boutons_courts(langue):
    """25 caractères au plus, comme en français (un bouton doit tenir sur l'écran d'un petit téléphone)."""
    for d in c.arbre("registre", langue):
        assert len(d["bouton"]) <= 25, (langue, d["id"], d["bouton"])
    for champ, boutons in c.arbre("fourchettes", langue).items():
        for b in boutons:
            assert len(b["libelle"]) <= 25, (langue, champ, b["libelle"])
    for champ, q in c.arbre("droits", langue)["questions"].items():
        for libelle in (q.get("choix") or {}).values():
            assert len(libelle) <= 25, (langue, champ, libelle)


def test_un_texte_absent_est_dit_en_francais_et_journalise(monkeypatch, caplog):
    """Seulement pour une clé absente : on retire une traduction, le texte revient en français, une ligne de
    journal nomme la clé (jamais un message de personne)."""
    chemin = ("message_vide",)
    c.arbre.cache_clear()
    c.traductions.cache_clear()
    original = c.traductions("passerelle", "en")
    assert original[chemin] != c.textes("passerelle")[chemin]
    amputee = {k: v for k, v in original.items() if k != chemin}
    monkeypatch.setattr(c, "traductions", lambda nom, langue: amputee if (nom, langue) == ("passerelle", "en")
                        else original)
    c.arbre.cache_clear()
    monkeypatch.setattr(c, "_absents_journalises", set())
    with caplog.at_level(logging.WARNING, logger="langues"):
        arbre = c.arbre("passerelle", "en")
    assert arbre["message_vide"] == c.textes("passerelle")[chemin]
    assert arbre["trop_rapide"] == original[("trop_rapide",)]  # les autres restent traduits
    assert any("passerelle/message_vide" in r.getMessage() and " en" in r.getMessage() for r in caplog.records)
    c.arbre.cache_clear()


def test_le_francais_ne_change_pas():
    """Le catalogue français est la source : arbre("…", "fr") la rend telle quelle."""
    for nom in c.CATALOGUES:
        assert c.arbre(nom, "fr") is c.source(nom)


def test_le_document_a_relire_est_a_jour():
    attendu = relecture.document()
    assert relecture.DOCUMENT.read_text(encoding="utf-8") == attendu, \
        "docs/traductions-a-relire.md n'est plus à jour : python -m langues relecture --ecrire"
    # chaque texte traduit non relu y est listé
    for langue in AUTRES:
        assert f"({langue})" in attendu


def test_la_commande_verifier_passe():
    from langues.__main__ import main

    assert main(["verifier"]) == 0


@pytest.mark.parametrize("langue", langues.CODES)
def test_sms_du_rendez_vous_dans_chaque_langue(langue):
    """Les SMS de rappel partent dans la langue du rendez-vous : GSM-7 et 1 SMS en français, anglais, roumain ;
    UCS-2 et 3 segments au plus en arabe, dari, pachto. Avec chacun des vrais lieux."""
    from datetime import datetime

    from rdv import textes as textes_rdv
    from rdv.sms.gsm7 import is_gsm7, segments
    from rdv.temps import PARIS
    from rdv.vues import CreneauInfo, LieuInfo, RendezVousInfo

    lieux = yaml.safe_load((c.RACINE / "rdv" / "donnees" / "lieux.yaml").read_text(encoding="utf-8"))
    lieux = lieux["lieux"] if isinstance(lieux, dict) else lieux
    for donnees in lieux:
        lieu = LieuInfo(id=1, cle="x", nom=donnees["nom"], nom_court=donnees["nom_court"],
                        categorie="caf", adresse=donnees.get("adresse") or "", arrondissement=13, horaires="",
                        telephone="", accessibilite="", verifie=True, source="", date_source="")
        debut = datetime(2026, 9, 30, 11, 15, tzinfo=PARIS)
        creneau = CreneauInfo(id=1, debut=debut, fin=debut, lieu=lieu)
        rdv = RendezVousInfo(code="K7P-4QX", statut="reserve", creneau=creneau, canal="sms", langue=langue)
        for type_sms in textes_rdv._MODELES_SMS:
            texte = textes_rdv.sms(type_sms, rdv)
            assert "K7P-4QX" in texte
            if langues.est_rtl(langue):
                assert segments(texte) <= 3, (langue, type_sms, texte)
            else:
                assert is_gsm7(texte) and segments(texte) == 1, (langue, type_sms, texte)
        assert textes_rdv.date_heure(debut, langue)
        confirmation = textes_rdv.texte_confirmation(rdv)
        assert "K7P-4QX" in confirmation
        if langue != "fr":
            assert confirmation != textes_rdv.texte_confirmation(rdv, langue="fr")


@pytest.mark.parametrize("langue", langues.CODES)
def test_phrases_courtes_dans_chaque_langue(langue):
    """Les règles FALC (../shared/docs/falc.md) dans chaque langue : des phrases courtes (10 mots en moyenne
    au plus) et aucune de plus de 20 mots, comme le test du français (falc_check.py)."""
    import statistics

    tailles = []
    for nom in c.CATALOGUES:
        for chemin, texte in c.traductions(nom, langue).items():
            for phrase in re.split(r"(?<=[.!?؟])\s+|\n", texte):
                n = len([m for m in phrase.split() if re.search(r"\w", m)])
                if n:
                    tailles.append(n)
                    assert n <= 20, (langue, nom, ".".join(map(str, chemin)), phrase)
    assert statistics.mean(tailles) <= 10, statistics.mean(tailles)

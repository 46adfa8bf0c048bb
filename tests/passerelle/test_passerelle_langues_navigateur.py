"""La borne dans chaque langue, dans un vrai Chromium sans écran (issue 13, points 2, 5 et 6) : le premier écran
des langues, la mise en page de droite à gauche (captures d'écran), le bouton « Langue » toujours visible, et
la lecture à voix haute (voix du navigateur, sinon l'audio d'espeak-ng sur le serveur ; pas de voix pachto)."""
from __future__ import annotations

import shutil

import pytest

import langues
from bot.passerelle import textes
from bot.passerelle.app import creer_app
from langues import catalogues
from tests.passerelle.navigateur import choisir_langue, navigateur  # noqa: F401  (fixture)
from tests.passerelle.outils import ServeurFil

pytestmark = pytest.mark.navigateur


@pytest.fixture
def borne(fabrique_reglages):
    with ServeurFil(creer_app(fabrique_reglages()), lifespan="on") as serveur:
        yield serveur


def _page(navigateur, largeur=1024, hauteur=768):
    contexte = navigateur.new_context(viewport={"width": largeur, "height": hauteur}, has_touch=True)
    return contexte, contexte.new_page()


def test_premier_ecran_une_langue_par_bouton(navigateur, borne, artefacts):
    contexte, page = _page(navigateur)
    page.goto(borne.url + "/")
    page.wait_for_selector("body[data-ecran='langues']", state="attached")
    boutons = page.locator("#choix button[data-langue]")
    assert boutons.count() == len(langues.LANGUES)
    for i, l in enumerate(langues.LANGUES):
        b = boutons.nth(i)
        assert b.inner_text().strip() == l.nom  # chaque langue dans son nom et son écriture
        assert b.get_attribute("dir") == ("rtl" if l.rtl else "ltr")
        boite = b.bounding_box()
        assert boite["height"] >= 44 and boite["width"] >= 44
    page.screenshot(path=str(artefacts / "borne-langues.png"))
    contexte.close()


@pytest.mark.parametrize("code", ["ar", "prs", "ps"])
def test_droite_a_gauche(navigateur, borne, artefacts, code):
    contexte, page = _page(navigateur)
    page.goto(borne.url + "/")
    choisir_langue(page, code)
    html = page.locator("html")
    assert html.get_attribute("dir") == "rtl"
    assert html.get_attribute("lang") == langues.PAR_CODE[code].langue_bcp47
    textes_borne = catalogues.arbre("pages", code)["borne"]
    assert page.locator("h1").inner_text().strip() == textes_borne["titre"]
    # l'accueil est dans la langue, ses boutons aussi (registre des droits traduit)
    assert textes.texte("accueil_borne", code) in page.locator("#fil").inner_text()
    premier = page.locator("#choix button").first
    assert premier.inner_text().strip() == textes.texte("tous_mes_droits", code)
    # de droite à gauche : le titre est à droite du bouton « Langue », la bulle du bot commence à droite
    titre, bouton_langue = page.locator("h1").bounding_box(), page.locator("#langue").bounding_box()
    assert titre["x"] > bouton_langue["x"]
    # l'écran ne défile pas de côté (un élément hors écran à gauche le ferait en RTL : page blanche)
    assert page.evaluate("[window.scrollX, document.documentElement.scrollWidth, window.innerWidth]")[0] == 0
    assert 0 <= titre["x"] and titre["x"] + titre["width"] <= 1024
    bulle = page.locator(".bulle-bot").first.bounding_box()
    assert bulle["x"] + bulle["width"] > 1024 * 0.6
    assert page.evaluate("getComputedStyle(document.querySelector('.bulle-bot')).direction") == "rtl"
    page.screenshot(path=str(artefacts / f"borne-{code}-rtl.png"))
    contexte.close()


def test_bouton_langue_toujours_la_et_change_l_ecran(navigateur, borne):
    contexte, page = _page(navigateur)
    page.goto(borne.url + "/")
    choisir_langue(page, "fr")
    assert page.locator("#langue").is_visible()
    page.locator("#langue").tap()
    page.wait_for_selector("body[data-ecran='langues']", state="attached")
    page.locator("#choix button[data-langue='ro']").tap()
    page.wait_for_selector("html[lang='ro-RO']", state="attached")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("#effacer span").inner_text().strip() == catalogues.arbre("pages", "ro")["borne"]["effacer"]
    contexte.close()


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng absent (make test l'installe)")
def test_lecture_a_voix_haute(navigateur, borne):
    """Chromium sans écran n'a pas de voix : l'audio vient du serveur (espeak-ng), en WAV ; le texte fixe est
    mis en cache ; le pachto n'a pas de voix : la borne le dit."""
    contexte, page = _page(navigateur)
    page.goto(borne.url + "/")
    choisir_langue(page, "ar")
    haut_parleur = page.locator(".bulle-bot .bouton-ecouter").first
    haut_parleur.tap()
    page.wait_for_selector(".bouton-ecouter[data-lecture]", state="attached")
    assert haut_parleur.get_attribute("data-lecture") == "serveur"
    url = haut_parleur.get_attribute("data-audio")
    r = page.request.get(borne.url + url)
    assert r.status == 200 and r.headers["content-type"] == "audio/wav"
    assert r.body()[:4] == b"RIFF" and len(r.body()) > 10_000
    # pachto : pas de voix espeak-ng
    page.locator("#langue").tap()
    page.locator("#choix button[data-langue='ps']").tap()
    page.wait_for_selector("html[lang='ps']", state="attached")
    page.locator(".bulle-bot .bouton-ecouter").last.tap()
    page.wait_for_selector(".bouton-ecouter[data-lecture='sans-voix']", state="attached")
    assert catalogues.arbre("pages", "ps")["borne"]["ecouter_pas_de_voix"] in page.locator("#fil").inner_text()
    contexte.close()


@pytest.mark.parametrize("code", ["ar", "ps"])
def test_page_pro_resultats_dans_la_langue_de_droite_a_gauche(navigateur, borne, artefacts, code):
    """/pro : le travailleur social lit le formulaire en français et remet à la personne ses résultats dans sa
    langue, de droite à gauche (impression comprise)."""
    import droits

    page = navigateur.new_page(viewport={"width": 1280, "height": 900})
    erreurs: list[str] = []
    page.on("pageerror", lambda e: erreurs.append(str(e)))
    page.goto(borne.url + "/pro")
    page.wait_for_selector("body[data-resultats]", state="attached")
    page.get_by_label("Âge").fill("34")
    page.get_by_label("Nationalité").select_option(label="Hors Union européenne")
    page.get_by_label("Titre de séjour").select_option(label="Aucun titre de séjour")
    page.get_by_label("Mois de présence sans interruption en France").fill("24")
    page.get_by_label("Où dort la personne").select_option(label="À la rue")
    page.locator("#f-langue").select_option(code)
    zone = page.locator("#droits")
    page.wait_for_selector(f"#droits[lang='{langues.PAR_CODE[code].langue_bcp47}'] .carte", state="attached")
    assert zone.get_attribute("dir") == "rtl"
    carte = page.locator("#droits .carte[data-droit='ame']")
    carte.wait_for()
    attendu = droits.registre.droit("ame", code).titre
    assert carte.locator("h3").inner_text().strip() == attendu
    resume = carte.locator(".resume").inner_text().strip()
    assert resume and resume != droits.evaluer({"age": 34}, langue="fr")["droits"]["ame"]["resume"]
    assert page.evaluate("getComputedStyle(document.querySelector('#droits .carte')).direction") == "rtl"
    assert page.locator("html").get_attribute("lang") == "fr"  # le formulaire reste en français
    carte.scroll_into_view_if_needed()
    page.screenshot(path=str(artefacts / f"pro-{code}-rtl.png"))
    assert not erreurs, erreurs
    page.close()

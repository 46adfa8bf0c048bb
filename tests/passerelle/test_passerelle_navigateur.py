"""Borne et page pro dans un vrai Chromium sans écran (Playwright), contre le faux Rasa."""

from __future__ import annotations

import time

import httpx
import pytest
from playwright.sync_api import expect

from bot.passerelle.app import creer_app
from droits import registre
from tests.passerelle.navigateur import choisir_langue, navigateur  # noqa: F401  (fixture)
from tests.passerelle.outils import OFFRE_RDV, ServeurFil, attendre

pytestmark = pytest.mark.navigateur


@pytest.fixture
def passerelle(fabrique_reglages):
    def lancer(**changements):
        reglages = fabrique_reglages(**changements)
        serveur = ServeurFil(creer_app(reglages), lifespan="on")
        serveur.__enter__()
        serveur.reglages = reglages
        lances.append(serveur)
        return serveur

    lances: list[ServeurFil] = []
    yield lancer
    for s in lances:
        s.__exit__(None, None, None)


def page_prete(page):
    choisir_langue(page, "fr")
    page.wait_for_selector("#choix button")


def toucher(page, nom: str):
    page.get_by_role("button", name=nom).first.tap() if page.context._options.get("has_touch") \
        else page.get_by_role("button", name=nom).first.click()


def pseudo_qui_a_recu(faux_rasa, message: str, avant: int) -> str:
    for sender, m in faux_rasa.tous()[avant:]:
        if m == message:
            return sender
    raise AssertionError(f"{message!r} jamais reçu")


def test_borne_conversation_par_touchers_jusquau_verdict(navigateur, passerelle, faux_rasa, artefacts):
    serveur = passerelle(sms_numero="+33700000000", kiosque_inactivite=180)
    contexte = navigateur.new_context(viewport={"width": 1024, "height": 768}, has_touch=True, locale="fr-FR")
    page = contexte.new_page()
    erreurs = []
    page.on("pageerror", lambda e: erreurs.append(str(e)))
    page.on("console", lambda m: erreurs.append(m.text) if m.type == "error" else None)
    avant = len(faux_rasa.tous())
    debut = time.perf_counter()
    page.goto(serveur.url + "/")
    page_prete(page)
    assert page.locator("html").get_attribute("lang") == "fr"
    effacer = page.get_by_role("button", name="Effacer et recommencer")
    assert effacer.is_visible()
    # chaque pictogramme a un texte de remplacement
    for img in page.locator("img").all():
        assert (img.get_attribute("alt") or "").strip(), img.get_attribute("src")
    # boutons tactiles assez grands (au moins 44 px)
    for b in page.locator("#choix button").all():
        boite = b.bounding_box()
        assert boite["height"] >= 44 and boite["width"] >= 44

    page.get_by_role("button", name="Tous mes droits").tap()
    page.get_by_role("button", name="À la rue").wait_for()
    assert page.locator("#choix img[src$='ame.svg']").count() == 0
    page.get_by_role("button", name="À la rue").tap()
    page.get_by_role("button", name="Oui", exact=True).wait_for()
    assert page.locator("#choix img[src$='oui.svg']").count() == 1
    assert page.locator("#choix img[src$='non.svg']").count() == 1
    page.get_by_role("button", name="Oui", exact=True).tap()
    page.wait_for_selector("#verdict .carte[data-droit='ame']")
    duree = time.perf_counter() - debut
    assert page.locator(".carte").count() == 4
    # le verdict court : une carte par droit avec sa prochaine étape, puis l'offre et ses boutons,
    # visibles sans défiler (issue 15 §2) ; aucun bouton ne paraît choisi avant un toucher
    carte_ame = page.locator(".carte[data-droit='ame']").inner_text()
    assert "Oui, sans doute" in carte_ame and "Allez à la CPAM avec votre passeport." in carte_ame
    assert page.locator(".carte[data-droit='rsa'] img").get_attribute("alt") == "Pièce en euros"
    assert page.get_by_text(OFFRE_RDV).is_visible()
    assert "Voici ce que je peux vous dire" not in page.locator("main").inner_text()  # pas de doublon du texte
    hauteur = page.viewport_size["height"]
    for nom in ("Oui, un rendez-vous", "Non merci"):
        boite = page.get_by_role("button", name=nom).bounding_box()
        assert 0 <= boite["y"] and boite["y"] + boite["height"] <= hauteur, (nom, boite)
    assert page.evaluate("document.activeElement === document.body || !document.activeElement.closest('#choix')")
    assert page.get_by_role("button", name="Imprimer").is_visible()
    page.screenshot(path=str(artefacts / "borne-verdict-court-1024x768.png"))

    pseudo = pseudo_qui_a_recu(faux_rasa, "/verifier_droits", avant)
    assert faux_rasa.messages_de(pseudo)[-3:] == ["/verifier_droits", '/informer{"logement": "rue"}', "/affirmer"]
    assert not pseudo.startswith("borne-")

    # code de reprise et QR code (SMS configuré)
    page.get_by_role("button", name="Sur mon téléphone").tap()
    page.wait_for_selector("#reprise-contenu:not([hidden]) img[data-canal='sms']")
    code = page.locator("#reprise-code").inner_text()
    assert len(code) == 6
    qr = page.locator("img[data-canal='sms']")
    assert qr.get_attribute("alt") == "QR code pour continuer par SMS"
    assert qr.evaluate("i => i.complete && i.naturalWidth > 0")
    assert f"REPRENDRE {code}" in page.locator("#reprise-liens").inner_text()
    assert page.get_by_role("button", name="Continuer sur mon téléphone").is_hidden()
    page.locator("#reprise").scroll_into_view_if_needed()
    page.screenshot(path=str(artefacts / "borne-verdict-1024x768.png"))
    page.screenshot(path=str(artefacts / "borne-verdict-page-entiere.png"), full_page=True)
    assert not erreurs, erreurs
    print(f"\nborne : 3 touchers jusqu'au verdict en {duree:.2f} s (faux Rasa)")

    # « Effacer et recommencer » : écran vidé, conversation vidée dans Rasa, code annulé
    effacer.tap()
    expect(page.locator(".bulle-personne")).to_have_count(0)
    expect(page.locator("#verdict")).to_have_count(0)
    attendre(lambda: faux_rasa.vidages_de(pseudo) == [(faux_rasa.jeton, [])])
    assert "/restart" not in faux_rasa.messages_de(pseudo)
    assert page.locator("#choix button").first.inner_text().strip() == "Tous mes droits"
    assert code not in page.content()
    contexte.close()


def test_borne_effacement_automatique(navigateur, passerelle, faux_rasa, artefacts):
    serveur = passerelle(kiosque_inactivite=2)
    contexte = navigateur.new_context(viewport={"width": 1024, "height": 768}, has_touch=True)
    page = contexte.new_page()
    avant = len(faux_rasa.tous())
    page.goto(serveur.url + "/")
    page_prete(page)
    page.get_by_role("button", name="Tous mes droits").tap()
    page.get_by_role("button", name="À la rue").wait_for()
    assert page.locator(".bulle-personne").count() == 1
    pseudo = pseudo_qui_a_recu(faux_rasa, "/verifier_droits", avant)
    # sans toucher l'écran : tout s'efface, à l'écran et dans Rasa
    page.wait_for_selector("body[data-efface='inactivite']", state="attached", timeout=8000)
    expect(page.locator(".bulle-personne")).to_have_count(0)
    attendre(lambda: faux_rasa.vidages_de(pseudo) == [(faux_rasa.jeton, [])])
    assert "À la rue" not in page.locator("main").inner_text()
    page.screenshot(path=str(artefacts / "borne-apres-effacement.png"))
    contexte.close()


def test_borne_effacement_demande_au_bot(navigateur, passerelle, faux_rasa):
    """Le bot confirme l'effacement (custom.donnees_supprimees) : Rasa vidé, l'écran aussi."""
    from tests.passerelle.outils import CONFIRMATION_EFFACEMENT, MESSAGE_EFFACEMENT

    serveur = passerelle()
    contexte = navigateur.new_context(viewport={"width": 1024, "height": 768}, has_touch=True)
    page = contexte.new_page()
    avant = len(faux_rasa.tous())
    page.goto(serveur.url + "/")
    page_prete(page)
    page.get_by_role("button", name="Tous mes droits").tap()
    page.get_by_role("button", name="À la rue").wait_for()
    pseudo = pseudo_qui_a_recu(faux_rasa, "/verifier_droits", avant)
    page.get_by_label("Ou écrivez votre réponse").fill(MESSAGE_EFFACEMENT)
    page.get_by_role("button", name="Envoyer").tap()
    page.wait_for_selector("body[data-efface='demande']", state="attached")
    expect(page.locator(".bulle-personne")).to_have_count(0)
    expect(page.locator(".bulle-bot").first).to_have_text(CONFIRMATION_EFFACEMENT)
    assert faux_rasa.vidages_de(pseudo) == [(faux_rasa.jeton, [])]
    page.get_by_role("button", name="Tous mes droits").tap()  # le bouton de la confirmation marche
    attendre(lambda: faux_rasa.messages_de(pseudo)[-1] == "/verifier_droits")
    contexte.close()


def test_borne_clavier_et_telephone(navigateur, passerelle, faux_rasa, artefacts):
    serveur = passerelle()
    contexte = navigateur.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = contexte.new_page()
    avant = len(faux_rasa.tous())
    page.goto(serveur.url + "/")
    page_prete(page)
    largeur = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert largeur[0] <= largeur[1], largeur
    assert page.get_by_role("button", name="Effacer et recommencer").is_visible()
    # rien n'a le focus avant une action : aucun bouton ne paraît choisi ; au clavier, Tab y mène
    assert page.evaluate("document.activeElement === document.body")
    # au clavier, Tab mène au premier bouton de réponse en quelques appuis (après l'écran des langues, le point
    # de départ de Tab est là où était le bouton de langue touché)
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Tous mes droits":
            break
    assert page.evaluate("document.activeElement.textContent.trim()") == "Tous mes droits"
    page.keyboard.press("Enter")
    page.get_by_role("button", name="À la rue").wait_for()
    # le champ de saisie a une étiquette
    page.get_by_label("Ou écrivez votre réponse").fill("echo bonjour du clavier")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=bonjour du clavier >> nth=1")
    assert pseudo_qui_a_recu(faux_rasa, "echo bonjour du clavier", avant)
    page.screenshot(path=str(artefacts / "borne-telephone-390.png"), full_page=True)
    contexte.close()


def test_borne_rasa_indisponible(navigateur, passerelle):
    from tests.passerelle.outils import port_ferme

    serveur = passerelle(rasa_url=f"http://127.0.0.1:{port_ferme()}")
    page = navigateur.new_page(viewport={"width": 1024, "height": 768})
    page.goto(serveur.url + "/")
    page_prete(page)
    page.get_by_role("button", name="Tous mes droits").click()
    page.wait_for_selector(".bulle-erreur")
    assert "ne répond pas" in page.locator(".bulle-erreur").inner_text()
    page.close()


# -- page des travailleurs sociaux -------------------------------------------------------------

@pytest.fixture
def base_rdv(tmp_path):
    from rdv.db import migrer
    from rdv.service import ServiceRdv

    url = f"sqlite:///{tmp_path}/rdv.db"
    migrer(url)
    service = ServiceRdv(url)
    service.charger_lieux()
    service.generer_creneaux()
    return url


def test_page_pro_remplie_envoyee_imprimee_et_rdv(navigateur, passerelle, base_rdv, artefacts):
    import droits
    from rdv.service import ServiceRdv

    serveur = passerelle(database_url=base_rdv)
    page = navigateur.new_page(viewport={"width": 1280, "height": 900})
    erreurs = []
    page.on("pageerror", lambda e: erreurs.append(str(e)))
    # Réserver pour une personne demande un compte professionnel (issue 14) : on se connecte d'abord.
    ServiceRdv(base_rdv).creer_agent("Camille", identifiant="camille", mot_de_passe="mot de passe très long")
    page.goto(serveur.url + "/pro/connexion")
    page.get_by_label("Identifiant").fill("camille")
    page.get_by_label("Mot de passe").fill("mot de passe très long")
    page.get_by_role("button", name="Me connecter").click()
    page.wait_for_url("**/pro")
    debut = time.perf_counter()
    page.goto(serveur.url + "/pro")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.wait_for_selector("body[data-resultats]", state="attached")  # résultats dès l'ouverture

    # Une valeur impossible : le champ est nommé.
    page.get_by_label("Âge").fill("150")
    page.wait_for_selector("#erreur-age:not([hidden])")
    assert "Âge" in page.locator("#etat").inner_text()

    page.get_by_label("Âge").fill("34")
    page.get_by_label("Nationalité").select_option(label="Hors Union européenne")
    page.get_by_label("Titre de séjour").select_option(label="Aucun titre de séjour")
    page.get_by_label("Mois de présence sans interruption en France").fill("24")
    page.get_by_label("Où dort la personne").select_option(label="À la rue")
    page.locator("[data-champ='adresse_courrier']").get_by_label("Non").check()
    page.get_by_role("button", name="Vérifier les droits").click()
    page.wait_for_selector("#erreur-age", state="hidden")
    expect(page.locator("#etat")).to_have_text("Résultats à jour.")
    duree = time.perf_counter() - debut
    assert page.locator("#droits .carte").count() == len(registre.IDS)

    situation_saisie = {"age": 34, "nationalite": "hors_ue", "titre_sejour": "aucun", "mois_en_france": 24,
                        "logement": "rue", "vit_a_paris": True, "adresse_courrier": False}
    attendu = droits.evaluer(situation_saisie, forme="personne")  # la page parle de « la personne »
    for cle, d in attendu["droits"].items():
        carte = page.locator(f"#droits .carte[data-droit='{cle}']")
        assert d["resume"] in carte.inner_text()
        assert f"statut-{d['statut']}" in carte.get_attribute("class")
    texte_recap = page.locator("#recap-situation").inner_text()
    assert "À la rue" in texte_recap and "34" in texte_recap
    assert "Aucun titre de séjour" in texte_recap

    # Rendez-vous des droits : le bouton attend l'accord de la personne.
    page.get_by_role("button", name="Voir les créneaux libres").click()
    page.wait_for_selector("#rdv-liste input[type=radio]")
    page.locator("#rdv-liste input[type=radio]").first.check()
    reserver = page.get_by_role("button", name="Réserver le rendez-vous")
    assert reserver.is_disabled()
    accord_rdv = page.get_by_label("La personne est d'accord pour ce rendez-vous", exact=False)
    accord_rdv.check()
    assert reserver.is_enabled()

    # Case du résumé : nommée, expliquée (aria-describedby), vide par défaut, cochée au clavier.
    accord_resume = page.get_by_role("checkbox", name="La personne est d'accord : l'agent de la CAF pourra voir ce résumé.")
    assert accord_resume.is_visible() and not accord_resume.is_checked()
    aide = page.locator("#" + accord_resume.get_attribute("aria-describedby"))
    assert aide.is_visible() and "rien de la situation n'est envoyé" in aide.inner_text()
    assert accord_resume.evaluate("e => e.getBoundingClientRect().bottom") <= reserver.evaluate(
        "e => e.getBoundingClientRect().top")  # juste au-dessus du bouton
    accord_resume.focus()
    page.keyboard.press("Space")
    assert accord_resume.is_checked()
    reserver.scroll_into_view_if_needed()
    page.screenshot(path=str(artefacts / "pro-rdv-accord-resume.png"))
    reserver.click()
    page.wait_for_selector("body[data-rdv-code]", state="attached")
    code = page.locator("body").get_attribute("data-rdv-code")
    assert code in page.locator("#rdv-etat").inner_text()
    assert "L'agent de la CAF pourra voir le résumé." in page.locator("#rdv-etat").inner_text()
    assert page.locator("body").get_attribute("data-rdv-resume") == "1"
    assert ServiceRdv(base_rdv).consulter(code).canal == "pro"
    # L'accord valait pour ce rendez-vous : les deux cases se vident.
    assert not accord_resume.is_checked() and not accord_rdv.is_checked() and reserver.is_disabled()

    # L'agent de la CAF voit le résumé, par son API authentifiée seulement.
    _, jeton = ServiceRdv(base_rdv).creer_agent("Agent de test")
    entete = {"Authorization": f"Bearer {jeton}"}
    chemin = f"{serveur.url}/api/v1/agent/rendez-vous/{code}/resume"
    assert httpx.get(chemin).status_code == 401
    r = httpx.get(chemin, headers=entete)
    assert r.status_code == 200, r.text
    resume = r.json()
    assert resume["situation"] == droits.valider_situation(situation_saisie)
    assert resume["droits"] == droits.evaluer(situation_saisie, date=resume["droits"]["date"])
    assert {k: d["statut"] for k, d in resume["droits"]["droits"].items()} == \
        {k: d["statut"] for k, d in attendu["droits"].items()}

    # Un autre rendez-vous, sans cocher la case : aucun résumé.
    page.locator("#rdv-liste input[type=radio]").nth(1).check()
    accord_rdv.check()
    reserver.click()
    expect(page.locator("body")).not_to_have_attribute("data-rdv-code", code)  # (CSP : pas d'eval)
    code_sans = page.locator("body").get_attribute("data-rdv-code")
    assert page.locator("body").get_attribute("data-rdv-resume") == "0"
    assert "Aucun résumé n'est partagé." in page.locator("#rdv-etat").inner_text()
    r = httpx.get(f"{serveur.url}/api/v1/agent/rendez-vous/{code_sans}/resume", headers=entete)
    assert r.status_code == 404 and r.json()["detail"]["erreur"] == "code_inconnu"
    assert ServiceRdv(base_rdv).consulter(code_sans).resume_consenti is False

    # Récapitulatif imprimable : sans le formulaire, avec les résultats et le code.
    page.emulate_media(media="print")
    assert page.locator("#situation").is_hidden()
    assert page.locator("#droits .carte").first.is_visible()
    assert page.locator("#rdv-etat").is_visible()
    page.pdf(path=str(artefacts / "pro-recapitulatif.pdf"), format="A4")
    page.screenshot(path=str(artefacts / "pro-impression.png"), full_page=True)
    page.emulate_media(media="screen")
    page.screenshot(path=str(artefacts / "pro-ecran.png"), full_page=True)

    # Case cochée mais réponse impossible : rien n'est réservé, le champ est nommé.
    avant = len(ServiceRdv(base_rdv).creneaux_libres(limite=500))
    page.get_by_label("Âge").fill("150")
    page.locator("#rdv-liste input[type=radio]").nth(2).check()
    accord_rdv.check()
    accord_resume.check()
    reserver.click()
    expect(page.locator("#rdv-etat")).to_contain_text("Une réponse pose problème : Âge")
    assert page.locator("#f-age").get_attribute("aria-invalid") == "true"
    assert page.locator("body").get_attribute("data-rdv-code") == code_sans
    assert len(ServiceRdv(base_rdv).creneaux_libres(limite=500)) == avant
    assert not erreurs, erreurs
    print(f"\npage pro : situation saisie et résultats affichés en {duree:.2f} s")
    page.close()


def test_page_pro_ne_sait_pas(navigateur, passerelle):
    serveur = passerelle()
    page = navigateur.new_page()
    page.goto(serveur.url + "/pro")
    page.wait_for_selector("body[data-resultats]", state="attached")
    champ = page.get_by_label("Argent du foyer par mois, en euros")
    nsp = page.locator("input[name='ressources_mensuelles__nsp']")
    assert nsp.is_checked()
    champ.fill("500")
    assert not nsp.is_checked()
    nsp.check()
    assert champ.input_value() == ""
    # chaque booléen a « Ne sait pas », coché par défaut sauf Paris
    assert page.locator("[data-champ='en_couple'] input[value='']").is_checked()
    assert page.locator("[data-champ='vit_a_paris'] input[value='true']").is_checked()
    page.close()

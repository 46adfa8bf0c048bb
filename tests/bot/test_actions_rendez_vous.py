"""Le parcours du rendez-vous des droits dans les actions, avec le VRAI service de réservation
(SQLite jetable, horloge fixée au mardi 1er décembre 2026 à 8 h) et le faux moteur de droits.

Chaque étape : l'action, ses événements (emplacements) et ce que la base contient ensuite.
"""

from __future__ import annotations

import pytest
from rasa_sdk.events import AllSlotsReset, Restarted, SlotSet

from tests.bot.conftest import suivi

EXPEDITEUR = "we-0123456789abcdef"


def _actions():
    from bot.actions import dialogue, donnees, rendez_vous
    return dialogue, donnees, rendez_vous


class Parcours:
    """Joue une conversation : garde les emplacements comme Rasa le ferait."""

    def __init__(self, lancer, slots=None, expediteur=EXPEDITEUR):
        self.lancer = lancer
        self.slots = {"forme": "vous", "echecs": 0.0, "verdict_donne": False, "rdv_mode": "reserver",
                      "rdv_essais": 0.0, **(slots or {})}
        self.expediteur = expediteur
        self.messages: list[dict] = []
        self.events: list = []

    def dire(self, texte, intention, entites=None):
        dialogue, _, rendez_vous = _actions()
        routes = {"prendre_rdv": rendez_vous.ActionRdv(), "annuler_rdv": rendez_vous.ActionAnnulerRdv()}
        action = routes.get(intention, dialogue.ActionAvancer())
        tracker = suivi(texte, intention, dict(self.slots), entites=entites)
        tracker.sender_id = self.expediteur
        self.events, self.messages = self.lancer(action, tracker)
        for e in self.events:
            if e["event"] == "slot":
                self.slots[e["name"]] = e["value"]
            elif e["event"] in ("reset_slots", "restart"):
                self.slots = {"forme": "vous"}
        return self.messages

    def bouton(self, titre):
        """Toucher le bouton ``titre`` du dernier message qui en a."""
        for m in reversed(self.messages):
            for b in m.get("buttons") or []:
                if b["title"] == titre:
                    return b["payload"]
        raise AssertionError(f"pas de bouton {titre!r} dans {self.messages}")


def creneau(payload):
    return [{"entity": "creneau", "value": payload.split('"creneau":"')[1].rstrip('"}')}]


def test_je_veux_un_rendez_vous_propose_trois_creneaux_et_un_autre_jour(faux_moteur, lancer, service_rdv):
    p = Parcours(lancer)
    messages = p.dire("je veux un rendez-vous", "prendre_rdv")
    assert len(messages) == 1
    boutons = messages[0]["buttons"]
    titres = [b["title"] for b in boutons]
    # Il est 8 h le mardi : rien avant 12 h (on doit pouvoir annuler jusqu'à 4 heures avant).
    assert titres[:3] == [
        "mercredi 2 décembre à 9 h, EPS du 10e, Paris 10e",
        "mercredi 2 décembre à 14 h, ESI Bichat, Paris 10e",
        "jeudi 3 décembre à 9 h, CAF Finlay, Paris 15e",
    ]
    assert titres[3:] == ["Un autre jour", "Non, pas maintenant"]
    assert boutons[0]["payload"].startswith('/prendre_rdv{"creneau":"')
    assert boutons[3]["payload"] == '/prendre_rdv{"creneau":"autre"}'
    assert p.slots["attente"] == "rdv_creneau"
    assert [x["libelle"] for x in p.slots["rdv_proposes"]] == titres[:3]
    assert messages[0]["custom"]["rdv"]["etape"] == "creneau"


def test_reserver_sms_et_resume_de_bout_en_bout(faux_moteur, lancer, service_rdv):
    p = Parcours(lancer, {"age": 40, "droits_demandes": ["ame", "rsa"], "verdict_donne": True})
    p.dire("je veux un rendez-vous", "prendre_rdv")
    choix = p.bouton("jeudi 3 décembre à 9 h, CAF Finlay, Paris 15e")
    messages = p.dire(choix, "prendre_rdv", creneau(choix))
    assert messages[0]["text"].startswith("Vous choisissez le jeudi 3 décembre à 9 h, CAF Finlay, Paris 15e. C'est bien ça ?")
    assert "Adresse : 50 rue du Docteur Finlay, 75015 Paris." in messages[0]["text"]
    assert p.slots["attente"] == "rdv_confirmer"

    messages = p.dire("/affirmer", "affirmer")
    code = p.slots["rdv_code"]
    assert messages[0]["text"] == f"C'est réservé. Votre code : {code}. Gardez bien ce code."
    assert messages[1]["text"].startswith("Voulez-vous un SMS")
    rdv = service_rdv.consulter(code)
    assert rdv.statut == "reserve" and rdv.canal == "web" and not rdv.rappel_sms
    assert rdv.pieces == ["Pièce ame.", "Pièce rsa."]  # papiers des droits demandés (faux moteur)

    messages = p.dire("/affirmer", "affirmer")
    assert p.slots["attente"] == "rdv_telephone"
    messages = p.dire("0145678910", "informer")  # un fixe : refusé, on redemande
    assert messages[0]["text"].startswith("Ce numéro ne marche pas pour un SMS.")
    assert p.slots["attente"] == "rdv_telephone"
    messages = p.dire("c'est le 06 12 34 56 78", "informer")
    assert messages[0]["text"].startswith("C'est noté.")
    assert "rdv_telephone" not in [e.get("name") for e in p.events]  # le numéro n'est pas un emplacement
    assert all("06 12" not in str(v) and "+336" not in str(v) for v in p.slots.values())
    assert service_rdv.consulter(code).telephone == "+33612345678"
    assert p.slots["attente"] == "rdv_resume"

    messages = p.dire("oui", "affirmer")
    texte = messages[0]["text"]
    assert texte.startswith("D'accord. L'agent du rendez-vous pourra lire ce résumé.")
    assert f"Votre code : {code}." in texte and "Pièce ame" in texte
    # Seul le rappel du matin est en file (le rappel 48 h avant tomberait tout de suite) : on ne promet que lui.
    assert "Vous recevrez un SMS le matin du rendez-vous." in texte
    assert "Je garde ce rendez-vous 30 jours après sa date." in texte
    assert messages[0]["custom"]["rdv"] == {
        "etape": "confirme", "code": code, "debut": rdv.debut.isoformat(), "lieu": rdv.lieu.nom,
        "rappel_sms": True, "resume": True,
    }
    assert p.slots["attente"] is None and p.slots["rdv_code"] == code
    assert service_rdv.consulter(code).resume_consenti


def test_sans_sms_ni_resume_rien_n_est_garde(faux_moteur, lancer, service_rdv):
    p = Parcours(lancer, {"age": 40, "droits_demandes": ["ame"]})
    p.dire("un rdv", "prendre_rdv")
    p.dire("2", "informer")  # le deuxième bouton, tapé
    assert p.slots["attente"] == "rdv_confirmer"
    p.dire("oui", "affirmer")
    code = p.slots["rdv_code"]
    assert service_rdv.consulter(code).lieu.nom_court == "ESI Bichat"
    p.dire("non", "nier")
    assert p.slots["attente"] == "rdv_resume"
    messages = p.dire("/nier", "nier")
    assert messages[0]["text"].startswith("D'accord. L'agent ne verra pas vos réponses.")
    rdv = service_rdv.consulter(code)
    assert not rdv.rappel_sms and not rdv.resume_consenti


def test_sans_aucun_fait_pas_de_question_sur_le_resume(faux_moteur, lancer, service_rdv):
    p = Parcours(lancer)
    p.dire("rdv", "prendre_rdv")
    p.dire("le premier", "informer")
    p.dire("oui", "affirmer")
    messages = p.dire("non", "nier")
    assert messages[0]["text"].startswith("Votre rendez-vous est réservé.")
    assert "Les papiers que vous avez : identité, argent reçu, logement" in messages[0]["text"]
    assert p.slots["attente"] is None


def test_un_autre_jour_propose_les_jours_suivants(faux_moteur, lancer, service_rdv):
    p = Parcours(lancer)
    p.dire("rdv", "prendre_rdv")
    autre = p.bouton("Un autre jour")
    messages = p.dire(autre, "prendre_rdv", creneau(autre))
    titres = [b["title"] for b in messages[0]["buttons"][:3]]
    assert messages[0]["text"].startswith("Voici d'autres jours libres.")
    assert all("1er décembre" not in t for t in titres)


def test_un_identifiant_non_propose_est_refuse(faux_moteur, lancer, service_rdv):
    """/prendre_rdv{"creneau":"99"} tapé à la main : pas un des créneaux proposés."""
    p = Parcours(lancer)
    p.dire("rdv", "prendre_rdv")
    messages = p.dire('/prendre_rdv{"creneau":"99"}', "prendre_rdv", [{"entity": "creneau", "value": "99"}])
    assert messages[0]["text"].startswith("Je n'ai pas compris.")
    assert p.slots["attente"] == "rdv_creneau" and p.slots.get("rdv_choisi") is None


def test_creneau_pris_entre_temps(faux_moteur, lancer, service_rdv):
    p = Parcours(lancer)
    p.dire("rdv", "prendre_rdv")
    p.dire("1", "informer")
    service_rdv.reserver(p.slots["rdv_choisi"])  # quelqu'un d'autre, au même moment
    messages = p.dire("oui", "affirmer")
    assert messages[0]["text"].startswith("Ce créneau vient d'être pris. Choisissez-en un autre.")
    assert p.slots["attente"] == "rdv_creneau"
    assert "CAF Finlay" not in messages[0]["buttons"][0]["title"]


def test_non_merci_sort_du_rendez_vous(faux_moteur, lancer, service_rdv):
    p = Parcours(lancer)
    p.dire("rdv", "prendre_rdv")
    messages = p.dire("/nier", "nier")
    assert messages[0]["text"].startswith("D'accord, pas de rendez-vous pour le moment.")
    assert p.slots["attente"] is None


def test_demander_un_droit_pendant_le_rendez_vous_change_de_sujet(faux_moteur, lancer, service_rdv):
    p = Parcours(lancer)
    p.dire("rdv", "prendre_rdv")
    messages = p.dire("et l'ame ?", "demander_ame")
    assert messages[0]["custom"] == {"question": "nationalite"}
    assert p.slots["attente"] is None


def test_aide_pendant_le_rendez_vous_puis_on_reprend_l_etape(faux_moteur, lancer, service_rdv):
    from bot.actions.dialogue import ActionReprendre
    p = Parcours(lancer)
    p.dire("rdv", "prendre_rdv")
    tracker = suivi("aide", "aide", dict(p.slots))
    events, messages = lancer(ActionReprendre(), tracker)
    assert events == []
    assert [b["title"] for b in messages[0]["buttons"]][:3] == [x["libelle"] for x in p.slots["rdv_proposes"]]


def _plus_tard(service_rdv):
    """Un créneau du jeudi 3 décembre : assez loin pour annuler (4 heures avant au plus tard)."""
    from datetime import date
    return service_rdv.creneaux_libres(depuis=date(2026, 12, 3), limite=1)[0]


def test_annuler_par_code_puis_proposer_un_autre(faux_moteur, lancer, service_rdv):
    creneau_libre = _plus_tard(service_rdv)
    rdv = service_rdv.reserver(creneau_libre.id, telephone="07 81 23 45 67")
    p = Parcours(lancer)
    messages = p.dire("je veux annuler mon rendez-vous", "annuler_rdv")
    assert messages[0]["text"].startswith("Quel est le code de votre rendez-vous ?")
    messages = p.dire("AAA-AAA", "informer")
    assert messages[0]["text"] == "Je ne trouve pas ce code. Vérifiez-le, puis écrivez-le encore."
    messages = p.dire(f"c'est {rdv.code.lower().replace('-', ' ')}", "informer")
    assert messages[0]["text"] == f"Votre rendez-vous : le {creneau_libre.libelle}. Que voulez-vous faire ?"
    assert [b["title"] for b in messages[0]["buttons"]] == ["L'annuler", "Changer de jour", "Le garder"]
    messages = p.dire("/affirmer", "affirmer")
    assert messages[0]["text"].startswith("C'est annulé.")
    assert "Vous ne recevrez plus de SMS de rappel." in messages[0]["text"]
    assert service_rdv.consulter(rdv.code).statut == "annule"
    assert p.slots["attente"] == "rdv"
    messages = p.dire("oui", "affirmer")  # « Voulez-vous un autre rendez-vous ? »
    assert p.slots["attente"] == "rdv_creneau"
    assert len(messages[0]["buttons"]) == 5
    assert creneau_libre.id in [c.id for c in service_rdv.creneaux_libres()]  # la place est libre


def test_annuler_avec_le_code_dans_le_message_et_garder(faux_moteur, lancer, service_rdv):
    rdv = service_rdv.reserver(_plus_tard(service_rdv).id)
    p = Parcours(lancer)
    messages = p.dire(f"annuler {rdv.code}", "annuler_rdv")
    assert messages[0]["text"].startswith("Votre rendez-vous : le ")
    messages = p.dire("Le garder", "nier")
    assert messages[0]["text"] == "D'accord. Votre rendez-vous reste prévu."
    assert service_rdv.consulter(rdv.code).statut == "reserve"


def test_changer_de_jour_deplace_sans_jamais_perdre_la_place(faux_moteur, lancer, service_rdv):
    premier = _plus_tard(service_rdv)
    rdv = service_rdv.reserver(premier.id)
    p = Parcours(lancer)
    messages = p.dire(f"je voudrais changer mon rdv {rdv.code}", "annuler_rdv")
    assert p.slots["attente"] == "annuler_choix", messages
    messages = p.dire("/prendre_rdv", "prendre_rdv")  # bouton « Changer de jour »
    assert p.slots["rdv_mode"] == "deplacer" and p.slots["attente"] == "rdv_creneau"
    autre = p.bouton("Un autre jour")
    messages = p.dire(autre, "prendre_rdv", creneau(autre))
    nouveau = p.slots["rdv_proposes"][0]
    p.dire("1", "informer")
    messages = p.dire("oui", "affirmer")
    assert messages[0]["text"] == "C'est fait. Votre rendez-vous a changé de jour."
    apres = service_rdv.consulter(rdv.code)
    assert apres.statut == "reserve" and apres.creneau.id == nouveau["id"]
    assert premier.id in [c.id for c in service_rdv.creneaux_libres()]
    assert p.slots["rdv_mode"] == "reserver" and p.slots["attente"] is None


def test_annuler_trop_tard(faux_moteur, lancer, service_rdv):
    rdv = service_rdv.reserver(service_rdv.creneaux_libres(limite=1)[0].id)  # à 9 h, il est 8 h
    p = Parcours(lancer)
    messages = p.dire(f"annuler {rdv.code}", "annuler_rdv")
    assert messages[0]["text"].startswith("Il est trop tard pour le changer ici.")
    assert not messages[0].get("buttons")
    assert service_rdv.consulter(rdv.code).statut == "reserve"


def test_code_inconnu_trois_fois_donne_le_3230(faux_moteur, lancer, service_rdv):
    p = Parcours(lancer)
    p.dire("annuler rdv", "annuler_rdv")
    p.dire("ABC-DEF", "informer")
    p.dire("je sais pas", "informer")
    messages = p.dire("???", "nlu_fallback")
    assert "3230" in messages[0]["text"]
    assert p.slots["attente"] is None


def test_effacer_mes_donnees_efface_aussi_les_rendez_vous(faux_moteur, lancer, service_rdv):
    p = Parcours(lancer, {"age": 40, "droits_demandes": ["ame"]})
    p.dire("rdv", "prendre_rdv")
    p.dire("1", "informer")
    p.dire("oui", "affirmer")
    p.dire("oui", "affirmer")
    p.dire("06 12 34 56 78", "informer")
    p.dire("oui", "affirmer")
    code = p.slots["rdv_code"]
    autre = service_rdv.reserver(service_rdv.creneaux_libres(limite=1)[0].id, expediteur="te-autre")
    p.slots["attente"] = "suppression"
    messages = p.dire("/affirmer", "affirmer")
    assert p.events == [AllSlotsReset(), Restarted()]
    assert messages[0]["custom"] == {"donnees_supprimees": True}
    from rdv.erreurs import CodeInconnu
    with pytest.raises(CodeInconnu):
        service_rdv.consulter(code)
    assert service_rdv.consulter(autre.code).statut == "reserve"  # celui d'une autre personne reste


def test_base_en_panne_reponse_claire(faux_moteur, lancer, tmp_path):
    from bot.actions import rendez_vous
    from rdv.service import ServiceRdv
    rendez_vous.utiliser_service(ServiceRdv(f"sqlite:///{tmp_path / 'vide.db'}"))  # pas de tables
    try:
        p = Parcours(lancer)
        messages = p.dire("rdv", "prendre_rdv")
    finally:
        rendez_vous.utiliser_service(None)
    assert len(messages) == 1
    assert messages[0]["text"] == "La réservation ne répond pas pour le moment. Rien n'a changé. Réessayez dans une minute."


def test_pas_de_creneau_libre(faux_moteur, lancer, service_rdv):
    from sqlalchemy import update
    from rdv.modeles import Creneau
    with service_rdv.sessions.begin() as s:
        s.execute(update(Creneau).values(bloque=True))
    p = Parcours(lancer)
    messages = p.dire("rdv", "prendre_rdv")
    assert "3230" in messages[0]["text"] and not messages[0].get("buttons")
    assert p.slots["attente"] is None


def test_chercher_code_et_portable():
    from rdv.codes import chercher_code
    from rdv.telephone import chercher_portable
    assert chercher_code("annuler k7p 4qx stp") == "K7P-4QX"
    assert chercher_code("mon code est K7P-4QX") == "K7P-4QX"
    assert chercher_code("je veux annuler mon cheque") is None
    assert chercher_code("rendez vous") is None
    assert chercher_code("kmrtcx") == "KMR-TCX"  # le message n'est que le code, sans chiffre
    assert chercher_code(" kmr-tcx ") == "KMR-TCX"
    assert chercher_portable("oui 06 12 34 56 78") == "+33612345678"
    assert chercher_portable("+33 7 81 23 45 67 merci") == "+33781234567"
    assert chercher_portable("01 45 67 89 10") is None
    assert chercher_portable("j'ai 34 ans") is None


def test_choix_tape_parmi_les_creneaux():
    from bot.actions.rendez_vous import _creneau_tape
    proposes = [
        {"id": 1, "jour": "2026-12-01", "lieu": "CAF Finlay", "arrondissement": 15},
        {"id": 2, "jour": "2026-12-01", "lieu": "CAF La Chapelle", "arrondissement": 18},
        {"id": 3, "jour": "2026-12-03", "lieu": "ESI Bichat", "arrondissement": 10},
    ]
    ids = {t: (r["id"] if isinstance(r, dict) else r) for t in [
        "2", "le deuxième", "trois", "le premier", "jeudi", "le 3 décembre", "la chapelle", "le 18e",
        "jeudi 4 décembre", "mardi", "un autre jour", "bof", "celui de finlay", "75015",
    ] for r in [_creneau_tape(t, proposes)]}
    assert ids == {
        "2": 2, "le deuxième": 2, "trois": 3, "le premier": 1, "jeudi": 3, "le 3 décembre": 3,
        "la chapelle": 2, "le 18e": 2, "jeudi 4 décembre": None, "mardi": None, "un autre jour": "autre",
        "bof": None, "celui de finlay": 1, "75015": 1,
    }


@pytest.mark.parametrize("texte,intention,attendu", [
    ("d'accord", "affirmer", "pas compris"),     # la question n'est pas oui / non
    ("ok", "affirmer", "pas compris"),
    ("non, annulez-le", "nier", "annule"),
    ("je ne peux pas venir", "annuler_rdv", "annule"),
    ("je veux le garder", "informer", "garde"),
    ("/nier", "nier", "garde"),
    ("/affirmer", "affirmer", "annule"),
    ("je préfère changer de jour", "informer", "deplacer"),
])
def test_que_voulez_vous_faire_lit_la_reponse_sans_contresens(faux_moteur, lancer, service_rdv, texte, intention,
                                                               attendu):
    rdv = service_rdv.reserver(_plus_tard(service_rdv).id)
    p = Parcours(lancer)
    p.dire(f"annuler {rdv.code}", "annuler_rdv")
    messages = p.dire(texte, intention)
    statut = service_rdv.consulter(rdv.code).statut
    if attendu == "annule":
        assert statut == "annule" and messages[0]["text"].startswith("C'est annulé.")
    elif attendu == "garde":
        assert statut == "reserve" and messages[0]["text"] == "D'accord. Votre rendez-vous reste prévu."
    elif attendu == "deplacer":
        assert statut == "reserve" and p.slots["rdv_mode"] == "deplacer" and p.slots["attente"] == "rdv_creneau"
    else:
        assert statut == "reserve" and messages[0]["text"].startswith("Je n'ai pas compris.")
        assert [b["title"] for b in messages[0]["buttons"]] == ["L'annuler", "Changer de jour", "Le garder"]


def test_oui_classe_prendre_rdv_a_la_confirmation_reserve(faux_moteur, lancer, service_rdv):
    p = Parcours(lancer)
    p.dire("rdv", "prendre_rdv")
    p.dire("1", "informer")
    p.dire("oui je prends ce rdv", "prendre_rdv")
    assert p.slots["attente"] == "rdv_sms" and p.slots["rdv_code"]


def test_un_seul_rendez_vous_a_la_fois(faux_moteur, lancer, service_rdv):
    p = Parcours(lancer)
    p.dire("rdv", "prendre_rdv")
    p.dire("1", "informer")
    p.dire("oui", "affirmer")
    code = p.slots["rdv_code"]
    messages = p.dire("je veux un rendez-vous", "prendre_rdv")  # à la question du SMS
    assert p.slots["attente"] == "rdv_sms"  # la phrase ne relance pas une réservation
    p.dire("non", "nier")
    messages = p.dire("je veux un autre rendez-vous", "prendre_rdv")
    assert messages[0]["text"].startswith("Vous avez déjà un rendez-vous. Votre rendez-vous : le ")
    assert p.slots["attente"] == "annuler_choix" and p.slots["rdv_code"] == code


def test_mode_aidant_les_questions_parlent_de_la_personne(faux_moteur, lancer, service_rdv):
    p = Parcours(lancer, {"forme": "elle", "age": 50, "droits_demandes": ["ame"]})
    p.dire("rdv", "prendre_rdv")
    p.dire("1", "informer")
    messages = p.dire("oui", "affirmer")
    assert messages[1]["text"].startswith("La personne veut-elle un SMS")
    p.dire("oui", "affirmer")
    messages = p.dire("07 81 23 45 67", "informer")
    assert "La personne accepte-t-elle" in messages[-1]["text"]


def test_sms_confirmation_courte(faux_moteur, lancer, service_rdv):
    from rdv.sms.gsm7 import segments, to_gsm7
    p = Parcours(lancer, {"age": 40, "droits_demandes": ["ame", "rsa"]}, expediteur="sm-0123456789abcdef")
    p.dire("rdv", "prendre_rdv")
    p.dire("1", "informer")
    p.dire("oui", "affirmer")
    p.dire("non", "nier")
    messages = p.dire("non", "nier")
    texte = messages[0]["text"]
    code = p.slots["rdv_code"]
    assert f"Votre code : {code}." in texte and f"ANNULER {code}" in texte
    assert segments(to_gsm7(texte)) <= 3, texte


def test_trop_de_codes_faux_bloque_la_recherche(faux_moteur, lancer, service_rdv, monkeypatch):
    from bot.actions import rendez_vous
    frein = rendez_vous._FreinCodes(3)
    monkeypatch.setattr(rendez_vous, "frein_codes", frein)
    rdv = service_rdv.reserver(_plus_tard(service_rdv).id)
    p = Parcours(lancer)
    p.dire("annuler ACD-EFH", "annuler_rdv")
    p.dire("ACD-EFJ ACD-EFK", "informer")
    messages = p.dire(f"annuler {rdv.code}", "annuler_rdv")  # le bon code, mais trop d'essais
    assert messages[0]["text"].startswith("Trop de codes ont été essayés.")
    assert service_rdv.consulter(rdv.code).statut == "reserve"


def test_un_code_mal_classe_reste_une_reponse_a_l_etape(faux_moteur, lancer, service_rdv):
    """« gey xvu » peut être classé demander_domiciliation : c'est quand même le code attendu."""
    rdv = service_rdv.reserver(_plus_tard(service_rdv).id)
    p = Parcours(lancer)
    p.dire("annuler mon rdv", "annuler_rdv")
    messages = p.dire(rdv.code.lower().replace("-", " "), "demander_domiciliation")
    assert messages[0]["text"].startswith("Votre rendez-vous : le ")
    assert p.slots["attente"] == "annuler_choix"


def test_un_code_classe_au_revoir_ou_merci_est_lu(faux_moteur, lancer, service_rdv):
    from bot.actions.dialogue import ActionReprendre
    from bot.actions.rendez_vous import ActionAuRevoir
    rdv = service_rdv.reserver(_plus_tard(service_rdv).id)
    p = Parcours(lancer)
    p.dire("annuler mon rdv", "annuler_rdv")
    tracker = suivi(rdv.code.lower().replace("-", ""), "au_revoir", dict(p.slots))
    events, messages = lancer(ActionAuRevoir(), tracker)
    assert messages[0]["text"].startswith("Votre rendez-vous : le ")
    assert SlotSet("attente", "annuler_choix") in events
    tracker = suivi(rdv.code, "remercier", dict(p.slots))  # après utter_de_rien
    events, messages = lancer(ActionReprendre(), tracker)
    assert messages[0]["text"].startswith("Votre rendez-vous : le ")
    # Hors rendez-vous, au revoir reste au revoir.
    events, messages = lancer(ActionAuRevoir(), suivi("bye", "au_revoir"))
    assert events == [] and [m["response"] for m in messages] == ["utter_au_revoir"]


@pytest.mark.parametrize("intention", ["supprimer_donnees", "recommencer", "demander_documents"])
def test_un_code_mal_classe_n_efface_ni_ne_recommence_rien(faux_moteur, lancer, service_rdv, intention):
    from bot.actions.donnees import ActionDemanderSuppression, ActionRecommencer
    from bot.actions.infos import ActionInfos
    action = {"supprimer_donnees": ActionDemanderSuppression(), "recommencer": ActionRecommencer(),
              "demander_documents": ActionInfos()}[intention]
    rdv = service_rdv.reserver(_plus_tard(service_rdv).id)
    p = Parcours(lancer, {"age": 40})
    p.dire("annuler mon rdv", "annuler_rdv")
    events, messages = lancer(action, suivi(rdv.code, intention, dict(p.slots)))
    assert messages[0]["text"].startswith("Votre rendez-vous : le ")
    assert SlotSet("attente", "annuler_choix") in events and AllSlotsReset() not in events

"""Réserver, annuler, déplacer, purger, supprimer : sur SQLite et PostgreSQL."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from rdv.erreurs import (
    CodeInconnu,
    CreneauIndisponible,
    CreneauInconnu,
    CreneauPasse,
    CreneauPris,
    DejaAnnule,
    StatutInvalide,
    TelephoneInvalide,
    TropTard,
)
from rdv.modeles import RendezVous, Resume, SmsSortant
from rdv.codes import ALPHABET


def compter(service, modele, *conditions):
    with service.sessions() as s:
        return s.scalar(select(func.count()).select_from(modele).where(*conditions))


def test_reserver_rend_un_code_lisible(service, creneau):
    c = creneau()
    r = service.reserver(c.id)
    assert r.statut == "reserve"
    assert len(r.code) == 7 and r.code[3] == "-"
    assert all(x in ALPHABET for x in r.code.replace("-", ""))
    assert r.creneau.id == c.id and r.telephone is None
    assert service.consulter(r.code.lower().replace("-", " ")).code == r.code
    assert compter(service, SmsSortant) == 0  # sans numéro, aucun SMS


def test_creneau_pris_apres_la_premiere_reservation(service, creneau):
    c = creneau()
    service.reserver(c.id)
    with pytest.raises(CreneauPris, match="Ce créneau vient d'être pris."):
        service.reserver(c.id)
    assert compter(service, RendezVous) == 1
    assert c.id not in [x.id for x in service.creneaux_libres()]


def test_capacite_deux(service, creneau):
    c = creneau(capacite=2)
    a, b = service.reserver(c.id), service.reserver(c.id)
    with service.sessions() as s:
        places = sorted(s.scalars(select(RendezVous.place)))
    assert places == [0, 1] and a.code != b.code
    with pytest.raises(CreneauPris):
        service.reserver(c.id)
    service.annuler(a.code)
    assert service.reserver(c.id).statut == "reserve"  # la place annulée est de nouveau libre


def test_creneau_passe_bloque_inconnu(service, creneau, horloge):
    passe = creneau(jours=-1)
    with pytest.raises(CreneauPasse):
        service.reserver(passe.id)
    with pytest.raises(CreneauInconnu):
        service.reserver(999_999)
    with pytest.raises(CreneauInconnu):
        service.reserver("abc")
    c = creneau()
    agent, _ = service.creer_agent("Agent", None)
    service.bloquer_creneau(agent, c.id, True)
    with pytest.raises(CreneauIndisponible):
        service.reserver(c.id)
    assert c.id not in [x.id for x in service.creneaux_libres()]
    service.bloquer_creneau(agent, c.id, False)
    assert service.reserver(c.id).statut == "reserve"
    assert compter(service, RendezVous) == 1


def test_telephone_invalide_rien_ecrit(service, creneau):
    c = creneau()
    for faux in ("01 42 34 56 78", "+44 7700 900123", "06 12", "bonjour"):
        with pytest.raises(TelephoneInvalide) as e:
            service.reserver(c.id, telephone=faux)
        assert faux not in str(e.value)
    assert compter(service, RendezVous) == 0
    r = service.reserver(c.id, telephone="06 12 34 56 78")
    assert r.telephone == "+33612345678"
    assert "+33612345678" not in repr(r)


def test_annuler_jusqu_a_4_heures_avant(service, creneau, horloge):
    c = creneau(jours=1, heure=14, minute=0)  # mardi 8 décembre 14 h
    r = service.reserver(c.id, telephone="0612345678")
    horloge.regler(c.debut - timedelta(hours=4, minutes=1))
    annule = service.annuler(r.code)
    assert annule.statut == "annule"
    with pytest.raises(DejaAnnule):
        service.annuler(r.code)
    # Les rappels en attente sont annulés, une confirmation d'annulation part.
    with service.sessions() as s:
        types = {m.type: m.statut for m in s.scalars(select(SmsSortant))}
    assert types["annulation"] == "en_attente"
    assert all(v != "en_attente" for k, v in types.items() if k != "annulation")


def test_annuler_moins_de_4_heures_avant_refuse(service, creneau, horloge):
    c = creneau(jours=1, heure=14, minute=0)
    r = service.reserver(c.id)
    horloge.regler(c.debut - timedelta(hours=3, minutes=59))
    with pytest.raises(TropTard):
        service.annuler(r.code)
    assert service.consulter(r.code).statut == "reserve"


def test_delai_configurable(moteur, horloge, creneau, service):
    from rdv.service import ServiceRdv

    c = creneau(jours=1, heure=14, minute=0)
    r = service.reserver(c.id)
    horloge.regler(c.debut - timedelta(hours=2))
    souple = ServiceRdv(moteur, horloge=horloge, delai_annulation=timedelta(hours=1))
    assert souple.annuler(r.code).statut == "annule"


def test_annuler_par_sms_verifie_le_numero(service, creneau):
    r = service.reserver(creneau().id, telephone="06 12 34 56 78")
    with pytest.raises(CodeInconnu):
        service.annuler(r.code, telephone="07 00 00 00 01")
    assert service.annuler(r.code, telephone="+33612345678").statut == "annule"


def test_code_inconnu(service):
    for code in ("AAA-AAA", "K7P-4QX", "0OI-1L5", "", "trop long pour un code"):
        with pytest.raises(CodeInconnu):
            service.consulter(code)


def test_deplacer_atomique(service, creneau):
    a, b, pris = creneau(jours=2), creneau(jours=3), creneau(jours=4)
    r = service.reserver(a.id, telephone="0612345678")
    service.reserver(pris.id)
    # Vers un créneau pris : erreur, et l'ancien rendez-vous reste entier.
    with pytest.raises(CreneauPris):
        service.deplacer(r.code, pris.id)
    apres = service.consulter(r.code)
    assert apres.creneau.id == a.id and apres.statut == "reserve"
    with service.sessions() as s:
        assert s.scalar(select(func.count()).select_from(RendezVous).where(
            RendezVous.creneau_id == a.id, RendezVous.statut == "reserve")) == 1
    # Vers un créneau libre : une seule ligne, même code, autre créneau ; l'ancien se libère.
    d = service.deplacer(r.code, b.id)
    assert d.code == r.code and d.creneau.id == b.id
    assert compter(service, RendezVous, RendezVous.statut != "annule") == 2
    libres = [x.id for x in service.creneaux_libres()]
    assert a.id in libres and b.id not in libres
    with service.sessions() as s:
        sms = {(m.type, m.creneau_id): m.statut for m in s.scalars(select(SmsSortant))}
    assert sms[("confirmation", a.id)] == "annule" or sms[("confirmation", a.id)] == "en_attente"
    assert sms[("deplacement", b.id)] == "en_attente"
    assert all(st == "annule" for (t, cid), st in sms.items() if cid == a.id and t.startswith("rappel"))


def test_deplacer_refuse_trop_tard_et_annule(service, creneau, horloge):
    a, b = creneau(jours=1, heure=11, minute=0), creneau(jours=3)
    r = service.reserver(a.id)
    horloge.regler(a.debut - timedelta(hours=1))
    with pytest.raises(TropTard):
        service.deplacer(r.code, b.id)
    horloge.regler(a.debut - timedelta(days=1))
    service.annuler(r.code)
    with pytest.raises(DejaAnnule):
        service.deplacer(r.code, b.id)


def test_resume_seulement_avec_accord(service, creneau):
    sans = service.reserver(creneau(jours=2).id)
    avec = service.reserver(creneau(jours=3).id, resume={
        "situation": {"age": 34, "logement": "rue"}, "droits": {"rsa": {"statut": "probable"}}})
    assert not sans.resume_consenti and avec.resume_consenti
    assert compter(service, Resume) == 1
    agent, _ = service.creer_agent("Agent", None)
    vu = service.resume_pour_agent(agent, avec.code)
    assert vu["situation"]["logement"] == "rue" and vu["droits"]["rsa"]["statut"] == "probable"
    with pytest.raises(CodeInconnu):
        service.resume_pour_agent(agent, sans.code)
    service.ajouter_resume(sans.code, {"situation": {"age": 20}, "resultats": {"droits": {}}})
    assert service.consulter(sans.code).resume_consenti
    service.retirer_resume(sans.code)
    assert not service.consulter(sans.code).resume_consenti
    assert "situation" not in service.consulter(avec.code).to_dict()


def test_supprimer_donnees(service, creneau):
    a = service.reserver(creneau(jours=2).id, telephone="0612345678", expediteur="pseudo-1",
                         resume={"situation": {"x": 1}, "droits": {}})
    b = service.reserver(creneau(jours=3).id, expediteur="pseudo-1")
    autre = service.reserver(creneau(jours=4).id, telephone="0698765432", expediteur="pseudo-2")
    assert compter(service, SmsSortant) > 0
    bilan = service.supprimer_donnees(expediteur="pseudo-1")
    assert bilan["rendez_vous"] == 2 and bilan["resumes"] == 1 and bilan["sms"] >= 1
    for code in (a.code, b.code):
        with pytest.raises(CodeInconnu):
            service.consulter(code)
    assert service.consulter(autre.code).statut == "reserve"
    assert compter(service, SmsSortant, SmsSortant.destinataire == "+33612345678") == 0
    # Les places sont libérées.
    assert service.reserver(a.creneau.id).statut == "reserve"
    # Par numéro de téléphone aussi.
    assert service.supprimer_par_expediteur("pseudo-2")["rendez_vous"] == 1
    assert compter(service, SmsSortant, SmsSortant.destinataire == "+33698765432") == 0
    assert service.supprimer_donnees() == {"rendez_vous": 0, "resumes": 0, "sms": 0}


def test_purger(service, creneau, horloge):
    vieux = creneau(jours=2)
    recent = creneau(jours=20)
    r1 = service.reserver(vieux.id, telephone="0612345678", resume={"situation": {}, "droits": {}})
    r2 = service.reserver(recent.id, telephone="0698765432")
    vide = creneau(jours=1)
    horloge.regler(vieux.fin + timedelta(days=30, minutes=1))
    bilan = service.purger(30)
    assert bilan["rendez_vous"] == 1 and bilan["resumes"] == 1 and bilan["sms"] >= 1
    assert bilan["creneaux"] >= 1  # le créneau passé devenu vide, et le créneau vide
    with pytest.raises(CodeInconnu):
        service.consulter(r1.code)
    assert service.consulter(r2.code).statut == "reserve"
    with service.sessions() as s:
        assert not list(s.scalars(select(SmsSortant).where(SmsSortant.rendez_vous_id.is_(None))))
    with pytest.raises(CreneauInconnu):
        service.creneau(vide.id)
    # 29 jours après : rien de plus.
    assert service.purger(60)["rendez_vous"] == 0


def test_creneaux_libres_tri_et_filtres(service, creneau, lieux):
    tard = creneau(jours=5, lieu="caf-finlay")
    tot = creneau(jours=1, lieu="caf-nationale")
    loin = creneau(jours=20, lieu="caf-nationale")
    ids = [c.id for c in service.creneaux_libres()]
    assert ids == [tot.id, tard.id]  # 14 jours par défaut, le plus tôt d'abord
    assert [c.id for c in service.creneaux_libres(arrondissement="13e")] == [tot.id]
    assert [c.id for c in service.creneaux_libres(arrondissement=75015)] == [tard.id]
    assert [c.id for c in service.creneaux_libres(lieu_id=lieux["caf-nationale"], jours=30)] == [tot.id, loin.id]
    assert len(service.creneaux_libres(limite=1)) == 1
    esi = creneau(jours=3, lieu="esi-agora")
    assert [c.id for c in service.creneaux_libres(sans_categories=("caf",))] == [esi.id]  # l'AME seule : pas la CAF
    assert esi.id in [c.id for c in service.creneaux_libres()]
    c = service.creneaux_libres()[0]
    assert c.libelle == "mardi 8 décembre à 9 h 45, CAF Nationale, Paris 13e"
    assert c.to_dict()["lieu"]["source"] and "verifie" in c.to_dict()["lieu"]


def test_agent_du_jour_marquer_export(service, creneau, horloge, lieux):
    c1 = creneau(jours=1, heure=9, minute=0)
    c2 = creneau(jours=1, heure=9, minute=45)
    ailleurs = creneau(jours=1, lieu="caf-finlay")
    r1 = service.reserver(c1.id, telephone="0612345678")
    r2 = service.reserver(c2.id)
    r3 = service.reserver(ailleurs.id)
    agent, jeton = service.creer_agent("Agent Nationale", lieux["caf-nationale"])
    assert service.authentifier(jeton) == agent
    assert service.authentifier(jeton + "x") is None
    jour = date(2026, 12, 8)
    liste = service.rendez_vous_du_jour(agent, jour)
    assert [l["code"] for l in liste] == [r1.code, r2.code]
    assert all("telephone" not in l for l in liste) and liste[0]["rappel_sms"] is True
    with pytest.raises(StatutInvalide):
        service.marquer(agent, r1.code, "honore")  # pas encore le jour
    horloge.regler(c1.fin)
    assert service.marquer(agent, r1.code, "honore")["statut"] == "honore"
    assert service.marquer(agent, r2.code, "absent")["statut"] == "absent"
    with pytest.raises(CodeInconnu):
        service.marquer(agent, r3.code, "honore")  # autre lieu
    csv = service.export_csv(agent, jour, jour)
    lignes = csv.lstrip("\ufeff").strip().split("\r\n")
    assert lignes[0].startswith("date;heure;lieu;code;statut")
    assert len(lignes) == 3 and "honore" in lignes[1] and "absent" in lignes[2]
    assert "+336" not in csv and "0612" not in csv


def test_code_deja_pris_on_en_tire_un_autre(service, creneau, monkeypatch):
    import rdv.service as module

    codes = iter(["AAA-AAA", "AAA-AAA", "CCC-CCC"])
    monkeypatch.setattr(module, "nouveau_code", lambda: next(codes))
    a = service.reserver(creneau(jours=2).id)
    b = service.reserver(creneau(jours=3).id)
    assert (a.code, b.code) == ("AAA-AAA", "CCC-CCC")

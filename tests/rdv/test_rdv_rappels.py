"""Rappels SMS avec une horloge factice : 48 h avant, le matin à 8 h, rien entre 21 h et 8 h,
aucun double envoi après un redémarrage (même si le processus meurt pendant un envoi)."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from rdv.modeles import SmsSortant
from rdv.rappels import Relanceur
from rdv.sms.expediteurs import ConsoleSender, EnvoiRefuse, EnvoiTemporaire, MemoireSender
from rdv.sms.gsm7 import tient_en_un_sms
from rdv.temps import PARIS


class Plantage(BaseException):
    """Le processus meurt (kill -9) : rien ne l'attrape."""


class ExpediteurQuiMeurtApresEnvoi(MemoireSender):
    def envoyer(self, destinataire, texte, reference):
        super().envoyer(destinataire, texte, reference)  # le fournisseur a accepté...
        raise Plantage()  # ...et le processus meurt avant d'écrire en base


class ExpediteurQuiMeurtAvantEnvoi(MemoireSender):
    def envoyer(self, destinataire, texte, reference):
        raise Plantage()


def P(j, h, m=0):
    return datetime(2026, 12, j, h, m, tzinfo=PARIS)


def file_sms(service):
    with service.sessions() as s:
        return {m.type: m for m in s.scalars(select(SmsSortant).order_by(SmsSortant.id))}


@pytest.fixture
def memoire(horloge):
    return MemoireSender(horloge=horloge)


def test_rappels_48h_et_matin_aux_bonnes_heures(service, creneau, horloge, memoire):
    c = creneau(jours=3, heure=9, minute=45)  # jeudi 10 décembre 9 h 45 ; on est lundi 7, 10 h
    r = service.reserver(c.id, telephone="06 12 34 56 78")
    file = file_sms(service)
    assert set(file) == {"confirmation", "rappel_48h", "rappel_matin"}
    assert file["confirmation"].du_le == P(7, 10)
    assert file["rappel_48h"].du_le == P(8, 9, 45)
    assert file["rappel_matin"].du_le == P(10, 8)
    relanceur = Relanceur(service, memoire)

    def envoyes_a(instant):
        horloge.regler(instant)
        relanceur.tour()
        return [m["texte"] for m in memoire.envoyes]

    assert len(envoyes_a(P(7, 10))) == 1  # la confirmation
    assert len(envoyes_a(P(8, 9, 44))) == 1
    textes = envoyes_a(P(8, 9, 45))
    assert len(textes) == 2 and textes[1].startswith("Rappel")
    assert len(envoyes_a(P(10, 7, 59))) == 2
    textes = envoyes_a(P(10, 8, 0))
    assert len(textes) == 3 and "aujourd'hui" in textes[2]
    assert len(envoyes_a(P(10, 9, 0))) == 3  # rien de plus
    for t in textes:
        assert tient_en_un_sms(t)
        assert r.code in t and f"ANNULER {r.code}" in t
        assert "CAF Nationale" in t and "9h45" in t
    assert "jeudi 10 decembre" in textes[1] or "jeudi 10 décembre" in textes[1]
    assert all(m.statut == "envoye" and m.id_fournisseur for m in file_sms(service).values())
    assert [m["le"] for m in memoire.envoyes] == [P(7, 10), P(8, 9, 45), P(10, 8)]


def test_jamais_entre_21h_et_8h(service, creneau, horloge, memoire):
    # Créneau exceptionnel à 6 h 30 : le rappel de « 48 h avant » tomberait à 6 h 30.
    c = creneau(jours=4, heure=6, minute=30)  # vendredi 11 décembre 6 h 30
    horloge.regler(P(7, 22, 30))  # réservation lundi à 22 h 30
    service.reserver(c.id, telephone="0612345678")
    file = file_sms(service)
    assert file["confirmation"].du_le == P(8, 8, 0)  # reportée à 8 h
    assert file["rappel_48h"].du_le == P(9, 8, 0)  # 6 h 30 → 8 h
    assert "rappel_matin" not in file  # 8 h le jour même : après le rendez-vous
    relanceur = Relanceur(service, memoire)
    for instant in (P(7, 23, 59), P(8, 3, 0), P(8, 7, 59)):
        horloge.regler(instant)
        assert relanceur.tour()["envoyes"] == 0
    horloge.regler(P(8, 8, 0))
    assert relanceur.tour()["envoyes"] == 1
    horloge.regler(P(9, 7, 59, ))
    assert relanceur.tour()["envoyes"] == 0
    horloge.regler(P(9, 8, 0))
    assert relanceur.tour()["envoyes"] == 1
    for m in memoire.envoyes:
        h = m["le"].astimezone(PARIS).time()
        assert h.hour >= 8 and h.hour < 21


def test_message_du_mais_plage_silencieuse(service, creneau, horloge, memoire):
    service.reserver(creneau(jours=3).id, telephone="0612345678")
    relanceur = Relanceur(service, memoire)
    horloge.regler(P(7, 21, 0))  # la confirmation (due à 10 h) n'est pas encore partie
    assert relanceur.tour()["envoyes"] == 0 and not memoire.envoyes
    horloge.regler(P(8, 8, 0))
    assert relanceur.tour()["envoyes"] == 1


def test_redemarrage_apres_acceptation_pas_de_double_envoi(service, creneau, horloge):
    service.reserver(creneau(jours=3).id, telephone="0612345678")
    mourant = ExpediteurQuiMeurtApresEnvoi(horloge=horloge)
    with pytest.raises(Plantage):
        Relanceur(service, mourant).tour()
    assert file_sms(service)["confirmation"].statut == "en_cours"
    assert len(mourant.envoyes) == 1
    # Redémarrage immédiat : le message « en_cours » est trop récent, on n'y touche pas.
    neuf = MemoireSender(horloge=horloge, envoyes=mourant.envoyes)  # même compte fournisseur
    assert Relanceur(service, neuf).tour()["envoyes"] == 0
    horloge.avancer(minutes=3)
    bilan = Relanceur(service, neuf).tour()
    assert bilan["reconcilies"] == 1 and bilan["envoyes"] == 0
    m = file_sms(service)["confirmation"]
    assert m.statut == "envoye" and m.id_fournisseur == "mem-1"
    assert len(neuf.envoyes) == 1  # toujours un seul SMS
    horloge.avancer(hours=1)
    Relanceur(service, neuf).tour()
    assert len(neuf.envoyes) == 1


def test_redemarrage_avant_acceptation_renvoie_une_fois(service, creneau, horloge):
    service.reserver(creneau(jours=3).id, telephone="0612345678")
    with pytest.raises(Plantage):
        Relanceur(service, ExpediteurQuiMeurtAvantEnvoi()).tour()
    horloge.avancer(minutes=3)
    neuf = MemoireSender(horloge=horloge)
    bilan = Relanceur(service, neuf).tour()
    assert bilan["reconcilies"] == 1 and bilan["envoyes"] == 1
    assert len(neuf.envoyes) == 1
    m = file_sms(service)["confirmation"]
    assert m.statut == "envoye" and m.tentatives == 2


def test_expediteur_qui_ne_sait_pas_verifier_ne_renvoie_pas(service, creneau, horloge):
    service.reserver(creneau(jours=3).id, telephone="0612345678")
    with pytest.raises(Plantage):
        Relanceur(service, ExpediteurQuiMeurtApresEnvoi()).tour()
    horloge.avancer(minutes=3)
    Relanceur(service, ConsoleSender()).tour()
    m = file_sms(service)["confirmation"]
    assert m.statut == "echec" and "incertain" in m.erreur


def test_deux_relanceurs_successifs_sans_doublon(service, creneau, horloge, memoire):
    for j, tel in ((3, "0612345678"), (4, "0612345679"), (5, "0612345670")):
        service.reserver(creneau(jours=j).id, telephone=tel)
    Relanceur(service, memoire).tour()
    Relanceur(service, memoire).tour()
    assert len(memoire.envoyes) == 3
    assert len({m["reference"] for m in memoire.envoyes}) == 3


def test_echec_temporaire_puis_reussite(service, creneau, horloge):
    service.reserver(creneau(jours=3).id, telephone="0612345678")
    exp = MemoireSender(horloge=horloge, pannes=[EnvoiTemporaire("HTTP 503")])
    relanceur = Relanceur(service, exp)
    assert relanceur.tour()["reportes"] == 1
    m = file_sms(service)["confirmation"]
    assert m.statut == "en_attente" and m.du_le > horloge()
    horloge.avancer(minutes=5)
    assert relanceur.tour()["envoyes"] == 1
    m = file_sms(service)["confirmation"]
    assert m.statut == "envoye" and m.tentatives == 2


def test_abandon_apres_trop_d_essais_et_refus(service, creneau, horloge):
    service.reserver(creneau(jours=3).id, telephone="0612345678")
    exp = MemoireSender(horloge=horloge, pannes=[EnvoiTemporaire("x")] * 10)
    relanceur = Relanceur(service, exp, tentatives_max=3)
    for _ in range(6):
        relanceur.tour()
        horloge.avancer(minutes=30)
    assert file_sms(service)["confirmation"].statut == "echec"
    service.reserver(creneau(jours=4).id, telephone="0781234567")
    Relanceur(service, MemoireSender(pannes=[EnvoiRefuse("numéro invalide")])).tour()
    with service.sessions() as s:
        statuts = [m.statut for m in s.scalars(select(SmsSortant).where(SmsSortant.type == "confirmation"))]
    assert statuts == ["echec", "echec"]


def test_rdv_annule_ou_deplace_pas_de_rappel_perime(service, creneau, horloge, memoire):
    a, b = creneau(jours=3), creneau(jours=6)
    r = service.reserver(a.id, telephone="0612345678")
    autre = service.reserver(creneau(jours=4).id, telephone="0781234567")
    service.deplacer(r.code, b.id)
    service.annuler(autre.code)
    Relanceur(service, memoire).tour()
    # La confirmation en attente est remplacée par le message de déplacement, ou d'annulation.
    assert sorted(m["texte"].split(" ")[0] for m in memoire.envoyes) == ["Rendez-vous", "Votre"]
    assert any("déplacé au" in m["texte"] for m in memoire.envoyes)
    horloge.regler(P(20, 12))  # longtemps après tout : les rappels périmés ne partent pas
    Relanceur(service, memoire).tour()
    assert len(memoire.envoyes) == 2
    with service.sessions() as s:
        rappels = [m for m in s.scalars(select(SmsSortant)) if m.type.startswith("rappel")]
    assert rappels and all(m.statut == "annule" for m in rappels)


def test_reservation_tardive_pas_de_rappel_inutile(service, creneau, horloge):
    c = creneau(jours=1, heure=9, minute=45)  # demain 9 h 45 : moins de 48 h
    service.reserver(c.id, telephone="0612345678")
    assert set(file_sms(service)) == {"confirmation", "rappel_matin"}
    horloge.regler(P(8, 8, 30))
    d = creneau(jours=1, heure=11, minute=0)  # aujourd'hui 11 h, réservé à 8 h 30
    service.reserver(d.id, telephone="0781234567")
    with service.sessions() as s:
        types = [m.type for m in s.scalars(select(SmsSortant).where(SmsSortant.destinataire == "+33781234567"))]
    assert types == ["confirmation"]


def test_definir_telephone_plus_tard(service, creneau, horloge):
    r = service.reserver(creneau(jours=3).id)
    assert file_sms(service) == {}
    service.definir_telephone(r.code, "06 12 34 56 78")
    assert set(file_sms(service)) == {"confirmation", "rappel_48h", "rappel_matin"}
    service.definir_telephone(r.code, None)
    assert file_sms(service) == {}
    assert service.consulter(r.code).telephone is None

"""Textes : GSM-7, longueur des SMS (même avec de très longs noms de lieux), FALC, dates, .ics."""
from __future__ import annotations

import re
from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from rdv.ics import fichier_ics
from rdv.sms.gsm7 import is_gsm7, longueur_gsm7, segments, tient_en_un_sms, to_gsm7
from rdv.textes import _MODELES_SMS, date_heure, sms, texte_confirmation
from rdv.temps import PARIS
from rdv.vues import CreneauInfo, LieuInfo, RendezVousInfo


def lieu(nom="Caf de Paris — centre de gestion Nationale", court="CAF Nationale",
         adresse="101 rue Nationale, 75013 Paris", verifie=False):
    return LieuInfo(id=1, cle="x", nom=nom, nom_court=court, categorie="caf", adresse=adresse,
                    arrondissement=13, horaires="", telephone="", accessibilite="", verifie=verifie,
                    source="SEED-2016", date_source="≈2016")


def rdv(l=None, debut=datetime(2026, 12, 3, 9, 45, tzinfo=PARIS), code="K7P-4QX", tel="+33612345678",
        pieces=None):
    c = CreneauInfo(id=1, debut=debut, fin=debut.replace(minute=0, hour=debut.hour + 1), lieu=l or lieu())
    return RendezVousInfo(code=code, statut="reserve", creneau=c, canal="web", langue="fr", telephone=tel,
                          pieces=pieces or [])


def test_gsm7():
    assert is_gsm7("Rendez-vous à 9h45, répondez ANNULER. Où ? Ça ira.")
    assert not is_gsm7("être") and not is_gsm7("français") and not is_gsm7("Hôpital")
    assert to_gsm7("être, hôpital, Noël, maïs, français, août, Île, œuvre — « oui »") == \
        'etre, hopital, Noel, mais, francais, aout, Ile, oeuvre - " oui "'
    assert to_gsm7("É è é à ù ì ò Ç ü ñ") == "É è é à ù ì ò Ç ü ñ"  # déjà GSM-7
    assert to_gsm7("l’accueil\u00a0: 9 h") == "l'accueil : 9 h"
    assert is_gsm7(to_gsm7("木 😀 ß ø €"))
    assert longueur_gsm7("€[]") == 6
    assert segments("a" * 160) == 1 and segments("a" * 161) == 2 and segments("a" * 306) == 2
    assert segments("ê" * 70) == 1 and segments("ê" * 71) == 2
    assert segments("€" * 80) == 1 and segments("€" * 81) == 2


@given(st.text(max_size=300))
def test_to_gsm7_toujours_gsm7(texte):
    assert is_gsm7(to_gsm7(texte))


def test_dates_en_toutes_lettres():
    assert date_heure(datetime(2026, 12, 3, 9, 45, tzinfo=PARIS)) == "jeudi 3 décembre à 9 h 45"
    assert date_heure(datetime(2026, 12, 1, 14, 0, tzinfo=PARIS)) == "mardi 1er décembre à 14 h"
    # Une date UTC est affichée à l'heure de Paris (heure d'été comprise).
    from datetime import UTC
    assert date_heure(datetime(2027, 7, 6, 7, 30, tzinfo=UTC)) == "mardi 6 juillet à 9 h 30"


NOMS_LONGS = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs", "Pd", "Po")),
    min_size=1, max_size=200,
)


@settings(max_examples=150, deadline=None)
@given(nom=NOMS_LONGS, court=NOMS_LONGS, rue=st.text(min_size=0, max_size=150),
       jour=st.integers(1, 28), mois=st.integers(1, 12), h=st.integers(8, 18), m=st.sampled_from([0, 15, 45]))
def test_tous_les_sms_tiennent_en_un_segment(nom, court, rue, jour, mois, h, m):
    adresse = f"{rue}, 75013 Paris" if rue else ""
    r = rdv(lieu(nom=nom, court=court, adresse=adresse), datetime(2027, mois, jour, h, m, tzinfo=PARIS))
    for type_sms in _MODELES_SMS:
        texte = sms(type_sms, r)
        assert tient_en_un_sms(texte), (type_sms, texte)
        assert segments(texte) == 1
        assert r.code in texte
        if type_sms != "annulation":
            assert f"ANNULER {r.code}" in texte


def test_sms_des_vrais_lieux():
    import yaml
    from rdv.planning import DONNEES

    for donnees in yaml.safe_load(open(DONNEES / "lieux.yaml", encoding="utf-8")):
        l = lieu(nom=donnees["nom"], court=donnees["nom_court"], adresse=donnees["adresse"])
        r = rdv(l, datetime(2026, 9, 30, 11, 15, tzinfo=PARIS))  # « mercredi 30 septembre » : long
        for type_sms in _MODELES_SMS:
            texte = sms(type_sms, r)
            assert tient_en_un_sms(texte)
            assert "mercredi 30 septembre" in texte and "11h15" in texte or type_sms == "rappel_matin"
            assert donnees["nom_court"].replace("è", "è") in texte or type_sms == "annulation"


def test_sms_exemple():
    texte = sms("rappel_48h", rdv())
    assert texte == ("Rappel : rendez-vous CAF le jeudi 3 décembre à 9h45, CAF Nationale, "
                     "101 rue Nationale, Paris 13e. Code K7P-4QX. Pour annuler, répondez ANNULER K7P-4QX")
    assert len(texte) <= 160


def phrases(texte):
    return [p for p in re.split(r"(?<=[.!?:])\s+|\n", texte) if p.strip()]


def test_confirmation_falc():
    texte = texte_confirmation(rdv(pieces=["Une pièce d'identité", {"libelle": "Un justificatif de domicile"}]))
    assert "jeudi 3 décembre à 9 h 45" in texte and "K7P-4QX" in texte
    assert "Une pièce d'identité" in texte and "Un justificatif de domicile" in texte
    assert "3230" in texte  # adresse non vérifiée : on dit comment la vérifier
    assert "CAF, c'est la Caisse d'allocations familiales" in texte  # sigle expliqué
    for p in phrases(texte):
        assert len(p.split()) <= 15, p
    assert " tu " not in texte
    sans_adresse = texte_confirmation(rdv(lieu(adresse="")))
    assert "pas l'adresse exacte" in sans_adresse


def test_ics_rfc5545():
    texte = fichier_ics(rdv(l=lieu(nom="Un lieu ; avec, des virgules et un nom vraiment très très long pour plier la ligne")),
                        datetime(2026, 11, 27, 12, 0, tzinfo=PARIS))
    lignes = texte.split("\r\n")
    assert lignes[0] == "BEGIN:VCALENDAR" and lignes[-2] == "END:VCALENDAR" and lignes[-1] == ""
    assert "DTSTART:20261203T084500Z" in lignes and "DTEND:20261203T090000Z" in lignes
    assert all(len(l.encode()) <= 75 for l in lignes)
    deplie = texte.replace("\r\n ", "")
    assert "Un lieu \\; avec\\, des virgules" in deplie
    assert "UID:rdv-K7P-4QX@" in deplie and "DTSTAMP:20261127T110000Z" in deplie

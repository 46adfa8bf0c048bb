"""Choisir la langue (issue 13, point 2) : paramètre ``langue`` de l'API, langue devinée au premier message et
confirmée d'un appui (le message attend, rien n'est perdu), « LANGUE » à tout moment, ``custom.langue`` sur
chaque message, la langue envoyée à Rasa dans les métadonnées ; par SMS, UCS-2 et 3 segments au plus."""
from __future__ import annotations

import pytest

from bot.passerelle import textes
from rdv.sms.gsm7 import is_gsm7 as est_gsm7, segments


from tests.passerelle.test_passerelle_sms import client_sms, reglages_sms  # noqa: E402,F401 (fixtures)


def _langues_recues(faux_rasa, avant):
    return [l for _, l in faux_rasa.langues[avant:]]


def _chat(client, sender, message, **extra):
    r = client.post("/api/v1/chat", json={"sender": sender, "message": message, **extra})
    assert r.status_code == 200, r.text
    return r.json()


def test_accueil_et_chat_dans_la_langue_demandee(client, faux_rasa):
    r = client.post("/api/v1/chat/accueil", json={"sender": "langue-1", "langue": "en"})
    assert r.status_code == 200
    messages = r.json()
    assert messages[0]["text"] == textes.texte("accueil_borne", "en") != textes.ACCUEIL_BORNE
    assert [b["title"] for b in messages[1]["buttons"]][0] == textes.texte("tous_mes_droits", "en")
    assert all(m["custom"]["langue"] == "en" for m in messages)
    avant = len(faux_rasa.langues)
    messages = _chat(client, "langue-1", "/verifier_droits")  # sans « langue » : celle de l'accueil reste
    assert all(m["custom"]["langue"] == "en" for m in messages)
    assert _langues_recues(faux_rasa, avant) == ["en"]


def test_langue_inconnue_refusee_clairement(client):
    r = client.post("/api/v1/chat", json={"sender": "langue-2", "message": "bonjour", "langue": "xx"})
    assert r.status_code == 422
    assert "langue" in r.text
    r = client.post("/api/v1/chat/accueil", json={"sender": "langue-2", "langue": "klingon"})
    assert r.status_code == 422


def test_premier_message_anglais_confirme_d_un_appui_rien_n_est_perdu(client, faux_rasa):
    avant = len(faux_rasa.recus)
    messages = _chat(client, "langue-3", "hello I have no papers and no money")
    assert len(faux_rasa.recus) == avant  # rien n'est parti à Rasa : la langue attend d'être confirmée
    assert messages[0]["text"] == textes.texte("langue_detectee", "en")
    assert [b["title"] for b in messages[0]["buttons"]] == ["English", "Français"]
    assert messages[0]["custom"]["langue"] == "en"
    messages = _chat(client, "langue-3", messages[0]["buttons"][0]["payload"])
    assert faux_rasa.recus[avant][1] == "hello I have no papers and no money"  # le premier message part
    assert faux_rasa.langues[avant][1] == "en"
    assert messages[0]["text"] == textes.texte("langue_choisie", "en")
    assert all(m["custom"]["langue"] == "en" for m in messages)


def test_premier_message_devine_mais_la_personne_garde_le_francais(client, faux_rasa):
    messages = _chat(client, "langue-4", "hello")
    francais = [b for b in messages[0]["buttons"] if b["title"] == "Français"][0]
    avant = len(faux_rasa.recus)
    messages = _chat(client, "langue-4", francais["payload"])
    assert faux_rasa.recus[avant][1] == "hello" and faux_rasa.langues[avant][1] == "fr"
    assert messages[0]["text"] == textes.texte("langue_choisie", "fr")


def test_ecriture_arabe_pas_claire_la_personne_choisit(client, faux_rasa):
    messages = _chat(client, "langue-5", "سلام")
    titres = [b["title"] for b in messages[0]["buttons"]]
    assert titres == ["Français", "English", "العربية", "دری", "پښتو", "Română"]
    avant = len(faux_rasa.recus)
    dari = messages[0]["buttons"][3]["payload"]
    messages = _chat(client, "langue-5", dari)
    assert faux_rasa.recus[avant] [1] == "سلام" and faux_rasa.langues[avant][1] == "prs"
    assert all(m["custom"]["langue"] == "prs" for m in messages)


def test_francais_d_abord_puis_plus_de_devinette(client, faux_rasa):
    _chat(client, "langue-6", "bonjour je suis sans papiers")
    messages = _chat(client, "langue-6", "hello")  # la langue est fixée au premier message : pas de question
    assert all(m["custom"]["langue"] == "fr" for m in messages)
    assert not any(m.get("text") == textes.texte("langue_detectee", "en") for m in messages)


@pytest.mark.parametrize("mot", ["LANGUE", "language", "لغة", "زبان", "ژبه", "limba"])
def test_langue_a_tout_moment(client, faux_rasa, mot):
    sender = f"langue-7-{mot}"
    _chat(client, sender, "bonjour")
    avant = len(faux_rasa.recus)
    messages = _chat(client, sender, mot)
    assert len(faux_rasa.recus) == avant  # la passerelle répond seule
    assert len(messages[0]["buttons"]) == 6
    roumain = messages[0]["buttons"][5]
    messages = _chat(client, sender, roumain["payload"])
    # conversation en cours : Rasa reçoit l'intention qui repose la question, dans la nouvelle langue
    assert faux_rasa.recus[avant] == (faux_rasa.recus[avant][0], "/changer_langue")
    assert faux_rasa.langues[avant][1] == "ro"
    assert messages[0]["text"] == textes.texte("langue_choisie", "ro")


def test_payload_de_langue_forge_sans_effet_dangereux(client, faux_rasa):
    """« /langue{…} » tapé à la main ne va jamais à Rasa ; un code inconnu est neutralisé comme tout « / »."""
    avant = len(faux_rasa.recus)
    messages = _chat(client, "langue-8", '/langue{"code":"xx"}')
    assert faux_rasa.recus[avant][1] == 'langue{"code":"xx"}'  # neutralisé : du texte ordinaire
    assert messages


def test_sms_en_arabe_ucs2_trois_segments_au_plus(client_sms, faux_rasa):
    """Premier SMS en arabe : la question « Voulez-vous que je parle en arabe ? » (numéros), en UCS-2 ; le
    chiffre « ١ » (chiffre arabe) la confirme ; chaque réponse tient en 3 segments de 67 caractères."""
    from tests.passerelle.test_passerelle_sms import corps, envoyer

    r, _ = envoyer(client_sms, "ليس لدي أوراق", de="+33612340001")
    assert r.status_code == 200
    texte = corps(r)
    assert textes.texte("langue_detectee", "ar") in texte and not est_gsm7(texte)
    assert segments(texte) <= 3
    avant = len(faux_rasa.recus)
    r, _ = envoyer(client_sms, "١", de="+33612340001")
    texte = corps(r)
    assert textes.texte("langue_choisie", "ar") in texte
    assert faux_rasa.recus[avant][1] == "ليس لدي أوراق" and faux_rasa.langues[avant][1] == "ar"
    assert segments(texte) <= 3

"""Le résultat : court d'abord, les détails à la demande (issue 15 §2).

Un seul message : pour chaque droit, une ligne (pictogramme, nom, réponse, montant) puis LA
prochaine chose à faire ; ensuite l'offre du rendez-vous des droits, avec ses boutons juste
dessous. « Pourquoi ? », « Quoi apporter ? », « Où aller ? » sont des boutons (des numéros par SMS)
qui donnent le détail (``infos.py``). Le message porte ``custom.resultats`` : le JSON complet de
``droits.evaluer``, pour les canaux (cartes de la borne) et la page des pros.

En mode aidant (forme il / elle), un dernier message donne un résumé à copier.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

import droits
from droits import registre
from bot.actions import etat, perimetre, recap
from bot.actions.textes import texte

MAX_LIEUX = 2


def montant(valeur: float) -> str:
    return f"{valeur:,.0f}".replace(",", " ")


def lieu(lieu: dict) -> list[str]:
    """Un lieu : nom et adresse, téléphone, horaires (sinon « appelez avant »)."""
    lignes = [f"- {', '.join(p for p in (lieu.get('nom'), lieu.get('adresse')) if p)}."]
    if lieu.get("telephone"):
        lignes.append(texte("telephone", telephone=lieu["telephone"]) + ".")
    if lieu.get("horaires"):
        lignes.append(texte("horaires", horaires=lieu["horaires"].rstrip(".")) + ".")
        if not lieu.get("verifie") and "indicatif" not in lieu["horaires"]:
            lignes.append(texte("horaires_indicatifs"))
    elif lieu.get("telephone"):
        lignes.append(texte("appelez_avant"))
    return lignes


def reponse_courte(resultat: dict) -> str:
    """« oui, sans doute : environ 651 € par mois » ; « non, sans doute » ; « peut-être, à vérifier »."""
    phrase = texte(f"verdict.statuts.{resultat['statut']}")
    if resultat.get("montant_min") is not None and resultat.get("montant_max") is not None \
            and round(resultat["montant_min"]) != round(resultat["montant_max"]):
        phrase += texte("verdict.montant_fourchette", min=montant(resultat["montant_min"]),
                        max=montant(resultat["montant_max"]))
    elif resultat.get("montant_mensuel"):
        phrase += texte("verdict.montant", montant=montant(resultat["montant_mensuel"]))
    return phrase


def etape(resultat: dict) -> str | None:
    """La prochaine chose à faire pour ce droit (``etape`` de droits)."""
    return resultat.get("etape") or None


def sigle(nom: str) -> str:
    d = registre.droit(nom)
    return d.sigle or d.bouton


def ligne_droit(nom: str, resultat: dict, sms: bool) -> str:
    entete = f"{sigle(nom)} : {reponse_courte(resultat)}."
    if not sms:
        entete = f"{registre.droit(nom).emoji} {entete}"
    suite = etape(resultat)
    return f"{entete}\n→ {suite}" if suite else entete


def texte_verdict(resultats: dict, montres: list[str], forme: str, sms: bool) -> str:
    tiers = forme in etat.FORMES_TIERS
    lignes = [texte("verdict_intro.tiers" if tiers else "verdict_intro.vous")]
    lignes += [ligne_droit(nom, resultats["droits"][nom], sms) for nom in montres]
    if not montres:
        lignes.append(texte("verdict.aucun"))
    return "\n".join(lignes)


def boutons_suite(demandes: list[str]) -> list[dict[str, str]]:
    """Sous le verdict : le rendez-vous (oui / non), les détails, et les autres droits s'il en reste."""
    liste = [
        {"title": texte("verdict.oui_rdv"), "payload": "/affirmer"},
        {"title": texte("verdict.pourquoi"), "payload": '/demander_documents{"detail":"pourquoi"}'},
        {"title": texte("verdict.quoi_apporter"), "payload": "/demander_documents"},
        {"title": texte("verdict.ou_aller"), "payload": "/demander_lieu"},
    ]
    if not perimetre.tous_regardes(demandes):
        liste.append({"title": texte("verdict.autres_droits"), "payload": "/verifier_droits"})
    liste.append({"title": texte("verdict.non_merci"), "payload": "/nier"})
    return liste


def offre(forme: str) -> str:
    return texte("verdict.offre_rdv.tiers" if forme in etat.FORMES_TIERS else "verdict.offre_rdv.vous")


def resume_a_copier(situation: dict, resultats: dict, montres: list[str], inconnus: list[str]) -> str:
    """Texte simple pour l'aidant : la situation (« La personne a 30 ans. »), puis une ligne par droit."""
    lignes = [texte("resume_titre")]
    lignes += [p for _, p in recap.phrases(situation, "il")]
    for nom in montres:
        lignes.append(f"{sigle(nom)} : {reponse_courte(resultats['droits'][nom])}.")
    if inconnus:
        noms = [texte(f"recap.noms.{c}") for c in inconnus if c in texte("recap.noms")]
        lignes.append(texte("resume_inconnus", champs=", ".join(noms)))
    return "\n".join(lignes)


def donner(
    dispatcher: CollectingDispatcher,
    situation: dict,
    demandes: list[str],
    inconnus: list[str],
    forme: str,
    prerequis: list[str] | None = None,
    canal: str = "conversation",
) -> list[EventType]:
    resultats = droits.evaluer(situation, forme=forme)
    montres = perimetre.a_montrer(demandes, prerequis or [], resultats)
    sms = canal == "sms"
    corps = texte_verdict(resultats, montres, forme, sms)
    dispatcher.utter_message(
        text=f"{corps}\n{offre(forme)}",
        buttons=boutons_suite(demandes),
        json_message={"resultats": resultats, "verdict": {"droits": montres, "offre": offre(forme)}},
    )
    if forme in etat.FORMES_TIERS:
        dispatcher.utter_message(text=resume_a_copier(situation, resultats, montres, inconnus))
    return [
        SlotSet("question_en_cours", None),
        SlotSet("echecs", 0.0),
        SlotSet("verdict_donne", True),
        SlotSet("attente", "rdv"),
    ]

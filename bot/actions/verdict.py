"""Le résultat : court d'abord, les détails à la demande (issue 15 §2).

Un seul message : pour chaque droit, une ligne (pictogramme, nom, réponse, montant) puis LA
prochaine chose à faire ; ensuite l'offre du rendez-vous des droits, avec ses boutons juste
dessous. « Pourquoi ? », « Quoi apporter ? », « Où aller ? » sont des boutons (des numéros par SMS)
qui donnent le détail (``infos.py``). Le message porte ``custom.resultats`` : le JSON complet de
``droits.evaluer``, pour les canaux (cartes de la borne) et la page des pros.

En mode aidant (forme il / elle), un dernier message donne un résumé à copier.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

import droits
from droits import registre
from droits.textes import format_nombre, glossaire
from bot.actions import etat, perimetre, recap
from bot.actions.langue import courante
from bot.actions.textes import deux_points, texte

MAX_LIEUX = 2


def montant(valeur: float) -> str:
    """Comme les textes de droits (« environ 651 € » pour 651,69 €, et « moins de 651 € ») : l'euro du dessous."""
    return format_nombre(float(valeur))


def lieu(lieu: dict) -> list[str]:
    """Un lieu : nom et adresse, téléphone, horaires (sinon « appelez avant »). Un service par
    téléphone (« Assurance Maladie : le 3646 ») tient en une ligne."""
    if lieu.get("acces") == "telephone" or not lieu.get("adresse"):
        nom = lieu.get("nom") or ""
        numero = lieu.get("telephone")
        return [f"- {nom}." if not numero or numero in nom else f"- {nom}{deux_points()}{numero}."]
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


def reponse_courte(resultat: dict, sms: bool = False) -> str:
    """« oui, sans doute : environ 651 € par mois » ; « non, sans doute » ; « peut-être, à vérifier ».
    Par SMS : « oui », « non », « à vérifier » (le « sans doute » est dit une fois, en tête)."""
    phrase = texte(f"verdict.{'statuts_sms' if sms else 'statuts'}.{resultat['statut']}")
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
    d = registre.droit(nom, courante())
    return d.sigle or d.bouton


def ligne_droit(nom: str, resultat: dict, sms: bool, avec_etape: bool = True) -> str:
    """« 🩺 Soins (AME) : oui, sans doute. » (le nom du droit en mots simples, son sigle entre
    parenthèses), puis la prochaine étape. Par SMS (GSM-7) : sans pictogramme ; l'étape si elle tient
    (voir ``texte_verdict``)."""
    if sms:
        entete = f"{registre.droit(nom, courante()).bouton}{deux_points()}{reponse_courte(resultat, sms=True)}."
        suite = etape(resultat) if avec_etape else None
        return f"{entete} {suite}" if suite else entete
    droit = registre.droit(nom, courante())
    entete = f"{droit.emoji} {droit.bouton}{deux_points()}{reponse_courte(resultat)}."
    suite = etape(resultat) if avec_etape else None
    return f"{entete}\n→ {suite}" if suite else entete


def une_explication_par_sigle(texte_message: str) -> str:
    """Les textes de droits expliquent chaque sigle à sa première apparition dans LEUR message (résumé,
    étape, raisons…). Un message du bot en prend des morceaux : on retire ces explications, puis on
    explique chaque sigle à sa première apparition dans CE message (« CPAM (assurance maladie) »)."""
    for sigle_, sens in glossaire(courante()).items():
        texte_message = texte_message.replace(f"{sigle_} ({sens})", sigle_)
        premier = re.search(rf"(?<![\w(]){re.escape(sigle_)}(?![\w)])|\({re.escape(sigle_)}\)", texte_message)
        if premier and not premier.group().startswith("("):  # « Soins (AME) » : déjà dit en mots simples
            texte_message = f"{texte_message[:premier.end()]} ({sens}){texte_message[premier.end():]}"
    return texte_message


# Un SMS en fait au plus 3 (459 signes GSM-7) ; la passerelle ajoute les choix numérotés (« Repondez par
# un numero : 1 Un rendez-vous, … ») : on leur garde cette place.
SEGMENTS_SMS = 3
PLACE_DES_CHOIX_SMS = 100


def _etapes_qui_tiennent(resultats: dict, montres: list[str], lignes_fixes: list[str]) -> set[str]:
    """Par SMS : les étapes gardées pour tenir en 3 SMS, d'abord celles des droits probables, puis
    des « à vérifier », puis des « non » ; le détail reste à un numéro (« Où aller ? »)."""
    from rdv.sms.gsm7 import segments, to_gsm7

    ordre = {"eligible": 0, "a_verifier": 1, "non_eligible": 2}
    candidats = sorted((n for n in montres if etape(resultats["droits"][n])),
                       key=lambda n: (ordre[resultats["droits"][n]["statut"]], montres.index(n)))
    gardees: set[str] = set()
    for nom in candidats:
        essai = gardees | {nom}
        lignes = [lignes_fixes[0], *(ligne_droit(n, resultats["droits"][n], True, n in essai) for n in montres),
                  *lignes_fixes[1:], "x" * PLACE_DES_CHOIX_SMS]
        if segments(to_gsm7("\n".join(lignes))) <= SEGMENTS_SMS:
            gardees = essai
    return gardees


def texte_verdict(resultats: dict, montres: list[str], forme: str, sms: bool) -> str:
    tiers = forme in etat.FORMES_TIERS
    intro = texte("verdict_intro.sms" if sms else "verdict_intro.tiers" if tiers else "verdict_intro.vous")
    if sms:
        gardees = _etapes_qui_tiennent(resultats, montres, [intro, offre(forme, True)])
        lignes = [intro, *(ligne_droit(n, resultats["droits"][n], True, n in gardees) for n in montres)]
    else:
        # l'étape d'un « non » (« pour d'autres aides… ») reste dans le détail : le verdict court dit quoi faire
        # sauf celle qui dit où se soigner maintenant (`etape_utile` : la PASS avant l'AME)
        lignes = [intro, *(ligne_droit(n, resultats["droits"][n], False,
                                       resultats["droits"][n]["statut"] != "non_eligible"
                                       or bool(resultats["droits"][n].get("etape_utile"))) for n in montres)]
    if not montres:
        lignes.append(texte("verdict.aucun"))
    return une_explication_par_sigle("\n".join(lignes))


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


def boutons_details() -> list[dict[str, str]]:
    """Après « Non merci » : les détails restent à un toucher (la conversation n'est pas dans une impasse)."""
    return [b for b in boutons_suite(list(registre.IDS)) if b["payload"] not in ("/affirmer", "/nier")]


def offre(forme: str, sms: bool = False) -> str:
    if sms:
        return texte("verdict.offre_rdv.sms")
    return texte("verdict.offre_rdv.tiers" if forme in etat.FORMES_TIERS else "verdict.offre_rdv.vous")


def resume_a_copier(situation: dict, resultats: dict, montres: list[str], inconnus: list[str]) -> str:
    """Texte simple pour l'aidant : la situation (« La personne a 30 ans. »), puis une ligne par droit."""
    lignes = [texte("resume_titre")]
    lignes += [p for _, p in recap.phrases(situation, "il")]
    for nom in montres:
        lignes.append(f"{sigle(nom)}{deux_points()}{reponse_courte(resultats['droits'][nom])}.")
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
    resultats = droits.evaluer(situation, forme=forme, langue=courante())
    montres = perimetre.a_montrer(demandes, prerequis or [], resultats)
    sms = canal == "sms"
    corps = texte_verdict(resultats, montres, forme, sms)
    dispatcher.utter_message(
        text=f"{corps}\n{offre(forme, sms)}",
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

"""Pages HTML : la borne (``GET /``) et la page des travailleurs sociaux (``GET /pro``)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

import langues
from langues import catalogues
from droits import registre

ICI = Path(__file__).resolve().parent
RACINE = ICI.parent.parent
gabarits = Jinja2Templates(directory=str(ICI / "templates"))

# Libellés clairs du vocabulaire de la situation (droits/schema/situation.json).
# Un champ nouveau du schéma s'affiche quand même, avec sa description.
LIBELLES = {
    "age": ("Âge", "En années."),
    "nationalite": ("Nationalité", None),
    "titre_sejour": ("Titre de séjour", "Seulement pour une personne hors Union européenne."),
    "annees_titre_sejour": ("Années avec un titre qui autorise à travailler", None),
    "mois_en_france": ("Mois de présence sans interruption en France", "Par exemple : 2 ans = 24 mois."),
    "en_couple": ("Vit en couple", None),
    "enfants": ("Enfants à charge qui vivent avec la personne", None),
    "enceinte": ("Enceinte", None),
    "etudiant": ("Étudiant, élève ou stagiaire", None),
    "heures_travail_3_ans": ("Heures travaillées ces 3 dernières années", "Pour le RSA des moins de 25 ans."),
    "ressources_mensuelles": ("Argent du foyer par mois, en euros",
                              "Moyenne des 3 derniers mois, sans l'aide au logement."),
    "ressources_annuelles": ("Argent du foyer sur 12 mois, en euros",
                             "Pour l'AME. Vide : 12 fois l'argent par mois, en estimation."),
    "logement": ("Où dort la personne", None),
    "aide_logement": ("Aide au logement par mois (APL ou ALS), en euros", None),
    "vit_a_paris": ("Vit ou dort à Paris", None),
    "adresse_courrier": ("Reçoit son courrier en sécurité à une adresse stable", None),
    "domiciliation": ("A déjà une domiciliation valide", "Une adresse pour le courrier, dans un organisme agréé."),
    "lien_paris": ("A un lien avec Paris", "Dort, travaille, suivi social, famille ou enfant à l'école à Paris."),
    "difficultes_logement": ("Difficultés de logement", "Pour le FSL, le fonds de solidarité pour le logement."),
}

VALEURS = {
    "nationalite": {"francaise": "Française", "ue": "Union européenne, EEE ou Suisse",
                    "hors_ue": "Hors Union européenne"},
    "titre_sejour": {"aucun": "Aucun titre de séjour", "demande_asile": "Demande d'asile en cours",
                     "recepisse": "Récépissé", "titre_travail": "Titre qui autorise à travailler",
                     "carte_resident": "Carte de résident",
                     "protection_internationale": "Réfugié ou protection subsidiaire"},
    "logement": {"rue": "À la rue", "centre_hebergement": "Centre d'hébergement, 115 ou hôtel social",
                 "heberge_gratuitement": "Hébergé gratuitement (famille, amis)", "locataire": "Locataire",
                 "proprietaire": "Propriétaire"},
    "difficultes_logement": {"impayes_loyer": "Loyers impayés", "factures_energie": "Factures d'énergie impayées",
                             "factures_eau": "Factures d'eau impayées",
                             "entree_logement": "Entrée dans un logement (dépôt de garantie, 1er loyer)"},
}

# Valeurs par défaut : « ne sait pas » partout, sauf Paris (la page sert aux équipes parisiennes).
DEFAUTS = {"vit_a_paris": True}

GROUPES = [
    ("La personne", ["age", "nationalite", "titre_sejour", "annees_titre_sejour", "mois_en_france", "etudiant",
                     "heures_travail_3_ans"]),
    ("Le foyer", ["en_couple", "enfants", "enceinte"]),
    ("L'argent", ["ressources_mensuelles", "ressources_annuelles", "aide_logement"]),
    ("Le logement et Paris", ["logement", "vit_a_paris", "lien_paris", "adresse_courrier", "domiciliation",
                              "difficultes_logement"]),
]


@lru_cache(maxsize=1)
def schema_situation() -> dict:
    chemin = RACINE / "droits" / "schema" / "situation.json"
    try:
        return json.loads(chemin.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"properties": {}}


def _type(prop: dict) -> str:
    if "enum" in prop:
        return "choix"
    types = prop.get("type")
    types = [types] if isinstance(types, str) else list(types or [])
    if "array" in types:
        return "liste"
    if "boolean" in types:
        return "booleen"
    if "integer" in types:
        return "entier"
    if "number" in types:
        return "nombre"
    return "texte"


def champs_formulaire() -> list[dict]:
    """Les groupes de champs de la page pro, construits depuis le schéma de la situation."""
    proprietes = schema_situation().get("properties", {})
    vus: set[str] = set()
    groupes = []
    for titre, noms in GROUPES + [("Autres informations", [n for n in proprietes if all(
            n not in g for _, g in GROUPES)])]:
        champs = []
        for nom in noms:
            prop = proprietes.get(nom)
            if prop is None or nom in vus or _type(prop) == "texte":
                continue  # « fourchettes » (un objet) n'est pas une case du formulaire
            vus.add(nom)
            libelle, aide = LIBELLES.get(nom, (nom.replace("_", " ").capitalize(), prop.get("description")))
            type_ = _type(prop)
            options = []
            if type_ == "choix":
                options = [(v, VALEURS.get(nom, {}).get(v, str(v))) for v in prop["enum"] if v is not None]
            elif type_ == "liste":
                items = prop.get("items", {}).get("enum", [])
                options = [(v, VALEURS.get(nom, {}).get(v, str(v))) for v in items]
            champs.append({
                "nom": nom, "libelle": libelle, "aide": aide, "type": type_, "options": options,
                "min": prop.get("minimum"), "max": prop.get("maximum"),
                "pas": "1" if type_ == "entier" else "any", "defaut": DEFAUTS.get(nom),
            })
        if champs:
            groupes.append({"titre": titre, "champs": champs})
    return groupes


def duree_en_mots(secondes: float, langue: str = "fr") -> str:
    secondes = int(round(secondes))
    t = catalogues.arbre("pages", langue)["borne"]
    if secondes >= 60 and secondes % 60 == 0:
        minutes = secondes // 60
        return t["duree_minute"] if minutes == 1 else t["duree_minutes"].format(n=minutes)
    return t["duree_secondes"].format(n=secondes)


def textes_borne(inactivite: float) -> dict[str, dict]:
    """Les textes de l'écran de la borne dans chaque langue (catalogue ``pages``), la durée d'inactivité dite."""
    sortie = {}
    for code in langues.CODES:
        t = dict(catalogues.arbre("pages", code)["borne"])
        t["inactivite"] = t["inactivite"].format(duree=duree_en_mots(inactivite, code))
        sortie[code] = t
    return sortie


def textes_resultats() -> dict[str, dict]:
    """Les titres des cartes de résultat de /pro dans chaque langue (catalogues actions et pages)."""
    sortie = {}
    for code in langues.CODES:
        actions = catalogues.arbre("actions", code)
        borne = catalogues.arbre("pages", code)["borne"]
        sortie[code] = {"pourquoi": actions["pourquoi"].rstrip(" :："), "a_apporter": actions["a_apporter"].rstrip(" :"),
                        "ou_aller": actions["ou_aller"].rstrip(" :"), "statuts": borne["statuts"],
                        "vos_resultats": borne["vos_resultats"]}
    return sortie


def langues_json() -> list[dict]:
    """Les langues pour l'écran de choix : code, nom dans la langue, sens d'écriture, voix (lecture à voix haute)."""
    return [{"code": l.code, "nom": l.nom, "sens": l.sens, "bcp47": l.langue_bcp47, "voix": l.voix}
            for l in langues.LANGUES]


def routeur() -> APIRouter:
    r = APIRouter(include_in_schema=False)

    @r.get("/", response_class=HTMLResponse)
    async def borne(request: Request):
        services = request.app.state.passerelle
        reglages = services.reglages
        telegram = bool(reglages.telegram_actif and (getattr(services.telegram, "nom", "") or reglages.telegram_bot_nom))
        return gabarits.TemplateResponse(request, "kiosque.html", {
            "inactivite": reglages.kiosque_inactivite,
            "inactivite_texte": duree_en_mots(reglages.kiosque_inactivite),
            "reprise_possible": telegram or bool(reglages.sms_numero),
            "droits": registre.en_json(),
            # issue 13 : l'écran change de langue sans se recharger (textes et registre de chaque langue)
            "textes_borne": textes_borne(reglages.kiosque_inactivite),
            "droits_langues": {code: registre.en_json(code) for code in langues.CODES},
            "langues": langues_json(),
        })

    @r.get("/pro", response_class=HTMLResponse)
    async def pro(request: Request):
        services = request.app.state.passerelle
        return gabarits.TemplateResponse(request, "pro.html", {
            "groupes": champs_formulaire(),
            "rdv": services.rdv_monte,
            "droits": registre.en_json(),
            # issue 13 : les résultats peuvent s'écrire dans la langue de la personne (de droite à gauche en
            # arabe, dari, pachto), pour les lui remettre imprimés
            "droits_langues": {code: registre.en_json(code) for code in langues.CODES},
            "textes_resultats": textes_resultats(),
            "langues": [{**l, "nom_fr": langues.PAR_CODE[l["code"]].nom_fr} for l in langues_json()],
        })

    return r


def routeur_api() -> APIRouter:
    """``GET /api/v1/droits`` : le registre des droits (id, sigle, noms, intention, pictogramme, ordre)."""
    r = APIRouter()

    @r.get("/api/v1/droits", tags=["droits"], summary="Les droits que l'assistant regarde, dans l'ordre")
    async def liste_des_droits() -> list[dict]:
        return registre.en_json()

    return r

"""Calcule le RSA de foyers avec OpenFisca-France. Lancé dans .venv-openfisca (voir requirements/openfisca.lock).

Entrée (stdin) : liste JSON de foyers {"date": "AAAA-MM-JJ", "en_couple", "enfants", "enceinte",
"ressources_mensuelles", "logement", "aide_logement", et pour l'issue 12 : "conjoint_nationalite",
"conjoint_titre_sejour", "age_plus_jeune_enfant", "mois_depuis_separation"}. Sortie (stdout) :
{"resultats": [{"rsa", "forfait_logement"}], "secondes_chargement", "secondes_par_foyer"}. Les ressources sont des
salaires nets identiques sur le mois et les 3 mois précédents (base trimestrielle du RSA) ; les enfants ont 8 ans,
sauf le plus jeune quand `age_plus_jeune_enfant` est donné.

Traduction des faits de l'issue 12 dans OpenFisca :
- conjoint qui ne remplit pas les conditions de séjour (conjoint_titre_sejour « aucun ») : OpenFisca ne connaît pas
  L262-5 (sa condition de nationalité vaut si l'un des parents la remplit) ; on lui donne le foyer du RSA tel que
  la loi le compose : le demandeur seul dans la famille, avec toutes les ressources du ménage ;
- mois_depuis_separation < 18 : `rsa_isolement_recent` (« isolement depuis moins de 18 mois ») ;
- hébergé en payant une part : `loge_gratuitement` et `participation_frais` (pas de forfait logement).
"""
import json
import sys
import time

# Foyers de référence du recoupement (test et banc d'essai) : 2025 et 2026, seuls, couples, enfants,
# forfait logement plein, aide au logement, RSA majoré, bord des 6 €.
FOYERS = [
    {"date": "2026-06-01", "en_couple": False, "enfants": 0, "ressources_mensuelles": 0, "logement": "rue"},
    {"date": "2026-06-01", "en_couple": False, "enfants": 0, "ressources_mensuelles": 0, "logement": "heberge_gratuitement"},
    {"date": "2025-06-01", "en_couple": False, "enfants": 0, "ressources_mensuelles": 250, "logement": "proprietaire"},
    {"date": "2026-04-01", "en_couple": True, "enfants": 0, "ressources_mensuelles": 400, "logement": "locataire", "aide_logement": 80},
    {"date": "2026-03-31", "en_couple": True, "enfants": 0, "ressources_mensuelles": 400, "logement": "locataire", "aide_logement": 300},
    {"date": "2026-06-01", "en_couple": True, "enfants": 1, "ressources_mensuelles": 0, "logement": "heberge_gratuitement"},
    {"date": "2026-06-01", "en_couple": True, "enfants": 2, "ressources_mensuelles": 600, "logement": "locataire", "aide_logement": 250},
    {"date": "2026-06-01", "en_couple": True, "enfants": 3, "ressources_mensuelles": 300, "logement": "locataire", "aide_logement": 100},
    {"date": "2025-12-01", "en_couple": True, "enfants": 5, "ressources_mensuelles": 1000, "logement": "rue"},
    {"date": "2025-06-01", "en_couple": False, "enfants": 1, "ressources_mensuelles": 0, "logement": "rue"},
    {"date": "2025-06-01", "en_couple": False, "enfants": 2, "ressources_mensuelles": 200, "logement": "heberge_gratuitement"},
    {"date": "2026-06-01", "en_couple": False, "enfants": 3, "ressources_mensuelles": 0, "logement": "locataire", "aide_logement": 0},
    {"date": "2026-06-01", "en_couple": False, "enfants": 0, "enceinte": True, "ressources_mensuelles": 0, "logement": "rue"},
    {"date": "2026-06-01", "en_couple": False, "enfants": 0, "ressources_mensuelles": 640, "logement": "rue"},
    {"date": "2026-06-01", "en_couple": False, "enfants": 0, "ressources_mensuelles": 900, "logement": "rue"},
    {"date": "2026-06-01", "en_couple": False, "enfants": 0, "enceinte": False, "ressources_mensuelles": 647, "logement": "rue"},
    {"date": "2026-06-01", "en_couple": False, "enfants": 0, "ressources_mensuelles": 100, "logement": "centre_hebergement"},
    # issue 12 : conjoint sans titre de séjour (L262-5), parent isolé avant et après la fin de la majoration (R262-2),
    # hébergé en payant une part (R262-9)
    {"date": "2026-06-01", "en_couple": True, "conjoint_nationalite": "hors_ue", "conjoint_titre_sejour": "aucun",
     "enfants": 0, "ressources_mensuelles": 0, "logement": "heberge_gratuitement"},
    {"date": "2026-06-01", "en_couple": True, "conjoint_nationalite": "hors_ue", "conjoint_titre_sejour": "aucun",
     "enfants": 2, "ressources_mensuelles": 350, "logement": "locataire", "aide_logement": 120},
    {"date": "2025-06-01", "en_couple": True, "conjoint_nationalite": "hors_ue", "conjoint_titre_sejour": "aucun",
     "enfants": 1, "ressources_mensuelles": 200, "logement": "rue"},
    {"date": "2026-06-01", "en_couple": False, "enfants": 1, "age_plus_jeune_enfant": 2, "ressources_mensuelles": 0, "logement": "rue"},
    {"date": "2026-06-01", "en_couple": False, "enfants": 2, "age_plus_jeune_enfant": 1, "ressources_mensuelles": 400,
     "logement": "heberge_gratuitement"},
    {"date": "2026-06-01", "en_couple": False, "enfants": 1, "age_plus_jeune_enfant": 8, "mois_depuis_separation": 5,
     "ressources_mensuelles": 0, "logement": "rue"},
    {"date": "2025-06-01", "en_couple": False, "enfants": 3, "age_plus_jeune_enfant": 6, "mois_depuis_separation": 10,
     "ressources_mensuelles": 300, "logement": "locataire", "aide_logement": 90},
    {"date": "2026-06-01", "en_couple": False, "enfants": 1, "age_plus_jeune_enfant": 8, "mois_depuis_separation": 30,
     "ressources_mensuelles": 0, "logement": "rue"},
    {"date": "2026-06-01", "en_couple": False, "enfants": 2, "age_plus_jeune_enfant": 4, "mois_depuis_separation": 24,
     "ressources_mensuelles": 500, "logement": "heberge_gratuitement"},
    {"date": "2026-06-01", "en_couple": False, "enfants": 0, "ressources_mensuelles": 0, "logement": "heberge_avec_participation"},
    {"date": "2026-06-01", "en_couple": True, "enfants": 1, "ressources_mensuelles": 300, "logement": "heberge_avec_participation"},
]


STATUTS = {"rue": "sans_domicile", "centre_hebergement": "sans_domicile", "heberge_gratuitement": "loge_gratuitement",
           "heberge_avec_participation": "loge_gratuitement", "locataire": "locataire_vide", "proprietaire": "proprietaire"}
DUREE_ISOLEMENT_RECENT = 18  # mois : `rsa_isolement_recent` d'OpenFisca, « isolement depuis moins de 18 mois »


PRESTATIONS_FAMILIALES_NEUTRALISEES = ("af", "cf", "asf", "rsa_forfait_asf", "paje_base")


def mois_precedents(mois: str, n: int = 3) -> list[str]:
    annee, m = map(int, mois.split("-"))
    sortie = []
    for k in range(1, n + 1):
        mm, aa = m - k, annee
        while mm <= 0:
            mm, aa = mm + 12, aa - 1
        sortie.append(f"{aa}-{mm:02d}")
    return sortie


def situation_openfisca(foyer: dict) -> tuple[dict, str]:
    mois = foyer["date"][:7]
    annee = int(mois[:4])
    # L262-5 : un conjoint sans titre de séjour ne fait pas partie du foyer du RSA (ses ressources restent comptées)
    conjoint_compte = foyer.get("en_couple") and foyer.get("conjoint_titre_sejour") != "aucun"
    parents = ["demandeur"] + (["conjoint"] if conjoint_compte else [])
    enfants = [f"enfant{i}" for i in range(foyer.get("enfants", 0))]
    par_parent = foyer.get("ressources_mensuelles", 0) / len(parents)
    individus = {p: {"date_naissance": {"ETERNITY": f"{annee - 40}-01-01"},
                     "salaire_net": {m: par_parent for m in [mois, *mois_precedents(mois)]}} for p in parents}
    if foyer.get("enceinte"):
        individus["demandeur"]["enceinte"] = {mois: True}
    for i, e in enumerate(enfants):
        age = foyer["age_plus_jeune_enfant"] if i == 0 and "age_plus_jeune_enfant" in foyer else 8
        individus[e] = {"date_naissance": {"ETERNITY": f"{annee - age}-{mois[5:7]}-01" if age < 8 else f"{annee - age}-01-01"}}
    # Les prestations familiales comptent dans les ressources du RSA ; ici elles sont déjà dans
    # ressources_mensuelles (vocabulaire de la situation) : on les neutralise dans OpenFisca.
    famille = {"parents": parents, "enfants": enfants, "aide_logement": {mois: foyer.get("aide_logement", 0) or 0}}
    if "mois_depuis_separation" in foyer:
        famille["rsa_isolement_recent"] = {mois: foyer["mois_depuis_separation"] < DUREE_ISOLEMENT_RECENT}
    for variable in PRESTATIONS_FAMILIALES_NEUTRALISEES:
        famille[variable] = {m: 0 for m in [mois, *mois_precedents(mois)]}
    return {
        "individus": individus,
        "familles": {"f": famille},
        "foyers_fiscaux": {"ff": {"declarants": parents, "personnes_a_charge": enfants}},
        "menages": {"m": {"personne_de_reference": ["demandeur"], "conjoint": parents[1:], "enfants": enfants,
                          "statut_occupation_logement": {mois: STATUTS[foyer["logement"]]},
                          "participation_frais": {mois: foyer["logement"] == "heberge_avec_participation"}}},
    }, mois


def main() -> None:
    foyers = json.load(sys.stdin)
    debut = time.perf_counter()
    from openfisca_core.simulation_builder import SimulationBuilder
    from openfisca_france import FranceTaxBenefitSystem

    systeme = FranceTaxBenefitSystem()
    # échauffement : charge les paramètres paresseux une fois
    sit, mois = situation_openfisca(foyers[0])
    SimulationBuilder().build_from_entities(systeme, sit).calculate("rsa", mois)
    chargement = time.perf_counter() - debut
    resultats = []
    debut = time.perf_counter()
    for foyer in foyers:
        sit, mois = situation_openfisca(foyer)
        sim = SimulationBuilder().build_from_entities(systeme, sit)
        resultats.append({"rsa": float(sim.calculate("rsa", mois)[0]),
                          "forfait_logement": float(sim.calculate("rsa_forfait_logement", mois)[0])})
    duree = time.perf_counter() - debut
    json.dump({"resultats": resultats, "secondes_chargement": chargement, "secondes_par_foyer": duree / len(foyers)}, sys.stdout)


if __name__ == "__main__":
    main()

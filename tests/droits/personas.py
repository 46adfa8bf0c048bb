"""Personnes fictives (situations complètes cachées) pour simuler un dialogue et compter les questions."""

PERSONAS = {
    "homme français à la rue": {
        "age": 45, "nationalite": "francaise", "en_couple": False, "enfants": 0, "enceinte": False, "etudiant": False,
        "ressources_mensuelles": 0, "logement": "rue", "vit_a_paris": True, "adresse_courrier": False,
        "domiciliation": False, "lien_paris": True, "difficultes_logement": ["entree_logement"], "mois_en_france": 540},
    "homme sans papiers à la rue": {
        "age": 30, "nationalite": "hors_ue", "titre_sejour": "aucun", "mois_en_france": 24, "mois_sans_titre": 20,
        "en_couple": False,
        "enfants": 0, "enceinte": False, "etudiant": False, "ressources_mensuelles": 0, "ressources_annuelles": 0,
        "logement": "rue", "vit_a_paris": True, "adresse_courrier": False, "domiciliation": False, "lien_paris": True},
    "femme sans papiers arrivée il y a 1 mois": {
        "age": 28, "nationalite": "hors_ue", "titre_sejour": "aucun", "mois_en_france": 1, "mois_sans_titre": 1,
        "en_couple": False,
        "enfants": 0, "enceinte": False, "etudiant": False, "ressources_mensuelles": 0, "logement": "centre_hebergement",
        "vit_a_paris": True, "adresse_courrier": False, "domiciliation": False, "lien_paris": True},
    "demandeur d'asile hébergé": {
        "age": 25, "nationalite": "hors_ue", "titre_sejour": "demande_asile", "mois_en_france": 3, "en_couple": False,
        "enfants": 0, "enceinte": False, "etudiant": False, "ressources_mensuelles": 200, "logement": "heberge_gratuitement",
        "vit_a_paris": True, "adresse_courrier": False, "domiciliation": False, "lien_paris": True, "difficultes_logement": []},
    "mère seule locataire avec des impayés": {
        "age": 35, "nationalite": "francaise", "en_couple": False, "enfants": 2, "age_plus_jeune_enfant": 6,
        "mois_depuis_separation": 40, "enceinte": False, "etudiant": False, "ressources_mensuelles": 900, "logement": "locataire", "aide_logement": 300, "vit_a_paris": True,
        "adresse_courrier": True, "domiciliation": False, "lien_paris": True, "difficultes_logement": ["impayes_loyer"]},
    "européen à la rue depuis 6 mois": {
        "age": 40, "nationalite": "ue", "mois_en_france": 6, "travail_declare": False, "en_couple": False, "enfants": 0,
        "enceinte": False,
        "etudiant": False, "ressources_mensuelles": 0, "logement": "rue", "vit_a_paris": True, "adresse_courrier": False,
        "domiciliation": False, "lien_paris": True},
    "jeune de 21 ans à la rue": {
        "age": 21, "nationalite": "francaise", "en_couple": False, "enfants": 0, "enceinte": False, "etudiant": False,
        "heures_travail_3_ans": 1000, "ressources_mensuelles": 0, "logement": "rue", "vit_a_paris": True,
        "adresse_courrier": False, "domiciliation": False, "lien_paris": True},
    "famille réfugiée en centre": {
        "age": 32, "nationalite": "hors_ue", "titre_sejour": "protection_internationale", "annees_titre_sejour": 1,
        "mois_en_france": 30, "en_couple": True, "conjoint_age": 35, "conjoint_nationalite": "hors_ue",
        "conjoint_titre_sejour": "protection_internationale", "conjoint_etudiant": False, "enfants": 1,
        "age_plus_jeune_enfant": 4, "etudiant": False, "ressources_mensuelles": 200,
        "logement": "centre_hebergement", "vit_a_paris": True, "adresse_courrier": True, "domiciliation": True,
        "lien_paris": True},
    "salarié étranger locataire": {
        "age": 38, "nationalite": "hors_ue", "titre_sejour": "titre_travail", "annees_titre_sejour": 3,
        "mois_en_france": 48, "en_couple": True, "conjoint_age": 36, "conjoint_nationalite": "hors_ue",
        "conjoint_titre_sejour": "titre_travail", "conjoint_annees_titre_sejour": 3, "conjoint_etudiant": False,
        "enfants": 0, "enceinte": False, "etudiant": False, "ressources_mensuelles": 1500, "travail_declare": True,
        "logement": "locataire", "aide_logement": 200, "vit_a_paris": True, "adresse_courrier": True,
        "domiciliation": False, "lien_paris": True, "difficultes_logement": ["factures_energie"]},
    "propriétaire de 60 ans sans difficulté": {
        "age": 60, "nationalite": "francaise", "en_couple": False, "enfants": 0, "enceinte": False, "etudiant": False,
        "ressources_mensuelles": 1200, "logement": "proprietaire", "vit_a_paris": True, "adresse_courrier": True,
        "domiciliation": False, "lien_paris": True, "difficultes_logement": []},
    "mineur étranger isolé": {
        "age": 16, "nationalite": "hors_ue", "titre_sejour": "aucun", "mois_en_france": 2, "mois_sans_titre": 2,
        "en_couple": False,
        "enfants": 0, "enceinte": False, "etudiant": False, "ressources_mensuelles": 0, "logement": "rue",
        "vit_a_paris": True, "adresse_courrier": False, "domiciliation": False, "lien_paris": True},
    "étudiante locataire": {
        "age": 23, "nationalite": "francaise", "en_couple": False, "enfants": 0, "enceinte": False, "etudiant": True,
        "ressources_mensuelles": 400, "logement": "locataire", "aide_logement": 150, "vit_a_paris": True,
        "adresse_courrier": True, "domiciliation": False, "lien_paris": True, "difficultes_logement": []},
    "homme déjà domicilié à la rue": {
        "age": 50, "nationalite": "francaise", "en_couple": False, "enfants": 0, "enceinte": False, "etudiant": False,
        "ressources_mensuelles": 0, "logement": "rue", "vit_a_paris": True, "adresse_courrier": True,
        "domiciliation": True, "lien_paris": True},
    "femme hébergée chez une amie, hors Paris": {
        "age": 42, "nationalite": "francaise", "en_couple": False, "enfants": 0, "enceinte": False, "etudiant": False,
        "ressources_mensuelles": 300, "logement": "heberge_gratuitement", "vit_a_paris": False,
        "adresse_courrier": True, "domiciliation": False, "lien_paris": False, "difficultes_logement": ["entree_logement"]},
}


def simuler(cachee: dict, date: str, droits=None) -> tuple[dict, list[str]]:
    """Répond aux questions depuis la situation cachée ; « je ne sais pas » si le fait n'y est pas."""
    from droits import DROITS, prochaine_question

    connue, ignorer, posees = {}, [], []
    while True:
        q = prochaine_question(connue, droits=droits or DROITS, ignorer=ignorer, date=date)
        if q is None:
            return connue, posees
        champ = q["champ"]
        assert champ not in posees, f"{champ} demandé deux fois"
        posees.append(champ)
        if champ in cachee:
            connue[champ] = cachee[champ]
        else:
            ignorer.append(champ)
        assert len(posees) <= 19

"""Personas des conversations de bout en bout (et du banc d'essai bench/bench_conversation.py).

Chaque persona dit son premier message, puis répond à chaque question posée
(``custom.question``) avec le texte prévu pour ce champ, comme une vraie personne l'écrirait.
``attendus`` : le statut de chaque droit demandé dans ``custom.resultats``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

TOUS = ("ame", "rsa", "fsl", "domiciliation")


@dataclass(frozen=True)
class Persona:
    nom: str
    premier: str
    reponses: dict[str, str]
    attendus: dict[str, str]
    intention: str = "informer"  # intention attendue du premier message (simulation sans NLU)
    forme: str = "vous"
    droits: tuple[str, ...] = TOUS
    interruptions: dict[int, str] = field(default_factory=dict)  # n° de question -> message annexe


PERSONAS = [
    Persona(
        nom="sans_papiers_sms",
        intention="saluer",
        premier="bjr jsui san papié",
        reponses={
            "mois_en_france": "ca fait 2 ans",
            "ressources_mensuelles": "rien",
            "ressources_annuelles": "rien du tout",
            "age": "34 ans",
            "logement": "chez un pote",
            "vit_a_paris": "oui",
            "adresse_courrier": "non",
            "domiciliation": "non",
            "lien_paris": "oui",
            "en_couple": "non",
            "enfants": "aucun",
            "difficultes_logement": "non aucune",
        },
        attendus={"ame": "eligible", "rsa": "non_eligible", "fsl": "non_eligible",
                  "domiciliation": "eligible"},
    ),
    Persona(
        nom="ame_arrive_depuis_un_mois",
        intention="demander_ame",
        premier="je veu voir un medecin",
        reponses={
            "nationalite": "je suis malien",
            "titre_sejour": "j'ai pas de papiers",
            "mois_en_france": "je suis arrivé il y a 1 mois",
            "age": "28",
            "ressources_mensuelles": "0",
            "ressources_annuelles": "0",
            "en_couple": "non",
            "enfants": "0",
        },
        attendus={"ame": "non_eligible"},
        droits=("ame",),
    ),
    Persona(
        nom="rsa_a_la_rue",
        intention="demander_rsa",
        premier="je veux le rsa",
        reponses={
            "nationalite": "francaise",
            "age": "j'ai 40 ans",
            "etudiant": "non",
            "en_couple": "non",
            "enfants": "pas d'enfant",
            "enceinte": "non",
            "ressources_mensuelles": "je touche rien",
            "logement": "je dors dans la rue",
            "aide_logement": "0",
            "heures_travail_3_ans": "0",
        },
        attendus={"rsa": "eligible"},
        droits=("rsa",),
    ),
    Persona(
        nom="rsa_22_ans",
        intention="demander_rsa",
        premier="jai 22 ans est ce que jai droit au rsa",
        reponses={
            "nationalite": "je suis français",
            "enfants": "non",
            "enceinte": "non",
            "etudiant": "non",
            "heures_travail_3_ans": "j'ai jamais travaillé",
            "en_couple": "non",
            "ressources_mensuelles": "rien",
            "logement": "chez ma mere",
        },
        attendus={"rsa": "non_eligible"},
        droits=("rsa",),
    ),
    Persona(
        nom="famille_tous_les_droits",
        premier="on est 3 avec ma femme et le petit, je touche 900 balles par mois",
        reponses={
            "nationalite": "française",
            "age": "38 ans",
            "etudiant": "non",
            "enceinte": "non",
            "logement": "je suis locataire",
            "aide_logement": "300 euros",
            "vit_a_paris": "oui",
            "difficultes_logement": "des impayés de loyer",
            "adresse_courrier": "oui",
            "domiciliation": "non",
            "lien_paris": "oui",
            "heures_travail_3_ans": "2000 heures",
            "en_couple": "oui",
            "enfants": "1",
        },
        attendus={"ame": "non_eligible", "rsa": "eligible", "fsl": "a_verifier",
                  "domiciliation": "non_eligible"},
    ),
    Persona(
        nom="fsl_impayes",
        intention="demander_fsl",
        premier="j'ai des impayés de loyer, je risque l'expulsion",
        reponses={
            "logement": "je suis locataire",
            "vit_a_paris": "oui, dans le 19e",
            "difficultes_logement": "des impayés de loyer",
            "ressources_mensuelles": "1100 euros",
            "aide_logement": "200",
        },
        attendus={"fsl": "a_verifier"},
        droits=("fsl",),
    ),
    Persona(
        nom="domiciliation_a_la_rue",
        intention="demander_domiciliation",
        premier="j'ai besoin d'une adresse pour recevoir mon courrier",
        reponses={
            "adresse_courrier": "non",
            "domiciliation": "non",
            "lien_paris": "oui",
            "vit_a_paris": "oui",
            "logement": "a la rue",
            "nationalite": "française",
        },
        attendus={"domiciliation": "eligible"},
        droits=("domiciliation",),
    ),
    Persona(
        nom="domiciliation_deja",
        intention="demander_domiciliation",
        premier="domiciliation",
        reponses={
            "adresse_courrier": "non",
            "domiciliation": "oui j'en ai déjà une",
            "lien_paris": "oui",
            "vit_a_paris": "oui",
            "logement": "au 115",
            "nationalite": "française",
        },
        attendus={"domiciliation": "eligible"},
        droits=("domiciliation",),
    ),
    Persona(
        nom="aidant_tiers",
        premier=("Bonjour, je suis travailleuse sociale. Il a 50 ans, il est malien, sans papiers, "
                 "en France depuis 3 ans, il dort au 115."),
        reponses={
            "ressources_mensuelles": "il n'a aucune ressource",
            "ressources_annuelles": "rien",
            "vit_a_paris": "oui",
            "adresse_courrier": "non",
            "domiciliation": "non",
            "lien_paris": "oui",
            "en_couple": "non",
            "enfants": "aucun",
            "difficultes_logement": "non",
        },
        attendus={"ame": "eligible", "rsa": "non_eligible", "fsl": "a_verifier",
                  "domiciliation": "eligible"},
        forme="il",
    ),
    Persona(
        nom="refugie_rsa",
        intention="demander_rsa",
        premier="je suis réfugié, je veux savoir pour le rsa",
        reponses={
            "age": "30 ans",
            "etudiant": "non",
            "en_couple": "non",
            "enfants": "0",
            "enceinte": "non",
            "ressources_mensuelles": "0 euro",
            "logement": "en centre d'hébergement",
            "aide_logement": "0",
            "annees_titre_sejour": "1 an",
            "heures_travail_3_ans": "0",
        },
        attendus={"rsa": "eligible"},
        droits=("rsa",),
    ),
    Persona(
        nom="europeenne_recente",
        intention="demander_rsa",
        premier="je suis roumaine, je suis en France depuis 2 mois, je voudrais le rsa",
        reponses={
            "age": "45 ans",
            "etudiant": "non",
            "en_couple": "non",
            "enfants": "non",
            "enceinte": "non",
            "ressources_mensuelles": "rien",
            "logement": "chez une amie",
            "heures_travail_3_ans": "0",
        },
        attendus={"rsa": "non_eligible"},
        droits=("rsa",),
    ),
    Persona(
        nom="ne_sait_pas",
        intention="demander_ame",
        premier="c'est pour l'ame",
        reponses={
            "nationalite": "je viens du senegal",
            "titre_sejour": "aucun papier",
            "mois_en_france": "depuis 1 an",
            "age": "41",
            "ressources_mensuelles": "je sais pas",
            "ressources_annuelles": "je ne sais pas",
            "en_couple": "non",
            "enfants": "non",
        },
        attendus={"ame": "a_verifier"},
        droits=("ame",),
    ),
    Persona(
        nom="urgence_au_milieu",
        intention="demander_rsa",
        premier="je veux le rsa",
        reponses={
            "nationalite": "francais",
            "age": "52 ans",
            "etudiant": "non",
            "en_couple": "non",
            "enfants": "aucun",
            "enceinte": "non",
            "ressources_mensuelles": "rien",
            "logement": "dehors",
            "aide_logement": "0",
            "heures_travail_3_ans": "0",
        },
        attendus={"rsa": "eligible"},
        droits=("rsa",),
        interruptions={2: "mon mari me frappe, j'ai peur, aidez moi"},
    ),
]

"""Textes que la passerelle écrit elle-même. Français facile (FALC) : voir shared/docs/falc.md.

Au plus 15 mots par phrase, vouvoiement, sigles expliqués. Les textes SMS passent ensuite
par la conversion GSM-7 (lettres sans accent circonflexe, etc.).
"""

from droits import registre


MESSAGE_VIDE = "Votre message est vide. Écrivez votre question, ou touchez un bouton."

MESSAGE_TROP_LONG = (
    "Votre message est trop long. "
    "Écrivez moins de {limite} caractères. "
    "Vous pouvez l'envoyer en plusieurs fois."
)

TROP_RAPIDE = (
    "Vous envoyez beaucoup de messages très vite. "
    "Attendez une minute, puis réessayez."
)

RASA_INDISPONIBLE = (
    "Le service ne répond pas pour le moment. "
    "Réessayez dans quelques minutes. "
    "Pour dormir ce soir, appelez le 115. C'est gratuit."
)

BOUTON_PERIME = "Ce bouton n'est plus valable. Répondez à la dernière question, s'il vous plaît."

EFFACE = "C'est fait. Vos réponses sont effacées. Nous pouvons recommencer."

# Accueil de la borne. Le consentement vient de Rasa (domain/), au premier message : un seul texte,
# une seule durée de conservation, pas de doublon.
ACCUEIL_BORNE = "Bonjour. Je vous aide à connaître vos droits à Paris. Touchez un bouton."

QUESTION_ACCUEIL = "Que voulez-vous savoir ?"

# Les boutons d'accueil : « Tous mes droits », puis un par droit du registre (droits/registre.yaml),
# proposés par la passerelle.
BOUTONS_ACCUEIL = [{"title": "Tous mes droits", "payload": "/verifier_droits"}] + [
    {"title": d.titre, "payload": f"/{d.intention}"} for d in registre.DROITS]

AIDE = (
    f"Je vous aide à connaître {len(registre.DROITS)} droits à Paris. "
    + "".join(f"{d.nom_sms}. {d.description} " for d in registre.DROITS)
    + "Écrivez votre question avec vos mots. "
    "Pour tout effacer, écrivez /supprimer. "
    "Pour parler à une personne, appelez la CAF au 3230. "
    "Pour dormir ce soir, appelez le 115."
)

SUPPRIME = "C'est fait. J'ai effacé vos réponses et vos rendez-vous. Au revoir."

NON_TEXTE = "Je comprends seulement le texte. Écrivez votre question, s'il vous plaît."

# Reprise d'une conversation commencée à la borne
REPRISE_OK = (
    "C'est bon. Vous continuez la conversation commencée à la borne. "
    "Posez votre question, ou écrivez « rendez-vous »."
)
REPRISE_INCONNUE = "Ce code ne marche pas. Il est peut-être trop vieux. Recommencez la conversation ici."

# SMS
SMS_CHOIX_INTRO = "Repondez"
SMS_CHOIX_NUMEROS = "Repondez par un numero :"
SMS_CHOIX_NOMBRE = "Ecrivez le nombre, ou repondez par une lettre :"
SMS_SUITE = " Envoyez SUITE pour lire la suite."
SMS_PAS_DE_SUITE = "Il n'y a pas de suite. Posez votre question."
SMS_STOP = (
    "Vous ne recevrez plus de SMS de notre part. "
    "Vos reponses sont effacees. Vos rendez-vous pris par SMS sont annules et effaces."
)
SMS_ANNULER_OK = "Votre rendez-vous {code} est annule. Pour en prendre un autre, ecrivez RDV."
SMS_ANNULER_INCONNU = "Je ne trouve pas le rendez-vous {code}. Verifiez le code, puis reessayez."
SMS_ANNULER_REFUS = "Je ne peux pas annuler ce rendez-vous. {raison}"
RDV_INDISPONIBLE = "La prise de rendez-vous ne marche pas pour le moment. Appelez la CAF au 3230."

# Résumé des résultats pour les canaux texte (quand Rasa n'envoie pas de texte avec le verdict)
NOMS_DROITS = {d.id: d.nom_sms for d in registre.DROITS}


# --- Production (issue 14) ---------------------------------------------------------------------
# Réponse au SMS qui renvoie le code de confirmation du numéro (rdv : confirmer_par_sms).
SMS_NUMERO_CONFIRME = "Merci. Votre numero est confirme. Vous recevrez les rappels de votre rendez-vous."
# Base de données ou Redis redémarrés pendant un message : rien n'est perdu, il suffit de renvoyer.
REESSAYER = "Le service redémarre. Réessayez dans un instant, s'il vous plaît. Rien n'est perdu."
# Le serveur d'actions ne répond pas : Rasa ne peut pas avancer.
ACTIONS_INDISPONIBLES = (
    "Je ne peux pas répondre pour le moment. Réessayez dans quelques minutes. "
    "Pour parler à une personne, appelez la CAF au 3230. "
    "Pour dormir ce soir, appelez le 115. C'est gratuit."
)

"""Actions Rasa (rasa-sdk) de l'assistant.

Elles restent minces : les règles sont dans ``droits``, la compréhension du texte libre
dans ``bot.extraction``. Un module par sujet :

- ``etat`` : lire la situation et l'état de la conversation dans le tracker ;
- ``comprendre`` : faits d'un message (extraction, réponse à la question posée, corrections,
  « je ne sais pas ») ;
- ``questions`` : poser UNE question (texte de droits, boutons, ``custom.question``) ;
- ``verdict`` : le résultat pour chaque droit (``custom.resultats``) et le résumé à copier ;
- ``repli`` : message non compris (repli en deux temps) ;
- ``dialogue`` : ``action_avancer`` et ``action_reprendre``, qui enchaînent le tout ;
- ``infos`` : papiers à apporter et lieux ; ``donnees`` : effacer, recommencer ;
- ``session`` : ``action_session_start`` et l'information sur les données.
- ``base`` : ``ActionSure``, une action qui répond toujours, même si un module lève une erreur.

Messages (contrat de docs/architecture.md) : une question porte ``custom.question`` (le champ),
le résultat porte ``custom.resultats`` (le JSON de ``droits.evaluer``). Le canal REST de Rasa 3.6
envoie ce ``custom`` dans un message à part, juste après le texte et ses boutons.
Les boutons Oui / Non envoient ``/affirmer`` / ``/nier`` ; un bouton de choix envoie son libellé,
lu comme un texte tapé. Aucun emplacement n'est rempli par le texte : seulement par ces actions.
"""

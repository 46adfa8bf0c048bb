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
"""

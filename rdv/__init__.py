"""Service de rendez-vous des droits (CAF de Paris) : modèles, migrations, service, SMS, API.

Point d'entrée pour le reste du projet : ``rdv.service.ServiceRdv`` et ``rdv.api.router``.
"""

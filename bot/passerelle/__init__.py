"""Passerelle : la seule entrée publique de l'assistant.

Elle vérifie qui appelle (signatures Twilio, jeton secret Telegram), nettoie le texte
(filtre « / », limites de taille et de débit), pseudonymise les expéditeurs (HMAC-SHA256)
et parle au canal REST de Rasa sur localhost. Voir ``bot/passerelle/README.md``.
"""

__all__ = ["creer_app"]


def creer_app(config=None):  # pragma: no cover - simple re-export paresseux
    from bot.passerelle.app import creer_app as _creer_app

    return _creer_app(config)

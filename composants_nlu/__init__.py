"""Composants NLU propres au projet, chargés par Rasa (.venv-rasa, Python 3.10)."""

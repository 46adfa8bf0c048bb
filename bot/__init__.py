"""L'assistant conversationnel : actions Rasa, extraction des faits, passerelle et canaux."""

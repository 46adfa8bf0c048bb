"""Les réponses fixes de Rasa (``utter_*`` de domain/) dans la langue de la conversation (issue 13).

Rasa appelle ce point (``nlg:`` de endpoints.yml, servi par le serveur d'actions sur ``POST /nlg``) pour
chaque réponse fixe : ``{"response": "utter_aide", "tracker": {...}, "channel": {...}, "arguments": {...}}``.
La langue vient des métadonnées du dernier message (``bot.actions.langue``) ; les textes du catalogue
``domaine`` (domain/*.yml en français, langues/<code>/domaine.yaml). Une variante à ``condition`` (par ex.
l'emplacement ``forme`` vaut ``vous``) est choisie si toutes ses conditions tiennent, sinon la première sans
condition : comme Rasa le fait lui-même. Rien n'est journalisé du suivi (il contient les messages).
"""
from __future__ import annotations

import logging
from typing import Any, Mapping

from bot.actions.langue import langue_du_suivi
from langues import catalogues

log = logging.getLogger(__name__)


def _conditions_tiennent(variante: Mapping[str, Any], emplacements: Mapping[str, Any]) -> bool:
    return all(c.get("type") == "slot" and emplacements.get(c.get("name")) == c.get("value")
               for c in variante.get("condition") or ())


def rendre(corps: Mapping[str, Any]) -> dict[str, Any]:
    """La réponse ``corps["response"]`` au format attendu par Rasa (``nlg_response_format_spec``)."""
    nom = corps.get("response")
    suivi = corps.get("tracker") or {}
    langue = langue_du_suivi(suivi)
    variantes = catalogues.arbre("domaine", langue).get(nom) if isinstance(nom, str) else None
    if not variantes:
        log.warning("réponse fixe inconnue : %r", nom)
        return {"text": "", "buttons": [], "custom": {}}
    emplacements = suivi.get("slots") or {}
    avec = [v for v in variantes if v.get("condition") and _conditions_tiennent(v, emplacements)]
    sans = [v for v in variantes if not v.get("condition")]
    variante = (avec or sans or variantes)[0]
    sortie: dict[str, Any] = {"text": variante.get("text") or "", "buttons": [dict(b) for b in variante.get("buttons") or ()]}
    if variante.get("custom"):
        sortie["custom"] = variante["custom"]
    return sortie

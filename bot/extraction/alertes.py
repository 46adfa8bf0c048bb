"""Alertes de sécurité trouvées n'importe où dans un message : violence, suicide, enfant en danger,
urgence médicale, froid / nuit dehors.

Les motifs sont dans ``alertes_motifs.py`` (une seule liste : le composant NLU de Rasa en lit les motifs
« surs » pour imposer l'intention « urgence »). Ici, tous les motifs comptent (rappel élevé), sur le
texte entier (jusqu'à ``LIMITE`` caractères), après effacement des passages sans danger (« exclure »).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .alertes_motifs import ALERTES

LIMITE = 20_000  # un message de 10 ko est lu en entier
CATEGORIES = ("violence", "suicide", "enfant_danger", "urgence_medicale", "froid_dehors")


def forme(texte: str) -> str:
    """Minuscules, sans accents, apostrophes droites : même forme que ``normaliser`` du composant NLU."""
    texte = unicodedata.normalize("NFKD", texte.replace("\u2019", "'").lower())
    return "".join(c for c in texte if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _motifs() -> dict[str, tuple[list[re.Pattern], list[re.Pattern]]]:
    motifs = {}
    for nom in CATEGORIES:
        cat = ALERTES["categories"][nom]
        # une seule expression par catégorie (plus rapide que 10 recherches)
        cherches = [re.compile("|".join(f"(?:{m})" for m in (cat.get("surs") or []) + (cat.get("autres") or [])))]
        exclus = [re.compile("|".join(f"(?:{m})" for m in cat["exclure"]))] if cat.get("exclure") else []
        motifs[nom] = (cherches, exclus)
    return motifs


def alertes(texte: object) -> list[str]:
    """Les catégories de sécurité dites dans ``texte`` (ordre de ``CATEGORIES``) ; [] si aucune. Jamais d'exception."""
    if not isinstance(texte, str) or not texte.strip() or texte.lstrip().startswith("/"):
        return []
    try:
        lu = forme(texte[:LIMITE])
        trouvees = []
        for nom, (cherches, exclus) in _motifs().items():
            propre = lu
            for motif in exclus:
                propre = motif.sub(" ", propre)
            if any(m.search(propre) for m in cherches):
                trouvees.append(nom)
        return trouvees
    except Exception:  # pragma: no cover - une alerte ne doit jamais casser la lecture
        return []

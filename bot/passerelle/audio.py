"""Lecture à voix haute à la borne (issue 13, point 6) : l'audio d'un message du bot, fait sur le serveur par
``espeak-ng`` (paquet Debian), quand le navigateur n'a pas de voix pour la langue.

``GET /api/v1/audio?langue=ar&texte=…`` → ``audio/wav``. Voix : ``voix`` de langues/langues.yaml (fr, en,
ar, fa pour le dari, ro) ; le pachto n'en a pas : 404 avec un message clair (la borne le dit et garde les
pictogrammes). Le texte est passé à espeak-ng par son entrée standard (jamais par un shell), 1 500
caractères au plus. Seuls les **textes fixes** (ceux des catalogues, sans variable) sont gardés en cache,
en mémoire : jamais un texte qui pourrait dire la situation d'une personne. Rien n'est journalisé du texte.
"""
from __future__ import annotations

import asyncio
import logging
import shutil
import subprocess
import tempfile
from collections import OrderedDict
from functools import cache
from pathlib import Path

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, Response

import langues
from langues import catalogues

log = logging.getLogger("passerelle.audio")

TAILLE_MAX = 1500
VITESSE = 140  # mots par minute : un peu plus lent que le défaut (175), pour mieux comprendre
_CACHE: OrderedDict[tuple[str, str], bytes] = OrderedDict()
CACHE_MAX = 512


def disponible() -> bool:
    return shutil.which("espeak-ng") is not None


@cache
def textes_fixes(langue: str) -> frozenset[str]:
    """Les textes des catalogues de cette langue qui n'ont pas de variable (les mêmes pour tout le monde)."""
    fixes: set[str] = set()
    for nom in catalogues.CATALOGUES:
        fixes.update(t for t in catalogues.traductions(nom, langue).values() if "{" not in t)
    return frozenset(fixes)


def synthetiser(texte: str, voix: str) -> bytes:
    """Le WAV de ``texte`` lu par la voix espeak-ng ``voix``."""
    with tempfile.TemporaryDirectory() as dossier:
        sortie = Path(dossier) / "audio.wav"
        subprocess.run(["espeak-ng", "-v", voix, "-s", str(VITESSE), "-w", str(sortie), "--stdin"],
                       input=texte.encode("utf-8"), check=True, timeout=15, capture_output=True)
        return sortie.read_bytes()


def audio(texte: str, langue: str) -> bytes:
    info = langues.PAR_CODE[langue]
    cle = (langue, texte)
    if cle in _CACHE:
        _CACHE.move_to_end(cle)
        return _CACHE[cle]
    donnees = synthetiser(texte, info.voix)
    if texte in textes_fixes(langue):
        _CACHE[cle] = donnees
        while len(_CACHE) > CACHE_MAX:
            _CACHE.popitem(last=False)
    return donnees


def routeur() -> APIRouter:
    r = APIRouter()

    @r.get("/api/v1/audio", tags=["borne"], summary="Un message du bot lu à voix haute (WAV, espeak-ng)",
           responses={200: {"content": {"audio/wav": {}}}, 404: {"description": "Pas de voix pour cette langue"},
                      503: {"description": "espeak-ng absent"}})
    async def lire(langue: str = Query(..., max_length=8), texte: str = Query(..., min_length=1, max_length=TAILLE_MAX)):
        code = langues.normaliser(langue)
        if code is None:
            return JSONResponse({"detail": f"Langue inconnue. Possibles : {', '.join(langues.CODES)}."}, status_code=422)
        if not langues.PAR_CODE[code].voix:
            return JSONResponse({"detail": "Pas de voix pour cette langue. Regardez les images."}, status_code=404)
        if not disponible():
            return JSONResponse({"detail": "La lecture à voix haute n'est pas installée (espeak-ng)."}, status_code=503)
        try:
            donnees = await asyncio.to_thread(audio, texte.strip(), code)
        except (subprocess.SubprocessError, OSError) as exc:
            log.warning("espeak-ng a échoué (%s)", type(exc).__name__)
            return JSONResponse({"detail": "La lecture à voix haute ne marche pas pour le moment."}, status_code=503)
        # un texte fixe (le même pour tous) peut rester dans le cache du navigateur ; un autre jamais
        fixe = texte.strip() in textes_fixes(code)
        return Response(donnees, media_type="audio/wav",
                        headers={"Cache-Control": "private, max-age=3600" if fixe else "no-store"})

    return r

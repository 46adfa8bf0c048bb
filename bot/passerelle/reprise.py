"""Codes de reprise : continuer sur son téléphone une conversation commencée à la borne.

Fonctionnement (voir aussi README.md) :

1. À la fin (verdict), la personne touche « Continuer sur mon téléphone ». La passerelle tire un
   code court (6 signes, sans 0/O, 1/I, 2/Z, 5/S, 8/B) lié au **pseudonyme** de la conversation
   de la borne. Le code est valable ``REPRISE_DUREE`` (24 h par défaut) et sert une seule fois.
2. La borne montre le code et un QR code : lien Telegram ``t.me/<bot>?start=<code>`` et/ou
   SMS prérempli vers ``SMS_NUMERO``.
3. Quand la personne envoie le code (``/start CODE`` sur Telegram, ou le code seul, ou
   « REPRENDRE CODE »), la passerelle relie ce nouvel expéditeur à la conversation de la borne :
   ses messages vont désormais vers le même pseudonyme Rasa (les faits déjà donnés sont gardés).
   La borne, elle, repart sur une conversation neuve.
4. Si la borne s'efface par inactivité alors qu'un code attend, la conversation est **détachée**
   de la borne (l'écran l'oublie) mais gardée dans Rasa jusqu'à l'expiration du code, et au plus
   ``CONSERVATION_MINUTES`` sans message (la rétention annule alors le code) ; ensuite la
   passerelle la vide dans Rasa (``Relais.entretien``). Le bouton « Effacer et recommencer »
   annule le code et efface tout de suite.

Rien de tout cela ne contient de nom, de numéro ni de texte : seulement des pseudonymes.
"""

from __future__ import annotations

import re
import secrets
import time
from typing import Callable

from bot.passerelle.memoire import MemoireExpirante

ALPHABET = "ACDEFHJKMNPRTUVWXY34679"
LONGUEUR = 6
_MOTIF = re.compile(r"^(?:(?:reprendre|code|reprise)\s*:?\s*)?([A-Za-z0-9][A-Za-z0-9 \-]{4,10}[A-Za-z0-9])$",
                    re.IGNORECASE)


def normaliser(code: str) -> str:
    return re.sub(r"[\s\-]", "", code).upper()


def extraire_code(texte: str) -> tuple[str | None, bool]:
    """Rend (code normalisé ou None, préfixe explicite présent)."""
    texte = texte.strip()
    m = _MOTIF.match(texte)
    if not m:
        return None, False
    code = normaliser(m.group(1))
    # « code : K7P-4QX » est souvent le code d'un rendez-vous (le bot le demande pour annuler) :
    # seuls « reprendre » et « reprise » disent sûrement qu'il s'agit d'un code de reprise.
    explicite = m.group(0).lower().startswith(("reprendre", "reprise"))
    if len(code) != LONGUEUR or any(c not in ALPHABET for c in code):
        return None, False
    return code, explicite


class _Detachees:
    """Les conversations détachées de la borne (Redis : avec l'échéance de leur code)."""

    def __init__(self, echeances=None):
        self._local: set[str] = set()
        self._echeances = echeances

    def add(self, pseudo: str, echeance: float = 0.0) -> None:
        if self._echeances is not None:
            self._echeances.ajouter(pseudo, echeance)
        else:
            self._local.add(pseudo)

    def discard(self, pseudo: str) -> None:
        if self._echeances is not None:
            self._echeances.retirer(pseudo)
        else:
            self._local.discard(pseudo)

    def __contains__(self, pseudo: object) -> bool:
        return pseudo in (self._echeances if self._echeances is not None else self._local)


class Reprises:
    def __init__(self, duree: float, horloge: Callable[[], float] = time.monotonic, redis=None):
        self.duree = duree
        self.horloge = horloge
        if redis is not None:
            from bot.passerelle.etat_partage import EnsembleEcheances, RedisExpirante

            self._codes = RedisExpirante(redis, "reprise:codes", duree)
            self._par_pseudo = RedisExpirante(redis, "reprise:pseudos", duree)
            self.detachees = _Detachees(EnsembleEcheances(redis, "reprise:detachees"))
        else:
            self._codes: MemoireExpirante[str, str] = MemoireExpirante(duree, horloge=horloge)
            self._par_pseudo: MemoireExpirante[str, str] = MemoireExpirante(duree, horloge=horloge)
            self.detachees = _Detachees()
        self._redis = redis

    def creer(self, pseudonyme: str) -> str:
        ancien = self._par_pseudo.retirer(pseudonyme)
        if ancien:
            self._codes.retirer(ancien)
        while True:
            code = "".join(secrets.choice(ALPHABET) for _ in range(LONGUEUR))
            if code not in self._codes:
                break
        self._codes.mettre(code, pseudonyme)
        self._par_pseudo.mettre(pseudonyme, code)
        return code

    def code_de(self, pseudonyme: str) -> str | None:
        return self._par_pseudo.lire(pseudonyme)

    def detacher(self, pseudonyme: str) -> None:
        """La borne oublie la conversation ; elle sera effacée quand son code expirera."""
        echeance = 0.0
        if self._redis is not None:
            reste = self._redis.pttl(self._par_pseudo._cle(pseudonyme))
            echeance = self.horloge() + max(0, reste) / 1000.0
        self.detachees.add(pseudonyme, echeance)

    def utiliser(self, code: str) -> str | None:
        """Consomme le code ; rend le pseudonyme de la conversation, ou None."""
        code = normaliser(code)
        pseudonyme = self._codes.retirer(code)
        if pseudonyme is None:
            return None
        self._par_pseudo.retirer(pseudonyme)
        self.detachees.discard(pseudonyme)
        return pseudonyme

    def revoquer(self, pseudonyme: str) -> None:
        code = self._par_pseudo.retirer(pseudonyme)
        if code:
            self._codes.retirer(code)
        self.detachees.discard(pseudonyme)

    def expirees(self) -> list[str]:
        """Pseudonymes détachés dont le code a expiré sans servir : à effacer dans Rasa."""
        if self._redis is not None:
            return self.detachees._echeances.echus(self.horloge())
        self._codes.expirees()
        a_effacer = []
        for pseudonyme, _code in self._par_pseudo.expirees():
            if pseudonyme in self.detachees:
                self.detachees.discard(pseudonyme)
                a_effacer.append(pseudonyme)
        return a_effacer

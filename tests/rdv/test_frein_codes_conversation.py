"""Issue 14 : le frein des codes de la conversation compte par expéditeur (un seul ne bloque plus
l'annulation de tous), avec un plafond global ; partagé par Redis entre serveurs d'actions."""
from __future__ import annotations

from bot.actions.rendez_vous import _FreinCodes


def test_un_expediteur_bloque_ne_bloque_pas_les_autres():
    frein = _FreinCodes(3, limite_globale=10)
    for _ in range(3):
        frein.noter_echec("we-attaquant")
    assert frein.bloque("we-attaquant")
    assert not frein.bloque("we-quelqu-un")
    for i in range(7):
        frein.noter_echec(f"we-autre-{i}")
    assert frein.bloque("we-quelqu-un")  # plafond global : deviner reste hors de portée


def test_frein_partage_par_redis(redis_jetable):
    a = _FreinCodes(2, redis_url=redis_jetable)
    b = _FreinCodes(2, redis_url=redis_jetable)  # un autre serveur d'actions
    a.noter_echec("we-x")
    b.noter_echec("we-x")
    assert a.bloque("we-x") and b.bloque("we-x") and not b.bloque("we-y")

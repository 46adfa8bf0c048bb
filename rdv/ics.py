"""Fichier agenda ``.ics`` (RFC 5545) d'un rendez-vous.

Choix : les heures sont écrites en UTC (``DTSTART:20261203T084500Z``), pas en
``TZID=Europe/Paris``. Raisons :

- RFC 5545, 3.3.5, forme 2 : une heure UTC désigne un instant exact ; tout agenda l'affiche à
  l'heure de l'appareil (9 h 45 à Paris), sans rien deviner. Une heure avec ``TZID`` oblige à
  joindre un bloc ``VTIMEZONE`` qui recopie à la main les règles d'heure d'été de l'UE
  (3.2.19, 3.6.5) : du code en plus qui peut se tromper, pour le même affichage.
- L'instant UTC est calculé par ``zoneinfo`` (base tz du système) au moment où le fichier est
  fait, pour un créneau à moins de 4 semaines : il est exact, heure d'été comprise (testé l'hiver
  et l'été dans tests/rdv/test_api_resume.py).
- L'heure de Paris est aussi écrite en toutes lettres dans la description (« mardi 3 décembre
  à 9 h 45 ») : la personne la lit même si son téléphone est réglé sur un autre fuseau.

Aucun ``TZID`` n'est donc écrit : un ``TZID`` sans ``VTIMEZONE`` serait invalide."""
from __future__ import annotations

from datetime import UTC, datetime

from rdv.textes import NUMERO_CAF, _pieces, date_heure
from rdv.vues import RendezVousInfo


def _echapper(texte: str) -> str:
    return (
        texte.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        .replace("\r\n", "\\n").replace("\n", "\\n")
    )


def _plier(ligne: str) -> str:
    """Coupe à 75 octets, suite précédée d'une espace (RFC 5545, 3.1), sans couper un caractère UTF-8."""
    morceaux, courant, taille = [], "", 0
    for c in ligne:
        n = len(c.encode("utf-8"))
        limite = 75 if not morceaux else 74
        if taille + n > limite:
            morceaux.append(courant)
            courant, taille = "", 0
        courant += c
        taille += n
    morceaux.append(courant)
    return "\r\n ".join(morceaux)


def _utc(d: datetime) -> str:
    return d.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def fichier_ics(rdv: RendezVousInfo, horodatage: datetime | None = None) -> str:
    lieu = rdv.lieu
    emplacement = ", ".join(x for x in (lieu.nom, lieu.adresse) if x)
    description = [
        f"Rendez-vous des droits avec la CAF, le {date_heure(rdv.debut)}.",
        f"Votre code : {rdv.code}.",
    ]
    pieces = _pieces(rdv.pieces)
    if pieces:
        description.append("Apportez si possible : " + " ; ".join(pieces) + ".")
    if lieu.adresse and not lieu.verifie:
        description.append(f"Adresse à vérifier au {NUMERO_CAF} avant de partir.")
    description.append(f"Pour annuler, répondez ANNULER {rdv.code} au SMS, ou donnez ce code.")
    statut = "CANCELLED" if rdv.statut == "annule" else "CONFIRMED"
    lignes = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Assistant droits Paris//rdv//FR",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:rdv-{rdv.code}@assistant-droits-paris.invalid",
        f"DTSTAMP:{_utc(horodatage or datetime.now(UTC))}",
        f"DTSTART:{_utc(rdv.creneau.debut)}",
        f"DTEND:{_utc(rdv.creneau.fin)}",
        f"SUMMARY:{_echapper('Rendez-vous CAF (code ' + rdv.code + ')')}",
        f"LOCATION:{_echapper(emplacement)}",
        f"DESCRIPTION:{_echapper(chr(10).join(description))}",
        f"STATUS:{statut}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(_plier(ligne) + "\r\n" for ligne in lignes)

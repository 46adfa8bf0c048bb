"""Objets simples (dataclasses) que le service rend : rien n'y dépend d'une session ouverte."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from rdv import modeles as m
from rdv.telephone import masquer


@dataclass(frozen=True)
class LieuInfo:
    id: int
    cle: str
    nom: str
    nom_court: str
    categorie: str
    adresse: str
    arrondissement: int | None
    horaires: str
    telephone: str
    accessibilite: str
    verifie: bool
    source: str
    date_source: str
    note: str = ""

    @classmethod
    def depuis(cls, lieu: m.Lieu) -> LieuInfo:
        return cls(
            id=lieu.id, cle=lieu.cle, nom=lieu.nom, nom_court=lieu.nom_court,
            categorie=lieu.categorie, adresse=lieu.adresse, arrondissement=lieu.arrondissement,
            horaires=lieu.horaires, telephone=lieu.telephone, accessibilite=lieu.accessibilite,
            verifie=lieu.verifie, source=lieu.source, date_source=lieu.date_source, note=lieu.note,
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class CreneauInfo:
    id: int
    debut: datetime
    fin: datetime
    lieu: LieuInfo
    capacite: int = 1
    places_libres: int = 1
    bloque: bool = False

    @property
    def libelle(self) -> str:
        """« mardi 3 décembre à 9 h 45, CAF Nationale, Paris 13e » : le texte d'un bouton.

        L'arrondissement aide à choisir le lieu le plus proche (omis s'il est inconnu)."""
        return self.libelle_en("fr")

    def libelle_en(self, langue: str) -> str:
        """Le libellé dans ``langue`` (la date et l'arrondissement ; le nom du lieu reste en français)."""
        from rdv.textes import arrondissement, date_heure

        texte = f"{date_heure(self.debut, langue)}, {self.lieu.nom_court}"
        n = self.lieu.arrondissement
        if n:
            texte += f", {arrondissement(n, langue)}"
        return texte

    @classmethod
    def depuis(cls, c: m.Creneau, places_libres: int | None = None) -> CreneauInfo:
        return cls(
            id=c.id, debut=c.debut, fin=c.fin, lieu=LieuInfo.depuis(c.lieu), capacite=c.capacite,
            places_libres=c.capacite if places_libres is None else places_libres, bloque=c.bloque,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "debut": self.debut.isoformat(),
            "fin": self.fin.isoformat(),
            "libelle": self.libelle,
            "places_libres": self.places_libres,
            "lieu": self.lieu.to_dict(),
        }


@dataclass(frozen=True)
class RendezVousInfo:
    code: str
    statut: str
    creneau: CreneauInfo
    canal: str
    langue: str
    telephone: str | None = field(default=None, repr=False)  # E.164 ; jamais dans repr ni logs
    pieces: list[Any] = field(default_factory=list)
    resume_consenti: bool = False
    cree_le: datetime | None = None
    annule_le: datetime | None = None
    # Jeton de 128 bits (second facteur) : seulement dans la réponse à la réservation, jamais gardé en clair.
    jeton: str | None = field(default=None, repr=False)
    telephone_confirme: bool = False

    @property
    def debut(self) -> datetime:
        return self.creneau.debut

    @property
    def lieu(self) -> LieuInfo:
        return self.creneau.lieu

    @property
    def rappel_sms(self) -> bool:
        return bool(self.telephone)

    @classmethod
    def depuis(cls, r: m.RendezVous) -> RendezVousInfo:
        return cls(
            code=r.code, statut=r.statut, creneau=CreneauInfo.depuis(r.creneau), canal=r.canal,
            langue=r.langue, telephone=r.telephone, pieces=list(r.pieces or []),
            resume_consenti=r.resume is not None, cree_le=r.cree_le, annule_le=r.annule_le,
            telephone_confirme=r.telephone_confirme_le is not None,
        )

    def vue_publique(self, pieces_generales: list[str] | None = None) -> dict[str, Any]:
        """Ce que montre l'API publique, même avec le second facteur : la date, le lieu et quoi
        apporter. Les papiers précis (qui disent quels droits, par exemple l'AME) seulement si la
        personne a accepté de partager son résumé ; sinon une liste générale. Ni numéro, même
        masqué, ni canal, ni langue."""
        lieu = self.lieu
        return {
            "code": self.code,
            "statut": self.statut,
            "debut": self.creneau.debut.isoformat(),
            "fin": self.creneau.fin.isoformat(),
            "libelle": self.creneau.libelle,
            "lieu": {"nom": lieu.nom, "nom_court": lieu.nom_court, "adresse": lieu.adresse,
                     "arrondissement": lieu.arrondissement, "horaires": lieu.horaires,
                     "telephone": lieu.telephone, "verifie": lieu.verifie},
            "pieces": list(self.pieces) if self.resume_consenti else list(pieces_generales or []),
            "rappel_sms": self.rappel_sms,
        }

    def to_dict(self) -> dict[str, Any]:
        """Vue complète (service, agents) : le numéro n'y figure que masqué."""
        return {
            "code": self.code,
            "statut": self.statut,
            "debut": self.creneau.debut.isoformat(),
            "fin": self.creneau.fin.isoformat(),
            "libelle": self.creneau.libelle,
            "creneau": self.creneau.to_dict(),
            "lieu": self.lieu.to_dict(),
            "canal": self.canal,
            "langue": self.langue,
            "rappel_sms": self.rappel_sms,
            "telephone_masque": masquer(self.telephone) if self.telephone else None,
            "pieces": self.pieces,
            "resume_consenti": self.resume_consenti,
        }

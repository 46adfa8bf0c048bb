"""Notation du corpus de réponses libres (règles de /work/corpus/SPEC.md, « Scoring »).

    python -m tests.extraction.rapport [dossier ou fichiers...] [--cas] [--erreurs]

Faits posés par un cas = ``extraction.faits``, plus ``{question: valeur}`` quand une question
est posée et que ``valeur`` n'est pas None. Un fait posé est :
- juste : dans ``attendus`` avec la même valeur (argent à 1 € près, listes sans ordre) ;
- faux : valeur différente, ou absent de ``attendus``, ou dans ``interdits`` (le pire défaut).
Précision = justes / posés ; rappel = justes / attendus. Le rapport (JSON) donne ces chiffres
en tout, pour les cas pièges (``piege``), par catégorie de piège et par voix.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml

ICI = Path(__file__).resolve().parent
DOSSIER_CORPUS = ICI / "corpus"
CAS_REGLES = ICI / "cas_regles.yaml"
AUJOURD_HUI = "2026-12-02"
ARGENT = {"ressources_mensuelles", "ressources_annuelles", "aide_logement"}


@dataclass
class Resultat:
    cas: dict
    poses: dict[str, Any]
    justes: list[str] = field(default_factory=list)
    faux: list[str] = field(default_factory=list)      # messages : champ, valeur posée, valeur attendue
    manques: list[str] = field(default_factory=list)
    ne_sait_pas: bool | None = None                     # lu par l'extraction (si une question est posée)
    alertes: list[str] = field(default_factory=list)
    duree_s: float = 0.0

    @property
    def id(self) -> str:
        return str(self.cas.get("id"))


def charger(chemins: Iterable[Path | str]) -> list[dict]:
    """Les cas des fichiers YAML (ou de tous les ``*.yaml`` d'un dossier), dans l'ordre des fichiers."""
    cas: list[dict] = []
    for chemin in chemins:
        chemin = Path(chemin)
        fichiers = sorted(chemin.glob("*.yaml")) if chemin.is_dir() else [chemin]
        for fichier in fichiers:
            contenu = yaml.safe_load(fichier.read_text(encoding="utf-8")) or []
            for c in contenu:
                if isinstance(c, dict) and "texte" in c:
                    c = dict(c)
                    c["_fichier"] = fichier.name
                    cas.append(c)
    return cas


def egal(champ: str, pose: Any, attendu: Any) -> bool:
    if champ == "fourchettes":
        if not isinstance(pose, dict) or not isinstance(attendu, dict) or set(pose) != set(attendu):
            return False
        return all(len(pose[c]) == 2 and len(attendu[c]) == 2
                   and all(abs(float(p) - float(a)) <= 1.0 for p, a in zip(pose[c], attendu[c])) for c in attendu)
    if isinstance(attendu, bool) or isinstance(pose, bool):
        return pose is attendu
    if isinstance(attendu, (int, float)) and isinstance(pose, (int, float)):
        tolerance = 1.0 if champ in ARGENT else 1e-6
        return abs(float(pose) - float(attendu)) <= tolerance
    if isinstance(attendu, list) and isinstance(pose, list):
        return sorted(map(str, pose)) == sorted(map(str, attendu))
    return pose == attendu


def noter(cas: dict) -> Resultat:
    """Lance l'extraction sur un cas et classe chaque fait posé."""
    from bot.extraction import analyser_reponse, extraire_faits

    question = cas.get("question")
    texte = cas.get("texte")
    debut = time.process_time()
    if question:
        rep = analyser_reponse(question, texte, aujourd_hui=AUJOURD_HUI)
        ext = rep.extraction
        poses = dict(ext.faits)
        if rep.valeur is not None:
            poses[question] = rep.valeur
        ne_sait_pas = rep.ne_sait_pas
    else:
        ext = extraire_faits(texte, aujourd_hui=AUJOURD_HUI)
        poses = dict(ext.faits)
        ne_sait_pas = None
    duree = time.process_time() - debut
    attendus = cas.get("attendus") or {}
    interdits = set(cas.get("interdits") or [])
    r = Resultat(cas, poses, ne_sait_pas=ne_sait_pas, alertes=list(getattr(ext, "alertes", []) or []),
                 duree_s=duree)
    for champ, valeur in poses.items():
        if champ in interdits:
            r.faux.append(f"{champ}={valeur!r} posé alors qu'il est interdit")
        elif champ not in attendus:
            r.faux.append(f"{champ}={valeur!r} posé alors que le texte ne le dit pas")
        elif not egal(champ, valeur, attendus[champ]):
            r.faux.append(f"{champ}={valeur!r} au lieu de {attendus[champ]!r}")
        else:
            r.justes.append(champ)
    r.manques = [c for c in attendus if c not in poses]
    return r


def _chiffres(resultats: list[Resultat]) -> dict:
    poses = sum(len(r.poses) for r in resultats)
    justes = sum(len(r.justes) for r in resultats)
    faux = sum(len(r.faux) for r in resultats)
    attendus = sum(len(r.cas.get("attendus") or {}) for r in resultats)
    return {
        "cas": len(resultats),
        "cas_avec_faux": sum(1 for r in resultats if r.faux),
        "faits_poses": poses,
        "faits_justes": justes,
        "faits_faux": faux,
        "faits_attendus": attendus,
        "precision": round(justes / poses, 4) if poses else 1.0,
        "rappel": round(justes / attendus, 4) if attendus else 1.0,
    }


def rapport(resultats: list[Resultat], details: bool = False) -> dict:
    pieges = [r for r in resultats if r.cas.get("piege")]
    par_piege: dict[str, list[Resultat]] = defaultdict(list)
    par_voix: dict[str, list[Resultat]] = defaultdict(list)
    for r in resultats:
        if r.cas.get("piege"):
            par_piege[str(r.cas["piege"])].append(r)
        par_voix[str(r.cas.get("voix") or "?")].append(r)
    nsp = [r for r in resultats if r.cas.get("question") and r.cas.get("ne_sait_pas")]
    sortie = {
        "total": _chiffres(resultats),
        "pieges": _chiffres(pieges),
        "ne_sait_pas_reconnus": f"{sum(1 for r in nsp if r.ne_sait_pas)}/{len(nsp)}",
        "par_piege": {k: _chiffres(v) for k, v in sorted(par_piege.items())},
        "par_voix": {k: _chiffres(v) for k, v in sorted(par_voix.items())},
    }
    if details:
        sortie["erreurs"] = [{"id": r.id, "question": r.cas.get("question"), "texte": r.cas.get("texte"),
                              "faux": r.faux, "manques": r.manques} for r in resultats if r.faux]
        sortie["manques"] = [{"id": r.id, "question": r.cas.get("question"), "texte": r.cas.get("texte"),
                              "poses": r.poses, "manques": r.manques} for r in resultats if r.manques and not r.faux]
    return sortie


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.extraction.rapport", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("chemins", nargs="*", help="dossiers ou fichiers YAML (défaut : tests/extraction/corpus "
                                                   "et cas_regles.yaml)")
    parser.add_argument("--erreurs", action="store_true", help="lister les cas avec un fait faux ou manquant")
    args = parser.parse_args(argv)
    chemins = args.chemins or [DOSSIER_CORPUS, CAS_REGLES]
    cas = charger(p for p in map(Path, chemins) if p.exists())
    if not cas:
        print("aucun cas trouvé", file=sys.stderr)
        return 1
    resultats = [noter(c) for c in cas]
    print(json.dumps(rapport(resultats, details=args.erreurs), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Le document des traductions que personne n'a encore relues (issue 13, point 4).

Une association partenaire le relit : pour chaque langue, chaque texte non relu, avec le français en face.
Il est écrit par ``python -m langues relecture --ecrire`` ; un test vérifie qu'il est à jour.
"""
from __future__ import annotations

from . import PAR_CODE, RACINE_DOCS
from . import catalogues as c

DOCUMENT = RACINE_DOCS / "traductions-a-relire.md"


def _cellule(t: str) -> str:
    return t.replace("|", "\\|").replace("\n", " ")


def document() -> str:
    lignes = [
        "# Traductions à relire",
        "",
        "Ces textes ont été traduits sans relecture par une personne qui parle la langue (`relu: false`).",
        "Pour chaque texte : la clé, le français, la traduction. Corrigez la traduction dans",
        "`langues/<code>/<catalogue>.yaml`, puis ajoutez sa clé à la liste `relus:` de ce fichier.",
        "Les termes juridiques restent en français (AME, RSA, CAF…) avec une explication : ne les traduisez pas.",
        "",
        "Document écrit par `python -m langues relecture --ecrire` : ne pas le modifier à la main.",
        "",
    ]
    for langue in c.langues_traduites():
        a_relire = [(nom, chemin, fr, trad)
                    for nom in c.CATALOGUES
                    for chemin, fr in c.textes(nom).items()
                    if (trad := c.traductions(nom, langue).get(chemin)) is not None
                    and not c.relu(nom, langue, chemin)]
        absents = sum(len(c.verifier(langue)[nom]["absents"]) for nom in c.CATALOGUES)
        lignes += [f"## {PAR_CODE[langue].nom_fr} ({langue}) — {len(a_relire)} textes à relire, "
                   f"{absents} pas encore traduits (dits en français)", ""]
        if not a_relire:
            continue
        lignes += ["| catalogue | clé | français | traduction |", "|---|---|---|---|"]
        for nom, chemin, fr, trad in a_relire:
            lignes.append(f"| {nom} | `{'.'.join(map(str, chemin))}` | {_cellule(fr)} | {_cellule(trad)} |")
        lignes.append("")
    return "\n".join(lignes)

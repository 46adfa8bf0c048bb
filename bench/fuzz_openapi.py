"""Fuzz de l'API de la passerelle à partir de son OpenAPI (issue 14) : Hypothesis (stratégies tirées
des schémas JSON de l'OpenAPI, ``depuis_schema``), au moins 5 000 entrées par route, 0 erreur serveur
attendue. (hypothesis-jsonschema 0.23.1 ne marche plus avec Hypothesis 6.170 : objets cassés.)

Pour chaque opération de ``/openapi.json`` : des paramètres de chemin et de requête et des corps tirés
du schéma (valides), mêlés à des valeurs hors schéma (types faux, entiers ≥ 2⁶³, dates 9999-12-31,
surrogates seuls « \\ud800 », JSON cassé, corps énormes, caractères de contrôle). Tout passe par la
garde, comme en vrai. Le faux Rasa (tests/passerelle/outils.py) répond au canal REST ; la base des
rendez-vous est un SQLite neuf avec ses créneaux ; les limites de débit sont levées (on cherche des
erreurs 500, pas des 429).

    .venv/bin/python bench/fuzz_openapi.py [--exemples 5000] [--json bench/resultats/fuzz.json]

Une « erreur serveur » est un 5xx, sauf 503 (service indisponible, annoncé dans le contrat).
Boucles bornées, 127.0.0.1 seulement.
"""
from __future__ import annotations

import argparse
import json
import platform
import re
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RACINE))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

JUNK_TEXTES = st.sampled_from(["", " ", "\ud800", "a\udfffb", "\x00", "9999-12-31", "0000-00-00",
                               "-1", str(2**63), str(2**64 + 7), "1e400", "NaN", "null", "[]", "{}",
                               "'; DROP TABLE rendez_vous; --", "../../etc/passwd", "=HYPERLINK(\"x\")",
                               "K7P-4QX", "k7p 4qx", "/restart", "\u202e", "é" * 300, "x" * 5000])
JUNK = st.one_of(JUNK_TEXTES, st.text(max_size=50), st.integers(min_value=-(2**70), max_value=2**70),
                 st.floats(allow_nan=True, allow_infinity=True), st.booleans(), st.none())
JSON_LIBRE = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                                    st.text(max_size=20)),
                          lambda enfants: st.one_of(st.lists(enfants, max_size=4),
                                                    st.dictionaries(st.text(max_size=10), enfants, max_size=4)),
                          max_leaves=15)


def machine() -> dict:
    import os

    modele = ""
    try:
        modele = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return {"processeur": modele, "coeurs": os.cpu_count(), "python": platform.python_version(),
            "date": datetime.now(timezone.utc).isoformat(timespec="seconds")}


def resoudre(schema, composants):
    """Remplace les $ref « #/components/schemas/X » par leur contenu (profondeur bornée)."""
    def r(x, profondeur=0):
        if profondeur > 8:
            return {}
        if isinstance(x, dict):
            if "$ref" in x:
                nom = x["$ref"].rsplit("/", 1)[-1]
                return r(composants.get(nom, {}), profondeur + 1)
            return {k: r(v, profondeur + 1) for k, v in x.items() if k not in ("examples", "example")}
        if isinstance(x, list):
            return [r(v, profondeur + 1) for v in x]
        return x
    return r(schema)


def depuis_schema(schema: dict, profondeur: int = 0):
    """Valeurs valides d'un schéma JSON (le sous-ensemble qu'écrit FastAPI) ; à défaut, n'importe quoi."""
    if profondeur > 5 or not isinstance(schema, dict):
        return JSON_LIBRE
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    for cle in ("anyOf", "oneOf"):
        if cle in schema:
            return st.one_of([depuis_schema(x, profondeur + 1) for x in schema[cle]])
    if "allOf" in schema and schema["allOf"]:
        return depuis_schema(schema["allOf"][0], profondeur + 1)
    t = schema.get("type")
    if t == "null":
        return st.none()
    if t == "boolean":
        return st.booleans()
    if t == "integer":
        return st.integers(min_value=schema.get("minimum", schema.get("exclusiveMinimum", -(2**64))),
                           max_value=schema.get("maximum", 2**64))
    if t == "number":
        return st.floats(min_value=schema.get("minimum"), max_value=schema.get("maximum"), allow_nan=False)
    if t == "string":
        if schema.get("format") == "date":
            return st.dates().map(str)
        return st.text(min_size=schema.get("minLength", 0), max_size=min(schema.get("maxLength", 60), 200))
    if t == "array":
        return st.lists(depuis_schema(schema.get("items", {}), profondeur + 1), max_size=4)
    if t == "object" or "properties" in schema:
        proprietes = schema.get("properties", {})
        requis = set(schema.get("required", []))
        return st.fixed_dictionaries(
            {k: depuis_schema(v, profondeur + 1) for k, v in proprietes.items() if k in requis},
            optional={k: depuis_schema(v, profondeur + 1) for k, v in proprietes.items() if k not in requis})
    return JSON_LIBRE


def strategie_valeur(schema: dict):
    return st.one_of(depuis_schema(schema), JUNK)


def en_texte(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return ""
    return str(v) if not isinstance(v, (dict, list)) else json.dumps(v)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--exemples", type=int, default=5000)
    p.add_argument("--json", type=Path, default=RACINE / "bench" / "resultats" / "fuzz.json")
    p.add_argument("--routes", default="", help="expression régulière : seulement ces chemins")
    args = p.parse_args()

    from fastapi.testclient import TestClient

    import rdv.api
    from bot.passerelle.app import creer_app
    from bot.passerelle.reglages import Reglages
    from rdv.db import migrer
    from rdv.frein import Frein
    from rdv.service import ServiceRdv
    import logging

    from tests.passerelle.outils import FauxRasa, ServeurFil

    logging.disable(logging.WARNING)  # les refus attendus (403, 429…) ne remplissent pas la sortie

    dossier = Path(tempfile.mkdtemp(prefix="fuzz-"))
    url = f"sqlite:///{dossier / 'rdv.db'}"
    migrer(url)
    service = ServiceRdv(url)
    service.generer_creneaux()
    _, jeton_agent = service.creer_agent("Agent du fuzz")
    faux = FauxRasa()
    bilan: dict = {"machine": machine(), "exemples_par_route": args.exemples, "routes": {}}
    with ServeurFil(faux.app) as serveur:
        reglages = Reglages(pseudonyme_cle=b"cle-du-fuzz-0123456789abcdef", rasa_url=serveur.url,
                            actions_url=serveur.url, rasa_jeton=faux.jeton, database_url=url,
                            debit_ip_max=0, debit_max=0, twilio_auth_token="jeton-twilio-fuzz",
                            public_base_url="https://droits.exemple.fr")
        with TestClient(creer_app(reglages), raise_server_exceptions=False) as client:
            rdv.api._frein = Frein(seuil=10**9, global_max=0)
            schema = client.get("/openapi.json").json()
            composants = schema.get("components", {}).get("schemas", {})
            for chemin, operations in schema["paths"].items():
                if args.routes and not re.search(args.routes, chemin):
                    continue
                for methode, op in operations.items():
                    if methode not in ("get", "post", "put", "delete", "patch"):
                        continue
                    bilan["routes"][f"{methode.upper()} {chemin}"] = fuzzer(
                        client, chemin, methode, resoudre(op, composants), args.exemples, jeton_agent)
                    r = bilan["routes"][f"{methode.upper()} {chemin}"]
                    args.json.parent.mkdir(parents=True, exist_ok=True)
                    args.json.write_text(json.dumps(bilan, ensure_ascii=False, indent=1))  # au fil de l'eau
                    print(f"{methode.upper():6} {chemin:50} {r['requetes']:6} requêtes  "
                          f"5xx={r['erreurs_serveur']}  {r['statuts']}", flush=True)
    bilan["total_requetes"] = sum(r["requetes"] for r in bilan["routes"].values())
    bilan["total_erreurs_serveur"] = sum(r["erreurs_serveur"] for r in bilan["routes"].values())
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(bilan, ensure_ascii=False, indent=1))
    print(f"{bilan['total_requetes']} requêtes, {bilan['total_erreurs_serveur']} erreur(s) serveur "
          f"→ {args.json}")
    return 1 if bilan["total_erreurs_serveur"] else 0


def fuzzer(client, chemin: str, methode: str, op: dict, exemples: int, jeton_agent: str) -> dict:
    statuts: Counter = Counter()
    erreurs: list[dict] = []
    params_chemin = [x for x in op.get("parameters", []) if x.get("in") == "path"]
    params_requete = [x for x in op.get("parameters", []) if x.get("in") == "query"]
    corps_schema = (op.get("requestBody") or {}).get("content", {})
    corps_json = corps_schema.get("application/json", {}).get("schema")
    corps_formulaire = corps_schema.get("application/x-www-form-urlencoded", {}).get("schema")

    chemin_st = st.fixed_dictionaries({x["name"]: strategie_valeur(x.get("schema", {})) for x in params_chemin})
    requete_st = st.fixed_dictionaries({}, optional={x["name"]: strategie_valeur(x.get("schema", {}))
                                                     for x in params_requete})
    # Des paramètres inconnus en plus : même une route sans paramètre reçoit des milliers d'entrées.
    requete_st = st.tuples(requete_st, st.dictionaries(st.text(min_size=1, max_size=8), JUNK_TEXTES, max_size=3)) \
        .map(lambda paire: {**paire[1], **paire[0]})
    if corps_json is not None:
        corps_st = st.one_of(strategie_valeur(corps_json).map(lambda v: ("json", v)),
                             JSON_LIBRE.map(lambda v: ("json", v)),
                             st.binary(max_size=300).map(lambda b: ("brut", b)),
                             st.text(max_size=80).map(lambda t: ("brut", ("{\"sender\": \"" + t + "\"}").encode(
                                 "utf-8", "surrogatepass"))))
    elif corps_formulaire is not None or methode == "post":
        corps_st = st.one_of(st.none().map(lambda _: ("rien", None)),
                             st.dictionaries(st.text(max_size=10), st.text(max_size=30), max_size=4)
                             .map(lambda d: ("formulaire", d)))
    else:
        corps_st = st.just(("rien", None))
    entetes_st = st.sampled_from([{}, {"authorization": f"Bearer {jeton_agent}"}, {"authorization": "Bearer x"},
                                  {"x-jeton-rdv": "faux"}, {"x-forwarded-for": "1.2.3.4"}])

    compte = [0]

    @settings(max_examples=exemples, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(chemin_st, requete_st, corps_st, entetes_st)
    def un(valeurs_chemin, valeurs_requete, corps, entetes):
        url = chemin
        for nom, valeur in valeurs_chemin.items():
            from urllib.parse import quote

            url = url.replace("{" + nom + "}", quote(en_texte(valeur).encode("utf-8", "surrogatepass"), safe="") or "x")
        params = {k: en_texte(v).encode("utf-8", "surrogatepass").decode("utf-8", "replace")
                  for k, v in valeurs_requete.items()}
        genre, contenu = corps
        kwargs = {"params": params, "headers": dict(entetes)}
        if genre == "json":
            kwargs["content"] = json.dumps(contenu, ensure_ascii=True).encode()
            kwargs["headers"]["content-type"] = "application/json"
        elif genre == "brut":
            kwargs["content"] = contenu
            kwargs["headers"]["content-type"] = "application/json"
        elif genre == "formulaire":
            kwargs["data"] = {k.encode("utf-8", "replace").decode(): v.encode("utf-8", "replace").decode()
                              for k, v in contenu.items()}
        try:
            r = client.request(methode.upper(), url, **kwargs)
            statut = r.status_code
        except Exception as exc:  # noqa: BLE001 - une exception du client compte comme une erreur
            statut = 599
            r = None
            erreurs.append({"url": url[:200], "exception": type(exc).__name__})
        compte[0] += 1
        statuts[statut] += 1
        if statut >= 500 and statut != 503 and len(erreurs) < 20 and r is not None:
            erreurs.append({"url": url[:200], "params": str(params)[:200], "corps": str(contenu)[:200],
                            "statut": statut, "reponse": r.text[:200]})

    debut = time.monotonic()
    un()
    duree = time.monotonic() - debut
    cinq = sum(n for s, n in statuts.items() if s >= 500 and s != 503)
    return {"requetes": compte[0], "erreurs_serveur": cinq, "statuts": dict(sorted(statuts.items())),
            "duree_s": round(duree, 1), "exemples_d_erreurs": erreurs}


if __name__ == "__main__":
    sys.exit(main())

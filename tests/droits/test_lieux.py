"""Lieux (issue 15, §4) : rien de montré sans adresse ni source fiable, horaires datés de moins d'un an,
EPS de l'arrondissement, PSA selon le public, les plus proches d'abord, arrondissement demandé seulement s'il sert."""
import datetime as dt
import json
import re
import time
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings, strategies as st

from droits import evaluer
from droits import lieux as L
from droits.lieux import LIEUX, arrondissement_utile, choisir, composer_fiche, ou_aller, selection

from personas import PERSONAS

RACINE = Path(__file__).resolve().parents[2]
JOUR = dt.date(2026, 12, 2)
DEMANDABLES = [n for n in L.NATURES if n != "liste"]
CHAMPS_HISTORIQUES = {"nom", "adresse", "horaires", "telephone", "verifie", "source", "date_source"}


def _schema_lieu():
    schema = json.loads((RACINE / "droits" / "schema" / "resultat.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/lieu"})


SCHEMA_LIEU = _schema_lieu()


def _ids(fiches):
    return [f["id"] for f in fiches]


def _situations():
    """Des situations variées : publics, arrondissements, inconnus."""
    for arrondissement in (None, 1, 10, 13, 17, 18, 20):
        for genre in (None, "femme", "homme"):
            for age, enfants, couple in ((None, None, None), (19, 0, False), (30, 0, False), (30, 2, True), (16, 0, False)):
                yield {"arrondissement": arrondissement, "genre": genre, "age": age, "enfants": enfants, "en_couple": couple}


# ------------------------------------------------------------------------------------------------ données

def test_chaque_lieu_a_ses_champs_et_des_sources_lisibles():
    assert len(LIEUX) >= 50
    for ident, lieu in LIEUX.items():
        assert re.fullmatch(r"[a-z0-9_]+", ident), ident
        assert lieu["nature"] in L.NATURES and lieu["acces"] in ("lieu", "telephone"), ident
        assert lieu["nom"].strip() and lieu["public"].strip(), ident
        assert isinstance(lieu["verifie"], bool), ident
        assert dt.date.fromisoformat(lieu["date_verification"]) <= JOUR, ident
        assert lieu["arrondissement"] is None or lieu["arrondissement"] in L.VOISINS, ident
        for source in lieu["sources"]:
            assert set(source) <= {"url", "date", "confirme"} and source["url"].startswith(("http://", "https://")), ident
            assert source["confirme"] and set(source["confirme"]) <= L.CONFIRMATIONS, ident
            date = L.lire_date_source(source["date"])
            assert date is None or date <= JOUR, (ident, source["date"])
        for condition in lieu["publics"]:
            assert set(condition) <= {"genre", "age_min", "age_max", "enfants", "couple"}, ident


def test_les_sources_sont_toutes_officielles_ou_de_l_organisme():
    """Une piste d'un site sans rapport (annuaire recopié, presse, blog) va dans `pistes`, jamais dans `sources`."""
    for ident, lieu in LIEUX.items():
        for source in lieu["sources"]:
            assert L.source_fiable(source["url"]), (ident, source["url"])
    # les sources sans rapport d'avant l'issue 15 ne reviennent pas
    for url in ("https://montataire.mentalworks.me/x", "https://saintviance.fr/numeros-durgences/",
                "https://www.lockimmo.com/sos", "https://madinin-art.net/x", "http://evilparis.fr.example.com/"):
        assert not L.source_fiable(url), url
    assert L.source_fiable("https://mairie10.paris.fr/pages/x") and L.source_fiable("https://www.ameli.fr/assure")
    assert not L.source_fiable("ftp://paris.fr/x") and not L.source_fiable("https://notparis.fr/x")


def test_adresse_et_telephone_confirmes_par_une_source_fiable():
    """Une adresse ou un numéro sans source fiable n'est pas écrit dans les données : il reste dans `pistes`."""
    for ident, lieu in LIEUX.items():
        for cle in ("adresse", "telephone"):
            if lieu[cle]:
                assert any(cle in s["confirme"] for s in lieu["sources"]), (ident, cle)


def test_arrondissement_concorde_avec_le_code_postal():
    for ident, lieu in LIEUX.items():
        m = re.search(r"\b750(\d\d) Paris\b", lieu["adresse"])
        if lieu["adresse"]:
            assert m and int(m.group(1)) == lieu["arrondissement"], ident
        if lieu["nature"] == "eps":
            assert lieu["arrondissement"] in lieu["arrondissements_servis"], ident


def test_verifie_seulement_avec_une_source_fiable_de_moins_d_un_an():
    for ident, lieu in LIEUX.items():
        cle = "telephone" if lieu["acces"] == "telephone" else "adresse"
        recentes = [s for s in lieu["sources"] if cle in s["confirme"] and L.lire_date_source(s["date"])
                    and 0 <= (dt.date.fromisoformat(lieu["date_verification"]) - L.lire_date_source(s["date"])).days
                    <= L.DELAI_VERIFICATION_JOURS]
        if lieu["verifie"]:
            assert L.montrable(lieu) and recentes, ident


def test_horaires_toujours_dates():
    for ident, lieu in LIEUX.items():
        if lieu["horaires"]:
            assert L.lire_date_source(lieu["date_horaires"]) is not None, ident


def test_identifiants_des_regles_existent():
    """Les règles (droits/regles/*.py) nomment des lieux : chacun existe (sinon ou_aller lève KeyError)."""
    prefixes = tuple(f"{n}_" for n in L.NATURES) + ("paris_", "sos_", "domiciliation_", "cafda")
    trouves = set()
    for fichier in (RACINE / "droits" / "regles").glob("*.py"):
        for litteral in re.findall(r"[\"']([a-z0-9_]+)[\"']", fichier.read_text(encoding="utf-8")):
            if litteral.startswith(prefixes):
                trouves.add(litteral)
    assert trouves
    assert trouves <= set(LIEUX), trouves - set(LIEUX)


# ------------------------------------------------------------------------------------------------ ce qui est montré

def _verifier_fiche(f: dict) -> None:
    SCHEMA_LIEU.validate(f)
    assert CHAMPS_HISTORIQUES <= set(f)
    lieu = LIEUX[f["id"]]
    assert L.montrable(lieu), f["id"]
    if f["acces"] == "telephone":
        assert f["telephone"].strip(), f
    else:
        assert re.search(r"\b750\d\d Paris\b", f["adresse"]), f
    urls = f["source"].split(" ; ")
    assert urls and all(L.source_fiable(u) for u in urls), f
    assert f["date_source"] and f["date_verification"] == lieu["date_verification"], f
    for texte in (f["nom"], f["public"], f["horaires"], f["conseil"], f.get("remarque", "")):
        # plus jamais « Vers 2016 », « ≈2016 », « (ancien) », « indicatif » lus par une personne
        assert not re.search(r"\bvers (19|20)\d\d\b|≈|\bancien\)|indicati|à vérifier", texte, re.I), (f["id"], texte)
    for texte in (f["nom"], f["public"], f["horaires"], f["conseil"]):
        # ni « En 2023 : guichet… » : une date n'apparaît que dans la remarque qui dit l'âge de la source
        assert not re.search(r"\b(19|20)\d\d\b", texte), (f["id"], texte)


def test_aucun_lieu_montre_sans_adresse_ni_source_fiable():
    """Le critère de fin de l'issue 15 : tout ce qui sort (ou_aller, choisir) a une adresse et une source fiable."""
    vus = set()
    for f in ou_aller(list(LIEUX), date=JOUR):
        _verifier_fiche(f)
        vus.add(f["id"])
    for s in _situations():
        for nature in DEMANDABLES:
            for f in choisir([nature], s, date=JOUR):
                _verifier_fiche(f)
                vus.add(f["id"])
    assert vus == {i for i, lieu in LIEUX.items() if L.montrable(lieu)}
    # aujourd'hui : ni PSA, ni PASS, ni accueil CPAM sans source fiable de leur adresse
    assert not vus & {"psa_bastille", "psa_belleville", "psa_gauthey", "cpam_ame_hauts_de_belleville", "pass_hotel_dieu",
                      "eps_liste", "esi_halte_femmes", "sos_loyers_impayes"}
    assert {"paris_adresse", "eps_10e", "cpam_paris", "caf_3230", "numero_115", "numero_3114"} <= vus


def test_aucun_lieu_montre_par_le_moteur_sans_source():
    """Par le vrai moteur (droits.evaluer) : chaque lieu de chaque droit, pour chaque persona, est montrable."""
    for nom, situation in PERSONAS.items():
        for genre in (None, "femme", "homme"):
            s = {**situation, **({"genre": genre} if genre else {})}
            for droit, r in evaluer(s, date="2026-12-02")["droits"].items():
                for f in r["ou_aller"]:
                    assert L.montrable(LIEUX[f["id"]]), (nom, droit, f["id"])
                    _verifier_fiche(f)


@pytest.mark.parametrize("lieu, attendu", [
    ({"adresse": "", "sources": [{"url": "https://paris.fr/x", "confirme": ["adresse"]}]}, False),
    ({"adresse": "1 rue X, 75010 Paris", "sources": []}, False),
    ({"adresse": "1 rue X, 75010 Paris", "sources": [{"url": "https://lockimmo.com/x", "confirme": ["adresse"]}]}, False),
    ({"adresse": "1 rue X, 75010 Paris", "sources": [{"url": "https://paris.fr/x", "confirme": ["existence"]}]}, False),
    ({"adresse": "1 rue X, 75010 Paris", "ferme": True, "sources": [{"url": "https://paris.fr/x", "confirme": ["adresse"]}]}, False),
    ({"adresse": "1 rue X, 75010 Paris", "sources": [{"url": "https://paris.fr/x", "confirme": ["adresse"]}]}, True),
    ({"acces": "telephone", "telephone": "", "sources": [{"url": "https://ameli.fr/x", "confirme": ["telephone"]}]}, False),
    ({"acces": "telephone", "telephone": "3646", "sources": [{"url": "https://ameli.fr/x", "confirme": ["telephone"]}]}, True),
])
def test_montrable(lieu, attendu):
    assert L.montrable({"acces": "lieu", **lieu}) is attendu


def test_ou_aller_filtre_sans_doublon_et_garde_l_ordre():
    ids = _ids(ou_aller(["psa_bastille", "paris_adresse", "cpam_paris", "paris_adresse", "eps_liste"], date=JOUR))
    assert ids == ["paris_adresse", "cpam_paris"]
    with pytest.raises(KeyError):
        ou_aller(["lieu_qui_n_existe_pas"])


def test_ou_aller_ne_donne_l_eps_du_10e_qu_a_une_personne_du_10e():
    """Les règles d'avant l'issue 15 demandent « eps_10e » pour tout le monde : il ne passe plus que pour le 10e."""
    assert ou_aller(["eps_10e"], date=JOUR) == []  # arrondissement inconnu
    assert ou_aller(["eps_10e"], date=JOUR, situation={"arrondissement": 18}) == []
    assert _ids(ou_aller(["eps_10e"], date=JOUR, situation={"arrondissement": 10})) == ["eps_10e"]
    assert _ids(choisir(["eps_10e", "paris_adresse"], {"arrondissement": 18}, date=JOUR)) == ["paris_adresse"]


def test_un_identifiant_demande_respecte_le_public():
    assert selection(["esi_halte_femmes"], {"genre": "homme"}) == []
    assert selection(["esi_halte_femmes"], {"genre": "femme"}) == ["esi_halte_femmes"]
    assert selection(["psa_gauthey"], {"genre": "homme", "age": 22, "enfants": 0}) == []


# ------------------------------------------------------------------------------------------------ horaires

def test_horaires_montres_seulement_s_ils_ont_moins_d_un_an():
    lieu = {"nature": "esi", "nom": "Accueil de jour", "adresse": "1 rue X, 75010 Paris", "telephone": "01 00 00 00 00",
            "horaires": "Du lundi au vendredi de 9h à 12h", "date_horaires": "2026-06-01",
            "sources": [{"url": "https://paris.fr/x", "date": "2026-06-01", "confirme": ["adresse", "horaires"]}]}
    recent = composer_fiche("x", lieu, "2026-12-02")
    assert recent["horaires"] == lieu["horaires"] and recent["conseil"] == ""
    vieux = composer_fiche("x", lieu, "2027-06-02")
    assert vieux["horaires"] == "" and vieux["conseil"] == "Appelez avant d'y aller."
    sans_date = composer_fiche("x", {**lieu, "date_horaires": None}, "2026-12-02")
    assert sans_date["horaires"] == "" and sans_date["conseil"] == "Appelez avant d'y aller."
    sans_telephone = composer_fiche("x", {**lieu, "telephone": "", "date_horaires": "2020-01-01"}, "2026-12-02")
    assert sans_telephone["horaires"] == "" and sans_telephone["conseil"] == L.CONSEIL_SANS_TELEPHONE
    avant_la_source = composer_fiche("x", lieu, "2026-01-01")  # calcul à une date passée : la source n'existait pas
    assert avant_la_source["horaires"] == ""


def test_chaque_lieu_montre_sans_horaires_dit_quoi_faire():
    for f in ou_aller(list(LIEUX), date=JOUR):
        if f["acces"] == "lieu" and not f["horaires"]:
            assert f["conseil"] in (L.CONSEIL_APPELER, L.CONSEIL_SANS_TELEPHONE), f["id"]
        if f["acces"] == "telephone":
            assert f["conseil"] == "", f["id"]


# ------------------------------------------------------------------------------------------------ arrondissement

def test_eps_de_l_arrondissement_de_la_personne():
    (eps,) = choisir(["eps"], {"arrondissement": 10}, date=JOUR)
    assert eps["id"] == "eps_10e" and eps["adresse"] == "23 bis rue Bichat, 75010 Paris"
    assert eps["date_source"] == "2019-07-24"  # la date de la source de l'adresse, pas d'une page plus récente
    # le bug de l'issue 15 : « oui dans le 18e » donnait encore l'EPS du 10e
    assert _ids(choisir(["eps"], {"arrondissement": 18}, date=JOUR)) == []
    assert _ids(choisir(["eps"], {}, date=JOUR)) == []
    assert selection(["eps"], {"arrondissement": 18}) == []


def test_arrondissement_demande_seulement_s_il_change_les_lieux(monkeypatch):
    # aujourd'hui, seul l'EPS du 10e a une adresse sourcée : une question pour 1 personne sur 20, non
    assert arrondissement_utile(["eps"]) is False
    monkeypatch.setattr(L, "ARRONDISSEMENTS_UTILES_MIN", 1)
    assert arrondissement_utile(["eps"]) is True
    assert arrondissement_utile(["eps"], {"arrondissement": 18}) is False  # déjà connu
    for demandes in (["psa"], ["spada"], ["numero_115"], ["caf"], ["paris_adresse", "cpam_paris"]):
        assert arrondissement_utile(demandes, {"genre": "homme", "age": 30}) is False, demandes
    # CPAM, PASS : utile seulement quand un accueil avec adresse sourcée existe (aucun aujourd'hui)
    for nature in ("cpam", "pass"):
        avec_adresse = any(l["nature"] == nature and l["acces"] == "lieu" and L.montrable(l) for l in LIEUX.values())
        assert arrondissement_utile([nature]) is avec_adresse, nature
    # domiciliation : deux lieux montrables dans deux arrondissements, l'ordre change avec l'arrondissement
    assert arrondissement_utile(["domiciliation"], limite=1) is True


def test_les_plus_proches_d_abord():
    assert selection(["pass"], {"arrondissement": 10})[:2] == ["pass_saint_louis", "pass_lariboisiere"]
    rang = {i: n for n, i in enumerate(selection(["pass"], {"arrondissement": 10}))}
    assert rang["pass_bichat"] < rang["pass_pitie_salpetriere"]  # 18e voisin du 10e, 13e non
    assert selection(["pass"], {"arrondissement": 13})[0] == "pass_pitie_salpetriere"
    assert _ids(choisir(["domiciliation"], {"arrondissement": 13}, date=JOUR))[0] == "domiciliation_mie_de_pain"
    assert _ids(choisir(["domiciliation"], {"arrondissement": 17}, date=JOUR))[0] == "paris_adresse"
    # arrondissement inconnu : courte liste, le numéro d'abord quand il y en a un
    assert _ids(choisir(["cpam"], {}, date=JOUR))[0] == "cpam_paris"
    assert 0 < len(choisir(["domiciliation"], {}, date=JOUR)) <= L.LIMITE


def test_voisins_symetriques():
    assert set(L.VOISINS) == set(range(1, 21))
    for a, voisins in L.VOISINS.items():
        assert a not in voisins and voisins
        for b in voisins:
            assert a in L.VOISINS[b], (a, b)


@pytest.mark.parametrize("arrondissement", [0, 21, "18", True, 18.5])
def test_arrondissement_invalide(arrondissement):
    with pytest.raises(ValueError):
        choisir(["eps"], {"arrondissement": arrondissement})


# ------------------------------------------------------------------------------------------------ public

@pytest.mark.parametrize("situation, attendu", [
    ({"genre": "homme", "age": 30, "enfants": 0, "en_couple": False}, ["psa_bastille"]),
    ({"genre": "homme", "age": 22, "enfants": 0, "en_couple": False}, ["psa_belleville"]),
    ({"genre": "homme", "age": 25, "enfants": 0, "en_couple": False}, ["psa_bastille", "psa_belleville"]),  # 25 ans : les deux sources se chevauchent
    ({"genre": "femme", "age": 40, "enfants": 0, "en_couple": False}, ["psa_gauthey"]),
    ({"genre": "femme", "age": 20}, ["psa_gauthey"]),  # une jeune femme ne va pas à la PSA des jeunes hommes
    ({"genre": "homme", "age": 30, "enfants": 2}, ["psa_gauthey"]),  # une famille
    ({"enceinte": True, "age": 30}, ["psa_bastille", "psa_gauthey"]),  # grossesse au foyer, genre non dit : la sienne ou celle de sa compagne
    ({"enceinte": True, "genre": "femme", "age": 30}, ["psa_gauthey"]),
    ({"genre": "homme", "age": 30, "enfants": 0, "en_couple": True}, []),  # couple sans enfant : aucune source ne dit où
    ({"genre": "homme", "age": 16, "enfants": 0}, []),  # garçon de 16 ans : ni Bastille (25+) ni Belleville (18-25)
    ({"age": 16}, ["psa_gauthey"]),  # aucune source ne donne d'âge pour Gauthey : une jeune mère reste possible
    ({"age": 30, "enfants": 0, "en_couple": False}, ["psa_bastille", "psa_gauthey"]),  # genre non dit : les deux possibles
    ({"genre": "homme", "age": 22}, ["psa_belleville", "psa_gauthey"]),  # enfants non dits : une famille reste possible
    ({}, ["psa_bastille", "psa_belleville", "psa_gauthey"]),
])
def test_psa_selon_le_public(situation, attendu):
    assert selection(["psa"], situation) == attendu
    for i in attendu:
        assert LIEUX[i]["public"].startswith("Pour "), i  # chacune dit pour qui elle est


def test_psa_fermee_jamais_proposee():
    assert "psa_chemin_vert" not in selection(["psa"], {"genre": "femme", "en_couple": True, "enfants": 2})


def test_accueils_reserves_aux_femmes_ou_aux_familles():
    assert "esi_halte_femmes" not in selection(["esi"], {"genre": "homme", "age": 40})
    assert "esi_halte_femmes" in selection(["esi"], {"genre": "femme", "age": 40})
    assert "esi_familles_pitard" not in selection(["esi"], {"genre": "homme", "age": 40, "enfants": 0})
    assert "esi_familles_pitard" in selection(["esi"], {"genre": "homme", "age": 40, "enfants": 1})


_valeur = {
    "arrondissement": st.integers(1, 20), "genre": st.sampled_from(["femme", "homme"]), "age": st.integers(0, 99),
    "enfants": st.integers(0, 5), "en_couple": st.booleans(), "enceinte": st.booleans(),
}


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({}, optional=_valeur), st.sampled_from(sorted(_valeur)), st.data())
def test_un_fait_de_plus_n_ajoute_jamais_de_lieu(situation, champ, data):
    """Monotonie : apprendre un fait ne peut que retirer des lieux (jamais en ajouter un qui ne convenait pas)."""
    if champ in situation:
        return
    plus = {**situation, champ: data.draw(_valeur[champ])}
    for nature in ("psa", "esi", "domiciliation", "spada"):
        assert set(selection([nature], plus)) <= set(selection([nature], situation)), (nature, situation, plus)
    for f in choisir(DEMANDABLES, plus, date=JOUR):
        _verifier_fiche(f)


# ------------------------------------------------------------------------------------------------ mots simples

SIGLES = {
    "EPS": ("espace parisien des solidarités",), "PSA": ("permanence sociale d'accueil",),
    "PASS": ("permanence d'accès aux soins",), "CPAM": ("caisse primaire d'assurance maladie", "assurance maladie"),
    "CAF": ("caisse d'allocations familiales", "caisses d'allocations familiales"), "AME": ("aide médicale de l'État",),
    "CSS": ("complémentaire santé solidaire",), "FSL": ("fonds de solidarité pour le logement",),
    "SPADA": ("accueil des demandeurs d'asile",), "OFII": ("office de l'immigration",), "AP-HP": ("hôpitaux de Paris",),
    "SAMU": ("service d'aide médicale urgente",), "ANIL": ("information sur le logement",),
    "CAFDA": ("accueil des familles demandeuses d'asile",), "ESI": ("accueil de jour", "espace solidarité insertion"),
}
MOTS_COURANTS = {"SMS", "SOS"}


def _phrases(texte: str) -> list[str]:
    return [p for p in re.split(r"(?<=[.!?])\s+", texte.strip()) if p]


def test_noms_et_publics_en_mots_simples():
    """FALC : phrases de 20 mots au plus, chaque sigle expliqué dans la fiche même."""
    for ident, lieu in LIEUX.items():
        textes = [lieu["nom"], lieu["public"], lieu.get("remarque") or ""]
        tout = " ".join(textes)
        for texte in textes:
            for p in _phrases(texte):
                assert len(p.split()) <= 20, (ident, p)
        for sigle in set(re.findall(r"\b[A-Z][A-Z]+(?:-[A-Z]+)?\b", tout)):
            assert sigle in SIGLES or sigle in MOTS_COURANTS, (ident, sigle)
            if sigle in SIGLES:
                assert any(e.lower() in tout.lower() for e in SIGLES[sigle]), (ident, sigle)
    for libelle, _ in L.NATURES.values():
        for sigle in re.findall(r"\b[A-Z][A-Z]+\b", libelle):
            assert any(e.lower() in libelle.lower() for e in SIGLES[sigle]), libelle


# ------------------------------------------------------------------------------------------------ rapidité

def test_choix_rapide():
    """Le choix tourne à chaque message : il doit rester de l'ordre de la milliseconde."""
    situations = list(_situations())
    debut = time.perf_counter()
    for s in situations:
        choisir(DEMANDABLES, s, date=JOUR)
        arrondissement_utile(["eps", "psa", "cpam", "pass"], {**s, "arrondissement": None})
    moyenne_ms = (time.perf_counter() - debut) * 1000 / len(situations)
    assert moyenne_ms < 50, moyenne_ms

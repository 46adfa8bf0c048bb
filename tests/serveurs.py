"""Démarrer de VRAIS serveurs pour les tests de bout en bout (et le banc d'essai).

- le serveur d'actions : ``python -m bot.passerelle.serveur_actions --actions bot.actions`` (rasa-sdk,
  Python de ``.venv``), qui n'accepte que Rasa : un secret partagé au hasard (``ACTIONS_JETON``),
  que Rasa envoie (``action_endpoint.token``) ;
- Rasa : ``scripts/rasa_run.py run --enable-api`` avec le Python de ``.venv-rasa`` et un modèle entraîné
  (``jeton="..."`` : API protégée par ``--auth-token``, à passer en ``?token=`` ; sans jeton, API
  ouverte). Le jeton passe par l'environnement, jamais par la ligne de commande (``ps``).

Tout écoute sur 127.0.0.1, sur des ports libres (plusieurs lancements peuvent coexister).
On attend que chaque serveur réponde, on rend leurs adresses, puis on les arrête.

Exemple ::

    from tests.serveurs import serveurs, Conversation
    with serveurs() as s:
        conv = Conversation(s.webhook)
        messages = conv.envoyer("bonjour")

Les messages du canal REST sont une liste de dicts. Rasa 3.6 (``OutputChannel.send_response``)
envoie le ``custom`` d'un message à part : un message ``{"text", "buttons"}`` puis, juste après,
``{"custom": {...}}``. ``Conversation`` les garde tels quels et regroupe les ``custom`` reçus.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import httpx

RACINE = Path(__file__).resolve().parent.parent
PYTHON_APP = RACINE / ".venv" / "bin" / "python"
RASA = RACINE / ".venv-rasa" / "bin" / "rasa"
PYTHON_RASA = RACINE / ".venv-rasa" / "bin" / "python"
LANCEUR_RASA = RACINE / "scripts" / "rasa_run.py"
MODELE = RACINE / "models" / "assistant.tar.gz"
HOTE = "127.0.0.1"
ATTENTE_ACTIONS = 60.0
ATTENTE_RASA = 240.0  # charger spaCy, TensorFlow et le modèle sur 2 cœurs


class ServeurEnPanne(RuntimeError):
    """Un serveur n'a pas démarré : le message donne la fin de son journal."""


def port_libre() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOTE, 0))
        return s.getsockname()[1]


@dataclass
class Serveurs:
    rasa: str             # http://127.0.0.1:PORT (API Rasa)
    actions: str | None   # http://127.0.0.1:PORT (serveur d'actions) ou None
    journaux: Path        # dossier des journaux des deux serveurs
    jeton: str | None = None  # --auth-token de l'API Rasa (à passer en ?token=), ou None : API ouverte
    base: str | None = None   # DATABASE_URL des rendez-vous du serveur d'actions
    jeton_actions: str | None = None  # secret partagé Rasa → serveur d'actions (?token=)
    processus: dict = field(default_factory=dict)  # nom → subprocess.Popen (tests de pannes)

    @property
    def webhook(self) -> str:
        return f"{self.rasa}/webhooks/rest/webhook"


def _environnement(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHONHOME"))}
    env.update(
        PYTHONPATH=str(RACINE),
        RASA_TELEMETRY_ENABLED="false",
        TF_CPP_MIN_LOG_LEVEL="3",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        **extra,
    )
    return env


def preparer_base(dossier: Path) -> str:
    """Une base SQLite de rendez-vous, migrée, avec les créneaux des 4 prochaines semaines."""
    from rdv.db import migrer
    from rdv.service import ServiceRdv

    url = f"sqlite:///{dossier / 'rdv.db'}"
    migrer(url)
    service = ServiceRdv(url)
    service.generer_creneaux()
    service.sessions.kw["bind"].dispose()
    return url


def _lancer(commande: list[str], journal: Path, cwd: Path, env: dict[str, str]) -> subprocess.Popen:
    sortie = journal.open("wb")
    return subprocess.Popen(
        commande, cwd=cwd, env=env, stdout=sortie, stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL, start_new_session=True,
    )


def _attendre(url: str, processus: subprocess.Popen, journal: Path, delai: float,
              params: dict[str, str] | None = None) -> None:
    fin = time.monotonic() + delai
    while time.monotonic() < fin:
        if processus.poll() is not None:
            break
        try:
            if httpx.get(url, params=params, timeout=2.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    fin_journal = journal.read_text(errors="replace")[-3000:] if journal.exists() else ""
    raise ServeurEnPanne(f"{url} ne répond pas (code de sortie {processus.poll()}) :\n{fin_journal}")


def _arreter(processus: subprocess.Popen) -> None:
    if processus.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(processus.pid, signal.SIGTERM)
    try:
        processus.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(processus.pid, signal.SIGKILL)
        processus.wait(timeout=5)


@contextlib.contextmanager
def serveurs(
    modele: Path | str = MODELE,
    actions: bool = True,
    projet: Path | str = RACINE,
    journaux: Path | str | None = None,
    jeton: str | None = None,
    base: str | None = None,
    endpoints_extra: str = "",
    env_extra: dict[str, str] | None = None,
    attente_rasa: float = ATTENTE_RASA,
    code_actions: Path | str = RACINE,
    nlg: bool = True,
) -> Iterator[Serveurs]:
    """Démarre le serveur d'actions (si ``actions``) puis Rasa avec ``modele``, et les arrête.

    ``projet`` : dossier de travail de Rasa (pour un autre assistant, par ex. un ``rasa init``).
    ``jeton`` : protège l'API HTTP de Rasa (``--auth-token``) comme en production (Procfile).
    ``base`` : la base des rendez-vous (``DATABASE_URL``) ; sans elle, une base SQLite neuve, avec
    ses créneaux, dans le dossier des journaux (voir ``Serveurs.base``).
    ``endpoints_extra`` : lignes ajoutées à endpoints.yml (``tracker_store``, ``lock_store``…) ;
    ``env_extra`` : variables d'environnement de plus pour les deux serveurs.
    ``code_actions`` : le dossier dont le serveur d'actions prend le code (un autre commit, pour un banc) ;
    ``nlg`` : les réponses fixes rendues par le serveur d'actions (``POST /nlg``, issue 13).
    """
    modele = Path(modele)
    if not modele.exists():
        raise FileNotFoundError(f"Modèle absent : {modele} (lancez : make train)")
    dossier = Path(journaux or tempfile.mkdtemp(prefix="serveurs-"))
    dossier.mkdir(parents=True, exist_ok=True)
    lances: list[subprocess.Popen] = []
    processus: dict[str, subprocess.Popen] = {}
    extra = dict(env_extra or {})
    jeton_actions = None
    try:
        url_actions = None
        endpoints = dossier / "endpoints.yml"
        if actions and base is None:
            base = preparer_base(dossier)
        if actions:
            import secrets

            jeton_actions = secrets.token_hex(16)
            port = port_libre()
            url_actions = f"http://{HOTE}:{port}"
            journal = dossier / "actions.log"
            proc = _lancer(
                [str(PYTHON_APP), "-m", "bot.passerelle.serveur_actions", "--actions", "bot.actions",
                 "-p", str(port)],
                journal, Path(code_actions), _environnement(SANIC_HOST=HOTE, DATABASE_URL=base, ACTIONS_JETON=jeton_actions,
                                                **extra),
            )
            lances.append(proc)
            processus["actions"] = proc
            _attendre(f"{url_actions}/health", proc, journal, ATTENTE_ACTIONS)
            endpoints.write_text(f"action_endpoint:\n  url: {url_actions}/webhook\n  token: {jeton_actions}\n"
                                 + (f"nlg:\n  url: {url_actions}/nlg\n  token: {jeton_actions}\n" if nlg else "")
                                 + endpoints_extra)
        else:
            endpoints.write_text(endpoints_extra)
        endpoints.chmod(0o600)
        credentials = dossier / "credentials.yml"
        credentials.write_text("rest:\n")
        port = port_libre()
        url_rasa = f"http://{HOTE}:{port}"
        journal = dossier / "rasa.log"
        # Sans jeton, l'API de Rasa reste ouverte (contrat de cette fonction) : scripts/rasa_run.py le refuse
        # sauf avec RASA_API_OUVERTE=1 (tests et banc seulement, jamais le Procfile).
        env_rasa = _environnement(**extra, **({"RASA_JETON": jeton} if jeton else {"RASA_API_OUVERTE": "1"}))
        proc = _lancer(
            [str(PYTHON_RASA), str(LANCEUR_RASA), "run", "--enable-api", "-m", str(modele), "-i", HOTE,
             "-p", str(port), "--endpoints", str(endpoints), "--credentials", str(credentials)],
            journal, Path(projet), env_rasa,
        )
        lances.append(proc)
        processus["rasa"] = proc
        _attendre(f"{url_rasa}/status", proc, journal, attente_rasa, {"token": jeton} if jeton else None)
        yield Serveurs(rasa=url_rasa, actions=url_actions, journaux=dossier, jeton=jeton, base=base,
                       jeton_actions=jeton_actions, processus=processus)
    finally:
        for proc in reversed(lances):
            _arreter(proc)


@dataclass
class Conversation:
    """Une conversation par le canal REST, avec un identifiant unique."""

    webhook: str
    expediteur: str = field(default_factory=lambda: f"test-{uuid.uuid4().hex[:12]}")
    delai: float = 60.0
    messages: list[dict[str, Any]] = field(default_factory=list)  # tous les messages du bot
    dernier: list[dict[str, Any]] = field(default_factory=list)   # ceux de la dernière réponse

    def envoyer(self, texte: str) -> list[dict[str, Any]]:
        reponse = httpx.post(
            self.webhook, json={"sender": self.expediteur, "message": texte}, timeout=self.delai
        )
        reponse.raise_for_status()
        self.dernier = reponse.json()
        self.messages += self.dernier
        return self.dernier

    @staticmethod
    def customs(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [m["custom"] for m in messages if isinstance(m.get("custom"), dict)]

    @property
    def questions(self) -> list[str]:
        """Les champs demandés, dans l'ordre (custom.question)."""
        return [c["question"] for c in self.customs(self.messages) if "question" in c]

    @property
    def question(self) -> str | None:
        """Le champ demandé dans la dernière réponse, s'il y en a un."""
        qs = [c["question"] for c in self.customs(self.dernier) if "question" in c]
        return qs[-1] if qs else None

    @property
    def groupe(self) -> str | None:
        """Le nom de la question groupée de la dernière réponse (custom.groupe, « foyer »), s'il y en a une."""
        gs = [c.get("groupe") for c in self.customs(self.dernier) if "question" in c]
        return gs[-1] if gs else None

    @property
    def resultats(self) -> dict | None:
        """Le dernier custom.resultats reçu (le JSON de droits.evaluer)."""
        rs = [c["resultats"] for c in self.customs(self.messages) if "resultats" in c]
        return rs[-1] if rs else None

    def textes(self, messages: list[dict[str, Any]] | None = None) -> str:
        return "\n".join(m.get("text", "") for m in (self.dernier if messages is None else messages))

    def boutons(self) -> list[dict[str, str]]:
        return [b for m in self.dernier for b in m.get("buttons") or []]


def _arret(signum, frame):  # SIGTERM / SIGINT : sortir proprement (les serveurs sont arrêtés)
    raise KeyboardInterrupt


if __name__ == "__main__":  # démarrage à la main : python -m tests.serveurs
    signal.signal(signal.SIGTERM, _arret)
    signal.signal(signal.SIGINT, _arret)
    with serveurs() as s:
        print(f"Rasa : {s.webhook}\nActions : {s.actions}\nJournaux : {s.journaux}", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            signal.pause()
    sys.exit(0)


# --------------------------------------------------------------------------------------------
# Topologie de production (issue 14) : N paires (serveur d'actions, Rasa), suivis dans PostgreSQL,
# verrous dans Redis. Utilisée par les tests de pannes (tests/passerelle/test_pannes.py), le banc de
# charge et make run-prod (scripts/prod.py).
# --------------------------------------------------------------------------------------------

def endpoints_production(pg_port: int, base_suivis: str, redis_port: int) -> str:
    """Les lignes d'endpoints.yml de la production : SQLTrackerStore (PostgreSQL) et RedisLockStore."""
    return (
        "tracker_store:\n"
        "  type: SQL\n"
        "  dialect: postgresql\n"
        f"  url: 127.0.0.1\n  port: {pg_port}\n"
        f"  db: {base_suivis}\n"
        "  username: postgres\n"
        "lock_store:\n"
        "  type: redis\n"
        f"  url: 127.0.0.1\n  port: {redis_port}\n  db: 1\n  key_prefix: droits\n"
    )


@dataclass
class Grappe:
    instances: list[Serveurs]
    pg: Any
    redis: Any
    base_rdv: str
    suivis: str  # URL SQLAlchemy de la base des suivis de Rasa
    jeton: str

    @property
    def rasa_urls(self) -> list[str]:
        return [s.rasa for s in self.instances]

    @property
    def actions_urls(self) -> list[str]:
        return [s.actions for s in self.instances]


@contextlib.contextmanager
def grappe(n: int = 2, modele: Path | str = MODELE, journaux: Path | str | None = None) -> Iterator[Grappe]:
    """PostgreSQL et Redis jetables (paquets Debian), puis ``n`` paires (actions, Rasa) démarrées en
    parallèle sur les mêmes bases. Tout écoute sur 127.0.0.1, sur des ports libres."""
    import secrets
    import threading

    from rdv.db import migrer
    from rdv.pg_jetable import PostgresJetable
    from rdv.redis_jetable import RedisJetable
    from rdv.service import ServiceRdv

    dossier = Path(journaux or tempfile.mkdtemp(prefix="grappe-"))
    jeton = secrets.token_hex(16)
    with PostgresJetable() as pg, RedisJetable() as r, contextlib.ExitStack() as pile:
        base_rdv = pg.creer_base("rdv")
        migrer(base_rdv)
        service = ServiceRdv(base_rdv)
        service.generer_creneaux()
        service.sessions.kw["bind"].dispose()
        suivis = pg.creer_base("suivis")
        extra = endpoints_production(pg.port, "suivis", r.port)
        resultats: list[Any] = [None] * n

        def demarrer(i: int) -> None:
            try:
                gestionnaire = serveurs(modele=modele, journaux=dossier / f"instance-{i}", jeton=jeton,
                                        base=base_rdv, endpoints_extra=extra,
                                        env_extra={"REDIS_URL": r.url, "TICKET_LOCK_LIFETIME": "15"},
                                        attente_rasa=ATTENTE_RASA * 2.5)
                resultats[i] = (gestionnaire, gestionnaire.__enter__())
            except BaseException as exc:  # noqa: BLE001 - rendu au fil principal
                resultats[i] = exc

        fils = [threading.Thread(target=demarrer, args=(i,)) for i in range(n)]
        for f in fils:
            f.start()
        for f in fils:
            f.join()
        instances = []
        for res in resultats:
            if isinstance(res, tuple):
                pile.push(res[0].__exit__)
                instances.append(res[1])
        erreurs = [res for res in resultats if isinstance(res, BaseException)]
        if erreurs:
            raise erreurs[0]
        yield Grappe(instances=instances, pg=pg, redis=r, base_rdv=base_rdv, suivis=suivis, jeton=jeton)

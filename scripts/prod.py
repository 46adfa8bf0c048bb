"""``make run-prod`` : la topologie de production sur une machine, tout sur 127.0.0.1.

    PostgreSQL (paquet Debian, grappe dans var/prod/pg)  ── bases « rdv » et « suivis »
    Redis (paquet Debian, var/prod/redis, journal d'écriture)
    2 serveurs d'actions  : 127.0.0.1:5055, :5056 (secret partagé ACTIONS_JETON)
    2 instances de Rasa   : 127.0.0.1:5005 → actions 5055, :5006 → actions 5056
                            suivis dans PostgreSQL (SQLTrackerStore), verrous dans Redis (RedisLockStore)
    la passerelle         : 127.0.0.1:8000, 2 workers uvicorn, état dans Redis, hachage cohérent des
                            conversations sur les 2 Rasa et bascule, effacement par DELETE des suivis
    le relanceur          : SMS dus, purge chaque heure (rdv, suivis)

Sous root, chaque service tourne sous son propre utilisateur système sans droits (créé ici) :
``droits-rasa``, ``droits-actions``, ``droits-web`` ; PostgreSQL sous ``postgres``, Redis sous ``redis``.
Les secrets (``PSEUDONYME_CLE``, gardée dans var/prod/secrets.env en 600 ; ``RASA_JETON`` et
``ACTIONS_JETON``, tirés à chaque lancement) passent par l'environnement, jamais par la ligne de commande.
Ctrl-C arrête tout, dans l'ordre inverse. PostgreSQL accepte les connexions locales sans mot de passe
(méthode « trust », comme les tests) : sur une vraie machine de production, mettez des mots de passe
(``DATABASE_URL``, ``TRACKER_DATABASE_URL``) et une grappe gérée par le système.

Options : ``--instances N`` (Rasa et actions), ``--workers N`` (passerelle), ``--port`` (passerelle).
"""
from __future__ import annotations

import argparse
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

RACINE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RACINE))

from rdv.pg_jetable import PostgresJetable  # noqa: E402
from rdv.redis_jetable import RedisJetable  # noqa: E402
from tests.serveurs import endpoints_production  # noqa: E402

PROD = RACINE / "var" / "prod"
UTILISATEURS = {"rasa": "droits-rasa", "actions": "droits-actions", "web": "droits-web"}


def utilisateur(role: str) -> list[str]:
    """``runuser -u droits-<role> --`` sous root (l'utilisateur est créé s'il manque) ; rien sinon."""
    if os.geteuid() != 0:
        return []
    nom = UTILISATEURS[role]
    maison = PROD / f"maison-{role}"
    maison.mkdir(parents=True, exist_ok=True)
    try:
        pwd.getpwnam(nom)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--home-dir", str(maison),
                        "--shell", "/usr/sbin/nologin", nom], check=True)
    shutil.chown(maison, nom, nom)
    os.chmod(maison, 0o700)
    # Les interpréteurs doivent être lisibles par cet utilisateur : un Python installé par pyenv dans
    # /root (mode 700) ne l'est pas. Alors on le dit, et le service tourne sous l'utilisateur courant.
    for python in (RACINE / ".venv" / "bin" / "python", RACINE / ".venv-rasa" / "bin" / "python"):
        essai = subprocess.run(["runuser", "-u", nom, "--", str(python), "-c", "0"], capture_output=True)
        if essai.returncode != 0:
            if nom not in _AVERTIS:
                _AVERTIS.add(nom)
                print(f"Attention : {nom} ne peut pas lancer {python} (interpréteur sous /root ?). "
                      "Le service tourne sous l'utilisateur courant. Installez Python hors de /root "
                      "(par exemple /usr/local) pour séparer les utilisateurs.", file=sys.stderr, flush=True)
            return []
    return ["runuser", "-u", nom, "--"]


_AVERTIS: set[str] = set()


def secret_garde(nom: str) -> str:
    fichier = PROD / "secrets.env"
    valeurs = {}
    if fichier.exists():
        for ligne in fichier.read_text().splitlines():
            if "=" in ligne:
                k, v = ligne.split("=", 1)
                valeurs[k] = v
    if nom not in valeurs:
        valeurs[nom] = secrets.token_hex(32)
        fichier.write_text("".join(f"{k}={v}\n" for k, v in valeurs.items()))
        os.chmod(fichier, 0o600)
    return valeurs[nom]


def attendre(url: str, proc: subprocess.Popen, delai: float, params=None) -> None:
    fin = time.monotonic() + delai
    while time.monotonic() < fin and proc.poll() is None:
        try:
            if httpx.get(url, params=params, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"{url} ne répond pas : voir {PROD / 'journaux'}")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--instances", type=int, default=2)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--port", type=int, default=int(os.environ.get("PASSERELLE_PORT") or 8000))
    args = p.parse_args()
    PROD.mkdir(parents=True, exist_ok=True)
    os.chmod(PROD, 0o711)
    journaux = PROD / "journaux"
    journaux.mkdir(exist_ok=True)

    pg = PostgresJetable(rapide=False, dossier=PROD / "pg", port=int(os.environ.get("PG_PORT") or 55432))
    redis_srv = RedisJetable(port=int(os.environ.get("REDIS_PORT") or 56379), dossier=PROD / "redis")
    lances: list[subprocess.Popen] = []
    try:
        pg.demarrer()
        redis_srv.demarrer()
        base_rdv = pg.assurer_base("rdv")
        suivis = pg.assurer_base("suivis")
        base_env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHONHOME"))}
        base_env.update(PYTHONPATH=str(RACINE), DATABASE_URL=base_rdv, REDIS_URL=redis_srv.url,
                        RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="3", SANIC_ACCESS_LOG="false",
                        SQLALCHEMY_SILENCE_UBER_WARNING="1")
        py = str(RACINE / ".venv" / "bin" / "python")
        subprocess.run([py, "-m", "rdv", "migrer"], env=base_env, check=True, cwd=RACINE)
        subprocess.run([py, "-m", "rdv", "generer-creneaux"], env=base_env, check=True, cwd=RACINE)
        rasa_jeton, actions_jeton = secrets.token_hex(32), secrets.token_hex(32)
        extra = endpoints_production(pg.port, "suivis", redis_srv.port)

        def lancer(nom: str, role: str, commande: list[str], env: dict) -> subprocess.Popen:
            sortie = (journaux / f"{nom}.log").open("ab")
            env = {**env, "HOME": str(PROD / f"maison-{role}")}
            proc = subprocess.Popen(utilisateur(role) + commande, env=env, cwd=RACINE, stdout=sortie,
                                    stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
            lances.append(proc)
            return proc

        rasa_urls, actions_urls, attentes = [], [], []
        for i in range(args.instances):
            port_a, port_r = 5055 + i, 5005 + i
            actions_urls.append(f"http://127.0.0.1:{port_a}")
            rasa_urls.append(f"http://127.0.0.1:{port_r}")
            proc = lancer(f"actions-{i}", "actions",
                          [py, "-m", "bot.passerelle.serveur_actions", "--actions", "bot.actions", "-p", str(port_a)],
                          {**base_env, "SANIC_HOST": "127.0.0.1", "ACTIONS_JETON": actions_jeton})
            attentes.append((f"{actions_urls[-1]}/health", proc, None))
            endpoints = PROD / f"endpoints-{i}.yml"
            endpoints.write_text(f"action_endpoint:\n  url: {actions_urls[-1]}/webhook\n  token: {actions_jeton}\n"
                                 f"nlg:\n  url: {actions_urls[-1]}/nlg\n  token: {actions_jeton}\n" + extra)
            os.chmod(endpoints, 0o600)
            if os.geteuid() == 0:
                utilisateur("rasa")
                shutil.chown(endpoints, UTILISATEURS["rasa"])
            proc = lancer(f"rasa-{i}", "rasa",
                          [str(RACINE / ".venv-rasa" / "bin" / "python"), str(RACINE / "scripts" / "rasa_run.py"),
                           "run", "-m", str(RACINE / "models" / "assistant.tar.gz"), "-i", "127.0.0.1",
                           "-p", str(port_r), "--endpoints", str(endpoints), "--credentials",
                           str(RACINE / "credentials.yml"), "--enable-api"],
                          {**base_env, "RASA_JETON": rasa_jeton,
                           # Verrou d'une conversation tenu par une instance tuée : libéré en 15 s (60 par défaut).
                           "TICKET_LOCK_LIFETIME": "15"})
            attentes.append((f"{rasa_urls[-1]}/status", proc, {"token": rasa_jeton}))
        for url, proc, params in attentes:
            attendre(url, proc, 400, params)
        env_web = {**base_env, "ENVIRONNEMENT": "production", "PSEUDONYME_CLE": secret_garde("PSEUDONYME_CLE"),
                   "RASA_JETON": rasa_jeton, "RASA_URL": rasa_urls[0], "RASA_URLS": ",".join(rasa_urls),
                   "ACTIONS_URL": actions_urls[0], "ACTIONS_URLS": ",".join(actions_urls),
                   "TRACKER_DATABASE_URL": suivis, "PASSERELLE_WORKERS": str(args.workers),
                   "PASSERELLE_PORT": str(args.port), "JOURNAL_FORMAT": "json",
                   "PROMETHEUS_MULTIPROC_DIR": str(PROD / "metriques")}
        (PROD / "metriques").mkdir(exist_ok=True)
        for vieux in (PROD / "metriques").glob("*.db"):
            vieux.unlink()
        if os.geteuid() == 0:
            utilisateur("web")
            shutil.chown(PROD / "metriques", UTILISATEURS["web"])
        passerelle = lancer("passerelle", "web", [py, "-m", "bot.passerelle"], env_web)
        lancer("rappels", "web", [py, "-m", "rdv", "rappels"], env_web)
        attendre(f"http://127.0.0.1:{args.port}/healthz", passerelle, 60)
        print(f"Prêt : borne http://127.0.0.1:{args.port}/ ; {args.instances} Rasa, {args.instances} serveurs "
              f"d'actions, PostgreSQL :{pg.port}, Redis :{redis_srv.port}. Journaux : {journaux}", flush=True)
        signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt))
        while all(p.poll() is None for p in lances):
            time.sleep(1)
        print("Un service s'est arrêté : tout s'arrête (voir les journaux).", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        for proc in reversed(lances):
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                    proc.wait(timeout=15)
                except Exception:  # noqa: BLE001
                    os.killpg(proc.pid, signal.SIGKILL)
        redis_srv.stopper()
        if pg.dossier is not None:
            pg.stopper()


if __name__ == "__main__":
    sys.exit(main())

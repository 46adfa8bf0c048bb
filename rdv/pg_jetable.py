"""Grappe PostgreSQL jetable, pour les tests et le banc d'essai.

Crée une grappe dans un dossier temporaire (``initdb``), la démarre sur un port libre de
127.0.0.1 avec sa socket Unix dans ce même dossier, puis l'arrête et l'efface. Sous root,
les commandes tournent sous l'utilisateur système ``postgres`` (PostgreSQL refuse root).
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


class PostgresIndisponible(RuntimeError):
    pass


def trouver_binaires() -> Path | None:
    """Dossier des binaires PostgreSQL (``initdb``, ``pg_ctl``), ou None."""
    env = os.environ.get("PG_BINDIR")
    if env and (Path(env) / "initdb").exists():
        return Path(env)
    candidats = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0,
    )
    if candidats:
        return Path(candidats[-1]).parent
    chemin = shutil.which("initdb")
    return Path(chemin).parent if chemin else None


def port_libre() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresJetable:
    """``with PostgresJetable() as pg: pg.url`` ; ``pg.creer_base(nom)`` rend l'URL d'une base."""

    def __init__(self, rapide: bool = True, dossier: str | Path | None = None, port: int = 0):
        """``dossier`` : grappe gardée dans ce dossier (``make run-prod``), réutilisée au lancement
        suivant et jamais effacée ; sans lui, un dossier temporaire effacé à l'arrêt."""
        self.rapide = rapide  # fsync=off : pour les tests seulement, pas pour mesurer
        self._dossier_fixe = Path(dossier) if dossier else None
        self.bindir = trouver_binaires()
        if self.bindir is None:
            raise PostgresIndisponible(
                "PostgreSQL introuvable (pas d'initdb) : apt-get install postgresql"
            )
        self.dossier: Path | None = None
        self.port = port
        self._lance = False

    # -- utilitaires -------------------------------------------------------
    def _commande(self, *args: str) -> list[str]:
        if os.geteuid() == 0:
            return ["runuser", "-u", "postgres", "--", *args]
        return list(args)

    def _executer(self, *args: str) -> None:
        r = subprocess.run(self._commande(*args), capture_output=True, text=True)
        if r.returncode != 0:
            raise PostgresIndisponible(f"{' '.join(args[:2])} a échoué : {r.stderr.strip()[-2000:]}")

    @property
    def url(self) -> str:
        return self.url_base("postgres")

    def url_base(self, nom: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{nom}"

    # -- cycle de vie --------------------------------------------------------
    def demarrer(self) -> PostgresJetable:
        if self._dossier_fixe is not None:
            self.dossier = self._dossier_fixe
            self.dossier.mkdir(parents=True, exist_ok=True)
        else:
            self.dossier = Path(tempfile.mkdtemp(prefix="rdv-pg-"))
        os.chmod(self.dossier, 0o700)
        if os.geteuid() == 0:
            shutil.chown(self.dossier, "postgres", "postgres")
        donnees = self.dossier / "donnees"
        if not (donnees / "PG_VERSION").exists():
            self._executer(
                str(self.bindir / "initdb"), "-D", str(donnees), "-U", "postgres",
                "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync",
            )
        options = [
            f"-p {self.port or port_libre()}",
            "-c listen_addresses=127.0.0.1",
            f"-c unix_socket_directories={self.dossier}",
            "-c max_connections=120",
        ]
        if self.rapide:
            options += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
        self.port = int(options[0].split()[1])
        self._options = " ".join(options)
        self.relancer()
        return self

    def relancer(self) -> None:
        """(Re)démarre le serveur sur les mêmes données et le même port."""
        self._executer(
            str(self.bindir / "pg_ctl"), "-D", str(self.dossier / "donnees"), "-l", str(self.dossier / "journal.log"),
            "-o", self._options, "-w", "-t", "60", "start",
        )
        self._lance = True

    def stopper(self) -> None:
        """Arrête le serveur (comme une panne ou un redémarrage) sans effacer les données."""
        self._executer(str(self.bindir / "pg_ctl"), "-D", str(self.dossier / "donnees"), "-m", "fast", "-w", "stop")
        self._lance = False

    def assurer_base(self, nom: str) -> str:
        """Crée la base si elle manque (sans rien effacer) ; rend son URL."""
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as c:
            if c.execute("SELECT 1 FROM pg_database WHERE datname = %s", (nom,)).fetchone() is None:
                c.execute(f'CREATE DATABASE "{nom}"')
        return self.url_base(nom)

    def creer_base(self, nom: str) -> str:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{nom}"')
            c.execute(f'CREATE DATABASE "{nom}"')
        return self.url_base(nom)

    def arreter(self) -> None:
        if self.dossier is None:
            return
        if self._lance:
            subprocess.run(
                self._commande(str(self.bindir / "pg_ctl"), "-D", str(self.dossier / "donnees"),
                               "-m", "immediate", "-w", "stop"),
                capture_output=True,
            )
            self._lance = False
        if self._dossier_fixe is None:
            shutil.rmtree(self.dossier, ignore_errors=True)
        self.dossier = None

    def __enter__(self) -> PostgresJetable:
        try:
            return self.demarrer()
        except BaseException:
            self.arreter()
            raise

    def __exit__(self, *exc) -> None:
        self.arreter()

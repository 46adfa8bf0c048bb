"""Serveur Redis jetable (paquet Debian ``redis-server``), pour les tests et ``make run-prod``.

Un dossier temporaire, un port libre de 127.0.0.1, journal d'écriture (``appendonly``) : un
redémarrage (``relancer``) retrouve les données, comme un vrai serveur. Sous root, le serveur tourne
sous l'utilisateur système ``redis`` quand il existe (jamais en root si on peut l'éviter).
"""
from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path


class RedisIndisponible(RuntimeError):
    pass


def _port_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RedisJetable:
    def __init__(self, port: int | None = None, dossier: str | Path | None = None):
        self.binaire = shutil.which("redis-server") or "/usr/bin/redis-server"
        if not Path(self.binaire).exists():
            raise RedisIndisponible("redis-server introuvable : apt-get install redis-server")
        self.port = port or _port_libre()
        self._dossier_donne = dossier is not None
        self.dossier = Path(dossier) if dossier else Path(tempfile.mkdtemp(prefix="redis-"))
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def _utilisateur(self) -> list[str]:
        if os.geteuid() == 0:
            try:
                pwd.getpwnam("redis")
            except KeyError:
                return []
            shutil.chown(self.dossier, "redis", "redis")
            return ["runuser", "-u", "redis", "--"]
        return []

    def demarrer(self) -> "RedisJetable":
        self.dossier.mkdir(parents=True, exist_ok=True)
        os.chmod(self.dossier, 0o700)
        commande = self._utilisateur() + [
            self.binaire, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.dossier),
            "--save", "", "--appendonly", "yes", "--appendfsync", "everysec", "--protected-mode", "yes",
            "--logfile", str(self.dossier / "redis.log"), "--daemonize", "no"]
        self.proc = subprocess.Popen(commande, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     start_new_session=True)
        limite = time.monotonic() + 20
        while time.monotonic() < limite:
            if self.proc.poll() is not None:
                break
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as s:
                    s.sendall(b"PING\r\n")
                    if s.recv(16).startswith(b"+PONG"):
                        return self
            except OSError:
                time.sleep(0.05)
        journal = (self.dossier / "redis.log")
        raise RedisIndisponible(f"redis-server ne démarre pas : {journal.read_text()[-1000:] if journal.exists() else ''}")

    relancer = demarrer

    def stopper(self, brutal: bool = False) -> None:
        """Arrête le serveur (SIGTERM ; ``brutal`` : SIGKILL) sans effacer ses données."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.kill() if brutal else self.proc.terminate()
        self.proc.wait(timeout=15)

    def arreter(self) -> None:
        self.stopper()
        if not self._dossier_donne:
            shutil.rmtree(self.dossier, ignore_errors=True)

    def __enter__(self) -> "RedisJetable":
        try:
            return self.demarrer()
        except BaseException:
            self.arreter()
            raise

    def __exit__(self, *exc) -> None:
        self.arreter()

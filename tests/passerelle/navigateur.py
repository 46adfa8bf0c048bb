"""Chromium sans écran (paquet Debian) piloté par Playwright pour Python : jamais « playwright install »."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ARGUMENTS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chemin_chromium() -> str | None:
    for candidat in ("/usr/bin/chromium", shutil.which("chromium") or "", shutil.which("chromium-browser") or ""):
        if candidat and Path(candidat).exists():
            return candidat
    return None


@pytest.fixture(scope="module")
def navigateur():
    chemin = chemin_chromium()
    if chemin is None:
        pytest.skip("Chromium absent : apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chemin, args=ARGUMENTS, headless=True)
        try:
            yield b
        finally:
            b.close()


def choisir_langue(page, code: str = "fr") -> None:
    """Le premier écran de la borne (issue 13) : une langue par bouton ; on touche celle-ci, puis l'accueil."""
    bouton = page.locator(f"#choix button[data-langue='{code}']")
    bouton.wait_for()
    try:
        bouton.tap()
    except Exception:  # noqa: BLE001 - page sans écran tactile : un clic
        bouton.click()
    page.wait_for_selector("body[data-pret]")

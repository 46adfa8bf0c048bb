"""Réglages communs des tests : la racine du projet est importable (droits, bot, rdv, tests.*)."""

import sys
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent
if str(RACINE) not in sys.path:
    sys.path.insert(0, str(RACINE))

import json
from pathlib import Path

import jsonschema
import pytest

RACINE = Path(__file__).resolve().parents[2]
SCHEMAS = RACINE / "droits" / "schema"


@pytest.fixture(scope="session")
def schema_resultat():
    schema = json.loads((SCHEMAS / "resultat.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="session")
def schema_situation():
    schema = json.loads((SCHEMAS / "situation.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)

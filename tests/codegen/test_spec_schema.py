"""specs/spec.schema.json is what YAML editors validate and complete with: it must accept every real
spec file and refuse the mistakes the loader refuses."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml
from codegen_helpers import REAL_SPECS

SCHEMA = json.loads((REAL_SPECS / "spec.schema.json").read_text())
SPEC_FILES = sorted(REAL_SPECS.rglob("*.yaml"))


@pytest.mark.parametrize(
    "path", SPEC_FILES, ids=[p.relative_to(REAL_SPECS).as_posix() for p in SPEC_FILES]
)
def test_every_spec_file_validates_against_the_editor_schema(path):
    jsonschema.validate(yaml.safe_load(path.read_text()), SCHEMA)


def test_the_editor_schema_refuses_an_unknown_key():
    tools = yaml.safe_load((REAL_SPECS / "tools" / "song.yaml").read_text())
    tools[0]["colour"] = "red"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(tools, SCHEMA)

"""docs/tools.json, the machine-readable catalogue published with the site: valid against its own
schema, and equal to what the specs declare, tool by tool."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest
from codegen_helpers import REPO

from generated import registry_gen

CATALOGUE = json.loads((REPO / "docs" / "tools.json").read_text(encoding="utf-8"))
SCHEMA = json.loads((REPO / "docs" / "tools.schema.json").read_text(encoding="utf-8"))


def _validator():
    return jsonschema.Draft202012Validator(SCHEMA)


def test_the_catalogue_is_valid_against_its_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    errors = list(_validator().iter_errors(CATALOGUE))
    assert errors == []


@pytest.mark.parametrize(
    "break_it",
    [
        lambda c: c["tools"][0].pop("since"),
        lambda c: c["tools"][0].update(since="twelve"),
        lambda c: c["tools"][0].update(name="set_tempo"),
        lambda c: c["tools"][0].update(surprise=True),
        lambda c: c["toolsets"][0].update(default="yes"),
    ],
)
def test_the_schema_rejects_a_broken_catalogue(break_it):
    broken = copy.deepcopy(CATALOGUE)
    break_it(broken)
    assert list(_validator().iter_errors(broken))


def test_every_declared_tool_is_in_the_catalogue_as_declared():
    by_name = {tool["name"]: tool for tool in CATALOGUE["tools"]}
    assert sorted(by_name) == sorted(t["name"] for t in registry_gen.TOOLS)
    for declared in registry_gen.TOOLS:
        entry = by_name[declared["name"]]
        assert entry["title"] == declared["title"]
        assert entry["description"] == declared["description"]
        assert entry["toolset"] == declared["toolset"]
        assert entry["domain"] == declared["domain"]
        assert entry["since"] == declared["since"]
        assert entry["annotations"] == declared["annotations"]
        assert entry["inputSchema"] == declared["input_schema"]
        assert entry["outputSchema"] == declared["output_schema"]
        assert tuple(entry["errors"]) == tuple(declared["errors"])


def test_toolsets_and_errors_match_the_registry():
    toolsets = {ts["name"]: ts for ts in CATALOGUE["toolsets"]}
    assert set(toolsets) == set(registry_gen.TOOLSETS)
    for tool in registry_gen.TOOLS:
        assert tool["name"] in toolsets[tool["toolset"]]["tools"]
    assert {e["code"] for e in CATALOGUE["errors"]} == set(registry_gen.ERRORS)


def test_the_site_publishes_the_catalogue_beside_its_schema():
    assert CATALOGUE["$schema"] == "tools.schema.json"
    assert (REPO / "docs" / CATALOGUE["$schema"]).is_file()

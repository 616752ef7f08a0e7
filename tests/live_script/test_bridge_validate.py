"""The stdlib JSON-Schema-subset checker the Remote Script validates params with."""

import pytest

from live_script import dispatch_gen
from live_script.execution.validate import SchemaError, validate

NOTES = dispatch_gen.METHODS["clip.set_notes"]["params"]


def fails(schema, value):
    with pytest.raises(SchemaError) as info:
        validate(schema, value)
    return info.value


def test_defaults_filled_deeply_without_mutating_input():
    params = {
        "clip_id": "track:0/clipslot:0/clip",
        "notes": [{"pitch": 1, "start_time": 0, "duration": 1}],
    }
    out = validate(NOTES, params)
    assert out["notes"][0]["velocity"] == 100 and out["notes"][0]["release_velocity"] == 64
    assert "velocity" not in params["notes"][0]


def test_field_paths_name_the_offender():
    notes = [{"pitch": 1, "start_time": 0, "duration": 1}] * 3 + [{"pitch": 1, "start_time": 0}]
    error = fails(NOTES, {"clip_id": "track:0/clipslot:0/clip", "notes": notes})
    assert (error.field, error.keyword) == ("notes[3].duration", "required")
    notes = [{"pitch": 1, "start_time": 0, "duration": 1, "colour": 2}]
    error = fails(NOTES, {"clip_id": "track:0/clipslot:0/clip", "notes": notes})
    assert (error.field, error.keyword) == ("notes[0].colour", "additionalProperties")


@pytest.mark.parametrize(
    "schema, good, bad, keyword",
    [
        ({"type": "integer"}, 3, 3.5, "type"),
        ({"type": "integer"}, 4.0, True, "type"),
        ({"type": "number"}, 1, "1", "type"),
        ({"type": "number"}, 1e300, float("inf"), "type"),
        ({"type": "number"}, 0.5, float("nan"), "type"),
        ({"type": "boolean"}, False, 0, "type"),
        ({"type": ["integer", "null"]}, None, "x", "type"),
        ({"enum": ["midi", "audio"]}, "midi", "group", "enum"),
        ({"minimum": 20}, 20, 19.99, "minimum"),
        ({"maximum": 999}, 999, 999.5, "maximum"),
        ({"exclusiveMinimum": 0}, 0.001, 0, "exclusiveMinimum"),
        ({"exclusiveMaximum": 1}, 0.5, 1, "exclusiveMaximum"),
        ({"minLength": 1}, "a", "", "minLength"),
        ({"maxLength": 2}, "ab", "abc", "maxLength"),
        ({"pattern": "^track:\\d+$"}, "track:1", "track:x", "pattern"),
        ({"minItems": 1}, [1], [], "minItems"),
        ({"maxItems": 1}, [1], [1, 2], "maxItems"),
        ({"items": {"type": "string"}}, ["a"], ["a", 1], "type"),
        ({"anyOf": [{"type": "string"}, {"type": "null"}]}, None, 3, "type"),
        ({"type": "object", "required": ["a"]}, {"a": 1}, {}, "required"),
        (
            {"type": "object", "properties": {}, "additionalProperties": False},
            {},
            {"b": 1},
            "additionalProperties",
        ),
    ],
)
def test_keywords(schema, good, bad, keyword):
    validate(schema, good)
    assert fails(schema, bad).keyword == keyword


def test_integral_float_becomes_int():
    assert (
        validate({"type": "integer"}, 4.0) == 4 and type(validate({"type": "integer"}, 4.0)) is int
    )


def test_every_generated_schema_accepts_its_own_defaults():
    for _method, spec in dispatch_gen.METHODS.items():
        for _name, prop in spec["params"]["properties"].items():
            if "default" in prop:
                validate(prop, prop["default"])


def test_any_of_reports_the_form_the_value_was_meant_as():
    notes = dispatch_gen.METHODS["clip.set_notes"]["params"]
    compact = {"columns": ["pitch"], "rows": "not numbers"}
    with pytest.raises(SchemaError) as info:
        validate(notes, {"clip_id": "track:0/clipslot:0/clip", "notes": compact})
    assert (info.value.field, info.value.keyword) == ("notes.rows", "pattern")
    objects = [{"pitch": 200, "start_time": 0, "duration": 1}]
    with pytest.raises(SchemaError) as info:
        validate(notes, {"clip_id": "track:0/clipslot:0/clip", "notes": objects})
    assert (info.value.field, info.value.keyword) == ("notes[0].pitch", "maximum")

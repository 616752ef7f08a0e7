"""The generated pydantic models and the published JSON Schemas must agree on every instance.

The server validates arguments with the models (strict mode) while clients see the schemas; a
difference would silently accept what the schema forbids, or refuse what it allows. One deliberate
difference: JSON Schema counts 4.0 as an integer, strict pydantic does not; such values are left out
of the comparison and pinned by their own test.
"""

from __future__ import annotations

import jsonschema
import pydantic
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from generated.registry_gen import TOOLS
from live_mcp.tool_wrapper import tool_model

JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**40), max_value=2**40),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(max_size=12),
)


def _value_for(schema: dict) -> st.SearchStrategy:
    """Mostly valid values for a field schema, with a fair share of near misses."""
    options = [JSON_SCALARS]
    kind = schema.get("type")
    if "enum" in schema:
        options.append(st.sampled_from(schema["enum"]))
    if kind == "integer":
        low, high = schema.get("minimum", -1000), schema.get("maximum", 1000)
        options.append(st.integers(min_value=int(low) - 2, max_value=int(high) + 2))
    if kind == "number":
        low, high = schema.get("minimum", -1000), schema.get("maximum", 1000)
        options.append(st.floats(min_value=low - 1, max_value=high + 1, allow_nan=False))
    if kind == "string" and "pattern" in schema:
        options.append(st.from_regex(schema["pattern"], fullmatch=True))
        options.append(
            st.sampled_from(
                ["track:0", "track:1@2", "track:0/clipslot:0/clip", "track:0/device:1/param:2"]
            )
        )
    if kind == "array" and isinstance(schema.get("items"), dict):
        options.append(st.lists(_value_for(schema["items"]), max_size=3))
    if kind == "object" and "properties" in schema:
        options.append(_object_for(schema))
    return st.one_of(*options)


def _object_for(schema: dict) -> st.SearchStrategy:
    props = schema.get("properties", {})
    required = set(schema.get("required", []))
    fixed = {name: _value_for(s) for name, s in props.items() if name in required}
    optional = {name: _value_for(s) for name, s in props.items() if name not in required}
    base = st.fixed_dictionaries(fixed, optional=optional)
    extra = st.dictionaries(st.sampled_from(["bogus", "extra_field"]), JSON_SCALARS, max_size=1)
    return st.one_of(base, st.builds(lambda a, b: {**a, **b}, base, extra))


def _has_integral_float(value) -> bool:
    if isinstance(value, float):
        return value.is_integer()
    if isinstance(value, dict):
        return any(_has_integral_float(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_integral_float(v) for v in value)
    return False


def _schema_says(schema: dict, instance) -> bool:
    return jsonschema.Draft202012Validator(schema).is_valid(instance)


def _model_says(model: type[pydantic.BaseModel], instance) -> bool:
    try:
        model.model_validate(instance, strict=True)
    except pydantic.ValidationError:
        return False
    return True


@pytest.mark.parametrize("tool", TOOLS, ids=[t["name"] for t in TOOLS])
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(data=st.data())
def test_input_model_agrees_with_input_schema(tool, data):
    instance = data.draw(_object_for(tool["input_schema"]))
    assume(not _has_integral_float(instance))
    assert _model_says(tool_model(tool, "input"), instance) == _schema_says(
        tool["input_schema"], instance
    ), instance


@pytest.mark.parametrize("tool", TOOLS, ids=[t["name"] for t in TOOLS])
def test_examples_validate_with_the_generated_models(tool):
    for example in tool["examples"]:
        tool_model(tool, "input").model_validate(example["input"], strict=True)
        if "result" in example:
            tool_model(tool, "output").model_validate(example["result"], strict=True)


def test_integer_fields_refuse_integral_floats():
    from generated.models_gen import LiveCreateMidiClipInput

    with pytest.raises(pydantic.ValidationError, match="valid integer"):
        LiveCreateMidiClipInput.model_validate(
            {"track_id": "track:0", "slot_index": 1.0}, strict=True
        )
    assert (
        LiveCreateMidiClipInput.model_validate(
            {"track_id": "track:0", "slot_index": 1, "length": 4}, strict=True
        ).length
        == 4
    )


INTEGER_ENUMS = [
    pytest.param(tool, name, id=f"{tool['name']}.{name}")
    for tool in TOOLS
    for name, prop in tool["input_schema"].get("properties", {}).items()
    if prop.get("enum") and all(type(v) is int for v in prop["enum"])
]


def test_the_catalogue_has_an_integer_enum_to_check():
    assert INTEGER_ENUMS, "no integer enum left: drop this test and the emitter's wrap"


@pytest.mark.parametrize(("tool", "name"), INTEGER_ENUMS)
def test_integer_enums_refuse_booleans(tool, name):
    """pydantic's Literal[1, 2] accepts True (== 1) even in strict mode; the schema does not."""
    prop = tool["input_schema"]["properties"][name]
    required = tool["input_schema"].get("required", [])
    base = {
        field: tool["examples"][0]["input"][field]
        for field in required
        if field in tool["examples"][0]["input"]
    }
    for value in (True, False):
        instance = {**base, name: value}
        assert not _schema_says(tool["input_schema"], instance)
        assert not _model_says(tool_model(tool, "input"), instance), instance
    assert _model_says(tool_model(tool, "input"), {**base, name: prop["enum"][0]})


BOOLEAN_ENUMS = [
    pytest.param(tool, name, id=f"{tool['name']}.{name}")
    for tool in TOOLS
    for name, prop in tool["input_schema"].get("properties", {}).items()
    if prop.get("enum") and all(type(v) is bool for v in prop["enum"])
]


def test_the_catalogue_has_a_boolean_enum_to_check():
    assert BOOLEAN_ENUMS, "no boolean enum left: drop this test and the emitter's wrap"


@pytest.mark.parametrize(("tool", "name"), BOOLEAN_ENUMS)
def test_boolean_enums_refuse_integers(tool, name):
    """pydantic's Literal[True] accepts 1 (== True) even in strict mode; the schema does not."""
    (allowed,) = tool["input_schema"]["properties"][name]["enum"]
    for value in (int(allowed), float(allowed)):
        assert not _schema_says(tool["input_schema"], {name: value})
        assert not _model_says(tool_model(tool, "input"), {name: value}), value
    assert _model_says(tool_model(tool, "input"), {name: allowed})

"""The tools/list budget and the compact wire schemas: measured, enforced, and still valid."""

from __future__ import annotations

import json

import jsonschema
import pytest
from codegen_helpers import REAL_SPECS, copy_specs

from codegen.generate import load_ir
from codegen.problems import SpecError
from codegen.wire import says_nothing_new, share_repeated, tool_words
from generated import registry_gen as registry

WITH_RESULTS = [
    pytest.param(spec, example, id=f"{spec['name']}-{i}")
    for spec in registry.TOOLS
    for i, example in enumerate(spec["examples"])
    if "result" in example
]


def test_a_toolset_over_budget_fails_generation_naming_its_largest_tools(tmp_path):
    spec_dir = copy_specs(REAL_SPECS, tmp_path)
    toolsets = spec_dir / "toolsets.yaml"
    text = toolsets.read_text()
    core_budget = f"budget: {registry.TOOLSETS['core']['budget']}"
    toolsets.write_text(text.replace(core_budget, "budget: 1000", 1))
    with pytest.raises(SpecError) as info:
        load_ir(spec_dir)
    report = info.value.report()
    assert "specs/toolsets.yaml" in report and "toolset core takes" in report
    largest = sorted(
        registry.TOOLSETS["core"]["tools"],
        key=lambda n: -next(t["wire_size"] for t in registry.TOOLS if t["name"] == n),
    )[:2]
    assert all(name in report for name in largest)
    assert "nothing was generated" in report


def test_every_toolset_fits_its_budget_and_sizes_are_the_served_json():
    for name, toolset in registry.TOOLSETS.items():
        assert toolset["size"] <= toolset["budget"], name
    for spec in registry.TOOLS:
        compact = json.dumps(spec["wire"], separators=(",", ":"), ensure_ascii=False)
        assert spec["wire_size"] == len(compact)


@pytest.mark.parametrize(("spec", "example"), WITH_RESULTS)
def test_wire_schemas_resolve_and_validate_every_example(spec, example):
    jsonschema.Draft202012Validator.check_schema(spec["wire"]["outputSchema"])
    jsonschema.validate(example["result"], spec["wire"]["outputSchema"])
    jsonschema.validate(example["input"], spec["wire"]["inputSchema"])


def test_repeated_shapes_are_shared_through_defs():
    clips = next(t for t in registry.TOOLS if t["name"] == "live_list_clips")["wire"]
    out = clips["outputSchema"]
    assert "clip" in out["$defs"]
    assert out["properties"]["arrangement"]["items"] == {"$ref": "#/$defs/clip"}
    assert json.dumps(out).count('"loop_start"') == 1  # written once


def test_a_shape_inside_a_shared_one_is_referenced_not_written_again():
    strip = {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "name": {"type": "string"},
            "volume": {"type": "number"},
        },
    }
    strips = {"type": "array", "items": strip}
    schema = {
        "type": "object",
        "properties": {"tracks": strips, "returns": strips, "main": strip},
    }
    shared = share_repeated(schema)
    assert json.dumps(shared).count('"volume"') == 1
    assert shared["properties"]["main"] == {"$ref": "#/$defs/track"}
    assert shared["$defs"]["tracks"] == {"type": "array", "items": {"$ref": "#/$defs/track"}}
    good = {"tracks": [{"id": "track:0", "name": "Drums", "volume": 0.85}], "returns": []}
    jsonschema.validate({**good, "main": {"id": "main", "name": "Main", "volume": 1.0}}, shared)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(
            {**good, "main": {"id": "main", "name": "Main", "volume": "0 dB"}}, shared
        )
    # The real mixer: the Main strip and the track and return strips share one definition.
    mixer = next(t for t in registry.TOOLS if t["name"] == "live_get_mixer")["wire"]
    assert json.dumps(mixer["outputSchema"]).count('"crossfade"') == 1


def test_share_repeated_leaves_small_or_single_shapes_alone():
    shape = {"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "number"}}}
    once = {"type": "object", "properties": {"x": shape}}
    assert share_repeated(once) == once
    twice = {"type": "object", "properties": {"x": shape, "y": shape, "z": shape}}
    shared = share_repeated(twice)
    assert set(shared["$defs"]) == {"x"} and shared["properties"]["z"] == {"$ref": "#/$defs/x"}


@pytest.mark.parametrize(
    ("name", "description", "dropped"),
    [
        ("velocity", "Velocity.", True),
        ("name", "New name.", True),
        ("mute", "Mute (true) or unmute (false).", True),
        ("release_velocity", "Note-off velocity.", False),
        ("arm", "Arm (true) or disarm (false) for recording.", False),
        ("track_id", "The track's id, from live_find_track.", False),
    ],
)
def test_a_description_goes_on_the_wire_only_when_it_adds_something(name, description, dropped):
    assert says_nothing_new(name, description) is dropped


@pytest.mark.parametrize(
    ("tool", "name", "description", "dropped"),
    [
        ("live_list_clips", "track_id", "The track's id.", True),
        ("live_create_midi_clip", "name", "Name for the clip.", True),
        ("live_create_track", "kind", "Kind of track to create.", True),
        # "note" is in the tool's name, but "off" is not: release velocity is the note-off one.
        ("live_set_notes", "release_velocity", "Note-off velocity.", False),
        ("live_set_track_props", "color_index", "Live's palette index.", False),
        ("live_get_notes", "from_pitch", "Lowest pitch to read.", False),
    ],
)
def test_the_tools_own_name_counts_as_said(tool, name, description, dropped):
    assert says_nothing_new(name, description, tool_words(tool)) is dropped


def test_output_schemas_on_the_wire_carry_no_prose():
    for spec in registry.TOOLS:
        assert '"description"' not in json.dumps(spec["wire"]["outputSchema"]), spec["name"]
        assert "title" not in spec["wire"]["annotations"]


def test_a_default_set_over_1000_characters_per_tool_fails_generation(tmp_path):
    spec_dir = copy_specs(REAL_SPECS, tmp_path)
    toolsets = spec_dir / "toolsets.yaml"
    text = toolsets.read_text()
    # The mixer's two tools (every track's strip, with display strings) average about 2,000.
    start = text.index("- name: mixer\n")
    end = text.index("- name:", start + 1)
    mixer = text[start:end]
    assert "  default: false\n" in mixer
    toolsets.write_text(
        text[:start] + mixer.replace("  default: false\n", "  default: true\n") + text[end:]
    )
    with pytest.raises(SpecError) as info:
        load_ir(spec_dir)
    report = info.value.report()
    assert "specs/toolsets.yaml" in report
    assert "the default set (clips, core, mixer, transport)" in report
    assert "over the 1,000 per tool a default set may average" in report
    assert "live_set_notes" in report  # the largest default tool is named


def test_the_default_set_averages_at_most_1000_characters_per_tool():
    from live_mcp.toolsets import select, served_entries

    entries = served_entries(registry, select(registry))
    size = sum(len(json.dumps(e, separators=(",", ":"), ensure_ascii=False)) for e in entries)
    assert size <= 1000 * len(entries), (size, len(entries))

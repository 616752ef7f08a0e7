"""The tools/list budget and the compact wire schemas: measured, enforced, and still valid."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from codegen_helpers import REAL_SPECS, copy_specs

from codegen import budget
from codegen.generate import load_ir
from codegen.problems import SpecError
from codegen.wire import model_size, says_nothing_new, share_repeated, tool_words
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
    assert "model-visible characters" in report
    largest = sorted(
        registry.TOOLSETS["core"]["tools"],
        key=lambda n: -next(t["model_size"] for t in registry.TOOLS if t["name"] == n),
    )[:2]
    assert all(name in report for name in largest)
    assert "nothing was generated" in report


def _compact(value) -> int:
    return len(json.dumps(value, separators=(",", ":"), ensure_ascii=False))


def test_every_toolset_fits_its_budget_and_sizes_are_the_served_json():
    for name, toolset in registry.TOOLSETS.items():
        assert toolset["size"] <= toolset["budget"], name
        assert toolset["size"] < toolset["wire_size"], name
    for spec in registry.TOOLS:
        wire = spec["wire"]
        assert spec["wire_size"] == _compact(wire)
        # What the model reads: the name, the description and the input schema, nothing else.
        seen = {"name": wire["name"], "description": wire["description"]}
        seen["inputSchema"] = wire["inputSchema"]
        assert spec["model_size"] == _compact(seen), spec["name"]


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


def _make_default(spec_dir, toolset: str) -> None:
    toolsets = spec_dir / "toolsets.yaml"
    text = toolsets.read_text()
    start = text.index(f"- name: {toolset}\n")
    end = text.index("- name:", start + 1)
    entry = text[start:end]
    assert "  default: false\n" in entry
    toolsets.write_text(
        text[:start] + entry.replace("  default: false\n", "  default: true\n") + text[end:]
    )


def test_a_default_set_over_its_model_visible_budget_fails_naming_the_largest_tools(tmp_path):
    spec_dir = copy_specs(REAL_SPECS, tmp_path)
    # The Arrangement and the less common edits on top of the Session loop: over 30,000.
    _make_default(spec_dir, "arrangement")
    _make_default(spec_dir, "editing")
    with pytest.raises(SpecError) as info:
        load_ir(spec_dir)
    report = info.value.report()
    assert "specs/toolsets.yaml" in report
    assert "model-visible characters" in report
    assert f"over the {budget.DEFAULT_TOTAL:,} a default set may take" in report
    # The largest default tool is named, with the file and line of its spec.
    largest = max(registry.TOOLS, key=lambda t: t["model_size"])["name"]
    assert re.search(rf"{largest} [\d,]+ \(specs/tools/\w+\.yaml:\d+\)", report), report


def test_the_catalogue_average_is_enforced(tmp_path, monkeypatch):
    average = sum(t["model_size"] for t in registry.TOOLS) / len(registry.TOOLS)
    monkeypatch.setattr(budget, "CATALOGUE_PER_TOOL", int(average) - 1)
    with pytest.raises(SpecError) as info:
        load_ir(copy_specs(REAL_SPECS, tmp_path))
    report = info.value.report()
    assert "the catalogue takes" in report and f"{len(registry.TOOLS)} tools" in report
    assert re.search(r"largest: live_\w+ [\d,]+ \(specs/tools/\w+\.yaml:\d+\)", report)


def test_the_full_wire_ceiling_is_enforced(tmp_path, monkeypatch):
    average = sum(t["wire_size"] for t in registry.TOOLS) / len(registry.TOOLS)
    monkeypatch.setattr(budget, "WIRE_PER_TOOL", int(average) - 1)
    with pytest.raises(SpecError) as info:
        load_ir(copy_specs(REAL_SPECS, tmp_path))
    assert "full tools/list entries (with output schemas)" in info.value.report()


def test_the_served_default_set_and_catalogue_fit_their_budgets():
    from live_mcp.toolsets import select, served_entries

    def model_visible(entries) -> int:
        return sum(map(model_size, entries))

    default = served_entries(registry, select(registry))
    every = served_entries(registry, select(registry, "all"))
    assert model_visible(default) <= budget.DEFAULT_TOTAL, model_visible(default)
    assert model_visible(every) <= budget.CATALOGUE_PER_TOOL * len(every)
    assert sum(map(_compact, every)) <= budget.WIRE_PER_TOOL * len(every)


def test_the_default_set_serves_the_session_loop():
    """Every kind of step of a producer's Session-view session has its tool by default."""
    from live_mcp.toolsets import select

    enabled = set(select(registry).enabled)
    loop = {
        "live_create_track", "live_set_track_props", "live_delete_track", "live_duplicate_track",
        "live_create_return_track", "live_create_midi_clip", "live_list_clips",
        "live_set_clip_props", "live_delete_clip", "live_duplicate_clip", "live_get_notes",
        "live_set_notes", "live_add_notes", "live_modify_notes", "live_remove_notes",
        "live_transform_notes", "live_insert_device", "live_search_browser", "live_browse",
        "live_load_browser_item", "live_list_devices", "live_get_device_params",
        "live_set_device_params", "live_write_clip_envelope", "live_get_clip_envelope",
        "live_set_mixer", "live_get_mixer", "live_list_scenes", "live_set_scene_props",
        "live_fire_scene", "live_fire_clip", "live_start_playback", "live_stop_playback",
        "live_set_song_props", "live_batch", "live_undo", "live_redo",
    }  # fmt: skip
    assert loop <= enabled, sorted(loop - enabled)
    assert not any(t["toolset"] == "arrangement" for t in registry.TOOLS if t["name"] in enabled)

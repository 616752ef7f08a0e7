"""An unknown argument is BAD_INPUT naming what the tool (or the object it sits in) does take: the
listed input schemas leave `additionalProperties` out, so the error is where a model learns it."""

from __future__ import annotations

import pytest

from generated import registry_gen as registry
from live_mcp.errors import BAD_INPUT, ToolFailure
from live_mcp.tool_wrapper import validate_input

SPECS = {t["name"]: t for t in registry.TOOLS}


def _refusal(tool: str, arguments: dict) -> ToolFailure:
    with pytest.raises(ToolFailure) as info:
        validate_input(SPECS[tool], arguments)
    assert info.value.code == BAD_INPUT
    return info.value


def test_a_top_level_unknown_argument_lists_the_tools_arguments():
    failure = _refusal("live_set_song_props", {"tempo": 120, "swing": 0.5})
    assert "unknown argument 'swing'" in str(failure) and "it takes tempo" in str(failure)


def test_an_unknown_field_in_a_list_item_lists_that_items_fields():
    changes = [{"name": "Filter Freq", "display": "800 Hz", "unit": "Hz"}]
    failure = _refusal(
        "live_set_device_params", {"device_id": "track:1/device:0", "changes": changes}
    )
    assert "changes[0].unit" in str(failure)
    assert "it takes index, name, value, value_item, display" in str(failure)


def test_an_unknown_field_in_a_note_object_lists_the_note_fields():
    notes = [{"pitch": 60, "start_time": 0, "duration": 1, "colour": 3}]
    failure = _refusal("live_set_notes", {"clip_id": "track:0/clipslot:0/clip", "notes": notes})
    assert "notes[0].colour" in str(failure) and "pitch, start_time, duration" in str(failure)


def test_the_listed_schemas_leave_the_guards_to_the_server():
    spec = SPECS["live_set_notes"]
    wire, full = spec["wire"]["inputSchema"], spec["input_schema"]
    # The server's own schema keeps the id pattern and additionalProperties; the listed one does not.
    assert "pattern" in full["properties"]["clip_id"] and full["additionalProperties"] is False
    assert "pattern" not in wire["properties"]["clip_id"] and "additionalProperties" not in wire
    failure = _refusal("live_set_notes", {"clip_id": "not an id", "notes": []})
    assert "clip_id" in str(failure)

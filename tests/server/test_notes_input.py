"""BAD_INPUT for a note argument that is an array of objects or the compact form names the field in
the form given, not pydantic's branch models."""

from __future__ import annotations

import pytest

from generated.registry_gen import TOOLS
from live_mcp.errors import ToolFailure
from live_mcp.tool_wrapper import validate_input

SPECS = {spec["name"]: spec for spec in TOOLS}
CLIP = "track:0/clipslot:0/clip"


@pytest.mark.parametrize(
    ("tool", "notes", "field"),
    [
        ("live_set_notes", [{"pitch": 200, "start_time": 0, "duration": 1}], "notes[0].pitch"),
        ("live_add_notes", {"columns": ["pitch"], "rows": "a b"}, "notes.rows"),
        ("live_modify_notes", [{"note_id": 1, "velocity": "x"}], "notes[0].velocity"),
        ("live_modify_notes", {"columns": ["note_id"], "rows": "1", "extra": 1}, "notes.extra"),
    ],
)
def test_note_argument_errors_name_the_field(tool, notes, field):
    with pytest.raises(ToolFailure) as info:
        validate_input(SPECS[tool], {"clip_id": CLIP, "notes": notes})
    assert info.value.field == field
    assert "Notes" not in info.value.message  # no generated model names


def test_a_value_of_neither_form_reports_both():
    with pytest.raises(ToolFailure) as info:
        validate_input(SPECS["live_set_notes"], {"clip_id": CLIP, "notes": "x"})
    assert info.value.field == "notes" and "list" in info.value.message

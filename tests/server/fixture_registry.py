"""A two-tool registry in the documented format of generated/registry_gen.py.

It lets the wrapper be tested without the generated files or a fake Live: the bridge is a double.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from codegen.wire import wire_entry


class FxSetTempoInput(BaseModel):
    model_config = ConfigDict(extra="forbid")
    bpm: Annotated[float, Field(ge=20, le=999)]


class FxSetTempoOutput(BaseModel):
    model_config = ConfigDict(extra="forbid")
    before: float
    after: float


class FxNote(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pitch: Annotated[int, Field(ge=0, le=127)]
    start_time: Annotated[float, Field(ge=0)]


class FxGetNotesInput(BaseModel):
    model_config = ConfigDict(extra="forbid")
    clip_id: Annotated[str, Field(pattern=r"^track:\d+/clipslot:\d+/clip$")]
    max_notes: Annotated[int, Field(ge=1, le=20000)] = 2000
    from_pitch: Annotated[int, Field(ge=0, le=127)] = 0
    # As the generator writes an optional field: absent is fine, an explicit null is not.
    name: Annotated[str, Field(min_length=1)] = None


class FxGetNotesOutput(BaseModel):
    model_config = ConfigDict(extra="forbid")
    clip_id: str
    count: int
    kind: Literal["extended", "legacy"]
    notes: list[FxNote]
    tags: list[str]


_NOTE = {
    "type": "object",
    "required": ["pitch", "start_time"],
    "additionalProperties": False,
    "properties": {
        "pitch": {"type": "integer", "minimum": 0, "maximum": 127},
        "start_time": {"type": "number", "minimum": 0},
    },
}

SPEC_HASH = "sha256:" + "ab" * 32
SERVER = {
    "name": "fixture",
    "display_name": "Fixture",
    "version": "0.0.1",
    "description": "A hand-written registry in the generated format.",
    "instructions": "Use the fixture tools.",
    "author": {"name": "tests", "url": None},
    "license": "MIT",
    "keywords": [],
}
ERRORS = {
    "BAD_INPUT": {"description": "bad", "hint": "Fix the named field."},
    "LIVE_UNAVAILABLE": {"description": "down", "hint": "Open Live."},
    "LIVE_REJECTED": {"description": "no", "hint": "Read the state and adjust."},
    "STALE_REFERENCE": {"description": "stale", "hint": "Read the ids again."},
    "UNSUPPORTED": {"description": "cannot", "hint": "Do not retry unchanged."},
    "WRONG_TYPE": {"description": "kind", "hint": "Pass the right kind."},
}
TOOLSETS = {
    "core": {
        "description": "Core.",
        "default": True,
        "budget": 10000,
        "size": 0,
        "tools": ("fx_get_notes", "fx_set_tempo"),
    }
}
TOOLS = (
    {
        "name": "fx_get_notes",
        "title": "Get notes",
        "description": "Read notes.",
        "toolset": "core",
        "domain": "clips",
        "annotations": {
            "readOnlyHint": True,
            "destructiveHint": False,
            "idempotentHint": True,
            "openWorldHint": False,
        },
        "input_schema": {
            "type": "object",
            "properties": {
                "clip_id": {"type": "string", "pattern": r"^track:\d+/clipslot:\d+/clip$"},
                "max_notes": {"type": "integer", "minimum": 1, "maximum": 20000, "default": 2000},
                "from_pitch": {"type": "integer", "minimum": 0, "maximum": 127, "default": 0},
                "name": {"type": "string", "minLength": 1},
            },
            "required": ["clip_id"],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {
                "clip_id": {"type": "string"},
                "count": {"type": "integer"},
                "kind": {"type": "string", "enum": ["extended", "legacy"]},
                "notes": {"type": "array", "items": _NOTE},
                "tags": {"type": "array", "items": {"type": "string"}},
            },
            "required": ["clip_id", "count", "kind", "notes", "tags"],
            "additionalProperties": False,
        },
        "models_module": __name__,
        "input_model": "FxGetNotesInput",
        "output_model": "FxGetNotesOutput",
        "bridge_method": "clip.get_notes",
        "undo": "none",
        "since": "11.0",
        "summary": "{count} note(s) in {clip_id} ({tags})",
        "errors": ("BAD_INPUT", "STALE_REFERENCE"),
        "examples": (),
    },
    {
        "name": "fx_set_tempo",
        "title": "Set tempo",
        "description": "Set the tempo.",
        "toolset": "core",
        "domain": "song",
        "annotations": {
            "readOnlyHint": False,
            "destructiveHint": False,
            "idempotentHint": True,
            "openWorldHint": False,
        },
        "input_schema": {
            "type": "object",
            "properties": {"bpm": {"type": "number", "minimum": 20, "maximum": 999}},
            "required": ["bpm"],
            "additionalProperties": False,
        },
        "output_schema": {
            "type": "object",
            "properties": {"before": {"type": "number"}, "after": {"type": "number"}},
            "required": ["before", "after"],
            "additionalProperties": False,
        },
        "models_module": __name__,
        "input_model": "FxSetTempoInput",
        "output_model": "FxSetTempoOutput",
        "bridge_method": "song.set_tempo",
        "undo": "one_step",
        "since": "11.0",
        "summary": "Tempo {before} -> {after} BPM",
        "errors": ("BAD_INPUT",),
        "examples": ({"input": {"bpm": 124}, "result": {"before": 120.0, "after": 124.0}},),
    },
)
# The wire entries as the generator would write them (codegen/wire.py builds them from the specs).
for _tool in TOOLS:
    _tool["wire"] = wire_entry(
        _tool["name"],
        _tool["title"],
        _tool["description"],
        _tool["input_schema"],
        _tool["output_schema"],
        _tool["annotations"],
    )
RESOURCES = (
    {
        "uri": "ableton://song",
        "name": "song",
        "title": "The Live Set",
        "description": "Overview.",
        "mime_type": "application/json",
        "bridge_method": "song.get_overview",
        "args": {},
    },
)
RESOURCE_TEMPLATES = (
    {
        "uri_template": "ableton://track/{i}",
        "name": "track",
        "title": "A track",
        "description": "One track.",
        "mime_type": "application/json",
        "variables": {"i": {"type": "integer", "minimum": 0, "percent_encoded": False}},
        "bridge_method": "track.get",
        "args": {"track_id": "track:{i}"},
    },
    {
        "uri_template": "ableton://clip/{path}/notes",
        "name": "clip_notes",
        "title": "Notes",
        "description": "All notes.",
        "mime_type": "application/json",
        "variables": {"path": {"type": "string", "percent_encoded": True}},
        "bridge_method": "clip.get_notes",
        "args": {"clip_id": "{path}"},
    },
)
PROMPTS = (
    {
        "name": "humanize",
        "title": "Humanize",
        "description": "Loosen a clip.",
        "arguments": (
            {"name": "clipId", "description": "The clip.", "required": True, "default": None},
            {"name": "amount", "description": "How much.", "required": False, "default": "0.2"},
        ),
        "text": "Humanize {clipId} by {amount}.",
    },
)

"""The mutation table: single mistakes, each applied alone to a copy of the real specs.

Each must make `python -m codegen` exit 2 with a `file:line: key: message` naming exactly the file,
line and key the mistake is on, print no traceback and write nothing. Two table-wide tests make sure
the table covers every rule and every key of the spec format.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from pathlib import Path

import pytest
from codegen_helpers import REAL_SPECS, copy_specs

from codegen.__main__ import main
from codegen.generate import load_ir
from codegen.problems import SpecError
from codegen.rules import LOADER_RULES, RULES
from codegen.spec_model import FILE_KINDS, FieldSchema, VariableSchema
from codegen.yaml_checks import dict_value_type, list_item_type, model_of


@dataclass(frozen=True)
class Mutation:
    id: str
    file: str  # under specs/
    old: str | None  # the text replaced (first occurrence); None: the whole file
    new: str | None  # its replacement; None: the file is deleted
    key: str  # the key path the problem must name ("" for the file itself)
    words: str  # words its message must contain
    rule: str  # the rule that must find it
    at: str | int | None = None  # the problem's line: a marker in the edited file, a number,
    # or (None) the line the replacement starts on
    offset: int = 0  # lines from the marker to the problem (a block scalar's key is one above)


SONG, TRACKS, CLIPS, DEVICES = (
    "tools/song.yaml",
    "tools/tracks.yaml",
    "tools/clips.yaml",
    "tools/devices.yaml",
)
TEMPO_ANN = "{read_only: false, destructive: false, idempotent: true, open_world: false}\n  input:\n    tempo"
TEMPO_EXAMPLE = (
    "    - input: {tempo: 124}\n      result: {before: {tempo: 120.0}, after: {tempo: 124.0}}"
)
M = Mutation

MUTATIONS = [
    # -- tools: the entry ------------------------------------------------------------------------
    M(
        "tool name without live_",
        SONG,
        "- name: live_set_song_props",
        "- name: set_song_props",
        "set_song_props.name",
        "must match",
        "rule_names_unique_and_prefixed",
    ),
    M(
        "tool name declared twice",
        TRACKS,
        "- name: live_create_track",
        "- name: live_set_song_props",
        "live_set_song_props.name",
        "also declared in specs/tools/song.yaml",
        "rule_names_unique_and_prefixed",
    ),
    M(
        "title not a string",
        SONG,
        "  title: Set song properties",
        "  title: [Set, tempo]",
        "live_set_song_props.title",
        "valid string",
        "shape",
    ),
    M(
        "toolset misspelt",
        SONG,
        "toolset: core\n  description: Set any of these",
        "toolset: coer\n  description: Set any of these",
        "live_set_song_props.toolset",
        "did you mean 'core'",
        "rule_references_declared",
    ),
    M(
        "description missing",
        SONG,
        "  description: Set any of these in one undo step.\n",
        "",
        "live_set_song_props.description",
        "Field required",
        "shape",
        at="- name: live_set_song_props",
    ),
    M(
        "details name an undeclared tool",
        "tools/batch.yaml",
        "live_batch itself, live_undo, live_redo,",
        "live_batch itself, live_undoo, live_redo,",
        "live_batch.details",
        "did you mean live_undo",
        "rule_prose_names_declared_tools",
        at="details:",
    ),
    M(
        "description names an undeclared tool",
        "tools/devices.yaml",
        "Presets, kits and\n    plug-ins: live_load_browser_item.",
        "Presets, kits and\n    plug-ins: live_load_browser_items.",
        "live_insert_device.description",
        "did you mean live_load_browser_item",
        "rule_prose_names_declared_tools",
        at="  description: >-",
    ),
    M(
        "read_only not a boolean",
        SONG,
        TEMPO_ANN,
        TEMPO_ANN.replace("read_only: false", "read_only: maybe"),
        "live_set_song_props.annotations.read_only",
        "valid boolean",
        "shape",
    ),
    M(
        "read-only yet destructive",
        SONG,
        "{read_only: true, destructive: false",
        "{read_only: true, destructive: true",
        "live_get_song_overview.annotations.destructive",
        "cannot be destructive",
        "rule_undo_matches_annotations",
    ),
    M(
        "idempotent missing",
        SONG,
        TEMPO_ANN,
        TEMPO_ANN.replace("idempotent: true, ", ""),
        "live_set_song_props.annotations.idempotent",
        "Field required",
        "shape",
    ),
    M(
        "open_world not a boolean",
        SONG,
        TEMPO_ANN,
        TEMPO_ANN.replace("open_world: false", "open_world: 0.5"),
        "live_set_song_props.annotations.open_world",
        "valid boolean",
        "shape",
    ),
    M(
        "unknown key, with a suggestion",
        SONG,
        "  title: Set song properties",
        "  title: Set song properties\n  sumary: x",
        "live_set_song_props.sumary",
        "unknown key (did you mean 'summary'?)",
        "shape",
        at="  sumary: x",
    ),
    M(
        "key given twice",
        SONG,
        "  title: Set song properties",
        "  title: Set song properties\n  title: Change tempo",
        "live_set_song_props.title",
        "given twice",
        "yaml_duplicate_key",
        at="  title: Change tempo",
    ),
    M(
        "not YAML",
        SONG,
        "  title: Set song properties",
        "  title: Set song properties: again",
        "",
        "not valid YAML",
        "yaml_syntax",
    ),
    M(
        "tools file with no tools",
        DEVICES,
        None,
        "# yaml-language-server: $schema=../spec.schema.json\n",
        "",
        "holds no tools",
        "empty_file",
        at=1,
    ),
    M(
        "file of no known kind",
        "extras.yaml",
        None,
        "- name: x\n",
        "",
        "unknown spec file",
        "unknown_file",
        at=1,
    ),
    # -- tools: fields ---------------------------------------------------------------------------
    M(
        "type misspelt",
        SONG,
        "tempo: {type: number, minimum",
        "tempo: {type: numbr, minimum",
        "live_set_song_props.input.tempo.type",
        "did you mean 'number'",
        "rule_fields_are_valid_schemas",
    ),
    M(
        "minimum above maximum",
        SONG,
        "minimum: 20, maximum: 999",
        "minimum: 2000, maximum: 999",
        "live_set_song_props.input.tempo.minimum",
        "leave no valid value",
        "rule_fields_are_valid_schemas",
    ),
    M(
        "maximum not a number",
        SONG,
        "minimum: 20, maximum: 999",
        "minimum: 20, maximum: high",
        "live_set_song_props.input.tempo.maximum",
        "valid number",
        "shape",
    ),
    M(
        "exclusive bounds leave nothing",
        SONG,
        "root_note: {type: integer, minimum: 0, maximum: 11,",
        "root_note: {type: integer, exclusiveMinimum: 5, exclusiveMaximum: 5,",
        "live_get_song_overview.output.root_note.exclusiveMinimum",
        "leave no valid value",
        "rule_fields_are_valid_schemas",
    ),
    M(
        "exclusiveMaximum not a number",
        SONG,
        "root_note: {type: integer, minimum: 0, maximum: 11,",
        "root_note: {type: integer, minimum: 0, exclusiveMaximum: eleven,",
        "live_get_song_overview.output.root_note.exclusiveMaximum",
        "valid number",
        "shape",
    ),
    M(
        "default outside its own range",
        TRACKS,
        "maximum: 100, default: 10,",
        "maximum: 100, default: 1000,",
        "live_find_track.input.limit.default",
        "not valid for its own field",
        "rule_fields_are_valid_schemas",
    ),
    M(
        "required field with a default",
        TRACKS,
        "maximum: 100, default: 10,",
        "maximum: 100, default: 10, required: true,",
        "live_find_track.input.limit.required",
        "cannot have a default",
        "rule_required_flag_only_on_input",
    ),
    M(
        "enum member of the wrong type",
        TRACKS,
        "kind: {type: string, enum: [midi, audio], description: Kind of track to create.}",
        "kind: {type: string, enum: [midi, 3], description: Kind of track to create.}",
        "live_create_track.input.kind.enum.1",
        "enum member 3 is not valid",
        "rule_fields_are_valid_schemas",
    ),
    M(
        "enum member twice",
        DEVICES,
        "enum: [insert_device, browser]",
        "enum: [insert_device, insert_device]",
        "live_insert_device.output.method.enum.1",
        "twice",
        "rule_fields_are_valid_schemas",
    ),
    M(
        "minLength above maxLength",
        TRACKS,
        "query: {type: string, minLength: 1, maxLength: 200",
        "query: {type: string, minLength: 300, maxLength: 200",
        "live_find_track.input.query.minLength",
        "leave no valid value",
        "rule_fields_are_valid_schemas",
    ),
    M(
        "maxLength negative",
        TRACKS,
        "query: {type: string, minLength: 1, maxLength: 200",
        "query: {type: string, minLength: 1, maxLength: -1",
        "live_find_track.input.query.maxLength",
        "greater than or equal to 0",
        "shape",
    ),
    M(
        "keyword on the wrong type",
        TRACKS,
        "query: {type: string, minLength: 1,",
        "query: {type: string, minimum: 1, minLength: 1,",
        "live_find_track.input.query.minimum",
        "silently ignored",
        "rule_fields_are_valid_schemas",
    ),
    M(
        "server check on a number",
        SONG,
        "tempo: {type: number, minimum",
        "tempo: {type: number, server_check: audio_file, minimum",
        "live_set_song_props.input.tempo.server_check",
        "top-level string input",
        "rule_server_checks_on_string_inputs",
    ),
    M(
        "pattern not a regular expression",
        TRACKS,
        '"^track:\\\\d+(@\\\\d+)?$"',
        '"^track:\\\\d+(@\\\\d+?$"',
        "live_duplicate_track.input.track_id.pattern",
        "not a valid regular expression",
        "rule_fields_are_valid_schemas",
    ),
    M(
        "pattern the server cannot run",
        CLIPS,
        '"^track:\\\\d+(@\\\\d+)?$"',
        '"^(?!x)track:\\\\d+$"',
        "live_list_clips.input.track_id.pattern",
        "look-around",
        "rule_fields_are_valid_schemas",
    ),
    M(
        "minItems above maxItems",
        "tools/automation.yaml",
        "      maxItems: 2000\n",
        "      minItems: 3000\n      maxItems: 2000\n",
        "live_write_clip_envelope.input.points.minItems",
        "leave no valid value",
        "rule_fields_are_valid_schemas",
    ),
    M(
        "maxItems negative",
        "tools/automation.yaml",
        "      maxItems: 2000\n",
        "      maxItems: -5\n",
        "live_write_clip_envelope.input.points.maxItems",
        "greater than or equal to 0",
        "shape",
    ),
    M(
        "field name a Python keyword",
        SONG,
        "    tempo: {type: number, minimum",
        "    class: {type: number, minimum",
        "live_set_song_props.input.class",
        "Python keyword",
        "rule_fields_are_valid_schemas",
    ),
    M(
        "required list names a missing property",
        SONG,
        "required: [id, index, name, kind, mute, solo, arm, device_count]",
        "required: [id, index, name, kind, mute, solo, arm, device_count, colour]",
        "live_get_song_overview.output.tracks.items.required.8",
        "'colour', which is not among the properties",
        "rule_fields_are_valid_schemas",
    ),
    M(
        "required flag inside an object",
        SONG,
        "mute: {type: boolean, description: Whether the track is muted.}",
        "mute: {type: boolean, required: true, description: Whether the track is muted.}",
        "live_get_song_overview.output.tracks.items.properties.mute.required",
        "top-level input fields",
        "rule_fields_are_valid_schemas",
    ),
    M(
        "additionalProperties not a boolean",
        SONG,
        "additionalProperties: false",
        "additionalProperties: nope",
        "live_get_song_overview.output.tracks.items.additionalProperties",
        "valid boolean",
        "shape",
    ),
    M(
        "items type misspelt",
        TRACKS,
        "items: {type: string, enum: [name, color_index, mute, solo, arm",
        "items: {type: strin, enum: [name, color_index, mute, solo, arm",
        "live_set_track_props.output.changed.items.type",
        "did you mean 'string'",
        "rule_fields_are_valid_schemas",
    ),
    M(
        "anyOf branch type misspelt",
        CLIPS,
        '- {type: "null", description: No clip.}',
        '- {type: "nul", description: No clip.}',
        "live_list_clips.output.slots.items.properties.clip.anyOf.1.type",
        "did you mean 'null'",
        "rule_fields_are_valid_schemas",
    ),
    M(
        "nested property without description",
        SONG,
        "solo: {type: boolean, description: Whether the track is soloed.}",
        "solo: {type: boolean}",
        "live_get_song_overview.output.tracks.items.properties.solo",
        "no description",
        "rule_every_field_described",
    ),
    M(
        "required flag on an output",
        SONG,
        "before: {type: object, description: 'Each property",
        "before: {type: object, required: false, description: 'Each property",
        "live_set_song_props.output.before.required",
        "for input fields",
        "rule_required_flag_only_on_input",
    ),
    # -- tools: bridge, summary, errors, examples --------------------------------------------------
    M(
        "write without an undo step",
        SONG,
        "method: song.set_props, undo: one_step",
        "method: song.set_props, undo: none",
        "live_set_song_props.bridge.undo",
        "must have undo one_step",
        "rule_undo_matches_annotations",
    ),
    M(
        "unknown undo policy",
        SONG,
        "method: song.set_props, undo: one_step",
        "method: song.set_props, undo: twice",
        "live_set_song_props.bridge.undo",
        "'transport'",
        "shape",
    ),
    M(
        "bridge method malformed",
        SONG,
        "method: song.set_props,",
        "method: SetTempo,",
        "live_set_song_props.bridge.method",
        "must be `domain.verb`",
        "rule_bridge_methods_well_formed",
    ),
    M(
        "bridge method used twice",
        SONG,
        "method: song.set_props,",
        "method: song.get_overview,",
        "live_set_song_props.bridge.method",
        "already used by live_get_song_overview",
        "rule_bridge_methods_well_formed",
    ),
    M(
        "Live older than supported",
        SONG,
        'song.set_props, undo: one_step, since: "11.0"',
        'song.set_props, undo: one_step, since: "10.1"',
        "live_set_song_props.bridge.since",
        "Live 11.0 and later",
        "rule_bridge_methods_well_formed",
    ),
    M(
        "since not a version",
        SONG,
        'since: "11.0"',
        'since: "eleven"',
        "live_get_song_overview.bridge.since",
        "should match pattern",
        "shape",
    ),
    M(
        "summary with an unclosed brace",
        SONG,
        'summary: "Song: {before} -> {after}"',
        'summary: "Song: {before -> {after}"',
        "live_set_song_props.summary",
        "not a valid template",
        "rule_templates_parse",
    ),
    M(
        "summary names a missing output",
        SONG,
        'summary: "Song: {before} -> {after}"',
        'summary: "Song: {tempo}"',
        "live_set_song_props.summary",
        "tempo, which the output does not have",
        "rule_templates_name_known_fields",
    ),
    M(
        "summary format the result cannot take",
        SONG,
        "at {tempo} BPM",
        "at {tempo:d} BPM",
        "live_get_song_overview.summary",
        "Unknown format code 'd'",
        "rule_summary_renders_examples",
    ),
    M(
        "error code misspelt",
        SONG,
        "errors: [BAD_INPUT, UNSUPPORTED, LIVE_REJECTED, LIVE_UNAVAILABLE]",
        "errors: [BAD_INPUT, UNSUPPORTED, LIVE_REJECTD, LIVE_UNAVAILABLE]",
        "live_set_song_props.errors.2",
        "did you mean 'LIVE_REJECTED'",
        "rule_references_declared",
    ),
    M(
        "no examples",
        "tools/audio.yaml",
        '  examples:\n    - input: {clip_id: "track:0/clipslot:0/clip"}\n      error: WRONG_TYPE',
        "  examples: []",
        "live_list_warp_markers.examples",
        "at least 1 item",
        "shape",
    ),
    M(
        "example input off its schema",
        SONG,
        "- input: {tempo: 124}",
        "- input: {tempo: 1240}",
        "live_set_song_props.examples.0.input",
        "1240 is greater than the maximum",
        "rule_examples_match_schemas",
    ),
    M(
        "example result off its schema",
        SONG,
        "result: {before: {tempo: 120.0}, after: {tempo: 124.0}}",
        "result: {before: {tempo: 120.0}}",
        "live_set_song_props.examples.0.result",
        "'after' is a required property",
        "rule_examples_match_schemas",
    ),
    M(
        "example result and error at once",
        SONG,
        TEMPO_EXAMPLE,
        TEMPO_EXAMPLE + "\n      error: BAD_INPUT",
        "live_set_song_props.examples.0",
        "exactly one of result and error",
        "rule_examples_match_schemas",
        at="- input: {tempo: 124}",
    ),
    M(
        "example error the tool does not list",
        TRACKS,
        "      error: UNSUPPORTED",
        "      error: STALE_REFERENCE",
        "live_render_track.examples.0.error",
        "not among the tool's errors",
        "rule_references_declared",
    ),
    # -- resources -------------------------------------------------------------------------------
    M(
        "variable without an example",
        "resources.yaml",
        "i: {type: integer, minimum: 0, example: 0,",
        "i: {type: integer, minimum: 0,",
        "track.variables.i",
        "no example",
        "rule_every_field_described",
    ),
    M(
        "variable example off its own schema",
        "resources.yaml",
        "minimum: 0, example: 0,",
        "minimum: 0, example: -1,",
        "track.variables.i.example",
        "not valid for its own variable",
        "rule_fields_are_valid_schemas",
    ),
    M(
        "variables off the URI",
        "resources.yaml",
        "uri_template: ableton://track/{i}",
        "uri_template: ableton://track/{index}",
        "track.variables",
        "do not match",
        "rule_templates_name_known_fields",
        at="  variables:",
    ),
    M(
        "uri with a variable",
        "resources.yaml",
        "- uri: ableton://song",
        "- uri: ableton://song/{x}",
        "song.uri",
        "write it as uri_template",
        "rule_templates_parse",
    ),
    M(
        "uri and uri_template both",
        "resources.yaml",
        "- uri: ableton://song\n",
        "- uri: ableton://song\n  uri_template: ableton://song/{x}\n",
        "song",
        "exactly one of uri",
        "rule_templates_name_known_fields",
    ),
    M(
        "uri_template with an unclosed brace",
        "resources.yaml",
        "ableton://clip/{path}/notes",
        "ableton://clip/{path/notes",
        "clip_notes.uri_template",
        "not a valid template",
        "rule_templates_parse",
    ),
    M(
        "resource method nobody declares",
        "resources.yaml",
        "method: clip.get_notes",
        "method: clip.get_note",
        "clip_notes.bridge.method",
        "did you mean 'clip.get_notes'",
        "rule_resource_methods_declared",
    ),
    M(
        "resource declares a tool's method",
        "resources.yaml",
        "{method: song.get_overview, args: {}}",
        "{method: song.get_overview, declare: true, args: {}}",
        "song.bridge.declare",
        "already declared by the tool live_get_song_overview",
        "rule_resource_methods_declared",
    ),
    M(
        "resource arg the method does not take",
        "resources.yaml",
        'args: {clip_id: "{path}"}',
        'args: {clip: "{path}"}',
        "clip_notes.bridge.args",
        "has no parameter(s) clip",
        "rule_bridge_methods_well_formed",
    ),
    M(
        "resource arg names a missing variable",
        "resources.yaml",
        'args: {track_id: "track:{i}"}',
        'args: {track_id: "track:{n}"}',
        "track.bridge.args.track_id",
        "names n",
        "rule_templates_name_known_fields",
    ),
    M(
        "resource arg with an unclosed brace",
        "resources.yaml",
        'args: {track_id: "track:{i}"}',
        'args: {track_id: "track:{i"}',
        "track.bridge.args.track_id",
        "not a valid template",
        "rule_templates_parse",
    ),
    M(
        "mime_type not a string",
        "resources.yaml",
        "  mime_type: application/json",
        "  mime_type: [application/json]",
        "song.mime_type",
        "valid string",
        "shape",
    ),
    M(
        "percent_encoded not a boolean",
        "resources.yaml",
        "percent_encoded: true",
        "percent_encoded: maybe",
        "clip_notes.variables.path.percent_encoded",
        "valid boolean",
        "shape",
    ),
    M(
        "resource since not a string",
        "resources.yaml",
        '    since: "11.0"',
        "    since: 11",
        "track.bridge.since",
        "valid string",
        "shape",
    ),
    M(
        "resource title not a string",
        "resources.yaml",
        "  title: The Live Set",
        "  title: {x: 1}",
        "song.title",
        "valid string",
        "shape",
    ),
    M(
        "resource name declared twice",
        "resources.yaml",
        "  name: track\n",
        "  name: song\n",
        "song.name",
        "declared twice",
        "rule_names_unique_and_prefixed",
    ),
    M(
        "key given twice in a flow mapping",
        "resources.yaml",
        "bridge: {method: song.get_overview, args: {}}",
        "bridge: {method: song.get_overview, args: {}, method: track.get}",
        "song.bridge.method",
        "first on line",
        "yaml_duplicate_key",
    ),
    M(
        "resource description names an undeclared tool",
        "resources.yaml",
        "description: The Set overview",
        "description: Like live_song, the Set overview",
        "song.description",
        "live_song, which is not a declared tool",
        "rule_prose_names_declared_tools",
    ),
    # -- prompts ---------------------------------------------------------------------------------
    M(
        "quote swallowed the required key",
        "prompts.yaml",
        """{name: clipId, description: "The clip's id, from live_list_clips.", required: true}""",
        """{name: clipId, description: 'The clip''s id from live_list_clips., required: true'}""",
        "humanize_clip.arguments.0.description",
        "swallowed",
        "yaml_swallowed_key",
    ),
    M(
        "used argument neither required nor defaulted",
        "prompts.yaml",
        ', required: false, default: "0.2"}',
        ", required: false}",
        "humanize_clip.arguments.1.required",
        "{amount} is used in the text",
        "rule_prompt_arguments_truthful",
    ),
    M(
        "required argument with a default",
        "prompts.yaml",
        'or \\"prefix every drum track with DR\\".", required: true}',
        'or \\"prefix every drum track with DR\\".", required: true, default: x}',
        "batch_rename.arguments.0.default",
        "cannot have a default",
        "rule_prompt_arguments_truthful",
    ),
    M(
        "argument the text never uses",
        "prompts.yaml",
        "Sketch an arrangement in the style: {style}.",
        "Sketch an arrangement.",
        "build_arrangement.arguments.0.name",
        "not used in the text",
        "rule_prompt_arguments_truthful",
        at="{name: style",
    ),
    M(
        "text names a missing argument",
        "prompts.yaml",
        "by an amount of {amount}",
        "by an amount of {amnt}",
        "humanize_clip.text",
        "amnt, which are not arguments",
        "rule_templates_name_known_fields",
        at="  text: |",
    ),
    M(
        "text with an unclosed brace",
        "prompts.yaml",
        "following this pattern: {pattern}",
        "following this pattern: {pattern",
        "batch_rename.text",
        "not a valid template",
        "rule_templates_parse",
        at="following this pattern",
        offset=-1,
    ),
    M(
        "text names an undeclared tool",
        "prompts.yaml",
        "with live_get_notes,",
        "with live_get_note,",
        "humanize_clip.text",
        "did you mean live_get_notes",
        "rule_prompt_text_names_declared_tools",
        at="with live_get_note,",
    ),
    M(
        "argument name not an identifier",
        "prompts.yaml",
        "{name: amount,",
        "{name: how-much,",
        "humanize_clip.arguments.1.name",
        "must be an identifier",
        "rule_prompt_argument_names",
    ),
    M(
        "required not a boolean",
        "prompts.yaml",
        ', required: false, default: "0.2"}',
        ', required: perhaps, default: "0.2"}',
        "humanize_clip.arguments.1.required",
        "valid boolean",
        "shape",
    ),
    M(
        "prompt title missing",
        "prompts.yaml",
        "  title: Humanize a clip\n",
        "",
        "humanize_clip.title",
        "Field required",
        "shape",
        at="- name: humanize_clip",
    ),
    M(
        "prompt description not a string",
        "prompts.yaml",
        "  description: Rename many tracks at once following a naming pattern.",
        "  description: [Rename many tracks at once]",
        "batch_rename.description",
        "valid string",
        "shape",
    ),
    M(
        "prompt name declared twice",
        "prompts.yaml",
        "- name: batch_rename",
        "- name: humanize_clip",
        "humanize_clip.name",
        "declared twice",
        "rule_names_unique_and_prefixed",
    ),
    # -- errors ----------------------------------------------------------------------------------
    M(
        "error code not UPPER_CASE",
        "errors.yaml",
        "- code: WRONG_TYPE",
        "- code: wrong_type",
        "wrong_type.code",
        "should match pattern",
        "shape",
    ),
    M(
        "error code declared twice",
        "errors.yaml",
        "- code: WRONG_TYPE",
        "- code: STALE_REFERENCE\n  description: Again.\n  hint: Again.\n- code: WRONG_TYPE",
        "STALE_REFERENCE.code",
        "declared twice",
        "rule_names_unique_and_prefixed",
    ),
    M(
        "error hint missing",
        "errors.yaml",
        "  hint: Pass an id of the kind the field describes; the error names the kind that was found.\n",
        "",
        "WRONG_TYPE.hint",
        "Field required",
        "shape",
        at="- code: WRONG_TYPE",
    ),
    M(
        "error hint names an undeclared tool",
        "errors.yaml",
        "(live_get_song_overview, live_list_clips)",
        "(live_get_song_overview, live_list_clip)",
        "STALE_REFERENCE.hint",
        "live_list_clip, which is not",
        "rule_prose_names_declared_tools",
    ),
    M(
        "error description not a string",
        "errors.yaml",
        "  description: The id names an object of another kind than the tool expects (a track where a clip is needed).",
        "  description: [The id names an object of another kind]",
        "WRONG_TYPE.description",
        "valid string",
        "shape",
    ),
    M(
        "error catalogue empty",
        "errors.yaml",
        None,
        "[]\n",
        "",
        "holds no entries",
        "empty_file",
        at=1,
    ),
    M(
        "error catalogue missing",
        "errors.yaml",
        None,
        None,
        "",
        "the error catalogue is missing",
        "required_files",
        at=1,
    ),
    # -- toolsets --------------------------------------------------------------------------------
    M(
        "toolset name not lower_snake",
        "toolsets.yaml",
        "- name: devices",
        "- name: Devices",
        "Devices.name",
        "should match pattern",
        "shape",
    ),
    M(
        "toolset description missing",
        "toolsets.yaml",
        "  description: Devices on tracks and their parameters.\n",
        "",
        "devices.description",
        "Field required",
        "shape",
        at="- name: devices",
    ),
    M(
        "toolset declared twice",
        "toolsets.yaml",
        "- name: devices",
        "- name: clips\n  description: Again.\n  default: false\n  budget: 100\n- name: devices",
        "clips.name",
        "declared twice",
        "rule_names_unique_and_prefixed",
    ),
    M(
        "field description names an undeclared tool",
        DEVICES,
        "parameter list, for live_set_device_params.'}",
        "parameter list, for live_set_param.'}",
        "live_get_device_params.output.parameters.items.properties.index.description",
        "did you mean live_set_device_params",
        "rule_prose_names_declared_tools",
    ),
    M(
        "toolset description names an undeclared tool",
        "toolsets.yaml",
        "description: The Set, its tempo and its tracks (create, edit, delete, duplicate, returns); batches, undo and redo.",
        "description: The Set (live_tempo) and its tracks.",
        "core.description",
        "live_tempo, which is not a declared tool",
        "rule_prose_names_declared_tools",
    ),
    M(
        "toolset default not a boolean",
        "toolsets.yaml",
        "  default: true\n",
        "  default: maybe\n",
        "core.default",
        "valid boolean",
        "shape",
    ),
    M(
        "toolset budget not a number",
        "toolsets.yaml",
        "  budget: 4500\n",
        "  budget: lots\n",
        "core.budget",
        "valid integer",
        "shape",
    ),
    M(
        "generated enum unknown",
        "tools/batch.yaml",
        "enum_of: batchable_tools",
        "enum_of: every_tool",
        "live_batch.input.steps.items.properties.tool.enum_of",
        "batchable_tools",
        "shape",
    ),
    M(
        "toolset unknown key",
        "toolsets.yaml",
        "  description: Devices on tracks and their parameters.",
        "  description: Devices on tracks and their parameters.\n  colour: blue",
        "devices.colour",
        "unknown key",
        "shape",
        at="  colour: blue",
    ),
    # -- server ----------------------------------------------------------------------------------
    M(
        "server name not a string",
        "server.yaml",
        "name: live-mcp\n",
        "name: [live-mcp]\n",
        "name",
        "valid string",
        "shape",
    ),
    M(
        "server display_name missing",
        "server.yaml",
        "display_name: Ableton Live (live-mcp)\n",
        "",
        "display_name",
        "Field required",
        "shape",
        at=1,
    ),
    M(
        "server version not a string",
        "server.yaml",
        "version: 0.1.0",
        "version: {major: 0}",
        "version",
        "valid string",
        "shape",
    ),
    M(
        "server description empty",
        "server.yaml",
        "description: Read and edit",
        "description:\n  - Read and edit",
        "description",
        "valid string",
        "shape",
    ),
    M(
        "instructions name an undeclared tool",
        "server.yaml",
        "Start with live_get_song_overview:",
        "Start with live_get_overview:",
        "instructions",
        "did you mean live_get_song_overview",
        "rule_prose_names_declared_tools",
        at="instructions:",
    ),
    M(
        "author without a name",
        "server.yaml",
        "author: {name: live-mcp contributors}",
        "author: {url: 'https://example.org'}",
        "author.name",
        "Field required",
        "shape",
    ),
    M(
        "author url not a string",
        "server.yaml",
        "author: {name: live-mcp contributors}",
        "author: {name: live-mcp contributors, url: 42}",
        "author.url",
        "valid string",
        "shape",
    ),
    M(
        "license not a string",
        "server.yaml",
        "license: MIT",
        "license: [MIT]",
        "license",
        "valid string",
        "shape",
    ),
    M(
        "license given twice",
        "server.yaml",
        "license: MIT",
        "license: MIT\nlicense: GPL",
        "license",
        "given twice",
        "yaml_duplicate_key",
        at="license: GPL",
    ),
    M(
        "keywords not a list",
        "server.yaml",
        "keywords: [ableton, live, music, midi, daw]",
        "keywords: ableton",
        "keywords",
        "valid list",
        "shape",
    ),
    M(
        "site_url not https",
        "server.yaml",
        "site_url: https://live-mcp.github.io/live-mcp/",
        "site_url: http://live-mcp.github.io/live-mcp/",
        "site_url",
        "should match pattern",
        "shape",
    ),
    M(
        "repository with a trailing slash",
        "server.yaml",
        "repository: https://github.com/live-mcp/live-mcp",
        "repository: https://github.com/live-mcp/live-mcp/",
        "repository",
        "should match pattern",
        "shape",
    ),
    M("server file empty", "server.yaml", None, "", "", "the file is empty", "empty_file", at=1),
    M(
        "server file missing",
        "server.yaml",
        None,
        None,
        "",
        "server identity file is missing",
        "required_files",
        at=1,
    ),
    # -- apps (MCP Apps views) ------------------------------------------------------------------
    M(
        "view opened by an unknown tool",
        "apps.yaml",
        "  opened_by: [live_get_song_overview, live_get_session_grid]",
        "  opened_by: [live_get_song_overveiw, live_get_session_grid]",
        "session_view.opened_by.0",
        "is not declared (did you mean 'live_get_song_overview'?)",
        "rule_apps_name_declared_tools",
    ),
    M(
        "view calls an unknown tool",
        "apps.yaml",
        "  calls: [live_get_mixer, live_set_mixer]",
        "  calls: [live_get_mixer, live_set_mixers]",
        "mixer_view.calls.1",
        "is not declared",
        "rule_apps_name_declared_tools",
    ),
    M(
        "a tool opens two views",
        "apps.yaml",
        "  opened_by: [live_get_mixer]",
        "  opened_by: [live_get_notes]",
        "mixer_view.opened_by.0",
        "already opens the view ui://live-mcp/clip",
        "rule_apps_name_declared_tools",
    ),
    M(
        "two views share a bundle",
        "apps.yaml",
        "  bundle: mixer",
        "  bundle: clip",
        "mixer_view.bundle",
        "bundle 'clip' is declared twice",
        "rule_apps_name_declared_tools",
    ),
    M(
        "view uri not ui://",
        "apps.yaml",
        "- uri: ui://live-mcp/session",
        "- uri: https://live-mcp/session",
        "session_view.uri",
        "should match pattern",
        "shape",
    ),
    M(
        "view name not snake_case",
        "apps.yaml",
        "  name: clip_view",
        "  name: Clip View",
        "Clip View.name",
        "should match pattern",
        "shape",
    ),
    M(
        "view title not a string",
        "apps.yaml",
        "  title: Session view",
        "  title: [Session, view]",
        "session_view.title",
        "valid string",
        "shape",
    ),
    M(
        "view description not a string",
        "apps.yaml",
        "  description: >-\n    A strip per track, return track and the Main track: volume in dB, pan and sends, set by\n    dragging.",
        "  description: [a, b]",
        "mixer_view.description",
        "valid string",
        "shape",
    ),
    M(
        "view opened by nothing",
        "apps.yaml",
        "  opened_by: [live_get_mixer]",
        "  opened_by: []",
        "mixer_view.opened_by",
        "at least 1 item",
        "shape",
    ),
    M(
        "view border not a boolean",
        "apps.yaml",
        "  bundle: clip\n",
        "  bundle: clip\n  prefers_border: sometimes\n",
        "clip_view.prefers_border",
        "valid boolean",
        "shape",
        at="  prefers_border:",
    ),
]


def apply(spec_dir: Path, mutation: Mutation) -> int:
    """Apply the mutation; return the line its problem must be reported on."""
    path = spec_dir / mutation.file
    if mutation.new is None:
        path.unlink()
        return int(mutation.at or 1)
    if mutation.old is None:
        path.write_text(mutation.new)
        return int(mutation.at or 1)
    text = path.read_text()
    assert mutation.old in text, f"{mutation.id}: the real specs no longer contain {mutation.old!r}"
    edited = text.replace(mutation.old, mutation.new, 1)
    path.write_text(edited)
    if isinstance(mutation.at, int):
        return mutation.at
    offset = edited.index(mutation.at) if mutation.at else text.index(mutation.old)
    return edited[:offset].count("\n") + 1 + mutation.offset


def files_under(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m.id for m in MUTATIONS])
def test_one_mistake_is_one_clear_message(tmp_path, capsys, mutation):
    spec_dir = copy_specs(REAL_SPECS, tmp_path)
    line = apply(spec_dir, mutation)
    before = files_under(tmp_path)
    expected = f"specs/{mutation.file}:{line}: " + (f"{mutation.key}: " if mutation.key else "")

    assert main(["--root", str(tmp_path), "--specs", str(spec_dir)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert files_under(tmp_path) == before, "nothing may be written when the specs have problems"
    reported = [line for line in err.splitlines() if line.startswith("specs/")]
    assert any(r.startswith(expected) and mutation.words in r for r in reported), (
        f"expected a line starting {expected!r} and mentioning {mutation.words!r}:\n{err}"
    )
    assert all(r.startswith(f"specs/{mutation.file}:") for r in reported), (
        f"one mistake in {mutation.file} must not be reported elsewhere:\n{err}"
    )

    with pytest.raises(SpecError) as raised:
        load_ir(spec_dir)
    rules = {p.rule for p in raised.value.problems if str(p).startswith(expected)}
    assert mutation.rule in rules, f"{mutation.id}: found by {rules}, expected {mutation.rule}"


def test_the_table_covers_every_rule():
    rules = {r.__name__ for r in RULES} | set(LOADER_RULES) | {"required_files"}
    assert rules - {m.rule for m in MUTATIONS} == set()
    assert len(MUTATIONS) >= 40


def test_the_table_covers_every_spec_file_kind():
    kinds = {"tools" if m.file.startswith("tools/") else Path(m.file).stem for m in MUTATIONS}
    assert set(FILE_KINDS) <= kinds


def _keys_of(model: type, seen: set[type] | None = None) -> set[str]:
    """Every `Model.key` of the spec format reachable from a model."""
    seen = set() if seen is None else seen
    if model in seen:
        return set()
    seen.add(model)
    keys = set()
    for name, info in model.model_fields.items():
        keys.add(f"{_owner(model, name)}.{name}")
        for inner in _inner_models(info.annotation):
            keys |= _keys_of(inner, seen)
    return keys


def _owner(model: type, name: str) -> str:
    return (
        "FieldSchema"
        if model is VariableSchema and name in FieldSchema.model_fields
        else model.__name__
    )


def _inner_models(annotation) -> list[type]:
    found = []
    for candidate in (annotation, dict_value_type(annotation), list_item_type(annotation)):
        inner = model_of(candidate) if candidate is not None else None
        if inner is not None:
            found.append(inner)
    for arg in typing.get_args(annotation):
        found += _inner_models(arg)
    return found


def _keys_named(kind: str, label: str) -> set[str]:
    """The `Model.key`s a problem's key path passes through (the entry's own name skipped)."""
    parts: list[str] = label.split(".") if label else []
    if kind != "server":
        parts = parts[1:]
    current, keys = FILE_KINDS[kind], set()
    for part in parts:
        model = model_of(current)
        if model is not None and part in model.model_fields:
            keys.add(f"{_owner(model, part)}.{part}")
            current = model.model_fields[part].annotation
        elif part.isdigit():
            current = list_item_type(current)
        else:
            current = dict_value_type(current)
        if current is None:
            break
    return keys


def test_the_table_covers_every_key_of_the_spec_format():
    every = set().union(*(_keys_of(model) for model in FILE_KINDS.values()))
    covered = set().union(
        *(
            _keys_named("tools" if m.file.startswith("tools/") else Path(m.file).stem, m.key)
            for m in MUTATIONS
            if m.file != "extras.yaml"
        )
    )
    assert sorted(every - covered) == []

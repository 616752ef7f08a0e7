"""Every spec rule has a failing example whose message names file, line and key.

Each case edits one line of the golden spec set; the problem must point at exactly that line.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from codegen_helpers import GOLDEN, copy_specs

from codegen.generate import load_ir
from codegen.problems import SpecError

WIDGETS = "tools/widgets.yaml"

# (spec file, text to replace, replacement, where the problem must point: the line holding the
#  replacement's Nth occurrence, or the given marker text; expected key; words in the message)
CASES = [
    (
        "name not live_-prefixed",
        WIDGETS,
        "name: live_list_widgets",
        "name: list_widgets",
        0,
        "list_widgets.name",
        "must match",
    ),
    (
        "name not unique",
        WIDGETS,
        "name: live_set_widget_level",
        "name: live_list_widgets",
        1,
        "live_list_widgets.name",
        "also declared",
    ),
    (
        "field without description",
        WIDGETS,
        "{type: string, enum: [small, large], description: Its size.}",
        "{type: string, enum: [small, large]}",
        0,
        "live_list_widgets.output.widgets.items.properties.kind",
        "no description",
    ),
    (
        "input field without description",
        WIDGETS,
        'pattern: "^widget:\\\\d+$", description: The widget.}',
        'pattern: "^widget:\\\\d+$"}',
        0,
        "live_set_widget_level.input.widget_id",
        "no description",
    ),
    (
        "read-only tool with an undo step",
        WIDGETS,
        "method: widget.list, undo: none",
        "method: widget.list, undo: one_step",
        0,
        "live_list_widgets.bridge.undo",
        "read-only tool must have undo none",
    ),
    (
        "write without an undo step",
        WIDGETS,
        "undo: one_step",
        "undo: none",
        1,
        "live_set_widget_level.bridge.undo",
        "must have undo one_step",
    ),
    (
        "server check on a number",
        WIDGETS,
        "{type: number, minimum: 0, maximum: 1, description:",
        "{type: number, minimum: 0, maximum: 1, server_check: audio_file, description:",
        0,
        "live_set_widget_level.input.level.server_check",
        "top-level string input",
    ),
    (
        "server check on an output field",
        WIDGETS,
        "before: {type: number, description: Level before.}",
        "before: {type: string, server_check: audio_file, description: Level before.}",
        0,
        "live_set_widget_level.output.before.server_check",
        "top-level string input",
    ),
    (
        "server check nested in an object",
        WIDGETS,
        "id: {type: string, description: Its id.}",
        "id: {type: string, server_check: audio_file, description: Its id.}",
        0,
        "live_list_widgets.output.widgets.items.properties.id.server_check",
        "top-level string input",
    ),
    (
        "read-only yet destructive",
        WIDGETS,
        "{read_only: true, destructive: false",
        "{read_only: true, destructive: true",
        0,
        "live_list_widgets.annotations.destructive",
        "cannot be destructive",
    ),
    (
        "undeclared error code",
        WIDGETS,
        "errors: [LIVE_UNAVAILABLE]",
        "errors: [LIVE_UNAVAILABLE, NOPE]",
        0,
        "live_list_widgets.errors.1",
        "'NOPE' is not declared",
    ),
    (
        "undeclared toolset",
        WIDGETS,
        "toolset: core",
        "toolset: extras",
        0,
        "live_list_widgets.toolset",
        "'extras' is not declared",
    ),
    (
        "malformed bridge method",
        WIDGETS,
        "method: widget.list,",
        "method: WidgetList,",
        0,
        "live_list_widgets.bridge.method",
        "must be `domain.verb`",
    ),
    (
        "reserved bridge domain",
        WIDGETS,
        "method: widget.list,",
        "method: system.list,",
        0,
        "live_list_widgets.bridge.method",
        "reserved",
    ),
    (
        "bridge method used twice",
        WIDGETS,
        "method: widget.set_level,",
        "method: widget.list,",
        1,
        "live_set_widget_level.bridge.method",
        "already used by live_list_widgets",
    ),
    (
        "summary names a missing output",
        WIDGETS,
        'summary: "{count} widget(s)"',
        'summary: "{total} widget(s)"',
        0,
        "live_list_widgets.summary",
        "total",
    ),
    (
        "unknown key",
        WIDGETS,
        "  title: List widgets",
        "  title: List widgets\n  colour: red",
        0,
        "live_list_widgets.colour",
        "unknown key",
    ),
    (
        "example input off its schema",
        WIDGETS,
        "- input: {limit: 2}",
        "- input: {limit: 99}",
        0,
        "live_list_widgets.examples.0.input",
        "99 is greater than the maximum",
    ),
    (
        "example result off its schema",
        WIDGETS,
        "result: {before: 0.0, after: 0.5}",
        "result: {before: 0.0}",
        0,
        "live_set_widget_level.examples.0.result",
        "'after' is a required property",
    ),
    (
        "Live older than supported",
        WIDGETS,
        'since: "12.3"',
        'since: "10.1"',
        0,
        "live_set_widget_level.bridge.since",
        "Live 11.0 and later",
    ),
    (
        "required flag on an output",
        WIDGETS,
        "after: {type: number, description: Level after.}",
        "after: {type: number, required: false, description: Level after.}",
        0,
        "live_set_widget_level.output.after.required",
        "for input fields",
    ),
    (
        "resource variables off the URI",
        "resources.yaml",
        "    n: {type: integer",
        "    m: {type: integer",
        "variables:",
        "widget.variables",
        "do not match",
    ),
    (
        "resource arg names a missing variable",
        "resources.yaml",
        'args: {widget_id: "widget:{n}"}',
        'args: {widget_id: "widget:{number}"}',
        0,
        "widget.bridge.args.widget_id",
        "number",
    ),
    (
        "template variable without an example",
        "resources.yaml",
        "n: {type: integer, minimum: 0, example: 3, description: Its number.}",
        "n: {type: integer, minimum: 0, description: Its number.}",
        0,
        "widget.variables.n",
        "no example",
    ),
    (
        "prompt names a missing argument",
        "prompts.yaml",
        "in a {style} way",
        "in a {mood} way",
        "text: |",
        "tidy_widgets.text",
        "mood",
    ),
    (
        "error code declared twice",
        "errors.yaml",
        "- code: STALE_REFERENCE",
        "- code: BAD_INPUT",
        1,
        "BAD_INPUT.code",
        "declared twice",
    ),
    (
        "not YAML",
        WIDGETS,
        '  summary: "Level {before} -> {after}"',
        "  summary: [unclosed",
        0,
        "",
        "not valid YAML",
    ),
]


def _line_of(text: str, needle: str, at: int | str) -> int:
    """The line of the `at`-th occurrence of the needle's last line, or of the marker `at`."""
    wanted = at if isinstance(at, str) else needle.splitlines()[-1]
    hits = [i + 1 for i, line in enumerate(text.splitlines()) if wanted.strip() in line]
    return hits[0 if isinstance(at, str) else at]


@pytest.mark.parametrize(
    ("case", "rel", "old", "new", "at", "key", "words"), CASES, ids=[c[0] for c in CASES]
)
def test_rule_names_file_line_and_key(tmp_path, case, rel, old, new, at, key, words):
    spec_dir = copy_specs(GOLDEN / "specs", tmp_path)
    path: Path = spec_dir / rel
    text = path.read_text()
    assert old in text, f"test case {case!r} no longer matches the golden specs"
    edited = text.replace(old, new, 1)
    path.write_text(edited)

    with pytest.raises(SpecError) as raised:
        load_ir(spec_dir)

    expected_file = f"specs/{rel}"
    matching = [p for p in raised.value.problems if p.file == expected_file and words in p.message]
    assert matching, f"no problem mentioning {words!r} in {expected_file}: {raised.value.report()}"
    problem = matching[0]
    if case == "not YAML":
        assert problem.line >= _line_of(edited, new, 0)
        return
    assert problem.key == key, raised.value.report()
    assert problem.line == _line_of(edited, new, at), raised.value.report()
    assert str(problem).startswith(f"{expected_file}:{problem.line}: {key}: ")


def test_all_problems_are_reported_together(tmp_path):
    spec_dir = copy_specs(GOLDEN / "specs", tmp_path)
    widgets = spec_dir / WIDGETS
    widgets.write_text(
        widgets.read_text()
        .replace("toolset: core", "toolset: extras", 1)
        .replace("errors: [LIVE_UNAVAILABLE]", "errors: [NOPE]")
    )
    prompts = spec_dir / "prompts.yaml"
    prompts.write_text(prompts.read_text().replace("{style}", "{mood}"))
    with pytest.raises(SpecError) as raised:
        load_ir(spec_dir)
    messages = raised.value.report()
    assert "'extras' is not declared" in messages
    assert "'NOPE' is not declared" in messages
    assert "mood" in messages
    assert "argument 'style' is not used" in messages
    assert "4 problem(s)" in messages


def test_the_real_specs_have_no_problems_and_hold_the_first_catalogue():
    from codegen_helpers import REAL_SPECS

    ir = load_ir(REAL_SPECS)
    # The first catalogue must stay; tools added later (see the add-a-tool guide) come on top.
    assert {t.name for t in ir.tools} >= {
        "live_get_song_overview",
        "live_find_track",
        "live_list_clips",
        "live_get_notes",
        "live_set_song_props",
        "live_set_track_props",
        "live_set_notes",
        "live_create_track",
        "live_create_midi_clip",
        # live_set_param was folded into live_set_device_params (one tool for one job).
        "live_set_device_params",
        "live_insert_device",
        "live_render_track",
    }
    assert {r.uri or r.uri_template for r in ir.resources + ir.resource_templates} >= {
        "ableton://song",
        "ableton://track/{i}",
        "ableton://clip/{path}/notes",
    }
    assert {p.name for p in ir.prompts} >= {"humanize_clip", "build_arrangement", "batch_rename"}
    assert {e.code for e in ir.errors} >= {
        "STALE_REFERENCE",
        "WRONG_TYPE",
        "BAD_INPUT",
        "LIVE_REJECTED",
        "UNSUPPORTED",
        "LIVE_UNAVAILABLE",
    }

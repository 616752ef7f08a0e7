"""What a tool costs on the wire: its `tools/list` entry, compacted, and that entry's size.

Every listed tool costs a client context on every turn, so the entry carries what a client needs to
call the tool and check its result, and nothing the name and the type already say:
- input fields keep their descriptions (they are how a model learns to call the tool); the object's
  own "Arguments of X." goes;
- output schemas keep their shape (types and nesting) for validation and drop the prose, the
  bounds, the enums, the defaults and the `required` lists (every output field is always there,
  and the server has validated every value): the reference site has the full text;
- a shape that repeats inside one schema (a clip in a slot and in the Arrangement, the before and
  after of a props write) is written once under `$defs` and referenced with `$ref`;
- the title is given once (the Tool's), not again in the annotations, and a hint equal to MCP's
  default for it (readOnlyHint false, destructiveHint true, idempotentHint false, openWorldHint
  true) is left out, which means the same to every client, and so are destructiveHint and
  idempotentHint on a read-only tool (MCP gives them meaning only for writes);
- an input description whose every word is in the field's name or the tool's already
  ("Velocity." on `velocity`, "The track's id." on `track_id`) is left out, and so is the
  description of an array's items (the array's own description says what they are);
- an id field (`*_id`) drops its pattern: a model copies ids from what the tools return and never
  composes one, and the server still checks the pattern (BAD_INPUT naming the field);
- the guards against oversized requests go too: every string length (`minLength`/`maxLength`: a
  name's 1..256, a 2 MB string), and list lengths and bounds of GUARD_SIZE or more (a 20,000-note
  list, a seed up to 2**32): no musical request comes near them, and the server still enforces
  them (an empty string is BAD_INPUT naming the field). Musical bounds (pitch 0..127, tempo 20..999,
  a batch's 50 steps) stay;
- `additionalProperties: false` goes: the server refuses an unknown argument with BAD_INPUT
  naming it and listing the valid ones, which tells a model more than the keyword does.
What the model reads is the entry's name, description and input schema (`model_size`).
The size is the length of the compact JSON of that entry, which is what the budgets measure.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Set
from typing import Any

from codegen.names import singular

# Output keys that constrain or explain a value but do not change its shape.
_OUTPUT_DROPPED = frozenset(
    {
        "description",
        "default",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "minLength",
        "maxLength",
        "minItems",
        "maxItems",
        "pattern",
        # An enum limits a value the server always produces valid; the type is the shape.
        "enum",
        "additionalProperties",
        # Every output field is always present (the reference says so); the shape is what a
        # client validates against, and a `required` list per object is the costliest part of it.
        "required",
    }
)
# A bound at least this large guards the server; it tells a model nothing (codegen/wire.py's doc).
GUARD_SIZE = 10_000
_BOUNDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "maxItems")


def _is_guard(key: str, value: Any, name: str) -> bool:
    if key in ("minLength", "maxLength"):
        return True
    if key == "pattern":
        return name.endswith("_id")
    return key in _BOUNDS and isinstance(value, int | float) and abs(value) >= GUARD_SIZE


# A shape shorter than this is cheaper written out than referenced.
_MIN_SHARED = 48
# MCP's defaults for the hints: a hint equal to its default says nothing the client does not assume.
_HINT_DEFAULTS = {
    "readOnlyHint": False,
    "destructiveHint": True,
    "idempotentHint": False,
    "openWorldHint": True,
}
# Words that carry no meaning of their own in a field description.
_FILLER = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "for",
        "in",
        "on",
        "or",
        "and",
        "is",
        "it",
        "its",
        "this",
        "that",
        "be",
        "by",
        "with",
        "as",
        "from",
        "new",
        "given",
        "number",
        "whether",
        "true",
        "false",
        "run",
        "call",
    ]
)


def _words(text: str) -> set[str]:
    cleaned = "".join(c.lower() if c.isalnum() else " " for c in text)
    # Filler first, then the plural (so "this" and "is" go whole), and the "s" of "track's".
    return {w.removesuffix("s") for w in cleaned.split() if w not in _FILLER} - {""}


def _base(word: str, known: set[str]) -> str:
    """ "unmute" -> "mute" where the name says "mute": the opposite of a boolean says nothing more."""
    for prefix in ("un", "dis"):
        if word.startswith(prefix) and word[len(prefix) :] in known:
            return word[len(prefix) :]
    return word


def tool_words(tool: str) -> set[str]:
    """What a tool's name says about each of its fields ("live_create_midi_clip": create, midi,
    clip); "live" is every tool's prefix, not a word of its subject."""
    return _words(tool.replace("_", " ")) - {"live"}


def says_nothing_new(name: str, description: str, context: Set[str] = frozenset()) -> bool:
    """True when every word of the description is in the field's name, or the tool's, already
    ("Velocity." on `velocity`, "New name." on `name`, "Mute (true) or unmute (false)." on `mute`,
    "The track's id." on `track_id`, "Name for the clip." on `name` of `live_create_midi_clip`):
    the wire leaves such a description out."""
    known = _words(name.replace("_", " ")) | context
    return {_base(w, known) for w in _words(description)} <= known


def _drop_redundant(schema: Any, name: str = "", context: Set[str] = frozenset()) -> Any:
    if not isinstance(schema, dict):
        return schema
    out = {}
    for key, value in schema.items():
        if key == "description" and name and says_nothing_new(name, value, context):
            continue
        if _is_guard(key, value, name) or (key == "additionalProperties" and value is False):
            continue
        if key == "properties":
            out[key] = {
                prop: _drop_redundant(child, prop, context) for prop, child in value.items()
            }
        elif key == "items" and isinstance(value, dict):
            # "One note." under "The clip's new notes": the array's description says it.
            item = {k: v for k, v in value.items() if k != "description"}
            out[key] = _drop_redundant(item, singular(name), context)
        elif key == "anyOf":
            out[key] = [_drop_redundant(option, name, context) for option in value]
        else:
            out[key] = value
    return out


def compact(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def wire_size(entry: Mapping[str, Any]) -> int:
    return len(compact(entry))


# What MCP clients hand the model of a tool: the rest of the entry (output schema, title,
# annotations) stays with the client, for validation and display.
MODEL_KEYS = ("name", "description", "inputSchema")


def model_view(entry: Mapping[str, Any]) -> dict[str, Any]:
    return {key: entry[key] for key in MODEL_KEYS}


def model_size(entry: Mapping[str, Any]) -> int:
    """Characters of the entry the model reads: the compact JSON of its name, description and
    input schema. The budgets are held on this."""
    return wire_size(model_view(entry))


def _strip(schema: Any, dropped: frozenset[str]) -> Any:
    if isinstance(schema, list):
        return [_strip(v, dropped) for v in schema]
    if not isinstance(schema, dict):
        return schema
    out = {}
    for key, value in schema.items():
        if key in dropped:
            continue
        if key == "properties":
            out[key] = {name: _strip(child, dropped) for name, child in value.items()}
        elif key in ("items", "anyOf"):
            out[key] = _strip(value, dropped)
        else:
            out[key] = value
    return out


def _subschemas(schema: Any, name: str) -> Iterable[tuple[dict[str, Any], str]]:
    """Every nested schema with a name to give it if it is shared (its property, singular for
    array items)."""
    if not isinstance(schema, dict):
        return
    for prop, child in schema.get("properties", {}).items():
        yield child, prop
        yield from _subschemas(child, prop)
    if isinstance(schema.get("items"), dict):
        yield schema["items"], singular(name)
        yield from _subschemas(schema["items"], singular(name))
    for option in schema.get("anyOf", []):
        yield option, name
        yield from _subschemas(option, name)


def _replace(schema: Any, target: str, ref: dict[str, str]) -> Any:
    if isinstance(schema, list):
        return [_replace(v, target, ref) for v in schema]
    if not isinstance(schema, dict):
        return schema
    if compact(schema) == target:
        return dict(ref)
    return {key: _replace(value, target, ref) for key, value in schema.items()}


def _ref(key: str) -> dict[str, str]:
    return {"$ref": f"#/$defs/{key}"}


def share_repeated(schema: dict[str, Any]) -> dict[str, Any]:
    """Hoist each shape that occurs more than once into `$defs`, largest first, while it saves.
    Shapes inside a shared one count too, and a shape equal to a shared one is referenced (the
    Main track's strip beside the list of track strips)."""
    defs: dict[str, Any] = {}
    while True:
        defined = {compact(body): key for key, body in defs.items()}
        seen: dict[str, tuple[int, str]] = {}
        # Shared shapes first, so a shape found in one is named from there ("track", the item of
        # "tracks") rather than after one place that uses it ("main").
        for root, root_name in [*((body, key) for key, body in defs.items()), (schema, "item")]:
            for sub, name in _subschemas(root, root_name):
                text = compact(sub)
                count, first = seen.get(text, (0, name))
                seen[text] = (count + 1, first)
        best = None
        for text, (count, name) in seen.items():
            if text in defined:  # written once already: every other place saves all but a $ref
                saving = count * (len(text) - len(compact(_ref(defined[text]))))
                worth = saving > 0
            else:
                saving = (count - 1) * len(text) - count * (len(name) + 20) - len(name)
                worth = count > 1 and len(text) >= _MIN_SHARED and saving > 0
            if worth and (best is None or len(text) > len(best[0])):
                best = (text, name)
        if best is None:
            break
        text, name = best
        key = defined.get(text)
        if key is None:
            key = name
            while key in defs:
                key += "_"
            defs[key] = json.loads(text)
        ref = _ref(key)
        schema = _replace(schema, text, ref)
        # Inside each shared shape, not the shape itself (which would become a $ref to itself).
        defs = {
            k: {part: _replace(value, text, ref) for part, value in body.items()}
            for k, body in defs.items()
        }
    if defs:
        schema = {**schema, "$defs": defs}
    return schema


def wire_annotations(annotations: Mapping[str, bool]) -> dict[str, bool]:
    """The hints that say something: not equal to MCP's default, and for a read-only tool not
    destructiveHint or idempotentHint (MCP gives them meaning only when readOnlyHint is false)."""
    read_only = annotations.get("readOnlyHint", False)
    return {
        key: value
        for key, value in annotations.items()
        if _HINT_DEFAULTS.get(key) != value
        and not (read_only and key in ("destructiveHint", "idempotentHint"))
    }


def wire_input(schema: Mapping[str, Any], tool: str = "") -> dict[str, Any]:
    # The object's own "Arguments of X.", and an empty `required` list, say nothing.
    body = {
        k: v for k, v in schema.items() if k != "description" and not (k == "required" and not v)
    }
    return share_repeated(_drop_redundant(body, context=tool_words(tool)))


def wire_output(schema: Mapping[str, Any]) -> dict[str, Any]:
    return share_repeated(_strip(dict(schema), _OUTPUT_DROPPED))


def wire_entry(
    name: str,
    title: str,
    description: str,
    input_schema: Mapping[str, Any],
    output_schema: Mapping[str, Any],
    annotations: Mapping[str, bool],
) -> dict[str, Any]:
    """The tool exactly as `tools/list` serves it (camelCase keys, the SDK's field order)."""
    return {
        "name": name,
        "title": title,
        "description": description,
        "inputSchema": wire_input(input_schema, name),
        "outputSchema": wire_output(output_schema),
        "annotations": wire_annotations(annotations),
    }

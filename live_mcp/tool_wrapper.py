"""The one wrapper every tool gets at registration: validate, one bridge call, summary + structure.

No tool is written by hand: everything here is driven by the tool's entry in
`generated/registry_gen.py` (its models, schemas, bridge method, summary template, errors).
Whatever happens, the handler returns a `CallToolResult`; failures are `isError: true` with a
catalogue code and hint, never a protocol error (DESIGN.md invariant 2).
"""

from __future__ import annotations

import base64
import importlib
import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Literal, Protocol

import anyio
import mcp_types as types
from pydantic import BaseModel, ValidationError

from live_mcp.capping import cap_text
from live_mcp.errors import BAD_INPUT, LIVE_REJECTED, UNSUPPORTED, ToolFailure
from live_mcp.input_checks import run_server_checks
from live_mcp.summary import render_summary, with_moves
from live_script.lom.ids import MOVED_KEY

log = logging.getLogger("live_mcp.tools")

ERROR_META_KEY = "live-mcp/error"
MOVED_META_KEY = "live-mcp/moved"
# The oldest Live the Remote Script supports: a tool declared `since` it needs no newer one.
OLDEST_LIVE = "11.0"

ToolHandler = Callable[[Mapping[str, Any] | None], Awaitable[types.CallToolResult]]
# What a tool does between validated params and its result (default: one bridge call).
ToolRun = Callable[[dict[str, Any]], Awaitable[dict[str, Any]]]


class BridgeLike(Protocol):
    """What the wrapper needs from a bridge (live_mcp.bridge.Bridge, or a test double)."""

    async def call(
        self,
        method: str,
        params: Mapping[str, Any],
        *,
        write: bool,
        timeout: float | None = None,
    ) -> Any: ...


# -- input --------------------------------------------------------------------------------------


# pydantic's tag of a scalar branch of a union ([integer, string] -> ('midi_track', 'int')).
_SCALAR_TAGS = frozenset({"int", "str", "float", "bool"})


def _is_branch_tag(part: Any) -> bool:
    """pydantic's name for the branch of a union in an error's path: a model ('Notes2'), a
    constrained type ('constrained-str', 'function-after[...]') or a scalar ('int', 'str'), never
    a snake_case field."""
    return isinstance(part, str) and (
        part[:1].isupper() or "-" in part or "[" in part or part in _SCALAR_TAGS
    )


def _field_path(loc: tuple[Any, ...]) -> str:
    """('notes', 3, 'pitch') -> 'notes[3].pitch', the form the bridge protocol uses too.

    pydantic puts the model name of an anyOf branch into the path ('notes', 'Notes2', 0, ...);
    field names are snake_case, so such a tag is left out."""
    out = ""
    for part in loc:
        if _is_branch_tag(part):
            continue
        if isinstance(part, int):
            out += f"[{part}]"
        elif not out:
            out = str(part)
        else:
            out += f".{part}"
    return out


def _fields_at(schema: Mapping[str, Any], loc: tuple[Any, ...]) -> list[str]:
    """The field names the object at `loc` (a pydantic error location, without its last part)
    takes: the listed schema leaves `additionalProperties` out, so the error says what is valid."""
    nodes = [schema]
    for part in loc:
        if _is_branch_tag(part):
            continue  # an anyOf branch's tag: every branch is tried below
        found = []
        for node in nodes:
            for option in [node, *node.get("anyOf", ())]:
                child = (
                    option.get("items")
                    if isinstance(part, int)
                    else option.get("properties", {}).get(part)
                )
                if isinstance(child, Mapping):
                    found.append(child)
        nodes = found
    names: list[str] = []
    for node in nodes:
        for option in [node, *node.get("anyOf", ())]:
            names += [n for n in option.get("properties", {}) if n not in names]
    return names


def _describe(error: Mapping[str, Any], schema: Mapping[str, Any] | None = None) -> str:
    path = _field_path(tuple(error.get("loc", ())))
    if error.get("type") == "extra_forbidden":
        valid = _fields_at(schema or {}, tuple(error.get("loc", ()))[:-1])
        takes = f"; it takes {', '.join(valid)}" if valid else ""
        return f"unknown argument '{path}' (the tool does not take it{takes})"
    if error.get("type") == "missing":
        return f"'{path}' is required"
    received = json.dumps(error.get("input"), default=str)
    if len(received) > 60:
        received = received[:57] + "..."
    return f"'{path}': {error.get('msg', 'invalid')} (got {received})"


# An anyOf branch of another JSON type than the value ("expected an array" for the compact form's
# object, "expected a string" for a note number): noise next to the errors of the branch the value
# was meant for.
_WRONG_BRANCH = frozenset(
    {"list_type", "model_type", "dict_type", "model_attributes_type", "string_type", "int_type"}
)


def _at_branch(loc: tuple[Any, ...]) -> bool:
    """Whether an error is about a union branch's whole value (no field of the branch after its
    tag): "expected an array" for the object form is; the compact form's `rows` being no string
    is an error inside the branch the value was meant for, and stays."""
    tags = [i for i, part in enumerate(loc) if _is_branch_tag(part)]
    return bool(tags) and not any(isinstance(part, str) for part in loc[tags[-1] + 1 :])


def _relevant(errors: list[Any]) -> list[Any]:
    if not any(_at_branch(tuple(e["loc"])) for e in errors):
        return errors
    kept = [
        e for e in errors if not (e.get("type") in _WRONG_BRANCH and _at_branch(tuple(e["loc"])))
    ]
    return kept or errors


def tool_model(spec: Mapping[str, Any], which: Literal["input", "output"]) -> type[BaseModel]:
    """A tool's input or output model. The registry names it and its module, which is imported
    here at the first call rather than at start-up (importlib caches it after that)."""
    model: type[BaseModel] = getattr(
        importlib.import_module(spec["models_module"]), spec[f"{which}_model"]
    )
    return model


def validate_input(spec: Mapping[str, Any], arguments: Mapping[str, Any] | None) -> dict[str, Any]:
    """Arguments -> the bridge's params (defaults filled in), or BAD_INPUT naming the field."""
    args = {} if arguments is None else arguments
    if not isinstance(args, Mapping):
        raise ToolFailure(BAD_INPUT, "Arguments must be a JSON object.")
    model = tool_model(spec, "input")
    try:
        # Strict: JSON types are taken as they are ("120" is not a number, 1 is not true). The
        # generated models also refuse an explicit null for an optional field, as the schema does.
        validated = model.model_validate(dict(args), strict=True)
    except ValidationError as exc:
        errors = _relevant(exc.errors(include_url=False))
        details = "; ".join(_describe(e, spec.get("input_schema")) for e in errors[:5])
        more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
        raise ToolFailure(
            BAD_INPUT,
            f"Invalid arguments for {spec['name']}: {details}{more}.",
            field=_field_path(tuple(errors[0].get("loc", ()))) if errors else None,
        ) from None
    return validated.model_dump(mode="json", exclude_none=True)


# -- output -------------------------------------------------------------------------------------


def narrowing_fields(input_schema: Mapping[str, Any]) -> list[str]:
    """The tool's own optional range/limit arguments: the ways to ask it for less."""
    props = input_schema.get("properties", {})
    required = set(input_schema.get("required", ()))
    return [
        name
        for name in props
        if name not in required
        and (name.startswith(("max_", "from_")) or name.endswith("_span") or name == "limit")
    ]


def narrowing_hint(input_schema: Mapping[str, Any]) -> str:
    names = narrowing_fields(input_schema)
    if not names:
        return "The complete result is in structuredContent."
    return (
        "The complete result is in structuredContent; to read less, call again with "
        + ", ".join(names)
        + "."
    )


def take_moves(result: dict[str, Any]) -> dict[str, str] | None:
    """Remove and return what the Remote Script adds to the result of a call whose tagged ids it
    followed to their moved objects: {id as given: fresh id} (live_script/lom/ids.py)."""
    moved = result.pop(MOVED_KEY, None)
    return moved if isinstance(moved, dict) and moved else None


def validate_output(spec: Mapping[str, Any], result: Any) -> dict[str, Any]:
    """The result checked against the tool's output model (the moves note, if any, kept)."""
    model = tool_model(spec, "output")
    if not isinstance(result, Mapping):
        raise ToolFailure(LIVE_REJECTED, f"Live answered {spec['name']} with a non-object result.")
    try:
        model.model_validate({k: v for k, v in result.items() if k != MOVED_KEY}, strict=True)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        raise ToolFailure(
            LIVE_REJECTED,
            f"The Remote Script's answer to {spec['name']} does not match the tool's output "
            f"schema ({_describe(first)}).",
            hint="The Remote Script and this server disagree on the tool's shape: run "
            "`live-mcp install-script`, restart Live, and call again.",
        ) from None
    return dict(result)


class WithImages(dict[str, Any]):
    """A run's result that also shows the model pictures: `images` are PNG bytes."""

    images: tuple[bytes, ...] = ()


def success_result(spec: Mapping[str, Any], result: dict[str, Any]) -> types.CallToolResult:
    moved = take_moves(result)
    summary = with_moves(render_summary(spec.get("summary", ""), result), moved)
    hint = narrowing_hint(spec["input_schema"])
    # The JSON copy serves clients that ignore structuredContent; it is what gets capped.
    body = json.dumps(result, ensure_ascii=False, separators=(",", ":"))
    content: list[Any] = [
        types.TextContent(text=cap_text(summary, hint)),
        types.TextContent(text=cap_text(body, hint)),
    ]
    for png in getattr(result, "images", ()):
        content.append(
            types.ImageContent(data=base64.b64encode(png).decode("ascii"), mime_type="image/png")
        )
    return types.CallToolResult(
        content=content,
        structured_content=dict(result),
        _meta={MOVED_META_KEY: moved} if moved else None,
    )


async def with_picture(
    spec: Mapping[str, Any], params: Mapping[str, Any], result: dict[str, Any]
) -> dict[str, Any]:
    """The result with the PNG a call asked for with `image` (live_mcp.pictures, Pillow loaded only
    here), drawn in a worker thread so that other calls go on meanwhile. A method without a
    picture there (one whose run drew its own, as the measure does) keeps its result as it is."""
    from live_mcp.pictures import PICTURES

    render = PICTURES.get(spec["bridge_method"])
    if render is None:
        return result
    return with_image(result, await anyio.to_thread.run_sync(render, params, result))


def with_image(result: dict[str, Any], png: bytes) -> WithImages:
    """`result` showing the model one more picture."""
    shown = WithImages(result)
    shown.images = (*getattr(result, "images", ()), png)
    return shown


def error_result(
    failure: ToolFailure, catalogue: Mapping[str, Mapping[str, str]]
) -> types.CallToolResult:
    return types.CallToolResult(
        content=[types.TextContent(text=cap_text(failure.render(catalogue), "Shorten the input."))],
        is_error=True,
        _meta={ERROR_META_KEY: failure.as_dict(catalogue)},
    )


# -- the wrapper --------------------------------------------------------------------------------


def bridge_run(spec: Mapping[str, Any], bridge: BridgeLike) -> ToolRun:
    """The usual run: one bridge call with the params, the answer checked against the outputs."""
    method: str = spec["bridge_method"]
    # The bridge must know reads from writes: only a read may be re-sent after a lost answer.
    write = not spec.get("annotations", {}).get("readOnlyHint", False)

    async def run(params: dict[str, Any]) -> dict[str, Any]:
        return validate_output(spec, await bridge.call(method, params, write=write))

    return run


def make_tool_handler(
    spec: Mapping[str, Any],
    bridge: BridgeLike,
    catalogue: Mapping[str, Mapping[str, str]],
    run: ToolRun | None = None,
) -> ToolHandler:
    """Build the handler for one registry entry."""
    run = run or bridge_run(spec, bridge)

    async def handle(arguments: Mapping[str, Any] | None) -> types.CallToolResult:
        try:
            params = run_server_checks(spec, validate_input(spec, arguments))
            try:
                result = await run(params)
            except ToolFailure as failure:
                raise _with_mismatch_note(_with_since(failure, spec), bridge, catalogue) from None
            if params.get("image"):
                result = await with_picture(spec, params, result)
            return success_result(spec, result)
        except ToolFailure as failure:
            return error_result(failure, catalogue)
        except Exception:
            # A bug here must still reach the client as a result, not a broken session.
            log.exception("unexpected failure in %s", spec["name"])
            return error_result(
                ToolFailure(
                    LIVE_REJECTED,
                    f"live-mcp failed unexpectedly while running {spec['name']}.",
                    hint="This is a bug in live-mcp; the server log has the details.",
                ),
                catalogue,
            )

    handle.__name__ = f"handle_{spec['name']}"
    return handle


def _with_since(failure: ToolFailure, spec: Mapping[str, Any]) -> ToolFailure:
    """An UNSUPPORTED that names no version (the script in an older Live does not serve the
    method at all) names the version the tool's spec declares it needs."""
    if failure.code == UNSUPPORTED and not failure.needs_version and spec["since"] != OLDEST_LIVE:
        failure.needs_version = spec["since"]
    return failure


def _with_mismatch_note(
    failure: ToolFailure, bridge: BridgeLike, catalogue: Mapping[str, Mapping[str, str]]
) -> ToolFailure:
    """Say plainly when a failure may come from a script generated from other specs."""
    mismatch_of = getattr(bridge, "spec_mismatch", None)
    mismatch = mismatch_of() if callable(mismatch_of) else None
    if mismatch:
        hint = failure.resolved_hint(catalogue)
        if mismatch not in hint:
            failure.hint = f"{hint} {mismatch}".strip()
    return failure

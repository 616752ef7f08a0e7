"""live_batch on the server side: every step checked before anything reaches Live, one bridge call.

Before the call: each step's tool must be enabled in this server (a batch does not reach past
--toolsets or --read-only) and batchable; each `$steps[N]...` reference (live_script/execution/refs.py) must
name an earlier step and a field that step's tool returns; each step's arguments must pass its
own tool's input model, except where a reference stands (its value is known only inside Live,
where the Remote Script checks it against the step's schema before the step runs). After the call:
each step's result is checked against its own tool's output model and given its summary line.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from live_mcp.analysis_runs import RUNS as SERVER_RUNS
from live_mcp.errors import BAD_INPUT, ToolFailure
from live_mcp.input_checks import run_server_checks
from live_mcp.summary import with_moves
from live_mcp.tool_wrapper import (
    BridgeLike,
    ToolRun,
    _describe,
    _field_path,
    _relevant,
    render_summary,
    take_moves,
    tool_model,
    validate_output,
)
from live_mcp.toolsets import Selection
from live_script.execution import refs

ROLLED_BACK = "Nothing was changed: the steps before it were rolled back with it."


def _fail(
    index: int, tool: str, message: str, where: str = "", hint: str | None = None
) -> ToolFailure:
    field = f"steps[{index}].arguments" + (f".{where}" if where else "")
    return ToolFailure(
        BAD_INPUT,
        f"steps[{index}] ({tool}): {message}",
        hint=hint,
        field=field,
        step=index,
        tool=tool,
    )


def _output_has(schema: Mapping[str, Any], path: list[str | int]) -> bool:
    """Whether an output schema (full, no $ref) has the field path a reference names."""
    node: Mapping[str, Any] = schema
    for part in path:
        if isinstance(part, int):
            if "items" not in node:
                return False
            node = node["items"]
        else:
            options = [node, *node.get("anyOf", [])]
            found = next(
                (o["properties"][part] for o in options if part in o.get("properties", {})), None
            )
            if found is None:
                return False
            node = found
    return True


def check_step(
    index: int,
    step: Mapping[str, Any],
    steps: list[Mapping[str, Any]],
    specs: Mapping[str, Mapping[str, Any]],
    selection: Selection,
) -> None:
    tool = step["tool"]
    if not selection.is_enabled(tool):
        why = selection.why_disabled.get(tool, f"{tool} is not enabled in this server.")
        raise ToolFailure(BAD_INPUT, f"steps[{index}]: {why}", step=index, tool=tool)
    spec = specs[tool]
    if spec["bridge_method"] in SERVER_RUNS:
        raise ToolFailure(
            BAD_INPUT,
            f"steps[{index}]: {tool} does its work in the server, outside Live's undo step; "
            "call it on its own.",
            step=index,
            tool=tool,
        )
    try:
        found = refs.find(step["arguments"])
        refs.check_order(found, index)
    except refs.RefError as exc:
        raise _fail(index, tool, exc.message, exc.where) from None
    for where, ref in found:
        source = specs[steps[ref.step]["tool"]]
        if not _output_has(source["output_schema"], ref.path):
            raise _fail(
                index,
                tool,
                f"{ref.text}: {source['name']} (step {ref.step}) returns no such field",
                where,
            )
    model = tool_model(spec, "input")
    referenced = {where for where, _ in found}
    try:
        model.model_validate(dict(step["arguments"]), strict=True)
    except ValidationError as exc:
        errors = [
            e
            for e in exc.errors(include_url=False)
            if _field_path(tuple(e.get("loc", ()))) not in referenced
        ]
        if errors:
            first = _relevant(errors)[0]  # as a call of the tool alone would report it
            where = _field_path(tuple(first.get("loc", ())))
            raise _fail(index, tool, _describe(first), where) from None
    try:
        # The checks only the server can make (an audio file's path), as for the tool alone; the
        # normalised values are what the step sends.
        run_server_checks(spec, step["arguments"], skip=referenced)
    except ToolFailure as failure:
        raise _fail(index, tool, failure.message, failure.field or "", failure.hint) from None


def batch_run(
    spec: Mapping[str, Any],
    specs: Mapping[str, Mapping[str, Any]],
    selection: Selection,
    bridge: BridgeLike,
) -> ToolRun:
    async def run(params: dict[str, Any]) -> dict[str, Any]:
        steps = params["steps"]
        for index, step in enumerate(steps):
            check_step(index, step, steps, specs, selection)
        try:
            answer = await bridge.call(spec["bridge_method"], {"steps": steps}, write=True)
        except ToolFailure as failure:
            if failure.step is not None:
                failure.message = f"{failure.message}. {ROLLED_BACK}"
            raise
        result = validate_output(spec, answer)
        for step in result["steps"]:
            step_spec = specs[step["tool"]]
            step["result"] = validate_output(step_spec, step["result"])
            moved = take_moves(step["result"])
            step["summary"] = with_moves(
                render_summary(step_spec.get("summary", ""), step["result"]), moved
            )
        return result

    return run

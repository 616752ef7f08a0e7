"""What an approval shows, and the confirmation tokens of clients that cannot ask the user.

Before a call under an `approve` rule reaches Live, the objects its id arguments name are read
from Live in plain words (`system.describe`, a read that opens no undo step): "Delete track:
track 'Bass' (MIDI) with 4 clips and 2 devices". A live_batch is described step by step.

The state an approval is for is a digest of the tool, its arguments and that description: a
confirmation token (for clients without elicitation) is bound to it, so changed arguments or a
changed Set (the description reads differently) make the token worthless; each token works once.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from live_mcp.errors import ToolFailure

DESCRIBE_METHOD = "system.describe"
TOKEN_PREFIX = "approve-"
TOKEN_TTL_S = 600.0
MAX_TOKENS = 256
# What the user is asked to fill in: one yes/no, checked by default (a flat, primitive schema).
ELICIT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "approve": {"type": "boolean", "title": "Go ahead", "default": True},
    },
    "required": ["approve"],
}


def _ids_in(arguments: Mapping[str, Any]) -> Iterator[str]:
    for key, value in arguments.items():
        if key.endswith("_id") and isinstance(value, str) and not value.startswith("$"):
            yield value
        elif key.endswith("_ids") and isinstance(value, list):
            yield from (v for v in value if isinstance(v, str) and not v.startswith("$"))


def call_steps(name: str, params: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    """(tool, arguments) of each step: a batch's steps, or the call itself."""
    steps = params.get("steps") if name == "live_batch" else None
    if isinstance(steps, list):
        return [
            (str(step.get("tool")), step.get("arguments") or {})
            for step in steps
            if isinstance(step, Mapping)
        ]
    return [(name, params)]


def _value_text(value: Any) -> str:
    if isinstance(value, list):
        return f"{len(value)} item{'s' if len(value) != 1 else ''}"
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:37] + "..."


def _step_line(title: str, arguments: Mapping[str, Any], described: Mapping[str, str]) -> str:
    targets = [described.get(i, i) for i in dict.fromkeys(_ids_in(arguments))]
    rest = [
        f"{k}={_value_text(v)}"
        for k, v in arguments.items()
        if not (k.endswith("_id") or k.endswith("_ids"))
    ]
    parts = [title]
    if targets:
        parts.append("— " + "; ".join(targets))
    if rest:
        parts.append(f"({', '.join(rest)})")
    return " ".join(parts)


@dataclass(frozen=True)
class Description:
    text: str  # what the user reads
    state: str  # digest of tool, arguments and what Live said: what an approval is bound to


async def describe_call(
    bridge: Any,
    name: str,
    params: Mapping[str, Any],
    specs: Mapping[str, Mapping[str, Any]],
    message: str,
) -> Description:
    """Read the call's targets from Live and put the approval into words."""
    steps = call_steps(name, params)
    ids = list(dict.fromkeys(i for _tool, args in steps for i in _ids_in(args)))
    answer: Mapping[str, Any]
    try:
        answer = await bridge.call(DESCRIBE_METHOD, {"ids": ids}, write=False)
    except ToolFailure as failure:
        if failure.code != "UNSUPPORTED":
            raise
        # An older Remote Script: the ids alone, and the approval is bound to them.
        answer = {"song": "", "items": [{"id": i, "text": i} for i in ids]}
    described = {
        str(item.get("id")): str(item.get("text") or f"{item.get('id')}: {item.get('error')}")
        for item in answer.get("items", [])
        if isinstance(item, Mapping)
    }
    title = lambda tool: str(specs.get(tool, {}).get("title") or tool)  # noqa: E731
    if name == "live_batch":
        lines = [f"Run {len(steps)} steps as one undo step:"]
        lines += [
            f"{index + 1}. {_step_line(title(tool), args, described)}"
            for index, (tool, args) in enumerate(steps)
        ]
        body = "\n".join(lines)
    else:
        body = _step_line(title(name), params, described) + "."
    text = f"{message}\n{body}" if message else body
    song = str(answer.get("song") or "")
    if song:
        text += f"\nIn {song}."
    payload = json.dumps([name, params, answer], sort_keys=True, separators=(",", ":"), default=str)
    return Description(text, hashlib.sha256(payload.encode("utf-8")).hexdigest())


def default_message(spec: Mapping[str, Any]) -> str:
    return f"Allow {spec.get('title') or spec['name']}?"


@dataclass(frozen=True)
class _Grant:
    tool: str
    state: str
    expires: float


class TokenBook:
    """Single-use confirmation tokens, each bound to one tool and one described state."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._grants: dict[str, _Grant] = {}

    def issue(self, tool: str, state: str) -> str:
        now = self.clock()
        for token in [t for t, g in self._grants.items() if g.expires <= now]:
            del self._grants[token]
        while len(self._grants) >= MAX_TOKENS:
            del self._grants[next(iter(self._grants))]
        token = TOKEN_PREFIX + secrets.token_urlsafe(12)
        self._grants[token] = _Grant(tool, state, now + TOKEN_TTL_S)
        return token

    def redeem(self, token: str, tool: str, state: str) -> str | None:
        """None when the token approves exactly this; else why not. A token works once: it is
        spent by any attempt, good or not."""
        grant = self._grants.pop(token, None)
        if grant is None or grant.expires <= self.clock():
            return "that confirmation is unknown, expired or already used"
        if grant.tool != tool:
            return f"that confirmation was for {grant.tool}, not {tool}"
        if grant.state != state:
            return "the arguments or the Set changed since that confirmation was given"
        return None

"""Prompts: the registry's text templates, filled with the caller's arguments."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import mcp_types as types
from mcp.shared.exceptions import MCPError

from live_mcp.capping import cap_text
from live_mcp.errors import BAD_INPUT, INVALID_PARAMS


class PromptBook:
    def __init__(self, prompts: Sequence[Mapping[str, Any]]) -> None:
        self._prompts = {p["name"]: p for p in prompts}
        self.listing = [
            types.Prompt(
                name=p["name"],
                title=p.get("title"),
                description=p.get("description"),
                arguments=[
                    types.PromptArgument(
                        name=a["name"],
                        description=a.get("description"),
                        required=bool(a.get("required")),
                    )
                    for a in p.get("arguments", ())
                ],
            )
            for p in prompts
        ]

    def render(self, name: str, arguments: Mapping[str, str] | None) -> types.GetPromptResult:
        prompt = self._prompts.get(name)
        if prompt is None:
            raise _invalid(f"Unknown prompt {name!r}. Known: {', '.join(sorted(self._prompts))}.")
        given = dict(arguments or {})
        declared = {a["name"]: a for a in prompt.get("arguments", ())}
        unknown = sorted(set(given) - set(declared))
        if unknown:
            raise _invalid(
                f"Prompt {name} does not take {', '.join(unknown)}; "
                f"it takes {', '.join(declared) or 'no arguments'}."
            )
        values: dict[str, str] = {}
        for arg_name, arg in declared.items():
            value = given.get(arg_name)
            if value is None or value == "":
                if arg.get("required"):
                    about = arg.get("description", "")
                    raise _invalid(f"Prompt {name} needs the argument '{arg_name}': {about}")
                value = arg.get("default") or ""
            values[arg_name] = str(value)
        # Values are substituted, never parsed: braces inside an argument stay literal.
        text = prompt["text"].format(**values)
        return types.GetPromptResult(
            description=prompt.get("description"),
            messages=[
                types.PromptMessage(
                    role="user",
                    content=types.TextContent(text=cap_text(text, "Shorten the arguments.")),
                )
            ],
        )


def _invalid(message: str) -> MCPError:
    return MCPError(INVALID_PARAMS, message, data={"code": BAD_INPUT})

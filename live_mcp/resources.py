"""Resources and resource templates: each read goes through one bridge method.

A template's URI variables are matched, checked against their declared type, percent-decoded
where the registry says so, and formatted into the bridge method's `args`. Resource reads are not
tool calls, so failures are JSON-RPC errors (with the catalogue code and hint in `data`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

import mcp_types as types
from mcp.shared.exceptions import MCPError

from live_mcp.capping import cap_text
from live_mcp.errors import (
    BAD_INPUT,
    INTERNAL_ERROR,
    INVALID_PARAMS,
    RESOURCE_NOT_FOUND,
    STALE_REFERENCE,
    ToolFailure,
)
from live_mcp.tool_wrapper import BridgeLike, narrowing_fields

_VARIABLE = re.compile(r"\{(\w+)\}")
# A stale id reads as "no such resource", bad input as bad params, anything else as internal.
_RPC_CODE_OF = {STALE_REFERENCE: RESOURCE_NOT_FOUND, BAD_INPUT: INVALID_PARAMS}


@dataclass(frozen=True)
class _Route:
    entry: Mapping[str, Any]
    pattern: re.Pattern[str]
    variables: Mapping[str, Mapping[str, Any]]


def _compile(uri_template: str) -> re.Pattern[str]:
    # Only simple `{var}` expansions are declared: each matches one path segment.
    parts = _VARIABLE.split(uri_template)
    regex = "".join(
        re.escape(part) if i % 2 == 0 else f"(?P<{part}>[^/?#]+)" for i, part in enumerate(parts)
    )
    return re.compile(f"^{regex}$")


def _convert(name: str, raw: str, decl: Mapping[str, Any]) -> Any:
    value = unquote(raw) if decl.get("percent_encoded") else raw
    if decl.get("type") != "integer":
        return value
    if not re.fullmatch(r"-?\d+", value):
        raise ToolFailure(BAD_INPUT, f"URI variable '{name}' must be an integer, got '{value}'.")
    number = int(value)
    if "minimum" in decl and number < decl["minimum"]:
        raise ToolFailure(BAD_INPUT, f"URI variable '{name}' must be ≥ {decl['minimum']}.")
    if "maximum" in decl and number > decl["maximum"]:
        raise ToolFailure(BAD_INPUT, f"URI variable '{name}' must be ≤ {decl['maximum']}.")
    return number


class ResourceReader:
    """Lists the registry's resources and reads them through the bridge."""

    def __init__(
        self,
        resources: Sequence[Mapping[str, Any]],
        templates: Sequence[Mapping[str, Any]],
        tools: Sequence[Mapping[str, Any]],
        bridge: BridgeLike,
        catalogue: Mapping[str, Mapping[str, str]],
    ) -> None:
        self._static = {entry["uri"]: entry for entry in resources}
        self._routes = [
            _Route(entry, _compile(entry["uri_template"]), entry.get("variables", {}))
            for entry in templates
        ]
        self._bridge = bridge
        self._catalogue = catalogue
        # A resource that overflows is narrowed through the tool that reads the same method.
        self._narrow = {
            tool["bridge_method"]: f"Read it with {tool['name']} and its "
            f"{', '.join(narrowing_fields(tool['input_schema']))} arguments to get less."
            for tool in tools
            if narrowing_fields(tool["input_schema"])
        }
        self.listing = [
            types.Resource(
                uri=e["uri"],
                name=e["name"],
                title=e.get("title"),
                description=e.get("description"),
                mime_type=e.get("mime_type"),
            )
            for e in resources
        ]
        self.template_listing = [
            types.ResourceTemplate(
                uri_template=e["uri_template"],
                name=e["name"],
                title=e.get("title"),
                description=e.get("description"),
                mime_type=e.get("mime_type"),
            )
            for e in templates
        ]

    def resolve(self, uri: str) -> tuple[Mapping[str, Any], dict[str, str]]:
        """The registry entry for `uri` and the bridge params built from its variables."""
        if uri in self._static:
            entry = self._static[uri]
            return entry, dict(entry.get("args", {}))
        for route in self._routes:
            match = route.pattern.match(uri)
            if match is None:
                continue
            values = {
                name: _convert(name, raw, route.variables.get(name, {}))
                for name, raw in match.groupdict().items()
            }
            args = {key: tmpl.format(**values) for key, tmpl in route.entry.get("args", {}).items()}
            return route.entry, args
        known = sorted([*self._static, *(r.entry["uri_template"] for r in self._routes)])
        raise MCPError(
            RESOURCE_NOT_FOUND,
            f"Unknown resource {uri!r}. Known: {', '.join(known)}.",
            data={"code": BAD_INPUT, "uri": uri},
        )

    async def read(self, uri: str) -> types.ReadResourceResult:
        try:
            entry, args = self.resolve(uri)
            result = await self._bridge.call(entry["bridge_method"], args, write=False)
        except ToolFailure as failure:
            code = _RPC_CODE_OF.get(failure.code, INTERNAL_ERROR)
            raise MCPError(
                code, failure.render(self._catalogue), data=failure.as_dict(self._catalogue)
            ) from None
        text = json.dumps(result, ensure_ascii=False, separators=(",", ":"))
        hint = self._narrow.get(entry["bridge_method"], "Read a narrower resource.")
        return types.ReadResourceResult(
            contents=[
                types.TextResourceContents(
                    uri=uri, mime_type=entry.get("mime_type"), text=cap_text(text, hint)
                )
            ]
        )

"""MCP Apps (SEP-1865, extension `io.modelcontextprotocol/ui`): the views of specs/apps.yaml.

A view is a `ui://` resource, one self-contained HTML file committed under live_mcp/views/ (built
from apps/ by `make apps`; no Node is needed to serve it), listed with the MIME type
`text/html;profile=mcp-app` while a tool that opens it is served. Its tool's `_meta.ui.resourceUri`
is in the generated wire entry. A view reaches Live only through the host's `tools/call`, which
runs the same validated, logged handler as the model's call. A tool a view calls whose toolset the
server was not started with is listed to Apps clients as app-only (`_meta.ui.visibility: ["app"]`,
hidden from the model); one left out by --read-only or --exclude-tools stays out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any

import mcp_types as types
from mcp.shared.exceptions import MCPError

from live_mcp.errors import BAD_INPUT, RESOURCE_NOT_FOUND
from live_mcp.toolsets import Selection

EXTENSION_ID = "io.modelcontextprotocol/ui"
APP_ONLY_META = {"ui": {"visibility": ["app"]}}


@cache
def view_html(bundle: str) -> str:
    """The committed HTML of a view (package data), read once per process."""
    return resources.files("live_mcp").joinpath("views", f"{bundle}.html").read_text("utf-8")


def client_supports_apps(ctx: Any) -> bool:
    """Whether the client negotiated MCP Apps (the SDK's check, imported only when asked)."""
    from mcp.server.apps import client_supports_apps as supports

    try:
        return supports(ctx)
    except AttributeError:  # a context without a session (2026-07-28 discovery): no Apps
        return False


class AppViews:
    """The views a server serves (those whose opening tool is enabled) and the tools they call
    that only an Apps client may see."""

    def __init__(
        self,
        apps: Sequence[Mapping[str, Any]],
        tools: Sequence[Mapping[str, Any]],
        selection: Selection,
    ) -> None:
        enabled = set(selection.enabled)
        self.apps = {a["uri"]: a for a in apps if enabled.intersection(a["opened_by"])}
        # A view not served: what would serve it (the first opening tool's reason).
        self._why_not = {
            a["uri"]: selection.why_disabled.get(a["opened_by"][0], "")
            for a in apps
            if a["uri"] not in self.apps
        }
        called = {name for app in self.apps.values() for name in app["calls"]}
        self.app_only = tuple(
            t["name"] for t in tools if t["name"] in called and t["name"] in selection.held_back
        )
        self.app_only_tools = [
            types.Tool.model_validate(_app_only_wire(t["wire"]))
            for t in tools
            if t["name"] in self.app_only
        ]
        self.listing = [
            types.Resource(
                uri=app["uri"],
                name=app["name"],
                title=app["title"],
                description=app["description"],
                mime_type=app["mime_type"],
                _meta=app["meta"],
            )
            for app in self.apps.values()
        ]

    @property
    def extensions(self) -> dict[str, dict[str, Any]]:
        """The server's capability: declared when it serves at least one view."""
        return {EXTENSION_ID: {}} if self.apps else {}

    def read(self, uri: str) -> types.ReadResourceResult:
        app = self.apps.get(uri)
        if app is None:
            served = f"Served: {', '.join(sorted(self.apps)) or 'none'}."
            reason = self._why_not.get(uri)
            message = (
                f"The view {uri} is not served: {reason} {served}"
                if reason is not None
                else f"Unknown view {uri!r}. {served}"
            )
            raise MCPError(RESOURCE_NOT_FOUND, message, data={"code": BAD_INPUT, "uri": uri})
        return types.ReadResourceResult(
            contents=[
                types.TextResourceContents(
                    uri=uri,
                    mime_type=app["mime_type"],
                    text=view_html(app["bundle"]),
                    _meta=app["meta"],
                )
            ]
        )


def _app_only_wire(wire: Mapping[str, Any]) -> dict[str, Any]:
    meta = dict(wire.get("_meta", {}))
    meta["ui"] = {**meta.get("ui", {}), **APP_ONLY_META["ui"]}
    return {**wire, "_meta": meta}

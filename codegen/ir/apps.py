"""The MCP Apps views of the IR (specs/apps.yaml): each view's resource entry, and the tools that
open one carrying `_meta.ui.resourceUri` in their wire entry (codegen/wire.py sizes it)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from codegen.app_bundles import OUT_DIR
from codegen.loader import LoadedSpecs
from codegen.spec_model import AppSpec
from codegen.wire import wire_size

# SEP-1865 (MCP Apps, 2026-01-26): the resource MIME type a host renders as a view.
APP_MIME_TYPE = "text/html;profile=mcp-app"


@dataclass(frozen=True)
class AppIR:
    uri: str
    name: str
    title: str
    description: str
    mime_type: str
    bundle: str
    bundle_path: str  # the committed, self-contained HTML file (package data of live_mcp)
    opened_by: tuple[str, ...]
    calls: tuple[str, ...]
    meta: dict[str, Any]  # the resource's `_meta` (ui: prefersBorder; the default CSP: no network)


def _app_ir(app: AppSpec) -> AppIR:
    return AppIR(
        uri=app.uri,
        name=app.name,
        title=app.title,
        description=" ".join(app.description.split()),
        mime_type=APP_MIME_TYPE,
        bundle=app.bundle,
        bundle_path=f"{OUT_DIR}/{app.bundle}.html",
        opened_by=tuple(app.opened_by),
        calls=tuple(app.calls),
        meta={"ui": {"prefersBorder": app.prefers_border}},
    )


def build_apps(specs: LoadedSpecs) -> tuple[AppIR, ...]:
    apps = (_app_ir(a) for f in specs.of_kind("apps") for a in f.entries)
    return tuple(sorted(apps, key=lambda a: a.uri))


def with_views(tools: list[Any], apps: tuple[AppIR, ...]) -> list[Any]:
    """The tools, each that opens a view carrying its URI in the wire entry's `_meta.ui`."""
    view_of = {tool: app.uri for app in apps for tool in app.opened_by}
    out = []
    for tool in tools:
        uri = view_of.get(tool.name)
        if uri is None:
            out.append(tool)
            continue
        wire = {**tool.wire, "_meta": {"ui": {"resourceUri": uri}}}
        out.append(dataclasses.replace(tool, wire=wire, wire_size=wire_size(wire)))
    return out

"""JSON outputs: the `.mcpb` client manifest and the JSON Schema of the spec format itself."""

from __future__ import annotations

import json
from typing import Any

from codegen.ir.model import ProjectIR
from codegen.spec_model import FILE_KINDS, ServerSpec

MANIFEST = "manifest.json"
SPEC_SCHEMA = "specs/spec.schema.json"
DEFAULT_PORT = 48260


def _dump(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def manifest(ir: ProjectIR) -> dict[str, Any]:
    """An MCPB manifest (spec 0.3). Its schema is strict, so it carries no header key: `--check`
    guards it like every other output."""
    server: ServerSpec = ir.server
    return {
        "manifest_version": "0.3",
        "name": server.name,
        "display_name": server.display_name,
        "version": server.version,
        "description": server.description,
        "author": server.author.model_dump(exclude_none=True),
        "license": server.license,
        "keywords": list(server.keywords),
        **_links(server),
        "server": {
            "type": "python",
            "entry_point": "live_mcp/__main__.py",
            "mcp_config": {
                "command": "live-mcp",
                "args": ["serve"],
                "env": {
                    "LIVE_MCP_PORT": "${user_config.port}",
                    "LIVE_MCP_TOOLSETS": "${user_config.toolsets}",
                    "LIVE_MCP_TOOLS": "${user_config.tools}",
                    "LIVE_MCP_EXCLUDE_TOOLS": "${user_config.exclude_tools}",
                    "LIVE_MCP_READ_ONLY": "${user_config.read_only}",
                    "LIVE_MCP_POLICY": "${user_config.policy}",
                },
            },
        },
        "tools": [{"name": t.name, "description": t.first_sentence} for t in ir.tools],
        "prompts": [
            {
                "name": p.name,
                "description": p.description,
                "arguments": [a.name for a in p.arguments],
                "text": p.text,
            }
            for p in ir.prompts
        ],
        "user_config": {
            "port": {
                "type": "number",
                "title": "Bridge port",
                "description": "TCP port of the live-mcp Remote Script inside Live (127.0.0.1 only).",
                "default": DEFAULT_PORT,
                "required": False,
            },
            **_selection_config(ir),
            "policy": {
                "type": "file",
                "title": "Policy file",
                "description": "A YAML policy: deny tools, ask before others, rate-limit them "
                "(see the Policy page of the documentation). Empty: everything served is allowed.",
                "default": "",
                "required": False,
            },
        },
        "compatibility": {"platforms": ["darwin", "win32"], "runtimes": {"python": ">=3.11,<3.12"}},
    }


def _links(server: ServerSpec) -> dict[str, Any]:
    """The site and the repository, where specs/server.yaml names them."""
    links: dict[str, Any] = {}
    if server.site_url:
        links["documentation"] = server.site_url
    if server.repository:
        links["repository"] = {"type": "git", "url": server.repository}
    return links


def _selection_config(ir: ProjectIR) -> dict[str, Any]:
    """The same choices as `live-mcp serve --toolsets/--tools/--exclude-tools/--read-only`."""
    names = ", ".join(t.name for t in ir.toolsets)
    defaults = ",".join(t.name for t in ir.toolsets if t.default)
    return {
        "toolsets": {
            "type": "string",
            "title": "Toolsets",
            "description": f"Comma-separated toolsets to serve: all, default ({defaults}), or any of "
            f"{names}; combinable, e.g. default,devices.",
            "default": "default",
            "required": False,
        },
        "tools": {
            "type": "string",
            "title": "Extra tools",
            "description": "Comma-separated single tools to add to the toolsets.",
            "default": "",
            "required": False,
        },
        "exclude_tools": {
            "type": "string",
            "title": "Excluded tools",
            "description": "Comma-separated tools to leave out.",
            "default": "",
            "required": False,
        },
        "read_only": {
            "type": "boolean",
            "title": "Read only",
            "description": "Serve only tools that do not change the Set (wins over the rest).",
            "default": False,
            "required": False,
        },
    }


def spec_schema() -> dict[str, Any]:
    """One schema for every spec file: a YAML editor validates and completes with it. It depends on
    the spec format only, not on the specs, so its header names the format module."""
    defs: dict[str, Any] = {}
    branches = []
    for kind, model in sorted(FILE_KINDS.items()):
        schema = model.model_json_schema(ref_template="#/$defs/{model}")
        defs.update(schema.pop("$defs", {}))
        defs[model.__name__] = schema
        ref = {"$ref": f"#/$defs/{model.__name__}"}
        branches.append(ref if kind == "server" else {"type": "array", "items": ref})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": "Code generated by live-mcp codegen from codegen/spec_model.py. DO NOT EDIT. Regenerate with `make generate`.",
        "title": "live-mcp spec file",
        "anyOf": branches,
        "$defs": dict(sorted(defs.items())),
    }


def emit_json(ir: ProjectIR) -> dict[str, str]:
    return {MANIFEST: _dump(manifest(ir)), SPEC_SCHEMA: _dump(spec_schema())}

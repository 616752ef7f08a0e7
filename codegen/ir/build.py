"""`build_ir(specs)`: the whole ProjectIR from the loaded specs, each part made by its module."""

from __future__ import annotations

import hashlib

from codegen.ir.apps import build_apps, with_views
from codegen.ir.methods import method_table
from codegen.ir.model import DomainIR, ProjectIR, Source, ToolIR
from codegen.ir.resources import prompt_irs, resource_ir
from codegen.ir.sizes import served_size, served_wire_size, toolset_ir
from codegen.ir.tools import tool_ir
from codegen.loader import LoadedSpecs, SpecFile
from codegen.schemas import generated_enums


def spec_hash(files: list[SpecFile]) -> str:
    """One hash over every spec file (path and bytes), independent of file-system order."""
    digest = hashlib.sha256()
    for f in sorted(files, key=lambda f: f.path):
        digest.update(f"{f.path}\0{f.sha256}\n".encode())
    return "sha256:" + digest.hexdigest()


def build_ir(specs: LoadedSpecs) -> ProjectIR:
    errors = tuple(
        sorted((e for f in specs.of_kind("errors") for e in f.entries), key=lambda e: e.code)
    )
    hints = {e.code: " ".join(e.hint.split()) for e in errors}
    tools: list[ToolIR] = []
    domains: list[DomainIR] = []
    enums = generated_enums(t for f in specs.of_kind("tools") for t in f.entries)
    apps = build_apps(specs)
    for spec_file in sorted(specs.of_kind("tools"), key=lambda f: f.stem):
        domain_tools = sorted(
            with_views([tool_ir(spec_file, t, hints, enums) for t in spec_file.entries], apps),
            key=lambda t: t.name,
        )
        tools.extend(domain_tools)
        domains.append(
            DomainIR(
                spec_file.stem,
                spec_file.stem.replace("_", " ").capitalize(),
                Source(spec_file.path, spec_file.sha256),
                tuple(domain_tools),
            )
        )
    resource_specs = [r for f in specs.of_kind("resources") for r in f.entries]
    resource_pairs = [(r, resource_ir(r)) for r in resource_specs]
    prompts = prompt_irs(specs, tools)
    server = next(e for f in specs.of_kind("server") for e in f.entries)
    tools.sort(key=lambda t: t.name)
    toolset_tools = {
        name: tuple(t for t in tools if t.toolset == name)
        for name in sorted({t.toolset for t in tools})
    }
    toolset_specs = sorted(
        (t for f in specs.of_kind("toolsets") for t in f.entries), key=lambda t: t.name
    )
    defaults = {t.name for t in toolset_specs if t.default}
    default_tools = [t for t in tools if t.toolset in defaults]
    return ProjectIR(
        spec_hash=spec_hash(specs.files),
        sources=tuple(Source(f.path, f.sha256) for f in sorted(specs.files, key=lambda f: f.path)),
        server=server,
        tools=tuple(sorted(tools, key=lambda t: t.name)),
        domains=tuple(domains),
        resources=tuple(sorted((r for _, r in resource_pairs if r.uri), key=lambda r: r.name)),
        resource_templates=tuple(
            sorted((r for _, r in resource_pairs if r.uri_template), key=lambda r: r.name)
        ),
        prompts=tuple(sorted(prompts, key=lambda p: p.name)),
        errors=errors,
        toolsets=tuple(toolset_ir(t, toolset_tools.get(t.name, ())) for t in toolset_specs),
        methods=method_table(tools, resource_pairs),
        error_users={
            e.code: tuple(
                t
                for t in sorted(tools, key=lambda t: t.name)
                if e.code in {r.code for r in t.errors}
            )
            for e in errors
        },
        batchable_tools=tuple(enums["batchable_tools"]),
        default_sizes=tuple(served_size(default_tools)),
        default_wire_size=served_wire_size(default_tools),
        apps=apps,
    )

"""Resources, resource templates and prompts of the IR."""

from __future__ import annotations

from urllib.parse import quote

from codegen.ir.labels import range_label, type_label
from codegen.ir.model import FieldRow, PromptArgIR, PromptIR, ResourceIR, ToolIR, VariableIR
from codegen.loader import LoadedSpecs
from codegen.rules.prompt_tools import named_tools
from codegen.schemas import field_schema
from codegen.spec_model import ResourceSpec


def resource_ir(resource: ResourceSpec) -> ResourceIR:
    variables = tuple(
        VariableIR(
            name,
            {**field_schema(schema), "percent_encoded": schema.percent_encoded},
            FieldRow(
                name,
                type_label(schema),
                range_label(schema),
                "percent-encoded" if schema.percent_encoded else "",
                " ".join((schema.description or "").split()),
            ),
        )
        for name, schema in resource.variables.items()
    )
    return ResourceIR(
        name=resource.name,
        title=resource.title,
        description=" ".join(resource.description.split()),
        uri=resource.uri,
        uri_template=resource.uri_template,
        mime_type=resource.mime_type,
        variables=variables,
        bridge_method=resource.bridge.method,
        args=dict(resource.bridge.args),
        example_uri=example_uri(resource),
    )


def example_uri(resource: ResourceSpec) -> str:
    """The URI with every variable set to its example (percent-encoded where the URI wants it)."""
    if resource.uri is not None:
        return resource.uri
    values = {
        name: quote(str(var.example), safe="") if var.percent_encoded else str(var.example)
        for name, var in resource.variables.items()
    }
    return (resource.uri_template or "").format(**values)


def prompt_irs(specs: LoadedSpecs, tools: list[ToolIR]) -> tuple[PromptIR, ...]:
    """Each prompt, with the toolsets of the tools its text names (in toolset order) and those a
    server started with the default set lacks."""
    toolset_order = [t.name for f in specs.of_kind("toolsets") for t in f.entries]
    default_sets = {t.name for f in specs.of_kind("toolsets") for t in f.entries if t.default}
    toolset_of = {t.name: t.toolset for t in tools}

    def needed(text: str) -> tuple[str, ...]:
        named = {toolset_of[w] for _, w in named_tools(text) if w in toolset_of}
        return tuple(name for name in toolset_order if name in named)

    return tuple(
        PromptIR(
            p.name,
            p.title,
            " ".join(p.description.split()),
            tuple(PromptArgIR(a.name, a.description, a.required, a.default) for a in p.arguments),
            p.text,
            needed(p.text),
            tuple(name for name in needed(p.text) if name not in default_sets),
        )
        for f in specs.of_kind("prompts")
        for p in f.entries
    )

"""generated/models_gen.py: pydantic v2 input and output models for every tool.

datamodel-code-generator writes the classes. It names a nested object after its property, which
collides across tools (two `Note`s), so nested objects are hoisted into `$defs` with names prefixed by
their tool's model first. The generator needs a root schema; its class is cut from the output.
"""

from __future__ import annotations

import json
import re
from typing import Any

from codegen.headers import python_header
from codegen.ir import ProjectIR, pascal

ROOT_CLASS = "LiveMcpModelsRoot"
OUTPUT = "generated/models_gen.py"


def _singular(name: str) -> str:
    """Class name for one item of a list field: `Notes` -> `Note`, `Matches` -> `Match`."""
    for plural, single in (
        ("ches", "ch"),
        ("shes", "sh"),
        ("xes", "x"),
        ("sses", "ss"),
        ("ies", "y"),
    ):
        if name.endswith(plural):
            return name[: -len(plural)] + single
    return name[:-1] if name.endswith("s") and not name.endswith("ss") else name


def _hoist(schema: dict[str, Any], name: str, defs: dict[str, Any]) -> dict[str, Any]:
    """Replace every nested object schema with a $ref to a named definition."""
    schema = dict(schema)
    if "properties" in schema:
        schema["properties"] = {
            prop: _hoist_child(child, f"{name}{pascal(prop)}", defs)
            for prop, child in schema["properties"].items()
        }
    return schema


def _hoist_child(schema: dict[str, Any], name: str, defs: dict[str, Any]) -> dict[str, Any]:
    schema = dict(schema)
    if schema.get("type") == "object" and "properties" in schema:
        defs[name] = {**_hoist(schema, name, defs), "title": name}
        return {"$ref": f"#/$defs/{name}", "description": schema.get("description", "")}
    if isinstance(schema.get("items"), dict):
        schema["items"] = _hoist_child(schema["items"], _singular(name), defs)
    if "anyOf" in schema:
        schema["anyOf"] = [_hoist_child(option, name, defs) for option in schema["anyOf"]]
    return schema


def models_document(ir: ProjectIR) -> dict[str, Any]:
    defs: dict[str, Any] = {}
    for tool in ir.tools:
        for model, schema in (
            (tool.input_model, tool.input_schema),
            (tool.output_model, tool.output_schema),
        ):
            defs[model] = {**_hoist(schema, model, defs), "title": model}
    return {
        "title": ROOT_CLASS,
        "type": "object",
        "properties": {name: {"$ref": f"#/$defs/{name}"} for name in sorted(defs)},
        "$defs": dict(sorted(defs.items())),
    }


def _cut_root_class(source: str) -> str:
    pattern = re.compile(
        rf"\n\n+class {ROOT_CLASS}\(BaseModel\):\n(?:(?:    .*)?\n)*", re.MULTILINE
    )
    cut, count = pattern.subn("\n", source + "\n")
    if count != 1:
        raise RuntimeError(
            f"expected exactly one {ROOT_CLASS} class in datamodel-code-generator's output"
        )
    return cut.rstrip("\n") + "\n"


def emit_models(ir: ProjectIR) -> dict[str, str]:
    # Imported here: datamodel-code-generator costs ~0.4 s to import, and --check of docs alone
    # should not pay it twice.
    from datamodel_code_generator import DataModelType, InputFileType, PythonVersion, generate
    from datamodel_code_generator.format import Formatter

    header = python_header(ir.sources_of("tools"), ir.spec_hash).rstrip("\n")
    source = generate(
        json.dumps(models_document(ir)),
        input_file_type=InputFileType.JsonSchema,
        output_model_type=DataModelType.PydanticV2BaseModel,
        target_python_version=PythonVersion.PY_311,
        extra_fields="forbid",
        use_annotated=True,
        field_constraints=True,
        strict_nullable=True,
        enum_field_as_literal="all",
        use_schema_description=True,
        disable_timestamp=True,
        custom_file_header=header,
        formatters=[Formatter.RUFF_FORMAT, Formatter.RUFF_CHECK],
    )
    return {OUTPUT: _cut_root_class(str(source))}

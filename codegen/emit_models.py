"""generated/models_gen.py: pydantic v2 input and output models for every tool.

datamodel-code-generator writes the classes. Three adjustments, each checked so it fails loudly if the
generator's output changes shape:
- it names a nested object after its property, which collides across tools (two `Note`s), so nested
  objects are hoisted into `$defs` with names prefixed by their tool's model first;
- it needs a root schema; that class is cut from the output;
- it types an optional field without a default as `X | None`, so an explicit null would pass the model
  while the published schema refuses it; such fields become `X = None` (absent is fine, null is not).
"""

from __future__ import annotations

import json
import re
from typing import Any

from codegen.emit_python import ruff_format
from codegen.headers import python_header
from codegen.ir.labels import pascal
from codegen.ir.model import ProjectIR
from codegen.names import singular

ROOT_CLASS = "LiveMcpModelsRoot"
OUTPUT = "generated/models_gen.py"


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
        schema["items"] = _hoist_child(schema["items"], singular(name), defs)
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


def _optional_without_default(document: dict[str, Any]) -> list[tuple[str, str]]:
    """(class, field) pairs that may be absent but, when present, must not be null."""
    pairs = []
    for cls, schema in document["$defs"].items():
        required = set(schema.get("required", []))
        for field, prop in schema.get("properties", {}).items():
            declared = prop.get("type")
            # A fresh list: the schema's own `type` list is shared with the IR and must not grow.
            types = list(declared) if isinstance(declared, list) else [declared]
            # A field of several forms (anyOf) is nullable only if one of its forms is null.
            for option in prop.get("anyOf", []):
                kind = option.get("type")
                types += kind if isinstance(kind, list) else [kind]
            if field not in required and "default" not in prop and "null" not in types:
                pairs.append((cls, field))
    return pairs


def _refuse_explicit_null(source: str, pairs: list[tuple[str, str]]) -> str:
    for cls, field in pairs:
        block = re.search(rf"^class {cls}\(BaseModel\):\n(?:(?:    .*)?\n)*", source, re.MULTILINE)
        if block is None:
            raise RuntimeError(f"class {cls} not found in datamodel-code-generator's output")
        line = re.compile(
            rf"^(    {field}: Annotated\[)(.+?) \| None(, Field\(.*\)\] = None)$", re.MULTILINE
        )
        body, count = line.subn(r"\1\2\3", block.group(0))
        if count != 1:
            raise RuntimeError(f"{cls}.{field}: expected one `X | None = None` line, found {count}")
        source = source[: block.start()] + body + source[block.end() :]
    return source


_INT_LITERAL = re.compile(r"\bLiteral\[(-?\d+(?:, -?\d+)*)\]")
_BOOL_LITERAL = re.compile(r"\bLiteral\[(True|False)\]")
# Python's 1 == True makes a Literal of one accept the other, even in strict mode; the
# published JSON Schema tells integers and booleans apart, so the model must too.
_VALIDATORS = {
    "_not_a_bool": """

def _not_a_bool(value: object) -> object:
    # Literal[1, 2] accepts True and False (they equal 1 and 0), even in strict mode; the
    # published JSON Schema refuses them, so the model must too.
    if isinstance(value, bool):
        raise ValueError("expected an integer, not a boolean")
    return value
""",
    "_only_a_bool": """

def _only_a_bool(value: object) -> object:
    # Literal[True] accepts 1 (and Literal[False] 0), even in strict mode; the published JSON
    # Schema refuses them, so the model must too.
    if not isinstance(value, bool):
        raise ValueError("expected a boolean")
    return value
""",
}


def _strict_literals(source: str) -> str:
    """An integer or boolean `enum` becomes `Literal[...]`; wrap each so the other type is
    refused."""
    used = []
    for pattern, validator in ((_INT_LITERAL, "_not_a_bool"), (_BOOL_LITERAL, "_only_a_bool")):
        source, count = pattern.subn(
            rf"Annotated[Literal[\1], BeforeValidator({validator})]", source
        )
        if count:
            used.append(validator)
    if not used:
        return source
    imports = re.search(r"^from pydantic import (.+)$", source, re.MULTILINE)
    if imports is None:
        raise RuntimeError("no `from pydantic import` line in datamodel-code-generator's output")
    names = sorted({*imports.group(1).split(", "), "BeforeValidator"})
    source = source.replace(imports.group(0), f"from pydantic import {', '.join(names)}", 1)
    first_class = source.index("\nclass ")
    helpers = "".join(_VALIDATORS[name] for name in used)
    return source[:first_class] + helpers + source[first_class:]


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

    header = python_header(ir.sources_of("tools")).rstrip("\n")
    document = models_document(ir)
    source = generate(
        json.dumps(document),
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
        formatters=[],  # unformatted: one field a line, which _refuse_explicit_null relies on
    )
    source = _refuse_explicit_null(
        _cut_root_class(str(source)), _optional_without_default(document)
    )
    source = _strict_literals(source)
    return {OUTPUT: ruff_format(source, OUTPUT)}

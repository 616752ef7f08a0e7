"""The Remote Script's method table: one MethodIR per bridge method, shared by the tools and
resources that call it, with the TypedDict keys of its typed stubs (Python 3.7 `typing`)."""

from __future__ import annotations

from typing import Any

from codegen.ir.labels import pascal
from codegen.ir.model import FieldRow, MethodIR, ResourceIR, ToolIR, TypedField
from codegen.spec_model import ResourceSpec


def _version_tuple(since: str) -> tuple[int, int, int]:
    parts = [int(p) for p in since.split(".")] + [0, 0]
    return (parts[0], parts[1], parts[2])


_PYTHON_TYPES = {
    "string": "str",
    "integer": "int",
    "number": "float",
    "boolean": "bool",
    "null": "None",
}


def python_type(schema: dict[str, Any]) -> str:
    """The Python type (as written in a stub, for Python 3.7-compatible `typing`) of a schema."""
    if "anyOf" in schema:
        options = sorted({python_type(option) for option in schema["anyOf"]})
        return _union(options)
    kinds = schema.get("type")
    if isinstance(kinds, list):
        return _union(sorted({python_type({**schema, "type": kind}) for kind in kinds}))
    if kinds == "array":
        return f"List[{python_type(schema.get('items', {}))}]"
    if kinds == "object":
        return "Dict[str, Any]"
    return _PYTHON_TYPES.get(kinds or "", "Any")


def _union(options: list[str]) -> str:
    if "Any" in options:
        return "Any"
    if "None" in options and len(options) == 2:
        return f"Optional[{next(o for o in options if o != 'None')}]"
    return options[0] if len(options) == 1 else f"Union[{', '.join(options)}]"


def typed_fields(schema: dict[str, Any], filled_defaults: bool) -> tuple[TypedField, ...]:
    """An object schema's properties as TypedDict keys. The script fills defaults before a
    handler runs, so for params a field with a default is always present."""
    required = set(schema.get("required", ()))
    return tuple(
        TypedField(
            name,
            python_type(prop),
            name in required or (filled_defaults and "default" in prop),
        )
        for name, prop in schema.get("properties", {}).items()
    )


def method_table(
    tools: list[ToolIR], resources: list[tuple[ResourceSpec, ResourceIR]]
) -> tuple[MethodIR, ...]:
    methods: dict[str, MethodIR] = {}
    for tool in tools:
        domain, verb = tool.bridge_method.split(".")
        params = {k: v for k, v in tool.input_schema.items() if k != "description"}
        methods[tool.bridge_method] = MethodIR(
            method=tool.bridge_method,
            domain=domain,
            verb=verb,
            undo=tool.undo,
            since=_version_tuple(tool.since),
            users=(tool.name,),
            params=params,
            param_rows=tool.input_rows,
            result_fields=tuple(tool.output_schema["properties"]),
            type_prefix=pascal(tool.bridge_method.replace(".", "_")),
            param_types=typed_fields(params, filled_defaults=True),
            result_types=typed_fields(tool.output_schema, filled_defaults=False),
        )
    for spec, res in resources:
        user = res.uri or res.uri_template or res.name
        known = methods.get(res.bridge_method)
        if known is not None:
            methods[res.bridge_method] = MethodIR(
                **{**known.__dict__, "users": (*known.users, user)}
            )
            continue
        domain, verb = res.bridge_method.split(".")
        params = {
            "type": "object",
            "properties": {
                name: {"type": "string", "description": f"Built from {tpl}."}
                for name, tpl in res.args.items()
            },
            "required": list(res.args),
            "additionalProperties": False,
        }
        methods[res.bridge_method] = MethodIR(
            method=res.bridge_method,
            domain=domain,
            verb=verb,
            undo="none",
            since=_version_tuple(spec.bridge.since),
            users=(user,),
            params=params,
            param_rows=tuple(
                FieldRow(n, "string", "", "required", f"Built from `{t}`.")
                for n, t in res.args.items()
            ),
            result_fields=(),
            type_prefix=pascal(res.bridge_method.replace(".", "_")),
            param_types=typed_fields(params, filled_defaults=True),
            result_types=(),
        )
    return tuple(sorted(methods.values(), key=lambda m: m.method))

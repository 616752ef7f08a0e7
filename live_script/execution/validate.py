"""A stdlib checker for the JSON Schema subset the specs use, and default filling.

Keywords: type, enum, minimum, maximum, exclusiveMinimum, exclusiveMaximum, minLength, maxLength,
pattern, minItems, maxItems, items, properties, required, additionalProperties, anyOf, default.
`validate(schema, value)` returns a new value with defaults filled in, or raises `SchemaError`
whose `field` names the offending place (`notes[3].pitch`, or "" for the whole object).
"""

import copy
import math
import re

_PATTERNS = {}  # type: dict


class SchemaError(Exception):
    def __init__(self, field, message, keyword):
        Exception.__init__(self, message)
        self.field = field
        self.message = message
        self.keyword = keyword


def _is_type(value, name):
    if name == "object":
        return isinstance(value, dict)
    if name == "array":
        return isinstance(value, list)
    if name == "string":
        return isinstance(value, str)
    if name == "boolean":
        return isinstance(value, bool)
    if name == "null":
        return value is None
    if isinstance(value, bool):
        return False
    if isinstance(value, float) and not math.isfinite(value):
        return False  # 1e400 parses as inf; no Live value is infinite or NaN
    if name == "integer":
        return isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    if name == "number":
        return isinstance(value, (int, float))
    return False


def _join(path, key):
    return "%s.%s" % (path, key) if path else key


def _where(path):
    return path or "params"


def _compiled(pattern):
    regex = _PATTERNS.get(pattern)
    if regex is None:
        regex = _PATTERNS[pattern] = re.compile(pattern)
    return regex


def validate(schema, value, path=""):
    """Check `value` against `schema`; return it with defaults filled (the input is not mutated)."""
    kinds = schema.get("type")
    if kinds is not None:
        names = kinds if isinstance(kinds, list) else [kinds]
        matched = [name for name in names if _is_type(value, name)]
        if not matched:
            raise SchemaError(
                path, "%s must be of type %s" % (_where(path), " or ".join(names)), "type"
            )
        if matched == ["integer"] and isinstance(value, float):
            value = int(value)
    if "enum" in schema and value not in schema["enum"]:
        raise SchemaError(
            path,
            "%s must be one of %s" % (_where(path), ", ".join(map(str, schema["enum"]))),
            "enum",
        )
    if "anyOf" in schema:
        value = _any_of(schema["anyOf"], value, path)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        _check_number(schema, value, path)
    elif isinstance(value, str):
        _check_string(schema, value, path)
    elif isinstance(value, list):
        value = _check_array(schema, value, path)
    elif isinstance(value, dict):
        value = _check_object(schema, value, path)
    return value


def _any_of(options, value, path):
    first = None
    for option in options:
        try:
            return validate(option, value, path)
        except SchemaError as exc:
            # Report the form the value was meant as: one of its JSON type, failing deeper.
            if first is None or (first.keyword == "type" and first.field == path):
                first = exc
    if first is None:
        raise SchemaError(path, "%s matches none of the allowed forms" % _where(path), "anyOf")
    raise first


def _check_number(schema, value, path):
    where = _where(path)
    if "minimum" in schema and value < schema["minimum"]:
        raise SchemaError(path, "%s must be >= %s" % (where, schema["minimum"]), "minimum")
    if "maximum" in schema and value > schema["maximum"]:
        raise SchemaError(path, "%s must be <= %s" % (where, schema["maximum"]), "maximum")
    if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
        raise SchemaError(
            path, "%s must be > %s" % (where, schema["exclusiveMinimum"]), "exclusiveMinimum"
        )
    if "exclusiveMaximum" in schema and value >= schema["exclusiveMaximum"]:
        raise SchemaError(
            path, "%s must be < %s" % (where, schema["exclusiveMaximum"]), "exclusiveMaximum"
        )


def _check_string(schema, value, path):
    where = _where(path)
    if "minLength" in schema and len(value) < schema["minLength"]:
        raise SchemaError(
            path, "%s must have at least %d characters" % (where, schema["minLength"]), "minLength"
        )
    if "maxLength" in schema and len(value) > schema["maxLength"]:
        raise SchemaError(
            path, "%s must have at most %d characters" % (where, schema["maxLength"]), "maxLength"
        )
    if "pattern" in schema and not _compiled(schema["pattern"]).search(value):
        raise SchemaError(path, "%s must match %s" % (where, schema["pattern"]), "pattern")


def _check_array(schema, value, path):
    where = _where(path)
    if "minItems" in schema and len(value) < schema["minItems"]:
        raise SchemaError(
            path, "%s must have at least %d items" % (where, schema["minItems"]), "minItems"
        )
    if "maxItems" in schema and len(value) > schema["maxItems"]:
        raise SchemaError(
            path, "%s must have at most %d items" % (where, schema["maxItems"]), "maxItems"
        )
    items = schema.get("items")
    if items is None:
        return list(value)
    return [validate(items, item, "%s[%d]" % (path, i)) for i, item in enumerate(value)]


def _check_object(schema, value, path):
    properties = schema.get("properties", {})
    if schema.get("additionalProperties") is False:
        for key in sorted(value):
            if key not in properties:
                raise SchemaError(
                    _join(path, key), "unknown field %s" % _join(path, key), "additionalProperties"
                )
    for key in schema.get("required", ()):
        if key not in value:
            raise SchemaError(
                _join(path, key), "missing required field %s" % _join(path, key), "required"
            )
    result = {}
    for key, item in value.items():
        sub = properties.get(key)
        result[key] = validate(sub, item, _join(path, key)) if sub is not None else item
    for key, sub in properties.items():
        if key not in result and "default" in sub:
            result[key] = copy.deepcopy(sub["default"])
    return result

"""The fake held against `ableton-live-stubs`, by type: members, kinds, setters, arity, value types.

`test_conformance.py` checks names, kinds and `since` against live12_api.json; this checks what the
stubs add: every member the stubs declare for the emulated version is offered (or is a listed gap,
`fake_gaps.py`), a method takes the stub's number of arguments, and a property's value on a real
demo Set has the type the stub annotates (`bool`, `float`, `Track | None`, `Vector[Device]`, …).
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable

from fake_gaps import OVERLOADS, SETTERS, VALUE_TYPES, gap_reason
from fake_live_api_record import load_api, public_members, recorded_since
from live_stubs import StubMember, stub_classes

from fake_live.core.version import parse_version

_SEQUENCES = re.compile(r"^(?:Vector|tuple|list|Sequence|Iterable)\[(.+?)(?:, \.\.\.)?\]$")
_TYPED_VECTORS = {"MidiNoteVector": "MidiNote", "StringVector": "str", "IntVector": "int"}


def expected_members(key: str, version: tuple[int, int, int], api: dict) -> dict[str, StubMember]:
    """The stub's members of class `key` that Live has at `version`."""
    record = api["classes"][key]
    out = {}
    for name, member in stub_classes().get(key, {}).items():
        if name.startswith("__") or name in record.get("nested", {}):
            continue
        if name not in record["properties"] and name not in record["methods"]:
            continue  # a stub-only helper (Python's own dunders, typing aids)
        if parse_version(recorded_since(key, name, api)) <= version:
            out[name] = member
    return out


def missing_members(cls: type, key: str, version: tuple[int, int, int], api: dict) -> list[str]:
    """Members the stubs declare for `version` that the fake lacks and fake_gaps.py does not list."""
    mine = public_members(cls)
    return [
        f"{key}.{name}: declared by the stubs, missing in the fake and not listed in fake_gaps.py"
        for name in sorted(expected_members(key, version, api))
        if name not in mine and gap_reason(key, name) is None
    ]


def stale_gaps(cls: type, key: str, listed: Iterable[str]) -> list[str]:
    mine = public_members(cls)
    return [
        f"{key}.{name}: the fake has it now; remove it from fake_gaps.py"
        for name in sorted(listed)
        if name in mine
    ]


def kind_violations(cls: type, key: str, version: tuple[int, int, int], api: dict) -> list[str]:
    """Property vs method, setter vs none, and method arity, as the stubs declare them."""
    problems = []
    for name, stub in sorted(expected_members(key, version, api).items()):
        attr = cls.__dict__.get(name, getattr(cls, name, None))
        if attr is None:
            continue
        where = f"{key}.{name}"
        if stub.kind == "property":
            if not isinstance(attr, property):
                problems.append(f"{where}: the stubs declare a property")
            elif (attr.fset is not None) != stub.settable and (key, name) not in SETTERS:
                wanted = "settable" if stub.settable else "read-only"
                problems.append(f"{where}: {wanted} in the stubs")
            continue
        if isinstance(attr, property) or not callable(attr):
            problems.append(f"{where}: the stubs declare a method")
            continue
        if not inspect.isfunction(attr):
            continue
        params = list(inspect.signature(attr).parameters.values())[1:]
        if any(p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in params):
            problems.append(f"{where}: takes *args/**kwargs, the stubs {stub.positional}")
            continue
        required = sum(p.default is inspect.Parameter.empty for p in params)
        if (key, name) in OVERLOADS:  # the conformance to live12_api.json checks these
            continue
        if (required, len(params)) != (stub.required, stub.positional):
            problems.append(
                f"{where}: takes {required}..{len(params)} arguments, "
                f"the stubs {stub.required}..{stub.positional}"
            )
    return problems


_ANCESTOR = re.compile(r"'(?:\w+\.)*(\w+)'")


def _class_names(value: object) -> set[str]:
    """The value's class and what it derives from. The fake's classes are flattened copies (see
    lom.build_class), so a RackDevice's base Device comes from Live's record of its ancestors."""
    names = set()
    for klass in type(value).__mro__:
        names.add(klass.__name__)
        names.add(klass.__qualname__)
    key = _record_key(type(value), load_api())
    if key is not None:
        for ancestor in load_api()["classes"][key].get("ancestors", ()):
            names.update(_ANCESTOR.findall(ancestor))
    return names


def value_matches(value: object, annotation: str) -> bool | None:
    """Whether `value` fits the stub annotation; None where the annotation is beyond this check."""
    annotation = annotation.strip()
    if annotation in ("Any", "object"):
        return True
    options = [part.strip() for part in annotation.split(" | ")] if " | " in annotation else None
    if options and "[" not in annotation:
        verdicts = [value_matches(value, option) for option in options]
        if True in verdicts:
            return True
        return None if None in verdicts else False
    if annotation == "None":
        return value is None
    if annotation == "bool":
        return isinstance(value, bool)
    if annotation == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if annotation == "float":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if annotation == "str":
        return isinstance(value, str)
    element = _TYPED_VECTORS.get(annotation)
    match = _SEQUENCES.match(annotation)
    if match or element or annotation.endswith(("Vector", "Iterator")):
        if isinstance(value, str | bytes) or not isinstance(value, Iterable):
            return False
        if annotation.endswith("Iterator"):
            return iter(value) is value  # an iterator, not a container: do not consume it
        inner = element or (match.group(1) if match else "Any")
        verdicts = [value_matches(item, inner) for item in list(value)[:8]]
        return False if False in verdicts else (None if None in verdicts else True)
    if re.fullmatch(r"[A-Z]\w*(\.\w+)*", annotation):
        # Boost.Python hands back None for an empty handle (no group track, no selected
        # device); the stubs leave such properties un-Optional.
        return value is None or annotation.split(".")[-1] in _class_names(value)
    return None


def value_violations(objects: Iterable[object], api: dict) -> list[str]:
    """Each property of each object, read on the fake, against the stub's return annotation."""
    problems = []
    classes = stub_classes()
    for obj in objects:
        key = _record_key(type(obj), api)
        if key is None:
            continue
        for name, stub in sorted(classes.get(key, {}).items()):
            if stub.kind != "property" or not hasattr(type(obj), name) or name.startswith("_"):
                continue
            try:
                value = getattr(obj, name)
            except Exception:  # Live raises for some reads in some states; so may the fake
                continue
            if value_matches(value, stub.returns) is False and (key, name) not in VALUE_TYPES:
                problems.append(
                    f"{key}.{name}: the fake gives {type(value).__name__} {value!r:.40}, "
                    f"the stubs say {stub.returns}"
                )
    return sorted(set(problems))


def _record_key(cls: type, api: dict) -> str | None:
    qualname = f"{cls.__module__}.{cls.__qualname__}"
    for key, record in api["classes"].items():
        if record["qualname"] == qualname:
            return key
    return None

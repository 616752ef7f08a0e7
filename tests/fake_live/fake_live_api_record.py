"""Check a fake ``Live`` module against Live's recorded API (live12_api.json).

The record lives outside the repository (``../shared/live_api/live12_api.json`` next to the checkout);
``LIVE_API_JSON`` overrides the path.
"""

from __future__ import annotations

import inspect
import json
import os
import re
import types
from functools import cache
from pathlib import Path

from fake_live.core.version import parse_version

DEFAULT_PATH = Path(__file__).resolve().parents[3] / "shared" / "live_api" / "live12_api.json"


@cache
def load_api() -> dict:
    path = Path(os.environ.get("LIVE_API_JSON", DEFAULT_PATH))
    if not path.exists():
        raise FileNotFoundError(f"Live API record not found at {path}; set LIVE_API_JSON")
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def stub_exceptions() -> frozenset[str]:
    """``Live.<sub>.<Name>`` exception classes declared by ableton-live-stubs (the record, a
    Boost.Python introspection, lists no Python exception types). Live 11 had them too; the stubs
    carry no version, so they count from 11.0."""
    import importlib.util

    spec = importlib.util.find_spec("Live-stubs") or importlib.util.find_spec("Live")
    folders = list(spec.submodule_search_locations or ()) if spec else []
    found = set()
    for folder in folders:
        for stub in Path(folder).glob("*.pyi"):
            for match in re.finditer(
                r"^class (\w+)\((?:\w+\.)?Exception\):", stub.read_text(), re.M
            ):
                found.add(f"{stub.stem}.{match.group(1)}")
    return frozenset(found)


def public_members(cls: type) -> set[str]:
    """What a script can reach on the class: public names plus LomObject's ``_live_ptr``."""
    names = {n for n in dir(cls) if not n.startswith("_")}
    if hasattr(cls, "_live_ptr"):
        names.add("_live_ptr")
    return names


def class_violations(cls: type, key: str, version: tuple[int, int, int], api: dict) -> list[str]:
    """Every way ``cls`` (emulating Live ``version``) differs from what Live has."""
    record = api["classes"][key]
    problems: list[str] = []
    qualname = f"{cls.__module__}.{cls.__qualname__}"
    if qualname != record["qualname"]:
        problems.append(f"{key}: lives at {qualname}, Live has {record['qualname']}")
    props, methods = record["properties"], record["methods"]
    nested = record.get("nested") or {}
    for name in sorted(public_members(cls)):
        where = f"{key}.{name}"
        attr = cls.__dict__.get(name, getattr(cls, name, None))
        if name in nested:
            continue
        if name in props:
            entry = props[name]
            if not isinstance(attr, property):
                problems.append(f"{where}: a property in Live, not one in the fake")
            elif attr.fset is not None and not entry.get("settable"):
                problems.append(f"{where}: read-only in Live, settable in the fake")
        elif name in methods:
            entry = methods[name]
            if isinstance(attr, property) or not callable(attr):
                problems.append(f"{where}: a method in Live, not one in the fake")
        else:
            problems.append(f"{where}: Live has no such member")
            continue
        if parse_version(entry["since"]) > version:
            problems.append(f"{where}: exists only from Live {entry['since']}")
    return problems


def module_violations(live: types.ModuleType, version: tuple[int, int, int], api: dict) -> list:
    """Public names of each ``Live.<sub>`` must be a recorded class, enum or module function."""
    qualnames = {c["qualname"]: c for c in api["classes"].values()}
    problems: list[str] = []
    for sub_name, sub in vars(live).items():
        if sub_name.startswith("_"):
            continue
        if not isinstance(sub, types.ModuleType):
            problems.append(f"Live.{sub_name}: not a submodule")
            continue
        for name, value in vars(sub).items():
            if name.startswith("__"):
                continue
            dotted = f"{sub_name}.{name}"
            if isinstance(value, type) and f"Live.{dotted}" in qualnames:
                since = qualnames[f"Live.{dotted}"]["since"]
            elif dotted in api["enums"]:
                since = api["enums"][dotted]["since"]
                recorded = api["enums"][dotted]["members"]
                mine = {m.name: int(m) for m in value}
                if mine.items() - recorded.items():
                    problems.append(f"Live.{dotted}: members differ from Live's {recorded}")
            elif dotted in api["module_functions"]:
                since = api["module_functions"][dotted]["since"]
            elif isinstance(value, type) and dotted in stub_exceptions():
                since = "11.0.0"
            else:
                problems.append(f"Live.{dotted}: Live has no such name")
                continue
            if parse_version(since) > version:
                problems.append(f"Live.{dotted}: exists only from Live {since}")
    return problems


def recorded_since(key: str, member: str, api: dict) -> str:
    record = api["classes"][key]
    entry = record["properties"].get(member) or record["methods"].get(member)
    return entry["since"]


_PARAM = re.compile(r"\(([\w:<>]+)\)\s*(\w+)")


def widest_signature(name: str, entry: dict) -> str | None:
    """The overload taking the most arguments. Boost.Python records only the first overload in
    the signature; the others follow in the C++ signature text (ClipSlot.fire's record_length)."""
    if entry.get("signature") is None:
        return None
    overloads = [entry["signature"]]
    text = entry.get("cpp_signature") or ""
    for match in re.finditer(rf"\b{re.escape(name)}\( \(", text):
        end = text.find("->", match.start())
        if end > 0:
            overloads.append(text[match.start() : end])
    return max(overloads, key=lambda s: len(_PARAM.findall(s.split("->", 1)[0])))


def recorded_params(signature: str) -> tuple[list[str], int]:
    """Parameter names after ``self`` and how many are required, from a Boost.Python signature."""
    head = signature.split("->", 1)[0]
    names = [name for _, name in _PARAM.findall(head)][1:]
    bracket = head.find("[")
    required = len(_PARAM.findall(head[:bracket])) - 1 if bracket >= 0 else len(names)
    return names, required


def signature_violations(cls: type, key: str, api: dict) -> list[str]:
    """Methods must take Live's arguments: same count, same optional tail, same keyword names."""
    problems: list[str] = []
    record = api["classes"][key]
    signatures = {name: widest_signature(name, entry) for name, entry in record["methods"].items()}
    init_doc = (record.get("init_doc") or "").strip()
    if init_doc.startswith("__init__("):  # constructible from Python: check the constructor too
        signatures["__init__"] = init_doc.splitlines()[0]
    for name in sorted(public_members(cls) | {"__init__"}):
        signature = signatures.get(name)
        attr = getattr(cls, name, None)
        if signature is None or not inspect.isfunction(attr):
            continue
        names, required = recorded_params(signature)
        params = list(inspect.signature(attr).parameters.values())[1:]
        mine_required = sum(p.default is inspect.Parameter.empty for p in params)
        if (len(params), mine_required) != (len(names), required):
            problems.append(
                f"{key}.{name}: takes {mine_required}..{len(params)} arguments, "
                f"Live {required}..{len(names)}"
            )
            continue
        for recorded, mine in zip(names, params, strict=True):
            if not re.fullmatch(r"arg\d+", recorded) and recorded != mine.name:
                problems.append(f"{key}.{name}: argument '{mine.name}' is '{recorded}' in Live")
    return problems

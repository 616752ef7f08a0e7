"""A static scan of live_script's use of the Live API against live12_api.json.

Every attribute live_script reads or calls is either
  * live_script's own (a method, a self attribute, a slot, a module it imported),
  * an attribute of a Python builtin or stdlib object it uses (str, dict, socket, Thread, …), or
  * a member of a Live class in live12_api.json.
Anything else is a LOM member Live lacks: a finding. Chains off the `Live` module
(`ctx.live.Clip.MidiNoteSpecification`, `live.Application.get_application`) must name a class or
module function that exists. Members newer than Live 11.0 must be guarded: the name appears in a
`hasattr(…, "name")` check (or the function calls `ctx.require`) in the same module.
"""

import ast
import collections
import hashlib
import io
import ipaddress
import json
import pathlib
import queue
import re
import select
import socket
import threading

from tests.fake_live.fake_live_api_record import stub_exceptions

API_PATH = pathlib.Path(__file__).resolve().parents[3] / "shared" / "live_api" / "live12_api.json"
OLDEST = (11, 0, 0)


def _version(text):
    return tuple(int(part) for part in text.split("."))


class Api:
    def __init__(self, path=API_PATH):
        data = json.loads(pathlib.Path(path).read_text())
        self.members = {}  # name -> oldest `since` over every class having it
        self.modules = collections.defaultdict(set)  # "Clip" -> {"Clip", "MidiNoteSpecification"}
        for key, cls in data["classes"].items():
            module = cls["qualname"].split(".")[1]
            self.modules[module].add(cls["qualname"].split(".")[2])
            for kind in ("properties", "methods"):
                for name, member in cls.get(kind, {}).items():
                    since = _version(member["since"])
                    if name not in self.members or since < self.members[name]:
                        self.members[name] = since
            # Nested classes (Song.View) are reached as attributes of their outer class.
            if "." in key:
                self.members.setdefault(key.split(".")[-1], _version(cls["since"]))
        for dotted in data["module_functions"]:
            module, name = dotted.split(".")
            self.modules[module].add(name)
        # Exception classes (Live.Base.LimitationError) are in ableton-live-stubs only.
        for dotted in stub_exceptions():
            module, name = dotted.split(".")
            self.modules[module].add(name)
        for dotted, enum in data["enums"].items():
            parts = dotted.split(".")
            self.modules[parts[0]].add(parts[1])
            self.members.setdefault(parts[-1], _version(enum["since"]))
            for value in enum.get("members", {}):
                self.members.setdefault(value, _version(enum["since"]))
        # Classes, module functions and enums, reached through their module.
        self.module_members = set().union(*self.modules.values())


def _python_names():
    """Attributes of the builtin and stdlib objects live_script handles."""
    objects = [
        str,
        bytes,
        bytearray,
        dict,
        list,
        tuple,
        set,
        frozenset,
        int,
        float,
        bool,
        collections.deque(),
        queue.Queue(),
        threading.Event(),
        threading.Thread(),
        threading.Lock(),
        socket.socket,
        Exception(),
        re.compile(""),
        re.match("", ""),
        io.TextIOWrapper,
        type,
        object(),
        ipaddress.ip_address("127.0.0.1"),
        *([select.poll()] if hasattr(select, "poll") else []),
        hashlib.sha256(),
    ]
    names = set()
    for obj in objects:
        names.update(dir(obj))
    return names


PYTHON_NAMES = _python_names()

# The `c_instance` Live passes to create_instance is not in live12_api.json (it is the C++ side of
# the control surface); these are the calls plain Remote Scripts make on it.
C_INSTANCE_NAMES = {
    "song",
    "show_message",
    "log_message",
    "request_rebuild_midi_map",
    "send_midi",
    "set_session_highlight",
    "instance_identifier",
    "full_velocity",
    "playhead",
    "handle",
}


class Finding:
    def __init__(self, path, line, message):
        self.path, self.line, self.message = path, line, message

    def __repr__(self):
        return f"{self.path}:{self.line}: {self.message}"


def _own_names(trees):
    """Names live_script defines: functions, methods, classes, class attributes, slots, and
    attributes it assigns."""
    names = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names.add(node.name)
            if isinstance(node, ast.ClassDef):  # class attributes: `disarms_others = True`
                for statement in node.body:
                    targets = statement.targets if isinstance(statement, ast.Assign) else []
                    names.update(t.id for t in targets if isinstance(t, ast.Name))
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name) and target.id == "__slots__":
                        names.update(
                            elt.value for elt in node.value.elts if isinstance(elt, ast.Constant)
                        )
    return names


def _imported_modules(tree):
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                names.add((alias.asname or alias.name).split(".")[0])
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                names.add(alias.asname or alias.name)
    return names


def _chain(node):
    """`a.b.c` -> ["a", "b", "c"] (None when the root is not a plain name)."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return parts[::-1]
    return None


def _guards(tree):
    """Names checked with hasattr(x, "name") in this module."""
    found = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "hasattr"
            and len(node.args) == 2
            and isinstance(node.args[1], ast.Constant)
        ):
            found.add(node.args[1].value)
    return found


def scan_sources(sources, api=None):
    """sources: {path: text}. Returns a list of Findings."""
    api = api or Api()
    trees = {path: ast.parse(text, filename=str(path)) for path, text in sources.items()}
    own = _own_names(trees.values())
    findings = []
    for path, tree in trees.items():
        modules = _imported_modules(tree)
        guarded = _guards(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                findings.extend(_check_attribute(path, node, api, own, modules, guarded))
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("getattr", "hasattr")
                and len(node.args) >= 2
                and isinstance(node.args[1], ast.Constant)
                and isinstance(node.args[1].value, str)
                and not node.args[1].value.startswith("__")
                and not (isinstance(node.args[0], ast.Name) and node.args[0].id in modules)
            ):
                name = node.args[1].value
                if (
                    name not in own
                    and name not in api.members
                    and name not in api.modules
                    and name not in api.module_members
                ):
                    findings.append(Finding(path, node.lineno, f"{name} is not in Live's API"))
    return findings


def _check_attribute(path, node, api, own, modules, guarded):
    chain = _chain(node)
    name = node.attr
    # Chains off the Live module: <anything>.live.<Module>.<Name> or Live.<Module>.<Name>.
    if chain and len(chain) >= 3:
        for i, part in enumerate(chain[:-2]):
            if part in ("live", "Live", "_live") and chain[i + 1] in api.modules:
                module, member = chain[i + 1], chain[i + 2]
                if member not in api.modules[module] and member not in own:
                    return [Finding(path, node.lineno, f"Live.{module}.{member} does not exist")]
    if chain and "_c_instance" in chain[:-1]:
        if name in C_INSTANCE_NAMES:
            return []
        return [Finding(path, node.lineno, f"c_instance has no {name}")]
    if chain and chain[0] in modules and chain[0] not in ("Live", "live"):
        return []  # a function or constant of a live_script or stdlib module
    if name.startswith("__") or name in own or name in PYTHON_NAMES:
        return []
    if name in api.modules or name in api.module_members:
        return []  # Live.<Module>, or a class / function / enum reached through it
    since = api.members.get(name)
    if since is None:
        return [Finding(path, node.lineno, f"{name} is not a member of any Live class")]
    if since > OLDEST and name not in guarded:
        return [
            Finding(
                path,
                node.lineno,
                "{} exists only from Live {}: guard it with hasattr(obj, {!r})".format(
                    name, ".".join(map(str, since)), name
                ),
            )
        ]
    return []


def scan_package(root):
    root = pathlib.Path(root)
    sources = {
        path.relative_to(root.parent): path.read_text()
        for path in sorted(root.rglob("*.py"))
        if path.name not in ("stubs_gen.py",)
    }
    return scan_sources(sources)

"""The base every emulated LOM class is written on, and the per-version class builder.

Implementation classes (``SongImpl``, ``TrackImpl`` ...) carry every member the fake supports, with the
first Live version of each non-11.0 member in ``_SINCE``. ``build_class`` flattens one into a fresh,
stand-alone class for one ``make_live`` instance: members newer than that instance's version are left
out, so ``hasattr`` is False exactly as in the older Live, and instances of different versions never
share a class object (so nothing global leaks between them).

Methods must not use zero-argument ``super()``: the flattened copy is not a subclass of the impl.
"""

from __future__ import annotations

import functools
from typing import Any, ClassVar

from .version import parse_version

# Names every Python class has; never part of the emulated surface.
_SKIP = frozenset({"__dict__", "__weakref__"})


class LiveError(RuntimeError):
    """What Live's C++ layer raises through Boost.Python: a plain RuntimeError subclass.

    Subclassing keeps ``except RuntimeError`` (what scripts written for Live catch) working.
    """


def reject(message: str) -> LiveError:
    return LiveError(message)


def enum_member(enum, value, what: str):
    """``value`` as a member of one of Live's enums, or the error Live gives for a value outside it."""
    try:
        return enum(int(value))
    except ValueError:
        raise reject(f"Invalid {what} {value}") from None


class LimitationError(Exception):
    """``Live.Base.LimitationError``: a limit of the Live edition (Intro, Lite) was reached.

    Not a RuntimeError in Live (ableton-live-stubs: ``class LimitationError(Exception)``), so a
    script's ``except RuntimeError`` does not catch it.
    """


class WrongThreadError(Exception):
    """The fake's own alarm, not Live's: a Live object was touched off Live's main thread.

    Real Live does not raise there; it may hang or crash later. Not a RuntimeError, so a script's
    ``except RuntimeError`` (meant for Live's refusals) cannot hide it; the World also records
    every violation, so a broad ``except Exception`` cannot hide it either.
    """


class Listenable:
    """Property listeners as Live exposes them: ``add_x_listener`` / ``remove_x_listener`` /
    ``x_has_listener``. Live refuses a duplicate add and a remove of an unknown listener."""

    def _listeners_for(self, prop: str) -> list:
        table = self.__dict__.setdefault("_listener_table", {})
        return table.setdefault(prop, [])

    def _notify(self, prop: str) -> None:
        for fn in list(self.__dict__.get("_listener_table", {}).get(prop, ())):
            fn()


def _listener_methods(prop: str):
    """The three listener methods of one property (a factory, so each closes over its own name)."""

    def add(self, fn):
        listeners = self._listeners_for(prop)
        if fn in listeners:
            raise reject(f"Listener for '{prop}' is already connected")
        listeners.append(fn)

    def remove(self, fn):
        listeners = self._listeners_for(prop)
        if fn not in listeners:
            raise reject(f"Listener for '{prop}' is not connected")
        listeners.remove(fn)

    def has(self, fn):
        return fn in self._listeners_for(prop)

    return add, remove, has


def install_listeners(impl: type, *props: str, since_live: str | None = None) -> None:
    """Add the three listener methods for each property.

    They share the property's ``since`` unless ``since_live`` says the listener came later (Live
    11.0 had Scene.tempo but no tempo listener).
    """
    since = dict(impl.__dict__.get("_SINCE", {}))
    for prop in props:
        add, remove, has = _listener_methods(prop)
        setattr(impl, f"add_{prop}_listener", add)
        setattr(impl, f"remove_{prop}_listener", remove)
        setattr(impl, f"{prop}_has_listener", has)
        first = since_live or since.get(prop)
        if first:
            for name in (f"add_{prop}_listener", f"remove_{prop}_listener", f"{prop}_has_listener"):
                since[name] = first
    impl._SINCE = since


class PlainObject(Listenable):
    """A Boost.Python object that is not a LomObject (MidiNote, BrowserItem, Timer ...).

    Every public member access checks the calling thread (``World.check_thread``): here, in the
    base, so members added to any subclass are guarded without further code.
    """

    _w: Any = None  # the owning World, injected by build_class
    _SINCE: ClassVar[dict[str, str]] = {}

    def __getattribute__(self, name: str):
        if name[0] != "_":
            world = object.__getattribute__(self, "_w")
            if world is not None:
                world.check_thread(type(self).__name__, name)
        return object.__getattribute__(self, name)


class LomObject(PlainObject):
    """Live's LomObject: ``_live_ptr``, ``canonical_parent``, and liveness.

    A deleted object compares equal to None, as in Live (Ableton's own scripts test validity with
    ``obj != None``), and any public member access on it raises.
    """

    def __init__(self, *args, **kwargs):
        raise reject("This class cannot be instantiated from Python")

    def _setup(self, parent) -> None:
        self._ptr = self._w.next_ptr()
        self._parent = parent
        self._removed = False

    def __getattribute__(self, name: str):
        if name[0] != "_":
            world = object.__getattribute__(self, "_w")
            if world is not None:
                world.check_thread(type(self).__name__, name)
            if not object.__getattribute__(self, "_is_alive")():
                raise reject(f"The {type(self).__name__} object has been deleted")
        return object.__getattribute__(self, name)

    def _is_alive(self) -> bool:
        obj = self
        while obj is not None:
            if obj._removed:
                return False
            obj = obj._parent
        return True

    @property
    def _live_ptr(self) -> int:
        return self._ptr

    @property
    def canonical_parent(self):
        return self._parent

    def __eq__(self, other):
        if other is None:
            return not self._is_alive()
        return self is other

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = object.__hash__

    def __repr__(self) -> str:
        return f"<{type(self).__module__}.{type(self).__qualname__} object at {self._ptr:#x}>"

    # --- undoable state -------------------------------------------------------------------------
    def _set(self, attr: str, value, prop: str | None = None) -> None:
        """Set private ``attr`` and record the change in the undo history; notify ``prop``."""
        old = getattr(self, attr)
        if old == value and type(old) is type(value):
            return  # Live adds no history entry for a no-op assignment
        self._apply(attr, value, prop)
        self._w.undo.record(
            lambda: self._apply(attr, old, prop), lambda: self._apply(attr, value, prop)
        )

    def _apply(self, attr: str, value, prop: str | None) -> None:
        setattr(self, attr, value)
        if prop:
            self._notify(prop)


def _merged_since(impl: type) -> dict[str, str]:
    since: dict[str, str] = {}
    for klass in reversed(impl.__mro__):
        since.update(klass.__dict__.get("_SINCE", {}))
    return since


def build_class(impl: type, world, qualname: str, module: str) -> type:
    """A stand-alone copy of ``impl`` for ``world``, without members newer than its version."""
    ns: dict[str, Any] = {}
    for klass in reversed(impl.__mro__):
        if klass is object:
            continue
        for name, value in klass.__dict__.items():
            if name not in _SKIP:
                ns[name] = value
    for klass in impl.__mro__:
        for name in klass.__dict__.get("_OMIT", ()):
            ns.pop(name, None)  # an inherited member this Live class does not have
    since = _merged_since(impl)
    for name, first in since.items():
        if parse_version(first) > world.version:
            ns.pop(name, None)
    if "__init__" in ns:
        ns["__init__"] = guarded(world, qualname, ns["__init__"])  # Live.Base.Timer(...) too
    ns["_SINCE"] = since
    ns["_w"] = world
    ns["__module__"] = module
    ns["__qualname__"] = qualname
    return type(qualname.rsplit(".", 1)[-1], (), ns)


def guarded(world, owner: str, fn):
    """``fn`` checking the calling thread first (module functions, constructors)."""
    name = getattr(fn, "__name__", "function")

    @functools.wraps(fn)
    def call(*args, **kwargs):
        world.check_thread(owner, name)
        return fn(*args, **kwargs)

    return call


def new(cls: type, *args, **kwargs):
    """Create an instance the way Live does internally, bypassing the refusing ``__init__``."""
    obj = object.__new__(cls)
    obj._init(*args, **kwargs)
    return obj

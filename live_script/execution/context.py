"""What the script knows about the running Live, and what a handler receives.

`ScriptContext` is built once on Live's main thread from the `Live` module the host passed in (the
script never imports `Live` at module level, so two hosts emulating different Live versions can
share one process). `HandlerContext` wraps it for one request and adds the per-request API:

    ctx.live, ctx.song, ctx.application   the Live module, the Song, the Application
    ctx.live_version                      (major, minor, bugfix), e.g. (12, 3, 6)
    ctx.resolve(text, expect, field)      -> ids.Target (obj, kind, path, indices) where the
                                          object is now (a tagged id follows a moved object,
                                          and the move is reported with the result); raises
                                          STALE_REFERENCE / WRONG_TYPE / BAD_INPUT
    ctx.issue(obj, path)                  -> "track:2@7/device:1@12", the id to hand out
    ctx.require(version, what)            raises UNSUPPORTED unless Live >= version
    ctx.wrote()                           call after each LOM write that succeeded: a later
                                          failure in the same request then undoes the step
    ctx.later(poll, timeout, on_timeout, hold)  return this to finish on a later tick (see
                                          pending.py; hold=False lets later requests run first)
    ctx.progress(done, total, message)    report progress of a long request (progress.py); a no-op
                                          unless the request's client can receive it
    ctx.log(message)
    ctx.dispatcher                        the dispatcher running this request (for batch steps),
                                          seen through the `StepRunner` interface below

The annotations are for mypy (checked against `ableton-live-stubs`, see tests/live_script/
test_types.py); `Live` is imported only while type checking, so this still runs on Python 3.7.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Dict, Optional, Tuple, Union, overload

from ..errors import UNSUPPORTED, BridgeError
from ..lom import ids as _ids
from ..lom.host import Params, Result, Version
from .pending import Pending

# ctx.progress's destination: the pump's bridge/progress.py Sink (done, total, message).
ProgressSink = Callable[[float, Optional[float], Optional[str]], Any]

if TYPE_CHECKING:
    import types

    # Python 3.8+ names, read by the type checker only, never at run time (Live runs 3.7):
    from typing import Literal, Protocol  # novermin

    from Live.Application import Application
    from Live.Clip import Clip
    from Live.ClipSlot import ClipSlot
    from Live.Device import Device
    from Live.DeviceParameter import DeviceParameter
    from Live.Scene import Scene
    from Live.Song import Song
    from Live.Track import Track

    from ..lom.ids import Target

    TrackKind = Literal["track", "return", "main"]
    ClipKind = Literal["clip", "arrclip"]

    class StepRunner(Protocol):
        """What a batch needs of the dispatcher that runs it (dispatch.py: Dispatcher). The
        context names it through this interface, so context.py never imports dispatch.py."""

        methods: Dict[str, Any]

        def prepare(self, method: str) -> Any: ...
        def checked(self, method: str, params: Params) -> Params: ...
        def run_step(self, ctx: HandlerContext, method: str, params: Params) -> Any: ...


# Params / Result / Version: the JSON shapes a handler receives and returns (lom/host.py).
# A handler that finishes on a later tick returns `ctx.later(...)` instead of its result.
Reply = Union[Result, Pending]


def version_text(version: Version) -> str:
    """(12, 3, 0) -> "12.3"; (12, 3, 6) -> "12.3.6"."""
    if len(version) > 2 and version[2] == 0:
        version = version[:2]
    return ".".join(str(part) for part in version)


def read_live_version(application: Application) -> Tuple[int, int, int]:
    return (
        int(application.get_major_version()),
        int(application.get_minor_version()),
        int(application.get_bugfix_version()),
    )


class ScriptContext(object):
    """Session-wide facts and services, shared by every request."""

    def __init__(
        self,
        live: types.ModuleType,
        song: Song,
        application: Application,
        log: Optional[Callable[[str], None]] = None,
    ) -> None:
        self.live = live
        self.song = song
        self.application = application
        self.live_version = read_live_version(application)
        self.ids = _ids.IdRegistry()
        self.log: Callable[[str], None] = log or (lambda message: None)

    @property
    def live_version_text(self) -> str:
        return "%d.%d.%d" % self.live_version

    def supports(self, version: Version) -> bool:
        return tuple(self.live_version) >= tuple(version)

    def unsupported(self, version: Version, what: str) -> BridgeError:
        return BridgeError(
            UNSUPPORTED,
            "%s needs Live %s or later; this is Live %s"
            % (what, version_text(version), self.live_version_text),
            needs_version=version_text(version),
        )


class HandlerContext(object):
    """The `ctx` a handler receives: the script context plus this request's state."""

    def __init__(
        self,
        script: ScriptContext,
        dispatcher: Optional[StepRunner] = None,
        progress: Optional[ProgressSink] = None,
    ) -> None:
        self.script = script
        # The dispatcher running this request: a batch runs its steps through it.
        self.dispatcher = dispatcher
        self.live = script.live
        self.song = script.song
        self.application = script.application
        self.live_version = script.live_version
        self.log = script.log
        self.dirty = False
        # Where this request's progress goes: the pump's sink for a client that asked for it.
        self._progress = progress
        # {id as given: fresh id} for each tagged id whose object had moved: see with_moves.
        self.moves: Dict[str, str] = {}

    # The resolved object's type follows from the kinds asked for, so mypy checks what a handler
    # does with it against Live's own class (a Track method called on a Clip is a type error).
    @overload
    def resolve(self, text: str, expect: Tuple[Literal["song"]], field: str) -> Target[Song]: ...
    @overload
    def resolve(self, text: str, expect: Tuple[TrackKind, ...], field: str) -> Target[Track]: ...
    @overload
    def resolve(self, text: str, expect: Tuple[Literal["scene"]], field: str) -> Target[Scene]: ...
    @overload
    def resolve(
        self, text: str, expect: Tuple[Literal["clipslot"]], field: str
    ) -> Target[ClipSlot]: ...
    @overload
    def resolve(self, text: str, expect: Tuple[ClipKind, ...], field: str) -> Target[Clip]: ...
    @overload
    def resolve(
        self, text: str, expect: Tuple[Literal["device"]], field: str
    ) -> Target[Device]: ...
    @overload
    def resolve(
        self, text: str, expect: Tuple[Literal["param"]], field: str
    ) -> Target[DeviceParameter]: ...
    @overload
    def resolve(self, text: str, expect: Tuple[str, ...], field: str) -> Target[Any]: ...
    def resolve(self, text: str, expect: Tuple[str, ...], field: str) -> Target[Any]:
        target = self.script.ids.resolve(self.song, text, expect, field)
        if target.fresh is not None:
            self.moves[text] = target.fresh
        return target

    def issue(self, obj: Any, path: str) -> str:
        return self.script.ids.issue(obj, path, self.song)

    def issue_below(self, parent_id: str, *steps: _ids.Step) -> str:
        """`issue` for the children of an object this request issued `parent_id` for and has not
        changed the Set since (ids.IdRegistry.issue_below): a listing's rows."""
        return self.script.ids.issue_below(parent_id, list(steps))

    def with_moves(self, result: Any) -> Any:
        """`result` naming the moves this call followed (ids.MOVED_KEY), which are then
        forgotten: the dispatcher calls it once per request, a batch once per step."""
        if self.moves and isinstance(result, dict):
            result[_ids.MOVED_KEY] = self.moves
            self.moves = {}
        return result

    def require(self, version: Version, what: str) -> None:
        if not self.script.supports(version):
            raise self.script.unsupported(version, what)

    def wrote(self) -> None:
        self.dirty = True

    def progress(
        self, done: float, total: Optional[float] = None, message: Optional[str] = None
    ) -> None:
        if self._progress is not None:
            self._progress(done, total, message)

    def later(
        self,
        poll: Callable[[], Optional[Result]],
        timeout: float = 5.0,
        on_timeout: Optional[Callable[[], Exception]] = None,
        hold: bool = True,
        on_cancel: Optional[Callable[[], None]] = None,
    ) -> Pending:
        return Pending(poll, timeout, on_timeout, hold=hold, on_cancel=on_cancel)

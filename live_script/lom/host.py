"""What a Live-object helper sees of the handler's context: an interface, not the class.

The helpers take the `ctx` a handler received (execution/context.py: HandlerContext), but name it
through `Host`, so this layer never imports the execution layer. `Host` lists only the members the
helpers use; HandlerContext satisfies it (mypy checks that wherever a handler passes its ctx on).
`Params` / `Result` are the JSON shapes a handler receives and returns (re-exported by context.py).

The protocol exists only while type checking (typing.Protocol is Python 3.8+; Live runs 3.7).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Optional, Tuple

# What a handler receives and returns: the validated JSON params, and the JSON result.
Params = Dict[str, Any]
Result = Dict[str, Any]
Version = Tuple[int, ...]

if TYPE_CHECKING:
    import types
    from typing import Protocol  # novermin: read by the type checker only, never at run time

    from Live.Application import Application
    from Live.Song import Song

    from .ids import Target

    class ScriptFacts(Protocol):
        """The session-wide part (ScriptContext) a helper asks about."""

        @property
        def live_version_text(self) -> str: ...
        def supports(self, version: Version) -> bool: ...

    class Host(Protocol):
        """The handler context as the Live-object helpers use it."""

        @property
        def live(self) -> types.ModuleType: ...
        @property
        def song(self) -> Song: ...
        @property
        def application(self) -> Application: ...
        @property
        def script(self) -> ScriptFacts: ...
        def resolve(self, text: str, expect: Tuple[str, ...], field: str) -> Target[Any]: ...
        def issue(self, obj: Any, path: str) -> str: ...
        def issue_below(self, parent_id: str, *steps: Tuple[str, Optional[int], Any]) -> str: ...
        def require(self, version: Version, what: str) -> None: ...
        def wrote(self) -> None: ...

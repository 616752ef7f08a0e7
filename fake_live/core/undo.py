"""Live's undo history: entries of (undo, redo) action pairs, grouped by begin/end_undo_step.

Every change the fake makes calls ``record(undo, redo)`` after applying itself. Inside an open step
(``begin_undo_step`` ... ``end_undo_step``, nestable) the pairs join one entry; outside one, each change
is an entry of its own. Undo/redo replay with recording switched off, so a replayed change never
records itself again. A new change clears the redo stack, as in any editor.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

Action = Callable[[], None]


class UndoHistory:
    def __init__(self) -> None:
        self._done: list[list[tuple[Action, Action]]] = []
        self._undone: list[list[tuple[Action, Action]]] = []
        self._open: list[tuple[Action, Action]] | None = None
        self._depth = 0
        self._replaying = False

    # --- recording ------------------------------------------------------------------------------
    def record(self, undo: Action, redo: Action) -> None:
        if self._replaying:
            return
        self._undone.clear()
        if self._open is not None:
            self._open.append((undo, redo))
        else:
            self._done.append([(undo, redo)])

    def begin_step(self) -> None:
        if self._depth == 0:
            self._open = []
        self._depth += 1

    def end_step(self) -> None:
        if self._depth == 0:
            return  # Live ignores an unmatched end
        self._depth -= 1
        if self._depth == 0:
            entry, self._open = self._open, None
            if entry:  # an empty step leaves no trace in the history
                self._done.append(entry)

    @contextmanager
    def step(self) -> Iterator[None]:
        """One entry in the history for everything done inside, as Live records one action."""
        self.begin_step()
        try:
            yield
        finally:
            self.end_step()

    # --- replay ---------------------------------------------------------------------------------
    def can_undo(self) -> bool:
        return bool(self._done)

    def can_redo(self) -> bool:
        return bool(self._undone)

    def undo(self) -> None:
        if not self._done:
            return
        entry = self._done.pop()
        self._replay([u for u, _ in reversed(entry)])
        self._undone.append(entry)

    def redo(self) -> None:
        if not self._undone:
            return
        entry = self._undone.pop()
        self._replay([r for _, r in entry])
        self._done.append(entry)

    def _replay(self, actions: list[Action]) -> None:
        self._replaying = True
        try:
            for action in actions:
                action()
        finally:
            self._replaying = False

    @property
    def undo_depth(self) -> int:
        return len(self._done)

    @property
    def redo_depth(self) -> int:
        return len(self._undone)

    @property
    def step_open(self) -> bool:
        return self._depth > 0

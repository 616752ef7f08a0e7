"""Live's own undo history: undo and redo the latest step, whoever made it.

The dispatcher opens no undo step for these (policy `history`): `Song.undo()` inside a step of our
own would record nothing and confuse Live's history. `can_undo`/`can_redo` are read first, so an
empty history is an answer, not an error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Dict

from ..lom import views

if TYPE_CHECKING:
    from Live.Song import Song

    from ..execution.context import HandlerContext, Params, Result


def _state(song: Song) -> Dict[str, bool]:
    return {"can_undo": bool(song.can_undo), "can_redo": bool(song.can_redo)}


def undo(ctx: HandlerContext, params: Params) -> Result:
    song = ctx.song
    if not song.can_undo:
        return dict(
            undone=False, outcome="Nothing to undo: Live's undo history is empty.", **_state(song)
        )
    try:
        song.undo()
    except RuntimeError as exc:
        raise views.live_rejected(exc, "undo") from exc
    return dict(undone=True, outcome="Undid the latest step in Live.", **_state(song))


def redo(ctx: HandlerContext, params: Params) -> Result:
    song = ctx.song
    if not song.can_redo:
        return dict(redone=False, outcome="Nothing to redo.", **_state(song))
    try:
        song.redo()
    except RuntimeError as exc:
        raise views.live_rejected(exc, "redo") from exc
    return dict(redone=True, outcome="Redid the latest undone step in Live.", **_state(song))

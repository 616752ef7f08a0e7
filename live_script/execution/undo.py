"""One undo step around a write, and putting the Set back when the write fails part-way.

Live's API cannot tell how many entries the history holds, and `end_undo_step()` on a step that
changed nothing adds no entry, so `undo()` after a failed no-op write would revert the user's own
last action. The handler therefore reports each successful LOM write (`ctx.wrote()`); only a step
that wrote something is undone. LOM calls either apply or raise, so a write that raised did not
change the Set.
"""


class UndoStep(object):
    def __init__(self, song, ctx, log):
        self._song = song
        self._ctx = ctx
        self._log = log
        self._open = False

    def begin(self):
        self._song.begin_undo_step()
        self._open = True

    def commit(self):
        if self._open:
            self._open = False
            self._song.end_undo_step()

    def abort(self):
        """Close the step and undo it if it changed anything. Returns a note when the rollback
        itself failed (the caller adds it to the error), else None."""
        if not self._open:
            return None
        self._open = False
        self._song.end_undo_step()
        if not self._ctx.dirty:
            return None
        try:
            if self._song.can_undo:
                self._song.undo()
        except Exception as exc:  # report, do not mask the original failure
            self._log("live-mcp: rollback failed: %r" % (exc,))
            return "the partial change could not be undone (%s); check the Set" % exc
        return None

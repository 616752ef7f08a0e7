"""The analysis toolset's Live side.

`notes`: key and chords of one or more MIDI clips (live_script/music/harmony.py), read in the
one main-thread call. `bounce`: a real-time recording of an Arrangement range
(live_script/handlers/bounce.py); the server then reads the file's length and rate. The other three methods run in the live-mcp server (it measures audio and
reads and writes MIDI files; the notes cross the bridge as ordinary note reads and writes): when
one reaches the Remote Script directly it checks the path as the server does, then says where
the work happens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, List

from ..errors import unsupported, wrong_type
from ..lom import analysis_files, clip_notes, ids
from ..music import harmony
from . import bounce as bouncing

if TYPE_CHECKING:
    from ..execution.context import HandlerContext, Params, Reply, Result


def notes(ctx: HandlerContext, params: Params) -> Result:
    clip_ids = []
    rows: List[clip_notes.Row] = []
    for index, clip_id in enumerate(params["clip_ids"]):
        field = "clip_ids[%d]" % index
        target = ctx.resolve(clip_id, ids.CLIP_KINDS, field)
        clip = target.obj
        if not clip.is_midi_clip:
            raise wrong_type("%s names an audio clip; notes exist only in MIDI clips" % field)
        _api, found = clip_notes.read_notes(clip, 0, 128, 0.0, clip_notes.ALL_TIME)
        rows.extend(row for row in found if not row["mute"])
        clip_ids.append(ctx.issue(clip, target.path))
    key = harmony.estimate_key(rows)
    return {
        "clip_ids": clip_ids,
        "note_count": len(rows),
        "key": key["key"] if key else None,
        "correlation": key["correlation"] if key else None,
        "runner_up": key["runner_up"] if key else None,
        "margin": key["margin"] if key else None,
        "chords": harmony.chords(rows, per=float(params["per"])),
    }


def bounce(ctx: HandlerContext, params: Params) -> Reply:
    """Record a range in real time; answers on a later tick (live_script/handlers/bounce.py)."""
    return bouncing.start(ctx, params)


def _in_the_server(method: str) -> Exception:
    return unsupported(
        "%s runs in the live-mcp server (it reads and writes files there), not in Live" % method
    )


def measure_audio(ctx: HandlerContext, params: Params) -> Result:
    analysis_files.checked_measured_audio(params["file_path"])
    raise _in_the_server("analysis.measure_audio")


def import_midi(ctx: HandlerContext, params: Params) -> Result:
    analysis_files.checked_midi_file(params["file_path"])
    raise _in_the_server("analysis.import_midi")


def export_midi(ctx: HandlerContext, params: Params) -> Result:
    analysis_files.checked_new_midi_file(params["file_path"])
    raise _in_the_server("analysis.export_midi")

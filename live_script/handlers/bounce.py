"""Bounce by resampling: record an Arrangement range of the Main output (or one track) onto a
temporary audio track, in real time, without blocking the bridge.

Live's Python API cannot render offline; recording is the honest route. `start()` saves every
state it is about to touch, creates the temporary track (input Resampling or the source track,
monitoring off, armed), and starts Arrangement recording at the range's start. It returns a
`Pending` that waits aside (`hold=False`: the pump keeps answering other requests meanwhile) and
polls once per drain; when the song position passes the range's end it stops, waits for the
take's clip, reads its file path, deletes the temporary track and restores everything. Every way
out — success, a failure, the timeout, or the caller cancelling (system.cancel, a closed
connection) — runs the same `restore()` exactly once.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple

from ..errors import bad_input, rejected
from ..lom import views

if TYPE_CHECKING:
    from Live.Song import Song
    from Live.Track import Track

    from ..execution.context import HandlerContext, Params, Result
    from ..execution.pending import Pending

MAX_SECONDS = 300.0
MONITORING_OFF = 2  # Live's Track.monitoring_states.OFF
RESAMPLING = "Resampling"
# After the stop, how long Live may take to show the take's clip and its file.
FINISH_SECONDS = 5.0


class _Bounce(object):
    def __init__(self, song: Song, start: float, length: float) -> None:
        self.song = song
        self.start = start
        self.end = start + length
        self.temp: Optional[Track] = None
        self.stopped_at: Optional[float] = None
        self.restored = False
        view = song.view
        self.saved: Dict[str, Any] = {
            "song_time": float(song.current_song_time),
            "loop": bool(song.loop),
            "record_mode": bool(song.record_mode),
            "selected_track": view.selected_track,
        }
        self.arms: List[Tuple[Track, bool]] = [
            (t, bool(t.arm)) for t in song.tracks if t.can_be_armed
        ]

    # --- start ---------------------------------------------------------------------------------
    def begin(self, source: Optional[Track]) -> None:
        song = self.song
        song.create_audio_track(len(song.tracks))
        temp = self.temp = song.tracks[len(song.tracks) - 1]
        temp.name = "live-mcp bounce"
        temp.input_routing_type = _input_for(temp, source)
        temp.current_monitoring_state = MONITORING_OFF  # before arming: nothing is heard twice
        temp.arm = True
        song.loop = False
        song.current_song_time = self.start
        song.record_mode = True
        song.start_playing()

    # --- waiting -------------------------------------------------------------------------------
    def poll(self) -> Optional[Dict[str, Any]]:
        song = self.song
        if self.stopped_at is None:
            if song.is_playing and song.current_song_time < self.end:
                return None
            if song.current_song_time < self.end:
                raise rejected(
                    "the transport stopped before the take ended; nothing was bounced",
                    hint="Leave the transport running during a bounce, then call again.",
                )
            song.stop_playing()
            song.record_mode = False
            self.stopped_at = time.monotonic()
        clip = self._take()
        if clip is None:
            if time.monotonic() - self.stopped_at > FINISH_SECONDS:
                raise rejected("Live recorded no clip on the temporary track")
            return None
        return {"file_path": str(clip.file_path)}

    def _take(self) -> Any:
        temp = self.temp
        if temp is None:
            return None
        for clip in temp.arrangement_clips:
            if clip.is_audio_clip and clip.file_path:
                return clip
        return None

    # --- the way back --------------------------------------------------------------------------
    def restore(self) -> None:
        """Put back every state the bounce touched; safe to call more than once."""
        if self.restored:
            return
        self.restored = True
        song = self.song
        failures = []
        steps = (
            song.stop_playing,
            lambda: setattr(song, "record_mode", self.saved["record_mode"]),
            self._delete_temp,
            self._restore_arms,
            lambda: setattr(song, "loop", self.saved["loop"]),
            lambda: setattr(song, "current_song_time", self.saved["song_time"]),
            self._restore_selection,
        )
        for step in steps:
            try:
                step()
            except (RuntimeError, AttributeError, ValueError) as exc:  # go on with the others
                failures.append(str(exc))
        if failures:
            raise rejected("the bounce could not put everything back: %s" % "; ".join(failures))

    def _delete_temp(self) -> None:
        temp, self.temp = self.temp, None
        if temp is None:
            return
        index = views.track_index(self.song, temp)
        if index is not None:
            self.song.delete_track(index)

    def _restore_arms(self) -> None:
        for track, arm in self.arms:
            if bool(track.arm) != arm:
                track.arm = arm

    def _restore_selection(self) -> None:
        selected = self.saved["selected_track"]
        if selected is not None:
            self.song.view.selected_track = selected


def _input_for(temp: Track, source: Optional[Track]) -> Any:
    """The temporary track's input: Resampling for the Main output, else the source track."""
    for routing_type in temp.available_input_routing_types:
        if source is None and routing_type.display_name == RESAMPLING:
            return routing_type
        if source is not None and routing_type.attached_object == source:
            return routing_type
    what = "Resampling" if source is None else "the track %r" % source.name
    raise rejected("Live offers no input from %s to a new audio track" % what)


def start(ctx: HandlerContext, params: Params) -> Pending:
    song = ctx.song
    length = float(params["length"])
    seconds = length * 60.0 / float(song.tempo)
    if seconds > MAX_SECONDS:
        raise bad_input(
            "%g beats last %.0f s at %g BPM; a bounce records at most %d s (5 minutes)"
            % (length, seconds, song.tempo, MAX_SECONDS),
            field="length",
        )
    if song.is_playing or song.record_mode:
        raise rejected(
            "the transport is playing or Arrangement record is on",
            hint="Stop the transport and turn Arrangement record off, then call again.",
        )
    source = None
    if params["source"] != "main":
        source = ctx.resolve(params["source"], ("track",), "source").obj
    bounce = _Bounce(song, float(params["start"]), length)
    try:
        bounce.begin(source)
    except Exception:
        bounce.restore()
        raise

    def poll() -> Optional[Result]:
        done = min(max(song.current_song_time - bounce.start, 0.0), length)
        ctx.progress(done, length, "bouncing: %.1f of %.1f beats recorded" % (done, length))
        try:
            answer = bounce.poll()
        except Exception:
            bounce.restore()
            raise
        if answer is None:
            return None
        bounce.restore()
        answer.update(source=params["source"], start=bounce.start, length=length)
        return answer

    def on_timeout() -> Exception:
        bounce.restore()
        return rejected("the bounce did not finish in time; everything was put back")

    return ctx.later(
        poll,
        timeout=seconds + 30.0,
        on_timeout=on_timeout,
        hold=False,
        on_cancel=bounce.restore,
    )

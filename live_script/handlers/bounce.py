"""Bounce by resampling: record the Main output (or one track) onto a temporary audio track, in
real time, without blocking the bridge.

Live's Python API cannot render offline; recording is the honest route. What plays is an
Arrangement range, a scene fired for the take, or whatever already plays
(live_script/handlers/bounce_takes.py records each). `start()` saves every state it is about to
touch, creates the temporary track (input Resampling or the source track, monitoring off, then
armed) and starts the take. It returns a `Pending` that waits aside (`hold=False`: the pump keeps
answering other requests meanwhile) and polls once per drain; when the take has ended it waits for
the take's clip, reads its file path, deletes the temporary track and restores everything. Every
way out — success, a failure, the timeout, or the caller cancelling (system.cancel, a closed
connection) — runs the same `restore()` exactly once.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple, Union

from ..errors import bad_input, rejected
from ..lom import views
from .bounce_takes import ArrangementTake, SessionTake, scene_length
from .scene import scene_tempo

if TYPE_CHECKING:
    from Live.Scene import Scene
    from Live.Song import Song
    from Live.Track import Track

    from ..execution.context import HandlerContext, Params, Result
    from ..execution.pending import Pending

Take = Union[ArrangementTake, SessionTake]

MAX_SECONDS = 300.0
MONITORING_OFF = 2  # Live's Track.monitoring_states.OFF
RESAMPLING = "Resampling"
# After the take, how long Live may take to show the take's clip and its file.
FINISH_SECONDS = 5.0


class _Bounce(object):
    def __init__(self, song: Song, take: Take) -> None:
        self.song = song
        self.take = take
        self.temp: Optional[Track] = None
        self.ended_at: Optional[float] = None
        self.restored = False
        self.saved = take.save(song)
        self.selected = song.view.selected_track
        self.arms: List[Tuple[Track, bool]] = [
            (t, bool(t.arm)) for t in song.tracks if t.can_be_armed
        ]

    # --- start ---------------------------------------------------------------------------------
    def begin(self, source: Optional[Track]) -> None:
        song = self.song
        if self.take.disarms_others:
            for track, arm in self.arms:
                if arm:
                    track.arm = False
        song.create_audio_track(len(song.tracks))
        temp = self.temp = song.tracks[len(song.tracks) - 1]
        temp.name = "live-mcp bounce"
        temp.input_routing_type = _input_for(temp, source)
        temp.current_monitoring_state = MONITORING_OFF  # before arming: nothing is heard twice
        temp.arm = True
        self.take.begin(song, temp)

    # --- waiting -------------------------------------------------------------------------------
    def poll(self) -> Optional[Dict[str, Any]]:
        if self.ended_at is None:
            if self.take.running(self.song):
                return None
            for step in self.take.halt(self.song, self.saved):
                step()
            self.ended_at = time.monotonic()
        assert self.temp is not None
        clip = self.take.clip(self.temp)
        if clip is None:
            if time.monotonic() - self.ended_at > FINISH_SECONDS:
                raise rejected("Live recorded no clip on the temporary track")
            return None
        return {"file_path": str(clip.file_path)}

    def recorded(self) -> float:
        """Beats recorded so far (for progress)."""
        began = self.take.began_at()
        if began is None:
            return 0.0
        return min(max(float(self.song.current_song_time) - began, 0.0), self.take.length)

    # --- the way back --------------------------------------------------------------------------
    def restore(self) -> None:
        """Put back every state the bounce touched; safe to call more than once."""
        if self.restored:
            return
        self.restored = True
        song = self.song
        failures = []
        steps = [
            *self.take.halt(song, self.saved),
            self._delete_temp,
            self._restore_arms,
            *self.take.settle(song, self.saved),
            self._restore_selection,
        ]
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
        if self.selected is not None:
            self.song.view.selected_track = self.selected


def _input_for(temp: Track, source: Optional[Track]) -> Any:
    """The temporary track's input: Resampling for the Main output, else the source track."""
    for routing_type in temp.available_input_routing_types:
        if source is None and routing_type.display_name == RESAMPLING:
            return routing_type
        if source is not None and routing_type.attached_object == source:
            return routing_type
    what = "Resampling" if source is None else "the track %r" % source.name
    raise rejected("Live offers no input from %s to a new audio track" % what)


def _take(ctx: HandlerContext, params: Params) -> Tuple[Take, float]:
    """The take `play` asks for, and the tempo it will play at."""
    song = ctx.song
    play = params["play"]
    length = params.get("length")
    if play not in ("arrangement", "playing"):
        target = ctx.resolve(play, ("scene",), "play")
        scene: Scene = target.obj
        if length is None:
            length = scene_length(scene)
            if not length > 0:
                raise rejected("%s holds no clip to bounce" % play, hint="Give a length in beats.")
        tempo = scene_tempo(scene) or float(song.tempo)
        return SessionTake(float(length), scene, target.indices["scene"]), tempo
    if length is None:
        raise bad_input('a length in beats is needed when play is "%s"' % play, field="length")
    if play == "playing":
        if not song.is_playing:
            raise rejected(
                "nothing is playing to bounce",
                hint='Start the transport or fire clips first, or use play "arrangement".',
            )
        return SessionTake(float(length), None, 0), float(song.tempo)
    return ArrangementTake(float(params["start"]), float(length)), float(song.tempo)


def _check_transport(song: Song, play: str) -> None:
    if song.record_mode:
        raise rejected(
            "Arrangement record is on",
            hint="Turn Arrangement record off, then call again.",
        )
    if play != "playing" and song.is_playing:
        raise rejected(
            "the transport is playing",
            hint='Stop the transport, or use play "playing" to bounce what plays.',
        )


def start(ctx: HandlerContext, params: Params) -> Pending:
    song = ctx.song
    take, tempo = _take(ctx, params)
    seconds = take.length * 60.0 / tempo
    if seconds > MAX_SECONDS:
        raise bad_input(
            "%g beats last %.0f s at %g BPM; a bounce records at most %d s (5 minutes)"
            % (take.length, seconds, tempo, MAX_SECONDS),
            field="length",
        )
    _check_transport(song, params["play"])
    source = None
    if params["source"] != "main":
        source = ctx.resolve(params["source"], ("track",), "source").obj
    bounce = _Bounce(song, take)
    try:
        bounce.begin(source)
    except Exception:
        bounce.restore()
        raise
    length = take.length

    def poll() -> Optional[Result]:
        done = bounce.recorded()
        ctx.progress(done, length, "bouncing: %.1f of %.1f beats recorded" % (done, length))
        try:
            answer = bounce.poll()
        except Exception:
            bounce.restore()
            raise
        if answer is None:
            return None
        bounce.restore()
        answer.update(
            source=params["source"],
            play=params["play"],
            start=round(take.began_at() or 0.0, 3),
            length=length,
        )
        return answer

    def on_timeout() -> Exception:
        bounce.restore()
        return rejected("the bounce did not finish in time; everything was put back")

    return ctx.later(
        poll,
        timeout=seconds + 30.0 + take.start_wait,
        on_timeout=on_timeout,
        hold=False,
        on_cancel=bounce.restore,
    )

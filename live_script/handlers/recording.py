"""Handlers that record: Session recording, Capture MIDI / Capture and Insert Scene, the record
switches, and tempo by hand (tap, nudge).

Undo, as the specs declare it: a Session recording opens no step of ours (`by_live`): Live adds
its own entry for each recorded clip when its recording ends, so one live_undo removes that clip.
A capture is one step. The record switches are transport state, outside Live's undo history. A
tapped tempo is Live's own entry.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, List, Optional, Set

from ..errors import bad_input, rejected
from ..lom import ids, record_state, views
from .transport import playing_clip_count

if TYPE_CHECKING:
    from Live.Song import Song

    from ..execution.context import HandlerContext, Params, Reply, Result

ARM_HINT = "Arm a MIDI or audio track first (live_set_track_props with arm: true), then call again."
NUDGE_SECONDS = 0.1  # how long a nudge holds Live's nudge button


def _nothing_armed() -> Exception:
    return rejected("no track is armed, so there is nothing to record on", hint=ARM_HINT)


def _no_room() -> Exception:
    return rejected(
        "no armed track has an empty slot from the selected scene down to record into",
        hint="Select a scene with empty slots on the armed tracks, or add a scene, then call again.",
    )


def _recording_rows(ctx: HandlerContext, song: Song) -> List[Result]:
    rows = []
    for t_index, track in record_state.armed_tracks(song):
        for s_index, slot in enumerate(track.clip_slots):
            if slot.is_recording:
                state = "recording"
            elif slot.is_triggered and slot.will_record_on_start:
                state = "triggered"
            else:
                continue
            path = "track:%d/clipslot:%d" % (t_index, s_index)
            rows.append(
                {
                    "track_id": views.track_id(ctx, track, t_index),
                    "slot_id": ctx.issue(slot, path),
                    "clip_id": ctx.issue(slot.clip, path + "/clip") if slot.has_clip else None,
                    "state": state,
                }
            )
    return rows


def session(ctx: HandlerContext, params: Params) -> Result:
    song = ctx.song
    armed = record_state.armed_tracks(song)
    if not armed:
        raise _nothing_armed()
    if record_state.no_room(song, (track for _, track in armed)):
        raise _no_room()
    beats = None
    if "length_bars" in params:
        bar = 4.0 * int(song.signature_numerator) / int(song.signature_denominator)
        beats = float(params["length_bars"]) * bar  # trigger_session_record counts in beats
    try:
        if beats is None:
            song.trigger_session_record()
        else:
            song.trigger_session_record(beats)
    except RuntimeError as exc:
        raise views.live_rejected(exc, "start Session recording") from exc
    return {
        "recording": _recording_rows(ctx, song),
        "length_beats": beats,
        "session_record_status": record_state.session_status(song),
    }


def _session_clips(song: Song) -> Set[int]:
    return views.identities(
        slot.clip for track in song.tracks for slot in track.clip_slots if slot.has_clip
    )


def _arrangement_clips(song: Song) -> Set[int]:
    return views.identities(clip for track in song.tracks for clip in track.arrangement_clips)


def _new_clip_ids(ctx: HandlerContext, song: Song, session: Set[int], arr: Set[int]) -> List[str]:
    found = []
    for t_index, track in enumerate(song.tracks):
        for s_index, slot in enumerate(track.clip_slots):
            if slot.has_clip and slot.clip._live_ptr not in session:
                path = "track:%d/clipslot:%d/clip" % (t_index, s_index)
                found.append(ctx.issue(slot.clip, path))
        for c_index, clip in enumerate(ids.arrangement_clips(track)):
            if clip._live_ptr not in arr:
                found.append(ctx.issue(clip, "track:%d/arrclip:%d" % (t_index, c_index)))
    return found


def capture(ctx: HandlerContext, params: Params) -> Result:
    song = ctx.song
    what = params["what"]
    if what == "midi" and not song.can_capture_midi:
        raise rejected(
            "Live has no recently played MIDI to capture",
            hint="Play some notes on a MIDI track (armed or monitored), then call again.",
        )
    if what == "scene" and not playing_clip_count(song):
        raise rejected(
            "no Session clip is playing: Capture and Insert Scene copies the playing clips",
            hint="Launch clips first (live_fire_scene or live_fire_clip), then call again.",
        )
    session_before, arrangement_before = _session_clips(song), _arrangement_clips(song)
    scenes_before = views.identities(song.scenes)
    try:
        if what == "midi":
            destination = getattr(ctx.live.Song.CaptureDestination, params["destination"])
            song.capture_midi(destination)
        else:
            song.capture_and_insert_scene()
    except RuntimeError as exc:
        raise views.live_rejected(exc, "capture") from exc
    ctx.wrote()
    new_scenes = views.added_since(song.scenes, scenes_before)
    return {
        "what": what,
        "clip_ids": _new_clip_ids(ctx, song, session_before, arrangement_before),
        "scene_id": (
            ctx.issue(new_scenes[0][1], "scene:%d" % new_scenes[0][0]) if new_scenes else None
        ),
    }


def _precheck_switches(song: Song, params: Params, before: Result) -> None:
    """Turning recording on needs an armed track with something to record on; checked before any
    switch moves, so a refusal changes nothing."""
    starting = [p for p in ("record_mode", "session_record") if params.get(p) and not before[p]]
    if not starting:
        return
    armed = record_state.armed_tracks(song)
    if not armed:
        raise _nothing_armed()
    if "session_record" in starting:
        playing = any(slot.is_playing for _, track in armed for slot in track.clip_slots)
        if not playing and record_state.no_room(song, (t for _, t in armed)):
            raise _no_room()


def set_props(ctx: HandlerContext, params: Params) -> Result:
    song = ctx.song
    before = record_state.switches(ctx, song)
    _precheck_switches(song, params, before)
    try:
        for name in record_state.SWITCHES:
            if name not in params:
                continue
            value: Any = params[name]
            if name == "midi_recording_quantization":
                if value == before[name]:
                    continue
                value = record_state.quantization_member(ctx, value)
            elif value == before[name]:
                continue
            setattr(song, name, value)
        if params.get("re_enable_automation"):
            song.re_enable_automation()
    except RuntimeError as exc:
        raise views.live_rejected(exc, "change the record switches") from exc
    after = record_state.switches(ctx, song)
    fixed = ("count_in", "session_record_status")
    return {
        "changed": [k for k in after if k not in fixed and before[k] != after[k]],
        "before": before,
        "after": after,
        "recording_slots": record_state.recording_slots(ctx, song),
    }


def tap(ctx: HandlerContext, params: Params) -> Reply:
    song = ctx.song
    action = params["action"]
    before = float(song.tempo)
    if action == "tap":
        try:
            song.tap_tempo()
        except RuntimeError as exc:
            raise views.live_rejected(exc, "tap the tempo") from exc
        return {"action": action, "before": before, "after": float(song.tempo)}
    if action not in ("nudge_up", "nudge_down"):
        raise bad_input("action: tap, nudge_up or nudge_down", field="action")
    setattr(song, action, True)
    release_at = time.monotonic() + NUDGE_SECONDS

    def release() -> Optional[Result]:
        if time.monotonic() < release_at:
            return None
        setattr(song, action, False)
        return {"action": action, "before": before, "after": float(song.tempo)}

    # The button is held across ticks while other requests keep being answered.
    return ctx.later(release, timeout=NUDGE_SECONDS + 5.0, hold=False)

"""Handlers on the transport: read it, start/continue/stop, jump, and the Set's playback settings.

Play, continue, stop and jump change playback state only (the spec's `transport` undo policy: no
undo step is opened). `set_props` changes Set data (loop, signature, quantization, swing) in one
step; the metronome is not in Live's undo history, so it is written last: a failure before it
rolls back everything else and leaves the metronome untouched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, List, Tuple

from ..errors import bad_input
from ..lom import record_state, views
from ..lom.beat_time import display_position, display_region, parse_position

if TYPE_CHECKING:
    from Live.Song import Song

    from ..execution.context import HandlerContext, Params, Result

# Live.Song.Quantization member -> the name Live's launch quantization menu shows.
QUANTIZATION_LABELS = (
    ("q_no_q", "None"),
    ("q_8_bars", "8 Bars"),
    ("q_4_bars", "4 Bars"),
    ("q_2_bars", "2 Bars"),
    ("q_bar", "1 Bar"),
    ("q_half", "1/2"),
    ("q_half_triplet", "1/2T"),
    ("q_quarter", "1/4"),
    ("q_quarter_triplet", "1/4T"),
    ("q_eight", "1/8"),
    ("q_eight_triplet", "1/8T"),
    ("q_sixtenth", "1/16"),
    ("q_sixtenth_triplet", "1/16T"),
    ("q_thirtytwoth", "1/32"),
)
_PROPS = (
    "loop",
    "loop_start",
    "loop_length",
    "metronome",
    "launch_quantization",
    "signature_numerator",
    "signature_denominator",
    "swing_amount",
)


def _quantizations(ctx: HandlerContext) -> List[Tuple[Any, str, str]]:
    """(enum member, Live's enum name, menu label) for every member this Live has."""
    enum = ctx.live.Song.Quantization
    found = []
    for name, label in QUANTIZATION_LABELS:
        member = getattr(enum, name, None)
        if member is not None:
            found.append((member, name, label))
    return found


def quantization_label(ctx: HandlerContext, value: Any) -> str:
    for member, _name, label in _quantizations(ctx):
        if int(member) == int(value):
            return label
    return str(value)


def _quantization_member(ctx: HandlerContext, wanted: str) -> Any:
    key = wanted.strip().casefold()
    choices = _quantizations(ctx)
    for member, name, label in choices:
        if key in (name.casefold(), label.casefold()):
            return member
    raise bad_input(
        "launch_quantization: Live has no quantization %r; choose one of: %s"
        % (wanted, ", ".join(label for _, _, label in choices)),
        field="launch_quantization",
    )


def _position(song: Song, beats: float) -> str:
    return display_position(beats, int(song.signature_numerator), int(song.signature_denominator))


def state(song: Song) -> Result:
    time = float(song.current_song_time)
    return {
        "is_playing": bool(song.is_playing),
        "song_time": time,
        "position": _position(song, time),
    }


def get(ctx: HandlerContext, params: Params) -> Result:
    song = ctx.song
    result = state(song)
    props = _props(ctx, song)  # what live_set_transport_props changes, read the same way
    result.update(props)
    result.update(
        {
            "tempo": float(song.tempo),
            "loop_region": display_region(
                props["loop_start"],
                props["loop_length"],
                props["signature_numerator"],
                props["signature_denominator"],
            ),
            "record_mode": bool(song.record_mode),
            "arrangement_overdub": bool(song.arrangement_overdub),
            "session_record": bool(song.session_record),
            "session_record_status": record_state.session_status(song),
            "recording_slots": record_state.recording_slots(ctx, song),
        }
    )
    return result


def _playback(ctx: HandlerContext, action: Callable[[Song], None], what: str) -> Result:
    song = ctx.song
    before = state(song)
    try:
        action(song)
    except RuntimeError as exc:
        raise views.live_rejected(exc, what) from exc
    return {"before": before, "after": state(song)}


def start_playing(ctx: HandlerContext, params: Params) -> Result:
    return _playback(ctx, lambda song: song.start_playing(), "start playback")


def continue_playing(ctx: HandlerContext, params: Params) -> Result:
    return _playback(ctx, lambda song: song.continue_playing(), "continue playback")


def playing_clip_count(song: Song) -> int:
    return sum(1 for track in song.tracks for slot in track.clip_slots if slot.is_playing)


def stop_playing(ctx: HandlerContext, params: Params) -> Result:
    song = ctx.song
    playing = playing_clip_count(song)

    def stop(song: Song) -> None:
        if params["stop_clips"]:
            song.stop_all_clips(False)
        song.stop_playing()

    result = _playback(ctx, stop, "stop playback")
    result["clips_stopped"] = max(0, playing - playing_clip_count(song))
    return result


def jump(ctx: HandlerContext, params: Params) -> Result:
    song = ctx.song
    if ("beats" in params) == ("position" in params):
        raise bad_input("give exactly one of beats or position", field="beats")
    if "position" in params:
        beats = parse_position(
            params["position"],
            int(song.signature_numerator),
            int(song.signature_denominator),
            field="position",
            bar_alone=True,
        )
    else:
        beats = float(params["beats"])

    def move(song: Song) -> None:
        song.current_song_time = beats

    return _playback(ctx, move, "move the song position")


def _props(ctx: HandlerContext, song: Song) -> Result:
    return {
        "loop": bool(song.loop),
        "loop_start": float(song.loop_start),
        "loop_length": float(song.loop_length),
        "metronome": bool(song.metronome),
        "launch_quantization": quantization_label(ctx, song.clip_trigger_quantization),
        "signature_numerator": int(song.signature_numerator),
        "signature_denominator": int(song.signature_denominator),
        "swing_amount": float(song.swing_amount),
    }


def set_props(ctx: HandlerContext, params: Params) -> Result:
    song = ctx.song
    wanted = [prop for prop in _PROPS if prop in params]
    if not wanted:
        raise bad_input("give at least one of %s" % ", ".join(_PROPS))
    # Everything that can be refused without touching Live is checked before the first write.
    values = dict((prop, params[prop]) for prop in wanted)
    if "launch_quantization" in values:
        values["launch_quantization"] = _quantization_member(ctx, values["launch_quantization"])
    before = _props(ctx, song)
    # Signature first (it redefines bars), metronome last (not undoable; see the module doc).
    order = (
        ("signature_numerator", "signature_numerator"),
        ("signature_denominator", "signature_denominator"),
        ("loop_start", "loop_start"),
        ("loop_length", "loop_length"),
        ("loop", "loop"),
        ("launch_quantization", "clip_trigger_quantization"),
        ("swing_amount", "swing_amount"),
        ("metronome", "metronome"),
    )
    try:
        for prop, member in order:
            if prop not in values:
                continue
            value = values[prop]
            if prop == "launch_quantization":
                if int(value) == int(song.clip_trigger_quantization):
                    continue
            elif value == before[prop]:
                continue
            setattr(song, member, value)
            ctx.wrote()
    except RuntimeError as exc:
        raise views.live_rejected(exc, "change the transport settings") from exc
    after = _props(ctx, song)
    return {
        "changed": [prop for prop in _PROPS if before[prop] != after[prop]],
        "before": before,
        "after": after,
    }

"""The properties `clip.set_props` reads and writes, and the order Live accepts the writes in.

Live refuses a loop start at or after the loop end (and a start marker at or after the end
marker) at every single write, so moving a region to the right must move its end first, and
moving it left its start first. Warping comes before the markers, because it changes their unit
(beats when warped, seconds when not); looping is switched on before the loop is moved and off
after, so the loop points given are the loop's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Tuple

from ..errors import BAD_INPUT, WRONG_TYPE, BridgeError

if TYPE_CHECKING:
    from Live.Clip import Clip

Props = Dict[str, Any]

LAUNCH_MODES = ("trigger", "gate", "toggle", "repeat")  # Live.Clip.LaunchMode 0..3
# Live.Clip.ClipLaunchQuantization 0..14, as Live's clip view names them
LAUNCH_QUANTIZATIONS = (
    "global",
    "none",
    "8 bars",
    "4 bars",
    "2 bars",
    "1 bar",
    "1/2",
    "1/2T",
    "1/4",
    "1/4T",
    "1/8",
    "1/8T",
    "1/16",
    "1/16T",
    "1/32",
)
# Live.Clip.WarpMode values by name (rex, 5, only for REX files, cannot be chosen)
WARP_MODES = (
    ("beats", 0),
    ("tones", 1),
    ("texture", 2),
    ("repitch", 3),
    ("complex", 4),
    ("rex", 5),
    ("complex_pro", 6),
)
AUDIO_ONLY = ("gain", "pitch_coarse", "pitch_fine", "warping", "warp_mode")
PLAIN = ("name", "color_index", "muted", "launch_mode", "launch_quantization", "legato")
PROPS = PLAIN + AUDIO_ONLY + ("looping", "loop_start", "loop_end", "start_marker", "end_marker")
_PAIRS = (("loop_start", "loop_end"), ("start_marker", "end_marker"))


def read(clip: Clip) -> Props:
    audio = bool(clip.is_audio_clip)
    props = {
        "name": clip.name,
        "color_index": clip.color_index,
        "muted": bool(clip.muted),
        "launch_mode": LAUNCH_MODES[int(clip.launch_mode)],
        "launch_quantization": LAUNCH_QUANTIZATIONS[int(clip.launch_quantization)],
        "legato": bool(clip.legato),
        "looping": bool(clip.looping),
        "loop_start": float(clip.loop_start),
        "loop_end": float(clip.loop_end),
        "start_marker": float(clip.start_marker),
        "end_marker": float(clip.end_marker),
        "gain": float(clip.gain) if audio else None,
        "gain_display": clip.gain_display_string if audio else None,
        "pitch_coarse": int(clip.pitch_coarse) if audio else None,
        "pitch_fine": float(clip.pitch_fine) if audio else None,
        "warping": bool(clip.warping) if audio else None,
        "warp_mode": warp_name(int(clip.warp_mode)) if audio else None,
    }
    return props


def warp_name(value: int) -> str:
    for name, number in WARP_MODES:
        if number == value:
            return name
    return str(value)


def check(clip: Clip, params: Props, before: Props) -> None:
    """WRONG_TYPE or BAD_INPUT before any write: audio settings on a MIDI clip, a warp mode the
    clip does not offer, a region whose start would not lie before its end."""
    if not clip.is_audio_clip:
        for prop in AUDIO_ONLY:
            if prop in params:
                raise BridgeError(
                    WRONG_TYPE,
                    "%s applies to audio clips; %r is a MIDI clip" % (prop, clip.name),
                    hint="%s apply to audio clips only; leave them out for a MIDI clip."
                    % ", ".join(AUDIO_ONLY),
                    field=prop,
                )
    if "warp_mode" in params:
        offered = [warp_name(int(mode)) for mode in clip.available_warp_modes]
        if params["warp_mode"] not in offered:
            raise BridgeError(
                BAD_INPUT,
                "warp_mode %r is not available for clip %r; it offers: %s"
                % (params["warp_mode"], clip.name, ", ".join(offered)),
                field="warp_mode",
            )
    for start, end in _PAIRS:
        if start in params or end in params:
            first = float(params[start] if start in params else before[start])
            last = float(params[end] if end in params else before[end])
            if not first < last:
                raise BridgeError(
                    BAD_INPUT,
                    "%s (%s) must lie before %s (%s)" % (start, first, end, last),
                    hint="Give both %s and %s so that the start comes first." % (start, end),
                    field=start if start in params else end,
                )


def plan(params: Props, before: Props) -> List[Tuple[str, Any]]:
    """The (property, value) writes in an order Live accepts, skipping values already set."""
    steps = [(prop, params[prop]) for prop in PLAIN + AUDIO_ONLY if prop in params]
    looping = params.get("looping")
    if looping is True:
        steps.append(("looping", True))
    for start, end in _PAIRS:
        pair = [(prop, params[prop]) for prop in (start, end) if prop in params]
        # Moving right (the new start at or past the current end): the end goes first.
        if start in params and params[start] >= before[end]:
            pair.reverse()
        steps.extend(pair)
    if looping is False:
        steps.append(("looping", False))
    return [(prop, value) for prop, value in steps if value != before[prop]]


def write(clip: Clip, prop: str, value: Any) -> None:
    if prop == "launch_mode":
        value = LAUNCH_MODES.index(value)
    elif prop == "launch_quantization":
        value = LAUNCH_QUANTIZATIONS.index(value)
    elif prop == "warp_mode":
        value = dict(WARP_MODES)[value]
    setattr(clip, prop, value)

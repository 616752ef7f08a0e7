"""Live.Clip.Clip's audio-only settings (a mixin of ClipImpl): gain, pitch, warping, warp mode.
On a MIDI clip each of them raises."""

from __future__ import annotations

from ..core.enums import WarpMode
from ..core.lom import enum_member, reject

# The fake's clip gain display: 0 is -inf dB, then linear in dB from -70 dB to +24 dB at 1.0,
# so that 0 dB lies at 70/94. Plausible, not Live's exact curve (see README).
GAIN_MIN_DB, GAIN_MAX_DB = -70.0, 24.0
GAIN_0DB = -GAIN_MIN_DB / (GAIN_MAX_DB - GAIN_MIN_DB)
# Warp modes an audio clip offers; Rex only for REX files, which the fake does not read.
AUDIO_WARP_MODES = tuple(int(m) for m in WarpMode if m != WarpMode.rex)


def gain_db(gain: float) -> float:
    """The dB of a clip gain on the fake's display curve (-inf at 0)."""
    if gain <= 0.0:
        return float("-inf")
    return GAIN_MIN_DB + (GAIN_MAX_DB - GAIN_MIN_DB) * gain


class ClipAudioMixin:
    # --- audio clips only ---------------------------------------------------------------------
    def _need_audio(self, what: str) -> None:
        if self._midi:
            raise reject(f"{what} is only available for audio clips")

    @property
    def gain(self) -> float:
        self._need_audio("gain")
        return self._gain

    @gain.setter
    def gain(self, value) -> None:
        self._need_audio("gain")
        value = float(value)
        if not 0.0 <= value <= 1.0:
            raise reject(f"Invalid gain {value}: must be within 0..1")
        self._set("_gain", value, "gain")

    @property
    def gain_display_string(self) -> str:
        self._need_audio("gain_display_string")
        db = gain_db(self._gain)
        return "-inf dB" if db == float("-inf") else f"{db:.1f} dB"

    @property
    def pitch_coarse(self) -> int:
        self._need_audio("pitch_coarse")
        return self._pitch_coarse

    @pitch_coarse.setter
    def pitch_coarse(self, value) -> None:
        self._need_audio("pitch_coarse")
        value = int(value)
        if not -48 <= value <= 48:
            raise reject(f"Invalid pitch_coarse {value}: must be within -48..48")
        self._set("_pitch_coarse", value, "pitch_coarse")

    @property
    def pitch_fine(self) -> float:
        self._need_audio("pitch_fine")
        return self._pitch_fine

    @pitch_fine.setter
    def pitch_fine(self, value) -> None:
        self._need_audio("pitch_fine")
        value = float(value)
        if not -500.0 <= value <= 500.0:
            raise reject(f"Invalid pitch_fine {value}: must be within -500..500")
        self._set("_pitch_fine", value, "pitch_fine")

    @property
    def warping(self) -> bool:
        self._need_audio("warping")
        return self._warping

    @warping.setter
    def warping(self, value) -> None:
        self._need_audio("warping")
        self._set("_warping", bool(value), "warping")

    @property
    def warp_mode(self) -> int:
        self._need_audio("warp_mode")
        return self._warp_mode

    @warp_mode.setter
    def warp_mode(self, value) -> None:
        self._need_audio("warp_mode")
        value = enum_member(WarpMode, value, "warp mode")
        if int(value) not in AUDIO_WARP_MODES:
            raise reject(f"Warp mode {value.name} is not available for this clip")
        self._set("_warp_mode", value, "warp_mode")

    @property
    def available_warp_modes(self) -> tuple:
        self._need_audio("available_warp_modes")
        return AUDIO_WARP_MODES

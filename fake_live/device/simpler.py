"""Simpler's sample (Live.Sample.Sample) and Simpler's own playback and warping members.

A Simpler loaded with a sample (a drum kit's pad, a sample from the browser) holds a Sample; one
inserted empty holds none (``sample`` is None), and the calls Live documents as raising "on an empty
simpler" raise. Sample positions are in sample frames. The fake's samples are 2 s at 44.1 kHz under
a made-up library folder, with four transient slices to start with.

Slices, as Live's doc strings give them: ``insert_slice`` adds a point "if there is none" there,
``move_slice`` moves the point at ``old_time`` and returns where it went, ``remove_slice`` removes
the point "if there is one", ``clear_slices`` drops every slice and ``reset_slices`` restores the
detected ones. A position outside the sample is refused.

Warping: ``warp_as(beats)`` warps the region between the markers to that many beats;
``warp_double`` and ``warp_half`` double and halve its tempo (so halve and double its length in
beats). ``guess_playback_length`` answers the region's length in beats (at 120 BPM when unwarped).
"""

from __future__ import annotations

from ..core.enums import PlaybackMode, SlicingPlaybackMode
from ..core.lom import LomObject, enum_member, install_listeners, new, reject
from .device import DeviceImpl

SAMPLE_RATE = 44100.0
SAMPLE_FRAMES = 88200
LIBRARY = "/Users/Shared/Ableton/Samples/"
_GUESS_BPM = 120.0


class SampleImpl(LomObject):
    def _init(self, simpler, file_name: str, length: int = SAMPLE_FRAMES):
        self._setup(simpler)
        self._file_path = LIBRARY + file_name
        self._length = int(length)
        self._start_marker = 0
        self._end_marker = self._length
        self._detected = tuple(self._length * i // 4 for i in range(4))
        self._slices = self._detected
        self._warping = False
        self._warp_mode = 0  # Clip.WarpMode.beats
        self._gain = 0.4  # 0 dB
        self._slicing_style = 0  # transient
        self._slicing_beat_division = 4  # quarter
        self._slicing_region_count = 8
        self._slicing_sensitivity = 0.5
        self._beats_granulation_resolution = 6
        self._beats_transient_envelope = 100.0
        self._beats_transient_loop_mode = 1
        self._complex_pro_envelope = 128.0
        self._complex_pro_formants = 100.0
        self._texture_flux = 0.0
        self._texture_grain_size = 65.0
        self._tones_grain_size = 65.0
        self._warp_beats: float | None = None  # the region's length once warped

    def _copy(self, simpler):
        twin = new(type(self), simpler, self._file_path[len(LIBRARY) :], self._length)
        own = ("_ptr", "_parent", "_removed", "_listener_table")
        for key, value in self.__dict__.items():
            if key not in own:
                twin.__dict__[key] = value
        return twin

    @property
    def file_path(self) -> str:
        return self._file_path

    @property
    def length(self) -> int:
        return self._length

    @property
    def sample_rate(self) -> float:
        return SAMPLE_RATE

    def _frame(self, value, what: str) -> int:
        frame = int(value)
        if not 0 <= frame <= self._length:
            raise reject(f"{what} {frame} is outside the sample (0..{self._length})")
        return frame

    @property
    def start_marker(self) -> int:
        return self._start_marker

    @start_marker.setter
    def start_marker(self, value) -> None:
        frame = self._frame(value, "Start marker")
        if frame >= self._end_marker:
            raise reject("The start marker must lie before the end marker")
        self._set("_start_marker", frame, "start_marker")

    @property
    def end_marker(self) -> int:
        return self._end_marker

    @end_marker.setter
    def end_marker(self, value) -> None:
        frame = self._frame(value, "End marker")
        if frame <= self._start_marker:
            raise reject("The end marker must lie after the start marker")
        self._set("_end_marker", frame, "end_marker")

    # --- slices ---------------------------------------------------------------------------------
    @property
    def slices(self) -> tuple:
        return self._slices

    def _set_slices(self, slices: tuple) -> None:
        before = self._slices
        after = tuple(sorted(slices))
        if after == before:
            return

        def apply(points) -> None:
            self._slices = points
            self._notify("slices")

        self._w.change(lambda: apply(after), lambda: apply(before))

    def insert_slice(self, slice_time) -> None:
        frame = self._frame(slice_time, "Slice time")
        if frame not in self._slices:
            self._set_slices((*self._slices, frame))

    def move_slice(self, old_time, new_time) -> int:
        old = int(old_time)
        if old not in self._slices:
            raise reject(f"There is no slice at {old}")
        new_frame = self._frame(new_time, "Slice time")
        if new_frame != old and new_frame in self._slices:
            raise reject(f"There is already a slice at {new_frame}")
        self._set_slices(tuple(new_frame if s == old else s for s in self._slices))
        return new_frame

    def remove_slice(self, slice_time) -> None:
        frame = int(slice_time)
        if frame in self._slices:
            self._set_slices(tuple(s for s in self._slices if s != frame))

    def clear_slices(self) -> None:
        self._set_slices(())

    def reset_slices(self) -> None:
        self._set_slices(self._detected)

    # --- warping and the rest of the sample's settings ------------------------------------------
    @property
    def warping(self) -> bool:
        return self._warping

    @warping.setter
    def warping(self, value) -> None:
        self._set("_warping", bool(value), "warping")

    @property
    def gain(self) -> float:
        return self._gain

    @gain.setter
    def gain(self, value) -> None:
        value = float(value)
        if not 0.0 <= value <= 1.0:
            raise reject(f"Invalid gain {value}")
        self._set("_gain", value, "gain")

    def gain_display_string(self) -> str:
        return f"{(self._gain - 0.4) * 60:.1f} dB"


def _settable(attr: str, cast):
    def get(self):
        return getattr(self, attr)

    def put(self, value) -> None:
        self._set(attr, cast(value), attr[1:])

    return property(get, put)


for _name, _cast in (
    ("warp_mode", int),
    ("slicing_style", int),
    ("slicing_beat_division", int),
    ("slicing_region_count", int),
    ("slicing_sensitivity", float),
    ("beats_granulation_resolution", int),
    ("beats_transient_envelope", float),
    ("beats_transient_loop_mode", int),
    ("complex_pro_envelope", float),
    ("complex_pro_formants", float),
    ("texture_flux", float),
    ("texture_grain_size", float),
    ("tones_grain_size", float),
):
    setattr(SampleImpl, _name, _settable("_" + _name, _cast))

install_listeners(
    SampleImpl,
    "file_path",
    "start_marker",
    "end_marker",
    "slices",
    "warping",
    "warp_mode",
    "gain",
    "slicing_style",
    "slicing_beat_division",
    "slicing_region_count",
    "slicing_sensitivity",
    "beats_granulation_resolution",
    "beats_transient_envelope",
    "beats_transient_loop_mode",
    "complex_pro_envelope",
    "complex_pro_formants",
    "texture_flux",
    "texture_grain_size",
    "tones_grain_size",
)


class SimplerMixin:
    """SimplerDevice's sample, playback mode and warping (see the module's doc string)."""

    def _init(self, parent, spec, name: str | None = None):
        DeviceImpl._init(self, parent, spec, name)
        self._sample = None  # an empty Simpler; _fill loads a preset's sample
        self._playback_mode = PlaybackMode.classic
        self._slicing_playback_mode = SlicingPlaybackMode.mono
        self._retrigger = False
        self._voices = 1

    def _fill(self, preset) -> None:
        DeviceImpl._fill(self, preset)  # the parameter values
        if preset.sample:
            self._sample = new(self._w.cls["Sample"], self, preset.sample)

    def _copy(self, parent):
        twin = DeviceImpl._copy(self, parent)
        if self._sample is not None:
            twin._sample = self._sample._copy(twin)
        twin._playback_mode = self._playback_mode
        twin._slicing_playback_mode = self._slicing_playback_mode
        twin._retrigger = self._retrigger
        twin._voices = self._voices
        return twin

    @property
    def sample(self):
        return self._sample

    def _loaded(self):
        sample = self.sample
        if sample is None:
            raise reject("Simpler has no sample loaded")
        return sample

    @property
    def playback_mode(self):
        return self._playback_mode

    @playback_mode.setter
    def playback_mode(self, value) -> None:
        mode = enum_member(PlaybackMode, value, "playback mode")
        self._set("_playback_mode", mode, "playback_mode")

    @property
    def slicing_playback_mode(self):
        return self._slicing_playback_mode

    @slicing_playback_mode.setter
    def slicing_playback_mode(self, value) -> None:
        mode = enum_member(SlicingPlaybackMode, value, "slicing playback mode")
        self._set("_slicing_playback_mode", mode, "slicing_playback_mode")

    @property
    def retrigger(self) -> bool:
        return self._retrigger

    @retrigger.setter
    def retrigger(self, value) -> None:
        self._set("_retrigger", bool(value), "retrigger")

    @property
    def voices(self) -> int:
        return self._voices

    @voices.setter
    def voices(self, value) -> None:
        self._set("_voices", int(value), "voices")

    @property
    def multi_sample_mode(self) -> bool:
        return False

    @property
    def can_warp_as(self) -> bool:
        return self.sample is not None

    @property
    def can_warp_double(self) -> bool:
        return self.sample is not None and bool(self.sample._warping)

    @property
    def can_warp_half(self) -> bool:
        return self.sample is not None and bool(self.sample._warping)

    def guess_playback_length(self) -> float:
        sample = self._loaded()
        if sample._warping and sample._warp_beats is not None:
            return sample._warp_beats
        frames = sample._end_marker - sample._start_marker
        return frames / SAMPLE_RATE * _GUESS_BPM / 60.0

    def _warp_to(self, beats: float) -> None:
        sample = self._loaded()
        before = (sample._warping, sample._warp_beats)
        after = (True, float(beats))

        def apply(state) -> None:
            sample._warping, sample._warp_beats = state
            sample._notify("warping")

        self._w.change(lambda: apply(after), lambda: apply(before))

    def warp_as(self, beat_time) -> None:
        beats = float(beat_time)
        if beats <= 0:
            raise reject(f"Invalid length {beats}")
        self._warp_to(beats)

    def warp_double(self) -> None:
        if not self.can_warp_double:
            raise reject("warp_double is not available")
        self._warp_to(self.guess_playback_length() / 2.0)

    def warp_half(self) -> None:
        if not self.can_warp_half:
            raise reject("warp_half is not available")
        self._warp_to(self.guess_playback_length() * 2.0)


install_listeners(
    SimplerMixin,
    "sample",
    "playback_mode",
    "slicing_playback_mode",
    "retrigger",
    "voices",
    "multi_sample_mode",
    "can_warp_as",
    "can_warp_double",
    "can_warp_half",
)


class SimplerDeviceImpl(SimplerMixin, DeviceImpl):
    """Simpler: named after the sample it was loaded with; its sample and playback in the mixin."""

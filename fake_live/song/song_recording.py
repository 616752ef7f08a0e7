"""Live.Song's recording, capture and tempo-by-hand members (a mixin of SongImpl).

The transport switches below are not in Live's undo history (like the metronome): only what a
recording or a capture adds to the Set is, and fake_live.song.recording records those entries.
"""

from __future__ import annotations

import time

from ..core.enums import CaptureDestination, CaptureMode, RecordingQuantization
from ..core.lom import enum_member
from .recording import UNLIMITED

TEMPO_MIN, TEMPO_MAX = 20.0, 999.0  # Song.tempo's range (tap tempo clamps into it)
TAP_RESET_SECONDS = 2.0  # a tap later than this after the previous one starts a new count
TAP_AVERAGE = 4  # tap tempo averages the last few intervals


def switch(name: str, doc: str):
    """A boolean transport switch that only notifies (no undo entry)."""
    attr = "_" + name

    def fget(self) -> bool:
        return getattr(self, attr)

    def fset(self, value) -> None:
        setattr(self, attr, bool(value))
        self._notify(name)

    return property(fget, fset, doc=doc)


class SongRecordingMixin:
    def _init_recording(self) -> None:
        self._punch_in = False
        self._punch_out = False
        self._session_automation_record = False
        self._back_to_arranger = False
        self._nudge_up = False
        self._nudge_down = False
        self._midi_recording_quantization = RecordingQuantization.rec_q_no_q
        self._taps: list[float] = []

    # --- Session record ---------------------------------------------------------------------------
    @property
    def session_record(self) -> bool:
        return self._session_record

    @session_record.setter
    def session_record(self, value) -> None:
        on = bool(value)
        self._w.recorder.switch(on)
        if on:
            self._set_playing(True)
        self._set_session_record(on)

    @property
    def overdub(self) -> bool:
        return self._session_record

    @overdub.setter
    def overdub(self, value) -> None:
        # Live: "Now hooks to session record, but never starts playback."
        self._w.recorder.switch(bool(value))
        self._set_session_record(bool(value))

    def _set_session_record(self, on: bool) -> None:
        if on != self._session_record:
            self._session_record = on
            self._notify("session_record")

    def trigger_session_record(self, record_length=UNLIMITED) -> None:
        self._w.recorder.trigger(record_length)

    @property
    def session_record_status(self) -> int:
        return self._w.recorder.status

    @property
    def count_in_duration(self) -> int:
        return 0  # Preferences' count-in (None); Live offers no setter

    punch_in = switch("punch_in", "Enable recording when playback reaches the loop start.")
    punch_out = switch("punch_out", "Disable recording when playback reaches the loop end.")
    session_automation_record = switch("session_automation_record", "Automation Arm.")
    nudge_up = switch("nudge_up", "The nudge up button is held.")
    nudge_down = switch("nudge_down", "The nudge down button is held.")

    @property
    def back_to_arranger(self) -> bool:
        """Lit while Session clips override the Arrangement on some track (Live's button)."""
        return self._back_to_arranger

    @back_to_arranger.setter
    def back_to_arranger(self, value) -> None:
        if not value:  # Live: "Setting a value 0 will go back to the Arranger playback."
            for track in self._tracks:
                track._back_to_arrangement()
        self._back_to_arranger = bool(value)
        self._notify("back_to_arranger")

    def _light_back_to_arranger(self) -> None:
        if not self._back_to_arranger:
            self._back_to_arranger = True
            self._notify("back_to_arranger")

    @property
    def midi_recording_quantization(self):
        return self._midi_recording_quantization

    @midi_recording_quantization.setter
    def midi_recording_quantization(self, value) -> None:
        self._midi_recording_quantization = enum_member(
            RecordingQuantization, value, "recording quantization"
        )
        self._notify("midi_recording_quantization")

    # --- automation --------------------------------------------------------------------------------
    @property
    def re_enable_automation_enabled(self) -> bool:
        return False  # the fake never overrides an automated parameter

    def re_enable_automation(self) -> None:
        pass  # nothing is overridden, so nothing to discard

    # --- capture -----------------------------------------------------------------------------------
    @property
    def can_capture_midi(self) -> bool:
        return self._w.recorder.can_capture()

    def capture_midi(self, Destination=CaptureDestination.auto) -> None:  # Live's keyword name
        destination = enum_member(CaptureDestination, Destination, "capture destination")
        if destination == CaptureDestination.auto:  # the fake has no visible view: the Session
            destination = CaptureDestination.session
        self._w.recorder.capture(destination)

    def capture_and_insert_scene(self, CaptureMode=CaptureMode.all) -> None:  # Live's keyword
        self._w.recorder.capture_scene()

    # --- tempo by hand -------------------------------------------------------------------------------
    def tap_tempo(self) -> None:
        now = time.monotonic()
        if self._taps and now - self._taps[-1] > TAP_RESET_SECONDS:
            self._taps = []
        self._taps = [*self._taps, now][-(TAP_AVERAGE + 1) :]
        if len(self._taps) < 2:
            return
        interval = (self._taps[-1] - self._taps[0]) / (len(self._taps) - 1)
        if interval > 0:
            self.tempo = min(max(60.0 / interval, TEMPO_MIN), TEMPO_MAX)

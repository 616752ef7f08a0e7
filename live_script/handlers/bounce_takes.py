"""How a bounce records onto its temporary track (live_script/handlers/bounce.py runs them).

* `ArrangementTake`: Arrangement record from `start` for `length` beats with the loop off; the take
  becomes the temporary track's Arrangement clip. What plays is the Arrangement, so every other
  armed track is disarmed for the take (it would record into the Set otherwise).
* `SessionTake`: the temporary track's clip slot records `length` beats
  (`ClipSlot.fire(record_length, launch_quantization)`), starting on the next bar; the take is the
  clip it leaves there. Fired after a scene (its launch is what plays), or over whatever already
  plays. Other armed tracks stay armed: a Session slot records alone, and an armed track may be
  sounding its input.

Each take says which states it touches (`save`/`settle`), how to end the recording (`halt`), and
whether it still runs (`running`, raising when the transport stopped under it).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Optional

from ..errors import rejected

if TYPE_CHECKING:
    from Live.ClipSlot import ClipSlot
    from Live.Scene import Scene
    from Live.Song import Song
    from Live.Track import Track

Q_BAR = 4  # Live.Song.Quantization.q_bar: a Session take starts on the next bar
# A fired slot is triggered (waiting for the bar) or recording; neither for this long: it failed.
START_SECONDS = 2.0
Step = Callable[[], None]


def _stopped_early() -> Exception:
    return rejected(
        "the transport stopped before the take ended; nothing was bounced",
        hint="Leave the transport running during a bounce, then call again.",
    )


class ArrangementTake(object):
    disarms_others = True
    start_wait = 0.0  # seconds the take may wait to begin: none, it starts with the transport

    def __init__(self, start: float, length: float) -> None:
        self.start = start
        self.length = length

    def save(self, song: Song) -> Dict[str, Any]:
        return {
            "song_time": float(song.current_song_time),
            "loop": bool(song.loop),
            "record_mode": bool(song.record_mode),
        }

    def begin(self, song: Song, temp: Track) -> None:
        song.loop = False
        song.current_song_time = self.start
        song.record_mode = True
        song.start_playing()

    def began_at(self) -> Optional[float]:
        return self.start

    def running(self, song: Song) -> bool:
        end = self.start + self.length
        if song.current_song_time >= end:
            return False
        if not song.is_playing:
            raise _stopped_early()
        return True

    def halt(self, song: Song, saved: Dict[str, Any]) -> List[Step]:
        return [song.stop_playing, lambda: setattr(song, "record_mode", saved["record_mode"])]

    def settle(self, song: Song, saved: Dict[str, Any]) -> List[Step]:
        return [
            lambda: setattr(song, "loop", saved["loop"]),
            lambda: setattr(song, "current_song_time", saved["song_time"]),
        ]

    def clip(self, temp: Track) -> Any:
        for clip in temp.arrangement_clips:
            if clip.is_audio_clip and clip.file_path:
                return clip
        return None


class SessionTake(object):
    disarms_others = False
    start_wait = 15.0  # up to a bar for the launch quantization: at 20 BPM in 4/4, 12 s

    def __init__(self, length: float, scene: Optional[Scene], index: int) -> None:
        self.length = length
        self.scene = scene
        self.index = index  # the temporary track's slot that records (the scene's row)
        self.slot: Optional[ClipSlot] = None
        self.began: Optional[float] = None  # song time the recording was first seen running
        self.fired = 0.0

    def save(self, song: Song) -> Dict[str, Any]:
        if self.scene is None:
            return {}  # over what plays: nothing but the temporary track is touched
        return {
            "song_time": float(song.current_song_time),
            "back_to_arranger": bool(song.back_to_arranger),
            "tempo": float(song.tempo),
            "signature": (int(song.signature_numerator), int(song.signature_denominator)),
        }

    def begin(self, song: Song, temp: Track) -> None:
        slot = self.slot = temp.clip_slots[self.index]
        slot.has_stop_button = False  # the scene's launch then leaves the temporary track alone
        if self.scene is not None:
            self.scene.fire(False, False)  # not legato; the selected scene stays as it is
        slot.fire(self.length, Q_BAR)
        self.fired = time.monotonic()

    def began_at(self) -> Optional[float]:
        return self.began

    def running(self, song: Song) -> bool:
        slot = self.slot
        assert slot is not None
        if slot.is_recording:
            if self.began is None:
                self.began = float(song.current_song_time)
        elif slot.has_clip:  # the take ended: Live refires it once its length is recorded
            now = float(song.current_song_time)
            if self.began is None:
                self.began = now - self.length
            if not song.is_playing and now - self.began < self.length:
                raise _stopped_early()  # Live kept the part recorded before the stop
            return False
        elif not slot.is_triggered and time.monotonic() - self.fired > START_SECONDS:
            raise rejected("Live started no recording on the temporary track")
        if not song.is_playing:
            raise _stopped_early()
        return True

    def halt(self, song: Song, saved: Dict[str, Any]) -> List[Step]:
        steps: List[Step] = []
        if self.slot is not None:
            steps.append(self.slot.stop)  # ends a take still recording; silences the refired one
        if self.scene is not None:
            steps += [song.stop_playing, lambda: song.stop_all_clips(False)]
        return steps

    def settle(self, song: Song, saved: Dict[str, Any]) -> List[Step]:
        if self.scene is None:
            return []
        return [
            lambda: _put(song, "tempo", saved["tempo"]),
            lambda: _put(song, "signature_numerator", saved["signature"][0]),
            lambda: _put(song, "signature_denominator", saved["signature"][1]),
            lambda: _put(song, "back_to_arranger", saved["back_to_arranger"]),
            lambda: setattr(song, "current_song_time", saved["song_time"]),
        ]

    def clip(self, temp: Track) -> Any:
        slot = self.slot
        if slot is None or not slot.has_clip or slot.is_recording:
            return None
        clip = slot.clip
        return clip if clip.is_audio_clip and clip.file_path else None


def _put(song: Song, name: str, value: Any) -> None:
    """Set only what changed: Live keeps an undo entry for tempo and signature changes."""
    if getattr(song, name) != value:
        setattr(song, name, value)


def scene_length(scene: Scene) -> float:
    """The longest clip of a scene in beats (Clip.length: its loop when it loops): one full pass
    of the scene."""
    return max((float(slot.clip.length) for slot in scene.clip_slots if slot.has_clip), default=0.0)

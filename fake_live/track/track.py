"""Live.Track.Track (MIDI, audio, return and main tracks) and Live.Track.Track.View.

Mixins hold the rest: routing in track_routing.py, Arrangement clips in track_arrangement.py,
meters in meters.py, take lanes in take_lane.py, the device chain in
fake_live.device.device_chain."""

from __future__ import annotations

from typing import ClassVar

from ..core import palette
from ..core.enums import DeviceInsertMode, DeviceType, MonitoringStates
from ..core.lom import LomObject, install_listeners, new, reject
from ..device.device_chain import DeviceChainMixin
from .meters import TrackMetersMixin
from .take_lane import TakeLanesMixin
from .track_arrangement import TrackArrangementMixin
from .track_routing import TrackRoutingMixin


class TrackViewImpl(LomObject):
    def _init(self, track):
        self._setup(track)
        self._selected_device = None
        self._device_insert_mode = DeviceInsertMode.default
        self._is_collapsed = False

    @property
    def selected_device(self):
        dev = self._selected_device
        if dev is not None and dev in self._parent._devices:
            return dev
        return self._parent._devices[0] if self._parent._devices else None

    @property
    def device_insert_mode(self):
        return self._device_insert_mode

    @device_insert_mode.setter
    def device_insert_mode(self, value) -> None:
        self._device_insert_mode = DeviceInsertMode(int(value))
        self._notify("device_insert_mode")

    @property
    def is_collapsed(self) -> bool:
        return self._is_collapsed

    @is_collapsed.setter
    def is_collapsed(self, value) -> None:
        self._is_collapsed = bool(value)
        self._notify("is_collapsed")

    def select_instrument(self) -> bool:
        for dev in self._parent._devices:
            if dev._spec.kind == DeviceType.instrument:
                self._selected_device = dev
                self._notify("selected_device")
                return True
        return False


install_listeners(TrackViewImpl, "selected_device", "device_insert_mode", "is_collapsed")


class TrackImpl(
    DeviceChainMixin,
    TrackRoutingMixin,
    TrackArrangementMixin,
    TrackMetersMixin,
    TakeLanesMixin,
    LomObject,
):
    """A track; its device chain (devices, insert/delete/duplicate) is DeviceChainMixin's."""

    # insert_device and duplicate_device are gated by DeviceChainMixin (merged along the MRO).
    _SINCE: ClassVar[dict[str, str]] = {
        "performance_impact": "11.1.0",
    }

    monitoring_states = MonitoringStates

    def _init(self, song, kind: str, name: str, scene_count: int, send_count: int):
        """kind: 'midi', 'audio', 'group', 'return' or 'master'."""
        self._setup(song)
        self._kind = kind
        self._name = name
        self._mute = False
        self._solo = False
        self._arm = False
        self._color_index = 0
        self._group = None  # the group track this one is folded into, if any
        self._fold_state = False
        self._monitoring = MonitoringStates.AUTO
        self._input_routing = None  # (routing key, channel name); None: Live's default
        self._output_routing = None
        playable = kind in ("midi", "audio", "group")  # a group's slots are "group slots"
        slot_cls = self._w.cls["ClipSlot"]
        self._clip_slots = (
            tuple(new(slot_cls, self) for _ in range(scene_count)) if playable else ()
        )
        self._arrangement_clips: tuple = ()
        self._arrangement_overridden = False  # Session overrides the Arrangement (Live's button)
        self._init_take_lanes()
        self._devices: tuple = ()
        self._mixer = new(self._w.cls["MixerDevice"], self, send_count)
        self._view = new(self._w.cls["Track.View"], self)
        self._data: dict = {}

    # --- kind -----------------------------------------------------------------------------------
    @property
    def has_midi_input(self) -> bool:
        return self._kind == "midi"

    @property
    def has_audio_input(self) -> bool:
        return self._kind == "audio"

    @property
    def has_audio_output(self) -> bool:
        return self._kind != "midi" or self._instrument() is not None

    @property
    def has_midi_output(self) -> bool:
        return self._kind == "midi" and self._instrument() is None

    @property
    def can_be_armed(self) -> bool:
        return self._kind in ("midi", "audio")

    @property
    def is_foldable(self) -> bool:
        return self._kind == "group"

    @property
    def is_grouped(self) -> bool:
        return self._group is not None

    @property
    def group_track(self):
        return self._group

    @property
    def is_visible(self) -> bool:
        group = self._group
        while group is not None:
            if group._fold_state:
                return False
            group = group._group
        return True

    @property
    def fold_state(self) -> bool:
        self._need_group()
        return self._fold_state

    @fold_state.setter
    def fold_state(self, value) -> None:
        self._need_group()
        # Folding is view state: Live keeps it out of the undo history (see README).
        self._fold_state = bool(value)
        self._notify("fold_state")

    def _need_group(self) -> None:
        if self._kind != "group":
            raise reject("fold_state is only available for group tracks (is_foldable)")

    def _members(self) -> tuple:
        """The tracks inside this group, nested groups' tracks too, in Set order."""
        out = []
        for track in self._parent._tracks:
            group = track._group
            while group is not None and group is not self:
                group = group._group
            if group is self:
                out.append(track)
        return tuple(out)

    @property
    def is_frozen(self) -> bool:
        return False

    @property
    def can_be_frozen(self) -> bool:
        return self._kind in ("midi", "audio")

    @property
    def is_part_of_selection(self) -> bool:
        return self._w.song.view.selected_track is self

    @property
    def performance_impact(self) -> float:
        return 0.0

    # --- mixer state ----------------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self._name

    @name.setter
    def name(self, value) -> None:
        self._set("_name", str(value), "name")

    color = palette.color

    @property
    def color_index(self) -> int:
        return self._color_index

    @color_index.setter
    def color_index(self, value) -> None:
        self._set("_color_index", palette.checked(value), "color_index")

    @property
    def mute(self) -> bool:
        return self._mute

    @mute.setter
    def mute(self, value) -> None:
        if self._kind == "master":
            raise reject("The Main track cannot be muted")
        self._set("_mute", bool(value), "mute")

    @property
    def solo(self) -> bool:
        return self._solo

    @solo.setter
    def solo(self, value) -> None:
        if self._kind == "master":
            raise reject("The Main track cannot be soloed")
        self._set("_solo", bool(value), "solo")

    @property
    def arm(self) -> bool:
        return self._arm

    @arm.setter
    def arm(self, value) -> None:
        if not self.can_be_armed:
            raise reject("This track cannot be armed")
        self._set("_arm", bool(value), "arm")

    @property
    def current_monitoring_state(self) -> int:
        self._need_monitoring()
        return self._monitoring

    @current_monitoring_state.setter
    def current_monitoring_state(self, value) -> None:
        self._need_monitoring()
        value = int(value)
        if value not in tuple(MonitoringStates):
            raise reject(f"Invalid monitoring state {value}: must be 0 (In), 1 (Auto) or 2 (Off)")
        self._set("_monitoring", MonitoringStates(value), "current_monitoring_state")

    def _need_monitoring(self) -> None:
        if not self.can_be_armed:
            raise reject("Group, return and Main tracks have no monitoring state")

    @property
    def muted_via_solo(self) -> bool:
        if self._kind == "master" or self._solo:
            return False
        song = self._parent
        return any(t._solo for t in song._tracks + song._return_tracks)

    @property
    def mixer_device(self):
        return self._mixer

    @property
    def view(self):
        return self._view

    # --- clips ----------------------------------------------------------------------------------
    @property
    def clip_slots(self) -> tuple:
        return self._clip_slots

    @property
    def arrangement_clips(self) -> tuple:
        return self._arrangement_clips

    @property
    def playing_slot_index(self) -> int:
        for i, slot in enumerate(self._clip_slots):
            if slot._clip is not None and slot._clip._playing:
                return i
        return -1

    @property
    def fired_slot_index(self) -> int:
        return -1

    def duplicate_clip_slot(self, index) -> int:
        index = int(index)
        if not 0 <= index < len(self._clip_slots):
            raise reject(f"Clip slot index {index} out of range")
        source = self._clip_slots[index]
        if source._clip is None:
            raise reject("Cannot duplicate an empty clip slot")
        with self._w.undo.step():  # a new scene and the copy are one action
            free = [
                i
                for i in range(index + 1, len(self._clip_slots))
                if not self._clip_slots[i].has_clip
            ]
            if free:
                dest = free[0]
            else:
                dest = index + 1
                self._parent.create_scene(dest)
            source.duplicate_clip_to(self._clip_slots[dest])
        return dest

    def stop_all_clips(self, Quantized=True) -> None:  # Live's keyword name(s)
        for slot in self._clip_slots:
            slot.stop()

    # --- duplication (Song.duplicate_track) -----------------------------------------------------
    def _duplicate(self):
        """A copy of this track for Song.duplicate_track: settings, devices and their values,
        mixer values, Session clips and Arrangement clips. The caller inserts it."""
        song = self._parent
        copy = new(
            type(self), song, self._kind, self._name, len(song._scenes), len(self._mixer._sends)
        )
        for attr in ("_mute", "_solo", "_color_index", "_fold_state", "_monitoring"):
            setattr(copy, attr, getattr(self, attr))
        copy._input_routing, copy._output_routing = self._input_routing, self._output_routing
        copy._devices = tuple(device._copy(copy) for device in self._devices)
        copy._mixer._copy_values_from(self._mixer)
        for slot, source in zip(copy._clip_slots, self._clip_slots, strict=True):
            if source._clip is not None:
                slot._clip = source._clip._copy_for(slot)
        copy._arrangement_clips = tuple(
            clip._copy_for(copy, at=clip._arrangement_start) for clip in self._arrangement_clips
        )
        return copy

    # --- persistent script data -----------------------------------------------------------------
    def get_data(self, key, default_value):
        return self._data.get(key, default_value)

    def set_data(self, key, value) -> None:
        self._data[key] = value


install_listeners(TrackImpl, "name", "color_index", "mute", "solo", "arm", "muted_via_solo")
install_listeners(TrackImpl, "current_monitoring_state", "input_routing_type")
install_listeners(TrackImpl, "input_routing_channel", "output_routing_type")
install_listeners(TrackImpl, "output_routing_channel", "available_input_routing_types")
install_listeners(TrackImpl, "available_input_routing_channels", "available_output_routing_types")
install_listeners(TrackImpl, "available_output_routing_channels")
install_listeners(TrackImpl, "devices", "clip_slots", "arrangement_clips", "playing_slot_index")
install_listeners(TrackImpl, "fired_slot_index", "performance_impact")

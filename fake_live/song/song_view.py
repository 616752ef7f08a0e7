"""Live.Song.Song.View: the selected track and scene, the detail clip and the selected device."""

from __future__ import annotations

from ..core.lom import LomObject, install_listeners, reject


class SongViewImpl(LomObject):
    def _init(self, song):
        self._setup(song)
        self._selected_track = None
        self._selected_scene = None
        self._detail_clip = None

    def _all_tracks(self) -> tuple:
        song = self._parent
        return (*song._tracks, *song._return_tracks, song._master)

    @property
    def selected_track(self):
        # A selection that was deleted (or undone away) falls back to the first track, as Live does.
        track = self._selected_track
        if track is None or track not in self._all_tracks():
            return self._parent._tracks[0]
        return track

    @selected_track.setter
    def selected_track(self, track) -> None:
        if track not in self._all_tracks():
            raise reject("selected_track must be a track of this Live Set")
        self._selected_track = track
        self._notify("selected_track")

    @property
    def selected_scene(self):
        scene = self._selected_scene
        if scene is None or scene not in self._parent._scenes:
            return self._parent._scenes[0]
        return scene

    @selected_scene.setter
    def selected_scene(self, scene) -> None:
        if scene not in self._parent._scenes:
            raise reject("selected_scene must be a scene of this Live Set")
        self._selected_scene = scene
        self._notify("selected_scene")

    @property
    def highlighted_clip_slot(self):
        track = self.selected_track
        if not track._clip_slots:
            return None  # Live: None for Main and return tracks
        return track._clip_slots[self._parent._scenes.index(self.selected_scene)]

    @property
    def detail_clip(self):
        clip = self._detail_clip
        return clip if clip is not None and clip._is_alive() else None

    @detail_clip.setter
    def detail_clip(self, clip) -> None:
        self._detail_clip = clip
        self._notify("detail_clip")

    def select_device(self, device, ShouldAppointDevice=True) -> None:  # Live's keyword name
        track = device._parent
        while not hasattr(track, "_view"):  # a device in a rack's chain: its track's view
            track = track._parent._parent
        track._view._selected_device = device
        track._view._notify("selected_device")
        self.selected_track = track
        if ShouldAppointDevice:
            self._parent._appointed_device = device
            self._parent._notify("appointed_device")


install_listeners(SongViewImpl, "selected_track", "selected_scene", "detail_clip")

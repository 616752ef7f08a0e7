"""Live.Song's tracks (a mixin of SongImpl): creating, deleting, duplicating and grouping tracks,
and the return tracks with every track's sends to them."""

from __future__ import annotations

from ..core.lom import LimitationError, reject

MAX_RETURN_TRACKS = 12  # Live's limit: sends are lettered A..L


class SongTracksMixin:
    # --- tracks ---------------------------------------------------------------------------------
    def _insert_index(self, index) -> int:
        if index is None:
            # Live: "the track is created after the last selected item".
            selected = self._view.selected_track
            if selected in self._tracks:
                return self._tracks.index(selected) + 1
            return len(self._tracks)
        index = int(index)
        if index == -1:
            return len(self._tracks)
        if not 0 <= index <= len(self._tracks):
            raise reject(f"Track index {index} out of range")
        return index

    def create_midi_track(self, Index=None):  # Live's keyword name(s)
        return self._create_track("midi", Index)

    def create_audio_track(self, Index=None):  # Live's keyword name(s)
        return self._create_track("audio", Index)

    def _create_track(self, kind: str, index):
        limit = self._w.track_limit
        if limit is not None and len(self._tracks) >= limit:
            raise LimitationError(
                f"Live {self._w.edition} allows at most {limit} audio and MIDI tracks"
            )
        pos = self._insert_index(index)
        label = "MIDI" if kind == "midi" else "Audio"
        track = self._new_track(kind, f"{pos + 1}-{label}")
        before = self._tracks
        after = (*before[:pos], track, *before[pos:])
        self._w.change(
            lambda: self._set_tracks(after, track, alive=True),
            lambda: self._set_tracks(before, track, alive=False),
        )
        self._view.selected_track = track  # Live selects a newly created track
        return track

    def delete_track(self, index) -> None:
        index = int(index)
        if not 0 <= index < len(self._tracks):
            raise reject(f"Track index {index} out of range")
        track = self._tracks[index]
        gone = (track, *track._members())  # a group goes with its tracks
        rest = tuple(t for t in self._tracks if t not in gone)  # a group goes with its tracks
        if not any(t._kind in ("midi", "audio") for t in rest):
            raise reject("A Live Set needs at least one audio or MIDI track")
        before = self._tracks
        self._w.change(
            lambda: self._set_track_list(rest, gone, alive=False),
            lambda: self._set_track_list(before, gone, alive=True),
        )

    def duplicate_track(self, index) -> None:
        index = int(index)
        if not 0 <= index < len(self._tracks):
            raise reject(f"Track index {index} out of range")
        source = self._tracks[index]
        span = (source, *source._members())
        copies = {track: track._duplicate() for track in span}
        for track, copy in copies.items():
            copy._group = copies.get(track._group, track._group)  # a copied group holds copies
        end = self._tracks.index(span[-1]) + 1
        before = self._tracks
        after = (*before[:end], *(copies[t] for t in span), *before[end:])
        added = tuple(copies.values())
        self._w.change(
            lambda: self._set_track_list(after, added, alive=True),
            lambda: self._set_track_list(before, added, alive=False),
        )
        group = source._group
        while group is not None:  # Live: "If the track is inside a folded group track, the
            group._fold_state = False  # group track is unfolded."
            group = group._group
        self._view.selected_track = copies[source]  # "... and selects the new one"

    def _set_tracks(self, tracks: tuple, track, alive: bool) -> None:
        self._set_track_list(tracks, (track,), alive)

    def _set_track_list(self, tracks: tuple, changed: tuple, alive: bool) -> None:
        self._tracks = tracks
        for track in changed:
            track._removed = not alive
        self._notify("tracks")
        self._notify("visible_tracks")

    def _group_tracks(self, first: int, last: int, name: str = "Group"):
        """Group tracks first..last under a new group track, as Cmd-G does in Live. Live's API
        cannot create group tracks; the fake offers this for tests and Sets that need one."""
        members = self._tracks[first : last + 1]
        group = self._new_track("group", name)
        group._group = members[0]._group
        inner = tuple(t for t in members if t._group is group._group)
        before, after = self._tracks, (*self._tracks[:first], group, *self._tracks[first:])

        def forward() -> None:
            self._set_track_list(after, (group,), alive=True)
            for track in inner:
                track._group = group

        def backward() -> None:
            for track in inner:
                track._group = group._group
            self._set_track_list(before, (group,), alive=False)

        self._w.change(forward, backward)
        return group

    def create_return_track(self):
        return self._create_return_track(None)

    def _create_return_track(self, name: str | None):
        """create_return_track, naming the track (the demo Set's returns have names)."""
        if len(self._return_tracks) >= MAX_RETURN_TRACKS:
            raise reject(f"A Live Set can have at most {MAX_RETURN_TRACKS} return tracks")
        letter = chr(ord("A") + len(self._return_tracks))
        track = self._new_track("return", name or f"{letter}-Return")
        before = self._return_tracks
        after = (*before, track)
        # Every track but the Main one gets a send to the new return (the new one included).
        mixers = [t._mixer for t in (*self._tracks, *after)]
        sends_before = {m: m._sends for m in mixers}
        added = {m: m._new_send(len(after) - 1) for m in mixers}
        sends_after = {m: (*sends_before[m][: len(before)], added[m]) for m in mixers}
        self._w.change(
            lambda: self._set_returns(after, sends_after, track, alive=True),
            lambda: self._set_returns(before, sends_before, track, alive=False),
        )
        return track

    def delete_return_track(self, index) -> None:
        index = int(index)
        if not 0 <= index < len(self._return_tracks):
            raise reject(f"Return track index {index} out of range")
        track = self._return_tracks[index]
        before = self._return_tracks
        after = before[:index] + before[index + 1 :]
        mixers = [t._mixer for t in (*self._tracks, *after)]
        sends_before = {m: m._sends for m in mixers}
        sends_after = {m: m._sends[:index] + m._sends[index + 1 :] for m in mixers}
        self._w.change(
            lambda: self._set_returns(after, sends_after, track, alive=False),
            lambda: self._set_returns(before, sends_before, track, alive=True),
        )

    def _set_returns(self, returns: tuple, sends: dict, track, alive: bool) -> None:
        self._return_tracks = returns
        track._removed = not alive
        for mixer, mixer_sends in sends.items():
            mixer._set_sends(mixer_sends)
        self._notify("return_tracks")

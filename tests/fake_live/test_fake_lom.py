"""LomObject basics: ids, parents, construction, deletion."""

from __future__ import annotations

import pytest
from fake_live_fixtures import live_fixture, song_fixture  # noqa: F401 - fixtures


def _walk(song):
    for track in (*song.tracks, *song.return_tracks, song.master_track):
        yield track
        yield track.view
        yield track.mixer_device
        yield track.mixer_device.volume
        for device in track.devices:
            yield device
            yield from device.parameters
        for slot in track.clip_slots:
            yield slot
            if slot.has_clip:
                yield slot.clip
        yield from track.arrangement_clips
    yield from song.scenes
    yield song.view


def test_live_ptr_is_unique_and_stable(song):
    objects = list(_walk(song))
    ptrs = [o._live_ptr for o in objects]
    assert len(set(ptrs)) == len(ptrs)
    song.create_midi_track(0)  # shifting indices must not change any existing pointer
    assert [o._live_ptr for o in objects] == ptrs


def test_canonical_parents(song, live):
    track = song.tracks[0]
    slot = track.clip_slots[0]
    device = track.devices[0]
    assert song.canonical_parent is None
    assert track.canonical_parent is song
    assert slot.canonical_parent is track
    assert slot.clip.canonical_parent is slot
    assert song.tracks[2].arrangement_clips[0].canonical_parent is song.tracks[2]
    assert device.canonical_parent is track
    assert device.parameters[0].canonical_parent is device
    assert track.mixer_device.canonical_parent is track
    assert track.mixer_device.volume.canonical_parent is track.mixer_device
    assert song.scenes[0].canonical_parent is song
    assert song.view.canonical_parent is song
    assert live.Application.get_application().canonical_parent is None


def test_lom_classes_cannot_be_instantiated_from_python(live):
    for cls in (live.Song.Song, live.Track.Track, live.Clip.Clip, live.Clip.MidiNote):
        with pytest.raises(RuntimeError):
            cls()


def test_a_deleted_object_equals_none_and_refuses_access(song):
    track = song.tracks[1]
    slot = track.clip_slots[0]
    clip = slot.clip
    song.delete_track(1)
    assert track == None  # noqa: E711 - Live's liveness idiom is `obj != None`
    assert clip == None  # noqa: E711 - children of a deleted track are gone too
    with pytest.raises(RuntimeError):
        _ = track.name
    with pytest.raises(RuntimeError):
        _ = clip.length
    assert song.tracks[1] != None  # noqa: E711
    song.undo()
    assert track != None and track.name == "Bass"  # noqa: E711


def test_objects_are_hashable_and_compare_by_identity(song):
    a, b = song.tracks[0], song.tracks[1]
    assert a == song.tracks[0] and a != b
    assert len({a, b, song.tracks[0]}) == 2


def test_listeners_fire_and_refuse_duplicates(song):
    calls = []

    def on_tempo():
        calls.append(song.tempo)

    song.add_tempo_listener(on_tempo)
    assert song.tempo_has_listener(on_tempo)
    with pytest.raises(RuntimeError):
        song.add_tempo_listener(on_tempo)
    song.tempo = 128
    song.undo()
    song.remove_tempo_listener(on_tempo)
    song.tempo = 90
    assert calls == [128.0, 120.0]
    with pytest.raises(RuntimeError):
        song.remove_tempo_listener(on_tempo)


def test_track_list_listener(song):
    calls = []
    song.add_tracks_listener(lambda: calls.append(len(song.tracks)))
    song.create_audio_track(-1)
    song.delete_track(0)
    assert calls == [4, 3]


def test_base_log_is_recorded(live):
    live.Base.log("hello")
    assert live._world.log == ["hello"]

"""The demo Set and the default Set a fresh fake Live opens with."""

from __future__ import annotations

from fake_live_fixtures import live_fixture, song_fixture  # noqa: F401 - fixtures

import fake_live


def test_song_settings(song):
    assert song.tempo == 120.0
    assert (song.signature_numerator, song.signature_denominator) == (4, 4)
    assert (song.root_note, song.scale_name) == (0, "Major")
    assert not song.is_playing
    assert len(song.scenes) == 8
    assert [t.name for t in song.return_tracks] == ["A-Reverb", "B-Delay"]
    assert [t.name for t in song.tracks] == ["Drums", "Bass", "Keys"]
    assert all(t.has_midi_input for t in song.tracks)


def test_drums(song):
    drums = song.tracks[0]
    rack = drums.devices[0]
    assert (rack.name, rack.class_name) == ("Drum Rack", "DrumGroupDevice")
    beat = drums.clip_slots[0].clip
    assert (beat.name, beat.length, beat.looping, beat.loop_start, beat.loop_end) == (
        "Beat",
        4.0,
        True,
        0.0,
        4.0,
    )
    notes = beat.get_notes_extended(0, 128, 0.0, 4.0)
    assert len(notes) == 8
    first = notes[0]
    assert (first.pitch, first.start_time, first.duration, first.velocity) == (36, 0.0, 0.25, 110.0)
    assert not any(slot.has_clip for slot in drums.clip_slots[1:])


def test_bass(song):
    bass = song.tracks[1]
    operator = bass.devices[0]
    assert operator.name == "Operator"
    on, freq = operator.parameters[0], operator.parameters[1]
    assert (on.name, on.is_quantized, on.min, on.max) == ("Device On", True, 0.0, 1.0)
    assert (freq.name, freq.min, freq.max, freq.value) == ("Filter Freq", 0.0, 1.0, 1.0)
    assert bass.clip_slots[0].clip.name == "Bassline"


def test_keys(song):
    keys = song.tracks[2]
    assert [d.name for d in keys.devices] == ["Electric"]
    (clip,) = keys.arrangement_clips
    assert clip.is_arrangement_clip and clip.start_time == 0.0
    assert not any(slot.has_clip for slot in keys.clip_slots)


def test_every_track_has_a_mixer(song):
    for track in (*song.tracks, *song.return_tracks, song.master_track):
        mixer = track.mixer_device
        assert mixer.volume.name and mixer.panning.name
        assert mixer.volume.canonical_parent is mixer


def test_application(live, song):
    app = live.Application.get_application()
    assert app is live.Application.get_application()
    assert app.get_document() is song
    assert app.browser is app.browser
    assert app.get_variant() == "Suite"


def test_default_set():
    song = fake_live.make_live(demo=False).Application.get_application().get_document()
    assert [t.name for t in song.tracks] == ["1-MIDI", "2-MIDI", "3-Audio", "4-Audio"]
    assert [t.has_audio_input for t in song.tracks] == [False, False, True, True]
    assert len(song.scenes) == 8 and len(song.return_tracks) == 2
    assert not any(slot.has_clip for t in song.tracks for slot in t.clip_slots)
    assert not song.can_undo

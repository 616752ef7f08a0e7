"""Version selection: gated members are absent, instances of different versions coexist."""

from __future__ import annotations

import sys

import pytest

import fake_live


def test_application_reports_the_emulated_version():
    live = fake_live.make_live("11.3.25")
    app = live.Application.get_application()
    assert (app.get_major_version(), app.get_minor_version(), app.get_bugfix_version()) == (
        11,
        3,
        25,
    )
    assert app.get_version_string() == "11.3.25"
    assert live._version == "11.3.25"


@pytest.mark.parametrize(
    ("owner", "member", "first"),
    [
        ("Track.Track", "insert_device", "12.3.0"),
        ("Track.Track", "create_midi_clip", "12.2.0"),
        ("Clip.Clip", "get_all_notes_extended", "11.1.0"),
        ("Application.Application", "get_version_string", "11.3.2"),
        ("Application.Application", "get_build_id", "12.0.0"),
        ("Song.Song", "scale_mode", "12.0.5"),
    ],
)
def test_members_newer_than_the_version_are_absent(owner, member, first):
    older = fake_live.make_live("11.0.0")
    newer = fake_live.make_live(first)
    mod, cls = owner.split(".")
    old_cls = getattr(getattr(older, mod), cls)
    assert not hasattr(old_cls, member)
    assert hasattr(getattr(getattr(newer, mod), cls), member)


def test_absent_members_raise_attribute_error_on_instances():
    song = fake_live.make_live("11.0.0").Application.get_application().get_document()
    track = song.tracks[0]
    clip = track.clip_slots[0].clip
    assert not hasattr(track, "insert_device")
    with pytest.raises(AttributeError):
        track.create_midi_clip(0.0, 4.0)
    with pytest.raises(AttributeError):
        clip.get_all_notes_extended()
    assert len(clip.get_notes_extended(0, 128, 0.0, 4.0)) == 8  # the 11.0 notes API is there


def test_instances_of_different_versions_coexist():
    old, new = fake_live.make_live("11.0.0"), fake_live.make_live("12.3.6")
    assert old.Track.Track is not new.Track.Track
    assert not hasattr(old.Track.Track, "insert_device")
    assert hasattr(new.Track.Track, "insert_device")
    old_song = old.Application.get_application().get_document()
    new_song = new.Application.get_application().get_document()
    new_song.tempo = 140
    assert old_song.tempo == 120
    assert old_song.tracks[0].name == new_song.tracks[0].name == "Drums"


def test_two_instances_of_one_version_share_nothing():
    a, b = fake_live.make_live(), fake_live.make_live()
    song_a = a.Application.get_application().get_document()
    song_b = b.Application.get_application().get_document()
    song_a.tracks[0].name = "Changed"
    assert song_b.tracks[0].name == "Drums"
    assert song_a.can_undo and not song_b.can_undo


@pytest.mark.parametrize("bad", ["10.1.0", "12.4", "13", "twelve", "12.3.6.1", ""])
def test_versions_outside_the_record_are_refused(bad):
    with pytest.raises(ValueError):
        fake_live.make_live(bad)


def test_short_versions_are_accepted():
    app = fake_live.make_live("12.2").Application.get_application()
    assert (app.get_major_version(), app.get_minor_version(), app.get_bugfix_version()) == (
        12,
        2,
        0,
    )


def test_main_track_is_called_master_before_live_12():
    assert fake_live.make_live("11.3.43").Song  # sanity: module exists
    song11 = fake_live.make_live("11.3.43").Application.get_application().get_document()
    song12 = fake_live.make_live("12.0.0").Application.get_application().get_document()
    assert (song11.master_track.name, song12.master_track.name) == ("Master", "Main")


def test_install_puts_live_and_its_submodules_into_sys_modules():
    live = fake_live.make_live()
    modules: dict = {}
    live._install(modules)
    assert modules["Live"] is live
    assert modules["Live.Clip"] is live.Clip
    live._install()
    try:
        import Live
        from Live.Clip import MidiNoteSpecification

        assert Live is live
        assert MidiNoteSpecification is live.Clip.MidiNoteSpecification
    finally:
        live._uninstall()
    assert "Live" not in sys.modules and "Live.Clip" not in sys.modules

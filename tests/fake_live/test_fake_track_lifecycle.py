"""Track lifecycle and settings in the fake: delete and duplicate shift indices as in Live, group
tracks, folding, monitoring, routing types and channels by display name, with undo."""

from __future__ import annotations

import pytest
from fake_live_fixtures import live_fixture, song_fixture  # noqa: F401 - fixtures


def names(song):
    return [t.name for t in song.tracks]


def test_delete_track_shifts_later_tracks_and_undo_brings_the_same_object_back(song):
    bass = song.tracks[1]
    song.delete_track(0)
    assert names(song) == ["Bass", "Keys"] and song.tracks[0] is bass
    song.undo()
    assert names(song) == ["Drums", "Bass", "Keys"]


def test_duplicate_track_inserts_a_copy_after_it_and_selects_it(song):
    song.tracks[0].mixer_device.volume.value = 0.5
    song.tracks[0].mixer_device.crossfade_assign = 0  # A
    song.duplicate_track(0)
    copy = song.tracks[1]
    assert names(song) == ["Drums", "Drums", "Bass", "Keys"]
    assert song.view.selected_track is copy and copy is not song.tracks[0]
    assert copy.mixer_device.volume.value == 0.5 and copy.mixer_device.crossfade_assign == 0
    assert len(copy.mixer_device.sends) == len(song.tracks[0].mixer_device.sends)
    assert copy.devices[0].name == "Drum Rack" and copy.devices[0] is not song.tracks[0].devices[0]
    assert len(copy.clip_slots[0].clip.get_all_notes_extended()) == 8
    song.undo()
    assert names(song) == ["Drums", "Bass", "Keys"] and copy == None  # noqa: E711 - Live's test


def test_duplicate_and_delete_of_a_group_take_its_tracks(song):
    group = song._group_tracks(0, 1, "Rhythm")
    assert group.is_foldable and song.tracks[1].group_track is group
    assert song.tracks[1].is_grouped and not song.tracks[3].is_grouped
    song.duplicate_track(0)
    assert names(song) == ["Rhythm", "Drums", "Bass", "Rhythm", "Drums", "Bass", "Keys"]
    assert song.tracks[4].group_track is song.tracks[3]
    before = song.tracks
    song.delete_track(3)
    assert names(song) == ["Rhythm", "Drums", "Bass", "Keys"]
    song.undo()
    assert song.tracks == before and song.tracks[5].group_track is song.tracks[3]


def test_the_last_audio_or_midi_track_cannot_be_deleted(song):
    song._group_tracks(0, 2, "All")
    with pytest.raises(RuntimeError):
        song.delete_track(0)  # the group and every track in it


def test_fold_state_only_on_group_tracks_and_hides_the_tracks_inside(song):
    group = song._group_tracks(0, 1)
    group.fold_state = True
    assert [t.name for t in song.visible_tracks] == ["Group", "Keys"]
    assert not song.tracks[1].is_visible
    with pytest.raises(RuntimeError):
        song.tracks[3].fold_state = True
    with pytest.raises(RuntimeError):
        _ = song.tracks[3].fold_state
    song.duplicate_track(1)  # Live unfolds the group of a duplicated track
    assert group.fold_state is False


def test_monitoring_on_playable_tracks_only_and_undoable(live, song):
    track = song.tracks[0]
    assert track.current_monitoring_state == live.Track.Track.monitoring_states.AUTO
    track.current_monitoring_state = 0
    assert track.current_monitoring_state == track.monitoring_states.IN
    song.undo()
    assert track.current_monitoring_state == 1
    with pytest.raises(RuntimeError):
        song.return_tracks[0].current_monitoring_state = 0
    with pytest.raises(RuntimeError):
        track.current_monitoring_state = 3


def test_routing_types_and_channels_by_display_name(live, song):
    bass = song.tracks[1]
    inputs = {t.display_name: t for t in bass.available_input_routing_types}
    assert list(inputs) == ["All Ins", "Computer Keyboard", "No Input"]
    assert bass.input_routing_type.display_name == "All Ins"
    assert bass.input_routing_type.category == live.Track.RoutingTypeCategory.external
    bass.input_routing_type = inputs["Computer Keyboard"]
    assert bass.input_routing_channel.display_name == "All Channels"  # a new type's first
    channels = {c.display_name: c for c in bass.available_input_routing_channels}
    bass.input_routing_channel = channels["Ch. 2"]
    assert bass.input_routing_channel.layout == live.Track.RoutingChannelLayout.midi
    song.undo()
    song.undo()
    assert bass.input_routing_type.display_name == "All Ins"
    outputs = {t.display_name: t for t in bass.available_output_routing_types}
    assert list(outputs) == ["Main", "A-Reverb", "B-Delay", "Ext. Out", "Sends Only"]
    assert outputs["A-Reverb"].attached_object is song.return_tracks[0]
    other = {t.display_name: t for t in song.tracks[0].available_output_routing_types}
    with pytest.raises(ValueError):
        song.tracks[0].input_routing_type = other["Ext. Out"]  # an output type is no input
    assert [t.display_name for t in song.master_track.available_output_routing_types] == [
        "Ext. Out"
    ]
    assert song.return_tracks[0].available_input_routing_types == ()


def test_routing_to_a_track_follows_its_renaming(song):
    song.create_audio_track(-1)
    audio = song.tracks[-1]
    source = {t.display_name: t for t in audio.available_input_routing_types}["Drums"]
    audio.input_routing_type = source
    song.tracks[0].name = "Kit"
    assert audio.input_routing_type.display_name == "Kit"
    assert audio.input_routing_channel.display_name == "Post FX"


def test_main_is_called_master_before_live_12():
    import fake_live

    song = fake_live.make_live("11.3.43").Application.get_application().get_document()
    assert song.tracks[0].output_routing_type.display_name == "Master"

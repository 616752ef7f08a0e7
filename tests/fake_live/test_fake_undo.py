"""Undo history: grouping by begin/end_undo_step, and real revert/reapply of every kind of change."""

from __future__ import annotations

import pytest
from fake_live_fixtures import live_fixture, song_fixture, spec_fixture  # noqa: F401 - fixtures


def test_a_fresh_set_has_no_history(song):
    assert not song.can_undo and not song.can_redo
    assert song._undo_depth() == song._redo_depth() == 0
    song.undo()  # harmless when there is nothing to undo
    song.redo()


def test_changes_outside_a_step_are_one_entry_each(song):
    song.tempo = 130
    song.tracks[0].name = "A"
    assert song._undo_depth() == 2
    song.undo()
    assert (song.tempo, song.tracks[0].name) == (130.0, "Drums")
    song.undo()
    assert song.tempo == 120.0 and not song.can_undo


def test_a_step_groups_every_change_into_one_entry(song):
    track = song.tracks[1]
    song.begin_undo_step()
    song.tempo = 90
    track.name = "Sub"
    track.mute = True
    track.solo = True
    track.arm = True
    track.devices[0].parameters[1].value = 0.3
    new = song.create_midi_track(-1)
    new.clip_slots[0].create_clip(4.0)
    song.end_undo_step()
    assert song._undo_depth() == 1
    song.undo()
    assert song.tempo == 120.0
    assert (track.name, track.mute, track.solo, track.arm) == ("Bass", False, False, False)
    assert track.devices[0].parameters[1].value == 1.0
    assert len(song.tracks) == 3 and new == None  # noqa: E711
    assert song.can_redo and not song.can_undo
    song.redo()
    assert (song.tempo, track.name, track.mute, track.solo, track.arm) == (
        90.0,
        "Sub",
        True,
        True,
        True,
    )
    assert song.tracks[3] is new and new.clip_slots[0].has_clip
    assert track.devices[0].parameters[1].value == 0.3


def test_an_empty_step_adds_no_entry(song):
    song.begin_undo_step()
    song.end_undo_step()
    assert not song.can_undo
    song.begin_undo_step()
    song.tempo = 120  # a no-op assignment is no change either
    song.end_undo_step()
    assert not song.can_undo


def test_nested_steps_form_one_entry(song):
    song.begin_undo_step()
    song.tempo = 100
    song.begin_undo_step()
    song.root_note = 5
    song.end_undo_step()
    song.scale_name = "Minor"
    song.end_undo_step()
    assert song._undo_depth() == 1
    song.undo()
    assert (song.tempo, song.root_note, song.scale_name) == (120.0, 0, "Major")


def test_an_unmatched_end_is_ignored(song):
    song.end_undo_step()
    song.tempo = 100
    assert song._undo_depth() == 1


def test_a_new_change_clears_redo(song):
    song.tempo = 100
    song.undo()
    assert song.can_redo
    song.tempo = 110
    assert not song.can_redo and song._redo_depth() == 0


def test_undo_redo_round_trips(song):
    song.tempo = 100
    song.tempo = 110
    song.undo()
    song.undo()
    assert song.tempo == 120.0 and song._redo_depth() == 2
    song.redo()
    assert song.tempo == 100.0
    song.redo()
    assert song.tempo == 110.0 and not song.can_redo


def test_undo_track_deletion_restores_the_same_objects(song):
    bass = song.tracks[1]
    clip = bass.clip_slots[0].clip
    song.delete_track(1)
    song.undo()
    assert song.tracks[1] is bass and bass.clip_slots[0].clip is clip
    assert clip.get_notes_extended(0, 128, 0, 4)[0].pitch == 36


def test_undo_clip_creation_and_deletion(song):
    slot = song.tracks[0].clip_slots[0]
    clip = slot.clip
    slot.delete_clip()
    song.undo()
    assert slot.clip is clip and clip != None  # noqa: E711
    new = song.tracks[0].clip_slots[1].create_clip(2.0)
    song.undo()
    assert not song.tracks[0].clip_slots[1].has_clip and new == None  # noqa: E711


def test_undo_notes(song, spec):
    clip = song.tracks[0].clip_slots[0].clip
    before = [(n.pitch, n.start_time) for n in clip.get_all_notes_extended()]
    song.begin_undo_step()
    clip.add_new_notes((spec(60, 0.0, 1.0),))
    clip.remove_notes_extended(36, 1, 0.0, 4.0)
    song.end_undo_step()
    song.undo()
    assert [(n.pitch, n.start_time) for n in clip.get_all_notes_extended()] == before


def test_undo_inserted_and_deleted_devices(song):
    track = song.tracks[1]
    reverb = track.insert_device("Reverb")
    track.delete_device(0)
    song.undo()
    assert [d.name for d in track.devices] == ["Operator", "Reverb"]
    song.undo()
    assert [d.name for d in track.devices] == ["Operator"] and reverb == None  # noqa: E711


def test_undo_scenes(song):
    song.create_scene(0)
    song.undo()
    assert len(song.scenes) == 8 and song.tracks[0].clip_slots[0].clip.name == "Beat"
    song.delete_scene(0)
    song.undo()
    assert song.tracks[0].clip_slots[0].clip.name == "Beat"


@pytest.mark.parametrize("attr", ["loop_start", "loop_end", "looping", "name"])
def test_undo_clip_properties(song, attr):
    clip = song.tracks[0].clip_slots[0].clip
    original = getattr(clip, attr)
    new_value = {"loop_start": 1.0, "loop_end": 2.0, "looping": False, "name": "x"}[attr]
    setattr(clip, attr, new_value)
    song.undo()
    assert getattr(clip, attr) == original


def test_failed_changes_leave_no_entry(song):
    with pytest.raises(RuntimeError):
        song.tracks[0].clip_slots[0].create_clip(4.0)
    with pytest.raises(RuntimeError):
        song.master_track.arm = True
    with pytest.raises(RuntimeError):
        song.tracks[1].devices[0].parameters[1].value = 5
    assert not song.can_undo


def test_undo_note_modifications_and_mixer_values(song):
    clip = song.tracks[0].clip_slots[0].clip
    notes = clip.get_notes_extended(36, 1, 0.0, 4.0)
    for note in notes:
        note.velocity = 1.0
    song.begin_undo_step()
    clip.apply_note_modifications(notes)
    song.tracks[0].mixer_device.sends[1].value = 0.7
    song.tracks[0].mixer_device.volume.value = 0.1
    song.end_undo_step()
    song.undo()
    assert {n.velocity for n in clip.get_notes_extended(36, 1, 0.0, 4.0)} == {110.0}
    assert song.tracks[0].mixer_device.sends[1].value == 0.0
    assert song.tracks[0].mixer_device.volume.value == 0.85


def test_listeners_hear_undo_and_redo(song):
    track = song.tracks[0]
    heard = []
    track.add_name_listener(lambda: heard.append(track.name))
    track.name = "A"
    song.undo()
    song.redo()
    assert heard == ["A", "Drums", "A"]

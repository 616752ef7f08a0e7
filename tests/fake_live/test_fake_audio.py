"""The fake's warp markers, groove pool, grooves, the Song's scale and its tuning system: Live's
semantics, version by version, each change one undoable step."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import fake_live
from fake_live.track.warp import add_audio_take

API = json.loads(
    (Path(__file__).resolve().parents[2] / "../shared/live_api/live12_api.json").read_text()
)


def _song(version="12.3.6", demo=True):
    live = fake_live.make_live(version, demo=demo)
    return live, live.Application.get_application().get_document()


def test_a_new_take_is_warped_over_its_whole_sample_and_edits_undo_one_by_one():
    live, song = _song()
    clip = add_audio_take(song, "Loop", 8.0)
    assert [(m.beat_time, m.sample_time) for m in clip.warp_markers] == [(0.0, 0.0), (8.0, 4.0)]
    depth = song._undo_depth()
    clip.add_warp_marker(live.Clip.WarpMarker(2.5, 4.0))  # (sample_time, beat_time), as in Live
    clip.move_warp_marker(4.0, 1.0)
    assert [(m.beat_time, m.sample_time) for m in clip.warp_markers][1] == (5.0, 2.5)
    clip.remove_warp_marker(5.0)
    assert song._undo_depth() == depth + 3
    song.undo()
    assert [(m.beat_time, m.sample_time) for m in clip.warp_markers][1] == (5.0, 2.5)
    song.undo()
    song.undo()
    assert len(clip.warp_markers) == 2


def test_warp_markers_refuse_what_live_refuses():
    live, song = _song()
    clip = add_audio_take(song, "Loop", 8.0)
    for bad in (
        lambda: clip.add_warp_marker(live.Clip.WarpMarker(1.0, 9.0)),  # past the sample's end
        lambda: clip.add_warp_marker(live.Clip.WarpMarker(4.5, 2.0)),  # past the end of the sample
        lambda: clip.move_warp_marker(8.0, -9.0),  # past its neighbour
        lambda: clip.move_warp_marker(3.0, 1.0),  # no marker there
        lambda: clip.remove_warp_marker(8.0),  # one of the last two
    ):
        with pytest.raises(RuntimeError):
            bad()
    with pytest.raises(TypeError):
        clip.add_warp_marker((1.0, 2.0))
    clip.warping = False
    with pytest.raises(RuntimeError, match="not warped"):
        clip.add_warp_marker(live.Clip.WarpMarker(2.0, 4.0))
    midi = song.tracks[0].clip_slots[0].clip
    with pytest.raises(RuntimeError, match="audio clips"):
        midi.warp_markers  # noqa: B018


def test_warp_marker_edits_and_scale_mode_and_tuning_are_gated_by_version():
    _live, song = _song("11.0.0")
    clip = add_audio_take(song)
    assert len(clip.warp_markers) == 2  # reading is Live 11.0
    assert not hasattr(clip, "add_warp_marker") and not hasattr(clip, "move_warp_marker")
    assert not hasattr(song, "scale_mode") and not hasattr(song, "tuning_system")
    _live, song = _song("12.0.0")
    assert hasattr(song, "tuning_system") and not hasattr(song.tuning_system, "name")
    assert not hasattr(song, "scale_mode")
    live, song = _song("12.1.0")
    assert song.tuning_system.name == "Equal Temperament" and song.scale_mode is False
    assert song.tuning_system.number_of_notes_in_pseudo_octave == 12
    assert hasattr(live, "TuningSystem") and not hasattr(_song("12.0.5")[0], "TuningSystem")


def test_grooves_clamp_their_amounts_and_a_clip_takes_one_from_the_pool():
    live, song = _song()
    pool = song.groove_pool
    groove = pool.grooves[0]
    depth = song._undo_depth()
    groove.timing_amount = 140.0
    groove.velocity_amount = -250.0
    groove.base = live.Groove.Base.gb_eight_triplet
    assert (groove.timing_amount, groove.velocity_amount, groove.base) == (100.0, -100.0, 2)
    clip = song.tracks[0].clip_slots[0].clip
    assert clip.groove is None and not clip.has_groove
    clip.groove = groove
    assert clip.groove is groove and clip.has_groove
    song.groove_amount = 2.0
    assert song.groove_amount == 1.3  # Live's Global Amount stops at 130 %
    assert song._undo_depth() == depth + 4  # velocity, base, clip, amount (timing stayed 100)
    song.undo()
    assert song.groove_amount == 1.0
    song.undo()
    assert clip.groove is None
    clip.groove = groove
    clip.groove = None
    assert not clip.has_groove
    with pytest.raises(TypeError):
        clip.groove = "Swing"
    copy_slot = song.tracks[0].clip_slots[1]
    clip.groove = groove
    song.tracks[0].clip_slots[0].duplicate_clip_to(copy_slot)
    assert copy_slot.clip.groove is groove  # a copy keeps its groove


def test_the_scales_are_lives_and_intervals_follow_the_name():
    live, song = _song()
    doc = API["classes"]["Song"]["properties"]["scale_name"]["doc"]
    documented = re.findall(r"'([^']+)'", doc)
    assert [name for name, _ in live.Song.get_all_scales_ordered()] == documented
    song.root_note = 2
    song.scale_name = "Minor"
    assert tuple(song.scale_intervals) == (0, 2, 3, 5, 7, 8, 10)
    song.scale_name = "Hirajoshi"
    assert tuple(song.scale_intervals) == (0, 2, 3, 7, 8)
    with pytest.raises(RuntimeError):
        song.scale_name = "minor"  # Live's names are exact

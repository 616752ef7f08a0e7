"""The fake's Arrangement, clip envelopes and Application.View, and how they follow Live's versions."""

from __future__ import annotations

import pytest
from fake_live_fixtures import live_fixture, song_fixture  # noqa: F401 - fixtures
from testkit import silent_wav

import fake_live


def _bassline(song):
    clip = song.tracks[1].clip_slots[0].clip
    return clip, song.tracks[1].devices[0].parameters[1]  # Operator's Filter Freq


def _events(envelope, start=-1.0, end=100.0):
    return [(e.time, e.value) for e in envelope.events_in_range(start, end)]


# --- Arrangement clips -----------------------------------------------------------------------


def test_duplicate_clip_to_arrangement_copies_notes_and_is_one_undo_entry(song):
    drums = song.tracks[0]
    beat = drums.clip_slots[0].clip
    copy = drums.duplicate_clip_to_arrangement(beat, 64.0)
    assert copy.is_arrangement_clip and (copy.start_time, copy.end_time) == (64.0, 68.0)
    assert len(copy.get_all_notes_extended()) == len(beat.get_all_notes_extended())
    assert list(drums.arrangement_clips) == [copy]
    song.undo()
    assert drums.arrangement_clips == () and copy == None  # noqa: E711 - Live's liveness test


def test_duplicate_clip_to_arrangement_refuses_a_track_of_the_other_kind(song):
    audio = song.create_audio_track(-1)
    with pytest.raises(RuntimeError):
        audio.duplicate_clip_to_arrangement(song.tracks[0].clip_slots[0].clip, 0.0)
    with pytest.raises(RuntimeError):
        song.tracks[0].duplicate_clip_to_arrangement(song.tracks[0].clip_slots[0].clip, -1.0)
    with pytest.raises(TypeError):
        song.tracks[0].duplicate_clip_to_arrangement("a clip", 0.0)


def test_create_audio_clip_places_a_wav_in_the_arrangement(song, tmp_path):
    path = silent_wav(tmp_path / "loop.wav", seconds=1.0)  # two beats at 120 BPM
    audio = song.create_audio_track(-1)
    clip = audio.create_audio_clip(path, 8.0)
    assert (clip.is_audio_clip, clip.start_time, clip.length) == (True, 8.0, 2.0)
    assert clip.file_path == path and clip.name == "loop.wav"
    with pytest.raises(RuntimeError):
        song.tracks[0].create_audio_clip(path, 0.0)  # a MIDI track
    with pytest.raises(RuntimeError):
        audio.create_audio_clip(str(tmp_path / "missing.wav"), 0.0)


@pytest.mark.parametrize(
    ("version", "has_midi", "has_audio"),
    [("11.3.20", False, False), ("11.3.25", False, True), ("12.2.0", True, True)],
)
def test_arrangement_clip_creation_follows_lives_versions(version, has_midi, has_audio):
    track = fake_live.make_live(version).Track.Track
    assert hasattr(track, "create_midi_clip") == has_midi
    assert hasattr(track, "create_audio_clip") == has_audio
    assert hasattr(track, "duplicate_clip_to_arrangement")


# --- envelopes -------------------------------------------------------------------------------


def test_demo_envelope_interpolates_linearly_and_holds_at_the_ends(song):
    clip, cutoff = _bassline(song)
    envelope = clip.automation_envelope(cutoff)
    assert _events(envelope) == [(0.0, 0.35), (4.0, 0.85)]
    assert envelope.value_at_time(2.0) == pytest.approx(0.6)
    assert envelope.value_at_time(-1.0) == 0.35 and envelope.value_at_time(9.0) == 0.85
    assert envelope.canonical_parent is clip


def test_insert_step_makes_a_flat_step_with_jumps_and_is_undoable(song):
    clip, cutoff = _bassline(song)
    envelope = clip.automation_envelope(cutoff)
    envelope.insert_step(1.0, 1.0, 0.1)
    assert _events(envelope) == [
        (0.0, 0.35),
        (1.0, 0.475),  # where the line was, then the jump down
        (1.0, 0.1),
        (2.0, 0.1),
        (2.0, 0.6),  # and back up onto the line
        (4.0, 0.85),
    ]
    assert envelope.value_at_time(1.0) == 0.1 and envelope.value_at_time(1.5) == 0.1
    song.undo()
    assert _events(envelope) == [(0.0, 0.35), (4.0, 0.85)]


def test_adjacent_steps_chain_without_gaps(song):
    clip, cutoff = _bassline(song)
    envelope = clip.automation_envelope(cutoff)
    envelope.delete_events_in_range(0.0, 4.5)
    assert _events(envelope) == []
    assert envelope.value_at_time(1.0) == cutoff.value  # an empty envelope plays the value
    for i, value in enumerate((0.2, 0.4, 0.6, 0.8)):
        envelope.insert_step(float(i), 1.0, value)
    assert [envelope.value_at_time(t + 0.5) for t in range(4)] == [0.2, 0.4, 0.6, 0.8]
    assert len(_events(envelope)) == 8


def test_insert_step_refuses_values_outside_the_range_and_empty_steps(song):
    clip, cutoff = _bassline(song)
    envelope = clip.automation_envelope(cutoff)
    with pytest.raises(RuntimeError):
        envelope.insert_step(0.0, 1.0, 1.5)
    with pytest.raises(RuntimeError):
        envelope.insert_step(0.0, 0.0, 0.5)
    assert _events(envelope) == [(0.0, 0.35), (4.0, 0.85)]


def test_envelopes_exist_only_for_session_clips_and_their_own_track(song):
    clip, _cutoff = _bassline(song)
    volume = song.tracks[1].mixer_device.volume
    assert clip.automation_envelope(volume) is None
    created = clip.create_automation_envelope(volume)
    assert clip.automation_envelope(volume) is created
    assert created.value_at_time(0.0) == volume.value  # starts flat at the current value
    with pytest.raises(RuntimeError):
        clip.create_automation_envelope(volume)  # exists already
    other = song.tracks[0].mixer_device.volume
    assert clip.automation_envelope(other) is None
    with pytest.raises(RuntimeError):
        clip.create_automation_envelope(other)
    keys_intro = song.tracks[2].arrangement_clips[0]
    assert keys_intro.automation_envelope(song.tracks[2].mixer_device.volume) is None
    with pytest.raises(RuntimeError):
        keys_intro.create_automation_envelope(song.tracks[2].mixer_device.volume)
    with pytest.raises(TypeError):
        clip.automation_envelope("Filter Freq")


def test_clear_envelope_and_clear_all_are_undoable(song):
    clip, cutoff = _bassline(song)
    envelope = clip.automation_envelope(cutoff)
    clip.create_automation_envelope(song.tracks[1].mixer_device.panning)
    clip.clear_envelope(cutoff)
    assert clip.automation_envelope(cutoff) is None and clip.has_envelopes
    assert envelope == None  # noqa: E711 - a cleared envelope is a deleted object
    clip.clear_all_envelopes()
    assert not clip.has_envelopes
    song.undo()
    song.undo()
    assert clip.automation_envelope(cutoff) is envelope and _events(envelope)


def test_a_deleted_devices_envelope_is_gone(song):
    clip, _cutoff = _bassline(song)
    song.tracks[1].delete_device(0)
    assert not clip.has_envelopes


def test_duplicated_clips_keep_their_envelopes(song):
    clip, cutoff = _bassline(song)
    slot = song.tracks[1].clip_slots[1]
    song.tracks[1].clip_slots[0].duplicate_clip_to(slot)
    copy = slot.clip.automation_envelope(cutoff)
    assert _events(copy) == [(0.0, 0.35), (4.0, 0.85)]
    copy.insert_step(0.0, 1.0, 0.0)
    assert _events(clip.automation_envelope(cutoff)) == [(0.0, 0.35), (4.0, 0.85)]


def test_envelope_events_are_constructible_copies(live):
    event = live.Envelope.EnvelopeEvent(1.0, 0.5, (0.0, 0.0))
    event.value = 0.25
    assert (event.time, event.value) == (1.0, 0.25)


@pytest.mark.parametrize("version", ["11.0.0", "12.1.0"])
def test_before_12_2_an_envelope_exposes_nothing_the_record_vouches_for(version):
    live = fake_live.make_live(version)
    song = live.Application.get_application().get_document()
    clip, cutoff = _bassline(song)
    envelope = clip.automation_envelope(cutoff)
    assert envelope is not None and clip.has_envelopes
    assert not hasattr(envelope, "insert_step") and not hasattr(envelope, "value_at_time")
    assert not hasattr(live, "Envelope")
    clip.clear_all_envelopes()  # Live 11.0 has this
    assert not clip.has_envelopes


# --- Application.View ------------------------------------------------------------------------


def test_application_view_switches_session_and_arranger(live):
    view = live.Application.get_application().view
    seen = []
    view.add_focused_document_view_listener(lambda: seen.append(view.focused_document_view))
    assert view.focused_document_view == "Session" and view.is_view_visible("Session")
    view.show_view("Arranger")
    assert view.focused_document_view == "Arranger" and not view.is_view_visible("Session")
    view.focus_view("Session")
    assert seen == ["Arranger", "Session"]
    view.hide_view("Session")
    assert view.focused_document_view == "Arranger"
    view.show_view("Detail/Clip")
    assert view.is_view_visible("Detail/Clip") and not view.is_view_visible("Detail/DeviceChain")
    assert "Arranger" in view.available_main_views()
    with pytest.raises(RuntimeError):
        view.show_view("Mixer")


def test_views_are_not_in_the_undo_history(live, song):
    live.Application.get_application().view.show_view("Arranger")
    assert not song.can_undo

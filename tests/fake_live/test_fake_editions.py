"""Live's editions: Intro and Lite limit the track count and raise Live.Base.LimitationError."""

from __future__ import annotations

import pytest

import fake_live


def test_lite_refuses_a_ninth_track_with_limitation_error():
    live = fake_live.make_live(edition="Lite")
    song = live.Application.get_application().get_document()
    while len(song.tracks) < 8:
        song.create_audio_track(-1)
    with pytest.raises(live.Base.LimitationError) as raised:
        song.create_midi_track(-1)
    assert not isinstance(raised.value, RuntimeError)
    assert len(song.tracks) == 8
    assert live.Application.get_application().get_variant() == "Lite"


def test_suite_has_no_track_limit():
    live = fake_live.make_live()
    song = live.Application.get_application().get_document()
    for _ in range(20):
        song.create_audio_track(-1)
    assert len(song.tracks) > 20


def test_an_unknown_edition_is_refused():
    with pytest.raises(ValueError, match="edition"):
        fake_live.make_live(edition="Ultimate")

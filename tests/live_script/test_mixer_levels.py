"""Mixer levels: dB in, Live's value out, found from Live's own display text; pan display."""

import math

import pytest
from conftest import song_of

from fake_live.core import taper


def _frange(start, stop, step):
    count = round((stop - start) / step)
    return [round(start + i * step, 4) for i in range(count + 1)]


def test_volume_db_round_trip_from_minus_60_to_plus_6(client):
    problems = []
    for db in _frange(-60.0, 6.0, 0.25):
        after = client.call("mixer.set_levels", {"strip_id": "track:0", "volume_db": db})["after"]
        exact = taper.volume_db(after["volume"]["value"])
        if abs(exact - db) > 0.1 or abs(after["volume"]["db"] - db) > 0.1:
            problems.append((db, exact, after["volume"]["display"]))
    assert problems == []


def test_send_db_round_trip(client):
    for db in _frange(-60.0, 0.0, 1.5):
        send = {"return_id": "return:1", "db": db}
        after = client.call("mixer.set_levels", {"strip_id": "track:2", "sends": [send]})["after"]
        level = after["sends"][1]
        assert abs(taper.send_db(level["value"]) - db) <= 0.1, (db, level)
        assert level["display"] == taper.db_text(round(db, 1))


@pytest.mark.parametrize(
    ("value", "db", "display"),
    [(0.85, 0.0, "0.0 dB"), (1.0, 6.0, "6.0 dB"), (0.7, -6.0, "-6.0 dB"), (0.0, None, "-inf dB")],
)
def test_volume_values_show_lives_levels(client, value, db, display):
    after = client.call("mixer.set_levels", {"strip_id": "main", "volume": value})["after"]
    assert after["volume"] == {"value": value, "db": db, "display": display}


@pytest.mark.parametrize(
    ("pan", "display"),
    [(0.0, "C"), (-0.24, "12L"), (0.5, "25R"), (-1.0, "50L"), (1.0, "50R"), (0.02, "1R")],
)
def test_pan_display_strings(client, pan, display):
    after = client.call("mixer.set_levels", {"strip_id": "return:0", "pan": pan})["after"]
    assert after["pan"] == {"value": pan, "display": display}


def test_conversion_follows_the_display_not_a_built_in_formula(host, client, monkeypatch):
    """Give the fake another fader law: dB still lands where Live's text says it is."""

    def other_law(value):
        return 20 * math.log10(value) if value > 0 else float("-inf")

    monkeypatch.setattr("fake_live.device.parameter.volume_db", other_law)
    after = client.call("mixer.set_levels", {"strip_id": "track:1", "volume_db": -6})["after"]
    assert after["volume"]["display"] == "-6.0 dB"
    assert abs(other_law(after["volume"]["value"]) + 6.0) <= 0.05
    assert (
        host.call_on_main(lambda live: song_of(live).tracks[1].mixer_device.volume.value)
        == (after["volume"]["value"])
    )


def test_reading_the_mixer_covers_tracks_returns_and_main(client):
    mixer = client.call("mixer.get_strips")
    assert [s["name"] for s in mixer["tracks"]] == ["Drums", "Bass", "Keys"]
    assert [s["name"] for s in mixer["returns"]] == ["A-Reverb", "B-Delay"]
    assert mixer["main"]["name"] == "Main" and mixer["main"]["sends"] == []
    assert mixer["main"]["mute"] is None and mixer["main"]["crossfade"] is None
    drums = mixer["tracks"][0]
    assert [s["return_id"] for s in drums["sends"]] == [r["id"] for r in mixer["returns"]]
    assert drums["crossfade"] == "none" and drums["arm"] is False
    assert mixer["returns"][0]["arm"] is None

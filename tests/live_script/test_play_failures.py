"""Transport, scene, launch and mixer writes that fail leave the Set byte-for-byte as it was.

Each case makes Live refuse part of a write (an injected refusal after an earlier field was already
written, or a real limit of Live) and compares a full dump of the fake Set before and after."""

import pytest
from conftest import song_of
from set_dump import dump_set


def _refusing_setter(live, class_key, prop, when=lambda obj: True):
    """Make `prop`'s setter raise for objects matching `when`; returns a restore function."""
    cls = live._world.cls[class_key]
    original = getattr(cls, prop)

    def refuse(self, value):
        if when(self):
            raise RuntimeError(f"{prop} refused (injected)")
        original.fset(self, value)

    setattr(cls, prop, property(original.fget, refuse))
    return lambda live: setattr(cls, prop, original)


def _failing_call(host, client, method, params, code):
    before = host.call_on_main(dump_set)
    error = client.error(method, params)
    assert error["data"]["code"] == code, error
    assert host.call_on_main(dump_set) == before
    return error


@pytest.mark.parametrize(
    ("method", "params", "class_key", "prop", "when"),
    [
        (
            "mixer.set_levels",
            {"strip_id": "track:1", "volume_db": -3, "pan": 0.5},
            "DeviceParameter",
            "value",
            lambda p: p.name == "Track Panning",
        ),
        (
            "mixer.set_levels",
            {"strip_id": "track:0", "pan": -0.2, "sends": [{"return_id": "return:1", "db": -6}]},
            "DeviceParameter",
            "value",
            lambda p: p.name.endswith("-Send"),
        ),
        (
            "transport.set_props",
            {"loop": True, "loop_start": 8, "swing_amount": 0.4},
            "Song",
            "swing_amount",
            lambda s: True,
        ),
        (
            "transport.set_props",
            {"signature_numerator": 3, "launch_quantization": "1/8"},
            "Song",
            "clip_trigger_quantization",
            lambda s: True,
        ),
        (
            "scene.set_props",
            {"scene_id": "scene:2", "name": "Hook", "tempo": 100},
            "Scene",
            "tempo",
            lambda s: True,
        ),
        (
            "scene.set_props",
            {"scene_id": "scene:2", "tempo": 100, "time_signature": "7/8"},
            "Scene",
            "time_signature_denominator",
            lambda s: True,
        ),
        ("scene.create", {"index": 0, "name": "New"}, "Scene", "name", lambda s: True),
    ],
)
def test_refusal_part_way_leaves_the_set_unchanged(
    host, client, method, params, class_key, prop, when
):
    restore = host.call_on_main(lambda live: _refusing_setter(live, class_key, prop, when))
    try:
        _failing_call(host, client, method, params, "LIVE_REJECTED")
    finally:
        host.call_on_main(restore)


def test_unknown_quantization_lists_lives_names_and_writes_nothing(host, client):
    error = _failing_call(
        host,
        client,
        "transport.set_props",
        {"loop": True, "launch_quantization": "1 bar please"},
        "BAD_INPUT",
    )
    assert error["data"]["field"] == "launch_quantization"
    for name in ("None", "8 Bars", "1 Bar", "1/16T", "1/32"):
        assert name in error["message"]


def test_quantization_takes_lives_enum_names_too(client):
    result = client.call("transport.set_props", {"launch_quantization": "q_sixtenth"})
    assert result["after"]["launch_quantization"] == "1/16"


def test_a_level_live_cannot_show_is_rejected_before_any_write(host, client):
    error = _failing_call(
        host,
        client,
        "mixer.set_levels",
        {"strip_id": "track:0", "pan": 0.5, "volume_db": -70},
        "LIVE_REJECTED",
    )
    assert "-69.5" in error["message"] and error["data"]["hint"]


def test_a_stale_send_target_is_refused_before_any_write(host, client):
    params = {
        "strip_id": "track:0",
        "volume_db": -6,
        "sends": [{"return_id": "return:5", "db": -6}],
    }
    _failing_call(host, client, "mixer.set_levels", params, "STALE_REFERENCE")


def test_main_track_has_no_sends(host, client):
    params = {"strip_id": "main", "volume_db": -1, "sends": [{"return_id": "return:0", "db": -6}]}
    error = _failing_call(host, client, "mixer.set_levels", params, "LIVE_REJECTED")
    assert "no send" in error["message"]


def test_deleting_the_last_scene_is_an_error_with_a_hint(host, client):
    def keep_one_scene(live):
        song = song_of(live)
        while len(song.scenes) > 1:
            song.delete_scene(len(song.scenes) - 1)

    host.call_on_main(keep_one_scene)
    error = _failing_call(host, client, "scene.delete", {"scene_id": "scene:0"}, "LIVE_REJECTED")
    assert "live_create_scene" in error["data"]["hint"]


def test_launching_an_empty_slot_without_a_stop_button_is_an_error_with_a_hint(host, client):
    host.call_on_main(
        lambda live: setattr(song_of(live).tracks[0].clip_slots[3], "has_stop_button", False)
    )
    error = _failing_call(
        host, client, "launch.fire", {"target_id": "track:0/clipslot:3"}, "LIVE_REJECTED"
    )
    assert "stop button" in error["message"] and "live_stop_track_clips" in error["data"]["hint"]


def test_an_empty_slot_with_a_stop_button_stops_the_track(host, client):
    client.call("launch.fire", {"target_id": "track:0/clipslot:0/clip"})
    result = client.call("launch.fire", {"target_id": "track:0/clipslot:3"})
    assert result["action"] == "stopped_track" and result["is_playing"] is False
    assert host.call_on_main(lambda live: song_of(live).tracks[0].playing_slot_index) == -1


def test_scene_signature_needs_live_11_1(host11, connect):
    client = connect(host11)
    before = host11.call_on_main(dump_set)
    error = client.error("scene.set_props", {"scene_id": "scene:0", "time_signature": "3/4"})
    assert error["data"]["code"] == "UNSUPPORTED" and error["data"]["needs_version"] == "11.1"
    assert host11.call_on_main(dump_set) == before
    # The tempo override works on 11.0 through Scene.tempo alone.
    result = client.call("scene.set_props", {"scene_id": "scene:0", "tempo": 90})
    assert result["after"]["tempo"] == 90.0 and result["after"]["time_signature"] is None
    cleared = client.call("scene.set_props", {"scene_id": "scene:0", "tempo": None})
    assert cleared["after"]["tempo"] is None


def test_an_empty_slot_of_an_armed_track_records_there(host, client):
    """Live's slot record button: the armed track's empty slot records a new clip."""
    host.call_on_main(lambda live: setattr(song_of(live).tracks[2], "arm", True))
    host.call_on_main(
        lambda live: setattr(song_of(live).tracks[2].clip_slots[1], "has_stop_button", False)
    )
    result = client.call("launch.fire", {"target_id": "track:2/clipslot:1"})
    assert result["action"] == "recording" and result["song_playing"] is True
    assert host.call_on_main(lambda live: song_of(live).tracks[2].clip_slots[1].is_recording)

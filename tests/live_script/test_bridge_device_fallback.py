"""Device insertion beyond Track.insert_device: the browser fallback on Live 12.3+, and the last
look after a load timeout that reports a late device as inserted."""

import pytest
from conftest import song_of, start_host, undo_depth

from live_script.handlers import device as device_handlers


def refuse_in_insert_device(h, refused):
    """Live 12.3's insert_device takes native device names only; a Max for Live device the browser
    lists is refused. Play that with a name the fake's browser has."""

    def patch(live):
        cls = live.Track.Track
        original = cls.insert_device

        def insert_device(self, DeviceName, DeviceIndex=-1):  # Live's keyword names
            if DeviceName == refused:
                raise RuntimeError(f"Unknown device name '{DeviceName}' (only native Live devices)")
            return original(self, DeviceName, DeviceIndex)

        cls.insert_device = insert_device

    h.call_on_main(patch)


def test_a_name_insert_device_refuses_loads_through_the_browser(host, connect):
    refuse_in_insert_device(host, "Reverb")
    before = undo_depth(host)
    result = connect(host).call("device.insert", {"track_id": "track:2", "device_name": "Reverb"})
    assert result["method"] == "browser" and result["name"] == "Reverb"
    names = host.call_on_main(lambda live: [d.name for d in song_of(live).tracks[2].devices])
    assert names[result["index"]] == "Reverb"
    assert undo_depth(host) == before + 1


def test_the_fallback_cannot_place_a_device_and_says_so(host, connect):
    refuse_in_insert_device(host, "Reverb")
    error = connect(host).error(
        "device.insert", {"track_id": "track:2", "device_name": "Reverb", "index": 0}
    )
    assert error["data"]["code"] == "LIVE_REJECTED"
    assert "loads only at the end of the chain" in error["message"]
    assert "Omit index" in error["data"]["hint"]


def test_a_name_neither_knows_keeps_insert_devices_refusal(host, connect):
    error = connect(host).error(
        "device.insert", {"track_id": "track:2", "device_name": "No Such Device"}
    )
    assert error["data"]["code"] == "LIVE_REJECTED"
    assert "Unknown device name" in error["message"]


@pytest.fixture
def instant_timeout(monkeypatch):
    # The deadline passes before Live's next display tick lands the load.
    monkeypatch.setattr(device_handlers, "LOAD_TIMEOUT_SECONDS", 0.0)


def test_a_device_landing_after_the_timeout_is_reported_inserted(
    tmp_path, connect, instant_timeout
):
    h = start_host(tmp_path, version="11.0.0", tick=0.1, timer=0.01)
    try:
        result = connect(h).call("device.insert", {"track_id": "track:1", "device_name": "Delay"})
        assert result["method"] == "browser" and result["name"] == "Delay"
    finally:
        h.stop()


def test_a_load_that_never_lands_is_reported_as_possibly_still_arriving(
    host11, connect, instant_timeout
):
    host11.call_on_main(
        lambda live: setattr(live._world.scheduler, "defer_to_next_tick", lambda work: None)
    )
    before = undo_depth(host11)
    error = connect(host11).error("device.insert", {"track_id": "track:1", "device_name": "Delay"})
    assert error["data"]["code"] == "LIVE_REJECTED"
    assert "may still appear" in error["message"]
    assert "List the track's devices" in error["data"]["hint"]
    assert undo_depth(host11) == before

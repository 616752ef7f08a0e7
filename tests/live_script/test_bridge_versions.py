"""Version honesty: the same calls on an emulated Live 11.0 and 12.3, and version gating."""

import pytest
from conftest import song_of, start_host, undo_depth, untag

from live_script import dispatch_gen


def test_two_versions_coexist_in_one_process(host, host11, connect):
    assert connect(host).call("song.get_overview")["live_version"] == "12.3.6"
    assert connect(host11).call("song.get_overview")["live_version"] == "11.0.0"
    hello = connect(host11, authenticate=False).call("system.hello", {"token": host11.read_token()})
    assert hello["live_version"] == "11.0.0"


@pytest.mark.parametrize("version, method", [("12.3.6", "insert_device"), ("11.0.0", "browser")])
def test_insert_device_on_each_version(tmp_path, connect, version, method):
    h = start_host(tmp_path, version=version)
    try:
        client = connect(h)
        before = undo_depth(h)
        selected = h.call_on_main(lambda live: song_of(live).view.selected_track.name)
        result = client.call("device.insert", {"track_id": "track:2", "device_name": "Reverb"})
        assert result["method"] == method and result["name"] == "Reverb"
        assert untag(result["device_id"]) == f"track:2/device:{result['index']}"
        assert undo_depth(h) == before + 1
        names = h.call_on_main(lambda live: [d.name for d in song_of(live).tracks[2].devices])
        assert names[result["index"]] == "Reverb"
        # The browser path selects the track to load onto; the user's selection comes back.
        assert h.call_on_main(lambda live: song_of(live).view.selected_track.name) == selected
        # One undo removes the whole insertion.
        h.call_on_main(lambda live: song_of(live).undo())
        assert h.call_on_main(lambda live: len(song_of(live).tracks[2].devices)) == len(names) - 1
    finally:
        h.stop()


def test_requests_queued_behind_a_browser_load_wait_for_it(host11, connect):
    client = connect(host11)
    insert_id = client.send("device.insert", {"track_id": "track:1", "device_name": "Delay"})
    tempo_id = client.send("song.set_props", {"tempo": 100})
    first, second = client.read(), client.read()
    assert (first["id"], second["id"]) == (insert_id, tempo_id)
    assert first["result"]["method"] == "browser"
    # Two separate undo steps: the tempo change did not land in the load's open step.
    host11.call_on_main(lambda live: song_of(live).undo())
    assert host11.call_on_main(lambda live: song_of(live).tempo) == 120.0
    assert (
        host11.call_on_main(lambda live: [d.name for d in song_of(live).tracks[1].devices])[-1]
        == "Delay"
    )


def test_positional_insert_needs_12_3(host11, connect):
    error = connect(host11).error(
        "device.insert", {"track_id": "track:2", "device_name": "Reverb", "index": 0}
    )
    assert error["data"]["code"] == "UNSUPPORTED" and error["data"]["needs_version"] == "12.3"


def test_browser_refuses_to_replace_an_instrument(host11, connect):
    before = undo_depth(host11)
    error = connect(host11).error(
        "device.insert", {"track_id": "track:1", "device_name": "Wavetable"}
    )
    assert error["data"]["code"] == "LIVE_REJECTED" and "Operator" in error["message"]
    assert undo_depth(host11) == before


def test_notes_on_11_0_without_get_all_notes_extended(host11, connect):
    assert not host11.call_on_main(lambda live: hasattr(live.Clip.Clip, "get_all_notes_extended"))
    client = connect(host11)
    clip_id = "track:0/clipslot:0/clip"
    result = client.call(
        "clip.set_notes",
        {"clip_id": clip_id, "notes": [{"pitch": 50, "start_time": 0.5, "duration": 1}]},
    )
    assert result["before_count"] == 8 and result["after_count"] == 1
    assert client.call("clip.get_notes", {"clip_id": clip_id})["api"] == "extended"


def test_legacy_notes_api_where_the_extended_one_is_missing(host, client):
    def drop_extended(live):
        for name in ("get_notes_extended", "get_all_notes_extended", "add_new_notes"):
            delattr(live._world.cls["Clip"], name)

    host.call_on_main(drop_extended)
    clip_id = "track:0/clipslot:0/clip"
    before = undo_depth(host)
    result = client.call(
        "clip.set_notes",
        {
            "clip_id": clip_id,
            "notes": [{"pitch": 50, "start_time": 0, "duration": 1, "velocity": 70}],
        },
    )
    assert result == {
        "clip_id": result["clip_id"],
        "before_count": 8,
        "after_count": 1,
        "note_ids": [],
    }
    assert undo_depth(host) == before + 1
    notes = client.call("clip.get_notes", {"clip_id": clip_id})
    assert notes["api"] == "legacy"
    assert notes["notes"] == [
        {
            "note_id": None,
            "pitch": 50,
            "start_time": 0.0,
            "duration": 1.0,
            "velocity": 70.0,
            "mute": False,
            "probability": 1.0,
            "velocity_deviation": 0.0,
            "release_velocity": 64.0,
        }
    ]


def _with_method(h, name, spec):
    def install(live):
        dispatcher = h.surface.runtime.dispatcher
        dispatcher.methods = dict(dispatcher.methods, **{name: spec})

    h.call_on_main(install)


@pytest.mark.parametrize("fixture, answered", [("host", True), ("host11", False)])
def test_method_newer_than_live_is_unsupported(request, connect, fixture, answered):
    h = request.getfixturevalue(fixture)
    spec = dict(dispatch_gen.METHODS["song.set_props"], since=(12, 3, 0))
    _with_method(h, "song.set_props_new", spec)
    reply = connect(h).request("song.set_props_new", {"tempo": 128})
    if answered:
        assert reply["result"]["after"] == {"tempo": 128.0}
    else:
        assert reply["error"]["data"]["code"] == "UNSUPPORTED"
        assert reply["error"]["data"]["needs_version"] == "12.3"
        assert "12.3" in reply["error"]["message"]


def test_spec_without_handler_is_unsupported_not_a_crash(host, connect):
    for name, spec in (
        ("song.not_written_yet", dict(dispatch_gen.METHODS["song.set_props"], verb="nope")),
        ("mixer.volume", dict(dispatch_gen.METHODS["song.set_props"], domain="mixer")),
    ):
        _with_method(host, name, spec)
        error = connect(host).error(name, {"tempo": 100})
        assert error["code"] == -32601 and error["data"]["code"] == "UNSUPPORTED"
        assert name in error["message"]
    assert "song.not_written_yet" not in host.surface.runtime.dispatcher.served_methods()
    assert connect(host).call("song.get_overview")["tempo"] == 120.0


def test_tick_only_host_without_timer(tmp_path, connect):
    h = start_host(tmp_path, tick=0.02, timer=0)
    try:
        assert h.surface.runtime._timer is None
        assert connect(h).call("song.set_props", {"tempo": 77})["after"] == {"tempo": 77.0}
    finally:
        h.stop()

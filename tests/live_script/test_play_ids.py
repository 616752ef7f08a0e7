"""STALE_REFERENCE, never a silent retarget, for every id the transport/scene/launch/mixer tools
take: each id is read, the Set shifts under it, and the old id must be refused with nothing
changed."""

import pytest
from conftest import song_of
from set_dump import dump_set


def _scene_id(client, index=1):
    return client.call("scene.list_scenes")["scenes"][index]["id"]


def _insert_scene(client):
    client.call("scene.create", {"index": 0, "name": "Pickup"})


def _insert_track(client):
    client.call("track.create", {"kind": "midi", "index": 0})


def _clip_and_slot_ids(client):
    slot = client.call("clip.list", {"track_id": "track:0"})["slots"][0]
    return slot["clip"]["id"], slot["slot_id"]


SCENE_CALLS = [
    ("scene.duplicate", {}),
    ("scene.delete", {}),
    ("scene.set_props", {"name": "Oops"}),
    ("scene.fire", {}),
]


@pytest.mark.parametrize(("method", "extra"), SCENE_CALLS, ids=[m for m, _ in SCENE_CALLS])
def test_scene_id_after_a_scene_insert_is_stale(host, client, method, extra):
    old = _scene_id(client)
    _insert_scene(client)
    before = host.call_on_main(dump_set)
    error = client.error(method, {"scene_id": old, **extra})
    assert error["data"]["code"] == "STALE_REFERENCE"
    assert host.call_on_main(dump_set) == before


@pytest.mark.parametrize("method", ["launch.fire", "launch.stop"])
@pytest.mark.parametrize("which", ["clip", "slot"])
@pytest.mark.parametrize(
    "shift", [_insert_track, _insert_scene], ids=["track-insert", "scene-insert"]
)
def test_clip_and_slot_ids_after_a_shift_are_stale(host, client, method, which, shift):
    clip_id, slot_id = _clip_and_slot_ids(client)
    shift(client)
    before = host.call_on_main(dump_set)
    error = client.error(method, {"target_id": clip_id if which == "clip" else slot_id})
    assert error["data"]["code"] == "STALE_REFERENCE"
    assert host.call_on_main(dump_set) == before
    assert not host.call_on_main(lambda live: song_of(live).is_playing)  # nothing launched


def test_track_id_for_stop_track_clips_after_a_track_insert_is_stale(host, client):
    old = client.call("track.find", {"query": "Drums"})["matches"][0]["id"]
    _insert_track(client)
    error = client.error("launch.stop_track", {"track_id": old})
    assert error["data"]["code"] == "STALE_REFERENCE"


def test_mixer_track_id_after_a_track_insert_is_stale(host, client):
    old = client.call("mixer.get_strips")["tracks"][1]["id"]
    _insert_track(client)
    before = host.call_on_main(dump_set)
    error = client.error("mixer.set_levels", {"strip_id": old, "volume_db": -3})
    assert error["data"]["code"] == "STALE_REFERENCE"
    assert host.call_on_main(dump_set) == before


def _three_returns_then_drop_the_first(host, client):
    host.call_on_main(lambda live: song_of(live).create_return_track())
    returns = client.call("mixer.get_strips")["returns"]
    host.call_on_main(lambda live: song_of(live).delete_return_track(0))
    return returns


def test_return_id_after_a_return_shift_is_stale(host, client):
    returns = _three_returns_then_drop_the_first(host, client)
    before = host.call_on_main(dump_set)
    # return:1@T now names what was return:2: refused as a strip and as a send target.
    error = client.error("mixer.set_levels", {"strip_id": returns[1]["id"], "volume_db": -3})
    assert error["data"]["code"] == "STALE_REFERENCE"
    send = {"return_id": returns[1]["id"], "db": -6}
    error = client.error("mixer.set_levels", {"strip_id": "track:0", "sends": [send]})
    assert error["data"]["code"] == "STALE_REFERENCE"
    assert host.call_on_main(dump_set) == before


def test_main_id_keeps_working_and_untagged_ids_resolve_by_position(client):
    main = client.call("mixer.get_strips")["main"]["id"]
    _insert_track(client)
    assert client.call("mixer.set_levels", {"strip_id": main, "volume_db": -1})["changed"] == [
        "volume"
    ]
    fresh = _scene_id(client)
    _insert_scene(client)
    renamed = client.call("scene.set_props", {"scene_id": "scene:1", "name": "By position"})
    assert renamed["scene_id"] != fresh and renamed["after"]["name"] == "By position"

"""Ids follow their object, never a silent retarget, for every id the transport/scene/launch/mixer
tools take: each id is read, the Set shifts under it, and the old id must act on the same object
(the answer naming its fresh id); once the object is deleted it is STALE_REFERENCE with nothing
changed."""

import pytest
from conftest import song_of, untag
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
def test_scene_id_after_a_scene_insert_follows_its_scene(host, client, method, extra):
    old = _scene_id(client)
    _insert_scene(client)
    result = client.call(method, {"scene_id": old, **extra})
    fresh = "scene:2@" + old.split("@")[1]
    assert result["_moved"] == {old: fresh}
    if method != "scene.duplicate":  # which answers with the copy's id
        assert result["scene_id"] == fresh
    names = host.call_on_main(lambda live: [s.name for s in song_of(live).scenes])
    if method == "scene.delete":
        assert "Verse" not in names  # scene:1 was Verse before the insert
    else:
        assert names[2] == ("Oops" if method == "scene.set_props" else "Verse")


@pytest.mark.parametrize(("method", "extra"), SCENE_CALLS, ids=[m for m, _ in SCENE_CALLS])
def test_scene_id_of_a_deleted_scene_is_stale(host, client, method, extra):
    old = _scene_id(client)
    host.call_on_main(lambda live: song_of(live).delete_scene(1))
    before = host.call_on_main(dump_set)
    error = client.error(method, {"scene_id": old, **extra})
    assert error["data"]["code"] == "STALE_REFERENCE"
    assert host.call_on_main(dump_set) == before


@pytest.mark.parametrize("method", ["launch.fire", "launch.stop"])
@pytest.mark.parametrize("which", ["clip", "slot"])
@pytest.mark.parametrize(
    "shift", [_insert_track, _insert_scene], ids=["track-insert", "scene-insert"]
)
def test_clip_and_slot_ids_after_a_shift_follow_them(host, client, method, which, shift):
    clip_id, slot_id = _clip_and_slot_ids(client)
    shift(client)
    old = clip_id if which == "clip" else slot_id
    result = client.call(method, {"target_id": old})
    assert result["_moved"] == {old: result["target_id"]}
    assert untag(result["target_id"]).startswith(
        "track:1/clipslot:0" if shift is _insert_track else "track:0/clipslot:1"
    )


@pytest.mark.parametrize("method", ["launch.fire", "launch.stop"])
@pytest.mark.parametrize("which", ["clip", "slot"])
def test_clip_and_slot_ids_of_a_deleted_track_are_stale(host, client, method, which):
    clip_id, slot_id = _clip_and_slot_ids(client)
    host.call_on_main(lambda live: song_of(live).delete_track(0))
    before = host.call_on_main(dump_set)
    error = client.error(method, {"target_id": clip_id if which == "clip" else slot_id})
    assert error["data"]["code"] == "STALE_REFERENCE"
    assert host.call_on_main(dump_set) == before
    assert not host.call_on_main(lambda live: song_of(live).is_playing)  # nothing launched


def test_track_id_for_stop_track_clips_after_a_track_insert_follows_it(host, client):
    old = client.call("track.find", {"query": "Drums"})["matches"][0]["id"]
    _insert_track(client)
    result = client.call("launch.stop_track", {"track_id": old})
    assert untag(result["track_id"]) == "track:1" and result["_moved"] == {old: result["track_id"]}


def test_mixer_track_id_after_a_track_insert_follows_it(host, client):
    old = client.call("mixer.get_strips")["tracks"][1]["id"]
    _insert_track(client)
    result = client.call("mixer.set_levels", {"strip_id": old, "volume_db": -3})
    assert untag(result["strip_id"]) == "track:2" and result["_moved"] == {old: result["strip_id"]}
    volumes = host.call_on_main(
        lambda live: [round(t.mixer_device.volume.value, 3) for t in song_of(live).tracks]
    )
    assert volumes == [0.85, 0.85, 0.775, 0.85]  # Bass, now track:2, and no other track


def _three_returns_then_drop_the_first(host, client):
    host.call_on_main(lambda live: song_of(live).create_return_track())
    returns = client.call("mixer.get_strips")["returns"]
    host.call_on_main(lambda live: song_of(live).delete_return_track(0))
    return returns


def test_return_id_after_a_return_shift_follows_it_and_a_deleted_one_is_stale(host, client):
    returns = _three_returns_then_drop_the_first(host, client)
    # return:1@T was B; B is return:0 now: followed as a strip and as a send target.
    strip = client.call("mixer.set_levels", {"strip_id": returns[1]["id"], "volume_db": -3})
    assert untag(strip["strip_id"]) == "return:0"
    send = {"return_id": returns[1]["id"], "db": -6}
    sent = client.call("mixer.set_levels", {"strip_id": "track:0", "sends": [send]})
    assert sent["_moved"] == {returns[1]["id"]: strip["strip_id"]}
    assert sent["after"]["sends"][0]["db"] == -6.0 and sent["after"]["sends"][1]["db"] is None
    before = host.call_on_main(dump_set)
    error = client.error("mixer.set_levels", {"strip_id": returns[0]["id"], "volume_db": -3})
    assert error["data"]["code"] == "STALE_REFERENCE"  # A was deleted
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

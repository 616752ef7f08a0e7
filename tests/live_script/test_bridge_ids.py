"""Ids: parsing, identity tags, ids that follow their moved object (with the fresh id in the
answer), STALE_REFERENCE for a gone object, WRONG_TYPE."""

import pytest
from conftest import song_of, untag
from param_calls import change_params, set_param

from live_script.errors import RpcError
from live_script.lom import ids


@pytest.mark.parametrize(
    "text",
    [
        "song",
        "track:2",
        "track:2@7",
        "return:0",
        "track:2/clipslot:4",
        "track:2/clipslot:4/clip@31",
        "track:2@7/clipslot:4@8/clip@31",
        "track:2/arrclip:0",
        "track:2/device:1/param:6@9",
        "main",
        "main@4/device:0/param:1",
        "scene:3@9",
        "cue:2@5",
        "track:1/mixer/volume",
        "track:1/mixer/panning@12",
        "track:1/mixer/send:1@13",
        "return:0/mixer/volume",
        "main/mixer/panning",
    ],
)
def test_parse_valid(text):
    assert "/".join(s.text() for s in ids.parse(text)) == text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "track",
        "track:x",
        "clip",
        "track:1/clip",
        "track:1/clipslot:1/clip:2",
        "song/track:1",
        "track:1/param:1",
        "track:-1",
        "track:1@",
        "Track:1",
        "track:1/",
        "main:0",
        "scene",
        "scene:1/device:0",
        "cue",
        "track:1/cue:0",
        "track:1/mixer:0",
        "track:1/mixer/send",
        "track:1/mixer/volume:0",
        "track:1/device:0/mixer/volume",
    ],
)
def test_parse_invalid_is_bad_input(text):
    with pytest.raises(RpcError) as info:
        ids.parse(text, "track_id")
    assert info.value.code == "BAD_INPUT" and info.value.field == "track_id"


def test_inserted_track_makes_a_tagged_id_follow_its_track(host, client):
    bass = client.call("track.find", {"query": "Bass"})["matches"][0]["id"]  # track:1@N
    client.call("track.create", {"kind": "midi", "index": 0, "name": "Intro"})
    result = client.call("track.set_props", {"track_id": bass, "name": "Bass 2"})
    fresh = "track:2@" + bass.split("@")[1]  # same tag, new place
    assert result["track_id"] == fresh and result["_moved"] == {bass: fresh}
    names = host.call_on_main(lambda live: [t.name for t in song_of(live).tracks])
    assert names == ["Intro", "Drums", "Bass 2", "Keys"]  # the Bass track, not Drums at 1
    # The untagged id resolves by position, as a person typing it means.
    typed = client.call("track.set_props", {"track_id": "track:1", "mute": True})
    assert typed["track_id"].startswith("track:1@") and "_moved" not in typed
    assert host.call_on_main(lambda live: song_of(live).tracks[1].mute)


def test_deleted_track_id_is_stale_and_nothing_changes(host, client):
    keys = client.call("track.find", {"query": "Keys"})["matches"][0]["id"]
    host.call_on_main(lambda live: song_of(live).delete_track(2))
    error = client.error("track.set_props", {"track_id": keys, "name": "Oops"})
    assert error["data"]["code"] == "STALE_REFERENCE"
    assert [t["name"] for t in client.call("song.get_overview")["tracks"]] == ["Drums", "Bass"]


def test_fresh_ids_after_a_shift_work(host, client):
    client.call("track.create", {"kind": "midi", "index": 0})
    fresh = client.call("track.find", {"query": "Bass"})["matches"][0]["id"]
    assert fresh.startswith("track:2@")
    assert "_moved" not in client.call("track.set_props", {"track_id": fresh, "mute": True})
    assert client.call("track.set_props", {"track_id": fresh, "solo": True})["after"]["solo"]


def test_same_object_keeps_its_tag(client):
    first = client.call("song.get_overview")["tracks"][1]["id"]
    again = client.call("track.find", {"query": "bass"})["matches"][0]["id"]
    assert first == again


def test_deleted_clip_and_out_of_range_are_stale(host, client):
    clip_id = client.call("clip.list", {"track_id": "track:0"})["slots"][0]["clip"]["id"]
    host.call_on_main(lambda live: song_of(live).tracks[0].clip_slots[0].delete_clip())
    error = client.error("clip.get_notes", {"clip_id": clip_id})
    assert error["data"]["code"] == "STALE_REFERENCE"
    for params in (
        {"clip_id": "track:0/clipslot:0/clip"},  # empty slot now
        {"clip_id": "track:99/clipslot:0/clip"},
        {"clip_id": "track:0/arrclip:5"},
    ):
        assert client.error("clip.get_notes", params)["data"]["code"] == "STALE_REFERENCE"


def test_replaced_clip_in_same_slot_is_stale(host, client):
    clip_id = client.call("clip.list", {"track_id": "track:0"})["slots"][0]["clip"]["id"]
    host.call_on_main(lambda live: song_of(live).tracks[0].clip_slots[0].delete_clip())
    client.call("clip.create_midi", {"track_id": "track:0", "slot_index": 0})
    error = client.error("clip.set_notes", {"clip_id": clip_id, "notes": []})
    assert error["data"]["code"] == "STALE_REFERENCE"


def test_param_id_follows_its_device_after_an_insert_before_it(host, client):
    pid = set_param(client, "track:1/device:0/param:1", value=0.3)["param_id"]
    assert pid.count("@") == 3  # track, device and parameter are each tagged
    client.call("device.insert", {"track_id": "track:1", "device_name": "Arpeggiator", "index": 0})
    params = change_params(pid, value=0.9)
    result = client.call("device.set_params", params)
    assert result["device_id"].split("/")[1].startswith("device:1@")
    assert result["changes"][0]["before"] == 0.3
    assert result["_moved"] == {params["device_id"]: result["device_id"]}
    value = host.call_on_main(lambda live: song_of(live).tracks[1].devices[1].parameters[1].value)
    assert value == 0.9


def test_issued_ids_tag_every_segment_that_can_move(client):
    slot = client.call("clip.list", {"track_id": "track:0"})["slots"][0]
    assert slot["slot_id"].startswith("track:0@") and "/clipslot:0@" in slot["slot_id"]
    assert slot["clip"]["id"].startswith(slot["slot_id"] + "/clip@")
    strips = client.call("mixer.get_strips")
    assert strips["main"]["id"] == "main"  # the main track cannot move: no tag
    levels = client.call("mixer.set_levels", {"strip_id": "main", "volume_db": -1})
    assert levels["strip_id"] == "main"


def test_fixed_members_carry_no_tag_below_a_tagged_track(host):
    def check(live):
        song = song_of(live)
        registry = ids.IdRegistry()
        track = song.tracks[0]
        volume = registry.issue(track.mixer_device.volume, "track:0/mixer/volume", song)
        main = registry.issue(song.master_track, "main", song)
        song.create_midi_track(0)
        moved = registry.resolve(song, volume, ids.PARAM_KINDS, "param_id")
        return volume, main, moved.obj is song.tracks[1].mixer_device.volume, moved.fresh

    volume, main, same, fresh = host.call_on_main(check)
    track = volume.split("/")[0]
    assert track.startswith("track:0@") and volume == track + "/mixer/volume" and main == "main"
    assert same and fresh == track.replace("track:0@", "track:1@") + "/mixer/volume"


def test_wrong_kind_of_id_is_wrong_type(client):
    for method, params in (
        ("clip.get_notes", {"clip_id": "track:1"}),
        ("device.set_params", {"device_id": "track:1", "changes": [{"index": 0, "value": 1}]}),
        ("track.set_props", {"track_id": "track:0/clipslot:0/clip", "mute": True}),
    ):
        error = client.error(method, params)
        assert error["data"]["code"] == "WRONG_TYPE", (method, error)


def test_tag_of_unknown_object_is_stale(client):
    error = client.error("track.set_props", {"track_id": "track:0@999", "mute": True})
    assert error["data"]["code"] == "STALE_REFERENCE"


def test_main_and_scene_ids_resolve_with_the_identity_guard(host):
    def check(live):
        song = song_of(live)
        registry = ids.IdRegistry()
        main = registry.resolve(song, "main", ("main",), "track_id")
        assert main.obj is song.master_track and main.path == "main"
        tagged = registry.issue(song.scenes[1], "scene:1", song)
        assert registry.resolve(song, tagged, ("scene",), "scene_id").obj is song.scenes[1]
        scene = song.scenes[1]
        song.create_scene(0)  # shifts every scene down one row
        moved = registry.resolve(song, tagged, ("scene",), "scene_id")
        assert moved.obj is scene and moved.path == "scene:2" and moved.indices == {"scene": 2}
        assert moved.fresh == "scene:2@" + tagged.split("@")[1]
        song.delete_scene(2)
        with pytest.raises(RpcError) as info:
            registry.resolve(song, tagged, ("scene",), "scene_id")
        return info.value.code

    assert host.call_on_main(check) == "STALE_REFERENCE"


def test_mixer_parameter_ids_resolve_to_the_tracks_mixer(host):
    def check(live):
        song = song_of(live)
        registry = ids.IdRegistry()
        mixer = song.tracks[1].mixer_device
        kinds = ids.PARAM_KINDS
        found = [
            registry.resolve(song, text, kinds, "param_id").obj
            for text in ("track:1/mixer/volume", "track:1/mixer/panning", "track:1/mixer/send:1")
        ]
        assert found == [mixer.volume, mixer.panning, mixer.sends[1]]
        assert registry.resolve(song, "main/mixer/volume", kinds, "param_id").obj is (
            song.master_track.mixer_device.volume
        )
        with pytest.raises(RpcError) as info:
            registry.resolve(song, "track:1/mixer/send:5", kinds, "param_id")
        return info.value.code

    assert host.call_on_main(check) == "STALE_REFERENCE"


def test_nested_drum_pad_chain_param_id_follows_its_track_and_rack(host, client):
    decay = "track:0/device:0/pad:36/chain:0/device:0/param:2"  # the kick's decay in the Drum Rack
    pid = set_param(client, decay, value=200.0)["param_id"]
    client.call("track.create", {"kind": "midi", "index": 0})
    client.call("device.insert", {"track_id": "track:1", "device_name": "Arpeggiator", "index": 0})
    params = change_params(pid, value=700.0)
    result = client.call("device.set_params", params)
    assert untag(result["changes"][0]["param_id"]) == (
        "track:1/device:1/pad:36/chain:0/device:0/param:2"
    )
    assert result["changes"][0]["before"] == 200.0
    assert result["_moved"] == {params["device_id"]: result["device_id"]}
    kick = host.call_on_main(
        lambda live: song_of(live).tracks[1].devices[1].drum_pads[36].chains[0].devices[0]
    )
    assert host.call_on_main(lambda live: kick.parameters[2].value) == 700.0


class _Lom:
    """A stand-in LOM object: Live's `_live_ptr`, and equal to None once deleted."""

    def __init__(self, ptr):
        self._live_ptr = ptr
        self.deleted = False
        self.tracks = []

    def __eq__(self, other):
        return self.deleted if other is None else self is other

    __hash__ = object.__hash__


def test_a_deleted_objects_tag_never_names_a_new_object_at_its_address():
    song, old = _Lom(1), _Lom(100)
    song.tracks = [_Lom(50), old]
    registry = ids.IdRegistry()
    issued = registry.issue(old, "track:1", song)
    old.deleted = True  # Live deletes the track and gives its address to a new one
    new = _Lom(100)
    song.tracks = [new, song.tracks[0]]
    with pytest.raises(RpcError) as info:
        registry.resolve(song, issued, ("track",), "track_id")
    assert info.value.code == "STALE_REFERENCE"
    fresh = registry.issue(new, "track:0", song)
    assert fresh.split("@")[1] != issued.split("@")[1]
    assert registry.resolve(song, fresh, ("track",), "track_id").obj is new


def test_a_tagged_track_with_untagged_segments_below_follows_the_track(client):
    bass = client.call("track.find", {"query": "Bass"})["matches"][0]["id"]
    typed = bass + "/clipslot:0/clip"  # the track as issued, the slot by position
    client.call("track.create", {"kind": "midi", "index": 0})
    notes = client.call("clip.get_notes", {"clip_id": typed})
    assert untag(notes["clip_id"]) == "track:2/clipslot:0/clip"
    assert notes["_moved"] == {typed: notes["clip_id"]} and notes["count"] == 4


def test_a_device_id_follows_the_device_after_its_old_track_is_deleted(host, client):
    device_id = set_param(client, "track:1/device:0/param:1", value=0.3)["device_id"]

    def move_then_delete(live):
        song = song_of(live)
        song.create_midi_track(-1)
        device = song.tracks[1].devices[0]
        song.move_device(device, song.tracks[-1], 0)  # out of track 1 first...
        song.delete_track(1)  # ...then track 1, which its id still names, goes
        return len(song.tracks) - 1

    last = host.call_on_main(move_then_delete)
    change = {"index": 1, "value": 0.9}
    result = client.call("device.set_params", {"device_id": device_id, "changes": [change]})
    assert untag(result["device_id"]) == f"track:{last}/device:0"
    assert result["changes"][0]["before"] == 0.3
    assert result["_moved"] == {device_id: result["device_id"]}


def test_a_drum_pad_is_found_by_its_note_wherever_the_list_holds_it():
    """Live lists the 128 pads in note order (the fast look-up); the search still finds a pad
    elsewhere."""
    from types import SimpleNamespace

    from live_script.lom.ids import _drum_pad

    pads = [SimpleNamespace(note=n) for n in (5, 3, 1)]
    rack = SimpleNamespace(can_have_drum_pads=True, drum_pads=pads)
    assert _drum_pad(rack, 1) is pads[2] and _drum_pad(rack, 3) is pads[1]
    assert _drum_pad(rack, 4) is None
    in_order = SimpleNamespace(
        can_have_drum_pads=True, drum_pads=[SimpleNamespace(note=n) for n in range(128)]
    )
    assert _drum_pad(in_order, 36) is in_order.drum_pads[36]


def test_an_id_issued_below_its_parent_s_is_the_id_issued_from_the_song(host):
    """issue_below (a listing's rows under the row it just issued) gives what issue gives."""

    def both(live):
        song = song_of(live)
        registry = host.surface.runtime.script.ids
        pairs = []
        for t, track in enumerate(song.tracks):
            track_id = registry.issue(track, f"track:{t}", song)
            for s, slot in enumerate(track.clip_slots):
                if slot.has_clip:
                    path = f"track:{t}/clipslot:{s}/clip"
                    steps = [("clipslot", s, slot), ("clip", None, slot.clip)]
                    pairs.append(
                        (
                            registry.issue(slot.clip, path, song),
                            registry.issue_below(track_id, steps),
                        )
                    )
            for d, device in enumerate(track.devices):
                pairs.append(
                    (
                        registry.issue(device, f"track:{t}/device:{d}", song),
                        registry.issue_below(track_id, [("device", d, device)]),
                    )
                )
        return pairs

    pairs = host.call_on_main(both)
    assert len(pairs) >= 5
    assert all(issued == below for issued, below in pairs), pairs

"""Track lifecycle and properties through the bridge on the fake's demo Set: delete, duplicate,
return tracks, color, monitoring, routing by name, group folding, return and main track ids,
failures that leave the Set byte-for-byte as it was, and ids that follow their track after an
index shift."""

import pytest
from conftest import song_of, undo_depth, untag
from param_calls import set_param
from test_bridge_clip_edit import dump, inject


def names(host):
    return host.call_on_main(lambda live: [t.name for t in song_of(live).tracks])


def group_first_two(host):
    """Drums and Bass into a group track at index 0 (Live's API cannot group; the fake can)."""
    host.call_on_main(lambda live: song_of(live)._group_tracks(0, 1, "Rhythm"))


# --- delete and duplicate ------------------------------------------------------------------------


def test_delete_shifts_later_tracks_and_undo_restores_the_set(client, host):
    before = dump(host)
    keys = client.call("track.find", {"query": "Keys"})["matches"][0]["id"]
    gone = client.call("track.delete", {"track_id": "track:0"})
    assert (gone["name"], gone["clips_deleted"], gone["devices_deleted"]) == ("Drums", 1, 1)
    assert names(host) == ["Bass", "Keys"]
    muted = client.call("track.set_props", {"track_id": keys, "mute": True})  # Keys, now track:1
    assert untag(muted["track_id"]) == "track:1" and muted["before"]["name"] == "Keys"
    host.call_on_main(lambda live: song_of(live).undo())
    host.call_on_main(lambda live: song_of(live).undo())
    assert dump(host) == before


def test_deleting_the_last_track_is_refused_with_a_hint(client, host):
    client.call("track.delete", {"track_id": "track:2"})
    client.call("track.delete", {"track_id": "track:1"})
    error = client.error("track.delete", {"track_id": "track:0"})
    assert error["data"]["code"] == "LIVE_REJECTED" and "live_create_track" in error["data"]["hint"]
    assert names(host) == ["Drums"]


def test_delete_a_return_track_removes_its_sends(client, host):
    result = client.call("track.delete", {"track_id": "return:0"})
    assert (result["name"], result["kind"], result["return_track_count"]) == (
        "A-Reverb",
        "return",
        1,
    )
    sends = host.call_on_main(lambda live: len(song_of(live).tracks[0].mixer_device.sends))
    assert sends == 1
    assert client.error("track.delete", {"track_id": "main"})["data"]["code"] == "WRONG_TYPE"


def test_delete_a_group_deletes_its_tracks(client, host):
    group_first_two(host)
    result = client.call("track.delete", {"track_id": "track:0"})
    assert (result["kind"], result["also_deleted"]) == ("group", ["Drums", "Bass"])
    assert names(host) == ["Keys"]


def test_duplicate_inserts_the_copy_after_and_selects_it(client, host):
    result = client.call("track.duplicate", {"track_id": "track:0"})
    assert (result["index"], result["name"], result["track_count"]) == (1, "Drums", 4)
    assert names(host) == ["Drums", "Drums", "Bass", "Keys"]
    notes = client.call("clip.get_notes", {"clip_id": "track:1/clipslot:0/clip"})["count"]
    assert notes == 8
    selected = host.call_on_main(lambda live: song_of(live).view.selected_track._live_ptr)
    copy = host.call_on_main(lambda live: song_of(live).tracks[1]._live_ptr)
    assert selected == copy


def test_duplicate_a_group_copies_its_tracks_after_the_group(client, host):
    group_first_two(host)
    result = client.call("track.duplicate", {"track_id": "track:0"})
    assert (result["index"], result["also_duplicated"]) == (3, ["Drums", "Bass"])
    assert names(host) == ["Rhythm", "Drums", "Bass", "Rhythm", "Drums", "Bass", "Keys"]


def test_failed_duplicate_leaves_the_set_byte_for_byte(client, host):
    before, depth = dump(host), undo_depth(host)
    restore = inject(host, "Song", "duplicate_track")
    try:
        error = client.error("track.duplicate", {"track_id": "track:1"})
    finally:
        restore()
    assert error["data"]["code"] == "LIVE_REJECTED"
    assert dump(host) == before and undo_depth(host) == depth


def test_create_return_tracks_up_to_lives_limit(client, host):
    created = client.call("track.create_return", {"name": "Chorus"})
    assert (created["index"], created["name"]) == (2, "Chorus")
    assert untag(created["track_id"]) == "return:2"
    for _ in range(9):
        client.call("track.create_return", {})
    error = client.error("track.create_return", {})
    assert error["data"]["code"] == "LIVE_REJECTED" and "return:N" in error["data"]["hint"]


def test_failed_naming_of_a_new_return_removes_it_again(client, host):
    before, depth = dump(host), undo_depth(host)
    restore = inject(host, "Track", "name")
    try:
        error = client.error("track.create_return", {"name": "Mine"})
    finally:
        restore()
    assert error["data"]["code"] == "LIVE_REJECTED"
    assert dump(host) == before and undo_depth(host) == depth


# --- properties -----------------------------------------------------------------------------------


def test_routing_by_display_name(client):
    result = client.call(
        "track.set_props",
        {"track_id": "track:1", "input_type": "computer keyboard", "input_channel": "Ch. 3"},
    )
    assert (result["after"]["input_type"], result["after"]["input_channel"]) == (
        "Computer Keyboard",
        "Ch. 3",
    )
    assert result["changed"] == ["input_type", "input_channel"]
    out = client.call("track.set_props", {"track_id": "track:1", "output_type": "A-Reverb"})
    assert out["after"]["output_type"] == "A-Reverb"


def test_an_unknown_routing_name_is_bad_input_listing_the_choices(client, host):
    before = dump(host)
    error = client.error(
        "track.set_props", {"track_id": "track:1", "name": "X", "output_type": "Nowhere"}
    )
    assert error["data"]["code"] == "BAD_INPUT" and error["data"]["field"] == "output_type"
    assert "'Main'" in error["message"] and "'A-Reverb'" in error["message"]
    assert dump(host) == before


def test_an_unknown_channel_of_a_new_type_rolls_the_type_back(client, host):
    before, depth = dump(host), undo_depth(host)
    error = client.error(
        "track.set_props",
        {"track_id": "track:1", "input_type": "Computer Keyboard", "input_channel": "1/2"},
    )
    assert error["data"]["code"] == "BAD_INPUT" and "'Ch. 16'" in error["message"]
    assert dump(host) == before and undo_depth(host) == depth


def test_color_and_monitoring(client):
    result = client.call(
        "track.set_props", {"track_id": "track:0", "color_index": 69, "monitoring": "off"}
    )
    assert (result["after"]["color_index"], result["after"]["monitoring"]) == (69, "off")


def test_fold_state_on_a_group_only(client, host):
    group_first_two(host)
    folded = client.call("track.set_props", {"track_id": "track:0", "folded": True})
    assert (folded["before"]["folded"], folded["after"]["folded"]) == (False, True)
    visible = host.call_on_main(lambda live: [t.name for t in song_of(live).visible_tracks])
    assert visible == ["Rhythm", "Keys"]
    error = client.error("track.set_props", {"track_id": "track:3", "folded": True})
    assert error["data"]["code"] == "WRONG_TYPE" and error["data"]["field"] == "folded"
    assert "group tracks" in error["data"]["hint"]
    arm = client.error("track.set_props", {"track_id": "track:0", "arm": True})
    assert arm["data"]["code"] == "WRONG_TYPE"


@pytest.mark.parametrize(
    ("track_id", "field", "value"),
    [
        ("main", "arm", True),
        ("main", "mute", True),
        ("main", "monitoring", "in"),
        ("return:0", "arm", True),
        ("return:0", "input_type", "Ext. In"),
    ],
)
def test_properties_a_kind_of_track_lacks_are_wrong_type(client, host, track_id, field, value):
    before = dump(host)
    error = client.error("track.set_props", {"track_id": track_id, "name": "X", field: value})
    assert error["data"]["code"] == "WRONG_TYPE" and error["data"]["field"] == field
    assert dump(host) == before


def test_main_and_return_tracks_take_what_they_have(client):
    main = client.call("track.set_props", {"track_id": "main", "name": "Bus", "color_index": 3})
    assert untag(main["track_id"]) == "main" and main["after"]["output_type"] == "Ext. Out"
    ret = client.call("track.set_props", {"track_id": "return:0", "solo": True})
    assert ret["after"]["solo"] is True and ret["after"]["input_type"] is None


def test_failed_track_props_write_leaves_the_set_byte_for_byte(client, host):
    before, depth = dump(host), undo_depth(host)
    restore = inject(host, "Track", "current_monitoring_state")
    try:
        error = client.error(
            "track.set_props",
            {"track_id": "track:1", "name": "X", "color_index": 5, "monitoring": "in"},
        )
    finally:
        restore()
    assert error["data"]["code"] == "LIVE_REJECTED"
    assert dump(host) == before and undo_depth(host) == depth


def test_devices_on_return_and_main_tracks(client):
    inserted = client.call("device.insert", {"track_id": "main", "device_name": "Reverb"})
    assert untag(inserted["device_id"]) == "main/device:0"
    param = set_param(client, "return:0/device:0/param:0", value=0.0)
    assert untag(param["param_id"]) == "return:0/device:0/param:0"
    resource = client.call("track.get", {"track_id": "return:1"})
    assert resource["kind"] == "return" and untag(resource["devices"][0]["id"]).startswith(
        "return:1/"
    )
    assert "output_type" in resource["routing_choices"]


# --- ids issued before an index shift follow their object ----------------------------------------


@pytest.mark.parametrize(
    ("method", "params"),
    [
        ("track.set_props", lambda track, ret, param: {"track_id": track, "mute": True}),
        ("track.set_props", lambda track, ret, param: {"track_id": ret, "mute": True}),
        ("track.delete", lambda track, ret, param: {"track_id": track}),
        ("track.delete", lambda track, ret, param: {"track_id": ret}),
        ("track.duplicate", lambda track, ret, param: {"track_id": track}),
        ("device.insert", lambda track, ret, param: {"track_id": ret, "device_name": "Reverb"}),
        (
            "device.set_params",
            lambda track, ret, device: {"device_id": device, "changes": [{"index": 0, "value": 0}]},
        ),
        ("track.get", lambda track, ret, param: {"track_id": ret}),
    ],
)
def test_track_ids_issued_before_a_shift_follow_their_track(client, host, method, params):
    track = client.call("track.find", {"query": "Bass"})["matches"][0]["id"]
    ret = client.call("track.get", {"track_id": "return:1"})["id"]
    param = set_param(client, "return:1/device:0/param:0", value=1.0)
    host.call_on_main(lambda live: song_of(live).create_midi_track(0))  # Bass moves down one
    host.call_on_main(lambda live: song_of(live).delete_return_track(0))  # B moves to return:0
    host.call_on_main(lambda live: song_of(live).create_return_track())  # ... and return:1 is new
    depth = undo_depth(host)
    result = client.call(method, params(track, ret, param["device_id"]))
    # The same call with the ids typed as the objects' places now does the same: undo, redo it.
    if undo_depth(host) > depth:
        host.call_on_main(lambda live: song_of(live).undo())
    moved = result.pop("_moved")
    now = params("track:2", "return:0", "return:0/device:0")
    typed = {value for value in now.values() if isinstance(value, str)}
    assert sorted(untag(new) for new in moved.values()) == sorted(
        typed & {"track:2", "return:0", "return:0/device:0"}
    )
    again = client.call(method, now)
    assert untag(str(sorted(result.items()))) == untag(str(sorted(again.items())))


EDIT_METHODS = [
    "clip.crop",
    "clip.delete",
    "clip.duplicate",
    "clip.duplicate_loop",
    "clip.set_props",
    "track.create_return",
    "track.delete",
    "track.duplicate",
    "track.set_props",
]


@pytest.mark.parametrize("method", EDIT_METHODS)
def test_edits_need_only_live_11_0(host11, connect, method):
    from test_bridge_undo import _example

    params, _tool, error = _example(method)
    reply = connect(host11).request(method, params)
    if error is None:
        assert "result" in reply, reply
    else:
        assert reply["error"]["data"]["code"] == error

"""Device handlers on the fake Set: racks listed with chains and pads, parameters read and set (also
by display value), props, delete, move, duplicate; stale ids; failed writes leave the Set as it was."""

import pytest
from conftest import song_of, start_host, undo_depth, untag
from param_calls import set_param, set_param_error
from set_dump import dump_set

KICK = "track:0/device:0/pad:36/chain:0/device:0"
KICK_DECAY = KICK + "/param:2"


def dump(host):
    """The whole Set as a script can read it (racks, chains, pads and parameters included)."""
    return host.call_on_main(dump_set)


def test_list_opens_drum_pads_and_their_chains(client):
    result = client.call("device.list", {"track_id": "track:0"})
    rows = [(r["kind"], r["depth"], untag(r["id"]), r["name"]) for r in result["rows"]]
    assert rows[:4] == [
        ("device", 0, "track:0/device:0", "Drum Rack"),
        ("pad", 1, "track:0/device:0/pad:36", "Kick 909"),
        ("chain", 2, "track:0/device:0/pad:36/chain:0", "Kick 909"),
        ("device", 3, KICK, "Kick 909"),
    ]
    assert [r["note"] for r in result["rows"] if r["kind"] == "pad"] == [36, 38, 42]
    assert (result["count"], result["total"], result["truncated"]) == (10, 10, False)
    flat = client.call("device.list", {"track_id": "track:0", "max_depth": 0})
    assert [r["name"] for r in flat["rows"]] == ["Drum Rack"]
    page = client.call("device.list", {"track_id": "track:0", "offset": 8, "limit": 1})
    assert (page["count"], page["truncated"], page["rows"][0]["kind"]) == (1, True, "chain")


def test_list_returns_main_and_a_chain(client):
    assert client.call("device.list", {"track_id": "return:0"})["rows"][0]["name"] == "Reverb"
    assert client.call("device.list", {"track_id": "main"})["total"] == 0
    chain = client.call("device.list", {"track_id": "track:0/device:0/pad:38/chain:0"})
    assert [(r["depth"], r["name"]) for r in chain["rows"]] == [(0, "Snare 909")]


def test_list_ids_resolve_to_what_they_name(client):
    rows = client.call("device.list", {"track_id": "track:0"})["rows"]
    kick = next(r for r in rows if r["kind"] == "device" and r["depth"] == 3)
    params = client.call("device.get_params", {"device_id": kick["id"]})
    assert params["name"] == "Kick 909" and params["class_name"] == "OriginalSimpler"


def test_get_params_fields_and_filter(client):
    result = client.call("device.get_params", {"device_id": "track:1/device:0"})
    assert [p["name"] for p in result["parameters"]][:2] == ["Device On", "Filter Freq"]
    on, freq = result["parameters"][:2]
    assert (on["is_quantized"], on["value_items"], on["display"]) == (True, ["Off", "On"], "On")
    assert (freq["min"], freq["max"], freq["value"], freq["display"]) == (
        0.0,
        1.0,
        1.0,
        "19.90 kHz",
    )
    assert freq["automation"] == "none" and freq["is_enabled"]
    assert result["plugin_parameter_count"] is None and result["note"] is None
    decay = client.call("device.get_params", {"device_id": KICK, "name_contains": "DECAY"})
    assert [(p["index"], p["display"]) for p in decay["parameters"]] == [(2, "400.0 ms")]
    assert untag(decay["parameters"][0]["id"]) == KICK_DECAY
    paged = client.call("device.get_params", {"device_id": KICK, "offset": 6, "limit": 5})
    assert (paged["count"], paged["total"], paged["truncated"]) == (2, 8, False)


@pytest.mark.parametrize(
    ("param_id", "display", "shown"),
    [
        (KICK_DECAY, "250 ms", "250.0 ms"),
        (KICK_DECAY, "1.2 s", "1.20 s"),
        (KICK_DECAY, "1200ms", "1.20 s"),
        ("track:1/device:0/param:1", "2.5 kHz", "2.50 kHz"),
        ("track:1/device:0/param:1", "440 Hz", "440 Hz"),
        ("track:1/device:0/param:4", "-12 dB", "-12.0 dB"),
        ("track:1/device:0/param:4", "-inf dB", "-inf dB"),
        ("track:1/device:0/param:3", "7", "7"),
        ("track:1/device:0/param:0", "off", "Off"),
        ("return:0/device:0/param:2", "25 %", "25 %"),
    ],
)
def test_set_param_by_display_value(client, param_id, display, shown):
    result = set_param(client, param_id, display=display)
    assert result["display"] == shown


@pytest.mark.parametrize("display", ["30 kHz", "5 Hz", "-12 dB", "loud", "2.5"])
def test_a_display_value_live_cannot_show_is_rejected_with_the_range(host, client, display):
    before = dump(host)
    error = set_param_error(client, "track:1/device:0/param:1", display=display)
    assert error["data"]["code"] == "LIVE_REJECTED"
    assert "'26 Hz' at its minimum and '19.90 kHz' at its maximum" in error["message"]
    assert dump(host) == before


def test_set_params_is_one_undo_step(host, client):
    depth = undo_depth(host)
    result = client.call(
        "device.set_params",
        {
            "device_id": KICK,
            "changes": [
                {"name": "ve decay", "display": "250 ms"},
                {"index": 6, "display": "-12 st"},
                {"name": "Filter Freq", "value": 0.5},
            ],
        },
    )
    assert [c["display"] for c in result["changes"][:2]] == ["250.0 ms", "-12 st"]
    assert result["changes"][2]["after"] == 0.5
    assert result["changed_count"] == 3 and undo_depth(host) == depth + 1
    assert all(untag(c["param_id"]).startswith(KICK + "/param:") for c in result["changes"])
    host.call_on_main(lambda live: song_of(live).undo())
    decay = client.call("device.get_params", {"device_id": KICK, "name_contains": "decay"})
    assert decay["parameters"][0]["value"] == 400.0


@pytest.mark.parametrize(
    "bad",
    [
        {"name": "No Such Param", "value": 0.1},
        {"index": 99, "value": 0.1},
        {"name": "Ve Decay", "value": 1e9},
        {"name": "Ve Decay", "value_item": "x"},
        {"name": "Ve Decay", "display": "3 kHz"},
    ],
)
def test_set_params_checks_every_change_before_writing(host, client, bad):
    before, depth = dump(host), undo_depth(host)
    good = {"name": "Ve Attack", "value": 5.0}
    error = client.error("device.set_params", {"device_id": KICK, "changes": [good, bad]})
    assert error["data"]["code"] == "LIVE_REJECTED"
    assert (dump(host), undo_depth(host)) == (before, depth)


def test_set_params_needs_index_or_name_and_one_value(client):
    for change in ({"value": 1.0}, {"index": 1, "name": "x", "value": 1.0}):
        error = client.error("device.set_params", {"device_id": KICK, "changes": [change]})
        assert error["data"]["code"] == "BAD_INPUT"
    error = client.error("device.set_params", {"device_id": KICK, "changes": [{"index": 1}]})
    assert error["data"]["code"] == "BAD_INPUT"


def test_live_refusing_a_later_write_rolls_back_the_earlier_ones(host, client):
    def refuse_decay(live):
        cls = live._world.cls["DeviceParameter"]
        original = cls.value

        def setter(self, value):
            if self.name == "Ve Decay":
                raise RuntimeError("refused (injected)")
            original.fset(self, value)

        cls.value = property(original.fget, setter)
        return original

    before, depth = dump(host), undo_depth(host)
    original = host.call_on_main(refuse_decay)
    try:
        error = client.error(
            "device.set_params",
            {
                "device_id": KICK,
                "changes": [{"index": 1, "value": 5.0}, {"index": 2, "value": 9.0}],
            },
        )
    finally:
        host.call_on_main(
            lambda live: setattr(live._world.cls["DeviceParameter"], "value", original)
        )
    assert error["data"]["code"] == "LIVE_REJECTED" and "Ve Decay" in error["message"]
    assert (dump(host), undo_depth(host)) == (before, depth)


def test_set_props_renames_and_switches(host, client):
    result = client.call("device.set_props", {"device_id": "track:1/device:0", "is_on": False})
    assert result["changed"] == ["is_on"] and result["after"] == {
        "name": "Operator",
        "is_on": False,
        "preset_index": None,  # not a plug-in
    }
    assert not host.call_on_main(lambda live: song_of(live).tracks[1].devices[0].is_active)
    same = client.call("device.set_props", {"device_id": "track:1/device:0", "is_on": False})
    assert same["changed"] == []
    renamed = client.call("device.set_props", {"device_id": KICK, "name": "Big Kick"})
    assert renamed["after"]["name"] == "Big Kick"
    error = client.error("device.set_props", {"device_id": KICK})
    assert error["data"]["code"] == "BAD_INPUT"


def test_a_deleted_devices_parameter_id_is_stale(client):
    param = client.call("device.get_params", {"device_id": KICK, "name_contains": "decay"})
    param_id = param["parameters"][0]["id"]
    deleted = client.call("device.delete", {"device_id": KICK})
    assert (deleted["name"], deleted["remaining"]) == ("Kick 909", 0)
    error = set_param_error(client, param_id, value=10.0)
    assert error["data"]["code"] == "STALE_REFERENCE"


def test_a_tagged_id_below_a_replaced_rack_is_stale(client):
    rows = client.call("device.list", {"track_id": "track:0"})["rows"]
    kick_chain = next(r["id"] for r in rows if r["kind"] == "chain")
    client.call("device.delete", {"device_id": "track:0/device:0"})
    client.call("device.insert", {"track_id": "track:0", "device_name": "Drum Rack"})
    error = client.error("device.list", {"track_id": kick_chain})
    assert error["data"]["code"] == "STALE_REFERENCE"
    error = client.error("device.get_params", {"device_id": KICK})
    assert error["data"]["code"] == "STALE_REFERENCE"  # the new rack's pads are empty


def test_chain_and_pad_ids_are_checked_for_kind(client):
    error = client.error("device.get_params", {"device_id": "track:0/device:0/pad:36"})
    assert error["data"]["code"] == "WRONG_TYPE"
    error = client.error("device.list", {"track_id": "track:1/device:0/chain:0"})
    assert error["data"]["code"] == "STALE_REFERENCE"  # Operator is not a rack


def test_move_between_tracks_and_into_a_chain(host, client):
    moved = client.call(
        "device.move", {"device_id": "return:1/device:0", "target_id": "track:2", "index": 0}
    )
    assert (untag(moved["device_id"]), moved["index"]) == ("track:2/device:1", 1)
    into = client.call(
        "device.move",
        {"device_id": moved["device_id"], "target_id": "track:0/device:0/pad:36/chain:0"},
    )
    assert untag(into["device_id"]) == KICK[:-1] + "1"
    # The id from before the second move follows the device into the chain.
    found = client.call("device.get_params", {"device_id": moved["device_id"], "limit": 1})
    assert found["device_id"] == into["device_id"] and found["name"] == "Delay"
    assert found["_moved"] == {moved["device_id"]: into["device_id"]}
    names = host.call_on_main(
        lambda live: [
            d.name for d in song_of(live).tracks[0].devices[0].drum_pads[36].chains[0].devices
        ]
    )
    assert names == ["Kick 909", "Delay"]


def test_a_move_live_refuses_changes_nothing(host, client):
    before, depth = dump(host), undo_depth(host)
    error = client.error("device.move", {"device_id": "track:1/device:0", "target_id": "return:0"})
    assert error["data"]["code"] == "LIVE_REJECTED"
    error = client.error(
        "device.move",
        {"device_id": "track:0/device:0", "target_id": "track:0/device:0/pad:36/chain:0"},
    )
    assert error["data"]["code"] == "LIVE_REJECTED"
    assert (dump(host), undo_depth(host)) == (before, depth)


def test_duplicate_on_12_3(host, client):
    copy = client.call("device.duplicate", {"device_id": "return:0/device:0"})
    assert untag(copy["device_id"]) == "return:0/device:1" and copy["name"] == "Reverb"
    error = client.error("device.duplicate", {"device_id": "track:1/device:0"})
    assert error["data"]["code"] == "LIVE_REJECTED"  # a second instrument on the track


def test_duplicate_needs_live_12_3(tmp_path, connect):
    host = start_host(tmp_path, version="12.2.0")
    try:
        error = connect(host).error("device.duplicate", {"device_id": "return:0/device:0"})
    finally:
        host.stop()
    assert error["data"]["code"] == "UNSUPPORTED" and error["data"]["needs_version"] == "12.3"


def test_device_tools_on_live_11(host11, connect):
    client = connect(host11)
    rows = client.call("device.list", {"track_id": "track:0"})["rows"]
    assert rows[3]["class_name"] == "OriginalSimpler"
    result = set_param(client, KICK_DECAY, display="90 ms")
    assert result["display"] == "90.0 ms"
    moved = client.call("device.move", {"device_id": "return:0/device:0", "target_id": "return:1"})
    assert moved["index"] == 1

"""Browser handlers on the fake Live: browse by path, bounded search (also over 50,000 items), loads
by URI that land on a later tick, hot-swap, rejections and timeouts that leave the Set unchanged."""

import time

import pytest
from conftest import song_of, start_host, undo_depth, untag
from test_bridge_devices import dump

KIT_808 = "query:Drums#Kits:808%20Core%20Kit.adg"


def test_browse_a_category_and_a_folder(client):
    top = client.call("browser.browse", {"category": "drums"})
    assert [i["name"] for i in top["items"]] == ["Drum Rack", "Kits", "Drum Hits"]
    assert top["items"][1]["is_folder"] and not top["items"][1]["is_loadable"]
    kits = client.call("browser.browse", {"category": "drums", "path": ["Kits"]})
    assert [i["uri"] for i in kits["items"]][1] == KIT_808
    page = client.call("browser.browse", {"category": "drums", "path": ["Drum Hits"], "limit": 2})
    assert (page["count"], page["total"], page["truncated"]) == (2, 4, True)
    plugins = client.call("browser.browse", {"category": "plugins", "path": ["VST3", "Acme"]})
    assert plugins["items"][0]["name"] == "Acme Poly" and plugins["items"][0]["is_device"]


def test_browse_every_category(client):
    for category in ("clips", "current_project", "max_for_live", "packs", "user_library"):
        assert client.call("browser.browse", {"category": category})["category"] == category


def test_browse_a_missing_folder_names_what_is_there(client):
    error = client.error("browser.browse", {"category": "drums", "path": ["Kits", "Nope"]})
    assert error["data"]["code"] == "LIVE_REJECTED"
    assert "'Nope'" in error["message"] and "'909 Core Kit.adg'" in error["message"]


def test_search_matches_every_word_and_ranks_exact_first(client):
    result = client.call("browser.search", {"query": "808 KIT"})
    assert [(m["name"], m["category"], m["path"]) for m in result["matches"]] == [
        ("808 Core Kit.adg", "drums", ["Kits"])
    ]
    assert result["complete"] and result["stop_reason"] is None
    operator = client.call("browser.search", {"query": "operator", "categories": ["instruments"]})
    assert operator["matches"][0]["name"] == "Operator" and operator["matches"][0]["is_device"]
    folders = client.call("browser.search", {"query": "kits", "loadable_only": False})
    assert folders["matches"][0]["is_folder"]


def test_search_stops_at_max_results_and_says_so(client):
    result = client.call(
        "browser.search", {"query": "808", "categories": ["drums"], "max_results": 2}
    )
    assert result["count"] == 2 and not result["complete"]
    assert result["stop_reason"] == "max_results"


@pytest.fixture(scope="module")
def big_host(tmp_path_factory):
    host = start_host(tmp_path_factory.mktemp("big"), browser_items=50000)
    yield host
    host.stop()


def test_search_over_fifty_thousand_items_within_its_budget(big_host, connect, monkeypatch):
    from live_script.lom import browser_walk

    # The walk's time limit protects Live's main thread; a loaded test machine must not trip it
    # here (the time limit has its own test below, the speed its benchmark).
    monkeypatch.setattr(browser_walk, "SEARCH_TIME_LIMIT", 60.0)
    client = connect(big_host)
    result = client.call(
        "browser.search", {"query": "vox 49998", "categories": ["samples"], "visit_budget": 500000}
    )
    assert [m["name"] for m in result["matches"]] == ["Vox 49998.wav"]
    assert result["complete"] and result["stop_reason"] is None
    assert 50000 < result["visited"] <= 500000
    short = client.call(
        "browser.search", {"query": "vox 49998", "categories": ["samples"], "visit_budget": 5000}
    )
    assert short == {**short, "count": 0, "visited": 5000, "complete": False}
    assert short["stop_reason"] == "visit_budget"


def test_search_reports_the_time_limit(big_host, connect, monkeypatch):
    from live_script.lom import browser_walk

    monkeypatch.setattr(browser_walk, "SEARCH_TIME_LIMIT", 0.0)
    result = connect(big_host).call(
        "browser.search", {"query": "zzz", "categories": ["samples"], "visit_budget": 500000}
    )
    assert result["stop_reason"] == "time_limit" and result["visited"] < 50000


def test_load_a_drum_kit_replaces_the_rack_in_one_undo_step(host, client):
    depth = undo_depth(host)
    loaded = client.call("browser.load", {"uri": KIT_808, "track_id": "track:0"})
    assert untag(loaded["device_id"]) == "track:0/device:0"
    assert (loaded["name"], loaded["class_name"], loaded["replaced"]) == (
        "808 Core Kit",
        "DrumGroupDevice",
        "Drum Rack",
    )
    assert undo_depth(host) == depth + 1
    rows = client.call("device.list", {"track_id": "track:0"})["rows"]
    assert "Clap 808" in [r["name"] for r in rows if r["kind"] == "pad"]
    selected = host.call_on_main(lambda live: song_of(live).view.selected_track.name)
    assert selected == "Drums"
    host.call_on_main(lambda live: song_of(live).undo())
    assert client.call("device.list", {"track_id": "track:0", "max_depth": 0})["rows"][0][
        "name"
    ] == ("Drum Rack")


@pytest.mark.parametrize(
    ("uri", "track_id", "name", "class_name"),
    [
        ("query:Plugins#VST3:Acme:Acme%20Poly", "track:1", "Acme Poly", "PluginDevice"),
        ("query:Samples#Drums:Clap%20808.wav", "track:2", "Clap 808", "OriginalSimpler"),
        ("query:Sounds#Pad:Layered%20Pad.adg", "track:1", "Layered Pad", "InstrumentGroupDevice"),
        ("query:AudioFx#Racks:Vocal%20Chain.adg", "main", "Vocal Chain", "AudioEffectGroupDevice"),
        ("query:UserLibrary#Presets:My%20Bass.adv", "track:2", "My Bass", "Operator"),
        ("query:AudioFx#Reverb:Large%20Hall.adv", "return:1", "Large Hall", "Reverb"),
    ],
)
def test_load_presets_plugins_samples_and_racks(client, uri, track_id, name, class_name):
    loaded = client.call("browser.load", {"uri": uri, "track_id": track_id})
    assert (loaded["name"], loaded["class_name"]) == (name, class_name)
    assert untag(loaded["device_id"]).startswith(track_id + "/device:")


def test_a_load_remembers_nothing_it_needs_a_walk_for(client):
    """A URI never browsed is still found (by a walk that starts in its own category)."""
    loaded = client.call("browser.load", {"uri": "query:Synths#Wavetable", "track_id": "track:1"})
    assert loaded["class_name"] == "InstrumentVector"


def test_hotswap_replaces_a_device_in_a_chain(host, client):
    kick = "track:0/device:0/pad:36/chain:0/device:0"
    loaded = client.call(
        "browser.load",
        {"uri": "query:Drums#Drum%20Hits:Snare%20808.wav", "replace_device_id": kick},
    )
    assert untag(loaded["device_id"]) == kick and loaded["replaced"] == "Kick 909"
    assert (
        host.call_on_main(lambda live: live.Application.get_application().browser.hotswap_target)
        is None
    )


@pytest.mark.parametrize(
    ("params", "said"),
    [
        ({"uri": "query:Drums#Kits", "track_id": "track:0"}, "'Kits' cannot be loaded"),
        ({"uri": "query:Nothing#here", "track_id": "track:0"}, "no browser item has the URI"),
        ({"uri": "query:Synths#Operator", "track_id": "return:0"}, "'Operator'"),
        ({"uri": "query:Synths#Operator", "replace_device_id": "return:0/device:0"}, "'Operator'"),
    ],
)
def test_loads_live_refuses_change_nothing(host, client, params, said):
    before, depth = dump(host), undo_depth(host)
    error = client.error("browser.load", params)
    assert error["data"]["code"] == "LIVE_REJECTED" and said in error["message"]
    assert (dump(host), undo_depth(host)) == (before, depth)


def test_load_needs_exactly_one_target(client):
    for extra in ({}, {"track_id": "track:0", "replace_device_id": "track:0/device:0"}):
        error = client.error("browser.load", {"uri": KIT_808, **extra})
        assert error["data"]["code"] == "BAD_INPUT"


def test_a_load_that_never_lands_times_out_and_restores_the_selection(host, client):
    def swallow_loads(live):
        live._world.scheduler.defer_to_next_tick = lambda work: None

    host.call_on_main(
        lambda live: setattr(song_of(live).view, "selected_track", song_of(live).tracks[2])
    )
    host.call_on_main(swallow_loads)
    before, depth = dump(host), undo_depth(host)
    started = time.monotonic()
    error = client.error("browser.load", {"uri": KIT_808, "track_id": "track:0", "timeout": 0.5})
    assert 0.4 < time.monotonic() - started < 5
    assert error["data"]["code"] == "LIVE_REJECTED" and "within 0.5 s" in error["message"]
    assert (dump(host), undo_depth(host)) == (before, depth)
    assert host.call_on_main(lambda live: song_of(live).view.selected_track.name) == "Keys"


def test_loads_on_live_11(host11, connect):
    client = connect(host11)
    loaded = client.call("browser.load", {"uri": KIT_808, "track_id": "track:0"})
    assert loaded["class_name"] == "DrumGroupDevice"
    found = client.call("browser.search", {"query": "acme echo"})
    assert found["matches"][0]["category"] == "plugins"

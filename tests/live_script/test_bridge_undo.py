"""One tool call, one undo step: every write adds exactly one history entry, every read none, and
a write that fails part-way leaves the Set and its history as they were.

The write/read cases come from dispatch_gen.METHODS and each tool's spec example, so a new spec is
covered without touching this file."""

import pytest
from conftest import song_of, undo_depth

from generated.registry_gen import RESOURCE_TEMPLATES, RESOURCES, TOOLS
from live_script import dispatch_gen
from live_script.execution.validate import validate


def _example(method):
    """(params, tool or None, expected error code or None) from the specs' examples."""
    for tool in TOOLS:
        if tool["bridge_method"] == method:
            example = tool["examples"][0]
            return example["input"], tool, example.get("error")
    for resource in RESOURCES:
        if resource["bridge_method"] == method:
            return dict(resource["args"]), None, None
    for template in RESOURCE_TEMPLATES:
        if template["bridge_method"] == method:
            values = {name: "0" for name in template["variables"]}
            return {k: v.format(**values) for k, v in template["args"].items()}, None, None
    raise AssertionError(f"{method} has no example in the specs")


def _methods(*policies):
    return sorted(m for m, spec in dispatch_gen.METHODS.items() if spec["undo"] in policies)


@pytest.mark.parametrize("method", _methods("one_step"))
def test_each_write_adds_exactly_one_undo_step(host, client, method):
    params, _tool, error = _example(method)
    before = undo_depth(host)
    reply = client.request(method, params)
    if error is not None:
        assert reply["error"]["data"]["code"] == error
        assert undo_depth(host) == before
        return
    if reply.get("error", {}).get("code") == -32601:
        pytest.fail(f"{method} is a spec'd write without a handler: {reply['error']['message']}")
    assert "result" in reply, reply
    assert undo_depth(host) == before + 1
    assert not host.call_on_main(lambda live: live._world.undo.step_open)


@pytest.mark.parametrize("method", _methods("none", "transport", "file_only"))
def test_reads_transport_and_file_only_add_no_undo_step(host, client, method):
    params, _tool, _error = _example(method)
    before = undo_depth(host)
    client.request(method, params)
    assert undo_depth(host) == before


@pytest.mark.parametrize("method", sorted(dispatch_gen.METHODS))
def test_results_match_the_output_schema_exactly(host, client, method):
    params, tool, error = _example(method)
    reply = client.request(method, params)
    if error is not None:
        assert reply["error"]["data"]["code"] == error
        return
    result = reply["result"]
    if tool is not None:
        assert sorted(result) == sorted(tool["output_schema"]["properties"])
        validate(tool["output_schema"], result)  # raises on any mismatch
    else:
        assert isinstance(result, dict)


def test_failed_write_is_rolled_back(host, client):
    """set_props renames, then Live refuses the solo: the rename is undone, no entry remains."""

    def break_solo(live):
        cls = live._world.cls["Track"]
        original = cls.solo

        def refuse(self, value):
            raise RuntimeError("solo refused (injected)")

        cls.solo = property(original.fget, refuse)
        return original

    original = host.call_on_main(break_solo)
    before = undo_depth(host)
    error = client.error(
        "track.set_props", {"track_id": "track:1", "name": "Renamed", "solo": True}
    )
    assert error["data"]["code"] == "LIVE_REJECTED"
    state = host.call_on_main(
        lambda live: (song_of(live).tracks[1].name, song_of(live)._undo_depth())
    )
    assert state == ("Bass", before)
    host.call_on_main(lambda live: setattr(live._world.cls["Track"], "solo", original))


def test_failed_set_notes_restores_the_notes(host, client):
    clip_id = "track:0/clipslot:0/clip"
    old = client.call("clip.get_notes", {"clip_id": clip_id})["notes"]

    def break_add(live):
        cls = live._world.cls["Clip"]

        def refuse(self, specs):
            raise RuntimeError("add refused (injected)")

        cls.add_new_notes = refuse

    host.call_on_main(break_add)
    before = undo_depth(host)
    notes = [{"pitch": 1, "start_time": 0, "duration": 1}]
    error = client.error("clip.set_notes", {"clip_id": clip_id, "notes": notes})
    assert error["data"]["code"] == "LIVE_REJECTED"
    assert undo_depth(host) == before
    assert client.call("clip.get_notes", {"clip_id": clip_id})["notes"] == old


def test_failure_before_any_change_does_not_undo_the_users_last_action(host, client):
    client.call("song.set_props", {"tempo": 90})  # the "user's" last action
    before = undo_depth(host)
    error = client.error("clip.create_midi", {"track_id": "track:0", "slot_index": 0})
    assert error["data"]["code"] == "LIVE_REJECTED"
    assert undo_depth(host) == before
    assert client.call("song.get_overview")["tempo"] == 90.0


def test_unexpected_handler_exception_rolls_back_and_reports(host, client, monkeypatch):
    from live_script.handlers import track as track_handlers

    real = track_handlers.views.track_index

    def explode(song, t):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(track_handlers.views, "track_index", explode)
    before = undo_depth(host)
    count = len(client.call("song.get_overview")["tracks"])
    error = client.error("track.create", {"kind": "midi", "name": "X"})
    assert error["code"] == -32603 and "boom" in error["message"]
    assert undo_depth(host) == before
    assert len(client.call("song.get_overview")["tracks"]) == count
    monkeypatch.setattr(track_handlers.views, "track_index", real)


@pytest.mark.parametrize("method", _methods("history"))
def test_history_methods_move_the_history_by_exactly_one(host, client, method):
    client.call("song.set_props", {"tempo": 91})
    client.call("song.set_props", {"tempo": 92})
    if method.endswith(".redo"):
        client.call("history.undo")
    done = host.call_on_main(
        lambda live: (song_of(live)._undo_depth(), song_of(live)._redo_depth())
    )
    client.call(method)
    after = host.call_on_main(
        lambda live: (song_of(live)._undo_depth(), song_of(live)._redo_depth())
    )
    step = -1 if method.endswith(".undo") else 1
    assert after == (done[0] + step, done[1] - step)
    assert not host.call_on_main(lambda live: live._world.undo.step_open)


@pytest.mark.parametrize("method", _methods("by_live"))
def test_by_live_methods_open_no_step_and_add_at_most_one(host, client, method):
    """Live makes the entry itself (a recording's when it ends: tests/live_script/
    test_bridge_recording.py follows one to its single entry)."""
    params, _tool, _error = _example(method)
    before = undo_depth(host)
    client.request(method, params)
    assert undo_depth(host) - before in (0, 1)
    assert not host.call_on_main(lambda live: live._world.undo.step_open)


def test_every_undo_policy_has_its_test():
    policies = {spec["undo"] for spec in dispatch_gen.METHODS.values()}
    assert policies <= {"none", "one_step", "transport", "file_only", "history", "by_live"}

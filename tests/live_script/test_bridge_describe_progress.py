"""The bridge's own methods and notifications: `system.describe` (a read that opens no undo step)
and `system.progress` (sent for a request, before its answer, only to a client that asked)."""

import json

from conftest import song_of, undo_depth
from set_dump import dump_set

from fake_live.bridge_client import BridgeClient
from live_script.bridge import progress


def test_describe_reads_the_named_objects_in_plain_words(host, client):
    before = host.call_on_main(dump_set)
    answer = client.call(
        "system.describe",
        {
            "ids": [
                "track:1",
                "track:0/clipslot:0/clip",
                "track:0/clipslot:3",
                "track:0/device:0",
                "scene:0",
                "return:0",
                "main",
                "track:7",
                "nonsense",
            ]
        },
    )
    texts = [item.get("text") or item.get("error") for item in answer["items"]]
    assert answer["song"] == "the Set (120 BPM, 3 tracks, 8 scenes)"
    assert texts[0] == "track 'Bass' (MIDI) with 1 clip and 1 device"
    assert texts[1].startswith("clip '") and "beats" in texts[1] and "notes" in texts[1]
    assert texts[1].endswith("on track 'Drums'")
    assert texts[2].startswith("clip slot 3 (empty)")
    assert texts[3].startswith("device '") and "parameter" in texts[3]
    assert texts[4].startswith("scene 'Intro' with ")
    assert texts[5].startswith("return track '")
    assert texts[6].startswith("the Main track with ")
    assert texts[7].startswith("STALE_REFERENCE")
    assert texts[8].startswith("BAD_INPUT")
    # A read: no undo step, nothing changed.
    assert host.call_on_main(dump_set) == before


def test_describe_is_listed_in_the_hello_and_refuses_bad_params(host, client, connect):
    raw = connect(host, authenticate=False)
    hello = raw.call("system.hello", {"token": host.read_token(), "protocol": 1})
    assert "system.describe" in hello["methods"]
    error = client.error("system.describe", {"ids": "track:0"})
    assert error["data"]["code"] == "BAD_INPUT"
    error = client.error("system.describe", {"ids": [], "extra": 1})
    assert error["data"]["code"] == "BAD_INPUT"


def read_until_answer(raw, id_):
    seen = []
    while True:
        message = raw.read()
        assert message is not None
        if message.get("id") == id_:
            return message, seen
        seen.append(message)


def batch_of(count):
    return {
        "steps": [
            {"tool": "live_create_track", "arguments": {"kind": "midi", "name": f"T{i}"}}
            for i in range(count)
        ]
    }


def test_progress_reaches_a_client_that_asked_before_the_answer(host):
    raw = BridgeClient(host.port)
    hello = raw.request(
        "system.hello", {"token": host.read_token(), "protocol": 1, "progress": True}
    )
    assert "result" in hello
    depth = undo_depth(host)
    id_ = raw.send("batch.run", batch_of(5))
    answer, before = read_until_answer(raw, id_)
    assert answer["result"]["count"] == 5
    assert before, "no progress arrived"
    for note in before:
        assert note["method"] == "system.progress" and "id" not in note
        assert note["params"]["request_id"] == id_ and note["params"]["total"] == 5
        assert note["params"]["message"].startswith("step ")
    assert before[-1]["params"]["done"] == 5  # the last report always goes out
    assert undo_depth(host) == depth + 1  # progress changes nothing in Live's history


def test_no_progress_for_a_client_that_did_not_ask(host, client):
    id_ = client.send("batch.run", batch_of(3))
    answer, before = read_until_answer(client, id_)
    assert before == [] and answer["result"]["count"] == 3
    assert host.call_on_main(lambda live: len(song_of(live).tracks)) == 6


def test_the_sink_drops_reports_closer_than_the_interval_but_never_the_last():
    sent = []
    now = [0.0]
    sink = progress.Sink(7, sent.append, clock=lambda: now[0])
    assert sink(1, 10, "a")
    assert not sink(2, 10, "b")  # 0 s later
    now[0] += progress.MIN_INTERVAL
    assert sink(3, 10, "c")
    assert sink(10, 10, "done")  # final, however soon
    lines = [json.loads(line) for line in sent]
    assert [line["params"]["done"] for line in lines] == [1, 3, 10]
    assert all(line["params"]["request_id"] == 7 for line in lines)


def test_a_handler_context_without_a_sink_ignores_progress(host):
    from live_script.execution.context import HandlerContext

    def run(live):
        ctx = HandlerContext(host.surface.runtime.script)
        ctx.progress(1, 2, "nobody listens")
        return True

    assert host.call_on_main(run)


def test_describe_knows_every_kind_of_id(client):
    # A groove, like any object an id can name, is described, not refused as the wrong kind.
    (groove,) = client.call("system.describe", {"ids": ["groove:0"]})["items"]
    assert "error" not in groove and groove["text"].startswith("groove ")

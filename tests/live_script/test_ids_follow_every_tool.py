"""Every id-taking method, from its spec example: an id issued before the Set shifted (a track,
a scene, a cue point and devices inserted before the ones it names: see `shift`) still names
its own object. The call with the old tagged ids must do exactly what the same call with the
object's current untagged ids does on a twin Set (byte-equal dumps, equal results but for tags),
and say which ids moved; with the object deleted it is STALE_REFERENCE and nothing changes.

Cases come from dispatch_gen.METHODS and each spec's example, so a new tool is covered without
touching this file."""

import json

import pytest
from conftest import song_of, start_host, untag
from set_dump import dump_set
from test_bridge_undo import _example

from live_script import dispatch_gen
from live_script.errors import RpcError
from live_script.lom import ids


def _id_paths(value, where=()):
    """(path inside the params, id text) for every string in them that is an id."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _id_paths(child, (*where, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _id_paths(child, (*where, index))
    elif isinstance(value, str) and ids.kind_of(value) not in (None, "song", "main"):
        yield where, value


def _with(params, replacements):
    out = json.loads(json.dumps(params))
    for where, text in replacements:
        node = out
        for part in where[:-1]:
            node = node[part]
        node[where[-1]] = text
    return out


def _cases():
    out = []
    for method in sorted(dispatch_gen.METHODS):
        params, _tool, error = _example(method)
        if error is None and list(_id_paths(params)):
            out.append(method)
    return out


def shift(live):
    """Move things without deleting any: every track, scene and return track device shifts, and
    so do the devices of every MIDI track and the cue points after bar 5."""
    song = song_of(live)
    song.create_midi_track(0)
    song.create_scene(0)
    for track in song.tracks:
        if track.has_midi_input and len(track.devices):
            track.insert_device("Arpeggiator", 0)
    for track in song.return_tracks:
        track.insert_device("Reverb", 0)
    song.current_song_time = 16.0
    song.set_or_delete_cue()
    song.current_song_time = 0.0


def _registry(host):
    return host.surface.runtime.script.ids


def _issue_all(host, found):
    """Each example id as the script would have issued it before the shift (every tag)."""

    def issue(live):
        song, registry = song_of(live), _registry(host)
        out = []
        for where, text in found:
            target = registry.resolve(song, text, (ids.kind_of(text),), "id")
            out.append((where, registry.issue(target.obj, target.path, song)))
        return out

    return host.call_on_main(issue)


def _now(host, issued):
    """Each issued id's untagged path now, as a person would type it after the shift."""

    def paths(live):
        song, registry = song_of(live), _registry(host)
        return [
            (where, registry.resolve(song, text, (ids.kind_of(text),), "id").path)
            for where, text in issued
        ]

    return host.call_on_main(paths)


@pytest.fixture
def twin(tmp_path, connect):
    host = start_host(tmp_path / "twin")
    yield host, connect(host)
    host.stop()


@pytest.mark.parametrize("method", _cases())
def test_old_ids_after_a_shift_address_the_same_objects(host, client, twin, method):
    twin_host, twin_client = twin
    params = _example(method)[0]
    issued = _issue_all(host, list(_id_paths(params)))
    host.call_on_main(shift)
    twin_host.call_on_main(shift)
    current = _now(host, issued)

    followed = client.request(method, _with(params, issued))
    reference = twin_client.request(method, _with(params, current))
    assert host.call_on_main(dump_set) == twin_host.call_on_main(dump_set)
    assert ("error" in followed) == ("error" in reference), (followed, reference)
    if "error" in followed:  # the call fails the same way on both (e.g. a device the shift moved)
        assert followed["error"]["data"] == reference["error"]["data"]
        return
    result = followed["result"]
    moved = result.pop(ids.MOVED_KEY, {})
    expected = {
        text for (_, text), (_, now) in zip(issued, current, strict=True) if untag(text) != now
    }
    assert set(moved) == expected
    assert untag(json.dumps(result, sort_keys=True)) == untag(
        json.dumps(reference["result"], sort_keys=True)
    )


def _delete_holder(host, text):
    """Delete the object `text` names, or the nearest deletable object holding it; False when
    none can be (a cue point, the Main track's members)."""

    def delete(live):
        song, registry = song_of(live), _registry(host)
        segments = ids.parse(text)
        for depth in range(len(segments), 0, -1):
            prefix = "/".join(s.text() for s in segments[:depth])
            kind = segments[depth - 1].name
            try:
                target = registry.resolve(song, prefix, (kind,), "id")
            except RpcError:
                return False
            obj, index = target.obj, target.indices.get(kind)
            if kind == "clip":
                obj.canonical_parent.delete_clip()
            elif kind == "arrclip":
                obj.canonical_parent.delete_clip(obj)
            elif kind == "device":
                parent = obj.canonical_parent
                parent.delete_device(list(parent.devices).index(obj))
            elif kind == "track":
                song.delete_track(index)
            elif kind == "return":
                song.delete_return_track(index)
            elif kind == "scene":
                song.delete_scene(index)
            else:
                continue
            return True
        return False

    return host.call_on_main(delete)


@pytest.mark.parametrize("method", _cases())
def test_old_ids_of_a_deleted_object_are_stale_and_change_nothing(host, client, method):
    params = _example(method)[0]
    issued = _issue_all(host, list(_id_paths(params)))
    host.call_on_main(shift)
    if not _delete_holder(host, issued[0][1]):
        pytest.skip(f"{issued[0][1]} names nothing a script can delete")
    before = host.call_on_main(dump_set)
    error = client.error(method, _with(params, issued))
    assert error["data"]["code"] == "STALE_REFERENCE", error
    assert host.call_on_main(dump_set) == before

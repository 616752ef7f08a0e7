"""Property: whatever tracks, scenes and devices are inserted, deleted, duplicated or moved, an id
the script issued never names another object. It resolves to its own object (at its place now,
with the fresh id saying so), or, once that object is gone, it is STALE_REFERENCE."""

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fake_live
from live_script.errors import RpcError
from live_script.lom import ids

OPS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "insert_track",
                "delete_track",
                "duplicate_track",
                "insert_scene",
                "delete_scene",
                "duplicate_scene",
                "insert_device",
                "delete_device",
                "move_device",
                "issue",
            ]
        ),
        st.integers(min_value=0, max_value=1000),
        st.integers(min_value=0, max_value=1000),
    ),
    min_size=1,
    max_size=25,
)


def _midi_tracks(song):
    return [(i, t) for i, t in enumerate(song.tracks) if t.has_midi_input]


def _apply(song, op, a, b):
    tracks, scenes = list(song.tracks), list(song.scenes)
    if op == "insert_track":
        song.create_midi_track(a % (len(tracks) + 1))
    elif op == "delete_track" and len(tracks) > 1:
        song.delete_track(a % len(tracks))
    elif op == "duplicate_track":
        song.duplicate_track(a % len(tracks))
    elif op == "insert_scene":
        song.create_scene(a % (len(scenes) + 1))
    elif op == "delete_scene" and len(scenes) > 1:
        song.delete_scene(a % len(scenes))
    elif op == "duplicate_scene":
        song.duplicate_scene(a % len(scenes))
    elif op == "insert_device":
        _, track = _midi_tracks(song)[a % len(_midi_tracks(song))]
        track.insert_device("Arpeggiator", b % (len(track.devices) + 1))
    elif op in ("delete_device", "move_device"):
        holders = [t for t in tracks if len(t.devices)]
        if not holders:
            return
        track = holders[a % len(holders)]
        index = b % len(track.devices)
        if op == "delete_device":
            track.delete_device(index)
        else:
            device = track.devices[index]
            # MIDI effects only go to MIDI tracks; Live keeps a chain's order by device type.
            targets = [t for _, t in _midi_tracks(song)] if device.name == "Arpeggiator" else tracks
            song.move_device(device, targets[b % len(targets)], 0)


def _issue_some(song, registry, a, b):
    """Issue the id of one object chosen by (a, b): a track, scene, slot, clip, device or param."""
    out = []
    tracks = list(song.tracks)
    ti = a % len(tracks)
    track = tracks[ti]
    si = b % len(song.scenes)
    out.append((track, f"track:{ti}"))
    out.append((song.scenes[si], f"scene:{si}"))
    slot = track.clip_slots[si]
    out.append((slot, f"track:{ti}/clipslot:{si}"))
    if slot.has_clip:
        out.append((slot.clip, f"track:{ti}/clipslot:{si}/clip"))
    if len(track.devices):
        di = b % len(track.devices)
        device = track.devices[di]
        out.append((device, f"track:{ti}/device:{di}"))
        if len(device.parameters):
            pi = a % len(device.parameters)
            out.append((device.parameters[pi], f"track:{ti}/device:{di}/param:{pi}"))
    return [(obj, registry.issue(obj, path, song)) for obj, path in out]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=OPS)
def test_an_issued_id_names_its_own_object_or_is_stale(ops):
    live = fake_live.make_live()
    song = live.Application.get_application().get_document()
    registry = ids.IdRegistry()
    issued = _issue_some(song, registry, 1, 0)
    for op, a, b in ops:
        if op == "issue":
            issued += _issue_some(song, registry, a, b)
        else:
            # Live may refuse (an effect where it cannot go): then nothing changed.
            with contextlib.suppress(RuntimeError):
                _apply(song, op, a, b)
        for obj, text in issued:
            kind = ids.kind_of(text)
            try:
                target = registry.resolve(song, text, (kind,), "id")
            except RpcError as exc:
                assert exc.code == "STALE_REFERENCE"
                assert obj == None  # noqa: E711 - a deleted LOM object compares equal to None
                continue
            assert target.obj is obj, (text, op)
            fresh = target.fresh or text
            assert registry.resolve(song, fresh, (kind,), "id").obj is obj
            assert registry.issue(obj, target.path, song) == fresh

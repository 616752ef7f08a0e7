"""Ids that follow their object: what resolving an id costs when its object moved, in a Set of 200
tracks (each with a device and a clip), against the same id resolved where it was issued.

* ``ids.resolve ... moved - unmoved``: the extra time of resolving a clip id, a parameter id and a
  track id whose track moved down one (a track inserted at the top), over the same ids with
  nothing moved, median of many resolves; target at most 1 ms more.
* ``ids.resolve device moved to another track``: the Set-wide search for a device that changed
  track (Song.move_device) to one near the end of the list, for information.
* ``ids.issue 200 track ids``: issuing a listing's ids now that every segment is tagged (the
  ancestors are walked), against tagging the last segment only (the previous scheme).

    python -m bench.ids_bench
"""

from __future__ import annotations

import fake_live
from bench.timing import median_of, row
from live_script.lom import ids

TRACKS = 200
RUNS = 400
WHERE = 150  # the track the ids name, near the end of the list


def _set():
    live = fake_live.make_live(demo=False)
    song = live.Application.get_application().get_document()
    for _ in range(TRACKS):
        track = song.create_midi_track(-1)
        track.insert_device("Operator", 0)
        track.clip_slots[0].create_clip(4.0)
    return song


def _median_ms(fn, runs: int = RUNS) -> float:
    return median_of(runs, fn) * 1000


def _resolve_all(registry, song, texts):
    def go():
        for text in texts:
            registry.resolve(song, text, (ids.kind_of(text),), "id")

    return go


def run() -> list[dict]:
    song = _set()
    registry = ids.IdRegistry()
    track = song.tracks[WHERE]
    texts = [
        registry.issue(track, f"track:{WHERE}", song),
        registry.issue(track.clip_slots[0].clip, f"track:{WHERE}/clipslot:0/clip", song),
        registry.issue(track.devices[0].parameters[1], f"track:{WHERE}/device:0/param:1", song),
    ]
    unmoved = _median_ms(_resolve_all(registry, song, texts)) / len(texts)
    song.create_midi_track(0)
    assert all(registry.resolve(song, t, (ids.kind_of(t),), "id").fresh for t in texts)
    moved = _median_ms(_resolve_all(registry, song, texts)) / len(texts)
    extra = moved - unmoved

    device = song.tracks[WHERE + 1].insert_device("Arpeggiator", 0)
    device_id = registry.issue(device, f"track:{WHERE + 1}/device:0", song)
    song.move_device(device, song.tracks[TRACKS - 10], 0)  # far down: most tracks are searched
    roamed = _median_ms(_resolve_all(registry, song, [device_id]), runs=50)

    tracks = list(song.tracks)

    def issue(with_song):
        def go():
            for index, item in enumerate(tracks):
                registry.issue(item, f"track:{index}", song if with_song else None)

        return go

    tagged_all = _median_ms(issue(True), runs=30)
    tagged_last = _median_ms(issue(False), runs=30)
    return [
        row(
            f"ids.resolve, {TRACKS} tracks: moved - unmoved (per id)",
            extra,
            "ms",
            target="<= 1 ms",
            ok=extra <= 1.0,
        ),
        row(f"ids.resolve, {TRACKS} tracks: unmoved (per id)", unmoved, "ms"),
        row(f"ids.resolve, {TRACKS} tracks: device moved to another track", roamed, "ms"),
        row(
            f"ids.issue, {TRACKS} track ids (every segment tagged)",
            tagged_all,
            "ms",
            baseline=tagged_last,
        ),
    ]


if __name__ == "__main__":
    from bench.__main__ import print_table

    print_table(run())

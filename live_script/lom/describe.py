"""Plain-words descriptions of the objects a call names, read from Live without changing it.

Used before a call that needs the user's approval: "track 'Bass' (MIDI) with 4 clips and 2
devices". Reads only (no undo step is opened for it: its method's undo policy is `none`); an id
that no longer resolves is described as such rather than failing the whole description.
"""

from ..errors import RpcError
from .ids import KINDS


def _plural(count, word):
    return "%d %s%s" % (count, word, "" if count == 1 else "s")


def _quoted(name):
    return "'%s'" % (name or "")


def _track(track):
    clips = sum(1 for slot in track.clip_slots if slot.has_clip)
    kind = "MIDI" if track.has_midi_input else "audio"
    return "track %s (%s) with %s and %s" % (
        _quoted(track.name),
        kind,
        _plural(clips, "clip"),
        _plural(len(list(track.devices)), "device"),
    )


def _plain_track(track, kind):
    word = {"return": "return track", "main": "the Main track"}.get(kind, "track")
    devices = _plural(len(list(track.devices)), "device")
    if kind == "main":
        return "%s with %s" % (word, devices)
    return "%s %s with %s" % (word, _quoted(track.name), devices)


def _clip(clip):
    text = "clip %s (%s beats" % (_quoted(clip.name), _beats(clip.length))
    if clip.is_midi_clip:
        try:
            notes = clip.get_notes_extended(0, 128, -1e6, 2e6)
            text += ", %s" % _plural(len(notes), "note")
        except Exception:  # a clip Live will not read notes from: leave the count out
            pass
    return text + ")"


def _beats(value):
    return ("%g" % round(float(value), 3)) if value is not None else "?"


def _song(song):
    return "the Set (%s BPM, %s, %s)" % (
        _beats(song.tempo),
        _plural(len(list(song.tracks)), "track"),
        _plural(len(list(song.scenes)), "scene"),
    )


def _scene(scene):
    clips = sum(1 for slot in scene.clip_slots if slot.has_clip)
    return "scene %s with %s" % (_quoted(scene.name), _plural(clips, "clip"))


def _param(param):
    try:
        value = param.str_for_value(param.value)
    except Exception:  # some parameters have no text form
        value = _beats(param.value)
    return "parameter %s (now %s)" % (_quoted(param.name), value)


def _object(target):
    obj, kind = target.obj, target.kind
    if kind == "song":
        return _song(obj)
    if kind == "track":
        return _track(obj)
    if kind in ("return", "main"):
        return _plain_track(obj, kind)
    if kind in ("clip", "arrclip"):
        return _clip(obj)
    if kind == "clipslot":
        return "clip slot %d (%s)" % (
            target.indices.get("clipslot", 0),
            _clip(obj.clip) if obj.has_clip else "empty",
        )
    if kind == "scene":
        return _scene(obj)
    if kind == "device":
        return "device %s with %s" % (
            _quoted(obj.name),
            _plural(len(list(obj.parameters)), "parameter"),
        )
    if kind in ("param", "volume", "panning", "send"):
        return _param(obj)
    if kind == "cue":
        return "locator %s at beat %s" % (_quoted(obj.name), _beats(obj.time))
    return "%s %s" % (kind, _quoted(getattr(obj, "name", "")))


def _owner(ctx, target):
    """', on track 'Bass'' for an object below a track (not for the track itself)."""
    head = target.path.split("/", 1)[0]
    if "/" not in target.path or not head.startswith(("track", "return")):
        return ""
    try:
        track = ctx.resolve(head, ("track", "return"), "id").obj
    except RpcError:
        return ""
    return " on track %s" % _quoted(track.name)


def describe(ctx, texts):
    """[{"id", "text"}] for each id, in order; a stale or malformed id gets {"id", "error"}."""
    out = []
    for text in texts:
        try:
            target = ctx.resolve(text, KINDS, "id")
        except RpcError as exc:
            out.append({"id": text, "error": "%s: %s" % (exc.code, exc.message)})
            continue
        out.append({"id": text, "text": _object(target) + _owner(ctx, target)})
    return out

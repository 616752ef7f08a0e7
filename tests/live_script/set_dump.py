"""A full, comparable dump of a (fake) Live Set through Live's public API.

Two dumps are equal when nothing a user could see changed: tracks, mixers, devices and their
parameter values, Session and Arrangement clips with their notes and envelopes, scenes and cue
points. Call it on Live's main thread (``host.call_on_main(dump_set)``).
"""


def _param(param):
    return (param.name, float(param.value))


def _envelopes(clip, track):
    if clip.is_arrangement_clip or not hasattr(clip, "automation_envelope"):
        return None
    params = [track.mixer_device.volume, track.mixer_device.panning, *track.mixer_device.sends]
    params += [p for device in track.devices for p in device.parameters]
    out = []
    for param in params:
        envelope = clip.automation_envelope(param)
        if envelope is not None and hasattr(envelope, "events_in_range"):
            events = envelope.events_in_range(-1e7, 1e7)
            out.append((param.name, tuple((e.time, e.value) for e in events)))
    return (bool(clip.has_envelopes), tuple(out))


def _clip(clip, track):
    if clip is None:
        return None
    notes = None
    if clip.is_midi_clip:
        found = clip.get_notes_extended(0, 128, -1e7, 2e7)
        notes = tuple(
            sorted((n.pitch, n.start_time, n.duration, n.velocity, n.mute) for n in found)
        )
    return {
        "name": clip.name,
        "midi": bool(clip.is_midi_clip),
        "start": float(clip.start_time) if clip.is_arrangement_clip else None,
        "loop": (clip.looping, clip.loop_start, clip.loop_end),
        "markers": (clip.start_marker, clip.end_marker),
        "muted": clip.muted,
        "notes": notes,
        "envelopes": _envelopes(clip, track),
    }


def _track(track):
    mixer = track.mixer_device
    return {
        "name": track.name,
        "state": (track.mute, track.solo, track.color_index),
        "mixer": (_param(mixer.volume), _param(mixer.panning), tuple(map(_param, mixer.sends))),
        "devices": tuple(
            (d.name, d.class_name, tuple(map(_param, d.parameters))) for d in track.devices
        ),
        "slots": tuple(_clip(slot.clip, track) for slot in track.clip_slots),
        "arrangement": tuple(_clip(c, track) for c in track.arrangement_clips),
    }


def dump_set(live):
    song = live.Application.get_application().get_document()
    return {
        "tempo": song.tempo,
        "signature": (song.signature_numerator, song.signature_denominator),
        "tracks": tuple(_track(t) for t in song.tracks),
        "returns": tuple(_track(t) for t in song.return_tracks),
        "main": _track(song.master_track),
        "scenes": tuple(scene.name for scene in song.scenes),
        "cues": tuple(sorted((c.time, c.name) for c in song.cue_points)),
    }

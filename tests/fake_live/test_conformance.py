"""The fake's surface is a subset of Live's, version by version (live12_api.json is the record)."""

from __future__ import annotations

import pytest
from fake_live_api_record import (
    class_violations,
    load_api,
    module_violations,
    public_members,
    recorded_since,
    signature_violations,
)

import fake_live
from fake_live.core.version import CAPTURED_VERSIONS, parse_version

API = load_api()
LATEST = fake_live.make_live()
LATEST_MEMBERS = {key: public_members(cls) for key, cls in LATEST._world.cls.items()}


def _devices_below(container):
    """Every device, parameter, chain and drum pad below a track or chain."""
    out = []
    for device in container.devices:
        out += [device, *device.parameters]
        if device.can_have_drum_pads:
            out += [pad for pad in device.drum_pads if pad.chains]
        if device.can_have_chains:
            for chain in device.chains:
                out += [chain, *_devices_below(chain)]
    return out


def _all_objects(live):
    """Every reachable LOM object of a demo Set, to check instances as well as classes."""
    app = live.Application.get_application()
    song = app.get_document()
    out = [app, app.browser, app.view, song, song.view, *song.cue_points, song.groove_pool]
    out += [*song.groove_pool.grooves, song.tuning_system]
    for track in (*song.tracks, *song.return_tracks, song.master_track):
        out += [track, track.view, track.mixer_device, *track.mixer_device.sends]
        out += [track.mixer_device.volume, track.mixer_device.panning]
        out += _devices_below(track)
        for slot in track.clip_slots:
            out.append(slot)
            if slot.clip is not None:
                out += [slot.clip, *slot.clip.get_notes_extended(0, 128, 0, 1000)]
                for device in track.devices:
                    for param in device.parameters:
                        envelope = slot.clip.automation_envelope(param)
                        if envelope is not None:
                            out += [envelope, *envelope.events_in_range(0, 1000)]
        out += list(track.arrangement_clips)
    out += list(song.scenes)
    out += [app.browser.instruments, *app.browser.instruments.children]
    return out


def test_the_demo_set_reaches_racks_chains_and_pads():
    kinds = {type(obj).__name__ for obj in _all_objects(LATEST)}
    assert {"RackDevice", "DrumChain", "DrumPad", "SimplerDevice"} <= kinds


@pytest.mark.parametrize("version", CAPTURED_VERSIONS)
def test_every_class_member_exists_in_live_at_that_version(version):
    live = fake_live.make_live(version)
    v = parse_version(version)
    problems = []
    for key, cls in live._world.cls.items():
        problems += class_violations(cls, key, v, API)
    assert problems == []


@pytest.mark.parametrize("version", CAPTURED_VERSIONS)
def test_members_are_exactly_those_live_has_at_that_version(version):
    """Gating both ways: what the fake implements is present iff Live has it at that version."""
    live = fake_live.make_live(version)
    v = parse_version(version)
    for key, cls in live._world.cls.items():
        expected = {
            m
            for m in LATEST_MEMBERS[key]
            if m in API["classes"][key].get("nested", {})
            or parse_version(recorded_since(key, m, API)) <= v
        }
        assert public_members(cls) == expected, key


@pytest.mark.parametrize("version", CAPTURED_VERSIONS)
def test_every_module_name_exists_in_live_at_that_version(version):
    live = fake_live.make_live(version)
    assert module_violations(live, parse_version(version), API) == []


def test_every_method_takes_lives_arguments():
    """Same number of arguments, same optional tail, and Live's keyword names where it has any."""
    problems = []
    for key, cls in LATEST._world.cls.items():
        problems += signature_violations(cls, key, API)
    assert problems == []


def test_instances_carry_no_public_state():
    """Public names must come from the (checked) class, never from an instance's __dict__."""
    for obj in _all_objects(LATEST):
        public = [k for k in vars(obj) if not k.startswith("_")]
        assert public == [], (type(obj).__name__, public)


def test_the_fake_covers_the_classes_a_remote_script_needs():
    needed = {
        "Application",
        "Song",
        "Song.View",
        "Track",
        "ClipSlot",
        "Clip",
        "MidiNote",
        "MidiNoteSpecification",
        "Device",
        "DeviceParameter",
        "MixerDevice",
        "Scene",
        "CuePoint",
        "Application.View",
        "Envelope",
        "EnvelopeEvent",
        "Browser",
        "BrowserItem",
        "Timer",
        "RackDevice",
        "Chain",
        "DrumChain",
        "DrumPad",
        "PluginDevice",
        "SimplerDevice",
    }
    assert needed <= set(LATEST._world.cls)


# --- the checker itself must catch a fake that drifts from Live ---------------------------------


def _fresh(version="12.3.6"):
    return fake_live.make_live(version, demo=False)


def test_checker_catches_an_invented_method():
    live = _fresh()
    live.Track.Track.frobnicate = lambda self: None
    problems = class_violations(live.Track.Track, "Track", (12, 3, 6), API)
    assert problems == ["Track.frobnicate: Live has no such member"]


def test_checker_catches_an_invented_property_on_a_subclass():
    live = _fresh()

    class Drifted(live.Clip.Clip):
        @property
        def swing(self):
            return 0.5

    Drifted.__module__, Drifted.__qualname__ = "Live.Clip", "Clip"
    problems = class_violations(Drifted, "Clip", (12, 3, 6), API)
    assert problems == ["Clip.swing: Live has no such member"]


def test_checker_catches_a_setter_live_does_not_have():
    live = _fresh()
    prop = live.Clip.Clip.length
    live.Clip.Clip.length = property(prop.fget, lambda self, v: None)
    problems = class_violations(live.Clip.Clip, "Clip", (12, 3, 6), API)
    assert problems == ["Clip.length: read-only in Live, settable in the fake"]


def test_checker_catches_a_member_newer_than_the_version():
    live = _fresh("11.0.0")
    live.Track.Track.insert_device = LATEST.Track.Track.insert_device
    problems = class_violations(live.Track.Track, "Track", (11, 0, 0), API)
    assert problems == ["Track.insert_device: exists only from Live 12.3.0"]


def test_checker_catches_a_property_that_should_be_a_method():
    live = _fresh()
    live.Song.Song.undo = property(lambda self: None)
    problems = class_violations(live.Song.Song, "Song", (12, 3, 6), API)
    assert problems == ["Song.undo: a method in Live, not one in the fake"]


def test_checker_catches_an_invented_module_name():
    live = _fresh()
    live.Song.Conductor = type("Conductor", (), {})
    assert module_violations(live, (12, 3, 6), API) == [
        "Live.Song.Conductor: Live has no such name"
    ]


def test_checker_catches_a_wrong_signature():
    live = _fresh()
    live.Clip.Clip.get_notes_extended = lambda self, from_time, time_span: ()
    live.Base.Timer.__init__ = lambda self, callback, interval, repeat=False: None
    live.Song.Song.create_midi_track = lambda self, index=None: None
    problems = signature_violations(live.Clip.Clip, "Clip", API)
    problems += signature_violations(live.Base.Timer, "Timer", API)
    problems += signature_violations(live.Song.Song, "Song", API)
    assert problems == [
        "Clip.get_notes_extended: takes 2..2 arguments, Live 4..4",
        "Timer.__init__: takes 2..3 arguments, Live 2..4",
        "Song.create_midi_track: argument 'index' is 'Index' in Live",
    ]

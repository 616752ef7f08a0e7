"""The fake conforms to `ableton-live-stubs` by type, not only by name (see stub_conformance.py)."""

from __future__ import annotations

import pytest
from fake_gaps import GAPS, OVERLOADS, listed
from fake_live_api_record import load_api
from live_stubs import stub_classes
from stub_conformance import (
    kind_violations,
    missing_members,
    stale_gaps,
    value_matches,
    value_violations,
)
from test_conformance import _all_objects

import fake_live
from fake_live.core.version import parse_version

API = load_api()
# The oldest and the newest Live the fake emulates: gating by version is test_conformance's job.
VERSIONS = ["11.0.0", "12.3.6"]


def test_the_stubs_are_read():
    classes = stub_classes()
    assert classes["Track"]["mute"].kind == "property" and classes["Track"]["mute"].settable
    assert classes["Track"]["devices"].returns == "Vector[Device]"
    create = classes["Track"]["create_midi_clip"]
    assert (create.kind, create.positional, create.required) == ("method", 2, 2)
    # Inherited from the stub's base class (Track < DeviceContainer).
    assert "devices" in classes["Track"] and "canonical_parent" in classes["Song.View"]


@pytest.mark.parametrize("version", VERSIONS)
def test_every_member_the_stubs_declare_is_offered_or_a_listed_gap(version):
    live = fake_live.make_live(version)
    problems = []
    for key, cls in sorted(live._world.cls.items()):
        problems += missing_members(cls, key, parse_version(version), API)
    assert problems == []


def test_no_listed_gap_is_implemented():
    live = fake_live.make_live()
    problems = []
    for key, cls in sorted(live._world.cls.items()):
        problems += stale_gaps(cls, key, listed(key))
    assert problems == []
    assert set(GAPS) <= set(live._world.cls), "fake_gaps.py names a class the fake lacks"


@pytest.mark.parametrize("version", VERSIONS)
def test_kinds_setters_and_arity_match_the_stubs(version):
    live = fake_live.make_live(version)
    problems = []
    for key, cls in sorted(live._world.cls.items()):
        problems += kind_violations(cls, key, parse_version(version), API)
    assert problems == []


def test_each_listed_overload_is_wider_than_the_stubs_and_lives_own():
    """An OVERLOADS entry is needed: the fake takes more than the stub, as many as Live records."""
    import inspect

    from fake_live_api_record import recorded_params, widest_signature

    live = fake_live.make_live()
    for key, name in OVERLOADS:
        params = list(inspect.signature(getattr(live._world.cls[key], name)).parameters)[1:]
        stub = stub_classes()[key][name]
        names, _required = recorded_params(
            widest_signature(name, API["classes"][key]["methods"][name])
        )
        assert len(params) > stub.positional and params == names, (key, name)


def test_property_values_on_the_demo_set_have_the_stubs_types():
    assert value_violations(_all_objects(fake_live.make_live()), API) == []


# --- the checker itself must catch a fake that departs from the stubs ---------------------------


def _fresh():
    return fake_live.make_live("12.3.6", demo=False)


def test_checker_catches_a_signature_that_departs_from_the_stub():
    live = _fresh()
    live.Track.Track.create_midi_clip = lambda self, start_time: None
    live.Song.Song.create_midi_track = lambda self, index, name: None
    problems = kind_violations(live.Track.Track, "Track", (12, 3, 6), API)
    problems += kind_violations(live.Song.Song, "Song", (12, 3, 6), API)
    assert problems == [
        "Track.create_midi_clip: takes 1..1 arguments, the stubs 2..2",
        "Song.create_midi_track: takes 2..2 arguments, the stubs 0..1",
    ]


def test_checker_catches_a_lost_setter_and_a_method_made_property():
    live = _fresh()
    live.Track.Track.mute = property(live.Track.Track.mute.fget)
    live.Track.Track.stop_all_clips = property(lambda self: None)
    problems = kind_violations(live.Track.Track, "Track", (12, 3, 6), API)
    assert problems == [
        "Track.mute: settable in the stubs",
        "Track.stop_all_clips: the stubs declare a method",
    ]


def test_checker_catches_a_value_of_the_wrong_type():
    live = fake_live.make_live()
    song = live.Application.get_application().get_document()
    live.Track.Track.mute = property(lambda self: 1, live.Track.Track.mute.fset)
    problems = value_violations([song.tracks[0]], API)
    assert "Track.mute: the fake gives int 1, the stubs say bool" in problems


def test_checker_catches_an_unlisted_missing_member():
    live = _fresh()
    del live.Track.Track.stop_all_clips
    assert missing_members(live.Track.Track, "Track", (12, 3, 6), API) == [
        "Track.stop_all_clips: declared by the stubs, missing in the fake and not listed in "
        "fake_gaps.py"
    ]


@pytest.mark.parametrize(
    ("value", "annotation", "verdict"),
    [
        (True, "bool", True),
        (1, "bool", False),
        (1, "float", True),
        (True, "int", False),
        (None, "Track", True),
        ("x", "Vector[Device]", False),
        ((1.0, 2.0), "tuple[float, ...]", True),
        ((1.0, "a"), "tuple[float, ...]", False),
        (None, "int | None", True),
        (3, "str | None", False),
        ("x", "Callable[[], None]", None),
    ],
)
def test_value_matcher(value, annotation, verdict):
    assert value_matches(value, annotation) is verdict

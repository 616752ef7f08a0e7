"""Fixtures for the fake_live tests: a fresh demo Live per test (cheap: a few milliseconds).

Not a conftest.py on purpose: conftest modules outside packages all share the module name
``conftest``, and other test folders import helpers from theirs by that name. Test modules here
import these fixtures explicitly (``from fake_live_fixtures import song_fixture``).
"""

from __future__ import annotations

import pytest

import fake_live


@pytest.fixture(name="live")
def live_fixture():
    return fake_live.make_live()


@pytest.fixture(name="song")
def song_fixture(live):
    return live.Application.get_application().get_document()


@pytest.fixture(name="spec")
def spec_fixture(live):
    return live.Clip.MidiNoteSpecification


def recording_set(version=fake_live.LATEST):
    """(live, its Song, its recorder: the test hooks that play notes and run the clock)."""
    live = fake_live.make_live(version)
    return live, live._world.song, live._world.recorder


def find_item(item, name):
    """The first browser item called `name` at or below `item` (depth first), or None."""
    if item.name == name:
        return item
    for child in item.children:
        found = find_item(child, name)
        if found is not None:
            return found
    return None

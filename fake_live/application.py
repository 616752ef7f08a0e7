"""Live.Application.Application and the module functions of Live.Application."""

from __future__ import annotations

import random
from typing import ClassVar

from .lom import LomObject, new
from .version import format_version


class ApplicationImpl(LomObject):
    _SINCE: ClassVar[dict[str, str]] = {
        "get_version_string": "11.3.2",
        "get_build_id": "12.0.0",
        "get_variant": "12.0.0",
        "average_process_usage": "11.1.0",
        "peak_process_usage": "11.1.0",
    }

    def _init(self):
        self._setup(None)
        self._browser = new(self._w.cls["Browser"])

    @property
    def browser(self):
        return self._browser

    def get_document(self):
        return self._w.song

    def get_major_version(self) -> int:
        return self._w.version[0]

    def get_minor_version(self) -> int:
        return self._w.version[1]

    def get_bugfix_version(self) -> int:
        return self._w.version[2]

    def get_version_string(self) -> str:
        return format_version(self._w.version)

    def get_build_id(self) -> str:
        return f"fake-live-{format_version(self._w.version)}"

    def get_variant(self) -> str:
        return "Suite"

    def has_option(self, name) -> bool:
        return False  # no Options.txt

    @property
    def average_process_usage(self) -> float:
        return 0.05

    @property
    def peak_process_usage(self) -> float:
        return 0.1

    @property
    def open_dialog_count(self) -> int:
        return 0

    @property
    def current_dialog_message(self) -> str:
        return ""

    @property
    def current_dialog_button_count(self) -> int:
        return 0


def module_functions(world) -> dict:
    """Live.Application's functions, bound to one fake Live instance."""
    rng = random.Random(0)  # deterministic, per instance

    def get_application():
        return world.application

    def get_random_int(low, high):
        return rng.randint(int(low), int(high) - 1) if int(high) > int(low) else int(low)

    def combine_apcs():
        return False

    return {
        "get_application": get_application,
        "get_random_int": get_random_int,
        "combine_apcs": combine_apcs,
    }

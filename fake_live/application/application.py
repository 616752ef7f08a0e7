"""Live.Application.Application and the module functions of Live.Application."""

from __future__ import annotations

import random
from typing import ClassVar

from ..core.lom import LomObject, install_listeners, new, reject
from ..core.version import format_version

# Application.View's identifiers (available_main_views), and the two the main window alternates.
MAIN_VIEWS = ("Browser", "Arranger", "Session", "Detail", "Detail/Clip", "Detail/DeviceChain")
DOCUMENT_VIEWS = ("Session", "Arranger")
_DETAIL_PANES = ("Detail/Clip", "Detail/DeviceChain")


class ApplicationViewImpl(LomObject):
    """The window's views. Not part of the Set: nothing here is undoable."""

    def _init(self, application):
        self._setup(application)
        self._document = "Session"
        self._visible = {"Browser", "Detail", "Detail/DeviceChain"}
        self._focused = "Session"

    def _known(self, identifier) -> str:
        name = str(identifier)
        if name not in MAIN_VIEWS:
            raise reject(f"Unknown view '{name}'")
        return name

    @property
    def focused_document_view(self) -> str:
        return self._document

    @property
    def browse_mode(self) -> bool:
        # Live: "Return true if HotSwap mode is active for any target."
        return self._parent._browser.hotswap_target is not None

    def available_main_views(self) -> tuple:
        return MAIN_VIEWS

    def show_view(self, arg2) -> None:
        name = self._known(arg2)
        if name in DOCUMENT_VIEWS:
            if name != self._document:
                self._document = name
                self._notify("focused_document_view")
            return
        if name in _DETAIL_PANES:
            self._visible.difference_update(_DETAIL_PANES)
            self._visible.add("Detail")
        self._visible.add(name)

    def focus_view(self, arg2) -> None:
        self.show_view(arg2)
        self._focused = self._known(arg2)
        self._notify("view_focus_changed")

    def hide_view(self, arg2) -> None:
        name = self._known(arg2)
        if name in DOCUMENT_VIEWS:
            if name == self._document:  # the main window always shows one of the two
                other = DOCUMENT_VIEWS[1 - DOCUMENT_VIEWS.index(name)]
                self.show_view(other)
            return
        self._visible.discard(name)
        if name == "Detail":
            self._visible.difference_update(_DETAIL_PANES)

    def is_view_visible(self, identifier, main_window_only=True) -> bool:
        name = self._known(identifier)
        if name in DOCUMENT_VIEWS:
            return name == self._document
        return name in self._visible


install_listeners(ApplicationViewImpl, "focused_document_view", "browse_mode", "view_focus_changed")


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
        self._view = new(self._w.cls["Application.View"], self)

    @property
    def view(self):
        return self._view

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
        return self._w.edition

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

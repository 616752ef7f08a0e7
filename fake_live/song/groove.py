"""Live.GroovePool.GroovePool (the Set's groove pool), Live.Groove.Groove and Live.Groove.Base.

Live's API cannot add a groove to the pool (that is done by dragging a groove file in): the pool
holds what the Set was saved with, and the fake's Sets add theirs with ``_add``. Amounts are in
percent, as Live's Groove Pool shows them: quantization, timing and random 0..100, velocity
-100..100; Live clamps a value outside its range, and so does the fake. The global amount
(``Song.groove_amount``) is 0..1.3 (130 %), held by the Song.
"""

from __future__ import annotations

from typing import ClassVar

from ..core.enums import Base
from ..core.lom import LomObject, enum_member, install_listeners, new, reject

GROOVE_AMOUNT_MAX = 1.3  # Song.groove_amount: Live's Global Amount runs 0..130 %
_RANGES = {
    "quantization_amount": (0.0, 100.0),
    "timing_amount": (0.0, 100.0),
    "random_amount": (0.0, 100.0),
    "velocity_amount": (-100.0, 100.0),
}


def _clamped(prop: str, value) -> float:
    low, high = _RANGES[prop]
    return min(max(float(value), low), high)


class GrooveImpl(LomObject):
    _SINCE: ClassVar[dict[str, str]] = {"canonical_parent": "11.1.0"}

    def _init(self, pool, name: str, base: Base, timing: float, random: float, velocity: float):
        self._setup(pool)
        self._name = str(name)
        self._base = base
        self._quantization_amount = 0.0
        self._timing_amount = _clamped("timing_amount", timing)
        self._random_amount = _clamped("random_amount", random)
        self._velocity_amount = _clamped("velocity_amount", velocity)

    @property
    def name(self) -> str:
        return self._name

    @name.setter
    def name(self, value) -> None:
        self._set("_name", str(value), "name")

    @property
    def base(self) -> Base:
        return self._base

    @base.setter
    def base(self, value) -> None:
        value = enum_member(Base, value, "groove base")
        if value == Base.count:
            raise reject("Invalid groove base count")
        self._set("_base", value)  # Live has no base listener

    def _amount(self, prop: str, value) -> None:
        self._set("_" + prop, _clamped(prop, value), prop)

    @property
    def quantization_amount(self) -> float:
        return self._quantization_amount

    @quantization_amount.setter
    def quantization_amount(self, value) -> None:
        self._amount("quantization_amount", value)

    @property
    def timing_amount(self) -> float:
        return self._timing_amount

    @timing_amount.setter
    def timing_amount(self, value) -> None:
        self._amount("timing_amount", value)

    @property
    def random_amount(self) -> float:
        return self._random_amount

    @random_amount.setter
    def random_amount(self, value) -> None:
        self._amount("random_amount", value)

    @property
    def velocity_amount(self) -> float:
        return self._velocity_amount

    @velocity_amount.setter
    def velocity_amount(self, value) -> None:
        self._amount("velocity_amount", value)


install_listeners(GrooveImpl, "name", "quantization_amount", "timing_amount", "random_amount")
install_listeners(GrooveImpl, "velocity_amount")


class GroovePoolImpl(LomObject):
    _SINCE: ClassVar[dict[str, str]] = {"canonical_parent": "11.1.0"}

    def _init(self, song):
        self._setup(song)
        self._grooves: tuple = ()

    @property
    def grooves(self) -> tuple:
        return self._grooves

    def _add(self, name: str, base=Base.gb_sixteen, timing=100.0, random=0.0, velocity=0.0):
        """A groove the Set was saved with (Live's API cannot add one; no undo history)."""
        groove = new(self._w.cls["Groove"], self, name, Base(base), timing, random, velocity)
        self._grooves = (*self._grooves, groove)
        self._notify("grooves")
        return groove


install_listeners(GroovePoolImpl, "grooves")


def clip_groove_setter(clip, value) -> None:
    """Clip.groove = a Groove of this Set's pool, or None to clear it (one undoable change)."""
    if value is not None:
        if not isinstance(value, clip._w.cls["Groove"]):
            raise TypeError("Clip.groove expects a Live.Groove.Groove or None")
        if not value._is_alive() or value not in clip._w.song._groove_pool._grooves:
            raise reject("The groove is not in this Set's groove pool")
    clip._set("_groove", value, "groove")


def song_groove_amount_setter(song, value) -> None:
    value = min(max(float(value), 0.0), GROOVE_AMOUNT_MAX)  # Live clamps the Global Amount
    song._set("_groove_amount", value, "groove_amount")


def new_pool(world, song):
    return new(world.cls["GroovePool"], song)


__all__ = ["GROOVE_AMOUNT_MAX", "Base", "GrooveImpl", "GroovePoolImpl"]

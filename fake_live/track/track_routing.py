"""Live.Track.Track's routing members (a mixin of TrackImpl): the available input and output
routing types and channels and the current ones. The choices each kind of track lists are in
routing.py."""

from __future__ import annotations

from . import routing


class TrackRoutingMixin:
    # --- routing --------------------------------------------------------------------------------
    @property
    def available_input_routing_types(self) -> tuple:
        return tuple(self._routing_type(row) for row in routing.input_types(self))

    @property
    def available_output_routing_types(self) -> tuple:
        return tuple(self._routing_type(row) for row in routing.output_types(self))

    @property
    def available_input_routing_channels(self) -> tuple:
        row, _channel = routing.current(routing.input_types(self), self._input_routing)
        return self._channels(row)

    @property
    def available_output_routing_channels(self) -> tuple:
        row, _channel = routing.current(routing.output_types(self), self._output_routing)
        return self._channels(row)

    @property
    def input_routing_type(self):
        return self._current_type(routing.input_types(self), self._input_routing)

    @input_routing_type.setter
    def input_routing_type(self, value) -> None:
        row = self._offered(routing.input_types(self), value, "input routing type")
        channel = row[3][0][0] if row[3] else ""
        self._set("_input_routing", (routing.key_of(row), channel), "input_routing_type")

    @property
    def output_routing_type(self):
        return self._current_type(routing.output_types(self), self._output_routing)

    @output_routing_type.setter
    def output_routing_type(self, value) -> None:
        row = self._offered(routing.output_types(self), value, "output routing type")
        channel = row[3][0][0] if row[3] else ""
        self._set("_output_routing", (routing.key_of(row), channel), "output_routing_type")

    @property
    def input_routing_channel(self):
        return self._current_channel(routing.input_types(self), self._input_routing)

    @input_routing_channel.setter
    def input_routing_channel(self, value) -> None:
        row, _old = routing.current(routing.input_types(self), self._input_routing)
        name = self._offered_channel(row, value, "input routing channel")
        self._set("_input_routing", (routing.key_of(row), name), "input_routing_channel")

    @property
    def output_routing_channel(self):
        return self._current_channel(routing.output_types(self), self._output_routing)

    @output_routing_channel.setter
    def output_routing_channel(self, value) -> None:
        row, _old = routing.current(routing.output_types(self), self._output_routing)
        name = self._offered_channel(row, value, "output routing channel")
        self._set("_output_routing", (routing.key_of(row), name), "output_routing_channel")

    def _routing_type(self, row):
        rtype = object.__new__(self._w.cls["RoutingType"])
        if row is None:  # a track without input: Live answers an empty, invalid type
            rtype._init("", routing.RoutingTypeCategory.invalid)
        else:
            rtype._init(row[0], row[1], row[2], row[3])
        return rtype

    def _channels(self, row) -> tuple:
        out = []
        for name, layout in row[3] if row is not None else ():
            channel = object.__new__(self._w.cls["RoutingChannel"])
            channel._init(name, layout)
            out.append(channel)
        return tuple(out)

    def _current_type(self, rows, stored):
        row, _channel = routing.current(rows, stored)
        return self._routing_type(row)

    def _current_channel(self, rows, stored):
        row, name = routing.current(rows, stored)
        channel = object.__new__(self._w.cls["RoutingChannel"])
        layouts = dict(row[3]) if row is not None else {}
        channel._init(name, layouts.get(name, routing.RoutingChannelLayout.stereo))
        return channel

    def _offered(self, rows, value, what: str):
        if not isinstance(value, self._w.cls["RoutingType"]):
            raise TypeError(f"{what} must be a Live.Track.RoutingType")
        for row in rows:
            if row[0] == value._name and routing.key_of(row) in (value._attached, value._name):
                return row
        # Live: "Raises ValueError if the type isn't one of the current values in available_*".
        raise ValueError(f"{value._name!r} is not an available {what}")

    def _offered_channel(self, row, value, what: str) -> str:
        if not isinstance(value, self._w.cls["RoutingChannel"]):
            raise TypeError(f"{what} must be a Live.Track.RoutingChannel")
        if row is None or value._name not in [name for name, _layout in row[3]]:
            raise ValueError(f"{value._name!r} is not an available {what}")
        return value._name

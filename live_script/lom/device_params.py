"""A device's parameters and settable properties as the device handlers read and write them:
one parameter's row, the value a change asks for (param_values checks it against Live's range), a
write that reports (before, after), a VST/AU plug-in's presets and the parameters Live hides."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple

from ..errors import bad_input, rejected, wrong_type
from . import device_tree, param_values, views

if TYPE_CHECKING:
    from Live.Device import Device
    from Live.DeviceParameter import DeviceParameter

    from .host import Host, Params, Result


def planned_value(param: DeviceParameter, change: Params) -> float:
    """The value `change` asks for (value, value_item or display), checked against Live's range."""
    if not param.is_enabled:
        raise rejected("parameter %r is disabled in Live right now" % param.name)
    return param_values.value_for(
        param, change.get("value"), change.get("value_item"), change.get("display")
    )


def write(ctx: Host, param: DeviceParameter, value: float) -> Tuple[float, float]:
    """Set the value (only if it differs: a no-op gives a rollback nothing to undo); (before, after)."""
    before = float(param.value)
    if value != before:
        try:
            param.value = value
        except RuntimeError as exc:
            raise views.live_rejected(exc, "set %r" % param.name) from exc
        ctx.wrote()
    return before, float(param.value)


def presets(device: Any) -> Optional[List[str]]:
    return [str(name) for name in device.presets] if is_plugin(device) else None


def is_plugin(device: Any) -> bool:
    return hasattr(device, "selected_preset_index")


def preset_index(device: Any) -> Optional[int]:
    return int(device.selected_preset_index) if is_plugin(device) else None


def automation_names(ctx: Host) -> Dict[int, str]:
    states = ctx.live.DeviceParameter.AutomationState
    return {int(getattr(states, name)): name for name in ("none", "playing", "overridden")}


def param_row(
    ctx: Host,
    param: DeviceParameter,
    index: int,
    device_id: str,
    states: Dict[int, str],
) -> Result:
    value = float(param.value)
    quantized = bool(param.is_quantized)
    return {
        "id": ctx.issue_below(device_id, ("param", index, param)),
        "index": index,
        "name": param.name,
        "value": value,
        "min": float(param.min),
        "max": float(param.max),
        "is_quantized": quantized,
        "value_items": [str(item) for item in param.value_items] if quantized else [],
        "display": param.str_for_value(value),
        "automation": states.get(int(param.automation_state), "none"),
        "is_enabled": bool(param.is_enabled),
    }


def plugin_note(device: Device) -> Tuple[Optional[int], Optional[str]]:
    """(all the plugin's parameters, a note on those Live does not expose) for a VST/AU plugin."""
    if not hasattr(device, "get_parameter_names"):
        return None, None
    total = len(device.get_parameter_names())
    exposed = max(len(device.parameters) - 1, 0)  # parameters[0] is "Device On"
    if exposed >= total:
        return total, None
    return total, (
        "Live exposes %d of this plugin's %d parameters; the other %d are not in its Configure "
        "list. In Live, click Configure in the plugin's title bar and move a control in the plugin "
        "window to add it, then read the parameters again." % (exposed, total, total - exposed)
    )


def param_index(all_params: Any, change: Params, position: int) -> int:
    field = "changes[%d]" % position
    if ("index" in change) == ("name" in change):
        raise bad_input("%s: give exactly one of index or name" % field, field=field)
    if "index" in change:
        index = change["index"]
        if index >= len(all_params):
            raise rejected(
                "%s: the device has %d parameters (0..%d)"
                % (field, len(all_params), len(all_params) - 1)
            )
        return index
    wanted = change["name"].casefold()
    for index, param in enumerate(all_params):
        if param.name.casefold() == wanted:
            return index
    raise rejected(
        "%s: the device has no parameter named %r" % (field, change["name"]),
        hint="List its parameters with live_get_device_params.",
    )


DEVICE_PROPS = ("name", "is_on", "preset_index")


def device_props(device: Device) -> Result:
    return {
        "name": device.name,
        "is_on": device_tree.is_on(device),
        "preset_index": preset_index(device),
    }


def check_preset(device: Any, index: int) -> None:
    if not is_plugin(device):
        raise wrong_type("device %r is not a VST/AU plug-in: it has no presets" % device.name)
    count = len(device.presets)
    if index >= count:
        raise rejected(
            "plug-in %r has %d preset(s)%s"
            % (device.name, count, " (0..%d)" % (count - 1) if count else ""),
            hint="List them with live_get_device_params (presets).",
        )

"""One parameter set through `device.set_params`, the one bridge method for parameter writes
(live_set_device_params): a parameter id splits into its device's id and its index."""

from __future__ import annotations

from typing import Any


def device_and_index(param_id: str) -> tuple[str, int]:
    """ "track:1/device:0/param:3@7" -> ("track:1/device:0", 3)."""
    device_id, _, index = param_id.rpartition("/param:")
    return device_id, int(index.split("@")[0])


def change_params(param_id: str, **change: Any) -> dict[str, Any]:
    device_id, index = device_and_index(param_id)
    return {"device_id": device_id, "changes": [{"index": index, **change}]}


def set_param(client: Any, param_id: str, **change: Any) -> dict[str, Any]:
    """The one change's read-back (param_id, name, before, after, display), with the device id."""
    result = client.call("device.set_params", change_params(param_id, **change))
    return {**result["changes"][0], "device_id": result["device_id"]}


def set_param_error(client: Any, param_id: str, **change: Any) -> dict[str, Any]:
    return client.error("device.set_params", change_params(param_id, **change))

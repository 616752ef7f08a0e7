"""Devices below a track or a rack chain: positions, ids, the "Device On" switch, and the
depth-first listing of racks with their chains and drum pads.

A device's container is its `canonical_parent` (a Track, or a Chain inside a rack). Ids are paths:
`track:0/device:0/pad:36/chain:0/device:1`; a drum pad is addressed by its MIDI note.
"""

CONTAINER_KINDS = ("track", "return", "main", "chain")
DEVICE_ON = "Device On"
_TYPE_NAMES = ("instrument", "audio_effect", "midi_effect", "undefined")


def parent_path(path):
    """ "track:0/device:2" -> "track:0": the path of the chain a device id points into."""
    return path.rsplit("/", 1)[0]


def type_name(ctx, device):
    kinds = ctx.live.Device.DeviceType
    value = int(device.type)
    for name in _TYPE_NAMES:
        if int(getattr(kinds, name)) == value:
            return name
    return "undefined"


def on_switch(device):
    """The device's "Device On" parameter, or None (Live puts it first where a device has one)."""
    for param in list(device.parameters)[:1]:
        if param.original_name == DEVICE_ON:
            return param
    return None


def is_on(device):
    switch = on_switch(device)
    return bool(switch.value > switch.min) if switch is not None else bool(device.is_active)


def _device_row(ctx, device, device_id, depth):
    return {
        "id": device_id,
        "kind": "device",
        "depth": depth,
        "name": device.name,
        "class_name": device.class_name,
        "type": type_name(ctx, device),
        "is_on": is_on(device),
        "parameter_count": len(device.parameters),
        "note": None,
    }


def _group_row(obj, obj_id, depth, kind, note=None):
    return {
        "id": obj_id,
        "kind": kind,
        "depth": depth,
        "name": obj.name,
        "class_name": None,
        "type": None,
        "is_on": not bool(obj.mute),
        "parameter_count": None,
        "note": note,
    }


def rows(ctx, container, container_id, levels, depth=0):
    """Every device below `container` (its id just issued: `container_id`), depth first, racks
    opened `levels` deep."""
    out = []
    for index, device in enumerate(container.devices):
        device_id = ctx.issue_below(container_id, ("device", index, device))
        out.append(_device_row(ctx, device, device_id, depth))
        if levels <= 0 or not device.can_have_chains:
            continue
        if device.can_have_drum_pads:
            # 128 pads, most of them empty: list the ones that hold something.
            for pad in device.drum_pads:
                chains = list(pad.chains)
                if not chains:
                    continue
                pad_id = ctx.issue_below(device_id, ("pad", int(pad.note), pad))
                out.append(_group_row(pad, pad_id, depth + 1, "pad", int(pad.note)))
                out += _chain_rows(ctx, chains, pad_id, levels - 1, depth + 2)
        else:
            out += _chain_rows(ctx, list(device.chains), device_id, levels - 1, depth + 1)
    return out


def _chain_rows(ctx, chains, parent_id, levels, depth):
    out = []
    for index, chain in enumerate(chains):
        chain_id = ctx.issue_below(parent_id, ("chain", index, chain))
        out.append(_group_row(chain, chain_id, depth, "chain"))
        out += rows(ctx, chain, chain_id, levels, depth + 1)
    return out

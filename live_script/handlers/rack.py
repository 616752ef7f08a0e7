"""Handlers inside racks: list chains with their mixers, set a chain's or a drum pad's properties,
macro variations, insert a chain (Live 12.3+).

Every write checks all it was given before the first change, so a refusal leaves the Set as it
was; the generated dispatch holds the one undo step. Chain levels go through `lom/levels.py` (Live's
own display text), as the mixer tools' do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, List, Tuple

from ..errors import bad_input, rejected
from ..lom import levels, rack_chains, views

if TYPE_CHECKING:
    from Live.DeviceParameter import DeviceParameter

    from ..execution.context import HandlerContext, Params, Result

IN_NOTE_SINCE = (12, 3, 0)
INSERT_CHAIN_SINCE = (12, 3, 0)
_CHAIN_FIELDS = ("name", "color_index", "mute", "solo", "volume_db", "pan", "sends")


def list_chains(ctx: HandlerContext, params: Params) -> Result:
    target = ctx.resolve(params["rack_id"], ("device",), "rack_id")
    rack = rack_chains.rack_of(target.obj, "rack_id")
    drum = bool(rack.can_have_drum_pads)
    notes = rack_chains.pad_notes(rack) if drum and not ctx.script.supports(IN_NOTE_SINCE) else {}
    chains = list(rack.chains)
    offset, limit = params["offset"], params["limit"]
    rack_id = ctx.issue(rack, target.path)
    rows = [
        rack_chains.row(
            chain, ctx.issue_below(rack_id, ("chain", index, chain)), index, drum, notes
        )
        for index, chain in list(enumerate(chains))[offset : offset + limit]
    ]
    returns = [
        rack_chains.row(
            chain, ctx.issue_below(rack_id, ("rchain", index, chain)), index, False, notes
        )
        for index, chain in enumerate(rack.return_chains)
    ]
    return {
        "rack_id": rack_id,
        "name": rack.name,
        "is_drum_rack": drum,
        "chains": rows,
        "return_chains": returns,
        "variation_count": int(rack.variation_count),
        "selected_variation": int(rack.selected_variation_index),
        "count": len(rows),
        "total": len(chains),
        "truncated": offset + len(rows) < len(chains),
    }


def _mixer_plan(chain: Any, params: Params) -> List[Tuple[str, DeviceParameter, float]]:
    """[(field, parameter, value)] for the chain mixer's controls asked for, before any write."""
    mixer = chain.mixer_device
    plan = []
    if "volume_db" in params:
        value = levels.value_for_db(mixer.volume, float(params["volume_db"]), "the chain volume")
        plan.append(("volume_db", mixer.volume, value))
    if "pan" in params:
        plan.append(("pan", mixer.panning, float(params["pan"])))
    sends = list(mixer.sends)
    asked = params.get("sends", [])
    if len(asked) > len(sends):
        raise rejected(
            "chain %r has %d send(s) (one per return chain of its rack), not %d"
            % (chain.name, len(sends), len(asked)),
            hint="List the rack's return chains with live_list_chains.",
        )
    for index, db in enumerate(asked):
        if db is not None:
            what = "send %d of chain %r" % (index, chain.name)
            plan.append(("sends", sends[index], levels.value_for_db(sends[index], db, what)))
    for field, param, _value in plan:
        if not param.is_enabled:
            raise rejected("%s of chain %r cannot be changed right now" % (field, chain.name))
    return plan


def set_chain_props(ctx: HandlerContext, params: Params) -> Result:
    target = ctx.resolve(params["chain_id"], ("chain", "rchain"), "chain_id")
    chain = target.obj
    if not any(field in params for field in _CHAIN_FIELDS):
        raise bad_input("give at least one of %s" % ", ".join(_CHAIN_FIELDS))
    plan = _mixer_plan(chain, params)
    before = rack_chains.mixer_props(chain)
    try:
        for field in ("name", "color_index", "mute", "solo"):
            if field in params and params[field] != before[field]:
                setattr(chain, field, params[field])
                ctx.wrote()
        for _field, param, value in plan:
            if value != float(param.value):
                param.value = value
                ctx.wrote()
    except RuntimeError as exc:
        raise views.live_rejected(exc, "change chain %r" % chain.name) from exc
    after = rack_chains.mixer_props(chain)
    return {
        "chain_id": ctx.issue(chain, target.path),
        "changed": [field for field in _CHAIN_FIELDS if before[field] != after[field]],
        "before": before,
        "after": after,
    }


# --- drum pads -------------------------------------------------------------------------------

_PAD_FIELDS = ("mute", "solo", "name", "choke_group", "in_note")


def _pad_props(pad: Any) -> Result:
    chains = list(pad.chains)
    return {
        "name": pad.name,
        "mute": bool(pad.mute),
        "solo": bool(pad.solo),
        "choke_group": int(chains[0].choke_group) if chains else None,
        "in_note": int(pad.note),
        "chain_count": len(chains),
    }


def _pad_at(rack: Any, note: int) -> Any:
    for pad in rack.drum_pads:
        if int(pad.note) == note:
            return pad
    raise rejected("the Drum Rack has no pad for note %d" % note)


def set_pad_props(ctx: HandlerContext, params: Params) -> Result:
    target = ctx.resolve(params["pad_id"], ("pad",), "pad_id")
    pad = target.obj
    if not any(field in params for field in _PAD_FIELDS):
        raise bad_input("give at least one of %s" % ", ".join(_PAD_FIELDS))
    if "in_note" in params:
        ctx.require(IN_NOTE_SINCE, "Setting the note a drum pad's chains answer (in_note)")
    chains = list(pad.chains)
    on_chains = [field for field in ("name", "choke_group", "in_note") if field in params]
    if on_chains and not chains:
        raise rejected(
            "pad %d is empty: %s belong to a pad's chains" % (pad.note, ", ".join(on_chains)),
            hint="Load a sample or instrument onto it first (live_load_browser_item, pad_id).",
        )
    rack = pad.canonical_parent
    rack_path = target.path.rsplit("/", 1)[0]
    before = _pad_props(pad)
    try:
        for field in ("mute", "solo"):
            if field in params and params[field] != before[field]:
                setattr(pad, field, params[field])
                ctx.wrote()
        for chain in chains:
            if "name" in params and chain.name != params["name"]:
                chain.name = params["name"]
                ctx.wrote()
            if "choke_group" in params and int(chain.choke_group) != params["choke_group"]:
                chain.choke_group = params["choke_group"]
                ctx.wrote()
            if "in_note" in params and int(chain.in_note) != params["in_note"]:
                chain.in_note = params["in_note"]
                ctx.wrote()
    except RuntimeError as exc:
        raise views.live_rejected(exc, "change pad %d" % pad.note) from exc
    note = params.get("in_note", int(pad.note))
    now = _pad_at(rack, note)
    after = _pad_props(now)
    return {
        "pad_id": ctx.issue(now, "%s/pad:%d" % (rack_path, note)),
        "changed": [field for field in _PAD_FIELDS if before[field] != after[field]],
        "before": before,
        "after": after,
    }


# --- variations and new chains ---------------------------------------------------------------


def variation(ctx: HandlerContext, params: Params) -> Result:
    target = ctx.resolve(params["rack_id"], ("device",), "rack_id")
    rack = rack_chains.rack_of(target.obj, "rack_id")
    action, index = params["action"], params.get("index")
    count = int(rack.variation_count)
    if action == "store" and index is not None:
        raise bad_input("store appends a variation: leave out index", field="index")
    if action == "select" and index is None:
        raise bad_input("select needs the variation's index", field="index")
    if index is not None and index >= count:
        raise rejected(
            "the rack has %d variation(s)%s" % (count, " (0..%d)" % (count - 1) if count else ""),
            hint="Store one first (action store), or list them with live_list_chains.",
        )
    if action in ("recall", "delete") and index is None and rack.selected_variation_index < 0:
        raise rejected("no variation is selected", hint="Pass index, or store one first.")
    macros = rack_chains.macros(rack)
    before = [float(p.value) for p in macros]
    try:
        if index is not None and index != rack.selected_variation_index:
            rack.selected_variation_index = index
            ctx.wrote()
        if action == "store":
            rack.store_variation()
        elif action == "recall":
            rack.recall_selected_variation()
        elif action == "delete":
            rack.delete_selected_variation()
        if action != "select":
            ctx.wrote()
    except RuntimeError as exc:
        raise views.live_rejected(exc, "%s the variation" % action) from exc
    return {
        "rack_id": ctx.issue(rack, target.path),
        "action": action,
        "variation_count": int(rack.variation_count),
        "selected_variation": int(rack.selected_variation_index),
        "macros_before": before,
        "macros_after": [float(p.value) for p in macros],
    }


def insert_chain(ctx: HandlerContext, params: Params) -> Result:
    target = ctx.resolve(params["rack_id"], ("device",), "rack_id")
    rack = rack_chains.rack_of(target.obj, "rack_id")
    if not hasattr(rack, "insert_chain"):  # the spec's since already says 12.3
        raise ctx.script.unsupported(INSERT_CHAIN_SINCE, "Inserting a rack chain")
    index = params["index"]
    views.check_insert_index(index, len(rack.chains), "chains", owner="the rack")
    try:
        chain = rack.insert_chain() if index == -1 else rack.insert_chain(index)
    except RuntimeError as exc:
        raise views.live_rejected(exc, "insert a chain into %r" % rack.name) from exc
    ctx.wrote()
    views.name_new(chain, params, "name the new chain")
    position = views.index_by_identity(rack.chains, chain)
    if position is None:
        raise rejected("Live does not list the new chain in %r" % rack.name)
    return {
        "chain_id": ctx.issue(chain, "%s/chain:%d" % (target.path, position)),
        "index": position,
        "name": chain.name,
        "chain_count": len(rack.chains),
    }

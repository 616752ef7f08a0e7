"""Handlers on audio clips' warp markers and on grooves: the Set's groove pool, a groove's
properties, and a clip's groove. The marker arithmetic is live_script/lom/warp_markers.py."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Optional

from ..errors import bad_input, rejected, wrong_type
from ..lom import clip_props, ids, views, warp_markers

if TYPE_CHECKING:
    from Live.Clip import Clip

    from ..execution.context import HandlerContext, Params, Result
    from ..lom.ids import Target

# Live.Groove.Base, in order, as Live's Groove Pool names each grid.
BASES = (
    ("1/4", "gb_four"),
    ("1/8", "gb_eight"),
    ("1/8T", "gb_eight_triplet"),
    ("1/16", "gb_sixteen"),
    ("1/16T", "gb_sixteen_triplet"),
    ("1/32", "gb_thirtytwo"),
)
AMOUNTS = ("quantization_amount", "timing_amount", "random_amount", "velocity_amount")
GROOVE_PROPS = ("name", "base", *AMOUNTS)


# --- warp markers ---------------------------------------------------------------------------------
def _audio_clip(ctx: HandlerContext, params: Params) -> Target[Clip]:
    target = ctx.resolve(params["clip_id"], ids.CLIP_KINDS, "clip_id")
    if not target.obj.is_audio_clip:
        raise wrong_type(
            "clip_id names MIDI clip %r; warp markers belong to audio clips" % target.obj.name
        )
    return target


def _rows(clip: Clip) -> List[warp_markers.Row]:
    return [(float(m.beat_time), float(m.sample_time)) for m in clip.warp_markers]


def _marker(row: Optional[warp_markers.Row]) -> Optional[Dict[str, float]]:
    return None if row is None else {"beat_time": row[0], "sample_time": row[1]}


def list_warp_markers(ctx: HandlerContext, params: Params) -> Result:
    target = _audio_clip(ctx, params)
    clip = target.obj
    rows = _rows(clip)
    return {
        "clip_id": ctx.issue(clip, target.path),
        "warping": bool(clip.warping),
        "warp_mode": clip_props.warp_name(int(clip.warp_mode)),
        "count": len(rows),
        "markers": [_marker(row) for row in rows],
    }


def edit_warp_marker(ctx: HandlerContext, params: Params) -> Result:
    target = _audio_clip(ctx, params)
    clip = target.obj
    action, beat = params["action"], float(params["beat_time"])
    if not clip.warping:
        raise rejected(
            "clip %r is not warped, so its warp markers cannot be edited" % clip.name,
            hint="Turn warping on first: live_set_clip_props with warping: true.",
        )
    editable = (
        hasattr(clip, "add_warp_marker")
        and hasattr(clip, "move_warp_marker")
        and hasattr(clip, "remove_warp_marker")
    )
    if not editable:  # Live 11.1; the dispatcher refuses an older Live before this
        raise ctx.script.unsupported((11, 1, 0), "editing warp markers")
    rows = _rows(clip)
    for field in ("sample_time", "to_beat_time"):
        wanted = {"sample_time": "add", "to_beat_time": "move"}[field]
        if field in params and action != wanted:
            raise bad_input("%s applies to %s only" % (field, wanted), field=field)
    before = after = None  # type: Optional[warp_markers.Row]
    if action == "add":
        after = _add(ctx, clip, rows, beat, params)
    else:
        index = warp_markers.index_at(rows, beat)
        if index is None:
            raise bad_input(
                "there is no warp marker at beat %g; the nearest are at beats %s "
                "(live_list_warp_markers)"
                % (beat, ", ".join("%g" % b for b in warp_markers.nearest(rows, beat))),
                field="beat_time",
            )
        before = rows[index]
        if action == "move":
            after = _move(ctx, clip, rows, index, params)
        else:
            _remove(ctx, clip, rows, index)
    return {
        "clip_id": ctx.issue(clip, target.path),
        "action": action,
        "before": _marker(before),
        "after": _marker(after),
        "count": len(clip.warp_markers),
    }


def _add(
    ctx: HandlerContext, clip: Clip, rows: List[warp_markers.Row], beat: float, params: Params
) -> Optional[warp_markers.Row]:
    first, last = rows[0][0], rows[-1][0]
    if first < beat < last:
        sample = float(params.get("sample_time", warp_markers.sample_at(rows, beat)))
    else:
        sample = float(params.get("sample_time", 0.0))
    problem = warp_markers.add_problem(rows, beat, sample)
    if problem is not None:
        raise bad_input(problem[1], field=problem[0])
    _call(clip.add_warp_marker, "add the warp marker", ctx.live.Clip.WarpMarker(sample, beat))
    ctx.wrote()
    return _row_at(clip, beat)


def _move(
    ctx: HandlerContext, clip: Clip, rows: List[warp_markers.Row], index: int, params: Params
) -> Optional[warp_markers.Row]:
    if "to_beat_time" not in params:
        raise bad_input("move needs to_beat_time, the marker's new beat time", "to_beat_time")
    to_beat = float(params["to_beat_time"])
    problem = warp_markers.move_problem(rows, index, to_beat)
    if problem is not None:
        raise bad_input(problem, field="to_beat_time")
    beat = rows[index][0]
    _call(clip.move_warp_marker, "move the warp marker", beat, to_beat - beat)
    ctx.wrote()
    return _row_at(clip, to_beat)


def _remove(ctx: HandlerContext, clip: Clip, rows: List[warp_markers.Row], index: int) -> None:
    if len(rows) <= 2:
        raise bad_input(
            "a warped clip keeps at least two warp markers; move this one instead", "beat_time"
        )
    _call(clip.remove_warp_marker, "remove the warp marker", rows[index][0])
    ctx.wrote()


def _call(method: Any, what: str, *args: Any) -> None:
    try:
        method(*args)
    except RuntimeError as exc:
        raise views.live_rejected(exc, what) from exc


def _row_at(clip: Clip, beat: float) -> Optional[warp_markers.Row]:
    rows = _rows(clip)
    index = warp_markers.index_at(rows, beat)
    return None if index is None else rows[index]


# --- grooves --------------------------------------------------------------------------------------
def _groove_props(groove: Any) -> Dict[str, Any]:
    props: Dict[str, Any] = {"name": str(groove.name), "base": BASES[int(groove.base)][0]}
    for amount in AMOUNTS:
        props[amount] = float(getattr(groove, amount))
    return props


def _groove_id(ctx: HandlerContext, groove: Any) -> Optional[str]:
    """The groove's id in the pool (None when it is not there)."""
    if groove is None:
        return None
    index = views.index_by_identity(ctx.song.groove_pool.grooves, groove)
    return None if index is None else ctx.issue(groove, "groove:%d" % index)


def list_grooves(ctx: HandlerContext, params: Params) -> Result:
    grooves = []
    for index, groove in enumerate(ctx.song.groove_pool.grooves):
        row = {"id": ctx.issue(groove, "groove:%d" % index), "index": index}
        row.update(_groove_props(groove))
        grooves.append(row)
    return {
        "groove_amount": float(ctx.song.groove_amount),
        "count": len(grooves),
        "grooves": grooves,
    }


def set_groove_props(ctx: HandlerContext, params: Params) -> Result:
    target = ctx.resolve(params["groove_id"], ("groove",), "groove_id")
    groove = target.obj
    given = [prop for prop in GROOVE_PROPS if prop in params]
    if not given:
        raise bad_input("give at least one property to change: %s" % ", ".join(GROOVE_PROPS))
    before = _groove_props(groove)
    for prop in given:
        value = params[prop]
        if value == before[prop]:
            continue
        if prop == "base":
            value = getattr(ctx.live.Groove.Base, dict(BASES)[value])
        _call(lambda v, p=prop: setattr(groove, p, v), "set the groove's %s" % prop, value)
        ctx.wrote()
    after = _groove_props(groove)
    return {
        "groove_id": ctx.issue(groove, target.path),
        "changed": [prop for prop in GROOVE_PROPS if before[prop] != after[prop]],
        "before": before,
        "after": after,
    }


def set_clip_groove(ctx: HandlerContext, params: Params) -> Result:
    target = ctx.resolve(params["clip_id"], ids.CLIP_KINDS, "clip_id")
    clip = target.obj
    groove = None
    if params.get("groove_id") is not None:
        groove = ctx.resolve(params["groove_id"], ("groove",), "groove_id").obj
    before = _groove_id(ctx, clip.groove)
    if _groove_id(ctx, groove) != before:
        _call(lambda g: setattr(clip, "groove", g), "set the clip's groove", groove)
        ctx.wrote()
    after = clip.groove
    return {
        "clip_id": ctx.issue(clip, target.path),
        "before": before,
        "after": _groove_id(ctx, after),
        "name": None if after is None else str(after.name),
    }

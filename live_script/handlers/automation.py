"""Handlers on clip automation: read one parameter's envelope, write steps or a ramp, clear.

Live's API reaches clip envelopes of Session clips only (`Clip.automation_envelope` answers None
for Arrangement clips and for parameters of another track). It writes envelopes in steps
(`Envelope.insert_step`), so a ramp is written as short steps. Times are clip beats, as for notes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Tuple

from ..errors import bad_input
from ..lom import ids, param_values, views

if TYPE_CHECKING:
    from Live.Clip import Clip
    from Live.Envelope import Envelope

    from ..execution.context import HandlerContext, Params, Result
    from ..lom.ids import Target

ENVELOPE_SINCE = (12, 2, 0)
MAX_SAMPLES = 2000
MAX_STEPS = 4096
_RANGE_HINT = "Pass values between %s and %s (live_get_clip_envelope shows them)."
# Events at the end of a written range belong to it (insert_step puts one exactly there).
_END_SLACK = 1e-9


def _need_envelope_api(ctx: HandlerContext, envelope: Envelope) -> None:
    """UNSUPPORTED unless Live's Envelope reads and writes breakpoints (the record has them from
    12.2, which the tools also declare; this guards a script run against an older Live)."""
    if not (
        hasattr(envelope, "value_at_time")
        and hasattr(envelope, "events_in_range")
        and hasattr(envelope, "insert_step")
        and hasattr(envelope, "delete_events_in_range")
    ):
        raise ctx.script.unsupported(ENVELOPE_SINCE, "reading and writing envelope breakpoints")


def _clip_end(clip: Clip) -> float:
    return float(clip.loop_end) if clip.looping else float(clip.end_marker)


def _clip(ctx: HandlerContext, params: Params) -> Target[Any]:
    return ctx.resolve(params["clip_id"], ("clip",), "clip_id")


def _param(ctx: HandlerContext, params: Params, clip_target: Target[Any]) -> Target[Any]:
    target = ctx.resolve(params["param_id"], ids.PARAM_KINDS, "param_id")
    if target.indices["track"] != clip_target.indices["track"]:
        raise bad_input(
            "param_id is on track %d, but a clip's envelopes automate its own track's "
            "parameters (track %d)" % (target.indices["track"], clip_target.indices["track"]),
            field="param_id",
        )
    return target


def _range_result(
    ctx: HandlerContext, clip_target: Target[Any], param_target: Target[Any]
) -> Result:
    param = param_target.obj
    return {
        "clip_id": ctx.issue(clip_target.obj, clip_target.path),
        "param_id": ctx.issue(param, param_target.path),
        "name": param.name,
        "min": float(param.min),
        "max": float(param.max),
    }


def get_envelope(ctx: HandlerContext, params: Params) -> Result:
    clip_target = _clip(ctx, params)
    param_target = _param(ctx, params, clip_target)
    clip, param = clip_target.obj, param_target.obj
    start = float(params["from_time"])
    end = start + float(params["time_span"]) if "time_span" in params else _clip_end(clip)
    if end <= start:
        raise bad_input(
            "from_time %s is at or after the clip's end (%s); pass time_span" % (start, end),
            field="from_time",
        )
    step = float(params["resolution"])
    count = int((end - start) / step + _END_SLACK) + 1
    if count > MAX_SAMPLES:
        raise bad_input(
            "%d samples of %s beats is more than %d; raise resolution or narrow time_span"
            % (count, step, MAX_SAMPLES),
            field="resolution",
        )
    envelope = clip.automation_envelope(param)
    result = _range_result(ctx, clip_target, param_target)
    result.update(from_time=start, to_time=end, exists=envelope is not None)
    if envelope is None:
        result.update(event_count=0, events=[], samples=[], value=float(param.value))
        return result
    _need_envelope_api(ctx, envelope)
    events = [
        {"time": float(e.time), "value": float(e.value), "display": param.str_for_value(e.value)}
        for e in envelope.events_in_range(start, end + _END_SLACK)
    ]
    times = [start + i * step for i in range(count)]
    samples = [{"time": t, "value": float(envelope.value_at_time(t))} for t in times]
    result.update(event_count=len(events), events=events, samples=samples, value=float(param.value))
    return result


def _steps(
    points: List[Dict[str, Any]], shape: str, end: float, resolution: float
) -> List[Tuple[float, float, float]]:
    """(start, length, value) steps for the sorted points, the last one lasting until `end`.

    A last point at `end` itself (a sweep over the whole clip) is where the envelope arrives, not
    a value that lasts: it takes no step of its own, and a ramp into it reaches its value on its
    final step."""
    steps = []
    at_end = float(points[-1]["time"]) >= end - _END_SLACK
    for i, point in enumerate(points):
        start, value = float(point["time"]), float(point["value"])
        last = i == len(points) - 1
        if last and at_end:
            break
        stop = end if last else float(points[i + 1]["time"])
        if shape == "steps" or last:
            steps.append((start, stop - start, value))
            continue
        count = max(1, int((stop - start) / resolution + 1 - _END_SLACK))
        length = (stop - start) / count
        rise = float(points[i + 1]["value"]) - value
        # Into a point at the end, the ramp's last step is that point's value.
        share = count - 1 if at_end and i == len(points) - 2 and count > 1 else count
        for k in range(count):
            steps.append((start + k * length, length, value + rise * k / share))
    return steps


def write_envelope(ctx: HandlerContext, params: Params) -> Result:
    clip_target = _clip(ctx, params)
    param_target = _param(ctx, params, clip_target)
    clip, param = clip_target.obj, param_target.obj
    points = sorted(params["points"], key=lambda p: p["time"])
    times = [p["time"] for p in points]
    if len(set(times)) != len(times):
        raise bad_input("two points have the same time; give one value per time", field="points")
    end = float(params["end_time"]) if "end_time" in params else _clip_end(clip)
    if end < times[-1] - _END_SLACK or (len(times) == 1 and end <= times[0] + _END_SLACK):
        raise bad_input(
            "end_time %s must not be before the last point (%s), and a single point needs room "
            "after it; the clip ends at %s" % (end, times[-1], _clip_end(clip)),
            field="end_time",
            hint="Put the last point at or before the clip's end (a sweep over the whole clip "
            "ends with a point at the clip's length), or give a later end_time.",
        )
    for point in points:
        param_values.in_range(param, point["value"], _RANGE_HINT)
    steps = _steps(points, params["shape"], end, float(params["resolution"]))
    if len(steps) > MAX_STEPS:
        raise bad_input(
            "the ramp needs %d steps, more than %d; raise resolution" % (len(steps), MAX_STEPS),
            field="resolution",
        )
    envelope = clip.automation_envelope(param)
    created = envelope is None
    try:
        if created:
            envelope = clip.create_automation_envelope(param)
            ctx.wrote()
        _need_envelope_api(ctx, envelope)
        envelope.delete_events_in_range(times[0], end)
        ctx.wrote()
        for start, length, value in steps:
            envelope.insert_step(start, length, value)
    except RuntimeError as exc:
        raise views.live_rejected(exc, "write the envelope of %r" % param.name) from exc
    result = _range_result(ctx, clip_target, param_target)
    result.update(
        created=created,
        from_time=float(times[0]),
        to_time=end,
        step_count=len(steps),
        event_count=len(envelope.events_in_range(times[0], end + _END_SLACK)),
    )
    return result


def clear(ctx: HandlerContext, params: Params) -> Result:
    clip_target = _clip(ctx, params)
    clip = clip_target.obj
    param = param_id = None
    if "param_id" in params:
        param_target = _param(ctx, params, clip_target)
        param = param_target.obj
        param_id = ctx.issue(param, param_target.path)
        had = clip.automation_envelope(param) is not None
    else:
        had = bool(clip.has_envelopes)
    if had:
        try:
            if param is not None:
                clip.clear_envelope(param)
            else:
                clip.clear_all_envelopes()
        except RuntimeError as exc:
            raise views.live_rejected(exc, "clear the envelope") from exc
        ctx.wrote()
    return {
        "clip_id": ctx.issue(clip, clip_target.path),
        "param_id": param_id,
        "cleared": "one" if param_id is not None else "all",
        "had_envelope": had,
        "has_envelopes": bool(clip.has_envelopes),
    }

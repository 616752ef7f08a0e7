"""Handlers on Session scenes: list, create, duplicate, delete, change properties, launch, stop all.

Scene tempo and signature overrides: Live 11.0 has only `Scene.tempo` (-1 for none); Live 11.1
added `tempo_enabled` and the `time_signature_*` members, which report -1 while switched off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Tuple

from ..errors import bad_input, rejected
from ..lom import views
from .transport import playing_clip_count

if TYPE_CHECKING:
    from Live.Scene import Scene

    from ..execution.context import HandlerContext, Params, Result

SIGNATURE_SINCE = (11, 1, 0)
_PROPS = ("name", "color_index", "tempo", "time_signature")


def scene_id(ctx: HandlerContext, scene: Scene, index: int) -> str:
    return ctx.issue(scene, "scene:%d" % index)


def scene_tempo(scene: Scene) -> Optional[float]:
    if hasattr(scene, "tempo_enabled"):
        return float(scene.tempo) if scene.tempo_enabled else None
    tempo = float(scene.tempo)
    return None if tempo == -1.0 else tempo


def _signature(scene: Scene) -> Optional[str]:
    if not hasattr(scene, "time_signature_enabled") or not scene.time_signature_enabled:
        return None
    return "%d/%d" % (scene.time_signature_numerator, scene.time_signature_denominator)


def _color(scene: Scene) -> Optional[int]:
    color = scene.color_index
    return None if color is None else int(color)


def props(scene: Scene) -> Result:
    return {
        "name": scene.name,
        "color_index": _color(scene),
        "tempo": scene_tempo(scene),
        "time_signature": _signature(scene),
    }


def clip_count(scene: Scene) -> int:
    return sum(1 for slot in scene.clip_slots if slot.has_clip)


def _row(ctx: HandlerContext, scene: Scene, index: int) -> Result:
    row = {"id": scene_id(ctx, scene, index), "index": index}
    row.update(props(scene))
    row["is_empty"] = bool(scene.is_empty)
    row["is_triggered"] = bool(scene.is_triggered)
    return row


def list_scenes(ctx: HandlerContext, params: Params) -> Result:
    rows = [_row(ctx, scene, index) for index, scene in enumerate(ctx.song.scenes)]
    return {"scene_count": len(rows), "scenes": rows}


def create(ctx: HandlerContext, params: Params) -> Result:
    song = ctx.song
    index = params["index"]
    views.check_insert_index(index, len(song.scenes), "scenes")
    try:
        scene = song.create_scene(index)
    except RuntimeError as exc:
        raise views.live_rejected(exc, "create a scene") from exc
    ctx.wrote()
    views.name_new(scene, params, "name the new scene")
    position = views.index_by_identity(song.scenes, scene)
    if position is None:
        raise rejected("Live did not keep the new scene")
    return {
        "scene_id": scene_id(ctx, scene, position),
        "index": position,
        "name": scene.name,
        "scene_count": len(song.scenes),
    }


def duplicate(ctx: HandlerContext, params: Params) -> Result:
    song = ctx.song
    target = ctx.resolve(params["scene_id"], ("scene",), "scene_id")
    index = target.indices["scene"]
    try:
        song.duplicate_scene(index)
    except RuntimeError as exc:
        raise views.live_rejected(exc, "duplicate the scene") from exc
    ctx.wrote()
    copy = song.scenes[index + 1]
    return {
        "source_id": scene_id(ctx, target.obj, index),
        "scene_id": scene_id(ctx, copy, index + 1),
        "index": index + 1,
        "name": copy.name,
        "clip_count": clip_count(copy),
        "scene_count": len(song.scenes),
    }


def delete(ctx: HandlerContext, params: Params) -> Result:
    song = ctx.song
    target = ctx.resolve(params["scene_id"], ("scene",), "scene_id")
    scene, index = target.obj, target.indices["scene"]
    if len(song.scenes) == 1:
        raise rejected(
            "scene %r is the Set's only scene, and a Live Set keeps at least one" % scene.name,
            hint="Create another scene first (live_create_scene), then delete this one.",
        )
    issued, name, clips = scene_id(ctx, scene, index), scene.name, clip_count(scene)
    try:
        song.delete_scene(index)
    except RuntimeError as exc:
        raise views.live_rejected(exc, "delete the scene") from exc
    ctx.wrote()
    return {
        "scene_id": issued,
        "name": name,
        "clips_deleted": clips,
        "scene_count": len(song.scenes),
    }


def _parse_signature(text: str) -> Tuple[int, int]:
    numerator, denominator = text.split("/")
    return int(numerator), int(denominator)


def _write_tempo(scene: Scene, tempo: Optional[float]) -> None:
    if tempo is None:
        if hasattr(scene, "tempo_enabled"):
            scene.tempo_enabled = False
        else:
            scene.tempo = -1.0  # Live 11.0: -1 is "no tempo of its own"
        return
    scene.tempo = float(tempo)
    if hasattr(scene, "tempo_enabled") and not scene.tempo_enabled:
        scene.tempo_enabled = True


def _write_signature(scene: Scene, signature: Optional[str]) -> None:
    if signature is None:
        scene.time_signature_enabled = False
        return
    numerator, denominator = _parse_signature(signature)
    scene.time_signature_numerator = numerator
    scene.time_signature_denominator = denominator
    if not scene.time_signature_enabled:
        scene.time_signature_enabled = True


def set_props(ctx: HandlerContext, params: Params) -> Result:
    target = ctx.resolve(params["scene_id"], ("scene",), "scene_id")
    scene = target.obj
    wanted = [prop for prop in _PROPS if prop in params]
    if not wanted:
        raise bad_input("give at least one of %s" % ", ".join(_PROPS))
    if "time_signature" in params:
        ctx.require(SIGNATURE_SINCE, "a scene time signature")
    before = props(scene)
    try:
        for prop in wanted:
            value = params[prop]
            if prop == "tempo" and value is not None:
                value = float(value)
            if value == before[prop]:
                continue  # only real changes: a no-op gives the rollback nothing to undo
            if prop == "name":
                scene.name = value
            elif prop == "color_index":
                scene.color_index = value
            elif prop == "tempo":
                _write_tempo(scene, value)
            else:
                _write_signature(scene, value)
            ctx.wrote()
    except RuntimeError as exc:
        raise views.live_rejected(exc, "change the scene") from exc
    after = props(scene)
    return {
        "scene_id": scene_id(ctx, scene, target.indices["scene"]),
        "changed": [prop for prop in _PROPS if before[prop] != after[prop]],
        "before": before,
        "after": after,
    }


def fire(ctx: HandlerContext, params: Params) -> Result:
    song = ctx.song
    target = ctx.resolve(params["scene_id"], ("scene",), "scene_id")
    scene = target.obj
    clips = clip_count(scene)
    try:
        scene.fire()
    except RuntimeError as exc:
        raise views.live_rejected(exc, "launch the scene") from exc
    return {
        "scene_id": scene_id(ctx, scene, target.indices["scene"]),
        "name": scene.name,
        "clips_launched": clips,
        "is_triggered": bool(scene.is_triggered),
        "is_playing": bool(song.is_playing),
    }


def stop_all(ctx: HandlerContext, params: Params) -> Result:
    song = ctx.song
    before = playing_clip_count(song)
    try:
        song.stop_all_clips(params["quantized"])
    except RuntimeError as exc:
        raise views.live_rejected(exc, "stop all clips") from exc
    return {
        "playing_before": before,
        "playing_after": playing_clip_count(song),
        "is_playing": bool(song.is_playing),
    }

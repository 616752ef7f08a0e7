// The Session view: tracks by scenes, each clip in its colour with its play state. A click
// launches a clip or a scene, a track's square stops it: the same tools the model calls.
import { act, callTool, el, inkOn, startView, status } from "../shared/view.js";

let grid = null;

const app = startView("session", {
  onResult(result) {
    // Opened by live_get_session_grid (the grid itself) or live_get_song_overview (read it).
    if (Array.isArray(result.clips)) show(result);
    else refresh();
  },
});

async function refresh() {
  await act("Reading the Session", async () => {
    show(await callTool(app, "live_get_session_grid", {}));
    return `${grid.track_count} tracks, ${grid.scene_count} scenes`;
  });
}

async function launch(label, tool, args) {
  await act(label, async () => {
    await callTool(app, tool, args);
    show(await callTool(app, "live_get_session_grid", {}));
    return `${label}: done`;
  });
}

function mark(state) {
  return state === "stopped" ? null : el("span", { class: "mark", "aria-label": state });
}

function show(next) {
  grid = next;
  const root = document.getElementById("grid");
  root.style.gridTemplateColumns = `120px repeat(${grid.tracks.length}, minmax(90px, 1fr))`;
  const cells = [el("div", { class: "corner" })];
  grid.tracks.forEach((track, t) => {
    cells.push(
      el(
        "div",
        { class: `track ${track.state}`, style: { "--track-color": track.color }, title: track.id },
        mark(track.state),
        el("span", { class: "name" }, track.name),
        el(
          "button",
          {
            class: "stop",
            type: "button",
            title: `Stop ${track.name}`,
            "data-stop": String(t),
            onclick: () => launch(`Stopping ${track.name}`, "live_stop_track_clips", { track_id: track.id }),
          },
          "■",
        ),
      ),
    );
  });
  grid.scenes.forEach((scene, s) => {
    cells.push(
      el(
        "button",
        {
          class: `scene ${scene.state}`,
          type: "button",
          style: { "--scene-color": scene.color },
          title: `Launch scene ${scene.name || s + 1}`,
          "data-scene": String(s),
          onclick: () => launch(`Launching scene ${scene.name || s + 1}`, "live_fire_scene", { scene_id: scene.id }),
        },
        mark(scene.state === "triggered" ? "triggered" : "stopped"),
        el("span", { class: "name" }, scene.name || String(s + 1)),
      ),
    );
    grid.tracks.forEach((track, t) => {
      const clip = grid.clips[t]?.[s] ?? null;
      if (!clip) {
        cells.push(el("div", { class: "slot empty", "data-slot": `${t}/${s}` }));
        return;
      }
      cells.push(
        el(
          "div",
          {
            class: `slot clip ${clip.state}`,
            role: "button",
            tabindex: "0",
            title: `Launch ${clip.name} (${clip.id})`,
            "data-clip": `${t}/${s}`,
            style: { "--clip-color": clip.color, "--clip-ink": inkOn(clip.color) },
            onclick: () => launch(`Launching ${clip.name}`, "live_fire_clip", { target_id: clip.id }),
          },
          mark(clip.state),
          el("span", { class: "name" }, clip.name || " "),
        ),
      );
    });
  });
  root.replaceChildren(...cells);
  status(`${grid.track_count} tracks, ${grid.scene_count} scenes`);
}

document.getElementById("refresh").addEventListener("click", refresh);

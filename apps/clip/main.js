// The Clip view: a piano roll of a MIDI clip's notes (pitch by time, velocity as shade, the loop
// region). Click or drag to select; the selection is told to the model. Arrow keys move the
// selected notes and Delete removes them, each one call (one undo step in Live).
import { act, callTool, pitchName, startView, status, untagged } from "../shared/view.js";

const SVG = "http://www.w3.org/2000/svg";
const STEP = 0.25; // a sixteenth, in beats
const WIDTH = 720;
const KEYS = 34;
const FIELDS = ["note_id", "pitch", "start_time", "duration", "velocity", "mute"];

let clipId = null;
let readArgs = {};
let notes = [];
let loop = null;
let selected = new Set();
let layout = null;

const app = startView("clip", {
  onInput(args) {
    if (args.clip_id) {
      clipId = args.clip_id;
      const { image: _picture, ...rest } = args;
      readArgs = { ...rest, format: "objects" };
    }
  },
  onResult(result) {
    clipId = result.clip_id ?? clipId;
    setNotes(result);
    readLoop();
  },
});

function setNotes(result) {
  notes = normalise(result.notes);
  const ids = new Set(notes.map((n) => n.note_id));
  selected = new Set([...selected].filter((id) => ids.has(id)));
  document.getElementById("title").textContent = `Clip ${clipId} · ${notes.length} notes`;
  draw();
}

// Both formats of live_get_notes, as objects.
function normalise(value) {
  if (Array.isArray(value)) return value;
  if (!value || !value.columns) return [];
  return value.rows
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => {
      const cells = line.trim().split(/\s+/);
      const note = {};
      value.columns.forEach((column, i) => {
        note[column] = cells[i] === "-" ? null : Number(cells[i]);
      });
      note.mute = Boolean(note.mute);
      return note;
    });
}

// The loop region comes with the clip's listing on its track.
async function readLoop() {
  const track = clipId?.match(/^track:\d+/)?.[0];
  if (!track) return;
  try {
    const listing = await callTool(app, "live_list_clips", { track_id: track, include_empty: false });
    const all = [...listing.slots.map((s) => s.clip).filter(Boolean), ...listing.arrangement];
    const clip = all.find((c) => untagged(c.id) === untagged(clipId));
    if (clip) {
      loop = { start: clip.loop_start, end: clip.loop_end, looping: clip.looping, length: clip.length };
      document.getElementById("title").textContent = `${clip.name || "Clip"} · ${notes.length} notes`;
      draw();
    }
  } catch (error) {
    status(error.message, true);
  }
}

function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}

function shade(velocity) {
  const level = Math.max(0, Math.min(1, velocity / 127));
  const mix = (lo, hi) => Math.round(lo + (hi - lo) * level);
  return `rgb(${mix(90, 255)}, ${mix(70, 150)}, ${mix(45, 30)})`;
}

function draw() {
  const pitches = notes.map((n) => n.pitch);
  let low = pitches.length ? Math.min(...pitches) - 2 : 58;
  let high = pitches.length ? Math.max(...pitches) + 2 : 72;
  while (high - low < 11) [low, high] = [Math.max(0, low - 1), Math.min(127, high + 1)];
  low = Math.max(0, low);
  high = Math.min(127, high);
  const ends = notes.map((n) => n.start_time + n.duration);
  const end = Math.max(4, loop?.end ?? 0, ...ends);
  const beats = Math.ceil(end / 4) * 4;
  const lane = Math.max(6, Math.min(14, Math.floor(420 / (high - low + 1))));
  const px = (WIDTH - KEYS) / beats;
  const height = (high - low + 1) * lane;
  layout = { low, high, lane, px, beats };
  const root = svg("svg", { width: WIDTH, height, viewBox: `0 0 ${WIDTH} ${height}`, "data-beats": beats });
  for (let pitch = high; pitch >= low; pitch--) {
    const y = (high - pitch) * lane;
    const black = [1, 3, 6, 8, 10].includes(pitch % 12);
    root.append(svg("rect", { class: `lane ${black ? "black" : "white"}`, x: KEYS, y, width: WIDTH - KEYS, height: lane }));
    if (pitch % 12 === 0 || pitch === high || pitch === low) {
      const label = svg("text", { class: "key", x: 2, y: y + lane / 2 });
      label.textContent = pitchName(pitch);
      root.append(label);
    }
  }
  for (let beat = 0; beat <= beats; beat++) {
    const x = KEYS + beat * px;
    root.append(svg("line", { class: beat % 4 === 0 ? "bar" : "beat", x1: x, x2: x, y1: 0, y2: height }));
  }
  if (loop?.looping) {
    root.append(svg("rect", { class: "loop", x: KEYS + loop.start * px, y: 0, width: (loop.end - loop.start) * px, height }));
  }
  for (const note of notes) {
    const rect = svg("rect", {
      class: `note${note.mute ? " muted" : ""}${selected.has(note.note_id) ? " selected" : ""}`,
      x: KEYS + note.start_time * px,
      y: (high - note.pitch) * lane + 1,
      width: Math.max(2, note.duration * px - 1),
      height: lane - 2,
      fill: shade(note.velocity),
      "data-note-id": note.note_id ?? "",
    });
    const tip = svg("title", {});
    tip.textContent = `${pitchName(note.pitch)} at ${note.start_time} for ${note.duration}, velocity ${Math.round(note.velocity)}`;
    rect.append(tip);
    rect.addEventListener("pointerdown", (event) => {
      event.stopPropagation();
      pick(note.note_id, event.shiftKey || event.metaKey || event.ctrlKey);
    });
    root.append(rect);
  }
  root.addEventListener("pointerdown", (event) => marquee(event, root));
  document.getElementById("roll").replaceChildren(root);
  const editable = notes.every((n) => n.note_id !== null);
  for (const id of ["up", "down", "left", "right", "delete"]) {
    document.getElementById(id).disabled = !editable || selected.size === 0;
  }
  document.getElementById("selection").textContent = selected.size ? `${selected.size} selected` : "";
}

function pick(noteId, toggle) {
  if (noteId === null) return;
  if (!toggle) selected = new Set([noteId]);
  else if (selected.has(noteId)) selected.delete(noteId);
  else selected.add(noteId);
  selectionChanged();
}

// Drag on the background: select the notes the rectangle touches.
function marquee(event, root) {
  const box = root.getBoundingClientRect();
  const x0 = event.clientX - box.left;
  const y0 = event.clientY - box.top;
  const rect = svg("rect", { class: "marquee", x: x0, y: y0, width: 0, height: 0 });
  root.append(rect);
  const move = (e) => {
    const x1 = e.clientX - box.left;
    const y1 = e.clientY - box.top;
    rect.setAttribute("x", Math.min(x0, x1));
    rect.setAttribute("y", Math.min(y0, y1));
    rect.setAttribute("width", Math.abs(x1 - x0));
    rect.setAttribute("height", Math.abs(y1 - y0));
  };
  const up = (e) => {
    window.removeEventListener("pointermove", move);
    window.removeEventListener("pointerup", up);
    const [xa, xb] = [x0, e.clientX - box.left].sort((a, b) => a - b);
    const [ya, yb] = [y0, e.clientY - box.top].sort((a, b) => a - b);
    const { low, high, lane, px } = layout;
    selected = new Set(
      notes
        .filter((n) => {
          const nx0 = KEYS + n.start_time * px;
          const nx1 = nx0 + n.duration * px;
          const ny = (high - n.pitch) * lane;
          return n.note_id !== null && nx1 >= xa && nx0 <= xb && ny + lane >= ya && ny <= yb && n.pitch >= low;
        })
        .map((n) => n.note_id),
    );
    selectionChanged();
  };
  window.addEventListener("pointermove", move);
  window.addEventListener("pointerup", up);
}

// Tell the model what the user selected, for its next turn.
function selectionChanged() {
  draw();
  const chosen = notes.filter((n) => selected.has(n.note_id));
  const lines = chosen.map(
    (n) => `- note ${n.note_id}: ${pitchName(n.pitch)} (${n.pitch}) at beat ${n.start_time}, ${n.duration} long, velocity ${Math.round(n.velocity)}`,
  );
  const text = chosen.length
    ? `The user selected ${chosen.length} note(s) in clip ${clipId} in the Clip view:\n${lines.join("\n")}`
    : `The user selected no notes in clip ${clipId}.`;
  app
    .updateModelContext({
      content: [{ type: "text", text }],
      structuredContent: { clip_id: clipId, selected_note_ids: chosen.map((n) => n.note_id) },
    })
    .catch(() => {});
}

async function reread() {
  setNotes(await callTool(app, "live_get_notes", { ...readArgs, clip_id: clipId }));
}

async function move(dPitch, dTime) {
  const chosen = notes.filter((n) => selected.has(n.note_id));
  if (!chosen.length) return;
  const changes = chosen.map((n) => {
    const change = { note_id: n.note_id };
    if (dPitch) change.pitch = Math.max(0, Math.min(127, n.pitch + dPitch));
    if (dTime) change.start_time = Math.max(0, n.start_time + dTime);
    return change;
  });
  await act(`Moving ${chosen.length} note(s)`, async () => {
    const done = await callTool(app, "live_modify_notes", { clip_id: clipId, notes: changes });
    await reread();
    return `Moved ${done.changed} note(s): one undo step in Live`;
  });
}

async function remove() {
  const ids = notes.filter((n) => selected.has(n.note_id)).map((n) => n.note_id);
  if (!ids.length) return;
  await act(`Deleting ${ids.length} note(s)`, async () => {
    const done = await callTool(app, "live_remove_notes", { clip_id: clipId, note_ids: ids });
    selected = new Set();
    await reread();
    return `Deleted ${done.removed_count} note(s): one undo step in Live`;
  });
}

document.getElementById("up").addEventListener("click", () => move(1, 0));
document.getElementById("down").addEventListener("click", () => move(-1, 0));
document.getElementById("left").addEventListener("click", () => move(0, -STEP));
document.getElementById("right").addEventListener("click", () => move(0, STEP));
document.getElementById("delete").addEventListener("click", remove);
document.getElementById("roll").addEventListener("keydown", (event) => {
  const octave = event.shiftKey ? 12 : 1;
  const keys = {
    ArrowUp: () => move(octave, 0),
    ArrowDown: () => move(-octave, 0),
    ArrowLeft: () => move(0, -STEP),
    ArrowRight: () => move(0, STEP),
    Delete: remove,
    Backspace: remove,
  };
  if (keys[event.key] && selected.size) {
    event.preventDefault();
    keys[event.key]();
  }
});

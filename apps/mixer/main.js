// The Mixer view: a strip per track, return track and the Main track. Drag a fader for volume
// (dB), the pan bar, a send: on release one live_set_mixer call sets it (one undo step in Live)
// and the strip shows what Live read back.
import { act, callTool, el, startView, status, untagged } from "../shared/view.js";

const TOP_DB = 6;
const RANGE_DB = 76; // -70 dB at the bottom
const SEND_TOP_DB = 0;
const SEND_RANGE_DB = 70;

// A fader law close to a console's: more travel near 0 dB than near -70 dB.
const dbAt = (position, top = TOP_DB, range = RANGE_DB) => top - range * (1 - position) ** 2;
const positionOf = (db, top = TOP_DB, range = RANGE_DB) =>
  db === null || db === undefined ? 0 : 1 - Math.sqrt(Math.max(0, Math.min(1, (top - db) / range)));
const round1 = (x) => Math.round(x * 10) / 10;

const app = startView("mixer", { onResult: show });

async function refresh() {
  await act("Reading the mixer", async () => {
    show(await callTool(app, "live_get_mixer", {}));
    return "Mixer read";
  });
}

function show(mixer) {
  const strips = [
    ...mixer.tracks.map((s) => strip(s, "track")),
    ...mixer.returns.map((s) => strip(s, "return")),
    strip(mixer.main, "main"),
  ];
  document.getElementById("strips").replaceChildren(...strips);
  status(`${mixer.track_count} tracks, ${mixer.return_count} returns`);
}

// Track a pointer drag on an element; `at(fraction)` while moving, `done(fraction)` on release.
function drag(node, axis, at, done) {
  node.addEventListener("pointerdown", (event) => {
    node.setPointerCapture(event.pointerId);
    const box = node.getBoundingClientRect();
    const fraction = (e) =>
      axis === "y"
        ? Math.max(0, Math.min(1, 1 - (e.clientY - box.top) / box.height))
        : Math.max(0, Math.min(1, (e.clientX - box.left) / box.width));
    at(fraction(event));
    const move = (e) => at(fraction(e));
    const up = (e) => {
      node.removeEventListener("pointermove", move);
      node.removeEventListener("pointerup", up);
      done(fraction(e));
    };
    node.addEventListener("pointermove", move);
    node.addEventListener("pointerup", up);
  });
}

async function set(stripId, change, what) {
  await act(`Setting ${what} of ${stripId}`, async () => {
    const done = await callTool(app, "live_set_mixer", { strip_id: stripId, ...change });
    // Show every strip as Live now has it (the display texts are Live's own).
    show(await callTool(app, "live_get_mixer", {}));
    const after = done.after;
    const shown = { volume: after.volume.display, pan: after.pan.display }[what] ?? "set";
    return `${stripId}: ${what} → ${shown}`;
  });
}

function strip(data, kind) {
  const id = untagged(data.id);
  const readout = el("div", { class: "readout", "data-db": id }, data.volume.display);
  const level = el("div", { class: "level" });
  const thumb = el("div", { class: "thumb" });
  const zero = el("div", { class: "zero", style: { bottom: `${positionOf(0) * 100}%` } });
  const fader = el("div", { class: "fader", "data-fader": id, title: "Volume: drag" }, level, zero, thumb);
  const place = (position) => {
    level.style.height = `${position * 100}%`;
    thumb.style.bottom = `${position * 100}%`;
  };
  place(positionOf(data.volume.db));
  drag(
    fader,
    "y",
    (p) => {
      place(p);
      readout.textContent = p === 0 ? "-70.0 dB" : `${round1(dbAt(p)).toFixed(1)} dB`;
    },
    (p) => {
      const db = Math.max(-70, Math.min(TOP_DB, round1(dbAt(p))));
      readout.textContent = `${db.toFixed(1)} dB`;
      set(id, { volume_db: db }, "volume");
    },
  );
  const pan = hslider(id, "pan", (data.pan.value + 1) / 2, true, (f) => {
    const value = Math.round((f * 2 - 1) * 100) / 100;
    set(id, { pan: value }, "pan");
  });
  const sends = (data.sends ?? []).map((send, i) => {
    const letter = String.fromCharCode(65 + i);
    return el(
      "div",
      {},
      el("div", { class: "label" }, el("span", {}, `Send ${letter}`), el("span", {}, send.display)),
      hslider(`${id}:send:${i}`, `send ${letter}`, positionOf(send.db, SEND_TOP_DB, SEND_RANGE_DB), false, (f) => {
        const db = Math.max(-70, Math.min(0, round1(dbAt(f, SEND_TOP_DB, SEND_RANGE_DB))));
        const change = f === 0 ? { return_id: send.return_id, value: 0 } : { return_id: send.return_id, db };
        set(id, { sends: [change] }, `send ${letter}`);
      }),
    );
  });
  return el(
    "div",
    { class: `strip ${kind}`, "data-strip": id },
    el("div", { class: "name", title: data.id }, data.name),
    fader,
    readout,
    el("div", { class: "label" }, el("span", {}, "Pan"), el("span", {}, data.pan.display)),
    pan,
    ...sends,
  );
}

function hslider(key, what, fraction, centred, done) {
  const knob = el("div", { class: "knob" });
  const fill = el("div", { class: "fill" });
  const node = el("div", { class: "hslider", "data-slider": key, title: `${what}: drag` }, fill, knob);
  const place = (f) => {
    knob.style.left = `${f * 100}%`;
    const [a, b] = centred ? [Math.min(f, 0.5), Math.max(f, 0.5)] : [0, f];
    fill.style.left = `${a * 100}%`;
    fill.style.width = `${(b - a) * 100}%`;
  };
  place(fraction);
  drag(node, "x", place, (f) => {
    place(f);
    done(f);
  });
  return node;
}

document.getElementById("refresh").addEventListener("click", refresh);

// What every live-mcp view shares: the connection to the host (the official ext-apps App), tool
// calls that fail loudly, the host's theme, a status line and a tiny element builder.
import {
  App,
  applyDocumentTheme,
  applyHostFonts,
  applyHostStyleVariables,
} from "@modelcontextprotocol/ext-apps/app-with-deps";

// Handlers are set before connect(): the host sends the tool's input and result right after
// the handshake, and a handler registered later would miss them.
export function startView(name, { onInput, onResult }) {
  const app = new App({ name: `live-mcp ${name} view`, version: "1.0.0" }, {}, { autoResize: true });
  app.ontoolinput = (params) => onInput?.(params.arguments ?? {});
  app.ontoolresult = (result) => {
    if (result.isError) status(textOf(result) || "The tool failed.", true);
    else if (result.structuredContent) onResult(result.structuredContent);
  };
  app.onhostcontextchanged = (context) => applyContext(context);
  app.onteardown = async () => ({});
  app.connect().then(
    () => applyContext(app.getHostContext()),
    (error) => status(`Could not connect to the host: ${error.message ?? error}`, true),
  );
  return app;
}

function applyContext(context) {
  if (!context) return;
  if (context.theme) applyDocumentTheme(context.theme);
  if (context.styles?.variables) applyHostStyleVariables(context.styles.variables);
  if (context.styles?.css?.fonts) applyHostFonts(context.styles.css.fonts);
}

function textOf(result) {
  return (result.content ?? [])
    .filter((c) => c.type === "text")
    .map((c) => c.text)
    .join(" ");
}

// Call one of the server's tools through the host; the structured result, or an Error carrying
// the server's message (a typed error with its recovery hint).
export async function callTool(app, name, args) {
  const result = await app.callServerTool({ name, arguments: args });
  if (result.isError) throw new Error(textOf(result) || `${name} failed`);
  return result.structuredContent ?? {};
}

// Run an action, showing what it does and what went wrong.
export async function act(label, work) {
  status(`${label}…`);
  try {
    const done = await work();
    status(done ?? `${label}: done`);
  } catch (error) {
    status(error.message ?? String(error), true);
  }
}

export function status(text, isError = false) {
  const line = document.getElementById("status");
  if (!line) return;
  line.textContent = text;
  line.classList.toggle("error", isError);
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "style") {
      // Custom properties (--clip-color) only take effect through setProperty.
      for (const [name, v] of Object.entries(value)) node.style.setProperty(name, v);
    }
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  node.append(...children.flat().filter((c) => c !== null && c !== undefined));
  return node;
}

// An issued id without its identity tags: "track:2@7/device:0@9" -> "track:2/device:0".
export const untagged = (id) => id.replace(/@\d+/g, "");

// Live's pitch names: 60 is C3.
const NAMES = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];
export const pitchName = (pitch) => `${NAMES[pitch % 12]}${Math.floor(pitch / 12) - 2}`;

// Readable text on a clip colour.
export function inkOn(hex) {
  const value = parseInt(hex.slice(1), 16);
  const sum = ((value >> 16) & 255) + ((value >> 8) & 255) + (value & 255);
  return sum > 380 ? "#111" : "#fff";
}

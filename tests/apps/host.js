// A small test host for the MCP Apps views: the host side of the protocol from the official
// ext-apps package (AppBridge), each view in a sandboxed iframe (scripts only, no same origin)
// under the spec's default CSP (no network). Tool calls go to `window.mcpCallTool`, which the
// test binds to a real MCP client connected to the real server on the fake Live.
import { AppBridge, PostMessageTransport } from "@modelcontextprotocol/ext-apps/app-bridge";

// SEP-1865's default Content-Security-Policy for a view that declares no domains.
const DEFAULT_CSP =
  "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data:; media-src 'self' data:; connect-src 'none'";

window.modelContext = [];
window.viewLog = [];

window.openView = async (html, toolArguments, toolResult) => {
  document.getElementById("view")?.remove();
  const iframe = document.createElement("iframe");
  iframe.id = "view";
  iframe.setAttribute("sandbox", "allow-scripts");
  iframe.style.cssText = "width: 1040px; height: 620px; border: 1px solid #888; background: #1e1e1e";
  document.body.append(iframe);
  const bridge = new AppBridge(
    null,
    { name: "live-mcp test host", version: "1.0.0" },
    { serverTools: {}, updateModelContext: { text: {} }, logging: {} },
    { hostContext: { theme: "dark", displayMode: "inline", platform: "web" } },
  );
  bridge.oncalltool = async (params) => {
    window.viewLog.push(params.name);
    return await window.mcpCallTool(params.name, params.arguments ?? {});
  };
  bridge.onupdatemodelcontext = async (params) => {
    window.modelContext.push(params);
    return {};
  };
  const ready = new Promise((resolve) => {
    bridge.oninitialized = async () => {
      await bridge.sendToolInput({ arguments: toolArguments });
      await bridge.sendToolResult(toolResult);
      resolve();
    };
  });
  await bridge.connect(new PostMessageTransport(iframe.contentWindow, iframe.contentWindow));
  const csp = `<meta http-equiv="Content-Security-Policy" content="${DEFAULT_CSP}">`;
  iframe.srcdoc = html.replace("<head>", `<head>\n${csp}`);
  await ready;
};

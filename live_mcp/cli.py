"""`live-mcp`: serve, demo, install-script, log, token.

Imports are deferred to the branch that needs them: `live-mcp serve` is launched by clients on
every session, so its cold start counts (bench/server_bench.py compares it to a bare SDK server).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence

DEFAULT_HTTP_PORT = 8765


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="live-mcp",
        description="An MCP server for Ableton Live.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = sub.add_parser(
        "serve",
        help="run the MCP server (stdio by default; what MCP clients launch)",
        description="Run the MCP server. Stdio by default: this is the command MCP clients launch.",
    )
    serve.add_argument(
        "--http",
        action="store_true",
        help="serve Streamable HTTP on loopback instead of stdio (bearer token required)",
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help="HTTP bind address; loopback only (default 127.0.0.1)"
    )
    serve.add_argument(
        "--http-port",
        type=int,
        default=DEFAULT_HTTP_PORT,
        help=f"HTTP port (default {DEFAULT_HTTP_PORT}; 0 picks a free one)",
    )
    serve.add_argument(
        "--port",
        type=int,
        default=None,
        help="bridge port of the Remote Script in Live (default 48260 or LIVE_MCP_PORT)",
    )
    serve.add_argument(
        "--demo",
        action="store_true",
        help="serve an embedded fake Live with a demo Set instead of connecting to Live",
    )
    serve.add_argument(
        "--config-dir",
        default=None,
        help="folder of the token files (default: the per-user folder, or LIVE_MCP_CONFIG_DIR)",
    )
    serve.add_argument(
        "--timeout", type=float, default=15.0, help="seconds to wait for Live's answer (default 15)"
    )
    serve.add_argument("--log-level", default="WARNING", help="stderr log level (default WARNING)")
    chosen = serve.add_argument_group(
        "which tools to serve",
        "Chosen at start-up (clients rarely re-read a changed tool list). A flag wins over its "
        "environment variable.",
    )
    chosen.add_argument(
        "--toolsets",
        default=None,
        help="comma-separated toolsets, or `all`, or `default` (combinable: default,devices); "
        "default: the default toolsets (LIVE_MCP_TOOLSETS)",
    )
    chosen.add_argument(
        "--tools", default=None, help="comma-separated single tools to add (LIVE_MCP_TOOLS)"
    )
    chosen.add_argument(
        "--exclude-tools",
        default=None,
        help="comma-separated tools to leave out (LIVE_MCP_EXCLUDE_TOOLS)",
    )
    chosen.add_argument(
        "--read-only",
        action="store_true",
        default=None,
        help="serve only read-only tools; wins over everything else (LIVE_MCP_READ_ONLY=true)",
    )
    serve.add_argument(
        "--policy",
        default=None,
        help="a YAML policy file: deny, approve or rate-limit tools (LIVE_MCP_POLICY; "
        "docs: Policy)",
    )

    demo = sub.add_parser(
        "demo",
        help="a short musical session through a real MCP client, against a fake Live",
        description="Spawn `live-mcp serve --demo` as an MCP client would and run a short session.",
    )
    demo.add_argument("--quiet", action="store_true", help="print only failures")

    install = sub.add_parser(
        "install-script",
        help="copy the Remote Script into Live's User Library",
        description="Copy the live_mcp Remote Script into Live's User Library 'Remote Scripts'.",
    )
    install.add_argument(
        "--dest",
        default=None,
        help="the 'Remote Scripts' folder (default: the User Library's on macOS/Windows)",
    )
    install.add_argument(
        "--port",
        type=int,
        default=None,
        help="bridge port for both the script and the server, saved in the settings file",
    )
    install.add_argument(
        "--config-dir",
        default=None,
        help="folder of the token files for both sides, saved in the settings file",
    )

    writes = sub.add_parser(
        "log",
        help="show the most recent writes made through the server",
        description="Print the most recent write tool calls recorded in the config folder.",
    )
    writes.add_argument("-n", "--count", type=int, default=20, help="how many (default 20)")
    writes.add_argument("--config-dir", default=None, help="folder of the record (writes.jsonl)")

    token = sub.add_parser(
        "token",
        help="show where the token files are and how to configure a client",
        description="Show the token files and client set-up. Prints no token unless asked.",
    )
    token.add_argument("--config-dir", default=None, help="folder of the token files")
    token.add_argument("--http-port", type=int, default=DEFAULT_HTTP_PORT)
    token.add_argument(
        "--reveal-http",
        action="store_true",
        help="also print the HTTP bearer token (for clients that need the literal value)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "serve":
        return _serve(args)
    if args.command == "demo":
        from live_mcp.demo import run_demo

        return run_demo(quiet=args.quiet)
    if args.command == "install-script":
        return _install(args)
    if args.command == "log":
        from live_mcp.policy.write_log import WriteLog, render
        from live_mcp.tokens import config_folder

        print(render(WriteLog(config_folder(args.config_dir)).recent(max(args.count, 1))))
        return 0
    if args.command == "token":
        from live_mcp.tokens import describe

        print(describe(args.config_dir, http_port=args.http_port, reveal_http=args.reveal_http))
        return 0
    raise AssertionError(args.command)  # argparse's `required=True` makes this unreachable


def _serve(args: argparse.Namespace) -> int:
    from live_mcp import logs

    logs.setup(args.log_level)
    if args.http:
        from live_mcp.transports.http import NotLoopbackError, check_loopback

        try:
            check_loopback(args.host)  # before anything starts: refuse, don't half-serve
        except NotLoopbackError as exc:
            print(f"live-mcp: {exc}", file=sys.stderr)
            return 2

    from live_mcp.server import load_registry
    from live_mcp.toolsets import SelectionError, from_options

    try:
        selection = from_options(
            load_registry(), args.toolsets, args.tools, args.exclude_tools, args.read_only
        )
    except SelectionError as exc:
        print(f"live-mcp: {exc}", file=sys.stderr)
        return 2
    policy = None
    from live_mcp.policy.rules import PolicyError, load_policy, policy_path

    path = policy_path(args.policy)
    if path is not None:
        try:
            policy = load_policy(path, load_registry())
        except PolicyError as exc:
            for problem in exc.problems:
                print(f"live-mcp: {problem}", file=sys.stderr)
            print(
                f"live-mcp: the policy has {len(exc.problems)} problem(s); not serving.",
                file=sys.stderr,
            )
            return 2

    import logging

    import anyio

    from live_mcp.bridge import Bridge
    from live_mcp.server import build_server

    with contextlib.ExitStack() as stack:
        bridge_port, bridge_config = args.port, args.config_dir
        if args.demo:
            from live_mcp.embedded import embedded_live

            host, bridge_config = stack.enter_context(embedded_live())
            bridge_port = host.port
        try:
            bridge = Bridge(port=bridge_port, config_dir=bridge_config, timeout=args.timeout)
        except ValueError as exc:  # a broken settings file or LIVE_MCP_PORT
            print(f"live-mcp: {exc}", file=sys.stderr)
            return 2
        from live_mcp.policy.write_log import WriteLog
        from live_mcp.tokens import config_folder

        # The demo's writes go to its own temporary folder, not the user's record.
        record = WriteLog(config_folder(bridge_config if args.demo else args.config_dir))
        server = build_server(bridge, selection=selection, policy=policy, write_log=record)
        logging.getLogger("live_mcp").info(
            "serving over %s; the Remote Script is expected on 127.0.0.1:%s%s",
            "Streamable HTTP" if args.http else "stdio",
            bridge.port,
            " (embedded demo Live)" if args.demo else "",
        )
        try:
            if args.http:
                from live_mcp.tokens import load_or_create_http_token

                token = load_or_create_http_token(args.config_dir)
                anyio.run(_serve_http, server, args.host, args.http_port, token)
            else:
                from live_mcp.transports.stdio import serve_stdio

                anyio.run(serve_stdio, server)
        except KeyboardInterrupt:
            pass
    return 0


async def _serve_http(server: object, host: str, port: int, token: str) -> None:
    from live_mcp.transports.http import serve_http

    await serve_http(server, host=host, port=port, token=token)  # type: ignore[arg-type]


def _install(args: argparse.Namespace) -> int:
    from pathlib import Path

    from live_mcp.install import ENABLE_TEXT, InstallError, install, save_settings

    try:
        target, state = install(Path(args.dest) if args.dest else None)
        settings = None
        if args.port is not None or args.config_dir is not None:
            settings = save_settings(port=args.port, config_dir=args.config_dir)
    except (InstallError, ValueError) as exc:
        print(f"live-mcp: {exc}", file=sys.stderr)
        return 1
    print(f"Remote Script {state}: {target}")
    if settings is not None:
        path, saved = settings
        shown = ", ".join(f"{key} {value}" for key, value in sorted(saved.items()))
        print(f"Settings for both the script and the server: {path} ({shown})")
        print("  Restart Live (or re-select the control surface) to use them.")
    print(ENABLE_TEXT)
    return 0

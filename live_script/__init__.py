"""live-mcp Remote Script: copy this folder into Live's User Library (Remote Scripts) and pick
"live_mcp" as a Control Surface. It serves the live-mcp bridge on 127.0.0.1 (docs/bridge-protocol.md).

Nothing here imports `Live` at module level: `create_instance` imports it when Live (or the fake
host, which installs its own `Live` first) calls it, and passes it down.
"""


def create_instance(c_instance, settings=None):
    """Live's entry point. `settings` (a runtime.Settings) is for the fake host; Live omits it."""
    import Live

    from .surface import LiveMcpSurface

    return LiveMcpSurface(c_instance, Live, settings)

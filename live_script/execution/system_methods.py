"""Bridge methods of the bridge itself, not of a tool: hand-written, beside the generated table.

`system.describe` reads, in plain words, the objects a call is about to change, so the server can
show the user exactly what an approval is for (docs/bridge-protocol.md). It never writes: its undo
policy is `none`, so no undo step is opened. The runtime serves these with `dispatch_gen.METHODS`.
"""

METHODS = {
    "system.describe": {
        "domain": "system",
        "verb": "describe",
        "undo": "none",
        "since": (11, 0, 0),
        "tools": (),
        "params": {
            "type": "object",
            "properties": {
                "ids": {
                    "type": "array",
                    "items": {"type": "string", "minLength": 1, "maxLength": 200},
                    "maxItems": 256,
                },
            },
            "required": ["ids"],
            "additionalProperties": False,
        },
    },
}

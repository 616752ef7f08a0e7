"""The execution layer: runs one request on Live's main thread — the pump that drains the
connections, the dispatcher (version gate, schema check, undo step, handler), the handler context,
pending results, batches and the parameter validator.

May import: `live_script.errors`, the generated tables, the transport (`bridge`), the Live-object
helpers (`lom`) and this package; the handlers only by name, through the dispatch table, never
with an import statement (tests/live_script/test_layers.py).
"""

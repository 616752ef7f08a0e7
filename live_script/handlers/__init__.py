"""The handlers: one module per spec domain, found by name by the dispatcher.

May import: `live_script.errors`, the Live-object helpers (`lom`), `music`, the handler context
(`execution.context`) and other handlers. Never the transport (tests/live_script/test_layers.py).
"""

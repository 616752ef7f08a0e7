"""fake_live's Application layer: ``Live.Application`` (Application, Application.View and the
module's functions) and ``Live.Browser`` (Browser, BrowserItem, the browser's content, loads).

May import ``fake_live.core`` and ``fake_live.device`` (loads build devices), and this package.
"""

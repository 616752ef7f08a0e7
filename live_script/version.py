"""Versions the Remote Script reports in `system.hello`."""

SCRIPT_VERSION = "0.1.0"
PROTOCOL_VERSION = 1

# Every target installs what it needs: a fresh machine with Python 3.11 and make is enough.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
JOBS   ?= 2

.PHONY: demo test generate check lint typecheck docs docs-serve bench clean inspector chromium apps

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) on PATH (or make PYTHON=/path/to/python3.11)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/live-mcp demo

generate: $(STAMP)
	$(PY) -m codegen

check: $(STAMP)
	$(PY) -m codegen --check
	$(PY) -m codegen.app_bundles --check

# The MCP Apps views (apps/ -> live_mcp/views/*.html, committed): needs Node and npm.
apps: $(STAMP) $(NODE_STAMP)
	$(PY) -m codegen.app_bundles --build

# The Remote Script against Live's own signatures (ableton-live-stubs); settings in pyproject.toml.
typecheck: $(STAMP)
	$(PY) -m mypy

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

# Node tools for the tests: the MCP Inspector CLI and the MCPB manifest validator (pinned in
# package-lock.json). Without npm those tests are skipped, saying why.
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent && touch $(NODE_STAMP); \
	else echo "npm not found: the MCP Inspector and manifest validator tests will be skipped"; fi

inspector: $(NODE_STAMP)

# Headless Chromium for the docs browser test (Debian's package).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "chromium could not be installed: the browser test will be skipped"; \
	  else echo "chromium not installed and no root apt-get: the browser test will be skipped"; fi; }

test: $(STAMP) inspector chromium
	$(PY) -m codegen --check
	$(PY) -m codegen.app_bundles --check
	$(PY) -m ruff check .
	$(PY) -m mypy
	$(PY) -m pytest -q -n $(JOBS)

docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict

docs-serve: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs serve -a 127.0.0.1:8000

bench: $(STAMP)
	$(PY) -m bench

clean:
	rm -rf $(VENV) node_modules site build .pytest_cache

# Quick start: `make run` opens the reader, `make test` runs the tests.
# Both create .venv and install from pyproject.toml on first use.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test bench check clean screenshot bytecode

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

# Byte-compile explicitly: with PYTHONDONTWRITEBYTECODE set (as on our machines)
# Python never saves .pyc files, and recompiling every module costs each start.
# compileall only rewrites what changed.
bytecode: $(STAMP)
	$(PY) -m compileall -q reader

run: bytecode
	$(PY) main.py

test: bytecode
	$(PY) -m pytest -q

bench: bytecode
	$(PY) bench/run.py

check: $(STAMP)
	$(PY) main.py check

clean:
	rm -rf $(VENV) build *.egg-info
	find reader -name __pycache__ -type d -prune -exec rm -rf {} +

screenshot: $(STAMP)
	$(PY) tools/screenshot.py docs/screenshot.png

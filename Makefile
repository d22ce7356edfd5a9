# Quick start: `make run` opens the reader, `make test` runs the tests.
# Both create .venv and install from pyproject.toml on first use.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test bench check clean screenshot

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) main.py

test: $(STAMP)
	$(PY) -m pytest -q

bench: $(STAMP)
	$(PY) bench/run.py

check: $(STAMP)
	$(PY) main.py check

clean:
	rm -rf $(VENV) build *.egg-info

screenshot: $(STAMP)
	$(PY) tools/screenshot.py docs/screenshot.png

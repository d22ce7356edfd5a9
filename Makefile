# Quick start: `make run` opens the reader, `make test` runs the tests.
# Both create .venv and install from pyproject.toml on first use.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench check clean screenshot bytecode bundle bundle-test install-desktop wheelhouse

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test,lint]'
	touch $(STAMP)

# Byte-compile explicitly: with PYTHONDONTWRITEBYTECODE set (as on our machines)
# Python never saves .pyc files, and recompiling every module costs each start.
# compileall only rewrites what changed.
bytecode: $(STAMP)
	$(PY) -m compileall -q reader

run: bytecode
	$(PY) main.py

# Lint first: it takes seconds, and a type or layering error is quicker to read than the tests it breaks.
test: bytecode lint
	$(PY) -m pytest -q

# The guard rails (issue 20), one tool a line, so the one that failed is the last line make prints.
# Their settings are in pyproject.toml; tools/vulture_allow.py lists the methods Qt and other
# libraries call by name. lint-imports runs without its cache: a stale one could pass a new import.
lint: $(STAMP)
	$(VENV)/bin/ruff check --quiet .
	$(VENV)/bin/mypy reader
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/vulture

bench: bytecode
	$(PY) bench/run.py

check: $(STAMP)
	$(PY) main.py check

# A standalone one-folder build in dist/atl-reader (PyInstaller; about 20 s here).
bundle: $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test,bundle]'
	$(PY) -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller deploy/atl-reader.spec
	du -sh dist/atl-reader

# Runs the bundled program with no venv and no network: sections, search, export-pdf, --self-test.
bundle-test: bundle
	$(PY) tools/bundle_test.py dist/atl-reader/atl-reader

# The desktop entry and icons for this user, launching this checkout's reader.
install-desktop: $(STAMP)
	mkdir -p $(HOME)/.local/share/applications $(HOME)/.local/share/icons/hicolor/scalable/apps
	sed 's|^Exec=atl-reader|Exec=$(CURDIR)/$(VENV)/bin/atl-reader|' deploy/desktop/atl-reader.desktop \
		> $(HOME)/.local/share/applications/atl-reader.desktop
	cp resources/icons/atl-reader.svg $(HOME)/.local/share/icons/hicolor/scalable/apps/atl-reader.svg
	for size in 16 32 48 64 128 256; do \
		mkdir -p $(HOME)/.local/share/icons/hicolor/$${size}x$${size}/apps; \
		cp resources/icons/atl-reader-$$size.png $(HOME)/.local/share/icons/hicolor/$${size}x$${size}/apps/atl-reader.png; \
	done

# Every wheel needed to install on a computer with no internet: pip install --no-index --find-links wheelhouse atl-reader
wheelhouse: $(STAMP)
	$(PY) -m pip wheel --quiet --wheel-dir wheelhouse .

clean:
	rm -rf $(VENV) build dist wheelhouse *.egg-info
	find reader -name __pycache__ -type d -prune -exec rm -rf {} +

screenshot: $(STAMP)
	$(PY) tools/screenshot.py docs/screenshot.png

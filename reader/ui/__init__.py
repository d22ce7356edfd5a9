"""The Qt shell: widgets that display what the core computes."""

import sys
from typing import Any

import PySide6  # loads shiboken, which installs the import hook patched below


def _skip_feature_source_scan() -> None:
    """Spare PySide's import hook from reading the source of every later module.

    After PySide6 is imported, its ``__feature__`` hook asks of each newly imported
    module whether it uses PySide, by reading its source (``inspect.getsource``) and
    looking for "PySide6": about 110 modules before the first frame (its cost is in
    bench/README.md, the one start-up measure of this kind kept). The answer only decides which
    ``from __feature__ import ...`` switches (snake_case, true_property) a module
    sees. This app never turns one on, so every module is answered "ignore" (-1),
    PySide's own answer for modules that do not use it: they see Qt's plain names.
    A PySide without this scan is left alone.
    """
    feature: Any = sys.modules.get("shibokensupport.feature")  # PySide's own module, with no types
    if feature is not None and hasattr(feature, "_mod_uses_pyside"):
        feature._mod_uses_pyside = _uses_pyside


def _uses_pyside(_module: object) -> bool:
    return False


_skip_feature_source_scan()
del PySide6  # only imported for its side effect

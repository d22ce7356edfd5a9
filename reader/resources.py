"""Finding the plain files under resources/, in a checkout or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def installed_data_dir() -> Path:
    """Where a pip-installed reader keeps its content pack and resources (see pyproject's data-files)."""
    return Path(sys.prefix) / "share" / "atl-reader"


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    checkout = Path(__file__).resolve().parent.parent / "resources"
    return checkout if checkout.is_dir() else installed_data_dir() / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)

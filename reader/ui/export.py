"""Writing a handout PDF without a window: for `export-pdf` and the File menu."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader import APP_NAME, __version__
from reader.content.model import Pack

if TYPE_CHECKING:
    from reader.ui.handout import HandoutPlan


def _ensure_gui_app() -> None:
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        # Painting a PDF needs fonts, not a screen: never ask for a display.
        app = QGuiApplication([sys.argv[0] if sys.argv else "atl-reader", "-platform", "offscreen"])
        app.setApplicationName(APP_NAME)
        globals()["_app"] = app  # keep it alive for the rest of the process


def export_pdf(pack: Pack, out: Path, section_ids: Sequence[str] = (), *, large_print: bool = False,
               clinic: str = "", phone: str = "", glossary: bool = False) -> int:
    """Write the handout to out atomically; return its page count. Raises OSError."""
    from reader.ui.handout import HandoutPlan

    plan = HandoutPlan.for_ids(pack, section_ids, large_print=large_print, clinic=clinic, phone=phone,
                               glossary=glossary)
    return export_plan(plan, out)


def export_plan(plan: HandoutPlan, out: Path) -> int:
    """Write the handout plan describes to out atomically (the dialog and the CLI both end here)."""
    _ensure_gui_app()
    from PySide6.QtGui import QPdfWriter

    from reader.ui.fonts import register_fonts
    from reader.ui.handout import paint_handout, setup_page

    out = Path(out)
    if out.is_dir():
        raise OSError(21, "is a folder: give a file name such as summary.pdf", str(out))
    folder = out.resolve().parent
    if not folder.is_dir():
        raise OSError(2, "folder does not exist", str(folder))
    # Write beside the target, then rename: a PDF is never left half-written.
    try:
        handle, temp_name = tempfile.mkstemp(prefix=".atl-reader-", suffix=".pdf", dir=folder)
    except OSError as exc:
        raise OSError(exc.errno, f"cannot write there ({exc.strerror})", str(out)) from None
    os.close(handle)
    try:
        writer = QPdfWriter(temp_name)
        writer.setResolution(300)
        writer.setTitle(plan.pack.manifest.title)
        writer.setCreator(f"{APP_NAME} {__version__}")
        setup_page(writer)
        pages = paint_handout(writer, plan, register_fonts())
        del writer  # closes and flushes the file
        try:
            os.replace(temp_name, out)
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror, str(out)) from None
        return pages
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise

"""Whether the window has a screen to open on, asked before Qt would abort for want of one."""

from __future__ import annotations

from collections.abc import Mapping


def missing_display(environ: Mapping[str, str], platform: str) -> str | None:
    """A sentence saying why no window can open here, or None if one can.

    On Linux, Qt ends the process (no exception to catch) when neither an X nor a
    Wayland display is set, so the reader asks first. A chosen Qt platform
    (QT_QPA_PLATFORM, e.g. offscreen, eglfs or linuxfb) is trusted as it is.
    """
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return ("there is no screen to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
            "'sections', 'search', 'check' and 'export-pdf' work without one")

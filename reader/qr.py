"""QR codes for web addresses, made offline, so a patient can open a link later on a phone."""

from __future__ import annotations

import io


def qr_png(text: str, *, scale: int = 4) -> bytes:
    """A PNG of a QR code holding text, with a quiet zone around it."""
    import segno  # pure Python, imported only when an address is shown

    code = segno.make(text, error="m", micro=False)
    out = io.BytesIO()
    code.save(out, kind="png", scale=scale, border=4, dark="#000000", light="#ffffff")
    return out.getvalue()

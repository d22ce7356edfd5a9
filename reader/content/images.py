"""Which pictures a pack may show: PNG, JPEG or GIF by their bytes, of a size a page can hold.

Qt picks an image decoder by sniffing the bytes, not by the file's name, and
its SVG decoder follows <image href> to any file on the disk (a FIFO there hangs
the reader). Its decoders also unpack a 190 KB PNG into 8000×8000 pixels (190 MB
of memory). So a picture's format and size are read from its header here,
before Qt sees it, and the decoder is then told the format.
"""

from __future__ import annotations

import struct

#: A figure on a page about 1,000 pixels wide, sharp on a high-density screen
#: and in print: 4 million pixels (16 MB decoded) is more than any needs.
MAX_PIXELS = 4_000_000
#: Pictures one section may show: each can take MAX_PIXELS of memory.
MAX_PER_SECTION = 20


def image_format(data: bytes) -> str | None:
    """'png', 'jpeg' or 'gif' by the file's first bytes; None for anything else (SVG included)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    return None


def _png_size(data: bytes) -> tuple[int, int] | None:
    if len(data) < 24 or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])


def _gif_size(data: bytes) -> tuple[int, int] | None:
    return struct.unpack("<HH", data[6:10]) if len(data) >= 10 else None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """The size in the first start-of-frame marker (SOF0 to SOF15, but DHT, JPG and DAC)."""
    at = 2
    while at + 9 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if 0xD0 <= marker <= 0xD9 or marker == 0x01:  # markers without a length
            at += 2
            continue
        length = struct.unpack(">H", data[at + 2:at + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[at + 5:at + 9])
            return width, height
        at += 2 + length
    return None


def image_problem(data: bytes) -> str | None:
    """Why the picture in data cannot be shown, as a sentence for an editor; None if it can."""
    kind = image_format(data)
    if kind is None:
        if data.lstrip()[:5].lower() in (b"<?xml", b"<svg ") or b"<svg" in data[:1024].lower():
            return "is an SVG drawing, which can pull in other files: save it as PNG"
        return "is not a PNG, JPEG or GIF picture"
    size = {"png": _png_size, "gif": _gif_size, "jpeg": _jpeg_size}[kind](data)
    if size is None:
        return f"is a damaged {kind.upper()} file (its size cannot be read)"
    width, height = size
    if width * height > MAX_PIXELS:
        return (f"is {width}×{height} pixels; at most {MAX_PIXELS // 1_000_000} million pixels can be shown "
                "(for example 2000×2000): make it smaller")
    if width == 0 or height == 0:
        return f"is a damaged {kind.upper()} file (it has no pixels)"
    return None


"""Pictures: only PNG, JPEG and GIF of a size a page can hold; never an SVG that pulls in other files."""

from __future__ import annotations

import struct

from hostile_packs import _png
from reader.content.images import MAX_PIXELS, image_problem


def _jpeg(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00" + b"\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof0 = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof0 + b"\xff\xd9"


def test_ordinary_pictures_pass():
    assert image_problem(_png(64)) is None
    assert image_problem(_jpeg(1600, 1200)) is None
    assert image_problem(b"GIF89a" + struct.pack("<HH", 300, 200) + b"\x00" * 20) is None


def test_an_svg_is_refused_whatever_its_name_says():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>'
    assert "SVG" in image_problem(svg)
    assert "SVG" in image_problem(b'<?xml version="1.0"?>\n' + svg)


def test_a_small_file_that_decodes_to_too_many_pixels_is_refused():
    huge = _jpeg(8000, 8000)
    assert MAX_PIXELS < 8000 * 8000
    assert "8000×8000 pixels" in image_problem(huge)
    assert "pixels" in image_problem(_png(2100))


def test_other_files_and_damaged_headers_are_refused():
    assert image_problem(b"BM" + b"\x00" * 100) == "is not a PNG, JPEG or GIF picture"
    assert "damaged" in image_problem(b"\x89PNG\r\n\x1a\n" + b"\x00" * 4)


def test_the_reading_pane_never_decodes_an_svg_named_png(tmp_path, qapp):
    from PySide6.QtCore import QUrl

    from reader.ui.resources_gate import pack_resource

    (tmp_path / "a.png").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40">'
                                    '<rect width="40" height="40" fill="red"/></svg>', encoding="utf-8")
    (tmp_path / "b.png").write_bytes(_png(30))
    assert pack_resource(tmp_path, 2, QUrl("pack:a.png")).isNull()
    assert pack_resource(tmp_path, 2, QUrl("pack:b.png")).width() == 30

"""A PDF's text page by page, read as the outside checks read it: pdftotext, else pypdf."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


def pdf_pages(path: Path) -> list[str]:
    """Each page's text, as extracted (callers normalise white space as they need)."""
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        return text.split("\f")[:-1]  # a form feed ends every page
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]

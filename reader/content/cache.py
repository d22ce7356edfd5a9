"""A cache of rendered sections, keyed by a hash of the pack's files.

Rendering Markdown is the slowest part of opening a pack, and the pack rarely
changes, so a start with an unchanged pack never imports Markdown at all. The
cache is only an accelerator: a missing, stale, corrupt or unwritable cache is
rebuilt or skipped, never trusted and never an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

from reader import APP_ID, __version__
from reader.content.model import Problem, Section, Subsection

_FORMAT = 1


def cache_dir() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / APP_ID / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / APP_ID
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / APP_ID


def pack_key(manifest: bytes, sources: list[tuple[str, bytes]]) -> str:
    """A hash of everything that decides how the pack renders, the app version included."""
    digest = hashlib.sha256(f"{APP_ID} {__version__} {_FORMAT}\0".encode())
    digest.update(manifest)
    for name, data in sources:
        digest.update(b"\0" + name.encode() + b"\0" + len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def _path(key: str) -> Path:
    return cache_dir() / f"pack-{key[:40]}.json"


def load(key: str) -> tuple[list[Section], list[Problem]] | None:
    """The cached sections for key, or None if there is no usable entry."""
    try:
        data = json.loads(_path(key).read_text(encoding="utf-8"))
        if data.get("key") != key:
            return None
        sections = [
            Section(
                id=s["id"], title=s["title"], kind=s["kind"], file=s["file"], html=s["html"], text=s["text"],
                subsections=tuple(Subsection(**sub) for sub in s["subsections"]),
            )
            for s in data["sections"]
        ]
        problems = [Problem(**p) for p in data["problems"]]
        return sections, problems
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def store(key: str, sections: list[Section], problems: list[Problem]) -> None:
    """Write the entry atomically; silently give up if the cache folder is unwritable."""
    payload = {
        "key": key,
        "sections": [
            {"id": s.id, "title": s.title, "kind": s.kind, "file": s.file, "html": s.html, "text": s.text,
             "subsections": [vars(sub) for sub in s.subsections]}
            for s in sections
        ],
        "problems": [{"path": p.path, "message": p.message, "line": p.line} for p in problems],
    }
    target = _path(key)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".pack-", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(payload, out, ensure_ascii=False)
        os.replace(temp, target)
    except OSError:
        # A read-only home or full disk only costs speed: the pack still opened.
        return

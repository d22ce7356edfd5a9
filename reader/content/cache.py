"""A cache of the loaded pack, trusted only while the pack's files are unchanged.

Parsing the manifest and rendering Markdown are the slow parts of opening a
pack, and the pack rarely changes, so a start with an unchanged pack reads one
JSON file: no TOML parser, no Markdown, no section files. The entry records
each file's size and modification times, as Python's own bytecode cache does,
and is used only when every stamp still matches.

A file changed within the file system's timestamp granularity of being stamped
could keep its stamp, so files that are that fresh are never stamped: the
entry is simply not written, and the next start renders again (Git guards its
index against such "racy" files the same way).

The entry is stored with marshal, the format of Python's own .pyc files: it
loads several times faster than JSON (bench/README.md) and needs no import.
A CRC-32 guards it, and the Python version is part of the entry's version,
since marshal's format may change between them.

The cache is only an accelerator: a missing, stale, corrupt or unwritable
cache is rebuilt or skipped, never trusted and never an error.
"""

from __future__ import annotations

import datetime as dt
import marshal
import os
import sys
import tempfile
import time
import zlib
from pathlib import Path
from typing import Any

from reader import APP_ID, __version__
from reader.content.files import Refused, read_regular
from reader.content.model import Companion, GlossaryEntry, Manifest, Pack, PlainLine, Problem, Section, Subsection

#: Bumped whenever what is stored, or how it is rendered, changes.
_FORMAT = 9
#: An entry starts with these bytes, then the CRC-32 of the rest.
_MAGIC = b"ATL-PACK"
_SUFFIX = ".cache"
#: Files modified this recently are too fresh to stamp (coarse file system clocks).
RACY_SECONDS = 2.0
#: A larger entry is a miss. A 2,000-section pack's entry is about 5 MB; this is
#: room for packs fifty times that, and a FIFO or a device here is a miss too.
MAX_ENTRY_BYTES = 256 * 1024 * 1024

Stamp = tuple[str, int, int, int] | tuple[str, None, None, None]


def cache_dir() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / APP_ID / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / APP_ID
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / APP_ID


def _path(root: Path) -> Path:
    # One entry per pack folder; the entry names its folder, so a clash is only a miss.
    return cache_dir() / f"pack-{zlib.crc32(str(root).encode()):08x}{_SUFFIX}"


def _version() -> str:
    return f"{APP_ID} {__version__} {_FORMAT} py{sys.version_info[0]}.{sys.version_info[1]}"


def encode_entry(payload: dict[str, object]) -> bytes:
    body = marshal.dumps(payload)
    return _MAGIC + zlib.crc32(body).to_bytes(4, "big") + body


def decode_entry(raw: bytes) -> dict[str, object]:
    """The payload of an entry; ValueError if it is not one, or was damaged."""
    start = len(_MAGIC) + 4
    body = memoryview(raw)[start:]
    if raw[:len(_MAGIC)] != _MAGIC or int.from_bytes(raw[len(_MAGIC):start], "big") != zlib.crc32(body):
        raise ValueError("not an intact cache entry")
    data = marshal.loads(body)
    if not isinstance(data, dict):
        raise ValueError("not a cache entry")
    return data


def stamp(root: Path, name: str) -> Stamp:
    """(name, size, mtime_ns, ctime_ns) of root/name, or Nones if it cannot be seen."""
    try:
        info = (root / name).stat()
    except OSError:
        return (name, None, None, None)
    return (name, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def _stamps_hold(root: Path, stamps: list[list[object]]) -> bool:
    return bool(stamps) and all(tuple(s) == stamp(root, str(s[0])) for s in stamps)


def _is_racy(stamps: list[Stamp]) -> bool:
    # Any later write sets mtime to "now", so only a file whose mtime is already
    # about "now" could change without its stamp changing.
    fresh_after = time.time_ns() - int(RACY_SECONDS * 1e9)
    return any(s[2] is not None and s[2] >= fresh_after for s in stamps)


def load(root: Path) -> Pack | None:
    """The cached pack for root, or None if there is no entry that still holds."""
    resolved = root.resolve()
    try:
        # Any: what was stored is checked by use, and a wrong shape raises one of the errors below.
        data: dict[str, Any] | None = read_entry(_path(resolved))
        if data is None:
            return None
        if data.get("version") != _version() or data.get("root") != str(resolved):
            return None
        if not _stamps_hold(root, data["stamps"]):
            return None
        m = data["manifest"]
        manifest = Manifest(
            title=m["title"], kind=m["kind"], last_updated=dt.date.fromisoformat(m["last_updated"]),
            language=m["language"], disclaimer=m["disclaimer"], source=m["source"],
            review_interval_months=m["review_interval_months"], about=tuple((k, v) for k, v in m["about"]),
        )
        sections = tuple(
            Section(
                id=s["id"], title=s["title"], kind=s["kind"], file=s["file"], html=s["html"], text=s["text"],
                subsections=tuple(Subsection(**sub) for sub in s["subsections"]),
            )
            for s in data["sections"]
        )
        problems = tuple(Problem(**p) for p in data["problems"])
        glossary = tuple(GlossaryEntry(g["term"], g["definition"], tuple(g["also"]), g["source"], g["source_url"])
                         for g in data["glossary"])
        plain = tuple(Companion(c["section_id"], c["file"],
                                tuple(PlainLine(text, tuple(ids), line, item) for text, ids, line, item in c["lines"]),
                                c["reviewed_by"], c["reviewed_on"]) for c in data["plain"])
    except (OSError, EOFError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None
    return Pack(root=root, manifest=manifest, sections=sections, problems=problems, glossary=glossary, plain=plain)


def store(pack: Pack, stamps: list[Stamp]) -> None:
    """Write the entry atomically; silently give up if the cache folder is unwritable."""
    if _is_racy(stamps):
        return
    manifest = pack.manifest
    payload: dict[str, object] = {
        "version": _version(),
        "root": str(pack.root.resolve()),
        "stamps": stamps,
        "manifest": {
            "title": manifest.title, "kind": manifest.kind, "last_updated": manifest.last_updated.isoformat(),
            "language": manifest.language, "disclaimer": manifest.disclaimer, "source": manifest.source,
            "review_interval_months": manifest.review_interval_months,
            "about": [list(pair) for pair in manifest.about],
        },
        "sections": [
            {"id": s.id, "title": s.title, "kind": s.kind, "file": s.file, "html": s.html, "text": s.text,
             "subsections": [vars(sub) for sub in s.subsections]}
            for s in pack.sections
        ],
        "problems": [{"path": p.path, "message": p.message, "line": p.line} for p in pack.problems],
        "glossary": [{"term": g.term, "definition": g.definition, "also": list(g.also), "source": g.source,
                      "source_url": g.source_url} for g in pack.glossary],
        "plain": [{"section_id": c.section_id, "file": c.file,
                   "lines": [[x.text, list(x.cites), x.line, x.item] for x in c.lines],
                   "reviewed_by": c.reviewed_by, "reviewed_on": c.reviewed_on} for c in pack.plain],
    }
    target = _path(pack.root.resolve())
    if write_entry(target, payload):
        for old in target.parent.glob("pack-*.json"):  # entries of the JSON format before version 4
            old.unlink(missing_ok=True)


def read_entry(target: Path) -> dict[str, object] | None:
    """The payload stored at target, or None if there is none or it was damaged.

    A FIFO, a device or a huge file put in its place is a miss too, never a hang.
    """
    try:
        return decode_entry(read_regular(target, limit=MAX_ENTRY_BYTES))
    except (OSError, EOFError, ValueError, TypeError, Refused):
        return None


def write_entry(target: Path, payload: dict[str, object]) -> bool:
    """Write an entry atomically; False (and nothing written) if the cache folder is unwritable.

    A read-only home or a full disk only costs speed: what was cached can always be made again.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".entry-", suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(encode_entry(payload))
        os.replace(temp, target)
    except OSError:
        Path(temp).unlink(missing_ok=True)  # a full disk leaves no half-written entry behind
        return False
    return True

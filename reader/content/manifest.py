"""Reading and validating manifest.toml, with line numbers for every problem."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from reader.content.dates import long_date
from reader.content.model import ABOUT_FIELDS, MANIFEST_NAME, SECTION_KINDS, Manifest, PackError, Problem, REVIEWED

REQUIRED_KEYS = ("title", "kind", "last_updated", "language", "disclaimer", "source")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class SectionEntry:
    """One [[sections]] table: where a section lives and what it is."""

    id: str
    file: str
    kind: str
    line: int | None


def _line_of(text: str, pattern: str, start: int = 0) -> int | None:
    """1-based line of the first match of pattern at or after character start."""
    match = re.compile(pattern, re.MULTILINE).search(text, start)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _section_lines(text: str) -> list[int]:
    """1-based line of each [[sections]] header, counting lines once through the text."""
    lines, line, position = [], 1, 0
    for match in re.finditer(r"^\s*\[\[\s*sections\s*\]\]", text, re.MULTILINE):
        line += text.count("\n", position, match.start())
        position = match.start()
        lines.append(line)
    return lines


def read_manifest(root: Path) -> tuple[Manifest, list[SectionEntry], list[Problem]]:
    """Parse root/manifest.toml.

    Raises PackError when the manifest cannot be used at all; returns lesser
    problems (a bad section entry) alongside the result.
    """
    path = root / MANIFEST_NAME
    rel = MANIFEST_NAME
    if not root.is_dir():
        raise PackError(Problem(str(root), "content folder not found"))
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PackError(Problem(str(path), "manifest.toml is missing: this folder is not a content pack")) from None
    except UnicodeDecodeError:
        raise PackError(Problem(str(path), "manifest.toml is not UTF-8 text")) from None
    except OSError as exc:
        raise PackError(Problem(str(path), f"cannot read manifest.toml ({exc.strerror})")) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+)", str(exc))
        line = int(found.group(1)) if found else text.count("\n") + 1  # "at end of document"
        message = re.sub(r"\s*\((at line \d+, column \d+|at end of document)\)", "", str(exc))
        raise PackError(Problem(str(path), f"invalid TOML: {message}", line)) from None

    missing = [key for key in REQUIRED_KEYS if key not in data]
    if missing:
        raise PackError(Problem(str(path), "missing key(s): " + ", ".join(missing)))
    for key in ("title", "kind", "language", "disclaimer", "source"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise PackError(Problem(str(path), f"'{key}' must be non-empty text", _line_of(text, rf"^\s*{key}\s*=")))
    updated = data["last_updated"]
    if isinstance(updated, dt.datetime) or not isinstance(updated, dt.date):
        raise PackError(
            Problem(str(path), "'last_updated' must be a date such as 2026-05-08", _line_of(text, r"^\s*last_updated\s*="))
        )
    interval = data.get("review_interval_months", 12)
    if not isinstance(interval, int) or isinstance(interval, bool) or not 1 <= interval <= 120:
        raise PackError(
            Problem(str(path), "'review_interval_months' must be a whole number from 1 to 120",
                    _line_of(text, r"^\s*review_interval_months\s*="))
        )
    about: list[tuple[str, str]] = []
    for key in ABOUT_FIELDS:
        value = data.get(key, "")
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            value = long_date(value)
        if not isinstance(value, str):
            raise PackError(Problem(str(path), f"'{key}' ({ABOUT_FIELDS[key]}) must be text or a date",
                                    _line_of(text, rf"^\s*{key}\s*=")))
        about.append((key, " ".join(value.split())))
    manifest = Manifest(
        title=data["title"].strip(),
        kind=data["kind"].strip(),
        last_updated=updated,
        language=data["language"].strip(),
        disclaimer=" ".join(data["disclaimer"].split()),
        source=data["source"].strip(),
        review_interval_months=interval,
        about=tuple(about),
    )

    raw_sections = data.get("sections")
    if not isinstance(raw_sections, list) or not raw_sections:
        raise PackError(Problem(str(path), "no [[sections]] listed: add one per section file"))
    lines = _section_lines(text)
    entries: list[SectionEntry] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_sections):
        line = lines[index] if index < len(lines) else None
        if not isinstance(raw, dict):
            problems.append(Problem(rel, "a [[sections]] entry must be a table", line))
            continue
        section_id, file, kind = raw.get("id"), raw.get("file"), raw.get("kind", REVIEWED)
        if not isinstance(section_id, str) or not _ID_RE.match(section_id):
            problems.append(Problem(rel, "section 'id' must be lower-case letters, digits and hyphens", line))
            continue
        if section_id in seen:
            problems.append(Problem(rel, f"duplicate section id '{section_id}'", line))
            continue
        if not isinstance(file, str) or not file.strip():
            problems.append(Problem(rel, f"section '{section_id}' has no 'file'", line))
            continue
        if kind not in SECTION_KINDS:
            problems.append(Problem(rel, f"section '{section_id}': kind must be one of {', '.join(SECTION_KINDS)}", line))
            continue
        seen.add(section_id)
        entries.append(SectionEntry(section_id, file.strip(), kind, line))
    return manifest, entries, problems

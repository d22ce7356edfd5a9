"""Reading and validating manifest.toml, with line numbers for every problem."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from reader.content.dates import long_date
from reader.content.files import MAX_TOML_BYTES, Refused, pack_name_problem, read_pack_file
from reader.content.model import ABOUT_FIELDS, MANIFEST_NAME, REVIEWED, SECTION_KINDS, Manifest, PackError, Problem
from reader.content.toml_files import decode_error, header_lines, line_of, loads, utf8_line

REQUIRED_KEYS = ("title", "kind", "last_updated", "language", "disclaimer", "source")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
#: Most characters each text may have. The title and kind head every page and
#: window, so they must fit a line or two; the disclaimer is on every printed
#: page; an About field is a sentence or two. Each is ten or more times the
#: bundled pack's, and short enough that no label or page can be swamped.
MAX_CHARS = {"title": 200, "kind": 200, "language": 35, "disclaimer": 2_000, "source": 500}
MAX_ABOUT_CHARS = 1_000
#: A section id becomes an anchor in every link to it.
MAX_ID_CHARS = 100
#: The benchmark pack has 2,000 sections; a summary has under twenty.
MAX_SECTIONS = 5_000


@dataclass(frozen=True)
class SectionEntry:
    """One [[sections]] table: where a section lives and what it is."""

    id: str
    file: str
    kind: str
    line: int | None


@dataclass(frozen=True)
class PlainEntry:
    """One [[plain]] table: a reviewed section's plain-language companion, and its clinician's sign-off."""

    section: str
    file: str
    reviewed_by: str = ""
    reviewed_on: str = ""


def _section_lines(text: str) -> list[int]:
    """1-based line of each [[sections]] header, counting lines once through the text."""
    return header_lines(text, "sections")


def read_manifest(root: Path) -> tuple[Manifest, list[SectionEntry], list[PlainEntry], list[Problem]]:
    """Parse root/manifest.toml: the manifest, its sections and its plain-language companions.

    Raises PackError when the manifest cannot be used at all; returns lesser
    problems (a bad section entry) alongside the result.
    """
    path = root / MANIFEST_NAME
    rel = MANIFEST_NAME
    if not root.is_dir():
        raise PackError(Problem(str(root), "content folder not found"))
    try:
        raw = read_pack_file(root, MANIFEST_NAME, limit=MAX_TOML_BYTES)
    except FileNotFoundError:
        raise PackError(Problem(str(path), "manifest.toml is missing: this folder is not a content pack")) from None
    except Refused as refused:  # a FIFO, a device, a link out of the pack, a file too large
        raise PackError(Problem(str(path), refused.message)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PackError(Problem(str(path), "manifest.toml is not UTF-8 text", utf8_line(raw, exc))) from None
    try:
        data = loads(text)
    except tomllib.TOMLDecodeError as exc:
        message, line = decode_error(exc, text)
        raise PackError(Problem(str(path), f"invalid TOML: {message}", line)) from None

    missing = [key for key in REQUIRED_KEYS if key not in data]
    if missing:
        raise PackError(Problem(str(path), "missing key(s): " + ", ".join(missing)))
    for key in ("title", "kind", "language", "disclaimer", "source"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise PackError(Problem(str(path), f"'{key}' must be non-empty text", line_of(text, rf"^\s*{key}\s*=")))
        if len(data[key]) > MAX_CHARS[key]:
            raise PackError(Problem(str(path), f"'{key}' is {len(data[key]):,} characters long: keep it under "
                                               f"{MAX_CHARS[key]:,}", line_of(text, rf"^\s*{key}\s*=")))
    updated = data["last_updated"]
    # A year far off is a typing slip (and its review date, years later, cannot be computed).
    if isinstance(updated, dt.datetime) or not isinstance(updated, dt.date) or not 1900 <= updated.year <= 2999:
        raise PackError(Problem(str(path), "'last_updated' must be a date such as 2026-05-08",
                                line_of(text, r"^\s*last_updated\s*=")))
    interval = data.get("review_interval_months", 12)
    if not isinstance(interval, int) or isinstance(interval, bool) or not 1 <= interval <= 120:
        raise PackError(
            Problem(str(path), "'review_interval_months' must be a whole number from 1 to 120",
                    line_of(text, r"^\s*review_interval_months\s*="))
        )
    about: list[tuple[str, str]] = []
    for key in ABOUT_FIELDS:
        value = data.get(key, "")
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            value = long_date(value)
        if not isinstance(value, str):
            raise PackError(Problem(str(path), f"'{key}' ({ABOUT_FIELDS[key]}) must be text or a date",
                                    line_of(text, rf"^\s*{key}\s*=")))
        if len(value) > MAX_ABOUT_CHARS:
            raise PackError(Problem(str(path), f"'{key}' is {len(value):,} characters long: keep it under "
                                               f"{MAX_ABOUT_CHARS:,}", line_of(text, rf"^\s*{key}\s*=")))
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
    files: dict[str, str] = {}
    for index, raw in enumerate(raw_sections):
        line = lines[index] if index < len(lines) else None
        if not isinstance(raw, dict):
            problems.append(Problem(rel, "a [[sections]] entry must be a table", line))
            continue
        section_id, file, kind = raw.get("id"), raw.get("file"), raw.get("kind", REVIEWED)
        if not isinstance(section_id, str) or not _ID_RE.match(section_id) or len(section_id) > MAX_ID_CHARS:
            problems.append(Problem(rel, "section 'id' must be lower-case letters, digits and hyphens "
                                         f"(at most {MAX_ID_CHARS})", line))
            continue
        if section_id in seen:
            problems.append(Problem(rel, f"duplicate section id '{section_id}'", line))
            continue
        if not isinstance(file, str) or not file.strip():
            problems.append(Problem(rel, f"section '{section_id}' has no 'file'", line))
            continue
        # The name itself is never echoed: it may hold a NUL or a line break.
        name_problem = pack_name_problem(file.strip())
        if name_problem is not None:
            problems.append(Problem(rel, f"section '{section_id}': {name_problem}", line))
            continue
        if kind not in SECTION_KINDS:
            problems.append(
                Problem(rel, f"section '{section_id}': kind must be one of {', '.join(SECTION_KINDS)}", line))
            continue
        if file.strip() in files:
            # The same page twice adds nothing for a reader, and thousands of copies of one
            # page make a pack that takes minutes to print.
            problems.append(Problem(rel, f"section '{section_id}' uses the file of section "
                                         f"'{files[file.strip()]}'", line))
            continue
        if len(entries) == MAX_SECTIONS:
            problems.append(Problem(rel, f"more than {MAX_SECTIONS} sections: the rest are left out", line))
            break
        seen.add(section_id)
        files[file.strip()] = section_id
        entries.append(SectionEntry(section_id, file.strip(), kind, line))
    plain, plain_problems = _plain_entries(data.get("plain", []), text)
    return manifest, entries, plain, problems + plain_problems


def _plain_entries(raw: object, text: str) -> tuple[list[PlainEntry], list[Problem]]:
    """The [[plain]] tables that name a section and a file of the pack; what is wrong with the others."""
    lines = header_lines(text, "plain")
    entries: list[PlainEntry] = []
    problems: list[Problem] = []
    for index, table in enumerate(raw if isinstance(raw, list) else []):
        line = lines[index] if index < len(lines) else None
        if not isinstance(table, dict) or not isinstance(table.get("section"), str) \
                or not isinstance(table.get("file"), str):
            problems.append(Problem(MANIFEST_NAME, "a [[plain]] entry needs a section and a file", line))
            continue
        name_problem = pack_name_problem(table["file"].strip())
        if name_problem is not None:
            problems.append(Problem(MANIFEST_NAME, f"[[plain]] of '{table['section']}': {name_problem}", line))
            continue
        entries.append(PlainEntry(table["section"], table["file"].strip(), str(table.get("reviewed_by", "")).strip(),
                                  str(table.get("reviewed_on", "")).strip()))
    return entries, problems

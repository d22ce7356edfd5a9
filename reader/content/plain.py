"""Plain-language companions: a grade-6 restatement of a reviewed section, each line citing what it restates (no Qt).

A companion is listed in manifest.toml as [[plain]] (section, file, reviewed_by, reviewed_on). Its file
holds one or more plain sentences a line, each line ending with the ids of the reviewed sentences it
restates: "There is no cure yet that works for everyone. [overview.1]". A "#" line is its title; a line
starting "- " is an item of a list, as the reviewed items it restates are.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from reader.content.model import Companion, PlainLine, Problem

_CITED = re.compile(r"^(?P<text>.*?)\s*\[(?P<ids>[^\[\]]+)\]\s*$")


def read_companions(root: Path) -> tuple[tuple[Companion, ...], list[Problem]]:
    """The pack's companions, and what is wrong with them as files (citations are checked by `check`)."""
    try:
        entries = tomllib.loads((root / "manifest.toml").read_text(encoding="utf-8")).get("plain", [])
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return (), []  # the pack's loader reports an unreadable manifest
    companions: list[Companion] = []
    problems: list[Problem] = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict) or not isinstance(entry.get("section"), str) or not isinstance(
                entry.get("file"), str):
            problems.append(Problem("manifest.toml", "a [[plain]] entry needs a section and a file"))
            continue
        file = entry["file"]
        try:
            source = (root / file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(file, f"cannot be read ({exc.__class__.__name__}); left out"))
            continue
        lines, found = _plain_lines(source, file)
        problems += found
        companions.append(Companion(entry["section"], file, lines, str(entry.get("reviewed_by", "")).strip(),
                                    str(entry.get("reviewed_on", "")).strip()))
    return tuple(companions), problems


def _plain_lines(source: str, file: str) -> tuple[tuple[PlainLine, ...], list[Problem]]:
    lines: list[PlainLine] = []
    problems: list[Problem] = []
    for number, raw in enumerate(source.splitlines(), start=1):
        text = raw.strip()
        if not text or text.startswith(("#", "<!--")):
            continue
        cited = _CITED.match(text)
        if cited is None or not cited.group("text"):
            problems.append(Problem(file, "a plain sentence must end with the reviewed sentences it restates, "
                                          "such as [overview.1]", number))
            continue
        ids = tuple(part.strip() for part in cited.group("ids").split(",") if part.strip())
        words = cited.group("text")
        item = words.startswith("- ")
        lines.append(PlainLine(words[2:].strip() if item else words, ids, number, item))
    return tuple(lines), problems

"""Plain-language companions: a grade-6 restatement of a reviewed section, each line citing what it restates (no Qt).

A companion is listed in manifest.toml as [[plain]] (section, file, reviewed_by, reviewed_on). Its file
holds one or more plain sentences a line, each line ending with the ids of the reviewed sentences it
restates: "There is no cure yet that works for everyone. [overview.1]". A "#" line is its title; a line
starting "- " is an item of a list, as the reviewed items it restates are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.content.files import MAX_SECTION_BYTES, PackFiles, Refused
from reader.content.manifest import PlainEntry
from reader.content.model import Companion, PlainLine, Problem

_CITED = re.compile(r"^(?P<text>.*?)\s*\[(?P<ids>[^\[\]]+)\]\s*$")


def read_companions(files: PackFiles, entries: Sequence[PlainEntry]) -> tuple[tuple[Companion, ...], list[Problem]]:
    """The companions the manifest lists, read as section files are (inside the pack, never blocking, within
    a size), and what is wrong with them as files (citations are checked by `check`)."""
    companions: list[Companion] = []
    problems: list[Problem] = []
    for entry in entries:
        try:
            source = files.read(entry.file, limit=MAX_SECTION_BYTES).decode("utf-8-sig")
        except FileNotFoundError:
            problems.append(Problem(entry.file, "plain-language file is missing; left out"))
            continue
        except Refused as refused:
            problems.append(Problem(entry.file, f"{refused.message}; left out"))
            continue
        except UnicodeDecodeError:
            problems.append(Problem(entry.file, "not UTF-8 text: save it as UTF-8; left out"))
            continue
        lines, found = _plain_lines(source, entry.file)
        problems += found
        companions.append(Companion(entry.section, entry.file, lines, entry.reviewed_by, entry.reviewed_on))
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

"""How read-aloud says what a speech engine would misread: the pack's table of written and spoken forms."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from reader.content.toml_files import read_toml

#: The pack's file of pronunciations, beside manifest.toml.
FILE_NAME = "pronunciations.toml"
#: Said in place of what a listener would otherwise hear as punctuation.
_SEPARATORS = {" · ": ", "}


@dataclass(frozen=True)
class Piece:
    """A stretch of the spoken text and the stretch of the shown text it says."""

    spoken_start: int
    spoken_end: int
    shown_start: int
    shown_end: int


@dataclass(frozen=True)
class Pronunciations:
    """Written form → spoken form, matched as whole words, longest first, case as written."""

    table: Mapping[str, str] = field(default_factory=dict)

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        written = sorted({**self.table, **_SEPARATORS}, key=len, reverse=True)
        # Not inside a longer word: "ATL" is not found in "ATLAS", nor "HTLV-1" in "HTLV-12".
        return re.compile("|".join(rf"(?<![\w]){re.escape(w)}(?![\w])" if w[0].isalnum() or w[-1].isalnum()
                                   else re.escape(w) for w in written))

    def say(self, text: str) -> tuple[str, tuple[Piece, ...]]:
        """text as it is to be spoken, and which stretch of text each part of it says."""
        spoken: list[str] = []
        pieces: list[Piece] = []
        at = length = 0
        for match in self._pattern.finditer(text):
            if match.start() > at:
                part = text[at:match.start()]
                pieces.append(Piece(length, length + len(part), at, match.start()))
                spoken.append(part)
                length += len(part)
            said = self.table.get(match.group()) or _SEPARATORS[match.group()]
            pieces.append(Piece(length, length + len(said), match.start(), match.end()))
            spoken.append(said)
            length += len(said)
            at = match.end()
        if at < len(text):
            pieces.append(Piece(length, length + len(text) - at, at, len(text)))
            spoken.append(text[at:])
        return "".join(spoken), tuple(pieces)


def load_pronunciations(pack_dir: Path) -> tuple[Pronunciations, list[str]]:
    """The pack's table, and what was wrong with it (a missing file is no problem: nothing is changed)."""
    # As every file of the pack is read: inside it, within a size, never blocking on a pipe or a device.
    data, _text, problem = read_toml(pack_dir, FILE_NAME)
    if problem is not None:
        return Pronunciations(), [f"{FILE_NAME}: cannot be read ({problem.message}); words are said as written"]
    if data is None:
        return Pronunciations(), []
    table: dict[str, str] = {}
    problems: list[str] = []
    entries = data.get("pronounce", {})
    if not isinstance(entries, dict):
        return Pronunciations(), [f"{FILE_NAME}: [pronounce] is not a table; words are said as written"]
    for written, said in entries.items():
        if isinstance(said, str) and written.strip() and said.strip():
            table[written.strip()] = said.strip()
        else:
            problems.append(f"{FILE_NAME}: '{written}' has no spoken form; it is said as written")
    return Pronunciations(table), problems

"""The pack's TOML files read through the file gate: every failure a Problem with its line, never a traceback."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from reader.content.files import MAX_TOML_BYTES, Refused, read_pack_file
from reader.content.model import Problem

#: tomllib recurses a few frames per level of nested arrays or inline tables, so
#: a few hundred levels exhaust Python's stack. No real value nests past 3; past
#: this depth the line of the "nesting bomb" is reported.
_REPORT_DEPTH = 100
_AT_RE = re.compile(r"\s*\((?:at line (\d+), column \d+|at end of document)\)")


def _too_deep_at(text: str) -> int | None:
    """Character offset where arrays or inline tables first nest past _REPORT_DEPTH, if found.

    Called only after tomllib gave up, so its pure-Python pace costs nothing on a normal start.
    Strings and comments are skipped, so brackets inside them are not counted.
    """
    depth, i, end = 0, 0, len(text)
    while i < end:
        char = text[i]
        if char == "#":
            i = text.find("\n", i)
            if i < 0:
                return None
        elif char in "\"'":
            quote = text[i:i + 3] if text[i:i + 3] in ('"""', "'''") else char
            j = i + len(quote)
            while True:
                j = text.find(quote, j)
                if j < 0:
                    return None
                escapes = 0
                while quote[0] == '"' and text[j - 1 - escapes] == "\\":
                    escapes += 1
                if escapes % 2:  # \" does not end a basic string
                    j += 1
                    continue
                break
            i = j + len(quote)
            continue
        elif char in "[{":
            depth += 1
            if depth > _REPORT_DEPTH:
                return i
        elif char in "]}":
            depth -= 1
        i += 1
    return None


def loads(text: str) -> dict[str, Any]:
    """tomllib.loads, with a nesting bomb raised as the TOMLDecodeError it is, not a RecursionError."""
    try:
        return tomllib.loads(text)
    except RecursionError:
        pass  # out of the except block before scanning, so the deep traceback is freed
    where = _too_deep_at(text)
    if where is None:
        raise tomllib.TOMLDecodeError("arrays or tables are nested too deeply")
    line = text.count("\n", 0, where) + 1
    column = where - text.rfind("\n", 0, where)
    raise tomllib.TOMLDecodeError(f"arrays or tables are nested too deeply (at line {line}, column {column})")


def decode_error(exc: tomllib.TOMLDecodeError, text: str) -> tuple[str, int | None]:
    """(one-sentence message, line) of a TOML error; "end of document" is the last line."""
    found = _AT_RE.search(str(exc))
    message = _AT_RE.sub("", str(exc))
    if found is None:
        return message, None
    return message, int(found.group(1)) if found.group(1) else text.count("\n") + 1


def utf8_line(raw: bytes, exc: UnicodeDecodeError) -> int:
    """The 1-based line holding the first byte that is not UTF-8."""
    return raw.count(b"\n", 0, exc.start) + 1


def read_toml(root: Path, name: str) -> tuple[dict[str, Any] | None, str, Problem | None]:
    """(data, text, None) for root/name; (None, "", None) when it does not exist; else (None, text, problem)."""
    try:
        raw = read_pack_file(root, name, limit=MAX_TOML_BYTES)
    except FileNotFoundError:
        return None, "", None
    except Refused as refused:
        return None, "", Problem(name, refused.message)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, "", Problem(name, "not UTF-8 text: save it as UTF-8", utf8_line(raw, exc))
    try:
        return loads(text), text, None
    except tomllib.TOMLDecodeError as exc:
        message, line = decode_error(exc, text)
        return None, text, Problem(name, f"invalid TOML: {message}", line)


def header_lines(text: str, table: str) -> list[int]:
    """1-based line of each [[table]] header, counting lines once through the text."""
    lines, line, position = [], 1, 0
    for match in re.finditer(rf"^[ \t]*\[\[[ \t]*{re.escape(table)}[ \t]*\]\]", text, re.MULTILINE):
        line += text.count("\n", position, match.start())
        position = match.start()
        lines.append(line)
    return lines


def line_of_item(lines: list[int], count: int, index: int) -> int | None:
    """The line of item index of count, when every item was written as a [[table]] header."""
    return lines[index] if len(lines) == count else None


def line_of(text: str, pattern: str, start: int = 0) -> int | None:
    """1-based line of the first match of pattern (multi-line) at or after character start."""
    match = re.compile(pattern, re.MULTILINE).search(text, start)
    return text.count("\n", 0, match.start()) + 1 if match else None

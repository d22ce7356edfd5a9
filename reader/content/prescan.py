"""A section's Markdown checked before Markdown or Qt see it: invisible characters and size limits.

Markdown recurses once per level of nesting (a list nested 200 deep is a
RecursionError after seconds) and slows down sharply on long runs of markup, and
Qt's layout is slow on deep inline nesting and very long words. So a cheap scan
of the source, line by line, refuses such a section before either is reached.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from reader.content.model import Problem

#: As the loader's cap on a section file's bytes: a 5 MB section of plain paragraphs opens in
#: about a second (tests/test_window_resilience.py). Markup, not length, is what is slow:
#: see MAX_BLOCKS and MAX_MARKS.
MAX_CHARS = 8 * 1024 * 1024
#: Blank-line-separated blocks: Markdown's block parser is quadratic in their number (62,000: 2.3 s).
MAX_BLOCKS = 10_000
#: Markup a section may hold, weighed by what each character starting an element costs Markdown
#: (bold: 0.05 ms a word, a link 0.1 to 0.2 ms): about a second's worth, 4,000 links or 12,000 bold
#: words. Markdown's inline parser slows down more than linearly beyond (80,000 bold words: 14 s).
MAX_MARKS = 48_000
_MARK_WEIGHTS = {"*": 1, "_": 1, "`": 1, "\\": 1, "&": 4, "[": 12, "<": 12}
#: Markdown copies a paragraph's whole text for each element it finds in it, so a long paragraph
#: full of markup is quadratic (24,000 code spans in one 96 KB paragraph: 3 s). Its length times
#: its markup characters may be this much: a paragraph of 17,000 characters is never too much.
MAX_PARAGRAPH_WORK = 300_000_000
#: Pictures: Qt asks for each one as the page is laid out (4,000 took 2.7 s).
MAX_IMAGES = 200
#: Lists and quotes inside one another.
MAX_BLOCK_DEPTH = 12
#: Bold, italic, links and code inside one another.
MAX_INLINE_DEPTH = 8
MAX_TABLE_COLUMNS = 20
MAX_TABLE_ROWS = 500
MAX_HEADING_CHARS = 200
#: Qt numbers a list's items in time quadratic in their number (20,000 items: 13 s).
MAX_LIST_ITEMS = 1_000
#: Qt keeps anchors in time quadratic in their number, and every heading has one (20,000: 30 s).
MAX_HEADINGS = 500
#: Qt lays out an unbreakable run of letters in time quadratic in its length.
MAX_WORD_CHARS = 2_000

#: What a section over a limit is told: it is left out, as a section that cannot be read is.
LEFT_OUT = "so this section is left out"

#: Characters that are invisible or reorder the text around them (a right-to-left override
#: makes reviewed text read backwards; a zero-width space hides a word from search). The
#: left-to-right, right-to-left and Arabic letter marks are among them: in an English
#: paragraph a right-to-left mark makes "chemotherapy is better than transplant." show as
#: ".transplant is better than chemotherapy" (a red-team finding). So are fillers that draw
#: nothing (Hangul fillers, the object replacement character, musical format marks).
#: Tabs, line ends and joiners (emoji, Indic scripts) are kept. reader.checking.plain_fields uses it too.
INVISIBLE_RE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u034f\u061c\u115f\u1160\u180e\u200b\u200e\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff\uffa0\ufff9-\ufffc"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)
#: At most this many lines with invisible characters are listed, then a count of the rest.
_MAX_LISTED = 20

#: Where a line opens a list item or a quote: each one is a level of nesting.
_CONTAINER_RE = re.compile(r"[ ]{0,3}(?:>|[*+-](?=[ \t])|[0-9]{1,9}[.)](?=[ \t]))[ \t]?")
_LIST_ITEM_RE = re.compile(r"[ \t>]*(?:[*+-]|[0-9]{1,9}[.)])[ \t]")
_RULE_RE = re.compile(r"[ ]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_ATX_RE = re.compile(r"#{1,6}(?!#)")
_SETEXT_RE = re.compile(r"[ ]{0,3}(?:=+|-+)[ \t]*$")
_ATTRIBUTES_RE = re.compile(r"[ \t]*\{[^}]*\}[ \t]*$")
_TABLE_RULE_RE = re.compile(r"[ ]{0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
#: A long run without a space, matched only from a run's start (so the search is linear).
#: Ideographic scripts are left out: Qt breaks lines between their characters.
_LONG_WORD_RE = re.compile(r"(?<![^\s\u2e80-\uffff])[^\s\u2e80-\uffff]{" + str(MAX_WORD_CHARS + 1) + ",}")
_EMPHASIS_RE = re.compile(r"\*+|_+|\[|\]")
_MARK_RE = re.compile(r"[*_`\[<&\\]")


def _line_at(source: str, position: int) -> int:
    return source.count("\n", 0, position) + 1


def _describe(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name.lower()}" if name else f"U+{ord(char):04X} (a control character)"


def without_invisible(source: str, file: str) -> tuple[str, list[Problem]]:
    """source without invisible and direction-changing characters, and a problem for each line that had them."""
    if not INVISIBLE_RE.search(source):
        return source, []
    problems: list[Problem] = []
    lines = source.split("\n")
    listed = 0
    for number, line in enumerate(lines, start=1):
        found = INVISIBLE_RE.findall(line)
        if not found:
            continue
        lines[number - 1] = INVISIBLE_RE.sub("", line)
        listed += 1
        if listed <= _MAX_LISTED:
            kinds = ", ".join(dict.fromkeys(_describe(char) for char in found))
            problems.append(Problem(file, f"invisible character ({kinds}) left out: it can hide text "
                                          "or change the order it reads in", number))
    if listed > _MAX_LISTED:
        problems.append(Problem(file, f"{listed - _MAX_LISTED} more lines have invisible characters; "
                                      "they were left out"))
    return "\n".join(lines), problems


def over_limits(source: str, file: str) -> list[Problem]:
    """What in source is beyond what the reader can show quickly, at most one problem per limit.

    Linear in the length of source, and run only on sources within MAX_CHARS.
    """
    if len(source) > MAX_CHARS:
        return [Problem(file, f"the section is {len(source):,} characters long; at most {MAX_CHARS:,} "
                              f"can be shown, {LEFT_OUT}", None)]
    found: dict[str, Problem] = {}

    def breach(kind: str, line: int, message: str) -> None:
        found.setdefault(kind, Problem(file, f"{message}, {LEFT_OUT}", line))

    if sum(source.count(char) * weight for char, weight in _MARK_WEIGHTS.items()) > MAX_MARKS:  # in C: fast
        total = 0
        for mark in _MARK_RE.finditer(source):
            total += _MARK_WEIGHTS[mark.group()]
            if total > MAX_MARKS:
                breach("marks", _line_at(source, mark.start()), "more markup than one section can show "
                       f"(about {MAX_MARKS // 12:,} links or {MAX_MARKS // 4:,} bold words): "
                       "split it into smaller sections")
                break
    if source.count("![") > MAX_IMAGES:
        at = -1
        for _ in range(MAX_IMAGES + 1):
            at = source.find("![", at + 1)
        breach("images", _line_at(source, at), f"more than {MAX_IMAGES} pictures; at most that many can be shown")
    blocks, open_marks, table_rows, previous = 0, 0, -1, ""
    headings = items = block_chars = block_first = 0
    lines = source.split("\n")
    for number, line in enumerate(lines + [""], start=1):
        if len(line) > MAX_WORD_CHARS and (long_word := _LONG_WORD_RE.search(line)):
            breach("word", number, f"{len(long_word.group()):,} characters without a space; "
                                   f"at most {MAX_WORD_CHARS:,} can be shown")
        if not line.strip():
            if block_chars * block_chars > MAX_PARAGRAPH_WORK:  # else too short to be too much
                _dense(lines[block_first - 1:number - 1], block_first, breach)
            open_marks, table_rows, previous, block_chars = 0, -1, "", 0
            continue
        block_chars += len(line) + 1
        if _LIST_ITEM_RE.match(line):
            items += 1
            if items == MAX_LIST_ITEMS + 1:
                breach("items", number, f"a list of more than {MAX_LIST_ITEMS:,} items; at most that many can be shown")
        elif line[0] not in " \t>":
            items = 0  # a line of its own ends a list (blank lines and indented ones do not)
        if not previous:
            blocks, block_first = blocks + 1, number
            if blocks == MAX_BLOCKS + 1:
                breach("blocks", number, f"the section has more than {MAX_BLOCKS:,} paragraphs, lists and "
                                         "headings; at most that many can be shown")
        rest, depth = _containers(line)
        if depth > MAX_BLOCK_DEPTH:
            breach("depth", number, f"lists and quotes are nested {depth} levels deep; "
                                    f"at most {MAX_BLOCK_DEPTH} can be shown")
        heading = _heading_text(rest, previous)
        if heading is not None:
            headings += 1
            if len(heading) > MAX_HEADING_CHARS:
                breach("heading", number - (not _ATX_RE.match(rest)),
                       f"a heading of {len(heading):,} characters; at most {MAX_HEADING_CHARS} can be shown")
            if headings == MAX_HEADINGS + 1:
                breach("headings", number, f"more than {MAX_HEADINGS} headings; at most that many can be shown")
        if table_rows >= 0:
            table_rows += 1
            if table_rows == MAX_TABLE_ROWS + 1:
                breach("rows", number, f"a table with more than {MAX_TABLE_ROWS} rows; at most that many can be shown")
        elif previous and "|" in line and _TABLE_RULE_RE.match(line):
            columns = len(line.strip().strip("|").split("|"))
            table_rows = 0
            if columns > MAX_TABLE_COLUMNS:
                breach("columns", number, f"a table with {columns:,} columns; at most {MAX_TABLE_COLUMNS} can be shown")
        open_marks, most = _open_marks(line, open_marks)
        if most > 3 * MAX_INLINE_DEPTH:
            breach("inline", number, f"bold, italic or links are nested more than {MAX_INLINE_DEPTH} levels "
                                     "deep, or left open (* _ [ without their closing pair)")
        previous = line
    return sorted(found.values(), key=lambda problem: problem.line or 0)


def _dense(block: list[str], line: int, breach: Callable[[str, int, str], None]) -> None:
    """A breach if the paragraph block (starting at line) has more markup than its length allows."""
    text = "\n".join(block)
    marks = sum(text.count(char) for char in _MARK_WEIGHTS)  # each one a copy of the text
    if marks * len(text) > MAX_PARAGRAPH_WORK:
        breach("paragraph", line, f"a paragraph of {len(text):,} characters with this much markup; "
                                  "split it into shorter paragraphs")


def _containers(line: str) -> tuple[str, int]:
    """The line after its list and quote markers, and how deeply they nest (indentation counts)."""
    expanded = line.expandtabs(4) if "\t" in line[:64] else line
    text = expanded.lstrip(" ")
    depth = (len(expanded) - len(text)) // 4
    if _RULE_RE.match(text):
        return text, depth
    position = 0
    while match := _CONTAINER_RE.match(text, position):
        depth += 1
        position = match.end()
    return text[position:], depth


def _heading_text(rest: str, previous: str) -> str | None:
    """The text of a heading on this line ("# Title"), or of the line it underlines ("Title" over "===")."""
    atx = _ATX_RE.match(rest)
    if atx:
        text = rest[atx.end():]
    elif previous and _SETEXT_RE.match(rest) and not _TABLE_RULE_RE.match(previous):
        text = previous
    else:
        return None
    if len(text) > 2 * MAX_HEADING_CHARS:  # too long even without an attribute list (whose search is not linear)
        return text.strip(" \t#")
    return _ATTRIBUTES_RE.sub("", text).strip(" \t#")


def _open_marks(line: str, open_marks: int) -> tuple[int, int]:
    """Emphasis and link markers open after line (and the most open on the way), counting from open_marks.

    Runs of * and _ open and close as CommonMark's flanking rules say; [ opens
    and ] closes. An over-estimate of Markdown's nesting: it only has to stop what
    would take Markdown seconds, or nest deeper than Qt lays out quickly.
    """
    most = open_marks
    if "*" not in line and "_" not in line and "[" not in line:
        return open_marks, most
    for match in _EMPHASIS_RE.finditer(line):
        run = match.group()
        if run == "[":
            open_marks += 1
        elif run == "]":
            open_marks = max(0, open_marks - 1)
        else:
            start, end = match.span()
            before = line[start - 1] if start else " "
            after = line[end] if end < len(line) else " "
            left = not after.isspace() and (after.isalnum() or before.isspace() or not before.isalnum())
            right = not before.isspace() and (before.isalnum() or after.isspace() or not after.isalnum())
            if run[0] == "_":  # inside a word (snake_case) an underscore is a letter
                left, right = left and not before.isalnum(), right and not after.isalnum()
            if right and open_marks:
                open_marks = max(0, open_marks - len(run))
            elif left:
                open_marks += len(run)
        most = max(most, open_marks)
    return open_marks, most


def strip_invisible(text: str) -> str:
    """text without the characters without_invisible reports (for manifest values, which have no lines here)."""
    return INVISIBLE_RE.sub("", text)


class SourceLines:
    """Finds again in the source the line a problem found after Markdown comes from.

    Markdown's element tree keeps no line numbers. Each needle's next occurrence
    is taken in turn, so a link written twice is reported at both of its lines.
    """

    def __init__(self, source: str) -> None:
        self._source = source
        self._lines: list[str] | None = None
        self._next: dict[tuple[str, bool], int] = {}

    def contains(self, needle: str) -> bool:
        return needle in self._source

    def find(self, needle: str, *, in_braces: bool = False) -> int | None:
        """The line of needle's next occurrence (in_braces: after a '{' on its line, as in {: ... }), or None."""
        if not needle:
            return None
        key = (needle, in_braces)
        start = self._next.get(key, 0)
        line = self._search(needle, in_braces, start)
        if line is None and start:
            line = self._search(needle, in_braces, 0)  # once each is used, repeat the first
        if line is not None:
            self._next[key] = line  # a line index: the next search starts after it
        return line

    def _search(self, needle: str, in_braces: bool, start: int) -> int | None:
        if self._lines is None:
            self._lines = self._source.split("\n")
        for index in range(start, len(self._lines)):
            text = self._lines[index]
            brace = text.find("{") if in_braces else 0
            if brace >= 0 and text.find(needle, brace) >= 0:
                return index + 1
        return None

"""`check`: every problem in a pack, with file and line, for content editors."""

from __future__ import annotations

import re
from pathlib import Path

from reader.content.loader import load_pack
from reader.content.model import PackError, Pack, Problem

_LINK_RE = re.compile(r"\]\((?:([^)#\s]*)\.md)?#([^)\s]+)\)")


def _paragraphs(source: str) -> list[tuple[int, str]]:
    """(first line, text) for each blank-line-separated block of Markdown."""
    blocks: list[tuple[int, str]] = []
    start, lines = 0, []
    for number, line in enumerate(source.splitlines(), start=1):
        if line.strip():
            if not lines:
                start = number
            lines.append(line.strip())
        elif lines:
            blocks.append((start, " ".join(lines)))
            lines = []
    if lines:
        blocks.append((start, " ".join(lines)))
    return blocks


def _check_sources(pack: Pack) -> list[Problem]:
    problems: list[Problem] = []
    seen_paragraphs: dict[str, str] = {}
    seen_titles: dict[str, str] = {}
    anchors = {s.id for s in pack.sections} | {sub.id for s in pack.sections for sub in s.subsections}
    for section in pack.sections:
        key = section.title.casefold()
        if key in seen_titles:
            problems.append(Problem(section.file, f"heading '{section.title}' is also used by {seen_titles[key]}", 1))
        seen_titles.setdefault(key, section.file)
        try:
            source = (pack.root / section.file).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue  # already reported by the loader
        blocks = _paragraphs(source)
        for index, (line, text) in enumerate(blocks):
            if text.startswith("#"):
                continue
            normal = " ".join(text.casefold().split())
            if len(normal) > 40:
                if normal in seen_paragraphs:
                    problems.append(Problem(section.file, f"paragraph repeats one in {seen_paragraphs[normal]}", line))
                seen_paragraphs.setdefault(normal, f"{section.file}:{line}")
            following = blocks[index + 1][1] if index + 1 < len(blocks) else ""
            if text.endswith(":") and not re.match(r"^([-*+]|\d+[.)])\s", following):
                problems.append(Problem(section.file, "lead-in ends with ':' but no list follows", line))
        for number, line_text in enumerate(source.splitlines(), start=1):
            for match in _LINK_RE.finditer(line_text):
                if match.group(2) not in anchors:
                    problems.append(Problem(section.file, f"link to missing anchor '#{match.group(2)}'", number))
    return problems


def check_pack(root: Path) -> list[Problem]:
    """All problems found in the pack at root; empty when it is clean."""
    try:
        pack = load_pack(Path(root), use_cache=False)  # a check reads the files as they are now
    except PackError as exc:
        return list(exc.details) or [exc.problem]
    from reader.search.synonyms import read_synonyms  # the search words are checked like the rest

    return list(pack.problems) + _check_sources(pack) + read_synonyms(Path(root))[1]

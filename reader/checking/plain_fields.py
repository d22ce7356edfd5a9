"""`check` on the pack's plain-text fields: manifest and glossary text that looks like markup or hides characters.

The reader shows these fields as plain text, so markup in them is never run:
a title of "<img src=…>" is shown as those characters. An editor who wrote it
still meant something else (or was not the editor), so `check` says so.
"""

from __future__ import annotations

import re
from pathlib import Path

from reader.content.model import ABOUT_FIELDS, MANIFEST_NAME, Pack, Problem
from reader.content.prescan import INVISIBLE_RE
from reader.content.toml_files import line_of

#: An HTML tag or comment, a Markdown attribute list, or a Markdown link or image.
_MARKUP_RE = re.compile(r"<\s*[a-zA-Z!/]|\{:|\]\(|!\[")
_MANIFEST_FIELDS = ("title", "kind", "disclaimer", *ABOUT_FIELDS)


def plain_text_problem(value: str) -> str | None:
    """What is wrong with a plain-text value, or None."""
    hidden = INVISIBLE_RE.search(value)
    if hidden:
        return f"has an invisible character (U+{ord(hidden.group()):04X}) that can hide or reorder words"
    markup = _MARKUP_RE.search(value)
    if markup:
        start = max(0, markup.start() - 10)
        shown = value[start:markup.start() + 20]
        return f"looks like markup ({shown!r}); it is shown as plain text, so write plain words"
    return None


def _source(root: Path, name: str) -> str:
    from reader.content.files import MAX_TOML_BYTES, Refused, read_pack_file

    try:
        return read_pack_file(root, name, limit=MAX_TOML_BYTES).decode("utf-8", errors="replace")
    except (OSError, Refused):
        return ""  # the loader has reported it


def plain_field_problems(pack: Pack) -> list[Problem]:
    """Manifest and glossary text that looks like markup, or holds characters that hide or reorder words."""
    from reader.content.glossary import GLOSSARY_NAME

    problems: list[Problem] = []
    manifest = pack.manifest
    values = {"title": manifest.title, "kind": manifest.kind, "disclaimer": manifest.disclaimer,
              **{key: manifest.about_field(key) for key in ABOUT_FIELDS}}
    manifest_text = _source(pack.root, MANIFEST_NAME) if any(map(plain_text_problem, values.values())) else ""
    for key in _MANIFEST_FIELDS:
        why = plain_text_problem(values.get(key, "") or "")
        if why:
            problems.append(Problem(MANIFEST_NAME, f"'{key}' {why}", line_of(manifest_text, rf"^\s*{key}\s*=")))
    glossary_text = ""
    for entry in pack.glossary:
        for what, value in (("term", entry.term), ("definition", entry.definition), ("source", entry.source),
                            *(("also", form) for form in entry.also)):
            why = plain_text_problem(value)
            if why:
                glossary_text = glossary_text or _source(pack.root, GLOSSARY_NAME)
                line = line_of(glossary_text, rf"^\s*term\s*=\s*[\"']{re.escape(entry.term)}[\"']")
                problems.append(Problem(GLOSSARY_NAME, f"'{entry.term}': the {what} {why}", line))
    return problems

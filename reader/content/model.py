"""Dataclasses for a loaded content pack: the objects every view reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

#: The file that makes a folder a content pack.
MANIFEST_NAME = "manifest.toml"

#: Section kinds. Only "reviewed" sections come from the medically reviewed source.
REVIEWED = "reviewed"
ABOUT = "about"
AID = "aid"
SECTION_KINDS = (REVIEWED, ABOUT, AID)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a pack, located as precisely as we can."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


class PackError(Exception):
    """A pack that cannot be read at all (no manifest, no readable section)."""

    def __init__(self, problem: Problem, details: tuple[Problem, ...] = ()) -> None:
        super().__init__(str(problem))
        self.problem = problem
        #: Everything found on the way, for `check` to list in full.
        self.details = details


@dataclass(frozen=True)
class Subsection:
    """A "##" heading inside a section, shown in the navigator."""

    id: str
    title: str
    level: int
    text: str


@dataclass(frozen=True)
class Section:
    """One top-level section: one Markdown file of the pack."""

    id: str
    title: str
    kind: str
    file: str
    html: str
    #: Plain text before the first subsection.
    text: str
    subsections: tuple[Subsection, ...] = ()

    @property
    def full_text(self) -> str:
        """All the section's text, subsection headings included, in reading order."""
        parts = [self.text] if self.text else []
        for sub in self.subsections:
            parts.append(sub.title)
            if sub.text:
                parts.append(sub.text)
        return "\n\n".join(parts)

    @property
    def is_reviewed(self) -> bool:
        return self.kind == REVIEWED


@dataclass(frozen=True)
class GlossaryEntry:
    """A plain-language definition: a reading aid, not part of the reviewed summary."""

    term: str
    definition: str
    #: Other ways the term is written in the text ("HSCT" for the full name).
    also: tuple[str, ...] = ()
    #: The public reference the definition agrees with ("NCI Dictionary of Cancer Terms: remission").
    source: str = ""
    #: Where that reference is, for staff to check (shown, never opened).
    source_url: str = ""

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.term, *self.also)


@dataclass(frozen=True)
class Manifest:
    """What manifest.toml says about the pack."""

    title: str
    kind: str
    last_updated: dt.date
    language: str
    disclaimer: str
    source: str
    review_interval_months: int = 12
    #: What "About this summary" says of who made it and for whom (ABOUT_FIELDS); "" when not stated.
    about: tuple[tuple[str, str], ...] = ()

    def about_field(self, key: str) -> str:
        """One About field as written in the manifest, "" when it is not stated."""
        return dict(self.about).get(key, "")


#: Manifest keys that "About this summary" shows, each as a placeholder, and what each is.
#: Empty ones show as "not stated", and `check` warns about them.
ABOUT_FIELDS = {
    "publisher": "who publishes this summary",
    "author": "who wrote it",
    "reviewed_by": "who medically reviewed it",
    "reviewed_on": "when it was reviewed",
    "next_review": "when it is next due for review",
    "audience": "who it is written for",
    "not_covered": "what it does not cover",
    "report_problem": "how to report a problem with it",
    "disclaimer_plain": "the disclaimer in plain words, shown beside it (never instead)",
}


@dataclass(frozen=True)
class PlainLine:
    """Plain words, the reviewed sentences they restate, and where they are in their file."""

    text: str
    cites: tuple[str, ...]
    line: int
    #: Written "- ...": an item of a list, as the reviewed sentences it restates are.
    item: bool = False


@dataclass(frozen=True)
class Companion:
    """The plain-language version of one reviewed section, and its clinician's sign-off (empty: none yet)."""

    section_id: str
    file: str
    lines: tuple[PlainLine, ...]
    reviewed_by: str = ""
    reviewed_on: str = ""

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)

    @property
    def signed_off(self) -> bool:
        return bool(self.reviewed_by and self.reviewed_on)


@dataclass(frozen=True)
class Pack:
    """A loaded pack: its manifest, its readable sections and what was skipped."""

    root: Path
    manifest: Manifest
    sections: tuple[Section, ...]
    problems: tuple[Problem, ...] = field(default=())
    glossary: tuple[GlossaryEntry, ...] = field(default=())
    #: Plain-language companions of reviewed sections (content/plain/): aids, not reviewed text.
    plain: tuple[Companion, ...] = field(default=())

    def companion(self, section_id: str) -> Companion | None:
        """The plain-language companion readers are shown with a section: only a reviewed section has one
        (`check` reports a companion of any other)."""
        section = self.section(section_id)
        if section is None or not section.is_reviewed:
            return None
        return next((companion for companion in self.plain if companion.section_id == section_id), None)

    def without_unchecked_plain(self) -> Pack:
        """The pack with only the companions a clinician has signed off (a kiosk's choice): it then neither
        shows, searches nor prints the others."""
        return replace(self, plain=tuple(companion for companion in self.plain if companion.signed_off))

    @cached_property
    def _positions(self) -> dict[str, int]:
        """Each section's place in reading order, by id: a pack may hold thousands."""
        return {section.id: number for number, section in enumerate(self.sections)}

    def section(self, section_id: str) -> Section | None:
        number = self._positions.get(section_id)
        return None if number is None else self.sections[number]

    def position(self, section_id: str) -> int:
        """Where a section comes in reading order (list.index would compare whole sections)."""
        return self._positions[section_id]

    def locate(self, anchor_id: str) -> tuple[Section, str | None] | None:
        """Find a section id or a subsection id; return (section, anchor or None)."""
        for section in self.sections:
            if section.id == anchor_id:
                return section, None
            for sub in section.subsections:
                if sub.id == anchor_id:
                    return section, sub.id
        return None

    @property
    def home(self) -> Section:
        return self.sections[0]

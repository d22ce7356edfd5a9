"""`check`: every problem in a pack, with file and line, for content editors."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from reader import texts
from reader.checking.plain_check import check_companions
from reader.content.files import MAX_SECTION_BYTES, PackFiles, Refused
from reader.content.loader import load_pack
from reader.content.model import ABOUT, ABOUT_FIELDS, AID, MANIFEST_NAME, REVIEWED, Pack, PackError, Problem

_LINK_RE = re.compile(r"\]\((?:([^)#\s]*)\.md)?#([^)\s]+)\)")
#: An HTML tag or comment outside code: the reader shows it as text, so the editor meant Markdown.
_RAW_HTML_RE = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>|/[a-zA-Z][a-zA-Z0-9]*>|!--)")
_CODE_RE = re.compile(r"`[^`]*`")


def _paragraphs(source: str) -> list[tuple[int, str]]:
    """(first line, text) for each blank-line-separated block of Markdown."""
    blocks: list[tuple[int, str]] = []
    start = 0
    lines: list[str] = []
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
    files = PackFiles(pack.root)
    for section in pack.sections:
        key = section.title.casefold()
        if key in seen_titles:
            problems.append(Problem(section.file, f"heading '{section.title}' is also used by {seen_titles[key]}", 1))
        seen_titles.setdefault(key, section.file)
        try:  # through the loader's gate: a file swapped for a FIFO since is skipped, not waited on
            source = files.read(section.file, limit=MAX_SECTION_BYTES).decode("utf-8-sig")
        except (OSError, Refused, UnicodeDecodeError):
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
            # A note about the list (`.compiled`, "the list below is not…") may come between.
            following = next((after for _, after in blocks[index + 1:] if not _is_compiled_note(after)), "")
            if text.endswith(":") and not re.match(r"^([-*+]|\d+[.)])\s", following):
                problems.append(Problem(section.file, "lead-in ends with ':' but no list follows", line))
        for number, line_text in enumerate(source.splitlines(), start=1):
            for match in _LINK_RE.finditer(line_text):
                if match.group(2) not in anchors:
                    problems.append(Problem(section.file, f"link to missing anchor '#{match.group(2)}'", number))
            if not line_text.startswith(("    ", "\t")) and _RAW_HTML_RE.search(_CODE_RE.sub("", line_text)):
                problems.append(Problem(section.file, "raw HTML is shown as text, never run: write Markdown instead",
                                        number))
    return problems + _check_glossary(pack) + _check_review_date(pack)


def _is_compiled_note(text: str) -> bool:
    return text.rstrip().endswith("{: .compiled }")


def _check_glossary(pack: Pack) -> list[Problem]:
    """Every term is used somewhere (or readers never meet it), and cites its public reference.

    A term counts as used wherever its words stand, even inside a longer term
    ("leukemia" in "adult T-cell leukemia/lymphoma"): search still shows it.
    """
    from reader.content.glossary import GLOSSARY_NAME, whole_words

    text = "\n".join(f"{s.title}\n{s.full_text}" for s in pack.sections if s.kind in (REVIEWED, AID))
    problems = []
    for entry in pack.glossary:
        if not re.search(whole_words(list(entry.forms)), text, re.IGNORECASE):
            problems.append(Problem(GLOSSARY_NAME, f"'{entry.term}' is never used in the sections"))
        if not entry.source:
            problems.append(Problem(GLOSSARY_NAME, f"'{entry.term}' has no 'source': name the public reference "
                                                   "its definition agrees with, such as the NCI Dictionary "
                                                   "of Cancer Terms"))
    return problems


def _check_review_date(pack: Pack, today: dt.date | None = None) -> list[Problem]:
    """A pack past its review interval may be out of date: the editor is told, and so is the reader."""
    from reader.content.dates import review_overdue

    manifest = pack.manifest
    if review_overdue(manifest, today or dt.date.today()):
        return [Problem("manifest.toml", f"last_updated {manifest.last_updated.isoformat()} is more than "
                                         f"{manifest.review_interval_months} months ago: have the summary reviewed")]
    return []


@dataclass(frozen=True)
class Report:
    """What `check` finds: problems (the pack is wrong) and warnings (it can be shown, but fix these)."""

    problems: list[Problem]
    warnings: list[Problem]


def review(root: Path) -> Report:
    """Read the pack at root once, as its files are now, and report everything found."""
    try:
        pack = load_pack(Path(root), use_cache=False)  # a check reads the files as they are now
    except PackError as exc:
        return Report(list(exc.details) or [exc.problem], [])  # nothing to warn about in a pack that cannot load
    from reader.checking.plain_fields import plain_field_problems
    from reader.content.integrity import check_sums

    problems = (list(pack.problems) + _check_sources(pack) + _check_search_words(pack) + plain_field_problems(pack)
                + _check_pictures(pack) + _check_pronunciations(pack) + check_companions(pack) + check_sums(Path(root)))
    return Report(problems, _warnings(pack))


def check_pack(root: Path) -> list[Problem]:
    """All problems found in the pack at root; empty when it is clean."""
    return review(root).problems


def warnings(root: Path) -> list[Problem]:
    """What the pack at root can be shown with, but an editor should fix."""
    return review(root).warnings


def _check_pronunciations(pack: Pack) -> list[Problem]:
    """pronunciations.toml reads, and each written form has a spoken one (read aloud says the rest as written)."""
    from reader.speech.pronunciations import FILE_NAME, load_pronunciations

    return [Problem(FILE_NAME, problem.removeprefix(f"{FILE_NAME}: ")) for problem in load_pronunciations(pack.root)[1]]


def _check_search_words(pack: Pack) -> list[Problem]:
    """synonyms.toml reads, and every topic it sends to the care team's questions has them."""
    from reader.search.synonyms import SYNONYMS_NAME, read_synonyms

    table, problems = read_synonyms(pack.root)
    targets = {gap.questions: gap.topic for gap in table.gaps.values()}
    if table.ask_instead:
        targets.setdefault(table.ask_instead, "ask_instead")
    problems += [Problem(SYNONYMS_NAME, f"'{target}' (for {topic}) is not the id of a section or subsection")
                 for target, topic in targets.items() if pack.locate(target) is None]
    from reader.checking.plain_fields import plain_text_problem

    # A topic is shown in the search status line, as plain text: markup in it is a slip, or worse.
    topics = dict.fromkeys(gap.topic for gap in table.gaps.values())
    problems += [Problem(SYNONYMS_NAME, f"topic {topic!r} {why}") for topic in topics
                 if (why := plain_text_problem(topic))]
    return problems


def _warnings(pack: Pack) -> list[Problem]:
    """Empty About fields, definitions above the aids' grade, and plain companions no clinician has signed."""
    from reader.checking.readability import MAX_AID_GRADE, grade
    from reader.content.glossary import GLOSSARY_NAME

    about = next((s for s in pack.sections if s.kind == ABOUT), None)
    found: list[Problem] = []
    if about is not None:
        found += [Problem(MANIFEST_NAME, f"'{key}' ({what}) is empty: \"{about.title}\" says \"{texts.NOT_STATED}\"")
                  for key, what in ABOUT_FIELDS.items()
                  if not pack.manifest.about_field(key) and key != "next_review"]  # computed when empty
    for entry in pack.glossary:
        level = grade(entry.definition)
        if level > MAX_AID_GRADE:
            found.append(Problem(GLOSSARY_NAME, f"'{entry.term}': the definition reads at grade {level:.1f}; "
                                                f"aim for {MAX_AID_GRADE} or lower"))
    for companion in pack.plain:
        if not companion.signed_off:  # said on screen too, until a clinician signs
            found.append(Problem(companion.file, f"reads at grade {grade(companion.text):.1f}; not yet checked by a "
                                                 "clinician (reviewed_by and reviewed_on in its [[plain]] entry)"))
    return found


_EXTERNAL_RE = re.compile(r"\]\(\s*<?((?:https?|mailto|tel):[^)\s>]+)")


def external_links(root: Path) -> list[Problem]:
    """Every web, mail or phone link in the pack's sections, with its line, for editors to verify."""
    found: list[Problem] = []
    files = PackFiles(Path(root))
    for path in sorted((Path(root) / "sections").glob("*.md")):
        try:  # only what the loader would read: never a FIFO, a device, a hidden file or a link out of the pack
            lines = files.read(f"sections/{path.name}", limit=MAX_SECTION_BYTES).decode("utf-8-sig").splitlines()
        except (OSError, Refused, UnicodeDecodeError):
            continue  # reported as a problem by check_pack
        for number, line in enumerate(lines, start=1):
            for match in _EXTERNAL_RE.finditer(line):
                found.append(Problem(f"sections/{path.name}", f"external link {match.group(1)} (shown, never opened)",
                                     number))
    return found


_PICTURE_RE = re.compile(r'<img [^>]*src="pack:([^"]+)"')


def _check_pictures(pack: Pack) -> list[Problem]:
    """Every picture a section shows is a picture file inside the pack, small enough to show.

    The reading pane shows nothing where a picture cannot be (missing, outside the
    pack, too large, not a picture); this says which and why, at the line naming it.
    """
    import html

    from reader.content.files import MAX_IMAGE_BYTES
    from reader.content.images import MAX_PER_SECTION, image_problem

    files = PackFiles(pack.root)
    problems: list[Problem] = []
    for section in pack.sections:
        names = dict.fromkeys(html.unescape(name) for name in _PICTURE_RE.findall(section.html))
        if len(names) > MAX_PER_SECTION:
            problems.append(Problem(section.file, f"shows {len(names)} pictures; at most {MAX_PER_SECTION} "
                                                  "can be shown, each up to 16 MB of memory"))
        for name in names:
            try:
                data = files.read(name, limit=MAX_IMAGE_BYTES)
                why = image_problem(data)  # an SVG, a damaged picture or too many pixels: the pane shows none
            except FileNotFoundError:
                why = "is missing"
            except Refused as refused:
                why = refused.message
            if why:
                problems.append(Problem(section.file, f"picture {name} {why}: nothing is shown there",
                                        _line_naming(files, section.file, name.rpartition("/")[2])))
    return problems


def _line_naming(files: PackFiles, file: str, name: str) -> int | None:
    """The first line of file that names name, through the loader's gate (None if it cannot be read)."""
    try:
        lines = files.read(file, limit=MAX_SECTION_BYTES).decode("utf-8-sig", "replace").split("\n")
    except (OSError, Refused):
        return None
    return next((number for number, line in enumerate(lines, start=1) if name in line), None)

"""Markdown to safe HTML and plain text, with the pack's link policy applied.

Raw HTML is never trusted: it is escaped, not interpreted. Links may only point
inside the pack; web addresses are kept so they can be shown, never opened.
Only allowed elements and attributes reach Qt (allow_list), and a section over
the size and nesting limits (prescan) is refused before Markdown reads it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

import markdown
from markdown.extensions import Extension
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import slugify
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from reader.content import allow_list
from reader.content.link_policy import STASH_RE, LinkPolicy, RenderContext, clean, speed_up_links
from reader.content.model import Problem, Subsection
from reader.content.page import PAPER_ONLY
from reader.content.prescan import LEFT_OUT, SourceLines, over_limits, strip_invisible, without_invisible

_BLOCK_TAGS = {"p", "ul", "ol", "li", "blockquote", "pre", "table", "tr", "div", "dl", "dt", "dd", "hr"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_PLACEHOLDER_RE = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
#: Markdown's backslash escapes (tables add '|'): each one shows the character itself.
_MARKDOWN_SPECIAL_RE = re.compile(r"[\\`*_{}\[\]()>#+\-.!|]")
_ID_COUNT_RE = re.compile(r"^(.*)_([0-9]+)$")


#: A block with this class labels the text around it (such as the note that a list was
#: compiled for the reader): shown and printed, but not part of the section's text.
NOT_TEXT_CLASS = "compiled"


@dataclass
class RenderedSection:
    """What rendering one Markdown file produced."""

    title: str | None
    html: str
    text: str
    subsections: list[Subsection]
    problems: list[Problem] = field(default_factory=list)
    #: Over a limit (see prescan): not to be shown at all; problems say why.
    refused: bool = False


#: Where any inline pattern of ours can begin: code, escapes, links and images,
#: autolinks and raw HTML, entities, emphasis, a hard line break, stash markers.
_INLINE_START_RE = re.compile(r"[`\\\[!<&*_\x02\x03]|  \n")


class _SkipPlainText(Treeprocessor):
    """Mark text in which no inline pattern can match, so Markdown does not try them.

    Trying each of the dozen inline patterns on every run of text is half of
    rendering time; most paragraphs are plain words. AtomicString is Markdown's
    own "process no further" marker, so what is rendered does not change.
    """

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            text = element.text
            if text and not isinstance(text, AtomicString) and not _INLINE_START_RE.search(text):
                element.text = AtomicString(text)


class _Capture(Treeprocessor):
    """Keep the finished element tree so text is taken from what is shown."""

    def __init__(self, md: markdown.Markdown, sink: list[etree.Element]) -> None:
        super().__init__(md)
        self.sink = sink

    def run(self, root: etree.Element) -> None:
        # Entities such as &copy; wait in Markdown's stash until serialising; put them back.
        stash = self.md.htmlStash.rawHtmlBlocks

        def unstash(match: re.Match[str]) -> str:
            index = int(match.group(1))
            return str(stash[index]) if index < len(stash) else ""

        if stash:  # most sections stash nothing: no need to look at every text
            for element in root.iter():
                if element.text:
                    element.text = STASH_RE.sub(unstash, element.text)
                if element.tail:
                    element.tail = STASH_RE.sub(unstash, element.tail)
        _give_headings_ids(root)
        self.sink.append(root)


def _give_headings_ids(root: etree.Element) -> None:
    """Ids for headings written without {#id}, as Python-Markdown's toc extension makes them.

    The toc extension also builds a table of contents for every section, which
    nothing shows; this is the part we use, at a quarter of its cost.
    """
    used = {element.get("id") for element in root.iter() if element.get("id")}
    tried: dict[str, int] = {}
    for element in root.iter():
        if element.tag in _HEADINGS and not element.get("id"):
            element.set("id", _unique(slugify(clean("".join(element.itertext())), "-"), used, tried))


def _unique(base: str, used: set[str | None], tried: dict[str, int]) -> str:
    """base, or base_1, base_2 ... as the toc extension's unique() numbers them.

    unique() counts up from 1 each time, so many headings alike took seconds
    (quadratic); tried remembers where each base's count got to.
    """
    candidate = base
    if not candidate or candidate in used:
        match = _ID_COUNT_RE.match(base)
        stem, number = (match.group(1), int(match.group(2))) if match else (base, 0)
        number = max(number, tried.get(stem, 0))
        while not candidate or candidate in used:
            number += 1
            candidate = f"{stem}_{number}"
        tried[stem] = number
    used.add(candidate)
    return candidate


class _Gate(Treeprocessor):
    """The last step before the tree is kept and written out: the allow-list and the nesting limits."""

    def __init__(self, md: markdown.Markdown, context: RenderContext) -> None:
        super().__init__(md)
        self.context = context

    def run(self, root: etree.Element) -> None:
        beyond = allow_list.beyond_limits(root)
        if beyond is not None:
            self.context.report(beyond)
            self.context.refused = True
            root.clear()  # nothing of it is written out, let alone shown
            return
        self._invisible_entities()
        allow_list.apply(root, lambda message, needle: self.context.report(message, needle, in_braces=True))

    def _invisible_entities(self) -> None:
        """Entities for invisible characters (&#x202E;) are left out, as the characters themselves are."""
        stash = self.md.htmlStash.rawHtmlBlocks
        for index, entry in enumerate(stash):
            text = str(entry)
            if text.startswith("&") and strip_invisible(clean(text)) != clean(text):
                stash[index] = ""
                self.context.report(f"invisible character written as '{text}' left out: it can hide text "
                                    "or change the order it reads in", text)


class _SafePack(Extension):
    def __init__(self, context: RenderContext, sink: list[etree.Element]) -> None:
        super().__init__()
        self.context = context
        self.sink = sink

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        # Without these two, raw HTML is not recognised and so is escaped as text.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        speed_up_links(md)
        md.treeprocessors.register(_SkipPlainText(md), "atl_plain_text", 21)  # just before "inline" (20)
        md.treeprocessors.register(LinkPolicy(md, self.context), "atl_links", 4)
        md.treeprocessors.register(_Gate(md, self.context), "atl_gate", -5)  # after "unescape" (0)
        md.treeprocessors.register(_Capture(md, self.sink), "atl_capture", -10)


def _block_text(element: etree.Element) -> str:
    """Plain text of one block, lists one item per line."""
    if element.tag in ("ul", "ol"):
        return "\n".join(_block_text(item) for item in element if item.tag == "li")
    if element.tag == "li" and any(child.tag in _BLOCK_TAGS for child in element):
        inline = clean(element.text or "")
        blocks = [_block_text(child) for child in element if child.tag in _BLOCK_TAGS]
        return "\n".join(part for part in [inline, *blocks] if part)
    if element.tag == "table":
        rows = [" | ".join(clean("".join(cell.itertext())) for cell in row) for row in element.iter("tr")]
        return "\n".join(rows)
    return clean("".join(element.itertext()))


def literal(value: str) -> str:
    """Markdown that shows value exactly as written: one line, no markup, no invisible characters.

    A manifest value is text, never markup: '{: style=... }', '[x](file:///...)'
    or '*' in a title must not become attributes, links or emphasis where it is used.
    """
    value = " ".join(strip_invisible(value).split())
    value = _MARKDOWN_SPECIAL_RE.sub(r"\\\g<0>", value.replace("&", "&amp;"))
    return value.replace("<", "&lt;")


def fill_placeholders(source: str, values: dict[str, str], file: str, problems: list[Problem]) -> str:
    """Replace {{ name }} with pack facts, so they are written in one place only (as text, see literal)."""

    def replace(match: re.Match[str]) -> str:
        key = match.group(1)
        if key in values:
            return literal(values[key])
        line = source.count("\n", 0, match.start()) + 1
        problems.append(Problem(file, f"unknown placeholder {{{{ {key} }}}}", line))
        return match.group(0)

    return _PLACEHOLDER_RE.sub(replace, source)


class Renderer:
    """Renders the section files of one pack with a single Markdown instance.

    Building a Markdown instance with its extensions costs more than converting a
    short section, so a pack of thousands of sections reuses one, reset each time.
    """

    def __init__(self, files_to_ids: dict[str, str] | None = None, placeholders: dict[str, str] | None = None) -> None:
        self._placeholders = placeholders
        self._sink: list[etree.Element] = []
        self._context = RenderContext("", files_to_ids or {})
        self._md = self._markdown()

    def _markdown(self) -> markdown.Markdown:
        # Instances, not names: naming an extension makes Markdown scan every installed
        # package's entry points for it, which takes longer than rendering a hundred sections.
        # Alignment as an attribute: a style attribute is never let through (allow_list).
        return markdown.Markdown(
            extensions=[TableExtension(use_align_attribute=True), SaneListExtension(), AttrListExtension(),
                        _SafePack(self._context, self._sink)],
            output_format="html",
        )

    def render(self, source: str, file: str) -> RenderedSection:
        """Render one section file. Never raises for odd Markdown; problems are returned.

        A section over a limit is refused whole (refused=True, nothing to show): a
        cut-down page would differ from what was reviewed without saying so, and
        the loader leaves out a refused section as it does one it cannot read.
        """
        source, problems = without_invisible(source, file)
        if self._placeholders is not None:
            source = fill_placeholders(source, self._placeholders, file, problems)
        limits = over_limits(source, file)
        if limits:
            return _refused(sorted(problems + limits, key=_file_order))
        self._sink.clear()
        context = self._context
        context.file, context.problems, context.lines, context.refused = file, problems, SourceLines(source), False
        try:
            self._md.reset()
            body = self._md.convert(source)
            root = self._sink[0] if self._sink else etree.Element("div")  # empty text: no tree at all
            rendered = None if context.refused else _split_sections(root, body, problems)
        except RecursionError:  # a last resort: the source scan should have refused anything this deep
            self._md = self._markdown()  # its parser's state is left mid-way
            context.report(f"the Markdown is nested too deeply to be read, {LEFT_OUT}")
            rendered = None
        context.finish()
        problems.sort(key=_file_order)
        return rendered if rendered is not None else _refused(problems)


def render_markdown(
    source: str,
    *,
    file: str,
    files_to_ids: dict[str, str] | None = None,
    placeholders: dict[str, str] | None = None,
) -> RenderedSection:
    """Render one section file on its own (a pack uses one Renderer for all)."""
    return Renderer(files_to_ids, placeholders).render(source, file)


def _file_order(problem: Problem) -> tuple[bool, int]:
    """Problems in the order of the file's lines; those of the whole file last."""
    return problem.line is None, problem.line or 0


def _refused(problems: list[Problem]) -> RenderedSection:
    return RenderedSection(None, "", "", [], problems, refused=True)


def _split_sections(root: etree.Element, body: str, problems: list[Problem]) -> RenderedSection:
    """Title, intro text and "##" subsections, from the element tree that was shown."""
    title: str | None = None
    intro: list[str] = []
    subsections: list[Subsection] = []
    current: list[str] = intro
    pending: tuple[str, str, int] | None = None

    def close_subsection() -> None:
        if pending is not None:
            subsections.append(Subsection(pending[0], pending[1], pending[2], "\n\n".join(current)))

    for element in root:
        classes = (element.get("class") or "").split()
        if NOT_TEXT_CLASS in classes or PAPER_ONLY in classes:
            continue  # a label about the text, or a line to write on: not text to search or quote
        if element.tag == "h1" and title is None:
            title = clean("".join(element.itertext()))
        elif element.tag == "h2":
            close_subsection()
            pending = (element.get("id", ""), clean("".join(element.itertext())), 2)
            current = []
        else:
            text = _block_text(element)
            if text:
                current.append(text)
    close_subsection()
    return RenderedSection(title, body, "\n\n".join(intro), subsections, problems)

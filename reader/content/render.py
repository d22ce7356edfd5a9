"""Markdown to safe HTML and plain text, with the pack's link policy applied.

Raw HTML is never trusted: it is escaped, not interpreted. Links may only point
inside the pack; web addresses are kept so they can be shown, never opened.
"""

from __future__ import annotations

import html
import posixpath
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import slugify, unique
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE, AtomicString

from reader.content.links import EXTERNAL_SCHEMES, PACK_SCHEME, SECTION_SCHEME, external_address
from reader.content.model import Problem, Subsection

_BLOCK_TAGS = {"p", "ul", "ol", "li", "blockquote", "pre", "table", "tr", "div", "dl", "dt", "dd", "hr"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_PLACEHOLDER_RE = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
_STASH_RE = re.compile("\x02wzxhzdk:(\\d+)\x03")


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


@dataclass
class _LinkContext:
    file: str
    files_to_ids: dict[str, str]
    problems: list[Problem]


def _same_address(text: str, url: str) -> bool:
    def bare(value: str) -> str:
        value = value.strip().lower()
        value = re.sub(r"^(https?://|mailto:|tel:)", "", value)
        return value.removeprefix("www.").rstrip("/")

    return bare(text) == bare(url)


class _LinkPolicy(Treeprocessor):
    """Rewrite links and images so the reading pane can only stay in the pack."""

    def __init__(self, md: markdown.Markdown, context: _LinkContext) -> None:
        super().__init__(md)
        self.context = context

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                if child.tag == "a":
                    self._link(parent, index, child)
                elif child.tag == "img":
                    self._image(child)

    def _refuse(self, element: etree.Element, target: str, why: str) -> None:
        self.context.problems.append(Problem(self.context.file, f"{why}: {target!r} (shown as plain text)"))
        tail = element.tail
        alt = element.get("alt", "")
        element.attrib.clear()
        element.tag = "span"
        if alt and not element.text:
            element.text = alt
        element.tail = tail

    def _link(self, parent: etree.Element, index: int, link: etree.Element) -> None:
        href = (link.get("href") or "").strip()
        parts = urlsplit(href)
        scheme = parts.scheme.lower()
        if scheme in EXTERNAL_SCHEMES and (parts.netloc or scheme in ("mailto", "tel")):
            link.set("class", "external")
            link.set("title", external_address(href))
            text = "".join(link.itertext())
            if not _same_address(text, href):
                address = etree.Element("span", {"class": "address"})
                address.text = f" ({external_address(href)})"
                address.tail, link.tail = link.tail, None
                parent.insert(index + 1, address)
            return
        if not scheme and not parts.netloc and not parts.path and parts.fragment:
            return  # "#anchor" inside this section
        if scheme or parts.netloc or href.startswith(("/", "\\")) or not parts.path:
            self._refuse(link, href, "link leaves the content pack")
            return
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self.context.file), parts.path))
        section_id = self.context.files_to_ids.get(target)
        if section_id is None:
            self._refuse(link, href, "link to a file that is not a section of this pack")
            return
        link.set("href", f"{SECTION_SCHEME}:{section_id}" + (f"#{parts.fragment}" if parts.fragment else ""))

    def _image(self, image: etree.Element) -> None:
        src = (image.get("src") or "").strip()
        parts = urlsplit(src)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self.context.file), parts.path))
        if parts.scheme or parts.netloc or src.startswith(("/", "\\")) or target.startswith(".."):
            self._refuse(image, src, "image from outside the content pack")
            return
        image.set("src", f"{PACK_SCHEME}:{target}")


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
                    element.text = _STASH_RE.sub(unstash, element.text)
                if element.tail:
                    element.tail = _STASH_RE.sub(unstash, element.tail)
        _give_headings_ids(root)
        self.sink.append(root)


def _give_headings_ids(root: etree.Element) -> None:
    """Ids for headings written without {#id}, as Python-Markdown's toc extension makes them.

    The toc extension also builds a table of contents for every section, which
    nothing shows; this is the part we use, at a quarter of its cost.
    """
    used = {element.get("id") for element in root.iter() if element.get("id")}
    for element in root.iter():
        if element.tag in _HEADINGS and not element.get("id"):
            element.set("id", unique(slugify(_clean("".join(element.itertext())), "-"), used))


class _SafePack(Extension):
    def __init__(self, context: _LinkContext, sink: list[etree.Element]) -> None:
        super().__init__()
        self.context = context
        self.sink = sink

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        # Without these two, raw HTML is not recognised and so is escaped as text.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SkipPlainText(md), "atl_plain_text", 21)  # just before "inline" (20)
        md.treeprocessors.register(_LinkPolicy(md, self.context), "atl_links", 4)
        md.treeprocessors.register(_Capture(md, self.sink), "atl_capture", -10)


def _clean(text: str) -> str:
    return " ".join(html.unescape(text.replace(AMP_SUBSTITUTE, "&")).split())


def _block_text(element: etree.Element) -> str:
    """Plain text of one block, lists one item per line."""
    if element.tag in ("ul", "ol"):
        return "\n".join(_block_text(item) for item in element if item.tag == "li")
    if element.tag == "li" and any(child.tag in _BLOCK_TAGS for child in element):
        inline = _clean(element.text or "")
        blocks = [_block_text(child) for child in element if child.tag in _BLOCK_TAGS]
        return "\n".join(part for part in [inline, *blocks] if part)
    if element.tag == "table":
        rows = [" | ".join(_clean("".join(cell.itertext())) for cell in row) for row in element.iter("tr")]
        return "\n".join(rows)
    return _clean("".join(element.itertext()))


def fill_placeholders(source: str, values: dict[str, str], file: str, problems: list[Problem]) -> str:
    """Replace {{ name }} with pack facts, so they are written in one place only."""

    def replace(match: re.Match[str]) -> str:
        key = match.group(1)
        if key in values:
            return values[key]
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
        self._context = _LinkContext("", files_to_ids or {}, [])
        # Instances, not names: naming an extension makes Markdown scan every installed
        # package's entry points for it (~40 ms, more than rendering 100 sections).
        self._md = markdown.Markdown(
            extensions=[TableExtension(), SaneListExtension(), AttrListExtension(), _SafePack(self._context, self._sink)],
            output_format="html",
        )

    def render(self, source: str, file: str) -> RenderedSection:
        """Render one section file. Never raises for odd Markdown; problems are returned."""
        problems: list[Problem] = []
        if self._placeholders is not None:
            source = fill_placeholders(source, self._placeholders, file, problems)
        self._sink.clear()
        self._context.file, self._context.problems = file, problems
        self._md.reset()
        body = self._md.convert(source)
        return _split_sections(self._sink[0] if self._sink else etree.Element("div"), body, problems)


def render_markdown(
    source: str,
    *,
    file: str,
    files_to_ids: dict[str, str] | None = None,
    placeholders: dict[str, str] | None = None,
) -> RenderedSection:
    """Render one section file on its own (a pack uses one Renderer for all)."""
    return Renderer(files_to_ids, placeholders).render(source, file)


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
        if NOT_TEXT_CLASS in (element.get("class") or "").split():
            continue  # a label about the text (shown and printed), not text to search or quote
        if element.tag == "h1" and title is None:
            title = _clean("".join(element.itertext()))
        elif element.tag == "h2":
            close_subsection()
            pending = (element.get("id", ""), _clean("".join(element.itertext())), 2)
            current = []
        else:
            text = _block_text(element)
            if text:
                current.append(text)
    close_subsection()
    return RenderedSection(title, body, "\n\n".join(intro), subsections, problems)

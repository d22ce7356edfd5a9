"""The pack's link policy: links stay in the pack, web addresses are shown and never opened."""

from __future__ import annotations

import html
import posixpath
import re
import types
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

import markdown
from markdown.inlinepatterns import LinkInlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from reader.content.allow_list import is_external, shown
from reader.content.links import EXTERNAL_SCHEMES, PACK_SCHEME, SECTION_SCHEME, external_address
from reader.content.model import Problem
from reader.content.prescan import SourceLines

#: Markdown's placeholder for text it keeps aside (entities) until the end.
STASH_RE = re.compile("\x02wzxhzdk:(\\d+)\x03")
#: Markdown's placeholder for a backslash-escaped character: its code point.
_ESCAPED_RE = re.compile("\x02([0-9]+)\x03")
#: A part of a page, as heading ids are written (see allow_list).
_FRAGMENT_RE = re.compile(r"[A-Za-z0-9_-]{1,200}\Z")
#: Problems reported for one section, at most: a hostile file could make thousands.
MAX_PROBLEMS = 50


@dataclass
class RenderContext:
    """The section being rendered: what its links may point at, and what was found wrong."""

    file: str
    files_to_ids: dict[str, str]
    problems: list[Problem] = field(default_factory=list)
    lines: SourceLines = field(default_factory=lambda: SourceLines(""))
    #: Set when the section is over a limit and must not be shown at all.
    refused: bool = False
    _left_unsaid: int = 0

    def report(self, message: str, needle: str | None = None, *, in_braces: bool = False) -> None:
        """A problem at the line where needle is written (in_braces: in an attribute list)."""
        if len(self.problems) >= MAX_PROBLEMS:
            self._left_unsaid += 1
            return
        line = self.lines.find(needle, in_braces=in_braces) if needle else None
        if line is None and in_braces:  # a name Markdown rewrote ("a b" as "a_b"): the next attribute list
            line = self.lines.find("{:") or self.lines.find("{")
        self.problems.append(Problem(self.file, message, line))

    def finish(self) -> None:
        """A last problem saying how many more were found, when some were not listed."""
        if self._left_unsaid:
            self.problems.append(Problem(self.file, f"{self._left_unsaid} more problems like these were not listed"))
        self._left_unsaid = 0


def clean(text: str) -> str:
    """Text as shown: Markdown's placeholders for & put back, entities read, spaces collapsed."""
    return " ".join(html.unescape(text.replace(AMP_SUBSTITUTE, "&")).split())


def _same_address(text: str, url: str) -> bool:
    def bare(value: str) -> str:
        value = value.strip().lower()
        value = re.sub(r"^(https?://|mailto:|tel:)", "", value)
        return value.removeprefix("www.").rstrip("/")

    return bare(text) == bare(url)


class LinkPolicy(Treeprocessor):
    """Rewrite links and images so the reading pane can only stay in the pack."""

    def __init__(self, md: markdown.Markdown, context: RenderContext) -> None:
        super().__init__(md)
        self.context = context

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            index = 0
            while index < len(parent):  # by position: a web link gains a sibling, its shown address
                child = parent[index]
                if child.tag == "a":
                    index += self._link(parent, index, child)
                elif child.tag == "img":
                    self._image(child)
                index += 1

    def _decoded(self, value: str) -> str:
        """An address as Qt would read it: Markdown's placeholders put back, entities read.

        Markdown writes a mail autolink (<someone@example.org>) as entities, one a
        letter, behind its placeholder for '&'.
        """
        stash = self.md.htmlStash.rawHtmlBlocks

        def unstash(match: re.Match[str]) -> str:
            index = int(match.group(1))
            return str(stash[index]) if index < len(stash) else ""

        value = STASH_RE.sub(unstash, value.replace(AMP_SUBSTITUTE, "&"))
        return html.unescape(_ESCAPED_RE.sub(lambda match: chr(int(match.group(1))), value)).strip()

    def _refuse(self, element: etree.Element, target: str, why: str) -> None:
        raw = element.get("href") or element.get("src") or ""
        self.context.report(f"{why}: '{shown(target)}' (shown as plain text)", self._needle(target, raw))
        tail = element.tail
        alt = element.get("alt", "")
        element.attrib.clear()
        element.tag = "span"
        if alt and not element.text:
            element.text = alt
        element.tail = tail

    def _needle(self, target: str, raw: str) -> str | None:
        """What to look for to find target's line: as read, as written, as a mail autolink writes it,
        its start up to the first character that can be written another way (\\_ or &amp;), or as an
        attribute list sets it (an empty href="" once an invisible character is taken out)."""
        written = raw.replace(AMP_SUBSTITUTE, "&")
        start = re.split("[\x02&%\\\\]", written, maxsplit=1)[0]
        for needle in (target, written, external_address(target), start if len(start) > 3 else "",
                       f'href="{written}"', f"href='{written}'", f'src="{written}"', f"src='{written}'"):
            if needle and self.context.lines.contains(needle):
                return needle
        return None

    def _drop_title(self, element: etree.Element, target: str) -> None:
        title = element.attrib.pop("title", None)
        if title:
            raw = element.get("href") or element.get("src") or ""
            self.context.report(f"the title \"{shown(title)}\" of '{shown(target)}' is not shown; it was left out",
                                self._needle(target, raw))

    def _link(self, parent: etree.Element, index: int, link: etree.Element) -> int:
        """Apply the policy to one link; 1 if a shown address now follows it, else 0."""
        href = self._decoded(link.get("href") or "")
        parts = urlsplit(href)
        scheme = parts.scheme.lower()
        if scheme in EXTERNAL_SCHEMES and (parts.netloc or scheme in ("mailto", "tel")):
            if not is_external(href):
                self._refuse(link, href, "web address with characters an address cannot have")
                return 0
            link.set("href", href)
            link.set("class", "external")
            link.set("title", external_address(href))
            if not _same_address(clean("".join(link.itertext())), href):
                address = etree.Element("span", {"class": "address"})
                address.text = f" ({external_address(href)})"
                address.tail, link.tail = link.tail, None
                parent.insert(index + 1, address)
                return 1
            return 0
        if not scheme and not parts.netloc and not parts.path and parts.fragment:
            if not _FRAGMENT_RE.match(parts.fragment):
                self._refuse(link, href, "link to a part of this page that is not a heading id")
                return 0
            self._drop_title(link, href)
            link.set("href", f"#{parts.fragment}")
            return 0  # "#anchor" inside this section
        if scheme or parts.netloc or href.startswith(("/", "\\")) or not parts.path:
            self._refuse(link, href, "link leaves the content pack")
            return 0
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self.context.file), parts.path))
        section_id = self.context.files_to_ids.get(target)
        if section_id is None:
            self._refuse(link, href, "link to a file that is not a section of this pack")
            return 0
        if parts.fragment and not _FRAGMENT_RE.match(parts.fragment):
            self._refuse(link, href, "link to a part of a section that is not a heading id")
            return 0
        self._drop_title(link, href)
        link.set("href", f"{SECTION_SCHEME}:{section_id}" + (f"#{parts.fragment}" if parts.fragment else ""))
        return 0

    def _image(self, image: etree.Element) -> None:
        src = self._decoded(image.get("src") or "")
        parts = urlsplit(src)
        path = unquote(parts.path)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self.context.file), path))
        if (parts.scheme or parts.netloc or src.startswith(("/", "\\")) or "\\" in path
                or target.startswith("..") or not path):
            self._refuse(image, src, "image from outside the content pack")
            return
        self._drop_title(image, src)
        image.set("src", f"{PACK_SCHEME}:{target}")


def _get_text(self: LinkInlineProcessor, data: str, index: int) -> tuple[str, int, bool]:
    """LinkInlineProcessor.getText, without its quadratic cost on many links in one paragraph.

    Markdown maps where every bracket closes once per text, but the text changes
    with every link it replaces (by a placeholder, before the next one), so a
    paragraph of 2,500 images took 16 s. Where a bracket closes depends only on
    what follows it, which those replacements leave alone: the map is kept, and
    shifted, while the rest of the text is the same.
    """
    known: str | None = getattr(self, "_atl_text", None)
    shift = 0 if known is None else len(known) - len(data)
    if known is None or not 0 <= index + shift <= len(known) or known[index + shift:] != data[index:]:
        self._atl_text, self._atl_ends = data, self._findBracketEnds(data)
        shift = 0
    end = self._atl_ends[index + shift]
    if end is None:
        return data[index:], len(data), False
    return data[index:end - shift - 1], end - shift, True


def speed_up_links(md: markdown.Markdown) -> None:
    """Give md's link and image patterns _get_text (when this Markdown has the bracket map it reuses)."""
    if not hasattr(LinkInlineProcessor, "_findBracketEnds"):
        return
    for pattern in md.inlinePatterns:
        if isinstance(pattern, LinkInlineProcessor):
            pattern.getText = types.MethodType(_get_text, pattern)

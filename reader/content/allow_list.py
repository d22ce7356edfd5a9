"""The one gate between a rendered section and Qt: allowed elements and attributes only.

Markdown's attribute lists ({: style="..." }) put any attribute on any element,
and Qt honours many of them: CSS that hides text or loads files, classes, titles
shown as rich-text tooltips. After Markdown and the link policy have finished,
every element and attribute is checked against this list; anything else is
left out and reported, so `check` tells the editor.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from urllib.parse import urlsplit

from reader.content.links import EXTERNAL_SCHEMES, PACK_SCHEME, SECTION_SCHEME, external_address
from reader.content.prescan import LEFT_OUT, MAX_BLOCK_DEPTH, MAX_HEADINGS, MAX_INLINE_DEPTH, MAX_LIST_ITEMS

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCKS = frozenset({"div", "p", "ul", "ol", "li", "blockquote", "pre", "table", "thead", "tbody", "tr",
                     "th", "td", "hr"}) | _HEADINGS
_INLINE = frozenset({"code", "em", "strong", "a", "img", "br", "span"})
#: What Markdown with tables and sane lists, and the link policy, produce.
ELEMENTS = _BLOCKS | _INLINE
#: Containers whose nesting counts against MAX_BLOCK_DEPTH, and inline elements against MAX_INLINE_DEPTH.
_NESTING_BLOCKS = frozenset({"ul", "ol", "blockquote"})
_NESTING_INLINE = frozenset({"code", "em", "strong", "a", "span"})

#: Classes an editor may give a block or heading: `.compiled` labels a note about the text
#: (render.NOT_TEXT_CLASS), `.screen-only` a heading whose part handouts leave out (page.SCREEN_ONLY).
#: `.paper-only` a paragraph only handouts print, `.checklist` a heading whose part's lists print as tick boxes
#: (page.PAPER_ONLY, page.CHECKLIST).
AUTHOR_CLASSES = frozenset({"compiled", "screen-only", "paper-only", "checklist"})
#: Classes only the link policy gives: a web address, and the address shown after its text.
_POLICY_CLASSES = {"a": "external", "span": "address"}

#: An id as {#id} and Markdown's slugs write them: ASCII letters, digits, '-' and '_'.
_ID_RE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]{0,199}\Z")
_ALIGNMENTS = frozenset({"left", "right", "center"})
_START_RE = re.compile(r"[0-9]{1,9}\Z")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")

#: report(message, needle): a problem, and what its attribute list ({: ... }) holds, to find its line by.
Report = Callable[[str, "str | None"], None]


def shown(value: str, limit: int = 60) -> str:
    """value as a problem message may quote it: one line, no control characters, not too long."""
    value = _CONTROL_RE.sub("", " ".join(value.split()))
    return value if len(value) <= limit else value[: limit - 1] + "…"


#: An address shown to the reader: nothing that could start markup where Qt shows it as rich text (a tooltip).
_ADDRESS_RE = re.compile(r"[^\s<>\"'\\`\x00-\x1f\x7f-\x9f]+\Z")


def is_external(href: str) -> bool:
    """Whether href is a web, mail or phone address the reader shows (never opens)."""
    parts = urlsplit(href)
    scheme = parts.scheme.lower()
    return (scheme in EXTERNAL_SCHEMES and bool(parts.netloc or scheme in ("mailto", "tel"))
            and bool(_ADDRESS_RE.match(href)))


def is_policy_href(href: str) -> bool:
    """Whether href is one the link policy writes: another section, this page, or a shown-only address."""
    for start in ("#", SECTION_SCHEME + ":"):
        if href.startswith(start):
            return len(href) > len(start) and bool(_ADDRESS_RE.match(href))
    return is_external(href)


def _is_pack_src(src: str) -> bool:
    scheme, _, path = src.partition(":")
    if scheme != PACK_SCHEME or not path or path.startswith(("/", "\\")) or "\\" in path:
        return False
    return ".." not in path.split("/") and "://" not in path


def _allowed(element: etree.Element, name: str, value: str | None) -> bool:
    if value is None:
        return False
    tag = element.tag
    if name == "id":
        return bool(_ID_RE.match(value))
    if tag == "a":
        href = element.get("href") or ""
        if name == "href":
            return is_policy_href(value)
        if name == "title":  # the policy's own: the address of a web link
            return is_external(href) and value == external_address(href)
        return False
    if tag == "img":
        return (name == "src" and _is_pack_src(value)) or name == "alt"
    if tag in ("th", "td"):
        return name == "align" and value in _ALIGNMENTS
    if tag == "ol":
        return name == "start" and bool(_START_RE.match(value))
    return False


def _classes(element: etree.Element, report: Report) -> None:
    own = _POLICY_CLASSES.get(str(element.tag))
    if own == "external" and not is_external(element.get("href") or ""):
        own = None
    author = AUTHOR_CLASSES if element.tag in _BLOCKS else frozenset()  # they label blocks and headings
    kept = []
    for name in (element.get("class") or "").split():
        if name in author or name == own:
            kept.append(name)
        else:
            allowed = ", ".join(f".{c}" for c in sorted(AUTHOR_CLASSES))
            report(f"class '.{shown(name)}' is not one of the reader's own ({allowed}); it was left out",
                   name)
    if kept:
        element.set("class", " ".join(dict.fromkeys(kept)))
    else:
        element.attrib.pop("class", None)


def apply(root: etree.Element, report: Report) -> None:
    """Leave out every element and attribute not on the list, reporting each; root is changed in place."""
    for element in root.iter():
        if element.tag not in ELEMENTS:
            report(f"<{shown(str(element.tag))}> is not allowed; its text is shown without it", None)
            element.tag = "span"
            element.attrib.clear()
            continue
        if "class" in element.attrib:
            _classes(element, report)
        for name, value in list(element.attrib.items()):
            if name == "class" or _allowed(element, name, value):
                continue
            del element.attrib[name]
            if name == "id":
                report(f"id '#{shown(value or '')}' is not a plain name (letters, digits, '-' and '_'); "
                       "it was left out", value)
            else:
                report(f"attribute '{shown(name)}' is not allowed; it was left out", name)


def beyond_limits(root: etree.Element) -> str | None:
    """Why the tree is more than Qt lays out quickly (too deep, too long a list, too many anchors), or None.

    The source scan stops what Markdown would take long over, with its line; this
    is the exact count on what Markdown made, iterative so that no depth can
    overflow the stack.
    """
    anchors = 0
    stack: list[tuple[etree.Element, int, int]] = [(root, 0, 0)]
    while stack:
        element, blocks, inline = stack.pop()
        if element.tag in _NESTING_BLOCKS:
            blocks += 1
            if blocks > MAX_BLOCK_DEPTH:
                return (f"lists and quotes are nested more than {MAX_BLOCK_DEPTH} levels deep; "
                        f"at most {MAX_BLOCK_DEPTH} can be shown, {LEFT_OUT}")
            if element.tag != "blockquote" and len(element) > MAX_LIST_ITEMS:
                return f"a list of more than {MAX_LIST_ITEMS:,} items; at most that many can be shown, {LEFT_OUT}"
        elif element.tag in _NESTING_INLINE:
            inline += 1
            if inline > MAX_INLINE_DEPTH:
                return (f"bold, italic or links are nested more than {MAX_INLINE_DEPTH} levels deep; "
                        f"at most {MAX_INLINE_DEPTH} can be shown, {LEFT_OUT}")
        if element.tag in _HEADINGS or element.get("id"):
            anchors += 1
            if anchors > MAX_HEADINGS:
                return (f"more than {MAX_HEADINGS} headings and ids; at most that many can be shown, {LEFT_OUT}")
        stack.extend((child, blocks, inline) for child in element)
    return None

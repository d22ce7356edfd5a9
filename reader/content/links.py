"""The link vocabulary shared by the renderer, the reading pane and printing."""

from __future__ import annotations

#: Internal link scheme understood by the reading pane: section:<id>#<anchor>.
SECTION_SCHEME = "section"
#: Image scheme served by the reading pane from inside the pack only.
PACK_SCHEME = "pack"
#: A glossary term marked in the reading pane: term:<index in the pack's glossary>.
TERM_SCHEME = "term"
#: The "In plain words" box's own links: plain:show and plain:hide fold it open and shut.
PLAIN_SCHEME = "plain"
#: Where the "In plain words" box starts on a page: a search that found its words leads there.
PLAIN_ANCHOR = "in-plain-words"
#: Addresses that are shown to the reader but never opened.
EXTERNAL_SCHEMES = ("http", "https", "mailto", "tel")


def external_address(url: str) -> str:
    """The address a reader should type on another device (mailto: stripped)."""
    return url[len("mailto:"):] if url.lower().startswith("mailto:") else url


def link_kind(href: str) -> str:
    """What a link in the text leads to: "term" (a definition), "web" (an address shown) or "section"."""
    scheme = href.split(":", 1)[0].lower() if ":" in href else ""
    if scheme == TERM_SCHEME:
        return "term"
    if scheme in EXTERNAL_SCHEMES:
        return "web"
    return "section"

"""The HTML of one reading page: provenance line, section body, previous/next links."""

from __future__ import annotations

import re

from reader import texts
from reader.content.escaping import escape
from reader.content.links import SECTION_SCHEME
from reader.content.model import AID, Pack, Section
from reader.content.provenance import provenance_line


def _insert_after_title(body: str, fragment: str) -> str:
    end = body.find("</h1>")
    if end < 0:
        return fragment + body
    end += len("</h1>")
    return body[:end] + fragment + body[end:]


#: A heading with this class starts a part for the screen only, such as the
#: reader's own help ("press A+" means nothing on paper): handouts leave it out,
#: up to the next heading as high as its own.
SCREEN_ONLY = "screen-only"
_SCREEN_ONLY_HEADING = re.compile(rf'<h([1-6])\b[^>]*\bclass="[^"]*\b{SCREEN_ONLY}\b')


def compose_page(pack: Pack, section: Section, *, printed: bool = False) -> str:
    """The page shown in the reading pane, or printed in a handout, for section.

    A printed page has no previous/next links, no screen-only parts, and no review
    line under its title (every printed page's header carries it), except an aid's.
    """
    body = _without_screen_only(section.html) if printed else section.html
    line = provenance_line(pack, section)
    if printed and section.kind != AID:
        line = None
    if line:
        css = "aid" if section.kind == AID else "provenance"
        body = _insert_after_title(body, f'<p class="{css}">{escape(line)}</p>')
    if printed:
        return body
    index = pack.position(section.id)
    links = []
    if index > 0:
        prev = pack.sections[index - 1]
        label = escape(texts.PREVIOUS_SECTION.format(title=prev.title))
        links.append(f'<a href="{SECTION_SCHEME}:{prev.id}">← {label}</a>')
    if index + 1 < len(pack.sections):
        nxt = pack.sections[index + 1]
        label = escape(texts.NEXT_SECTION.format(title=nxt.title))
        links.append(f'<a href="{SECTION_SCHEME}:{nxt.id}">{label} →</a>')
    if links:
        body += '<hr/><p class="pager">' + " &nbsp;·&nbsp; ".join(links) + "</p>"
    return body


def _without_screen_only(body: str) -> str:
    kept, start = [], 0
    for heading in _SCREEN_ONLY_HEADING.finditer(body):
        if heading.start() < start:
            continue  # inside a part already left out
        kept.append(body[start:heading.start()])
        level = heading.group(1)
        end = re.compile(f"<h[1-{level}][ >]").search(body, heading.end())
        start = end.start() if end else len(body)
    kept.append(body[start:])
    return "".join(kept)

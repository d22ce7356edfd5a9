"""The HTML of one reading page: provenance line, section body, previous/next links."""

from __future__ import annotations

from reader import texts
from reader.content.escaping import escape
from reader.content.loader import review_line
from reader.content.model import ABOUT, AID, Pack, Section
from reader.content.links import SECTION_SCHEME


def provenance_line(pack: Pack, section: Section) -> str | None:
    """What a section is: reviewed (with its date), a plain-language aid, or neither."""
    if section.kind == AID:
        return texts.AID_LINE
    if section.kind == ABOUT:
        return None  # "About this summary" states the review line in its own text.
    return review_line(pack.manifest)


def _insert_after_title(body: str, fragment: str) -> str:
    end = body.find("</h1>")
    if end < 0:
        return fragment + body
    end += len("</h1>")
    return body[:end] + fragment + body[end:]


def compose_page(pack: Pack, section: Section, *, pager: bool = True, review: bool = True) -> str:
    """The page shown in the reading pane (and printed), for section.

    review=False leaves out the review line where a page header already carries it.
    """
    body = section.html
    line = provenance_line(pack, section)
    if not review and section.kind != AID:
        line = None
    if line:
        css = "aid" if section.kind == AID else "provenance"
        body = _insert_after_title(body, f'<p class="{css}">{escape(line)}</p>')
    if not pager:
        return body
    index = pack.sections.index(section)
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

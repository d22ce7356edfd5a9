"""The HTML of one reading page: provenance line, section body, previous/next links."""

from __future__ import annotations

import re
from itertools import groupby

from reader import texts
from reader.content.escaping import escape
from reader.content.links import PLAIN_ANCHOR, PLAIN_SCHEME, SECTION_SCHEME
from reader.content.model import AID, Companion, Pack, Section
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
#: A paragraph with this class is for paper only, such as a line to write notes
#: on: the screen, where nobody can write, leaves it out.
PAPER_ONLY = "paper-only"
_PAPER_ONLY_PARAGRAPH = re.compile(rf'<p\b[^>]*\bclass="[^"]*\b{PAPER_ONLY}\b[^>]*>.*?</p>\s*', re.S)
#: A heading with this class makes its part's lists, on paper, boxes to tick. On
#: screen they stay plain lists: a box there looks tappable and does nothing.
CHECKLIST = "checklist"
_CHECKLIST_HEADING = re.compile(rf'<h([1-6])\b[^>]*\bclass="[^"]*\b{CHECKLIST}\b')
#: What each item of a printed checklist starts with: an empty box to tick.
TICK_BOX = "\u2610"


def plain_box(pack: Pack, section: Section, *, open_: bool | None, printed: bool = False) -> str:
    """The "In plain words" box for a section with a companion ("" for none): its label, and its sentences
    when open, or a line to open it.

    open_ None (the reader has not chosen): open once a clinician has checked it, folded until then, so
    words nobody has checked are not the first a frightened reader meets. A printed box is there only
    when asked for (open_ True), and open: paper has nothing to click.
    """
    companion = pack.companion(section.id)
    if companion is None or (printed and open_ is not True):
        return ""
    if open_ is None:
        open_ = companion.signed_off
    label = (texts.PLAIN_CHECKED.format(name=companion.reviewed_by, date=companion.reviewed_on)
             if companion.signed_off else texts.PLAIN_UNCHECKED)
    toggle = ("" if printed else f' · <a href="{PLAIN_SCHEME}:hide">{escape(texts.PLAIN_HIDE)}</a>' if open_
              else f' · <a href="{PLAIN_SCHEME}:show">{escape(texts.PLAIN_SHOW)}</a>')
    head = (f'<p class="plainhead" id="{PLAIN_ANCHOR}"><b>{escape(texts.PLAIN_TITLE)}</b> · '
            f'<span class="aid">{escape(label)}</span>{toggle}</p>')
    # A frame around it, so no theme (high contrast has no tint to spare) or page break lets it pass for the
    # reviewed text; and a last line saying where it ends, which a screen reader hears too.
    body = "" if not open_ else _plain_lines_html(companion) + f'<p class="plainend">{escape(texts.PLAIN_END)}</p>'
    table = f'<table class="plainbox" width="100%" cellspacing="0" cellpadding="{BOX_PADDING}" border="1">'
    return f"{table}<tr><td>{head}{body}</td></tr></table>"


#: Inside the "In plain words" box's frame, in pixels (on paper, points).
BOX_PADDING = 10


def _plain_lines_html(companion: Companion) -> str:
    """The companion's lines: running sentences as paragraphs, "- " lines as the items of a list."""
    parts: list[str] = []
    for item, lines in groupby(companion.lines, key=lambda line: line.item):
        words = [escape(line.text) for line in lines]
        parts.append("<ul>" + "".join(f"<li>{w}</li>" for w in words) + "</ul>" if item
                     else f'<p class="plain">{" ".join(words)}</p>')
    return "".join(parts)


def compose_page(pack: Pack, section: Section, *, printed: bool = False, plain_open: bool | None = None) -> str:
    """The page shown in the reading pane, or printed in a handout, for section.

    A printed page has no previous/next links, no screen-only parts, and no review
    line under its title (every printed page's header carries it), except an aid's;
    its checklists have boxes to tick, and its "In plain words" box is printed only
    when plain_open is True. A page on screen has no paper-only paragraphs.
    """
    if printed:
        body = _as_checklists(_without_screen_only(section.html))
    else:
        body = _PAPER_ONLY_PARAGRAPH.sub("", section.html)
    line = provenance_line(pack, section)
    if printed and section.kind != AID:
        line = None
    box = plain_box(pack, section, open_=plain_open, printed=printed)
    if line or box:
        css = "aid" if section.kind == AID else "provenance"
        body = _insert_after_title(body, (f'<p class="{css}">{escape(line)}</p>' if line else "") + box)
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


def _parts(body: str, headings: re.Pattern[str]) -> list[tuple[int, int]]:
    """Where each part begins and ends: a heading that headings finds, up to the next one as high as its own."""
    parts: list[tuple[int, int]] = []
    for heading in headings.finditer(body):
        if parts and heading.start() < parts[-1][1]:
            continue  # inside a part already found
        level = heading.group(1)
        end = re.compile(f"<h[1-{level}][ >]").search(body, heading.end())
        parts.append((heading.start(), end.start() if end else len(body)))
    return parts


def _without_screen_only(body: str) -> str:
    kept, start = [], 0
    for begin, end in _parts(body, _SCREEN_ONLY_HEADING):
        kept.append(body[start:begin])
        start = end
    kept.append(body[start:])
    return "".join(kept)


def _as_checklists(body: str) -> str:
    """In each checklist part, lists without bullets whose items start with a box to tick."""
    kept, start = [], 0
    for begin, end in _parts(body, _CHECKLIST_HEADING):
        part = re.sub(r"<ul>", f'<ul class="{CHECKLIST}">', body[begin:end])
        kept += [body[start:begin], re.sub(r"<li>(<p>)?", rf"<li>\1{TICK_BOX} ", part)]
        start = end
    kept.append(body[start:])
    return "".join(kept)


"""Where a handout's pages break: headings with their text, boxes and groups of questions whole, no line alone.

Qt has no keep-with-next or keep-together: each rule here finds one bad break,
puts a page break before the block that should go over, and the document is laid
out again before the next look.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFont, QFontMetricsF, QTextBlock, QTextCursor, QTextDocument, QTextFormat

from reader.content.page import TICK_BOX
from reader.ui.text_blocks import blocks, fragments


def hang_after_tick_boxes(doc: QTextDocument) -> None:
    """A question's second line starts under its words, not under its box to tick (a nurse found them
    hard to tell apart in large print). Qt's stylesheet takes no text-indent in ems, so it is set here."""
    box = QFontMetricsF(doc.defaultFont(), doc.documentLayout().paintDevice()).horizontalAdvance(TICK_BOX + " ")
    for block in blocks(doc):
        if block.text().startswith(TICK_BOX):
            fmt = block.blockFormat()
            fmt.setLeftMargin(fmt.leftMargin() + box)
            fmt.setTextIndent(-box)
            QTextCursor(block).setBlockFormat(fmt)


def keep_together(doc: QTextDocument, page_height: float) -> None:
    """Keep headings and lead-ins with what follows, and short blocks whole, across pages.

    Qt has no keep-with-next or keep-together: a heading (or a lead-in ending in
    ":") that would be stranded at the foot of a page, or a short paragraph or
    list item that a page would split, gets a page break before it. Qt does not
    lay the rest out again by itself after such a change, so each break is
    followed by a fresh layout and a new look.
    """
    for _ in range(doc.blockCount()):  # one break per pass; never more breaks than blocks
        if not _break_before_a_bad_split(doc, page_height):
            return
        doc.markContentsDirty(0, doc.characterCount())
        doc.documentLayout().documentSize()  # lay it all out now, not lazily later


_ALWAYS_BEFORE = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore


def _breaks_before(block: QTextBlock) -> bool:
    return block.blockFormat().pageBreakPolicy() == _ALWAYS_BEFORE


def _set_break_before(block: QTextBlock, on: bool) -> None:
    """A page break before block (on), or wherever the page ends (off)."""
    fmt = block.blockFormat()
    fmt.setPageBreakPolicy(_ALWAYS_BEFORE if on else QTextFormat.PageBreakFlag.PageBreak_Auto)
    QTextCursor(block).setBlockFormat(fmt)


def _break_before_a_bad_split(doc: QTextDocument, page_height: float) -> bool:
    if _break_before_a_split_box(doc, page_height):
        return True
    layout = doc.documentLayout()

    def page_of(y: float) -> int:
        return int(y // page_height)

    block = doc.begin()
    while block.isValid():
        following = block.next()
        # A line to write on ("My notes: ____") belongs to the questions above it: it was left alone at the
        # top of a page. The block before it goes over with it (and takes any break it had).
        previous = block.previous()
        if (block.text().rstrip().endswith("____") and previous.isValid() and previous.text().strip()
                and page_of(layout.blockBoundingRect(block).top()) != page_of(layout.blockBoundingRect(previous).top())
                and not _breaks_before(previous)):
            _set_break_before(previous, True)
            _set_break_before(block, False)
            return True
        if _breaks_before(block):
            block = following
            continue
        rect = layout.blockBoundingRect(block)
        # A short part under its own heading (a group of questions with its notes line) starts a page
        # rather than leave its heading and a question at the foot of one.
        group = _group_after(block)
        if group:
            bottom = layout.blockBoundingRect(group[-1]).bottom()
            if (bottom - rect.top() <= page_height * 0.6 and page_of(rect.top()) != page_of(bottom - 1)
                    and rect.top() % page_height > 1):
                _set_break_before(block, True)
                for inside in group:
                    _set_break_before(inside, False)
                return True
        leads_in = _leads_in(block)
        if leads_in and following.isValid():
            text_rect = layout.blockBoundingRect(following)
            first_line_bottom = text_rect.top() + min(text_rect.height(), 3 * doc.defaultFont().pointSizeF())
            bad = page_of(first_line_bottom) != page_of(rect.top())
        else:
            split = page_of(rect.top()) != page_of(rect.bottom() - 1) and rect.top() % page_height > 1
            # A short block goes over whole; a longer one, when the page would leave one of its lines alone
            # ("Because a curative standard of care remains elusive for" at the foot of a page).
            bad = split and (rect.height() <= page_height / 3
                             or (rect.height() <= page_height / 2 and _leaves_a_line_alone(block, rect.top(), page_of)))
        if bad:
            _set_break_before(block, True)
            if leads_in:  # what follows now travels with it: an earlier break there would split them again
                _set_break_before(following, False)
            return True
        block = following
    return False


def _leaves_a_line_alone(block: QTextBlock, top: float, page_of: Callable[[float], int]) -> bool:
    """Whether a page break leaves the block's first line alone at the foot of a page, or its last alone
    at the top of the next."""
    lines = block.layout()
    count = lines.lineCount()
    if count < 2:
        return False
    page = [page_of(top + lines.lineAt(number).y()) for number in (0, 1, count - 2, count - 1)]
    return page[0] != page[1] or page[2] != page[3]


def _group_after(heading: QTextBlock) -> list[QTextBlock]:
    """The blocks under a subheading (level 2 or more) up to the next heading as high: [] for any other block."""
    level = heading.blockFormat().headingLevel()
    if level < 2:
        return []
    group, block = [], heading.next()
    while block.isValid() and not 0 < block.blockFormat().headingLevel() <= level:
        group.append(block)
        block = block.next()
    return group


def _leads_in(block: QTextBlock) -> bool:
    """A heading, a lead-in ending in ":", or a line wholly in bold (a question the text below answers)."""
    if block.blockFormat().headingLevel() > 0 or block.text().rstrip().endswith(":"):
        return True
    runs = [fragment for fragment in fragments(block) if fragment.text().strip()]
    return bool(runs) and all(fragment.charFormat().fontWeight() >= QFont.Weight.Bold for fragment in runs)


def _break_before_a_split_box(doc: QTextDocument, page_height: float) -> bool:
    """A framed box (the "In plain words" box) that a page would split starts the next page instead, with
    the heading above it: its label is at its top, and a page without it would pass for the reviewed text."""
    layout = doc.documentLayout()
    for frame in doc.rootFrame().childFrames():
        rect = layout.frameBoundingRect(frame)
        top, bottom = int(rect.top() // page_height), int((rect.bottom() - 1) // page_height)
        fmt = frame.frameFormat()
        if top == bottom or rect.height() > page_height or rect.top() % page_height <= 1 \
                or fmt.pageBreakPolicy() == _ALWAYS_BEFORE:
            continue
        above = frame.firstCursorPosition().block().previous()
        if above.isValid() and above.blockFormat().headingLevel() > 0:
            # Not when the heading starts a page already: a break there leaves a blank page. When heading and
            # box are a little taller than a page, the box's end still goes over, with its frame and its last
            # line ("End of the plain words"); its label stays at its top, with the heading.
            if layout.blockBoundingRect(above).top() % page_height > 1 and not _breaks_before(above):
                _set_break_before(above, True)
                return True
            continue  # the heading already starts a page: the box is as high up as it can go
        fmt.setPageBreakPolicy(_ALWAYS_BEFORE)
        frame.setFrameFormat(fmt)
        return True
    return False

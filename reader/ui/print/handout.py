"""Painting handout pages: the same pages for print preview, printers and PDF files.

Every page carries the title, the running section, the review date (with
"Medically reviewed summary" over reviewed text, and "Plain-language aid" over
questions and meanings), the disclaimer, "Page X of Y" and the printed date,
because a handout travels alone.
"""

from __future__ import annotations

import datetime as dt
import math

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextDocument,
)

from reader import texts
from reader.content.dates import long_date
from reader.content.handout_pages import QR_URL, addresses_html, glossary_html, keep_words_whole, web_addresses
from reader.content.handout_plan import HandoutPlan
from reader.content.model import AID
from reader.content.page import compose_page
from reader.content.provenance import aid_page_line, plain_disclaimer, review_line
from reader.qr import qr_png
from reader.style.palettes import LIGHT
from reader.style.stylesheet import reading_css
from reader.ui.print.page_breaks import hang_after_tick_boxes, keep_together
from reader.ui.resources_gate import GatedDocument
from reader.ui.style.qt_palettes import chrome_palette
from reader.ui.text_blocks import blocks, fragments

#: The anchor name that starts each part of a handout (a section, the meanings, the addresses), numbered.
_PART_MARK = "atl-handout-part-"


def setup_page(device: QPagedPaintDevice) -> None:
    layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                         QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    device.setPageLayout(layout)


#: More lines than this of clinic details at the foot of every page, and the handout dialog says so.
CLINIC_LINES_MAX = 2
#: The page the dialog's warning measures against: A4, the narrower of A4 and US Letter.
_A4_WIDTH_MM = 210


def clinic_lines(plan: HandoutPlan, family: str) -> int:
    """How many lines the clinic's details take at the foot of every A4 page, wrapped as the painter wraps them."""
    if not plan.clinic_note:
        return 0
    in_points = QImage(1, 1, QImage.Format.Format_Mono)  # a device whose pixel is a point
    dots_per_metre = round(72 / 0.0254)
    in_points.setDotsPerMeterX(dots_per_metre)
    in_points.setDotsPerMeterY(dots_per_metre)
    metrics = QFontMetricsF(_font(family, plan.size.footer_pt), in_points)
    width = (_A4_WIDTH_MM - 2 * plan.size.margin_mm) * 72 / 25.4
    text = plan.clinic_note
    height = metrics.boundingRect(QRectF(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), text).height()
    return round(height / metrics.lineSpacing())


def _font(family: str, points: float, bold: bool = False) -> QFont:
    font = QFont(family)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


class _PagePainter:
    """Lays the body out in the space between header and footer, page by page."""

    def __init__(self, device: QPagedPaintDevice, plan: HandoutPlan, family: str, printed: dt.date) -> None:
        self.device = device
        self.plan = plan
        self.family = family
        self.printed = printed
        # Paper is dark on white whatever the window's theme: left to itself the text
        # took the dark theme's light text colour in the print preview.
        self.paper = chrome_palette(LIGHT)
        dpi = device.logicalDpiY()
        self.mm = dpi / 25.4
        width, height = device.width(), device.height()
        size = plan.size
        margin = size.margin_mm * self.mm
        self.header_font = _font(family, size.header_pt)
        self.header_bold = _font(family, size.header_pt, bold=True)
        self.footer_font = _font(family, size.footer_pt)
        header_metrics = QFontMetricsF(self.header_font, device)
        self.header_rect = QRectF(margin, margin * 0.7, width - 2 * margin, header_metrics.lineSpacing() * 2.2)
        footer_metrics = QFontMetricsF(self.footer_font, device)
        # The disclaimer, then (beside it, never instead) the same in plain words, when the pack has them.
        self.disclaimer = "\n".join(line for line in (plan.pack.manifest.disclaimer,
                                                       plain_disclaimer(plan.pack.manifest)) if line)
        disclaimer_height = footer_metrics.boundingRect(
            QRectF(0, 0, width - 2 * margin, 10_000), int(Qt.TextFlag.TextWordWrap), self.disclaimer
        ).height()
        # The clinic's details wrap rather than lose their end: the phone number is the most
        # useful thing on a patient's handout, and large print cut it off at the page's edge.
        self.clinic_text = plan.clinic_note
        self.clinic_height = footer_metrics.boundingRect(
            QRectF(0, 0, width - 2 * margin, 10_000), int(Qt.TextFlag.TextWordWrap), self.clinic_text
        ).height() if self.clinic_text else 0.0
        line = footer_metrics.lineSpacing()
        footer_height = disclaimer_height + self.clinic_height + line * 1.6  # then the date and page number
        self.footer_rect = QRectF(margin, height - margin * 0.7 - footer_height, width - 2 * margin, footer_height)
        gap = 5 * self.mm
        self.body_rect = QRectF(
            margin, self.header_rect.bottom() + gap,
            width - 2 * margin, self.footer_rect.top() - gap - self.header_rect.bottom() - gap,
        )
        self.document = self._build_document()
        #: How far inside a page's top edge its lines are drawn from (see _paint_body).
        self._clip_inset = QFontMetricsF(self.document.defaultFont(), device).lineSpacing() / 4

    def _build_document(self) -> QTextDocument:
        doc = GatedDocument(self.plan.pack.root)  # the pack's pictures, and never a file from elsewhere
        doc.documentLayout().setPaintDevice(self.device)
        doc.setDefaultFont(_font(self.family, self.plan.size.body_pt))
        doc.setDefaultStyleSheet(reading_css())
        doc.setDocumentMargin(0)
        pack, sections = self.plan.pack, self.plan.sections
        reviewed, aid = review_line(pack.manifest), aid_page_line(pack.manifest)
        # (running title, the header's second line, html): a page of questions or meanings
        # said "Medically reviewed summary" above it.
        parts = [(s.title, aid if s.kind == AID else reviewed,
                  compose_page(pack, s, printed=True, plain_open=self.plan.includes_plain)) for s in sections]
        if self.plan.glossary:
            parts.append((texts.WORDS_USED, aid, glossary_html(pack, sections)))
        urls = web_addresses(sections)
        for number, url in enumerate(urls):
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(QR_URL.format(number=number)),
                            # Drawn large and scaled down, so the squares keep sharp edges on paper.
                            QImage.fromData(qr_png(url, scale=10)))
        qr_px = round(28 * self.mm * 72 / self.device.logicalDpiY())  # 28 mm: easy for a phone to read
        parts.append((texts.WEB_ADDRESSES, reviewed, addresses_html(urls, qr_px)))
        parts = [part for part in parts if part[2]]
        #: Each part's running title and the header's second line, numbered as their markers.
        self.parts = [(title, line) for title, line, _html in parts]
        # Each part starts with an explicit marker, so running headers never depend on counting
        # headings (a section with a second "# heading" shifted every later header).
        doc.setHtml(keep_words_whole("".join(f'<a name="{_PART_MARK}{number}"></a>{html}'
                                             for number, (_title, _line, html) in enumerate(parts))))
        hang_after_tick_boxes(doc)
        doc.setPageSize(QSizeF(self.body_rect.width(), self.body_rect.height()))
        keep_together(doc, self.body_rect.height())
        return doc

    def _part_starts(self) -> list[tuple[float, int]]:
        """(y, number in self.parts) where each part of the handout starts in the body."""
        layout = self.document.documentLayout()
        starts: list[tuple[float, int]] = []
        for block in blocks(self.document):
            # An empty anchor before a heading lands on the heading's first fragment or,
            # after another block, on the block's own character format: look at both.
            names = [*block.charFormat().anchorNames(),
                     *(name for piece in fragments(block) for name in piece.charFormat().anchorNames())]
            for name in dict.fromkeys(names):
                if name.startswith(_PART_MARK):
                    starts.append((layout.blockBoundingRect(block).top(), int(name[len(_PART_MARK):])))
        return starts

    def _running_part(self, starts: list[tuple[float, int]], top: float, page_height: float) -> tuple[str, str]:
        """The part a page is headed with: the one its first line belongs to. A page that opens with the end
        of the reviewed text and then starts the questions is headed as reviewed; the questions are labelled
        under their own heading. (A part that starts the page starts a little below its top: its heading's
        margin.)"""
        begun = [number for y, number in starts if y <= top + page_height * 0.05]
        number = begun[-1] if begun else 0
        return self.parts[number] if self.parts else ("", review_line(self.plan.pack.manifest))

    def _pages_with_text(self, page_height: float) -> int:
        """The document's pages, less a last one that only the last block's bottom margin reaches.

        That margin alone made a blank last page, with only the header and footer on it.
        """
        document = self.document
        last = document.lastBlock()
        while last.isValid() and not last.text().strip():
            last = last.previous()
        if not last.isValid():
            return max(1, document.pageCount())
        bottom = document.documentLayout().blockBoundingRect(last).bottom() - last.blockFormat().bottomMargin()
        return max(1, min(document.pageCount(), math.ceil(bottom / page_height)))

    def paint(self) -> int:
        painter = QPainter()
        if not painter.begin(self.device):
            raise OSError("the printer or file could not be opened for writing")
        try:
            page_height = self.body_rect.height()
            pages = self._pages_with_text(page_height)  # counted after the last keep-with-next layout
            starts = self._part_starts()
            for page in range(pages):
                if page:
                    self.device.newPage()
                title, line = self._running_part(starts, page * page_height, page_height)
                self._paint_body(painter, page)
                self._paint_header(painter, title, line)
                self._paint_footer(painter, page + 1, pages)
            return pages
        finally:
            painter.end()

    def _paint_body(self, painter: QPainter, page: int) -> None:
        height = self.body_rect.height()
        painter.save()
        painter.translate(self.body_rect.left(), self.body_rect.top() - page * height)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette = self.paper
        page_rect = QRectF(0, page * height, self.body_rect.width(), height)
        painter.setClipRect(page_rect)
        # Qt draws every line that touches the clip, and its lines' spacing reaches past their page: the last
        # line of a page and the first of the next were written on both, hidden, into the PDF's text (copied,
        # searched and read aloud twice). A little inside the page's edges, each is left to its own page.
        context.clip = page_rect.adjusted(0, self._clip_inset, 0, -1)
        self.document.documentLayout().draw(painter, context)
        painter.restore()

    def _paint_header(self, painter: QPainter, section_title: str, second_line: str) -> None:
        manifest = self.plan.pack.manifest
        rect = self.header_rect
        painter.setPen(QColor("#1b1b1b"))
        painter.setFont(self.header_bold)
        metrics = QFontMetricsF(self.header_font, self.device)
        line = metrics.lineSpacing()
        # The section's title takes what the summary's title leaves, shortened with "…" if it must be: in
        # large print "Questions to ask your care team" lost its first letter at the left edge.
        title_width = QFontMetricsF(self.header_bold, self.device).horizontalAdvance(manifest.title)
        painter.drawText(QRectF(rect.left(), rect.top(), title_width + 1, line), int(Qt.AlignmentFlag.AlignLeft),
                         manifest.title)
        room = rect.width() - title_width - metrics.horizontalAdvance("    ")
        painter.setFont(self.header_font)
        painter.drawText(QRectF(rect.right() - room, rect.top(), room, line), int(Qt.AlignmentFlag.AlignRight),
                         metrics.elidedText(section_title, Qt.TextElideMode.ElideRight, room))
        painter.drawText(QRectF(rect.left(), rect.top() + line, rect.width(), line), int(Qt.AlignmentFlag.AlignLeft),
                         second_line)
        painter.setPen(QPen(QColor("#6b7280"), max(1.0, 0.25 * self.mm)))
        painter.drawLine(QPointF(rect.left(), rect.bottom()), QPointF(rect.right(), rect.bottom()))

    def _paint_footer(self, painter: QPainter, page: int, pages: int) -> None:
        rect = self.footer_rect
        painter.setPen(QPen(QColor("#6b7280"), max(1.0, 0.25 * self.mm)))
        painter.drawLine(QPointF(rect.left(), rect.top()), QPointF(rect.right(), rect.top()))
        painter.setPen(QColor("#1b1b1b"))
        painter.setFont(self.footer_font)
        metrics = QFontMetricsF(self.footer_font, self.device)
        line = metrics.lineSpacing()
        text_top = rect.top() + line * 0.4
        below = line * 1.4 + self.clinic_height
        disclaimer_rect = QRectF(rect.left(), text_top, rect.width(), rect.height() - below)
        painter.drawText(disclaimer_rect, int(Qt.TextFlag.TextWordWrap), self.disclaimer)
        if self.clinic_text:
            top = rect.bottom() - line - self.clinic_height
            clinic_rect = QRectF(rect.left(), top, rect.width(), self.clinic_height)
            painter.drawText(clinic_rect, int(Qt.TextFlag.TextWordWrap), self.clinic_text)
        bottom = QRectF(rect.left(), rect.bottom() - line, rect.width(), line)
        painter.drawText(bottom, int(Qt.AlignmentFlag.AlignLeft), texts.PRINTED_ON.format(date=long_date(self.printed)))
        painter.drawText(bottom, int(Qt.AlignmentFlag.AlignRight), texts.PAGE_X_OF_Y.format(page=page, pages=pages))


def paint_handout(device: QPagedPaintDevice, plan: HandoutPlan, family: str, printed: dt.date | None = None) -> int:
    """Paint the handout onto device (a printer or PDF writer); return the page count."""
    return _PagePainter(device, plan, family, printed or dt.date.today()).paint()

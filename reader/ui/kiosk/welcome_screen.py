"""The kiosk's screen between patients: an invitation to start, with a text size or a topic chosen up front."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6 import QtCore
from PySide6.QtCore import Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLayout, QPushButton, QSpacerItem, QVBoxLayout, QWidget

from reader.content.escaping import button_text, label_text
from reader.kiosk.welcome import Topic
from reader.style.palettes import LIGHT
from reader.ui.kiosk.screens import TOUCH_GAP, Overlay, big_button, big_label

#: Below this width the topic tiles go two to a row, so that their titles fit.
THREE_COLUMNS_PX = 1100
#: Pixel sizes of the words on the size choices: each shows the size it gives.
_SIZE_PX = (24, 30, 36)
#: The Start button's height, and on a short screen.
_START_PX = {False: 96, True: 72}
#: Space between the groups of choices (Start, text sizes, topics).
_GAP_PX = 12


class AttractScreen(Overlay):
    """Shown between patients, below the disclaimer. Every choice starts a session; none changes what the
    next patient gets without one.

    startChosen(section_id, text_percent): Start, a tap anywhere, a text size or a topic.
    """

    startChosen = Signal(str, int)

    def __init__(self, parent: QWidget, below: QWidget, family: str, title: str, *,
                 sizes: Sequence[int], topics: Sequence[Topic], plain_disclaimer: str = "") -> None:
        super().__init__(parent, LIGHT.background, below, family)
        self._home = topics[0].section_id if topics else ""
        self._normal = sizes[0]
        hint = self.tr("Tap Start, a text size or a topic to begin.")
        self.setAccessibleName(self.tr("Welcome"))
        whole = QVBoxLayout(self)
        whole.setContentsMargins(0, 0, 0, 0)
        # The screen is the window's size, whatever its layout asks for: _fit_choices makes the layout ask for less.
        whole.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        #: The disclaimer in plain words, right under the disclaimer and in its colours: beside it, never instead.
        self.plain_disclaimer = big_label(plain_disclaimer, self, 22)
        self.plain_disclaimer.setAlignment(QtCore.Qt.AlignmentFlag.AlignLeft)
        self.plain_disclaimer.setStyleSheet(
            f"background: {LIGHT.banner_background}; color: {LIGHT.banner_text}; padding: 4px 16px 6px 48px;"
            f"border-bottom: 1px solid {LIGHT.banner_border};")
        self.plain_disclaimer.setVisible(bool(plain_disclaimer))
        whole.addWidget(self.plain_disclaimer)
        self._gaps: list[QSpacerItem] = []  # between the groups of choices; none on a short screen
        layout = self._choices = QVBoxLayout()
        whole.addLayout(layout, 1)
        layout.setSpacing(TOUCH_GAP)
        layout.addStretch(1)
        self.title = big_label(label_text(title), self, 40, bold=True)  # the pack's title, shown as written
        layout.addWidget(self.title)
        layout.addWidget(big_label(hint, self, 26))
        self._add_gap(layout)
        # A control with a role, for a screen reader and a keyboard: "Start reading, push button".
        self.start_button = big_button(self.tr("Start reading"), self, 32, _START_PX[False])
        self.start_button.setMinimumWidth(360)
        bold = self.start_button.font()
        bold.setBold(True)  # the largest and boldest: the one thing to do
        self.start_button.setFont(bold)
        #: How to start, said with the Start button, and the disclaimer in plain words, which a screen reader
        #: would not reach otherwise: no control shows it.
        self.start_hint = " ".join(part for part in (self.tr("Press Enter or tap anywhere on the screen to start."),
                                                     plain_disclaimer) if part)
        self.start_button.setAccessibleDescription(self.start_hint)
        self.start_button.clicked.connect(self.start_here)
        layout.addWidget(self.start_button, 0, QtCore.Qt.AlignmentFlag.AlignCenter)
        self._add_gap(layout)
        self.size_buttons = self._size_row(layout, sizes)
        self._add_gap(layout)
        self.topics_heading = big_label(self.tr("Or go straight to a topic:"), self, 24)
        layout.addWidget(self.topics_heading)
        self.topic_tiles = [self._tile(topic) for topic in topics]
        self._tiles = QGridLayout()
        self._tiles.setSpacing(TOUCH_GAP)
        self._columns = 0
        self._place_tiles(3)
        layout.addLayout(self._tiles)
        layout.addStretch(1)
        margin = 24
        layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)

    def _add_gap(self, layout: QVBoxLayout) -> None:
        """Space between two groups of choices, which a short screen gives up (_show_compact)."""
        self._gaps.append(QSpacerItem(0, _GAP_PX))
        layout.addItem(self._gaps[-1])

    def _size_row(self, layout: QVBoxLayout, sizes: Sequence[int]) -> list[QPushButton]:
        """"Text size: Normal Large Largest", each word at the size it gives, each starting the session."""
        names = (self.tr("Normal"), self.tr("Large"), self.tr("Largest"))
        spoken = (self.tr("Start reading with normal text"), self.tr("Start reading with large text"),
                  self.tr("Start reading with the largest text"))
        buttons: list[QPushButton] = []
        if len(sizes) < 2:
            return buttons  # the kiosk's size is already the largest: nothing to choose
        row = QHBoxLayout()
        row.setSpacing(TOUCH_GAP * 2)
        row.addStretch(1)
        row.addWidget(big_label(self.tr("Text size:"), self, 24))
        for index, percent in enumerate(sizes):
            button = big_button(names[index], self, _SIZE_PX[index], 72)
            button.setMinimumWidth(160)
            button.setAccessibleName(f"{names[index]}: {spoken[index]}")
            button.clicked.connect(lambda _=False, percent=percent: self.startChosen.emit(self._home, percent))
            row.addWidget(button)
            buttons.append(button)
        row.addStretch(1)
        layout.addLayout(row)
        return buttons

    def _tile(self, topic: Topic) -> QPushButton:
        tile = big_button(button_text(topic.title), self, 22, 64)
        tile.setAccessibleDescription(self.tr("Start reading here"))
        tile.clicked.connect(lambda _=False, section=topic.section_id: self.startChosen.emit(section, self._normal))
        return tile

    def _place_tiles(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for tile in self.topic_tiles:
            self._tiles.removeWidget(tile)
        for index, tile in enumerate(self.topic_tiles):
            self._tiles.addWidget(tile, index // columns, index % columns)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        self._place_tiles(3 if event.size().width() >= THREE_COLUMNS_PX else 2)
        self._fit_choices(event.size().width(), event.size().height())
        super().resizeEvent(event)

    def _fit_choices(self, width: int, height: int) -> None:
        """Every choice whole on a short screen (1024×768): without the title, which the header shows just
        above, the topics' heading, which the hint says already, the gaps between groups, and with a lower
        Start button."""
        self._show_compact(False)
        if self._least_height(width) > height:
            self._show_compact(True)

    def _least_height(self, width: int) -> int:
        """The height the screen needs at width as it is shown now, its wrapped lines and all.

        Qt measures a nested layout again only when told to.
        """
        self._choices.invalidate()
        whole = self.layout()
        assert whole is not None
        whole.invalidate()
        return whole.minimumHeightForWidth(width) if whole.hasHeightForWidth() else whole.minimumSize().height()

    def _show_compact(self, compact: bool) -> None:
        self.title.setVisible(not compact)
        self.topics_heading.setVisible(not compact)
        self.start_button.setMinimumHeight(_START_PX[compact])
        for gap in self._gaps:
            gap.changeSize(0, 0 if compact else _GAP_PX)

    def start_here(self) -> None:
        """The first page at the kiosk's own size."""
        self.startChosen.emit(self._home, self._normal)

    def present(self) -> None:
        super().present()
        self.start_button.setFocus()

    def mousePressEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        self.start_here()  # a tap anywhere else on the screen

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        keys = QtCore.Qt.Key
        key = event.key()
        if key in (keys.Key_Up, keys.Key_Down, keys.Key_Left, keys.Key_Right, keys.Key_Tab, keys.Key_Backtab):
            # Among the choices. Shift+Tab came here and started a session, leaving focus under the screen.
            forward = key in (keys.Key_Down, keys.Key_Right) or (
                key == keys.Key_Tab and not event.modifiers() & QtCore.Qt.KeyboardModifier.ShiftModifier)
            self.focusNextPrevChild(forward)
            return
        if key in (keys.Key_Shift, keys.Key_Control, keys.Key_Alt, keys.Key_Meta, keys.Key_CapsLock):
            return  # a modifier alone (a screen reader's, or the start of Shift+Tab) starts nothing
        self.start_here()  # any other key, as a tap anywhere

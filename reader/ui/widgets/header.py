"""The top bar: Back/Forward, the pack title with its review line, text size, print."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from reader.content.escaping import label_text
from reader.ui.widgets.named_button import named_button
from reader.ui.widgets.text_size import TextSizeControls

if TYPE_CHECKING:
    from PySide6.QtGui import QAction


#: Where the title block sits in the button row: after Contents, Back, Forward and a gap.
_TITLES_AT = 4


class HeaderBar(QWidget):
    def __init__(self, title: str, review: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("headerBar")
        # Disabled until attach_actions: the first frame has no history and no commands yet.
        self.back = named_button(self, self.tr("Back"), self.tr("Back"))
        self.forward = named_button(self, self.tr("Forward"), self.tr("Forward"))
        self.print_button = named_button(self, self.tr("Print"), self.tr("Print or save as PDF"))
        # Read aloud, Pause or Resume as reading goes (show_reading), at one width and in one place, so a
        # second tap where the first one was pauses. Stop shows only while reading, on its left: the row is
        # right-aligned, so it takes room on that side and Pause stays under the finger (it took Pause's place).
        self.read_button = named_button(self, self.tr("Read aloud"), self.tr("Read the page aloud"))
        self.stop_reading_button = named_button(self, self.tr("Stop"), self.tr("Stop reading aloud"))
        self.stop_reading_button.hide()
        #: Read aloud's state → the button's words and its name for a screen reader.
        self._reading_words = {"stopped": (self.tr("Read aloud"), self.tr("Read the page aloud")),
                               "speaking": (self.tr("Pause"), self.tr("Pause reading aloud")),
                               "paused": (self.tr("Resume"), self.tr("Resume reading aloud"))}
        self._fit_read_button()
        for button in (self.back, self.forward, self.print_button, self.read_button):
            button.setEnabled(False)
        # Only in a narrow window, where the contents and the text take turns.
        self.contents_button = named_button(self, self.tr("Contents"), self.tr("Show the contents"))
        self.contents_button.setCheckable(True)
        self.contents_button.hide()
        # Pack text, so shown exactly as written: markup in a title or kind would
        # otherwise be drawn (and its images loaded). label_text, not setTextFormat(),
        # whose enum would make PySide create the Qt namespace before the first frame.
        self.title = QLabel(label_text(title), self)
        self.title.setObjectName("packTitle")
        self.title.setWordWrap(True)
        self.title.setMinimumWidth(120)
        self.review = QLabel(label_text(review), self)
        self.review.setObjectName("reviewLine")
        self.review.setWordWrap(True)
        self.text_size = TextSizeControls(self)

        self._titles = QVBoxLayout()
        self._titles.setSpacing(0)
        self._titles.addWidget(self.title)
        self._titles.addWidget(self.review)
        self._row = QHBoxLayout()
        self._row.addWidget(self.contents_button)
        self._row.addWidget(self.back)
        self._row.addWidget(self.forward)
        self._row.addSpacing(8)
        self._row.addLayout(self._titles, 1)
        self._row.addWidget(self.text_size)
        self._row.addSpacing(8)
        self._row.addWidget(self.stop_reading_button)
        self._row.addWidget(self.read_button)
        self._row.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(self._row)
        #: In a narrow window: the title, with Read aloud beside it (the button row has no room left).
        self._top = QHBoxLayout()
        self._compact = False

    def set_compact(self, compact: bool) -> None:
        """In a narrow window the title gets a row of its own above the buttons, without the review line."""
        if compact == self._compact:
            return
        self._compact = compact
        self.review.setVisible(not compact)  # each page repeats it under its own title
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        listen = (self.stop_reading_button, self.read_button)  # Stop on the left, so Pause never moves
        if compact:
            self._row.removeItem(self._titles)
            self._row.insertStretch(_TITLES_AT, 1)
            self._top.addLayout(self._titles, 1)
            for button in listen:
                self._row.removeWidget(button)
                self._top.addWidget(button)
            outer.insertLayout(0, self._top)
        else:
            outer.removeItem(self._top)
            self._top.removeItem(self._titles)
            self._row.takeAt(_TITLES_AT)  # the stretch that stood in for the titles
            self._row.insertLayout(_TITLES_AT, self._titles, 1)
            for button in listen:
                self._top.removeWidget(button)
                self._row.insertWidget(self._row.indexOf(self.print_button), button)

    def keep_right_edge_free(self, width: int) -> None:
        """Leave width px free at the right end (a kiosk's staff corner sits there)."""
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        margins = outer.contentsMargins()
        outer.setContentsMargins(margins.left(), margins.top(), width, margins.bottom())

    def show_reading(self, state: str) -> None:
        """Read aloud's buttons for its state: "stopped", "speaking" or "paused"."""
        words = self._reading_words[state]
        action = self.read_button.defaultAction()
        if action is not None:
            action.setText(words[0])
            action.setIconText(words[0])
        self.read_button.setText(words[0])
        self.read_button.setAccessibleName(words[1])
        self.read_button.setToolTip(words[1])
        self.stop_reading_button.setVisible(state != "stopped")

    def _fit_read_button(self) -> None:
        """As wide as its longest words, whichever it shows."""
        metrics = self.read_button.fontMetrics()
        widest = max(metrics.horizontalAdvance(shown) for shown, _name in self._reading_words.values())
        self.read_button.setMinimumWidth(widest + metrics.horizontalAdvance("MM"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_read_button()

    def attach_actions(self, back: QAction, forward: QAction, print_action: QAction, read: QAction,
                       stop_reading: QAction) -> None:
        """The buttons take their words, state and shortcuts from these actions from now on."""
        for button, action in ((self.back, back), (self.forward, forward), (self.print_button, print_action),
                               (self.read_button, read), (self.stop_reading_button, stop_reading)):
            name = button.accessibleName()
            action.setIconText(button.text())  # the button's own words ("Stop"), the menu keeps the action's
            button.setDefaultAction(action)
            button.setAccessibleName(name)  # setDefaultAction overwrites both with the action's text
            button.setToolTip(name)

    def set_title_pixel_size(self, title_px: int) -> None:
        font = QFont(self.font())
        font.setPixelSize(title_px)
        font.setBold(True)
        self.title.setFont(font)

"""The handout dialog: which sections, normal or large print, the clinic's details, extras."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reader.content.escaping import button_text
from reader.content.handout_plan import HandoutPlan
from reader.content.model import Pack
from reader.ui.announce import announce, say_focus_of_filled_fields
from reader.ui.print.handout import CLINIC_LINES_MAX, clinic_lines
from reader.ui.widgets.clear_controls import make_controls_clear
from reader.ui.widgets.dialog_edge import edge


class _FormScroll(QScrollArea):
    """The dialog's form, as tall as it asks for where there is room (place_below shortens the dialog
    where there is not, and then it scrolls up and down, never sideways)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def follow_focus(self) -> None:
        """Scroll to whatever in the form takes focus, however it does (Tab does already; not a shortcut)."""
        form = self.widget()
        for control in form.findChildren(QWidget) if form is not None else ():
            if control.focusPolicy() != QtCore.Qt.FocusPolicy.NoFocus:
                control.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            self.ensureWidgetVisible(watched)
        return False

    def sizeHint(self) -> QSize:  # noqa: D102 (Qt API)
        form = self.widget()
        if form is None:
            return super().sizeHint()
        hint = form.sizeHint()
        # A line to spare: shown, in its final style, the form asks for a few pixels more than it did before.
        return QSize(hint.width() + self.verticalScrollBar().sizeHint().width(),
                     hint.height() + self.fontMetrics().lineSpacing())


class HandoutDialog(QDialog):
    """Builds a HandoutPlan; accepted with wants_pdf False (preview and print) or True (save a PDF)."""

    def __init__(self, pack: Pack, current_section: str, clinic: str = "", phone: str = "",
                 parent: QWidget | None = None, *, family: str = "") -> None:
        super().__init__(parent)
        self._pack = pack
        self._family = family
        self.wants_pdf = False
        self.setWindowTitle(self.tr("Print a handout"))
        edge(self)
        # Everything but the buttons scrolls, as one page, when the dialog must be shorter than it (large
        # text on a small screen): at 300 % the buttons were below the screen's edge, and when the sections
        # alone scrolled they got one row, under their own heading.
        form = QWidget(self)
        layout = QVBoxLayout(form)
        layout.setContentsMargins(0, 0, 0, 0)

        chosen = QGroupBox(self.tr("Sections to include"), self)
        chosen_layout = QVBoxLayout(chosen)
        self.sections: dict[str, QCheckBox] = {}
        for section in pack.sections:
            label = section.title + (self.tr(" (this page)") if section.id == current_section else "")
            box = QCheckBox(button_text(label), chosen)
            box.setChecked(True)  # the whole handout, as `export-pdf` makes it; untick what is not wanted
            chosen_layout.addWidget(box)
            self.sections[section.id] = box
        layout.addWidget(chosen)

        size = QGroupBox(self.tr("Print size"), self)
        size_layout = QVBoxLayout(size)
        self.normal = QRadioButton(self.tr("Normal print"), size)
        self.large = QRadioButton(self.tr("Large print (18 pt, wide margins)"), size)
        self.normal.setChecked(True)
        size_layout.addWidget(self.normal)
        size_layout.addWidget(self.large)
        layout.addWidget(size)

        self.glossary = QCheckBox(self.tr("Add the meanings of the medical words used"), self)
        layout.addWidget(self.glossary)
        # On by default for large print, whose readers most need them; ticked or not by hand, it stays so.
        self.plain = QCheckBox(self.tr("Include plain-language versions (“In plain words”)"), self)
        self.plain.setAccessibleDescription(self.tr("Not part of the medically reviewed summary; "
                                                    "on by default for large print"))
        self._plain_chosen = False
        self.plain.clicked.connect(self._remember_plain_choice)
        self.large.toggled.connect(self._plain_follows_print_size)
        layout.addWidget(self.plain)

        details = QFormLayout()
        self.clinic = QLineEdit(clinic, self)
        self.clinic.setAccessibleName(self.tr("Clinic name (optional)"))  # the words beside it, so one name is heard
        self.phone = QLineEdit(phone, self)
        self.phone.setAccessibleName(self.tr("Clinic phone (optional)"))
        details.addRow(self.tr("Clinic &name (optional)"), self.clinic)
        details.addRow(self.tr("Clinic p&hone (optional)"), self.phone)
        layout.addLayout(details)
        say_focus_of_filled_fields(self.clinic, self.phone)
        # Said while the details are typed, not only at Print: the phone number is what a patient needs most.
        self.fit_warning = QLabel("", self)
        self.fit_warning.setWordWrap(True)
        self.fit_warning.hide()
        layout.addWidget(self.fit_warning)
        for changed in (self.clinic.textChanged, self.phone.textChanged, self.large.toggled):
            changed.connect(self.check_clinic_fits)
        self.warning = QLabel("", self)
        layout.addWidget(self.warning)
        layout.addStretch(1)
        scrolled = _FormScroll(self)
        scrolled.setWidget(form)
        outer = QVBoxLayout(self)
        outer.addWidget(scrolled, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        preview = buttons.addButton(self.tr("&Preview and print…"), QDialogButtonBox.ButtonRole.AcceptRole)
        save = buttons.addButton(self.tr("&Save as PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        preview.setDefault(True)
        preview.clicked.connect(self.choose_print)
        save.clicked.connect(self.choose_pdf)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        make_controls_clear(self)  # its boxes and fields must show in dark themes and at large text
        scrolled.setMinimumWidth(scrolled.sizeHint().width())  # never sideways: only up and down
        scrolled.follow_focus()
        self.resize(self.sizeHint())  # whole, where the screen has room (adjustSize stops at 2/3 of it)

    def plan(self) -> HandoutPlan:
        chosen = tuple(s for s in self._pack.sections if self.sections[s.id].isChecked())
        return HandoutPlan(self._pack, chosen, large_print=self.large.isChecked(), clinic=self.clinic.text(),
                           phone=self.phone.text(), glossary=self.glossary.isChecked(), plain=self.plain.isChecked())

    def _remember_plain_choice(self) -> None:
        self._plain_chosen = True

    def _plain_follows_print_size(self, large: bool) -> None:
        if not self._plain_chosen:
            self.plain.setChecked(large)

    def check_clinic_fits(self) -> None:
        """Warn when the clinic's details would take more than CLINIC_LINES_MAX lines at the foot of every page."""
        lines = clinic_lines(self.plan(), self._family)
        too_long = lines > CLINIC_LINES_MAX
        if too_long:
            size = self.tr("large print") if self.large.isChecked() else self.tr("normal print")
            self.fit_warning.setText(self.tr(
                "In {size} the clinic's details take {lines} lines at the foot of every page, leaving less room "
                "for the text. Shorter details fit on one or two lines.").format(size=size, lines=lines))
        if too_long and not self.fit_warning.isVisible():
            announce(self.fit_warning, self.fit_warning.text())  # once as it appears, not at every key
        self.fit_warning.setVisible(too_long)

    def choose_print(self) -> None:
        self._finish(wants_pdf=False)

    def choose_pdf(self) -> None:
        self._finish(wants_pdf=True)

    def _finish(self, *, wants_pdf: bool) -> None:
        if not any(box.isChecked() for box in self.sections.values()):
            self.warning.setText(self.tr("Tick at least one section to print."))
            announce(self.warning, self.warning.text())
            return
        self.wants_pdf = wants_pdf
        self.accept()

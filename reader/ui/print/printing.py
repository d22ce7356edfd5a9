"""Print preview, printing and Save-as-PDF from the window."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from reader.content.handout_plan import HandoutPlan
from reader.content.model import Pack, Section
from reader.ui.print.handout import paint_handout, setup_page
from reader.ui.settings import Settings
from reader.ui.window_frame import resize_within_screen


def _tr(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


def print_with_preview(parent: QWidget, pack: Pack, section: Section, family: str, settings: Settings, *,
                       keep_below: int = 0) -> str | None:
    """The handout dialog, then the preview (whose toolbar prints) or a PDF; returns what to tell the reader.

    keep_below: the disclaimer's bottom edge on the screen; the dialog opens below it, no taller than the room.
    """
    from reader.ui.print.handout_dialog import HandoutDialog
    from reader.ui.widgets.dialogs import place_below

    dialog = HandoutDialog(pack, section.id, settings.clinic, settings.phone, parent, family=family)
    place_below(dialog, keep_below)
    # Cancelling a later step (the PDF offer, the file dialog) comes back here, choices kept.
    while dialog.exec() == QDialog.DialogCode.Accepted:
        plan = dialog.plan()
        settings.clinic, settings.phone = plan.clinic, plan.phone  # remembered for the next handout
        if not dialog.wants_pdf and _printer_available():
            _preview(parent, plan, family)
            return None
        wants_pdf = dialog.wants_pdf or _ask_without_printer(parent, plan, family)
        if wants_pdf:
            told = save_plan_with_dialog(parent, plan)
            if told is not None:
                return told
    return None  # cancelled: nothing printed, nothing written


def _ask_without_printer(parent: QWidget, plan: HandoutPlan, family: str) -> bool:
    """No printer: offer a PDF or a look at the pages; True if the reader chose the PDF."""
    ask = QMessageBox(QMessageBox.Icon.Question, _tr("No printer"),
                      _tr("No printer is set up on this computer. Save the handout as a PDF instead, "
                          "or look at its pages first?"), QMessageBox.StandardButton.NoButton, parent)
    save = ask.addButton(_tr("Save as PDF…"), QMessageBox.ButtonRole.AcceptRole)
    look = ask.addButton(_tr("Show the pages"), QMessageBox.ButtonRole.ActionRole)
    ask.addButton(_tr("Back"), QMessageBox.ButtonRole.RejectRole)  # Esc too: back to the handout's choices
    ask.setDefaultButton(save)
    ask.exec()
    if ask.clickedButton() is look:
        _preview(parent, plan, family, printer_present=False)
    return ask.clickedButton() is save


def _printer_available() -> bool:
    from PySide6.QtPrintSupport import QPrinterInfo

    return bool(QPrinterInfo.availablePrinters())


def _preview(parent: QWidget, plan: HandoutPlan, family: str, *, printer_present: bool = True) -> None:
    """The pages as they will print; without a printer, laid out for PDF paper (its Print does nothing useful)."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if not printer_present:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    setup_page(printer)
    preview = QPrintPreviewDialog(printer, parent)
    preview.setWindowTitle(_tr("Print preview"))
    preview.paintRequested.connect(partial(paint_handout, plan=plan, family=family))
    resize_within_screen(preview, 900, 900)
    preview.exec()


def export_with_dialog(parent: QWidget, pack: Pack) -> str | None:
    """Save the whole summary as a PDF chosen in a save dialog (File → Export PDF)."""
    return save_plan_with_dialog(parent, HandoutPlan(pack, pack.sections))


def save_plan_with_dialog(parent: QWidget, plan: HandoutPlan) -> str | None:
    """Ask where, write the PDF atomically; returns what to tell the reader, None if cancelled."""
    from reader.ui.print.export import export_plan

    name, _ = QFileDialog.getSaveFileName(parent, _tr("Save as PDF"), str(Path.home() / "ATL summary.pdf"),
                                          _tr("PDF files (*.pdf)"))
    if not name:
        return None  # cancelled: nothing is written
    try:
        pages = export_plan(plan, Path(name))
    except OSError as exc:
        from reader.content.escaping import label_text

        # The file name is the user's own typing: shown exactly as written, never read as markup.
        QMessageBox.warning(parent, _tr("Could not save the PDF"), label_text(
            _tr("The PDF could not be saved to {path}: {reason}").format(path=name, reason=exc.strerror or exc)))
        return None
    return _tr("Saved {pages} page(s) to {path}").format(pages=pages, path=name)


def print_direct(pack: Pack, section: Section, family: str, printer_name: str) -> str:
    """Print section on the named printer with no dialog (a kiosk); return what to tell the reader."""
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(printer_name)
    if not printer.isValid() or printer.printerName() != printer_name:
        return _tr("Printing is not available right now. Please ask at the front desk.")
    setup_page(printer)
    paint_handout(printer, HandoutPlan(pack, (section,)), family)
    return _tr("“{title}” is printing. Please collect it from the printer.").format(title=section.title)

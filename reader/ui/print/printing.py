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


def _tr(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


def print_with_preview(parent: QWidget, pack: Pack, section: Section, family: str, settings: Settings) -> str | None:
    """The handout dialog, then the preview (whose toolbar prints) or a PDF; returns what to tell the reader."""
    from reader.ui.print.handout_dialog import HandoutDialog

    dialog = HandoutDialog(pack, section.id, settings.clinic, settings.phone, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None  # cancelled: nothing printed, nothing written
    plan = dialog.plan()
    settings.clinic, settings.phone = plan.clinic, plan.phone  # remembered for the next handout
    if not dialog.wants_pdf and not _printer_available():
        answer = QMessageBox.question(
            parent, _tr("No printer"),
            _tr("No printer is set up on this computer. Save the handout as a PDF instead?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Save:
            return None
        return save_plan_with_dialog(parent, plan)
    if dialog.wants_pdf:
        return save_plan_with_dialog(parent, plan)
    _preview(parent, plan, family)
    return None


def _printer_available() -> bool:
    from PySide6.QtPrintSupport import QPrinterInfo

    return bool(QPrinterInfo.availablePrinters())


def _preview(parent: QWidget, plan: HandoutPlan, family: str) -> None:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    setup_page(printer)
    preview = QPrintPreviewDialog(printer, parent)
    preview.setWindowTitle(_tr("Print preview"))
    preview.paintRequested.connect(partial(paint_handout, plan=plan, family=family))
    preview.resize(900, 900)
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

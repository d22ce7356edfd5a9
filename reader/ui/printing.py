"""Print preview, printing and Save-as-PDF from the window."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from reader.content.model import Pack, Section
from reader.ui.handout import HandoutPlan, paint_handout, setup_page
from reader.ui.notice import NoticeBar


def _tr(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


def print_with_preview(parent: QWidget, pack: Pack, section: Section, family: str) -> None:
    """Ask what to print, then show the preview; its toolbar prints."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from reader.ui.dialogs import PrintChoiceDialog

    choice = PrintChoiceDialog(section.title, parent)
    if choice.exec() != QDialog.DialogCode.Accepted:
        return
    plan = HandoutPlan(pack, pack.sections if choice.whole_summary else (section,))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    setup_page(printer)
    preview = QPrintPreviewDialog(printer, parent)
    preview.setWindowTitle(_tr("Print preview"))
    preview.paintRequested.connect(partial(paint_handout, plan=plan, family=family))
    preview.resize(900, 900)
    preview.exec()


def export_with_dialog(parent: QWidget, pack: Pack, notice: NoticeBar) -> None:
    """Save the whole summary as a PDF chosen in a save dialog."""
    from reader.ui.export import export_pdf

    name, _ = QFileDialog.getSaveFileName(parent, _tr("Export PDF"), str(Path.home() / "ATL summary.pdf"),
                                          _tr("PDF files (*.pdf)"))
    if not name:
        return  # cancelled: nothing is written
    try:
        pages = export_pdf(pack, Path(name))
    except OSError as exc:
        QMessageBox.warning(parent, _tr("Could not save the PDF"),
                            _tr("The PDF could not be saved to {path}: {reason}").format(path=name, reason=exc.strerror or exc))
        return
    notice.show_message(_tr("Saved {pages} page(s) to {path}").format(pages=pages, path=name))


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

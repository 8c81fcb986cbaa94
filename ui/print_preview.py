"""The one print preview of a printed document: every view that prints opens it the same way.

A document is anything with print_to(printer) (and title(), when it has one), as the
documents of ui/report are. The dialog opens at a comfortable size that ui.screen_fit
then fits to the screen.
"""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget


def show_preview(parent: QWidget, document, title: str | None = None) -> QPrinter:
    """Open the preview of `document` and wait until it is closed; returns the printer it used."""
    # The dialog does not own its printer: it lives in this frame as long as the dialog does.
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if hasattr(document, "title"):
        printer.setDocName(document.title())
    dialog = QPrintPreviewDialog(printer, parent)
    if title:
        dialog.setWindowTitle(title)
    dialog.paintRequested.connect(document.print_to)
    dialog.resize(1000, 800)
    dialog.exec()
    dialog.deleteLater()
    return printer

"""Printing PDF bytes on the system's printer: the printer asked for, each page rendered and
fitted on its own sheet."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF
from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

#: Pages are rendered at the printer's resolution, but no finer: an A4 page at 1200 dpi would
#: be a 550 MB image, and 300 dpi is sharper than any count-centre printer needs.
MAX_PRINT_DPI = 300


def fitted(width: float, height: float, sheet: QRectF) -> QRectF:
    """The largest rectangle of this aspect ratio centred on the sheet."""
    scale = min(sheet.width() / width, sheet.height() / height)
    size = QRectF(0, 0, width * scale, height * scale)
    size.moveCenter(QPointF(sheet.center()))
    return size


def print_document(document: QPdfDocument, printer: QPrinter) -> str | None:
    """Paint each page of a loaded document on its own sheet; None, or why printing failed."""
    count = document.pageCount()
    if count < 1:
        return "The document could not be read for printing: save it as PDF and print that."
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        return (
            "The printer could not be started: check that it is switched on and connected, "
            "then print again."
        )
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for page in range(count):
            if page and not printer.newPage():
                return f"The printer stopped after page {page} of {count}: print again."
            points = document.pagePointSize(page)
            image = document.render(page, (points * dpi / 72).toSize())
            painter.drawImage(
                fitted(points.width(), points.height(), QRectF(painter.viewport())), image
            )
    finally:
        painter.end()
    return None


def print_pdf(pdf: bytes, printer: QPrinter) -> str | None:
    """Print PDF bytes (see ``print_document``); None, or why printing failed."""
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    try:
        return print_document(document, printer)
    finally:
        document.close()
        buffer.close()


def ask_for_printer(parent: QWidget | None, doc_name: str, title: str) -> QPrinter | None:
    """Ask which printer to print an A4 document on (full page); None if cancelled.

    The dialog is reached as this module's ``QPrintDialog`` so that tests can replace it.
    """
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)
    printer.setDocName(doc_name)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return printer if accepted else None


def printed_where(printer: QPrinter) -> str:
    """Where a document was printed, in words: the file or the printer's name."""
    return printer.outputFileName() or printer.printerName() or "the printer"

"""The preview of a document, page by page as it prints, with its zoom."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView

ZOOM_STEP = 1.25
MIN_ZOOM = 0.25
MAX_ZOOM = 5.0


class DocumentPreview(QPdfView):
    """The pages of a PDF document, as wide as the view to start with."""

    def __init__(self, document: QPdfDocument) -> None:
        super().__init__()
        self._document = document
        self.setObjectName("documentPreview")
        self.setAccessibleName("Preview of the document, as it prints")
        self.setPageMode(QPdfView.PageMode.MultiPage)
        self.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.setDocument(document)
        # The page sits on the window's dark mid tone so its white edge shows.
        self.viewport().setBackgroundRole(QPalette.ColorRole.Mid)

    def zoom_in(self) -> None:
        """Show the page larger."""
        self._zoom_to(self.effective_zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        """Show the page smaller."""
        self._zoom_to(self.effective_zoom() / ZOOM_STEP)

    def fit_width(self) -> None:
        """Show the page as wide as the view."""
        self.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def whole_page(self) -> None:
        """Show each page whole."""
        self.setZoomMode(QPdfView.ZoomMode.FitInView)

    def effective_zoom(self) -> float:
        """The zoom factor shown now, also when the page is fitted to the width."""
        if self.zoomMode() == QPdfView.ZoomMode.Custom or self._document.pageCount() < 1:
            return self.zoomFactor()
        # How QPdfView fits a page: its width in points at the screen's logical dpi.
        margins = self.documentMargins()
        available = self.viewport().width() - margins.left() - margins.right()
        points_wide = self._document.pagePointSize(0).width()
        screen = self.screen()
        dpi = self.logicalDpiX() if screen is None else screen.logicalDotsPerInch()
        page_pixels = points_wide * dpi / 72
        return available / page_pixels if page_pixels > 0 else 1.0

    def _zoom_to(self, factor: float) -> None:
        """Show the page at this zoom factor, within sensible bounds."""
        self.setZoomMode(QPdfView.ZoomMode.Custom)
        self.setZoomFactor(max(MIN_ZOOM, min(MAX_ZOOM, factor)))

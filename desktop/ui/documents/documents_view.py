"""The documents tab: the declaration of result (or the provisional sheet, or the memorandum of an
error found after the declaration) shown, printed and saved.

What is shown is the very PDF the services render (the bytes ``countdesk-cli declaration``
writes); printing paints those pages and saving writes those bytes, so the screen, the paper and
the file cannot differ. The document is rendered lazily: a change to the count only marks it out
of date, and it is rendered again when the view is on screen or asked to refresh.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import CountDeskError
from desktop.domain.model import Status
from desktop.ui.context import UiContext
from desktop.ui.documents import document_output
from desktop.ui.documents.document_buttons import (
    DECLARATION,
    LOCAL_TOTALS,
    MEMORANDUM,
    NOTICE,
    PRESS,
    PROVISIONAL,
    DocumentButtons,
    DocumentChoice,
)
from desktop.ui.documents.document_preview import DocumentPreview
from desktop.ui.documents.provisional_banner import ProvisionalBanner
from desktop.ui.headings import heading_label
from desktop.ui.lazy import ContestPage


class DocumentsView(ContestPage):
    """The declaration of result of one contest: preview, print and save as PDF."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("DocumentsView")
        self._pdf: bytes | None = None
        self._prefer_provisional = False
        #: What is shown: DECLARATION, PROVISIONAL or MEMORANDUM.
        self._shown_kind = DECLARATION
        self._prefer_memorandum = False
        self._prefer_press = False
        # The document reads from this buffer for as long as it is open, so both are members.
        self._buffer: QBuffer | None = None
        self._document = QPdfDocument(self)

        self._build()
        self._show_message("Choose a contest to see its declaration of result.")

    # -- layout --------------------------------------------------------------------------

    def _build(self) -> None:
        """Lay out the heading, the choice, the buttons, the banner and the preview."""
        self.heading = heading_label(name="documentHeading")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        choice = DocumentChoice()
        self.declaration_choice = choice.declaration
        self.provisional_choice = choice.provisional
        self.memorandum_choice = choice.memorandum
        self.press_choice = choice.press
        self._choice = choice
        self._choice_group = choice.group
        self._choice_group.buttonClicked.connect(self._on_choice)

        buttons = DocumentButtons()
        self.zoom_out_button = buttons.zoom_out
        self.zoom_in_button = buttons.zoom_in
        self.fit_width_button = buttons.fit_width
        self.whole_page_button = buttons.whole_page
        self.print_button = buttons.print
        self.save_button = buttons.save
        self.zoom_out_button.clicked.connect(self._on_zoom_out_clicked)
        self.zoom_in_button.clicked.connect(self._on_zoom_in_clicked)
        self.fit_width_button.clicked.connect(self._on_fit_width_clicked)
        self.whole_page_button.clicked.connect(self._on_whole_page_clicked)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)

        # The choice of document on a line of its own: with four documents it and the buttons
        # no longer fit side by side on a 1024-pixel laptop in large text.
        toolbar = QVBoxLayout()
        toolbar.addWidget(choice, 0, Qt.AlignmentFlag.AlignLeft)
        toolbar.addWidget(buttons, 0, Qt.AlignmentFlag.AlignRight)

        self.banner = ProvisionalBanner()
        self.banner_title = self.banner.title
        self.banner_label = self.banner.errors

        self.status_label = QLabel()
        self.status_label.setObjectName("documentStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.setAccessibleName("Document status")
        self.status_label.hide()

        self.message_label = QLabel()
        self.message_label.setObjectName("documentMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setAccessibleName("Why no document is shown")

        self.pdf_view = DocumentPreview(self._document)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.message_label)
        self.stack.addWidget(self.pdf_view)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(toolbar)
        layout.addWidget(self.banner)
        layout.addWidget(self.status_label)
        layout.addWidget(self.stack, 1)

    # -- public API ----------------------------------------------------------------------

    def set_contest(self, contest_id: str | None) -> None:
        """Show the documents of this contest (None: no contest chosen)."""
        if contest_id == self._contest_id and not self._stale:
            return
        changed = contest_id != self._contest_id
        self._contest_id = contest_id
        self.status_label.hide()
        self._stale = True
        if self.isVisible():
            self.refresh()
        elif changed:
            # Never keep another contest's bytes where Save or Print could reach them.
            self._show_message("The declaration of result is prepared when this tab is shown.")

    def refresh(self) -> None:
        """Render the document of the count that stands again, now."""
        self._refresh_timer.stop()
        self._stale = False
        contest_id = self._contest_id
        if contest_id is None:
            self._show_message("Choose a contest to see its declaration of result.")
            return
        desk = self._ctx.desk
        try:
            contest = desk.contest(contest_id)
            if desk.is_uncontested(contest_id):
                # No poll, so no sheet of its figures: the notice, a draft until declared.
                self._show_notice(contest.area, desk.uncontested_notice_pdf(contest_id))
                return
            if desk.latest_count(contest_id) is None:
                self._show_message(
                    f"No count recorded yet for {contest.area}: enter and record the count "
                    "first (Ctrl+3).",
                    contest.area,
                )
                return
            errors = desk.result(contest_id).errors
            found = bool(desk.errors_found(contest_id))
            memorandum = self._prefer_memorandum and found
            declared = contest.status is Status.DECLARED and not contest.is_local_count
            press = self._prefer_press and declared and not memorandum
            provisional = not (memorandum or press) and (self._prefer_provisional or bool(errors))
            if memorandum:
                pdf = desk.memorandum_pdf(contest_id)
            elif press:
                pdf = desk.press.contest_pdf(contest_id)
            else:
                # A local count's is the statement of local totals, not a declaration.
                pdf = desk.declaration_pdf(contest_id, provisional=provisional)
        except CountDeskError as exc:
            self._show_message(str(exc))
            return
        chosen = ((memorandum, MEMORANDUM), (press, PRESS), (provisional, PROVISIONAL))
        kind = next((name for on, name in chosen if on), DECLARATION)
        if kind == DECLARATION and contest.is_local_count:
            kind = LOCAL_TOTALS
        self._choice.set_shown(kind, errors, found)
        self.press_choice.setEnabled(declared)
        self.banner.show_errors(errors)
        self.heading.setText(f"{kind[0].upper()}{kind[1:]} – {contest.area}")
        self._load(pdf, kind)

    def _show_notice(self, area: str, pdf: bytes) -> None:
        """The notice of uncontested election: no provisional sheet or memorandum beside it."""
        self._choice.set_shown(DECLARATION, (), False)
        self.provisional_choice.setEnabled(False)
        self.provisional_choice.setToolTip("Uncontested: no poll, so no provisional result.")
        self.press_choice.setEnabled(False)
        self.declaration_choice.setToolTip(
            "The notice of uncontested election: a draft until the candidates are declared "
            "duly elected (Declare duly elected…), then the one kept."
        )
        self.banner.hide()
        self.heading.setText(f"Notice of uncontested election – {area}")
        self._load(pdf, NOTICE)

    def show_declaration(self) -> None:
        """Show the declaration (after the officer declares, it is the one kept)."""
        self._prefer_provisional = self._prefer_memorandum = self._prefer_press = False
        self.declaration_choice.setChecked(True)
        self.refresh()

    def show_memorandum(self) -> None:
        """Show the memorandum of the latest error found after the declaration."""
        self._prefer_provisional, self._prefer_memorandum, self._prefer_press = False, True, False
        self.refresh()

    def current_pdf(self) -> bytes | None:
        """The PDF bytes shown, exactly as printed and saved; None when nothing is shown."""
        return self._pdf

    @property
    def document(self) -> QPdfDocument:
        """The PDF document the preview shows (and printing paints)."""
        return self._document

    def print_document(self) -> None:
        """Ask for a printer and print the document shown, one page per sheet of A4."""
        document_output.print_shown(self)

    def print_to(self, printer: QPrinter) -> bool:
        """Paint each page of the document shown on its own sheet; False if printing failed."""
        return document_output.print_shown_to(self, printer)

    def save_document(self, path: str | None = None) -> str | None:
        """Write the document shown to ``path`` (asking where if None); the path saved, or None."""
        return document_output.save_shown(self, path)

    # -- Qt overrides --------------------------------------------------------------------

    # -- slots ---------------------------------------------------------------------------

    def _on_choice(self, button: QAbstractButton) -> None:
        """The user chose the declaration, the provisional sheet or the memorandum."""
        self._prefer_provisional = button is self.provisional_choice
        self._prefer_memorandum = button is self.memorandum_choice
        self._prefer_press = button is self.press_choice
        self.status_label.hide()
        self.refresh()

    def _on_zoom_in_clicked(self) -> None:
        """Show the page larger."""
        self.pdf_view.zoom_in()

    def _on_zoom_out_clicked(self) -> None:
        """Show the page smaller."""
        self.pdf_view.zoom_out()

    def _on_fit_width_clicked(self) -> None:
        """Show the page as wide as the view."""
        self.pdf_view.fit_width()

    def _on_whole_page_clicked(self) -> None:
        """Show each page whole."""
        self.pdf_view.whole_page()

    def _on_print_clicked(self) -> None:
        """Print the document shown."""
        self.print_document()

    def _on_save_clicked(self) -> None:
        """Save the document shown as PDF."""
        self.save_document()

    # -- helpers -------------------------------------------------------------------------

    def _ensure_current(self) -> None:
        """Render again first if the count changed since the document was shown."""
        if self._stale:
            self.refresh()

    def _say(self, text: str) -> None:
        """Tell the user what just happened, in the status line of the view."""
        self.status_label.setText(text)
        self.status_label.show()

    def banner_text(self) -> str:
        """The banner's words as one text (empty when no error stands)."""
        return self.banner.text()

    def _show_message(self, text: str, area: str = "") -> None:
        """Show a plain message instead of a document, and forget any document shown."""
        self._unload()
        self.heading.setText("Declaration of result" + (f" – {area}" if area else ""))
        self.banner.hide()
        self.message_label.setText(text)
        self.stack.setCurrentWidget(self.message_label)
        for widget in (*tuple(self._choice_group.buttons()), *self._controls()):
            widget.setEnabled(False)

    def _controls(self) -> tuple[QWidget, ...]:
        """What works on a document shown: zoom, print and save."""
        return (
            self.zoom_in_button,
            self.zoom_out_button,
            self.fit_width_button,
            self.whole_page_button,
            self.print_button,
            self.save_button,
        )

    def _load(self, pdf: bytes, kind: str) -> None:
        """Show these PDF bytes in the preview, keeping them for printing and saving."""
        self._unload()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self._document.load(buffer)
        if self._document.status() != QPdfDocument.Status.Ready:
            self._show_message(
                "The document could not be shown: save it as PDF from the command line "
                "(countdesk-cli declaration) and report this fault."
            )
            return
        self._pdf = pdf
        self._shown_kind = kind
        self.stack.setCurrentWidget(self.pdf_view)
        for widget in self._controls():
            widget.setEnabled(True)

    def _unload(self) -> None:
        """Close the document shown and let its buffer go."""
        self._pdf = None
        self._document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None

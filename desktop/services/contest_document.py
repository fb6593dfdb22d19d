"""The one document a contest prints now: the choice `countdesk-cli declaration ID` makes,
and the one every contest of a batch goes through.

Declared, it is the document kept at the declaration, byte for byte (never rendered again);
uncontested, the notice of uncontested election (the one kept, else a draft); a local count,
its statement of local totals (the one kept when sent, else a draft); otherwise the
draft declaration, refused while an error stands. A kind of document added later is chosen here, so that the single command, the
batch and the window give the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from desktop.domain.model import Contest
from desktop.services.documents import Documents, ErrorsStand
from desktop.services.local_count import LocalCount

__all__ = ["ContestDocument", "DocumentKind", "ErrorsStand", "contest_document"]


class DocumentKind(Enum):
    """What a contest's document is: its words, and the start of its file name."""

    DECLARATION = ("declaration of result", "declaration")
    DRAFT_DECLARATION = ("draft declaration of result", "draft-declaration")
    NOTICE = ("notice of uncontested election", "notice")
    DRAFT_NOTICE = ("draft notice of uncontested election", "draft-notice")
    LOCAL_TOTALS = ("statement of local totals", "local-totals")
    DRAFT_LOCAL_TOTALS = ("draft statement of local totals", "draft-local-totals")

    def __init__(self, words: str, stem: str) -> None:
        self.words = words
        self.stem = stem

    @property
    def kept(self) -> bool:
        """Whether it is the document kept when the result was declared (byte for byte)."""
        return self in (DocumentKind.DECLARATION, DocumentKind.NOTICE, DocumentKind.LOCAL_TOTALS)


@dataclass(frozen=True)
class ContestDocument:
    """A contest's document as PDF bytes, what kind it is and, once kept, when it was declared."""

    contest: Contest
    kind: DocumentKind
    pdf: bytes
    declared_at: datetime | None = None


def contest_document(
    documents: Documents, local: LocalCount, contest_id: str, *, printed_on: date
) -> ContestDocument:
    """The document ``contest_id`` prints now (see the module's docstring). A local count
    (``local``'s) is not declared: its document is the statement of local totals, the one kept
    when they were sent, else a draft.

    Raises CountDeskError where it has none: ErrorsStand while an error stands (P101–P103
    among them while the two entries are not one count), D908 if a kept document's bytes are not the ones
    recorded, and a plain refusal for an unknown contest.
    """
    store = documents.store
    contest = store.contest(contest_id)
    if contest.is_local_count:
        sent = local.sent(contest_id)
        if sent is not None:
            return ContestDocument(contest, DocumentKind.LOCAL_TOTALS, sent.pdf, sent.sent_at)
        pdf = local.statement_pdf(contest_id, printed_on)
        return ContestDocument(contest, DocumentKind.DRAFT_LOCAL_TOTALS, pdf)
    if documents.is_uncontested(contest_id):
        notice = store.uncontested_notice(contest_id)
        if notice is not None:
            pdf = documents.proof.checked_notice(notice)
            return ContestDocument(contest, DocumentKind.NOTICE, pdf, notice.declared_at)
        pdf = documents.uncontested_notice_pdf(contest_id, printed_on=printed_on)
        return ContestDocument(contest, DocumentKind.DRAFT_NOTICE, pdf)
    kept = [d for d in store.declarations(contest_id) if not d.is_legacy_correction]
    if kept:
        pdf = documents.proof.checked_declaration(kept[0])
        return ContestDocument(contest, DocumentKind.DECLARATION, pdf, kept[0].declared_at)
    # ErrorsStand while an error stands: an entry held for double entry is among them.
    pdf = documents.declaration_pdf(contest_id, printed_on=printed_on, refuse_entries=False)
    return ContestDocument(contest, DocumentKind.DRAFT_DECLARATION, pdf)

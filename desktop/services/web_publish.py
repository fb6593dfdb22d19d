"""Writing the results web pages into a folder: index.html, style.css, a page per contest and
each declared contest's declaration PDF beside its page.

The PDF is the one kept at the declaration, byte for byte (never rendered again). Each file is
written whole (``files.OutputFile``); a folder that is missing, read-only or full is refused in
one sentence (H104), and a folder whose index.html CountDesk did not write is never written
into (H105), so that publishing cannot overwrite the council's own site.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.model import Contest, Election
from desktop.domain.referendum import carried, result_sentence
from desktop.services.declared import DeclaredContest
from desktop.services.files import OutputFile, why_not
from reports.web.pages import GENERATOR, contest_html, index_html
from reports.web.snapshot import WebCandidate, WebContest, WebElection
from reports.web.style import STYLESHEET


@dataclass(frozen=True)
class Published:
    """What ``publish`` wrote: the folder, the index, how many contests and PDFs."""

    folder: Path
    index: Path
    contests: int
    declared: int
    pdfs: int


def page_name(contest_id: str) -> str:
    """A contest's page file name: its id with anything but [A-Za-z0-9._-] as "-"."""
    return re.sub(r"[^A-Za-z0-9._-]", "-", contest_id) + ".html"


def web_contest(
    declared: DeclaredContest | None, contest: Contest, pdf: bytes | None
) -> WebContest:
    """The page's snapshot of one contest: figures only where it is declared."""
    page = page_name(contest.id)
    if declared is None:
        return WebContest(contest.id, page, contest.area, contest.seats)
    result = declared.result
    answer = carried(result) if contest.type.referendum else None
    candidates = tuple(
        WebCandidate(
            name=line.candidate.display_name,
            name_in_words=line.candidate.name_in_words,
            description="" if contest.type.referendum else line.candidate.description,
            votes=None if declared.uncontested else line.votes,
            share=None if declared.uncontested else line.share,
            elected=(
                line.candidate.id == answer
                if contest.type.referendum
                else declared.uncontested or line.elected
            ),
            lot=line.lot_vote > 0,
        )
        for line in result.candidates
    )
    if declared.uncontested:
        return WebContest(
            contest.id,
            page,
            contest.area,
            contest.seats,
            declared_at=declared.declared_at,
            uncontested=True,
            candidates=candidates,
            electorate=contest.electorate,
            pdf=page.removesuffix(".html") + "-notice.pdf" if pdf else None,
            pdf_bytes=len(pdf or b""),
            unfilled=max(0, contest.seats - len(candidates)),
        )
    return WebContest(
        contest.id,
        page,
        contest.area,
        contest.seats,
        declared_at=declared.declared_at,
        referendum=contest.type.referendum,
        question=contest.question,
        candidates=candidates,
        valid_votes=result.valid_votes,
        rejected=result.rejected_total,
        papers_verified=result.ballot_papers_verified,
        valid_papers_counted=None if contest.seats == 1 else result.valid_papers_counted,
        electorate=contest.electorate,
        turnout=result.turnout,
        majority=None if contest.type.referendum else result.majority,
        majority_share=None if contest.type.referendum else result.majority_share,
        outcome=result_sentence(result) if contest.type.referendum else "",
        pdf=page.removesuffix(".html") + "-declaration.pdf" if pdf else None,
        pdf_bytes=len(pdf or b""),
    )


def check_folder(folder: Path) -> None:
    """Create the folder if its parent exists; refuse one that cannot take the pages."""
    if folder.exists() and not folder.is_dir():
        raise CountDeskError(
            f"{folder} is a file, not a folder: choose a folder for the results pages.",
            Code.H104,
        )
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        why, todo = why_not(exc)
        raise CountDeskError(
            f"The folder {folder} cannot be used for the results pages ({why}), so nothing "
            f"was published: {todo}.",
            Code.H104,
        ) from None
    index = folder / "index.html"
    if index.exists():
        try:
            head = index.read_text(encoding="utf-8", errors="replace")[:2000]
        except OSError:
            head = ""
        if f'<meta name="generator" content="{GENERATOR}">' not in head:
            raise CountDeskError(
                f"{index} was not written by CountDesk (the council's own site, perhaps), so "
                "nothing was published, to overwrite nobody's page: choose an empty folder, or "
                "the one CountDesk published to before.",
                Code.H105,
            )


def write_site(
    folder: Path,
    election: Election,
    contests: list[tuple[Contest, DeclaredContest | None]],
    pdf_of: Callable[[DeclaredContest], bytes],
    updated: datetime,
) -> Published:
    """Write the election's pages (and the PDFs kept) into ``folder``; see the module."""
    check_folder(folder)
    files: list[tuple[str, bytes]] = []
    pages = []
    for contest, declared in contests:
        pdf = None if declared is None else pdf_of(declared)
        page = web_contest(declared, contest, pdf)
        pages.append(page)
        if pdf is not None and page.pdf:
            files.append((page.pdf, pdf))
    site = WebElection(
        election.id,
        election.title,
        election.authority or election.id,
        election.poll_date,
        tuple(pages),
        updated,
    )
    files.append(("style.css", STYLESHEET.encode("utf-8")))
    files += [(page.page, contest_html(site, page).encode("utf-8")) for page in pages]
    # The index last: a folder whose index.html is CountDesk's has its pages beside it.
    files.append(("index.html", index_html(site).encode("utf-8")))
    for name, data in files:
        path = folder / name
        try:
            OutputFile(path).write(data)
        except OSError as exc:
            why, todo = why_not(exc)
            raise CountDeskError(
                f"{path} could not be written ({why}), so the results pages in {folder} are "
                f"incomplete: {todo}, then publish again.",
                Code.H104,
            ) from None
    return Published(
        folder,
        folder / "index.html",
        len(pages),
        sum(1 for p in pages if p.declared),
        sum(1 for p in pages if p.pdf),
    )

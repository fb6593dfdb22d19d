"""The live checks beside the count entry: totals, majority, who would be elected, findings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QListView,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.arithmetic import ContestResult
from desktop.domain.figures import format_figure, format_percent
from desktop.domain.referendum import result_sentence
from desktop.ui.findings_model import FindingsModel


def papers_words(result: ContestResult) -> str:
    """Several seats: whether valid papers counted + rejected make the papers verified."""
    counted, rejected, papers = (
        result.valid_papers_counted,
        result.rejected_total,
        result.ballot_papers_verified,
    )
    if counted is None:
        if result.recorded_before_papers_counted:
            return "– (this count was recorded before papers counted were asked for)"
        return "– (valid ballot papers counted not entered)"
    sum_words = f"{format_figure(counted)} + {format_figure(rejected)}"
    gap = result.papers_unaccounted
    if papers is None or gap is None:
        return f"{sum_words} (ballot papers verified not entered)"
    if gap == 0:
        allowed = f"{format_figure(counted)} to {format_figure(result.seats * counted)}"
        return f"{sum_words} = {format_figure(papers)} – the papers add up (votes {allowed})"
    if gap > 0:
        return f"{format_figure(gap)} papers not accounted for ({sum_words} of {format_figure(papers)})"
    return f"{format_figure(-gap)} papers too many ({sum_words} over {format_figure(papers)})"


class LivePanel(QWidget):
    """Figures that update on every keystroke, a tie banner, and the findings list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Live checks")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.tie_banner = QLabel()
        self.tie_banner.setObjectName("tieBanner")
        self.tie_banner.setWordWrap(True)
        self.tie_banner.setFrameShape(QFrame.Shape.Box)
        self.tie_banner.setLineWidth(3)
        self.tie_banner.setMargin(8)
        self.tie_banner.setAccessibleName("Tie: lots needed")
        big = self.tie_banner.font()
        big.setBold(True)
        big.setPointSizeF(big.pointSizeF() * 1.25)
        self.tie_banner.setFont(big)
        self.tie_banner.setAutoFillBackground(True)
        self.tie_banner.setBackgroundRole(self.tie_banner.palette().ColorRole.Highlight)
        self.tie_banner.setForegroundRole(self.tie_banner.palette().ColorRole.HighlightedText)
        self.tie_banner.hide()
        layout.addWidget(self.tie_banner)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        self._values: dict[str, QLabel] = {}
        self._labels: dict[str, QLabel] = {}
        rows = [
            ("valid", "Valid votes"),
            ("rejected", "Rejected papers"),
            ("papers", "Ballot papers verified"),
            ("unaccounted", "Unaccounted papers"),
            ("leader", "Leader"),
            ("runner_up", "Runner-up"),
            ("majority", "Majority"),
            ("turnout", "Turnout"),
            ("elected", "Would be elected"),
            ("deposits", "Deposits"),
        ]
        for row, (key, text) in enumerate(rows):
            label = QLabel(text)
            value = QLabel("–")
            value.setObjectName(f"live_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            value.setAccessibleName(text)
            font = value.font()
            font.setBold(True)
            if key in ("unaccounted", "majority"):
                font.setPointSizeF(font.pointSizeF() * 1.3)
            value.setFont(font)
            label.setBuddy(value)
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
            self._labels[key] = label
            self._values[key] = value
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)

        heading = QLabel("Checks")
        heading_font = heading.font()
        heading_font.setBold(True)
        heading.setFont(heading_font)
        layout.addWidget(heading)
        self.all_clear = QLabel("✔ All checks pass.")
        self.all_clear.setObjectName("allClear")
        clear_font = self.all_clear.font()
        clear_font.setBold(True)
        self.all_clear.setFont(clear_font)
        layout.addWidget(self.all_clear)
        self.findings_model = FindingsModel(self)
        self.findings_view = QListView()
        self.findings_view.setModel(self.findings_model)
        self.findings_view.setWordWrap(True)
        self.findings_view.setUniformItemSizes(False)
        self.findings_view.setAlternatingRowColors(True)
        self.findings_view.setAccessibleName("Findings: errors and warnings")
        self.findings_view.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.findings_view, 1)
        layout.addStretch(0)

    def value_text(self, key: str) -> str:
        """The text shown for one figure (for tests and accessibility)."""
        return self._values[key].text()

    def _show_referendum(self, result: ContestResult) -> None:
        """A referendum: votes for the answers, the leading answer and which carried (or that
        the votes are equal); no one elected and no deposits."""
        referendum = result.contest.type.referendum
        self._labels["valid"].setText("Votes for the answers" if referendum else "Valid votes")
        self._labels["elected"].setText("Result" if referendum else "Would be elected")
        for key in ("deposits",):
            self._labels[key].setVisible(not referendum)
            self._values[key].setVisible(not referendum)
        if not referendum:
            return
        if result.complete:
            self._labels["leader"].setText("Leading answer")
            self._labels["runner_up"].setText("Next answer")
        else:
            self._labels["leader"].setText("Leading so far")
        sentence = result_sentence(result)
        self._values["elected"].setText(sentence or "– (when every figure is in)")

    def show_result(self, result: ContestResult) -> None:
        """Show the figures and findings of a result."""
        seats = result.contest.seats
        v = self._values
        v["valid"].setText(format_figure(result.valid_votes))
        v["rejected"].setText(format_figure(result.rejected_total))
        v["papers"].setText(format_figure(result.ballot_papers_verified))
        if seats == 1:
            self._labels["unaccounted"].setText("Unaccounted papers")
            unaccounted = result.unaccounted
            if unaccounted is None:
                text = "– (ballot papers verified not entered)"
            elif unaccounted == 0:
                text = "0 – the figures add up"
            elif unaccounted > 0:
                text = f"{format_figure(unaccounted)} papers not yet accounted for"
            else:
                text = f"{format_figure(-unaccounted)} too many (votes + rejected over papers)"
            v["unaccounted"].setText(text)
        else:
            self._labels["unaccounted"].setText("Papers counted + rejected")
            v["unaccounted"].setText(papers_words(result))
        names = {line.candidate.id: line for line in result.candidates}

        def name_votes(cid: int | None) -> str:
            if cid is None:
                return "–"
            line = names[cid]
            return f"{line.candidate.display_name} ({format_figure(line.votes or 0)})"

        # With several seats the question is who is last in and who is first out.
        first, second = (
            (result.leader, result.runner_up)
            if seats == 1
            else (result.last_elected, result.first_not_elected)
        )
        # Until every figure is in, the order is only of the figures entered so far: it is
        # named so, and no majority or share is shown that could be read as a result.
        if result.complete:
            words = ("Leader", "Runner-up") if seats == 1 else ("Last elected", "First not elected")
        elif seats == 1:
            words = ("Leading so far", "Second so far")
        else:
            words = ("Last in so far", "First out so far")
        self._labels["leader"].setText(words[0])
        self._labels["runner_up"].setText(words[1])
        v["leader"].setText(name_votes(first) if result.valid_votes else "–")
        v["runner_up"].setText(name_votes(second) if result.valid_votes else "–")
        self._labels["majority"].setText("Majority" if seats == 1 else "Margin")
        if not result.complete:
            v["majority"].setText("– (when every figure is in)")
        elif result.majority is None or not result.valid_votes:
            v["majority"].setText("–")
        else:
            decided = " (decided by lot)" if result.lots_applied else ""
            v["majority"].setText(
                f"{format_figure(result.majority)} votes, "
                f"{format_percent(result.majority_share)}% of valid votes{decided}"
            )
        v["turnout"].setText(
            "–"
            if result.turnout is None
            else f"{format_percent(result.turnout)}% (papers ÷ electorate)"
        )
        elected = [names[cid].candidate.display_name for cid in result.elected]
        if result.tie is not None and not result.lots_applied:
            pending = "; tie to be decided by lot"
        else:
            pending = ""
        v["elected"].setText(("; ".join(elected) or "–") + pending if result.valid_votes else "–")
        forfeited = result.deposits_forfeited
        if result.contest.type.has_deposit and result.complete and forfeited is not None:
            kept = sum(1 for line in result.candidates if line.deposit_kept)
            pounds = result.contest.type.deposit_pounds
            v["deposits"].setText(
                f"{kept} kept, {forfeited} forfeited (£{pounds or 0:,} each; 5% of valid votes "
                "or less)"
            )
        elif result.contest.type.has_deposit:
            v["deposits"].setText("– (when every figure is in)")
        else:
            v["deposits"].setText("No deposits at this election")

        if result.contest.is_local_count:
            # Nobody is elected and no deposit decided on one voting area's totals.
            v["elected"].setText("– (a local count: the area's returning officer declares)")
            v["deposits"].setText("– (decided on the whole area's totals)")
        if result.tie is not None and result.contest.is_local_count:
            self.tie_banner.setText(
                "Candidates are tied in this voting area: no lots are drawn at a local count; "
                "the local totals are sent as they are."
            )
            self.tie_banner.show()
        elif result.tie is not None and not result.lots_applied:
            tied = [names[cid].candidate.display_name for cid in result.tie.candidates]
            self.tie_banner.setText(
                f"⚠ TIE – LOTS MUST BE DRAWN: {', '.join(tied)} are tied on "
                f"{format_figure(result.tie.votes)} votes for "
                f"{'the seat' if seats == 1 else 'the last seat' if result.tie.places == 1 else f'the last {result.tie.places} seats'}."
                " The Returning Officer decides by lot before the declaration."
            )
            self.tie_banner.show()
        else:
            self.tie_banner.hide()
        self._show_referendum(result)
        self.findings_model.set_findings(result.findings)
        self.all_clear.setVisible(not result.findings)
        self.findings_view.setVisible(bool(result.findings))

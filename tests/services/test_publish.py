"""The results web pages: what they say, what they never say, and folders that cannot take them."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from desktop.cli import cli
from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.services import CountDesk
from desktop.services.web_publish import page_name
from tests import referendum_night
from tests.declared import declare_batley
from tests.published import ODD_NAMES_CSV, ODD_WARD, count_ward, declare_single
from tests.sample import BATLEY, WARD

NOW = datetime(2021, 7, 2, 4, 0, tzinfo=UTC)


class Outline(HTMLParser):
    """The headings, captions, scripts, the text and the lang of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.captions = 0
        self.scripts = 0
        self.lang = ""
        self.text: list[str] = []
        self.svg_roles: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        self.captions += tag == "caption"
        self.scripts += tag == "script"
        if tag == "html":
            self.lang = dict(attrs).get("lang") or ""
        if tag == "svg":
            self.svg_roles.append(dict(attrs).get("role") or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def outline(path: Path) -> Outline:
    parser = Outline()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _published(desk: CountDesk, folder: Path):
    desk.publishing.now = lambda: NOW
    return desk.publishing.publish(None, folder)


def test_batley_publishes_an_index_a_page_and_the_declaration_kept(db_path, tmp_path):
    desk = CountDesk.open(db_path)
    kept = declare_batley(desk)
    site = tmp_path / "site"
    done = _published(desk, site)
    assert (done.contests, done.declared, done.pdfs) == (1, 1, 1)
    page = site / page_name(BATLEY)
    assert page.exists() and (site / "style.css").exists()
    pdf = site / (page.stem + "-declaration.pdf")
    assert pdf.read_bytes() == kept  # the kept bytes, never rendered again
    index = outline(site / "index.html")
    assert index.lang == "en-GB" and index.headings == [1] and index.captions == 1
    assert "Batley and Spen" in "".join(index.text)
    assert page.name in (site / "index.html").read_text(encoding="utf-8")
    shown = outline(page)
    assert shown.lang == "en-GB"
    assert shown.headings[0] == 1 and all(h == 2 for h in shown.headings[1:])
    assert shown.captions == 1 and shown.scripts == 0
    assert shown.svg_roles == ["img"]
    text = " ".join(shown.text)
    for words in ("LEADBEATER, Kim", "13,296", "35.27%", "Elected", "Majority", "323",
                  "47.61%", "37,786", "79,373", "Rejected ballot papers"):  # fmt: skip
        assert words in text, words
    html = page.read_text(encoding="utf-8")
    assert '<title id="chart-title">Votes for each candidate, Batley and Spen</title>' in html
    assert pdf.name in html


def test_names_and_descriptions_are_escaped(db_path, tmp_path):
    desk = CountDesk.open(db_path)
    csv_path = tmp_path / "odd.csv"
    csv_path.write_text(ODD_NAMES_CSV, encoding="utf-8")
    desk.import_candidates(csv_path, "Importer")
    declare_single(desk, ODD_WARD, {"<script>alert(1)</script>": 300, "Mary O'Brien": 200})
    site = tmp_path / "site"
    _published(desk, site)
    for path in site.glob("*.html"):
        html = path.read_text(encoding="utf-8").lower()
        assert "<script" not in html and "<b>" not in html and "<docks>" not in html
    page = (site / page_name(ODD_WARD)).read_text(encoding="utf-8")
    assert "&lt;script&gt;" in page.lower() and "O&#x27;Brien &amp; Sons" in page
    assert "Fish &amp; Chips &lt;b&gt;Party&lt;/b&gt;" in page
    text = " ".join(outline(site / page_name(ODD_WARD)).text)
    assert "Quayside & <Docks>" in text and "O'Brien & Sons" in text


def test_a_contest_not_declared_shows_no_figures(db_path, tmp_path):
    desk = CountDesk.open(db_path)
    count_ward(desk, declare=False)  # the provisional result shown, not declared
    site = tmp_path / "site"
    done = _published(desk, site)
    assert (done.declared, done.pdfs) == (0, 0)
    page = (site / page_name(WARD)).read_text(encoding="utf-8")
    assert "Result awaited" in page
    for figure in ("2,100", "2100", "Elected", "ALDER"):
        assert figure not in page
    assert "Awaited" in (site / "index.html").read_text(encoding="utf-8")
    assert not list(site.glob("*.pdf"))


def test_a_three_seat_ward_and_a_referendum(tmp_path):
    desk, _pdf = referendum_night.declared(tmp_path / "night.sqlite")
    count_ward(desk)
    desk.publishing.now = lambda: NOW
    ward = desk.publishing.publish(desk.contest(WARD).election_id, tmp_path / "w")
    text = " ".join(outline(tmp_path / "w" / page_name(WARD)).text)
    assert "Margin" in text and "250" in text
    assert "Valid ballot papers counted" in text and "3,970" in text
    assert text.count("Elected") >= 3
    assert ward.declared == 1
    referendum = desk.contest(referendum_night.KIRKSTALL)
    desk.publishing.publish(referendum.election_id, tmp_path / "r")
    text = " ".join(outline(tmp_path / "r" / page_name(referendum.id)).text)
    assert referendum_night.QUESTION in text
    assert "“Yes” carried" in text and "Elected" not in text and "Majority" not in text


def test_a_folder_that_cannot_be_written_is_a_plain_message(db_path, tmp_path):
    desk = CountDesk.open(db_path)
    declare_batley(desk)
    with pytest.raises(CountDeskError) as missing:
        desk.publishing.publish(None, tmp_path / "no" / "such" / "folder")
    assert missing.value.code is Code.H104 and "nothing was published" in str(missing.value)
    a_file = tmp_path / "file"
    a_file.write_text("x")
    with pytest.raises(CountDeskError) as not_folder:
        desk.publishing.publish(None, a_file)
    assert not_folder.value.code is Code.H104
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        with pytest.raises(CountDeskError) as read_only:
            desk.publishing.publish(None, locked)
        assert read_only.value.code is Code.H104


def test_another_sites_index_is_never_overwritten(db_path, tmp_path):
    desk = CountDesk.open(db_path)
    declare_batley(desk)
    site = tmp_path / "council"
    site.mkdir()
    (site / "index.html").write_text("<html><body>The council's home page</body></html>")
    with pytest.raises(CountDeskError) as refused:
        desk.publishing.publish(None, site)
    assert refused.value.code is Code.H105
    assert "home page" in (site / "index.html").read_text()
    assert len(list(site.iterdir())) == 1
    # Publishing again into CountDesk's own folder is fine.
    _published(desk, tmp_path / "ours")
    _published(desk, tmp_path / "ours")


def test_the_cli_publishes_and_refuses_in_words(db_path, tmp_path):
    desk = CountDesk.open(db_path)
    declare_batley(desk)
    desk.close()
    runner = CliRunner()
    done = runner.invoke(cli, ["publish", "--db", str(db_path), "-o", str(tmp_path / "site")])
    assert done.exit_code == 0, done.output
    assert "Published 1 declared result (1 declaration PDF)" in done.output
    refused = runner.invoke(
        cli, ["publish", "--db", str(db_path), "--election", "parl.nowhere", "-o", str(tmp_path)]
    )
    assert refused.exit_code == 1 and "no election" in refused.output
    assert "Traceback" not in refused.output


def test_an_uncontested_contest_declared_has_no_poll_in_any_output(db_path, tmp_path):
    import csv
    import io
    import json
    from datetime import date

    desk = CountDesk.open(db_path)
    contest = desk.create_contest(
        "T",
        type_code="local",
        poll_date=date(2026, 5, 7),
        area="Abbey",
        seats=2,
        organisation="Testborough Borough Council",
    )
    desk.add_candidate(contest.id, "T", "Able", "Ann", "Labour Party")
    desk.set_contest_details(
        contest.id,
        "T",
        officer_name="Jane Officer",
        imprint_address="Town Hall, Testborough TB1 1AA",
        authority="Testborough Borough Council",
    )
    notice = desk.declare(contest.id, "Supervisor", "Jane Officer")
    site = tmp_path / "site"
    done = _published(desk, site)
    assert done.pdfs == 1
    assert (site / (page_name(contest.id)[:-5] + "-notice.pdf")).read_bytes() == notice
    text = " ".join(outline(site / page_name(contest.id)).text)
    assert "elected unopposed" in text and "Ann ABLE" in text
    assert "1 seat remains unfilled" in text
    assert "Votes" not in text and "Turnout" not in text
    (row,) = csv.DictReader(io.StringIO(desk.publishing.export(None, "dc-results").text))
    assert (row["elected"], row["votes_cast"], row["turnout_percentage"]) == ("True", "", "")
    report = json.loads(desk.publishing.export(None, "cdf").text)
    from tests.services.test_results_out import _errors

    assert _errors(report) == []
    (election,) = report["Election"]
    assert election["BallotCounts"] == []
    (selection,) = election["Contest"][0]["ContestSelection"]
    assert "VoteCounts" not in selection
    assert election["Candidate"][0]["PostElectionStatus"] == "winner"

"""The findings catalogue (DOMAIN.md §7): stable codes, fixed severities, plain sentences.

The same code appears on screen, in the CLI, in exports and in the audit log, so every code
the domain emits must be in the catalogue, and every catalogue code must be one the domain
can actually emit.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.double_entry import EntryState, KeyedEntry, entry_finding
from desktop.domain.election_types import ELECTION_TYPES, election_type_for
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import FigureProblem, bundle_total, parse_figure
from desktop.domain.findings import CATALOGUE, Finding, Severity, sort_findings
from desktop.domain.model import Candidate, Status
from desktop.domain.verification import BoxKind, VerificationLine, verification_findings
from desktop.domain.workflow import NightState, count_blockers, transition_blockers
from tests.domain.builders import lots, make_candidates, make_contest, run_count

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once

CODE = re.compile(r"[A-Z][0-9]{3}")


def test_codes_match_the_pattern_and_their_key():
    for key, entry in CATALOGUE.items():
        assert CODE.fullmatch(key), key
        assert entry.code == key


def test_codes_are_unique_and_titles_are_distinct():
    codes = [entry.code for entry in CATALOGUE.values()]
    titles = [entry.title for entry in CATALOGUE.values()]
    assert len(set(codes)) == len(codes)
    assert len(set(titles)) == len(titles)
    assert all(title and title[0].isupper() for title in titles)


def test_catalogue_is_in_code_order_within_each_family():
    """Findings of one severity are listed in catalogue order: keep each family in code order."""
    codes = list(CATALOGUE)
    for family in {code[0] for code in codes}:
        members = [code for code in codes if code[0] == family]
        assert members == sorted(members)
        first = codes.index(members[0])
        assert codes[first : first + len(members)] == members  # families are not interleaved


@pytest.mark.parametrize(
    ("code", "severity"),
    [
        ("F102", Severity.ERROR),
        ("C201", Severity.ERROR),
        ("C202", Severity.ERROR),
        ("C203", Severity.ERROR),
        ("C205", Severity.ERROR),
        ("T301", Severity.ERROR),
        ("T302", Severity.WARNING),
        ("T303", Severity.ERROR),
        ("L401", Severity.ERROR),  # a tie blocks the provisional result until lots are drawn
        ("L402", Severity.WARNING),
        ("L403", Severity.INFO),
        ("W601", Severity.WARNING),
        ("W602", Severity.WARNING),
        ("W603", Severity.WARNING),
        ("W604", Severity.WARNING),
        ("I701", Severity.INFO),
    ],
)
def test_severity_of_codes_a_count_relies_on(code, severity):
    assert CATALOGUE[code].severity is severity
    assert Finding(code, "x.").severity is severity
    assert Finding(code, "x.").is_error is (severity is Severity.ERROR)


def test_prefix_matches_severity_for_warnings_and_info():
    for code, entry in CATALOGUE.items():
        if code.startswith("W"):
            assert entry.severity is Severity.WARNING, code
        if code.startswith("I"):
            assert entry.severity is Severity.INFO, code
        if code[0] in "FC":
            assert entry.severity is Severity.ERROR, code


def test_as_dict_has_code_severity_and_message():
    finding = Finding("C201", "The figures do not add up.", {"unaccounted": 1})
    assert finding.as_dict() == {
        "code": "C201",
        "severity": "error",
        "message": "The figures do not add up.",
        "figures": {"unaccounted": 1},
    }


def test_as_dict_leaves_out_empty_figures():
    assert Finding("T303", "Set the officer.").as_dict() == {
        "code": "T303",
        "severity": "error",
        "message": "Set the officer.",
    }


def test_as_dict_figures_are_a_copy():
    figures = {"majority": 1}
    data = Finding("W604", "Small.", figures).as_dict()
    data["figures"]["majority"] = 99
    assert figures == {"majority": 1}


def test_as_dict_severity_is_plain_text():
    assert type(Finding("W601", "x.").as_dict()["severity"]) is str


def test_sort_findings_errors_then_warnings_then_info_in_catalogue_order():
    findings = [
        Finding("I701", "i."),
        Finding("W604", "w4."),
        Finding("L403", "l3."),
        Finding("T303", "t3."),
        Finding("W601", "w1."),
        Finding("C201", "c1."),
        Finding("T302", "t2."),
    ]
    assert [f.code for f in sort_findings(findings)] == [
        "C201",
        "T303",
        "T302",
        "W601",
        "W604",
        "L403",
        "I701",
    ]


def test_sort_findings_is_stable_for_the_same_code():
    findings = [Finding("W602", "first.", subject=3), Finding("W602", "second.", subject=1)]
    assert [f.subject for f in sort_findings(findings)] == [3, 1]


def test_findings_compare_without_their_figures():
    assert Finding("C201", "m.", {"a": 1}) == Finding("C201", "m.", {"a": 2})
    assert hash(Finding("C201", "m.", {"a": 1})) == hash(Finding("C201", "m.", {"a": 2}))


# ---------------------------------------------------------------------------------------------
# Every catalogue code can be produced, and is produced with a plain sentence


def _refusal(text: str):
    def make():
        with pytest.raises(FigureProblem) as caught:
            parse_figure(text)
        return [caught.value.code], [caught.value.message]

    return make


def _error(call):
    def make():
        with pytest.raises(CountDeskError) as caught:
            call()
        return [caught.value.code], [caught.value.message]

    return make


def _count(*args, **kwargs):
    def make():
        run = run_count(*args, **kwargs)
        return run.codes, [f.message for f in run.result.findings]

    return make


SCENARIOS = {
    "F101": _refusal(""),
    "F102": _refusal("8.264"),
    "F103": _refusal("-5"),
    "F104": _refusal("12a"),
    "F105": _refusal("8,26"),
    "F106": _refusal("100,000,000"),
    "F107": _error(lambda: ELECTION_TYPES["parl"].heading("rejected_in_part")),
    "F108": _error(lambda: election_type_for("gla.2021-05-06")),
    "F109": _error(lambda: bundle_total(3, 50, 50)),
    "C201": _count([600, 399], rejected=1, papers=1001),
    "C202": _count([96, 96, 90, 7], seats=3, rejected=4, papers=100, papers_counted=None),
    "C203": _count([97, 10, 10, 10], seats=3, rejected=4, papers=100),
    "C204": _count([0, 0], rejected=11, papers=10),
    "C205": _count([600, 400], rejected=91, rejected_total_entered=92),
    "C206": _count([100, None], papers=100),
    "C207": _count(
        [60, 40],
        rejected={
            "official_mark": None,
            "too_many_votes": 0,
            "identifying_mark": 0,
            "unmarked_or_void": 0,
        },
    ),
    "C208": _count([60, 40], papers=None, electorate=1000),
    "C210": _count([], papers=0),
    "C212": _count(
        [60, 40, 30],
        seats=2,
        type_code="local",
        rejected={
            "official_mark": 0,
            "too_many_votes": 0,
            "identifying_mark": 0,
            "unmarked_or_void": 0,
            "rejected_in_part": 101,
        },
        papers=100,
    ),
    "C213": _count(
        [60, 40],
        type_code="local",
        rejected={
            "official_mark": 0,
            "too_many_votes": 0,
            "identifying_mark": 0,
            "unmarked_or_void": 0,
            "rejected_in_part": 3,
        },
    ),
    "C214": _count([40, 30, 20], seats=2, papers=100, papers_counted=None),
    "C220": _count([40, 30, 20], seats=2, papers=100, papers_counted=None),
    "C221": _count([600, 500, 500], seats=3, papers=1000, papers_counted=600),
    "C222": _count([7000, 6000, 4872], seats=15, papers=2477, rejected=12, papers_counted=1165),
    "W605": _count(
        [40, 30, 20], seats=2, papers=40, papers_counted=None, before_papers_counted=True
    ),
    "T301": _count([700, 301], papers=1001, electorate=1000),
    "T302": _count([60, 40], electorate=None),
    "T303": _count([60, 40], officer=""),
    "L401": _count([10, 10, 5]),
    "L402": _count([11, 10, 5], lots=lots([1, 2], [2])),
    "L403": _count([10, 10, 5], lots=lots([1, 2], [2])),
    "W601": _count([500, 489], rejected=11, papers=1000),
    "W602": _count([100, 0, 50]),
    "W603": _count([70, 29], papers=99, electorate=1000),
    "W604": _count([101, 100]),
    "I701": _count([60, 40], seats=2),
}


def _night(to, *, lines=(), result_args=None, status=Status.SETUP, candidates=2, acked=()):
    """The findings blocking a move, from a NightState built here (no database)."""

    def make():
        result = run_count(result_args[0], **result_args[1]).result if result_args else None
        contest = replace(
            result.contest if result else run_count([1, 0]).result.contest, status=status
        )
        state = NightState(
            contest, candidates, tuple(lines), result, frozenset(acked), unrecorded_changes=False
        )
        found = transition_blockers(state, to)
        return [f.code for f in found], [f.message for f in found]

    return make


def _names_to_confirm():
    """A contest in setup whose import split "Dara Ó Briain" at its particle, unconfirmed."""
    contest = replace(run_count([1, 0]).result.contest, status=Status.SETUP)
    dara = Candidate(1, "Ó Briain", "Dara", person_name="Dara Ó Briain", split_to_confirm=True)
    return NightState(contest, 2, (), None, names_to_confirm=(dara,))


def _unrecorded():
    result = run_count([60, 40]).result
    contest = replace(result.contest, status=Status.COUNT)
    state = NightState(contest, 2, (), result, frozenset(), unrecorded_changes=True)
    found = count_blockers(state)
    return [f.code for f in found], [f.message for f in found]


def _service(action):
    """A refusal from the services, on an in-memory database with a small contest."""

    def make():
        from desktop.services import CountDesk

        desk = CountDesk.open(":memory:")
        contest = desk.create_contest(
            "T", type_code="parl", poll_date=date(2024, 7, 4), area="Testshire"
        )
        a = desk.add_candidate(contest.id, "T", "Able", "Ann")
        b = desk.add_candidate(contest.id, "T", "Baker", "Bob")
        desk.set_contest_details(
            contest.id,
            "T",
            electorate=100,
            ballot_papers_verified=60,
            officer_name="O",
            imprint_address="Town Hall",
            authority="Testshire Council",
        )
        with pytest.raises(CountDeskError) as caught:
            action(desk, contest.id, a.id, b.id)
        return [caught.value.code], [caught.value.message]

    return make


def _to_provisional(desk, cid, a, b):
    desk.advance(cid, "verification", "T")
    desk.advance(cid, "count", "T")
    desk.record_count(cid, {a: 40, b: 20}, {}, "T")
    desk.advance(cid, "provisional", "T")


def _declared(desk, cid, a, b):
    _to_provisional(desk, cid, a, b)
    desk.declare(cid, "T", "O")


def _s802(desk, cid, a, b):
    _declared(desk, cid, a, b)
    desk.set_draft_votes(cid, a, 1, "T")


def _s803(desk, cid, a, b):
    _declared(desk, cid, a, b)
    desk.record_recount_request(cid, "T", requested_by="X", role="agent", decision="full")


def _s806(desk, cid, a, b):
    _to_provisional(desk, cid, a, b)
    desk.declare(cid, "T", "Not the officer")


def _boxes(desk, cid):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "boxes.csv"
        path.write_text("reference,name,kind,issued\nB1,Hall,box,60\n")
        desk.import_verification_csv(cid, path, "T")


def _s807(desk, cid, a, b):
    _boxes(desk, cid)
    desk.set_contest_facts(cid, "T", ballot_papers_verified=61)


def _v504(desk, cid, a, b):
    _boxes(desk, cid)
    desk.set_box_counted(cid, "B1", 60, "T")
    desk.record_count(cid, {a: 40, b: 20}, {}, "T")
    desk.remove_box(cid, "B1", "T")


def _v505(desk, cid, a, b):
    _boxes(desk, cid)
    desk.correct_box(cid, "B1", "T", kind="proxy")


def _combined_file(desk, cid, a, b, rows: str):
    """Import a combined boxes file of these rows (the contest is ``cid``; {cid} in rows)."""
    import tempfile
    from pathlib import Path

    path = Path(tempfile.mkdtemp()) / "combined.csv"
    path.write_text("reference,name,kind,poll,issued\n" + rows.format(cid=cid), encoding="utf-8")
    desk.polls.import_csv(path, "T")


def _v509(desk, cid, a, b):
    other = desk.create_contest("T", type_code="pcc", poll_date=date(2024, 7, 4), area="Shire")
    desk.add_candidate(other.id, "T", "Cole", "Cat")
    desk.add_candidate(other.id, "T", "Dean", "Dan")
    _combined_file(desk, cid, a, b, f"B1,Hall,box,{{cid}},10\nB1,School,box,{other.id},10\n")


def _v506():
    from desktop.domain.combined import cross_poll_findings, shared_boxes
    from desktop.domain.model import Contest

    def poll(cid: str, area: str) -> Contest:
        return Contest(cid, cid.rsplit(".", 2)[0] + ".2026-05-07", area, 1, date(2026, 5, 7))

    ward = poll("local.town.north.2026-05-07", "North")
    pcc = poll("pcc.shire.2026-05-07", "Shire")
    boxes = shared_boxes([(ward, [replace(BOX, counted=97)]), (pcc, [replace(BOX, counted=103)])])
    found = cross_poll_findings(boxes)
    return [f.code for f in found], [f.message for f in found]


def _s809(desk, cid, a, b):
    _to_provisional(desk, cid, a, b)
    desk.set_draft_votes(cid, a, 1, "T")


BOX = VerificationLine("B1", "Hall", BoxKind.BOX, 100)
SCENARIOS |= {
    "V501": lambda: (
        [f.code for f in verification_findings([replace(BOX, counted=101)])],
        [f.message for f in verification_findings([replace(BOX, counted=101)])],
    ),
    "V502": _night(Status.COUNT, lines=[BOX], status=Status.VERIFICATION),
    "S801": _night(Status.DECLARED),
    "S802": _service(_s802),
    "S803": _service(_s803),
    "S804": _night(Status.PROVISIONAL, result_args=([100, 0, 50], {}), status=Status.COUNT),
    "S805": _night(Status.PROVISIONAL, status=Status.COUNT),
    # No authority and no imprint address in a NightState built bare.
    "T304": _night(Status.DECLARED, result_args=([60, 40], {}), status=Status.PROVISIONAL),
    "S806": _service(_s806),
    "S807": _service(_s807),
    "S808": _unrecorded,
    "S809": _service(_s809),
    "S810": _service(
        lambda desk, cid, a, b: (
            _to_provisional(desk, cid, a, b),
            desk.record_recount_request(
                cid, "T", requested_by="X", role="agent", decision="refused"
            ),
        )
    ),
    "S811": _service(
        lambda desk, cid, a, b: (
            _declared(desk, cid, a, b),
            desk.record_error_found(
                cid, "T", found_by="X", reason=" ", votes={a: 39, b: 21}, rejected={}
            ),
        )
    ),
    "S812": _service(
        lambda desk, cid, a, b: (
            desk.record_count(cid, {a: 40, b: 20}, {}, "T"),
            desk.update_candidate(cid, a, "T", surname="Baker"),
        )
    ),
    "L406": _service(
        lambda desk, cid, a, b: (
            desk.advance(cid, "verification", "T"),
            desk.advance(cid, "count", "T"),
            desk.record_count(cid, {a: 30, b: 30}, {}, "T"),
            desk.advance(cid, "provisional", "T"),
            desk.record_lots(cid, [a], "T"),
            desk.record_lots(cid, [b], "T"),
        )
    ),
    "L407": _service(
        lambda desk, cid, a, b: (
            desk.record_count(cid, {a: 30, b: 30}, {}, "T"),
            desk.record_lots(cid, [a], "T"),
        )
    ),
    "S813": _service(
        lambda desk, cid, a, b: (
            desk.remove_candidate(cid, b, "T"),
            desk.advance(cid, "verification", "T"),
        )
    ),
    "V503": _service(lambda desk, cid, a, b: desk.set_box_counted(cid, "NOPE", 1, "T")),
    "V504": _service(_v504),
    "V505": _service(_v505),
    "V506": _v506,
    "V507": _service(lambda *args: _combined_file(*args, "B1,Hall,box,parl.unknown,10\n")),
    "V508": _service(
        lambda *args: _combined_file(*args, "B1,Hall,box,{cid},10\nB1,Hall,box,{cid},10\n")
    ),
    "V509": _service(_v509),
    "P101": lambda: _entry_scenario(EntryState(KeyedEntry(1, "Clerk 1", {"votes:1": 5}))),
    "P102": lambda: _entry_scenario(
        EntryState(
            KeyedEntry(1, "Clerk 1", {"votes:1": 5, "votes:2": 7}),
            KeyedEntry(2, "Clerk 2", {"votes:1": 7, "votes:2": 5}),
        )
    ),
    "P103": lambda: _entry_scenario(
        EntryState(
            KeyedEntry(1, "Clerk 1", {"votes:1": 5}),
            KeyedEntry(2, "Clerk 2", {}),
            frozenset({"votes:1"}),
        )
    ),
    "R104": _count([500, 500], type_code="ref"),
    "N101": lambda: (
        [f.code for f in transition_blockers(_names_to_confirm(), Status.VERIFICATION)],
        [f.message for f in transition_blockers(_names_to_confirm(), Status.VERIFICATION)],
    ),
    "A101": lambda: _found(transition_blockers(_local_count_unnamed(), Status.DECLARED)),
    "A109": lambda: _found(_areas_awaited()),
    "A110": lambda: _found(
        transition_blockers(_local_count_unnamed(electorate=None), Status.DECLARED)
    ),
}


def _found(findings) -> tuple[list[str], list[str]]:
    return [f.code for f in findings], [f.message for f in findings]


def _local_count_unnamed(electorate: int | None = 1000) -> NightState:
    """A PCC local count at the provisional result whose voting area is not named."""
    result = run_count([60, 40]).result
    contest = replace(
        result.contest,
        id="pcc.testshire.2024-07-04",
        status=Status.PROVISIONAL,
        electorate=electorate,
    )
    return NightState(contest, 2, (), result, authority="Testshire Council")


def _areas_awaited():
    """An area result with two voting areas listed and none of their local totals in."""
    from desktop.services import CountDesk

    desk = CountDesk.open(":memory:")
    contest = desk.create_contest(
        "T", type_code="pcc", poll_date=date(2024, 5, 2), area="Testshire"
    )
    return desk.area.setup(contest.id, ["North", "South"], "T").findings


def _entry_scenario(state: EntryState) -> tuple[list[str], list[str]]:
    finding = entry_finding(state, make_contest(), make_candidates(2))
    assert finding is not None
    return [finding.code], [finding.message]


def test_every_catalogue_code_has_a_scenario():
    assert set(SCENARIOS) == set(CATALOGUE)


@pytest.mark.parametrize("code", list(SCENARIOS))
def test_every_catalogue_code_is_emitted_with_a_plain_sentence(code):
    codes, messages = SCENARIOS[code]()
    assert code in codes
    for message in messages:
        assert message and not message[0].islower(), message
        assert message.endswith("."), message
        assert "\n" not in message
        assert "Traceback" not in message
        assert "None" not in message  # a missing figure is described, never printed as None


@pytest.mark.parametrize("code", list(SCENARIOS))
def test_every_emitted_code_is_in_the_catalogue(code):
    codes, _ = SCENARIOS[code]()
    assert set(codes) <= set(CATALOGUE)


# ---------------------------------------------------------------------------------------------
# Properties: whatever the figures, every finding is a catalogued, plain, JSON-ready record

maybe_figure = st.one_of(st.none(), st.integers(min_value=0, max_value=3_000))


@given(
    votes=st.lists(maybe_figure, max_size=7),
    seats=st.integers(min_value=1, max_value=3),
    rejected=st.fixed_dictionaries(
        {
            "official_mark": maybe_figure,
            "too_many_votes": maybe_figure,
            "identifying_mark": maybe_figure,
            "unmarked_or_void": maybe_figure,
        }
    ),
    papers=maybe_figure,
    electorate=maybe_figure,
    officer=st.sampled_from(["", "Jane Officer"]),
    rejected_total_entered=maybe_figure,
)
def test_any_figures_give_only_catalogued_findings(
    votes, seats, rejected, papers, electorate, officer, rejected_total_entered
):
    run = run_count(
        votes,
        seats=seats,
        rejected=rejected,
        papers=papers,
        electorate=electorate,
        officer=officer,
        rejected_total_entered=rejected_total_entered,
    )
    for finding in run.result.findings:
        assert finding.code in CATALOGUE
        data = finding.as_dict()
        assert set(data) <= {"code", "severity", "message", "figures"}
        assert data["severity"] in {"error", "warning", "info"}
        assert finding.message.endswith(".")
        assert all(type(v) in (int, str) for v in finding.figures.values())


def test_many_missing_figures_are_one_finding_and_a_few_are_named():
    from datetime import date

    from desktop.domain.arithmetic import MISSING_LISTED, compute_result
    from desktop.domain.model import Candidate, Contest, CountFigures

    contest = Contest(
        "parl.x.2024-07-04", "parl.2024-07-04", "X", 1, date(2024, 7, 4), 100, 50, "O"
    )
    people = [Candidate(i, f"Surname{i}", "A") for i in range(1, 6)]
    few = {c.id: (None if c.id <= MISSING_LISTED else 1) for c in people}
    named = [
        f for f in compute_result(contest, people, CountFigures(few)).findings if f.code == "C206"
    ]
    assert [f.subject for f in named] == [1, 2, 3]
    many = {c.id: (None if c.id <= MISSING_LISTED + 1 else 1) for c in people}
    grouped = [
        f for f in compute_result(contest, people, CountFigures(many)).findings if f.code == "C206"
    ]
    assert len(grouped) == 1
    assert grouped[0].figures == {"missing": MISSING_LISTED + 1}
    assert "4 of the 5 candidates" in grouped[0].message

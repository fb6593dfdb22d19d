"""Election types (DOMAIN.md §2, §4, §5): rejected-paper headings, deposits, wording.

The headings printed on the declaration are statutory and differ by type; a wrong or missing
heading makes the declaration wrong. They are data, looked up from the election id's prefix.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from fractions import Fraction

import pytest

from desktop.domain.election_types import (
    ELECTION_TYPES,
    ElectionType,
    election_type_for,
    kind_from_organisation,
)
from desktop.domain.errors import CountDeskError
from desktop.domain.model import Election
from tests.domain.builders import make_contest

PARL_KEYS = ("official_mark", "too_many_votes", "identifying_mark", "unmarked_or_void")


def test_parliamentary_headings():
    parl = ELECTION_TYPES["parl"]
    assert parl.heading_keys == PARL_KEYS
    assert [h.letter for h in parl.headings] == ["a", "b", "c", "d"]
    assert all(h.wholly_rejected for h in parl.headings)
    assert parl.heading("too_many_votes").label == "Voting for more than one candidate"
    assert "official mark" in parl.heading("official_mark").label.lower()
    assert "identified" in parl.heading("identifying_mark").label.lower()
    assert "unmarked" in parl.heading("unmarked_or_void").label.lower()


def test_parliamentary_d_has_no_wholly_but_local_d_does():
    # Parliamentary Elections Rules r.47: "unmarked or void for uncertainty"; the local rules
    # say "wholly" because a multi-vote paper may be void only in part (DOMAIN.md §5).
    parl = ELECTION_TYPES["parl"].heading("unmarked_or_void").label
    local = ELECTION_TYPES["local"].heading("unmarked_or_void").label
    assert parl == "Being unmarked or void for uncertainty"
    assert local == "Being unmarked or wholly void for uncertainty"


def test_local_headings_add_rejected_in_part():
    local = ELECTION_TYPES["local"]
    assert local.heading_keys == (*PARL_KEYS, "rejected_in_part")
    assert [h.letter for h in local.headings] == ["a", "b", "c", "d", "e"]
    # Papers rejected in part keep their good votes: printed under (e) but not in R.
    assert local.heading("rejected_in_part").wholly_rejected is False
    assert all(h.wholly_rejected for h in local.headings[:4])
    assert (
        local.heading("too_many_votes").label
        == "Voting for more candidates than the voter was entitled to"
    )


def test_pcc_splits_unmarked_and_void_for_uncertainty():
    pcc = ELECTION_TYPES["pcc"]
    assert pcc.heading_keys == (
        "official_mark",
        "too_many_votes",
        "identifying_mark",
        "unmarked",
        "void_for_uncertainty",
    )
    assert "unmarked_or_void" not in pcc.heading_keys
    assert len(pcc.headings) == 5
    assert pcc.heading("unmarked").letter == "d"
    assert pcc.heading("void_for_uncertainty").letter == "e"
    assert all(h.wholly_rejected for h in pcc.headings)


@pytest.mark.parametrize("code", list(ELECTION_TYPES))
def test_every_type_has_well_formed_headings(code):
    etype = ELECTION_TYPES[code]
    assert etype.code == code
    keys = etype.heading_keys
    assert len(set(keys)) == len(keys)
    letters = [h.letter for h in etype.headings]
    assert letters == [chr(ord("a") + i) for i in range(len(letters))]  # printed (a), (b), …
    assert all(h.label and h.label[0].isupper() for h in etype.headings)
    assert etype.officer_title
    assert etype.elected_as_one.endswith(f"for the said {etype.area_word}")
    assert etype.elected_as_many.endswith(f"for the said {etype.area_word}")
    assert etype.area_word


@pytest.mark.parametrize(
    ("code", "one", "many"),
    [
        (
            "parl",
            "Member of Parliament for the said constituency",
            "Members of Parliament for the said constituency",
        ),
        ("local", "Councillor for the said ward", "Councillors for the said ward"),
        (
            "pcc",
            "Police and Crime Commissioner for the said police area",
            "Police and Crime Commissioners for the said police area",
        ),
    ],
)
def test_declaration_wording_completes_duly_elected_as(code, one, many):
    etype = ELECTION_TYPES[code]
    assert etype.elected_as_one == one
    assert etype.elected_as_many == many


def test_unknown_heading_is_refused_naming_the_headings_of_the_type():
    with pytest.raises(CountDeskError) as caught:
        ELECTION_TYPES["parl"].heading("rejected_in_part")
    assert caught.value.code == "F107"
    for key in PARL_KEYS:
        assert key in caught.value.message
    assert "UK Parliamentary election" in caught.value.message


def test_deposits():
    assert ELECTION_TYPES["parl"].has_deposit
    assert ELECTION_TYPES["parl"].deposit_threshold == Fraction(1, 20)
    assert ELECTION_TYPES["parl"].deposit_pounds == 500
    assert not ELECTION_TYPES["local"].has_deposit
    assert ELECTION_TYPES["local"].deposit_pounds is None
    assert ELECTION_TYPES["pcc"].deposit_pounds == 5000


@pytest.mark.parametrize(
    ("votes", "valid", "kept"),
    [(50, 1000, False), (51, 1000, True), (49, 1000, False), (0, 0, False), (1, 20, False)],
)
def test_deposit_kept_is_strictly_more_than_one_twentieth(votes, valid, kept):
    assert ELECTION_TYPES["parl"].deposit_kept(votes, valid) is kept


def test_deposit_kept_is_none_without_a_deposit():
    assert ELECTION_TYPES["local"].deposit_kept(0, 1000) is None
    assert ELECTION_TYPES["local"].deposit_kept(1000, 1000) is None


def test_deposit_threshold_is_exact_for_other_fractions():
    """The London Assembly list threshold is 2.5%: the rule must work for any Fraction."""
    gla_list = ElectionType(
        code="gla-test",
        name="test",
        headings=(),
        deposit_threshold=Fraction(1, 40),
        deposit_pounds=5000,
        officer_title="Returning Officer",
        office_one="x",
        office_many="x",
        area_word="x",
    )
    assert gla_list.deposit_kept(25, 1000) is False
    assert gla_list.deposit_kept(26, 1000) is True


@pytest.mark.parametrize(
    ("election_id", "code"),
    [
        ("parl.2021-07-01", "parl"),
        ("parl.batley-and-spen.by.2021-07-01", "parl"),
        ("local.wandsworth.2014-05-22", "local"),
        ("local.wandsworth.earlsfield.2014-05-22", "local"),
        ("pcc.west-yorkshire.2021-05-06", "pcc"),
        ("mayor.london.2024-05-02", "mayor"),
        ("ref.leeds.kirkstall-neighbourhood-plan.2026-05-07", "ref"),
        ("PARL.2021-07-01", "parl"),
        (" parl.2021-07-01", "parl"),
    ],
)
def test_election_type_from_the_id_prefix(election_id, code):
    assert election_type_for(election_id).code == code


@pytest.mark.parametrize(
    "election_id",
    ["gla.c.2021-05-06", "senedd.2021-05-06", "sp.2021-05-06", "", "parliament.2024"],
)
def test_unknown_election_type_is_refused_naming_the_supported_types(election_id):
    with pytest.raises(CountDeskError) as caught:
        election_type_for(election_id)
    problem = caught.value
    assert problem.code == "F108"
    for code in ELECTION_TYPES:
        assert code in problem.message
    assert problem.message.endswith(".")
    assert str(problem).startswith("F108: ")


def test_election_and_contest_know_their_type():
    assert Election("parl.2021-07-01", date(2021, 7, 1)).type.code == "parl"
    contest = make_contest(type_code="local")
    assert contest.type.code == "local"
    assert contest.officer_title_or_default == "Returning Officer"
    assert make_contest(type_code="parl").officer_title_or_default == "Acting Returning Officer"


# --- Kinds within a type: deposits and wording as data (DOMAIN.md §4, §6) -------------------


@pytest.mark.parametrize(
    ("type_code", "kind", "pounds"),
    [
        ("parl", "", 500),
        ("pcc", "", 5000),
        ("mayor", "", 500),  # the elected mayor of a council
        ("mayor", "combined_authority", 5000),
        ("mayor", "london", 10000),
        ("local", "", None),
        ("local", "parish", None),
        ("local", "parish_unwarded", None),
    ],
)
def test_deposit_amount_is_data_per_type_and_kind(type_code, kind, pounds):
    etype = election_type_for(f"{type_code}.testshire.2024-05-02", kind)
    assert etype.deposit_pounds == pounds
    assert etype.has_deposit is (pounds is not None)
    if pounds is not None:
        assert etype.deposit_threshold == Fraction(1, 20)  # more than 5% keeps it, whatever kind


def test_a_contest_of_a_combined_authority_mayor_keeps_the_type_headings_and_its_own_deposit():
    contest = replace(make_contest(type_code="parl"), id="mayor.west-midlands.2024-05-02")
    ca = replace(contest, kind="combined_authority")
    assert contest.type.deposit_pounds == 500
    assert ca.type.deposit_pounds == 5000
    assert ca.type.headings == contest.type.headings
    # Counted in voting areas: a local count's officer is the local returning officer; the
    # area result's, the combined authority returning officer.
    assert ca.officer_title_or_default == "Local Returning Officer"
    assert replace(ca, role="area").officer_title_or_default == (
        "Combined Authority Returning Officer"
    )


@pytest.mark.parametrize(
    ("contest_id", "kind", "local"),
    [
        ("pcc.westshire.2026-05-07", "", True),
        ("mayor.west-midlands.2024-05-02", "combined_authority", True),
        ("mayor.bristol.2021-05-06", "", False),
        ("mayor.london.2024-05-02", "london", False),
        ("parl.batley-and-spen.by.2021-07-01", "", False),
    ],
)
def test_pcc_and_combined_authority_mayor_are_counted_in_voting_areas(contest_id, kind, local):
    contest = replace(make_contest(type_code="parl"), id=contest_id, kind=kind)
    assert contest.is_local_count is local
    assert replace(contest, role="area").is_area_result is local
    assert not replace(contest, role="area").is_local_count


@pytest.mark.parametrize(
    ("kind", "one", "many"),
    [
        ("parish", "Parish Councillor for the said ward", "Parish Councillors for the said ward"),
        (
            "parish_unwarded",
            "Parish Councillor for the said parish",
            "Parish Councillors for the said parish",
        ),
    ],
)
def test_parish_councillors_for_the_said_parish_where_it_has_no_wards(kind, one, many):
    etype = election_type_for("local.testshire.2024-05-02", kind)
    assert etype.elected_as_one == one
    assert etype.elected_as_many == many
    assert etype.headings == ELECTION_TYPES["local"].headings


def test_a_kind_of_another_type_is_refused_naming_the_kinds_of_this_one():
    with pytest.raises(CountDeskError) as caught:
        election_type_for("parl.2024-07-04", "parish")
    assert caught.value.code == "F108"
    assert "is not a kind of UK Parliamentary election" in caught.value.message
    with pytest.raises(CountDeskError) as caught:
        election_type_for("local.testshire.2024-05-02", "combined_authority")
    assert "parish, parish_unwarded" in caught.value.message


@pytest.mark.parametrize(
    ("type_code", "organisation", "kind"),
    [
        ("mayor", "West Midlands Combined Authority", "combined_authority"),
        ("mayor", "East Midlands Combined County Authority", "combined_authority"),
        ("mayor", "Greater London Authority", "london"),
        ("mayor", "Bristol City Council", ""),
        ("local", "Nelson Town Council", "parish"),
        ("local", "Crowthorne Parish Council", "parish"),
        ("local", "Burnley Borough Council", ""),
        ("parl", "House of Commons", ""),
        ("pcc", "West Yorkshire Combined Authority", ""),
    ],
)
def test_kind_from_the_organisation_name(type_code, organisation, kind):
    assert kind_from_organisation(type_code, organisation) == kind


def test_organisation_name_is_the_authority_only_where_it_runs_the_poll():
    # "House of Commons" is the body elected to, not the council whose officer runs the poll.
    assert not ELECTION_TYPES["parl"].organisation_is_authority
    assert ELECTION_TYPES["local"].organisation_is_authority
    assert ELECTION_TYPES["mayor"].organisation_is_authority

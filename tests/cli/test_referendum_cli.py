"""A referendum through the command line: created with its question and answers, verified,
keyed twice, shown provisionally and declared; result --json carries the answers and which
carried; a candidates file naming a referendum is refused."""

from __future__ import annotations

import json

from click.testing import CliRunner

from desktop.cli import cli
from tests.referendum_night import KIRKSTALL, OFFICER, QUESTION
from tests.reports.sheets import assert_in_order, pages


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_a_referendum_night_from_the_command_line(tmp_path):
    db = str(tmp_path / "night.sqlite")
    made = run(
        "new-referendum", "--db", db, "--council", "Leeds", "--date", "2026-05-07",
        "--name", "Kirkstall Neighbourhood Plan", "--question", QUESTION, "--operator", "Sup",
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    assert KIRKSTALL in made.output and "Yes\n  No" in made.output
    facts = run(
        "contest", KIRKSTALL, "--db", db, "--electorate", "9,480", "--officer", OFFICER,
        "--address", "Civic Hall, Leeds LS1 1UR", "--authority", "Leeds City Council",
    )  # fmt: skip
    assert facts.exit_code == 0, facts.output
    assert f"Question:               {QUESTION}" in facts.output
    assert "Seats" not in facts.output and "Deposit" not in facts.output
    assert "Counting Officer" in facts.output
    listed = run("contests", "--db", db)
    assert "–" in listed.output and " 1  setup" not in listed.output

    boxes = tmp_path / "boxes.csv"
    boxes.write_text(
        "reference,name,kind,issued\nK01,Kirkstall Library,box,1210\n"
        "K02,St Stephen,box,980\nKP1,Postal batch 1,postal,812\n",
        encoding="utf-8",
    )
    for args in (
        ["advance", KIRKSTALL, "--to", "verification", "--operator", "Sup"],
        ["verification", KIRKSTALL, "--import", str(boxes)],
        ["verification", KIRKSTALL, "--counted", "K01=1,210", "--counted", "K02=980",
         "--counted", "KP1=812"],
        ["advance", KIRKSTALL, "--to", "count", "--operator", "Sup"],
    ):  # fmt: skip
        step = run(*args, "--db", db)
        assert step.exit_code == 0, step.output
    keyed = ["--votes", "Yes=1,874", "--votes", "No=1,101", "--rejected", "official_mark=3",
             "--rejected", "too_many_votes=9", "--rejected", "unmarked_or_void=15"]  # fmt: skip
    for clerk in ("Clerk 1", "Clerk 2"):
        step = run("enter", KIRKSTALL, "--db", db, "--operator", clerk, *keyed)
        assert step.exit_code == 0, step.output

    shown = run("result", KIRKSTALL, "--db", db)
    assert "referendum" in shown.output and "seat" not in shown.output
    assert "Result: “Yes” carried: more than half of those voting voted “Yes”." in shown.output
    assert "Elected" not in shown.output and "deposit" not in shown.output
    data = json.loads(run("result", KIRKSTALL, "--db", db, "--json").output)
    assert data["carried"] == "Yes"
    assert [(a["answer"], a["votes"]) for a in data["answers"]] == [("Yes", 1874), ("No", 1101)]

    step = run("advance", KIRKSTALL, "--db", db, "--to", "provisional", "--operator", "Sup")
    assert step.exit_code == 0, step.output
    lots = run("lots", KIRKSTALL, "--db", db, "--winner", "Yes")
    assert lots.exit_code == 1 and "R103" in lots.output
    out = tmp_path / "declaration.pdf"
    done = run("declare", KIRKSTALL, "--db", db, "--officer", OFFICER, "--operator", "Sup",
               "-o", str(out))  # fmt: skip
    assert done.exit_code == 0, done.output
    assert "“Yes” carried" in done.output and "Elected" not in done.output
    text = " ".join("\n".join(pages(out.read_bytes())).split())
    assert_in_order(
        text,
        [
            "Declaration of Result of Referendum",
            QUESTION,
            "Yes 1,874",
            "No 1,101",
            "Total number of ballot papers rejected 27",
            "Ballot papers verified 3,002",
            "more than half of those voting in the referendum voted “Yes”",
            "Counting Officer",
        ],
    )
    history = run("history", KIRKSTALL, "--db", db)
    assert "Elected" not in history.output and "Yes" in history.output
    assert run("verify", "--db", db).exit_code == 0


def test_a_candidates_file_naming_a_referendum_is_refused_whole(tmp_path):
    db = tmp_path / "night.sqlite"
    csv = tmp_path / "candidates.csv"
    csv.write_text(
        "person_id,person_name,election_id,ballot_paper_id,election_date,party_name,post_label,"
        "seats_contested\n"
        ",Ann Able,local.leeds.2026-05-07,local.leeds.kirkstall.2026-05-07,2026-05-07,"
        "Labour Party,Kirkstall,1\n"
        ",Yes,ref.leeds.2026-05-07,ref.leeds.kirkstall-plan.2026-05-07,2026-05-07,,"
        "Kirkstall Plan,1\n",
        encoding="utf-8",
    )
    refused = run("import", str(csv), "--db", str(db))
    assert refused.exit_code == 1
    assert "R105" in refused.output and "Line 3" in refused.output
    assert "new-referendum" in refused.output
    assert run("contests", "--db", str(db)).output.startswith("No contests yet")


def test_a_referendum_refuses_what_it_does_not_have(tmp_path):
    db = str(tmp_path / "night.sqlite")
    run("new-referendum", "--db", db, "--council", "Leeds", "--date", "2026-05-07",
        "--name", "Kirkstall Neighbourhood Plan", "--question", QUESTION)  # fmt: skip
    kind = run("contest", KIRKSTALL, "--db", db, "--kind", "parish")
    assert kind.exit_code == 1 and "R106" in kind.output
    answers = run("referendum", KIRKSTALL, "--db", db, "--answer", "Yes")
    assert answers.exit_code == 1 and "R102" in answers.output
    shown = run("referendum", KIRKSTALL, "--db", db, "--json")
    assert json.loads(shown.output)["answers"] == [
        {"id": 1, "answer": "Yes"},
        {"id": 2, "answer": "No"},
    ]
    changed = run("referendum", KIRKSTALL, "--db", db, "--answer", "For", "--answer", "Against")
    assert changed.exit_code == 0 and "For\n  Against" in changed.output
    not_one = run("new-referendum", "--db", db, "--council", "Leeds", "--date", "2026-05-07",
                  "--name", "Other", "--question", " ")  # fmt: skip
    assert not_one.exit_code == 1 and "R101" in not_one.output

"""The results pages in a real browser: Debian's chromium, headless, at 1280 and 360 px.

For each page the test loads a test-only copy with one small script appended, which puts the
text a reader sees (``innerText``), the document's scroll width and the page's own script count
into the title, and reads the title back from ``--dump-dom``. The published pages themselves
carry no script. Screenshots are taken at both widths; set ``COUNTDESK_SCREENSHOTS=DIR`` to keep
them for looking at. Skipped, saying why, where no chromium is installed (.ci/run installs it).
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.services import CountDesk
from desktop.services.web_publish import page_name
from tests import referendum_night
from tests.declared import declare_batley
from tests.published import ODD_NAMES_CSV, ODD_WARD, count_ward, declare_single
from tests.sample import BATLEY, WARD, many_contests_csv

pytestmark = pytest.mark.keyed_once

CHROMIUM = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
)
if CHROMIUM is None:
    pytest.skip(
        "no chromium installed (Debian: apt-get install chromium; .ci/run does)",
        allow_module_level=True,
    )

PROBE = """<script>
parent.postMessage(btoa(unescape(encodeURIComponent(JSON.stringify({
  width: document.documentElement.scrollWidth,
  viewport: window.innerWidth,
  scripts: document.scripts.length - 1,
  text: document.body.innerText
})))), "*");
</script>"""
#: Headless chromium will not make a window narrower than 500 px: the page is read in a frame
#: of the width asked for, and tells the frame's parent what it sees.
FRAME = """<!DOCTYPE html><html><head><title>waiting</title></head><body style="margin:0">
<iframe src="{src}" style="width:{width}px;height:900px;border:0"></iframe>
<script>addEventListener("message", function (e) {{ document.title = e.data; }});</script>
</body></html>"""
BASE = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--mute-audio"]


def _run(args: list[str], cwd: Path) -> str:
    done = subprocess.run(
        [str(CHROMIUM), *BASE, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "HOME": str(cwd)},
    )
    return done.stdout


def seen(page: Path, width: int) -> dict:
    """What a reader at ``width`` px sees of ``page``: its text, scroll width and scripts."""
    probe = page.with_name(f".probe-{page.name}")
    probe.write_text(
        page.read_text(encoding="utf-8").replace("</body>", PROBE + "\n</body>"), encoding="utf-8"
    )
    frame = page.with_name(f".frame-{page.name}")
    frame.write_text(FRAME.format(src=probe.name, width=width), encoding="utf-8")
    dom = _run(
        ["--window-size=1400,1000", "--virtual-time-budget=3000", "--dump-dom", frame.as_uri()],
        page.parent,
    )
    probe.unlink()
    frame.unlink()
    found = re.search(r"<title>([A-Za-z0-9+/=]+)</title>", dom)
    assert found, f"chromium gave no probe for {page.name}: {dom[:300]!r}"
    return json.loads(base64.b64decode(found.group(1)).decode("utf-8"))


def screenshot(page: Path, width: int, name: str, height: int = 1800) -> Path:
    """A PNG of the page at ``width``; kept in $COUNTDESK_SCREENSHOTS where that is set."""
    out = page.parent / f".shot-{name}-{width}.png"
    _run([f"--window-size={width},{height}", f"--screenshot={out}", page.as_uri()], page.parent)
    assert out.exists() and out.stat().st_size > 5_000, f"no screenshot of {page.name}"
    keep = os.environ.get("COUNTDESK_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(out, Path(keep) / f"{name}-{width}.png")
    return out


def _fits(page: Path, name: str) -> dict:
    """The page read at 1280 and 360 px: no sideways scrolling at either; its text at 360."""
    for width in (1280, 360):
        shown = seen(page, width)
        assert shown["viewport"] == width
        assert shown["width"] <= width, f"{page.name} scrolls sideways at {width} px"
        assert shown["scripts"] == 0
        screenshot(page, width, name)
    return shown


def test_batley_reads_right_at_desktop_and_phone_widths(db_path, tmp_path):
    desk = CountDesk.open(db_path)
    declare_batley(desk)
    desk.publishing.publish(None, tmp_path / "site")
    shown = _fits(tmp_path / "site" / page_name(BATLEY), "batley")
    text = shown["text"]
    assert "Kim LEADBEATER (Labour Party) is elected." in text
    for words in ("GALLOWAY, George", "8,264", "21.92%", "Majority", "323", "47.61%"):
        assert words in text, words
    assert "Declaration of result, Batley and Spen (PDF" in text
    index = _fits(tmp_path / "site" / "index.html", "batley-index")
    assert "Batley and Spen" in index["text"] and "Kim LEADBEATER" in index["text"]


def test_a_three_seat_ward_and_escaped_names(db_path, tmp_path):
    desk = CountDesk.open(db_path)
    count_ward(desk)
    odd = tmp_path / "odd.csv"
    odd.write_text(ODD_NAMES_CSV, encoding="utf-8")
    desk.import_candidates(odd, "Importer")
    declare_single(desk, ODD_WARD, {"<script>alert(1)</script>": 300, "Mary O'Brien": 200})
    desk.publishing.publish(None, tmp_path / "site")
    text = _fits(tmp_path / "site" / page_name(WARD), "ward")["text"]
    assert "Ó BRIAIN, Dara" in text and "Margin" in text
    assert text.count("Elected") == 3
    # The names read as typed, and nothing in them runs (the probe counts the page's scripts).
    text = _fits(tmp_path / "site" / page_name(ODD_WARD), "escaped")["text"]
    assert "<SCRIPT>ALERT(1)</SCRIPT>" in text and "O'Brien & Sons" in text
    assert "Fish & Chips <b>Party</b>" in text and "Quayside & <Docks>" in text


def test_a_referendum(tmp_path):
    desk, _pdf = referendum_night.declared(tmp_path / "ref.sqlite")
    desk.publishing.publish(None, tmp_path / "site")
    text = _fits(tmp_path / "site" / page_name(referendum_night.KIRKSTALL), "referendum")["text"]
    assert referendum_night.QUESTION in text and "“Yes” carried" in text


def test_an_index_of_thirty_wards_in_one_command(db_path, tmp_path):
    desk = CountDesk.open(db_path)
    desk.import_candidates(many_contests_csv(tmp_path / "wards.csv", 30), "Importer")
    contests = desk.contests()
    for contest in contests[:3]:
        names = [c.person_name for c in desk.candidates(contest.id)]
        declare_single(desk, contest.id, {n: 400 - 50 * i for i, n in enumerate(names)})
    done = desk.publishing.publish(None, tmp_path / "site")
    assert (done.contests, done.declared) == (30, 3)
    text = _fits(tmp_path / "site" / "index.html", "thirty-wards")["text"]
    assert "3 of 30 results declared" in text
    assert text.count("Awaited") == 27
    # An awaited ward's page reads right too, with no figures.
    awaited = _fits(tmp_path / "site" / page_name(contests[-1].id), "awaited")["text"]
    assert "Result awaited" in awaited and "Votes" not in awaited

"""The report in a real browser: headless Chromium, driven over the DevTools protocol.

For the shipped policy and for a policy whose every text field carries an
injection payload, the page must load with no console error, run nothing
(``document.title`` stays what the report wrote) and request nothing but
itself. Screenshots and a printed PDF of each are saved under ``artifacts/``.

The first test checks the harness: on a page built to misbehave it must see
the script run and the request go out, or the other tests prove nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import hostile_policy
import pytest
from chromium import Browser, Visit
from click.testing import CliRunner
from support import AS_OF, ROOT

from linter.cli import main
from reports import html

ARTIFACTS = ROOT / "artifacts"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with Browser() as chromium:
        yield chromium


def _report(policy: Path, out: Path) -> Path:
    result = CliRunner().invoke(
        main, ["report", str(policy), "-o", str(out), "--as-of", AS_OF.isoformat(), "--exit-zero"]
    )
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return out


def _written_title(page: Path) -> str:
    """The <title> the report wrote (the first one: the SVG has its own later)."""
    found = re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.DOTALL)
    assert found
    return unescape(found.group(1))


def _save(visit: Visit, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"{name}.png").write_bytes(visit.screenshot)
    (ARTIFACTS / f"{name}.pdf").write_bytes(visit.pdf)


def assert_clean(visit: Visit, page: Path) -> None:
    assert visit.errors == [], visit.errors
    assert visit.requests == [visit.url], f"the page requested more than itself: {visit.requests}"
    assert visit.title == _written_title(page), "a script changed the title"
    assert visit.title != "pwned"
    census = visit.census
    assert census["scripts"] == 0 and census["handlers"] == [] and census["embeds"] == 0, census
    assert all(ref.startswith("#") or re.match(r"https?://", ref, re.IGNORECASE) for ref in census["references"])


def test_the_harness_sees_scripts_requests_and_csp_violations(tmp_path: Path, browser: Browser) -> None:
    naughty = tmp_path / "naughty.html"
    naughty.write_text(
        "<!DOCTYPE html><title>before</title><script>document.title='pwned'</script>"
        "<img src='http://127.0.0.1:9/x.png'>",
        encoding="utf-8",
    )
    visit = browser.visit(naughty)
    assert visit.title == "pwned" and visit.census["scripts"] == 1
    assert "http://127.0.0.1:9/x.png" in visit.requests
    # the report's own policy stops both, and says so on the console
    guarded = tmp_path / "guarded.html"
    guarded.write_text(
        f'<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="{html.CONTENT_SECURITY_POLICY}">'
        "<title>before</title><script>document.title='pwned'</script><img src='http://127.0.0.1:9/x.png'>",
        encoding="utf-8",
    )
    visit = browser.visit(guarded)
    assert visit.title == "before"
    assert any("Content Security Policy" in error for error in visit.errors), visit.errors


def test_shipped_policy_report(tmp_path: Path, browser: Browser) -> None:
    page = _report(ROOT / "policy", tmp_path / "report-shipped.html")
    visit = browser.visit(page, screenshot=True, pdf=True)
    _save(visit, "report-shipped")
    assert_clean(visit, page)
    assert visit.title.startswith("Compliance report: ")
    assert "Review and sign-off" in visit.census["text"]
    assert visit.pdf.startswith(b"%PDF") and visit.screenshot.startswith(b"\x89PNG")


def test_hostile_policy_report(tmp_path: Path, browser: Browser) -> None:
    page = _report(hostile_policy.write(tmp_path / "hostile"), tmp_path / "report-hostile.html")
    visit = browser.visit(page, screenshot=True, pdf=True)
    _save(visit, "report-hostile")
    assert_clean(visit, page)
    text = visit.census["text"]
    for payload in (hostile_policy.SCRIPT, hostile_policy.ATTRIBUTE.strip(), hostile_policy.JAVASCRIPT_URL):
        assert payload in text, f"{payload!r} is shown as text"
    assert visit.census["references"].count(hostile_policy.QUOTED_HTTP_URL) >= 1


def test_a_missed_escape_would_still_not_run(tmp_path: Path, browser: Browser) -> None:
    """Defence in depth: splice raw markup into a real report, as a template bug
    would; the report's Content-Security-Policy still stops it."""
    page = _report(ROOT / "policy", tmp_path / "report.html")
    text = page.read_text(encoding="utf-8")
    spliced = tmp_path / "spliced.html"
    spliced.write_text(
        text.replace("<main>", "<main><script>document.title='pwned'</script><img src='http://127.0.0.1:9/x.png'>", 1),
        encoding="utf-8",
    )
    visit = browser.visit(spliced)
    assert visit.title == _written_title(page)
    assert visit.errors and all("Content Security Policy" in error for error in visit.errors)

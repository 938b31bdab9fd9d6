"""The report in a real browser: headless Chromium, driven over the DevTools protocol.

For the shipped policy and for a policy whose every text field carries an
injection payload (its waiver, actions and sign-off files too), the page must
load with no console error, run nothing (``document.title`` stays what the
report wrote) and request nothing but itself. Screenshots (the whole page and
its summary, changes, actions and data-flow sections) and a printed PDF of
each are saved under ``artifacts/``. Printed, the shipped report must number
its pages, and its data-flow picture must keep its text at 8 pt or more.

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
from policy_versions import after, signed_repository
from support import AS_OF, ROOT

from linter.cli import main
from reports import html

ARTIFACTS = ROOT / "artifacts"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with Browser() as chromium:
        yield chromium


def _report(policy: Path, out: Path, *extra: str) -> Path:
    result = CliRunner().invoke(main, ["report", str(policy), "-o", str(out), "--as-of", AS_OF.isoformat(), *extra])
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return out


def _written_title(page: Path) -> str:
    """The <title> the report wrote (the first one: the SVG has its own later)."""
    found = re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.DOTALL)
    assert found
    return unescape(found.group(1))


def _save(visit: Visit, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    if visit.screenshot:
        (ARTIFACTS / f"{name}.png").write_bytes(visit.screenshot)
    if visit.pdf:
        (ARTIFACTS / f"{name}.pdf").write_bytes(visit.pdf)
    for part, picture in visit.shots.items():
        (ARTIFACTS / f"{name}-{part}.png").write_bytes(picture)


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


#: the sections a reviewer looks at first, captured one by one
SHOTS = {"summary": "#summary", "changes": "#changes", "actions": "#actions", "flows": "#flows figure"}


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
    shots = {name: selector for name, selector in SHOTS.items() if name != "changes"}
    visit = browser.visit(page, screenshot=True, pdf=True, shots=shots)
    _save(visit, "report-shipped")
    assert_clean(visit, page)
    assert visit.title.startswith("Compliance report: ")
    assert "Review and sign-off" in visit.census["text"]
    assert visit.pdf.startswith(b"%PDF") and visit.screenshot.startswith(b"\x89PNG")
    assert all(picture.startswith(b"\x89PNG") for picture in visit.shots.values())
    assert _pages(visit.pdf) < 41, "the print of the shipped report was 41 pages before it was laid out for print"


#: the picture's text size when printed on A4 portrait: the figure's width as
#: laid out at the page's width, against the picture's own units
PRINTED_TEXT = """(() => {
  const svg = document.querySelector('#flows svg');
  const box = svg.getBoundingClientRect();
  const units = svg.viewBox.baseVal;
  const label = svg.querySelector('.node text');
  const size = parseFloat(getComputedStyle(label).fontSize);
  return {scale: Math.min(box.width / units.width, box.height / units.height), size: size};
})()"""


def test_printed_flow_text_is_at_least_8_points(tmp_path: Path, browser: Browser) -> None:
    page = _report(ROOT / "policy", tmp_path / "report.html")
    # A4 portrait less the report's 12 mm side margins, in CSS pixels (96 per inch)
    content_width = round((210 - 2 * 12) / 25.4 * 96)
    visit = browser.visit(page, media="print", evaluate=PRINTED_TEXT, width=content_width)
    printed_px = visit.value["size"] * visit.value["scale"]
    assert printed_px * 0.75 >= 8.0, visit.value


def test_review_sections_in_the_browser(tmp_path: Path, browser: Browser, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "repo"
    policy = signed_repository(root, "signed")
    (policy / "policy-signoff.yaml").write_text(
        "signoffs:\n  - {signed_by: Jane Smith (DPO), date: 2026-09-01, revision: signed, decision: approved}\n",
        encoding="utf-8",
    )
    (policy / "policy-waivers.yaml").write_text(
        "actions:\n  - {rule: TRF001, entity: transfer:redfern-us, field: mechanism, owner: Information Governance,"
        " due: 2026-10-31, status: in-progress, note: IDTA being signed}\n",
        encoding="utf-8",
    )
    for name in ("processors.yaml", "services.yaml"):
        (policy / name).unlink()
    after(policy)
    monkeypatch.chdir(root)
    page = _report(policy, tmp_path / "report-review.html", "--since", "signed")
    visit = browser.visit(page, screenshot=True, pdf=True, shots=SHOTS)
    _save(visit, "report-review")
    assert_clean(visit, page)
    text = visit.census["text"]
    assert "1. Changes since the last sign-off" in text and "Last signed off on 2026-09-01 by Jane Smith (DPO)" in text
    assert "CloudCo" in text and "uk-idta" in text
    assert "Findings fixed since" in text
    assert len(visit.shots) == len(SHOTS)


def test_printed_pages_are_numbered_with_a_running_header(tmp_path: Path, browser: Browser) -> None:
    """Chromium prints the margin boxes: the page counter and the header text
    are in the PDF's page content (as glyphs), so count pages and check that
    the style sheet asks for them; the artefact PDF shows them."""
    page = _report(ROOT / "policy", tmp_path / "report.html")
    visit = browser.visit(page, pdf=True)
    text = page.read_text(encoding="utf-8")
    style = text[text.index("<style>") : text.index("</style>")]
    assert 'content: "Page " counter(page) " of " counter(pages)' in style
    assert "@top-left { content: " in style and "@top-right { content: " in style
    assert _pages(visit.pdf) > 10


def test_hostile_policy_report(tmp_path: Path, browser: Browser) -> None:
    page = _report(hostile_policy.write(tmp_path / "hostile"), tmp_path / "report-hostile.html")
    visit = browser.visit(page, screenshot=True, pdf=True, shots=SHOTS)
    _save(visit, "report-hostile")
    assert_clean(visit, page)
    text = visit.census["text"]
    for payload in (hostile_policy.SCRIPT, hostile_policy.ATTRIBUTE.strip(), hostile_policy.JAVASCRIPT_URL):
        assert payload in text, f"{payload!r} is shown as text"
    # the sign-off record and the actions reach the page as text too
    assert f"by {hostile_policy.SCRIPT}" in text, "the sign-off's signer"
    actions = text[text.index("Actions: who is fixing what") :]
    assert hostile_policy.SCRIPT in actions and hostile_policy.STYLE_BREAK in actions
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

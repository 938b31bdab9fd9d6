"""The HTML report without a browser: content, escaping, CSP, atomic writing."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import hostile_policy
import jinja2
import pytest
from click.testing import CliRunner
from markupsafe import escape
from support import AS_OF, ROOT, write

from linter import engine
from linter.cli import main
from linter.findings import Severity
from linter.gate import Summary
from reports import flow, html
from reports.revision import Revision, policy_revision

POLICY = """\
controller:
  id: council
  name: County Council
  public_authority: true
  contact: {email: info@example.org, web: "https://example.org/contact"}
  dpo: {name: DPO, email: dpo@example.org}
notice:
  id: notice
  name: Notice
  title: Children's services notice
  url: https://example.org/privacy
  rights_stated: [access, rectification, erasure, restriction, objection, portability, complain]
  notice_wide: {sources: [you]}
data_categories:
  - {id: contact, name: name and contact details}
sources:
  - id: you
    name: you
    trace: {section: Where we get it, quote: We get most of this information from you}
lawful_bases:
  - {id: public-task, name: public task, article: 6(1)(e)}
purposes:
  - {id: deliver, name: deliver your service, lawful_bases: [public-task]}
recipients:
  - {id: police, name: Police, role: public-body}
  - {id: nhs, name: NHS, role: joint-controller}
processors:
  - id: redfern
    name: Redfern Travel
    location: US
    trace: {section: Who we share with, quote: Redfern Travel books your travel}
transfers:
  - id: redfern-us
    name: Redfern bookings in the US
    exporter: council
    importer: redfern
    destination: US
    data_categories: [contact]
    mechanism: eu-us-privacy-shield
    in_place_from: 2019-01-01
    safeguard_copy: "javascript:alert(1)"
    trace: {section: Outside the UK, quote: the parent company is registered with the US Privacy Shield}
retention_rules:
  - id: adoption
    name: adoption records
    record_class: adoption case records
    period: 100 years
    starts: adoption-order
    disposal: secure destruction
    applies_to: [adoption-service]
services:
  - id: adoption-service
    name: Essex Adoption Agency
    data_categories: [contact]
    purposes: [deliver]
    recipients: [police, nhs]
    processors: [redfern]
    relies_on_notice_wide: [sources]
    trace: {section: Essex Adoption Agency, quote: Provides adoption services}
  - id: travel
    name: Travel and accommodation
    data_categories: [contact]
    purposes: [deliver]
    retention_rules: [adoption]
"""

WAIVERS = """\
waivers:
  - rule: PRC001
    entity: processor:redfern
    field: contract
    reason: Contract being signed; see ticket DP-42.
    owner: dpo@example.org
    expires: 2026-12-31
"""


def _render(folder: Path, fail_on: Severity = Severity.ERROR, revision: Revision | None = None) -> str:
    result = engine.run([str(folder)], AS_OF)
    assert not result.load_errors, result.load_errors
    return html.render(result, Summary.of(result, fail_on), revision)


@pytest.fixture
def policy_dir(tmp_path: Path) -> Path:
    return write(tmp_path / "policy", {"policy.yaml": POLICY, "policy-waivers.yaml": WAIVERS})


@pytest.fixture
def page(policy_dir: Path) -> str:
    return _render(policy_dir)


class Census(HTMLParser):
    """Every start tag with its attributes, the text, and the <title>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_title = tag == "title" and not any(t == "svg" for t, _ in self.tags[:-1])

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_title:
            self.title += data


def census(text: str) -> Census:
    parser = Census()
    parser.feed(text)
    parser.close()
    return parser


#: every element the report may contain: nothing that runs, embeds or fetches
ALLOWED_TAGS = {
    *("html", "head", "meta", "title", "style", "body", "div", "header", "nav", "main", "section", "footer"),
    *("article", "figure", "figcaption", "h1", "h2", "h3", "h4", "p", "ul", "ol", "li", "dl", "dt", "dd", "a"),
    *("span", "strong", "em", "code", "blockquote", "br"),
    *("table", "caption", "colgroup", "col", "thead", "tbody", "tr", "th", "td"),
    *("svg", "desc", "defs", "marker", "path", "g", "rect", "text", "line"),
}


def assert_inert(text: str) -> Census:
    """No script, no event handler, no embedded or external resource, no unsafe link."""
    parsed = census(text)
    assert {tag for tag, _ in parsed.tags} <= ALLOWED_TAGS, {tag for tag, _ in parsed.tags} - ALLOWED_TAGS
    for tag, attrs in parsed.tags:
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        assert "src" not in attrs and "srcdoc" not in attrs, (tag, attrs)
        href = attrs.get("href")
        if href is not None:
            assert href.startswith("#") or re.match(r"https?://[^\s]+$", href, re.IGNORECASE), (tag, href)
        assert "url(" not in (attrs.get("style") or ""), (tag, attrs)
    return parsed


def test_summary_counts_gate_and_revision(page: str, policy_dir: Path) -> None:
    result = engine.run([str(policy_dir)], AS_OF)
    summary = Summary.of(result, Severity.ERROR)
    text = " ".join(census(page).text)
    assert "Fails the CI gate." in text and summary.failed
    assert f"{summary.errors} finding(s) at or above" in " ".join(text.split())
    assert "not under version control" in text
    with_findings = {html._area(f.rule) for f in result.findings} | {html._area(w.finding.rule) for w in result.waived}
    clean = sorted({rule.area for rule in result.rules} - with_findings)
    for area in with_findings:
        assert f'<th scope="row">{area}</th>' in page, "an area with findings has a row"
    assert clean and f"No findings in: {', '.join(clean)}." in " ".join(page.split()), "the others are named once"
    assert "Evaluated as of" in text and AS_OF.isoformat() in text


def test_gate_passes_at_a_level_above_every_finding(policy_dir: Path) -> None:
    (policy_dir / "policy.yaml").write_text("sources:\n  - {id: you, name: you}\n", encoding="utf-8")
    (policy_dir / "policy-waivers.yaml").unlink()
    text = " ".join(census(_render(policy_dir, Severity.ERROR)).text)
    assert "Passes the CI gate." in text


def test_each_finding_is_located_cited_and_traced(page: str, policy_dir: Path) -> None:
    result = engine.run([str(policy_dir)], AS_OF)
    trf = next(f for f in result.findings if f.rule == "TRF001")
    group = page[page.index('<section class="rule-group sev-error" id="rule-error-TRF001"') :]
    group = group[: group.index("</section>")]
    assert "Error</span>" in group and "\u2716" in group, "severity as text and icon"
    assert str(escape(trf.citation)) in group and str(escape(trf.remediation)) in group
    assert str(escape(trf.message)) in group
    assert f"{trf.file}:{trf.line}:{trf.column}" in group
    assert "the parent company is registered with the US Privacy Shield" in group
    assert "notice section: Outside the UK" in group
    assert 'href="#transfer:redfern-us"' in group


def test_errors_are_cards_then_rows_warnings_are_rows_and_repeated_info_is_one_card(tmp_path: Path) -> None:
    purposes = "".join(f"  - {{id: p{n}, name: Purpose {n}, lawful_bases: [missing-{n}]}}\n" for n in range(8))
    processors = "".join(f"  - {{id: q{n}, name: Processor {n}, location: GB}}\n" for n in range(3))
    rules = "".join(f"  - {{id: r{n}, name: Rule {n}, record_class: records {n}, period: 1 year}}\n" for n in range(4))
    folder = write(tmp_path / "many", f"purposes:\n{purposes}processors:\n{processors}retention_rules:\n{rules}")
    result = engine.run([str(folder)], AS_OF, select=["REF001", "PRC001", "RET004"])
    report = html.build(result, Summary.of(result, Severity.ERROR), None)
    groups = {group.rule: group for group in report.by_rule}
    cards = html.CARDS_PER_RULE[Severity.ERROR]
    errors, warnings, info = groups["REF001"], groups["PRC001"], groups["RET004"]
    assert (len(errors.cards), len(errors.rest), errors.collapsed) == (cards, 8 - cards, False)
    assert (len(warnings.cards), len(warnings.rest), warnings.collapsed) == (0, 3, False)
    assert (info.cards, info.rest, info.collapsed) == ([], [], True)
    page = html.render(result, Summary.of(result, Severity.ERROR), None)
    assert f"{8 - cards} more findings of REF001" in page and "3 findings of PRC001" in page
    card = page[page.index('id="rule-info-RET004-all"') :]
    card = card[: card.index("</article>")]
    assert "4 findings of the same kind, one per entity below." in card
    for view in info.views:
        assert f'<li id="{view.id}">' in card and view.location in card and view.entity_name in card
    for view in [*errors.views, *warnings.views]:
        assert f'id="{view.id}"' in page and f"{view.location}" in page and str(escape(view.finding.message)) in page


def test_waived_finding_shows_reason_owner_and_expiry(page: str) -> None:
    section = page[page.index('id="waived"') : page.index('id="flows"')]
    assert "PRC001" in section
    assert "Contract being signed; see ticket DP-42." in section
    assert "dpo@example.org" in section and "2026-12-31" in section and "in 37 days" in section


def test_registers(page: str) -> None:
    services = page[page.index('id="services"') : page.index('id="processors"')]
    assert 'href="#notice-wide-sources">+1 notice&#x2011;wide</a>' in services, "notice-wide items"
    transfers = page[page.index('id="transfers"') : page.index('id="retention"')]
    assert 'class="badge status-invalid"' in transfers and "Not valid" in transfers
    assert "javascript:alert(1)" in transfers and 'href="javascript' not in transfers, "a URL that is not http is text"
    retention = page[page.index('id="retention"') : page.index('id="recipients"')]
    assert "<strong>100 years</strong>" in retention, "the statutory minimum stands beside the period"
    assert "Essex Adoption Agency, Travel and accommodation" in retention
    recipients = page[page.index('id="recipients"') : page.index('id="sign-off"')]
    assert recipients.index("Public bodies") > recipients.index("Joint controllers")
    processors = page[page.index('id="processors"') : page.index('id="transfers"')]
    assert 'href="#transfer:redfern-us"' in processors and "no contract recorded" in processors


def test_transfer_status_is_derived_from_transfer_findings(policy_dir: Path) -> None:
    text = (policy_dir / "policy.yaml").read_text(encoding="utf-8")
    (policy_dir / "policy.yaml").write_text(
        text.replace("mechanism: eu-us-privacy-shield", "mechanism: uk-idta")
        # TRF006 reads the notice's words too: the quote must not name the Privacy Shield either
        .replace("registered with the US Privacy Shield", "bound by an IDTA")
        .replace("in_place_from: 2019-01-01", "in_place_from: 2023-01-01")
        .replace('"javascript:alert(1)"', "https://example.org/idta"),
        encoding="utf-8",
    )
    report = html.build(
        engine.run([str(policy_dir)], AS_OF), Summary.of(engine.run([str(policy_dir)], AS_OF), Severity.ERROR), None
    )
    (view,) = report.transfers
    assert view.findings == [] and (view.status, view.label) == ("clear", "No problem found")
    unassessed = engine.run([str(policy_dir)], AS_OF, select=["SCH"])
    (view,) = html.build(unassessed, Summary.of(unassessed, Severity.ERROR), None).transfers
    assert view.status == "unassessed"


def test_sign_off_block(page: str) -> None:
    block = page[page.index('<section id="sign-off"') :]
    block = block[: block.index("</section>")]
    for words in ("Reviewer", "Date", "Approve</li>", "Approve with actions", "Reject", "Signature"):
        assert words in block
    css = (ROOT / "reports" / "templates" / "report.css").read_text(encoding="utf-8")
    assert re.search(r"\.sign-off \{[^}]*break-inside: avoid", css)
    assert "@page { size: A4" in css and "@media print" in css


def test_accessible_structure(page: str) -> None:
    parsed = census(page)
    assert parsed.tags[0] == ("html", {"lang": "en-GB"})
    assert [tag for tag, _ in parsed.tags].count("h1") == 1
    assert all(attrs.get("scope") in ("col", "row") for tag, attrs in parsed.tags if tag == "th")
    assert [tag for tag, _ in parsed.tags].count("table") == [tag for tag, _ in parsed.tags].count("caption")
    assert ("svg", {}) not in parsed.tags and any(
        tag == "svg" and attrs.get("role") == "img" and attrs.get("aria-labelledby") for tag, attrs in parsed.tags
    )


def test_csp_forbids_scripts_and_every_request(page: str) -> None:
    parsed = census(page)
    (csp,) = [a["content"] for t, a in parsed.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in (csp or "").split(";") if d.strip())
    assert directives["default-src"] == "'none'"
    assert "script-src" not in directives, "falls back to default-src 'none': no script at all"
    assert directives["img-src"] == "data:" and directives["style-src"] == "'unsafe-inline'"
    assert directives["base-uri"] == "'none'" and directives["form-action"] == "'none'"
    # a policy in a <meta> only governs what follows it: it comes before any content
    order = [t for t, _ in parsed.tags]
    assert order.index("meta") < order.index("title") < order.index("style")
    assert_inert(page)


def test_hostile_policy_is_shown_as_text_only(tmp_path: Path) -> None:
    folder = hostile_policy.write(tmp_path / "hostile")
    page = _render(folder)
    parsed = assert_inert(page)
    shown = "".join(parsed.text)
    for payload in (
        hostile_policy.SCRIPT,
        hostile_policy.ATTRIBUTE,
        hostile_policy.SINGLE_QUOTED,
        hostile_policy.TEMPLATE,
    ):
        assert payload in shown, payload
    assert "<script>alert(1)</script>" in shown, "the processor's name"
    assert "<script" not in page.lower() and "<img" not in page.lower() and "<svg onload" not in page.lower()
    assert parsed.title.startswith(f"Compliance report: {hostile_policy.SCRIPT}")
    links = [a["href"] for t, a in parsed.tags if t == "a" and not (a.get("href") or "#").startswith("#")]
    assert links and set(links) == {hostile_policy.QUOTED_HTTP_URL}, "only the http(s) URL became a link"
    assert 'href="https://example.org/a&#34;&gt;&lt;script&gt;' in page


@pytest.mark.parametrize(
    ("value", "linked"),
    [
        ("https://example.org/x?a=1&b=2", True),
        ("http://example.org", True),
        ("HTTPS://EXAMPLE.ORG", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox(1)", False),
        ("//evil.example/x", False),
        ("https:evil", False),
        ("https://exa mple.org", False),
        ("ftp://example.org", False),
        ("", False),
    ],
)
def test_link(value: str, linked: bool) -> None:
    rendered = str(html.link(value))
    assert rendered.startswith("<a ") is linked
    assert_inert(f"<p>{rendered}</p>")


def test_templates_never_turn_escaping_off() -> None:
    env = html.environment()
    assert env.autoescape is True
    folder = ROOT / "reports" / "templates"
    for template in (path for path in folder.iterdir() if path.is_file()):
        source = template.read_text(encoding="utf-8")
        assert "|safe" not in source.replace(" ", "") and "autoescape false" not in source, template.name
        assert "<script" not in source.lower() and "@import" not in source and "url(http" not in source


# --- the templates compiled by Jinja2 (reports/templates/compiled) ----------------------------


def test_the_compiled_templates_are_current_for_this_jinja2_or_not_used(tmp_path: Path) -> None:
    recorded = (html.COMPILED / "DIGEST").read_text(encoding="ascii").split()[1]
    if recorded != jinja2.__version__:  # compiled by another Jinja2: the sources are used
        assert isinstance(html.environment().loader, jinja2.PackageLoader)
        return
    html.compile_templates(tmp_path)
    fresh = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    assert fresh == {path.name: path.read_bytes() for path in html.COMPILED.iterdir() if path.is_file()}, (
        "run: python scripts/reference_docs.py"
    )
    assert isinstance(html.environment().loader, jinja2.ModuleLoader)


def test_the_compiled_templates_render_what_the_sources_do(policy_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compiled = _render(policy_dir)
    monkeypatch.setattr(html, "_loader", lambda: jinja2.PackageLoader("reports", "templates"))
    assert _render(policy_dir) == compiled


def test_a_template_edited_since_it_was_compiled_is_read_from_its_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edited = tmp_path / "templates"
    edited.mkdir()
    for path in html.TEMPLATES.iterdir():
        if path.is_file():
            (edited / path.name).write_bytes(path.read_bytes())
    (edited / "report.css").write_text("/* edited */\n", encoding="utf-8")
    monkeypatch.setattr(html, "TEMPLATES", edited)
    assert isinstance(html.environment().loader, jinja2.PackageLoader)
    monkeypatch.setattr(html, "COMPILED", tmp_path / "missing")
    assert isinstance(html.environment().loader, jinja2.PackageLoader)


def test_report_is_deterministic(policy_dir: Path) -> None:
    assert _render(policy_dir) == _render(policy_dir)


def test_flow_marks_flows_with_findings_and_stays_readable_when_huge(tmp_path: Path) -> None:
    services = "".join(
        f"  - {{id: s{n}, name: Service {n}, sources: [src{n % 70}], recipients: [r{n % 90}]}}\n" for n in range(300)
    )
    sources = "".join(f"  - {{id: src{n}, name: Source {n}}}\n" for n in range(70))
    recipients = "".join(f"  - {{id: r{n}, name: Recipient {n}, role: public-body, country: US}}\n" for n in range(90))
    folder = write(tmp_path / "big", f"services:\n{services}sources:\n{sources}recipients:\n{recipients}")
    result = engine.run([str(folder)], AS_OF)
    severities = {"recipient:r1": Severity.WARNING}
    diagram = flow.build(result.policy, severities, {("recipient:r1", "US"): Severity.ERROR})
    for column in range(len(flow.COLUMNS)):
        assert len([n for n in diagram.nodes if n.column == column]) <= flow.MAX_NODES
    assert any(n.folded for n in diagram.nodes) and len(diagram.notes) == 3
    assert any(n.key == ("recipient", "r1") and n.severity == Severity.WARNING for n in diagram.nodes), (
        "nodes with findings are kept, marked by their worst severity"
    )
    assert [edge.severity for edge in diagram.edges if edge.flagged] == [Severity.ERROR]
    page = _render(folder)
    assert "Folded for readability." in page
    assert flow.build(result.policy, severities, {("recipient:r1", "US"): Severity.ERROR}) == diagram, (
        "the layout is deterministic"
    )


def test_revision_in_a_git_repository(tmp_path: Path) -> None:
    folder = write(tmp_path / "repo" / "policy", "sources:\n  - {id: you, name: you}\n")
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@e",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@e",
    }

    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", *args], cwd=tmp_path / "repo", env=env, capture_output=True, text=True, check=True
        )
        return done.stdout.strip()

    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "policy")
    assert policy_revision([str(folder)]) == Revision(git("rev-parse", "--short", "HEAD"), dirty=False)
    (folder / "policy.yaml").write_text("sources:\n  - {id: me, name: me}\n", encoding="utf-8")
    revision = policy_revision([str(folder)])
    assert revision is not None and revision.dirty
    assert "uncommitted changes" in _render(folder, revision=revision)
    assert policy_revision([str(tmp_path / "elsewhere")]) is None


def test_cli_writes_the_report_and_exits_0_unless_asked_to_gate(policy_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", str(policy_dir), "-o", str(out), "--as-of", AS_OF.isoformat()])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"wrote {out}: FAIL:"), "the report still says the gate fails"
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    gated = CliRunner().invoke(main, ["report", str(policy_dir), "-o", str(out), "--fail-on", "error"])
    assert gated.exit_code == 1
    zero = CliRunner().invoke(main, ["report", str(policy_dir), "-o", str(out), "--fail-on", "error", "--exit-zero"])
    assert zero.exit_code == 0
    passing = CliRunner().invoke(
        main, ["report", str(policy_dir), "-o", str(out), "--fail-on", "error", "--ignore", "TRF,PRC,NTC,LAW,REF,RET"]
    )
    assert passing.exit_code == 0 and "pass:" in passing.stdout, passing.output


def test_cli_report_to_standard_output_and_select(policy_dir: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["report", str(policy_dir), "-o", "-", "--as-of", AS_OF.isoformat(), "--select", "TRF"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<!DOCTYPE html>") and result.stdout.rstrip().endswith("</html>")
    assert result.stderr.startswith("wrote -: ")
    assert not (Path.cwd() / "-").exists() and not (tmp_path / "-").exists()
    page = result.stdout
    assert "TRF001" in page and "PRC001" not in page, "--select limits the rules"
    bad = CliRunner().invoke(main, ["report", str(policy_dir), "-o", "-", "--select", "NOPE"])
    assert bad.exit_code == 2 and "no rule matches 'NOPE'" in bad.stderr


def test_cli_bad_input_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    folder = write(tmp_path / "bad", "services: [\n")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", str(folder), "-o", str(out)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert re.match(rf"{re.escape(str(folder / 'policy.yaml'))}:\d+:\d+: error: ", line)
    assert list(tmp_path.iterdir()) == [folder]


@pytest.mark.parametrize("target", ["missing/report.html", "policy/policy.yaml", "policy"])
def test_cli_refuses_an_unusable_output(policy_dir: Path, target: str) -> None:
    before = {p: p.read_bytes() for p in policy_dir.iterdir()}
    result = CliRunner().invoke(main, ["report", str(policy_dir), "-o", str(policy_dir.parent / target)])
    assert result.exit_code == 2 and result.stderr.startswith("policy-lint: error: ")
    assert {p: p.read_bytes() for p in policy_dir.iterdir()} == before


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_failure_mid_render_leaves_no_report_and_no_temporary_file(
    policy_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "report.html"
    calls = []

    def failing_link(value: str) -> str:
        calls.append(value)
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(html, "link", failing_link)
    result = CliRunner().invoke(main, ["report", str(policy_dir), "--as-of", "2026-11-24", "-o", str(out)])
    assert calls, "the template was part-way through"
    assert result.exit_code == 2, "a bug is reported as unusable, never as findings (exit 1)"
    assert result.stderr.count("\n") == 1 and "internal error: RuntimeError: disk on fire" in result.stderr
    assert list(out_dir.iterdir()) == []


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_failure_while_writing_keeps_the_old_report(
    policy_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "report.html"
    out.write_text("the report signed off last month", encoding="utf-8")

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, broken)
    result = CliRunner().invoke(main, ["report", str(policy_dir), "--as-of", "2026-11-24", "-o", str(out)])
    assert result.exit_code == 2
    assert "report.html: cannot write: No space left on device" in result.stderr
    assert out.read_text(encoding="utf-8") == "the report signed off last month"
    assert _leftovers(out_dir) == []


def test_expired_days_wording(policy_dir: Path) -> None:
    later = engine.run([str(policy_dir)], dt.date(2026, 12, 31))
    page = html.render(later, Summary.of(later, Severity.ERROR), None)
    assert "today" in page[page.index('id="waived"') : page.index('id="flows"')]


def test_every_recipient_role_of_the_schema_has_a_heading() -> None:
    from linter.schema import RECIPIENT_ROLES
    from reports.html import ROLE_HEADINGS

    assert set(RECIPIENT_ROLES) <= set(ROLE_HEADINGS)


def _shipped_report() -> html.Report:
    result = engine.run([str(ROOT / "policy")], AS_OF)
    return html.build(result, Summary.of(result, Severity.ERROR), None)


def test_flow_names_are_wrapped_whole_never_cut() -> None:
    diagram = _shipped_report().diagram
    labels = [(node.label, node.lines) for node in diagram.nodes] + [
        (line.label, line.lines) for box in diagram.boxes for line in box.lines
    ]
    assert labels
    for label, lines in labels:
        assert " ".join(lines) == " ".join(label.split()), label
        assert "\u2026" not in "".join(lines)
    names = {node.label for node in diagram.nodes}
    assert {
        "Children and Young People with Disabilities (0 to 25)",
        "Children and Young Peoples Placement service",
    } <= names
    split = flow.wrap("Supercalifragilisticexpialidocious words", 60)
    assert "".join(split[:-1]) == "Supercalifragilisticexpialidocious" and split[-1] == "words"
    assert len(split) > 2 and all(flow.text_width(line) <= 60 for line in split), "a long word is split, not cut"


def test_a_name_of_any_length_is_wrapped_whole_in_one_pass() -> None:
    """A 20,000-character name (the fuzzer's) took minutes to wrap when each
    piece was found by measuring ever shorter prefixes; now it is one pass."""
    name = "x" * 20_000 + " tail " + "W" * 5_000
    lines = flow.wrap(name, 120)
    assert "".join(lines).replace(" ", "") == name.replace(" ", "")
    assert all(flow.text_width(line) <= 120 for line in lines)
    assert len(lines) > 200


def test_flow_groups_services_by_the_notice_wide_lists_they_rely_on() -> None:
    diagram = _shipped_report().diagram
    (frame,) = diagram.frames
    assert len(frame.services) == 27 and set(frame.fields) == {"sources", "recipients", "processors"}
    assert diagram.boxes[0].title == ["Notice-wide sources"]
    hub_edges = [edge for edge in diagram.edges if "relying on the" in edge.title]
    assert len(hub_edges) == 2, "one flow from the sources box, one to the recipients box"
    assert not any(node.label.startswith("Notice-wide") for node in diagram.nodes), "no funnel node"


def test_flow_marks_follow_the_worst_severity() -> None:
    report = _shipped_report()
    diagram = report.diagram
    services = {node.label: node.severity for node in diagram.nodes if node.column == 1}
    assert services["Child Protection"] == Severity.INFO, "info shows as info"
    assert services["Collaborative Enquiry"] is None
    info = sum(1 for severity in services.values() if severity == Severity.INFO)
    assert info == 22 and Severity.ERROR not in services.values()
    (flagged,) = [edge for edge in diagram.edges if edge.flagged]
    assert flagged.severity == Severity.ERROR and "Redfern" in flagged.title and "US" in flagged.title
    page = html.render(report.result, report.summary, None)
    assert page.count('class="node kind-service sev-info"') == 22
    assert 'class="edge sev-error"' in page and "info findings" in page


def test_the_shipped_picture_prints_at_8_points_or_more() -> None:
    diagram = _shipped_report().diagram
    assert diagram.printed_font_pt() >= 8.0, (diagram.width, diagram.height)
    css = (ROOT / "reports" / "templates" / "report.css").read_text(encoding="utf-8")
    assert f".flow svg {{ width: 100%; max-height: {flow.PRINT_HEIGHT_MM}mm; }}" in css

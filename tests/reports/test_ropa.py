"""The Article 30 register export: columns, rows, CSV formula defusing, CLI."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import hostile_policy as payloads
import pytest
from click.testing import CliRunner
from support import AS_OF, write

from linter import engine
from linter.cli import main
from reports import ropa

POLICY = """\
controller: {id: council, name: County Council, public_authority: true}
notice:
  id: notice
  name: Notice
  rights_stated: [access, complain]
  notice_wide: {data_categories: [contact], sources: [you]}
data_categories:
  - {id: contact, name: name and contact details}
  - {id: health, name: health details, special_category: true}
  - {id: offences, name: offences, criminal_offence: true}
data_subjects:
  - {id: children, name: children}
sources:
  - {id: you, name: you}
  - {id: police, name: police}
lawful_bases:
  - {id: public-task, name: public task, article: 6(1)(e)}
  - id: care
    name: health and social care
    article: 9(2)(h)
    schedule1_condition: Part 1 para 2
  - id: crime
    name: official authority
    article: "10"
    appropriate_policy_document: https://example.org/apd
purposes:
  - {id: safeguard, name: safeguard children, lawful_bases: [public-task]}
recipients:
  - {id: nhs, name: NHS, role: joint-controller}
  - {id: police-recipient, name: Police, role: public-body}
processors:
  - id: acme
    name: Acme Cloud
    location: US
    contract: {reference: C-1, signed: 2024-01-02, article_28: true}
  - {id: local, name: Local Printing, location: GB}
transfers:
  - id: acme-us
    name: Acme hosting
    importer: acme
    destination: US
    mechanism: uk-idta
retention_rules:
  - id: case
    name: case records
    record_class: case records
    period: 35 years
    starts: case-closure
    disposal: destroy
services:
  - id: child-protection
    name: Child Protection
    data_categories: [health, offences]
    data_subjects: [children]
    sources: [police]
    purposes: [safeguard]
    lawful_bases: [care, crime]
    recipients: [nhs, police-recipient]
    processors: [acme, local]
    retention_rules: [case]
    relies_on_notice_wide: [data_categories, sources]
  - id: fostering
    name: Fostering
    automated_decision_making: true
"""


@pytest.fixture
def policy_dir(tmp_path: Path) -> Path:
    return write(tmp_path / "policy", POLICY)


def _rows(folder: Path) -> list[dict[str, ropa.Cell]]:
    result = engine.run([str(folder)], AS_OF)
    assert not result.load_errors
    return ropa.rows(result.policy, AS_OF)


def test_columns_follow_the_ico_template() -> None:
    headers = list(ropa.COLUMNS)
    assert headers[0] == ropa.SERVICE_ID
    from_template = [h for h in headers if h not in (ropa.SERVICE_ID, ropa.ARTICLE_10)]
    assert set(from_template) <= set(ropa.ICO_TEMPLATE)
    positions = [ropa.ICO_TEMPLATE.index(h) for h in from_template if h != "DPA 2018 Schedule 1 condition"]
    assert positions == sorted(positions), "columns keep the template's order"
    for needed in (
        "Business function",
        "Purpose of processing",
        "Categories of individuals",
        "Categories of personal data",
        "Categories of recipients",
        "Link to contract with processor",
        "Third countries or international organisations",
        "Safeguards for exceptional transfers",
        "Retention schedule",
        "Article 6 lawful basis",
        "Article 9 condition",
        "DPA 2018 Schedule 1 condition",
        "Source of the personal data",
    ):
        assert needed in headers


def test_one_row_per_service_with_effective_lists(policy_dir: Path) -> None:
    first, second = _rows(policy_dir)
    assert first[ropa.SERVICE_ID] == "child-protection" and second[ropa.SERVICE_ID] == "fostering"
    assert first["Business function"] == "Child Protection"
    # own categories first, then the notice-wide ones the service relies on
    assert first["Categories of personal data"] == [
        "health details (special category)",
        "offences (criminal offence)",
        "name and contact details",
    ]
    assert first["Source of the personal data"] == ["police", "you"]
    assert first["Categories of individuals"] == ["children"]
    assert first["Purpose of processing"] == ["safeguard children"]
    assert first["Joint controller"] == ["NHS"]
    assert first["Categories of recipients"] == [
        "NHS (joint-controller)",
        "Police (public-body)",
        "Acme Cloud (processor)",
        "Local Printing (processor)",
    ]
    assert first["Link to contract with processor"] == [
        "Acme Cloud: C-1, signed 2024-01-02",
        "Local Printing: no contract recorded",
    ]
    assert first["Third countries or international organisations"] == ["US"]
    assert first["Safeguards for exceptional transfers"] == [
        "Acme hosting: UK International Data Transfer Agreement (IDTA) (US)"
    ]
    assert first["Retention schedule"] == ["case records: 35 years from case-closure, then destroy"]
    # a purpose's basis counts for the service; bases are split by article
    assert first["Article 6 lawful basis"] == ["public task (Art 6(1)(e))"]
    assert first["Article 9 condition"] == ["health and social care (Art 9(2)(h))"]
    assert first[ropa.ARTICLE_10] == ["official authority (Art 10)"]
    assert first["DPA 2018 Schedule 1 condition"] == ["Part 1 para 2 (for health and social care)"]
    assert first["Link to retention and erasure policy document"] == ["https://example.org/apd"]
    assert first["Rights available"] == ["access", "complain"]
    assert first["Automated decision-making"] == "not stated", "silence is not 'no'"
    # a service that relies on no notice-wide list gets none of it
    assert second["Categories of personal data"] == [] and second["Automated decision-making"] == "yes"


def test_csv_joins_multiple_values_and_has_the_header(policy_dir: Path) -> None:
    text = ropa.render(engine.run([str(policy_dir)], AS_OF).policy, "csv")
    table = list(csv.reader(io.StringIO(text)))
    assert table[0] == list(ropa.COLUMNS)
    assert len(table) == 3 and all(len(row) == len(ropa.COLUMNS) for row in table)
    row = dict(zip(table[0], table[1], strict=True))
    assert row["Source of the personal data"] == "police; you"
    assert text.endswith("\r\n")


def test_json_keeps_lists(policy_dir: Path) -> None:
    document = json.loads(ropa.render(engine.run([str(policy_dir)], AS_OF).policy, "json"))
    assert document["columns"] == list(ropa.COLUMNS)
    assert document["rows"][0]["Source of the personal data"] == ["police", "you"]


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("=1+1", "'=1+1"),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("safe = text", "safe = text"),
        ("", ""),
    ],
)
def test_defuse(cell: str, shown: str) -> None:
    assert ropa.defuse(cell) == shown


def test_no_csv_cell_of_a_hostile_policy_starts_a_formula(tmp_path: Path) -> None:
    folder = payloads.write(tmp_path / "hostile")
    text = ropa.render(engine.run([str(folder)], AS_OF).policy, "csv")
    cells = [cell for row in list(csv.reader(io.StringIO(text)))[1:] for cell in row]
    assert cells, "the hostile policy has services"
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'" + payloads.FORMULA in cells, "the formula is kept, as text"


def test_cli_writes_csv_with_a_byte_order_mark(policy_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "ropa.csv"
    result = CliRunner().invoke(main, ["ropa", str(policy_dir), "-o", str(out)])
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [row[ropa.SERVICE_ID] for row in rows] == ["child-protection", "fostering"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_cli_json_to_stdout(policy_dir: Path) -> None:
    result = CliRunner().invoke(main, ["ropa", str(policy_dir), "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["rows"][1]["Business function"] == "Fostering"


def test_cli_does_not_read_the_waiver_file_as_policy(policy_dir: Path) -> None:
    (policy_dir / "policy-waivers.yaml").write_text("waivers: []\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["ropa", str(policy_dir)])
    assert result.exit_code == 0, result.stderr
    assert len(list(csv.reader(io.StringIO(result.stdout)))) == 3


def test_cli_bad_input_exits_2_with_a_located_message(tmp_path: Path) -> None:
    folder = write(tmp_path / "bad", "services:\n  - id: a\n    name: [unclosed\n")
    out = tmp_path / "ropa.csv"
    result = CliRunner().invoke(main, ["ropa", str(folder), "-o", str(out)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"{folder / 'policy.yaml'}:") and ": error: " in line
    assert not out.exists()


def test_cli_refuses_to_overwrite_a_policy_file(policy_dir: Path) -> None:
    target = policy_dir / "policy.yaml"
    before = target.read_bytes()
    result = CliRunner().invoke(main, ["ropa", str(policy_dir), "-o", str(target)])
    assert result.exit_code == 2 and "policy" in result.stderr
    assert target.read_bytes() == before


def test_ropa_does_not_import_jinja2(policy_dir: Path, tmp_path: Path) -> None:
    probe = (
        "import sys\nfrom linter.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write(' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, "ropa", str(policy_dir), "-o", str(tmp_path / "r.csv")],
        capture_output=True,
        text=True,
        check=True,
    )
    modules = set(done.stderr.split())
    assert "reports.ropa" in modules and (tmp_path / "r.csv").exists()
    assert "jinja2" not in modules and "reports.html" not in modules


REGISTER = """\
controller:
  id: council
  name: County Council
  kind: local-authority
  public_authority: true
  contact: {email: info@example.org, phone: [01234 567890], address: [County Hall, Chelmsford]}
  dpo: {name: Jo Bloggs, email: dpo@example.org}
notice:
  id: notice
  name: Notice
  automated_decision_making: {used: false, stated: true, text: We do not make decisions by automated means.}
processors:
  - {id: redfern, name: Redfern, location: outside-uk}
transfers:
  - id: shield
    name: Redfern bookings
    importer: redfern
    destination: US
    mechanism: eu-us-privacy-shield
  - id: unnamed
    name: Redfern elsewhere
    importer: redfern
    destination: worldwide
retention_rules:
  - id: by-schedule
    name: case files
    record_class: case files
    schedule_reference: Corporate retention schedule, section 4
  - id: by-criteria
    name: account data
    record_class: account data
    criteria: while your account is open
services:
  - id: travel
    name: Travel
    processors: [redfern]
    retention_rules: [by-schedule, by-criteria]
  - id: silent
    name: Silent service
    automated_decision_making: false
"""


@pytest.fixture
def register_dir(tmp_path: Path) -> Path:
    return write(tmp_path / "register", REGISTER)


def test_controller_dpo_and_representative_columns(register_dir: Path) -> None:
    travel, _ = _rows(register_dir)
    assert travel["Controller name"] == "County Council"
    assert travel["Controller contact details"] == ["info@example.org", "01234 567890", "County Hall, Chelmsford"]
    assert (travel["DPO name"], travel["DPO contact details"]) == ("Jo Bloggs", ["dpo@example.org"])
    assert (travel["Representative name"], travel["Representative contact details"]) == ("", [])
    headers = list(ropa.COLUMNS)
    assert headers[1:7] == list(ropa.ICO_TEMPLATE[:6])


def test_an_invalid_or_lapsed_mechanism_is_flagged_on_the_export_date(register_dir: Path) -> None:
    result = engine.run([str(register_dir)], AS_OF)
    (travel, _) = ropa.rows(result.policy, AS_OF)
    shield, unnamed = travel["Safeguards for exceptional transfers"]
    assert shield.startswith("Redfern bookings: EU-US Privacy Shield") and "NOT VALID" in shield
    assert "2020-07-16" in shield and shield.endswith("(US)")
    assert unnamed == "Redfern elsewhere: mechanism not stated (worldwide)"
    (then, _) = ropa.rows(result.policy, dt.date(2020, 7, 16))
    assert "NOT VALID" not in then["Safeguards for exceptional transfers"][0], "valid up to its last day"


def test_places_retention_by_reference_and_what_the_notice_says_once(register_dir: Path) -> None:
    travel, silent = _rows(register_dir)
    assert travel["Third countries or international organisations"] == [
        "outside the UK (country not stated)",
        "US",
        "worldwide",
    ]
    assert travel["Retention schedule"] == [
        "case files: period not stated; see Corporate retention schedule, section 4",
        "account data: period not stated; criteria: while your account is open",
    ]
    assert travel["Automated decision-making"] == "no (stated once for the whole notice)"
    assert silent["Automated decision-making"] == "no"


def test_json_carries_a_metadata_block(register_dir: Path) -> None:
    result = CliRunner().invoke(main, ["ropa", str(register_dir), "--format", "json", "--as-of", "2026-11-24"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    meta = document["metadata"]
    assert (meta["organisation"], meta["controller_kind"], meta["as_of"]) == (
        "County Council",
        "local-authority",
        "2026-11-24",
    )
    assert meta["revision"] is None and meta["services"] == 2 and meta["generated_by"].startswith("policy-lint")
    assert document["columns"] == list(ropa.COLUMNS)


def test_cli_dash_writes_to_standard_output(
    register_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["ropa", str(register_dir), "-o", "-"])
    assert result.exit_code == 0 and not (tmp_path / "-").exists()
    assert result.stdout.startswith(ropa.SERVICE_ID), "no byte-order mark on standard output"

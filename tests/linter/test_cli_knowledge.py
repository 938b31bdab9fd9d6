"""`policy-lint knowledge`: every cited fact the rules rest on, with dates and verification."""

from __future__ import annotations

import json

from support import cli

from checks import facts


def test_lists_every_row_of_every_file_with_a_summary() -> None:
    code, out, err = cli("knowledge")
    assert code == 0 and err == ""
    total = sum(len(facts.rows(name)) for name in facts.knowledge_files())
    assert out.rstrip().splitlines()[-1].startswith(f"{total} rows in {len(facts.knowledge_files())} files: ")
    for name in facts.knowledge_files():
        assert f"{name}.yaml " in out


def test_text_shows_dates_citation_history_and_verification() -> None:
    code, out, _ = cli("knowledge", "notice-requirements")
    assert code == 0
    block = out.split("notice-requirements.yaml complaint_to_controller")[1].split("\n\n")[0]
    assert block.startswith("  [yes]  from 2026-06-19")
    assert "citation: UK GDPR Art 13(2)(ca)" in block
    assert "verified: yes:" in block
    complaint = out.split("notice-requirements.yaml complaint  [")[1].split("\n\n")[0]
    assert "citation: (until 2026-06-18)" in complaint and "citation: (from 2026-06-19)" in complaint


def test_json_rows_carry_dates_citations_and_verdict() -> None:
    code, out, _ = cli("knowledge", "adequacy.yaml", "--format", "json")
    assert code == 0
    rows = {row["row"]: row for row in json.loads(out)}
    assert {row["file"] for row in rows.values()} == {"adequacy.yaml"}
    faroe = rows["destinations/FO"]
    assert faroe["dates"] == {"from": "2021-01-01"}
    assert faroe["verdict"] == "yes"
    assert [(entry["from"], entry["until"]) for entry in faroe["citations"]] == [
        (None, "2026-02-04"),
        ("2026-02-05", None),
    ]
    assert rows["later_regulations"]["verdict"] == "partly"
    assert rows["later_regulations"]["dates"] == {"checked_on": "2026-11-24"}


def test_filters_by_file_name_or_path() -> None:
    _, by_name, _ = cli("knowledge", "controller-kinds", "--format", "json")
    _, by_path, _ = cli("knowledge", "checks/knowledge/controller-kinds.yaml", "--format", "json")
    assert by_name == by_path
    assert {row["file"] for row in json.loads(by_name)} == {"controller-kinds.yaml"}


def test_unknown_file_is_a_usage_error_with_a_suggestion() -> None:
    code, out, err = cli("knowledge", "adequacyy")
    assert code == 2 and out == ""
    assert err.strip() == "policy-lint: error: no knowledge file 'adequacyy'; did you mean adequacy?"
    code, _, err = cli("knowledge", "zzz")
    assert code == 2 and "known files: adequacy," in err


def test_every_row_has_a_citation_and_a_note() -> None:
    for name in facts.knowledge_files():
        for row in facts.rows(name):
            assert row.citations and all(entry.text for entry in row.citations), (row.file, row.path)
            assert row.verdict in {"yes", "partly", "no", "n/a"}, (row.file, row.path, row.verified)

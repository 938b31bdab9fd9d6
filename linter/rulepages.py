"""The catalogue's pages: ``rules`` (the list) and ``explain`` (one rule, or a
family). They read the rules' metadata from :mod:`checks.catalogue`, never
the rule modules, the engine or the configuration, so that they start fast."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence

import click

from linter.findings import DatedCitation, Rule
from linter.unusable import exits_two_when_unusable, usage


def rules(fmt: str = "text") -> int:
    """List the catalogue: id, severity, area, title."""
    from checks import catalogue as index

    catalogue = list(index.rules().values())
    if fmt == "json":
        rows = [
            {
                "id": rule.id,
                "severity": rule.severity.value,
                "area": rule.area,
                "title": rule.title,
                "citation": rule.citation,
                "citations": [dated(entry) for entry in rule.citations],
                "time_dependent": rule.time_dependent,
            }
            for rule in catalogue
        ]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    area_width = max((len(rule.area) for rule in catalogue), default=0)
    for rule in catalogue:
        click.echo(f"{rule.id}  {rule.severity.value:<7}  {rule.area:<{area_width}}  {rule.title}")
    return 0


def paragraph(text: str) -> str:
    return textwrap.fill(
        " ".join(text.split()),
        width=78,
        initial_indent="  ",
        subsequent_indent="  ",
        break_long_words=False,
        break_on_hyphens=False,  # keep file names and dates whole
    )


def _example(text: str) -> str:
    return textwrap.indent(text.rstrip("\n"), "    ")


def _citation_history(rule: Rule) -> list[str]:
    """The 'Citation history' section: each dated citation and when it applies (none for one citation)."""
    if not rule.citations:
        return []
    lines = ["Citation history (a finding cites the one in force on --as-of)"]
    for entry in rule.citations:
        lines.append(paragraph(f"{entry.period()}: {entry.text}"))
    return [*lines, ""]


def format_rule(rule: Rule) -> str:
    """The rule page: what it checks, why it matters, citation, examples, fix."""
    sections = [
        f"{rule.id} ({rule.severity.value}, {rule.area}" + (", depends on --as-of)" if rule.time_dependent else ")"),
        "",
        "What it checks",
        paragraph(rule.title),
        "",
        "Why it matters",
        paragraph(rule.rationale),
        "",
        "Citation",
        paragraph(rule.citation),
        "",
        *_citation_history(rule),
        "Failing example",
        _example(rule.failing),
        "",
        "Passing example",
        _example(rule.passing),
        "",
        "Fix",
        paragraph(rule.remediation),
    ]
    return "\n".join(sections) + "\n"


def format_family(prefix: str, family: Sequence[Rule]) -> str:
    """The rules whose ids start with ``prefix``: id, severity, title; how to read one."""
    areas = sorted({rule.area for rule in family})
    lines = [f"{prefix}: {len(family)} rule{'' if len(family) == 1 else 's'} ({', '.join(areas)})", ""]
    lines += [f"  {rule.id}  {rule.severity.value:<7}  {rule.title}" for rule in family]
    lines += ["", f"policy-lint explain {family[0].id} shows what a rule checks, why, the law and the fix."]
    return "\n".join(lines) + "\n"


@exits_two_when_unusable
def explain(rule_id: str) -> int:
    """Print a rule's page, or the list of a family's rules for a prefix ('TRF');
    an unknown id is a usage error with a suggestion."""
    from checks import catalogue as index

    catalogue = index.rules()
    rule = catalogue.get(rule_id.strip().upper())
    family = [rule for rule in catalogue.values() if rule.id.startswith(rule_id.strip().upper())]
    if rule is None and family and rule_id.strip():
        click.echo(format_family(rule_id.strip().upper(), family), nl=False)
        return 0
    if rule is None:
        import difflib  # only for a rule id that is not known

        guesses = difflib.get_close_matches(rule_id.strip().upper(), list(catalogue), n=3, cutoff=0.5)
        hint = f"; did you mean {' or '.join(guesses)}?" if guesses else " (see 'policy-lint rules')"
        raise usage(f"no rule {rule_id!r}{hint}")
    click.echo(format_rule(rule), nl=False)
    return 0


def dated(entry: DatedCitation) -> dict[str, str | None]:
    """A dated citation as JSON: from, until (None: no bound) and the text."""
    return {
        "from": entry.start.isoformat() if entry.start else None,
        "until": entry.end.isoformat() if entry.end else None,
        "citation": entry.text,
    }

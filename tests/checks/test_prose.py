"""Every piece of prose the policy holds reaches the rules that read words."""

from __future__ import annotations

import datetime as dt

from checks.prose import Wording, anchor, by_cause, cause_finding, find, passages, places
from checks.regime import EU_REGIME as REGIME_RULE
from linter.build import build
from linter.context import Context
from linter.loader import Document, parse

POLICY = """\
notice:
  id: n
  name: N
  rights_information: You have rights under the GDPR.
  laws_cited:
    - cited_as: the Data Protection Act 1998
  rights:
    objection:
      how: write to us
      trace: {section: Rights, quote: You can object to marketing.}
  transfers_statement:
    text: Nothing leaves the EEA.
statements:
  - id: cookies
    name: cookies
    topic: cookies
    text: By using this site you agree to cookies.
    trace:
      section: Cookies
      quote: first place
      also:
        - {section: Cookies, quote: second place}
services:
  - id: s
    name: S
    description: Sensitive personal data is kept safe.
"""


def test_passages_cover_quotes_texts_and_laws_with_their_positions() -> None:
    policy, problems = build([Document("p.yaml", parse(POLICY, "p.yaml"))])
    assert problems == []
    ctx = Context(policy, dt.date(2026, 11, 24))
    found = {(p.entity.ref, p.field, p.kind, p.text, p.position.line) for p in passages(ctx)}
    assert ("notice:n", "rights_information", "text", "You have rights under the GDPR.", 4) in found
    assert ("notice:n", "laws_cited[0]", "law", "the Data Protection Act 1998", 5) in found
    # a text field inside a nested mapping is placed at the entity's field that holds it
    assert ("notice:n", "rights.objection.how", "text", "write to us", 7) in found
    assert ("notice:n", "rights.objection.trace.quote", "quote", "You can object to marketing.", 10) in found
    assert ("notice:n", "transfers_statement.text", "text", "Nothing leaves the EEA.", 11) in found
    assert ("statement:cookies", "text", "text", "By using this site you agree to cookies.", 17) in found
    assert ("statement:cookies", "trace.quote", "quote", "first place", 20) in found
    assert ("statement:cookies", "trace.quote", "quote", "second place", 22) in found
    assert ("service:s", "description", "text", "Sensitive personal data is kept safe.", 26) in found
    assert passages(ctx) is passages(ctx)  # computed once per run


def _ctx(text: str) -> Context:
    policy, problems = build([Document("p.yaml", parse(text, "p.yaml"))])
    assert problems == []
    return Context(policy, dt.date(2026, 11, 24))


def test_a_law_passage_carries_the_law_it_cites() -> None:
    ctx = _ctx(
        "notice:\n  id: n\n  name: N\n  laws_cited:\n"
        "    - cited_as: the records code\n      title: Records Management Code of Practice 2021\n      year: 2021\n"
    )
    (law,) = [p for p in passages(ctx) if p.kind == "law"]
    assert law.law is not None and law.law.title == "Records Management Code of Practice 2021"


def test_find_skips_links_unless_spans_and_spans_taken() -> None:
    ctx = _ctx(
        "statements:\n  - id: s\n    name: s\n    topic: other\n"
        "    text: the GDPR, the UK GDPR, https://x.org/gdpr and the GDPR again\n"
    )
    wording = Wording.of({"id": "gdpr", "pattern": r"\bGDPR\b", "unless": r"\bUK\s+GDPR"})
    hits = find(passages(ctx), [wording])
    assert [(hit.start, hit.phrase) for hit in hits] == [(4, "GDPR"), (50, "GDPR")]
    assert [hit.start for hit in find(passages(ctx), [wording], taken=lambda passage: [(0, 10)])] == [50]
    assert len(find(passages(ctx), [wording], skip_links=False)) == 3


def test_overlapping_wordings_keep_the_first_then_longest_match() -> None:
    ctx = _ctx(
        "statements:\n  - id: s\n    name: s\n    topic: other\n    text: Department of Health and Social Care\n"
    )
    short = Wording.of({"id": "short", "pattern": r"Department of Health"})
    long = Wording.of({"id": "long", "pattern": r"Department of Health and Social Care"})
    (hit,) = find(passages(ctx), [short, long])
    assert hit.wording.id == "long"


def test_a_cause_stands_at_its_first_entity_most_structured_place() -> None:
    ctx = _ctx(
        "statements:\n  - id: a\n    name: a\n    topic: other\n    text: the GDPR here\n"
        "    trace:\n      quote: the GDPR there\n"
        "  - id: b\n    name: b\n    topic: other\n    text: the GDPR too\n"
    )
    wording = Wording.of({"id": "gdpr", "pattern": r"\bGDPR\b"})
    (cause,) = by_cause(find(passages(ctx), [wording]))
    assert anchor(cause).field == "text" and places(cause) == "statement:a text and 2 other place(s)"
    finding = cause_finding(ctx, REGIME_RULE, cause, "message")
    assert (finding.entity, finding.field, finding.line) == ("statement:a", "text", 5)
    assert [related.entity for related in finding.related] == ["statement:b"]

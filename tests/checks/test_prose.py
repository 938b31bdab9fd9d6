"""Every piece of prose the policy holds reaches the rules that read words."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import ROOT, example_files

from checks import currency, legislation, prose, regime, transfers
from checks.prose import Hit, Passage, Wording, anchor, by_cause, cause_finding, find, passages, places
from checks.regime import EU_REGIME as REGIME_RULE
from checks.registry import RULES
from linter.build import build
from linter.context import Context
from linter.loader import Document, load_file, parse
from linter.model import Policy

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


# --- the words a wording needs (find's shortcut) ----------------------------------------


@pytest.mark.parametrize(
    ("pattern", "alternatives"),
    [
        (r"\b(?:the\s+)?Children\s+Act\s*,?\s*\(?\s*1989\b", ((("children",), ("1989",), ("act",)),)),
        # a branch splits into alternatives; one that asks for more than another is dropped
        (r"\b(hm|her majesty'?s) courts? service\b|\bHMCS\b", (((" service",), (" court",)), (("hmcs",),))),
        # words shorter than three letters go where a longer clause remains
        (r"\bEU\b", ((("eu",),),)),
        (r"\bEU law\b", ((("eu law",),),)),
        # "&" is too short to tell; the alternative with "and" then asks for more than the one without
        (
            r"\bdepartment for communities (and|&) local government\b|\bDCLG\b",
            ((("department for communities ",), (" local government",)), (("dclg",),)),
        ),
        (r"(?:ab)+c?", ((("ab",),),)),
        (r"caf\u00e9 law", (((" law",), ("caf",)),)),
        # nothing known: every text may match
        (r"[a-z]+", ((),)),
        (r"x*", ((),)),
        (r"(?=gdpr)\w+", ((),)),
    ],
)
def test_what_a_text_must_hold_for_a_pattern_to_match(pattern: str, alternatives: Any) -> None:
    found = prose.needed_alternatives(re.compile(pattern, re.IGNORECASE))
    assert found == alternatives
    # a lazy pattern (compiled when first searched with) needs the same
    assert prose.needed_alternatives(prose.Lazy(pattern, re.IGNORECASE)) == found


def _all_wordings() -> list[Wording]:
    return [
        *legislation._wordings(),
        *legislation._families(),
        *transfers.eu_wording(),
        *(wording for kind in ("eu-regime", "superseded-term") for wording in regime.wordings(kind)),
        *(wording for table in ("bodies", "misspellings", "moved_units") for wording in currency._table(table)),
    ]


def _without_shortcut(monkeypatch: pytest.MonkeyPatch, texts: list[Passage], wordings: list[Wording]) -> list[Hit]:
    with monkeypatch.context() as patch:
        patch.setattr(prose, "_usable", lambda pattern: ((),))  # nothing known: every wording in every text
        return find(texts, wordings)


def _built(folder: Path) -> Policy:
    documents = [load_file(path) for path in sorted(folder.rglob("*.yaml")) if path.name != "policy-waivers.yaml"]
    return build(documents)[0]


def _passages_of(folder: Path) -> list[Passage]:
    return passages(Context(_built(folder), dt.date(2026, 11, 24), []))


def test_the_shortcut_finds_what_every_wording_finds_in_every_policy(monkeypatch: pytest.MonkeyPatch) -> None:
    wordings = _all_wordings()
    assert len(wordings) > 50 and sum(() not in prose.needed_alternatives(w.pattern) for w in wordings) > 50
    folders = [ROOT / "policy", *sorted((ROOT / "tests" / "corpus").glob("*/policy"))]
    texts = [passage for folder in folders for passage in _passages_of(folder)]
    hits = find(texts, wordings)
    assert hits == _without_shortcut(monkeypatch, texts, wordings)
    assert len(hits) > 20


_PIECES = [
    "Children Act 1989",
    "HM Courts Service",
    "Her Majesty's",
    "court",
    " service",
    "Information Commissioner",
    "the Data Protection Act 1998",
    "GDPR",
    "Privacy Shield",
    "EU \u017fCCs",
    "DCLG",
    "Department of Health",
    "\u0130",
    "\u0131",
    "\u017f",
    "\u212a",
    "\u2019",
    " ",
    ", ",
    "(",
    "1998",
    "act",
    "EU",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=4), max_size=12), st.randoms())
def test_a_wording_matches_only_in_a_text_that_holds_one_of_its_alternatives(pieces: list[str], random: Any) -> None:
    texts = ["".join(random.choice([str.upper, str.lower, str.title, str])(piece) for piece in pieces)]
    texts += [texts[0] + "\0" + texts[0][::-1], "", "\u0130" + texts[0]]  # a NUL, nothing, a case oddity
    wordings = _all_wordings()
    kept = {index: set(numbers) for index, numbers in prose.candidates(texts, [w.pattern for w in wordings])}
    for index, text in enumerate(texts):
        for number, wording in enumerate(wordings):
            if any(m.end() > m.start() for m in wording.pattern.finditer(text)):
                assert number in kept.get(index, ()), (wording.id, text)
    assert set(kept.get(3, ())) == set(range(len(wordings))), "a case oddity: every wording is tried"


def _every_field(cls: type) -> tuple[str, ...]:
    return tuple(item.name for item in dataclasses.fields(cls) if item.name not in ("position", "key_positions"))


def test_the_walk_skips_only_fields_that_hold_no_prose(monkeypatch: pytest.MonkeyPatch) -> None:
    """The walk reads the fields whose declared type can hold prose; walking every field finds the same."""
    folders = [ROOT / "policy", *sorted((ROOT / "tests" / "corpus").glob("*/policy"))]
    examples = [
        Document(f"{rule.id}.yaml", parse(text, "x.yaml"))
        for rule in RULES.values()
        for example in (rule.failing, rule.passing)
        for name, text in example_files(example).items()
        if name != "policy-waivers.yaml"
    ]
    policies = [_built(folder) for folder in folders] + [build([document])[0] for document in examples]

    def found() -> list[list[tuple[str, str, str, str, Any]]]:
        return [
            [(p.entity.ref, p.field, p.text, p.kind, p.where) for p in prose._policy_passages(policy)]
            for policy in policies
        ]

    fast = found()
    monkeypatch.setattr(prose, "_field_names", _every_field)
    assert fast == found()
    assert sum(map(len, fast)) > 1000

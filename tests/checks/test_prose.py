"""Every piece of prose the policy holds reaches the rules that read words."""

from __future__ import annotations

import datetime as dt

from checks.prose import passages
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

"""Traceability of ``policy/`` to the published children's services notice.

Every statement of the notice must be traceable to policy data and every
policy entity must be traceable to the notice (or say why it was added).
The notice is split, and quotes are matched, by the code of
``policy-lint trace`` (:mod:`linter.noticetext`, :mod:`linter.tracing`);
these tests prove against the seed text itself that:

1. ``policy-lint trace`` finds no untraced statement and no stale quote;
2. every service heading of the notice maps to one service entity;
3. every bullet of the notice is made up of the trace quotes of entities
   traced to its section, and every "e.g." example a bullet names is an
   entity, a quote or an example;
4. every entity's trace either quotes the notice inside the section it names,
   or says why the entity was added; text copied from the notice is verbatim;
5. the counts of services, data categories, sources and purposes match the
   notice.

The seed is found through ``POLICY_LINT_SHARED`` or the ``shared`` folder next
to the repository. Without it these tests are skipped, saying what is missing;
under CI (``CI=true``) a missing seed is a failure (``support.shared``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support import AS_OF, ROOT, cli, shared, shared_dir

from linter import engine, noticetext, tracing
from linter.loader import Position
from linter.model import Entity, Policy, Recipient, Service, Trace
from linter.noticetext import Notice, Unit
from linter.tracing import normalise

POLICY_DIR = ROOT / "policy"
SEED_PATH = shared_dir() / "seed" / "childrens-services-privacy-notice.txt"

SERVICES_START = "What services are covered by this privacy notice?"
SERVICES_END = "What personal information do we hold?"
SOURCES_SECTION = "What personal information do we hold?"
SOURCES_INTRO = "We get most of this information from you"
PURPOSES_SECTION = "How do we use your personal information?"

EXPECTED_SERVICES = 27
EXPECTED_DATA_CATEGORIES = 16
EXPECTED_NOTICE_SOURCES = 18
EXPECTED_NOTICE_PURPOSES = 8

# Words that may be left over once the quoted parts of a bullet are removed.
CONNECTIVES = frozenset({"and", "or", "the", "of", "for", "a", "an", "to", "in", "e", "g", "including"})


# --------------------------------------------------------------------------
# The notice and the policy, read by the linter's own code
# --------------------------------------------------------------------------


def _read_notice() -> tuple[Notice | None, str | None]:
    if not SEED_PATH.is_file():
        return None, (
            f"seed notice not found at {SEED_PATH}: set POLICY_LINT_SHARED to the "
            "shared folder that holds seed/childrens-services-privacy-notice.txt"
        )
    return noticetext.read(str(SEED_PATH)), None


NOTICE, NOTICE_ERROR = _read_notice()
POLICY, POLICY_FILES, LOAD_ERRORS = engine.load([str(POLICY_DIR)])


def need_notice() -> Notice:
    """The seed notice; without the shared folder the test is skipped (failed under CI), see support.shared."""
    shared("seed", SEED_PATH.name)
    if NOTICE is None:
        pytest.fail(NOTICE_ERROR or "seed notice missing")
    return NOTICE


def headings_between(notice: Notice, start: str, end: str) -> list[Unit]:
    texts = [unit.text for unit in notice.headings]
    first, last = texts.index(start), texts.index(end)
    return notice.headings[first + 1 : last]


def section_text(notice: Notice, section: str) -> str:
    """The normalised text under every heading equal to ``section``."""
    return normalise(" ".join(unit.text for unit in notice.units if normalise(unit.section) == normalise(section)))


def bullet_text(bullet: list[Unit]) -> str:
    return " ".join(unit.text for unit in bullet).rstrip(",").strip()


def bullets_in(notice: Notice, section: str, after: str | None = None) -> list[list[Unit]]:
    """Bullets of one section, optionally only those after the sentence starting with ``after``."""
    start = 0
    if after is not None:
        start = next(unit.line for unit in notice.units if unit.text.startswith(after))
    return [b for b in notice.bullets() if normalise(b[0].section) == normalise(section) and b[0].line > start]


def traces(entity: Entity) -> Iterator[tuple[str, Trace | None]]:
    """The entity's own trace and any nested trace (notice.complaint.trace ...)."""
    yield entity.ref, entity.trace
    for name in entity.key_positions:
        nested = getattr(getattr(entity, name, None), "trace", None)
        if isinstance(nested, Trace):
            yield f"{entity.ref}.{name}", nested


def quotes_in(policy: Policy, section: str) -> list[tracing.Quote]:
    """The trace quotes of every entity (or nested trace) traced to ``section``."""
    found = []
    for entity in policy.all():
        for label, trace in traces(entity):
            if trace is not None and trace.quote and normalise(trace.section) == normalise(section):
                found.append(tracing.Quote(trace.quote, "quote", label, "trace.quote", entity.position))
    return found


def texts_in(policy: Policy, section: str) -> list[str]:
    """Quotes, names and examples of entities traced to ``section``."""
    found: list[str] = []
    for entity in policy.all():
        if entity.trace is not None and normalise(entity.trace.section) == normalise(section):
            found += [normalise(entity.trace.quote), normalise(entity.name)]
            if isinstance(entity, Recipient):
                found += [normalise(example) for example in entity.examples]
    return [text for text in found if text]


def left_over(text: str, candidates: list[str]) -> set[str]:
    """The words of ``text`` that no candidate covers, connectives aside (matched as ``trace`` matches)."""
    unit = Unit("sentence", text, 1, "", 1)
    quotes = [tracing.Quote(c, "quote", "test", "text", Position("test", 1, 1)) for c in candidates]
    result = tracing.trace(Notice("text", "text", (unit,)), quotes)
    return set(result.units[0].uncovered) - CONNECTIVES


def eg_items(text: str) -> list[str]:
    """The comma-separated examples after "(e.g. " (tolerating a missing ')')."""
    start = text.find("(e.g. ")
    if start < 0:
        return []
    items, depth, current = [], 1, ""
    for ch in text[start + len("(e.g. ") :]:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                break
        if ch == "," and depth == 1:
            items.append(current.strip())
            current = ""
        else:
            current += ch
    items.append(current.strip())
    return [i for i in items if i]


def _params(values: list[Any], ids: list[str]) -> list[Any]:
    """Parametrise; when the seed is missing, one case that fails (not skips)."""
    if NOTICE is None:
        return [pytest.param(None, id="seed-missing")]
    return [pytest.param(v, id=i) for v, i in zip(values, ids, strict=True)]


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


# --------------------------------------------------------------------------
# Preconditions
# --------------------------------------------------------------------------


def test_seed_notice_is_present() -> None:
    need_notice()


def test_policy_loads_without_shape_or_reference_problems() -> None:
    assert not LOAD_ERRORS, "\n".join(str(error) for error in LOAD_ERRORS)
    result = engine.run([str(POLICY_DIR)], AS_OF, select=["SCH", "REF001", "REF002"])
    assert not result.findings, "\n".join(f"{f.file}:{f.line}: {f.rule} {f.message}" for f in result.findings)
    assert POLICY.all(), "no policy entities found"


# --------------------------------------------------------------------------
# (1) policy-lint trace: nothing untraced, nothing stale
# --------------------------------------------------------------------------


def test_trace_finds_no_untraced_statement_and_no_stale_quote() -> None:
    notice = need_notice()
    result = tracing.trace(notice, tracing.policy_quotes(POLICY))
    problems = [f"line {item.unit.line}: untraced {item.unit.kind} {item.unit.text!r}" for item in result.untraced]
    problems += [f"{quote.position}: stale {quote.kind} {quote.text!r}" for quote in result.stale]
    assert not problems, "\n".join(problems)
    assert result.count("traced") > 0.8 * len(result.units), "most of the notice is traced by quotes, not ignored"


def test_trace_command_exits_zero_on_the_seed() -> None:
    need_notice()
    code, out, err = cli("trace", str(SEED_PATH), str(POLICY_DIR))
    assert (code, err) == (0, ""), out + err
    assert out.startswith("pass: 0 untraced, 0 stale ("), out


def test_every_ignore_entry_gives_a_reason() -> None:
    assert POLICY.notice is not None
    for entry in POLICY.notice.trace_ignore:
        assert len(entry.reason.split()) >= 4, f"trace_ignore entry {entry.quote!r} gives no real reason"


# --------------------------------------------------------------------------
# (2) Services
# --------------------------------------------------------------------------

_HEADINGS = [unit.text for unit in headings_between(NOTICE, SERVICES_START, SERVICES_END)] if NOTICE else []


@pytest.mark.parametrize("heading", _params(_HEADINGS, _HEADINGS))
def test_service_heading_has_a_service_entity(heading: str | None) -> None:
    need_notice()
    assert heading is not None
    matches = [
        service
        for service in POLICY.services
        if normalise(service.name) == normalise(heading)
        or (service.trace is not None and normalise(service.trace.quote) == normalise(heading))
    ]
    assert matches, f"no service entity named or quoting the notice's service heading {heading!r}"
    assert len(matches) == 1, f"{heading!r} matches several services: {[s.id for s in matches]}"
    trace = matches[0].trace
    assert trace is not None and normalise(trace.section) == normalise(heading), "traced to its own heading"


def test_each_service_is_in_its_own_file() -> None:
    problems = []
    by_file: dict[str, list[str]] = {}
    for service in POLICY.services:
        file = Path(service.position.file)
        by_file.setdefault(str(file), []).append(service.id)
        if file.parent != POLICY_DIR / "services" or file.stem != service.id:
            problems.append(f"service {service.id} is in {file}, expected policy/services/{service.id}.yaml")
    for path, ids in by_file.items():
        if len(ids) != 1:
            problems.append(f"{path} holds {len(ids)} services: {ids}")
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------
# (3) Bullets
# --------------------------------------------------------------------------

_BULLETS = NOTICE.bullets() if NOTICE else []
_BULLET_IDS = [f"L{b[0].line}:{_short(bullet_text(b))}" for b in _BULLETS]


@pytest.mark.parametrize("bullet", _params(_BULLETS, _BULLET_IDS))
def test_bullet_is_made_of_quotes_of_its_section(bullet: list[Unit] | None) -> None:
    notice = need_notice()
    assert bullet is not None
    section = bullet[0].section
    result = tracing.trace(notice, quotes_in(POLICY, section))
    left = {word for item in result.units if item.unit in bullet for word in item.uncovered}
    assert left <= CONNECTIVES, (
        f"notice line {bullet[0].line} ({section!r}) is not made up of the trace quotes of entities "
        f"traced to that section: {bullet_text(bullet)!r} leaves {sorted(left - CONNECTIVES)}"
    )


_EG = [(b, item) for b in _BULLETS for item in eg_items(bullet_text(b))]
_EG_IDS = [f"L{b[0].line}:{_short(item)}" for b, item in _EG]


@pytest.mark.parametrize("case", _params(_EG, _EG_IDS))
def test_bullet_example_is_traced(case: tuple[list[Unit], str] | None) -> None:
    need_notice()
    assert case is not None
    bullet, item = case
    # The bullet's own full quote covers every example trivially: leave it out.
    candidates = [text for text in texts_in(POLICY, bullet[0].section) if normalise(bullet_text(bullet)) not in text]
    inside = any(normalise(item) in text for text in candidates)
    assert inside or not left_over(item, candidates), (
        f"example {item!r} of notice line {bullet[0].line} is not an entity name, trace quote or listed example"
    )


# --------------------------------------------------------------------------
# (4) Every entity's trace
# --------------------------------------------------------------------------

_TRACES = [(label, trace) for entity in POLICY.all() for label, trace in traces(entity)]
_TRACE_IDS = [label for label, _ in _TRACES]


@pytest.mark.parametrize("case", _params(_TRACES, _TRACE_IDS))
def test_trace_quotes_the_notice_or_says_why_added(case: tuple[str, Trace | None] | None) -> None:
    notice = need_notice()
    assert case is not None
    label, trace = case
    assert trace is not None, f"{label} has no trace"
    if trace.quote or trace.section:
        assert trace.section and trace.quote, f"{label}: a notice trace needs both section and quote"
        headings = [normalise(unit.text) for unit in notice.headings]
        assert normalise(trace.section) in headings, f"{label}: section {trace.section!r} is not a heading"
        assert normalise(trace.quote) in section_text(notice, trace.section), (
            f"{label}: quote {trace.quote!r} does not occur verbatim under the heading {trace.section!r}"
        )
    else:
        assert len(trace.added.split()) >= 3, f"{label}: trace has neither section+quote nor an `added` reason"


@pytest.mark.parametrize("service", _params(POLICY.services, [s.id for s in POLICY.services]))
def test_service_description_is_the_notice_text(service: Service | None) -> None:
    notice = need_notice()
    assert service is not None
    assert service.description, f"{service.ref} has no description"
    assert normalise(service.description) in section_text(notice, service.name), (
        f"{service.ref}: description is not the notice's text under {service.name!r}"
    )


def _verbatim_fields() -> list[tuple[str, str]]:
    """Fields that copy the notice's wording and so must occur in it verbatim."""
    fields = [(f"{t.ref}.notice_wording", t.notice_wording) for t in POLICY.transfers if t.notice_wording]
    notice = POLICY.notice
    if notice is not None:
        fields += [(f"{notice.ref}.{key}", getattr(notice, key)) for key in ("description", "rights_information")]
        if notice.transfers_statement is not None:
            fields.append((f"{notice.ref}.transfers_statement.text", notice.transfers_statement.text))
    return [(label, text) for label, text in fields if text]


_VERBATIM = _verbatim_fields()


@pytest.mark.parametrize("case", _params(_VERBATIM, [label for label, _ in _VERBATIM]))
def test_copied_wording_is_verbatim(case: tuple[str, str] | None) -> None:
    notice = need_notice()
    assert case is not None
    label, text = case
    whole = normalise(" ".join(unit.text for unit in notice.units))
    assert normalise(text) in whole, f"{label} is not verbatim notice text: {text!r}"


def test_every_entity_has_a_trace() -> None:
    untraced = [entity.ref for entity in POLICY.all() if entity.trace is None]
    assert not untraced, f"entities without a trace: {untraced}"


# --------------------------------------------------------------------------
# (5) Counts
# --------------------------------------------------------------------------


def test_service_count() -> None:
    notice = need_notice()
    assert len(headings_between(notice, SERVICES_START, SERVICES_END)) == EXPECTED_SERVICES, "the list changed"
    assert len(POLICY.services) == EXPECTED_SERVICES


def test_data_category_count() -> None:
    notice = need_notice()
    intro = next(unit.line for unit in notice.units if unit.text.startswith(SOURCES_INTRO))
    listed = [b for b in bullets_in(notice, SOURCES_SECTION) if b[0].line < intro]
    assert len(listed) == EXPECTED_DATA_CATEGORIES, "the notice's data category list changed"
    assert len(POLICY.data_categories) == EXPECTED_DATA_CATEGORIES
    _assert_one_entity_per_bullet(POLICY.data_categories, listed)


def test_notice_source_count() -> None:
    notice = need_notice()
    listed = bullets_in(notice, SOURCES_SECTION, after=SOURCES_INTRO)
    assert len(listed) == EXPECTED_NOTICE_SOURCES, "the notice's source list changed"
    _assert_one_entity_per_bullet(POLICY.sources, listed)
    assert len(POLICY.sources) >= EXPECTED_NOTICE_SOURCES
    assert any(source.data_subject for source in POLICY.sources), "no source for 'you'"


def test_notice_purpose_count() -> None:
    notice = need_notice()
    listed = bullets_in(notice, PURPOSES_SECTION)
    assert len(listed) == EXPECTED_NOTICE_PURPOSES, "the notice's purpose list changed"
    _assert_one_entity_per_bullet(POLICY.purposes, listed)


def _assert_one_entity_per_bullet(entities: list[Any], bullets: list[list[Unit]]) -> None:
    problems = []
    for bullet in bullets:
        text = normalise(bullet_text(bullet))
        hits = [e.id for e in entities if e.trace is not None and normalise(e.trace.quote) == text]
        if len(hits) != 1:
            problems.append(f"line {bullet[0].line} {text!r}: {len(hits)} entities quote it {hits}")
    assert not problems, "\n".join(problems)

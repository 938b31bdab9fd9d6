"""Traceability of ``policy/`` to the published children's services notice.

Every statement of the notice must be traceable to policy data and every
policy entity must be traceable to the notice (or say why it was added).
These tests prove it against the seed text itself:

1. every service heading of the notice maps to a service entity;
2. every bullet line of the notice is the trace quote of an entity (or is
   made up of such quotes), and every "e.g." example a bullet names is an
   entity, a quote or an example;
3. every entity's trace either quotes the notice verbatim, inside the section
   it names, or says why the entity was added;
4. the counts of services, data categories, sources and purposes match the
   notice.

The policy files are read with ``yaml.safe_load`` directly, independent of
the linter's loader. The seed is found through ``POLICY_LINT_SHARED`` or the
``shared`` folder next to the repository; a missing seed is a failure, never
a skip.
"""

from __future__ import annotations

import os
import string
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from linter.schema import NOTICE_WIDE_FIELDS

REPO_ROOT = Path(__file__).resolve().parents[2]
POLICY_DIR = REPO_ROOT / "policy"
SEED_RELATIVE = Path("seed") / "childrens-services-privacy-notice.txt"

SERVICES_START = "What services are covered by this privacy notice?"
SERVICES_END = "What personal information do we hold?"
SOURCES_SECTION = "What personal information do we hold?"
SOURCES_INTRO = "We get most of this information from you"
PURPOSES_SECTION = "How do we use your personal information?"

EXPECTED_SERVICES = 27
EXPECTED_DATA_CATEGORIES = 16
EXPECTED_NOTICE_SOURCES = 18
EXPECTED_NOTICE_PURPOSES = 8

SINGLE_KINDS = ("controller", "notice")
LIST_KINDS = (
    "services",
    "data_categories",
    "data_subjects",
    "sources",
    "purposes",
    "recipients",
    "processors",
    "transfers",
    "retention_rules",
    "lawful_bases",
)
# Words that may be left over once the quoted parts of a bullet are removed.
CONNECTIVES = frozenset({"and", "or", "the", "of", "for", "a", "an", "to", "in", "e.g.", "including"})

_QUOTE_MARKS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def norm(text: object) -> str:
    """Normalise for comparison: straight quotes, single spaces, case-folded."""
    return " ".join(str(text).translate(_QUOTE_MARKS).split()).casefold()


def shared_dir() -> Path:
    env = os.environ.get("POLICY_LINT_SHARED")
    if env:
        return Path(env)
    return REPO_ROOT / ".." / "shared"


SEED_PATH = shared_dir() / SEED_RELATIVE


# --------------------------------------------------------------------------
# The notice
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Bullet:
    line: int  # 1-based line number in the notice
    text: str
    section: str


@dataclass(frozen=True)
class Notice:
    lines: tuple[str, ...]
    headings: tuple[int, ...]  # 0-based indices of heading lines

    @classmethod
    def read(cls, path: Path) -> Notice:
        lines = tuple(path.read_text(encoding="utf-8").splitlines())
        return cls(lines, tuple(i for i in range(len(lines)) if cls._is_heading(lines, i)))

    @staticmethod
    def _is_heading(lines: tuple[str, ...], i: int) -> bool:
        """A heading stands alone between blank lines and is not a sentence."""
        text = lines[i].strip()
        if not text or text.startswith("\u2022") or text.endswith((".", ":", ",")):
            return False
        before = lines[i - 1].strip() if i > 0 else ""
        after = lines[i + 1].strip() if i + 1 < len(lines) else ""
        return not before and not after

    def heading_text(self, i: int) -> str:
        return self.lines[i].strip()

    def is_heading(self, section: str) -> bool:
        return any(norm(self.lines[i]) == norm(section) for i in self.headings)

    def section_text(self, section: str) -> str:
        """The text under every heading equal to ``section``, up to the next heading."""
        parts = []
        for n, i in enumerate(self.headings):
            if norm(self.lines[i]) == norm(section):
                end = self.headings[n + 1] if n + 1 < len(self.headings) else len(self.lines)
                parts.append(" ".join(self.lines[i + 1 : end]))
        return norm(" ".join(parts))

    def section_of(self, line_index: int) -> str:
        current = ""
        for i in self.headings:
            if i > line_index:
                break
            current = self.heading_text(i)
        return current

    def service_headings(self) -> list[str]:
        start = self.lines.index(SERVICES_START)
        end = self.lines.index(SERVICES_END)
        return [self.heading_text(i) for i in self.headings if start < i < end]

    def bullets(self) -> list[Bullet]:
        found = []
        for i, line in enumerate(self.lines):
            stripped = line.strip()
            if stripped.startswith("\u2022"):
                text = stripped.lstrip("\u2022").strip().rstrip(",").strip()
                found.append(Bullet(i + 1, text, self.section_of(i)))
        return found

    def bullets_in(self, section: str, after: str | None = None) -> list[Bullet]:
        """Bullets of one section, optionally only those after a line starting with ``after``."""
        start = 0
        if after is not None:
            start = next(i for i, line in enumerate(self.lines) if line.startswith(after))
        return [b for b in self.bullets() if norm(b.section) == norm(section) and b.line - 1 > start]


def _read_notice() -> tuple[Notice | None, str | None]:
    if not SEED_PATH.is_file():
        return None, (
            f"seed notice not found at {SEED_PATH}: set POLICY_LINT_SHARED to the "
            "shared folder that holds seed/childrens-services-privacy-notice.txt"
        )
    return Notice.read(SEED_PATH), None


NOTICE, NOTICE_ERROR = _read_notice()


def need_notice() -> Notice:
    if NOTICE is None:
        pytest.fail(NOTICE_ERROR or "seed notice missing")
    return NOTICE


# --------------------------------------------------------------------------
# The policy
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Entity:
    kind: str
    id: str
    file: Path
    data: dict[str, Any]

    @property
    def label(self) -> str:
        return f"{self.kind}:{self.id}"


def _read_policy() -> tuple[list[Entity], list[str]]:
    entities: list[Entity] = []
    problems: list[str] = []
    files = sorted(POLICY_DIR.rglob("*.yaml")) + sorted(POLICY_DIR.rglob("*.yml"))
    if not files:
        problems.append(f"no policy YAML files under {POLICY_DIR}")
    for path in files:
        rel = path.relative_to(REPO_ROOT)
        try:
            document = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            problems.append(f"{rel}: not valid YAML: {exc}")
            continue
        if not isinstance(document, dict):
            problems.append(f"{rel}: top level is not a mapping")
            continue
        for kind, value in document.items():
            if kind in SINGLE_KINDS:
                items = [value]
            elif kind in LIST_KINDS:
                items = value if isinstance(value, list) else [None]
            else:
                problems.append(f"{rel}: unknown kind {kind!r}")
                continue
            for item in items:
                if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                    problems.append(f"{rel}: a {kind} entry is not a mapping with an id")
                    continue
                entities.append(Entity(kind, item["id"], rel, item))
    return entities, problems


ENTITIES, POLICY_PROBLEMS = _read_policy()


def of_kind(kind: str) -> list[Entity]:
    return [e for e in ENTITIES if e.kind == kind]


def traces(entity: Entity) -> Iterator[tuple[str, Any]]:
    """The entity's own trace and any nested trace (notice.complaint.trace ...)."""
    yield entity.label, entity.data.get("trace")
    for field, value in entity.data.items():
        if isinstance(value, dict) and "trace" in value:
            yield f"{entity.label}.{field}", value["trace"]


def quotes_in(section: str) -> list[str]:
    """Normalised trace quotes of every entity whose trace names ``section``."""
    found = []
    for entity in ENTITIES:
        for _, trace in traces(entity):
            if isinstance(trace, dict) and trace.get("quote") and norm(trace.get("section", "")) == norm(section):
                found.append(norm(trace["quote"]))
    return found


def texts_in(section: str) -> list[str]:
    """Quotes, names and examples of entities traced to ``section``."""
    found = []
    for entity in ENTITIES:
        trace = entity.data.get("trace")
        if isinstance(trace, dict) and norm(trace.get("section", "")) == norm(section):
            found.append(norm(trace.get("quote", "")))
            found.append(norm(entity.data.get("name", "")))
            found.extend(norm(x) for x in entity.data.get("examples", []) or [])
    return [t for t in found if t]


def covered(text: str, candidates: list[str]) -> bool:
    """True if ``text`` is one candidate, lies inside one, or is made of them."""
    text = norm(text)
    if any(text == c or text in c for c in candidates):
        return True
    rest = text
    for c in sorted({c for c in candidates if c in text}, key=len, reverse=True):
        rest = rest.replace(c, " ")
    words = [w.strip(string.punctuation + "\u2013") for w in rest.split()]
    return all(not w or w in CONNECTIVES for w in words)


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


def test_policy_files_load() -> None:
    assert not POLICY_PROBLEMS, "\n".join(POLICY_PROBLEMS)
    assert ENTITIES, "no policy entities found"


def test_ids_are_unique_within_each_kind() -> None:
    seen: dict[tuple[str, str], Path] = {}
    dupes = []
    for e in ENTITIES:
        key = (e.kind, e.id)
        if key in seen:
            dupes.append(f"{e.label} in {seen[key]} and {e.file}")
        seen[key] = e.file
    assert not dupes, "duplicate ids:\n" + "\n".join(dupes)


def test_references_resolve() -> None:
    ids: dict[str, set[str]] = {}
    for e in ENTITIES:
        ids.setdefault(e.kind, set()).add(e.id)
    missing = []

    def check(where: str, kind: str, refs: Any) -> None:
        for ref in refs or []:
            if ref not in ids.get(kind, set()):
                missing.append(f"{where}: no {kind} {ref!r}")

    for e in of_kind("services"):
        for field in NOTICE_WIDE_FIELDS:
            check(e.label, field, e.data.get(field))
    for e in of_kind("notice"):
        for field, refs in (e.data.get("notice_wide") or {}).items():
            check(f"{e.label}.notice_wide", field, refs)
    for e in of_kind("purposes"):
        check(e.label, "lawful_bases", e.data.get("lawful_bases"))
    for e in of_kind("retention_rules"):
        check(e.label, "services", e.data.get("applies_to"))
    for e in of_kind("transfers"):
        check(e.label, "data_categories", e.data.get("data_categories"))
        check(e.label, "controller", [e.data["exporter"]] if e.data.get("exporter") else [])
        importer = e.data.get("importer")
        if importer not in ids.get("processors", set()) | ids.get("recipients", set()):
            missing.append(f"{e.label}: importer {importer!r} is neither a processor nor a recipient")
    assert not missing, "\n".join(missing)


# --------------------------------------------------------------------------
# (1) Services
# --------------------------------------------------------------------------

_HEADINGS = NOTICE.service_headings() if NOTICE else []


@pytest.mark.parametrize("heading", _params(_HEADINGS, _HEADINGS))
def test_service_heading_has_a_service_entity(heading: str | None) -> None:
    need_notice()
    assert heading is not None
    matches = [
        e
        for e in of_kind("services")
        if norm(e.data.get("name", "")) == norm(heading)
        or norm((e.data.get("trace") or {}).get("quote", "")) == norm(heading)
    ]
    assert matches, f"no service entity named or quoting the notice's service heading {heading!r}"
    assert len(matches) == 1, f"{heading!r} matches several services: {[e.id for e in matches]}"


def test_each_service_is_in_its_own_file() -> None:
    problems = []
    by_file: dict[Path, list[str]] = {}
    for e in of_kind("services"):
        by_file.setdefault(e.file, []).append(e.id)
        if e.file.parent != Path("policy") / "services" or e.file.stem != e.id:
            problems.append(f"service {e.id} is in {e.file}, expected policy/services/{e.id}.yaml")
    for path, ids in by_file.items():
        if len(ids) != 1:
            problems.append(f"{path} holds {len(ids)} services: {ids}")
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------
# (2) Bullets
# --------------------------------------------------------------------------

_BULLETS = NOTICE.bullets() if NOTICE else []
_BULLET_IDS = [f"L{b.line}:{_short(b.text)}" for b in _BULLETS]


@pytest.mark.parametrize("bullet", _params(_BULLETS, _BULLET_IDS))
def test_bullet_is_traced(bullet: Bullet | None) -> None:
    need_notice()
    assert bullet is not None
    candidates = quotes_in(bullet.section)
    assert covered(bullet.text, candidates), (
        f"notice line {bullet.line} ({bullet.section!r}) is not the trace quote of any entity "
        f"traced to that section, nor made up of such quotes: {bullet.text!r}"
    )


_EG = [(b, item) for b in _BULLETS for item in eg_items(b.text)]
_EG_IDS = [f"L{b.line}:{_short(item)}" for b, item in _EG]


@pytest.mark.parametrize("case", _params(_EG, _EG_IDS))
def test_bullet_example_is_traced(case: tuple[Bullet, str] | None) -> None:
    need_notice()
    assert case is not None
    bullet, item = case
    # The bullet's own full quote covers every example trivially: leave it out.
    candidates = [t for t in texts_in(bullet.section) if norm(bullet.text) not in t]
    assert covered(item, candidates), (
        f"example {item!r} of notice line {bullet.line} is not an entity name, trace quote or listed example"
    )


# --------------------------------------------------------------------------
# (3) Every entity's trace
# --------------------------------------------------------------------------

_TRACES = [(label, trace) for e in ENTITIES for label, trace in traces(e)]
_TRACE_IDS = [label for label, _ in _TRACES]


@pytest.mark.parametrize("case", _params(_TRACES, _TRACE_IDS))
def test_trace_quotes_the_notice_or_says_why_added(case: tuple[str, Any] | None) -> None:
    notice = need_notice()
    assert case is not None
    label, trace = case
    assert isinstance(trace, dict), f"{label} has no trace"
    if "quote" in trace or "section" in trace:
        section, quote = trace.get("section"), trace.get("quote")
        assert section and quote, f"{label}: a notice trace needs both section and quote"
        assert notice.is_heading(section), f"{label}: section {section!r} is not a heading of the notice"
        assert norm(quote) in notice.section_text(section), (
            f"{label}: quote {quote!r} does not occur verbatim under the heading {section!r}"
        )
    else:
        added = trace.get("added")
        assert isinstance(added, str) and len(added.split()) >= 3, (
            f"{label}: trace has neither section+quote nor an `added` reason"
        )


_SERVICE_ENTITIES = of_kind("services")


@pytest.mark.parametrize("service", _params(_SERVICE_ENTITIES, [e.id for e in _SERVICE_ENTITIES]))
def test_service_description_is_the_notice_text(service: Entity | None) -> None:
    notice = need_notice()
    assert service is not None
    description = service.data.get("description")
    assert description, f"{service.label} has no description"
    assert norm(description) in notice.section_text(service.data["name"]), (
        f"{service.label}: description is not the notice's text under {service.data['name']!r}"
    )


def _verbatim_fields() -> list[tuple[str, str]]:
    """Fields that copy the notice's wording and so must occur in it verbatim."""
    fields = []
    for e in of_kind("transfers"):
        if e.data.get("notice_wording"):
            fields.append((f"{e.label}.notice_wording", e.data["notice_wording"]))
    for e in of_kind("notice"):
        for key in ("description", "rights_information"):
            if e.data.get(key):
                fields.append((f"{e.label}.{key}", e.data[key]))
        statement = e.data.get("transfers_statement") or {}
        if statement.get("text"):
            fields.append((f"{e.label}.transfers_statement.text", statement["text"]))
    return fields


_VERBATIM = _verbatim_fields()


@pytest.mark.parametrize("case", _params(_VERBATIM, [label for label, _ in _VERBATIM]))
def test_copied_wording_is_verbatim(case: tuple[str, str] | None) -> None:
    notice = need_notice()
    assert case is not None
    label, text = case
    assert norm(text) in norm(" ".join(notice.lines)), f"{label} is not verbatim notice text: {text!r}"


def test_every_entity_has_a_trace() -> None:
    untraced = [e.label for e in ENTITIES if not isinstance(e.data.get("trace"), dict)]
    assert not untraced, f"entities without a trace: {untraced}"


# --------------------------------------------------------------------------
# (4) Counts
# --------------------------------------------------------------------------


def test_service_count() -> None:
    notice = need_notice()
    assert len(notice.service_headings()) == EXPECTED_SERVICES, "the notice's service list changed"
    assert len(of_kind("services")) == EXPECTED_SERVICES


def test_data_category_count() -> None:
    notice = need_notice()
    listed = [b for b in notice.bullets_in(SOURCES_SECTION) if b.line - 1 < _line_of(notice, SOURCES_INTRO)]
    assert len(listed) == EXPECTED_DATA_CATEGORIES, "the notice's data category list changed"
    assert len(of_kind("data_categories")) == EXPECTED_DATA_CATEGORIES
    _assert_one_entity_per_bullet("data_categories", listed)


def test_notice_source_count() -> None:
    notice = need_notice()
    listed = notice.bullets_in(SOURCES_SECTION, after=SOURCES_INTRO)
    assert len(listed) == EXPECTED_NOTICE_SOURCES, "the notice's source list changed"
    _assert_one_entity_per_bullet("sources", listed)
    assert len(of_kind("sources")) >= EXPECTED_NOTICE_SOURCES
    assert any(e.data.get("data_subject") for e in of_kind("sources")), "no source for 'you'"


def test_notice_purpose_count() -> None:
    notice = need_notice()
    listed = notice.bullets_in(PURPOSES_SECTION)
    assert len(listed) == EXPECTED_NOTICE_PURPOSES, "the notice's purpose list changed"
    _assert_one_entity_per_bullet("purposes", listed)


def _line_of(notice: Notice, prefix: str) -> int:
    return next(i for i, line in enumerate(notice.lines) if line.startswith(prefix))


def _assert_one_entity_per_bullet(kind: str, bullets: list[Bullet]) -> None:
    problems = []
    for b in bullets:
        hits = [e.id for e in of_kind(kind) if norm((e.data.get("trace") or {}).get("quote", "")) == norm(b.text)]
        if len(hits) != 1:
            problems.append(f"line {b.line} {b.text!r}: {len(hits)} {kind} entities quote it {hits}")
    assert not problems, "\n".join(problems)


def test_normalisation_handles_the_notice_typography() -> None:
    assert norm("Provides support to \u2018looked after\u2019  young\npeople") == (
        "provides support to 'looked after' young people"
    )

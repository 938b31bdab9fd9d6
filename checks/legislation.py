"""Legislation rules (LEG): the law a notice cites, checked against the register.

``checks/knowledge/legislation.yaml`` lists the Acts, regulations, statutory
guidance and codes that notices commonly cite: exact title, number, whether
and when they were repealed, revoked or replaced and by what, and the wrong
titles people write. These rules find every reference to a register row in
the policy's prose (:func:`checks.prose.passages`: the laws a notice or a
lawful basis cites, trace quotes, text fields) and judge it at ``--as-of``.

A reference is found by the row's title pattern (case, "the", "&" for "and",
brackets or a comma before the year aside; a section before or after is
fine), its aliases ("DPA 2018") and its misnamings ("Children's Act 1989"); a
cited law whose ``title`` the encoder recorded is resolved by that title even
when the notice's words are vaguer.

One cause, one finding: every reference to one repealed instrument is one
finding, at its first place, with the other entities in ``affects``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from checks import facts, naming, prose
from checks.lawful_basis import ground_of
from linter.context import Context
from linter.findings import Finding, Rule, Severity
from linter.model import LawfulBasis

AREA = "legislation"
_K: dict[str, Any] = facts.load("legislation")
#: (?<!\s): starts where a run of spaces starts, so a long run is scanned once
_YEAR = re.compile(r"(?<!\s)\s*\(?(\d{4})\)?\s*$")


@dataclass(frozen=True, slots=True)
class Instrument:
    """One row of the register."""

    id: str
    title: str
    kind: str
    year: int | None
    ended_on: dt.date | None
    ended_how: str
    replaced_by: str
    where: str
    row: Any

    def ended(self, day: dt.date) -> bool:
        """True when the instrument is no longer the one to cite on ``day``."""
        return self.ended_on is not None and self.ended_on <= day

    @property
    def verified(self) -> bool:
        return naming.is_verified(self.row)

    @property
    def base(self) -> str:
        """The title without its year and a leading 'The': the name people cite without a year."""
        return re.sub(r"^the\s+", "", _YEAR.sub("", self.title), flags=re.IGNORECASE)


def _title_pattern(title: str, year: int | None) -> str:
    """The title as people cite it: case, 'the', '&', a comma or brackets before the year aside."""
    base = re.sub(r"^the\s+", "", _YEAR.sub("", title), flags=re.IGNORECASE)
    words = [r"(?:and|&)" if word.lower() == "and" else re.escape(word) for word in base.split()]
    pattern = r"\b(?:the\s+)?" + r"\s+".join(words)
    if year is not None:
        pattern += rf"\s*,?\s*\(?\s*{year}\b"
    else:
        pattern += r"\b"
    return pattern


@functools.cache
def instruments() -> dict[str, Instrument]:
    """The register by id."""
    found: dict[str, Instrument] = {}
    for row in _K["instruments"]:
        ended = row.get("ended") or {}
        found[str(row["id"])] = Instrument(
            id=str(row["id"]),
            title=str(row["title"]),
            kind=str(row["kind"]),
            year=int(row["year"]) if row.get("year") else None,
            ended_on=facts.date(ended.get("since")),
            ended_how=str(ended.get("how", "")),
            replaced_by=str(ended.get("by", "")),
            where=prose.one_line(ended.get("where", "")),
            row=row,
        )
    return found


@functools.cache
def _wordings() -> tuple[prose.Wording, ...]:
    """The title, alias and misnaming patterns of every row (ids: 'ROW', 'ROW#misnamed:N')."""
    wordings: list[prose.Wording] = []
    for instrument in instruments().values():
        row = instrument.row
        patterns = [str(row.get("pattern") or _title_pattern(instrument.title, instrument.year))]
        patterns += [str(alias) for alias in row.get("aliases") or ()]
        wordings.append(prose.Wording(instrument.id, prose.Lazy("|".join(patterns), re.IGNORECASE), row=row))
        for index, misnamed in enumerate(row.get("misnamings") or ()):
            wordings.append(
                prose.Wording(
                    f"{instrument.id}#misnamed:{index}", prose.Lazy(misnamed["pattern"], re.IGNORECASE), row=row
                )
            )
    return tuple(wordings)


@functools.cache
def _families() -> tuple[prose.Wording, ...]:
    """A name that several rows share, cited without a year ('the Education Act'): id 'family:NAME'."""
    by_base: dict[str, list[Instrument]] = {}
    for instrument in instruments().values():
        if instrument.year is not None and instrument.kind in ("act", "si") and "pattern" not in instrument.row:
            by_base.setdefault(instrument.base.lower(), []).append(instrument)
    wordings = []
    for base, members in by_base.items():
        if len(members) > 1:
            words = [r"(?:and|&)" if word == "and" else re.escape(word) for word in base.split()]
            pattern = r"\b" + r"\s+".join(words) + r"\b(?!s\b)(?!\s*,?\s*\(?\s*\d{4})"
            wordings.append(prose.Wording(f"family:{base}", prose.Lazy(pattern, re.IGNORECASE)))
    return tuple(wordings)


def family_members(wording_id: str) -> list[Instrument]:
    base = wording_id.removeprefix("family:")
    return [inst for inst in instruments().values() if inst.year is not None and inst.base.lower() == base]


def instrument_of(hit: prose.Hit) -> Instrument | None:
    """The register row a hit refers to (None for a name several rows share)."""
    return instruments().get(hit.wording.id.split("#", 1)[0])


def how(hit: prose.Hit) -> str:
    """How a hit names its row: 'title' (title or alias), 'structured' (the recorded title of a
    cited law), 'misnamed' (a wrong title) or 'family' (a name several rows share)."""
    if hit.wording.id.startswith("family:"):
        return "family"
    return hit.wording.id.split("#", 1)[1].split(":")[0] if "#" in hit.wording.id else "title"


def _resolved_by_title(passage: prose.Passage) -> Instrument | None:
    """The row a cited law's recorded title (with its year and provision) names: the longest match."""
    law = passage.law
    if law is None or not law.title:
        return None
    year = f" {law.year}" if law.year is not None and str(law.year) not in law.title else ""
    title = f"{law.title}{year} {law.provision}".strip()
    best: tuple[int, str] | None = None
    for wording in _wordings():
        match = wording.pattern.search(title) if "#" not in wording.id else None
        if match and (best is None or match.end() - match.start() > best[0]):
            best = (match.end() - match.start(), wording.id)
    return instruments()[best[1]] if best else None


def references(ctx: Context) -> list[prose.Hit]:
    """Every reference to a register row (or a shared name) in the policy's prose, once per run."""
    found: list[prose.Hit] | None = ctx.memo.get("legislation.references")
    if found is None:
        texts = prose.passages(ctx)
        found = prose.find(texts, _wordings())
        named = {id(hit.passage) for hit in found if how(hit) == "title"}
        # a cited law whose words name no row but whose recorded title does
        for passage in texts:
            if passage.kind == "law" and id(passage) not in named and (instrument := _resolved_by_title(passage)):
                wording = prose.Wording(
                    f"{instrument.id}#structured", re.compile(re.escape(instrument.title)), row=instrument.row
                )
                found.append(prose.Hit(passage, 0, len(passage.text), wording))
                named.add(id(passage))
        # a shared name without a year, in the law a notice cites (not in its prose)
        claimed: dict[int, list[tuple[int, int]]] = {}
        for hit in found:
            claimed.setdefault(id(hit.passage), []).append((hit.start, hit.end))
        found += prose.find(
            [passage for passage in texts if passage.kind == "law" and id(passage) not in named],
            _families(),
            taken=lambda passage: claimed.get(id(passage), ()),
        )
        order = {id(passage): index for index, passage in enumerate(texts)}
        found.sort(key=lambda hit: (order[id(hit.passage)], hit.start))
        ctx.memo["legislation.references"] = found
    return found


def taken(ctx: Context) -> Callable[[prose.Passage], Sequence[tuple[int, int]]]:
    """For another prose rule: the spans of a passage that name a register row (reported here)."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for hit in references(ctx):
        if how(hit) != "structured":
            spans.setdefault(id(hit.passage), []).append((hit.start, hit.end))
    return lambda passage: spans.get(id(passage), ())


# --- messages -----------------------------------------------------------------------------


def _successor(instrument: Instrument, day: dt.date) -> str:
    """The instrument to cite instead on ``day``: the replacement, followed while it has ended too."""
    seen: set[str] = set()
    current = instrument
    while current.ended(day) and current.replaced_by in instruments() and current.id not in seen:
        seen.add(current.id)
        current = instruments()[current.replaced_by]
    if current is instrument:
        return instrument.replaced_by or "its successor"
    return current.title


def _ended_message(instrument: Instrument, cause: Sequence[prose.Hit], day: dt.date) -> str:
    replaced = instruments().get(instrument.replaced_by)
    by = f" by {replaced.title}" if replaced else ""
    message = (
        f"{prose.phrases(cause)} ({prose.places(cause)}) cites {instrument.title}, {instrument.ended_how} on "
        f"{instrument.ended_on}{by}"
    )
    if instrument.where:
        message += f" (in {instrument.where})"
    if naming.verdict(instrument.row) == "no":
        message += " (a date the register could not verify: see its note)"
    return f"{message}; cite {_successor(instrument, day)} instead"


def _statuses(ctx: Context) -> Iterator[tuple[Instrument, list[prose.Hit]]]:
    """(row, references) for every row cited that has ended on --as-of."""
    cited = (hit for hit in references(ctx) if how(hit) in ("title", "structured"))
    for cause in prose.by_cause(cited, key=lambda hit: hit.wording.id.split("#", 1)[0]):
        instrument = instrument_of(cause[0])
        if instrument is not None and instrument.ended(ctx.as_of):
            yield instrument, cause


def _in_a_basis(cause: Sequence[prose.Hit]) -> bool:
    return any(isinstance(hit.passage.entity, LawfulBasis) and hit.passage.kind == "law" for hit in cause)


def _is_error(instrument: Instrument, cause: Sequence[prose.Hit]) -> bool:
    return (
        instrument.ended_how in ("repealed", "revoked")
        and instrument.verified
        and not instrument.where
        and _in_a_basis(cause)
    )


def _first_in_basis(cause: list[prose.Hit]) -> list[prose.Hit]:
    """The cause with a lawful basis's reference first, so that the finding stands there."""
    return sorted(
        cause, key=lambda hit: not (isinstance(hit.passage.entity, LawfulBasis) and hit.passage.kind == "law")
    )


# --- LEG001 / LEG002 --------------------------------------------------------------------------


def _basis_on_repealed(ctx: Context) -> Iterator[Finding]:
    """No lawful basis rests on an instrument repealed or revoked on --as-of."""
    for instrument, cause in _statuses(ctx):
        if _is_error(instrument, cause):
            cause = _first_in_basis(cause)
            yield prose.cause_finding(
                ctx,
                BASIS_ON_REPEALED,
                cause,
                f"a lawful basis rests on law that no longer exists: {_ended_message(instrument, cause, ctx.as_of)}",
                detail=instrument.id,
                citation=facts.cite(instrument.row),
            )


def _report_ended(ctx: Context, rule: Rule, kinds: tuple[str, ...]) -> Iterator[Finding]:
    """One finding per cited instrument of ``kinds`` that has ended on --as-of (and is not LEG001's)."""
    for instrument, cause in _statuses(ctx):
        if instrument.kind in kinds and not _is_error(instrument, cause):
            yield prose.cause_finding(
                ctx,
                rule,
                cause,
                _ended_message(instrument, cause, ctx.as_of),
                detail=instrument.id,
                citation=facts.cite(instrument.row),
            )


def _cites_repealed(ctx: Context) -> Iterator[Finding]:
    """The notice cites no Act or regulations repealed, revoked or superseded on --as-of."""
    yield from _report_ended(ctx, CITES_REPEALED, ("act", "si", "assimilated"))


_REPEALED = next(inst for inst in instruments().values() if inst.ended_how == "repealed" and inst.verified)


def _statement_example(text: str) -> str:
    return f"statements:\n  - id: example-statement\n    name: example\n    topic: other\n    text: {text}\n"


def _basis_example(words: str) -> str:
    return (
        "lawful_bases:\n  - id: example-basis\n    name: to meet our legal obligations\n"
        f'    article: "6(1)(c)"\n    legislation:\n      - {words}\n'
    )


BASIS_ON_REPEALED = Rule(
    id="LEG001",
    title="Lawful basis rests on repealed legislation",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "A lawful basis under Art 6(1)(c) or (e) must be laid down by law in force (Art 6(3)); the notice "
        "must state it (Art 13(1)(c)). An Act or regulations repealed or revoked before --as-of cannot "
        "be the law the processing rests on, so the basis as stated is wrong. An error only where the "
        "register's row is verified against the repealing provision and the repeal has no territorial "
        "limit; otherwise LEG002 reports it as a warning."
    ),
    citation=facts.cite(_REPEALED.row),
    remediation=(
        "Cite the law in force that imposes the obligation or confers the task (the finding names the successor)."
    ),
    check=_basis_on_repealed,
    failing=_basis_example(_REPEALED.title),
    passing=_basis_example(str(instruments()[_REPEALED.replaced_by].title)),
    time_dependent=True,
)

CITES_REPEALED = Rule(
    id="LEG002",
    title="Notice cites repealed or revoked legislation",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "A notice that says it complies with, or processes under, an Act or regulations that were "
        "repealed or revoked tells people the wrong law applies (Art 12(1), 13(1)(c)). Outside a lawful "
        "basis, or where the repeal is limited to part of the UK, or where the register's row is not "
        "verified, a person must judge the effect: a warning."
    ),
    citation=facts.cite(_REPEALED.row),
    remediation="Replace the citation with the law in force (the finding names the successor).",
    check=_cites_repealed,
    failing=_statement_example(f"We comply with the {_REPEALED.title}."),
    passing=_statement_example(f"We comply with the {instruments()[_REPEALED.replaced_by].title}."),
    time_dependent=True,
)


# --- LEG003 -------------------------------------------------------------------------------


def _superseded_edition(ctx: Context) -> Iterator[Finding]:
    """The notice cites the current edition of guidance and codes."""
    yield from _report_ended(ctx, SUPERSEDED_EDITION, ("guidance", "code"))


_EDITION = next(inst for inst in instruments().values() if inst.kind == "guidance" and inst.ended_on)

SUPERSEDED_EDITION = Rule(
    id="LEG003",
    title="Notice cites a superseded edition of guidance or a code",
    severity=Severity.INFO,
    area=AREA,
    rationale=(
        "Statutory guidance (Working Together to Safeguard Children) and codes of practice (the Records "
        "Management Code of Practice) are replaced by new editions; a notice that cites an old edition "
        "(for example for its retention periods) may describe practice that has changed. Guidance is not "
        "itself the law, so this is information for the editor."
    ),
    citation=facts.cite(_EDITION.row),
    remediation="Cite the current edition (the finding names it) and check what it says still matches the notice.",
    check=_superseded_edition,
    failing=_statement_example(f"We follow {_EDITION.title}."),
    passing=_statement_example(f"We follow {_successor(_EDITION, dt.date.max)}."),
    time_dependent=True,
)


# --- LEG004 -------------------------------------------------------------------------------


def _misnamed(ctx: Context) -> Iterator[Finding]:
    """Instruments are cited by their titles."""
    for cause in prose.by_cause(hit for hit in references(ctx) if how(hit) == "misnamed"):
        instrument = instrument_of(cause[0])
        if instrument is None:
            continue
        index = int(cause[0].wording.id.rsplit(":", 1)[1])
        note = prose.one_line(instrument.row["misnamings"][index]["note"])
        yield prose.cause_finding(
            ctx,
            MISNAMED,
            cause,
            f"{prose.phrases(cause)} ({prose.places(cause)}) is not the title of any instrument: {note}; "
            f"cite it as {instrument.title}",
            citation=facts.cite(instrument.row),
        )


_MISNAMED = next(inst for inst in instruments().values() if inst.row.get("misnamings") and inst.year)

MISNAMED = Rule(
    id="LEG004",
    title="Instrument cited by a title it does not have",
    severity=Severity.INFO,
    area=AREA,
    rationale=(
        "A law cited by a title that no instrument has ('Health and Social Care Act 2022', 'UK GDPR "
        "2018', 'Children's Act 1989') cannot be looked up by the reader, and sometimes names a "
        "different Act from the one meant. The likely intended instrument is clear from the register, so "
        "this is information: the finding names it."
    ),
    citation=facts.cite(_MISNAMED.row),
    remediation="Cite the instrument by its exact title (the finding gives it).",
    check=_misnamed,
    failing=_basis_example(f"Children's Act {_MISNAMED.year}"),
    passing=_basis_example(_MISNAMED.title),
)


# --- LEG005 -------------------------------------------------------------------------------


def _vague(ctx: Context) -> Iterator[Finding]:
    """A cited law names one instrument, not a name several share."""
    for cause in prose.by_cause(hit for hit in references(ctx) if how(hit) == "family"):
        members = family_members(cause[0].wording.id)
        titles = ", ".join(member.title for member in members)
        yield prose.cause_finding(
            ctx,
            VAGUE,
            cause,
            f"{prose.phrases(cause)} ({prose.places(cause)}) does not say which instrument: it could be any of "
            f"{titles}; give the year and the section relied on",
            citation=facts.cite(members[0].row),
        )


VAGUE = Rule(
    id="LEG005",
    title="Law cited without enough to identify it",
    severity=Severity.INFO,
    area=AREA,
    rationale=(
        "'The Education Act' or 'the Data Protection Act' without a year names several Acts; a reader "
        "cannot tell which law the processing rests on (Art 13(1)(c); Art 6(3): the basis is laid down "
        "by law, which the notice should let people find). Information for the editor."
    ),
    citation=facts.cite(instruments()["education-act-1996"].row),
    remediation="Cite the Act with its year and, where the notice relies on a duty or power, the section.",
    check=_vague,
    failing=_basis_example("Education Act requirements"),
    passing=_basis_example("section 10 of the Education Act 1996"),
)


# --- LEG006 -------------------------------------------------------------------------------


def _guidance_as_law(ctx: Context) -> Iterator[Finding]:
    """A legal obligation basis names the law that imposes the obligation, not only guidance."""
    by_basis: dict[str, list[prose.Hit]] = {}
    for hit in references(ctx):
        entity = hit.passage.entity
        instrument = instrument_of(hit)
        if isinstance(entity, LawfulBasis) and hit.passage.kind == "law" and instrument is not None:
            by_basis.setdefault(entity.ref, []).append(hit)
    for hits in by_basis.values():
        basis = hits[0].passage.entity
        if not isinstance(basis, LawfulBasis) or not ((ground := ground_of(basis)) and ground.obligation_in_law):
            continue
        guidance = [hit for hit in hits if (inst := instrument_of(hit)) and inst.row.get("issued_under")]
        for cause in prose.by_cause(guidance):
            instrument = instrument_of(cause[0])
            assert instrument is not None
            yield prose.cause_finding(
                ctx,
                GUIDANCE_AS_LAW,
                cause,
                f"lawful basis '{basis.id}' gives {instrument.title} (statutory guidance) as the legal obligation; "
                f"the obligation is in the law it is issued under: "
                f"{prose.one_line(instrument.row['issued_under'])}",
                detail=f"{basis.id}:{instrument.id}",
                citation=facts.cite(instrument.row),
            )


_GUIDANCE = next(inst for inst in instruments().values() if inst.row.get("issued_under"))

GUIDANCE_AS_LAW = Rule(
    id="LEG006",
    title="Statutory guidance given as the law of a legal obligation",
    severity=Severity.INFO,
    area=AREA,
    rationale=(
        "Art 6(1)(c) needs an obligation laid down by law (Art 6(3)). Statutory guidance such as Keeping "
        "children safe in education tells a body how to perform a duty; the duty is in the Act the "
        "guidance is issued under. Naming only the guidance leaves the reader without the law. "
        "Information for the editor."
    ),
    citation=facts.cite(_GUIDANCE.row),
    remediation="Name the Act and section that impose the obligation, and the guidance only as how it is met.",
    check=_guidance_as_law,
    failing=_basis_example(f"{_GUIDANCE.title} guidance"),
    passing=_basis_example("section 175 of the Education Act 2002"),
)

RULES = (BASIS_ON_REPEALED, CITES_REPEALED, SUPERSEDED_EDITION, MISNAMED, VAGUE, GUIDANCE_AS_LAW)

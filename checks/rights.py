"""Rights as the notice describes them (RGT): accurate, not just present.

NTC003-NTC005, NTC012 and NTC013 (checks/notice.py) ask whether a right is
named. These rules read what the notice says about it (``notice.rights``:
its scope, the bases it names, the route, the time promised, any condition)
and compare it with what the law gives, for the lawful bases the policy
records. What the law gives is ``checks/knowledge/rights.yaml``: per right,
the Art 6 bases it covers (dated where the DUAA 2025 added 6(1)(ea)) and a
sentence a finding can quote.

The lawful bases "the policy records" are every lawful basis entity with an
Art 6 (or 9(2)(a)) article, and consent where a purpose says it is sought
(:func:`recorded_bases`, computed once per run). A narrowing that leaves out
a basis the policy records is an error; one whose effect cannot be told
(the policy records no basis) or that narrows the grounds rather than the
bases is a warning for a person to weigh.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from checks import facts
from checks.lawful_basis import families, family, grounds, normalise, processing_without_art6
from checks.naming import is_verified
from linter.context import Context
from linter.findings import Finding, Rule, Severity
from linter.loader import Position
from linter.model import Entity, Notice, RightStatement
from linter.schema import RIGHTS

AREA = "rights as described"
KNOWLEDGE_FILE = "rights"

#: the start of every example snippet
_NOTICE = "notice:\n  id: example-notice\n  name: Example notice\n"
_PUBLIC_TASK = 'lawful_bases:\n  - id: public-task\n    name: public task\n    article: "6(1)(e)"\n'


@functools.cache
def _consent(role: str) -> str:
    """The consent ground of a family, from the knowledge file: '6(1)(a)' for
    the lawful basis, '9(2)(a)' (explicit consent) for special category data."""
    return next(key for key, ground in grounds().items() if ground.consent and ground.family == families()[role])


def _art6(article: str) -> bool:
    """A lawful basis (Art 6), as opposed to a condition of Art 9 or 10."""
    return family(article) == families()["lawful_basis"]


def _scope_basis(article: str) -> bool:
    """A ground that counts for a right's scope: every lawful basis, and explicit consent."""
    return _art6(article) or article == _consent("special_category")


@functools.cache
def _knowledge() -> Any:
    return facts.load(KNOWLEDGE_FILE)


def right_row(right: str) -> dict[str, Any] | None:
    """The knowledge row of a right (``access``, ``objection`` ...), or None."""
    row: dict[str, Any] | None = _knowledge()["rights"].get(right)
    return row


def law_bases(right: str, day: dt.date) -> frozenset[str] | None:
    """The bases (normalised articles) for which the law gives ``right`` on ``day``; None: whatever the basis."""
    row = right_row(right)
    if row is None or row["law_bases"] == "all":
        return None
    found: set[str] = set()
    for item in row["law_bases"]:
        start = facts.date(item.get("from"))
        if start is None or start <= day:
            found.add(normalise(str(item["basis"])))
    return frozenset(found)


def limited_bases(right: str) -> frozenset[str]:
    """The bases for which the law gives ``right`` only in part (erasure: legal obligation, public task)."""
    row = right_row(right)
    return frozenset(normalise(str(article)) for article in (row or {}).get("limited_for", ()))


def _cited(*rights: str) -> str:
    """The rows' citations, latest versions, for a rule's catalogue entry."""
    return "; ".join(f"{right}: {facts.cite(_knowledge()['rights'][right])}" for right in rights)


def basis_name(article: str) -> str:
    """'6(1)(e) public task'."""
    ground = grounds().get(normalise(article))
    return f"{article} {ground.name}" if ground is not None else article


def _names(articles: set[str] | frozenset[str]) -> str:
    return ", ".join(basis_name(article) for article in sorted(articles))


# --- what the policy records ---------------------------------------------------------


@dataclass(slots=True)
class RecordedBases:
    """The Art 6 bases (and explicit consent) the policy records, with what rests on each."""

    #: normalised article -> the lawful bases (or purposes seeking consent) that record it
    by_article: dict[str, list[Entity]] = field(default_factory=dict)
    #: no Art 6 basis is recorded, one is given only as legislation, or some processing has none:
    #: what is relied on is not fully known
    unknown: bool = True
    #: no Art 6 basis is recorded at all
    none: bool = True
    #: purposes that are direct marketing (Art 21(2))
    direct_marketing: list[Entity] = field(default_factory=list)

    def articles(self) -> set[str]:
        return set(self.by_article)

    def entities(self, articles: set[str] | frozenset[str]) -> list[Entity]:
        found: list[Entity] = []
        for article in sorted(articles):
            found.extend(entity for entity in self.by_article.get(article, ()) if entity not in found)
        return found


def recorded_bases(ctx: Context) -> RecordedBases:
    """What the policy records as relied on, computed once per run."""
    found: RecordedBases | None = ctx.memo.get("rights.recorded_bases")
    if found is None:
        found = _recorded(ctx)
        ctx.memo["rights.recorded_bases"] = found
    return found


def _recorded(ctx: Context) -> RecordedBases:
    recorded = RecordedBases()
    known = True
    for basis in ctx.policy.lawful_bases:
        article = normalise(basis.article) if basis.article else ""
        if not article:
            known = False
            continue
        if _scope_basis(article):
            recorded.by_article.setdefault(article, []).append(basis)
    consent = _consent("lawful_basis")
    for purpose in ctx.policy.purposes:
        if purpose.consent and not any(normalise(b.article) == consent for b in purpose.lawful_bases):
            recorded.by_article.setdefault(consent, []).append(purpose)
        if purpose.direct_marketing:
            recorded.direct_marketing.append(purpose)
    has_art6 = any(_art6(article) for article in recorded.by_article)
    # a basis recorded for some processing says nothing of the processing that has none
    recorded.unknown = not known or not has_art6 or processing_without_art6(ctx)
    recorded.none = not has_art6
    return recorded


# --- what the notice says ---------------------------------------------------------


def _stated(notice: Notice) -> Iterator[tuple[str, RightStatement]]:
    for right, said in notice.rights.items():
        if said.stated:
            yield right, said


def _covered(said: RightStatement) -> frozenset[str] | None:
    """The bases the notice says the right covers; None when it does not limit it by basis."""
    if said.bases:
        named = frozenset(normalise(article) for article in said.bases)
        # consent, named as the Art 6 basis, covers explicit consent too (Art 20(1)(a), 17(1)(b))
        explicit = _consent("special_category")
        return named | {explicit} if _consent("lawful_basis") in named else named
    if said.scope == "consent-only":
        return frozenset({_consent("lawful_basis"), _consent("special_category")})
    if said.scope == "direct-marketing-only":
        return frozenset()
    return None


def _how_limited(said: RightStatement) -> str:
    if said.scope == "direct-marketing-only" and not said.bases:
        return "only to direct marketing"
    if said.scope == "consent-only" and not said.bases:
        return "only where consent is the basis"
    return "only to processing based on " + _names(frozenset(normalise(article) for article in said.bases))


def _words(said: RightStatement) -> str:
    """The notice's words for the right, quoted, on one line ('' when there is no quote)."""
    quote = " ".join(said.trace.quote.split()) if said.trace is not None else ""
    if not quote:
        return ""
    return f' ("{quote[:237]}...")' if len(quote) > 240 else f' ("{quote}")'


def _note(said: RightStatement) -> str:
    note = " ".join(said.trace.note.split()) if said.trace is not None else ""
    return f" ({note})" if note else ""


def _where(notice: Notice, said: RightStatement) -> Position:
    """Where the right's words are in the policy: its trace quote, else the notice's rights."""
    place = said.trace.key_positions.get("quote") if said.trace is not None else None
    return Position(notice.position.file, *place) if place is not None else notice.at("rights")


def _name(right: str) -> str:
    row = right_row(right)
    return str(row["name"]) if row is not None else right


def _gives(right: str) -> str:
    row = right_row(right)
    return " ".join(str(row["gives"]).split()) if row is not None else ""


def _cite(right: str, day: dt.date) -> str:
    row = right_row(right)
    return facts.cite(row, day) if row is not None else ""


def _finding(
    ctx: Context, rule: Rule, notice: Notice, right: str, said: RightStatement, message: str, **extra: Any
) -> Finding:
    return ctx.finding(
        rule,
        notice,
        f"rights.{right}",
        message,
        detail=right,
        position=_where(notice, said),
        citation=extra.pop("citation", None) or _cite(right, ctx.as_of),
        **extra,
    )


# --- RGT001 / RGT002: narrowed -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _LeftOut:
    """What a limit by lawful basis leaves out of a right."""

    #: bases the law gives the right for that the notice's limit leaves out
    omitted: frozenset[str]
    #: those the policy records, for which the law gives the right in full
    firm: frozenset[str]
    #: those the policy records, for which the law gives the right only in part (erasure: Art 17(3)(b))
    partial: frozenset[str]


def _every_basis(day: dt.date) -> frozenset[str]:
    """Every Art 6 basis in force on ``day``, and explicit consent."""
    return frozenset(
        article
        for article, ground in grounds().items()
        if _scope_basis(article)
        and (ground.start is None or ground.start <= day)
        and (ground.end is None or day <= ground.end)
    )


def _left_out(ctx: Context, right: str, said: RightStatement) -> _LeftOut | None:
    """What the notice's limit by basis leaves out of ``right``; None when it does not limit it by basis."""
    covered = _covered(said)
    if covered is None:
        return None
    recorded = recorded_bases(ctx).articles()
    gives = law_bases(right, ctx.as_of) or _every_basis(ctx.as_of)
    omitted = frozenset(article for article in gives if article not in covered)
    limited = limited_bases(right)
    return _LeftOut(
        omitted,
        frozenset(article for article in omitted if article in recorded and article not in limited),
        frozenset(article for article in omitted if article in recorded and article in limited),
    )


def _narrowed_below_the_law(ctx: Context) -> Iterator[Finding]:
    """A right limited to fewer bases than the law, where the policy records a basis left out."""
    notice = ctx.policy.notice
    if notice is None:
        return
    for right, said in _stated(notice):
        row = right_row(right)
        left_out = _left_out(ctx, right, said)
        if row is None or left_out is None or not left_out.firm or not is_verified(row):
            continue
        resting = recorded_bases(ctx).entities(left_out.firm)
        yield _finding(
            ctx,
            NARROWED_BELOW_THE_LAW,
            notice,
            right,
            said,
            f"the notice limits {_name(right)} {_how_limited(said)}{_words(said)}, but the law gives "
            f"{_gives(right)}; the policy records {_names(left_out.firm)} "
            f"({', '.join(entity.ref for entity in resting)}), for which the notice denies the right",
            affects=resting,
        )


NARROWED_BELOW_THE_LAW = Rule(
    id="RGT001",
    title="A right is narrowed below the law for the bases the policy records",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "A notice that tells people a right covers less than the law gives takes the right away in "
        "practice: someone told they can object only to direct marketing will not object to processing "
        "on public task, though Art 21(1) lets them. Where the notice limits a right to some lawful "
        "bases (its bases, or a scope of consent-only or direct-marketing-only) and the policy records "
        "another basis for which the law gives that right, the notice misstates the law for processing "
        "it does: an error. The finding quotes the narrowing, says what the law gives, and lists the "
        "bases left out. The right to object covers 6(1)(ea) from 2026-02-05."
    ),
    citation=_cited("objection", "portability", "erasure"),
    remediation=(
        "Describe the right as the law gives it for the bases you rely on (for example: you can object to "
        "processing we carry out as a public task or in our legitimate interests, and to direct marketing)."
    ),
    check=_narrowed_below_the_law,
    time_dependent=True,
    failing=(
        _PUBLIC_TASK + _NOTICE + "  rights:\n    objection:\n"
        "      scope: direct-marketing-only\n"
        "      trace: {section: Your rights, quote: You can object to us using your data for marketing}\n"
    ),
    passing=(_PUBLIC_TASK + _NOTICE + "  rights:\n    objection:\n      scope: as-law\n"),
)


def _narrowed(ctx: Context) -> Iterator[Finding]:
    """A right described more narrowly than the law, where a person must weigh it."""
    notice = ctx.policy.notice
    if notice is None:
        return
    recorded = recorded_bases(ctx)
    for right, said in _stated(notice):
        if right_row(right) is None:
            continue
        left_out = _left_out(ctx, right, said)
        firm_error = left_out is not None and bool(left_out.firm) and is_verified(right_row(right) or {})
        if said.scope == "narrowed":
            yield _finding(
                ctx,
                NARROWED,
                notice,
                right,
                said,
                f"the notice describes {_name(right)} more narrowly than the law{_words(said)}{_note(said)}; "
                f"the law gives {_gives(right)}",
            )
        elif left_out is None or firm_error or not left_out.omitted or said.scope == "as-law":
            continue
        elif left_out.firm or left_out.partial:
            shown = left_out.firm | left_out.partial
            yield _finding(
                ctx,
                NARROWED,
                notice,
                right,
                said,
                f"the notice limits {_name(right)} {_how_limited(said)}{_words(said)}, leaving out "
                f"{_names(shown)}, which the policy records; the law gives {_gives(right)}",
                affects=recorded.entities(shown),
            )
        elif recorded.none:
            yield _finding(
                ctx,
                NARROWED,
                notice,
                right,
                said,
                f"the notice limits {_name(right)} {_how_limited(said)}{_words(said)}, leaving out "
                f"{_names(left_out.omitted)}; the policy records no Art 6 lawful basis, so "
                f"whether the limit denies the right cannot be told; the law gives {_gives(right)}",
            )


NARROWED = Rule(
    id="RGT002",
    title="A right is described more narrowly than the law",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "A notice that gives a right fewer grounds than the law (erasure only where data is no longer "
        "needed; restriction only when accuracy is disputed; the right to question automated decisions "
        "withheld where they are made for a contract) discourages people from using it. Whether the "
        "missing ground matters to this controller's processing needs a person to judge, so this is a "
        "warning; the trace note on the right says how it is narrowed. A limit by lawful basis is an "
        "error (RGT001) when the policy records a basis left out, and reported here when the policy "
        "records no basis to compare with."
    ),
    citation=_cited("erasure", "restriction", "rectification", "automated-decision-making"),
    remediation=(
        "Describe the right with all the grounds the law gives, or say only that it applies 'in some circumstances'."
    ),
    check=_narrowed,
    time_dependent=True,
    failing=(
        _NOTICE + "  rights:\n    erasure:\n      scope: narrowed\n"
        "      trace:\n        section: Your rights\n        quote: You can ask us to erase data we no longer need\n"
        "        note: only Art 17(1)(a) is given\n"
    ),
    passing=_NOTICE + "  rights:\n    erasure:\n      scope: as-law\n",
)


# --- RGT003: overstated ----------------------------------------------------------------


def _overstated(ctx: Context) -> Iterator[Finding]:
    """A right promised for processing the law excludes from it."""
    notice = ctx.policy.notice
    if notice is None:
        return
    recorded = recorded_bases(ctx).articles()
    for right, said in _stated(notice):
        law = law_bases(right, ctx.as_of)
        limited = limited_bases(right)
        if law is None and not limited:
            continue
        claimed = frozenset(
            article
            for article in map(normalise, said.bases)
            if _scope_basis(article) and law is not None and article not in law
        )
        excluded = frozenset(
            article
            for article in recorded
            if _art6(article) and ((law is not None and article not in law) or article in limited)
        )
        if claimed:
            how = f"says {_name(right)} applies to processing based on {_names(claimed)}"
        elif said.scope == "unconditional" and excluded:
            how = f"promises {_name(right)} without any condition"
        else:
            continue
        shown = claimed or excluded
        resting = recorded_bases(ctx).entities(shown)
        yield _finding(
            ctx,
            OVERSTATED,
            notice,
            right,
            said,
            f"the notice {how}{_words(said)}, but the law gives {_gives(right)}; the law excludes or limits it "
            f"for {_names(shown)}"
            + (f", which the policy records ({', '.join(entity.ref for entity in resting)})" if resting else ""),
            affects=resting,
        )


OVERSTATED = Rule(
    id="RGT003",
    title="A right is promised where the law excludes it",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Promising erasure or portability for processing the law excludes (Art 17(3)(b): legal "
        "obligation and public task; Art 20(1) and (3): portability only for consent or contract, "
        "never for a public task) misleads people into requests that will be refused, and the refusal "
        "then looks arbitrary. The notice is not transparent (Art 12(1)), but people lose no right by "
        "it: a warning."
    ),
    citation=_cited("erasure", "portability", "objection"),
    remediation=(
        "Say when the right applies (for example: portability applies only to information you gave us on "
        "the basis of consent or a contract and that we process by computer)."
    ),
    check=_overstated,
    time_dependent=True,
    failing=(_PUBLIC_TASK + _NOTICE + "  rights:\n    portability:\n      scope: unconditional\n"),
    passing=(_PUBLIC_TASK + _NOTICE + '  rights:\n    portability:\n      bases: ["6(1)(a)", "6(1)(b)"]\n'),
)


# --- RGT004: access as a Freedom of Information request -----------------------------------


def _foi() -> dict[str, Any]:
    row: dict[str, Any] = _knowledge()["foi"]
    return row


@functools.cache
def _foi_pattern() -> re.Pattern[str]:
    return re.compile(str(_foi()["pattern"]), re.IGNORECASE)


def _misdirected(ctx: Context) -> Iterator[Finding]:
    """The right of access is sent down the Freedom of Information route."""
    notice = ctx.policy.notice
    said = notice.rights.get("access") if notice is not None else None
    if notice is None or said is None or not said.stated or not is_verified(_foi()):
        return
    laws = [law.words for law in said.laws_cited if _foi_pattern().search(law.words)]
    if said.route == "foi-request":
        how = "tells people to make a Freedom of Information request for their own information"
    elif laws:
        how = f"gives the right of access under {laws[0]}"
    elif said.how and _foi_pattern().search(said.how):
        how = f"sends access requests down the Freedom of Information route ('{' '.join(said.how.split())}')"
    else:
        return
    yield _finding(
        ctx,
        MISDIRECTED,
        notice,
        "access",
        said,
        f"the notice {how}{_words(said)}: a person's own data is exempt from FOI (FOIA 2000 s.40(1)), so "
        "such a request is refused; the right of access is a subject access request under UK GDPR Art 15",
        citation=facts.cite(_foi()),
    )


MISDIRECTED = Rule(
    id="RGT004",
    title="Access to one's own information is handled as a Freedom of Information request",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "People asking for their own information use the right of access (UK GDPR Art 15), with its "
        "own time limit and no charge. The Freedom of Information Act makes a requester's own personal "
        "data exempt (s.40(1)), so a notice that points them to an FOI request points them to a refusal. "
        "The law is clear and the policy records the route (route foi-request, or an FOI law cited for "
        "access): an error."
    ),
    citation=facts.cite(_knowledge()["foi"]),
    remediation="Tell people to make a subject access request, and how (email, form or post); take FOI out of it.",
    check=_misdirected,
    failing=(_NOTICE + "  rights:\n    access:\n      route: foi-request\n"),
    passing=(_NOTICE + "  rights:\n    access:\n      route: subject-access-request\n"),
)


# --- RGT005: complaint to the Commissioner after an internal process ---------------------------


def _complaint_conditional(ctx: Context) -> Iterator[Finding]:
    """The right to complain to the Commissioner is made to wait for the controller's own process."""
    notice = ctx.policy.notice
    said = notice.rights.get("complain") if notice is not None else None
    if notice is None or said is None or not said.stated or said.precondition != "internal-complaint-first":
        return
    yield _finding(
        ctx,
        COMPLAINT_CONDITIONAL,
        notice,
        "complain",
        said,
        f"the notice offers a complaint to the Commissioner only after the controller's own complaint "
        f"process{_words(said)}{_note(said)}; the law gives {_gives('complain')}",
    )


COMPLAINT_CONDITIONAL = Rule(
    id="RGT005",
    title="The right to complain to the Commissioner is made conditional on an internal complaint",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "People may complain to the Information Commissioner whenever they think their information is "
        "mishandled; the law makes it independent of any other remedy (Art 77(1)) and, from 2026-06-19, "
        "gives a separate right to complain to the controller (DPA 2018 s.164A) without making it a step "
        "before the Commissioner (s.165). Inviting people to complain to the controller first is fine; "
        "presenting the Commissioner as available only afterwards is not. Whether the notice's words make "
        "it a condition needs reading (the policy records precondition: internal-complaint-first): a warning."
    ),
    citation=facts.cite(_knowledge()["rights"]["complain"]),
    citations=facts.history(_knowledge()["rights"]["complain"]),
    time_dependent=True,
    remediation=(
        "Say that people can complain to the Information Commissioner at any time, and separately that they "
        "can complain to you."
    ),
    check=_complaint_conditional,
    failing=(_NOTICE + "  rights:\n    complain:\n      precondition: internal-complaint-first\n"),
    passing=_NOTICE + "  rights:\n    complain:\n      precondition: none\n",
)


# --- RGT006 / RGT007: time promises ------------------------------------------------------------


def _time() -> dict[str, Any]:
    row: dict[str, Any] = _knowledge()["time_limit"]
    return row


_PERIOD = re.compile(r"^(\d+) (working )?(day|week|month)s?$")


def longer_than_allowed(time_limit: str) -> bool:
    """Whether a promised time is surely longer than the one month Art 12(3) allows."""
    match = _PERIOD.match(time_limit.strip())
    if match is None:
        return False
    amount, working, unit = int(match.group(1)), bool(match.group(2)), match.group(3)
    limits = _time()
    if unit == "month":
        return amount > int(limits["months"])
    if working:
        days = amount if unit == "day" else amount * 5
        return days > int(limits["longest_month_working_days"])
    days = amount if unit == "day" else amount * 7
    return days > int(limits["longest_month_days"])


def _time_too_long(ctx: Context) -> Iterator[Finding]:
    """A time promised for acting on a request that is longer than the law allows."""
    notice = ctx.policy.notice
    if notice is None or not is_verified(_time()):
        return
    for right, said in _stated(notice):
        if (
            said.time_limit
            and right not in ("complain", "complain-to-controller")
            and longer_than_allowed(said.time_limit)
        ):
            yield _finding(
                ctx,
                TIME_TOO_LONG,
                notice,
                right,
                said,
                f"the notice gives {said.time_limit} to act on a request under {_name(right)}{_words(said)}; the "
                "law allows one month, extendable by two further months only by telling the person within the "
                "first month why",
                citation=facts.cite(_time(), ctx.as_of),
            )


TIME_TOO_LONG = Rule(
    id="RGT006",
    title="A time promised for a request is longer than the law allows",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "A controller must act on a request under Arts 15-22 without undue delay and within one month, "
        "extendable by two months only where the requests are complex or numerous and the person is told "
        "within the first month (Art 12(3); from 2026-02-05 Art 12A, counting from the latest of receipt, "
        "identification and any fee). A notice promising 40 days (the old Data Protection Act 1998 "
        "period) or three months tells people to wait longer than the law lets the controller take: an "
        "error. Working days are compared with the most a month can hold (23)."
    ),
    citation=facts.cite(_knowledge()["time_limit"]),
    citations=facts.history(_knowledge()["time_limit"]),
    time_dependent=True,
    remediation="Promise a response within one month (extendable by two months for complex requests, with notice).",
    check=_time_too_long,
    failing=_NOTICE + "  rights:\n    access:\n      time_limit: 40 days\n",
    passing=_NOTICE + "  rights:\n    access:\n      time_limit: 1 month\n",
)


def _time_immediate(ctx: Context) -> Iterator[Finding]:
    """A right promised 'immediately' where the law says without undue delay."""
    notice = ctx.policy.notice
    if notice is None:
        return
    undue: list[str] = list(_knowledge()["without_undue_delay"]["rights"])
    for right, said in _stated(notice):
        if said.time_limit != "immediately":
            continue
        law = "without undue delay" if right in undue else "within one month of the request"
        yield _finding(
            ctx,
            TIME_IMMEDIATE,
            notice,
            right,
            said,
            f"the notice promises {_name(right)} immediately{_words(said)}; the law gives it {law} (after the "
            "controller has checked the request), so the promise misdescribes the right and cannot be kept as "
            "written",
            citation=facts.cite(_knowledge()["without_undue_delay"]),
        )


TIME_IMMEDIATE = Rule(
    id="RGT007",
    title="A right is promised 'immediately'",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "The law gives rectification and erasure 'without undue delay' (Arts 16, 17(1)) and any request "
        "an answer within one month (Art 12(3)); the controller first checks who is asking and whether the "
        "data is inaccurate. 'Corrected immediately' promises what no controller does, so people cannot "
        "tell what to expect and the notice is not accurate (Art 12(1)). People lose nothing by it: a warning."
    ),
    citation=facts.cite(_knowledge()["without_undue_delay"]),
    remediation="Say 'without undue delay' (and within one month), as the law does.",
    check=_time_immediate,
    failing=(_NOTICE + "  rights:\n    rectification:\n      time_limit: immediately\n"),
    passing=(_NOTICE + "  rights:\n    rectification:\n      time_limit: 1 month\n"),
)


# --- RGT008: a UK GDPR right cited under another law ----------------------------------------------

#: rights given by UK GDPR Chapter III (not consent withdrawal, Art 7(3), nor the complaint rights, which the
#: DPA 2018 gives)
_CHAPTER_III = tuple(
    right for right in RIGHTS if right not in ("withdraw-consent", "complain", "complain-to-controller")
)


def _regime() -> dict[str, Any]:
    row: dict[str, Any] = _knowledge()["regime"]
    return row


def _wrong_law(ctx: Context) -> Iterator[Finding]:
    """A right the UK GDPR gives is attributed only to the Data Protection Act 2018."""
    notice = ctx.policy.notice
    if notice is None:
        return
    uk_gdpr = re.compile(str(_regime()["uk_gdpr_pattern"]), re.IGNORECASE)
    dpa = re.compile(str(_regime()["dpa_2018_pattern"]), re.IGNORECASE)
    for right, said in _stated(notice):
        laws = [law.words for law in said.laws_cited]
        if right not in _CHAPTER_III or not laws or any(uk_gdpr.search(law) for law in laws):
            continue
        cited = next((law for law in laws if dpa.search(law)), "")
        if not cited:
            continue
        yield _finding(
            ctx,
            WRONG_LAW,
            notice,
            right,
            said,
            f"the notice gives {_name(right)} under {cited}{_words(said)}; for general processing it is a "
            "right under the UK GDPR (Chapter III), which the Act only supplements; the Act's own rights are "
            "for law enforcement and intelligence processing",
            citation=facts.cite(_regime()),
        )


WRONG_LAW = Rule(
    id="RGT008",
    title="A UK GDPR right is attributed only to the Data Protection Act 2018",
    severity=Severity.INFO,
    area=AREA,
    rationale=(
        "The rights of access, rectification, erasure, restriction, objection and portability come from "
        "UK GDPR Chapter III for ordinary processing; the Data Protection Act 2018 gives its own versions "
        "only for law enforcement (Part 3) and intelligence services (Part 4). Citing only the Act sends a "
        "reader to the wrong text, but the right itself is still named: information for the DPO."
    ),
    citation=facts.cite(_knowledge()["regime"]),
    remediation=(
        "Cite the UK GDPR article for the right (for example 'Article 15 of the UK GDPR'), with the Act if you wish."
    ),
    check=_wrong_law,
    failing=(_NOTICE + "  rights:\n    access:\n      laws_cited: [Data Protection Act 2018]\n"),
    passing=(
        _NOTICE + "  rights:\n    access:\n      laws_cited: [Article 15 of the UK GDPR, Data Protection Act 2018]\n"
    ),
)


RULES = (
    NARROWED_BELOW_THE_LAW,
    NARROWED,
    OVERSTATED,
    MISDIRECTED,
    COMPLAINT_CONDITIONAL,
    TIME_TOO_LONG,
    TIME_IMMEDIATE,
    WRONG_LAW,
)

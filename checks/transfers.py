"""Transfer rules (TRF): personal data sent or made accessible outside the UK.

A UK controller may make a restricted transfer only under UK adequacy
regulations, appropriate safeguards (Art 46, 47) or a derogation (Art 49),
and its notice must say which and where the safeguards can be read
(Art 13(1)(f), 14(1)(f)). The mechanisms, their dates and the adequacy list
are rows of ``checks/knowledge/transfer-mechanisms.yaml`` and
``checks/knowledge/adequacy.yaml``; nothing legal is written here.

A transfer's ``mechanism`` names a mechanism of that file by id or alias.
Dates are inclusive. What a transfer on a given ``--as-of`` date means: before
2021-01-01 a UK exporter was under the EU GDPR (the Brexit transition period),
so the Privacy Shield was a valid mechanism on 2020-01-01 and on 2020-07-16,
and not from 2020-07-17.

An error (TRF001, TRF002, TRF003, TRF007, TRF010) rests on knowledge rows whose
``verified`` note starts with "yes" (``checks.naming.is_verified``). The same
problem found from a row that is only partly verified, or not at all, is
reported by the warning rule TRF011, so it is neither lost nor overstated.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from checks import facts, naming, prose
from checks.authority import is_public_authority
from linter.context import Context
from linter.findings import DatedCitation, Finding, Rule, Severity, citation_on
from linter.model import Controller, Entity, Processor, Recipient, Transfer

AREA = "transfers"
MECHANISMS_FILE = "transfer-mechanisms"
ADEQUACY_FILE = "adequacy"


# --- knowledge -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Source:
    """The knowledge row a fact comes from, and whether its note says it was verified."""

    label: str
    verified: bool
    verdict: str

    def __str__(self) -> str:
        return f"{self.label} ({self.verdict})"


def _source(file: str, key: str, row: dict[str, object]) -> Source:
    return Source(f"policy-lint knowledge {file}: {key}", naming.is_verified(row), naming.verdict(row) or "no note")


@dataclass(frozen=True, slots=True)
class Mechanism:
    """One row of transfer-mechanisms.yaml."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    valid_from: dt.date | None
    valid_until: dt.date | None
    new_contracts_until: dt.date | None
    never_for_uk: bool
    copy_required: bool
    public_authority_excluded: bool
    destination: str
    requires: tuple[str, ...]
    uses_adequacy_list: bool
    source: Source
    citation: str
    citations: tuple[DatedCitation, ...] = ()
    #: the notice says a safeguard is used without saying which
    unnamed: bool = False
    #: for a derogation, how far it may carry repeated transfers ("not-repetitive", "exceptional")
    routine: str = ""

    def cite_on(self, day: dt.date) -> str:
        """The mechanism's citation as the law stood on ``day``."""
        return citation_on(self.citations, day, self.citation)


@dataclass(frozen=True, slots=True)
class Destination:
    """One row of adequacy.yaml."""

    code: str
    name: str
    start: dt.date | None
    end: dt.date | None
    scope_note: str
    requires: tuple[str, ...]
    source: Source
    citation: str
    citations: tuple[DatedCitation, ...] = ()

    def cite_on(self, day: dt.date) -> str:
        """The destination's citation as the law stood on ``day``."""
        return citation_on(self.citations, day, self.citation)


def key(text: str) -> str:
    """A mechanism id or alias as compared: lower case, words joined by '-'."""
    return re.sub(r"[\s_]+", "-", text.strip().lower())


@functools.cache
def mechanisms() -> dict[str, Mechanism]:
    """Every mechanism, indexed by its id and by each alias."""
    index: dict[str, Mechanism] = {}
    for row in facts.load(MECHANISMS_FILE)["mechanisms"]:
        mechanism = Mechanism(
            id=row["id"],
            name=row["name"],
            kind=row["kind"],
            aliases=tuple(row.get("aliases") or ()),
            valid_from=facts.date(row.get("valid_from")),
            valid_until=facts.date(row.get("valid_until")),
            new_contracts_until=facts.date(row.get("new_contracts_until")),
            never_for_uk=bool(row.get("never_for_uk", False)),
            copy_required=bool(row.get("copy_required", False)),
            public_authority_excluded=bool(row.get("public_authority_excluded", False)),
            destination=str(row.get("destination", "")),
            requires=tuple(row.get("requires") or ()),
            uses_adequacy_list=row.get("destinations") == "adequacy",
            source=_source(MECHANISMS_FILE, f"'{row['id']}'", row),
            citation=facts.cite(row),
            citations=facts.history(row),
            unnamed=bool(row.get("unnamed", False)),
            routine=str(row.get("routine", "")),
        )
        for name in (mechanism.id, *mechanism.aliases):
            index[key(name)] = mechanism
    return index


@functools.cache
def destinations() -> dict[str, Destination]:
    """UK adequacy destinations by ISO country code."""
    return {
        row["code"]: Destination(
            code=row["code"],
            name=row["name"],
            start=facts.date(row.get("from")),
            end=facts.date(row.get("until")),
            scope_note=str(row.get("scope_note", "")),
            requires=tuple(row.get("requires") or ()),
            source=_source(ADEQUACY_FILE, f"'{row['code']}'", row),
            citation=facts.cite(row),
            citations=facts.history(row),
        )
        for row in facts.load(ADEQUACY_FILE)["destinations"]
    }


@functools.cache
def uk_codes() -> frozenset[str]:
    """Country codes that are the UK itself (sending data there is no transfer)."""
    return frozenset(facts.load(ADEQUACY_FILE)["uk_country_codes"])


@dataclass(frozen=True, slots=True)
class Region:
    """A place a notice names instead of a country (adequacy.yaml ``regions``)."""

    id: str
    name: str
    #: the countries it is made of (the EEA); empty for the other regions
    countries: frozenset[str]
    #: the countries it lies outside of ("outside the EEA"); empty for the others
    outside: frozenset[str]
    #: False when the notice's own words say the destination has no adequacy regulations
    adequate: bool | None
    source: Source


@functools.cache
def regions() -> dict[str, Region]:
    """Every region of linter/schema.py REGIONS, by its id."""
    rows = facts.load(ADEQUACY_FILE)["regions"]
    members = {row["id"]: frozenset(row.get("countries") or ()) for row in rows}

    def codes(value: str | list[str] | None) -> frozenset[str]:
        return members[value] if isinstance(value, str) else frozenset(value or ())

    return {
        row["id"]: Region(
            id=row["id"],
            name=str(row["name"]),
            countries=codes(row.get("countries")),
            outside=codes(row.get("outside")),
            adequate=row.get("adequate"),
            source=_source(ADEQUACY_FILE, f"regions '{row['id']}'", row),
        )
        for row in rows
    }


def place_name(place: str) -> str:
    """A place as messages name it: the country code, or the region's words ("outside the UK")."""
    region = regions().get(place)
    return region.name if region is not None else place


def reaches(destination: str, place: str) -> bool:
    """Whether a transfer to ``destination`` reaches ``place`` (a country code or a region).

    A transfer to a country reaches that country; one "outside the UK" reaches
    every place outside the UK; one to "the EEA" reaches the EEA states.
    """
    if place == destination:
        return True
    target = regions().get(destination)
    if target is None:
        return False
    here = regions().get(place)
    if target.countries:
        return place in target.countries or bool(here and here.countries and here.countries <= target.countries)
    if not target.outside:
        return False
    if here is None:
        return place not in target.outside
    if here.outside:
        return here.outside >= target.outside
    if here.countries:
        return not here.countries & target.outside
    return here.adequate is False  # a country without adequacy is outside the UK, the EU and the EEA


@functools.cache
def safeguard_copy_source() -> Source:
    """The Art 13(1)(f) copy duty that TRF007 rests on."""
    return _source(MECHANISMS_FILE, "safeguard_copy", facts.load(MECHANISMS_FILE)["safeguard_copy"])


@functools.cache
def eu_wording() -> tuple[prose.Wording, ...]:
    """TRF006's phrases (transfer-mechanisms.yaml eu_regime_wording), each wrong from its ``from`` date."""
    return tuple(prose.Wording.of(row) for row in facts.load(MECHANISMS_FILE)["eu_regime_wording"]["patterns"])


def eu_wording_hits(ctx: Context) -> list[prose.Hit]:
    """Every TRF006 phrase in the policy's prose that is wrong on --as-of, once per run."""
    found: list[prose.Hit] | None = ctx.memo.get("transfers.eu_wording")
    if found is None:
        active = [w for w in eu_wording() if (start := facts.date(w.row.get("from"))) is None or start <= ctx.as_of]
        found = prose.find(prose.passages(ctx), active)
        ctx.memo["transfers.eu_wording"] = found
    return found


def eu_wording_taken(ctx: Context) -> Callable[[prose.Passage], list[tuple[int, int]]]:
    """For another prose rule: the spans TRF006 reports (one phrase, one rule)."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for hit in eu_wording_hits(ctx):
        spans.setdefault(id(hit.passage), []).append((hit.start, hit.end))
    return lambda passage: spans.get(id(passage), [])


def _rule_history(entry: dict[str, object], note: str) -> tuple[DatedCitation, ...]:
    """A knowledge row's dated citations, each followed by ``note`` (where the rule's other facts are)."""
    return tuple(replace(item, text=f"{item.text}; {note}") for item in facts.history(entry))


_MECHANISMS_KNOWLEDGE = facts.load(MECHANISMS_FILE)
_ADEQUACY_HISTORY = _rule_history(
    next(row for row in _MECHANISMS_KNOWLEDGE["mechanisms"] if row.get("destinations") == "adequacy"),
    "SI 2022/1213 (Korea, 19 December 2022); SI 2023/1028 (US, 12 October 2023); see 'policy-lint knowledge adequacy'",
)
_EU_WORDING_HISTORY = _rule_history(
    _MECHANISMS_KNOWLEDGE["eu_regime_wording"], "see 'policy-lint knowledge transfer-mechanisms' eu_regime_wording"
)
_COPY_HISTORY = facts.history(_MECHANISMS_KNOWLEDGE["safeguard_copy"])


def mechanism_of(transfer: Transfer) -> Mechanism | None:
    return mechanisms().get(key(transfer.mechanism)) if transfer.mechanism else None


def _known(ctx: Context) -> Iterator[tuple[Transfer, Mechanism]]:
    for transfer in ctx.policy.transfers:
        mechanism = mechanism_of(transfer)
        if mechanism is not None:
            yield transfer, mechanism


def known_mechanisms(ctx: Context) -> Iterator[tuple[Transfer, Mechanism]]:
    """(transfer, mechanism) for every transfer whose mechanism the knowledge file knows."""
    return _known(ctx)


def in_place(place: str) -> str:
    """A place in a sentence: 'in US', 'outside the UK', 'in the European Economic Area'."""
    return _in(place)


def _public_authority(ctx: Context, transfer: Transfer) -> bool:
    exporter: Controller | None = transfer.exporter or ctx.policy.controller
    return is_public_authority(exporter)


def _flag_missing(transfer: Transfer, flags: tuple[str, ...]) -> list[str]:
    return [flag for flag in flags if not getattr(transfer, flag, False)]


def uncovered_importers(ctx: Context) -> Iterator[tuple[Entity, str, str]]:
    """(processor or recipient, field, country) outside the UK with no transfer to it.

    A processor counts through its ``location``, its ``parent_company``'s
    country and each sub-processor's country; a recipient through its
    ``country``. A transfer covers one when its importer is that entity and its
    destination reaches that place (:func:`reaches`: a transfer "outside the
    UK" reaches a processor in the US).
    """
    destinations: dict[str, list[str]] = {}
    for transfer in ctx.policy.transfers:
        if transfer.importer is not None:
            destinations.setdefault(transfer.importer.ref, []).append(transfer.destination)
    places: list[tuple[Entity, str, str]] = []
    for processor in ctx.policy.processors:
        places.extend(_processor_places(processor))
    for recipient in ctx.policy.recipients:
        places.append((recipient, "country", recipient.country))
    seen: set[tuple[str, str, str]] = set()
    for entity, field, country in places:
        where = (entity.ref, field, country)
        if not country or country in uk_codes() or where in seen:
            continue
        if _covered(country, destinations.get(entity.ref, [])):
            continue
        seen.add(where)
        yield entity, field, country


def _covered(place: str, transfers_to: list[str]) -> bool:
    """Whether transfers to ``transfers_to`` cover an importer placed at ``place``: one reaches
    it, or the place is only "outside the UK" (or the EEA, the EU) and the notice records
    where the importer's transfers go, which is all that can be known."""
    if any(reaches(destination, place) for destination in transfers_to):
        return True
    region = regions().get(place)
    vague = region is not None and bool(region.outside)
    return vague and any(destination not in uk_codes() for destination in transfers_to)


def _processor_places(processor: Processor) -> Iterator[tuple[Entity, str, str]]:
    yield processor, "location", processor.location
    if processor.parent_company is not None:
        yield processor, "parent_company", processor.parent_company.country
    for sub in processor.sub_processors:
        yield processor, "sub_processors", sub.country


def _in(place: str) -> str:
    """'in US', or the region's words: 'outside the UK', 'in the European Economic Area'."""
    name = place_name(place)
    return f"in {name}" if name == place or not name.startswith(("outside", "anywhere")) else name


def _where(entity: Entity, field: str, country: str) -> str:
    where = _in(country)
    if isinstance(entity, Recipient):
        return f"recipient '{entity.id}' is {where}"
    if field == "location":
        return f"processor '{entity.id}' is located {where}"
    if field == "parent_company":
        return f"processor '{entity.id}' has its parent company {where}"
    return f"processor '{entity.id}' has a sub-processor {where}"


# --- rule checks ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Found:
    """A problem one of the error rules looks for, with the rows it rests on.

    ``doubts`` are those rows whose note does not say "yes": an error rule
    reports only a problem with none; TRF011 reports the others as warnings.
    """

    rule: Rule
    transfer: Transfer
    field: str
    message: str
    doubts: tuple[Source, ...]
    citation: str | None = None
    detail: str = ""


def _doubts(*sources: Source) -> tuple[Source, ...]:
    return tuple(source for source in sources if not source.verified)


def _errors(ctx: Context, detect: Callable[[Context], Iterator[_Found]]) -> Iterator[Finding]:
    for found in detect(ctx):
        if not found.doubts:
            yield ctx.finding(
                found.rule, found.transfer, found.field, found.message, citation=found.citation, detail=found.detail
            )


def invalid_reason(transfer: Transfer, mechanism: Mechanism, as_of: dt.date) -> str:
    """Why ``mechanism`` cannot carry ``transfer`` on ``as_of`` ("" when it can):
    never a UK mechanism, not yet or no longer valid, or too late for a new contract."""
    if mechanism.never_for_uk:
        return "is never a transfer mechanism for a UK exporter"
    if mechanism.valid_from and as_of < mechanism.valid_from:
        return f"is not available on {as_of}: a UK exporter can rely on it from {mechanism.valid_from}"
    if mechanism.valid_until and as_of > mechanism.valid_until:
        return f"is no longer valid on {as_of}: the last day a UK exporter could rely on it was {mechanism.valid_until}"
    if (
        mechanism.new_contracts_until
        and transfer.in_place_from
        and transfer.in_place_from > mechanism.new_contracts_until
    ):
        return (
            f"could not be used for a contract concluded on {transfer.in_place_from}: "
            f"the last day for new contracts was {mechanism.new_contracts_until}"
        )
    return ""


def _invalid_mechanisms(ctx: Context) -> Iterator[_Found]:
    for transfer, mechanism in _known(ctx):
        reason = invalid_reason(transfer, mechanism, ctx.as_of)
        if reason:
            yield _Found(
                INVALID_MECHANISM,
                transfer,
                "mechanism",
                f"transfer '{transfer.id}' rests on {mechanism.name}, which {reason}",
                _doubts(mechanism.source),
                citation=mechanism.cite_on(ctx.as_of),
            )


def _dpf_gaps(ctx: Context) -> Iterator[_Found]:
    for transfer, mechanism in _known(ctx):
        requires: tuple[str, ...] = mechanism.requires
        sources: tuple[Source, ...] = (mechanism.source,)
        if mechanism.uses_adequacy_list:
            row = destinations().get(transfer.destination)
            requires = row.requires if row else ()
            sources = (mechanism.source, row.source) if row else sources
        if mechanism.destination and transfer.destination and transfer.destination != mechanism.destination:
            yield _Found(
                DPF_CONDITIONS,
                transfer,
                "destination",
                f"transfer '{transfer.id}' rests on {mechanism.name}, which covers transfers to "
                f"{mechanism.destination} only, but its destination is {transfer.destination}",
                _doubts(mechanism.source),
                citation=mechanism.cite_on(ctx.as_of),
            )
        missing = _flag_missing(transfer, requires)
        if missing:
            yield _Found(
                DPF_CONDITIONS,
                transfer,
                "mechanism",
                f"transfer '{transfer.id}' rests on the UK Extension to the EU-US Data Privacy Framework, "
                f"but the importer is not recorded as {' and '.join(missing)}: only importers certified "
                "under the DPF and participating in the UK Extension are covered",
                _doubts(*sources),
                detail="requires",
            )


def _region_gap(ctx: Context, region: Region) -> tuple[str, tuple[Source, ...]] | None:
    """Why adequacy does not cover a transfer to ``region`` on the date (and the rows that says it), or None."""
    if region.adequate is False:
        return f"the notice places the destination in {region.name}", ()  # the notice's own words
    for code in sorted(region.countries):
        row = destinations().get(code)
        if row is None:  # the region's list of countries is what says this
            return f"no UK adequacy regulations cover {code}, a country of {region.name}", (region.source,)
        if (row.start and ctx.as_of < row.start) or (row.end and ctx.as_of > row.end):
            return f"UK adequacy regulations do not cover {region.name} ({code}) on that date", (row.source,)
    return None  # every country covered, or which country is not known (outside the UK): nothing to check


def _adequacy_gaps(ctx: Context) -> Iterator[_Found]:
    for transfer, mechanism in _known(ctx):
        if not mechanism.uses_adequacy_list or not transfer.destination or transfer.destination in uk_codes():
            continue  # an absent or invalid destination is the schema rule's finding
        region = regions().get(transfer.destination)
        if region is not None:
            gap = _region_gap(ctx, region)
            if gap is not None:
                yield _Found(
                    ADEQUACY_DESTINATION,
                    transfer,
                    "destination",
                    f"transfer '{transfer.id}' relies on UK adequacy on {ctx.as_of}, but {gap[0]}",
                    _doubts(mechanism.source, *gap[1]),
                    citation=ADEQUACY_DESTINATION.citation_on(ctx.as_of),
                )
            continue
        row = destinations().get(transfer.destination)
        if row is None:
            message = f"no UK adequacy regulations cover {transfer.destination}"
        elif row.start and ctx.as_of < row.start:
            message = f"UK adequacy regulations cover {row.name} only from {row.start}"
        elif row.end and ctx.as_of > row.end:
            message = f"UK adequacy regulations covered {row.name} only until {row.end}"
        else:
            continue
        yield _Found(
            ADEQUACY_DESTINATION,
            transfer,
            "destination",
            f"transfer '{transfer.id}' relies on UK adequacy on {ctx.as_of}, but {message}",
            _doubts(mechanism.source, *((row.source,) if row else ())),
            citation=row.cite_on(ctx.as_of) if row else ADEQUACY_DESTINATION.citation_on(ctx.as_of),
        )


def _missing_copies(ctx: Context) -> Iterator[_Found]:
    for transfer, mechanism in _known(ctx):
        if mechanism.copy_required and not transfer.safeguard_copy:
            yield _Found(
                NO_SAFEGUARD_COPY,
                transfer,
                "mechanism",
                f"transfer '{transfer.id}' rests on {mechanism.name} but the notice does not say how to "
                "obtain a copy of the safeguards or where they are available (safeguard_copy)",
                _doubts(mechanism.source, safeguard_copy_source()),
            )


def _public_power_derogations(ctx: Context) -> Iterator[_Found]:
    for transfer, mechanism in _known(ctx):
        if mechanism.public_authority_excluded and _public_authority(ctx, transfer):
            yield _Found(
                DEROGATION_BY_PUBLIC_AUTHORITY,
                transfer,
                "mechanism",
                f"transfer '{transfer.id}' by a public authority rests on {mechanism.name}, which is not "
                "available to public authorities exercising their public powers; if this transfer is outside "
                "them (the authority buying services as any customer would), record why in a waiver",
                _doubts(mechanism.source),
                citation=mechanism.cite_on(ctx.as_of),
            )


def _invalid_on_date(ctx: Context) -> Iterator[Finding]:
    return _errors(ctx, _invalid_mechanisms)


def _dpf_conditions(ctx: Context) -> Iterator[Finding]:
    return _errors(ctx, _dpf_gaps)


def _adequacy_destination(ctx: Context) -> Iterator[Finding]:
    return _errors(ctx, _adequacy_gaps)


def _no_safeguard_copy(ctx: Context) -> Iterator[Finding]:
    return _errors(ctx, _missing_copies)


_DETECTORS: tuple[Callable[[Context], Iterator[_Found]], ...] = (
    _invalid_mechanisms,
    _dpf_gaps,
    _adequacy_gaps,
    _missing_copies,
    _public_power_derogations,
)


def _unverified_knowledge(ctx: Context) -> Iterator[Finding]:
    for detect in _DETECTORS:
        for found in detect(ctx):
            if found.doubts:
                yield ctx.finding(
                    UNVERIFIED_KNOWLEDGE,
                    found.transfer,
                    found.field,
                    f"{found.message}; reported as a warning, not as a {found.rule.id} error, because the "
                    f"knowledge it rests on is not verified: {', '.join(map(str, found.doubts))}",
                    citation=found.citation,
                    detail=f"{found.rule.id}:{found.detail}",
                )


def _unknown_mechanism(ctx: Context) -> Iterator[Finding]:
    for transfer in ctx.policy.transfers:
        if not transfer.mechanism or mechanism_of(transfer) is not None:
            continue
        ids = {name: mechanism.id for name, mechanism in sorted(mechanisms().items(), key=lambda item: item[1].id)}
        hint = naming.did_you_mean(key(transfer.mechanism), ids, "ids")
        yield ctx.finding(
            UNKNOWN_MECHANISM,
            transfer,
            "mechanism",
            f"transfer '{transfer.id}' names mechanism '{transfer.mechanism}', "
            f"which is not in the knowledge file{hint}",
            detail=transfer.mechanism,
        )


def _before_it_existed(ctx: Context) -> Iterator[Finding]:
    for transfer, mechanism in _known(ctx):
        start = transfer.in_place_from
        if start and mechanism.valid_from and not mechanism.never_for_uk and start < mechanism.valid_from:
            yield ctx.finding(
                BEFORE_IT_EXISTED,
                transfer,
                "in_place_from",
                f"transfer '{transfer.id}' is recorded as in place from {start} under {mechanism.name}, "
                f"which a UK exporter could use only from {mechanism.valid_from}",
                citation=mechanism.cite_on(ctx.as_of),
            )


def _eu_wording(ctx: Context) -> Iterator[Finding]:
    """One finding per phrase row, at its first place in the notice's prose."""
    for cause in prose.by_cause(eu_wording_hits(ctx)):
        why = " ".join(str(cause[0].wording.row["why"]).split())
        yield prose.cause_finding(
            ctx,
            EU_REGIME_WORDING,
            cause,
            f"the notice's transfer wording states the EU regime, not the UK one: {prose.phrases(cause)} "
            f"({prose.places(cause)}): {why}",
        )


def _importer_without_transfer(ctx: Context) -> Iterator[Finding]:
    for entity, field, country in uncovered_importers(ctx):
        yield ctx.finding(
            IMPORTER_WITHOUT_TRANSFER,
            entity,
            field,
            f"{_where(entity, field, country)} but no transfer with importer '{entity.id}' reaching "
            f"{place_name(country)} is recorded",
            detail=f"{field}:{country}",
        )


def _contradicts_no_other_transfers(ctx: Context) -> Iterator[Finding]:
    notice = ctx.policy.notice
    if notice is None or notice.transfers_statement is None or not notice.transfers_statement.no_other_transfers:
        return
    for entity, field, country in uncovered_importers(ctx):
        yield ctx.finding(
            CONTRADICTS_NO_OTHER_TRANSFERS,
            notice,
            "transfers_statement",
            f"the notice says no other personal information is sent or held outside the UK, but "
            f"{_where(entity, field, country)} and the notice records no transfer to it",
            detail=f"{entity.ref}:{field}:{country}",
            affects=[entity],
        )
    for transfer in ctx.policy.transfers:
        if not transfer.destination:
            continue  # nowhere to name: the schema rule reports the missing destination
        if not transfer.notice_wording and transfer.destination not in uk_codes():
            yield ctx.finding(
                CONTRADICTS_NO_OTHER_TRANSFERS,
                notice,
                "transfers_statement",
                f"the notice says no other personal information is sent or held outside the UK, but "
                f"transfer '{transfer.id}' ({_in(transfer.destination)}) is not described in the notice "
                "(no notice_wording)",
                detail=transfer.ref,
                affects=[transfer],
            )


def _derogation_by_public_authority(ctx: Context) -> Iterator[Finding]:
    return _errors(ctx, _public_power_derogations)


# --- examples ---------------------------------------------------------------

_PROCESSOR = "processors:\n  - id: redfern\n    name: Redfern\n    location: GB\n"


def _transfer(*lines: str, destination: str = "US") -> str:
    body = "".join(f"    {line}\n" for line in lines)
    return (
        _PROCESSOR + "transfers:\n  - id: redfern-parent\n    name: Redfern parent company\n"
        f"    importer: redfern\n    destination: {destination}\n" + body
    )


# --- rules ------------------------------------------------------------------

INVALID_MECHANISM = Rule(
    id="TRF001",
    title="Transfer mechanism not valid for a UK exporter on the evaluation date",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "A restricted transfer is lawful only while its mechanism is. Safe Harbor and the Privacy "
        "Shield were struck down by the CJEU; the old EU standard contractual clauses stopped being "
        "usable for new UK contracts after 21 September 2022 and for any after 21 March 2024; EU adequacy "
        "decisions stopped being UK mechanisms when the transition period ended on 31 December 2020; the "
        "EU's 2021 clauses alone and the EU-US Data Privacy Framework without the UK Extension never were "
        "UK mechanisms. A transfer that rests on one of them has no legal basis on that date."
    ),
    citation=(
        "UK GDPR Art 44 (Art 44A from 2026-02-05); CJEU C-362/14 Schrems I (6 October 2015); CJEU "
        "C-311/18 Schrems II (16 July 2020); ICO transitional provisions under DPA 2018 s.119A (in force "
        "21 March 2022); see 'policy-lint knowledge transfer-mechanisms'"
    ),
    remediation=(
        "Put a current UK mechanism in place (UK adequacy regulations, the UK Extension to the DPF for a "
        "certified importer, the IDTA or the EU clauses with the UK Addendum) and record it, with "
        "in_place_from, on the transfer."
    ),
    check=_invalid_on_date,
    failing=_transfer("mechanism: eu-us-privacy-shield", "safeguard_copy: on request from the DPO"),
    passing=_transfer("mechanism: uk-idta", "in_place_from: 2023-01-01", "safeguard_copy: on request from the DPO"),
    time_dependent=True,
)

DPF_CONDITIONS = Rule(
    id="TRF002",
    title="UK Extension to the EU-US Data Privacy Framework relied on for an importer it does not cover",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "The UK-US data bridge is partial adequacy: it covers only transfers to US organisations on the "
        "Data Privacy Framework List that participate in the UK Extension. A transfer to any other US "
        "importer, or outside the US, has no adequacy and needs another mechanism."
    ),
    citation=(
        "The Data Protection (Adequacy) (United States of America) Regulations 2023, SI 2023/1028, "
        "reg 3 (in force 12 October 2023)"
    ),
    remediation=(
        "Confirm on the DPF List that the importer is certified and participates in the UK Extension and "
        "record dpf_certified: true and uk_extension: true, or use the IDTA or the UK Addendum instead."
    ),
    check=_dpf_conditions,
    failing=_transfer("mechanism: uk-extension-dpf", "in_place_from: 2024-01-01", "dpf_certified: true"),
    passing=_transfer(
        "mechanism: uk-extension-dpf", "in_place_from: 2024-01-01", "dpf_certified: true", "uk_extension: true"
    ),
)

ADEQUACY_DESTINATION = Rule(
    id="TRF003",
    title="Adequacy relied on for a destination not covered by UK adequacy regulations on the date",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "Adequacy covers only the countries, territories and sectors that UK regulations name, each from "
        "its own date (the Republic of Korea from 19 December 2022, the US only through the UK Extension "
        "from 12 October 2023). A transfer elsewhere 'on adequacy' has no mechanism at all."
    ),
    citation=_ADEQUACY_HISTORY[-1].text,
    citations=_ADEQUACY_HISTORY,
    remediation=(
        "Check the destination against the UK adequacy list on the transfer date; if it is not covered, "
        "put appropriate safeguards (IDTA or UK Addendum) in place and record that mechanism."
    ),
    check=_adequacy_destination,
    failing=_transfer("mechanism: uk-adequacy", destination="IN"),
    passing=_transfer("mechanism: uk-adequacy", destination="FR"),
    time_dependent=True,
)

UNKNOWN_MECHANISM = Rule(
    id="TRF004",
    title="Transfer names a mechanism the knowledge file does not know",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "Every other transfer rule looks the mechanism up by id: a misspelt or invented mechanism is "
        "never checked for validity, dates or the copy of safeguards, so a dead mechanism could pass "
        "unnoticed."
    ),
    citation="UK GDPR Chapter V (Arts 44-49); see 'policy-lint knowledge transfer-mechanisms'",
    remediation=(
        "Use the id (or an alias) of a mechanism that 'policy-lint values mechanism' lists (so does "
        "docs/reference/transfers.md); if the law has a mechanism the list lacks, it needs a knowledge row "
        "with its citation and dates: ask the policy-lint maintainers."
    ),
    check=_unknown_mechanism,
    failing=_transfer("mechanism: us-safe-bridge", "safeguard_copy: on request"),
    passing=_transfer("mechanism: uk-idta", "in_place_from: 2023-01-01", "safeguard_copy: on request"),
)

BEFORE_IT_EXISTED = Rule(
    id="TRF005",
    title="Transfer recorded as in place before its mechanism existed",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "A transfer dated before its mechanism was available (an IDTA from 2021, a UK Extension transfer "
        "from before 12 October 2023) either had no valid mechanism for that period or its date is wrong. "
        "It is a warning, not an error: the transfer may be lawful today, and the finding is that the "
        "record of when it began cannot be right."
    ),
    citation="UK GDPR Chapter V; DPA 2018 s.119A; 'policy-lint values mechanism' gives each date",
    remediation=(
        "Correct in_place_from to the date the mechanism was actually signed or relied on, and record what "
        "covered the transfer before then."
    ),
    check=_before_it_existed,
    failing=_transfer("mechanism: uk-idta", "in_place_from: 2021-06-01", "safeguard_copy: on request"),
    passing=_transfer("mechanism: uk-idta", "in_place_from: 2022-06-01", "safeguard_copy: on request"),
)

EU_REGIME_WORDING = Rule(
    id="TRF006",
    title="Notice describes a transfer in terms of the EU regime",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "A UK controller's transfers rest on UK law: the notice must state the existence or absence of UK "
        "adequacy regulations, not what 'the EU has agreed'. Wording about EU adequacy, the Privacy Shield "
        "or the EU clauses alone tells people the wrong legal basis. It is a warning because it matches "
        "text patterns: a sentence that correctly contrasts the two regimes can match too, so a person "
        "must read it."
    ),
    citation=_EU_WORDING_HISTORY[-1].text,
    citations=_EU_WORDING_HISTORY,
    time_dependent=True,
    remediation=(
        "Rewrite the transfer wording to name the UK mechanism actually relied on (UK adequacy "
        "regulations, the UK Extension to the DPF, the IDTA or the UK Addendum)."
    ),
    check=_eu_wording,
    failing=_transfer(
        "mechanism: uk-idta",
        "in_place_from: 2023-01-01",
        "safeguard_copy: on request",
        "notice_wording: The parent company is registered with the US Privacy Shield.",
    ),
    passing=_transfer(
        "mechanism: uk-idta",
        "in_place_from: 2023-01-01",
        "safeguard_copy: on request",
        "notice_wording: We have an International Data Transfer Agreement with the parent company.",
    ),
)

NO_SAFEGUARD_COPY = Rule(
    id="TRF007",
    title="Transfer under appropriate safeguards with no way to obtain a copy",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "Where a transfer rests on appropriate safeguards (Art 46), binding corporate rules (Art 47) or "
        "compelling legitimate interests, the notice must refer to the safeguards and say how to obtain "
        "a copy or where they are available. Adequacy needs no copy."
    ),
    citation=_COPY_HISTORY[-1].text,
    citations=_COPY_HISTORY,
    time_dependent=True,
    remediation=(
        "Record in safeguard_copy how a person can get a copy of the IDTA, Addendum or BCRs (for example "
        "'on request from the Data Protection Officer') and say so in the notice."
    ),
    check=_no_safeguard_copy,
    failing=_transfer("mechanism: uk-idta", "in_place_from: 2023-01-01"),
    passing=_transfer("mechanism: uk-idta", "in_place_from: 2023-01-01", "safeguard_copy: on request from the DPO"),
)

IMPORTER_WITHOUT_TRANSFER = Rule(
    id="TRF008",
    title="Processor or recipient outside the UK with no transfer recorded",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "Sending personal data to, or letting it be accessed from, a processor, its parent company or a "
        "sub-processor outside the UK is a restricted transfer, including to the EEA (which is covered by "
        "UK adequacy, but still a transfer the notice must state). A missing transfer record means the "
        "mechanism is unknown. It is a warning: the location data may describe where a company is "
        "registered rather than where personal data goes, which only the controller can confirm."
    ),
    citation="UK GDPR Arts 44 (44A from 2026-02-05), 45-49 and 13(1)(f); ICO guide to international transfers",
    remediation=(
        "Add a transfer with this processor or recipient as importer and the country as destination, "
        "naming its mechanism, or correct the location if no personal data leaves the UK."
    ),
    check=_importer_without_transfer,
    failing="processors:\n  - id: redfern\n    name: Redfern\n    location: GB\n"
    "    parent_company:\n      name: Redfern Inc\n      country: US\n",
    passing="processors:\n  - id: redfern\n    name: Redfern\n    location: GB\n"
    "    parent_company:\n      name: Redfern Inc\n      country: US\n"
    "transfers:\n  - id: redfern-parent\n    name: Redfern parent company\n    importer: redfern\n"
    "    destination: US\n    mechanism: uk-extension-dpf\n    dpf_certified: true\n    uk_extension: true\n",
)

CONTRADICTS_NO_OTHER_TRANSFERS = Rule(
    id="TRF009",
    title="Notice says there are no other transfers, but the policy shows some",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "A statement that no other personal information is sent or held outside the UK is a promise "
        "people rely on. When the controller's own records show a processor, parent company, "
        "sub-processor or recipient outside the UK, or a transfer, that the notice does not describe, "
        "the notice may be wrong and may omit the transfer information Art 13(1)(f) requires. It is a "
        "warning, not an error: it rests on the same location data as TRF008, which may say only where "
        "a company is registered rather than where personal data goes, and only the controller can "
        "confirm which."
    ),
    citation="UK GDPR Art 13(1)(f) and 14(1)(f); Art 5(1)(a) (transparency)",
    remediation=(
        "Describe every transfer in the notice (mechanism and where to get a copy of safeguards), or "
        "remove the 'no other transfers' statement, or correct the policy data if no data leaves the UK."
    ),
    check=_contradicts_no_other_transfers,
    failing="notice:\n  id: privacy-notice\n  name: Privacy notice\n  transfers_statement:\n"
    "    no_other_transfers: true\n"
    "processors:\n  - id: cloudco\n    name: CloudCo\n    location: IE\n",
    passing="notice:\n  id: privacy-notice\n  name: Privacy notice\n  transfers_statement:\n"
    "    no_other_transfers: true\n"
    "processors:\n  - id: cloudco\n    name: CloudCo\n    location: IE\n"
    "transfers:\n  - id: cloudco-ireland\n    name: CloudCo hosting in Ireland\n    importer: cloudco\n"
    "    destination: IE\n    mechanism: uk-adequacy\n"
    "    notice_wording: Our hosting provider stores data in Ireland, covered by UK adequacy regulations.\n",
)

UNVERIFIED_KNOWLEDGE = Rule(
    id="TRF011",
    title="Transfer problem found from knowledge that is not verified",
    severity=Severity.WARNING,
    area=AREA,
    rationale=(
        "TRF001, TRF002, TRF003, TRF007 and TRF010 report an error only when every knowledge row the finding "
        "rests on (the mechanism, the adequacy destination, the copy duty) has a verified note. When a "
        "row's dates or scope were only partly checked, or not at all, the same problem is reported "
        "here as a warning: it is likely real, but the fact behind it must be confirmed before it can "
        "fail a build. The message names the rows and their notes."
    ),
    citation="UK GDPR Chapter V and Art 13(1)(f); see 'policy-lint knowledge transfer-mechanisms' and 'adequacy'",
    remediation=(
        "Fix the transfer as the message says, or confirm the knowledge row against the legislation and "
        "mark its verified note 'yes: ...' so that the error rule applies."
    ),
    check=_unverified_knowledge,
    failing=_transfer("mechanism: art46-2-a", destination="IN"),
    passing=_transfer("mechanism: art46-2-a", "safeguard_copy: on request from the DPO", destination="IN"),
    time_dependent=True,
)

DEROGATION_BY_PUBLIC_AUTHORITY = Rule(
    id="TRF010",
    title="Public authority relies on an Art 49 derogation not available to it",
    severity=Severity.ERROR,
    area=AREA,
    rationale=(
        "Explicit consent, the two contract derogations and compelling legitimate interests do not apply "
        "to activities of public authorities in the exercise of their public powers (Art 49(3), unchanged "
        "since 2018). A public body's notice describes the transfers of its services, which are the "
        "exercise of its public powers, so resting one on these derogations is an error. Where a transfer "
        "is genuinely outside those powers (a council buying software as any customer would), record the "
        "reason in a waiver. A mechanism row that is not verified gives the TRF011 warning instead."
    ),
    citation="UK GDPR Art 49(1)(a)-(c), second subparagraph of Art 49(1), and Art 49(3)",
    remediation=(
        "Use UK adequacy or appropriate safeguards for the transfer, or record in a waiver why the "
        "transfer is outside the authority's public powers."
    ),
    check=_derogation_by_public_authority,
    failing="controller:\n  id: council\n  name: Council\n  public_authority: true\n"
    + _transfer("mechanism: art49-1-a"),
    passing="controller:\n  id: council\n  name: Council\n  public_authority: true\n"
    + _transfer("mechanism: art49-1-f"),
)

RULES = (
    INVALID_MECHANISM,
    DPF_CONDITIONS,
    ADEQUACY_DESTINATION,
    UNKNOWN_MECHANISM,
    BEFORE_IT_EXISTED,
    EU_REGIME_WORDING,
    NO_SAFEGUARD_COPY,
    IMPORTER_WITHOUT_TRANSFER,
    CONTRADICTS_NO_OTHER_TRANSFERS,
    DEROGATION_BY_PUBLIC_AUTHORITY,
    UNVERIFIED_KNOWLEDGE,
)

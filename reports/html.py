"""The DPO's HTML compliance report: one self-contained, printable page.

:func:`render` turns a run's :class:`~linter.engine.Result` into the page
through the Jinja2 templates in ``reports/templates``. This module builds
plain view objects (:func:`build`); the templates only lay them out.

Security: everything from the policy is untrusted text. Every template is
autoescaped, no template uses ``|safe``, URLs become links only when they are
plain http(s) URLs (:func:`link`), text in the style sheet (the running
header of a printed page) is a CSS string of hex escapes (:func:`css_string`),
and the page's Content-Security-Policy forbids scripts and every external
request, so even a missed escape could neither run nor phone home.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup, escape

from checks.registry import RULES
from linter.engine import RECORD_RULES, Result, WaivedFinding
from linter.findings import Finding, Severity
from linter.gate import Summary
from linter.inputs import digest_of
from linter.model import (
    Entity,
    LawfulBasis,
    Policy,
    Processor,
    Recipient,
    RetentionRule,
    Service,
    Trace,
    Transfer,
)
from reports import flow, registers
from reports.actions import Actions, group_by_owner
from reports.retention import Lookup, Minimum, lookup, minimum_for
from reports.review import Review
from reports.revision import Revision

#: what no policy text can loosen: no script, no request, no plugin, no form
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
)

SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
#: severity -> (word, icon); the word always appears, colour is extra
SEVERITY_TEXT = {
    Severity.ERROR: ("Error", "\u2716"),
    Severity.WARNING: ("Warning", "\u25b2"),
    Severity.INFO: ("Info", "\u2139"),
}
#: change -> the word shown, with a sign (colour is extra)
CHANGE_TEXT = {"added": "+ Added", "removed": "\u2212 Removed", "changed": "~ Changed", "moved": "\u2192 Moved"}
TRANSFER_ICONS = {"invalid": "\u2716", "concerns": "\u25b2", "waived": "\u25cb", "clear": "\u2714", "unassessed": "?"}
#: findings of one rule shown in full, by severity; the others of that rule are table rows
CARDS_PER_RULE = {Severity.ERROR: 5, Severity.WARNING: 0, Severity.INFO: 0}
#: errors with no owner listed one by one in the actions section; more are counted by rule
UNOWNED_LISTED = 50
#: kinds whose entities have a row of their own in a register (an anchor to link to)
REGISTERED = ("service", "processor", "transfer", "retention_rule", "recipient")
#: heading of each recipient role (linter.schema.RECIPIENT_ROLES) in the register of recipients
ROLE_HEADINGS = {
    "independent-controller": "Independent controllers",
    "joint-controller": "Joint controllers",
    "processor": "Processors named as recipients",
    "public-body": "Public bodies",
    "internal": "Internal recipients",
    "data-subject": "The people themselves",
    "individual": "Other individuals",
    "public": "Published to the public",
    "": "Role not stated",
}
NOTICE_WIDE_LABELS = {
    "data_categories": "Data categories",
    "data_subjects": "Data subjects",
    "sources": "Sources",
    "purposes": "Purposes",
    "lawful_bases": "Lawful bases",
    "recipients": "Recipients",
    "processors": "Processors",
    "retention_rules": "Retention rules",
}


def is_web_url(value: str) -> bool:
    """True only for a plain ``http``/``https`` URL with a host and no hidden characters."""
    if not value or value != value.strip() or any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in value):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def link(value: str) -> Markup:
    """An escaped link for a web URL; escaped text for anything else (``javascript:`` ...)."""
    if is_web_url(value):
        return Markup('<a href="{0}" rel="noopener noreferrer">{0}</a>').format(value)
    return escape(value)


def css_string(value: str, limit: int = 90) -> Markup:
    """``value`` as a quoted CSS string for the style sheet: letters, digits and
    spaces as they are, every other character as a hex escape, so that nothing
    in it can end the string, the rule or the ``<style>`` element."""
    text = " ".join(value.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "\u2026"
    # a space ends each escape (and is consumed by it), so the next character stands as written
    escaped = "".join(ch if ch.isascii() and (ch.isalnum() or ch == " ") else f"\\{ord(ch):06x} " for ch in text)
    return Markup(f'"{escaped}"')


@dataclass(frozen=True, slots=True)
class FindingView:
    number: int
    finding: Finding
    area: str
    title: str
    entity_name: str
    #: fragment of the register row of the entity, or ""
    anchor: str
    trace: Trace | None

    @property
    def id(self) -> str:
        return f"finding-{self.number}"

    @property
    def location(self) -> str:
        return f"{self.finding.file}:{self.finding.line}:{self.finding.column}"


@dataclass(frozen=True, slots=True)
class WaivedView:
    view: FindingView
    reason: str
    owner: str
    expires: dt.date
    days_left: int


@dataclass(frozen=True, slots=True)
class AreaCount:
    area: str
    counts: dict[Severity, int]
    waived: int

    @property
    def found(self) -> bool:
        """The area has findings, counted or waived."""
        return bool(self.waived or any(self.counts.values()))


@dataclass(frozen=True, slots=True)
class RuleGroup:
    """The findings of one rule: the law and the fix once, then each finding.

    Errors are shown in full, up to :data:`CARDS_PER_RULE`; warnings, and the
    errors beyond (in a large estate often thousands of the same gap), are
    rows of one table. Info findings of a rule that repeat are one card
    listing the entities.
    """

    rule: str
    title: str
    area: str
    severity: Severity
    citation: str
    remediation: str
    views: list[FindingView]

    @property
    def id(self) -> str:
        return f"rule-{self.severity.value}-{self.rule}"

    @property
    def collapsed(self) -> bool:
        """Info findings of one rule that repeat: one card listing the entities."""
        return self.severity == Severity.INFO and len(self.views) > 1

    @property
    def cards(self) -> list[FindingView]:
        return [] if self.collapsed else self.views[: CARDS_PER_RULE[self.severity]]

    @property
    def rest(self) -> list[FindingView]:
        return [] if self.collapsed else self.views[CARDS_PER_RULE[self.severity] :]


@dataclass(frozen=True, slots=True)
class Field:
    """One list of a service: its own items and those from the notice-wide list."""

    name: str
    label: str
    own: list[Any]
    wide: list[Any]
    #: items reached another way (lawful bases of the service's purposes)
    via: list[Any] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ServiceView:
    service: Service
    fields: list[Field]
    findings: list[FindingView]


@dataclass(frozen=True, slots=True)
class TransferView:
    transfer: Transfer
    #: "invalid", "concerns", "waived", "clear" or "unassessed"
    status: str
    label: str
    findings: list[FindingView]
    waived: list[WaivedView]

    @property
    def icon(self) -> str:
        return TRANSFER_ICONS[self.status]


@dataclass(frozen=True, slots=True)
class ProcessorView:
    processor: Processor
    services: list[Service]
    transfers: list[Transfer]
    findings: list[FindingView]


@dataclass(frozen=True, slots=True)
class RetentionView:
    rule: RetentionRule
    services: list[Service]
    minimum: Minimum | None
    findings: list[FindingView]


@dataclass(frozen=True, slots=True)
class RecipientView:
    recipient: Recipient
    services: list[Service]
    findings: list[FindingView]


@dataclass(frozen=True, slots=True)
class Section:
    """A numbered section: the contents list and the heading show the same number."""

    id: str
    title: str
    number: str
    children: tuple[Section, ...] = ()

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}" if "." not in self.number else f"{self.number} {self.title}"


def number_sections(outline: list[tuple[str, str, list[tuple[str, str]]]]) -> list[Section]:
    """Number the sections present, and their subsections, as 1, 2, 2.1 ..."""
    return [
        Section(
            ident,
            title,
            str(index),
            tuple(Section(sub, label, f"{index}.{n}") for n, (sub, label) in enumerate(children, start=1)),
        )
        for index, (ident, title, children) in enumerate(outline, start=1)
    ]


@dataclass(frozen=True, slots=True)
class Report:
    """Everything the template shows."""

    result: Result
    summary: Summary
    revision: Revision | None
    title: str
    policy: Policy
    areas: list[AreaCount]
    findings: list[tuple[Severity, list[RuleGroup]]]
    waived: list[WaivedView]
    notice_wide: list[tuple[str, str, list[Entity], int]]
    services: list[ServiceView]
    processors: list[ProcessorView]
    transfers: list[TransferView]
    retention: list[RetentionView]
    retention_knowledge: bool
    recipients: list[tuple[str, list[RecipientView]]]
    diagram: flow.Diagram
    transfer_rules_run: bool
    actions: Actions
    sections: list[Section]
    review: Review | None = None
    #: the organisation, as the running header of a printed page names it
    organisation: str = ""
    #: the finding shown for each fingerprint (to link to it)
    by_fingerprint: dict[str, FindingView] = field(default_factory=dict)
    #: entity refs that have a row in a register
    registered: frozenset[str] = frozenset()
    csp: str = CONTENT_SECURITY_POLICY
    service_columns: tuple[str, ...] = tuple(NOTICE_WIDE_LABELS.values())

    @property
    def by_rule(self) -> list[RuleGroup]:
        return [group for _, groups in self.findings for group in groups]

    @property
    def finding_count(self) -> int:
        return sum(len(group.views) for group in self.by_rule)

    def section(self, ident: str) -> Section:
        """The section (or subsection) with this id."""
        for section in self.sections:
            for found in (section, *section.children):
                if found.id == ident:
                    return found
        raise KeyError(ident)

    def has(self, ident: str) -> bool:
        return any(ident in (s.id, *(c.id for c in s.children)) for s in self.sections)

    @property
    def gate_count(self) -> int:
        """How many findings are at or above the gate's level."""
        rank = self.summary.fail_on.rank
        return sum(len(group.views) for group in self.by_rule if group.severity.rank >= rank)


def _area(rule_id: str) -> str:
    rule = RULES.get(rule_id)
    return rule.area if rule else "other"


def _is_transfer_area(area: str) -> bool:
    return "transfer" in area.lower()


class _Builder:
    def __init__(self, result: Result, summary: Summary, revision: Revision | None, review: Review | None) -> None:
        self.result = result
        self.summary = summary
        self.revision = revision
        self.review = review
        if result.policy is None:  # a check's kept result (linter/rerun.py): never given to the report
            raise ValueError("the report needs the policy itself, not a result kept by the cache")
        self.policy: Policy = result.policy
        self.entities: dict[str, Entity] = {entity.ref: entity for entity in self.policy.all()}
        self.by_entity: dict[str, list[FindingView]] = {}
        self.waived_by_entity: dict[str, list[WaivedView]] = {}
        self.by_fingerprint: dict[str, FindingView] = {}
        self.by_rule_groups: list[RuleGroup] = []
        self.counter = 0

    def view(self, finding: Finding) -> FindingView:
        self.counter += 1
        rule = RULES.get(finding.rule)
        entity = self.entities.get(finding.entity)
        anchor = finding.entity if entity is not None and entity.KIND in REGISTERED else ""
        view = FindingView(
            number=self.counter,
            finding=finding,
            area=_area(finding.rule),
            title=rule.title if rule else "",
            entity_name=entity.name if entity is not None else "",
            anchor=anchor,
            trace=entity.trace_at(finding.field) if entity is not None else None,
        )
        self.by_fingerprint.setdefault(finding.fingerprint, view)
        return view

    def findings(self) -> list[tuple[Severity, list[RuleGroup]]]:
        """Findings by severity, then by rule (the most frequent first), then by place."""
        by_rule: dict[tuple[Severity, str], list[Finding]] = {}
        for finding in sorted(self.result.findings, key=Finding.sort_key):
            by_rule.setdefault((finding.severity, finding.rule), []).append(finding)
        order = sorted(by_rule, key=lambda key: (-key[0].rank, -len(by_rule[key]), key[1]))
        groups: dict[Severity, list[RuleGroup]] = {}
        for severity, rule_id in order:
            views = [self.view(finding) for finding in by_rule[(severity, rule_id)]]
            for view in views:
                self.by_entity.setdefault(view.finding.entity, []).append(view)
            rule = RULES.get(rule_id)
            first = views[0].finding
            groups.setdefault(severity, []).append(
                RuleGroup(
                    rule=rule_id,
                    title=views[0].title,
                    area=views[0].area,
                    severity=severity,
                    citation=rule.citation if rule else first.citation,
                    remediation=rule.remediation if rule else first.remediation,
                    views=views,
                )
            )
        return list(groups.items())

    def waived(self) -> list[WaivedView]:
        views = []
        for waived in sorted(self.result.waived, key=lambda w: (w.expires, w.finding.sort_key())):
            view = self._waived(waived)
            views.append(view)
            self.waived_by_entity.setdefault(waived.finding.entity, []).append(view)
        return views

    def _waived(self, waived: WaivedFinding) -> WaivedView:
        days = (waived.expires - self.result.as_of).days
        return WaivedView(self.view(waived.finding), waived.reason, waived.owner, waived.expires, days)

    def areas(self) -> list[AreaCount]:
        counts: dict[str, Counter[Severity]] = {rule.area: Counter() for rule in self.result.rules}
        for finding in self.result.findings:
            counts.setdefault(_area(finding.rule), Counter())[finding.severity] += 1
        waived = Counter(_area(w.finding.rule) for w in self.result.waived)
        return [
            AreaCount(area, {severity: counts[area][severity] for severity in SEVERITY_ORDER}, waived[area])
            for area in sorted(counts)
        ]

    def of(self, entity: Entity) -> list[FindingView]:
        return self.by_entity.get(entity.ref, [])

    def notice_wide(self) -> list[tuple[str, str, list[Entity], int]]:
        notice = self.policy.notice
        if notice is None:
            return []
        rows = []
        for name, label in NOTICE_WIDE_LABELS.items():
            items: list[Entity] = getattr(notice.notice_wide, name)
            if items:
                users = sum(1 for service in self.policy.services if name in service.relies_on_notice_wide)
                rows.append((name, label, items, users))
        return rows

    def services(self) -> list[ServiceView]:
        views = []
        for service in self.policy.services:
            fields = []
            for name in ("data_categories", "data_subjects", "sources", "purposes", "lawful_bases"):
                own, wide = registers.split_effective(self.policy, service, name)
                via: list[LawfulBasis] = []
                if name == "lawful_bases":
                    known = {id(b) for b in own + wide}
                    via = [b for b in registers.lawful_bases(self.policy, service) if id(b) not in known]
                fields.append(Field(name, NOTICE_WIDE_LABELS[name], own, wide, via))
            for name in ("recipients", "processors", "retention_rules"):
                own, wide = registers.split_effective(self.policy, service, name)
                fields.append(Field(name, NOTICE_WIDE_LABELS[name], own, wide))
            views.append(ServiceView(service, fields, self.of(service)))
        return views

    def users(self, name: str) -> dict[int, list[Service]]:
        """Which services send data to each recipient/processor (by ``id()``)."""
        index: dict[int, list[Service]] = {}
        for service in self.policy.services:
            for item in self.policy.effective(service, name):
                index.setdefault(id(item), []).append(service)
        return index

    def processors(self, transfers: dict[int, list[Transfer]]) -> list[ProcessorView]:
        users = self.users("processors")
        return [
            ProcessorView(p, users.get(id(p), []), transfers.get(id(p), []), self.of(p)) for p in self.policy.processors
        ]

    def transfers(self) -> list[TransferView]:
        views = []
        for transfer in self.policy.transfers:
            found = self.of(transfer)
            waived = self.waived_by_entity.get(transfer.ref, [])
            severities = {view.finding.severity for view in found}
            if Severity.ERROR in severities:
                status, label = "invalid", "Not valid"
            elif found:
                status, label = "concerns", "Valid with concerns"
            elif waived:
                status, label = "waived", "Findings waived"
            elif self.transfer_rules_run:
                status, label = "clear", "No problem found"
            else:
                status, label = "unassessed", "Not assessed"
            views.append(TransferView(transfer, status, label, found, waived))
        return views

    @property
    def transfer_rules_run(self) -> bool:
        return any(_is_transfer_area(rule.area) for rule in self.result.rules)

    def retention(self, find: Lookup | None) -> list[RetentionView]:
        covered = registers.services_by_retention_rule(self.policy)
        return [
            RetentionView(rule, covered.get(id(rule), []), minimum_for(rule, find), self.of(rule))
            for rule in self.policy.retention_rules
        ]

    def recipients(self) -> list[tuple[str, list[RecipientView]]]:
        users = self.users("recipients")
        groups: dict[str, list[RecipientView]] = {role: [] for role in ROLE_HEADINGS}
        for recipient in self.policy.recipients:
            role = recipient.role if recipient.role in ROLE_HEADINGS else ""
            groups[role].append(RecipientView(recipient, users.get(id(recipient), []), self.of(recipient)))
        return [(ROLE_HEADINGS[role], views) for role, views in groups.items() if views]

    def diagram(self) -> flow.Diagram:
        """The picture, with each entity and flow marked by the worst severity of its findings."""
        worst: dict[str, Severity] = {}
        for ref, views in self.by_entity.items():
            worst[ref] = max((view.finding.severity for view in views), key=lambda severity: severity.rank)
        flows: dict[tuple[str, str], Severity] = {}

        def mark(key: tuple[str, str], views: list[FindingView]) -> None:
            for view in views:
                if key not in flows or view.finding.severity.rank > flows[key].rank:
                    flows[key] = view.finding.severity

        for transfer in self.policy.transfers:
            if transfer.importer is not None:
                mark((transfer.importer.ref, transfer.destination), self.of(transfer))
        importers: list[Processor | Recipient] = [*self.policy.processors, *self.policy.recipients]
        for entity in importers:
            placed = [view for view in self.of(entity) if view.finding.field in ("location", "country")]
            mark((entity.ref, registers.location(entity)), placed)
        return flow.build(self.policy, worst, flows)

    def actions(self, waived: list[WaivedView]) -> Actions:
        kept = [view for group in self.by_rule_groups for view in group.views]
        return group_by_owner(kept, [w.view for w in waived], self.result.as_of, RECORD_RULES)

    def sections(self, waived: list[WaivedView], found: Actions) -> list[Section]:
        outline: list[tuple[str, str, list[tuple[str, str]]]] = []
        if self.review is not None:
            outline.append(("changes", "Changes since the last sign-off", []))
        outline.append(("summary", "Summary at a glance", []))
        if found.owners or found.unassigned:
            outline.append(("actions", "Actions: who is fixing what", []))
        outline.append(("findings", "Findings", []))
        if waived:
            outline.append(("waived", "Waived findings", []))
        outline.append(("flows", "Data flows", []))
        registers_present = [
            ("services", "Services"),
            ("processors", "Processors"),
            ("transfers", "International transfers"),
            ("retention", "Retention schedule"),
            ("recipients", "Recipients by role"),
        ]
        outline.append(("registers", "Registers", registers_present))
        outline.append(("sign-off", "Review and sign-off", []))
        return number_sections(outline)

    def build(self) -> Report:
        find = lookup()
        findings = self.findings()
        self.by_rule_groups = [group for _, groups in findings for group in groups]
        waived = self.waived()
        found = self.actions(waived)
        transfers = registers.transfers_by_importer(self.policy)
        notice = self.policy.notice
        controller = self.policy.controller
        title = (notice.title or notice.name) if notice else "Policy"
        if controller:
            title = f"{title} \u2014 {controller.name}"
        return Report(
            result=self.result,
            summary=self.summary,
            revision=self.revision,
            title=title,
            policy=self.policy,
            areas=self.areas(),
            findings=findings,
            waived=waived,
            notice_wide=self.notice_wide(),
            services=self.services(),
            processors=self.processors(transfers),
            transfers=self.transfers(),
            retention=self.retention(find),
            retention_knowledge=find is not None,
            recipients=self.recipients(),
            diagram=self.diagram(),
            transfer_rules_run=self.transfer_rules_run,
            actions=found,
            sections=self.sections(waived, found),
            review=self.review,
            organisation=controller.name if controller else "",
            by_fingerprint=self.by_fingerprint,
            registered=frozenset(ref for ref, entity in self.entities.items() if entity.KIND in REGISTERED),
        )


TEMPLATES = Path(__file__).with_name("templates")
#: the templates compiled to Python by Jinja2 (:func:`compile_templates`), with the
#: digest of the sources and the Jinja2 version they were compiled from
COMPILED = TEMPLATES / "compiled"


def environment() -> jinja2.Environment:
    """The Jinja2 environment of the report: autoescaping on for every template.

    The templates come precompiled from ``reports/templates/compiled`` while
    that was compiled from the templates as they are, by this Jinja2 version
    (compiling them took a twentieth of a large report); otherwise from their
    sources."""
    return _configured(_loader())


def _loader() -> jinja2.BaseLoader:
    try:
        if (COMPILED / "DIGEST").read_text(encoding="ascii") == _stamp():
            return jinja2.ModuleLoader(str(COMPILED))
    except (OSError, ValueError):
        pass
    return jinja2.PackageLoader("reports", "templates")


def _stamp() -> str:
    """What the compiled templates must have been compiled from: the Jinja2
    version, and a hash of the templates' names and bytes."""
    templates = sorted(path for path in TEMPLATES.iterdir() if path.is_file())
    return f"jinja2 {jinja2.__version__} {digest_of(templates)}\n"


def compile_templates(target: Path) -> None:
    """Compile the templates into ``target`` (``scripts/reference_docs.py`` does it
    for reports/templates/compiled; tests/reports/test_html.py checks it is current)."""
    target.mkdir(parents=True, exist_ok=True)
    for old in target.glob("tmpl_*.py"):
        old.unlink()
    _configured(jinja2.PackageLoader("reports", "templates")).compile_templates(
        str(target), zip=None, ignore_errors=False, filter_func=lambda name: "/" not in name
    )
    (target / "DIGEST").write_text(_stamp(), encoding="ascii")


def _configured(loader: jinja2.BaseLoader) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["link"] = link
    env.filters["css_string"] = css_string
    env.filters["place"] = registers.place
    env.filters["groupby_count"] = lambda items: list(Counter(items).items())
    env.globals.update(
        SEVERITY_TEXT=SEVERITY_TEXT,
        SEVERITY_ORDER=SEVERITY_ORDER,
        CHANGE_TEXT=CHANGE_TEXT,
        UNOWNED_LISTED=UNOWNED_LISTED,
        LINE=flow.LINE,
        FONT=flow.FONT,
        PAD=flow.PADDING,
        MARK=flow.MARK,
    )
    return env


def build(result: Result, summary: Summary, revision: Revision | None, review: Review | None = None) -> Report:
    return _Builder(result, summary, revision, review).build()


def render(result: Result, summary: Summary, revision: Revision | None, review: Review | None = None) -> str:
    """The whole page."""
    return environment().get_template("report.html").render(report=build(result, summary, revision, review))

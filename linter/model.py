"""The typed policy model: entities with positions and resolved references."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from linter.loader import Position

#: field name -> (line, column) where it stands (the loader's :class:`~linter.loader.Positions`)
KeyPositions = Mapping[str, tuple[int, int]]


@dataclass(slots=True, eq=False)
class Trace:
    """Where in the published notice a fact came from (or why it was added)."""

    section: str = ""
    quote: str = ""
    added: str = ""
    note: str = ""
    #: key -> (line, column) in the file of the entity it belongs to (empty when built in code)
    key_positions: KeyPositions = field(default_factory=dict, repr=False)
    #: further places in the notice that state the same fact
    also: list[Trace] = field(default_factory=list)

    @property
    def quotes(self) -> list[str]:
        """Every verbatim quote of this trace, its own first."""
        return [quote for quote in (self.quote, *(more.quote for more in self.also)) if quote]


@dataclass(slots=True, eq=False)
class Contact:
    name: str = ""
    email: str = ""
    phone: list[str] = field(default_factory=list)
    web: str = ""
    address: list[str] = field(default_factory=list)
    trace: Trace | None = None

    @property
    def reachable(self) -> bool:
        return bool(self.email or self.phone or self.web or self.address)


@dataclass(slots=True, eq=False)
class Entity:
    """Fields every entity shares; ``at(field)`` is where a field stands."""

    KIND: ClassVar[str] = "entity"

    id: str
    name: str
    position: Position
    #: field name -> (line, column) in ``position.file``, shared with the loader
    key_positions: KeyPositions = field(default_factory=dict, repr=False)
    description: str = ""
    trace: Trace | None = None

    @property
    def ref(self) -> str:
        """The entity as findings name it, e.g. ``service:child-protection``."""
        return f"{self.KIND}:{self.id}"

    def at(self, name: str) -> Position:
        """The position of a field, or of the entity when the field is absent."""
        place = self.key_positions.get(name)
        return self.position if place is None else Position(self.position.file, *place)

    def trace_at(self, name: str) -> Trace | None:
        """The trace of a field that carries its own (a contact, a statement), else the entity's."""
        nested = getattr(getattr(self, name.split(".")[0], None), "trace", None) if name else None
        return nested if isinstance(nested, Trace) else self.trace


@dataclass(slots=True, eq=False)
class Controller(Entity):
    KIND: ClassVar[str] = "controller"

    #: what kind of body it is (local-authority, nhs-body, academy, ...); "" when not recorded
    kind: str = ""
    #: as recorded; None when the policy does not say (rules then go by ``kind``)
    public_authority: bool | None = None
    contact: Contact | None = None
    dpo: Contact | None = None
    representative: Contact | None = None
    ico_registration: str = ""


@dataclass(slots=True, eq=False)
class Legislation:
    """A law as the notice cites it: its words, and what structure it gives."""

    cited_as: str = ""
    title: str = ""
    year: int | None = None
    chapter: str = ""
    provision: str = ""
    si: str = ""
    trace: Trace | None = None

    @property
    def words(self) -> str:
        """The citation as written, else its title with the provision."""
        return self.cited_as or " ".join(part for part in (self.title, self.provision) if part)


@dataclass(slots=True, eq=False)
class AutomatedDecisions:
    """What the notice says about automated decisions (UK GDPR Arts 13(2)(f), 22, 22A-22D)."""

    used: bool | None = None
    stated: bool = False
    text: str = ""
    solely_automated: bool | None = None
    significant_effects: bool | None = None
    profiling: bool | None = None
    special_category: bool | None = None
    articles: list[str] = field(default_factory=list)
    safeguards: list[str] = field(default_factory=list)
    logic_explained: bool | None = None
    consequences_explained: bool | None = None
    trace: Trace | None = None


@dataclass(slots=True, eq=False)
class RightStatement:
    """What the notice says about one right: its scope, how to use it, when."""

    right: str
    stated: bool = True
    scope: str = ""
    bases: list[str] = field(default_factory=list)
    route: str = ""
    how: str = ""
    laws_cited: list[Legislation] = field(default_factory=list)
    time_limit: str = ""
    precondition: str = ""
    trace: Trace | None = None


@dataclass(slots=True, eq=False)
class BlankSection:
    """A heading of the notice with nothing under it."""

    heading: str
    topic: str
    trace: Trace | None = None


@dataclass(slots=True, eq=False)
class TransfersStatement:
    no_other_transfers: bool = False
    text: str = ""
    trace: Trace | None = None


@dataclass(slots=True, eq=False)
class DataCategory(Entity):
    KIND: ClassVar[str] = "data_category"

    special_category: bool = False
    criminal_offence: bool = False
    online_identifier: bool = False


@dataclass(slots=True, eq=False)
class DataSubject(Entity):
    KIND: ClassVar[str] = "data_subject"


@dataclass(slots=True, eq=False)
class Source(Entity):
    KIND: ClassVar[str] = "source"

    publicly_accessible: bool = False
    data_subject: bool = False
    category: bool = False
    catch_all: bool = False


@dataclass(slots=True, eq=False)
class LawfulBasis(Entity):
    KIND: ClassVar[str] = "lawful_basis"

    article: str = ""
    schedule1_condition: str = ""
    appropriate_policy_document: str = ""
    legislation: list[Legislation] = field(default_factory=list)
    interests: str = ""
    consent_by: str = ""

    @property
    def article_number(self) -> str:
        """The article the basis rests on: '6', '9' or '10' for '9(2)(g)'."""
        return self.article.split("(", 1)[0].strip()


@dataclass(slots=True, eq=False)
class Purpose(Entity):
    KIND: ClassVar[str] = "purpose"

    lawful_bases: list[LawfulBasis] = field(default_factory=list)
    consent: bool = False
    consent_by: str = ""
    anonymised: bool = False
    direct_marketing: list[str] = field(default_factory=list)
    refers_to: str = ""
    laws_cited: list[Legislation] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class Recipient(Entity):
    KIND: ClassVar[str] = "recipient"

    role: str = ""
    category: bool = False
    examples: list[str] = field(default_factory=list)
    acts_on_our_behalf: bool = False
    catch_all: bool = False
    country: str = ""
    purpose: str = ""


@dataclass(slots=True, eq=False)
class Contract:
    reference: str = ""
    signed: dt.date | None = None
    article_28: bool = False
    evidence: str = ""


@dataclass(slots=True, eq=False)
class Company:
    name: str
    country: str = ""
    purpose: str = ""


@dataclass(slots=True, eq=False)
class Processor(Entity):
    KIND: ClassVar[str] = "processor"

    category: bool = False
    service_provided: str = ""
    location: str = ""
    contract: Contract | None = None
    parent_company: Company | None = None
    sub_processors: list[Company] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class RetentionAlternative:
    until: str = ""
    whichever: str = ""


@dataclass(slots=True, eq=False)
class RetentionRule(Entity):
    KIND: ClassVar[str] = "retention_rule"

    record_class: str = ""
    period: str = ""
    starts: str = ""
    disposal: str = ""
    alternative: RetentionAlternative | None = None
    applies_to: list[Service] = field(default_factory=list)
    data_subjects: list[DataSubject] = field(default_factory=list)
    data_categories: list[DataCategory] = field(default_factory=list)
    statutory_basis: str = ""
    short_term: bool = False
    criteria: str = ""
    schedule_reference: str = ""
    laws_cited: list[Legislation] = field(default_factory=list)

    @property
    def period_days(self) -> int | None:
        """The period in days (a year is 365.25), None when indefinite or unset."""
        return period_in_days(self.period)


@dataclass(slots=True, eq=False)
class Service(Entity):
    KIND: ClassVar[str] = "service"

    data_categories: list[DataCategory] = field(default_factory=list)
    data_subjects: list[DataSubject] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    purposes: list[Purpose] = field(default_factory=list)
    lawful_bases: list[LawfulBasis] = field(default_factory=list)
    recipients: list[Recipient] = field(default_factory=list)
    processors: list[Processor] = field(default_factory=list)
    retention_rules: list[RetentionRule] = field(default_factory=list)
    relies_on_notice_wide: list[str] = field(default_factory=list)
    #: whether the service makes automated decisions; None when the policy does not say
    automated_decision_making: bool | None = None
    #: what the notice says about them, when it says more than yes or no
    automated_decisions: AutomatedDecisions | None = None
    #: "controller" (default), "joint-controller", or "processor" (for the bodies in on_behalf_of)
    acting_as: str = ""
    on_behalf_of: list[str] = field(default_factory=list)
    refers_to: str = ""

    @property
    def as_processor(self) -> bool:
        """The body runs this service for other controllers, not for itself."""
        return self.acting_as == "processor"


@dataclass(slots=True, eq=False)
class Transfer(Entity):
    KIND: ClassVar[str] = "transfer"

    exporter: Controller | None = None
    importer: Processor | Recipient | None = None
    importer_entity: str = ""
    destination: str = ""
    data_categories: list[DataCategory] = field(default_factory=list)
    mechanism: str = ""
    frequency: str = ""
    in_place_from: dt.date | None = None
    safeguard_copy: str = ""
    dpf_certified: bool = False
    uk_extension: bool = False
    notice_wording: str = ""


@dataclass(slots=True, eq=False)
class IgnoredText:
    """A statement of the published notice deliberately left out of the policy."""

    quote: str
    reason: str
    #: key -> (line, column) in the notice's file (empty when built in code)
    key_positions: KeyPositions = field(default_factory=dict, repr=False)


@dataclass(slots=True, eq=False)
class NoticeWide:
    data_categories: list[DataCategory] = field(default_factory=list)
    data_subjects: list[DataSubject] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    purposes: list[Purpose] = field(default_factory=list)
    lawful_bases: list[LawfulBasis] = field(default_factory=list)
    recipients: list[Recipient] = field(default_factory=list)
    processors: list[Processor] = field(default_factory=list)
    retention_rules: list[RetentionRule] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class Notice(Entity):
    KIND: ClassVar[str] = "notice"

    title: str = ""
    publisher: str = ""
    #: what kind of body the publisher is (a controller kind); "" when not recorded
    publisher_kind: str = ""
    url: str = ""
    full_notice_url: str = ""
    last_reviewed: dt.date | None = None
    review_cycle_months: int | None = None
    rights_stated: list[str] = field(default_factory=list)
    rights_information: str = ""
    rights: dict[str, RightStatement] = field(default_factory=dict)
    laws_cited: list[Legislation] = field(default_factory=list)
    blank_sections: list[BlankSection] = field(default_factory=list)
    complaint: Contact | None = None
    consent_withdrawal_stated: bool = False
    statutory_requirement_stated: bool = False
    #: "consequences-only", "some-processing" or "deferred"; "" when not recorded
    statutory_requirement_partly: str = ""
    automated_decision_making: AutomatedDecisions | None = None
    transfers_statement: TransfersStatement | None = None
    notice_wide: NoticeWide = field(default_factory=NoticeWide)
    trace_ignore: list[IgnoredText] = field(default_factory=list)

    @property
    def stated_rights(self) -> set[str]:
        """Every right the notice names: ``rights_stated`` and each ``rights`` entry it states."""
        return set(self.rights_stated) | {right for right, said in self.rights.items() if said.stated}

    def blank(self, topic: str) -> BlankSection | None:
        """The notice's heading on ``topic`` that has nothing under it, if any."""
        return next((section for section in self.blank_sections if section.topic == topic), None)


@dataclass(slots=True, eq=False)
class Statement(Entity):
    """A piece of notice prose that is not itself an entity (security, definitions, cookies ...)."""

    KIND: ClassVar[str] = "statement"

    topic: str = ""
    text: str = ""
    laws_cited: list[Legislation] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class Cookie(Entity):
    """A cookie or similar technology the service sets or reads (PECR reg 6)."""

    KIND: ClassVar[str] = "cookie"

    category: str = ""
    purpose: str = ""
    provider: str = ""
    third_party: bool = False
    on_other_platform: bool = False
    consent: str = ""
    set_before_consent: bool = False
    identifiers: list[str] = field(default_factory=list)
    described_as_anonymous: bool = False
    duration: str = ""
    country: str = ""


ENTITY_CLASSES: dict[str, type[Entity]] = {
    cls.KIND: cls
    for cls in (
        Controller,
        Notice,
        Service,
        DataCategory,
        DataSubject,
        Source,
        Purpose,
        Recipient,
        Processor,
        Transfer,
        RetentionRule,
        LawfulBasis,
        Statement,
        Cookie,
    )
}

#: (kind, field) -> the kinds an id in that field may name
REFERENCES: dict[tuple[str, str], tuple[str, ...]] = {
    ("service", "data_categories"): ("data_category",),
    ("service", "data_subjects"): ("data_subject",),
    ("service", "sources"): ("source",),
    ("service", "purposes"): ("purpose",),
    ("service", "lawful_bases"): ("lawful_basis",),
    ("service", "recipients"): ("recipient",),
    ("service", "processors"): ("processor",),
    ("service", "retention_rules"): ("retention_rule",),
    ("purpose", "lawful_bases"): ("lawful_basis",),
    ("transfer", "exporter"): ("controller",),
    ("transfer", "importer"): ("processor", "recipient"),
    ("transfer", "data_categories"): ("data_category",),
    ("retention_rule", "applies_to"): ("service",),
    ("retention_rule", "data_subjects"): ("data_subject",),
    ("retention_rule", "data_categories"): ("data_category",),
}


def period_in_days(period: str) -> int | None:
    """'35 years' -> 12784; 'indefinite' or '' -> None."""
    if not period or period == "indefinite":
        return None
    amount_text, unit = period.split()
    amount = int(amount_text)
    per_unit = {"year": 365.25, "month": 30.4375, "week": 7.0, "day": 1.0}[unit.rstrip("s")]
    return round(amount * per_unit)


@dataclass(slots=True)
class Policy:
    """Every entity of a policy, indexed by kind and id."""

    entities: dict[str, dict[str, Entity]] = field(default_factory=lambda: {kind: {} for kind in ENTITY_CLASSES})
    files: list[str] = field(default_factory=list)

    def of(self, kind: str) -> list[Any]:
        return list(self.entities[kind].values())

    def get(self, kind: str, entity_id: str) -> Entity | None:
        return self.entities[kind].get(entity_id)

    def all(self) -> list[Entity]:
        return [entity for by_id in self.entities.values() for entity in by_id.values()]

    @property
    def controller(self) -> Controller | None:
        return next(iter(self.entities["controller"].values()), None)  # type: ignore[return-value]

    @property
    def notice(self) -> Notice | None:
        return next(iter(self.entities["notice"].values()), None)  # type: ignore[return-value]

    def contacts(self) -> list[tuple[Entity, str, Contact]]:
        """Every contact the policy gives, with the entity and field holding it: the
        controller's own, its DPO's and its representative's, then where to complain."""
        found: list[tuple[Entity, str, Contact | None]] = []
        controller, notice = self.controller, self.notice
        if controller is not None:
            found += [
                (controller, "contact", controller.contact),
                (controller, "dpo", controller.dpo),
                (controller, "representative", controller.representative),
            ]
        if notice is not None:
            found.append((notice, "complaint", notice.complaint))
        return [(entity, field, contact) for entity, field, contact in found if contact is not None]

    @property
    def services(self) -> list[Service]:
        return self.of("service")

    @property
    def data_categories(self) -> list[DataCategory]:
        return self.of("data_category")

    @property
    def data_subjects(self) -> list[DataSubject]:
        return self.of("data_subject")

    @property
    def sources(self) -> list[Source]:
        return self.of("source")

    @property
    def purposes(self) -> list[Purpose]:
        return self.of("purpose")

    @property
    def recipients(self) -> list[Recipient]:
        return self.of("recipient")

    @property
    def processors(self) -> list[Processor]:
        return self.of("processor")

    @property
    def transfers(self) -> list[Transfer]:
        return self.of("transfer")

    @property
    def retention_rules(self) -> list[RetentionRule]:
        return self.of("retention_rule")

    @property
    def lawful_bases(self) -> list[LawfulBasis]:
        return self.of("lawful_basis")

    @property
    def statements(self) -> list[Statement]:
        return self.of("statement")

    @property
    def cookies(self) -> list[Cookie]:
        return self.of("cookie")

    def effective(self, service: Service, name: str) -> list[Any]:
        """A service's own list for a field plus the notice-wide list it relies on."""
        own: list[Any] = getattr(service, name)
        taken = self.taken_from_notice(service, name)
        return own + taken if taken else own

    def taken_from_notice(self, service: Service, name: str) -> list[Any]:
        """The items of the notice-wide list for a field that a service relies on and
        does not list itself."""
        notice = self.notice
        if notice is None or name not in service.relies_on_notice_wide:
            return []
        own_ids = {id(item) for item in getattr(service, name)}
        return [item for item in getattr(notice.notice_wide, name) if id(item) not in own_ids]

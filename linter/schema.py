"""Declarative Cerberus schemas for every kind of policy entity.

A policy file is a YAML mapping whose top-level keys name entity kinds
(``services:``, ``processors:`` ...). ``controller`` and ``notice`` hold one
mapping each; every other kind holds a list of mappings. Field meanings are
documented in ``docs/policy-format.md``.

The schemas check shape only (types, required keys, formats). Whether a value
is right in law (a transfer mechanism, an Article 9 condition, a statutory
period) is a question for the rule catalogue in ``checks/``, which reads its
legal facts from cited knowledge files.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
#: at most five digits: 99999 days is 273 years, and every period stays a number
#: that date arithmetic can take
PERIOD_PATTERN = r"^(indefinite|[1-9][0-9]{0,4} (year|month|week|day)s?)$"
#: a review cycle longer than this many months (a century) is a typing error
MAX_REVIEW_CYCLE_MONTHS = 1200
#: a time a notice promises: "immediately", "1 month", "40 days", "20 working days"
TIME_PATTERN = r"^(immediately|[1-9][0-9]{0,3} (working )?(day|week|month)s?)$"
#: a UK statutory instrument number, year/number: "2010/959"
SI_PATTERN = r"^[0-9]{4}/[0-9]{1,5}$"

Schema = dict[str, Any]

_ID: Schema = {"type": "string", "required": True, "regex": ID_PATTERN}
_TEXT: Schema = {"type": "string", "empty": False}
_BOOL: Schema = {"type": "boolean"}
_DATE: Schema = {"type": "date"}
_TEXT_LIST: Schema = {"type": "list", "schema": _TEXT}


def _refs() -> Schema:
    # a list of ids; items are checked by ids_valid (PolicyValidator._check_with_ids)
    # (one pass in Python instead of a child validator per list)
    return {"type": "list", "check_with": "ids"}


def _ref() -> Schema:
    return {"type": "string", "regex": ID_PATTERN}


_QUOTE: Schema = {"section": _TEXT, "quote": _TEXT, "note": _TEXT}

TRACE: Schema = {
    "type": "dict",
    "schema": {
        **_QUOTE,
        "added": _TEXT,
        # further places in the notice that state the same fact
        "also": {"type": "list", "schema": {"type": "dict", "schema": _QUOTE}},
    },
}

#: places a notice may name instead of a country
REGIONS = ("eea", "outside-uk", "outside-eea", "outside-eu", "worldwide", "non-adequate-country")
PLACE_PATTERN = r"^([A-Z]{2}|" + "|".join(REGIONS) + r")$"
_PLACE: Schema = {"type": "string", "regex": PLACE_PATTERN}

#: what a piece of notice prose is about (Art 13/14 items and the rest)
TOPICS = (
    "controller",
    "dpo",
    "purposes",
    "lawful-basis",
    "legitimate-interests",
    "data-categories",
    "sources",
    "recipients",
    "transfers",
    "retention",
    "rights",
    "complaint",
    "statutory-requirement",
    "automated-decision-making",
    "cookies",
    "security",
    "consent",
    "marketing",
    "children",
    "changes",
    "definitions",
    "other",
)

#: a law as the notice cites it: its own words, and as much structure as it gives
LEGISLATION: Schema = {
    "cited_as": _TEXT,
    "title": _TEXT,
    "year": {"type": "integer", "min": 1000, "max": 9999},
    "chapter": _TEXT,
    "provision": _TEXT,
    "si": {"type": "string", "regex": SI_PATTERN},
    "trace": {"type": "dict", "schema": _QUOTE},
}
#: a legislation reference: a mapping, or plain text (the form older policies use)
_LAW: Schema = {"type": ["string", "dict"], "empty": False, "schema": LEGISLATION}
_LAWS: Schema = {"type": "list", "schema": _LAW}

#: how consent is asked for or assumed
CONSENT_MEANS = ("opt-in", "by-use", "accept-terms", "implied", "pre-ticked", "opt-out", "not-asked", "not-stated")
#: channels of direct marketing (PECR regs 19-22 for electronic ones)
MARKETING_CHANNELS = ("email", "sms", "phone", "post", "online", "other")

CONTACT: Schema = {
    "type": "dict",
    "schema": {
        "name": _TEXT,
        "email": _TEXT,
        "phone": _TEXT_LIST,
        "web": _TEXT,
        "address": _TEXT_LIST,
        "trace": TRACE,
    },
}

_COMMON: Schema = {
    "id": _ID,
    "name": {**_TEXT, "required": True},
    "description": _TEXT,
    "trace": TRACE,
}

NOTICE_WIDE_FIELDS = (
    "data_categories",
    "data_subjects",
    "sources",
    "purposes",
    "lawful_bases",
    "recipients",
    "processors",
    "retention_rules",
)

RIGHTS = (
    "access",
    "rectification",
    "erasure",
    "restriction",
    "objection",
    "portability",
    "withdraw-consent",
    "complain",
    "complain-to-controller",
    "automated-decision-making",
)

#: what kind of body a controller is; whether each kind is a public authority
#: (DPA 2018 s.7) is a row of checks/knowledge/controller-kinds.yaml
CONTROLLER_KINDS = (
    "local-authority",
    "parish-council",
    "nhs-body",
    "maintained-school",
    "academy",
    "independent-school",
    "government-department",
    "police",
    "fire-and-rescue",
    "other-public-body",
    "court-or-tribunal",
    "company",
    "charity",
    "other",
)

CONTROLLER: Schema = {
    **_COMMON,
    "kind": {"type": "string", "allowed": list(CONTROLLER_KINDS)},
    "public_authority": _BOOL,
    "contact": CONTACT,
    "dpo": CONTACT,
    "representative": CONTACT,
    "ico_registration": _TEXT,
}

#: what a notice says a right covers, beside what the law gives
RIGHT_SCOPES = ("as-law", "unconditional", "consent-only", "direct-marketing-only", "narrowed")
#: how a notice tells people to exercise a right
RIGHT_ROUTES = ("subject-access-request", "foi-request", "email", "online-form", "post", "phone", "in-person", "other")
#: what a notice says must happen before a right can be used
RIGHT_PRECONDITIONS = ("none", "internal-complaint-first")

RIGHT: Schema = {
    "stated": _BOOL,
    "scope": {"type": "string", "allowed": list(RIGHT_SCOPES)},
    # the Art 6 bases the notice says the right applies to ("where we rely on legitimate interests")
    "bases": _TEXT_LIST,
    "route": {"type": "string", "allowed": list(RIGHT_ROUTES)},
    "how": _TEXT,
    "laws_cited": _LAWS,
    "time_limit": {"type": "string", "regex": TIME_PATTERN},
    "precondition": {"type": "string", "allowed": list(RIGHT_PRECONDITIONS)},
    "trace": TRACE,
}

#: what a notice says short of the whole Art 13(2)(e) statement: the consequences of not providing
#: data but not whether it must be provided; the statement for some processing only; a promise to
#: say so when the data is collected
STATUTORY_REQUIREMENT_PARTLY = ("consequences-only", "some-processing", "deferred")

#: safeguards for solely automated decisions (UK GDPR Art 22(3); Art 22C from 2026-02-05)
ADM_SAFEGUARDS = ("information", "representations", "human-intervention", "contest")

AUTOMATED_DECISIONS: Schema = {
    "type": "dict",
    "schema": {
        "used": _BOOL,
        "stated": _BOOL,
        "text": _TEXT,
        "solely_automated": _BOOL,
        "significant_effects": _BOOL,
        "profiling": _BOOL,
        "special_category": _BOOL,
        "articles": _TEXT_LIST,
        "safeguards": {"type": "list", "schema": {"type": "string", "allowed": list(ADM_SAFEGUARDS)}},
        "logic_explained": _BOOL,
        "consequences_explained": _BOOL,
        "trace": TRACE,
    },
}

NOTICE: Schema = {
    **_COMMON,
    "title": _TEXT,
    # the body that publishes the notice, where the notice names another as controller
    "publisher": _TEXT,
    # what kind of body the publisher is (a controller kind)
    "publisher_kind": {"type": "string", "allowed": list(CONTROLLER_KINDS)},
    "url": _TEXT,
    "full_notice_url": _TEXT,
    "last_reviewed": _DATE,
    "review_cycle_months": {"type": "integer", "min": 1, "max": MAX_REVIEW_CYCLE_MONTHS},
    "rights_stated": {"type": "list", "schema": {"type": "string", "allowed": list(RIGHTS)}},
    "rights_information": _TEXT,
    # per right, what the notice says about it (the keys are the rights_stated values)
    "rights": {
        "type": "dict",
        "keysrules": {"type": "string", "allowed": list(RIGHTS)},
        "valuesrules": {"type": "dict", "schema": RIGHT},
    },
    "laws_cited": _LAWS,
    # a heading with no answer under it ("Will my data be sent abroad?" and nothing)
    "blank_sections": {
        "type": "list",
        "schema": {
            "type": "dict",
            "schema": {
                "heading": {**_TEXT, "required": True},
                "topic": {"type": "string", "allowed": list(TOPICS), "required": True},
                "trace": TRACE,
            },
        },
    },
    "complaint": CONTACT,
    "consent_withdrawal_stated": _BOOL,
    "statutory_requirement_stated": _BOOL,
    # what the notice says short of the whole Art 13(2)(e) statement
    "statutory_requirement_partly": {"type": "string", "allowed": list(STATUTORY_REQUIREMENT_PARTLY)},
    "automated_decision_making": AUTOMATED_DECISIONS,
    "transfers_statement": {
        "type": "dict",
        "schema": {"no_other_transfers": _BOOL, "text": _TEXT, "trace": TRACE},
    },
    "notice_wide": {
        "type": "dict",
        "schema": {field: _refs() for field in NOTICE_WIDE_FIELDS},
    },
    # statements of the published notice deliberately not encoded (cookie
    # banners, navigation): `policy-lint trace` does not report them
    "trace_ignore": {
        "type": "list",
        "schema": {
            "type": "dict",
            "schema": {"quote": {**_TEXT, "required": True}, "reason": {**_TEXT, "required": True}},
        },
    },
}

SERVICE: Schema = {
    **_COMMON,
    **{field: _refs() for field in NOTICE_WIDE_FIELDS},
    "relies_on_notice_wide": {
        "type": "list",
        "schema": {"type": "string", "allowed": list(NOTICE_WIDE_FIELDS)},
    },
    # true/false, or what the notice says about this service's automated decisions
    "automated_decision_making": {**AUTOMATED_DECISIONS, "type": ["boolean", "dict"]},
    # the body's role in this service: its own (controller) or for others (processor)
    "acting_as": {"type": "string", "allowed": ["controller", "joint-controller", "processor"]},
    # the controllers it acts for, when it acts as a processor or joint controller
    "on_behalf_of": _TEXT_LIST,
    # the other notice or register the notice sends people to for this service's details
    "refers_to": _TEXT,
}

DATA_CATEGORY: Schema = {
    **_COMMON,
    "special_category": _BOOL,
    "criminal_offence": _BOOL,
    # IP addresses, cookie or device identifiers (UK GDPR Art 4(1), Recital 30)
    "online_identifier": _BOOL,
}

DATA_SUBJECT: Schema = {**_COMMON}

SOURCE: Schema = {
    **_COMMON,
    "publicly_accessible": _BOOL,
    "data_subject": _BOOL,
    "category": _BOOL,
    # "other organisations that support the service": a source nobody can identify
    "catch_all": _BOOL,
}

PURPOSE: Schema = {
    **_COMMON,
    "lawful_bases": _refs(),
    "consent": _BOOL,
    "consent_by": {"type": "string", "allowed": list(CONSENT_MEANS)},
    "anonymised": _BOOL,
    # the purpose is direct marketing, by these channels
    "direct_marketing": {"type": "list", "schema": {"type": "string", "allowed": list(MARKETING_CHANNELS)}},
    # the other notice or register the notice sends people to for this purpose's details
    "refers_to": _TEXT,
    "laws_cited": _LAWS,
}

RECIPIENT_ROLES = (
    "independent-controller",
    "joint-controller",
    "processor",
    "public-body",
    "internal",
    "data-subject",
    "individual",
    "public",
)

RECIPIENT: Schema = {
    **_COMMON,
    "role": {"type": "string", "allowed": list(RECIPIENT_ROLES), "required": True},
    "category": _BOOL,
    "examples": _TEXT_LIST,
    "acts_on_our_behalf": _BOOL,
    # "any other agency deemed necessary": a recipient nobody can identify
    "catch_all": _BOOL,
    "country": _PLACE,
    "purpose": _TEXT,
}

PROCESSOR: Schema = {
    **_COMMON,
    "category": _BOOL,
    "service_provided": _TEXT,
    "location": _PLACE,
    "contract": {
        "type": "dict",
        "schema": {
            "reference": _TEXT,
            "signed": _DATE,
            "article_28": _BOOL,
            "evidence": _TEXT,
        },
    },
    "parent_company": {
        "type": "dict",
        "schema": {"name": {**_TEXT, "required": True}, "country": _PLACE},
    },
    "sub_processors": {
        "type": "list",
        "schema": {
            "type": "dict",
            "schema": {
                "name": {**_TEXT, "required": True},
                "country": _PLACE,
                "purpose": _TEXT,
            },
        },
    },
}

TRANSFER: Schema = {
    **_COMMON,
    "exporter": _ref(),
    # absent when the notice announces transfers without saying to whom
    "importer": _ref(),
    "importer_entity": _TEXT,
    "destination": {**_PLACE, "required": True},
    "data_categories": _refs(),
    # an id of checks/knowledge/transfer-mechanisms.yaml: a mechanism, an Art 49
    # derogation, or what the notice gives instead; absent when it gives nothing
    "mechanism": _TEXT,
    "frequency": {"type": "string", "allowed": ["one-off", "occasional", "routine"]},
    "in_place_from": _DATE,
    "safeguard_copy": _TEXT,
    "dpf_certified": _BOOL,
    "uk_extension": _BOOL,
    "notice_wording": _TEXT,
}

RETENTION_RULE: Schema = {
    **_COMMON,
    "record_class": {**_TEXT, "required": True},
    "period": {"type": "string", "regex": PERIOD_PATTERN},
    "starts": _TEXT,
    "disposal": _TEXT,
    "alternative": {
        "type": "dict",
        "schema": {
            "until": _TEXT,
            "whichever": {"type": "string", "allowed": ["longer", "shorter"]},
        },
    },
    "applies_to": _refs(),
    "data_subjects": _refs(),
    "data_categories": _refs(),
    "statutory_basis": _TEXT,
    "short_term": _BOOL,
    # how the period is decided when no period is given ("while your account is open")
    "criteria": _TEXT,
    # the published retention schedule the notice points to instead of a period
    "schedule_reference": _TEXT,
    "laws_cited": _LAWS,
}

LAWFUL_BASIS: Schema = {
    **_COMMON,
    # absent when the notice names only legislation ("under the Children Act 1989")
    "article": _TEXT,
    "schedule1_condition": _TEXT,
    "appropriate_policy_document": _TEXT,
    "legislation": _LAWS,
    # the legitimate interests relied on, as stated (Art 13(1)(d))
    "interests": _TEXT,
    "consent_by": {"type": "string", "allowed": list(CONSENT_MEANS)},
}

STATEMENT: Schema = {
    **_COMMON,
    "topic": {"type": "string", "allowed": list(TOPICS), "required": True},
    "text": _TEXT,
    "laws_cited": _LAWS,
}

COOKIE_CATEGORIES = (
    "strictly-necessary",
    "functional",
    "analytics",
    "advertising",
    "social-media",
    "security",
    "other",
)
IDENTIFIERS = ("ip-address", "cookie-id", "device-id", "advertising-id", "user-id", "location")

COOKIE: Schema = {
    **_COMMON,
    "category": {"type": "string", "allowed": list(COOKIE_CATEGORIES), "required": True},
    "purpose": _TEXT,
    "provider": _TEXT,
    "third_party": _BOOL,
    # set by another platform on its own site (a social network hosting our page), not by us
    "on_other_platform": _BOOL,
    "consent": {"type": "string", "allowed": list(CONSENT_MEANS)},
    "set_before_consent": _BOOL,
    "identifiers": {"type": "list", "schema": {"type": "string", "allowed": list(IDENTIFIERS)}},
    # the notice calls what it collects anonymous or not personal data
    "described_as_anonymous": _BOOL,
    "duration": _TEXT,
    "country": _PLACE,
}

# kind name used in files -> (singular name, schema, holds a list?)
KINDS: dict[str, tuple[str, Schema, bool]] = {
    "controller": ("controller", CONTROLLER, False),
    "notice": ("notice", NOTICE, False),
    "services": ("service", SERVICE, True),
    "data_categories": ("data_category", DATA_CATEGORY, True),
    "data_subjects": ("data_subject", DATA_SUBJECT, True),
    "sources": ("source", SOURCE, True),
    "purposes": ("purpose", PURPOSE, True),
    "recipients": ("recipient", RECIPIENT, True),
    "processors": ("processor", PROCESSOR, True),
    "transfers": ("transfer", TRANSFER, True),
    "retention_rules": ("retention_rule", RETENTION_RULE, True),
    "lawful_bases": ("lawful_basis", LAWFUL_BASIS, True),
    "statements": ("statement", STATEMENT, True),
    "cookies": ("cookie", COOKIE, True),
}


_ID_RE = re.compile(ID_PATTERN)
_IDS_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*(?: [a-z0-9]+(?:-[a-z0-9]+)*)*")

#: a date written as text: the same form YAML reads as a date, and JSON can hold
ISO_DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_ISO_DATE_RE = re.compile(ISO_DATE_PATTERN)


def as_date(value: Any) -> dt.date | None:
    """A date field's value as a date: a date YAML read (not a date and time), or
    the same date written as text ("2024-03-31"); None when it is neither."""
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE_RE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def as_text(value: dt.date) -> str:
    """A date YAML read where text was expected, as the text an editor sees: '2024-03-31'."""
    return value.isoformat()


def as_whole_number(value: Any) -> int | None:
    """A whole-number field's value as an int: an int (true/false excluded), or a
    float with nothing after the point (JSON, and so an editor, cannot tell 12.0 from 12)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    return None


def ids_valid(items: list[Any]) -> bool:
    """True when every item of a list of references is a kebab-case id (a date
    YAML read counts as its text, and fails): the ``ids`` check of the schemas."""
    texts = [as_text(item) if isinstance(item, dt.date) else item for item in items]
    if not texts or (
        all(type(item) is str and " " not in item for item in texts) and _IDS_RE.fullmatch(" ".join(texts))
    ):
        return True  # the common case, in one match
    return all(isinstance(item, str) and _ID_RE.match(item) for item in texts)


def first_bad_id(items: list[Any]) -> tuple[int, Any] | None:
    """(index, item) of the first item of a list of references that is not a kebab-case id."""
    for index, item in enumerate(items):
        text = as_text(item) if isinstance(item, dt.date) else item
        if not isinstance(text, str) or not _ID_RE.match(text):
            return index, text
    return None

"""Known defects injected into every real notice: the rules must find them wherever they are.

The corpus encodings (``tests/corpus/*/policy``) and the shipped ``policy/``
are real notices, each worded its own way. Every defect below is injected, one
at a time, into a temporary copy of each of them by editing the loaded YAML
data (adding an entity, changing or removing a field) and writing it back;
never by replacing one notice's words. For each pair (notice, defect):

* the copy with the defect must get a finding of the expected rule about the
  injected entity (its own, or one it lists as affected);
* the same copy with the defect's compliant counterpart instead (a DPO
  contact given, ``uk-idta`` instead of the Privacy Shield, the right to
  object as the law gives it ...) must get no such finding, so the finding is
  caused by the defect and not by what the notice already says;
* where the law that makes it a defect starts on a date, the injected copy
  gets no finding the day before.

The facts a defect needs (a repealed statute, a renamed body, a statutory
retention minimum) are taken from verified rows of the knowledge files, not
written here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import AS_OF, ROOT

from checks import facts
from checks.naming import is_verified
from linter import engine
from linter.findings import Finding

CORPUS = Path(__file__).resolve().parent
NOTICES = {folder.name: folder / "policy" for folder in sorted(CORPUS.iterdir()) if (folder / "policy").is_dir()}
NOTICES["shipped-policy"] = ROOT / "policy"
#: the files of a policy folder that are not policy
NOT_POLICY = ("policy-waivers.yaml",)

Data = dict[str, Any]


class Policy:
    """A policy folder's YAML files, loaded, to be edited and written back."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files: dict[Path, Data] = {}
        for path in sorted(folder.rglob("*.yaml")):
            if path.name in NOT_POLICY:
                continue
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            if isinstance(data, dict):
                self.files[path] = data
        self.extra = folder / "injected.yaml"

    def _holder(self, kind: str) -> Data:
        for data in self.files.values():
            if kind in data:
                return data
        return self.files.setdefault(self.extra, {})

    def single(self, kind: str) -> Data:
        """The controller or the notice (a mapping)."""
        holder = self._holder(kind)
        found: Data = holder.setdefault(kind, {})
        return found

    def entities(self, kind: str) -> list[Data]:
        """A list of entities of ``kind`` (the first file's that holds one, else a new one)."""
        holder = self._holder(kind)
        found: list[Data] = holder.setdefault(kind, [])
        return found

    def add(self, kind: str, **entity: Any) -> None:
        self.entities(kind).append({"name": entity["id"].replace("-", " "), **entity})

    @property
    def controller(self) -> Data:
        return self.single("controller")

    @property
    def notice(self) -> Data:
        return self.single("notice")

    def controller_id(self) -> str:
        return str(self.controller["id"])

    def state_right(self, right: str, *, instead: bool = False, **said: Any) -> None:
        """The notice names ``right``, saying ``said`` about it besides what it says already, or
        ``instead`` of what it says about the right's scope (its words, the trace, are kept)."""
        notice = self.notice
        stated = notice.setdefault("rights_stated", [])
        if right not in stated:
            stated.append(right)
        rights = notice.setdefault("rights", {})
        before = rights.get(right) or {}
        if instead:
            before = {key: value for key, value in before.items() if key not in ("scope", "bases")}
        rights[right] = {**before, "stated": True, **said}

    def drop_right(self, right: str) -> None:
        """The notice does not name ``right``, anywhere."""
        notice = self.notice
        notice["rights_stated"] = [item for item in notice.get("rights_stated") or [] if item != right]
        (notice.get("rights") or {}).pop(right, None)

    def write(self) -> None:
        for path, data in self.files.items():
            path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


# --- facts the defects take from the knowledge files ------------------------------------------------


def _verified(rows: list[Data]) -> list[Data]:
    return [row for row in rows if is_verified(row)]


def _repealed_instrument() -> str:
    """The title of a statute the register records as repealed or revoked (verified)."""
    rows = [row for row in facts.load("legislation")["instruments"] if row.get("status") in ("repealed", "revoked")]
    return str(sorted(_verified(rows), key=lambda row: str(row["id"]))[0]["title"])


def _current_instrument() -> str:
    rows = [row for row in facts.load("legislation")["instruments"] if row.get("status") == "in-force"]
    rows = [row for row in _verified(rows) if row.get("kind") == "act"]
    return str(sorted(rows, key=lambda row: str(row["id"]))[0]["title"])


def _renamed_body() -> str:
    """The old name of a body renamed (or replaced) before the evaluation date, as a notice words it."""
    rows = [
        row
        for row in facts.load("renamed-bodies")["bodies"]
        if row.get("example") and facts.date(row.get("stale_from")) is not None
    ]
    rows = [row for row in _verified(rows) if (facts.date(row["stale_from"]) or AS_OF) <= AS_OF]
    return str(sorted(rows, key=lambda row: str(row["id"]))[0]["example"])


def _statutory_minimum() -> Data:
    """A verified statutory retention minimum, with the record class its regulation names."""
    rows = [row for row in facts.load("retention-minimums")["minimums"] if row.get("kind") == "statute"]
    return sorted(_verified(rows), key=lambda row: str(row["id"]))[0]


# --- the defects ----------------------------------------------------------------------------------------

Edit = Callable[[Policy], None]
INJECTED = "injected"


def _service(policy: Policy, **fields: Any) -> None:
    policy.add("services", id=f"{INJECTED}-service", **fields)


def _basis(policy: Policy, article: str, **fields: Any) -> None:
    policy.add("lawful_bases", id=f"{INJECTED}-basis", article=article, **fields)


def _processing(policy: Policy, article: str, *, special: bool = False, criminal: bool = False) -> None:
    """A new service processing a new category of data for a new purpose on ``article``."""
    flags = {"special_category": True} if special else {"criminal_offence": True} if criminal else {}
    policy.add("data_categories", id=f"{INJECTED}-data", **flags)
    policy.add("data_subjects", id=f"{INJECTED}-people")
    _basis(policy, article)
    policy.add("purposes", id=f"{INJECTED}-purpose", lawful_bases=[f"{INJECTED}-basis"])
    _service(
        policy,
        data_categories=[f"{INJECTED}-data"],
        data_subjects=[f"{INJECTED}-people"],
        purposes=[f"{INJECTED}-purpose"],
        lawful_bases=[f"{INJECTED}-basis"],
    )


def _condition(policy: Policy, article: str, schedule1: str) -> None:
    """The injected service also states ``article`` with a DPA 2018 Schedule 1 condition."""
    policy.add(
        "lawful_bases",
        id=f"{INJECTED}-condition",
        article=article,
        schedule1_condition=schedule1,
        appropriate_policy_document="https://example.gov.uk/appropriate-policy-document",
    )
    policy.entities("services")[-1]["lawful_bases"].append(f"{INJECTED}-condition")


def _transfer(mechanism: str, **fields: Any) -> Edit:
    def edit(policy: Policy) -> None:
        policy.add("processors", id=f"{INJECTED}-processor", location="US")
        policy.add(
            "transfers",
            id=f"{INJECTED}-transfer",
            exporter=policy.controller_id(),
            importer=f"{INJECTED}-processor",
            destination="US",
            mechanism=mechanism,
            safeguard_copy="on request from the data protection officer",
            **fields,
        )

    return edit


def _statement(text: str) -> Edit:
    def edit(policy: Policy) -> None:
        policy.add("statements", id=f"{INJECTED}-statement", topic="other", text=text)

    return edit


def _changes_statement(text: str) -> Edit:
    """The notice's word on its own changes is ``text`` alone: its own statements on changes are
    dropped first (one of them may already promise to tell people, which answers NTC016)."""

    def edit(policy: Policy) -> None:
        for data in policy.files.values():
            if isinstance(data.get("statements"), list):
                data["statements"] = [item for item in data["statements"] if item.get("topic") != "changes"]
        policy.add("statements", id=f"{INJECTED}-statement", topic="changes", text=text)

    return edit


def _consent_purpose(means: str) -> Edit:
    def edit(policy: Policy) -> None:
        _processing(policy, "6(1)(a)")
        policy.entities("purposes")[-1].update(consent=True, consent_by=means)

    return edit


def _objection(scope: str) -> Edit:
    def edit(policy: Policy) -> None:
        _basis(policy, "6(1)(e)")
        policy.state_right("objection", instead=True, scope=scope)

    return edit


def _decisions(safeguards: list[str]) -> Edit:
    def edit(policy: Policy) -> None:
        decisions: Data = {
            "used": True,
            "stated": True,
            "solely_automated": True,
            "significant_effects": True,
            "logic_explained": True,
            "consequences_explained": True,
        }
        if safeguards:
            decisions["safeguards"] = safeguards
        _processing(policy, "6(1)(e)")
        policy.entities("services")[-1]["automated_decision_making"] = decisions

    return edit


def _retention(**fields: Any) -> Edit:
    def edit(policy: Policy) -> None:
        policy.add("retention_rules", id=f"{INJECTED}-retention", **fields)

    return edit


def _minimum(period: str) -> Edit:
    row = _statutory_minimum()
    return _retention(
        record_class=row["example"], period=period, starts=row["starts"], statutory_basis=row["id"], disposal="destroy"
    )


def _dpo(present: bool) -> Edit:
    def edit(policy: Policy) -> None:
        if present:
            policy.controller["dpo"] = {"name": "Data Protection Officer", "email": "dpo@example.gov.uk"}
        else:
            policy.controller.pop("dpo", None)

    return edit


def _kind(public_authority: bool | None) -> Edit:
    def edit(policy: Policy) -> None:
        policy.controller["kind"] = "local-authority"
        policy.controller.pop("public_authority", None)
        if public_authority is not None:
            policy.controller["public_authority"] = public_authority

    return edit


def _right(right: str, present: bool) -> Edit:
    def edit(policy: Policy) -> None:
        if present:
            policy.state_right(right)
        else:
            policy.drop_right(right)

    return edit


def _said(right: str, **said: Any) -> Edit:
    def edit(policy: Policy) -> None:
        policy.state_right(right, **said)

    return edit


def _cookie(consent: str) -> Edit:
    def edit(policy: Policy) -> None:
        policy.add("cookies", id=f"{INJECTED}-cookie", category="advertising", third_party=True, consent=consent)

    return edit


def _processor_abroad(location: str, no_other_transfers: bool = False) -> Edit:
    def edit(policy: Policy) -> None:
        policy.add("processors", id=f"{INJECTED}-processor", location=location)
        if no_other_transfers:
            statement = policy.notice.setdefault("transfers_statement", {})
            statement["no_other_transfers"] = True

    return edit


def _recipient(name: str) -> Edit:
    def edit(policy: Policy) -> None:
        policy.add("recipients", id=f"{INJECTED}-recipient", role="public-body")
        policy.entities("recipients")[-1]["name"] = name

    return edit


def _legal_obligation(law: str) -> Edit:
    def edit(policy: Policy) -> None:
        _processing(policy, "6(1)(c)")
        policy.entities("lawful_bases")[-1]["legislation"] = [law]

    return edit


def _special(condition: bool) -> Edit:
    def edit(policy: Policy) -> None:
        _processing(policy, "6(1)(e)", special=True)
        if condition:
            _condition(policy, "9(2)(g)", "part-2-para-6")

    return edit


def _criminal(condition: bool) -> Edit:
    def edit(policy: Policy) -> None:
        _processing(policy, "6(1)(e)", criminal=True)
        if condition:
            _condition(policy, "10", "part-2-para-6")

    return edit


@dataclass(frozen=True)
class Defect:
    """One defect: how to inject it, its compliant counterpart, and the rule that must find it."""

    name: str
    rules: tuple[str, ...]
    #: the entity (kind:id) the finding must be about, or list among those it affects
    entity: str
    inject: Edit
    clean: Edit
    #: a day before the law made it a defect: the injected copy has no finding then
    before: dt.date | None = None

    def about(self, finding: Finding) -> bool:
        entities = {finding.entity, *(related.entity for related in finding.related)}
        return finding.rule in self.rules and self.entity in entities


NOTICE = "notice:{notice}"
CONTROLLER = "controller:{controller}"

DEFECTS = [
    Defect(
        "privacy-shield-transfer",
        ("TRF001",),
        f"transfer:{INJECTED}-transfer",
        _transfer("eu-us-privacy-shield"),
        _transfer("uk-idta"),
    ),
    Defect(
        "eu-sccs-alone-after-2024-03-21",
        ("TRF001",),
        f"transfer:{INJECTED}-transfer",
        _transfer("old-eu-sccs", in_place_from="2021-06-01"),
        _transfer("uk-idta"),
        before=dt.date(2024, 3, 20),
    ),
    Defect(
        "eu-2021-sccs-without-uk-addendum",
        ("TRF001",),
        f"transfer:{INJECTED}-transfer",
        _transfer("eu-sccs-2021"),
        _transfer("eu-sccs-2021-with-uk-addendum"),
    ),
    Defect(
        "explicit-consent-derogation-by-public-authority",
        ("TRF010",),
        f"transfer:{INJECTED}-transfer",
        _transfer("art49-1-a-explicit-consent", frequency="one-off"),
        _transfer("uk-idta", frequency="one-off"),
    ),
    Defect(
        "processor-abroad-without-transfer",
        ("TRF008",),
        f"processor:{INJECTED}-processor",
        _processor_abroad("IN"),
        _processor_abroad("GB"),
    ),
    Defect(
        "no-other-transfers-but-processor-abroad",
        ("TRF009",),
        f"processor:{INJECTED}-processor",
        _processor_abroad("IE", no_other_transfers=True),
        _processor_abroad("GB", no_other_transfers=True),
    ),
    Defect("dpo-removed", ("NTC002",), CONTROLLER, _dpo(present=False), _dpo(present=True)),
    Defect(
        "local-authority-recorded-not-public",
        ("CTL001",),
        CONTROLLER,
        _kind(public_authority=False),
        _kind(public_authority=None),
    ),
    Defect(
        "legitimate-interests-by-public-authority",
        ("LAW009",),
        f"lawful_basis:{INJECTED}-basis",
        lambda policy: _processing(policy, "6(1)(f)"),
        lambda policy: _processing(policy, "6(1)(e)"),
    ),
    Defect(
        "special-category-without-art9-condition",
        ("LAW004", "LAW016"),
        f"service:{INJECTED}-service",
        _special(condition=False),
        _special(condition=True),
    ),
    Defect(
        "criminal-offence-data-without-art10-basis",
        ("LAW008", "LAW017"),
        f"service:{INJECTED}-service",
        _criminal(condition=False),
        _criminal(condition=True),
    ),
    Defect(
        "consent-by-use",
        ("CNS001",),
        f"purpose:{INJECTED}-purpose",
        _consent_purpose("by-use"),
        _consent_purpose("opt-in"),
    ),
    Defect(
        "objection-narrowed-to-direct-marketing-under-public-task",
        ("RGT001",),
        NOTICE,
        _objection("direct-marketing-only"),
        _objection("as-law"),
    ),
    Defect(
        "access-as-a-foi-request",
        ("RGT004",),
        NOTICE,
        _said("access", route="foi-request"),
        _said("access", route="subject-access-request"),
    ),
    Defect(
        "complaint-to-ico-after-internal-process",
        ("RGT005",),
        NOTICE,
        _said("complain", precondition="internal-complaint-first"),
        _said("complain", precondition="none"),
    ),
    Defect("complaint-to-ico-dropped", ("NTC005",), NOTICE, _right("complain", False), _right("complain", True)),
    Defect(
        "complaint-to-controller-dropped",
        ("NTC012",),
        NOTICE,
        _right("complain-to-controller", False),
        _right("complain-to-controller", True),
        before=dt.date(2026, 6, 18),
    ),
    Defect(
        "non-essential-cookie-without-consent",
        ("CKE001",),
        f"cookie:{INJECTED}-cookie",
        _cookie("not-asked"),
        _cookie("opt-in"),
    ),
    Defect(
        "repealed-statute-as-legal-basis",
        ("LEG001",),
        f"lawful_basis:{INJECTED}-basis",
        _legal_obligation(_repealed_instrument()),
        _legal_obligation(_current_instrument()),
    ),
    Defect(
        "repealed-statute-cited",
        ("LEG002", "LEG001"),
        f"statement:{INJECTED}-statement",
        _statement(f"We comply with the {_repealed_instrument()}."),
        _statement(f"We comply with the {_current_instrument()}."),
    ),
    Defect(
        "eu-regime-named",
        ("REG001",),
        f"statement:{INJECTED}-statement",
        _statement("Your rights under the EU General Data Protection Regulation apply to this processing."),
        _statement("Your rights under the UK General Data Protection Regulation apply to this processing."),
    ),
    Defect(
        "renamed-body-by-old-name",
        ("CUR001",),
        f"recipient:{INJECTED}-recipient",
        _recipient(_renamed_body()),
        _recipient("Injected Partner Body"),
    ),
    Defect(
        "retention-below-statutory-minimum",
        ("RET005",),
        f"retention_rule:{INJECTED}-retention",
        _minimum("1 year"),
        _minimum(str(_statutory_minimum()["minimum"])),
    ),
    Defect(
        "retention-indefinite-without-reason",
        ("RET013",),
        f"retention_rule:{INJECTED}-retention",
        _retention(record_class="injected case files", period="indefinite"),
        _retention(record_class="injected case files", period="6 years", starts="last-contact", disposal="destroy"),
    ),
    Defect(
        "solely-automated-significant-decision-without-safeguards",
        ("ADM001",),
        f"service:{INJECTED}-service",
        _decisions([]),
        _decisions(["information", "representations", "human-intervention", "contest"]),
    ),
]

#: defects of wording, each in several phrasings (none of them one notice's sentence), with a compliant
#: phrasing: (name, rules, [defective phrasings], compliant phrasing)
WORDINGS = [
    (
        "transfers-bounded-by-the-eu",
        ("TRF006",),
        [
            "We will not send your information outside the European Economic Area.",
            "Your data never leaves the EU.",
            "Where records go beyond the EEA we put safeguards in place.",
        ],
        "We will not send your information outside the UK.",
    ),
    (
        "eu-regulation-named",
        ("REG001",),
        [
            "We handle your information as the GDPR requires.",
            "Processing is governed by Regulation (EU) 2016/679.",
            "You have rights under the EU General Data Protection Regulation.",
        ],
        "You have rights under the UK GDPR and the Data Protection Act 2018.",
    ),
    (
        "agreement-taken-from-conduct",
        ("CNS002",),
        [
            "By using this website you agree to us processing your data.",
            "If you continue to use the service we will assume you are happy with this.",
            "Your continued use of the service constitutes acceptance of this notice.",
        ],
        "We ask for your agreement separately and you can withdraw it at any time.",
    ),
    (
        "subject-access-fee",
        ("RGT009",),
        [
            "A fee of £10 is payable for a subject access request.",
            "We may charge a fee for a copy of your personal information.",
            "Requests for access to your records are subject to a £10 administration charge.",
        ],
        "There is no fee for a subject access request.",
    ),
    (
        "dpa-1998-cited",
        ("LEG002", "REG001"),
        [
            "We are registered as a data controller under the Data Protection Act 1998.",
            "Your rights under the DPA 1998 are set out below.",
        ],
        "Your rights under the Data Protection Act 2018 are set out below.",
    ),
]

#: a notice that leaves its changes for people to find (NTC016), and one that says it will tell them
CHANGES_LEFT_TO_READER = [
    "We may change this notice. Any changes will apply to you immediately.",
    "Amendments to this privacy notice take effect from the date of publication.",
    "We may update this privacy notice, so please check this page regularly for changes.",
    "We advise you to review this notice from time to time.",
    "Please check back periodically for updates.",
]
CHANGES_TOLD = "If we change this notice in a way that affects you, we will tell you before the change applies."
for _index, _phrasing in enumerate(CHANGES_LEFT_TO_READER, start=1):
    DEFECTS.append(
        Defect(
            f"changes-left-to-reader-{_index}",
            ("NTC016",),
            f"statement:{INJECTED}-statement",
            _changes_statement(_phrasing),
            _changes_statement(f"{_phrasing} {CHANGES_TOLD}"),
        )
    )


def _addresses(complaints: str) -> Edit:
    """The notice gives its DPO's address in one statement and a complaints address in another."""

    def edit(policy: Policy) -> None:
        policy.add(
            "statements", id=f"{INJECTED}-dpo", topic="dpo", text="Email our DPO at dpo@injected-council.gov.uk."
        )
        policy.add(
            "statements", id=f"{INJECTED}-statement", topic="complaint", text=f"Send complaints to {complaints}."
        )

    return edit


DEFECTS.append(
    Defect(
        "complaints-address-mistyped",
        ("NTC017",),
        f"statement:{INJECTED}-statement",
        _addresses("complaints@injected-council.go.uk"),
        _addresses("complaints@injected-council.gov.uk"),
    )
)

for _name, _rules, _phrasings, _compliant in WORDINGS:
    for _index, _phrasing in enumerate(_phrasings, start=1):
        DEFECTS.append(
            Defect(
                f"{_name}-{_index}",
                _rules,
                f"statement:{INJECTED}-statement",
                _statement(_phrasing),
                _statement(_compliant),
            )
        )

#: rules that must stay silent on every injected copy: the injection itself is valid policy
SCHEMA = ("SCH", "REF001", "REF002")


def _cases() -> list[Any]:
    cases = []
    for notice in NOTICES:
        for defect in DEFECTS:
            cases.append(pytest.param(notice, defect, id=f"{notice}:{defect.name}"))
    return cases


def _lint(source: Path, folder: Path, edit: Edit, defect: Defect, as_of: dt.date) -> tuple[Policy, list[Finding]]:
    shutil.copytree(source, folder)
    for name in NOT_POLICY:
        (folder / name).unlink(missing_ok=True)
    policy = Policy(folder)
    edit(policy)
    policy.write()
    result = engine.run([str(folder)], as_of, select=[*defect.rules, *SCHEMA])
    assert not result.load_errors, [str(error) for error in result.load_errors]
    schema = [f"{f.rule} {f.file}:{f.line} {f.message}" for f in result.findings if f.rule.startswith(SCHEMA)]
    assert schema == [], f"the injection of {defect.name} is not valid policy"
    return policy, result.findings


def _target(defect: Defect, policy: Policy) -> Defect:
    entity = defect.entity.format(notice=policy.notice.get("id"), controller=policy.controller.get("id"))
    return dataclasses.replace(defect, entity=entity)


def _shown(findings: list[Finding], defect: Defect) -> str:
    mine = [f"{f.rule} {f.entity}: {f.message}" for f in findings if f.rule in defect.rules]
    return "; ".join(mine) or "none"


@pytest.mark.parametrize(("notice", "defect"), _cases())
def test_the_injected_defect_is_found_in_every_notice(tmp_path: Path, notice: str, defect: Defect) -> None:
    source = NOTICES[notice]
    policy, injected = _lint(source, tmp_path / "injected", defect.inject, defect, AS_OF)
    target = _target(defect, policy)
    assert any(target.about(finding) for finding in injected), (
        f"{notice}: defect '{defect.name}' injected, but no {'/'.join(defect.rules)} finding about "
        f"{target.entity} (findings of those rules: {_shown(injected, defect)})"
    )
    _, clean = _lint(source, tmp_path / "clean", defect.clean, defect, AS_OF)
    wrong = [f"{f.rule} {f.entity}: {f.message}" for f in clean if target.about(f)]
    assert wrong == [], f"{notice}: the compliant counterpart of '{defect.name}' is reported too"
    if defect.before is not None:
        _, earlier = _lint(source, tmp_path / "earlier", defect.inject, defect, defect.before)
        early = [f"{f.rule} {f.entity}: {f.message}" for f in earlier if target.about(f)]
        assert early == [], f"{notice}: '{defect.name}' reported on {defect.before}, before the law made it one"


def test_every_notice_and_the_shipped_policy_are_injected() -> None:
    assert len(NOTICES) >= 11 and "shipped-policy" in NOTICES
    assert len({defect.name for defect in DEFECTS}) == len(DEFECTS)

"""Email and web addresses one character from another the notice gives: NTC017."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from checks.addresses import _domain_of, near
from linter.findings import Finding

Lint = Callable[..., list[Finding]]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("islington.go.uk", "islington.gov.uk"),  # a letter dropped
        ("camden.gov.uk", "camden.gov.ukk"),  # a letter added
        ("essex.gov.uk", "esex.gov.uk"),
        ("hampshire.gov.uk", "hampshrie.gov.uk"),  # two letters swapped
        ("camden.gov.uk", "camden.gov.ul"),  # a letter changed
        ("nhs.net", "nhs.met"),
    ],
)
def test_one_slip_apart(a: str, b: str) -> None:
    assert near(a, b) and near(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("camden.gov.uk", "camden.gov.uk"),
        ("ico.org.uk", "camden.gov.uk"),
        ("cabinetoffice.gov.uk", "cabinet-office.gov.uk"),  # both real: a hyphen is not a slip
        ("ons.gov.uk", "ofs.gov.uk"),  # two bodies with short names
        ("digital.cabinet-office.gov.uk", "cabinet-office.gov.uk"),
        ("essex.gov.uk", "sussex.gov.uk"),  # two edits
        ("nhs.uk", "nhs.net"),
        ("camden.gov.uk", "camden.org.uk"),
        ("hants.gov.uk", "kent.gov.uk"),
    ],
)
def test_not_one_slip_apart(a: str, b: str) -> None:
    assert not near(a, b) and not near(b, a)


@pytest.mark.parametrize(
    ("address", "domain"),
    [
        ("dp@Islington.gov.uk", "islington.gov.uk"),
        ("https://www.camden.gov.uk/privacy?x=1", "camden.gov.uk"),
        ("WWW.Camden.gov.uk.", "camden.gov.uk"),  # at the end of a sentence
        ("camden.gov.uk/contact", "camden.gov.uk"),
        ("http://localhost:8080/", None),
        ("not an address", None),
        ("", None),
    ],
)
def test_the_domain_of_an_address(address: str, domain: str | None) -> None:
    assert _domain_of(address) == domain


def policy(dpo: str, *texts: str, complaint: str = "") -> str:
    lines = ["controller:\n  id: council\n  name: Council\n", f"  dpo: {{name: DPO, email: {dpo}}}\n"]
    if complaint:
        lines.append(f"notice:\n  id: n\n  name: N\n  complaint: {{name: complaints, email: {complaint}}}\n")
    if texts:
        lines.append("statements:\n")
        for number, text in enumerate(texts, start=1):
            lines.append(f"  - id: s{number}\n    name: statement {number}\n    topic: other\n    text: {text!r}\n")
    return "".join(lines)


def test_a_mistyped_complaint_address_is_a_warning_at_the_address(lint: Lint) -> None:
    (finding,) = lint(policy("dp@islington.gov.uk", "Complain to infocomplaints@islington.go.uk."), "NTC017")
    assert (finding.severity.value, finding.entity, finding.field, finding.detail) == (
        "warning",
        "statement:s1",
        "text",
        "islington.go.uk",
    )
    assert "'islington.gov.uk'" in finding.message and "dp@islington.gov.uk" in finding.message
    assert "Art 12(2)" in finding.citation


def test_the_finding_stands_at_the_domain_given_less_often_and_lists_both(lint: Lint) -> None:
    """Which of the two is right only a person can tell; the finding names both and every place."""
    (finding,) = lint(policy("dp@camden.gov.ul", "Write to dp@camden.gov.uk or visit www.camden.gov.uk."), "NTC017")
    assert (finding.entity, finding.detail) == ("controller:council", "camden.gov.ul")
    assert [related.entity for related in finding.related] == ["statement:s1"]
    (finding,) = lint(policy("dp@camden.gov.uk", "Write to info@camden.gov.ul."), "NTC017")
    assert (finding.entity, finding.detail) == ("statement:s1", "camden.gov.ul")
    assert [related.entity for related in finding.related] == ["controller:council"]


def test_one_finding_for_a_pair_however_often_each_is_given(lint: Lint) -> None:
    found = lint(
        policy(
            "dp@islington.gov.uk",
            "Email infocomplaints@islington.go.uk.",
            "Or write to us at infocomplaints@islington.go.uk or dp@islington.gov.uk.",
            complaint="infocomplaints@islington.go.uk",
        ),
        "NTC017",
    )
    (finding,) = found
    assert finding.detail == "islington.gov.uk"  # given twice, against three times
    assert sorted(related.entity for related in finding.related) == ["notice:n", "statement:s1", "statement:s2"]


@pytest.mark.parametrize("text", ["See https://www.esex.gov.uk/privacy for more.", "Visit WWW.Esex.gov.uk."])
def test_web_addresses_count_too(lint: Lint, text: str) -> None:
    (finding,) = lint(policy("dpo@essex.gov.uk", text), "NTC017")
    assert finding.detail == "esex.gov.uk"


@pytest.mark.parametrize(
    "texts",
    [
        ("Complain to complaints@islington.gov.uk.",),
        ("Contact the ICO at casework@ico.org.uk or www.ico.org.uk.",),
        ("Our processor is at support@cabinet-office.gov.uk and we are at www.cabinetoffice.gov.uk.",),
        ("Statistics: www.ons.gov.uk; students: www.ofs.gov.uk.",),
    ],
)
def test_addresses_that_are_not_slips_are_not_reported(lint: Lint, texts: tuple[str, ...]) -> None:
    assert lint(policy("dp@islington.gov.uk", *texts), "NTC017") == []


def test_the_index_finds_every_pair_one_slip_apart() -> None:
    """The shared near-forms find the same pairs as comparing every pair would."""
    import random
    import string

    from checks.addresses import _candidates

    chance = random.Random(7)
    names = ["".join(chance.choices("abcdeg", k=chance.randint(3, 7))) for _ in range(150)]
    domains = list(dict.fromkeys(f"{name}.{chance.choice(['gov.uk', 'go.uk', 'nhs.uk', 'org.uk'])}" for name in names))
    for _ in range(60):  # plant slips: a character added, dropped, changed or two swapped
        name, rest = chance.choice(domains).split(".", 1)
        cut = chance.randrange(len(name))
        slip = chance.choice(
            [
                name[:cut] + chance.choice(string.ascii_lowercase) + name[cut:],
                name[:cut] + name[cut + 1 :],
                name[:cut] + chance.choice(string.ascii_lowercase) + name[cut + 1 :],
                name[:cut] + name[cut + 1 : cut + 2] + name[cut : cut + 1] + name[cut + 2 :],
            ]
        )
        if slip:
            domains.append(f"{slip}.{rest}")
    domains = list(dict.fromkeys(domains))
    every = {(i, j) for i in range(len(domains)) for j in range(i + 1, len(domains)) if near(domains[i], domains[j])}
    found = {(i, j) for i, j in _candidates(domains) if near(domains[i], domains[j])}
    assert every and found == every

"""``policy-lint init``: a starter policy for a new organisation.

The templates in ``linter/init_templates/`` are a small, valid policy: one
service with its purpose, lawful basis, data subjects, data, source and
retention rule, the controller and the notice, and commented examples of every
other entity kind. What only the organisation can say is a ``"TODO: ..."``
placeholder that says what to write there; each is a CMP001 finding until it
is written, and nothing else is found in the starter. ``kinds.yaml`` says what
each kind of organisation starts with.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import string
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

TEMPLATES = Path(__file__).with_name("init_templates")
#: the kinds of organisation init knows, as --kind takes them
KINDS = ("council", "school", "nhs", "central-government", "company", "charity")
SCHOOL_TYPES = ("maintained", "academy", "independent")
#: the file of the JSON Schema init writes beside the policy, for editors
SCHEMA_FILE = "policy.schema.json"


class StarterError(Exception):
    """The starter cannot be written: a one-line reason."""


@dataclass(frozen=True, slots=True)
class Starter:
    """What to write: file name -> text."""

    files: dict[str, str]


def _table() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((TEMPLATES / "kinds.yaml").read_text(encoding="utf-8"))
    return data


def _scalar(text: str) -> str:
    """``text`` as a YAML scalar (a JSON string is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def slug(name: str) -> str:
    """A kebab-case id from a name: 'St Mary's School' -> 'st-marys-school'."""
    words = re.sub(r"[^a-z0-9]+", "-", name.lower().replace("'", "").replace("\u2019", "")).strip("-")
    return words or "controller"


def _pick(value: Any, school_type: str | None) -> Any:
    """A kinds.yaml value, which for a school may depend on its type."""
    return value[school_type] if isinstance(value, dict) and school_type in value else value


def render(kind: str, name: str, *, school_type: str | None, as_of: dt.date, folder: str) -> Starter:
    """The starter policy of an organisation of ``kind`` called ``name``."""
    from checks import facts
    from checks.authority import kind_implies_public_authority
    from linter import schema_json

    if kind not in KINDS:
        raise StarterError(f"unknown kind {kind!r}: expected one of {', '.join(KINDS)}")
    if kind == "school" and school_type not in SCHOOL_TYPES:
        raise StarterError(f"a school is {', '.join(SCHOOL_TYPES[:-1])} or {SCHOOL_TYPES[-1]}: give --school-type")
    if not name.strip():
        raise StarterError("--name is empty: give the organisation's name as the notice will give it")
    table = _table()
    row = table["kinds"][kind]
    controller_kind = str(_pick(row["controller_kind"], school_type))
    basis_id = str(_pick(row["basis"], school_type))
    basis = table["bases"][basis_id]
    grounds = {str(ground["article"]): ground for ground in facts.load("lawful-bases")["grounds"]}
    ground = grounds[str(basis["article"])]
    public = kind_implies_public_authority(controller_kind)
    authority = facts.load("notice-requirements")["complaint"]["supervisory_authority"]
    address = authority["addresses"][0]
    values = {
        "folder": folder,
        "name": _scalar(name.strip()),
        "notice_name": _scalar(f"{name.strip()} privacy notice"),
        "title": _scalar(f"How {name.strip()} uses your personal information"),
        "controller_id": slug(name),
        "controller_kind": controller_kind,
        "public_authority": "true" if public else "false",
        "dpo": _dpo(public),
        "as_of": as_of.isoformat(),
        "regulator": _regulator(str(authority["name"]), as_of),
        "regulator_note": "\n".join(
            f"    # {line}"
            for line in textwrap.wrap(" ".join(str(address.get("caveat", "confirm its details")).split()), 72)
        ),
        "regulator_address": "\n".join(f"      - {_scalar(str(line))}" for line in address["lines"]),
        "service_id": row["service"]["id"],
        "service_name": _scalar(str(row["service"]["name"])),
        "purpose_id": f"{row['service']['id']}-purpose",
        "basis_id": basis_id,
        "basis_name": _scalar(str(ground["name"])),
        "article": basis["article"],
        "basis_todo": "\n".join(f"    {line}" for line in str(basis["todo"]).splitlines()),
        "subject_ids": ", ".join(subject["id"] for subject in row["subjects"]),
        "subjects": "\n".join(
            f"  - id: {subject['id']}\n    name: {_scalar(str(subject['name']))}" for subject in row["subjects"]
        ),
        "records_id": slug(str(row["records"])),
        "records": _scalar(str(row["records"])),
    }
    files: dict[str, str] = {}
    for template in sorted(TEMPLATES.glob("*.yaml")):
        if template.name == "kinds.yaml":
            continue
        text = string.Template(template.read_text(encoding="utf-8")).substitute(values)
        files[template.name] = "\n".join(line.rstrip() for line in text.splitlines()).rstrip("\n") + "\n"
    files[SCHEMA_FILE] = schema_json.render()
    return Starter(files)


def _regulator(name: str, as_of: dt.date) -> str:
    """The regulator's name as the knowledge gives it; a placeholder when a renaming
    of it is reported by then (the notice must name it as it stands, which the
    person writing it confirms)."""
    from checks import facts
    from checks.currency import stale_on

    renamed = [
        row
        for row in facts.load("renamed-bodies")["bodies"]
        if re.search(str(row["pattern"]), name, re.IGNORECASE) and stale_on(row, as_of)
    ]
    if not renamed:
        return _scalar(name)
    row = renamed[0]
    since = row["stale_from"].isoformat() if isinstance(row["stale_from"], dt.date) else str(row["stale_from"])
    now = " ".join(str(row["current_name"]).split()).replace('"', "'")
    return _scalar(
        f"TODO: the regulator's name as it stands: the {name}, or {now}, reported to replace it from {since}; "
        "confirm which at its website, and its postal address below"
    )


def _dpo(public: bool | None) -> str:
    lines = [
        "  dpo:",
        "    name: Data Protection Officer",
        '    email: "TODO: your data protection officer\'s address, such as dpo@example.org"',
    ]
    if public:
        return "\n".join(["  # a public authority must have a data protection officer (UK GDPR Art 37)", *lines])
    return "\n".join(
        ["  # a data protection officer, if you have one (UK GDPR Art 37):", *(f"  # {line[2:]}" for line in lines)]
    )


def write(starter: Starter, folder: Path) -> list[Path]:
    """Write the starter into ``folder``; refuse if any of its files exists (nothing is written then)."""
    if folder.exists() and not folder.is_dir():
        raise StarterError(f"{folder}: is a file, not a folder")
    targets = [folder / name for name in starter.files]
    existing = [target for target in targets if target.exists()]
    if existing:
        more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""
        raise StarterError(f"{existing[0]} already exists{more}: init never overwrites; choose an empty folder")
    from linter.files import write_atomic

    folder.mkdir(parents=True, exist_ok=True)
    for target in targets:
        write_atomic(target, starter.files[target.name])
    return targets

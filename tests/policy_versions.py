"""Two versions of one small policy, and git, for the tests of ``diff`` and of
the report's "changes since the last sign-off" (importable as ``policy_versions``)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from support import write

CONTROLLER = """\
controller:
  id: council
  name: County Council
  public_authority: true
  contact: {email: info@example.org}
  dpo: {email: dpo@example.org}
"""

PROCESSORS = """\
processors:
  - id: redfern
    name: Redfern Travel
    location: US
    contract: {reference: C-1, article_28: true}
transfers:
  - id: redfern-us
    name: Redfern bookings in the US
    exporter: council
    importer: redfern
    destination: US
    mechanism: eu-us-privacy-shield
    trace: {section: Outside the UK, quote: the parent company is registered with the US Privacy Shield}
"""

SERVICES = """\
recipients:
  - {id: police, name: Police, role: public-body}
  - {id: old-body, name: Old Body, role: public-body}
retention_rules:
  - {id: adoption, name: adoption records, record_class: adoption records, period: 100 years, starts: adoption-order}
services:
  - id: adoption
    name: Adoption
    recipients: [police, old-body]
    processors: [redfern]
    retention_rules: [adoption]
"""

TRANSFER_NOW = """\
transfers:
  - id: redfern-us
    name: Redfern bookings in the US
    exporter: council
    importer: redfern
    destination: outside-uk
    mechanism: uk-idta
    trace: {section: Outside the UK, quote: another quote entirely}
"""


def before(folder: Path) -> Path:
    return write(folder, {"controller.yaml": CONTROLLER, "processors.yaml": PROCESSORS, "services.yaml": SERVICES})


def after(folder: Path) -> Path:
    """The same policy, changed: a transfer's mechanism and destination, a retention
    period, a recipient removed, a processor added, and the transfer moved to its own file."""
    processors = PROCESSORS[: PROCESSORS.index("transfers:")] + (
        "  - {id: cloudco, name: CloudCo, location: GB, contract: {reference: C-2, article_28: true}}\n"
    )
    services = (
        SERVICES.replace("  - {id: old-body, name: Old Body, role: public-body}\n", "")
        .replace("recipients: [police, old-body]", "recipients: [police]")
        .replace("processors: [redfern]", "processors: [redfern, cloudco]")
        .replace("period: 100 years", "period: 75 years")
    )
    return write(
        folder,
        {
            "controller.yaml": CONTROLLER,
            "processors.yaml": processors,
            "services.yaml": services,
            "transfers/redfern.yaml": TRANSFER_NOW,
        },
    )


ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=repo, env={**os.environ, **ENV}, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def signed_repository(root: Path, tag: str = "v1") -> Path:
    """A git repository at ``root`` whose first commit, tagged ``tag``, holds
    the policy as :func:`before` writes it in ``policy/``; the policy folder."""
    root.mkdir(parents=True)
    git(root, "init", "-q")
    policy = before(root / "policy")
    git(root, "add", ".")
    git(root, "commit", "-qm", tag)
    git(root, "tag", tag)
    return policy

"""Cited legal facts, read from the YAML knowledge files beside this module.

Every date, country list, statutory period and article a rule relies on is a
row in ``checks/knowledge/*.yaml`` with its citation, so that a DPO can audit
it and a change in the law is a data edit. Files are read once per process.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any

import yaml

KNOWLEDGE_DIR = Path(__file__).with_name("knowledge")

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


@functools.cache
def load(name: str) -> Any:
    """The parsed knowledge file ``checks/knowledge/<name>.yaml``."""
    with (KNOWLEDGE_DIR / f"{name}.yaml").open(encoding="utf-8") as stream:
        return yaml.load(stream, Loader=_Loader)


def cite(entry: dict[str, Any]) -> str:
    """The citation text of a knowledge row (its ``citation`` field), on one line.

    Runs of whitespace (the line breaks of a YAML block) become single spaces.
    """
    return " ".join(str(entry.get("citation", "")).split())


def date(value: Any) -> dt.date | None:
    """A knowledge row's date field: the date YAML read, or None when absent or not a date."""
    return value if isinstance(value, dt.date) else None

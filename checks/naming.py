"""Comparing the names of bodies and records, and reading knowledge rows.

Two names are the same when they agree after case, punctuation, a leading
"the" and the aliases of ``checks/knowledge/name-aliases.yaml`` are taken out:
an abbreviation and the body's full name count as one body. The alias
table is cited data, not code.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Mapping
from typing import Any

from checks import facts

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


def _basic(text: str) -> str:
    """Lower case, straight apostrophes, '&' as 'and', single spaces."""
    text = text.translate(_APOSTROPHES).lower().replace("&", " and ")
    return " ".join(text.split())


@functools.cache
def _aliases() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern matching every alias form (longest first) and form -> canonical."""
    rows = facts.load("name-aliases")["aliases"]
    canonical = {_basic(str(form)): str(row["canonical"]) for row in rows for form in row["forms"]}
    forms = sorted(canonical, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, forms)) + r")(?!\w)") if forms else re.compile(r"(?!x)x")
    return pattern, canonical


_PUNCTUATION = re.compile(r"[^\w\s]")


def normalise(name: str) -> str:
    """The comparable form of a name.

    'The Example Service (ES) checks' -> 'es checks' when 'Example Service'
    and 'ES' are forms of the alias 'es'.
    """
    pattern, canonical = _aliases()
    text = pattern.sub(lambda match: canonical[match.group(1)], _basic(name))
    words = _PUNCTUATION.sub(" ", text).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(word for index, word in enumerate(words) if index == 0 or word != words[index - 1])


def is_verified(row: Mapping[str, Any]) -> bool:
    """True when a knowledge row's ``verified`` note starts with "yes".

    Only verified rows may drive an ``error``; the others give warnings.
    """
    return str(row.get("verified", "")).strip().lower().startswith("yes")


def verdict(row: Mapping[str, Any]) -> str:
    """The first word of a knowledge row's ``verified`` note: "yes", "partly", "no" (or "" when none).

    For messages that say why a finding is a warning rather than an error.
    """
    note = str(row.get("verified", "")).strip().lower()
    return re.split(r"[:\s]", note, maxsplit=1)[0] if note else ""


def did_you_mean(key: str, choices: Mapping[str, str], what: str) -> str:
    """A hint for a name the knowledge does not hold.

    ``choices`` maps each comparable form (an id, an alias) to the name to
    suggest. The hint is "; did you mean 'x'?" for the form closest to
    ``key``, or else "; known <what>: " and every name, in order, once.
    """
    guess = difflib.get_close_matches(key, list(choices), n=1)
    if guess:
        return f"; did you mean '{choices[guess[0]]}'?"
    return f"; known {what}: {', '.join(dict.fromkeys(choices.values()))}"

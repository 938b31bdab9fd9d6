"""Property tests of the one place YAML values are built (linter.loader).

Every kind of value the schemas accept (text, whole numbers, true/false,
dates, lists and mappings) is built exactly as written, and any spelling of a
value, tagged or not, is either built or refused with a located LoadError,
never another exception.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.inputs import LIMITS
from linter.loader import LoadError, Mapping, Sequence, load_json, parse

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

texts = st.text(max_size=40)
whole_numbers = st.integers(min_value=-(10**300), max_value=10**300)
dates = st.dates()
scalars = st.one_of(texts, whole_numbers, st.booleans(), dates)
keys = st.text(min_size=1, max_size=12)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=20,
)


def quoted(text: str) -> str:
    """A YAML double-quoted scalar of ``text``: printable ASCII as it is, every
    other character as a YAML escape (PyYAML's own writer folds U+0085)."""
    escaped = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            escaped.append("\\" + char)
        elif 0x20 <= code < 0x7F:
            escaped.append(char)
        else:
            escaped.append(
                f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
            )
    return '"' + "".join(escaped) + '"'


def written(value: Any) -> str:
    """``value`` in YAML flow style."""
    if isinstance(value, str):
        return quoted(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(written(item) for item in value) + "]"
    return "{" + ", ".join(f"{quoted(key)}: {written(item)}" for key, item in value.items()) + "}"


def built(value: Any) -> Any:
    """``value`` written as the policy document ``v: VALUE``, then read back."""
    return parse(f"v: {written(value)}\n", "v.yaml")["v"]


def plain(value: Any) -> Any:
    """Loaded data as plain Python (Mapping and Sequence are dict and list)."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


@SETTINGS
@given(texts)
def test_text_is_built_as_written(value: str) -> None:
    assert built(value) == value


@SETTINGS
@given(whole_numbers)
def test_whole_numbers_are_built_as_written(value: int) -> None:
    result = built(value)
    assert result == value and type(result) is int


@SETTINGS
@given(st.booleans(), st.sampled_from(["{}", "{!s:}", "{!s:}".upper()]))
def test_true_and_false_in_every_spelling(value: bool, spelling: str) -> None:
    words = {True: ["true", "yes", "on"], False: ["false", "no", "off"]}[value]
    for word in words:
        for written in (word, word.capitalize(), word.upper()):
            assert parse(f"v: {written}\n", "v.yaml")["v"] is value


@SETTINGS
@given(dates)
def test_dates_are_built_as_written(value: dt.date) -> None:
    result = built(value)
    assert result == value and type(result) is dt.date


@SETTINGS
@given(values)
def test_lists_and_mappings_are_built_as_written(value: Any) -> None:
    result = built(value)
    assert plain(result) == value
    if isinstance(value, dict):
        assert isinstance(result, Mapping) and set(result.key_positions) == set(value)
    if isinstance(value, list):
        assert isinstance(result, Sequence) and len(result.item_positions) == len(value)


@SETTINGS
@given(
    st.integers(min_value=0, max_value=10_000),
    st.integers(min_value=0, max_value=99),
    st.integers(min_value=0, max_value=99),
    st.one_of(st.none(), st.tuples(st.integers(0, 99), st.integers(0, 99), st.integers(0, 99))),
    st.one_of(st.none(), st.tuples(st.sampled_from("+-"), st.integers(0, 99), st.integers(0, 99))),
)
def test_any_date_or_time_is_built_or_refused_where_it_stands(
    year: int, month: int, day: int, time: tuple[int, int, int] | None, offset: tuple[str, int, int] | None
) -> None:
    """Impossible dates (February 30, month 13, year 0, hour 25, offset +99:99)
    are refused at their line and column, never a crash."""
    written = f"{year:04d}-{month:02d}-{day:02d}"
    if time is not None:
        written += "T{:02d}:{:02d}:{:02d}".format(*time)
        if offset is not None:
            written += "{}{:02d}:{:02d}".format(*offset)
    try:
        value = parse(f"notice:\n  last_reviewed: {written}\n", "d.yaml")["notice"]["last_reviewed"]
    except LoadError as error:
        assert (error.position.line, error.position.column) == (2, 18)
        assert error.message.startswith(f"'{written}' is not a date")
        return
    if isinstance(value, str):  # not a timestamp to YAML (only a year of five digits): text
        assert year > 9999 and value == written
        return
    assert isinstance(value, dt.date)
    assert (value.year, value.month, value.day) == (year, month, day)


TAGS = ["!!str", "!!int", "!!float", "!!bool", "!!null", "!!timestamp", "!!map", "!!seq", "!!binary", "!x"]
TYPES = {"!!str": str, "!!int": int, "!!float": float, "!!bool": bool, "!!null": type(None), "!!timestamp": dt.date}


@SETTINGS
@given(st.sampled_from(TAGS), st.text(alphabet="0123456789abcdefx:+-._eETZ yesno~", max_size=30))
def test_any_tagged_value_is_built_as_its_type_or_refused(tag: str, text: str) -> None:
    document = f"v: {tag} {json.dumps(text)}\n"
    try:
        value = parse(document, "t.yaml")["v"]
    except LoadError as error:
        assert (error.position.line, error.position.column) == (1, 4)
        return
    assert isinstance(value, TYPES[tag])


@SETTINGS
@given(st.integers(min_value=LIMITS.scalar_length + 1, max_value=LIMITS.scalar_length + 5_000))
def test_a_number_too_long_is_refused_without_being_built(digits: int) -> None:
    with pytest.raises(LoadError, match="a whole number longer than 1,000 characters"):
        parse("v: 1" + "0" * (digits - 1) + "\n", "n.yaml")


json_values = st.recursive(
    st.one_of(st.text(max_size=20), st.integers(-(10**100), 10**100), st.booleans(), st.none()),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=20,
)


@SETTINGS
@given(json_values)
def test_json_is_read_as_written(value: Any) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "b.json"
        path.write_text(json.dumps(value), encoding="utf-8")
        assert load_json(path) == value

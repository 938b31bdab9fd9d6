"""Property tests: whatever bytes or YAML arrive, the outcome is findings or a
clean exit-2 error, never a crash."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.cli import main
from linter.engine import run
from linter.loader import LoadError, parse
from linter.schema import KINDS

FIELD_NAMES = sorted({name for _, schema, _ in KINDS.values() for name in schema} | set(KINDS))
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.dates(),
    st.sampled_from(["privacy-shield", "6(1)(e)", "US", "GB", "35 years", "indefinite", "a-b"]),
)
keys = st.one_of(st.sampled_from(FIELD_NAMES), st.text(min_size=1, max_size=12))
documents = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=5)),
    max_leaves=25,
)
policy_like = st.dictionaries(st.sampled_from(list(KINDS)), documents, min_size=1, max_size=4)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.binary(max_size=300))
def test_arbitrary_bytes_through_the_cli(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "fuzz.yaml").write_bytes(data)
        result = CliRunner().invoke(main, ["check", folder, "--as-of", "2026-11-24"])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1, 2)
    if result.exit_code == 2:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "fuzz.yaml:" in lines[0]


@SETTINGS
@given(st.text(max_size=200))
def test_arbitrary_text_parses_or_is_refused(text: str) -> None:
    try:
        parse(text, "t.yaml")
    except LoadError as error:
        assert error.position.line >= 1 and error.message


@SETTINGS
@given(st.one_of(policy_like, documents))
def test_arbitrary_yaml_documents_give_findings_or_load_errors(document: object) -> None:
    text = yaml.safe_dump(document, allow_unicode=True)
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "doc.yaml").write_text(text, encoding="utf-8")
        result = run([folder], dt.date(2026, 11, 24))
    if result.load_errors:
        assert all(e.position.file.endswith("doc.yaml") for e in result.load_errors)
    for finding in result.findings:
        assert finding.line >= 1 and finding.column >= 1 and finding.message


_WORDS = st.sampled_from(["true", "False", "NULL", "null", "~", "yes", "No", "on", "OFF", "y", "n", ".inf", "-.5"])
_PLAIN = st.text(alphabet="aefFlLnNoOsStTuUyY~.0123456789-+:eE_x ", min_size=1, max_size=12)


@given(st.one_of(_WORDS, _PLAIN, st.text(min_size=1, max_size=12)))
def test_a_plain_scalar_is_built_as_yaml_builds_it(word: str) -> None:
    """The loader decides most scalars are text without asking YAML's resolver:
    whatever it decides is what PyYAML's safe loader builds (or both refuse)."""
    text = "k: " + word + "\n"
    try:
        expected = yaml.safe_load(text)
    except (yaml.YAMLError, ValueError, OverflowError):
        return  # not a scalar PyYAML builds: the loader's own tests cover refusals
    if not isinstance(expected, dict) or set(expected) != {"k"}:
        return
    try:
        ours = parse(text, "x.yaml")["k"]
    except LoadError:
        return  # refused (an impossible date, say)
    theirs = expected["k"]
    assert type(ours) is type(theirs)
    assert ours == theirs or (ours != ours and theirs != theirs)  # NaN

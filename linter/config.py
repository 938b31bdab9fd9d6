"""Project configuration: ``[tool.policy-lint]`` in the consuming repository's
``pyproject.toml``, found by searching upward from the working directory.

Every key is optional and has a command-line option of the same name, which
wins over it::

    [tool.policy-lint]
    paths = ["policy"]                 # what `check` lints when no PATHS are given
    select = ["TRF", "LAW"]            # rule ids or prefixes
    ignore = ["NTC004"]
    fail-on = "warning"                # error | warning | info
    waivers = "policy/policy-waivers.yaml"
    baseline = "policy-lint-baseline.json"
    format = ["text", "sarif:policy-lint.sarif"]   # FORMAT or FORMAT:FILE
    signoff = "policy/policy-signoff.yaml"
    signoff-period-months = 12         # a sign-off older than this is out of date (SGN001)
    cache-dir = ".policy-lint-cache"   # parsed policy files kept between runs (the default)

    [tool.policy-lint.severity]        # a rule's severity, by id or prefix
    RET004 = "warning"                 # the most specific entry wins
    NTC = "warning"

Paths in the file are relative to the folder that holds it.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter import inputs
from linter.findings import Rule, Severity
from linter.inputs import LoadError
from linter.output import FORMATS

FILE_NAME = "pyproject.toml"
TABLE = "policy-lint"
DEFAULT_PATHS = ("policy",)


class ConfigError(Exception):
    """Configuration that cannot be used: a one-line message, exit code 2."""


@dataclass(frozen=True, slots=True)
class OutputSpec:
    """One output of a run: a format and the file it goes to (None: stdout)."""

    format: str
    file: str | None = None

    def __str__(self) -> str:
        return self.format if self.file is None else f"{self.format}:{self.file}"


def parse_output(spec: str) -> OutputSpec:
    """``sarif`` -> stdout; ``sarif:out.sarif`` -> that file."""
    name, colon, file = spec.partition(":")
    name = name.strip().lower()
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}: expected one of {', '.join(FORMATS)} (optionally FORMAT:FILE)")
    if colon and not file:
        raise ValueError(f"{spec!r} names no file after ':'")
    return OutputSpec(name, file or None)


@dataclass(slots=True)
class Settings:
    """The effective settings of a run and where each came from."""

    paths: list[str] = field(default_factory=lambda: list(DEFAULT_PATHS))
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: Severity = Severity.ERROR
    waivers: str | None = None
    baseline: str | None = None
    outputs: list[OutputSpec] = field(default_factory=lambda: [OutputSpec("text")])
    signoff: str | None = None
    signoff_period_months: int | None = None
    #: the policy folders of the project (configured, else the default), whatever
    #: PATHS the command line gives: a file named alone is checked with its folder
    folders: list[str] = field(default_factory=lambda: list(DEFAULT_PATHS))
    #: rule id or prefix -> the severity its findings get instead of the rule's own
    severity: dict[str, Severity] = field(default_factory=dict)
    #: the cache folder (None: .policy-lint-cache beside the config file, or in
    #: the working directory when there is none); see linter/cache.py
    cache_dir: str | None = None
    #: False with --no-cache: no cache is read or written
    cache: bool = True
    #: the pyproject.toml the settings were read from, if any
    file: Path | None = None
    #: setting name -> "default", "command line" or "<file> [tool.policy-lint]"
    sources: dict[str, str] = field(default_factory=dict)

    def items(self) -> list[tuple[str, Any, str]]:
        """(key as written in pyproject.toml, value, source) for display."""
        return [
            (key, getattr(self, attribute), self.sources.get(attribute, "default")) for key, attribute in _KEYS.items()
        ]


#: pyproject key -> Settings attribute
_KEYS = {
    "paths": "paths",
    "select": "select",
    "ignore": "ignore",
    "fail-on": "fail_on",
    "waivers": "waivers",
    "baseline": "baseline",
    "format": "outputs",
    "signoff": "signoff",
    "signoff-period-months": "signoff_period_months",
    "severity": "severity",
    "cache-dir": "cache_dir",
}
#: settings only the command line gives (``--no-cache``)
_COMMAND_LINE_ONLY = {"cache"}


def find(start: Path | None = None) -> tuple[Path, dict[str, Any]] | None:
    """The nearest ``pyproject.toml`` at or above ``start`` with a
    ``[tool.policy-lint]`` table, and that table."""
    found = _find(start)
    return None if found is None else (found[0], found[1])


def _find(start: Path | None = None) -> tuple[Path, dict[str, Any], str] | None:
    """:func:`find`, with the file's text (read once, through :mod:`linter.inputs`)."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / FILE_NAME
        try:
            if inputs.status(path, _shown(path)) is None:
                continue
            raw = inputs.read_bytes(path, _shown(path))
        except LoadError as error:
            raise ConfigError(f"{error.position.file}: {error.message}") from None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ConfigError(f"{_shown(path)}: cannot read: not valid UTF-8") from None
        if TABLE not in text:  # cheap: most pyproject files never mention us
            continue
        table = _table(path, text)
        if table is not None:
            return path, table, text
    return None


def _table(path: Path, text: str) -> dict[str, Any] | None:
    import tomllib  # only when a pyproject.toml mentions policy-lint

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        position = f":{where[1]}:{where[2]}" if where else ""
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        raise ConfigError(f"{_shown(path)}{position}: invalid TOML: {message}") from None
    except RecursionError:
        raise ConfigError(f"{_shown(path)}: invalid TOML: values are nested too deeply") from None
    tool = document.get("tool")
    table = tool.get(TABLE) if isinstance(tool, dict) else None
    if table is None:
        return None
    if not isinstance(table, dict):
        raise ConfigError(f"{_shown(path)}: [tool.{TABLE}] must be a table")
    return table


def _shown(path: Path) -> str:
    """A path as messages show it: relative to the working directory when below it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # pragma: no cover - another drive on Windows
        return str(path)


def _line_of(text: str, key: str) -> str:
    """``:LINE`` of ``key = ...`` inside the policy-lint table, best effort."""
    inside = False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            inside = stripped.replace(" ", "") in (f"[tool.{TABLE}]", f'[tool."{TABLE}"]')
        elif inside and re.match(rf'^["\']?{re.escape(key)}["\']?\s*=', stripped):
            return f":{number}"
    return ""


def _no_nul(text: str) -> str:
    if "\x00" in text:
        raise ValueError("must not contain a NUL character")
    return text


def _text_list(value: Any) -> list[str]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise ValueError("must be text or a list of text")
    return [_no_nul(item) for item in items]


def _some_text(value: Any) -> list[str]:
    items = _text_list(value)
    if not items:
        raise ValueError("must name at least one")
    return items


def _ids(value: Any) -> list[str]:
    return [part.strip() for item in _text_list(value) for part in item.split(",") if part.strip()]


def _severity(value: Any) -> Severity:
    choices = [s.value for s in Severity]
    if value not in choices:
        raise ValueError(f"must be one of {', '.join(choices)}, not {value!r}")
    return Severity(value)


def _months(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 120:
        raise ValueError(f"must be a whole number of months from 1 to 120, not {value!r}")
    return value


def parse_severities(value: Any) -> dict[str, Severity]:
    """Severity overrides: a table ``{RULE-OR-PREFIX = "severity"}`` from the
    configuration, or ``RULE=severity`` items (each may hold several, comma-separated)
    from the command line. Ids are kept upper-case; the rule ids are checked later."""
    if isinstance(value, dict):
        pairs = list(value.items())
    else:
        pairs = []
        for item in _ids(value):
            rule, equals, level = item.partition("=")
            if not equals or not rule.strip():
                raise ValueError(f"{item!r} must be RULE=SEVERITY, such as RET004=warning")
            pairs.append((rule, level))
    overrides: dict[str, Severity] = {}
    for rule, level in pairs:
        try:
            overrides[str(rule).strip().upper()] = _severity(
                str(level).strip().lower() if isinstance(level, str) else level
            )
        except ValueError as error:
            raise ValueError(f"{rule}: {error}") from None
    return overrides


def severity_for(rule_id: str, overrides: Mapping[str, Severity]) -> Severity | None:
    """The severity ``overrides`` give a rule: the longest id or prefix that matches wins."""
    matching = [pattern for pattern in overrides if rule_id.upper().startswith(pattern)]
    return overrides[max(matching, key=len)] if matching else None


def matches(rule_id: str, patterns: Iterable[str]) -> bool:
    """True when a rule id equals or starts with any of the given ids/prefixes."""
    return any(rule_id.upper().startswith(pattern.upper()) for pattern in patterns)


def unknown_patterns(patterns: Iterable[str], rule_ids: Iterable[str]) -> list[str]:
    """The ids or prefixes that name none of ``rule_ids``."""
    ids = list(rule_ids)
    return [pattern for pattern in patterns if not any(matches(rule_id, [pattern]) for rule_id in ids)]


def with_severity(rules: list[Rule], overrides: Mapping[str, Severity]) -> list[Rule]:
    """The rules with the severity ``overrides`` give them (the most specific id or prefix wins)."""
    if not overrides:
        return rules
    return [dataclasses.replace(rule, severity=severity_for(rule.id, overrides) or rule.severity) for rule in rules]


def _path(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a path (text)")
    return _no_nul(value)


_CONVERT: dict[str, Callable[[Any], Any]] = {
    "paths": _some_text,
    "select": _ids,
    "ignore": _ids,
    "fail-on": _severity,
    "waivers": _path,
    "baseline": _path,
    "format": lambda value: [parse_output(spec) for spec in _some_text(value)],
    "signoff": _path,
    "signoff-period-months": _months,
    "severity": parse_severities,
    "cache-dir": _path,
}


def _relative(base: Path, value: str) -> str:
    """A path from the config file, as seen from the working directory."""
    path = Path(value) if Path(value).is_absolute() else base / value
    try:
        return os.path.relpath(path)
    except ValueError:  # pragma: no cover - another drive on Windows
        return str(path)


def _from_file(path: Path, table: Mapping[str, Any], text: str) -> dict[str, Any]:
    """The table's values converted to Settings attributes; paths made relative
    to the working directory. Raises ConfigError naming the file and key."""
    values: dict[str, Any] = {}
    for key, raw in table.items():
        if key not in _CONVERT:
            import difflib  # only for a key that is not known

            guess = difflib.get_close_matches(key.replace("_", "-"), list(_CONVERT), n=1)
            hint = f"; did you mean '{guess[0]}'?" if guess else f"; expected one of: {', '.join(_CONVERT)}"
            raise ConfigError(f"{_shown(path)}{_line_of(text, key)}: [tool.{TABLE}] unknown key '{key}'{hint}")
        try:
            value = _CONVERT[key](raw)
        except ValueError as error:
            raise ConfigError(f"{_shown(path)}{_line_of(text, key)}: [tool.{TABLE}] {key} {error}") from None
        base = path.parent
        if key == "paths":
            value = [_relative(base, item) for item in value]
        elif key in ("waivers", "baseline", "signoff", "cache-dir"):
            value = _relative(base, value)
        elif key == "format":
            value = [OutputSpec(o.format, _relative(base, o.file) if o.file else None) for o in value]
        values[_KEYS[key]] = value
    return values


def resolve(command_line: Mapping[str, Any], start: Path | None = None) -> Settings:
    """Settings from the command line (values that are None or empty were not
    given), else the nearest ``[tool.policy-lint]``, else the defaults."""
    settings = Settings()
    found = _find(start)
    layers: list[tuple[str, Mapping[str, Any]]] = []
    if found is not None:
        path, table, text = found
        settings.file = path
        layers.append((f"{_shown(path)} [tool.{TABLE}]", _from_file(path, table, text)))
    layers.append(("command line", {k: v for k, v in command_line.items() if v not in (None, (), [], {})}))
    for source, values in layers:
        for attribute, value in values.items():
            if attribute not in _KEYS.values() and attribute not in _COMMAND_LINE_ONLY:
                raise KeyError(attribute)  # pragma: no cover - a programming error
            if attribute == "severity":  # per rule: the command line adds to the file's table
                value = {**settings.severity, **value}
                if settings.sources.get(attribute, "default") != "default":
                    source = f"{settings.sources[attribute]} and {source}"
            setattr(settings, attribute, value)
            settings.sources[attribute] = source
        if source != "command line":
            settings.folders = list(settings.paths)
    return settings


def cache_folder(settings: Settings) -> Path | None:
    """The cache folder of a run, or None with ``--no-cache``."""
    if not settings.cache:
        return None
    if settings.cache_dir is not None:
        return Path(settings.cache_dir)
    from linter.cache import DEFAULT_FOLDER

    return (settings.file.parent if settings.file is not None else Path.cwd()) / DEFAULT_FOLDER


def describe(settings: Settings) -> str:
    """What ``policy-lint config`` prints: each key, its value and its source."""
    lines = [f"config file: {_shown(settings.file) if settings.file else '(none found)'}"]
    width = max(len(key) for key in _KEYS)
    for key, value, source in settings.items():
        shown = _unset(key) if value is None or value == {} else _toml(value)
        if key == "cache-dir" and not settings.cache:
            shown, source = "(none: --no-cache)", "command line"
        lines.append(f"{key:<{width}} = {shown:<40} # {source}")
    return "\n".join(lines) + "\n"


def _unset(key: str) -> str:
    """How ``describe`` shows a setting that is not set."""
    if key == "severity":
        return "{} (each rule's own severity)"
    if key == "waivers":
        from linter.waivers import DEFAULT_FILE  # the waiver reader, only when it is shown

        return f"(unset: {DEFAULT_FILE} in each policy folder, if any)"
    if key == "signoff":
        from linter.signoff import DEFAULT_FILE as SIGNOFF_FILE

        return f"(unset: {SIGNOFF_FILE} in each policy folder, if any)"
    if key == "signoff-period-months":
        return "(unset: the notice's review_cycle_months, else 12)"
    if key == "cache-dir":
        return "(unset: .policy-lint-cache beside the config file, else in the working directory)"
    return "(unset: no baseline)" if key == "baseline" else ""


def _toml(value: Any) -> str:
    if isinstance(value, Severity):
        return f'"{value.value}"'
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key} = {_toml(item)}" for key, item in value.items()) + "}"
    if isinstance(value, Sequence) and not isinstance(value, str):
        return "[" + ", ".join(_toml(str(item)) for item in value) + "]"
    # TOML's basic strings escape like JSON's: quotes, backslashes and controls
    return json.dumps(str(value), ensure_ascii=False)

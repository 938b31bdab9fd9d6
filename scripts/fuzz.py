#!/usr/bin/env python3
"""Fuzz ``policy-lint`` through its console entry point (not a test).

    python scripts/fuzz.py --cases 50000 --seed 1 --workers 2
    python scripts/fuzz.py --cases 200 --seed 7 --keep /tmp/fuzz-failures

Each case is a small folder of hostile input, made from a seed:

* ``bytes``: random bytes, sometimes after a line of YAML;
* ``yaml``: random YAML text from a small grammar (flow and block
  collections, anchors and aliases, every standard tag and some others,
  unicode, control characters, deep nesting);
* ``typed``: a shipped policy file loaded, one or more of its values swapped
  for a value of another type (huge and negative numbers, far dates, lists,
  mappings, text with control characters) and written back;
* ``text``: a shipped policy file edited line by line: values replaced by
  tagged, aliased, impossible or enormous ones, keys duplicated, lines moved;
* ``amplify``: alias bombs (as values and as keys), a long text aliased many
  times, thousands of keys, deep nesting through aliases;
* ``files``: FIFOs, devices, symbolic links (loops, out of the folder, to
  ``/dev/zero``), names that are not UTF-8 or hold control characters;
* ``support``: hostile waiver, baseline and ``pyproject.toml`` files beside
  a valid policy; outputs to a FIFO, a device node, a symbolic link, a
  closed pipe or a full device.

Each case runs in a forked child (imports done once) that calls the console
entry point ``linter.cli:main`` with ``sys.argv`` set, as the installed
``policy-lint`` command does. The parent is the watchdog: it kills a case
that runs longer than ``--hang`` seconds, reads the child's peak memory, and
sorts every case into one outcome:

=================  ============================================================
findings           exit 0 or 1, and any output written to stdout parses
unusable           exit 2, every line of stderr a one-line error (file:line:col
                   or ``policy-lint: error:``)
internal-error     exit 2 from the last-resort handler: a bug, reported cleanly
traceback          a Python traceback, another exit code, or unclear stderr
bad-output         exit 0 or 1 but the JSON/SARIF/JUnit on stdout does not parse
hang               killed after ``--hang`` seconds
over-memory        peak resident memory above ``--memory`` MB
=================  ============================================================

Separately it counts the cases whose files are all at most 1 MB that took
more than 2 s of processor time (``slow``). Time and memory are those of a
fresh ``policy-lint`` process: the child's own processor time and memory
growth plus what a fresh process spends importing policy-lint; processor time
rather than wall time, because the machine is shared (a case killed as a hang
is judged by wall time). The target is zero cases in every outcome after
``unusable``, and none slow. Cases that end in one of those are kept under
``--keep``.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import datetime as dt
import importlib
import io
import json
import os
import random
import resource
import shutil
import signal
import stat
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
POLICY = ROOT / "policy"
AS_OF = "2026-11-24"
OUTCOMES = ("findings", "unusable", "internal-error", "traceback", "bad-output", "hang", "over-memory")
FAILURES = OUTCOMES[2:]
#: memory a case may not exceed (the issue's budget for one input file of 1 MB)
MEMORY_MB = 200
#: the time budget for one input file of at most 1 MB (counted as "slow", not a failure)
SLOW_SECONDS = 2.0
MB = 1024 * 1024
PRELOADED = (
    "linter.cli",
    "linter.engine",
    "checks.registry",
    *(f"linter.{name}" for name in ("baseline", "waivers", "noticetext", "tracing", "git")),
    *(f"linter.output.{name}" for name in ("github", "json_", "junit", "sarif", "text")),
    *(f"reports.{name}" for name in ("commands", "html", "ropa", "revision", "snapshot", "changes", "diffout")),
    "linter.signoff",
)


@dataclass
class Case:
    """One fuzz case: files to write, then the command line to run."""

    kind: str
    #: relative path -> content (bytes), or a callable that makes the entry
    files: dict[str, bytes | Callable[[Path], None]] = field(default_factory=dict)
    args: list[str] = field(default_factory=list)
    #: "file" (default), "full" (/dev/full) or "closed" (a pipe nobody reads)
    stdout: str = "file"
    #: the format on stdout, to check that it parses
    stdout_format: str | None = "text"


# --- values ---------------------------------------------------------------------------

SPECIAL_TEXT = [
    "\r::error file=x.yaml,line=1::forged",
    "\n::add-mask::secret",
    "\u2028::warning::forged",
    "\x1b[31mred\x1b[0m",
    "\u202eevil\u202c",
    "caf\u00e9 \U0001f600 \u0301",
    "\x85next line",
    "\t\v\f",
    "<script>alert(1)</script>",
    '=HYPERLINK("http://x")',
    "{{ 7 * 7 }}",
    "%0A::error::x",
    "a" * 300,
]
RAW_SCALARS = [
    "2024-02-30",
    "2026-13-01",
    "0000-01-01",
    "9999-12-31",
    "2024-01-01 25:00:00",
    "2024-01-01T10:00:00+99:99",
    "2024-01-01T10:00:00.123456789Z",
    "2001-12-14t21:59:43.10-05:00",
    "!!int 0x",
    "!!int ''",
    "!!int -",
    "!!bool maybe",
    "!!timestamp soon",
    "!!float x",
    "!!null x",
    "!!map x",
    "!!seq x",
    "!!str [a, b]",
    "!!map [a]",
    "!!seq {a: b}",
    "!!binary aGVsbG8=",
    "!!set {a, b}",
    "!!omap [a: 1]",
    "!!python/object/apply:os.system ['true']",
    "!!python/name:os.system",
    "!local thing",
    "!<tag:example.com,2000:x> y",
    "! plain",
    "<<",
    "=",
    "~",
    "null",
    "yes",
    "NO",
    "on",
    ".inf",
    "-.inf",
    ".nan",
    "1e999",
    "0b1010",
    "0o17",
    "0x_ff",
    "017",
    "190:20:30",
    "1_000",
    "-0",
    "+12",
    "99999999",
    "-1",
    "0",
    "3.14",
    '"\\0nul"',
    '"\\x1b[2J"',
    '"\\u2028"',
    '"\\ud800"',
    '"\\U0010ffff"',
    "'it''s'",
    "|\n  block\n  text",
    ">-\n  folded",
    "[a, [b, [c, [d]]]]",
    "{a: 1, b: [2, 3]}",
    "{}",
    "[]",
    "''",
    "35 years",
    "indefinite",
    "0 years",
    "1" + "0" * 40 + " years",
]


def huge_number(rng: random.Random) -> str:
    digits = rng.choice([20, 400, 4_301, 5_000, 20_000])
    prefix = rng.choice(["", "-", "0x", "0b1", "1:" * rng.randint(1, 50)])
    return prefix + "".join(rng.choice("123456789") for _ in range(digits))


def raw_scalar(rng: random.Random) -> str:
    """A YAML scalar (or small collection) as text, often a hostile one."""
    roll = rng.random()
    if roll < 0.45:
        return rng.choice(RAW_SCALARS)
    if roll < 0.55:
        return huge_number(rng)
    if roll < 0.7:
        return json.dumps(rng.choice(SPECIAL_TEXT))  # a double-quoted YAML string
    if roll < 0.8:
        return "x" * rng.choice([1_000, 50_000, 300_000])
    if roll < 0.9:
        depth = rng.choice([10, 60, 70, 500, 1_100])
        return "[" * depth + "]" * depth
    return rng.choice(["kebab-id", "GB", "US", "privacy-shield", "6(1)(e)", "part-1-para-2", "access"])


def typed_value(rng: random.Random, depth: int = 0) -> Any:
    """A Python value of a random type, for swapping into loaded policy data."""
    kinds: list[Callable[[], Any]] = [
        lambda: rng.choice([0, -1, 1, 12, 99_999_999, 10**30, -(10**20)]),
        lambda: rng.choice([0.5, float("inf"), -0.0, 1e300]),
        lambda: rng.choice([True, False, None]),
        lambda: rng.choice([dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(2020, 2, 29), dt.date(2026, 11, 24)]),
        lambda: dt.datetime(2024, 1, 1, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=rng.randint(-23, 23)))),
        lambda: rng.choice(SPECIAL_TEXT),
        lambda: "".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(0, 40))),
        lambda: rng.choice(
            ["", " ", "GB", "US", "XX", "35 years", "999999 years", "indefinite", "kebab-id", "Not Kebab"]
        ),
        lambda: [typed_value(rng, depth + 1) for _ in range(rng.randint(0, 4))] if depth < 3 else [],
        lambda: {rng.choice(["id", "name", "x", "trace", "quote"]): typed_value(rng, depth + 1)} if depth < 3 else {},
        lambda: "x" * rng.choice([500, 20_000]),
    ]
    return rng.choice(kinds)()


# --- generators -----------------------------------------------------------------------


def _policy_files() -> list[Path]:
    return sorted(path for path in POLICY.rglob("*.yaml") if path.name != "policy-waivers.yaml")


_POLICY_FILES = _policy_files()
_TEXTS = {path: path.read_text(encoding="utf-8") for path in _POLICY_FILES}


def check_args(rng: random.Random, case: Case, folder: str = "policy") -> None:
    """A ``check`` (mostly), ``report``, ``ropa``, ``baseline`` or ``config`` run over ``folder``."""
    roll = rng.random()
    if roll < 0.04:  # what changed since the shipped policy
        fmt = rng.choice(["text", "json", "markdown"])
        case.args = ["diff", str(POLICY), folder, "--format", fmt, "--as-of", AS_OF]
        case.stdout_format = "json" if fmt == "json" else None
    elif roll < 0.78:
        fmt = rng.choice(["text", "text", "json", "sarif", "junit", "github"])
        case.args = ["check", folder, "--as-of", rng.choice([AS_OF, "9999-12-31", "0001-01-01"]), "--format", fmt]
        case.stdout_format = fmt
        if rng.random() < 0.15:
            other = rng.choice(["json", "sarif", "junit", "text", "github"])
            case.args += ["--format", f"{other}:out-{other}.txt"]
        if rng.random() < 0.1:
            case.args += ["--fail-on", rng.choice(["info", "warning", "error"])]
    elif roll < 0.83:
        case.args = ["report", folder, "--as-of", AS_OF, "-o", "report.html"]
        case.stdout_format = None
    elif roll < 0.9:
        case.args = ["ropa", folder, "--format", rng.choice(["csv", "json"])]
        case.stdout_format = "json" if case.args[-1] == "json" else None
    elif roll < 0.96:
        case.args = ["baseline", folder, "--as-of", AS_OF, "-o", "baseline.json"]
        case.stdout_format = None
    else:
        case.args = ["config", folder]
        case.stdout_format = None


def gen_bytes(rng: random.Random) -> Case:
    size = rng.choice([0, 1, 16, 200, 4_000, 100_000])
    data = rng.randbytes(size)
    if rng.random() < 0.5:
        data = b"services:\n  - id: a\n    name: " + data
    case = Case("bytes", {"policy/fuzz.yaml": data})
    check_args(rng, case)
    return case


def yaml_node(rng: random.Random, depth: int, anchors: list[str]) -> str:
    roll = rng.random()
    prefix = ""
    if rng.random() < 0.15:
        name = f"a{rng.randint(0, 30)}"
        anchors.append(name)
        prefix = f"&{name} "
    if anchors and rng.random() < 0.15:
        return f"*{rng.choice(anchors)}"
    if rng.random() < 0.1:
        prefix += rng.choice(["!!str ", "!!int ", "!!map ", "!!seq ", "!!timestamp ", "!!bool ", "!x ", "!!float "])
    if depth > 4 or roll < 0.5:
        return prefix + raw_scalar(rng).replace("\n", " ")
    if roll < 0.75:
        items = [yaml_node(rng, depth + 1, anchors) for _ in range(rng.randint(0, 5))]
        return prefix + "[" + ", ".join(items) + "]"
    keys = [rng.choice(["id", "name", "services", "trace", "<<", "? [k]", "1", "~", *map(str, range(3))])]
    keys += [yaml_node(rng, 5, anchors) for _ in range(rng.randint(0, 3))]
    pairs = [f"{key}: {yaml_node(rng, depth + 1, anchors)}" for key in keys]
    return prefix + "{" + ", ".join(pairs) + "}"


def gen_yaml(rng: random.Random) -> Case:
    anchors: list[str] = []
    kinds = ["controller", "notice", "services", "purposes", "transfers", "retention_rules", "processors", "x"]
    lines = []
    for _ in range(rng.randint(1, 6)):
        lines.append(f"{rng.choice(kinds)}: {yaml_node(rng, 0, anchors)}")
    if rng.random() < 0.1:
        lines.insert(rng.randint(0, len(lines)), rng.choice(["---", "...", "%YAML 1.1", "%TAG ! tag:x,2000:"]))
    case = Case("yaml", {"policy/fuzz.yaml": "\n".join(lines).encode("utf-8", "surrogatepass") + b"\n"})
    check_args(rng, case)
    return case


def _walk_containers(value: Any) -> Iterator[tuple[Any, Any]]:
    """(container, key or index) for every slot of a loaded document."""
    if isinstance(value, dict):
        for key in list(value):
            yield value, key
            yield from _walk_containers(value[key])
    elif isinstance(value, list):
        for index in range(len(value)):
            yield value, index
            yield from _walk_containers(value[index])


def gen_typed(rng: random.Random) -> Case:
    source = rng.choice(_POLICY_FILES)
    data = yaml.safe_load(_TEXTS[source])
    slots = list(_walk_containers(data))
    for _ in range(rng.randint(1, 4)):
        if not slots:
            break
        container, key = rng.choice(slots)
        action = rng.random()
        if action < 0.7:
            container[key] = typed_value(rng)
        elif action < 0.8 and isinstance(container, dict):
            del container[key]
            slots = list(_walk_containers(data))
        elif isinstance(container, dict):
            container[rng.choice(["unknown_key", "id", "name", "trace", "period", "last_reviewed"])] = typed_value(rng)
    text = yaml.safe_dump(data, allow_unicode=rng.random() < 0.5, default_flow_style=rng.choice([False, None]))
    case = Case("typed", _with_policy(rng, source, text.encode("utf-8", "surrogatepass")))
    check_args(rng, case)
    return case


def _with_policy(rng: random.Random, replaced: Path, content: bytes) -> dict[str, bytes | Callable[[Path], None]]:
    """The mutated file alone, or inside a copy of the whole shipped policy."""
    relative = replaced.relative_to(POLICY).as_posix()
    if rng.random() < 0.3:
        files: dict[str, bytes | Callable[[Path], None]] = {
            f"policy/{path.relative_to(POLICY).as_posix()}": _TEXTS[path].encode() for path in _POLICY_FILES
        }
        files[f"policy/{relative}"] = content
        return files
    return {f"policy/{relative}": content}


def gen_text(rng: random.Random) -> Case:
    source = rng.choice(_POLICY_FILES)
    lines = _TEXTS[source].splitlines()
    for _ in range(rng.randint(1, 5)):
        index = rng.randrange(len(lines))
        line = lines[index]
        action = rng.random()
        key, colon, _ = line.partition(": ")
        if action < 0.45 and colon:
            value = raw_scalar(rng)
            if "\n" in value:
                indent = " " * (len(key) - len(key.lstrip()) + 2)
                value = value.replace("\n", "\n" + indent)
            lines[index] = f"{key}: {value}"
        elif action < 0.55 and colon:
            lines[index] = f"{key}: &anchor{index} {line.partition(': ')[2]}"
            target = rng.randrange(len(lines))
            tkey, tcolon, _ = lines[target].partition(": ")
            if tcolon and target > index:
                lines[target] = f"{tkey}: *anchor{index}"
        elif action < 0.65:
            lines.insert(index, line)  # a duplicate key, or a repeated item
        elif action < 0.72:
            del lines[index]
        elif action < 0.8:
            lines[index] = " " * rng.randint(0, 6) + line.lstrip()
        elif action < 0.9 and colon:
            indent = key[: len(key) - len(key.lstrip())]
            lines.insert(index, f"{indent}{rng.choice(['<<', 'unknown', '? [a]', '1', 'y'])}: {raw_scalar(rng)}")
        else:
            lines.insert(index, rng.choice(["---", "\t", "%TAG !x! tag:x:", "@", "`x`", "key: value: other"]))
    content = ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")
    case = Case("text", _with_policy(rng, source, content))
    check_args(rng, case)
    return case


def gen_amplify(rng: random.Random) -> Case:
    roll = rng.randrange(9)
    if roll == 7:  # prose that every wording rule scans, near the text budget
        words = rng.choice(["x ", "Data Protection Act ", "EU-US Data Privacy Framework ", "Troubled Families ", "@a."])
        text = (
            "notice:\n  id: n\n  name: N\n  description: "
            + json.dumps(words * (rng.choice([60_000, 250_000]) // len(words)))
            + "\n"
        )
    elif roll == 8:  # many small entities with a long shared name
        name = json.dumps(rng.choice(SPECIAL_TEXT) + " Data Protection Act 1998 " * rng.choice([1, 20]))
        text = "recipients:\n" + "".join(f"  - {{id: r{i}, name: {name}, role: processor}}\n" for i in range(2_000))
    elif roll == 0:  # billion laughs, the last level used as a key or a value
        width, levels = rng.choice([(9, 10), (4, 8), (10, 6), (2, 30)])
        lines = [f"a0: &a0 [{', '.join(['lol'] * width)}]"]
        lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]" for i in range(1, levels)]
        lines.append(f"? *a{levels - 1}\n: x" if rng.random() < 0.5 else f"services: *a{levels - 1}")
        text = "\n".join(lines) + "\n"
    elif roll == 1:  # a long text aliased many times
        size, copies = rng.choice([(1_000_000, 200), (100_000, 50), (30_000, 100)])
        text = "services:\n  - id: s0\n    name: &big " + "x" * size + "\n"
        text += "".join(f"  - id: s{i}\n    name: *big\n" for i in range(1, copies))
    elif roll == 2:  # thousands of unknown keys in one mapping
        count = rng.choice([900, 1_001, 5_000, 20_000])
        text = "notice:\n  id: n\n  name: N\n" + "".join(f"  unknown_{i}: v\n" for i in range(count))
    elif roll == 3:  # deep nesting through aliases
        lines = ["a0: &a0 [[[[[[[[[[x]]]]]]]]]]"]
        lines += [f"a{i}: &a{i} [[[[[[[[[[*a{i - 1}]]]]]]]]]]" for i in range(1, rng.choice([5, 20, 120]))]
        text = "\n".join(lines) + "\n"
    elif roll == 4:  # one entity aliased into a long list
        copies = rng.choice([100, 3_000, 30_000])
        entity = "{id: s, name: S, purposes: [p], data_subjects: [d], recipients: [r], trace: {section: x, quote: y}}"
        text = f"x: &e {entity}\nservices: [{', '.join(['*e'] * copies)}]\n"
    elif roll == 5:  # many entities, each with findings, near the 1 MB mark
        count = rng.choice([1_000, 8_000])
        text = "recipients:\n" + "".join(
            f"  - {{id: r{i}, name: Troubled Families {i}, role: processor, country: XX}}\n" for i in range(count)
        )
    else:  # a long list of wrong items
        count = rng.choice([10_000, 100_000, 190_000])
        text = "notice:\n  id: n\n  name: N\n  rights_stated: [" + ", ".join(["1"] * count) + "]\n"
    case = Case("amplify", {"policy/fuzz.yaml": text.encode()})
    check_args(rng, case)
    return case


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _device(path: Path) -> None:
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # like /dev/null (root only)


def _link(target: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        os.symlink(target, path)

    return make


def _devices() -> list[Callable[[Path], None]]:
    return [_device] if os.geteuid() == 0 else []


def _unreadable(path: Path) -> None:
    path.mkdir()
    (path / "hidden.yaml").write_text("services: []\n")
    path.chmod(0)


def gen_files(rng: random.Random) -> Case:
    good = _TEXTS[POLICY / "sources.yaml"].encode()
    files: dict[str, bytes | Callable[[Path], None]] = {"policy/sources.yaml": good}
    entries: list[tuple[str, bytes | Callable[[Path], None]]] = [
        ("policy/pipe.yaml", _fifo),
        ("policy/zero.yaml", _link("/dev/zero")),
        ("policy/loop.yaml", _link("loop.yaml")),
        ("policy/shadow.yaml", _link("/etc/passwd")),
        ("policy/up.yaml", _link("../outside.yaml")),
        ("policy/inside.yaml", _link("sources.yaml")),
        ("policy/folder", _link(".")),
        ("policy/dangling.yaml", _link("nowhere.yaml")),
        ("policy/locked", _unreadable),
        (os.fsdecode(b"policy/caf\xe9.yaml"), good),
        ("policy/line\nbreak.yaml", good),
        ("policy/\x1b[31mred.yaml", good),
        ("policy/::error::x.yaml", good),
        ("policy/dir.yaml/inner.yaml", good),
        ("outside.yaml", good),
    ]
    entries += [("policy/device.yaml", make) for make in _devices()]
    for name, content in rng.sample(entries, rng.randint(1, 3)):
        files[name] = content
    case = Case("files", files)
    check_args(rng, case)
    return case


def gen_support(rng: random.Random) -> Case:
    files: dict[str, bytes | Callable[[Path], None]] = {"policy/sources.yaml": _TEXTS[POLICY / "sources.yaml"].encode()}
    case = Case("support", files)
    check_args(rng, case)
    if case.args[0] not in ("check", "baseline", "report"):
        case.args = ["check", "policy", "--as-of", AS_OF]
        case.stdout_format = "text"
    roll = rng.randrange(7)
    if roll == 6:  # the published notice given to `trace`
        name = rng.choice(["notice.txt", "notice.html", "notice.md"])
        notices: list[bytes | Callable[[Path], None]] = [
            rng.randbytes(rng.choice([10, 2_000])),
            b"<html><body>" + b"<div>" * 100_000 + b"x" + b"</div>" * 100_000 + b"</body></html>",
            b"# Heading\n\n- " + "\r::error::forged \x1b[2J \u2028 caf\u00e9".encode() + b"\n" * 3,
            b"Heading\n\n" + b"word " * 400_000,
            b"\x00binary",
            b"<p>" + b"&#x1b;&#0; &amp;#13; &#x2028;" * 10 + b"</p>",
            _fifo,
            _link("/dev/zero"),
        ]
        files[name] = rng.choice(notices)
        fmt = rng.choice(["text", "json"])
        case.args = ["trace", name, "policy", "--format", fmt]
        case.stdout_format = fmt
    elif roll == 0:  # a waiver file
        entry = {
            "rule": rng.choice(["REF004", "SCH001", "WVR001", "XXX", 1]),
            "entity": "source:the-data-subject",
            "field": "",
            "reason": "r",
            "owner": "o",
            "expires": rng.choice(["2027-01-31", "2024-02-30", "9999-12-31", "soon"]),
        }
        text = "waivers:\n  - " + "\n    ".join(f"{key}: {value}" for key, value in entry.items()) + "\n"
        if rng.random() < 0.5:
            text += f"  - rule: {raw_scalar(rng)}\n    expires: {raw_scalar(rng)}\n"
        if rng.random() < 0.2:
            text = gen_yaml(rng).files["policy/fuzz.yaml"].decode("utf-8", "surrogateescape")  # type: ignore[union-attr]
        files["policy/policy-waivers.yaml"] = text.encode("utf-8", "surrogateescape")
    elif roll == 1:  # a baseline
        if case.args[0] == "check":
            content = rng.choice(
                [
                    b'{"version": 1, "findings": {"a": {}}}',
                    b"[" * 100_000,
                    b'{"findings": {}, "n": ' + b"9" * 5_000 + b"}",
                    b'{"findings": {"a": 1, "a": 2}}',
                    b'{"findings": NaN}',
                    b"\xff\xfe",
                    b'{"findings": {' + b", ".join(b'"k%d": 1' % i for i in range(2_000)) + b"}}",
                    json.dumps(
                        {"findings": {"x": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}}
                    ).encode(),
                    rng.randbytes(100),
                ]
            )
            files["baseline.json"] = content
            case.args += ["--baseline", "baseline.json"]
    elif roll == 2:  # a baseline or waiver file that is not a file
        name = rng.choice(["special.json", "special.yaml"])
        files[name] = rng.choice([_fifo, _link("/dev/zero"), _link("special"), *_devices()])
        if case.args[0] == "check" and name.endswith(".json"):
            case.args += ["--baseline", name]
        else:
            case.args += ["--waivers", name]
    elif roll == 3:  # a pyproject.toml
        value = rng.choice(
            [
                '["a\\u0000b"]',
                "[" * 2_000 + "]" * 2_000,
                "[" * 40 + '"x"' + "]" * 40,
                '"\\u001b[2J"',
                "{ a = 1 }",
                "1e999",
                '"policy"',
                '["policy", "' + "x" * 5_000 + '"]',
            ]
        )
        key = rng.choice(["paths", "select", "ignore", "fail-on", "waivers", "baseline", "format", "unknown\\u0000"])
        files["pyproject.toml"] = f'[tool.policy-lint]\n"{key}" = {value}\n'.encode()
        case.args = [arg for arg in case.args if arg != "policy"] if rng.random() < 0.5 else case.args
    elif roll == 4:  # an output that is not a regular file
        files["target"] = rng.choice([_fifo, _link("/dev/null"), _link("target"), *_devices()])
        case.args = ["check", "policy", "--as-of", AS_OF, "--format", "json:target"]
    else:  # standard output closed or full
        case.stdout = rng.choice(["full", "closed"])
    return case


GENERATORS: dict[str, tuple[float, Callable[[random.Random], Case]]] = {
    "bytes": (0.08, gen_bytes),
    "yaml": (0.2, gen_yaml),
    "typed": (0.27, gen_typed),
    "text": (0.27, gen_text),
    "amplify": (0.06, gen_amplify),
    "files": (0.06, gen_files),
    "support": (0.06, gen_support),
}


def generate(seed: int, index: int, only: str | None = None) -> Case:
    """Case ``index`` of ``seed`` (of the generator ``only``, if given)."""
    rng = random.Random(f"{seed}:{index}")
    names = list(GENERATORS)
    name = only or rng.choices(names, weights=[GENERATORS[n][0] for n in names])[0]
    return GENERATORS[name][1](rng)


# --- running ----------------------------------------------------------------------------


def _materialise(case: Case, folder: Path) -> int:
    """Write the case's files; the size of the largest."""
    largest = 0
    for name, content in case.files.items():
        path = folder / name  # a name that is not UTF-8 is held as surrogate escapes
        path.parent.mkdir(parents=True, exist_ok=True)
        if callable(content):
            content(path)
        else:
            path.write_bytes(content)
            largest = max(largest, len(content))
    return largest


def _child(case: Case, folder: Path, memory_limit: int) -> None:
    """Run in the forked child: the console entry point, then ``os._exit``."""
    code = 70
    try:
        sys.settrace(None)  # under coverage (the CI test), measure the program, not the tracer
        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
        os.chdir(folder)
        err = os.open(folder / ".stderr", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(err, 2)
        if case.stdout == "full":
            out = os.open("/dev/full", os.O_WRONLY)
        elif case.stdout == "closed":
            read_end, out = os.pipe()
            os.close(read_end)
        else:
            out = os.open(folder / ".stdout", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(out, 1)
        # the streams of a console program, whatever the parent had (pytest captures its own)
        sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8")
        sys.stderr = io.TextIOWrapper(
            io.FileIO(2, "w", closefd=False), encoding="utf-8", errors="backslashreplace", line_buffering=True
        )
        sys.argv = ["policy-lint", *case.args]
        from linter.cli import main

        try:
            main()
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 71)
        else:
            code = 0
        with contextlib.suppress(Exception):
            sys.stdout.flush()
    except BaseException:
        import traceback

        with contextlib.suppress(Exception):
            sys.stderr.write(traceback.format_exc())
            sys.stderr.flush()
        code = 70
    os._exit(code)


@dataclass
class Outcome:
    index: int
    kind: str
    outcome: str
    seconds: float
    cpu: float
    peak_mb: float
    largest: int
    detail: str = ""


def _classify(case: Case, folder: Path, code: int, peak_mb: float, memory_mb: int) -> tuple[str, str]:
    err = (folder / ".stderr").read_bytes().decode("utf-8", "replace") if (folder / ".stderr").exists() else ""
    lines = [line for line in err.splitlines() if line.strip()]
    if peak_mb > memory_mb:
        return "over-memory", f"{peak_mb:.0f} MB"
    if "Traceback" in err or code not in (0, 1, 2):
        return "traceback", (err.strip().splitlines() or [f"exit {code}"])[-1][:300]
    if "internal error" in err:
        return "internal-error", lines[0][:300]
    if code == 2:
        if not lines or not all(_clean_line(line) for line in lines):
            return "traceback", f"unclear stderr: {err[:300]!r}"
        return "unusable", lines[0][:200]
    if lines and case.args[0] in ("check", "report", "ropa", "config", "diff") and not all(map(_clean_line, lines)):
        return "traceback", f"stderr with exit {code}: {err[:300]!r}"
    if case.stdout == "file" and case.stdout_format in ("json", "sarif", "junit"):
        out = (folder / ".stdout").read_bytes()
        try:
            if case.stdout_format == "junit":
                ET.fromstring(out)
            else:
                json.loads(out)
        except (ValueError, ET.ParseError) as error:
            return "bad-output", f"{case.stdout_format}: {error}"[:300]
    if case.stdout == "file" and case.stdout_format in ("text", "github"):
        text = (folder / ".stdout").read_bytes().decode("utf-8", "replace")
        for line in text.splitlines():
            if line.startswith("::") and case.stdout_format == "text":
                return "bad-output", f"text line starts a workflow command: {line[:100]!r}"
    return "findings", ""


def _clean_line(line: str) -> bool:
    import re

    return bool(re.match(r"^(policy-lint: (error|interrupted)|.+:\d+:\d+: error: |wrote |Usage: |Try |Error: )", line))


def run(
    seed: int,
    cases: int,
    workers: int = 2,
    hang_seconds: float = 60.0,
    memory_mb: int = MEMORY_MB,
    keep: Path | None = None,
    progress: Callable[[int, collections.Counter[str]], None] | None = None,
    start: int = 0,
    only: str | None = None,
    heaviest: list[Outcome] | None = None,
) -> tuple[collections.Counter[str], list[Outcome]]:
    """Run ``cases`` cases from ``seed``; (counts by outcome, the failing cases).
    ``heaviest``, if given, receives the five cases that took most processor time."""
    # everything a case may import, imported once before forking (and so not
    # read again from disk while the source is being edited)
    for module in PRELOADED:
        importlib.import_module(module)

    counts: collections.Counter[str] = collections.Counter()
    failures: list[Outcome] = []
    base = Path(tempfile.mkdtemp(prefix="policy-lint-fuzz-"))
    running: dict[int, tuple[int, Case, Path, float, int, float]] = {}
    fresh_mb, fresh_cpu = fresh_process()
    next_index = start
    done = 0
    try:
        while done < cases:
            while len(running) < workers and next_index < start + cases:
                case = generate(seed, next_index, only)
                folder = base / str(next_index)
                folder.mkdir()
                largest = _materialise(case, folder)
                sys.stdout.flush()
                sys.stderr.flush()
                inherited = _resident_mb()
                pid = os.fork()
                if pid == 0:
                    _child(case, folder, 4 * 1024 * MB)
                running[pid] = (next_index, case, folder, time.monotonic(), largest, inherited)
                next_index += 1
            finished = False
            for pid, (index, case, folder, started, largest, inherited) in list(running.items()):
                waited, status, usage = os.wait4(pid, os.WNOHANG)
                elapsed = time.monotonic() - started
                if waited == 0:
                    if elapsed > hang_seconds:
                        os.kill(pid, signal.SIGKILL)
                        os.wait4(pid, 0)
                        result = Outcome(
                            index, case.kind, "hang", elapsed, elapsed, 0.0, largest, f"killed after {elapsed:.0f} s"
                        )
                    else:
                        continue
                else:
                    code = os.waitstatus_to_exitcode(status)
                    # a forked child starts with the parent's memory: what a fresh
                    # `policy-lint` would peak at is its start-up size plus the growth
                    peak = fresh_mb + max(0.0, usage.ru_maxrss / 1024 - inherited)
                    cpu = fresh_cpu + usage.ru_utime + usage.ru_stime
                    outcome, detail = _classify(case, folder, code, peak, memory_mb)
                    result = Outcome(index, case.kind, outcome, elapsed, cpu, peak, largest, detail)
                del running[pid]
                finished = True
                done += 1
                counts[result.outcome] += 1
                counts[f"kind:{case.kind}"] += 1
                if heaviest is not None:
                    heaviest.append(result)
                    heaviest.sort(key=lambda outcome: -outcome.cpu)
                    del heaviest[5:]
                slow = result.largest <= MB and result.cpu > SLOW_SECONDS
                counts["slow"] += slow
                counts["max_peak_mb"] = max(counts["max_peak_mb"], round(result.peak_mb))
                counts["max_cpu_ms"] = max(counts["max_cpu_ms"], round(result.cpu * 1000))
                counts["max_wall_ms"] = max(counts["max_wall_ms"], round(result.seconds * 1000))
                if result.outcome in FAILURES or slow:
                    failures.append(result)
                    if keep is not None:
                        _keep(folder, keep / f"{index}-{result.outcome}")
                _remove(folder)
                if progress is not None:
                    progress(done, counts)
            if not finished:
                time.sleep(0.002)
    finally:
        for pid in running:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
                os.wait4(pid, 0)
        _remove(base)
    return counts, failures


def _resident_mb() -> float:
    """This process's resident memory now, in MB."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MB


def fresh_process() -> tuple[float, float]:
    """(peak MB, processor seconds) of a fresh Python process that imports policy-lint."""
    import subprocess

    code = (
        "import resource, linter.cli, linter.engine, checks.registry, reports.commands, reports.html; "
        "usage = resource.getrusage(resource.RUSAGE_SELF); "
        "print(usage.ru_maxrss, usage.ru_utime + usage.ru_stime)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    peak, cpu = done.stdout.split()
    return int(peak) / 1024, float(cpu)


def _keep(folder: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError, shutil.Error):
        shutil.copytree(folder, target, symlinks=True, ignore_dangling_symlinks=True, ignore=_special)


def _special(folder: str, names: list[str]) -> list[str]:
    ignored = []
    for name in names:
        with contextlib.suppress(OSError):
            mode = os.lstat(os.path.join(folder, name)).st_mode
            if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode) or stat.S_ISLNK(mode)):
                ignored.append(name)
    return ignored


def _remove(folder: Path) -> None:
    for root, dirs, _ in os.walk(folder):
        for name in dirs:
            with contextlib.suppress(OSError):
                os.chmod(os.path.join(root, name), 0o700)
    shutil.rmtree(folder, ignore_errors=True)


def table(counts: collections.Counter[str], seconds: float, seed: int, total: int) -> str:
    rows = [f"seed {seed}, {total:,} cases in {seconds / 60:.1f} min", "", "| outcome | cases |", "|---|---:|"]
    rows += [f"| {outcome} | {counts[outcome]:,} |" for outcome in OUTCOMES]
    rows.append(f"| slow (> {SLOW_SECONDS:g} s of processor time, files <= 1 MB) | {counts['slow']:,} |")
    rows += ["", "| generator | cases |", "|---|---:|"]
    rows += [f"| {name} | {counts['kind:' + name]:,} |" for name in GENERATORS]
    rows.append(
        f"\nlargest case, as a fresh process: {counts['max_peak_mb']} MB peak memory, "
        f"{counts['max_cpu_ms'] / 1000:.2f} s of processor time "
        f"(longest wall time {counts['max_wall_ms'] / 1000:.2f} s)"
    )
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=int, default=0, help="index of the first case (to resume)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--hang", type=float, default=60.0, help="seconds after which a case counts as a hang")
    parser.add_argument("--memory", type=int, default=MEMORY_MB, help="peak MB above which a case is over budget")
    parser.add_argument("--keep", type=Path, help="copy failing cases here")
    parser.add_argument("--only", choices=list(GENERATORS), help="run cases of this generator only")
    parser.add_argument("--case", type=int, help="print the command and files of one case and stop")
    parser.add_argument("--write", type=Path, help="with --case: write its files into this folder to rerun it")
    options = parser.parse_args()
    if options.case is not None:
        case = generate(options.seed, options.case, options.only)
        if options.write is not None:
            options.write.mkdir(parents=True, exist_ok=True)
            _materialise(case, options.write)
        print(case.kind, case.args, case.stdout)
        for name, content in case.files.items():
            print(f"--- {name!r}: {content if callable(content) else content[:500]!r}")
        return 0
    started = time.monotonic()
    heaviest: list[Outcome] = []

    def progress(done: int, counts: collections.Counter[str]) -> None:
        if done % 500 == 0:
            shown = ", ".join(f"{o} {counts[o]}" for o in OUTCOMES if counts[o]) + f", slow {counts['slow']}"
            print(f"{done:,} cases, {time.monotonic() - started:.0f} s: {shown}", flush=True)

    counts, failures = run(
        options.seed,
        options.cases,
        options.workers,
        options.hang,
        options.memory,
        options.keep,
        progress,
        options.start,
        options.only,
        heaviest,
    )
    for failure in failures[:50]:
        print(
            f"case {failure.index} ({failure.kind}): {failure.outcome} {failure.cpu:.1f} s cpu, "
            f"{failure.seconds:.1f} s wall, "
            f"{failure.peak_mb:.0f} MB {failure.detail}"
        )
    print(table(counts, time.monotonic() - started, options.seed, options.cases))
    shown = [f"{case.index} ({case.kind}) {case.cpu:.2f} s, {case.peak_mb:.0f} MB" for case in heaviest]
    print("\nheaviest cases (processor time): " + "; ".join(shown))
    return 1 if any(counts[outcome] for outcome in FAILURES) else 0


if __name__ == "__main__":
    sys.exit(main())

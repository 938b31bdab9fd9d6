#!/usr/bin/env python3
"""Benchmark ``policy-lint`` (not a test): every figure of the performance
targets, as ratios measured side by side in one run on this machine.

    python scripts/benchmark.py                        # everything, N up to 100,000
    python scripts/benchmark.py --sizes 100 1000 --repeat 3
    python scripts/benchmark.py --profile 10000        # where the time of one check goes
    python scripts/benchmark.py --readme               # and write the figures into README.md

Absolute times drift by a fifth from run to run on a shared machine, so each
figure is a ratio to something measured in the same run, the two interleaved
(round after round, each command once per round): the median over the rounds
of the ratio within each round. Bytecode is compiled first, as an installation has it (see
``_compiled_as_installed``). What it measures, each in a fresh Python process:

* start-up: ``--help``, ``rules`` and ``explain`` against ``python -c "import
  click"``; ``check policy/`` on the shipped policy, first run (empty cache)
  and second run (cache warm), against ``python -c "import yaml, click"``,
  at least ``STARTUP_ROUNDS`` rounds (each command takes tens of milliseconds,
  about as long as a burst of load on the machine);
* estates of N entities (``generate_estate``: one service per file, other
  entities 250 to a file, every kind of the format used): bare
  ``yaml.load(CSafeLoader)`` of every file (the floor no YAML linter can
  beat) against the whole check (load, validate, build, every rule, no
  cache), both timed in process after imports; time per entity; peak
  resident memory of ``policy-lint check`` as a command;
* the cache on the estate of ``--cache-size`` entities, as commands: no cache,
  first run (cache written), warm, and after one file changed;
* ``report`` against ``check`` on the same estate, and the size of its HTML.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2026-11-24"
COUNTRIES = ("GB", "GB", "GB", "IE", "US", "FR", "IN")
MECHANISMS = ("uk-idta", "eu-sccs-2021-with-uk-addendum", "uk-adequacy", "eu-us-privacy-shield", "uk-extension-dpf")
ROLES = ("independent-controller", "public-body", "joint-controller", "internal")
STARTS = ("last-contact", "last-action", "end-of-employment", "date-of-birth")
#: entities in one unit of the estate (see generate_estate)
UNIT = 8
#: entries of each kind but services in one file
PER_FILE = 250


def _header() -> str:
    return """\
# Synthetic estate: the body, its notice and what every service shares.
controller:
  id: county-council
  name: County Council
  kind: local-authority
  contact: {email: info@example.org, web: https://example.org/privacy, address: [County Hall, Market Road]}
  dpo:
    name: Data Protection Officer
    email: dpo@example.org
    trace: {section: Contact us, quote: "You can contact our Data Protection Officer at dpo@example.org"}
  ico_registration: Z1234567
notice:
  id: notice
  name: Synthetic notice
  title: How we use your information
  url: https://example.org/privacy
  last_reviewed: 2026-01-01
  review_cycle_months: 12
  rights_stated: [access, rectification, erasure, restriction, objection, portability, withdraw-consent, complain,
                  complain-to-controller, automated-decision-making]
  rights:
    access:
      route: subject-access-request
      time_limit: 1 month
      how: Write to the Data Protection Officer, or use our online form.
      trace: {section: Your rights, quote: "You have the right to ask for a copy of the information we hold about you"}
    objection:
      scope: as-law
      trace: {section: Your rights, quote: "You have the right to object to how we use your information"}
  rights_information: >-
    You have rights over the information we hold about you: to see it, to
    have it corrected or erased, to restrict or object to its use and to have
    it moved.
  complaint:
    name: Information Commissioner's Office
    web: https://ico.org.uk/make-a-complaint/
    address: [Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF]
  consent_withdrawal_stated: true
  statutory_requirement_stated: true
  automated_decision_making: {used: false, stated: true}
  transfers_statement: {no_other_transfers: false, text: "We send some information abroad, as listed below."}
  laws_cited:
    - {cited_as: the UK General Data Protection Regulation, title: UK General Data Protection Regulation}
    - {cited_as: the Data Protection Act 2018, title: Data Protection Act, year: 2018, chapter: "12"}
lawful_bases:
  - id: public-task
    name: public task
    article: 6(1)(e)
    legislation: [{cited_as: the Children Act 1989, title: Children Act, year: 1989, chapter: "41"}]
  - {id: legal-obligation, name: legal obligation, article: 6(1)(c)}
  - {id: consent, name: consent, article: 6(1)(a), consent_by: opt-in}
  - id: health-social-care
    name: health and social care
    article: 9(2)(h)
    schedule1_condition: "Schedule 1 paragraph 2 (health or social care purposes)"
    appropriate_policy_document: https://example.org/appropriate-policy
data_subjects:
  - {id: residents, name: residents}
  - {id: children, name: children and young people}
sources:
  - {id: the-person, name: you, data_subject: true}
  - {id: other-councils, name: other councils, category: true}
"""


def _unit(i: int) -> dict[str, str]:
    """The eight entities of unit ``i`` as YAML list entries, by kind."""
    country = COUNTRIES[i % len(COUNTRIES)]
    special = i % 3 == 0
    lists = i % 3 != 1  # a third of the services leave their retention rules to the rules' applies_to
    entries = {
        "purposes": f"""\
  - id: purpose-{i}
    name: deliver service {i}
    description: To assess needs and provide support through service number {i}.
    lawful_bases: [public-task{", consent" if i % 5 == 0 else ""}{", legal-obligation" if i % 5 == 1 else ""}]
    consent: {"true" if i % 5 == 0 else "false"}
{"    consent_by: opt-in" + chr(10) if i % 5 == 0 else ""}\
    trace: {{section: Why we use your information, quote: "To assess needs and provide support ({i})"}}
""",
        "data_categories": f"""\
  - id: category-{i}
    name: {"health records" if special else "case notes"} of service {i}
    special_category: {"true" if special else "false"}
""",
        "processors": f"""\
  - id: processor-{i}
    name: Processor {i} Ltd
    service_provided: case management system for service {i}
    location: {country}
    contract: {{reference: C-{i}, signed: 2022-01-01, article_28: true}}
{f"    parent_company: {{name: Group {i} Inc, country: US}}" + chr(10) if i % 7 == 4 else ""}\
    trace: {{section: Who we share your information with, quote: "Processor {i} Ltd, which runs our systems"}}
""",
        "recipients": f"""\
  - id: recipient-{i}
    name: Partner body {i}
    role: {ROLES[i % len(ROLES)]}
    examples: [partner body {i} and its teams]
    purpose: to provide joined-up support
""",
        "transfers": f"""\
  - id: transfer-{i}
    name: Processor {i} to {country}
    exporter: county-council
    importer: processor-{i}
    destination: {country}
    data_categories: [category-{i}]
    mechanism: {MECHANISMS[i % len(MECHANISMS)]}
    frequency: routine
    in_place_from: 2019-0{1 + i % 9}-01
    safeguard_copy: Ask the DPO for a copy
""",
        "retention_rules": f"""\
  - id: retention-{i}
    name: Records of service {i}
    record_class: case records of service {i}
    period: {6 + i % 30} years
    starts: {STARTS[i % len(STARTS)]}
    disposal: delete
    applies_to: [service-{i}]
    data_categories: [category-{i}]
""",
    }
    if i % 2:
        entries["statements"] = f"""\
  - id: statement-{i}
    name: Security of service {i}
    topic: security
    text: We keep the records of service {i} on secure systems with access controls.
    trace: {{section: Keeping your information safe, quote: "We keep the records of service {i} secure"}}
"""
    else:
        entries["cookies"] = f"""\
  - id: cookie-{i}
    name: service-{i}-session
    category: {"strictly-necessary" if i % 4 else "analytics"}
    purpose: keeps you signed in to the service {i} pages
    provider: County Council
    third_party: false
    consent: {"not-asked" if i % 4 else "opt-in"}
    identifiers: [cookie-id]
    duration: session
"""
    entries["services"] = f"""\
# Service {i}: one service of the notice, one file.
services:
  - id: service-{i}
    name: Service number {i}
    description: >-
      Provides support number {i} to children, young people and families
      who ask for help or are referred to us.
    trace:
      section: What services are covered
      quote: Provides support number {i} to children, young people and families
    data_categories: [category-{i}]
    data_subjects: [{"children" if i % 2 else "residents"}]
    sources: [the-person{", other-councils" if i % 4 == 1 else ""}]
    purposes: [purpose-{i}]
    lawful_bases: [public-task{", health-social-care" if special else ""}{", consent" if i % 5 == 0 else ""}]
    recipients: [recipient-{i}]
    processors: [processor-{i}]
{f"    retention_rules: [retention-{i}]" + chr(10) if lists else ""}\
    automated_decision_making: false
"""
    return entries


def generate_estate(folder: Path, entities: int) -> Path:
    """Write a synthetic estate of about ``entities`` entities into ``folder``:
    a header file (controller, notice, shared bases, subjects and sources), one
    file per service, and every other kind in files of ``PER_FILE`` entries."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "base.yaml").write_text(_header(), encoding="utf-8")
    (folder / "services").mkdir(exist_ok=True)
    chunks: dict[str, list[str]] = {}
    for i in range(max(1, entities // UNIT)):
        entries = _unit(i)
        (folder / "services" / f"service-{i}.yaml").write_text(entries.pop("services"), encoding="utf-8")
        for kind, text in entries.items():
            chunks.setdefault(kind, []).append(text)
    for kind, items in chunks.items():
        for start in range(0, len(items), PER_FILE):
            text = f"{kind}:\n" + "".join(items[start : start + PER_FILE])
            (folder / f"{kind.replace('_', '-')}-{start // PER_FILE:04d}.yaml").write_text(text, encoding="utf-8")
    return folder


# --- measuring ----------------------------------------------------------------


@dataclass
class Timing:
    """Wall times (and peak memory) of one command over the rounds."""

    seconds: list[float] = field(default_factory=list)
    peak_mib: float = 0.0
    extra: dict[str, float] = field(default_factory=dict)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def best(self) -> float:
        return min(self.seconds)

    @property
    def spread(self) -> float:
        """(worst - best) / median: how noisy the rounds were."""
        return (max(self.seconds) - min(self.seconds)) / self.median if self.median else 0.0


def _run(command: Sequence[str], cwd: Path | None = None) -> tuple[float, float, str]:
    """Wall seconds, peak resident MiB and standard output of one fresh process."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=errors)
        assert process.stdout is not None
        out = process.stdout.read().decode("utf-8", "replace")
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        error = errors.read().decode("utf-8", "replace")
    if process.returncode not in (0, 1) or "Traceback" in error:
        raise SystemExit(f"{' '.join(command)} exited {process.returncode}:\n{error[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024, out


def interleaved(
    commands: dict[str, Sequence[str]],
    rounds: int,
    before: dict[str, Callable[[], None]] | None = None,
    cwd: Path | None = None,
) -> dict[str, Timing]:
    """Run each command once per round, in turn; ``before[name]`` runs (untimed) first."""
    timings = {name: Timing() for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            if before and name in before:
                before[name]()
            seconds, peak, out = _run(command, cwd)
            timing = timings[name]
            timing.peak_mib = max(timing.peak_mib, peak)
            if out.startswith("{"):  # a worker: its own figure, after imports
                row = json.loads(out)
                timing.seconds.append(row["seconds"])
                timing.extra["wall"] = min(timing.extra.get("wall", float("inf")), seconds)
            else:
                timing.seconds.append(seconds)
    return timings


def _worker(mode: str, folder: str) -> None:
    """One in-process measurement in this (fresh) process; prints JSON."""
    if mode == "parse":
        import yaml

        started = time.perf_counter()
        for path in sorted(Path(folder).rglob("*.yaml")):
            with path.open("rb") as stream:
                yaml.load(stream, Loader=yaml.CSafeLoader)
    else:
        import datetime as dt

        from linter import engine

        engine.all_rules()
        started = time.perf_counter()
        result = engine.run([folder], dt.date.fromisoformat(AS_OF))
        assert not result.load_errors, result.load_errors[:3]
    elapsed = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": elapsed, "peak_mib": peak_kib / 1024}))


def _profile(folder: str, top: int) -> None:
    """cProfile of one in-process check, the top functions by own and by cumulative time."""
    import cProfile
    import datetime as dt
    import pstats

    from linter import engine

    engine.all_rules()
    profiler = cProfile.Profile()
    profiler.enable()
    engine.run([folder], dt.date.fromisoformat(AS_OF))
    profiler.disable()
    stats = pstats.Stats(profiler).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def _cli() -> list[str]:
    found = shutil.which("policy-lint", path=str(Path(sys.executable).parent)) or shutil.which("policy-lint")
    return [found] if found else [sys.executable, "-m", "linter.cli"]


def _supports_cache(cli: list[str]) -> bool:
    out = subprocess.run([*cli, "check", "--help"], capture_output=True, text=True, check=False).stdout
    return "--no-cache" in out


@contextlib.contextmanager
def _workspace(keep: Path | None) -> Iterator[Path]:
    root = keep or Path(tempfile.mkdtemp(prefix="policy-lint-bench-"))
    try:
        yield root
    finally:
        if keep is None:
            shutil.rmtree(root, ignore_errors=True)


def _ratio(a: Timing, b: Timing) -> float:
    """``a`` over ``b``: the median over rounds of the two measured in the same
    round (a burst of load on the machine slows both commands of a round, and
    the ratio of the two medians would mix rounds the burst hit with rounds it
    did not); the ratio of the medians when they were not measured side by side."""
    if len(a.seconds) == len(b.seconds) and all(b.seconds):
        return statistics.median(x / y for x, y in zip(a.seconds, b.seconds, strict=True))
    return a.median / b.median


@dataclass
class Target:
    what: str
    measured: float
    limit: float
    unit: str = "x"

    @property
    def met(self) -> bool:
        return self.measured <= self.limit

    def row(self) -> str:
        shown = f"{self.measured:.2f}{self.unit}" if self.unit == "x" else f"{self.measured:.0f} {self.unit}"
        limit = f"{self.limit:g}{self.unit}" if self.unit == "x" else f"{self.limit:g} {self.unit}"
        return f"| {self.what} | {shown} | ≤ {limit} | {'met' if self.met else 'NOT met'} |"


#: the fewest rounds of the start-up commands, whatever --repeat says
STARTUP_ROUNDS = 15


def startup(root: Path, rounds: int, cached: bool) -> tuple[list[str], list[Target]]:
    """Start-up figures: the commands that need no policy, and check of the shipped policy."""
    cli, python = _cli(), sys.executable
    cache = root / "startup-cache"
    policy = str(ROOT / "policy")
    check = [*cli, "check", policy, "--as-of", AS_OF, "--exit-zero"]
    commands: dict[str, Sequence[str]] = {
        "python -c pass": [python, "-c", "pass"],
        'python -c "import click"': [python, "-c", "import click"],
        'python -c "import yaml, click"': [python, "-c", "import yaml, click"],
        "policy-lint --help": [*cli, "--help"],
        "policy-lint rules": [*cli, "rules"],
        "policy-lint explain TRF001": [*cli, "explain", "TRF001"],
        "check policy/, first run": [*check, *(["--cache-dir", str(cache)] if cached else [])],
        "check policy/, cache warm": [*check, *(["--cache-dir", str(cache)] if cached else [])],
    }
    before = {"check policy/, first run": lambda: shutil.rmtree(cache, ignore_errors=True)}
    # tens of milliseconds each: a burst of load on the machine is as long as a command, so
    # these take more rounds (a round of all eight is under a second)
    timings = interleaved(commands, max(rounds, STARTUP_ROUNDS), before)
    click_alone, yaml_click = timings['python -c "import click"'], timings['python -c "import yaml, click"']
    lines = ["| command | median | best | spread | ratio |", "|---|---:|---:|---:|---|"]
    for name, timing in timings.items():
        base = yaml_click if name.startswith("check") else click_alone
        ratio = (
            ""
            if name.startswith("python")
            else f"{_ratio(timing, base):.2f}x {'yaml+click' if base is yaml_click else 'click'}"
        )
        lines.append(
            f"| `{name}` | {timing.median * 1000:.0f} ms | {timing.best * 1000:.0f} ms "
            f"| {timing.spread:.0%} | {ratio} |"
        )
    targets = [
        Target(
            "`check policy/` first run / `import yaml, click`",
            _ratio(timings["check policy/, first run"], yaml_click),
            2.5,
        ),
        Target(
            "`check policy/` cache warm / `import yaml, click`",
            _ratio(timings["check policy/, cache warm"], yaml_click),
            2.0,
        ),
        *(
            Target(f"`{name}` / `import click`", _ratio(timings[name], click_alone), 1.5)
            for name in ("policy-lint --help", "policy-lint rules", "policy-lint explain TRF001")
        ),
    ]
    return lines, targets


def estates(
    root: Path, sizes: Sequence[int], rounds: int, cached: bool
) -> tuple[list[str], list[Target], dict[int, Path]]:
    """Parse against check (in process) for each size, per-entity time and peak memory."""
    cli = _cli()
    no_cache = ["--no-cache"] if cached else []
    lines = [
        "| entities | files | bare parse | `check` | ratio | per entity | spread | peak memory (`check` command) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    per_entity: dict[int, float] = {}
    folders: dict[int, Path] = {}
    targets: list[Target] = []
    peak_at: dict[int, float] = {}
    for size in sizes:
        folder = generate_estate(root / f"estate-{size}", size)
        folders[size] = folder
        files = sum(1 for _ in folder.rglob("*.yaml"))
        # fewer rounds for the largest estates: each takes tens of seconds
        n = rounds if size <= 30_000 else max(1, min(rounds, 2))
        timings = interleaved(
            {
                "parse": [sys.executable, __file__, "--worker", "parse", str(folder)],
                "check": [sys.executable, __file__, "--worker", "check", str(folder)],
                "cli": [*cli, "check", str(folder), "--as-of", AS_OF, "--exit-zero", *no_cache],
            },
            n,
        )
        parse, check, command = timings["parse"], timings["check"], timings["cli"]
        entities = _entities(folder)
        per_entity[size] = check.median / entities
        peak_at[size] = command.peak_mib
        lines.append(
            f"| {entities:,} | {files:,} | {parse.median:.3f} s | {check.median:.3f} s | {_ratio(check, parse):.2f}x "
            f"| {per_entity[size] * 1e6:.0f} µs | {max(parse.spread, check.spread):.0%} | {command.peak_mib:.0f} MiB |"
        )
        if size == 10_000:
            targets.append(Target("10,000 entities, no cache: `check` / bare parse", _ratio(check, parse), 2.0))
        print(lines[-1], file=sys.stderr, flush=True)
    if 10_000 in per_entity and 100_000 in per_entity:
        targets.append(
            Target(
                "100,000 entities: time per entity / the 10,000 figure", per_entity[100_000] / per_entity[10_000], 1.15
            )
        )
    if 100_000 in peak_at:
        targets.append(Target("100,000 entities: peak memory of `check`", peak_at[100_000], 250, "MiB"))
    return lines, targets, folders


def _entities(folder: Path) -> int:
    """How many entities the estate holds (list entries and the two singletons)."""
    count = 0
    for path in folder.rglob("*.yaml"):
        count += sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("  - id: "))
    return count + 2


def cache_and_report(root: Path, folder: Path, rounds: int, cached: bool, size: int) -> tuple[list[str], list[Target]]:
    """The cache on one estate, as commands; report against check."""
    cli = _cli()
    cache = root / "estate-cache"
    changed = folder / "services" / "service-1.yaml"
    original = changed.read_text(encoding="utf-8")
    edits = iter(range(1_000_000))

    def change_one_file() -> None:
        changed.write_text(
            original.replace("Service number 1\n", f"Service number 1 (edit {next(edits)})\n"), encoding="utf-8"
        )

    def fresh() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    check = [*cli, "check", str(folder), "--as-of", AS_OF, "--exit-zero"]
    with_cache = ["--cache-dir", str(cache)] if cached else []
    html = root / "report.html"
    commands: dict[str, Sequence[str]] = {
        "no cache": [*check, *(["--no-cache"] if cached else [])],
        "first run (cache written)": [*check, *with_cache],
        "cache warm": [*check, *with_cache],
        "one file changed": [*check, *with_cache],
        "`report`, no cache": [
            *cli,
            "report",
            str(folder),
            "--as-of",
            AS_OF,
            "-o",
            str(html),
            *(["--no-cache"] if cached else []),
        ],
    }
    timings = interleaved(commands, rounds, {"first run (cache written)": fresh, "one file changed": change_one_file})
    changed.write_text(original, encoding="utf-8")
    base = timings["no cache"]
    lines = ["| `check` of the estate | median | best | spread | / no cache |", "|---|---:|---:|---:|---:|"]
    for name, timing in timings.items():
        lines.append(
            f"| {name} | {timing.median:.2f} s | {timing.best:.2f} s | {timing.spread:.0%} "
            f"| {_ratio(timing, base):.2f}x |"
        )
    size_mib = html.stat().st_size / 2**20
    lines.append(f"\nHTML report: {size_mib:.1f} MiB")
    targets = [
        Target(f"{size:,} entities, one file changed / no cache", _ratio(timings["one file changed"], base), 0.3),
        Target(f"{size:,} entities: `report` / `check` (no cache)", _ratio(timings["`report`, no cache"], base), 1.5),
        Target(f"HTML report of {size:,} entities", size_mib, 5, "MiB"),
    ]
    return lines, targets


def _compiled_as_installed() -> None:
    """Measure what a user runs: an installed policy-lint starts from compiled
    bytecode (pip compiles on install; an editable install writes it on first
    use). With ``PYTHONDONTWRITEBYTECODE`` set, as on some CI images, every
    command would compile every module it imports from source again, about
    100 ms that no user pays; so bytecode is compiled here once and written."""
    import compileall

    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.dont_write_bytecode = False
    for folder in ("linter", "checks", "reports"):
        compileall.compile_dir(str(ROOT / folder), quiet=1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1_000, 10_000, 30_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5, help="rounds of each measurement (median taken)")
    parser.add_argument("--cache-size", type=int, default=10_000, help="estate for the cache and report figures")
    parser.add_argument("--skip", nargs="*", default=[], choices=["startup", "estates", "cache"])
    parser.add_argument("--profile", type=int, metavar="N", help="profile one check of an estate of N entities")
    parser.add_argument("--top", type=int, default=30, help="functions the profile lists")
    parser.add_argument("--keep", type=Path, help="write the estates here and keep them")
    parser.add_argument("--readme", action="store_true", help="write the figures into README.md's Performance")
    parser.add_argument("--worker", nargs=2, metavar=("MODE", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    _compiled_as_installed()
    if args.worker:
        _worker(*args.worker)
        return 0
    with _workspace(args.keep) as root:
        if args.profile:
            _profile(str(generate_estate(root / f"estate-{args.profile}", args.profile)), args.top)
            return 0
        cached = _supports_cache(_cli())
        sections: list[str] = []
        targets: list[Target] = []
        if "startup" not in args.skip:
            lines, found = startup(root, args.repeat, cached)
            sections.append("\n".join(lines))
            targets += found
        folders: dict[int, Path] = {}
        if "estates" not in args.skip:
            lines, found, folders = estates(root, args.sizes, args.repeat, cached)
            sections.append("\n".join(lines))
            targets += found
        if "cache" not in args.skip:
            folder = folders.get(args.cache_size) or generate_estate(
                root / f"estate-{args.cache_size}", args.cache_size
            )
            lines, found = cache_and_report(root, folder, args.repeat, cached, args.cache_size)
            sections.append("\n".join(lines))
            targets += found
        sections.insert(
            0, "\n".join(["| target | measured | limit | |", "|---|---:|---:|---|", *(t.row() for t in targets)])
        )
        heading = (
            f"Measured by `python scripts/benchmark.py --repeat {args.repeat}` on a {os.cpu_count()}-core machine "
            f"shared with other work (load average {os.getloadavg()[0]:.1f}): each figure is the median of "
            f"{args.repeat} rounds ({max(args.repeat, STARTUP_ROUNDS)} for the start-up commands), the commands "
            "of a comparison interleaved round by round, and each ratio the median of the ratios of the two "
            "commands in the same round; `spread` is (slowest - fastest) / median."
        )
        report = heading + "\n\n" + "\n\n".join(sections) + "\n"
        print(report)
        if args.readme:
            _write_readme(report)
    return 0


README = ROOT / "README.md"
BEGIN, END = "<!-- begin:benchmark -->", "<!-- end:benchmark -->"


def _write_readme(report: str) -> None:
    """Put ``report`` between the benchmark markers of the README."""
    text = README.read_text(encoding="utf-8")
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    README.write_text(text[:start] + "\n" + report + text[end:], encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())

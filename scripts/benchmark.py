#!/usr/bin/env python3
"""Benchmark ``policy-lint`` on synthetic policy estates (not a test).

    python scripts/benchmark.py                    # N = 100, 1,000, 10,000
    python scripts/benchmark.py --sizes 500 --repeat 5 --report

For each size N it writes an estate of N entities (services with their
processors, transfers and retention rules, one service per file, like the
shipped policy) and measures, each in a fresh Python process:

* ``parse``: every file read and parsed by bare ``yaml.load(CSafeLoader)``,
  the floor no YAML linter can beat;
* ``check``: the whole ``policy-lint check`` path (load, validate, build,
  every rule), in process, after imports;
* ``cli``: ``policy-lint check`` as a command, cold, including start-up;
* ``report`` (with --report): the HTML report, cold.

It prints the best of ``--repeat`` wall times and the peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AS_OF = "2026-11-24"
COUNTRIES = ("GB", "GB", "GB", "IE", "US", "FR", "IN")
MECHANISMS = ("idta", "uk-addendum", "adequacy", "privacy-shield", "uk-us-data-bridge")


def _header() -> str:
    return """\
controller:
  id: county-council
  name: County Council
  public_authority: true
  contact: {email: info@example.org}
  dpo: {name: Data Protection Officer, email: dpo@example.org}
notice:
  id: notice
  name: Synthetic notice
  rights_stated: [access, rectification, erasure, restriction, objection, portability, complain]
  last_reviewed: 2026-01-01
  review_cycle_months: 12
lawful_bases:
  - {id: public-task, name: public task, article: 6(1)(e)}
  - {id: legal-obligation, name: legal obligation, article: 6(1)(c)}
  - id: health-social-care
    name: health and social care
    article: 9(2)(h)
    schedule1_condition: part-1-para-2
data_categories:
  - {id: contact, name: name and contact details}
  - {id: health, name: physical or mental health details, special_category: true}
purposes:
  - {id: deliver, name: deliver your service, lawful_bases: [public-task, legal-obligation]}
"""


def generate_estate(folder: Path, entities: int) -> Path:
    """Write a synthetic estate of about ``entities`` entities into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "base.yaml").write_text(_header(), encoding="utf-8")
    units = max(1, entities // 4)  # each unit: a service, a processor, a transfer, a retention rule
    (folder / "services").mkdir(exist_ok=True)
    chunks: dict[str, list[str]] = {"processors": [], "transfers": [], "retention_rules": []}
    for i in range(units):
        country = COUNTRIES[i % len(COUNTRIES)]
        (folder / "services" / f"service-{i}.yaml").write_text(
            f"""\
services:
  - id: service-{i}
    name: Service number {i}
    description: Provides support number {i} to children and families.
    data_categories: [contact{", health" if i % 3 == 0 else ""}]
    purposes: [deliver]
    lawful_bases: [public-task{", health-social-care" if i % 3 == 0 else ""}]
    processors: [processor-{i}]
    retention_rules: [retention-{i}]
    trace: {{section: What services are covered, quote: Service number {i}}}
""",
            encoding="utf-8",
        )
        chunks["processors"].append(
            f"""\
  - id: processor-{i}
    name: Processor {i} Ltd
    location: {country}
    contract: {{reference: C-{i}, signed: 2022-01-01, article_28: true}}
"""
        )
        chunks["transfers"].append(
            f"""\
  - id: transfer-{i}
    name: Processor {i} to {country}
    exporter: county-council
    importer: processor-{i}
    destination: {country}
    data_categories: [contact]
    mechanism: {MECHANISMS[i % len(MECHANISMS)]}
    in_place_from: 2019-0{1 + i % 9}-01
    safeguard_copy: Ask the DPO for a copy
"""
        )
        chunks["retention_rules"].append(
            f"""\
  - id: retention-{i}
    name: Records of service {i}
    record_class: case records of service {i}
    period: {6 + i % 30} years
    starts: last-contact
    disposal: delete
    applies_to: [service-{i}]
"""
        )
    per_file = 250
    for kind, entries in chunks.items():
        for start in range(0, len(entries), per_file):
            text = f"{kind}:\n" + "".join(entries[start : start + per_file])
            (folder / f"{kind}-{start // per_file:04d}.yaml").write_text(text, encoding="utf-8")
    return folder


def _worker(mode: str, folder: str) -> None:
    """Run one measurement in this (fresh) process and print JSON."""
    started = time.perf_counter()
    if mode == "parse":
        import yaml

        for path in sorted(Path(folder).rglob("*.yaml")):
            with path.open("rb") as stream:
                yaml.load(stream, Loader=yaml.CSafeLoader)
        started_after_imports = started
    else:
        import datetime as dt

        from linter import engine

        engine.all_rules()
        started_after_imports = time.perf_counter()
        result = engine.run([folder], dt.date.fromisoformat(AS_OF))
        assert not result.load_errors, result.load_errors[:3]
    elapsed = time.perf_counter() - started_after_imports
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": elapsed, "peak_mib": peak_kib / 1024}))


def _measure(mode: str, folder: Path, repeat: int) -> tuple[float, float]:
    best, peak = float("inf"), 0.0
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, __file__, "--worker", mode, str(folder)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        row = json.loads(out)
        best = min(best, row["seconds"])
        peak = max(peak, row["peak_mib"])
    return best, peak


def _cold(command: list[str], repeat: int) -> tuple[float, float]:
    best, peak = float("inf"), 0.0
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        best = min(best, time.perf_counter() - started)
        peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    return best, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1_000, 10_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--report", action="store_true", help="also time the HTML report")
    parser.add_argument("--keep", type=Path, help="write the estates here and keep them")
    parser.add_argument("--worker", nargs=2, metavar=("MODE", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        _worker(*args.worker)
        return 0
    root = args.keep or Path(tempfile.mkdtemp(prefix="policy-lint-bench-"))
    cli = shutil.which("policy-lint") or "policy-lint"
    print(f"{'N':>7} {'files':>6} {'parse s':>8} {'check s':>8} {'ratio':>6} {'check MiB':>9} {'cli s':>7}", end="")
    print(f" {'report s':>8} {'html KiB':>8}" if args.report else "")
    try:
        timing_report = args.report
        for size in args.sizes:
            folder = generate_estate(root / f"estate-{size}", size)
            files = sum(1 for _ in folder.rglob("*.yaml"))
            parse_s, _ = _measure("parse", folder, args.repeat)
            check_s, check_mib = _measure("check", folder, args.repeat)
            cli_s, _ = _cold([cli, "check", str(folder), "--as-of", AS_OF, "--exit-zero"], args.repeat)
            ratio = check_s / parse_s
            line = f"{size:>7} {files:>6} {parse_s:>8.3f} {check_s:>8.3f} {ratio:>6.2f} {check_mib:>9.1f} {cli_s:>7.3f}"
            if timing_report:
                html = root / f"report-{size}.html"
                report_s, _ = _cold([cli, "report", str(folder), "--as-of", AS_OF, "-o", str(html)], args.repeat)
                size_kib = html.stat().st_size / 1024 if html.exists() else float("nan")
                line += f" {report_s:>8.3f} {size_kib:>8.0f}"
            print(line, flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

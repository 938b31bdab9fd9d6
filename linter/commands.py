"""What each CLI command does, as plain functions returning an exit code.

The engine (loader, schema, model) is imported by the commands that lint, not
when this module is imported: ``knowledge``, ``rules``, ``explain`` and
``--help`` start without it (``rules`` and ``explain`` read the rules'
metadata from :mod:`checks.catalogue`, not from the rule modules).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from linter import output as outputs
from linter.config import ConfigError, OutputSpec, Settings, describe, resolve
from linter.printable import display_name
from linter.rulepages import dated as _dated
from linter.rulepages import paragraph as _paragraph
from linter.unusable import Unusable, exits_two_when_unusable, usage

if TYPE_CHECKING:
    from checks import facts
    from linter import engine
    from linter.cache import Cache
    from linter.loader import LoadError

#: what each command-line option of ``check`` may set; values None or empty were not given
Options = Mapping[str, Any]


def unusable_files(errors: Sequence[LoadError]) -> Unusable:
    """One located line per file that cannot be used."""
    return Unusable(*(f"{error.position}: error: {error.message}" for error in errors))


def _settings(options: Options, output: str | None = None, start: Path | None = None) -> Settings:
    """The effective settings; ``output`` is an ``--output FILE`` given before
    any ``--format``: it sends the one configured format to FILE. The
    configuration is looked for from ``start`` (default: the working directory)."""
    settings = resolve(options, start)
    if output is not None:
        if options.get("outputs"):
            raise ConfigError("put each --output FILE after the --format it is for")
        if len(settings.outputs) != 1:
            raise ConfigError("--output FILE needs a --format before it when several formats are configured")
        settings.outputs = [OutputSpec(settings.outputs[0].format, output)]
        settings.sources["outputs"] = "command line"
    return settings


def settings_for(options: Options, output: str | None = None, start: Path | None = None) -> Settings:
    """The effective settings of a command, with its --select/--ignore checked."""
    try:
        settings = _settings(options, output, start)
    except ConfigError as error:
        raise usage(str(error)) from None
    from checks import catalogue  # the rule ids, without importing the rules
    from linter.config import unknown_patterns

    unknown = unknown_patterns([*settings.select, *settings.ignore, *settings.severity], catalogue.rules())
    if unknown:
        raise usage(f"no rule matches {', '.join(repr(u) for u in unknown)} (see 'policy-lint rules')")
    return settings


def lint(settings: Settings, as_of: dt.date, *, with_baseline: bool = True, reuse: bool = False) -> engine.Result:
    """Run the catalogue as the settings say; unusable files stop the command.

    A policy file named alone is checked with the policy folder it belongs to,
    and only its findings are reported (see :mod:`linter.scope`). With
    ``reuse`` (``check``, which reads only the findings), a run whose every
    input is as it was when the cache kept its result gives that result again,
    without loading the policy or running a rule (see :mod:`linter.rerun`)."""
    from linter import rerun
    from linter.scope import scope

    where = scope(settings.paths, settings.folders)
    cache = policy_cache(settings, where.load)
    key = rerun.key(settings, where, as_of, with_baseline) if reuse and cache.enabled else None
    result = rerun.kept(cache, key, settings) if key is not None else None
    if result is None:
        from linter import engine

        result = engine.run(
            where.load,
            as_of,
            settings.select,
            settings.ignore,
            waivers=settings.waivers,
            baseline=settings.baseline if with_baseline else None,
            severity=settings.severity,
            report=where.report,
            signoff=settings.signoff,
            signoff_months=settings.signoff_period_months,
            cache=cache,
        )
        if key is not None and not result.load_errors:
            rerun.keep(cache, key, result)
    _checked_alone(where.alone, result, settings.folders)
    if result.load_errors:
        raise unusable_files(result.load_errors)
    return result


def policy_cache(settings: Settings, paths: Sequence[str]) -> Cache:
    """The cache of the policy files under ``paths``, as the settings place it (or none)."""
    from linter.cache import open_cache
    from linter.config import cache_folder

    return open_cache(cache_folder(settings), paths)


def _checked_alone(alone: Sequence[str], result: engine.Result, folders: Sequence[str]) -> None:
    """Stop, saying plainly why, rather than report ids as undefined that a file
    checked alone cannot resolve: when a file in no policy folder refers to ids
    it does not define and other policy files sit around it. (With none around
    it, it is a policy of its own and its undefined ids are real findings.)"""
    if not alone:
        return
    from linter.build import DANGLING_RULE
    from linter.scope import surrounding_folder

    for file in alone:
        dangling = [f for f in result.findings if f.rule == DANGLING_RULE and _same_file(f.file, file)]
        folder = surrounding_folder(file) if dangling else None
        if folder is None:
            continue
        ids = ", ".join(sorted({f"'{finding.detail}'" for finding in dangling}))
        raise usage(
            f"{file} refers to {ids}, defined in no file it was checked with: a policy file is checked with its "
            f"policy folder, and {file} is in none ({', '.join(folders)}); check the folder (policy-lint check "
            f"{folder}) or name it in [tool.policy-lint] paths"
        )


def _same_file(shown: str, file: str) -> bool:
    """Whether a finding's file (as messages show it) is ``file``."""
    try:
        return os.path.samefile(shown, file)
    except (OSError, ValueError):  # a name shown escaped is no path
        return False


def ensure_writable(target: str | os.PathLike[str], read: Sequence[str], settings: Settings) -> None:
    """Stop unless ``target`` may take an output: never a file the run reads."""
    from linter.files import output_problem

    problem = output_problem(target, [*read, *([str(settings.file)] if settings.file else [])])
    if problem:
        raise usage(problem)


def write(target: str | os.PathLike[str], text: str) -> None:
    """Write an output atomically; a failure stops the command."""
    from linter.files import OutputError, write_atomic

    try:
        write_atomic(target, text)
    except OutputError as error:
        raise usage(str(error)) from None
    except OSError as error:
        raise usage(f"{display_name(target)}: cannot write: {error.strerror or error}") from None


def write_out(text: str, colour: bool = False) -> None:
    """Write an output to standard output; a closed or full one stops the command."""
    from linter.files import OutputError, write_stdout

    try:
        write_stdout(text, colour)
    except OutputError as error:
        raise usage(str(error)) from None


def _check_outputs(specs: Sequence[OutputSpec]) -> str | None:
    to_stdout = [str(spec) for spec in specs if spec.file is None]
    if len(to_stdout) > 1:
        return f"formats {' and '.join(to_stdout)} would both go to standard output; give all but one a FILE"
    files = [os.path.realpath(spec.file) for spec in specs if spec.file is not None]
    if len(set(files)) != len(files):
        return "two formats are written to the same file"
    return None


@exits_two_when_unusable
def check(options: Options, *, as_of: dt.date, exit_zero: bool = False, output: str | None = None) -> int:
    """Lint the policy and write each requested output; exit 0, 1 or 2."""
    from linter.gate import Summary

    settings = settings_for(options, output)
    problem = _check_outputs(settings.outputs)
    if problem:
        raise usage(problem)
    result = lint(settings, as_of, reuse=True)
    summary = Summary.of(result, settings.fail_on, exit_zero)
    for spec in settings.outputs:
        if spec.file is not None:
            ensure_writable(spec.file, result.read_files, settings)
    for spec in sorted(settings.outputs, key=lambda spec: spec.file is None):  # standard output last
        if spec.file is None:
            colour = spec.format == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
            write_out(outputs.render(spec.format, result, summary, colour), colour)
        else:
            write(spec.file, outputs.render(spec.format, result, summary))
    return summary.exit_code


@exits_two_when_unusable
def baseline(options: Options, *, as_of: dt.date, output: str | None, prune: bool = False) -> int:
    """Write today's findings to a baseline file, keyed by fingerprint; with
    ``prune``, only remove the entries of the existing file no finding matches any more."""
    from linter import baseline as baselines
    from linter.loader import LoadError

    settings = settings_for(options)
    target = output or settings.baseline
    if target is None:
        raise usage("no baseline file: give -o FILE or set 'baseline' in [tool.policy-lint]")
    accepted = None
    if prune:
        try:
            accepted = baselines.load(target)
        except LoadError as error:
            raise unusable_files([error]) from None
    result = lint(settings, as_of, with_baseline=False)
    ensure_writable(target, result.read_files, settings)
    if accepted is None:
        write(target, baselines.render(result.findings))
        count = len({finding.fingerprint for finding in result.findings})
        click.echo(f"wrote {count} finding{'' if count == 1 else 's'} to {target}")
        return 0
    found = [*result.findings, *(waived.finding for waived in result.waived)]
    stale = baselines.stale(accepted, found, {rule.id for rule in result.rules})
    kept = [entry for entry in accepted.values() if entry not in stale]
    write(target, baselines.render_entries(kept))
    click.echo(
        f"removed {len(stale)} stale entr{'y' if len(stale) == 1 else 'ies'} from {target}; "
        f"kept {len(kept)} (new findings are not added: run without --prune to record them)"
    )
    return 0


@exits_two_when_unusable
def show_config(options: Options, output: str | None = None) -> int:
    """Print the effective configuration and where each value came from."""
    try:
        settings = _settings(options, output)
    except ConfigError as error:
        raise usage(str(error)) from None
    write_out(describe(settings))
    return 0


@exits_two_when_unusable
def trace(notice: str, options: Options, fmt: str = "text") -> int:
    """Trace the policy to its published notice; exit 0 when every unit is
    traced and no quote is stale, 1 otherwise, 2 on unusable input."""
    from linter import engine, noticetext, tracing

    settings = settings_for(options)
    try:
        published = noticetext.read(notice)
    except noticetext.NoticeError as error:
        raise usage(str(error)) from None
    cache = policy_cache(settings, settings.paths)
    policy, _, errors = engine.load(settings.paths, settings.waivers, settings.signoff, cache)
    if errors:
        raise unusable_files(errors)
    result = tracing.trace(published, tracing.policy_quotes(policy))
    render = tracing.render_json if fmt == "json" else tracing.render_text
    write_out(render(result, len(policy.files)))
    return 0 if result.ok else 1


def _knowledge_row(row: facts.Row) -> dict[str, Any]:
    return {
        "file": row.file,
        "row": row.path,
        "name": row.name,
        "dates": {key: value.isoformat() for key, value in row.dates},
        "citations": [_dated(entry) for entry in row.citations],
        "verdict": row.verdict,
        "verified": row.verified,
    }


def _knowledge_text(row: facts.Row) -> str:
    dates = "  ".join(f"{key} {value}" for key, value in row.dates)
    lines = [f"{row.file} {row.path}  [{row.verdict or 'no note'}]" + (f"  {dates}" if dates else "")]
    if row.name:
        lines.append(_paragraph(row.name))
    for entry in row.citations:
        when = f"({entry.period()}) " if len(row.citations) > 1 or entry.start or entry.end else ""
        lines.append(_paragraph(f"citation: {when}{entry.text}"))
    lines.append(_paragraph(f"verified: {row.verified}" if row.verified else "verified: (no note)"))
    return "\n".join(lines)


@exits_two_when_unusable
def knowledge(files: Sequence[str] = (), fmt: str = "text") -> int:
    """List every knowledge row (of ``files``, default all): its dates, citations and verification."""
    from checks import facts

    known = facts.knowledge_files()
    names: list[str] = []
    for given in files:
        name = Path(given).name.removesuffix(".yaml")
        if name not in known:
            import difflib

            guesses = difflib.get_close_matches(name, known, n=1)
            hint = f"; did you mean {guesses[0]}?" if guesses else f"; known files: {', '.join(known)}"
            raise usage(f"no knowledge file {given!r}{hint}")
        names.append(name)
    listed = [row for name in names or known for row in facts.rows(name)]
    if fmt == "json":
        click.echo(json.dumps([_knowledge_row(row) for row in listed], indent=2, ensure_ascii=False))
        return 0
    for row in listed:
        click.echo(_knowledge_text(row) + "\n")
    verdicts: dict[str, int] = {}
    for row in listed:
        verdicts[row.verdict or "no note"] = verdicts.get(row.verdict or "no note", 0) + 1
    shown = ", ".join(f"{count} {verdict}" for verdict, count in sorted(verdicts.items(), key=lambda item: -item[1]))
    files_count = len(names or known)
    click.echo(f"{len(listed)} rows in {files_count} file{'' if files_count == 1 else 's'}: {shown}")
    return 0


@exits_two_when_unusable
def json_schema(output: str | None = None) -> int:
    """Print (or write to ``output``) the JSON Schema of a policy file."""
    from linter import schema_json
    from linter.files import output_problem

    text = schema_json.render()
    if output is None:
        click.echo(text, nl=False)
        return 0
    problem = output_problem(output, [])
    if problem is not None:
        raise usage(problem)
    write(output, text)
    return 0


def _values_text(vocabulary: Any) -> str:
    """One vocabulary as ``values`` prints it: the field, what it takes, one value a line."""
    source = f" (policy-lint knowledge {vocabulary.knowledge})" if vocabulary.knowledge else ""
    heading = ", ".join(vocabulary.fields)
    lines = [f"{heading}: {vocabulary.title if vocabulary.knowledge else vocabulary.about}{source}"]
    if vocabulary.knowledge:
        lines.append(_paragraph(vocabulary.about))
    width = min(max((len(value.value) for value in vocabulary.values), default=0), 32)
    for value in vocabulary.values:
        said = "; ".join(part for part in (value.meaning, *value.notes) if part)
        lines.append(f"  {value.value:<{width}}  {said}".rstrip())
    lines.append(f"  (docs/reference/{vocabulary.page}.md)")
    return "\n".join(lines)


@exits_two_when_unusable
def values(field: str | None = None, fmt: str = "text") -> int:
    """The values (or the form) a field takes, from the schemas and the knowledge files;
    without a field, every field that has them."""
    from checks import reference

    if field is None:
        found = list(reference.vocabularies())
    else:
        found = reference.lookup(field)
        if not found:
            names = sorted({name for vocabulary in reference.vocabularies() for name in vocabulary.fields})
            ends = sorted({name.rsplit(".", 1)[-1] for name in names})
            import difflib

            guesses = difflib.get_close_matches(field.strip().lower(), [*names, *ends], n=3)
            hint = f"; did you mean {' or '.join(guesses)}?" if guesses else " (policy-lint values lists them all)"
            raise usage(f"no field {field!r} with a fixed set of values or a format{hint}")
    if fmt == "json":
        rows = [
            {
                "title": vocabulary.title,
                "fields": list(vocabulary.fields),
                "about": vocabulary.about,
                "knowledge": vocabulary.knowledge or None,
                "values": [
                    {"value": value.value, "meaning": value.meaning, "notes": list(value.notes)}
                    for value in vocabulary.values
                ],
            }
            for vocabulary in found
        ]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    if field is None:
        width = max(len(", ".join(vocabulary.fields)) for vocabulary in found)
        for vocabulary in found:
            what = vocabulary.title if vocabulary.knowledge else vocabulary.about
            count = f" ({len(vocabulary.values)} values)" if vocabulary.values else ""
            click.echo(f"{', '.join(vocabulary.fields):<{width}}  {what}{count}")
        click.echo("\npolicy-lint values FIELD lists the values of one field (FIELD may be its last part: starts).")
        return 0
    click.echo("\n\n".join(_values_text(vocabulary) for vocabulary in found))
    return 0


def _in_terminal() -> bool:
    """True when someone can answer prompts (init asks for what the options do not give)."""
    return sys.stdin.isatty()


@exits_two_when_unusable
def init(folder: str, kind: str | None, name: str | None, school_type: str | None, as_of: dt.date) -> int:
    """Write a starter policy into ``folder``; ask for what is missing in a terminal, else stop."""
    from linter import starter

    if _in_terminal():
        if kind is None:
            kind = click.prompt("Kind of organisation", type=click.Choice(starter.KINDS))
        if name is None:
            name = click.prompt("Its name, as the notice will give it", type=str)
        if kind == "school" and school_type is None:
            school_type = click.prompt("Type of school", type=click.Choice(starter.SCHOOL_TYPES))
    missing = [option for option, value in (("--kind", kind), ("--name", name)) if value is None]
    if kind == "school" and school_type is None:
        missing.append("--school-type")
    if missing:
        raise usage(f"init needs {' and '.join(missing)} when it is not run in a terminal")
    assert kind is not None and name is not None
    try:
        written = starter.write(
            starter.render(kind, name, school_type=school_type, as_of=as_of, folder=folder), Path(folder)
        )
    except starter.StarterError as error:
        raise usage(str(error)) from None
    except OSError as error:
        raise usage(f"{folder}: cannot write: {error.strerror or error}") from None
    click.echo(f"wrote {len(written)} files to {folder}: {', '.join(path.name for path in written)}")
    click.echo(f"next: policy-lint check {folder}   (each TODO it lists says what to write)")
    return 0

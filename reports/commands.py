"""The ``report``, ``ropa`` and ``diff`` commands as plain functions returning an exit code.

Jinja2 is imported only when the HTML report is rendered, so ``check`` (and
``ropa``, ``diff``) never pay for it. Each output goes to a file, written
atomically, or to standard output when it is ``-``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import click

from linter import engine
from linter.commands import (
    ensure_writable,
    lint,
    policy_cache,
    settings_for,
    unusable_files,
    write,
    write_out,
)
from linter.config import ConfigError, Settings, resolve
from linter.files import locate_record
from linter.gate import Summary
from linter.loader import LoadError
from linter.signoff import DEFAULT_FILE as DEFAULT_SIGNOFF
from linter.unusable import exits_two_when_unusable, usage
from linter.waivers import DEFAULT_FILE as DEFAULT_WAIVERS

#: command-line values as :func:`linter.config.resolve` takes them
Options = Mapping[str, Any]
#: the output name that means standard output
STDOUT = "-"


def _emit(output: str | None, text: str) -> None:
    """Write ``text`` to ``output`` (atomically), or to standard output for ``-`` or None."""
    if output is None or output == STDOUT:
        write_out(text)
        return
    write(output, text)


def _check_target(output: str | None, read: Sequence[str], settings: Settings) -> None:
    if output is not None and output != STDOUT:
        ensure_writable(output, read, settings)


def _record_files(paths: Sequence[str], waivers: str | None = None, signoff: str | None = None) -> list[Path]:
    """The waiver and sign-off files for ``paths`` (never read as policy): those
    named, else the default ones beside the policy."""
    try:
        return [
            record.path
            for record in (
                *locate_record(paths, waivers, DEFAULT_WAIVERS, "waiver file"),
                *locate_record(paths, signoff, DEFAULT_SIGNOFF, "sign-off file"),
            )
        ]
    except LoadError as error:
        raise unusable_files([error]) from None


@exits_two_when_unusable
def report(options: Options, output: str, *, as_of: dt.date, exit_zero: bool = False, since: str | None = None) -> int:
    """Write the DPO's HTML report. Exit 0 once written, or with ``exit_zero``
    off (``--fail-on`` given), 1 when the gate fails, like ``check``.

    The settings are ``check``'s (command line over ``[tool.policy-lint]``),
    except that no baseline applies: a DPO signs off every finding. ``since``
    names a git revision to show the changes since; by default the revision of
    the last sign-off, when the sign-off record names one.
    """
    settings = settings_for(options)
    result = lint(settings, as_of, with_baseline=False)
    _check_target(output, result.read_files, settings)
    summary = Summary.of(result, settings.fail_on, exit_zero)

    from reports import html, review
    from reports.revision import policy_revision

    try:
        records = _record_files(settings.paths, settings.waivers, settings.signoff)
        since_last = review.since_sign_off(settings, result, since, records)
    except LoadError as error:
        raise unusable_files([error]) from None
    page = html.render(result, summary, policy_revision(settings.paths), since_last)
    _emit(output, page)
    click.echo(f"wrote {output}: {summary.line()}", err=output == STDOUT)
    return summary.exit_code


@exits_two_when_unusable
def ropa(options: Options, fmt: str, output: str | None, *, as_of: dt.date) -> int:
    """Export the Article 30 record of processing, one row per service."""
    from reports import ropa as register
    from reports.revision import policy_revision

    try:
        settings = resolve(options)
    except ConfigError as error:
        raise usage(str(error)) from None
    policy, read, errors = engine.load(
        settings.paths, settings.waivers, settings.signoff, policy_cache(settings, settings.paths)
    )
    if errors:
        raise unusable_files(errors)
    _check_target(output, read, settings)
    revision = policy_revision(settings.paths)
    text = register.render(policy, fmt, as_of=as_of, revision=str(revision) if revision else "")
    # a byte-order mark lets spreadsheet programs recognise a CSV file as UTF-8
    to_file = output is not None and output != STDOUT
    _emit(output, "\ufeff" + text if fmt == "csv" and to_file else text)
    return 0


@exits_two_when_unusable
def diff(
    options: Options,
    folders: Sequence[str],
    *,
    revisions: str | None,
    fmt: str,
    output: str | None,
    as_of: dt.date,
) -> int:
    """Compare two versions of a policy: two folders, or two git revisions of
    the policy folder (``OLD..NEW``; ``OLD`` alone or ``OLD..`` compares with
    the folder as it is on disk). Exit 0 once written, 2 when unusable."""
    from reports import changes, diffout, snapshot

    if revisions is None and len(folders) != 2:
        raise usage("give two policy folders to compare (OLD NEW), or --rev OLD..NEW with at most one folder")
    if revisions is not None and len(folders) > 1:
        raise usage("with --rev give at most one policy folder (default: 'paths' in [tool.policy-lint])")
    settings = settings_for({**options, "paths": list(folders) if revisions is not None else []})
    skip = _record_files(settings.paths, settings.waivers, settings.signoff) if revisions is not None else []
    try:
        if revisions is None:
            before = snapshot.of_folders([folders[0]], _record_files([folders[0]]))
            after = snapshot.of_folders([folders[1]], _record_files([folders[1]]))
        else:
            old, _, new = revisions.partition("..")
            if not old:
                raise usage(f"--rev {revisions!r}: name the old revision (OLD..NEW, or OLD to compare with the folder)")
            before = snapshot.of_revision(settings.paths, old, skip)
            after = (
                snapshot.of_revision(settings.paths, new, skip) if new else snapshot.of_folders(settings.paths, skip)
            )
    except LoadError as error:
        raise unusable_files([error]) from None
    compared = changes.compare(before, after, as_of, settings.select, settings.ignore)
    read = [document.file for document in (*before.documents, *after.documents)]
    _check_target(output, [*read, *(str(path) for path in skip)], settings)
    _emit(output, diffout.render(fmt, compared))
    return 0

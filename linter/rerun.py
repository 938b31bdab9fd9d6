"""A run again with nothing changed: the result the cache kept, without a rule run.

The rules read the whole policy, so a policy file that changed means every
rule runs again (its unchanged files still come from the cache's documents).
When *nothing* changed, running them again can only give the same findings:
``check`` keeps its result in the cache (:meth:`linter.cache.Cache.keep_result`)
under a key made of everything the result depends on, and a later ``check``
with the same key gives that result without loading the policy or importing a
rule:

* the code and knowledge of policy-lint and of the libraries that read and
  validate the policy (:func:`linter.cache.code_fingerprint`);
* the evaluation date and every setting that changes what is found or
  reported (paths, selected and ignored rules, severities, waiver, baseline
  and sign-off files, the sign-off period), and the working directory;
* the name and bytes of every file under the policy folders checked (policy
  files, waivers, sign-off) and of the waiver, baseline and sign-off files the
  settings name.

A file that cannot be read gives no key: the run goes the usual way and
reports it. Only ``check`` reuses results: ``report`` and the exports read the
policy itself.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from typing import TYPE_CHECKING

from linter.cache import FORMAT, Cache, code_fingerprint

if TYPE_CHECKING:
    from linter.config import Settings
    from linter.result import Result
    from linter.scope import Scope


def key(settings: Settings, where: Scope, as_of: dt.date, with_baseline: bool) -> str | None:
    """The key of a run's inputs, or None when one cannot be read."""
    from linter.inputs import BASELINE_LIMITS, LIMITS, InputFile, LoadError, discover, read_bytes

    named = [settings.waivers, settings.baseline if with_baseline else None, settings.signoff]
    described = {
        "format": FORMAT,
        "code": code_fingerprint(),
        "cwd": os.getcwd(),
        "as_of": as_of.isoformat(),
        "load": [os.path.realpath(path) for path in where.load],
        "shown": where.load,
        "report": None if where.report is None else [(path, os.path.realpath(path)) for path in where.report],
        "select": settings.select,
        "ignore": settings.ignore,
        "severity": sorted((rule, level.value) for rule, level in settings.severity.items()),
        "named": named,
        "signoff_months": settings.signoff_period_months,
    }
    digest = hashlib.blake2b(json.dumps(described, sort_keys=True).encode("utf-8", "surrogateescape"), digest_size=20)
    try:
        files = discover(where.load)
    except (LoadError, OSError, ValueError):  # the run reports it
        return None
    inputs: list[tuple[str, InputFile | None]] = [(str(file.path), file) for file in files]
    inputs += [(path, None) for path in named if path is not None]
    for name, source in inputs:
        # read as the run reads them: regular files only, within their budget
        try:
            if source is not None:
                data = read_bytes(source.path, source.display, within=source.within, limit=LIMITS.file_bytes)
            elif os.path.lexists(name):
                data = read_bytes(name, limit=BASELINE_LIMITS.file_bytes)
            else:
                data = b"\0missing"  # a named file that is not there: the run reports it when it must
        except (LoadError, OSError, ValueError):
            return None  # the run reports it
        digest.update(f"\0{name}\0{len(data)}\0".encode("utf-8", "surrogateescape"))
        digest.update(hashlib.blake2b(data, digest_size=20).digest())
    return digest.hexdigest()


def kept(cache: Cache, run_key: str, settings: Settings) -> Result | None:
    """The result kept under ``run_key``, or None (a miss, or a kept result that does not read back)."""
    data = cache.result(run_key)
    if data is None:
        return None
    from checks import catalogue
    from linter.config import with_severity
    from linter.result import from_cache

    rules = {rule.id: rule for rule in with_severity(list(catalogue.rules().values()), settings.severity)}
    try:
        return from_cache(data, rules)
    except (KeyError, TypeError, ValueError):
        return None


def keep(cache: Cache, run_key: str, result: Result) -> None:
    from linter.result import to_cache

    cache.keep_result(run_key, to_cache(result))

"""The CI gate: counts by severity and whether the run fails the threshold."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from linter.findings import Severity
from linter.result import Result


@dataclass(frozen=True, slots=True)
class Summary:
    errors: int
    warnings: int
    info: int
    files: int
    rules: int
    as_of: str
    fail_on: Severity
    #: the gate's verdict: a finding at or above fail_on (whatever --exit-zero says)
    failed: bool
    #: --exit-zero: report the verdict but exit 0
    exit_zero: bool = False
    #: findings a current waiver accepts (never counted above)
    waived: int = 0
    #: findings the baseline accepts (never counted above); None: no baseline
    baselined: int | None = None
    #: baseline entries no finding matches any more (fixed since); None: no baseline
    stale: int | None = None

    @classmethod
    def of(cls, result: Result, fail_on: Severity, exit_zero: bool = False) -> Summary:
        counts = Counter(finding.severity for finding in result.findings)
        failed = any(finding.severity.rank >= fail_on.rank for finding in result.findings)
        return cls(
            errors=counts[Severity.ERROR],
            warnings=counts[Severity.WARNING],
            info=counts[Severity.INFO],
            files=len(result.policy_files if result.reported_files is None else result.reported_files),
            rules=len(result.rules),
            as_of=result.as_of.isoformat(),
            fail_on=fail_on,
            failed=failed,
            exit_zero=exit_zero,
            waived=len(result.waived),
            baselined=None if result.baselined is None else len(result.baselined),
            stale=None if result.baselined is None else len(result.stale_baseline),
        )

    @property
    def exit_code(self) -> int:
        """1 when the gate fails, unless --exit-zero asked to report without failing."""
        return 1 if self.failed and not self.exit_zero else 0

    def line(self) -> str:
        def plural(count: int, word: str) -> str:
            if count != 1 and word.endswith("entry"):
                return f"{count} {word[:-1]}ies"
            return f"{count} {word}{'' if count == 1 or word == 'info' else 's'}"

        verdict = "FAIL" if self.failed else "pass"
        accepted = f"; {self.waived} waived" if self.waived else ""
        if self.baselined is not None:
            accepted += f"; {plural(self.baselined, 'finding')} suppressed by the baseline"
        if self.stale:
            accepted += f", {plural(self.stale, 'stale baseline entry')} (fixed since)"
        return (
            f"{verdict}: {plural(self.errors, 'error')}, {plural(self.warnings, 'warning')}, "
            f"{plural(self.info, 'info')} in {plural(self.files, 'file')} "
            f"({plural(self.rules, 'rule')}, as of {self.as_of}, failing on {self.fail_on.value}){accepted}"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "errors": self.errors,
            "warnings": self.warnings,
            "info": self.info,
            "files": self.files,
            "rules": self.rules,
            "as_of": self.as_of,
            "fail_on": self.fail_on.value,
            "failed": self.failed,
            "waived": self.waived,
            "baselined": self.baselined,
            "stale_baseline": self.stale,
        }

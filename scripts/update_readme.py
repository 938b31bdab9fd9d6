#!/usr/bin/env python3
"""Refresh the README's sample output from the shipped policy (not a test).

    python scripts/update_readme.py [--as-of 2026-11-24]

Rewrites what stands between ``<!-- begin:check -->`` and ``<!-- end:check -->``
with the real output of ``policy-lint check policy/``, so the README never
shows output the tool does not give.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def check_section(as_of: str) -> str:
    run = subprocess.run(
        [sys.executable, "-m", "linter.cli", "check", "policy/", "--as-of", as_of],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = run.stdout.rstrip("\n").splitlines()
    summary = lines[-1]
    # a finding is its line and any indented line under it (the entities one cause affects)
    entries: list[list[str]] = []
    for line in lines[:-1]:
        if line[:1].isspace() and entries:
            entries[-1].append(line)
        else:
            entries.append([line])
    errors = ["\n".join(entry) for entry in entries if entry[0].split(": ", 1)[1].split(" ", 2)[1] == "error"]
    counts = re.search(r"(\d+) errors?, (\d+) warnings?, (\d+) info", summary)
    assert counts, summary
    return f"""\
On {as_of} the shipped policy gives {counts[1]} errors, {counts[2]} warnings and
{counts[3]} info findings (exit code {run.returncode}). Each line is
`file:line:column: RULE severity message`; `policy-lint explain RULE` tells what
a rule checks, why, the law it rests on and the fix. The errors:

```text
$ policy-lint check policy/
{chr(10).join(errors)}
...
{summary}
```

<details><summary>The full output ({len(entries)} findings)</summary>

```text
{chr(10).join(lines)}
```

</details>"""


def replace(text: str, name: str, body: str) -> str:
    pattern = re.compile(rf"(<!-- begin:{name} -->\n).*?(<!-- end:{name} -->)", re.DOTALL)
    if not pattern.search(text):
        raise SystemExit(f"README.md has no <!-- begin:{name} --> ... <!-- end:{name} --> block")
    return pattern.sub(lambda match: match[1] + body + "\n" + match[2], text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--as-of", default="2026-11-24")
    args = parser.parse_args()
    readme = ROOT / "README.md"
    readme.write_text(replace(readme.read_text(encoding="utf-8"), "check", check_section(args.as_of)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

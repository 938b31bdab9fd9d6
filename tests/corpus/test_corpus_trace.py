"""Every encoded corpus notice traces to its published text: `policy-lint trace`
finds no untraced statement and no stale quote (statements deliberately not
encoded are listed, with a reason, under the notice's ``trace_ignore``)."""

from __future__ import annotations

from pathlib import Path

from support import cli, shared

CORPUS = Path(__file__).resolve().parent


def test_every_encoded_notice_traces_to_its_published_text() -> None:
    failures = []
    corpus = shared("corpus")
    for policy in sorted(folder for folder in CORPUS.glob("*/policy") if folder.is_dir()):
        name = policy.parent.name
        notice = corpus / f"{name}.txt"
        if not notice.is_file():
            failures.append(f"{name}: no published notice {notice}")
            continue
        code, out, err = cli("trace", str(notice), str(policy))
        if (code, err) != (0, ""):
            failures.append(f"{name}: exit {code}\n{out}{err}")
    assert not failures, "\n".join(failures)

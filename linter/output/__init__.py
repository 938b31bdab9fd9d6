"""Output formats. Each module renders a :class:`~linter.engine.Result` and its
:class:`~linter.gate.Summary` as text; only the one asked for is imported, so
that ``check`` starts fast."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from linter.gate import Summary
    from linter.result import Result

FORMATS = ("text", "json", "sarif", "junit", "github")


def to_json(document: Any) -> str:
    """``document`` as indented JSON text and a final newline. Encoded piece by
    piece into one buffer: ``json.dumps(indent=...)`` keeps every piece in a
    list until the end, several times the size of the text for a run with tens
    of thousands of findings."""
    import io
    import json

    buffer = io.StringIO()
    for chunk in json.JSONEncoder(indent=2, ensure_ascii=False).iterencode(document):
        buffer.write(chunk)
    buffer.write("\n")
    return buffer.getvalue()


def render(name: str, result: Result, summary: Summary, colour: bool = False) -> str:
    """The run in format ``name`` (one of :data:`FORMATS`)."""
    if name == "text":
        from linter.output import text

        return text.render(result, summary, colour)
    if name == "json":
        from linter.output import json_

        return json_.render(result, summary)
    if name == "sarif":
        from linter.output import sarif

        return sarif.render(result, summary)
    if name == "junit":
        from linter.output import junit

        return junit.render(result, summary)
    if name == "github":
        from linter.output import github

        return github.render(result, summary)
    raise ValueError(f"unknown format {name!r}")

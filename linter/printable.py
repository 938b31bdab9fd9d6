"""Text that is safe to print on one line of a terminal or a CI log.

Policy files, file names and configuration are written by many people; a
string from them must not be able to start a line of its own in a log (where a
line beginning ``::error`` or ``::add-mask::`` is a GitHub workflow command),
move the cursor, or carry bytes that are not UTF-8. :func:`printable` escapes
every character that could, and :func:`display_name` turns a path of any bytes
into the name messages show.
"""

from __future__ import annotations

import os
import re

#: C0 controls, DEL, C1 controls, the Unicode line and paragraph separators,
#: bidirectional overrides and isolates (which reorder what a reader sees), and
#: lone surrogates (the stand-ins Python uses for bytes that are not UTF-8)
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control, separator, bidirectional and undecodable
    character written as an escape (``\\n``, ``\\x1b``, ``\\u2028``): one line,
    valid UTF-8, shown as it is stored."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_escape, text)


def display_name(path: str | os.PathLike[str]) -> str:
    """How messages and every output format name a file: its path as given,
    with bytes that are not UTF-8 and control characters escaped."""
    return printable(os.fspath(path))

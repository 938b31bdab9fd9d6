"""A published privacy notice as located units: headings, bullets and sentences.

``policy-lint trace`` compares a notice with the ``trace`` quotes of a policy.
This module reads the notice (plain text, Markdown or HTML; never a URL) and
splits it into the units that must each be traced, every one with the line of
the notice file where it starts and the heading it stands under.

How each format is split:

* **HTML** is read with the standard library's :mod:`html.parser`; the text of
  ``script``, ``style``, ``template``, ``svg`` and ``head`` is dropped.
  ``h1``-``h6`` are headings, and so is a block whose text is all bold
  (``<p><strong>Your rights</strong></p>``) when it reads as a heading (see
  plain text below); ``li`` items are bullets, and the text of every other
  block (``p``, ``td``, ``dd``, ``div`` ...) is split into sentences. A
  ``br`` ends a unit, as do the start and end of every block element.
* **Markdown**: ATX (``# Title``) and setext (underlined) headings, a
  one-line paragraph all in bold that reads as a heading, list items
  (``-``, ``*``, ``+``, ``1.``, ``1)``) with their continuation lines, table
  cells, and paragraphs split into sentences. Links, images, emphasis, inline
  code, inline HTML and entities are reduced to their text; a hard line break
  (two trailing spaces or a backslash) ends a unit.
* **Plain text** has no markup, so it is read with these heuristics:

  - blocks are separated by blank lines;
  - a line that starts with a bullet marker (a bullet such as U+2022 or
    U+25E6, a middle dot, ``-``, ``*``, ``+``, an en dash, a number ``1.`` /
    ``1)`` or a letter ``(a)`` / ``a)``) starts a bullet; the unmarked lines after it in the same block
    continue it;
  - a block of one line is a heading when it does not end with ``.`` ``,``
    ``;`` ``:`` or ``!`` (a ``?`` is allowed: many headings are questions), is
    not a ``label: value`` line (``Telephone: 0303 ...``), holds no e-mail or
    web address, is one sentence and
    has at most :data:`HEADING_MAX_WORDS` words (the longest heading of the ten
    real notices in the corpus has 15; the sentences that lack a full stop
    have more);
  - other lines of a block form one paragraph, split into sentences, when the
    text runs on across a line break (a line ending in a letter, digit, comma,
    semicolon or hyphen followed by a line that starts with a word in lower
    case, not an e-mail or web address nor a ``label: value`` line): that is
    prose wrapped at a fixed width;
    otherwise each line stands for itself (an address, a list of contact
    details, a header of ``key: value`` fields) and is split on its own.

Sentences are split on ``.``, ``!`` or ``?`` (and any closing quote or bracket)
followed by white space and a capital letter, except after an abbreviation
(:data:`ABBREVIATIONS`, such as "e.g.", "i.e.", "etc.", "No.") or an initial
("J.", "U.K."). A bullet with several sentences gives one unit per sentence,
all of kind ``bullet`` and sharing the bullet's ``block`` number.
"""

from __future__ import annotations

import bisect
import html
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Kind = Literal["heading", "bullet", "sentence"]

#: a notice larger than this is refused: no privacy notice comes near it
MAX_BYTES = 20 * 1024 * 1024
#: a one-line block with more words than this is a sentence, not a heading
HEADING_MAX_WORDS = 15
#: words that end with a full stop without ending a sentence (compared in lower case)
ABBREVIATIONS = frozenset(
    """e.g. eg. i.e. ie. etc. viz. cf. vs. v. no. nos. nr. mr. mrs. ms. dr. prof. st. rev. hon. co. ltd.
    inc. dept. govt. approx. incl. esp. fig. para. paras. art. arts. reg. regs. sec. s. ss. sch. ch. pt.
    p. pp. vol. tel. ext. jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.""".split()  # noqa: SIM905
)

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")


class NoticeError(Exception):
    """A notice that cannot be read: one line, and the command exits 2."""


@dataclass(frozen=True, slots=True)
class Unit:
    """One heading, bullet or sentence of the notice, where it starts."""

    kind: Kind
    #: the text as the notice gives it, white space collapsed
    text: str
    #: the line of the notice file where the unit starts (from 1)
    line: int
    #: the heading it stands under ("" before the first heading)
    section: str
    #: the number of the heading, bullet or paragraph it comes from: the
    #: sentences of one bullet share it
    block: int


@dataclass(frozen=True, slots=True)
class Notice:
    """A published notice: its file, format and units in reading order."""

    file: str
    format: Literal["text", "markdown", "html"]
    units: tuple[Unit, ...]

    @property
    def headings(self) -> list[Unit]:
        return [unit for unit in self.units if unit.kind == "heading"]

    def bullets(self) -> list[list[Unit]]:
        """Each bullet of the notice as the list of its sentences."""
        grouped: dict[int, list[Unit]] = {}
        for unit in self.units:
            if unit.kind == "bullet":
                grouped.setdefault(unit.block, []).append(unit)
        return list(grouped.values())


# --------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------

_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)", re.IGNORECASE)


def read(path: str) -> Notice:
    """Read and split the notice at ``path``; :class:`NoticeError` when it
    cannot be used (a URL, missing, a folder, not UTF-8 text, binary)."""
    if _URL.match(path):
        raise NoticeError(f"{path}: is a URL; policy-lint never fetches a notice: save the page and pass the file")
    file = Path(path)
    try:
        if file.is_dir():
            raise NoticeError(f"{path}: is a folder, not a notice file")
        if not file.exists():
            raise NoticeError(f"{path}: no such file")
        with file.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise NoticeError(f"{path}: cannot read: {error.strerror or error}") from None
    if len(data) > MAX_BYTES:
        raise NoticeError(f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MiB; not a privacy notice")
    text = decode(path, data)
    suffix = file.suffix.lower()
    if suffix in HTML_SUFFIXES or (suffix not in MARKDOWN_SUFFIXES and _looks_like_html(text)):
        return Notice(path, "html", split_html(text))
    if suffix in MARKDOWN_SUFFIXES:
        return Notice(path, "markdown", split_markdown(text))
    return Notice(path, "text", split_text(text))


def decode(path: str, data: bytes) -> str:
    """UTF-8 text (a byte-order mark is allowed); binary data is refused."""
    if b"\x00" in data:
        raise NoticeError(f"{path}: is a binary file, not a text, Markdown or HTML notice")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise NoticeError(f"{path}:{line}: is not UTF-8 text (byte 0x{data[error.start]:02x})") from None


def _looks_like_html(text: str) -> bool:
    start = text.lstrip()[:200].lower()
    return start.startswith(("<!doctype html", "<html"))


# --------------------------------------------------------------------------
# Blocks: a run of text of one kind, with the line each part starts on
# --------------------------------------------------------------------------


class _Block:
    """A run of text of one kind, with the line each part of it starts on."""

    __slots__ = ("_length", "_lines", "_newlines", "_parts", "_starts", "_text", "kind")

    def __init__(self, kind: Kind | Literal["paragraph"]) -> None:
        self.kind = kind
        self._parts: list[str] = []
        self._starts: list[int] = []  # offset in the text where each part starts
        self._lines: list[int] = []  # the line each part starts on
        self._length = 0
        self._text: str | None = None
        self._newlines: list[int] | None = None

    def add(self, text: str, line: int) -> None:
        self._starts.append(self._length)
        self._lines.append(line)
        self._parts.append(text)
        self._length += len(text)
        self._text = self._newlines = None

    @property
    def pieces(self) -> int:
        return len(self._starts)

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "".join(self._parts)
            self._parts = [self._text]
        return self._text

    def line_at(self, offset: int) -> int:
        """The line of the notice on which ``offset`` of the text stands."""
        if self._newlines is None:
            self._newlines = [match.start() for match in re.finditer("\n", self.text)]
        part = max(bisect.bisect_right(self._starts, offset) - 1, 0)
        between = bisect.bisect_left(self._newlines, offset) - bisect.bisect_left(self._newlines, self._starts[part])
        return self._lines[part] + between


class _Units:
    """Collects blocks into units, tracking the current heading."""

    def __init__(self) -> None:
        self.units: list[Unit] = []
        self.section = ""
        self.blocks = 0

    def add(self, block: _Block) -> None:
        if not block.text.strip():
            return
        self.blocks += 1
        if block.kind == "heading":
            text = " ".join(block.text.split())
            self.section = text
            self.units.append(Unit("heading", text, block.line_at(_first_text(block.text)), text, self.blocks))
            return
        kind: Kind = "bullet" if block.kind == "bullet" else "sentence"
        for start, sentence in sentences(block.text):
            self.units.append(Unit(kind, sentence, block.line_at(start), self.section, self.blocks))


def _lines(text: str) -> list[str]:
    """The lines of ``text`` as an editor numbers them: only LF (or CRLF) ends a line."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def _first_text(text: str) -> int:
    return len(text) - len(text.lstrip())


# --------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------

_BOUNDARY = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")
_OPENERS = "\"'\u201c\u2018(["
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)+$")


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """(offset, sentence) for each sentence of ``text``, white space collapsed."""
    start = 0
    for match in _BOUNDARY.finditer(text):
        following = text[match.end() : match.end() + 2].lstrip(_OPENERS)[:1]
        if not (following.isalpha() and following.isupper()):
            continue
        if text[start : match.start()].strip().isdigit():
            continue  # "1. Introduction": a number, not a sentence
        if text[match.start()] == "." and _abbreviation(text, match.start()):
            continue
        piece = text[start : match.end()]
        if piece.strip():
            yield start + _first_text(piece), " ".join(piece.split())
        start = match.end()
    piece = text[start:]
    if piece.strip():
        yield start + _first_text(piece), " ".join(piece.split())


def _abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` ends an abbreviation or an initial."""
    begin = dot
    while begin > 0 and not text[begin - 1].isspace() and text[begin - 1] not in _OPENERS:
        begin -= 1
    word = text[begin : dot + 1]
    return word.lower() in ABBREVIATIONS or bool(_INITIALS.match(word))


# --------------------------------------------------------------------------
# Plain text
# --------------------------------------------------------------------------

_BULLET = re.compile(
    r"^\s*(?:[\u2022\u25e6\u25aa\u25ab\u2023\u2043\u2219\u00b7\u25cf\u25cb\u25a0\u25a1*+\u2013-]"
    r"|\(?\d{1,3}[.)]|\([a-zA-Z]\)|[a-z]\)|\([ivxIVX]+\))\s+(?=\S)"
)
_NUMBERED = re.compile(r"^\s*\(?\d{1,3}[.)]\s")
#: ``Telephone: 0303 123 1113``, ``source: github:...``: a label, a colon, a value
_LABEL = re.compile(r"^\s*[A-Za-z][\w '/()&-]{0,30}:\s+\S")
_RUNS_ON = re.compile(r"[\w,;-]$")
#: a line that goes on a sentence starts with a word in lower case (not an e-mail address or a web address)
_GOES_ON = re.compile(r"^[a-z][a-z'\u2019-]*[,;:.)]?(?:\s|$)")
_ADDRESS = re.compile(r"@|://|\bwww\.")


def split_text(text: str) -> tuple[Unit, ...]:
    """Split a plain-text notice (see the module's documentation)."""
    units = _Units()
    for block in _text_blocks(_lines(text)):
        units.add(block)
    return tuple(units.units)


def _text_blocks(lines: list[str]) -> Iterator[_Block]:
    group: list[tuple[int, str]] = []
    for number, line in enumerate([*lines, ""], start=1):
        if line.strip():
            group.append((number, line.rstrip()))
        elif group:
            yield from _text_group(group)
            group = []


def _text_group(group: list[tuple[int, str]]) -> Iterator[_Block]:
    if len(group) == 1 and _is_text_heading(group[0][1]):
        heading = _Block("heading")
        heading.add(group[0][1].strip(), group[0][0])
        yield heading
        return
    prose: list[tuple[int, str]] = []
    bullet: _Block | None = None
    for number, line in group:
        marker = _BULLET.match(line)
        if marker:
            yield from _prose(prose)
            prose = []
            if bullet is not None:
                yield bullet
            bullet = _Block("bullet")
            bullet.add(line[marker.end() :] + "\n", number)
        elif bullet is not None:
            bullet.add(line.strip() + "\n", number)
        else:
            prose.append((number, line.strip()))
    yield from _prose(prose)
    if bullet is not None:
        yield bullet


def _is_text_heading(line: str) -> bool:
    if _BULLET.match(line) and not _NUMBERED.match(line):
        return False
    return _heading_shaped(line)


def _heading_shaped(text: str) -> bool:
    """Short, one sentence, no closing full stop: text that reads as a heading."""
    text = " ".join(text.split())
    return (
        bool(text)
        and not text.endswith((".", ",", ";", ":", "!"))
        and not _LABEL.match(text)
        and len(text.split()) <= HEADING_MAX_WORDS
        and len(list(sentences(text))) == 1
        and not _ADDRESS.search(text)
    )


def _prose(lines: list[tuple[int, str]]) -> Iterator[_Block]:
    """One paragraph when the text runs on across a line break, else one per line."""
    if not lines:
        return
    runs_on = any(
        _RUNS_ON.search(before) and _GOES_ON.match(after) and not _LABEL.match(after)
        for (_, before), (_, after) in itertools.pairwise(lines)
    )
    if runs_on:
        paragraph = _Block("paragraph")
        for number, line in lines:
            paragraph.add(line + "\n", number)
        yield paragraph
        return
    for number, line in lines:
        single = _Block("paragraph")
        single.add(line, number)
        yield single


# --------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_THEMATIC = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_MD_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_QUOTE_MARKER = re.compile(r"^ {0,3}>[ ]?")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HARD_BREAK = re.compile(r"(?: {2,}|\\)$")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_STRONG_LINE = re.compile(r"^(\*\*|__)(?=\S)(.+?)(?<=\S)\1$")
_INLINE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image: its alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # link: its text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference link
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),  # autolink
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),  # inline HTML tag
    (re.compile(r"(`+)(.+?)\1"), r"\2"),  # code span
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"\\([!-/:-@\[-`{-~])"), r"\1"),  # backslash escape
]


def _inline(text: str) -> str:
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return html.unescape(text)


def _ends_block(lines: list[str], number: int) -> bool:
    """True when line ``number`` (from 1) is the last line of its paragraph."""
    return number >= len(lines) or not lines[number].strip()


def split_markdown(text: str) -> tuple[Unit, ...]:
    """Split a Markdown notice (see the module's documentation)."""
    # a comment keeps its line breaks, so that later lines keep their numbers
    text = _COMMENT.sub(lambda match: "\n" * match.group().count("\n"), text)
    units = _Units()
    current: _Block | None = None
    item_indent = 0  # a line after a blank line continues an item when indented more than its marker
    gap = False  # a blank line since the last line of the current bullet
    fence = ""
    hard_break = False  # the previous line ended with a hard line break

    def flush() -> None:
        nonlocal current
        if current is not None:
            units.add(current)
        current = None

    lines = _lines(text)
    for number, raw in enumerate(lines, start=1):
        line = raw
        while _QUOTE_MARKER.match(line):
            line = _QUOTE_MARKER.sub("", line, count=1)
        if fence:
            if line.strip().startswith(fence):
                fence = ""
                flush()
            else:
                current = current or _Block("paragraph")
                current.add(line + "\n", number)
            continue
        broke, hard_break = hard_break, bool(_HARD_BREAK.search(line))
        opening = _FENCE.match(line)
        if opening:
            flush()
            fence = opening.group(1)
            continue
        if not line.strip():
            if current is not None and current.kind == "bullet":
                gap = True
            else:
                flush()
            continue
        heading = _ATX.match(line)
        if heading:
            flush()
            block = _Block("heading")
            block.add(_inline(heading.group(2) or ""), number)
            units.add(block)
            continue
        if _SETEXT.match(line) and current is not None and current.kind == "paragraph" and current.pieces == 1:
            current.kind = "heading"
            flush()
            continue
        if _THEMATIC.match(line) or _REFERENCE.match(line) or _TABLE_RULE.match(line):
            flush()
            continue
        item = _MD_ITEM.match(line)
        if item:
            flush()
            gap = False
            current = _Block("bullet")
            item_indent = len(item.group(1))
            current.add(_inline(line[item.end() :].rstrip(" \\")) + "\n", number)
            continue
        if line.lstrip().startswith("|"):
            flush()
            for cell in re.split(r"(?<!\\)\|", line.strip().strip("|")):
                block = _Block("paragraph")
                block.add(_inline(cell.strip()), number)
                units.add(block)
            continue
        if gap and len(line) - len(line.lstrip()) <= item_indent:
            flush()  # after a blank line, only an indented line still belongs to the item
        gap = False
        if current is not None and broke:
            kind = current.kind
            flush()
            current = _Block(kind)
        strong = _STRONG_LINE.match(line.strip())
        if current is None and strong and _heading_shaped(_inline(strong.group(2))) and _ends_block(lines, number):
            block = _Block("heading")  # **Your rights** standing alone
            block.add(_inline(strong.group(2)), number)
            units.add(block)
            continue
        current = current or _Block("paragraph")
        current.add(_inline(line.strip().rstrip("\\")) + "\n", number)
    flush()
    return tuple(units.units)


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------

#: elements whose text is not part of the notice
_DROPPED = frozenset({"script", "style", "template", "svg", "head"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: elements that start and end a unit of their own
_BLOCKS = frozenset(
    """address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main nav ol p pre section summary table tbody td
    tfoot th thead tr ul legend option select textarea button label""".split()  # noqa: SIM905
)
#: elements that end when the next one of their kind starts at the same level
_IMPLIED_END = frozenset({"li", "p", "dt", "dd", "td", "th", "tr", "option"})
_CONTAINERS = frozenset({"ul", "ol", "dl", "table", "select"})
_BOLD = frozenset({"b", "strong"})


def split_html(text: str) -> tuple[Unit, ...]:
    """Split an HTML notice (see the module's documentation)."""
    from html.parser import HTMLParser  # only when a notice is HTML

    units = _Units()

    class Reader(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.open: list[str] = []  # open block and dropped elements, innermost last
            self.kinds: list[Kind | Literal["paragraph"]] = []  # the kind of text inside each
            self.counts: dict[str, int] = {}  # how many of each element are open
            self.dropped = 0
            self.block: _Block | None = None
            self.bold = 0  # how many <b> and <strong> are open
            self.all_bold = True  # all the text of the current block is bold

        def flush(self) -> None:
            block = self.block
            if block is not None:
                if block.kind == "paragraph" and self.all_bold and _heading_shaped(block.text):
                    block.kind = "heading"  # <p><strong>Your rights</strong></p>
                units.add(block)
            self.block = None

        def push(self, tag: str) -> None:
            inside = self.kinds[-1] if self.kinds else "paragraph"
            self.kinds.append("heading" if tag in _HEADINGS else "bullet" if tag == "li" else inside)
            self.open.append(tag)
            self.counts[tag] = self.counts.get(tag, 0) + 1
            if tag in _DROPPED:
                self.dropped += 1

        def pop(self) -> str:
            tag = self.open.pop()
            self.kinds.pop()
            self.counts[tag] -= 1
            if tag in _DROPPED:
                self.dropped -= 1
            return tag

        def is_open(self, tag: str) -> bool:
            return self.counts.get(tag, 0) > 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in _BOLD:
                self.bold += 1
            if tag == "body" and self.is_open("head"):  # a head left open ends at the body
                self.end("head")
            if tag in _DROPPED:
                self.flush()
                self.push(tag)
            elif tag == "br":
                self.flush()
            elif tag in _BLOCKS:
                self.flush()
                if tag != "hr":
                    if tag in _IMPLIED_END and self.is_open(tag) and not self.nested(tag):
                        self.end(tag)  # <li>a<li>b: the first item ends where the second starts
                    self.push(tag)

        def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "br" or (tag in _BLOCKS and tag not in _DROPPED):
                self.flush()

        def handle_endtag(self, tag: str) -> None:
            if tag in _BOLD:
                self.bold = max(self.bold - 1, 0)
            if self.is_open(tag):
                self.end(tag)
            elif tag == "br":
                self.flush()

        def end(self, tag: str) -> None:
            while self.open and self.pop() != tag:
                pass
            self.flush()

        def nested(self, tag: str) -> bool:
            """True when a list or table opened inside the last open ``tag``
            (a nested list: its items do not end the outer item)."""
            for above in reversed(self.open):
                if above == tag:
                    return False
                if above in _CONTAINERS:
                    return True
            return False

        def handle_data(self, data: str) -> None:
            if self.dropped or not data:
                return
            kind = self.kinds[-1] if self.kinds else "paragraph"
            if self.block is not None and self.block.kind != kind:
                self.flush()
            if self.block is None:
                if not data.strip():
                    return
                self.block = _Block(kind)
                self.all_bold = True
            if data.strip() and not self.bold:
                self.all_bold = False
            self.block.add(data, self.getpos()[0])

    reader = Reader()
    reader.feed(text)
    reader.close()
    reader.flush()
    return tuple(units.units)

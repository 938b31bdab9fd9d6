"""Splitting a published notice into located headings, bullets and sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter import noticetext
from linter.noticetext import NoticeError, Unit, sentences, split_html, split_markdown, split_text


def shape(units: tuple[Unit, ...]) -> list[tuple[str, str, int]]:
    return [(unit.kind, unit.text, unit.line) for unit in units]


# --------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We hold it. We share it! Do we keep it? Yes.", ["We hold it.", "We share it!", "Do we keep it?", "Yes."]),
        ("Health bodies (e.g. GPs, hospitals) and councils. Then police.", 2),
        ("We share it, i.e. With the NHS. We do.", ["We share it, i.e. With the NHS.", "We do."]),
        ("Courts, tribunals etc. Are told. Fine.", ["Courts, tribunals etc. Are told.", "Fine."]),
        ("Registration No. Z7414053 applies. It is public.", ["Registration No. Z7414053 applies.", "It is public."]),
        ("Written by J. Smith for the U.K. Government. Read it.", 2),
        ("Call Mr. Jones. Or Dr. Patel.", ["Call Mr. Jones.", "Or Dr. Patel."]),
        ("It ended in 2018. The Act applies.", ["It ended in 2018.", "The Act applies."]),
        ("see section 3.2 of it. next is lower case", ["see section 3.2 of it. next is lower case"]),
        ('He said "stop." Then he left.', ['He said "stop."', "Then he left."]),
        ("(as amended.) Then more.", ["(as amended.)", "Then more."]),
        ("It is here. \u2018Quoted\u2019 next.", ["It is here.", "\u2018Quoted\u2019 next."]),
        ("Ends with e.g. Nothing after", ["Ends with e.g. Nothing after"]),
        ("Line one.\n   Line two\n on two lines.", ["Line one.", "Line two on two lines."]),
    ],
)
def test_sentences_split_on_end_marks_before_a_capital_but_not_after_abbreviations(
    text: str, expected: list[str] | int
) -> None:
    found = [sentence for _, sentence in sentences(text)]
    if isinstance(expected, int):
        assert len(found) == expected, found
    else:
        assert found == expected


def test_sentence_offsets_point_at_their_first_character() -> None:
    text = "  First one.   Second one."
    assert [(text[offset], sentence) for offset, sentence in sentences(text)] == [
        ("F", "First one."),
        ("S", "Second one."),
    ]


# --------------------------------------------------------------------------
# Plain text
# --------------------------------------------------------------------------


def test_text_headings_bullets_and_sentences_with_their_lines_and_sections() -> None:
    text = (
        "Privacy notice\n"
        "\n"
        "What do we hold?\n"
        "\n"
        "We hold some data. We keep it safe.\n"
        "\n"
        "  \u2022 your name\n"
        "  \u2022 your address,\n"
        "\n"
        "Who we share it with\n"
        "\n"
        "- the police\n"
        "* the courts. They decide. \n"
        "1. schools\n"
        "(a) the NHS\n"
    )
    assert [(u.kind, u.text, u.line, u.section) for u in split_text(text)] == [
        ("heading", "Privacy notice", 1, "Privacy notice"),
        ("heading", "What do we hold?", 3, "What do we hold?"),
        ("sentence", "We hold some data.", 5, "What do we hold?"),
        ("sentence", "We keep it safe.", 5, "What do we hold?"),
        ("bullet", "your name", 7, "What do we hold?"),
        ("bullet", "your address,", 8, "What do we hold?"),
        ("heading", "Who we share it with", 10, "Who we share it with"),
        ("bullet", "the police", 12, "Who we share it with"),
        ("bullet", "the courts.", 13, "Who we share it with"),
        ("bullet", "They decide.", 13, "Who we share it with"),
        ("bullet", "schools", 14, "Who we share it with"),
        ("bullet", "the NHS", 15, "Who we share it with"),
    ]


def test_the_sentences_of_one_bullet_share_its_block() -> None:
    units = split_text("\u2022 One. Two.\n\u2022 Three\n")
    assert [unit.block for unit in units] == [1, 1, 2]


@pytest.mark.parametrize(
    "line",
    [
        "We keep it for six years.",  # ends with a full stop
        "The following applies:",  # ends with a colon
        "Telephone: 0303 123 1113 (local rate)",  # a label and its value
        "Last updated: 26 May 2025",
        "For Hampshire County Council data protection queries, write to dp@hants.gov.uk",  # an address
        "The Council's officer is A. Person who is the Solicitor. He can be contacted there",  # two sentences
        "If you would like to know more about the functions and duties please see the website here",  # 17 words
        "\u2022 a bullet standing alone",
    ],
)
def test_a_line_standing_alone_is_not_a_heading_when_it_reads_as_a_sentence(line: str) -> None:
    assert split_text(f"{line}\n")[0].kind != "heading"


@pytest.mark.parametrize(
    "line",
    [
        "Your rights",
        "How do I make a complaint about the way the Council has handled my data?",
        "14.1 Right to rectification and erasure",
        "8 INFORMATION THAT WE MAY NEED TO SEND YOU",
        "Information, Advice and Guidance (IAG) service (Preparing for adulthood)",
        "1. Introduction",
    ],
)
def test_a_short_line_standing_alone_is_a_heading(line: str) -> None:
    assert shape(split_text(f"\n{line}\n\n")) == [("heading", line, 2)]


def test_a_block_of_short_lines_gives_one_unit_per_line() -> None:
    text = "Information Commissioner's Office\nWycliffe House\nWater Lane\nWilmslow\nCheshire SK9 5AF\n"
    assert [(unit.text, unit.line) for unit in split_text(text)] == [
        ("Information Commissioner's Office", 1),
        ("Wycliffe House", 2),
        ("Water Lane", 3),
        ("Wilmslow", 4),
        ("Cheshire SK9 5AF", 5),
    ]


def test_the_corpus_header_block_gives_one_unit_per_field() -> None:
    text = "source: github:x/y notice.md (commit abc)\norganisation: A Council\nkind: council\ndate: 2019-05-23\n"
    assert [unit.text for unit in split_text(text)] == [
        "source: github:x/y notice.md (commit abc)",
        "organisation: A Council",
        "kind: council",
        "date: 2019-05-23",
    ]


def test_contact_lines_with_addresses_in_lower_case_stay_apart() -> None:
    text = "GDS Privacy Team\ngds-privacy-office@digital.cabinet-office.gov.uk\n0303 123 1113\n"
    assert len(split_text(text)) == 3


def test_prose_wrapped_at_a_fixed_width_is_joined_and_split_into_sentences() -> None:
    text = (
        "We use Redfern for travel and\n"
        "accommodation bookings. Where the booking is for\n"
        "flights the information will be accessible to\n"
        "their parent company.\n"
    )
    assert shape(split_text(text)) == [
        ("sentence", "We use Redfern for travel and accommodation bookings.", 1),
        ("sentence", "Where the booking is for flights the information will be accessible to their parent company.", 2),
    ]


def test_unmarked_lines_after_a_bullet_continue_it() -> None:
    text = "\u2022 Cabinet Office (GDS),\nThe White Chapel Building,\nLondon, E1 8QS\n\n\u2022 dpo@example.gov.uk\n"
    assert shape(split_text(text)) == [
        ("bullet", "Cabinet Office (GDS), The White Chapel Building, London, E1 8QS", 1),
        ("bullet", "dpo@example.gov.uk", 5),
    ]


def test_an_intro_line_and_its_bullets_in_one_block() -> None:
    text = "We share it with:\n\u2022 police\n\u2022 courts\n"
    assert shape(split_text(text)) == [
        ("sentence", "We share it with:", 1),
        ("bullet", "police", 2),
        ("bullet", "courts", 3),
    ]


# --------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------


def test_markdown_headings_lists_and_paragraphs() -> None:
    text = (
        "# Privacy notice #\n"
        "\n"
        "We hold **some** data about\n"
        "you. We keep [it](https://example.org) safe.\n"
        "\n"
        "Who we share with\n"
        "-----------------\n"
        "\n"
        "- the police\n"
        "* the `courts` and\n"
        "  tribunals\n"
        "1. schools\n"
        "2) the _NHS_\n"
        "\n"
        "   which treats you\n"
        "\n"
        "Set apart\n"
        "\n"
        "***\n"
        "\n"
        "## Rights\n"
    )
    assert [(u.kind, u.text, u.line, u.section) for u in split_markdown(text)] == [
        ("heading", "Privacy notice", 1, "Privacy notice"),
        ("sentence", "We hold some data about you.", 3, "Privacy notice"),
        ("sentence", "We keep it safe.", 4, "Privacy notice"),
        ("heading", "Who we share with", 6, "Who we share with"),
        ("bullet", "the police", 9, "Who we share with"),
        ("bullet", "the courts and tribunals", 10, "Who we share with"),
        ("bullet", "schools", 12, "Who we share with"),
        ("bullet", "the NHS which treats you", 13, "Who we share with"),
        ("sentence", "Set apart", 17, "Who we share with"),
        ("heading", "Rights", 21, "Rights"),
    ]


def test_markdown_inline_markup_is_reduced_to_its_text() -> None:
    text = (
        'See ![the logo](logo.png) and [our charter][c], <span class="x">this</span>, '
        "<https://ico.org.uk>, *emphasis*, __strong__, snake_case_word, a \\* star and &amp; sign.\n"
        "\n"
        "[c]: https://example.org/charter\n"
    )
    assert [unit.text for unit in split_markdown(text)] == [
        "See the logo and our charter, this, https://ico.org.uk, emphasis, strong, snake_case_word, "
        "a * star and & sign."
    ]


def test_markdown_tables_quotes_code_comments_and_hard_breaks() -> None:
    text = (
        "| Record | Period |\n"
        "|--------|-------:|\n"
        "| Adoption | 100 years |\n"
        "\n"
        "> Quoted text. Two sentences.\n"
        "\n"
        "```\n"
        "code line\n"
        "```\n"
        "<!-- a comment\n"
        "over two lines -->\n"
        "ICO  \n"
        "Wycliffe House\\\n"
        "Water Lane\n"
    )
    assert shape(split_markdown(text)) == [
        ("sentence", "Record", 1),
        ("sentence", "Period", 1),
        ("sentence", "Adoption", 3),
        ("sentence", "100 years", 3),
        ("sentence", "Quoted text.", 5),
        ("sentence", "Two sentences.", 5),
        ("sentence", "code line", 8),
        ("sentence", "ICO", 12),
        ("sentence", "Wycliffe House", 13),
        ("sentence", "Water Lane", 14),
    ]


def test_markdown_item_ends_at_an_unindented_paragraph() -> None:
    assert shape(split_markdown("- item\n\nNext paragraph.\n")) == [
        ("bullet", "item", 1),
        ("sentence", "Next paragraph.", 3),
    ]


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------


def test_html_blocks_with_their_lines() -> None:
    text = (
        "<!doctype html>\n"
        "<html><head><title>Page title</title>\n"
        "<style>p { color: red }</style><script>var s = '<p>Not notice text.</p>';</script></head>\n"
        "<body><h1>Privacy notice</h1>\n"
        "<p>We collect your name. We also\n"
        "collect your <b>address</b>, e.g. your postcode.</p>\n"
        "<ul><li>police</li><li>courts<ul><li>family courts</li></ul> and tribunals</li>\n"
        "<li>schools\n"
        "<li>the NHS</ul>\n"
        "<table><tr><th>Record</th><td>Kept for 6 years. Then deleted.</td></tr></table>\n"
        "<p>ICO<br>Wycliffe House<br/>Water Lane</p><h2>Your <em>rights</em></h2>\n"
        "<template><p>Hidden.</p></template><dl><dt>Term</dt><dd>Its meaning &amp; more&rsquo;s.</dd></dl>\n"
        "<svg><text>Chart label</text></svg><p>After the chart.</p>\n"
        "</body></html>\n"
    )
    assert [(u.kind, u.text, u.line, u.section) for u in split_html(text)] == [
        ("heading", "Privacy notice", 4, "Privacy notice"),
        ("sentence", "We collect your name.", 5, "Privacy notice"),
        ("sentence", "We also collect your address, e.g. your postcode.", 5, "Privacy notice"),
        ("bullet", "police", 7, "Privacy notice"),
        ("bullet", "courts", 7, "Privacy notice"),
        ("bullet", "family courts", 7, "Privacy notice"),
        ("bullet", "and tribunals", 7, "Privacy notice"),
        ("bullet", "schools", 8, "Privacy notice"),
        ("bullet", "the NHS", 9, "Privacy notice"),
        ("sentence", "Record", 10, "Privacy notice"),
        ("sentence", "Kept for 6 years.", 10, "Privacy notice"),
        ("sentence", "Then deleted.", 10, "Privacy notice"),
        ("sentence", "ICO", 11, "Privacy notice"),
        ("sentence", "Wycliffe House", 11, "Privacy notice"),
        ("sentence", "Water Lane", 11, "Privacy notice"),
        ("heading", "Your rights", 11, "Your rights"),
        ("sentence", "Term", 12, "Your rights"),
        ("sentence", "Its meaning & more\u2019s.", 12, "Your rights"),
        ("sentence", "After the chart.", 13, "Your rights"),
    ]


def test_html_head_left_open_ends_at_the_body() -> None:
    units = split_html("<html><head><title>T</title><body><p>Visible text.</p></body></html>")
    assert [unit.text for unit in units] == ["Visible text."]


def test_deeply_nested_html_is_read_without_recursion() -> None:
    depth = 20_000
    text = "<div>" * depth + "<p>Deep text. Still here.</p>" + "<li>item" * 2_000 + "</div>" * depth
    units = split_html(text)
    assert [unit.text for unit in units[:2]] == ["Deep text.", "Still here."]
    assert len(units) == 2 + 2_000


def test_unclosed_script_drops_the_rest_but_does_not_fail() -> None:
    assert [unit.text for unit in split_html("<p>Before.</p><script>if (a < b) { x = '</p>'")] == ["Before."]


# --------------------------------------------------------------------------
# Reading a file
# --------------------------------------------------------------------------


def test_format_follows_the_suffix_or_an_html_doctype(tmp_path: Path) -> None:
    (tmp_path / "n.md").write_text("# Title\n\n- item\n", encoding="utf-8")
    (tmp_path / "n.htm").write_text("<h1>Title</h1><li>item</li>", encoding="utf-8")
    (tmp_path / "n.txt").write_text("<!DOCTYPE html><h1>Title</h1><li>item</li>", encoding="utf-8")
    (tmp_path / "plain").write_text("\ufeffTitle\n\n\u2022 item\n", encoding="utf-8")
    for name, fmt in (("n.md", "markdown"), ("n.htm", "html"), ("n.txt", "html"), ("plain", "text")):
        notice = noticetext.read(str(tmp_path / name))
        assert notice.format == fmt
        assert shape(notice.units) == [("heading", "Title", 1), ("bullet", "item", 3 if fmt != "html" else 1)]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("https://example.org/privacy", None, "is a URL; policy-lint never fetches a notice"),
        ("www.example.org/privacy", None, "is a URL"),
        ("missing.txt", None, "no such file"),
        ("folder", "dir", "is a folder, not a notice file"),
        ("binary.txt", b"\x7fELF\x02\x01\x00\x00data", "is a binary file"),
        ("latin1.txt", "Line one\nCaf\u00e9\n".encode("latin-1"), ":2: is not UTF-8 text (byte 0xe9)"),
    ],
)
def test_unusable_notices_raise_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, content: bytes | str | None, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    if content == "dir":
        (tmp_path / name).mkdir()
    elif isinstance(content, bytes):
        (tmp_path / name).write_bytes(content)
    with pytest.raises(NoticeError) as raised:
        noticetext.read(name)
    assert message in str(raised.value)
    assert str(raised.value).startswith(name)
    assert "\n" not in str(raised.value)


def test_a_notice_larger_than_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(noticetext, "MAX_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("word " * 30, encoding="utf-8")
    with pytest.raises(NoticeError, match="larger than"):
        noticetext.read(str(path))


def test_a_huge_line_is_split_in_linear_time(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("We keep it. " * 200_000 + "x" * 1_000_000 + "\n", encoding="utf-8")
    notice = noticetext.read(str(path))
    assert len(notice.units) == 200_000
    assert notice.units[-1].text.endswith("x" * 10)


_PIECES = [*"aB .,:;?!-*\u2022#|>()[]/\\`_&\n\t", "e.g.", "<li>", "</p>", "<br>", "<h2>", "1. ", "  ", "```"]
_NOTICE_LIKE = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(_NOTICE_LIKE)
def test_any_text_splits_into_located_units_without_error(text: str) -> None:
    lines = max(text.count("\n") + 1, 1)
    for split in (split_text, split_markdown, split_html):
        for unit in split(text):
            assert unit.text == " ".join(unit.text.split()) and unit.text
            assert 1 <= unit.line <= lines, (split.__name__, unit)


def test_lines_are_numbered_as_an_editor_numbers_them() -> None:
    text = "Title\r\n\r\nOne\u2028still line three. Next.\x0cSame line.\r\n"
    assert [(unit.text, unit.line) for unit in split_text(text)] == [
        ("Title", 1),
        ("One still line three.", 3),
        ("Next.", 3),
        ("Same line.", 3),
    ]


def test_a_bold_paragraph_that_reads_as_a_heading_is_a_heading() -> None:
    html = (
        "<p><strong>Your rights</strong></p>\n<p>You can <b>complain</b>.</p>\n"
        "<p><b>Note:</b> this applies.</p>\n<div><strong>Who we share with</strong><br></div>\n"
        "<p><b>We keep it for six years.</b></p>\n"
    )
    assert [(u.kind, u.text) for u in split_html(html)] == [
        ("heading", "Your rights"),
        ("sentence", "You can complain."),
        ("sentence", "Note: this applies."),
        ("heading", "Who we share with"),
        ("sentence", "We keep it for six years."),
    ]
    markdown = "**Your rights**\n\nYou can complain.\n\n**Bold start** then more\n\n**Two**\nlines\n"
    assert [(u.kind, u.text) for u in split_markdown(markdown)] == [
        ("heading", "Your rights"),
        ("sentence", "You can complain."),
        ("sentence", "Bold start then more"),
        ("sentence", "Two lines"),
    ]

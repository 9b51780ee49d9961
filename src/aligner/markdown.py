"""Reading a Markdown story as the text its reader sees.

A desk that writes its stories in Markdown (as many CMSs export them) should find
its sentences, not their markup, in every flag and report, and no check should read
a link's brackets, a list's numbers or a heading's ``#`` as text. :func:`read_markdown`
turns a ``.md`` file's text into what the rendered page shows, line for line, so
that reports still point to the file's lines:

* left out: YAML front matter, fenced code, HTML comments, a table's delimiter row
  (:func:`blank_markup`), thematic breaks and setext underlines, link reference
  definitions and images;
* markers taken out: a heading's ``#``, list markers and task boxes, block quotes'
  ``>``, emphasis (:func:`strip_emphasis`), code spans' backticks, backslash
  escapes;
* a link ``[text](url)`` or ``[text][ref]`` is read as its text, and its URL kept
  apart (:attr:`MarkdownText.links`) for the check that compares links.

Sentence offsets then point into the text as read, not into the file.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from aligner.models import Sentence

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdx"})
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)  # unclosed, it hides the rest
# taken out with the space before it, or "he said <!-- x --> that" reads with two
_SPACED_COMMENT = re.compile(r"[ \t]?" + _COMMENT.pattern, re.S)
_NOT_NEWLINE = re.compile(r"[^\n]")
_YAML_LINE = re.compile(r"\s*(?:$|#|-\s|[\"']?[\w-]+[\"']?\s*:|\s)")
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d{1,9}[.)])\s+")
# CommonMark: three or more backticks or tildes; a backtick fence's info string holds
# no backtick (```x``` is inline code), and only as long a run or longer closes it
_FENCE = re.compile(r"(`{3,})(?!.*`)|(~{3,})")
# GFM: the row under a table's header, | --- | :---: |
_TABLE_DELIMITER = re.compile(r"\|?(?:\s*:?-+:?\s*\|)*\s*:?-+:?\s*\|?")

# A link's destination (parentheses inside it balanced, as CommonMark asks) and title.
_DEST = r"<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()]*)*"
_TITLE = r"""(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?"""
_AUTOLINK = r"<[A-Za-z][\w+.-]{1,31}:[^\s<>]*>"
_CODE = r"(?<!`)(?P<ticks>`++)(?P<code>.+?)(?<!`)(?P=ticks)(?!`)"
# CommonMark emphasis: a run of one to three * or _ opening before a non-space and
# closed by the same run after one; _ never inside a word (snake_case, 키_값), * may
# be (**스트레이 키즈**가). Code spans, link destinations and autolinks are matched
# first, to be kept as they are (a URL's /_next_/ is no emphasis).
_EMPHASIS = re.compile(
    rf"(?P<kept>{_CODE}|\]\((?:{_DEST}){_TITLE}\)|{_AUTOLINK})"
    r"|(?<![\\*])(?P<star>\*{1,3})(?=[^\s*])(?P<starred>.*?[^\s*\\])(?P=star)(?!\*)"
    r"|(?<![\\\w])(?P<under>_{1,3})(?=[^\s_])(?P<underlined>.*?[^\s_\\])(?P=under)(?![\w])"
)

# Block markers, as CommonMark reads them. Ordered list numbers have at most three
# digits: "2024. 3. 5." opening a Korean line is a date, no list.
_CONTAINER = re.compile(r"[ \t]*(?:>[ \t]?|(?P<item>[-*+]|\d{1,3}[.)])(?:[ \t]+|$))")
_TASK_BOX = re.compile(r"\[[ xX]\](?:[ \t]+|$)")
_ATX = re.compile(r"[ \t]*#{1,6}(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_THEMATIC_BREAK = re.compile(r"[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*")
_SETEXT_UNDERLINE = re.compile(r"[ \t]{0,3}(?:=+|-+)[ \t]*")
_HARD_BREAK = re.compile(r"(?<!\\)\\$")
_DEFINITION = re.compile(
    r"[ \t]{0,3}\[(?P<label>[^\[\]]*[^\s\[\]][^\[\]]*)\]:"
    rf"[ \t]*(?P<dest><[^<>]*>|\S+){_TITLE}[ \t]*"
)

# Inline markup: code spans first (what they hold is literal), then images, links
# (text in brackets, nested brackets allowed), autolinks and backslash escapes.
_LINK_TEXT = r"(?:[^\[\]\\\n]|\\.|\[[^\[\]\n]*\])*"
_INLINE = re.compile(
    _CODE
    + rf"|[ \t]?!\[{_LINK_TEXT}\](?:\([ \t]*(?:{_DEST}){_TITLE}[ \t]*\)|\[[^\[\]\n]*\])"
    + rf"|\[(?P<text>{_LINK_TEXT})\]"
    + rf"(?:\([ \t]*(?P<dest>{_DEST}){_TITLE}[ \t]*\)|\[(?P<ref>[^\[\]\n]*)\])?"
    + rf"|(?P<autolink>{_AUTOLINK})"
    + r"|\\(?P<escaped>[!-/:-@\[-`{-~])"
)


@dataclass(frozen=True)
class MarkdownText:
    """A Markdown story as its reader sees it.

    Attributes:
        text: the text, with the file's lines (a line left out is empty).
        headings: the 1-based numbers of the lines that are headings.
        list_items: those of the lines that open a list item.
        links: where each link's text starts in ``text``, and the link's destination.
    """

    text: str
    headings: frozenset[int]
    list_items: frozenset[int]
    links: tuple[tuple[int, str], ...]


def read_markdown(text: str) -> MarkdownText:
    """Read a Markdown story as the text its rendered page shows, line for line.

    Example:
        >>> story = read_markdown("## Stocks fall\\n\\n- [KRX](https://krx.co.kr) said so.")
        >>> story.text.split("\\n"), sorted(story.headings), sorted(story.list_items), story.links
        (['Stocks fall', '', 'KRX said so.'], [1], [3], ((13, 'https://krx.co.kr'),))
    """
    text = blank_markup(_SPACED_COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text))
    lines, headings, items, definitions = _read_blocks(text.split("\n"))
    read, links = _read_inline(strip_emphasis("\n".join(lines)), definitions)
    return MarkdownText(read, frozenset(headings), frozenset(items), tuple(links))


def mark_markup(sentences: Sequence[Sentence], story: MarkdownText) -> list[Sentence]:
    """``sentences``, split from ``story.text``, with what the markup said about them:
    whether each is a heading or a list item, and the destinations of its links (a
    link goes with the sentence its text starts in)."""
    ends = [s.end for s in sentences]
    links: defaultdict[int, list[str]] = defaultdict(list)
    for offset, url in story.links:
        links[min(bisect.bisect_right(ends, offset), len(ends) - 1)].append(url)
    return [
        replace(
            s,
            heading=s.line in story.headings,
            list_item=s.line in story.list_items,
            links=tuple(links[s.index]),
        )
        for s in sentences
    ]


def _read_blocks(lines: list[str]) -> tuple[list[str], set[int], set[int], dict[str, str]]:
    """The lines without their block markup; the numbers of headings and list items;
    the link reference definitions, by label."""
    read: list[str] = []
    headings: set[int] = set()
    items: set[int] = set()
    definitions: dict[str, str] = {}
    for number, line in enumerate(lines, start=1):
        follows_text = bool(read and read[-1].strip()) and not {number - 1} & (headings | items)
        if definition := _DEFINITION.fullmatch(line):
            definitions.setdefault(_label(definition["label"]), definition["dest"].strip("<>"))
            line = ""
        elif follows_text and _SETEXT_UNDERLINE.fullmatch(line):
            headings.add(number - 1)
            line = ""
        elif _THEMATIC_BREAK.fullmatch(line):
            line = ""
        else:
            line, heading, item = _strip_block_markers(line)
            if heading:
                headings.add(number)
            if item:
                items.add(number)
        read.append(_HARD_BREAK.sub("", line))
    return read, headings, items, definitions


def _strip_block_markers(line: str) -> tuple[str, bool, bool]:
    """``line`` without its quote, list and heading markers, and whether it is a
    heading and a list item. One list marker at most: "- 1. Kim" is rarely meant as
    two lists."""
    pos, item = 0, False
    while (marker := _CONTAINER.match(line, pos)) and not (item and marker["item"]):
        item = item or marker["item"] is not None
        pos = marker.end()
    if item and (box := _TASK_BOX.match(line, pos)):
        pos = box.end()
    heading = _ATX.match(line, pos)
    if heading:
        pos = heading.end()
        line = line[:pos] + _ATX_CLOSE.sub("", line[pos:])
    return line[pos:], heading is not None, item


def _label(label: str) -> str:
    """A reference label as CommonMark matches it: case and inner spacing ignored."""
    return " ".join(label.split()).casefold()


def _read_inline(text: str, definitions: dict[str, str]) -> tuple[str, list[tuple[int, str]]]:
    """``text`` without its inline markup, and where each link's text starts in it."""
    parts: list[str] = []
    links: list[tuple[int, str]] = []
    size = last = 0
    for match in _INLINE.finditer(text):
        read, found = _render(match, definitions)
        parts += [text[last : match.start()], read]
        size += match.start() - last
        links += [(size + offset, url) for offset, url in found]
        size += len(read)
        last = match.end()
    parts.append(text[last:])
    return "".join(parts), links


def _render(match: re.Match[str], definitions: dict[str, str]) -> tuple[str, list[tuple[int, str]]]:
    """What one piece of inline markup reads as, and the links in it."""
    if match["code"] is not None:
        code = match["code"]
        # CommonMark takes one space off each end: `` `x` `` shows `x`
        return (code[1:-1] if code[0] == code[-1] == " " and code.strip() else code), []
    if match["escaped"]:
        return match["escaped"], []
    if match["autolink"]:
        return match["autolink"][1:-1], []
    if match["text"] is None:
        return "", []  # an image: no text a reader reads
    text, inner = _read_inline(match["text"], definitions)
    if match["dest"] is not None:
        url: str | None = match["dest"].strip("<>")
    else:
        url = definitions.get(_label(match["ref"] or match["text"]))
    if url is None:  # brackets, no link: [사진=연합뉴스]
        ref = "" if match["ref"] is None else f"[{match['ref']}]"
        return f"[{text}]{ref}", [(1 + offset, inner_url) for offset, inner_url in inner]
    return text, [(0, url)] if url else []


def blank_markup(text: str) -> str:
    """``text`` with what a Markdown story holds besides its text turned into spaces,
    so that every sentence keeps its line and offset: HTML comments, YAML front matter
    opening the file (as Jekyll and Hugo write it), fenced code, in a list item
    too (a fence that never closes is left as text: it would hide the rest), and the
    delimiter row of a table (``| --- | :---: |``).

    Example:
        >>> blank_markup("---\\nslug: a\\n---\\nText.<!-- x -->\\n")
        '   \\n       \\n   \\nText.          \\n'
    """
    text = _COMMENT.sub(lambda m: _NOT_NEWLINE.sub(" ", m.group()), text)
    lines = text.split("\n")
    marked: set[int] = set()
    if lines[0].strip() == "---":
        close = next((k for k in range(1, len(lines)) if lines[k].strip() in ("---", "...")), 0)
        # YAML: keys, comments, list items; two rules around prose are no front matter
        if close and all(_YAML_LINE.match(line) for line in lines[1:close]):
            marked.update(range(close + 1))
    opened: tuple[int, str] | None = None  # first line and fence of an open code block
    for k, raw in enumerate(lines):
        line = _LIST_ITEM.sub("", raw.strip(), count=1)
        if opened is not None:
            if line.startswith(opened[1]) and not line.strip(opened[1][0]):
                marked.update(range(opened[0], k + 1))
                opened = None
        elif fence := _FENCE.match(line):
            opened = (k, fence.group(1) or fence.group(2))
        elif "|" in line and _TABLE_DELIMITER.fullmatch(line):
            marked.add(k)
    # an unclosed fence would hide the rest of the story: it is left as text
    return "\n".join(" " * len(line) if k in marked else line for k, line in enumerate(lines))


def strip_emphasis(text: str) -> str:
    """``text`` without the Markdown emphasis markers around its words (``**``, ``*``,
    ``__``, ``_``), as a reader of the story sees it: otherwise they stay in the
    sentences, in every flag's excerpt, and a sentence ending inside them
    (``**He left.** She stayed.``) is not split. Lines keep their numbers, not their
    offsets; code spans, link destinations and autolinks are left as they are.

    Example:
        >>> strip_emphasis("**Stray Kids** topped the *Billboard 200*; `a*b*` and snake_case_name.")
        'Stray Kids topped the Billboard 200; `a*b*` and snake_case_name.'
        >>> strip_emphasis("**A *nested* one**: **스트레이 키즈**가 ___won___, 2 * 3 * 4")
        'A nested one: 스트레이 키즈가 won, 2 * 3 * 4'
    """

    def unmark(match: re.Match[str]) -> str:
        return match["kept"] or match["starred"] or match["underlined"]

    while (stripped := _EMPHASIS.sub(unmark, text)) != text:  # inner emphasis next
        text = stripped
    return text

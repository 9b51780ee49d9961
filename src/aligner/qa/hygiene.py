"""Hygiene checks, reported at info level: spacing, repeated words, brackets, final marks.

* ``whitespace``: a doubled space, a tab, a non-breaking, ideographic or
  zero-width space inside a sentence (segmentation already strips the ends).
* ``repeated_word``: the same word twice in a row ("the the", "있다 있다"), or
  a Korean particle typed again ("정부는 는"), except English words that
  legitimately repeat ("had had", "that that"), names ("Walla Walla") and
  Korean adverbs doubled for emphasis (조금씩 조금씩, 천천히 천천히), and unless
  the other side repeats a word or phrase too, across punctuation or not ("Step
  down, step down") or a short word ("little by little"): an emphasis the
  translator kept.
* ``unbalanced``: a bracket, or a double quote, left open or closed without
  being opened on one side of a pair while the other side's are balanced. All
  double-quote characters count as one (scraped text mixes “ with "), and a
  quote that opens the text or closes it is not counted: a quotation running
  over several sentences leaves exactly that. Pairs flagged ``truncated`` are
  left to that check (see ``SUPERSEDES`` in the registry).
* ``punctuation``: one side of a pair ends with a question mark and the other
  with a full stop or exclamation mark, and has no question mark anywhere (a
  quoted question, ``“Why?” he asked.``, is fine; so is a Korean written-register
  question on a full stop, ``…부를 수 있을까.``, and an interviewer's question as
  Korean outlets print it, ``- 비결은.``, ``얼마가 드나.``). A mark just inside a quote
  that closes a quotation opened mid-sentence (``He asked, "Who?"``) is the
  quotation's, not the sentence's final mark.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from aligner.config import Settings, language_name
from aligner.models import Bead, Document, Flag, Sentence, Severity, Span
from aligner.qa.alignment import DOUBLE_QUOTES, _quote
from aligner.qa.registry import AlignedDocument, register, sentence_subject

__all__ = [
    "bracket_problems",
    "open_quote",
    "final_mark",
    "find_repeated_words",
    "find_unbalanced",
    "find_whitespace",
    "find_punctuation",
    "repeated_word",
    "spacing_problem",
]

_SPACING = (
    (re.compile(r"[ \u00a0]{2,}"), "a doubled space"),
    (re.compile(r"\t"), "a tab"),
    (re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f]"), "a non-breaking or typographic space"),
    (re.compile(r"\u3000"), "an ideographic (full-width) space"),
    # a zero-width joiner inside an emoji sequence (👨‍👩‍👧) is part of the emoji
    (
        re.compile(
            r"[\u200b\u200c\u2060\ufeff]|(?<![\U0001f000-\U0001faff\u2600-\u27bf\ufe0f])\u200d"
        ),
        "an invisible zero-width character",
    ),
)

_REPEAT = re.compile(r"(?<![\w'’-])([^\W\d_][\w'’]*)\s+(\1)(?![\w'’-])", re.IGNORECASE)
# English words that may legitimately follow themselves.
_MAY_REPEAT = frozenset(
    "had that is do bye ha no yes very so knock blah tsk now well there far many long "
    "more again round".split()
)
# Korean doubles an adverb for emphasis: 조금씩 조금씩 (little by little), 천천히 천천히,
# and in speech 정말 정말 고마워요, 너무 너무 좋아요. Not -게, which ends verbs too:
# "있게 있게" is a slip.
_KO_REDUPLICATED = re.compile(r"[가-힣]+(씩|히)|정말|너무|아주|진짜|많이|빨리|어서|계속|자꾸|꼭|더")
# A particle typed again after the word that has it: "정부는 는".
_DOUBLED_PARTICLE = re.compile(r"(?<!\w)[가-힣]+(은|는|을|를)\s+\1(?!\w)")

_BRACKETS = (
    ("(", ")"),
    ("[", "]"),
    ("{", "}"),
    ("「", "」"),
    ("『", "』"),
    ("《", "》"),
    ("〈", "〉"),
)
_CLOSER_OF = dict(_BRACKETS)
_OPENER_OF = {closer: opener for opener, closer in _BRACKETS}
_FULLWIDTH = str.maketrans("（）［］｛｝", "()[]{}")
_QUOTE_EDGE = re.compile(r'^\s*"|"\s*$')
# "1) first", "a) second": list markers close a bracket they never opened; so do
# markers inside a line ("조건은 1) 가격 2) 품질"), where "(900 m)" is no marker.
_ENUMERATOR = re.compile(r"^\s*\(?[0-9A-Za-z가-힣]{1,2}\)(?=\s)")
_INLINE_ENUMERATOR = re.compile(r"(?<=\s)[0-9A-Za-z가-힣]\)(?=\s)")

_CLOSERS = "\"'”’」』)]}»›˝ "
# An ellipsis trails off ("이것이 끝일까…"): no statement, no question.
_MARKS = {"?": "?", "？": "?", "!": "!", "！": "!", ".": ".", "。": "."}
_KO_QUESTION_END = re.compile(r"(?:까|니|냐|나요|가요|지요|죠|는가|은가|인가|을까)$")
# The written register's questions (-ㄹ까, -는가, -인가, -었나) end on a full stop
# when rhetorical, as Korean editorials write them ("성공이라 부를 수 있을까."): still
# a question, nothing to fix; so does an interviewer's question as Korean outlets
# print it, with its topic alone, a plain -나 or a condition ("- 비결은.", "얼마가
# 드나.", "잘못된 건가.", "조언한다면."). The polite -습니까 addresses a reader and
# takes "?".
_KO_RHETORICAL_END = re.compile(r"(?:(?<!니)까|[는은인던건]가|[은는나]|다면)$")


def _tail(text: str, words: int = 4) -> str:
    parts = text.split()
    return ("…" if len(parts) > words else "") + " ".join(parts[-words:])


def _bead_sentences(doc: AlignedDocument) -> Iterator[tuple[Bead, Document, Sentence]]:
    """Every non-boilerplate sentence with its bead and document."""
    for bead in doc.beads:
        for document, indices in ((doc.src, bead.src), (doc.tgt, bead.tgt)):
            for index in indices:
                if not document.sentences[index].boilerplate:
                    yield bead, document, document.sentences[index]


# ---------------------------------------------------------------- whitespace


def spacing_problem(text: str) -> tuple[str, str] | None:
    """The first odd spacing in ``text``: what it is and the words before it.

    Example:
        >>> spacing_problem("As a new visitor,  everything seems new.")
        ('a doubled space', 'As a new visitor,')
    """
    if found := _spacing(text):
        what, at = found
        return what, _tail(text[: at.start()]) or "the start"
    return None


def _spacing(text: str) -> tuple[str, re.Match[str]] | None:
    for pattern, what in _SPACING:
        if found := pattern.search(text):
            return what, found
    return None


@register("whitespace", Severity.INFO)
def find_whitespace(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """Doubled spaces, tabs and odd space characters inside a sentence.

    Yields:
        One ``whitespace`` flag per sentence, naming the first problem.
    """
    for bead, document, sentence in _bead_sentences(doc):
        if found := _spacing(sentence.text):
            what, at = found
            before = _tail(sentence.text[: at.start()]) or "the start"
            yield Flag(
                "whitespace",
                Severity.INFO,
                bead.src,
                bead.tgt,
                f"{language_name(document.lang)} {document.place(sentence.index)} has {what} after "
                f"{_quote(before)}",
                subject=sentence_subject(doc, bead, document, sentence),
                spans=(_span(doc, document, sentence, at),),
            )


def _span(doc: AlignedDocument, document: Document, sentence: Sentence, at: re.Match[str]) -> Span:
    return Span("src" if document is doc.src else "tgt", sentence.index, at.start(), at.end())


# ---------------------------------------------------------------- repeated words


def repeated_word(text: str) -> str | None:
    """The first word ``text`` repeats back to back ("the the"), if any.

    Example:
        >>> repeated_word("Please tell her we all miss her and and hope")
        'and and'
        >>> repeated_word("He had had enough.") is None
        True
    """
    found = _repetition(text)
    return None if found is None else found.group(0)


def _repetition(text: str) -> re.Match[str] | None:
    for found in _REPEAT.finditer(text):
        first, second = found.group(1), found.group(2)
        if first.lower() in _MAY_REPEAT or _KO_REDUPLICATED.fullmatch(first):
            continue
        if first[0].isupper() and second[0].isupper():
            continue  # a name: "Walla Walla", "Bora Bora", first word or not
        return found
    return _DOUBLED_PARTICLE.search(text)


# A phrase of up to three words said again, maybe after punctuation: "Step
# down, step down", a chant the other side may write "물러나라 물러나라".
_ECHO = re.compile(
    r"(?<![\w'’-])([^\W\d_][\w'’]*(?:\s+[\w'’]+){0,2})([\s,;:!?.…·-]+)\1(?![\w'’-])",
    re.IGNORECASE,
)


# A word said again across a short word: "little by little", "year after year",
# "again and again", "hand in hand", which Korean may render as 조금씩 조금씩.
_IDIOM = re.compile(
    r"(?<![\w'’-])([^\W\d_][\w'’]*)\s+(?:by|after|and|upon|to|for|in)\s+\1(?![\w'’-])",
    re.IGNORECASE,
)


def _repeats(text: str) -> bool:
    """Whether ``text`` repeats a word or phrase: a repetition on one side of a
    pair is an emphasis the translator kept if the other side repeats too."""
    if repeated_word(text) or _IDIOM.search(text):
        return True
    return any(" " in m.group(1) or m.group(2).strip() for m in _ECHO.finditer(text))


@register("repeated_word", Severity.INFO)
def find_repeated_words(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """A word typed twice in a row, where the other side repeats nothing.

    Yields:
        One ``repeated_word`` flag per sentence.
    """
    for bead, document, sentence in _bead_sentences(doc):
        found = _repetition(sentence.text)
        if found is None:
            continue
        words = found.group(0)
        other = doc.tgt_text(bead) if document is doc.src else doc.src_text(bead)
        if other and _repeats(other):
            continue
        yield Flag(
            "repeated_word",
            Severity.INFO,
            bead.src,
            bead.tgt,
            f"{language_name(document.lang)} {document.place(sentence.index)} repeats a word: "
            f"{_quote(words)} "
            f"in {_quote(sentence.text)}",
            subject=sentence_subject(doc, bead, document, sentence),
            spans=(_span(doc, document, sentence, found),),
        )


# ---------------------------------------------------------------- brackets and quotes


def bracket_problems(text: str) -> list[str]:
    """The brackets ``text`` leaves open or closes without opening.

    Example:
        >>> bracket_problems("45 a.m. ET), the death toll had climbed to 49.")
        [')']
        >>> bracket_problems("1) Prices rose (by 3%).")
        []
    """
    text = _ENUMERATOR.sub(" ", text.translate(_FULLWIDTH))
    problems = _unmatched(text)
    if problems == [")"]:
        problems = _unmatched(_INLINE_ENUMERATOR.sub(" ", text))
    return problems


def _unmatched(text: str) -> list[str]:
    problems = []
    for opener, closer in _BRACKETS:
        opened, closed = text.count(opener), text.count(closer)
        if opened > closed:
            problems.append(opener)
        elif closed > opened:
            problems.append(closer)
    return problems


def _single_quote(text: str, lang: str) -> list[str]:
    """``["‘"]`` if Korean text leaves a single quote open (‘바나나 분쟁이 ...): Korean
    uses them for names and phrases, English as apostrophes too, so Korean only."""
    if lang == "ko" and text.count("‘") > text.count("’") + text.count("'"):
        return ["‘"]
    return []


def _quote_count(text: str) -> int:
    return len(DOUBLE_QUOTES.findall(text))


def open_quote(text: str) -> bool:
    """An odd number of double quotes, the odd one neither opening nor closing the text.

    Example:
        >>> open_quote("그는 “내일 가겠다고 말했다.")
        True
        >>> open_quote("“A quote that goes on in the next paragraph.")
        False
    """
    quotes = DOUBLE_QUOTES.sub('"', text)
    return bool(quotes.count('"') % 2) and not _QUOTE_EDGE.search(quotes)


def _quote_spans_sentences(document: Document, indices: tuple[int, ...]) -> bool:
    """The sentence before or after also has an odd quote: one quotation over both."""
    around = (indices[0] - 1, indices[-1] + 1)
    return any(
        0 <= i < len(document.sentences) and _quote_count(document.sentences[i].text) % 2
        for i in around
    )


def _brackets_left(document: Document, indices: tuple[int, ...], problems: list[str]) -> list[str]:
    """``problems`` less the brackets the next sentence closes or the one before opens:
    one parenthesis over two sentences ("(He left. She stayed.)") is no fault of either."""
    left = []
    for mark in problems:
        closer = _CLOSER_OF.get(mark)
        at = indices[-1] + 1 if closer else indices[0] - 1
        wanted = closer or _OPENER_OF.get(mark)
        if not (0 <= at < len(document.sentences)) or wanted not in bracket_problems(
            document.sentences[at].text
        ):
            left.append(mark)
    return left


def _unbalanced_flag(bead: Bead, lang: str, other: str, problems: list[str], text: str) -> Flag:
    marks = ", ".join("a double quote" if p == '"' else _quote(p) for p in problems)
    return Flag(
        "unbalanced",
        Severity.INFO,
        bead.src,
        bead.tgt,
        f"{language_name(lang)} leaves {marks} unmatched in {_quote(text)} while the "
        f"{language_name(other)} is balanced",
    )


# EN/KO: the sides swapped for a Korean original, so that its English translation's
# quotations over several paragraphs are not asked to close
@register("unbalanced", Severity.INFO, langs=("en", "ko"))
def find_unbalanced(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """Brackets or quotes unbalanced on one side of a pair and balanced on the other.

    Brackets count on both sides. Double quotes count on the translation only, and
    on the Korean only whichever side is the original: English leaves a quotation
    that runs into the next paragraph unclosed by convention, and a translation
    can only be asked to match a source that has quotes too (an even number of
    them).

    Yields:
        One ``unbalanced`` flag per side at fault.
    """
    for bead in doc.beads:
        if not doc.is_content_pair(bead):
            continue
        src, tgt = doc.src_text(bead), doc.tgt_text(bead)
        src_problems = _brackets_left(doc.src, bead.src, bracket_problems(src))
        tgt_problems = _brackets_left(doc.tgt, bead.tgt, bracket_problems(tgt))
        src_problems += _single_quote(src, doc.src.lang)
        tgt_problems += _single_quote(tgt, doc.tgt.lang)
        if src_problems and not tgt_problems:
            yield _unbalanced_flag(bead, doc.src.lang, doc.tgt.lang, src_problems, src)
        if src_problems:
            continue
        quotes = _quote_count(src) >= 2 and not _quote_count(src) % 2
        if quotes and open_quote(tgt) and not _quote_spans_sentences(doc.tgt, bead.tgt):
            tgt_problems.append('"')
        if tgt_problems:
            yield _unbalanced_flag(bead, doc.tgt.lang, doc.src.lang, tgt_problems, tgt)


# ---------------------------------------------------------------- final punctuation


@dataclass(frozen=True)
class _Ending:
    mark: str  # "?", "!", "." or "" (none)
    questions: bool  # a question mark anywhere


def _ends_inner_quotation(text: str) -> bool:
    """``text`` ends by closing a quotation that opened after its start: ``He
    asked, "Who will pay?"``. A mark just inside that quote is the quotation's;
    Korean drops it (``"누가 내나"라고 물었다.``)."""
    quotes = DOUBLE_QUOTES.sub('"', text.strip())
    body = quotes.rstrip(_CLOSERS)
    return '"' in quotes[len(body) :] and quotes.rfind('"', 0, len(body)) > 0


def final_mark(text: str) -> str:
    """``"?"``, ``"!"``, ``"."`` for how ``text`` ends (closing quotes skipped), else
    ``""``, also when the mark ends a quotation inside the sentence.

    Example:
        >>> final_mark("“뭐라고요?”")
        '?'
        >>> final_mark('Another demonstrator asked, "Who will pay for this?"')
        ''
    """
    if _ends_inner_quotation(text):
        return ""
    stripped = text.rstrip(_CLOSERS)
    return _MARKS.get(stripped[-1:], "") if stripped else ""


def _ending(text: str) -> _Ending:
    return _Ending(final_mark(text), "?" in text or "？" in text)


def _punctuation_message(doc: AlignedDocument, bead: Bead, question_on_src: bool) -> str:
    src, tgt = doc.src_text(bead), doc.tgt_text(bead)
    asking, other = (doc.src, doc.tgt) if question_on_src else (doc.tgt, doc.src)
    asked, told = (src, tgt) if question_on_src else (tgt, src)
    hint = ""
    if other.lang == "ko" and _KO_QUESTION_END.search(told.rstrip(_CLOSERS + ".!")):
        hint = " (its ending is a question: use “?”)"
    return (
        f"{language_name(asking.lang)} asks a question ({_quote(_tail(asked))}) but the "
        f"{language_name(other.lang)} ends with “{final_mark(told)}”{hint}: {_quote(_tail(told))}"
    )


@register("punctuation", Severity.INFO)
def find_punctuation(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """A question on one side of a pair that the other side turns into a statement.

    Yields:
        One ``punctuation`` flag per pair.
    """
    for bead in doc.beads:
        if not doc.is_content_pair(bead):
            continue
        src, tgt = _ending(doc.src_text(bead)), _ending(doc.tgt_text(bead))
        if not (src.mark and tgt.mark) or (src.mark == "?") == (tgt.mark == "?"):
            continue
        question_on_src = src.mark == "?"
        if (tgt if question_on_src else src).questions:
            continue
        told, told_in = (
            (doc.tgt_text(bead), doc.tgt.lang)
            if question_on_src
            else (doc.src_text(bead), doc.src.lang)
        )
        if told_in == "ko" and _KO_RHETORICAL_END.search(told.rstrip(_CLOSERS + ".")):
            continue
        message = _punctuation_message(doc, bead, question_on_src)
        side = "tgt" if question_on_src else "src"
        spans = _final_mark_span(doc.tgt if question_on_src else doc.src, bead, side)
        yield Flag("punctuation", Severity.INFO, bead.src, bead.tgt, message, spans=spans)


def _final_mark_span(document: Document, bead: Bead, side: str) -> tuple[Span, ...]:
    """The mark that ends the side's last sentence, closing quotes aside."""
    indices = bead.src if side == "src" else bead.tgt
    last = document.sentences[indices[-1]]
    end = len(last.text.rstrip().rstrip(_CLOSERS))
    return (Span(side, last.index, end - 1, end),) if end and final_mark(last.text) else ()

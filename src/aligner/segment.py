"""Rule-based sentence segmentation for English, Korean and a generic fallback.

Each input line is a paragraph: a sentence never spans a line break. Within a
line, candidate boundaries are runs of terminal punctuation (``. ? ! …`` and
their full-width forms) plus any closing quotes or brackets, followed by
whitespace. Language rules then reject candidates that are abbreviations,
initials, list markers, dates or quotations that continue the sentence; a
candidate inside brackets that close later in the line ends nothing (a caption's
"[JYP엔터테인먼트 제공. 재판매 및 DB 금지]"), and a credit in brackets after a
sentence stays with it ("... Stray Kids. (PHOTO NOT FOR SALE) (Yonhap)").

Every decision looks at a bounded window around the candidate (a quote set off
by a space also looks up the line's quotes, found once), so splitting is linear
in the input length.

Example:
    >>> [s.text for s in split_sentences("Mr. Kim left. He smiled.", "en")]
    ['Mr. Kim left.', 'He smiled.']
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from functools import cached_property
from typing import NamedTuple

from aligner.models import Sentence

__all__ = ["ends_without_stop", "split_lines", "split_sentences", "strip_dateline"]

# How far to look left or right of a candidate for the neighbouring word; a
# bound keeps pathological lines (one huge token full of dots) linear.
_WINDOW = 40

# U+02DD ˝ stands in for a double quote in text converted from Korean encodings.
_CLOSERS = "\"'”’」』)]}»›˝"
_OPENERS = "\"'“‘「『([{«‹˝"

# A run of terminal punctuation, then closing quotes/brackets, then whitespace
# (full-width 。！？ need none); ``next`` captures the following word without
# consuming it, so a candidate inside that word is still found. A quote set off
# by a space ('his position. " Greek') is captured as ``detached``: only the
# quotes before it tell whether it closes this sentence or opens the next. A
# match starts only at the start of a run and never backtracks into it
# (lookbehind and possessive quantifiers), which keeps a line of 100,000 dots
# linear. Scraped Korean copy often loses the space after a full stop
# ("발표했다.이에 따라"): a full stop after a final ending and before Hangul is
# ``glued``, a candidate in Korean only, unless the word around it holds another
# full stop ("미국.캐나다.멕시코" lists with a full stop for a middle dot, a domain).
_CANDIDATE = re.compile(
    rf"(?P<mark>(?<![.?!…‼⁇⁈⁉])(?P<punct>[.?!…‼⁇⁈⁉]++)(?P<close>[{re.escape(_CLOSERS)}]*+)"
    rf"(?P<detached>[ \t][\"”»」』](?=\s|$))?(?=\s|$)"
    rf"|(?<![。！？])(?P<cjk>[。！？]++)(?P<cjkclose>[{re.escape(_CLOSERS)}]*+)"
    r"|(?<=[다요죠까])(?P<glued>\.)(?=[\uac00-\ud7a3]))"
    rf"\s*(?=(?P<next>\S{{0,{_WINDOW}}}))"
)
_GLUED = "glued"  # the ``punct`` of a glued candidate
_WORD_CHAR = re.compile(r"\w")
_SEPARATOR = re.compile("[\u2028\u2029\x85\x0b\x0c]")
_JOINED = re.compile(r"[(\[{—–]|(?<=[a-z])-")
_DOUBLE_QUOTE = re.compile(r"[\"“”«»「」『』]")
_BRACKET_PAIRS = {")": "(", "]": "[", "}": "{"}
_BRACKET = re.compile(r"[()\[\]{}]")
# Groups in brackets and nothing else, no sentence inside: "(PHOTO NOT FOR SALE) (Yonhap)"
_BRACKETED_ONLY = re.compile(
    r"(?:\([^()\[\].?!…]*\)|\[[^()\[\].?!…]*\])(?:\s*(?:\([^()\[\].?!…]*\)|\[[^()\[\].?!…]*\]))*"
)
_OPENING_QUOTES = "“«「『"
_ALNUM = re.compile(r"[^\W_]")

# The word before the final dot of U.S., a.m., e.g. is "U.S", "a.m", "e.g".
_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_INITIAL = re.compile(r"[A-Z]")
_LIST_MARKER = re.compile(r"(?:\d{1,3}|[A-Za-z]|[ivxlcIVXLC]{1,5})")
_DIGITS_END = re.compile(r"\d$")
_KO_DATE_END = re.compile(r"(?:^|\D)\d{4}\.\s?\d{1,2}(?:\.\s?\d{1,2})?$")
_LATIN_END = re.compile(r"[A-Za-z]$")
_APOSTROPHE = re.compile(r"['’]")
_CLAUSE_END = re.compile(r"[.?!…]")
_ELLIPSIS = re.compile(r"\.{2,}|[.…]*…[.…]*")
# "friend: Where did you lose it?" – a lower-case speaker label opens a turn.
_SPEAKER_LABEL = re.compile(r"[a-z][\w-]*:")

# Abbreviations that are never the last word of a sentence (lower-cased, no
# final dot): titles before names and Latin/reference abbreviations.
_NEVER_FINAL = frozenset(
    "mr mrs ms messrs mmes dr prof gen lt col maj capt cmdr adm sgt cpl pvt brig "
    "gov sen rep rev hon pres supt insp det fr mt ft e.g i.e vs cf viz approx "
    "fig figs vol vols pp ed eds dept univ assn ave blvd sens reps govs amb atty v".split()
)
# Abbreviations that end a sentence only if the next word is a typical
# sentence opener ("the U.S. The ..." but "U.S. officials").
_MAYBE_FINAL = frozenset(
    "etc inc corp co ltd plc llc bros jr sr st rd u.s u.n u.k u.s.a e.u a.m p.m "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# After "a.m." / "p.m." a capitalised word starts a new sentence unless it
# goes on telling the time: "10 a.m. Tuesday", "9 p.m. KST", "8 a.m. Seoul time".
_CLOCK = frozenset(("a.m", "p.m"))
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday jan feb mar apr may jun jul "
    "aug sep sept oct nov dec january february march april june july august september "
    "october november december gmt utc kst jst est edt cst cdt mst mdt pst pdt et ct mt pt "
    "bst cet".split()
)
_TIME_OF = re.compile(r"\S+\s+time\b", re.IGNORECASE)
_TIME_ALONE = re.compile(r"\s*\d{1,2}(?::\d{2})?\s*[ap]\.m\.\s*", re.IGNORECASE)
# "ORLANDO, Fla. (AP) -- ...": a dateline's state abbreviation before the agency or dash
_DATELINE_HEAD = re.compile(r"[A-Z][A-Z'’.\-]+(?:\s[A-Z][A-Z'’.\-]+)*,\s*\S+")
_DATELINE_NEXT = re.compile(r"\([A-Z][\w&.\-]*\)|[-–—]+\s")
# Abbreviations that never end a sentence before a number ("No. 1", "Jan. 5").
_BEFORE_NUMBER = frozenset(
    "no nos jan feb mar apr jun jul aug sep sept oct nov dec art sec ch p".split()
)
# Frequent first words of English news sentences; used only to resolve
# abbreviations that may or may not end a sentence.
_STARTERS = frozenset(
    "a an the he she it they we i you this that these those there here his her its "
    "their our my your but and or so yet however meanwhile also still then now "
    "in on at for from with by after before when while if as since although though "
    "because what why how who where which some many most all both each one no not "
    "other others another such".split()
)
# A short speech tag after a quotation ("Why?" Jack asked.) ends the same
# sentence, as in ("Why?" asked Jack.).
_EN_SPEECH_TAG = re.compile(
    r"[A-Z][\w'’-]*(?: [\w'’-]+){0,3} (?:said|says|asked|asks|cried|replied|answered|"
    r"shouted|added|explained|exclaimed|whispered|yelled|screamed|continued|wrote)"
)
_KO_SPEECH_TAG = re.compile(
    r"(?:[^\s\"“”‘’']+ ){0,4}(?:말했|말하였|말한|물었|묻는|물어보았|대답했|대답하였|대답한|"
    r"답했|소리쳤|외쳤|덧붙였|덧붙인|속삭였|중얼거렸|되물었|반문했|밝혔|전했|강조했|설명했|"
    r"주장했|지적했)(?:다|습니다)"
)
# Korean quotative particles after a closing quote: the quoted sentence
# continues the outer one (“…했다.” 라고 말했다).
_KO_QUOTATIVE = re.compile(
    r"(?:이?라(?:고|며|면서|는|구)?|하고|하며|하는|고|며|는|란)(?:\s|$|[^\uac00-\ud7a3])"
)
# Last syllables of common sentence-final endings (했다, 해요, 하죠, 할까, 합니...).
_KO_FINAL_SYLLABLES = frozenset("다요죠까니네군지자라야어아나오게세")


class _Quotes:
    """The double quotes of one line, to tell whether a quotation is open."""

    def __init__(self, line: str) -> None:
        self.line = line

    @cached_property
    def positions(self) -> list[int]:
        # Found once per line and only if asked: most lines never need them.
        return [match.start() for match in _DOUBLE_QUOTE.finditer(self.line)]

    def _opens(self, pos: int) -> bool:
        char = self.line[pos]
        if char != '"':
            return char in _OPENING_QUOTES
        # A straight quote opens when it leans on the next word, not the previous one.
        before = self.line[pos - 1] if pos else " "
        after = self.line[pos + 1 : pos + 2]
        return (before.isspace() or before in _OPENERS) and after.strip() != ""

    def open_before(self, pos: int) -> bool:
        """Whether the last quote before ``pos`` opens a quotation, maybe sentences back."""
        i = bisect_left(self.positions, pos) - 1
        return i >= 0 and self._opens(self.positions[i])

    def goes_on_past(self, pos: int, lang: str) -> bool:
        """Whether ``pos`` lies inside a quotation that the sentence goes on past: one
        closed on a comma ('"A. B," he said.') or, in Korean, continued by a quotative
        particle (``그는 "A. B"고 말했다``). Either is one sentence."""
        i = bisect_left(self.positions, pos)
        if not (self.open_before(pos) and i < len(self.positions)):
            return False
        close = self.positions[i]
        if self._opens(close):
            return False
        if self.line[close - 1 : close] == ",":
            return True
        return lang == "ko" and bool(_KO_QUOTATIVE.match(self.line, close + 1))


class _Brackets:
    """The brackets of one line that close within it: a full stop inside one ("[JYP엔터
    테인먼트 제공. 재판매 및 DB 금지]", "(Photo by Kim. All rights reserved)") ends
    no sentence, but one left open ("1) 첫째.") says nothing."""

    def __init__(self, line: str) -> None:
        self.line = line

    @cached_property
    def spans(self) -> tuple[list[int], list[int]]:
        # Found once per line and only if asked: the starts and ends of the stretches
        # inside matched brackets, nested and crossing pairs merged.
        stacks: dict[str, list[int]] = {opener: [] for opener in _BRACKET_PAIRS.values()}
        pairs: list[tuple[int, int]] = []
        for match in _BRACKET.finditer(self.line):
            char = match.group()
            if char in stacks:
                stacks[char].append(match.start())
            elif stack := stacks[_BRACKET_PAIRS[char]]:  # else a list marker "1)" or a slip
                pairs.append((stack.pop(), match.start()))
        opens: list[int] = []
        closes: list[int] = []
        for start, end in sorted(pairs):
            if closes and start <= closes[-1]:
                closes[-1] = max(closes[-1], end)
            else:
                opens.append(start)
                closes.append(end)
        return opens, closes

    def open_at(self, pos: int) -> bool:
        """Whether a bracket opened before ``pos`` closes at or after it."""
        if "(" not in self.line and "[" not in self.line and "{" not in self.line:
            return False
        opens, closes = self.spans
        i = bisect_left(opens, pos) - 1
        return i >= 0 and closes[i] >= pos


class _Candidate(NamedTuple):
    """A possible boundary inside ``line``.

    The sentence would end at ``end`` (after the punctuation ``punct`` and any
    closing quotes) and the next one start at ``next_start``; ``seg_start`` is
    where the current sentence began.
    """

    line: str
    punct: str
    closed: bool
    punct_start: int
    end: int
    next_start: int
    seg_start: int
    next_word: str  # the word after the candidate, opening quotes removed

    @property
    def prev_word(self) -> str:
        """The word before the punctuation, opening quotes removed, and what a dash, a
        bracket or a hyphen after a lower-case letter joins it to ("then-Sen." is
        "Sen", "국무부(U.S." is "U.S")."""
        lo = max(self.seg_start, self.punct_start - _WINDOW)
        words = self.line[lo : self.punct_start].split()
        return _JOINED.split(words[-1])[-1].lstrip(_OPENERS) if words else ""

    @property
    def next_clause(self) -> str:
        """The text from ``next_start`` to the next terminal punctuation, if near."""
        stop = min(len(self.line), self.next_start + 2 * _WINDOW)
        match = _CLAUSE_END.search(self.line, self.next_start, stop)
        if match:
            return self.line[self.next_start : match.start()]
        return self.line[self.next_start :].rstrip() if stop == len(self.line) else ""

    @property
    def is_first_word(self) -> bool:
        """Whether the punctuation follows the first word of the current sentence."""
        if self.punct_start - self.seg_start > _WINDOW:
            return False
        return len(self.line[self.seg_start : self.punct_start].split()) <= 1


def split_sentences(text: str, lang: str) -> list[Sentence]:
    """Split prose into sentences, one paragraph per input line.

    Args:
        text: The document text with ``\\n`` newlines (the reader normalises them).
        lang: ``"en"`` or ``"ko"``; any other code uses a generic rule set.

    Returns:
        Sentences in order, with 0-based consecutive ``index``, 1-based ``line``
        and ``start``/``end`` offsets such that ``text[start:end] == sentence.text``.
        Blank lines yield nothing.

    Example:
        >>> [s.text for s in split_sentences("그는 갔다. 왜요?", "ko")]
        ['그는 갔다.', '왜요?']
    """
    spans = [
        (line_no, offset + start, offset + end)
        for line_no, offset, line in _iter_lines(text)
        for start, end in _split_paragraphs(line, lang)
    ]
    return _to_sentences(text, spans)


def _split_paragraphs(line: str, lang: str) -> list[tuple[int, int]]:
    """The sentence spans of one line, where a paragraph or line separator that is no
    newline (U+2028, a form feed, Word's manual line break) also ends a sentence."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in [*_SEPARATOR.finditer(line), None]:
        end = match.start() if match else len(line)
        spans += [(start + a, start + b) for a, b in _split_line(line[start:end], lang)]
        start = match.end() if match else end
    return spans


def split_lines(text: str) -> list[Sentence]:
    """Treat each non-blank line as one sentence (presegmented input).

    Args:
        text: The document text with ``\\n`` newlines.

    Returns:
        One stripped sentence per non-blank line; ``index`` counts only those lines.

    Example:
        >>> [(s.index, s.line, s.text) for s in split_lines("a\\n\\n b ")]
        [(0, 1, 'a'), (1, 3, 'b')]
    """
    spans = []
    for line_no, offset, line in _iter_lines(text):
        span = _strip_span(line, 0, len(line))
        if span is not None:
            spans.append((line_no, offset + span[0], offset + span[1]))
    return _to_sentences(text, spans)


def _iter_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(1-based line number, offset of the line in text, line)``."""
    offset = 0
    for line_no, line in enumerate(text.split("\n"), start=1):
        yield line_no, offset, line
        offset += len(line) + 1


def _to_sentences(text: str, spans: list[tuple[int, int, int]]) -> list[Sentence]:
    return [
        Sentence(index=i, text=text[start:end], line=line_no, start=start, end=end)
        for i, (line_no, start, end) in enumerate(spans)
    ]


def _strip_span(line: str, start: int, end: int) -> tuple[int, int] | None:
    """Shrink ``line[start:end]`` to exclude surrounding whitespace; None if blank."""
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _split_line(line: str, lang: str) -> list[tuple[int, int]]:
    """Return the stripped ``(start, end)`` spans of the sentences in one line."""
    spans: list[tuple[int, int]] = []
    seg_start = 0
    quotes = _Quotes(line)
    brackets = _Brackets(line)
    for match in _CANDIDATE.finditer(line):
        candidate = _make_candidate(line, match, seg_start, quotes)
        if candidate is None:
            break  # only whitespace follows: the line end closes the sentence
        if not candidate.closed and quotes.goes_on_past(candidate.end, lang):
            continue
        if not brackets.open_at(candidate.end) and _is_boundary(candidate, lang):
            _append_span(spans, line, seg_start, candidate.end)
            seg_start = candidate.next_start
    _append_span(spans, line, seg_start, len(line))
    return spans


def _append_span(spans: list[tuple[int, int]], line: str, start: int, end: int) -> None:
    """Add the stripped span ``line[start:end]`` to ``spans`` unless it is blank."""
    span = _strip_span(line, start, end)
    if span is None:
        return
    if spans and (
        not _WORD_CHAR.search(line, span[0], span[1])
        or _BRACKETED_ONLY.fullmatch(line, span[0], span[1])
    ):
        # A stray quote or dot ("... toward. \"") is no sentence, nor a credit in
        # brackets ("... shows Stray Kids. (PHOTO NOT FOR SALE) (Yonhap)"): keep it
        # with the last one.
        spans[-1] = (spans[-1][0], span[1])
    else:
        spans.append(span)


def _make_candidate(
    line: str, match: re.Match[str], seg_start: int, quotes: _Quotes
) -> _Candidate | None:
    """Describe the candidate ``match``; None if only whitespace follows it."""
    next_word = match.group("next")
    if not next_word:
        return None
    end, next_start = match.end("mark"), match.end()
    punct = match.group("punct")
    if match.group("glued"):
        punct, closed = _GLUED, False
    elif punct is None:
        punct, closed = match.group("cjk"), bool(match.group("cjkclose"))
    else:
        closed = bool(match.group("close"))
        detached = match.start("detached")
        if detached >= 0:
            # 'his position. "' closes the open quotation; with none open, the
            # quote is a stray that begins the next line ('programs.” ” The').
            if quotes.open_before(detached):
                closed = True
            else:
                end, next_start = detached, detached + 1
                next_word = line[next_start]
    # Positional arguments: this runs once per candidate and keywords cost time.
    return _Candidate(
        line,
        punct,
        closed,
        match.start(),
        end,
        next_start,
        seg_start,
        next_word.lstrip(_OPENERS),
    )


def _is_boundary(candidate: _Candidate, lang: str) -> bool:
    """Whether ``candidate`` ends a sentence, by the rules of ``lang``."""
    if candidate.punct[0] in "。！？":
        return True
    if candidate.punct == _GLUED:
        # the word around it, within the window that keeps long lines linear
        before = candidate.line[max(0, candidate.punct_start - _WINDOW) : candidate.punct_start]
        word = before.split()[-1:] + [candidate.next_word.split()[0]]
        return lang == "ko" and "".join(word).count(".") == 0
    if lang == "ko":
        return _is_ko_boundary(candidate)
    return _is_latin_boundary(candidate, english=lang == "en")


def _first_letter(word: str) -> str:
    """The first alphanumeric character of ``word``, or '' if there is none."""
    if word[:1].isalnum():  # the usual case, without a regex search
        return word[0]
    match = _ALNUM.search(word)
    return match.group() if match else ""


def _is_latin_boundary(candidate: _Candidate, *, english: bool) -> bool:
    """English rules; the generic set skips the English abbreviation lists."""
    next_word = candidate.next_word
    # A lower-case continuation means the sentence goes on ("he asked",
    # "p.m. yesterday", "Yahoo! said"), unless it is a speaker label.
    if _first_letter(next_word).islower() and not _SPEAKER_LABEL.fullmatch(next_word):
        return False
    if candidate.closed:
        return not (english and _EN_SPEECH_TAG.fullmatch(candidate.next_clause))
    if candidate.punct != ".":
        return True
    return not _is_abbreviation(candidate, english=english)


def _is_abbreviation(candidate: _Candidate, *, english: bool) -> bool:
    """Whether the single period of ``candidate`` belongs to an abbreviation."""
    word = candidate.prev_word
    key = word.lower()
    next_word = candidate.next_word
    if _LIST_MARKER.fullmatch(word) and candidate.is_first_word:
        return True  # "1. Introduction", "b. Apples"
    if key in _BEFORE_NUMBER and next_word[:1].isdigit():
        return True
    if english and key in _NEVER_FINAL:
        return True
    if english and key in _CLOCK:
        first = _first_letter(next_word)
        return (
            not (first.isascii() and first.isupper())  # a digit, Hangul: the time goes on
            or _starter_key(next_word).rstrip(".,;:)]") in _TIME_WORDS
            or bool(_TIME_OF.match(candidate.line, candidate.next_start))
            # a live blog's entry opens on its time: "9:05 a.m. Heavy snow fell ..."
            or bool(_TIME_ALONE.fullmatch(candidate.line, candidate.seg_start, candidate.end))
        )
    if _DATELINE_NEXT.match(candidate.line, candidate.next_start) and _DATELINE_HEAD.fullmatch(
        candidate.line, candidate.seg_start, candidate.punct_start
    ):
        return True
    maybe_final = (english and key in _MAYBE_FINAL) or bool(
        _DOTTED_ACRONYM.fullmatch(word) or _INITIAL.fullmatch(word)
    )
    return maybe_final and _starter_key(next_word) not in _STARTERS


def _starter_key(word: str) -> str:
    """Normalise a word for the opener list: "I'm," -> "i"."""
    return _APOSTROPHE.split(word.lower(), maxsplit=1)[0].strip(",;:")


def _is_ko_boundary(candidate: _Candidate) -> bool:
    """Korean rules: Hangul has no case, so the words around the candidate decide."""
    word = candidate.prev_word
    if candidate.closed:
        if (
            candidate.punct == "."
            and candidate.line[candidate.end - 1] in ")]"
            and _LATIN_END.search(word)
            and _is_abbreviation(candidate, english=True)
        ):
            return False  # "유엔(U.N.) 안보리가", "애플(Apple Inc.) 주가가": an abbreviation
        # “…했다.” 라고 말했다 / “가자!” 그가 말했다: the quote belongs to the outer sentence.
        quotative = _KO_QUOTATIVE.match(candidate.line, candidate.next_start)
        return not (quotative or _KO_SPEECH_TAG.fullmatch(candidate.next_clause))
    if _ELLIPSIS.fullmatch(candidate.punct):
        # "그런데… 그는" trails off mid-sentence; "몰라요… 그는" ends one.
        return word[-1:] in _KO_FINAL_SYLLABLES
    if candidate.punct != ".":
        return True
    if _LIST_MARKER.fullmatch(word) and candidate.is_first_word:
        return False  # "3. 아르기닌"
    if _DIGITS_END.search(word) and _is_ko_date(candidate):
        return False
    if _LATIN_END.search(word):
        # "U.S. 정부": English abbreviation rules; Hangul after an abbreviation
        # is never an English sentence opener, so it stays in the sentence.
        return _is_latin_boundary(candidate, english=True)
    return True


def _is_ko_date(candidate: _Candidate) -> bool:
    """Whether the period belongs to a date written "2008. 9. 3." (year, month, day)."""
    if candidate.next_word[:1].isdigit():
        return True
    head = candidate.line[
        max(candidate.seg_start, candidate.punct_start - 20) : candidate.punct_start
    ]
    return bool(_KO_DATE_END.search(head))


# A wire dateline opens a story's first sentence in one edition and is usually
# dropped (or moved) in the other: "BEIJING, China (CNN) ...", "SEOUL, Nov. 28
# (Yonhap) -- ...", "WASHINGTON -- ...", "(서울=연합뉴스) 김철수 기자 = ...".
_CITY = r"[A-Z][A-Z'’.\-]+(?:\s[A-Z][A-Z'’.\-]+)*(?:,\s[A-Z][\w'’.\-]*(?:\s[\w'’.\-]+){0,2})*"
_AGENCY = r"\(?[A-Z][\w&.\-]*\)"
# an outlet of several words only before a dash: "IBM (International Business Machines)"
# is a name glossed
_OUTLET = r"\([A-Z][\w&.\-]*(?:\s[A-Z][\w&.\-]*){1,3}\)\s*[-–—]+\s*"
_DATELINE_CHARS = 100
_DATELINE = re.compile(
    rf"^\s*(?:(?:{_CITY}\s*)?{_AGENCY}\s*(?:[-–—]+\s*)?|{_CITY}\s*{_OUTLET}"
    rf"|{_CITY}\s*[-–—]+\s+(?=[A-Z\"“‘'])"
    r"|[(\[][^()\[\]=]{1,15}=[^()\[\]]{1,20}[)\]]\s*"
    # one reporter or several: "김철수 기자 =", "김철수·이영희 기자 =", "김철수 이영희 기자 ="
    r"(?:(?:[가-힣]{2,4}\s*(?:기자|특파원)?\s*[·,]?\s*){0,3}[가-힣]{2,4}\s*(?:기자|특파원)\s*=?\s*"
    # ... as a literal translation gives it: "Reporter Oh Se-rin ="
    r"|(?:Reporter|Correspondent)s?\s(?:[A-Z][\w'’\-]*\s?){1,3}=\s*)?)"
)


def strip_dateline(text: str) -> str:
    """``text`` without a wire-service dateline at its start (the text itself if
    nothing would be left): what the sentence says, for comparing it with its
    translation."""
    match = _DATELINE.match(text[:_DATELINE_CHARS])  # bounded: backtracking stays cheap
    rest = text[match.end() :] if match else text
    return rest if rest.strip() else text


# Korean headlines write a country or a party as one hanja (北, 美, 與); the embedding
# model reads the Hangul word far better (a faithful headline with 北 scored 0.20
# against its English, under the mistranslation threshold; with 북한 it does not)
_HANJA_WORDS = {
    "北": "북한", "南": "남한", "美": "미국", "中": "중국", "日": "일본", "韓": "한국",
    "英": "영국", "佛": "프랑스", "獨": "독일", "露": "러시아", "與": "여당", "野": "야당",
}  # fmt: skip
# a hanja of its own, not part of a hanja word (中企, 韓美)
_LONE_HANJA = re.compile(rf"(?<![\u4e00-\u9fff])[{''.join(_HANJA_WORDS)}](?![\u4e00-\u9fff])")


# an interview's labels and a Korean Q&A's dash ("Q:", "A:", ``문:``, ``-언제 볼 수
# 있나.``): the model reads them as words, so a faithful "Q: When can we see it?" scored
# 0.24 against ``-언제 볼 수 있나.`` (0.71 without them), and two answers that share
# only their "A:" scored above the mistranslation threshold
_LABEL = re.compile(
    r"^\s*(?:(?:Q|A|Question|Answer|문|답|질문|답변)\s?[:：)]|Q\.(?=\s)|[-–—―]+(?![\d.]))\s*"
)


def for_comparison(text: str, lang: str) -> str:
    """What a sentence says, as its embedding should read it: without a wire
    dateline (:func:`strip_dateline`) or an interview's label (``Q:``, ``답:``, a
    leading dash), and in Korean with a country or party written as one hanja
    spelled out (``北`` as ``북한``)."""
    text = strip_dateline(text)
    text = _LABEL.sub("", text, count=1) or text
    return _LONE_HANJA.sub(lambda m: _HANJA_WORDS[m.group()], text) if lang == "ko" else text


def ends_without_stop(lang: str) -> Callable[[str], bool] | None:
    """Whether a line of ``lang`` without final punctuation is still a whole sentence:
    a Korean line ending on the declarative 다 ('오퍼는 “쉽지 않았다"고 말했다'), as
    scraped copy often has. None for languages where only punctuation tells."""
    if lang != "ko":
        return None
    return lambda text: text.rstrip().rstrip("\"'”’»)]」』").rstrip().endswith("다")

"""Where the words a flag is about are in its sentences, for a report to highlight.

Checks read one side of a bead as one string: its sentences joined by spaces,
for some checks without boilerplate, wire datelines or HTML entities. A
:class:`SideText` is that string together with where each of its characters
comes from, so that what a check finds in it (a number at offset 40, a negated
verb) becomes :class:`~aligner.models.Span` s of the sentences themselves.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from aligner.models import Bead, Document, Span
from aligner.qa.registry import AlignedDocument
from aligner.segment import strip_dateline

__all__ = ["SideText", "side_document", "squeezed_find"]

# the character references html.unescape replaces (its own pattern, from CPython's
# html module): replacing each match alone gives what it gives the whole text
_CHARREF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")


@dataclass(frozen=True)
class _Piece:
    at: int  # where the piece starts in the joined text, before unescaping
    sentence: int
    offset: int  # where it starts in its sentence's text
    length: int


class SideText:
    """One side of a bead as a check reads it, and the way back to its sentences.

    Args:
        side: ``"src"`` or ``"tgt"``.
        pieces: ``(sentence index, offset in its text, piece of its text)`` in
            reading order; the pieces are joined by one space.
        unescape: whether the check reads the joined text through ``html.unescape``
            (as ``aligner.qa.numerals`` does); offsets are then in the unescaped text.

    Example:
        >>> text = SideText("tgt", [(3, 0, "하나."), (4, 7, "수출이 5% 늘었다.")])
        >>> text.text
        '하나. 수출이 5% 늘었다.'
        >>> text.spans(8, 10)
        (Span(side='tgt', sentence=4, start=11, end=13),)
    """

    def __init__(
        self, side: str, pieces: Iterable[tuple[int, int, str]], *, unescape: bool = False
    ) -> None:
        self.side = side
        self._pieces: list[_Piece] = []
        texts = []
        at = 0
        for sentence, offset, text in pieces:
            self._pieces.append(_Piece(at, sentence, offset, len(text)))
            texts.append(text)
            at += len(text) + 1
        joined = " ".join(texts)
        self._origin: list[tuple[int, int]] | None = None
        if unescape and "&" in joined:
            self.text, self._origin = _unescaped(joined)
        else:
            self.text = joined

    @classmethod
    def of(cls, document: Document, side: str, indices: Sequence[int]) -> SideText:
        """The sentences as :meth:`AlignedDocument.src_text` joins them."""
        return cls(side, ((i, 0, document.sentences[i].text) for i in indices))

    @classmethod
    def content(cls, doc: AlignedDocument, bead: Bead, side: str) -> SideText:
        """What a side says: its sentences but boilerplate, each without a wire
        dateline, HTML entities unescaped (as ``number_mismatch`` reads it)."""
        document, indices = side_document(doc, bead, side)
        pieces = []
        for i in indices:
            sentence = document.sentences[i]
            if not sentence.boilerplate:
                said = strip_dateline(sentence.text)  # a suffix of the text
                pieces.append((i, len(sentence.text) - len(said), said))
        return cls(side, pieces, unescape=True)

    def written(self, start: int, words: str) -> tuple[Span, ...]:
        """The spans of ``words`` read at ``start`` of :attr:`text`; none if the text
        does not hold them there (better no highlight than a wrong one)."""
        if not words or self.text[start : start + len(words)] != words:
            return ()
        return self.spans(start, start + len(words))

    def spans(self, start: int, end: int) -> tuple[Span, ...]:
        """The characters ``start:end`` of :attr:`text`, in the sentences they come
        from: one span per sentence they cover (none for an empty range)."""
        if not 0 <= start < end <= len(self.text):
            return ()
        if self._origin is not None:
            start, end = self._origin[start][0], self._origin[end - 1][1]
        found = []
        for piece in self._pieces:
            low, high = max(start, piece.at), min(end, piece.at + piece.length)
            if low < high:
                shift = piece.offset - piece.at
                found.append(Span(self.side, piece.sentence, low + shift, high + shift))
        return tuple(found)


def side_document(doc: AlignedDocument, bead: Bead, side: str) -> tuple[Document, tuple[int, ...]]:
    """The document and the sentence indices of one side of a bead."""
    return (doc.src, bead.src) if side == "src" else (doc.tgt, bead.tgt)


def squeezed_find(
    text: str, squeezed: str, hidden: Sequence[str] = (), start: int = 0
) -> tuple[int, int] | None:
    """Where ``squeezed`` (a string without spaces) occurs in ``text`` once its
    whitespace is taken out, as ``(start, end)`` in ``text``; the first that begins
    at ``start`` or after; not inside one of ``hidden`` (strings without spaces that
    contain it); None if it does not occur (in text that is not NFC, a normalised
    word is not found).

    Example:
        >>> squeezed_find("조선 노동당은", "노동당")
        (3, 6)
    """
    kept = [k for k, char in enumerate(text) if not char.isspace()]
    rest = "".join(text[k] for k in kept)
    for word in hidden:
        rest = rest.replace(word, "\0" * len(word))
    found = rest.find(squeezed, bisect_left(kept, start)) if squeezed else -1
    if found < 0:
        return None
    return kept[found], kept[found + len(squeezed) - 1] + 1


def _unescaped(raw: str) -> tuple[str, list[tuple[int, int]]]:
    """``html.unescape(raw)`` and, per character of it, the range of ``raw`` it comes
    from (a whole reference for the characters that replace it)."""
    parts: list[str] = []
    origin: list[tuple[int, int]] = []
    done = 0
    for match in _CHARREF.finditer(raw):
        parts.append(raw[done : match.start()])
        origin += [(k, k + 1) for k in range(done, match.start())]
        replaced = html.unescape(match.group())
        parts.append(replaced)
        origin += [match.span()] * len(replaced)
        done = match.end()
    parts.append(raw[done:])
    origin += [(k, k + 1) for k in range(done, len(raw))]
    return "".join(parts), origin

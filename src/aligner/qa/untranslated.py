"""The ``untranslated`` check: text left in the source language, copied, or in the wrong script.

Three cases, each judged on content words so that names, acronyms, links and
numbers never count:

* **copied**: the two sides of a pair are the same text, or nearly (a
  similarity of at least :data:`COPY_RATIO`), once case, punctuation, digits and
  spacing are ignored, and that text has ordinary (lower-case) words;
* **wrong script**: a Korean sentence with at least :data:`MIN_FOREIGN_WORDS`
  ordinary English words that are at least :data:`FOREIGN_SHARE` of its
  letters (a Hangul syllable weighs :data:`HANGUL_WEIGHT` Latin letters), or
  an English sentence that is mostly Hangul. Brackets (a translator's gloss
  such as ``(Food and Drug Administration, FDA)``) and links are left out.

Lone sentences are judged too (an English line pasted into the Korean file
may have no counterpart); boilerplate lines are not.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from aligner.config import Settings, language_name
from aligner.models import Bead, Document, Flag, Sentence, Severity, Span
from aligner.qa.alignment import _quote
from aligner.qa.links import blank
from aligner.qa.registry import SIDES_SWAPPED, AlignedDocument, register, sentence_subject

__all__ = [
    "copied",
    "find_copied_phrases",
    "find_untranslated",
    "foreign_runs",
    "script_profile",
    "wrong_script",
]

COPY_RATIO = 0.9
MIN_COPY_WORDS = 3
# a copy of Title Case or capitals has no lower-case word: a headline of this many
# words is one ("North Korea Fires Ballistic Missile Toward East Sea")
MIN_TITLE_COPY_WORDS = 5
MIN_FOREIGN_WORDS = 3
FOREIGN_SHARE = 0.5
MIN_HANGUL_IN_ENGLISH = 4
# A Hangul syllable carries about as much text as 2.5 Latin letters (the dev
# set's Korean sides are ~0.4 times as long as the English in characters).
HANGUL_WEIGHT = 2.5

_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# ordinary words: lower-case, two letters or more, not part of a name or link
_COMMON_WORD = re.compile(r"(?<![\w@#/.'’-])[a-z]{2,}(?:['’][a-z]+)?(?![\w@/])")
# links, and brackets without Hangul: a gloss "(Food and Drug Administration)" is
# left out, a translation "(우리는 미국을 다시...)" of a quote kept in English is not;
# nor a quotation kept in English that a Korean sentence reports with its quotative
# particle (멤버들은 "Stray Kids, everywhere all around the world!"라고 외친다)
_SKIPPED = re.compile(
    r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[@#]\w+"
    r"|\([^()\uac00-\ud7a3]*\)|\[[^\[\]\uac00-\ud7a3]*\]|（[^（）\uac00-\ud7a3]*）"
    r"|[\"“][^\"“”\uac00-\ud7a3]*[\"”](?=\s?(?:이?라고|이?라며|이?라는|이?란|하고)(?![가-힣]))"
)
_NOT_LETTERS = re.compile(r"[\W\d_]+")
# words of one script, for marking what is in the wrong one
_HANGUL_CHARS = "\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f"
_HANGUL_WORD = re.compile(f"[{_HANGUL_CHARS}](?:\\S*[{_HANGUL_CHARS}])?")
_LATIN_CHARS = "A-Za-z\u00c0-\u024f"
_LATIN_WORD = re.compile(f"[{_LATIN_CHARS}](?:[{_LATIN_CHARS}0-9'’-]*[{_LATIN_CHARS}0-9])?")


@dataclass(frozen=True)
class ScriptProfile:
    """How much of a text is in which script, links and brackets left out."""

    hangul: int
    latin: int
    common_words: tuple[str, ...]

    @property
    def latin_share(self) -> float:
        weighted = self.latin + HANGUL_WEIGHT * self.hangul
        return self.latin / weighted if weighted else 0.0


def script_profile(text: str) -> ScriptProfile:
    """Count Hangul syllables, Latin letters and ordinary English words of ``text``.

    Example:
        >>> script_profile("그는 (Food and Drug Administration) 말했다").latin
        0
    """
    rest = _SKIPPED.sub(" ", text)
    return ScriptProfile(
        len(_HANGUL.findall(rest)),
        len(_LATIN.findall(rest)),
        tuple(_COMMON_WORD.findall(rest)),
    )


@functools.lru_cache(
    maxsize=4096
)  # read twice per sentence: for a swap of the files, then the pair
def wrong_script(text: str, lang: str) -> str | None:
    """Why ``text`` is not written in ``lang``'s script, or ``None`` if it is.

    Only ``ko`` and ``en`` are judged.

    Example:
        >>> wrong_script("The minister met union leaders on Monday.", "ko")
        'has no Hangul'
        >>> wrong_script("Kim Jong Un", "ko") is None
        True
    """
    profile = script_profile(text)
    if lang == "ko":
        if len(profile.common_words) < MIN_FOREIGN_WORDS or profile.latin_share < FOREIGN_SHARE:
            return None
        return "has no Hangul" if not profile.hangul else "is mostly English"
    if lang == "en":
        if profile.hangul < MIN_HANGUL_IN_ENGLISH or 1 - profile.latin_share < FOREIGN_SHARE:
            return None
        return "is mostly Korean"
    return None


def _letters(text: str) -> str:
    return " ".join(_NOT_LETTERS.sub(" ", text.casefold()).split())


def copied(src: str, tgt: str) -> bool:
    """Whether ``tgt`` repeats ``src`` (case, punctuation, digits and spacing ignored).

    Names, acronyms and numbers alone are not a copy: the text needs
    :data:`MIN_COPY_WORDS` words of which one is an ordinary lower-case word, or
    :data:`MIN_TITLE_COPY_WORDS` words (a headline in Title Case or capitals).

    Example:
        >>> copied("The talks resume on May 3.", "the talks resume on may 4")
        True
        >>> copied("Kim Jong Un", "Kim Jong Un")
        False
    """
    a, b = _letters(src), _letters(tgt)
    words = len(a.split())
    if words < MIN_COPY_WORDS:
        return False
    if words < MIN_TITLE_COPY_WORDS and not _COMMON_WORD.search(_SKIPPED.sub(" ", src)):
        return False
    if a == b:
        return True
    # the cheap upper bounds rule out nearly every real translation first: the lengths
    # (``real_quick_ratio``, before the matcher indexes ``b``), then the letters
    if 2 * min(len(a), len(b)) < COPY_RATIO * (len(a) + len(b)):
        return False
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return matcher.quick_ratio() >= COPY_RATIO and matcher.ratio() >= COPY_RATIO


def _copy_flag(doc: AlignedDocument, bead: Bead) -> Flag | None:
    if not doc.is_content_pair(bead):
        return None
    src, tgt = doc.src_text(bead), doc.tgt_text(bead)
    if not copied(src, tgt):
        return None
    # the copy is the translation's, unless the text is in the translation's script
    # and not the original's: a Korean sentence pasted into the English original
    on_src = wrong_script(src, doc.src.lang) is not None and wrong_script(tgt, doc.tgt.lang) is None
    copy, original, index = (
        (doc.src, doc.tgt, bead.src[0]) if on_src else (doc.tgt, doc.src, bead.tgt[0])
    )
    return Flag(
        "untranslated",
        Severity.ERROR,
        bead.src,
        bead.tgt,
        f"{language_name(copy.lang)} {copy.place(index)} is a copy of the "
        f"{language_name(original.lang)}, not a translation: {_quote(src if on_src else tgt)}",
        # named only when it is not the translation's, so that older waivers still hold
        subject="src" if on_src else "",
    )


def _script_flag(
    document: Document, sentence: Sentence, bead: Bead, other: tuple[str, str], side: str
) -> Flag | None:
    """``other`` is the language and the text of the bead's other side; ``side`` is
    ``document``'s (``"src"`` or ``"tgt"``)."""
    lang = document.lang
    why = wrong_script(sentence.text, lang)
    if why is None:
        return None
    other_lang, other_text = other
    counterpart = (
        f"; the {language_name(other_lang)} says {_quote(other_text)}"
        if other_text
        else f" (no {language_name(other_lang)} counterpart)"
    )
    # a sentence all in the other language is untranslated as a whole: nothing to mark
    runs = foreign_runs(sentence.text, lang) if why.startswith("is mostly") else []
    return Flag(
        "untranslated",
        Severity.ERROR,
        bead.src,
        bead.tgt,
        f"{language_name(lang)} {document.place(sentence.index)} {why}, left untranslated? "
        f"{_quote(sentence.text)}{counterpart}",
        spans=tuple(Span(side, sentence.index, start, end) for start, end in runs),
    )


def foreign_runs(text: str, lang: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` in the other language, as ``(start, end)``: its words
    in the other script with nothing of ``lang``'s own between them (links and glosses
    left out, as :func:`wrong_script` leaves them), where at least one is a word the
    check counts (an ordinary English word in Korean: a name alone is no stretch).

    Example:
        >>> text = "한국은행은 the Bank of Korea would hold rates 라고 밝혔다."
        >>> [text[a:b] for a, b in foreign_runs(text, "ko")]
        ['the Bank of Korea would hold rates']
    """
    if lang == "ko":
        foreign, own, counted = _LATIN_WORD, _HANGUL, _COMMON_WORD
    else:
        foreign, own, counted = _HANGUL_WORD, _LATIN, _HANGUL_WORD
    rest = _SKIPPED.sub(blank, text)
    groups: list[list[re.Match[str]]] = []
    for word in foreign.finditer(rest):
        if groups and not own.search(text, groups[-1][-1].end(), word.start()):
            groups[-1].append(word)
        else:
            groups.append([word])
    return [
        (group[0].start(), group[-1].end())
        for group in groups
        if any(counted.fullmatch(w.group()) for w in group)
    ]


# a phrase of ordinary words the translation copies from its source ("graduate-level
# science questions 벤치마크에서"): a name or a title keeps its capitals
MIN_COPIED_PHRASE_WORDS = 2
# what opens a gloss, a quotation or a title a Korean sentence keeps in English on
# purpose: 'just do it'이라는, <bad guy>, 「made in korea」
_OPENERS = ("(", "（", "'", "‘", '"', "“", "<", "〈", "《", "「", "『", "[")


def _copied_phrase(doc: AlignedDocument, bead: Bead) -> Flag | None:
    """A warning for a run of ordinary source-language words inside a translation that
    is otherwise in its own script, copied word for word from its source."""
    if not doc.is_content_pair(bead) or doc.tgt.lang != "ko" or doc.src.lang != "en":
        return None
    if copied(doc.src_text(bead), doc.tgt_text(bead)):
        return None  # a copy as a whole is ``untranslated``'s
    source = " ".join(doc.src_text(bead).lower().split())
    for index in bead.tgt:
        sentence = doc.tgt.sentences[index]
        if sentence.boilerplate:
            continue
        if wrong_script(sentence.text, "ko") is not None:
            continue  # the sentence as a whole is ``untranslated``'s
        for start, end in foreign_runs(sentence.text, "ko"):
            run = sentence.text[start:end]
            if sentence.text[:start].rstrip().endswith(_OPENERS):
                continue  # a gloss (트윈스 네임드 (twins named ...)) or a quoted title or slogan
            words = _COMMON_WORD.findall(run)
            phrase = " ".join(run.lower().split())
            if len(words) >= MIN_COPIED_PHRASE_WORDS and re.search(
                rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", source
            ):
                return Flag(
                    "untranslated",
                    Severity.WARNING,
                    bead.src,
                    bead.tgt,
                    f"Korean {doc.tgt.place(index)} keeps “{run}” of the English untranslated: "
                    f"{_quote(sentence.text)}",
                    subject="phrase",
                    spans=(Span("tgt", index, start, end),),
                )
    return None


def _bead_flags(doc: AlignedDocument, bead: Bead) -> Iterator[Flag]:
    if flag := _copy_flag(doc, bead):
        yield flag
        return
    sides = (
        ("src", doc.src, bead.src, (doc.tgt.lang, doc.tgt_text(bead))),
        ("tgt", doc.tgt, bead.tgt, (doc.src.lang, doc.src_text(bead))),
    )
    for side, document, indices, other in sides:
        for index in indices:
            sentence = document.sentences[index]
            if sentence.boilerplate:
                continue
            if flag := _script_flag(document, sentence, bead, other, side):
                yield replace(flag, subject=sentence_subject(doc, bead, document, sentence))


@register("untranslated", Severity.ERROR)
def find_untranslated(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """Sentences copied from the other side or not written in their language's script.

    Args:
        doc: the aligned document.
        settings: run settings (unused; the check has no parameters).

    Yields:
        One ``untranslated`` flag per copied pair or per sentence in the wrong
        script, carrying the bead's indices.
    """
    if swapped := _sides_swapped(doc):
        yield swapped
        return
    for bead in doc.beads:
        yield from _bead_flags(doc, bead)


_SWAPPED_SHARE = 0.8  # of each side's content sentences in the other side's script


def _sides_swapped(doc: AlignedDocument) -> Flag | None:
    """One flag for a document whose two files are each in the other's language (``check
    ko en``): a wrong-script flag on both sides of every pair says nothing more, and it
    drowned the hint."""
    counts = []
    for document in (doc.src, doc.tgt):
        content = [s for s in document.sentences if not s.boilerplate]
        wrong = sum(wrong_script(s.text, document.lang) is not None for s in content)
        counts.append((wrong, len(content)))
    pairs = [b for b in doc.beads if b.src and b.tgt]
    if not pairs or not all(n and wrong >= _SWAPPED_SHARE * n for wrong, n in counts):
        return None
    src, tgt = language_name(doc.src.lang), language_name(doc.tgt.lang)
    return Flag(
        "untranslated",
        Severity.ERROR,
        pairs[0].src,
        pairs[0].tgt,
        f"the {src} file is in {tgt} and the {tgt} file in {src}: are the sides swapped? "
        f"({counts[0][0]} of {counts[0][1]} {src} and {counts[1][0]} of {counts[1][1]} "
        f"{tgt} sentences are in the other language)",
        subject=SIDES_SWAPPED,
    )


@register("copied_phrase", Severity.WARNING)
def find_copied_phrases(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """Korean translations that keep a phrase of ordinary English words of their source
    (two or more, copied word for word): ``graduate-level science questions 벤치마크에서``.

    Args:
        doc: the aligned document (English source, Korean translation; others yield
            nothing: a Korean original may hold English its translation copies).
        settings: run settings (unused).

    Yields:
        ``untranslated`` flags (subject ``phrase``), one per pair at most.
    """
    for bead in doc.beads:
        if flag := _copied_phrase(doc, bead):
            yield flag

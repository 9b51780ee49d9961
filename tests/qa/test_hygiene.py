"""Hygiene checks (info): spacing, repeated words, unbalanced brackets and quotes, final marks."""

from __future__ import annotations

import pytest
from pairs import aligned

import aligner.api  # noqa: F401  (registers every check, for run_checks)
from aligner.config import Settings
from aligner.models import Flag, Severity
from aligner.qa.hygiene import (
    bracket_problems,
    final_mark,
    find_punctuation,
    find_repeated_words,
    find_unbalanced,
    find_whitespace,
    open_quote,
    repeated_word,
    spacing_problem,
)
from aligner.qa.registry import CHECKS, run_checks


def _types(en: str, ko: str) -> list[str]:
    return [f.type for f in run_checks(aligned([(en, ko)]), Settings())]


def _one(check: str, en: str, ko: str) -> list[Flag]:
    return list(CHECKS[check].function(aligned([(en, ko)]), Settings()))


@pytest.mark.parametrize("name", ["whitespace", "repeated_word", "unbalanced", "punctuation"])
def test_hygiene_checks_are_info(name: str) -> None:
    assert CHECKS[name].severity == Severity.INFO


# ---------------------------------------------------------------- whitespace


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("As a new visitor,  everything is new.", "a doubled space"),
        ("As a new visitor,\u00a0 everything is new.", "a doubled space"),
        ("Prices\trose.", "a tab"),
        ("Prices\u00a0rose.", "a non-breaking or typographic space"),
        ("물가가\u3000올랐다.", "an ideographic (full-width) space"),
        ("Prices\u200brose.", "an invisible zero-width character"),
    ],
)
def test_spacing_problems(text: str, what: str) -> None:
    problem = spacing_problem(text)
    assert problem is not None and problem[0] == what


def test_whitespace_flag_says_where() -> None:
    [flag] = _one("whitespace", "Prices rose.", "물가가  또 올랐다.")
    assert flag.message == "Korean line 1 has a doubled space after “물가가”"
    assert flag.severity == Severity.INFO and (flag.src, flag.tgt) == ((0,), (0,))


def test_each_side_of_a_pair_is_its_own_flag_subject() -> None:
    """So that a waiver of the English doubled space leaves the Korean one flagged."""
    flags = _one("whitespace", "Prices  rose.", "물가가  또 올랐다.")
    assert [f.subject for f in flags] == ["src 0", "tgt 0"]


def test_single_spaces_pass() -> None:
    assert spacing_problem("Prices rose, the office said.") is None
    assert list(find_whitespace(aligned([("Prices rose.", "물가가 올랐다.")]), Settings())) == []


# ---------------------------------------------------------------- repeated words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Please tell her we miss her and and hope she is well.", "and and"),
        ("The the meeting was cancelled.", "The the"),
        ("이 사업은 아직 진행 중이다 있다 있다.", "있다 있다"),
        ("정부는 정부는 대책을 발표했다.", "정부는 정부는"),
        # a particle typed again
        ("정부는 는 대책을 발표했다.", "정부는 는"),
        ("그는 사과를 를 먹었다.", "사과를 를"),
        # -게 ends verbs too: a doubled one is a slip, not an emphasis
        ("누구나 쓸 수 있게 있게 했다.", "있게 있게"),
    ],
)
def test_repeated_words(text: str, words: str) -> None:
    assert repeated_word(text) == words


@pytest.mark.parametrize(
    "text",
    [
        "He had had enough.",
        "She said that that was wrong.",
        "They visited Walla Walla last year.",
        "Bora Bora is popular with honeymooners.",  # a name opening the sentence too
        "Bye bye, she said.",
        "The score was 10 10 at half time.",
        "He thanked the theater.",
        # Korean adverbs doubled for emphasis
        "구멍은 해마다 조금씩 조금씩 커지고 있다.",
        "그는 천천히 천천히 걸었다.",
        '그는 "정말 정말 고마워요, 스테이"라고 말했다.',
        "이것이 이 나라의 미래다.",  # 이 is a word of its own here, no particle again
    ],
)
def test_legitimate_repetitions(text: str) -> None:
    assert repeated_word(text) is None


def test_repetition_the_other_side_keeps_is_not_flagged() -> None:
    doc = aligned([("It was very, very cold. Go go go!", "몹시 추웠다. 가자 가자 가자!")])
    assert list(find_repeated_words(doc, Settings())) == []


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        (
            'The crowd chanted "Step down, step down" for an hour.',
            '군중은 "물러나라 물러나라"를 외쳤다.',
        ),
        ("It was very, very cold.", "정말 정말 추웠다."),
        ("Fans shouted: Korea! Korea!", "팬들은 대한민국 대한민국 하고 외쳤다."),
        # an English idiom of repetition
        ("Prices went up again and again.", "물가가 자꾸 자꾸 올랐다."),
        ("The hostages were freed one by one.", "인질들이 하나 하나 풀려났다."),
    ],
)
def test_repetition_the_other_side_keeps_across_punctuation_is_not_flagged(
    en: str, ko: str
) -> None:
    assert list(find_repeated_words(aligned([(en, ko)]), Settings())) == []


def test_a_grammatical_repetition_is_no_emphasis_to_keep() -> None:
    doc = aligned([("He had had enough, he said.", "그는 질렸다고 했다 했다.")])
    assert [f.tgt for f in find_repeated_words(doc, Settings())] == [(0,)]
    # "by", "to" between two different words is no repetition
    doc = aligned([("Prices rose by 3 percent, close to forecasts.", "물가가 3% 올랐다 올랐다.")])
    assert [f.tgt for f in find_repeated_words(doc, Settings())] == [(0,)]


def test_repeated_word_flag_quotes_the_sentence() -> None:
    [flag] = _one("repeated_word", "The project is under way.", "사업은 진행 중이다 중이다.")
    assert "Korean line 1 repeats a word: “중이다 중이다”" in flag.message


# ---------------------------------------------------------------- unbalanced


def test_bracket_problems() -> None:
    assert bracket_problems("45 a.m. ET), the death toll rose.") == [")"]
    assert bracket_problems("동남아시아국가연합(ASEAN）회의") == []  # full-width closer
    assert bracket_problems("1) Prices rose (by 3%).") == []
    assert bracket_problems("「공산당 선언」을 읽었다") == []
    assert bracket_problems("일부 지역 (900mm 이상") == ["("]


def test_open_quote_ignores_quotations_running_over_sentences() -> None:
    assert open_quote("그러자 남편은 “나라면 걱정하지 않겠소.")
    assert not open_quote("“A quote that continues in the next paragraph.")
    assert not open_quote("which is what he said.”")
    assert not open_quote('그는 “왜요?"라고 물었다.')  # “ with " is balanced


def test_unclosed_korean_quote_is_flagged_when_the_english_closes_it() -> None:
    [flag] = _one("unbalanced", '"I wouldn\'t worry," he replied.', "남편은 “걱정하지 않겠소.")
    assert flag.message.startswith("Korean leaves a double quote unmatched in")
    assert flag.message.endswith("while the English is balanced")


def test_english_quotes_left_open_by_convention_are_not_flagged() -> None:
    doc = aligned([('His pleas went unheeded. "They took my clothes.', "그의 간청은 무시당했다.")])
    assert list(find_unbalanced(doc, Settings())) == []


def test_korean_quote_without_english_quotes_is_not_flagged() -> None:
    assert _one("unbalanced", "He said he would not worry.", "남편은 “걱정 않겠다고 했다.") == []


def test_quote_continued_in_the_next_sentence_is_not_flagged() -> None:
    doc = aligned(
        [
            ('Ferguson said: "Real Madrid would be the worst."', "퍼거슨은 “최악의 선택이다."),
            ("He has four years left.", "그는 4년이 남았다.”"),
        ]
    )
    assert list(find_unbalanced(doc, Settings())) == []


def test_unbalanced_bracket_on_the_english_side() -> None:
    [flag] = _one("unbalanced", "45 a.m. ET), the death toll had climbed to 49.", "사망자는 49명.")
    assert flag.message.startswith("English leaves “)” unmatched")


def test_bracket_over_two_sentences_is_not_flagged() -> None:
    doc = aligned(
        [
            ("The talks failed (the first since 2019.", "회담은 실패했다."),
            ("They ended early.) Both sides left.", "양측은 떠났다."),
            ("Talks resume (in May.", "회담은 5월에 재개된다."),
        ]
    )
    [flag] = find_unbalanced(doc, Settings())  # only the bracket no sentence closes
    assert flag.src == (2,)


def test_both_sides_unbalanced_is_not_flagged() -> None:
    assert _one("unbalanced", "the toll (as of Monday rose.", "사망자는 (월요일 현재 늘었다.") == []


def test_truncated_pair_is_left_to_the_truncation_check() -> None:
    en = 'He said the plan would "help the workers of the .'
    ko = "그는 이 계획이 “노동자들을 도울 것”이라고 말했다."
    assert "truncated" in _types(en, ko)
    assert "unbalanced" not in _types(en, ko)


# ---------------------------------------------------------------- punctuation


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("Why?", "?"),
        ("“뭐라고요?”", "?"),
        ("그렇다.", "."),
        ("Stop!", "!"),
        ("No mark", ""),
        ("이것이 끝일까…", ""),  # trailing off: neither a statement nor a question
        # the mark of a quotation that opens mid-sentence is not the sentence's
        ('Another demonstrator asked, "Who will pay for this?"', ""),
        ("He shouted, “Step down!”", ""),
        ('"Who will pay for this?"', "?"),  # the whole sentence is the quotation
        ('It is over. Who will pay?"', "?"),  # a quotation from the sentence before
    ],
)
def test_final_mark(text: str, mark: str) -> None:
    assert final_mark(text) == mark


def test_question_turned_into_a_statement_is_flagged_with_the_korean_hint() -> None:
    [flag] = _one("punctuation", "Why did the government delay it?", "정부는 왜 미뤘습니까.")
    assert "English asks a question" in flag.message and "ends with “.”" in flag.message
    assert "its ending is a question" in flag.message


def test_korean_question_for_an_english_statement_is_flagged() -> None:
    [flag] = _one("punctuation", "He asked why it was delayed.", "왜 미뤄졌습니까?")
    assert flag.message.startswith("Korean asks a question")


def test_quoted_questions_and_missing_marks_are_not_flagged() -> None:
    doc = aligned(
        [
            ('"Why?" he asked.', "그는 “왜요?”라고 물었다."),
            ('And he yelled, "What?"', '남편은 “뭐라고요?" 라며 소리를 질렀다.'),
            ("Why the delay?", "지연 이유"),
            ("Prices rose.", "물가가 올랐다!"),
            (
                'Another demonstrator asked, "Who will pay for this?"',
                '그는 "누가 내나"라고 물었다.',
            ),
        ]
    )
    assert list(find_punctuation(doc, Settings())) == []


# Found in review of desk copy.
def test_list_markers_inside_a_line_and_emoji_joiners_are_not_problems() -> None:
    assert bracket_problems("조건은 1) 가격 2) 품질이다.") == []
    assert bracket_problems("Voters must choose a) the incumbent or b) the challenger.") == []
    assert bracket_problems("3명(남성 2)이 다쳤다.") == []
    assert bracket_problems("It fell 36 inches (900 mm) here.") == []
    assert (
        spacing_problem("The family \U0001f468\u200d\U0001f469\u200d\U0001f467 posted a photo.")
        is None
    )
    assert spacing_problem("A stray\u200djoiner.") is not None


def test_a_korean_single_quote_left_open_is_flagged() -> None:
    en = "The so-called 'banana war' ended after ten years."
    [flag] = _one("unbalanced", en, "이른바 ‘바나나 분쟁이 10년 만에 끝났다.")
    assert "“‘”" in flag.message
    assert _one("unbalanced", en, "이른바 ‘바나나 분쟁’이 10년 만에 끝났다.") == []


@pytest.mark.parametrize(
    "korean",
    [
        "그것을 성공이라 부를 수 있을까.",
        "이것이 이상한 일인가.",
        "그 많던 돈은 어디로 갔나.",
        "누가 책임지는가.",
        "질문: 젊은 번역가들에게 조언한다면.",  # an interview's question (hunt31)
    ],
)
def test_a_written_register_korean_question_on_a_full_stop_is_not_flagged(korean: str) -> None:
    """Editorials end rhetorical questions on a full stop; each drew a hint to use "?"."""
    assert not _one("punctuation", "Is that a success?", korean)


# ---------------------------------------------------------------- marks


def _marked(flag: Flag, en: str, ko: str) -> list[tuple[str, str]]:
    texts = {"src": en, "tgt": ko}
    return [(s.side, texts[s.side][s.start : s.end]) for s in flag.spans]


@pytest.mark.parametrize(
    ("check", "en", "ko", "marked"),
    [
        ("whitespace", "As a new visitor,  it is new.", "모든 것이 새롭다.", [("src", "  ")]),
        ("whitespace", "It is new.", "모든\u3000것이 새롭다.", [("tgt", "\u3000")]),
        ("repeated_word", "We miss her and and hope.", "그립다.", [("src", "and and")]),
        ("repeated_word", "It is under way.", "진행 중이다 중이다.", [("tgt", "중이다 중이다")]),
        ("repeated_word", "The plan works.", "정부는 는 말했다.", [("tgt", "정부는 는")]),
        # the mark to change: the statement's, inside no quote
        ("punctuation", "Why did they delay it?", "왜 미뤘습니까.", [("tgt", ".")]),
        ("punctuation", "He asked why it was delayed.", "“왜 미뤄졌습니까?”", [("src", ".")]),
        ("punctuation", "Why?", "“왜 그랬습니까.” ", [("tgt", ".")]),
    ],
)
def test_hygiene_flags_mark_what_to_fix(
    check: str, en: str, ko: str, marked: list[tuple[str, str]]
) -> None:
    [flag] = _one(check, en, ko)
    assert _marked(flag, en, ko) == marked

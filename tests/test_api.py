"""The Python API on stories held in memory, with the real model."""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from aligner import api
from aligner.config import Settings
from aligner.embed import Encoder
from aligner.errors import InputError
from aligner.models import DocumentResult, RunResult
from aligner.waivers import merge_waivers, write_waivers
from conftest import DATA, SEED_EN, SEED_KO

STORY = "onchon-party-officials.txt"


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return api.load_encoder("muse-v3")


def _texts() -> tuple[str, str]:
    return (SEED_EN / STORY).read_text(encoding="utf-8"), (SEED_KO / STORY).read_text("utf-8")


def test_texts_are_checked_as_their_files_are(encoder: Encoder) -> None:
    settings = Settings(cache=False)
    from_files = api.check_paths(SEED_EN, SEED_KO, settings=settings, encoder=encoder)
    [expected] = from_files.documents
    result = api.check_texts(*_texts(), settings=settings, encoder=encoder, name=STORY)
    assert result.pair.name == STORY and result.pair.tgt_path == Path("ko", STORY)
    assert result.beads == expected.beads
    assert [(f.type, f.src, f.tgt, f.message) for f in result.flags] == [
        (f.type, f.src, f.tgt, f.message) for f in expected.flags
    ]
    assert "truncated" in {f.type for f in result.flags}
    assert not result.passed and result.failures == expected.failures


def test_waivers_apply_to_texts(tmp_path: Path, encoder: Encoder) -> None:
    settings = Settings(cache=False)
    first = api.check_texts(*_texts(), settings=settings, encoder=encoder)
    failing = [(first, f) for f in first.flags if f.severity.value == "error"]
    path = tmp_path / "waivers.json"
    write_waivers(path, merge_waivers([first], [], stale=[], accept=failing))
    waived = Settings(cache=False, waivers=path)
    second = api.check_texts(*_texts(), settings=waived, encoder=encoder)
    assert second.passed and sum(f.waived for f in second.flags) == len(failing) > 0


def test_an_empty_text_is_an_input_error_naming_its_side(encoder: Encoder) -> None:
    en, _ = _texts()
    with pytest.raises(InputError, match=r"^ko/story\.txt: no sentences found$"):
        api.check_texts(en, " \n\n", settings=Settings(cache=False), encoder=encoder)


def test_without_an_encoder_the_settings_model_is_opened_and_closed(tmp_path: Path) -> None:
    settings = Settings(cache_dir=tmp_path / "cache")
    result = api.check_texts(
        "The minister resigned on Monday.", "장관이 월요일 사임했다.", settings=settings
    )
    assert result.passed and [(b.src, b.tgt) for b in result.beads] == [((0,), (0,))]
    assert (tmp_path / "cache").is_dir()


def test_one_cached_encoder_serves_several_threads(tmp_path: Path) -> None:
    clean = DATA / "clean"
    stories = [_texts()] + [
        ((clean / "en" / p.name).read_text("utf-8"), (clean / "ko" / p.name).read_text("utf-8"))
        for p in sorted((clean / "en").glob("*.txt"))
    ]
    settings = Settings(cache_dir=tmp_path / "cache")
    serial = [api.check_texts(en, ko, settings=Settings(cache=False)) for en, ko in stories]
    encoder = api.open_encoder(settings)  # opened here, used from other threads
    try:
        with ThreadPoolExecutor(4) as pool:
            threaded = list(
                pool.map(
                    lambda s: api.check_texts(*s, settings=settings, encoder=encoder), stories * 3
                )
            )
    finally:
        encoder.close()
    assert len(stories) >= 2

    def outcome(r: DocumentResult) -> tuple[object, ...]:
        # the model's last float digits depend on how sentences were batched
        return tuple((b.src, b.tgt, round(b.similarity, 4)) for b in r.beads), r.flags

    assert [outcome(r) for r in threaded] == [outcome(r) for r in serial * 3]


@pytest.mark.parametrize("name", ["", "/abs.txt", "../escape.txt", "a/../../b.txt"])
def test_a_name_outside_the_report_folder_is_refused(name: str, encoder: Encoder) -> None:
    en, ko = _texts()
    with pytest.raises(InputError, match="give a relative path"):
        api.check_texts(en, ko, settings=Settings(cache=False), encoder=encoder, name=name)


@pytest.mark.parametrize("text", [b"The minister resigned.", None, 42])
def test_text_that_is_not_str_is_an_input_error(text: object, encoder: Encoder) -> None:
    with pytest.raises(InputError, match=r"^src_text must be text \(str\), got "):
        api.check_texts(text, "장관이 사임했다.", settings=Settings(cache=False), encoder=encoder)  # type: ignore[arg-type]


def test_reports_of_stories_checked_in_memory(tmp_path: Path, encoder: Encoder) -> None:
    settings = Settings(cache=False, report_dir=tmp_path / "r")
    story = api.check_texts(*_texts(), settings=settings, encoder=encoder, name="index")
    other = api.check_texts(*_texts(), settings=settings, encoder=encoder, name="b/story.txt")
    run = RunResult(documents=[story, other])
    written = {
        p.relative_to(tmp_path / "r").as_posix() for p in api.write_reports(run, settings=settings)
    }
    # a story named "index" keeps its page without replacing the run's index
    assert {"index-document.html", "index.json", "index.html", "summary.json"} <= written
    assert "b/story.txt.html" in written
    clash = dataclasses.replace(other, pair=dataclasses.replace(other.pair, name="index-document"))
    for documents in ([story, story], [story, clash]):
        with pytest.raises(InputError, match=r"would write the same report .*/r/index"):
            api.write_reports(RunResult(documents=documents), settings=settings)


def test_a_file_name_too_long_for_its_reports_is_shortened(
    tmp_path: Path, encoder: Encoder
) -> None:
    """A headline as a file name, in CP949 bytes escaped four characters each, used to
    fail the whole run with 'File name too long' and no report at all."""
    settings = Settings(cache=False, report_dir=tmp_path / "r")
    headline = "desk/" + "북한 당 간부들 처벌 " * 12 + ".txt"  # 293 bytes in UTF-8
    folder = "\\xba\\xcf" * 40  # a folder name with CP949 bytes escaped: 320 bytes
    story = api.check_texts(*_texts(), settings=settings, encoder=encoder, name=headline)
    written = api.write_reports(RunResult(documents=[story]), settings=settings)
    pages = [p for p in written if p.suffix == ".html" and p.name != "index.html"]
    assert [p.parent.name for p in pages] == ["desk"]
    assert len(os.fsencode(pages[0].name)) <= api.REPORT_NAME_BYTES
    assert pages[0].name.startswith("북한 당 간부들 처벌")
    nested = api.check_texts(*_texts(), settings=settings, encoder=encoder, name=f"{folder}/a.txt")
    [page] = [p for p in api.write_reports(RunResult(documents=[nested]), settings=settings)
              if p.name == "a.txt.html"]  # fmt: skip
    assert len(os.fsencode(page.parent.name)) <= api.REPORT_NAME_BYTES


def test_texts_as_json_can_carry_them(encoder: Encoder) -> None:
    settings = Settings(cache=False)
    en, ko = _texts()
    plain = api.check_texts(en, ko, settings=settings, encoder=encoder)
    marked = api.check_texts("\ufeff" + en, "\ufeff" + ko, settings=settings, encoder=encoder)
    assert marked.flags == plain.flags  # a byte-order mark is dropped, as from a file
    with pytest.raises(InputError, match=r"^tgt_text is not valid Unicode text: '\\ud800' at"):
        api.check_texts(en, "장관이 \ud800 사임했다.", settings=settings, encoder=encoder)


def test_the_readme_example_for_a_story_in_memory_runs(capsys: pytest.CaptureFixture[str]) -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```python\n(.*?)```", readme, re.S) if "check_texts" in b)
    english_text, korean_text = _texts()
    scope = {"english_text": english_text, "korean_text": korean_text}
    exec(block, scope)  # noqa: S102 - our own README
    assert "1 error flag (fail_on error)" in capsys.readouterr().out
    assert scope["data"]["document"] == "2026/12/onchon.txt"


def test_paths_may_be_given_as_strings(encoder: Encoder) -> None:
    run = api.check_paths(
        str(SEED_EN), str(SEED_KO), settings=Settings(cache=False), encoder=encoder
    )
    assert [d.pair.name for d in run.documents] == [STORY]


def test_a_paragraph_added_in_the_translation_is_not_called_missing(encoder: Encoder) -> None:
    """Its sentences fit each other, not the story: they were typed 'missing' (their
    counterpart dropped), sending the editor to look for lost English."""
    data = DATA / "added-paragraph"
    en, ko = (data / f"{lang}.txt" for lang in ("en", "ko"))
    settings = Settings(presegmented=True, cache=False)
    result = api.check_texts(
        en.read_text(encoding="utf-8"), ko.read_text(encoding="utf-8"), settings=settings,
        encoder=encoder,
    )  # fmt: skip
    added = {j: f.type for f in result.flags for j in f.tgt if not f.src}
    assert sorted(added) == [5, 6, 7]
    assert "missing" not in added.values() and "extra" in added.values()


@pytest.mark.parametrize("copy_first", [True, False])
def test_source_text_pasted_next_to_its_translation_is_explained(
    encoder: Encoder, copy_first: bool
) -> None:
    """The copy matches its English exactly and takes the pair; its translation beside
    it was reported as a Korean line whose English "seems to have been dropped"."""
    data = DATA / "pasted-source"
    en = (data / "en.txt").read_text(encoding="utf-8")
    ko = (data / "ko.txt").read_text(encoding="utf-8").splitlines()
    if not copy_first:
        ko[2], ko[3] = ko[3], ko[2]
    copy, translation = (2, 3) if copy_first else (3, 2)
    settings = Settings(presegmented=True, cache=False)
    result = api.check_texts(en, "\n".join(ko), settings=settings, encoder=encoder)
    [gap] = [f for f in result.flags if f.tgt == (translation,) and not f.src]
    assert gap.type == "unaligned"
    assert f"KO line {copy + 1} near it repeats its EN counterpart word for word" in gap.message
    assert any(f.type == "untranslated" and f.tgt == (copy,) for f in result.flags)


def test_a_sentence_pasted_twice_is_extra_and_names_its_twin(encoder: Encoder) -> None:
    """The repeat fits its story perfectly (it is the next sentence): it was typed
    'missing', sending the translator to look for a dropped English sentence."""
    en = [
        "The Bank of Korea kept its benchmark interest rate unchanged at 3.5 percent.",
        "It was the 10th straight meeting at which the central bank held rates steady.",
        "Consumer prices rose 2.6 percent in July from a year earlier.",
        "Household debt rose by 5.3 trillion won last month.",
        "The bank kept its growth forecast for this year at 2.5 percent.",
        "Analysts said the bank was likely to cut rates in October.",
    ]
    ko = [
        "한국은행은 22일 기준금리를 연 3.5%로 동결했다.",
        "이로써 한은은 10회 연속 기준금리를 동결했다.",
        "7월 소비자물가는 1년 전보다 2.6% 올랐다.",
        "지난달 가계부채는 5조 3천억 원 늘었다.",
        "지난달 가계부채는 5조 3천억 원 늘었다.",
        "한은은 올해 성장률 전망치를 2.5%로 유지했다.",
        "분석가들은 한은이 10월에 금리를 인하할 가능성이 크다고 내다봤다.",
    ]
    settings = Settings(presegmented=True, cache=False)
    result = api.check_texts("\n".join(en), "\n".join(ko), settings=settings, encoder=encoder)
    [gap] = [f for f in result.flags if f.type in ("missing", "extra", "unaligned")]
    [lone] = gap.tgt
    twin = 4 if lone == 3 else 3
    assert gap.type == "extra"
    assert f"it repeats KO line {twin + 1} word for word" in gap.message


def test_a_sentence_an_mt_engine_repeats_is_an_addition_said_so(encoder: Encoder) -> None:
    """An MT draft's loop (hunt28): copies of a sentence no pair holds, each said to
    repeat another, where they were three gaps 'dropped or added'."""
    en = [
        "The museum opened an exhibition of Goryeo celadon on Tuesday.",
        "More than 100 pieces are on display.",
        "The exhibition runs until March.",
    ]
    loop = "도공들은 12세기에 옥색 유약을 완성했다."
    ko = [
        "박물관은 화요일 고려청자 전시회를 열었다.",
        f"100점이 넘는 작품이 전시된다. {loop} {loop} {loop}",
        "전시는 3월까지 이어진다.",
    ]
    settings = Settings(cache=False)
    result = api.check_texts("\n".join(en), "\n".join(ko), settings=settings, encoder=encoder)
    gaps = [f for f in result.flags if f.type in ("missing", "extra", "unaligned")]
    assert [f.type for f in gaps] == ["extra"] * 3
    assert all("word for word" in f.message for f in gaps)


def test_a_title_the_same_in_both_languages_is_no_pasted_source(encoder: Encoder) -> None:
    """A lone sentence beside a name or title shared by both sides keeps its gap."""
    en = [
        "Samsung Electronics",
        "Samsung Electronics posted a record quarterly profit on Thursday.",
        "Chip sales rose 40 percent from a year earlier.",
        "The company said demand for memory would stay strong.",
        "Its shares rose 3 percent in Seoul.",
    ]
    ko = [
        "Samsung Electronics",
        "반도체 매출은 1년 전보다 40% 증가했다.",
        "회사 측은 메모리 수요가 견조할 것이라고 밝혔다.",
        "서울 증시에서 주가는 3% 올랐다.",
    ]
    settings = Settings(presegmented=True, cache=False)
    result = api.check_texts("\n".join(en), "\n".join(ko), settings=settings, encoder=encoder)
    [gap] = [f for f in result.flags if f.src == (1,) and not f.tgt]
    assert "word for word" not in gap.message


def test_an_uncalibrated_model_never_measures_a_pair_against_itself(encoder: Encoder) -> None:
    """With one pair, the median of all pairs was that pair: the estimate was its own
    similarity rounded, and rounding up flagged about half of correct headlines."""

    class Uncalibrated:
        name = "someone/else"

        def encode(self, texts: Sequence[str]) -> np.ndarray:
            return encoder.encode(texts)

    settings = Settings(cache=False, presegmented=True)
    for en, ko in (
        ("The day we discover a signal from space will change everything.",
         "우리가 우주에서 온 신호를 발견하는 날 모든 것이 바뀔 것이다."),
        ("The minister resigned on Monday.", "장관이 월요일 사임했다."),
    ):  # fmt: skip
        result = api.check_texts(en, ko, settings=settings, encoder=Uncalibrated())
        assert [f.type for f in result.flags if f.type == "mistranslation"] == []


def test_a_repeated_short_sentence_translated_once_is_no_omission(encoder: Encoder) -> None:
    """ "No. No." as one Korean sentence is a faithful 2-1 bead (a veto on joining a
    sentence with its repetition, tried in review, failed it as a missing sentence)."""
    en = [
        "The minister was asked whether he would resign.",
        "No. No.",
        "He said he had done nothing wrong and would stay in office.",
        "The opposition called for his dismissal.",
        "Parliament will vote next week.",
    ]
    ko = [
        "장관은 사임할 것인지 질문을 받았다.",
        "아니요, 아닙니다.",
        "그는 잘못한 것이 없으며 자리를 지키겠다고 말했다.",
        "야당은 그의 해임을 요구했다.",
        "의회는 다음 주 표결한다.",
    ]
    result = api.check_texts(
        "\n".join(en), "\n".join(ko), settings=Settings(cache=False), encoder=encoder
    )
    assert not [f for f in result.flags if f.type in ("missing", "extra", "unaligned")]


def test_two_sentences_pasted_before_their_translations_are_explained(encoder: Encoder) -> None:
    data = DATA / "pasted-source"
    en = (data / "en.txt").read_text(encoding="utf-8").splitlines()
    ko = [
        k
        for k in (data / "ko.txt").read_text(encoding="utf-8").splitlines()
        if k.isascii() is False
    ]
    pasted = [ko[0], en[1], en[2], *ko[1:]]  # KO lines 2-3 are EN lines 2-3, untranslated
    settings = Settings(presegmented=True, cache=False)
    result = api.check_texts("\n".join(en), "\n".join(pasted), settings=settings, encoder=encoder)
    gaps = {f.tgt[0]: f for f in result.flags if not f.src}
    assert "KO line 2 near it repeats" in gaps[3].message
    assert "KO line 3 near it repeats" in gaps[4].message


def test_a_sentence_without_counterpart_says_which_side_lacks_it(encoder: Encoder) -> None:
    """A Korean sentence that fits the story was said to have a counterpart that
    'seems to have been dropped': a desk tester read it as 'left out of my Korean'
    when the Korean had added it (its budget story: one Korean sentence left out, one
    added, one cut short)."""
    data = DATA / "budget-gaps"
    en, ko = ((data / f"{lang}.txt").read_text(encoding="utf-8") for lang in ("en", "ko"))
    result = api.check_texts(en, ko, settings=Settings(cache=False), encoder=encoder)
    gaps = [f for f in result.flags if f.type == "missing"]
    [dropped] = [f for f in gaps if f.src]
    [added] = [f for f in gaps if f.tgt]
    assert "People Power Party" in dropped.message
    assert "the KO seems to leave it out" in dropped.message
    assert "재정준칙" in added.message and "the KO adds it, or the EN lost it" in added.message


_KO_ORIGINAL = [
    "국민의힘 새 당대표에 장동혁 의원이 선출됐다.",
    "장 신임 대표는 26일 충북 청주에서 열린 전당대회 결선 투표에서 50.27%를 득표했다.",
    "경쟁자인 김문수 전 고용노동부 장관은 49.73%를 얻는 데 그쳤다.",
    "국회는 2일 본회의를 열어 내년도 예산안을 통과시켰다.",
    "tvN 토론 프로그램은 최고 시청률 5.1%를 기록했다.",
]
_EN_TRANSLATION = [
    "Rep. Jang Dong-hyeok was elected as the new leader of the main opposition People Power "
    "Party (PPP).",
    "Jang won 50.27 percent of the vote in a runoff at the party's national convention held "
    "Tuesday in Cheongju, North Chungcheong Province.",
    "His rival, former Labor Minister Kim Moon-soo, garnered 49.73 percent.",
    "The National Assembly passed next year's budget at a plenary session on Tuesday.",
    "The tvN debate program drew a peak viewership rating of 5.1 percent.",
]


def _korean_source(glossary: str, tmp_path: Path) -> Settings:
    path = tmp_path / "glossary.csv"
    path.write_text(f"en,ko,forbidden\n{glossary}\n", encoding="utf-8")
    return Settings(src_lang="ko", tgt_lang="en", presegmented=True, cache=False, glossary=path)


def test_a_faithful_korean_original_has_no_name_or_term_flags(
    tmp_path: Path, encoder: Encoder
) -> None:
    settings = _korean_source("National Assembly,국회", tmp_path)
    result = api.check_texts(
        "\n".join(_KO_ORIGINAL), "\n".join(_EN_TRANSLATION), settings=settings, encoder=encoder
    )
    assert (result.src.lang, result.tgt.lang) == ("ko", "en")
    assert [f.message for f in result.flags] == []


def test_a_korean_original_flags_a_swapped_name_a_term_and_a_dropped_latin_name(
    tmp_path: Path, encoder: Encoder
) -> None:
    en = list(_EN_TRANSLATION)
    en[2] = en[2].replace("Kim Moon-soo", "Han Dong-hoon")
    en[4] = "The debate program drew a peak viewership rating of 5.1 percent."
    settings = _korean_source("National Assembly,국회의사당", tmp_path)
    result = api.check_texts(
        "\n".join(_KO_ORIGINAL), "\n".join(en), settings=settings, encoder=encoder
    )
    found = {(f.type, f.src, f.tgt): f.message for f in result.flags}
    assert set(found) == {
        ("named_entity", (2,), (2,)),
        ("terminology", (3,), (3,)),
        ("named_entity", (4,), (4,)),
    }
    assert found["named_entity", (2,), (2,)].startswith("EN “Han Dong-hoon” but KO “김문수”")
    assert found["terminology", (3,), (3,)].startswith(
        "EN “National Assembly” is the glossary's translation of “국회의사당”"
    )
    assert found["named_entity", (4,), (4,)].startswith("KO writes “tvN” in Latin script")


def test_the_signature_names_what_else_decides_a_verdict(tmp_path: Path) -> None:
    model = "muse-v3@0.2.1+int8"
    plain = api.make_signature(Settings(), model)
    assert plain == "aligner|model:muse-v3@0.2.1+int8|max:4|mt:0.22|fail:error|min:0|v:0.1.0"
    # a run that makes reordered text an error, or drops it, judges otherwise
    severe = api.make_signature(Settings(severities={"reordered": "error"}), model)
    dropped = api.make_signature(Settings(disabled_checks=frozenset({"reordered"})), model)
    assert len({plain, severe, dropped}) == 3 and "|checks:" in severe
    glossary = tmp_path / "glossary.csv"
    glossary.write_text("Workers' Party,노동당\n", encoding="utf-8")
    first = api.make_signature(Settings(glossary=glossary), model)
    glossary.write_text("Workers' Party,조선노동당\n", encoding="utf-8")
    assert first != api.make_signature(Settings(glossary=glossary), model)
    korean = api.make_signature(Settings(src_lang="ko", tgt_lang="en"), model)
    assert "|lang:ko-en|" in korean

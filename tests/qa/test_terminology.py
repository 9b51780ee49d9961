"""The ``terminology`` check: glossary loading, term matching and flags, config and CLI."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from pairs import aligned, document, spanned

from aligner.cli import main
from aligner.config import Settings, make_settings
from aligner.errors import ConfigError
from aligner.models import Bead, Document, Flag, Sentence, Severity
from aligner.qa.registry import CHECKS, AlignedDocument
from aligner.qa.terminology import find_terminology, load_glossary, make_term, parse_glossary
from conftest import DATA, SEED_EN, SEED_KO

GLOSSARY_CSV = DATA / "glossary.csv"
GLOSSARY_TSV = DATA / "glossary.tsv"


def _flags(en: str, ko: str, glossary: Path = GLOSSARY_CSV) -> list[Flag]:
    return list(find_terminology(aligned([(en, ko)]), Settings(glossary=glossary)))


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- loading


def test_csv_glossary_rows_variants_comments_and_blank_lines() -> None:
    terms = load_glossary(GLOSSARY_CSV).terms
    assert [t.en for t in terms] == [
        ("Workers' Party",),
        ("Radio Free Asia", "RFA"),
        ("KCNA",),
        ("Secretariat",),
    ]
    assert terms[0].ko == ("노동당", "조선노동당") and terms[0].forbidden == ("로동당",)
    assert terms[0].lines == (2,) and terms[2].lines == (6,)


def test_tsv_glossary_by_extension() -> None:
    terms = load_glossary(GLOSSARY_TSV).terms
    north = terms[1]
    assert (north.en, north.ko, north.forbidden) == (("North Korea",), ("북한", "북"), ("북조선",))


def test_tab_header_makes_any_file_tsv_and_forbidden_column_is_optional(tmp_path: Path) -> None:
    path = _write(tmp_path / "terms.txt", "EN\tKO\nSecretariat\t비서국\n")
    assert load_glossary(path).terms == (make_term("Secretariat", "비서국", line=2),)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_utf8_bom_and_crlf_or_cr_are_accepted(tmp_path: Path, newline: str) -> None:
    path = tmp_path / "bom.csv"
    rows = ["\ufeffen,ko,forbidden", "Secretariat,비서국,", "Politburo,정치국,"]
    path.write_bytes((newline.join(rows) + newline).encode())
    assert [t.ko for t in load_glossary(path).terms] == [("비서국",), ("정치국",)]


@pytest.mark.parametrize(
    ("content", "wanted"),
    [
        ("english,korean\nA,가\n", "header must be 'en,ko,forbidden'"),
        ("", "glossary is empty"),
        ("en,ko,forbidden\nA,가,나,다\n", ":2: glossary row has 4 columns"),
        ("en,ko,forbidden\n,가,\n", ":2: glossary row has no English term"),
        ("en,ko,forbidden\nParty,,\n", "neither a Korean translation nor a forbidden"),
        # a quote never closed: read to the end of the file, or up to a later quote
        (
            'en,ko,forbidden\nA,가,\n"Party,당,\n',
            ":3: glossary row has a quote that is never closed;",
        ),
        (
            'en,ko,forbidden\n"Party,당,\nB,나,\n"C",다,\n',
            ":2: glossary row has a quote that is never closed on its line (the cell runs on to "
            "line 4)",
        ),
        ('en,ko,forbidden\n"Kim" Jong Un,김정은,\n', ":2: glossary row has a quoting error"),
        ('en\tko\n"Party\tx\n', ":2: glossary row has a quote that is never closed"),
        # the same Korean variant accepted and forbidden, on one row or two
        (
            "en,ko,forbidden\nSecretariat,비서국,비서 국\n",
            ":2: glossary row for 'Secretariat' gives '비서국' both as a translation and as "
            "forbidden; list it as accepted or as forbidden, not both",
        ),
        (
            "en,ko,forbidden\nSecretariat,비서국,\nsecretariat,서기국,비서국\n",
            ":3: glossary row for 'secretariat' forbids '비서국', which line 2 accepts",
        ),
        (
            "en,ko,forbidden\nParty,당,로동당\n# comment\nParty|WPK,로동당,\n",
            ":4: glossary row for 'Party' accepts '로동당', which line 2 forbids",
        ),
    ],
)
def test_malformed_glossary_is_a_one_line_config_error_naming_the_file(
    tmp_path: Path, content: str, wanted: str
) -> None:
    path = _write(tmp_path / "bad.csv", content)
    with pytest.raises(ConfigError) as error:
        load_glossary(path)
    message = str(error.value)
    assert str(path) in message and wanted in message and "\n" not in message


def test_comment_and_blank_lines_above_the_header_are_skipped(tmp_path: Path) -> None:
    text = '# house style, "2024"\n\n  # see the wiki\nen,ko,forbidden\n# a, "b\nParty,당,\n'
    path = _write(tmp_path / "g.csv", text)
    assert load_glossary(path).terms == (make_term("Party", "당", line=6),)
    tsv = _write(tmp_path / "g.txt", "# comment, with a comma\nen\tko\nParty\t당\n")
    assert load_glossary(tsv).terms == (make_term("Party", "당", line=3),)


def test_rows_of_the_same_english_term_are_merged() -> None:
    text = (
        "en,ko,forbidden\n"
        "Secretariat,비서국,\n"
        "Workers' Party,노동당,로동당\n"
        "the secretariat,서기국,\n"  # not the same words: its own term
        "secretariat|Secretariat of the Party,서기국|비서국,비서실\n"
        "workers’ party,조선노동당,\n"
    )
    terms = parse_glossary(text, Path("g.csv"))
    assert [(t.en, t.ko, t.forbidden, t.lines) for t in terms] == [
        (
            ("Secretariat", "secretariat", "Secretariat of the Party"),
            ("비서국", "서기국"),
            ("비서실",),
            (2, 5),
        ),
        (("Workers' Party", "workers’ party"), ("노동당", "조선노동당"), ("로동당",), (3, 6)),
        (("the secretariat",), ("서기국",), (), (4,)),
    ]


def test_terms_in_capitals_are_merged_only_in_capitals() -> None:
    # a term in capitals matches only in capitals (an acronym), so "us" is another term
    terms = parse_glossary("en,ko\nUS,미국\nus,우리\nUS,미\n", Path("g.csv"))
    assert [(t.en, t.ko) for t in terms] == [(("US",), ("미국", "미")), (("us",), ("우리",))]


def test_a_merged_term_accepts_any_variant_and_cites_every_row(tmp_path: Path) -> None:
    path = _write(tmp_path / "g.csv", "en,ko,forbidden\nSecretariat,비서국,\nSecretariat,서기국,\n")
    assert _flags("The party Secretariat met.", "당 서기국이 회의를 열었다.", path) == []
    assert _flags("The party Secretariat met.", "당 비서국이 회의를 열었다.", path) == []
    [flag] = _flags("The party Secretariat met.", "당 회의가 열렸다.", path)
    assert "“비서국” or “서기국” (glossary lines 2, 3)" in flag.message


def test_missing_file_and_bad_encoding_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"nope\.csv: cannot read glossary"):
        load_glossary(tmp_path / "nope.csv")
    cp949 = tmp_path / "cp949.csv"
    cp949.write_bytes("en,ko,forbidden\nParty,노동당,\n".encode("cp949"))
    with pytest.raises(ConfigError, match=r"cp949\.csv: glossary is not UTF-8"):
        load_glossary(cp949)
    with pytest.raises(ConfigError, match="not a file"):
        load_glossary(tmp_path)


def test_glossary_is_read_once_per_version_of_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "g.csv", "en,ko\nSecretariat,비서국\n")
    first = load_glossary(path)
    assert load_glossary(path) is first
    _write(path, "en,ko\nSecretariat,비서국|서기국\n")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert load_glossary(path).terms[0].ko == ("비서국", "서기국")


def test_parse_glossary_needs_no_file() -> None:
    terms = parse_glossary("en,ko,forbidden\nParty,당,\n", Path("inline.csv"))
    assert terms == (make_term("Party", "당", line=2),)


# ---------------------------------------------------------------- matching


@pytest.mark.parametrize(
    "text",
    [
        "the workers' party said",
        "the Workers’ Party said",
        "The Workers Party said",
    ],
)
def test_english_term_case_apostrophes_and_spacing(text: str) -> None:
    assert make_term("Workers' Party", "노동당").en_match(text)


def test_english_term_plural_hyphen_and_word_boundaries() -> None:
    term = make_term("summit meeting", "정상회담")
    assert term.en_match("two summit meetings")
    assert term.en_match("a summit-meeting plan")
    assert not term.en_match("a summitmeeting")
    assert not make_term("party", "당").en_match("the partying went on")


def test_acronyms_match_case_sensitively() -> None:
    term = make_term("US", "미국")
    assert term.en_match("the US said")
    assert not term.en_match("he told us")


def test_korean_variants_ignore_spaces_and_particles() -> None:
    term = make_term("Radio Free Asia", "자유아시아방송")
    assert term.ko_match("자유아시아 방송은 전했다") == "자유아시아방송"
    assert term.ko_match("자유아시아방송에 말했다") == "자유아시아방송"


def test_forbidden_variant_inside_an_accepted_one_does_not_count() -> None:
    term = make_term("Workers' Party", "조선노동당", "노동당")
    assert term.forbidden_match("조선노동당 중앙위원회") is None
    assert term.forbidden_match("노동당 중앙위원회") == "노동당"


def test_forbidden_variant_holding_an_accepted_one_is_found() -> None:
    term = make_term("Kim Jong Un", "김정은", "김정은 원수님|원수님")
    assert term.forbidden_match("김정은 원수님께서 말씀하셨다") == "김정은 원수님"
    assert term.forbidden_match("김정은 위원장이 말했다") is None
    assert term.ko_match("김정은원수님께서") == "김정은"  # one flag, for the forbidden form


# ---------------------------------------------------------------- flags


def test_missing_required_translation_is_an_error_quoting_both_sides() -> None:
    [flag] = _flags("The party Secretariat met last month.", "지난달 당 회의가 열렸다.")
    assert (flag.type, flag.severity, flag.src, flag.tgt) == (
        "terminology",
        Severity.ERROR,
        (0,),
        (0,),
    )
    assert "“Secretariat”" in flag.message and "“비서국”" in flag.message
    assert "glossary line 7" in flag.message and "지난달 당 회의가 열렸다." in flag.message


def test_forbidden_variant_is_flagged_with_the_accepted_one() -> None:
    [flag] = _flags("The ruling Workers' Party met.", "집권 로동당이 회의를 열었다.")
    assert "“로동당”" in flag.message and "use “노동당” or “조선노동당”" in flag.message


def test_accepted_translation_passes() -> None:
    assert _flags("The ruling Workers' Party met.", "집권 노동당은 회의를 열었다.") == []
    assert _flags("RFA reported it.", "자유아시아방송(RFA)이 보도했다.") == []


def test_terms_absent_from_the_english_are_not_enforced() -> None:
    assert _flags("Prices rose again.", "로동당이 물가를 올렸다.") == []


def test_no_glossary_no_check_and_registered_as_error() -> None:
    doc = aligned([("The party Secretariat met.", "회의가 열렸다.")])
    assert list(find_terminology(doc, Settings())) == []
    assert CHECKS["terminology"].severity == Severity.ERROR


def test_lone_sentences_and_boilerplate_are_skipped() -> None:
    caption = Sentence(1, "Secretariat photo: KCNA", 2, 0, 0, boilerplate=True)
    lone = Sentence(0, "The Secretariat met.", 1, 0, 20)
    en = Document(Path("doc.en"), "en", (lone, caption))
    ko = document("ko", ["회의가 열렸다.", "사진"])
    doc = AlignedDocument(en, ko, (Bead((0,), (), 0.0), Bead((1,), (1,), 1.0), Bead((), (0,), 0.0)))
    assert list(find_terminology(doc, Settings(glossary=GLOSSARY_CSV))) == []


# ---------------------------------------------------------------- config and CLI


def test_glossary_setting_from_config_is_a_path() -> None:
    assert make_settings({"glossary": "terms.csv"}).glossary == Path("terms.csv")
    assert Settings().glossary is None
    with pytest.raises(ConfigError, match="glossary"):
        make_settings({"glossary": 3})


def test_cli_glossary_option_enforces_terms_on_the_seed_story(tmp_path: Path) -> None:
    strict = _write(tmp_path / "strict.csv", "en,ko,forbidden\nWorkers' Party,조선노동당,\n")
    result = CliRunner().invoke(
        main, ["check", str(SEED_EN), str(SEED_KO), "--glossary", str(strict), "--report-dir", "r"]
    )
    assert result.exit_code == 1
    report = json.loads(Path("r/onchon-party-officials.txt.json").read_text(encoding="utf-8"))
    [flag] = [f for f in report["flags"] if f["type"] == "terminology"]
    assert "“조선노동당”" in flag["message"] and flag["severity"] == "error"


@pytest.mark.parametrize("disabled", ["", "terminology"])  # named_entity reads it too
def test_cli_unreadable_glossary_exits_2_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, disabled: str
) -> None:
    def no_model(*args: object, **kwargs: object) -> None:
        raise AssertionError("the glossary is read before the model is loaded")

    monkeypatch.setattr("aligner.api.open_encoder", no_model)
    config = tmp_path / "aligner.toml"
    config.write_text(f"disabled_checks = [{f'{disabled!r}' if disabled else ''}]\n")
    missing = tmp_path / "missing.csv"
    args = ["check", str(SEED_EN), str(SEED_KO), "-q", "--glossary", str(missing)]
    result = CliRunner().invoke(main, [*args, "--config", str(config)])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == (
        f"aligner: error: {missing}: cannot read glossary: No such file or directory"
    )


def test_a_one_word_name_keeps_its_capital_and_links_are_not_searched(tmp_path: Path) -> None:
    glossary = _write(
        tmp_path / "g.csv", "en,ko,forbidden\nFed,연준|연방준비제도,\nReuters,로이터,\n"
    )
    assert _flags("Voters are fed up with inflation.", "유권자들은 물가에 지쳤다.", glossary) == []
    assert len(_flags("The Fed raised rates.", "중앙은행이 금리를 올렸다.", glossary)) == 1
    assert (
        _flags("Read it at www.reuters.com today.", "www.reuters.com에서 볼 수 있다.", glossary)
        == []
    )


def test_plurals_in_ies_and_decomposed_hangul(tmp_path: Path) -> None:
    import unicodedata

    glossary = _write(tmp_path / "g.csv", "en,ko,forbidden\nally,동맹,\n")
    assert len(_flags("The allies held drills.", "우방국들은 훈련을 실시했다.", glossary)) == 1
    decomposed = unicodedata.normalize("NFD", "집권 노동당이 전원회의를 열었다.")  # a macOS file
    assert _flags("The ruling Workers' Party met.", decomposed) == []


@pytest.mark.parametrize(
    ("en", "ko", "words"),
    [
        # the term missing: its English, the Korean has nothing to mark
        (
            "The Workers' Party held a plenary meeting.",
            "당은 전원회의를 열었다.",
            [[("src", "Workers' Party")]],
        ),
        # a forbidden variant: both, spaces inside the Korean kept as written
        (
            "The Workers’ Party held a plenary meeting.",
            "로동 당은 전원회의를 열었다.",
            [[("src", "Workers’ Party"), ("tgt", "로동 당")]],
        ),
        # the forbidden variant where it stands alone, not inside the accepted one
        (
            "The Korean Central News Agency said a KCNA reporter was there.",
            "조선중앙통신은 중앙통신 기자가 현장에 있었다고 전했다.",
            [[("src", "Korean Central News Agency"), ("tgt", "중앙통신")]],
        ),
        # a link names no one: the term is the one after it
        (
            "See www.party.example/workers-party for the Workers' Party line.",
            "당의 노선은 www.party.example/workers-party 참조.",
            [[("src", "Workers' Party")]],
        ),
    ],
)
def test_the_flag_spans_the_term_and_a_forbidden_variant(
    tmp_path: Path, en: str, ko: str, words: list[list[tuple[str, str]]]
) -> None:
    glossary = _write(
        tmp_path / "g.csv",
        "en,ko,forbidden\nWorkers' Party,노동당|조선노동당,로동당\n"
        "Korean Central News Agency|KCNA,조선중앙통신,중앙통신\n",
    )
    doc = aligned([(en, ko)])
    flags = list(find_terminology(doc, Settings(glossary=glossary)))
    assert [spanned(doc, flag) for flag in flags] == words
    if len(words[0]) > 1:  # the second 중앙통신, past the one inside 조선중앙통신
        assert flags[0].spans[-1].start == ko.rindex(words[0][1][1])


# ------------------------------------------------------- a desk's style guide (hunt29)

DESK = (
    "en,ko,forbidden\n"
    "Ministry of Economy and Finance,기획재정부|기재부,재무부\n"
    "Prime Minister,국무총리|총리,수상\n"
    "Deputy Prime Minister,부총리,\n"
    "National Assembly,국회,의회\n"
    "Bank of Korea,한국은행|한은,\n"
)


@pytest.mark.parametrize(
    ("en", "ko", "flagged"),
    [
        # a forbidden word only as a word of its own: 수상자 are award winners, and
        # 재무 부서 is a finance department
        ("Prime Minister Kim congratulated the winners.", "김 총리는 수상자들을 축하했다.", False),
        (
            "The Ministry of Economy and Finance will reorganize its finance department.",
            "기획재정부는 재무 부서를 개편한다.",
            False,
        ),
        ("The Ministry of Economy and Finance said so.", "재무부는 그렇게 밝혔다.", True),
        # beside the accepted translation of every mention, it names something else
        (
            "The Ministry of Economy and Finance met the U.S. Treasury Department.",
            "기획재정부는 미국 재무부와 만났다.",
            False,
        ),
        # an accepted word is not made of the ends of two words
        ("The National Assembly passed the bill.", "의회는 한국 회사들의 법안을 통과시켰다.", True),
        ("The Bank of Korea warned of bad loans.", "중앙은행은 상당한 은행 부실을 경고했다.", True),
        ("The Ministry of Economy and Finance said so.", "기획 재정부는 그렇게 밝혔다.", False),
        # another body whose name holds the term (an adversarial tester, hunt32)
        (
            "The Industrial Bank of Korea cut its lending rates.",
            "IBK기업은행은 대출금리를 내렸다.",
            False,
        ),
        (
            "The Export-Import Bank of Korea will lend more.",
            "한국수출입은행은 대출을 늘린다.",
            False,
        ),
        ("The Bank of Korea kept its key rate.", "중앙은행은 기준금리를 동결했다.", True),
        # the longer term of the glossary, not the shorter one inside it
        (
            "Deputy Prime Minister Koo Yun-cheol presided.",
            "구윤철 경제부총리가 회의를 주재했다.",
            False,
        ),
    ],
)
def test_a_desk_glossary_reads_korean_words_as_words(
    tmp_path: Path, en: str, ko: str, flagged: bool
) -> None:
    assert bool(_flags(en, ko, _write(tmp_path / "desk.csv", DESK))) == flagged

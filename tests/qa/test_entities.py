"""The ``named_entity`` check: links, Latin-script tokens in Korean, names with a fixed form."""

from __future__ import annotations

from pathlib import Path

import pytest
from pairs import aligned, document, spanned

from aligner.config import Settings
from aligner.models import Bead, Document, Flag, Sentence, Severity
from aligner.qa.entities import find_named_entities, latin_tokens, link_tokens
from aligner.qa.registry import CHECKS, AlignedDocument
from conftest import DATA


def _flags(*pairs: tuple[str, str], settings: Settings | None = None) -> list[Flag]:
    return list(find_named_entities(aligned(list(pairs)), settings or Settings()))


# ---------------------------------------------------------------- tokens


def test_link_tokens_are_normalised() -> None:
    tokens = link_tokens(
        "See https://www.rfa.org/korean/, write to tips@rfa.org, follow @RFA_Korean #NorthKorea"
    )
    assert [t.key for t in tokens] == [
        "rfa.org/korean",
        "tips@rfa.org",
        "@rfa_korean",
        "#northkorea",
    ]
    assert link_tokens("He was #1 in the poll, at 5 p.m.") == []


def test_latin_tokens_skip_brackets_units_korean_abbreviations_and_numerals() -> None:
    text = "국제올림픽위원회(IOC)는 TV와 CEO, 120km, 500MW, 루이 XIV, Samsung과 iPhone을 언급"
    assert [t.text for t in latin_tokens(text)] == ["Samsung", "iPhone"]


def test_dotted_acronyms_and_possessives_share_a_key() -> None:
    assert [t.key for t in latin_tokens("U.N.과 NATO's")] == ["UN", "NATO"]


# ---------------------------------------------------------------- Latin tokens kept in Korean


def test_misspelt_name_kept_in_latin_is_flagged() -> None:
    [flag] = _flags(
        (
            "Henry Augustus Rowland was an American scientist.",
            "Henry Augutus Rowland는 미국의 과학자였다.",
        )
    )
    assert (flag.type, flag.severity) == ("named_entity", Severity.WARNING)
    assert "“Augutus”" in flag.message and "Henry Augustus Rowland" in flag.message


def test_acronym_added_in_korean_is_flagged_and_spelled_out_one_is_not() -> None:
    assert _flags(("The agency said so.", "터키 DHA 통신은 그렇게 전했다."))
    spelled = ("Emmanuelle Moreau, of the International Olympic Committee, said so.", "")
    assert not _flags((spelled[0], "IOC의 엠마누엘 모로 대변인은 그렇게 말했다."))
    assert _flags((spelled[0], "ICO의 엠마누엘 모로 대변인은 그렇게 말했다."))


def test_tokens_explained_elsewhere_in_the_documents_are_not_flagged() -> None:
    flags = _flags(
        ("General Motors is getting help.", "GM이 지원을 받는다."),
        ("The developers say so.", "GM측은 그렇게 말했다."),
        ("Kaka may join Milan, the agents said.", "미국 지질조사국(USGS)에 따르면 그렇다."),
        ("The survey agrees.", "USGS도 같은 의견이다."),
        ("Jack-O-Lanterns came from Ireland.", "Jack-O-Lantern은 아일랜드에서 왔다."),
    )
    assert flags == []


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        # initials of lower-case words, hyphenated parts split, a plural left out
        ("He scored from a penalty kick.", "그는 PK로 골을 넣었다."),
        ("The video assistant referee reviewed it.", "VAR 판독을 거쳤다."),
        ("The phones use organic light-emitting diode displays.", "OLED 디스플레이를 쓴다."),
        ("Demand for graphics processing units has surged.", "GPU 수요가 급증했다."),
        ("Builders rely on real estate project financing loans.", "부동산 PF 대출에 의존한다."),
        ("Builders rely on real estate project financing loans.", "부동산 PFs 대출에 의존한다."),
        # a combining form gives a letter of its own: ultra|violet
        ("It is made with extreme ultraviolet lithography.", "EUV 노광 공정으로 만든다."),
        # a name the acronym adds a word to (English Premier League)
        ("He was named the Premier League's player of the month.", "EPL 이달의 선수로 뽑혔다."),
        # part of a camel-case word
        ("OpenAI's ChatGPT has 100 million users.", "오픈AI의 챗GPT는 사용자가 1억 명이다."),
    ],
)
def test_acronym_of_the_pairs_own_words_is_not_flagged(en: str, ko: str) -> None:
    assert _flags((en, ko)) == []


def test_acronym_the_pair_does_not_spell_is_flagged() -> None:
    # the fund itself, not the crisis Korean names after it, must be in the English
    assert _flags(("The fund cut its growth forecast.", "IMF는 성장률 전망을 낮췄다."))
    # ordinary words spell an acronym only in the pair itself, not anywhere in the story
    flags = _flags(
        ("Officials were put in charge of the video assistant referee.", "관리들이 책임을 맡았다."),
        ("The spokeswoman said so.", "ICO 대변인은 그렇게 말했다."),
        ("The spokeswoman said so.", "VAR 판정은 그렇게 말했다."),
    )
    assert [(f.tgt, f.subject) for f in flags] == [((1,), "latin"), ((2,), "latin")]
    # a name's initials with a letter added need a name of two words (not GM -> GMC)
    assert _flags(("GM's financing arm said so.", "GMC는 그렇게 말했다."))
    # ... and a letter for a word names leave out (English, Korea...), not any letter
    assert _flags(("South Korea's economy grew.", "ZSK 경제가 성장했다."))


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        # Konglish abbreviations Korean copy writes in Latin script
        ("She sang the theme song for the drama.", "그는 이 드라마의 OST를 불렀다."),
        ("The vinyl edition sold out.", "LP 버전은 매진됐다."),
        ("The Giants lost 5-3 to the Dodgers.", "자이언츠는 LA 다저스에 3-5로 졌다."),
        ("He starred in a beer commercial.", "그는 맥주 CF에 출연했다."),
        ("The streamer apologized to viewers.", "그 BJ는 시청자들에게 사과했다."),
        ("Product placement is everywhere in the show.", "이 드라마에는 PPL이 넘쳐난다."),
        ("Young people ask about each other's personality type.", "젊은이들은 MBTI를 묻는다."),
        # the Korean name of the 1997 crisis
        ("It fell after the 1997 Asian financial crisis.", "IMF 외환위기 이후 떨어졌다."),
        ("Many lost their jobs during the 1997 crisis.", "IMF 사태 때 많은 이가 실직했다."),
    ],
)
def test_latin_abbreviations_of_korean_usage_are_not_flagged(en: str, ko: str) -> None:
    assert _flags((en, ko)) == []


def test_an_official_acronym_is_explained_by_its_english_name_anywhere() -> None:
    pairs = [
        (
            "Korea Trade-Investment Promotion Agency said exports rose.",
            "KOTRA는 수출이 늘었다고 밝혔다.",
        ),
        ("Korea Gas Corp. raised its rates.", "KOGAS가 요금을 올렸다."),
        ("Shares fell on the Korea Exchange.", "KRX에서 주가가 떨어졌다."),
        (
            "The team works at the Pohang University of Science and Technology.",
            "연구팀은 포항에 있다.",
        ),
        ("The university said so.", "POSTECH은 그렇게 밝혔다."),
    ]
    assert _flags(*pairs) == []
    # without its name in the English, the acronym is an addition
    assert _flags(("The agency said exports rose.", "KOTRA는 수출이 늘었다고 밝혔다."))


def test_misspellings_are_still_flagged() -> None:
    assert _flags(("I found Betty reading a book alone.", "나는 Brtty가 혼자 책을 읽는 것을 봤다."))
    assert _flags(("She sang the theme song.", "그는 OTS를 불렀다."))


def test_glossary_rendering_explains_a_latin_token() -> None:
    assert not _flags(("The United Nations met.", "UN이 회의를 열었다."))


# ---------------------------------------------------------------- links


def test_link_dropped_or_added_is_flagged_once_per_pair_and_direction() -> None:
    flags = _flags(
        ("Details are at www.mofa.go.kr and @mofa_kr.", "자세한 내용은 외교부 홈페이지에 있다."),
        ("It is online.", "www.codex-sinaiticus.net에서 볼 수 있다."),
    )
    assert len(flags) == 2
    assert "“www.mofa.go.kr”, “@mofa_kr”" in flags[0].message
    assert "KO has “www.codex-sinaiticus.net”" in flags[1].message


def test_a_capitalised_domain_without_a_path_is_a_name_not_a_link() -> None:
    en = "Rose performed at the Crypto.com Arena in Los Angeles."
    assert _flags((en, "로제는 로스앤젤레스 크립토닷컴 아레나에서 공연했다.")) == []
    link = "Tickets are sold at crypto.com/arena."
    [flag] = _flags((link, "입장권은 공식 누리집에서 판매된다."))
    assert "crypto.com/arena" in flag.message


def test_a_gloss_one_letter_off_a_word_of_the_english_is_misspelt() -> None:
    en = "Stray Kids topped the Billboard 200 for a sixth time."
    [flag] = _flags((en, "스트레이 키즈(Stray Kidz)가 빌보드 200 정상에 올랐다."))
    assert flag.message.startswith("KO glosses “Kidz” where the EN writes “Kids”: misspelt?")
    assert _flags((en, "스트레이 키즈(Stray Kids)가 빌보드 200 정상에 올랐다.")) == []
    # another form of the word is no misspelling
    assert _flags(("An Australian plane landed.", "호주(Australia) 여객기가 착륙했다.")) == []


def test_a_korean_league_kept_in_latin_is_the_english_league() -> None:
    en = "Attendance topped 10 million, according to the league."
    assert _flags((en, "KBO에 따르면 관중이 1천만 명을 넘었다.")) == []


def test_a_link_put_for_another_is_one_flag() -> None:
    [flag] = _flags(
        (
            "Details are at https://moef.go.kr/pr?id=123 today.",
            "자세한 내용은 https://moef.go.kr/pr?id=456 참조.",
        )
    )
    assert flag.subject == "changed"
    assert flag.message.startswith(
        "link changed: EN has “https://moef.go.kr/pr?id=123”, "
        "KO has “https://moef.go.kr/pr?id=456” instead"
    )


def test_link_given_elsewhere_in_the_other_document_is_not_flagged() -> None:
    assert not _flags(
        ("See https://www.rfa.org/korean for more.", "자세한 내용은 홈페이지 참조."),
        ("The site is updated daily.", "홈페이지(rfa.org/korean)는 매일 갱신된다."),
    )


@pytest.mark.parametrize(
    ("en_url", "ko_url"),
    [
        ("https://www.airkorea.or.kr/eng", "https://www.airkorea.or.kr"),
        ("https://www.lunartide.com/tour", "https://www.lunartide.com/ko/tour"),
        ("https://visitkorea.or.kr/en-us/festivals", "https://visitkorea.or.kr/ko-kr/festivals"),
        ("https://www.example.com/english/news/12", "https://www.example.com/korean/news/12"),
        ("https://example.com/event?id=7&lang=en", "https://example.com/event?id=7&lang=ko"),
        ("https://www.youtube.com/watch?v=abc12&hl=en", "https://www.youtube.com/watch?v=abc12"),
    ],
)
def test_a_link_localised_to_the_other_language_is_the_same_link(en_url: str, ko_url: str) -> None:
    assert not _flags((f"Details are at {en_url} today.", f"자세한 내용은 {ko_url} 참조."))


@pytest.mark.parametrize(
    ("en_url", "ko_url"),
    [
        ("https://www.lunartide.com/tour", "https://www.lunartide.com/shop"),
        ("https://example.com/event?id=7&lang=en", "https://example.com/event?id=8&lang=ko"),
        # a path segment that only looks like a language code is part of the address
        ("https://example.com/kor-news/1", "https://example.com/news/1"),
    ],
)
def test_a_link_that_differs_beyond_its_language_is_changed(en_url: str, ko_url: str) -> None:
    [flag] = _flags((f"Details are at {en_url} today.", f"자세한 내용은 {ko_url} 참조."))
    assert flag.message.startswith("link changed")


# ---------------------------------------------------------------- names with a fixed Korean form


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        ("Kim Jong Un ordered a probe.", "김정은 총비서가 조사를 지시했다."),
        ("Kim Jong-un ordered a probe.", "김 위원장이 조사를 지시했다."),
        ("Pyongyang rejected the offer.", "북한은 제안을 거부했다."),
        ("He told Radio Free Asia.", "그는 자유아시아 방송에 말했다."),
        ("He told RFA.", "그는 RFA에 말했다."),
        ("KCNA reported it.", "조선중앙통신이 보도했다."),
        (
            "He ordered the military to prepare, the KCNA said.",
            "통신은 그가 군에 지시했다고 밝혔다.",
        ),
        ("Seoul rejected the offer.", "법원은 제안을 거부했다."),  # Seoul is not listed
    ],
)
def test_names_rendered_in_korean_pass(en: str, ko: str) -> None:
    assert _flags((en, ko)) == []


def test_name_with_no_korean_rendering_is_flagged() -> None:
    [flag] = _flags(("Supreme leader Kim Jong Un ordered a probe.", "최고지도자가 조사를 지시."))
    assert "“Kim Jong Un”" in flag.message and "“김정은”" in flag.message
    assert "KO has no such name" in flag.message


def test_a_name_the_korean_sentence_before_gives_may_be_the_implicit_subject() -> None:
    before = (
        "KCNA said the missile was North Korea's final version.",
        "중앙통신은 북한의 최종판이라고 전했다.",
    )
    pair = (
        'Kim Yo Jong warned that Pyongyang would take "corresponding action".',
        '김여정 부부장은 "상응한 행동"을 취하겠다고 경고했다.',
    )
    assert _flags(before, pair) == []
    # on its own, or after a sentence that names nothing, the name is dropped
    assert [f.subject for f in _flags(pair)] == ["name Pyongyang"]
    assert _flags(("The launch came three days early.", "발사는 사흘 앞서 이뤄졌다."), pair)
    # a name kept in Latin script is wrong whatever came before
    assert _flags(
        ("Kim Jong Un spoke.", "김정은이 연설했다."), ("Kim Jong Un left.", "Kim Jong Un은 떠났다.")
    )


def test_name_kept_in_latin_script_is_said_so() -> None:
    [flag] = _flags(("Kim Jong Un ordered a probe.", "Kim Jong Un이 조사를 지시했다."))
    assert "KO keeps it in Latin script" in flag.message


def test_english_capitalised_words_in_general_are_not_expected_in_korean() -> None:
    assert not _flags(
        (
            "Passenger Gunter Kubler told The Telegraph he flew to Melbourne.",
            "승객 군터 쿠블러는 텔레그래프에 멜버른으로 갔다고 말했다.",
        ),
        ("The FDA and the CDC said so.", "식품의약국과 질병관리본부가 그렇게 밝혔다."),
    )


def test_user_glossary_terms_are_left_to_the_terminology_check(tmp_path: Path) -> None:
    glossary = tmp_path / "g.csv"
    glossary.write_text("en,ko,forbidden\nKim Jong Un,김정은,\n", encoding="utf-8")
    pair = ("Supreme leader Kim Jong Un ordered a probe.", "최고지도자가 조사를 지시했다.")
    assert _flags(pair, settings=Settings(glossary=glossary)) == []
    assert _flags(pair, settings=Settings(glossary=DATA / "glossary.csv"))


def test_user_glossary_explains_latin_tokens(tmp_path: Path) -> None:
    glossary = tmp_path / "g.csv"
    glossary.write_text("en,ko\nKorea Economic Daily,한국경제|KED\n", encoding="utf-8")
    pair = ("The Korea Economic Daily said so.", "KED가 그렇게 보도했다.")
    assert not _flags(pair, settings=Settings(glossary=glossary))


def test_lone_and_boilerplate_sentences_are_skipped() -> None:
    caption = Sentence(0, "Photo: Kim Jong Un at www.kcna.kp", 1, 0, 0, boilerplate=True)
    en = Document(Path("doc.en"), "en", (caption, Sentence(1, "Kim Jong Un spoke.", 2, 0, 0)))
    ko = document("ko", ["사진"])
    doc = AlignedDocument(en, ko, (Bead((0,), (0,), 1.0), Bead((1,), (), 0.0)))
    assert list(find_named_entities(doc, Settings())) == []


def test_registered_as_warning() -> None:
    assert CHECKS["named_entity"].severity == Severity.WARNING


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        # acronyms Korean writes for lower-case English
        ("North Korea fired an intercontinental ballistic missile.", "북한이 ICBM을 발사했다."),
        ("The two sides signed a free trade agreement.", "양측은 FTA에 서명했다."),
        ("K-pop fans gathered in Seoul.", "K-POP 팬들이 서울에 모였다."),
        # spaced units
        ("The chip runs at 3.2 gigahertz.", "이 칩은 3.2 GHz로 작동한다."),
        # usual Korean forms of built-in names
        ("The UN Security Council met on Monday.", "안보리는 월요일 회의를 열었다."),
        ("Pyongyang slams Seoul over joint drills", "北, 한미연합훈련 놓고 南 비난"),
        # a hashtag ends where the Korean particle starts
        ("Fans used the hashtag #StopAsianHate.", "팬들은 #StopAsianHate와 같은 해시태그를 썼다."),
    ],
)
def test_desk_copy_is_not_flagged(en: str, ko: str) -> None:
    assert _flags((en, ko)) == []


def test_a_glossary_name_replaces_the_built_in_one_whatever_its_hyphens(tmp_path: Path) -> None:
    glossary = tmp_path / "g.csv"
    glossary.write_text("en,ko,forbidden\nKim Jong-un,김정은,\n", encoding="utf-8")
    flags = _flags(
        ("Kim Jong-un said so.", "그는 그렇게 말했다."), settings=Settings(glossary=glossary)
    )
    assert flags == []  # the terminology check says it, once


# ---------------------------------------------------------------- hunt 3: desk copy


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        # sport: a penalty kick, the playoffs, the majors, the MVP, a free agent, the Korean
        # Series, the Asian Games
        (
            "He converted a penalty in the second half to seal the win.",
            "그는 후반에 PK를 성공시켜 승리를 굳혔다.",
        ),
        (
            "The Doosan Bears clinched a spot in the playoffs with a 3-1 win.",
            "두산 베어스는 3-1로 승리하며 PO 진출을 확정했다.",
        ),
        (
            "Kim returned to the majors after two seasons in the minor leagues.",
            "김하성은 마이너리그에서 두 시즌을 보낸 뒤 MLB에 복귀했다.",
        ),
        ("He was named the league's best player of the season.", "그는 정규시즌 MVP로 선정됐다."),
        (
            "He signed a four-year deal with the Giants after the season.",
            "그는 시즌 뒤 FA로 자이언츠와 4년 계약을 맺었다.",
        ),
        (
            "The Tigers won their 12th championship on Monday.",
            "타이거즈는 월요일 KS 우승을 확정하며 통산 12번째 정상에 올랐다.",
        ),
        ("He won gold in Hangzhou last year.", "그는 지난해 항저우 AG에서 금메달을 땄다."),
        (
            "Atletico Madrid signed the midfielder on a five-year deal.",
            "AT마드리드는 이 미드필더와 5년 계약을 맺었다.",
        ),
        # technology
        (
            "The government will train 100,000 software engineers by 2030.",
            "정부는 2030년까지 SW 인재 10만명을 양성한다.",
        ),
        (
            "North Korea jammed satellite navigation signals near the border islands.",
            "북한은 서북도서 인근에서 GPS 전파를 교란했다.",
        ),
        (
            "Visitors can tour the palace with a headset.",
            "관람객은 VR 기기로 궁궐을 둘러볼 수 있다.",
        ),
        ("Internet-connected home appliances are spreading.", "IoT 가전이 확산하고 있다."),
        (
            "Customers pay by scanning a code with their phones.",
            "고객은 휴대전화로 QR코드를 찍어 결제한다.",
        ),
        # society, business, politics
        (
            "The singer has hosted the radio show for 12 years.",
            "이 가수는 12년째 라디오 DJ를 맡고 있다.",
        ),
        (
            "Students from the country's top three universities led the protest.",
            "SKY 대학 학생들이 시위를 주도했다.",
        ),
        ("Budget carriers have added flights to Japan.", "국내 LCC들은 일본 노선을 늘렸다."),
        (
            "The party swept the conservative heartland of Daegu and North Gyeongsang.",
            "국민의힘은 TK 지역을 석권했다.",
        ),
        # North Korea and the military
        (
            "A North Korean boat crossed the de facto maritime border in the Yellow Sea.",
            "북한 선박 1척이 서해 NLL을 넘어왔다.",
        ),
        ("Soldiers guard the truce village of Panmunjom.", "JSA 경비병들이 판문점을 지키고 있다."),
        (
            "The missile may carry several independently targeted warheads.",
            "이 미사일에는 MIRV 기술이 적용됐을 가능성이 있다.",
        ),
    ],
)
def test_latin_abbreviations_korean_news_writes_are_not_flagged(en: str, ko: str) -> None:
    assert _flags((en, ko)) == []


def test_an_acronym_for_a_body_the_english_never_names_is_still_flagged() -> None:
    [flag] = _flags(
        (
            "The federation said the players would be paid in full.",
            "KPF는 선수들에게 수당을 전액 지급하겠다고 밝혔다.",
        )
    )
    assert "“KPF”" in flag.message


def test_an_english_preposition_explains_no_korean_acronym() -> None:
    # AT마드리드 is Atletico Madrid, whether the English has the word "at" or not
    assert (
        _flags(("Atletico Madrid signed him at the deadline.", "AT마드리드는 그를 영입했다.")) == []
    )
    assert _flags(("Atletico Madrid signed him.", "AT마드리드는 그를 영입했다.")) == []
    # AT on its own is not the English "at"
    [flag] = _flags(
        ("The deal was signed at the club's offices.", "계약은 AT 사무실에서 체결됐다.")
    )
    assert "“AT”" in flag.message


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        (
            "The U.N. nuclear watchdog said North Korea appeared to be expanding its uranium "
            "enrichment facility at Yongbyon.",
            "국제원자력기구(IAEA)는 북한이 영변의 우라늄 농축시설을 확장하고 있는 것으로 보인다고 "
            "밝혔다.",
        ),
        (
            "The U.N. World Food Programme said about 40 percent of North Koreans were "
            "undernourished.",
            "세계식량계획(WFP)은 북한 주민의 약 40%가 영양 결핍 상태라고 밝혔다.",
        ),
        (
            "The U.N. children's agency warned of a hunger crisis.",
            "유니세프는 기아 위기를 경고했다.",
        ),
        (
            "The U.N. refugee agency said 2 million had fled.",
            "UNHCR는 200만 명이 피란했다고 밝혔다.",
        ),
        (
            "The U.N. Human Rights Council adopted the resolution.",
            "인권이사회는 결의안을 채택했다.",
        ),
        ("The U.N. health agency declared an emergency.", "WHO는 비상사태를 선포했다."),
    ],
)
def test_a_un_body_renders_the_un(en: str, ko: str) -> None:
    assert _flags((en, ko)) == []


def test_the_un_dropped_or_put_for_another_body_is_still_flagged() -> None:
    [flag] = _flags(
        ("The U.N. said food aid had been cut.", "국제통화기금은 식량 지원이 줄었다고 밝혔다.")
    )
    assert "“U.N.”" in flag.message


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        (
            "Kim Yo-jong, who was promoted to department director last year, called the drills "
            "a provocation.",
            "지난해 부장으로 승진한 김 부장은 이번 훈련을 도발이라고 비난했다.",
        ),
        (
            "In 2020, Kim Yo-jong, then first vice department director, ordered the demolition "
            "of the liaison office.",
            "김 제1부부장은 2020년 남북공동연락사무소 폭파를 지시했다.",
        ),
        ("Kim Yo Jong chaired the meeting.", "김 부위원장이 회의를 주재했다."),
        ("In 2012, Kim Jong Un was named first secretary.", "김 제1비서는 2012년 추대됐다."),
    ],
)
def test_a_built_in_person_called_by_surname_and_any_title_passes(en: str, ko: str) -> None:
    assert _flags((en, ko)) == []


def test_a_built_in_person_with_another_surname_or_none_is_still_flagged() -> None:
    en = "Kim Yo-jong called the drills a provocation."
    for ko in (
        "최 부부장은 이번 훈련을 도발이라고 비난했다.",
        "담화는 이번 훈련을 도발이라고 비난했다.",
    ):
        [flag] = _flags((en, ko))
        assert "“Kim Yo-jong”" in flag.message


@pytest.mark.parametrize(
    ("pairs", "words"),
    [
        # a name with a fixed Korean form that the Korean lacks, or keeps in Latin script
        (
            [("Supreme leader Kim Jong Un ordered a probe.", "최고지도자가 조사를 지시.")],
            [[("src", "Kim Jong Un")]],
        ),
        (
            [("Kim Jong Un ordered a probe.", "Kim Jong Un이 조사를 지시했다.")],
            [[("src", "Kim Jong Un"), ("tgt", "Kim Jong Un")]],
        ),
        # Latin tokens the English never has, not those it glosses in brackets
        (
            [
                (
                    "Henry Augustus Rowland was an American scientist.",
                    "헨리(Henry) Augutus Rowland는 미국의 과학자였다.",
                )
            ],
            [[("tgt", "Augutus")]],
        ),
        # links, each where it is written; one put for another marks both
        (
            [
                (
                    "Details are at www.mofa.go.kr and @mofa_kr.",
                    "자세한 내용은 외교부 홈페이지에 있다.",
                ),
                ("It is online.", "www.codex-sinaiticus.net에서 볼 수 있다."),
            ],
            [
                [("src", "www.mofa.go.kr"), ("src", "@mofa_kr")],
                [("tgt", "www.codex-sinaiticus.net")],
            ],
        ),
        (
            [
                (
                    "Details are at https://moef.go.kr/pr?id=123 today.",
                    "자세한 내용은 https://moef.go.kr/pr?id=456 참조.",
                )
            ],
            [[("src", "https://moef.go.kr/pr?id=123"), ("tgt", "https://moef.go.kr/pr?id=456")]],
        ),
    ],
)
def test_the_flag_spans_the_names_and_links_it_is_about(
    pairs: list[tuple[str, str]], words: list[list[tuple[str, str]]]
) -> None:
    doc = aligned(pairs)
    assert [spanned(doc, flag) for flag in find_named_entities(doc, Settings())] == words


def test_a_link_markdown_hides_has_no_span() -> None:
    doc = aligned([("Read the statement.", "성명을 읽어보라.")])
    sentence = Sentence(0, "Read the statement.", 1, 0, 19, links=("https://mofa.go.kr/x",))
    doc = AlignedDocument(Document(Path("doc.en"), "en", (sentence,)), doc.tgt, doc.beads)
    [flag] = find_named_entities(doc, Settings())
    assert flag.subject == "lost" and flag.spans == ()


@pytest.mark.parametrize(
    ("en", "ko", "changed"),
    [
        # a missile's class changed with its gloss (hunt15)
        (
            "North Korea fired a short-range ballistic missile (SRBM) on Monday.",
            "북한이 월요일 중거리탄도미사일(IRBM)을 발사했다.",
            "EN SRBM, KO IRBM",
        ),
        (
            "North Korea fired an ICBM on Monday.",
            "북한이 월요일 단거리탄도미사일(SRBM)을 발사했다.",
            "EN ICBM, KO SRBM",
        ),
        # the same acronym, a gloss of a name, another family: no change
        (
            "North Korea fired an ICBM on Monday.",
            "북한이 월요일 대륙간탄도미사일(ICBM)을 발사했다.",
            None,
        ),
        ("The IOC met on Monday.", "국제올림픽위원회(IOC)가 월요일 회의를 열었다.", None),
        ("GDP grew 2 percent.", "국민총생산(GNP)이 2% 늘었다.", None),
    ],
)
def test_an_acronym_glossed_as_another_of_its_family_is_flagged(
    en: str, ko: str, changed: str | None
) -> None:
    found = [f.message for f in _flags((en, ko)) if f.message.startswith("acronym changed")]
    assert found == ([] if changed is None else [f"acronym changed: {changed}: “{ko}”"])


def test_a_built_in_person_called_by_another_listed_persons_title_is_flagged() -> None:
    """김 부부장 is Kim Yo Jong: a quote of hers given to Kim Jong Un in the English
    (hunt15), though any title of his own would pass."""
    en = '"We will respond," North Korean leader Kim Jong Un said.'
    [flag] = _flags((en, '김 부부장은 "대응하겠다"고 말했다.'))
    assert flag.message.startswith("EN names “Kim Jong Un”")
    assert _flags((en, '김 위원장은 "대응하겠다"고 말했다.')) == []
    assert (
        _flags(('"We will respond," Kim Yo Jong said.', '김 부부장은 "대응하겠다"고 말했다.')) == []
    )

"""The ``korean_name`` check: a Korean name in the English, another person's in the Korean."""

from __future__ import annotations

import pytest
from pairs import aligned, spanned

import aligner.api  # noqa: F401  (registers every check)
from aligner.config import Settings
from aligner.models import Flag, Severity
from aligner.qa.names import english_names, find_swapped_names, sounds, titled_names
from aligner.qa.registry import CHECKS, run_checks


def _flags(*pairs: tuple[str, str]) -> list[Flag]:
    return list(find_swapped_names(aligned(list(pairs)), Settings()))


# ---------------------------------------------------------------- reading the names


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        ("Rhee Chang-yong", "이창용"),
        ("Lee Ju-yeol", "이주열"),
        ("Kim Jong Un", "김정은"),
        ("Kim Jong-il", "김정일"),
        ("Kim Il Sung", "김일성"),
        ("Kim Yo Jong", "김여정"),
        ("Roh Moo-hyun", "노무현"),
        ("Lee Myung-bak", "이명박"),
        ("Ban Ki-moon", "반기문"),
        ("Park Geun-hye", "박근혜"),
        ("Moon Jae-in", "문재인"),
        ("Yoon Suk-yeol", "윤석열"),
        ("Choe Ryong Hae", "최룡해"),
        ("Ri Yong Ho", "리용호"),
        ("Ri Yong Ho", "이용호"),
        ("Ahn Gyu-back", "안규백"),  # 백 as the minister spells it (hunt15)
        ("Jang Song Thaek", "장성택"),
        ("Hyon Song Wol", "현송월"),
        ("Pak Ui Chun", "박의춘"),
        ("Chung Eui-yong", "정의용"),
        ("Yu Myung-Hwan", "유명환"),
        ("Kang Kyung-wha", "강경화"),
        ("Lee Hoi-chang", "이회창"),
        ("Chun Doo-hwan", "전두환"),
        ("Oh Se-hoon", "오세훈"),
        ("Choo Kyung-ho", "추경호"),
        ("Son Heung-min", "손흥민"),
        ("Kim Yuna", "김연아"),
        ("Han Duck-soo", "한덕수"),
        ("Rhee Changyong", "이창용"),
        ("Lee Sub-young", "이수병"),  # the dev set's split of 수병 as "Sub-young"
        ("Bong Joon Ho", "봉준호"),
        ("Chae Soo-bin", "채수빈"),
        ('Lee "Faker" Sang-hyeok', "이상혁"),  # a nickname between surname and given name
    ],
)
def test_romanizations_sound_like_their_hangul(en: str, ko: str) -> None:
    [name] = english_names(f"They met {en} on Monday.")
    assert name.text == en
    assert name.sounds_like(ko)


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        ("Rhee Chang-yong", "이주열"),
        ("Kim Jong Un", "김정일"),
        ("Chun Yung-woo", "전영수"),
        ("Roh Moo-hyun", "노태우"),
        ("Lee Myung-bak", "이명수"),
    ],
)
def test_other_names_do_not(en: str, ko: str) -> None:
    [name] = english_names(en)
    assert not name.sounds_like(ko)


def test_sounds_fold_the_spellings_of_both_scripts() -> None:
    assert sounds("Myung-hwan") == sounds("Myeong-hwan") == sounds("명환")
    assert sounds("Chung") == sounds("Jeong") == sounds("정")
    assert sounds("Seok-yeol") == sounds("Suk-yeol") == sounds("석열")


@pytest.mark.parametrize(
    "text",
    [
        "In Busan, to Seoul, In Keelung the typhoon hit Hong Kong.",
        "Chinese Foreign Minister Yang Jiechi met Ma Ying-jeou.",
        "Go Home, said the Moon Landing poster.",
        "Mr. Kim said so.",
    ],
)
def test_english_words_and_chinese_names_are_not_korean_names(text: str) -> None:
    assert english_names(text) == []


def test_a_name_may_start_after_a_surname_like_word() -> None:
    assert [n.text for n in english_names("To Kim Jong Un, Do Ye-jong wrote.")] == [
        "Kim Jong Un",
        "Do Ye-jong",
    ]


def test_the_title_is_the_nearest_word_that_holds_one() -> None:
    [name] = titled_names("반기문전 외교부장관이 유엔총장으로 선출됐다.")
    assert (name.text, name.title) == ("반기문", "외교부장관이")


def test_a_band_member_or_an_artist_is_titled() -> None:
    """The culture desk test (hunt42): 멤버, 리더, 작곡가 title a name as 가수 does."""
    assert [n.text for n in titled_names("작사에 참여한 멤버 안유진은 말했다.")] == ["안유진"]
    assert [n.text for n in titled_names("작곡가 이재현은 곡을 썼다.")] == ["이재현"]


def test_a_candidate_is_titled() -> None:
    text = "윤 대표는 38.3%에 그친 강민석 후보를 제쳤다."
    assert [n.text for n in titled_names(text)] == ["강민석"]


@pytest.mark.parametrize(
    "text",
    [
        "가장 강력한 후보로 꼽힌다.",  # an adjective, not 강 and a given name
        "유력한 대선 후보로 꼽힌다.",
        "신도시 후보지는 곧 선정된다.",  # a candidate site
        "노사정 위원회가 열렸다.",  # a committee
    ],
)
def test_words_before_a_title_that_are_no_names(text: str) -> None:
    assert titled_names(text) == []


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        # two words of affiliation before the title
        ("이영은 건국대 기후학과 교수는 말했다.", "이영은", "교수는"),
        # the head of a unit, in -장, after its affiliation
        ("함영진 직방 빅데이터랩장은 말했다.", "함영진", "빅데이터랩장"),
        ("박지성 국토부 주택정책과장은 말했다.", "박지성", "주택정책과장"),
        # the title closing the phrase, not the affiliation that holds one (대통령실)
        ("강유정 대통령실 대변인은 말했다.", "강유정", "대변인은"),
        # a short name of the affiliation that ends as a topic would (한은, the central bank)
        ("이창용 한은 총재는 말했다.", "이창용", "총재는"),
        # an actor
        ("가수 겸 배우 한서준은 말했다.", "한서준", "배우"),
    ],
)
def test_a_name_before_its_affiliation_and_title(text: str, name: str, title: str) -> None:
    assert [(n.text, n.title) for n in titled_names(text)] == [(name, title)]


@pytest.mark.parametrize(
    "text",
    [
        # places in -장, not heads of a unit
        "김철수 서울 건설현장은 멈췄다.",
        "김민수 삼성 평택 공장을 찾았다.",
        "그는 서둘러 버스 정류장에 갔다.",
        "14년 전부터 쓰레기 매립장 부족이 문제가 됐다.",
        # words of a clause, not of an affiliation, between a word and a title
        "이들은 또 IOC의 감독하에 선거를 실시한다.",
        "이백여 년 전에, 작가 조나단 스위프트는 살았다.",
        # a group
        "외국인과 장애인 올림픽 참가 선수들을 만났다.",
    ],
)
def test_no_name_before_a_place_a_clause_or_a_group(text: str) -> None:
    assert titled_names(text) == []


def test_a_name_with_an_age_is_a_name() -> None:
    assert [n.text for n in titled_names("한서준(32)이 소송에서 이겼다.")] == ["한서준"]


def test_titled_names_skip_organisations_and_weather() -> None:
    text = "민주당 대표와 백악관 대변인은 이번에 날씨가 좋다고 했고 이주열 한국은행 총재도 그랬다."
    assert [n.text for n in titled_names(text)] == ["이주열"]


# ---------------------------------------------------------------- flags


SWAPPED = [
    # the newsroom's case: the previous governor
    (
        "Bank of Korea Governor Rhee Chang-yong said inflation would slow.",
        "이주열 총재는 물가 상승세가 둔화될 것이라고 말했다.",
        "Rhee Chang-yong",
        "이주열",
    ),
    # father for son, North Korean leaders
    (
        "North Korean leader Kim Jong Un inspected a missile launch.",
        "김정일 국방위원장이 미사일 발사를 참관했다.",
        "Kim Jong Un",
        "김정일",
    ),
    # another president, another surname: the role says it
    (
        "President Moon Jae-in will visit Washington next week.",
        "윤석열 대통령은 다음 주 워싱턴을 방문한다.",
        "Moon Jae-in",
        "윤석열",
    ),
    (
        "Foreign Minister Chung Eui-yong met his Japanese counterpart on Friday.",
        "강경화 외교부 장관은 금요일 일본 외무상과 만났다.",
        "Chung Eui-yong",
        "강경화",
    ),
    (
        "Former President Roh Moo-hyun died in 2009.",
        "노태우 전 대통령은 2009년 서거했다.",
        "Roh Moo-hyun",
        "노태우",
    ),
    # the dev set's own: South Korea's envoy Chun Yung-woo is 천영우
    (
        'South Korean envoy Chun Yung-woo said, "Some delegations need to consult."',
        "남측 대표 사절인 전영수씨는, “몇몇 대표단들은 상의해 볼 필요가 있다.”",
        "Chun Yung-woo",
        "전영수",
    ),
    (
        "Kim Yo Jong, the vice department director, issued a statement.",
        "현송월 부부장은 담화를 발표했다.",
        "Kim Yo Jong",
        "현송월",
    ),
    (
        "Deputy Trade Minister Kim Han-soo led the talks.",
        "이명박 외교통상부 차관이 협상을 이끌었다.",
        "Kim Han-soo",
        "이명박",
    ),
    # "former", run together with the name the North Korean way
    (
        "Former Foreign Minister Ban Ki-moon was elected.",
        "반장식전 외교부장관이 선출됐다.",
        "Ban Ki-moon",
        "반장식",
    ),
    # a rival in an election: another surname in the role (rival ~ 후보), or the same
    (
        "Yoon won 61.7 percent of the vote, defeating his rival Kang Min-soo, who received "
        "38.3 percent.",
        "윤 대표는 61.7%를 득표해 38.3%에 그친 김민석 후보를 제쳤다.",
        "Kang Min-soo",
        "김민석",
    ),
    (
        "Yoon won 61.7 percent of the vote, defeating his rival Kang Min-soo, who received "
        "38.3 percent.",
        "윤 대표는 61.7%를 득표해 38.3%에 그친 강민석 후보를 제쳤다.",
        "Kang Min-soo",
        "강민석",
    ),
    # the desk tester's: the given name swapped, the title a head of a unit in -장
    (
        '"Deals that do happen are at record prices," said Ham Young-jin, head of research '
        "at real estate platform Zigbang.",
        '함영수 직방 빅데이터랩장은 "드물게 이뤄지는 거래가 최고가에 체결되고 있다"고 말했다.',
        "Ham Young-jin",
        "함영수",
    ),
    # the surname swapped, the given name kept, two words of affiliation
    (
        '"It will be an average year within two decades," said Choi Young-eun, a climate '
        "scientist at Konkuk University.",
        '이영은 건국대 기후학과 교수는 "20년 안에는 평범한 해가 될 것"이라고 말했다.',
        "Choi Young-eun",
        "이영은",
    ),
    # the desk tester's: an abbreviated role before the name, the title after a place
    # (제주지사) or alone
    (
        "Jeju Gov. Oh Young-hun said the province will crack down on restaurants.",
        "원희룡 제주지사는 음식점을 단속하겠다고 말했다.",
        "Oh Young-hun",
        "원희룡",
    ),
    (
        "Jeju Gov. Oh Young-hun said the province will crack down on restaurants.",
        "원희룡 지사는 음식점을 단속하겠다고 말했다.",
        "Oh Young-hun",
        "원희룡",
    ),
    (
        "Rep. Lee Jae-myung criticized the budget.",
        "박용진 의원은 예산안을 비판했다.",
        "Lee Jae-myung",
        "박용진",
    ),
    # the desk tester's (hunt11): the spokesperson of an office whose name holds a title
    (
        "Presidential spokesperson Kim Nam-joon announced the trip at a briefing.",
        "강유정 대통령실 대변인은 이날 브리핑을 열고 이같이 발표했다.",
        "Kim Nam-joon",
        "강유정",
    ),
    # the predecessor, after the central bank's short name
    (
        "BOK Governor Lee Ju-yeol told a press conference the decision was unanimous.",
        "이창용 한은 총재는 기자간담회에서 만장일치 결정이었다고 말했다.",
        "Lee Ju-yeol",
        "이창용",
    ),
    # another actress, another director (봉 is a surname too)
    (
        "Lead actress Jeon Do-yeon attended an overseas film festival for the first time.",
        "주연을 맡은 배우 정미숙은 이번이 첫 해외 영화제 참석이다.",
        "Jeon Do-yeon",
        "정미숙",
    ),
    (
        "It is the first Silver Bear for a South Korean film since director Bong Joon Ho.",
        "한국 영화가 은곰상을 받은 것은 홍상수 감독 이후 처음이다.",
        "Bong Joon Ho",
        "홍상수",
    ),
    # the given name kept, the surname swapped, a nickname in the English and no title
    (
        'Kim "Faker" Sang-hyeok lifted the trophy for the seventh time.',
        "'페이커' 이상혁은 이번 우승으로 7번째 우승컵을 들어 올렸다.",
        'Kim "Faker" Sang-hyeok',
        "이상혁",
    ),
    (
        "Kim Sang-hyeok said he would not give up.",
        "이상혁은 포기하지 않겠다고 말했다.",
        "Kim Sang-hyeok",
        "이상혁",
    ),
    # a name with an age, the surname kept
    (
        "Park Seo-jun, 32, has partially won a lawsuit against his former agency.",
        "박민수(32)가 전 소속사를 상대로 낸 소송에서 일부 승소했다.",
        "Park Seo-jun",
        "박민수",
    ),
    # a list of people the English names
    (
        "Those executed included Woo Hong-son, Song Sang-jin, Do Ye-jong and Lee Sub-young.",
        "사형된 이들 중에는 우홍선, 송상진, 도종환, 이수병 등이 있었다.",
        "Do Ye-jong",
        "도종환",
    ),
    # a player by position or as captain (hunt13)
    (
        "Ulsan captain Kim Woo-seok said the fans deserved the trophy.",
        "울산 주장 이동경은 팬들이 우승 트로피를 받을 자격이 있다고 말했다.",
        "Kim Woo-seok",
        "이동경",
    ),
    (
        "Striker Joo Min-kyu scored twice.",
        "공격수 오세훈이 두 골을 넣었다.",
        "Joo Min-kyu",
        "오세훈",
    ),
    # a chef by her title (hunt14)
    (
        "In 2013 she found a dishwashing job at a temple-food restaurant run by chef Cho Hee-sook.",
        "2013년 서울로 올라온 그는 윤경자 셰프가 운영하는 사찰음식 식당에서 "
        "설거지 일자리를 얻었다.",
        "Cho Hee-sook",
        "윤경자",
    ),
    # the speaker of a quote changed with their role: the coach's role nowhere in the
    # Korean, the captain in its place
    (
        '"We never stopped believing," Ulsan head coach Hong Sang-gyu said.',
        '울산 주장 김우석은 "끝까지 믿음을 잃지 않았다"고 말했다.',
        "Hong Sang-gyu",
        "김우석",
    ),
    # the speaker of a quote given to another person of the story, the role after the
    # English name (hunt21)
    (
        '"Fifteen years is nothing," said Ahn Sang-mi, who heads a committee of victims.',
        '피해자 정수빈씨는 "15년은 아무것도 아니다"라고 말했다.',
        "Ahn Sang-mi",
        "정수빈",
    ),
    # a given name of one syllable after a title (an MT desk test, hunt28)
    (
        "Foreign Minister Cho Hyun met Japanese Foreign Minister Takeshi Iwaya in Tokyo.",
        "조태열 외교부 장관은 도쿄에서 이와야 다케시 일본 외무상과 만났다.",
        "Cho Hyun",
        "조태열",
    ),
]


@pytest.mark.parametrize(("en", "ko", "name", "other"), SWAPPED)
def test_another_persons_name_is_flagged(en: str, ko: str, name: str, other: str) -> None:
    [flag] = _flags((en, ko))
    assert (flag.type, flag.severity) == ("named_entity", Severity.WARNING)
    assert flag.message.startswith(f"EN “{name}” but KO “{other}”: a different person?")
    assert flag.subject == f"person {name}"


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        # the right person, in any order and spacing
        (
            "Bank of Korea Governor Rhee Chang-yong said inflation would slow.",
            "이창용 한국은행 총재는 물가 상승세가 둔화될 것이라고 말했다.",
        ),
        ("Foreign Minister Ri Yong Ho left Pyongyang.", "리용호 외무상이 평양을 떠났다."),
        ("Pak Ui Chun met Rice.", "라이스 국무장관은 박의춘 북한외무상을 만났다."),
        ("Kim Jong Un spoke to Kim Yo Jong.", "김정은위원장은 김여정 부부장과 말했다."),
        # surname and title, or no name at all: a choice of style
        (
            "Bank of Korea Governor Rhee Chang-yong said inflation would slow.",
            "이 총재는 물가 상승세가 둔화될 것이라고 말했다.",
        ),
        ("Governor Rhee Chang-yong said so.", "한국은행 총재는 그렇게 말했다."),
        ("Park Chung-hee seized power in 1961.", "1961년 박통이 권력을 잡았다."),
        # the person by surname and title, and someone the English leaves out
        (
            "Kim Jong Un was accompanied by senior officials.",
            "김 위원장은 김덕훈 총리 등 고위 간부들을 대동했다.",
        ),
        # another person the English names too
        (
            "Governor Rhee Chang-yong met Finance Minister Choo Kyung-ho.",
            "이 총재는 추경호 부총리를 만났다.",
        ),
        # a foreign name in the same role
        (
            "President Lee Myung-bak met President Barack Obama.",
            "이 대통령은 오바마 대통령을 만났다.",
        ),
        (
            "Prime Minister Han Duck-soo met Prime Minister Fumio Kishida.",
            "한 총리는 기시다 후미오 총리와 만났다.",
        ),
        (
            "Foreign Minister Pak Ui Chun met Secretary of State Condoleezza Rice.",
            "라이스 국무장관은 북한 외무상을 만났다.",
        ),
        # an organisation before the title, a person of another role
        (
            "Democratic Party leader Lee Jae-myung criticised the plan.",
            "민주당 대표는 계획을 비판했다.",
        ),
        ("Coach Kim Pan-gon named his squad.", "감독은 손흥민 선수를 포함한 명단을 발표했다."),
        # a verb before an affiliation and a title is no player
        (
            "No Korean has reached the last 16 since Chung Hyeon in 2018.",
            "2018년 정현이 4강에 오른 이후 이 대회 남자 단식 16강에 진출한 한국 선수는 없다.",
        ),
        # the rival by surname and title, "former" between them
        (
            "Yoon defeated his rival Kang Min-soo.",
            "윤 대표는 강 후보를 제쳤다.",
        ),
        (
            "Former lawmaker Yoo Seong-min, a leading contender, declared his bid.",
            "유력한 대선 후보로 꼽히는 유 전 의원이 출마를 선언했다.",
        ),
        (
            "Pollsters see Kang Min-soo as the strongest candidate.",
            "그는 가장 강력한 후보로 꼽힌다.",
        ),
        # the rival's name the English gives, right
        (
            "Yoon defeated his rival Kang Min-soo.",
            "윤 대표는 강민수 후보를 제쳤다.",
        ),
        # romanizations of one name, before an affiliation and a title
        (
            "said Choe Yeong-eun, a climate scientist at Konkuk University.",
            "최영은 건국대 기후학과 교수는 말했다.",
        ),
        (
            "said Rhee Young-jin, head of research at Zigbang.",
            "이영진 직방 빅데이터랩장은 말했다.",
        ),
        (
            "said Jeong Yeong-jin, head of research at Zigbang.",
            "정영진 직방 빅데이터랩장은 말했다.",
        ),
        (
            "said Bak Young-soo, head of research at Zigbang.",
            "박영수 직방 빅데이터랩장은 말했다.",
        ),
        # the desk tester's faithful pairs: an office that holds a title, the central
        # bank's short name, a nickname, a director of a surname the list once missed
        (
            "Presidential spokesperson Kang Yu-jung announced the trip.",
            "강유정 대통령실 대변인은 이날 이같이 발표했다.",
        ),
        (
            "BOK Governor Rhee Chang-yong told a press conference the decision was unanimous.",
            "이창용 한은 총재는 기자간담회에서 만장일치 결정이었다고 말했다.",
        ),
        (
            'Lee "Faker" Sang-hyeok lifted the trophy for the seventh time.',
            "'페이커' 이상혁은 이번 우승으로 7번째 우승컵을 들어 올렸다.",
        ),
        ("Director Bong Joon Ho won the award.", "봉준호 감독이 상을 받았다."),
        (
            "Foreign Minister Cho Hyun met Japanese Foreign Minister Takeshi Iwaya in Tokyo.",
            "외교부 장관 조현은 도쿄에서 이와야 다케시 일본 외무상과 만났다.",
        ),
        ("Singer Park Seo-jun, 32, won the lawsuit.", "가수 박서준(32)이 소송에서 이겼다."),
        # another given name, another surname: someone the English does not name
        (
            "said Choi Young-eun, a climate scientist at Konkuk University.",
            "김민준 건국대 기후학과 교수는 말했다.",
        ),
    ],
)
def test_the_same_person_or_no_other_is_not_flagged(en: str, ko: str) -> None:
    assert _flags((en, ko)) == []


def test_one_flag_per_name_and_pair() -> None:
    flags = _flags(
        (
            "Rhee Chang-yong said so, and Rhee Chang-yong did it.",
            "이주열 총재는 그렇게 말했고, 이주열 총재가 그렇게 했다.",
        )
    )
    assert len(flags) == 1


def test_disabled_or_given_another_severity_by_its_check_name() -> None:
    doc = aligned([(SWAPPED[0][0], SWAPPED[0][1])])
    # a wrong person is a factual error: it fails the gate unless a desk says otherwise
    assert CHECKS["korean_name"].severity == Severity.ERROR
    found = [f for f in run_checks(doc, Settings()) if f.subject.startswith("person")]
    assert [f.severity for f in found] == [Severity.ERROR]
    lowered = run_checks(doc, Settings(severities={"korean_name": "warning"}))
    assert [f.severity for f in lowered if f.subject.startswith("person")] == [Severity.WARNING]
    quiet = run_checks(doc, Settings(disabled_checks=frozenset({"korean_name"})))
    assert not [f for f in quiet if f.subject.startswith("person")]


def test_the_presidential_office_is_no_name() -> None:
    """Yonhap's English calls it Cheong Wa Dae: 정 + "Wa Dae" is nobody."""
    assert [n.text for n in english_names("Cheong Wa Dae said it will review the plan.")] == []


# ---------------------------------------------------------------- names of three parts


@pytest.mark.parametrize(
    "text",
    [
        "Senior Minister Lee Hsien Loong, the eldest son of Prime Minister Lee Kuan Yew.",
        "Malaysian politician Lim Guan Eng attended the summit.",
    ],
)
def test_a_name_of_three_parts_is_read_whole_and_is_no_korean_name(text: str) -> None:
    assert english_names(text) == []


def test_a_north_korean_name_in_three_parts_is_still_read() -> None:
    text = "Kim Jong Un met Lee Kuan Yew, and Kim Il Sung met Choe Ryong Hae."
    assert [n.text for n in english_names(text)] == ["Kim Jong Un", "Kim Il Sung", "Choe Ryong Hae"]


def test_two_people_of_one_surname_each_named_pass() -> None:
    assert not _flags(
        (
            "After Beijing, Cho will fly to Singapore to meet Prime Minister Lawrence Wong and "
            "Senior Minister Lee Hsien Loong, the eldest son of founding Prime Minister Lee Kuan "
            "Yew.",
            "조 장관은 베이징에 이어 싱가포르를 방문해 로런스 웡 총리와 리콴유 초대 총리의 장남인 "
            "리셴룽 선임장관을 만난다.",
        )
    )


def test_a_korean_name_swapped_beside_a_three_part_name_is_still_flagged() -> None:
    [flag] = _flags(
        (
            "President Lee Jae-myung met Lee Hsien Loong, the son of Lee Kuan Yew.",
            "이명박 대통령은 리콴유의 아들 리셴룽 선임장관을 만났다.",
        )
    )
    assert "EN “Lee Jae-myung” but KO “이명박”" in flag.message


@pytest.mark.parametrize(("en", "ko", "name", "other"), SWAPPED)
def test_the_flag_spans_the_name_and_the_other_person(
    en: str, ko: str, name: str, other: str
) -> None:
    doc = aligned([(en, ko)])
    [flag] = find_swapped_names(doc, Settings())
    assert spanned(doc, flag) == [("src", name), ("tgt", other)]


def test_a_verb_before_a_name_and_its_title_is_no_name() -> None:
    # the KO->EN desk tester's planted fault (hunt24): the message quoted the verb
    ko = "신인감독상은 독립영화 '푸른 계단'을 연출한 이하늘 감독이 받았다."
    assert [n.text for n in titled_names(ko)] == ["이하늘"]


def test_two_people_of_one_title_are_both_names() -> None:
    ko = "김철수 감독이 이끄는 팀은 이영희 감독이 이끄는 팀을 꺾었다."
    assert [n.text for n in titled_names(ko)] == ["김철수", "이영희"]

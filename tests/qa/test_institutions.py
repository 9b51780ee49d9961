"""Institutions the Korean replaces by another (the check ``institution``)."""

from __future__ import annotations

import fnmatch
import tomllib
from importlib import resources
from pathlib import Path

import pytest
from pairs import aligned, spanned

from aligner.config import Settings
from aligner.models import Flag, Severity
from aligner.qa.entities import find_named_entities, find_replaced_institutions
from aligner.qa.institutions import KINDS, find_substitution, load_institutions
from aligner.qa.registry import CHECKS, run_checks

ROOT = Path(__file__).resolve().parents[2]


def _flags(*pairs: tuple[str, str], settings: Settings | None = None) -> list[Flag]:
    doc = aligned(list(pairs))
    settings = settings or Settings()
    return [*find_named_entities(doc, settings), *find_replaced_institutions(doc, settings)]


# ---------------------------------------------------------------- the list


def test_the_list_ships_as_package_data() -> None:
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"][
        "setuptools"
    ]["package-data"]["aligner"]
    assert any(fnmatch.fnmatch("data/institutions.tsv", glob) for glob in package_data)
    assert resources.files("aligner").joinpath("data/institutions.tsv").is_file()


def test_every_institution_has_names_on_both_sides() -> None:
    institutions = load_institutions()
    assert len(institutions) > 50
    for inst in institutions:
        assert inst.en and inst.ko, inst
        assert not set(inst.ko) & set(inst.ko_loose), inst
    assert {inst.kind for inst in institutions} <= KINDS
    english = {name: inst for inst in institutions for name in inst.names}
    assert english["Statistics Korea"].ko[0] == "통계청"
    assert english["Trade Ministry"].ko[0] == "산업통상자원부"
    assert english["Gallup Korea"].ko[0] == "한국갤럽"


# ---------------------------------------------------------------- substitutions


# The desk's planted faults: the Korean names another institution.
REPLACED = [
    (
        "Outbound shipments reached $58.1 billion last month, up 6.4 percent from a year "
        "earlier, according to the Ministry of Trade, Industry and Energy.",
        "기획재정부에 따르면 지난달 수출액은 581억 달러로 1년 전보다 6.4% 늘었다.",
        "the Ministry of Trade, Industry and Energy (산업통상자원부)",
        "기획재정부",
    ),
    (
        "The total fertility rate stood at 0.75 in 2024, up from 0.72 a year earlier, "
        "according to Statistics Korea.",
        "보건복지부에 따르면 합계출산율은 2024년 0.75명으로, 전년의 0.72명보다 높아졌다.",
        "Statistics Korea (통계청)",
        "보건복지부",
    ),
    (
        "At least 2,418 people have been treated for heat-related illnesses since May 15, "
        "according to the Korea Disease Control and Prevention Agency.",
        "행정안전부에 따르면 5월 15일 이후 온열질환자는 최소 2천418명이다.",
        "the Korea Disease Control and Prevention Agency (질병관리청)",
        "행정안전부",
    ),
    (
        '"Concerns over housing prices in Seoul appear to have weighed on the rating," a '
        "Gallup Korea official said.",
        '리얼미터 관계자는 "서울 집값에 대한 우려가 지지율에 영향을 준 것으로 보인다"고 말했다.',
        "Gallup Korea (한국갤럽)",
        "리얼미터",
    ),
    (
        "A Gallup Korea survey showed support for the president fell to 40 percent.",
        "리얼미터 조사에서 대통령 지지율은 40%로 떨어졌다.",
        "Gallup Korea (한국갤럽)",
        "리얼미터",
    ),
    # the desk tester's: one business lobby for another, by full name or short form
    (
        '"Companies are cutting investment," said the Korea Chamber of Commerce and Industry.',
        '한국경영자총협회는 "기업들이 투자를 줄이고 있다"고 밝혔다.',
        "the Korea Chamber of Commerce and Industry (대한상공회의소)",
        "한국경영자총협회",
    ),
    (
        "The Federation of Korean Industries urged lawmakers to cut the corporate tax.",
        "대한상의는 국회에 법인세 인하를 촉구했다.",
        "the Federation of Korean Industries (한국경제인협회)",
        "대한상의",
    ),
    # the society desk test (hunt45): a union's words given to the employers' lobby or
    # one federation's record to its rival
    (
        "The Korean Confederation of Trade Unions called the increase a de facto pay cut.",
        "한국경영자총협회는 이번 인상을 사실상 임금 삭감이라고 비판했다.",
        "the Korean Confederation of Trade Unions (전국민주노동조합총연맹)",
        "한국경영자총협회",
    ),
    (
        "The Federation of Korean Trade Unions remained the largest umbrella group.",
        "민주노총은 최대 상급단체 자리를 지켰다.",
        "the Federation of Korean Trade Unions (한국노동조합총연맹)",
        "민주노총",
    ),
    # the world news and disasters desk tests (hunt51, hunt44): one city for another
    (
        "A Russian missile struck an apartment building in Kharkiv.",
        "러시아 미사일이 드니프로의 아파트를 강타했다.",
        "Kharkiv (하르키우)",
        "드니프로",
    ),
    (
        "A landslide hit Sancheong, South Gyeongsang.",
        "경북 예천에 산사태가 났다.",
        "Sancheong (산청)",
        "예천",
    ),
    # the tech desk test (hunt49): one carrier or chip designer for another
    (
        "SK Telecom said its 5G subscribers topped 16 million.",
        "KT는 5G 가입자가 1천600만 명을 넘었다고 밝혔다.",
        "SK Telecom (SK텔레콤)",
        "KT",
    ),
    (
        "Qualcomm supplies the chip for the Galaxy S26.",
        "미디어텍이 갤럭시 S26의 칩을 공급한다.",
        "Qualcomm (퀄컴)",
        "미디어텍",
    ),
    # a short form, a lower-case ministry
    (
        "The trade ministry said exports rose for the 12th straight month.",
        "기재부는 수출이 12개월 연속 증가했다고 밝혔다.",
        "the Ministry of Trade, Industry and Energy (산업통상자원부)",
        "기재부",
    ),
    (
        "The Bank of Korea froze its key rate at 2.5 percent.",
        "금융위원회는 기준금리를 연 2.5%로 동결했다.",
        "the Bank of Korea (한국은행)",
        "금융위원회",
    ),
    (
        "The People Power Party said it would boycott the vote.",
        "더불어민주당은 표결에 불참하겠다고 밝혔다.",
        "the People Power Party (국민의힘)",
        "더불어민주당",
    ),
    # a date before the other is no foreign country: 28일 is no 일 (Japan)
    (
        "The trade ministry said on Monday that exports rose.",
        "28일 기재부는 수출이 늘었다고 밝혔다.",
        "the Ministry of Trade, Industry and Energy (산업통상자원부)",
        "기재부",
    ),
    # an English acronym names its institution
    (
        "MOLIT said home prices rose for the fifth straight week.",
        "기재부는 집값이 5주 연속 올랐다고 밝혔다.",
        "the Ministry of Land, Infrastructure and Transport (국토교통부)",
        "기재부",
    ),
    (
        "The NEC said turnout was 67 percent.",
        "행정안전부는 투표율이 67%라고 밝혔다.",
        "the National Election Commission (중앙선거관리위원회)",
        "행정안전부",
    ),
    (
        "The RKP said it would boycott the vote.",
        "민주당은 표결에 불참하겠다고 밝혔다.",
        "the Rebuilding Korea Party (조국혁신당)",
        "민주당",
    ),
    # Yonhap's descriptive form names it too
    (
        "The Cho Kuk-led party said it would boycott the vote.",
        "민주당은 표결에 불참하겠다고 밝혔다.",
        "the Rebuilding Korea Party (조국혁신당)",
        "민주당",
    ),
    # Korea's own body after its name is no foreign one
    (
        "The Unification Ministry said the talks would go ahead.",
        "한국 외교부는 회담을 예정대로 진행한다고 밝혔다.",
        "the Ministry of Unification (통일부)",
        "외교부",
    ),
    # a company for its rival, and a statement's source (desk tests of stop 30)
    (
        "SK hynix will invest 20 trillion won in a new plant in Cheongju.",
        "삼성전자는 충북 청주에 20조 원을 투자해 새 공장을 짓는다.",
        "SK hynix (SK하이닉스)",
        "삼성전자",
    ),
    (
        "Hyundai Motor rose 1.2 percent.",
        "기아는 1.2% 올랐다.",
        "Hyundai Motor (현대자동차)",
        "기아",
    ),
    # a central bank for another (the adversarial test, hunt43)
    (
        "The Bank of Japan raised its key rate on Friday.",
        "한국은행은 금요일 기준금리를 올렸다.",
        "the Bank of Japan (일본은행)",
        "한국은행",
    ),
    # a foreign regulator for another (the science desk test, hunt39)
    (
        "The company said the U.S. Food and Drug Administration (FDA) had approved its drug.",
        "회사는 유럽의약품청(EMA)으로부터 품목허가를 받았다고 밝혔다.",
        "the U.S. Food and Drug Administration (식품의약국)",
        "유럽의약품청",
    ),
    # a North Korean province or site for another (the North Korea desk test, hunt34)
    (
        "North Korea fired the missile from North Pyongan Province.",
        "북한은 함경남도에서 미사일을 발사했다.",
        "North Pyongan Province (평안북도)",
        "함경남도",
    ),
    (
        "IAEA inspectors saw new activity at Yongbyon.",
        "IAEA 사찰단은 풍계리에서 새로운 움직임을 포착했다.",
        "Yongbyon (영변)",
        "풍계리",
    ),
    (
        '"Our military fired warning shots in response," the JCS said in a statement.',
        '조선중앙통신은 입장문에서 "우리 군은 경고사격을 실시했다"고 밝혔다.',
        "the Joint Chiefs of Staff (합동참모본부)",
        "조선중앙통신",
    ),
]


@pytest.mark.parametrize(("en", "ko", "named", "instead"), REPLACED)
def test_an_institution_replaced_by_another_is_flagged(
    en: str, ko: str, named: str, instead: str
) -> None:
    [flag] = _flags((en, ko))
    assert (flag.type, flag.severity) == ("named_entity", Severity.WARNING)
    assert flag.message == f"the English names {named}; the Korean says {instead}"
    assert flag.subject.startswith("institution ")


def test_a_state_medium_replaced_by_another_is_one_flag() -> None:
    [flag] = _flags(
        ("KCNA said Kim inspected a factory.", "노동신문은 김 위원장이 공장을 시찰했다고 보도했다.")
    )
    assert "the Korean says 노동신문" in flag.message


FAITHFUL = [
    # the name left out, or a short form
    (
        "Exports rose, the Ministry of Trade, Industry and Energy said.",
        "정부는 수출이 늘었다고 밝혔다.",
    ),
    (
        "Exports rose, the Ministry of Trade, Industry and Energy said.",
        "당국은 수출이 늘었다고 밝혔다.",
    ),
    (
        "Exports rose, the Ministry of Trade, Industry and Energy said.",
        "산업부는 수출이 늘었다고 밝혔다.",
    ),
    (
        "The Korea Disease Control and Prevention Agency urged caution.",
        "방역당국은 주의를 당부했다.",
    ),
    ("The Bank of Korea's Monetary Policy Board froze the rate.", "금통위는 기준금리를 동결했다."),
    # a former name, of the time of the story
    (
        "The Ministry of Knowledge Economy said exports rose.",
        "지식경제부는 수출이 늘었다고 밝혔다.",
    ),
    (
        "The trade ministry said the FTA talks would resume.",
        "외교통상부는 FTA 협상이 재개된다고 밝혔다.",
    ),
    ("The Grand National Party won a majority.", "한나라당이 과반을 차지했다."),
    # another institution the English names too, or means with a loose word
    (
        "Statistics Korea data showed the birth rate rose, the welfare ministry said.",
        "복지부는 통계청 자료를 인용해 출산율이 올랐다고 밝혔다.",
    ),
    (
        "The finance ministry said exports would recover, citing central bank data.",
        "기재부는 한은 자료를 인용해 수출이 회복될 것이라고 밝혔다.",
    ),
    (
        "The Democratic Party boycotted the vote, and the ruling party passed it alone.",
        "민주당은 표결을 거부했고 국민의힘은 단독으로 처리했다.",
    ),
    (
        "The spy agency told lawmakers the North had sent troops, the JCS said.",
        "합참은 국정원이 국회에 북한의 파병 사실을 보고했다고 전했다.",
    ),
    # a foreign body of the same name, or a longer name that holds it
    (
        "North Korea's Foreign Ministry said in a statement carried by state media.",
        "북한 외무성은 조선중앙통신을 통해 발표한 담화에서 밝혔다.",
    ),
    (
        "The North's Defense Ministry said the drills were a rehearsal for invasion, the NIS said.",
        "국정원은 북한 국방성이 훈련을 침략 연습이라고 주장했다고 밝혔다.",
    ),
    (
        "Japan's ruling Liberal Democratic Party lost its majority, the NIS said.",
        "국정원은 일본 집권 자민당이 과반을 잃었다고 밝혔다.",
    ),
    (
        "The Export-Import Bank of Korea will lend 5 trillion won, the Financial Services "
        "Commission said.",
        "금융위원회는 한국수출입은행이 5조 원을 대출할 것이라고 밝혔다.",
    ),
    (
        "The Pentagon said the drills would go ahead, the Joint Chiefs of Staff said.",
        "합참은 미 국방부가 훈련을 예정대로 진행한다고 밝혔다고 전했다.",
    ),
    # the English names another country's body: "the Chinese Foreign Ministry"
    (
        "The Chinese Foreign Ministry protested, according to diplomatic sources.",
        "외교 소식통에 따르면 중국 측은 항의했고 통일부도 우려를 표했다.",
    ),
    # any country of the list's country rows, not only the commonest
    (
        "The Swiss Foreign Ministry protested, according to diplomatic sources.",
        "외교 소식통에 따르면 스위스 측은 항의했고 통일부도 우려를 표했다.",
    ),
    # the Korean names another country's body: 미 국방부 for Washington
    (
        "The Unification Ministry said Washington would go ahead with the drills.",
        "정부는 미 국방부가 훈련을 예정대로 진행한다고 밝혔다.",
    ),
    (
        "The Unification Ministry said Hanoi would go ahead with the talks.",
        "정부는 베트남 외교부가 회담을 예정대로 진행한다고 밝혔다.",
    ),
    # a Korean name inside a longer word is none: 금융위기, 산업부문
    (
        "Statistics Korea said output fell the most since the financial crisis.",
        "생산은 금융위기 이후 가장 큰 폭으로 줄었다.",
    ),
    ("Statistics Korea said industrial output fell.", "산업부문 생산이 줄었다."),
    # an institution of another kind is no substitute: the party is the one the English
    # describes, the ministry is rendered by 정부
    (
        "The Cho Kuk-led party also criticized the Finance Ministry's plan to ease "
        "inheritance taxes.",
        "조국혁신당은 상속세를 완화하려는 정부 방침도 비판했다.",
    ),
    (
        "Cho Kuk criticized the Finance Ministry's plan to cut the inheritance tax.",
        "조국 조국혁신당 대표는 상속세를 인하하려는 정부 계획을 비판했다.",
    ),
    # English acronyms name their institutions
    (
        "The RKP criticized the Finance Ministry's plan to cut the inheritance tax.",
        "조국혁신당은 상속세를 인하하려는 정부 계획을 비판했다.",
    ),
    (
        "The NEC said turnout was 67 percent, while the Interior Ministry reported no major "
        "incidents.",
        "중앙선관위는 투표율이 67%라고 밝혔으며, 정부는 큰 사고가 없었다고 밝혔다.",
    ),
    (
        "MOLIT said home prices rose, citing data from the Finance Ministry.",
        "국토교통부는 정부 자료를 인용해 집값이 올랐다고 밝혔다.",
    ),
    (
        "The KMA issued a heat wave warning as the Interior Ministry raised its crisis alert.",
        "기상청은 폭염경보를 발령했고, 정부는 위기경보 수준을 높였다.",
    ),
    (
        "The SPO said it had indicted 15 people, including an official of the Justice Ministry.",
        "대검찰청은 정부 관계자 1명을 포함해 15명을 기소했다고 밝혔다.",
    ),
    # an acronym with another meaning names nothing: a memorandum of understanding
    (
        "Hyundai Motor signed an MOU to supply 500 hydrogen buses by 2027.",
        "현대차는 2027년까지 수소버스 500대를 공급하는 양해각서를 국토교통부와 체결했다.",
    ),
    # a business lobby's short form, or a ministry where the English names a lobby
    (
        "The Korea Employers' Federation said wages should be frozen.",
        "경총은 임금을 동결해야 한다고 밝혔다.",
    ),
    (
        "Exports rose 6 percent, according to the Korea International Trade Association.",
        "산업통상자원부에 따르면 수출은 6% 늘었다.",
    ),
    # a foreign body with its country, or by its acronym
    (
        "The company said the U.S. Food and Drug Administration (FDA) had approved its drug.",
        "회사는 미국 식품의약국(FDA)으로부터 품목허가를 받았다고 밝혔다.",
    ),
    # ... whose country the English writes inside the body's name, beside another country
    (
        "South Korean drugmaker Celltrion said the U.S. Food and Drug Administration had "
        "approved its biosimilar.",
        "셀트리온은 자사 바이오시밀러를 미국 식품의약국(FDA)이 승인했다고 밝혔다.",
    ),
    ("The Fed held rates steady.", "연준은 금리를 동결했다."),
    ("IAEA inspectors visited Yongbyon.", "국제원자력기구 사찰단이 영변을 방문했다."),
    # a body named to name another by it (the adversarial test, hunt40)
    ("The FDA's European counterpart approved the drug.", "유럽의약품청(EMA)은 그 약을 승인했다."),
    # 기아 is also famine (the adversarial test, hunt37)
    (
        "Samsung Electronics pledged 2 billion won to a campaign against child famine.",
        "삼성은 아프리카 기아 아동 돕기 캠페인에 20억 원을 내기로 했다.",
    ),
    # a site by another of its names, or in its province
    ("The North launched the rocket from the Sohae area.", "북한은 동창리 일대에서 로켓을 쐈다."),
    (
        "The launch came from Tongchang-ri in North Pyongan Province.",
        "발사는 평안북도 철산군 동창리에서 이뤄졌다.",
    ),
    # a group's name may mean any of its companies
    ("Samsung shares rose 2 percent.", "삼성전자 주가는 2% 올랐다."),
    ("Hyundai Motor and Kia sold 1 million cars.", "현대차그룹은 자동차 100만 대를 팔았다."),
    (
        "Analysts said the deal would widen SK hynix's lead over Samsung.",
        "애널리스트들은 SK하이닉스와 삼성전자의 격차가 벌어질 것이라고 분석했다.",
    ),
    # lower case is no name: "the little blue house" is no Cheong Wa Dae
    (
        "You got your passport stamped at the little blue house.",
        "작은 집에서 국정원 직원이 여권에 도장을 찍어 줬다.",
    ),
]


@pytest.mark.parametrize(("en", "ko"), FAITHFUL)
def test_an_institution_left_out_or_explained_is_not_flagged(en: str, ko: str) -> None:
    assert find_substitution(en, ko) is None
    assert _flags((en, ko)) == []


def test_an_institution_the_user_glossary_lists_is_left_to_terminology(tmp_path: Path) -> None:
    glossary = tmp_path / "glossary.csv"
    glossary.write_text("en,ko,forbidden\nStatistics Korea,통계청,\n", encoding="utf-8")
    pair = REPLACED[1][:2]
    assert not _flags(pair, settings=Settings(glossary=glossary))
    assert _flags(pair)


def test_the_flag_spans_both_institutions() -> None:
    doc = aligned(
        [
            (
                "Exports rose 3 percent, according to the Ministry of Trade, Industry and Energy.",
                "기획재정부에 따르면 수출은 3% 늘었다.",
            )
        ]
    )
    [flag] = find_replaced_institutions(doc, Settings())
    assert spanned(doc, flag) == [
        ("src", "Ministry of Trade, Industry and Energy"),
        ("tgt", "기획재정부"),
    ]


# ---------------------------------------------------------------- courts and prosecutors


# A desk tester's planted fault and probe (hunt6 chaebol_indict, court_bribery).
COURTS_REPLACED = [
    (
        "The Seoul Southern District Prosecutors' Office said it had indicted Hwang Jae-ho, "
        "67, chairman of Daemyung Group, under detention.",
        "서울중앙지검은 황재호(67) 대명그룹 회장을 구속기소했다고 밝혔다.",
        "the Seoul Southern District Prosecutors' Office (서울남부지방검찰청)",
        "서울중앙지검",
    ),
    (
        "The Seoul Central District Court also ordered Choi Dong-hwan, 61, to pay a fine of "
        "150 million won ($107,000).",
        "서울남부지법은 최동환(61) 전 차관에게 벌금 1억5천만 원도 함께 선고했다.",
        "the Seoul Central District Court (서울중앙지방법원)",
        "서울남부지법",
    ),
    (
        "The Seoul High Court upheld the sentence.",
        "수원고법은 형량을 그대로 유지했다.",
        "the Seoul High Court (서울고등법원)",
        "수원고법",
    ),
    # the Court of "the Constitutional Court" is no Supreme Court, the 법원 of 대법원 no
    # Constitutional Court
    (
        "The Constitutional Court upheld the law.",
        "대법원은 이 법이 합헌이라고 판단했다.",
        "the Constitutional Court (헌법재판소)",
        "대법원",
    ),
    # a name keeps its first capital only
    (
        "Seoul Southern District prosecutors indicted him.",
        "서울중앙지검은 그를 기소했다.",
        "the Seoul Southern District Prosecutors' Office (서울남부지방검찰청)",
        "서울중앙지검",
    ),
    # the 지검 of 서울중앙지검 renders no other prosecutors' office
    (
        "The Supreme Prosecutors' Office ordered a new investigation.",
        "서울중앙지검은 재수사를 지시했다.",
        "the Supreme Prosecutors' Office (검찰)",
        "서울중앙지검",
    ),
]


@pytest.mark.parametrize(("en", "ko", "named", "instead"), COURTS_REPLACED)
def test_a_court_or_prosecutors_office_replaced_by_another_is_flagged(
    en: str, ko: str, named: str, instead: str
) -> None:
    [flag] = _flags((en, ko))
    assert flag.message == f"the English names {named}; the Korean says {instead}"


COURTS_FAITHFUL = [
    # short forms, the name left out
    ("The Seoul Southern District Prosecutors' Office indicted him.", "남부지검은 그를 기소했다."),
    ("The Seoul Southern District Prosecutors' Office indicted him.", "검찰은 그를 기소했다."),
    ("Seoul Central District prosecutors indicted him.", "서울중앙지방검찰청은 그를 기소했다."),
    ("The Seoul Central District Court sentenced him.", "법원은 그에게 징역형을 선고했다."),
    ("The Seoul District Court sentenced him.", "서울지법은 그에게 징역형을 선고했다."),
    # a court never stands for a prosecutors' office, nor one for a court
    ("The Seoul Central District Court sentenced him.", "서울중앙지검은 그를 기소했다."),
    ("The Seoul Southern District Prosecutors' Office indicted him.", "서울중앙지법이 심리한다."),
    # "prosecutors" may be any office, "the court" any court
    ("Prosecutors said the Seoul Southern District Court would rule.", "서울중앙지검은 밝혔다."),
    (
        "The Seoul High Court overturned the ruling, and the court said it would be final.",
        "대법원은 판결을 확정했다.",
    ),
]


@pytest.mark.parametrize(("en", "ko"), COURTS_FAITHFUL)
def test_a_court_or_prosecutors_office_left_out_or_of_another_kind_is_not_flagged(
    en: str, ko: str
) -> None:
    assert _flags((en, ko)) == []


# ---------------------------------------------------------------- countries


COUNTRIES_REPLACED = [
    # the desk tester's planted fault (hunt6 nk_missile)
    (
        '"Our military is maintaining a full readiness posture while closely sharing '
        'information with the United States and Japan," the JCS said.',
        '합참은 "우리 군은 만반의 대비태세를 유지하면서 미국, 중국과 관련 정보를 긴밀하게 '
        '공유하고 있다"고 말했다.',
        "Japan (일본)",
        "중국",
    ),
    # an adjective, a capital, a date before the other country
    ("Japanese officials protested.", "중국 당국자들이 항의했다.", "Japan (일본)", "중국"),
    ("Washington said the talks would resume.", "러시아는 회담이 재개된다고 밝혔다.",
     "the United States (미국)", "러시아"),
    ("Pyongyang fired a missile on Friday.", "14일 중국이 미사일을 발사했다.",
     "North Korea (북한)", "중국"),
    # a country after another country is still named: 러시아의 미국 침공
    ("Europe rearmed after Russia's invasion of Ukraine.",
     "러시아의 미국 침공 이후 유럽이 재무장했다.", "Ukraine (우크라이나)", "미국"),
    # a country beside a name holding it is still named; a state's own body is the country
    ("The National Museum of Korea lent works to Japan.",
     "국립중앙박물관은 중국에 작품을 대여했다.", "Japan (일본)", "중국"),
    ("The Japanese Meteorological Agency said there was no danger.",
     "중국 기상청은 위험이 없다고 밝혔다.", "Japan (일본)", "중국"),
    ("The Korean Air Force scrambled jets.", "미국 공군이 전투기를 출격시켰다.",
     "South Korea (한국)", "미국"),
    # a foreign body whose country the Korean changes (the tester's probe)
    (
        "Japan's defense ministry said the missile landed outside its exclusive economic zone.",
        "중국 국방부는 미사일이 일본의 배타적경제수역(EEZ) 밖에 떨어졌다고 밝혔다.",
        "Japan (일본)",
        "중국",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("en", "ko", "named", "instead"), COUNTRIES_REPLACED)
def test_a_country_replaced_by_another_is_flagged(
    en: str, ko: str, named: str, instead: str
) -> None:
    [flag] = _flags((en, ko))
    assert flag.type == "named_entity"
    assert flag.message == f"the English names {named}; the Korean says {instead}"
    assert flag.subject.startswith("country ")


def test_the_flag_spans_both_countries() -> None:
    doc = aligned([COUNTRIES_REPLACED[0][:2]])
    [flag] = find_replaced_institutions(doc, Settings())
    assert spanned(doc, flag) == [("src", "Japan"), ("tgt", "중국")]
    doc = aligned([COUNTRIES_REPLACED[-1][:2]])
    [flag] = find_replaced_institutions(doc, Settings())
    assert spanned(doc, flag) == [("src", "Japan"), ("tgt", "중국")]


COUNTRIES_FAITHFUL = [
    # abbreviations inside compounds render a country, dotted or not
    ("Seoul, Washington and Tokyo will hold drills.", "한미일은 훈련을 한다."),
    ("Seoul and Tokyo agreed.", "한·일 양국은 합의했다."),
    ("The United States and China clashed over tariffs.", "미중 양국은 관세를 두고 충돌했다."),
    ("Lee will visit Japan next week.", "이 대통령은 다음 주 방일한다."),
    ("Aid to North Korea resumed.", "대북 지원이 재개됐다."),
    ("The United States said the talks went well.", "미 국무부는 회담이 잘 됐다고 밝혔다."),
    ("The two Koreas agreed to talk.", "남북은 대화하기로 합의했다."),
    # and never name another: Japan is left out, the Korean adds no country
    ("Japan said it would cooperate with Seoul.", "한미 공조가 중요하다고 말했다."),
    # the Korean adds the country the English implies
    ("The foreign minister said Seoul must act.", "일본 외무상은 한국이 행동해야 한다고 말했다."),
    (
        "Japanese Prime Minister Shigeru Ishiba met Xi in Lima.",
        "이시바 시게루 총리는 리마에서 시진핑 중국 국가주석을 만났다.",
    ),
    # a city's event, a dateline in capitals
    (
        "Iraqi officials will meet the IOC to save the country's place in the Beijing Games.",
        "이라크 대표단이 스위스 로잔의 IOC 본부를 찾아 올림픽 출전 담판을 벌인다.",
    ),
    (
        "LONDON, England (CNN) From Dallas, Texas to Dabancheng, China, energy firms invest.",
        "미국 텍사스주 댈러스에서 중국 다반청까지 에너지 회사들이 투자하고 있다.",
    ),
    # a country inside the proper name of a museum, a bank, a university, a firm or a
    # paper is not the country the sentence talks about (the desk tester's story, hunt7)
    (
        "The National Museum of Korea drew a record 5.6 million visitors this year, more "
        "than the Metropolitan Museum of Art in New York, according to the museum.",
        "국립중앙박물관이 올해 사상 최다인 560만 명의 관람객을 맞았다. 미국 뉴욕 메트로폴리탄 "
        "미술관보다 많은 숫자다.",
    ),
    ("He studied at the University of Tokyo.", "그는 미국 유학 전 도쿄대에서 공부했다."),
    ("Korean Air will fly to Boston.", "대한항공은 미국 보스턴에 취항한다."),
    ("Korea Exchange data showed foreigners sold.", "거래소에 따르면 미국계 자금이 팔았다."),
    ("The British Library holds the codex.", "미국이 아닌 대영도서관이 사본을 소장하고 있다."),
    # a foreign body with its country, or none
    ("Japan's defense ministry said so.", "일본 방위성은 그렇게 밝혔다."),
    ("Japan's defense ministry said so.", "방위성은 그렇게 밝혔다."),
]


@pytest.mark.parametrize(("en", "ko"), COUNTRIES_FAITHFUL)
def test_a_country_rendered_left_out_or_added_is_not_flagged(en: str, ko: str) -> None:
    assert find_substitution(en, ko) is None
    assert _flags((en, ko)) == []


def test_a_replaced_institution_fails_the_gate_unless_configured_otherwise() -> None:
    """A wrong body or country is a factual error: the check ``institution`` raises
    an error by default; its severity and switch are its own, not ``named_entity``'s."""
    doc = aligned([COUNTRIES_REPLACED[0][:2]])
    assert CHECKS["institution"].severity == Severity.ERROR
    found = [f for f in run_checks(doc, Settings()) if f.subject.startswith("country")]
    assert [f.severity for f in found] == [Severity.ERROR]
    lowered = run_checks(doc, Settings(severities={"institution": "warning"}))
    assert [f.severity for f in lowered if f.subject.startswith("country")] == [Severity.WARNING]
    quiet = run_checks(doc, Settings(disabled_checks=frozenset({"named_entity"})))
    assert [f.subject for f in quiet if f.subject.startswith("country")] == ["country Japan"]
    quiet = run_checks(doc, Settings(disabled_checks=frozenset({"institution"})))
    assert not [f for f in quiet if f.subject.startswith("country")]


# ---------------------------------------------------------------- seas


@pytest.mark.parametrize(
    ("en", "ko", "instead"),
    [
        # a missile's splashdown moved to the other sea (hunt15)
        (
            "North Korea fired several cruise missiles into the Yellow Sea on Saturday.",
            "북한이 토요일 오전 동해상으로 순항미사일 여러 발을 발사했다.",
            "동해상",
        ),
        ("The missile fell into the East Sea.", "미사일은 서해에 떨어졌다.", "서해"),
    ],
)
def test_a_sea_replaced_by_another_is_flagged(en: str, ko: str, instead: str) -> None:
    substitution = find_substitution(en, ko)
    assert substitution is not None and substitution.tgt == instead


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        ("The missile fell into the East Sea.", "미사일은 동해상에 떨어졌다."),
        ("The missile fell into the Sea of Japan.", "미사일은 동해에 떨어졌다."),
        ("The ship sank in the East China Sea.", "배는 동중국해에서 침몰했다."),
        ("Heavy snow hit the east coast.", "동해안에 폭설이 내렸다."),
    ],
)
def test_the_same_sea_is_not_flagged(en: str, ko: str) -> None:
    assert find_substitution(en, ko) is None


def test_a_country_that_locates_a_place_the_english_names_is_no_substitution() -> None:
    en = "South Korea's Kim Hyo-joo won at Tiburon Golf Club in Naples, Florida."
    # Korean sports copy drops the player's country and says where Florida is
    assert find_substitution(en, "김효주는 미국 플로리다주 네이플스에서 우승했다.") is None
    # a country before a word the English does not name is still another country
    sub = find_substitution(en, "김효주는 미국 대회에서 우승했다.")
    assert sub is not None and sub.tgt == "미국"


def test_a_nationality_in_brackets_after_another_player_is_no_substitution() -> None:
    en = "South Korea's Kim Hyo-joo won, beating world No. 1 Nelly Korda by two strokes."
    # Korean sports copy gives each player's nationality in brackets
    assert (
        find_substitution(en, "김효주는 세계랭킹 1위 넬리 코르다(미국)를 2타 차로 제쳤다.") is None
    )
    # but the bracket after the English's own player is that player's country changed
    nadal = "Spain's Rafael Nadal wrapped up his fifth straight tournament win on Sunday."
    sub = find_substitution(nadal, "라파엘 나달(미국)이 27일 우승을 차지했다.")
    assert sub is not None and sub.tgt == "미국"


def test_an_armed_service_put_for_another_is_a_substitution() -> None:
    en = "He served as Navy chief of staff before joining the cabinet."
    sub = find_substitution(en, "그는 육군참모총장을 지낸 뒤 입각했다.")
    assert sub is not None and sub.tgt == "육군참모총장"
    assert find_substitution(en, "그는 해군참모총장을 지낸 뒤 입각했다.") is None
    both = ("The Army and the Navy held a drill.", "육군과 해군이 훈련했다.")
    assert find_substitution(*both) is None


def test_south_korea_owning_a_body_the_korean_renders_bare_is_no_substitution() -> None:
    en = "South Korea's defense ministry said it could not confirm the claim."
    # domestic copy drops 한국 before its own ministry and names whose claim it is
    assert find_substitution(en, "국방부는 북한의 주장을 확인해 줄 수 없다고 밝혔다.") is None
    # another country's ministry, or the country alone, is still a substitution
    sub = find_substitution(en, "북한 국방부는 이 같은 주장을 확인해 줄 수 없다고 밝혔다.")
    assert sub is not None and sub.tgt == "북한"
    alone = "South Korea said it could not confirm the claim."
    sub = find_substitution(alone, "북한은 이 같은 주장을 확인해 줄 수 없다고 밝혔다.")
    assert sub is not None and sub.tgt == "북한"
    # ... a body the English describes rather than names: "South Korea's spy agency"
    spy = "South Korea's spy agency estimated that about 10,000 soldiers had been deployed."
    assert find_substitution(spy, "국가정보원은 북한군 약 1만 명이 파병된 것으로 추정했다.") is None
    sub = find_substitution(spy, "북한 국가정보원은 북한군 약 1만 명이 파병된 것으로 추정했다.")
    assert sub is not None and sub.tgt == "북한"

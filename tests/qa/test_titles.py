"""The ``title`` check: a person called former or acting on one side only."""

from __future__ import annotations

import pytest
from pairs import aligned, spanned

import aligner.api  # noqa: F401  (registers every check)
from aligner.config import Settings
from aligner.models import Flag, Severity
from aligner.qa.registry import CHECKS, run_checks
from aligner.qa.titles import find_title_changes

ACTING = "Acting Finance Minister Bae Jin-woo said the government would act."


def _titles(en: str, ko: str) -> list[Flag]:
    flags = run_checks(aligned([(en, ko)]), Settings())
    return [f for f in flags if (f.subject or "").startswith("title")]


def test_registered_as_a_warning_raising_named_entity() -> None:
    assert CHECKS["title"].function is find_title_changes
    assert CHECKS["title"].severity == Severity.WARNING


@pytest.mark.parametrize(
    ("en", "ko", "message"),
    [
        # desk tester's planted fault (hunt22)
        (
            ACTING,
            "배진우 기획재정부 장관은 정부가 대응하겠다고 말했다.",
            "EN calls Bae Jin-woo acting, KO gives the full title: “배진우 기획재정부 장관”",
        ),
        (
            "Former President Moon Jae-in met Lee on Monday.",
            "문재인 대통령은 7일 이 대통령을 만났다.",
            "EN calls Moon Jae-in former, KO gives the title as current: “문재인 대통령”",
        ),
        (
            "President Moon Jae-in met Lee on Monday.",
            "문 전 대통령은 7일 이 대통령을 만났다.",
            "KO calls Moon Jae-in former (“문 전 대통령”), EN does not",
        ),
        # a verb in the past is no former title (desk tester's probe, hunt24)
        (
            "Joint Chiefs Chairman Lee Jae-seok was the first to speak.",
            "이재석 전 합참의장은 첫 번째로 발언했다.",
            "KO calls Lee Jae-seok former (“이재석 전 합참의장”), EN does not",
        ),
        (
            "Finance Minister Bae Jin-woo said the government would act.",
            "배진우 기획재정부 장관 직무대행은 정부가 대응하겠다고 말했다.",
            "KO calls Bae Jin-woo acting (“배진우 기획재정부 장관 직무대행”), EN does not",
        ),
        # another person's "former" is not this one's (the people desk test, hunt36)
        (
            "President Lee Jae-myung on Monday nominated Kwon Hye-sook, a former vice minister.",
            "이재명 전 대통령은 월요일 권혜숙 전 차관을 지명했다.",
            "KO calls Lee Jae-myung former (“이재명 전 대통령”), EN does not",
        ),
        (
            "Aram Beauty Chief Executive Oh Ji-young said sales rose.",
            "오지영 전 아람뷰티 대표는 매출이 늘었다고 말했다.",
            "KO calls Oh Ji-young former (“오지영 전 아람뷰티 대표”), EN does not",
        ),
        (
            "The film was scored by the late composer Han Sang-il.",
            "영화 음악은 작곡가 한상일 씨가 맡았다.",
            "EN calls Han Sang-il the late, KO gives no 고(故) nor a death: “한상일”",
        ),
        # the world news desk test (hunt51): a foreign person, found by the sound of the
        # last name
        (
            "Former Chancellor Olaf Scholz criticized the plan.",
            "올라프 숄츠 총리는 이 계획을 비판했다.",
            "EN calls Olaf Scholz former, KO gives the title as current: “숄츠 총리”",
        ),
        (
            "Former Vice President Kamala Harris was second with 19 percent.",
            "카멀라 해리스 부통령이 19%로 뒤를 이었다.",
            "EN calls Kamala Harris former, KO gives the title as current: “해리스 부통령”",
        ),
        (
            "Chancellor Friedrich Merz defended the budget.",
            "프리드리히 메르츠 전 독일 총리는 예산안을 옹호했다.",
            "KO calls Friedrich Merz former (“메르츠 전 독일 총리”), EN does not",
        ),
        (
            "The late Hyundai founder Chung Ju-yung drove 500 cattle across the border in 1998.",
            "정주영 현대 회장은 1998년 소 500마리를 몰고 방북했다.",
            "EN calls Chung Ju-yung the late, KO gives no 고(故) nor a death: “정주영”",
        ),
    ],
)
def test_a_title_made_current_former_or_acting_is_one_warning(
    en: str, ko: str, message: str
) -> None:
    [flag] = _titles(en, ko)
    assert (flag.type, flag.severity) == ("named_entity", Severity.WARNING)
    assert flag.message.startswith(f"title changed: {message}. EN: ")


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        (ACTING, "배진우 기획재정부 장관 직무대행은 정부가 대응하겠다고 말했다."),
        (ACTING, "배 장관 권한대행은 정부가 대응하겠다고 말했다."),
        ("Former President Moon Jae-in met Lee.", "문 전 대통령은 이 대통령을 만났다."),
        (
            "Former Chancellor Olaf Scholz criticized the plan.",
            "올라프 숄츠 전 총리는 이 계획을 비판했다.",
        ),
        (
            "Former Prime Minister Shigeru Ishiba said he would stay.",
            "이시바 시게루 전 총리는 의원직을 유지하겠다고 말했다.",
        ),
        # the English says it elsewhere in the sentence
        (
            "Moon Jae-in, who served as president until 2022, met Lee.",
            "문재인 전 대통령은 이 대통령을 만났다.",
        ),
        # "ousted", 직무대리, 당시 (an adversarial tester's faithful pairs, hunt32)
        (
            "Ousted President Yoon Suk Yeol appeared in court.",
            "윤석열 전 대통령이 법정에 출석했다.",
        ),
        (
            "Acting Prosecutor General Lee Jin-dong ordered a probe.",
            "이진동 검찰총장 직무대리는 수사를 지시했다.",
        ),
        (
            "Former Democratic Party leader Lee Jae-myung was stabbed in 2024.",
            "이재명 당시 더불어민주당 대표는 2024년 피습됐다.",
        ),
        # a name the English gives bare, which Korean style calls a former president in a
        # history (a genre precision test's timeline, hunt31)
        (
            "Kim Young-sam held office from 1993 to 1998.",
            "김영삼 전 대통령의 임기는 1993년부터 1998년까지였다.",
        ),
        # a past title beside the current one, a history, an interim leader, the late
        # (the adversarial test, hunt32; the people desk, hunt36)
        (
            "Former Justice Minister Han Dong-hoon, now the party's leader, visited Busan.",
            "법무부 장관을 지낸 한동훈 대표는 부산을 찾았다.",
        ),
        (
            "In 1993, President Kim Young-sam introduced the real-name financial system.",
            "1993년 김영삼 전 대통령은 금융실명제를 도입했다.",
        ),
        ("Interim leader Kwon Young-se apologized.", "권영세 비상대책위원장은 사과했다."),
        (
            "The late President Kim Dae-jung won the Nobel Peace Prize in 2000.",
            "김대중 전 대통령은 2000년 노벨평화상을 받았다.",
        ),
        (
            "The late Chairman Lee Kun-hee's collection was donated to the state in 2021.",
            "이건희 선대회장의 소장품은 2021년 국가에 기증됐다.",
        ),
        ("The late actor Lee Sun-kyun starred in it.", "세상을 떠난 배우 이선균이 주연을 맡았다."),
        ("The late firefighter Kim Su-gwang was honored.", "순직한 소방관 김수광을 기렸다."),
        (
            "The film was scored by the late composer Han Sang-il.",
            "음악은 고(故) 한상일 작곡가가 맡았다.",
        ),
        ("The late composer Han Sang-il wrote it.", "지난해 별세한 작곡가 한상일이 썼다."),
        # the Korean gives no title to the person, or a word that starts like a surname
        ("Former President Moon Jae-in met Lee.", "문재인씨는 이 대통령을 만났다."),
        ("Moon said the problem was serious.", "문제가 된 장관은 심각하다고 말했다."),
    ],
)
def test_titles_that_agree_or_are_not_given_are_not_flagged(en: str, ko: str) -> None:
    assert _titles(en, ko) == []


def test_the_flag_spans_the_name_and_the_korean_title() -> None:
    doc = aligned([(ACTING, "배진우 기획재정부 장관은 정부가 대응하겠다고 말했다.")])
    [flag] = [f for f in find_title_changes(doc, Settings())]
    assert spanned(doc, flag) == [("src", "Bae Jin-woo"), ("tgt", "배진우 기획재정부 장관")]


@pytest.mark.parametrize(
    ("en", "ko", "changed"),
    [
        # the North Korea and people desk tests (hunt34, hunt36)
        (
            "Kim Yo Jong, the sister of leader Kim Jong Un and a vice department director of "
            "the Workers' Party, warned Seoul.",
            "김정은 국무위원장의 여동생인 김여정 노동당 부장이 남한에 경고했다.",
            "EN says “vice department director”, KO says “부장”, an office and its deputy",
        ),
        (
            "Minister Ahn Seon-mi said so.",
            "안선미 차관은 그렇게 말했다.",
            "EN says “Minister”, KO says “차관”, an office and its deputy",
        ),
        (
            "She became the first female vice president of the company.",
            "그는 회사 첫 여성 사장이 됐다.",
            "EN says “vice president”, KO says “사장”, an office and its deputy",
        ),
        # each side names the office and the deputy, or a ministry's 부 before 장관
        (
            "Vice Foreign Minister Park met Deputy Secretary of State Kurt Campbell.",
            "박 외교부 제1차관은 커트 캠벨 국무부 부장관을 만났다.",
            None,
        ),
        (
            "Deputy Prime Minister and Finance Minister Choi Sang-mok said so.",
            "최상목 부총리 겸 기획재정부 장관은 그렇게 말했다.",
            None,
        ),
        ("Unification Minister Chung Dong-young went.", "정동영 통일부장관이 갔다.", None),
        (
            "Government spokesman Ali al-Dabbagh said so.",
            "알리 알-다바그 정부대변인은 말했다.",
            None,
        ),
        ("The presiding judge Kim said so.", "재판장인 김 부장판사는 그렇게 말했다.", None),
        # the politics desk test (hunt41)
        (
            "The People Power Party elected Hwang In-seok as its new floor leader.",
            "국민의힘은 황인석 의원을 새 당 대표로 선출했다.",
            "EN says “floor leader”, KO says “당 대표”, a floor leader and a party's leader",
        ),
        (
            "Party leader Lee Jae-myung said so.",
            "이재명 원내대표는 그렇게 말했다.",
            "EN says “Party leader”, KO says “원내대표”, a floor leader and a party's leader",
        ),
        (
            "The People Power Party elected Hwang as its new floor leader.",
            "국민의힘은 황 의원을 새 원내대표로 선출했다.",
            None,
        ),
        (
            "The floor leader met business representatives.",
            "원내대표는 기업 대표들을 만났다.",
            None,
        ),
        ("Floor leader Park met party leader Lee.", "박 원내대표는 이 대표를 만났다.", None),
    ],
)
def test_an_office_given_for_another_is_one_warning(en: str, ko: str, changed: str | None) -> None:
    """An office for its deputy, a floor leader for the party's leader: the message names
    both words and which offices they are."""
    flags = _titles(en, ko)
    if changed is None:
        assert flags == []
    else:
        [flag] = flags
        assert flag.message.startswith(f"title changed: {changed}.")

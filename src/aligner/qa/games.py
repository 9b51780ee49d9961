"""A game told with its opponent, won on one side and lost on the other.

``opposite`` reads "won" against ``졌다`` only where neither side names the opponent:
"Japan beat South Korea 2-1" is ``한국은 일본에 1-2로 졌다``, the same game told from the
other side. Here both sides name it, so each is read as who did what to whom: the
team the sentence opens with, whether it won or lost, and the opponent. The two tell
one result when the Korean opens with the English's team and gives it the English's
result, or opens with the opponent and gives it the other result ("South Korea lost 2-0
to Japan" against ``한국은 일본을 2-0으로 이겼다`` does neither). Teams are matched as the
built-in list names countries (South Korea, ``한국``), as written in Latin letters on
both sides (LG), or by sound (Ulsan, ``울산``); a team matched neither way is not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aligner.qa.foreign import sounds_alike
from aligner.qa.institutions import _name_spans

__all__ = ["KO_OWN_LOSS", "KO_OWN_WIN", "reversed_game"]

# the opponent's phrase ends before a score, a place, a time or the clause's end
_OPPONENT = r"(?P<opp>[^,.;]+?)(?=\s+\d|\s+(?:in|on|at|during|after|for|with)\b|[,.;]|$)"
_EN_GAMES = (
    # the passive first: "was defeated by" is no win
    (
        False,
        re.compile(
            r"^(?P<subj>[^,.;]+?)\s+(?P<verb>(?:was|were)\s+(?:beaten|defeated|routed|thrashed"
            rf"|edged|stunned|crushed))\b[^.;]{{0,20}}?\bby\s+{_OPPONENT}",
            re.I,
        ),
    ),
    (
        True,
        re.compile(
            r"^(?P<subj>[^,.;]+?)\s+(?P<verb>beat|beats|defeated|defeats|edged|routed|thrashed"
            rf"|crushed|downed|stunned|overpowered|outlasted|blanked)\s+{_OPPONENT}",
            re.I,
        ),
    ),
    (
        True,
        re.compile(
            rf"^(?P<subj>[^,.;]+?)\s+(?P<verb>won|wins)\b[^.;]{{0,30}}?\b(?:against|over)\s+{_OPPONENT}",
            re.I,
        ),
    ),
    (
        False,
        re.compile(
            rf"^(?P<subj>[^,.;]+?)\s+(?P<verb>lost|loses|fell)\b[^.;]{{0,40}}?\bto\s+{_OPPONENT}",
            re.I,
        ),
    ),
    (
        False,
        re.compile(
            r"^(?P<subj>[^,.;]+?)\s+(?P<verb>suffered|suffers)\s+an?\s+[^.;]{0,30}?\bdefeat\s+"
            rf"(?:against|to|by|at\s+the\s+hands\s+of)\s+{_OPPONENT}",
            re.I,
        ),
    ),
)
# the Korean opens with its team as topic or subject (한국은, 울산이)
_KO_TEAM = re.compile(r"^\s*(?P<subj>(?:\S+\s){0,2}?\S+?)(?:은|는|이|가)\s")
# a win or a loss a team has of its own, with no opponent in the words: 역전승을 거뒀다,
# 완승, 승리했다 (not 대승적, magnanimous); 역전패, 완패, 대패했다 (``opposite`` reads them too)
KO_OWN_WIN = r"역전승|완승|신승|대승(?!적)|승리(?:했|를|하|한)"
KO_OWN_LOSS = r"(?:역전|완|석|영)패|대패(?:했|하|를)"
# a win over an object (일본을 꺾었다), or a win of its own
_KO_WON = re.compile(
    r"(?:을|를)\s?(?:\S+\s){0,2}?(?P<verb>꺾|이겼|이기|제압|눌렀|누르|격파|물리)"
    rf"|(?P<glued>{KO_OWN_WIN})"
)
# a loss to an opponent (일본에 졌다), or a loss of its own; not 패배를 안겼다, "dealt
# them a defeat"
_KO_LOST = re.compile(
    r"(?:에|에게)\s(?:\S+\s){0,2}?(?P<verb>졌|패했|패배(?!를\s?안))"
    r"|(?:에|에게)(?P<glued>졌|패(?!배를\s?안))"
    rf"|(?P<own>{KO_OWN_LOSS}|패배(?:했|를\s?당))"
)
_HANGUL = re.compile(r"[가-힣]+")
_LATIN = re.compile(r"[A-Z][A-Za-z]+")
_ARTICLES = frozenset({"The", "A", "An"})


@dataclass(frozen=True)
class _Told:
    team: str
    won: bool
    at: int  # where its verb starts
    verb: str


def reversed_game(en: str, ko: str) -> tuple[tuple[int, str], tuple[int, str], int] | None:
    """The English and Korean verbs of a game whose result the Korean reverses, as
    ``opposite`` reports them, with which result the Korean gives (0 won, 1 lost);
    None if the two tell one result or cannot be read."""
    english = _english(en)
    korean = _korean(ko)
    if english is None or korean is None:
        return None
    told, opponent = english
    if _same_team(told.team, korean.team):
        reversed_ = told.won != korean.won
    elif _same_team(opponent, korean.team):
        reversed_ = told.won == korean.won
    else:
        return None
    if not reversed_:
        return None
    return (told.at, told.verb), (korean.at, korean.verb), 0 if korean.won else 1


def _english(text: str) -> tuple[_Told, str] | None:
    for won, pattern in _EN_GAMES:
        if m := pattern.match(text.strip()):
            start = len(text) - len(text.lstrip())
            return _Told(m["subj"], won, start + m.start("verb"), m["verb"]), m["opp"]
    return None


def _korean(text: str) -> _Told | None:
    team = _KO_TEAM.match(text)
    if team is None:
        return None
    rest = team.end()
    won, lost = _KO_WON.search(text, rest), _KO_LOST.search(text, rest)
    if bool(won) == bool(lost):
        return None
    found = won or lost
    assert found is not None
    group = found.lastgroup  # each alternative has one named group
    assert group is not None
    return _Told(team["subj"], bool(won), found.start(group), found[group])


def _same_team(english: str, korean: str) -> bool:
    """Whether an English and a Korean phrase name one team: a country of the built-in
    list, a name written alike in Latin letters, or one that sounds alike."""
    for _, _, inst in _name_spans(english):
        if any(form in korean for form in inst.ko):
            return True
    words = [w for w in _LATIN.findall(english) if w not in _ARTICLES]
    if any(w in korean for w in words if len(w) >= 2):
        return True
    hangul = _HANGUL.findall(korean)
    return any(sounds_alike(w, h) for w in words if len(w) >= 3 for h in hangul)

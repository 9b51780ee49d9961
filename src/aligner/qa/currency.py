"""What moves in a sentence about an exchange rate: a currency's value or its rate.

English news says "the won fell 14.2 won against the dollar", Korean news
``원/달러 환율이 14.2원 올랐다``: the same day's trading, opposite verbs, because
the English follows the won and the Korean the won-per-dollar rate, which rises
as the won falls. The ``direction`` check compares the two only once it knows
which one each side moves, and that is what this module reads: the last
currency or rate named before a change in the change's clause, which in news
text is its subject.

* A currency's value: "the won", "the (South) Korean won", "the Korean currency",
  "the local currency", "the yen", "the won's value"; ``원화 가치``, ``원화값``,
  ``엔화 가치``, ``원화는``, ``엔화가``.
* A rate in units of a currency per dollar, which moves against that currency:
  "the exchange rate", "the won-dollar rate"; ``환율``, ``원/달러 환율``, ``원·달러
  환율``, ``달러 대비 원화 환율``. The dollar's own value moves the same way ("the
  dollar rose to 1,400 won", ``달러 가치``, ``달러화는``).

A currency after a preposition is no subject ("against the dollar", "pressure on
the won"), nor is a price written per dollar (``엔화 가치가 달러당 160엔으로
떨어진`` is the yen falling, "closed at 1,487.6 won per dollar" says nothing of
what closed). The euro, the pound and a rate between two currencies other than
the dollar (``원/엔 환율``, whose base the texts do not agree on) and the rate of
a currency other than the won or the dollar (``위안화 환율``: in won, or per dollar?) are
named but not told: a change after them is unknown, as is one with no currency in its
clause (``장중에는 1,491.3원까지 올랐다``: the rate, or the won?).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aligner.segment import split_sentences

__all__ = ["Quantity", "amount_currency", "amount_word", "names_a_currency", "read_quantity"]


@dataclass(frozen=True)
class Quantity:
    """What a change moves in a sentence about an exchange rate.

    Attributes:
        name: what moves, as a message says it ("the won", "the exchange rate").
        currency: the currency it is about (``"won"``, ``"yen"``, ``"yuan"``), or
            ``""`` when the text does not say ("the local currency", ``환율``).
        inverse: whether it rises as that currency falls (a rate in units of the
            currency per dollar, or the dollar's own value).
    """

    name: str
    currency: str
    inverse: bool

    def agrees_with(self, other: Quantity) -> bool:
        """Whether the two are about one currency, as far as the texts say."""
        return not (self.currency and other.currency and self.currency != other.currency)


_TOLD = {"won": "won", "yen": "yen", "yuan": "yuan", "원": "won", "엔": "yen", "위안": "yuan"}
_DOLLAR = ("dollar", "greenback", "달러")
_ADJECTIVES = {"korean": "won", "south korean": "won", "japanese": "yen", "chinese": "yuan"}

# ------------------------------------------------------------------------ English

_EN_CURRENCY = r"won|yen|yuan|dollar|euro|pound"
_EN_TERM = re.compile(
    rf"\b(?:(?P<a>{_EN_CURRENCY})[-/–](?P<b>{_EN_CURRENCY})\s+(?:exchange\s+)?rate"
    r"|(?P<rate>exchange\s+rate)"
    r"|the\s+(?:(?P<adjective>(?:South\s+)?Korean|Japanese|Chinese|local|home)\s+(?:currency|unit)"
    rf"|(?:(?:South\s+)?Korean\s+|Japanese\s+|Chinese\s+|U\.?S\.?\s+|American\s+)?"
    rf"(?P<currency>{_EN_CURRENCY}|greenback))"
    r"(?![-/–]\w|['’]s\s+(?!value|worth))(?:['’]s\s+(?:value|worth))?)\b",
    re.I,
)
# a currency after these is no subject: "against the dollar", "pressure on the won"
_EN_PREPOSITION = re.compile(
    r"\b(?:against|versus|vs\.?|to|per|from|with|for|over|on|of|in|into|than|by|at|buy\w*"
    r"|bought|sell\w*|sold)\s+$",
    re.I,
)
# the end of a clause: a change after it has another subject
_EN_CLAUSE_END = re.compile(
    r"[;:]|,\s|\b(?:and|but|while|whereas|as|which|who|whose|that|when|after|before|because"
    r"|since|although|though|with|without|if|unless|than|said|says|according|amid|despite)\b",
    re.I,
)

# ------------------------------------------------------------------------ Korean

_KO_CURRENCY = r"원|엔|위안|달러|유로|파운드"
_KO_TERM = re.compile(
    rf"(?<![가-힣\d])(?:(?:(?P<a>{_KO_CURRENCY})화?\s?(?:[/·‧ㆍ・-]|\s?대비)\s?"
    rf"(?P<b>{_KO_CURRENCY})화?\s?|(?P<of>{_KO_CURRENCY})화?\s?)?(?P<rate>환율)"
    r"|(?P<currency>원(?=화)|엔|위안|달러|유로|파운드)화?\s?(?:가치|값)|(?P<index>달러\s?(?:인덱스|지수))"
    r"|(?P<topic>원|엔|위안|달러|유로|파운드)화(?:는|가|도)(?=\s))"
)
# the end of a clause (a connective ending, a semicolon) or a new subject or topic
_KO_CLAUSE_END = re.compile(
    r";|(?:고|며|면서|지만|는데|으나|다가|어서|아서|해서|져),?\s|[가-힣](?:은|는|이|가)\s"
)
# ... but a verb of going up or down before its connective ends in 가 too: 1,305원으로
# 내려가 넉 달 만에 최저치
_KO_GOING = re.compile(r"(?:내려|올라|넘어|이어|들어|따라)가\s$")


def _en_quantity(found: re.Match[str]) -> Quantity | None:
    if found["a"]:
        return _pair_rate(found["a"].lower(), found["b"].lower())
    if found["rate"]:
        return Quantity("the exchange rate", "", True)
    if found["adjective"]:
        adjective = found["adjective"].lower()
        return Quantity(f"the {adjective} currency", _ADJECTIVES.get(adjective, ""), False)
    return _currency(found["currency"].lower(), f"the {found['currency']}")


def _ko_quantity(found: re.Match[str]) -> Quantity | None:
    if found["of"] and found["of"] not in ("원", "달러"):
        # ``위안화 환율`` is the yuan's price in won when the figure is in won (4천100원),
        # yuan per dollar when it is in yuan: not told
        return None
    if found["rate"]:
        return _pair_rate(found["a"], found["b"]) if found["a"] else _pair_rate("", "")
    currency = found["currency"] or found["topic"] or "달러"
    return _currency(currency, f"the {_TOLD.get(currency, 'dollar')}")


def _pair_rate(a: str, b: str) -> Quantity | None:
    """A rate between ``a`` and ``b`` (none named: the rate to the dollar)."""
    if not a:
        return Quantity("the exchange rate", "", True)
    currency = b if a in _DOLLAR else a
    if {a, b} & set(_DOLLAR) and currency in _TOLD:
        return Quantity(f"the {_TOLD[currency]}-dollar rate", _TOLD[currency], True)
    return None


def _currency(currency: str, name: str) -> Quantity | None:
    if currency in _DOLLAR:
        return Quantity("the dollar", "", True)
    return Quantity(name, _TOLD[currency], False) if currency in _TOLD else None


def _terms(text: str, lang: str) -> list[tuple[int, int, Quantity | None]]:
    """Where ``text`` names a currency or a rate as a subject (start, end), and which;
    ``None`` for one it names but cannot tell (the euro, ``원/엔 환율``)."""
    if lang == "en":
        found = [
            t for t in _EN_TERM.finditer(text) if not _EN_PREPOSITION.search(text[: t.start()])
        ]
        return [(t.start(), t.end(), _en_quantity(t)) for t in found]
    if lang == "ko":
        return [(t.start(), t.end(), _ko_quantity(t)) for t in _KO_TERM.finditer(text)]
    return []


def names_a_currency(text: str, lang: str) -> bool:
    """Whether ``text`` names a currency or an exchange rate as a subject."""
    return bool(_terms(text, lang))


def read_quantity(text: str, lang: str, at: int) -> Quantity | None:
    """What the change whose words start at ``at`` moves, if ``text`` tells.

    Args:
        text: the sentences of one side, as the ``direction`` check reads them.
        lang: ``"en"`` or ``"ko"``.
        at: where the change starts (its word or its number, whichever comes first).

    Returns:
        The last currency or rate named before ``at`` in its sentence, when no
        clause ends between the two; None when there is none or it cannot be told.

    Example:
        >>> read_quantity("원/달러 환율은 14.2원 올랐다.", "ko", 9)
        Quantity(name='the won-dollar rate', currency='won', inverse=True)
        >>> read_quantity("The won closed at 1,431.0, up 6.8 won.", "en", 27)
        Quantity(name='the won', currency='won', inverse=False)
    """
    sentence = next((s for s in split_sentences(text, lang) if s.start <= at <= s.end), None)
    terms = [t for t in _terms(text[:at], lang) if sentence is None or t[0] >= sentence.start]
    if not terms:
        return None
    _, end, quantity = terms[-1]
    clause_end = _EN_CLAUSE_END if lang == "en" else _KO_CLAUSE_END
    for found in clause_end.finditer(text, end, at):
        # "closed at 1,487.6 won per dollar, down 14.2 won" and "strengthened to 1,305 per
        # dollar, its highest level": a change after a comma has the clause's subject
        rest = text[found.end() : at].strip().lower()
        if found.group().startswith(",") and rest in ("", "its"):
            continue
        if lang == "ko" and _KO_GOING.search(text, 0, found.end()):
            continue
        return None
    return quantity


# ------------------------------------------------------------------------ amounts

# The currency of an amount as each language writes it: a symbol before the figure, or a
# word after it and its scale ("$6.5 billion", "1.5 trillion won", ``65억 원``, ``300만엔``).
# Every dollar is one ("US$", ``홍콩달러``): which one the texts seldom both say. ``¥`` is
# the yen's and the yuan's sign, and a figure in it says neither.
_SYMBOLS = {"$": "dollar", "€": "euro", "£": "pound", "₩": "won"}
_EN_AMOUNT_WORD = re.compile(
    r"\s*(?:(?:U\.?S\.?|American|Australian|Canadian|Hong\s+Kong|Singapore|Taiwan)\s+)?"
    r"(?P<word>won|dollars?|bucks|yen|yuan|renminbi|euros?|pounds?)\b(?![-‐])",
    re.I,
)
_KO_AMOUNT_WORD = re.compile(
    r"\s?(?:미국?\s?|홍콩\s?|호주\s?|캐나다\s?|대만\s?|싱가포르\s?)?"
    r"(?P<word>원(?!칙|전|장|인|자|작|료|리|형|격|정|래|두|로|숭|반|고|주|내|외|생|본|서)"
    r"|달러|엔(?!진|터|딩|비)|위안(?!부)|유로(?!파|존)|파운드)"
)
_WORDS = {
    "won": "won", "dollar": "dollar", "dollars": "dollar", "bucks": "dollar", "yen": "yen",
    "yuan": "yuan", "renminbi": "yuan", "euro": "euro", "euros": "euro", "pound": "pound",
    "pounds": "pound",
    "원": "won", "달러": "dollar", "엔": "yen", "위안": "yuan", "유로": "euro", "파운드": "pound",
}  # fmt: skip


def amount_currency(text: str, lang: str, start: int, end: int) -> str:
    """The currency of the figure written at ``text[start:end]`` ("dollar", "won", "yen",
    "yuan", "euro", "pound"), or ``""`` when the text names none.

    Example:
        >>> amount_currency("a $6.5 billion deal", "en", 2, 14)
        'dollar'
        >>> amount_currency("65억 원 규모의 계약", "ko", 0, 3)
        'won'
    """
    figure = text[start:end]
    symbol = next((c for c in figure if c in _SYMBOLS or c == "¥"), None)
    if symbol is None and start > 0 and text[start - 1] in _SYMBOLS:
        symbol = text[start - 1]
    if symbol is not None:
        return _SYMBOLS.get(symbol, "")
    word = _amount_word(text, lang, end)
    return _WORDS[word["word"].lower()] if word else ""


def amount_word(text: str, lang: str, end: int) -> str:
    """The currency word after ``end``, a figure's end, as written (``""``: none):
    `` won`` after "1.5 trillion", `` 원`` after ``65억``."""
    word = _amount_word(text, lang, end)
    return word.group() if word else ""


def _amount_word(text: str, lang: str, end: int) -> re.Match[str] | None:
    return (_EN_AMOUNT_WORD if lang == "en" else _KO_AMOUNT_WORD).match(text, end)

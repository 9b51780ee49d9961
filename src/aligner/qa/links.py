"""Links in text: URLs, e-mail addresses, @handles and #hashtags.

They are copied verbatim by a translation, so the named-entity check compares
them as they are written, and the length-based truncation test leaves them out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_URL_CHARS = r"[A-Za-z0-9\-._~:/?#@!$&*+,;=%]"
_TLD = r"\.(?:com|org|net|gov|edu|int|kr|kp)"
_URL = re.compile(
    rf"(?:https?://|www\.){_URL_CHARS}+"
    # a bare domain: rfa.org/korean; capitalised and with no path it is a brand's name,
    # as English copy writes it ("the Crypto.com Arena", 크립토닷컴 아레나)
    rf"|(?<![\w@.-])(?:(?-i:[a-z0-9])[A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*{_TLD}(?:/{_URL_CHARS}*)?"
    rf"|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*{_TLD}/{_URL_CHARS}*)(?![A-Za-z0-9])",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_]{2,}")
# "#StopAsianHate와": a Latin tag ends before the Korean particle; "#미투" is Korean
_HASHTAG = re.compile(r"(?<![\w#&])#(?:[A-Za-z0-9_]*[A-Za-z][A-Za-z0-9_]*|\w*[^\W\d_A-Za-z]\w*)")
_LINK_HINT = re.compile(
    r"[@#]|www\.|https?://|\.(?:com|org|net|gov|edu|int|kr|kp)(?![A-Za-z0-9])", re.IGNORECASE
)
_LINK_TAIL = re.compile(r"[.,;:!?/]+$")
_SCHEME = re.compile(r"^(?:https?://)?(?:www\.)?", re.IGNORECASE)
# how a site names its English or Korean edition: /eng, /ko/, /en-us/, english.hani.co.kr
_LANGUAGE = re.compile(r"(?:en|eng|english|ko|kor|korean|kr)(?:[-_][a-z]{2})?")
_LANGUAGE_QUERY = re.compile(r"(?:lang|hl)=[\w-]*")


@dataclass(frozen=True)
class Token:
    """A Latin-script token as written, the key it is compared by, and where it starts
    in the text read (-1 for the destination of a link that Markdown hides)."""

    text: str
    key: str
    start: int = -1


def blank(match: re.Match[str]) -> str:
    """Spaces for a match: what text is left with when a match is taken out of it
    without moving what follows (``pattern.sub(blank, text)``)."""
    return " " * len(match.group())


def _link_key(text: str) -> str:
    return _SCHEME.sub("", text).lower()


def language_neutral(key: str) -> str:
    """A link's key without the language its site serves it in, so that a translation
    pointing to the Korean edition of the page the English links is the same link.

    Example:
        >>> language_neutral("example.com/ko/tour?id=7&lang=ko")
        'example.com/tour?id=7'
    """
    address, _, query = key.partition("?")
    host, *path = address.split("/")
    labels = host.split(".")
    if len(labels) > 2 and _LANGUAGE.fullmatch(labels[0]):
        host = ".".join(labels[1:])
    address = "/".join([host, *(part for part in path if not _LANGUAGE.fullmatch(part))])
    query = "&".join(p for p in query.split("&") if p and not _LANGUAGE_QUERY.fullmatch(p))
    return f"{address.rstrip('/')}?{query}" if query else address.rstrip("/")


def link_tokens(text: str) -> list[Token]:
    """URLs, e-mail addresses, @handles and #hashtags in ``text``.

    Example:
        >>> [t.key for t in link_tokens("See www.rfa.org/korean/ or @RFA_Korean.")]
        ['rfa.org/korean', '@rfa_korean']
    """
    found: list[Token] = []
    if not _LINK_HINT.search(text):
        return found
    rest = text
    for pattern in (_URL, _EMAIL, _HANDLE, _HASHTAG):
        for match in pattern.finditer(rest):
            written = _LINK_TAIL.sub("", match.group(0))
            found.append(Token(written, _link_key(written), match.start()))
        rest = pattern.sub(blank, rest)
    return found


def link_target(url: str) -> Token:
    """The destination of a link whose text hides it (Markdown's ``[text](url)``), as a
    token compared like the links written out.

    Example:
        >>> link_target("https://www.rfa.org/korean/").key
        'rfa.org/korean'
    """
    written = _LINK_TAIL.sub("", url)
    return Token(written, _link_key(written))


def without_links(text: str) -> str:
    """``text`` with its URLs, e-mail addresses, @handles and #hashtags blanked out,
    each character by a space: what is left stays where it was."""
    if not _LINK_HINT.search(text):
        return text
    for pattern in (_URL, _EMAIL, _HANDLE, _HASHTAG):
        text = pattern.sub(blank, text)
    return text

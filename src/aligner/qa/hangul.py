"""Hangul syllables taken apart, for the checks that read Korean sounds."""

from __future__ import annotations

__all__ = ["jamo"]


def jamo(char: str) -> tuple[int, int, int] | None:
    """The initial, vowel and final (0: none) indices of a Hangul syllable, or None
    for any other character.

    Example:
        >>> jamo("한"), jamo("a")
        ((18, 0, 4), None)
    """
    code = ord(char) - 0xAC00
    if not 0 <= code < 11172:
        return None
    return code // 588, code // 28 % 21, code % 28

"""Tests for aligner.io.read_text: encodings, newlines, limits and clear errors."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from aligner.errors import ConfigError, InputError
from aligner.io import MAX_BYTES, printable, read_text, write_atomic

KO = "(서울=연합뉴스) 정부는 오늘 새 예산안을 발표했다.\n두 번째 문장.\n"
EN = "Seoul - The government announced a new budget today.\nSecond sentence.\n"


def _write(tmp_path: Path, data: bytes, name: str = "doc.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _error(path: Path, **kwargs: object) -> str:
    """The InputError message, checked to be one line that starts with the path."""
    with pytest.raises(InputError) as info:
        read_text(path, **kwargs)  # type: ignore[arg-type]
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    return message


def test_max_bytes_default_is_50_mib() -> None:
    assert MAX_BYTES == 50 * 1024 * 1024


# --- encodings ---------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        KO.encode("utf-8"),
        codecs.BOM_UTF8 + KO.encode("utf-8"),
        codecs.BOM_UTF16_LE + KO.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + KO.encode("utf-16-be"),
        KO.encode("cp949"),
        KO.encode("euc-kr"),
        KO.encode("utf-16-le"),  # Windows tools often write no byte-order mark
        KO.encode("utf-16-be"),
        ("가" + KO).encode("utf-16-le"),  # U+AC00 ends in a zero byte
        codecs.BOM_UTF32_LE + KO.encode("utf-32-le"),
        codecs.BOM_UTF32_BE + KO.encode("utf-32-be"),
    ],
    ids=[
        "utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "cp949", "euc-kr",
        "utf16-le", "utf16-be", "utf16-le-zero-low-byte", "utf32-le-bom", "utf32-be-bom",
    ],
)  # fmt: skip
def test_auto_detects_encoding_and_strips_bom(tmp_path: Path, data: bytes) -> None:
    assert read_text(_write(tmp_path, data)).removeprefix("가") == KO


def test_cp949_only_characters_outside_euc_kr(tmp_path: Path) -> None:
    # "똠방각하" uses syllables that EUC-KR (KS X 1001) lacks but CP949 has.
    text = "똠방각하 뷁\n"
    assert read_text(_write(tmp_path, text.encode("cp949"))) == text


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-8", KO.encode("utf-8")),
        ("utf-8", codecs.BOM_UTF8 + KO.encode("utf-8")),
        ("cp949", KO.encode("cp949")),
        ("euc-kr", KO.encode("euc-kr")),
        ("utf-16", codecs.BOM_UTF16_BE + KO.encode("utf-16-be")),
        ("utf-16", KO.encode("utf-16-le")),  # no BOM: only readable when named
        ("UTF_16LE", KO.encode("utf-16-le")),
    ],
)
def test_explicit_encoding(tmp_path: Path, encoding: str, data: bytes) -> None:
    assert read_text(_write(tmp_path, data), encoding=encoding) == KO


def test_explicit_encoding_is_strict_with_offset(tmp_path: Path) -> None:
    path = _write(tmp_path, KO.encode("cp949"))
    message = _error(path, encoding="utf-8")
    assert "cannot decode as utf-8" in message
    assert f"byte offset {len('(')}" in message
    assert "--encoding" in message


def test_explicit_euc_kr_rejects_cp949_extension(tmp_path: Path) -> None:
    path = _write(tmp_path, b"ok " + "똠".encode("cp949"))
    assert "byte offset 3" in _error(path, encoding="euc-kr")


def test_explicit_utf8_bom_offset_counts_the_bom(tmp_path: Path) -> None:
    path = _write(tmp_path, codecs.BOM_UTF8 + b"ab\xffc")
    assert "byte 0xff at byte offset 5" in _error(path)


def test_utf16_with_bom_bad_surrogate_offset(tmp_path: Path) -> None:
    path = _write(tmp_path, codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00\xd8x\x00")
    message = _error(path)
    assert "cannot decode as utf-16" in message
    assert "byte offset 6" in message


def test_invalid_utf8_non_korean_gives_offset_and_hint(tmp_path: Path) -> None:
    # Latin-1 "café" is neither UTF-8 nor Korean CP949.
    data = "The café opened.\n".encode("latin-1")
    message = _error(_write(tmp_path, data))
    assert f"byte 0xe9 at byte offset {data.index(0xE9)}" in message
    assert "UTF-8" in message and "CP949" in message
    assert "--encoding" in message


def test_latin1_that_happens_to_decode_as_cp949_is_rejected(tmp_path: Path) -> None:
    # Latin-1 "Ä" + an ASCII letter is a valid (rare) CP949 Hangul syllable.
    data = "Ärger in Äthiopien".encode("latin-1")
    assert data.decode("cp949")  # the trap this test is about
    message = _error(_write(tmp_path, data))
    assert "cannot decode as UTF-8" in message
    assert "byte 0xc4 at byte offset 0" in message


def test_unknown_encoding_is_a_config_error(tmp_path: Path) -> None:
    path = _write(tmp_path, b"text")
    for name in ("klingon", "base64", "utf\x008", "undefined"):
        with pytest.raises(ConfigError, match="unknown text encoding"):
            read_text(path, encoding=name)


def test_korean_read_with_a_wrong_single_byte_encoding_blames_the_encoding(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path, "시의회는 예산을 승인했다.\n".encode())
    with pytest.raises(InputError, match="mostly control characters when read as latin1; pass"):
        read_text(path, encoding="latin1")


# --- newlines and control characters -----------------------------------------


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"], ids=["crlf", "cr", "lf"])
def test_newlines_normalised(tmp_path: Path, newline: str) -> None:
    data = EN.replace("\n", newline).encode("utf-8")
    assert read_text(_write(tmp_path, data)) == EN


def test_mixed_newlines_and_utf16_crlf(tmp_path: Path) -> None:
    assert read_text(_write(tmp_path, b"a\r\nb\rc\n\r\nd")) == "a\nb\nc\n\nd"
    data = codecs.BOM_UTF16_LE + "a\r\nb".encode("utf-16-le")
    assert read_text(_write(tmp_path, data)) == "a\nb"


def test_stray_control_characters_pass_through(tmp_path: Path) -> None:
    text = "Tab\there, a form feed \x0c and an escape \x1b in text.\n"
    assert read_text(_write(tmp_path, text.encode("utf-8"))) == text


def test_mostly_control_characters_is_binary(tmp_path: Path) -> None:
    path = _write(tmp_path, bytes(range(1, 9)) * 20 + b"some text")
    assert "not a text file (mostly control characters)" in _error(path)


# --- binary files ------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "a GIF image"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive"),
    ],
    ids=["pdf", "png", "jpeg", "gif", "zip"],
)
def test_magic_numbers_are_binary(tmp_path: Path, data: bytes, kind: str) -> None:
    path = _write(tmp_path, data, name="story.txt")
    message = _error(path)
    assert f"not a text file (looks like {kind}" in message
    assert "remove it from the corpus or pass a text file" in message


def test_pdf_message_matches_contract(tmp_path: Path) -> None:
    path = _write(tmp_path, b"%PDF-1.4\nhello")
    assert str(_error(path)) == (
        f"{path}: not a text file (looks like a PDF); remove it from the corpus or pass a text file"
    )


def test_nul_bytes_are_binary(tmp_path: Path) -> None:
    message = _error(_write(tmp_path, b"hello\x00world\n"))
    assert "not a text file (contains NUL bytes)" in message
    # not --encoding, which would apply to the other side's file too
    assert "convert it to UTF-8 (e.g. iconv -f utf-16 -t utf-8)" in message


def test_nul_bytes_with_explicit_single_byte_encoding(tmp_path: Path) -> None:
    path = _write(tmp_path, b"hello\x00world\n")
    assert "contains NUL bytes" in _error(path, encoding="cp949")


def test_nul_characters_in_utf16_are_binary(tmp_path: Path) -> None:
    data = codecs.BOM_UTF16_LE + "abc\x00\x00\x00def".encode("utf-16-le")
    assert "contains NUL characters" in _error(_write(tmp_path, data))


# --- empty, size, and file system errors -------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "file is empty"),
        (b" \n\t\r\n  ", "no text (only whitespace)"),
        (codecs.BOM_UTF8, "no text (only whitespace)"),
        (codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"), "no text (only whitespace)"),
        ("\u3000\n".encode(), "no text (only whitespace)"),  # ideographic space
        ("\u200b\n".encode(), "no text (only whitespace)"),  # zero-width space
        (codecs.BOM_UTF8 * 2 + b"\n", "no text (only whitespace)"),
    ],
    ids=[
        "empty",
        "whitespace",
        "bom-only",
        "utf16-whitespace",
        "ideographic-space",
        "zero-width-space",
        "two-boms",
    ],  # fmt: skip
)
def test_empty_and_whitespace_only(tmp_path: Path, data: bytes, expected: str) -> None:
    assert expected in _error(_write(tmp_path, data))


def test_too_large_names_size_and_limit(tmp_path: Path) -> None:
    path = _write(tmp_path, b"x" * 2000)
    message = _error(path, max_bytes=1000)
    assert "2.0 KiB (2000 bytes)" in message
    assert "limit of 1000 bytes" in message


def test_exactly_at_limit_is_fine(tmp_path: Path) -> None:
    assert read_text(_write(tmp_path, b"x" * 1000), max_bytes=1000) == "x" * 1000


def test_file_growing_past_limit_after_stat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, b"small")
    real_open = Path.open

    def open_grown(self: Path, *args: object, **kwargs: object) -> object:
        with real_open(self, "ab") as handle:  # the file grows between stat() and read
            handle.write(b"y" * 50)
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", open_grown)
    assert "over the size limit of 10 bytes" in _error(path, max_bytes=10)


def test_missing_file(tmp_path: Path) -> None:
    assert "no such file" in _error(tmp_path / "nope.txt")


def test_directory(tmp_path: Path) -> None:
    assert "is a directory" in _error(tmp_path)


def test_not_a_regular_file() -> None:
    assert "not a regular file" in _error(Path("/dev/null"))


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root ignores file modes, so simulate the failure instead of chmod 000.
    path = _write(tmp_path, b"text")

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", deny)
    assert "permission denied" in _error(path)


def test_other_os_error(tmp_path: Path) -> None:
    path = _write(tmp_path, b"text")
    assert "cannot read the file (Not a directory)" in _error(path / "child.txt")


def test_write_atomic_round_trip(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.txt"
    write_atomic(target, KO)
    assert read_text(target) == KO
    assert [p.name for p in target.parent.iterdir()] == ["report.txt"]


def test_printable_escapes_bytes_that_are_not_utf8_and_control_characters() -> None:
    cp949 = os.fsdecode("기사.txt".encode("cp949"))
    assert printable(Path("ko") / cp949) == r"ko/\xb1\xe2\xbb\xe7.txt"
    assert printable("a\nb\x85\ud800.txt") == r"a\x0ab\u0085\ud800.txt"
    assert printable("정치/기사 (1).txt") == "정치/기사 (1).txt"  # valid names unchanged
    assert printable(printable(cp949)) == printable(cp949)
    # a C1 control and the byte of the same value read differently
    assert printable("\x85") != printable(os.fsdecode(b"\x85"))

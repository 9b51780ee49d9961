"""Reading corpus text safely and writing reports atomically.

:func:`read_text` turns one corpus file into clean text (BOM removed, ``\\n``
newlines) or raises :class:`~aligner.errors.InputError` with a one-line message
that starts with the path and says how to fix the file. It detects UTF-8 (with
or without BOM), UTF-16 (with a BOM, or without one from where its zero bytes
fall), UTF-32 with a BOM and Korean CP949/EUC-KR, and refuses binary
files, empty files and files over a size limit. :func:`write_atomic` writes
reports so that an interrupted run never leaves half a file behind, and
:func:`check_writable_dir` tells before a run whether they can be written.
"""

from __future__ import annotations

import codecs
import functools
import itertools
import os
import re
import stat
import tempfile
import unicodedata
from pathlib import Path

from aligner.errors import ConfigError, InputError

MAX_BYTES = 50 * 1024 * 1024

ENCODING_HINT = (
    "auto, a codec name such as utf-8, utf-16, cp949, euc-kr, or one per language: en=cp1252"
)

# Checked before decoding: these formats often end up in a corpus folder by
# mistake, and decoding them would give a misleading "bad byte" error.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive, e.g. .docx"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
)

# Control characters other than \t and \n (\r is gone after newline normalisation).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Above this share of control characters a file is binary, not text with a few
# stray bytes that later stages can point out.
_MAX_CONTROL_SHARE = 0.3
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_SAMPLE = 10_000  # non-ASCII characters looked at to tell Korean CP949 apart


def read_text(path: Path, *, encoding: str = "auto", max_bytes: int = MAX_BYTES) -> str:
    """Read a corpus file as text, refusing anything that is not usable text.

    Args:
        path: The file to read.
        encoding: ``"auto"`` tries, in order: a UTF-8, UTF-32 or UTF-16
            byte-order mark, UTF-16 without one (told from where its zero bytes
            fall), strict UTF-8, then strict CP949 (a superset of EUC-KR) if the
            bytes decode cleanly and read as Korean (common Hangul syllables
            are at least half the non-ASCII characters). Any other value (``"utf-8"``,
            ``"cp949"``, ``"euc-kr"``, ``"utf-16"``...) is used strictly.
        max_bytes: Files larger than this are refused before being read whole.

    Returns:
        The text with any byte-order mark removed and CRLF / CR turned into
        ``"\\n"``. Stray control characters are kept so later stages can show them.

    Raises:
        InputError: The file is missing, a directory, unreadable, too large,
            empty or whitespace-only, binary, or not decodable; the message
            starts with the path and, for decoding, gives the byte offset.
        ConfigError: ``encoding`` is not a known text encoding.

    Example:
        >>> read_text(Path("corpora/ko/story.txt"))  # doctest: +SKIP
        '(서울=연합뉴스) 정부는 ...\\n'
    """
    codec = "auto" if encoding == "auto" else text_codec(encoding)
    if codec is None:
        raise ConfigError(f"unknown text encoding {encoding!r}; use {ENCODING_HINT}")
    data = _read_bytes(path, max_bytes)
    if not data:
        raise InputError(f"{path}: file is empty; remove it from the corpus or add its text")
    _reject_binary_magic(path, data)
    text = _decode_auto(path, data) if codec == "auto" else _decode(path, data, codec)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    _reject_unusable_text(path, text, encoding)
    return text


def text_codec(encoding: str) -> str | None:
    """The canonical name of a codec that decodes bytes to text, or None.

    Example:
        >>> text_codec("EUC-KR"), text_codec("base64"), text_codec("latin-9")
        ('euc_kr', None, None)
    """
    try:
        info = codecs.lookup(encoding)
    except (LookupError, ValueError):  # ValueError: a NUL character in the name
        return None
    # Codecs like base64 and rot13 exist but do not turn bytes into text, and
    # "undefined" decodes nothing.
    if not getattr(info, "_is_text_encoding", True) or info.name == "undefined":
        return None
    # utf-8-sig reports byte offsets after the BOM; plain utf-8 plus BOM
    # stripping gives the same text with offsets that match the file.
    return "utf-8" if info.name == "utf-8-sig" else info.name


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """Read at most ``max_bytes`` (+1 to detect growth) from a regular file."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{path}: is a directory, not a text file; pass a text file")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(
                f"{path}: not a regular file (device, pipe or socket); pass a text file"
            )
        if info.st_size > max_bytes:
            raise _too_large(path, info.st_size, max_bytes)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path") from None
    except PermissionError:
        raise InputError(
            f"{path}: permission denied; make the file readable "
            "(e.g. chmod a+r) or copy it somewhere readable"
        ) from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise _too_large(path, len(data), max_bytes)
    return data


def _too_large(path: Path, size: int, max_bytes: int) -> InputError:
    return InputError(
        f"{path}: file is {_format_size(size)}, over the size limit of "
        f"{_format_size(max_bytes)}; split it into smaller documents"
    )


def _format_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KiB ({size} bytes)"
    return f"{size / (1024 * 1024):.1f} MiB ({size} bytes)"


def _reject_binary_magic(path: Path, data: bytes) -> None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise _binary(path, f"looks like {kind}")


def _reject_nul_bytes(path: Path, data: bytes) -> None:
    """NUL never occurs in UTF-8 or CP949 text; in UTF-16 it is normal (and read
    without a byte-order mark when its zero bytes show it), so the advice is to
    convert: ``--encoding`` would apply to the other side's file too."""
    if b"\x00" in data:
        raise InputError(
            f"{path}: not a text file (contains NUL bytes); remove it from the "
            "corpus, or if it is text in another encoding convert it to UTF-8 "
            "(e.g. iconv -f utf-16 -t utf-8)"
        )


def _binary(path: Path, why: str) -> InputError:
    return InputError(
        f"{path}: not a text file ({why}); remove it from the corpus or pass a text file"
    )


def _decode_auto(path: Path, data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return _decode(path, data, "utf-8")
    # the UTF-32 little-endian mark begins with the UTF-16 one
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _decode(path, data, "utf-32")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(path, data, "utf-16")
    if (utf16 := _bomless_utf16(data)) is not None:
        return _decode(path, data, utf16)
    _reject_nul_bytes(path, data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        korean = _decode_korean(data)
        if korean is None:
            raise _undecodable(path, "UTF-8 (nor as Korean CP949/EUC-KR)", exc) from None
        return korean


def _bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le`` or ``-be`` for UTF-16 written without a byte-order mark (Windows
    tools do): spaces, digits and line breaks put a zero byte on one side of each pair
    and few on the other, which no binary file does for long."""
    sample = data[: 2 * _SAMPLE]
    if len(data) % 2 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    pairs = len(sample) // 2
    # ASCII (spaces, digits, line breaks) is a fifth of Korean text or more; a Korean
    # syllable's code may end in a zero byte too (가 is U+AC00), but few do
    if 5 * odd >= pairs and 4 * even <= odd:
        return "utf-16-le"
    if 5 * even >= pairs and 4 * odd <= even:
        return "utf-16-be"
    return None


def _decode_korean(data: bytes) -> str | None:
    """CP949 text, or None unless the bytes decode cleanly and read as Korean."""
    try:
        text = data.decode("cp949")
    except UnicodeDecodeError:
        return None
    return text if _reads_as_korean(text) else None


def _reads_as_korean(text: str) -> bool:
    """Whether common Hangul syllables make up half the non-ASCII characters.

    Latin-1 text often decodes as CP949 too, mostly into rare syllables of the
    CP949 extension; real Korean text mostly uses the 2,350 common syllables of
    EUC-KR (KS X 1001). A bounded sample keeps this fast on large files.
    """
    sample = [m.group() for m in itertools.islice(_NON_ASCII.finditer(text), _SAMPLE)]
    common = _common_hangul()
    hangul = sum(1 for char in sample if char in common)
    return hangul > 0 and 2 * hangul >= len(sample)


@functools.cache
def _common_hangul() -> frozenset[str]:
    """The KS X 1001 Hangul syllables: bytes B0-C8 followed by A1-FE."""
    pairs = bytes(
        b for lead in range(0xB0, 0xC9) for trail in range(0xA1, 0xFF) for b in (lead, trail)
    )
    return frozenset(pairs.decode("euc-kr"))


def _decode(path: Path, data: bytes, encoding: str) -> str:
    """Decode strictly with a named codec; NUL bytes mean binary unless UTF-16/32."""
    if not encoding.startswith(("utf-16", "utf-32")):
        _reject_nul_bytes(path, data)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise _undecodable(path, encoding, exc) from None


def _undecodable(path: Path, what: str, exc: UnicodeDecodeError) -> InputError:
    bad = exc.object[exc.start : exc.start + 1].hex()
    return InputError(
        f"{path}: cannot decode as {what}: byte 0x{bad} at byte offset "
        f"{exc.start} ({exc.reason}); convert the file to UTF-8 or pass "
        f"the right --encoding ({ENCODING_HINT})"
    )


def _reject_unusable_text(path: Path, text: str, encoding: str) -> None:
    # zero-width spaces, byte-order marks and other format characters show nothing
    if not any(not c.isspace() and unicodedata.category(c) != "Cf" for c in text):
        raise InputError(
            f"{path}: file has no text (only whitespace); remove it from the corpus or add its text"
        )
    if "\x00" in text:  # only reachable via UTF-16/32, where NUL bytes are legal
        raise _binary(path, "contains NUL characters")
    if len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        if encoding == "auto":
            raise _binary(path, "mostly control characters")
        # a single-byte codec reads any bytes, Korean UTF-8 as control characters too
        raise InputError(
            f"{path}: mostly control characters when read as {encoding}; pass the right "
            f"--encoding ({ENCODING_HINT}) or remove the file from the corpus"
        )


# What a file name can hold but a report or a terminal line cannot: lone surrogates
# (Python's stand-ins for bytes that are not UTF-8, e.g. CP949 names from a Windows
# zip) and control characters (a newline would split a one-line message).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def printable(path: str | os.PathLike[str]) -> str:
    """A path, file name or message naming one as text that every report format and
    terminal can carry: each byte that is not UTF-8 written ``\\xNN`` (as Python's
    ``backslashreplace`` would), control characters ``\\x0a`` / ``\\u0085`` and other
    lone surrogates ``\\udNNN``. Other text is returned unchanged, so the form is the
    same in the cache, report file names, JSON, HTML, SARIF and annotations. Distinct
    names stay distinct, except against a name that spells such an escape literally
    (the corpus walk reports that clash; see :mod:`aligner.corpus`).

    Example:
        >>> printable(os.fsdecode(b"\\xb1\\xe2\\xbb\\xe7.txt"))
        '\\\\xb1\\\\xe2\\\\xbb\\\\xe7.txt'
    """
    return _UNPRINTABLE.sub(_escape, os.fspath(path))


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's escape of the byte code - 0xDC00
        return f"\\x{code - 0xDC00:02x}"
    # C1 controls as \u: a \x80-\x9f escape would read as (and clash with) a bad byte
    return f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}"


def check_writable_dir(path: Path) -> None:
    """Raise unless files can be created in ``path`` (which may not exist yet).

    Checked before a run so that an unusable ``--report-dir`` fails at once,
    with nothing written, instead of after every document has been checked.
    Nothing is created here: the folder is made when the first report is written.

    Raises:
        InputError: ``path`` or its nearest existing parent is not a writable
            directory; the message names ``path`` and the cause.
    """
    existing = path
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    if existing.is_dir() and os.access(existing, os.W_OK | os.X_OK):
        return
    if not existing.exists():
        why = f"{existing} does not exist"
    elif not existing.is_dir():
        why = f"{existing} is a file, not a directory"
    else:
        why = f"no write permission in {existing}"
    raise InputError(f"{path}: cannot write reports there ({why}); pass a writable --report-dir")


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` via a temp file and rename, so an interrupted
    run never leaves a half-written report and the previous one stays intact.

    The temp file is removed on any exception, Ctrl-C (KeyboardInterrupt) and
    SystemExit included.

    Raises:
        InputError: the file cannot be written (folder not writable, disk full...).
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise _unwritable(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        # mkstemp creates 0600; a report should get the usual permissions
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _unwritable(path, exc) from None
        raise


def _unwritable(path: Path, exc: OSError) -> InputError:
    return InputError(
        f"{path}: cannot write the report ({exc.strerror or exc}); "
        "pass a writable --report-dir or free some disk space"
    )


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current

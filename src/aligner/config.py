"""One frozen :class:`Settings` dataclass: defaults <- config file <- CLI flags.

A config file is ``[tool.aligner]`` in ``pyproject.toml`` or the top level of
``aligner.toml``. Every value is checked before a run starts, whether it comes
from a file (:func:`make_settings`, which also refuses unknown keys) or from code
(``Settings(...)`` checks itself): values of the wrong type, numbers out of range
(:data:`RANGES`), invalid regexes, unknown check names (:data:`CHECK_FLAG_TYPES`)
and unknown encodings raise ``ConfigError`` with a one-line message naming the
setting.
"""

from __future__ import annotations

import dataclasses
import math
import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aligner.errors import ConfigError
from aligner.io import ENCODING_HINT, text_codec

DEFAULT_MODEL = "muse-v3"

# A credit names people or desks, capitalised: "Translated by Claire S. Lee.",
# "(Reporting by Hyonhee Shin in Seoul; Editing by Lincoln Feast)", "Translation by
# the Korea JoongAng Daily staff.", but not "Written by hand, the letter reached the
# embassy." nor "Edited by the ministry, the report ...".
_NAME = r"[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*"
_CREDITED = rf"(?:the\s+)?{_NAME}(?:\s+(?:staff|desk))?"
_CREDIT = (
    r"(?i:(?:additional\s+)?(?:translat(?:ed|ing|ion)|edit(?:ed|ing)|writ(?:ten|ing)"
    r"|report(?:ed|ing))\s+by)\s+"
    rf"{_CREDITED}(?:\s*(?:,|and|&)\s*{_NAME})*(?:\s+in\s+{_NAME})?"
)
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# a name in capitals, as a Korea JoongAng Daily byline writes it: LEE HAE-RIN
_CAPS_NAME = r"[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+)*"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
# one piece of a time stamp: a date or clock figure, a month, a half of the day, a zone
_STAMP = (
    rf"(?:\d{{1,4}}(?:\s?[년월일시분])?|{_MONTH}|(?i:[ap]\.?m\.?|KST|GMT|UTC|E[SD]?T|P[SD]?T|noon|midnight)"
    r"|(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|오전|오후)"
)
# the text of a caption before its credit: one sentence at most (no full stop inside,
# but for the dot of an abbreviation: "on Oct. 28", "U.S. troops"), then any notes in
# brackets ("(PHOTO NOT FOR SALE)", "[국내에서만 사용가능. 재배포 금지]")
_ABBREVIATION = (
    r"\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|Gov|Sen|Rep|No"
    r"|[A-Z](?:\.[A-Z])+)\.\s"
)
_CAPTION = (
    rf"(?:{_ABBREVIATION}|(?![.!?。]\s).){{0,300}}(?:[.!?。]\s*)?"
    r"(?:[(\[][^()\[\]]{1,120}[)\]]\s*)*"
)
# a byline in title case, as the Korea Herald and Yonhap's English service write it:
# "By Choi Ji-won (jwchoi@yna.co.kr)", "By Kim Arin and Lee Jung-joo": names of one to
# four words, each a capital and lower-case letters (or an initial), and nothing else,
# so "By then the fire had spread", "By 2030, ..." and "By Tuesday" are not bylines
_NAME_WORD = r"(?:[A-Z][a-zA-Z]*[a-z](?:['’-][A-Za-z][a-z]*)*|[A-Z]\.)"
_NOT_A_NAME = (
    r"(?:The|An?|This|That|These|Those|Then|Now|Far|Contrast|Comparison"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June"
    r"|July|August|September|October|November|December)\b"
)
_REPORTER = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}(?:\s*[(\[<]?\s*{_EMAIL}\s*[)\]>]?)?"
_TITLE_BYLINE = (
    rf"By\s+(?!{_NOT_A_NAME}){_REPORTER}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*){_REPORTER})*"
)
# the organisation that provided a photo, as a caption credits it: "(Jeju Provincial
# Government)", "(Samsung Electronics-Yonhap)", "(Courtesy of Hyundai Motor)"; two
# capitalised words at least, so that a remark ("(The ministry declined to comment.)",
# "(Applause)") is never one
_ORG_WORD = r"[A-Z][\w.&'’-]*"
_ORG_NEXT_WORD = rf"\s+(?:(?:of|and|for|the|on|in)\s+)*{_ORG_WORD}"
ORG_CREDIT = (
    rf"\(\s*(?:(?i:(?:photo\s+)?courtesy\s+of)\s+(?:the\s+)?{_ORG_WORD}(?:{_ORG_NEXT_WORD})*"
    rf"|(?:the\s+)?{_ORG_WORD}(?:{_ORG_NEXT_WORD})+)(?:\s*[-/]\s*(?:Yonhap|YONHAP))?\s*\)"
)
# a caption that ends with a full stop before its credit ("... on Dec. 9. (Jeju
# Provincial Government)"): without the stop, "(Korea Development Institute)" may be a
# name spelled out in a sentence
_CAPTION_SENTENCE = (
    rf"(?:{_ABBREVIATION}|(?![.!?。]\s).){{1,300}}[.!?][\"'”’]?\s+"
    r"(?:[(\[][^()\[\]]{1,120}[)\]]\s*)*"
)

# Lines a Korean edition routinely leaves out: they are reported at info level
# instead of as missing content. Matched against a whole stripped line.
BUILTIN_BOILERPLATE: tuple[str, ...] = (
    r"(?i)(related\s*:\s*)?read (a version of )?this (story|article) in (korean|english)\.?",
    # a link to the other edition, which carries that edition's headline: "Read in
    # Korean: [삼성전자, …](…)", "영문 기사 보기: https://…", "관련: [영문 기사 보기](…)"
    r"(?i)read (this (story|article) )?in (korean|english)\s*:.*",
    r"(관련\s*:\s*)?\[?(영문|국문|한글)\s*기사\s*(보기|원문)\s*:?.*|(영문|국문|한글)\s*기사\s*:.*",
    # a translator's note: "This column was translated from Korean by the desk.",
    # "이 칼럼은 영문판에 번역돼 실렸습니다."
    r"(?i:(this|the)\s+(column|article|story|op-ed|editorial|piece|interview|essay)\s+"
    r"(was|has\s+been|is)\s+translated(\s+(from|into)\s+(Korean|English))?(\s+by\s+[^.]{1,60})?)\.?",
    r"이\s?(칼럼|기사|글|인터뷰|사설)[은는]\s?(영문|영어|한국어|국문|한글)[^.\s]{0,3}\s?"
    r"번역(돼|되어|됐|되었|했|한)[^.]{0,20}\.?",
    # a Korean dateline and byline on a line of their own: "(서울=연합뉴스) 홍길동 기자"
    r"[(\[]\s*[가-힣]{1,8}\s*=\s*[^()\[\]=]{2,12}\s*[)\]]\s*"
    r"([가-힣]{2,4}([·,]\s*[가-힣]{2,4})*\s*(기자|특파원)\s*=?)?",
    # ... or the byline alone: "박수민 기자", "김효진·이재림 기자", "[박수민 기자]", "기자 박수민"
    r"\[?\s*[가-힣]{2,4}([·,]\s*[가-힣]{2,4})*\s*(기자|특파원)\s*(=|\])?",
    r"(기자|특파원)\s+[가-힣]{2,4}([·,]\s*[가-힣]{2,4})*",
    # when a web edition was posted or updated: "Updated 3:45 p.m.", "UPDATED: Dec. 7,
    # 2026 15:45 KST", "입력 2026.12.07 10:00 수정 2026.12.07 15:45"
    rf"((?i:(last\s+)?(posted|published|updated|modified))|입력|수정|최종\s*수정|업데이트)"
    rf"\s*:?\s*{_STAMP}([\s.,:/-]*{_STAMP})*"
    rf"(\s*((?i:(last\s+)?(updated|modified))|수정|최종\s*수정)\s*:?\s*{_STAMP}([\s.,:/-]*{_STAMP})*)?\.?",
    # an agency and a date on a line of their own: "Yonhap, Dec. 7"
    rf"(Yonhap|AP|AFP|Reuters|Kyodo|Xinhua|Bloomberg)\s*,\s*{_MONTH}\s*\d{{1,2}}(,\s*\d{{4}})?\.?",
    # a caption by its label, whatever follows it (a date stamp before the credit:
    # "(사진설명) … 기다리고 있다. 2026.12.7 [연합뉴스]")
    r"[(\[]\s*(사진\s*설명|(?i:photo\s+caption))\s*[)\]].*",
    r"(?i)related (stories|articles|coverage|links)\s*:?|관련\s*기사\s*:?",
    rf"\(?{_CREDIT}(?:\s*(?:[;.,]|,?\s+and)?\s*{_CREDIT})*\s*[.)]*",
    r"!\[.*\]\(.*\)",
    r"(?i)(photo|image|caption|file photo)\s*:.*",
    # a caption, or one whose credit ends the line: "... [연합뉴스 자료사진]", "... [AP=연합뉴스]",
    # "... (사진=독자 제공)", "... [중앙포토]", "... (연합뉴스)", "... (AFP-Yonhap)", and
    # "... [YONHAP]", "... [JOONGANG PHOTO]" (a credit in capitals, never "[of the ruling]");
    # never a sentence that only mentions the agency, nor a paragraph a caption was glued
    # to (one sentence at most)
    rf"[(\[]?\s*(사진|자료사진|그래픽)\s*[=:].*|{_CAPTION}\[[^\[\]]*(사진|포토|그래픽|제공|캡처)([.,]\s*[^\[\]]*금지\.?)?\]",
    rf"{_CAPTION}[(\[]\s*((사진|자료사진|그래픽)\s*=[^()\[\]]*|([^()\[\]=]+[=\s]\s*)?(연합뉴스|뉴시스|뉴스1))\s*[)\]]",
    # a provider's credit in Korean: "... 준비하고 있다. (제주도 제공)", "(서울시 제공)/뉴스1"
    rf"{_CAPTION}\(\s*[^()\[\]=]{{1,20}}\s제공\s*\)(\s*/\s*(연합뉴스|뉴시스|뉴스1))?",
    rf"{_CAPTION}\(([\w.]+-)?Yonhap(\s+(?i:(file\s+)?photo))?\)",
    # an English credit in words: "[Photo: Yonhap]", "(Photo by Reuters)", "(Graphic=KJD)"
    rf"{_CAPTION}[(\[]\s*(?i:(file\s+)?(photo|image|graphic)s?)\s*(:|=|\s+by\b|\s+courtesy\s+of\b)[^()\[\]]*[)\]]",
    # a provider's credit: "... on the morning of Dec. 9. (Jeju Provincial Government)"
    rf"{_CAPTION_SENTENCE}{ORG_CREDIT}",
    rf"{_CAPTION}\[\s*[A-Z][A-Z0-9 /&.,'’-]*[A-Z0-9]\s*\]",
    # a photographer and the paper: "(Im Se-jun/The Korea Herald)", "(임세준/코리아헤럴드)"
    rf"{_CAPTION}\({_NAME}\s*/\s*{_NAME}\)",
    rf"{_CAPTION}\([가-힣]{{2,4}}\s*/\s*[가-힣A-Za-z ]{{2,20}}\)",
    r"\((?i:end)\)|\(끝\)",  # the end mark of a wire story
    # a wire story's notes on a line of their own: "(LEAD)", "(2nd LD)", "(ATTN: ADDS ...)", "[2보]"
    r"\((LEAD|URGENT|\d+(st|nd|rd|th) LD)([,;][^()]*)?\)|\(ATTN\s*:.*\)"
    r"|[\[(](속보|\d+보|종합\d*보?)[\])]",
    # a byline of reporters' addresses: "kcs@yna.co.kr", "홍길동 기자 kcs@yna.co.kr", or of
    # names in capitals: "BY LEE HAE-RIN [lee.haerin@joongang.co.kr]"
    rf"((?i:e-?mail)\s*:\s*|이메일\s*:\s*)?([가-힣]{{2,4}}([·,]\s*[가-힣]{{2,4}})*\s*(기자|특파원)\s*)?"
    rf"{_EMAIL}([\s,;/·]+{_EMAIL})*",
    _TITLE_BYLINE,
    rf"B[Yy]\s+(?!(THE|AN?)\b){_CAPS_NAME}(\s*(,|AND|&)\s*{_CAPS_NAME})*(\s*\[?{_EMAIL}([\s,;/]+{_EMAIL})*\]?)?",
    # where a translated column first ran: "JoongAng Ilbo, Nov. 29, Page 30"
    rf"{_NAME}\s*,\s*{_MONTH}\s*\d{{1,2}}(\s*,\s*\d{{4}})?\s*,\s*(?i:page|p\.)\s*[A-Z]?\d+\.?",
    # a copyright notice, not a sentence about copyright
    r"(?i)(copyright\s*(©|\(c\)|\d{4})|[©ⓒ]).*|(?i:(copyright\b.*)?all rights reserved)\.?",
    r"[<‹〈(\[]?\s*(저작권자|ⓒ|©).*|.*무단\s*(전재|복제).*",
)

# Names for messages; a language not listed is named by its code ("PT").
LANGUAGE_NAMES: Mapping[str, str] = {
    "en": "English", "ko": "Korean", "de": "German", "fr": "French", "ja": "Japanese",
    "zh": "Chinese", "es": "Spanish", "ru": "Russian",
}  # fmt: skip


def language_name(code: str) -> str:
    """``"Korean"`` for ``"ko"``; the code in capitals for a language not listed."""
    return LANGUAGE_NAMES.get(code.lower(), code.upper())


# The checks of aligner.qa by the names ``disabled_checks`` and ``severities`` take,
# each with the flag types it raises (``gap``, ``gloss``, ``direction``, ``institution``,
# ``korean_name``, ``korean_surname``, ``foreign_name``, ``dateline``, ``name_map``, ``title``,
# ``negation``, ``opposite``, ``tense`` and ``false_friend``
# raise types other than their names).
# The registry registers exactly these (tests/qa/test_registry.py keeps them in step).
CHECK_FLAG_TYPES: Mapping[str, tuple[str, ...]] = {
    "gap": ("missing", "extra", "unaligned"),
    "gloss": ("extra",),
    "mistranslation": ("mistranslation",),
    "negation": ("mistranslation",),
    "opposite": ("mistranslation",),
    "tense": ("mistranslation",),
    "false_friend": ("mistranslation",),
    "reordered": ("reordered",),
    "boilerplate": ("boilerplate",),
    "truncated": ("truncated",),
    "partial": ("partial",),
    "number_mismatch": ("number_mismatch",),
    "direction": ("number_mismatch",),
    "named_entity": ("named_entity",),
    "institution": ("named_entity",),
    "korean_name": ("named_entity",),
    "korean_surname": ("named_entity",),
    "foreign_name": ("named_entity",),
    "dateline": ("named_entity",),
    "name_map": ("named_entity",),
    "title": ("named_entity",),
    "terminology": ("terminology",),
    "untranslated": ("untranslated",),
    "copied_phrase": ("untranslated",),
    "whitespace": ("whitespace",),
    "repeated_word": ("repeated_word",),
    "unbalanced": ("unbalanced",),
    "punctuation": ("punctuation",),
    "consistency": ("consistency",),
}
# Every flag type a check can raise (what a waiver's ``type`` may be).
FLAG_TYPES: frozenset[str] = frozenset(t for types in CHECK_FLAG_TYPES.values() for t in types)

# The valid range (inclusive; None: unbounded) of every numeric setting. A value must
# also be finite: NaN and infinity, which TOML allows, are always refused.
RANGES: Mapping[str, tuple[float, float | None]] = {
    "max_sentences": (1, None),
    "max_bead": (1, 6),
    "mistranslation_threshold": (0.0, 1.0),  # a cosine similarity
    "truncation_ratio": (0.0, 1.0),  # a share of the expected length
    "min_score": (0.0, 1.0),  # scores run from 0 to 1
    "max_missing": (0, None),
    "max_extra": (0, None),
    "jobs": (0, None),  # 0: one per CPU core
}


@dataclass(frozen=True)
class Settings:
    """Every setting of a run. Defaults live here and nowhere else."""

    model: str = DEFAULT_MODEL
    src_lang: str = "en"
    tgt_lang: str = "ko"
    encoding: str = "auto"
    presegmented: bool = False
    # a longer file is refused as not a story (see api.load_document); raise it for books
    max_sentences: int = 50_000
    # globs of files in the trees that are not checked (see corpus.exclude_matcher)
    exclude: tuple[str, ...] = ()
    # alignment
    max_bead: int = 4
    # QA
    mistranslation_threshold: float | None = None  # None: the model's calibrated value
    truncation_ratio: float = 0.5
    glossary: Path | None = None  # CSV/TSV en,ko,forbidden for the terminology check
    boilerplate: tuple[str, ...] = BUILTIN_BOILERPLATE
    extra_boilerplate: tuple[str, ...] = ()
    disabled_checks: frozenset[str] = frozenset()
    severities: dict[str, str] = field(default_factory=dict)
    # JSON file of accepted flags (aligner.waivers): reported as waived, never failing
    waivers: Path | None = None
    # gate
    fail_on: str = "error"
    min_score: float = 0.0
    # most content sentences without a counterpart per document (None: no limit);
    # EN ones count as missing, KO ones as extra, whether typed or unaligned
    max_missing: int | None = None
    max_extra: int | None = None
    # reports
    report_dir: Path = Path("reports")
    formats: tuple[str, ...] = ("html", "json")
    # embedding cache; cache_dir None: $XDG_CACHE_HOME/aligner, else ~/.cache/aligner
    cache: bool = True
    cache_dir: Path | None = None
    jobs: int = 0  # worker processes for many documents; 0: one per CPU core

    def __hash__(self) -> int:
        return hash(self.signature_items())

    def signature_items(self) -> tuple[tuple[str, str], ...]:
        threshold = self.mistranslation_threshold
        return (
            ("model", self.model),
            ("max", str(self.max_bead)),
            ("mt", "auto" if threshold is None else f"{threshold:g}"),
            ("fail", self.fail_on),
            ("min", f"{self.min_score:g}"),
            # only when set, so that existing signatures stay as they were
            *((("miss", str(self.max_missing)),) if self.max_missing is not None else ()),
            *((("xtra", str(self.max_extra)),) if self.max_extra is not None else ()),
        )

    @property
    def boilerplate_patterns(self) -> tuple[str, ...]:
        return self.boilerplate + self.extra_boilerplate

    def __post_init__(self) -> None:
        """Settings built in code are checked as a config file's are (a path given as
        a string or a list for a tuple is taken as meant).

        Raises:
            ConfigError: a value has the wrong type or is invalid.
        """
        for name in _FIELDS:
            value = getattr(self, name)
            coerced = _coerce(name, value)
            if name in ("src_lang", "tgt_lang"):
                coerced = coerced.lower()  # "EN" is en, in file names' tags too
            if coerced is not value:
                object.__setattr__(self, name, coerced)
        _validate(self)


_FIELDS = {f.name: f for f in dataclasses.fields(Settings)}
_LIMITS = ("max_missing", "max_extra")  # optional counts
_SEVERITIES = ("info", "warning", "error")
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:[-_][a-z0-9]+)*")  # en, ko, zh-hans, pt_br


def _default(key: str) -> Any:
    f = _FIELDS[key]
    if f.default is dataclasses.MISSING:
        factory: Any = f.default_factory
        return factory()
    return f.default


def _coerce(key: str, value: Any) -> Any:
    """Turn a TOML, CLI or Python value into the field's type, or raise ConfigError."""
    default = _default(key)
    if value is None and (default is None or key in _LIMITS):
        return None
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
    elif (isinstance(default, int) and not isinstance(default, bool)) or key in _LIMITS:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif isinstance(default, float) or key == "mistranslation_threshold":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
    elif isinstance(default, str):
        if isinstance(value, str):
            return value
    elif isinstance(default, Path) or key in ("cache_dir", "glossary", "waivers"):
        if isinstance(value, (str, os.PathLike)):
            return value if isinstance(value, Path) else Path(value)
    elif isinstance(default, (tuple, frozenset)):
        if isinstance(value, (list, tuple, frozenset, set)) and all(
            isinstance(v, str) for v in value
        ):
            return value if type(value) is type(default) else type(default)(value)
    elif isinstance(default, dict):
        if isinstance(value, Mapping) and all(isinstance(v, str) for v in value.values()):
            return {str(k): str(v) for k, v in value.items()}
    raise ConfigError(
        f"setting '{key}' has an invalid value {value!r} (expected {_expected(key, default)})"
    )


def _expected(key: str, default: Any) -> str:
    if isinstance(default, bool):
        return "true or false"
    if isinstance(default, int) or key in _LIMITS:
        return "a whole number"
    if isinstance(default, float) or key == "mistranslation_threshold":
        return "a number"
    if isinstance(default, (tuple, frozenset)):
        return "a list of strings"
    if isinstance(default, dict):
        return "a table of check = severity (info, warning, error)"
    return "a string"


def make_settings(values: dict[str, Any], base: Settings | None = None) -> Settings:
    """Apply ``values`` over ``base`` (default settings), checking keys and values.

    Raises:
        ConfigError: a key is unknown, or a value has the wrong type or is invalid
            (out of range, an invalid regex, an unknown check or encoding); the
            one-line message names the setting, the value and what is valid.
    """
    clean: dict[str, Any] = {}
    for key, value in values.items():
        name = key.replace("-", "_")
        if name not in _FIELDS:
            valid = ", ".join(sorted(_FIELDS))
            raise ConfigError(f"unknown setting '{key}' (valid settings: {valid})")
        clean[name] = value
    return dataclasses.replace(base or Settings(), **clean)  # checked in __post_init__


def _validate(settings: Settings) -> None:
    """Raise ConfigError for a value of the right type that is still invalid."""
    if settings.fail_on not in (*_SEVERITIES, "never"):
        raise ConfigError(
            f"setting 'fail_on' must be one of info, warning, error, never; "
            f"got {settings.fail_on!r}"
        )
    for key in ("src_lang", "tgt_lang"):
        if not _LANGUAGE_CODE.fullmatch(getattr(settings, key)):
            raise ConfigError(
                f"setting '{key}' must be a language code such as en or ko; "
                f"got {getattr(settings, key)!r}"
            )
    if settings.src_lang == settings.tgt_lang:
        raise ConfigError(
            f"settings 'src_lang' and 'tgt_lang' are both {settings.src_lang!r}; "
            "they must differ (en and ko)"
        )
    _check_ranges(settings)
    if any(not glob.removeprefix("./").strip("/") for glob in settings.exclude):
        raise ConfigError(
            f"setting 'exclude' has an empty glob in {list(settings.exclude)!r} "
            "(give paths in the tree such as 'drafts/**' or 'world/*-en-only.txt')"
        )
    for key in ("boilerplate", "extra_boilerplate"):
        _check_regexes(key, getattr(settings, key))
    _check_names("disabled_checks", sorted(settings.disabled_checks))
    _check_names("severities", settings.severities)
    for check, severity in settings.severities.items():
        if severity not in _SEVERITIES:
            raise ConfigError(
                f"setting 'severities' gives {check!r} an invalid severity {severity!r} "
                "(use info, warning or error)"
            )
    if (problem := encoding_problem(settings.encoding)) is not None:
        raise ConfigError(f"setting 'encoding' has {problem}")
    run = (settings.src_lang, settings.tgt_lang)
    for language, _ in _per_language(settings.encoding) or ():
        if language not in run:
            raise ConfigError(
                f"setting 'encoding' names {language!r}, which is not a language of this "
                f"run ({', '.join(run)})"
            )


def _check_ranges(settings: Settings) -> None:
    for key, (low, high) in RANGES.items():
        value = getattr(settings, key)
        if value is None:  # the optional ones: no limit, the model's threshold
            continue
        if math.isfinite(value) and low <= value and (high is None or value <= high):
            continue
        valid = f"{low:g} or more" if high is None else f"between {low:g} and {high:g}"
        shown = int(value) if isinstance(value, float) and value.is_integer() else value
        raise ConfigError(f"setting '{key}' must be {valid}; got {shown!r}")


def _check_regexes(key: str, patterns: Iterable[str]) -> None:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ConfigError(f"setting '{key}' has an invalid regex {pattern!r}: {exc}") from None


def _check_names(key: str, names: Iterable[str]) -> None:
    for name in names:
        if name in CHECK_FLAG_TYPES:
            continue
        owner = next((c for c, types in CHECK_FLAG_TYPES.items() if name in types), None)
        hint = f"a flag type of the check {owner!r}; " if owner else ""
        raise ConfigError(
            f"setting '{key}' names an unknown check {name!r} "
            f"({hint}checks: {', '.join(sorted(CHECK_FLAG_TYPES))})"
        )


def encoding_problem(encoding: str) -> str | None:
    """What is wrong with an ``encoding`` setting, or None if Python can decode text
    with it: ``auto``, any text codec name (``utf-8``, ``cp949``, ``latin-1``...), or
    codecs per language (``en=cp1252,ko=cp949``).

    Example:
        >>> encoding_problem("cp949") is None, encoding_problem("en=cp1252") is None
        (True, True)
        >>> encoding_problem("latin-9")[:36]
        "an unknown text encoding 'latin-9' ("
    """
    items = _per_language(encoding)
    if items is None:
        return _codec_problem(encoding)
    languages = [language for language, _ in items]
    for language, codec in items:
        if language is None:
            return f"an item {codec!r} that is not language=codec (use {ENCODING_HINT})"
        if not _LANGUAGE_CODE.fullmatch(language):
            return f"an item '{language}={codec}' whose language is not a code such as en"
        if languages.count(language) > 1:
            return f"two codecs for {language}"
        if (problem := _codec_problem(codec)) is not None:
            return problem
    return None


def _codec_problem(codec: str) -> str | None:
    if codec == "auto" or text_codec(codec) is not None:
        return None
    return f"an unknown text encoding {codec!r} (use {ENCODING_HINT})"


def encoding_for(encoding: str, language: str) -> str:
    """The codec an ``encoding`` setting gives the files of one ``language``: the
    setting itself, or, when it names codecs per language, that language's (auto
    for a language it leaves out).

    Example:
        >>> encoding_for("cp949", "en"), encoding_for("en=cp1252", "ko")
        ('cp949', 'auto')
    """
    items = _per_language(encoding)
    if items is None:
        return encoding
    return next((codec for lang, codec in items if lang == language), "auto")


def _per_language(encoding: str) -> list[tuple[str | None, str]] | None:
    """``en=cp1252,ko=auto`` as (language, codec) items (an item without ``=`` has
    language None), or None for a setting that names one codec for both sides."""
    if "=" not in encoding:
        return None
    items: list[tuple[str | None, str]] = []
    for item in encoding.split(","):
        language, equals, codec = item.partition("=")
        items.append((language.strip(), codec.strip()) if equals else (None, item.strip()))
    return items


# settings naming files or folders: relative to the config file that sets them
_PATH_KEYS = ("glossary", "waivers", "report_dir", "cache_dir")


def load_config_file(path: Path) -> dict[str, Any]:
    """Read the aligner table of a TOML file (``[tool.aligner]`` for pyproject.toml);
    relative paths in it are taken from the file's folder, as a config found in a
    parent folder means them (``report_dir = "-"``, standard output, stays)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    tool = data.get("tool")
    # pyproject.toml keeps it in [tool.aligner]; so may an aligner.toml pasted from one
    if path.name == "pyproject.toml" or (set(data) == {"tool"} and isinstance(tool, dict)):
        table = tool.get("aligner", {}) if isinstance(tool, dict) else {}
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.aligner] must be a table of settings")
        data = dict(table)
    for key in _PATH_KEYS:
        value = data.get(key)
        if isinstance(value, str) and value != "-" and not Path(value).expanduser().is_absolute():
            # "draft/../out" is shown as "out" in every message that names it
            data[key] = os.path.normpath(path.parent / value)
    model = data.get("model")
    # a model folder named from the config's folder; a hub name or alias stays as given
    if isinstance(model, str) and (
        model.startswith(("./", "../")) or (path.parent / model).is_dir()
    ):
        data["model"] = os.path.normpath(path.parent / model)
    return data


def find_config_file(start: Path) -> Path | None:
    """The nearest ``aligner.toml`` or ``pyproject.toml`` with ``[tool.aligner]``."""
    for folder in (start.resolve(), *start.resolve().parents):
        candidate = folder / "aligner.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and load_config_file(pyproject):
            return pyproject
    return None

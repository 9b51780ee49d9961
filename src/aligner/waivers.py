"""Waivers: flags an editor has accepted, kept in a JSON file under version control.

A waiver names a flag by its fingerprint: a hash of the document's relative
path, the flag type and the text of the flagged sentences on both sides (see
:func:`fingerprint`), never of sentence indices or line numbers, so inserting a
sentence above a waived flag keeps it waived, while editing a flagged sentence
brings the flag back (and lists its old waiver as stale). Waived flags are still
reported, marked as waived, but count for nothing in the gate
(:mod:`aligner.gate`).

The file, written by ``aligner check --update-waivers`` and reviewed like code::

    {
      "version": 1,
      "waivers": [
        {
          "fingerprint": "5d41402abc4b2a76",
          "document": "world/story.txt",
          "type": "truncated",
          "src": "The English sentence(s) of the flag.",
          "tgt": "The Korean sentence(s) of the flag.",
          "reason": "Cut in the original too; the desk accepts it."
        }
      ]
    }

``type`` is a flag type (:data:`aligner.config.FLAG_TYPES`). ``subject`` (only
when the flag has one) tells apart flags of one type on one pair: the glossary
term of a ``terminology`` flag, the side of a ``truncated`` one. ``fingerprint`` may
be left out of a hand-written entry (it is computed from the other fields); when
given, it must match them. Two flags of one type on the same
text in one document (a sentence repeated word for word) share a fingerprint, so
one waiver covers both.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from aligner.config import FLAG_TYPES
from aligner.errors import ConfigError
from aligner.io import printable, write_atomic
from aligner.models import DocumentPair, DocumentResult, Flag, Waiver

FILE_VERSION = 1
_ENTRY_FIELDS = ("fingerprint", "document", "type", "subject", "src", "tgt", "reason")
_REQUIRED = ("document", "type", "src", "tgt")
_COMMENT = (
    "aligner waiver file: flags accepted by an editor. Each entry is keyed by its "
    "fingerprint (document, type and the flagged text, whitespace-normalised); "
    "fill in 'reason'. Regenerate with: aligner check EN KO --update-waivers"
)


@dataclass(frozen=True)
class WaiverOutcome:
    """Documents with every flag's ``waived`` state set, and the stale waivers."""

    documents: list[DocumentResult]
    stale: list[Waiver]


def normalise_text(text: str) -> str:
    """The text a fingerprint hashes: NFKC, runs of whitespace as one space, trimmed,
    so that reflowing a line or a non-breaking space does not unwaive a flag."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def fingerprint(document: str, flag_type: str, src: str, tgt: str, subject: str = "") -> str:
    """A flag's stable key: 16 hex digits of SHA-256 over the document's relative path,
    the flag type, the normalised text of its sentences on each side and its subject
    (left out when empty, so the flags without one keep their key).

    Example:
        >>> fingerprint("a.txt", "truncated", "Cut  short, .", "잘렸다.")
        ...  # doctest: +SKIP
        '0c5b3e9d1f2a7b44'
    """
    parts = ["v1", document, flag_type, normalise_text(src), normalise_text(tgt)]
    if subject:
        parts.append(subject)
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:16]


def flag_texts(result: DocumentResult, flag: Flag) -> tuple[str, str]:
    """The text of a flag's sentences on each side, joined by a space."""

    def text(sentences: Sequence[Any], indices: Iterable[int]) -> str:
        return " ".join(sentences[i].text for i in indices if 0 <= i < len(sentences))

    return text(result.src.sentences, flag.src), text(result.tgt.sentences, flag.tgt)


def flag_fingerprint(result: DocumentResult, flag: Flag) -> str:
    """The fingerprint of a flag of ``result`` (see :func:`fingerprint`)."""
    return fingerprint(result.pair.key, flag.type, *flag_texts(result, flag), flag.subject)


def _older_fingerprint(result: DocumentResult, flag: Flag) -> str | None:
    """A flag's fingerprint as files written before flags had subjects hold it: a
    waiver of it still applies (to every flag of that type on the text, as it did),
    and ``--update-waivers`` replaces it by one waiver per subject."""
    if not flag.subject:
        return None
    return fingerprint(result.pair.key, flag.type, *flag_texts(result, flag))


def _find(by_key: dict[str, Waiver], result: DocumentResult, flag: Flag) -> Waiver | None:
    """The waiver of ``flag``: by its fingerprint, else an older one without subject."""
    if (waiver := by_key.get(flag_fingerprint(result, flag))) is not None:
        return waiver
    older = _older_fingerprint(result, flag)
    waiver = by_key.get(older) if older else None
    return waiver if waiver is not None and not waiver.subject else None


def waiver_for(result: DocumentResult, flag: Flag, reason: str = "") -> Waiver:
    """A waiver accepting ``flag`` of ``result``."""
    src, tgt = flag_texts(result, flag)
    name, kind = result.pair.key, flag.type
    return Waiver(flag_fingerprint(result, flag), name, kind, src, tgt, reason, flag.subject)


def known_as(pair: DocumentPair, waivers: Iterable[Waiver]) -> DocumentPair:
    """``pair`` with the name its waivers know it by: the longest document name of
    ``waivers`` that is its own name under the last folders of its English file's
    path (``world/story.txt`` for ``corpus/world/story.en.txt``), as a run of its
    tree names it. A waiver written by that run then follows the story checked on
    its own or with its folder, and one of ``sport/story.txt`` does not.
    """
    path = Path(os.path.abspath(pair.src_path))  # not resolved: a tree run follows no link
    folders = [printable(unicodedata.normalize("NFC", part)) for part in path.parent.parts]
    name = unicodedata.normalize("NFC", pair.name)

    def fits(document: str) -> bool:
        above = document.split("/")[:-1]
        named = document == name or document.endswith("/" + name)
        return named and folders[::-1][: len(above)] == above[::-1]

    names = [w.document for w in waivers if fits(w.document)]
    return replace(pair, tree_name=max(names, key=len)) if names else pair


def as_in_its_tree(pair: DocumentPair) -> DocumentPair:
    """``pair``, a story checked on its own from two trees (``corpus/en/world/a.txt``
    and ``corpus/ko/world/a.txt``), with the name a run of those trees gives it
    (``world/a.txt``): the folders both paths end with. A waiver an editor writes
    from that run is then the one the tree's run in CI looks for. Unchanged for
    the two files of one folder (``a.en.txt``, ``a.ko.txt``), whose tree is unknown,
    and for files of different names.
    """
    src = [unicodedata.normalize("NFC", p) for p in Path(os.path.abspath(pair.src_path)).parts]
    tgt = [unicodedata.normalize("NFC", p) for p in Path(os.path.abspath(pair.tgt_path)).parts]
    if src[:-1] == tgt[:-1] or src[-1] != tgt[-1]:
        return pair
    shared: list[str] = []
    for a, b in zip(src[-2::-1], tgt[-2::-1], strict=False):
        if a != b:
            break
        shared.insert(0, printable(a))
    name = "/".join([*shared, unicodedata.normalize("NFC", pair.name)])
    return replace(pair, tree_name=name) if shared else pair


def tree_prefix(pairs: Iterable[DocumentPair], waivers: Sequence[Waiver]) -> str:
    """The folders a run of the whole tree puts before the document names of a run
    of one of its folders (``world/`` for ``corpus/world``), as the waiver file knows
    them (see :func:`known_as`); "" when it knows none of the run's stories so."""
    prefixes = []
    for pair in pairs:
        known = known_as(pair, waivers).key
        if known != pair.name and known.endswith("/" + pair.name):
            prefixes.append(known[: -len(pair.name)])
    return max(prefixes, key=len, default="")


def apply_waivers(
    documents: Sequence[DocumentResult],
    waivers: Sequence[Waiver],
    *,
    unjudged: Collection[str] = (),
) -> WaiverOutcome:
    """Mark each flag waived or not, and find the waivers that match no flag.

    Scores and verdicts are left alone: :func:`aligner.gate.regate` redoes them.

    Args:
        documents: the checked documents.
        waivers: the waiver file's entries.
        unjudged: flag types this run could not fully raise (the cross-document
            checks when only some documents are checked): their waivers are not stale.

    Returns:
        The documents (each flag's ``waived`` and ``waiver_reason`` set from the
        waivers, whatever they were before) and the stale waivers, in file order:
        only waivers of these documents can be stale, since the file may hold those
        of documents this run did not check (``--changed-since``, unreadable, or of
        another corpus sharing the file).
    """
    by_key = {w.fingerprint: w for w in waivers}
    used: set[str] = set()
    out = []
    for doc in documents:
        flags = []
        for flag in doc.flags:
            waiver = _find(by_key, doc, flag)
            if waiver is not None:
                used.add(waiver.fingerprint)
            reason = waiver.reason if waiver else ""
            flags.append(replace(flag, waived=waiver is not None, waiver_reason=reason))
        out.append(replace(doc, flags=tuple(flags)))
    checked, types = {doc.pair.key for doc in documents}, set(unjudged)
    stale = [
        w
        for w in waivers
        if w.fingerprint not in used and w.document in checked and w.type not in types
    ]
    return WaiverOutcome(out, stale)


def merge_waivers(
    documents: Sequence[DocumentResult],
    existing: Sequence[Waiver],
    *,
    stale: Sequence[Waiver],
    accept: Iterable[tuple[DocumentResult, Flag]],
) -> list[Waiver]:
    """The waiver file after a run: the existing waivers less the ``stale`` ones
    (reasons kept), and new ones for ``accept``, each with the reason of the stale
    waiver it replaces when its sentences were only copy-edited.

    Returns:
        Waivers sorted by document, type and fingerprint (a stable file to diff).
    """
    dropped = {w.fingerprint for w in stale}
    kept = {w.fingerprint: w for w in existing if w.fingerprint not in dropped}
    known = {w.fingerprint: w for w in existing}
    for doc in documents:
        for flag in doc.flags:
            if flag.waived:
                key = flag_fingerprint(doc, flag)
                kept[key] = known.get(key) or waiver_for(doc, flag, flag.waiver_reason)
                if key not in known and (older := _older_fingerprint(doc, flag)):
                    kept.pop(older, None)  # replaced by the waivers of its subjects
    edited = [w for w in stale if w.reason]
    for doc, flag in accept:
        waiver = waiver_for(doc, flag)
        if (replaced := _edited_from(edited, waiver)) is not None:
            edited.remove(replaced)
            waiver = replace(waiver, reason=replaced.reason)
        kept.setdefault(waiver.fingerprint, waiver)
    return sorted(kept.values(), key=lambda w: (w.document, w.type, w.fingerprint))


# how alike the flagged text of a stale waiver and of a new one must be for the new one
# to be the old flag after a copy-edit ("eight times a year" / "eight times each year")
EDITED_LIKENESS = 0.8


def _edited_from(stale: Sequence[Waiver], waiver: Waiver) -> Waiver | None:
    """The stale waiver ``waiver`` replaces after its sentences were edited, if any: of
    the same document, type and subject, its text the most alike and alike enough. Its
    reason carries over, so that a copy-edit does not lose the editor's word."""

    def likeness(older: Waiver) -> float:
        text = f"{older.src}\n{older.tgt}"
        return difflib.SequenceMatcher(None, text, f"{waiver.src}\n{waiver.tgt}").ratio()

    same = [
        w
        for w in stale
        if (w.document, w.type, w.subject) == (waiver.document, waiver.type, waiver.subject)
    ]
    best = max(same, key=likeness, default=None)
    return best if best is not None and likeness(best) >= EDITED_LIKENESS else None


def load_waivers(path: Path) -> list[Waiver]:
    """Read a waiver file. An empty one (``/dev/null``, a file just created, only
    whitespace) holds no waivers.

    Raises:
        ConfigError: the file is missing, unreadable, not JSON or not a waiver
            file; the one-line message names the file, the entry and the problem.
    """
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if text.strip() else {"waivers": []}
    except FileNotFoundError:
        raise ConfigError(
            f"{path}: waiver file not found; check the path (--waivers or 'waivers' "
            "in the config) or create it with --update-waivers"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the waiver file: {exc}") from None
    except json.JSONDecodeError as exc:
        raise ConfigError(
            f"{path}: waiver file is not valid JSON: {exc.msg} at line {exc.lineno}, "
            f"column {exc.colno}"
        ) from None
    return _parse(path, data)


def dumps_waivers(waivers: Sequence[Waiver]) -> str:
    """A waiver file's text: fields in reading order, Korean unescaped, one trailing newline."""
    entries = [waiver_entry(w) for w in waivers]
    data = {"comment": _COMMENT, "version": FILE_VERSION, "waivers": entries}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def waiver_entry(waiver: Waiver) -> dict[str, str]:
    """A waiver as the file writes it: ``subject`` only when it has one."""
    return {
        name: getattr(waiver, name) for name in _ENTRY_FIELDS if name != "subject" or waiver.subject
    }


def write_waivers(path: Path, waivers: Sequence[Waiver]) -> None:
    """Write a waiver file atomically (see :func:`dumps_waivers`)."""
    write_atomic(path, dumps_waivers(waivers))


def _parse(path: Path, data: Any) -> list[Waiver]:
    if not isinstance(data, dict) or not isinstance(data.get("waivers"), list):
        raise _problem(path, 'not a waiver file (expected an object with a "waivers" list)')
    unknown = sorted(set(data) - {"comment", "version", "waivers"})
    if unknown:
        raise _problem(path, f"unknown key {unknown[0]!r} at the top level")
    if data.get("version", FILE_VERSION) != FILE_VERSION:
        raise _problem(path, f"version {data['version']!r} is not supported (use {FILE_VERSION})")
    waivers: list[Waiver] = []
    seen: dict[str, int] = {}
    for number, entry in enumerate(data["waivers"], start=1):
        waiver = _entry(entry, path, number)
        if waiver.fingerprint in seen:
            raise _problem(path, f"waiver {number} repeats waiver {seen[waiver.fingerprint]}")
        seen[waiver.fingerprint] = number
        waivers.append(waiver)
    return waivers


def _entry(entry: Any, path: Path, number: int) -> Waiver:
    def fail(problem: str) -> ConfigError:
        return _problem(path, f"waiver {number}: {problem}")

    if not isinstance(entry, dict):
        raise fail("not an object")
    unknown = sorted(set(entry) - set(_ENTRY_FIELDS))
    if unknown:
        raise fail(f"unknown key {unknown[0]!r} (keys: {', '.join(_ENTRY_FIELDS)})")
    for name in _ENTRY_FIELDS:
        if name in _REQUIRED and name not in entry:
            raise fail(f"missing {name!r}")
        if not isinstance(entry.get(name, ""), str):
            raise fail(f"{name!r} must be a string")
    if entry["type"] not in FLAG_TYPES:
        raise fail(f"unknown type {entry['type']!r} (flag types: {', '.join(sorted(FLAG_TYPES))})")
    texts = (entry["document"], entry["type"], entry["src"], entry["tgt"])
    computed = fingerprint(*texts, entry.get("subject", ""))
    given = entry.get("fingerprint", computed)
    if given != computed:
        raise fail(
            f"fingerprint {given!r} does not match its document, type, subject and text "
            f"(expected {computed!r}); was the text edited by hand?"
        )
    return Waiver(
        computed,
        entry["document"],
        entry["type"],
        entry["src"],
        entry["tgt"],
        entry.get("reason", ""),
        entry.get("subject", ""),
    )


def _problem(path: Path, problem: str) -> ConfigError:
    return ConfigError(f"{path}: {problem}; fix the waiver file")

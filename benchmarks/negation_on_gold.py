"""Run the ``negation``, ``opposite`` and ``tense`` checks on faithful text; list every flag.

The benchmark injects no flipped negations, reversed outcomes nor plans for events,
so on its gold pairs every flag of these checks is a flip (or an omission of a negated clause)
in the source corpus, an injected fault of another kind, or a false error: read
them all. Two
sets are checked, as ``direction_on_gold.py`` builds them: the dev documents
with their gold alignments and the clean pairs of the three dev sources that
``resample.py`` rebuilds. Unlike that check, this one reads the pair's
similarity, so every bead is embedded with the bundled model (``--model``) and
the check runs at the model's calibrated mistranslation threshold.

As a check of recall on real sentences, it then flips the polarity of the
Korean of every faithful 1-1 pair whose last word it can conjugate: a verb
that is not negated gets ``-지 않았다`` (``밝혔다`` -> ``밝히지 않았다``,
``간다`` -> ``가지 않는다``), one negated with ``-지 않``/``-지 못``/``안``/``못``
loses it (``포착하지 못했다`` -> ``포착했다``); the flipped pair is embedded again
and checked, and the misses are counted by the reason the check gives up. It
also turns around the outcome word of every faithful 1-1 pair whose Korean holds
one that ``opposite`` knows (``무죄`` -> ``유죄``, ``가결`` -> ``부결``, ``찬성`` ->
``반대``...) and counts the pairs ``opposite`` then flags.

Usage:
    .venv/bin/python benchmarks/negation_on_gold.py [--eval-dir PATH] [--model muse-v3]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

from aligner.api import CALIBRATED_MISTRANSLATION  # also registers every check
from aligner.config import DEFAULT_MODEL, Settings
from aligner.embed import Encoder, load_encoder
from aligner.models import Bead
from aligner.qa import negation, opposites
from aligner.qa.registry import CHECKS, AlignedDocument, run_checks
from aligner.segment import strip_dateline
from direction_on_gold import documents, pairs_document  # this folder is on sys.path
from on_gold import gold_faults
from qa_on_gold import embedded

ROOT = Path(__file__).resolve().parent.parent
CHECK = frozenset(CHECKS) - {"negation", "opposite", "tense"}
# Korean outcome words and their opposites, for turning an outcome around
OUTCOMES = dict(
    pair
    for first, second in [
        ("무죄", "유죄"), ("집행유예", "실형"), ("가결", "부결"), ("찬성", "반대"),
        ("인용", "기각"), ("발부", "기각"), ("승인", "반려"),
    ]
    for pair in ((first, second), (second, first))
)  # fmt: skip

# ------------------------------------------------------------------------ Hangul

_BASE, _FINALS, _MEDIALS = 0xAC00, 28, 21
_SS, _N = 20, 4  # the finals ㅆ and ㄴ
_A, _EO, _YEO, _WA, _WAE, _WO, _OE, _O, _U, _EU, _I = 0, 4, 6, 9, 10, 14, 11, 8, 13, 18, 20
_IEUNG = 11  # the silent initial ㅇ
_EU_INITIALS = {1, 4, 10, 15, 16}  # ㄲ ㄸ ㅆ ㅋ ㅌ: 껐 떴 썼 컸 텄 are 끄 뜨 쓰 크 트 + 었


def _parts(syllable: str) -> tuple[int, int, int] | None:
    code = ord(syllable) - _BASE
    if not 0 <= code < 11172:
        return None
    return code // (_MEDIALS * _FINALS), code // _FINALS % _MEDIALS, code % _FINALS


def _syllable(initial: int, medial: int, final: int = 0) -> str:
    return chr(_BASE + (initial * _MEDIALS + medial) * _FINALS + final)


def _past_stem(word: str) -> str | None:
    """The stem of a past-tense word without its ending ``다``: 밝혔 -> 밝히,
    했 -> 하, 늘었 -> 늘, 왔 -> 오; None for the copula (였) and irregulars."""
    last = _parts(word[-1])
    if last is None or last[2] != _SS or len(word) < 1:
        return None
    initial, medial, _ = last
    head = word[:-1]
    if word[-1] == "했":
        return head + "하"
    if initial == _IEUNG and medial in (_A, _EO) and head and _parts(head[-1]):
        # 받았 -> 받, 늘었 -> 늘; not the copula (학생이었)
        return None if head.endswith("이") else head
    if initial == _IEUNG and medial != _WA:
        return None  # 였 (a copula or 이+었), 웠 (ㅂ irregular)
    new = {_YEO: _I, _WA: _O, _WO: _U, _WAE: _OE}.get(medial)
    if new is None and medial == _EO and initial in _EU_INITIALS:
        new = _EU
    return head + _syllable(initial, medial if new is None else new)


def _past(stem: str) -> str:
    """The past form without ``다`` of a stem: 하 -> 했, 포착하 -> 포착했, 받 -> 받았."""
    last = _parts(stem[-1])
    if last is None:
        return stem + "었"
    initial, medial, final = last
    if stem.endswith("하"):
        return stem[:-1] + "했"
    if final:
        return stem + ("았" if medial in (_A, _O) else "었")
    merged = {_I: _YEO, _O: _WA, _U: _WO, _OE: _WAE, _EU: _EO}.get(medial, medial)
    if initial == _IEUNG and medial == _I:
        merged = _YEO  # 이 -> 였
    return stem[:-1] + _syllable(initial, merged, _SS)


def _present(stem: str) -> str:
    """The plain present of a verb stem without ``다``: 가 -> 간, 먹 -> 먹는."""
    last = _parts(stem[-1])
    if last is None or last[2]:
        return stem + "는"
    return stem[:-1] + _syllable(last[0], last[1], _N)


# ------------------------------------------------------------------------ flipping

_TAIL = re.compile(r"[\s.!\"'”’」』)\]]*$")
_NEGATED_END = re.compile(
    r"(?P<stem>[가-힣]+)지\s?(?P<neg>않|못)(?P<ending>았다|했다|는다|한다|다|았습니다|했습니다|습니다)$"
)
_SHORT_END = re.compile(r"(?<![가-힣])(?:안|못)\s(?P<verb>[가-힣]+다)$")


def flipped(ko: str) -> str | None:
    """``ko`` with its last verb negated, or its negation removed; None when the last
    word is no verb this can conjugate (a copula, an irregular, a noun)."""
    tail = _TAIL.search(ko)
    body, end = ko[: tail.start()], ko[tail.start() :]
    if found := _NEGATED_END.search(body):
        stem, ending = found["stem"], found["ending"]
        if ending in ("았다", "했다"):
            word = _past(stem) + "다"
        elif ending in ("았습니다", "했습니다"):
            word = _past(stem) + "습니다"
        elif ending in ("는다", "한다"):
            word = _present(stem) + "다"
        else:
            word = stem + ending
        return body[: found.start()] + word + end
    if found := _SHORT_END.search(body):
        return body[: found.start()] + found["verb"] + end
    word = body.rsplit(" ", 1)[-1]
    head = body[: len(body) - len(word)]
    if not re.fullmatch(r"[가-힣]+", word) or negation.read_ko_negation(body):
        return None
    if word.endswith("습니다") and (stem := _past_stem(word[:-3])):
        return head + stem + "지 않았습니다" + end
    if not word.endswith("다") or len(word) < 2:
        return None
    if stem := _past_stem(word[:-1]):
        return head + stem + "지 않았다" + end
    last = _parts(word[-2])
    if word.endswith("는다") and len(word) > 2:
        return head + word[:-2] + "지 않는다" + end
    if last and last[2] == _N and not word.endswith(("이다", "니다")):
        stem = word[:-2] + _syllable(last[0], last[1])
        return head + stem + "지 않는다" + end
    if word.endswith("있다"):
        return head + word[:-1] + "지 않다" + end
    return None


# ------------------------------------------------------------------------ running


def flagged(name: str, doc: AlignedDocument, faults: set[int], settings: Settings) -> list[str]:
    """Every flag of the check on ``doc``, with the texts it names."""
    found = []
    for f in run_checks(doc, settings):
        fault = " (an injected fault's pair)" if faults & set(f.tgt) else ""
        found.append(
            f"{name} en{list(f.src)} ko{list(f.tgt)}{fault} similarity "
            f"{next(b.similarity for b in doc.beads if b.src == f.src):.2f}"
            f"\n    EN: {doc.src_text(Bead(f.src, (), 0))}"
            f"\n    KO: {doc.tgt_text(Bead((), f.tgt, 0))}\n    => {f.message}"
        )
    return found


def why_missed(en: str, ko: str, similarity: float, floor: float) -> str:
    """The first reason the check gives for not flagging a flipped pair (with the
    negation the other side holds in brackets)."""
    if similarity < floor:
        return "similarity below the floor"
    ko_negation = negation.read_ko_negation(ko)
    negating, other, lang = (ko, en, "en") if ko_negation else (en, ko, "ko")
    if not (ko_negation or negation.read_en_negation(en)):
        return "no negation read on either side"
    if cues := negation.negative_cues(other, lang):
        return f"other side has a negation ({cues[0].lower()})"
    if negation._CONTRAST["ko" if ko_negation else "en"].search(negating):
        return "a contrast beside the negation"
    return "the other side may leave it out: fewer sentences, or far shorter"


def recall(
    docs: list[tuple[str, AlignedDocument]],
    eval_dir: Path,
    encoder: Encoder,
    settings: Settings,
    tally: Counter[str],
) -> tuple[Counter[str], Counter[str]]:
    """Flip each faithful 1-1 pair's Korean, check it, and count what was caught."""
    pairs, kinds = [], []
    for name, doc in docs:
        faults = gold_faults(eval_dir, name)
        for bead in filter(doc.is_content_pair, doc.beads):
            if len(bead.src) != 1 or len(bead.tgt) != 1 or faults & set(bead.tgt):
                continue
            en, ko = doc.src_text(bead), doc.tgt_text(bead)
            if negation._flipped(ko, en, "ko", "en") or negation._flipped(en, ko, "en", "ko"):
                continue  # already flagged as it is (listed above)
            if (flip := flipped(ko)) is not None:
                pairs.append((en, flip))
                kinds.append("removed" if negation.read_ko_negation(ko) else "added")
    flipped_doc = embedded(pairs_document(pairs), encoder)
    caught = {f.src[0] for f in run_checks(flipped_doc, settings) if f.subject == "negation"}
    floor = (settings.mistranslation_threshold or 0.0) + negation.FLIP_MARGIN
    misses: Counter[str] = Counter()
    cues: Counter[str] = Counter()
    for i, (bead, kind) in enumerate(zip(flipped_doc.beads, kinds, strict=True)):
        tally[f"flipped ({kind})"] += 1
        if i in caught:
            tally[f"flipped ({kind}), flagged"] += 1
        else:
            en, ko = (strip_dateline(t) for t in pairs[i])
            reason, _, cue = why_missed(en, ko, bead.similarity, floor).partition(" (")
            misses[reason] += 1
            cues[cue.rstrip(")")] += bool(cue)
    return misses, cues


def turned_outcome(ko: str) -> str | None:
    """``ko`` with its first outcome word that ``opposite`` reads turned around."""
    found = [
        (match.start(), match.group())
        for _, *outcomes in opposites.OPPOSITES
        for outcome in outcomes
        for match in outcome.ko.finditer(ko)
    ]
    for start, words in sorted(found):
        for word, other in OUTCOMES.items():
            if word in words:
                at = start + words.index(word)
                return ko[:at] + other + ko[at + len(word) :]
    return None


def outcome_recall(
    docs: list[tuple[str, AlignedDocument]],
    eval_dir: Path,
    encoder: Encoder,
    settings: Settings,
    tally: Counter[str],
) -> None:
    """Turn around the outcome of each faithful 1-1 pair's Korean, check it, and
    count what was caught."""
    pairs = []
    for name, doc in docs:
        faults = gold_faults(eval_dir, name)
        for bead in filter(doc.is_content_pair, doc.beads):
            if len(bead.src) == 1 == len(bead.tgt) and not faults & set(bead.tgt):
                turned = turned_outcome(doc.tgt_text(bead))
                pairs += [(doc.src_text(bead), turned)] if turned else []
    if not pairs:
        return
    turned_doc = embedded(pairs_document(pairs), encoder)
    flags = [f for f in run_checks(turned_doc, settings) if f.subject == "opposite"]
    tally["outcome turned around"] += len(pairs)
    tally["outcome turned around, flagged"] += len(flags)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args()
    if not any((args.eval_dir / "dev").glob("*.gold.json")):
        parser.error(f"no dev documents in {args.eval_dir / 'dev'}: give --eval-dir")
    threshold = CALIBRATED_MISTRANSLATION[args.model.split("@")[0]]
    settings = replace(Settings(), disabled_checks=CHECK, mistranslation_threshold=threshold)
    encoder = load_encoder(args.model)
    for label in ("dev gold", "clean pools"):
        tally: Counter[str] = Counter()
        found: list[str] = []
        docs = [(name, embedded(doc, encoder)) for name, doc in documents(args.eval_dir, label)]
        for name, doc in docs:
            tally["pairs"] += sum(1 for b in doc.beads if b.src and b.tgt)
            found += flagged(name, doc, gold_faults(args.eval_dir, name), settings)
        tally["flags"] = len(found)
        misses, cues = recall(docs, args.eval_dir, encoder, settings, tally)
        outcome_recall(docs, args.eval_dir, encoder, settings, tally)
        print(f"{label}: " + ", ".join(f"{k} {v}" for k, v in sorted(tally.items())))
        for item in found:
            print(f"  {item}")
        print("  flips missed: " + ", ".join(f"{k} {v}" for k, v in misses.most_common()))
        print("  negations there: " + ", ".join(f"{k} {v}" for k, v in cues.most_common(15)))


if __name__ == "__main__":
    main()

"""The ``tense`` check: one side tells of a thing done, the other of a plan.

"The National Assembly on Monday passed a bill ..." translated ``국회는 7일
본회의를 열어 … 법안을 표결에 부칠 예정이다`` ("will put it to a vote") keeps the
assembly, the day and the bill, so the similarity barely moves and no other check
sees it. A Korean sentence that ends on a plan (``예정이다``, ``계획이다``,
``방침이다``) and tells of nothing done (no verb in the past tense: ``휴회했는데``)
against an English one that gives an event in the past tense ("passed", "was held",
"has approved") and no word of the future ("will", "plans", "expected", "next",
"may"...) is flagged. On the benchmark's faithful pairs (``python
benchmarks/negation_on_gold.py``) it flags one pair in each set, a translation that
gives the service that "opened Monday" as one that will open.

The other way round is not read: Korean reports a plan in the past tense
(``하기로 했다``, ``하겠다고 밝혔다``, ``머무를 것이라고 전했다``, a budget's spending that
``늘었다``, a name ``정해졌다``), and on the benchmark's faithful pairs "will" against a
Korean past tense was a loose translation in 16 of 16 pairs; read only where "will",
"is set to" or "plans to" is the sentence's first verb and the Korean says nothing of
the future, it still raised 7 warnings on the desk tests' faithful stories. As for
``negation``, the pair must otherwise be a good translation (similarity
:data:`~aligner.qa.negation.MARGIN` above the mistranslation threshold).

"Plan" counts as a word of the future only as a verb ("plans to"): "approved a plan
for allocating the funds" is an event (the desk tester's probe, hunt24).

Flags are of type ``mistranslation`` (subject ``tense``), a warning by default.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from aligner.config import Settings
from aligner.models import Bead, Flag, Severity
from aligner.qa.alignment import _quote
from aligner.qa.negation import MARGIN
from aligner.qa.registry import AlignedDocument, register
from aligner.qa.spans import SideText

__all__ = ["find_tense_changes"]

# a Korean sentence that ends on a plan: ``표결에 부칠 예정이다``, ``방침입니다``
_KO_PLAN = re.compile(r"(?:예정|계획|방침)(?:이다|입니다)[.\"”’'」』)]*\s*$")
# a Korean clause told in the past (``휴회했는데``, ``밝혔으며``): the English past may be it
_KO_DONE = re.compile(r"(?:었|았|했|됐|였|졌|왔|갔|냈|섰|렸)(?:는데|으며|고|다)")
# the English of a plan, an expectation, a possibility or a time to come
_EN_FUTURE = re.compile(
    r"\b(?:will|would|wo(?:n['’]t)|shall|'ll|plan(?:s|ned|ning)?\s+to|schedul\w*|expect\w*|set\s+to"
    r"|(?:is|are|was|were)\s+to|intend\w*|aim\w*|due|upcoming|next|later|going\s+to"
    r"|prepar\w*|seek\w*|consider\w*|may|might|could|can|hope\w*|want\w*|slated"
    r"|poised|pledg\w*|vow\w*|promis\w*|decid\w*|agree\w*|tomorrow|soon|future|goal\w*"
    r"|target\w*|await\w*|pending|yet)\b",
    re.I,
)
# a verb in the past tense: irregular ones news uses, or -ed after no article or
# adjective slot ("a newly elected president" is no event)
_EN_PAST = re.compile(
    r"\b(?:was|were|did|held|met|began|took|made|won|lost|gave|sent|sold|bought|paid"
    r"|rose|fell|hit|struck|broke|left|came|went|told|found|brought|became|chose|wrote"
    r"|spoke|ran|led|spent|shut|quit|saw|got|built|caught|drew|flew|fought|grew|kept"
    r"|knew|laid|rang|sank|shot|sought|stood|swore|threw|understood|withdrew|overtook)\b"
    r"|(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bnewly\s)(?<!\bso-called\s)\b[a-z]{2,}ed\b"
)


def _flag(doc: AlignedDocument, bead: Bead) -> Flag | None:
    en, ko = SideText.content(doc, bead, "src"), SideText.content(doc, bead, "tgt")
    if _EN_FUTURE.search(en.text) or _KO_DONE.search(ko.text):
        return None
    last = doc.tgt.sentences[bead.tgt[-1]].text
    plan = _KO_PLAN.search(last)
    past = _EN_PAST.search(en.text)
    if plan is None or past is None:
        return None
    words = plan.group().rstrip(".\"”’'」』) ")
    at = ko.text.rfind(words)
    return Flag(
        "mistranslation",
        Severity.WARNING,
        bead.src,
        bead.tgt,
        f"tense: EN says it happened (“{past.group()}”) but KO says it is planned "
        f"(“{words}”). EN: {_quote(en.text)} KO: {_quote(ko.text)}",
        subject="tense",
        spans=(*en.spans(*past.span()), *ko.spans(at, at + len(words))),
    )


@register("tense", Severity.WARNING, langs=("en", "ko"))
def find_tense_changes(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """Paired beads whose English tells of an event in the past and whose Korean
    ends on a plan (``예정이다``, ``계획이다``, ``방침이다``).

    Args:
        doc: the aligned document.
        settings: run settings; the pair's similarity must be
            :data:`~aligner.qa.negation.MARGIN` above ``mistranslation_threshold``.

    Yields:
        One ``mistranslation`` flag (subject ``tense``) per bead.
    """
    floor = (settings.mistranslation_threshold or 0.0) + MARGIN
    for bead in filter(doc.is_content_pair, doc.beads):
        if bead.similarity >= floor and (flag := _flag(doc, bead)) is not None:
            yield flag

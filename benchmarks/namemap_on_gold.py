"""Run the ``name_map`` check on faithful text and on names swapped within a story.

For each set of faithful pairs (see ``on_gold.py``) it lists every flag the check
raises, then plants swaps: in each pair whose English names X and whose Korean
writes a word that surely renders X (as the check learns it from the story), that
word is replaced by the sure word of another name of the story that the pair's
English does not name, and the story is checked again. It prints how many swaps are
flagged on the pair.

    python benchmarks/namemap_on_gold.py [--eval-dir DIR] [--stories DIR]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from aligner.config import Settings
from aligner.models import Sentence
from aligner.qa.namemap import _en_names, _ko_words, _Pair, _Story, find_name_swaps
from aligner.qa.registry import AlignedDocument
from on_gold import described, main  # this folder is on sys.path


def flagged(name: str, doc: AlignedDocument, faults: set[int]) -> list[str]:
    return described(name, doc, list(find_name_swaps(doc, Settings())), faults)


def _with_korean(doc: AlignedDocument, index: int, text: str) -> AlignedDocument:
    sentences = list(doc.tgt.sentences)
    sentences[index] = replace(sentences[index], text=text)
    return replace(doc, tgt=replace(doc.tgt, sentences=tuple[Sentence, ...](sentences)))


def swaps(doc: AlignedDocument, faults: set[int], tally: Counter[str]) -> list[str]:
    """Swap each sure rendering of a pair's name for another name's; the misses."""
    pairs = [
        _Pair(bead, *_en_names(doc.src_text(bead)), _ko_words(doc.tgt_text(bead)))
        for bead in doc.beads
        if doc.is_content_pair(bead) and len(bead.tgt) == 1 and not faults & set(bead.tgt)
    ]
    story = _Story(pairs)
    sure = story.sure

    def words_of(name: str, among: set[str]) -> list[str]:
        """The Korean words that begin with a sure spelling of ``name``."""
        return sorted(w for w in among if any(w.startswith(part) for part in sure[name]))

    missed = []
    for pair in pairs:
        korean = doc.tgt_text(pair.bead)
        for name in sorted(pair.heads & sure.keys()):
            mine = words_of(name, pair.ko)
            others = [n for n in sorted(sure) if n not in pair.en and not sure[n] & sure[name]]
            theirs = [w for n in others[:1] for w in words_of(n, set(story.with_word))]
            if not mine or not theirs:
                continue
            word, new = mine[0], max(theirs, key=lambda w: len(story.with_word[w]))
            swapped = _with_korean(doc, pair.bead.tgt[0], korean.replace(word, new))
            caught = any(f.tgt == pair.bead.tgt for f in find_name_swaps(swapped, Settings()))
            tally["swaps"] += 1
            tally["swaps, flagged"] += caught
            if not caught:
                missed.append(f"{word} -> {new}: EN {doc.src_text(pair.bead)}\n      KO {korean}")
            break
    return missed


def summary(tally: Counter[str]) -> None:
    print(f"  names swapped: flagged {tally['swaps, flagged']}/{tally['swaps']}")


if __name__ == "__main__":
    main(__doc__, flagged, swaps, summary)

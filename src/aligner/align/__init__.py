"""Sentence alignment: embeddings of sentence windows -> ordered list of beads.

The core is a monotonic dynamic programme over beads of up to ``max_bead``
sentences (1-1, 1-0, 0-1, 1-2, 2-1, 1-3, 3-1, 2-2, ...). A bead's value is the
cosine similarity of the embeddings of its concatenated sentences, minus a
penalty per sentence beyond a 1-1; leaving a sentence unaligned costs the same
penalty. With those two equal, a merge wins exactly when the concatenation is
more similar than the best 1-1 it would replace, which separates true merges
from omissions next to a 1-1 pair (measured on the EN-KO dev set).

Every aligned bead also pays a fixed ``pair_threshold``. Without it a sum of
similarities rewards cutting a passage into more beads: a sentence translated by
two came out as a chain of shifted 1-1 pairs, one of them between unrelated
sentences (measured on the Text+Berg German-French set). The threshold cancels
out of the merge-or-omission choice above, which compares one aligned bead with
one aligned bead, so it leaves omission detection as it was.

A 1-n or n-1 merge is let off part of its penalty when it looks like one: the
joined sentences have the document's own length ratio (learned per document, so
per language pair) and are about as similar as the best single pair inside it.
An omission next to a 1-1 pair fails both tests: it lengthens one side and
dilutes the similarity.

Two more pieces of evidence decide 1-n / n-1 beads. A join after a line that runs
on into the next (it stops short of a sentence end, at a comma, colon or
semicolon, or the next line starts in lower case) is expected: such beads are let
off their merge penalty (a sentence split in two, a German clause the French
translator attached to its neighbour: Text+Berg +0.007 strict F1); in a 2-2 bead each
join after such a line is let off its share of the penalty (a sentence cut at a colon
on one side that the other cut elsewhere: 4 more of the 16 gold 2-2 beads of Text+Berg's
development set, +0.014 strict F1 there, its test set unchanged). Without such a
join, a bead is not allowed when one of its parts scores like an unrelated pair
(below a high quantile of the document's own pair similarities, so calibrated per
document and model), or brings numbers written in digits of which the other side
has none, and joining it adds no similarity: an omitted sentence next to a 1-1
pair, which would otherwise hide inside a 2-1 bead (EN-KO dev). Clause evidence can
stand in for that similarity (``clauses``): a translator often makes a trailing phrase
a short sentence of its own ('..., ending an 18-month victory drought.' / '1년 6개월
만의 LPGA 투어 우승이다.'), which scores like an unrelated pair against the whole
sentence. For each lone sentence beside a 1-1 pair, the clauses of the pair's other
sentence at that end and inside it (cut at punctuation, in any script) are embedded;
when the lone sentence matches one above the unrelated level, better than any other sentence of its
side (but those that match their own partner better still), and its neighbour does not
(0.15 less well at least), the refused bead is allowed and let off its merge penalty,
and the DP runs again (re-drawn EN-KO faults, seeds 1-24: 11 of 54 false gaps joined,
no omission lost; Text+Berg strict F1 0.912 -> 0.919; leaving out the sentences
matched better by their partners, 0.923 -> 0.925, development set 0.872 -> 0.875; the
clauses inside too, of three words or more: re-drawn seeds 1-6 two false gaps fewer,
7-12 and Text+Berg unchanged, desk test hunt54 two faithful stories passing more). A
line that quotes a speaker it names, followed by one that is all quotation (the same
voice going on: '"...," an official said.' + '"The numbers add up."', one sentence in
Korean news), is expected to join in the same way, unless joining loses more than
``merge_min_gain`` of similarity: the short quoted tail scores like an unrelated pair
even when translated, but an omitted quotation dilutes its neighbour's pair further.
(Also joining a line that leaves a quotation open to the one that closes it misjoined
a split sentence on re-drawn EN-KO faults.)

Long documents are aligned coarse-to-fine: blocks of four sentences are averaged
and aligned the same way (in turn coarse-to-fine while still long), and the finer
level searches only a narrow band around the coarser path, so time and memory
grow linearly with document length.

After the DP, unaligned sentences on both sides are matched when they are
mutually most similar and at most ``move_window`` beads apart (a sentence moved
within its passage; far apart, a match is more often a similar sentence: Text+Berg
+0.004 strict F1); two on either side of one aligned bead, a swap of neighbours, need
only score above the document's unrelated level, and a run of such pairs, a moved
paragraph, may lie any distance apart. Adjacent 1-1 beads are swapped
when the crossing pairs fit clearly better; beads that cross others are
reported by the QA stage as reordered.

Two adjacent 1-1 pairs become one 2-2 bead when a clause moved across their boundary
(``shifted``): one pair is much shorter on one side than the document's length ratio
and the next as much longer (3.5 times the document's median deviation, so calibrated
per document and language pair), the two together have the document's ratio (a
truncated sentence beside a long pair does not), and their joined text is 0.05 more
similar than the better pair. The DP cannot find these: two pairs that each score like
a translation outscore one joined bead (Text+Berg development set 0.864 -> 0.872
strict F1, test 0.920 -> 0.923; EN-KO dev unchanged; on
re-drawn faults, seeds 1-6, it joined two pairs its gold keeps as two, each beside a
truncated sentence: strict 0.9946 -> 0.9944, flags unchanged; a fixed cut of 0.4
instead of the document's own joined a pair of EN-KO dev-long, a news translator
having moved a clause).

Two adjacent aligned beads become one when a number of four or more digits crossed
their boundary (``shifted``): one bead writes it on one side, only the next writes it
on the other, and neither on the other side of its own. Translations copy such numbers
(years, heights, amounts), so the clause carrying it moved, where the similarities of a
loose translation cannot tell the cut. Text+Berg development set 0.875 -> 0.886 strict
F1 (a height, a year and a range moved into the neighbouring sentence: three gold 2-3 /
3-3 beads the DP had cut in two; one sentence moved alone became a 2-6 bead, one wrong
bead for two), test 0.925 unchanged (no such crossing); EN-KO dev and re-drawn faults
(seeds 1-6) unchanged. With two digits it also joined pairs of a scanned test document
whose page numbers ('41') the scan left inside different sentences on each side (test
0.921): four digits, as for the partner given to a neighbour below, since shorter
numbers are also often spelled out on the other side.

A sentence moved far away leaves a gap the DP fills with whatever sentence comes
next: pairing two unrelated sentences costs less than two gaps. So a 1-1 bead
scoring below the document's unrelated level, one of whose sentences and a lone
sentence of the other side are each other's best match in the whole document (at
least ``move_min_similarity``), is taken for a move: the document is aligned again
without the moved pair, which goes back in the source's order, and the sentences
it left find their own partners (an analyst's quote moved to the end of a Korean
market report had been paired at 0.07 with the first of two Korean sentences
that translate the next English one). The move is kept only if the sentence it
left finds a partner: a sentence replaced by one on the subject of an omitted
sentence (naming its Smith and its Oxford) stays a mistranslation. On the
re-drawn EN-KO faults (seeds 1-24), the EN-KO dev set and Text+Berg nothing
changes.

A 1-1 bead pairing a sentence that writes a number of four or more digits (a year, an
amount in thousands: translations copy those, they do not spell them out) with one
that writes no digits gives its partner to a lone sentence beside it on the same side
that writes none either and matches above the document's unrelated level. Similarity
alone took a Korean sentence added on the same story ('the team published a similar
study in 2019', 0.55) for the translation of 'The study was published in ... Nutrients'
(0.48). Shorter numbers are often spelled out on the other side ('three dozen' / 36명,
'six-party' / 6자): with any digits the rule fired 26 times on dev and re-drawn seeds
1-12 and broke a true pair 23 times, mostly next to an omission; with four, once, rightly.
"""

from aligner.align.evidence import number_lengths, number_masks, open_line, runs_on
from aligner.align.params import AlignParams, Matrix, Windows, bead_shapes
from aligner.align.search import align_embeddings, align_texts
from aligner.align.windows import approximate_windows, uncertain_windows, window_text

__all__ = [
    "AlignParams",
    "Matrix",
    "Windows",
    "align_embeddings",
    "align_texts",
    "approximate_windows",
    "bead_shapes",
    "number_lengths",
    "number_masks",
    "open_line",
    "runs_on",
    "uncertain_windows",
    "window_text",
]

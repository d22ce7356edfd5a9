"""Pairing plain sentences with the reviewed sentences they restate, where a page shows them."""

from __future__ import annotations

from reader.content import load_pack
from reader.content.pairing import SentencePairs, pair_sentences

REVIEWED = "# A\n\nThere is no universal cure for many. Treatment may help.\n"
PLAIN = "There is no cure that works for everyone. [a.1]\nTreatment may help. [a.2]\n"
#: The page's text as the reading pane shows it: title, the box, then the reviewed text.
PAGE = ("A\nIn plain words · label\nThere is no cure that works for everyone. Treatment may help.\n"
        "There is no universal cure for many. Treatment may help.")


def pack_with(make_pack):
    root = make_pack({"a.md": REVIEWED}, manifest_extra='[[plain]]\nsection = "a"\nfile = "plain/a.md"\n')
    (root / "plain").mkdir()
    (root / "plain" / "a.md").write_text(PLAIN, encoding="utf-8")
    return load_pack(root)


def text_of(spans):
    return [PAGE[start:end] for start, end in spans]


def test_a_plain_sentence_is_paired_with_the_reviewed_sentence_it_restates_and_back(make_pack):
    pack = pack_with(make_pack)
    pairs = pair_sentences(PAGE, pack.home, pack.companion("a"))
    plain_at = PAGE.index("works for everyone")
    assert text_of(pairs.partners(plain_at)) == ["There is no cure that works for everyone.",
                                                 "There is no universal cure for many."]
    reviewed_at = PAGE.rindex("Treatment may help")  # the reviewed one, not its plain twin above
    assert text_of(pairs.partners(reviewed_at)) == ["Treatment may help.", "Treatment may help."]
    assert pairs.partners(reviewed_at)[0][0] > pairs.partners(reviewed_at)[1][0], "the reviewed one first"
    assert pairs.partners(PAGE.index("label")) == (), "the box's label is no sentence"


def test_a_folded_box_pairs_nothing(make_pack):
    pack = pack_with(make_pack)
    folded = ("A\nIn plain words · label · Show the plain words\n"
              "There is no universal cure for many. Treatment may help.")
    assert pair_sentences(folded, pack.home, pack.companion("a")) == SentencePairs()
    assert pair_sentences(PAGE, pack.home, None) == SentencePairs()

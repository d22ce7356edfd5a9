"""User-visible wording used outside Qt (CLI, page composition, printing).

Qt widgets translate their own strings with tr(); text that the Qt-free core
also needs lives here so there is exactly one copy of each sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

REVIEW_LINE = "{kind} · Last updated {date}"
AID_LINE = "Plain-language aid, not part of the medically reviewed summary"
PREVIOUS_SECTION = "Previous: {title}"
NEXT_SECTION = "Next: {title}"
PAGE_X_OF_Y = "Page {page} of {pages}"
PRINTED_ON = "Printed {date}"
NO_RESULTS = "No results for “{query}”."
TRY_TOPICS = "Try one of these topics:"
PREPARING_SEARCH = "Getting search ready…"
SHOWING_RESULTS_FOR = "Showing results for “{corrected}”."
DEFINITIONS_HEADING = "What the words mean"
DID_YOU_MEAN_OR_TOPICS = "Did you mean {words}? Or try a topic:"
#: The last two of several choices ("“remission” or “mission”").
EITHER_OR = "{rest} or {last}"
SEARCH_FOR = "Search for “{word}”"
#: Beside results that match only some of the words: the words no section holds.
NOT_MENTIONED = "The summary does not mention {words}."
GIVEN_BY = "Given to you by {clinic}"
WEB_ADDRESSES = "Web addresses in this handout"
SCAN_TO_OPEN = "To open one on a phone, point its camera at the code beside it:"
WORDS_USED = "Words used in this handout"


def either_or(words: Sequence[str]) -> str:
    """The words quoted and joined as choices: “a”, “b” or “c” ("" for none)."""
    quoted = [f"“{word}”" for word in words]
    return EITHER_OR.format(rest=", ".join(quoted[:-1]), last=quoted[-1]) if len(quoted) > 1 else "".join(quoted)


def spoken_lines(lines: Sequence[str]) -> str:
    """Lines shown one under another, as one text to hear: each but the last ends a sentence."""
    ends = (".", "?", "!", ":")
    return " ".join(line if line.endswith(ends) or i == len(lines) - 1 else line + "."
                    for i, line in enumerate(lines))

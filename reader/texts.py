"""User-visible wording used outside Qt (CLI, page composition, printing).

Qt widgets translate their own strings with tr(); text that the Qt-free core
also needs lives here so there is exactly one copy of each sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

REVIEW_LINE = "{kind} · Last updated {date}"
#: A handout page of questions or meanings: it carries the summary's date, and is not its reviewed text.
AID_PAGE_LINE = "Plain-language aid, not medically reviewed · Last updated {date}"
AID_LINE = "Plain-language aid, not part of the medically reviewed summary"
#: An About field the manifest leaves empty: said plainly, never filled with a guess.
NOT_STATED = "not stated"
DUE_BY = "due by {date}"
#: Above a list the pack completed where the reviewed source was cut off ({{ compiled_note }}): read
#: under it, the list passed for the reviewed sentence it follows ("Key areas of investigation include:").
COMPILED_NOTE = ("Plain-language aid: the list below is not part of the medically reviewed text. "
                 "It was put together for this reader from other sentences of this summary.")
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
#: First above results for a topic the summary does not cover (outlook, costs...).
NOT_COVERED = "This summary does not cover {topics}. Your care team can answer: questions to ask them come first."
#: When every word found only names the disease, which every section does.
SUBJECT_ONLY = ("Every section mentions {words}, so none answers the rest of your question. "
                "Questions to ask your care team come first.")
SECTION_MATCHES = "1 section matches"
SECTIONS_MATCH = "{count} sections match"
#: The last two of several items ("side effects and costs").
AND_LIST = "{rest} and {last}"
GIVEN_BY = "Given to you by {clinic}"
#: With a phone number and no clinic's name: "Given to you by (555) 123-4567" named nobody.
CALL_ABOUT = "Questions about this handout? Call {phone}"
WEB_ADDRESSES = "Web addresses in this handout"
SCAN_TO_OPEN = "To open one on a phone, point its camera at the code beside it:"
WORDS_USED = "Words used in this handout"


def _joined(items: Sequence[str], last_two: str) -> str:
    """Items joined with commas, the last two by last_two ("{rest} or {last}"); "" for none."""
    return last_two.format(rest=", ".join(items[:-1]), last=items[-1]) if len(items) > 1 else "".join(items)


def either_or(words: Sequence[str]) -> str:
    """The words quoted and joined as choices: “a”, “b” or “c” ("" for none)."""
    return _joined([f"“{word}”" for word in words], EITHER_OR)


def and_list(items: Sequence[str]) -> str:
    """Items joined as a list: a, b and c ("" for none)."""
    return _joined(items, AND_LIST)


def sections_match(count: int) -> str:
    """'1 section matches', '7 sections match'."""
    return SECTION_MATCHES if count == 1 else SECTIONS_MATCH.format(count=count)


def sentence(text: str) -> str:
    """text ending as a sentence, to be heard: "Is there a cure?" is not given a full stop too."""
    return text if text.endswith((".", "?", "!", ":")) else text + "."


def spoken_lines(lines: Sequence[str]) -> str:
    """Lines shown one under another, as one text to hear: each but the last ends a sentence."""
    return " ".join(line if i == len(lines) - 1 else sentence(line) for i, line in enumerate(lines))


#: The "In plain words" box at the top of a reviewed section (content/plain/).
PLAIN_TITLE = "In plain words"
PLAIN_UNCHECKED = "Plain-language version, not part of the medically reviewed summary, not yet checked by a clinician"
PLAIN_CHECKED = "Plain-language version, not part of the medically reviewed summary, checked by {name} on {date}"
PLAIN_HIDE = "Hide the plain words"
PLAIN_SHOW = "Show the plain words"
#: Said as the reader opens or folds the box.
PLAIN_SHOWN = ("The plain words are shown at the top of the section, in a box: a plain-language version, not part "
               "of the medically reviewed summary. Alt+P goes from a plain sentence to the reviewed one it restates.")
PLAIN_FOLDED = "The plain words are folded away."
#: The last line of the open box: where the plain words end and the reviewed text begins again.
PLAIN_END = "End of the plain words. The medically reviewed summary follows."
#: The disclaimer in plain words (the manifest's disclaimer_plain), under the disclaimer itself.
PLAIN_DISCLAIMER = "In plain words: {text}"
#: Under a search result found only in a section's plain-language version.
PLAIN_HIT_LINE = "Found in its plain-language version, not part of the medically reviewed summary"

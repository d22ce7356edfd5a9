"""What a search did, in sentences: the same lines in the window, its spoken status and the CLI."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader import texts

if TYPE_CHECKING:
    from reader.content.model import Pack
    from reader.search.index import SearchResult

#: Topics offered when a search finds nothing, at most.
MAX_TOPICS = 12


def status_lines(result: SearchResult) -> list[str]:
    """The lines shown above the results, most important first.

    What the summary does not cover comes before any count, so a frightened
    reader meets the honest answer before a list that might look like one.
    """
    lines: list[str] = []
    gaps = result.not_covered
    if gaps:
        lines.append(texts.NOT_COVERED.format(topics=texts.and_list([gap.topic for gap in gaps])))
    if result.matched and result.query.corrections:
        lines.append(texts.SHOWING_RESULTS_FOR.format(corrected=corrected_query(result)))
    missing = [texts.NOT_MENTIONED.format(words=texts.either_or(result.unmentioned))] if result.unmentioned else []
    if result.subject_only:  # what is missing, then why the list says nothing (the gap line says it already)
        lines += missing + ([] if gaps else [texts.SUBJECT_ONLY.format(words=texts.either_or(result.subject_only))])
    else:
        lines += ([texts.sections_match(len(result.hits))] if len(result.hits) > result.led else []) + missing
    if not result.hits:
        maybe = texts.either_or(result.suggestions)
        lines += [texts.NO_RESULTS.format(query=result.query.text.strip()),
                  texts.DID_YOU_MEAN_OR_TOPICS.format(words=maybe) if maybe else texts.TRY_TOPICS]
    return lines


def result_json(result: SearchResult, offered: list[tuple[str, str]] | None = None) -> dict[str, object]:
    """`search --json`'s object: the result's facts, the status lines the window shows, and, when nothing
    was found, the topics (offered: (id, title)) it lists under "Try one of these topics"."""
    shown = [] if result.hits else [{"id": section_id, "title": title} for section_id, title in offered or ()]
    return {**result.to_json(), "status": status_lines(result), "topics": shown}


def topics(pack: Pack) -> list[tuple[str, str]]:
    """(id, title) of the sections offered when nothing matches: the first, in reading order.

    A list of every section of a pack of thousands would take a long moment to fill.
    """
    return [(section.id, section.title) for section in pack.sections[:MAX_TOPICS]]


def corrected_query(result: SearchResult) -> str:
    """The query as searched: "watch and wiat" -> "watch and wait", not just "wait"."""
    text = " ".join(result.query.text.split())
    for typed, fixed in result.query.corrections:
        text = re.sub(rf"(?<!\w){re.escape(typed)}(?!\w)", fixed, text, flags=re.IGNORECASE)
    return text

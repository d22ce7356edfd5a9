"""Reading grade of a text (Flesch–Kincaid), for the plain-language aids."""

from __future__ import annotations

#: Patient materials should read at grade 6 to 8 (NIH, CDC Clear Communication Index).
MAX_AID_GRADE = 8


def grade(text: str) -> float:
    """The Flesch–Kincaid grade of text: the school year that can read it; 0 for no words."""
    import readability  # imported by `check` and the tests only

    text = " ".join(text.split())
    if not any(ch.isalpha() for ch in text):
        return 0.0
    # readability takes one sentence per line; a sentence ends at . ? ! or :
    lines = "\n".join(part for part in _sentences(text) if part)
    return float(readability.getmeasures(lines, lang="en")["readability grades"]["Kincaid"])


def _sentences(text: str) -> list[str]:
    import re

    return [part.strip() for part in re.split(r"(?<=[.?!:])\s+", text)]

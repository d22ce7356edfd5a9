"""`check` for plain-language companions: every citation real, nothing dropped, grade 6 or lower (no Qt)."""

from __future__ import annotations

import re

from reader.content.model import Companion, Pack, Problem
from reader.content.sentences import reviewed_sentences

#: The highest Flesch–Kincaid grade a companion may read at.
MAX_PLAIN_GRADE = 6
#: Words that soften a claim: a plain sentence may only keep those its sources use, never bring its own.
HEDGES = ("may", "might", "can", "could", "often", "usually", "typically", "sometimes", "some", "many", "most",
          "currently", "available", "possible", "likely", "best")


def check_companions(pack: Pack) -> list[Problem]:
    """What is wrong with the pack's companions: citations, coverage, words their sources do not have, grade.

    A companion file that cannot be read is among the pack's own problems already (the loader reads them).
    """
    glossary = " ".join(f"{entry.term} {entry.definition}" for entry in pack.glossary)
    return [problem for companion in pack.plain for problem in _check_one(pack, companion, glossary)]


def _check_one(pack: Pack, companion: Companion, glossary: str) -> list[Problem]:
    from reader.checking.readability import grade

    section = pack.section(companion.section_id)
    if section is None or not section.is_reviewed:
        return [Problem(companion.file, f"'{companion.section_id}' is not a reviewed section of this pack")]
    sources = {sentence.id: sentence.text for sentence in reviewed_sentences(section)}
    problems: list[Problem] = []
    cited: set[str] = set()
    for line in companion.lines:
        unknown = [sentence_id for sentence_id in line.cites if sentence_id not in sources]
        if unknown:
            problems.append(Problem(companion.file, f"cites {', '.join(unknown)}, which is not a sentence of "
                                                    f"'{section.id}' (they are {section.id}.1 to "
                                                    f"{section.id}.{len(sources)})", line.line))
        cited |= set(line.cites) - set(unknown)
        said = " ".join(sources[sentence_id] for sentence_id in line.cites if sentence_id in sources)
        for word in new_claim_words(line.text, said, glossary):
            problems.append(Problem(companion.file, f"'{word}' is not in the sentences it cites: a plain "
                                                    f"sentence may not add a number, a name or a hedge", line.line))
    dropped = [sentence_id for sentence_id in sources if sentence_id not in cited]
    if dropped:
        problems.append(Problem(companion.file, f"nothing restates {', '.join(dropped)}: every reviewed "
                                                f"sentence is said in plain words at least once"))
    level = grade(companion.text) if companion.lines else 0.0
    if level > MAX_PLAIN_GRADE:
        problems.append(Problem(companion.file, f"reads at grade {level:.1f}; plain words are grade "
                                                f"{MAX_PLAIN_GRADE} or lower"))
    return problems


def new_claim_words(plain: str, sources: str, glossary: str = "") -> list[str]:
    """The numbers, names (capitalised or with a digit) and hedges in plain that its sources and the glossary lack."""
    known = f"{sources} {glossary}".lower()
    found = []
    for match in re.finditer(r"[A-Za-z0-9][\w-]*", plain):
        word, before = match.group(), plain[:match.start()].rstrip()
        is_number = any(ch.isdigit() for ch in word)
        is_name = bool(before) and word[0].isupper() and not before.endswith((".", "?", "!"))  # not a sentence's start
        if (is_number or is_name or word.lower() in HEDGES) and not re.search(
                rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", known):
            found.append(word)
    return list(dict.fromkeys(found))

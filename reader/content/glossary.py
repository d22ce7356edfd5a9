"""Reading glossary.toml: plain-language definitions, a reading aid beside the summary."""

from __future__ import annotations

from pathlib import Path

from reader.content.model import GlossaryEntry, Problem

GLOSSARY_NAME = "glossary.toml"
#: Longer definitions stop being a quick aid; the editor is told to shorten them.
MAX_DEFINITION_CHARS = 400
#: Every term and form joins one pattern matched against each page, and a page
#: marks each term; the bundled glossary has 26 terms with at most 6 forms each.
MAX_TERMS = 1_000
MAX_FORMS = 20
#: A term is a word or a short phrase, shown as a heading in its popup.
MAX_TERM_CHARS = 100
#: A reference's name or web address, shown under the definition.
MAX_SOURCE_CHARS = 500


def read_glossary(root: Path) -> tuple[tuple[GlossaryEntry, ...], list[Problem]]:
    """The pack's glossary (empty if it has none) and any problems with it."""
    # Here, not at the top: the window imports this module for TermFinder alone.
    from reader.content.toml_files import header_lines, line_of_item, read_toml

    data, text, problem = read_toml(root, GLOSSARY_NAME)
    if problem is not None:
        return (), [problem]
    if data is None:
        return (), []
    raw_terms = data.get("term", [])
    if not isinstance(raw_terms, list):
        return (), [Problem(GLOSSARY_NAME, "write each entry as a [[term]] table")]
    lines = header_lines(text, "term")
    if len(raw_terms) > MAX_TERMS:
        return (), [Problem(GLOSSARY_NAME, f"{len(raw_terms):,} terms: a glossary may have at most {MAX_TERMS:,}",
                            line_of_item(lines, len(raw_terms), MAX_TERMS))]
    entries: list[GlossaryEntry] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for number, raw in enumerate(raw_terms, start=1):
        where = f"[[term]] number {number}"
        line = line_of_item(lines, len(raw_terms), number - 1)
        term = raw.get("term") if isinstance(raw, dict) else None
        definition = raw.get("definition") if isinstance(raw, dict) else None
        also = raw.get("also", []) if isinstance(raw, dict) else []
        if not isinstance(term, str) or not term.strip():
            problems.append(Problem(GLOSSARY_NAME, f"{where} has no 'term'", line))
            continue
        if len(term) > MAX_TERM_CHARS:
            problems.append(Problem(GLOSSARY_NAME, f"{where}: a term may have at most {MAX_TERM_CHARS} characters",
                                    line))
            continue
        if not isinstance(definition, str) or not definition.strip():
            problems.append(Problem(GLOSSARY_NAME, f"'{term}' has no 'definition'", line))
            continue
        if len(definition) > MAX_DEFINITION_CHARS:
            problems.append(Problem(
                GLOSSARY_NAME, f"'{term}': keep the definition under {MAX_DEFINITION_CHARS} characters", line))
            if len(definition) > 10 * MAX_DEFINITION_CHARS:  # no longer a definition at all: never shown
                continue
        if not isinstance(also, list) or not all(isinstance(a, str) and a.strip() for a in also):
            problems.append(Problem(GLOSSARY_NAME, f"'{term}': 'also' must be a list of words", line))
            also = []
        elif len(also) > MAX_FORMS or any(len(a) > MAX_TERM_CHARS for a in also):
            problems.append(Problem(GLOSSARY_NAME, f"'{term}': 'also' may list at most {MAX_FORMS} forms, "
                                                   f"each under {MAX_TERM_CHARS} characters", line))
            also = []
        if term.strip().casefold() in seen:
            problems.append(Problem(GLOSSARY_NAME, f"'{term}' is defined twice", line))
            continue
        seen.add(term.strip().casefold())
        # A definition without its reference still helps a reader; `check` tells the editor.
        source, source_url = (raw.get(key, "") for key in ("source", "source_url"))
        if not isinstance(source, str) or not isinstance(source_url, str):
            problems.append(Problem(GLOSSARY_NAME, f"'{term}': 'source' and 'source_url' must be text", line))
            source, source_url = "", ""
        elif len(source) > MAX_SOURCE_CHARS or len(source_url) > MAX_SOURCE_CHARS:
            problems.append(Problem(GLOSSARY_NAME, f"'{term}': 'source' and 'source_url' may have at most "
                                                   f"{MAX_SOURCE_CHARS} characters", line))
            source, source_url = "", ""
        entries.append(GlossaryEntry(term.strip(), " ".join(definition.split()), tuple(a.strip() for a in also),
                                     source.strip(), source_url.strip()))
    return tuple(entries), problems


def whole_words(forms: list[str]) -> str:
    """A pattern matching any of forms as whole words: "ATL" is not found inside "ATLAS" or "HTLV-ATL"."""
    import re

    return rf"(?<![\w-])(?:{'|'.join(re.escape(form) for form in forms)})(?![\w-])"


class TermFinder:
    """Finds glossary terms in running text, each term once per page.

    Matching ignores case; a term must stand as whole words ("ATL" is not found
    inside "ATLAS"), and the longest form wins ("complete remission" over
    "remission").
    """

    def __init__(self, glossary: tuple[GlossaryEntry, ...]) -> None:
        import re

        forms = sorted(((form, index) for index, entry in enumerate(glossary) for form in entry.forms),
                       key=lambda pair: -len(pair[0]))
        self._index_of = {form.casefold(): index for form, index in forms}
        self._pattern = re.compile(whole_words([form for form, _ in forms]), re.IGNORECASE) if forms else None

    def find(self, text: str, seen: set[int]) -> list[tuple[int, int, int]]:
        """(start, end, entry index) of each term in text not in seen; adds them to seen."""
        found: list[tuple[int, int, int]] = []
        if self._pattern is None:
            return found
        for match in self._pattern.finditer(text):
            index = self._index_of[match.group().casefold()]
            if index not in seen:
                seen.add(index)
                found.append((match.start(), match.end(), index))
        return found

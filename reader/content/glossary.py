"""Reading glossary.toml: plain-language definitions, a reading aid beside the summary."""

from __future__ import annotations

from pathlib import Path

from reader.content.model import GlossaryEntry, Problem

GLOSSARY_NAME = "glossary.toml"
#: Longer definitions stop being a quick aid; the editor is told to shorten them.
MAX_DEFINITION_CHARS = 400


def read_glossary(root: Path) -> tuple[tuple[GlossaryEntry, ...], list[Problem]]:
    """The pack's glossary (empty if it has none) and any problems with it."""
    import tomllib  # here, not at the top: the window imports this module for TermFinder alone

    path = root / GLOSSARY_NAME
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return (), []
    except (OSError, UnicodeDecodeError) as exc:
        return (), [Problem(GLOSSARY_NAME, f"cannot read the glossary ({exc})")]
    except tomllib.TOMLDecodeError as exc:
        return (), [Problem(GLOSSARY_NAME, f"invalid TOML: {exc}")]
    raw_terms = data.get("term", [])
    if not isinstance(raw_terms, list):
        return (), [Problem(GLOSSARY_NAME, "write each entry as a [[term]] table")]
    entries: list[GlossaryEntry] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for number, raw in enumerate(raw_terms, start=1):
        where = f"[[term]] number {number}"
        term = raw.get("term") if isinstance(raw, dict) else None
        definition = raw.get("definition") if isinstance(raw, dict) else None
        also = raw.get("also", []) if isinstance(raw, dict) else []
        if not isinstance(term, str) or not term.strip():
            problems.append(Problem(GLOSSARY_NAME, f"{where} has no 'term'"))
            continue
        if not isinstance(definition, str) or not definition.strip():
            problems.append(Problem(GLOSSARY_NAME, f"'{term}' has no 'definition'"))
            continue
        if len(definition) > MAX_DEFINITION_CHARS:
            problems.append(Problem(GLOSSARY_NAME, f"'{term}': keep the definition under {MAX_DEFINITION_CHARS} characters"))
        if not isinstance(also, list) or not all(isinstance(a, str) and a.strip() for a in also):
            problems.append(Problem(GLOSSARY_NAME, f"'{term}': 'also' must be a list of words"))
            also = []
        if term.strip().casefold() in seen:
            problems.append(Problem(GLOSSARY_NAME, f"'{term}' is defined twice"))
            continue
        seen.add(term.strip().casefold())
        # A definition without its reference still helps a reader; `check` tells the editor.
        source, source_url = (raw.get(key, "") for key in ("source", "source_url"))
        if not isinstance(source, str) or not isinstance(source_url, str):
            problems.append(Problem(GLOSSARY_NAME, f"'{term}': 'source' and 'source_url' must be text"))
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

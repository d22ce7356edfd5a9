"""The search regression suite: patient-style queries must land on the right section first.

Cases live in search_cases.tsv (query, tab, section id); content/README.md tells
editors how to add them when they change the text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.search import SearchIndex

CASES_FILE = Path(__file__).resolve().parents[2] / "search_cases.tsv"


def read_cases() -> list[tuple[str, str]]:
    cases = []
    for line in CASES_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            query, section = line.split("\t")
            cases.append((query, section))
    return cases


CASES = read_cases()


@pytest.fixture(scope="module")
def index(pack):
    return SearchIndex(pack)


def test_the_suite_is_big_enough_to_mean_something(pack):
    ids = {s.id for s in pack.sections}
    assert len(CASES) >= 40
    assert {section for _, section in CASES} <= ids, "every expected section exists"


@pytest.mark.parametrize(("query", "section"), CASES, ids=[q for q, _ in CASES])
def test_patient_query_lands_on_the_right_section_first(index, query, section):
    hits = index.search(query).hits
    assert hits, f"nothing found for {query!r}"
    assert hits[0].section_id == section, [h.section_id for h in hits[:3]]

"""The pack's pronunciation table: read from pronunciations.toml, and what a broken one does."""

from __future__ import annotations

from pathlib import Path

from reader.speech.pronunciations import load_pronunciations

PACK = Path(__file__).resolve().parents[3] / "content"


def test_the_bundled_table_says_the_summarys_abbreviations_as_a_clinician_does():
    table, problems = load_pronunciations(PACK)
    assert problems == []
    spoken, _ = table.say("ATL is caused by HTLV-1; VCAP-AMP-VECP and HSCT are treatments (Phase I and II).")
    assert spoken == ("A T L is caused by H T L V one; V CAP, A M P, V E C P and H S C T are treatments "
                      "(Phase one and two).")


def test_a_missing_file_changes_nothing_and_a_broken_one_says_why(tmp_path):
    assert load_pronunciations(tmp_path)[0].say("ATL")[0] == "ATL"
    (tmp_path / "pronunciations.toml").write_text("[pronounce\n", encoding="utf-8")
    table, problems = load_pronunciations(tmp_path)
    assert table.say("ATL")[0] == "ATL" and "cannot be read" in problems[0]
    (tmp_path / "pronunciations.toml").write_text('[pronounce]\n"ATL" = ""\n"NCI" = "N C I"\n', encoding="utf-8")
    table, problems = load_pronunciations(tmp_path)
    assert table.say("ATL and NCI")[0] == "ATL and N C I"
    assert problems == ["pronunciations.toml: 'ATL' has no spoken form; it is said as written"]


def test_check_reports_a_broken_table_at_its_file(make_pack):
    from reader.checking import check_pack

    root = make_pack({"a.md": "# A\n\nATL text.\n"})
    assert check_pack(root) == []
    (root / "pronunciations.toml").write_text('[pronounce]\n"ATL" = 3\n', encoding="utf-8")
    assert [str(problem) for problem in check_pack(root)] == [
        "pronunciations.toml: 'ATL' has no spoken form; it is said as written"]

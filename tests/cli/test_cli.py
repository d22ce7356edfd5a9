"""The command line as outside tools meet it: JSON shapes, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from pdf_text import pdf_pages as page_texts

MAIN = str(ROOT / "main.py")


def run(*args: str, cwd: Path | None = None,
        env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, **(env_extra or {}))
    return subprocess.run([sys.executable, MAIN, *args], capture_output=True, text=True, timeout=120, cwd=cwd, env=env)


def test_sections_json_lists_sections_and_subsections_in_reading_order():
    result = run("sections", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert all(set(row) == {"id", "title", "level", "text"} for row in rows)
    assert [row["id"] for row in rows][:5] == ["overview", "treatment-goals", "treatment-options", "indolent-atl",
                                               "aggressive-atl"]
    assert {row["level"] for row in rows} == {1, 2}
    assert "no universal cure" in rows[0]["text"]


def test_search_json_has_the_contract_shape():
    result = run("search", "stem cell transplant", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"query", "sections", "terms"} <= set(data)  # the fixed contract; fields may be added
    assert data["query"] == "stem cell transplant"
    first = data["sections"][0]
    assert {"id", "title", "snippet", "score"} <= set(first)
    assert first["id"] == "treatment-options"
    assert "transplantation" in first["snippet"]
    assert data["answer"] == "full"


@pytest.mark.parametrize(("query", "answer", "field", "value"), [
    ("transplnt", "full", "corrections", [{"typed": "transplnt", "corrected": "transplant"}]),
    ("my father have leucemia", "partial", "unmentioned", ["father"]),
    ("how long will I live", "none", "not_covered",
     [{"topic": "the outlook (how long people live with ATL)", "questions": "questions-outlook"}]),
    ("remishun", "none", "suggestions", ["remission"]),
    ("is ATL genetic", "none", "subject_only", ["atl"]),
])
def test_search_json_says_what_it_did(query, answer, field, value):
    # A JSON user can tell a full answer from a corrected, partial or missing one, as the window does.
    data = json.loads(run("search", "--json", "--", query).stdout)
    assert data["answer"] == answer
    assert data[field] == value
    assert data["status"], "the same lines the window shows"


def test_search_json_lists_the_topics_offered_when_nothing_is_found():
    # The status said "Try one of these topics:" and the JSON had none of them
    empty = json.loads(run("search", "--json", "--", "xylophone").stdout)
    assert empty["sections"] == [] and empty["status"][-1] == "Try one of these topics:"
    assert {"id": "overview", "title": "Is there a cure?"} in empty["topics"]
    assert json.loads(run("search", "--json", "--", "cure").stdout)["topics"] == []


def test_a_query_starting_with_a_dash_is_searched_after_double_dash():
    result = run("search", "--", "-chemo")
    assert result.returncode == 0, result.stderr
    assert "Treatment options" in result.stdout


def test_search_queries_file_gives_one_json_line_per_query(tmp_path):
    queries = tmp_path / "q.txt"
    queries.write_text('clinical trials\n\n"AND (\nwatch and wait\n\u0000\n', encoding="utf-8")
    result = run("search", "--queries", str(queries), "--json")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["query"] for line in lines] == ["clinical trials", '"AND (', "watch and wait", "\u0000"]
    assert lines[0]["sections"][0]["id"] == "clinical-trials"
    assert lines[1]["sections"] == []


@pytest.mark.parametrize("query", ['"', "NEAR(", "*", "AND OR", "x" * 3000, "-", "🙂"])
def test_any_query_text_exits_zero(query):
    result = run("search", query, "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["query"] == query


@pytest.mark.parametrize("command", [["sections", "--json"], ["search", "cure", "--json"], ["check"]])
def test_qt_free_commands_never_import_qt(command):
    result = run(*command, env_extra={"PYTHONPROFILEIMPORTTIME": "1"})
    assert result.returncode == 0
    assert "PySide6" not in result.stderr


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["search"], 2),
        (["search", "x", "--queries", "f"], 2),
        (["sections", "--bogus"], 2),
        (["export-pdf"], 2),
        (["sections", "--content", "/nonexistent/pack"], 1),
        (["search", "--queries", "/nonexistent/queries.txt"], 2),
    ],
)
def test_errors_are_one_line_with_the_documented_exit_code(args, code):
    result = run(*args)
    assert result.returncode == code
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("atl-reader: error:")


def test_check_exits_one_with_file_and_line_for_a_broken_pack(make_pack):
    root = make_pack({"a.md": "# A\n\nList:\n\nno list"})
    result = run("check", str(root))
    assert result.returncode == 1
    assert "sections/a.md:3: lead-in ends with ':'" in result.stdout


def test_check_is_clean_on_the_bundled_pack_and_lists_its_web_links_to_verify():
    result = run("check")
    assert result.returncode == 0, result.stdout
    assert "note: sections/clinical-trials.md:3: external link https://clinicaltrials.gov/" in result.stdout


def test_module_and_main_are_the_same_program():
    a = run("sections", "--json")
    b = subprocess.run([sys.executable, "-m", "reader", "sections", "--json"], capture_output=True, text=True, cwd=ROOT)
    assert a.stdout == b.stdout


def test_help_lists_the_window_options_but_not_the_benchmark_switch():
    result = run("gui", "--help")
    assert result.returncode == 0, result.stderr
    assert "--kiosk" in result.stdout and "--self-test" in result.stdout
    assert "--bench" not in result.stdout and "SUPPRESS" not in result.stdout


@pytest.mark.parametrize("switches", [[], ["--kiosk"], ["--bench"], ["--self-test"], ["--kiosk", "--bench"]])
def test_starting_with_only_switches_opens_the_window(switches):
    from reader.cli import _parse, build_parser

    # Switches alone mean the window: `atl-reader --kiosk` is `atl-reader gui --kiosk`.
    assert vars(_parse(switches)) == vars(build_parser(["gui"]).parse_args(["gui", *switches]))


# -- PDF export ------------------------------------------------------------------------------

def squash(text: str) -> str:
    """Text without any white space: pypdf splits some bold capitals from their word."""
    return "".join(text.split())


def pdf_pages(path: Path) -> list[str]:
    return [squash(text) for text in page_texts(path)]


def test_export_pdf_every_page_is_safe_to_hand_out(tmp_path, pack):
    out = tmp_path / "summary.pdf"
    result = run("export-pdf", str(out))
    assert result.returncode == 0, result.stderr
    pages = pdf_pages(out)
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert squash(pack.manifest.disclaimer) in text
        assert squash(f"Page {number} of {len(pages)}") in text
        assert squash("Last updated 8 May 2026") in text
        assert squash(pack.manifest.title) in text
    everything = "".join(pages)
    for section in pack.sections:
        assert squash(section.title) in everything


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")
def test_pdftotext_reads_every_source_statement_intact(tmp_path):
    from seed_text import normal, seed_statements

    out = tmp_path / "summary.pdf"
    assert run("export-pdf", str(out)).returncode == 0
    text = normal(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout)
    missing = [sentence for sentence in seed_statements() if sentence not in text]
    assert not missing, missing


def test_export_pdf_with_sections_prints_only_those(tmp_path):
    out = tmp_path / "trials.pdf"
    result = run("export-pdf", str(out), "--section", "clinical-trials")
    assert result.returncode == 0, result.stderr
    text = "".join(pdf_pages(out))
    assert "ClinicalTrials.gov" in text
    assert squash("Goals of treatment") not in text and squash("no universal cure") not in text
    assert not list(tmp_path.glob(".atl-reader-*")), "temporary file left behind"


def test_export_pdf_of_a_part_of_a_section_says_the_whole_section_is_printed(tmp_path):
    # A nurse chose "indolent-atl" for a patient with slow-growing ATL and got the aggressive part too, unwarned.
    out = tmp_path / "indolent.pdf"
    result = run("export-pdf", str(out), "--section", "indolent-atl")
    assert result.returncode == 0, result.stderr
    assert "'indolent-atl' is a part of 'treatment-options'" in result.stderr
    assert "all of it is printed" in result.stderr
    assert "clinical-trials" not in run("export-pdf", str(out), "--section", "clinical-trials").stderr


def test_export_pdf_refuses_unknown_sections_and_unwritable_paths(tmp_path):
    unknown = run("export-pdf", str(tmp_path / "x.pdf"), "--section", "nope")
    assert unknown.returncode == 2 and "unknown section id: nope" in unknown.stderr
    missing_dir = run("export-pdf", str(tmp_path / "no" / "such" / "dir" / "x.pdf"))
    assert missing_dir.returncode == 1
    assert len(missing_dir.stderr.strip().splitlines()) == 1 and "Traceback" not in missing_dir.stderr
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder")
    for target in (blocker / "x.pdf", Path("/proc/atl-reader-test.pdf")):
        result = run("export-pdf", str(target))
        assert result.returncode == 1, target
        assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
        assert not target.exists()


def test_content_option_opens_another_pack(make_pack):
    root = make_pack({"first.md": "# First page\n\nHello from another pack.\n\n## Part {#part}\n\nMore."})
    result = run("sections", "--json", "--content", str(root))
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [(r["id"], r["level"]) for r in rows] == [("first", 1), ("part", 2)]
    found = json.loads(run("search", "hello", "--json", "--content", str(root)).stdout)
    assert found["sections"][0]["id"] == "first"


def test_check_lists_every_missing_section_of_an_unreadable_pack(make_pack):
    root = make_pack({}, sections=["one.md", "two.md"])
    result = run("check", str(root))
    assert result.returncode == 1
    assert "sections/one.md: section file is missing" in result.stdout
    assert "sections/two.md: section file is missing" in result.stdout


def test_export_pdf_onto_a_folder_names_the_folder(tmp_path):
    result = run("export-pdf", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.strip() == f"atl-reader: error: {tmp_path}: is a folder: give a file name such as summary.pdf"


def test_the_real_program_never_opens_a_connection(tmp_path):
    guard = {"PYTHONPATH": str(ROOT / "tests" / "netguard")}
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.create_connection(('127.0.0.1', 9))"],
                           capture_output=True, text=True, env={**os.environ, **guard})
    assert "NETWORK USED" in probe.stderr, "the guard itself works"
    for args in (["search", "chemo", "--json"], ["search", "--queries", str(ROOT / "tests" / "search_cases.tsv")],
                 ["export-pdf", str(tmp_path / "h.pdf"), "--glossary"], ["sections", "--json"], ["check"]):
        done = run(*args, env_extra=guard)
        assert done.returncode == 0 and "NETWORK USED" not in done.stderr, args


def test_self_test_opens_every_section_and_searches():
    done = run("--self-test", env_extra={"QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert "self-test passed: 7 sections shown" in done.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X and Wayland displays are a Linux matter")
def test_the_window_without_a_screen_says_so_in_one_line_instead_of_aborting():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, MAIN], capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 1
    assert done.stderr.startswith("atl-reader: error: there is no screen to open the window on")
    assert len(done.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(("environ", "opens"), [
    ({"DISPLAY": ":0"}, True),
    ({"WAYLAND_DISPLAY": "wayland-0"}, True),
    ({"QT_QPA_PLATFORM": "eglfs"}, True),  # a kiosk drawing straight to the screen
    ({}, False),
])
def test_a_window_is_refused_only_where_there_is_no_screen(environ, opens):
    from reader.display import missing_display

    assert (missing_display(environ, "linux") is None) == opens
    assert missing_display({}, "win32") is None


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")
@pytest.mark.parametrize("kind", ["FIFO", "character device"])
def test_a_queries_file_that_never_ends_is_one_error_line_not_a_hang(tmp_path, kind):
    from hostile_run import run_limited  # cut off in time and memory, should it hang again

    path = Path("/dev/zero")
    if kind == "FIFO":
        path = tmp_path / "queries"
        os.mkfifo(path)
    result = run_limited("search", "--queries", str(path))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        f"atl-reader: error: cannot read {path}: it is a {kind}, not a regular file"]


def test_a_huge_limit_searches_as_if_there_were_none():
    result = run("search", "stem cell transplant", "--limit", str(10**30), "--json")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert json.loads(result.stdout)["sections"]

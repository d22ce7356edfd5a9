"""Hostile packs: every command finishes, says what is wrong, and never reads outside the pack."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from hostile_packs import BUNDLED, CASES, Case, build
from hostile_run import Run, commands, run, tools_present

pytestmark = pytest.mark.skipif(not tools_present(), reason="needs strace and GNU time")

#: What a patient or staff member would call a freeze, and what would exhaust a kiosk's memory.
MOST_SECONDS = 20.0
MOST_MEGABYTES = 1024.0


def _run_all(pack: Path, work: Path) -> dict[str, Run]:
    out = work / "out"
    out.mkdir()
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {name: pool.submit(run, name, argv, work) for name, argv in commands(pack, out).items()}
    return {name: future.result() for name, future in futures.items()}


def _outside(run_: Run, outside: Path) -> list[str]:
    """Files run_ opened that are, once links are followed, in the canaries' folder."""
    real_outside = os.path.realpath(outside)
    return sorted(path for path in run_.opened
                  if os.path.realpath(path) == real_outside or os.path.realpath(path).startswith(real_outside + os.sep))


def test_the_bundled_pack_runs_clean_under_the_same_watch(tmp_path: Path) -> None:
    """The harness itself: the real pack passes, and strace did see the pack being read."""
    runs = _run_all(BUNDLED, tmp_path)
    for name, result in runs.items():
        assert result.code == 0, f"{name}: {result.stderr}"
    assert str(BUNDLED / "manifest.toml") in runs["check"].opened
    assert "no problems found" in runs["check"].stdout


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_hostile_pack_is_refused_clearly_and_safely(case: Case, tmp_path: Path) -> None:
    pack, outside = build(case, tmp_path)
    runs = _run_all(pack, tmp_path)
    for name, result in runs.items():
        where = f"{case.name} / {name}"
        assert not result.timed_out, f"{where}: still running after the time limit"
        assert result.seconds < MOST_SECONDS, f"{where}: took {result.seconds:.1f} s"
        assert result.peak_mb < MOST_MEGABYTES, f"{where}: used {result.peak_mb:.0f} MB"
        assert "Traceback" not in result.stderr, f"{where}:\n{result.stderr[-3000:]}"
        assert result.code in (0, 1), f"{where}: exit {result.code}\n{result.stderr[-2000:]}"
        assert _outside(result, outside) == [], f"{where}: opened files outside the pack"
    check = runs["check"]
    if not case.names:
        return
    assert check.code == 1, f"{case.name}: check passed a hostile pack:\n{check.stdout}"
    named = [line for line in (check.stdout + check.stderr).splitlines() if case.names in line]
    assert named, f"{case.name}: no problem names {case.names}:\n{check.stdout}\n{check.stderr}"

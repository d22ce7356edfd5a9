"""The hostile-pack corpus's figures: per command, the worst time and memory, and files read outside the pack.

Runs every case of tests/hostile_packs.py through the five commands of
tests/hostile_run.py (check, sections, search, export-pdf, the window's
self-test), each watched by strace. "Outside" counts the canary files the
attacks point at, and any file a hostile run opened that the bundled pack's
run of the same command did not (the interpreter's and Qt's own files aside).

    .venv/bin/python bench/hostile.py [CASE ...]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hostile_packs import BUNDLED, CASES, build  # noqa: E402
from hostile_run import ROOT, commands, run  # noqa: E402


def _inside(path: str, folder: Path) -> bool:
    real, base = os.path.realpath(path), os.path.realpath(folder)
    return real == base or real.startswith(base + os.sep)


def main(names: list[str]) -> int:
    chosen = [case for case in CASES if not names or case.name in names]
    worst: dict[str, tuple[float, str]] = {}
    peak: dict[str, tuple[float, str]] = {}
    outside: list[str] = []
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        base_work = Path(scratch) / "bundled"
        base_work.mkdir()
        (base_work / "out").mkdir()
        baseline = {name: run(name, argv, base_work).opened
                    for name, argv in commands(BUNDLED, base_work / "out").items()}
        for case in chosen:
            work = Path(scratch) / case.name
            work.mkdir()
            pack, canaries = build(case, work)
            (work / "out").mkdir()
            for name, argv in commands(pack, work / "out").items():
                result = run(name, argv, work)
                if result.seconds > worst.get(name, (0.0, ""))[0]:
                    worst[name] = (result.seconds, case.name)
                if result.peak_mb > peak.get(name, (0.0, ""))[0]:
                    peak[name] = (result.peak_mb, case.name)
                for path in sorted(result.opened):
                    if _inside(path, canaries):
                        outside.append(f"{case.name}/{name}: {path}")
                    elif not _inside(path, work) and path not in baseline[name] and not path.startswith(
                            (sys.prefix, sys.base_prefix, str(ROOT / "reader"),
                             "/usr/", "/lib", "/proc/", "/sys/", "/dev/pts")):
                        outside.append(f"{case.name}/{name}: {path} (not opened for the bundled pack)")
                if result.timed_out or "Traceback" in result.stderr or result.code not in (0, 1):
                    problems.append(f"{case.name}/{name}: exit {result.code}, {result.seconds:.1f} s")
    print(f"{len(chosen)} hostile packs × {len(commands(BUNDLED, BUNDLED))} commands")
    print(f"{'command':<12} {'worst time':>12}  {'(case)':<28} {'peak memory':>12}  (case)")
    for name in commands(BUNDLED, BUNDLED):
        seconds, slow = worst.get(name, (0.0, "-"))
        megabytes, big = peak.get(name, (0.0, "-"))
        print(f"{name:<12} {seconds:>10.2f} s  {slow:<28} {megabytes:>9.0f} MB  {big}")
    print(f"files opened outside the pack: {len(outside)}")
    for line in outside:
        print(f"  {line}")
    print(f"runs that hung, crashed or printed a traceback: {len(problems)}")
    for line in problems:
        print(f"  {line}")
    return 1 if outside or problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

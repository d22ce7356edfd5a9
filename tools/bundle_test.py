"""Smoke test of the standalone bundle: no venv, no network, the bundled program alone.

Usage: python tools/bundle_test.py dist/atl-reader/atl-reader
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    program = Path(sys.argv[1]).resolve()
    home = tempfile.mkdtemp()
    # Nothing from this checkout: a bare PATH and a fresh home.
    env = {"PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
    pdf = Path(home) / "handout.pdf"
    checks = [
        (["sections", "--json"], lambda out: len(json.loads(out)) >= 7),
        (["search", "chemo", "--json"], lambda out: json.loads(out)["sections"][0]["id"] == "treatment-options"),
        (["export-pdf", str(pdf), "--large-print"], lambda out: pdf.is_file() and "wrote" in out),
        (["--self-test"], lambda out: "self-test passed" in out),
    ]
    failed = 0
    for args, ok in checks:
        done = subprocess.run([str(program), *args], capture_output=True, text=True, env=env, timeout=120, cwd=home)
        passed = done.returncode == 0 and ok(done.stdout)
        failed += not passed
        print(f"{'ok  ' if passed else 'FAIL'} atl-reader {' '.join(args)}"
              + ("" if passed else f"\n     exit {done.returncode}: {done.stderr.strip()[-300:]}"))
    # A content/ folder next to the program replaces the built-in pack (clinics update without rebuilding).
    beside = program.parent / "content"
    shutil.copytree(ROOT / "content", beside)
    try:
        manifest = beside / "manifest.toml"
        manifest.write_text(manifest.read_text(encoding="utf-8").replace(
            'title = "Adult T-cell leukemia/lymphoma (ATL)"', 'title = "Clinic copy of the ATL summary"'),
            encoding="utf-8")
        done = subprocess.run([str(program), "check"], capture_output=True, text=True, env=env, timeout=120, cwd=home)
        passed = done.returncode == 0 and str(beside) in done.stdout
        failed += not passed
        print(f"{'ok  ' if passed else 'FAIL'} a content/ folder beside the program is the one used")
    finally:
        shutil.rmtree(beside)
    size = sum(f.stat().st_size for f in program.parent.rglob("*") if f.is_file() and not f.is_symlink()) / 1e6
    print(f"bundle: {program.parent} ({size:.0f} MB); {len(checks) + 1 - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

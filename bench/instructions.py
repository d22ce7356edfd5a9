"""Instructions from spawn to the first painted frame, counted by valgrind's callgrind.

Milliseconds move with whatever else the machine is doing; an instruction count is
the same from run to run, so the reader-to-floor ratio it gives is the steady one
(it leaves out waiting: for the X server, the disk). Each program runs under
exit_at_paint.py, which ends it as its "painted" line is printed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def instructions_to_paint(script: Path, args: list[str], env: dict[str, str]) -> int | None:
    """The count for `python script args` up to its first paint; None without valgrind or if it did not paint."""
    if shutil.which("valgrind") is None:
        return None
    out = Path(tempfile.mkdtemp()) / "callgrind.out"
    done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                           sys.executable, str(ROOT / "bench" / "exit_at_paint.py"), str(script), *args],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    counted = re.search(r"Collected : (\d+)", done.stderr)
    if "painted" not in done.stdout or counted is None:
        return None
    return int(counted.group(1))

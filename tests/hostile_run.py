"""Running the reader's commands on a hostile pack as a user would, watched by strace.

Each command runs in its own process, under a time limit, with every file it
opens recorded (strace) and its peak memory measured (GNU time). The tests and
`bench/hostile.py` share this, so the closing figures are the tests' figures.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAIN = ROOT / "main.py"
#: Generous: a clean pack takes well under a second per command here.
TIME_LIMIT = 60.0
#: run_limited cuts off a command that hangs or reads /dev/zero here, rather than stalling the suite.
TIMEOUT = 20
#: run_limited's address space: enough for the reader, far short of the 11 GB /dev/zero once took.
MEMORY = 1536 * 1024 * 1024
_OPENED_RE = re.compile(r'open(?:at2?)?\((?:[A-Z_]+|\d+), "((?:[^"\\]|\\.)*)"|open\("((?:[^"\\]|\\.)*)"')


def commands(pack: Path, out: Path) -> dict[str, list[str]]:
    """What a content editor, a patient and staff would run on the pack."""
    python = sys.executable
    return {
        "check": [python, str(MAIN), "check", str(pack)],
        "sections": [python, str(MAIN), "sections", "--content", str(pack)],
        "search": [python, str(MAIN), "search", "--content", str(pack), "treatment options"],
        "export-pdf": [python, str(MAIN), "export-pdf", "--content", str(pack), str(out / "handout.pdf")],
        "window": [python, str(MAIN), "--self-test", "--content", str(pack)],
    }


@dataclass(frozen=True)
class Run:
    """What one command did."""

    command: str
    code: int | None  # None: killed at the time limit
    seconds: float
    peak_mb: float
    stdout: str
    stderr: str
    opened: frozenset[str]  # every path it opened, made absolute

    @property
    def timed_out(self) -> bool:
        return self.code is None


def _opened(trace: Path, cwd: Path) -> frozenset[str]:
    paths: set[str] = set()
    for line in trace.read_text(encoding="utf-8", errors="replace").splitlines():
        match = _OPENED_RE.search(line)
        if match:
            name = match.group(1) or match.group(2) or ""
            paths.add(os.path.normpath(os.path.join(cwd, name)))
    return frozenset(paths)


def environment(home: Path) -> dict[str, str]:
    """A private home and runtime folder, offscreen Qt, and English messages."""
    runtime = home / "run"
    runtime.mkdir(parents=True, exist_ok=True)
    runtime.chmod(0o700)
    env = {key: value for key, value in os.environ.items() if not key.startswith(("QT_", "XDG_"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_CACHE_HOME=str(home / ".cache"),
               XDG_RUNTIME_DIR=str(runtime), QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="qt.qpa.*=false",
               LANG="C.UTF-8")
    return env


def run(command: str, argv: list[str], work: Path, *, limit: float = TIME_LIMIT) -> Run:
    """Run argv under strace and GNU time in work (a scratch folder)."""
    trace, usage = work / f"{command}.trace", work / f"{command}.usage"
    wrapped = ["/usr/bin/time", "-f", "%M", "-o", str(usage),
               "strace", "-f", "-qq", "-e", "trace=open,openat,openat2", "-e", "signal=none", "-o", str(trace),
               "--", *argv]
    started = time.monotonic()
    process = subprocess.Popen(wrapped, cwd=ROOT, env=environment(work / "home"), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = process.communicate(timeout=limit)
        code: int | None = process.returncode
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)
        out, err = process.communicate()
        code = None
    seconds = time.monotonic() - started
    try:
        peak_kb = float(usage.read_text().split()[-1])
    except (OSError, ValueError, IndexError):
        peak_kb = 0.0
    opened = _opened(trace, ROOT) if trace.exists() else frozenset()
    return Run(command, code, seconds, peak_kb / 1024, out.decode("utf-8", "replace"),
               err.decode("utf-8", "replace"), opened)


def tools_present() -> bool:
    return shutil.which("strace") is not None and Path("/usr/bin/time").exists()


def run_limited(*args: str) -> subprocess.CompletedProcess[str]:
    """main.py with args, in a child limited in time and memory: a hang fails the test, not the suite."""
    launcher = (f"import resource, runpy, sys; resource.setrlimit(resource.RLIMIT_AS, ({MEMORY}, {MEMORY})); "
                "sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')")
    return subprocess.run([sys.executable, "-c", launcher, str(MAIN), *args], capture_output=True, text=True,
                          timeout=TIMEOUT, env=dict(os.environ), check=False)

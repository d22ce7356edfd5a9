"""Read aloud: from pressing it to the first word marked (mock) or the engine speaking (speechd), in ms.

Run by run.py in its own process, so the first press pays for starting the speech process (which
imports PySide6-Addons and makes the engine), as a reader's does. Prints one line:
"read_aloud ENGINE: to first word|speaking, first press X; later presses Y (max Z)".
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.content import default_pack_dir, load_pack  # noqa: E402
from reader.ui.settings import Settings  # noqa: E402
from reader.ui.style.fonts import register_fonts  # noqa: E402
from reader.ui.window.main_window import MainWindow  # noqa: E402

PRESSES = 6


def press_to(window: MainWindow, reached: str, timeout: float = 30) -> float | None:
    """ms from Read aloud to the first word marked ("word") or the engine speaking ("speaking")."""
    window.session.disclaimer_spoken = True  # the page's own first word, which is marked
    speaking: list[str] = []
    watched = None
    begin = time.perf_counter()
    window.read_aloud.start()
    while time.perf_counter() - begin < timeout:
        QApplication.processEvents()
        client = window.read_aloud._speech  # the speech process, made on the first press
        if client is not None and client is not watched:
            client.stateChanged.connect(speaking.append)
            watched = client
        if reached == "word" and any(word for *_, word in window.reading.spoken_marks):
            break
        if reached == "speaking" and "Speaking" in speaking:
            break
        time.sleep(0.001)
    else:
        window.read_aloud.stop()
        return None
    elapsed = (time.perf_counter() - begin) * 1000
    window.read_aloud.stop()
    return elapsed


def main() -> int:
    app = QApplication([])
    engine = sys.argv[1]
    window = MainWindow(load_pack(default_pack_dir()), Settings(None), register_fonts(), speech_engine=engine)
    window.show()
    window.start.run_now()
    reached = "word" if engine == "mock" else "speaking"
    times = [press_to(window, reached) for _ in range(PRESSES)]
    if any(t is None for t in times):
        print(f"read_aloud {engine}: no {reached} within 30 s ({window.read_aloud.unavailable or 'no reason given'})")
        return 1
    first, later = times[0], times[1:]
    print(f"read_aloud {engine}: to first {reached}, first press {first:.0f}; "
          f"later presses {statistics.median(later):.0f} (max {max(later):.0f})")
    window.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())

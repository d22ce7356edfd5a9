"""The longest the window keeps a click or key press waiting while it finishes starting.

Run by `make bench` in a fresh process (first uses of Qt classes are part of the
cost): the window as `atl-reader` builds it, timed stage by stage after its first
frame, then each step of building the search index and of measuring a long
contents list. Prints one line.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from reader.content import default_pack_dir, load_pack
    from reader.ui.app import create_app
    from reader.ui.settings import Settings
    from reader.ui.style.fonts import register_fonts
    from reader.ui.widgets.navigator import NavigatorTree
    from reader.ui.window.main_window import MainWindow
    from reader.ui.window.search_controller import SearchController
    from reader.ui.window.staged_start import Stage

    app = create_app([sys.argv[0]])
    stages: list[float] = []
    steps: list[float] = []
    measures: list[float] = []

    def timed(action: Callable[[], object], into: list[float]) -> Callable[[], None]:
        def run() -> None:
            begin = time.perf_counter()
            action()
            into.append((time.perf_counter() - begin) * 1000)
        return run

    class Timed(MainWindow):
        def _stages(self) -> tuple[Stage, ...]:
            return tuple((name, timed(run, stages)) for name, run in super()._stages())

    build_a_step = SearchController._build_a_step
    SearchController._build_a_step = lambda self: timed(lambda: build_a_step(self), steps)()  # type: ignore[method-assign]
    measure_rows = NavigatorTree._measure_next_rows
    NavigatorTree._measure_next_rows = lambda self: timed(lambda: measure_rows(self), measures)()  # type: ignore[method-assign]
    pack_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else default_pack_dir()
    window = Timed(load_pack(pack_dir), Settings(None), register_fonts(), finish_after_first_paint=True)
    window.show()
    deadline = time.monotonic() + 30
    while not (window.start.is_ready and window.search_controller.ready and window.navigator.measured) \
            and time.monotonic() < deadline:
        app.processEvents()
    contents = f"; contents measured {max(measures):.1f} ({len(measures)} steps)" if measures else ""
    print(f"pauses: stages {max(stages):.1f} ({', '.join(f'{s:.0f}' for s in stages)}); "
          f"index steps {max(steps):.1f} ({len(steps)} steps){contents}")
    window.close()
    window.deleteLater()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())

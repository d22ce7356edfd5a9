"""Soak: thousands of random kiosk actions and idle resets; reports RSS growth and errors.

Run by `make bench` (SOAK_ACTIONS sets the count, default 10,000). Offscreen,
in one process, the way a waiting-room kiosk runs all day.
"""

from __future__ import annotations

import os
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def soak(actions: int, seed: int = 1) -> dict[str, float | int | list[str]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from reader.content import default_pack_dir, load_pack
    from reader.kiosk.config import KioskConfig
    from reader.navigation import Location
    from reader.ui.app import create_app
    from reader.ui.kiosk.mode import KioskController
    from reader.ui.settings import Settings
    from reader.ui.style.fonts import register_fonts
    from reader.ui.window.main_window import MainWindow

    app = create_app([sys.argv[0]])
    pack = load_pack(default_pack_dir())
    window = MainWindow(pack, Settings(None), register_fonts(), search_debounce_ms=0)
    kiosk = KioskController(window.kiosk_surface(), KioskConfig(), idle_ms=3_600_000)
    window.resize(1280, 800)
    window.show()
    rng = random.Random(seed)
    ids = [s.id for s in pack.sections]
    words = ["chemo", "transplant", "cure", "trial", "remision", "leukaemia", "xqzv", "htlv 1", "watch and wait"]
    errors: list[str] = []

    def step() -> None:
        choice = rng.randrange(9)
        if choice == 0:
            window.navigation.open_location(Location(rng.choice(ids)))
        elif choice == 1:
            kiosk.window.type_into_search(rng.choice(words))
            window.search_controller.run_search(window.search_panel.field.text())
        elif choice == 2:
            window.search_panel.clear()
        elif choice == 3:
            window.appearance.apply_text_scale(rng.choice([100, 125, 150, 200, 300]))
        elif choice == 4:
            window.search_controller.show_next_match()
        elif choice == 5:
            window.navigation.go_back()
        elif choice == 6:
            window.reading.verticalScrollBar().setValue(rng.randrange(0, 2000))
        elif choice == 7:
            window.show_external_address("https://clinicaltrials.gov/")
        else:
            kiosk.ask_if_still_reading()
            kiosk.reset_for_next_person() if rng.random() < 0.5 else kiosk.keep_reading()
            kiosk.start_reading()
        app.processEvents()

    for _ in range(1000):  # warm up: caches, glyphs and layouts at every text size
        step()
    before = rss_mb()
    began = time.perf_counter()
    for _ in range(actions):
        try:
            step()
        except Exception:  # noqa: BLE001 - the soak counts every failure
            errors.append(traceback.format_exc(limit=3))
    seconds = time.perf_counter() - began
    after = rss_mb()
    window.close()
    kiosk.deleteLater()
    window.deleteLater()
    app.processEvents()
    return {"actions": actions, "seconds": seconds, "rss_before": before, "rss_after": after, "errors": errors}


if __name__ == "__main__":
    result = soak(int(os.environ.get("SOAK_ACTIONS", "10000")))
    growth = result["rss_after"] - result["rss_before"]
    print(f"soak: {result['actions']} actions, {result['seconds']:.0f} s: RSS {growth:+.1f} MB "
          f"({result['rss_before']:.0f} -> {result['rss_after']:.0f}), {len(result['errors'])} errors")
    for error in result["errors"][:3]:
        print(error)

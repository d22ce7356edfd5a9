"""`make screenshot`: the README's picture, made by the app itself (offscreen)."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from reader.content import default_pack_dir, load_pack  # noqa: E402
from reader.navigation import Location  # noqa: E402
from reader.ui.app import create_app  # noqa: E402
from reader.ui.settings import Settings  # noqa: E402
from reader.ui.style.fonts import register_fonts  # noqa: E402
from reader.ui.window.main_window import MainWindow  # noqa: E402


def settle(app) -> None:
    loop = QEventLoop()
    QTimer.singleShot(50, loop.quit)
    loop.exec()


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshot.png"
    app = create_app([sys.argv[0]])
    window = MainWindow(load_pack(default_pack_dir()), Settings(None), register_fonts(), search_debounce_ms=0)
    window.resize(1200, 760)
    window.show()
    window.navigation.open_location(Location("treatment-options"))
    window.search_panel.field.setText("transplant")
    window.search_controller.run_search("transplant")
    settle(app)
    window.grab().save(str(out))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

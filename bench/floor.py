"""The floor: the cheapest possible PySide6 reader, a bare window with one QTextBrowser.

Shows the same HTML the reader shows first, and prints the same "painted" marker.
"""

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser


class FirstPaint(QObject):
    def eventFilter(self, watched, event):  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: print(f"painted {time.time():.6f}", flush=True))
        return False


app = QApplication(sys.argv[:1])
window = QMainWindow()
browser = QTextBrowser()
with open(sys.argv[1], encoding="utf-8") as handle:
    browser.setHtml(handle.read())
window.setCentralWidget(browser)
watcher = FirstPaint()
browser.viewport().installEventFilter(watcher)
window.resize(1100, 780)
window.show()
sys.exit(app.exec())

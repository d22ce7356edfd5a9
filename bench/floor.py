"""The floor: the cheapest possible PySide6 reader, a bare window with one QTextBrowser.

Shows the same HTML the reader shows first, and prints the same "painted" marker
at the same moment: when the text view's first paint ends.
"""

import sys
import time

from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser


class Browser(QTextBrowser):
    painted = False

    def paintEvent(self, event):  # noqa: N802
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            print(f"painted {time.time():.6f}", flush=True)


app = QApplication(sys.argv[:1])
window = QMainWindow()
browser = Browser()
with open(sys.argv[1], encoding="utf-8") as handle:
    browser.setHtml(handle.read())
window.setCentralWidget(browser)
window.resize(1100, 780)
window.show()
sys.exit(app.exec())

"""Starting the reader window: the GUI entry point, where errors become messages."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

from reader import APP_ID, APP_NAME, __version__
from reader.content import PackError, default_pack_dir, load_pack
from reader.content.model import Pack
from reader.ui.settings import Settings, default_settings_path
from reader.ui.style.fonts import register_fonts

if TYPE_CHECKING:
    from reader.kiosk.config import KioskConfig
    from reader.ui.single_instance import SingleInstance
    from reader.ui.window.main_window import MainWindow


def report_painted() -> None:
    """For --bench: the marker the benchmark waits for, as the first page paint ends."""
    print(f"painted {time.time():.6f}", flush=True)


class _ReportFirstPaint(QObject):
    """For --bench: report_painted as widget's first paint ends (a widget with no firstPainted of its own)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, report_painted)  # once the paint this event starts has ended
        return False


def error_window(message: str, where: str, *, pack_dir: str | None = None, family: str | None = None) -> QMainWindow:
    """A full-window message for a pack that cannot be shown: what is wrong, where, and who can fix it."""
    import html
    import shlex

    from PySide6.QtGui import QFont

    window = QMainWindow()
    window.setWindowTitle(APP_NAME)
    label = QLabel(window)
    label.setWordWrap(True)
    label.setMargin(32)
    if family:  # the reader's own face, at its reading size: a patient may be the one who sees this
        font = QFont(family)
        font.setPixelSize(18)
        label.setFont(font)
    text = QApplication.translate("App", "The summary cannot be shown.")
    ask = QApplication.translate("App", "Please tell a member of staff.")
    # The message and path come from the disk, so they are text, not markup.
    parts = [f"<h1>{html.escape(text)}</h1>", f"<p>{html.escape(message)}</p>",
             f"<p><code>{html.escape(where)}</code></p>", f"<p>{html.escape(ask)}</p>"]
    if pack_dir:
        check = QApplication.translate("App", "For staff: {command} lists every problem in this content.")
        parts.append("<p>" + html.escape(check).format(
            command=f"<code>{html.escape('atl-reader check ' + shlex.quote(pack_dir))}</code>") + "</p>")
    label.setText("".join(parts))
    label.setAccessibleName(text)
    label.setAccessibleDescription(f"{message} {where} {ask}")
    window.setCentralWidget(label)
    window.resize(800, 500)
    return window


def create_app(argv: list[str]) -> QApplication:
    # instance() is typed as the core class; in this process it is always the QApplication made here.
    app = cast(QApplication, QApplication.instance() or QApplication(argv))
    app.setApplicationName(APP_ID)
    app.setDesktopFileName(APP_ID)  # the Wayland app id and X11 class match atl-reader.desktop
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def run(args: argparse.Namespace) -> int:
    from reader.display import missing_display

    problem = missing_display(os.environ, sys.platform)
    if problem is not None:
        print(f"{APP_ID}: error: {problem}", file=sys.stderr)
        return 1
    app = create_app(sys.argv[:1])
    family = register_fonts()
    content: Path = args.content or default_pack_dir()
    config = _kiosk_config(args) if args.kiosk else None
    self_testing = bool(getattr(args, "self_test", False))
    if config is not None and config.refusal is not None:
        # Checked before a byte of the pack is read: the file asked for a check that cannot be made.
        from reader.kiosk.config import default_config_path

        where = str(args.config or default_config_path())
        print(f"{APP_ID}: error: {where}: {config.refusal}", file=sys.stderr)
        return _refuse(config.refusal, where, None, family, self_testing)
    trust: Path | None = getattr(args, "trust", None) or (config.trust_key if config else None)
    try:
        pack: Pack = _open_pack(content, trust)
    except PackError as exc:
        print(f"{APP_ID}: error: {exc}", file=sys.stderr)
        return _refuse(exc.problem.message, exc.problem.path, str(content), family, self_testing)
    from reader.ui.window.main_window import MainWindow

    if config is not None:
        return run_kiosk(args, config, pack, family)
    instance = _only_instance()
    if instance is None:
        print(f"{APP_NAME} is already open: bringing it to the front.")
        return 0
    settings = Settings(default_settings_path())
    # A self-test checks the whole window at once, so it is built in full before it shows.
    window = MainWindow(pack, settings, family, finish_after_first_paint=not self_testing,
                        speech_engine="mock" if self_testing else args.speech_engine)
    instance.raiseRequested.connect(window.come_forward)
    _report_damage(window, content, trusted=trust is not None)
    from reader.error_log import install_error_log

    install_error_log(None, window.apologise)
    if args.section:
        located = pack.locate(args.section)
        if located is None:
            print(f"{APP_ID}: warning: no section '{args.section}'; opening the first one", file=sys.stderr)
        else:
            from reader.navigation import Location

            window.navigation.open_location(Location(located[0].id, located[1]))
    if args.bench:
        window.reading.firstPainted.connect(report_painted)
    window.show()
    if self_testing:
        return self_test(window)
    return app.exec()


def self_test(window: MainWindow) -> int:
    """For installers and bundles: every section shown, a search answered, then exit (0 = all worked)."""
    from reader.navigation import Location

    for section in window.pack.sections:
        window.navigation.open_location(Location(section.id))
        QApplication.processEvents()
        if not window.reading.toPlainText().strip():
            print(f"{APP_ID}: self-test: section '{section.id}' showed no text", file=sys.stderr)
            return 1
    result = window.search_controller.index.search("transplant")
    if not result.hits:
        print(f"{APP_ID}: self-test: search found nothing", file=sys.stderr)
        return 1
    if not _reads_a_word_aloud(window):
        print(f"{APP_ID}: self-test: read aloud marked no word (Qt's mock speech engine)", file=sys.stderr)
        return 1
    print(f"self-test passed: {len(window.pack.sections)} sections shown, "
          f"search found {len(result.hits)} for 'transplant', read aloud followed a word")
    window.close()
    return 0


def _reads_a_word_aloud(window: MainWindow, seconds: float = 5) -> bool:
    """The first page read aloud through the mock engine (the speech plugins are in place) up to its first word."""
    from reader.navigation import Location

    window.navigation.open_location(Location(window.pack.home.id))
    window.session.disclaimer_spoken = True  # straight to the page, whose words are marked
    window.read_aloud.start()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not any(word for *_, word in window.reading.spoken_marks):
        QApplication.processEvents()
        time.sleep(0.01)
    said = any(word for *_, word in window.reading.spoken_marks)
    window.read_aloud.stop()
    return said


def _only_instance() -> SingleInstance | None:
    """The lock that makes this the only reader window, or None (the first one was asked to come forward)."""
    from reader.ui.single_instance import SingleInstance

    folder = Path(os.environ.get("XDG_RUNTIME_DIR") or default_settings_path().parent)
    instance = SingleInstance(folder)
    if instance.acquire():
        return instance
    instance.ask_first_to_raise()
    return None


def _kiosk_config(args: argparse.Namespace) -> KioskConfig:
    from reader.kiosk.config import default_config_path, load_kiosk_config

    config, problems = load_kiosk_config(args.config or default_config_path())
    for problem in problems:
        print(f"{APP_ID}: warning: {problem}", file=sys.stderr)
    return config.with_idle_timeout(getattr(args, "idle_timeout", None))


def _refuse(message: str, where: str, pack_dir: str | None, family: str, self_testing: bool) -> int:
    """Show why nothing can be shown, until the window is closed; exit 1.

    A self-test is an installer's check: its answer is the exit code, not a window waiting to be closed.
    """
    if self_testing:
        return 1
    window = error_window(message, where, pack_dir=pack_dir, family=family)
    window.show()
    QApplication.instance().exec()  # type: ignore[union-attr]
    return 1


def _open_pack(content: Path, trusted_key: Path | None) -> Pack:
    """The pack to show; with a pinned key, only one it vouches for (no section of another is shown)."""
    if trusted_key is None:
        return load_pack(content)
    from reader.content.integrity import load_verified

    return load_verified(content, trusted_key)


def _report_damage(window: QMainWindow, content: Path, *, trusted: bool) -> None:
    """Without a pinned key, files that no longer match SHA256SUMS are reported as damage."""
    if trusted or not (content / "SHA256SUMS").is_file():
        return  # verified in full already, or nothing to compare with (and no hashing to import)
    from reader.content.integrity import check_sums

    problems = check_sums(content)
    if problems:
        text = QApplication.translate("App", "Some content files do not match their checksums and may be damaged: "
                                             "{detail}.").format(detail="; ".join(str(p) for p in problems[:3]))
        print(f"{APP_ID}: warning: {text}", file=sys.stderr)
        window.show_notice(text)  # type: ignore[attr-defined]


def run_kiosk(args: argparse.Namespace, config: KioskConfig, pack: Pack, family: str) -> int:
    """The waiting-room kiosk: nothing is stored, and the window locks itself down."""
    from reader.error_log import install_error_log
    from reader.ui.kiosk.mode import KioskController
    from reader.ui.window.main_window import MainWindow

    window = MainWindow(config.pack_shown(pack), Settings(None), family,
                        speech_engine=args.speech_engine or config.speech_engine)
    install_error_log(config.log_file, window.apologise)
    _report_damage(window, args.content or default_pack_dir(), trusted=config.trust_key is not None)
    kiosk = KioskController(window.kiosk_surface(), config)
    if args.bench:  # a kiosk's first frame is its welcome screen: the text is hidden under it
        _ReportFirstPaint(kiosk.attract)
    # The whole screen even where no window manager honours "full screen" (cage, bare X).
    window.setGeometry(window.screen().geometry())
    window.showFullScreen()
    kiosk.start()
    return QApplication.instance().exec()  # type: ignore[union-attr]

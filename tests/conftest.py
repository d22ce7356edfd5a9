"""Shared fixtures: offscreen Qt, a private home, and no network for any test."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow

# Set before any Qt import: the tests never need a display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
SEED = Path(__file__).resolve().parent / "data" / "000_53613554d1067897.txt"


class NetworkUsed(AssertionError):
    pass


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to connect a socket fails the test: the reader is offline."""

    def refuse(self: socket.socket, address: object) -> None:
        raise NetworkUsed(f"network connection attempted to {address!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(None, a))  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Nothing a test does may touch the real user's settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    return home


@pytest.fixture(scope="session")
def pack():
    from reader.content import load_pack

    return load_pack(CONTENT)


@pytest.fixture
def make_pack(tmp_path: Path):
    """Write a small pack: make_pack({"a.md": "# A\n\ntext"}) -> its folder."""

    def make(files: dict[str, str | bytes], manifest_extra: str = "", sections: list[str] | None = None) -> Path:
        root = tmp_path / "pack"
        (root / "sections").mkdir(parents=True, exist_ok=True)
        names = sections if sections is not None else list(files)
        entries = "".join(
            f'\n[[sections]]\nid = "{Path(name).stem}"\nfile = "sections/{name}"\n' for name in names
        )
        (root / "manifest.toml").write_text(
            'title = "Test pack"\nkind = "Medically reviewed summary"\nlast_updated = 2026-05-08\n'
            'language = "en"\ndisclaimer = "Medical disclaimer: test."\nsource = "seed.txt"\n'
            + manifest_extra + entries,
            encoding="utf-8",
        )
        for name, body in files.items():
            path = root / "sections" / name
            if isinstance(body, bytes):
                path.write_bytes(body)
            else:
                path.write_text(body, encoding="utf-8")
        return root

    return make


@pytest.fixture
def family(qapp) -> str:
    """The bundled typeface, registered (windows need it)."""
    from reader.ui.style.fonts import register_fonts

    return register_fonts()


@pytest.fixture
def own(qapp):
    """own(window): the test's window, closed and deleted when the test ends.

    qtbot.addWidget keeps a weak reference and deletes later, so a window could
    outlive its Python side (a kiosk even refuses to close). Its focus ring, which
    listens to the application's focus changes, would then fail in a later test.
    """
    import shiboken6

    windows: list = []

    def keep(window):
        windows.append(window)
        return window

    yield keep
    for window in windows:
        if shiboken6.isValid(window):
            window.close()
            shiboken6.delete(window)


@pytest.fixture
def make_window(qtbot, own, pack, tmp_path, family):
    """Open a reader window as a user would see it: make_window(settings_path, the_pack, size)."""
    from reader.ui.settings import Settings
    from reader.ui.window.main_window import MainWindow

    def make(settings_path: Path | None = None, the_pack=None, size=(1100, 780), speech_engine="mock") -> MainWindow:
        settings = Settings(settings_path or tmp_path / "settings.ini")
        # Qt's mock speech engine: a word each 100 ms, and no sound from the machine running the tests.
        window = own(MainWindow(the_pack or pack, settings, family, search_debounce_ms=10,
                                speech_engine=speech_engine))
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.search_controller.ready)  # search is set up just after the window opens
        return window

    return make


@pytest.fixture
def window(make_window) -> MainWindow:
    """A reader window at 1100×780 with its own settings file."""
    return make_window()


@pytest.fixture
def keys(tmp_path: Path) -> tuple[Path, Path]:
    """A fresh Ed25519 key pair: (private, public)."""
    from reader.content.integrity import make_key_pair

    private, public = tmp_path / "k.key", tmp_path / "k.pub"
    make_key_pair(private, public)
    return private, public


@pytest.fixture
def signed(make_pack, keys) -> Path:
    """A two-section pack signed with keys."""
    from reader.content.integrity import sign_pack

    root = make_pack({"a.md": "# A\n\nThe reviewed words.", "b.md": "# B\n\nMore words."})
    sign_pack(root, keys[0])
    return root

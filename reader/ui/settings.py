"""Remembered preferences on QSettings: validated on read, never fatal on write."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Collection
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QStandardPaths, QTimer

from reader import APP_ID, textscale
from reader.speech.voice import SPEEDS
from reader.style.stylesheet import LINE_HEIGHTS, PARAGRAPH_SPACINGS

#: Changes made within this long of each other are written together (ms). A reader
#: stepping the text size or turning pages then waits on no disk write, which
#: with a sync to disk can take longer than a frame on an old laptop.
SAVE_DELAY_MS = 500

_TEXT_PERCENT = "reading/text_percent"
_LAST_SECTION = "reading/last_section"
_LAST_PLACE = "reading/last_place"
_GEOMETRY = "window/geometry"
_THEME = "reading/theme"
_LINE_HEIGHT = "reading/line_height"
_PARAGRAPH = "reading/paragraph_spacing"
_PLAIN_OPEN = "reading/plain_words_open"
_SPEECH_SPEED = "speech/speed"
_SPEECH_VOICE = "speech/voice"
_CLINIC = "handout/clinic"
_PHONE = "handout/phone"
#: The theme choices a stored value may hold; anything else means "system".
THEME_CHOICES = ("system", "light", "dark", "contrast")


def default_settings_path() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(base or Path.home() / ".config") / APP_ID / "settings.ini"


def _what_is(path: Path) -> str:
    """What the settings file is: "file" (or nothing yet), "link" to a file, or "special" (folder, device, pipe).

    Asked before QSettings opens the file: opening a pipe for reading waits for a writer
    (the window never appeared), and QSettings saves through a link onto what it points to.
    """
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return "file"  # missing, or its folder cannot be made: QSettings reports that when saving
    if not stat.S_ISLNK(mode):
        return "file" if stat.S_ISREG(mode) else "special"
    try:
        return "link" if stat.S_ISREG(os.stat(path).st_mode) else "special"
    except OSError:
        return "link"  # a link to nothing yet: saving would make the file it points to


class _LineOfText:
    """A remembered line of text, trimmed and cut to limit characters, on a Settings attribute."""

    def __init__(self, key: str, *, limit: int) -> None:
        self._key = key
        self._limit = limit

    def __get__(self, settings: Settings, owner: type | None = None) -> str:
        value = settings._get(self._key)
        return value[:self._limit] if isinstance(value, str) else ""

    def __set__(self, settings: Settings, text: str) -> None:
        settings._set(self._key, text.strip()[:self._limit])


class _Choice:
    """A remembered choice among names, on a Settings attribute: anything else is read, and stored, as default."""

    def __init__(self, key: str, choices: Collection[str], default: str) -> None:
        self._key = key
        self._choices = choices
        self._default = default

    def __get__(self, settings: Settings, owner: type | None = None) -> str:
        value = settings._get(self._key)
        return value if isinstance(value, str) and value in self._choices else self._default

    def __set__(self, settings: Settings, choice: str) -> None:
        settings._set(self._key, choice if choice in self._choices else self._default)


class Settings:
    """Text size, last section and window geometry.

    With path=None nothing is stored (kiosk mode): values live for the run only.
    A corrupt or unwritable store gives defaults and a warning, never an error.
    Changes are written SAVE_DELAY_MS after the last one, at save(), and as the
    application quits.
    """

    def __init__(self, path: Path | None) -> None:
        self._memory: dict[str, object] = {}
        #: Changes not yet written.
        self._pending: dict[str, object] = {}
        self._save_timer: QTimer | None = None
        self._store: QSettings | None = None
        self._save_failure_reported = False
        #: Called once with the settings file's path when saving fails, so the window can say so.
        self.on_save_failed: Callable[[str], None] | None = None
        self._path = path
        if path is not None and _what_is(path) == "special":
            # Kept for the run only, like a kiosk's: nothing is read from it or written to it.
            print(f"atl-reader: warning: settings file {path} is not an ordinary file; "
                  "using defaults, and nothing will be saved", file=sys.stderr)
        elif path is not None:
            self._store = QSettings(str(path), QSettings.Format.IniFormat)
            if self._store.status() != QSettings.Status.NoError:
                print(f"atl-reader: warning: settings file {path} could not be read; using defaults", file=sys.stderr)

    def _get(self, key: str) -> object:
        if self._store is None:
            return self._memory.get(key)
        if key in self._pending:
            return self._pending[key]
        try:
            return self._store.value(key)
        except Exception:  # a value QSettings cannot convert: treat as missing
            return None

    def _set(self, key: str, value: object) -> None:
        if self._store is None:
            self._memory[key] = value
            return
        stored = self._get(key)
        # The INI file gives numbers back as text, so 100 and "100" are the same setting.
        if stored == value or isinstance(value, (int, float)) and stored == str(value):
            return  # nothing changed: no disk write (start-up opens and sizes the window)
        self._pending[key] = value
        self._save_soon()

    def _save_soon(self) -> None:
        if self._save_timer is None:
            self._save_timer = QTimer()
            self._save_timer.setSingleShot(True)
            self._save_timer.setInterval(SAVE_DELAY_MS)
            self._save_timer.timeout.connect(self.save)
            application = QCoreApplication.instance()
            if application is not None:
                application.aboutToQuit.connect(self.save)
        self._save_timer.start()

    def save(self) -> None:
        """Write the changes not yet written, now (the window does as it closes)."""
        if self._save_timer is not None:
            self._save_timer.stop()
        if self._store is None or not self._pending:
            return
        kind = "file" if self._path is None else _what_is(self._path)
        if kind != "file":
            # Never through a link (QSettings would overwrite the file it points to), nor onto
            # a pipe or device put there since the start. The changes stay pending, so they last the run.
            why = ("it is a link to another file, which is never written through" if kind == "link"
                   else "it is not an ordinary file")
            self._report_save_failure(f"settings were not saved to {self._path}: {why}")
            return
        for key, value in self._pending.items():
            self._store.setValue(key, value)
        self._pending.clear()
        self._store.sync()
        # Only AccessError means the write failed: a corrupt file that was just rewritten
        # still reports FormatError (sync re-reads it first). The flag is separate from
        # the read warning, so an unreadable file at start cannot silence a failed save.
        if self._store.status() == QSettings.Status.AccessError:
            self._report_save_failure(f"settings could not be saved to {self._store.fileName()}")

    def _report_save_failure(self, what: str) -> None:
        """Say once, on stderr and through on_save_failed, that changes last only until the reader closes."""
        if self._save_failure_reported or self._store is None:
            return
        self._save_failure_reported = True
        print(f"atl-reader: warning: {what}; they will last until you close the reader", file=sys.stderr)
        if self.on_save_failed is not None:
            self.on_save_failed(self._store.fileName())

    @property
    def text_percent(self) -> int:
        return textscale.clamp(self._get(_TEXT_PERCENT))

    @text_percent.setter
    def text_percent(self, percent: int) -> None:
        self._set(_TEXT_PERCENT, textscale.clamp(percent))

    @property
    def last_section(self) -> str | None:
        value = self._get(_LAST_SECTION)
        return value if isinstance(value, str) and value else None

    @last_section.setter
    def last_section(self, section_id: str) -> None:
        self._set(_LAST_SECTION, section_id)

    @property
    def last_place(self) -> int:
        """Where in last_section's text the reader was: the position at the top of the view (0: its top)."""
        value = self._get(_LAST_PLACE)  # the INI file gives it back as text; missing or garbled: the top
        return int(value) if isinstance(value, (int, str)) and str(value).isdigit() else 0

    @last_place.setter
    def last_place(self, position: int) -> None:
        self._set(_LAST_PLACE, max(0, position))

    @property
    def geometry(self) -> QByteArray | None:
        value = self._get(_GEOMETRY)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._set(_GEOMETRY, value)

    #: The theme chosen in View > Theme, or "system".
    theme = _Choice(_THEME, THEME_CHOICES, "system")

    @property
    def line_height(self) -> int:
        value = self._get(_LINE_HEIGHT)
        number = int(value) if isinstance(value, (int, str)) and str(value).isdigit() else 150
        return number if number in LINE_HEIGHTS else 150

    @line_height.setter
    def line_height(self, percent: int) -> None:
        self._set(_LINE_HEIGHT, percent if percent in LINE_HEIGHTS else 150)

    @property
    def paragraph_spacing(self) -> float:
        try:
            value = float(str(self._get(_PARAGRAPH)))
        except ValueError:
            return PARAGRAPH_SPACINGS[0]
        return value if value in PARAGRAPH_SPACINGS else PARAGRAPH_SPACINGS[0]

    @paragraph_spacing.setter
    def paragraph_spacing(self, em: float) -> None:
        self._set(_PARAGRAPH, str(em if em in PARAGRAPH_SPACINGS else PARAGRAPH_SPACINGS[0]))

    @property
    def plain_words_open(self) -> bool | None:
        """Whether the reader opened (True) or folded (False) the "In plain words" box; None: never chose."""
        value = str(self._get(_PLAIN_OPEN)).lower()
        return True if value == "true" else False if value == "false" else None

    @plain_words_open.setter
    def plain_words_open(self, open_: bool) -> None:
        self._set(_PLAIN_OPEN, "true" if open_ else "false")

    #: How fast Read aloud speaks: one of speech.voice.SPEEDS.
    speech_speed = _Choice(_SPEECH_SPEED, SPEEDS, "normal")

    #: The voice Read aloud speaks in, by name ("" for the engine's own).
    speech_voice = _LineOfText(_SPEECH_VOICE, limit=200)
    #: The clinic's name and phone number for handouts, one trimmed line each.
    clinic = _LineOfText(_CLINIC, limit=200)
    phone = _LineOfText(_PHONE, limit=60)

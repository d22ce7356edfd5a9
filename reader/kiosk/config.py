"""The kiosk configuration file (TOML): idle timeout, staff PIN, text size, printing, log, trust key."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader import APP_ID

if TYPE_CHECKING:
    from reader.content.model import Pack

IDLE_MIN, IDLE_MAX, IDLE_DEFAULT = 30, 1800, 120
PROMPT_SECONDS = 30


def default_config_path() -> Path:
    """Where an administrator puts the kiosk file when --config is not given."""
    if sys.platform == "win32":
        return Path("C:/ProgramData") / APP_ID / "kiosk.toml"
    return Path("/etc") / APP_ID / "kiosk.toml"


@dataclass(frozen=True)
class KioskConfig:
    """How the kiosk behaves; every field has a safe default."""

    #: Seconds without touch, mouse or keys before "Still reading?".
    idle_timeout: int = IDLE_DEFAULT
    #: Seconds the prompt counts down before the session resets.
    prompt_seconds: int = PROMPT_SECONDS
    #: The salted hash of the PIN staff type after the corner long-press to leave
    #: (`atl-reader kiosk-pin` makes it); None: no way out.
    exit_pin: str | None = None
    #: Reading text size at the start of every session, in percent.
    text_percent: int = 150
    #: Printing is off unless the file turns it on and names a printer.
    print_enabled: bool = False
    printer: str | None = None
    #: Where errors are written; None: standard error.
    log_file: Path | None = None
    #: Read aloud: on, unless the waiting room has no headphones (then its button is off, with the reason).
    read_aloud: bool = True
    #: Which of Qt's speech engines reads aloud ("speechd", "sapi", "darwin", "mock"...); "": the platform's.
    speech_engine: str = ""
    #: Show plain-language companions no clinician has checked yet (labelled so); false hides them.
    plain_unchecked: bool = True
    #: A pinned Ed25519 public key: only packs signed with it are shown.
    trust_key: Path | None = None
    #: Why no content may be shown (a trust key that is set but unusable), a sentence for
    #: staff; None: show it. The verification the file asks for cannot be done, so the
    #: kiosk fails closed: the app shows this instead of any of the pack.
    refusal: str | None = None

    def with_idle_timeout(self, seconds: int | None) -> KioskConfig:
        """The command line overrides the file."""
        return self if seconds is None else replace(self, idle_timeout=seconds)

    def pack_shown(self, pack: Pack) -> Pack:
        """The pack as this kiosk shows, searches and prints it: plain-language versions no clinician has
        checked are left out where plain_unchecked is false."""
        return pack if self.plain_unchecked else pack.without_unchecked_plain()


def check_idle_timeout(seconds: int) -> str | None:
    """A sentence saying what is wrong with seconds, or None if it is usable."""
    if not IDLE_MIN <= seconds <= IDLE_MAX:
        return f"the idle timeout must be from {IDLE_MIN} to {IDLE_MAX} seconds"
    return None


#: The settings a kiosk file may hold (KioskConfig's other fields are not settings).
SETTINGS = ("idle_timeout", "prompt_seconds", "exit_pin", "text_percent", "print_enabled", "printer", "log_file",
            "trust_key", "read_aloud", "speech_engine", "plain_unchecked")
_NO_EXIT = "until then the kiosk has no staff exit (stop it from the system)"


def _letters(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def _looks_like_trust_key(name: str, value: object) -> bool:
    """Whether an unknown setting was probably meant as trust_key ("trust-key", "trusted_key", "trust" as
    in --trust, a [trust] table's "key", a misspelling, or any name for a .pub file)."""
    import difflib

    letters = _letters(name)
    words = set(re.split(r"[^a-z]+", name.lower()))  # "signing_key", but not "keyboard"
    return ("trust" in letters or bool(words & {"key", "keys", "pubkey", "publickey"})
            or difflib.SequenceMatcher(None, letters, "trustkey").ratio() >= 0.75
            or (isinstance(value, str) and value.strip().lower().endswith(".pub")))


def _settings_named(data: dict[str, object], prefix: str = "") -> list[tuple[str, object]]:
    """Every (dotted name, value) in data, tables opened: `[trust] key = ...` is ("trust.key", ...)."""
    named: list[tuple[str, object]] = []
    for key, value in data.items():
        name = prefix + key
        named.append((name, value))
        if isinstance(value, dict):
            named.extend(_settings_named(value, name + "."))
    return named


def _trust_key_refusal(data: dict[str, object]) -> str | None:
    """Why the file's trust key cannot be used (the content is then not shown), or None."""
    if "trust_key" in data:
        value = data["trust_key"]
        if not isinstance(value, str) or "\0" in value:
            return ("The trust_key setting must be the path of a public key file (.pub) in quotes, "
                    "so the content is not shown until it is.")
        if not value.strip():
            return ("The trust_key setting is empty, "
                    "so the content is not shown until it names a public key file (.pub).")
    for name, value in _settings_named(data):
        if name != "trust_key" and _looks_like_trust_key(name, value):
            return (f"The setting '{name}' looks like a misspelt trust_key, so the content is not shown until it is "
                    f"written as trust_key = \"/path/to/key.pub\" or removed.")
    return None


def _exit_pin(value: object) -> tuple[str | None, str | None]:
    """The stored PIN hash, or None and what is wrong with the value."""
    from reader.kiosk.pin import parse_pin_hash

    if isinstance(value, str) and parse_pin_hash(value) is not None:
        return value, None
    if isinstance(value, int | str) and not isinstance(value, bool) and str(value).strip().isdigit():
        return None, ("exit_pin: a PIN written as plain digits is not used; run 'atl-reader kiosk-pin' and put the "
                      f"line it prints in its place: {_NO_EXIT}")
    return None, f"exit_pin: not a line made by 'atl-reader kiosk-pin'; run it and use what it prints: {_NO_EXIT}"


def load_kiosk_config(path: Path | None) -> tuple[KioskConfig, list[str]]:
    """The configuration at path (defaults if it is absent) and what was wrong in it.

    A bad value never stops the kiosk: it is reported and its default is used. A
    trust key that is set but unusable (empty, misspelt, or in a file that cannot
    be read) sets `refusal` instead: the content must then not be shown.
    """
    import tomllib

    if path is None or (path == default_config_path() and not path.exists()):
        return KioskConfig(), []  # no file where none was named: the defaults, unsigned packs allowed
    if not path.is_file():
        # A file named on the command line that is not there may be the one pinning a key: fail closed.
        what = "was not found" if not path.exists() else "is not a regular file"
        return KioskConfig(refusal=f"The kiosk settings file {what}, so it is not known whether it pins a trust "
                                   "key, and no content is shown."), []
    try:
        raw = path.read_bytes()
    except OSError as exc:
        # Unknown is not "no key": a kiosk file made unreadable to its user may pin one.
        return KioskConfig(refusal=f"The kiosk settings file cannot be read ({exc.strerror}), so it is not known "
                                   "whether it pins a trust key, and the content is not shown until it can be."), []
    try:
        from reader.content.toml_files import loads  # a nesting bomb is a TOMLDecodeError, not a RecursionError

        data = loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        if "trustkey" in _letters(raw.decode("utf-8", errors="replace")):
            return KioskConfig(refusal=f"The kiosk settings file has an error ({exc}) and names a trust key, "
                                       "so the content is not shown until the file is corrected."), []
        return KioskConfig(), [f"{path}: cannot be read ({exc}); using the defaults"]
    refusal = _trust_key_refusal(data)
    if refusal is not None:
        return KioskConfig(refusal=refusal), []
    problems: list[str] = []
    values: dict[str, object] = {}

    def take(key: str, kind: type, valid: Callable[[Any], bool], message: str) -> None:
        if key not in data:
            return
        value = data[key]
        right_type = isinstance(value, kind) and (kind is not int or not isinstance(value, bool))  # True is an int
        if right_type and valid(value):
            values[key] = value
        else:
            problems.append(f"{path}: {key}: {message}; using the default")

    take("idle_timeout", int, lambda v: IDLE_MIN <= v <= IDLE_MAX, f"a whole number from {IDLE_MIN} to {IDLE_MAX}")
    take("prompt_seconds", int, lambda v: 5 <= v <= 300, "a whole number from 5 to 300")
    if "exit_pin" in data:
        values["exit_pin"], problem = _exit_pin(data["exit_pin"])
        if problem:
            problems.append(f"{path}: {problem}")
    take("text_percent", int, lambda v: 75 <= v <= 300, "a whole number from 75 to 300")
    take("print_enabled", bool, lambda v: True, "true or false")
    take("printer", str, lambda v: bool(v.strip()), "the printer's name")
    take("log_file", str, lambda v: bool(v.strip()), "a file path")
    take("trust_key", str, lambda v: bool(v.strip()), "the path of a public key (.pub)")
    take("read_aloud", bool, lambda v: True, "true or false")
    take("plain_unchecked", bool, lambda v: True, "true or false")
    take("speech_engine", str, lambda v: bool(re.fullmatch(r"[A-Za-z0-9_-]{1,40}", v)),
         "an engine's name, such as speechd")
    for key in ("log_file", "trust_key"):
        if key in values:
            values[key] = Path(str(values[key]))
    unknown = sorted(set(data) - set(SETTINGS))
    problems.extend(f"{path}: unknown setting '{key}'" for key in unknown)
    return replace(KioskConfig(), **values), problems  # type: ignore[arg-type]

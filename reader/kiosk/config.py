"""The kiosk configuration file (TOML): idle timeout, staff PIN, text size, printing, log."""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from pathlib import Path

from reader import APP_ID

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
    #: Digits staff type after the corner long-press to leave; None: no way out.
    exit_pin: str | None = None
    #: Reading text size at the start of every session, in percent.
    text_percent: int = 150
    #: Printing is off unless the file turns it on and names a printer.
    print_enabled: bool = False
    printer: str | None = None
    #: Where errors are written; None: standard error.
    log_file: Path | None = None
    #: A pinned Ed25519 public key: only packs signed with it are shown.
    trust_key: Path | None = None

    def with_idle_timeout(self, seconds: int | None) -> KioskConfig:
        """The command line overrides the file."""
        return self if seconds is None else replace(self, idle_timeout=seconds)


def check_idle_timeout(seconds: int) -> str | None:
    """A sentence saying what is wrong with seconds, or None if it is usable."""
    if not IDLE_MIN <= seconds <= IDLE_MAX:
        return f"the idle timeout must be from {IDLE_MIN} to {IDLE_MAX} seconds"
    return None


def load_kiosk_config(path: Path | None) -> tuple[KioskConfig, list[str]]:
    """The configuration at path (defaults if it is absent) and what was wrong in it.

    A bad value never stops the kiosk: it is reported and its default is used.
    """
    import tomllib

    if path is None or not path.is_file():
        return KioskConfig(), [] if path is None or path == default_config_path() else [f"{path}: not found"]
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return KioskConfig(), [f"{path}: cannot be read ({exc}); using the defaults"]
    problems: list[str] = []
    values: dict[str, object] = {}

    def take(key: str, kind: type, valid, message: str) -> None:  # type: ignore[no-untyped-def]
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
    take("exit_pin", str, lambda v: v.isdigit() and 4 <= len(v) <= 12, "4 to 12 digits, in quotes")
    take("text_percent", int, lambda v: 75 <= v <= 300, "a whole number from 75 to 300")
    take("print_enabled", bool, lambda v: True, "true or false")
    take("printer", str, lambda v: bool(v.strip()), "the printer's name")
    take("log_file", str, lambda v: bool(v.strip()), "a file path")
    take("trust_key", str, lambda v: bool(v.strip()), "the path of a public key (.pub)")
    for key in ("log_file", "trust_key"):
        if key in values:
            values[key] = Path(str(values[key]))
    unknown = sorted(set(data) - {f for f in KioskConfig.__dataclass_fields__})
    problems.extend(f"{path}: unknown setting '{key}'" for key in unknown)
    return replace(KioskConfig(), **values), problems  # type: ignore[arg-type]

"""The kiosk file: defaults, overrides, and bad values that never stop the kiosk."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT
from reader.kiosk.config import KioskConfig, check_idle_timeout, load_kiosk_config


def test_no_file_means_safe_defaults():
    config, problems = load_kiosk_config(None)
    assert config == KioskConfig() and problems == []
    assert config.idle_timeout == 120 and config.exit_pin is None and not config.print_enabled


def test_values_are_read_and_the_command_line_wins(tmp_path):
    from reader.kiosk.pin import hash_pin

    path = tmp_path / "kiosk.toml"
    pin_line = hash_pin("2468")
    path.write_text(f'idle_timeout = 300\nexit_pin = "{pin_line}"\ntext_percent = 200\nprint_enabled = true\n'
                    'printer = "Front desk"\n', encoding="utf-8")
    config, problems = load_kiosk_config(path)
    assert problems == []
    assert (config.idle_timeout, config.exit_pin, config.text_percent) == (300, pin_line, 200)
    assert config.print_enabled and config.printer == "Front desk"
    assert config.with_idle_timeout(45).idle_timeout == 45
    assert config.with_idle_timeout(None).idle_timeout == 300


def test_bad_values_are_reported_and_replaced_by_defaults(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text('idle_timeout = 5\nexit_pin = 1234\ntext_percent = true\ncolour = "red"\n', encoding="utf-8")
    config, problems = load_kiosk_config(path)
    assert config == KioskConfig()
    assert len(problems) == 4 and any("idle_timeout" in p for p in problems) and any("colour" in p for p in problems)
    path.write_text("this is not toml [", encoding="utf-8")
    config, problems = load_kiosk_config(path)
    assert config == KioskConfig() and "cannot be read" in problems[0]


def test_idle_timeout_range_is_explained():
    assert check_idle_timeout(30) is None and check_idle_timeout(1800) is None
    assert "30 to 1800" in check_idle_timeout(10)


def test_the_example_config_in_the_deployment_kit_is_valid():
    from conftest import ROOT

    config, problems = load_kiosk_config(ROOT / "deploy" / "kiosk" / "kiosk.toml")
    assert problems == [] and config.idle_timeout == 120 and config.text_percent == 150


# -- the staff PIN --------------------------------------------------------------------------


def test_a_pin_is_kept_as_a_salted_hash_only_its_own_pin_matches():
    from reader.kiosk.pin import hash_pin, pin_matches

    stored = hash_pin("2468")
    assert stored.startswith("scrypt$") and "2468" not in stored
    assert hash_pin("2468") != stored, "salted: the same PIN never gives the same line twice"
    assert pin_matches("2468", stored)
    assert not pin_matches("2469", stored) and not pin_matches("", stored) and not pin_matches("24680", stored)
    assert not pin_matches("2468", "2468"), "a PIN in plain text matches nothing"


@pytest.mark.parametrize("pin", ["١٢٣٤", "１２３４", "12a4", "123", "1234567890123", "", " 1234"])
def test_a_pin_is_4_to_12_plain_digits_0_to_9(pin):
    from reader.kiosk.pin import hash_pin, pin_matches, pin_problem

    assert pin_problem(pin) is not None
    with pytest.raises(ValueError):
        hash_pin(pin)
    ascii_twin = "".join(str(int(c)) for c in pin if c.isdigit())
    if 4 <= len(ascii_twin) <= 12:  # "١٢٣٤" is 1234 to str.isdigit(); it never opens the kiosk
        assert not pin_matches(pin, hash_pin(ascii_twin))


def _config(tmp_path, text: str | bytes):
    path = tmp_path / "kiosk.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return load_kiosk_config(path)


@pytest.mark.parametrize("line", ['exit_pin = "2468"', "exit_pin = 2468", 'exit_pin = "١٢٣٤"', 'exit_pin = "letmein"'])
def test_a_pin_not_made_by_kiosk_pin_is_refused_and_says_what_to_do(tmp_path, line):
    config, problems = _config(tmp_path, line + "\n")
    assert config.exit_pin is None
    assert len(problems) == 1
    assert "atl-reader kiosk-pin" in problems[0] and "no staff exit" in problems[0]


def test_the_line_kiosk_pin_prints_is_what_the_kiosk_reads(tmp_path):
    from reader.kiosk.pin import pin_matches

    made = subprocess.run([sys.executable, str(ROOT / "main.py"), "kiosk-pin"], check=False, input="2468\n",
                          capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, made.stderr
    line = made.stdout.strip()
    assert line.startswith('exit_pin = "scrypt$') and "\n" not in line
    config, problems = _config(tmp_path, f"idle_timeout = 120\n{line}\n")
    assert problems == [] and config.exit_pin is not None
    assert pin_matches("2468", config.exit_pin) and not pin_matches("1357", config.exit_pin)


@pytest.mark.parametrize("typed", ["١٢٣٤\n", "12\n", "12 34\n", "\n", ""])
def test_kiosk_pin_refuses_what_the_keypad_could_not_type(typed):
    made = subprocess.run([sys.executable, str(ROOT / "main.py"), "kiosk-pin"], check=False, input=typed,
                          capture_output=True, text=True, timeout=60)
    assert made.returncode == 1 and made.stdout == ""
    assert made.stderr.startswith("atl-reader: error:") and len(made.stderr.strip().splitlines()) == 1
    assert "digits" in made.stderr


def test_kiosk_pin_at_a_terminal_asks_twice_without_echo(monkeypatch, capsys):
    import getpass

    from reader.cli import main
    from reader.kiosk.pin import pin_matches

    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal())
    answers = iter(["13579", "13579", "13579", "97531"])
    prompts = []
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": prompts.append(prompt) or next(answers))
    assert main(["kiosk-pin"]) == 0
    line = capsys.readouterr().out.strip()
    assert len(prompts) == 2 and pin_matches("13579", line.split('"')[1])
    assert main(["kiosk-pin"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "do not match" in captured.err


def test_wrong_tries_wait_longer_each_time_then_lock_the_exit():
    from reader.kiosk.pin import PinGuard, hash_pin

    now = [0.0]
    guard = PinGuard(hash_pin("2468"), clock=lambda: now[0])
    waits = []
    for _ in range(10):
        verdict = guard.try_pin("1111")
        assert not verdict.accepted
        waits.append(verdict.wait)
        now[0] += verdict.wait
    assert waits == [0, 0, 0, 2, 4, 8, 16, 32, 60, 15 * 60]


def test_during_a_wait_even_the_right_pin_is_not_taken_and_a_lockout_lasts_15_minutes():
    from reader.kiosk.pin import PinGuard, hash_pin

    now = [0.0]
    guard = PinGuard(hash_pin("2468"), clock=lambda: now[0])
    for _ in range(4):
        guard.try_pin("1111")
    assert guard.wait_left() == 2 and not guard.try_pin("2468").accepted
    now[0] += 2
    for _ in range(6):
        now[0] += guard.try_pin("0000").wait
    now[0] -= 1
    assert guard.locked and guard.wait_left() == 1
    verdict = guard.try_pin("2468")
    assert not verdict.accepted and verdict.locked
    now[0] += 1
    assert guard.try_pin("9999").locked, "after a lockout, each wrong try locks again"
    now[0] += 15 * 60
    assert guard.try_pin("2468").accepted and guard.wrong_tries == 0


def test_an_hour_of_guessing_gets_a_dozen_tries_not_thousands():
    from reader.kiosk.pin import PinGuard, hash_pin

    now = [0.0]
    guard = PinGuard(hash_pin("2468"), clock=lambda: now[0])
    tried = 0
    while now[0] < 3600:
        now[0] += guard.try_pin(f"{tried % 10000:04d}" if tried % 10000 != 2468 else "0000").wait or 1
        tried += 1
    assert tried <= 15


# -- the trust key fails closed ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    'trust_key = ""',
    'trust_key = "   "',
    "trust_key = 42",
    'trust_key = "/etc/atl-reader/k.pub\\u0000"',
    'trust_key = ["/etc/atl-reader/k.pub"]',
    'trust-key = "/etc/atl-reader/k.pub"',
    'trustkey = "/etc/atl-reader/k.pub"',
    'trust_keys = "/etc/atl-reader/k.pub"',
    'trusted_key = "/etc/atl-reader/k.pub"',
    'Trust_Key = "/etc/atl-reader/k.pub"',
    '"trust key" = "/etc/atl-reader/k.pub"',
    'trust = "/etc/atl-reader/k.pub"',
    'trsut_key = "/etc/atl-reader/k.pub"',
    'signing_key = "/etc/atl-reader/k.pub"',
    'pinned = "/etc/atl-reader/k.pub"',
    '[trust]\nkey = "/etc/atl-reader/k.pub"',
    '[kiosk]\ntrust_key = "/etc/atl-reader/k.pub"',
    'idle_timeout = 120\ntrust_key = /etc/atl-reader/k.pub',
    'trust_key = "/etc/atl-reader/k.pub\nidle_timeout = 120',
    'trust_key = "/etc/atl-reader/k.pub"\ntrust_key = "/etc/atl-reader/other.pub"',
    b'# caf\xe9\ntrust_key = "/etc/atl-reader/k.pub"\n',
])
def test_a_trust_key_that_is_set_but_unusable_refuses_the_content(tmp_path, text):
    config, _problems = _config(tmp_path, text)
    assert config.refusal is not None and "not shown" in config.refusal
    assert config.trust_key is None


def test_a_kiosk_file_the_kiosk_cannot_read_refuses_the_content(tmp_path, monkeypatch):
    from pathlib import Path

    path = tmp_path / "kiosk.toml"
    path.write_text('trust_key = "/etc/atl-reader/k.pub"\n', encoding="utf-8")

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: denied(self))
    config, _problems = load_kiosk_config(path)
    assert config.refusal is not None and "cannot be read" in config.refusal


@pytest.mark.parametrize("text", ['colour = "red"', "on_screen_keyboard = true", "this is not toml [",
                                  'idle_timeout = "soon"'])
def test_other_bad_settings_still_only_warn(tmp_path, text):
    config, problems = _config(tmp_path, text + "\n")
    assert config.refusal is None and len(problems) == 1


def test_a_trust_key_naming_a_missing_or_unreadable_file_refuses_the_pack(tmp_path, make_pack):
    from reader.content.integrity import verify_pack

    root = make_pack({"a.md": "# A\n\ntext"})
    for key in (tmp_path / "missing.pub", tmp_path):  # no such file; a folder
        config, problems = _config(tmp_path, f'trust_key = "{key}"\n')
        assert problems == [] and config.refusal is None and config.trust_key == key
        refused = verify_pack(root, config.trust_key)
        assert refused and "cannot be read" in refused[0].message


def test_read_aloud_can_be_turned_off_and_its_engine_named(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text('read_aloud = false\nspeech_engine = "speechd"\nplain_unchecked = false\n', encoding="utf-8")
    config, problems = load_kiosk_config(path)
    assert problems == [] and config.read_aloud is False and config.speech_engine == "speechd"
    assert config.plain_unchecked is False
    path.write_text('read_aloud = "no"\nspeech_engine = "../../bin/sh"\n', encoding="utf-8")
    config, problems = load_kiosk_config(path)
    assert config.read_aloud is True and config.speech_engine == "", "bad values: the defaults"
    assert [p.split(": ")[1] for p in problems] == ["read_aloud", "speech_engine"]


def test_the_example_config_in_the_kiosk_kit_reads_without_a_problem():
    from pathlib import Path

    example = Path(__file__).resolve().parents[3] / "deploy" / "kiosk" / "kiosk.toml"
    assert load_kiosk_config(example)[1] == []

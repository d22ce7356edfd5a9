"""The kiosk file: defaults, overrides, and bad values that never stop the kiosk."""

from __future__ import annotations

from reader.kiosk.config import KioskConfig, check_idle_timeout, load_kiosk_config


def test_no_file_means_safe_defaults():
    config, problems = load_kiosk_config(None)
    assert config == KioskConfig() and problems == []
    assert config.idle_timeout == 120 and config.exit_pin is None and not config.print_enabled


def test_values_are_read_and_the_command_line_wins(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text('idle_timeout = 300\nexit_pin = "2468"\ntext_percent = 200\nprint_enabled = true\n'
                    'printer = "Front desk"\n', encoding="utf-8")
    config, problems = load_kiosk_config(path)
    assert problems == []
    assert (config.idle_timeout, config.exit_pin, config.text_percent) == (300, "2468", 200)
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

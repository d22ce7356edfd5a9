"""A second launch brings the first reader forward instead of opening another window."""

from __future__ import annotations

from reader.ui.single_instance import SingleInstance


def test_a_second_launch_asks_the_first_to_come_forward(qtbot, tmp_path):
    first = SingleInstance(tmp_path)
    assert first.acquire()
    second = SingleInstance(tmp_path)
    assert not second.acquire(), "only one reader at a time"
    with qtbot.waitSignal(first.raiseRequested, timeout=3000):
        second.ask_first_to_raise()


def test_the_window_comes_forward_when_asked(qtbot, own, pack, family, tmp_path):
    from reader.ui.settings import Settings
    from reader.ui.window.main_window import MainWindow

    window = own(MainWindow(pack, Settings(None), family))
    window.show()
    window.showMinimized()
    window.come_forward()
    assert window.isVisible() and not window.isMinimized()

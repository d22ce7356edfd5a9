"""`export-pdf` leaves a whole PDF or nothing: a full disk, devices, pipes and links as targets, the umask."""

from __future__ import annotations

import os
import resource
import socket
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT

#: A size limit for files the export writes: the cache (~27 KB) fits, a whole-summary PDF (~88 KB) does not.
#: Python ignores SIGXFSZ, so writes past it fail with EFBIG as on a disk that is full.
FILE_SIZE_LIMIT = 50_000


def export(out: Path, *args: str, fsize: int | None = None,
           umask: int | None = None) -> subprocess.CompletedProcess[str]:
    def limits() -> None:
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
        if umask is not None:
            os.umask(umask)

    return subprocess.run([sys.executable, str(ROOT / "main.py"), "export-pdf", str(out), *args], cwd=ROOT,
                          preexec_fn=limits, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("old", [b"%PDF-1.4 yesterday's whole handout\n%%EOF\n", None], ids=["replacing", "new"])
def test_a_full_disk_leaves_the_old_handout_or_nothing_and_says_why(tmp_path, old):
    out = tmp_path / "handout.pdf"
    if old is not None:
        out.write_bytes(old)
    done = export(out, fsize=FILE_SIZE_LIMIT)
    assert done.returncode == 1
    assert done.stdout == "", "no 'wrote … (5 pages)' for a PDF that was not written"
    assert done.stderr.splitlines() == [f"atl-reader: error: {out}: the file is too large for this disk or account"]
    if old is None:
        assert not out.exists()
    else:
        assert out.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir()] == ([] if old is None else ["handout.pdf"]), "a partial file was left"


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _socket(path: Path) -> None:
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(str(path))  # the socket file stays after the socket closes


def _device(path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("only root can make a device node")
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a private /dev/null


@pytest.mark.parametrize(("make", "kind", "reason"), [
    (_fifo, stat.S_ISFIFO, "is a pipe, not a file: give a file name such as summary.pdf"),
    (_socket, stat.S_ISSOCK, "is a socket, not a file: give a file name such as summary.pdf"),
    (_device, stat.S_ISCHR, "is a device, not a file: give a file name such as summary.pdf"),
], ids=["pipe", "socket", "device"])
def test_a_pipe_socket_or_device_is_never_replaced_by_a_pdf(tmp_path, make: Callable[[Path], None],
                                                            kind: Callable[[int], bool], reason: str):
    target = tmp_path / "special"
    make(target)
    done = export(target)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.splitlines() == [f"atl-reader: error: {target}: {reason}"]
    assert kind(os.lstat(target).st_mode), "the special file is still there"
    assert [p.name for p in tmp_path.iterdir()] == ["special"]


def test_a_link_is_refused_and_the_file_it_points_to_is_untouched(tmp_path):
    elsewhere = tmp_path / "minutes.txt"
    elsewhere.write_text("Staff meeting minutes.\n")
    link = tmp_path / "handout.pdf"
    link.symlink_to(elsewhere)
    done = export(link)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.splitlines() == [
        f"atl-reader: error: {link}: is a link to another file: give a file name such as summary.pdf"]
    assert link.is_symlink() and elsewhere.read_text() == "Staff meeting minutes.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["handout.pdf", "minutes.txt"]


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640)])
def test_the_pdf_follows_the_umask_so_colleagues_can_open_it_from_a_shared_folder(tmp_path, umask, mode):
    out = tmp_path / "handout.pdf"
    out.write_bytes(b"old")
    os.chmod(out, 0o600)
    done = export(out, "--section", "clinical-trials", umask=umask)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(out.stat().st_mode) == mode
    assert out.read_bytes().startswith(b"%PDF-") and out.read_bytes().rstrip().endswith(b"%%EOF")

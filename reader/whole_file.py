"""Writing a file whole or not at all, never through a link and never over a device, pipe or socket."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path

#: What to do instead, after why the target was refused.
NAME_HINT = "give a file name such as summary.pdf"

#: Why a write failed, as a reader would say it (the system's own words otherwise).
_REASONS = {
    errno.ENOSPC: "no space left on the disk",
    errno.EDQUOT: "your disk quota is full",
    errno.EFBIG: "the file is too large for this disk or account",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the disk is read-only",
    errno.EIO: "the disk reported an error",
}
_KINDS = ((stat.S_ISFIFO, "a pipe"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOSE_ON_EXEC = getattr(os, "O_CLOEXEC", 0)


def reason(exc: OSError) -> str:
    """exc's cause in a few plain words."""
    return _REASONS.get(exc.errno or 0) or exc.strerror or str(exc)


def refuse_special(path: Path, hint: str = NAME_HINT) -> None:
    """Raise OSError unless path is missing or an ordinary file: a link, folder, device, pipe or socket is refused."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OSError(exc.errno, reason(exc), str(path)) from None
    if stat.S_ISLNK(mode):
        # A rename would replace the link, not write where it points; refusing says so plainly.
        raise OSError(errno.ELOOP, f"is a link to another file: {hint}", str(path))
    if stat.S_ISDIR(mode):
        raise OSError(errno.EISDIR, f"is a folder: {hint}", str(path))
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "a special file")
        raise OSError(errno.EINVAL, f"is {kind}, not a file: {hint}", str(path))


def _create_beside(path: Path, prefix: str, mode: int) -> tuple[int, Path]:
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | _NO_FOLLOW | _CLOSE_ON_EXEC
    for _attempt in range(100):
        temp = path.parent / f".{prefix}-{secrets.token_hex(6)}{path.suffix}"
        try:
            return os.open(temp, flags, mode), temp  # the umask applies, as for any new file
        except FileExistsError:
            continue
        except OSError as exc:
            raise OSError(exc.errno, f"cannot write there ({reason(exc)})", str(path)) from None
    raise OSError(errno.EEXIST, "cannot write there (no free temporary name)", str(path))


def _write_checked(fd: int, data: bytes, path: Path) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
    os.fsync(fd)  # a full disk on some file systems (NFS, some FUSE) is only reported here
    whole = os.fstat(fd).st_size == len(data)
    if whole and data:
        tail = data[-64:]  # the end is what a cut-off file lacks (a PDF's %%EOF)
        os.lseek(fd, -len(tail), os.SEEK_END)
        whole = os.read(fd, len(tail)) == tail
    if not whole:
        raise OSError(errno.EIO, "the file was not written whole", str(path))


def write_whole(path: Path, data: bytes, *, hint: str = NAME_HINT, prefix: str = "atl-reader",
                mode: int = 0o666) -> None:
    """Write data to path whole or not at all: a new file beside it, checked, then renamed over it.

    The old file stays untouched on any failure and no temporary file is left.
    Raises OSError naming path, its strerror a plain reason ("no space left on the disk").
    """
    refuse_special(path, hint)
    fd, temp = _create_beside(path, prefix, mode)
    try:
        try:
            _write_checked(fd, data, path)
        finally:
            os.close(fd)
        refuse_special(path, hint)  # again just before the rename: it may have been replaced meanwhile
        os.replace(temp, path)
    except OSError as exc:
        _remove(temp)
        if exc.filename == str(path):
            raise  # already says what went wrong with path
        raise OSError(exc.errno, reason(exc), str(path)) from None
    except BaseException:
        _remove(temp)
        raise


def _remove(temp: Path) -> None:
    with contextlib.suppress(OSError):  # the write's own error is the one to report
        temp.unlink(missing_ok=True)

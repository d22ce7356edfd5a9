"""Reading a file safely: regular files only, inside the pack, never blocking, never more than a cap."""

from __future__ import annotations

import os
import stat
from pathlib import Path

#: A section is one page a patient reads: the bundled ones are 1 to 4 KB. The cap
#: stays where it was (8 MB): a 5 MB section is promised to open and scroll
#: (tests/test_window_resilience.py), and length only costs time, about 1.3 s a
#: MB to render without a cache; what freezes Qt is deep nesting, not length.
MAX_SECTION_BYTES = 8 * 1024 * 1024
#: manifest.toml, glossary.toml and synonyms.toml are written by hand; the
#: bundled ones are 2 to 13 KB. 1 MB holds 20,000 [[sections]] entries and
#: tomllib parses it in about half a second.
MAX_TOML_BYTES = 1024 * 1024
#: A figure in a section: a large photograph is 2 to 5 MB. An image is read
#: whole before Qt decodes it, and more than 10 MB is never what an editor meant.
MAX_IMAGE_BYTES = 10 * 1024 * 1024

# O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting;
# O_NOCTTY: a terminal device named by a pack never becomes our controlling one.
# Both are POSIX only; Windows has no FIFOs to block on, and its os lacks them.
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
               | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0))

_KINDS = (
    (stat.S_ISDIR, "is a folder, not a regular file"),
    (stat.S_ISFIFO, "is a FIFO, not a regular file"),
    (stat.S_ISCHR, "is a character device, not a regular file"),
    (stat.S_ISBLK, "is a block device, not a regular file"),
    (stat.S_ISSOCK, "is a socket, not a regular file"),
)


class Refused(Exception):
    """A file the reader will not read; .message is one sentence for a content editor."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} bytes"


def read_regular(path: Path | str, *, limit: int) -> bytes:
    """The bytes of the regular file at path, at most limit of them.

    Raises Refused for anything but a regular file, or one larger than limit,
    and OSError (FileNotFoundError included) when it cannot be opened or read.
    """
    return _read(path, limit, _OPEN_FLAGS)


def _read(path: Path | str, limit: int, flags: int) -> bytes:
    try:
        fd = os.open(path, flags)
    except IsADirectoryError:  # Windows cannot open a folder at all
        raise Refused(_KINDS[0][1]) from None
    try:
        info = os.fstat(fd)  # of what was opened, so a swap after a stat cannot fool it
        if not stat.S_ISREG(info.st_mode):
            what = next((text for test, text in _KINDS if test(info.st_mode)), "is not a regular file")
            raise Refused(what)
        if info.st_size > limit:
            raise Refused(f"is too large ({_size_text(info.st_size)}; at most {_size_text(limit)})")
        # A regular file never blocks, but O_NONBLOCK is still set: clear it, so
        # a read on a slow file system is an ordinary read, not EAGAIN.
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        left = limit + 1  # one more than allowed shows a file that grew while read
        while left > 0:
            chunk = os.read(fd, min(left, 1024 * 1024))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > limit:
            raise Refused(f"is too large (it grew past {_size_text(limit)} while being read)")
        return data
    finally:
        os.close(fd)


def pack_name_problem(rel: str) -> str | None:
    """Why rel cannot name a file of a pack, or None if it can.

    Names are written with "/" whatever the system; hidden parts are refused
    because `sign` leaves them out, so a signed pack could otherwise load
    unsigned text.
    """
    if not rel:
        return "the file name is empty"
    if any(ord(char) < 32 or ord(char) == 127 for char in rel):
        return "the file name has a control character (such as NUL or a line break)"
    if "\\" in rel:
        return "the file name uses '\\': write folders with '/'"
    if rel.startswith("/") or (len(rel) > 1 and rel[1] == ":"):
        return "the file name is an absolute path: name files relative to the content pack"
    for part in rel.split("/"):
        if part == "..":
            return "the file name climbs out of its folder with '..': name files from the pack's folder down"
        if part in ("", "."):  # `sign` lists each file once, by its plain path
            return "the file name has an empty or '.' part: write it as sections/name.md"
        if part.startswith("."):
            return "the file is hidden (a name starting with '.'), and hidden files are never signed"
    return None


class PackFiles:
    """Reads the files of one pack, each folder resolved once.

    Resolving a path costs a system call per part of it, and thousands of
    sections share a folder or two: resolving every section whole made reading
    a 2,000-section pack's sections about three times slower.
    """

    def __init__(self, root: Path) -> None:
        self.root = os.path.realpath(root)
        self._inside = self.root.rstrip(os.sep) + os.sep
        self._folders: dict[str, str] = {}

    def resolve(self, rel: str) -> tuple[str, bool]:
        """(real path of root/rel, whether it was reached through a link); Refused if unusable or outside."""
        problem = pack_name_problem(rel)
        if problem is not None:
            raise Refused(problem)
        folder, _, name = rel.rpartition("/")
        real_folder = self._folders.get(folder)
        if real_folder is None:
            real_folder = self._folders[folder] = os.path.realpath(os.path.join(self.root, folder))
        path = os.path.join(real_folder, name)
        linked = os.path.islink(path)
        if linked:
            path = os.path.realpath(path)
        if not path.startswith(self._inside):
            raise Refused("lies outside the content pack")
        return path, linked

    def read(self, rel: str, *, limit: int) -> bytes:
        """The bytes of root/rel; Refused for anything the loader must not read.

        FileNotFoundError is raised as such (a missing optional file is not an
        error); any other OSError becomes Refused with its reason.
        """
        path, linked = self.resolve(rel)
        # Not reached through a link, so it must not become one before it is opened.
        flags = _OPEN_FLAGS if linked else _OPEN_FLAGS | getattr(os, "O_NOFOLLOW", 0)
        try:
            return _read(path, limit, flags)
        except FileNotFoundError:
            raise
        except OSError as exc:
            raise Refused(f"cannot be read ({exc.strerror or exc})") from None


def read_pack_file(root: Path, rel: str, *, limit: int) -> bytes:
    """The bytes of root/rel, a file of the pack (see PackFiles.read); Refused for anything the loader must not read."""
    return PackFiles(root).read(rel, limit=limit)

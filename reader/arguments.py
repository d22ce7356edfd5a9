"""The command line's parsers, built only for a command that needs one.

argparse itself is loaded only then: a plain start of the window (no arguments,
or only its switches) needs neither it nor gettext, ~2 ms of start-up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from reader import APP_ID, __version__

if TYPE_CHECKING:
    import argparse


class UsageError(Exception):
    """The command line itself is wrong: exit 2."""


def _content_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", metavar="DIR", type=Path, help="open the content pack in DIR")


def _gui_options(gui: argparse.ArgumentParser) -> None:
    from argparse import SUPPRESS  # loaded already: a parser is being built

    _content_arg(gui)
    gui.add_argument("--kiosk", action="store_true", help="waiting-room kiosk: locked full screen, resets when idle")
    gui.add_argument("--config", metavar="FILE", type=Path,
                     help="kiosk settings (TOML; default /etc/atl-reader/kiosk.toml)")
    gui.add_argument("--idle-timeout", metavar="SECONDS", type=int,
                     help="kiosk: seconds without use before 'Still reading?' (30-1800, default 120)")
    gui.add_argument("--section", metavar="ID", help="open at this section")
    gui.add_argument("--trust", metavar="KEY.pub", type=Path,
                     help="show the pack only if it is signed with this Ed25519 public key")
    gui.add_argument("--bench", action="store_true", help=SUPPRESS)
    gui.add_argument("--self-test", action="store_true",
                     help="open the window, show every section, run a search, and exit 0 if all worked")


def _sections_options(sections: argparse.ArgumentParser) -> None:
    _content_arg(sections)
    sections.add_argument("--json", action="store_true", help="print JSON")


def _search_options(search: argparse.ArgumentParser) -> None:
    _content_arg(search)
    search.add_argument("query", nargs="?", help="what to look for")
    search.add_argument("--queries", metavar="FILE", type=Path, help="one query per line; one result per line")
    search.add_argument("--json", action="store_true", help="print JSON")
    search.add_argument("--limit", type=int, default=10, help="most results per query (default 10)")


def _export_options(export: argparse.ArgumentParser) -> None:
    _content_arg(export)
    export.add_argument("out", metavar="OUT.pdf", type=Path)
    export.add_argument("--section", metavar="ID", action="append", default=[], help="include only these (repeatable)")
    export.add_argument("--large-print", action="store_true", help="18 pt text and wide margins")
    export.add_argument("--clinic", metavar="NAME", default="", help="the clinic's name, on every page")
    export.add_argument("--phone", metavar="NUMBER", default="", help="the clinic's phone number, on every page")
    export.add_argument("--glossary", action="store_true", help="add the meanings of the words used (a reading aid)")


def _keygen_options(keygen: argparse.ArgumentParser) -> None:
    keygen.add_argument("--out", metavar="DIR", type=Path, default=Path("."), help="where to write the two keys")


def _sign_options(sign: argparse.ArgumentParser) -> None:
    sign.add_argument("dir", type=Path, metavar="DIR", help="the pack")
    sign.add_argument("--key", metavar="KEY", type=Path, required=True, help="the private key from keygen")


def _check_options(check: argparse.ArgumentParser) -> None:
    check.add_argument("dir", nargs="?", type=Path, metavar="DIR", help="the pack (default: the bundled one)")


#: Each command: its one-line help and what adds its options, in the order `--help` lists them.
_COMMAND_OPTIONS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "gui": ("open the reader window (the default)", _gui_options),
    "sections": ("list the sections in reading order", _sections_options),
    "search": ("search the summary", _search_options),
    "export-pdf": ("write a handout PDF", _export_options),
    "keygen": ("make an Ed25519 key pair for signing content packs", _keygen_options),
    "sign": ("sign a content pack (writes SHA256SUMS and SIGNATURE)", _sign_options),
    "check": ("validate a content pack", _check_options),
}
#: The commands named on the command line; the window is the default, named or not.
SUBCOMMANDS = tuple(name for name in _COMMAND_OPTIONS if name != "gui")


def build_parser(commands: Iterable[str] = _COMMAND_OPTIONS) -> argparse.ArgumentParser:
    """The parser with the given commands (all by default).

    Building argparse parsers is slow (each looks up gettext translations), so a
    run builds only the command it runs (~2 ms less before the window appears).
    """
    import argparse

    class _Parser(argparse.ArgumentParser):
        def error(self, message: str) -> NoReturn:  # one line, not argparse's usage dump
            raise UsageError(f"{message} (see '{self.prog} --help')")

    parser = _Parser(prog=APP_ID, description="Offline reader for a medically reviewed summary about ATL.")
    parser.add_argument("--version", action="version", version=f"{APP_ID} {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    for name in commands:
        help_text, add_options = _COMMAND_OPTIONS[name]
        add_options(sub.add_parser(name, help=help_text))
    return parser

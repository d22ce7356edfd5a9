"""The command line: the reader window by default, plus Qt-free subcommands.

`sections`, `search` and `check` never import Qt, so they start fast and run
with no display. Errors are one clear line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypedDict

from reader import APP_ID, __version__

if TYPE_CHECKING:  # the commands import what they need, so `--help` stays instant
    from reader.content import Pack
    from reader.search import SearchResult

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
_TOP_LEVEL_FLAGS = {"-h", "--help", "--version"}


class UsageError(Exception):
    """The command line itself is wrong: exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, not argparse's usage dump
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _content_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", metavar="DIR", type=Path, help="open the content pack in DIR")


def _gui_options(gui: argparse.ArgumentParser) -> None:
    _content_arg(gui)
    gui.add_argument("--kiosk", action="store_true", help="waiting-room kiosk: locked full screen, resets when idle")
    gui.add_argument("--config", metavar="FILE", type=Path,
                     help="kiosk settings (TOML; default /etc/atl-reader/kiosk.toml)")
    gui.add_argument("--idle-timeout", metavar="SECONDS", type=int,
                     help="kiosk: seconds without use before 'Still reading?' (30-1800, default 120)")
    gui.add_argument("--section", metavar="ID", help="open at this section")
    gui.add_argument("--trust", metavar="KEY.pub", type=Path,
                     help="show the pack only if it is signed with this Ed25519 public key")
    gui.add_argument("--speech-engine", metavar="NAME", default="",
                     help="read aloud with this Qt speech engine (speechd, sapi, darwin, mock...)")
    gui.add_argument("--bench", action="store_true", help=argparse.SUPPRESS)
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
    export.add_argument("--plain", action=argparse.BooleanOptionalAction, default=None,
                        help="print each section's plain-language version (default: with --large-print only)")


def _keygen_options(keygen: argparse.ArgumentParser) -> None:
    keygen.add_argument("--out", metavar="DIR", type=Path, default=Path("."), help="where to write the two keys")


def _sign_options(sign: argparse.ArgumentParser) -> None:
    sign.add_argument("dir", type=Path, metavar="DIR", help="the pack")
    sign.add_argument("--key", metavar="KEY", type=Path, required=True, help="the private key from keygen")


def _kiosk_pin_options(_kiosk_pin: argparse.ArgumentParser) -> None:
    """No options: the PIN is asked for (twice, unechoed), or read from stdin in a script."""


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
    "kiosk-pin": ("make the staff exit PIN line for kiosk.toml (asks for the PIN twice)", _kiosk_pin_options),
}
#: The commands named on the command line; the window is the default, named or not.
SUBCOMMANDS = tuple(name for name in _COMMAND_OPTIONS if name != "gui")


def build_parser(commands: Iterable[str] = _COMMAND_OPTIONS) -> argparse.ArgumentParser:
    """The parser with the given commands (all by default).

    A run builds only the command it runs: each parser looks up gettext
    translations as it is built (the cost is in bench/README.md).
    """
    parser = _Parser(prog=APP_ID, description="Offline reader for a medically reviewed summary about ATL.")
    parser.add_argument("--version", action="version", version=f"{APP_ID} {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    for name in commands:
        help_text, add_options = _COMMAND_OPTIONS[name]
        add_options(sub.add_parser(name, help=help_text))
    return parser


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    args = list(argv)
    first = next((a for a in args if not a.startswith("-")), None)
    if _TOP_LEVEL_FLAGS & set(args) and (first is None or args[0] in _TOP_LEVEL_FLAGS):
        return build_parser().parse_args(args)  # the top-level help lists every command
    # The window is the default command: `main.py --kiosk` means `main.py gui --kiosk`.
    if first not in SUBCOMMANDS and args[:1] != ["gui"]:
        args.insert(0, "gui")
    return build_parser([first if first in SUBCOMMANDS else "gui"]).parse_args(args)


def _load(content: Path | None) -> Pack:
    from reader.content import default_pack_dir, load_pack

    return load_pack(content or default_pack_dir())


def _print_problems(pack: Pack) -> None:
    for problem in pack.problems:
        print(f"warning: {problem}", file=sys.stderr)


class _Row(TypedDict):
    """A line of `sections --json`."""

    id: str
    title: str
    level: int
    text: str


def cmd_sections(args: argparse.Namespace) -> int:
    pack = _load(args.content)
    _print_problems(pack)
    rows: list[_Row] = []
    for section in pack.sections:
        rows.append({"id": section.id, "title": section.title, "level": 1, "text": section.text})
        rows.extend({"id": s.id, "title": s.title, "level": s.level, "text": s.text} for s in section.subsections)
    if args.json:
        import json  # here, not at the top: the window never needs it

        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            print(("  " * (row["level"] - 1)) + f"{row['title']}  [{row['id']}]")
    return EXIT_OK


#: A queries file is a list typed or exported by staff: 10 MB is some 300,000 queries.
MAX_QUERIES_BYTES = 10 * 1024 * 1024
#: More results than any pack has rows; larger numbers overflow SQLite's LIMIT.
MAX_LIMIT = 1_000_000


def _read_queries(path: Path) -> list[str]:
    from reader.content.files import Refused, read_regular

    try:  # a regular file only: a FIFO would wait forever, /dev/zero never ends
        raw = read_regular(path, limit=MAX_QUERIES_BYTES)
    except Refused as refused:
        raise UsageError(f"cannot read {path}: it {refused.message}") from None
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None
    text = raw.decode("utf-8", errors="replace")
    return [line.strip() for line in text.splitlines() if line.strip()]


def _print_result(result: SearchResult, as_json: bool, topics: list[tuple[str, str]]) -> None:
    if as_json:
        import json

        from reader.search.outcome import result_json

        print(json.dumps(result_json(result, topics), ensure_ascii=False))
        return
    from reader.search.outcome import status_lines

    for line in status_lines(result):
        print(line)
    if not result.hits:
        for _section_id, title in topics:  # as the window lists them under "Try one of these topics"
            print(f"    {title}")
    for hit in result.hits:
        anchor = f"#{hit.anchor}" if hit.anchor else ""
        print(f"{hit.title}  [{hit.section_id}{anchor}]  {hit.score:.3f}\n    {hit.snippet.text}")


def cmd_search(args: argparse.Namespace) -> int:
    if (args.query is None) == (args.queries is None):
        raise UsageError("give either a QUERY or --queries FILE (see 'atl-reader search --help')")
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    args.limit = min(args.limit, MAX_LIMIT)  # "at most N": no pack has this many rows to show
    queries = [args.query] if args.query is not None else _read_queries(args.queries)
    from reader.search import SearchIndex
    from reader.search.outcome import topics

    pack = _load(args.content)
    index = SearchIndex(pack)
    offered = topics(pack)
    for query in queries:
        _print_result(index.search(query, limit=args.limit), args.json, offered)
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from reader.checking import external_links, review
    from reader.content import default_pack_dir

    root = args.dir or default_pack_dir()
    report = review(root)
    problems, found_warnings = report.problems, report.warnings
    for problem in problems:
        print(problem)
    # Not problems: the pack can be shown, but an editor should fix these.
    for warning in found_warnings:
        print(f"warning: {warning}")
    # Not problems, but each is worth a look: is it still the right address?
    for note in external_links(root):
        print(f"note: {note}")
    if problems:
        print(f"{len(problems)} problem(s) in {root}", file=sys.stderr)
        return EXIT_PROBLEMS
    count = len(found_warnings)
    print(f"{root}: no problems found" + (f" ({count} warning{'s' if count != 1 else ''} above)" if count else ""))
    return EXIT_OK


def cmd_export_pdf(args: argparse.Namespace) -> int:
    pack = _load(args.content)
    _print_problems(pack)
    places = {sid: pack.locate(sid) for sid in args.section}
    unknown = [sid for sid, place in places.items() if place is None]
    if unknown:
        raise UsageError(f"unknown section id: {', '.join(unknown)} (see 'atl-reader sections')")
    for sid, place in places.items():
        section, anchor = place  # type: ignore[misc]  # every id was found above
        if anchor is not None:  # staff chose "indolent-atl" and got the aggressive ATL part too, unwarned
            print(f"{APP_ID}: note: '{sid}' is a part of '{section.id}' ({section.title}); a handout prints "
                  "whole sections, so all of it is printed", file=sys.stderr)
    from reader.ui.print.export import export_pdf

    pages = export_pdf(pack, args.out, args.section, large_print=args.large_print, clinic=args.clinic,
                       phone=args.phone, glossary=args.glossary, plain=args.plain)
    print(f"wrote {args.out} ({pages} page{'s' if pages != 1 else ''})")
    return EXIT_OK


def cmd_keygen(args: argparse.Namespace) -> int:
    import os

    from reader.content.integrity import make_key_pair

    private, public = args.out / f"{APP_ID}-signing.key", args.out / f"{APP_ID}-signing.pub"
    if os.path.lexists(private) or os.path.lexists(public):  # a link counts, even to nothing: keys never go through one
        raise UsageError(f"{private} or {public} already exists: move it away first")
    try:
        make_key_pair(private, public)
    except OSError as exc:
        print(f"{APP_ID}: error: cannot write the keys in {args.out} ({exc.strerror})", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"wrote {private} (keep it secret, off the kiosks) and {public} (pin it with --trust)")
    return EXIT_OK


def cmd_sign(args: argparse.Namespace) -> int:
    from reader.content.integrity import sign_pack, signing_problems

    problems = signing_problems(args.dir)
    for problem in problems:  # every file to rename, not just the first
        print(f"{APP_ID}: error: cannot sign {args.dir}: {problem}", file=sys.stderr)
    if problems:
        return EXIT_PROBLEMS
    try:
        count = sign_pack(args.dir, args.key)
    except (OSError, ValueError) as exc:
        print(f"{APP_ID}: error: cannot sign {args.dir}: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"signed {count} files in {args.dir} (SHA256SUMS and SIGNATURE)")
    return EXIT_OK


def cmd_kiosk_pin(args: argparse.Namespace) -> int:
    """Ask for the staff PIN and print `exit_pin = "scrypt$..."`, the line for kiosk.toml (only that, on stdout)."""
    from reader.kiosk.pin import PIN_MAX, PIN_MIN, hash_pin, pin_problem

    if sys.stdin is not None and sys.stdin.isatty():
        import getpass  # prompts on the terminal, not stdout: `kiosk-pin >> kiosk.toml` stays one clean line

        try:
            pin = getpass.getpass(f"Staff PIN ({PIN_MIN} to {PIN_MAX} digits): ").strip()
            again = getpass.getpass("The same PIN again: ").strip()
        except EOFError:  # Ctrl+D
            print(f"{APP_ID}: error: no PIN was given; nothing was made", file=sys.stderr)
            return EXIT_PROBLEMS
        if again != pin:
            print(f"{APP_ID}: error: the two PINs do not match; nothing was made", file=sys.stderr)
            return EXIT_PROBLEMS
    else:  # a scripted install: `echo 2468 | atl-reader kiosk-pin`
        pin = (sys.stdin.readline(64) if sys.stdin is not None else "").strip()
    problem = pin_problem(pin)
    if problem:
        print(f"{APP_ID}: error: {problem} (the kiosk's keypad types only those)", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f'exit_pin = "{hash_pin(pin)}"')
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    if args.idle_timeout is not None:
        from reader.kiosk.config import check_idle_timeout

        problem = check_idle_timeout(args.idle_timeout)
        if problem:
            raise UsageError(f"--idle-timeout: {problem}")
    from reader.ui.app import run

    return run(args)


COMMANDS = {
    "gui": cmd_gui,
    "sections": cmd_sections,
    "search": cmd_search,
    "export-pdf": cmd_export_pdf,
    "check": cmd_check,
    "keygen": cmd_keygen,
    "sign": cmd_sign,
    "kiosk-pin": cmd_kiosk_pin,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the program; return the exit code."""
    from reader.content.model import PackError

    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["--speech-worker"]:  # read aloud's own process, started by the window, never by a person
        from reader.ui.speech_worker import run

        return run(*arguments[1:3])
    try:
        args = _parse(arguments)
        return COMMANDS[args.command](args)
    except UsageError as exc:
        print(f"{APP_ID}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except PackError as exc:
        print(f"{APP_ID}: error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    except OSError as exc:
        where = f" {exc.filename}:" if exc.filename else ""
        print(f"{APP_ID}: error:{where} {exc.strerror or exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        return 130

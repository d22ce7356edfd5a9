"""A corpus of hostile content packs: each is the bundled pack with one attack added.

Each case is built at test time (FIFOs, symbolic links and sparse files cannot
live in Git), next to an "outside" folder of canary files the attack points at.
A pack is safe when every command finishes quickly, prints no traceback, never
opens a canary, and `check` names the file that is wrong.
"""

from __future__ import annotations

import os
import shutil
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

BUNDLED = Path(__file__).resolve().parent.parent / "content"
CANARY_PNG = "canary.png"
CANARY_TOML = "canary.toml"


def _png(side: int = 64) -> bytes:
    """A real side×side PNG, so a document that loads it would lay it out at its size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = (b"\x00" + b"\xff\x00\x00" * side) * side
    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


@dataclass(frozen=True)
class Case:
    """One attack: what it does to a copy of the bundled pack, and the file `check` must name."""

    name: str
    attack: Callable[[Path, Path], None]  # (pack root, outside folder)
    names: str  # the file a problem line must name ("": a pack that is now safe to show, so check may pass it)


def _append(root: Path, section: str, text: str) -> None:
    path = root / "sections" / section
    path.write_text(path.read_text(encoding="utf-8") + "\n\n" + text + "\n", encoding="utf-8")


def _toml_text(value: str) -> str:
    """value as the inside of a TOML basic string (NUL and line breaks as escapes)."""
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\x00", "\\u0000").replace("\n", "\\n")


def _manifest_value(root: Path, key: str, value: str) -> None:
    """Set a top-level manifest string (written as a TOML literal-free basic string)."""
    path = root / "manifest.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    escaped = _toml_text(value)
    first = next(number for number, line in enumerate(lines) if line.startswith(f"{key} ="))  # not a section's
    lines[first] = f'{key} = "{escaped}"'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _add_section(root: Path, file: str, section_id: str = "extra") -> None:
    path = root / "manifest.toml"
    escaped = _toml_text(file)
    path.write_text(path.read_text(encoding="utf-8") + f'\n[[sections]]\nid = "{section_id}"\nfile = "{escaped}"\n',
                    encoding="utf-8")


def _replace_with(root: Path, name: str, make: Callable[[Path], None]) -> None:
    target = root / name
    target.unlink()
    make(target)


def _fifo(target: Path) -> None:
    os.mkfifo(target)


def _link_to(destination: str | Path) -> Callable[[Path], None]:
    return lambda target: target.symlink_to(destination)


def _canary_toml(outside: Path) -> Path:
    return outside / CANARY_TOML


def _case_list() -> list[Case]:
    cases: list[Case] = []

    def add(name: str, names: str) -> Callable[[Callable[[Path, Path], None]], Callable[[Path, Path], None]]:
        def register(attack: Callable[[Path, Path], None]) -> Callable[[Path, Path], None]:
            cases.append(Case(name, attack, names))
            return attack
        return register

    # --- Markup: attribute lists, manifest text, headings, glossary ---------------------------
    @add("attr-style-file-url", "sections/overview.md")
    def _(root: Path, out: Path) -> None:
        _append(root, "overview.md", f'A paragraph.\n{{: style="background-image: url(file://{out / CANARY_PNG})" }}')

    @add("attr-style-dev-zero", "sections/overview.md")
    def _(root: Path, out: Path) -> None:
        _append(root, "overview.md", 'A paragraph.\n{: style="background-image: url(file:///dev/zero)" }')

    @add("attr-style-red-claim", "sections/treatment-options.md")
    def _(root: Path, out: Path) -> None:
        _append(root, "treatment-options.md",
                'This treatment cures ATL in all patients.\n{: style="color:red; font-size:60px" }')

    @add("attr-invisible-text", "sections/overview.md")
    def _(root: Path, out: Path) -> None:
        _append(root, "overview.md", 'Hidden words found by search.\n{: style="color:#ffffff; font-size:1px" }')

    @add("attr-handler-and-class", "sections/overview.md")
    def _(root: Path, out: Path) -> None:
        _append(root, "overview.md", 'A paragraph.\n{: .provenance onclick="alert(1)" data-x="1" }')

    @add("manifest-title-image", "manifest.toml")
    def _(root: Path, out: Path) -> None:
        _manifest_value(root, "title", f"<img src='file://{out / CANARY_PNG}'>ATL")

    @add("manifest-title-dev-zero", "manifest.toml")
    def _(root: Path, out: Path) -> None:
        _manifest_value(root, "title", "<img src='file:///dev/zero'>ATL")

    @add("manifest-kind-markup", "manifest.toml")
    def _(root: Path, out: Path) -> None:
        _manifest_value(root, "kind",
                        f"<font color=red size=7>NOT REVIEWED</font><img src='file://{out / CANARY_PNG}'>")

    @add("manifest-markdown-in-placeholder", "manifest.toml")
    def _(root: Path, out: Path) -> None:
        _manifest_value(root, "audience", f'Everyone\n{{: style="color:red" }} ![x](file://{out / CANARY_PNG})')

    @add("heading-markup", "sections/overview.md")
    def _(root: Path, out: Path) -> None:
        _append(root, "overview.md", f"## <img src='file://{out / CANARY_PNG}'>Heading\n\nText.")

    @add("glossary-markup", "glossary.toml")
    def _(root: Path, out: Path) -> None:
        path = root / "glossary.toml"
        path.write_text(path.read_text(encoding="utf-8") + (
            f'\n[[term]]\nterm = "remission"\nalso = ["<b>x</b>"]\n'
            f"definition = \"<img src='file://{out / CANARY_PNG}'><font color=red>Cured.</font>\"\n"
            'source = "NCI"\nsource_url = "https://www.cancer.gov"\n'), encoding="utf-8")

    # --- Special files: FIFOs, devices, links out of the pack, hidden folders ------------------
    for name in ("manifest.toml", "glossary.toml", "synonyms.toml", "pronunciations.toml", "sections/overview.md",
                 "plain/overview.md"):
        stem = name.replace("/", "-").removesuffix(".md").removesuffix(".toml")
        cases.append(Case(f"fifo-{stem}", lambda root, out, n=name: _replace_with(root, n, _fifo), name))
        cases.append(Case(f"dev-zero-{stem}", lambda root, out, n=name: _replace_with(root, n, _link_to("/dev/zero")),
                          name))
    for name in ("manifest.toml", "glossary.toml", "synonyms.toml", "pronunciations.toml"):
        cases.append(Case(f"outside-{Path(name).stem}",
                          lambda root, out, n=name: _replace_with(root, n, _link_to(_canary_toml(out))), name))

    @add("outside-section", "sections/overview.md")
    def _(root: Path, out: Path) -> None:
        (out / "overview.md").write_text((root / "sections" / "overview.md").read_text(encoding="utf-8"))
        _replace_with(root, "sections/overview.md", _link_to(out / "overview.md"))

    @add("plain-absolute-path", "manifest.toml")
    def _(root: Path, out: Path) -> None:
        path = root / "manifest.toml"
        path.write_text(path.read_text(encoding="utf-8") + '\n[[plain]]\nsection = "overview"\nfile = "/dev/zero"\n',
                        encoding="utf-8")

    @add("device-section", "sections/random.md")
    def _(root: Path, out: Path) -> None:
        (root / "sections" / "random.md").symlink_to("/dev/urandom")
        _add_section(root, "sections/random.md", "random")

    @add("hidden-folder-section", "manifest.toml")
    def _(root: Path, out: Path) -> None:
        (root / ".hidden").mkdir()
        (root / ".hidden" / "extra.md").write_text("# Extra\n\nUnsigned words.\n", encoding="utf-8")
        _add_section(root, ".hidden/extra.md")

    @add("nul-in-file-name", "manifest.toml")
    def _(root: Path, out: Path) -> None:
        _add_section(root, "sections/a\x00.md")

    @add("image-outside", "sections/overview.md")
    def _(root: Path, out: Path) -> None:
        _append(root, "overview.md", f"![A picture]({os.path.relpath(out / CANARY_PNG, root / 'sections')})")

    @add("image-3-gb", "images/big.png")
    def _(root: Path, out: Path) -> None:
        (root / "images").mkdir()
        with open(root / "images" / "big.png", "wb") as sparse:
            sparse.truncate(3 * 1024**3)  # sparse: costs no disk, reads as 3 GB of zeros
        _append(root, "overview.md", "![A picture](../images/big.png)")

    # --- Small files that freeze or crash: nesting, width, size -------------------------------
    @add("nested-bold", "sections/overview.md")
    def _(root: Path, out: Path) -> None:
        _append(root, "overview.md", "**" * 25_000 + "x" + "**" * 25_000)

    @add("nested-emphasis-runs", "sections/overview.md")
    def _(root: Path, out: Path) -> None:
        _append(root, "overview.md", "**a *b " * 12_000)

    @add("deep-quotes", "sections/overview.md")
    def _(root: Path, out: Path) -> None:
        _append(root, "overview.md", "> " * 2_000 + "deep")

    @add("deep-list", "sections/overview.md")
    def _(root: Path, out: Path) -> None:
        _append(root, "overview.md", "\n".join("    " * depth + "- item" for depth in range(2_000)))

    @add("wide-table", "sections/overview.md")
    def _(root: Path, out: Path) -> None:
        columns = 2_000
        _append(root, "overview.md", "|" + "a|" * columns + "\n|" + "-|" * columns + "\n|" + "1|" * columns)

    @add("huge-title", "manifest.toml")
    def _(root: Path, out: Path) -> None:
        _manifest_value(root, "title", "ATL " * 1_300_000)

    @add("toml-nesting-bomb", "glossary.toml")
    def _(root: Path, out: Path) -> None:
        (root / "glossary.toml").write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")

    @add("huge-synonym-group", "synonyms.toml")
    def _(root: Path, out: Path) -> None:
        words = ", ".join(f'"word{n}"' for n in range(20_000))
        path = root / "synonyms.toml"
        path.write_text(path.read_text(encoding="utf-8") + f"\n[[synonyms]]\npatients_say = [{words}]\n"
                        'summary_says = ["treatment"]\n', encoding="utf-8")

    # --- Pictures that are not what they seem (found by a red-team pass) ------------------------
    @add("svg-pulls-outside-image", "sections/overview.md")
    def _(root: Path, out: Path) -> None:
        (root / "sections" / "a.png").write_text(  # an SVG named .png: Qt sniffs the bytes, not the name
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="400" '
            f'height="200"><image xlink:href="file://{out / CANARY_PNG}" width="200" height="100"/>'
            '<text x="10" y="150" font-size="40" fill="red">SVG TEXT</text></svg>', encoding="utf-8")
        _append(root, "overview.md", "![A picture](a.png)")

    @add("svg-waits-on-outside-fifo", "sections/overview.md")
    def _(root: Path, out: Path) -> None:
        os.mkfifo(out / "fifo.png")
        (root / "sections" / "a.svg").write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="400" '
            f'height="200"><image xlink:href="{out / "fifo.png"}" width="400" height="200"/></svg>', encoding="utf-8")
        _append(root, "overview.md", "![A picture](a.svg)")

    @add("small-files-huge-pixels", "sections/overview.md")
    def _(root: Path, out: Path) -> None:
        (root / "sections" / "images").mkdir()
        big = _png(8000)  # 8000×8000 pixels in a few hundred KB: 190 MB each once decoded
        for number in range(12):
            (root / "sections" / "images" / f"b{number}.png").write_bytes(big)
        _append(root, "overview.md", "\n\n".join(f"![Picture {n}](images/b{n}.png)" for n in range(12)))

    # Safe once handouts cap their QR codes (3,000 took export-pdf a minute): `check` may pass it.
    @add("thousands-of-web-links", "")
    def _(root: Path, out: Path) -> None:
        _append(root, "overview.md", " ".join(f"[l{n}](https://example.com/{n})" for n in range(3_000)))

    @add("one-page-listed-thousands-of-times", "manifest.toml")
    def _(root: Path, out: Path) -> None:
        for number in range(3_000):
            _add_section(root, "sections/overview.md", f"copy-{number}")

    @add("review-date-year-9999", "manifest.toml")
    def _(root: Path, out: Path) -> None:
        path = root / "manifest.toml"
        path.write_text(path.read_text(encoding="utf-8").replace("last_updated = 2026-05-08",
                                                                 "last_updated = 9999-12-31"), encoding="utf-8")

    # --- Invisible characters -----------------------------------------------------------------
    @add("direction-override", "sections/treatment-options.md")
    def _(root: Path, out: Path) -> None:
        _append(root, "treatment-options.md", "This treatment does \u202eton\u202c cure ATL.")

    @add("right-to-left-marks", "sections/treatment-options.md")
    def _(root: Path, out: Path) -> None:
        _append(root, "treatment-options.md", "\u200fchemotherapy\u200f is better than\u200f transplant.")

    @add("arabic-letter-mark", "sections/treatment-options.md")
    def _(root: Path, out: Path) -> None:
        _append(root, "treatment-options.md", "\u061ccure.\u061c a\u061c is not\u061c There")

    @add("nul-bytes", "sections/overview.md")
    def _(root: Path, out: Path) -> None:
        _append(root, "overview.md", "Text\x00with a NUL byte.")

    return cases


CASES: list[Case] = _case_list()


def build(case: Case, where: Path) -> tuple[Path, Path]:
    """Make case's pack under where: (pack root, outside folder of canaries)."""
    root, outside = where / "pack", where / "outside"
    shutil.copytree(BUNDLED, root)
    outside.mkdir()
    (outside / CANARY_PNG).write_bytes(_png())
    # A valid TOML file outside the pack: read, it would change what is shown.
    (outside / CANARY_TOML).write_text(
        (BUNDLED / "manifest.toml").read_text(encoding="utf-8").replace(
            'title = "Adult T-cell leukemia/lymphoma (ATL)"', 'title = "CANARY READ FROM OUTSIDE"'), encoding="utf-8")
    case.attack(root, outside)
    return root, outside

"""Loading a content pack from disk into a Pack, skipping what cannot be read."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.content import cache
from reader.content.files import MAX_SECTION_BYTES, PackFiles, Refused
from reader.content.model import MANIFEST_NAME, Manifest, Pack, PackError, Problem, Section
from reader.content.provenance import placeholders_for

if TYPE_CHECKING:  # the manifest parser (and tomllib) load only when the cache misses
    from reader.content.manifest import SectionEntry


def default_pack_dir() -> Path:
    """The bundled pack: next to a frozen executable first, then beside the package."""
    if getattr(sys, "frozen", False):
        beside = Path(sys.executable).resolve().parent / "content"
        if (beside / "manifest.toml").is_file():
            return beside
        return Path(getattr(sys, "_MEIPASS", beside.parent)) / "content"
    checkout = Path(__file__).resolve().parent.parent.parent / "content"
    if (checkout / MANIFEST_NAME).is_file():
        return checkout
    from reader.resources import installed_data_dir  # a pip install from a wheel

    return installed_data_dir() / "content"


def _read_section_bytes(files: PackFiles, entry: SectionEntry) -> tuple[bytes | None, Problem | None]:
    """The section's bytes, or why it cannot be read: only regular files inside the pack, never blocking."""
    try:
        return files.read(entry.file, limit=MAX_SECTION_BYTES), None
    except FileNotFoundError:
        return None, Problem(entry.file, "section file is missing")
    except Refused as refused:
        return None, Problem(entry.file, refused.message)


def _decode(entry: SectionEntry, raw: bytes) -> tuple[str | None, Problem | None]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return None, Problem(entry.file, "not UTF-8 text: save it as UTF-8", line)
    if not text.strip():
        return None, Problem(entry.file, "section file is empty")
    return text, None


def _render_all(
    manifest: Manifest, entries: list[SectionEntry], sources: dict[str, bytes]
) -> tuple[list[Section], list[Problem]]:
    # Imported here, not at the top: a start from the cache never loads Markdown.
    from reader.content.render import Renderer

    files_to_ids = {entry.file: entry.id for entry in entries}
    section_ids = set(files_to_ids.values())
    renderer = Renderer(files_to_ids, placeholders_for(manifest))
    sections: list[Section] = []
    problems: list[Problem] = []
    seen_ids: set[str] = set()
    for entry in entries:
        if entry.file not in sources:
            continue
        source, problem = _decode(entry, sources[entry.file])
        if problem is not None:
            problems.append(problem)
            continue
        assert source is not None
        rendered = renderer.render(source, entry.file)
        problems.extend(rendered.problems)
        if rendered.refused:
            continue  # over a size or nesting limit: left out, as an unreadable section is
        if rendered.title is None:
            problems.append(Problem(entry.file, "no '# Title' heading: the section id is used as its title", 1))
        subsections = []
        for sub in rendered.subsections:
            if sub.id in seen_ids or sub.id in section_ids:
                problems.append(Problem(entry.file, f"heading id '{sub.id}' is used elsewhere in the pack"))
                continue
            seen_ids.add(sub.id)
            subsections.append(sub)
        sections.append(
            Section(
                id=entry.id,
                title=rendered.title or entry.id,
                kind=entry.kind,
                file=entry.file,
                html=rendered.html,
                text=rendered.text,
                subsections=tuple(subsections),
            )
        )
    return sections, problems


def load_pack(root: Path, *, use_cache: bool = True) -> Pack:
    """Load the pack at root. Raises PackError if nothing readable remains."""
    root = Path(root)
    if use_cache:
        cached = cache.load(root)
        if cached is not None:
            return cached
    # What reading a pack afresh needs; a cached pack needs none of it.
    from reader.content.glossary import GLOSSARY_NAME, read_glossary
    from reader.content.manifest import read_manifest
    from reader.content.plain import read_companions

    # Stamped before reading, so a file changed while loading is not cached as read.
    stamps = [cache.stamp(root, MANIFEST_NAME), cache.stamp(root, GLOSSARY_NAME)]
    manifest, entries, plain_entries, problems = read_manifest(root)
    glossary, glossary_problems = read_glossary(root)
    problems.extend(glossary_problems)
    sources: dict[str, bytes] = {}
    files = PackFiles(root)
    for entry in entries:
        stamps.append(cache.stamp(root, entry.file))
        raw, problem = _read_section_bytes(files, entry)
        if problem is not None:
            problems.append(problem)
        else:
            assert raw is not None
            sources[entry.file] = raw
    sections, render_problems = _render_all(manifest, entries, sources)
    problems.extend(render_problems)
    if not sections:
        first = problems[0] if problems else None
        detail = f" (first problem: {first})" if first else ""
        raise PackError(Problem(str(root), f"the pack has no readable sections{detail}"), tuple(problems))
    stamps.extend(cache.stamp(root, entry.file) for entry in plain_entries)  # a missing one too: it may appear
    plain, plain_problems = read_companions(files, plain_entries)
    problems.extend(plain_problems)
    pack = Pack(root=root, manifest=manifest, sections=tuple(sections), problems=tuple(problems), glossary=glossary,
                plain=plain)
    if use_cache:
        cache.store(pack, stamps)
    return pack

"""A generated pack of many sections, for measuring search and loading at scale.

Each section mixes the bundled summary's sentences with filler vocabulary, so
the index has realistic words, phrases and rare terms; about 1 KB a section.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

_FILLER = ["patients", "clinic", "nurse", "blood", "test", "scan", "appointment", "symptom", "fever", "rash", "skin",
           "lymph", "node", "infection", "fatigue", "appetite", "weight", "sleep", "family", "support", "transport",
           "cost", "insurance", "leaflet", "hospital", "ward", "visit", "question", "answer", "diary", "medicine",
           "tablet", "injection", "drip", "monitor", "result"]


def generate_pack(source: Path, target: Path, sections: int = 2000, seed: int = 7) -> Path:
    """Write a pack of `sections` sections to target, built from the pack at source."""
    rng = random.Random(seed)
    sentences = [s.strip() + "." for f in sorted((source / "sections").glob("*.md"))
                 for s in f.read_text(encoding="utf-8").replace("\n", " ").split(". ")
                 if len(s.split()) > 5 and not s.lstrip().startswith(("#", "{", "-", "*"))]
    if target.exists():
        shutil.rmtree(target)
    (target / "sections").mkdir(parents=True)
    manifest = (source / "manifest.toml").read_text(encoding="utf-8").split("[[sections]]")[0]
    entries = []
    for number in range(sections):
        words = " ".join(rng.choice(_FILLER) for _ in range(60))
        body = " ".join(rng.sample(sentences, 3))
        text = (f"# Topic {number}: {rng.choice(_FILLER)} and {rng.choice(_FILLER)}\n\n{body}\n\n"
                f"## Notes {number} {{#notes-{number}}}\n\n{words} {rng.choice(sentences)}\n")
        (target / "sections" / f"s{number}.md").write_text(text, encoding="utf-8")
        entries.append(f'[[sections]]\nid = "s{number}"\nfile = "sections/s{number}.md"\n')
    (target / "manifest.toml").write_text(manifest + "\n".join(entries), encoding="utf-8")
    for extra in ("glossary.toml", "synonyms.toml"):
        if (source / extra).is_file():
            shutil.copy(source / extra, target / extra)
    return target

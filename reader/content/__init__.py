"""Content packs: loading, validating and rendering the summary (no Qt)."""

from reader.content.loader import default_pack_dir, load_pack
from reader.content.model import Manifest, Pack, PackError, Problem, Section, Subsection

__all__ = [
    "Manifest",
    "Pack",
    "PackError",
    "Problem",
    "Section",
    "Subsection",
    "default_pack_dir",
    "load_pack",
]

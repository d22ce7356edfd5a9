"""`check` for content editors: a pack's problems and warnings, above both content and search (no Qt)."""

from reader.checking.pack_check import Report, check_pack, external_links, review, warnings

__all__ = ["Report", "check_pack", "external_links", "review", "warnings"]

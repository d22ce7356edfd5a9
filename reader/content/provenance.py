"""What a page says about where its words come from: the review line, the aid line, the disclaimer in plain words
and the manifest placeholders."""

from __future__ import annotations

from reader import texts
from reader.content.dates import add_months, long_date
from reader.content.model import ABOUT, ABOUT_FIELDS, AID, Manifest, Pack, Section


def review_line(manifest: Manifest) -> str:
    """'Medically reviewed summary · Last updated 8 May 2026'."""
    return texts.REVIEW_LINE.format(kind=manifest.kind, date=long_date(manifest.last_updated))


def aid_page_line(manifest: Manifest) -> str:
    """'Plain-language aid, not medically reviewed · Last updated 8 May 2026': a handout page of aids."""
    return texts.AID_PAGE_LINE.format(date=long_date(manifest.last_updated))


def plain_disclaimer(manifest: Manifest) -> str:
    """'In plain words: This is general information. …', shown beside the disclaimer (never instead of it);
    "" for a pack that gives none."""
    text = manifest.about_field("disclaimer_plain")
    return texts.PLAIN_DISCLAIMER.format(text=text) if text else ""


def provenance_line(pack: Pack, section: Section) -> str | None:
    """What a section is: reviewed (with its date), a plain-language aid, or neither."""
    if section.kind == AID:
        return texts.AID_LINE
    if section.kind == ABOUT:
        return None  # "About this summary" states the review line in its own text.
    return review_line(pack.manifest)


def placeholders_for(manifest: Manifest) -> dict[str, str]:
    """What {{ name }} stands for in a section: manifest facts, each written once.

    `source` (a file name for staff) is not among them: patients never see it.
    """
    about = {key: manifest.about_field(key) or texts.NOT_STATED for key in ABOUT_FIELDS}
    if not manifest.about_field("next_review"):
        due = add_months(manifest.last_updated, manifest.review_interval_months)
        about["next_review"] = texts.DUE_BY.format(date=long_date(due))
    return {
        "title": manifest.title,
        "kind": manifest.kind,
        "last_updated": long_date(manifest.last_updated),
        "disclaimer": manifest.disclaimer,
        "review_line": review_line(manifest),
        "compiled_note": texts.COMPILED_NOTE,
        **about,
    }

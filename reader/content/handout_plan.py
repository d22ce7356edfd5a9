"""What a handout prints: the chosen sections, in reading order, and at which print size (no Qt)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader import texts
from reader.content.model import Pack, Section


@dataclass(frozen=True)
class PrintSize:
    """Type sizes (points) and margins (mm) for one handout size."""

    body_pt: float
    header_pt: float
    footer_pt: float
    margin_mm: float


NORMAL = PrintSize(body_pt=12, header_pt=9.5, footer_pt=9.5, margin_mm=18)
#: Large print: 18 pt text or more, wide margins (line spacing 1.5 comes from the page's stylesheet).
LARGE = PrintSize(body_pt=18, header_pt=13, footer_pt=14, margin_mm=25)


@dataclass(frozen=True)
class HandoutPlan:
    """What to print: the chosen sections of a pack, in reading order, and how."""

    pack: Pack
    sections: tuple[Section, ...]
    large_print: bool = False
    #: The clinic's name and phone, printed on every page when given.
    clinic: str = ""
    phone: str = ""
    #: Add the glossary words the sections use, on a page of their own.
    glossary: bool = False
    #: Print each section's "In plain words" box under its title; None: in large print only.
    plain: bool | None = None

    @classmethod
    def for_ids(cls, pack: Pack, ids: Sequence[str] = (), **options: object) -> HandoutPlan:
        """Sections named by id (a subsection id picks its section); all when ids is empty."""
        wanted = {located[0].id for sid in ids if (located := pack.locate(sid))}
        chosen = tuple(s for s in pack.sections if not ids or s.id in wanted)
        return cls(pack, chosen, **options)  # type: ignore[arg-type]

    @property
    def includes_plain(self) -> bool:
        """Whether the plain-language versions are printed: chosen, or by default with large print."""
        return self.large_print if self.plain is None else self.plain

    @property
    def size(self) -> PrintSize:
        return LARGE if self.large_print else NORMAL

    @property
    def clinic_note(self) -> str:
        """What every page says of who gave it: "Given to you by Name · phone", or with only a phone number,
        whom to call; "" with neither."""
        if not self.clinic.strip() and self.phone.strip():
            return texts.CALL_ABOUT.format(phone=self.clinic_line)
        return texts.GIVEN_BY.format(clinic=self.clinic_line) if self.clinic_line else ""

    @property
    def clinic_line(self) -> str:
        """"Name · phone", the phone number kept on one line (no-break spaces): split, it is easily misdialled."""
        phone = "\u00a0".join(self.phone.split())
        return " · ".join(part for part in (self.clinic.strip(), phone) if part)

"""Handout HTML: the glossary words used, web addresses with QR codes, and words kept whole on paper (no Qt)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader import texts
from reader.content.escaping import escape
from reader.content.glossary import TermFinder
from reader.content.links import EXTERNAL_SCHEMES, external_address
from reader.content.model import Pack, Section

_LINK_RE = re.compile(rf'<a [^>]*?href="((?:{"|".join(EXTERNAL_SCHEMES)}):[^"]+)"')
#: Where a QR image for web address number N is found in the handout document.
QR_URL = "qr:{number}"


#: A handout's page of addresses with QR codes: a page or two. Each address is also printed
#: beside its link in the text; a pack with thousands of links took a minute to export.
MAX_ADDRESSES = 20


def web_addresses(sections: Sequence[Section]) -> list[str]:
    """The first MAX_ADDRESSES web, mail or phone links in the sections, once each, in reading order."""
    found: dict[str, None] = {}
    for section in sections:
        for url in _LINK_RE.findall(section.html):
            found.setdefault(url)
            if len(found) == MAX_ADDRESSES:
                return list(found)
    return list(found)


def addresses_html(urls: Sequence[str], qr_px: int) -> str:
    """A block listing each address beside its QR code image (QR_URL numbered like urls)."""
    if not urls:
        return ""
    # One paragraph per address, so a page never cuts a code from its address.
    rows = "".join(
        f'<p><img src="{QR_URL.format(number=number)}" width="{qr_px}" height="{qr_px}"/>'
        f"&nbsp;&nbsp;{escape(external_address(url))}</p>"
        for number, url in enumerate(urls)
    )
    return f"<h2>{escape(texts.WEB_ADDRESSES)}</h2><p>{escape(texts.SCAN_TO_OPEN)}</p>{rows}"


def glossary_html(pack: Pack, sections: Sequence[Section]) -> str:
    """The glossary words the sections use, with their definitions, labelled as an aid."""
    finder = TermFinder(pack.glossary)
    seen: set[int] = set()
    for section in sections:
        finder.find(f"{section.title}\n{section.full_text}", seen)
    if not seen:
        return ""
    rows = "".join(f"<p><b>{escape(pack.glossary[i].term)}</b>: {escape(pack.glossary[i].definition)}</p>"
                   for i in sorted(seen))
    return f'<h1>{escape(texts.WORDS_USED)}</h1><p class="aid">{escape(texts.AID_LINE)}</p>{rows}'


_TEXT_RUN_RE = re.compile(r">([^<]+)<")
_INNER_BREAK_RE = re.compile(r"(?<=\w)([-/])(?=\w)")


def keep_words_whole(page_html: str) -> str:
    """Forbid line breaks inside "T-cell" or "leukemia/lymphoma" on paper.

    A break there reads back as "Tcell" or "leukemia/ lymphoma" to anyone who
    copies or extracts the text; a word joiner (U+2060) after the mark prevents it.
    """
    return _TEXT_RUN_RE.sub(lambda m: ">" + _INNER_BREAK_RE.sub("\\1\u2060", m.group(1)) + "<", page_html)

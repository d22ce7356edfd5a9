"""Rendering: raw HTML never runs, links stay in the pack, text is taken from what is shown."""

from __future__ import annotations

import pytest

from reader.content.render import render_markdown


def render(source: str, **kwargs):
    return render_markdown(source, file="sections/a.md", **kwargs)


def markup_in(html: str) -> dict[str, set[str]]:
    """Every element in html, with the attributes it is given anywhere: what Qt would act on."""
    from html.parser import HTMLParser

    found: dict[str, set[str]] = {}

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.setdefault(tag, set()).update(name for name, _ in attrs)

    Collect().feed(html)
    return found


def test_raw_html_is_shown_as_text_not_run():
    out = render("# T\n\n<script>alert(1)</script>\n\nHi <b onclick='x()'>there</b>")
    assert "<script>" not in out.html and "&lt;script&gt;" in out.html
    assert "<b onclick" not in out.html
    assert "alert(1)" in out.text


def test_web_link_keeps_its_address_visible():
    out = render("# T\n\nSee [the trials site](https://clinicaltrials.gov/) now.")
    assert 'class="external"' in out.html
    assert "(https://clinicaltrials.gov/)" in out.html


def test_link_whose_text_is_its_address_is_not_repeated():
    out = render("# T\n\nReview trials on [ClinicalTrials.gov](https://clinicaltrials.gov/).")
    assert out.html.count("clinicaltrials.gov/") == 2  # href and title only
    assert "ClinicalTrials.gov" in out.text


def test_links_out_of_the_pack_become_plain_text():
    sources = ["file:///etc/passwd", "data:text/html,hi", "javascript:alert(1)", "/etc/passwd", "../secret.md",
               "//host/x"]
    for target in sources:
        out = render(f"# T\n\n[click]({target})")
        assert "href" not in out.html, target
        assert "click" in out.text
        assert out.problems, target


def test_links_to_other_sections_use_the_section_scheme():
    out = render("# T\n\n[more](b.md#part)", files_to_ids={"sections/b.md": "b"})
    assert 'href="section:b#part"' in out.html


def test_images_from_outside_the_pack_are_dropped():
    out = render("# T\n\n![x](https://example.org/a.png) ![y](../../etc/a.png) ![z](img/ok.png)")
    assert "example.org" not in out.html and "etc/a.png" not in out.html
    assert 'src="pack:sections/img/ok.png"' in out.html


def test_title_intro_and_subsections_are_split():
    out = render("# Title\n\nIntro.\n\n## Part one {#one}\n\nFirst.\n\n## Part two\n\n- a\n- b")
    assert out.title == "Title"
    assert out.text == "Intro."
    assert [(s.id, s.title, s.text) for s in out.subsections] == [
        ("one", "Part one", "First."), ("part-two", "Part two", "a\nb")]


def test_placeholders_fill_in_pack_facts_and_unknown_ones_are_reported():
    out = render("# T\n\nUpdated {{ last_updated }}. {{ nope }}", placeholders={"last_updated": "8 May 2026"})
    assert "Updated 8 May 2026." in out.text
    assert any("nope" in str(p) and ":3:" in str(p) for p in out.problems)


def test_entities_and_escapes_read_naturally():
    out = render("# T\n\nA &amp; B \\*not emphasis\\* &copy;")
    assert out.text == "A & B *not emphasis* ©"


@pytest.mark.parametrize("text", ["plain", "a & b < c > d", "\"quoted\" and 'single'", "&amp; already",
                                  "<script>x</script>"])
def test_start_up_escaping_matches_the_standard_library(text):
    import html

    from reader.content.escaping import escape

    assert escape(text) == html.escape(text)


@pytest.mark.parametrize(("text", "as_markup"), [
    ("Not medical advice. Ask your care team.", False),
    ("Not advice <b>for</b> you; ask <your> team.", True),
    ("Ask your doctor & nurse.", True),
    ("A &lt;b&gt; is not bold here.", True),
])
def test_label_text_is_plain_unless_it_could_be_read_as_markup(text, as_markup):
    from reader.content.escaping import escape, label_text

    assert label_text(text) == (f"<span>{escape(text)}</span>" if as_markup else text)


@pytest.mark.parametrize(("source", "shown"), [
    ("Plain words, then **bold**.", "<strong>bold</strong>"),
    ("Some _emphasis_ here.", "<em>emphasis</em>"),
    ("First line  \nsecond line", "First line<br>"),
    ("Type `atl-reader` to start.", "<code>atl-reader</code>"),
    ("See <https://clinicaltrials.gov/> for trials.", 'class="external"'),
    ("Read [the options](b.md) first.", 'href="section:b"'),
    ("A diagram: ![Stages](images/stages.png)", 'src="pack:sections/images/stages.png"'),
    ("Fish &amp; chips", "Fish &amp; chips"),
])
def test_markup_works_in_paragraphs_among_plain_ones(source, shown):
    # Plain paragraphs skip Markdown's inline patterns; marked-up ones must still get them.
    out = render(f"# T\n\nA plain paragraph.\n\n{source}\n\nAnother plain one.", files_to_ids={"sections/b.md": "b"})
    assert shown in out.html
    assert "<p>A plain paragraph.</p>" in out.html


# -- one gate for what reaches Qt (issue 19) ---------------------------------------------------

HOSTILE_ATTRIBUTES = [
    '{: style="background-image: url(file:///dev/zero)" }',
    '{: style="color:red;font-size:40px" }',
    '{: onclick="alert(1)" }',
    '{: class="external" title="<img src=file:///dev/zero>" }',
    '{: .hidden #ok }',
    '{: href="file:///etc/passwd" src="file:///etc/hostname" }',
]


@pytest.mark.parametrize("attributes", HOSTILE_ATTRIBUTES)
def test_attribute_lists_cannot_style_hide_or_script_the_text(attributes):
    # A paragraph, a heading and an emphasised word each given the attribute list.
    source = f"# Cure {attributes}\n\nThis treatment cures ATL.\n{attributes}\n\nSome *words*{attributes} here."
    out = render(source)
    for name in ("style", "onclick", "title=", "src=", "hidden", "external", "file:"):
        assert name not in out.html, (name, out.html)
    assert "This treatment cures ATL." in out.text and "Some words here." in out.text
    # The editor is told, with the line of each attribute list.
    assert {p.line for p in out.problems} == {1, 4, 6}, out.problems
    assert all("it was left out" in p.message for p in out.problems)


def test_a_left_out_attribute_is_named_in_a_clear_problem():
    out = render("# T\n\nWarning\n{: style=\"color:red\" onclick=\"x()\" }")
    assert [str(p) for p in out.problems] == [
        "sections/a.md:4: attribute 'onclick' is not allowed; it was left out",
        "sections/a.md:4: attribute 'style' is not allowed; it was left out",
    ] or sorted(str(p) for p in out.problems) == [
        "sections/a.md:4: attribute 'onclick' is not allowed; it was left out",
        "sections/a.md:4: attribute 'style' is not allowed; it was left out",
    ]


def test_only_the_readers_own_classes_and_plain_ids_pass():
    out = render("# T\n\n## Using this reader {#using .screen-only .huge}\n\nPress A+.\n\n"
                 "A note.\n{: .compiled .red }\n\nText.\n{: #a-plain_id }\n\nMore.\n{: id=\"a b\" }")
    assert '<h2 class="screen-only" id="using">' in out.html
    assert '<p class="compiled">A note.</p>' in out.html
    assert '<p id="a-plain_id">Text.</p>' in out.html and "<p>More.</p>" in out.html
    own = "the reader's own (.checklist, .compiled, .paper-only, .screen-only)"
    assert [(p.line, p.message) for p in out.problems] == [
        (3, f"class '.huge' is not one of {own}; it was left out"),
        (8, f"class '.red' is not one of {own}; it was left out"),
        (14, "id '#a b' is not a plain name (letters, digits, '-' and '_'); it was left out"),
    ]


def test_table_alignment_is_an_attribute_and_never_a_style():
    out = render("# T\n\n| Drug | Dose |\n|:-----|-----:|\n| A | 1 |")
    assert '<th align="left">Drug</th>' in out.html and '<td align="right">1</td>' in out.html
    assert "style" not in out.html


def test_only_web_addresses_look_like_web_links():
    # .external marks an address that is shown, never opened; an internal link cannot borrow it.
    out = render("# T\n\n[options](b.md){: .external title=\"Go\" }", files_to_ids={"sections/b.md": "b"})
    assert out.html.count("external") == 0 and "title=" not in out.html
    assert 'href="section:b"' in out.html
    assert out.problems


def test_two_web_links_in_one_paragraph_each_show_their_own_address_after_them():
    out = render("# T\n\nSee [one](https://a.org/x) and [two](https://b.org/y) today.")
    assert out.text == "See one (https://a.org/x) and two (https://b.org/y) today."


# -- manifest text is text ---------------------------------------------------------------------

HOSTILE_VALUES = [
    '{: style="color:red;font-size:40px" }',
    "[click here](file:///etc/passwd)",
    "<img src='file:///dev/zero'>",
    "*Cures* all __patients__ `now` ![x](x.png)",
    "# Not a heading\n\n- not a list | not | a table",
    "<https://example.org> &copy; \\*",
]


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_manifest_values_are_shown_as_written_never_as_markup(value):
    source = "# {{ title }}\n\nBy {{ author }}.\n\nWarning\n{{ author }}\n\n| Who |\n|-----|\n| {{ author }} |"
    out = render(source, placeholders={"title": value, "author": value})
    shown = " ".join(value.split())
    assert out.title == shown
    assert f"By {shown}." in out.text and f"Warning {shown}" in out.text
    assert markup_in(out.html) == {"h1": {"id"}, "p": set(), "table": set(), "thead": set(), "tbody": set(),
                                   "tr": set(), "th": set(), "td": set()}
    assert not out.problems


# -- limits: what would freeze or crash the reader is refused first ---------------------------

@pytest.mark.parametrize(("source", "line", "words"), [
    ("# T\n\n" + "- " * 2000 + "a", 3, "nested 2000 levels deep"),
    ("# T\n\nIntro.\n\n" + ">" * 2000 + " a", 5, "nested 2000 levels deep"),
    ("# T\n\n" + "\n".join("    " * i + "- a" for i in range(14)), 15, "nested 13 levels deep"),
    ("# T\n\n" + "**" * 40 + "a" + "**" * 40, 3, "nested more than 8 levels deep"),
    ("# T\n\n" + "**a " * 2000, 3, "nested more than 8 levels deep"),
    ("# T\n\n|" + "a|" * 30 + "\n|" + "-|" * 30 + "\n|" + "b|" * 30, 4, "30 columns"),
    ("# T\n\n|a|b|\n|-|-|\n" + "|x|y|\n" * 600, 505, "more than 500 rows"),
    ("# " + "Long " * 100 + "\n\nText.", 1, "a heading of 499 characters"),
    ("# T\n\nUnderlined " + "x" * 300 + "\n---", 3, "a heading of 311 characters"),
    ("# T\n\nA " + "x" * 5000 + " word.", 3, "5,000 characters without a space"),
    ("# T\n\n" + "P.\n\n" * 10100, 20001, "more than 10,000 paragraphs"),
    ("# T\n\n" + "- item\n" * 1200, 1003, "a list of more than 1,000 items"),
    ("# T\n\n" + "## Part\n" * 600, 502, "more than 500 headings"),
    ("# T\n\nFine.\n\n" + "[a](b.md) " * 4100, 5, "more markup than one section can show (about 4,000 links"),
    ("# T\n\n" + "![a](i.png)\n" * 250, 203, "more than 200 pictures"),
    ("# T\n\nFine.\n\n" + "`code` " * 7000, 5, "a paragraph of 49,000 characters with this much markup"),
])
def test_a_section_over_a_limit_is_refused_before_markdown_with_its_line(source, line, words):
    out = render(source)
    assert out.refused and out.html == "" and out.title is None
    assert [p for p in out.problems if p.line == line and words in p.message and "left out" in p.message], out.problems


def test_a_section_at_the_limits_is_shown_in_full():
    nested = "\n".join("    " * i + f"- level {i + 1}" for i in range(12))
    emphasis = "*" * 3 * 2 + "deep" + "*" * 3 * 2  # four levels
    table = "|" + "h|" * 20 + "\n|" + "-|" * 20 + "\n" + ("|" + "c|" * 20 + "\n") * 500
    items = "- item\n" * 1000
    headings = "### Part\n" * 498  # and the title and the heading over the list
    source = (f"# {'T' * 200}\n\n{nested}\n\n{emphasis}\n\n{table}\nA {'x' * 2000} word.\n\n"
              f"## List\n\n{items}\n{headings}")
    out = render(source)
    assert not out.refused and not out.problems, out.problems
    assert "level 12" in out.text and "deep" in out.text and out.html.count("<tr>") == 501
    assert out.html.count("<li>") == 1000 + 12 and out.html.count("<h3") == 498


def test_a_recursion_error_in_markdown_is_a_problem_not_a_traceback(monkeypatch):
    import reader.content.render as render_module

    monkeypatch.setattr(render_module, "over_limits", lambda source, file: [])  # as if the scan missed it
    out = render("# T\n\n" + "- " * 3000 + "a")
    assert out.refused and out.problems
    # The renderer recovers: the next section renders as usual.
    assert render("# T\n\n> quoted\n\n- a\n- b").text == "quoted\n\na\nb"


def test_a_refused_section_is_left_out_of_the_pack_and_check_names_its_line(make_pack):
    from reader.checking import check_pack
    from reader.content import load_pack

    root = make_pack({"good.md": "# Good\n\nWords.", "deep.md": "# Deep\n\nIntro.\n\n" + "- " * 2000 + "a"})
    pack = load_pack(root, use_cache=False)
    assert [s.id for s in pack.sections] == ["good"]
    assert any(str(p).startswith("sections/deep.md:5: lists and quotes are nested") for p in check_pack(root))


# -- check's messages -------------------------------------------------------------------------

def test_problem_messages_never_show_markdowns_internal_markers():
    source = ("# T\n\n[a](file:///x\\_y) [b](&#106;avascript:alert(1)) [c](a&amp;b.md) ![d](file:///a&copy;b)\n\n"
              "<file:///etc/passwd> [e](javascript:alert\\(1\\))")
    out = render(source)
    assert len(out.problems) == 6
    for problem in out.problems:
        text = str(problem)
        assert not any(marker in text for marker in ("\x02", "\x03", "wzxhzdk", "klzzwxh", "amp\\x03")), text
        assert problem.line in (3, 5), text


def test_refused_links_and_images_name_their_line():
    out = render("# T\n\nFine.\n\nSee [this](file:///etc/passwd).\n\n![x](../../etc/a.png)\n\n[again](file:///etc/passwd)")
    assert [(p.line, p.message.split(":")[0]) for p in out.problems] == [
        (5, "link leaves the content pack"), (7, "image from outside the content pack"),
        (9, "link leaves the content pack")]


@pytest.mark.parametrize("written", ["<mailto:someone@example.org>", "<someone@example.org>"])
def test_a_mail_autolink_is_an_address_shown_like_any_other(written):
    out = render(f"# T\n\nWrite to {written} today.")
    assert not out.problems
    assert 'class="external"' in out.html and 'href="mailto:someone@example.org"' in out.html
    assert out.text == "Write to someone@example.org today."


@pytest.mark.parametrize(("char", "name"), [
    ("\u202e", "U+202E right-to-left override"), ("\u2067", "U+2067 right-to-left isolate"),
    ("\x00", "U+0000"), ("\u200b", "U+200B zero width space"), ("\x02", "U+0002"),
])
def test_invisible_and_direction_characters_are_removed_and_reported_with_their_line(char, name):
    out = render(f"# T\n\nFine.\n\nTake the {char}tablets daily.")
    assert char not in out.html and char not in out.text
    assert "Take the tablets daily." in out.text  # and search finds "tablets"
    assert [p.line for p in out.problems if name in p.message] == [5], out.problems


def test_an_invisible_character_written_as_an_entity_is_removed_too():
    out = render("# T\n\nTake the &#x202E;tablets &#8238;daily &copy;.")
    assert "202E" not in out.html.upper() and "8238" not in out.html and "\u202e" not in out.text
    assert out.text == "Take the tablets daily ©."
    assert [p.line for p in out.problems] == [3, 3]


def test_check_names_each_picture_that_cannot_be_shown_with_its_line(make_pack):
    import struct
    import zlib

    from reader.checking import check_pack

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))
    root = make_pack({"a.md": "# A\n\nIntro.\n\n![Fine](img/fine.png)\n\n![Gone](img/gone.png)\n\n"
                              "![Huge](img/huge.png)\n\n![Text](img/text.png)"})
    (root / "sections" / "img").mkdir()
    (root / "sections" / "img" / "fine.png").write_bytes(png)
    (root / "sections" / "img" / "text.png").write_text("not a picture", encoding="utf-8")
    with open(root / "sections" / "img" / "huge.png", "wb") as sparse:
        sparse.truncate(3 * 1024**3)  # sparse: no disk used, and never read (its size refuses it)
    found = [(p.line, p.message) for p in check_pack(root) if "picture" in p.message]
    assert [(line, message.split(" ")[1]) for line, message in found] == [
        (7, "sections/img/gone.png"), (9, "sections/img/huge.png"), (11, "sections/img/text.png")]
    assert "is missing" in found[0][1] and "too large" in found[1][1] and "not a" in found[2][1]


def test_a_paragraph_of_many_links_renders_without_a_pause(monkeypatch):
    import time

    from markdown.inlinepatterns import LinkInlineProcessor

    # Markdown mapped every bracket of the paragraph again for each link: 2,000 links took 10 s.
    maps = []
    original = LinkInlineProcessor._findBracketEnds
    monkeypatch.setattr(LinkInlineProcessor, "_findBracketEnds",
                        staticmethod(lambda data: maps.append(1) or original(data)))
    source = "# T\n\n" + "See [the options](b.md) and [more](b.md#part). " * 1000
    started = time.perf_counter()
    out = render(source, files_to_ids={"sections/b.md": "b"})
    assert time.perf_counter() - started < 3.0
    assert out.html.count('href="section:b') == 2000 and not out.problems
    assert len(maps) <= 2


def test_a_title_on_a_button_keeps_its_ampersand_instead_of_making_a_shortcut_key():
    from reader.content.escaping import button_text

    assert button_text("Q&A: tests & scans") == "Q&&A: tests && scans"
    assert button_text("Clinical trials") == "Clinical trials"

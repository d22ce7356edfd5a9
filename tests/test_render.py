"""Rendering: raw HTML never runs, links stay in the pack, text is taken from what is shown."""

from __future__ import annotations

import pytest

from reader.content.render import render_markdown


def render(source: str, **kwargs):
    return render_markdown(source, file="sections/a.md", **kwargs)


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
    sources = ["file:///etc/passwd", "data:text/html,hi", "javascript:alert(1)", "/etc/passwd", "../secret.md", "//host/x"]
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
    assert [(s.id, s.title, s.text) for s in out.subsections] == [("one", "Part one", "First."), ("part-two", "Part two", "a\nb")]


def test_placeholders_fill_in_pack_facts_and_unknown_ones_are_reported():
    out = render("# T\n\nUpdated {{ last_updated }}. {{ nope }}", placeholders={"last_updated": "8 May 2026"})
    assert "Updated 8 May 2026." in out.text
    assert any("nope" in str(p) and ":3:" in str(p) for p in out.problems)


def test_entities_and_escapes_read_naturally():
    out = render("# T\n\nA &amp; B \\*not emphasis\\* &copy;")
    assert out.text == "A & B *not emphasis* ©"


@pytest.mark.parametrize("text", ["plain", "a & b < c > d", "\"quoted\" and 'single'", "&amp; already", "<script>x</script>"])
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

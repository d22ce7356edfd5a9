"""Arbitrary Markdown, manifests and queries: nothing raises except the documented errors."""

from __future__ import annotations

import re
import string
from html.parser import HTMLParser

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from reader.content import PackError, load_pack
from reader.content.prescan import strip_invisible
from reader.content.render import literal, render_markdown
from reader.search import SearchIndex

# Markdown's own punctuation, HTML, links and odd Unicode are where renderers break.
MARKDOWN_BITS = st.sampled_from([
    "# ", "## ", "### ", "- ", "1. ", "> ", "```", "`", "*", "**", "_", "[", "](", ")", "#", "{#", "}", "<", ">",
    "<script>", "</div>", "<!--", "&amp;", "&#0;", "\n", "\n\n", "|", "---", "![", "file:///etc/passwd",
    "javascript:alert(1)", "http://x.org", "../", "{{ title }}", "{{ nope }}", "\u202e", "\u0000", "\ud7ff", "🙂",
])
MARKDOWN = st.lists(st.one_of(MARKDOWN_BITS, st.text(max_size=12)), max_size=40).map("".join)
QUERIES = st.one_of(st.text(max_size=60), st.lists(st.sampled_from(
    ['"', "AND", "OR", "NOT", "NEAR(", "*", "^", "(", ")", "chemo", "htlv", "1", "-", " ", "transplnt", ":"]),
    max_size=12).map("".join))
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(MARKDOWN)
def test_any_markdown_renders_without_raising_and_never_runs_html(source):
    rendered = render_markdown(source, file="sections/a.md", files_to_ids={}, placeholders={"title": "T"})
    assert "<script" not in rendered.html.lower()
    assert 'href="file:' not in rendered.html and 'href="javascript:' not in rendered.html.lower()


@FUZZ
@given(st.lists(MARKDOWN, min_size=1, max_size=3))
def test_any_pack_loads_or_says_why(make_pack, sections):
    root = make_pack({f"s{n}.md": text for n, text in enumerate(sections)})
    try:
        pack = load_pack(root, use_cache=False)
    except PackError as exc:
        assert str(exc)  # a clear sentence
        return
    index = SearchIndex(pack)
    index.search("the", prefix=True)


@FUZZ
@given(st.text(alphabet=string.printable + "éü\u00a0[]=\"'", max_size=300))
def test_any_manifest_loads_or_says_why(make_pack, manifest):
    root = make_pack({"a.md": "# A\n\nWords."})
    (root / "manifest.toml").write_text(manifest, encoding="utf-8")
    try:
        load_pack(root, use_cache=False)
    except PackError as exc:
        assert exc.problem.path.endswith("manifest.toml") or "pack" in str(exc)


@FUZZ
@given(QUERIES)
def test_any_query_is_answered(pack, query):
    result = SearchIndex(pack).search(query, prefix=True)
    assert result.query.text == query
    result.to_json()


@FUZZ
@given(st.lists(st.one_of(st.sampled_from(["HTLV", "-", "1", "T", "cell", "2b", "_", " ", "\u2011", "é", "’", "Ca"]),
                          st.text(alphabet=string.printable, max_size=6)), max_size=20).map("".join))
def test_indexed_words_are_the_words_a_query_is_split_into(text):
    # The index reads whole texts at once and a query word by word; they must agree,
    # or a section holding "HTLV-1" or "T-cell" would not be found by typing them.
    from reader.search.tokens import tokenize, words

    assert words(text) == [token.norm for token in tokenize(text)]


# -- issue 19: attribute lists, manifest strings and nesting ------------------------------------

GATE = settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
HOSTILE_VALUES = st.sampled_from([
    "color:red;font-size:40px", "background-image: url(file:///dev/zero)", "file:///etc/passwd", "javascript:x()",
    "<img src=file:///dev/zero>", "pack:../../etc/a.png", "external", "address", "screen-only", "a b", "\u202e", "",
])
ATTRIBUTE_NAMES = st.sampled_from(["style", "onclick", "href", "src", "title", "class", "id", "align", "start",
                                   "alt", "lang", "dir", "data-x", "width", "bgcolor", "background"])
ATTRIBUTE_ITEMS = st.one_of(
    st.builds(lambda key, value, quote: f"{key}={quote}{value}{quote}", ATTRIBUTE_NAMES,
              st.one_of(HOSTILE_VALUES, st.text(alphabet=string.ascii_letters + ":/;.-#", max_size=10)),
              st.sampled_from(['"', "'"])),
    st.builds(lambda name: f"#{name}",
              st.one_of(HOSTILE_VALUES, st.text(alphabet=string.ascii_letters + "-_<", max_size=8))),
    st.builds(lambda name: f".{name}",
              st.one_of(HOSTILE_VALUES, st.text(alphabet=string.ascii_letters + "-", max_size=8))),
)
ATTRIBUTE_LISTS = st.lists(ATTRIBUTE_ITEMS, min_size=1, max_size=4).map(lambda items: "{: " + " ".join(items) + " }")
#: Where an attribute list can stand: after a heading, under a paragraph, after an inline element, in a list, a cell.
PLACES = st.sampled_from([
    "# Heading {attrs}\n\nzebra words.",
    "zebra words.\n{attrs}",
    "Some *zebra*{attrs} words.",
    "[zebra](b.md){attrs} and [web](https://example.org/){attrs}",
    "![picture](img/a.png){attrs} zebra",
    "- zebra item\n{attrs}\n- two",
    "| zebra | b {attrs} |\n|:--|--:|\n| c | d |",
    "> zebra quoted\n> {attrs}",
])
ALLOWED_ATTRIBUTES = {"a": {"href", "class", "title", "id"}, "img": {"src", "alt", "id"},
                      "th": {"align", "id", "class"}, "td": {"align", "id", "class"}, "ol": {"start", "id", "class"},
                      "em": {"id"}, "strong": {"id"}, "code": {"id"}, "br": {"id"}}
ALLOWED_CLASSES = {"compiled", "screen-only", "external", "address"}


def assert_only_allowed_markup(html: str) -> None:
    """Every element and attribute Qt would get is on the allow-list; no style, pictures only from the pack."""
    problems: list[str] = []

    class Walk(HTMLParser):
        def handle_starttag(self, tag, attrs):
            for name, value in attrs:
                if name not in ALLOWED_ATTRIBUTES.get(tag, {"class", "id"}):
                    problems.append(f"<{tag} {name}>")
                elif name == "class" and not set((value or "").split()) <= ALLOWED_CLASSES:
                    problems.append(f"<{tag} class={value}>")
                elif name == "src" and not (value or "").startswith("pack:"):
                    problems.append(f"<img src={value}>")
                elif name == "href" and not (value or "").startswith(("section:", "#", "http://", "https://",
                                                                      "mailto:", "tel:")):
                    problems.append(f"<a href={value}>")

    Walk().feed(html)
    assert not problems, problems


@GATE
@given(PLACES, ATTRIBUTE_LISTS)
# Found by this test: an href of only an invisible character, taken out, left a problem without its line.
@example(place="[zebra](b.md){attrs} and [web](https://example.org/){attrs}", attributes='{: href="\u202e" }')
def test_attribute_lists_never_get_past_the_allow_list(place, attributes):
    source = "# T\n\n" + place.replace("{attrs}", attributes)
    rendered = render_markdown(source, file="sections/a.md", files_to_ids={"sections/b.md": "b"})
    assert_only_allowed_markup(rendered.html)
    if ".compiled" not in attributes:  # a compiled note is a label, not text to search
        searched = [rendered.title or "", rendered.text, *(f"{s.title} {s.text}" for s in rendered.subsections)]
        assert "zebra" in " ".join(searched)
    for problem in rendered.problems:
        assert problem.line is not None and 1 <= problem.line <= source.count("\n") + 1, problem


MANIFEST_STRINGS = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(["{: style=\"color:red\" }", "[x](file:///etc/passwd)", "<img src='x'>", "*", "**", "_",
                              "`", "# ", "- ", "1. ", "> ", "|", "\\", "&copy;", "&", "<", "<https://x.org>",
                              "{{ title }}", "\n\n", "    ", "---", "===", "\u202e", "\x00", "words"]),
             max_size=10).map("".join),
)


@GATE
@given(MANIFEST_STRINGS)
def test_a_manifest_value_reads_exactly_as_written_wherever_it_is_used(value):
    from reader.content.prescan import MAX_HEADING_CHARS

    # A title past the heading limit is refused, and said so: another test's case (it failed here now and then)
    assume(len(value) <= MAX_HEADING_CHARS)
    source = "# {{ title }}\n\nBy {{ author }}, see below.\n\n- {{ author }}\n\n| Who |\n|---|\n| {{ author }} |"
    rendered = render_markdown(source, file="sections/a.md", placeholders={"title": value, "author": value})
    assert_only_allowed_markup(rendered.html)
    shown = " ".join(strip_invisible(value).split())
    assert not rendered.problems, rendered.problems
    if shown:
        assert rendered.title == shown
    assert f"By {shown}, see below." in rendered.text
    assert not any(tag in rendered.html for tag in ("<img", "<em", "<strong", "<code", "<a ", "<li><h", "<blockquote"))
    assert "\n" not in literal(value)  # so the lines of the section keep their numbers


@GATE
@given(st.sampled_from(["> ", "- ", "1. ", "    - ", "> - "]), st.integers(min_value=1, max_value=40))
def test_nesting_is_shown_up_to_the_limit_and_refused_beyond_it(marker, depth):
    if marker == "    - ":
        body = "\n".join("    " * level + "- zebra" for level in range(depth))
    else:
        body = marker * depth + "zebra"
    rendered = render_markdown("# T\n\n" + body, file="sections/a.md")
    levels = depth * (2 if marker == "> - " else 1)
    if levels > 12:  # reported at the line that goes too deep
        assert rendered.refused and rendered.problems[0].line == (2 + 13 if marker == "    - " else 3)
    else:
        assert not rendered.refused and "zebra" in rendered.text, rendered.problems


@GATE
@given(st.lists(st.sampled_from(["*", "**", "***", "_", "__", "[", "](b.md)", "`", "a", " ", "zebra"]), max_size=60))
def test_inline_nesting_never_reaches_qt_beyond_the_limit(parts):
    source = "# T\n\n" + "".join(parts)
    rendered = render_markdown(source, file="sections/a.md", files_to_ids={"sections/b.md": "b"})
    assert_only_allowed_markup(rendered.html)
    depth = most = 0
    for token in re.findall(r"</?(?:em|strong|a|code|span)\b", rendered.html):
        depth += -1 if token.startswith("</") else 1
        most = max(most, depth)
    assert most <= 8
    if rendered.refused:
        assert rendered.problems and rendered.problems[0].line == 3

"""Arbitrary Markdown, manifests and queries: nothing raises except the documented errors."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.content import PackError, load_pack
from reader.content.render import render_markdown
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

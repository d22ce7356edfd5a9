

def test_a_match_is_heard_with_the_words_around_it_and_whole():
    from reader.search.snippets import words_around

    text = "one two three four five six seven chemotherapy eight nine ten eleven twelve thirteen fourteen"
    start = text.index("chemo")
    assert words_around(text, start, start + 5, each_side=3) == "… five six seven chemotherapy eight nine ten …"
    assert words_around("HSCT is used.", 0, 4) == "HSCT is used."

"""The welcome screen's choices: sizes that really are larger, and every section as a topic."""

from reader.kiosk.welcome import Topic, start_sizes, topics


def test_the_three_sizes_grow_from_the_kiosks_own():
    assert start_sizes(150) == (150, 200, 300)
    assert start_sizes(100) == (100, 125, 175)


def test_no_size_is_offered_twice_near_the_largest():
    assert start_sizes(250) == (250, 300)
    assert start_sizes(300) == (300,)


def test_a_topic_for_every_section_in_order(pack):
    assert topics(pack) == tuple(Topic(section.id, section.title) for section in pack.sections)
    assert topics(pack)[0].section_id == pack.home.id

"""What a handout prints: the clinic's line, as a patient will dial from it."""

from reader.content.handout_plan import HandoutPlan


def test_the_phone_number_is_never_split_across_lines(pack):
    plan = HandoutPlan(pack, pack.sections, clinic="  Riverside Clinic ", phone=" +44 20  7946 0958 ")
    assert plan.clinic_line == "Riverside Clinic · +44\u00a020\u00a07946\u00a00958"


def test_only_what_was_given(pack):
    assert HandoutPlan(pack, pack.sections, phone="01234 567890").clinic_line == "01234\u00a0567890"
    assert HandoutPlan(pack, pack.sections, clinic="Riverside Clinic").clinic_line == "Riverside Clinic"
    assert HandoutPlan(pack, pack.sections).clinic_line == ""


def test_every_page_says_who_gave_it_or_whom_to_call(pack):
    both = HandoutPlan(pack, (), clinic="Riverside", phone="555 123")
    assert both.clinic_note == "Given to you by Riverside · 555\u00a0123"
    phone = HandoutPlan(pack, (), phone="(555) 123-4567")  # "Given to you by (555) 123-4567" named nobody
    assert phone.clinic_note == "Questions about this handout? Call (555)\u00a0123-4567"
    assert HandoutPlan(pack, ()).clinic_note == ""

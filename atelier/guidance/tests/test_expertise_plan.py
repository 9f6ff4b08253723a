"""The expertise planner's maths and rules, without the database: make, coach or buy."""

import copy
import json
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from atelier.guidance.rules.expertise import DEFAULT, validate
from atelier.guidance.services.expertise import compute_plan
from atelier.method import library_data

PHASES = [
    {"slug": phase["slug"], "name": {"nl": phase["name_nl"], "en": phase["name_en"]}}
    for phase in library_data.PHASES
]
AREAS = [area["key"] for area in DEFAULT["areas"]]
CENT = Decimal("0.01")


def plan(planned, skills, data=DEFAULT, language="en", phases=PHASES):
    return compute_plan(data, phases, planned, skills, language)


def phase_of(result, slug):
    return next(phase for phase in result["phases"] if phase["phase"] == slug)


def area_of(phase, key):
    return next(area for area in phase["areas"] if area["area"] == key)


def research(planned, level):
    """The user-research line of the explore phase, with a team at `level` in research."""
    explore = phase_of(plan({"explore": planned}, [{"user_research": level}]), "explore")
    return explore, area_of(explore, "user_research")


def test_a_team_strong_in_research_does_the_interviews_with_staff_itself():
    explore, line = research(["observation", "interviews-with-staff"], 2)
    assert (line["decision"], line["needed"], line["in_house"]) == ("make", 2, 2)
    assert (line["internal_days"], line["external_days"], line["cost"]) == (4, 0, "0.00")
    assert explore["decision"] == "make" and explore["cost"] == "0.00"
    assert "has this in house" in line["reason"]


def test_a_team_weak_in_research_buys_it_at_days_times_the_day_rate():
    explore, line = research(["observation", "interviews-with-staff"], 0)
    days = Decimal("2") + Decimal("2")
    rate = Decimal(DEFAULT["day_rates"]["user_research"])
    assert line["decision"] == "buy" and explore["decision"] == "buy"
    assert line["external_days"] == 4 and line["day_rate"] == "950.00"
    assert Decimal(line["cost"]) == days * rate == Decimal("3800.00")
    assert line["cost"] == "3800.00" and explore["cost"] == "3800.00"
    assert line["internal_days"] == 2  # staff shadow half of the expert's days
    assert "Bring in a researcher" in line["reason"] and "shadow" in line["reason"]


def test_a_team_one_level_short_does_it_with_a_coach():
    explore, line = research(["observation", "interviews-with-staff"], 1)
    assert line["decision"] == "make" and explore["decision"] == "coach"
    assert line["internal_days"] == 4 and line["external_days"] == 1  # a quarter of 4 days
    assert line["cost"] == "950.00"
    assert "coach" in line["reason"]


def test_coach_days_are_rounded_up_to_half_days():
    _explore, line = research(["observation"], 1)  # a quarter of 2 days is half a day
    assert line["external_days"] == 0.5 and line["cost"] == "475.00"


def test_a_sensitive_technique_brings_in_an_expert_even_for_a_strong_team():
    explore, line = research(["interviews-with-citizens"], 3)
    assert line["decision"] == "buy" and explore["decision"] == "buy"
    assert line["external_days"] == 4 and line["internal_days"] == 2
    assert line["cost"] == "3800.00"
    assert line["reason"].startswith("First interviews with vulnerable residents: bring in")
    assert "Staff shadow the expert (days: 2)" in line["reason"]
    assert "next round is done in house" in line["reason"]


def test_a_sensitive_technique_does_not_make_the_team_buy_what_it_can_do():
    _explore, line = research(["interviews-with-citizens", "observation"], 3)
    assert line["decision"] == "buy"
    assert line["external_days"] == 4  # only the sensitive interviews
    assert line["internal_days"] == 2 + 2  # shadowing, and the observation done in house
    assert line["cost"] == "3800.00"


def test_a_phase_without_a_plan_uses_its_usual_need():
    result = plan({}, [{}])
    explore = phase_of(result, "explore")
    assert explore["techniques"] == []
    assert explore["reasons"][0].startswith("Nothing is planned in the Explore phase yet")
    line = area_of(explore, "user_research")
    assert line["external_days"] == 5 and line["cost"] == "4750.00"


def test_a_phase_without_a_plan_or_a_usual_need_has_no_days():
    phases = [*PHASES, {"slug": "aftercare", "name": {"nl": "Nazorg", "en": "Aftercare"}}]
    aftercare = phase_of(plan({}, [], phases=phases), "aftercare")
    assert aftercare["areas"] == [] and aftercare["decision"] == "make"
    assert (aftercare["internal_days"], aftercare["external_days"], aftercare["cost"]) == (
        0,
        0,
        "0.00",
    )


def test_a_technique_missing_from_the_rules_is_named_and_not_counted():
    explore = phase_of(plan({"explore": ["observation", "drone-survey"]}, [{}]), "explore")
    assert any("'drone-survey' is not in the planner's rules" in r for r in explore["reasons"])
    assert area_of(explore, "user_research")["external_days"] == 2


def test_the_best_member_counts_for_the_team():
    skills = [{"user_research": 0}, {"user_research": 2}, {"facilitation": 3}]
    line = area_of(phase_of(plan({"explore": ["observation"]}, skills), "explore"), "user_research")
    assert line["in_house"] == 2 and line["decision"] == "make"


def test_a_technique_can_ask_more_than_the_usual_level():
    ideate = phase_of(
        plan({"ideate-and-co-create": ["co-creation-workshop"]}, [{"facilitation": 2}]),
        "ideate-and-co-create",
    )
    line = area_of(ideate, "facilitation")
    assert line["needed"] == 3 and ideate["decision"] == "coach"


def test_day_rates_and_shares_come_from_the_rules():
    data = copy.deepcopy(DEFAULT)
    data["day_rates"]["user_research"] = "1100.00"
    data["shadow_share"] = "1"
    explore = phase_of(plan({"explore": ["observation"]}, [{}], data=data), "explore")
    line = area_of(explore, "user_research")
    assert line["cost"] == "2200.00" and line["internal_days"] == 2


def test_the_plan_speaks_dutch_when_asked():
    result = plan({"explore": ["interviews-with-citizens"]}, [{}], language="nl")
    explore = phase_of(result, "explore")
    assert result["language"] == "nl" and explore["name"] == "Verkennen"
    assert explore["reasons"][0].startswith("Eerste interviews met kwetsbare inwoners")
    assert "€ 3.800,00" in explore["reasons"][0]


def test_the_plan_has_the_shape_the_tender_builder_reads():
    result = plan({"explore": ["observation"]}, [{}])
    assert set(result) == {"phases", "totals", "language"}
    assert [phase["phase"] for phase in result["phases"]] == [p["slug"] for p in PHASES]
    phase = result["phases"][1]
    assert set(phase) == {
        "phase", "name", "decision", "techniques", "areas",
        "internal_days", "external_days", "cost", "reasons",
    }  # fmt: skip
    assert set(phase["areas"][0]) == {
        "area", "name", "needed", "in_house", "decision", "internal_days",
        "external_days", "day_rate", "cost", "reason",
    }  # fmt: skip
    assert set(result["totals"]) == {"internal_days", "external_days", "cost"}
    assert json.loads(json.dumps(result)) == result


def _decimal(value):
    return Decimal(str(value))


def _check_sums(result, data):
    for phase in result["phases"]:
        for key in ("internal_days", "external_days", "cost"):
            assert _decimal(phase[key]) == sum((_decimal(a[key]) for a in phase["areas"]), 0)
        for line in phase["areas"]:
            rate = Decimal(data["day_rates"][line["area"]])
            exact = _decimal(line["external_days"]) * rate
            assert Decimal(line["cost"]) == exact.quantize(CENT, rounding=ROUND_HALF_UP)
    for key in ("internal_days", "external_days", "cost"):
        assert _decimal(result["totals"][key]) == sum(
            (_decimal(phase[key]) for phase in result["phases"]), 0
        )
    assert all(len(p["cost"].split(".")[1]) == 2 for p in result["phases"])


def test_totals_add_up_exactly_for_every_technique_planned():
    planned = {}
    for technique in library_data.TECHNIQUES:
        planned.setdefault(technique["phase"], []).append(technique["slug"])
    result = plan(planned, [{"user_research": 1, "facilitation": 2, "visualisation": 0}])
    _check_sums(result, DEFAULT)
    assert result["totals"]["cost"] != "0.00"


@settings(max_examples=60, deadline=None)
@given(
    picks=st.lists(st.sampled_from(sorted(DEFAULT["techniques"])), max_size=12),
    levels=st.lists(st.fixed_dictionaries({a: st.integers(0, 3) for a in AREAS}), max_size=3),
    rate=st.decimals(min_value=Decimal("1"), max_value=Decimal("2000"), places=2),
)
def test_totals_always_add_up_in_decimal(picks, levels, rate):
    data = copy.deepcopy(DEFAULT)
    data["day_rates"]["facilitation"] = str(rate)
    by_phase = {t["slug"]: t["phase"] for t in library_data.TECHNIQUES}
    planned = {}
    for slug in picks:
        planned.setdefault(by_phase[slug], []).append(slug)
    _check_sums(plan(planned, levels, data=data), data)


def test_the_shipped_rules_pass_their_own_checks_and_cover_the_method_library():
    assert validate(DEFAULT) == []
    assert {t["slug"] for t in library_data.TECHNIQUES} <= set(DEFAULT["techniques"])
    assert {p["slug"] for p in library_data.PHASES} == set(DEFAULT["phase_defaults"])


def test_the_checks_refuse_float_money_unknown_areas_and_placeholders():
    data = copy.deepcopy(DEFAULT)
    data["day_rates"]["facilitation"] = 900.5
    data["techniques"]["observation"]["areas"] = {"juggling": "1"}
    data["reasons"]["make"]["en"] += " {secret}"
    data["techniques"]["brainstorm"]["sensitive"] = True  # without a why
    problems = " ".join(validate(data))
    assert "day rate of 'facilitation'" in problems
    assert "observation" in problems and "juggling" in problems
    assert "{secret}" in problems
    assert "brainstorm" in problems and "why" in problems
    assert validate([]) == ["The rules must be a JSON object."]
